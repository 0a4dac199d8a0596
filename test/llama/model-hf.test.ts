/**
 * The same model from a GGUF file and from a Hugging Face directory (config.json + safetensors) gives the same
 * logits: the HF copy has llama.cpp's conversion undone on q and k (HF row (head, a, j) is GGUF row
 * (head, 2j + a): the converter's permutation), so the GGUF model rotates adjacent pairs ("norm" RoPE) and the
 * HF model rotates halves ("neox"). Prefill over two chunks, then decode; within 1e-5 of the logit range (the
 * only differences are the orders of f32 sums).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { openSafetensorsWeights } from "../../frontends/models/llama/safetensors-source.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
import { writeHFDirectory } from "./hf-directory.ts";
import { writeTinyLlama } from "./model-fixtures.ts";
import { relativeToRange } from "./model-reference.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-llama-hf-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test("a GGUF model (norm RoPE) and its Hugging Face copy (neox RoPE, q/k unpermuted) give the same logits", () => {
  const ggufPath = join(dir, "model.gguf");
  writeTinyLlama(ggufPath, { dim: 64, layers: 2, heads: 4, kvHeads: 2, hidden: 96, vocab: 60, contextLength: 32, ropeTheta: 100 }, "f32", 21);
  const gguf = openGGUFWeights(ggufPath);
  writeHFDirectory(gguf, join(dir, "hf"));
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
