/**
 * The headline test of the DSL: the LLaMA decoder block of examples/dsl-llama-block.ts (dim 64, 4 query heads
 * over 2 KV heads, RoPE, causal attention over a KV cache, SwiGLU), traced for 5 new tokens after 3 cached
 * ones, against the plain TypeScript block of llama-reference.ts on random inputs and weights:
 * - the DSL graph evaluated in double precision equals the reference to 1e-9 (relative to 1 + |ref|): the
 *   model's decomposition (head grouping, RoPE pairs, mask, cache layout) is right;
 * - the TOSA it traces to is accepted by mlir-opt-16 --verify-each.
 */
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { config, traceBlock } from "../../examples/dsl-llama-block.ts";
import { evaluate, type Traced } from "../../frontends/dsl/index.ts";
import { printOp } from "../../src/text/printer.ts";
import { type BlockWeights, referenceBlock } from "./llama-reference.ts";

const [seq, past] = [5, 3];

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
export function blockData(seed: number): { values: Record<string, Float64Array>; weights: BlockWeights; x: Float64Array; cacheK: Float64Array; cacheV: Float64Array } {
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
  const x = r(seq * dim, 1);
  const cacheK = r(kvHeads * past * headDim, 1);
  const cacheV = r(kvHeads * past * headDim, 1);
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

let traced: Traced | undefined;
const block = (): Traced => (traced ??= traceBlock(seq, past));

test("the block's arguments are the inputs, then every parameter by its scoped name", () => {
  assert.equal(
    block().arguments.map((a) => `${a.name} [${a.shape.join(",")}]`),
    [
      "x [5,64]",
      "cacheK [2,3,16]",
      "cacheV [2,3,16]",
      "layers.0.attn_norm [64]",
      "layers.0.attn.wq.weight [64,64]",
      "layers.0.attn.wk.weight [64,32]",
      "layers.0.attn.wv.weight [64,32]",
      "layers.0.attn.wo.weight [64,64]",
      "layers.0.ffn_norm [64]",
      "layers.0.mlp.gate.weight [64,172]",
      "layers.0.mlp.up.weight [64,172]",
      "layers.0.mlp.down.weight [172,64]",
    ],
  );
  assert.equal(block().results.map((r) => `${r.name} [${r.shape.join(",")}]`), ["out [5,64]", "cacheK [2,8,16]", "cacheV [2,8,16]"]);
});

test("the DSL block evaluated in double precision equals the plain TypeScript block (1e-9)", () => {
  for (const seed of [1, 2]) {
    const d = blockData(seed);
    const [out, k, v] = evaluate(block(), d.values) as [Float64Array, Float64Array, Float64Array];
    const ref = referenceBlock(config, d.weights, d.x, d.cacheK, d.cacheV, seq, past);
    assert.ok(maxRelError(out, ref.out) < 1e-9, `out: ${maxRelError(out, ref.out)}`);
    assert.ok(maxRelError(k, ref.cacheK) < 1e-9, `cacheK: ${maxRelError(k, ref.cacheK)}`);
    assert.ok(maxRelError(v, ref.cacheV) < 1e-9, `cacheV: ${maxRelError(v, ref.cacheV)}`);
    // The check bites: another seed's weights give another output.
    const other = referenceBlock(config, blockData(seed + 10).weights, d.x, d.cacheK, d.cacheV, seq, past);
    assert.ok(maxRelError(out, other.out) > 1e-3);
  }
});

test("the block's TOSA is accepted by mlir-opt-16 --verify-each", () => {
  const text = printOp(block().module, { ctx: block().ctx, debugInfo: true });
  const r = spawnSync("mlir-opt-16", ["--verify-each", "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  assert.match(text, 'loc("layers.0.attn.scores"');
  assert.match(text, 'loc("layers.0.mlp.gate"');
});

test.run();
