/**
 * The safetensors reader on corrupt input: random byte flips and truncations of a valid file, random header
 * lengths (up to 2^64 - 1) and random JSON headers (wrong types, huge shapes and offsets) always give either a
 * valid parse (whose tensor views then lie inside the mapping) or a SafetensorsError — never another exception, a
 * hang or a large allocation (RSS growth over all cases stays small, and each case is fast). Also explicit cases,
 * each naming what is wrong. `TENSILE_SAFETENSORS_FUZZ_RUNS` sets the number of random cases per property.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeBF16, encodeF16 } from "../../frontends/gguf/index.ts";
import { openSafetensors, SafetensorsError, writeSafetensors } from "../../frontends/safetensors/index.ts";
import { cat, fileFuzzer, u64 } from "../support/file-fuzz.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-safetensors-fuzz-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const RUNS = Number(process.env.TENSILE_SAFETENSORS_FUZZ_RUNS ?? 300);
const validPath = join(dir, "valid.safetensors");
writeSafetensors(validPath, {
  metadata: { format: "pt" },
  tensors: [
    { name: "model.embed_tokens.weight", dtype: "F32", shape: [5, 8], data: Float32Array.from({ length: 40 }, (_, i) => i / 7) },
    { name: "model.layers.0.self_attn.q_proj.weight", dtype: "F16", shape: [2, 8], data: encodeF16(Array.from({ length: 16 }, (_, i) => i)) },
    { name: "model.norm.weight", dtype: "BF16", shape: [8], data: encodeBF16(Array.from({ length: 8 }, (_, i) => i - 3)) },
    { name: "ids", dtype: "I32", shape: [3], data: new Int32Array([1, 2, 3]) },
  ],
});
const valid = new Uint8Array(readFileSync(validPath));

const fuzz = fileFuzzer({
  dir,
  ext: "safetensors",
  open: openSafetensors,
  error: SafetensorsError,
  tensors: (f) => f.tensors,
  touch: (f, t) => {
    const data = f.tensorData(t);
    assert.ok(data.byteOffset + data.byteLength <= f.mappedSize, "view inside the mapping");
    assert.ok(data.byteOffset >= f.dataOffset, "view inside the data section");
    let sum = 0;
    for (let i = 0; i < data.length; i += 7) sum += data[i] as number;
    assert.type(sum, "number");
  },
});
const { check, expectError } = fuzz;
const text = (s: string) => new TextEncoder().encode(s);
/** A file whose header is `json` (as given, any text) followed by `dataBytes` zero bytes. */
const withHeader = (json: string, dataBytes = 16) => { const h = text(json); return cat(u64(BigInt(h.length)), h, new Uint8Array(dataBytes)); };

// Measured when this file's tests start, not when it is imported (the suite imports every test file first).
test.before(fuzz.startMeasuring);

test("the valid file parses", () => {
  check(valid);
  assert.is(fuzz.parsed, 1);
});

test("random byte flips give a parse or a SafetensorsError", () => fuzz.byteFlips(valid, RUNS, 19));

test("truncations give a parse or a SafetensorsError", () => fuzz.truncations(valid, RUNS, 20, 24)); // every cut around the header length

test("huge header lengths give a SafetensorsError quickly, without allocating", () => {
  const big = fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.constantFrom(2n ** 63n, 2n ** 64n - 1n, 2n ** 53n, 1n << 32n, 100_000_001n));
  fc.assert(fc.property(big, fc.uint8Array({ maxLength: 64 }), (len, tail) => check(cat(u64(len), tail))), { numRuns: RUNS, seed: 21 });
});

test("random JSON headers (wrong types, huge shapes and offsets) give a parse or a SafetensorsError", () => {
  const size = fc.oneof(fc.nat(64), fc.constantFrom(2 ** 53 - 1, 2 ** 53, 2 ** 62, 1e300, -1, 0.5));
  const entry = fc.oneof(
    fc.record({
      dtype: fc.constantFrom("F32", "F16", "BF16", "I64", "U8", "F8_E4M3", "Q4", "", "f32"),
      shape: fc.array(size, { maxLength: 4 }),
      data_offsets: fc.oneof(fc.tuple(size, size), fc.array(size, { maxLength: 3 })),
    }),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const header = fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constant("__metadata__")), entry, { maxKeys: 5 });
  fc.assert(fc.property(header, fc.nat(96), (h, data) => check(withHeader(JSON.stringify(h), data))), { numRuns: RUNS, seed: 22 });
  fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => check(withHeader(s))), { numRuns: Math.ceil(RUNS / 2), seed: 23 });
});

test("explicit corruptions name what is wrong", () => {
  expectError(u64(0n).subarray(0, 5), /5 bytes is too small for a safetensors header length/);
  expectError(cat(u64(2n ** 64n - 1n), text("{}")), /header length 18446744073709551615 at offset 0 exceeds the 2 bytes after it/);
  expectError(cat(u64(3n), text("{}")), /header length 3 at offset 0 exceeds the 2 bytes after it/);
  expectError(withHeader("[1, 2]"), /does not start with '\{'/);
  expectError(withHeader("{\"a\": "), /not valid JSON/);
  expectError(cat(u64(2n), Uint8Array.from([0xff, 0xfe])), /not valid UTF-8/);
  expectError(withHeader('{"__metadata__": {"a": 1}}'), /__metadata__ 'a' is number, not a string/);
  expectError(withHeader('{"__metadata__": []}'), /__metadata__ is an array/);
  expectError(withHeader('{"t": 3}'), /tensor 't' is number, not an object/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4], "x": 1}}'), /tensor 't' has an unknown field 'x'/);
  expectError(withHeader('{"t": {"dtype": "Q4", "shape": [1], "data_offsets": [0, 4]}}'), /tensor 't': unknown dtype 'Q4'/);
  expectError(withHeader('{"t": {"dtype": 1, "shape": [1], "data_offsets": [0, 4]}}'), /tensor 't': dtype is number, not a string/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}'), /tensor 't': shape\[0\] = -1 is not a non-negative integer/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [1.5], "data_offsets": [0, 4]}}'), /shape\[0\] = 1.5/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [4294967296, 4294967296], "data_offsets": [0, 4]}}'), /tensor 't': shape \[4294967296, 4294967296\] has too many elements/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": "1", "data_offsets": [0, 4]}}'), /shape is string, not an array/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [1], "data_offsets": [0]}}'), /data_offsets is \[0\], not \[begin, end\]/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [1], "data_offsets": [8, 4]}}'), /data_offsets \[8, 4\] end before they begin/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [1], "data_offsets": [0, 1e300]}}'), /data_offsets end = 1e\+300 is not a non-negative integer/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [8], "data_offsets": [0, 32]}}'), /data_offsets \[0, 32\] reach past the data section's 16 bytes/);
  expectError(withHeader('{"t": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}'), /span 4 bytes, but F32 \[2\] takes 8/);
  expectError(withHeader('{"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 12]}, "b": {"dtype": "F32", "shape": [1], "data_offsets": [8, 12]}}'), /tensors 'a' and 'b' overlap/);
  expectError(withHeader('{"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}, "z": {"dtype": "F32", "shape": [0], "data_offsets": [4, 4]}, "c": {"dtype": "F32", "shape": [1], "data_offsets": [8, 12]}}'), /tensors 'a' and 'c' overlap/);
});

test("over all fuzz cases: small RSS growth, each case fast", () => fuzz.assertBounded("safetensors", RUNS * 3));

test.run();
