/**
 * How op semantics are written and found. Dialects own their semantics (`dialects/<d>/interp.ts`) and list
 * them in their `defineDialect({ interpreter })`, so src/interp never imports a dialect and a Context knows
 * the semantics of exactly the dialects loaded into it:
 *
 *   export const arithInterpretations = [
 *     interpretation(AddIOp, (op, args) => [mapElements(op.getResult(0).type, args, ([a, b]) => addI(32, a, b))]),
 *     interpretation(ReturnOp, (_op, args, ctx) => ctx.exit(args)),
 *     ...
 *   ];
 *   export const arith = defineDialect({ name: "arith", ops, interpreter: arithInterpretations });
 *   interpret(module, "f", args, { ctx });              // semantics of ctx's dialects
 *
 * An `InterpRegistry` is an explicit table for runs that replace or add semantics
 * (`InterpRegistry.of(ctx).register(interpretation(AddIOp, ...))`, then `interpret(..., { registry })`).
 *
 * `interpretation(OpClass, fn)` types `op` as the class's instances; the engine checks `op instanceof OpClass`
 * before calling `fn`, so an unregistered op with the same name (parsed without its dialect) is reported
 * instead of being handed to code that expects typed accessors.
 */
import type { Context } from "../ir/context.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import type { SymbolRefAttr } from "../ir/attributes.ts";
import type { InterpErrorKind } from "./errors.ts";
import type { RuntimeValue } from "./values.ts";

/** Where control goes after a terminator: another block of the same region, or out of the region. */
export type Transfer =
  | { readonly transfer: "branch"; readonly dest: Block; readonly args: readonly RuntimeValue[] }
  | { readonly transfer: "exit"; readonly values: readonly RuntimeValue[] };

/** What an op's semantics return: its results, or (for a terminator) where control goes. */
export type Outcome = readonly RuntimeValue[] | Transfer;

/** The engine's services to op semantics. */
export interface InterpContext {
  /** Calls the function (an op implementing FunctionOpInterface) that `callee` names, looked up from `from`. */
  call(from: Operation, callee: SymbolRefAttr | string, args: readonly RuntimeValue[]): RuntimeValue[];
  /** Runs a region of the current op with `args` for its entry block; returns what its exit transfer carries. */
  runRegion(region: Region, args: readonly RuntimeValue[]): RuntimeValue[];
  /** A transfer to `dest` (a block of the current region) with its block arguments. */
  branch(dest: Block, args: readonly RuntimeValue[]): Transfer;
  /** A transfer out of the current region (func.return, and yields of structured ops later). */
  exit(values: readonly RuntimeValue[]): Transfer;
  /** Fails the run at the current op. */
  fail(kind: InterpErrorKind, message: string): never;
  /**
   * Runs `fn` as an automatic allocation scope (MLIR's AutomaticAllocationScope: function bodies are ones, and
   * `memref.alloca_scope`): the cleanups registered inside it with `atScopeExit` run when it ends, however it ends.
   */
  withAllocationScope<T>(fn: () => T): T;
  /** Registers `cleanup` with the innermost automatic allocation scope (`memref.alloca` frees its memory so). */
  atScopeExit(cleanup: () => void): void;
  /** State that lives for one run, keyed by `key` (one allocation per `memref.global`), made by `init` on first use. */
  runState<T>(key: object, init: () => T): T;
  /** Output of the program (`vector.print`): `InterpretOptions.output`, else the process's stdout. */
  print(text: string): void;
}

export type OpInterpretation<O extends Operation = Operation> = (op: O, args: readonly RuntimeValue[], ctx: InterpContext) => Outcome;

type OpClassOf<O extends Operation> = abstract new (...args: never[]) => O;

export interface InterpretationEntry {
  readonly name: string;
  /** Instances of this class get `fn`; undefined accepts any op with the name (for unregistered-style ops). */
  readonly cls: OpClassOf<Operation> | undefined;
  readonly fn: OpInterpretation;
}

/** The semantics of the ops of `cls` (a class from `defineOp`, whose `info.name` names the op). */
export function interpretation<O extends Operation>(
  cls: OpClassOf<O> & { readonly info: { readonly name: string } | undefined },
  fn: OpInterpretation<O>,
): InterpretationEntry {
  const name = cls.info?.name;
  if (name === undefined) throw new Error("interpretation(): the class has no op definition");
  return { name, cls, fn: fn as OpInterpretation };
}

/** An explicit table of op semantics, by op name. */
export class InterpRegistry {
  readonly #entries = new Map<string, InterpretationEntry>();

  /** A registry holding the semantics of everything loaded in `ctx` (to extend or override). */
  static of(ctx: Context): InterpRegistry {
    return new InterpRegistry().registerAll(ctx.interpretations());
  }

  /** Adds (or replaces) the semantics of one op. */
  register(entry: InterpretationEntry): this {
    this.#entries.set(entry.name, entry);
    return this;
  }
  registerAll(entries: Iterable<InterpretationEntry>): this {
    for (const e of entries) this.register(e);
    return this;
  }
  lookup(name: string): InterpretationEntry | undefined {
    return this.#entries.get(name);
  }
  has(name: string): boolean {
    return this.#entries.has(name);
  }
  get names(): string[] {
    return [...this.#entries.keys()].sort();
  }
  /** A copy to extend or override without touching this registry. */
  clone(): InterpRegistry {
    return new InterpRegistry().registerAll(this.#entries.values());
  }
}
