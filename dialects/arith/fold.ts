/**
 * The fold hooks of arith's ops (MLIR 16's ArithOps.cpp folders, plus the Idempotent trait's fold):
 * constant folding with exact semantics (see fold-consts.ts) and local identities that return an
 * existing value, e.g.
 *
 *   %r = arith.addi %x, %c0 : i32          ->  uses of %r use %x
 *   %r = arith.muli %c2, %c3 : i32         ->  %r = arith.constant 6 : i32
 *
 * The Commutative trait's fold (a constant left operand moves to the right, `addi %c5, %x` -> `addi %x, %c5`)
 * is the folder's (src/rewrite/fold.ts), for every commutative op, before any hook runs: hooks look for
 * constants on the right only.
 *
 * A fold never changes what the program computes: operations with undefined behaviour (division by zero,
 * INT_MIN / -1, shifts by the bit width or more, out-of-range float-to-int casts) are left alone, and float
 * identities respect NaN and signed zeros (`addf %x, -0.0` folds to `%x`, `addf %x, +0.0` does not).
 *
 * A hook receives the op, typed by its family's named accessors (`op.lhs`, `op.result`, `op.predicate`), and
 * the constant attribute of each operand (undefined when not constant), and returns attributes or values for the results, the op's own
 * results after changing it in place, or undefined. Hooks look through operands with `defining(v, SubIOp)`.
 *
 * The hooks are function declarations, and an op kind's mnemonic comes from `op.name` rather than from a
 * factory: this module and the ops-*.ts modules import each other (the ops take their folds from here, the
 * folds look for the ops' kinds), and a hoisted declaration is ready whichever of them is loaded first, where
 * a const (or a factory's result) read by an op definition before this module ran would not be.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { convertFloatBits } from "../../src/ir/float-bits.ts";
import { defining } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { OpResult, Value } from "../../src/ir/value.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import {
  boolBits,
  buildConstant,
  cmpfHolds,
  cmpiHolds,
  elementOf,
  floatBinary,
  floatBitsEqual,
  floatKind,
  intBinary,
  intWidth,
  isAllOnes,
  isArithFloatKind,
  isMaxSigned,
  isMinSigned,
  isNaN,
  mapElements,
  negate,
  readFloats,
  readInts,
  splatConstant,
  splatFloat,
  splatInt,
  truncatedInteger,
  zeroConstant,
  zipElements,
} from "./fold-consts.ts";
import { ExtSIOp, ExtUIOp, TruncIOp } from "./ops-cast.ts";
import { CmpIOp } from "./ops-cmp.ts";
import { ConstantOp } from "./ops-constant.ts";
import { NegFOp } from "./ops-float.ts";
import { AddIOp, AndIOp, SubIOp, XOrIOp } from "./ops-int.ts";

type Operands = readonly (Attribute | undefined)[];
type Folded = FoldResult | readonly FoldResult[] | undefined;

// The accessors each family of arith ops has (ops-*.ts), which its folds read. Structural, because an op's own
// class type is computed from its defineOp call, which takes the fold: naming AddIOp here would be circular.
/** addi, subi, ..., addf, maxf: `op.lhs`, `op.rhs`, `op.result`. */
type Binary = Operation & { readonly lhs: Value; readonly rhs: Value; readonly result: OpResult };
/** negf: `op.operand`, `op.result`. */
type Unary = Operation & { readonly operand: Value; readonly result: OpResult };
/** extui, trunci, sitofp, bitcast, ...: `op.in`, `op.out`. */
type Cast = Operation & { readonly in: Value; readonly out: OpResult };
/** cmpi, cmpf: a binary op with a `predicate`. */
type Compare = Binary & { readonly predicate: IntegerAttr };
/** select: `op.condition`, `op.true_value`, `op.false_value`, `op.result`. */
type SelectLike = Operation & { readonly condition: Value; readonly true_value: Value; readonly false_value: Value; readonly result: OpResult };
/** addui_extended: `op.sum` and `op.overflow`. */
type AddExtended = Operation & { readonly lhs: Value; readonly rhs: Value; readonly sum: OpResult; readonly overflow: OpResult };
/** mulsi_extended, mului_extended: `op.low` and `op.high`. */
type MulExtended = Operation & { readonly lhs: Value; readonly rhs: Value; readonly low: OpResult; readonly high: OpResult };

// ---- helpers -------------------------------------------------------------------------------------------

/** The op's mnemonic, `addi` for `arith.addi`: the key of the fold-consts.ts tables. */
const mnemonicOf = (op: Operation): string => op.name.slice(op.name.indexOf(".") + 1);

/** The element bit width of the op's first operand (integer-like ops). */
const widthOf = (op: Binary): number | undefined => intWidth(elementOf(op.lhs.type));

/** The scalar or splat value of an integer constant operand, compared unsigned at the element width. */
const intConst = (a: Attribute | undefined): bigint | undefined => splatInt(a);

const isZero = (a: Attribute | undefined): boolean => intConst(a) === 0n;
const isOne = (a: Attribute | undefined): boolean => intConst(a) === 1n;

/** The float kind of the op's first operand, when its arithmetic folds exactly. */
function arithKindOf(op: Binary) {
  const k = floatKind(elementOf(op.lhs.type));
  return isArithFloatKind(k) ? k : undefined;
}

/** True when the operand is a float constant (scalar or splat) equal to `x` (-0.0 and +0.0 differ). */
function isFloat(op: Binary, a: Attribute | undefined, x: number): boolean {
  const k = floatKind(elementOf(op.lhs.type));
  const bits = splatFloat(a);
  return k !== undefined && bits !== undefined && floatBitsEqual(bits, k, x);
}

/** Constant-folds an integer binary op elementwise with `intBinary[mnemonic]`. */
function foldIntConstants(op: Binary, operands: Operands, mnemonic: string): Attribute | undefined {
  const [a, b, w, fn] = [readInts(operands[0]), readInts(operands[1]), widthOf(op), intBinary[mnemonic]];
  if (a === undefined || b === undefined || w === undefined || fn === undefined) return undefined;
  const values = zipElements(a, b, (x, y) => fn(w, x, y));
  return values === undefined ? undefined : buildConstant(op.result.type, values);
}

/** Constant-folds a float binary op elementwise with `floatBinary[mnemonic]`. */
function foldFloatConstants(op: Binary, operands: Operands, mnemonic: string): Attribute | undefined {
  const [a, b, k, fn] = [readFloats(operands[0]), readFloats(operands[1]), arithKindOf(op), floatBinary[mnemonic]];
  if (a === undefined || b === undefined || k === undefined || fn === undefined) return undefined;
  const values = zipElements(a, b, (x, y) => fn(k, x, y));
  return values === undefined ? undefined : buildConstant(op.result.type, values);
}

// ---- integer arithmetic --------------------------------------------------------------------------------

export function foldAddI(op: Binary, operands: Operands): Folded {
  if (isZero(operands[1])) return op.lhs;
  // addi(subi(a, b), b) -> a
  const subL = defining(op.lhs, SubIOp);
  if (subL !== undefined && subL.rhs === op.rhs) return subL.lhs;
  // addi(b, subi(a, b)) -> a
  const subR = defining(op.rhs, SubIOp);
  if (subR !== undefined && subR.rhs === op.lhs) return subR.lhs;
  return foldIntConstants(op, operands, "addi");
}

export function foldSubI(op: Binary, operands: Operands): Folded {
  if (op.lhs === op.rhs) return zeroConstant(op.result.type);
  if (isZero(operands[1])) return op.lhs;
  const add = defining(op.lhs, AddIOp);
  if (add !== undefined) {
    // subi(addi(a, b), b) -> a;  subi(addi(a, b), a) -> b
    if (op.rhs === add.rhs) return add.lhs;
    if (op.rhs === add.lhs) return add.rhs;
  }
  return foldIntConstants(op, operands, "subi");
}

export function foldMulI(op: Binary, operands: Operands): Folded {
  if (isZero(operands[1])) return op.rhs;
  if (isOne(operands[1])) return op.lhs;
  return foldIntConstants(op, operands, "muli");
}

/** divui, divsi, ceildivui, ceildivsi, floordivsi: x / 1 -> x, and constants (not on division by zero or overflow). */
export function foldDivision(op: Binary, operands: Operands): Folded {
  if (isOne(operands[1])) return op.lhs;
  return foldIntConstants(op, operands, mnemonicOf(op));
}

/** remui, remsi: x % 1 -> 0, and constants (not on division by zero). */
export function foldRemainder(op: Binary, operands: Operands): Folded {
  if (isOne(operands[1])) return zeroConstant(op.result.type);
  return foldIntConstants(op, operands, mnemonicOf(op));
}

/** True when `v` is `xori(x, -1)` (bitwise not of x) with an all-ones constant of width `w`. */
function isNotOf(v: Value, x: Value, w: number): boolean {
  const xor = defining(v, XOrIOp);
  if (xor === undefined) return false;
  const c = intConst(defining(xor.rhs, ConstantOp)?.value);
  return xor.lhs === x && c !== undefined && isAllOnes(w, c);
}

export function foldAndI(op: Binary, operands: Operands): Folded {
  const w = widthOf(op);
  if (w === undefined) return undefined;
  if (isZero(operands[1])) return op.rhs;
  const c = intConst(operands[1]);
  if (c !== undefined && isAllOnes(w, c)) return op.lhs;
  // and(x, not(x)) -> 0;  and(not(x), x) -> 0
  if (isNotOf(op.rhs, op.lhs, w) || isNotOf(op.lhs, op.rhs, w)) return zeroConstant(op.result.type);
  // and(a, and(a, b)) -> and(a, b), either operand order.
  for (const [inner, other] of [[op.lhs, op.rhs], [op.rhs, op.lhs]] as const) {
    const prev = defining(inner, AndIOp);
    if (prev !== undefined && (other === prev.lhs || other === prev.rhs)) return prev.result;
  }
  // The Idempotent trait's and(x, x) -> x comes after the op's own fold, as in MLIR: and(c, c) folds to a value.
  return foldIntConstants(op, operands, "andi") ?? idempotent(op);
}

export function foldOrI(op: Binary, operands: Operands): Folded {
  const w = widthOf(op);
  if (w === undefined) return undefined;
  if (isZero(operands[1])) return op.lhs;
  const c = intConst(operands[1]);
  // or(x, all ones) -> all ones: the value, not the operand (MLIR 16 reuses, and hoists, the constant).
  if (c !== undefined && isAllOnes(w, c)) return operands[1];
  return foldIntConstants(op, operands, "ori") ?? idempotent(op);
}

/** The Idempotent trait's fold, tried when the op's own fold fails: op(x, x) -> x. */
function idempotent(op: Binary): Value | undefined {
  return op.lhs === op.rhs ? op.lhs : undefined;
}

export function foldXOrI(op: Binary, operands: Operands): Folded {
  if (isZero(operands[1])) return op.lhs;
  if (op.lhs === op.rhs) return zeroConstant(op.result.type);
  // xor(xor(x, a), a) -> x;  xor(xor(a, x), a) -> x
  const prevL = defining(op.lhs, XOrIOp);
  if (prevL !== undefined) {
    if (prevL.rhs === op.rhs) return prevL.lhs;
    if (prevL.lhs === op.rhs) return prevL.rhs;
  }
  // xor(a, xor(x, a)) -> x;  xor(a, xor(a, x)) -> x
  const prevR = defining(op.rhs, XOrIOp);
  if (prevR !== undefined) {
    if (prevR.rhs === op.lhs) return prevR.lhs;
    if (prevR.lhs === op.lhs) return prevR.rhs;
  }
  return foldIntConstants(op, operands, "xori");
}

/** shli, shrui, shrsi: x shifted by 0 -> x, and constants shifted by less than the bit width. */
export function foldShift(op: Binary, operands: Operands): Folded {
  if (isZero(operands[1])) return op.lhs;
  return foldIntConstants(op, operands, mnemonicOf(op));
}

/**
 * maxsi, maxui, minsi, minui: op(x, x) -> x; the bound that absorbs (max(x, MAX) -> MAX) and the neutral one
 * (max(x, MIN) -> x); constants.
 */
export function foldMinMax(op: Binary, operands: Operands): Folded {
  const mnemonic = mnemonicOf(op);
  if (op.lhs === op.rhs) return op.rhs;
  const [w, c] = [widthOf(op), intConst(operands[1])];
  if (w !== undefined && c !== undefined) {
    const unsignedOp = mnemonic.endsWith("ui");
    const isMaxValue = unsignedOp ? isAllOnes(w, c) : isMaxSigned(w, c);
    const isMinValue = unsignedOp ? c === 0n : isMinSigned(w, c);
    const isMaxOp = mnemonic.startsWith("max");
    if (isMaxOp ? isMaxValue : isMinValue) return op.rhs;
    if (isMaxOp ? isMinValue : isMaxValue) return op.lhs;
  }
  return foldIntConstants(op, operands, mnemonic);
}

// ---- extended arithmetic (two results) -----------------------------------------------------------------

export function foldAddUIExtended(op: AddExtended, operands: Operands): Folded {
  const overflowType = op.overflow.type;
  // addui_extended(x, 0) -> x, false
  if (isZero(operands[1])) {
    const no = zeroConstant(overflowType);
    return no === undefined ? undefined : [op.lhs, no];
  }
  const [a, b, w] = [readInts(operands[0]), readInts(operands[1]), intWidth(elementOf(op.lhs.type))];
  if (a === undefined || b === undefined || w === undefined) return undefined;
  const sums = zipElements(a, b, (x, y) => BigInt.asUintN(w, I.addUIExtended(w, x, y).sum));
  const carries = zipElements(a, b, (x, y) => boolBits(I.addUIExtended(w, x, y).overflow));
  if (sums === undefined || carries === undefined) return undefined;
  const [sum, carry] = [buildConstant(op.sum.type, sums), buildConstant(overflowType, carries)];
  return sum === undefined || carry === undefined ? undefined : [sum, carry];
}

/** mulsi_extended / mului_extended: the low and high halves of the double-width product. */
export function foldMulExtended(op: MulExtended, operands: Operands): Folded {
  const signedOperands = op.name === "arith.mulsi_extended";
  const type = op.low.type;
  if (isZero(operands[1])) {
    const zero = zeroConstant(type);
    return zero === undefined ? undefined : [zero, zero];
  }
  // mului_extended(x, 1) -> x, 0 (mulsi_extended(x, 1) is a canonicalization pattern: its high half is a sign).
  if (!signedOperands && isOne(operands[1])) {
    const zero = zeroConstant(type);
    return zero === undefined ? undefined : [op.lhs, zero];
  }
  const [a, b, w] = [readInts(operands[0]), readInts(operands[1]), intWidth(elementOf(op.lhs.type))];
  if (a === undefined || b === undefined || w === undefined) return undefined;
  const product = signedOperands ? I.mulSIExtended : I.mulUIExtended;
  const lows = zipElements(a, b, (x, y) => BigInt.asUintN(w, product(w, x, y).low));
  const highs = zipElements(a, b, (x, y) => BigInt.asUintN(w, product(w, x, y).high));
  if (lows === undefined || highs === undefined) return undefined;
  const [low, high] = [buildConstant(type, lows), buildConstant(type, highs)];
  return low === undefined || high === undefined ? undefined : [low, high];
}

// ---- float arithmetic ----------------------------------------------------------------------------------

export function foldNegF(op: Unary, operands: Operands): Folded {
  // negf(negf(x)) -> x
  const inner = defining(op.operand, NegFOp);
  if (inner !== undefined) return inner.operand;
  const [a, k] = [readFloats(operands[0]), floatKind(elementOf(op.result.type))];
  if (a === undefined || k === undefined) return undefined;
  const values = mapElements(a, (x) => negate(x, k));
  return values === undefined ? undefined : buildConstant(op.result.type, values);
}

export function foldAddF(op: Binary, operands: Operands): Folded {
  // x + -0.0 is x for every x (x + +0.0 is not: -0.0 + +0.0 is +0.0).
  if (isFloat(op, operands[1], -0)) return op.lhs;
  return foldFloatConstants(op, operands, "addf");
}

export function foldSubF(op: Binary, operands: Operands): Folded {
  if (isFloat(op, operands[1], 0)) return op.lhs;
  return foldFloatConstants(op, operands, "subf");
}

export function foldMulF(op: Binary, operands: Operands): Folded {
  if (isFloat(op, operands[1], 1)) return op.lhs;
  return foldFloatConstants(op, operands, "mulf");
}

export function foldDivF(op: Binary, operands: Operands): Folded {
  if (isFloat(op, operands[1], 1)) return op.lhs;
  return foldFloatConstants(op, operands, "divf");
}

export function foldRemF(op: Binary, operands: Operands): Folded {
  return foldFloatConstants(op, operands, "remf");
}

/** maxf / minf: op(x, x) -> x; maxf(x, -inf) -> x; minf(x, +inf) -> x; constants (NaN-propagating). */
export function foldMaxMinF(op: Binary, operands: Operands): Folded {
  const mnemonic = mnemonicOf(op);
  if (op.lhs === op.rhs) return op.rhs;
  if (isFloat(op, operands[1], mnemonic === "maxf" ? -Infinity : Infinity)) return op.lhs;
  return foldFloatConstants(op, operands, mnemonic);
}

// ---- casts ---------------------------------------------------------------------------------------------

/** Maps each element of an integer constant operand to the result's elements with `fn`. */
function castInts(op: Cast, operand: Attribute | undefined, fn: (x: bigint, inW: number, outW: number) => bigint | undefined): Attribute | undefined {
  const [a, inW] = [readInts(operand), intWidth(elementOf(op.in.type))];
  const outType = op.out.type;
  const outW = intWidth(elementOf(outType));
  if (a === undefined || inW === undefined || outW === undefined) return undefined;
  const values = mapElements(a, (x) => fn(x, inW, outW));
  return values === undefined ? undefined : buildConstant(outType, values);
}

const zextOrTrunc = (x: bigint, _inW: number, outW: number): bigint => BigInt.asUintN(outW, x);
const sextOrTrunc = (x: bigint, inW: number, outW: number): bigint => BigInt.asUintN(outW, BigInt.asIntN(inW, x));

/** extui / extsi: ext(ext(x)) -> ext(x) in place; constants. */
export function foldExtI(op: Cast, operands: Operands): Folded {
  const zero = op.name === "arith.extui";
  const inner = defining(op.in, zero ? ExtUIOp : ExtSIOp);
  if (inner !== undefined) {
    op.setOperand(0, inner.in);
    return op.results;
  }
  return castInts(op, operands[0], zero ? zextOrTrunc : sextOrTrunc);
}

export function foldTruncI(op: Cast, operands: Operands): Folded {
  const ext = defining(op.in, ExtUIOp) ?? defining(op.in, ExtSIOp);
  if (ext !== undefined) {
    const src = ext.in;
    const [srcW, dstW] = [intWidth(elementOf(src.type)), intWidth(elementOf(op.out.type))];
    // trunci(ext(x)) -> x when x has the result's type; trunci(ext(x)) -> trunci(x) when x is wider.
    if (src.type === op.out.type) return src;
    if (srcW !== undefined && dstW !== undefined && srcW > dstW) {
      op.setOperand(0, src);
      return op.results;
    }
  }
  // trunci(trunci(x)) -> trunci(x)
  const inner = defining(op.in, TruncIOp);
  if (inner !== undefined) {
    op.setOperand(0, inner.in);
    return op.results;
  }
  return castInts(op, operands[0], zextOrTrunc);
}

export function foldIndexCast(op: Cast, operands: Operands): Folded {
  return castInts(op, operands[0], sextOrTrunc);
}
export function foldIndexCastUI(op: Cast, operands: Operands): Folded {
  return castInts(op, operands[0], zextOrTrunc);
}

/** Maps each element of a float constant operand through `fn` (bits of the operand's kind in). */
function castFloats(op: Cast, operand: Attribute | undefined, fn: (bits: bigint) => bigint | undefined): Attribute | undefined {
  const a = readFloats(operand);
  if (a === undefined) return undefined;
  const values = mapElements(a, fn);
  return values === undefined ? undefined : buildConstant(op.out.type, values);
}

/** extf: exact widening, NaN quieted with its payload kept (APFloat's convert). */
export function foldExtF(op: Cast, operands: Operands): Folded {
  const [from, to] = [floatKind(elementOf(op.in.type)), floatKind(elementOf(op.out.type))];
  if (from === undefined || to === undefined) return undefined;
  return castFloats(op, operands[0], (x) => convertFloatBits(x, from, to));
}

/** truncf: only when the value is exactly representable in the narrower type (MLIR's rule; no NaN). */
export function foldTruncF(op: Cast, operands: Operands): Folded {
  const [from, to] = [floatKind(elementOf(op.in.type)), floatKind(elementOf(op.out.type))];
  if (from === undefined || to === undefined) return undefined;
  return castFloats(op, operands[0], (x) => {
    if (isNaN(x, from)) return undefined;
    const narrowed = convertFloatBits(x, from, to);
    return convertFloatBits(narrowed, to, from) === x ? narrowed : undefined;
  });
}

/** sitofp / uitofp: the exact integer rounded to nearest, ties to even (not through a double). */
export function foldIntToFloat(op: Cast, operands: Operands): Folded {
  const isSigned = op.name === "arith.sitofp";
  const [inW, to] = [intWidth(elementOf(op.in.type)), floatKind(elementOf(op.out.type))];
  const a = readInts(operands[0]);
  if (inW === undefined || to === undefined || a === undefined) return undefined;
  const values = mapElements(a, (x) => F.intToFloatBits(isSigned ? BigInt.asIntN(inW, x) : x, to));
  return values === undefined ? undefined : buildConstant(op.out.type, values);
}

/** fptosi / fptoui: truncation toward zero, only when the result fits (APFloat's convertToInteger is not invalid). */
export function foldFloatToInt(op: Cast, operands: Operands): Folded {
  const isSigned = op.name === "arith.fptosi";
  const [from, outW] = [floatKind(elementOf(op.in.type)), intWidth(elementOf(op.out.type))];
  if (from === undefined || outW === undefined) return undefined;
  // Not the interpreter's floatToInt: this works on the bits of every kind (f80 and f128 too, which the
  // interpreter cannot represent). Same rule otherwise, except that fptosi to i0 never folds here.
  const lo = isSigned ? -(1n << BigInt(outW - 1)) : 0n;
  const hi = isSigned ? (1n << BigInt(outW - 1)) - 1n : (1n << BigInt(outW)) - 1n;
  return castFloats(op, operands[0], (x) => {
    const v = truncatedInteger(x, from);
    return v === undefined || v < lo || v > hi ? undefined : BigInt.asUintN(outW, v);
  });
}

/** bitcast: the same bits read as the other type. */
export function foldBitcast(op: Cast, operands: Operands): Folded {
  const a = floatKind(elementOf(op.in.type)) !== undefined ? readFloats(operands[0]) : readInts(operands[0]);
  if (a === undefined) return undefined;
  return buildConstant(op.out.type, [...a.values]);
}

// ---- comparisons and select ----------------------------------------------------------------------------

/** cmpi predicates with the operands swapped (eq and ne stay). */
const SWAPPED_CMPI = [0, 1, 4, 5, 2, 3, 8, 9, 6, 7];
/** cmpi predicates that hold for equal operands: eq, sle, sge, ule, uge. */
const CMPI_REFLEXIVE = new Set([0, 3, 5, 7, 9]);

/** The predicate's number, when the attribute is an IntegerAttr (the verifier checks it; folds may run before). */
const predicateOf = (op: Compare): number | undefined => {
  const p: unknown = op.predicate;
  return p instanceof IntegerAttr ? p.number : undefined;
};

export function foldCmpI(op: Compare, operands: Operands): Folded {
  const pred = predicateOf(op);
  if (pred === undefined) return undefined;
  if (op.lhs === op.rhs) return splatConstant(op.result.type, boolBits(CMPI_REFLEXIVE.has(pred)));
  // ext(x : i1) != 0 -> x
  if (isZero(operands[1]) && pred === 1) {
    const ext = defining(op.lhs, ExtSIOp) ?? defining(op.lhs, ExtUIOp);
    if (ext !== undefined && intWidth(elementOf(ext.in.type)) === 1) return ext.in;
  }
  // A constant moves to the right, with the mirrored predicate.
  if (operands[0] !== undefined && operands[1] === undefined) {
    const [lhs, rhs, attr] = [op.lhs, op.rhs, op.predicate];
    op.setAttr("predicate", IntegerAttr.get(attr.type, SWAPPED_CMPI[pred] ?? pred));
    op.setOperand(0, rhs);
    op.setOperand(1, lhs);
    return op.results;
  }
  const [a, b, w] = [readInts(operands[0]), readInts(operands[1]), intWidth(elementOf(op.lhs.type))];
  if (a === undefined || b === undefined || w === undefined) return undefined;
  const values = zipElements(a, b, (x, y) => {
    const holds = cmpiHolds(pred, w, x, y);
    return holds === undefined ? undefined : boolBits(holds);
  });
  return values === undefined ? undefined : buildConstant(op.result.type, values);
}

export function foldCmpF(op: Compare, operands: Operands): Folded {
  const [pred, k] = [predicateOf(op), floatKind(elementOf(op.lhs.type))];
  let [a, b] = [readFloats(operands[0]), readFloats(operands[1])];
  if (pred === undefined || k === undefined || !isArithFloatKind(k)) return undefined;
  // A NaN operand decides every predicate: the other operand need not be constant.
  if (a !== undefined && a.scalar && isNaN(a.values[0] as bigint, k)) b = a;
  if (b !== undefined && b.scalar && isNaN(b.values[0] as bigint, k)) a = b;
  if (a === undefined || b === undefined) return undefined;
  const values = zipElements(a, b, (x, y) => {
    const holds = cmpfHolds(pred, k, x, y);
    return holds === undefined ? undefined : boolBits(holds);
  });
  return values === undefined ? undefined : buildConstant(op.result.type, values);
}

export function foldSelect(op: SelectLike, operands: Operands): Folded {
  const [cond, t, f] = [op.condition, op.true_value, op.false_value];
  if (t === f) return t;
  const c = intConst(operands[0]);
  if (c === 1n) return t;
  if (c === 0n) return f;
  // select(%c, true, false) -> %c (on i1 scalars)
  if (intWidth(op.result.type) === 1 && isOne(operands[1]) && isZero(operands[2])) return cond;
  // select(cmpi eq/ne(a, b), a, b) -> b / a
  const cmp = defining(cond, CmpIOp);
  const pred = cmp === undefined ? undefined : predicateOf(cmp);
  if (cmp !== undefined && (pred === 0 || pred === 1)) {
    const [l, r] = [cmp.lhs, cmp.rhs];
    if ((l === t && r === f) || (r === t && l === f)) return pred === 1 ? t : f;
  }
  // A constant vector condition choosing between constant vectors, element by element.
  const conds = readInts(operands[0]);
  const [tv, fv] = [readAny(operands[1]), readAny(operands[2])];
  if (conds === undefined || tv === undefined || fv === undefined || conds.scalar || tv.scalar || fv.scalar) return undefined;
  const n = Math.max(conds.values.length, tv.values.length, fv.values.length);
  const pick = (e: { values: readonly bigint[] }, i: number): bigint => e.values[e.values.length === 1 ? 0 : i] as bigint;
  const values = Array.from({ length: n }, (_, i) => (pick(conds, i) !== 0n ? pick(tv, i) : pick(fv, i)));
  return buildConstant(op.result.type, values);
}

const readAny = (a: Attribute | undefined) => readInts(a) ?? readFloats(a);
