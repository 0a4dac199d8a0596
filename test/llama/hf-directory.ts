/**
 * What Hugging Face's checkpoint of a GGUF model would be, for tests: config.json and model.safetensors (f32) with
 * HF's tensor names, and the q/k rows un-permuted. llama.cpp's converter permutes them so that its adjacent-pair
 * RoPE ("norm") computes what HF's half-split RoPE ("neox") computes on the original rows; undoing it gives a
 * directory that Tensile must read as "neox" to agree with the GGUF file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tensorNames, type WeightSource } from "../../frontends/models/llama/types.ts";
import { type SafetensorsTensorToWrite, writeSafetensors } from "../../frontends/safetensors/index.ts";

/**
 * HF's row order of a q or k matrix `[heads * headDim, inF]` from llama.cpp's: the converter puts HF row
 * h*hd + a*hd/2 + b (head h, half a, pair b) at GGUF row h*hd + 2b + a; this undoes it.
 */
export function unpermuteRows(rows: Float32Array, heads: number, headDim: number, inF: number): Float32Array {
  const out = new Float32Array(rows.length);
  const half = headDim / 2;
  for (let h = 0; h < heads; h++)
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < half; b++) {
        const from = (h * headDim + 2 * b + a) * inF;
        out.set(rows.subarray(from, from + inF), (h * headDim + a * half + b) * inF);
      }
  return out;
}

/** Writes the HF directory `path` (created) of an f32 GGUF model, with its config (RoPE scaling and tying included). */
export function writeHFDirectory(gguf: WeightSource, path: string): void {
  const c = gguf.config;
  const f32 = (name: string): Float32Array => {
    const t = gguf.tensor(name);
    if (t === undefined || t.type !== "f32") throw new Error(`${name}: expected an f32 tensor`);
    return Float32Array.from(new Float32Array(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength / 4));
  };
  const tensors: SafetensorsTensorToWrite[] = [];
  const add = (name: string, shape: number[], data: Float32Array): void => void tensors.push({ name, dtype: "F32", shape, data });
  add("model.embed_tokens.weight", [c.vocab, c.dim], f32(tensorNames.embedding));
  for (let l = 0; l < c.layers; l++) {
    const n = tensorNames.layer(l);
    const p = `model.layers.${l}`;
    add(`${p}.input_layernorm.weight`, [c.dim], f32(n.attnNorm));
    add(`${p}.self_attn.q_proj.weight`, [c.heads * c.headDim, c.dim], unpermuteRows(f32(n.q), c.heads, c.headDim, c.dim));
    add(`${p}.self_attn.k_proj.weight`, [c.kvHeads * c.headDim, c.dim], unpermuteRows(f32(n.k), c.kvHeads, c.headDim, c.dim));
    add(`${p}.self_attn.v_proj.weight`, [c.kvHeads * c.headDim, c.dim], f32(n.v));
    add(`${p}.self_attn.o_proj.weight`, [c.dim, c.heads * c.headDim], f32(n.o));
    add(`${p}.post_attention_layernorm.weight`, [c.dim], f32(n.ffnNorm));
    add(`${p}.mlp.gate_proj.weight`, [c.hidden, c.dim], f32(n.gate));
    add(`${p}.mlp.up_proj.weight`, [c.hidden, c.dim], f32(n.up));
    add(`${p}.mlp.down_proj.weight`, [c.dim, c.hidden], f32(n.down));
  }
  add("model.norm.weight", [c.dim], f32(tensorNames.outputNorm));
  if (!c.tiedEmbeddings) add("lm_head.weight", [c.vocab, c.dim], f32(tensorNames.output));
  mkdirSync(path);
  writeSafetensors(join(path, "model.safetensors"), { metadata: { format: "pt" }, tensors });
  const config = {
    architectures: ["LlamaForCausalLM"], model_type: "llama", hidden_act: "silu", hidden_size: c.dim, intermediate_size: c.hidden,
    num_hidden_layers: c.layers, num_attention_heads: c.heads, num_key_value_heads: c.kvHeads, vocab_size: c.vocab,
    max_position_embeddings: c.contextLength, rms_norm_eps: c.normEps, rope_theta: c.ropeTheta,
    ...(c.ropeScaling === undefined ? {} : { rope_scaling: { type: "linear", factor: c.ropeScaling.factor } }),
    tie_word_embeddings: c.tiedEmbeddings, torch_dtype: "float32",
  };
  writeFileSync(join(path, "config.json"), JSON.stringify(config));
}
