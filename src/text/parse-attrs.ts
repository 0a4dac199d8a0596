/**
 * Builtin attributes (MLIR 16's AttributeParser.cpp grammar):
 *
 *   attribute ::= `unit` | `true` | `false` | integer (`:` int-or-index-type)? | float (`:` float-type)?
 *               | string (`:` type)? | type | `[` attribute* `]` | `{` (name (`=` attribute)?)* `}`
 *               | `@`sym (`::` `@`sym)* | `affine_map<...>` | `affine_set<...>`
 *               | `strided<[...], offset: n>` | `array<T: ...>`
 *               | `dense<...>` `:` shaped-type | `dense_resource<name>` `:` shaped-type | `loc(...)`
 *               | `#` alias | `#` dialect.attr<...> (`:` type)?
 */
import {
  AffineMapAttr,
  ArrayAttr,
  type Attribute,
  DenseArrayAttr,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  IntegerSetAttr,
  type NamedAttribute,
  StridedLayoutAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
  boolAttr,
} from "../ir/attributes.ts";
import { DYNAMIC, FloatType, IndexType, IntegerType, type Type, i64, f64 } from "../ir/types.ts";
import { symbolReference } from "./lexer.ts";
import { parseAffineMapBody, parseIntegerSetBody } from "./parse-affine.ts";
import { buildAttributeInt } from "./parse-literals.ts";
import { parseDenseElementsAttr, parseDenseResourceElementsAttr } from "./parse-dense.ts";
import { parseExtendedAttr } from "./parse-dialect-symbols.ts";
import { parseLocationInstance } from "./parse-locations.ts";
import { startsType } from "./parse-types.ts";
import type { CoreParser } from "./parser-core.ts";
import { printType } from "./print-attr.ts";

const ATTRIBUTE_KEYWORDS = new Set([
  "affine_map", "affine_set", "array", "dense", "dense_resource", "false", "loc", "sparse", "strided", "true", "unit",
]);

export function startsAttribute(p: CoreParser): boolean {
  switch (p.tok.kind) {
    case "at_identifier":
    case "float":
    case "integer":
    case "hash_identifier":
    case "{":
    case "[":
    case "-":
    case "string":
      return true;
    case "bare_identifier":
      return ATTRIBUTE_KEYWORDS.has(p.spelling()) || startsType(p);
    default:
      return startsType(p);
  }
}

export function parseOptionalAttributeImpl(p: CoreParser, type?: Type): Attribute | undefined {
  return startsAttribute(p) ? parseAttributeImpl(p, type) : undefined;
}

export function parseAttributeImpl(p: CoreParser, type?: Type): Attribute {
  return p.nested(() => parseAttributeInner(p, type));
}

function parseAttributeInner(p: CoreParser, type: Type | undefined): Attribute {
  switch (p.tok.kind) {
    case "[": {
      p.consume();
      const elements: Attribute[] = [];
      p.commaSeparatedUntil("]", () => elements.push(parseAttributeImpl(p)));
      return ArrayAttr.get(elements);
    }
    case "{":
      return DictionaryAttr.get(parseAttributeDict(p));
    case "hash_identifier":
      return parseExtendedAttr(p, type);
    case "float":
      return parseFloatAttr(p, type, false);
    case "integer":
      return parseDecOrHexAttr(p, type, false);
    case "-":
      p.consume();
      if (p.is("integer")) return parseDecOrHexAttr(p, type, true);
      if (p.is("float")) return parseFloatAttr(p, type, true);
      return p.emitWrongTokenError("expected constant integer or floating point value");
    case "string": {
      const value = p.stringValue();
      p.consume();
      let t = type;
      if (t === undefined && p.consumeIf(":")) t = p.parseType();
      return StringAttr.get(value, t);
    }
    case "at_identifier":
      return parseSymbolRef(p);
    case "bare_identifier":
      return parseKeywordAttr(p, type);
    default: {
      if (startsType(p)) return TypeAttr.get(p.parseType());
      return p.emitWrongTokenError("expected attribute value");
    }
  }
}

function parseKeywordAttr(p: CoreParser, type: Type | undefined): Attribute {
  switch (p.spelling()) {
    case "true":
      p.consume();
      return boolAttr(true);
    case "false":
      p.consume();
      return boolAttr(false);
    case "unit":
      p.consume();
      return UnitAttr.get();
    case "affine_map": {
      p.consume();
      p.expect("<", "expected '<' in affine map");
      const map = parseAffineMapBody(p);
      p.expect(">", "expected '>' in affine map");
      return AffineMapAttr.get(map);
    }
    case "affine_set": {
      p.consume();
      p.expect("<", "expected '<' in integer set");
      const set = parseIntegerSetBody(p);
      p.expect(">", "expected '>' in integer set");
      return IntegerSetAttr.get(set);
    }
    case "sparse":
      return p.emitError("sparse elements attributes are not supported");
    case "dense":
      return parseDenseElementsAttr(p, type);
    case "dense_resource":
      return parseDenseResourceElementsAttr(p, type);
    case "array":
      return parseDenseArrayAttr(p);
    case "strided":
      return parseStridedLayoutAttr(p);
    case "loc": {
      p.consume();
      p.expect("(", "expected '(' in inline location");
      const loc = parseLocationInstance(p);
      p.expect(")", "expected ')' in inline location");
      return loc;
    }
    default:
      if (startsType(p)) return TypeAttr.get(p.parseType());
      return p.emitWrongTokenError("expected attribute value");
  }
}

/** `{name = value, flag}`: entries in written order (names are unique). */
export function parseAttributeDict(p: CoreParser): NamedAttribute[] {
  const entries: NamedAttribute[] = [];
  const seen = new Set<string>();
  p.commaSeparated(
    "{}",
    () => {
      let name: string;
      if (p.is("string")) name = p.stringValue();
      else if (p.isIdent()) name = p.spelling();
      else return p.emitWrongTokenError("expected attribute name");
      if (name === "") p.emitError("expected valid attribute name");
      if (seen.has(name)) p.emitError(`duplicate key '${name}' in dictionary attribute`);
      seen.add(name);
      p.consume();
      const value = p.consumeIf("=") ? parseAttributeImpl(p) : UnitAttr.get();
      entries.push({ name, value });
    },
    " in attribute dictionary",
  );
  return entries;
}

function parseSymbolRef(p: CoreParser): SymbolRefAttr {
  const root = symbolReference(p.source, p.consume());
  const nested: string[] = [];
  while (p.is(":")) {
    const colon = p.tok.start;
    p.consume();
    if (!p.consumeIf(":")) {
      p.resetTo(colon);
      break;
    }
    if (!p.is("at_identifier")) p.emitError("expected nested symbol reference identifier");
    nested.push(symbolReference(p.source, p.consume()));
  }
  return SymbolRefAttr.get(root, nested);
}

function parseFloatAttr(p: CoreParser, type: Type | undefined, negative: boolean): FloatAttr {
  const literal = p.consume();
  let t = type;
  if (t === undefined) t = p.consumeIf(":") ? p.parseType() : f64;
  if (!(t instanceof FloatType)) return p.emitError("floating point value not valid for specified type");
  return FloatAttr.fromBits(t, p.floatBitsFromLiteral(literal, negative, t));
}

function parseDecOrHexAttr(p: CoreParser, type: Type | undefined, negative: boolean): Attribute {
  const literal = p.consume();
  let t = type;
  if (t === undefined) t = p.consumeIf(":") ? p.parseType() : i64;
  if (t instanceof FloatType) return FloatAttr.fromBits(t, p.floatBitsFromLiteral(literal, negative, t));
  if (!(t instanceof IntegerType) && !(t instanceof IndexType)) {
    return p.emitError("integer literal not valid for specified type", literal);
  }
  if (negative && t instanceof IntegerType && t.signedness === "unsigned") {
    return p.emitError("negative integer literal not valid for unsigned integer type", literal);
  }
  const value = buildAttributeInt(p, literal, t, negative);
  if (value === undefined) return p.emitError("integer constant out of range for attribute", literal);
  return IntegerAttr.get(t, value);
}

function parseDenseArrayAttr(p: CoreParser): DenseArrayAttr {
  p.consume();
  p.expect("<", "expected '<' after 'array'");
  const typeTok = p.tok;
  const elementType = p.parseType();
  // Tensile's: mlir-opt-16 takes index elements here and then prints garbage for them.
  if (elementType instanceof IndexType) return p.emitError("dense arrays of index elements are not supported", typeTok);
  if (!(elementType instanceof IntegerType) && !(elementType instanceof FloatType)) {
    return p.emitError(`expected integer or float type, got: '${printType(elementType)}'`, typeTok);
  }
  const isBool = elementType instanceof IntegerType && elementType.width === 1;
  if (!isBool && elementType.width % 8 !== 0) return p.emitError("element type bitwidth must be a multiple of 8", typeTok);
  if (p.consumeIf(">")) return DenseArrayAttr.get(elementType, []);
  p.expect(":", "expected ':' after dense array type");
  const values: (bigint | number)[] = [];
  p.commaSeparated("none", () => {
    const negative = p.consumeIf("-");
    if (elementType instanceof FloatType) {
      if (!p.is("integer") && !p.is("float")) return p.emitError("expected integer or floating point literal");
      values.push(p.floatFromLiteral(p.tok, negative, elementType));
      p.consume();
      return;
    }
    if (p.isKeyword("true") || p.isKeyword("false")) {
      if (!isBool) p.emitError("expected i1 type for 'true' or 'false' values");
      values.push(p.isKeyword("true") ? 1n : 0n);
      p.consume();
      return;
    }
    if (!p.is("integer")) return p.emitError("expected integer literal");
    // Tensile's: mlir-opt-16 crashes on `array<i1: 1>` and reads `array<i1: 0>` as true.
    if (isBool) p.emitError("expected 'true' or 'false' values for i1 type");
    const v = buildAttributeInt(p, p.consume(), elementType, negative);
    // Reported after the literal, where MLIR's parser is when it finds out.
    if (v === undefined) p.emitError("integer constant out of range");
    values.push(v);
  });
  p.expect(">", "expected '>' to close an array attribute");
  return DenseArrayAttr.get(elementType, values);
}


function parseStridedLayoutAttr(p: CoreParser): StridedLayoutAttr {
  const keyword = p.consume();
  p.expect("<", "expected '<' after 'strided'");
  p.expect("[", "expected '['");
  const strides: number[] = [];
  if (!p.is("]")) {
    do strides.push(parseStrideOrOffset(p));
    while (p.consumeIf(","));
  }
  p.expect("]", "expected ']'");
  let offset = 0;
  if (!p.consumeIf(">")) {
    p.expect(",", "expected ','");
    if (!p.consumeKeyword("offset")) p.emitWrongTokenError("expected 'offset' after comma");
    p.expect(":", "expected ':' after 'offset'");
    offset = parseStrideOrOffset(p);
    p.expect(">", "expected '>'");
  }
  return p.construct(keyword, () => StridedLayoutAttr.get(offset, strides));
}

function parseStrideOrOffset(p: CoreParser): number {
  if (p.consumeIf("?")) return DYNAMIC;
  const at = p.tok;
  const negative = p.consumeIf("-");
  if (!p.is("integer")) return p.emitError("expected a 64-bit signed integer or '?'", at);
  const v = p.integerValue();
  // MLIR's int64 (INT64_MIN is its `?`); Tensile keeps strides as numbers, exact up to 2^53.
  if (v > 2n ** 63n - 1n) return p.emitError("expected a 64-bit signed integer or '?'", at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return p.emitError(`strides and offsets beyond 2^53 - 1 are not supported`, at);
  p.consume();
  return negative ? -Number(v) : Number(v);
}
