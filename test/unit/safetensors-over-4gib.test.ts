/**
 * Files over 4 GiB (Node 20 cannot make one ArrayBuffer over them): frontends/mmap.ts maps them in windows of
 * 4 GiB every 2 GiB, and both model readers give correct views of tensors before 4 GiB, across the 4 GiB mark and
 * far past it; a view over 2 GiB that fits no window is a clear error. The files are sparse (holes read as
 * zeros), so they take a few KiB of disk and no time to write.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openGGUF } from "../../frontends/gguf/index.ts";
import { openSafetensors } from "../../frontends/safetensors/index.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-over-4gib-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const GiB = 2 ** 30;
/** Writes `parts` (bytes at file offsets) into a sparse file of `size` bytes. */
function sparse(name: string, size: number, parts: [number, Uint8Array][]): string {
  const path = join(dir, name);
  const fd = openSync(path, "w");
  try {
    for (const [at, bytes] of parts) writeSync(fd, bytes, 0, bytes.length, at);
    writeSync(fd, new Uint8Array(1), 0, 1, size - 1);
  } finally {
    closeSync(fd);
  }
  return path;
}
const floats = (n: number, base: number) => new Uint8Array(Float32Array.from({ length: n }, (_, i) => base + i).buffer);
const text = (s: string) => new TextEncoder().encode(s);

// a in the first window, b across the 4 GiB mark (from 4 GiB - 32 bytes), c at 5.5 GiB; in the safetensors file,
// "huge" (2.2 GiB from 5.9 GiB) fits no window: windows start at 0, 2, 4 and 6 GiB and span 4 GiB
const B_AT = 4 * GiB - 32;
const C_AT = 5.5 * GiB;
const HUGE_AT = 6_335_076_760; // about 5.9 GiB, 4-aligned

test("safetensors over 4 GiB: views before, across and past the 4 GiB mark", () => {
  const HEADER = 512; // padded with spaces, so that offsets do not change the data section's start
  const data = 8 + HEADER;
  const header = JSON.stringify({
    a: { dtype: "F32", shape: [4], data_offsets: [0, 16] },
    b: { dtype: "F32", shape: [16], data_offsets: [B_AT - data, B_AT - data + 64] },
    c: { dtype: "F32", shape: [2, 2], data_offsets: [C_AT - data, C_AT - data + 16] },
    huge: { dtype: "F32", shape: [590000000], data_offsets: [HUGE_AT - data, HUGE_AT - data + 2360000000] },
  }).padEnd(HEADER, " ");
  assert.is(header.length, HEADER);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(HEADER), true);
  const path = sparse("big.safetensors", Math.round(8.3 * GiB), [[0, length], [8, text(header)], [data, floats(4, 1)], [B_AT, floats(16, 100)], [C_AT, floats(4, 7)]]);
  const f = openSafetensors(path);
  try {
    assert.is(f.mappedSize, Math.round(8.3 * GiB));
    assert.equal([...f.tensorData("a")], [1, 2, 3, 4]);
    assert.equal([...f.tensorData("b")], Array.from({ length: 16 }, (_, i) => 100 + i));
    assert.equal([...f.tensorData("c")], [7, 8, 9, 10]);
    assert.throws(() => f.tensorData("huge"), /2360000000 bytes\) cannot be viewed at once: a range over 2147483648 bytes must lie in the file's first 4294967296 bytes/);
  } finally {
    f.close();
  }
});

test("GGUF over 4 GiB: views before, across and past the 4 GiB mark", () => {
  const u32 = (v: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v, true); return b; };
  const u64 = (v: number) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt(v), true); return b; };
  const info = (name: string, n: number, offset: number) => [u64(name.length), text(name), u32(1), u64(n), u32(0), u64(offset)];
  const dataStart = 128; // the header below takes 123 bytes, padded to the alignment (32)
  const head = [text("GGUF"), u32(3), u64(3), u64(0), ...info("a", 4, 0), ...info("b", 16, B_AT - dataStart), ...info("c", 4, C_AT - dataStart)];
  const bytes = new Uint8Array(dataStart);
  let o = 0;
  for (const p of head) { bytes.set(p, o); o += p.length; }
  assert.ok(o <= dataStart && Math.ceil(o / 32) * 32 === dataStart, `header of ${o} bytes pads to ${dataStart}`);
  const path = sparse("big.gguf", Math.round(5.6 * GiB), [[0, bytes], [dataStart, floats(4, 1)], [B_AT, floats(16, 100)], [C_AT, floats(4, 7)]]);
  const f = openGGUF(path);
  try {
    assert.equal([...f.tensorData("a")], [1, 2, 3, 4]);
    assert.equal([...f.tensorData("b")], Array.from({ length: 16 }, (_, i) => 100 + i));
    assert.equal([...f.tensorData("c")], [7, 8, 9, 10]);
  } finally {
    f.close();
  }
});

test.run();
