/**
 * openSafetensorsWeights over small Hugging Face model directories written here (config.json + safetensors):
 * every HF tensor comes back under llama.cpp's name with its shape and exact bytes (views over the mapping), in
 * one file, in shards listed by model.safetensors.index.json, and in shards without an index; tied embeddings have
 * no `output`; a missing tensor, a wrong shape or dtype, a bad index or a corrupt shard is a LlamaError naming it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeBF16, encodeF16 } from "../../frontends/gguf/index.ts";
import { openSafetensorsWeights } from "../../frontends/models/llama/safetensors-source.ts";
import { LlamaError, tensorNames, type WeightSource } from "../../frontends/models/llama/types.ts";
import { type SafetensorsTensorToWrite, writeSafetensors } from "../../frontends/safetensors/index.ts";

const root = mkdtempSync(join(tmpdir(), "tensile-hf-model-"));
test.after(() => rmSync(root, { recursive: true, force: true }));

const hf = { hidden_size: 16, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, intermediate_size: 24, vocab_size: 10, max_position_embeddings: 64, rms_norm_eps: 1e-5, tie_word_embeddings: false };
const headDim = 4;

let seed = 1;
const values = (n: number) => Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5);

/** The tensors of a model of `config`: HF name, shape, and f32 values (stored as `dtype`). */
function modelTensors(config: typeof hf, dtype: "F32" | "F16" | "BF16" = "F32"): SafetensorsTensorToWrite[] {
  const { hidden_size: d, intermediate_size: h, vocab_size: v } = config;
  const q = config.num_attention_heads * headDim;
  const kv = config.num_key_value_heads * headDim;
  const shapes: [string, number[]][] = [["model.embed_tokens.weight", [v, d]], ["model.norm.weight", [d]]];
  if (!config.tie_word_embeddings) shapes.push(["lm_head.weight", [v, d]]);
  for (let i = 0; i < config.num_hidden_layers; i++) {
    const p = `model.layers.${i}`;
    shapes.push(
      [`${p}.input_layernorm.weight`, [d]], [`${p}.self_attn.q_proj.weight`, [q, d]], [`${p}.self_attn.k_proj.weight`, [kv, d]],
      [`${p}.self_attn.v_proj.weight`, [kv, d]], [`${p}.self_attn.o_proj.weight`, [d, q]], [`${p}.post_attention_layernorm.weight`, [d]],
      [`${p}.mlp.gate_proj.weight`, [h, d]], [`${p}.mlp.up_proj.weight`, [h, d]], [`${p}.mlp.down_proj.weight`, [d, h]],
      [`${p}.self_attn.rotary_emb.inv_freq`, [headDim / 2]], // older checkpoints carry it: ignored
    );
  }
  return shapes.map(([name, shape]) => {
    const x = values(shape.reduce((a, b) => a * b, 1));
    const data = dtype === "F32" ? Float32Array.from(x) : dtype === "F16" ? encodeF16(x) : encodeBF16(x);
    return { name, dtype, shape, data };
  });
}

function modelDir(name: string, config: object, shards: SafetensorsTensorToWrite[][], index = false): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "config.json"), JSON.stringify(config));
  const weightMap: Record<string, string> = {};
  shards.forEach((tensors, i) => {
    const file = shards.length === 1 ? "model.safetensors" : `model-${String(i + 1).padStart(5, "0")}-of-${String(shards.length).padStart(5, "0")}.safetensors`;
    writeSafetensors(join(dir, file), { metadata: { format: "pt" }, tensors });
    for (const t of tensors) weightMap[t.name] = file;
  });
  if (index) writeFileSync(join(dir, "model.safetensors.index.json"), JSON.stringify({ metadata: { total_size: 0 }, weight_map: weightMap }));
  return dir;
}

const hfToLlama = (i: number) => {
  const n = tensorNames.layer(i);
  const p = `model.layers.${i}`;
  return [[`${p}.input_layernorm.weight`, n.attnNorm], [`${p}.self_attn.q_proj.weight`, n.q], [`${p}.self_attn.k_proj.weight`, n.k], [`${p}.self_attn.v_proj.weight`, n.v], [`${p}.self_attn.o_proj.weight`, n.o], [`${p}.post_attention_layernorm.weight`, n.ffnNorm], [`${p}.mlp.gate_proj.weight`, n.gate], [`${p}.mlp.up_proj.weight`, n.up], [`${p}.mlp.down_proj.weight`, n.down]] as const;
};
const nameMap = new Map<string, string>([["model.embed_tokens.weight", "token_embd"], ["model.norm.weight", "output_norm"], ["lm_head.weight", "output"], ...hfToLlama(0), ...hfToLlama(1)]);

/** Every mapped tensor of `src` equals what was written, under llama.cpp's name. */
function checkSource(src: WeightSource, written: SafetensorsTensorToWrite[], type: string): void {
  let bytes = 0;
  for (const t of written) {
    const llama = nameMap.get(t.name);
    if (llama === undefined) continue; // rotary_emb.inv_freq
    if (llama === "output" && src.config.tiedEmbeddings) continue;
    const w = src.tensor(llama);
    assert.ok(w !== undefined, `${llama} (${t.name})`);
    assert.is(w.name, llama);
    assert.is(w.type, type);
    assert.equal(w.shape, t.shape);
    assert.equal([...w.bytes], [...new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength)], llama);
    bytes += t.data.byteLength;
  }
  assert.is(src.weightBytes, bytes);
  assert.is(src.format, "safetensors");
  assert.is(src.config.ropeStyle, "neox");
}

test("one file: HF names map onto llama.cpp's, shapes [out, in], exact bytes", () => {
  const tensors = modelTensors(hf);
  const dir = modelDir("single", hf, [tensors]);
  const src = openSafetensorsWeights(dir);
  try {
    checkSource(src, tensors, "f32");
    assert.equal(src.tensor("blk.1.attn_k")?.shape, [8, 16]);
    assert.equal(src.tensor("blk.0.attn_output")?.shape, [16, 16]);
    assert.equal(src.tensor("blk.0.ffn_down")?.shape, [16, 24]);
    assert.is(src.tensor("blk.2.attn_q"), undefined);
    assert.is(src.config.kvHeads, 2);
  } finally {
    src.close();
  }
  const viaFile = openSafetensorsWeights(join(dir, "model.safetensors"));
  viaFile.close();
});

test("shards with an index, shards without one, f16 and bf16, tied embeddings", () => {
  const f16 = modelTensors(hf, "F16");
  const dir = modelDir("sharded", hf, [f16.slice(0, 7), f16.slice(7, 15), f16.slice(15)], true);
  for (const path of [dir, join(dir, "model.safetensors.index.json")]) {
    const src = openSafetensorsWeights(path);
    try {
      checkSource(src, f16, "f16");
    } finally {
      src.close();
    }
  }
  const tied = { ...hf, tie_word_embeddings: true };
  const bf16 = modelTensors(tied, "BF16");
  const src = openSafetensorsWeights(modelDir("tied", tied, [bf16.slice(0, 5), bf16.slice(5)]));
  try {
    checkSource(src, bf16, "bf16");
    assert.is(src.tensor("output"), undefined);
    assert.ok(src.config.tiedEmbeddings);
  } finally {
    src.close();
  }
});

function rejects(open: () => WeightSource, pattern: RegExp): void {
  try {
    open().close();
  } catch (e) {
    assert.instance(e, LlamaError);
    assert.ok(pattern.test((e as Error).message), `${(e as Error).message} does not match ${pattern}`);
    return;
  }
  assert.unreachable("opened");
}

test("a missing tensor, a wrong shape or dtype, a bad index or config, a corrupt shard: a LlamaError naming it", () => {
  const tensors = modelTensors(hf);
  const without = (name: string) => tensors.filter((t) => t.name !== name);
  rejects(() => openSafetensorsWeights(modelDir("no-q", hf, [without("model.layers.1.self_attn.q_proj.weight")])), /no tensor 'model.layers.1.self_attn.q_proj.weight' \(llama.cpp's blk.1.attn_q\) in model.safetensors/);
  rejects(() => openSafetensorsWeights(modelDir("no-head", hf, [without("lm_head.weight")])), /no tensor 'lm_head.weight' \(llama.cpp's output\)/);
  const wrongShape = tensors.map((t) => (t.name === "model.layers.0.mlp.up_proj.weight" ? { ...t, shape: [16, 24] } : t));
  rejects(() => openSafetensorsWeights(modelDir("shape", hf, [wrongShape])), /tensor 'model.layers.0.mlp.up_proj.weight' has shape \[16, 24\], the config implies \[24, 16\]/);
  const wrongType = tensors.map((t) => (t.name === "model.norm.weight" ? { ...t, dtype: "I32" as const } : t));
  rejects(() => openSafetensorsWeights(modelDir("dtype", hf, [wrongType])), /tensor 'model.norm.weight' has dtype I32; LLaMA weights must be F32, F16 or BF16/);
  rejects(() => openSafetensorsWeights(modelDir("cfg", { ...hf, vocab_size: "10" }, [tensors])), /config.json: vocab_size: expected a positive integer, found "10"/);
  rejects(() => openSafetensorsWeights(modelDir("dup", hf, [tensors, tensors.slice(0, 1)])), /tensor 'model.embed_tokens.weight' is in both/);

  const escape = modelDir("escape", hf, [tensors]);
  writeFileSync(join(escape, "model.safetensors.index.json"), JSON.stringify({ weight_map: { "model.norm.weight": "../single/model.safetensors" } }));
  rejects(() => openSafetensorsWeights(escape), /shard '..\/single\/model.safetensors' is not a file name in the model directory/);
  writeFileSync(join(escape, "model.safetensors.index.json"), JSON.stringify({ weights: {} }));
  rejects(() => openSafetensorsWeights(escape), /model.safetensors.index.json: expected an index with a weight_map/);
  writeFileSync(join(escape, "model.safetensors.index.json"), "{");
  rejects(() => openSafetensorsWeights(escape), /model.safetensors.index.json: not valid JSON/);

  const corrupt = modelDir("corrupt", hf, [tensors]);
  writeFileSync(join(corrupt, "model.safetensors"), new Uint8Array([255, 255, 255, 255, 0, 0, 0, 0, 1, 2]));
  rejects(() => openSafetensorsWeights(corrupt), /model.safetensors: header length 4294967295 at offset 0 exceeds the 2 bytes after it/);
  const noConfig = join(root, "no-config");
  mkdirSync(noConfig);
  writeSafetensors(join(noConfig, "model.safetensors"), { tensors });
  rejects(() => openSafetensorsWeights(noConfig), /no config.json beside the weights/);
  rejects(() => openSafetensorsWeights(join(root, "nowhere")), /nowhere: no such file or directory/);
  rejects(() => openSafetensorsWeights(join(root, "single", "config.json")), /single\/config.json: expected an index with a weight_map/);
});

test.run();
