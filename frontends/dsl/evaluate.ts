/**
 * Evaluates a traced graph directly, in double precision, without IR: the DSL's own meaning of each node,
 * used to check a model's decomposition (reshapes, head grouping, RoPE pairs) apart from any lowering, and
 * to get reference outputs of a traced function quickly. Integers are kept as doubles (the DSL's integer ops
 * are index and mask arithmetic, far from 2^53); float results are not rounded to the element type.
 */
import { f16BitsToNumber } from "../gguf/ggml-types.ts";
import { DslError, type Node, shapeText } from "./graph.ts";

const strides = (shape: readonly number[]): number[] => {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = (out[i + 1] as number) * (shape[i + 1] as number);
  return out;
};
const count = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

/** The flat index in `from` (broadcast against `to`) of each element of `to`. */
function broadcastIndex(from: readonly number[], to: readonly number[]): Int32Array {
  const n = count(to);
  const out = new Int32Array(n);
  const pad = to.length - from.length;
  const fs = strides(from);
  const ts = strides(to);
  for (let i = 0; i < n; i++) {
    let src = 0;
    for (let d = pad; d < to.length; d++) {
      const coord = Math.floor(i / (ts[d] as number)) % (to[d] as number);
      if (from[d - pad] !== 1) src += coord * (fs[d - pad] as number);
    }
    out[i] = src;
  }
  return out;
}

const binaryFns = {
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  maximum: Math.max,
  minimum: Math.min,
  pow: Math.pow,
} as const;
const unaryFns = {
  neg: (x: number) => -x,
  exp: Math.exp,
  log: Math.log,
  abs: Math.abs,
  rsqrt: (x: number) => 1 / Math.sqrt(x),
  reciprocal: (x: number) => 1 / x,
  sigmoid: (x: number) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
} as const;
const compareFns = { greater: (a: number, b: number) => a > b, greater_equal: (a: number, b: number) => a >= b, equal: (a: number, b: number) => a === b } as const;

/** Computes `outputs` from the values of the input and parameter nodes (row-major, by node). */
export function evaluateGraph(outputs: readonly Node[], leaves: ReadonlyMap<Node, ArrayLike<number>>): Float64Array[] {
  const memo = new Map<Node, Float64Array>();
  const valueOf = (node: Node): Float64Array => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    const v = compute(node, valueOf, leaves);
    if (v.length !== count(node.shape)) throw new Error(`evaluate: ${node.op.kind} gave ${v.length} values for ${shapeText(node.shape)}`);
    memo.set(node, v);
    return v;
  };
  // Nodes are created in topological order, so evaluating by id keeps recursion shallow.
  const order = new Set<Node>();
  const visit = (n: Node): void => {
    if (order.has(n)) return;
    n.inputs.forEach(visit);
    order.add(n);
  };
  outputs.forEach(visit);
  for (const n of order) valueOf(n);
  return outputs.map(valueOf);
}

function compute(node: Node, valueOf: (n: Node) => Float64Array, leaves: ReadonlyMap<Node, ArrayLike<number>>): Float64Array {
  const op = node.op;
  const ins = node.inputs;
  const arg = (i: number): Float64Array => valueOf(ins[i] as Node);
  const out = new Float64Array(count(node.shape));
  switch (op.kind) {
    case "input":
    case "param": {
      const data = leaves.get(node);
      if (data === undefined) throw new DslError("evaluate", `no value for ${op.kind} '${op.name}'`, node.site);
      if (data.length !== out.length) throw new DslError("evaluate", `${op.kind} '${op.name}' is ${shapeText(node.shape)} but has ${data.length} values`, node.site);
      return Float64Array.from(data);
    }
    case "constant":
      return op.values.length === 1 ? out.fill(op.values[0] as number) : Float64Array.from(op.values);
    case "unary":
      return arg(0).map(unaryFns[op.fn]);
    case "binary":
    case "compare": {
      const [a, b] = [arg(0), arg(1)];
      const ia = broadcastIndex((ins[0] as Node).shape, node.shape);
      const ib = broadcastIndex((ins[1] as Node).shape, node.shape);
      const intDiv = op.kind === "binary" && op.fn === "div" && !node.dtype.startsWith("f") && node.dtype !== "bf16";
      for (let i = 0; i < out.length; i++) {
        const [x, y] = [a[ia[i] as number] as number, b[ib[i] as number] as number];
        out[i] = op.kind === "compare" ? Number(compareFns[op.fn](x, y)) : intDiv ? Math.trunc(x / y) : binaryFns[op.fn](x, y);
      }
      return out;
    }
    case "select": {
      const idx = ins.map((n) => broadcastIndex(n.shape, node.shape));
      const [c, a, b] = [arg(0), arg(1), arg(2)];
      for (let i = 0; i < out.length; i++) out[i] = (c[idx[0]?.[i] as number] as number) !== 0 ? (a[idx[1]?.[i] as number] as number) : (b[idx[2]?.[i] as number] as number);
      return out;
    }
    case "cast":
      return node.dtype.startsWith("i") ? arg(0).map((x) => (node.dtype === "i1" ? Number(x !== 0) : roundHalfEven(x))) : arg(0);
    case "reshape":
      return arg(0);
    case "transpose":
      return remap(arg(0), (ins[0] as Node).shape, node.shape, (d, c) => [op.perm[d] as number, c]);
    case "slice":
      return remap(arg(0), (ins[0] as Node).shape, node.shape, (d, c) => [d, c + (op.start[d] as number)]);
    case "concat": {
      const outer = count(node.shape.slice(0, op.axis));
      const inner = count(node.shape.slice(op.axis + 1));
      let at = 0;
      for (let o = 0; o < outer; o++)
        for (const n of ins) {
          const chunk = (n.shape[op.axis] as number) * inner;
          out.set(valueOf(n).subarray(o * chunk, (o + 1) * chunk), at);
          at += chunk;
        }
      return out;
    }
    case "reduce": {
      const x = arg(0);
      const shape = (ins[0] as Node).shape;
      const outer = count(shape.slice(0, op.axis));
      const n = shape[op.axis] as number;
      const inner = count(shape.slice(op.axis + 1));
      for (let o = 0; o < outer; o++)
        for (let k = 0; k < inner; k++) {
          let acc = op.fn === "sum" ? 0 : -Infinity;
          for (let j = 0; j < n; j++) {
            const v = x[(o * n + j) * inner + k] as number;
            acc = op.fn === "sum" ? acc + v : Math.max(acc, v);
          }
          out[o * inner + k] = acc;
        }
      return out;
    }
    case "matmul": {
      const [a, b] = [arg(0), arg(1)];
      const [sa, sb] = [(ins[0] as Node).shape, (ins[1] as Node).shape];
      const [m, k, n] = [sa[sa.length - 2] as number, sa[sa.length - 1] as number, sb[sb.length - 1] as number];
      const batch = node.shape.slice(0, -2);
      const ia = broadcastIndex(sa.slice(0, -2), batch);
      const ib = broadcastIndex(sb.slice(0, -2), batch);
      for (let p = 0; p < count(batch); p++) {
        const [oa, ob, oc] = [(ia[p] as number) * m * k, (ib[p] as number) * k * n, p * m * n];
        for (let i = 0; i < m; i++)
          for (let kk = 0; kk < k; kk++) {
            const av = a[oa + i * k + kk] as number;
            for (let j = 0; j < n; j++) out[oc + i * n + j] = (out[oc + i * n + j] as number) + av * (b[ob + kk * n + j] as number);
          }
      }
      return out;
    }
    case "linear_rows":
    case "linear_q8_0": {
      const [x, w] = [arg(0), arg(1)];
      const inF = (ins[0] as Node).shape.at(-1) as number;
      const outF = node.shape.at(-1) as number;
      const weight = op.kind === "linear_rows" ? w : dequantizeQ8_0Values(w, outF * inF);
      for (let r = 0; r < out.length / outF; r++)
        for (let o = 0; o < outF; o++) {
          let acc = 0;
          for (let k = 0; k < inF; k++) acc += (x[r * inF + k] as number) * (weight[o * inF + k] as number);
          out[r * outF + o] = acc;
        }
      return out;
    }
    case "gather": {
      const [table, ids] = [arg(0), arg(1)];
      const rows = (ins[0] as Node).shape[0] as number;
      const width = count((ins[0] as Node).shape.slice(1));
      ids.forEach((id, r) => {
        if (!(id >= 0 && id < rows)) throw new DslError("gather", `index ${id} is out of range for a table of ${rows} rows`, node.site);
        out.set(table.subarray(id * width, (id + 1) * width), r * width);
      });
      return out;
    }
  }
}

/**
 * The elements of `x` (of shape `from`) moved to shape `to`: output coordinate `c` along axis `d` reads input
 * axis `where(d, c)[0]` at coordinate `where(d, c)[1]` (transpose: another axis; slice: an offset).
 */
function remap(x: Float64Array, from: readonly number[], to: readonly number[], where: (d: number, c: number) => [number, number]): Float64Array {
  const out = new Float64Array(count(to));
  const inStrides = strides(from);
  const outStrides = strides(to);
  for (let i = 0; i < out.length; i++) {
    let src = 0;
    for (let d = 0; d < to.length; d++) {
      const [axis, coord] = where(d, Math.floor(i / (outStrides[d] as number)) % (to[d] as number));
      src += coord * (inStrides[axis] as number);
    }
    out[i] = x[src] as number;
  }
  return out;
}

/** The weights of q8_0 blocks given as signed bytes (34 per block: the f16 scale's two bytes, then 32 int8). */
function dequantizeQ8_0Values(bytes: Float64Array, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let b = 0; b < count / 32; b++) {
    const at = b * 34;
    const d = f16BitsToNumber(((bytes[at] as number) & 0xff) | (((bytes[at + 1] as number) & 0xff) << 8));
    for (let e = 0; e < 32; e++) out[b * 32 + e] = d * (bytes[at + 2 + e] as number);
  }
  return out;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
