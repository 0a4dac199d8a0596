/**
 * Tensile's compiled LLaMA against llama.cpp (test/support/llama-cpp.ts: CPU, f32 KV cache, no flash attention)
 * on the same random-weight GGUF files with the real 32000-token vocabulary (random-gguf.ts):
 * - f32 files (llama2.c's stories15M shape, dim 288 / 6 layers, and a grouped-query shape, 8 heads sharing
 *   2 KV heads): the next-token log-probabilities after a multi-token prompt agree within 1e-4 of their range
 *   (log-softmax shifts logits by a constant, so this is the logits' agreement up to that shift), and greedy
 *   generation gives the same 32 tokens;
 * - f16 and q8_0 files: the same 16 greedy tokens, and log-probabilities within a stated tolerance. Tensile
 *   multiplies the stored weights in f32; llama.cpp rounds the activations to the weight's kind first (f16 for
 *   f16 weights, q8_0 blocks for q8_0: ggml's vec_dot_type), a relative error of about 2^-11 (f16) or 1/254 of a
 *   block's largest value (q8_0) per product input, which the layers carry to the logits.
 * The measured figures are printed. TENSILE_LLAMA_CPP_768=1 also runs the dim 768 / 12 layer shape (f32, 32
 * greedy tokens; about a minute more).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { type RandomLlamaShape, shapes, writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
import type { LlamaSession, WeightType } from "../../frontends/models/llama/types.ts";
import { logitsAgreement, ReferenceModel } from "../support/llama-cpp.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-llama-cpp-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** "The quick brown fox jumps over the lazy dog" with BOS, as LLaMA-2's tokenizer gives it. */
const prompt = [1, 450, 4996, 17354, 1701, 29916, 432, 17204, 975, 278, 17366, 11203];

/** argmax, the lowest id on ties (llama.cpp's greedy choice). */
function argmax(v: Float32Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if ((v[i] as number) > (v[best] as number)) best = i;
  return best;
}

function greedy(session: LlamaSession, count: number, eos: number): number[] {
  const out: number[] = [];
  let logits = session.evaluate(prompt);
  while (out.length < count) {
    const next = argmax(logits);
    out.push(next);
    if (next === eos) break;
    logits = session.evaluate([next]);
  }
  return out;
}

async function compare(name: string, shape: RandomLlamaShape, type: WeightType, steps: number, tolerance: number): Promise<void> {
  const path = join(dir, `${name}-${type}.gguf`);
  writeRandomLlamaGGUF(path, shape, { weightType: type, seed: 11 });
  const reference = await ReferenceModel.load(path, { contextSize: 256, threads: 1 });
  const source = openGGUFWeights(path);
  const model = loadLlamaModel(source, { contextLength: 64, prefillChunk: 8, cacheDir: false });
  try {
    const want = await reference.logProbabilities(prompt);
    const session = model.createSession();
    const difference = logitsAgreement(session.evaluate(prompt), want).relative;
    session.reset();
    const ours = greedy(session, steps, 2);
    const theirs = await reference.greedy(prompt, steps);
    console.log(`    ${name} ${type}: log-probabilities within ${difference.toExponential(2)} of the logit range; greedy: ${ours.length} tokens, ${ours.filter((t, i) => t === theirs[i]).length} equal (${ours.slice(0, 8).join(" ")} ...)`);
    assert.ok(difference <= tolerance, `${name} ${type}: ${difference} > ${tolerance}`);
    assert.equal(ours, theirs);
  } finally {
    model.dispose();
    source.close();
    await reference.dispose();
  }
}

test("f32, stories15M shape (dim 288, 6 layers): logits within 1e-4 of the range, 32 greedy tokens equal", () => compare("stories15M", shapes.stories15M, "f32", 32, 1e-4));
test("f32, grouped-query attention (8 heads, 2 KV heads): logits within 1e-4 of the range, 32 greedy tokens equal", () => compare("gqa", shapes.gqa, "f32", 32, 1e-4));
test("f16 (GQA shape): 16 greedy tokens equal, logits within 2e-3 of the range", () => compare("gqa", shapes.gqa, "f16", 16, 2e-3));
test("q8_0 (GQA shape): 16 greedy tokens equal, logits within 2e-2 of the range", () => compare("gqa", shapes.gqa, "q8_0", 16, 2e-2));
if (process.env.TENSILE_LLAMA_CPP_768 === "1")
  test("f32, dim 768 / 12 layers: logits within 1e-4 of the range, 32 greedy tokens equal", () => compare("dim768", shapes.dim768, "f32", 32, 1e-4));

test.run();
