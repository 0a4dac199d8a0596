/**
 * The greedy pattern driver, as MLIR 16's applyPatternsAndFoldGreedily. Each sweep seeds a worklist with every
 * op nested in the root, in pre-order (constants met on the way are uniqued and hoisted by the folder, see
 * fold.ts); ops are then popped one at a time and each is erased if trivially dead (unused, and its memory
 * effects, per MemoryEffectOpInterface, at most reads and allocations of its own results), else folded, else
 * given to the patterns rooted on its kind (highest benefit first) until one applies. Sweeps repeat until one
 * changes nothing; a bound on sweeps turns a non-terminating pattern set into a diagnostic naming the patterns
 * still firing.
 *
 * The order ops are visited in decides the output (which constant is created first, so which one is printed
 * first), so the worklist behaves as MLIR's exactly: it is a stack, seeded in reverse so that the seeds pop in
 * program order, and what a change adds is pushed on top, so it is visited next, newest first:
 *  - an inserted or modified op, with its ancestors up to the root's regions (an op not under them is not added);
 *  - the users of a replaced op's results;
 *  - for an erased op, the defining ops of its operands that it was the last or only user of;
 *  - for a folded op: the constants the fold created, then its operands' defining ops (as for an erased op),
 *    then its users.
 * An op already on the worklist stays where it is; an erased op (and all nested in it) leaves it. Ops that
 * inlining a block or region moves are not added (MLIR 16 does not announce them), nor is an op the folder
 * updated in place: the patterns get it at once instead.
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import type { Context } from "../ir/context.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import { ConstantLike } from "../ir/traits.ts";
import type { Value } from "../ir/value.ts";
import { isOpTriviallyDead } from "../interfaces/side-effect-queries.ts";
import { ConstantFolder, type FoldOutcome } from "./fold.ts";
import { type Pattern, PatternRewriter, PatternSet } from "./pattern.ts";
import type { RewriteListener } from "./rewriter.ts";

export interface GreedyOptions {
  /** Needed to materialise folded constants (each dialect's `materializeConstant`) and to unique constants. */
  readonly ctx?: Context;
  /** Sweeps over the IR before giving up (MLIR's default is 10). */
  readonly maxIterations?: number;
  /**
   * Pattern applications before giving up: a pattern that keeps modifying an op in place re-queues it within
   * one sweep, so the sweep bound alone would not stop it. Default: 10,000 plus 64 per op.
   */
  readonly maxRewrites?: number;
  /** Run op folders (default true). Constants are uniqued and hoisted either way (when `ctx` is given). */
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

/** MLIR's worklist: a stack holding each op at most once, where removing an op leaves a hole. */
class Worklist {
  readonly #stack: (Operation | undefined)[] = [];
  readonly #index = new Map<Operation, number>();

  /** Empties the worklist and fills it with `ops`, which then pop in their order. */
  reset(ops: readonly Operation[]): void {
    this.#stack.length = 0;
    this.#index.clear();
    for (let i = ops.length - 1; i >= 0; i--) this.push(ops[i] as Operation);
  }
  /** Puts `op` on top, unless it is on the worklist already (then it keeps its place). */
  push(op: Operation): void {
    if (this.#index.has(op)) return;
    this.#index.set(op, this.#stack.length);
    this.#stack.push(op);
  }
  pop(): Operation | undefined {
    while (this.#stack.length > 0) {
      const op = this.#stack.pop();
      if (op === undefined) continue;
      this.#index.delete(op);
      return op;
    }
    return undefined;
  }
  remove(op: Operation): void {
    const i = this.#index.get(op);
    if (i === undefined) return;
    this.#stack[i] = undefined;
    this.#index.delete(op);
  }
}

/**
 * The driver's rewriter: tells its listener which erased op is the one erased (the others notified are nested
 * in it), and whether inserted ops are only being moved by block or region inlining.
 */
class DriverRewriter extends PatternRewriter {
  erasing: Operation | undefined = undefined;
  inlining = 0;

  override eraseOp(op: Operation): void {
    const outer = this.erasing;
    this.erasing = op;
    try {
      super.eraseOp(op);
    } finally {
      this.erasing = outer;
    }
  }
  override inlineBlockBefore(source: Block, dest: Block, before: Operation | undefined, argValues: readonly Value[] = []): void {
    this.inlining++;
    try {
      super.inlineBlockBefore(source, dest, before, argValues);
    } finally {
      this.inlining--;
    }
  }
  override inlineRegionBefore(region: Region, parent: Region, index: number = parent.blocks.length): void {
    this.inlining++;
    try {
      super.inlineRegionBefore(region, parent, index);
    } finally {
      this.inlining--;
    }
  }
}

const NOT_FOLDED: FoldOutcome = { kind: "failed" };

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

  const worklist = new Worklist();
  /** While positive, changes add nothing to the worklist (seeding it; the folder's own work). */
  let quiet = 0;
  /** Pushes `op` and its ancestors below `root`, innermost first; nothing when `op` is not under `root`. */
  const addToWorklist = (op: Operation): void => {
    for (let o = op; ; ) {
      const owner = o.parentRegion?.parentOp;
      if (owner === undefined) return;
      if (owner === root) break;
      o = owner;
    }
    for (let o: Operation | undefined = op; o !== undefined && o !== root; o = o.parentOp) worklist.push(o);
  };
  /** The defining ops of `operands` with at most one use left: erasing them, or what folds with them, may pay. */
  const addDefiningOps = (operands: readonly Value[]): void => {
    for (const v of operands) {
      if (v.hasUses && !v.hasOneUse) continue;
      const def = v.definingOp;
      if (def !== undefined) addToWorklist(def);
    }
  };
  const user = opts.listener;
  const rw = new DriverRewriter({
    notifyOperationInserted(op) {
      if (quiet === 0 && rw.inlining === 0) addToWorklist(op);
      user?.notifyOperationInserted?.(op);
    },
    notifyBlockCreated(b: Block) {
      user?.notifyBlockCreated?.(b);
    },
    notifyOperationModified(op) {
      if (quiet === 0) addToWorklist(op);
      user?.notifyOperationModified?.(op);
    },
    notifyOperationReplaced(op, values) {
      if (quiet === 0) for (const r of op.results) for (const use of r.uses()) addToWorklist(use.owner);
      user?.notifyOperationReplaced?.(op, values);
    },
    notifyOperationErased(op) {
      if (quiet === 0 && op === rw.erasing) addDefiningOps(op.operands);
      worklist.remove(op);
      folder?.notifyErased(op);
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

  /** The ops nested in `root`, in pre-order; constants are uniqued and hoisted on the way (as MLIR seeds). */
  const seed = (): Operation[] => {
    const ops: Operation[] = [];
    quiet++;
    root.walk((op) => {
      if (op === root) return;
      if (folder !== undefined && op.hasTrait(ConstantLike) && !folder.insertKnownConstant(op, rw)) return "skip";
      ops.push(op);
    }, "pre");
    quiet--;
    return ops;
  };
  /** Folds `op` (constants always, when there is a folder; other ops when folding is on). */
  const tryFold = (op: Operation): FoldOutcome => {
    if (folder === undefined || !(doFold || op.hasTrait(ConstantLike))) return NOT_FOLDED;
    quiet++;
    try {
      return folder.tryFold(op, rw);
    } finally {
      quiet--;
    }
  };

  let changedEver = false;
  let rewrites = 0;
  const lastApplied = new Map<string, number>();
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const changesBefore = folder?.changes ?? 0;
    worklist.reset(seed());
    let changed = false;
    lastApplied.clear();
    for (let op = worklist.pop(); op !== undefined; op = worklist.pop()) {
      if (op.parent === undefined) continue;
      if (removeDead && isOpTriviallyDead(op)) {
        rw.eraseOp(op);
        count("dce");
        changed = true;
        continue;
      }
      const operands = op.operands;
      const folded = tryFold(op);
      if (folded.kind === "replaced") {
        for (const c of folded.generated) addToWorklist(c);
        addDefiningOps(operands);
        rw.replaceOp(op, folded.values);
        changed = true;
        if (op.hasTrait(ConstantLike)) {
          count("constant");
          continue;
        }
        count("fold");
        rw.listener?.notifyPatternApplied?.("fold", op);
        rw.listener?.notifyOperationFolded?.(op);
        continue;
      }
      if (folded.kind === "in-place") {
        // Updated in place: not re-queued; the patterns see it now.
        count("fold");
        rw.listener?.notifyPatternApplied?.("fold", op);
        rw.listener?.notifyOperationFolded?.(op);
        changed = true;
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
    // Constants the folder only moved or merged while seeding do not call for another sweep (as in MLIR).
    changedEver ||= changed || (folder?.changes ?? 0) !== changesBefore;
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
