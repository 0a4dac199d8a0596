/**
 * Folding, as MLIR's OperationFolder: an op's `fold` hook turns constant operands into constant results (or
 * into one of its operands); constants are materialised by the op's dialect, hoisted to the entry block of the
 * enclosing isolated region and deduplicated there, so canonicalized IR has each constant once, at the top
 * (newest first, as MLIR 16 orders them).
 */
import type { Attribute } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import { InsertionPoint } from "../ir/builder.ts";
import { foldThroughInterfaces } from "../ir/interfaces.ts";
import type { Block, Operation } from "../ir/operation.ts";
import { ConstantLike, IsolatedFromAbove } from "../ir/traits.ts";
import type { Type } from "../ir/types.ts";
import { Value } from "../ir/value.ts";
import { definitionOf } from "../irdl/define-op.ts";
import { constantAttr } from "./match.ts";
import type { Rewriter } from "./rewriter.ts";

/** The block constants are hoisted to for ops under `op`: the entry block of the closest isolated region. */
function constantScope(op: Operation): Block | undefined {
  for (let p = op.parentOp, region = op.parentRegion; p !== undefined; region = p.parentRegion, p = p.parentOp) {
    if (p.hasTrait(IsolatedFromAbove)) return region?.entry;
  }
  return op.parentRegion?.entry;
}

/** Unique constants per scope block, keyed by dialect, attribute and type. */
export class ConstantFolder {
  readonly #known = new Map<Block, Map<string, Operation>>();
  /** Each constant the folder owns, with the table and key it is filed under (so forgetting it is O(1)). */
  readonly #knownOps = new Map<Operation, { table: Map<string, Operation>; key: string }>();

  constructor(readonly ctx: Context) {}

  private key(dialect: string, value: Attribute, type: Type): string {
    // The dialect is part of the key in MLIR; constants of one value and type are interchangeable here.
    void dialect;
    return `${value.id}:${type.id}`;
  }

  /** Forgets an op that is being erased. */
  notifyErased(op: Operation): void {
    const entry = this.#knownOps.get(op);
    if (entry === undefined) return;
    this.#knownOps.delete(op);
    if (entry.table.get(entry.key) === op) entry.table.delete(entry.key);
  }

  /**
   * Called for each constant op the driver visits: moves it to the front of its scope, or replaces it with an
   * equal constant already there. Returns true when the IR changed.
   */
  processConstant(op: Operation, rw: Rewriter): boolean {
    const value = op.attr("value");
    const scope = constantScope(op);
    if (value === undefined || scope === undefined || op.numResults !== 1) return false;
    const table = this.#table(scope);
    const key = this.key(op.dialect, value, op.getResult().type);
    const existing = table.get(key);
    if (existing === op) return false;
    if (existing !== undefined && existing.parent !== undefined) {
      rw.replaceOp(op, [existing.getResult()]);
      return true;
    }
    table.set(key, op);
    this.#knownOps.set(op, { table, key });
    // As MLIR 16's OperationFolder: a constant already first, or right after one the folder owns, stays.
    if (op.parent === scope && (scope.first === op || (op.prev !== undefined && this.#isKnown(scope, op.prev)))) return false;
    const front = scope.first;
    if (front === undefined || front === op) return false;
    rw.moveOpBefore(op, front);
    return true;
  }

  /**
   * Tries the op's fold hook. On success the op's uses are replaced (by existing values or new constants) and
   * the op erased, or, if it folded in place, left modified. Returns true when the IR changed.
   */
  tryFold(op: Operation, rw: Rewriter): boolean {
    const fold = definitionOf(op)?.behaviour.fold;
    const interfaceFolds = op.info?.interfaces?.folders.length ?? 0;
    if ((fold === undefined && interfaceFolds === 0) || op.hasTrait(ConstantLike)) return false;
    const operands = op.operands.map((v) => constantAttr(v));
    const own = fold?.(op, operands);
    // As MLIR's foldHook: when the op's own fold does not fold it, its interfaces may (CastOpInterface).
    const folded = own ?? (interfaceFolds === 0 ? undefined : foldThroughInterfaces(op, operands));
    if (folded === undefined) return false;
    const list = Array.isArray(folded) ? folded : [folded as Attribute | Value];
    if (list.length !== op.numResults) return false;
    // Folded in place: the op returned its own results after updating itself.
    if (list.every((r, i) => r === op.getResult(i))) {
      rw.modifyInPlace(op, () => undefined);
      return true;
    }
    const values: Value[] = [];
    for (const [i, r] of list.entries()) {
      const type = op.getResult(i).type;
      if (r instanceof Value) {
        values.push(r);
        continue;
      }
      const c = this.getOrCreateConstant(op, r, type, rw);
      if (c === undefined) return false;
      values.push(c);
    }
    rw.replaceOp(op, values);
    return true;
  }

  /** A constant of `value`/`type` in `user`'s scope, made by `user`'s dialect (or found already there). */
  getOrCreateConstant(user: Operation, value: Attribute, type: Type, rw: Rewriter): Value | undefined {
    const scope = constantScope(user);
    const dialect = this.ctx.dialect(user.dialect);
    if (scope === undefined || dialect?.materializeConstant === undefined) return undefined;
    const table = this.#table(scope);
    const existing = table.get(this.key(user.dialect, value, type));
    if (existing !== undefined && existing.parent !== undefined) return existing.getResult();
    // New constants go to the very front of the scope, as MLIR 16 puts them.
    const created = rw.at(InsertionPoint.atStart(scope), () => dialect.materializeConstant?.(rw, value, type, user.loc));
    if (created === undefined) return undefined;
    const key = this.key(created.dialect, value, type);
    table.set(key, created);
    this.#knownOps.set(created, { table, key });
    return created.getResult();
  }

  #table(scope: Block): Map<string, Operation> {
    let t = this.#known.get(scope);
    if (t === undefined) this.#known.set(scope, (t = new Map()));
    return t;
  }

  #isKnown(scope: Block, op: Operation): boolean {
    return this.#knownOps.has(op) && op.parent === scope;
  }
}
