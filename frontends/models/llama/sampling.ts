/**
 * Choosing the next token from logits, as llama.cpp's sampler chain does (its default order): the repetition
 * penalty, then top-k, then top-p, then temperature, then a draw from the softmax of what is left. Temperature 0
 * is greedy: the penalised logits' argmax, the lowest id on ties (llama.cpp also applies penalties before its
 * greedy pick). Note that top-p compares probabilities at temperature 1, since temperature comes after it.
 *
 * The random numbers come from a seeded generator (xoshiro128**, seeded through splitmix32): the same seed and
 * the same logits give the same tokens on any machine. They are not llama.cpp's (std::mt19937 through
 * std::discrete_distribution), so sampled text matches llama.cpp's only in distribution; greedy text matches
 * exactly.
 */
import { LlamaError, type SamplingOptions } from "./types.ts";

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** The seeded generator: xoshiro128** (32-bit state words, exact in JS integers) seeded by splitmix32. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d >>> 0, 11);
    a >>>= 0; b >>>= 0; c >>>= 0;
    return result / 2 ** 32;
  };
}
const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** The options with llama.cpp's defaults filled in (temperature 0.8, top-k 40, top-p 0.95, no penalty over 64). */
export interface ResolvedSampling {
  readonly temperature: number;
  readonly topK: number;
  readonly topP: number;
  readonly repeatPenalty: number;
  readonly repeatLastN: number;
  readonly seed: number;
}
export const samplingDefaults: ResolvedSampling = { temperature: 0.8, topK: 40, topP: 0.95, repeatPenalty: 1, repeatLastN: 64, seed: 0 };

/** Fills in the defaults and checks the ranges (a LlamaError naming the option). */
export function resolveSampling(options: SamplingOptions = {}): ResolvedSampling {
  const r = { ...samplingDefaults, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ResolvedSampling;
  const check = (ok: boolean, what: string) => { if (!ok) throw new LlamaError(`sampling: ${what}`); };
  check(Number.isFinite(r.temperature) && r.temperature >= 0, `temperature ${r.temperature} must be a number >= 0`);
  check(Number.isInteger(r.topK) && r.topK >= 0, `topK ${r.topK} must be an integer >= 0 (0: all)`);
  check(r.topP > 0 && r.topP <= 1, `topP ${r.topP} must be in (0, 1]`);
  check(Number.isFinite(r.repeatPenalty) && r.repeatPenalty > 0, `repeatPenalty ${r.repeatPenalty} must be a number > 0 (1: none)`);
  check(Number.isInteger(r.repeatLastN) && r.repeatLastN >= 0, `repeatLastN ${r.repeatLastN} must be an integer >= 0`);
  check(Number.isInteger(r.seed), `seed ${r.seed} must be an integer`);
  return r;
}

/**
 * llama.cpp's repetition penalty (llama_sampler_penalties): every distinct token among the last `lastN` of
 * `history` has its logit divided by `penalty` when positive and multiplied by it otherwise (once, however often
 * it occurs). Returns a penalised copy (the input is left alone).
 */
export function applyRepetitionPenalty(logits: Float32Array, history: readonly number[], penalty: number, lastN: number): Float32Array {
  const out = Float32Array.from(logits);
  if (penalty === 1 || lastN === 0) return out;
  const seen = new Set(history.slice(Math.max(0, history.length - lastN)));
  for (const id of seen) {
    if (id < 0 || id >= out.length) continue;
    const x = out[id] as number;
    out[id] = x <= 0 ? x * penalty : x / penalty;
  }
  return out;
}

/** The index of the largest value, the lowest index on ties. */
export function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/**
 * The candidates top-k and top-p keep, most likely first (ties: lower id first): ids sorted by logit, cut to k,
 * then cut to the shortest prefix whose softmax (at temperature 1, over the survivors of top-k) reaches p.
 */
export function candidates(logits: Float32Array, topK: number, topP: number): number[] {
  const k = topK === 0 ? logits.length : Math.min(topK, logits.length);
  let ids: number[];
  if (k < logits.length && k <= 256) {
    ids = topIds(logits, k);
  } else {
    ids = Array.from(logits.keys()).sort((a, b) => (logits[b] as number) - (logits[a] as number) || a - b).slice(0, k);
  }
  if (topP >= 1) return ids;
  const max = logits[ids[0] as number] as number;
  const weights = ids.map((id) => Math.exp((logits[id] as number) - max));
  const total = weights.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (let i = 0; i < ids.length; i++) {
    cum += (weights[i] as number) / total;
    if (cum >= topP) return ids.slice(0, i + 1);
  }
  return ids;
}

/** The k largest, in order (ties: lower id first), by insertion into a sorted list of k: O(n k), for small k. */
function topIds(logits: Float32Array, k: number): number[] {
  const ids: number[] = [];
  for (let id = 0; id < logits.length; id++) {
    const x = logits[id] as number;
    if (ids.length === k && x <= (logits[ids[k - 1] as number] as number)) continue;
    let at = ids.length;
    while (at > 0 && x > (logits[ids[at - 1] as number] as number)) at--;
    ids.splice(at, 0, id);
    if (ids.length > k) ids.pop();
  }
  return ids;
}

/**
 * The next token: the repetition penalty over `history` (prompt and generated tokens so far), then greedy at
 * temperature 0, else top-k, top-p, temperature and a draw with `rng`.
 */
export function sampleToken(logits: Float32Array, history: readonly number[], options: SamplingOptions, rng: Rng): number {
  if (logits.length === 0) throw new LlamaError("sampling: no logits");
  const o = resolveSampling(options);
  const penalised = applyRepetitionPenalty(logits, history, o.repeatPenalty, o.repeatLastN);
  if (o.temperature === 0) return argmax(penalised);
  // Without top-k and top-p every id is a candidate, in any order: skip the sort.
  const ids = o.topK === 0 && o.topP >= 1 ? Array.from(penalised.keys()) : candidates(penalised, o.topK, o.topP);
  let max = -Infinity;
  for (const id of ids) max = Math.max(max, penalised[id] as number);
  const weights = ids.map((id) => Math.exp(((penalised[id] as number) - max) / o.temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng() * total;
  for (let i = 0; i < ids.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return ids[i] as number;
  }
  return ids[ids.length - 1] as number; // u within rounding of the total
}
