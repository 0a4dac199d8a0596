/**
 * The vector dialect (MLIR 16): n-D vectors and the ops that build, reshape, compute with, mask and move them
 * to and from memrefs and tensors. `vector` is the DialectInfo to load into a Context.
 *
 * Ops are grouped by file: ops-shape.ts (broadcast, extract/insert, shuffles, slices, casts, transpose),
 * ops-compute.ts (contract, reductions, outer product, scan, matrix intrinsics), ops-transfer.ts
 * (transfer_read/write), ops-memory.ts (load/store, masked, gather/scatter, expand/compress, type_cast) and
 * ops-control.ts (masks, vector.mask, warp_execute_on_lane_0, yield, print, vscale).
 */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { arith } from "../arith/index.ts";
import { CombiningKindAttr, IteratorTypeAttr } from "./attrs.ts";
import { vectorInterpretations } from "./interp.ts";
import { ContractionOp, FlatTransposeOp, MatmulOp, MultiDimReductionOp, OuterProductOp, ReductionOp, ScanOp } from "./ops-compute.ts";
import { ConstantMaskOp, CreateMaskOp, MaskOp, PrintOp, VectorScaleOp, WarpExecuteOnLane0Op, YieldOp } from "./ops-control.ts";
import {
  CompressStoreOp,
  ExpandLoadOp,
  GatherOp,
  LoadOp,
  MaskedLoadOp,
  MaskedStoreOp,
  ScatterOp,
  StoreOp,
  TypeCastOp,
} from "./ops-memory.ts";
import {
  BitCastOp,
  BroadcastOp,
  ExtractElementOp,
  ExtractOp,
  ExtractStridedSliceOp,
  FMAOp,
  InsertElementOp,
  InsertOp,
  InsertStridedSliceOp,
  ReshapeOp,
  ScalableExtractOp,
  ScalableInsertOp,
  ShapeCastOp,
  ShuffleOp,
  SplatOp,
  TransposeOp,
} from "./ops-shape.ts";
import { TransferReadOp, TransferWriteOp } from "./ops-transfer.ts";

export * from "./attrs.ts";
export * from "./constraints.ts";
export * from "./maskable.ts";
export * from "./ops-compute.ts";
export * from "./ops-control.ts";
export * from "./ops-memory.ts";
export * from "./ops-shape.ts";
export * from "./ops-transfer.ts";

/** Every vector op class, in MLIR 16's VectorOps.td order. */
export const vectorOps = [
  ContractionOp,
  ReductionOp,
  MultiDimReductionOp,
  BroadcastOp,
  ShuffleOp,
  ExtractElementOp,
  ExtractOp,
  FMAOp,
  InsertElementOp,
  InsertOp,
  ScalableInsertOp,
  ScalableExtractOp,
  InsertStridedSliceOp,
  OuterProductOp,
  ReshapeOp,
  ExtractStridedSliceOp,
  TransferReadOp,
  TransferWriteOp,
  LoadOp,
  StoreOp,
  MaskedLoadOp,
  MaskedStoreOp,
  GatherOp,
  ScatterOp,
  ExpandLoadOp,
  CompressStoreOp,
  ShapeCastOp,
  BitCastOp,
  TypeCastOp,
  ConstantMaskOp,
  CreateMaskOp,
  MaskOp,
  TransposeOp,
  PrintOp,
  MatmulOp,
  FlatTransposeOp,
  SplatOp,
  VectorScaleOp,
  ScanOp,
  YieldOp,
  WarpExecuteOnLane0Op,
] as const;

/** A union of every vector op instance type, for exhaustive `switch (op.name)`. */
export type VectorOp = InstanceType<(typeof vectorOps)[number]>;

export const vector = defineDialect({
  name: "vector",
  ops: vectorOps,
  attributes: [CombiningKindAttr, IteratorTypeAttr],
  interpreter: vectorInterpretations,
  // MLIR's VectorDialect::materializeConstant builds arith.constant, as arith's does.
  ...(arith.materializeConstant === undefined ? {} : { materializeConstant: arith.materializeConstant }),
});
