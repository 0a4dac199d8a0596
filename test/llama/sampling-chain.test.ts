/**
 * sampleToken, option by option, on small logits where each option changes the outcome: greedy at temperature 0
 * (lowest id on ties, no random numbers drawn), llama.cpp's repetition penalty (positive logits divided, negative
 * multiplied, distinct tokens of the last N only), top-k, top-p (at temperature 1, over top-k's survivors: the
 * order matters), and option checking. The seeded generator gives the same stream for the same seed.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { applyRepetitionPenalty, argmax, candidates, createRng, resolveSampling, sampleToken } from "../../frontends/models/llama/sampling.ts";
import { LlamaError } from "../../frontends/models/llama/types.ts";

const l = (...v: number[]) => Float32Array.from(v);
/** The set of tokens drawn in `n` draws (seeded). */
function drawn(logits: Float32Array, options: Parameters<typeof sampleToken>[2], n = 400, history: number[] = []): number[] {
  const rng = createRng(7);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) seen.add(sampleToken(logits, history, options, rng));
  return [...seen].sort((a, b) => a - b);
}
const noRng = () => { throw new Error("greedy must not draw a random number"); };

test("the generator: same seed, same stream; another seed, another stream; values in [0, 1)", () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.equal(xs, Array.from({ length: 1000 }, () => b()));
  assert.not.equal(xs.slice(0, 10), Array.from({ length: 10 }, () => c()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.is(new Set(xs).size, 1000);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.03, `mean ${mean}`); // sd of the mean: 0.29 / sqrt(1000) = 0.009
});

test("temperature 0 is greedy: the argmax, the lowest id on ties, whatever top-k and top-p say", () => {
  assert.is(sampleToken(l(0.1, 3, -2, 2.9), [], { temperature: 0 }, noRng), 1);
  assert.is(sampleToken(l(1, 5, 5, 5), [], { temperature: 0 }, noRng), 1);
  assert.is(sampleToken(l(-1, -1), [], { temperature: 0, topK: 1, topP: 0.1 }, noRng), 0);
  assert.is(argmax(l(-Infinity, -5, -5)), 1);
});

test("repetition penalty as llama.cpp applies it, and it changes greedy's choice", () => {
  assert.equal([...applyRepetitionPenalty(l(2, -2, 1, 0), [0, 1, 0, 0], 2, 64)], [1, -4, 1, 0]);
  assert.equal([...applyRepetitionPenalty(l(2, -2, 1, 0), [0, 1, 3], 2, 1)], [2, -2, 1, 0], "only the last 1 token (3: logit 0 * 2)");
  assert.equal([...applyRepetitionPenalty(l(2, -2, 1, 4), [0, 1, 3], 2, 2)], [2, -4, 1, 2]);
  assert.equal([...applyRepetitionPenalty(l(2, -2), [0, 1], 1, 64)], [2, -2], "penalty 1: none");
  const logits = l(2, 1.9);
  assert.is(sampleToken(logits, [0], { temperature: 0 }, noRng), 0);
  assert.is(sampleToken(logits, [0], { temperature: 0, repeatPenalty: 1.1 }, noRng), 1, "2 / 1.1 < 1.9");
  assert.is(sampleToken(logits, [0, 5, 5], { temperature: 0, repeatPenalty: 1.1, repeatLastN: 2 }, noRng), 0, "token 0 is not among the last 2");
  assert.is(sampleToken(l(-1, -1.05), [0], { temperature: 0, repeatPenalty: 1.1 }, noRng), 1, "a negative logit is multiplied: -1.1 < -1.05");
  assert.equal([...logits], [...l(2, 1.9)], "the input is left alone");
});

test("top-k keeps the k most likely, even at a high temperature", () => {
  const logits = l(0, 3, 1, 2, 0.5);
  assert.equal(drawn(logits, { temperature: 5, topK: 0, topP: 1 }), [0, 1, 2, 3, 4]);
  assert.equal(drawn(logits, { temperature: 5, topK: 2, topP: 1 }), [1, 3]);
  assert.equal(drawn(logits, { temperature: 5, topK: 1, topP: 1 }), [1]);
  assert.equal(candidates(l(1, 2, 2, 0), 2, 1), [1, 2], "ties: lower id first");
  assert.equal(candidates(l(...Array.from({ length: 1000 }, (_, i) => (i * 37) % 101)), 3, 1), [30, 131, 232]);
});

test("top-p keeps the shortest prefix reaching p, at temperature 1", () => {
  const logits = l(Math.log(0.5), Math.log(0.3), Math.log(0.2));
  assert.equal(candidates(logits, 0, 0.45), [0]);
  assert.equal(candidates(logits, 0, 0.7), [0, 1]);
  assert.equal(candidates(logits, 0, 0.9), [0, 1, 2]);
  assert.equal(drawn(logits, { temperature: 1, topK: 0, topP: 0.45 }), [0]);
  assert.equal(drawn(logits, { temperature: 1, topK: 0, topP: 0.7 }), [0, 1]);
  assert.equal(drawn(logits, { temperature: 20, topK: 0, topP: 0.7 }), [0, 1], "temperature comes after top-p");
});

test("llama.cpp's order: penalty, then top-k, then top-p over top-k's survivors", () => {
  const logits = l(Math.log(0.4), Math.log(0.2), Math.log(0.2), Math.log(0.2));
  // top-p alone at 0.6: 0.4, then 0.6 -> ids 0 and 1; after top-k 2, the survivors renormalise to 2/3, 1/3 -> id 0.
  assert.equal(drawn(logits, { temperature: 1, topK: 0, topP: 0.6 }), [0, 1]);
  assert.equal(drawn(logits, { temperature: 1, topK: 2, topP: 0.6 }), [0]);
  // the penalty on id 0 comes first, so top-k 1 keeps id 1 (-0.92 * 2 < -1.61)
  assert.equal(drawn(logits, { temperature: 1, topK: 1, repeatPenalty: 2 }, 50, [0]), [1]);
});

test("options are checked, naming the option", () => {
  assert.equal(resolveSampling({}), { temperature: 0.8, topK: 40, topP: 0.95, repeatPenalty: 1, repeatLastN: 64, seed: 0 });
  assert.equal(resolveSampling({ topK: 5 }).topK, 5);
  for (const [bad, pattern] of [
    [{ temperature: -1 }, /temperature -1 must be a number >= 0/],
    [{ topK: 1.5 }, /topK 1.5 must be an integer >= 0/],
    [{ topP: 0 }, /topP 0 must be in \(0, 1\]/],
    [{ topP: 1.5 }, /topP 1.5/],
    [{ repeatPenalty: 0 }, /repeatPenalty 0 must be a number > 0/],
    [{ repeatLastN: -1 }, /repeatLastN -1/],
    [{ seed: 0.5 }, /seed 0.5 must be an integer/],
  ] as const) {
    assert.throws(() => sampleToken(l(1, 2), [], bad, createRng(1)), (e: unknown) => e instanceof LlamaError && pattern.test(e.message));
  }
  assert.throws(() => sampleToken(l(), [], {}, createRng(1)), /no logits/);
});

test.run();
