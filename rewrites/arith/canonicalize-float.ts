/**
 * arith's float and select canonicalization patterns (MLIR 16's ArithCanonicalization.td and ArithOps.cpp):
 * negations that cancel, comparisons of converted integers done on the integers, and selects of booleans
 * turned into logic or extensions.
 */
import { FloatAttr, IntegerAttr, boolAttr } from "../../src/ir/attributes.ts";
import { decodeFloatBits, fromBits, roundRationalToBits } from "../../src/ir/float-bits.ts";
import { type FloatType, type IndexType, IntegerType, i1 } from "../../src/ir/types.ts";
import { narrow } from "../../src/irdl/constraints.ts";
import type { Value } from "../../src/ir/value.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import {
  AndIOp,
  type ArithLike,
  CmpFOp,
  CmpIOp,
  type CmpIPredicate,
  ConstantOp,
  DivFOp,
  ExtUIOp,
  MulFOp,
  NegFOp,
  OrIOp,
  SIToFPOp,
  SignlessFixedWidthIntegerLike,
  SignlessIntegerLike,
  SignlessIntegerLikeOfAnyRank,
  SelectOp,
  UIToFPOp,
  XOrIOp,
  cmpiPredicate,
} from "../../dialects/arith/index.ts";
import { defining } from "../../src/ir/defining.ts";
import { before, intOrSplat } from "./match.ts";

// ---- negations -----------------------------------------------------------------------------------------

/**
 * mulf(negf(x), negf(y)) -> mulf(x, y), keeping the mulf's fast-math flags.
 *
 *   %a = arith.negf %x : f32
 *   %b = arith.negf %y : f32
 *   %r = arith.mulf %a, %b : f32              ->   %r = arith.mulf %x, %y : f32
 */
export const mulfOfNegf = rewrite({
  name: "arith.mulf-of-negf",
  examples: ["^bb0(%x: $F, %y: $F):\n  %a = arith.negf %x : $F\n  %b = arith.negf %y : $F\n  %r = arith.mulf %a, %b : $F"],
  root: MulFOp,
  apply(op, rw) {
    const [a, b] = [defining(op.lhs, NegFOp), defining(op.rhs, NegFOp)];
    if (a === undefined || b === undefined || a.operand.type !== b.operand.type) return rw.fail("operands are not both negf");
    before(rw, op, () => rw.replaceOpWithNew(op, MulFOp, { lhs: a.operand, rhs: b.operand, fastmath: op.fastmath }));
    return rw.done();
  },
});

/**
 * divf(negf(x), negf(y)) -> divf(x, y), keeping the divf's fast-math flags.
 *
 *   %a = arith.negf %x : f32
 *   %b = arith.negf %y : f32
 *   %r = arith.divf %a, %b : f32              ->   %r = arith.divf %x, %y : f32
 */
export const divfOfNegf = rewrite({
  name: "arith.divf-of-negf",
  examples: ["^bb0(%x: $F, %y: $F):\n  %a = arith.negf %x : $F\n  %b = arith.negf %y : $F\n  %r = arith.divf %a, %b : $F"],
  root: DivFOp,
  apply(op, rw) {
    const [a, b] = [defining(op.lhs, NegFOp), defining(op.rhs, NegFOp)];
    if (a === undefined || b === undefined || a.operand.type !== b.operand.type) return rw.fail("operands are not both negf");
    before(rw, op, () => rw.replaceOpWithNew(op, DivFOp, { lhs: a.operand, rhs: b.operand, fastmath: op.fastmath }));
    return rw.done();
  },
});

// ---- cmpf of an integer converted to float ---------------------------------------------------------------

/** The significand bits of each float kind this pattern handles (APFloat's getFPMantissaWidth). */
const MANTISSA: Readonly<Record<string, number>> = { f16: 11, bf16: 8, f32: 24, f64: 53 };
/** ilogb of the largest finite value of each kind. */
const MAX_EXPONENT: Readonly<Record<string, number>> = { f16: 15, bf16: 127, f32: 127, f64: 1023 };

/** floor(log2(|x|)) of a finite nonzero float given by its bits (APFloat's ilogb). */
function ilogb(bits: bigint, kind: FloatType["name"]): number {
  const d = decodeFloatBits(bits, kind);
  return d.exponent + d.significand.toString(2).length - 1;
}

/** cmpf predicates (by value) as the cmpi predicate on the integers, for signed or unsigned conversions. */
function integerPredicate(pred: number, isUnsigned: boolean): CmpIPredicate | undefined {
  const s = (signed: CmpIPredicate, unsigned: CmpIPredicate): CmpIPredicate => (isUnsigned ? unsigned : signed);
  switch (pred) {
    case 1: case 8: return "eq"; // oeq, ueq
    case 2: case 9: return s("sgt", "ugt"); // ogt, ugt
    case 3: case 10: return s("sge", "uge"); // oge, uge
    case 4: case 11: return s("slt", "ult"); // olt, ult
    case 5: case 12: return s("sle", "ule"); // ole, ule
    case 6: case 13: return "ne"; // one, une
    default: return undefined;
  }
}

/** Integers (k) and float constants (c) around the powers of two where f16, f32 and f64 stop being exact. */
const NEAR_POWERS_OF_TWO = [
  { I: ["i16"], F: ["f16"], k: "2049|2051|4097|-2049|-32767", c: "2048.0|2052.0|4096.0|-2048.0|-32768.0" },
  { I: ["i32"], F: ["f32"], k: "16777217|16777219|33554433|-16777217|-2147483647", c: "16777216.0|16777220.0|33554432.0|-16777216.0|-2147483648.0" },
  { I: ["i64"], F: ["f64"], k: "9007199254740993|9007199254740995|-9007199254740993|-9223372036854775807", c: "9007199254740992.0|9007199254740996.0|-9007199254740992.0|-9223372036854775808.0" },
];

/** Pairs of an integer k and a float constant c next to it, as alternatives of one choice (two lines each). */
const K_NEXT_TO_C = [
  [-4, "-4.5"], [-5, "-4.5"], [-1, "-1.5"], [-2, "-1.5"], [-1, "-0.5"], [0, "-0.5"], [0, "0.5"], [1, "0.5"],
  [4, "4.5"], [5, "4.5"], [-128, "-128.0"], [-127, "-128.0"], [127, "127.0"], [126, "127.0"], [-128, "-127.5"], [127, "126.5"],
].map(([k, c]) => `%k = arith.constant ${k} : $I\n  %c = arith.constant ${c} : $F`).join("|");

/** Every cmpf predicate, as a choice hole. */
const CMPF_CHOICE = "?{false|oeq|ogt|oge|olt|ole|one|ord|ueq|ugt|uge|ult|ule|une|uno|true}";

/**
 * cmpf(pred, sitofp(x) | uitofp(x), c) -> cmpi(pred', x, int(c)) or a constant, when the conversion of x is
 * exact enough that comparing the integers gives the same answer (LLVM's InstCombine rule, as MLIR's
 * CmpFIntToFPConst). A conversion never makes NaN, so `ord` is true and `uno` false.
 *
 *   %f = arith.sitofp %x : i32 to f32                 %c4 = arith.constant 4 : i32
 *   %r = arith.cmpf olt, %f, %c4.5 : f32        ->    %r = arith.cmpi sle, %x, %c4 : i32
 */
export const cmpfIntToFpConst = rewrite({
  name: "arith.cmpf-int-to-fp-const",
  examples: [
    ["sitofp", "uitofp"].map((conv) => ({
      ir: `^bb0(%x: $I):\n  %f = arith.${conv} %x : $I to $F\n  %c = arith.constant ?c : $F\n  %r = arith.cmpf ${CMPF_CHOICE}, %f, %c : $F`,
      types: { I: ["i1", "i8", "i16", "i32", "i64"], F: ["f16", "f32", "f64"] },
    })),
    // Constants near the integers: equal to one, half way, and out of range of narrow types.
    {
      ir: `^bb0(%x: $I):\n  %f = arith.sitofp %x : $I to $F\n  %c = arith.constant ?{0.0|1.0|-1.0|0.5|-0.5|127.0|128.0|-128.0|-129.0|255.0|256.0|4.5|-4.5|65504.0|2147483648.0|-2147483648.0} : $F\n  %r = arith.cmpf ${CMPF_CHOICE}, %f, %c : $F`,
      types: { I: ["i8", "i16", "i32", "i64"], F: ["f16", "f32", "f64"] },
    },
    // Integers next to a power of two beyond the float's significand (x is k half the time), compared with a
    // constant there: where the conversion rounds x onto the constant, comparing the integers would differ,
    // so the pattern must leave these alone.
    // x is the integer k half the time (select on a free i1), compared with a constant c next to it: the
    // edges where rounding toward zero changes the predicate, and the extremes of i8. One choice picks k and c.
    {
      ir: `^bb0(%b: i1, %d: $I):\n  ?{${K_NEXT_TO_C}}\n  %x = arith.select %b, %k, %d : $I\n  %f = arith.sitofp %x : $I to $F\n  %r = arith.cmpf ${CMPF_CHOICE}, %f, %c : $F`,
      types: { I: ["i8", "i16", "i32"], F: ["f32", "f64"] },
    },
    ...NEAR_POWERS_OF_TWO.map(({ I, F, k, c }) => ({
      ir: `^bb0(%b: i1, %d: $I):\n  %k = arith.constant ?{${k}} : $I\n  %x = arith.select %b, %k, %d : $I\n  %f = arith.?{sitofp|uitofp} %x : $I to $F\n  %c = arith.constant ?{${c}} : $F\n  %r = arith.cmpf ${CMPF_CHOICE}, %f, %c : $F`,
      types: { I, F },
    })),
  ].flat(),
  root: CmpFOp,
  apply(op, rw) {
    const flt = constantAttr(op.rhs);
    if (!(flt instanceof FloatAttr)) return rw.fail("rhs is not a scalar float constant");
    const kind = flt.type.name;
    const mantissa = MANTISSA[kind];
    const rhs = fromBits(flt.bits, kind);
    if (Number.isNaN(rhs)) return rw.fail("rhs is NaN");
    if (mantissa === undefined) return rw.fail(`${kind} is not handled`);
    const si = defining(op.lhs, SIToFPOp);
    const ui = defining(op.lhs, UIToFPOp);
    const conv = si ?? ui;
    if (conv === undefined) return rw.fail("lhs is not sitofp or uitofp");
    const isUnsigned = si === undefined;
    const intVal = conv.in;
    if (!(intVal.type instanceof IntegerType)) return rw.fail("the converted value is not a scalar integer");
    const width = intVal.type.width;
    const valueBits = isUnsigned ? width : width - 1;

    if (width > mantissa) {
      // The conversion may round: only go on when rounding cannot change the comparison.
      if (!Number.isFinite(rhs)) {
        if ((MAX_EXPONENT[kind] ?? 0) < valueBits) return rw.fail("the conversion could make infinity");
      } else if (rhs !== 0) {
        const exponent = ilogb(flt.bits, kind);
        if (mantissa <= exponent && exponent <= valueBits) return rw.fail("the conversion could change the comparison");
      }
    }

    const pred = op.predicate.number;
    if (pred === 7 || pred === 14) return replaceWithBool(rw, op, pred === 7); // ord, uno
    const ipred = integerPredicate(pred, isUnsigned);
    if (ipred === undefined) return rw.fail("the predicate is always true or always false");

    const toFloat = (v: bigint): number => fromBits(roundRationalToBits(v < 0n, v < 0n ? -v : v, 1n, kind), kind);
    const intMax = isUnsigned ? (1n << BigInt(width)) - 1n : (1n << BigInt(width - 1)) - 1n;
    const intMin = isUnsigned ? 0n : -(1n << BigInt(width - 1));
    // rhs above every integer: x < rhs (and x != rhs) hold.
    if (toFloat(intMax) < rhs) return replaceWithBool(rw, op, ["ne", "slt", "sle", "ult", "ule"].includes(ipred));
    // rhs below every integer: x > rhs (and x != rhs) hold.
    if (toFloat(intMin) > rhs) return replaceWithBool(rw, op, ["ne", "sgt", "sge", "ugt", "uge"].includes(ipred));

    // rhs truncated toward zero must be an integer of the type (not so for 2^31 when intMax rounded up).
    const truncated = BigInt(Math.trunc(rhs));
    if (truncated < intMin || truncated > intMax) return rw.fail("rhs does not convert to the integer type");
    let newPred: CmpIPredicate = ipred;
    if (rhs !== 0 && toFloat(truncated) !== rhs) {
      // A fractional rhs: adjust the predicate (truncation went toward zero).
      const negative = rhs < 0;
      switch (ipred) {
        case "ne": return replaceWithBool(rw, op, true);
        case "eq": return replaceWithBool(rw, op, false);
        case "ule": if (negative) return replaceWithBool(rw, op, false); break;
        case "sle": if (negative) newPred = "slt"; break;
        case "ult": if (negative) return replaceWithBool(rw, op, false); newPred = "ule"; break;
        case "slt": if (!negative) newPred = "sle"; break;
        case "ugt": if (negative) return replaceWithBool(rw, op, true); break;
        case "sgt": if (negative) newPred = "sge"; break;
        case "uge": if (negative) return replaceWithBool(rw, op, true); newPred = "ugt"; break;
        case "sge": if (!negative) newPred = "sgt"; break;
      }
    }
    const intType = intVal.type;
    before(rw, op, () => {
      const c = narrow(rw.create(ConstantOp, { value: IntegerAttr.get(intType, truncated) }).result, SignlessIntegerLikeOfAnyRank);
      rw.replaceOpWithNew(op, CmpIOp, { predicate: cmpiPredicate(newPred), lhs: intVal, rhs: c });
    });
    return rw.done();
  },
});

function replaceWithBool(rw: PatternRewriter, op: CmpFOp, value: boolean) {
  before(rw, op, () => rw.replaceOpWithNew(op, ConstantOp, { value: boolAttr(value) }));
  return rw.done();
}

// ---- select --------------------------------------------------------------------------------------------

/**
 * select on i1 -> logic: select(c, x, y) = (c and x) or (not c and y).
 *
 *   %r = arith.select %c, %x, %y : i1          ->   %n = arith.xori %c, %true : i1
 *                                                   %a = arith.andi %c, %x : i1
 *                                                   %b = arith.andi %n, %y : i1
 *                                                   %r = arith.ori %a, %b : i1
 */
export const selectI1Simplify = rewrite({
  name: "arith.select-i1-simplify",
  examples: ["^bb0(%c: i1, %x: i1, %y: i1):\n  %r = arith.select %c, %x, %y : i1"],
  root: SelectOp,
  apply(op, rw) {
    if (op.result.type !== i1 || op.condition.type !== i1) return rw.fail("the result is not i1");
    const bool = (v: Value): Value<ArithLike<IntegerType | IndexType>> => narrow(v, SignlessIntegerLike);
    const [c, x, y] = [bool(op.condition), bool(op.true_value), bool(op.false_value)];
    before(rw, op, () => {
      const t = bool(rw.create(ConstantOp, { value: boolAttr(true) }).result);
      const notC = rw.create(XOrIOp, { lhs: c, rhs: t }).result;
      const a = rw.create(AndIOp, { lhs: c, rhs: x }).result;
      const b = rw.create(AndIOp, { lhs: notC, rhs: y }).result;
      rw.replaceOpWithNew(op, OrIOp, { lhs: a, rhs: b });
    });
    return rw.done();
  },
});

/**
 * select(c, 1, 0) -> extui(c);  select(c, 0, 1) -> extui(not c), on integer scalars wider than i1.
 *
 *   %r = arith.select %c, %c1, %c0 : i32       ->   %r = arith.extui %c : i1 to i32
 */
export const selectToExtui = rewrite({
  name: "arith.select-to-extui",
  examples: [
    { ir: "^bb0(%c: i1):\n  %a = arith.constant ?{0|1} : $T\n  %b = arith.constant ?{0|1} : $T\n  %r = arith.select %c, %a, %b : $T", types: { T: ["i8", "i32", "i64", "index"] } },
    { ir: "^bb0(%c: i1):\n  %a = arith.constant 1 : $T\n  %b = arith.constant 0 : $T\n  %r = arith.select %c, %a, %b : $T", types: { T: ["i1", "i16", "i32"] } },
  ],
  root: SelectOp,
  apply(op, rw) {
    const type = op.result.type;
    if (!(type instanceof IntegerType) || type.width === 1) return rw.fail("the result is not an integer wider than i1");
    const [t, f] = [intOrSplat(op.true_value), intOrSplat(op.false_value)];
    const cond = narrow(op.condition, SignlessFixedWidthIntegerLike);
    if (t === 1n && f === 0n) {
      before(rw, op, () => rw.replaceOpWithNew(op, ExtUIOp, { in: cond, out: type }));
      return rw.done();
    }
    if (t === 0n && f === 1n) {
      before(rw, op, () => {
        const one = narrow(rw.create(ConstantOp, { value: IntegerAttr.get(i1, 1n) }).result, SignlessFixedWidthIntegerLike);
        const notC = narrow(rw.create(XOrIOp, { lhs: cond, rhs: one }).result, SignlessFixedWidthIntegerLike);
        rw.replaceOpWithNew(op, ExtUIOp, { in: notC, out: type });
      });
      return rw.done();
    }
    return rw.fail("the values are not the constants 1 and 0");
  },
});

/** Every float and select pattern of this file. */
export const arithFloatSelectPatterns: readonly Pattern[] = [mulfOfNegf, divfOfNegf, cmpfIntToFpConst, selectI1Simplify, selectToExtui];
