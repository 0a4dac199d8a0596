import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  Lexer,
  ParseError,
  Source,
  type Token,
  decodeStringBytes,
  encodeStringBytes,
  hashIdentifierNumber,
  hexStringBytes,
  spelling,
  stringValue,
  symbolReference,
} from "../../src/text/lexer.ts";
import { escapeString } from "../../src/text/print-attr.ts";

function lexAll(text: string): { src: Source; toks: Token[] } {
  const src = new Source(text, "t.mlir");
  const lexer = new Lexer(src);
  const toks: Token[] = [];
  for (let t = lexer.lex(); t.kind !== "eof"; t = lexer.lex()) toks.push(t);
  return { src, toks };
}

const kinds = (text: string): string[] => lexAll(text).toks.map((t) => t.kind);
const spellings = (text: string): string[] => {
  const { src, toks } = lexAll(text);
  return toks.map((t) => spelling(src, t));
};

function lexError(text: string): string {
  try {
    lexAll(text);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const loc = e.diagnostic.loc as unknown as { line: number; col: number };
    return `${loc.line}:${loc.col}: ${e.diagnostic.message}`;
  }
  return "no error";
}

test("punctuation, including the multi-character tokens", () => {
  assert.equal(kinds("( ) [ ] { } < > , : = -> - + * ? | ... {-# #-}"), [
    "(", ")", "[", "]", "{", "}", "<", ">", ",", ":", "=", "->", "-", "+", "*", "?", "|", "...", "{-#", "#-}",
  ]);
  assert.equal(spellings("a::@b"), ["a", ":", ":", "@b"]);
});

test("identifiers: bare ids with . and $, integer types, prefixed ids with - and digits", () => {
  assert.equal(kinds("foo.bar$x _x i32 si8 ui16 i32x i x1"), [
    "bare_identifier", "bare_identifier", "inttype", "inttype", "inttype", "bare_identifier", "bare_identifier", "bare_identifier",
  ]);
  assert.equal(spellings("%0 %arg0 %a.b$-c ^bb1 !llvm.ptr #map1 %0#1 #-x"), ["%0", "%arg0", "%a.b$-c", "^bb1", "!llvm.ptr", "#map1", "%0", "#1", "#-x"]);
  assert.equal(kinds("%0 ^bb !t #a @s"), ["percent_identifier", "caret_identifier", "exclamation_identifier", "hash_identifier", "at_identifier"]);
  // A digit suffix-id stops at the first non-digit.
  assert.equal(spellings("%12abc"), ["%12", "abc"]);
});

test("symbol references: bare and quoted", () => {
  const { src, toks } = lexAll('@foo.bar @"x y\\22"');
  assert.equal(toks.map((t) => symbolReference(src, t)), ["foo.bar", 'x y"']);
});

test("numbers: decimal, hex, floats with exponents; 0xi32 and 1e3 split like MLIR", () => {
  assert.equal(kinds("42 0x1F 1.5 1. 1.0e-3 2.5E+10"), ["integer", "integer", "float", "float", "float", "float"]);
  assert.equal(spellings("0xi32"), ["0", "xi32"]);
  assert.equal(spellings("0xf32"), ["0xf32"]);
  assert.equal(spellings("1e3"), ["1", "e3"]);
  assert.equal(spellings("1.e3 1.0e"), ["1.e3", "1.0", "e"]);
  assert.equal(spellings("-1"), ["-", "1"]);
});

test("comments and whitespace are skipped", () => {
  assert.equal(spellings("a // comment ) ] \n b\r\n\tc // end"), ["a", "b", "c"]);
});

test("string values resolve MLIR's escapes", () => {
  const { src, toks } = lexAll('"plain" "a\\"b" "back\\\\slash" "nl\\n tab\\t" "\\41\\42" "\\E2\\82\\AC" "caf\u00e9"');
  assert.equal(toks.map((t) => stringValue(src, t)), ["plain", 'a"b', "back\\slash", "nl\n tab\t", "AB", "\u20ac", "caf\u00e9"]);
});

test("bytes that are not UTF-8 survive decoding and encoding", () => {
  const bytes = Uint8Array.from([0x00, 0xff, 0x41, 0xe2, 0x82, 0xac, 0xc3]);
  const s = decodeStringBytes(bytes);
  assert.is(s.slice(2, 4), "A\u20ac");
  assert.equal([...encodeStringBytes(s)], [...bytes]);
  const { src, toks } = lexAll('"\\FF\\00"');
  assert.equal([...encodeStringBytes(stringValue(src, toks[0] as Token))], [0xff, 0x00]);
});

test("hex strings give their bytes; anything else gives undefined", () => {
  const { src, toks } = lexAll('"0x0A0bFF" "0x" "0x123" "abc" "0xZZ"');
  const [a, b, c, d, e] = toks.map((t) => hexStringBytes(src, t));
  assert.equal([...(a as Uint8Array)], [0x0a, 0x0b, 0xff]);
  assert.equal([...(b as Uint8Array)], []);
  assert.is(c, undefined);
  assert.is(d, undefined);
  assert.is(e, undefined);
});

test("result numbers of %x#n", () => {
  const { src, toks } = lexAll("#12 #x");
  assert.is(hashIdentifierNumber(src, toks[0] as Token), 12);
  assert.is(hashIdentifierNumber(src, toks[1] as Token), undefined);
});

test("locations are 1-based line:column, columns counted in UTF-8 bytes", () => {
  const src = new Source('a\n  "\u00e9\u00e9" b\n', "f.mlir");
  const lexer = new Lexer(src);
  lexer.lex();
  const str = lexer.lex();
  const b = lexer.lex();
  assert.equal([src.loc(str.start).line, src.loc(str.start).col], [2, 3]);
  assert.equal([src.loc(b.start).line, src.loc(b.start).col], [2, 10]);
  assert.is(src.loc(0).file, "f.mlir");
});

test("a bounded lexer stops at its end", () => {
  const src = new Source("abc<def> ghi", "t");
  const lexer = new Lexer(src, 3, 8);
  const out: string[] = [];
  for (let t = lexer.lex(); t.kind !== "eof"; t = lexer.lex()) out.push(spelling(src, t));
  assert.equal(out, ["<", "def", ">"]);
});

test("lexing errors carry MLIR's message and the offending character's position", () => {
  assert.is(lexError('x = "abc'), "1:9: expected '\"' in string literal");
  assert.is(lexError('"ab\ncd"'), "1:4: expected '\"' in string literal");
  assert.is(lexError('"a\\q"'), "1:3: unknown escape in string literal");
  assert.is(lexError("a $"), "1:3: unexpected character");
  assert.is(lexError("a\n /"), "2:2: unexpected character");
  assert.is(lexError("@1"), "1:2: @ identifier expected to start with letter or '_'");
  assert.is(lexError("% x"), "1:1: invalid SSA name");
  assert.is(lexError("^ "), "1:1: invalid block name");
  assert.is(lexError("!"), "1:1: invalid type identifier");
  assert.is(lexError("#"), "1:1: invalid attribute name");
  assert.is(lexError("a .b"), "1:4: expected three consecutive dots for an ellipsis");
  assert.is(lexError("\u00e9"), "1:1: unexpected character");
});

test("every single-byte string escape reads and prints back as MLIR writes it (stray bytes stay bytes)", () => {
  const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, "0");
  for (let b = 0; b < 256; b++) {
    const { src, toks } = lexAll(`"\\${hex(b)}"`);
    const printable = b >= 0x20 && b <= 0x7e && b !== 0x22 && b !== 0x5c;
    const expected = printable ? String.fromCharCode(b) : b === 0x5c ? "\\\\" : `\\${hex(b)}`;
    assert.is(escapeString(stringValue(src, toks[0] as Token)), expected, `byte ${hex(b)}`);
  }
});

test.run();
