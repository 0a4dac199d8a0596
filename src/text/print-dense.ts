/**
 * The bodies of `dense<...>` and `array<T: ...>` and the hex strings of the resource section, exactly as
 * MLIR 16's AsmPrinter writes them (printDenseIntOrFPElementsAttr, printDenseArrayAttr, the resource builder).
 *
 * Dense elements print element by element, nested in brackets by shape (a splat as its one value), unless
 * they are not a splat and have more than 100 elements (or the printer's limit): then MLIR prints the raw storage as
 * `"0x..."`, in its own layout — i1 packed 8 to a byte (least significant bit first), other integers in
 * ceil(width / 8) little-endian bytes, floats as their IEEE bit patterns.
 */
import type { DenseArrayAttr, DenseElementsAttr, DenseStorage, ResourceBlob } from "../ir/attributes.ts";
import { ComplexType, FloatType, IndexType, IntegerType, type Type } from "../ir/types.ts";
import { formatFloat, formatFloatBits } from "./float-format.ts";

/** By default MLIR prints non-splat dense elements with more elements than this as a hex string. */
export const HEX_ELEMENTS_THRESHOLD = 100;

/**
 * The text between `dense<` and `>` (no type). Non-splat elements with more than `hexIfLarger` elements
 * print as hex; -1 never does (`--mlir-print-elementsattrs-with-hex-if-larger`).
 */
export function denseElementsBody(attr: DenseElementsAttr, hexIfLarger = HEX_ELEMENTS_THRESHOLD): string {
  const elementType = attr.type.elementType;
  const n = attr.numElements;
  if (!attr.isSplat && hexIfLarger !== -1 && n > hexIfLarger) return `"0x${toHex(denseRawBytes(attr))}"`;
  const element = elementType instanceof ComplexType ? complexPrinter(attr.data, elementType.elementType) : elementPrinter(attr.data, elementType);
  if (attr.isSplat) return element(0);
  return nestByShape(attr.type.shape, n, element);
}

/** Complex element `i` as MLIR prints it: `(re,im)`, no space, from scalars 2i and 2i+1 (a splat holds two). */
function complexPrinter(data: DenseStorage, partType: Type): (i: number) => string {
  const part = scalarPrinter(data, partType);
  const splat = data.length === 2;
  return (i) => `(${part(splat ? 0 : 2 * i)},${part(splat ? 1 : 2 * i + 1)})`;
}

/** Elements in brackets nested by `shape`, row-major, as MLIR's printDenseElementsAttrImpl. */
function nestByShape(shape: readonly number[], n: number, element: (i: number) => string): string {
  if (n === 0) return "";
  const rank = shape.length;
  const counter = new Array<number>(rank).fill(0);
  let open = 0;
  let out = "";
  for (let i = 0; i < n; i++) {
    if (i !== 0) out += ", ";
    while (open < rank) {
      out += "[";
      open++;
    }
    out += element(i);
    // Bump the mixed-radix counter; every digit that rolls over closes a bracket.
    counter[rank - 1] = (counter[rank - 1] as number) + 1;
    for (let d = rank - 1; d > 0; d--) {
      if ((counter[d] as number) < (shape[d] as number)) break;
      counter[d] = 0;
      counter[d - 1] = (counter[d - 1] as number) + 1;
      open--;
      out += "]";
    }
  }
  return out + "]".repeat(open);
}

/** A function printing element `i` (honouring splats) of dense storage with the given scalar element type. */
function elementPrinter(data: DenseStorage, elementType: Type): (i: number) => string {
  const scalar = scalarPrinter(data, elementType);
  return (i) => scalar(data.length === 1 ? 0 : i);
}

/** A function printing the scalar stored at index `i` of `data`. */
function scalarPrinter(data: DenseStorage, type: Type): (i: number) => string {
  if (type instanceof FloatType) {
    const bits = floatBitsView(data, type);
    const kind = type.name;
    return (i) => formatFloatBits(bits(i), kind);
  }
  if (type instanceof IntegerType && type.width === 1) return (i) => (data[i] ? "true" : "false");
  return (i) => intText(BigInt(data[i] as number | bigint), type);
}

/** Reads the bit pattern of float element i straight from the storage bytes (so NaN payloads survive). */
function floatBitsView(data: DenseStorage, type: FloatType): (i: number) => bigint {
  if (data instanceof Float32Array) {
    const u = new Uint32Array(data.buffer, data.byteOffset, data.length);
    return (i) => BigInt(u[i] as number);
  }
  if (data instanceof Float64Array) {
    const u = new BigUint64Array(data.buffer, data.byteOffset, data.length);
    return (i) => u[i] as bigint;
  }
  if (data instanceof Uint16Array) return (i) => BigInt(data[i] as number);
  throw new TypeError(`dense storage ${data.constructor.name} cannot hold ${type.name} elements`);
}

/** An integer element in its type's range: unsigned types print unsigned, all others signed. */
function intText(v: bigint, type: Type): string {
  if (type instanceof IndexType) return String(BigInt.asIntN(IndexType.bitWidth, v));
  if (!(type instanceof IntegerType)) return String(v);
  if (type.width === 0) return "0";
  return String(type.signedness === "unsigned" ? BigInt.asUintN(type.width, v) : BigInt.asIntN(type.width, v));
}

/** The bytes MLIR stores for dense elements (its getRawData), which the hex form spells. */
export function denseRawBytes(attr: DenseElementsAttr): Uint8Array {
  // A complex element is its two parts, each stored as a scalar of the part type.
  const elementType = attr.type.elementType instanceof ComplexType ? attr.type.elementType.elementType : attr.type.elementType;
  const n = (attr.isSplat ? 1 : attr.numElements) * attr.lanes;
  const data = attr.data;
  if (elementType instanceof IntegerType && elementType.width === 1) {
    const out = new Uint8Array(Math.ceil(n / 8));
    for (let i = 0; i < n; i++) if (data[i]) out[i >> 3] = (out[i >> 3] as number) | (1 << (i & 7));
    return out;
  }
  if (elementType instanceof FloatType) {
    // Float storage is already the IEEE little-endian layout MLIR uses (f16/bf16 as 16-bit patterns).
    return new Uint8Array(data.buffer, data.byteOffset, n * data.BYTES_PER_ELEMENT).slice();
  }
  const width = elementType instanceof IntegerType ? elementType.width : IndexType.bitWidth;
  const size = Math.ceil(width / 8);
  const out = new Uint8Array(n * size);
  for (let i = 0; i < n; i++) {
    let v = BigInt.asUintN(size * 8, BigInt(data[i] as number | bigint));
    for (let b = 0; b < size; b++) {
      out[i * size + b] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
  return out;
}

/** The text after `array<T: ` (empty arrays print as `array<T>`, handled by the caller). */
export function denseArrayBody(attr: DenseArrayAttr): string {
  const t = attr.elementType;
  if (t instanceof FloatType) return attr.values.map((v) => formatFloat(Number(v), t.name)).join(", ");
  if (t.width === 1) return attr.values.map((v) => (BigInt(v) !== 0n ? "true" : "false")).join(", ");
  return attr.values.map((v) => intText(BigInt(v), t)).join(", ");
}

/** A blob as the resource section spells it: `"0x"`, the alignment as 4 little-endian bytes, the data. */
export function resourceBlobHex(blob: ResourceBlob): string {
  const align = new Uint8Array(4);
  new DataView(align.buffer).setUint32(0, blob.alignment, true);
  return `"0x${toHex(align)}${toHex(blob.data)}"`;
}

const HEX = "0123456789ABCDEF";

/** Upper-case hex of the bytes, two digits each (llvm::toHex). */
export function toHex(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    let s = "";
    const end = Math.min(bytes.length, start + chunk);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      s += HEX.charAt(b >> 4) + HEX.charAt(b & 15);
    }
    parts.push(s);
  }
  return parts.join("");
}
