/**
 * Mutants of `npm run mutation` that are equivalent: they change nothing any program can observe, so no
 * property can kill them, and each entry says why (an unreachable branch, a condition redundant with an
 * earlier check, a bound that only moves where both sides agree...). A listed mutant is still run: when it
 * survives it is reported as `equivalent` and not counted in the score; when it is killed, it is reported as
 * killed and the entry is wrong (test/prop/mutation.test.ts checks that every entry names exactly the mutants
 * it says (one by default) of its file, so an entry goes stale loudly when the code under it changes).
 *
 * An entry names its mutant by file, operator and a snippet of its source line (`code`, a substring), and
 * when those name several, by its replacement or `column` (0-based in the line) too.
 * Snippets avoid op class names where they can, so renames do not invalidate them.
 */
import type { Mutant } from "./mutation-operators.ts";

export interface EquivalentMutant {
  readonly file: string;
  readonly operator: string;
  /** The edit (optional: the operator and `code` often name the mutant alone). */
  readonly replacement?: string;
  /** A substring of the mutated line. */
  readonly code: string;
  /** The edit's column, when `code` alone names several mutants. */
  readonly column?: number;
  /** How many mutants the entry names (default 1): more when the same line is in several patterns. */
  readonly count?: number;
  readonly reason: string;
}

const INT = "rewrites/arith/canonicalize-int.ts";
const CAST = "rewrites/arith/canonicalize-cast.ts";
const FLOAT = "rewrites/arith/canonicalize-float.ts";
const CF = "rewrites/cf/canonicalize.ts";
const FOLD = "dialects/arith/fold.ts";
const CONSTS = "dialects/arith/fold-consts.ts";
const MATH = "dialects/math/fold.ts";
/** Why a mutant that only changes the sign or payload of a NaN result changes nothing a program may rely on. */
const NAN_BITS =
  "it only changes the sign or payload of a NaN result, which LLVM leaves unspecified for arithmetic (LangRef, 'Behavior of Floating-Point NaN values'; the interpreter's UnspecifiedNaN): no program may observe it";
const POW_NEGATIVE_BASE = "if (xv < 0 && integerParity(yv) === 0) return quietNaNBits(kind, true);";
/** Why reading the element type of a binary op's right operand instead of its left one changes nothing. */
const ONE_OPERAND_TYPE = "the op's two operands have one type (the verifier: SameOperandsAndResultType or SameTypeOperands), so either gives the same width or kind";
/** Why truth propagation's `replaceIn` may say true where it changed nothing. */
const SUCCESS_WITHOUT_CHANGE =
  "replaceIn then reports a replacement it did not make: the pattern says it applied without changing the IR, " +
  "the driver moves on (nothing is requeued), and the other destination is still handled (both are computed before the `||`)";
const SWAP = "swap operands .lhs / .rhs";
const TO_FLOAT = "const toFloat = (v: bigint): number => fromBits(roundRationalToBits(v < 0n, v < 0n ? -v : v, 1n, kind), kind);";
/** Why a mutant of the unsigned branches for a negative fractional constant changes nothing. */
const UNSIGNED_NEGATIVE_UNREACHABLE =
  "for an unsigned conversion a negative constant is below every integer (intMin is 0): the `toFloat(intMin) > rhs` " +
  "check before the switch has already answered, so `negative` is never true here";
/** Why any mutant that makes `widerThan` (canonicalize-cast.ts) true more often changes nothing. */
const WIDER_ONLY_WHERE_IT_HOLDS =
  "widerThan is only asked where it holds: trunci narrows and extsi/extui widen (the verifier), and the trunci folder " +
  "rewrites trunci(ext(x)) with x at least as wide as the result before any pattern sees it";

export const equivalentMutants: readonly EquivalentMutant[] = [
  // ---- rewrites/arith/canonicalize-int.ts
  { file: INT, operator: SWAP, code: "const zero = zeroConstant(inner.rhs.type);", reason: "subi's operands have one type: the zero of either is the same constant" },
  { file: INT, operator: SWAP, code: "rw.replaceOp(op, [sum, op.lhs]);", reason: "the overflow result it replaces has no uses (the pattern checks): any value will do" },
  { file: INT, operator: SWAP, code: "rw.replaceOp(op, [product, op.lhs]);", count: 2, reason: "(mulsi_extended and mului_extended) the high half it replaces has no uses (the pattern checks): any value will do" },
  { file: INT, operator: SWAP, code: "const width = intWidth(elementTypeOrSelf(op.lhs.type));", reason: "mulsi_extended's operands have one type, so one width" },
  { file: INT, operator: SWAP, code: "out: op.lhs.type as ArithLike<IntegerType>", reason: "mulsi_extended's operands have one type: the high half's type either way" },
  {
    file: INT,
    operator: "swap && and ||",
    code: "t.type !== i1 || t.value === 0n",
    column: 62,
    reason: "t is xori's operand beside a cmpi result, so always i1: the mutant only drops the `t.value === 0n` check, and xori(c, false) is folded to c by the xori folder before any pattern sees it",
  },
  { file: INT, operator: "drop a condition", code: "if (inverted === undefined)", reason: "the inversion table covers all ten cmpi predicates: the check is unreachable" },
  // ---- dialects/arith/fold.ts
  { file: FOLD, operator: SWAP, code: "const widthOf = (op: Binary): number | undefined => intWidth(elementOf(op.lhs.type));", reason: ONE_OPERAND_TYPE },
  { file: FOLD, operator: SWAP, code: "const k = floatKind(elementOf(op.lhs.type));", count: 2, reason: `(arithKindOf and isFloat) ${ONE_OPERAND_TYPE}` },
  { file: FOLD, operator: SWAP, code: "readInts(operands[1]), intWidth(elementOf(op.lhs.type))];", count: 3, reason: `(addui_extended, mul*_extended, cmpi) ${ONE_OPERAND_TYPE}` },
  { file: FOLD, operator: SWAP, code: "[predicateOf(op), floatKind(elementOf(op.lhs.type))]", reason: `(cmpf) ${ONE_OPERAND_TYPE}` },
  { file: FOLD, operator: "return undefined", code: "if (xor === undefined) return false;", reason: "isNotOf's result is only tested for truth: undefined is as falsy as false" },
  {
    file: FOLD,
    operator: "swap && and ||",
    code: "if (w !== undefined && c !== undefined) {",
    reason: "w is defined for every integer op; with c undefined no bound matches (isAllOnes, isMaxSigned, isMinSigned and `c === 0n` are all false for undefined), so the block does nothing",
  },
  {
    file: FOLD,
    operator: "drop a condition",
    code: "if (from === undefined || to === undefined) return undefined;",
    count: 2,
    reason: "(extf, truncf) the verifier makes their operand and result floats, so floatKind is never undefined here",
  },
  {
    file: FOLD,
    operator: "swap && and ||",
    code: "if (from === undefined || to === undefined) return undefined;",
    count: 2,
    reason: "(extf, truncf) the verifier makes their operand and result floats, so floatKind is never undefined here",
  },
  // ---- dialects/arith/fold-consts.ts
  {
    file: CONSTS,
    operator: "return undefined",
    code: "if (isNaNBits(a, kind)) return a;",
    reason: `maxf/minf then fold through the interpreter's maxF/minF, which quiet a signalling NaN operand: ${NAN_BITS}`,
  },
  { file: CONSTS, operator: "drop a condition", code: "if (isNaNBits(a, kind)) return a;", reason: `the NaN then goes through maxF/minF, quieted: ${NAN_BITS}` },
  { file: CONSTS, operator: "return undefined", code: "if (isNaNBits(b, kind)) return b;", reason: `the NaN then goes through maxF/minF, quieted: ${NAN_BITS}` },
  { file: CONSTS, operator: "drop a condition", code: "if (isNaNBits(b, kind)) return b;", reason: `the NaN then goes through maxF/minF, quieted: ${NAN_BITS}` },
  {
    file: CONSTS,
    operator: "swap === and !==",
    code: 'const unsigned = elementType instanceof IntegerType && elementType.signedness === "unsigned";',
    reason: "arith folds signless integers only; for them the value is then stored as unsigned rather than signed bits, and the typed array (Int8Array ... BigInt64Array) keeps it modulo 2^w either way: the same element",
  },
  // ---- dialects/math/fold.ts
  {
    file: MATH,
    operator: "drop a condition",
    code: "if (Storage === undefined) return undefined;",
    reason: "storageFor has a typed array for every element type a math fold produces (f16, bf16, f32, f64, signless integers, index): Storage is never undefined",
  },
  {
    file: MATH,
    operator: "change a constant 0 / 1",
    code: "if (!Number.isInteger(y)) return 0;",
    reason: "integerParity's callers ask whether y is odd (-1), and whether it is 0 only at the negative-base check: a non-integer read as even skips the early NaN there, and Math.pow then gives NaN, which libmResult turns into the same default NaN",
  },
  { file: MATH, operator: "swap & and |", code: "function integerParity(y: number): -1 | 0 | 1 {", count: 2, reason: "a return type annotation: types are erased, nothing runs differently" },
  { file: MATH, operator: "change a constant 0 / 1", code: "function integerParity(y: number): -1 | 0 | 1 {", count: 3, reason: "a return type annotation: types are erased, nothing runs differently" },
  { file: MATH, operator: "move a boundary < / <=", code: POW_NEGATIVE_BASE, reason: "xv === 0 returned earlier (the zero-or-infinite base branch): `xv <= 0` is `xv < 0` here" },
  { file: MATH, operator: "drop a condition", code: POW_NEGATIVE_BASE, reason: "Math.pow of a negative base and a non-integer exponent is NaN, which libmResult turns into the same negative default NaN" },
  { file: MATH, operator: "change a constant true / false", code: POW_NEGATIVE_BASE, reason: NAN_BITS },
  // ---- rewrites/arith/canonicalize-float.ts
  {
    file: FLOAT,
    operator: "drop a condition",
    code: "if (Number.isNaN(rhs))",
    reason: "the cmpf folder decides every predicate when an operand is NaN, and folding runs before the patterns: the pattern never sees a NaN constant",
  },
  { file: FLOAT, operator: "move a boundary < / <=", code: TO_FLOAT, column: 74, reason: "only v = 0 changes, to -0.0, and -0.0 compares (<, >, !==) as +0.0" },
  { file: FLOAT, operator: "move a boundary < / <=", code: TO_FLOAT, column: 82, reason: "only v = 0 changes, and -0n is 0n" },
  { file: FLOAT, operator: "change a constant 0 / 1", code: TO_FLOAT, column: 84, reason: "only v = 0 changes, and -0n is 0n" },
  { file: FLOAT, operator: "change a constant true / false", code: 'case "ule": if (negative)', reason: UNSIGNED_NEGATIVE_UNREACHABLE },
  { file: FLOAT, operator: "drop a condition", code: 'case "ugt": if (negative)', reason: UNSIGNED_NEGATIVE_UNREACHABLE },
  { file: FLOAT, operator: "change a constant true / false", code: 'case "ugt": if (negative)', reason: UNSIGNED_NEGATIVE_UNREACHABLE },
  { file: FLOAT, operator: "change a constant true / false", code: 'case "uge": if (negative)', reason: UNSIGNED_NEGATIVE_UNREACHABLE },
  {
    file: FLOAT,
    operator: "change a constant 0 / 1",
    code: "type.width === 1) return rw.fail",
    reason: "an i1 select never reaches this pattern: select(c, 1, 0) folds to c, and select-i1-simplify, before it in the set, takes every other i1 select",
  },
  // ---- rewrites/cf/canonicalize.ts
  { file: CF, operator: "change a constant true / false", code: "if (singlePredecessor(dest) === undefined) return false;", reason: SUCCESS_WITHOUT_CHANGE },
  { file: CF, operator: "return undefined", code: "if (singlePredecessor(dest) === undefined) return false;", reason: "undefined is as falsy as false for `t || f`" },
  { file: CF, operator: "change a constant true / false", code: "if (uses.length === 0) return false;", reason: SUCCESS_WITHOUT_CHANGE },
  // ---- rewrites/arith/canonicalize-cast.ts
  { file: CAST, operator: "swap && and ||", code: "return wa !== undefined && wb !== undefined && wb > 0 && wa > wb;", column: 26, reason: WIDER_ONLY_WHERE_IT_HOLDS },
  { file: CAST, operator: "swap && and ||", code: "return wa !== undefined && wb !== undefined && wb > 0 && wa > wb;", column: 46, reason: WIDER_ONLY_WHERE_IT_HOLDS },
  { file: CAST, operator: "swap && and ||", code: "return wa !== undefined && wb !== undefined && wb > 0 && wa > wb;", column: 56, reason: WIDER_ONLY_WHERE_IT_HOLDS },
  { file: CAST, operator: "move a boundary > / >=", code: "return wa !== undefined && wb !== undefined && wb > 0 && wa > wb;", column: 52, reason: "integer widths are at least 1: `wb >= 0` is `wb > 0`" },
  { file: CAST, operator: "move a boundary > / >=", code: "return wa !== undefined && wb !== undefined && wb > 0 && wa > wb;", column: 62, reason: WIDER_ONLY_WHERE_IT_HOLDS },
  { file: CAST, operator: "drop a condition", code: "if (!widerThan(inner.out, op.out) || !widerThan(op.out, inner.in))", reason: WIDER_ONLY_WHERE_IT_HOLDS },
  { file: CAST, operator: "swap && and ||", code: "if (!widerThan(inner.out, op.out) || !widerThan(op.out, inner.in))", reason: WIDER_ONLY_WHERE_IT_HOLDS },
  { file: CAST, operator: SWAP, code: "if (!shiftMatchesTruncation(shift.lhs, op.out, shift.rhs))", column: 38, reason: "shrsi's operands have one type, so one width" },
  {
    file: CAST,
    operator: "swap && and ||",
    code: "if (shift === undefined || mul === undefined || ex === undefined",
    column: 30,
    reason: "mul is undefined whenever shift is, so `shift === undefined && mul === undefined` is `shift === undefined`",
  },
];

/** Whether `entry` names the mutant `m` of `file`. */
export function namesMutant(entry: EquivalentMutant, file: string, m: Mutant): boolean {
  return (
    entry.file === file &&
    entry.operator === m.operator &&
    (entry.replacement === undefined || entry.replacement === m.replacement) &&
    m.context.includes(entry.code) &&
    (entry.column === undefined || entry.column === m.column)
  );
}

/** Why the mutant is equivalent, or undefined when it is not listed. */
export function equivalenceOf(list: readonly EquivalentMutant[], file: string, m: Mutant): string | undefined {
  return list.find((e) => namesMutant(e, file, m))?.reason;
}
