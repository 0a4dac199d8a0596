/**
 * The safetensors writer (the layout is described in reader.ts), for test files and small models. Tensors are
 * laid out back to back in the order given (as the reference implementation does: no gaps), the header is padded
 * with spaces so that the data section starts at a multiple of 8, and the file is written through a temporary
 * file renamed into place, so a reader never sees a half-written file.
 */
import { writeAllAt, writeThroughTemp } from "../write-through-temp.ts";
import { type SafetensorsDType, safetensorsDTypeBytes } from "./reader.ts";

export interface SafetensorsTensorToWrite {
  readonly name: string;
  readonly dtype: SafetensorsDType;
  /** Row-major, outermost first. */
  readonly shape: readonly number[];
  /** The little-endian element bytes, exactly shape x dtype size (any typed array; its bytes are written). */
  readonly data: ArrayBufferView;
}

export interface SafetensorsContents {
  readonly metadata?: Readonly<Record<string, string>>;
  readonly tensors: readonly SafetensorsTensorToWrite[];
}

/** Writes a safetensors file at `path` (through `path.tmp-<pid>` and a rename). */
export function writeSafetensors(path: string, contents: SafetensorsContents): void {
  const header: Record<string, unknown> = {};
  if (contents.metadata !== undefined) header.__metadata__ = contents.metadata;
  let offset = 0;
  const datas: Uint8Array[] = [];
  for (const t of contents.tensors) {
    if (t.name === "__metadata__" || Object.hasOwn(header, t.name)) throw new Error(`tensor name '${t.name}' is reserved or used twice`);
    const size = t.shape.reduce((a, b) => a * b, 1) * safetensorsDTypeBytes[t.dtype];
    const data = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    if (data.length !== size) throw new Error(`tensor '${t.name}': ${t.dtype} [${t.shape.join(", ")}] takes ${size} bytes, the data has ${data.length}`);
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    datas.push(data);
    offset += size;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil((8 + json.length) / 8) * 8 - 8;
  const head = new Uint8Array(8 + padded).fill(0x20);
  new DataView(head.buffer).setBigUint64(0, BigInt(padded), true);
  head.set(json, 8);

  writeThroughTemp(path, (fd) => {
    let pos = 0;
    for (const b of [head, ...datas]) {
      writeAllAt(fd, b, pos);
      pos += b.length;
    }
  });
}
