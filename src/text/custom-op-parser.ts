/**
 * The `OpAsmParser` an op's custom parse hook receives (MLIR's CustomOpAsmParser): a view of the
 * operation parser positioned after the op name. Errors a hook reports through it (`p.error(...)`, and the
 * "expected ..." of `parseKeyword`, `parseInteger`, `parseString`, `parseSymbolName`, ...) are prefixed
 * with `custom op 'name' `, as MLIR words them; errors of the underlying grammar (types, attributes,
 * punctuation) are not.
 */
import { type AffineExpr, AffineMap, affineDim, affineSymbol } from "../ir/affine.ts";
import type { Attribute } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import type { Location } from "../ir/location.ts";
import type { Block, Region } from "../ir/operation.ts";
import type { FunctionType, Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import type { OpAsmParser, ParsedArgument, Punctuation, RegionParseOptions, SourcePos, UnresolvedOperand } from "./asm-interfaces.ts";
import { symbolReference } from "./lexer.ts";
import { parseAttributeDict } from "./parse-attrs.ts";
import type { OperationParser } from "./parse-ops.ts";
import { parseAffineExprOfSSAIds, parseAffineExprsOfSSAIds, parseAffineMapBody, type SSAIdHook } from "./parse-affine.ts";
import { parseFunctionResultTypes, parseFunctionType } from "./parse-types.ts";
import type { ListDelimiter } from "./parser-core.ts";

type ArgumentOptions = { allowType: boolean; allowAttrs: boolean };

export class CustomOpParser implements OpAsmParser {
  constructor(
    private readonly p: OperationParser,
    /** The full name of the op being parsed. */
    readonly opName: string,
    /** Where the op name is: `nameLoc` makes it a location when asked for. */
    readonly namePos: SourcePos,
  ) {}

  /** Where the op name is (MLIR's getNameLoc). */
  get nameLoc(): Location {
    return this.p.locAt(this.namePos);
  }

  get ctx(): Context {
    return this.p.ctx;
  }
  loc(): Location {
    return this.p.loc();
  }
  pos(): SourcePos {
    return this.p.pos();
  }
  error(message: string, at?: Location | SourcePos): never {
    return this.p.emitError(`custom op '${this.opName}' ${message}`, at ?? this.p.pos());
  }

  // ---- tokens ----------------------------------------------------------------------------------------------

  parsePunct(p: Punctuation): void {
    this.p.parsePunct(p);
  }
  parseOptionalPunct(p: Punctuation): boolean {
    return this.p.parseOptionalPunct(p);
  }
  parseKeyword(expected?: string): string {
    const at = this.p.pos();
    if (expected !== undefined) {
      if (!this.p.consumeKeyword(expected)) this.error(`expected '${expected}'`, at);
      return expected;
    }
    const k = this.p.parseOptionalKeyword();
    if (k === undefined) this.error("expected valid keyword", at);
    return k;
  }
  parseOptionalKeyword(allowed?: string | readonly string[]): string | undefined {
    return this.p.parseOptionalKeyword(allowed);
  }
  peekKeyword(): string | undefined {
    return this.p.peekKeyword();
  }
  parseKeywordOrString(): string {
    const at = this.p.pos();
    const s = this.p.parseOptionalKeywordOrString();
    if (s === undefined) this.error("expected valid keyword or string", at);
    return s;
  }
  parseOptionalKeywordOrString(): string | undefined {
    return this.p.parseOptionalKeywordOrString();
  }
  parseInteger(): bigint {
    const at = this.p.pos();
    const v = this.p.parseOptionalInteger();
    if (v === undefined) this.error("expected integer value", at);
    return v;
  }
  parseOptionalInteger(): bigint | undefined {
    return this.p.parseOptionalInteger();
  }
  parseFloat(type: Type): number {
    return this.p.parseFloat(type);
  }
  parseString(): string {
    const at = this.p.pos();
    const s = this.p.parseOptionalString();
    if (s === undefined) this.error("expected string", at);
    return s;
  }
  parseOptionalString(): string | undefined {
    return this.p.parseOptionalString();
  }
  parseDimension(): number {
    return this.p.parseDimension();
  }
  parseCommaSeparatedList(delimiter: ListDelimiter, elem: () => void): boolean {
    return this.p.commaSeparated(delimiter, elem);
  }

  // ---- types and attributes --------------------------------------------------------------------------------

  parseType(): Type {
    return this.p.parseType();
  }
  parseOptionalType(): Type | undefined {
    return this.p.parseOptionalType();
  }
  parseTypeList(): Type[] {
    return this.p.parseTypeList();
  }
  parseAttribute(type?: Type): Attribute {
    return this.p.parseAttribute(type);
  }
  parseOptionalAttribute(type?: Type): Attribute | undefined {
    return this.p.parseOptionalAttribute(type);
  }
  parseAffineMapOfSSAIds(delimiter: "[]" | "()"): { map: AffineMap; operands: UnresolvedOperand[] } {
    return this.affineOfSSAIds((onSSA) => parseAffineExprsOfSSAIds(this.p, delimiter, onSSA));
  }
  parseAffineExprOfSSAIds(): { map: AffineMap; operands: UnresolvedOperand[] } {
    return this.affineOfSSAIds((onSSA) => [parseAffineExprOfSSAIds(this.p, onSSA)]);
  }
  /** Numbers the SSA identifiers `parse` meets as dims and symbols, in order of first appearance. */
  private affineOfSSAIds(parse: (onSSA: SSAIdHook) => AffineExpr[]): { map: AffineMap; operands: UnresolvedOperand[] } {
    const dims: UnresolvedOperand[] = [];
    const symbols: UnresolvedOperand[] = [];
    const dimIndex = new Map<string, number>();
    const symbolIndex = new Map<string, number>();
    const exprs = this.p.nested(() =>
      parse((_p, isSymbol) => {
        const operand = this.p.parseSSAUse(true);
        const [list, index] = isSymbol ? [symbols, symbolIndex] : [dims, dimIndex];
        const key = `${operand.name}#${operand.number}`;
        let position = index.get(key);
        if (position === undefined) {
          position = list.length;
          index.set(key, position);
          list.push(operand);
        }
        return isSymbol ? affineSymbol(position) : affineDim(position);
      }),
    );
    return { map: AffineMap.get(dims.length, symbols.length, exprs), operands: [...dims, ...symbols] };
  }

  parseColonType(): Type {
    this.p.expect(":", "expected ':'");
    return this.p.parseType();
  }
  parseColonTypeList(): Type[] {
    this.p.expect(":", "expected ':'");
    return this.p.parseTypeList();
  }
  parseOptionalColonTypeList(): Type[] {
    return this.p.consumeIf(":") ? this.p.parseTypeList() : [];
  }
  parseArrowTypeList(optional = false): Type[] {
    if (optional && !this.p.is("->")) return [];
    this.p.expect("->", "expected '->'");
    return parseFunctionResultTypes(this.p);
  }
  parseAffineMap(): AffineMap {
    return parseAffineMapBody(this.p);
  }
  parseFunctionType(): FunctionType {
    return this.p.nested(() => parseFunctionType(this.p));
  }

  parseOptionalAttrDict(into: Map<string, Attribute>): void {
    if (this.p.is("{")) this.addAttributes(into);
  }
  parseOptionalAttrDictWithKeyword(into: Map<string, Attribute>): void {
    if (this.p.consumeKeyword("attributes")) this.addAttributes(into);
  }
  private addAttributes(into: Map<string, Attribute>): void {
    // A name the format sets too is reported once the op is parsed (parse-ops.ts), as MLIR does.
    for (const { name, value } of parseAttributeDict(this.p)) into.set(name, value);
  }

  parseSymbolName(): string {
    const at = this.p.pos();
    const name = this.parseOptionalSymbolName();
    if (name === undefined) this.error("expected valid '@'-identifier for symbol name", at);
    return name;
  }
  parseOptionalSymbolName(): string | undefined {
    if (!this.p.is("at_identifier")) return undefined;
    return symbolReference(this.p.source, this.p.consume());
  }

  // ---- operands and arguments ------------------------------------------------------------------------------

  parseOperand(): UnresolvedOperand {
    return this.p.parseSSAUse(true);
  }
  parseOptionalOperand(): UnresolvedOperand | undefined {
    return this.p.is("percent_identifier") ? this.p.parseSSAUse(true) : undefined;
  }
  parseOperandList(delimiter: "none" | "()" | "[]" | "optional()" | "optional[]" = "none"): UnresolvedOperand[] {
    const out: UnresolvedOperand[] = [];
    if (delimiter === "none" && !this.p.is("percent_identifier")) return out;
    this.p.commaSeparated(delimiter, () => out.push(this.p.parseSSAUse(true)), " in operand list");
    return out;
  }
  resolveOperand(operand: UnresolvedOperand, type: Type): Value {
    return this.p.resolveSSAUse(operand, type);
  }
  resolveOperands(operands: readonly UnresolvedOperand[], types: readonly Type[], at?: Location | SourcePos): Value[] {
    if (operands.length !== types.length) {
      this.error(`${operands.length} operands present, but expected ${types.length}`, at ?? this.namePos);
    }
    const values = new Array<Value>(operands.length);
    for (let i = 0; i < operands.length; i++) values[i] = this.p.resolveSSAUse(operands[i] as UnresolvedOperand, types[i] as Type);
    return values;
  }

  parseArgument(opts: ArgumentOptions): ParsedArgument {
    const operand = this.p.parseSSAUse(false);
    let type: Type | undefined;
    if (opts.allowType) {
      this.p.expect(":", "expected ':'");
      type = this.p.parseType();
    }
    let attrs: Map<string, Attribute> | undefined;
    if (opts.allowAttrs && this.p.is("{")) attrs = new Map(parseAttributeDict(this.p).map((e) => [e.name, e.value]));
    const loc = this.p.parseOptionalLocationSpecifier();
    return { operand, type, attrs, loc };
  }
  parseOptionalArgument(opts: ArgumentOptions): ParsedArgument | undefined {
    return this.p.is("percent_identifier") ? this.parseArgument(opts) : undefined;
  }
  parseArgumentList(delimiter: "()" | "optional()", opts: ArgumentOptions): ParsedArgument[] {
    const out: ParsedArgument[] = [];
    this.p.commaSeparated(delimiter, () => out.push(this.parseArgument(opts)), " in argument list");
    return out;
  }

  // ---- regions and successors ------------------------------------------------------------------------------

  /**
   * `{ ... }` into `region`; named `args` become the entry block's arguments. `enableNameShadowing` (for
   * IsolatedFromAbove ops that want it) lets the region reuse names defined outside, as in MLIR.
   */
  parseRegion(region: Region, args: readonly ParsedArgument[] = [], opts: RegionParseOptions = {}): void {
    this.p.parseRegion(region, args, opts.enableNameShadowing ?? false);
  }
  parseOptionalRegion(region: Region, args: readonly ParsedArgument[] = [], opts: RegionParseOptions = {}): boolean {
    if (!this.p.is("{")) return false;
    this.parseRegion(region, args, opts);
    return true;
  }
  parseSuccessor(): Block {
    return this.p.parseSuccessor();
  }
  parseOptionalSuccessor(): Block | undefined {
    return this.p.is("caret_identifier") ? this.p.parseSuccessor() : undefined;
  }
  parseSuccessorAndUseList(operands: Value[]): Block {
    const block = this.p.parseSuccessor();
    if (this.p.consumeIf("(")) {
      this.p.parseOptionalSSAUseAndTypeList(operands);
      this.p.expect(")", "expected ')'");
    }
    return block;
  }

  parseOptionalLocationSpecifier(): Location | undefined {
    return this.p.parseOptionalLocationSpecifier();
  }
}
