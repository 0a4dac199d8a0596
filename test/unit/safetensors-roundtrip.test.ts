/**
 * safetensors round trips: tensors written by writeSafetensors come back from openSafetensors with their dtype,
 * shape, metadata and exact bytes, as views over the mapping; the layout is the reference implementation's
 * (8-byte length, space-padded JSON, data back to back); tensors in any order and with gaps are read; other
 * dtypes are listed and named when their data is asked for; a closed file refuses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeBF16, encodeF16 } from "../../frontends/gguf/index.ts";
import { openSafetensors, SafetensorsError, writeSafetensors } from "../../frontends/safetensors/index.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-safetensors-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const f32 = Float32Array.from({ length: 24 }, (_, i) => Math.sin(i) * 100);
const f16 = encodeF16(Array.from({ length: 6 }, (_, i) => i - 2.5));
const bf16 = encodeBF16(Array.from({ length: 10 }, (_, i) => i * 1.5e10));

test("tensors and metadata round trip, as views over the mapping", () => {
  const path = join(dir, "a.safetensors");
  writeSafetensors(path, {
    metadata: { format: "pt", note: "ünïcode" },
    tensors: [
      { name: "w", dtype: "F32", shape: [4, 6], data: f32 },
      { name: "h", dtype: "F16", shape: [2, 3], data: f16 },
      { name: "b", dtype: "BF16", shape: [10], data: bf16 },
      { name: "scalar", dtype: "F32", shape: [], data: new Float32Array([7]) },
      { name: "empty", dtype: "F32", shape: [0, 5], data: new Float32Array(0) },
    ],
  });
  const f = openSafetensors(path);
  try {
    assert.equal([...f.metadata], [["format", "pt"], ["note", "ünïcode"]]);
    assert.equal(f.tensors.map((t) => [t.name, t.dtype, t.shape]), [["w", "F32", [4, 6]], ["h", "F16", [2, 3]], ["b", "BF16", [10]], ["scalar", "F32", []], ["empty", "F32", [0, 5]]]);
    assert.is(f.dataOffset % 8, 0);
    const w = f.tensorData("w");
    assert.instance(w, Float32Array);
    assert.equal([...w], [...f32]);
    assert.is(w.buffer.byteLength, f.mappedSize, "a view over the whole mapping, not a copy");
    assert.equal([...f.tensorData("h")], [...f16]);
    assert.equal([...f.tensorData("b")], [...bf16]);
    assert.equal([...f.tensorData("scalar")], [7]);
    assert.is(f.tensorData("empty").length, 0);
    assert.equal([...f.tensorBytes("h")], [...new Uint8Array(f16.buffer)]);
    assert.is(f.find("nope"), undefined);
    assert.throws(() => f.tensor("nope"), /no tensor named 'nope'/);
  } finally {
    f.close();
  }
  assert.ok(f.isClosed);
  assert.throws(() => f.tensorData("w"), (e: unknown) => e instanceof SafetensorsError && /closed/.test(e.message));
  f.close(); // twice is harmless
});

test("the layout is the reference implementation's", () => {
  const path = join(dir, "layout.safetensors");
  writeSafetensors(path, { tensors: [{ name: "x", dtype: "F32", shape: [2], data: new Float32Array([1, 2]) }] });
  const bytes = readFileSync(path);
  const n = Number(bytes.readBigUInt64LE(0));
  const header = bytes.subarray(8, 8 + n).toString("utf8");
  assert.equal(JSON.parse(header), { x: { dtype: "F32", shape: [2], data_offsets: [0, 8] } });
  assert.ok(/^\{.*\} *$/.test(header), "JSON padded with spaces");
  assert.is(bytes.length, 8 + n + 8);
  assert.equal([...new Float32Array(bytes.buffer.slice(bytes.byteOffset + 8 + n, bytes.byteOffset + 8 + n + 8))], [1, 2]);
});

/** A file from a header object (its JSON padded with spaces to keep the data 8-aligned) and a data section. */
function handWritten(name: string, header: unknown, data: Uint8Array): string {
  const text = JSON.stringify(header);
  const json = new TextEncoder().encode(text.padEnd(Math.ceil(text.length / 8) * 8, " "));
  const bytes = new Uint8Array(8 + json.length + data.length);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(json.length), true);
  bytes.set(json, 8);
  bytes.set(data, 8 + json.length);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

test("tensors in any order and with gaps are read; other dtypes are named when their data is asked for", () => {
  const data = new Uint8Array(64);
  new Float32Array(data.buffer, 32, 2).set([3, 4]);
  new Float32Array(data.buffer, 0, 2).set([1, 2]);
  const header = {
    b: { dtype: "F32", shape: [2], data_offsets: [32, 40] },
    a: { dtype: "F32", shape: [1, 2], data_offsets: [0, 8] },
    i: { dtype: "I64", shape: [2], data_offsets: [48, 64] },
  };
  const f = openSafetensors(handWritten("order.safetensors", header, data));
  try {
    assert.equal(f.tensors.map((t) => t.name), ["b", "a", "i"]);
    assert.equal([...f.tensorData("a")], [1, 2]);
    assert.equal([...f.tensorData("b")], [3, 4]);
    assert.equal(f.tensor("i").shape, [2]);
    assert.throws(() => f.tensorData("i"), /unsupported dtype I64 of tensor 'i': this reader gives data of F32, F16 and BF16/);
    assert.throws(() => f.tensorBytes("i"), /unsupported dtype I64/);
  } finally {
    f.close();
  }
});

test("a misaligned F32 tensor is refused by name rather than copied", () => {
  const f = openSafetensors(handWritten("misaligned.safetensors", { a: { dtype: "F32", shape: [1], data_offsets: [2, 6] } }, new Uint8Array(8)));
  try {
    assert.throws(() => f.tensorData("a"), /tensor 'a' at byte \d+ is not 4-byte aligned for a F32 view/);
  } finally {
    f.close();
  }
});

test.run();
