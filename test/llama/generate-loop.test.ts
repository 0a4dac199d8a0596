/**
 * generate's loop on a small session whose logits are a fixed function of the last token (the model's compiled
 * session is not on main yet; the tests that run the real one are generate-model.test.ts): the prompt is
 * evaluated once, then each generated token but the last; greedy follows the table; EOS stops the run and is
 * neither printed nor evaluated; maxTokens stops it; streamed text adds up to the returned text, held-back bytes
 * come last with id -1; the context check fires before any evaluation; the seed decides sampled text.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type GenerationTokenizer, generate, type StreamingDetokenizer } from "../../frontends/models/llama/generate.ts";
import { LlamaError, type LlamaSession } from "../../frontends/models/llama/types.ts";

const VOCAB = 8;
const BOS = 1;
const EOS = 2;
/** Token i+3 is the letter "abcde"[i]; ids 0..2 are unk, BOS, EOS. Token 7 ("e") is a held-back byte at the end. */
const letters = "abcde";
const tokenizer: GenerationTokenizer = {
  bos: BOS,
  eos: EOS,
  encode: (text) => [...text].map((ch) => {
    const i = letters.indexOf(ch);
    if (i < 0) throw new Error(`no token for '${ch}'`);
    return i + 3;
  }),
  streamingDecoder(): StreamingDetokenizer {
    let pending = "";
    return {
      push(id) {
        const out = pending;
        pending = "";
        if (id === 7) { pending = "\ufffd"; return out; }
        return out + (letters[id - 3] ?? "?");
      },
      flush: () => pending,
    };
  },
};

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

// a -> b -> c -> d -> a ...; e -> EOS
const cycle = { 1: 3, 3: 4, 4: 5, 5: 6, 6: 3, 7: 2 };

test("greedy follows the logits; the prompt is evaluated once, then each token but the last", () => {
  const s = new TableSession(64, cycle);
  const streamed: [string, number][] = [];
  const stats = generate(s, tokenizer, "ab", { maxTokens: 5, sampling: { temperature: 0 }, onToken: (t, id) => streamed.push([t, id]) });
  assert.equal(stats.tokens, [5, 6, 3, 4, 5]);
  assert.is(stats.text, "cdabc");
  assert.equal(streamed, [["c", 5], ["d", 6], ["a", 3], ["b", 4], ["c", 5]]);
  assert.equal(s.calls, [[BOS, 3, 4], [5], [6], [3], [4]]);
  assert.equal([stats.promptTokens, stats.generatedTokens, stats.decodeSteps, stats.stoppedBy], [3, 5, 4, "maxTokens"]);
  assert.ok(stats.prefillSeconds >= 0 && stats.decodeSeconds >= 0);
});

test("EOS stops the run, neither printed nor evaluated; held-back text comes last with id -1", () => {
  const s = new TableSession(64, { ...cycle, 6: 7 });
  const streamed: [string, number][] = [];
  const stats = generate(s, tokenizer, "c", { maxTokens: 10, sampling: { temperature: 0 }, addBos: false, onToken: (t, id) => streamed.push([t, id]) });
  assert.equal(stats.tokens, [6, 7]);
  assert.equal(stats.stoppedBy, "eos");
  assert.equal(s.calls, [[5], [6], [7]]);
  assert.equal(streamed, [["d", 6], ["", 7], ["\ufffd", -1]]);
  assert.is(stats.text, "d\ufffd");
  const noStop = generate(new TableSession(64, { ...cycle, 6: 7 }), tokenizer, "c", { maxTokens: 4, sampling: { temperature: 0 }, addBos: false, stopAtEos: false });
  assert.equal(noStop.tokens, [6, 7, 2, 0]);
});

test("prompt + maxTokens beyond the context: a LlamaError before any evaluation", () => {
  const s = new TableSession(8, cycle);
  assert.throws(() => generate(s, tokenizer, "abcd", { maxTokens: 4 }), (e: unknown) => e instanceof LlamaError && /the prompt \(5 tokens\) plus 4 generated tokens exceed the context: 8 tokens/.test(e.message));
  assert.equal(s.calls, []);
  const exact = generate(s, tokenizer, "abcd", { maxTokens: 3, sampling: { temperature: 0 } });
  assert.is(exact.generatedTokens, 3);
  assert.throws(() => generate(s, tokenizer, "", { maxTokens: 1 }), /exceed the context: 8 tokens, 7 already used/);
  assert.throws(() => generate(new TableSession(8, cycle), tokenizer, "", { maxTokens: 1, addBos: false }), /the prompt is empty/);
  assert.throws(() => generate(new TableSession(8, cycle), tokenizer, "a", { maxTokens: -1 }), /maxTokens -1/);
});

test("sampled text: the same seed gives the same tokens, another seed others", () => {
  /** A session with flat logits: every token equally likely. */
  const flat: LlamaSession = { position: 0, contextLength: 1000, evaluate: () => new Float32Array(VOCAB), reset() {}, dispose() {} };
  const run = (seed: number) => generate(flat, tokenizer, "a", { maxTokens: 40, stopAtEos: false, sampling: { temperature: 1, topK: 0, topP: 1, seed } }).tokens;
  assert.equal(run(3), run(3));
  assert.not.equal(run(3), run(4));
  assert.ok(new Set(run(3)).size > 4);
});

test.run();
