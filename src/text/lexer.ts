/**
 * The lexer of MLIR 16's textual format (mlir/lib/AsmParser/Lexer.cpp's rules, written anew).
 *
 * Tokens are offsets into the source text; their spelling, string value and location are computed on
 * demand. A lexing error (an unterminated string, a stray character) throws a `ParseError` carrying a
 * Diagnostic at the offending character, which the parser's entry points turn into a `Left`.
 *
 *   bare-id      ::= (letter | `_`) (letter | digit | [_$.])*          (keywords are bare-ids here)
 *   suffix-id    ::= digit+ | (letter | [$._-]) (letter | digit | [$._-])*
 *   `%` `^` `!` `#` suffix-id;   `@` (bare-id | string-literal)
 *   integer      ::= digit+ | `0x` hex-digit+
 *   float        ::= digit+ `.` digit* ([eE] [-+]? digit+)?
 *   string       ::= `"` ([^"\n\v\f\\] | `\` ([nt"\\] | hex hex))* `"`
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import { error } from "../diag/diagnostic.ts";
import { FileLineColLoc } from "../ir/location.ts";

/** The only exception the parser throws; caught at its entry points and returned as a Diagnostic. */
export class ParseError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "ParseError";
  }
}

/** A source text with its file name, mapping offsets to 1-based line:column locations. */
export class Source {
  #lineStarts: number[] | undefined;
  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  /** The location of `offset` (column counted in UTF-8 bytes, as MLIR counts it). */
  loc(offset: number): FileLineColLoc {
    const line = this.line(offset);
    return FileLineColLoc.get(this.file, line, this.column(offset, line));
  }

  /** The 1-based line of `offset`. */
  line(offset: number): number {
    const starts = this.lineStarts();
    // The parser asks in order, mostly on the line it asked last or the next ones: try those first.
    let lo = onLine(starts, this.#lastLine, offset) ? this.#lastLine : this.#lastLine + 1;
    if (!onLine(starts, lo, offset)) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
    }
    this.#lastLine = lo;
    return lo + 1;
  }

  /** The 1-based column of `offset` on its `line`, in UTF-8 bytes. */
  column(offset: number, line: number): number {
    return utf8Length(this.text, this.lineStarts()[line - 1] as number, offset) + 1;
  }

  #lastLine = 0;

  private lineStarts(): number[] {
    if (this.#lineStarts !== undefined) return this.#lineStarts;
    const starts = [0];
    for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.#lineStarts = starts;
    return starts;
  }
}

/** True when `offset` is on line `i` (0-based) of a text whose lines start at `starts`. */
function onLine(starts: readonly number[], i: number, offset: number): boolean {
  return i < starts.length && (starts[i] as number) <= offset && (i + 1 >= starts.length || offset < (starts[i + 1] as number));
}

function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export type Punct =
  | "(" | ")" | "[" | "]" | "{" | "}" | "<" | ">" | "," | ":" | "=" | "->" | "-" | "+" | "*" | "?" | "|" | "..."
  | "{-#" | "#-}";

export type TokenKind =
  | "eof"
  | "bare_identifier"
  | "inttype"
  | "at_identifier"
  | "hash_identifier"
  | "percent_identifier"
  | "caret_identifier"
  | "exclamation_identifier"
  | "integer"
  | "float"
  | "string"
  | Punct;

export interface Token {
  readonly kind: TokenKind;
  /** Offsets of the first character and one past the last, in the source text. */
  readonly start: number;
  readonly end: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** `$ . _ -`: the punctuation allowed in suffix-ids. */
const isIdPunct = (c: number): boolean => c === 36 || c === 46 || c === 95 || c === 45;
/** Letters, digits and `_ $ .`: the characters that continue a bare-id. */
const isBareIdChar = (c: number): boolean => isAlpha(c) || isDigit(c) || c === 95 || c === 36 || c === 46;

const INT_TYPE = /^(?:i|si|ui)[0-9]+$/;

/**
 * Lexes `source.text` between `start` and `end` (a bounded lexer reads a dialect symbol's body). `lex`
 * returns the next token; at `end` it returns `eof` forever.
 */
export class Lexer {
  #pos: number;
  constructor(
    readonly source: Source,
    start = 0,
    readonly end = source.text.length,
  ) {
    this.#pos = start;
  }

  get position(): number {
    return this.#pos;
  }

  /** Restarts lexing at `offset` (MLIR's resetPointer: after `0` of `0xf32`, after `x` of `xf32`, ...). */
  resetPointer(offset: number): void {
    this.#pos = offset;
  }

  private code(i: number): number {
    return i < this.end ? this.source.text.charCodeAt(i) : -1;
  }

  private fail(offset: number, message: string): never {
    throw new ParseError(error(this.source.loc(Math.min(offset, this.source.text.length)), message));
  }

  private token(kind: TokenKind, start: number): Token {
    return { kind, start, end: this.#pos };
  }

  lex(): Token {
    for (;;) {
      const start = this.#pos;
      if (start >= this.end) return { kind: "eof", start: this.end, end: this.end };
      const c = this.code(start);
      this.#pos++;
      switch (c) {
        case 32: // ' '
        case 9: // \t
        case 10: // \n
        case 13: // \r
        case 0: // a NUL inside the text is skipped like whitespace, as MLIR does
          continue;
        case 58: // :
          return this.token(":", start);
        case 44: // ,
          return this.token(",", start);
        case 40:
          return this.token("(", start);
        case 41:
          return this.token(")", start);
        case 91:
          return this.token("[", start);
        case 93:
          return this.token("]", start);
        case 60:
          return this.token("<", start);
        case 62:
          return this.token(">", start);
        case 61:
          return this.token("=", start);
        case 43:
          return this.token("+", start);
        case 42:
          return this.token("*", start);
        case 63:
          return this.token("?", start);
        case 124:
          return this.token("|", start);
        case 125:
          return this.token("}", start);
        case 123: // { or {-#
          if (this.code(this.#pos) === 45 && this.code(this.#pos + 1) === 35) {
            this.#pos += 2;
            return this.token("{-#", start);
          }
          return this.token("{", start);
        case 45: // - or ->
          if (this.code(this.#pos) === 62) {
            this.#pos++;
            return this.token("->", start);
          }
          return this.token("-", start);
        case 46: // ...
          if (this.code(this.#pos) !== 46 || this.code(this.#pos + 1) !== 46) {
            this.fail(this.#pos, "expected three consecutive dots for an ellipsis");
          }
          this.#pos += 2;
          return this.token("...", start);
        case 47: // //
          if (this.code(this.#pos) === 47) {
            this.skipComment();
            continue;
          }
          return this.fail(start, "unexpected character");
        case 64: // @
          return this.lexAtIdentifier(start);
        case 35: // # or #-}
          if (this.code(this.#pos) === 45 && this.code(this.#pos + 1) === 125) {
            this.#pos += 2;
            return this.token("#-}", start);
          }
          return this.lexPrefixedIdentifier(start, "hash_identifier", "invalid attribute name");
        case 33: // !
          return this.lexPrefixedIdentifier(start, "exclamation_identifier", "invalid type identifier");
        case 94: // ^
          return this.lexPrefixedIdentifier(start, "caret_identifier", "invalid block name");
        case 37: // %
          return this.lexPrefixedIdentifier(start, "percent_identifier", "invalid SSA name");
        case 34: // "
          return this.lexString(start);
        default:
          if (isDigit(c)) return this.lexNumber(start);
          if (isAlpha(c) || c === 95) return this.lexBareIdentifier(start);
          return this.fail(start, "unexpected character");
      }
    }
  }

  private skipComment(): void {
    this.#pos++; // the second '/'
    while (this.#pos < this.end) {
      const c = this.code(this.#pos++);
      if (c === 10 || c === 13) return;
    }
  }

  private lexBareIdentifier(start: number): Token {
    while (isBareIdChar(this.code(this.#pos))) this.#pos++;
    const spelling = this.source.text.slice(start, this.#pos);
    return this.token(INT_TYPE.test(spelling) ? "inttype" : "bare_identifier", start);
  }

  private lexAtIdentifier(start: number): Token {
    const c = this.code(this.#pos);
    if (c === 34) {
      this.#pos++;
      this.lexString(this.#pos - 1);
      return this.token("at_identifier", start);
    }
    if (!isAlpha(c) && c !== 95) this.fail(this.#pos, "@ identifier expected to start with letter or '_'");
    while (isBareIdChar(this.code(this.#pos))) this.#pos++;
    return this.token("at_identifier", start);
  }

  private lexPrefixedIdentifier(start: number, kind: TokenKind, errorKind: string): Token {
    const c = this.code(this.#pos);
    if (isDigit(c)) {
      while (isDigit(this.code(this.#pos))) this.#pos++;
    } else if (isAlpha(c) || isIdPunct(c)) {
      do this.#pos++;
      while (isAlpha(this.code(this.#pos)) || isDigit(this.code(this.#pos)) || isIdPunct(this.code(this.#pos)));
    } else {
      this.fail(start, errorKind);
    }
    return this.token(kind, start);
  }

  private lexNumber(start: number): Token {
    // `0x` followed by a hex digit is a hex integer; `0xi32` is `0` then `xi32`.
    if (this.code(start) === 48 && this.code(this.#pos) === 120) {
      if (!isHexDigit(this.code(this.#pos + 1))) return this.token("integer", start);
      this.#pos += 2;
      while (isHexDigit(this.code(this.#pos))) this.#pos++;
      return this.token("integer", start);
    }
    while (isDigit(this.code(this.#pos))) this.#pos++;
    if (this.code(this.#pos) !== 46) return this.token("integer", start);
    this.#pos++;
    while (isDigit(this.code(this.#pos))) this.#pos++;
    const e = this.code(this.#pos);
    if (e === 101 || e === 69) {
      const next = this.code(this.#pos + 1);
      if (isDigit(next) || ((next === 45 || next === 43) && isDigit(this.code(this.#pos + 2)))) {
        this.#pos += 2;
        while (isDigit(this.code(this.#pos))) this.#pos++;
      }
    }
    return this.token("float", start);
  }

  /** `start` is the offset of the opening quote. */
  private lexString(start: number): Token {
    for (;;) {
      if (this.#pos >= this.end) this.fail(this.#pos, "expected '\"' in string literal");
      const c = this.code(this.#pos++);
      switch (c) {
        case 34:
          return this.token("string", start);
        case 10:
        case 11:
        case 12:
          return this.fail(this.#pos - 1, "expected '\"' in string literal");
        case 92: {
          const n = this.code(this.#pos);
          if (n === 34 || n === 92 || n === 110 || n === 116) this.#pos++;
          else if (isHexDigit(n) && isHexDigit(this.code(this.#pos + 1))) this.#pos += 2;
          else this.fail(this.#pos - 1, "unknown escape in string literal");
          continue;
        }
        default:
          continue;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Token values
// ---------------------------------------------------------------------------------------------------------

export function spelling(src: Source, tok: Token): string {
  return src.text.slice(tok.start, tok.end);
}

/**
 * The bytes a string literal's body stands for (escapes resolved), given the text between the quotes.
 * Characters are taken as their UTF-8 bytes, as MLIR reads its (UTF-8) files.
 */
export function stringLiteralBytes(body: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 92 && i + 1 < body.length) {
      const n = body[i + 1] as string;
      i++;
      if (n === "n") out.push(10);
      else if (n === "t") out.push(9);
      else if (n === '"' || n === "\\") out.push(n.charCodeAt(0));
      else {
        out.push(parseInt(body.slice(i, i + 2), 16));
        i++;
      }
      continue;
    }
    if (c < 0x80) out.push(c);
    else {
      const cp = body.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      for (const b of utf8.encode(String.fromCodePoint(cp))) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

const utf8 = new TextEncoder();

/**
 * Decodes bytes as UTF-8. A byte that is not part of a valid UTF-8 sequence becomes the lone surrogate
 * U+DC80 + byte (Python's "surrogateescape"), so arbitrary byte strings (`"\FF\00"`) survive in a JS string
 * and a printer can write them back as `\FF` (see `encodeStringBytes`).
 */
export function decodeStringBytes(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? (b <= 0xef ? 3 : 0) : b >= 0xc2 ? 2 : 0;
    const cp = len === 0 ? -1 : decodeSequence(bytes, i, len);
    if (cp < 0) {
      out += String.fromCharCode(0xdc00 + b);
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

function decodeSequence(bytes: Uint8Array, i: number, len: number): number {
  if (i + len > bytes.length) return -1;
  let cp = (bytes[i] as number) & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    const b = bytes[i + k] as number;
    if ((b & 0xc0) !== 0x80) return -1;
    cp = (cp << 6) | (b & 0x3f);
  }
  const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return cp;
}

/** The inverse of `decodeStringBytes`: UTF-8, with lone surrogates U+DC80..U+DCFF written as their byte. */
export function encodeStringBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      continue;
    }
    const cp = s.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    if (cp < 0x80) out.push(cp);
    else for (const b of utf8.encode(String.fromCodePoint(cp))) out.push(b);
  }
  return Uint8Array.from(out);
}

/** The value of a string token (without quotes, escapes resolved). */
export function stringValue(src: Source, tok: Token): string {
  const body = src.text.slice(tok.start + 1, tok.end - 1);
  // Fast path: nothing to unescape and plain ASCII or well-formed text.
  if (!body.includes("\\")) return body;
  return decodeStringBytes(stringLiteralBytes(body));
}

/** The bytes of a `"0x..."` string token, or undefined when it is not an even-length hex string. */
export function hexStringBytes(src: Source, tok: Token): Uint8Array | undefined {
  if (tok.kind !== "string") return undefined;
  const body = src.text.slice(tok.start + 1, tok.end - 1);
  if (!body.startsWith("0x")) return undefined;
  const hex = body.slice(2);
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The name of an `@name` or `@"quoted name"` token. */
export function symbolReference(src: Source, tok: Token): string {
  if (src.text.charCodeAt(tok.start + 1) === 34) return stringValue(src, { kind: "string", start: tok.start + 1, end: tok.end });
  return src.text.slice(tok.start + 1, tok.end);
}

/** The number of a `#3` token (an SSA result number), or undefined. */
export function hashIdentifierNumber(src: Source, tok: Token): number | undefined {
  const s = src.text.slice(tok.start + 1, tok.end);
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) && n <= 0xffff_ffff ? n : undefined;
}

/** An unsigned integer token's value (decimal or hex), as a BigInt. */
export function integerTokenValue(src: Source, tok: Token): bigint {
  return BigInt(src.text.slice(tok.start, tok.end));
}
