/**
 * `checkRewrite`: property-tests a rewrite (patterns, a pass, or any function on a module) on random
 * programs. For every program it checks that the rewritten IR verifies, round-trips through the text format,
 * and computes the same results as the original on the same inputs (the interpreter is the oracle): bit-exact
 * for integers, within a tolerance for floats, NaN-aware. A failure reports fast-check's shrunk counterexample
 * as MLIR before and after, with the inputs and the difference, reduced further on the IR (reduce.ts).
 *
 *   const r = checkRewrite({ transform: myPatterns, programs: programs(), runs: 500 });
 *   assert.ok(r.ok, r.ok ? "" : r.message);
 *
 * Programs whose original run has undefined behaviour on the chosen inputs (division by zero, ...) are
 * skipped once the transform has run on them and left valid IR: a rewrite may assume UB does not happen, but
 * must not fail on it. So are runs that observe bits LLVM leaves unspecified (a bitcast of a NaN that
 * arithmetic produced): the original could give any of several answers. A rewrite that introduces UB or an
 * error is a failure.
 * An original run that fails a `cf.assert` is checked too: the rewritten program must fail the same assertion.
 *
 * Coverage (coverage.ts): checkRewrite counts in how many programs each pattern and folder under test fired,
 * prints the table, and fails when one never fired (unless excluded, with a reason). The set under test is
 * the transform itself when it is a pattern list, else what `coverage` names; `coverage: false` turns it off.
 */
import fc from "fast-check";
import { type Either, isLeft } from "fp-ts/lib/Either.js";
import { newContext, newPassRegistry } from "../index.ts";
import { type Diagnostic, renderDiagnostic } from "../../src/diag/diagnostic.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { interpret } from "../../src/interp/engine.ts";
import { compareResults, compareValues, type FloatTolerance, formatValues } from "../../src/interp/compare.ts";
import { copyMemoryOf, liveHeapAllocations } from "../../src/interp/memref.ts";
import type { RuntimeValue } from "../../src/interp/values.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import type { Pass } from "../../src/pass/pass.ts";
import type { PassRegistry } from "../../src/pass/registry.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { nest } from "../../src/pass/pipeline.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import type { RewriteListener } from "../../src/rewrite/rewriter.ts";
import { CoverageCounter, coverageFailure, type CoverageReport, type CoverageSpec, renderCoverage } from "./coverage.ts";
import type { ProgramCase } from "./programs.ts";
import { reduceProgram } from "./reduce.ts";

/**
 * What to check: a pattern list (run by the greedy driver, with folding), a configured pass, a pipeline in
 * MLIR's text form (`"func.func(canonicalize,cse)"`, registered passes), or a function that rewrites a module.
 */
export type Transform =
  | readonly Pattern[]
  | Pass
  | string
  | ((module: Operation, ctx: Context, listener: RewriteListener | undefined) => Either<Diagnostic | readonly Diagnostic[], unknown> | void);

export interface CheckRewriteOptions {
  readonly transform: Transform;
  readonly programs: fc.Arbitrary<ProgramCase>;
  /** Default 500. */
  readonly runs?: number;
  /**
   * Default: FC_SEED, else a fixed seed, so that a suite's coverage assertions (every pattern fires) do not depend
   * on the clock; `FC_SEED=random` draws one from the clock to explore (the failure message names it for replay).
   */
  readonly seed?: number;
  /** Float comparison (default: same value; any NaN matches any NaN; -0.0 differs from +0.0). */
  readonly tolerance?: FloatTolerance;
  /** Default: a context with every dialect loaded. */
  readonly ctx?: Context;
  /** Where pipeline text (and passes that run pipelines, like inline) find passes; default: Tensile's. */
  readonly registry?: PassRegistry;
  /** Greedy-driver folding when `transform` is a pattern list (default true). */
  readonly fold?: boolean;
  /**
   * Which patterns and folders must fire (coverage.ts). Default: the transform's patterns when it is a pattern
   * list, nothing otherwise; `false`: no coverage check.
   */
  readonly coverage?: CoverageSpec | false;
  /**
   * Also check that the rewritten program leaves no more heap allocations unfreed than the original did
   * (memref.alloc without memref.dealloc; the interpreter counts them): for bufferization, which must free
   * every allocation it makes. Default false.
   */
  readonly leaks?: boolean;
}

export interface Counterexample {
  readonly before: string;
  readonly after: string;
  readonly fn: string;
  readonly inputs: string;
  readonly reason: string;
}

export type CheckRewriteResult =
  | { readonly ok: true; readonly runs: number; readonly skipped: number; readonly coverage: CoverageReport | undefined }
  | {
      readonly ok: false;
      readonly message: string;
      /** Undefined when the failure is a coverage failure (every program passed). */
      readonly counterexample: Counterexample | undefined;
      readonly seed: number;
      readonly coverage: CoverageReport | undefined;
    };

function parseFresh(text: string, ctx: Context): Operation {
  const r = parseSource(text, ctx);
  if (isLeft(r)) throw new Error(`checkRewrite: a generated program does not parse: ${renderDiagnostic(r.left)}\n${text}`);
  return r.right;
}

function applyTransform(
  t: Transform,
  module: Operation,
  ctx: Context,
  registry: PassRegistry,
  fold: boolean,
  listener: RewriteListener | undefined,
): string | undefined {
  if (typeof t === "string" || (!Array.isArray(t) && typeof t === "object" && "kind" in t)) {
    // A pass anchored on another op kind (func.func) runs on each such op directly inside the module.
    const anchor = typeof t === "string" ? undefined : (t as Pass).def.opName;
    const items = typeof t === "string" ? t : anchor === undefined || anchor === module.name ? [t as Pass] : [nest(anchor, [t as Pass])];
    const r = runPipeline(module, items, { ctx, registry, verifyEach: false, ...(listener === undefined ? {} : { rewriteListener: listener }) });
    return isLeft(r) ? `the pipeline failed: ${r.left.diagnostics.map((d) => renderDiagnostic(d)).join("\n")}` : undefined;
  }
  // The pass manager reports a crashing pass itself; a function or a pattern that throws is a crash too.
  try {
    if (typeof t === "function") {
      const r = t(module, ctx, listener);
      if (r === undefined || !isLeft(r)) return undefined;
      const ds = Array.isArray(r.left) ? (r.left as readonly Diagnostic[]) : [r.left as Diagnostic];
      return `the transform failed: ${ds.map((d) => renderDiagnostic(d)).join("\n")}`;
    }
    const r = applyPatternsGreedily(module, t as readonly Pattern[], { ctx, fold, listener });
    return isLeft(r) ? `the patterns failed: ${renderDiagnostic(r.left)}` : undefined;
  } catch (e) {
    return `the transform crashed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Checks one program; undefined when it passes, "skip" when its original run has UB, else the failure. */
export function checkOne(
  c: ProgramCase,
  opts: Pick<CheckRewriteOptions, "transform" | "tolerance" | "fold" | "registry" | "leaks">,
  ctx: Context,
  listener?: RewriteListener,
): Counterexample | "skip" | undefined {
  const module = parseFresh(c.text, ctx);
  const fail = (reason: string, after = printOp(module, { ctx })): Counterexample => ({
    before: c.text,
    after,
    fn: c.fn,
    inputs: formatValues(c.args),
    reason,
  });
  const valid = verify(module, { ctx });
  if (isLeft(valid)) throw new Error(`checkRewrite: a generated program does not verify: ${valid.left.map((d) => d.message).join("; ")}\n${c.text}`);
  // Memref arguments: each run gets its own copy of their memory, and what the runs wrote is compared too.
  const expectedArgs = copyMemoryOf(c.args);
  const heapBefore = liveHeapAllocations();
  const expected = interpret(module, c.fn, expectedArgs, { ctx });
  const expectedLeaks = liveHeapAllocations() - heapBefore;
  // UB, bits LLVM leaves unspecified (NaN payloads of arithmetic), or no end in sight: no results to preserve.
  // The transform must still not fail on the program, and leave IR that verifies and round-trips (a folder that
  // chokes on `INT_MIN / -1` is a bug even though any answer would do). The caller drops its coverage.
  const noResults = isLeft(expected) && (expected.left.kind === "undefined-behavior" || expected.left.kind === "unspecified" || expected.left.kind === "limit");
  // A failed cf.assert is behaviour too: the rewritten program must fail the same assertion.
  if (isLeft(expected) && !noResults && expected.left.kind !== "assertion") {
    throw new Error(`checkRewrite: the original program cannot run: ${expected.left.message}\n${c.text}`);
  }
  const failed = applyTransform(opts.transform, module, ctx, opts.registry ?? newPassRegistry(), opts.fold ?? true, listener);
  if (failed !== undefined) return fail(failed);
  const verified = verify(module, { ctx });
  if (isLeft(verified)) return fail(`the rewritten IR does not verify: ${verified.left.map((d) => d.message).join("; ")}`);
  const after = printOp(module, { ctx });
  const reparsed = parseSource(after, ctx);
  if (isLeft(reparsed)) return fail(`the rewritten IR does not parse back: ${renderDiagnostic(reparsed.left)}`, after);
  if (printOp(reparsed.right, { ctx }) !== after) return fail("the rewritten IR does not print back to the same text", after);
  if (noResults) return "skip";
  const actualArgs = copyMemoryOf(c.args);
  const heapBeforeRewritten = liveHeapAllocations();
  const actual = interpret(reparsed.right, c.fn, actualArgs, { ctx });
  const actualLeaks = liveHeapAllocations() - heapBeforeRewritten;
  if (isLeft(expected)) {
    const got = isLeft(actual) ? `fails: ${actual.left.message}` : `returns ${formatValues(actual.right)}`;
    if (isLeft(actual) && actual.left.kind === "assertion" && actual.left.message === expected.left.message) return undefined;
    return fail(`the original fails an assertion (${expected.left.message}), the rewritten program ${got}`, after);
  }
  if (isLeft(actual)) return fail(`the rewritten program fails where the original ran: ${actual.left.message}`, after);
  if (opts.leaks === true && actualLeaks > expectedLeaks) {
    return fail(`the rewritten program leaves ${actualLeaks} heap allocation(s) unfreed, the original ${expectedLeaks}`, after);
  }
  const diff = compareResults(expected.right, actual.right, opts.tolerance ?? {});
  if (diff !== undefined) return fail(`${diff} (expected ${formatValues(expected.right)}, got ${formatValues(actual.right)})`, after);
  for (let i = 0; i < c.args.length; i++) {
    if (c.args[i]?.kind !== "memref") continue;
    const written = compareValues(expectedArgs[i] as RuntimeValue, actualArgs[i] as RuntimeValue, opts.tolerance ?? {});
    if (written !== undefined) return fail(`memref argument #${i} after the call: ${written}`, after);
  }
  return undefined;
}

export function renderCounterexample(c: Counterexample): string {
  return [
    `checkRewrite found a counterexample: ${c.reason}`,
    `inputs: @${c.fn}${c.inputs}`,
    "--- before ---",
    c.before.trimEnd(),
    "--- after ---",
    c.after.trimEnd(),
  ].join("\n");
}

/** The coverage counter a check uses, or undefined when coverage is off or nothing is under test. */
function coverageCounter(opts: CheckRewriteOptions): CoverageCounter | undefined {
  if (opts.coverage === false) return undefined;
  const spec = opts.coverage ?? {};
  const patterns = spec.patterns ?? (Array.isArray(opts.transform) ? (opts.transform as readonly Pattern[]) : []);
  if (patterns.length === 0 && (spec.folders ?? []).length === 0 && (spec.entries ?? []).length === 0) return undefined;
  return new CoverageCounter(spec, patterns);
}

/** The fixed seed of runs that name none (see CheckRewriteOptions.seed). */
export const DEFAULT_SEED = 20261207;

function defaultSeed(): number {
  const env = process.env.FC_SEED;
  if (env === undefined || env === "") return DEFAULT_SEED;
  return env === "random" ? Date.now() % 2 ** 31 : Number(env);
}

export function checkRewrite(options: CheckRewriteOptions): CheckRewriteResult {
  const opts = { ...options, registry: options.registry ?? newPassRegistry() };
  const ctx = opts.ctx ?? newContext();
  const seed = opts.seed ?? defaultSeed();
  const counter = coverageCounter(opts);
  let skipped = 0;
  // Only the runs count, not fast-check's shrinking after a failure.
  let failedOnce = false;
  const property = fc.property(opts.programs, (c) => {
    const r = checkOne(c, opts, ctx, failedOnce ? undefined : counter?.listener);
    if (r === "skip") {
      counter?.dropProgram();
      skipped++;
      fc.pre(false);
      return;
    }
    if (r !== undefined) {
      failedOnce = true;
      counter?.dropProgram();
      throw new Error(renderCounterexample(r));
    }
    counter?.endProgram();
  });
  const runs = opts.runs ?? 500;
  // FC_END_ON_FAILURE=1 (set by `npm run mutation`): report the first failing program, unshrunk and unreduced.
  const endOnFailure = process.env.FC_END_ON_FAILURE === "1";
  const details = fc.check(property, { numRuns: runs, seed, maxSkipsPerRun: 10, endOnFailure });
  const coverage = counter?.report();
  if (!details.failed) {
    if (coverage === undefined) return { ok: true, runs: details.numRuns, skipped, coverage };
    const report = opts.coverage === false ? false : (opts.coverage?.report ?? ((t: string) => console.log(t)));
    if (report !== false) report(renderCoverage(coverage));
    const uncovered = coverageFailure(coverage);
    if (uncovered === undefined) return { ok: true, runs: details.numRuns, skipped, coverage };
    return { ok: false, message: `${uncovered}
${renderCoverage(coverage)}
(seed ${seed})`, counterexample: undefined, seed, coverage };
  }
  // Reduce fast-check's shrunk case further on the IR, then re-run it to report it.
  const stillFails = (c: ProgramCase): boolean => {
    try {
      const r = checkOne(c, opts, ctx);
      return r !== undefined && r !== "skip";
    } catch {
      return false;
    }
  };
  const first = details.counterexample?.[0];
  const shrunk = first === undefined || endOnFailure || !stillFails(first) ? first : reduceProgram(first, ctx, stillFails);
  const again = shrunk === undefined ? undefined : checkOne(shrunk, opts, ctx);
  const last = again === "skip" ? undefined : again;
  const message = last !== undefined
    ? `${renderCounterexample(last)}\n(seed ${seed}; replay with FC_SEED=${seed})`
    : details.errorInstance === null && details.numSkips > 0
      ? `checkRewrite gave up: ${details.numSkips} generated programs were skipped (their original run has undefined behaviour, reads unspecified bits or hits a limit) against ${details.numRuns} checked; make the generator produce programs that run (seed ${seed})`
      : `checkRewrite failed: ${String(details.errorInstance ?? "no counterexample")} (seed ${seed})`;
  return { ok: false, message, counterexample: last, seed, coverage };
}
