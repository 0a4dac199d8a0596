/**
 * configFromGGUF and openGGUFWeights: the config of a tiny random file (GQA, tied and untied, RoPE scaling),
 * tensors as reversed-dims views over the mapping (no copy), a missing or wrong-typed key named, an unsupported
 * ggml type named with its tensor.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GGMLType, type GGUFTensorToWrite, type GGUFValue, openGGUF, writeGGUF } from "../../frontends/gguf/index.ts";
import { configFromGGUF } from "../../frontends/models/llama/config.ts";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { LlamaError } from "../../frontends/models/llama/types.ts";
import { writeTinyLlama } from "./model-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-llama-config-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test("a GQA file's config, tensors reversed and viewed over the mapping", () => {
  const path = join(dir, "gqa.gguf");
  writeTinyLlama(path, { dim: 64, layers: 2, heads: 4, kvHeads: 2, hidden: 96, vocab: 50, contextLength: 128, ropeScale: 2, ropeTheta: 5000 }, "q8_0");
  const source = openGGUFWeights(path);
  try {
    assert.equal(source.config, {
      dim: 64, layers: 2, heads: 4, kvHeads: 2, headDim: 16, hidden: 96, vocab: 50, contextLength: 128,
      normEps: Math.fround(1e-5), ropeTheta: 5000, ropeScaling: { type: "linear", factor: 2 }, ropeStyle: "norm", tiedEmbeddings: false,
    });
    assert.is(source.format, "gguf");
    const wk = source.tensor("blk.1.attn_k");
    assert.ok(wk !== undefined);
    assert.equal(wk.shape, [32, 64]);
    assert.is(wk.type, "q8_0");
    assert.is(wk.bytes.byteLength, (32 * 64 / 32) * 34);
    const norm = source.tensor("blk.0.attn_norm");
    assert.equal(norm?.shape, [64]);
    assert.is(norm?.type, "f32");
    assert.is(source.tensor("nope"), undefined);
    // a view over the mapping: the same memory as the reader's own view
    const file = openGGUF(path);
    try {
      assert.is(source.weightBytes, file.tensors.reduce((s, t) => s + t.byteSize, 0));
    } finally {
      file.close();
    }
    assert.is(wk.bytes.buffer.byteLength, source.tensor("token_embd")?.bytes.buffer.byteLength);
  } finally {
    source.close();
  }
});

test("tied output when there is no 'output' tensor; vocab from token_embd", () => {
  const path = join(dir, "tied.gguf");
  writeTinyLlama(path, { dim: 32, layers: 1, heads: 2, kvHeads: 2, hidden: 64, vocab: 37, tied: true }, "f16");
  const source = openGGUFWeights(path);
  try {
    assert.is(source.config.tiedEmbeddings, true);
    assert.is(source.config.vocab, 37);
    assert.is(source.config.ropeScaling, undefined);
    assert.equal(source.tensor("token_embd")?.shape, [37, 32]);
    assert.is(source.tensor("token_embd")?.type, "f16");
  } finally {
    source.close();
  }
});

function metadataFile(name: string, metadata: [string, GGUFValue][], tensors: GGUFTensorToWrite[] = [{ name: "token_embd", dims: [4, 3], type: GGMLType.F32, data: new Float32Array(12) }]): string {
  const path = join(dir, name);
  writeGGUF(path, { metadata, tensors });
  return path;
}

const base: [string, GGUFValue][] = [
  ["general.architecture", { type: "string", value: "llama" }],
  ["llama.embedding_length", { type: "u32", value: 4 }],
  ["llama.block_count", { type: "u32", value: 1 }],
  ["llama.attention.head_count", { type: "u32", value: 2 }],
  ["llama.feed_forward_length", { type: "u32", value: 8 }],
  ["llama.context_length", { type: "u32", value: 16 }],
  ["llama.attention.layer_norm_rms_epsilon", { type: "f32", value: 1e-6 }],
];

test("a missing or wrong-typed key is a LlamaError naming it", () => {
  const ok = openGGUF(metadataFile("ok.gguf", base));
  try {
    const c = configFromGGUF(ok);
    assert.is(c.kvHeads, 2);
    assert.is(c.headDim, 2);
    assert.is(c.vocab, 3);
    assert.is(c.ropeTheta, 10000);
    assert.is(c.tiedEmbeddings, true);
  } finally {
    ok.close();
  }
  const cases: [string, [string, GGUFValue][], RegExp][] = [
    ["missing.gguf", base.filter(([k]) => k !== "llama.block_count"), /no 'llama\.block_count'/],
    ["string.gguf", base.map(([k, v]) => (k === "llama.embedding_length" ? [k, { type: "string", value: "4" }] : [k, v])), /'llama\.embedding_length' is a string, expected an integer/],
    ["float.gguf", base.map(([k, v]) => (k === "llama.attention.layer_norm_rms_epsilon" ? [k, { type: "u32", value: 1 }] : [k, v])), /'llama\.attention\.layer_norm_rms_epsilon' is a u32, expected f32/],
    ["arch.gguf", base.map(([k, v]) => (k === "general.architecture" ? [k, { type: "string", value: "gpt2" }] : [k, v])), /'gpt2'; only 'llama'/],
    ["kv.gguf", [...base, ["llama.attention.head_count_kv", { type: "u32", value: 3 }]], /not a multiple of llama\.attention\.head_count_kv 3/],
  ];
  for (const [name, metadata, message] of cases) {
    const file = openGGUF(metadataFile(name, metadata));
    try {
      assert.throws(() => configFromGGUF(file), (e: unknown) => e instanceof LlamaError && message.test(e.message), name);
    } finally {
      file.close();
    }
  }
});

test("an unsupported ggml type is named with its tensor when asked for", () => {
  const path = metadataFile("q4.gguf", base, [
    { name: "token_embd", dims: [4, 3], type: GGMLType.F32, data: new Float32Array(12) },
    { name: "blk.0.attn_q", dims: [32, 2], type: 2 /* q4_0 */, data: new Uint8Array(2 * 18) },
  ]);
  const source = openGGUFWeights(path);
  try {
    assert.throws(() => source.tensor("blk.0.attn_q"), (e: unknown) => e instanceof LlamaError && /'blk\.0\.attn_q' has ggml type q4_0/.test(e.message));
  } finally {
    source.close();
  }
});

test.run();
