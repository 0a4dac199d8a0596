/** The tensor dialect (MLIR 16's TensorOps.td): creating, slicing, reshaping and padding tensors, with value semantics. */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import { TypedAttr, typeOfAttr } from "../../src/irdl/constraints.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { ConstantOp } from "../arith/ops-constant.ts";
import { tensorInterpretations } from "./interp.ts";
import {
  CastOp,
  DimOp,
  EmptyOp,
  ExtractOp,
  FromElementsOp,
  GatherOp,
  GenerateOp,
  InsertOp,
  RankOp,
  ReshapeOp,
  ScatterOp,
  SplatOp,
  YieldOp,
} from "./ops.ts";
import { PackOp, PadOp, UnPackOp } from "./pad-ops.ts";
import { CollapseShapeOp, ExpandShapeOp } from "./reshape-ops.ts";
import { ExtractSliceOp, InsertSliceOp, ParallelInsertSliceOp } from "./slice-ops.ts";

export * from "./build.ts";
export * from "./ops.ts";
export * from "./pad-ops.ts";
export * from "./reshape-ops.ts";
export * from "./slice-ops.ts";

/** Every tensor op class, in MLIR 16's TensorOps.td order. */
export const tensorOps = [
  CastOp,
  DimOp,
  EmptyOp,
  ExtractOp,
  ExtractSliceOp,
  FromElementsOp,
  GatherOp,
  GenerateOp,
  InsertOp,
  InsertSliceOp,
  RankOp,
  ReshapeOp,
  ExpandShapeOp,
  CollapseShapeOp,
  PadOp,
  ParallelInsertSliceOp,
  ScatterOp,
  SplatOp,
  PackOp,
  UnPackOp,
  YieldOp,
] as const;

/** A union of every tensor op instance type, for exhaustive `switch (op.name)`. */
export type TensorOp = InstanceType<(typeof tensorOps)[number]>;

/** Folded tensor constants are `arith.constant`s, as MLIR's TensorDialect::materializeConstant builds them. */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!TypedAttr.test(value) || typeOfAttr(value) !== type) return undefined;
  return b.withLoc(loc, () => b.create(ConstantOp, { value }));
}

export const tensor = defineDialect({ name: "tensor", ops: tensorOps, materializeConstant, interpreter: tensorInterpretations });
