/**
 * Read-only memory mapping of a whole file (libc `mmap` through koffi), shared by the model file readers
 * (frontends/gguf, frontends/safetensors): the file's bytes come back as an ArrayBuffer over the mapping —
 * external memory, never copied into the JS heap. **Lifetime rule**: every view over `buffer` is valid only until
 * `unmap()`; touching one afterwards reads unmapped memory (a crash).
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

/** A mapped file. `unmap()` once when done (a second call does nothing). */
export interface MappedFile {
  readonly path: string;
  /** The whole file (its size is `buffer.byteLength`). */
  readonly buffer: ArrayBuffer;
  readonly isUnmapped: boolean;
  unmap(): void;
}

/**
 * Maps `path` read-only. `checkSize(size)` runs before mapping and throws the caller's error for a file too
 * small to be what it claims (mmap of 0 bytes is an error in itself); `fail(message)` makes the caller's error
 * when mmap or munmap fails.
 */
export function mapFile(path: string, checkSize: (size: number) => void, fail: (message: string) => Error): MappedFile {
  const fd = openSync(path, "r");
  let size: number;
  let mapping: unknown;
  try {
    size = fstatSync(fd).size;
    checkSize(size);
    if (size === 0) throw fail(`${path}: cannot map an empty file`);
    mapping = getLibc().mmap(null, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping === null || koffi.address(mapping) === MAP_FAILED) throw fail(`${path}: mmap of ${size} bytes failed`);
  } finally {
    closeSync(fd); // the mapping keeps the file alive
  }
  const buffer = koffi.view(mapping, size) as ArrayBuffer;
  let unmapped = false;
  return {
    path,
    buffer,
    get isUnmapped() {
      return unmapped;
    },
    unmap() {
      if (unmapped) return;
      unmapped = true;
      const r = getLibc().munmap(mapping, size);
      mapping = undefined;
      if (r !== 0) throw fail(`${path}: munmap failed`);
    },
  };
}
