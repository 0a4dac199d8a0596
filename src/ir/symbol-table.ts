/**
 * Symbol tables, as in MLIR: an op with the SymbolTable trait (builtin.module) holds, in its single region,
 * ops with the Symbol trait, each named by its `sym_name` string attribute and referenced elsewhere by
 * `SymbolRefAttr`s (`@name`, `@outer::@inner`).
 */
import { type Attribute, ArrayAttr, DictionaryAttr, StringAttr, SymbolRefAttr } from "./attributes.ts";
import type { Block, Operation } from "./operation.ts";
import { SymbolTable as SymbolTableTrait, Terminator } from "./traits.ts";

export const SYM_NAME = "sym_name";
export const SYM_VISIBILITY = "sym_visibility";

export function symbolName(op: Operation): string | undefined {
  const a = op.attr(SYM_NAME);
  return a instanceof StringAttr ? a.value : undefined;
}
export type Visibility = "public" | "private" | "nested";
export function symbolVisibility(op: Operation): Visibility {
  const a = op.attr(SYM_VISIBILITY);
  return a instanceof StringAttr && (a.value === "private" || a.value === "nested") ? a.value : "public";
}

export class SymbolTable {
  readonly #symbols = new Map<string, Operation>();

  /** Indexes the symbols directly nested in `op`, which must have the SymbolTable trait. */
  constructor(readonly op: Operation) {
    if (!op.hasTrait(SymbolTableTrait)) throw new Error(`'${op.name}' is not a symbol table`);
    for (const child of op.getRegion(0).entry?.ops() ?? []) {
      const name = symbolName(child);
      if (name !== undefined && !this.#symbols.has(name)) this.#symbols.set(name, child);
    }
  }

  lookup(name: string): Operation | undefined {
    return this.#symbols.get(name);
  }
  get names(): string[] {
    return [...this.#symbols.keys()];
  }

  /**
   * Adds `symbol` to the table's body (at the end, or before `before`), renaming it with a `_N` suffix if its
   * name is taken, as MLIR's SymbolTable::insert does. Returns the name it got.
   */
  insert(symbol: Operation, before?: Operation): string {
    const body = this.op.getRegion(0).entry;
    if (body === undefined) throw new Error("symbol table has no body block");
    if (symbol.parent === undefined) body.insertBefore(symbol, before ?? terminatorOf(body.last));
    let name = symbolName(symbol);
    if (name === undefined) throw new Error(`'${symbol.name}' has no sym_name`);
    if (this.#symbols.has(name) && this.#symbols.get(name) !== symbol) {
      let i = 0;
      while (this.#symbols.has(`${name}_${i}`)) i++;
      name = `${name}_${i}`;
      symbol.setAttr(SYM_NAME, StringAttr.get(name));
    }
    this.#symbols.set(name, symbol);
    return name;
  }

  /** Removes and erases a symbol. */
  erase(symbol: Operation): void {
    const name = symbolName(symbol);
    if (name !== undefined && this.#symbols.get(name) === symbol) this.#symbols.delete(name);
    symbol.erase();
  }
}

function terminatorOf(op: Operation | undefined): Operation | undefined {
  // A symbol table body normally has no terminator (NoTerminator); keep inserted symbols before one if present.
  return op !== undefined && op.hasTrait(Terminator) ? op : undefined;
}

/** The closest op enclosing `from` (or `from` itself) that is a symbol table. */
export function nearestSymbolTable(from: Operation): Operation | undefined {
  for (let p: Operation | undefined = from; p !== undefined; p = p.parentOp) if (p.hasTrait(SymbolTableTrait)) return p;
  return undefined;
}

/**
 * The symbols of symbol-table bodies, by name (the first op of a name wins, as a scan would find it). An
 * entry is rebuilt when its block's version moved: an op was inserted or removed, or an attribute changed
 * (a rename), whether through the rewriter or directly. So the verifier's and the interpreter's lookups cost
 * a map lookup, not a scan of the module.
 */
const cachedTables = new WeakMap<Block, { version: number; symbols: Map<string, Operation> }>();

function symbolsOf(body: Block): Map<string, Operation> {
  const cached = cachedTables.get(body);
  if (cached !== undefined && cached.version === body._version) return cached.symbols;
  const symbols = new Map<string, Operation>();
  for (let op = body.first; op !== undefined; op = op.next) {
    const name = symbolName(op);
    if (name !== undefined && !symbols.has(name)) symbols.set(name, op);
  }
  cachedTables.set(body, { version: body._version, symbols });
  return symbols;
}

/** Resolves `@a::@b` starting from the symbol table op `table`. */
export function lookupSymbolIn(table: Operation, ref: SymbolRefAttr | string): Operation | undefined {
  let scope: Operation | undefined = table;
  const depth = typeof ref === "string" ? 1 : 1 + ref.nested.length;
  for (let i = 0; i < depth; i++) {
    const name = typeof ref === "string" ? ref : i === 0 ? ref.root : (ref.nested[i - 1] as string);
    if (scope === undefined || !scope.hasTrait(SymbolTableTrait)) return undefined;
    const body: Block | undefined = scope.getRegion(0).entry;
    scope = body === undefined ? undefined : symbolsOf(body).get(name);
  }
  return scope;
}

/** Resolves a reference from an op, searching the enclosing symbol tables outwards (MLIR's lookupNearestSymbolFrom). */
export function lookupNearestSymbol(from: Operation, ref: SymbolRefAttr | string): Operation | undefined {
  for (let t = nearestSymbolTable(from); t !== undefined; t = t.parentOp && nearestSymbolTable(t.parentOp)) {
    const found = lookupSymbolIn(t, ref);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every SymbolRefAttr in an attribute, at any depth (arrays, dictionaries). */
export function* symbolRefsIn(a: Attribute): IterableIterator<SymbolRefAttr> {
  if (a instanceof SymbolRefAttr) yield a;
  else if (a instanceof ArrayAttr) for (const e of a.elements) yield* symbolRefsIn(e);
  else if (a instanceof DictionaryAttr) for (const e of a.entries) yield* symbolRefsIn(e.value);
}

/** The ops nested in `root` that reference symbol `name` (by the root of a SymbolRefAttr). */
export function symbolUses(root: Operation, name: string): Operation[] {
  const users: Operation[] = [];
  root.walk((op) => {
    for (const a of op.attributes.values()) {
      for (const ref of symbolRefsIn(a)) {
        if (ref.root === name) {
          users.push(op);
          return;
        }
      }
    }
  }, "pre");
  return users;
}
