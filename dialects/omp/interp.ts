/**
 * Interpreter semantics of the omp dialect: a team of one thread. Every construct runs its region once, on the
 * calling thread, in program order; worksharing, simd and task loops run their iterations in order; tasks run
 * where they are created; barriers, flushes, taskwait/taskyield and doacross `ordered` do nothing. This is one
 * of the executions OpenMP allows, so a program whose result does not depend on the schedule computes what it
 * computes in parallel.
 *
 * Reductions follow OpenMP's rules with one thread: a construct with `reduction(@decl -> %acc)` starts a private
 * copy from the declaration's `init` region, each `omp.reduction %v, %acc` inside combines `%v` into the copy
 * with the `combiner` region, and at the construct's end the copy is combined into the variable `%acc` points to.
 * Atomics load and store the element a pointer-like memref points to (its element `[0, ..., 0]`).
 */
import type { Operation, Region } from "../../src/ir/operation.ts";
import { lookupNearestSymbol } from "../../src/ir/symbol-table.ts";
import { SymbolRefAttr, ArrayAttr } from "../../src/ir/attributes.ts";
import type { Value } from "../../src/ir/value.ts";
import { loadElement, type MemRefValue, storeElement } from "../../src/interp/memref.ts";
import { type InterpContext, type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import { type IntValue, intValue, isTrue, type RuntimeValue, scalarValue } from "../../src/interp/values.ts";
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
  CriticalOp,
  OrderedOp,
  OrderedRegionOp,
  ReductionDeclareOp,
  ReductionOp,
  SectionOp,
  SectionsOp,
  ThreadprivateOp,
} from "./ops-sync.ts";

// ---- pointer-like values ---------------------------------------------------------------------------------------

function pointer(v: RuntimeValue | undefined, ctx: InterpContext): MemRefValue {
  if (v?.kind !== "memref") return ctx.fail("invalid-ir", "expected a memref (an OpenMP variable's address)");
  return v;
}
/** The element a pointer-like memref points to. */
const origin = (m: MemRefValue): number[] => m.shape.map(() => 0);
const readVar = (m: MemRefValue): RuntimeValue => scalarValue(m.elementType, loadElement(m, origin(m)));
function writeVar(m: MemRefValue, v: RuntimeValue | undefined, ctx: InterpContext): void {
  if (v?.kind !== "int" && v?.kind !== "float") ctx.fail("invalid-ir", "an OpenMP variable holds a scalar");
  storeElement(m, origin(m), v.value);
}

// ---- reductions ------------------------------------------------------------------------------------------------

/** One reduction of a construct: its declaration, the accumulator's SSA value and memory, and the private copy. */
interface Reduction {
  readonly decl: ReductionDeclareOp;
  readonly accumulator: Value;
  readonly memory: MemRefValue;
  value: RuntimeValue;
}

/** The reductions of the constructs being run, innermost last (per run). */
const reductionStackKey = {};
const stackOf = (ctx: InterpContext): Reduction[][] => ctx.runState(reductionStackKey, () => []);

/** Runs a construct's region(s) with private copies for its reductions, combined into the variables at the end. */
function withReductions<T>(op: Operation, symbols: ArrayAttr | undefined, vars: readonly Value[], args: readonly RuntimeValue[], ctx: InterpContext, body: () => T): T {
  if (vars.length === 0) return body();
  const reductions = vars.map((accumulator, i): Reduction => {
    const ref = symbols?.elements[i];
    const decl = ref instanceof SymbolRefAttr ? lookupNearestSymbol(op, ref) : undefined;
    if (!(decl instanceof ReductionDeclareOp)) return ctx.fail("invalid-ir", "a reduction without its omp.reduction.declare");
    const memory = pointer(args[op.operands.indexOf(accumulator)], ctx);
    const [value] = ctx.runRegion(decl.initializerRegion, [readVar(memory)]);
    return { decl, accumulator, memory, value: value ?? ctx.fail("invalid-ir", "a reduction initializer yields nothing") };
  });
  const stack = stackOf(ctx);
  stack.push(reductions);
  let result: T;
  try {
    result = body();
  } finally {
    stack.pop();
  }
  for (const r of reductions) {
    const [combined] = ctx.runRegion(r.decl.reductionRegion, [readVar(r.memory), r.value]);
    writeVar(r.memory, combined, ctx);
  }
  return result;
}

const symbolsOf = (a: unknown): ArrayAttr | undefined => (a instanceof ArrayAttr ? a : undefined);

// ---- loops -----------------------------------------------------------------------------------------------------

/** Runs a loop nest's body for every point of its iteration space, in order (the first iv outermost). */
function runLoopNest(
  region: Region,
  args: readonly RuntimeValue[],
  counts: { readonly loops: number; readonly inclusive: boolean },
  ctx: InterpContext,
): void {
  const n = counts.loops;
  const bound = (i: number): IntValue => {
    const v = args[i];
    if (v?.kind !== "int") return ctx.fail("invalid-ir", "loop bounds must be integers");
    return v;
  };
  const lbs = Array.from({ length: n }, (_, i) => bound(i));
  const ubs = Array.from({ length: n }, (_, i) => bound(n + i));
  const steps = Array.from({ length: n }, (_, i) => bound(2 * n + i));
  if (steps.some((s) => s.value <= 0n)) ctx.fail("undefined-behavior", "an omp loop with a step that is not positive");
  const ivs: RuntimeValue[] = new Array<RuntimeValue>(n);
  const visit = (d: number): void => {
    if (d === n) {
      ctx.runRegion(region, ivs);
      return;
    }
    const lb = lbs[d] as IntValue;
    const ub = (ubs[d] as IntValue).value;
    const step = (steps[d] as IntValue).value;
    for (let i = lb.value; counts.inclusive ? i <= ub : i < ub; i += step) {
      ivs[d] = intValue(lb.type, i);
      visit(d + 1);
    }
  };
  if (n > 0) visit(0);
}

const runOnce = (region: Region, ctx: InterpContext): RuntimeValue[] => ctx.runRegion(region, []);
const none = (): RuntimeValue[] => [];

export const ompInterpretations: readonly InterpretationEntry[] = [
  interpretation(ParallelOp, (op, args, ctx) => {
    const cond = op.if_expr_var === undefined ? undefined : args[op.operands.indexOf(op.if_expr_var)];
    void cond; // with `if(false)` the team has one thread, as it has here anyway
    withReductions(op, symbolsOf(op.reductions), op.reduction_vars, args, ctx, () => ctx.withAllocationScope(() => runOnce(op.region, ctx)));
    return [];
  }),
  interpretation(WsLoopOp, (op, args, ctx) => {
    withReductions(op, symbolsOf(op.reductions), op.reduction_vars, args, ctx, () =>
      runLoopNest(op.region, args, { loops: op.lowerBound.length, inclusive: op.inclusive !== undefined }, ctx),
    );
    return [];
  }),
  interpretation(SimdLoopOp, (op, args, ctx) => {
    runLoopNest(op.region, args, { loops: op.lowerBound.length, inclusive: op.inclusive !== undefined }, ctx);
    return [];
  }),
  interpretation(TaskLoopOp, (op, args, ctx) => {
    const vars = [...op.in_reduction_vars, ...op.reduction_vars];
    const symbols = ArrayAttr.get([...(op.in_reductions?.elements ?? []), ...(op.reductions?.elements ?? [])]);
    withReductions(op, symbols, vars, args, ctx, () =>
      ctx.withAllocationScope(() => runLoopNest(op.region, args, { loops: op.lowerBound.length, inclusive: op.inclusive !== undefined }, ctx)),
    );
    return [];
  }),
  interpretation(YieldOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(TerminatorOp, (_op, _args, ctx) => ctx.exit([])),

  interpretation(SingleOp, (op, _args, ctx) => (runOnce(op.region, ctx), [])),
  interpretation(MasterOp, (op, _args, ctx) => (runOnce(op.region, ctx), [])),
  interpretation(CriticalOp, (op, _args, ctx) => (runOnce(op.region, ctx), [])),
  interpretation(OrderedRegionOp, (op, _args, ctx) => (runOnce(op.region, ctx), [])),
  interpretation(SectionsOp, (op, args, ctx) => {
    withReductions(op, symbolsOf(op.reductions), op.reduction_vars, args, ctx, () => runOnce(op.region, ctx));
    return [];
  }),
  interpretation(SectionOp, (op, _args, ctx) => (runOnce(op.region, ctx), [])),
  interpretation(TaskOp, (op, args, ctx) => {
    withReductions(op, symbolsOf(op.in_reductions), op.in_reduction_vars, args, ctx, () => ctx.withAllocationScope(() => runOnce(op.region, ctx)));
    return [];
  }),
  interpretation(TaskGroupOp, (op, args, ctx) => {
    withReductions(op, symbolsOf(op.task_reductions), op.task_reduction_vars, args, ctx, () => ctx.withAllocationScope(() => runOnce(op.region, ctx)));
    return [];
  }),
  interpretation(BarrierOp, none),
  interpretation(TaskwaitOp, none),
  interpretation(TaskyieldOp, none),
  interpretation(FlushOp, none),
  interpretation(OrderedOp, none),
  interpretation(CancellationPointOp, none),
  interpretation(CancelOp, (op, args, ctx) => {
    const cond = op.if_expr === undefined ? undefined : args[0];
    if (cond?.kind === "int" && !isTrue(cond)) return [];
    return ctx.fail("unsupported", "omp.cancel is not supported by the interpreter");
  }),

  interpretation(AtomicReadOp, (_op, args, ctx) => {
    writeVar(pointer(args[1], ctx), readVar(pointer(args[0], ctx)), ctx);
    return [];
  }),
  interpretation(AtomicWriteOp, (_op, args, ctx) => {
    writeVar(pointer(args[0], ctx), args[1], ctx);
    return [];
  }),
  interpretation(AtomicUpdateOp, (op, args, ctx) => {
    const x = pointer(args[0], ctx);
    const [updated] = ctx.runRegion(op.region, [readVar(x)]);
    writeVar(x, updated, ctx);
    return [];
  }),
  interpretation(AtomicCaptureOp, (op, _args, ctx) => (runOnce(op.region, ctx), [])),
  interpretation(ReductionOp, (op, args, ctx) => {
    const stack = stackOf(ctx);
    for (let i = stack.length - 1; i >= 0; i--) {
      const r = (stack[i] as Reduction[]).find((x) => x.accumulator === op.accumulator);
      if (r === undefined) continue;
      const [combined] = ctx.runRegion(r.decl.reductionRegion, [r.value, args[0] as RuntimeValue]);
      r.value = combined ?? ctx.fail("invalid-ir", "a reduction combiner yields nothing");
      return [];
    }
    return ctx.fail("invalid-ir", "omp.reduction outside a construct that reduces into its accumulator");
  }),
  interpretation(ThreadprivateOp, (_op, args) => [args[0] as RuntimeValue]),
];
