/**
 * Neural-network helpers written in the DSL's own ops (so every target lowers them through the primitives):
 * softmax, RMSNorm, SiLU, rotary embeddings as llama.cpp applies them, and the causal mask.
 */
import { captureCallSite, currentGraph, DslError, shapeText } from "./graph.ts";
import { add, constant, div, exp, mul, rsqrt, sigmoid, sub } from "./ops-elementwise.ts";
import { concat, matmul, max, mean, reshape, slice, sum } from "./ops-shape.ts";
import type { Tensor } from "./tensor.ts";
import type { CheckAxis, CheckBroadcast, Dim, FloatDType, Shape } from "./types.ts";

// Inside these helpers shapes are only known at trace time: tensors are viewed with wide shapes (`F`), and the
// results are given the signatures' types.
type F = Tensor<"f32", Dim[]>;
const f = (t: Tensor): F => t as unknown as F;
const typed = <R extends Tensor>(t: Tensor): R => t as unknown as R;

/**
 * `x @ w` for a weight `[in, out]`: `[..., in]` to `[..., out]`. The inner dims are matched by unification
 * (the weight's `in` must be the input's last dim), which tsc checks inside generic helpers too, where
 * `matmul`'s conditional shape check is deferred.
 */
export function linear<D extends FloatDType, L extends Shape, In extends Dim, Out extends Dim>(
  x: Tensor<D, readonly [...L, In]>,
  w: Tensor<NoInfer<D>, readonly [NoInfer<In>, Out]>,
): Tensor<D, [...L, Out]> {
  return typed(matmul(f(x), f(w)));
}

/** `x * sigmoid(x)`. */
export function silu<D extends FloatDType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> {
  return typed(mul(f(x), sigmoid(f(x))));
}

/** `exp(x - max) / sum(exp(x - max))` along `axis` (max subtracted for range, as every softmax kernel does). */
export function softmax<D extends FloatDType, S extends Shape, Ax extends number>(x: Tensor<D, S>, axis: Ax & CheckAxis<"softmax", S, Ax>): Tensor<D, S> {
  const e = exp(sub(f(x), max(f(x), axis as number, { keepdims: true })));
  return typed(div(e, sum(e, axis as number, { keepdims: true })));
}

/**
 * RMSNorm over the last axis: `x * rsqrt(mean(x^2) + eps) * weight`, as llama.cpp's rms_norm followed by
 * the multiplication by the norm's weight.
 */
export function rmsnorm<D extends FloatDType, S extends Shape, W extends Shape>(
  x: Tensor<D, S>,
  weight: Tensor<NoInfer<D>, W> & CheckBroadcast<"rmsnorm", S, W>,
  eps = 1e-5,
): Tensor<D, S> {
  const ms = mean(mul(f(x), f(x)), -1, { keepdims: true });
  return typed(mul(mul(f(x), rsqrt(add(ms, eps))), f(weight)));
}

/**
 * The angles of rotary embeddings for positions `offset ... offset + seq - 1`: `cos` and `sin` of
 * `pos * base^(-2i / headDim)` for `i < headDim / 2`, row-major `[seq, headDim / 2]` (llama.cpp's NORM
 * variant, which Meta's LLaMA and llama2.c use).
 */
export function ropeTables(offset: number, seq: number, headDim: number, base = 10000): { cos: Float64Array; sin: Float64Array } {
  const half = headDim / 2;
  const cos = new Float64Array(seq * half);
  const sin = new Float64Array(seq * half);
  for (let p = 0; p < seq; p++)
    for (let i = 0; i < half; i++) {
      const angle = (offset + p) * Math.pow(base, (-2 * i) / headDim);
      cos[p * half + i] = Math.cos(angle);
      sin[p * half + i] = Math.sin(angle);
    }
  return { cos, sin };
}

export interface RopeOptions {
  /** The position of the first row (a number or a bound dim name, e.g. the KV cache's length). */
  readonly offset?: number | string;
  readonly base?: number;
}

/**
 * Rotary position embedding of `x: [..., seq, headDim]`, rotating adjacent pairs `(x[2i], x[2i+1])` by the
 * angle of its row's position (llama.cpp's NORM RoPE): `(x0 cos - x1 sin, x0 sin + x1 cos)`. The angle
 * tables are constants computed when traced (positions are static once the dims are bound); `ropeWith` takes
 * them as tensors instead.
 */
export function rope<D extends FloatDType, S extends Shape>(x: Tensor<D, S>, options: RopeOptions = {}): Tensor<D, S> {
  const site = captureCallSite();
  const graph = currentGraph("rope");
  const shape = x.shape;
  if (shape.length < 2) throw new DslError("rope", `needs [..., seq, headDim], not ${shapeText(shape)}`, site);
  const [seq, headDim] = [shape[shape.length - 2] as number, shape[shape.length - 1] as number];
  if (headDim % 2 !== 0) throw new DslError("rope", `the head dimension ${headDim} of ${shapeText(shape)} is odd`, site);
  const offset = graph.resolveDim("rope", options.offset ?? 0, site);
  const tables = ropeTables(offset, seq, headDim, options.base ?? 10000);
  const table = (values: Float64Array): F => f(constant(x.dtype, [seq, headDim / 2, 1], values));
  return rotatePairs(x, table(tables.cos), table(tables.sin));
}

/** NORM RoPE of `x: [..., seq, headDim]` with tables `[seq, headDim/2, 1]` (see `rope` and `ropeWith`). */
function rotatePairs<D extends FloatDType, S extends Shape>(x: Tensor<D, S>, cos: F, sin: F): Tensor<D, S> {
  const shape = x.shape;
  const pairs = f(reshape(f(x), [...shape.slice(0, -1), (shape.at(-1) as number) / 2, 2]));
  const [x0, x1] = [f(slice(pairs, -1, 0, 1)), f(slice(pairs, -1, 1, 1))];
  const rotated = concat([sub(mul(x0, cos), mul(x1, sin)), add(mul(x0, sin), mul(x1, cos))], -1);
  return typed(reshape(f(rotated), shape));
}

/**
 * Rotary position embedding of `x: [..., seq, headDim]` with the angles' tables given as tensors
 * `cos, sin: [seq, headDim / 2]` (row i, pair j: the angle of position i for frequency j), so that positions can
 * be arguments of a compiled function. `style` says which elements form the pair j:
 * - `"norm"` (llama.cpp's NORM RoPE, Meta's LLaMA, GGUF files): `(x[2j], x[2j+1])`;
 * - `"neox"` (GPT-NeoX, Hugging Face's LLaMA checkpoints): `(x[j], x[j + headDim/2])`.
 * Each pair becomes `(x0 cos - x1 sin, x0 sin + x1 cos)`. Written in the DSL's primitives (slices, products, a
 * concat), so every target lowers it.
 */
export function ropeWith<D extends FloatDType, S extends Shape>(x: Tensor<D, S>, cos: Tensor<NoInfer<D>>, sin: Tensor<NoInfer<D>>, style: "norm" | "neox" = "norm"): Tensor<D, S> {
  const site = captureCallSite();
  const shape = x.shape;
  if (shape.length < 2) throw new DslError("ropeWith", `needs [..., seq, headDim], not ${shapeText(shape)}`, site);
  const [seq, headDim] = [shape[shape.length - 2] as number, shape[shape.length - 1] as number];
  if (headDim % 2 !== 0) throw new DslError("ropeWith", `the head dimension ${headDim} of ${shapeText(shape)} is odd`, site);
  const half = headDim / 2;
  for (const [name, table] of [["cos", cos], ["sin", sin]] as const)
    if (shapeText(table.shape) !== shapeText([seq, half]))
      throw new DslError("ropeWith", `the ${name} table is ${shapeText(table.shape)}, expected [seq, headDim/2] = ${shapeText([seq, half])} for x ${shapeText(shape)}`, site);
  if (style === "norm") return rotatePairs(x, f(reshape(f(cos), [seq, half, 1])), f(reshape(f(sin), [seq, half, 1])));
  const [x0, x1] = [f(slice(f(x), -1, 0, half)), f(slice(f(x), -1, half, half))];
  return typed(concat([sub(mul(x0, f(cos)), mul(x1, f(sin))), add(mul(x0, f(sin)), mul(x1, f(cos)))], -1));
}

/**
 * The additive causal mask of `seq` new rows attending to `past + seq` keys: 0 where key j is at or before
 * the row's position (`j <= past + i`), -infinity after. A constant computed when traced.
 */
export function causalMask<D extends FloatDType, Seq extends Dim, Past extends Dim>(dtype: D, seq: Seq, past: Past): Tensor<D, [Seq, `${Past}+${Seq}`]> {
  const site = captureCallSite();
  const graph = currentGraph("causalMask");
  const [rows, before] = [graph.resolveDim("causalMask", seq, site), graph.resolveDim("causalMask", past, site)];
  const cols = before + rows;
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) values[i * cols + j] = j <= before + i ? 0 : -Infinity;
  return typed(constant(dtype, [rows, cols], values));
}
