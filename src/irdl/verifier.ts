/**
 * The verifier: checks an op and everything nested in it, as MLIR 16's OperationVerifier does, with its
 * messages.
 *
 *   verify(module, { ctx })   Right(undefined), or Left(diagnostics) in the order MLIR checks
 *   verifyOp(op)              the op alone: its invariants, region rules and the dominance of the ops directly
 *                             in its regions, without verifying nested ops (MLIR's verify(op, false))
 *
 * Order (MLIR's): a depth-first walk visits each op (its own rules, see verify-op.ts; then per region: graph
 * regions have at most one block, the entry block has no predecessors), then its blocks (not empty unless they
 * need no terminator; only the last op branches), then the ops in them; leaving a block checks its terminator
 * and successors; leaving an op verifies its nested isolated-from-above ops (each one fully, dominance
 * included) and then its region traits (isolation, symbol tables). Dominance of an isolated op's regions is
 * checked after its structure.
 *
 * MLIR stops at the first error. This verifier keeps going and reports the first error of each op, block and
 * use, so the first diagnostic is always MLIR's; `stopAtFirst` makes it stop like mlir-opt. The walk uses
 * explicit stacks, so deep nesting cannot overflow the JS stack.
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import type { Context } from "../ir/context.ts";
import { UnknownLoc } from "../ir/location.ts";
import type { Block, Operation, Region, Trait } from "../ir/operation.ts";
import { GraphRegion, IsolatedFromAbove, NoTerminator, Terminator } from "../ir/traits.ts";
import { BlockArgument, type Value } from "../ir/value.ts";
import { printOp } from "../text/printer.ts";
import { opEmitError } from "./op-error.ts";
import { type Failure, opError } from "./trait-verifiers.ts";
import { verifyInvariants, verifyRegionInvariants } from "./verify-op.ts";

export interface VerifyOptions {
  /**
   * The context the IR belongs to: with it, unregistered ops are errors unless the context allows
   * unregistered dialects (and always when their dialect is loaded), as in MLIR.
   */
  readonly ctx?: Context;
  /** Stop at the first error, as mlir-opt does. */
  readonly stopAtFirst?: boolean;
}

/** Verifies `root` and everything nested in it. */
export function verify(root: Operation, opts: VerifyOptions = {}): Either<Diagnostic[], void> {
  return new OperationVerifier(true, opts).run(root);
}

/** Verifies `root` alone: its rules and its regions' structure and dominance, not the ops nested in it. */
export function verifyOp(op: Operation, opts: VerifyOptions = {}): Either<Diagnostic[], void> {
  return new OperationVerifier(false, opts).run(op);
}

// ---- the walk ----------------------------------------------------------------------------------------------

type WorkItem =
  | { readonly kind: "enter-op" | "exit-op" | "finish-op" | "dominance"; readonly op: Operation }
  | { readonly kind: "enter-block" | "exit-block"; readonly block: Block };

/** MLIR's mightHaveTrait: an unregistered op may have any trait. */
const mightHaveTrait = (op: Operation, trait: Trait): boolean => !op.isRegistered || op.hasTrait(trait);

const hasIsolatedRegions = (op: Operation): boolean => op.regions.length > 0 && op.hasTrait(IsolatedFromAbove);

/** A block needs no terminator when it is alone in a region of an op that may be NoTerminator (or has no op). */
function mayBeValidWithoutTerminator(block: Block): boolean {
  const region = block.parent;
  if (region === undefined) return true;
  if (region.blocks.length !== 1) return false;
  const op = region.parent;
  return op === undefined || mightHaveTrait(op, NoTerminator);
}

class OperationVerifier {
  readonly #errors: Diagnostic[] = [];
  readonly #dominance = new DominanceInfo();
  /** Ops whose own rules failed. */
  readonly #failed = new Set<Operation>();

  constructor(
    private readonly recursive: boolean,
    private readonly opts: VerifyOptions,
  ) {}

  run(root: Operation): Either<Diagnostic[], void> {
    const stack: WorkItem[] = [
      { kind: "dominance", op: root },
      { kind: "enter-op", op: root },
    ];
    while (stack.length > 0 && !this.#stopped) this.#visit(stack.pop()!, stack);
    return this.#errors.length > 0 ? left(this.#errors) : right(undefined);
  }

  get #stopped(): boolean {
    return this.opts.stopAtFirst === true && this.#errors.length > 0;
  }

  #report(failure: Failure): void {
    if (failure !== undefined && !this.#stopped) this.#errors.push(failure);
  }

  #visit(item: WorkItem, stack: WorkItem[]): void {
    switch (item.kind) {
      case "enter-op": {
        const failure = this.#enterOp(item.op);
        if (failure !== undefined) this.#failed.add(item.op);
        this.#report(failure);
        if (item.op.regions.length === 0) {
          // Most ops: nothing nested, so "exit-op" would only queue "finish-op", which would run next.
          if (!this.#stopped) this.#visit({ kind: "finish-op", op: item.op }, stack);
          return;
        }
        stack.push({ kind: "exit-op", op: item.op });
        if (!this.recursive) return;
        for (const region of [...item.op.regions].reverse()) {
          for (const block of [...region.blocks].reverse()) stack.push({ kind: "enter-block", block });
        }
        return;
      }
      case "enter-block":
        this.#report(enterBlock(item.block));
        stack.push({ kind: "exit-block", block: item.block });
        for (let op = item.block.last; op !== undefined; op = op.prev) if (!hasIsolatedRegions(op)) stack.push({ kind: "enter-op", op });
        return;
      case "exit-block":
        this.#report(this.#exitBlock(item.block));
        return;
      case "exit-op":
        // Isolated ops nested here are verified whole (structure, then dominance) before the op's region traits.
        stack.push({ kind: "finish-op", op: item.op });
        if (!this.recursive || item.op.regions.length === 0) return;
        for (const op of isolatedChildren(item.op).reverse()) {
          stack.push({ kind: "dominance", op }, { kind: "enter-op", op });
        }
        return;
      case "finish-op":
        // An op whose own rules failed is not asked its region rules (MLIR stops at the first failure), which
        // may assume them (InferTypeOpInterface reads the operands the op's rules checked).
        this.#report((this.#failed.has(item.op) ? undefined : verifyRegionInvariants(item.op)) ?? this.#checkRegistration(item.op));
        return;
      case "dominance":
        this.#verifyDominance(item.op);
        return;
    }
  }

  /** The op's own rules, then its regions' shape. */
  #enterOp(op: Operation): Failure {
    const invariants = verifyInvariants(op);
    if (invariants !== undefined) return invariants;
    for (const [i, region] of op.regions.entries()) {
      if (op.isRegistered && op.hasTrait(GraphRegion) && region.blocks.length > 1) {
        return opError(op, `expects graph region #${i} to have 0 or 1 blocks`);
      }
      const entry = region.entry;
      if (entry !== undefined && hasPredecessors(entry)) return error(op.loc, "entry block of region may not have predecessors");
    }
    return undefined;
  }

  #exitBlock(block: Block): Failure {
    const last = block.last;
    if (last === undefined) return undefined;
    // MLIR's Block::getSuccessors is empty in a single-block region.
    if ((block.parent?.blocks.length ?? 0) > 1 && last.successors.some((s) => s.parent !== block.parent)) {
      return opError(last, "branching to block of a different region");
    }
    if (mayBeValidWithoutTerminator(block) || mightHaveTrait(last, Terminator)) return undefined;
    const printed = printOp(last, { generic: true, localScope: true, ...(this.opts.ctx ? { ctx: this.opts.ctx } : {}) });
    return opEmitError(last, `block with no terminator, has ${printed.trimEnd()}`);
  }

  /** An unregistered op is fine only where its dialect is unknown and the context allows that. */
  #checkRegistration(op: Operation): Failure {
    const ctx = this.opts.ctx;
    if (op.isRegistered || ctx === undefined) return undefined;
    if (ctx.dialect(op.dialect) === undefined) {
      if (ctx.allowUnregisteredDialects) return undefined;
      return opError(
        op,
        "created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used",
      );
    }
    return opEmitError(op, `unregistered operation '${op.name}' found in dialect ('${op.dialect}') that does not allow unknown operations`);
  }

  /** Every operand of every op in `root`'s regions (not inside nested isolated ops) dominates its use. */
  #verifyDominance(root: Operation): void {
    const worklist = [root];
    while (worklist.length > 0 && !this.#stopped) {
      const op = worklist.pop()!;
      for (const region of op.regions) {
        for (const block of region.blocks) {
          const reachable = this.#dominance.isReachable(block);
          for (const user of block.ops()) {
            if (reachable) {
              const bad = user.operands.findIndex((v) => !this.#dominance.properlyDominates(v, user));
              if (bad >= 0) this.#report(diagnoseDominance(user, bad));
            }
            if (this.recursive && user.regions.length > 0 && !user.hasTrait(IsolatedFromAbove)) worklist.push(user);
          }
        }
      }
    }
  }
}

function isolatedChildren(op: Operation): Operation[] {
  const out: Operation[] = [];
  for (const region of op.regions) for (const block of region.blocks) for (const o of block.ops()) if (hasIsolatedRegions(o)) out.push(o);
  return out;
}

/**
 * True when an op of the block's region branches to it (MLIR looks at every use of the block): from the
 * block's successor uses, not a scan of the region.
 */
function hasPredecessors(block: Block): boolean {
  const region = block.parent;
  if (region === undefined) return false;
  for (const u of block.uses()) if (u.owner.parentRegion === region) return true;
  return false;
}

function enterBlock(block: Block): Failure {
  if (block.isEmpty) {
    if (mayBeValidWithoutTerminator(block)) return undefined;
    return error(block.parentOp?.loc ?? UnknownLoc.get(), "empty block: expect at least a terminator");
  }
  for (let op = block.first; op !== undefined; op = op.next) {
    if (op.successors.length > 0 && op !== block.last) {
      return opEmitError(op, "operation with block successors must terminate its parent block");
    }
  }
  return undefined;
}

// ---- dominance diagnostics ---------------------------------------------------------------------------------

/** True when `inner` is strictly inside `outer`. */
function isProperAncestor(outer: Region, inner: Region): boolean {
  for (let r = inner.parent?.parentRegion; r !== undefined; r = r.parent?.parentRegion) if (r === outer) return true;
  return false;
}

type Relation = "the same region" | "a parent region" | "a child region";

/** Where the definition's region sits relative to the use's, in MLIR's words. */
function relation(useRegion: Region | undefined, defRegion: Region): Relation | undefined {
  if (useRegion === defRegion) return "the same region";
  if (useRegion === undefined) return undefined;
  if (isProperAncestor(defRegion, useRegion)) return "a parent region";
  if (isProperAncestor(useRegion, defRegion)) return "a child region";
  return undefined;
}

/** `operand #i does not dominate this use`, with a note on where the operand is defined. */
function diagnoseDominance(user: Operation, index: number): Diagnostic {
  const message = `operand #${index} does not dominate this use`;
  const value = user.getOperand(index);
  const useBlock = user.parent;
  if (!(value instanceof BlockArgument)) {
    const def = value.definingOp;
    const defBlock = def?.parent;
    const r = defBlock?.parent === undefined ? undefined : relation(useBlock?.parent, defBlock.parent);
    const where =
      defBlock !== undefined && defBlock === useBlock
        ? "op in the same block"
        : r !== undefined
          ? `op in ${r}`
          : "op is neither in a parent nor in a child region";
    return opEmitError(user, message, [note(def?.loc, `operand defined here (${where})`)]);
  }
  const owner = value.owner;
  const loc = owner.parentOp?.loc ?? UnknownLoc.get();
  const defRegion = owner.parent;
  if (defRegion === undefined) return opEmitError(user, message, [note(loc, " (block without parent)")]);
  const r = relation(useBlock?.parent, defRegion);
  const where = r === undefined ? "neither in a parent nor in a child region" : `in ${r}`;
  return opEmitError(user, message, [note(loc, `operand defined as a block argument (block #${defRegion.indexOf(owner)} ${where})`)]);
}

// ---- dominance ---------------------------------------------------------------------------------------------

/**
 * Dominance between values, ops and blocks, as MLIR's DominanceInfo: within a block, order decides (in SSA
 * regions; graph regions have none); across blocks of one region, the region's dominator tree; a value from
 * an enclosing region dominates a use when it dominates the op that (transitively) holds the use. Trees are
 * computed per region on first use, so the IR must not change while one instance is in use.
 */
export class DominanceInfo {
  readonly #trees = new Map<Region, DominatorTree>();

  /** True when `value` is available at `user` (a block argument dominates its whole block). */
  properlyDominates(value: Value, user: Operation): boolean {
    if (value instanceof BlockArgument) {
      const block = user.parent;
      return block !== undefined && this.dominatesBlock(value.owner, block);
    }
    const def = value.definingOp;
    return def !== undefined && this.properlyDominatesOp(def, user);
  }

  /** `a` runs before `b` on every path to `b`, and does not enclose it. */
  properlyDominatesOp(a: Operation, b: Operation): boolean {
    const aBlock = a.parent;
    let bBlock = b.parent;
    if (aBlock === undefined || bBlock === undefined || a === b) return false;
    const region = aBlock.parent;
    if (region !== bBlock.parent) {
      const ancestor = region === undefined ? undefined : ancestorOpIn(region, b);
      if (ancestor === undefined) return false;
      b = ancestor;
      bBlock = ancestor.parent!;
    }
    if (aBlock === bBlock) return hasSsaDominance(aBlock) ? a !== b && a.isBeforeInBlock(b) : true;
    return this.#tree(region!).properlyDominates(aBlock, bBlock);
  }

  dominatesBlock(a: Block, b: Block): boolean {
    return a === b || this.properlyDominatesBlock(a, b);
  }

  /** `a` is on every path from the entry to `b` (or holds, through nested ops, the block `b`), and differs. */
  properlyDominatesBlock(a: Block, b: Block): boolean {
    if (a === b) return false;
    const region = a.parent;
    if (region === undefined) return false;
    if (region !== b.parent) {
      const ancestor = ancestorBlockIn(region, b);
      if (ancestor === undefined) return false;
      if (ancestor === a) return true;
      b = ancestor;
    }
    return this.#tree(region).properlyDominates(a, b);
  }

  /** The entry block, or a block some path from it reaches. */
  isReachable(block: Block): boolean {
    const region = block.parent;
    if (region === undefined || region.entry === block) return true;
    return this.#tree(region).isReachable(block);
  }

  #tree(region: Region): DominatorTree {
    let tree = this.#trees.get(region);
    if (tree === undefined) this.#trees.set(region, (tree = new DominatorTree(region)));
    return tree;
  }
}

/** In a graph region (builtin.module's body), ops of one block may use each other in any order. */
function hasSsaDominance(block: Block): boolean {
  const op = block.parentOp;
  return op === undefined || !op.hasTrait(GraphRegion);
}

/** `op` itself or the op enclosing it that sits directly in `region`. */
function ancestorOpIn(region: Region, op: Operation): Operation | undefined {
  for (let o: Operation | undefined = op; o !== undefined; o = o.parentOp) if (o.parentRegion === region) return o;
  return undefined;
}

function ancestorBlockIn(region: Region, block: Block): Block | undefined {
  for (let b: Block | undefined = block; b !== undefined; b = b.parentOp?.parent) if (b.parent === region) return b;
  return undefined;
}

/**
 * The dominator tree of one region's CFG (Cooper, Harvey and Kennedy's iterative algorithm over reverse
 * post-order), with pre/post numbers so that a query is O(1). Edges to blocks of other regions are ignored
 * (the verifier reports them).
 */
class DominatorTree {
  readonly #pre = new Map<Block, number>();
  readonly #post = new Map<Block, number>();

  constructor(region: Region) {
    const entry = region.entry;
    if (entry === undefined) return;
    const successors = (b: Block): Block[] => (b.last?.successors ?? []).filter((s) => s.parent === region);
    const rpo = reversePostOrder(entry, successors);
    const order = new Map(rpo.map((b, i) => [b, i]));
    const preds = new Map<Block, Block[]>(rpo.map((b) => [b, []]));
    for (const b of rpo) for (const s of successors(b)) preds.get(s)?.push(b);

    const idom = new Map<Block, Block>([[entry, entry]]);
    const intersect = (x: Block, y: Block): Block => {
      while (x !== y) {
        while (order.get(x)! > order.get(y)!) x = idom.get(x)!;
        while (order.get(y)! > order.get(x)!) y = idom.get(y)!;
      }
      return x;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const b of rpo.slice(1)) {
        let next: Block | undefined;
        for (const p of preds.get(b)!) if (idom.has(p)) next = next === undefined ? p : intersect(p, next);
        if (next !== undefined && idom.get(b) !== next) {
          idom.set(b, next);
          changed = true;
        }
      }
    }
    this.#number(entry, rpo, idom);
  }

  /** Numbers the tree depth-first, iteratively: a dominates b iff a's interval contains b's. */
  #number(entry: Block, rpo: readonly Block[], idom: ReadonlyMap<Block, Block>): void {
    const children = new Map<Block, Block[]>(rpo.map((b) => [b, []]));
    for (const b of rpo) if (b !== entry) children.get(idom.get(b)!)!.push(b);
    let clock = 0;
    const stack: [Block, boolean][] = [[entry, false]];
    while (stack.length > 0) {
      const [b, done] = stack.pop()!;
      if (done) {
        this.#post.set(b, clock++);
        continue;
      }
      this.#pre.set(b, clock++);
      stack.push([b, true]);
      for (const c of children.get(b)!) stack.push([c, false]);
    }
  }

  isReachable(b: Block): boolean {
    return this.#pre.has(b);
  }

  /** As LLVM's: an unreachable block is dominated by every block, and dominates none. */
  properlyDominates(a: Block, b: Block): boolean {
    if (a === b) return false;
    const [preB, preA] = [this.#pre.get(b), this.#pre.get(a)];
    if (preB === undefined) return true;
    if (preA === undefined) return false;
    return preA < preB && this.#post.get(b)! < this.#post.get(a)!;
  }
}

function reversePostOrder(entry: Block, successors: (b: Block) => Block[]): Block[] {
  const post: Block[] = [];
  const seen = new Set<Block>([entry]);
  const stack: [Block, Block[]][] = [[entry, successors(entry)]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = top[1].shift();
    if (next === undefined) {
      post.push(top[0]);
      stack.pop();
    } else if (!seen.has(next)) {
      seen.add(next);
      stack.push([next, successors(next)]);
    }
  }
  return post.reverse();
}
