/**
 * Dead code elimination: erases the blocks no path from their region's entry reaches (MLIR's
 * eraseUnreachableBlocks, part of its region simplification), then the trivially dead ops (no uses, no side
 * effects, not a terminator), repeatedly, since erasing an op can leave its operands' definitions dead.
 *
 *   func.func @f(%a: i32) -> i32 {                        func.func @f(%a: i32) -> i32 {
 *     %0 = arith.muli %a, %a : i32      // unused            return %a : i32
 *     %1 = arith.addi %0, %a : i32      // unused   --dce->  }
 *     return %a : i32
 *   ^bb1:                               // unreachable
 *     return %a : i32
 *   }
 *
 * Ops with side effects (calls, asserts, unregistered ops) stay even when unused, and so do block arguments
 * (MLIR's canonicalizer drops unused ones of non-entry blocks; this pass does not).
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Block, Operation, Region } from "../../src/ir/operation.ts";
import { definePass } from "../../src/pass/pass.ts";
import { isTriviallyDead } from "../../src/rewrite/greedy.ts";
import { Rewriter, type RewriteListener } from "../../src/rewrite/rewriter.ts";
import { reachableBlocksInRpo } from "./cse.ts";

export interface DceResult {
  readonly changed: boolean;
  /** Blocks erased because nothing reaches them. */
  readonly erasedBlocks: number;
  /** Dead ops erased (nested ops of an erased op not counted). */
  readonly erasedOps: number;
}

export interface DceOptions {
  /** Told of every erasure. */
  readonly listener?: RewriteListener;
}

/**
 * Erases the blocks of `region` (not of regions nested in it) that its entry block does not reach, and
 * returns how many. Values defined in them can only be used in other unreachable blocks, so all go at once.
 */
export function eraseUnreachableBlocks(region: Region, rw: Rewriter): number {
  if (region.blocks.length <= 1) return 0;
  const reachable = new Set(reachableBlocksInRpo(region));
  const dead = region.blocks.filter((b) => !reachable.has(b));
  for (const block of dead) rw.eraseBlock(block);
  return dead.length;
}

/** True when `block` is the entry of its region or some path from the entry reaches it. */
export function isReachable(block: Block): boolean {
  const region = block.parent;
  if (region === undefined || region.entry === block) return true;
  return reachableBlocksInRpo(region).includes(block);
}

/** Erases unreachable blocks in every region nested in `root`, outermost first (so dead code is not visited). */
function eraseAllUnreachableBlocks(root: Operation, rw: Rewriter): number {
  let erased = 0;
  const visit = (op: Operation): void => {
    for (const region of op.regions) {
      erased += eraseUnreachableBlocks(region, rw);
      for (const block of region.blocks) for (const nested of block.ops()) visit(nested);
    }
  };
  visit(root);
  return erased;
}

/** Erases trivially dead ops nested in `root` until none is left; returns how many it erased. */
export function eraseDeadOps(root: Operation, rw: Rewriter): number {
  const ops: Operation[] = [];
  root.walk((op) => void (op !== root && ops.push(op)), "pre");
  // Users come after their definitions in pre-order, so walking backwards frees most definitions in one pass;
  // the worklist catches the rest (definitions in later blocks that dominate earlier ones, graph regions).
  const worklist = ops.reverse();
  const queued = new Set(worklist);
  let erased = 0;
  for (let head = 0; head < worklist.length; head++) {
    const op = worklist[head] as Operation;
    queued.delete(op);
    if (op.parent === undefined || !isTriviallyDead(op)) continue;
    const definitions = op.operands.map((v) => v.definingOp).filter((d): d is Operation => d !== undefined);
    rw.eraseOp(op);
    erased++;
    for (const d of definitions) {
      if (queued.has(d) || d === root) continue;
      queued.add(d);
      worklist.push(d);
    }
  }
  return erased;
}

/** Erases unreachable blocks and dead ops in everything nested in `root` (not `root` itself). */
export function dce(root: Operation, opts: DceOptions = {}): Either<Diagnostic, DceResult> {
  const rw = new Rewriter(opts.listener);
  const erasedBlocks = eraseAllUnreachableBlocks(root, rw);
  const erasedOps = eraseDeadOps(root, rw);
  return right({ changed: erasedBlocks + erasedOps > 0, erasedBlocks, erasedOps });
}

/** `dce`: unreachable blocks and trivially dead ops, on any op. */
export const dcePass = definePass({
  name: "dce",
  displayName: "DCE",
  summary: "Erase unreachable blocks and trivially dead operations",
  description: "Erases blocks no path from their region's entry reaches, then ops without uses or side effects, to a fixpoint.",
  statistics: { "num-blocks": "Unreachable blocks erased", "num-ops": "Dead operations erased" },
  run(op, pctx) {
    const r = dce(op);
    if (isLeft(r)) return left([r.left]);
    pctx.stat("num-blocks", r.right.erasedBlocks);
    pctx.stat("num-ops", r.right.erasedOps);
    return { changed: r.right.changed };
  },
});
