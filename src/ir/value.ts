/**
 * SSA values and their use lists.
 *
 * Every operand slot of an operation is an `OpOperand`, threaded into a doubly linked list owned by the value
 * it uses. So replace-all-uses, "has one use" and walking the users are O(uses), never a scan of the IR.
 */
import type { Location } from "./location.ts";
import type { Block, Operation } from "./operation.ts";
import type { Type } from "./types.ts";

export abstract class Value<T extends Type = Type> {
  /** @internal head of the use list */
  firstUse: OpOperand | undefined = undefined;
  #type: T;

  constructor(type: T) {
    this.#type = type;
  }

  get type(): T {
    return this.#type;
  }

  /** Changes the type in place. Only for conversions that also fix every user; the verifier checks the rest. */
  setType(type: T): void {
    this.#type = type;
  }

  /** The operation that defines this value, or undefined for a block argument. */
  abstract get definingOp(): Operation | undefined;
  /** The block the value is defined in. */
  abstract get parentBlock(): Block | undefined;

  *uses(): IterableIterator<OpOperand> {
    for (let u = this.firstUse; u !== undefined; ) {
      const next = u.nextUse; // read first: the caller may move `u` to another value
      yield u;
      u = next;
    }
  }

  /** The distinct operations that use this value, in use-list order. */
  users(): Operation[] {
    const seen = new Set<Operation>();
    for (const u of this.uses()) seen.add(u.owner);
    return [...seen];
  }

  get hasUses(): boolean {
    return this.firstUse !== undefined;
  }

  get hasOneUse(): boolean {
    return this.firstUse !== undefined && this.firstUse.nextUse === undefined;
  }

  get numUses(): number {
    let n = 0;
    for (let u = this.firstUse; u !== undefined; u = u.nextUse) n++;
    return n;
  }

  replaceAllUsesWith(other: Value): void {
    if (other === (this as Value)) return;
    for (const u of this.uses()) u.set(other);
  }

  replaceUsesWithIf(other: Value, pred: (use: OpOperand) => boolean): void {
    if (other === (this as Value)) return;
    for (const u of this.uses()) if (pred(u)) u.set(other);
  }
}

export class OpResult<T extends Type = Type> extends Value<T> {
  constructor(
    type: T,
    readonly owner: Operation,
    readonly index: number,
  ) {
    super(type);
  }
  get definingOp(): Operation {
    return this.owner;
  }
  get parentBlock(): Block | undefined {
    return this.owner.parent;
  }
}

export class BlockArgument<T extends Type = Type> extends Value<T> {
  constructor(
    type: T,
    readonly owner: Block,
    public index: number,
    public loc: Location,
  ) {
    super(type);
  }
  get definingOp(): undefined {
    return undefined;
  }
  get parentBlock(): Block {
    return this.owner;
  }
}

/** One operand slot of an operation: a use of a value. */
export class OpOperand {
  /** @internal */ prevUse: OpOperand | undefined = undefined;
  /** @internal */ nextUse: OpOperand | undefined = undefined;
  #value: Value;

  constructor(
    value: Value,
    readonly owner: Operation,
    public index: number,
  ) {
    this.#value = value;
    this.link();
  }

  get value(): Value {
    return this.#value;
  }

  /** Points this slot at another value, moving it between use lists. */
  set(value: Value): void {
    if (value === this.#value) return;
    this.unlink();
    this.#value = value;
    this.link();
  }

  /** True while this slot is in its value's use list. */
  get isLinked(): boolean {
    return this.prevUse !== undefined || this.#value.firstUse === this;
  }

  /**
   * @internal for undo (see Operation.restoreOperands): points this slot at `value`, placed right after
   * `prev` in its use list (at the head when undefined), so the list's order is what it was.
   */
  relinkAfter(value: Value, prev: OpOperand | undefined): void {
    if (this.isLinked) this.unlink();
    this.#value = value;
    if (prev === undefined) {
      this.link();
      return;
    }
    this.prevUse = prev;
    this.nextUse = prev.nextUse;
    if (prev.nextUse !== undefined) prev.nextUse.prevUse = this;
    prev.nextUse = this;
  }

  /** @internal removes this use from its value's list (when the owner is erased or the slot dropped). */
  unlink(): void {
    if (this.prevUse !== undefined) this.prevUse.nextUse = this.nextUse;
    else this.#value.firstUse = this.nextUse;
    if (this.nextUse !== undefined) this.nextUse.prevUse = this.prevUse;
    this.prevUse = this.nextUse = undefined;
  }

  private link(): void {
    const head = this.#value.firstUse;
    this.nextUse = head;
    if (head !== undefined) head.prevUse = this;
    this.#value.firstUse = this;
  }
}
