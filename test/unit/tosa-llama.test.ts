/**
 * The interpreter runs TOSA at model scale: the LLaMA decoder block of examples/dsl-llama-block.ts (dim 64,
 * 4 query heads over 2 KV heads, RoPE, causal attention over a KV cache, SwiGLU), traced to TOSA for 5 new
 * tokens after 3 cached ones, interpreted in f32 on random inputs, equals the plain TypeScript block of
 * test/dsl/llama-reference.ts (computed in double) to 1e-5 relative (f32 rounding), in well under a second.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { config, traceBlock } from "../../examples/dsl-llama-block.ts";
import { interpret, shapedValue } from "../../src/interp/index.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import { type BlockWeights, referenceBlock } from "../dsl/llama-reference.ts";

const [seq, past] = [5, 3];

/** Deterministic f32-representable values uniform in [-scale, scale) (mulberry32). */
function random(seed: number): (n: number, scale: number) => Float64Array {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  return (n, scale) => Float64Array.from({ length: n }, () => Math.fround((next() * 2 - 1) * scale));
}

test("the traced LLaMA block interprets in f32 to the double-precision reference, quickly", () => {
  const { dim, heads, kvHeads, headDim, hidden } = config;
  const r = random(3);
  const w: BlockWeights = {
    attnNorm: r(dim, 1).map((v) => Math.fround(1 + v / 4)),
    wq: r(dim * heads * headDim, 1 / Math.sqrt(dim)),
    wk: r(dim * kvHeads * headDim, 1 / Math.sqrt(dim)),
    wv: r(dim * kvHeads * headDim, 1 / Math.sqrt(dim)),
    wo: r(heads * headDim * dim, 1 / Math.sqrt(heads * headDim)),
    ffnNorm: r(dim, 1).map((v) => Math.fround(1 + v / 4)),
    gate: r(dim * hidden, 1 / Math.sqrt(dim)),
    up: r(dim * hidden, 1 / Math.sqrt(dim)),
    down: r(hidden * dim, 1 / Math.sqrt(hidden)),
  };
  const [x, cacheK, cacheV] = [r(seq * dim, 1), r(kvHeads * past * headDim, 1), r(kvHeads * past * headDim, 1)];
  const p = "layers.0";
  const byName: Record<string, Float64Array> = {
    x, cacheK, cacheV,
    [`${p}.attn_norm`]: w.attnNorm, [`${p}.attn.wq.weight`]: w.wq, [`${p}.attn.wk.weight`]: w.wk, [`${p}.attn.wv.weight`]: w.wv,
    [`${p}.attn.wo.weight`]: w.wo, [`${p}.ffn_norm`]: w.ffnNorm, [`${p}.mlp.gate.weight`]: w.gate, [`${p}.mlp.up.weight`]: w.up,
    [`${p}.mlp.down.weight`]: w.down,
  };
  const traced = traceBlock(seq, past);
  const entry = traced.module.regions[0]?.blocks[0]?.first?.regions[0]?.blocks[0];
  assert.ok(entry !== undefined);
  const args = (entry?.args ?? []).map((a, i) => {
    const values = byName[traced.arguments[i]?.name ?? ""];
    assert.ok(values !== undefined && a.type instanceof RankedTensorType, traced.arguments[i]?.name);
    return shapedValue(a.type as RankedTensorType, Array.from(values as Float64Array));
  });
  const ref = referenceBlock(config, w, x, cacheK, cacheV, seq, past);
  let best = Infinity;
  for (let rep = 0; rep < 2; rep++) {
    const start = performance.now();
    const out = interpret(traced.module, "llama_block", args, { ctx: traced.ctx });
    best = Math.min(best, performance.now() - start);
    if (isLeft(out)) throw new Error(out.left.message);
    const wants = [ref.out, ref.cacheK, ref.cacheV];
    out.right.forEach((v, k) => {
      assert.is(v.kind, "shaped");
      const got = v.kind === "shaped" ? (v.elements.toArray() as number[]) : [];
      const want = wants[k] as Float64Array;
      assert.is(got.length, want.length);
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs((got[i] as number) - (want[i] as number)) / (1 + Math.abs(want[i] as number)));
      assert.ok(worst < 1e-5, `result #${k}: relative error ${worst}`);
    });
  }
  // Well under a second on an idle machine (about 0.1 s); the bound leaves room for a loaded CI machine.
  assert.ok(best < 3000, `${best.toFixed(0)} ms`);
});

test.run();
