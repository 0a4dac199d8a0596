/**
 * GGUF writer -> reader round trips: every metadata value type (nested arrays included), f32/f16/bf16/q8_0
 * tensors read back as views over the mapping (no copy), an unsupported type named only when its data is asked
 * for, the ggml type table, f16/bf16 conversions and the q8_0 quantisation error bound.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bf16BitsToNumber, dequantizeQ8_0, encodeBF16, encodeF16, f16BitsToNumber, GGMLType, ggmlTypeByName, ggmlTypeInfo,
  GGUFError, type GGUFValue, numberToF16Bits, openGGUF, quantizeQ8_0, writeGGUF,
} from "../../frontends/gguf/index.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-gguf-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const metadata: [string, GGUFValue][] = [
  ["general.architecture", { type: "string", value: "llama" }],
  ["t.u8", { type: "u8", value: 255 }],
  ["t.i8", { type: "i8", value: -128 }],
  ["t.u16", { type: "u16", value: 65535 }],
  ["t.i16", { type: "i16", value: -32768 }],
  ["t.u32", { type: "u32", value: 4294967295 }],
  ["t.i32", { type: "i32", value: -2147483648 }],
  ["t.f32", { type: "f32", value: Math.fround(0.1) }],
  ["t.f64", { type: "f64", value: 0.1 }],
  ["t.u64", { type: "u64", value: 2n ** 64n - 1n }],
  ["t.i64", { type: "i64", value: -(2n ** 63n) }],
  ["t.bool.true", { type: "bool", value: true }],
  ["t.bool.false", { type: "bool", value: false }],
  ["t.string.unicode", { type: "string", value: "▁héllo 🦙 \u0000 end" }],
  ["t.string.empty", { type: "string", value: "" }],
  ["t.array.f32", { type: "array", itemType: "f32", items: [1.5, -2, 0].map((value) => ({ type: "f32", value }) as const) }],
  ["t.array.string", { type: "array", itemType: "string", items: ["<unk>", "<s>", "</s>", "<0x0A>"].map((value) => ({ type: "string", value }) as const) }],
  ["t.array.empty", { type: "array", itemType: "i32", items: [] }],
  ["t.array.nested", {
    type: "array", itemType: "array", items: [
      { type: "array", itemType: "u64", items: [{ type: "u64", value: 7n }] },
      { type: "array", itemType: "array", items: [{ type: "array", itemType: "bool", items: [{ type: "bool", value: true }] }] },
    ],
  }],
];

const f32Values = Float32Array.from({ length: 64 * 3 }, (_, i) => Math.sin(i) * 3);
const q8Source = Float32Array.from({ length: 32 * 4 }, (_, i) => Math.cos(i * 0.7) * (i % 5));
const tensors = [
  { name: "token_embd.weight", dims: [64, 3], type: GGMLType.F32, data: f32Values },
  { name: "blk.0.attn_q.weight", dims: [8, 2], type: GGMLType.F16, data: encodeF16(f32Values.subarray(0, 16)) },
  { name: "blk.0.attn_norm.weight", dims: [5], type: GGMLType.BF16, data: encodeBF16([1, -2, 0.5, 3.25, 1e-3]) },
  { name: "blk.0.ffn_up.weight", dims: [32, 4], type: GGMLType.Q8_0, data: quantizeQ8_0(q8Source) },
  { name: "blk.0.ffn_down.weight", dims: [32], type: ggmlTypeByName("q4_0").id, data: new Uint8Array(18).fill(7) },
  { name: "scalar", dims: [], type: GGMLType.F32, data: new Float32Array([42]) },
];

test("every metadata type and tensor type round-trips; tensor data are views over the mapping", () => {
  const path = join(dir, "all.gguf");
  writeGGUF(path, { metadata, tensors });
  const f = openGGUF(path);
  try {
    assert.is(f.version, 3);
    assert.is(f.alignment, 32);
    assert.equal([...f.metadata.entries()], metadata);
    assert.is(f.dataOffset % 32, 0);
    assert.equal(f.tensors.map((t) => [t.name, t.dims, t.type.name]), tensors.map((t) => [t.name, t.dims, ggmlTypeInfo(t.type)?.name]));
    for (const t of f.tensors) assert.is(t.offset % 32, 0, `${t.name} aligned`);
    for (const t of tensors.filter((x) => x.type !== ggmlTypeByName("q4_0").id)) {
      const data = f.tensorData(t.name);
      assert.equal([...data], Array.from(t.data as ArrayLike<number>), t.name);
      assert.is(data.constructor, t.data.constructor, `${t.name} view type`);
      // Not a copy: the view's buffer is the whole mapped file.
      assert.is(data.buffer.byteLength, statSync(path).size);
      assert.is(f.mappedSize, statSync(path).size);
    }
    assert.throws(() => f.tensorData("blk.0.ffn_down.weight"), (e: unknown) => e instanceof GGUFError && /unsupported tensor type q4_0/.test(e.message));
    assert.throws(() => f.tensorData("missing"), /no tensor named 'missing'/);
  } finally {
    f.close();
  }
  assert.ok(f.isClosed);
  assert.throws(() => f.tensorData("scalar"), /closed/);
  f.close(); // twice is harmless
});

test("the view reads the file's bytes in place (the bytes at dataOffset + offset)", () => {
  const path = join(dir, "inplace.gguf");
  writeGGUF(path, { metadata: { "general.alignment": { type: "u32", value: 64 } }, tensors: tensors.slice(0, 1) });
  const raw = readFileSync(path);
  const f = openGGUF(path);
  try {
    assert.is(f.alignment, 64);
    assert.is(f.dataOffset % 64, 0);
    const view = f.tensorData("token_embd.weight");
    assert.is(view.byteOffset, f.dataOffset + (f.tensors[0]?.offset ?? -1));
    assert.equal(new Uint8Array(view.buffer, view.byteOffset, 16), new Uint8Array(raw.buffer, raw.byteOffset + view.byteOffset, 16));
  } finally {
    f.close();
  }
});

test("version 2 files are read; the writer leaves no temp file and replaces the target", () => {
  const path = join(dir, "v2.gguf");
  writeGGUF(path, { metadata: [], tensors: [] });
  writeGGUF(path, { metadata: [["a", { type: "u8", value: 1 }]], tensors: [] });
  const bytes = readFileSync(path);
  bytes.writeUInt32LE(2, 4);
  writeFileSync(path, bytes);
  const f = openGGUF(path);
  assert.is(f.version, 2);
  assert.equal(f.get("a"), { type: "u8", value: 1 });
  f.close();
  assert.equal(readdirSync(dir).filter((n) => n.includes(".tmp-")), [], "no temp file left");
});

test("the writer rejects data of the wrong size and ne0 not a multiple of the block", () => {
  const path = join(dir, "bad.gguf");
  assert.throws(() => writeGGUF(path, { metadata: [], tensors: [{ name: "x", dims: [4], type: GGMLType.F32, data: new Float32Array(3) }] }), /takes 16 bytes, the data has 12/);
  assert.throws(() => writeGGUF(path, { metadata: [], tensors: [{ name: "x", dims: [16], type: GGMLType.Q8_0, data: new Uint8Array(17) }] }), /not a multiple of q8_0's block of 32/);
});

test("the ggml type table has llama.cpp's ids and block sizes", () => {
  assert.equal(ggmlTypeInfo(0), { name: "f32", id: 0, blockSize: 1, bytesPerBlock: 4 });
  assert.equal(ggmlTypeInfo(8), { name: "q8_0", id: 8, blockSize: 32, bytesPerBlock: 34 });
  assert.equal(ggmlTypeInfo(30), { name: "bf16", id: 30, blockSize: 1, bytesPerBlock: 2 });
  assert.equal(ggmlTypeInfo(14), { name: "q6_K", id: 14, blockSize: 256, bytesPerBlock: 210 });
  assert.is(ggmlTypeInfo(4), undefined, "Q4_2 was removed");
});

test("f16 and bf16 conversions: exact values, rounding to nearest even, specials", () => {
  for (let h = 0; h < 0x10000; h++) {
    const x = f16BitsToNumber(h);
    if (Number.isNaN(x)) assert.ok(Number.isNaN(f16BitsToNumber(numberToF16Bits(x))));
    else assert.is(numberToF16Bits(x), h, `f16 bits ${h.toString(16)}`);
  }
  assert.is(numberToF16Bits(65520), 0x7c00, "rounds to infinity");
  assert.is(numberToF16Bits(65519), 0x7bff);
  assert.is(numberToF16Bits(1 + 2 ** -11), 0x3c00, "tie to even");
  assert.is(numberToF16Bits(1 + 3 * 2 ** -11), 0x3c02, "tie to even, up");
  assert.is(numberToF16Bits(2 ** -25), 0, "half the smallest subnormal ties to zero");
  assert.is(numberToF16Bits(2 ** -25 * 1.5), 1);
  assert.is(bf16BitsToNumber(0x3f80), 1);
  assert.equal([...encodeBF16([1, -2, 1 + 2 ** -8, 1 + 3 * 2 ** -8])], [0x3f80, 0xc000, 0x3f80, 0x3f82]);
});

test("q8_0: quantise -> dequantise is within d/2 per element, and matches ggml on a known block", () => {
  const x = Float32Array.from({ length: 32 * 50 }, (_, i) => Math.sin(i * 1.3) * (1 + (i % 7)) * (i % 97 === 0 ? 0 : 1));
  x.fill(0, 64, 96); // an all-zero block: d = 0, q = 0
  const blocks = quantizeQ8_0(x);
  assert.is(blocks.length, 50 * 34);
  const y = dequantizeQ8_0(blocks);
  for (let b = 0; b < 50; b++) {
    const block = x.subarray(b * 32, b * 32 + 32);
    const amax = Math.max(...block.map(Math.abs));
    const d = f16BitsToNumber(blocks[b * 34]! | (blocks[b * 34 + 1]! << 8));
    assert.ok(Math.abs(d - amax / 127) <= (amax / 127) * 2 ** -11, "d is amax/127 in f16");
    for (let j = 0; j < 32; j++) {
      const err = Math.abs(y[b * 32 + j]! - block[j]!);
      // rounding x/d to an integer errs by <= d/2; d's f16 rounding adds |q| * d * 2^-11 <= 127 * d * 2^-11
      assert.ok(err <= d / 2 + 127 * d * 2 ** -11 + 1e-7, `block ${b} elem ${j}: error ${err}, d ${d}`);
    }
  }
  assert.equal([...y.subarray(64, 96)], new Array(32).fill(0));
  // A hand-computed block: amax 127 -> d = 1 (f16 0x3c00), q = round(x) half away from zero
  const known = Float32Array.from({ length: 32 }, (_, i) => (i === 0 ? 127 : i === 1 ? -2.5 : i === 2 ? 0.5 : 0));
  const kb = quantizeQ8_0(known);
  assert.equal([...kb.subarray(0, 5)], [0x00, 0x3c, 127, 253, 1]);
  assert.throws(() => quantizeQ8_0(new Float32Array(31)), /multiple of 32/);
});

test.run();
