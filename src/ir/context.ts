/**
 * The context: which dialects are loaded, and with them everything they bring: their ops (so the parser
 * builds typed ops), their custom types and attributes, constant materialisation for the folder, interpreter
 * semantics and canonicalization patterns. Plus whether unregistered ops are allowed, and the named resource
 * blobs of `dense_resource` attributes. Types and attributes themselves are interned globally (see uniquer.ts).
 *
 * Nothing registers itself by being imported: what a context knows is what was loaded into it.
 *
 *   const ctx = new Context([builtin, func, arith]);   // dialects (defineDialect)
 *   ctx.extend(arithCanonicalization);                  // an extension: patterns defined outside the dialect
 *
 * An extension names the dialects it extends and applies once all of them are loaded (MLIR's
 * DialectExtension): canonicalization patterns live in rewrites/, which dialects may not import, so they
 * reach a context as an extension that rewrites/ defines and the caller loads on top of the dialect.
 *
 * A dialect or an extension may also carry external models of op interfaces (`interfaces`), attached to the op
 * kinds when it is loaded or applied. Unlike the rest, what they change is process-wide: an op kind is one
 * class, shared by every Context (see docs/ARCHITECTURE.md, "Op interfaces").
 */
import type { InterpretationEntry } from "../interp/registry.ts";
import type { Pattern } from "../rewrite/pattern.ts";
import type { DialectAsmParser } from "../text/asm-interfaces.ts";
import { type Attribute, type DialectAttrDef, ResourceHandle } from "./attributes.ts";
import type { Builder } from "./builder.ts";
import { applyAttachment, type InterfaceAttachment } from "./interfaces.ts";
import type { Location } from "./location.ts";
import type { Block, Operation } from "./operation.ts";
import type { DialectTypeDef, Type } from "./types.ts";

/**
 * What the inliner asks of a dialect (MLIR's DialectInlinerInterface): the dialect of a callee's terminators
 * says what they become once the callee is inlined.
 */
export interface DialectInliner {
  /**
   * The op replacing `terminator` (one of this dialect's ReturnLike ops, ending a block of a multi-block callee
   * being inlined): a branch to `dest` passing the returned values (func's return becomes `cf.br`). The
   * inliner inserts it before the terminator and erases the terminator. Without this hook, callees whose
   * returns are of this dialect are inlined only when they have a single block.
   */
  readonly handleTerminator?: (terminator: Operation, dest: Block) => Operation;
}

/** What a dialect contributes to a context; `defineDialect` builds one. */
export interface DialectInfo {
  readonly name: string;
  readonly ops: readonly (typeof Operation)[];
  /**
   * Its type and attribute classes: `!name.mnemonic...` is parsed by the class with that mnemonic (types and
   * attributes print themselves, see DialectType).
   */
  readonly types?: readonly DialectTypeDef[];
  readonly attributes?: readonly DialectAttrDef[];
  /**
   * A parser of the whole body of `!name.xxx` (positioned after `name.`), for a syntax that is not a mnemonic
   * and parameters (MLIR's Dialect::parseType); used instead of `types`. Undefined with a diagnostic on error.
   */
  readonly parseType?: (p: DialectAsmParser) => Type | undefined;
  /** As `parseType`, for `#name.xxx`; used instead of `attributes`. */
  readonly parseAttribute?: (p: DialectAsmParser, type: Type | undefined) => Attribute | undefined;
  /**
   * Builds a constant op of this dialect holding `value` with result type `type` (folding needs it to turn a
   * folded attribute back into a value); undefined when the dialect cannot.
   */
  readonly materializeConstant?: (b: Builder, value: Attribute, type: Type, loc: Location) => Operation | undefined;
  /** The semantics of its ops, for the interpreter (`interpretation(AddIOp, fn)` entries). */
  readonly interpreter?: readonly InterpretationEntry[];
  /** Canonicalization patterns of its own (Tensile's live in rewrites/ and arrive through an extension). */
  readonly canonicalization?: readonly Pattern[];
  /** How the inliner treats the dialect's terminators (MLIR's DialectInlinerInterface). */
  readonly inliner?: DialectInliner;
  /**
   * External models of op interfaces for its own ops (`attach(Op, implement(I, {...}))`), applied when a
   * Context loads it; see `applyAttachment` for what attaching means (op kinds are process-wide).
   */
  readonly interfaces?: readonly InterfaceAttachment[];
}

/**
 * What is added to dialects from outside them (MLIR's DialectExtension): applied to a context once every
 * dialect in `dialects` is loaded into it, at most once.
 */
export interface DialectExtension {
  /** Names the extension in diagnostics and keeps it from applying twice (`arith-canonicalization`). */
  readonly name: string;
  /** The dialects it extends: it applies when all of them are loaded. */
  readonly dialects: readonly string[];
  readonly canonicalization?: readonly Pattern[];
  readonly interpreter?: readonly InterpretationEntry[];
  /** External models of op interfaces for ops of the dialects it extends, applied with it. */
  readonly interfaces?: readonly InterfaceAttachment[];
}
export class Context {
  /** Accept ops, types and attributes of dialects that are not loaded (mlir-opt's --allow-unregistered-dialect). */
  allowUnregisteredDialects = false;
  readonly #dialects = new Map<string, DialectInfo>();
  readonly #ops = new Map<string, typeof Operation>();
  readonly #resources = new Map<string, ResourceHandle>();
  /** Extensions given to `extend`, by name; `#applied` holds those whose dialects are all loaded. */
  readonly #extensions = new Map<string, DialectExtension>();
  readonly #applied = new Set<DialectExtension>();
  readonly #interpretations = new Map<string, InterpretationEntry>();
  readonly #patterns: Pattern[] = [];

  constructor(
    dialects: readonly DialectInfo[] = [],
    opts: { allowUnregisteredDialects?: boolean; extensions?: readonly DialectExtension[] } = {},
  ) {
    for (const d of dialects) this.load(d);
    for (const e of opts.extensions ?? []) this.extend(e);
    this.allowUnregisteredDialects = opts.allowUnregisteredDialects ?? false;
  }

  /** Loads a dialect (again: nothing; another dialect of the same name: an error), then the extensions it completes. */
  load(d: DialectInfo): this {
    const existing = this.#dialects.get(d.name);
    if (existing === d) return this;
    if (existing !== undefined) throw new Error(`a different dialect named '${d.name}' is already loaded`);
    for (const a of d.interfaces ?? []) applyAttachment(a, `dialect '${d.name}'`);
    this.#dialects.set(d.name, d);
    for (const op of d.ops) {
      const name = op.info?.name;
      if (name === undefined) throw new Error(`dialect '${d.name}' lists an op class without a definition`);
      this.#ops.set(name, op);
    }
    this.#add(d);
    for (const e of this.#extensions.values()) this.#applyIfReady(e);
    return this;
  }

  /** Adds an extension; it applies now if its dialects are loaded, else when the last of them is. */
  extend(e: DialectExtension): this {
    const existing = this.#extensions.get(e.name);
    if (existing === e) return this;
    if (existing !== undefined) throw new Error(`a different dialect extension named '${e.name}' is already added`);
    this.#extensions.set(e.name, e);
    this.#applyIfReady(e);
    return this;
  }

  #applyIfReady(e: DialectExtension): void {
    if (this.#applied.has(e) || !e.dialects.every((name) => this.#dialects.has(name))) return;
    for (const a of e.interfaces ?? []) applyAttachment(a, `dialect extension '${e.name}'`);
    this.#applied.add(e);
    this.#add(e);
  }

  #add(from: { readonly interpreter?: readonly InterpretationEntry[]; readonly canonicalization?: readonly Pattern[] }): void {
    for (const entry of from.interpreter ?? []) this.#interpretations.set(entry.name, entry);
    for (const p of from.canonicalization ?? []) if (!this.#patterns.includes(p)) this.#patterns.push(p);
  }

  /** The extensions applied so far (their dialects are loaded), in the order they applied. */
  get extensions(): DialectExtension[] {
    return [...this.#applied];
  }

  /** The interpreter semantics of op `name`, from its dialect or an extension. */
  interpretation(name: string): InterpretationEntry | undefined {
    return this.#interpretations.get(name);
  }
  /** Every op semantics loaded, by op name. */
  interpretations(): InterpretationEntry[] {
    return [...this.#interpretations.values()];
  }

  /** The canonicalization patterns of the loaded dialects and applied extensions, in load order. */
  get canonicalizationPatterns(): readonly Pattern[] {
    return this.#patterns;
  }

  dialect(name: string): DialectInfo | undefined {
    return this.#dialects.get(name);
  }
  get dialects(): DialectInfo[] {
    return [...this.#dialects.values()];
  }
  lookupOp(name: string): typeof Operation | undefined {
    return this.#ops.get(name);
  }

  /** The handle for resource `name` (created empty if new; the parser fills its blob from the file). */
  resource(name: string): ResourceHandle {
    let h = this.#resources.get(name);
    if (h === undefined) this.#resources.set(name, (h = new ResourceHandle(name)));
    return h;
  }
  /** A fresh resource name based on `base`, for importers adding weights. */
  uniqueResourceName(base: string): string {
    if (!this.#resources.has(base)) return base;
    for (let i = 0; ; i++) if (!this.#resources.has(`${base}_${i}`)) return `${base}_${i}`;
  }
}
