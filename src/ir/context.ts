/**
 * The context: which dialects are loaded (so the parser builds typed ops and knows each dialect's custom
 * types and attributes), whether unregistered ops are allowed, and the named resources blobs of
 * `dense_resource` attributes. Types and attributes themselves are interned globally (see uniquer.ts).
 */
import type { DialectAsmParser, DialectAsmPrinter } from "../text/asm-interfaces.ts";
import { type Attribute, ResourceHandle } from "./attributes.ts";
import type { Builder } from "./builder.ts";
import type { Location } from "./location.ts";
import type { Operation } from "./operation.ts";
import type { Type } from "./types.ts";

/** What a dialect contributes to a context; `defineDialect` builds one. */
export interface DialectInfo {
  readonly name: string;
  readonly ops: readonly (typeof Operation)[];
  /** Parses the body of `!name.xxx` (the parser is positioned after `name.`); undefined with a diagnostic on error. */
  readonly parseType?: (p: DialectAsmParser) => Type | undefined;
  /** Prints a type of this dialect without the `!name.` prefix; false when the type is not its own. */
  readonly printType?: (t: Type, p: DialectAsmPrinter) => boolean;
  readonly parseAttribute?: (p: DialectAsmParser, type: Type | undefined) => Attribute | undefined;
  readonly printAttribute?: (a: Attribute, p: DialectAsmPrinter) => boolean;
  /**
   * Builds a constant op of this dialect holding `value` with result type `type` (folding needs it to turn a
   * folded attribute back into a value); undefined when the dialect cannot.
   */
  readonly materializeConstant?: (b: Builder, value: Attribute, type: Type, loc: Location) => Operation | undefined;
}

export class Context {
  /** Accept ops, types and attributes of dialects that are not loaded (mlir-opt's --allow-unregistered-dialect). */
  allowUnregisteredDialects = false;
  readonly #dialects = new Map<string, DialectInfo>();
  readonly #ops = new Map<string, typeof Operation>();
  readonly #resources = new Map<string, ResourceHandle>();

  constructor(dialects: readonly DialectInfo[] = [], opts: { allowUnregisteredDialects?: boolean } = {}) {
    for (const d of dialects) this.load(d);
    this.allowUnregisteredDialects = opts.allowUnregisteredDialects ?? false;
  }

  load(d: DialectInfo): this {
    if (this.#dialects.get(d.name) === d) return this;
    this.#dialects.set(d.name, d);
    for (const op of d.ops) {
      const name = op.info?.name;
      if (name === undefined) throw new Error(`dialect '${d.name}' lists an op class without a definition`);
      this.#ops.set(name, op);
    }
    return this;
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
