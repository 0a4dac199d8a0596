/**
 * A small arithmetic emitter for the math approximations: each method inserts one arith or math op at the
 * rewriter's insertion point and returns its result. Every value has the same shape, either a scalar or a
 * vector, so that the same code makes the scalar and the vector form (and the vector form is what LLVM turns
 * into AVX512 or RVV instructions: no branches, only selects).
 */
import { DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { type FloatType, IntegerType, type Type, VectorType, i1 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { PatternRewriter } from "../../src/rewrite/pattern.ts";
import {
  AddFOp,
  AddIOp,
  AndIOp,
  BitcastOp,
  CmpFOp,
  type CmpFPredicate,
  ConstantOp,
  DivFOp,
  FPToSIOp,
  MaxFOp,
  MinFOp,
  MulFOp,
  OrIOp,
  SIToFPOp,
  SelectOp,
  ShLIOp,
  ShRSIOp,
  ShRUIOp,
  SubFOp,
  SubIOp,
  cmpfPredicate,
} from "../../dialects/arith/index.ts";
import { AbsFOp, CopySignOp, FmaOp, RoundEvenOp } from "../../dialects/math/index.ts";

/**
 * The builder's values are untyped for TypeScript: every float value has `floatType`, every integer value
 * `intType` and every condition `boolType` by construction, which the op verifiers check again.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above.
type V = Value<any>;

export class ApproxBuilder {
  /** The float type of every float value: `f32` or `vector<...xf32>`. */
  // biome-ignore lint/suspicious/noExplicitAny: the result types of casts, as V above.
  readonly floatType: any;
  /** The same shape with i32 elements, for bit manipulation. */
  // biome-ignore lint/suspicious/noExplicitAny: as floatType.
  readonly intType: any;
  /** The same shape with i1 elements, for comparisons. */
  readonly boolType: Type;
  readonly #rw: PatternRewriter;
  readonly #element: FloatType;

  constructor(rw: PatternRewriter, floatType: Type, element: FloatType) {
    this.#rw = rw;
    this.floatType = floatType;
    this.#element = element;
    const i32 = IntegerType.get(32);
    this.intType = reshape(floatType, i32);
    this.boolType = reshape(floatType, i1);
  }

  /** A float constant, splatted to the vector shape. */
  f(value: number): V {
    return this.#constant(this.floatType, FloatAttr.get(this.#element, value), value);
  }

  /** An i32 constant, splatted to the vector shape. */
  i(value: number): V {
    return this.#constant(this.intType, IntegerAttr.get(IntegerType.get(32), value), value);
  }

  #constant(type: Type, scalar: IntegerAttr | FloatAttr, value: number): V {
    const attr = type instanceof VectorType ? DenseElementsAttr.splat(type, value) : scalar;
    return this.#rw.create(ConstantOp, { value: attr }).result;
  }

  add(a: V, b: V): V {
    return this.#rw.create(AddFOp, { lhs: a, rhs: b }).result;
  }
  sub(a: V, b: V): V {
    return this.#rw.create(SubFOp, { lhs: a, rhs: b }).result;
  }
  mul(a: V, b: V): V {
    return this.#rw.create(MulFOp, { lhs: a, rhs: b }).result;
  }
  div(a: V, b: V): V {
    return this.#rw.create(DivFOp, { lhs: a, rhs: b }).result;
  }
  /** a * b + c, rounded once. */
  fma(a: V, b: V, c: V): V {
    return this.#rw.create(FmaOp, { a, b, c }).result;
  }
  /** The NaN-propagating maximum (arith.maxf). */
  max(a: V, b: V): V {
    return this.#rw.create(MaxFOp, { lhs: a, rhs: b }).result;
  }
  min(a: V, b: V): V {
    return this.#rw.create(MinFOp, { lhs: a, rhs: b }).result;
  }
  abs(a: V): V {
    return this.#rw.create(AbsFOp, { operand: a }).result;
  }
  copysign(magnitude: V, sign: V): V {
    return this.#rw.create(CopySignOp, { lhs: magnitude, rhs: sign }).result;
  }
  roundEven(a: V): V {
    return this.#rw.create(RoundEvenOp, { operand: a }).result;
  }
  cmp(predicate: CmpFPredicate, a: V, b: V): V {
    return this.#rw.create(CmpFOp, { predicate: cmpfPredicate(predicate), lhs: a, rhs: b }).result;
  }
  select(condition: V, ifTrue: V, ifFalse: V): V {
    return this.#rw.create(SelectOp, { condition, true_value: ifTrue, false_value: ifFalse }).result;
  }
  /** True where `a` is NaN. */
  isNaN(a: V): V {
    return this.cmp("uno", a, a);
  }

  /** c[0] + x * (c[1] + x * (... + x * c[n])), by fused multiply-adds. */
  horner(x: V, coefficients: readonly number[]): V {
    let acc = this.f(coefficients[coefficients.length - 1]!);
    for (let k = coefficients.length - 2; k >= 0; k--) acc = this.fma(acc, x, this.f(coefficients[k]!));
    return acc;
  }

  // ---- bits -----------------------------------------------------------------------------------------------

  toBits(a: V): V {
    return this.#rw.create(BitcastOp, { in: a, out: this.intType }).out;
  }
  fromBits(a: V): V {
    return this.#rw.create(BitcastOp, { in: a, out: this.floatType }).out;
  }
  /** float -> i32, rounding toward zero; the caller keeps the value in i32's range (NaN is poison in LLVM). */
  toInt(a: V): V {
    return this.#rw.create(FPToSIOp, { in: a, out: this.intType }).out;
  }
  toFloat(a: V): V {
    return this.#rw.create(SIToFPOp, { in: a, out: this.floatType }).out;
  }
  addi(a: V, b: V): V {
    return this.#rw.create(AddIOp, { lhs: a, rhs: b }).result;
  }
  subi(a: V, b: V): V {
    return this.#rw.create(SubIOp, { lhs: a, rhs: b }).result;
  }
  andi(a: V, b: V): V {
    return this.#rw.create(AndIOp, { lhs: a, rhs: b }).result;
  }
  ori(a: V, b: V): V {
    return this.#rw.create(OrIOp, { lhs: a, rhs: b }).result;
  }
  shl(a: V, bits: number): V {
    return this.#rw.create(ShLIOp, { lhs: a, rhs: this.i(bits) }).result;
  }
  /** Arithmetic (sign-extending) shift right. */
  shrs(a: V, bits: number): V {
    return this.#rw.create(ShRSIOp, { lhs: a, rhs: this.i(bits) }).result;
  }
  /** Logical shift right. */
  shru(a: V, bits: number): V {
    return this.#rw.create(ShRUIOp, { lhs: a, rhs: this.i(bits) }).result;
  }
}

/** `type` with its element type replaced (a scalar becomes `element` itself). */
function reshape(type: Type, element: Type): Type {
  return type instanceof VectorType ? VectorType.get(type.shape, element, type.scalableDims) : element;
}
