/**
 * DSL ops that move or combine elements: matmul, reductions, reshape, transpose, slice, concat, gather.
 * As in ops-elementwise.ts, signatures reject what tsc can see and the trace checks the concrete shapes.
 */
import { type CallSite, captureCallSite, currentGraph, DslError, type ReduceFn, shapeText } from "./graph.ts";
import { broadcastShapes, isFloatDType, mul } from "./ops-elementwise.ts";
import { type Tensor, wrap } from "./tensor.ts";
import type {
  CheckAxis,
  CheckConcat,
  CheckMatmul,
  CheckPermutation,
  ConcatShape,
  DType,
  FloatDType,
  IntDType,
  MatmulShape,
  Permute,
  ReduceShape,
  ReplaceDim,
  NormalizeAxis,
  Shape,
  Dim,
  Writable,
} from "./types.ts";

/** `axis` in `[0, rank)`; out of range is an error of `op`. */
export function normalizeAxis(op: string, axis: number, shape: readonly number[], site: CallSite | undefined): number {
  const rank = shape.length;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank)
    throw new DslError(op, `axis ${axis} is out of range for a tensor of rank ${rank} ${shapeText(shape)}`, site);
  return axis < 0 ? axis + rank : axis;
}

const count = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

/** `[...batch, m, k] @ [...batch, k, n]`, batch dims broadcast. */
export function matmul<D extends DType, A extends Shape, B extends Shape>(a: Tensor<D, A>, b: Tensor<NoInfer<D>, B> & CheckMatmul<A, B>): Tensor<D, MatmulShape<A, B>> {
  const site = captureCallSite();
  const [sa, sb] = [a.shape, b.shape];
  if (sa.length < 2 || sb.length < 2) throw new DslError("matmul", `operands must have rank >= 2: ${shapeText(sa)} @ ${shapeText(sb)}`, site);
  if (a.dtype !== b.dtype) throw new DslError("matmul", `element types differ: ${a.dtype} ${shapeText(sa)} @ ${b.dtype} ${shapeText(sb)}`, site);
  const k = sa[sa.length - 1] as number;
  const k2 = sb[sb.length - 2] as number;
  if (k !== k2) throw new DslError("matmul", `inner dimensions differ: ${shapeText(sa)} @ ${shapeText(sb)} (${k} vs ${k2})`, site);
  const batch = broadcastShapes("matmul", [sa.slice(0, -2), sb.slice(0, -2)], site);
  const shape = [...batch, sa[sa.length - 2] as number, sb[sb.length - 1] as number];
  return wrap(currentGraph("matmul").add({ kind: "matmul" }, [a.node, b.node], a.dtype, shape, site));
}

export interface ReduceOptions<K extends boolean> {
  /** Keep the reduced axis as a dim of size 1 (default false). */
  readonly keepdims?: K;
}

function reduce(fn: ReduceFn, x: Tensor, axis: number, keepdims: boolean, site: CallSite | undefined): Tensor {
  const a = normalizeAxis(fn, axis, x.shape, site);
  const shape = keepdims ? x.shape.map((d, i) => (i === a ? 1 : d)) : x.shape.filter((_, i) => i !== a);
  return wrap(currentGraph(fn).add({ kind: "reduce", fn, axis: a, keepdims }, [x.node], x.dtype, shape, site));
}

/** The sum along `axis`. */
export const sum = <D extends DType, S extends Shape, Ax extends number, K extends boolean = false>(
  x: Tensor<D, S>,
  axis: Ax & CheckAxis<"sum", S, Ax>,
  opts?: ReduceOptions<K>,
): Tensor<D, ReduceShape<S, Ax, K>> => reduce("sum", x, axis, opts?.keepdims ?? false, captureCallSite()) as Tensor<D, ReduceShape<S, Ax, K>>;

/** The maximum along `axis`. */
export const max = <D extends DType, S extends Shape, Ax extends number, K extends boolean = false>(
  x: Tensor<D, S>,
  axis: Ax & CheckAxis<"max", S, Ax>,
  opts?: ReduceOptions<K>,
): Tensor<D, ReduceShape<S, Ax, K>> => reduce("max", x, axis, opts?.keepdims ?? false, captureCallSite()) as Tensor<D, ReduceShape<S, Ax, K>>;

/** The mean along `axis` (floats): the sum times 1/n. */
export function mean<D extends FloatDType, S extends Shape, Ax extends number, K extends boolean = false>(
  x: Tensor<D, S>,
  axis: Ax & CheckAxis<"mean", S, Ax>,
  opts?: ReduceOptions<K>,
): Tensor<D, ReduceShape<S, Ax, K>> {
  const site = captureCallSite();
  if (!isFloatDType(x.dtype)) throw new DslError("mean", `needs floats, not ${x.dtype}`, site);
  const a = normalizeAxis("mean", axis, x.shape, site);
  const total = reduce("sum", x, a, opts?.keepdims ?? false, site);
  return mul(total, 1 / (x.shape[a] as number)) as Tensor<D, ReduceShape<S, Ax, K>>;
}

/** The same elements in another shape (row-major); the element counts must agree (checked when traced). */
export function reshape<D extends DType, S extends Shape, const T extends Shape>(x: Tensor<D, S>, shape: T): Tensor<D, Writable<T>> {
  const site = captureCallSite();
  const graph = currentGraph("reshape");
  const dims = graph.resolveShape("reshape", shape, site);
  if (count(dims) !== count(x.shape))
    throw new DslError(
      "reshape",
      `cannot reshape ${shapeText(x.shape)} (${count(x.shape)} elements) to ${shapeText(shape)} = ${shapeText(dims)} (${count(dims)} elements)`,
      site,
    );
  return wrap(graph.add({ kind: "reshape" }, [x.node], x.dtype, dims, site));
}

/** Permutes the axes: result dim i is input dim `perm[i]`. */
export function transpose<D extends DType, S extends Shape, const P extends readonly number[]>(
  x: Tensor<D, S>,
  perm: P & CheckPermutation<S, P>,
): Tensor<D, Permute<S, P>> {
  const site = captureCallSite();
  const rank = x.rank;
  const seen = new Set<number>();
  for (const p of perm) {
    if (!Number.isInteger(p) || p < 0 || p >= rank || seen.has(p)) break;
    seen.add(p);
  }
  if (perm.length !== rank || seen.size !== rank)
    throw new DslError("transpose", `[${perm.join(", ")}] is not a permutation of the ${rank} axes of ${shapeText(x.shape)}`, site);
  const shape = perm.map((p) => x.shape[p] as number);
  return wrap(currentGraph("transpose").add({ kind: "transpose", perm: [...perm] }, [x.node], x.dtype, shape, site));
}

/** `size` elements from `start` along `axis` (bounds checked when traced). */
export function slice<D extends DType, S extends Shape, Ax extends number, const Size extends Dim>(
  x: Tensor<D, S>,
  axis: Ax & CheckAxis<"slice", S, Ax>,
  start: number | string,
  size: Size,
): Tensor<D, ReplaceDim<S, NormalizeAxis<Ax, S["length"]>, Size>> {
  const site = captureCallSite();
  const graph = currentGraph("slice");
  const a = normalizeAxis("slice", axis, x.shape, site);
  const [from, n] = [graph.resolveDim("slice", start, site), graph.resolveDim("slice", size, site)];
  const dim = x.shape[a] as number;
  if (from + n > dim) throw new DslError("slice", `[${from}, ${from + n}) is out of bounds of axis ${a} (size ${dim}) of ${shapeText(x.shape)}`, site);
  const begin = x.shape.map((_, i) => (i === a ? from : 0));
  const shape = x.shape.map((d, i) => (i === a ? n : d));
  return wrap(graph.add({ kind: "slice", start: begin }, [x.node], x.dtype, shape, site)) as Tensor<D, ReplaceDim<S, NormalizeAxis<Ax, S["length"]>, Size>>;
}

type ShapesOf<Ts extends readonly Tensor[]> = { readonly [K in keyof Ts]: Ts[K] extends Tensor<DType, infer S> ? S : never };
type DTypeOf<Ts extends readonly Tensor[]> = Ts[number] extends Tensor<infer D, Shape> ? D : never;

/** Joins tensors along `axis`; all other dims must agree. */
export function concat<const Ts extends readonly [Tensor, ...Tensor[]], Ax extends number>(
  tensors: Ts,
  axis: Ax & CheckConcat<ShapesOf<Ts>, Ax>,
): Tensor<DTypeOf<Ts>, ConcatShape<ShapesOf<Ts>, Ax>> {
  const site = captureCallSite();
  const first = tensors[0];
  const a = normalizeAxis("concat", axis, first.shape, site);
  for (const t of tensors) {
    const agrees = t.rank === first.rank && t.shape.every((d, i) => i === a || d === first.shape[i]);
    if (!agrees) throw new DslError("concat", `shapes ${shapeText(first.shape)} and ${shapeText(t.shape)} differ outside axis ${a}`, site);
    if (t.dtype !== first.dtype) throw new DslError("concat", `element types differ: ${first.dtype} and ${t.dtype}`, site);
  }
  const shape = first.shape.map((d, i) => (i === a ? tensors.reduce((s, t) => s + (t.shape[a] as number), 0) : d));
  return wrap(currentGraph("concat").add({ kind: "concat", axis: a }, tensors.map((t) => t.node), first.dtype, shape, site));
}

/** Rows of `table` picked by `ids` (an embedding lookup): `[v, ...e]` by ids `[...i]` gives `[...i, ...e]`. */
export function gather<D extends DType, V extends Dim, E extends Shape, I extends Shape>(
  table: Tensor<D, readonly [V, ...E]>,
  ids: Tensor<Extract<IntDType, "i32">, I>,
): Tensor<D, [...I, ...E]> {
  const site = captureCallSite();
  if (table.rank < 1) throw new DslError("gather", `the table must have rank >= 1, not ${shapeText(table.shape)}`, site);
  if (ids.dtype !== "i32") throw new DslError("gather", `indices must be i32, not ${ids.dtype}`, site);
  const shape = [...ids.shape, ...table.shape.slice(1)];
  return wrap(currentGraph("gather").add({ kind: "gather" }, [table.node, ids.node], table.dtype, shape, site));
}
