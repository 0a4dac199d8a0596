/**
 * Interpreter semantics of the index dialect. Index is 64 bits in the interpreter (as for arith), so
 * `index.sizeof` is 64 and most ops are arith's on i64 (src/interp/int-semantics.ts): division or remainder by
 * zero, INT64_MIN / -1 in divs and rems, and shifts by 64 or more are undefined behaviour, reported as such.
 *
 * ceildivs and floordivs compute what MLIR 16 defines them to compute, in its folder and in its LLVM lowering
 * alike: a formula of wrapping adds and subtractions around `sdiv`, not the exact rounded quotient. The two
 * differ where the formula wraps: `ceildivs(INT64_MIN, 2)` is 2^62 (`-(-n / m)` with `-n` wrapping back to
 * INT64_MIN), not -2^62. The lowering evaluates both of the formula's branches and selects, so a signed
 * overflow in either `sdiv` is undefined behaviour (`ceildivs(INT64_MAX, -1)` too).
 */
import * as I from "../../src/interp/int-semantics.ts";
import { valueOfAttribute } from "../../src/interp/attr-values.ts";
import { type InterpretationEntry, type Outcome, interpretation } from "../../src/interp/registry.ts";
import type { RuntimeValue } from "../../src/interp/values.ts";
import { mapElements } from "../../src/interp/elementwise.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { IndexType, IntegerType } from "../../src/ir/types.ts";
import { compareIndices, type IndexBinaryMnemonic } from "./fold.ts";
import {
  AddOp,
  AndOp,
  BoolConstantOp,
  CastSOp,
  CastUOp,
  CeilDivSOp,
  CeilDivUOp,
  CmpOp,
  ConstantOp,
  DivSOp,
  DivUOp,
  FloorDivSOp,
  MaxSOp,
  MaxUOp,
  MinSOp,
  MinUOp,
  MulOp,
  OrOp,
  RemSOp,
  RemUOp,
  ShlOp,
  ShrSOp,
  ShrUOp,
  SizeOfOp,
  SubOp,
  XOrOp,
} from "./ops.ts";

const INDEX_BITS = IndexType.bitWidth;

/** A binary op computed by `kernel` at the index width. */
const binary =
  (kernel: (n: number, a: bigint, b: bigint) => bigint) =>
  (op: Operation, args: readonly RuntimeValue[]): Outcome => [mapElements(op.getResult(0).type, args, ([a, b]) => kernel(INDEX_BITS, a as bigint, b as bigint))];

/**
 * A cast: the operand read as signed (`casts`) or unsigned (`castu`) at its own width, then brought to the
 * result's width (extension or truncation is the result type's normalisation).
 */
const cast =
  (signed: boolean) =>
  (op: Operation, args: readonly RuntimeValue[]): Outcome => {
    const from = op.getOperand(0).type;
    const width = from instanceof IntegerType ? from.width : INDEX_BITS;
    return [mapElements(op.getResult(0).type, args, ([e]) => (signed ? BigInt.asIntN(width, e as bigint) : BigInt.asUintN(width, e as bigint)))];
  };

const signedAt = (n: number, v: bigint): bigint => BigInt.asIntN(n, v);

/** LLVM's sdiv at width n: division by zero and INT_MIN / -1 are undefined behaviour. */
const sdiv = (n: number, a: bigint, b: bigint): bigint => I.divSI(n, a, b);

/** MLIR 16's ceildivs: `x = m > 0 ? -1 : 1`; `(n > 0) == (m > 0) && n != 0 ? (n + x) / m + 1 : -(-n / m)`. */
function ceilDivS(n: number, a: bigint, m: bigint): bigint {
  const mPositive = signedAt(n, m) > 0n;
  const positive = signedAt(n, sdiv(n, a + (mPositive ? -1n : 1n), m) + 1n);
  const negative = signedAt(n, -sdiv(n, -a, m));
  return (signedAt(n, a) > 0n) === mPositive && signedAt(n, a) !== 0n ? positive : negative;
}

/** MLIR 16's floordivs: `x = m < 0 ? 1 : -1`; `(n < 0) != (m < 0) && n != 0 ? -1 - (x - n) / m : n / m`. */
function floorDivS(n: number, a: bigint, m: bigint): bigint {
  const mNegative = signedAt(n, m) < 0n;
  const negative = signedAt(n, -1n - sdiv(n, (mNegative ? 1n : -1n) - a, m));
  const positive = sdiv(n, a, m);
  return (signedAt(n, a) < 0n) !== mNegative && signedAt(n, a) !== 0n ? negative : positive;
}

/**
 * What each binary op computes at width `n` (the interpreter runs them at 64 bits; property tests also at 32,
 * to see which folds MLIR may refuse), reporting undefined behaviour.
 */
export const indexKernels: Readonly<Record<IndexBinaryMnemonic, (n: number, a: bigint, b: bigint) => bigint>> = {
  add: I.addI,
  sub: I.subI,
  mul: I.mulI,
  divs: I.divSI,
  divu: I.divUI,
  ceildivs: ceilDivS,
  ceildivu: I.ceilDivUI,
  floordivs: floorDivS,
  rems: I.remSI,
  remu: I.remUI,
  maxs: I.maxSI,
  maxu: I.maxUI,
  mins: I.minSI,
  minu: I.minUI,
  shl: I.shLI,
  shrs: I.shRSI,
  shru: I.shRUI,
  and: I.andI,
  or: I.orI,
  xor: I.xorI,
};

const binaryOps = [AddOp, SubOp, MulOp, DivSOp, DivUOp, CeilDivSOp, CeilDivUOp, FloorDivSOp, RemSOp, RemUOp, MaxSOp, MaxUOp, MinSOp, MinUOp, ShlOp, ShrSOp, ShrUOp, AndOp, OrOp, XOrOp];

/** The mnemonic of a binary op: `index.divs` is `divs`. */
export const binaryMnemonic = (name: string): IndexBinaryMnemonic | undefined => {
  const m = name.slice("index.".length);
  return name.startsWith("index.") && Object.hasOwn(indexKernels, m) ? (m as IndexBinaryMnemonic) : undefined;
};

export const indexInterpretations: readonly InterpretationEntry[] = [
  ...binaryOps.map((cls) => interpretation(cls, binary(indexKernels[binaryMnemonic(cls.info?.name ?? "") as IndexBinaryMnemonic]))),
  interpretation(CastSOp, cast(true)),
  interpretation(CastUOp, cast(false)),
  interpretation(CmpOp, (op, args) => [
    mapElements(op.result.type, args, ([a, b]) => (compareIndices(op.pred.value, INDEX_BITS, a as bigint, b as bigint) ? -1n : 0n)),
  ]),
  interpretation(SizeOfOp, (op) => [valueOfAttribute(IntegerAttr.get(IndexType.get(), INDEX_BITS), op.result.type)]),
  interpretation(ConstantOp, (op) => [valueOfAttribute(op.value, op.result.type)]),
  interpretation(BoolConstantOp, (op) => [valueOfAttribute(op.value, op.result.type)]),
];
