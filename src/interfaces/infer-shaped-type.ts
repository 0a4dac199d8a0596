/**
 * InferShapedTypeOpInterface (MLIR 16's InferShapedTypeOpInterface, `inferReturnTypeComponents`): an op kind
 * whose result *shapes* follow from its operands, attributes and regions, and maybe their element types.
 * Unlike InferTypeOpInterface (infer-type.ts) it does not make the verifier compare the result types with the
 * inferred ones (MLIR 16 does not either); builders and shape-refining passes ask it:
 *
 *   tosa.add (2x1x3, 4x1)         -> { shape: [2, 4, 3] }                   element type: the builder's choice
 *   tosa.equal (2x3, 2x3)          -> { shape: [2, 3], elementType: i1 }     the op fixes the element type
 *
 * A component without a shape is an unranked tensor; DYNAMIC dims are `?`. The method is static (there is no
 * op yet when a builder asks): `InferShapedTypeOpInterface.ofKind(info)`, or `inferReturnTypeComponents(info, ...)`.
 */
import type { Attribute } from "../ir/attributes.ts";
import { defineInterface, implement, type InterfaceImpl } from "../ir/interfaces.ts";
import type { OpInfo, Region } from "../ir/operation.ts";
import { RankedTensorType, type Type, UnrankedTensorType } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";

/** What shape inference knows of one result: its shape (undefined: unranked) and maybe its element type. */
export interface ShapedComponents {
  readonly shape: readonly number[] | undefined;
  readonly elementType?: Type | undefined;
}

export interface InferShapedTypeMethods {
  /** The shapes of the results of an op of this kind with these operands, attributes, regions; undefined on failure. */
  inferReturnTypeComponents(
    operands: readonly Value[],
    attributes: ReadonlyMap<string, Attribute>,
    regions: readonly Region[],
  ): readonly ShapedComponents[] | undefined;
}

export const InferShapedTypeOpInterface = defineInterface<InferShapedTypeMethods, never, "inferReturnTypeComponents">(
  "InferShapedTypeOpInterface",
  { description: "an op kind whose result shapes follow from its operands, attributes and regions", statics: ["inferReturnTypeComponents"] },
);

/** defineOp's `interfaces` entry for an op kind whose shapes `infer` gives. */
export const inferShapesWith = (infer: InferShapedTypeMethods["inferReturnTypeComponents"]): InterfaceImpl =>
  implement(InferShapedTypeOpInterface, { inferReturnTypeComponents: infer });

/** The shape components op kind `info` infers, or undefined when it does not implement the interface or fails. */
export function inferReturnTypeComponents(
  info: OpInfo | undefined,
  operands: readonly Value[],
  attributes: ReadonlyMap<string, Attribute>,
  regions: readonly Region[] = [],
): readonly ShapedComponents[] | undefined {
  return InferShapedTypeOpInterface.ofKind(info)?.inferReturnTypeComponents(operands, attributes, regions);
}

/** The tensor type of inferred components, with `elementType` where they give none. */
export function componentsTensorType(c: ShapedComponents, elementType: Type): RankedTensorType | UnrankedTensorType {
  const e = c.elementType ?? elementType;
  return c.shape === undefined ? UnrankedTensorType.get(e) : RankedTensorType.get(c.shape, e);
}
