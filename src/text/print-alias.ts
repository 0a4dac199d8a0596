/**
 * Attribute aliases (`#map1 = affine_map<...>`, `#loc3 = loc(...)`), chosen as MLIR 16's AliasInitializer
 * chooses them.
 *
 * Before printing a top-level operation, MLIR walks it with a printer that prints nothing but records every
 * attribute and type it would print, in order (for the generic form: regions first, then operand types,
 * result types and attributes; for custom forms: whatever the op's printer asks for). Each visited value is
 * walked into its nested attributes and types once, on first visit. The builtin dialect aliases affine maps
 * ("map"), integer sets ("set") and locations ("loc"); nothing else gets an alias.
 *
 * The aliases are then sorted, stably, by depth (an alias whose text mentions other aliases comes after
 * them), then by name, and numbered per name: `#map`, `#map1`, ... . Operation locations may be defined
 * after the operation ("deferred", printed at the end of the file); everything else reachable from a
 * non-deferrable use is printed before the operation.
 */
import {
  AffineMapAttr,
  ArrayAttr,
  Attribute,
  DenseArrayAttr,
  DialectAttr,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  IntegerSetAttr,
  TypeAttr,
  UnitAttr,
} from "../ir/attributes.ts";
import { CallSiteLoc, FusedLoc, Location, NameLoc, UnknownLoc } from "../ir/location.ts";
import {
  ComplexType,
  DialectType,
  FunctionType,
  MemRefType,
  NoneType,
  RankedTensorType,
  TupleType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "../ir/types.ts";
import type { DialectAsmPrinter } from "./asm-interfaces.ts";
import { attributeType, isIdentityLayout } from "./print-attr.ts";

type Aliasable = Attribute | Type;

interface Entry {
  readonly symbol: Aliasable;
  readonly alias: string | undefined;
  depth: number;
  canBeDeferred: boolean;
  children: number[];
}

/** The aliases of one printout, in the order their definitions print. */
export interface AliasTable {
  /** `#map1` for a symbol that has an alias. */
  readonly names: ReadonlyMap<Aliasable, string>;
  /** Definitions printed before the operation, then those printed after it. */
  readonly nonDeferred: readonly Aliasable[];
  readonly deferred: readonly Aliasable[];
}

export const emptyAliasTable: AliasTable = { names: new Map(), nonDeferred: [], deferred: [] };

/** The alias name the builtin dialect gives a symbol (OpAsmDialectInterface::getAlias), if any. */
function aliasNameOf(s: Aliasable): string | undefined {
  if (s instanceof AffineMapAttr) return "map";
  if (s instanceof IntegerSetAttr) return "set";
  if (s instanceof Location) return "loc";
  return undefined;
}

/** Records visits in first-visit order and computes depths and deferrability. */
export class AliasCollector {
  readonly #entries: Entry[] = [];
  readonly #index = new Map<Aliasable, number>();


  /** Visits an attribute or type as printed; returns its entry's index (the entry holds its alias depth). */
  visit(s: Aliasable, canBeDeferred = false, elideType = false): number {
    const known = this.#index.get(s);
    if (known !== undefined) {
      if (!canBeDeferred) this.markNonDeferrable(known);
      return known;
    }
    const alias = aliasNameOf(s);
    const index = this.#entries.length;
    // Entries without an alias also carry the flag, so that a later non-deferrable use of, say, an array
    // reaches the aliases inside it (mlir-opt-16 hoists a map used in a location's metadata array once
    // the same array appears in an attribute).
    const entry: Entry = { symbol: s, alias, depth: alias === undefined ? 0 : 1, canBeDeferred, children: [] };
    this.#entries.push(entry);
    this.#index.set(s, index);

    let maxChildDepth = 0;
    const record = (child: number): void => {
      entry.children.push(child);
      maxChildDepth = Math.max(maxChildDepth, (this.#entries[child] as Entry).depth);
    };
    this.visitNested(s, canBeDeferred, elideType, record);
    if (maxChildDepth > 0) entry.depth = maxChildDepth + 1;
    return index;
  }

  private markNonDeferrable(index: number): void {
    const e = this.#entries[index] as Entry;
    if (!e.canBeDeferred) return;
    e.canBeDeferred = false;
    for (const c of e.children) this.markNonDeferrable(c);
  }

  /** The attributes and types printing `s` would print inside it (MLIR's printAndVisitNestedAliases). */
  private visitNested(s: Aliasable, deferred: boolean, elideType: boolean, record: (child: number) => void): void {
    const attr = (a: Attribute, elide = false): void => record(this.visit(a, deferred, elide));
    const type = (t: Type): void => record(this.visit(t, deferred));

    if (s instanceof DialectType || s instanceof DialectAttr) {
      s.print(new NestedVisitor(attr, type));
      return;
    }
    if (s instanceof MemRefType) {
      type(s.elementType);
      if (s.layout !== undefined && !isIdentityLayout(s.layout)) attr(s.layout);
      if (s.memorySpace !== undefined) attr(s.memorySpace);
      return;
    }
    if (s instanceof FunctionType) {
      s.inputs.forEach(type);
      s.results.forEach(type);
      return;
    }
    if (s instanceof RankedTensorType) {
      type(s.elementType);
      if (s.encoding !== undefined) attr(s.encoding);
      return;
    }
    if (s instanceof UnrankedMemRefType) {
      type(s.elementType);
      if (s.memorySpace !== undefined) attr(s.memorySpace);
      return;
    }
    if (s instanceof UnrankedTensorType || s instanceof VectorType || s instanceof ComplexType) {
      type(s.elementType);
      return;
    }
    if (s instanceof TupleType) {
      s.types.forEach(type);
      return;
    }
    if (s instanceof AffineMapAttr || s instanceof IntegerSetAttr || s instanceof DenseArrayAttr || s instanceof FloatAttr || s instanceof IntegerAttr || s instanceof UnitAttr) {
      return;
    }
    if (s instanceof DictionaryAttr) s.entries.forEach((e) => attr(e.value));
    else if (s instanceof ArrayAttr) s.elements.forEach((e) => attr(e));
    else if (s instanceof TypeAttr) type(s.value);
    else if (s instanceof NameLoc) {
      if (!(s.child instanceof UnknownLoc)) attr(s.child);
    } else if (s instanceof CallSiteLoc) {
      attr(s.callee);
      attr(s.caller);
    } else if (s instanceof FusedLoc) {
      if (s.metadata !== undefined) attr(s.metadata);
      s.locations.forEach((l) => attr(l));
    }
    if (elideType || !(s instanceof Attribute)) return;
    const t = attributeType(s);
    if (t !== undefined && !(t instanceof NoneType)) type(t);
  }

  /** Sorts and numbers the aliases (MLIR's initializeAliases). */
  finish(): AliasTable {
    const withAlias = this.#entries.filter((e) => e.alias !== undefined);
    // Array.prototype.sort is stable: equal keys keep first-visit order.
    withAlias.sort((a, b) => a.depth - b.depth || compareAscii(a.alias as string, b.alias as string));
    const counts = new Map<string, number>();
    const names = new Map<Aliasable, string>();
    const nonDeferred: Aliasable[] = [];
    const deferred: Aliasable[] = [];
    for (const e of withAlias) {
      const base = e.alias as string;
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      names.set(e.symbol, `#${base}${n === 0 ? "" : n}`);
      (e.canBeDeferred ? deferred : nonDeferred).push(e.symbol);
    }
    return { names, nonDeferred, deferred };
  }
}

const compareAscii = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A DialectAsmPrinter that prints nothing and reports the attributes and types it is given. */
class NestedVisitor implements DialectAsmPrinter {
  constructor(
    private readonly onAttr: (a: Attribute, elideType?: boolean) => void,
    private readonly onType: (t: Type) => void,
  ) {}
  print(): void {}
  printType(t: Type): void {
    this.onType(t);
  }
  printAttribute(a: Attribute): void {
    this.onAttr(a);
  }
  printAttributeWithoutType(a: Attribute): void {
    this.onAttr(a, true);
  }
  printKeywordOrString(): void {}
  printString(): void {}
  printDimension(): void {}
}
