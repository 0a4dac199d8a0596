/**
 * Canonicalization (MLIR's `canonicalize` pass): every op's fold hook plus the canonicalization patterns loaded
 * in the context, applied by the greedy driver until nothing changes.
 *
 * Dialects never import rewrites, so a dialect's patterns reach a context as a dialect extension defined in
 * `rewrites/<dialect>/` (MLIR's getCanonicalizationPatterns, moved out of the dialect):
 *
 *   export const arithCanonicalization = defineDialectExtension({      // in rewrites/arith/canonicalize.ts
 *     name: "arith-canonicalization", dialects: ["arith"], canonicalization: arithCanonicalizationPatterns,
 *   });
 *   const ctx = new Context([builtin, func, arith], { extensions: [arithCanonicalization] });
 *   canonicalize(module, ctx);                                          // folds + ctx.canonicalizationPatterns
 *
 * `newContext()` (rewrites/index.ts) loads every dialect and every extension Tensile ships.
 */
import { type Either, isLeft, left } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import type { Diagnostic } from "../src/diag/diagnostic.ts";
import type { Context } from "../src/ir/context.ts";
import type { Operation } from "../src/ir/operation.ts";
import { definePass } from "../src/pass/pass.ts";
import { applyPatternsGreedily, type GreedyResult } from "../src/rewrite/greedy.ts";
import type { Pattern } from "../src/rewrite/pattern.ts";
import type { Rewriter, RewriteListener } from "../src/rewrite/rewriter.ts";
import { simplifyRegions } from "./transforms/dce.ts";

export interface CanonicalizeOptions {
  /** Sweeps before giving up (MLIR's `max-iterations`, default 10). */
  readonly maxIterations?: number;
  /** Run op folders (default true). */
  readonly fold?: boolean;
  /** Extra patterns to apply with the context's. */
  readonly extraPatterns?: readonly Pattern[];
  /** Told of every change (e.g. for `--debug-rewrites`). */
  readonly listener?: RewriteListener;
  /** Erase unreachable blocks, dead code and dead block arguments after each sweep (default true, as MLIR). */
  readonly regionSimplify?: boolean;
}

function regionSimplification(root: Operation, rw: Rewriter): boolean {
  const r = simplifyRegions(root, rw);
  return r.erasedBlocks + r.ops + r.args > 0;
}

/**
 * Folds and canonicalizes everything nested in `root` (not `root` itself) with the canonicalization patterns
 * loaded in `ctx`; Left with a diagnostic when the rewrites do not converge within the bound.
 */
export function canonicalize(root: Operation, ctx: Context, opts: CanonicalizeOptions = {}): Either<Diagnostic, GreedyResult> {
  const patterns = [...ctx.canonicalizationPatterns, ...(opts.extraPatterns ?? [])];
  return applyPatternsGreedily(root, patterns, {
    ctx,
    maxIterations: opts.maxIterations ?? 10,
    fold: opts.fold ?? true,
    ...(opts.listener === undefined ? {} : { listener: opts.listener }),
    // MLIR's canonicalizer simplifies regions after each sweep (unreachable blocks, dead code and block arguments,
    // identical blocks), unless region-simplify=false.
    afterSweep: (opts.regionSimplify ?? true) ? regionSimplification : undefined,
  });
}

// ---- the pass ------------------------------------------------------------------------------------------

/**
 * `canonicalize`: folds every op and applies the context's canonicalization patterns to a fixpoint (MLIR's
 * Canonicalizer). As in MLIR 16, not converging within `max-iterations` is not a failure unless
 * `test-convergence` is set (then it is an error naming the patterns still applying); otherwise it only counts
 * in the `num-not-converged` statistic (and is explained under `--debug-rewrites`).
 */
export const canonicalizePass = definePass({
  name: "canonicalize",
  displayName: "Canonicalizer",
  summary: "Canonicalize operations",
  description: "Applies op folders and the canonicalization patterns of the loaded dialects until nothing changes.",
  options: t.type({ maxIterations: t.Int, topDown: t.boolean, regionSimplify: t.boolean, testConvergence: t.boolean }),
  defaults: { maxIterations: 10 as t.Int, topDown: true, regionSimplify: true, testConvergence: false },
  optionDocs: {
    maxIterations: "Sweeps over the IR before giving up on a fixpoint",
    topDown: "Seed the worklist in general top-down order (the only order Tensile's driver has; accepted for MLIR compatibility)",
    regionSimplify: "Erase unreachable blocks, dead code and dead block arguments, and merge identical blocks, after each sweep",
    testConvergence: "Fail the pass when the rewrites do not converge",
  },
  statistics: {
    "num-folds": "Ops folded",
    "num-rewrites": "Patterns applied",
    "num-dce": "Dead ops erased",
    "num-not-converged": "Runs stopped by max-iterations before a fixpoint",
  },
  run(op, pctx, opts) {
    const listener = pctx.rewriteListener;
    const r = canonicalize(op, pctx.context, {
      maxIterations: opts.maxIterations,
      regionSimplify: opts.regionSimplify,
      ...(listener === undefined ? {} : { listener }),
    });
    if (isLeft(r)) {
      if (opts.testConvergence) return left([r.left]);
      // MLIR 16's canonicalizer accepts a result that has not converged without a word; say why under --debug-rewrites.
      if (pctx.debugRewrites) pctx.debug(`[canonicalize] ${r.left.message}`);
      pctx.stat("num-not-converged");
      return { changed: true };
    }
    for (const [name, n] of r.right.applied) {
      if (name === "fold") pctx.stat("num-folds", n);
      else if (name === "dce") pctx.stat("num-dce", n);
      else if (name !== "constant") pctx.stat("num-rewrites", n);
    }
    return { changed: r.right.changed };
  },
});
