/**
 * The `#linalg.*` attributes, as MLIR 16 spells them (LinalgBase.td, LinalgEnums.td, StructuredOpsUtils.td):
 *
 *   #linalg.iterator_type<parallel>      a loop of a structured op: `parallel` or `reduction`
 *   #linalg.unary_fn<exp>                the `fun` of linalg.elemwise_unary
 *   #linalg.binary_fn<max_signed>        the `fun` of linalg.elemwise_binary
 *   #linalg.type_fn<cast_unsigned>       the `cast` of named ops that convert their operands
 *
 * linalg.generic's custom form writes iterator types as strings (`iterator_types = ["parallel"]`); its generic
 * form and every other place use the enum attribute.
 */
import { ArrayAttr, type Attribute } from "../../src/ir/attributes.ts";
import type { AttrConstraint } from "../../src/irdl/constraints.ts";
import { defineEnumAttr, type EnumAttr } from "../../src/irdl/enums.ts";

/** ODS's IteratorTypeEnum (in `::mlir::utils`): whether a loop of a structured op is parallel or a reduction. */
export const IteratorTypeAttr = defineEnumAttr({
  dialect: "linalg",
  name: "IteratorType",
  mnemonic: "iterator_type",
  cppNamespace: "::mlir::utils",
  description: "Iterator type should be an enum.",
  syntax: "angle",
  cases: { parallel: 0, reduction: 1 },
});
export type IteratorType = (typeof IteratorTypeAttr.cases)[number];
export type IteratorTypeAttr = EnumAttr<IteratorType>;

/** The unary functions of OpDSL (elemwise_unary's `fun`). */
export const UnaryFnAttr = defineEnumAttr({
  dialect: "linalg",
  name: "UnaryFn",
  mnemonic: "unary_fn",
  description: "allowed 32-bit signless integer cases: 0, 1, 2, 3, 4, 5",
  syntax: "angle",
  cases: { exp: 0, log: 1, abs: 2, ceil: 3, floor: 4, negf: 5 },
});
export type UnaryFn = (typeof UnaryFnAttr.cases)[number];

/** The binary functions of OpDSL (elemwise_binary's `fun`, and the fixed payloads of the named ops). */
export const BinaryFnAttr = defineEnumAttr({
  dialect: "linalg",
  name: "BinaryFn",
  mnemonic: "binary_fn",
  description: "allowed 32-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6",
  syntax: "angle",
  cases: { add: 0, sub: 1, mul: 2, max_signed: 3, min_signed: 4, max_unsigned: 5, min_unsigned: 6 },
});
export type BinaryFn = (typeof BinaryFnAttr.cases)[number];

/** The type conversion functions of OpDSL (the `cast` attribute of named ops). */
export const TypeFnAttr = defineEnumAttr({
  dialect: "linalg",
  name: "TypeFn",
  mnemonic: "type_fn",
  description: "allowed 32-bit signless integer cases: 0, 1",
  syntax: "angle",
  cases: { cast_signed: 0, cast_unsigned: 1 },
});
export type TypeFn = (typeof TypeFnAttr.cases)[number];

/** `[#linalg.iterator_type<parallel>, ...]`: ODS's IteratorTypeArrayAttr. */
export const IteratorTypeArrayAttr: AttrConstraint<ArrayAttr> = {
  description: "Iterator type should be an enum.",
  test: (a: Attribute): a is ArrayAttr => a instanceof ArrayAttr && a.elements.every((e) => e instanceof IteratorTypeAttr),
};

/** The attribute array for a list of iterator types. */
export const iteratorTypesAttr = (types: readonly IteratorType[]): ArrayAttr => ArrayAttr.get(types.map((t) => IteratorTypeAttr.get(t)));

/** The iterator types an `iterator_types` attribute holds (undefined when it is not an array of them). */
export function iteratorTypesOf(a: Attribute | undefined): IteratorType[] | undefined {
  if (!(a instanceof ArrayAttr)) return undefined;
  const out: IteratorType[] = [];
  for (const e of a.elements) {
    if (!(e instanceof IteratorTypeAttr)) return undefined;
    out.push((e as IteratorTypeAttr).value);
  }
  return out;
}

/** Every linalg attribute class, for the dialect's attribute parser. */
export const linalgAttributes = [IteratorTypeAttr, UnaryFnAttr, BinaryFnAttr, TypeFnAttr];
