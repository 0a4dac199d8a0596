/**
 * The linalg dialect (MLIR 16): structured ops on tensors and memrefs. `linalg.generic` and the ops with short
 * forms (map, reduce, transpose, broadcast), every named op of MLIR 16's OpDSL table (matmul, convolutions,
 * poolings, fill, ...), the payload ops (index, yield) and the `#linalg.*` attributes.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { TypedAttr, typeOfAttr } from "../../src/irdl/constraints.ts";
import { ConstantOp } from "../arith/ops-constant.ts";
import { linalgAttributes } from "./attrs.ts";
import { IndexOp, YieldOp } from "./ops-core.ts";
import { BroadcastOp, GenericOp, MapOp, ReduceOp, TransposeOp } from "./ops-structured.ts";
import { namedOpClasses } from "./named-ops.ts";
import { linalgInterpretations } from "./interp.ts";

export * from "./attrs.ts";
export * from "./ops-core.ts";
export * from "./ops-structured.ts";
export * from "./named-ops.ts";
export * from "./structured-interface.ts";
export type { NamedOpDef, NamedOperand } from "./named-op-def.ts";
export { NAMED_OPS } from "./named-ops-table.ts";
export { toGeneric } from "./generalize.ts";

/** Every linalg op class: the core ops, then the named ops in the table's order. */
export const linalgOps = [GenericOp, MapOp, ReduceOp, TransposeOp, BroadcastOp, IndexOp, YieldOp, ...namedOpClasses] as const;

/** Folded linalg constants are `arith.constant`s (MLIR's LinalgDialect::materializeConstant). */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!TypedAttr.test(value) || typeOfAttr(value) !== type) return undefined;
  return b.withLoc(loc, () => b.create(ConstantOp, { value }));
}

export const linalg = defineDialect({
  name: "linalg",
  ops: linalgOps,
  attributes: linalgAttributes,
  materializeConstant,
  interpreter: linalgInterpretations,
});
export { operandTile, resultTilePosition, tiledImplementation, type TiledImplementation } from "./tiling.ts";
