/**
 * The GGUF v3 writer (the layout is described in reader.ts). Used for test files and the demo's random-weights
 * model. Tensor data is given already encoded in its ggml type (see ggml-types.ts: `encodeF16`, `encodeBF16`,
 * `quantizeQ8_0`), or as a function producing them when the tensor is written; the writer lays tensors out in
 * the order given, each at a multiple of the alignment, and writes through a temporary file renamed into place,
 * so a reader never sees a half-written file.
 */
import { writeAllAt, writeThroughTemp } from "../write-through-temp.ts";
import { ggmlTypeInfo } from "./ggml-types.ts";
import { type GGUFValue, GGUFValueType, type GGUFValueTypeName } from "./reader.ts";

export interface GGUFTensorToWrite {
  readonly name: string;
  /** Dimensions innermost first (ne0 first). */
  readonly dims: readonly number[];
  /** The ggml type id (GGMLType.F32, ...). */
  readonly type: number;
  /**
   * The encoded bytes: exactly the type's size for these dims (any typed array; its bytes are written). A
   * function is called when the tensor is written, one tensor at a time, so a model larger than the JS heap can
   * be written with only its largest tensor in memory at once.
   */
  readonly data: ArrayBufferView | (() => ArrayBufferView);
}

export interface GGUFContents {
  /** Metadata in file order. `general.alignment` (a u32), when present, sets the alignment; 32 otherwise. */
  readonly metadata: Iterable<readonly [string, GGUFValue]> | Readonly<Record<string, GGUFValue>>;
  readonly tensors: readonly GGUFTensorToWrite[];
}

/** Growable little-endian byte sink for the header. */
class Sink {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private reserve(n: number): number {
    if (this.length + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const at = this.length;
    this.length += n;
    return at;
  }
  // `reserve` may replace the buffer and its view: call it before reading `this.view` (an argument evaluated
  // after `this.view` was read would write through the old, smaller view).
  private at(n: number): DataView {
    this.reserved = this.reserve(n);
    return this.view;
  }
  private reserved = 0;
  u8(v: number): void { this.at(1).setUint8(this.reserved, v); }
  u32(v: number): void { this.at(4).setUint32(this.reserved, v, true); }
  u64(v: number | bigint): void { this.at(8).setBigUint64(this.reserved, BigInt(v), true); }
  bytes(b: Uint8Array): void {
    const at = this.reserve(b.length);
    this.buf.set(b, at);
  }
  string(s: string): void {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.bytes(b);
  }
  value(v: GGUFValue, expected?: GGUFValueTypeName): void {
    if (expected !== undefined && v.type !== expected) throw new Error(`GGUF array item of type ${v.type} in an array of ${expected}`);
    switch (v.type) {
      case "u8": return this.at(1).setUint8(this.reserved, v.value);
      case "i8": return this.at(1).setInt8(this.reserved, v.value);
      case "u16": return this.at(2).setUint16(this.reserved, v.value, true);
      case "i16": return this.at(2).setInt16(this.reserved, v.value, true);
      case "u32": return this.at(4).setUint32(this.reserved, v.value, true);
      case "i32": return this.at(4).setInt32(this.reserved, v.value, true);
      case "f32": return this.at(4).setFloat32(this.reserved, v.value, true);
      case "f64": return this.at(8).setFloat64(this.reserved, v.value, true);
      case "u64": return this.at(8).setBigUint64(this.reserved, v.value, true);
      case "i64": return this.at(8).setBigInt64(this.reserved, v.value, true);
      case "bool": return this.u8(v.value ? 1 : 0);
      case "string": return this.string(v.value);
      case "array":
        this.u32(GGUFValueType[v.itemType]);
        this.u64(v.items.length);
        for (const item of v.items) this.value(item, v.itemType);
    }
  }
  contents(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/** The bytes of a tensor's data (produced now when it is a function), checked against the size its dims take. */
function tensorBytes(t: GGUFTensorToWrite, size: number, typeName: string): Uint8Array {
  const view = typeof t.data === "function" ? t.data() : t.data;
  const data = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  if (data.length !== size) throw new Error(`tensor '${t.name}': ${typeName} [${t.dims.join(", ")}] takes ${size} bytes, the data has ${data.length}`);
  return data;
}

/** Writes a GGUF v3 file at `path` (through `path.tmp-<pid>` and a rename). */
export function writeGGUF(path: string, contents: GGUFContents): void {
  const entries: (readonly [string, GGUFValue])[] =
    Symbol.iterator in contents.metadata ? [...(contents.metadata as Iterable<readonly [string, GGUFValue]>)] : Object.entries(contents.metadata);
  const alignValue = entries.find(([k]) => k === "general.alignment")?.[1];
  if (alignValue !== undefined && alignValue.type !== "u32") throw new Error("general.alignment must be a u32");
  const alignment = alignValue?.type === "u32" ? alignValue.value : 32;
  if (alignment === 0 || (alignment & (alignment - 1)) !== 0) throw new Error(`general.alignment ${alignment} is not a power of two`);

  const h = new Sink();
  h.bytes(new TextEncoder().encode("GGUF"));
  h.u32(3);
  h.u64(contents.tensors.length);
  h.u64(entries.length);
  for (const [key, value] of entries) {
    h.string(key);
    h.u32(GGUFValueType[value.type]);
    h.value(value);
  }
  let offset = 0;
  const placed: { tensor: GGUFTensorToWrite; size: number; offset: number }[] = [];
  for (const t of contents.tensors) {
    const info = ggmlTypeInfo(t.type);
    if (info === undefined) throw new Error(`tensor '${t.name}': unknown ggml type ${t.type}`);
    const elements = t.dims.reduce((a, b) => a * b, 1);
    if ((t.dims[0] ?? 1) % info.blockSize !== 0) throw new Error(`tensor '${t.name}': ne0 = ${t.dims[0]} is not a multiple of ${info.name}'s block of ${info.blockSize}`);
    const size = (elements / info.blockSize) * info.bytesPerBlock;
    if (typeof t.data !== "function") tensorBytes(t, size, info.name); // a wrong size fails before the file is created
    h.string(t.name);
    h.u32(t.dims.length);
    for (const d of t.dims) h.u64(d);
    h.u32(t.type);
    h.u64(offset);
    placed.push({ tensor: t, size, offset });
    offset = alignUp(offset + size, alignment);
  }
  const header = h.contents();
  const dataStart = alignUp(header.length, alignment);

  writeThroughTemp(path, (fd) => {
    let pos = 0;
    const put = (b: Uint8Array, at: number) => {
      if (at > pos) writeAllAt(fd, new Uint8Array(at - pos), pos); // zero padding
      writeAllAt(fd, b, at);
      pos = at + b.length;
    };
    put(header, 0);
    for (const p of placed) put(tensorBytes(p.tensor, p.size, ggmlTypeInfo(p.tensor.type)?.name ?? ""), dataStart + p.offset);
    if (placed.length > 0 && pos < dataStart) put(new Uint8Array(0), dataStart);
  });
}
