/**
 * The core of the parser: the token stream, error reporting with MLIR's locations, the shared parse
 * state (aliases, nesting depth, default dialects), and the primitives every part of the grammar uses.
 * Types, attributes, locations and operations are parsed by the functions of parse-types.ts,
 * parse-attrs.ts, parse-locations.ts and parse-ops.ts, which take a CoreParser.
 *
 * `CoreParser` is also the `DialectAsmParser` handed to dialect type/attribute hooks.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../diag/diagnostic.ts";
import { error as errorDiag, note } from "../diag/diagnostic.ts";
import type { Attribute } from "../ir/attributes.ts";
import { InvalidParametersError, type Speller } from "../ir/checked.ts";
import type { Context } from "../ir/context.ts";
import { fromBits } from "../ir/float-bits.ts";
import type { FileLineColLoc, Location } from "../ir/location.ts";
import { DYNAMIC, FloatType, type Type } from "../ir/types.ts";
import type { DialectAsmParser, Punctuation, SourcePos } from "./asm-interfaces.ts";
import { floatBitsFromHexLiteral, parseFloatLiteralBits } from "./float-format.ts";
import {
  Lexer,
  ParseError,
  type Punct,
  type Source,
  type Token,
  type TokenKind,
  integerTokenValue,
  spelling as tokenSpelling,
  stringValue,
} from "./lexer.ts";
import { parseAttributeImpl, parseOptionalAttributeImpl } from "./parse-attrs.ts";
import { parseOptionalTypeImpl, parseTypeImpl, parseTypeListNoParens } from "./parse-types.ts";
import { printAttribute, printType } from "./print-attr.ts";

/** Types and attributes in verifier messages, as MLIR's diagnostics print them. */
const spellForDiagnostic: Speller = { type: (t) => printType(t), attr: (a) => printAttribute(a) };

/** How deeply types, attributes, regions and locations may nest before the parser gives up. */
export const MAX_NESTING_DEPTH = 200;

/** State shared by the parsers of one source (the top-level one and those of nested dialect bodies). */
export class ParserState {
  readonly typeAliases = new Map<string, Type>();
  readonly attrAliases = new Map<string, Attribute>();
  /** MLIR's default-dialect stack: unqualified custom op names get the innermost entry as prefix. */
  readonly defaultDialects: string[] = ["builtin"];
  depth = 0;
  constructor(
    readonly ctx: Context,
    readonly source: Source,
  ) {}
}

export type ListDelimiter = "none" | "()" | "[]" | "<>" | "{}" | "optional()" | "optional[]" | "optional<>" | "optional{}";

const closerOf: Record<string, Punct> = { "(": ")", "[": "]", "<": ">", "{": "}" };

export class CoreParser implements DialectAsmParser {
  protected lexer: Lexer;
  /** The current (not yet consumed) token. */
  tok: Token;

  constructor(
    readonly state: ParserState,
    lexer?: Lexer,
  ) {
    this.lexer = lexer ?? new Lexer(state.source);
    this.tok = this.lexer.lex();
  }

  get ctx(): Context {
    return this.state.ctx;
  }
  get source(): Source {
    return this.state.source;
  }
  /** Where the current input ends (the end of a dialect symbol's body inside `withBoundedInput`). */
  get inputEnd(): number {
    return this.lexer.end;
  }

  // ---- tokens ----------------------------------------------------------------------------------------------

  is(kind: TokenKind): boolean {
    return this.tok.kind === kind;
  }
  /** A bare identifier, keyword or integer type name (MLIR's isCurrentTokenAKeyword). */
  isIdent(): boolean {
    return this.tok.kind === "bare_identifier" || this.tok.kind === "inttype";
  }
  isKeyword(name: string): boolean {
    return this.isIdent() && this.spelling() === name;
  }
  spelling(tok: Token = this.tok): string {
    return tokenSpelling(this.source, tok);
  }
  stringValue(tok: Token = this.tok): string {
    return stringValue(this.source, tok);
  }
  integerValue(tok: Token = this.tok): bigint {
    return integerTokenValue(this.source, tok);
  }

  consume(): Token {
    const t = this.tok;
    this.tok = this.lexer.lex();
    return t;
  }
  consumeIf(kind: TokenKind): boolean {
    if (this.tok.kind !== kind) return false;
    this.consume();
    return true;
  }
  consumeKeyword(name: string): boolean {
    if (!this.isKeyword(name)) return false;
    this.consume();
    return true;
  }
  /** Consumes a token of `kind` or reports `message` where the token was expected. */
  expect(kind: TokenKind, message: string): Token {
    if (this.tok.kind !== kind) this.emitWrongTokenError(message);
    return this.consume();
  }
  /** Restarts lexing at `offset` and reads the token there (MLIR's resetToken). */
  resetTo(offset: number): void {
    this.lexer.resetPointer(offset);
    this.tok = this.lexer.lex();
  }

  // ---- locations and errors --------------------------------------------------------------------------------

  locAt(offset: number): FileLineColLoc {
    return this.source.loc(offset);
  }
  /** Where a token is reported: its start (one character back at the end of the input, as MLIR does). */
  tokenPos(tok: Token = this.tok): SourcePos {
    return tok.kind === "eof" && tok.start > 0 ? tok.start - 1 : tok.start;
  }
  /** Location of the current token (see tokenPos). */
  tokenLoc(tok: Token = this.tok): FileLineColLoc {
    return this.locAt(this.tokenPos(tok));
  }
  loc(): Location {
    return this.tokenLoc();
  }
  pos(): SourcePos {
    return this.tokenPos();
  }

  fail(diagnostic: Diagnostic): never {
    throw new ParseError(diagnostic);
  }
  /** Reports an error at `at` (an offset, a token, or the current token) with optional notes. */
  emitError(message: string, at?: number | Token | Location, notes: readonly Diagnostic[] = []): never {
    const loc =
      at === undefined ? this.tokenLoc() : typeof at === "number" ? this.locAt(at) : "kind" in at && "start" in at ? this.tokenLoc(at as Token) : (at as Location);
    return this.fail(errorDiag(loc, message, notes));
  }
  noteAt(at: number | Location, message: string): Diagnostic {
    return note(typeof at === "number" ? this.locAt(at) : at, message);
  }

  /**
   * MLIR's emitWrongTokenError: reports where the expected token should have been, i.e. right after the
   * last non-blank character before the current token (skipping blank lines and `//` comments).
   */
  emitWrongTokenError(message: string): never {
    const text = this.source.text;
    let pos = this.tok.start;
    if (this.tok.kind === "eof" && pos > 0) pos--;
    const original = pos;
    let cut = pos;
    for (;;) {
      while (cut > 0 && (text[cut - 1] === " " || text[cut - 1] === "\t")) cut--;
      if (cut === 0) return this.emitError(message, original);
      const last = text[cut - 1];
      if (last !== "\n" && last !== "\r") return this.emitError(message, cut);
      cut--;
      const lineStart = Math.max(text.lastIndexOf("\n", cut - 1), text.lastIndexOf("\r", cut - 1)) + 1;
      const comment = text.slice(lineStart, cut).indexOf("//");
      if (comment >= 0) cut = lineStart + comment;
    }
  }

  /** DialectAsmParser.error: hooks report at a place of their choice (default: the current token). */
  error(message: string, at?: Location | SourcePos): never {
    return this.emitError(message, at ?? this.tokenPos());
  }

  /** Runs `fn` one nesting level deeper, failing cleanly instead of overflowing the stack. */
  nested<T>(fn: () => T): T {
    if (this.state.depth >= MAX_NESTING_DEPTH) this.emitError(`nesting too deep (more than ${MAX_NESTING_DEPTH} levels)`);
    this.state.depth++;
    try {
      return fn();
    } finally {
      this.state.depth--;
    }
  }

  /**
   * Runs `fn` with the token stream limited to [start, end) (a dialect symbol's body), then restores the
   * stream. `fn` must consume the whole range.
   */
  withBoundedInput<T>(start: number, end: number, fn: () => T): T {
    const savedLexer = this.lexer;
    const savedTok = this.tok;
    this.lexer = new Lexer(this.source, start, end);
    this.tok = this.lexer.lex();
    try {
      const result = fn();
      if (this.tok.kind !== "eof") this.emitError("unexpected trailing characters in dialect symbol body");
      return result;
    } finally {
      this.lexer = savedLexer;
      this.tok = savedTok;
    }
  }

  /**
   * Calls an IR constructor that validates its arguments, turning its exception into a diagnostic at `at`
   * (MLIR's getChecked at a location); a builtin verifier's message has its types and attributes printed.
   */
  construct<T>(at: number | Token | Location | undefined, build: () => T): T {
    try {
      return build();
    } catch (e) {
      if (e instanceof ParseError) throw e;
      const message = e instanceof InvalidParametersError ? e.render(spellForDiagnostic) : e instanceof Error ? e.message : String(e);
      return this.emitError(message, at);
    }
  }

  // ---- lists -----------------------------------------------------------------------------------------------

  /**
   * `elem (, elem)*` with optional delimiters (an empty list is allowed between delimiters). Returns false
   * when an optional delimiter is absent (nothing consumed).
   */
  commaSeparated(delimiter: ListDelimiter, elem: () => void, context = ""): boolean {
    let open: Punct | undefined;
    if (delimiter !== "none") {
      const optional = delimiter.startsWith("optional");
      open = delimiter.slice(optional ? 8 : 0, optional ? 9 : 1) as Punct;
      if (optional && !this.is(open)) return false;
      this.expect(open, `expected '${open}'${context}`);
      const close = closerOf[open] as Punct;
      if (this.consumeIf(close)) return true;
    }
    elem();
    while (this.consumeIf(",")) elem();
    if (open !== undefined) {
      const close = closerOf[open] as Punct;
      this.expect(close, `expected '${close}'${context}`);
    }
    return true;
  }

  /** `elem (, elem)* right`, or just `right` when `allowEmpty` (MLIR's parseCommaSeparatedListUntil). */
  commaSeparatedUntil(right: Punct, elem: () => void, allowEmpty = true): void {
    if (this.is(right)) {
      if (!allowEmpty) this.emitWrongTokenError("expected list element");
      this.consume();
      return;
    }
    elem();
    while (this.consumeIf(",")) elem();
    this.expect(right, `expected ',' or '${right}'`);
  }

  // ---- DialectAsmParser ------------------------------------------------------------------------------------

  parsePunct(p: Punctuation | "-"): void {
    if (p === "::") {
      this.expect(":", "expected '::'");
      this.expect(":", "expected '::'");
      return;
    }
    this.expect(p, `expected '${p}'`);
  }
  parseOptionalPunct(p: Punctuation | "-"): boolean {
    if (p !== "::") return this.consumeIf(p);
    if (!this.is(":")) return false;
    const start = this.tok.start;
    this.consume();
    if (this.consumeIf(":")) return true;
    this.resetTo(start);
    return false;
  }

  parseKeyword(expected?: string): string {
    const at = this.tok;
    if (expected !== undefined) {
      if (!this.consumeKeyword(expected)) this.error(`expected '${expected}'`, this.tokenPos(at));
      return expected;
    }
    const k = this.parseOptionalKeyword();
    if (k === undefined) this.error("expected valid keyword", this.tokenPos(at));
    return k;
  }
  parseOptionalKeyword(allowed?: string | readonly string[]): string | undefined {
    if (!this.isIdent()) return undefined;
    const s = this.spelling();
    if (allowed !== undefined && (typeof allowed === "string" ? s !== allowed : !allowed.includes(s))) return undefined;
    this.consume();
    return s;
  }
  peekKeyword(): string | undefined {
    return this.isIdent() ? this.spelling() : undefined;
  }
  parseKeywordOrString(): string {
    const at = this.tok;
    const s = this.parseOptionalKeywordOrString();
    if (s === undefined) this.error("expected valid keyword or string", this.tokenPos(at));
    return s;
  }
  parseOptionalKeywordOrString(): string | undefined {
    return this.parseOptionalKeyword() ?? this.parseOptionalString();
  }

  parseInteger(): bigint {
    const at = this.tok;
    const v = this.parseOptionalInteger();
    if (v === undefined) this.error("expected integer value", this.tokenPos(at));
    return v;
  }
  /** An integer literal with an optional `-`, or `true`/`false` as 1/0 (MLIR's parseOptionalInteger). */
  parseOptionalInteger(): bigint | undefined {
    if (this.consumeKeyword("true")) return 1n;
    if (this.consumeKeyword("false")) return 0n;
    if (!this.is("integer") && !this.is("-")) return undefined;
    const negative = this.consumeIf("-");
    const t = this.expect("integer", "expected integer value");
    const v = this.integerValue(t);
    return negative ? -v : v;
  }

  parseFloat(type: Type): number {
    if (!(type instanceof FloatType)) this.error("expected a float type");
    const negative = this.consumeIf("-");
    const value = this.floatFromLiteral(this.tok, negative, type);
    this.consume();
    return value;
  }

  /**
   * The value a float or hex-integer literal token denotes in `type` (MLIR's parseFloatFromLiteral);
   * `floatBitsFromLiteral` gives the bit pattern, which keeps NaN payloads exact.
   */
  floatFromLiteral(tok: Token, negative: boolean, type: FloatType): number {
    return fromBits(this.floatBitsFromLiteral(tok, negative, type), type.name);
  }
  floatBitsFromLiteral(tok: Token, negative: boolean, type: FloatType): bigint {
    const text = this.spelling(tok);
    if (tok.kind === "float") {
      const r = parseFloatLiteralBits((negative ? "-" : "") + text, type.name);
      if (E.isLeft(r)) this.emitError(r.left, tok);
      return r.right;
    }
    if (tok.kind === "integer") {
      if (!text.startsWith("0x")) {
        this.emitError("unexpected decimal integer literal for a floating point value", tok, [
          this.noteAt(this.tokenLoc(tok), "add a trailing dot to make the literal a float"),
        ]);
      }
      if (negative) this.emitError("hexadecimal float literal should not have a leading minus", tok);
      const r = floatBitsFromHexLiteral(text, type.name);
      if (E.isLeft(r)) this.emitError(r.left, tok);
      return r.right;
    }
    return this.emitError("expected floating point literal", tok);
  }

  parseString(): string {
    const at = this.tok;
    const s = this.parseOptionalString();
    if (s === undefined) this.error("expected string", this.tokenPos(at));
    return s;
  }
  parseOptionalString(): string | undefined {
    if (!this.is("string")) return undefined;
    const s = this.stringValue();
    this.consume();
    return s;
  }

  parseType(): Type {
    return parseTypeImpl(this);
  }
  parseOptionalType(): Type | undefined {
    return parseOptionalTypeImpl(this);
  }
  parseTypeList(): Type[] {
    return parseTypeListNoParens(this);
  }
  parseAttribute(type?: Type): Attribute {
    return parseAttributeImpl(this, type);
  }
  parseOptionalAttribute(type?: Type): Attribute | undefined {
    return parseOptionalAttributeImpl(this, type);
  }

  parseDimension(): number {
    if (this.consumeIf("?")) return DYNAMIC;
    const at = this.tok;
    const negative = this.consumeIf("-");
    if (!this.is("integer")) this.emitWrongTokenError("expected a 64-bit signed integer or '?'");
    const v = this.integerValue();
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) this.emitError("expected a 64-bit signed integer or '?'", at);
    this.consume();
    return negative ? -Number(v) : Number(v);
  }

  parseCommaSeparatedList(delimiter: ListDelimiter, elem: () => void): boolean {
    return this.commaSeparated(delimiter, elem);
  }
}
