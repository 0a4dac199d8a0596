/**
 * Constant folding of the math dialect, as MLIR 16's MathOps.cpp does it (checked against `mlir-opt-16
 * --canonicalize`). Folds apply elementwise to scalars (`FloatAttr`, `IntegerAttr`) and to dense vectors and
 * tensors (splat or not); when any element does not fold, the op does not fold.
 *
 * Which ops fold, and for which types:
 *   - absf, copysign, ceil, floor, roundeven: every float kind Tensile computes with (f16, bf16, f32, f64);
 *     these are exact APFloat operations in MLIR (sign bit, roundToIntegral).
 *   - atan, atan2, cos, erf, exp, exp2, expm1, log, log10, log1p, log2, powf, round, sin, sqrt, tan, tanh,
 *     trunc: f32 and f64 only, because MLIR calls the C library (`sinf` / `sin`); f16 and bf16 do not fold.
 *     log, log2, log10 and sqrt do not fold a negative operand (-0.0 and negative NaNs included); log1p does
 *     not fold when x + 1 is negative; atan2(±0, ±0) is not folded (MLIR 16 folds it to NaN, unlike atan2f).
 *   - absi, ctlz, cttz, ctpop, ipowi: every integer width and index, exactly (BigInt). ipowi does not fold
 *     0 raised to a negative power.
 *   - cbrt, rsqrt, fma, fpowi: never (MLIR 16 has no folder for them).
 *
 * Exactness of the library functions. MLIR calls glibc, whose results Tensile does not reproduce bit for bit:
 * f32 results are computed in f64 (V8's Math functions) and rounded once with Math.fround, f64 results come
 * from V8's Math functions directly, and erf (which JS lacks) is the interpreter's, computed in double-double and correctly
 * rounded. Against mlir-opt-16 on random inputs (test/unit/math-fold.test.ts) over 90% of the results are
 * identical; the others differ by 1 ulp in f64 and by up to 2 ulps in f32, where glibc's float functions
 * (tanhf, atan2f, log10f, expm1f, ...) are not correctly rounded. The exact ops (absf, copysign, ceil, floor,
 * roundeven, round, trunc, sqrt) and the tested NaN cases agree exactly. NaNs follow glibc on x86-64: a NaN
 * operand comes back quieted with its payload and sign, and an invalid operation on non-NaN operands
 * (sin(inf), powf(-2, 0.5)) gives the x86 default NaN, which has its sign bit set.
 */
import { type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, storageFor } from "../../src/ir/attributes.ts";
import { type FloatKind, floatSemantics, fromBits, isNaNBits, isSignalingNaNBits, quietNaNBits, toBits } from "../../src/ir/float-bits.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { OpResult } from "../../src/ir/value.ts";
import { FloatType, IndexType, IntegerType, RankedTensorType, type Type, VectorType } from "../../src/ir/types.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { type FloatElement, floatElementBits, floatElementFromBits } from "../../src/interp/values.ts";

/** What the folds read of a math op: every math op names its one result `result`. */
type MathOp = Operation & { readonly result: OpResult };
type Operands = readonly (Attribute | undefined)[];
/** What a fold hook returns here: a constant, or undefined when the op does not fold. */
type Folded = Attribute | undefined;

// ---- reading and writing constants element by element -------------------------------------------------------

/** The elements of a scalar or dense constant, as BigInts (float bit patterns, or signed integer values). */
interface Elements {
  /** The vector or tensor type of a dense constant; undefined for a scalar. */
  readonly shaped: RankedTensorType | VectorType | undefined;
  readonly elementType: Type;
  /** One value for a scalar or a splat, else every element in row-major order. */
  readonly values: readonly bigint[];
}

function floatStorageBits(a: DenseElementsAttr, kind: FloatKind): bigint[] {
  const d = a.data;
  if (kind === "f32") return [...new Uint32Array(d.buffer, d.byteOffset, d.length)].map(BigInt);
  if (kind === "f64") return [...new BigUint64Array(d.buffer, d.byteOffset, d.length)];
  return [...(d as Uint16Array)].map(BigInt);
}

function elementsOf(a: Attribute | undefined): Elements | undefined {
  if (a instanceof FloatAttr) return { shaped: undefined, elementType: a.type, values: [a.bits] };
  if (a instanceof IntegerAttr) return { shaped: undefined, elementType: a.type, values: [a.value] };
  if (!(a instanceof DenseElementsAttr)) return undefined;
  const et = a.type.elementType;
  if (et instanceof FloatType) {
    if (!isComputedKind(et.name)) return undefined;
    return { shaped: a.type, elementType: et, values: floatStorageBits(a, et.name) };
  }
  const width = intWidth(et);
  if (width === undefined) return undefined;
  return { shaped: a.type, elementType: et, values: Array.from(a.data as ArrayLike<number | bigint>, (v) => BigInt.asIntN(width, BigInt(v))) };
}

/** A dense constant of `type` from float bit patterns or integer values (one value: a splat). */
function denseOf(type: RankedTensorType | VectorType, values: readonly bigint[]): DenseElementsAttr | undefined {
  const et = type.elementType;
  const Storage = storageFor(et);
  if (Storage === undefined) return undefined;
  const data = new Storage(values.length);
  if (et instanceof FloatType) {
    if (et.name === "f32") new Uint32Array(data.buffer).set(values.map(Number));
    else if (et.name === "f64") new BigUint64Array(data.buffer).set(values);
    else (data as Uint16Array).set(values.map(Number));
    return DenseElementsAttr.get(type, data);
  }
  const width = intWidth(et) ?? 64;
  const unsignedStorage = data instanceof Uint8Array;
  for (const [i, v] of values.entries()) {
    if (data instanceof BigInt64Array) data[i] = BigInt.asIntN(64, v);
    else if (data instanceof BigUint64Array) data[i] = BigInt.asUintN(64, v);
    else data[i] = Number(unsignedStorage ? BigInt.asUintN(width, v) : BigInt.asIntN(width, v));
  }
  return DenseElementsAttr.get(type, data);
}

const intWidth = (t: Type): number | undefined =>
  t instanceof IndexType ? IndexType.bitWidth : t instanceof IntegerType && t.signedness === "signless" ? t.width : undefined;

/** The float kinds whose values Tensile computes with exactly (f80 and f128 are only bit patterns). */
type ComputedKind = "f16" | "bf16" | "f32" | "f64";
const isComputedKind = (k: FloatKind): k is ComputedKind => k === "f16" || k === "bf16" || k === "f32" || k === "f64";

/**
 * Folds elementwise: `fn` gets the i-th element of each operand (all scalars, or all dense of one shape) and
 * returns the result element, or undefined to refuse the whole fold (as constFold*Conditional does).
 */
function foldElementwise(operands: Operands, resultType: Type, fn: (xs: readonly bigint[], elementType: Type) => bigint | undefined): Folded {
  const elements: Elements[] = [];
  for (const a of operands) {
    const e = elementsOf(a);
    if (e === undefined) return undefined;
    elements.push(e);
  }
  const first = elements[0];
  if (first === undefined) return undefined;
  const scalar = first.shaped === undefined;
  if (elements.some((e) => (e.shaped === undefined) !== scalar)) return undefined;
  const count = Math.max(...elements.map((e) => e.values.length));
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const r = fn(
      elements.map((e) => (e.values.length === 1 ? (e.values[0] as bigint) : (e.values[i] as bigint))),
      first.elementType,
    );
    if (r === undefined) return undefined;
    out.push(r);
  }
  if (!scalar) {
    return resultType instanceof RankedTensorType || resultType instanceof VectorType ? denseOf(resultType, out) : undefined;
  }
  const r = out[0] as bigint;
  if (resultType instanceof FloatType) return FloatAttr.fromBits(resultType, r);
  if (resultType instanceof IntegerType || resultType instanceof IndexType) return IntegerAttr.get(resultType, r);
  return undefined;
}

// ---- floats ----------------------------------------------------------------------------------------------

const signBitOf = (kind: FloatKind): bigint => 1n << BigInt(floatSemantics(kind).bitWidth - 1);
const quietBitOf = (kind: FloatKind): bigint => 1n << BigInt(floatSemantics(kind).precision - 2);
const quiet = (bits: bigint, kind: FloatKind): bigint => bits | quietBitOf(kind);
const isNegativeBits = (bits: bigint, kind: FloatKind): boolean => (bits & signBitOf(kind)) !== 0n;

/** The float kind of an element type, when it is one MLIR folds with `kinds`. */
function kindIn(t: Type, kinds: readonly ComputedKind[]): ComputedKind | undefined {
  if (!(t instanceof FloatType)) return undefined;
  const k = t.name;
  return isComputedKind(k) && kinds.includes(k) ? k : undefined;
}

const ALL_KINDS: readonly ComputedKind[] = ["f16", "bf16", "f32", "f64"];
const LIBM_KINDS: readonly ComputedKind[] = ["f32", "f64"];

/** An exact fold on bit patterns, for every kind (absf, copysign, ceil, ...). */
function exactFloatFold(fn: (xs: readonly bigint[], kind: ComputedKind) => bigint) {
  return (op: MathOp, operands: Operands): Folded =>
    foldElementwise(operands, op.result.type, (xs, t) => {
      const kind = kindIn(t, ALL_KINDS);
      return kind === undefined ? undefined : fn(xs, kind);
    });
}

/** The interpreter's float element of a bit pattern, and back: exact, NaN payloads included. */
const element = (bits: bigint, kind: ComputedKind): FloatElement => floatElementFromBits(bits, kind);
const bitsOf = (e: FloatElement, kind: ComputedKind): bigint => floatElementBits(e, kind);

/**
 * Rounds to an integral value (APFloat::roundToIntegral), as the interpreter does: NaNs come back quieted,
 * everything else exactly.
 */
function roundToIntegral(bits: bigint, kind: ComputedKind, round: (x: number) => number): bigint {
  return bitsOf(F.floatOp(kind, [element(bits, kind)], round), kind);
}

/**
 * A library-function fold for f32 and f64 (`sinf` / `sin`): `refuse` says which inputs MLIR leaves alone,
 * `fn` computes in f64. A NaN operand is returned quieted; a NaN from non-NaN operands is x86's default NaN.
 */
function libmUnary(fn: (x: number) => number, refuse?: (bits: bigint, kind: ComputedKind) => boolean) {
  return (op: MathOp, operands: Operands): Folded =>
    foldElementwise(operands, op.result.type, ([bits], t) => {
      const kind = kindIn(t, LIBM_KINDS);
      if (kind === undefined || bits === undefined || refuse?.(bits, kind) === true) return undefined;
      if (isNaNBits(bits, kind)) return quiet(bits, kind);
      return libmResult(fn(fromBits(bits, kind)), kind);
    });
}

/** The bits of an f64 result rounded to `kind`, with glibc's negative default NaN for invalid operations. */
function libmResult(r: number, kind: ComputedKind): bigint {
  return Number.isNaN(r) ? quietNaNBits(kind, true) : toBits(r, kind);
}

const refuseNegative = (bits: bigint, kind: ComputedKind): boolean => isNegativeBits(bits, kind);

/** log1p refuses x when x + 1 is negative (a negative NaN too, as APFloat's sum keeps its sign). */
function refuseLog1p(bits: bigint, kind: ComputedKind): boolean {
  if (isNaNBits(bits, kind)) return isNegativeBits(bits, kind);
  return fromBits(bits, kind) + 1 < 0;
}

/** x86's `x + y` on NaNs: the first NaN operand, quieted. */
function addNaN(x: bigint, y: bigint, kind: ComputedKind): bigint {
  return quiet(isNaNBits(x, kind) ? x : y, kind);
}

/**
 * atan2(y, x); NaNs as glibc's `x + y`. MLIR 16 folds atan2(±0, ±0) to NaN (a workaround in its folder),
 * but the compiled code calls atan2f, which gives ±0 or ±pi: that case is not folded, so that folding never
 * changes what a program computes (checkRewrite found the difference).
 */
function atan2Bits(y: bigint, x: bigint, kind: ComputedKind): bigint | undefined {
  const isZero = (b: bigint): boolean => (b & ~signBitOf(kind)) === 0n;
  if (isZero(y) && isZero(x)) return undefined;
  if (isNaNBits(x, kind) || isNaNBits(y, kind)) return addNaN(x, y, kind);
  return libmResult(Math.atan2(fromBits(y, kind), fromBits(x, kind)), kind);
}

/** -1 when y is an odd integer, 1 when even, 0 when not an integer (glibc's checkint), for finite y. */
function integerParity(y: number): -1 | 0 | 1 {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) < 2 ** 53 && Math.abs(y % 2) === 1 ? -1 : 1;
}

/** C's pow (glibc's special cases, which differ from JS's Math.pow), on bit patterns. */
function powBits(x: bigint, y: bigint, kind: ComputedKind): bigint {
  const xv = fromBits(x, kind);
  const yv = fromBits(y, kind);
  const one = toBits(1, kind);
  const yZeroInfNaN = yv === 0 || !Number.isFinite(yv);
  if (yZeroInfNaN) {
    if (yv === 0) return isSignalingNaNBits(x, kind) ? addNaN(x, y, kind) : one;
    if (xv === 1) return isSignalingNaNBits(y, kind) ? addNaN(x, y, kind) : one;
    if (Number.isNaN(xv) || Number.isNaN(yv)) return addNaN(x, y, kind);
    if (Math.abs(xv) === 1) return one;
    return toBits(Math.abs(xv) < 1 === yv > 0 ? 0 : Infinity, kind);
  }
  if (xv === 0 || !Number.isFinite(xv)) {
    // glibc: x * x, negated for a negative x and an odd integer y, inverted for a negative y.
    let r = Number.isNaN(xv) ? quiet(x, kind) : toBits(xv * xv, kind);
    if (isNegativeBits(x, kind) && integerParity(yv) === -1) r ^= signBitOf(kind);
    if (yv < 0 && !Number.isNaN(xv)) r = toBits(1 / fromBits(r, kind), kind);
    return r;
  }
  if (xv < 0 && integerParity(yv) === 0) return quietNaNBits(kind, true);
  return libmResult(Math.pow(xv, yv), kind);
}

/** A binary library-function fold for f32 and f64. */
function libmBinary(fn: (x: bigint, y: bigint, kind: ComputedKind) => bigint | undefined) {
  return (op: MathOp, operands: Operands): Folded =>
    foldElementwise(operands, op.result.type, ([x, y], t) => {
      const kind = kindIn(t, LIBM_KINDS);
      return kind === undefined || x === undefined || y === undefined ? undefined : fn(x, y, kind);
    });
}

export const foldAbsF = exactFloatFold(([x], kind) => bitsOf(F.absF(kind, element(x as bigint, kind)), kind));
export const foldCopySign = exactFloatFold(([x, y], kind) => bitsOf(F.copySignF(kind, element(x as bigint, kind), element(y as bigint, kind)), kind));
export const foldCeil = exactFloatFold(([x], kind) => roundToIntegral(x as bigint, kind, Math.ceil));
export const foldFloor = exactFloatFold(([x], kind) => roundToIntegral(x as bigint, kind, Math.floor));
export const foldRoundEven = exactFloatFold(([x], kind) => roundToIntegral(x as bigint, kind, F.roundHalfEven));

export const foldAtan = libmUnary(Math.atan);
export const foldCos = libmUnary(Math.cos);
export const foldErf = libmUnary(F.erf);
export const foldExp = libmUnary(Math.exp);
export const foldExp2 = libmUnary((x) => Math.pow(2, x));
export const foldExpM1 = libmUnary(Math.expm1);
export const foldLog = libmUnary(Math.log, refuseNegative);
export const foldLog10 = libmUnary(Math.log10, refuseNegative);
export const foldLog1p = libmUnary(Math.log1p, refuseLog1p);
export const foldLog2 = libmUnary(Math.log2, refuseNegative);
export const foldRound = libmUnary(F.roundHalfAway);
export const foldSin = libmUnary(Math.sin);
export const foldSqrt = libmUnary(Math.sqrt, refuseNegative);
export const foldTan = libmUnary(Math.tan);
export const foldTanh = libmUnary(Math.tanh);
export const foldTrunc = libmUnary(Math.trunc);
export const foldAtan2 = libmBinary(atan2Bits);
export const foldPowF = libmBinary(powBits);

// ---- integers --------------------------------------------------------------------------------------------

/** An exact integer fold on n-bit values (signed representation in, any representation out). */
function intFold(fn: (n: number, xs: readonly bigint[]) => bigint | undefined) {
  return (op: MathOp, operands: Operands): Folded =>
    foldElementwise(operands, op.result.type, (xs, t) => {
      const n = intWidth(t);
      if (n === undefined) return undefined;
      const r = fn(n, xs);
      return r === undefined ? undefined : BigInt.asIntN(n, r);
    });
}

// The integer ops are the interpreter's (src/interp/int-semantics.ts), which agree with MLIR's folders: absi
// wraps |INT_MIN| to INT_MIN (APInt::abs), ctlz / cttz give the width for zero, ipowi follows the
// math-to-funcs lowering. Where the interpreter reports undefined behaviour (ipowi of 0 to a negative
// power), the op does not fold.
export const foldAbsI = intFold((n, [x]) => I.absI(n, x as bigint));
export const foldCtlz = intFold((n, [x]) => I.ctlz(n, x as bigint));
export const foldCttz = intFold((n, [x]) => I.cttz(n, x as bigint));
export const foldCtPop = intFold((n, [x]) => I.ctpop(n, x as bigint));
export const foldIPowI = intFold((n, [x, y]) => I.unlessUndefined(() => I.ipowI(n, x as bigint, y as bigint)));
