/**
 * The interfaces custom assembly formats are written against: what an op's (or a dialect type's) `parse`
 * hook may ask of the parser and what its `print` hook may ask of the printer. They mirror MLIR's
 * OpAsmParser / OpAsmPrinter. The declarative `format` strings of `defineOp` are interpreted on top of them.
 *
 * Parse methods throw a `ParseError` (via `error`) on failure; the top-level entry points catch it and
 * return a Diagnostic, so hooks stay free of error plumbing. `parseOptional*` methods return undefined or
 * false, consuming nothing, when the next token does not start what they parse.
 */
import type { AffineMap } from "../ir/affine.ts";
import type { Attribute } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import type { Location } from "../ir/location.ts";
import type { Block, Region } from "../ir/operation.ts";
import type { FunctionType, Type } from "../ir/types.ts";
import type { BlockArgument, Value } from "../ir/value.ts";

export type Punctuation =
  | "(" | ")" | "[" | "]" | "{" | "}" | "<" | ">" | "," | ":" | "=" | "->" | "?" | "*" | "+" | "|" | "..." | "::";

/**
 * A place in the source text, as an offset: cheap to take (hooks note where each piece starts, in case an
 * error must point there), turned into a Location only when an error reports it. Interning a file location
 * per piece read would cost an attribute and a table entry each, most of them never used.
 */
export type SourcePos = number;

/** `%name#3` as written, before it is resolved to a value of a known type. */
export interface UnresolvedOperand {
  readonly name: string;
  readonly number: number;
  readonly loc: Location;
}

/** A region/function argument as written: `%arg0: i32 {attrs} loc(...)`. */
export interface ParsedArgument {
  readonly operand: UnresolvedOperand;
  type: Type | undefined;
  attrs: Map<string, Attribute> | undefined;
  loc: Location | undefined;
}

/** How `parseRegion` treats names. */
export interface RegionParseOptions {
  /**
   * Let the region's arguments reuse names already defined outside it (MLIR's enableNameShadowing, for
   * IsolatedFromAbove ops whose regions cannot see enclosing values anyway).
   */
  readonly enableNameShadowing?: boolean;
}

/** The parts an op is built from, filled by its parse hook. */
export interface OperationState {
  readonly name: string;
  readonly loc: Location;
  readonly operands: Value[];
  readonly resultTypes: Type[];
  readonly attributes: Map<string, Attribute>;
  readonly regions: Region[];
  readonly successors: Block[];
}

/** Tokens and primitives shared by op hooks and dialect type/attribute hooks. */
export interface DialectAsmParser {
  readonly ctx: Context;
  /** Location of the next token. */
  loc(): Location;
  /** Where the next token starts: what `loc()` gives, without making the location until an error needs it. */
  pos(): SourcePos;
  /** Reports an error at `at` (default: the next token) and aborts the parse. */
  error(message: string, at?: Location | SourcePos): never;

  parsePunct(p: Punctuation): void;
  parseOptionalPunct(p: Punctuation): boolean;
  /** A bare identifier (`keyword`, `nsw`, `ult`); with `expected`, exactly that one. */
  parseKeyword(expected?: string): string;
  parseOptionalKeyword(allowed?: string | readonly string[]): string | undefined;
  /** The next token if it is a bare identifier, without consuming it. */
  peekKeyword(): string | undefined;
  parseKeywordOrString(): string;
  parseOptionalKeywordOrString(): string | undefined;
  parseInteger(): bigint;
  parseOptionalInteger(): bigint | undefined;
  /** A float or integer literal read as a float of the given kind (hex bit patterns allowed, as MLIR does). */
  parseFloat(type: Type): number;
  parseString(): string;
  parseOptionalString(): string | undefined;
  parseType(): Type;
  parseOptionalType(): Type | undefined;
  /** `i32, f32` (possibly empty when `allowEmpty`) */
  parseTypeList(): Type[];
  parseAttribute(type?: Type): Attribute;
  parseOptionalAttribute(type?: Type): Attribute | undefined;
  /** `?` or an integer: for shapes and strides; returns DYNAMIC for `?`. */
  parseDimension(): number;
  /** Parses `elem (',' elem)*` between the given delimiters (or none), e.g. `parseCommaSeparatedList("[", ..)`. */
  parseCommaSeparatedList(delimiter: "none" | "()" | "[]" | "<>" | "{}" | "optional()" | "optional[]" | "optional<>", elem: () => void): boolean;
}

export interface OpAsmParser extends DialectAsmParser {
  /** Where the op's name is (MLIR's getNameLoc): errors about the op as a whole point there. */
  readonly nameLoc: Location;
  parseOperand(): UnresolvedOperand;
  parseOptionalOperand(): UnresolvedOperand | undefined;
  /** `%a, %b` (may be empty), optionally with delimiters. */
  parseOperandList(delimiter?: "none" | "()" | "[]" | "optional()" | "optional[]"): UnresolvedOperand[];
  resolveOperand(operand: UnresolvedOperand, type: Type): Value;
  resolveOperands(operands: readonly UnresolvedOperand[], types: readonly Type[], at?: Location | SourcePos): Value[];

  /**
   * `[%i + 1, symbol(%n)]` (or with parentheses): affine expressions over SSA identifiers, `%x` a dim and
   * `symbol(%x)` a symbol (MLIR's parseAffineMapOfSSAIds). The map's dims and symbols are numbered in order of
   * first appearance; `operands` are the dims then the symbols, to be resolved as `index`.
   */
  parseAffineMapOfSSAIds(delimiter: "[]" | "()"): { map: AffineMap; operands: UnresolvedOperand[] };
  /** One such expression, undelimited (MLIR's parseAffineExprOfSSAIds), as a one-result map and its operands. */
  parseAffineExprOfSSAIds(): { map: AffineMap; operands: UnresolvedOperand[] };

  /** `: type` */
  parseColonType(): Type;
  /** `: t1, t2` */
  parseColonTypeList(): Type[];
  parseOptionalColonTypeList(): Type[];
  /** `-> t` or `-> (t1, t2)`; empty list when there is no arrow and `optional` */
  parseArrowTypeList(optional?: boolean): Type[];
  /** `(t1, t2) -> t3` */
  parseFunctionType(): FunctionType;
  /** A bare affine map, `(d0, d1) -> (d1, d0)` (MLIR's parseAffineMap), as `memref.transpose` spells its permutation. */
  parseAffineMap(): import("../ir/affine-map.ts").AffineMap;

  /** `{a = 1, b}` into `into`; nothing when there is no `{` */
  parseOptionalAttrDict(into: Map<string, Attribute>): void;
  /** `attributes {a = 1}` into `into`; nothing when there is no `attributes` keyword */
  parseOptionalAttrDictWithKeyword(into: Map<string, Attribute>): void;
  /** `@name` or `@"quoted name"` */
  parseSymbolName(): string;
  parseOptionalSymbolName(): string | undefined;

  /** `%x : type {attrs} loc(...)` as in function signatures; type/attrs only when allowed. */
  parseArgument(opts: { allowType: boolean; allowAttrs: boolean }): ParsedArgument;
  parseOptionalArgument(opts: { allowType: boolean; allowAttrs: boolean }): ParsedArgument | undefined;
  /** `(%a: i32, %b: f32)`, possibly with attributes; returns the arguments in order. */
  parseArgumentList(delimiter: "()" | "optional()", opts: { allowType: boolean; allowAttrs: boolean }): ParsedArgument[];

  /**
   * `{ ... }` into `region`. With `args`, they become the entry block's arguments (their types must be
   * known); without, the region's entry block may declare its own (`^bb0(%a: i32):`).
   */
  parseRegion(region: Region, args?: readonly ParsedArgument[], opts?: RegionParseOptions): void;
  /** `parseRegion` when the next token is `{`; false, consuming nothing, otherwise. */
  parseOptionalRegion(region: Region, args?: readonly ParsedArgument[], opts?: RegionParseOptions): boolean;

  /** `^bb1` */
  parseSuccessor(): Block;
  parseOptionalSuccessor(): Block | undefined;
  /** `^bb1(%a, %b : i32, i32)` — the operands are appended to `operands`. */
  parseSuccessorAndUseList(operands: Value[]): Block;

  /** `loc(...)` if present. */
  parseOptionalLocationSpecifier(): Location | undefined;
}

export interface DialectAsmPrinter {
  /** Appends raw text. */
  print(text: string): void;
  printType(t: Type): void;
  printAttribute(a: Attribute): void;
  /** An integer/float attribute without its `: type` suffix; other attributes as printAttribute. */
  printAttributeWithoutType(a: Attribute): void;
  /** A bare identifier if it is one, a quoted string otherwise. */
  printKeywordOrString(s: string): void;
  printString(s: string): void;
  /** `?` for DYNAMIC, the number otherwise. */
  printDimension(d: number): void;
}

export interface OpAsmPrinter extends DialectAsmPrinter {
  printOperand(v: Value): void;
  /** Comma-separated. */
  printOperands(vs: readonly Value[]): void;
  /**
   * The results of `map` over SSA values, comma-separated, without delimiters: `%i + 1, symbol(%n)` (MLIR's
   * printAffineMapOfSSAIds; `operands` are the dims then the symbols).
   */
  printAffineMapOfSSAIds(map: AffineMap, operands: readonly Value[]): void;
  /** Comma-separated types (no parentheses). */
  printTypes(ts: readonly Type[]): void;
  /** `(t1, t2) -> t3` as MLIR prints a function type. */
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void;
  /**
   * ` -> t` or ` -> (t1, t2)`, with a leading space, as MLIR's printArrowTypeList (` -> ()` for no types;
   * parentheses also around a single function type).
   */
  printArrowTypeList(ts: readonly Type[]): void;
  /** `printArrowTypeList`, or nothing when there are no types (MLIR's printOptionalArrowTypeList). */
  printOptionalArrowTypeList(ts: readonly Type[]): void;
  /** ` {a = 1}` with a leading space, without the names in `elided`; nothing when empty. */
  printOptionalAttrDict(attrs: ReadonlyMap<string, Attribute>, elided?: readonly string[]): void;
  /** ` attributes {a = 1}`; nothing when empty. */
  printOptionalAttrDictWithKeyword(attrs: ReadonlyMap<string, Attribute>, elided?: readonly string[]): void;
  printSymbolName(name: string): void;
  /** `%arg0: i32 {attrs} loc(...)` for region arguments. */
  printRegionArgument(arg: BlockArgument, attrs?: ReadonlyMap<string, Attribute>, omitType?: boolean): void;
  printRegion(region: Region, opts?: { printEntryBlockArgs?: boolean; printEmptyBlock?: boolean; printBlockTerminators?: boolean }): void;
  printSuccessor(b: Block): void;
  /** `^bb1(%a, %b : i32, i32)` */
  printSuccessorAndUseList(b: Block, operands: readonly Value[]): void;
  /** ` loc(...)` when debug info is printed. */
  printOptionalLocationSpecifier(loc: Location): void;
  /** Makes the next `printRegion` print only the terminator-free body of single-block regions when asked. */
  readonly printGenericForm: boolean;
  /** A line break, indented to the current operation's level (MLIR's printNewline). */
  printNewline(): void;
  increaseIndent(): void;
  decreaseIndent(): void;
  /** The generic form of `op` without its results (`"x.y"(%a) : (i32) -> i32`), for hooks that fall back to it. */
  printGenericOp(op: import("../ir/operation.ts").Operation): void;
  /** `op` without its results, in custom form when it has one (MLIR's printCustomOrGenericOp: vector.mask's body). */
  printCustomOrGenericOp(op: import("../ir/operation.ts").Operation): void;
}

/**
 * The custom-assembly hooks an op definition may provide (`defineOp(spec, { asm })`, typed with the op's own
 * class), or that its declarative `format` generates.
 */
export interface OpAsmHooks<I extends import("../ir/operation.ts").Operation = import("../ir/operation.ts").Operation> {
  /** Prints everything after `%results = "op.name"` (starting with a space when there is anything). */
  print(op: I, p: OpAsmPrinter): void;
  /** Parses everything after the op name into `state`. */
  parse(p: OpAsmParser, state: OperationState): void;
}
