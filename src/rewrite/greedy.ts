/**
 * The greedy pattern driver (MLIR's applyPatternsAndFoldGreedily): a worklist of ops; each op is removed if it
 * is trivially dead (unused, and its memory effects, per MemoryEffectOpInterface, at most reads and allocations
 * of its own results), folded if it can be, else given to the patterns rooted on its kind (highest benefit first)
 * until one applies. Changes push the affected ops (new ops, users of replaced values, defining ops of the
 * operands of erased ops) back on the worklist. Sweeps repeat until one changes nothing; a bound on sweeps
 * turns a non-terminating pattern set into a diagnostic naming the patterns still firing.
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import type { Context } from "../ir/context.ts";
import type { Block, Operation } from "../ir/operation.ts";
import { ConstantLike } from "../ir/traits.ts";
import { isOpTriviallyDead } from "../interfaces/side-effect-queries.ts";
import { ConstantFolder } from "./fold.ts";
import { type Pattern, PatternRewriter, PatternSet } from "./pattern.ts";
import type { RewriteListener } from "./rewriter.ts";

export interface GreedyOptions {
  /** Needed to materialise folded constants (each dialect's `materializeConstant`). */
  readonly ctx?: Context;
  /** Sweeps over the IR before giving up (MLIR's default is 10). */
  readonly maxIterations?: number;
  /**
   * Pattern applications before giving up: a pattern that keeps modifying an op in place re-queues it within
   * one sweep, so the sweep bound alone would not stop it. Default: 10,000 plus 64 per op.
   */
  readonly maxRewrites?: number;
  /** Run op folders (default true). */
  readonly fold?: boolean;
  /** Erase trivially dead ops (default true). */
  readonly removeDeadOps?: boolean;
  /**
   * Runs after each sweep, through the driver's rewriter (MLIR's region simplification: unreachable blocks, dead
   * block arguments); returns whether it changed the IR, which counts as a change of the sweep.
   */
  readonly afterSweep?: ((root: Operation, rw: PatternRewriter) => boolean) | undefined;
  /** Also told of every change, match failure and pattern application (e.g. for --debug-rewrites). */
  readonly listener?: RewriteListener | undefined;
}

export interface GreedyResult {
  readonly changed: boolean;
  readonly iterations: number;
  /** How many times each pattern applied (and "fold" / "dce" / "constant"). */
  readonly applied: ReadonlyMap<string, number>;
}

class Worklist {
  readonly #queue: Operation[] = [];
  readonly #in = new Set<Operation>();
  #head = 0;
  push(op: Operation): void {
    if (this.#in.has(op)) return;
    this.#in.add(op);
    this.#queue.push(op);
  }
  pop(): Operation | undefined {
    while (this.#head < this.#queue.length) {
      const op = this.#queue[this.#head++] as Operation;
      if (this.#in.delete(op)) return op;
    }
    return undefined;
  }
  remove(op: Operation): void {
    this.#in.delete(op);
  }
}

/** Applies `patterns` (and folds) to everything nested in `root` until nothing changes. `root` itself is kept. */
export function applyPatternsGreedily(
  root: Operation,
  patterns: readonly Pattern[] | PatternSet,
  opts: GreedyOptions = {},
): Either<Diagnostic, GreedyResult> {
  const set = patterns instanceof PatternSet ? patterns : new PatternSet(patterns);
  const maxIterations = opts.maxIterations ?? 10;
  let opCount = 0;
  root.walk(() => void opCount++);
  const maxRewrites = opts.maxRewrites ?? 10_000 + 64 * opCount;
  const doFold = opts.fold ?? true;
  const removeDead = opts.removeDeadOps ?? true;
  const applied = new Map<string, number>();
  const count = (name: string): void => void applied.set(name, (applied.get(name) ?? 0) + 1);
  const folder = opts.ctx === undefined ? undefined : new ConstantFolder(opts.ctx);

  let worklist = new Worklist();
  const erased = new Set<Operation>();
  const user = opts.listener;
  const addUsersOf = (op: Operation): void => {
    for (const r of op.results) for (const u of r.users()) worklist.push(u);
  };
  const rw = new PatternRewriter({
    notifyOperationInserted(op) {
      op.walk((o) => worklist.push(o), "pre");
      user?.notifyOperationInserted?.(op);
    },
    notifyBlockCreated(b: Block) {
      user?.notifyBlockCreated?.(b);
    },
    notifyOperationModified(op) {
      worklist.push(op);
      user?.notifyOperationModified?.(op);
    },
    notifyOperationReplaced(op, values) {
      addUsersOf(op);
      user?.notifyOperationReplaced?.(op, values);
    },
    notifyOperationErased(op) {
      erased.add(op);
      worklist.remove(op);
      folder?.notifyErased(op);
      for (const v of op.operands) {
        const def = v.definingOp;
        if (def !== undefined && !erased.has(def)) worklist.push(def);
      }
      user?.notifyOperationErased?.(op);
    },
    notifyMatchFailure(pattern, op, reason) {
      user?.notifyMatchFailure?.(pattern, op, reason);
    },
    notifyPatternApplied(pattern, op) {
      user?.notifyPatternApplied?.(pattern, op);
    },
    notifyOperationFolded(op) {
      user?.notifyOperationFolded?.(op);
    },
  });

  let changedEver = false;
  let rewrites = 0;
  const lastApplied = new Map<string, number>();
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    worklist = new Worklist();
    root.walk((op) => {
      if (op !== root) worklist.push(op);
    }, "pre");
    let changed = false;
    lastApplied.clear();
    for (let op = worklist.pop(); op !== undefined; op = worklist.pop()) {
      if (erased.has(op) || op.parent === undefined) continue;
      if (removeDead && isOpTriviallyDead(op)) {
        rw.eraseOp(op);
        count("dce");
        changed = true;
        continue;
      }
      if (folder !== undefined && op.hasTrait(ConstantLike)) {
        if (folder.processConstant(op, rw)) {
          count("constant");
          changed = true;
        }
        continue;
      }
      if (doFold && folder !== undefined && folder.tryFold(op, rw)) {
        count("fold");
        rw.listener?.notifyPatternApplied?.("fold", op);
        rw.listener?.notifyOperationFolded?.(op);
        changed = true;
        continue;
      }
      for (const pattern of set.for(op.name)) {
        rw.current = { pattern: pattern.name, op };
        // As in MLIR, a pattern starts with the rewriter placed before its root, at the root's location.
        rw.setInsertionPointBefore(op);
        rw.loc = op.loc;
        const r = pattern.matchAndRewrite(op, rw);
        rw.current = undefined;
        if (!r.ok) continue;
        rw.listener?.notifyPatternApplied?.(pattern.name, op);
        count(pattern.name);
        lastApplied.set(pattern.name, (lastApplied.get(pattern.name) ?? 0) + 1);
        changed = true;
        if (++rewrites > maxRewrites) return left(nonConvergence(root, `${maxRewrites} rewrites`, lastApplied));
        break;
      }
    }
    if (opts.afterSweep !== undefined && opts.afterSweep(root, rw)) {
      count("region-simplify");
      changed = true;
    }
    changedEver ||= changed;
    if (!changed) return right({ changed: changedEver, iterations: iteration, applied });
  }
  return left(nonConvergence(root, `${maxIterations} iterations`, lastApplied));
}

function nonConvergence(root: Operation, bound: string, lastApplied: ReadonlyMap<string, number>): Diagnostic {
  const firing = [...lastApplied].sort((a, b) => b[1] - a[1]).map(([name, n]) => `'${name}' (${n}x)`);
  return error(root.loc, `greedy pattern rewriting did not converge after ${bound}`, [
    note(root.loc, firing.length > 0 ? `patterns still applying in the last sweep: ${firing.join(", ")}` : "only folding and dead-code removal were still changing the IR"),
  ]);
}
