/**
 * generate() end to end on the real parts: a random-weight GGUF file of the tiny shape with the real LLaMA-2
 * vocabulary, its tokenizer (frontends/tokenizer), Tensile's compiled model (loadLlamaModel), and llama.cpp as
 * the reference: greedy generation gives llama.cpp's 16 tokens for the same prompt and streams text that
 * continues the prompt's; top-k 1 at any temperature is greedy; sampled runs repeat with their seed; a prompt
 * plus maxTokens beyond the session's context fails before any evaluation, leaving the session empty.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generate } from "../../frontends/models/llama/generate.ts";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { shapes, writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
import { LlamaError, type LlamaModel, type WeightSource } from "../../frontends/models/llama/types.ts";
import { loadTokenizer, type Tokenizer } from "../../frontends/tokenizer/index.ts";
import { ReferenceModel } from "../support/llama-cpp.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-generate-model-"));
const path = join(dir, "tiny.gguf");
const CONTEXT = 64;
let source: WeightSource;
let model: LlamaModel;
let tokenizer: Tokenizer;
test.before(() => {
  writeRandomLlamaGGUF(path, shapes.tiny, { seed: 3 });
  tokenizer = loadTokenizer(path);
  source = openGGUFWeights(path);
  model = loadLlamaModel(source, { contextLength: CONTEXT, cacheDir: join(dir, "kernels") });
});
test.after(() => {
  model?.dispose();
  source?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PROMPT = "The quick brown fox";

function run(options: Parameters<typeof generate>[3]) {
  const session = model.createSession();
  try {
    const streamed: string[] = [];
    const stats = generate(session, tokenizer, PROMPT, { ...options, onToken: (t) => streamed.push(t) });
    assert.is(streamed.join(""), stats.text);
    return stats;
  } finally {
    session.dispose();
  }
}

test("greedy generation gives llama.cpp's tokens, and text that continues the prompt's", async () => {
  const stats = run({ maxTokens: 16, sampling: { temperature: 0 }, stopAtEos: false });
  const reference = await ReferenceModel.load(path, { contextSize: 256 });
  try {
    const prompt = reference.tokenize(PROMPT, { addBos: true });
    assert.equal([1, ...tokenizer.encode(PROMPT)], prompt, "the same prompt ids");
    assert.equal(stats.tokens, await reference.greedy(prompt, 16));
    assert.is(tokenizer.decode([...prompt, ...stats.tokens]), tokenizer.decode(prompt) + stats.text);
  } finally {
    await reference.dispose();
  }
  assert.equal([stats.promptTokens, stats.generatedTokens, stats.decodeSteps, stats.stoppedBy], [6, 16, 15, "maxTokens"]);
  assert.ok(stats.prefillSeconds > 0 && stats.decodeSeconds > 0);
  assert.equal(run({ maxTokens: 16, sampling: { temperature: 1.5, topK: 1 }, stopAtEos: false }).tokens, stats.tokens, "top-k 1 is greedy");
});

test("sampled generation repeats with its seed and differs with another", () => {
  const sampling = { temperature: 1.2, topK: 0, topP: 1 };
  const a = run({ maxTokens: 12, sampling: { ...sampling, seed: 5 }, stopAtEos: false }).tokens;
  assert.equal(run({ maxTokens: 12, sampling: { ...sampling, seed: 5 }, stopAtEos: false }).tokens, a);
  assert.not.equal(run({ maxTokens: 12, sampling: { ...sampling, seed: 6 }, stopAtEos: false }).tokens, a);
});

test("prompt + maxTokens beyond the context: a LlamaError before any evaluation", () => {
  const session = model.createSession();
  try {
    assert.is(session.contextLength, CONTEXT);
    assert.throws(() => generate(session, tokenizer, PROMPT, { maxTokens: CONTEXT - 5 }), (e: unknown) => e instanceof LlamaError && /the prompt \(6 tokens\) plus 59 generated tokens exceed the context: 64 tokens/.test(e.message));
    assert.is(session.position, 0);
    const fits = generate(session, tokenizer, PROMPT, { maxTokens: CONTEXT - 6, sampling: { temperature: 0 }, stopAtEos: false });
    assert.is(fits.generatedTokens, CONTEXT - 6);
    assert.is(session.position, CONTEXT - 1, "the last token is never evaluated");
  } finally {
    session.dispose();
  }
});

test.run();
