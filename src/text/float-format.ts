/**
 * Float literals exactly as MLIR 16 prints and parses them.
 *
 * Printing (AsmPrinter's printFloatValue, used for FloatAttr and for every element of a dense<...>):
 *   1. APFloat::toString with 6 digits after the point and scientific notation (`1.000000e+00`), kept
 *      when reading it back into the same kind gives the same bits;
 *   2. otherwise APFloat's default toString (shortest-ish round-trip precision), kept if it contains a '.'
 *      (`0.10000000000000001`, `1.2345678901234568E+17`);
 *   3. otherwise, and for NaN and infinity, the bit pattern in hex (`0x7FC00000`, `0x4996B438`).
 * `apFloatToString` reproduces LLVM's APFloat::toString digit for digit (including its truncate-then-round
 * half-up rounding), in BigInt arithmetic.
 *
 * Parsing: MLIR 16 reads a decimal float literal with strtod semantics into a double, then converts that
 * double to the attribute's kind (round to nearest even): two roundings, so a literal can land on a
 * different value than correctly rounding the decimal would give. `parseFloatLiteral` does that;
 * `decimalToFloatBits` is the single correct rounding (APFloat's string constructor), which the printer uses
 * for its round-trip check. Hex literals (`0x...`) are bit patterns of at most 64 bits.
 */
import * as E from "fp-ts/lib/Either.js";
import {
  type DecodedFloat,
  type FloatKind,
  type FloatSemantics,
  convertFloatBits,
  decodeFloatBits,
  floatSemantics,
  fromBits,
  infinityBits,
  roundRationalToBits,
  toBits,
  zeroBits,
} from "../ir/float-bits.ts";

/** The text MLIR 16 prints for a FloatAttr (or dense element) of `kind` holding the value x. */
export function formatFloat(x: number, kind: FloatKind): string {
  return formatFloatBits(toBits(x, kind), kind);
}

/** The text MLIR 16 prints for a float of `kind` with this bit pattern; exact for every pattern. */
export function formatFloatBits(bits: bigint, kind: FloatKind): string {
  const sem = floatSemantics(kind);
  const canonical = canonicalBits(BigInt.asUintN(sem.bitWidth, bits), sem);
  const d = decodeFloatBits(canonical, kind);
  if (d.cls === "nan" || d.cls === "infinity") return formatFloatHex(canonical, kind);
  const scientific = formatDecoded(d, sem, 6, 0, false);
  const reparsed = decimalToFloatBits(scientific, kind);
  if (E.isRight(reparsed) && reparsed.right === canonical) return scientific;
  const plain = formatDecoded(d, sem, 0, 3, true);
  if (plain.includes(".")) return plain;
  return formatFloatHex(canonical, kind);
}

/**
 * The bits APFloat gives back (bitcastToAPInt) after reading `bits`: the same for IEEE kinds; for f80 a
 * NaN gets the all-ones exponent and a pseudo-denormal the exponent 1.
 */
function canonicalBits(bits: bigint, sem: FloatSemantics): bigint {
  if (!sem.explicitIntegerBit) return bits;
  const d = decodeFloatBits(bits, sem.kind);
  const fieldBits = BigInt(sem.precision);
  const sign = bits & (1n << BigInt(sem.bitWidth - 1));
  const exponentAllOnes = (1n << BigInt(sem.exponentBits)) - 1n;
  if (d.cls === "nan") return sign | (exponentAllOnes << fieldBits) | d.significand;
  if (d.cls === "subnormal" && d.significand >= 1n << BigInt(sem.precision - 1)) return sign | (1n << fieldBits) | d.significand;
  return bits;
}

/** `0x` and the pattern in upper-case hex without leading zeros, as APInt::toString(16, unsigned, C literal). */
export function formatFloatHex(bits: bigint, kind: FloatKind): string {
  return `0x${BigInt.asUintN(floatSemantics(kind).bitWidth, bits).toString(16).toUpperCase()}`;
}

export interface ApFloatToStringOptions {
  /** Significant digits; 0 picks 2 + floor(precision * log10(2)) (APFloat's default). */
  readonly precision?: number;
  /** Largest run of zeros to write before switching to scientific notation; 0 forces scientific. */
  readonly maxPadding?: number;
  /** false: always `precision` digits after the point, lower-case `e`, at least two exponent digits. */
  readonly truncateZero?: boolean;
}

/**
 * LLVM's APFloat::toString(Str, FormatPrecision, FormatMaxPadding, TruncateZero) for this bit pattern,
 * with APFloat's defaults (0, 3, true). NaN gives `NaN`, infinities `+Inf` / `-Inf`.
 */
export function apFloatToString(bits: bigint, kind: FloatKind, options: ApFloatToStringOptions = {}): string {
  const sem = floatSemantics(kind);
  const d = decodeFloatBits(canonicalBits(BigInt.asUintN(sem.bitWidth, bits), sem), kind);
  if (d.cls === "nan") return "NaN";
  if (d.cls === "infinity") return d.negative ? "-Inf" : "+Inf";
  return formatDecoded(d, sem, options.precision ?? 0, options.maxPadding ?? 3, options.truncateZero ?? true);
}

function formatDecoded(d: DecodedFloat, sem: FloatSemantics, formatPrecision: number, maxPadding: number, truncateZero: boolean): string {
  const sign = d.negative ? "-" : "";
  if (d.cls === "zero") {
    if (maxPadding !== 0) return `${sign}0`;
    if (truncateZero) return `${sign}0.0E+0`;
    return `${sign}0.0${"0".repeat(Math.max(formatPrecision - 1, 0))}e+00`;
  }
  const precision = formatPrecision === 0 ? 2 + Math.floor((sem.precision * 59) / 196) : formatPrecision;
  const { digits, exp } = decimalDigits(d.significand, d.exponent, precision);
  return sign + layOut(digits, exp, precision, maxPadding, truncateZero);
}

/**
 * The value significand * 2^exponent as decimal digits (most significant first, no trailing zeros) times
 * 10^exp, cut to `precision` digits the way APFloat does: first an integer division that drops whole
 * powers of ten without rounding (AdjustToPrecision on the APInt), then a half-up rounding of the digit
 * string (AdjustToPrecision on the buffer).
 */
function decimalDigits(significand: bigint, exponent: number, precision: number): { digits: string; exp: number } {
  let sig = significand;
  let exp = exponent;
  // Trailing binary zeros carry no decimal information.
  while ((sig & 1n) === 0n) {
    sig >>= 1n;
    exp++;
  }
  if (exp > 0) {
    sig <<= BigInt(exp);
    exp = 0;
  } else if (exp < 0) {
    // N * 2^-e == N * 5^e * 10^-e
    sig *= 5n ** BigInt(-exp);
  }

  const bits = sig.toString(2).length;
  const bitsRequired = Math.floor((precision * 196 + 58) / 59);
  if (bits > bitsRequired) {
    const tensRemovable = Math.floor(((bits - bitsRequired) * 59) / 196);
    if (tensRemovable > 0) {
      exp += tensRemovable;
      sig /= 10n ** BigInt(tensRemovable);
    }
  }

  let digits = sig.toString();
  const stripped = digits.replace(/0+$/, "");
  exp += digits.length - stripped.length;
  digits = stripped;

  if (digits.length > precision) {
    const dropped = digits.length - precision;
    const roundUp = digits.charCodeAt(precision) >= 0x35; // '5'
    let kept = digits.slice(0, precision);
    if (roundUp) kept = (BigInt(kept) + 1n).toString();
    const keptStripped = kept.replace(/0+$/, "");
    // value = kept * 10^(exp + dropped); a carry out of the top digit (999 -> 1000) leaves a lone 1.
    exp += dropped + (kept.length - keptStripped.length);
    digits = keptStripped;
  }
  return { digits, exp };
}

/** The formatting tail of APFloat's toStringImpl: value = digits * 10^exp. */
function layOut(digits: string, exp: number, precision: number, maxPadding: number, truncateZero: boolean): string {
  const n = digits.length;
  let scientific: boolean;
  if (maxPadding === 0) scientific = true;
  else if (exp >= 0) scientific = exp > maxPadding || n + exp > precision;
  else {
    const msd = exp + n - 1;
    scientific = msd >= 0 ? false : -msd > maxPadding;
  }

  if (scientific) {
    const e = exp + n - 1;
    let out = `${digits[0]}.`;
    if (n === 1 && truncateZero) out += "0";
    else out += digits.slice(1);
    if (!truncateZero && precision > n - 1) out += "0".repeat(precision - n + 1);
    out += truncateZero ? "E" : "e";
    out += e >= 0 ? "+" : "-";
    const magnitude = String(Math.abs(e));
    out += !truncateZero && magnitude.length < 2 ? `0${magnitude}` : magnitude;
    return out;
  }
  if (exp >= 0) return digits + "0".repeat(exp);
  const whole = exp + n;
  if (whole > 0) return `${digits.slice(0, whole)}.${digits.slice(whole)}`;
  return `0.${"0".repeat(-whole)}${digits}`;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

/** MLIR's float literal token: digits, a point, optional digits, optional exponent; we also take a sign. */
const DECIMAL_LITERAL = /^([-+]?)([0-9]+)\.([0-9]*)(?:[eE]([-+]?[0-9]+))?$/;

/**
 * Reads a decimal float literal into `kind` with one correct rounding (nearest, ties to even), as
 * `APFloat(semantics, text)` does. Overflow gives infinity, underflow zero (signed).
 */
export function decimalToFloatBits(text: string, kind: FloatKind): E.Either<string, bigint> {
  const m = DECIMAL_LITERAL.exec(text);
  if (!m) return E.left(`invalid floating point literal '${text}'`);
  const negative = m[1] === "-";
  const fraction = m[3] ?? "";
  const mantissa = BigInt((m[2] ?? "") + fraction);
  if (mantissa === 0n) return E.right(zeroBits(kind, negative));
  const written = m[4] === undefined ? 0 : Number(m[4]);
  const exp10 = written - fraction.length;
  // Decide the hopeless cases before building huge powers of ten: 10^(top) <= |value| < 10^(top+1).
  const top = exp10 + mantissa.toString().length - 1;
  if (top > 5000) return E.right(infinityBits(kind, negative));
  if (top < -5000) return E.right(zeroBits(kind, negative));
  return E.right(
    exp10 >= 0
      ? roundRationalToBits(negative, mantissa * 10n ** BigInt(exp10), 1n, kind)
      : roundRationalToBits(negative, mantissa, 10n ** BigInt(-exp10), kind),
  );
}

/**
 * The bits of `kind` MLIR 16's parser gives a decimal float literal (FloatAttr, dense elements): the text
 * is read into a double (correctly rounded; overflow is infinity), then rounded to `kind`.
 */
export function parseFloatLiteralBits(text: string, kind: FloatKind): E.Either<string, bigint> {
  const asDouble = decimalToFloatBits(text, "f64");
  if (E.isLeft(asDouble)) return asDouble;
  return E.right(kind === "f64" ? asDouble.right : convertFloatBits(asDouble.right, "f64", kind));
}

/** parseFloatLiteralBits as a number (exact: decimal literals never give NaN, f80/f128 hold a double). */
export function parseFloatLiteral(text: string, kind: FloatKind): E.Either<string, number> {
  return E.map((bits: bigint) => fromBits(bits, kind))(parseFloatLiteralBits(text, kind));
}

const HEX_LITERAL = /^0x[0-9a-fA-F]+$/;

/**
 * The bit pattern of a hex float literal (`0x7FC00000 : f32`) as MLIR 16 accepts it: an unsigned value of
 * at most 64 bits that fits the kind's width (so f80 and f128 can only spell patterns below 2^64).
 */
export function floatBitsFromHexLiteral(text: string, kind: FloatKind): E.Either<string, bigint> {
  if (text.startsWith("-")) return E.left("hexadecimal float literal should not have a leading minus");
  if (!HEX_LITERAL.test(text)) return E.left(`invalid hexadecimal float literal '${text}'`);
  const value = BigInt(text);
  if (value >= 1n << 64n || value >= 1n << BigInt(floatSemantics(kind).bitWidth))
    return E.left("hexadecimal float constant out of range for type");
  return E.right(value);
}

/** floatBitsFromHexLiteral as a number (NaN payloads: see float-bits.ts). */
export function floatFromHexLiteral(text: string, kind: FloatKind): E.Either<string, number> {
  return E.map((bits: bigint) => fromBits(bits, kind))(floatBitsFromHexLiteral(text, kind));
}
