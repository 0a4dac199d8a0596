/**
 * Common subexpression elimination, as MLIR 16's CSE pass (mlir/lib/Transforms/CSE.cpp):
 *
 *   %0 = arith.addi %a, %b : i32                      %0 = arith.addi %a, %b : i32
 *   %1 = arith.addi %b, %a : i32        --cse->       %2 = arith.muli %0, %0 : i32
 *   %2 = arith.muli %0, %1 : i32
 *
 * An op is replaced by an earlier equivalent op that dominates it: same name, operands (in any order for
 * Commutative ops), attributes and result types, locations ignored. Candidates are the memory-effect-free ops
 * (MemoryEffectOpInterface with no effect, nested ops included under RecursiveMemoryEffects), and ops that only
 * read, when the earlier one is in the same block with no op that may write in between (MLIR 16's rule: an op
 * that does not declare its effects may write):
 *
 *   %0 = test.load %m : i32            %0 = test.load %m : i32
 *   %1 = test.load %m : i32   --cse->  test.store %0, %m : i32
 *   test.store %1, %m : i32            %2 = test.load %m : i32     (the store separates the last two loads)
 *   %2 = test.load %m : i32
 *
 * Terminators and ops with regions never are (mlir-opt-16 does not CSE them either), but the ops inside their regions are, against
 * what dominates them outside unless the op is IsolatedFromAbove (a function sees nothing of its module).
 * Trivially dead ops met on the way are erased too, as MLIR's CSE does.
 *
 * MLIR walks each region's dominator tree with a scoped hash table. Here blocks are visited in reverse
 * post-order (a dominator before what it dominates) and a table entry is used only if it dominates the op,
 * by DominanceInfo: the same replacements, without building the tree's child lists. Unreachable blocks are
 * left alone, and so are regions of several blocks without SSA dominance (graph regions), as in MLIR. In a
 * single-block graph region, uses by ops already visited are not replaced (they may come before the
 * definition), so such an op is only erased when it has no uses left.
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Context } from "../../src/ir/context.ts";
import { UnknownLoc } from "../../src/ir/location.ts";
import type { Block, Operation, Region } from "../../src/ir/operation.ts";
import { Commutative, GraphRegion, IsolatedFromAbove, Terminator } from "../../src/ir/traits.ts";
import type { Value } from "../../src/ir/value.ts";
import { DominanceInfo } from "../../src/irdl/verifier.ts";
import { isMemoryEffectFree, isOpTriviallyDead, mayWrite, onlyReads } from "../../src/interfaces/side-effect-queries.ts";
import { definePass } from "../../src/pass/pass.ts";
import { Rewriter, type RewriteListener } from "../../src/rewrite/rewriter.ts";

export interface CseResult {
  readonly changed: boolean;
  /** Ops replaced by an equivalent one (MLIR's `num-cse` statistic). */
  readonly numCSE: number;
  /** Trivially dead ops erased (MLIR's `num-dce` statistic). */
  readonly numDCE: number;
}

export interface CseOptions {
  /** Told of every replacement and erasure. */
  readonly listener?: RewriteListener;
}

/** False for the regions of GraphRegion ops (builtin.module's body), whose ops may use each other in any order. */
export function hasSsaDominance(region: Region): boolean {
  const op = region.parentOp;
  return op === undefined || !op.hasTrait(GraphRegion);
}

/** The blocks of `region` reachable from its entry, in reverse post-order. */
export function reachableBlocksInRpo(region: Region): Block[] {
  const entry = region.entry;
  if (entry === undefined) return [];
  const post: Block[] = [];
  const seen = new Set<Block>([entry]);
  const stack: [Block, Block[]][] = [[entry, [...entry.successors]]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [Block, Block[]];
    const next = top[1].shift();
    if (next === undefined) {
      post.push(top[0]);
      stack.pop();
    } else if (!seen.has(next) && next.parent === region) {
      seen.add(next);
      stack.push([next, [...next.successors]]);
    }
  }
  return post.reverse();
}

/**
 * Known ops by a key that two ops share exactly when they are equivalent (ops with regions never get one),
 * in nested scopes: what a region's ops add is dropped when the region is done (nothing in it dominates
 * what follows the region's op), as MLIR's scoped hash table pops a dominator subtree's entries.
 */
class KnownOps {
  readonly #byKey = new Map<string, Operation[]>();
  readonly #members = new Set<Operation>();
  readonly #valueIds = new Map<Value, number>();
  /** The keys inserted in each open scope, innermost last. */
  readonly #scopes: string[][] = [[]];

  key(op: Operation): string {
    const operands = op.opOperands.map((o) => this.#valueId(o.value));
    if (op.hasTrait(Commutative)) operands.sort((a, b) => a - b);
    // Attribute dictionaries are interned: equal attributes are the same dictionary.
    let types = "";
    for (const r of op.results) types += `,${r.type.id}`;
    return `${op.name}(${operands.join(",")}){${op.attrDictionary.id}}:${types}`;
  }
  candidates(key: string): readonly Operation[] {
    return this.#byKey.get(key) ?? [];
  }
  insert(key: string, op: Operation): void {
    const list = this.#byKey.get(key);
    if (list === undefined) this.#byKey.set(key, [op]);
    else list.push(op);
    this.#members.add(op);
    (this.#scopes[this.#scopes.length - 1] as string[]).push(key);
  }
  pushScope(): void {
    this.#scopes.push([]);
  }
  /** Forgets what was inserted since the matching pushScope (the latest entries of their lists). */
  popScope(): void {
    const keys = this.#scopes.pop() ?? [];
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const list = this.#byKey.get(key) as Operation[];
      this.#members.delete(list.pop() as Operation);
      if (list.length === 0) this.#byKey.delete(key);
    }
  }
  has(op: Operation): boolean {
    return this.#members.has(op);
  }
  #valueId(v: Value): number {
    let id = this.#valueIds.get(v);
    if (id === undefined) this.#valueIds.set(v, (id = this.#valueIds.size));
    return id;
  }
}

class CSE {
  readonly #dominance = new DominanceInfo();
  readonly #toErase: Operation[] = [];
  /** Per read op: how far past it the scan for writes went, and whether it met one. */
  readonly #scanned = new Map<Operation, { upTo: Operation | undefined; wrote: boolean }>();
  readonly #rw: Rewriter;
  numCSE = 0;
  numDCE = 0;

  constructor(listener: RewriteListener | undefined) {
    this.#rw = new Rewriter(listener);
  }

  run(root: Operation): void {
    const known = new KnownOps();
    for (const region of root.regions) this.#simplifyRegion(known, region);
    for (const op of this.#toErase) this.#rw.eraseOp(op);
  }

  #simplifyRegion(known: KnownOps, region: Region): void {
    if (region.isEmpty) return;
    const ssa = hasSsaDominance(region);
    if (region.blocks.length === 1) {
      this.#simplifyBlock(known, region.block, ssa);
      return;
    }
    if (!ssa) return;
    for (const block of reachableBlocksInRpo(region)) this.#simplifyBlock(known, block, ssa);
  }

  #simplifyBlock(known: KnownOps, block: Block, ssa: boolean): void {
    for (const op of block.ops()) {
      if (op.regions.length > 0) {
        // Values from outside may not be captured by an isolated op's regions: they start from nothing.
        const isolated = !op.isRegistered || op.hasTrait(IsolatedFromAbove);
        const scope = isolated ? new KnownOps() : known;
        for (const region of op.regions) {
          scope.pushScope();
          this.#simplifyRegion(scope, region);
          scope.popScope();
        }
      }
      this.#simplifyOperation(known, op, ssa);
    }
  }

  #simplifyOperation(known: KnownOps, op: Operation, ssa: boolean): void {
    if (op.hasTrait(Terminator)) return;
    if (isOpTriviallyDead(op)) {
      this.#toErase.push(op);
      this.numDCE++;
      return;
    }
    if (op.regions.length > 0) return;
    if (!isMemoryEffectFree(op)) {
      if (onlyReads(op)) this.#simplifyRead(known, op, ssa);
      return;
    }
    const key = known.key(op);
    const existing = known.candidates(key).find((c) => this.#dominance.properlyDominatesOp(c, op));
    if (existing === undefined) {
      known.insert(key, op);
      return;
    }
    this.#replace(known, op, existing, ssa);
  }

  /** An op that only reads: replaced by an equivalent read earlier in its block when nothing may write in between. */
  #simplifyRead(known: KnownOps, op: Operation, ssa: boolean): void {
    const key = known.key(op);
    // The latest equivalent read of the block: an earlier one is separated from `op` by whatever separates it.
    const candidates = known.candidates(key);
    let existing: Operation | undefined;
    for (let i = candidates.length - 1; i >= 0 && existing === undefined; i--) {
      const c = candidates[i] as Operation;
      if (c.parent === op.parent && this.#dominance.properlyDominatesOp(c, op)) existing = c;
    }
    if (existing !== undefined && !this.#writesBetween(existing, op)) {
      // As MLIR 16, a read replaced this way is not counted in num-cse.
      this.#replace(known, op, existing, ssa, false);
      return;
    }
    known.insert(key, op);
  }

  /**
   * True when an op strictly between `from` and `to` (one block, `from` first) may write. What was scanned after
   * `from` is remembered (MLIR's memEffectsCache), so a run of equal reads is scanned once.
   */
  #writesBetween(from: Operation, to: Operation): boolean {
    const cached = this.#scanned.get(from);
    if (cached?.wrote === true) return true;
    let next = cached === undefined ? from.next : cached.upTo;
    for (; next !== undefined && next !== to; next = next.next) {
      if (mayWrite(next)) {
        this.#scanned.set(from, { upTo: next, wrote: true });
        return true;
      }
    }
    this.#scanned.set(from, { upTo: to, wrote: false });
    return false;
  }

  #replace(known: KnownOps, op: Operation, existing: Operation, ssa: boolean, count = true): void {
    op.results.forEach((r, i) => {
      const to = existing.getResult(i);
      if (ssa) this.#rw.replaceAllUsesWith(r, to);
      else this.#rw.replaceUsesWithIf(r, to, (user) => !known.has(user));
    });
    if (op.useEmpty) this.#toErase.push(op);
    // Keep a real location: the survivor takes the duplicate's when its own is unknown.
    if (existing.loc instanceof UnknownLoc && !(op.loc instanceof UnknownLoc)) {
      this.#rw.modifyInPlace(existing, () => void (existing.loc = op.loc));
    }
    if (count) this.numCSE++;
  }
}

/**
 * Eliminates common subexpressions in everything nested in `root` (not `root` itself). CSE needs no dialect
 * hooks, so `ctx` is not used; it is there so that every shipped transform has the same call shape.
 */
export function cse(root: Operation, _ctx?: Context, opts: CseOptions = {}): Either<Diagnostic, CseResult> {
  const pass = new CSE(opts.listener);
  pass.run(root);
  return right({ changed: pass.numCSE + pass.numDCE > 0, numCSE: pass.numCSE, numDCE: pass.numDCE });
}

/** `cse`: MLIR's CSE pass, on any op. */
export const csePass = definePass({
  name: "cse",
  displayName: "CSE",
  summary: "Eliminate common sub-expressions",
  description: "Replaces each side-effect-free op by an equivalent op that dominates it, and erases trivially dead ops.",
  statistics: { "num-cse": "Number of operations CSE'd", "num-dce": "Number of operations DCE'd" },
  run(op, pctx) {
    const r = cse(op, pctx.context);
    if (isLeft(r)) return left([r.left]);
    pctx.stat("num-cse", r.right.numCSE);
    pctx.stat("num-dce", r.right.numDCE);
    return { changed: r.right.changed };
  },
});
