/**
 * Types, attributes and locations in MLIR 16's textual syntax, as its AsmPrinter writes them
 * (printTypeImpl, printAttributeImpl, printLocationInternal), character for character.
 *
 * `AttrPrinter` is the shared core: the operation printer extends it, and dialect type/attribute hooks get
 * one as their `DialectAsmPrinter`. What it needs from around it (aliases, the context's dialect hooks,
 * which resources the text references) comes through `AttrPrintState`; `standaloneState` prints without
 * aliases, for messages.
 */
import { printAffineMap, printIntegerSet } from "../ir/affine.ts";
import {
  AffineMapAttr,
  ArrayAttr,
  type Attribute,
  DenseArrayAttr,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  DialectAttr,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  IntegerSetAttr,
  OpaqueAttr,
  type ResourceHandle,
  StridedLayoutAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
} from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import { CallSiteLoc, FileLineColLoc, FusedLoc, Location, NameLoc, UnknownLoc } from "../ir/location.ts";
import { SparseElementsAttr } from "../ir/sparse-elements-attr.ts";
import {
  ComplexType,
  DYNAMIC,
  DialectType,
  FloatType,
  FunctionType,
  IndexType,
  IntegerType,
  MemRefType,
  NoneType,
  OpaqueType,
  RankedTensorType,
  TupleType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "../ir/types.ts";
import type { DialectAsmPrinter } from "./asm-interfaces.ts";
import { formatFloat, formatFloatBits } from "./float-format.ts";
import { encodeStringBytes } from "./lexer.ts";
import { denseArrayBody, denseElementsBody } from "./print-dense.ts";

/**
 * Whether an attribute's `: type` suffix is printed: "never" elided (attribute dictionaries), "may" be
 * elided where it is the default (i64 integers and f64 floats in arrays and memref memory spaces),
 * "must" be elided (printAttributeWithoutType).
 */
export type TypeElision = "never" | "may" | "must";

/** How large dense elements print (MLIR's OpPrintingFlags for elements attributes). */
export interface ElementsPrintFlags {
  /**
   * Non-splat dense elements with more elements than this print as `dense_resource<__elided__>`, a valid
   * but contentless literal (`--mlir-elide-elementsattrs-if-larger`); undefined never elides.
   */
  readonly elideIfLarger?: number | undefined;
  /**
   * Non-splat dense elements with more elements than this print as a hex string; -1 never does
   * (`--mlir-print-elementsattrs-with-hex-if-larger`; default 100).
   */
  readonly hexIfLarger?: number | undefined;
}

/** What an AttrPrinter needs from the printout it is part of. */
export interface AttrPrintState {
  /** Elision and hex limits for dense elements; the defaults when absent. */
  readonly elements?: ElementsPrintFlags;
  /** The context of the printout, for op printers that want it (dialect types and attributes print themselves). */
  readonly ctx: Context | undefined;
  /** The alias (`#map1`) of an attribute or type in this printout, or undefined. */
  alias(x: Attribute | Type): string | undefined;
  /** Called for every `dense_resource` handle printed, in print order (for the resource section). */
  noteResource(handle: ResourceHandle): void;
}

/** Printing without aliases or resource tracking: what `printType(t)` and messages use. */
export function standaloneState(ctx?: Context): AttrPrintState {
  return { ctx, alias: () => undefined, noteResource: () => {} };
}

// ---- strings and identifiers -------------------------------------------------------------------------------

const HEX = "0123456789ABCDEF";

/**
 * The body of a quoted string as MLIR prints it (llvm::printEscapedString over the UTF-8 bytes): printable
 * ASCII stays, a backslash doubles, everything else, `"` included, becomes `\XX` in upper-case hex.
 * Bytes that were not valid UTF-8 when parsed are held as U+DC80+byte (see the lexer's `decodeStringBytes`)
 * and print back as that single byte, so such strings round-trip.
 */
export function escapeString(s: string): string {
  if (/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(s)) return s;
  let out = "";
  for (const b of encodeStringBytes(s)) {
    if (b === 0x5c) out += "\\\\";
    else if (b >= 0x20 && b <= 0x7e && b !== 0x22) out += String.fromCharCode(b);
    else out += `\\${HEX.charAt(b >> 4)}${HEX.charAt(b & 15)}`;
  }
  return out;
}

export const quoteString = (s: string): string => `"${escapeString(s)}"`;

/** `[a-zA-Z_][a-zA-Z0-9_$.]*`: what prints without quotes as an attribute name or keyword. */
export const isBareIdentifier = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_$.]*$/.test(s);

/** A bare identifier as is, anything else quoted and escaped. */
export const keywordOrString = (s: string): string => (isBareIdentifier(s) ? s : quoteString(s));

/** `@name`, or `@"quoted name"` when the name is not a bare identifier. */
export const symbolRefText = (name: string): string =>
  name === "" ? "@<<INVALID EMPTY SYMBOL>>" : `@${keywordOrString(name)}`;

/**
 * `!dialect.body` when the body is an identifier optionally followed by `<...>`, else `!dialect<body>`
 * (MLIR's printDialectSymbol).
 */
export function dialectSymbol(prefix: "!" | "#", dialect: string, body: string): string {
  const ident = /^[A-Za-z][A-Za-z0-9._]*/.exec(body)?.[0];
  const rest = ident === undefined ? undefined : body.slice(ident.length);
  const pretty = rest !== undefined && (rest === "" || (rest.startsWith("<") && rest.endsWith(">")));
  return pretty ? `${prefix}${dialect}.${body}` : `${prefix}${dialect}<${body}>`;
}

/** Code-point order of two names, which is the byte order of their UTF-8 (how MLIR sorts attributes). */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

const dimText = (d: number): string => (d === DYNAMIC ? "?" : String(d));

// ---- the printer -------------------------------------------------------------------------------------------

/** Appends types, attributes and locations to `out`. */
export class AttrPrinter implements DialectAsmPrinter {
  out = "";

  constructor(protected readonly state: AttrPrintState) {}

  print(text: string): void {
    this.out += text;
  }
  printKeywordOrString(s: string): void {
    this.out += keywordOrString(s);
  }
  printString(s: string): void {
    this.out += quoteString(s);
  }
  printDimension(d: number): void {
    this.out += dimText(d);
  }
  printFloat(value: number, type: FloatType): void {
    this.out += formatFloat(value, type.name);
  }

  // ---- types ----

  printType(t: Type): void {
    const alias = this.state.alias(t);
    if (alias !== undefined) this.out += alias;
    else this.printTypeImpl(t);
  }

  printTypeImpl(t: Type): void {
    if (t instanceof IntegerType) {
      const prefix = t.signedness === "signed" ? "s" : t.signedness === "unsigned" ? "u" : "";
      this.out += `${prefix}i${t.width}`;
    } else if (t instanceof IndexType) {
      this.out += "index";
    } else if (t instanceof FloatType) {
      this.out += t.name;
    } else if (t instanceof NoneType) {
      this.out += "none";
    } else if (t instanceof ComplexType) {
      this.out += "complex<";
      this.printType(t.elementType);
      this.out += ">";
    } else if (t instanceof TupleType) {
      this.out += "tuple<";
      this.printTypeList(t.types);
      this.out += ">";
    } else if (t instanceof FunctionType) {
      this.printFunctionType(t.inputs, t.results);
    } else if (t instanceof RankedTensorType) {
      this.out += `tensor<${shapePrefix(t.shape)}`;
      this.printType(t.elementType);
      if (t.encoding !== undefined) {
        this.out += ", ";
        this.printAttribute(t.encoding);
      }
      this.out += ">";
    } else if (t instanceof UnrankedTensorType) {
      this.out += "tensor<*x";
      this.printType(t.elementType);
      this.out += ">";
    } else if (t instanceof VectorType) {
      this.out += `vector<${vectorShapePrefix(t)}`;
      this.printType(t.elementType);
      this.out += ">";
    } else if (t instanceof MemRefType) {
      this.printMemRef(t);
    } else if (t instanceof UnrankedMemRefType) {
      this.out += "memref<*x";
      this.printType(t.elementType);
      if (t.memorySpace !== undefined) {
        this.out += ", ";
        this.printAttribute(t.memorySpace, "may");
      }
      this.out += ">";
    } else if (t instanceof OpaqueType) {
      this.out += dialectSymbol("!", t.dialect, t.body);
    } else if (t instanceof DialectType) {
      this.printDialectType(t);
    } else {
      this.out += `<<unknown type ${t.kind}>>`;
    }
  }

  /** Comma-separated, no delimiters. */
  printTypeList(ts: readonly Type[]): void {
    ts.forEach((t, i) => {
      if (i > 0) this.out += ", ";
      this.printType(t);
    });
  }

  /** `(a, b) -> c`; results in parentheses unless there is exactly one that is not a function type. */
  printFunctionType(inputs: readonly Type[], results: readonly Type[]): void {
    this.out += "(";
    this.printTypeList(inputs);
    this.out += ") -> ";
    const single = results.length === 1 && !(results[0] instanceof FunctionType);
    if (!single) this.out += "(";
    this.printTypeList(results);
    if (!single) this.out += ")";
  }

  private printMemRef(t: MemRefType): void {
    this.out += `memref<${shapePrefix(t.shape)}`;
    this.printType(t.elementType);
    if (t.layout !== undefined && !isIdentityLayout(t.layout)) {
      this.out += ", ";
      this.printAttribute(t.layout, "may");
    }
    if (t.memorySpace !== undefined) {
      this.out += ", ";
      this.printAttribute(t.memorySpace, "may");
    }
    this.out += ">";
  }

  /** `!dialect.mnemonic<params>` (or `!dialect<"...">` when the body is not pretty), printed by the type itself. */
  private printDialectType(t: DialectType): void {
    const sub = new AttrPrinter(this.state);
    sub.out = t.mnemonic;
    t.print(sub);
    this.out += dialectSymbol("!", t.dialect, sub.out);
  }

  // ---- attributes ----

  printAttribute(a: Attribute, elision: TypeElision = "never"): void {
    const alias = this.state.alias(a);
    if (alias !== undefined) this.out += alias;
    else this.printAttributeImpl(a, elision);
  }

  printAttributeWithoutType(a: Attribute): void {
    this.printAttribute(a, "must");
  }

  /** `name = value`, or the bare name for a unit attribute. */
  printNamedAttribute(name: string, value: Attribute): void {
    this.out += keywordOrString(name);
    if (value instanceof UnitAttr) return;
    this.out += " = ";
    this.printAttribute(value);
  }

  printAttributeImpl(a: Attribute, elision: TypeElision = "never"): void {
    if (a instanceof Location) {
      this.printLocation(a);
      return;
    }
    if (a instanceof UnitAttr) {
      this.out += "unit";
      return;
    }
    if (a instanceof IntegerAttr) {
      const t = a.type;
      if (t instanceof IntegerType && t.width === 1 && t.isSignless) {
        this.out += a.value !== 0n ? "true" : "false";
        return;
      }
      this.out += String(a.value);
      if (elision === "may" && t instanceof IntegerType && t.width === 64 && t.isSignless) return;
    } else if (a instanceof FloatAttr) {
      this.out += formatFloatBits(a.bits, a.type.name);
      if (elision === "may" && a.type.name === "f64") return;
    } else if (a instanceof StringAttr) {
      this.out += quoteString(a.value);
    } else if (a instanceof DictionaryAttr) {
      this.out += "{";
      a.entries.forEach((e, i) => {
        if (i > 0) this.out += ", ";
        this.printNamedAttribute(e.name, e.value);
      });
      this.out += "}";
    } else if (a instanceof ArrayAttr) {
      this.out += "[";
      a.elements.forEach((e, i) => {
        if (i > 0) this.out += ", ";
        this.printAttribute(e, "may");
      });
      this.out += "]";
    } else if (a instanceof AffineMapAttr) {
      this.out += `affine_map<${printAffineMap(a.map)}>`;
      return;
    } else if (a instanceof IntegerSetAttr) {
      this.out += `affine_set<${printIntegerSet(a.set)}>`;
      return;
    } else if (a instanceof TypeAttr) {
      this.printType(a.value);
    } else if (a instanceof SymbolRefAttr) {
      this.out += [a.root, ...a.nested].map(symbolRefText).join("::");
    } else if (a instanceof DenseElementsAttr) {
      if (shouldElide(a, this.state.elements?.elideIfLarger)) this.out += "dense_resource<__elided__>";
      else this.out += `dense<${denseElementsBody(a, this.state.elements?.hexIfLarger)}>`;
    } else if (a instanceof SparseElementsAttr) {
      const limit = this.state.elements?.elideIfLarger;
      if (shouldElide(a.indices, limit) || shouldElide(a.values, limit)) this.out += "dense_resource<__elided__>";
      else if (a.indices.numElements === 0) this.out += "sparse<>";
      else this.out += `sparse<${denseElementsBody(a.indices, -1)}, ${denseElementsBody(a.values, this.state.elements?.hexIfLarger)}>`;
    } else if (a instanceof DenseResourceElementsAttr) {
      this.out += `dense_resource<${a.handle.name}>`;
      this.state.noteResource(a.handle);
    } else if (a instanceof StridedLayoutAttr) {
      this.out += `strided<[${a.strides.map(dimText).join(", ")}]`;
      if (a.offset !== 0) this.out += `, offset: ${dimText(a.offset)}`;
      this.out += ">";
    } else if (a instanceof DenseArrayAttr) {
      this.out += "array<";
      this.printType(a.elementType);
      if (a.values.length > 0) this.out += `: ${denseArrayBody(a)}`;
      this.out += ">";
      return;
    } else if (a instanceof OpaqueAttr) {
      this.out += dialectSymbol("#", a.dialect, a.body);
    } else if (a instanceof DialectAttr) {
      this.printDialectAttr(a);
    } else {
      this.out += `<<unknown attribute ${a.kind}>>`;
    }
    if (elision === "must") return;
    const type = attributeType(a);
    if (type !== undefined && !(type instanceof NoneType)) {
      this.out += " : ";
      this.printType(type);
    }
  }

  private printDialectAttr(a: DialectAttr): void {
    const sub = new AttrPrinter(this.state);
    sub.out = a.mnemonic;
    a.print(sub);
    this.out += dialectSymbol("#", a.dialect, sub.out);
  }

  // ---- locations ----

  /** `loc(...)`; with `allowAlias`, `loc(#loc3)` when the location has an alias. */
  printLocation(loc: Location, allowAlias = false): void {
    this.out += "loc(";
    const alias = allowAlias ? this.state.alias(loc) : undefined;
    if (alias !== undefined) this.out += alias;
    else this.printLocationInternal(loc, true);
    this.out += ")";
  }

  /** The inside of `loc(...)`; nested locations use their aliases (the top one never does). */
  protected printLocationInternal(loc: Location, isTopLevel: boolean): void {
    if (!isTopLevel) {
      const alias = this.state.alias(loc);
      if (alias !== undefined) {
        this.out += alias;
        return;
      }
    }
    if (loc instanceof UnknownLoc) {
      this.out += "unknown";
    } else if (loc instanceof FileLineColLoc) {
      this.out += `${quoteString(loc.file)}:${loc.line}:${loc.col}`;
    } else if (loc instanceof NameLoc) {
      this.out += quoteString(loc.name);
      if (!(loc.child instanceof UnknownLoc)) {
        this.out += "(";
        this.printLocationInternal(loc.child, false);
        this.out += ")";
      }
    } else if (loc instanceof CallSiteLoc) {
      this.out += "callsite(";
      this.printLocationInternal(loc.callee, false);
      this.out += " at ";
      this.printLocationInternal(loc.caller, false);
      this.out += ")";
    } else if (loc instanceof FusedLoc) {
      this.out += "fused";
      if (loc.metadata !== undefined) {
        this.out += "<";
        this.printAttribute(loc.metadata);
        this.out += ">";
      }
      this.out += "[";
      loc.locations.forEach((l, i) => {
        if (i > 0) this.out += ", ";
        this.printLocationInternal(l, false);
      });
      this.out += "]";
    } else {
      this.out += `<<unknown location ${loc.kind}>>`;
    }
  }
}

/** The type a typed attribute prints after ` : ` (MLIR's TypedAttr), if it has one. */
export function attributeType(a: Attribute): Type | undefined {
  if (a instanceof IntegerAttr || a instanceof FloatAttr) return a.type;
  if (a instanceof StringAttr) return a.type;
  if (a instanceof DenseElementsAttr || a instanceof DenseResourceElementsAttr || a instanceof SparseElementsAttr) return a.type;
  return undefined;
}

/** MLIR's shouldElideElementsAttr: more elements than the limit, and not a splat. */
function shouldElide(a: DenseElementsAttr, limit: number | undefined): boolean {
  return limit !== undefined && a.numElements > limit && !a.isSplat;
}

/** True for a memref layout that MLIR leaves out of the type: the identity affine map. */
export function isIdentityLayout(layout: Attribute): boolean {
  return layout instanceof AffineMapAttr && layout.map.isIdentity();
}

/** `4x?x` for a shape (empty for rank 0). */
function shapePrefix(shape: readonly number[]): string {
  return shape.map((d) => `${dimText(d)}x`).join("");
}

/**
 * `4x[8]x` in MLIR 16's syntax, where the scalable dimensions are one trailing group in brackets
 * (`[2x4]x`); VectorType.get refuses any other layout of scalable flags.
 */
function vectorShapePrefix(t: VectorType): string {
  const firstScalable = t.scalableDims.indexOf(true);
  if (firstScalable < 0) return shapePrefix(t.shape);
  const fixed = t.shape.slice(0, firstScalable).map((d) => `${d}x`).join("");
  return `${fixed}[${t.shape.slice(firstScalable).join("x")}]x`;
}

// ---- standalone entry points -------------------------------------------------------------------------------

/** A type as MLIR prints it (`f32`, `tensor<?x4xf32>`), without aliases. */
export function printType(t: Type, ctx?: Context): string {
  const p = new AttrPrinter(standaloneState(ctx));
  p.printType(t);
  return p.out;
}

/** An attribute as MLIR prints it in an attribute dictionary (`42 : i32`), without aliases. */
export function printAttribute(a: Attribute, ctx?: Context): string {
  const p = new AttrPrinter(standaloneState(ctx));
  p.printAttribute(a);
  return p.out;
}

/** A location as `loc(...)`, fully spelled. */
export function printLocation(loc: Location, ctx?: Context): string {
  const p = new AttrPrinter(standaloneState(ctx));
  p.printLocation(loc);
  return p.out;
}
