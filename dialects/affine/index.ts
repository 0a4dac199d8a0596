/**
 * The affine dialect (MLIR 16's AffineOps.td): loops, conditionals and memory accesses whose bounds,
 * conditions and subscripts are affine maps and integer sets over dims and symbols (see validity.ts for which
 * values may be which), and index arithmetic (apply, min, max, delinearize_index).
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { ConstantOp } from "../arith/index.ts";
import { AffineApplyOp, AffineDelinearizeIndexOp, AffineMaxOp, AffineMinOp } from "./apply.ts";
import { AffineForOp, AffineIfOp, AffineYieldOp } from "./for.ts";
import { affineInterpretations } from "./interp.ts";
import { AffineLoadOp, AffinePrefetchOp, AffineStoreOp, AffineVectorLoadOp, AffineVectorStoreOp } from "./memory.ts";
import { AffineDmaStartOp, AffineDmaWaitOp } from "./dma.ts";
import { AffineParallelOp } from "./parallel.ts";

export { AffineApplyOp, AffineDelinearizeIndexOp, AffineMaxOp, AffineMinOp } from "./apply.ts";
export {
  affineForBody,
  affineForInits,
  affineForIterArgs,
  AffineForOp,
  AffineIfOp,
  AffineYieldOp,
  ifCondition,
  ImplicitAffineYield,
  lowerBoundOperands,
  singleConstant,
  trivialTripCount,
  upperBoundOperands,
} from "./for.ts";
export { AffineLoadOp, AffinePrefetchOp, AffineStoreOp, AffineVectorLoadOp, AffineVectorStoreOp } from "./memory.ts";
export { affineDmaStartParts, AffineDmaStartOp, affineDmaWaitTagIndices, AffineDmaWaitOp } from "./dma.ts";
export {
  AffineParallelOp,
  boundGroups,
  groupedResults,
  parallelBody,
  parallelLowerBoundsOperands,
  parallelReductions,
  parallelSteps,
  parallelUpperBoundsOperands,
} from "./parallel.ts";
export { affineScopeOf, isValidDim, isValidSymbol } from "./validity.ts";

/** Folded index values become `arith.constant`s, as MLIR's AffineDialect::materializeConstant. */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!(value instanceof IntegerAttr) || value.type !== type) return undefined;
  return b.withLoc(loc, () => b.create(ConstantOp, { value }));
}

export const affineOps = [
  AffineApplyOp,
  AffineDelinearizeIndexOp,
  AffineDmaStartOp,
  AffineDmaWaitOp,
  AffineForOp,
  AffineIfOp,
  AffineLoadOp,
  AffineMaxOp,
  AffineMinOp,
  AffineParallelOp,
  AffinePrefetchOp,
  AffineStoreOp,
  AffineVectorLoadOp,
  AffineVectorStoreOp,
  AffineYieldOp,
] as const;

export const affine = defineDialect({ name: "affine", ops: affineOps, materializeConstant, interpreter: affineInterpretations });

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type AffineDialectOp = InstanceType<(typeof affineOps)[number]>;
