/**
 * The fold hooks of arith's ops (MLIR 16's ArithOps.cpp folders, plus the Commutative and Idempotent trait
 * folds): constant folding with exact semantics (see fold-consts.ts) and local identities that return an
 * existing value, e.g.
 *
 *   %r = arith.addi %x, %c0 : i32          ->  uses of %r use %x
 *   %r = arith.muli %c2, %c3 : i32         ->  %r = arith.constant 6 : i32
 *   %r = arith.addi %c5, %x : i32          ->  %r = arith.addi %x, %c5 : i32   (constants go right, in place)
 *
 * A fold never changes what the program computes: operations with undefined behaviour (division by zero,
 * INT_MIN / -1, shifts by the bit width or more, out-of-range float-to-int casts) are left alone, and float
 * identities respect NaN and signed zeros (`addf %x, -0.0` folds to `%x`, `addf %x, +0.0` does not).
 *
 * A hook receives the op and the constant attribute of each operand (undefined when not constant) and returns
 * attributes or values for the results, the op's own results after changing it in place, or undefined.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { convertFloatBits } from "../../src/ir/float-bits.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
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

type Operands = readonly (Attribute | undefined)[];
type Folded = FoldResult | readonly FoldResult[] | undefined;
export type FoldHook = (op: Operation, operands: Operands) => Folded;

// ---- helpers -------------------------------------------------------------------------------------------

const lhsOf = (op: Operation): Value => op.getOperand(0);
const rhsOf = (op: Operation): Value => op.getOperand(1);
const resultType = (op: Operation, i = 0): Type => op.getResult(i).type;

/** The op defining `v` when it is named `name`. */
function definedBy(v: Value, name: string): Operation | undefined {
  const def = v.definingOp;
  return def?.name === name ? def : undefined;
}

/** The element bit width of the op's first operand (integer-like ops). */
const widthOf = (op: Operation): number | undefined => intWidth(elementOf(lhsOf(op).type));

/** The scalar or splat value of an integer constant operand, compared unsigned at the element width. */
const intConst = (a: Attribute | undefined): bigint | undefined => splatInt(a);

const isZero = (a: Attribute | undefined): boolean => intConst(a) === 0n;
const isOne = (a: Attribute | undefined): boolean => intConst(a) === 1n;

/** The float kind of the op's first operand, when its arithmetic folds exactly. */
function arithKindOf(op: Operation) {
  const k = floatKind(elementOf(lhsOf(op).type));
  return isArithFloatKind(k) ? k : undefined;
}

/** True when the operand is a float constant (scalar or splat) equal to `x` (-0.0 and +0.0 differ). */
function isFloat(op: Operation, a: Attribute | undefined, x: number): boolean {
  const k = floatKind(elementOf(lhsOf(op).type));
  const bits = splatFloat(a);
  return k !== undefined && bits !== undefined && floatBitsEqual(bits, k, x);
}

/** Constant-folds an integer binary op elementwise with `intBinary[mnemonic]`. */
function foldIntConstants(op: Operation, operands: Operands, mnemonic: string): Attribute | undefined {
  const [a, b, w, fn] = [readInts(operands[0]), readInts(operands[1]), widthOf(op), intBinary[mnemonic]];
  if (a === undefined || b === undefined || w === undefined || fn === undefined) return undefined;
  const values = zipElements(a, b, (x, y) => fn(w, x, y));
  return values === undefined ? undefined : buildConstant(resultType(op), values);
}

/** Constant-folds a float binary op elementwise with `floatBinary[mnemonic]`. */
function foldFloatConstants(op: Operation, operands: Operands, mnemonic: string): Attribute | undefined {
  const [a, b, k, fn] = [readFloats(operands[0]), readFloats(operands[1]), arithKindOf(op), floatBinary[mnemonic]];
  if (a === undefined || b === undefined || k === undefined || fn === undefined) return undefined;
  const values = zipElements(a, b, (x, y) => fn(k, x, y));
  return values === undefined ? undefined : buildConstant(resultType(op), values);
}

/**
 * The Commutative trait's fold: a constant left operand moves to the right (in place), so patterns and
 * folds only look for constants on the right.
 */
function moveConstantRight(op: Operation, operands: Operands): Folded {
  if (operands[0] === undefined || operands[1] !== undefined) return undefined;
  const [lhs, rhs] = [lhsOf(op), rhsOf(op)];
  op.setOperand(0, rhs);
  op.setOperand(1, lhs);
  return op.results;
}

/** A fold for a commutative op: its own fold first, then the trait's. */
const commutative =
  (fold: FoldHook): FoldHook =>
  (op, operands) =>
    fold(op, operands) ?? moveConstantRight(op, operands);

// ---- integer arithmetic --------------------------------------------------------------------------------

export const foldAddI: FoldHook = commutative((op, operands) => {
  if (isZero(operands[1])) return lhsOf(op);
  // addi(subi(a, b), b) -> a
  const subL = definedBy(lhsOf(op), "arith.subi");
  if (subL !== undefined && subL.getOperand(1) === rhsOf(op)) return subL.getOperand(0);
  // addi(b, subi(a, b)) -> a
  const subR = definedBy(rhsOf(op), "arith.subi");
  if (subR !== undefined && subR.getOperand(1) === lhsOf(op)) return subR.getOperand(0);
  return foldIntConstants(op, operands, "addi");
});

export const foldSubI: FoldHook = (op, operands) => {
  if (lhsOf(op) === rhsOf(op)) return zeroConstant(resultType(op));
  if (isZero(operands[1])) return lhsOf(op);
  const add = definedBy(lhsOf(op), "arith.addi");
  if (add !== undefined) {
    // subi(addi(a, b), b) -> a;  subi(addi(a, b), a) -> b
    if (rhsOf(op) === add.getOperand(1)) return add.getOperand(0);
    if (rhsOf(op) === add.getOperand(0)) return add.getOperand(1);
  }
  return foldIntConstants(op, operands, "subi");
};

export const foldMulI: FoldHook = commutative((op, operands) => {
  if (isZero(operands[1])) return rhsOf(op);
  if (isOne(operands[1])) return lhsOf(op);
  return foldIntConstants(op, operands, "muli");
});

/** divui, divsi, ceildivui, ceildivsi, floordivsi: x / 1 -> x, and constants (not on division by zero or overflow). */
export const foldDivision =
  (mnemonic: string): FoldHook =>
  (op, operands) => {
    if (isOne(operands[1])) return lhsOf(op);
    return foldIntConstants(op, operands, mnemonic);
  };

/** remui, remsi: x % 1 -> 0, and constants (not on division by zero). */
export const foldRemainder =
  (mnemonic: string): FoldHook =>
  (op, operands) => {
    if (isOne(operands[1])) return zeroConstant(resultType(op));
    return foldIntConstants(op, operands, mnemonic);
  };

/** True when `v` is `xori(x, -1)` (bitwise not of x) with an all-ones constant of width `w`. */
function isNotOf(v: Value, x: Value, w: number): boolean {
  const xor = definedBy(v, "arith.xori");
  if (xor === undefined) return false;
  const c = intConst(constantOf(xor.getOperand(1)));
  return xor.getOperand(0) === x && c !== undefined && isAllOnes(w, c);
}

/** The constant attribute of the op defining `v`, when that op is arith.constant. */
function constantOf(v: Value): Attribute | undefined {
  return definedBy(v, "arith.constant")?.attr("value");
}

export const foldAndI: FoldHook = commutative((op, operands) => {
  const w = widthOf(op);
  if (w === undefined) return undefined;
  if (isZero(operands[1])) return rhsOf(op);
  const c = intConst(operands[1]);
  if (c !== undefined && isAllOnes(w, c)) return lhsOf(op);
  // and(x, not(x)) -> 0;  and(not(x), x) -> 0
  if (isNotOf(rhsOf(op), lhsOf(op), w) || isNotOf(lhsOf(op), rhsOf(op), w)) return zeroConstant(resultType(op));
  // and(a, and(a, b)) -> and(a, b), either operand order.
  for (const [inner, other] of [[lhsOf(op), rhsOf(op)], [rhsOf(op), lhsOf(op)]] as const) {
    const prev = definedBy(inner, "arith.andi");
    if (prev !== undefined && (other === prev.getOperand(0) || other === prev.getOperand(1))) return prev.getResult();
  }
  // The Idempotent trait's and(x, x) -> x comes after the op's own fold, as in MLIR: and(c, c) folds to a value.
  return foldIntConstants(op, operands, "andi") ?? idempotent(op);
});

export const foldOrI: FoldHook = commutative((op, operands) => {
  const w = widthOf(op);
  if (w === undefined) return undefined;
  if (isZero(operands[1])) return lhsOf(op);
  const c = intConst(operands[1]);
  // or(x, all ones) -> all ones: the value, not the operand (MLIR 16 reuses, and hoists, the constant).
  if (c !== undefined && isAllOnes(w, c)) return operands[1];
  return foldIntConstants(op, operands, "ori") ?? idempotent(op);
});

/** The Idempotent trait's fold, tried when the op's own fold fails: op(x, x) -> x. */
function idempotent(op: Operation): Value | undefined {
  return lhsOf(op) === rhsOf(op) ? lhsOf(op) : undefined;
}

export const foldXOrI: FoldHook = commutative((op, operands) => {
  if (isZero(operands[1])) return lhsOf(op);
  if (lhsOf(op) === rhsOf(op)) return zeroConstant(resultType(op));
  // xor(xor(x, a), a) -> x;  xor(xor(a, x), a) -> x
  const prevL = definedBy(lhsOf(op), "arith.xori");
  if (prevL !== undefined) {
    if (prevL.getOperand(1) === rhsOf(op)) return prevL.getOperand(0);
    if (prevL.getOperand(0) === rhsOf(op)) return prevL.getOperand(1);
  }
  // xor(a, xor(x, a)) -> x;  xor(a, xor(a, x)) -> x
  const prevR = definedBy(rhsOf(op), "arith.xori");
  if (prevR !== undefined) {
    if (prevR.getOperand(1) === lhsOf(op)) return prevR.getOperand(0);
    if (prevR.getOperand(0) === lhsOf(op)) return prevR.getOperand(1);
  }
  return foldIntConstants(op, operands, "xori");
});

/** shli, shrui, shrsi: x shifted by 0 -> x, and constants shifted by less than the bit width. */
export const foldShift =
  (mnemonic: string): FoldHook =>
  (op, operands) => {
    if (isZero(operands[1])) return lhsOf(op);
    return foldIntConstants(op, operands, mnemonic);
  };

/**
 * maxsi, maxui, minsi, minui: op(x, x) -> x; the bound that absorbs (max(x, MAX) -> MAX) and the neutral one
 * (max(x, MIN) -> x); constants.
 */
export const foldMinMax = (mnemonic: "maxsi" | "maxui" | "minsi" | "minui"): FoldHook =>
  commutative((op, operands) => {
    if (lhsOf(op) === rhsOf(op)) return rhsOf(op);
    const [w, c] = [widthOf(op), intConst(operands[1])];
    if (w !== undefined && c !== undefined) {
      const unsignedOp = mnemonic.endsWith("ui");
      const isMaxValue = unsignedOp ? isAllOnes(w, c) : isMaxSigned(w, c);
      const isMinValue = unsignedOp ? c === 0n : isMinSigned(w, c);
      const isMaxOp = mnemonic.startsWith("max");
      if (isMaxOp ? isMaxValue : isMinValue) return rhsOf(op);
      if (isMaxOp ? isMinValue : isMaxValue) return lhsOf(op);
    }
    return foldIntConstants(op, operands, mnemonic);
  });

// ---- extended arithmetic (two results) -----------------------------------------------------------------

export const foldAddUIExtended: FoldHook = commutative((op, operands) => {
  const overflowType = resultType(op, 1);
  // addui_extended(x, 0) -> x, false
  if (isZero(operands[1])) {
    const no = zeroConstant(overflowType);
    return no === undefined ? undefined : [lhsOf(op), no];
  }
  const [a, b, w] = [readInts(operands[0]), readInts(operands[1]), widthOf(op)];
  if (a === undefined || b === undefined || w === undefined) return undefined;
  const sums = zipElements(a, b, (x, y) => BigInt.asUintN(w, I.addUIExtended(w, x, y).sum));
  const carries = zipElements(a, b, (x, y) => boolBits(I.addUIExtended(w, x, y).overflow));
  if (sums === undefined || carries === undefined) return undefined;
  const [sum, carry] = [buildConstant(resultType(op), sums), buildConstant(overflowType, carries)];
  return sum === undefined || carry === undefined ? undefined : [sum, carry];
});

/** mulsi_extended / mului_extended: the low and high halves of the double-width product. */
const foldMulExtended = (signedOperands: boolean): FoldHook =>
  commutative((op, operands) => {
    const type = resultType(op);
    if (isZero(operands[1])) {
      const zero = zeroConstant(type);
      return zero === undefined ? undefined : [zero, zero];
    }
    // mului_extended(x, 1) -> x, 0 (mulsi_extended(x, 1) is a canonicalization pattern: its high half is a sign).
    if (!signedOperands && isOne(operands[1])) {
      const zero = zeroConstant(type);
      return zero === undefined ? undefined : [lhsOf(op), zero];
    }
    const [a, b, w] = [readInts(operands[0]), readInts(operands[1]), widthOf(op)];
    if (a === undefined || b === undefined || w === undefined) return undefined;
    const product = signedOperands ? I.mulSIExtended : I.mulUIExtended;
    const lows = zipElements(a, b, (x, y) => BigInt.asUintN(w, product(w, x, y).low));
    const highs = zipElements(a, b, (x, y) => BigInt.asUintN(w, product(w, x, y).high));
    if (lows === undefined || highs === undefined) return undefined;
    const [low, high] = [buildConstant(type, lows), buildConstant(type, highs)];
    return low === undefined || high === undefined ? undefined : [low, high];
  });

export const foldMulSIExtended = foldMulExtended(true);
export const foldMulUIExtended = foldMulExtended(false);

// ---- float arithmetic ----------------------------------------------------------------------------------

export const foldNegF: FoldHook = (op, operands) => {
  // negf(negf(x)) -> x
  const inner = definedBy(lhsOf(op), "arith.negf");
  if (inner !== undefined) return inner.getOperand(0);
  const [a, k] = [readFloats(operands[0]), floatKind(elementOf(resultType(op)))];
  if (a === undefined || k === undefined) return undefined;
  const values = mapElements(a, (x) => negate(x, k));
  return values === undefined ? undefined : buildConstant(resultType(op), values);
};

export const foldAddF: FoldHook = commutative((op, operands) => {
  // x + -0.0 is x for every x (x + +0.0 is not: -0.0 + +0.0 is +0.0).
  if (isFloat(op, operands[1], -0)) return lhsOf(op);
  return foldFloatConstants(op, operands, "addf");
});

export const foldSubF: FoldHook = (op, operands) => {
  if (isFloat(op, operands[1], 0)) return lhsOf(op);
  return foldFloatConstants(op, operands, "subf");
};

export const foldMulF: FoldHook = commutative((op, operands) => {
  if (isFloat(op, operands[1], 1)) return lhsOf(op);
  return foldFloatConstants(op, operands, "mulf");
});

export const foldDivF: FoldHook = (op, operands) => {
  if (isFloat(op, operands[1], 1)) return lhsOf(op);
  return foldFloatConstants(op, operands, "divf");
};

export const foldRemF: FoldHook = (op, operands) => foldFloatConstants(op, operands, "remf");

/** maxf / minf: op(x, x) -> x; maxf(x, -inf) -> x; minf(x, +inf) -> x; constants (NaN-propagating). */
export const foldMaxMinF = (mnemonic: "maxf" | "minf"): FoldHook =>
  commutative((op, operands) => {
    if (lhsOf(op) === rhsOf(op)) return rhsOf(op);
    if (isFloat(op, operands[1], mnemonic === "maxf" ? -Infinity : Infinity)) return lhsOf(op);
    return foldFloatConstants(op, operands, mnemonic);
  });

// ---- casts ---------------------------------------------------------------------------------------------

/** Maps each element of an integer constant operand to the result's elements with `fn`. */
function castInts(op: Operation, operand: Attribute | undefined, fn: (x: bigint, inW: number, outW: number) => bigint | undefined): Attribute | undefined {
  const [a, inW] = [readInts(operand), intWidth(elementOf(lhsOf(op).type))];
  const outType = resultType(op);
  const outW = intWidth(elementOf(outType));
  if (a === undefined || inW === undefined || outW === undefined) return undefined;
  const values = mapElements(a, (x) => fn(x, inW, outW));
  return values === undefined ? undefined : buildConstant(outType, values);
}

const zextOrTrunc = (x: bigint, _inW: number, outW: number): bigint => BigInt.asUintN(outW, x);
const sextOrTrunc = (x: bigint, inW: number, outW: number): bigint => BigInt.asUintN(outW, BigInt.asIntN(inW, x));

/** extui / extsi: ext(ext(x)) -> ext(x) in place; constants. */
export const foldExtI =
  (name: "arith.extui" | "arith.extsi"): FoldHook =>
  (op, operands) => {
    const inner = definedBy(lhsOf(op), name);
    if (inner !== undefined) {
      op.setOperand(0, inner.getOperand(0));
      return op.results;
    }
    return castInts(op, operands[0], name === "arith.extui" ? zextOrTrunc : sextOrTrunc);
  };

export const foldTruncI: FoldHook = (op, operands) => {
  const ext = definedBy(lhsOf(op), "arith.extui") ?? definedBy(lhsOf(op), "arith.extsi");
  if (ext !== undefined) {
    const src = ext.getOperand(0);
    const [srcW, dstW] = [intWidth(elementOf(src.type)), intWidth(elementOf(resultType(op)))];
    // trunci(ext(x)) -> x when x has the result's type; trunci(ext(x)) -> trunci(x) when x is wider.
    if (src.type === resultType(op)) return src;
    if (srcW !== undefined && dstW !== undefined && srcW > dstW) {
      op.setOperand(0, src);
      return op.results;
    }
  }
  // trunci(trunci(x)) -> trunci(x)
  const inner = definedBy(lhsOf(op), "arith.trunci");
  if (inner !== undefined) {
    op.setOperand(0, inner.getOperand(0));
    return op.results;
  }
  return castInts(op, operands[0], zextOrTrunc);
};

export const foldIndexCast: FoldHook = (op, operands) => castInts(op, operands[0], sextOrTrunc);
export const foldIndexCastUI: FoldHook = (op, operands) => castInts(op, operands[0], zextOrTrunc);

/** Maps each element of a float constant operand through `fn` (bits of the operand's kind in). */
function castFloats(op: Operation, operand: Attribute | undefined, fn: (bits: bigint) => bigint | undefined): Attribute | undefined {
  const a = readFloats(operand);
  if (a === undefined) return undefined;
  const values = mapElements(a, fn);
  return values === undefined ? undefined : buildConstant(resultType(op), values);
}

/** extf: exact widening, NaN quieted with its payload kept (APFloat's convert). */
export const foldExtF: FoldHook = (op, operands) => {
  const [from, to] = [floatKind(elementOf(lhsOf(op).type)), floatKind(elementOf(resultType(op)))];
  if (from === undefined || to === undefined) return undefined;
  return castFloats(op, operands[0], (x) => convertFloatBits(x, from, to));
};

/** truncf: only when the value is exactly representable in the narrower type (MLIR's rule; no NaN). */
export const foldTruncF: FoldHook = (op, operands) => {
  const [from, to] = [floatKind(elementOf(lhsOf(op).type)), floatKind(elementOf(resultType(op)))];
  if (from === undefined || to === undefined) return undefined;
  return castFloats(op, operands[0], (x) => {
    if (isNaN(x, from)) return undefined;
    const narrowed = convertFloatBits(x, from, to);
    return convertFloatBits(narrowed, to, from) === x ? narrowed : undefined;
  });
};

/** sitofp / uitofp: the exact integer rounded to nearest, ties to even (not through a double). */
export const foldIntToFloat =
  (isSigned: boolean): FoldHook =>
  (op, operands) => {
    const [inW, to] = [intWidth(elementOf(lhsOf(op).type)), floatKind(elementOf(resultType(op)))];
    const a = readInts(operands[0]);
    if (inW === undefined || to === undefined || a === undefined) return undefined;
    const values = mapElements(a, (x) => F.intToFloatBits(isSigned ? BigInt.asIntN(inW, x) : x, to));
    return values === undefined ? undefined : buildConstant(resultType(op), values);
  };

/** fptosi / fptoui: truncation toward zero, only when the result fits (APFloat's convertToInteger is not invalid). */
export const foldFloatToInt =
  (isSigned: boolean): FoldHook =>
  (op, operands) => {
    const [from, outW] = [floatKind(elementOf(lhsOf(op).type)), intWidth(elementOf(resultType(op)))];
    if (from === undefined || outW === undefined) return undefined;
    // Not the interpreter's floatToInt: this works on the bits of every kind (f80 and f128 too, which the
    // interpreter cannot represent). Same rule otherwise, except that fptosi to i0 never folds here.
    const lo = isSigned ? -(1n << BigInt(outW - 1)) : 0n;
    const hi = isSigned ? (1n << BigInt(outW - 1)) - 1n : (1n << BigInt(outW)) - 1n;
    return castFloats(op, operands[0], (x) => {
      const v = truncatedInteger(x, from);
      return v === undefined || v < lo || v > hi ? undefined : BigInt.asUintN(outW, v);
    });
  };

/** bitcast: the same bits read as the other type. */
export const foldBitcast: FoldHook = (op, operands) => {
  const outType = resultType(op);
  const inElem = elementOf(lhsOf(op).type);
  const a = floatKind(inElem) !== undefined ? readFloats(operands[0]) : readInts(operands[0]);
  if (a === undefined) return undefined;
  return buildConstant(outType, [...a.values]);
};

// ---- comparisons and select ----------------------------------------------------------------------------

/** cmpi predicates with the operands swapped (eq and ne stay). */
const SWAPPED_CMPI = [0, 1, 4, 5, 2, 3, 8, 9, 6, 7];
/** cmpi predicates that hold for equal operands: eq, sle, sge, ule, uge. */
const CMPI_REFLEXIVE = new Set([0, 3, 5, 7, 9]);

const predicateOf = (op: Operation): number | undefined => {
  const p = op.attr("predicate");
  return p instanceof IntegerAttr ? p.number : undefined;
};

export const foldCmpI: FoldHook = (op, operands) => {
  const pred = predicateOf(op);
  if (pred === undefined) return undefined;
  if (lhsOf(op) === rhsOf(op)) return splatConstant(resultType(op), boolBits(CMPI_REFLEXIVE.has(pred)));
  // ext(x : i1) != 0 -> x
  if (isZero(operands[1]) && pred === 1) {
    const ext = definedBy(lhsOf(op), "arith.extsi") ?? definedBy(lhsOf(op), "arith.extui");
    if (ext !== undefined && intWidth(elementOf(ext.getOperand(0).type)) === 1) return ext.getOperand(0);
  }
  // A constant moves to the right, with the mirrored predicate.
  if (operands[0] !== undefined && operands[1] === undefined) {
    const [lhs, rhs, attr] = [lhsOf(op), rhsOf(op), op.attr("predicate") as IntegerAttr];
    op.setAttr("predicate", IntegerAttr.get(attr.type, SWAPPED_CMPI[pred] ?? pred));
    op.setOperand(0, rhs);
    op.setOperand(1, lhs);
    return op.results;
  }
  const [a, b, w] = [readInts(operands[0]), readInts(operands[1]), widthOf(op)];
  if (a === undefined || b === undefined || w === undefined) return undefined;
  const values = zipElements(a, b, (x, y) => {
    const holds = cmpiHolds(pred, w, x, y);
    return holds === undefined ? undefined : boolBits(holds);
  });
  return values === undefined ? undefined : buildConstant(resultType(op), values);
};

export const foldCmpF: FoldHook = (op, operands) => {
  const [pred, k] = [predicateOf(op), floatKind(elementOf(lhsOf(op).type))];
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
  return values === undefined ? undefined : buildConstant(resultType(op), values);
};

export const foldSelect: FoldHook = (op, operands) => {
  const [cond, t, f] = [op.getOperand(0), op.getOperand(1), op.getOperand(2)];
  if (t === f) return t;
  const c = intConst(operands[0]);
  if (c === 1n) return t;
  if (c === 0n) return f;
  // select(%c, true, false) -> %c (on i1 scalars)
  if (intWidth(resultType(op)) === 1 && isOne(operands[1]) && isZero(operands[2])) return cond;
  // select(cmpi eq/ne(a, b), a, b) -> b / a
  const cmp = definedBy(cond, "arith.cmpi");
  const pred = cmp === undefined ? undefined : predicateOf(cmp);
  if (cmp !== undefined && (pred === 0 || pred === 1)) {
    const [l, r] = [cmp.getOperand(0), cmp.getOperand(1)];
    if ((l === t && r === f) || (r === t && l === f)) return pred === 1 ? t : f;
  }
  // A constant vector condition choosing between constant vectors, element by element.
  const conds = readInts(operands[0]);
  const [tv, fv] = [readAny(operands[1]), readAny(operands[2])];
  if (conds === undefined || tv === undefined || fv === undefined || conds.scalar || tv.scalar || fv.scalar) return undefined;
  const n = Math.max(conds.values.length, tv.values.length, fv.values.length);
  const pick = (e: { values: readonly bigint[] }, i: number): bigint => e.values[e.values.length === 1 ? 0 : i] as bigint;
  const values = Array.from({ length: n }, (_, i) => (pick(conds, i) !== 0n ? pick(tv, i) : pick(fv, i)));
  return buildConstant(resultType(op), values);
};

const readAny = (a: Attribute | undefined) => readInts(a) ?? readFloats(a);
