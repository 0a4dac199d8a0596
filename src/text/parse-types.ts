/**
 * Builtin types (MLIR 16's TypeParser.cpp grammar):
 *
 *   type              ::= function-type | non-function-type
 *   function-type     ::= `(` type-list? `)` `->` (`(` type-list? `)` | non-function-type)
 *   non-function-type ::= integer | index | f16 | bf16 | f32 | f64 | f80 | f128 | none
 *                       | complex<T> | tuple<T*> | vector<dims x T> | tensor<dims x T (, encoding)?>
 *                       | tensor<*xT> | memref<dims x T (, layout)? (, memory-space)?> | memref<*xT (, space)?>
 *                       | `!` alias | `!` dialect.type<...>
 *
 * MLIR 16 writes scalable vector dimensions as one trailing bracketed group: `vector<4x[8x2]xf32>`.
 */
import type { Attribute } from "../ir/attributes.ts";
import {
  ComplexType,
  DYNAMIC,
  FloatType,
  FunctionType,
  IndexType,
  IntegerType,
  MemRefType,
  NoneType,
  RankedTensorType,
  TupleType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
  isMemRefLayout,
  isValidMemRefElementType,
  isValidTensorElementType,
  isValidVectorElementType,
} from "../ir/types.ts";
import { parseExtendedType } from "./parse-dialect-symbols.ts";
import type { CoreParser } from "./parser-core.ts";

/** Keywords that start a non-function type. */
const TYPE_KEYWORDS = new Set([
  "memref", "tensor", "complex", "tuple", "vector", "f8E5M2", "f8E4M3FN", "bf16", "f16", "f32", "f64", "f80", "f128",
  "index", "none",
]);

export function startsType(p: CoreParser): boolean {
  switch (p.tok.kind) {
    case "(":
    case "inttype":
    case "exclamation_identifier":
      return true;
    case "bare_identifier":
      return TYPE_KEYWORDS.has(p.spelling());
    default:
      return false;
  }
}

export function parseOptionalTypeImpl(p: CoreParser): Type | undefined {
  return startsType(p) ? parseTypeImpl(p) : undefined;
}

export function parseTypeImpl(p: CoreParser): Type {
  return p.nested(() => (p.is("(") ? parseFunctionType(p) : parseNonFunctionType(p)));
}

/** `type (, type)*`: at least one type. */
export function parseTypeListNoParens(p: CoreParser): Type[] {
  const out: Type[] = [];
  p.commaSeparated("none", () => out.push(parseTypeImpl(p)));
  return out;
}

/** `( )` or `( type (, type)* )`. */
export function parseTypeListParens(p: CoreParser): Type[] {
  p.expect("(", "expected '('");
  if (p.consumeIf(")")) return [];
  const types = parseTypeListNoParens(p);
  p.expect(")", "expected ')'");
  return types;
}

/** The results of a function type: a parenthesized list or one non-function type. */
export function parseFunctionResultTypes(p: CoreParser): Type[] {
  if (p.is("(")) return parseTypeListParens(p);
  return [p.nested(() => parseNonFunctionType(p))];
}

export function parseFunctionType(p: CoreParser): FunctionType {
  const inputs = parseTypeListParens(p);
  p.expect("->", "expected '->' in function type");
  const results = parseFunctionResultTypes(p);
  return FunctionType.get(inputs, results);
}

export function parseNonFunctionType(p: CoreParser): Type {
  const tok = p.tok;
  if (tok.kind === "inttype") return parseIntegerType(p);
  if (tok.kind === "exclamation_identifier") return parseExtendedType(p);
  if (tok.kind !== "bare_identifier") return p.emitWrongTokenError("expected non-function type");
  const word = p.spelling();
  switch (word) {
    case "memref":
      return parseMemRefType(p);
    case "tensor":
      return parseTensorType(p);
    case "complex":
      return parseComplexType(p);
    case "tuple":
      return parseTupleType(p);
    case "vector":
      return parseVectorType(p);
    case "bf16":
    case "f16":
    case "f32":
    case "f64":
    case "f80":
    case "f128":
      p.consume();
      return FloatType.get(word);
    case "f8E5M2":
    case "f8E4M3FN":
      return p.emitError(`the ${word} type is not supported`);
    case "index":
      p.consume();
      return IndexType.get();
    case "none":
      p.consume();
      return NoneType.get();
    default:
      return p.emitWrongTokenError("expected non-function type");
  }
}

function parseIntegerType(p: CoreParser): IntegerType {
  const s = p.spelling();
  const prefix = s.startsWith("i") ? 1 : 2;
  const digits = s.slice(prefix);
  const width = digits.length > 10 ? Infinity : Number(digits);
  if (!Number.isFinite(width) || width > 0xffff_ffff) return p.emitError("invalid integer width");
  const signedness = s.startsWith("si") ? "signed" : s.startsWith("ui") ? "unsigned" : "signless";
  const at = p.consume();
  return p.construct(at, () => IntegerType.get(width, signedness));
}

function parseComplexType(p: CoreParser): ComplexType {
  p.consume();
  p.expect("<", "expected '<' in complex type");
  const at = p.tok;
  const elementType = parseTypeImpl(p);
  p.expect(">", "expected '>' in complex type");
  return p.construct(at, () => ComplexType.get(elementType));
}

function parseTupleType(p: CoreParser): TupleType {
  p.consume();
  p.expect("<", "expected '<' in tuple type");
  if (p.consumeIf(">")) return TupleType.get([]);
  const types = parseTypeListNoParens(p);
  p.expect(">", "expected '>' in tuple type");
  return TupleType.get(types);
}

/** A dimension size: the integer (a `0x..` token is `0` followed by `x..`), limited to safe integers. */
function parseIntegerInDimensionList(p: CoreParser): number {
  const text = p.spelling();
  if (text.length > 1 && text[1] === "x") {
    p.resetTo(p.tok.start + 1);
    return 0;
  }
  const v = p.integerValue();
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return p.emitError("invalid dimension");
  p.consume();
  return Number(v);
}

/** The `x` of a dimension list, also when it is glued to the element type (`xf32`). */
export function parseXInDimensionList(p: CoreParser): void {
  if (!p.is("bare_identifier") || !p.spelling().startsWith("x")) p.emitWrongTokenError("expected 'x' in dimension list");
  if (p.tok.end - p.tok.start !== 1) p.resetTo(p.tok.start + 1);
  else p.consume();
}

/** `(dim x)*` with `?` for dynamic dimensions when allowed. */
export function parseDimensionListRanked(p: CoreParser, allowDynamic = true): number[] {
  const dims: number[] = [];
  while (p.is("integer") || p.is("?")) {
    if (p.is("?")) {
      if (!allowDynamic) p.emitError("expected static shape");
      p.consume();
      dims.push(DYNAMIC);
    } else {
      dims.push(parseIntegerInDimensionList(p));
    }
    parseXInDimensionList(p);
  }
  return dims;
}

function parseTensorType(p: CoreParser): Type {
  p.consume();
  p.expect("<", "expected '<' in tensor type");
  const unranked = p.consumeIf("*");
  let dims: number[] = [];
  if (unranked) parseXInDimensionList(p);
  else dims = parseDimensionListRanked(p);
  const at = p.tok;
  const elementType = parseTypeImpl(p);
  let encoding: Attribute | undefined;
  if (p.consumeIf(",")) encoding = p.parseAttribute();
  p.expect(">", "expected '>' in tensor type");
  // MLIR's parser checks the element type where it is written, in its own words, before the type's verifier.
  if (!isValidTensorElementType(elementType)) return p.emitError("invalid tensor element type", at);
  if (unranked) {
    if (encoding !== undefined) return p.emitError("cannot apply encoding to unranked tensor");
    return UnrankedTensorType.get(elementType);
  }
  return p.construct(at, () => RankedTensorType.get(dims, elementType, encoding));
}

function parseVectorType(p: CoreParser): VectorType {
  p.consume();
  p.expect("<", "expected '<' in vector type");
  const dims: number[] = [];
  const scalable: boolean[] = [];
  while (p.is("integer")) {
    dims.push(parseIntegerInDimensionList(p));
    scalable.push(false);
    parseXInDimensionList(p);
  }
  if (p.consumeIf("[")) {
    let closed = false;
    while (p.is("integer")) {
      dims.push(parseIntegerInDimensionList(p));
      scalable.push(true);
      if (p.consumeIf("]")) {
        parseXInDimensionList(p);
        closed = true;
        break;
      }
      parseXInDimensionList(p);
    }
    if (!closed) p.emitWrongTokenError("missing ']' closing set of scalable dimensions");
  }
  if (dims.some((d) => d <= 0)) p.emitError("vector types must have positive constant sizes");
  const at = p.tok;
  const elementType = parseTypeImpl(p);
  p.expect(">", "expected '>' in vector type");
  if (!isValidVectorElementType(elementType)) return p.emitError("vector elements must be int/index/float type", at);
  return p.construct(at, () => VectorType.get(dims, elementType, scalable));
}

function parseMemRefType(p: CoreParser): Type {
  const memrefTok = p.consume();
  p.expect("<", "expected '<' in memref type");
  const unranked = p.consumeIf("*");
  let dims: number[] = [];
  if (unranked) parseXInDimensionList(p);
  else dims = parseDimensionListRanked(p);
  const at = p.tok;
  const elementType = parseTypeImpl(p);
  if (!isValidMemRefElementType(elementType)) return p.emitError("invalid memref element type", at);

  let layout: Attribute | undefined;
  let memorySpace: Attribute | undefined;
  if (!p.consumeIf(">")) {
    p.expect(",", "expected ',' or '>' in memref type");
    p.commaSeparatedUntil(
      ">",
      () => {
        const attr = p.parseAttribute();
        if (!isMemRefLayout(attr)) {
          if (memorySpace !== undefined) p.emitError("multiple memory spaces specified in memref type");
          memorySpace = attr;
          return;
        }
        layout = attr;
        if (unranked) p.emitError("cannot have affine map for unranked memref type");
        if (memorySpace !== undefined) p.emitError("expected memory space to be last in memref type");
      },
      false,
    );
  }
  // MLIR's getChecked at the `memref` keyword: the layout's rank, the memory space's kind. `get` drops the
  // identity layout and the default memory space (integer 0).
  const space = memorySpace;
  if (unranked) return p.construct(memrefTok, () => UnrankedMemRefType.get(elementType, space));
  const finalLayout = layout;
  return p.construct(memrefTok, () => MemRefType.get(dims, elementType, finalLayout, space));
}
