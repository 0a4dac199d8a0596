/**
 * `tensile llama` end to end through a real subprocess on a small random-weight model (LLaMA-2 vocabulary,
 * grouped-query attention): the text streams to stdout, stderr has the plain phase lines (it is not a terminal)
 * and the speed line; the same seed gives the same sampled text, and the second run's kernels come from the
 * cache; `--aot` writes a bundle whose C driver prints the same greedy text. A prompt and --max-tokens over the
 * context is an error before anything is compiled. A Hugging Face directory (safetensors + tokenizer.json) runs
 * the same way.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { llamaMain } from "../../cli/tensile-llama.ts";
import { openGGUF } from "../../frontends/gguf/index.ts";
import { buildLlamaBundle } from "../../frontends/models/llama/aot.ts";
import { writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { writeSafetensors } from "../../frontends/safetensors/writer.ts";
import { vocabularyFromGGUF } from "../../frontends/tokenizer/index.ts";
import { tokenizerJSONFromVocabulary } from "../support/tokenizer-json.ts";

const cli = join(import.meta.dirname, "../../cli/tensile.js");
const dir = mkdtempSync(join(tmpdir(), "tensile-llama-run-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const llama = (args: readonly string[]) =>
  spawnSync("node", [cli, "llama", ...args], { encoding: "utf8", timeout: 300_000, env: { ...process.env, XDG_CACHE_HOME: join(dir, "cache") } });

const model = join(dir, "gqa.gguf");
writeRandomLlamaGGUF(model, { dim: 64, layers: 2, heads: 4, kvHeads: 2, hidden: 192, contextLength: 128 }, { seed: 11 });
const common = ["--model", model, "--prompt", "Once upon a time", "--max-tokens", "12", "--ctx", "64"];
const SPEED = /^tensile llama: prefill 5 tokens at [\d.]+ tok\/s, decode \d+ tokens at [\d.]+ tok\/s, compile [\d.]+ s \(kernels (compiled|from the cache)\), peak RSS \d+ MiB, seed \d+$/m;

test("greedy: streamed text, phase lines and the speed line; --aot's bundle prints the same text", () => {
  const r = llama([...common, "--temp", "0", "--aot", join(dir, "bundle")]);
  assert.is(r.status, 0, r.stderr);
  assert.ok(r.stdout.trim().length > 0 && r.stdout.endsWith("\n"), JSON.stringify(r.stdout));
  assert.match(r.stderr, /^tensile llama: .*gqa\.gguf: gguf, dim 64, 2 layers, 4 heads \(2 KV\), FFN 192, vocab 32000, [\d.]+ MiB of weights$/m);
  assert.match(r.stderr, /^tensile llama: load: 2 of 2 done in [\d.]+ s$/m);
  assert.match(r.stderr, /^tensile llama: compile: 4 of 4 done in [\d.]+ s$/m);
  assert.match(r.stderr, SPEED);
  assert.match(r.stderr, /\(kernels compiled\)/);
  assert.not.match(r.stderr, /\x1b\[/, "no terminal escapes when stderr is not a terminal");
  const exe = buildLlamaBundle({ dir: join(dir, "bundle"), buildScript: join(dir, "bundle", "build.sh"), executable: join(dir, "bundle", "llama_main") });
  const c = spawnSync(exe, [], { cwd: join(dir, "bundle"), encoding: "utf8" });
  assert.is(c.status, 0, c.stderr);
  assert.is(c.stdout, r.stdout);
});

test("sampling: the same seed gives the same text; the kernels come from the cache", () => {
  const a = llama([...common, "--temp", "1.5", "--top-k", "0", "--top-p", "1", "--seed", "7"]);
  const b = llama([...common, "--temp", "1.5", "--top-k", "0", "--top-p", "1", "--seed", "7", "--quiet"]);
  assert.is(a.status, 0, a.stderr);
  assert.is(b.status, 0, b.stderr);
  assert.is(a.stdout, b.stdout);
  assert.match(a.stderr, /\(kernels from the cache\), .*seed 7$/m);
  assert.is(b.stderr, "", "--quiet: nothing on stderr");
});

test("prompt + --max-tokens over the context, --ctx over the model's: errors before compiling", () => {
  const run = (args: readonly string[]) => {
    let err = "";
    const status = llamaMain(args, { out: () => {}, err: (t) => void (err += t) });
    return { status, err };
  };
  const over = run(["--model", model, "--prompt", "Once upon a time", "--max-tokens", "60", "--ctx", "64", "--quiet"]);
  assert.is(over.status, 1);
  assert.match(over.err, /^tensile llama: the prompt \(5 tokens with BOS\) plus --max-tokens 60 is 65 tokens, over --ctx 64\n$/);
  const model128 = run(["--model", model, "--prompt", "hi", "--max-tokens", "200", "--quiet"]);
  assert.match(model128.err, /over the context length 128 \(the model's; --ctx sets it\)/);
  const big = run(["--model", model, "--prompt", "hi", "--ctx", "4096", "--quiet"]);
  assert.match(big.err, /^tensile llama: --ctx 4096 is over the model's context length 128\n$/);
});

test("a Hugging Face directory (config.json, model.safetensors, tokenizer.json) runs the same way", () => {
  const hf = join(dir, "hf");
  mkdirSync(hf);
  const source = openGGUF(model);
  try {
    writeFileSync(join(hf, "tokenizer.json"), JSON.stringify(tokenizerJSONFromVocabulary(vocabularyFromGGUF(source.metadata))));
  } finally {
    source.close();
  }
  const [d, h, v, heads, kvHeads] = [64, 192, 32000, 4, 2];
  writeFileSync(join(hf, "config.json"), JSON.stringify({ hidden_size: d, num_hidden_layers: 1, num_attention_heads: heads, num_key_value_heads: kvHeads, intermediate_size: h, vocab_size: v, max_position_embeddings: 128, rms_norm_eps: 1e-5, tie_word_embeddings: true }));
  let seed = 3;
  const random = (shape: number[], scale: number) => Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * scale);
  const kv = (kvHeads * d) / heads;
  const tensors = Object.entries({
    "model.embed_tokens.weight": [[v, d], 1], "model.norm.weight": [[d], 0], "model.layers.0.input_layernorm.weight": [[d], 0],
    "model.layers.0.post_attention_layernorm.weight": [[d], 0], "model.layers.0.self_attn.q_proj.weight": [[d, d], 0.4],
    "model.layers.0.self_attn.k_proj.weight": [[kv, d], 0.4], "model.layers.0.self_attn.v_proj.weight": [[kv, d], 0.4],
    "model.layers.0.self_attn.o_proj.weight": [[d, d], 0.4], "model.layers.0.mlp.gate_proj.weight": [[h, d], 0.4],
    "model.layers.0.mlp.up_proj.weight": [[h, d], 0.4], "model.layers.0.mlp.down_proj.weight": [[d, h], 0.2],
  } as Record<string, [number[], number]>).map(([name, [shape, scale]]) => ({ name, dtype: "F32" as const, shape, data: scale === 0 ? new Float32Array(shape[0]!).fill(1) : random(shape, scale) }));
  writeSafetensors(join(hf, "model.safetensors"), { tensors });

  const r = llama(["--model", hf, "--prompt", "Once upon a time", "--max-tokens", "6", "--temp", "0", "--ctx", "32"]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stderr, /: safetensors, dim 64, 1 layer, 4 heads \(2 KV\), FFN 192, vocab 32000,/);
  assert.match(r.stderr, /^tensile llama: prefill 5 tokens at [\d.]+ tok\/s, decode 5 tokens at/m);
  assert.ok(r.stdout.trim().length > 0, JSON.stringify(r.stdout));
  const aot = llama(["--model", hf, "--prompt", "hi", "--aot", join(dir, "no-bundle")]);
  assert.is(aot.status, 1);
  assert.match(aot.stderr, /--aot needs a GGUF model .* is a safetensors model/);
});

test.run();
