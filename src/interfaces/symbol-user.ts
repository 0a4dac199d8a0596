/**
 * SymbolUserOpInterface (MLIR 16's SymbolInterfaces.td): an op that refers to symbols and checks those uses
 * (`func.call`: the callee exists and its signature matches). The verifier runs `verifySymbolUses` when it
 * verifies a symbol table, after everything in it verified, for each op nested in the table (not inside nested
 * tables, which check their own), as MLIR's verifySymbolTable does.
 *
 * The symbol tables a check looks in are built once per verification (MLIR's SymbolTableCollection), so a
 * module of many calls is not scanned once per call.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { SymbolRefAttr } from "../ir/attributes.ts";
import { defineInterface } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";
import { nearestSymbolTable, SymbolTable } from "../ir/symbol-table.ts";
import { SymbolTable as SymbolTableTrait } from "../ir/traits.ts";

/** Symbol tables by their op, built on first use (MLIR's SymbolTableCollection). */
export class SymbolTableCollection {
  readonly #tables = new Map<Operation, SymbolTable>();

  /** The table of the symbol table op `op`. */
  tableOf(op: Operation): SymbolTable {
    let table = this.#tables.get(op);
    if (table === undefined) this.#tables.set(op, (table = new SymbolTable(op)));
    return table;
  }

  /** Resolves `@a::@b` in the symbol table op `table`. */
  lookupSymbolIn(table: Operation, ref: SymbolRefAttr): Operation | undefined {
    let scope: Operation | undefined = table;
    for (const name of [ref.root, ...ref.nested]) {
      if (scope === undefined || !scope.hasTrait(SymbolTableTrait)) return undefined;
      scope = this.tableOf(scope).lookup(name);
    }
    return scope;
  }

  /** Resolves a reference from `from`, searching the enclosing symbol tables outwards (lookupNearestSymbolFrom). */
  lookupNearestSymbolFrom(from: Operation, ref: SymbolRefAttr): Operation | undefined {
    for (let t = nearestSymbolTable(from); t !== undefined; t = t.parentOp && nearestSymbolTable(t.parentOp)) {
      const found = this.lookupSymbolIn(t, ref);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

export interface SymbolUserMethods {
  /** Checks the op's uses of symbols; a whole diagnostic (MLIR's wording) or undefined. */
  verifySymbolUses(symbols: SymbolTableCollection): Diagnostic | undefined;
}

export const SymbolUserOpInterface = defineInterface<SymbolUserMethods>("SymbolUserOpInterface", {
  description: "an op that refers to symbols and checks those references when its symbol table is verified",
});

/**
 * Runs `verifySymbolUses` of every symbol user nested in the symbol table op `table` (not inside nested symbol
 * tables); the first failure, as MLIR's walk stops at it.
 */
export function verifySymbolUsers(table: Operation): Diagnostic | undefined {
  const symbols = new SymbolTableCollection();
  let failure: Diagnostic | undefined;
  const visit = (op: Operation): "skip" | "interrupt" | undefined => {
    failure = SymbolUserOpInterface.of(op)?.verifySymbolUses(symbols);
    if (failure !== undefined) return "interrupt";
    return op.hasTrait(SymbolTableTrait) ? "skip" : undefined;
  };
  for (const region of table.regions) {
    for (const block of region.blocks) for (const op of block.ops()) if (op.walk(visit, "pre") === "interrupt") return failure;
  }
  return undefined;
}
