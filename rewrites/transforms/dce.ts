/**
 * Dead code elimination, as MLIR's region simplification does it (RegionUtils.cpp): erase the blocks no
 * path from their region's entry reaches (eraseUnreachableBlocks), then everything liveness finds dead
 * (runRegionDCE): ops with no side effects whose results no live op needs, cycles of them through loop
 * arguments included, and the arguments of non-entry blocks that no live op needs, with the operands
 * branches pass them.
 *
 *   func.func @f(%a: i32, %c: i1) -> i32 {            func.func @f(%a: i32, %c: i1) -> i32 {
 *     %0 = arith.muli %a, %a : i32     // unused        cf.cond_br %c, ^bb1, ^bb2
 *     cf.cond_br %c, ^bb1(%a : i32), ^bb2      -->    ^bb1:
 *   ^bb1(%x: i32):                     // unused          return %a : i32
 *     return %a : i32                                   ^bb2:
 *   ^bb2:                                                 return %a : i32
 *     return %a : i32                                   }
 *   ^bb3:                              // unreachable
 *     return %a : i32
 *   }
 *
 * Ops with side effects (calls, asserts, unregistered ops) and terminators stay. Successor operands are
 * dropped from branches that implement BranchOpInterface (whose forwarded operands can be erased in place); a
 * block reached by any other terminator keeps all its arguments, as MLIR keeps those of non-BranchOpInterface
 * predecessors. Entry block arguments are never touched (they belong to the function's signature).
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Block, Operation, Region } from "../../src/ir/operation.ts";
import { Terminator } from "../../src/ir/traits.ts";
import { BlockArgument, type OpOperand, OpResult, type Value } from "../../src/ir/value.ts";
import { BranchOpInterface, successorBlockArgument } from "../../src/interfaces/control-flow.ts";
import { wouldOpBeTriviallyDead } from "../../src/interfaces/side-effect-queries.ts";
import { definePass } from "../../src/pass/pass.ts";
import { Rewriter, type RewriteListener } from "../../src/rewrite/rewriter.ts";
import { reachableBlocksInRpo } from "./cse.ts";
import { mergeIdenticalBlocks } from "./merge-blocks.ts";

export interface DceResult {
  readonly changed: boolean;
  /** Blocks erased because nothing reaches them. */
  readonly erasedBlocks: number;
  /** Dead ops erased (ops nested in an erased op not counted). */
  readonly erasedOps: number;
  /** Arguments of non-entry blocks erased. */
  readonly erasedArguments: number;
}

export interface DceOptions {
  /** Told of every change. */
  readonly listener?: RewriteListener;
}

// ---- unreachable blocks ----------------------------------------------------------------------------------

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

// ---- liveness ----------------------------------------------------------------------------------------------

/** The live ops and block arguments, grown to a fixpoint by `propagate`. */
class LiveMap {
  readonly #ops = new Set<Operation>();
  readonly #args = new Set<BlockArgument>();
  changed = false;

  isLive(v: Value | Operation): boolean {
    if (v instanceof OpResult) return this.#ops.has(v.owner);
    if (v instanceof BlockArgument) return this.#args.has(v);
    return this.#ops.has(v as Operation);
  }
  markLive(v: Value | Operation): void {
    const before = this.#ops.size + this.#args.size;
    if (v instanceof OpResult) this.#ops.add(v.owner);
    else if (v instanceof BlockArgument) this.#args.add(v);
    else this.#ops.add(v as Operation);
    this.changed ||= this.#ops.size + this.#args.size !== before;
  }

  /**
   * A use that does not keep its value alive: an operand a branch forwards to a dead block argument (each such
   * operand is really the input of its own phi, not of the branch).
   */
  #isKnownDeadUse(use: OpOperand): boolean {
    const owner = use.owner;
    if (!owner.hasTrait(Terminator)) return false;
    const arg = successorBlockArgument(owner, use.index);
    return arg !== undefined && !this.isLive(arg);
  }

  /** Marks `v` live when a live op uses it (other than through a dead forwarded operand). */
  processValue(v: Value): void {
    for (const use of v.uses()) {
      if (this.#isKnownDeadUse(use) || !this.isLive(use.owner)) continue;
      this.markLive(v);
      return;
    }
  }

  /**
   * Terminators are live; so are the arguments of successors reached by anything but a BranchOpInterface op, and
   * those a branch produces itself rather than forwards.
   */
  #propagateTerminator(op: Operation): void {
    this.markLive(op);
    const branch = BranchOpInterface.of(op);
    op.successors.forEach((succ, i) => {
      const produced = branch === undefined ? succ.args.length : branch.getSuccessorOperands(i).producedOperandCount;
      for (let a = 0; a < produced && a < succ.args.length; a++) this.markLive(succ.arg(a));
    });
  }

  propagateOp(op: Operation): void {
    for (const region of op.regions) this.propagateRegion(region);
    if (op.hasTrait(Terminator)) return this.#propagateTerminator(op);
    if (this.isLive(op)) return;
    if (!wouldOpBeTriviallyDead(op)) return this.markLive(op);
    for (const r of op.results) this.processValue(r);
  }

  /** Blocks in post-order and ops backwards, so uses are mostly seen before definitions. */
  propagateRegion(region: Region): void {
    for (const block of reachableBlocksInRpo(region).reverse()) {
      for (const op of [...block.ops()].reverse()) this.propagateOp(op);
      if (block === region.entry) continue;
      for (const a of block.args) if (!this.isLive(a)) this.processValue(a);
    }
  }
}

// ---- deletion ----------------------------------------------------------------------------------------------

/** Erases, in place, the operands the branch `op` forwards to dead block arguments. */
function dropDeadForwardedOperands(op: Operation, live: LiveMap, rw: Rewriter): void {
  const branch = BranchOpInterface.of(op);
  if (branch === undefined) return;
  const dead = (succ: Block, i: number): number[] => {
    const operands = branch.getSuccessorOperands(i);
    const out: number[] = [];
    for (let a = operands.length - 1; a >= operands.producedOperandCount; a--) if (!live.isLive(succ.arg(a))) out.push(a - operands.producedOperandCount);
    return out;
  };
  if (op.successors.every((succ, i) => dead(succ, i).length === 0)) return;
  rw.modifyInPlace(op, () =>
    op.successors.forEach((succ, i) => {
      // Highest first, so the indices still to erase stay valid.
      for (const index of dead(succ, i)) branch.getSuccessorOperands(i).forwarded.erase(index);
    }),
  );
}

/** How many dead ops (not counting those nested in them) and block arguments were erased. */
export interface Erased {
  ops: number;
  args: number;
}

function deleteDeadness(regions: readonly Region[], live: LiveMap, rw: Rewriter, erased: Erased): void {
  for (const region of regions) {
    if (region.isEmpty) continue;
    const multiBlock = region.blocks.length > 1;
    for (const block of reachableBlocksInRpo(region).reverse()) {
      if (multiBlock && block.last !== undefined) dropDeadForwardedOperands(block.last, live, rw);
      for (const op of [...block.ops()].reverse()) {
        if (live.isLive(op)) {
          deleteDeadness(op.regions, live, rw, erased);
          continue;
        }
        // A graph region may hold a dead cycle; ops still used by one are left to a later run.
        if (!op.useEmpty) continue;
        rw.eraseOp(op);
        erased.ops++;
      }
    }
    for (const block of region.blocks.slice(1)) {
      for (let i = block.args.length - 1; i >= 0; i--) {
        const a = block.arg(i);
        if (live.isLive(a) || a.hasUses) continue;
        block.eraseArgument(i);
        erased.args++;
      }
    }
  }
}

/**
 * MLIR's runRegionDCE on the regions of `root`: computes liveness to a fixpoint, then erases dead ops and
 * dead arguments of non-entry blocks (with the operands branches forward to them).
 */
export function eraseDeadCode(root: Operation, rw: Rewriter): Erased {
  const live = new LiveMap();
  do {
    live.changed = false;
    for (const region of root.regions) live.propagateRegion(region);
  } while (live.changed);
  const erased: Erased = { ops: 0, args: 0 };
  deleteDeadness(root.regions, live, rw, erased);
  return erased;
}

export interface SimplifyResult extends Erased {
  /** Blocks erased: unreachable ones, and those merged into an identical block. */
  readonly erasedBlocks: number;
  /** How many of `erasedBlocks` were merged into an identical block. */
  readonly mergedBlocks: number;
}

/**
 * MLIR's simplifyRegions: erases unreachable blocks, then dead code, then merges identical blocks
 * (rewrites/transforms/merge-blocks.ts; unless `mergeBlocks` is false), in everything nested in `root`,
 * through `rw` (so a greedy driver's listener sees it). Returns what it erased. MLIR's greedy driver runs this
 * after each sweep (its `region-simplify` option); what the merging leaves dead goes in the next run.
 */
export function simplifyRegions(root: Operation, rw: Rewriter, opts: { readonly mergeBlocks?: boolean } = {}): SimplifyResult {
  const unreachable = eraseAllUnreachableBlocks(root, rw);
  const erased = eraseDeadCode(root, rw);
  const mergedBlocks = (opts.mergeBlocks ?? true) ? mergeIdenticalBlocks(root, rw) : 0;
  return { erasedBlocks: unreachable + mergedBlocks, mergedBlocks, ...erased };
}

/** Erases unreachable blocks and dead code in everything nested in `root` (not `root` itself); merges no blocks. */
export function dce(root: Operation, opts: DceOptions = {}): Either<Diagnostic, DceResult> {
  const { erasedBlocks, ops, args } = simplifyRegions(root, new Rewriter(opts.listener), { mergeBlocks: false });
  return right({ changed: erasedBlocks + ops + args > 0, erasedBlocks, erasedOps: ops, erasedArguments: args });
}

/** `dce`: unreachable blocks, dead ops and dead block arguments, on any op. */
export const dcePass = definePass({
  name: "dce",
  displayName: "DCE",
  summary: "Erase unreachable blocks, dead operations and dead block arguments",
  description: "MLIR's region simplification without block merging: erases unreachable blocks, then what liveness finds dead.",
  statistics: { "num-blocks": "Unreachable blocks erased", "num-ops": "Dead operations erased", "num-args": "Dead block arguments erased" },
  run(op, pctx) {
    const r = dce(op);
    if (isLeft(r)) return left([r.left]);
    pctx.stat("num-blocks", r.right.erasedBlocks);
    pctx.stat("num-ops", r.right.erasedOps);
    pctx.stat("num-args", r.right.erasedArguments);
    return { changed: r.right.changed };
  },
});
