/**
 * The scalar payload of each elementwise TOSA op (MLIR 16's createLinalgBodyCalculationForElementwiseOp), built
 * on the elements of its (broadcast) operands:
 *
 *   tosa.add (f32)  ->  %r = arith.addf %in, %in_0 : f32
 *   tosa.abs (i32)  ->  %c0 = arith.constant 0 : i32;  %p = arith.cmpi sgt, %in, %c0 : i32
 *                       %n = arith.subi %c0, %in : i32;  %r = arith.select %p, %in, %n : i32
 *
 * Departures from MLIR 16, where its lowering departs from the TOSA spec (which the interpreter follows, and
 * which compiled code must agree with):
 *   - cast float -> integer rounds ties to even (math.roundeven) and saturates at the integer range; MLIR 16
 *     rounds ties away from zero and lets out-of-range values overflow fptosi (poison).
 * Not supported (the conversion fails naming the op): quantized negate, unsigned element types.
 */
import { FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, IntegerType, RankedTensorType, type Type, i1, i32, i8 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import * as A from "../../dialects/arith/index.ts";
import * as M from "../../dialects/math/index.ts";
import { ApplyScaleOp } from "../../dialects/tosa/index.ts";
import { type OpKindClass, constant, constantOf, scalar } from "./build.ts";

const K = (c: unknown): OpKindClass => c as OpKindClass;

export const cmpi = (b: Builder, p: A.CmpIPredicate, x: Value, y: Value): Value => scalar(b, K(A.CmpIOp), [x, y], i1, { predicate: A.cmpiPredicate(p) });
export const cmpf = (b: Builder, p: A.CmpFPredicate, x: Value, y: Value): Value => scalar(b, K(A.CmpFOp), [x, y], i1, { predicate: A.cmpfPredicate(p) });
export const select = (b: Builder, c: Value, x: Value, y: Value): Value => scalar(b, K(A.SelectOp), [c, x, y], x.type);
/** A binary op whose result has its operands' type. */
export const bin = (b: Builder, def: unknown, x: Value, y: Value): Value => scalar(b, K(def), [x, y], x.type);
export const un = (b: Builder, def: unknown, x: Value): Value => scalar(b, K(def), [x], x.type);
export const castTo = (b: Builder, def: unknown, x: Value, to: Type): Value => scalar(b, K(def), [x], to);

/** MLIR's clampIntHelper: select(max < x, max, select(x < min, min, x)). */
export function clampInt(b: Builder, x: Value, min: Value, max: Value): Value {
  const below = cmpi(b, "slt", x, min);
  const lo = select(b, below, min, x);
  const above = cmpi(b, "slt", max, x);
  return select(b, above, max, lo);
}

/** MLIR's clampFloatHelper: maxf(minf(x, max), min). */
export const clampFloat = (b: Builder, x: Value, min: Value, max: Value): Value => bin(b, A.MaxFOp, bin(b, A.MinFOp, x, max), min);

const width = (t: Type): number => (t instanceof IntegerType ? t.width : t instanceof FloatType ? t.width : 0);
const isFloat = (t: Type): t is FloatType => t instanceof FloatType;
const isInt = (t: Type): t is IntegerType => t instanceof IntegerType;
const PRECISION: Readonly<Record<string, number>> = { f16: 11, bf16: 8, f32: 24, f64: 53 };
const MAX_EXPONENT: Readonly<Record<string, number>> = { f16: 15, bf16: 127, f32: 127, f64: 1023 };
const MAX_FINITE: Readonly<Record<string, number>> = { f16: 65504, bf16: 3.3895313892515355e38, f32: 3.4028234663852886e38, f64: Number.MAX_VALUE };

/** An integer attribute's value (0 when absent). */
const intAttr = (op: Operation, name: string): bigint => (op.attr(name) as IntegerAttr | undefined)?.value ?? 0n;

/** The payload of elementwise `op` on `args` (its operands' elements), or why it has none. */
export function elementwiseBody(b: Builder, op: Operation, args: readonly Value[], resultType: Type): Value | string {
  const operandType = (op.getOperand(0).type as RankedTensorType).elementType;
  for (const v of [...op.operands, ...op.results]) {
    const e = (v.type as RankedTensorType).elementType;
    if (e instanceof IntegerType && e.signedness !== "signless") return `${e.signedness} integer element types are not supported`;
    if (!(e instanceof IntegerType) && !(e instanceof FloatType)) return "quantized and other non-numeric element types are not supported";
  }
  const [x, y, z] = args as [Value, Value, Value];
  const f = isFloat(operandType);
  switch (op.name) {
    case "tosa.abs":
      if (f) return un(b, M.AbsFOp, x);
      {
        const zero = constantOf(b, operandType, 0);
        const positive = cmpi(b, "sgt", x, zero);
        return select(b, positive, x, bin(b, A.SubIOp, zero, x));
      }
    case "tosa.add": return bin(b, f ? A.AddFOp : A.AddIOp, x, y);
    case "tosa.sub": return bin(b, f ? A.SubFOp : A.SubIOp, x, y);
    case "tosa.mul": return mul(b, op, x, y, resultType);
    case "tosa.div": return bin(b, A.DivSIOp, x, y);
    case "tosa.reciprocal": return f ? bin(b, A.DivFOp, constantOf(b, operandType, 1), x) : "reciprocal of integers is not supported";
    case "tosa.negate":
      if (f) return un(b, A.NegFOp, x);
      if (op.attr("quantization_info") !== undefined) return "quantized negate is not supported";
      return bin(b, A.SubIOp, constantOf(b, operandType, 0), x);
    case "tosa.bitwise_and": return bin(b, A.AndIOp, x, y);
    case "tosa.bitwise_or": return bin(b, A.OrIOp, x, y);
    case "tosa.bitwise_xor": return bin(b, A.XOrIOp, x, y);
    case "tosa.bitwise_not": return bin(b, A.XOrIOp, x, constantOf(b, operandType, -1));
    case "tosa.logical_left_shift": return bin(b, A.ShLIOp, x, y);
    case "tosa.logical_right_shift": return bin(b, A.ShRUIOp, x, y);
    case "tosa.arithmetic_right_shift": return arithmeticRightShift(b, op, x, y);
    case "tosa.clz": return un(b, M.CountLeadingZerosOp, x);
    case "tosa.logical_and": return bin(b, A.AndIOp, x, y);
    case "tosa.logical_not": return bin(b, A.XOrIOp, x, constantOf(b, i1, 1));
    case "tosa.logical_or": return bin(b, A.OrIOp, x, y);
    case "tosa.logical_xor": return bin(b, A.XOrIOp, x, y);
    case "tosa.pow": return bin(b, M.PowFOp, x, y);
    case "tosa.rsqrt": return un(b, M.RsqrtOp, x);
    case "tosa.log": return un(b, M.LogOp, x);
    case "tosa.exp": return un(b, M.ExpOp, x);
    case "tosa.tanh": return un(b, M.TanhOp, x);
    case "tosa.greater": return f ? cmpf(b, "ogt", x, y) : cmpi(b, "sgt", x, y);
    case "tosa.greater_equal": return f ? cmpf(b, "oge", x, y) : cmpi(b, "sge", x, y);
    case "tosa.equal": return f ? cmpf(b, "oeq", x, y) : cmpi(b, "eq", x, y);
    case "tosa.select": return select(b, x, y, z);
    case "tosa.maximum": return f ? bin(b, A.MaxFOp, x, y) : select(b, cmpi(b, "sgt", x, y), x, y);
    case "tosa.minimum": return f ? bin(b, A.MinFOp, x, y) : select(b, cmpi(b, "slt", x, y), x, y);
    case "tosa.ceil": return un(b, M.CeilOp, x);
    case "tosa.floor": return un(b, M.FloorOp, x);
    case "tosa.clamp": return clamp(b, op, x, operandType);
    case "tosa.sigmoid": {
      const one = constantOf(b, operandType, 1);
      const e = un(b, M.ExpOp, un(b, A.NegFOp, x));
      return bin(b, A.DivFOp, one, bin(b, A.AddFOp, e, one));
    }
    case "tosa.cast": return cast(b, x, operandType, resultType);
    default: return `no elementwise lowering for '${op.name}'`;
  }
}

/** Integer mul: with a shift, through tosa.apply_scale on i32 (as MLIR 16); else muli after sign extension. */
function mul(b: Builder, op: Operation, x: Value, y: Value, resultType: Type): Value | string {
  if (isFloat(x.type)) {
    if (intAttr(op, "shift") !== 0n) return "a float mul cannot have a shift";
    return bin(b, A.MulFOp, x, y);
  }
  const shift = Number(intAttr(op, "shift"));
  if (shift > 0) {
    const s = constantOf(b, i8, shift);
    const a = width(x.type) === 32 ? x : castTo(b, A.ExtSIOp, x, i32);
    const c = width(y.type) === 32 ? y : castTo(b, A.ExtSIOp, y, i32);
    const scaled = scalar(b, K(ApplyScaleOp), [a, c, s], i32, { double_round: IntegerAttr.get(i1, 0) });
    return width(resultType) === 32 ? scaled : castTo(b, A.TruncIOp, scaled, resultType);
  }
  const a = width(x.type) < width(resultType) ? castTo(b, A.ExtSIOp, x, resultType) : x;
  const c = width(y.type) < width(resultType) ? castTo(b, A.ExtSIOp, y, resultType) : y;
  return bin(b, A.MulIOp, a, c);
}

/** arithmetic_right_shift, with `round`: add the last bit shifted out when the shift is positive. */
function arithmeticRightShift(b: Builder, op: Operation, x: Value, y: Value): Value {
  const shifted = bin(b, A.ShRSIOp, x, y);
  const round = intAttr(op, "round") !== 0n;
  if (!round) return shifted;
  const one = constantOf(b, x.type, 1);
  const zero = constantOf(b, x.type, 0);
  const i1one = constantOf(b, i1, 1);
  const positive = cmpi(b, "sgt", y, zero);
  // MLIR 16 shifts by y - 1 also when y is 0 (a shift by -1: poison, though masked after); the select keeps
  // the shift amount in range.
  const lastOut = bin(b, A.ShRSIOp, x, select(b, positive, bin(b, A.SubIOp, y, one), zero));
  const odd = bin(b, A.AndIOp, castTo(b, A.TruncIOp, lastOut, i1), i1one);
  const roundUp = bin(b, A.AndIOp, positive, odd);
  return bin(b, A.AddIOp, shifted, castTo(b, A.ExtUIOp, roundUp, x.type));
}

function clamp(b: Builder, op: Operation, x: Value, e: Type): Value {
  if (isFloat(e)) {
    const read = (name: string): number => (op.attr(name) as FloatAttr).value;
    const min = constant(b, FloatAttr.get(e, read("min_fp")), e);
    const max = constant(b, FloatAttr.get(e, read("max_fp")), e);
    return clampFloat(b, x, min, max);
  }
  const w = width(e);
  const read = (name: string): bigint => BigInt.asIntN(32, intAttr(op, name));
  const lo = -(1n << BigInt(w - 1));
  const hi = (1n << BigInt(w - 1)) - 1n;
  const min = read("min_int") < lo ? lo : read("min_int");
  const max = read("max_int") > hi ? hi : read("max_int");
  return clampInt(b, x, constantOf(b, e, min), constantOf(b, e, max));
}

/** tosa.cast between the element types (see the module comment for float -> integer). */
function cast(b: Builder, x: Value, from: Type, to: Type): Value | string {
  if (from === to) return x;
  const extending = width(from) < width(to);
  if (isFloat(from) && isFloat(to)) return castTo(b, extending ? A.ExtFOp : A.TruncFOp, x, to);
  if (isInt(from) && from.width === 1 && isFloat(to)) return castTo(b, A.UIToFPOp, x, to);
  if (isInt(from) && from.width === 1 && isInt(to)) return castTo(b, A.ExtUIOp, x, to);
  if (isInt(from) && isFloat(to)) return castTo(b, A.SIToFPOp, x, to);
  if (isFloat(from) && isInt(to) && to.width === 1) return cmpf(b, "une", x, constantOf(b, from, 0));
  if (isFloat(from) && isInt(to)) return floatToInt(b, x, from, to);
  if (isInt(from) && isInt(to) && to.width === 1) return cmpi(b, "ne", x, constantOf(b, from, 0));
  if (isInt(from) && isInt(to)) return castTo(b, extending ? A.ExtSIOp : A.TruncIOp, x, to);
  return "unsupported cast";
}

/**
 * round-half-even, then saturate: values above the largest float below 2^(w-1) give INT_MAX, those below
 * -2^(w-1) INT_MIN (infinities included). The float is clamped into the range before fptosi, so that fptosi
 * never sees a value it cannot convert. Where the integer range is wider than the float's, the clamp is to the
 * float's finite range (so that only the infinities saturate).
 */
function floatToInt(b: Builder, x: Value, from: FloatType, to: IntegerType): Value {
  const p = PRECISION[from.name] ?? 24;
  const e = to.width - 1;
  const fits = e <= (MAX_EXPONENT[from.name] ?? 127);
  const largest = MAX_FINITE[from.name] ?? Number.MAX_VALUE;
  // The largest float below 2^(w-1), and -2^(w-1) (exact: a power of two).
  const hiValue = fits ? 2 ** e - 2 ** (e - p) : largest;
  const loValue = fits ? -(2 ** e) : -largest;
  const rounded = un(b, M.RoundEvenOp, x);
  const hi = constantOf(b, from, hiValue);
  const lo = constantOf(b, from, loValue);
  const converted = castTo(b, A.FPToSIOp, clampFloat(b, rounded, lo, hi), to);
  const above = select(b, cmpf(b, "ogt", rounded, hi), constantOf(b, to, (1n << BigInt(e)) - 1n), converted);
  return select(b, cmpf(b, "olt", rounded, lo), constantOf(b, to, -(1n << BigInt(e))), above);
}

