/**
 * The arith dialect's attributes, as MLIR 16 spells them:
 *
 *   - `#arith.fastmath<nnan,ninf>`: the fast-math flags of floating-point ops (a bit enum). Inside an op's
 *     custom form it prints stripped, after the `fastmath` keyword: `arith.addf %a, %b fastmath<fast> : f32`.
 *   - the `cmpi` / `cmpf` predicates: plain `i64` integer attributes (ODS's I64EnumAttr) in generic form,
 *     `{predicate = 2 : i64}`, and a keyword in custom form, `arith.cmpi slt, %a, %b : i32`.
 */
import type { IntegerAttr } from "../../src/ir/attributes.ts";
import { type BitEnumAttr, defineBitEnumAttr, defineIntEnum } from "../../src/irdl/enums.ts";
import type { AttrConstraint } from "../../src/irdl/constraints.ts";

// ---- fast-math flags -------------------------------------------------------------------------------------

/** The individual flags, in bit order (bit 0 is `reassoc`), as LLVM's fast-math flags. */
export const FAST_MATH_FLAGS = ["reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"] as const;
export type FastMathFlag = (typeof FAST_MATH_FLAGS)[number];
/** Every keyword the attribute accepts: the flags plus the `none` and `fast` groups. */
export type FastMathKeyword = FastMathFlag | "none" | "fast";

const FastMathFlags = defineBitEnumAttr({
  dialect: "arith",
  name: "FastMathFlags",
  mnemonic: "fastmath",
  description: "Floating point fast math flags",
  syntax: "angle",
  none: "none",
  bits: { reassoc: 0, nnan: 1, ninf: 2, nsz: 3, arcp: 4, contract: 5, afn: 6 },
  groups: { fast: FAST_MATH_FLAGS },
  separator: ",",
  printPrimaryGroups: true,
});

/** `#arith.fastmath<...>`: a set of fast-math flags (the empty set is `none`, the full set `fast`). */
export type FastMathAttr = BitEnumAttr<FastMathFlag, "fast", "none">;
export const FastMathAttr = Object.assign(FastMathFlags, {
  /** The full set, `fast`. */
  fast: (): FastMathAttr => FastMathFlags.get(["fast"]),
});

/** The `fastmath` attribute of floating-point ops (ODS's Arith_FastMathAttr); formats print it as `<nnan,ninf>`. */
export const FastMathAttrC: AttrConstraint<FastMathAttr> = FastMathFlags.constraint;

// ---- comparison predicates (I64EnumAttr) -------------------------------------------------------------------

/** ODS's Arith_CmpIPredicateAttr: an I64EnumAttr, `{predicate = 2 : i64}` in generic form. */
export const CmpIPredicateEnum = defineIntEnum({
  name: "CmpIPredicate",
  width: 64,
  cases: { eq: 0, ne: 1, slt: 2, sle: 3, sgt: 4, sge: 5, ult: 6, ule: 7, ugt: 8, uge: 9 },
});
/** ODS's Arith_CmpFPredicateAttr: an I64EnumAttr. */
export const CmpFPredicateEnum = defineIntEnum({
  name: "CmpFPredicate",
  width: 64,
  cases: {
    false: 0, oeq: 1, ogt: 2, oge: 3, olt: 4, ole: 5, one: 6, ord: 7,
    ueq: 8, ugt: 9, uge: 10, ult: 11, ule: 12, une: 13, uno: 14, true: 15,
  },
});

/** `arith.cmpi` predicates, in value order (the index of each is its integer value). */
export const CMPI_PREDICATES = CmpIPredicateEnum.cases;
export type CmpIPredicate = (typeof CMPI_PREDICATES)[number];
/** `arith.cmpf` predicates, in value order (`o` ordered, `u` unordered). */
export const CMPF_PREDICATES = CmpFPredicateEnum.cases;
export type CmpFPredicate = (typeof CMPF_PREDICATES)[number];

export const CmpIPredicateAttr = CmpIPredicateEnum.constraint("predicate");
export const CmpFPredicateAttr = CmpFPredicateEnum.constraint("predicate");

/** The attribute for a `cmpi` predicate: `cmpiPredicate("slt")` is `2 : i64`. */
export const cmpiPredicate = (p: CmpIPredicate): IntegerAttr => CmpIPredicateEnum.get(p);
/** The attribute for a `cmpf` predicate: `cmpfPredicate("oeq")` is `1 : i64`. */
export const cmpfPredicate = (p: CmpFPredicate): IntegerAttr => CmpFPredicateEnum.get(p);

/** The keyword of a predicate attribute, or undefined when the value is not a valid case. */
export function cmpiPredicateName(a: IntegerAttr): CmpIPredicate | undefined {
  return CmpIPredicateEnum.caseOf(a);
}
export function cmpfPredicateName(a: IntegerAttr): CmpFPredicate | undefined {
  return CmpFPredicateEnum.caseOf(a);
}

/** ODS's AtomicRMWKindAttr (an I64EnumAttr): the operation of an atomic read-modify-write (memref.atomic_rmw). */
export const AtomicRMWKind = defineIntEnum({
  name: "AtomicRMWKind",
  width: 64,
  cases: { addf: 0, addi: 1, assign: 2, maxf: 3, maxs: 4, maxu: 5, minf: 6, mins: 7, minu: 8, mulf: 9, muli: 10, ori: 11, andi: 12 },
});
