/**
 * Interpreter kernels of TOSA's elementwise ops, with broadcasting (operands of different ranks align on the
 * right; size-1 dims stretch).
 *
 * Floats follow the TOSA spec's definitions, computed in double and rounded to the element type after each
 * step a lowering rounds too (sigmoid is 1 / (1 + exp(-x)) with the exp, the add and the division rounded,
 * as MLIR's tosa-to-linalg computes it; rsqrt rounds the sqrt, as math.rsqrt does):
 *   - maximum, minimum (and clamp, reduce_max/min): a NaN operand gives NaN; -0.0 < +0.0.
 *   - comparisons with a NaN are false; integer comparisons are signed (unsigned for ui8/ui16).
 * Integers wrap to the result width, except where the spec REQUIREs (reported as undefined behaviour):
 *   - div: by zero, or INT_MIN / -1; rounds towards zero.
 *   - shifts by a negative amount or by the width or more; mul with a shift whose result leaves i32.
 *   - mul with shift > 0: (a * b + 2^(shift-1)) >> shift, computed exactly.
 *   - arithmetic_right_shift with round adds the last bit shifted out.
 */
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, type Type } from "../../src/ir/types.ts";
import { fail, ub, unsupported } from "../../src/interp/errors.ts";
import { cPow } from "../../src/interp/float-semantics.ts";
import type { RuntimeValue, ScalarType, ShapedValue, SupportedFloatKind } from "../../src/interp/values.ts";
import { floatKindOf, shapeSize } from "../../src/interp/values.ts";
import {
  type IntInfo,
  bool,
  broadcastIndices,
  broadcastShape,
  floatData,
  floatResult,
  intData,
  intInfo,
  intResult,
  rounder,
  tensorArg,
  tensorType,
} from "./interp-support.ts";

/** The operands' elements, each with its broadcast index map to the output shape. */
interface Broadcast {
  readonly shape: number[];
  readonly count: number;
  readonly maps: readonly (Int32Array | undefined)[];
}

function broadcastOperands(operands: readonly ShapedValue[], resultType: Type): Broadcast {
  const shape = broadcastShape(
    operands.map((v) => v.shape),
    resultType,
  );
  return { shape, count: shapeSize(shape), maps: operands.map((v) => broadcastIndices(shape, v.shape)) };
}

const at = (map: Int32Array | undefined, i: number): number => (map === undefined ? i : (map[i] as number));

/** Element type of the result. */
const resultElement = (op: Operation): ScalarType => tensorType(op.getResult(0).type).elementType as ScalarType;

// ---- float and integer maps --------------------------------------------------------------------------------------

type FloatFn = (x: number, y: number, z: number) => number;
type IntFn = (x: bigint, y: bigint, z: bigint) => bigint;

/** `fn` on the (broadcast) float operands; each result rounded to the result's element type. */
export function mapFloat(op: Operation, args: readonly ShapedValue[], fn: FloatFn, round = true): ShapedValue {
  const type = op.getResult(0).type;
  const b = broadcastOperands(args, type);
  const data = args.map(floatData);
  const kind = floatKindOf(resultElement(op) as FloatType);
  const r = round ? rounder(kind) : (x: number) => x;
  const out = new Float64Array(b.count);
  const d0 = data[0] as Float64Array;
  const d1 = data[1] ?? d0;
  const d2 = data[2] ?? d0;
  const [m0, m1, m2] = b.maps;
  if (args.length === 1 && m0 === undefined) for (let i = 0; i < b.count; i++) out[i] = r(fn(d0[i] as number, 0, 0));
  else if (args.length === 2 && m0 === undefined && m1 === undefined) for (let i = 0; i < b.count; i++) out[i] = r(fn(d0[i] as number, d1[i] as number, 0));
  else for (let i = 0; i < b.count; i++) out[i] = r(fn(d0[at(m0, i)] as number, d1[at(m1, i)] as number, d2[at(m2, i)] as number));
  return floatResult(type, b.shape, out);
}

/** `fn` on the (broadcast) integer operands; results wrapped to the result type (booleans for i1). */
export function mapInt(op: Operation, args: readonly ShapedValue[], fn: IntFn): ShapedValue {
  const type = op.getResult(0).type;
  const b = broadcastOperands(args, type);
  const data = args.map(intData);
  const d0 = data[0] as ArrayLike<bigint>;
  const d1 = data[1] ?? d0;
  const d2 = data[2] ?? d0;
  const [m0, m1, m2] = b.maps;
  const out = new Array<bigint>(b.count);
  for (let i = 0; i < b.count; i++) {
    out[i] = fn(d0[at(m0, i)] as bigint, d1[at(m1, i)] as bigint, d2[at(m2, i)] as bigint);
  }
  return intResult(type, b.shape, out);
}

/** Comparison of (broadcast) operands of any element type, giving i1. */
function mapCompare(op: Operation, args: readonly ShapedValue[], float: (x: number, y: number) => boolean, int: (x: bigint, y: bigint) => boolean): ShapedValue {
  const type = op.getResult(0).type;
  const b = broadcastOperands(args, type);
  const [m0, m1] = b.maps;
  const out = new Array<bigint>(b.count);
  if ((args[0] as ShapedValue).elementType instanceof FloatType) {
    const [x, y] = args.map(floatData) as Float64Array[];
    for (let i = 0; i < b.count; i++) out[i] = bool(float((x as Float64Array)[at(m0, i)] as number, (y as Float64Array)[at(m1, i)] as number));
  } else {
    const [x, y] = args.map(intData) as ArrayLike<bigint>[];
    for (let i = 0; i < b.count; i++) out[i] = bool(int((x as ArrayLike<bigint>)[at(m0, i)] as bigint, (y as ArrayLike<bigint>)[at(m1, i)] as bigint));
  }
  return intResult(type, b.shape, out);
}

const tensors = (args: readonly RuntimeValue[]): ShapedValue[] => args.map((_, i) => tensorArg(args, i));
const isFloatOp = (args: readonly ShapedValue[]): boolean => args[0]?.elementType instanceof FloatType;

// ---- the float semantics of max/min: NaN propagates, -0 < +0 ------------------------------------------------------

export function maxFloat(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && y === 0) return Object.is(x, -0) ? y : x;
  return x > y ? x : y;
}
export function minFloat(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && y === 0) return Object.is(x, -0) ? x : y;
  return x < y ? x : y;
}

// ---- integer helpers ---------------------------------------------------------------------------------------------

/** A shift amount the spec allows: 0 <= n < width. */
function shiftAmount(n: bigint, width: number): bigint {
  if (n < 0n || n >= BigInt(width)) ub(`shift by ${n} of a ${width}-bit value`);
  return n;
}

/** Integer division rounding towards zero; by zero or INT_MIN / -1 is undefined (TOSA REQUIREs). */
function divTowardZero(a: bigint, b: bigint, info: IntInfo): bigint {
  if (b === 0n) ub("division by zero");
  if (!info.unsigned && a === info.min && b === -1n) ub("division overflow (INT_MIN / -1)");
  return a / b;
}

/** tosa.mul on integers: the low bits of a * b, or with a shift the rounded, shifted product (must fit i32). */
function mulShift(shift: number): IntFn {
  if (shift === 0) return (a, b) => a * b;
  const s = BigInt(shift);
  const round = 1n << (s - 1n);
  return (a, b) => {
    const r = (a * b + round) >> s;
    if (r < -(1n << 31n) || r > (1n << 31n) - 1n) ub(`mul with shift ${shift}: ${r} does not fit i32`);
    return r;
  };
}

// ---- entry points ------------------------------------------------------------------------------------------------

/** A binary op with a float and an integer meaning (either may be absent: unsupported for that type). */
export function binary(float: FloatFn | undefined, int: ((info: IntInfo, op: Operation) => IntFn) | undefined) {
  return (op: Operation, rawArgs: readonly RuntimeValue[]): RuntimeValue[] => {
    const args = tensors(rawArgs);
    if (isFloatOp(args)) {
      if (float === undefined) return unsupported(`'${op.name}' on floating-point tensors`);
      return [mapFloat(op, args, float)];
    }
    if (int === undefined) return unsupported(`'${op.name}' on integer tensors`);
    return [mapInt(op, args, int(intInfo((args[0] as ShapedValue).elementType), op))];
  };
}

/** A unary op with a float and an integer meaning. */
export const unary = binary;

export const addKernel = binary((x, y) => x + y, () => (a, b) => a + b);
export const subKernel = binary((x, y) => x - y, () => (a, b) => a - b);
export const mulKernel = binary(
  (x, y) => x * y,
  (_info, op) => mulShift(Number((op.attr("shift") as { value?: bigint } | undefined)?.value ?? 0n)),
);
export const divKernel = binary(undefined, (info) => (a, b) => divTowardZero(a, b, info));
/** pow: C's pow, as MLIR 16's lowering calls it (pow(1, NaN) is 1). */
export const powKernel = binary(cPow, undefined);
export const maximumKernel = binary(maxFloat, () => (a, b) => (a >= b ? a : b));
export const minimumKernel = binary(minFloat, () => (a, b) => (a <= b ? a : b));
export const bitwiseAndKernel = binary(undefined, () => (a, b) => a & b);
export const bitwiseOrKernel = binary(undefined, () => (a, b) => a | b);
export const bitwiseXorKernel = binary(undefined, () => (a, b) => a ^ b);
export const logicalLeftShiftKernel = binary(undefined, (info) => (a, b) => a << shiftAmount(b, info.width));
export const logicalRightShiftKernel = binary(undefined, (info) => (a, b) => BigInt.asUintN(info.width, a) >> shiftAmount(b, info.width));
export const arithmeticRightShiftKernel = binary(undefined, (info, op) => {
  const round = (op.attr("round") as { value?: bigint } | undefined)?.value !== 0n;
  return (a, b) => {
    const n = shiftAmount(b, info.width);
    const r = a >> n;
    return round && n > 0n && ((a >> (n - 1n)) & 1n) === 1n ? r + 1n : r;
  };
});

// i1 elements are 0n / -1n: the bitwise operations are the logical ones.
export const logicalAndKernel = binary(undefined, () => (a, b) => a & b);
export const logicalOrKernel = binary(undefined, () => (a, b) => a | b);
export const logicalXorKernel = binary(undefined, () => (a, b) => a ^ b);
export const logicalNotKernel = unary(undefined, () => (a) => ~a);

export const absKernel = unary(Math.abs, () => (a) => (a < 0n ? -a : a));
export const bitwiseNotKernel = unary(undefined, () => (a) => ~a);
export const ceilKernel = unary(Math.ceil, undefined);
export const floorKernel = unary(Math.floor, undefined);
export const expKernel = unary(Math.exp, undefined);
export const logKernel = unary(Math.log, undefined);
export const tanhKernel = unary(Math.tanh, undefined);
export const reciprocalKernel = unary((x) => 1 / x, undefined);
export const clzKernel = unary(undefined, (info) => (a) => {
  const u = BigInt.asUintN(info.width, a);
  return u === 0n ? BigInt(info.width) : BigInt(info.width - u.toString(2).length);
});

/** Kernels that round intermediate steps: sigmoid and rsqrt. */
export function sigmoidKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [x] = tensors(args);
  if (x === undefined || !(x.elementType instanceof FloatType)) return unsupported("'tosa.sigmoid' on integer tensors");
  const r = rounder(floatKindOf(x.elementType));
  return [mapFloat(op, [x], (v) => r(1 / r(1 + r(Math.exp(-v)))))];
}
export function rsqrtKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [x] = tensors(args);
  if (x === undefined || !(x.elementType instanceof FloatType)) return unsupported("'tosa.rsqrt' on integer tensors");
  const r = rounder(floatKindOf(x.elementType));
  return [mapFloat(op, [x], (v) => 1 / r(Math.sqrt(v)))];
}

/** negate: -x; quantized integers: clamp(-(x - input_zp) + output_zp) to the result type. */
export function negateKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [x] = tensors(args);
  if (x === undefined) return fail("invalid-ir", "tosa.negate without operand");
  if (x.elementType instanceof FloatType) return [mapFloat(op, [x], (v) => -v)];
  const q = op.attr("quantization_info") as { get?: (n: string) => bigint } | undefined;
  if (q?.get === undefined) return [mapInt(op, [x], (a) => -a)];
  const [izp, ozp] = [q.get("input_zp"), q.get("output_zp")];
  const out = intInfo(resultElement(op));
  return [mapInt(op, [x], (a) => clampInt(-(a - izp) + ozp, out.min, out.max))];
}

export const clampInt = (x: bigint, lo: bigint, hi: bigint): bigint => (x < lo ? lo : x > hi ? hi : x);

export const equalKernel = (op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] => [mapCompare(op, tensors(args), (x, y) => x === y, (a, b) => a === b)];
export const greaterKernel = (op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] => [mapCompare(op, tensors(args), (x, y) => x > y, (a, b) => a > b)];
export const greaterEqualKernel = (op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] => [mapCompare(op, tensors(args), (x, y) => x >= y, (a, b) => a >= b)];

/** select(pred, on_true, on_false), all three broadcast. */
export function selectKernel(op: Operation, rawArgs: readonly RuntimeValue[]): RuntimeValue[] {
  const args = tensors(rawArgs);
  const [pred, t, f] = args as [ShapedValue, ShapedValue, ShapedValue];
  const type = op.getResult(0).type;
  const b = broadcastOperands(args, type);
  const p = intData(pred);
  const [mp, mt, mf] = b.maps;
  if (t.elementType instanceof FloatType) {
    const [x, y] = [floatData(t), floatData(f)];
    const out = new Float64Array(b.count);
    for (let i = 0; i < b.count; i++) out[i] = p[at(mp, i)] !== 0n ? (x[at(mt, i)] as number) : (y[at(mf, i)] as number);
    return [floatResult(type, b.shape, out)];
  }
  const [x, y] = [intData(t), intData(f)];
  const out = new Array<bigint>(b.count);
  for (let i = 0; i < b.count; i++) out[i] = p[at(mp, i)] !== 0n ? (x[at(mt, i)] as bigint) : (y[at(mf, i)] as bigint);
  return [intResult(type, b.shape, out)];
}

/**
 * clamp: floats by min_fp/max_fp (NaN stays NaN), integers by min_int/max_int. The spec's ERROR_IF(max < min)
 * (which MLIR 16's verifier does not check) is reported as undefined behaviour: MLIR 16's lowering gives `min`
 * there, this formula `max`.
 */
export function clampKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [x] = tensors(args);
  if (x === undefined) return fail("invalid-ir", "tosa.clamp without operand");
  const num = (name: string): number => Number((op.attr(name) as { value?: number | bigint } | undefined)?.value ?? 0);
  const inverted = (): never => fail("undefined-behavior", "tosa.clamp with its maximum below its minimum");
  if (x.elementType instanceof FloatType) {
    const [lo, hi] = [num("min_fp"), num("max_fp")];
    if (hi < lo) return inverted();
    return [mapFloat(op, [x], (v) => minFloat(maxFloat(v, lo), hi))];
  }
  const lo = BigInt((op.attr("min_int") as { value?: bigint } | undefined)?.value ?? 0n);
  const hi = BigInt((op.attr("max_int") as { value?: bigint } | undefined)?.value ?? 0n);
  if (hi < lo) return inverted();
  return [mapInt(op, [x], (a) => (a < lo ? lo : a > hi ? hi : a))];
}

/** The float kind of a tensor's elements, or undefined for integers. */
export const floatKind = (v: ShapedValue): SupportedFloatKind | undefined =>
  v.elementType instanceof FloatType ? floatKindOf(v.elementType) : undefined;
