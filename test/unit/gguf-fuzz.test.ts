/**
 * The GGUF reader on corrupt input: random byte flips and truncations of a valid file, and random headers with
 * huge counts and lengths, always give either a valid parse (whose tensor views then lie inside the mapping) or a
 * GGUFError — never another exception, a hang or a large allocation (RSS growth over all cases stays small, and
 * each case is fast). Also explicit cases: a KV count of 2^60, an array length beyond the file, a string length
 * beyond the file, nested arrays deeper than the limit, overlapping and out-of-file tensors, bad alignment.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeF16, GGMLType, GGUFError, type GGUFValue, openGGUF, quantizeQ8_0, writeGGUF } from "../../frontends/gguf/index.ts";
import { cat, fileFuzzer, u32, u64 } from "../support/file-fuzz.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-gguf-fuzz-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const RUNS = Number(process.env.TENSILE_GGUF_FUZZ_RUNS ?? 300);
const validPath = join(dir, "valid.gguf");
const str = (value: string): GGUFValue => ({ type: "string", value });
writeGGUF(validPath, {
  metadata: [
    ["general.architecture", str("llama")],
    ["llama.block_count", { type: "u32", value: 1 }],
    ["llama.rope.freq_base", { type: "f32", value: 10000 }],
    ["tokenizer.ggml.tokens", { type: "array", itemType: "string", items: ["<unk>", "<s>", "</s>", "a", "b"].map(str) }],
    ["tokenizer.ggml.scores", { type: "array", itemType: "f32", items: [0, 0, 0, -1, -2].map((value) => ({ type: "f32", value }) as const) }],
    ["t.nested", { type: "array", itemType: "array", items: [{ type: "array", itemType: "u64", items: [{ type: "u64", value: 3n }] }] }],
    ["t.flag", { type: "bool", value: true }],
  ],
  tensors: [
    { name: "token_embd.weight", dims: [32, 5], type: GGMLType.F32, data: Float32Array.from({ length: 160 }, (_, i) => i / 7) },
    { name: "blk.0.attn_q.weight", dims: [32, 2], type: GGMLType.F16, data: encodeF16(Array.from({ length: 64 }, (_, i) => i)) },
    { name: "blk.0.ffn_up.weight", dims: [64], type: GGMLType.Q8_0, data: quantizeQ8_0(Array.from({ length: 64 }, (_, i) => i - 30)) },
  ],
});
const valid = new Uint8Array(readFileSync(validPath));

const fuzz = fileFuzzer({
  dir,
  ext: "gguf",
  open: openGGUF,
  error: GGUFError,
  tensors: (f) => f.tensors,
  touch: (f, t) => {
    const data = f.tensorData(t);
    assert.ok(data.byteOffset + data.byteLength <= f.mappedSize, "view inside the mapping");
    let sum = 0;
    for (let i = 0; i < data.length; i += 97) sum += data[i] as number;
    assert.ok(!Number.isNaN(sum) || t.type.id === GGMLType.F32);
  },
});
const { check, expectError } = fuzz;
const magic = new TextEncoder().encode("GGUF");
const key = (k: string) => cat(u64(BigInt(k.length)), new TextEncoder().encode(k));

// Measured when this file's tests start, not when it is imported: the suite imports every test file first, and
// the tests before these ones grow the heap.
test.before(fuzz.startMeasuring);

test("the valid file parses", () => {
  check(valid);
  assert.is(fuzz.parsed, 1);
});

test("random byte flips give a parse or a GGUFError", () => fuzz.byteFlips(valid, RUNS, 9));

test("truncations give a parse or a GGUFError", () => fuzz.truncations(valid, RUNS, 10, 64)); // every cut inside the header

test("random headers with huge counts and lengths give a GGUFError quickly, without allocating", () => {
  const big = fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.constantFrom(2n ** 60n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 53n, 1n << 32n));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4 }), big, big, big, fc.integer({ min: 0, max: 12 }), fc.uint8Array({ maxLength: 64 }), (version, tensors, kvs, len, type, tail) => {
      check(cat(magic, u32(version), u64(tensors), u64(kvs), u64(len), tail));
      check(cat(magic, u32(3), u64(0n), u64(1n), key("k"), u32(type), u64(len), tail)); // a value with a huge length/count
      check(cat(magic, u32(3), u64(0n), u64(1n), key("k"), u32(9), u32(type), u64(len), tail)); // an array of any type
    }),
    { numRuns: RUNS, seed: 11 },
  );
});

test("explicit corruptions name what is wrong and where", () => {
  expectError(cat(magic, u32(3), u64(0n), u64(2n ** 60n)), /metadata KV count 1152921504606846976 at offset 16 is too large/);
  expectError(cat(magic, u32(3), u64(0n), u64(2n ** 40n)), /metadata KV count 1099511627776 at offset 16 cannot fit in the 0 bytes left/);
  expectError(cat(magic, u32(3), u64(2n ** 64n - 1n), u64(0n)), /tensor count 18446744073709551615 at offset 8 is too large/);
  expectError(cat(magic, u32(3), u64(0n), u64(1n), key("k"), u32(9), u32(4), u64(1000n), u32(1)), /'k' array length 1000 at offset \d+ cannot fit/);
  expectError(cat(magic, u32(3), u64(0n), u64(1n), key("k"), u32(8), u64(99n), u32(1)), /'k' length 99 at offset 37 exceeds the 4 bytes left/);
  expectError(cat(magic, u32(3), u64(0n), u64(1n), u64(50n), new TextEncoder().encode("abcdefghijklmn")), /key of metadata KV 0 length 50 at offset 24 exceeds the 14 bytes left/);
  expectError(cat(new TextEncoder().encode("GGML"), u32(3), u64(0n), u64(0n)), /bad magic 'GGML' at offset 0/);
  expectError(cat(magic, u32(1), u64(0n), u64(0n)), /unsupported GGUF version 1 at offset 4/);
  expectError(cat(magic, u32(3), u64(0n)), /too small for a GGUF header/);
  expectError(cat(magic, u32(3), u64(0n), u64(1n), key("k"), u32(13), u8s(0)), /unknown GGUF value type 13 at offset 33/);
  expectError(cat(magic, u32(3), u64(0n), u64(1n), key("k"), u32(7), u8s(2)), /bool byte 2 at offset 37/);
  const deep = cat(magic, u32(3), u64(0n), u64(1n), key("k"), u32(9), ...Array.from({ length: 100 }, () => cat(u32(9), u64(1n))), u32(0), u64(0n));
  expectError(deep, /nested deeper than 64/);
  expectError(cat(magic, u32(3), u64(0n), u64(1n), key("general.alignment"), u32(4), u32(24)), /alignment 24 is not a power of two/);
  expectError(cat(magic, u32(3), u64(0n), u64(1n), key("general.alignment"), u32(6), u32(0)), /general.alignment must be a u32, not f32/);

  const tensor = (name: string, dims: bigint[], type: number, offset: bigint) => cat(key(name), u32(dims.length), ...dims.map(u64), u32(type), u64(offset));
  const file = (...infos: Uint8Array[]) => {
    const head = cat(magic, u32(3), u64(BigInt(infos.length)), u64(0n), ...infos);
    return cat(head, new Uint8Array(Math.ceil(head.length / 32) * 32 - head.length), new Uint8Array(64));
  };
  assert.not.throws(() => openGGUF(writeTo(file(tensor("a", [8n], 0, 0n), tensor("b", [8n], 0, 32n)))).close());
  expectError(file(tensor("a", [16n], 0, 0n), tensor("b", [8n], 0, 32n)), /tensors 'a' and 'b' overlap/);
  // An empty tensor between two overlapping ones (same offset as the second, listed before it) hides nothing.
  expectError(file(tensor("a", [16n], 0, 0n), tensor("e", [0n], 0, 32n), tensor("b", [8n], 0, 32n)), /tensors 'a' and 'b' overlap/);
  expectError(file(tensor("a", [17n], 0, 0n)), /tensor 'a' .* past the end of the file/);
  expectError(file(tensor("a", [8n], 0, 2n ** 40n)), /past the end of the file/);
  expectError(file(tensor("a", [8n], 0, 4n)), /data offset 4 .* not a multiple of the alignment 32/);
  expectError(file(tensor("a", [8n], 4, 0n)), /'a' has unknown ggml type 4 at offset \d+/);
  expectError(file(tensor("a", [8n], 8, 0n)), /ne0 = 8 is not a multiple of q8_0's block of 32/);
  expectError(file(tensor("a", [1n, 1n, 1n, 1n, 1n], 0, 0n)), /has 5 dims/);
  expectError(file(tensor("a", [2n ** 40n, 2n ** 40n], 0, 0n)), /too many elements/);
  expectError(file(tensor("a", [8n], 0, 0n), tensor("a", [8n], 0, 32n)), /duplicate tensor name 'a'/);
});
const u8s = (...v: number[]) => Uint8Array.from(v);
const writeTo = (bytes: Uint8Array): string => fuzz.writeCase(bytes, "explicit-ok");

test("over all fuzz cases: small RSS growth, each case fast", () => fuzz.assertBounded("gguf", RUNS * 4));

test.run();
