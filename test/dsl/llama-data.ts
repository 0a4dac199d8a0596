/**
 * Random inputs and weights for the LLaMA block test (seeded), by the DSL's parameter names and as the plain
 * reference's record, and the error measure the test states its tolerances in.
 */
import * as assert from "uvu/assert";
import { config } from "../../examples/dsl-llama-block.ts";
import type { BlockWeights } from "./llama-reference.ts";

/** New tokens and cached tokens of the traced step. */
export const [seq, past] = [5, 3];

/** A small deterministic generator (mulberry32), uniform in [-scale, scale). */
function random(seed: number): (n: number, scale: number) => Float64Array {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  // Values are f32-representable, so that an f32 run starts from exactly the reference's inputs.
  return (n, scale) => Float64Array.from({ length: n }, () => Math.fround((next() * 2 - 1) * scale));
}

/** Random weights by DSL parameter name, and the same weights in the reference's record. */
export function blockData(seed: number, tokens = seq, cached = past): { values: Record<string, Float64Array>; weights: BlockWeights; x: Float64Array; cacheK: Float64Array; cacheV: Float64Array } {
  const { dim, heads, kvHeads, headDim, hidden } = config;
  const r = random(seed);
  const weights: BlockWeights = {
    attnNorm: r(dim, 1).map((v) => 1 + v / 4),
    wq: r(dim * heads * headDim, 1 / Math.sqrt(dim)),
    wk: r(dim * kvHeads * headDim, 1 / Math.sqrt(dim)),
    wv: r(dim * kvHeads * headDim, 1 / Math.sqrt(dim)),
    wo: r(heads * headDim * dim, 1 / Math.sqrt(heads * headDim)),
    ffnNorm: r(dim, 1).map((v) => 1 + v / 4),
    gate: r(dim * hidden, 1 / Math.sqrt(dim)),
    up: r(dim * hidden, 1 / Math.sqrt(dim)),
    down: r(hidden * dim, 1 / Math.sqrt(hidden)),
  };
  const x = r(tokens * dim, 1);
  const cacheK = r(kvHeads * cached * headDim, 1);
  const cacheV = r(kvHeads * cached * headDim, 1);
  const p = "layers.0";
  const values = {
    x,
    cacheK,
    cacheV,
    [`${p}.attn_norm`]: weights.attnNorm.map(Math.fround),
    [`${p}.attn.wq.weight`]: weights.wq,
    [`${p}.attn.wk.weight`]: weights.wk,
    [`${p}.attn.wv.weight`]: weights.wv,
    [`${p}.attn.wo.weight`]: weights.wo,
    [`${p}.ffn_norm`]: weights.ffnNorm.map(Math.fround),
    [`${p}.mlp.gate.weight`]: weights.gate,
    [`${p}.mlp.up.weight`]: weights.up,
    [`${p}.mlp.down.weight`]: weights.down,
  };
  // The norms' weights as the f32 values the inputs hold.
  return { values, weights: { ...weights, attnNorm: values[`${p}.attn_norm`], ffnNorm: values[`${p}.ffn_norm`] }, x, cacheK, cacheV };
}

/** The largest |got - want| / (1 + |want|). */
export function maxRelError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  assert.is(got.length, want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs((got[i] as number) - (want[i] as number)) / (1 + Math.abs(want[i] as number)));
  return worst;
}

