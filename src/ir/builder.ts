/**
 * The builder: creates operations at an insertion point with a current location.
 *
 *   const b = Builder.atEnd(func.body.block);
 *   const sum = b.create(AddIOp, { lhs: x, rhs: y }).result;
 *
 * `create` takes any op definition (the classes `defineOp` generates have a typed `build`), so the types of
 * the named operands, attributes and result types are checked by tsc.
 */
import { type Location, UnknownLoc } from "./location.ts";
import { Block, type Operation, Region } from "./operation.ts";
import type { Type } from "./types.ts";

export class InsertionPoint {
  private constructor(
    readonly block: Block,
    /** The op to insert before; undefined inserts at the end of the block. */
    readonly before: Operation | undefined,
  ) {}
  static atEnd(block: Block): InsertionPoint {
    return new InsertionPoint(block, undefined);
  }
  static atStart(block: Block): InsertionPoint {
    return new InsertionPoint(block, block.first);
  }
  static before(op: Operation): InsertionPoint {
    if (op.parent === undefined) throw new Error(`'${op.name}' is not in a block`);
    return new InsertionPoint(op.parent, op);
  }
  static after(op: Operation): InsertionPoint {
    if (op.parent === undefined) throw new Error(`'${op.name}' is not in a block`);
    return new InsertionPoint(op.parent, op.next);
  }
}

/** Told of every op a builder inserts (the rewriter uses this to keep its worklist). */
export interface BuilderListener {
  notifyOperationInserted?(op: Operation): void;
  notifyBlockCreated?(block: Block): void;
}

/** Anything with a `build(args, loc)`: the op definitions made by `defineOp`. */
export interface Buildable<A, O extends Operation> {
  build(args: A, loc?: Location): O;
}

/**
 * How an op kind whose built op's type depends on its arguments says so to `create` (tsc cannot infer through
 * a generic `build`): a type-level function of `args`. `arith.constant` declares
 * `{ readonly op: ConstantOp<TypeOf<this["args"]["value"]>> }`, so `create(ConstantOp, { value: f32Attr })`
 * is a constant whose result is a `Value<FloatType>`. Only the type exists: no object has the `~builtFrom` key.
 */
export interface BuiltFrom {
  readonly args: unknown;
  readonly op: Operation;
}

/** An op kind whose built op's type depends on its arguments (see BuiltFrom). */
export interface BuildsFrom extends Buildable<never, Operation> {
  readonly "~builtFrom": BuiltFrom | undefined;
}

/** The arguments an op kind's `build` takes. */
export type ArgsOf<D> = D extends Buildable<infer A, Operation> ? A : never;

/** The op `create(def, args)` gives for a kind that declares BuiltFrom: that function applied to `args`. */
export type BuiltOp<D extends BuildsFrom, A> = D extends { readonly "~builtFrom": infer F extends BuiltFrom | undefined }
  ? (F & BuiltFrom & { readonly args: A })["op"]
  : never;

export class Builder {
  loc: Location = UnknownLoc.get();
  listener: BuilderListener | undefined = undefined;

  constructor(public ip: InsertionPoint | undefined = undefined) {}

  static atEnd(block: Block): Builder {
    return new Builder(InsertionPoint.atEnd(block));
  }
  static before(op: Operation): Builder {
    return new Builder(InsertionPoint.before(op));
  }

  setInsertionPointToEnd(block: Block): void {
    this.ip = InsertionPoint.atEnd(block);
  }
  setInsertionPointToStart(block: Block): void {
    this.ip = InsertionPoint.atStart(block);
  }
  setInsertionPointBefore(op: Operation): void {
    this.ip = InsertionPoint.before(op);
  }
  setInsertionPointAfter(op: Operation): void {
    this.ip = InsertionPoint.after(op);
  }

  /** Runs `fn` with another insertion point (and optionally location), then restores both. */
  at<R>(ip: InsertionPoint, fn: () => R, loc?: Location): R {
    const [savedIp, savedLoc] = [this.ip, this.loc];
    this.ip = ip;
    if (loc !== undefined) this.loc = loc;
    try {
      return fn();
    } finally {
      this.ip = savedIp;
      this.loc = savedLoc;
    }
  }
  /** Runs `fn` with `loc` as the location of the ops it creates. */
  withLoc<R>(loc: Location, fn: () => R): R {
    const saved = this.loc;
    this.loc = loc;
    try {
      return fn();
    } finally {
      this.loc = saved;
    }
  }

  /** Inserts a detached op at the insertion point (when there is one) and returns it. */
  insert<T extends Operation>(op: T): T {
    if (this.ip !== undefined) {
      this.ip.block.insertBefore(op, this.ip.before);
      this.listener?.notifyOperationInserted?.(op);
    }
    return op;
  }

  /** Builds an op from its definition and named arguments, at the current location, and inserts it. */
  create<D extends BuildsFrom, X extends ArgsOf<D>>(def: D, args: X & ArgsOf<D>): BuiltOp<D, X>;
  create<A, O extends Operation>(def: Buildable<A, O>, args: A): O;
  create<A, O extends Operation>(def: Buildable<A, O>, args: A): O {
    return this.insert(def.build(args, this.loc));
  }

  /** Appends a new block to `region` and moves the insertion point to its end. */
  createBlock(region: Region, argTypes: readonly Type[] = [], argLocs?: readonly Location[]): Block {
    const block = new Block(argTypes, argLocs ?? argTypes.map(() => this.loc));
    region.push(block);
    this.listener?.notifyBlockCreated?.(block);
    this.ip = InsertionPoint.atEnd(block);
    return block;
  }
}

/** A region holding one new block with the given argument types. */
export function regionWithBlock(argTypes: readonly Type[] = [], argLocs?: readonly Location[]): Region {
  return new Region([new Block(argTypes, argLocs)]);
}
