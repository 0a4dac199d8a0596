/**
 * The scf dialect (MLIR 16's SCFOps.td): structured control flow, loops and conditionals whose regions hand
 * values to each other through `scf.yield` (RegionBranchOpInterface), and parallel loops with reductions.
 */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { ForOp } from "./for.ts";
import { IfOp, IndexSwitchOp } from "./if.ts";
import { scfInterpretations } from "./interp.ts";
import { ForeachThreadOp, ParallelOp, PerformConcurrentlyOp, ReduceOp } from "./parallel.ts";
import { ConditionOp, ReduceReturnOp, YieldOp } from "./terminators.ts";
import { ExecuteRegionOp, WhileOp } from "./while.ts";

export { ForOp, forBody, ImplicitYield, inductionVar, iterArgs } from "./for.ts";
export { IfOp, IndexSwitchOp, switchRegionFor, yieldOf } from "./if.ts";
export { ForeachThreadOp, ParallelOp, PerformConcurrentlyOp, ReduceOp, reductionsOf } from "./parallel.ts";
export { ConditionOp, ReduceReturnOp, YieldOp } from "./terminators.ts";
export { conditionOf, ExecuteRegionOp, WhileOp } from "./while.ts";

export const scf = defineDialect({
  name: "scf",
  ops: [ConditionOp, ExecuteRegionOp, ForOp, ForeachThreadOp, PerformConcurrentlyOp, IfOp, IndexSwitchOp, ParallelOp, ReduceOp, ReduceReturnOp, WhileOp, YieldOp],
  interpreter: scfInterpretations,
});

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type ScfOp =
  | ConditionOp
  | ExecuteRegionOp
  | ForOp
  | ForeachThreadOp
  | PerformConcurrentlyOp
  | IfOp
  | IndexSwitchOp
  | ParallelOp
  | ReduceOp
  | ReduceReturnOp
  | WhileOp
  | YieldOp;
