/**
 * Interpreter semantics of the scf dialect. Loops run their body region once per iteration through the
 * engine's `runRegion` (whose step limit bounds a loop that would not end); `scf.yield` and `scf.condition`
 * leave their region with their operands. scf.parallel and scf.foreach_thread run their iterations serially, in
 * order, which is one of the orders they allow; scf.reduce folds into the running value of its result.
 */
import type { InterpContext, InterpretationEntry } from "../../src/interp/registry.ts";
import { interpretation } from "../../src/interp/registry.ts";
import { type IntValue, intValue, isTrue, type RuntimeValue } from "../../src/interp/values.ts";
import { IndexType } from "../../src/ir/types.ts";
import { IfOp, IndexSwitchOp, switchRegionFor } from "./if.ts";
import { ForOp } from "./for.ts";
import { ParallelOp, PerformConcurrentlyOp, ReduceOp, reductionsOf, ForeachThreadOp } from "./parallel.ts";
import { ConditionOp, ReduceReturnOp, YieldOp } from "./terminators.ts";
import { ExecuteRegionOp, WhileOp } from "./while.ts";

const index = IndexType.get();

function intArg(v: RuntimeValue | undefined, what: string, ctx: InterpContext): IntValue {
  if (v?.kind !== "int") return ctx.fail("invalid-ir", `${what} is not an integer value`);
  return v;
}

/** The values of an index range `lb, lb + step, ... < ub` (empty when lb >= ub). */
function* range(lb: bigint, ub: bigint, step: bigint): Generator<bigint> {
  for (let i = lb; i < ub; i += step) yield i;
}

function positiveStep(step: bigint, ctx: InterpContext): bigint {
  // The verifier only rejects constant steps; a step computed at run time that is not positive is undefined behaviour.
  if (step <= 0n) ctx.fail("undefined-behavior", `loop step ${step} is not positive`);
  return step;
}

/**
 * The running values of an scf.parallel's reductions: each `scf.reduce` the body meets combines its operand
 * into its slot with its region. Kept per loop being run (a stack: loops nest).
 */
const activeReductions: { values: RuntimeValue[]; loop: ParallelOp }[] = [];

export const scfInterpretations: readonly InterpretationEntry[] = [
  interpretation(YieldOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(ConditionOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(ReduceReturnOp, (_op, args, ctx) => ctx.exit(args)),

  interpretation(ForOp, (op, args, ctx) => {
    const lb = intArg(args[0], "the lower bound", ctx).value;
    const ub = intArg(args[1], "the upper bound", ctx).value;
    const step = positiveStep(intArg(args[2], "the step", ctx).value, ctx);
    let carried = args.slice(3);
    for (const i of range(lb, ub, step)) carried = ctx.runRegion(op.region, [intValue(index, i), ...carried]);
    return carried;
  }),

  interpretation(IfOp, (op, args, ctx) => {
    const taken = isTrue(intArg(args[0], "the condition", ctx)) ? op.thenRegion : op.elseRegion;
    return taken.isEmpty ? [] : ctx.runRegion(taken, []);
  }),

  interpretation(IndexSwitchOp, (op, args, ctx) => ctx.runRegion(switchRegionFor(op, intArg(args[0], "the switch value", ctx).value), [])),

  interpretation(ExecuteRegionOp, (op, _args, ctx) => ctx.runRegion(op.region, [])),

  interpretation(WhileOp, (op, args, ctx) => {
    let values: readonly RuntimeValue[] = args;
    for (;;) {
      const [cond, ...forwarded] = ctx.runRegion(op.before, values);
      if (!isTrue(intArg(cond, "the scf.condition operand", ctx))) return forwarded;
      values = ctx.runRegion(op.after, forwarded);
    }
  }),

  interpretation(ParallelOp, (op, args, ctx) => {
    const n = op.step.length;
    const bounds = args.slice(0, 3 * n).map((v, i) => intArg(v, `bound #${i}`, ctx).value);
    const lbs = bounds.slice(0, n);
    const ubs = bounds.slice(n, 2 * n);
    const steps = bounds.slice(2 * n).map((s) => positiveStep(s, ctx));
    const frame = { values: args.slice(3 * n), loop: op };
    activeReductions.push(frame);
    try {
      runNest(lbs, ubs, steps, (ivs) => ctx.runRegion(op.region, ivs.map((i) => intValue(index, i))));
    } finally {
      activeReductions.pop();
    }
    return frame.values;
  }),

  interpretation(ReduceOp, (op, args, ctx) => {
    const frame = activeReductions[activeReductions.length - 1];
    if (frame === undefined || frame.loop !== op.parentOp) return ctx.fail("invalid-ir", "scf.reduce outside the scf.parallel being run");
    const slot = reductionsOf(frame.loop.region.entry).indexOf(op);
    const acc = frame.values[slot] as RuntimeValue;
    const [combined] = ctx.runRegion(op.reductionOperator, [acc, args[0] as RuntimeValue]);
    frame.values[slot] = combined as RuntimeValue;
    return [];
  }),

  interpretation(ForeachThreadOp, (op, args, ctx) => {
    // Without shared outputs the threads only have effects on memory: run them one after the other.
    if (op.outputs.length > 0) return ctx.fail("unsupported", "shared outputs need tensor.parallel_insert_slice semantics");
    const counts = args.map((v, i) => intArg(v, `thread count #${i}`, ctx).value);
    runNest(
      counts.map(() => 0n),
      counts,
      counts.map(() => 1n),
      (ivs) => ctx.runRegion(op.region, ivs.map((i) => intValue(index, i))),
    );
    return [];
  }),
  interpretation(PerformConcurrentlyOp, (_op, _args, ctx) => ctx.exit([])),
];

/** Calls `body` for every point of the box `lbs..ubs` (steps `steps`), the last dimension fastest. */
function runNest(lbs: readonly bigint[], ubs: readonly bigint[], steps: readonly bigint[], body: (ivs: bigint[]) => void): void {
  const ivs: bigint[] = [];
  const go = (d: number): void => {
    if (d === lbs.length) {
      body([...ivs]);
      return;
    }
    for (const i of range(lbs[d] as bigint, ubs[d] as bigint, steps[d] as bigint)) {
      ivs[d] = i;
      go(d + 1);
    }
  };
  go(0);
}

