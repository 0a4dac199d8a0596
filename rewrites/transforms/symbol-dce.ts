/**
 * Symbol DCE, as MLIR 16's SymbolDCE pass: erases the private symbols nothing live refers to, in the symbol
 * table `root` and in the symbol tables nested in it.
 *
 *   module {                                          module {
 *     func.func private @dead() { ... }                 func.func private @used() { ... }
 *     func.func private @used() { ... }   --symbol-dce->   func.func @main() { call @used() ... }
 *     func.func @main() { call @used() ... }          }
 *   }
 *
 * Liveness starts from every op of a symbol table's body that is not a symbol and every symbol that cannot
 * be discarded, and flows through the symbol references they hold (in attributes, at any depth of their
 * regions, not inside nested symbol tables, which get their own walk when they are live). A reference resolves
 * in the symbol table that holds the referring op, along its whole path (`@a::@b` keeps both); references to
 * unknown symbols are ignored.
 *
 * A symbol can be discarded when it is not public and either it is private or its table is hidden. The
 * top-level table is hidden (nothing outside can name its symbols), and so is every table nested in a hidden
 * one: so unused `nested`-visibility symbols go too, as in mlir-opt-16.
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import type { SymbolRefAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { symbolName, symbolRefsIn, symbolVisibility } from "../../src/ir/symbol-table.ts";
import { Symbol, SymbolTable, Terminator } from "../../src/ir/traits.ts";
import { definePass } from "../../src/pass/pass.ts";
import { Rewriter, type RewriteListener } from "../../src/rewrite/rewriter.ts";

export interface SymbolDceResult {
  readonly changed: boolean;
  /** Symbols erased (MLIR's `num-dce` statistic); symbols nested in an erased one are not counted. */
  readonly numDCE: number;
}

export interface SymbolDceOptions {
  /** Told of every erasure. */
  readonly listener?: RewriteListener;
}

const isSymbol = (op: Operation): boolean => op.hasTrait(Symbol);
const isSymbolTable = (op: Operation): boolean => op.hasTrait(SymbolTable);

/** The ops directly in a symbol table's body. */
const bodyOps = (table: Operation): Operation[] => table.regions[0]?.blocks.flatMap((b) => b.operations) ?? [];

/**
 * The symbol references `op` holds: in its attributes and those of the ops nested in it, not entering nested
 * symbol tables (their own attributes count). Ops of unknown dialects are walked into like any other:
 * mlir-opt-16 does not stop at them either, although MLIR's SymbolTable code means to.
 */
function symbolUses(op: Operation): SymbolRefAttr[] {
  const refs: SymbolRefAttr[] = [];
  op.walk((nested) => {
    for (const a of nested.attributes.values()) refs.push(...symbolRefsIn(a));
    return nested !== op && isSymbolTable(nested) ? "skip" : undefined;
  }, "pre");
  return refs;
}

/** Every symbol along the path of `ref`, looked up from `table`; undefined when some part is not found. */
function resolvePath(table: Operation, ref: SymbolRefAttr): Operation[] | undefined {
  const found: Operation[] = [];
  let scope: Operation | undefined = table;
  for (const name of [ref.root, ...ref.nested]) {
    if (scope === undefined || !isSymbolTable(scope)) return undefined;
    scope = bodyOps(scope).find((op) => isSymbol(op) && symbolName(op) === name);
    if (scope === undefined) return undefined;
    found.push(scope);
  }
  return found;
}

/**
 * Marks what is live in `table` and in the live symbol tables nested in it. `hidden`: the table cannot be
 * seen from outside, so its non-public symbols are all discardable.
 */
function computeLiveness(table: Operation, hidden: boolean, live: Set<Operation>): void {
  const worklist: Operation[] = [];
  for (const op of bodyOps(table)) {
    if (!isSymbol(op)) {
      worklist.push(op);
      continue;
    }
    const visibility = symbolVisibility(op);
    const discardable = (hidden || visibility === "private") && visibility !== "public";
    if (!discardable && !live.has(op)) {
      live.add(op);
      worklist.push(op);
    }
  }
  while (worklist.length > 0) {
    const op = worklist.pop() as Operation;
    if (isSymbolTable(op)) {
      const nestedHidden = hidden || !isSymbol(op) || symbolVisibility(op) === "private";
      computeLiveness(op, nestedHidden, live);
    }
    const holder = op.parentOp;
    for (const ref of symbolUses(op)) {
      const symbols = holder === undefined ? undefined : resolvePath(holder, ref);
      for (const s of symbols ?? []) {
        if (live.has(s)) continue;
        live.add(s);
        worklist.push(s);
      }
    }
  }
}

/** Erases the dead private symbols of the symbol table `root` and of the tables nested in it. */
export function symbolDce(root: Operation, opts: SymbolDceOptions = {}): Either<Diagnostic, SymbolDceResult> {
  if (!isSymbolTable(root)) {
    // MLIR's wording, with the double space its emitOpError() << " was ..." produces.
    return left(error(root.loc, `'${root.name}' op  was scheduled to run under SymbolDCE, but does not define a symbol table`));
  }
  // A table with no parent is hidden; one nested in something else is hidden when it is a private symbol.
  const hidden = root.parentOp === undefined || !isSymbol(root) || symbolVisibility(root) === "private";
  const live = new Set<Operation>();
  computeLiveness(root, hidden, live);

  const rw = new Rewriter(opts.listener);
  let numDCE = 0;
  const tables: Operation[] = [];
  root.walk((op) => void (isSymbolTable(op) && tables.push(op)));
  // Post-order: a nested table is swept before the table holding it (as MLIR's walk does).
  for (const table of tables) {
    for (const op of bodyOps(table)) {
      if (op.hasTrait(Terminator) || !isSymbol(op) || live.has(op)) continue;
      rw.eraseOp(op);
      numDCE++;
    }
  }
  return right({ changed: numDCE > 0, numDCE });
}

/** `symbol-dce`: MLIR's SymbolDCE pass, on an op that is a symbol table. */
export const symbolDcePass = definePass({
  name: "symbol-dce",
  displayName: "SymbolDCE",
  summary: "Eliminate dead symbols",
  description: "Erases the private symbols that nothing live refers to, in the symbol table and the tables nested in it.",
  statistics: { "num-dce": "Number of symbols DCE'd" },
  run(op, pctx) {
    const r = symbolDce(op);
    if (isLeft(r)) return left([r.left]);
    pctx.stat("num-dce", r.right.numDCE);
    return { changed: r.right.changed };
  },
});
