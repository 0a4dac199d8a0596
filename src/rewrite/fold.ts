/**
 * Folding, as MLIR 16's OperationFolder: an op's `fold` hook turns constant operands into constant results (or
 * into one of its operands); the constants are materialised by the folded op's dialect at the front of the
 * entry block of the enclosing isolated region (its "constant scope") and uniqued there, keyed by dialect,
 * value and type, so canonicalized IR has each constant once, at the top.
 *
 * Where constants end up is part of the output, so this follows MLIR 16 step by step:
 *  - a constant the greedy driver meets while seeding its worklist (`insertKnownConstant`) is replaced by an
 *    equal one the folder already owns, or becomes owned and moves to the front of its scope's entry block,
 *    unless it is already first there or right after a constant the folder owns;
 *  - an owned constant the driver pops moves back to the front of its block when something else got in
 *    before it (unless what precedes it is owned too);
 *  - new constants go before what was first in the entry block when the fold began; an existing constant
 *    reused in the folded op's own block moves to that block's front, so it dominates the folded op.
 * The folder moves and erases constants itself, without telling the driver's worklist (as MLIR's does).
 */
import type { Attribute } from "../ir/attributes.ts";
import { InsertionPoint } from "../ir/builder.ts";
import type { Context } from "../ir/context.ts";
import { foldThroughInterfaces } from "../ir/interfaces.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import { Commutative, ConstantLike, IsolatedFromAbove } from "../ir/traits.ts";
import type { Type } from "../ir/types.ts";
import { Value } from "../ir/value.ts";
import { definitionOf } from "../irdl/define-op.ts";
import { constantAttr } from "./match.ts";
import type { Rewriter } from "./rewriter.ts";

/**
 * The region constants folded in `block` go to: the closest enclosing region whose op is isolated from above
 * (an unregistered op may be, so it counts as one), or the region of a top-level op.
 */
export function constantScope(block: Block): Region | undefined {
  for (let region = block.parent; region !== undefined; ) {
    const owner = region.parentOp;
    if (owner === undefined || owner.parent === undefined || !owner.isRegistered || owner.hasTrait(IsolatedFromAbove)) return region;
    region = owner.parentRegion;
  }
  return undefined;
}

/** What `tryFold` did to an op. */
export type FoldOutcome =
  /** Nothing (or the op is a constant the folder owns, maybe moved back to its block's front). */
  | { readonly kind: "failed" }
  /** The op was updated in place (its fold hook rewrote it, or constants moved to a commutative op's right). */
  | { readonly kind: "in-place" }
  /**
   * The op folded to `values` (one per result), not yet substituted: the driver replaces the op. `generated`
   * are the ops now before the entry block's old front: the constants just created, in block order.
   */
  | { readonly kind: "replaced"; readonly values: readonly Value[]; readonly generated: readonly Operation[] };

const FAILED: FoldOutcome = Object.freeze({ kind: "failed" });
const IN_PLACE: FoldOutcome = Object.freeze({ kind: "in-place" });

/** The value a constant op holds (its `value` attribute, what MLIR's constant folders return). */
function constantValue(op: Operation): Attribute | undefined {
  return op.numResults === 1 ? constantAttr(op.getResult()) : undefined;
}

/**
 * The Commutative trait, as MLIR 16's folder applies it before folding: constant operands move behind the
 * others, keeping their order. Returns whether anything moved.
 */
function moveConstantsRight(op: Operation): boolean {
  if (op.numOperands < 2 || !op.hasTrait(Commutative)) return false;
  const operands = op.operands;
  const isConstant = operands.map((v) => constantAttr(v) !== undefined);
  const firstConstant = isConstant.indexOf(true);
  if (firstConstant < 0 || isConstant.indexOf(false, firstConstant) < 0) return false;
  const reordered = [...operands.filter((_, i) => !isConstant[i]), ...operands.filter((_, i) => isConstant[i])];
  reordered.forEach((v, i) => {
    if (operands[i] !== v) op.setOperand(i, v);
  });
  return true;
}

/** The op's own fold, or when that does not fold it, its interfaces' (CastOpInterface), as MLIR's foldHook. */
function foldHooks(op: Operation): Attribute | Value | readonly (Attribute | Value)[] | undefined {
  const operands = op.operands.map((v) => constantAttr(v));
  const own = definitionOf(op)?.behaviour.fold?.(op, operands);
  if (own !== undefined || (op.info?.interfaces?.folders.length ?? 0) === 0) return own;
  return foldThroughInterfaces(op, operands);
}

/** One constant scope's uniqued constants, by dialect, value and type. */
type ConstantTable = Map<string, Operation>;

export class ConstantFolder {
  readonly #scopes = new Map<Region, ConstantTable>();
  /** The constants the folder owns, with the table and keys each is filed under (so forgetting one is O(1)). */
  readonly #owned = new Map<Operation, { readonly table: ConstantTable; readonly keys: string[] }>();

  /** How many times the folder moved or merged a constant of its own accord (not counting fold results). */
  changes = 0;

  constructor(readonly ctx: Context) {}

  /** True for a constant the folder uniqued (found while seeding, or created by a fold). */
  owns(op: Operation | undefined): boolean {
    return op !== undefined && this.#owned.has(op);
  }

  /** Forgets an op that is being erased. */
  notifyErased(op: Operation): void {
    const entry = this.#owned.get(op);
    if (entry === undefined) return;
    this.#owned.delete(op);
    for (const key of entry.keys) if (entry.table.get(key) === op) entry.table.delete(key);
  }

  /**
   * MLIR's insertKnownConstant, for a constant op met while the driver seeds its worklist: an equal constant
   * the folder owns replaces it (it is erased; returns false), or it becomes owned and moves to the front of its
   * scope's entry block unless it is first there or follows an owned constant. Returns true when `op` stays.
   */
  insertKnownConstant(op: Operation, rw: Rewriter): boolean {
    const block = op.parent;
    if (block === undefined) return true;
    if (this.owns(op)) {
      this.#rehoist(op, block);
      return true;
    }
    const value = constantValue(op);
    const scope = constantScope(block);
    const entry = scope?.entry;
    if (value === undefined || scope === undefined || entry === undefined) return true;
    const table = this.#table(scope);
    const key = keyOf(op.dialect, value, op.getResult().type);
    const existing = table.get(key);
    if (existing !== undefined) {
      rw.replaceOp(op, [existing.getResult()]);
      this.changes++;
      return false;
    }
    const front = entry.first as Operation;
    if (block !== entry || (front !== op && !this.owns(op.prev))) this.#move(op, front);
    this.#own(op, table, [key]);
    return true;
  }

  /**
   * MLIR's tryToFold, for an op the driver pops. Constants created for the results are inserted (through `rw`)
   * at the front of the scope's entry block; the op itself is left for the driver to replace.
   */
  tryFold(op: Operation, rw: Rewriter): FoldOutcome {
    const block = op.parent;
    if (block === undefined) return FAILED;
    if (this.owns(op)) {
      this.#rehoist(op, block);
      return FAILED;
    }
    const reordered = moveConstantsRight(op);
    const noFold = reordered ? IN_PLACE : FAILED;
    const folded = op.hasTrait(ConstantLike) ? constantValue(op) : foldHooks(op);
    if (folded === undefined) return noFold;
    const list = Array.isArray(folded) ? folded : [folded as Attribute | Value];
    if (list.length !== op.numResults) return noFold;
    // Folded in place: the hook returned the op's own results after updating it.
    if (list.every((r, i) => r === op.getResult(i))) return IN_PLACE;

    const scope = constantScope(block);
    const entry = scope?.entry;
    if (scope === undefined || entry === undefined) return noFold;
    const table = this.#table(scope);
    const oldFront = entry.first;
    const at = oldFront === undefined ? InsertionPoint.atEnd(entry) : InsertionPoint.before(oldFront);
    const values: Value[] = [];
    for (const [i, r] of list.entries()) {
      const type = op.getResult(i).type;
      if (r instanceof Value) {
        if (r.type.id !== type.id) return this.#undoCreated(entry, oldFront, rw, noFold);
        values.push(r);
        continue;
      }
      const c = this.#getOrCreate(table, op, r, type, rw, at);
      if (c === undefined) return this.#undoCreated(entry, oldFront, rw, noFold);
      // It must dominate the op: an existing constant in the op's own block moves to the block's front.
      if (c.parent === block && block.first !== c) this.#move(c, block.first as Operation);
      values.push(c.getResult());
    }
    const generated: Operation[] = [];
    for (let o = entry.first; o !== undefined && o !== oldFront; o = o.next) generated.push(o);
    return { kind: "replaced", values, generated };
  }

  /** MLIR's rehoisting of an owned constant: back to its block's front unless what precedes it is owned. */
  #rehoist(op: Operation, block: Block): void {
    const prev = op.prev;
    if (prev !== undefined && !this.owns(prev)) this.#move(op, block.first as Operation);
  }

  /**
   * The constant of `value`/`type` for a fold of `folded`: the one filed under the folded op's dialect, or one
   * its dialect materialises at `at`. A dialect may materialise another dialect's constant (math folds make
   * `arith.constant`): then an equal constant filed under that dialect is used instead, and the new one erased.
   */
  #getOrCreate(table: ConstantTable, folded: Operation, value: Attribute, type: Type, rw: Rewriter, at: InsertionPoint): Operation | undefined {
    const key = keyOf(folded.dialect, value, type);
    const known = table.get(key);
    if (known !== undefined) return known;
    const materialize = this.ctx.dialect(folded.dialect)?.materializeConstant;
    if (materialize === undefined) return undefined;
    const created = rw.at(at, () => materialize(rw, value, type, folded.loc));
    if (created === undefined) return undefined;
    if (created.dialect === folded.dialect) return this.#own(created, table, [key]);
    const createdKey = keyOf(created.dialect, value, type);
    const equal = table.get(createdKey);
    if (equal === undefined) return this.#own(created, table, [key, createdKey]);
    rw.eraseOp(created);
    table.set(key, equal);
    this.#owned.get(equal)?.keys.push(key);
    return equal;
  }

  /** A fold that cannot complete: the constants it created (before `oldFront`) go again. */
  #undoCreated(entry: Block, oldFront: Operation | undefined, rw: Rewriter, outcome: FoldOutcome): FoldOutcome {
    const created: Operation[] = [];
    for (let o = entry.first; o !== undefined && o !== oldFront; o = o.next) if (o.useEmpty) created.push(o);
    for (const o of created) rw.eraseOp(o);
    return outcome;
  }

  /** Moves a constant without telling anyone: the driver's worklist must not see it (as in MLIR). */
  #move(op: Operation, before: Operation): void {
    op.moveBefore(before);
    this.changes++;
  }

  #own(op: Operation, table: ConstantTable, keys: string[]): Operation {
    for (const key of keys) table.set(key, op);
    this.#owned.set(op, { table, keys });
    return op;
  }

  #table(scope: Region): ConstantTable {
    let t = this.#scopes.get(scope);
    if (t === undefined) this.#scopes.set(scope, (t = new Map()));
    return t;
  }
}

/** Constants are uniqued by the dialect that made them, their value and their type (attributes are interned). */
function keyOf(dialect: string, value: Attribute, type: Type): string {
  return `${dialect} ${value.id} ${type.id}`;
}
