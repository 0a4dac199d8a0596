/**
 * Exact semantics of floating-point operations on f16, bf16, f32 and f64 elements (see values.ts for the
 * representation), with round-to-nearest-even as LLVM's default environment.
 *
 * - add, sub, mul, div, sqrt and rem compute in f64 and round once to the kind. This is exact: f64 has at
 *   least 2p+2 bits for every narrower kind p, so rounding the f64 result again gives the correctly rounded
 *   result (no double-rounding error); fmod's result is always representable.
 * - fma is computed exactly on rationals (BigInt) and rounded once.
 * - NaN results: an operation with a NaN operand returns the first NaN operand, quieted (as x86 and APFloat
 *   do); an invalid operation (0 * inf, inf - inf, sqrt(-1), 0 / 0) returns the default quiet NaN
 *   (positive; x86 hardware would give the negative one). LLVM leaves the sign and payload of these NaNs
 *   unspecified, so a rewrite may change them: they are `UnspecifiedNaN`s, whose bits are this pick (folds
 *   use it, as APFloat does) but which the interpreter refuses to let a program observe.
 * - neg, abs and copysign are bit operations: they act on the sign of NaNs too, as LLVM's fneg/fabs do, and
 *   keep a NaN's unspecified payload unspecified. copysign observes the sign of its second operand.
 */
import {
  type FloatKind,
  convertFloatBits,
  decodeFloatBits,
  floatSemantics,
  quietNaNBits,
  fromBits,
  roundRationalToBits,
  roundToKind,
  toBits,
} from "../ir/float-bits.ts";
import { ub, unspecified } from "./errors.ts";
import {
  type FloatElement,
  type SupportedFloatKind,
  UnspecifiedNaN,
  floatElementBits,
  floatElementFromBits,
  floatNumber,
  isNaNElement,
} from "./values.ts";

const widthOfKind = (kind: SupportedFloatKind): number => (kind === "f64" ? 64 : kind === "f32" ? 32 : 16);
const signBitOf = (kind: SupportedFloatKind): bigint => 1n << BigInt(widthOfKind(kind) - 1);
const quietBitOf = (kind: SupportedFloatKind): bigint => 1n << BigInt(floatSemantics(kind).precision - 2);

/** A NaN with its quiet bit clear. */
export function isSignalingNaN(e: FloatElement, kind: SupportedFloatKind): boolean {
  return isNaNElement(e) && (floatElementBits(e, kind) & quietBitOf(kind)) === 0n;
}

/** The first NaN among the operands, quieted, as an arithmetic result (unspecified); undefined when none is NaN. */
export function propagatedNaN(kind: SupportedFloatKind, operands: readonly FloatElement[]): FloatElement | undefined {
  for (const e of operands) if (isNaNElement(e)) return new UnspecifiedNaN(floatElementBits(e, kind) | quietBitOf(kind));
  return undefined;
}

/** Rounds an f64 result to the kind; a NaN result (invalid operation) is the default quiet NaN, unspecified. */
export function roundResult(x: number, kind: SupportedFloatKind): FloatElement {
  return Number.isNaN(x) ? new UnspecifiedNaN(quietNaNBits(kind)) : roundToKind(x, kind);
}

/** The element with `bits`, keeping `like`'s unspecified payload unspecified (bit operations on NaNs). */
function withBits(like: FloatElement, bits: bigint, kind: SupportedFloatKind): FloatElement {
  return like instanceof UnspecifiedNaN ? new UnspecifiedNaN(BigInt.asUintN(widthOfKind(kind), bits)) : floatElementFromBits(bits, kind);
}

/** An operation computed in f64 and rounded once, with NaN operands propagated. */
export function floatOp(kind: SupportedFloatKind, operands: readonly FloatElement[], fn: (...xs: number[]) => number): FloatElement {
  const nan = propagatedNaN(kind, operands);
  if (nan !== undefined) return nan;
  return roundResult(fn(...operands.map(floatNumber)), kind);
}

export const addF = (k: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement => floatOp(k, [a, b], (x, y) => x + y);
export const subF = (k: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement => floatOp(k, [a, b], (x, y) => x - y);
export const mulF = (k: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement => floatOp(k, [a, b], (x, y) => x * y);
export const divF = (k: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement => floatOp(k, [a, b], (x, y) => x / y);
/** fmod: the remainder of a / b truncated, with the sign of a (arith.remf lowers to LLVM's frem). */
export const remF = (k: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement => floatOp(k, [a, b], (x, y) => x % y);

/** Flips the sign bit (NaNs included). */
export function negF(kind: SupportedFloatKind, a: FloatElement): FloatElement {
  if (!isNaNElement(a)) return -floatNumber(a);
  return withBits(a, floatElementBits(a, kind) ^ signBitOf(kind), kind);
}

/** Clears the sign bit (NaNs included). */
export function absF(kind: SupportedFloatKind, a: FloatElement): FloatElement {
  if (!isNaNElement(a)) return Math.abs(floatNumber(a));
  return withBits(a, floatElementBits(a, kind) & ~signBitOf(kind), kind);
}

const signOf = (kind: SupportedFloatKind, e: FloatElement): boolean => (floatElementBits(e, kind) & signBitOf(kind)) !== 0n;

/** The magnitude of a with the sign bit of b (NaNs included, on both sides). */
export function copySignF(kind: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement {
  if (b instanceof UnspecifiedNaN) unspecified("copysign takes the sign of a NaN produced by arithmetic (LLVM leaves it unspecified)");
  const magnitude = floatElementBits(a, kind) & ~signBitOf(kind);
  return withBits(a, signOf(kind, b) ? magnitude | signBitOf(kind) : magnitude, kind);
}

/**
 * `arith.maxf` as MLIR 16 documents and folds it (llvm::maximum): NaN if either operand is NaN, and -0.0 is
 * less than +0.0. (MLIR 16's LLVM lowering uses llvm.intr.maxnum, which returns the other operand for one
 * NaN; the documented semantics is the one rewrites must preserve.)
 */
export function maxF(kind: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement {
  const nan = propagatedNaN(kind, [a, b]);
  if (nan !== undefined) return nan;
  const x = floatNumber(a);
  const y = floatNumber(b);
  if (x === 0 && y === 0) return Object.is(x, -0) ? y : x;
  return x >= y ? x : y;
}

/** `arith.minf`: NaN if either operand is NaN, -0.0 less than +0.0 (llvm::minimum). */
export function minF(kind: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement {
  const nan = propagatedNaN(kind, [a, b]);
  if (nan !== undefined) return nan;
  const x = floatNumber(a);
  const y = floatNumber(b);
  if (x === 0 && y === 0) return Object.is(x, -0) ? x : y;
  return x <= y ? x : y;
}

export type CmpFPredicateName =
  | "false" | "oeq" | "ogt" | "oge" | "olt" | "ole" | "one" | "ord"
  | "ueq" | "ugt" | "uge" | "ult" | "ule" | "une" | "uno" | "true";

/** `arith.cmpf`: `o` predicates are false when either operand is NaN, `u` predicates true. */
export function cmpF(pred: CmpFPredicateName, a: FloatElement, b: FloatElement): boolean {
  const x = floatNumber(a);
  const y = floatNumber(b);
  const unordered = Number.isNaN(x) || Number.isNaN(y);
  switch (pred) {
    case "false":
      return false;
    case "true":
      return true;
    case "ord":
      return !unordered;
    case "uno":
      return unordered;
    case "oeq":
      return !unordered && x === y;
    case "ogt":
      return !unordered && x > y;
    case "oge":
      return !unordered && x >= y;
    case "olt":
      return !unordered && x < y;
    case "ole":
      return !unordered && x <= y;
    case "one":
      return !unordered && x !== y;
    case "ueq":
      return unordered || x === y;
    case "ugt":
      return unordered || x > y;
    case "uge":
      return unordered || x >= y;
    case "ult":
      return unordered || x < y;
    case "ule":
      return unordered || x <= y;
    case "une":
      return unordered || x !== y;
  }
}

// ---- fused multiply-add --------------------------------------------------------------------------------------

interface Exact {
  readonly negative: boolean;
  /** |value| = significand * 2^exponent */
  readonly significand: bigint;
  readonly exponent: number;
}

function exactOf(x: number): Exact {
  const d = decodeFloatBits(toBits(x, "f64"), "f64");
  return { negative: d.negative, significand: d.significand, exponent: d.exponent };
}

/** a * b + c with one rounding (math.fma), exact for every finite input. */
export function fmaF(kind: SupportedFloatKind, a: FloatElement, b: FloatElement, c: FloatElement): FloatElement {
  const nan = propagatedNaN(kind, [a, b, c]);
  if (nan !== undefined) return nan;
  const x = floatNumber(a);
  const y = floatNumber(b);
  const z = floatNumber(c);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return roundResult(x * y + z, kind); // inf * 0 is NaN, inf * y exact
  if (!Number.isFinite(z)) return z;
  const p = exactOf(x);
  const q = exactOf(y);
  const r = exactOf(z);
  const productNegative = p.negative !== q.negative;
  const productSig = p.significand * q.significand;
  const productExp = p.exponent + q.exponent;
  const e = Math.min(productExp, r.exponent);
  const signed = (neg: boolean, s: bigint, exp: number): bigint => (neg ? -s : s) << BigInt(exp - e);
  const sum = signed(productNegative, productSig, productExp) + signed(r.negative, r.significand, r.exponent);
  if (sum === 0n) {
    // An exact zero: -0 only when both addends are -0 (or a zero product and c are both negative).
    const zeroNegative = productSig === 0n && r.significand === 0n ? productNegative && r.negative : false;
    return zeroNegative ? -0 : 0;
  }
  const negative = sum < 0n;
  const magnitude = negative ? -sum : sum;
  const bits = e >= 0 ? roundRationalToBits(negative, magnitude << BigInt(e), 1n, kind) : roundRationalToBits(negative, magnitude, 1n << BigInt(-e), kind);
  return fromBits(bits, kind);
}

// ---- conversions ---------------------------------------------------------------------------------------------

/** An integer (exact value) rounded to the nearest value of `kind` (sitofp / uitofp). */
export function intToFloat(v: bigint, kind: SupportedFloatKind): number {
  return fromBits(intToFloatBits(v, kind), kind);
}

/** The bits of an integer (exact value) rounded to nearest, ties to even, in any float kind (f80 and f128 too). */
export function intToFloatBits(v: bigint, kind: FloatKind): bigint {
  const negative = v < 0n;
  return roundRationalToBits(negative, negative ? -v : v, 1n, kind);
}

/**
 * fptosi / fptoui: the float truncated toward zero; NaN, infinities and values outside the integer range are
 * poison, reported as undefined behaviour.
 */
export function floatToInt(e: FloatElement, width: number, signed: boolean): bigint {
  const x = floatNumber(e);
  if (Number.isNaN(x)) ub(`${signed ? "fptosi" : "fptoui"} of NaN (poison)`);
  if (!Number.isFinite(x)) ub(`${signed ? "fptosi" : "fptoui"} of ${x} (poison)`);
  const t = BigInt(Math.trunc(x));
  const min = signed ? (width === 0 ? 0n : -(1n << BigInt(width - 1))) : 0n;
  const max = signed ? (width === 0 ? 0n : (1n << BigInt(width - 1)) - 1n) : (1n << BigInt(width)) - 1n;
  if (t < min || t > max) ub(`${signed ? "fptosi" : "fptoui"} of ${x} does not fit ${signed ? "signed" : "unsigned"} i${width} (poison)`);
  return t;
}

/**
 * extf / truncf: exact widening, correctly rounded narrowing; NaNs keep sign and high payload, quieted (x86's
 * and APFloat's pick; the result is an arithmetic NaN, unspecified).
 */
export function convertFloat(e: FloatElement, from: SupportedFloatKind, to: SupportedFloatKind): FloatElement {
  if (isNaNElement(e)) return new UnspecifiedNaN(convertFloatBits(floatElementBits(e, from), from, to));
  return roundToKind(floatNumber(e), to);
}

// ---- math functions ------------------------------------------------------------------------------------------

/**
 * C's pow on (quiet) doubles, which compiled code calls: pow(x, ±0) and pow(1, y) are 1 even for a NaN, and
 * pow(-1, ±inf) is 1; JS's Math.pow gives NaN for the last two.
 */
export function cPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && Math.abs(y) === Infinity) return 1;
  return Math.pow(x, y);
}

/** Rounds half away from zero (math.round, C's round). */
export function roundHalfAway(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** Rounds half to even (math.roundeven, C's roundeven). */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  const diff = Math.abs(x - t);
  if (diff > 0.5 || (diff === 0.5 && t % 2 !== 0)) return t + Math.sign(x);
  return t;
}

// Double-double arithmetic (an unevaluated sum hi + lo with |lo| <= ulp(hi) / 2): about 106 bits, enough to
// round erf correctly in f64.
type DD = readonly [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const v = s - a;
  return [s, a - (s - v) + (b - v)];
}

/** Dekker's split of a double into two 26-bit halves. */
function split(v: number): DD {
  const c = 134217729 * v;
  const hi = c - (c - v);
  return [hi, v - hi];
}

/** a * b exactly, as the rounded product and its error (a, b well inside the f64 range). */
function twoProduct(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(x: DD, y: DD): DD {
  const [s, e] = twoSum(x[0], y[0]);
  return twoSum(s, e + x[1] + y[1]);
}

function ddMul(x: DD, y: DD): DD {
  const [p, e] = twoProduct(x[0], y[0]);
  return twoSum(p, e + x[0] * y[1] + x[1] * y[0]);
}

function ddDivNumber(x: DD, d: number): DD {
  const q = x[0] / d;
  const [p, e] = twoProduct(q, d);
  return twoSum(q, (x[0] - p - e + x[1]) / d);
}

/** 2 / sqrt(pi) as a double-double. */
const TWO_OVER_SQRT_PI: DD = [1.1283791670955126, 1.533545961316588e-17];

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** e^y for a double-double y in [-40, 0]: y = k ln2 + r, e^(r / 2^10) by its Taylor series, squared 10 times. */
function expDD(y: DD): DD {
  const k = Math.round(y[0] / LN2[0]);
  const r = ddAdd(y, ddMul(LN2, [-k, 0]));
  const small: DD = [r[0] / 1024, r[1] / 1024];
  let sum: DD = [1, 0];
  let term: DD = [1, 0];
  for (let n = 1; Math.abs(term[0]) > 1e-36; n++) {
    term = ddDivNumber(ddMul(term, small), n);
    sum = ddAdd(sum, term);
  }
  for (let i = 0; i < 10; i++) sum = ddMul(sum, sum);
  const scale = 2 ** k;
  return [sum[0] * scale, sum[1] * scale];
}

/**
 * The error function in f64, correctly rounded (save for ties no one has found; checked against an
 * 80-digit reference where the earlier all-Maclaurin version was 1 ulp off, near |x| = 5.6-5.9). For |x| < 1
 * the alternating Maclaurin series in double-double; above, erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) /
 * (2n+1)!!, whose terms are all positive (no cancellation). Folders use this same function.
 */
export function erf(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  const ax = Math.abs(x);
  if (ax >= 6) return Math.sign(x); // 1 - erf(6) < 2^-54: rounds to 1
  if (ax < 2 ** -900) return (TWO_OVER_SQRT_PI[0] * (x * 2 ** 100)) / 2 ** 100;
  const x2 = twoProduct(ax, ax);
  let sum: DD = [ax, 0];
  let result: DD;
  if (ax < 1) {
    let power: DD = [ax, 0];
    const minusX2: DD = [-x2[0], -x2[1]];
    for (let n = 1; Math.abs(power[0]) > 1e-36 * sum[0]; n++) {
      power = ddDivNumber(ddMul(power, minusX2), n);
      sum = ddAdd(sum, ddDivNumber(power, 2 * n + 1));
    }
    result = ddMul(TWO_OVER_SQRT_PI, sum);
  } else {
    let term: DD = [ax, 0];
    const twoX2: DD = [2 * x2[0], 2 * x2[1]];
    for (let n = 1; term[0] > 1e-36 * sum[0]; n++) {
      term = ddDivNumber(ddMul(term, twoX2), 2 * n + 1);
      sum = ddAdd(sum, term);
    }
    result = ddMul(ddMul(TWO_OVER_SQRT_PI, expDD([-x2[0], -x2[1]])), sum);
  }
  const r = result[0] + result[1];
  return x < 0 ? -r : r;
}
