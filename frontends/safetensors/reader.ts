/**
 * The safetensors reader (Hugging Face's tensor file format), memory-mapped like the GGUF reader.
 *
 * Layout: a u64 little-endian header length N; N bytes of UTF-8 JSON (an object, possibly padded with spaces);
 * then the data section. The JSON maps each tensor name to `{ "dtype": "F32", "shape": [2, 3], "data_offsets":
 * [begin, end] }` (byte offsets relative to the data section, row-major, little endian), plus an optional
 * `"__metadata__"` object of string to string.
 *
 * The file is memory-mapped (../mmap.ts), never read into the JS heap: tensor data comes back as typed-array views
 * over the mapping. **Lifetime rule**: every view is valid only until `close()`.
 *
 * Bounds checks (a corrupt or truncated file is a SafetensorsError naming what is wrong, never a crash, hang or
 * large allocation):
 * - the header length is checked against the file's size and a cap (100 MB, the reference implementation's) before
 *   a byte of it is decoded, so a huge length allocates nothing;
 * - the JSON must parse to an object whose entries have exactly the fields above, with known dtypes, shapes of
 *   non-negative safe integers (their product a safe integer), and offsets `begin <= end` inside the data section;
 * - `end - begin` must equal the shape's element count times the dtype's size, and no two tensors may overlap
 *   (they may come in any order, and gaps are allowed).
 */
import { type MappedFile, parseMapped } from "../mmap.ts";

/** A corrupt, truncated or unsupported safetensors file, or misuse of a closed one. */
export class SafetensorsError extends Error {
  override name = "SafetensorsError";
}

/** Every dtype the format defines, with its size in bytes (what a tensor's byte range is checked against). */
export const safetensorsDTypeBytes = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1,
  I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4,
  F64: 8, I64: 8, U64: 8,
} as const;
export type SafetensorsDType = keyof typeof safetensorsDTypeBytes;
/** The dtypes whose data this reader gives (the weight types of the LLaMA path). */
export type SafetensorsDataDType = "F32" | "F16" | "BF16";

export interface SafetensorsTensorInfo {
  readonly name: string;
  readonly dtype: SafetensorsDType;
  /** Row-major, outermost first. */
  readonly shape: readonly number[];
  /** Offset of the tensor's bytes from the start of the data section. */
  readonly offset: number;
  readonly byteSize: number;
  readonly elementCount: number;
}

/** The reference implementation's cap on the header (safetensors' MAX_HEADER_SIZE). */
export const MAX_HEADER_BYTES = 100_000_000;
const LENGTH_BYTES = 8;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (Array.isArray(v) ? "an array" : v === null ? "null" : typeof v);

/** An open, mapped safetensors file. Call `close()` when done; every tensor view is invalid after it. */
export class SafetensorsFile {
  private readonly byName: ReadonlyMap<string, SafetensorsTensorInfo>;

  private constructor(
    readonly path: string,
    private readonly mapping: MappedFile,
    /** The `__metadata__` strings (empty when absent). */
    readonly metadata: ReadonlyMap<string, string>,
    /** Tensors in header order. */
    readonly tensors: readonly SafetensorsTensorInfo[],
    /** Byte offset of the data section in the file (8 + the header length). */
    readonly dataOffset: number,
  ) {
    this.byName = new Map(tensors.map((t) => [t.name, t]));
  }

  /** Maps and parses `path`; throws SafetensorsError for a corrupt, truncated or unsupported file. */
  static open(path: string): SafetensorsFile {
    return parseMapped(
      path,
      (size) => {
        if (size < LENGTH_BYTES) throw new SafetensorsError(`${path}: ${size} bytes is too small for a safetensors header length (${LENGTH_BYTES} bytes)`);
      },
      (message) => new SafetensorsError(message),
      (mapping) => SafetensorsFile.parse(path, mapping),
    );
  }

  private static parse(path: string, mapping: MappedFile): SafetensorsFile {
    const fileSize = mapping.size;
    const length = new DataView(mapping.head).getBigUint64(0, true);
    if (length > BigInt(fileSize - LENGTH_BYTES)) {
      throw new SafetensorsError(`${path}: header length ${length} at offset 0 exceeds the ${fileSize - LENGTH_BYTES} bytes after it`);
    }
    if (length > BigInt(MAX_HEADER_BYTES)) throw new SafetensorsError(`${path}: header length ${length} at offset 0 is larger than the limit of ${MAX_HEADER_BYTES} bytes`);
    const headerBytes = Number(length);
    const dataOffset = LENGTH_BYTES + headerBytes;
    const dataSize = fileSize - dataOffset;
    const fail = (what: string) => new SafetensorsError(`${path}: ${what}`);

    let text: string;
    try {
      text = utf8.decode(new Uint8Array(mapping.head, LENGTH_BYTES, headerBytes)); // at most 100 MB: in the first window
    } catch {
      throw fail(`the ${headerBytes}-byte header at offset ${LENGTH_BYTES} is not valid UTF-8`);
    }
    if (!text.startsWith("{")) throw fail(`the header at offset ${LENGTH_BYTES} does not start with '{' (a JSON object)`);
    let header: unknown;
    try {
      header = JSON.parse(text);
    } catch (e) {
      throw fail(`the header at offset ${LENGTH_BYTES} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!isRecord(header)) throw fail(`the header is ${describe(header)}, not a JSON object`);

    const metadata = new Map<string, string>();
    const tensors: SafetensorsTensorInfo[] = [];
    for (const [name, entry] of Object.entries(header)) {
      if (name === "__metadata__") {
        if (!isRecord(entry)) throw fail(`__metadata__ is ${describe(entry)}, not an object of strings`);
        for (const [k, v] of Object.entries(entry)) {
          if (typeof v !== "string") throw fail(`__metadata__ '${k}' is ${describe(v)}, not a string`);
          metadata.set(k, v);
        }
        continue;
      }
      tensors.push(tensorInfo(name, entry, dataSize, fail));
    }
    // Sorted by offset, a tensor overlaps an earlier one exactly when it begins before the furthest end so far.
    let furthest: SafetensorsTensorInfo | undefined;
    for (const cur of tensors.filter((t) => t.byteSize > 0).sort((a, b) => a.offset - b.offset)) {
      if (furthest !== undefined && furthest.offset + furthest.byteSize > cur.offset) {
        throw fail(`tensors '${furthest.name}' and '${cur.name}' overlap (data_offsets [${furthest.offset}, ${furthest.offset + furthest.byteSize}] and [${cur.offset}, ${cur.offset + cur.byteSize}])`);
      }
      if (furthest === undefined || cur.offset + cur.byteSize > furthest.offset + furthest.byteSize) furthest = cur;
    }
    return new SafetensorsFile(path, mapping, metadata, tensors, dataOffset);
  }

  /** The info of a tensor by name, or undefined when the file has none. */
  find(name: string): SafetensorsTensorInfo | undefined {
    return this.byName.get(name);
  }

  /** The info of a tensor by name; throws when absent. */
  tensor(name: string): SafetensorsTensorInfo {
    const t = this.byName.get(name);
    if (t === undefined) throw new SafetensorsError(`${this.path}: no tensor named '${name}'`);
    return t;
  }

  /** A tensor's raw bytes over the mapping (F32, F16 or BF16 only; little endian). Valid until `close()`. */
  tensorBytes(nameOrInfo: string | SafetensorsTensorInfo): Uint8Array {
    const t = this.dataTensor(nameOrInfo);
    const { buffer, byteOffset } = this.mapping.range(this.dataOffset + t.offset, t.byteSize);
    return new Uint8Array(buffer, byteOffset, t.byteSize);
  }

  /**
   * A tensor's elements as a typed-array view over the mapping (no copy): F32 -> Float32Array, F16 and BF16 ->
   * Uint16Array of bits. Valid only until `close()`.
   */
  tensorData(nameOrInfo: string | SafetensorsTensorInfo): Float32Array | Uint16Array {
    const t = this.dataTensor(nameOrInfo);
    const start = this.dataOffset + t.offset;
    const width = safetensorsDTypeBytes[t.dtype];
    if (start % width !== 0) throw new SafetensorsError(`${this.path}: tensor '${t.name}' at byte ${start} is not ${width}-byte aligned for a ${t.dtype} view`);
    const { buffer, byteOffset } = this.mapping.range(start, t.byteSize); // windows start at multiples of 2 GiB: alignment is kept
    return t.dtype === "F32" ? new Float32Array(buffer, byteOffset, t.elementCount) : new Uint16Array(buffer, byteOffset, t.elementCount);
  }

  /** The mapped size in bytes (= the file's size). */
  get mappedSize(): number {
    return this.mapping.size;
  }

  get isClosed(): boolean {
    return this.mapping.isUnmapped;
  }

  /** Unmaps the file. Every view is invalid afterwards. Closing twice is harmless. */
  close(): void {
    this.mapping.unmap();
  }

  private dataTensor(nameOrInfo: string | SafetensorsTensorInfo): SafetensorsTensorInfo & { dtype: SafetensorsDataDType } {
    if (this.mapping.isUnmapped) throw new SafetensorsError(`${this.path}: the file is closed`);
    const t = typeof nameOrInfo === "string" ? this.tensor(nameOrInfo) : nameOrInfo;
    if (t.dtype !== "F32" && t.dtype !== "F16" && t.dtype !== "BF16") {
      throw new SafetensorsError(`${this.path}: unsupported dtype ${t.dtype} of tensor '${t.name}': this reader gives data of F32, F16 and BF16`);
    }
    return t as SafetensorsTensorInfo & { dtype: SafetensorsDataDType };
  }
}

/** Checks one header entry: its fields, dtype, shape, and byte range against the data section. */
function tensorInfo(name: string, entry: unknown, dataSize: number, fail: (what: string) => SafetensorsError): SafetensorsTensorInfo {
  const where = `tensor '${name}'`;
  if (!isRecord(entry)) throw fail(`${where} is ${describe(entry)}, not an object with dtype, shape and data_offsets`);
  for (const key of Object.keys(entry)) {
    if (key !== "dtype" && key !== "shape" && key !== "data_offsets") throw fail(`${where} has an unknown field '${key}'`);
  }
  const { dtype, shape, data_offsets: offsets } = entry;
  if (typeof dtype !== "string") throw fail(`${where}: dtype is ${describe(dtype)}, not a string`);
  if (!Object.hasOwn(safetensorsDTypeBytes, dtype)) throw fail(`${where}: unknown dtype '${dtype}' (known: ${Object.keys(safetensorsDTypeBytes).join(", ")})`);
  const width = safetensorsDTypeBytes[dtype as SafetensorsDType];
  if (!Array.isArray(shape)) throw fail(`${where}: shape is ${describe(shape)}, not an array of sizes`);
  let elementCount = 1;
  for (const [i, d] of shape.entries()) {
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) throw fail(`${where}: shape[${i}] = ${JSON.stringify(d)} is not a non-negative integer`);
    elementCount *= d;
    if (!Number.isSafeInteger(elementCount * width)) throw fail(`${where}: shape [${shape.join(", ")}] has too many elements`);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2) throw fail(`${where}: data_offsets is ${JSON.stringify(offsets)?.slice(0, 80)}, not [begin, end]`);
  const [begin, end] = offsets as unknown[];
  for (const [label, v] of [["begin", begin], ["end", end]] as const) {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw fail(`${where}: data_offsets ${label} = ${JSON.stringify(v)} is not a non-negative integer`);
  }
  const b = begin as number;
  const e = end as number;
  if (b > e) throw fail(`${where}: data_offsets [${b}, ${e}] end before they begin`);
  if (e > dataSize) throw fail(`${where}: data_offsets [${b}, ${e}] reach past the data section's ${dataSize} bytes (a truncated file?)`);
  const byteSize = elementCount * width;
  if (e - b !== byteSize) throw fail(`${where}: data_offsets [${b}, ${e}] span ${e - b} bytes, but ${dtype} [${shape.join(", ")}] takes ${byteSize}`);
  return { name, dtype: dtype as SafetensorsDType, shape: shape as number[], offset: b, byteSize, elementCount };
}

/** Maps and parses a safetensors file (see SafetensorsFile; close it when done). */
export function openSafetensors(path: string): SafetensorsFile {
  return SafetensorsFile.open(path);
}
