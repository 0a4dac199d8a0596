/**
 * A LLaMA decoder block in the typed tensor DSL: RMSNorm, RoPE (llama.cpp's NORM variant), grouped-query
 * causal attention over a KV cache, SwiGLU. Shapes are checked by tsc where they are literal; `seq` (new
 * tokens) and `past` (cached tokens) are bound when traced.
 *
 *   node --import tsx examples/dsl-llama-block.ts            # prints the TOSA of one block (seq 4, past 3)
 *   node --import tsx examples/dsl-llama-block.ts linalg     # the same block as Linalg on tensors
 *
 * Weights are stored as `[in, out]` (x @ w); GGUF's `[out][in]` rows are that matrix's transpose.
 */
import { fileURLToPath } from "node:url";
import * as t from "../frontends/dsl/index.ts";
import type { Scope, Tensor } from "../frontends/dsl/index.ts";
import { printOp } from "../src/text/printer.ts";

/** The block's sizes: dim 64, 4 query heads sharing 2 KV heads (group 2) of 16, feed-forward 172. */
export const config = { dim: 64, heads: 4, kvHeads: 2, headDim: 16, hidden: 172, eps: 1e-5, ropeBase: 10000 } as const;
const { dim, heads, kvHeads, headDim, hidden } = config;
const group = heads / kvHeads; // query heads per KV head
type Group = 2;

export const blockInputs = {
  x: t.spec("f32", ["seq", dim]),
  cacheK: t.spec("f32", [kvHeads, "past", headDim]),
  cacheV: t.spec("f32", [kvHeads, "past", headDim]),
};

type X = Tensor<"f32", ["seq", typeof dim]>;
type Cache = Tensor<"f32", [typeof kvHeads, "past", typeof headDim]>;

/** `x @ w` with the weight `<scope>.<name>.weight` of shape [in, out]; its ops are named `<scope>.<name>`. */
function linear<const In extends number, const Out extends number>(
  s: Scope,
  name: string,
  x: Tensor<"f32", ["seq", In]>,
  inF: In,
  outF: Out,
): Tensor<"f32", ["seq", Out]> {
  return s.scope(name, (l) => t.linear(x, l.param("weight", "f32", [inF, outF])));
}

/** Grouped-query causal attention; returns the output and the caches with this step's keys and values. */
function attention(s: Scope, h: X, cacheK: Cache, cacheV: Cache) {
  const heads3 = <const N extends number>(y: Tensor<"f32", ["seq", number]>, n: N) =>
    t.transpose(t.reshape(y, ["seq", n, headDim]), [1, 0, 2]); // [n, seq, headDim]
  const q = s.scope("q", () => t.rope(heads3(linear(s, "wq", h, dim, heads * headDim), heads), { offset: "past", base: config.ropeBase }));
  const k = s.scope("k", () => t.rope(heads3(linear(s, "wk", h, dim, kvHeads * headDim), kvHeads), { offset: "past", base: config.ropeBase }));
  const v = heads3(linear(s, "wv", h, dim, kvHeads * headDim), kvHeads);
  const keys = t.concat([cacheK, k], 1); // [kvHeads, past+seq, headDim]
  const values = t.concat([cacheV, v], 1);
  return s.scope("scores", () => {
    // The query heads of one KV head are consecutive: group them as rows of one matmul per KV head.
    const qg = t.reshape(q, [kvHeads, `${group as Group}*seq`, headDim]);
    const scores = t.mul(t.matmul(qg, t.transpose(keys, [0, 2, 1])), 1 / Math.sqrt(headDim));
    const masked = t.add(t.reshape(scores, [kvHeads, group as Group, "seq", "past+seq"]), t.causalMask("f32", "seq", "past"));
    const probs = t.reshape(t.softmax(masked, -1), [kvHeads, `${group as Group}*seq`, "past+seq"]);
    const out = t.reshape(t.matmul(probs, values), [heads, "seq", headDim]);
    const merged = t.reshape(t.transpose(out, [1, 0, 2]), ["seq", heads * headDim]);
    return { out: linear(s, "wo", merged, heads * headDim, dim), keys, values };
  });
}

/** SwiGLU: `(silu(x @ gate) * (x @ up)) @ down`. */
function feedForward(s: Scope, h: X): X {
  const gated = t.mul(t.silu(linear(s, "gate", h, dim, hidden)), linear(s, "up", h, dim, hidden));
  return linear(s, "down", gated, hidden, dim);
}

/** One decoder block: `x + attention(norm(x))`, then `+ feedForward(norm(...))`. */
export function decoderBlock(model: Scope, layer: number, x: X, cacheK: Cache, cacheV: Cache) {
  return model.scope(`layers.${layer}`, (s) => {
    const attn = s.scope("attn", (a) => attention(a, t.rmsnorm(x, s.param("attn_norm", "f32", [dim]), config.eps), cacheK, cacheV));
    const h = t.add(x, attn.out);
    const out = t.add(h, s.scope("mlp", (m) => feedForward(m, t.rmsnorm(h, s.param("ffn_norm", "f32", [dim]), config.eps))));
    return { out, cacheK: attn.keys, cacheV: attn.values };
  });
}

/** Traces block 0 for `seq` new tokens after `past` cached ones. */
export function traceBlock(seq: number, past: number, target: "tosa" | "linalg" = "tosa"): t.Traced {
  return t.trace(({ x, cacheK, cacheV }, model) => decoderBlock(model, 0, x, cacheK, cacheV), {
    name: "llama_block",
    inputs: blockInputs,
    dims: { seq, past },
    target,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const traced = traceBlock(4, 3, process.argv[2] === "linalg" ? "linalg" : "tosa");
  console.log(printOp(traced.module, { ctx: traced.ctx }));
}
