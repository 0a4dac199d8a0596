/**
 * `dense<...>` and `dense_resource<...>` (MLIR 16's TensorLiteralParser):
 *
 *   dense<literal> : shaped-type      literal ::= element | `[` (literal (`,` literal)*)? `]` | `"0x..."`
 *   element ::= `-`? integer | `-`? float | `true` | `false` | `(` element `,` element `)`   (complex)
 *
 * The shape of a nested list must equal the type's shape; a single element is a splat. The hex form holds
 * the little-endian bytes of every element (or of one, a splat); i1 is packed one bit per element.
 *
 * Memory is only allocated after the element count is checked against what was parsed, so an absurd type
 * (`tensor<99999999999xf32>`) with a short literal costs nothing.
 */
import { DenseElementsAttr, DenseResourceElementsAttr, type DenseStorage, denseLayout } from "../ir/attributes.ts";
import {
  ComplexType,
  FloatType,
  IndexType,
  IntegerType,
  MemRefType,
  RankedTensorType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
  isShaped,
  numElements,
} from "../ir/types.ts";
import { type Token, hexStringBytes } from "./lexer.ts";
import { buildAttributeInt } from "./parse-literals.ts";
import { printType } from "./print-attr.ts";
import type { CoreParser } from "./parser-core.ts";

interface Element {
  readonly negative: boolean;
  readonly tok: Token;
}

/** The parsed elements of a tensor literal, before the type is known. */
class TensorLiteral {
  /** The shape of a nested list; empty for a single element (a splat). */
  shape: number[] = [];
  readonly elements: Element[] = [];
  hex: Token | undefined;

  constructor(private readonly p: CoreParser) {}

  parse(allowHex: boolean): void {
    if (allowHex && this.p.is("string")) {
      this.hex = this.p.consume();
      return;
    }
    if (this.p.is("[")) this.shape = this.parseList();
    else this.parseElement();
  }

  private parseElement(): void {
    const p = this.p;
    switch (p.tok.kind) {
      case "float":
      case "integer":
      case "string":
        this.elements.push({ negative: false, tok: p.consume() });
        return;
      case "-":
        p.consume();
        if (!p.is("float") && !p.is("integer")) p.emitError("expected integer or floating point literal");
        this.elements.push({ negative: true, tok: p.consume() });
        return;
      case "(":
        // A complex element: its two parts go into the flat list of scalars, as MLIR's parser keeps them.
        p.nested(() => {
          p.consume();
          this.parseElement();
          p.expect(",", "expected ',' between complex elements");
          this.parseElement();
          p.expect(")", "expected ')' after complex elements");
        });
        return;
      default:
        if (p.isKeyword("true") || p.isKeyword("false")) {
          this.elements.push({ negative: false, tok: p.consume() });
          return;
        }
        return p.emitError("expected element literal of primitive type");
    }
  }

  /** `[ ... ]`: returns the dims of the list (its length first, then those of its sublists). */
  private parseList(): number[] {
    return this.p.nested(() => {
      let inner: number[] | undefined;
      let size = 0;
      this.p.commaSeparated("[]", () => {
        const dims = this.p.is("[") ? this.parseList() : (this.parseElement(), []);
        size++;
        if (inner === undefined) inner = dims;
        else if (inner.length !== dims.length || inner.some((d, i) => d !== dims[i])) {
          this.p.emitError("tensor literal is invalid; ranks are not consistent between elements");
        }
      });
      return [size, ...(inner ?? [])];
    });
  }
}

export function parseDenseElementsAttr(p: CoreParser, attrType: Type | undefined): DenseElementsAttr {
  p.consume();
  p.expect("<", "expected '<' after 'dense'");
  const literal = new TensorLiteral(p);
  if (!p.consumeIf(">")) {
    literal.parse(true);
    p.expect(">", "expected '>'");
  }
  const typeLoc = p.tok;
  const type = parseElementsLiteralType(p, attrType);
  return buildDense(p, literal, typeLoc, type);
}

function parseElementsLiteralType(p: CoreParser, given: Type | undefined): RankedTensorType | VectorType {
  let type = given;
  if (type === undefined) {
    p.expect(":", "expected ':'");
    type = p.parseType();
  }
  if (type instanceof UnrankedTensorType || type instanceof UnrankedMemRefType) {
    return p.emitError("elements literal type must have static shape");
  }
  if (type instanceof MemRefType) return p.emitError("dense elements of a memref type are not supported");
  if (!(type instanceof RankedTensorType) && !(type instanceof VectorType)) {
    return p.emitError("elements literal must be a shaped type");
  }
  if (numElements(type.shape) === undefined) return p.emitError("elements literal type must have static shape");
  return type;
}

function buildDense(p: CoreParser, literal: TensorLiteral, at: Token, type: RankedTensorType | VectorType): DenseElementsAttr {
  const count = numElements(type.shape) as number;
  const layout = denseLayout(type.elementType);
  if (layout === undefined) return p.emitError(`dense elements of this element type are not supported`, at);
  const { Storage, lanes } = layout;
  // Complex elements are stored as pairs of scalars of their part type.
  const elementType = type.elementType instanceof ComplexType ? type.elementType.elementType : type.elementType;
  const isFloat = elementType instanceof FloatType;
  const isInt = elementType instanceof IntegerType || elementType instanceof IndexType;

  if (literal.hex !== undefined) return buildHex(p, literal.hex, at, type, count * lanes, lanes, Storage);

  if (literal.shape.length > 0 && (literal.shape.length !== type.shape.length || literal.shape.some((d, i) => d !== type.shape[i]))) {
    return p.emitError(
      `inferred shape of elements literal ([${literal.shape.join(", ")}]) does not match type ([${type.shape.join(", ")}])`,
      at,
    );
  }
  if (literal.elements.length === 0 && count !== 0) {
    return p.emitError(`parsed zero elements, but type ('${describe(type)}') expected at least 1`, at);
  }
  const data = new Storage(literal.elements.length);
  if (isInt) fillInts(p, literal.elements, elementType, data);
  else if (isFloat) fillFloats(p, literal.elements, elementType, data);
  const scalars = literal.elements.length;
  // MLIR 16 reinterprets a list whose scalars do not pair up into complex elements (and then misreads or
  // crashes); Tensile refuses it.
  if (lanes === 2 && scalars !== 2 && scalars !== 2 * count) {
    return p.emitError(`expected ${count === 1 ? "one complex element" : `one or ${count} complex elements`} '(re, im)', but parsed ${scalars} scalars`, at);
  }
  return p.construct(at, () => DenseElementsAttr.get(type, data));
}

function fillInts(p: CoreParser, elements: readonly Element[], type: IntegerType | IndexType, data: DenseStorage): void {
  const unsigned = type instanceof IntegerType && type.signedness === "unsigned";
  const isBool = type instanceof IntegerType && type.width === 1;
  const width = type instanceof IntegerType ? type.width : IndexType.bitWidth;
  const big = data instanceof BigInt64Array || data instanceof BigUint64Array;
  elements.forEach(({ negative, tok }, i) => {
    if (negative && unsigned) p.emitError("expected unsigned integer elements, but parsed negative value", tok);
    if (tok.kind === "float") p.emitError("expected integer elements, but parsed floating-point", tok);
    let v: bigint | undefined;
    if (tok.kind === "bare_identifier") {
      if (!isBool) p.emitError("expected i1 type for 'true' or 'false' values", tok);
      v = p.spelling(tok) === "true" ? 1n : 0n;
    } else {
      v = buildAttributeInt(p, tok, type, negative);
      if (v === undefined) p.emitError("integer constant out of range for type", tok);
    }
    // The canonical value in the element type: two's complement for signless and signed, as IntegerAttr.
    const stored = isBool ? v & 1n : unsigned ? BigInt.asUintN(width, v) : BigInt.asIntN(width, v);
    if (big) (data as BigInt64Array | BigUint64Array)[i] = stored as never;
    else (data as Exclude<DenseStorage, BigInt64Array | BigUint64Array>)[i] = Number(stored);
  });
}

function fillFloats(p: CoreParser, elements: readonly Element[], type: FloatType, data: DenseStorage): void {
  elements.forEach(({ negative, tok }, i) => {
    const isHex = tok.kind === "integer" && p.spelling(tok).startsWith("0x");
    if (!isHex && tok.kind !== "float") p.emitError("expected floating-point elements, but parsed integer");
    setFloatBits(data, i, p.floatBitsFromLiteral(tok, negative, type), type);
  });
}

/** Writes the bit pattern of element `i` (so NaN payloads are kept exactly). */
function setFloatBits(data: DenseStorage, i: number, bits: bigint, type: FloatType): void {
  if (data instanceof Uint16Array) data[i] = Number(bits);
  else if (data instanceof Float32Array) new Uint32Array(data.buffer, data.byteOffset, data.length)[i] = Number(bits);
  else if (data instanceof Float64Array) new BigUint64Array(data.buffer, data.byteOffset, data.length)[i] = bits;
  else throw new Error(`no float storage for ${type.name}`);
}

/** Bits per element in MLIR's raw dense buffer: i1 is packed, others are rounded up to whole bytes. */
function storageBits(t: Type): number {
  if (t instanceof IndexType) return 64;
  const w = t instanceof IntegerType || t instanceof FloatType ? t.width : 0;
  return w === 1 ? 1 : Math.ceil(w / 8) * 8;
}

/**
 * `count` scalars in hex (each complex element is `lanes` = 2 scalars of its part type, the real part first);
 * one element's worth of bytes is a splat.
 */
function buildHex(
  p: CoreParser,
  hexTok: Token,
  at: Token,
  type: RankedTensorType | VectorType,
  count: number,
  lanes: 1 | 2,
  Storage: { new (n: number): DenseStorage },
): DenseElementsAttr {
  const bytes = hexStringBytes(p.source, hexTok);
  if (bytes === undefined) return p.emitError("expected string containing hex digits starting with `0x`", hexTok);
  const elementType = type.elementType instanceof ComplexType ? type.elementType.elementType : type.elementType;
  const bits = storageBits(elementType);
  const invalid = (): never => p.emitError(`elements hex data size is invalid for provided type: '${describe(type)}'`, at);

  if (bits === 1) {
    const splatByte = bytes.length === 1 && (bytes[0] === 0 || bytes[0] === 0xff);
    if (!splatByte && bytes.length !== Math.ceil(count / 8)) invalid();
    const n = splatByte || count === 1 ? 1 : count;
    const data = new Storage(n) as Uint8Array;
    for (let i = 0; i < n; i++) data[i] = ((bytes[i >> 3] as number) >> (i & 7)) & 1;
    return p.construct(at, () => DenseElementsAttr.get(type, data));
  }

  const byteWidth = bits / 8;
  const splat = bytes.length === byteWidth * lanes || count === lanes;
  if (!splat && bytes.length !== byteWidth * count) invalid();
  if (splat && bytes.length !== byteWidth * lanes) invalid();
  const n = splat ? lanes : count;
  const data = new Storage(n);
  for (let i = 0; i < n; i++) {
    let v = 0n;
    for (let b = byteWidth - 1; b >= 0; b--) v = (v << 8n) | BigInt(bytes[i * byteWidth + b] as number);
    storeRaw(data, i, v, elementType);
  }
  return p.construct(at, () => DenseElementsAttr.get(type, data));
}

/** Stores the raw little-endian element value `v` (byteWidth bytes, unsigned) into the typed array. */
function storeRaw(data: DenseStorage, i: number, v: bigint, t: Type): void {
  if (t instanceof FloatType) {
    setFloatBits(data, i, v, t);
    return;
  }
  const width = t instanceof IntegerType ? t.width : 64;
  const unsigned = t instanceof IntegerType && t.signedness === "unsigned";
  const value = unsigned ? BigInt.asUintN(width, v) : BigInt.asIntN(width, v);
  if (data instanceof BigInt64Array) data[i] = value;
  else if (data instanceof BigUint64Array) data[i] = BigInt.asUintN(64, value);
  else data[i] = Number(value);
}

export function parseDenseResourceElementsAttr(p: CoreParser, attrType: Type | undefined): DenseResourceElementsAttr {
  const keyword = p.consume();
  p.expect("<", "expected '<' after 'dense_resource'");
  const name = p.parseOptionalKeywordOrString();
  if (name === undefined) p.emitError("expected identifier key for 'resource' entry");
  p.expect(">", "expected '>'");
  let type = attrType;
  let typeAt: Token = keyword;
  if (type === undefined) {
    typeAt = p.tok;
    p.expect(":", "expected ':'");
    type = p.parseType();
  }
  if (!(type instanceof RankedTensorType) && !(type instanceof VectorType)) {
    // Tensile's: mlir-opt-16 takes any shaped type here; Tensile's resources are ranked tensors and vectors.
    if (isShaped(type)) return p.emitError(`\`dense_resource\` of '${printType(type)}' is not supported (a ranked tensor or vector type is)`, typeAt);
    return p.emitError("`dense_resource` expected a shaped type", typeAt);
  }
  const shaped = type;
  return DenseResourceElementsAttr.get(shaped, p.ctx.resource(name));
}

/** Types in dense-elements messages, as MLIR prints them. */
function describe(t: RankedTensorType | VectorType): string {
  return printType(t);
}
