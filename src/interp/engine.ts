/**
 * The interpreter engine: runs a function of a module on runtime values, op by op, following branches
 * between blocks and calls between functions. Op semantics come from the dialects loaded in a Context (or
 * an explicit InterpRegistry, registry.ts); the engine itself knows only regions, blocks, values and functions (ops with the
 * FunctionOpInterface, whatever their dialect).
 *
 *   const r = interpret(module, "fib", [intValue(i32, 10n)], { ctx });   // Either<InterpError, RuntimeValue[]>
 *
 * Every run is bounded: by a number of executed ops (`maxSteps`) and a call depth (`maxCallDepth`), so a
 * non-terminating program or runaway recursion ends with a `limit` error instead of hanging.
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import type { SymbolRefAttr } from "../ir/attributes.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import { lookupNearestSymbol, lookupSymbolIn, symbolName } from "../ir/symbol-table.ts";
import { IsolatedFromAbove } from "../ir/traits.ts";
import { FunctionOpInterface } from "../interfaces/function.ts";
import type { Type } from "../ir/types.ts";
import type { OpOperand, Value } from "../ir/value.ts";
import { type InterpError, type InterpErrorKind, InterpFailure } from "./errors.ts";
import type { Context } from "../ir/context.ts";
import type { InterpContext, InterpRegistry, InterpretationEntry, Outcome, Transfer } from "./registry.ts";
import { checkRuntimeValue } from "./validate.ts";
import { type RuntimeValue, describeType, valueHasType } from "./values.ts";

export const DEFAULT_MAX_STEPS = 1_000_000;
export const DEFAULT_MAX_CALL_DEPTH = 256;

export interface InterpretOptions {
  /** The op semantics come from the dialects (and extensions) loaded in this context... */
  readonly ctx: Context;
  /** ...unless an explicit registry is given (to override or add semantics: `InterpRegistry.of(ctx)`). */
  readonly registry?: InterpRegistry;
  /** Ops executed before the run fails with a `limit` error (default 1,000,000). */
  readonly maxSteps?: number;
  /** Nested calls before the run fails with a `limit` error (default 256). */
  readonly maxCallDepth?: number;
  /** Filled with the number of ops executed, whether the run succeeds or not. */
  readonly stats?: { steps: number };
  /** Receives what the program prints (`vector.print`); default: the process's stdout. */
  readonly output?: (text: string) => void;
}

type Env = Map<Value, RuntimeValue>;

const isStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);

class Machine implements InterpContext {
  steps = 0;
  #env: Env = new Map();
  /** The call sites of the active calls, outermost first (undefined: the entry call from `interpret`). */
  readonly #callSites: (Operation | undefined)[] = [];
  /** The cleanups of the open automatic allocation scopes, innermost last. */
  readonly #scopes: (() => void)[][] = [];
  readonly #runState = new Map<object, unknown>();

  constructor(
    readonly semantics: (name: string) => InterpretationEntry | undefined,
    readonly maxSteps: number,
    readonly maxCallDepth: number,
    readonly output: (text: string) => void,
  ) {}

  // ---- InterpContext -----------------------------------------------------------------------------------------

  call(from: Operation, callee: SymbolRefAttr | string, args: readonly RuntimeValue[]): RuntimeValue[] {
    const fn = lookupNearestSymbol(from, callee);
    const name = typeof callee === "string" ? callee : callee.leaf;
    if (fn === undefined) this.fail("invalid-input", `no function named '@${name}'`);
    if (FunctionOpInterface.of(fn) === undefined) this.fail("invalid-input", `'@${name}' is a '${fn.name}', not a function`);
    return this.callFunction(fn, args, from);
  }

  runRegion(region: Region, args: readonly RuntimeValue[]): RuntimeValue[] {
    const isolated = region.parent?.hasTrait(IsolatedFromAbove) ?? false;
    if (!isolated) return this.#runRegionIn(region, args);
    const saved = this.#env;
    this.#env = new Map();
    try {
      return this.#runRegionIn(region, args);
    } finally {
      this.#env = saved;
    }
  }

  branch(dest: Block, args: readonly RuntimeValue[]): Transfer {
    return { transfer: "branch", dest, args };
  }

  exit(values: readonly RuntimeValue[]): Transfer {
    return { transfer: "exit", values };
  }

  fail(kind: InterpErrorKind, message: string): never {
    throw new InterpFailure(kind, message);
  }

  withAllocationScope<T>(fn: () => T): T {
    const cleanups: (() => void)[] = [];
    this.#scopes.push(cleanups);
    try {
      return fn();
    } finally {
      this.#scopes.pop();
      for (let i = cleanups.length - 1; i >= 0; i--) (cleanups[i] as () => void)();
    }
  }

  atScopeExit(cleanup: () => void): void {
    const scope = this.#scopes[this.#scopes.length - 1];
    if (scope === undefined) this.fail("invalid-ir", "no automatic allocation scope is open");
    scope.push(cleanup);
  }

  runState<T>(key: object, init: () => T): T {
    if (!this.#runState.has(key)) this.#runState.set(key, init());
    return this.#runState.get(key) as T;
  }

  print(text: string): void {
    this.output(text);
  }

  // ---- calls, regions, blocks ------------------------------------------------------------------------------

  /** Runs a function-like op's body with `args`; `callSite` is the calling op (undefined for the entry call). */
  callFunction(fn: Operation, args: readonly RuntimeValue[], callSite: Operation | undefined): RuntimeValue[] {
    const name = symbolName(fn) ?? fn.name;
    const f = FunctionOpInterface.of(fn);
    if (f === undefined) this.fail("invalid-ir", `'@${name}' is a '${fn.name}', not a function`);
    if (f.isExternal()) this.fail("unsupported", `'@${name}' is a declaration: there is no body to run`);
    const body = f.getFunctionBody();
    const badArgs = this.#checkValues(args, f.getArgumentTypes(), "argument", `'@${name}'`);
    if (badArgs !== undefined) this.fail(callSite === undefined ? "invalid-input" : "invalid-ir", badArgs);
    if (this.#callSites.length >= this.maxCallDepth) {
      this.fail("limit", `call depth limit of ${this.maxCallDepth} reached calling '@${name}' (unbounded recursion?)`);
    }
    const savedEnv = this.#env;
    this.#env = new Map();
    this.#callSites.push(callSite);
    try {
      const results = this.withAllocationScope(() => this.#runRegionIn(body, args));
      const badResults = this.#checkValues(results, f.getResultTypes(), "result", `'@${name}'`);
      if (badResults !== undefined) this.fail("invalid-ir", badResults);
      return results;
    } finally {
      this.#callSites.pop();
      this.#env = savedEnv;
    }
  }

  #checkValues(values: readonly RuntimeValue[], types: readonly Type[], what: string, owner: string): string | undefined {
    if (values.length !== types.length) return `${owner} takes ${types.length} ${what}s, but ${values.length} were given`;
    for (const [i, v] of values.entries()) {
      const t = types[i];
      if (t !== undefined && !valueHasType(v, t)) return `${what} #${i} of ${owner} has type ${describeType(v.type)}, expected ${describeType(t)}`;
    }
    return undefined;
  }

  #runRegionIn(region: Region, args: readonly RuntimeValue[]): RuntimeValue[] {
    let block = region.entry;
    if (block === undefined) this.fail("invalid-ir", "cannot run an empty region");
    let blockArgs = args;
    for (;;) {
      this.#bindBlockArgs(block, blockArgs);
      const transfer = this.#runBlock(block);
      if (transfer.transfer === "exit") return [...transfer.values];
      if (transfer.dest.parent !== region) this.fail("invalid-ir", "branch to a block of another region");
      block = transfer.dest;
      blockArgs = transfer.args;
    }
  }

  #bindBlockArgs(block: Block, values: readonly RuntimeValue[]): void {
    const params = block.args;
    if (params.length !== values.length) this.fail("invalid-ir", `a block with ${params.length} arguments entered with ${values.length} values`);
    for (let i = 0; i < params.length; i++) {
      const param = params[i] as Value;
      const v = values[i] as RuntimeValue;
      if (!valueHasType(v, param.type)) this.fail("invalid-ir", `block argument #${i} has type ${describeType(param.type)}, got a value of ${describeType(v.type)}`);
      this.#env.set(param, v);
    }
  }

  #runBlock(block: Block): Transfer {
    for (let op = block.first; op !== undefined; op = op.next) {
      const outcome = this.#exec(op);
      if (!Array.isArray(outcome)) return outcome as Transfer;
    }
    return this.fail("invalid-ir", "a block ends without a terminator");
  }

  #exec(op: Operation): Outcome {
    try {
      if (++this.steps > this.maxSteps) this.fail("limit", `step limit of ${this.maxSteps} ops reached (the program may not terminate)`);
      const entry = this.semantics(op.name);
      if (entry === undefined) this.fail("unsupported", "has no interpreter semantics (is its dialect loaded in the context?)");
      if (entry.cls !== undefined && !(op instanceof entry.cls)) this.fail("unsupported", "is not a registered op (load its dialect before parsing)");
      const operands = op.opOperands;
      const args = new Array<RuntimeValue>(operands.length);
      for (let i = 0; i < operands.length; i++) {
        const value = this.#env.get((operands[i] as OpOperand).value);
        if (value === undefined) this.fail("invalid-ir", `operand #${i} is used before it is defined`);
        args[i] = value;
      }
      const outcome = entry.fn(op, args, this);
      if (Array.isArray(outcome)) this.#bindResults(op, outcome as readonly RuntimeValue[]);
      return outcome;
    } catch (e) {
      throw this.#located(e, op);
    }
  }

  #bindResults(op: Operation, values: readonly RuntimeValue[]): void {
    if (values.length !== op.numResults) this.fail("internal", `semantics produced ${values.length} results for ${op.numResults}`);
    for (let i = 0; i < values.length; i++) {
      const result = op.results[i] as Value;
      const v = values[i] as RuntimeValue;
      if (!valueHasType(v, result.type)) {
        this.fail("internal", `semantics produced a value of type ${describeType(v.type)} for result #${i} of type ${describeType(result.type)}`);
      }
      this.#env.set(result, v);
    }
  }

  /** Attaches the failing op (innermost wins) and the call stack to a failure. */
  #located(e: unknown, op: Operation): unknown {
    if (e instanceof InterpFailure) {
      if (e.error !== undefined) return e;
      return new InterpFailure(e.kind, e.detail, this.#errorAt(op, e.kind, e.detail));
    }
    if (isStackOverflow(e)) return new InterpFailure("limit", "JS stack exhausted", this.#errorAt(op, "limit", "JS stack exhausted (recursion too deep)"));
    const message = e instanceof Error ? e.message : String(e);
    return new InterpFailure("internal", message, this.#errorAt(op, "internal", `interpretation threw: ${message}`));
  }

  #errorAt(op: Operation, kind: InterpErrorKind, detail: string): InterpError {
    const message = `'${op.name}' op ${detail}`;
    const notes: Diagnostic[] = [];
    for (let i = this.#callSites.length - 1; i >= 0; i--) {
      const site = this.#callSites[i];
      if (site !== undefined) notes.push(note(site.loc, `called from '${site.name}' here`));
    }
    return { kind, message, diagnostic: error(op.loc, message, notes), opName: op.name };
  }
}

function errorAtTop(kind: InterpErrorKind, message: string, at: Operation): InterpError {
  return { kind, message, diagnostic: error(at.loc, message) };
}

/**
 * Runs function `fn` (a symbol of `module`, e.g. a `func.func`) on `args` and returns its results, or the
 * first error: undefined behaviour, a failed assertion, an op without semantics, bad arguments, or a limit.
 */
export function interpret(
  module: Operation,
  fn: string,
  args: readonly RuntimeValue[],
  opts: InterpretOptions,
): Either<InterpError, RuntimeValue[]> {
  const target = lookupSymbolIn(module, fn);
  if (target === undefined) return left(errorAtTop("invalid-input", `no function named '@${fn}'`, module));
  if (FunctionOpInterface.of(target) === undefined) return left(errorAtTop("invalid-input", `'@${fn}' is a '${target.name}', not a function`, target));
  for (const [i, v] of args.entries()) {
    const bad = checkRuntimeValue(v);
    if (bad !== undefined) return left(errorAtTop("invalid-input", `argument #${i} is not a valid runtime value: ${bad}`, target));
  }
  const { registry, ctx } = opts;
  const semantics = registry !== undefined ? (name: string) => registry.lookup(name) : (name: string) => ctx.interpretation(name);
  const output = opts.output ?? ((text: string) => void process.stdout.write(text));
  const machine = new Machine(semantics, opts.maxSteps ?? DEFAULT_MAX_STEPS, opts.maxCallDepth ?? DEFAULT_MAX_CALL_DEPTH, output);
  try {
    return right(machine.callFunction(target, args, undefined));
  } catch (e) {
    if (e instanceof InterpFailure) return left(e.error ?? errorAtTop(e.kind, e.detail, target));
    if (isStackOverflow(e)) return left(errorAtTop("limit", "JS stack exhausted (recursion too deep)", target));
    throw e;
  } finally {
    if (opts.stats !== undefined) opts.stats.steps = machine.steps;
  }
}
