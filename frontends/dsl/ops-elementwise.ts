/**
 * Elementwise DSL ops: arithmetic with NumPy broadcasting, comparisons, select, unary functions, casts and
 * constants. Signatures reject at compile time what tsc can see (types.ts); each op checks the concrete
 * shapes again when traced (wide shapes, symbolic dims) and throws a DslError naming the op, the shapes and
 * the call site.
 */
import { type BinaryFn, type CallSite, captureCallSite, type CompareFn, currentGraph, DslError, type Node, shapeText, type UnaryFn } from "./graph.ts";
import { Tensor, wrap } from "./tensor.ts";
import type { Broadcast, CheckBroadcast, DType, FloatDType, Shape, Writable } from "./types.ts";

export const isFloatDType = (d: DType): d is FloatDType => d === "f16" || d === "bf16" || d === "f32" || d === "f64";

/** NumPy broadcasting of concrete shapes; a mismatch is an error of `op`. */
export function broadcastShapes(op: string, shapes: readonly (readonly number[])[], site: CallSite | undefined): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let size = 1;
    for (const s of shapes) {
      const d = s[s.length - rank + i] ?? 1;
      if (d === 1 || d === size) continue;
      if (size !== 1) throw new DslError(op, `shapes ${shapes.map(shapeText).join(" and ")} do not broadcast (dimension ${i - rank}: ${size} vs ${d})`, site);
      size = d;
    }
    out.push(size);
  }
  return out;
}

function sameDType(op: string, nodes: readonly Node[], site: CallSite | undefined): DType {
  const dtype = nodes[0]?.dtype as DType;
  for (const n of nodes)
    if (n.dtype !== dtype) throw new DslError(op, `element types differ: ${nodes.map((m) => `${m.dtype} ${shapeText(m.shape)}`).join(" and ")}`, site);
  return dtype;
}

/** A number operand becomes a rank-0 constant of the other operand's element type. */
function operandNode(op: string, x: Tensor | number, dtype: DType, site: CallSite | undefined): Node {
  if (x instanceof Tensor) return x.node;
  if (!isFloatDType(dtype) && !Number.isInteger(x)) throw new DslError(op, `${x} is not a value of ${dtype}`, site);
  const values = isFloatDType(dtype) ? Float64Array.of(x) : Int32Array.of(x);
  return currentGraph(op).add({ kind: "constant", values }, [], dtype, [], site);
}

function binary(fn: BinaryFn, a: Tensor, b: Tensor | number): Tensor {
  const site = captureCallSite();
  const graph = currentGraph(fn);
  const rhs = operandNode(fn, b, a.dtype, site);
  const dtype = sameDType(fn, [a.node, rhs], site);
  if (fn === "pow" && !isFloatDType(dtype)) throw new DslError(fn, `needs floats, not ${dtype}`, site);
  return wrap(graph.add({ kind: "binary", fn }, [a.node, rhs], dtype, broadcastShapes(fn, [a.shape, rhs.shape], site), site));
}

// The second operand of a broadcasting op is a tensor whose shape broadcasts with the first, or a number. It is
// spelled out in each signature (not an alias) so that tsc's message shows the ShapeError's text.

export const add = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"add", A, B>) | number): Tensor<D, Broadcast<A, B>> =>
  binary("add", a, b) as Tensor<D, Broadcast<A, B>>;
export const sub = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"sub", A, B>) | number): Tensor<D, Broadcast<A, B>> =>
  binary("sub", a, b) as Tensor<D, Broadcast<A, B>>;
export const mul = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"mul", A, B>) | number): Tensor<D, Broadcast<A, B>> =>
  binary("mul", a, b) as Tensor<D, Broadcast<A, B>>;
/** Division (floats: `a * reciprocal(b)` in TOSA, which has no float division; integers: truncating). */
export const div = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"div", A, B>) | number): Tensor<D, Broadcast<A, B>> =>
  binary("div", a, b) as Tensor<D, Broadcast<A, B>>;
export const maximum = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"maximum", A, B>) | number): Tensor<D, Broadcast<A, B>> =>
  binary("maximum", a, b) as Tensor<D, Broadcast<A, B>>;
export const minimum = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"minimum", A, B>) | number): Tensor<D, Broadcast<A, B>> =>
  binary("minimum", a, b) as Tensor<D, Broadcast<A, B>>;
export const pow = <D extends FloatDType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"pow", A, B>) | number): Tensor<D, Broadcast<A, B>> =>
  binary("pow", a, b) as Tensor<D, Broadcast<A, B>>;

function compare(fn: CompareFn, a: Tensor, b: Tensor | number): Tensor {
  const site = captureCallSite();
  const rhs = operandNode(fn, b, a.dtype, site);
  sameDType(fn, [a.node, rhs], site);
  return wrap(currentGraph(fn).add({ kind: "compare", fn }, [a.node, rhs], "i1", broadcastShapes(fn, [a.shape, rhs.shape], site), site));
}

export const greater = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"greater", A, B>) | number): Tensor<"i1", Broadcast<A, B>> =>
  compare("greater", a, b) as Tensor<"i1", Broadcast<A, B>>;
export const greaterEqual = <D extends DType, A extends Shape, B extends Shape = []>(
  a: Tensor<D, A>,
  b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"greaterEqual", A, B>) | number,
): Tensor<"i1", Broadcast<A, B>> => compare("greater_equal", a, b) as Tensor<"i1", Broadcast<A, B>>;
export const equal = <D extends DType, A extends Shape, B extends Shape = []>(a: Tensor<D, A>, b: (Tensor<NoInfer<D>, B> & CheckBroadcast<"equal", A, B>) | number): Tensor<"i1", Broadcast<A, B>> =>
  compare("equal", a, b) as Tensor<"i1", Broadcast<A, B>>;

/** `cond ? a : b` elementwise, all three broadcast together. */
export function select<D extends DType, C extends Shape, A extends Shape, B extends Shape>(
  cond: Tensor<"i1", C>,
  a: Tensor<D, A> & CheckBroadcast<"select", C, A>,
  b: Tensor<NoInfer<D>, B> & CheckBroadcast<"select", Broadcast<C, A>, B>,
): Tensor<D, Broadcast<Broadcast<C, A>, B>> {
  const site = captureCallSite();
  if (cond.dtype !== "i1") throw new DslError("select", `the condition must be i1, not ${cond.dtype}`, site);
  const dtype = sameDType("select", [a.node, b.node], site);
  const shape = broadcastShapes("select", [cond.shape, a.shape, b.shape], site);
  return wrap(currentGraph("select").add({ kind: "select" }, [cond.node, a.node, b.node], dtype, shape, site));
}

const floatOnly: ReadonlySet<UnaryFn> = new Set(["exp", "log", "rsqrt", "reciprocal", "sigmoid", "tanh"]);

function unary<D extends DType, S extends Shape>(fn: UnaryFn, x: Tensor<D, S>): Tensor<D, S> {
  const site = captureCallSite();
  if (floatOnly.has(fn) && !isFloatDType(x.dtype)) throw new DslError(fn, `needs floats, not ${x.dtype} ${shapeText(x.shape)}`, site);
  return wrap(currentGraph(fn).add({ kind: "unary", fn }, [x.node], x.dtype, x.shape, site));
}

export const neg = <D extends DType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("neg", x);
export const abs = <D extends DType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("abs", x);
export const exp = <D extends FloatDType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("exp", x);
export const log = <D extends FloatDType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("log", x);
export const rsqrt = <D extends FloatDType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("rsqrt", x);
export const reciprocal = <D extends FloatDType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("reciprocal", x);
export const sigmoid = <D extends FloatDType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("sigmoid", x);
export const tanh = <D extends FloatDType, S extends Shape>(x: Tensor<D, S>): Tensor<D, S> => unary("tanh", x);

/** Converts the element type (floats to integers round to nearest even, as TOSA's cast). */
export function cast<To extends DType, D extends DType, S extends Shape>(x: Tensor<D, S>, to: To): Tensor<To, S> {
  const site = captureCallSite();
  return wrap(currentGraph("cast").add({ kind: "cast" }, [x.node], to, x.shape, site));
}

/** A constant tensor (row-major values; one value is a splat). */
export function constant<D extends DType, const S extends Shape>(dtype: D, shape: S, values: ArrayLike<number>): Tensor<D, Writable<S>> {
  const site = captureCallSite();
  const graph = currentGraph("constant");
  const dims = graph.resolveShape("constant", shape, site);
  const count = dims.reduce((p, d) => p * d, 1);
  if (values.length !== count && values.length !== 1)
    throw new DslError("constant", `${values.length} values for shape ${shapeText(dims)} (${count} elements)`, site);
  const data = isFloatDType(dtype) ? Float64Array.from({ length: count }, (_, i) => values[values.length === 1 ? 0 : i] as number) : new Int32Array(count);
  if (!isFloatDType(dtype))
    for (let i = 0; i < count; i++) {
      const v = values[values.length === 1 ? 0 : i] as number;
      if (!Number.isInteger(v)) throw new DslError("constant", `${v} is not a value of ${dtype}`, site);
      data[i] = v;
    }
  return wrap(graph.add({ kind: "constant", values: data }, [], dtype, dims, site));
}
