/**
 * sampleToken's draws follow the distribution the options define: over N = 20000 seeded draws, each token's
 * frequency is within 4.5 standard deviations (sqrt(p (1 - p) / N), at most 0.016) of its probability under
 * softmax(logits / T) restricted to top-k's and top-p's survivors, for several temperatures — a wrong temperature
 * (e.g. applied twice, or before top-p) or a wrong renormalisation moves some frequency by far more. The same seed
 * gives the same tokens; another seed other tokens. On a LLaMA-sized vocabulary (32000) with top-k 40 the draws
 * stay among the 40 largest logits.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng, sampleToken } from "../../frontends/models/llama/sampling.ts";
import type { SamplingOptions } from "../../frontends/models/llama/types.ts";

const N = 20000;
const logits = Float32Array.from([1.2, 0.3, -0.5, 2.0, 0.9, -1.5, 0.0, 1.6]);

function softmax(xs: number[], t: number): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp((x - m) / t));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** The expected probability of each id: softmax over the kept ids at temperature t, zero elsewhere. */
function expected(kept: number[], t: number): number[] {
  const p = softmax(kept.map((id) => logits[id] as number), t);
  const out = new Array<number>(logits.length).fill(0);
  kept.forEach((id, i) => { out[id] = p[i] as number; });
  return out;
}

function checkFrequencies(options: SamplingOptions, want: number[], seed: number): void {
  const rng = createRng(seed);
  const counts = new Array<number>(logits.length).fill(0);
  for (let i = 0; i < N; i++) { const id = sampleToken(logits, [], options, rng); counts[id] = (counts[id] ?? 0) + 1; }
  for (const [id, p] of want.entries()) {
    const f = (counts[id] as number) / N;
    const tolerance = 4.5 * Math.sqrt((p * (1 - p)) / N);
    assert.ok(Math.abs(f - p) <= tolerance, `${JSON.stringify(options)}: token ${id} drawn ${f.toFixed(4)}, expected ${p.toFixed(4)} ± ${tolerance.toFixed(4)}`);
  }
}

const all = [...logits.keys()];
// ids by logit, descending: 3 (2.0), 7 (1.6), 0 (1.2), 4 (0.9), 1 (0.3), 6 (0.0), 2 (-0.5), 5 (-1.5)

test("temperature alone: frequencies follow softmax(logits / T)", () => {
  for (const [t, seed] of [[1, 1], [0.5, 2], [2, 3]] as const) checkFrequencies({ temperature: t, topK: 0, topP: 1 }, expected(all, t), seed);
});

test("top-k then temperature: softmax over the k survivors", () => {
  checkFrequencies({ temperature: 0.7, topK: 3, topP: 1 }, expected([3, 7, 0], 0.7), 4);
});

test("top-p (at temperature 1) then temperature: softmax at T over the prefix reaching p", () => {
  // at T = 1 the sorted probabilities are .349, .234, .157, .116, .064, ...: p = 0.7 keeps 3, 7, 0 (cum .740)
  const p1 = softmax([...logits], 1);
  assert.ok(Math.abs((p1[3] as number) + (p1[7] as number) + (p1[0] as number) - 0.74) < 0.01);
  checkFrequencies({ temperature: 1.5, topK: 0, topP: 0.7 }, expected([3, 7, 0], 1.5), 5);
  checkFrequencies({ temperature: 0.5, topK: 5, topP: 0.7 }, expected([3, 7, 0], 0.5), 6);
});

test("same seed, same tokens; another seed, other tokens", () => {
  const run = (seed: number) => { const rng = createRng(seed); return Array.from({ length: 200 }, () => sampleToken(logits, [], { temperature: 1, topK: 0, topP: 1 }, rng)); };
  assert.equal(run(11), run(11));
  assert.not.equal(run(11), run(12));
});

test("a 32000-token vocabulary with top-k 40: draws among the 40 largest, reproducible", () => {
  const rng = createRng(99);
  const big = Float32Array.from({ length: 32000 }, () => rng() * 10);
  const top40 = new Set([...big.keys()].sort((a, b) => (big[b] as number) - (big[a] as number)).slice(0, 40));
  const draws = (seed: number) => { const r = createRng(seed); return Array.from({ length: 300 }, () => sampleToken(big, [1, 2, 3], { temperature: 0.8, topK: 40, topP: 0.95, repeatPenalty: 1.1 }, r)); };
  const a = draws(5);
  assert.ok(a.every((id) => top40.has(id)));
  assert.ok(new Set(a).size > 10, "not stuck on one token");
  assert.equal(a, draws(5));
});

test.run();
