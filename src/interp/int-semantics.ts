/**
 * Exact semantics of integer arithmetic on n-bit two's-complement values, as MLIR's arith and math ops (and
 * their LLVM lowering) define them. Inputs are BigInts in any representation of the n-bit value (signed or
 * unsigned); results are canonical signed (`BigInt.asIntN(n, ...)`), the representation of signless integers.
 *
 * Undefined behaviour and poison are reported, never turned into a value: each such case calls `ub()`, which
 * throws an InterpFailure the engine locates at the op. Folders can use these functions too (catching the
 * failure means "do not fold").
 */
import { InterpFailure, ub } from "./errors.ts";

/**
 * `compute()`, or undefined when it reports undefined behaviour or poison (division by zero, INT_MIN / -1,
 * an oversized shift, an out-of-range cast): how a folder says "leave this op alone".
 */
export function unlessUndefined<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (e) {
    if (e instanceof InterpFailure && e.kind === "undefined-behavior") return undefined;
    throw e;
  }
}

const signed = (n: number, v: bigint): bigint => BigInt.asIntN(n, v);
const unsigned = (n: number, v: bigint): bigint => BigInt.asUintN(n, v);
const minSigned = (n: number): bigint => (n === 0 ? 0n : -(1n << BigInt(n - 1)));

export const addI = (n: number, a: bigint, b: bigint): bigint => signed(n, a + b);
export const subI = (n: number, a: bigint, b: bigint): bigint => signed(n, a - b);
export const mulI = (n: number, a: bigint, b: bigint): bigint => signed(n, a * b);
export const andI = (n: number, a: bigint, b: bigint): bigint => signed(n, a & b);
export const orI = (n: number, a: bigint, b: bigint): bigint => signed(n, a | b);
export const xorI = (n: number, a: bigint, b: bigint): bigint => signed(n, a ^ b);

function checkDivisor(n: number, b: bigint): void {
  if (unsigned(n, b) === 0n) ub("division by zero");
}

/**
 * Signed division overflows only for INT_MIN / -1 (its quotient 2^(n-1) does not fit). Not for i1, whose only
 * nonzero divisor is -1 (the bit pattern of 1): MLIR's folders (x / 1 -> x) and LLVM's InstSimplify treat
 * i1 signed division as x / 1, so the oracle must too.
 */
function checkSignedOverflow(n: number, a: bigint, b: bigint): void {
  if (n === 1) return;
  if (signed(n, a) === minSigned(n) && signed(n, b) === -1n) ub(`signed division overflow (${minSigned(n)} / -1)`);
}

/** Unsigned division, rounding toward zero. */
export function divUI(n: number, a: bigint, b: bigint): bigint {
  checkDivisor(n, b);
  return signed(n, unsigned(n, a) / unsigned(n, b));
}

/** Signed division, rounding toward zero. */
export function divSI(n: number, a: bigint, b: bigint): bigint {
  checkDivisor(n, b);
  checkSignedOverflow(n, a, b);
  return signed(n, signed(n, a) / signed(n, b));
}

/** Unsigned division rounding toward +infinity. */
export function ceilDivUI(n: number, a: bigint, b: bigint): bigint {
  checkDivisor(n, b);
  const x = unsigned(n, a);
  const y = unsigned(n, b);
  const q = x / y;
  return signed(n, x % y === 0n ? q : q + 1n);
}

/** Signed division rounding toward +infinity. */
export function ceilDivSI(n: number, a: bigint, b: bigint): bigint {
  checkDivisor(n, b);
  checkSignedOverflow(n, a, b);
  const x = signed(n, a);
  const y = signed(n, b);
  const q = x / y; // toward zero
  const inexact = x % y !== 0n;
  // Toward zero equals toward +infinity for negative quotients; positive inexact quotients go up by one.
  return signed(n, inexact && x < 0n === y < 0n ? q + 1n : q);
}

/** Signed division rounding toward -infinity. */
export function floorDivSI(n: number, a: bigint, b: bigint): bigint {
  checkDivisor(n, b);
  checkSignedOverflow(n, a, b);
  const x = signed(n, a);
  const y = signed(n, b);
  const q = x / y;
  const inexact = x % y !== 0n;
  return signed(n, inexact && x < 0n !== y < 0n ? q - 1n : q);
}

/** Unsigned remainder. */
export function remUI(n: number, a: bigint, b: bigint): bigint {
  checkDivisor(n, b);
  return signed(n, unsigned(n, a) % unsigned(n, b));
}

/**
 * Signed remainder, with the sign of the dividend. INT_MIN % -1 is reported too: arith.remsi lowers to
 * LLVM's srem, for which that overflow is undefined behaviour.
 */
export function remSI(n: number, a: bigint, b: bigint): bigint {
  checkDivisor(n, b);
  checkSignedOverflow(n, a, b);
  return signed(n, signed(n, a) % signed(n, b));
}

/** The shift amount, read as unsigned; >= the bit width is poison. */
function shiftAmount(n: number, b: bigint): bigint {
  const s = unsigned(n, b);
  if (s >= BigInt(n)) ub(`shift amount ${s} is not less than the bit width ${n} (poison)`);
  return s;
}

export const shLI = (n: number, a: bigint, b: bigint): bigint => signed(n, a << shiftAmount(n, b));
export const shRUI = (n: number, a: bigint, b: bigint): bigint => signed(n, unsigned(n, a) >> shiftAmount(n, b));
export const shRSI = (n: number, a: bigint, b: bigint): bigint => signed(n, signed(n, a) >> shiftAmount(n, b));

export const maxSI = (n: number, a: bigint, b: bigint): bigint => signed(n, signed(n, a) >= signed(n, b) ? a : b);
export const minSI = (n: number, a: bigint, b: bigint): bigint => signed(n, signed(n, a) <= signed(n, b) ? a : b);
export const maxUI = (n: number, a: bigint, b: bigint): bigint => signed(n, unsigned(n, a) >= unsigned(n, b) ? a : b);
export const minUI = (n: number, a: bigint, b: bigint): bigint => signed(n, unsigned(n, a) <= unsigned(n, b) ? a : b);

/** `arith.addui_extended`: the wrapped sum and whether the unsigned addition carried out. */
export function addUIExtended(n: number, a: bigint, b: bigint): { sum: bigint; overflow: boolean } {
  const exact = unsigned(n, a) + unsigned(n, b);
  return { sum: signed(n, exact), overflow: exact >> BigInt(n) !== 0n };
}

/** `arith.mulsi_extended`: the low and high halves of the 2n-bit signed product. */
export function mulSIExtended(n: number, a: bigint, b: bigint): { low: bigint; high: bigint } {
  const p = signed(n, a) * signed(n, b);
  return { low: signed(n, p), high: signed(n, p >> BigInt(n)) };
}

/** `arith.mului_extended`: the low and high halves of the 2n-bit unsigned product. */
export function mulUIExtended(n: number, a: bigint, b: bigint): { low: bigint; high: bigint } {
  const p = unsigned(n, a) * unsigned(n, b);
  return { low: signed(n, p), high: signed(n, p >> BigInt(n)) };
}

export type CmpIPredicateName = "eq" | "ne" | "slt" | "sle" | "sgt" | "sge" | "ult" | "ule" | "ugt" | "uge";

/** `arith.cmpi`. */
export function cmpI(pred: CmpIPredicateName, n: number, a: bigint, b: bigint): boolean {
  const sa = signed(n, a);
  const sb = signed(n, b);
  const ua = unsigned(n, a);
  const ub_ = unsigned(n, b);
  switch (pred) {
    case "eq":
      return sa === sb;
    case "ne":
      return sa !== sb;
    case "slt":
      return sa < sb;
    case "sle":
      return sa <= sb;
    case "sgt":
      return sa > sb;
    case "sge":
      return sa >= sb;
    case "ult":
      return ua < ub_;
    case "ule":
      return ua <= ub_;
    case "ugt":
      return ua > ub_;
    case "uge":
      return ua >= ub_;
  }
}

// ---- math dialect --------------------------------------------------------------------------------------------

/** `math.absi`: |a|, where |INT_MIN| wraps to INT_MIN (the lowering's llvm.intr.abs has is_int_min_poison=false). */
export const absI = (n: number, a: bigint): bigint => signed(n, signed(n, a) < 0n ? -signed(n, a) : a);

/** `math.ctlz`: leading zero bits; n for zero (the lowering's is_zero_poison is false). */
export function ctlz(n: number, a: bigint): bigint {
  const u = unsigned(n, a);
  return signed(n, BigInt(n - (u === 0n ? 0 : u.toString(2).length)));
}

/** `math.cttz`: trailing zero bits; n for zero. */
export function cttz(n: number, a: bigint): bigint {
  let u = unsigned(n, a);
  if (u === 0n) return signed(n, BigInt(n));
  let count = 0n;
  while ((u & 1n) === 0n) {
    u >>= 1n;
    count++;
  }
  return signed(n, count);
}

/** `math.ctpop`: the number of set bits. */
export function ctpop(n: number, a: bigint): bigint {
  let count = 0n;
  for (const c of unsigned(n, a).toString(2)) if (c === "1") count++;
  return signed(n, count);
}

/**
 * `math.ipowi`: a^b with wraparound, as MLIR's math-to-funcs lowering computes it. For b < 0: a == 0 divides
 * by zero (undefined behaviour), a == 1 gives 1, a == -1 gives -1 or 1 by the parity of b, others give 0.
 */
export function ipowI(n: number, a: bigint, b: bigint): bigint {
  const base = signed(n, a);
  const exp = signed(n, b);
  if (exp === 0n) return signed(n, 1n);
  if (exp < 0n) {
    if (base === 0n) ub("math.ipowi of zero to a negative power divides by zero");
    if (base === 1n) return signed(n, 1n);
    if (base === -1n) return signed(n, (exp & 1n) === 0n ? 1n : -1n);
    return 0n;
  }
  // Square-and-multiply modulo 2^n: the same value as the lowering's wrapping loop.
  let result = 1n;
  let x = unsigned(n, base);
  let e = exp;
  const mask = (1n << BigInt(n)) - 1n;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = (result * x) & mask;
    x = (x * x) & mask;
    e >>= 1n;
  }
  return signed(n, result);
}
