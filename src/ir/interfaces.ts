/**
 * Op interfaces (MLIR's OpInterface): a typed set of methods that op kinds implement, so that a pass can ask
 * any op "are you a branch? which operands go to successor #1?" without knowing its dialect.
 *
 *   interface BranchOpMethods { getSuccessorOperands(index: number): SuccessorOperands }
 *   export const BranchOpInterface = defineInterface<BranchOpMethods>("BranchOpInterface", { verify });
 *
 *   defineOp({ name: "cf.br", ... }, {
 *     interfaces: [implement(BranchOpInterface, { getSuccessorOperands: (op, i) => ... })],   // op: the BranchOp
 *   });
 *   attachInterface(SomeOp, implement(BranchOpInterface, { ... }));                           // an external model
 *
 *   const br = op.getInterface(BranchOpInterface);      // a typed view, or undefined: one Map lookup
 *   br?.getSuccessorOperands(0).forwarded.append([v]);
 *   if (isa(op, BranchOpInterface)) op.getInterface(BranchOpInterface).getSuccessorOperands(0);   // no undefined
 *
 * An implementation's methods take the op first (`(op, i) => ...`); the view binds it (`view.method(i)`), as
 * MLIR's interface classes bind the op. Methods listed in the interface's `defaults` need not be implemented.
 * Each op kind holds its implementations in an `InterfaceMap` (OpInfo.interfaces), keyed by interface object.
 *
 * An interface may verify the ops implementing it (`verify`, run by the verifier with the op's traits, after
 * them, as MLIR's interface verifiers; `verifyRegion` once the nested ops verified): it returns a whole
 * diagnostic, so its wording is its own (`branch has 1 operands for successor #0, but target block has 0`).
 * It may fold them (`fold`, MLIR's `foldTrait`): the folder tries it when the op's own fold does not fold.
 *
 * Some methods are about the op kind, not an op (MLIR's StaticInterfaceMethod): `areCastCompatible(inputs,
 * outputs)`, `inferReturnTypes(operands, ...)` are asked before an op exists. An interface lists them in
 * `statics`; their implementations do not take the op, and `I.ofKind(Op.info)` reaches them from the kind.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Attribute } from "./attributes.ts";
import type { OpInfo, Operation } from "./operation.ts";
import type { Value } from "./value.ts";

// The methods of an interface, as its users call them (without the op).
type AnyMethods = object;
type Method = (...args: never[]) => unknown;

/** An interface's methods as an op kind implements them: each takes the op (of type O) first, but statics (S). */
export type ImplOf<M extends AnyMethods, O extends Operation = Operation, S extends keyof M = never> = {
  [K in keyof M]-?: K extends S
    ? NonNullable<M[K]>
    : NonNullable<M[K]> extends (...args: infer A) => infer R
      ? (op: O, ...args: A) => R
      : never;
};

/** What one op kind implements: the required methods, and any of the defaulted ones it overrides. */
export type Implementation<M extends AnyMethods, D extends keyof M, O extends Operation, S extends keyof M = never> = Omit<
  ImplOf<M, O, S>,
  D
> &
  Partial<Pick<ImplOf<M, O, S>, D>>;

/** The static methods of an interface, as asked of an op kind (`CastOpInterface.ofKind(ExtSIOp.info)`). */
export type StaticView<M extends AnyMethods, S extends keyof M> = { readonly [K in S]-?: NonNullable<M[K]> };

/** What an interface's `fold` returns: one value per result (a constant or an existing value), as an op fold. */
export type InterfaceFoldResult = readonly (Attribute | Value)[];

/** A view of an op through an interface: its methods with the op bound, and the op. */
export type InterfaceView<M extends AnyMethods> = { readonly [K in keyof M]-?: NonNullable<M[K]> } & { readonly op: Operation };

export interface InterfaceOptions<M extends AnyMethods, D extends keyof M, S extends keyof M = never> {
  /** One line: what implementing the interface means. */
  readonly description?: string;
  /** Implementations of some methods for op kinds that do not give their own. */
  readonly defaults?: Pick<ImplOf<M, Operation, S>, D>;
  /** The methods about the op kind rather than an op (they do not take the op). */
  readonly statics?: readonly S[];
  /** Checks an op implementing the interface, after its traits' checks (MLIR's interface `verify`). */
  readonly verify?: (view: InterfaceView<M>) => Diagnostic | undefined;
  /** Checks run after the ops nested in the op verified (MLIR's `verifyWithRegions`). */
  readonly verifyRegion?: (view: InterfaceView<M>) => Diagnostic | undefined;
  /**
   * Folds an op implementing the interface, given the constant value of each operand (or undefined), when the
   * op's own fold does not (MLIR's interface `foldTrait`): `undefined` when it does not fold.
   */
  readonly fold?: (view: InterfaceView<M>, operands: readonly (Attribute | undefined)[]) => InterfaceFoldResult | undefined;
}

/** A phantom brand: `isa(op, I)` narrows `op` to `Operation & Implements<I>`. */
declare const implementsBrand: unique symbol;
export interface Implements<I> {
  readonly [implementsBrand]: I;
}

/** An op interface: a typed name for a set of methods. Compare and key by identity. */
export class OpInterface<M extends AnyMethods = AnyMethods, D extends keyof M = never, S extends keyof M = never> {
  /** @internal the interface's method types, for inference only. */
  declare readonly _methods: M;

  constructor(
    readonly name: string,
    readonly options: InterfaceOptions<M, D, S>,
  ) {}

  /** The view of `op` through this interface, or undefined when its kind does not implement it. */
  of(op: Operation): InterfaceView<M> | undefined {
    return interfacesOf(op.info)?.get(this)?.view(op) as InterfaceView<M> | undefined;
  }

  /** The static methods of the op kind `info` (`Op.info`), or undefined when it does not implement the interface. */
  ofKind(info: OpInfo | undefined): StaticView<M, S> | undefined {
    return interfacesOf(info)?.get(this)?.methods as StaticView<M, S> | undefined;
  }
}

/** Defines an interface; `D` names the methods `options.defaults` implements, `S` the static ones. */
export function defineInterface<M extends AnyMethods, D extends keyof M = never, S extends keyof M = never>(
  name: string,
  options: InterfaceOptions<M, D, S> = {},
): OpInterface<M, D, S> {
  return new OpInterface<M, D, S>(name, options);
}

/** What the verifier needs of an interface (any `OpInterface` is one). */
export interface InterfaceLike {
  readonly name: string;
  readonly options: {
    readonly verify?: ((view: never) => Diagnostic | undefined) | undefined;
    readonly verifyRegion?: ((view: never) => Diagnostic | undefined) | undefined;
    readonly fold?: ((view: never, operands: readonly (Attribute | undefined)[]) => InterfaceFoldResult | undefined) | undefined;
    readonly statics?: readonly PropertyKey[] | undefined;
  };
}

/**
 * One op kind's implementation of an interface: the methods (defaults filled in) and the class of its views.
 * `O` is the op type the methods accept; attaching to an op kind whose instances are not `O` is the caller's bug.
 */
export class InterfaceImpl<O extends Operation = Operation> {
  /** @internal the op type the methods were written for, for inference only. */
  declare readonly _op: (op: O) => void;
  readonly #View: new (op: Operation) => object;

  constructor(
    /** The interface implemented (typed loosely, so that implementations of any interfaces mix in one list). */
    readonly iface: InterfaceLike,
    readonly methods: Readonly<Record<string, Method>>,
  ) {
    // One class per implementation: a view is one small object whose prototype forwards to the methods (the
    // op first, but to the static ones).
    // `op` is assigned, not a class field: every implementation's View shares this code, and a field define
    // on that many classes goes megamorphic (V8's slow path), a cost paid per view.
    const View = class {
      declare readonly op: Operation;
      constructor(op: Operation) {
        this.op = op;
      }
    };
    const statics: readonly PropertyKey[] = iface.options.statics ?? [];
    for (const [name, fn] of Object.entries(methods)) {
      const value = statics.includes(name)
        ? fn
        : function (this: { op: Operation }, ...args: unknown[]): unknown {
            return (fn as (op: Operation, ...a: unknown[]) => unknown)(this.op, ...args);
          };
      Object.defineProperty(View.prototype, name, { value });
    }
    this.#View = View;
  }

  /** @internal */
  view(op: Operation): object {
    return new this.#View(op);
  }
}

/**
 * An implementation of `iface` for ops of type `O` (inferred from where it is used: in `defineOp`'s behaviour,
 * the op's own class). Methods the interface defaults may be left out.
 */
export function implement<M extends AnyMethods, D extends keyof M, S extends keyof M, O extends Operation = Operation>(
  iface: OpInterface<M, D, S>,
  methods: Implementation<M, D, O, S>,
): InterfaceImpl<O> {
  const all = { ...(iface.options.defaults ?? {}), ...methods } as unknown as Record<string, Method>;
  return new InterfaceImpl<O>(iface, all);
}

/** The interfaces one op kind implements. */
export class InterfaceMap {
  readonly #impls = new Map<object, InterfaceImpl<never>>();
  /** Bumped on every change, so that what is derived from the map (the verifier's plan) can be refreshed. */
  #version = 0;

  constructor(impls: Iterable<InterfaceImpl<never>> = []) {
    for (const impl of impls) this.set(impl);
  }

  get(iface: object): InterfaceImpl<never> | undefined {
    return this.#impls.get(iface);
  }
  has(iface: object): boolean {
    return this.#impls.has(iface);
  }
  /** Adds (or replaces) the implementation of its interface. */
  set(impl: InterfaceImpl<never>): void {
    if (this.#impls.get(impl.iface) === impl) return;
    this.#impls.set(impl.iface, impl);
    this.#version++;
    this.#folders = undefined;
  }
  #folders: readonly InterfaceImpl<never>[] | undefined;
  /** The implementations whose interface folds (`fold`), in the order added; computed once per change. */
  get folders(): readonly InterfaceImpl<never>[] {
    return (this.#folders ??= [...this.#impls.values()].filter((impl) => impl.iface.options.fold !== undefined));
  }
  get version(): number {
    return this.#version;
  }
  /** The implementations, in the order their interfaces were added. */
  get implementations(): InterfaceImpl<never>[] {
    return [...this.#impls.values()];
  }
  /** The implemented interfaces, in the order they were added. */
  get interfaces(): object[] {
    return [...this.#impls.keys()];
  }
  get size(): number {
    return this.#impls.size;
  }
}

const interfacesOf = (info: OpInfo | undefined): InterfaceMap | undefined => info?.interfaces;

/**
 * Folds `op` through the interfaces it implements (each interface's `fold`, in the order they were added),
 * as MLIR's foldTraits: undefined when none folds it.
 */
export function foldThroughInterfaces(op: Operation, operands: readonly (Attribute | undefined)[]): InterfaceFoldResult | undefined {
  const map = interfacesOf(op.info);
  if (map === undefined) return undefined;
  for (const impl of map.folders) {
    const folded = (impl.iface.options.fold as (view: object, c: readonly (Attribute | undefined)[]) => InterfaceFoldResult | undefined)(impl.view(op), operands);
    if (folded !== undefined) return folded;
  }
  return undefined;
}

/** True when `op`'s kind implements `iface` (a type guard: `op.getInterface(iface)` is then defined). */
export function isa<M extends AnyMethods, D extends keyof M, S extends keyof M, O extends Operation>(
  op: O,
  iface: OpInterface<M, D, S>,
): op is O & Implements<OpInterface<M, D, S>> {
  return interfacesOf(op.info)?.has(iface) ?? false;
}

/** The view of `op` through `iface`; throws when the op does not implement it (MLIR's `cast<>`). */
export function cast<M extends AnyMethods, D extends keyof M, S extends keyof M>(op: Operation, iface: OpInterface<M, D, S>): InterfaceView<M> {
  const view = iface.of(op);
  if (view === undefined) throw new Error(`'${op.name}' does not implement ${iface.name}`);
  return view;
}

/** The class side of an op kind, as `defineOp` makes it (its `info` holds the interface map). */
export interface OpKindWithInfo {
  readonly info: OpInfo | undefined;
  readonly name: string;
}

/**
 * Attaches implementations to an existing op kind (MLIR's external models), e.g. when a dialect is loaded into
 * a context: `attachInterface(FuncOp, implement(MyInterface, { ... }))`. Replaces an earlier implementation of
 * the same interface.
 */
export function attachInterface<O extends Operation>(op: OpKindWithInfo & { prototype: O }, ...impls: InterfaceImpl<O>[]): void {
  const map = op.info?.interfaces;
  if (map === undefined) throw new Error(`cannot attach an interface to '${op.info?.name ?? op.name}': it is not a registered op kind`);
  for (const impl of impls) map.set(impl as InterfaceImpl<never>);
}

/**
 * External models for one op kind, as a dialect or a dialect extension lists them in its `interfaces` slot
 * (MLIR's `Op::attachInterface<Model>(ctx)` inside a DialectExtension): applied when a Context loads it.
 */
export interface InterfaceAttachment {
  readonly op: OpKindWithInfo;
  readonly impls: readonly InterfaceImpl<never>[];
}

/** `attach(FuncOp, implement(I, { ... }))`: an entry of a dialect's or an extension's `interfaces` slot. */
export function attach<O extends Operation>(op: OpKindWithInfo & { prototype: O }, ...impls: InterfaceImpl<O>[]): InterfaceAttachment {
  return Object.freeze({ op, impls: Object.freeze(impls as InterfaceImpl<never>[]) });
}

/**
 * Applies an attachment (a Context does, loading a dialect or an extension). Op kinds are process-wide, so an
 * attachment outlives the Context that applied it and applying it again changes nothing; but an op kind
 * cannot be given a second, different implementation of one interface this way: that would silently change
 * the ops of every other Context (use `attachInterface` to replace one deliberately).
 */
export function applyAttachment(a: InterfaceAttachment, owner: string): void {
  const map = a.op.info?.interfaces;
  const name = a.op.info?.name ?? a.op.name;
  if (map === undefined) throw new Error(`${owner} cannot attach an interface to '${name}': it is not a registered op kind`);
  for (const impl of a.impls) {
    const existing = map.get(impl.iface);
    if (existing !== undefined && existing !== impl) {
      throw new Error(`${owner} attaches ${impl.iface.name} to '${name}', which already implements it differently`);
    }
  }
  for (const impl of a.impls) map.set(impl);
}
