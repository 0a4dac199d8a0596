/**
 * The rewriter: the one way passes mutate IR. It is a Builder (creates ops at an insertion point) that also
 * replaces, erases, moves and modifies ops and inlines blocks, telling a listener about each change. The greedy
 * driver listens to keep its worklist; `--debug-rewrites` and statistics listen too.
 */
import { Builder, type BuilderListener, InsertionPoint } from "../ir/builder.ts";
import type { Location } from "../ir/location.ts";
import { Block, type Operation, type Region } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";

/** Told of every change a rewriter makes. Each method is optional. */
export interface RewriteListener extends BuilderListener {
  /** `op` changed in place (operands, attributes, successors) or is about to be modified by `modifyInPlace`. */
  notifyOperationModified?(op: Operation): void;
  /** `op`'s results are about to be replaced by `values` (then `op` is erased). */
  notifyOperationReplaced?(op: Operation, values: readonly Value[]): void;
  /** `op` is about to be erased (still linked, operands still set). */
  notifyOperationErased?(op: Operation): void;
  /** A pattern declined to apply to `op`, with its reason (for `--debug-rewrites`). */
  notifyMatchFailure?(pattern: string, op: Operation, reason: string): void;
  /** A pattern (or "fold") rewrote `op`. */
  notifyPatternApplied?(pattern: string, op: Operation): void;
  /**
   * `op`'s fold hook succeeded (it was replaced by existing values or constants, or updated in place). `op`
   * may already be erased; its name is still readable. Coverage counting listens to this (checkRewrite).
   */
  notifyOperationFolded?(op: Operation): void;
}

/** A listener that tells both `a` and `b` (in that order) of everything; either may be undefined. */
export function bothListeners(a: RewriteListener | undefined, b: RewriteListener | undefined): RewriteListener | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return {
    notifyOperationInserted: (op) => (a.notifyOperationInserted?.(op), b.notifyOperationInserted?.(op)),
    notifyBlockCreated: (block) => (a.notifyBlockCreated?.(block), b.notifyBlockCreated?.(block)),
    notifyOperationModified: (op) => (a.notifyOperationModified?.(op), b.notifyOperationModified?.(op)),
    notifyOperationReplaced: (op, vs) => (a.notifyOperationReplaced?.(op, vs), b.notifyOperationReplaced?.(op, vs)),
    notifyOperationErased: (op) => (a.notifyOperationErased?.(op), b.notifyOperationErased?.(op)),
    notifyMatchFailure: (p, op, r) => (a.notifyMatchFailure?.(p, op, r), b.notifyMatchFailure?.(p, op, r)),
    notifyPatternApplied: (p, op) => (a.notifyPatternApplied?.(p, op), b.notifyPatternApplied?.(p, op)),
    notifyOperationFolded: (op) => (a.notifyOperationFolded?.(op), b.notifyOperationFolded?.(op)),
  };
}

export class Rewriter extends Builder {
  declare listener: RewriteListener | undefined;

  constructor(listener?: RewriteListener) {
    super();
    this.listener = listener;
  }

  /** Replaces every use of `op`'s results by `values` (one per result), then erases `op`. */
  replaceOp(op: Operation, values: readonly Value[]): void {
    if (values.length !== op.numResults) {
      throw new Error(`replaceOp: '${op.name}' has ${op.numResults} results but ${values.length} replacements were given`);
    }
    this.listener?.notifyOperationReplaced?.(op, values);
    op.results.forEach((r, i) => this.replaceAllUsesWith(r, values[i] as Value));
    this.eraseOp(op);
  }

  /** Builds an op before `op` (with `op`'s location) and replaces `op` with its results. */
  replaceOpWithNew<A, O extends Operation>(op: Operation, def: { build(args: A, loc?: Location): O }, args: A): O {
    const created = this.at(InsertionPoint.before(op), () => this.create(def, args), op.loc);
    this.replaceOp(op, created.results);
    return created;
  }

  /** Replaces the uses of `from` by `to`, telling the listener about every user it modifies. */
  replaceAllUsesWith(from: Value, to: Value): void {
    if (from === to) return;
    for (const use of from.uses()) {
      this.listener?.notifyOperationModified?.(use.owner);
      use.set(to);
    }
  }

  /** Replaces the uses of `from` for which `pred` holds. */
  replaceUsesWithIf(from: Value, to: Value, pred: (user: Operation) => boolean): void {
    for (const use of from.uses()) {
      if (!pred(use.owner)) continue;
      this.listener?.notifyOperationModified?.(use.owner);
      use.set(to);
    }
  }

  /** Erases `op` (whose results must be unused) and everything nested in it, notifying for each nested op too. */
  eraseOp(op: Operation): void {
    if (this.listener?.notifyOperationErased !== undefined) {
      op.walk((nested) => this.listener?.notifyOperationErased?.(nested));
    }
    op.erase();
  }

  /** Erases a block and its ops; it must not be a branch target any more. */
  eraseBlock(block: Block): void {
    for (const op of [...block.ops()].reverse()) {
      if (this.listener?.notifyOperationErased !== undefined) op.walk((n) => this.listener?.notifyOperationErased?.(n));
    }
    block.erase();
  }

  /** Runs `fn`, which changes `op` in place (operands, attributes), and notifies the listener. */
  modifyInPlace<R>(op: Operation, fn: () => R): R {
    const r = fn();
    this.listener?.notifyOperationModified?.(op);
    return r;
  }

  moveOpBefore(op: Operation, anchor: Operation): void {
    op.moveBefore(anchor);
    this.listener?.notifyOperationModified?.(op);
  }
  moveOpAfter(op: Operation, anchor: Operation): void {
    op.moveAfter(anchor);
    this.listener?.notifyOperationModified?.(op);
  }

  /**
   * Moves the ops of `source` before `before` in `dest` (at its end when undefined), replacing uses of
   * `source`'s arguments with `argValues`, and erases the then-empty `source` block.
   */
  inlineBlockBefore(source: Block, dest: Block, before: Operation | undefined, argValues: readonly Value[] = []): void {
    if (argValues.length !== source.args.length) {
      throw new Error(`inlineBlockBefore: ${source.args.length} block arguments but ${argValues.length} values`);
    }
    source.args.forEach((a, i) => this.replaceAllUsesWith(a, argValues[i] as Value));
    for (const op of source.ops()) {
      op.remove();
      dest.insertBefore(op, before);
      this.listener?.notifyOperationInserted?.(op);
    }
    if (source.parent !== undefined) source.remove();
  }

  /** Appends `source`'s ops to `dest` (MLIR's mergeBlocks). */
  mergeBlocks(source: Block, dest: Block, argValues: readonly Value[] = []): void {
    this.inlineBlockBefore(source, dest, undefined, argValues);
  }

  /** Moves every block of `region` into `parent` before block index `index` (default: the end). */
  inlineRegionBefore(region: Region, parent: Region, index: number = parent.blocks.length): void {
    const moved = [...region.blocks];
    parent.takeBody(region, index);
    for (const b of moved) for (const op of b.ops()) this.listener?.notifyOperationInserted?.(op);
  }

  /** Splits `block` before `op`: `op` and the ops after it move to a new block inserted after `block`. */
  splitBlock(block: Block, op: Operation | undefined): Block {
    const tail = new Block();
    const region = block.parent;
    if (region === undefined) throw new Error("splitBlock: the block is not in a region");
    region.insertBlockAfter(tail, block);
    for (let o = op; o !== undefined; ) {
      const next = o.next;
      o.remove();
      tail.append(o);
      o = next;
    }
    this.listener?.notifyBlockCreated?.(tail);
    return tail;
  }
}
