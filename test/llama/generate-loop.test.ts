/**
 * generate's loop with the real LLaMA-2 tokenizer (frontends/tokenizer, from a random-weight GGUF file's
 * vocabulary) and a session whose logits are a fixed function of the last token — the one stand-in, because a
 * model cannot be made to choose EOS or a split UTF-8 character on cue (generate-model.test.ts runs the real
 * compiled model): the prompt is evaluated once, then each generated token but the last; greedy follows the
 * table; the reply keeps its leading space (" quick" after "The"); EOS stops the run and is neither printed nor
 * evaluated; maxTokens stops it; a character split over byte tokens comes out whole; held-back bytes come last
 * with id -1; the context check fires before any evaluation; the seed decides sampled text.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type GenerationTokenizer, generate } from "../../frontends/models/llama/generate.ts";
import { shapes, writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { LlamaError, type LlamaSession } from "../../frontends/models/llama/types.ts";
import { loadTokenizer } from "../../frontends/tokenizer/index.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-generate-loop-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, "tiny.gguf");
writeRandomLlamaGGUF(path, shapes.tiny);
const tokenizer: GenerationTokenizer = loadTokenizer(path);

const VOCAB = 32000;
const [BOS, EOS] = [1, 2];
const [THE, QUICK, BROWN] = [450, 4996, 17354]; // "▁The", "▁quick", "▁brown"
const byte = (b: number) => 3 + b; // "<0xNN>"
const EURO = [0xe2, 0x82, 0xac].map(byte); // "€" in byte-fallback tokens

/** A session whose next-token logits depend only on the last token: `next[last]` gets logit 5, the rest 0. */
class TableSession implements LlamaSession {
  position = 0;
  readonly calls: number[][] = [];
  constructor(readonly contextLength: number, private readonly next: Record<number, number>) {}
  evaluate(tokens: readonly number[]): Float32Array {
    if (this.position + tokens.length > this.contextLength) throw new LlamaError("context overflow");
    this.calls.push([...tokens]);
    this.position += tokens.length;
    const logits = new Float32Array(VOCAB);
    logits[this.next[tokens[tokens.length - 1] as number] ?? 0] = 5;
    return logits;
  }
  reset(): void { this.position = 0; }
  dispose(): void {}
}

const cycle = { [THE]: QUICK, [QUICK]: BROWN, [BROWN]: THE };

test("the tokenizer is the real one", () => {
  assert.equal(tokenizer.encode("The quick brown"), [THE, QUICK, BROWN]);
  assert.equal([tokenizer.bos, tokenizer.eos], [BOS, EOS]);
});

test("greedy follows the logits; the prompt is evaluated once, then each token but the last", () => {
  const s = new TableSession(64, cycle);
  const streamed: [string, number][] = [];
  const stats = generate(s, tokenizer, "The", { maxTokens: 5, sampling: { temperature: 0 }, onToken: (t, id) => streamed.push([t, id]) });
  assert.equal(stats.tokens, [QUICK, BROWN, THE, QUICK, BROWN]);
  assert.is(stats.text, " quick brown The quick brown");
  assert.equal(streamed, [[" quick", QUICK], [" brown", BROWN], [" The", THE], [" quick", QUICK], [" brown", BROWN]]);
  assert.equal(s.calls, [[BOS, THE], [QUICK], [BROWN], [THE], [QUICK]]);
  assert.equal([stats.promptTokens, stats.generatedTokens, stats.decodeSteps, stats.stoppedBy], [2, 5, 4, "maxTokens"]);
  assert.ok(stats.prefillSeconds >= 0 && stats.decodeSeconds >= 0);
});

test("a character split over byte tokens comes out whole; EOS stops the run, neither printed nor evaluated", () => {
  const s = new TableSession(64, { [THE]: EURO[0] as number, [EURO[0] as number]: EURO[1] as number, [EURO[1] as number]: EURO[2] as number, [EURO[2] as number]: EOS });
  const streamed: [string, number][] = [];
  const stats = generate(s, tokenizer, "The", { maxTokens: 10, sampling: { temperature: 0 }, addBos: false, onToken: (t, id) => streamed.push([t, id]) });
  assert.equal(stats.tokens, EURO);
  assert.is(stats.stoppedBy, "eos");
  assert.equal(s.calls, [[THE], ...EURO.map((id) => [id])]);
  assert.equal(streamed, [["", EURO[0]], ["", EURO[1]], ["€", EURO[2]]]);
  const noStop = generate(new TableSession(64, { [THE]: EOS, [EOS]: QUICK }), tokenizer, "The", { maxTokens: 3, sampling: { temperature: 0 }, stopAtEos: false });
  assert.equal(noStop.tokens, [EOS, QUICK, 0]);
  assert.is(noStop.text, " quick", "EOS and <unk> give no text");
});

test("bytes held back at the end come last, with id -1", () => {
  const streamed: [string, number][] = [];
  const stats = generate(new TableSession(64, { [THE]: EURO[0] as number, [EURO[0] as number]: EOS }), tokenizer, "The", { maxTokens: 10, sampling: { temperature: 0 }, onToken: (t, id) => streamed.push([t, id]) });
  assert.equal(streamed, [["", EURO[0]], ["\ufffd", -1]]);
  assert.is(stats.text, "\ufffd");
});

test("prompt + maxTokens beyond the context: a LlamaError before any evaluation", () => {
  const s = new TableSession(8, cycle);
  assert.throws(() => generate(s, tokenizer, "The quick brown The", { maxTokens: 4 }), (e: unknown) => e instanceof LlamaError && /the prompt \(5 tokens\) plus 4 generated tokens exceed the context: 8 tokens/.test(e.message));
  assert.equal(s.calls, []);
  const exact = generate(s, tokenizer, "The quick brown The", { maxTokens: 3, sampling: { temperature: 0 } });
  assert.is(exact.generatedTokens, 3);
  assert.throws(() => generate(s, tokenizer, "", { maxTokens: 1 }), /exceed the context: 8 tokens, 7 already used/);
  assert.throws(() => generate(new TableSession(8, cycle), tokenizer, "", { maxTokens: 1, addBos: false }), /the prompt is empty/);
  assert.throws(() => generate(new TableSession(8, cycle), tokenizer, "The", { maxTokens: -1 }), /maxTokens -1/);
});

test("sampled text: the same seed gives the same tokens, another seed others", () => {
  /** A session with flat logits: every token equally likely. */
  const flat: LlamaSession = { position: 0, contextLength: 1000, evaluate: () => new Float32Array(VOCAB), reset() {}, dispose() {} };
  const run = (seed: number) => generate(flat, tokenizer, "The", { maxTokens: 40, stopAtEos: false, sampling: { temperature: 1, topK: 0, topP: 1, seed } }).tokens;
  assert.equal(run(3), run(3));
  assert.not.equal(run(3), run(4));
  assert.ok(new Set(run(3)).size > 30);
});

test.run();
