/**
 * The TOSA dialect (MLIR 16's Tensor Operator Set Architecture): whole-tensor operators of neural networks,
 * with value semantics. Every op prints in MLIR's generic form, as MLIR 16 prints them. Shapes are inferred
 * by InferShapedTypeOpInterface (src/interfaces/infer-shaped-type.ts; the per-op rules in infer-shape.ts); build.ts builds ops with inferred result types.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import { DenseElementsAttr, DenseResourceElementsAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { RankedTensorType, type Type } from "../../src/ir/types.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { tosaAttributes } from "./attrs.ts";
import { tosaInterpretations } from "./interp.ts";
import { ConstOp, tosaOps } from "./ops.ts";

export * from "./attrs.ts";
export * from "./build.ts";
export { InferShapedTypeOpInterface, inferReturnTypeComponents, type ShapedComponents } from "../../src/interfaces/infer-shaped-type.ts";
export { broadcastShapes } from "./infer-shape.ts";
export * from "./ops.ts";
export * from "./types.ts";

/** Folded TOSA values are `tosa.const`s of elements attributes (MLIR's TosaDialect::materializeConstant). */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!(value instanceof DenseElementsAttr || value instanceof DenseResourceElementsAttr)) return undefined;
  if (!(type instanceof RankedTensorType)) return undefined;
  return b.withLoc(loc, () => b.create(ConstOp, { value, output: type }));
}

export const tosa = defineDialect({ name: "tosa", ops: tosaOps, attributes: tosaAttributes, materializeConstant, interpreter: tosaInterpretations });
