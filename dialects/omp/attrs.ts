/**
 * The omp dialect's attributes (MLIR 16's OmpCommon.td, generated from LLVM's OMP.td, and OpenMPOps.td): enum
 * attributes spelled `#omp<schedulekind static>` in generic form and by their keyword inside a clause
 * (`schedule(static)`, `proc_bind(spread)`), except `#omp<clause_depend(dependsink)>`.
 */
import { defineEnumAttr } from "../../src/irdl/enums.ts";

/** `schedule(...)` of `omp.wsloop`: how iterations are divided among threads. */
export const ScheduleKindAttr = defineEnumAttr({
  dialect: "omp",
  name: "ClauseScheduleKind",
  mnemonic: "schedulekind",
  description: "ScheduleKind Clause",
  cases: { static: 0, dynamic: 1, guided: 2, auto: 3, runtime: 4 },
});
/** The first modifier of a schedule clause. */
export const ScheduleModifierAttr = defineEnumAttr({
  dialect: "omp",
  name: "ScheduleModifier",
  mnemonic: "sched_mod",
  description: "OpenMP Schedule Modifier",
  cases: { none: 0, monotonic: 1, nonmonotonic: 2, simd: 3 },
});
/** `proc_bind(...)` of `omp.parallel`: where its threads run. */
export const ProcBindKindAttr = defineEnumAttr({
  dialect: "omp",
  name: "ClauseProcBindKind",
  mnemonic: "procbindkind",
  description: "ProcBindKind Clause",
  cases: { primary: 0, master: 1, close: 2, spread: 3 },
});
/** `order(concurrent)` of loops. */
export const OrderKindAttr = defineEnumAttr({
  dialect: "omp",
  name: "ClauseOrderKind",
  mnemonic: "orderkind",
  description: "OrderKind Clause",
  cases: { concurrent: 1 },
});
/** `memory_order(...)` of atomics. */
export const MemoryOrderKindAttr = defineEnumAttr({
  dialect: "omp",
  name: "ClauseMemoryOrderKind",
  mnemonic: "memoryorderkind",
  description: "MemoryOrderKind Clause",
  cases: { seq_cst: 0, acq_rel: 1, acquire: 2, release: 3, relaxed: 4 },
});
/** The construct `omp.cancel` / `omp.cancellationpoint` refer to. */
export const CancellationConstructTypeAttr = defineEnumAttr({
  dialect: "omp",
  name: "ClauseCancellationConstructType",
  mnemonic: "cancellationconstructtype",
  description: "CancellationConstructType Clause",
  cases: { parallel: 0, loop: 1, sections: 2, taskgroup: 3 },
});
/** `depend_type(...)` of `omp.ordered`: `#omp<clause_depend(dependsink)>`. */
export const ClauseDependAttr = defineEnumAttr({
  dialect: "omp",
  name: "ClauseDepend",
  mnemonic: "clause_depend",
  description: "depend clause",
  syntax: "paren",
  cases: { dependsource: 0, dependsink: 1 },
});

/** Every attribute class of the dialect, for the parser. */
export const ompAttributes = [
  ScheduleKindAttr,
  ScheduleModifierAttr,
  ProcBindKindAttr,
  OrderKindAttr,
  MemoryOrderKindAttr,
  CancellationConstructTypeAttr,
  ClauseDependAttr,
] as const;
