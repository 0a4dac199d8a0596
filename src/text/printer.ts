/**
 * The operation printer: MLIR 16's textual format, as `mlir-opt-16` prints it.
 *
 *   printOp(module)                    custom forms where ops define them, generic form otherwise
 *   printOp(module, { generic: true }) --mlir-print-op-generic
 *   printOp(module, { debugInfo: true }) --mlir-print-debuginfo (`loc(#loc3)` with `#loc3 = ...` at the end)
 *
 * An op without a parent block prints as a whole file: attribute aliases before it (`#map = ...`),
 * deferred location aliases after it, then the `{-# dialect_resources ... #-}` section for the
 * `dense_resource` blobs it references; the text ends with a newline (mlir-opt adds one more). An op inside
 * a block prints alone, without aliases, named as within its whole top-level op (or, with `localScope`,
 * within its closest isolated-from-above ancestor). With `localScope` a top-level op prints that way too, as
 * `--mlir-print-local-scope` has mlir-opt print: everything inline, no resource section.
 *
 * The pieces: print-attr.ts (types, attributes, locations), print-names.ts (SSA and block names),
 * print-alias.ts (which aliases exist), print-dense.ts (dense literals and hex).
 */
import { type AffineMap, printAffineExpr } from "../ir/affine.ts";
import type { Attribute, ResourceHandle } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import type { Location } from "../ir/location.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import { IsolatedFromAbove, Terminator } from "../ir/traits.ts";
import { FunctionType, type Type } from "../ir/types.ts";
import type { BlockArgument, OpResult, Value } from "../ir/value.ts";
import type { OpAsmPrinter } from "./asm-interfaces.ts";
import { AliasCollector, type AliasTable, emptyAliasTable } from "./print-alias.ts";
import { AttrPrinter, type AttrPrintState, compareNames, type ElementsPrintFlags, quoteString, symbolRefText } from "./print-attr.ts";
import { resourceBlobHex } from "./print-dense.ts";
import { SsaNames } from "./print-names.ts";

export { printAttribute, printLocation, printType } from "./print-attr.ts";

export interface PrintOptions {
  /** Every op in generic form (`--mlir-print-op-generic`); also turns off custom result names. */
  readonly generic?: boolean;
  /** Print `loc(...)` after ops and block arguments (`--mlir-print-debuginfo`). */
  readonly debugInfo?: boolean;
  /** The context, for op printers that want it (dialect types and attributes print themselves without it). */
  readonly ctx?: Context;
  /**
   * `--mlir-print-local-scope`: no aliases (attributes and locations print inline), no resource section,
   * and values are named within the closest isolated-from-above op instead of the whole top-level op.
   */
  readonly localScope?: boolean;
  /** Elision and hex limits for dense elements (`--mlir-elide-elementsattrs-if-larger`, ...-with-hex-if-larger). */
  readonly elements?: ElementsPrintFlags;
}

interface Flags {
  readonly generic: boolean;
  readonly debugInfo: boolean;
}

/** `op` in MLIR 16's textual format. */
export function printOp(op: Operation, opts: PrintOptions = {}): string {
  const flags: Flags = { generic: opts.generic ?? false, debugInfo: opts.debugInfo ?? false };
  const localScope = opts.localScope ?? false;
  const names = new SsaNames(namingRoot(op, localScope), { generic: flags.generic });
  const topLevel = op.parent === undefined && !localScope;
  const aliases = topLevel ? collectAliases(op, flags) : emptyAliasTable;
  const printer = new OperationPrinter(opts.ctx, aliases, names, flags, opts.elements);
  if (topLevel) printer.printTopLevel(op);
  else printer.printFullOpWithIndentAndLoc(op);
  return printer.text;
}

/** The same as printOp; reads better at call sites that print a whole module. */
export const printModule = printOp;

/** The op whose whole tree is named: the top-level ancestor, or the closest isolated one for local scope. */
function namingRoot(op: Operation, localScope: boolean): Operation {
  let root = op;
  for (;;) {
    if (localScope && root.hasTrait(IsolatedFromAbove)) return root;
    const parent = root.parentOp;
    if (parent === undefined) return root;
    root = parent;
  }
}

const indents: string[] = [];
/** `n` spaces, made once per depth rather than once per printed op. */
function indentation(n: number): string {
  return (indents[n] ??= " ".repeat(n));
}

function sortedAttrs(attrs: ReadonlyMap<string, Attribute>, elided: readonly string[] = []): [string, Attribute][] {
  if (attrs.size === 0) return []; // most ops: nothing to copy or sort
  const entries = [...attrs].filter(([name]) => !elided.includes(name));
  return entries.sort((a, b) => compareNames(a[0], b[0]));
}

/** `name` without the default dialect's prefix, when that cannot be ambiguous (MLIR's printOpName). */
function shortOpName(name: string, defaultDialect: string): string {
  const prefix = `${defaultDialect}.`;
  if (defaultDialect !== "" && name.startsWith(prefix) && name.indexOf(".", prefix.length) < 0) return name.slice(prefix.length);
  return name;
}

/** The dialect prefix ops directly inside `op`'s regions may drop (OpAsmOpInterface::getDefaultDialect). */
function defaultDialectOf(op: Operation | undefined): string {
  const info = op?.info;
  return info?.defaultDialect ?? "";
}

const isTerminator = (op: Operation | undefined): boolean => op !== undefined && op.hasTrait(Terminator);

// ---- the printer -------------------------------------------------------------------------------------------

/** How long `out` may grow before the printer settles it (see OperationPrinter.#settle). */
const SETTLE_AT = 16384;

class OperationPrinter extends AttrPrinter implements OpAsmPrinter {
  /** Text printed before `out`, in flat pieces of about SETTLE_AT characters. */
  readonly #settled: string[] = [];
  #indent = 0;
  readonly #defaultDialects: string[] = ["builtin"];
  readonly #resources: Set<ResourceHandle>;
  readonly #predecessors = new Map<Region, Map<Block, Block[]>>();

  constructor(
    ctx: Context | undefined,
    private readonly aliases: AliasTable,
    private readonly names: SsaNames,
    private readonly flags: Flags,
    elements: ElementsPrintFlags | undefined,
  ) {
    const resources = new Set<ResourceHandle>();
    const state: AttrPrintState = {
      ctx,
      ...(elements !== undefined ? { elements } : {}),
      alias: (x) => aliases.names.get(x),
      noteResource: (h) => resources.add(h),
    };
    super(state);
    this.#resources = resources;
  }

  get printGenericForm(): boolean {
    return this.flags.generic;
  }

  /** Everything printed. */
  get text(): string {
    if (this.#settled.length === 0) return this.out;
    this.#settle(0);
    return this.#settled.join("");
  }

  /**
   * Moves `out` into #settled once it is long, flattened. `+=` makes a rope (a tree of concatenations) whose
   * every piece stays alive until the text is used; for a large module those pieces were most of what the
   * garbage collector had to copy while printing. Reading a character makes V8 flatten the rope into one
   * string, and the pieces become short-lived garbage.
   */
  #settle(atLeast = SETTLE_AT): void {
    if (this.out.length < atLeast || this.out.length === 0) return;
    this.out.charCodeAt(0);
    this.#settled.push(this.out);
    this.out = "";
  }

  // ---- whole file ----

  printTopLevel(op: Operation): void {
    this.printAliasDefinitions(this.aliases.nonDeferred);
    this.printFullOpWithIndentAndLoc(op);
    this.out += "\n";
    this.printAliasDefinitions(this.aliases.deferred);
    this.printResourceSection();
  }

  private printAliasDefinitions(symbols: readonly (Attribute | Type)[]): void {
    for (const s of symbols) {
      this.out += `${this.aliases.names.get(s)} = `;
      // Only attributes get aliases from the builtin dialect.
      this.printAttributeImpl(s as Attribute);
      this.out += "\n";
    }
  }

  private printResourceSection(): void {
    const entries = [...this.#resources].filter((h) => h.blob !== undefined);
    if (entries.length === 0) return;
    this.out += "\n{-#\n  dialect_resources: {\n    builtin: {\n";
    this.out += entries.map((h) => `      ${h.name}: ${resourceBlobHex(h.blob as NonNullable<typeof h.blob>)}`).join(",\n");
    this.out += "\n    }\n  }\n#-}\n";
  }

  // ---- operations ----

  printFullOpWithIndentAndLoc(op: Operation): void {
    this.out += indentation(this.#indent);
    this.printFullOp(op);
    // `op.loc` only when printed: a parsed op's location is made when first read.
    if (this.flags.debugInfo) this.printTrailingLocation(op.loc);
  }

  private printTrailingLocation(loc: Location, allowAlias = true): void {
    if (!this.flags.debugInfo) return;
    this.out += " ";
    this.printLocation(loc, allowAlias);
  }

  /** `%0, %1:2 = ` and the op. */
  private printFullOp(op: Operation): void {
    const n = op.numResults;
    if (n > 0) {
      const group = (start: number, count: number): string =>
        this.names.valueName(op.results[start] as OpResult, false) + (count > 1 ? `:${count}` : "");
      const groups = this.names.resultGroups(op);
      if (groups === undefined) this.out += `${group(0, n)} = `;
      else this.out += `${groups.map((start, i) => group(start, (groups[i + 1] ?? n) - start)).join(", ")} = `;
    }
    this.printCustomOrGenericOp(op);
  }

  printCustomOrGenericOp(op: Operation): void {
    const asm = this.flags.generic ? undefined : op.info?.asm;
    if (asm === undefined) {
      this.printGenericOp(op);
      return;
    }
    this.out += shortOpName(op.name, this.#defaultDialects[this.#defaultDialects.length - 1] ?? "");
    asm.print(op, this);
  }

  printGenericOp(op: Operation): void {
    this.out += `${quoteString(op.name)}(`;
    this.printOperands(op.operands);
    this.out += ")";
    if (op.successors.length > 0) {
      this.out += `[${op.successors.map((b) => this.names.blockInfo(b).name).join(", ")}]`;
    }
    if (op.regions.length > 0) {
      this.out += " (";
      op.regions.forEach((r, i) => {
        if (i > 0) this.out += ", ";
        this.printRegion(r, { printEntryBlockArgs: true, printBlockTerminators: true, printEmptyBlock: true });
      });
      this.out += ")";
    }
    this.printOptionalAttrDict(op.attributes);
    this.out += " : ";
    this.printFunctionType(
      op.operands.map((v) => v.type),
      op.results.map((r) => r.type),
    );
  }

  // ---- regions and blocks ----

  printRegion(
    region: Region,
    opts: { printEntryBlockArgs?: boolean; printEmptyBlock?: boolean; printBlockTerminators?: boolean } = {},
  ): void {
    const printEntryBlockArgs = opts.printEntryBlockArgs ?? true;
    const printBlockTerminators = opts.printBlockTerminators ?? true;
    const printEmptyBlock = opts.printEmptyBlock ?? false;
    this.out += "{\n";
    const entry = region.entry;
    if (entry !== undefined) {
      this.#defaultDialects.push(defaultDialectOf(region.parentOp));
      const header = (printEmptyBlock && entry.isEmpty) || (printEntryBlockArgs && entry.args.length > 0);
      this.printBlock(entry, header, printBlockTerminators);
      for (const b of region.blocks.slice(1)) this.printBlock(b, true, true);
      this.#defaultDialects.pop();
    }
    this.out += `${indentation(this.#indent)}}`;
  }

  private printBlock(block: Block, printHeader: boolean, printTerminator: boolean): void {
    if (printHeader) {
      this.out += indentation(this.#indent) + this.names.blockInfo(block).name;
      if (block.args.length > 0) {
        this.out += "(";
        block.args.forEach((arg, i) => {
          if (i > 0) this.out += ", ";
          this.out += `${this.names.valueName(arg)}: `;
          this.printType(arg.type);
          this.printTrailingLocation(arg.loc, false);
        });
        this.out += ")";
      }
      this.out += `:${this.predecessorComment(block)}\n`;
    }
    this.#indent += 2;
    const skipLast = !printTerminator && isTerminator(block.last);
    for (let op = block.first, next: Operation | undefined; op !== undefined; op = next) {
      next = op.next;
      if (skipLast && op === block.last) break;
      this.printFullOpWithIndentAndLoc(op);
      this.out += "\n";
      this.#settle();
    }
    this.#indent -= 2;
  }

  /** `  // pred: ^bb0`, `  // 2 preds: ^bb0, ^bb1`, `  // no predecessors` (not for the entry block). */
  private predecessorComment(block: Block): string {
    const region = block.parent;
    if (region === undefined) return "  // block is not in a region!";
    const preds = this.predecessorsIn(region).get(block) ?? [];
    if (preds.length === 0) return region.entry === block ? "" : "  // no predecessors";
    if (preds.length === 1) return `  // pred: ${this.names.blockInfo(preds[0] as Block).name}`;
    const infos = preds.map((p) => this.names.blockInfo(p)).sort((a, b) => a.ordering - b.ordering);
    return `  // ${infos.length} preds: ${infos.map((i) => i.name).join(", ")}`;
  }

  /** One entry per branch edge: every successor use by an op of the region's blocks. */
  private predecessorsIn(region: Region): Map<Block, Block[]> {
    let map = this.#predecessors.get(region);
    if (map !== undefined) return map;
    map = new Map();
    for (const b of region.blocks) {
      for (let op = b.first, next: Operation | undefined; op !== undefined; op = next) {
        next = op.next;
        for (const s of op.successors) {
          const list = map.get(s) ?? [];
          list.push(b);
          map.set(s, list);
        }
      }
    }
    this.#predecessors.set(region, map);
    return map;
  }

  // ---- OpAsmPrinter ----

  printOperand(v: Value): void {
    this.out += this.names.valueName(v);
  }
  printOperands(vs: readonly Value[]): void {
    this.out += vs.map((v) => this.names.valueName(v)).join(", ");
  }
  printAffineMapOfSSAIds(map: AffineMap, operands: readonly Value[]): void {
    const name = (position: number, isSymbol: boolean): string => {
      const v = operands[isSymbol ? map.numDims + position : position];
      const text = v === undefined ? "<<NULL VALUE>>" : this.names.valueName(v);
      return isSymbol ? `symbol(${text})` : text;
    };
    this.out += map.results.map((e) => printAffineExpr(e, name)).join(", ");
  }
  printTypes(ts: readonly Type[]): void {
    this.printTypeList(ts);
  }
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void {
    this.out += "(";
    this.printTypeList(inputs);
    this.out += ")";
    this.printArrowTypeList(results);
  }
  printArrowTypeList(ts: readonly Type[]): void {
    this.out += " -> ";
    const wrapped = ts.length !== 1 || ts[0] instanceof FunctionType;
    if (wrapped) this.out += "(";
    this.printTypeList(ts);
    if (wrapped) this.out += ")";
  }
  printOptionalArrowTypeList(ts: readonly Type[]): void {
    if (ts.length > 0) this.printArrowTypeList(ts);
  }
  printOptionalAttrDict(attrs: ReadonlyMap<string, Attribute>, elided?: readonly string[]): void {
    this.printAttrDict(attrs, elided, false);
  }
  printOptionalAttrDictWithKeyword(attrs: ReadonlyMap<string, Attribute>, elided?: readonly string[]): void {
    this.printAttrDict(attrs, elided, true);
  }
  private printAttrDict(attrs: ReadonlyMap<string, Attribute>, elided: readonly string[] | undefined, keyword: boolean): void {
    const entries = sortedAttrs(attrs, elided);
    if (entries.length === 0) return;
    this.out += keyword ? " attributes {" : " {";
    entries.forEach(([name, value], i) => {
      if (i > 0) this.out += ", ";
      this.printNamedAttribute(name, value);
    });
    this.out += "}";
  }
  printSymbolName(name: string): void {
    this.out += symbolRefText(name);
  }
  printRegionArgument(arg: BlockArgument, attrs?: ReadonlyMap<string, Attribute>, omitType = false): void {
    this.out += this.names.valueName(arg);
    if (!omitType) {
      this.out += ": ";
      this.printType(arg.type);
    }
    if (attrs !== undefined) this.printOptionalAttrDict(attrs);
    this.printTrailingLocation(arg.loc, false);
  }
  printSuccessor(b: Block): void {
    this.out += this.names.blockInfo(b).name;
  }
  printSuccessorAndUseList(b: Block, operands: readonly Value[]): void {
    this.printSuccessor(b);
    if (operands.length === 0) return;
    this.out += "(";
    this.printOperands(operands);
    this.out += " : ";
    this.printTypeList(operands.map((v) => v.type));
    this.out += ")";
  }
  printOptionalLocationSpecifier(loc: Location): void {
    this.printTrailingLocation(loc);
  }
  printNewline(): void {
    this.out += `\n${indentation(this.#indent)}`;
  }
  increaseIndent(): void {
    this.#indent += 2;
  }
  decreaseIndent(): void {
    this.#indent -= 2;
  }
}

// ---- alias collection --------------------------------------------------------------------------------------

function collectAliases(op: Operation, flags: Flags): AliasTable {
  const collector = new AliasCollector();
  new AliasWalker(collector, flags).walkOp(op);
  return collector.finish();
}

/**
 * MLIR's DummyAliasOperationPrinter: goes through the IR as printing would, printing nothing, and hands
 * every attribute, type and (with debug info) location to the collector, in the order MLIR visits them.
 */
class AliasWalker implements OpAsmPrinter {
  constructor(
    private readonly collector: AliasCollector,
    private readonly flags: Flags,
  ) {}

  get printGenericForm(): boolean {
    return this.flags.generic;
  }

  printCustomOrGenericOp(op: Operation): void {
    const asm = this.flags.generic ? undefined : op.info?.asm;
    if (asm !== undefined) asm.print(op, this);
    else this.printGenericOp(op);
  }

  walkOp(op: Operation): void {
    if (this.flags.debugInfo) this.collector.visit(op.loc, true);
    const asm = this.flags.generic ? undefined : op.info?.asm;
    if (asm !== undefined) asm.print(op, this);
    else this.printGenericOp(op);
  }

  /** Unlike the printer: regions first, then operand types, result types and attributes. */
  printGenericOp(op: Operation): void {
    for (const r of op.regions) this.printRegion(r);
    for (const v of op.operands) this.printType(v.type);
    for (const r of op.results) this.printType(r.type);
    this.printOptionalAttrDict(op.attributes);
  }

  printRegion(region: Region, opts: { printEntryBlockArgs?: boolean; printBlockTerminators?: boolean } = {}): void {
    region.blocks.forEach((b, i) => {
      if (i === 0) this.walkBlock(b, opts.printEntryBlockArgs ?? true, opts.printBlockTerminators ?? true);
      else this.walkBlock(b, true, true);
    });
  }

  private walkBlock(block: Block, printArgs: boolean, printTerminator: boolean): void {
    if (printArgs) for (const arg of block.args) this.printRegionArgument(arg);
    const skipLast = !printTerminator && isTerminator(block.last);
    for (let op = block.first, next: Operation | undefined; op !== undefined; op = next) {
      next = op.next;
      if (skipLast && op === block.last) break;
      this.walkOp(op);
    }
  }

  printType(t: Type): void {
    this.collector.visit(t);
  }
  printTypes(ts: readonly Type[]): void {
    ts.forEach((t) => this.printType(t));
  }
  printAttribute(a: Attribute): void {
    this.collector.visit(a);
  }
  printAttributeWithoutType(a: Attribute): void {
    this.collector.visit(a);
  }
  printOptionalAttrDict(attrs: ReadonlyMap<string, Attribute>, elided?: readonly string[]): void {
    for (const [, value] of sortedAttrs(attrs, elided)) this.collector.visit(value);
  }
  printOptionalAttrDictWithKeyword(attrs: ReadonlyMap<string, Attribute>, elided?: readonly string[]): void {
    this.printOptionalAttrDict(attrs, elided);
  }
  /** Argument attributes are not visited: MLIR's walker skips them too (so they never get aliases). */
  printRegionArgument(arg: BlockArgument): void {
    this.printType(arg.type);
    if (this.flags.debugInfo) this.collector.visit(arg.loc, false);
  }
  printOptionalLocationSpecifier(loc: Location): void {
    if (this.flags.debugInfo) this.collector.visit(loc, false);
  }
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void {
    this.printTypes(inputs);
    this.printTypes(results);
  }
  printArrowTypeList(ts: readonly Type[]): void {
    this.printTypes(ts);
  }
  printOptionalArrowTypeList(ts: readonly Type[]): void {
    this.printTypes(ts);
  }

  // Nothing in these can have an alias.
  print(): void {}
  printKeywordOrString(): void {}
  printString(): void {}
  printDimension(): void {}
  printOperand(): void {}
  printOperands(): void {}
  printAffineMapOfSSAIds(): void {}
  printSymbolName(): void {}
  printSuccessor(): void {}
  printSuccessorAndUseList(): void {}
  printNewline(): void {}
  increaseIndent(): void {}
  decreaseIndent(): void {}
}
