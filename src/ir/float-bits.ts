/**
 * Floating-point semantics of MLIR's builtin float types, as LLVM's APFloat implements them: rounding a
 * JS number into a narrower kind, bit patterns in and out, exact conversions between kinds, and correctly
 * rounded encoding of an exact rational (the core of decimal parsing).
 *
 * JS numbers are IEEE doubles, so f16, bf16 and f32 values are stored as the double of equal value; f80 and
 * f128 values are only exact here as bit patterns (`bigint`), which every function below also accepts.
 *
 * NaN payloads: a JS number cannot carry a signalling NaN (V8 quiets it when a double is read from memory),
 * so whoever needs NaN bits to survive exactly (IR attributes, the printer) should keep the `bigint` bits.
 * Converting a NaN between kinds keeps the sign and the high payload bits (shifted, truncated), and sets the
 * quiet bit, as x86 hardware and APFloat do.
 */

export type FloatKind = "f16" | "bf16" | "f32" | "f64" | "f80" | "f128";

export const floatKinds: readonly FloatKind[] = ["f16", "bf16", "f32", "f64", "f80", "f128"];

/** APFloat's fltSemantics of one kind, plus what the bit layout needs. */
export interface FloatSemantics {
  readonly kind: FloatKind;
  readonly bitWidth: number;
  /** Significand bits including the leading integer bit (APFloat's `precision`). */
  readonly precision: number;
  readonly exponentBits: number;
  /** Largest e with 2^e representable (also the exponent bias). */
  readonly maxExponent: number;
  /** Smallest e with 2^e a normal number. */
  readonly minExponent: number;
  /** x87's f80 stores the integer bit of the significand; every IEEE interchange kind leaves it implicit. */
  readonly explicitIntegerBit: boolean;
}

function semantics(kind: FloatKind, precision: number, exponentBits: number, explicitIntegerBit: boolean): FloatSemantics {
  const maxExponent = 2 ** (exponentBits - 1) - 1;
  const bitWidth = 1 + exponentBits + (precision - 1) + (explicitIntegerBit ? 1 : 0);
  return { kind, bitWidth, precision, exponentBits, maxExponent, minExponent: 1 - maxExponent, explicitIntegerBit };
}

const SEMANTICS: Readonly<Record<FloatKind, FloatSemantics>> = {
  f16: semantics("f16", 11, 5, false),
  bf16: semantics("bf16", 8, 8, false),
  f32: semantics("f32", 24, 8, false),
  f64: semantics("f64", 53, 11, false),
  f80: semantics("f80", 64, 15, true),
  f128: semantics("f128", 113, 15, false),
};

export function floatSemantics(kind: FloatKind): FloatSemantics {
  return SEMANTICS[kind];
}

export function floatBitWidth(kind: FloatKind): number {
  return SEMANTICS[kind].bitWidth;
}

export function isFloatKind(name: string): name is FloatKind {
  return Object.hasOwn(SEMANTICS, name);
}

// ---------------------------------------------------------------------------------------------------------
// Bit patterns <-> (sign, class, significand, exponent)

export type FloatClass = "zero" | "subnormal" | "normal" | "infinity" | "nan";

/**
 * A float taken apart. For finite values |value| = significand * 2^exponent exactly (significand has at
 * most `precision` bits). For NaN, `significand` is the fraction field (quiet bit included), exponent 0.
 */
export interface DecodedFloat {
  readonly negative: boolean;
  readonly cls: FloatClass;
  readonly significand: bigint;
  readonly exponent: number;
}

/** Width of the stored significand field: the fraction, plus the integer bit where it is explicit. */
function significandFieldBits(sem: FloatSemantics): number {
  return sem.precision - 1 + (sem.explicitIntegerBit ? 1 : 0);
}

/** Takes `bits` (the low bitWidth bits are used) apart as APFloat's initFromAPInt does. */
export function decodeFloatBits(bits: bigint, kind: FloatKind): DecodedFloat {
  const sem = SEMANTICS[kind];
  const fieldBits = significandFieldBits(sem);
  const fractionBits = sem.precision - 1;
  const v = BigInt.asUintN(sem.bitWidth, bits);
  const negative = (v >> BigInt(sem.bitWidth - 1)) === 1n;
  const expField = Number((v >> BigInt(fieldBits)) & ((1n << BigInt(sem.exponentBits)) - 1n));
  const field = v & ((1n << BigInt(fieldBits)) - 1n);
  const fraction = field & ((1n << BigInt(fractionBits)) - 1n);
  const expAllOnes = 2 ** sem.exponentBits - 1;
  const lsbExponent = (e: number): number => e - fractionBits;

  if (sem.explicitIntegerBit) {
    // initFromF80LongDoubleAPInt: unnormals (integer bit clear with a normal exponent) count as NaN, and a
    // set integer bit with a zero exponent (pseudo-denormal) keeps its value at the minimum exponent.
    const integerBit = (field >> BigInt(fractionBits)) & 1n;
    if (expField === 0 && field === 0n) return { negative, cls: "zero", significand: 0n, exponent: 0 };
    if (expField === expAllOnes && fraction === 0n && integerBit === 1n)
      return { negative, cls: "infinity", significand: 0n, exponent: 0 };
    if (expField === expAllOnes || (expField !== 0 && integerBit === 0n))
      return { negative, cls: "nan", significand: field, exponent: 0 };
    if (expField === 0) return { negative, cls: "subnormal", significand: field, exponent: lsbExponent(sem.minExponent) };
    return { negative, cls: "normal", significand: field, exponent: lsbExponent(expField - sem.maxExponent) };
  }

  if (expField === expAllOnes) {
    if (fraction === 0n) return { negative, cls: "infinity", significand: 0n, exponent: 0 };
    return { negative, cls: "nan", significand: fraction, exponent: 0 };
  }
  if (expField === 0) {
    if (fraction === 0n) return { negative, cls: "zero", significand: 0n, exponent: 0 };
    return { negative, cls: "subnormal", significand: fraction, exponent: lsbExponent(sem.minExponent) };
  }
  const significand = fraction | (1n << BigInt(fractionBits));
  return { negative, cls: "normal", significand, exponent: lsbExponent(expField - sem.maxExponent) };
}

function signBit(sem: FloatSemantics, negative: boolean): bigint {
  return negative ? 1n << BigInt(sem.bitWidth - 1) : 0n;
}

function exponentFieldAllOnes(sem: FloatSemantics): bigint {
  return ((1n << BigInt(sem.exponentBits)) - 1n) << BigInt(significandFieldBits(sem));
}

function integerBitIfExplicit(sem: FloatSemantics): bigint {
  return sem.explicitIntegerBit ? 1n << BigInt(sem.precision - 1) : 0n;
}

export function zeroBits(kind: FloatKind, negative = false): bigint {
  return signBit(SEMANTICS[kind], negative);
}

export function infinityBits(kind: FloatKind, negative = false): bigint {
  const sem = SEMANTICS[kind];
  return signBit(sem, negative) | exponentFieldAllOnes(sem) | integerBitIfExplicit(sem);
}

/** The default quiet NaN (APFloat::getNaN): only the quiet bit set, e.g. 0x7FC00000 for f32. */
export function quietNaNBits(kind: FloatKind, negative = false): bigint {
  const sem = SEMANTICS[kind];
  return signBit(sem, negative) | exponentFieldAllOnes(sem) | integerBitIfExplicit(sem) | quietBit(sem);
}

function quietBit(sem: FloatSemantics): bigint {
  return 1n << BigInt(sem.precision - 2);
}

export function isNaNBits(bits: bigint, kind: FloatKind): boolean {
  return decodeFloatBits(bits, kind).cls === "nan";
}

export function isSignalingNaNBits(bits: bigint, kind: FloatKind): boolean {
  const d = decodeFloatBits(bits, kind);
  return d.cls === "nan" && (d.significand & quietBit(SEMANTICS[kind])) === 0n;
}

/**
 * Rounds num/den (num >= 0, den > 0) to the nearest value of `kind`, ties to even, as APFloat's
 * normalize does: results past the largest finite value become infinity, tiny ones subnormal or zero
 * (keeping the sign). Returns the bit pattern.
 */
export function roundRationalToBits(negative: boolean, num: bigint, den: bigint, kind: FloatKind): bigint {
  const sem = SEMANTICS[kind];
  if (num === 0n) return zeroBits(kind, negative);
  const p = sem.precision;
  const minLsbExponent = sem.minExponent - (p - 1);
  // floor(log2(num/den)) is bitLength(num) - bitLength(den) or one less.
  const estimate = bitLength(num) - bitLength(den) - 1;
  let lsb = Math.max(estimate - (p - 1), minLsbExponent);
  let quotient: bigint;
  let remainder: bigint;
  let divisor: bigint;
  for (;;) {
    const n = lsb < 0 ? num << BigInt(-lsb) : num;
    divisor = lsb > 0 ? den << BigInt(lsb) : den;
    quotient = n / divisor;
    remainder = n % divisor;
    if (quotient >= 1n << BigInt(p)) {
      lsb++;
      continue;
    }
    if (quotient < 1n << BigInt(p - 1) && lsb > minLsbExponent) {
      lsb--;
      continue;
    }
    break;
  }
  const twice = remainder * 2n;
  if (twice > divisor || (twice === divisor && (quotient & 1n) === 1n)) quotient++;
  if (quotient === 1n << BigInt(p)) {
    quotient >>= 1n;
    lsb++;
  }
  return encodeFinite(sem, negative, quotient, lsb);
}

/** Encodes significand * 2^lsb, already rounded to `precision` bits; overflows to infinity. */
function encodeFinite(sem: FloatSemantics, negative: boolean, significand: bigint, lsb: number): bigint {
  if (significand === 0n) return signBit(sem, negative);
  const p = sem.precision;
  const topExponent = lsb + bitLength(significand) - 1;
  if (topExponent > sem.maxExponent) return infinityBits(sem.kind, negative);
  const fieldShift = BigInt(significandFieldBits(sem));
  if (significand < 1n << BigInt(p - 1)) {
    // Subnormal: the caller put lsb at the minimum, the exponent field is 0.
    return signBit(sem, negative) | significand;
  }
  const biased = BigInt(lsb + (p - 1) + sem.maxExponent);
  const field = sem.explicitIntegerBit ? significand : significand - (1n << BigInt(p - 1));
  return signBit(sem, negative) | (biased << fieldShift) | field;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * Converts between kinds as APFloat::convert with round-to-nearest-even does (arith.extf / arith.truncf):
 * exact when widening, correctly rounded when narrowing; NaN keeps its sign and high payload and is quieted.
 */
export function convertFloatBits(bits: bigint, from: FloatKind, to: FloatKind): bigint {
  const d = decodeFloatBits(bits, from);
  switch (d.cls) {
    case "zero":
      return zeroBits(to, d.negative);
    case "infinity":
      return infinityBits(to, d.negative);
    case "nan":
      return convertNaN(d, SEMANTICS[from], SEMANTICS[to]);
    case "subnormal":
    case "normal":
      return d.exponent >= 0
        ? roundRationalToBits(d.negative, d.significand << BigInt(d.exponent), 1n, to)
        : roundRationalToBits(d.negative, d.significand, 1n << BigInt(-d.exponent), to);
  }
}

function convertNaN(d: DecodedFloat, from: FloatSemantics, to: FloatSemantics): bigint {
  const fractionMask = (1n << BigInt(from.precision - 1)) - 1n;
  const fraction = d.significand & fractionMask;
  const shift = to.precision - from.precision;
  const moved = shift >= 0 ? fraction << BigInt(shift) : fraction >> BigInt(-shift);
  const payload = moved & ((1n << BigInt(to.precision - 1)) - 1n);
  return quietNaNBits(to.kind, d.negative) | payload;
}

// ---------------------------------------------------------------------------------------------------------
// JS numbers

const scratch = new DataView(new ArrayBuffer(8));

function doubleToBits(x: number): bigint {
  scratch.setFloat64(0, x);
  return scratch.getBigUint64(0);
}

function bitsToDouble(bits: bigint): number {
  scratch.setBigUint64(0, BigInt.asUintN(64, bits));
  return scratch.getFloat64(0);
}

/** floor(log2(|x|)) for a finite nonzero normal double; something below -1022 for subnormals. */
function binaryExponent(ax: number): number {
  scratch.setFloat64(0, ax);
  return ((scratch.getUint16(0) >> 4) & 0x7ff) - 1023;
}

/** 2^k for -1022 <= k <= 1023, built from bits so it is exact on every engine. */
function pow2(k: number): number {
  scratch.setUint32(0, (k + 1023) << 20);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const diff = v - floor;
  if (diff > 0.5 || (diff === 0.5 && floor % 2 === 1)) return floor + 1;
  return floor;
}

/** Rounding for kinds narrower than f64 whose whole range sits inside the normal doubles (f16, bf16). */
function roundNarrow(x: number, sem: FloatSemantics): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const ax = Math.abs(x);
  // Halfway between the largest finite value and 2^(emax+1); the tie goes to the even side, i.e. infinity.
  const overflowAt = pow2(sem.maxExponent + 1) - pow2(sem.maxExponent - sem.precision);
  if (ax >= overflowAt) return x > 0 ? Infinity : -Infinity;
  const exponent = Math.max(binaryExponent(ax), sem.minExponent);
  const quantum = pow2(exponent - (sem.precision - 1));
  const rounded = roundHalfEven(ax / quantum) * quantum;
  return x < 0 ? -rounded : rounded;
}

/**
 * The value of `kind` nearest to x (ties to even), as a number: f32 via Math.fround, f16 and bf16 with
 * correct overflow to infinity and subnormals, f64/f80/f128 unchanged (every double is exact in them).
 * NaN stays NaN, ±0 and ±Infinity stay as they are.
 */
export function roundToKind(x: number, kind: FloatKind): number {
  switch (kind) {
    case "f32":
      return Math.fround(x);
    case "f16":
    case "bf16":
      return roundNarrow(x, SEMANTICS[kind]);
    case "f64":
    case "f80":
    case "f128":
      return x;
  }
}

/** True when x is a value of `kind` (NaN counts: every kind has NaNs); -0 is representable everywhere. */
export function isExactlyRepresentable(x: number, kind: FloatKind): boolean {
  if (Number.isNaN(x)) return true;
  return Object.is(roundToKind(x, kind), x);
}

/**
 * The bit pattern of x in `kind`, after rounding x to `kind` (see roundToKind). NaN: f64 keeps the
 * double's bits; narrower and wider kinds get the sign, the high payload bits and the quiet bit.
 */
export function toBits(x: number, kind: FloatKind): bigint {
  switch (kind) {
    case "f64":
      return doubleToBits(x);
    case "f32":
      scratch.setFloat32(0, x);
      return BigInt(scratch.getUint32(0));
    case "f16":
    case "bf16":
      return Number.isNaN(x) ? convertFloatBits(doubleToBits(x), "f64", kind) : narrowToBits(roundNarrow(x, SEMANTICS[kind]), SEMANTICS[kind]);
    case "f80":
    case "f128":
      return convertFloatBits(doubleToBits(x), "f64", kind);
  }
}

/** Bits of a finite-or-infinite double that is exactly a value of the narrow kind. */
function narrowToBits(x: number, sem: FloatSemantics): bigint {
  const negative = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  const fractionBits = sem.precision - 1;
  let bits: number;
  if (ax === Infinity) bits = (2 ** sem.exponentBits - 1) * 2 ** fractionBits;
  else if (ax === 0) bits = 0;
  else if (ax < pow2(sem.minExponent)) bits = ax / pow2(sem.minExponent - fractionBits);
  else {
    const e = binaryExponent(ax);
    const fraction = ax / pow2(e - fractionBits) - 2 ** fractionBits;
    bits = (e + sem.maxExponent) * 2 ** fractionBits + fraction;
  }
  return BigInt(bits) | signBit(sem, negative);
}

/**
 * The number whose value is that of the bit pattern (low bitWidth bits of `bits`). Exact for f16, bf16,
 * f32, f64; f80 and f128 are rounded to the nearest double. NaNs: see the module comment.
 */
export function fromBits(bits: bigint, kind: FloatKind): number {
  switch (kind) {
    case "f64":
      return bitsToDouble(bits);
    case "f32":
      scratch.setUint32(0, Number(BigInt.asUintN(32, bits)));
      return scratch.getFloat32(0);
    case "f16":
    case "bf16":
      return narrowFromBits(Number(BigInt.asUintN(16, bits)), SEMANTICS[kind]);
    case "f80":
    case "f128":
      return bitsToDouble(convertFloatBits(bits, kind, "f64"));
  }
}

function narrowFromBits(bits: number, sem: FloatSemantics): number {
  const fractionBits = sem.precision - 1;
  const negative = bits >= 2 ** (sem.bitWidth - 1);
  const expField = Math.floor(bits / 2 ** fractionBits) % 2 ** sem.exponentBits;
  const fraction = bits % 2 ** fractionBits;
  let magnitude: number;
  if (expField === 2 ** sem.exponentBits - 1) {
    if (fraction !== 0) return bitsToDouble(convertFloatBits(BigInt(bits), sem.kind, "f64"));
    magnitude = Infinity;
  } else if (expField === 0) {
    magnitude = fraction * pow2(sem.minExponent - fractionBits);
  } else {
    magnitude = (2 ** fractionBits + fraction) * pow2(expField - sem.maxExponent - fractionBits);
  }
  return negative ? -magnitude : magnitude;
}
