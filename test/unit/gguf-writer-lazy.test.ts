/**
 * The GGUF writer's lazily produced tensors (one function call per tensor, in file order, while the file is
 * written) and headers larger than its initial 1 KiB buffer (a header that grows while it is written).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GGMLType, type GGUFValue, openGGUF, writeGGUF } from "../../frontends/gguf/index.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-gguf-lazy-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test("lazy tensor data: each function is called once, in order, and its bytes land where the reader finds them", () => {
  const path = join(dir, "lazy.gguf");
  const calls: string[] = [];
  const tensor = (name: string, n: number) => ({
    name, dims: [n], type: GGMLType.F32,
    data: () => { calls.push(name); return Float32Array.from({ length: n }, (_, i) => i + n); },
  });
  writeGGUF(path, { metadata: [], tensors: [tensor("a", 3), tensor("b", 40), tensor("c", 1)] });
  assert.equal(calls, ["a", "b", "c"]);
  const f = openGGUF(path);
  try {
    assert.equal([...f.tensorData("a")], [3, 4, 5]);
    assert.equal([...f.tensorData("b")], Array.from({ length: 40 }, (_, i) => i + 40));
    assert.equal([...f.tensorData("c")], [1]);
  } finally {
    f.close();
  }
});

test("lazy tensor data of the wrong size is an error naming the tensor, and no file (temp or final) is left", () => {
  const path = join(dir, "lazy-bad.gguf");
  assert.throws(
    () => writeGGUF(path, { metadata: [], tensors: [{ name: "w", dims: [8, 2], type: GGMLType.F32, data: () => new Float32Array(15) }] }),
    /tensor 'w': f32 \[8, 2\] takes 64 bytes, the data has 60/,
  );
  assert.not.ok(existsSync(path));
  assert.equal(readdirSync(dir).filter((n) => n.includes(".tmp-")), []);
});

test("a header far larger than the writer's first buffer (every value type, long strings, a leading U+FEFF) reads back equal", () => {
  const path = join(dir, "big-header.gguf");
  const strings = Array.from({ length: 3000 }, (_, i) => `▁piece-${i}-${"x".repeat(i % 37)}`);
  const metadata: [string, GGUFValue][] = [
    ["s", { type: "array", itemType: "string", items: strings.map((value) => ({ type: "string", value })) }],
    ["long", { type: "string", value: "y".repeat(5000) }],
    ["bom", { type: "string", value: "\ufeff" }], // read back whole: LLaMA's vocabulary has this piece
    ...(["u8", "i8", "u16", "i16", "u32", "i32", "f32", "f64"] as const).map((type, i) => [`n.${type}`, { type, value: i + 1 }] as [string, GGUFValue]),
    ["n.u64", { type: "u64", value: 2n ** 63n + 5n }],
    ["n.i64", { type: "i64", value: -5n }],
    ["f", { type: "array", itemType: "f32", items: Array.from({ length: 700 }, (_, i) => ({ type: "f32", value: -i })) }],
  ];
  writeGGUF(path, { metadata, tensors: [{ name: "t", dims: [2], type: GGMLType.F32, data: new Float32Array([7, 8]) }] });
  const f = openGGUF(path);
  try {
    assert.equal([...f.metadata.entries()], metadata);
    assert.equal([...f.tensorData("t")], [7, 8]);
  } finally {
    f.close();
  }
});

test.run();
