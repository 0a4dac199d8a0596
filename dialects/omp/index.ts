/**
 * The omp dialect (MLIR 16's OpenMPOps.td): the OpenMP constructs that mean something on a CPU without
 * offloading. Tensile leaves out the target/offloading ops (`omp.target`, `omp.target_data`,
 * `omp.target_enter_data`, `omp.target_exit_data`).
 */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { ompAttributes } from "./attrs.ts";
import { ompInterpretations } from "./interp.ts";
import {
  BarrierOp,
  FlushOp,
  MasterOp,
  ParallelOp,
  SimdLoopOp,
  SingleOp,
  TaskGroupOp,
  TaskLoopOp,
  TaskOp,
  TaskwaitOp,
  TaskyieldOp,
  TerminatorOp,
  WsLoopOp,
  YieldOp,
} from "./ops-parallel.ts";
import {
  AtomicCaptureOp,
  AtomicReadOp,
  AtomicUpdateOp,
  AtomicWriteOp,
  CancellationPointOp,
  CancelOp,
  CriticalDeclareOp,
  CriticalOp,
  OrderedOp,
  OrderedRegionOp,
  ReductionDeclareOp,
  ReductionOp,
  SectionOp,
  SectionsOp,
  ThreadprivateOp,
} from "./ops-sync.ts";

export * from "./attrs.ts";
export * from "./ops-parallel.ts";
export * from "./ops-sync.ts";

/** Every omp op class Tensile defines, in MLIR's order of mnemonics. */
export const ompOps = [
  AtomicCaptureOp,
  AtomicReadOp,
  AtomicUpdateOp,
  AtomicWriteOp,
  BarrierOp,
  CancelOp,
  CancellationPointOp,
  CriticalOp,
  CriticalDeclareOp,
  FlushOp,
  MasterOp,
  OrderedOp,
  OrderedRegionOp,
  ParallelOp,
  ReductionOp,
  ReductionDeclareOp,
  SectionOp,
  SectionsOp,
  SimdLoopOp,
  SingleOp,
  TaskOp,
  TaskGroupOp,
  TaskLoopOp,
  TaskwaitOp,
  TaskyieldOp,
  TerminatorOp,
  ThreadprivateOp,
  WsLoopOp,
  YieldOp,
] as const;

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type OmpOp = InstanceType<(typeof ompOps)[number]>;

export const omp = defineDialect({ name: "omp", ops: ompOps, attributes: ompAttributes, interpreter: ompInterpretations });
