/**
 * A Hugging Face model directory against llama.cpp on the same weights: a random-weight GGUF file (grouped-query
 * attention, RoPE base 20000, linear RoPE scaling 2) is turned into what Hugging Face's checkpoint of it would be —
 * config.json and model.safetensors with HF's tensor names, and the q/k rows un-permuted (llama.cpp's converter
 * permutes them so that its adjacent-pair RoPE matches HF's half-split one; see hf-directory.ts). Tensile on the
 * directory (openSafetensorsWeights: ropeStyle "neox") and llama.cpp on the GGUF file give the same next-token
 * log-probabilities within 1e-4 of their range after a multi-token prompt, and the same 16 greedy tokens through
 * generate(). This checks the name mapping, the config decoding and the neox RoPE path end to end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generate } from "../../frontends/models/llama/generate.ts";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { openSafetensorsWeights } from "../../frontends/models/llama/safetensors-source.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
import { loadTokenizer } from "../../frontends/tokenizer/index.ts";
import { logSoftmax, ReferenceModel } from "../support/llama-cpp.ts";
import { writeHFDirectory } from "./hf-directory.ts";
import { relativeToRange } from "./model-reference.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-hf-llama-cpp-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const shape = { dim: 128, layers: 2, heads: 8, kvHeads: 2, hidden: 320, contextLength: 256, ropeTheta: 20000, ropeScaling: { type: "linear", factor: 2 } } as const;

test("Tensile on the HF directory = llama.cpp on the GGUF file: log-probabilities within 1e-4 of their range, 16 greedy tokens", async () => {
  const gguf = join(dir, "model.gguf");
  const hf = join(dir, "hf");
  writeRandomLlamaGGUF(gguf, shape, { seed: 21 });
  const ggufSource = openGGUFWeights(gguf);
  try {
    writeHFDirectory(ggufSource, hf);
  } finally {
    ggufSource.close();
  }
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
