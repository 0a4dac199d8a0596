/**
 * The memref dialect (MLIR 16's MemRefOps.td): buffers with a shape, a strided layout and a memory space;
 * allocating, freeing, reading and writing them, and views that alias them. Every op of MLIR 16.0.6 but
 * `memory_space_cast`, which MLIR 16 does not have (it came in 17).
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import { TypedAttr, typeOfAttr } from "../../src/irdl/constraints.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { ConstantOp } from "../arith/ops-constant.ts";
import { memrefInterpretations } from "./interp.ts";
import {
  AllocaOp,
  AllocaScopeOp,
  AllocaScopeReturnOp,
  AllocOp,
  DeallocOp,
  GetGlobalOp,
  GlobalOp,
  ReallocOp,
} from "./ops-alloc.ts";
import {
  AssumeAlignmentOp,
  AtomicRMWOp,
  AtomicYieldOp,
  CopyOp,
  DmaStartOp,
  DmaWaitOp,
  GenericAtomicRMWOp,
  LoadOp,
  PrefetchOp,
  StoreOp,
  TensorStoreOp,
} from "./ops-access.ts";
import {
  CastOp,
  CollapseShapeOp,
  DimOp,
  ExpandShapeOp,
  ExtractAlignedPointerAsIndexOp,
  ExtractStridedMetadataOp,
  RankOp,
  ReinterpretCastOp,
  ReshapeOp,
  SubViewOp,
  TransposeOp,
  ViewOp,
} from "./ops-view.ts";

export * from "./layout.ts";
export * from "./ops-access.ts";
export * from "./ops-alloc.ts";
export * from "./ops-view.ts";
export * from "./view-types.ts";

/** Every memref op class, in MLIR's alphabetical order of mnemonics. */
export const memrefOps = [
  AllocOp,
  AllocaOp,
  AllocaScopeOp,
  AllocaScopeReturnOp,
  AssumeAlignmentOp,
  AtomicRMWOp,
  AtomicYieldOp,
  CastOp,
  CollapseShapeOp,
  CopyOp,
  DeallocOp,
  DimOp,
  DmaStartOp,
  DmaWaitOp,
  ExpandShapeOp,
  ExtractAlignedPointerAsIndexOp,
  ExtractStridedMetadataOp,
  GenericAtomicRMWOp,
  GetGlobalOp,
  GlobalOp,
  LoadOp,
  PrefetchOp,
  RankOp,
  ReallocOp,
  ReinterpretCastOp,
  ReshapeOp,
  StoreOp,
  SubViewOp,
  TensorStoreOp,
  TransposeOp,
  ViewOp,
] as const;

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type MemRefOp = InstanceType<(typeof memrefOps)[number]>;

/** Folded memref constants (dims, ranks) are `arith.constant`s, as MLIR's MemRefDialect::materializeConstant builds them. */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!TypedAttr.test(value) || typeOfAttr(value) !== type) return undefined;
  return b.withLoc(loc, () => b.create(ConstantOp, { value }));
}

export const memref = defineDialect({ name: "memref", ops: memrefOps, materializeConstant, interpreter: memrefInterpretations });
