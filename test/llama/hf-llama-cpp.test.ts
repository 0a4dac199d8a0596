/**
 * A Hugging Face model directory against llama.cpp on the same weights: a random-weight GGUF file (grouped-query
 * attention, RoPE base 20000, linear RoPE scaling 2) is turned into what Hugging Face's checkpoint of it would be —
 * config.json and model.safetensors with HF's tensor names, and the q/k rows un-permuted (llama.cpp's converter
 * permutes them so that its adjacent-pair RoPE matches HF's half-split one; see `unpermute`). Tensile on the
 * directory (openSafetensorsWeights: ropeStyle "neox") and llama.cpp on the GGUF file give the same next-token
 * log-probabilities within 1e-4 of their range after a multi-token prompt, and the same 16 greedy tokens through
 * generate(). This checks the name mapping, the config decoding and the neox RoPE path end to end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openGGUF } from "../../frontends/gguf/index.ts";
import { generate } from "../../frontends/models/llama/generate.ts";
import { writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { openSafetensorsWeights } from "../../frontends/models/llama/safetensors-source.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
import { tensorNames } from "../../frontends/models/llama/types.ts";
import { type SafetensorsTensorToWrite, writeSafetensors } from "../../frontends/safetensors/index.ts";
import { loadTokenizer } from "../../frontends/tokenizer/index.ts";
import { ReferenceModel } from "../support/llama-cpp.ts";
import { relativeToRange } from "./model-reference.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-hf-llama-cpp-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const shape = { dim: 128, layers: 2, heads: 8, kvHeads: 2, hidden: 320, contextLength: 256, ropeTheta: 20000, ropeScaling: { type: "linear", factor: 2 } } as const;
const headDim = shape.dim / shape.heads;

/**
 * HF's row order of a q or k matrix from llama.cpp's: the converter's `permute` puts HF row h*hd + a*hd/2 + b
 * (head h, half a, pair b) at GGUF row h*hd + 2b + a; this undoes it.
 */
function unpermute(rows: Float32Array, heads: number, dim: number): Float32Array {
  const out = new Float32Array(rows.length);
  const half = headDim / 2;
  for (let h = 0; h < heads; h++) {
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < half; b++) {
        const from = (h * headDim + 2 * b + a) * dim;
        out.set(rows.subarray(from, from + dim), (h * headDim + a * half + b) * dim);
      }
    }
  }
  return out;
}

/** Writes the HF directory of the GGUF file at `gguf`: config.json and model.safetensors (f32). */
function writeHFDirectory(gguf: string, hf: string): void {
  const file = openGGUF(gguf);
  try {
    const data = (name: string) => Float32Array.from(file.tensorData(`${name}.weight`) as Float32Array);
    const tensors: SafetensorsTensorToWrite[] = [];
    const add = (hfName: string, name: string, shape: number[], rows?: (x: Float32Array) => Float32Array) =>
      tensors.push({ name: hfName, dtype: "F32", shape, data: rows ? rows(data(name)) : data(name) });
    const { dim, hidden, heads, kvHeads } = shape;
    add("model.embed_tokens.weight", tensorNames.embedding, [32000, dim]);
    for (let i = 0; i < shape.layers; i++) {
      const n = tensorNames.layer(i);
      const p = `model.layers.${i}`;
      add(`${p}.input_layernorm.weight`, n.attnNorm, [dim]);
      add(`${p}.self_attn.q_proj.weight`, n.q, [heads * headDim, dim], (x) => unpermute(x, heads, dim));
      add(`${p}.self_attn.k_proj.weight`, n.k, [kvHeads * headDim, dim], (x) => unpermute(x, kvHeads, dim));
      add(`${p}.self_attn.v_proj.weight`, n.v, [kvHeads * headDim, dim]);
      add(`${p}.self_attn.o_proj.weight`, n.o, [dim, heads * headDim]);
      add(`${p}.post_attention_layernorm.weight`, n.ffnNorm, [dim]);
      add(`${p}.mlp.gate_proj.weight`, n.gate, [hidden, dim]);
      add(`${p}.mlp.up_proj.weight`, n.up, [hidden, dim]);
      add(`${p}.mlp.down_proj.weight`, n.down, [dim, hidden]);
    }
    add("model.norm.weight", tensorNames.outputNorm, [dim]);
    add("lm_head.weight", tensorNames.output, [32000, dim]);
    mkdirSync(hf);
    writeSafetensors(join(hf, "model.safetensors"), { metadata: { format: "pt" }, tensors });
    writeFileSync(join(hf, "config.json"), JSON.stringify({
      architectures: ["LlamaForCausalLM"], model_type: "llama", hidden_act: "silu", hidden_size: dim, intermediate_size: hidden,
      num_hidden_layers: shape.layers, num_attention_heads: heads, num_key_value_heads: kvHeads, vocab_size: 32000,
      max_position_embeddings: shape.contextLength, rms_norm_eps: 1e-5, rope_theta: shape.ropeTheta,
      rope_scaling: { type: "linear", factor: shape.ropeScaling.factor }, tie_word_embeddings: false, torch_dtype: "float32",
    }));
  } finally {
    file.close();
  }
}

function logSoftmax(logits: Float32Array): Float64Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  let sum = 0;
  for (const v of logits) sum += Math.exp(v - max);
  return Float64Array.from(logits, (v) => v - max - Math.log(sum));
}

test("Tensile on the HF directory = llama.cpp on the GGUF file: log-probabilities within 1e-4 of their range, 16 greedy tokens", async () => {
  const gguf = join(dir, "model.gguf");
  const hf = join(dir, "hf");
  writeRandomLlamaGGUF(gguf, shape, { seed: 21 });
  writeHFDirectory(gguf, hf);
  const tokenizer = loadTokenizer(gguf);
  const source = openSafetensorsWeights(hf);
  const model = loadLlamaModel(source, { contextLength: 64, prefillChunk: 8, cacheDir: false });
  const reference = await ReferenceModel.load(gguf, { contextSize: 256 });
  try {
    assert.is(source.config.ropeStyle, "neox");
    const promptText = "The quick brown fox jumps over the lazy dog";
    const prompt = reference.tokenize(promptText, { addBos: true });
    const session = model.createSession();
    try {
      const difference = relativeToRange(logSoftmax(session.evaluate(prompt)), await reference.logProbabilities(prompt));
      session.reset();
      const ours = generate(session, tokenizer, promptText, { maxTokens: 16, sampling: { temperature: 0 }, stopAtEos: false }).tokens;
      const theirs = await reference.greedy(prompt, 16);
      console.log(`    HF directory vs llama.cpp: log-probabilities within ${difference.toExponential(2)} of their range; greedy ${ours.filter((t, i) => t === theirs[i]).length}/16 equal`);
      assert.ok(difference <= 1e-4, `${difference}`);
      assert.equal(ours, theirs);
    } finally {
      session.dispose();
    }
  } finally {
    model.dispose();
    source.close();
    await reference.dispose();
  }
});

test.run();
