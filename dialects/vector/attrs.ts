/**
 * The vector dialect's attributes and attribute constraints, as MLIR 16 spells them:
 *
 *   - `#vector.kind<add>`: the combining kind of contractions and reductions (an EnumAttr over MLIR's
 *     CombiningKind bit enum; ops print it stripped, `vector.reduction <add>, %v : vector<4xf32> into f32`).
 *   - `#vector.iterator_type<parallel>`: an iterator type of `vector.contract` (`parallel` or `reduction`). The
 *     contract's custom form spells the array as strings (`iterator_types = ["parallel"]`), its generic form
 *     with these attributes.
 *   - I64ArrayAttr / BoolArrayAttr: ODS's arrays of i64 / bool attributes (`[0, 1]`, `[true, false]`), the
 *     positions, offsets, sizes and in_bounds flags of most vector ops.
 */
import { ArrayAttr, type Attribute, IntegerAttr, isBoolAttr } from "../../src/ir/attributes.ts";
import { FloatType, i64, type Type, isIntOrIndex } from "../../src/ir/types.ts";
import { attrConstraint, type AttrConstraint } from "../../src/irdl/constraints.ts";
import { defineBitEnumAttr, defineEnumAttr } from "../../src/irdl/enums.ts";

// ---- combining kinds -------------------------------------------------------------------------------------

/** The combining kinds, in MLIR's bit order. */
export const COMBINING_KINDS = ["add", "mul", "minui", "minsi", "minf", "maxui", "maxsi", "maxf", "and", "or", "xor"] as const;
export type CombiningKind = (typeof COMBINING_KINDS)[number];

const CombiningKindEnum = defineBitEnumAttr({
  dialect: "vector",
  name: "CombiningKind",
  mnemonic: "kind",
  description: "Kind of combining function for contractions and reductions",
  syntax: "angle",
  bits: { add: 0, mul: 1, minui: 2, minsi: 3, minf: 4, maxui: 5, maxsi: 6, maxf: 7, and: 8, or: 9, xor: 10 },
});

/** `#vector.kind<add>`: one combining kind (MLIR's bit enum; ops hold exactly one). */
export const CombiningKindAttr = Object.assign(CombiningKindEnum, {
  /** The attribute for one kind. */
  of: (kind: CombiningKind) => CombiningKindEnum.get([kind]),
});
export type CombiningKindAttr = ReturnType<typeof CombiningKindAttr.of>;

/** The attribute constraint of `kind` operands/attributes: the stripped form `<add>` in formats. */
export const CombiningKindAttrC = CombiningKindEnum.constraint;

/** The one kind an attribute holds (the first when several bits are set, which MLIR never builds). */
export function combiningKindOf(a: CombiningKindAttr): CombiningKind {
  return (a.flags[0] ?? "add") as CombiningKind;
}

/** MLIR 16's isSupportedCombiningKind: which element types a kind combines. */
export function isSupportedCombiningKind(kind: CombiningKind, elementType: Type): boolean {
  switch (kind) {
    case "add":
    case "mul":
      return isIntOrIndex(elementType) || elementType instanceof FloatType;
    case "minui":
    case "minsi":
    case "maxui":
    case "maxsi":
    case "and":
    case "or":
    case "xor":
      return isIntOrIndex(elementType);
    case "minf":
    case "maxf":
      return elementType instanceof FloatType;
  }
}

// ---- iterator types --------------------------------------------------------------------------------------

/** `#vector.iterator_type<parallel>` / `<reduction>`. */
export const IteratorTypeAttr = defineEnumAttr({
  dialect: "vector",
  name: "IteratorType",
  mnemonic: "iterator_type",
  description: "Iterator type",
  syntax: "angle",
  cases: { parallel: 0, reduction: 1 },
});
export type IteratorType = "parallel" | "reduction";
export type IteratorTypeAttr = ReturnType<typeof IteratorTypeAttr.get>;

/** ODS's Vector_IteratorTypeArrayAttr. */
export const IteratorTypeArrayAttrC = attrConstraint(
  "Iterator type should be an enum.",
  (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof IteratorTypeAttr),
);

// ---- arrays ----------------------------------------------------------------------------------------------

/** ODS's I64ArrayAttr: `[0, 1]`. */
export const I64ArrayAttrC: AttrConstraint<ArrayAttr> = attrConstraint(
  "64-bit integer array attribute",
  (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof IntegerAttr && e.type === i64),
);

/** ODS's BoolArrayAttr: `[true, false]`. */
export const BoolArrayAttrC: AttrConstraint<ArrayAttr> = attrConstraint(
  "1-bit boolean array attribute",
  (a): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every(isBoolAttr),
);

/** `[0, 1]` as an I64ArrayAttr. */
export const i64Array = (values: readonly number[]): ArrayAttr => ArrayAttr.get(values.map((v) => IntegerAttr.get(i64, v)));
/** The numbers of an I64ArrayAttr (or of any array of integer attributes). */
export const i64sOf = (a: Attribute): number[] =>
  a instanceof ArrayAttr ? a.elements.map((e) => (e instanceof IntegerAttr ? Number(e.value) : Number.NaN)) : [];
/** The flags of a BoolArrayAttr. */
export const boolsOf = (a: Attribute | undefined): boolean[] =>
  a instanceof ArrayAttr ? a.elements.map((e) => e instanceof IntegerAttr && e.value !== 0n) : [];
