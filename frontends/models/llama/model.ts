/**
 * The LLaMA decoder written in the DSL, as the functions of the kernel ABI (TEAM.md; the CLI's C driver calls
 * them): `llama_layer_<S>` (one decoder block for S tokens over a KV cache of `ctx` positions) and `llama_head`
 * (the final norm and the output projection of one row). Weights are arguments as they lie in the file
 * (`[out, in]`, f32/f16/bf16, or q8_0 blocks as `i8 [out, in/32, 34]`), read in place by `linearRows` /
 * `linearQ8_0`; positions enter only through the mask and the RoPE tables, so one compiled function serves
 * every position and every layer.
 *
 *   llama_layer_S(x: [S, dim], cache_k, cache_v: [kvHeads, ctx, headDim], mask: [S, ctx+S],
 *                 cos, sin: [S, headDim/2], attn_norm: [dim], wq, wk, wv, wo, ffn_norm: [dim], w_gate, w_up, w_down)
 *     -> (out: [S, dim], k, v: [kvHeads, S, headDim])
 *   llama_head(x: [1, dim], output_norm: [dim], output: [vocab, dim]) -> logits: [1, vocab]
 *
 * The block: h = x + Wo·attention(rope(Wq·n), rope(Wk·n), Wv·n) with n = rmsnorm(x) · attn_norm; attention is
 * grouped-query (query head j reads KV head j / (heads/kvHeads), llama.cpp's order) over the cache's `ctx`
 * positions and this call's S keys, scaled by 1/sqrt(headDim), plus the additive mask; then
 * out = h + W_down·(silu(W_gate·m) * W_up·m) with m = rmsnorm(h) · ffn_norm.
 */
import * as t from "../../dsl/index.ts";
import type { Dim, Tensor, TensorSpec } from "../../dsl/index.ts";
import type { LlamaConfig, WeightType } from "./types.ts";

/** The weight types of one layer's matrices (every layer of a model must have the same). */
export interface LayerWeightTypes {
  readonly wq: WeightType;
  readonly wk: WeightType;
  readonly wv: WeightType;
  readonly wo: WeightType;
  readonly w_gate: WeightType;
  readonly w_up: WeightType;
  readonly w_down: WeightType;
}

/** What a compiled model is specialised on: its shape, weight types, KV cache length and prefill chunk. */
export interface KernelShape {
  readonly config: Pick<LlamaConfig, "dim" | "heads" | "kvHeads" | "headDim" | "hidden" | "vocab" | "normEps" | "ropeStyle">;
  readonly layerTypes: LayerWeightTypes;
  /** The type of the output projection (`output`, or `token_embd` when tied). */
  readonly outputType: WeightType;
  /** Positions in the KV cache. */
  readonly ctx: number;
  /** Tokens per prefill call (the S of the second layer function; 1 means decode only). */
  readonly chunk: number;
}

// Inside these functions shapes are known at trace time only: tensors are viewed with wide shapes.
type F = Tensor<"f32", Dim[]>;
type W = Tensor<t.DType, Dim[]>;
const f = (x: Tensor): F => x as unknown as F;

/** The argument spec of a weight `[out, in]` stored as `type`. */
export function weightSpec(type: WeightType, out: number, inF: number): TensorSpec {
  return type === "q8_0" ? t.spec("i8", [out, inF / t.Q8_0_BLOCK, t.Q8_0_BLOCK_BYTES]) : t.spec(type, [out, inF]);
}

/** `x @ w^T` for a weight of `type` as stored. */
function linear(x: F, w: W, type: WeightType): F {
  const rows = x as unknown as Tensor<"f32", [Dim, Dim]>;
  return type === "q8_0" ? f(t.linearQ8_0(rows, w as unknown as Tensor<"i8", [Dim, Dim, 34]>)) : f(t.linearRows(rows, w as unknown as Tensor<"f32", [Dim, Dim]>));
}

/** The inputs of `llama_layer_<seq>`, in the ABI's order. */
export function layerInputs(shape: KernelShape, seq: number): Record<string, TensorSpec> {
  const { dim, heads, kvHeads, headDim, hidden } = shape.config;
  const ty = shape.layerTypes;
  return {
    x: t.spec("f32", [seq, dim]),
    cache_k: t.spec("f32", [kvHeads, shape.ctx, headDim]),
    cache_v: t.spec("f32", [kvHeads, shape.ctx, headDim]),
    mask: t.spec("f32", [seq, shape.ctx + seq]),
    cos: t.spec("f32", [seq, headDim / 2]),
    sin: t.spec("f32", [seq, headDim / 2]),
    attn_norm: t.spec("f32", [dim]),
    wq: weightSpec(ty.wq, heads * headDim, dim),
    wk: weightSpec(ty.wk, kvHeads * headDim, dim),
    wv: weightSpec(ty.wv, kvHeads * headDim, dim),
    wo: weightSpec(ty.wo, dim, heads * headDim),
    ffn_norm: t.spec("f32", [dim]),
    w_gate: weightSpec(ty.w_gate, hidden, dim),
    w_up: weightSpec(ty.w_up, hidden, dim),
    w_down: weightSpec(ty.w_down, dim, hidden),
  };
}

/** One decoder block for `seq` tokens (see the header); returns the residual stream and this call's keys and values. */
export function decoderLayer(shape: KernelShape, seq: number, a: Readonly<Record<string, Tensor>>): { out: F; k: F; v: F } {
  const { heads, kvHeads, headDim, normEps, ropeStyle } = shape.config;
  const ty = shape.layerTypes;
  const group = heads / kvHeads;
  const keysLength = shape.ctx + seq;
  const x = f(a.x as Tensor);
  const arg = (name: string): W => a[name] as unknown as W;
  // [seq, n * headDim] -> [n, seq, headDim]
  const byHead = (y: F, n: number): F => f(t.transpose(f(t.reshape(y, [seq, n, headDim])), [1, 0, 2]));
  const [cos, sin] = [f(a.cos as Tensor), f(a.sin as Tensor)];

  const n = f(t.rmsnorm(x, f(a.attn_norm as Tensor), normEps));
  const q = f(t.ropeWith(byHead(linear(n, arg("wq"), ty.wq), heads), cos, sin, ropeStyle));
  const k = f(t.ropeWith(byHead(linear(n, arg("wk"), ty.wk), kvHeads), cos, sin, ropeStyle));
  const v = byHead(linear(n, arg("wv"), ty.wv), kvHeads);
  const keys = f(t.concat([f(a.cache_k as Tensor), k], 1)); // [kvHeads, ctx + seq, headDim]
  const values = f(t.concat([f(a.cache_v as Tensor), v], 1));
  // The query heads of one KV head are consecutive: they are the rows of one product per KV head.
  const grouped = f(t.reshape(q, [kvHeads, group * seq, headDim]));
  const scores = f(t.mul(f(t.matmul(grouped, f(t.transpose(keys, [0, 2, 1])))), 1 / Math.sqrt(headDim)));
  const masked = f(t.add(f(t.reshape(scores, [kvHeads, group, seq, keysLength])), f(a.mask as Tensor)));
  const probs = f(t.reshape(f(t.softmax(masked, -1)), [kvHeads, group * seq, keysLength]));
  const attended = f(t.reshape(f(t.matmul(probs, values)), [heads, seq, headDim]));
  const merged = f(t.reshape(f(t.transpose(attended, [1, 0, 2])), [seq, heads * headDim]));
  const h = f(t.add(x, linear(merged, arg("wo"), ty.wo)));

  const m = f(t.rmsnorm(h, f(a.ffn_norm as Tensor), normEps));
  const gated = f(t.mul(f(t.silu(linear(m, arg("w_gate"), ty.w_gate))), linear(m, arg("w_up"), ty.w_up)));
  return { out: f(t.add(h, linear(gated, arg("w_down"), ty.w_down))), k, v };
}

/** The inputs of `llama_head`. */
export function headInputs(shape: KernelShape): Record<string, TensorSpec> {
  const { dim, vocab } = shape.config;
  return { x: t.spec("f32", [1, dim]), output_norm: t.spec("f32", [dim]), output: weightSpec(shape.outputType, vocab, dim) };
}

/** The final RMSNorm and the output projection of one row: the logits. */
export function outputHead(shape: KernelShape, a: Readonly<Record<string, Tensor>>): F {
  const n = f(t.rmsnorm(f(a.x as Tensor), f(a.output_norm as Tensor), shape.config.normEps));
  return linear(n, a.output as unknown as W, shape.outputType);
}
