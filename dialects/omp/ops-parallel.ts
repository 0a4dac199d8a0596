/**
 * The omp ops that create and share out work on a CPU (MLIR 16's OpenMPOps.td): parallel regions, worksharing
 * and simd loops, single/master/critical/ordered regions, tasks, and the standalone synchronisation directives.
 *
 *   omp.parallel   num_threads(%n : i32) proc_bind(spread) {
 *     omp.wsloop   schedule(static) reduction(@add_f32 -> %acc : memref<f32>) for  (%i) : index = (%lb) to (%ub) step (%s) {
 *       ...
 *       omp.yield
 *     }
 *     omp.barrier
 *     omp.terminator
 *   }
 *
 * (MLIR 16's oilist prints two spaces where its clauses begin, hence `omp.parallel   {`.)
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { ArrayAttr, type Attribute, SymbolRefAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, HasParent, Pure, RecursiveMemoryEffects, ReturnLike, Terminator } from "../../src/ir/traits.ts";
import { i32, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyType, Bool, typeIs, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { optional, optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import { lookupNearestSymbol } from "../../src/ir/symbol-table.ts";
import { effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import { OrderKindAttr, ProcBindKindAttr, ScheduleKindAttr, ScheduleModifierAttr } from "./attrs.ts";
import {
  AllocateAndAllocator,
  clauseAttr,
  LinearClause,
  LoopControl,
  ReductionVarList,
  ScheduleClause,
  AlignedClause,
} from "./clauses.ts";
import { I64ArrayAttr, IntLike, NonNegativeI64, pointeeType, PointerLike, PositiveI64, SymbolRefArrayAttr } from "./constraints.ts";

const I32: ReturnType<typeof typeIs<typeof i32>> = typeIs(i32, "32-bit signless integer");
const ProcBindClause = clauseAttr((p) => ProcBindKindAttr.parseStripped(p));
const OrderClause = clauseAttr((p) => OrderKindAttr.parseStripped(p));

const ALLOCATE_CLAUSE =
  "`allocate` `(` custom<AllocateAndAllocator>($allocate_vars, type($allocate_vars), $allocators_vars, type($allocators_vars)) `)`";
const reductionClause = (keyword: string, vars: string, syms: string): string =>
  `\`${keyword}\` \`(\` custom<ReductionVarList>($${vars}, type($${vars}), $${syms}) \`)\``;
const LOOP_CONTROL = "`for` custom<LoopControl>($region, $lowerBound, $upperBound, $step, type($step), $inclusive) attr-dict";

/** A `memref.alloca`-like scope's effects: none of its own (what its body does counts, RecursiveMemoryEffects). */

// ---- shared verification ---------------------------------------------------------------------------------------

/** MLIR's allocate-clause check. */
function allocateError(op: Operation & { allocate_vars: readonly Value[]; allocators_vars: readonly Value[] }): Diagnostic | undefined {
  if (op.allocate_vars.length === op.allocators_vars.length) return undefined;
  return opEmitError(op, "expected equal sizes for allocate and allocator variables");
}

/** The reduction declaration `ref` names, looked up from `op` outwards (an `omp.reduction.declare`). */
export function lookupReductionDeclare(op: Operation, ref: SymbolRefAttr): Operation | undefined {
  const found = lookupNearestSymbol(op, ref);
  return found?.name === "omp.reduction.declare" ? found : undefined;
}

/** The accumulator type of a reduction declaration: the first argument of its atomic region, if it has one. */
export function accumulatorType(decl: Operation): Type | undefined {
  return decl.regions[2]?.entry?.args[0]?.type;
}

/** MLIR's verifyReductionVarList: one declaration per accumulator, each distinct, declared and of the right type. */
export function reductionListError(op: Operation, symbols: Attribute | undefined, vars: readonly Value[]): Diagnostic | undefined {
  const syms = symbols instanceof ArrayAttr ? symbols.elements : undefined;
  if (vars.length === 0) return syms === undefined ? undefined : opError(op, "unexpected reduction symbol references");
  if (syms === undefined || syms.length !== vars.length) return opError(op, "expected as many reduction symbol references as reduction variables");
  const seen = new Set<Value>();
  for (const [i, v] of vars.entries()) {
    if (seen.has(v)) return opError(op, "accumulator variable used more than once");
    seen.add(v);
    const ref = syms[i];
    const decl = ref instanceof SymbolRefAttr ? lookupReductionDeclare(op, ref) : undefined;
    if (decl === undefined) return opError(op, `expected symbol reference ${ref === undefined ? "" : printSymbolRef(ref)} to point to a reduction declaration`);
    const acc = accumulatorType(decl);
    if (acc !== undefined && acc !== v.type) {
      return opError(op, `expected accumulator (${quotedType(v.type)}) to be the same type as reduction declaration (${quotedType(acc)})`);
    }
  }
  return undefined;
}

const printSymbolRef = (a: Attribute): string => (a instanceof SymbolRefAttr ? `@${[a.root, ...a.nested].join("::@")}` : "");

// ---- parallel --------------------------------------------------------------------------------------------------

/** `omp.parallel`: its region runs on a team of threads (serially, in Tensile's interpreter). */
export const ParallelOp = defineOp(
  {
    name: "omp.parallel",
    summary: "parallel construct",
    operands: {
      if_expr_var: optional(Bool),
      num_threads_var: optional(IntLike),
      allocate_vars: variadic(AnyType),
      allocators_vars: variadic(AnyType),
      reduction_vars: variadic(PointerLike),
    },
    attributes: { reductions: optionalAttr(SymbolRefArrayAttr), proc_bind_val: optionalAttr(ProcBindKindAttr.constraint) },
    regions: { region: region() },
    traits: [AutomaticAllocationScope, RecursiveMemoryEffects],
    customDirectives: { ReductionVarList, AllocateAndAllocator, ProcBindClause },
    format:
      `oilist(${reductionClause("reduction", "reduction_vars", "reductions")} ` +
      "| `if` `(` $if_expr_var `:` type($if_expr_var) `)` | `num_threads` `(` $num_threads_var `:` type($num_threads_var) `)` " +
      `| ${ALLOCATE_CLAUSE} | \`proc_bind\` \`(\` custom<ProcBindClause>($proc_bind_val) \`)\`) $region attr-dict`,
  },
  { verify: (op) => allocateError(op) ?? reductionListError(op, op.reductions, op.reduction_vars) },
);
export type ParallelOp = InstanceType<typeof ParallelOp>;

/** `omp.terminator`: ends a region of an omp construct. */
export const TerminatorOp = defineOp({
  name: "omp.terminator",
  summary: "terminator for OpenMP regions",
  traits: [Terminator, Pure],
  format: "attr-dict",
});
export type TerminatorOp = InstanceType<typeof TerminatorOp>;

// ---- loops -----------------------------------------------------------------------------------------------------

const loopBounds = { lowerBound: variadic(IntLike), upperBound: variadic(IntLike), step: variadic(IntLike) } as const;

/** `omp.wsloop`: a loop nest whose iterations the team's threads share out. */
export const WsLoopOp = defineOp(
  {
    name: "omp.wsloop",
    summary: "worksharing-loop construct",
    operands: {
      ...loopBounds,
      linear_vars: variadic(AnyType),
      linear_step_vars: variadic(I32),
      reduction_vars: variadic(PointerLike),
      schedule_chunk_var: optional(AnyType),
    },
    attributes: {
      reductions: optionalAttr(SymbolRefArrayAttr),
      schedule_val: optionalAttr(ScheduleKindAttr.constraint),
      schedule_modifier: optionalAttr(ScheduleModifierAttr.constraint),
      simd_modifier: optionalAttr(UnitAttrC),
      nowait: optionalAttr(UnitAttrC),
      ordered_val: optionalAttr(NonNegativeI64),
      order_val: optionalAttr(OrderKindAttr.constraint),
      inclusive: optionalAttr(UnitAttrC),
    },
    regions: { region: region() },
    traits: [RecursiveMemoryEffects],
    allTypesMatch: [["lowerBound", "upperBound", "step"]],
    customDirectives: { LinearClause, ScheduleClause, OrderClause, ReductionVarList, LoopControl },
    format:
      "oilist(`linear` `(` custom<LinearClause>($linear_vars, type($linear_vars), $linear_step_vars) `)` " +
      "| `schedule` `(` custom<ScheduleClause>($schedule_val, $schedule_modifier, $simd_modifier, $schedule_chunk_var, type($schedule_chunk_var)) `)` " +
      "| `nowait` $nowait | `ordered` `(` $ordered_val `)` | `order` `(` custom<OrderClause>($order_val) `)` " +
      `| ${reductionClause("reduction", "reduction_vars", "reductions")}) ${LOOP_CONTROL}`,
  },
  { verify: (op) => reductionListError(op, op.reductions, op.reduction_vars) },
);
export type WsLoopOp = InstanceType<typeof WsLoopOp>;

/** `omp.simdloop`: a loop nest whose iterations may run in SIMD lanes. */
export const SimdLoopOp = defineOp(
  {
    name: "omp.simdloop",
    summary: "simd loop construct",
    operands: { ...loopBounds, aligned_vars: variadic(PointerLike), if_expr: optional(Bool), nontemporal_vars: variadic(PointerLike) },
    attributes: {
      alignment_values: optionalAttr(I64ArrayAttr),
      order_val: optionalAttr(OrderKindAttr.constraint),
      simdlen: optionalAttr(PositiveI64),
      safelen: optionalAttr(PositiveI64),
      inclusive: optionalAttr(UnitAttrC),
    },
    regions: { region: region() },
    allTypesMatch: [["lowerBound", "upperBound", "step"]],
    customDirectives: { AlignedClause, OrderClause, LoopControl },
    format:
      "oilist(`aligned` `(` custom<AlignedClause>($aligned_vars, type($aligned_vars), $alignment_values) `)` | `if` `(` $if_expr `)` " +
      "| `nontemporal` `(` $nontemporal_vars `:` type($nontemporal_vars) `)` | `order` `(` custom<OrderClause>($order_val) `)` " +
      `| \`simdlen\` \`(\` $simdlen \`)\` | \`safelen\` \`(\` $safelen \`)\`) ${LOOP_CONTROL}`,
  },
  {
    verify: (op) => {
      if (op.lowerBound.length === 0) return opError(op, "empty lowerbound for simd loop operation");
      const simdlen = op.simdlen?.value;
      const safelen = op.safelen?.value;
      if (simdlen !== undefined && safelen !== undefined && simdlen > safelen) {
        return opError(op, "simdlen clause and safelen clause are both present, but the simdlen value is not less than or equal to safelen value");
      }
      const aligned = op.aligned_vars;
      const alignments = op.alignment_values?.elements;
      if (aligned.length > 0) {
        if (alignments === undefined || alignments.length !== aligned.length) return opError(op, "expected as many alignment values as aligned variables");
        if (new Set(aligned).size !== aligned.length) return opError(op, "aligned variable used more than once");
        if (alignments.some((a) => "value" in a && typeof a.value === "bigint" && a.value <= 0n)) return opError(op, "alignment should be greater than 0");
      } else if (alignments !== undefined) return opError(op, "unexpected alignment values attribute");
      if (new Set(op.nontemporal_vars).size !== op.nontemporal_vars.length) return opError(op, "nontemporal variable used more than once");
      return undefined;
    },
  },
);
export type SimdLoopOp = InstanceType<typeof SimdLoopOp>;

/** `omp.yield`: ends a loop body, a reduction region or an atomic update, yielding values. */
export const YieldOp = defineOp({
  name: "omp.yield",
  summary: "loop yield and termination operation",
  operands: { values: variadic(AnyType) },
  // HasParent first: MLIR reports a misplaced yield by its parent before its place in the block.
  traits: [HasParent("omp.wsloop", "omp.reduction.declare", "omp.atomic.update", "omp.simdloop"), Pure, ReturnLike, Terminator],
  format: "( `(` $values^ `:` type($values) `)` )? attr-dict",
});
export type YieldOp = InstanceType<typeof YieldOp>;

// ---- regions run by one thread, or in order --------------------------------------------------------------------

/** `omp.single`: its region runs on one thread of the team. */
export const SingleOp = defineOp(
  {
    name: "omp.single",
    summary: "single directive",
    operands: { allocate_vars: variadic(AnyType), allocators_vars: variadic(AnyType) },
    attributes: { nowait: optionalAttr(UnitAttrC) },
    regions: { region: region() },
    customDirectives: { AllocateAndAllocator },
    format: `oilist(${ALLOCATE_CLAUSE} | \`nowait\` $nowait) $region attr-dict`,
  },
  { verify: allocateError },
);
export type SingleOp = InstanceType<typeof SingleOp>;

/** `omp.master`: its region runs on the team's primary thread only. */
export const MasterOp = defineOp({
  name: "omp.master",
  summary: "master construct",
  regions: { region: region() },
  format: "$region attr-dict",
});
export type MasterOp = InstanceType<typeof MasterOp>;

/** `omp.barrier`: every thread of the team waits here for the others. */
export const BarrierOp = defineOp({ name: "omp.barrier", summary: "barrier construct", format: "attr-dict" });
export type BarrierOp = InstanceType<typeof BarrierOp>;

/** `omp.taskwait`: waits for the current task's child tasks. */
export const TaskwaitOp = defineOp({ name: "omp.taskwait", summary: "taskwait construct", format: "attr-dict" });
export type TaskwaitOp = InstanceType<typeof TaskwaitOp>;

/** `omp.taskyield`: the current task may be suspended in favour of another. */
export const TaskyieldOp = defineOp({ name: "omp.taskyield", summary: "taskyield construct", format: "attr-dict" });
export type TaskyieldOp = InstanceType<typeof TaskyieldOp>;

/** `omp.flush(%a : memref<f32>)`: makes the thread's view of the variables (or of all memory) consistent. */
export const FlushOp = defineOp(
  {
    name: "omp.flush",
    summary: "flush construct",
    operands: { varList: variadic(PointerLike) },
    format: "( `(` $varList^ `:` type($varList) `)` )? attr-dict",
  },
  {
    interfaces: [
      implement(MemoryEffectOpInterface, {
        getEffects: (op) => (op.varList.length === 0 ? [effect("read"), effect("write")] : op.varList.flatMap((v) => [effect("read", v), effect("write", v)])),
      }),
    ],
  },
);
export type FlushOp = InstanceType<typeof FlushOp>;

// ---- tasks -----------------------------------------------------------------------------------------------------

/** `omp.task`: its region is a task, run now or later by some thread of the team. */
export const TaskOp = defineOp(
  {
    name: "omp.task",
    summary: "task construct",
    operands: {
      if_expr: optional(Bool),
      final_expr: optional(Bool),
      in_reduction_vars: variadic(PointerLike),
      priority: optional(I32),
      allocate_vars: variadic(AnyType),
      allocators_vars: variadic(AnyType),
    },
    attributes: { untied: optionalAttr(UnitAttrC), mergeable: optionalAttr(UnitAttrC), in_reductions: optionalAttr(SymbolRefArrayAttr) },
    regions: { region: region() },
    traits: [AutomaticAllocationScope],
    customDirectives: { ReductionVarList, AllocateAndAllocator },
    format:
      "oilist(`if` `(` $if_expr `)` | `final` `(` $final_expr `)` | `untied` $untied | `mergeable` $mergeable " +
      `| ${reductionClause("in_reduction", "in_reduction_vars", "in_reductions")} | \`priority\` \`(\` $priority \`)\` | ${ALLOCATE_CLAUSE}) $region attr-dict`,
  },
  { verify: (op) => reductionListError(op, op.in_reductions, op.in_reduction_vars) },
);
export type TaskOp = InstanceType<typeof TaskOp>;

/** `omp.taskloop`: a loop nest whose iterations are split into tasks. */
export const TaskLoopOp = defineOp(
  {
    name: "omp.taskloop",
    summary: "taskloop construct",
    operands: {
      ...loopBounds,
      if_expr: optional(Bool),
      final_expr: optional(Bool),
      in_reduction_vars: variadic(PointerLike),
      reduction_vars: variadic(PointerLike),
      priority: optional(IntLike),
      allocate_vars: variadic(AnyType),
      allocators_vars: variadic(AnyType),
      grain_size: optional(IntLike),
      num_tasks: optional(IntLike),
    },
    attributes: {
      inclusive: optionalAttr(UnitAttrC),
      untied: optionalAttr(UnitAttrC),
      mergeable: optionalAttr(UnitAttrC),
      in_reductions: optionalAttr(SymbolRefArrayAttr),
      reductions: optionalAttr(SymbolRefArrayAttr),
      nogroup: optionalAttr(UnitAttrC),
    },
    regions: { region: region() },
    traits: [AutomaticAllocationScope, RecursiveMemoryEffects],
    allTypesMatch: [["lowerBound", "upperBound", "step"]],
    customDirectives: { ReductionVarList, AllocateAndAllocator, LoopControl },
    format:
      "oilist(`if` `(` $if_expr `)` | `final` `(` $final_expr `)` | `untied` $untied | `mergeable` $mergeable " +
      `| ${reductionClause("in_reduction", "in_reduction_vars", "in_reductions")} | ${reductionClause("reduction", "reduction_vars", "reductions")} ` +
      `| \`priority\` \`(\` $priority \`:\` type($priority) \`)\` | ${ALLOCATE_CLAUSE} ` +
      "| `grain_size` `(` $grain_size `:` type($grain_size) `)` | `num_tasks` `(` $num_tasks `:` type($num_tasks) `)` " +
      `| \`nogroup\` $nogroup) ${LOOP_CONTROL}`,
  },
  {
    verify: (op) => {
      const alloc = allocateError(op);
      if (alloc !== undefined) return alloc;
      const lists = reductionListError(op, op.reductions, op.reduction_vars) ?? reductionListError(op, op.in_reductions, op.in_reduction_vars);
      if (lists !== undefined) return lists;
      if (op.reduction_vars.length > 0 && op.nogroup !== undefined) {
        return opEmitError(op, "if a reduction clause is present on the taskloop directive, the nogroup clause must not be specified");
      }
      if (op.reduction_vars.some((v) => op.in_reduction_vars.includes(v))) {
        return opEmitError(op, "the same list item cannot appear in both a reduction and an in_reduction clause");
      }
      if (op.grain_size !== undefined && op.num_tasks !== undefined) {
        return opEmitError(op, "the grainsize clause and num_tasks clause are mutually exclusive and may not appear on the same taskloop directive");
      }
      return undefined;
    },
  },
);
export type TaskLoopOp = InstanceType<typeof TaskLoopOp>;

/** `omp.taskgroup`: waits, at its end, for the tasks created in it and their descendants. */
export const TaskGroupOp = defineOp(
  {
    name: "omp.taskgroup",
    summary: "taskgroup construct",
    operands: { task_reduction_vars: variadic(PointerLike), allocate_vars: variadic(AnyType), allocators_vars: variadic(AnyType) },
    attributes: { task_reductions: optionalAttr(SymbolRefArrayAttr) },
    regions: { region: region() },
    traits: [AutomaticAllocationScope],
    customDirectives: { ReductionVarList, AllocateAndAllocator },
    format: `oilist(${reductionClause("task_reduction", "task_reduction_vars", "task_reductions")} | ${ALLOCATE_CLAUSE}) $region attr-dict`,
  },
  { verify: (op) => reductionListError(op, op.task_reductions, op.task_reduction_vars) },
);
export type TaskGroupOp = InstanceType<typeof TaskGroupOp>;

export { pointeeType };
