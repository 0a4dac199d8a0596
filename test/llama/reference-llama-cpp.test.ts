/**
 * llama.cpp as the reference (test/support/llama-cpp.ts) on random-weight LLaMA files
 * (frontends/models/llama/random-gguf.ts): llama.cpp loads them in every weight type, tokenizes with the real
 * LLaMA-2 vocabulary, gives a normalized next-token distribution whose argmax is its greedy choice, and greedy
 * generation is deterministic. The files themselves: deterministic in the seed, with the metadata and the
 * tensor names, types and scales the module promises.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dequantizeQ8_0, f16BitsToNumber, bf16BitsToNumber, openGGUF } from "../../frontends/gguf/index.ts";
import { randomLlamaConfig, shapes, writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { logitsAgreement, ReferenceModel } from "../support/llama-cpp.ts";
import { ReferenceLlama } from "./model-reference.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-llama-ref-"));
const models: ReferenceModel[] = [];
test.after(async () => {
  for (const m of models) await m.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const f32Path = join(dir, "tiny-f32.gguf");
writeRandomLlamaGGUF(f32Path, shapes.tiny, { seed: 7 });
let f32Model: ReferenceModel | undefined;
async function reference(): Promise<ReferenceModel> {
  if (f32Model === undefined) {
    f32Model = await ReferenceModel.load(f32Path, { contextSize: 256, threads: 1 });
    models.push(f32Model);
  }
  return f32Model;
}

const fox = [1, 450, 4996, 17354, 1701, 29916];

test("llama.cpp loads a random f32 file and tokenizes with the real LLaMA-2 vocabulary", async () => {
  const m = await reference();
  assert.is(m.bos, 1);
  assert.is(m.eos, 2);
  assert.is(m.vocabSize, 32000);
  assert.ok(m.contextSize >= 256);
  assert.equal(m.tokenize("The quick brown fox", { addBos: true }), fox);
  assert.equal(m.tokenize("The quick brown fox"), fox.slice(1));
  // The leading-space rule: the first piece gets "▁"; the detokenizer keeps the space when BOS comes first.
  assert.is(m.detokenize(fox.slice(1)), "The quick brown fox");
  assert.is(m.detokenize(fox), " The quick brown fox");
  assert.is(m.detokenize(fox, { specialTokens: true }), "<s> The quick brown fox");
  // Special-token text is parsed only when asked; the text after a special token gets the leading space too.
  assert.equal(m.tokenize("<s>x", { specialTokens: true }), [1, 921]);
  assert.equal(m.tokenize("<s>x"), [529, 29879, 29958, 29916]);
});

test("the next-token distribution sums to 1, its argmax is the greedy token, greedy generation is deterministic", async () => {
  const m = await reference();
  const logp = await m.logProbabilities(fox);
  assert.is(logp.length, 32000);
  let sum = 0;
  let argmax = 0;
  for (let i = 0; i < logp.length; i++) {
    sum += Math.exp(logp[i] as number);
    if ((logp[i] as number) > (logp[argmax] as number)) argmax = i;
  }
  assert.ok(Math.abs(sum - 1) < 1e-4, `sum of p = ${sum}`);
  // Random weights: a flat but not uniform distribution (logits of standard deviation about 2).
  assert.ok((logp[argmax] as number) > -Math.log(32000) + 1, `max ln p = ${logp[argmax]}`);
  const first = await m.greedy(fox, 12);
  assert.is(first.length, 12);
  assert.is(first[0], argmax);
  assert.equal(await m.greedy(fox, 12), first);
  assert.ok(new Set(first).size > 1, `greedy text is not one token repeated: ${first}`);
  const traced = await m.greedyWithMargins(fox, 12);
  assert.equal(traced.tokens, first, "the traced greedy run chooses the same tokens");
  assert.is(traced.margins.length, 12);
  assert.ok(traced.margins.every((x) => x >= 0 && Number.isFinite(x)), `margins ${traced.margins}`);
  assert.ok(Math.abs((traced.margins[0] as number) - ((logp[argmax] as number) - [...logp].sort((a, b) => b - a)[1]!)) < 1e-5);
  // Evaluating from an empty cache each time: the same prompt gives the same distribution.
  assert.equal(await m.logProbabilities(fox), logp);
});

test("llama.cpp agrees with a double-precision LLaMA written from the definition (test/llama/model-reference.ts) on random files", async () => {
  // The chain the model tests rest on: these files mean to llama.cpp what the LLaMA definition says (RoPE
  // pairs, GQA head sharing, RMSNorm, SwiGLU, tied head), to well within the 1e-4 of the logit range.
  const cases = [
    { path: f32Path, shape: "tiny" },
    { path: join(dir, "gqa-tied-f32.gguf"), shape: "gqa", write: () => writeRandomLlamaGGUF(join(dir, "gqa-tied-f32.gguf"), shapes.gqa, { seed: 11, tied: true }) },
  ];
  const prompt = [1, 450, 4996, 17354, 1701, 29916, 432, 17204];
  for (const c of cases) {
    c.write?.();
    const source = openGGUFWeights(c.path);
    try {
      const oracle = new ReferenceLlama(source);
      const m = c.path === f32Path ? await reference() : await ReferenceModel.load(c.path, { contextSize: 256 });
      if (m !== f32Model) models.push(m);
      let logits: Float64Array = new Float64Array(0);
      for (const t of prompt) logits = oracle.step(t);
      const agreement = logitsAgreement(logits, await m.logProbabilities(prompt));
      assert.ok(agreement.relative < 1e-5, `${c.shape}: max |error| ${agreement.maxError} over a range of ${agreement.range}`);
      assert.ok(agreement.sameArgmax);
      // Greedy: the oracle's argmax token by token gives llama.cpp's 12 tokens.
      const expected = await m.greedy(prompt, 12);
      const ours: number[] = [];
      for (let i = 0; i < 12; i++) {
        let best = 0;
        for (let j = 1; j < logits.length; j++) if ((logits[j] as number) > (logits[best] as number)) best = j;
        ours.push(best);
        logits = oracle.step(best);
      }
      assert.equal(ours, expected, c.shape);
    } finally {
      source.close();
    }
  }
});

test("timing a prefill and a decode gives counts and positive rates", async () => {
  const m = await reference();
  const t = await m.time(fox, 8);
  assert.is(t.promptTokens, 6);
  assert.is(t.decodeTokens, 8);
  assert.ok(t.prefillSeconds > 0 && t.decodeSeconds > 0);
  assert.ok(t.prefillTokensPerSecond > 0 && Number.isFinite(t.decodeTokensPerSecond));
});

test("f16, bf16 and q8_0 files (tied and untied) load; their distributions are near the f32 file's", async () => {
  const ref = await (await reference()).logProbabilities(fox);
  // Per-element rounding of the weights moves ln p by: f16 (11 bits) under 0.01; bf16 (8 bits) under 0.1; q8_0
  // (steps of 1/127 of each block's largest value, and llama.cpp rounds the activations to q8_0 too) ~0.14 at
  // the worst of the 32000 tokens here. Another seed's model differs by several units (checked below).
  const cases = [
    { weightType: "f16", tied: false, tol: 0.02 },
    { weightType: "bf16", tied: false, tol: 0.1 },
    { weightType: "q8_0", tied: false, tol: 0.25 },
  ] as const;
  for (const c of cases) {
    const path = join(dir, `tiny-${c.weightType}.gguf`);
    writeRandomLlamaGGUF(path, shapes.tiny, { seed: 7, weightType: c.weightType, tied: c.tied });
    const m = await ReferenceModel.load(path, { contextSize: 256 });
    models.push(m);
    const logp = await m.logProbabilities(fox);
    assert.is(m.vocabSize, 32000);
    let worst = 0;
    for (let i = 0; i < logp.length; i++) worst = Math.max(worst, Math.abs((logp[i] as number) - (ref[i] as number)));
    assert.ok(worst < c.tol, `${c.weightType}: max |ln p - ln p(f32)| = ${worst}`);
  }
  const otherPath = join(dir, "tiny-other-seed.gguf");
  writeRandomLlamaGGUF(otherPath, shapes.tiny, { seed: 8 });
  const other = await ReferenceModel.load(otherPath, { contextSize: 256 });
  models.push(other);
  const otherLogp = await other.logProbabilities(fox);
  let otherWorst = 0;
  for (let i = 0; i < otherLogp.length; i++) otherWorst = Math.max(otherWorst, Math.abs((otherLogp[i] as number) - (ref[i] as number)));
  assert.ok(otherWorst > 2, `another seed: max |ln p - ln p(seed 7)| = ${otherWorst}`);

  const tiedPath = join(dir, "tiny-tied.gguf");
  writeRandomLlamaGGUF(tiedPath, shapes.gqa, { seed: 3, tied: true });
  const tied = await ReferenceModel.load(tiedPath, { contextSize: 256 });
  models.push(tied);
  const g = await tied.greedy(fox, 4);
  assert.is(g.length, 4);
  assert.equal(await tied.greedy(fox, 4), g);
});

test("random files: deterministic in the seed, with llama's metadata, tensor names, types and scales", () => {
  const again = join(dir, "again.gguf");
  writeRandomLlamaGGUF(again, shapes.tiny, { seed: 7 });
  assert.ok(readFileSync(again).equals(readFileSync(f32Path)), "same seed, same bytes");
  writeRandomLlamaGGUF(again, shapes.tiny, { seed: 8 });
  assert.not.ok(readFileSync(again).equals(readFileSync(f32Path)), "another seed, other bytes");

  const q8 = join(dir, "gqa-q8.gguf");
  const written = writeRandomLlamaGGUF(q8, shapes.gqa, { seed: 5, weightType: "q8_0", tied: true });
  assert.equal(written.config, randomLlamaConfig(shapes.gqa, true));
  const f = openGGUF(q8);
  try {
    const u32 = (k: string) => { const v = f.get(k); return v?.type === "u32" ? v.value : undefined; };
    assert.is(f.get("general.architecture")?.type === "string" && (f.get("general.architecture") as { value: string }).value, "llama");
    assert.equal(
      [u32("llama.embedding_length"), u32("llama.block_count"), u32("llama.attention.head_count"), u32("llama.attention.head_count_kv"), u32("llama.feed_forward_length"), u32("llama.rope.dimension_count"), u32("general.file_type")],
      [256, 4, 8, 2, 768, 32, 7],
    );
    assert.is(f.tensors.length, 2 + 4 * 9, "embedding, output norm, 9 per layer, no output (tied)");
    const info = (name: string) => f.tensors.find((t) => t.name === name);
    assert.equal(info("blk.1.attn_k.weight")?.dims, [256, 64]);
    assert.is(info("blk.1.attn_k.weight")?.type.name, "q8_0");
    assert.is(info("blk.1.ffn_norm.weight")?.type.name, "f32");
    assert.is(info("output.weight"), undefined);
    // Scales: a linear's values have variance 1/in; norms lie in 1 ± 0.1.
    const down = dequantizeQ8_0(f.tensorData("blk.2.ffn_down.weight") as Uint8Array);
    const variance = down.reduce((s, x) => s + x * x, 0) / down.length;
    assert.ok(Math.abs(variance * 768 - 1) < 0.05, `ffn_down variance x in = ${variance * 768}`);
    const norm = f.tensorData("blk.2.ffn_norm.weight") as Float32Array;
    assert.ok(norm.every((x) => x >= 0.9 && x <= 1.1) && new Set(norm).size > 200);
  } finally {
    f.close();
  }
  // The f16 and bf16 encodings are of the same values as the f32 file's.
  writeRandomLlamaGGUF(join(dir, "enc-f16.gguf"), shapes.tiny, { seed: 7, weightType: "f16" });
  writeRandomLlamaGGUF(join(dir, "enc-bf16.gguf"), shapes.tiny, { seed: 7, weightType: "bf16" });
  const f16 = openGGUF(join(dir, "enc-f16.gguf"));
  const bf16 = openGGUF(join(dir, "enc-bf16.gguf"));
  const f32 = openGGUF(f32Path);
  try {
    const exact = f32.tensorData("blk.0.attn_q.weight") as Float32Array;
    const h = f16.tensorData("blk.0.attn_q.weight") as Uint16Array;
    const b = bf16.tensorData("blk.0.attn_q.weight") as Uint16Array;
    for (let i = 0; i < exact.length; i += 97) {
      assert.ok(Math.abs(f16BitsToNumber(h[i] as number) - (exact[i] as number)) <= Math.abs(exact[i] as number) * 2 ** -11 + 2 ** -24);
      assert.ok(Math.abs(bf16BitsToNumber(b[i] as number) - (exact[i] as number)) <= Math.abs(exact[i] as number) * 2 ** -8);
    }
  } finally {
    f16.close();
    bf16.close();
    f32.close();
  }
});

test("a shape llama.cpp or q8_0 cannot take is a clear error", () => {
  const path = join(dir, "bad.gguf");
  assert.throws(() => writeRandomLlamaGGUF(path, { ...shapes.tiny, heads: 5 }), /dim 64 is not a multiple of heads 5/);
  assert.throws(() => writeRandomLlamaGGUF(path, { ...shapes.tiny, kvHeads: 3 }), /heads 4 is not a multiple of kvHeads 3/);
  assert.throws(() => writeRandomLlamaGGUF(path, { ...shapes.tiny, hidden: 100 }, { weightType: "q8_0" }), /multiples of 32/);
  assert.throws(() => writeRandomLlamaGGUF(path, { ...shapes.tiny, layers: 0 }), /layers must be a positive integer/);
});

test.run();
