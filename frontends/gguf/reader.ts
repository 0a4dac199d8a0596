/**
 * The GGUF reader: llama.cpp's model file format (versions 3 and 2; both little endian, 64-bit counts).
 *
 * Layout: magic "GGUF" (4 bytes), version u32, tensor count u64, metadata KV count u64; then the KV pairs
 * (key: string, value type: u32, value); then one info per tensor (name: string, n_dims u32 <= 4, n_dims u64
 * dims innermost first, ggml type u32, offset u64 relative to the data section); then padding to the alignment
 * (`general.alignment`, a u32 power of two, default 32); then the data section. A string is a u64 byte length
 * and UTF-8 bytes; an array is an item type u32, a u64 count and the items (arrays may nest).
 *
 * The file is memory-mapped (libc `mmap` through koffi: ../mmap.ts), never read into the JS heap: tensor data comes back as
 * typed-array views over the mapping. **Lifetime rule**: every view from `tensorData` is valid only until
 * `close()`; touching one afterwards reads unmapped memory (a crash). Keep the GGUFFile open while you use its
 * tensors and close it once, explicitly.
 *
 * Bounds checks (the rule for a corrupt or truncated file is a GGUFError naming what is wrong and its byte
 * offset, never a crash, hang or large allocation):
 * - every read checks that its bytes lie inside the file before reading;
 * - a count (KVs, tensors, array items) is checked against the bytes left, times the least bytes one entry can
 *   take, before anything is allocated for it — so a count of 2^60 fails at once, and what is allocated stays
 *   proportional to the file's size;
 * - u64 values used as sizes must be safe integers; a string length must fit the bytes left;
 * - tensor dims must be non-negative with a product that is a safe integer, ne0 a multiple of the type's block;
 *   the type must be one llama.cpp defines; offsets must be multiples of the alignment; each tensor's bytes must
 *   lie inside the file; no two tensors may overlap; names and keys must be unique.
 */
import { type MappedFile, parseMapped } from "../mmap.ts";
import { GGMLType, type GGMLTypeInfo, ggmlTypeInfo } from "./ggml-types.ts";

/** A corrupt, truncated or unsupported GGUF file, or misuse of a closed one. */
export class GGUFError extends Error {
  override name = "GGUFError";
}

/** GGUF metadata value types, by their id in the file. */
export const GGUFValueType = {
  u8: 0, i8: 1, u16: 2, i16: 3, u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10, i64: 11, f64: 12,
} as const;
export type GGUFScalarTypeName = Exclude<keyof typeof GGUFValueType, "array">;
export type GGUFValueTypeName = keyof typeof GGUFValueType;

/** A metadata value with its GGUF type (kept so that a file read and written back is the same). */
export type GGUFValue =
  | { readonly type: "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "f32" | "f64"; readonly value: number }
  | { readonly type: "u64" | "i64"; readonly value: bigint }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "array"; readonly itemType: GGUFValueTypeName; readonly items: readonly GGUFValue[] };

export interface GGUFTensorInfo {
  readonly name: string;
  /** Dimensions innermost first (ggml's ne0, ne1, ...): a linear W[out][in] has dims [in, out]. */
  readonly dims: readonly number[];
  readonly type: GGMLTypeInfo;
  /** Offset of the tensor's bytes from the start of the data section. */
  readonly offset: number;
  readonly elementCount: number;
  readonly byteSize: number;
}

/** Tensor data as a view over the mapping: f32 -> Float32Array, f16/bf16 -> Uint16Array (bits), q8_0 -> blocks. */
export type GGUFTensorData = Float32Array | Uint16Array | Uint8Array;

const typeNames = Object.keys(GGUFValueType) as GGUFValueTypeName[];
/** The least bytes one value of each type takes (for bounding counts before allocating). */
const minValueBytes: Record<GGUFValueTypeName, number> = {
  u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, bool: 1, string: 8, array: 12, u64: 8, i64: 8, f64: 8,
};
const MAX_DIMS = 4; // GGML_MAX_DIMS
const MAX_ARRAY_DEPTH = 64;
const MIN_KV_BYTES = 8 + 4 + 1; // empty key, type, a u8 value
const MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8; // empty name, n_dims = 0, type, offset
const HEADER_BYTES = 4 + 4 + 8 + 8;
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true }); // a string that starts with U+FEFF keeps it (LLaMA has a piece "\ufeff")

/** A bounds-checked little-endian cursor over the mapped bytes. */
class Cursor {
  pos = 0;
  constructor(
    private readonly view: DataView,
    private readonly bytes: Uint8Array,
  ) {}
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  need(n: number, what: string): number {
    if (n > this.remaining) throw new GGUFError(`truncated file: ${what} needs ${n} bytes at offset ${this.pos}, the file has ${this.remaining} left`);
    const at = this.pos;
    this.pos += n;
    return at;
  }
  u8(what: string): number { return this.view.getUint8(this.need(1, what)); }
  u32(what: string): number { return this.view.getUint32(this.need(4, what), true); }
  u64(what: string): bigint { return this.view.getBigUint64(this.need(8, what), true); }
  /** A u64 used as a size or count: must be a safe integer. */
  size(what: string): number {
    const at = this.pos;
    const v = this.u64(what);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GGUFError(`${what} ${v} at offset ${at} is too large`);
    return Number(v);
  }
  /** A count of entries each at least `minBytes` long, checked against the bytes left. */
  count(what: string, minBytes: number): number {
    const at = this.pos;
    const n = this.size(what);
    if (n * minBytes > this.remaining) {
      throw new GGUFError(`${what} ${n} at offset ${at} cannot fit in the ${this.remaining} bytes left (each takes at least ${minBytes})`);
    }
    return n;
  }
  string(what: string): string {
    const at = this.pos;
    const n = this.size(`${what} length`);
    if (n > this.remaining) throw new GGUFError(`${what} length ${n} at offset ${at} exceeds the ${this.remaining} bytes left`);
    const start = this.need(n, what);
    return utf8.decode(this.bytes.subarray(start, start + n));
  }
  value(type: GGUFValueTypeName, what: string, depth: number): GGUFValue {
    const v = this.view;
    switch (type) {
      case "u8": return { type, value: this.u8(what) };
      case "i8": return { type, value: v.getInt8(this.need(1, what)) };
      case "u16": return { type, value: v.getUint16(this.need(2, what), true) };
      case "i16": return { type, value: v.getInt16(this.need(2, what), true) };
      case "u32": return { type, value: this.u32(what) };
      case "i32": return { type, value: v.getInt32(this.need(4, what), true) };
      case "f32": return { type, value: v.getFloat32(this.need(4, what), true) };
      case "f64": return { type, value: v.getFloat64(this.need(8, what), true) };
      case "u64": return { type, value: this.u64(what) };
      case "i64": return { type, value: v.getBigInt64(this.need(8, what), true) };
      case "bool": {
        const at = this.pos;
        const b = this.u8(what);
        if (b > 1) throw new GGUFError(`${what}: bool byte ${b} at offset ${at} is neither 0 nor 1`);
        return { type, value: b === 1 };
      }
      case "string": return { type, value: this.string(what) };
      case "array": {
        // Nesting is bounded so that a file of nested array headers cannot overflow the stack.
        if (depth >= MAX_ARRAY_DEPTH) throw new GGUFError(`${what}: arrays nested deeper than ${MAX_ARRAY_DEPTH} at offset ${this.pos}`);
        const itemType = this.valueType(`${what} item type`);
        const n = this.count(`${what} array length`, minValueBytes[itemType]);
        const items: GGUFValue[] = [];
        for (let i = 0; i < n; i++) items.push(this.value(itemType, `${what}[${i}]`, depth + 1));
        return { type, itemType, items };
      }
    }
  }
  valueType(what: string): GGUFValueTypeName {
    const at = this.pos;
    const id = this.u32(what);
    const name = typeNames[id];
    if (name === undefined) throw new GGUFError(`${what}: unknown GGUF value type ${id} at offset ${at}`);
    return name;
  }
}

/** An open, mapped GGUF file. Call `close()` when done; every tensor view is invalid after it. */
export class GGUFFile {
  private constructor(
    readonly path: string,
    /** The whole file as an ArrayBuffer over the mapping (external memory, not the JS heap). */
    private readonly mapping: MappedFile,
    readonly version: number,
    readonly metadata: ReadonlyMap<string, GGUFValue>,
    readonly tensors: readonly GGUFTensorInfo[],
    readonly alignment: number,
    /** Byte offset of the data section in the file. */
    readonly dataOffset: number,
  ) {}

  /** Maps and parses `path`; throws GGUFError for a corrupt, truncated or unsupported file. */
  static open(path: string): GGUFFile {
    return parseMapped(
      path,
      (size) => {
        if (size < HEADER_BYTES) throw new GGUFError(`${path}: ${size} bytes is too small for a GGUF header (${HEADER_BYTES} bytes)`);
      },
      (message) => new GGUFError(message),
      (mapping) => GGUFFile.parse(path, mapping),
    );
  }

  private static parse(path: string, mapping: MappedFile): GGUFFile {
    // The header is read from the first window (4 GiB; a larger header would read as truncated).
    const bytes = new Uint8Array(mapping.head);
    const c = new Cursor(new DataView(mapping.head), bytes);
    const magic = String.fromCharCode(...bytes.subarray(0, 4));
    if (magic !== "GGUF") throw new GGUFError(`${path}: bad magic '${JSON.stringify(magic).slice(1, -1)}' at offset 0 (expected 'GGUF')`);
    c.pos = 4;
    const version = c.u32("version");
    if (version !== 3 && version !== 2) throw new GGUFError(`${path}: unsupported GGUF version ${version} at offset 4 (this reader knows 2 and 3)`);
    const tensorCount = c.count("tensor count", MIN_TENSOR_INFO_BYTES);
    const kvCount = c.count("metadata KV count", MIN_KV_BYTES);

    const metadata = new Map<string, GGUFValue>();
    for (let i = 0; i < kvCount; i++) {
      const at = c.pos;
      const key = c.string(`key of metadata KV ${i}`);
      if (metadata.has(key)) throw new GGUFError(`${path}: duplicate metadata key '${key}' at offset ${at}`);
      const type = c.valueType(`type of '${key}'`);
      metadata.set(key, c.value(type, `'${key}'`, 0));
    }

    let alignment = 32;
    const alignValue = metadata.get("general.alignment");
    if (alignValue !== undefined) {
      if (alignValue.type !== "u32") throw new GGUFError(`${path}: general.alignment must be a u32, not ${alignValue.type}`);
      alignment = alignValue.value;
      if (alignment === 0 || (alignment & (alignment - 1)) !== 0) throw new GGUFError(`${path}: general.alignment ${alignment} is not a power of two`);
    }

    const infos: (GGUFTensorInfo & { at: number })[] = [];
    const names = new Set<string>();
    for (let i = 0; i < tensorCount; i++) {
      const at = c.pos;
      const name = c.string(`name of tensor ${i}`);
      if (names.has(name)) throw new GGUFError(`${path}: duplicate tensor name '${name}' at offset ${at}`);
      names.add(name);
      const nDimsAt = c.pos;
      const nDims = c.u32(`n_dims of tensor '${name}'`);
      if (nDims > MAX_DIMS) throw new GGUFError(`${path}: tensor '${name}' has ${nDims} dims at offset ${nDimsAt} (at most ${MAX_DIMS})`);
      const dims: number[] = [];
      let elementCount = 1;
      for (let d = 0; d < nDims; d++) {
        const dimAt = c.pos;
        const dim = c.size(`dim ${d} of tensor '${name}'`);
        elementCount *= dim;
        if (!Number.isSafeInteger(elementCount)) throw new GGUFError(`${path}: tensor '${name}' has too many elements (dim ${d} = ${dim} at offset ${dimAt})`);
        dims.push(dim);
      }
      const typeAt = c.pos;
      const typeId = c.u32(`type of tensor '${name}'`);
      const type = ggmlTypeInfo(typeId);
      if (type === undefined) throw new GGUFError(`${path}: tensor '${name}' has unknown ggml type ${typeId} at offset ${typeAt}`);
      const ne0 = dims[0] ?? 1;
      if (ne0 % type.blockSize !== 0) throw new GGUFError(`${path}: tensor '${name}': ne0 = ${ne0} is not a multiple of ${type.name}'s block of ${type.blockSize}`);
      const offsetAt = c.pos;
      const offset = c.size(`data offset of tensor '${name}'`);
      if (offset % alignment !== 0) throw new GGUFError(`${path}: tensor '${name}' data offset ${offset} at offset ${offsetAt} is not a multiple of the alignment ${alignment}`);
      const byteSize = (elementCount / type.blockSize) * type.bytesPerBlock;
      infos.push({ name, dims, type, offset, elementCount, byteSize, at });
    }

    const dataOffset = Math.ceil(c.pos / alignment) * alignment;
    const fileSize = mapping.size;
    if (dataOffset > fileSize && tensorCount > 0) throw new GGUFError(`${path}: truncated file: the data section would start at ${dataOffset}, past the end (${fileSize})`);
    for (const t of infos) {
      if (dataOffset + t.offset + t.byteSize > fileSize) {
        throw new GGUFError(`${path}: tensor '${t.name}' (info at offset ${t.at}) needs bytes ${dataOffset + t.offset}..${dataOffset + t.offset + t.byteSize}, past the end of the file (${fileSize})`);
      }
    }
    // Empty tensors occupy no bytes and are left out, so that one lying between two others cannot hide their overlap.
    const byOffset = infos.filter((t) => t.byteSize > 0).sort((a, b) => a.offset - b.offset);
    for (let i = 1; i < byOffset.length; i++) {
      const prev = byOffset[i - 1] as GGUFTensorInfo;
      const cur = byOffset[i] as GGUFTensorInfo;
      if (prev.offset + prev.byteSize > cur.offset) {
        throw new GGUFError(`${path}: tensors '${prev.name}' and '${cur.name}' overlap (data offsets ${prev.offset}+${prev.byteSize} and ${cur.offset})`);
      }
    }
    const tensors: GGUFTensorInfo[] = infos.map(({ at: _at, ...t }) => t);
    return new GGUFFile(path, mapping, version, metadata, tensors, alignment, dataOffset);
  }

  /** The info of a tensor by name; throws when absent. */
  tensor(name: string): GGUFTensorInfo {
    const t = this.tensors.find((x) => x.name === name);
    if (t === undefined) throw new GGUFError(`${this.path}: no tensor named '${name}'`);
    return t;
  }

  /**
   * A tensor's bytes as a typed-array view over the mapping (no copy): f32 -> Float32Array, f16 and bf16 ->
   * Uint16Array of bits, q8_0 -> Uint8Array of 34-byte blocks. Valid only until `close()`.
   */
  tensorData(nameOrInfo: string | GGUFTensorInfo): GGUFTensorData {
    this.checkOpen();
    const t = typeof nameOrInfo === "string" ? this.tensor(nameOrInfo) : nameOrInfo;
    const start = this.dataOffset + t.offset;
    const misaligned = (n: number) => new GGUFError(`${this.path}: tensor '${t.name}' at byte ${start} is not ${n}-byte aligned for a ${t.type.name} view`);
    const at = () => this.mapping.range(start, t.byteSize); // windows start at multiples of 2 GiB: alignment is kept
    switch (t.type.id) {
      case GGMLType.F32: {
        if (start % 4 !== 0) throw misaligned(4);
        const { buffer, byteOffset } = at();
        return new Float32Array(buffer, byteOffset, t.elementCount);
      }
      case GGMLType.F16:
      case GGMLType.BF16: {
        if (start % 2 !== 0) throw misaligned(2);
        const { buffer, byteOffset } = at();
        return new Uint16Array(buffer, byteOffset, t.elementCount);
      }
      case GGMLType.Q8_0: {
        const { buffer, byteOffset } = at();
        return new Uint8Array(buffer, byteOffset, t.byteSize);
      }
      default:
        throw new GGUFError(`${this.path}: unsupported tensor type ${t.type.name} (ggml type ${t.type.id}) of tensor '${t.name}': this reader gives data of f32, f16, bf16 and q8_0`);
    }
  }

  /** A metadata value by key (undefined when absent). */
  get(key: string): GGUFValue | undefined {
    return this.metadata.get(key);
  }

  /** The mapped size in bytes (= the file's size). */
  get mappedSize(): number {
    return this.mapping.size;
  }

  get isClosed(): boolean {
    return this.mapping.isUnmapped;
  }

  /** Unmaps the file. Every view from `tensorData` is invalid afterwards. Closing twice is harmless. */
  close(): void {
    this.mapping.unmap();
  }

  private checkOpen(): void {
    if (this.mapping.isUnmapped) throw new GGUFError(`${this.path}: the file is closed`);
  }
}

/** Maps and parses a GGUF file (see GGUFFile; close it when done). */
export function openGGUF(path: string): GGUFFile {
  return GGUFFile.open(path);
}
