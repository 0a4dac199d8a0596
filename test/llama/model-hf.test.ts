/**
 * The same model from a GGUF file and from a Hugging Face directory (config.json + safetensors) gives the same
 * logits: the HF copy has llama.cpp's conversion undone on q and k (HF row (head, a, j) is GGUF row
 * (head, 2j + a): the converter's permutation), so the GGUF model rotates adjacent pairs ("norm" RoPE) and the
 * HF model rotates halves ("neox"). Prefill over two chunks, then decode; within 1e-5 of the logit range (the
 * only differences are the orders of f32 sums).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { openSafetensorsWeights } from "../../frontends/models/llama/safetensors-source.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
import { tensorNames, type WeightSource } from "../../frontends/models/llama/types.ts";
import { type SafetensorsTensorToWrite, writeSafetensors } from "../../frontends/safetensors/index.ts";
import { writeTinyLlama } from "./model-fixtures.ts";
import { relativeToRange } from "./model-reference.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-llama-hf-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Rows of W [heads * headDim, in] from llama.cpp's order (pairs adjacent) back to Hugging Face's (halves). */
function unpermute(w: Float32Array, heads: number, headDim: number, inF: number): Float32Array {
  const out = new Float32Array(w.length);
  const half = headDim / 2;
  for (let h = 0; h < heads; h++)
    for (let a = 0; a < 2; a++)
      for (let j = 0; j < half; j++) out.set(w.subarray((h * headDim + 2 * j + a) * inF, (h * headDim + 2 * j + a + 1) * inF), (h * headDim + a * half + j) * inF);
  return out;
}

function hfDirectory(gguf: WeightSource, path: string): void {
  const c = gguf.config;
  const f32 = (name: string): Float32Array => {
    const t = gguf.tensor(name);
    if (t === undefined || t.type !== "f32") throw new Error(`${name}: expected an f32 tensor`);
    return Float32Array.from(new Float32Array(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength / 4));
  };
  const tensors: SafetensorsTensorToWrite[] = [];
  const add = (name: string, shape: number[], data: Float32Array): void => void tensors.push({ name, dtype: "F32", shape, data });
  add("model.embed_tokens.weight", [c.vocab, c.dim], f32(tensorNames.embedding));
  add("model.norm.weight", [c.dim], f32(tensorNames.outputNorm));
  add("lm_head.weight", [c.vocab, c.dim], f32(tensorNames.output));
  for (let l = 0; l < c.layers; l++) {
    const n = tensorNames.layer(l);
    const p = `model.layers.${l}`;
    add(`${p}.input_layernorm.weight`, [c.dim], f32(n.attnNorm));
    add(`${p}.self_attn.q_proj.weight`, [c.heads * c.headDim, c.dim], unpermute(f32(n.q), c.heads, c.headDim, c.dim));
    add(`${p}.self_attn.k_proj.weight`, [c.kvHeads * c.headDim, c.dim], unpermute(f32(n.k), c.kvHeads, c.headDim, c.dim));
    add(`${p}.self_attn.v_proj.weight`, [c.kvHeads * c.headDim, c.dim], f32(n.v));
    add(`${p}.self_attn.o_proj.weight`, [c.dim, c.heads * c.headDim], f32(n.o));
    add(`${p}.post_attention_layernorm.weight`, [c.dim], f32(n.ffnNorm));
    add(`${p}.mlp.gate_proj.weight`, [c.hidden, c.dim], f32(n.gate));
    add(`${p}.mlp.up_proj.weight`, [c.hidden, c.dim], f32(n.up));
    add(`${p}.mlp.down_proj.weight`, [c.dim, c.hidden], f32(n.down));
  }
  mkdirSync(path);
  writeSafetensors(join(path, "model.safetensors"), { metadata: { format: "pt" }, tensors });
  const config = {
    architectures: ["LlamaForCausalLM"], model_type: "llama", hidden_size: c.dim, num_hidden_layers: c.layers, num_attention_heads: c.heads,
    num_key_value_heads: c.kvHeads, intermediate_size: c.hidden, vocab_size: c.vocab, max_position_embeddings: c.contextLength,
    rms_norm_eps: c.normEps, rope_theta: c.ropeTheta, tie_word_embeddings: false, torch_dtype: "float32",
  };
  writeFileSync(join(path, "config.json"), JSON.stringify(config));
}

test("a GGUF model (norm RoPE) and its Hugging Face copy (neox RoPE, q/k unpermuted) give the same logits", () => {
  const ggufPath = join(dir, "model.gguf");
  writeTinyLlama(ggufPath, { dim: 64, layers: 2, heads: 4, kvHeads: 2, hidden: 96, vocab: 60, contextLength: 32, ropeTheta: 100 }, "f32", 21);
  const gguf = openGGUFWeights(ggufPath);
  hfDirectory(gguf, join(dir, "hf"));
  const hf = openSafetensorsWeights(join(dir, "hf"));
  const [a, b] = [loadLlamaModel(gguf, { prefillChunk: 4, cacheDir: false }), loadLlamaModel(hf, { prefillChunk: 4, cacheDir: false })];
  try {
    assert.is(gguf.config.ropeStyle, "norm");
    assert.is(hf.config.ropeStyle, "neox");
    const [sa, sb] = [a.createSession(), b.createSession()];
    const errors: number[] = [];
    for (const tokens of [[1, 7, 19, 3, 44, 2], [9], [30]]) errors.push(relativeToRange(sb.evaluate(tokens), sa.evaluate(tokens)));
    console.log(`    GGUF vs Hugging Face: largest difference / logit range per step: ${errors.map((e) => e.toExponential(1)).join(" ")}`);
    errors.forEach((e, i) => assert.ok(e <= 1e-5, `step ${i}: ${e}`));
  } finally {
    a.dispose();
    b.dispose();
    gguf.close();
    hf.close();
  }
});

test.run();
