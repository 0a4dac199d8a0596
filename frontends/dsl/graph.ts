/**
 * The tracer's core, independent of the target dialect: a graph of DSL nodes, each with its concrete shape,
 * element type, scope name and the DSL call site that made it. DSL functions run once under `trace`; every op
 * they call appends a node to the current graph (so the node list is in topological order). The emitters
 * (emit-tosa.ts, emit-linalg.ts) turn the graph into IR.
 */
import type { DType, Shape } from "./types.ts";

/** Where in the user's code a DSL op was called (the first stack frame outside frontends/dsl). */
export interface CallSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type BinaryFn = "add" | "sub" | "mul" | "div" | "maximum" | "minimum" | "pow";
export type CompareFn = "greater" | "greater_equal" | "equal";
export type UnaryFn = "neg" | "exp" | "log" | "abs" | "rsqrt" | "reciprocal" | "sigmoid" | "tanh";
export type ReduceFn = "sum" | "max";

/** What a node computes. Shapes are the node's own (`Node.shape`); only what else an op needs is here. */
export type NodeOp =
  | { readonly kind: "input"; readonly name: string }
  | { readonly kind: "param"; readonly name: string }
  | { readonly kind: "constant"; readonly values: Float64Array | Int32Array }
  | { readonly kind: "binary"; readonly fn: BinaryFn }
  | { readonly kind: "compare"; readonly fn: CompareFn }
  | { readonly kind: "unary"; readonly fn: UnaryFn }
  | { readonly kind: "select" }
  | { readonly kind: "matmul" }
  | { readonly kind: "reduce"; readonly fn: ReduceFn; readonly axis: number; readonly keepdims: boolean }
  | { readonly kind: "reshape" }
  | { readonly kind: "transpose"; readonly perm: readonly number[] }
  | { readonly kind: "slice"; readonly start: readonly number[] }
  | { readonly kind: "concat"; readonly axis: number }
  | { readonly kind: "gather" }
  | { readonly kind: "cast" }
  /** `x @ w^T` for a weight `[out, in]` as model files store it; an f16/bf16 weight is widened inside the sum. */
  | { readonly kind: "linear_rows" }
  /** `x @ w^T` for a q8_0 weight given as its blocks' bytes, `i8 [out, in/32, 34]`, dequantized inside the sum. */
  | { readonly kind: "linear_q8_0" };

export type NodeKind = NodeOp["kind"];

export interface Node {
  readonly id: number;
  readonly op: NodeOp;
  readonly inputs: readonly Node[];
  readonly dtype: DType;
  /** The concrete shape (symbolic dims are bound when tracing). */
  readonly shape: readonly number[];
  /** The dotted scope path the op was made in (`layers.3.mlp.gate`), or "" at the top. */
  readonly scope: string;
  readonly site: CallSite | undefined;
}

/** A trace-time error: names the op, the shapes and the DSL call site. */
export class DslError extends Error {
  constructor(
    readonly op: string,
    readonly detail: string,
    readonly site: CallSite | undefined,
  ) {
    super(`${op}: ${detail}${site === undefined ? "" : ` (at ${site.file}:${site.line}:${site.column})`}`);
    this.name = "DslError";
  }
}

const dslDir = new URL(".", import.meta.url).pathname;

/** The first stack frame outside this folder: the user's call of a DSL op. */
export function captureCallSite(): CallSite | undefined {
  const stack = new Error().stack ?? "";
  for (const line of stack.split("\n").slice(1)) {
    const m = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (m === null) continue;
    const file = (m[1] ?? "").replace(/^file:\/\//, "");
    if (file.startsWith(dslDir) || file.startsWith("node:") || !file.includes("/")) continue;
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

export const shapeText = (shape: readonly (number | string)[]): string => `[${shape.join(", ")}]`;

/** The graph one `trace` builds, with the bindings of symbolic dims and the scope stack. */
export class Graph {
  readonly nodes: Node[] = [];
  readonly params = new Map<string, Node>();
  readonly inputs: Node[] = [];
  readonly scopes: string[] = [];

  constructor(readonly dims: Readonly<Record<string, number>>) {}

  get scope(): string {
    return this.scopes.join(".");
  }

  add(op: NodeOp, inputs: readonly Node[], dtype: DType, shape: readonly number[], site: CallSite | undefined): Node {
    const node: Node = { id: this.nodes.length, op, inputs, dtype, shape, scope: this.scope, site };
    this.nodes.push(node);
    return node;
  }

  /**
   * A declared dim as a size: a number, a bound name, or sums of products of those (`"past+seq"`,
   * `"2*seq"`). Unbound names and malformed sizes are trace-time errors of `op`.
   */
  resolveDim(op: string, dim: number | string, site: CallSite | undefined): number {
    if (typeof dim === "number") {
      if (!Number.isInteger(dim) || dim < 0) throw new DslError(op, `dimension ${dim} is not a non-negative integer`, site);
      return dim;
    }
    let total = 0;
    for (const term of dim.split("+")) {
      let product = 1;
      for (const factor of term.split("*").map((f) => f.trim())) {
        if (/^\d+$/.test(factor)) product *= Number(factor);
        else if (Object.hasOwn(this.dims, factor)) product *= this.dims[factor] as number;
        else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(factor))
          throw new DslError(op, `'${dim}' is not a dimension (a number, a name, or sums and products of those)`, site);
        else
          throw new DslError(
            op,
            `symbolic dimension '${factor}' is not bound (bound: ${Object.keys(this.dims).join(", ") || "none"}; pass trace(fn, { dims: { ${factor}: ... } }))`,
            site,
          );
      }
      total += product;
    }
    return total;
  }

  resolveShape(op: string, shape: Shape, site: CallSite | undefined): number[] {
    return shape.map((d) => this.resolveDim(op, d, site));
  }
}

let current: Graph | undefined;

/** The graph being traced; DSL ops outside `trace` are an error naming the op. */
export function currentGraph(op: string): Graph {
  if (current === undefined) throw new DslError(op, "DSL operations can only be called inside trace(fn, ...)", captureCallSite());
  return current;
}

/** Runs `fn` with `graph` as the current graph (traces do not nest). */
export function withGraph<R>(graph: Graph, fn: () => R): R {
  if (current !== undefined) throw new DslError("trace", "trace() cannot be called while another trace is running", captureCallSite());
  current = graph;
  try {
    return fn();
  } finally {
    current = undefined;
  }
}
