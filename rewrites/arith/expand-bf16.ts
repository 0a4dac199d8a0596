/**
 * arith-expand's bf16 patterns (MLIR 17's `arith-expand{include-bf16=true}`): extf and truncf involving bf16
 * become integer ops on the bits, so that no bf16 arithmetic reaches LLVM 14 (whose x86-64 and riscv64 backends
 * abort on it; the llvm dialect carries bf16 as its i16 bits, llvm-common/type-converter.ts). Scalars and vectors
 * alike: every op is elementwise on the same shape.
 *
 * - extf bf16 -> f32 is exact: the bf16 bits are the high half of the f32's.
 * - truncf f32 -> bf16 rounds to nearest even on the bits; a NaN stays a NaN, quieted, with its payload's top bits.
 * - truncf f64 -> bf16 must round once: it rounds to f32 *to odd* (toward zero, then the last bit set when
 *   inexact), which keeps enough of the value (24 >= 8 + 2 bits) for the f32 -> bf16 rounding to give the
 *   correctly rounded bf16.
 */
import { DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { FloatType, IntegerType, type Type, VectorType, f32, f64, i16, i32 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import {
  AddIOp,
  AndIOp,
  BitcastOp,
  CmpFOp,
  CmpIOp,
  ConstantOp,
  ExtFOp,
  ExtUIOp,
  OrIOp,
  SelectOp,
  ShLIOp,
  ShRUIOp,
  SubIOp,
  TruncFOp,
  TruncIOp,
  cmpfPredicate,
  cmpiPredicate,
} from "../../dialects/arith/index.ts";

// biome-ignore lint/suspicious/noExplicitAny: values here are all of the op's own (checked) shape.
type V = Value<any>;

/** The element type of a scalar or vector type. */
export const elementOf = (type: Type): Type => (type instanceof VectorType ? type.elementType : type);
/** `type`'s shape with `element` elements. */
export const withElement = (type: Type, element: Type): Type => (type instanceof VectorType ? VectorType.get(type.shape, element, type.scalableDims) : element);
const isBF16 = (type: Type): boolean => {
  const e = elementOf(type);
  return e instanceof FloatType && e.name === "bf16";
};
const isFloatNamed = (type: Type, name: string): boolean => {
  const e = elementOf(type);
  return e instanceof FloatType && e.name === name;
};

/** Integer ops on values of one shape (`like`'s), with splat constants of that shape. */
class BitOps {
  constructor(
    private readonly rw: PatternRewriter,
    private readonly like: Type,
  ) {}
  type(element: Type): Type {
    return withElement(this.like, element);
  }
  constant(element: IntegerType, value: bigint): V {
    const type = this.type(element);
    const attr = type instanceof VectorType ? DenseElementsAttr.splat(type, element.width === 64 ? value : Number(BigInt.asIntN(element.width, value))) : IntegerAttr.get(element, value);
    return this.rw.create(ConstantOp, { value: attr }).result;
  }
  /** +0.0 of a float element type, in the shape. */
  zero(element: FloatType): V {
    const type = this.type(element);
    const attr = type instanceof VectorType ? DenseElementsAttr.splat(type, 0) : FloatAttr.get(element, 0);
    return this.rw.create(ConstantOp, { value: attr }).result;
  }
  bitcast(x: V, element: Type): V {
    return this.rw.create(BitcastOp, { in: x, out: this.type(element) as never }).out;
  }
  add = (a: V, b: V): V => this.rw.create(AddIOp, { lhs: a, rhs: b }).result;
  sub = (a: V, b: V): V => this.rw.create(SubIOp, { lhs: a, rhs: b }).result;
  and = (a: V, b: V): V => this.rw.create(AndIOp, { lhs: a, rhs: b }).result;
  or = (a: V, b: V): V => this.rw.create(OrIOp, { lhs: a, rhs: b }).result;
  shl = (a: V, b: V): V => this.rw.create(ShLIOp, { lhs: a, rhs: b }).result;
  shrui = (a: V, b: V): V => this.rw.create(ShRUIOp, { lhs: a, rhs: b }).result;
  select = (c: V, a: V, b: V): V => this.rw.create(SelectOp, { condition: c, true_value: a, false_value: b }).result;
  cmpf = (p: "uno" | "oeq" | "olt" | "ogt", a: V, b: V): V => this.rw.create(CmpFOp, { predicate: cmpfPredicate(p), lhs: a, rhs: b }).result;
  cmpi = (p: "ne", a: V, b: V): V => this.rw.create(CmpIOp, { predicate: cmpiPredicate(p), lhs: a, rhs: b }).result;
  extf = (x: V, element: Type): V => this.rw.create(ExtFOp, { in: x, out: this.type(element) as never }).out;
  truncf = (x: V, element: Type): V => this.rw.create(TruncFOp, { in: x, out: this.type(element) as never }).out;
  extui = (x: V, element: Type): V => this.rw.create(ExtUIOp, { in: x, out: this.type(element) as never }).out;
  trunci = (x: V, element: Type): V => this.rw.create(TruncIOp, { in: x, out: this.type(element) as never }).out;
}

/** bf16 bits -> the f32 with those bits as its high half (exact). */
function bf16ToF32(ops: BitOps, x: V): V {
  const wide = ops.extui(ops.bitcast(x, i16), i32);
  return ops.bitcast(ops.shl(wide, ops.constant(i32, 16n)), f32);
}

/** f32 -> bf16, rounded to nearest even on the bits; NaN -> its high half with the quiet bit set. */
function f32ToBF16(ops: BitOps, x: V): V {
  const bits = ops.bitcast(x, i32);
  const sixteen = ops.constant(i32, 16n);
  const high = ops.shrui(bits, sixteen);
  const lsb = ops.and(high, ops.constant(i32, 1n));
  const rounded = ops.shrui(ops.add(bits, ops.add(ops.constant(i32, 0x7fffn), lsb)), sixteen);
  const quietNaN = ops.or(high, ops.constant(i32, 0x40n));
  const chosen = ops.select(ops.cmpf("uno", x, x), quietNaN, rounded);
  return ops.bitcast(ops.trunci(chosen, i16), FloatType.get("bf16"));
}

/**
 * f64 -> f32 rounded to odd: LLVM's fptrunc rounds to nearest; where that moved away from zero (the f32, widened
 * back, is larger in magnitude), one step back toward zero (the bits minus one: sign-magnitude); where it was
 * inexact, the last bit set. NaN and infinities pass through (exact or still NaN).
 */
function f64ToF32RoundToOdd(ops: BitOps, x: V): V {
  const nearest = ops.truncf(x, f32);
  const back = ops.extf(nearest, f64);
  const zero = ops.zero(f64);
  const away = ops.select(ops.cmpf("olt", x, zero), ops.cmpf("olt", back, x), ops.cmpf("ogt", back, x));
  const bits = ops.bitcast(nearest, i32);
  const one = ops.constant(i32, 1n);
  const towardZero = ops.select(away, ops.sub(bits, one), bits);
  const odd = ops.select(ops.cmpf("oeq", back, x), bits, ops.or(towardZero, one));
  return ops.bitcast(odd, f32);
}

/**
 * extf from bf16: the bits widened and shifted into an f32 (then extf to f64 if that is the result).
 *
 *   %y = arith.extf %x : bf16 to f32   ->   %b = arith.bitcast %x : bf16 to i16 ; %w = arith.extui %b : i16 to i32
 *                                           %s = arith.shli %w, %c16 : i32 ; %y = arith.bitcast %s : i32 to f32
 */
export const expandExtFBF16 = rewrite({
  name: "arith.expand-extf-bf16",
  examples: [{ ir: "^bb0(%x: bf16):\n  %y = arith.extf %x : bf16 to $F", types: { F: ["f32", "f64"] } }],
  root: ExtFOp,
  apply(op, rw) {
    if (!isBF16(op.in.type)) return rw.fail("not an extension from bf16");
    rw.setInsertionPointBefore(op);
    const ops = new BitOps(rw, op.in.type);
    const wide = bf16ToF32(ops, op.in);
    rw.replaceOp(op, [isFloatNamed(op.out.type, "f32") ? wide : ops.extf(wide, elementOf(op.out.type))]);
    return rw.done();
  },
});

/**
 * truncf to bf16: from f32 rounded to nearest even on the bits, from f64 first to f32 rounded to odd.
 *
 *   %y = arith.truncf %x : f32 to bf16   ->   %b = arith.bitcast %x : f32 to i32
 *                                             %r = (%b + 0x7fff + ((%b >> 16) & 1)) >> 16
 *                                             %y = bitcast(trunci(select(cmpf uno %x, %x, (%b >> 16) | 0x40, %r)))
 */
export const expandTruncFBF16 = rewrite({
  name: "arith.expand-truncf-bf16",
  examples: [{ ir: "^bb0(%x: $F):\n  %y = arith.truncf %x : $F to bf16", types: { F: ["f32", "f64"] } }],
  root: TruncFOp,
  apply(op, rw) {
    if (!isBF16(op.out.type)) return rw.fail("not a truncation to bf16");
    const from = elementOf(op.in.type);
    if (!(from instanceof FloatType) || (from.name !== "f32" && from.name !== "f64")) return rw.fail("only f32 and f64 truncate to bf16 here");
    rw.setInsertionPointBefore(op);
    const ops = new BitOps(rw, op.in.type);
    const single = from.name === "f32" ? op.in : f64ToF32RoundToOdd(ops, op.in);
    rw.replaceOp(op, [f32ToBF16(ops, single)]);
    return rw.done();
  },
});

export const arithExpandBF16Patterns: readonly Pattern[] = [expandExtFBF16, expandTruncFBF16];
