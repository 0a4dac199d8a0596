/**
 * The omp ops that synchronise threads and combine their results (MLIR 16's OpenMPOps.td): critical and
 * ordered regions, atomics on a variable's address, reductions, threadprivate copies, sections and cancellation.
 *
 *   omp.critical.declare @lock   hint(contended)
 *   omp.critical(@lock) { ... omp.terminator }
 *   omp.atomic.update   %x : memref<f32> {
 *   ^bb0(%old: f32):
 *     %new = arith.addf %old, %v : f32
 *     omp.yield(%new : f32)
 *   }
 *   omp.reduction.declare @add_f32 : f32 init { ... } combiner { ... }
 *   omp.reduction %v, %acc : memref<f32>
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { IntegerAttr, SymbolRefAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import { HasParent, IsolatedFromAbove, RecursiveMemoryEffects, Symbol } from "../../src/ir/traits.ts";
import { i64 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyType, Bool, I64Attr, SymbolNameAttr, TypeAttrC, UnitAttrC } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { customDirective } from "../../src/irdl/format-directives.ts";
import { opEmitError, opError } from "../../src/irdl/op-error.ts";
import { defaultAttr, optional, optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import { effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import { type SymbolTableCollection, SymbolUserOpInterface } from "../../src/interfaces/symbol-user.ts";
import { CancellationConstructTypeAttr, ClauseDependAttr, MemoryOrderKindAttr } from "./attrs.ts";
import { AllocateAndAllocator, clauseAttr, implicitTerminatorRegion, ReductionVarList, synchronizationHintError, SynchronizationHint } from "./clauses.ts";
import { NonNegativeI64, pointeeType, PointerLike, SymbolRefArrayAttr } from "./constraints.ts";
import { ParallelOp, reductionListError, TerminatorOp, WsLoopOp, YieldOp } from "./ops-parallel.ts";

const MemoryOrderClause = clauseAttr((p) => MemoryOrderKindAttr.parseStripped(p));
const CancellationClause = clauseAttr((p) => CancellationConstructTypeAttr.parseStripped(p));
const hintOf = (a: IntegerAttr | undefined): bigint => a?.value ?? 0n;
const hintError = (op: Operation, hint: IntegerAttr | undefined): Diagnostic | undefined => {
  const message = synchronizationHintError(hintOf(hint));
  return message === undefined ? undefined : opError(op, message);
};
const HINT_CLAUSE = "`hint` `(` custom<SynchronizationHint>($hint_val) `)`";
const MEMORY_ORDER_CLAUSE = "`memory_order` `(` custom<MemoryOrderClause>($memory_order_val) `)`";

// ---- critical --------------------------------------------------------------------------------------------------

/** `omp.critical.declare @name hint(...)`: a named lock for `omp.critical`. */
export const CriticalDeclareOp = defineOp(
  {
    name: "omp.critical.declare",
    summary: "declares a named critical section.",
    attributes: { sym_name: SymbolNameAttr, hint_val: defaultAttr(I64Attr, () => IntegerAttr.get(i64, 0)) },
    traits: [Symbol],
    customDirectives: { SynchronizationHint },
    format: `$sym_name oilist(${HINT_CLAUSE}) attr-dict`,
  },
  { verify: (op) => hintError(op, op.hint_val) },
);
export type CriticalDeclareOp = InstanceType<typeof CriticalDeclareOp>;

/** The `name` of an `omp.critical` (its attribute is `name`, which an op's own `name` shadows in a spec). */
export function criticalName(op: Operation): SymbolRefAttr | undefined {
  const a = op.attr("name");
  return a instanceof SymbolRefAttr && a.isFlat ? a : undefined;
}

function verifyCriticalUse(op: Operation, symbols: SymbolTableCollection): Diagnostic | undefined {
  const name = criticalName(op);
  if (name === undefined) return undefined;
  if (symbols.lookupNearestSymbolFrom(op, name)?.name === "omp.critical.declare") return undefined;
  return opError(op, `expected symbol reference @${name.root} to point to a critical declaration`);
}

/**
 * `omp.critical(@name) { ... }`: its region runs on one thread at a time. MLIR 16's format is `(`(` $name^ `)`)?
 * $region attr-dict`; the attribute being called `name`, the syntax is written here.
 */
export const CriticalOp = defineOp(
  {
    name: "omp.critical",
    summary: "critical construct",
    regions: { region: region() },
  },
  {
    verify: (op) => {
      const a = op.attr("name");
      if (a !== undefined && criticalName(op) === undefined) return opError(op, "attribute 'name' failed to satisfy constraint: flat symbol reference attribute");
      return undefined;
    },
    asm: {
      print(op, p) {
        const name = criticalName(op);
        if (name !== undefined) {
          p.print("(");
          p.printSymbolName(name.root);
          p.print(")");
        }
        p.print(" ");
        p.printRegion(op.region);
        p.printOptionalAttrDict(op.attributes, ["name"]);
      },
      parse(p, state) {
        if (p.parseOptionalPunct("(")) {
          state.attributes.set("name", SymbolRefAttr.get(p.parseSymbolName()));
          p.parsePunct(")");
        }
        const r = new Region();
        p.parseRegion(r);
        state.regions.push(r);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
    interfaces: [implement(SymbolUserOpInterface, { verifySymbolUses: verifyCriticalUse })],
  },
);
export type CriticalOp = InstanceType<typeof CriticalOp>;

// ---- ordered ---------------------------------------------------------------------------------------------------

/** `omp.ordered depend_type(dependsink) depend_vec(%i : index) {num_loops_val = 1 : i64}`: doacross dependences. */
export const OrderedOp = defineOp(
  {
    name: "omp.ordered",
    summary: "ordered construct without region",
    operands: { depend_vec_vars: variadic(AnyType) },
    attributes: { depend_type_val: optionalAttr(ClauseDependAttr.constraint), num_loops_val: optionalAttr(NonNegativeI64) },
    format: "( `depend_type` `` $depend_type_val^ )? ( `depend_vec` `(` $depend_vec_vars^ `:` type($depend_vec_vars) `)` )? attr-dict",
  },
  {
    verify: (op) => {
      const loop = op.parentWhere((p) => p instanceof WsLoopOp) as WsLoopOp | undefined;
      const ordered = loop?.ordered_val?.value;
      if (ordered === undefined || ordered === 0n) {
        return opError(op, "ordered depend directive must be closely nested inside a worksharing-loop with ordered clause with parameter present");
      }
      if (ordered !== (op.num_loops_val?.value ?? 0n)) {
        return opError(op, "number of variables in depend clause does not match number of iteration variables in the doacross loop");
      }
      return undefined;
    },
  },
);
export type OrderedOp = InstanceType<typeof OrderedOp>;

/** `omp.ordered_region { ... }`: its region runs in the loop's iteration order. */
export const OrderedRegionOp = defineOp(
  {
    name: "omp.ordered_region",
    summary: "ordered construct with region",
    attributes: { simd: optionalAttr(UnitAttrC) },
    regions: { region: region() },
    format: "( `simd` $simd^ )? $region attr-dict",
  },
  {
    verify: (op) => {
      // MLIR 16 rejects `simd` without a message (its code generation is not supported).
      if (op.simd !== undefined) return opError(op, "simd ordered regions are not supported");
      const loop = op.parentWhere((p) => p instanceof WsLoopOp) as WsLoopOp | undefined;
      if (loop !== undefined && (loop.ordered_val === undefined || loop.ordered_val.value !== 0n)) {
        return opError(op, "ordered region must be closely nested inside a worksharing-loop region with an ordered clause without parameter present");
      }
      return undefined;
    },
  },
);
export type OrderedRegionOp = InstanceType<typeof OrderedRegionOp>;

// ---- atomics ---------------------------------------------------------------------------------------------------

const memoryOrder = (op: { memory_order_val: { value: string } | undefined }): string | undefined => op.memory_order_val?.value;

/** `omp.atomic.read %v = %x : memref<f32>`: atomically copies the variable at `x` into `v`. */
export const AtomicReadOp = defineOp(
  {
    name: "omp.atomic.read",
    summary: "performs an atomic read",
    operands: { x: PointerLike, v: PointerLike },
    attributes: { hint_val: optionalAttr(I64Attr), memory_order_val: optionalAttr(MemoryOrderKindAttr.constraint) },
    allTypesMatch: [["x", "v"]],
    customDirectives: { MemoryOrderClause, SynchronizationHint },
    format: `$v \`=\` $x oilist(${MEMORY_ORDER_CLAUSE} | ${HINT_CLAUSE}) \`:\` type($x) attr-dict`,
  },
  {
    verify: (op) => {
      const mo = memoryOrder(op);
      if (mo === "acq_rel" || mo === "release") return opEmitError(op, "memory-order must not be acq_rel or release for atomic reads");
      if (op.x === op.v) return opEmitError(op, "read and write must not be to the same location for atomic reads");
      return hintError(op, op.hint_val);
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.x), effect("write", op.v)] })],
  },
);
export type AtomicReadOp = InstanceType<typeof AtomicReadOp>;

/** `omp.atomic.write %x = %v : memref<f32>, f32`: atomically stores `value` at `address`. */
export const AtomicWriteOp = defineOp(
  {
    name: "omp.atomic.write",
    summary: "performs an atomic write",
    operands: { address: PointerLike, value: AnyType },
    attributes: { hint_val: optionalAttr(I64Attr), memory_order_val: optionalAttr(MemoryOrderKindAttr.constraint) },
    customDirectives: { MemoryOrderClause, SynchronizationHint },
    format: `$address \`=\` $value oilist(${HINT_CLAUSE} | ${MEMORY_ORDER_CLAUSE}) \`:\` type($address) \`,\` type($value) attr-dict`,
  },
  {
    verify: (op) => {
      const mo = memoryOrder(op);
      if (mo === "acq_rel" || mo === "acquire") return opEmitError(op, "memory-order must not be acq_rel or acquire for atomic writes");
      if (pointeeType(op.address.type) !== op.value.type) return opEmitError(op, "address must dereference to value type");
      return hintError(op, op.hint_val);
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("write", op.address)] })],
  },
);
export type AtomicWriteOp = InstanceType<typeof AtomicWriteOp>;

const YieldRegion = implicitTerminatorRegion("omp.yield", () => YieldOp.build({}));
const TerminatorRegion = implicitTerminatorRegion("omp.terminator", () => TerminatorOp.build({}));

/** `omp.atomic.update %x : memref<f32> { ^bb0(%old: f32): ... omp.yield(%new : f32) }`: atomically replaces the variable. */
export const AtomicUpdateOp = defineOp(
  {
    name: "omp.atomic.update",
    summary: "performs an atomic update",
    operands: { x: PointerLike },
    attributes: { hint_val: optionalAttr(I64Attr), memory_order_val: optionalAttr(MemoryOrderKindAttr.constraint) },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [RecursiveMemoryEffects],
    customDirectives: { MemoryOrderClause, SynchronizationHint, YieldRegion },
    format: `oilist(${MEMORY_ORDER_CLAUSE} | ${HINT_CLAUSE}) $x \`:\` type($x) custom<YieldRegion>($region) attr-dict`,
  },
  {
    verify: (op) => {
      const mo = memoryOrder(op);
      if (mo === "acq_rel" || mo === "acquire") return opEmitError(op, "memory-order must not be acq_rel or acquire for atomic updates");
      const args = op.region.entry?.args ?? [];
      if (args.length !== 1) return opEmitError(op, "the region must accept exactly one argument");
      if (pointeeType(op.x.type) !== (args[0] as Value).type) {
        return opEmitError(op, "the type of the operand must be a pointer type whose element type is the same as that of the region argument");
      }
      const hint = hintError(op, op.hint_val);
      if (hint !== undefined) return hint;
      const yieldOp = op.region.entry?.operations.find((o) => o instanceof YieldOp) as YieldOp | undefined;
      if (yieldOp === undefined) return undefined;
      if (yieldOp.values.length !== 1) return opEmitError(op, "only updated value must be returned");
      if ((yieldOp.values[0] as Value).type !== (args[0] as Value).type) return opEmitError(op, "input and yielded value must have the same type");
      return undefined;
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.x), effect("write", op.x)] })],
  },
);
export type AtomicUpdateOp = InstanceType<typeof AtomicUpdateOp>;

/** `omp.atomic.capture { read; update }`: two atomic ops on one variable, done together. */
export const AtomicCaptureOp = defineOp(
  {
    name: "omp.atomic.capture",
    summary: "performs an atomic capture",
    attributes: { hint_val: optionalAttr(I64Attr), memory_order_val: optionalAttr(MemoryOrderKindAttr.constraint) },
    regions: { region: region({ maxBlocks: 1 }) },
    customDirectives: { MemoryOrderClause, SynchronizationHint, TerminatorRegion },
    format: `oilist(${MEMORY_ORDER_CLAUSE} | ${HINT_CLAUSE}) custom<TerminatorRegion>($region) attr-dict`,
  },
  {
    verify: (op) => {
      const hint = hintError(op, op.hint_val);
      if (hint !== undefined) return hint;
      const ops = op.region.entry?.operations ?? [];
      if (ops.length !== 3) return opEmitError(op, "expected three operations in omp.atomic.capture region (one terminator, and two atomic ops)");
      const [first, second] = ops as [Operation, Operation];
      const firstRead = first instanceof AtomicReadOp ? first : undefined;
      const firstUpdate = first instanceof AtomicUpdateOp ? first : undefined;
      const secondRead = second instanceof AtomicReadOp ? second : undefined;
      const secondUpdate = second instanceof AtomicUpdateOp ? second : undefined;
      const secondWrite = second instanceof AtomicWriteOp ? second : undefined;
      if (!((firstUpdate && secondRead) || (firstRead && secondUpdate) || (firstRead && secondWrite))) {
        return opEmitError(first, "invalid sequence of operations in the capture region");
      }
      if (firstUpdate && secondRead && firstUpdate.x !== secondRead.x) {
        return opEmitError(firstUpdate, "updated variable in omp.atomic.update must be captured in second operation");
      }
      if (firstRead && secondUpdate && firstRead.x !== secondUpdate.x) {
        return opEmitError(firstRead, "captured variable in omp.atomic.read must be updated in second operation");
      }
      if (firstRead && secondWrite && firstRead.x !== secondWrite.address) {
        return opEmitError(firstRead, "captured variable in omp.atomic.read must be updated in second operation");
      }
      if (first.attr("hint_val") !== undefined || second.attr("hint_val") !== undefined) {
        return opError(op, "operations inside capture region must not have hint clause");
      }
      if (first.attr("memory_order_val") !== undefined || second.attr("memory_order_val") !== undefined) {
        return opError(op, "operations inside capture region must not have memory_order clause");
      }
      return undefined;
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: () => [effect("read"), effect("write")] })],
  },
);
export type AtomicCaptureOp = InstanceType<typeof AtomicCaptureOp>;

// ---- reductions ------------------------------------------------------------------------------------------------

/** MLIR 16's `custom<AtomicReductionRegion>`: `atomic { ... }` when the declaration has an atomic combiner. */
const AtomicReductionRegion = customDirective({
  params: { region: "region" },
  print(p, _op, { region }) {
    if (region.isEmpty) return;
    p.print("atomic ");
    p.printRegion(region);
  },
  parse(p) {
    const region = new Region();
    if (p.parseOptionalKeyword("atomic") !== undefined) p.parseRegion(region);
    return { region };
  },
});

/** `omp.reduction.declare @add : f32 init { ... } combiner { ... } (atomic { ... })?`: a reduction kind. */
export const ReductionDeclareOp = defineOp(
  {
    name: "omp.reduction.declare",
    summary: "declares a reduction kind",
    attributes: { sym_name: SymbolNameAttr, type: TypeAttrC },
    regions: { initializerRegion: region(), reductionRegion: region(), atomicReductionRegion: region() },
    traits: [Symbol, IsolatedFromAbove],
    customDirectives: { AtomicReductionRegion },
    format:
      "$sym_name `:` $type attr-dict-with-keyword `init` $initializerRegion `combiner` $reductionRegion " +
      "custom<AtomicReductionRegion>($atomicReductionRegion)",
  },
  {
    verify: (op) => {
      const type = op.type.value;
      const init = op.initializerRegion.entry;
      if (init === undefined) return opError(op, "expects non-empty initializer region");
      if (init.args.length !== 1 || (init.args[0] as Value).type !== type) return opError(op, "expects initializer region with one argument of the reduction type");
      const yieldsType = (r: Region): boolean =>
        r.blocks.every((b) => b.operations.every((o) => !(o instanceof YieldOp) || (o.values.length === 1 && (o.values[0] as Value).type === type)));
      if (!yieldsType(op.initializerRegion)) return opError(op, "expects initializer region to yield a value of the reduction type");
      const combiner = op.reductionRegion.entry;
      if (combiner === undefined) return opError(op, "expects non-empty reduction region");
      const cargs = combiner.args.map((a) => a.type);
      if (cargs.length !== 2 || cargs[0] !== cargs[1] || cargs[0] !== type) return opError(op, "expects reduction region with two arguments of the reduction type");
      if (!yieldsType(op.reductionRegion)) return opError(op, "expects reduction region to yield a value of the reduction type");
      const atomic = op.atomicReductionRegion.entry;
      if (atomic === undefined) return undefined;
      const aargs = atomic.args.map((a) => a.type);
      if (aargs.length !== 2 || aargs[0] !== aargs[1]) return opError(op, "expects atomic reduction region with two arguments of the same type");
      if (pointeeType(aargs[0] as never) !== type) return opError(op, "expects atomic reduction region arguments to be accumulators containing the reduction type");
      return undefined;
    },
  },
);
export type ReductionDeclareOp = InstanceType<typeof ReductionDeclareOp>;

/** The reduction variables of an op with reduction clauses (MLIR's ReductionClauseInterface), or undefined. */
export function reductionVarsOf(op: Operation): readonly Value[] | undefined {
  switch (op.name) {
    case "omp.parallel":
    case "omp.wsloop":
    case "omp.sections":
      return (op as unknown as { reduction_vars: readonly Value[] }).reduction_vars;
    case "omp.task":
      return (op as unknown as { in_reduction_vars: readonly Value[] }).in_reduction_vars;
    case "omp.taskgroup":
      return (op as unknown as { task_reduction_vars: readonly Value[] }).task_reduction_vars;
    case "omp.taskloop": {
      const t = op as unknown as { in_reduction_vars: readonly Value[]; reduction_vars: readonly Value[] };
      return [...t.in_reduction_vars, ...t.reduction_vars];
    }
    default:
      return undefined;
  }
}

/** `omp.reduction %v, %acc : memref<f32>`: contributes `operand` to the reduction into `accumulator`. */
export const ReductionOp = defineOp(
  {
    name: "omp.reduction",
    summary: "reduction construct",
    operands: { operand: AnyType, accumulator: PointerLike },
    typesMatchWith: [{ from: "accumulator", to: "operand", transform: pointeeType, summary: "value types matches accumulator element type" }],
    format: "$operand `,` $accumulator attr-dict `:` type($accumulator)",
  },
  {
    verify: (op) => {
      let parent = op.parentWhere((p) => reductionVarsOf(p) !== undefined);
      if (parent === undefined) return opError(op, "must be used within an operation supporting reduction clause interface");
      while (parent !== undefined) {
        if (reductionVarsOf(parent)?.includes(op.accumulator)) return undefined;
        parent = parent.parentWhere((p) => reductionVarsOf(p) !== undefined);
      }
      return opError(op, "the accumulator is not used by the parent");
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.accumulator), effect("write", op.accumulator)] })],
  },
);
export type ReductionOp = InstanceType<typeof ReductionOp>;

/** `omp.threadprivate %x : memref<f32> -> memref<f32>`: the calling thread's own copy of a variable. */
export const ThreadprivateOp = defineOp(
  {
    name: "omp.threadprivate",
    summary: "threadprivate directive",
    operands: { sym_addr: PointerLike },
    results: { tls_addr: PointerLike },
    allTypesMatch: [["sym_addr", "tls_addr"]],
    format: "$sym_addr `:` type($sym_addr) `->` type($tls_addr) attr-dict",
  },
  { interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.sym_addr)] })] },
);
export type ThreadprivateOp = InstanceType<typeof ThreadprivateOp>;

// ---- sections and cancellation ---------------------------------------------------------------------------------

/** `omp.section { ... }`: one section of an `omp.sections`. */
export const SectionOp = defineOp({
  name: "omp.section",
  summary: "section directive",
  regions: { region: region() },
  traits: [HasParent("omp.sections")],
  format: "$region attr-dict",
});
export type SectionOp = InstanceType<typeof SectionOp>;

/** `omp.sections { omp.section {...} ... omp.terminator }`: sections shared out among the team's threads. */
export const SectionsOp = defineOp(
  {
    name: "omp.sections",
    summary: "sections construct",
    operands: { reduction_vars: variadic(PointerLike), allocate_vars: variadic(AnyType), allocators_vars: variadic(AnyType) },
    attributes: { reductions: optionalAttr(SymbolRefArrayAttr), nowait: optionalAttr(UnitAttrC) },
    regions: { region: region({ maxBlocks: 1 }) },
    customDirectives: { ReductionVarList, AllocateAndAllocator },
    format:
      "oilist(`reduction` `(` custom<ReductionVarList>($reduction_vars, type($reduction_vars), $reductions) `)` " +
      "| `allocate` `(` custom<AllocateAndAllocator>($allocate_vars, type($allocate_vars), $allocators_vars, type($allocators_vars)) `)` " +
      "| `nowait` $nowait) $region attr-dict",
  },
  {
    verify: (op) => {
      if (op.allocate_vars.length !== op.allocators_vars.length) return opEmitError(op, "expected equal sizes for allocate and allocator variables");
      const list = reductionListError(op, op.reductions, op.reduction_vars);
      if (list !== undefined) return list;
      const bad = op.region.entry?.operations.find((o) => !(o instanceof SectionOp) && !(o instanceof TerminatorOp));
      return bad === undefined ? undefined : opError(op, "expected omp.section op or terminator op inside region");
    },
  },
);
export type SectionsOp = InstanceType<typeof SectionsOp>;

/** MLIR's check of where `cancel` / `cancellationpoint` may appear. */
function cancelPlacementError(op: Operation, kind: string | undefined, what: string): Diagnostic | undefined {
  const parent = op.parentOp;
  if (parent === undefined) return opError(op, `must be used within a region supporting ${what} directive`);
  const prefix = what === "cancel" ? "cancel" : "cancellation point";
  if (kind === "parallel" && !(parent instanceof ParallelOp)) return opError(op, `${prefix} parallel must appear inside a parallel region`);
  if (kind === "loop" && !(parent instanceof WsLoopOp)) return opError(op, `${prefix} loop must appear inside a worksharing-loop region`);
  if (kind === "sections" && !(parent instanceof SectionsOp) && !(parent instanceof SectionOp)) {
    return opError(op, `${prefix} sections must appear inside a sections region`);
  }
  return undefined;
}

/** `omp.cancel cancellation_construct_type(parallel) (if(%c))?`: cancels the innermost enclosing construct of a kind. */
export const CancelOp = defineOp(
  {
    name: "omp.cancel",
    summary: "cancel directive",
    operands: { if_expr: optional(Bool) },
    attributes: { cancellation_construct_type_val: CancellationConstructTypeAttr.constraint },
    customDirectives: { CancellationClause },
    format: "`cancellation_construct_type` `(` custom<CancellationClause>($cancellation_construct_type_val) `)` ( `if` `(` $if_expr^ `)` )? attr-dict",
  },
  {
    verify: (op) => {
      const kind = op.cancellation_construct_type_val.value;
      const placement = cancelPlacementError(op, kind, "cancel");
      if (placement !== undefined) return placement;
      const parent = op.parentOp;
      if (kind === "loop" && parent instanceof WsLoopOp) {
        if (parent.nowait !== undefined) return opEmitError(op, "A worksharing construct that is canceled must not have a nowait clause");
        if (parent.ordered_val !== undefined) return opEmitError(op, "A worksharing construct that is canceled must not have an ordered clause");
      }
      if (kind === "sections" && parent?.parentOp instanceof SectionsOp && parent.parentOp.nowait !== undefined) {
        return opEmitError(op, "A sections construct that is canceled must not have a nowait clause");
      }
      return undefined;
    },
  },
);
export type CancelOp = InstanceType<typeof CancelOp>;

/** `omp.cancellationpoint cancellation_construct_type(loop)`: where a cancellation may take effect. */
export const CancellationPointOp = defineOp(
  {
    name: "omp.cancellationpoint",
    summary: "cancellation point directive",
    attributes: { cancellation_construct_type_val: CancellationConstructTypeAttr.constraint },
    customDirectives: { CancellationClause },
    format: "`cancellation_construct_type` `(` custom<CancellationClause>($cancellation_construct_type_val) `)` attr-dict",
  },
  { verify: (op) => cancelPlacementError(op, op.cancellation_construct_type_val.value, "cancellation point") },
);
export type CancellationPointOp = InstanceType<typeof CancellationPointOp>;

