/**
 * The folders of the index dialect (MLIR 16's IndexOps.cpp): constant folding that gives the same answer
 * whatever the target's index width turns out to be, 32 or 64 bits.
 *
 * Index constants hold 64-bit values and fold in 64-bit arithmetic. An op `f` whose low 32 result bits depend
 * only on the low 32 operand bits (`trunc(f(a, b)) == f(trunc(a), trunc(b))` for all a, b: add, sub, mul, and,
 * or, xor, shl) always folds: on a 32-bit target the truncated constant is what 32-bit arithmetic computes.
 * Ops where high bits flow down (division, remainder, right shifts, min/max, comparisons) fold only when the
 * 64-bit result truncated to 32 bits equals the result computed on the truncated operands:
 *
 *   %r = index.divu %c0x200000002, %c2   ->  %idx4294967297 = index.constant 4294967297   (32-bit: 2 / 2 = 1)
 *   %r = index.divu %c0x100000002, %c2   stays: 64-bit gives 0x80000001, 32-bit gives 1
 *
 * Shifts by 32 or more never fold (poison on a 32-bit target), nor does division or remainder by zero
 * (MLIR 16's rems / remu folders crash on a zero divisor; Tensile leaves it alone, as for divs). Like APInt,
 * the arithmetic wraps: `divs(INT64_MIN, -1)` folds to INT64_MIN (its 32-bit counterpart is 0 / -1), though
 * running it is undefined behaviour.
 *
 * There are no canonicalization patterns in MLIR 16's index dialect, and its ops are not Commutative: a
 * constant on the left stays there.
 */
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import { IndexType, i1 } from "../../src/ir/types.ts";
import { cmpI } from "../../src/interp/int-semantics.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import type { IndexCmpPredicate } from "./attrs.ts";

/** One step of an op at bit width `w` (32 or 64), on and to signed canonical values; undefined: do not fold. */
export type IndexCalculation = (w: number, lhs: bigint, rhs: bigint) => bigint | undefined;

const s = (w: number, v: bigint): bigint => BigInt.asIntN(w, v);
const u = (w: number, v: bigint): bigint => BigInt.asUintN(w, v);

/** APInt's sdiv: toward zero, wrapping (INT_MIN / -1 is INT_MIN). */
const sdiv = (w: number, a: bigint, b: bigint): bigint => s(w, s(w, a) / s(w, b));
const udiv = (w: number, a: bigint, b: bigint): bigint => s(w, u(w, a) / u(w, b));

/** ceildivs as MLIR computes it: `x = m > 0 ? -1 : 1`, then `n*m > 0 ? (n+x)/m + 1 : -(-n/m)`. */
function ceilDivS(w: number, n: bigint, m: bigint): bigint | undefined {
  if (m === 0n) return undefined;
  if (n === 0n) return 0n;
  const mPositive = m > 0n;
  if (n > 0n !== mPositive) return s(w, -sdiv(w, -n, m));
  return s(w, sdiv(w, n + (mPositive ? -1n : 1n), m) + 1n);
}

/** floordivs as MLIR computes it: `x = m < 0 ? 1 : -1`, then `n*m < 0 ? -1 - (x-n)/m : n/m`. */
function floorDivS(w: number, n: bigint, m: bigint): bigint | undefined {
  if (m === 0n) return undefined;
  if (n === 0n) return 0n;
  const mNegative = m < 0n;
  if (n < 0n === mNegative) return sdiv(w, n, m);
  return s(w, -1n - sdiv(w, (mNegative ? 1n : -1n) - n, m));
}

const nonZeroDivisor =
  (f: (w: number, a: bigint, b: bigint) => bigint): IndexCalculation =>
  (w, a, b) =>
    b === 0n ? undefined : f(w, a, b);

/** A shift by 32 or more is poison on a 32-bit target: never folded. */
const shortShift =
  (f: (w: number, a: bigint, b: bigint) => bigint): IndexCalculation =>
  (w, a, b) =>
    u(w, b) >= 32n ? undefined : f(w, a, b);

/** The calculations, by op mnemonic. */
export const indexCalculations = {
  add: (w, a, b) => s(w, a + b),
  sub: (w, a, b) => s(w, a - b),
  mul: (w, a, b) => s(w, a * b),
  divs: nonZeroDivisor(sdiv),
  divu: nonZeroDivisor(udiv),
  ceildivs: ceilDivS,
  ceildivu: nonZeroDivisor((w, n, m) => (n === 0n ? 0n : s(w, u(w, u(w, n) - 1n) / u(w, m) + 1n))),
  floordivs: floorDivS,
  rems: nonZeroDivisor((w, a, b) => s(w, s(w, a) % s(w, b))),
  remu: nonZeroDivisor((w, a, b) => s(w, u(w, a) % u(w, b))),
  maxs: (w, a, b) => (s(w, a) > s(w, b) ? a : b),
  maxu: (w, a, b) => (u(w, a) > u(w, b) ? a : b),
  mins: (w, a, b) => (s(w, a) < s(w, b) ? a : b),
  minu: (w, a, b) => (u(w, a) < u(w, b) ? a : b),
  shl: shortShift((w, a, b) => s(w, a << u(w, b))),
  shrs: shortShift((w, a, b) => s(w, s(w, a) >> u(w, b))),
  shru: shortShift((w, a, b) => s(w, u(w, a) >> u(w, b))),
  and: (w, a, b) => s(w, a & b),
  or: (w, a, b) => s(w, a | b),
  xor: (w, a, b) => s(w, a ^ b),
} as const satisfies Record<string, IndexCalculation>;

export type IndexBinaryMnemonic = keyof typeof indexCalculations;

/**
 * The ops whose low 32 result bits depend only on the low 32 operand bits: folded in 64 bits without the
 * 32-bit check (MLIR's foldBinaryOpUnchecked). The rest are checked (foldBinaryOpChecked).
 */
const truncationInvariant: ReadonlySet<IndexBinaryMnemonic> = new Set(["add", "sub", "mul", "shl", "and", "or", "xor"]);

const indexValue = (a: Attribute | undefined): bigint | undefined =>
  a instanceof IntegerAttr && a.type instanceof IndexType ? a.value : undefined;

/**
 * The value `mnemonic` folds its constant operands to, or undefined when it must not fold (a non-constant
 * operand, a calculation that refuses, or a 64-bit result whose low half differs from the 32-bit result).
 */
export function foldIndexBinary(mnemonic: IndexBinaryMnemonic, lhs: Attribute | undefined, rhs: Attribute | undefined): IntegerAttr | undefined {
  const a = indexValue(lhs);
  const b = indexValue(rhs);
  if (a === undefined || b === undefined) return undefined;
  const calculate: IndexCalculation = indexCalculations[mnemonic];
  const r64 = calculate(64, a, b);
  if (r64 === undefined) return undefined;
  if (!truncationInvariant.has(mnemonic)) {
    const r32 = calculate(32, s(32, a), s(32, b));
    if (r32 === undefined || s(32, r64) !== r32) return undefined;
  }
  return IntegerAttr.get(IndexType.get(), r64);
}

/** Whether `pred` holds for `a` and `b` read as `w`-bit values (arith.cmpi's predicates are the same ones). */
export const compareIndices = (pred: IndexCmpPredicate, w: number, a: bigint, b: bigint): boolean => cmpI(pred, w, a, b);

/** `index.cmp` of two constants, when the comparison agrees in 64 and 32 bits: `true` or `false` (i1). */
export function foldIndexCmp(pred: IndexCmpPredicate, lhs: Attribute | undefined, rhs: Attribute | undefined): FoldResult | undefined {
  const a = indexValue(lhs);
  const b = indexValue(rhs);
  if (a === undefined || b === undefined) return undefined;
  const r64 = compareIndices(pred, 64, a, b);
  if (r64 !== compareIndices(pred, 32, a, b)) return undefined;
  return IntegerAttr.get(i1, r64 ? 1 : 0);
}
