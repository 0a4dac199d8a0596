/**
 * Read-only memory mapping of a whole file (libc `mmap` through koffi), shared by the model file readers
 * (frontends/gguf, frontends/safetensors): the file's bytes come back as ArrayBuffers over the mapping —
 * external memory, never copied into the JS heap. **Lifetime rule**: every view is valid only until `unmap()`;
 * touching one afterwards reads unmapped memory (a crash).
 *
 * Files over 4 GiB: Node 20 cannot make an ArrayBuffer over more than 4 GiB of external memory (koffi.view aborts
 * the process), so the file is mapped in windows of 4 GiB starting every 2 GiB (each its own mmap of the same
 * file; the pages are shared through the page cache). Any range of at most 2 GiB lies whole in one window:
 * `range` returns that window and the range's offset in it. A file up to 4 GiB is one window, one mapping.
 */
import { closeSync, fstatSync, openSync } from "node:fs";
import koffi from "koffi";

interface Libc {
  mmap: (addr: null, length: number, prot: number, flags: number, fd: number, offset: number) => unknown;
  munmap: (addr: unknown, length: number) => number;
}
let libc: Libc | undefined;
function getLibc(): Libc {
  if (libc === undefined) {
    const lib = koffi.load("libc.so.6");
    libc = {
      mmap: lib.func("void *mmap(void *addr, size_t length, int prot, int flags, int fd, int64_t offset)"),
      munmap: lib.func("int munmap(void *addr, size_t length)"),
    };
  }
  return libc;
}
const PROT_READ = 1;
const MAP_PRIVATE = 2;
const MAP_FAILED = 0xffffffffffffffffn;

/** The largest ArrayBuffer over external memory Node 20 makes (buffer.constants.MAX_LENGTH). */
export const MAX_WINDOW_BYTES = 2 ** 32;
/** Windows start this far apart, so any range up to this long lies whole in one of them. */
export const WINDOW_STRIDE = 2 ** 31;

/** A mapped file. `unmap()` once when done (a second call does nothing). */
export interface MappedFile {
  readonly path: string;
  /** The file's size in bytes. */
  readonly size: number;
  /** The first window: the file's first min(size, 4 GiB) bytes (where headers are read). */
  readonly head: ArrayBuffer;
  /**
   * The window holding bytes [offset, offset + length) of the file, and where they start in it. Throws (the
   * caller's error) when the range leaves the file, or is longer than 2 GiB and does not lie in the first window.
   */
  range(offset: number, length: number): { readonly buffer: ArrayBuffer; readonly byteOffset: number };
  readonly isUnmapped: boolean;
  unmap(): void;
}

/**
 * Maps `path` read-only. `checkSize(size)` runs before mapping and throws the caller's error for a file too
 * small to be what it claims (mmap of 0 bytes is an error in itself); `fail(message)` makes the caller's error
 * when mmap or munmap fails or a range cannot be given.
 */
export function mapFile(path: string, checkSize: (size: number) => void, fail: (message: string) => Error): MappedFile {
  const fd = openSync(path, "r");
  const windows: { offset: number; pointer: unknown; buffer: ArrayBuffer }[] = [];
  const unmapAll = () => {
    let ok = true;
    for (const w of windows.splice(0)) ok = getLibc().munmap(w.pointer, w.buffer.byteLength) === 0 && ok;
    return ok;
  };
  let size: number;
  try {
    size = fstatSync(fd).size;
    checkSize(size);
    if (size === 0) throw fail(`${path}: cannot map an empty file`);
    for (let offset = 0; offset < size; offset += WINDOW_STRIDE) {
      const length = Math.min(MAX_WINDOW_BYTES, size - offset);
      const pointer = getLibc().mmap(null, length, PROT_READ, MAP_PRIVATE, fd, offset);
      if (pointer === null || koffi.address(pointer) === MAP_FAILED) throw fail(`${path}: mmap of ${length} bytes at offset ${offset} failed`);
      windows.push({ offset, pointer, buffer: koffi.view(pointer, length) as ArrayBuffer });
      if (offset + length === size) break; // this window reaches the end: later ones would lie inside it
    }
  } catch (e) {
    unmapAll();
    throw e;
  } finally {
    closeSync(fd); // the mappings keep the file alive
  }
  const first = windows[0] as { buffer: ArrayBuffer };
  let unmapped = false;
  return {
    path,
    size,
    head: first.buffer,
    range(offset, length) {
      if (unmapped) throw fail(`${path}: the file is closed`);
      if (offset < 0 || length < 0 || offset + length > size) throw fail(`${path}: bytes ${offset}..${offset + length} lie outside the file (${size} bytes)`);
      const w = windows[Math.min(Math.floor(offset / WINDOW_STRIDE), windows.length - 1)] as (typeof windows)[number];
      if (offset + length <= w.offset + w.buffer.byteLength) return { buffer: w.buffer, byteOffset: offset - w.offset };
      if (offset + length <= first.buffer.byteLength) return { buffer: first.buffer, byteOffset: offset };
      throw fail(`${path}: bytes ${offset}..${offset + length} (${length} bytes) cannot be viewed at once: a range over ${WINDOW_STRIDE} bytes must lie in the file's first ${MAX_WINDOW_BYTES} bytes`);
    },
    get isUnmapped() {
      return unmapped;
    },
    unmap() {
      if (unmapped) return;
      unmapped = true;
      if (!unmapAll()) throw fail(`${path}: munmap failed`);
    },
  };
}

/** Maps `path` (as `mapFile`) and gives the mapping to `parse`; when `parse` throws, the file is unmapped first. */
export function parseMapped<R>(path: string, checkSize: (size: number) => void, fail: (message: string) => Error, parse: (mapping: MappedFile) => R): R {
  const mapping = mapFile(path, checkSize, fail);
  try {
    return parse(mapping);
  } catch (e) {
    mapping.unmap();
    throw e;
  }
}
