/**
 * `trace(fn, options)`: runs a DSL function once on symbolic inputs, building the graph (graph.ts), then emits
 * a `func.func` of TOSA ops (default) or Linalg on tensors (`target: "linalg"`) inside a new module.
 *
 *   const traced = trace((inputs, model) => model.scope("mlp", (s) => ...), {
 *     inputs: { x: spec("f32", ["seq", 64]) },
 *     dims: { seq: 7 },
 *   });
 *   printOp(traced.module, { ctx: traced.ctx });
 *
 * The function's arguments are the inputs (in the order of `inputs`), then the parameters in the order they
 * were declared, unless `params: { resources }` keeps them in the IR as `dense_resource` constants.
 */
import { DenseResourceElementsAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Value } from "../../src/ir/value.ts";
import { createModule, type ModuleOp, moduleBody } from "../../dialects/builtin/index.ts";
import { buildFunc, type FuncOp, ReturnOp } from "../../dialects/func/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { nodeLoc, nodeType, tensorTypeOf } from "./emit-common.ts";
import { LinalgEmitter } from "./emit-linalg.ts";
import { TosaEmitter, type TargetEmitter } from "./emit-tosa.ts";
import { evaluateGraph } from "./evaluate.ts";
import { captureCallSite, DslError, Graph, type Node, shapeText, withGraph } from "./graph.ts";
import { Scope, Tensor, type TensorSpec, type TensorsOf } from "./tensor.ts";
import type { DType } from "./types.ts";

/** What a traced function may return: one tensor, a list, or named tensors. */
export type TraceResult = Tensor | readonly Tensor[] | Readonly<Record<string, Tensor>>;

export interface TraceOptions<I extends Readonly<Record<string, TensorSpec>>> {
  /** The function's symbol name (default `forward`). */
  readonly name?: string;
  readonly inputs: I;
  /** Sizes of the symbolic dims (`{ seq: 7 }`). */
  readonly dims?: Readonly<Record<string, number>>;
  /**
   * Parameters as function arguments (default), or as `dense_resource` constants whose bytes are given here
   * by parameter name (a typed array of the parameter's element type, row-major).
   */
  readonly params?: "arguments" | { readonly resources: Readonly<Record<string, ArrayBufferView>> | ((name: string) => ArrayBufferView | undefined) };
  /** The dialect of the body: `tosa` (default) or `linalg` (Linalg on tensors). */
  readonly target?: "tosa" | "linalg";
  /** The context whose dialects build the ops (default: a new one with every dialect). */
  readonly ctx?: Context;
}

export interface TracedValue {
  readonly name: string;
  readonly dtype: DType;
  readonly shape: readonly number[];
}

export interface Traced {
  readonly module: ModuleOp;
  readonly func: FuncOp;
  readonly ctx: Context;
  readonly graph: Graph;
  /** The function's arguments in order: inputs, then parameters passed as arguments. */
  readonly arguments: readonly (TracedValue & { readonly kind: "input" | "param" })[];
  readonly results: readonly TracedValue[];
  /** The graph nodes of the results (for `evaluate`). */
  readonly outputNodes: readonly Node[];
}

/** Runs `fn` on the declared inputs and returns the graph and its outputs (no IR yet). */
export function traceGraph<I extends Readonly<Record<string, TensorSpec>>>(
  fn: (inputs: TensorsOf<I>, model: Scope) => TraceResult,
  options: Pick<TraceOptions<I>, "inputs" | "dims">,
): { graph: Graph; outputs: readonly TracedValue[]; outputNodes: readonly Node[] } {
  const site = captureCallSite();
  const dims = options.dims ?? {};
  for (const [name, size] of Object.entries(dims))
    if (!Number.isInteger(size) || size < 0) throw new DslError("trace", `dimension '${name}' is bound to ${size}, not a non-negative integer`, site);
  const graph = new Graph(dims);
  const result = withGraph(graph, () => {
    const inputs: Record<string, Tensor> = {};
    for (const [name, s] of Object.entries(options.inputs)) {
      const shape = graph.resolveShape(`input '${name}'`, s.shape, site);
      const node = graph.add({ kind: "input", name }, [], s.dtype, shape, site);
      graph.inputs.push(node);
      inputs[name] = new Tensor(node);
    }
    return fn(inputs as TensorsOf<I>, new Scope(""));
  });
  const named: [string, unknown][] =
    result instanceof Tensor ? [["result", result]] : Array.isArray(result) ? result.map((t, i) => [`result${i}`, t]) : Object.entries(result);
  if (named.length === 0) throw new DslError("trace", "the traced function returned no tensors", site);
  const outputNodes = named.map(([name, t]) => {
    if (!(t instanceof Tensor)) throw new DslError("trace", `result '${name}' is not a DSL tensor`, site);
    return t.node;
  });
  return { graph, outputNodes, outputs: named.map(([name], i) => ({ name, dtype: (outputNodes[i] as Node).dtype, shape: (outputNodes[i] as Node).shape })) };
}

/** Traces `fn` into a module holding one `func.func` (see the header). */
export function trace<I extends Readonly<Record<string, TensorSpec>>>(fn: (inputs: TensorsOf<I>, model: Scope) => TraceResult, options: TraceOptions<I>): Traced {
  const site = captureCallSite();
  const ctx = options.ctx ?? newContext();
  const { graph, outputs, outputNodes } = traceGraph(fn, options);
  const resources = options.params === undefined || options.params === "arguments" ? undefined : options.params.resources;
  const paramArgs = resources === undefined ? [...graph.params.values()] : [];
  const argNodes = [...graph.inputs, ...paramArgs];

  const module = createModule();
  const b = Builder.atEnd(moduleBody(module));
  const live = liveNodes(graph, outputNodes);
  const func = buildFunc(
    b,
    options.name ?? "forward",
    argNodes.map(nodeType),
    outputNodes.map(nodeType),
    (entry, fb) => {
      const values = new Map<Node, Value>();
      argNodes.forEach((n, i) => values.set(n, entry.arg(i)));
      const emitter = emitterFor(options.target ?? "tosa", ctx, fb, site);
      // Constants are made by the emitter where they are first used, at the rank that use needs.
      const valueOf = (n: Node): Value => values.get(n) ?? fb.withLoc(nodeLoc(n), () => emitter.node(n, valueOf));
      for (const node of graph.nodes) {
        if (!live.has(node) || values.has(node) || node.op.kind === "constant") continue;
        fb.loc = nodeLoc(node);
        if (node.op.kind === "param") values.set(node, emitter.resource(node, resourceAttr(ctx, node, resources)));
        else values.set(node, emitter.node(node, valueOf));
      }
      fb.loc = nodeLoc(outputNodes[0] as Node);
      fb.create(ReturnOp, { values: outputNodes.map(valueOf) });
    },
  );
  const nameOf = (n: Node): string => (n.op.kind === "input" || n.op.kind === "param" ? n.op.name : "");
  return {
    module,
    func,
    ctx,
    graph,
    arguments: argNodes.map((n) => ({ name: nameOf(n), kind: n.op.kind === "input" ? "input" : "param", dtype: n.dtype, shape: n.shape })),
    results: outputs,
    outputNodes,
  };
}

function emitterFor(target: "tosa" | "linalg", ctx: Context, b: Builder, site: ReturnType<typeof captureCallSite>): TargetEmitter {
  switch (target) {
    case "tosa":
      return new TosaEmitter(ctx, b);
    case "linalg":
      return new LinalgEmitter(ctx, b);
    default:
      throw new DslError("trace", `unknown target '${String(target)}' (tosa or linalg)`, site);
  }
}

/** The nodes the outputs depend on. */
function liveNodes(graph: Graph, outputs: readonly Node[]): Set<Node> {
  const live = new Set<Node>(outputs);
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const n = graph.nodes[i] as Node;
    if (live.has(n)) n.inputs.forEach((m) => live.add(m));
  }
  return live;
}

const bytesPerElement: Readonly<Record<DType, number>> = { f16: 2, bf16: 2, f32: 4, f64: 8, i1: 1, i8: 1, i16: 2, i32: 4, i64: 8 };

/** The `dense_resource` of a parameter, its blob the bytes given for it (checked against its type). */
function resourceAttr(
  ctx: Context,
  node: Node,
  resources: Readonly<Record<string, ArrayBufferView>> | ((name: string) => ArrayBufferView | undefined) | undefined,
): DenseResourceElementsAttr {
  const name = node.op.kind === "param" ? node.op.name : "";
  const data = typeof resources === "function" ? resources(name) : resources?.[name];
  if (data === undefined) throw new DslError("param", `no data for parameter '${name}' (${node.dtype} ${shapeText(node.shape)}) in params.resources`, node.site);
  const expected = node.shape.reduce((p, d) => p * d, 1) * bytesPerElement[node.dtype];
  if (data.byteLength !== expected)
    throw new DslError("param", `'${name}' is ${node.dtype} ${shapeText(node.shape)} (${expected} bytes) but its data has ${data.byteLength} bytes`, node.site);
  const handle = ctx.resource(name);
  handle.blob = { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), alignment: bytesPerElement[node.dtype] };
  return DenseResourceElementsAttr.get(tensorTypeOf(node.dtype, node.shape), handle);
}

/**
 * The traced function's results computed from the graph in double precision (evaluate.ts), from values of its
 * inputs and parameters by name (whether the parameters became arguments or resources).
 */
export function evaluate(traced: Traced, values: Readonly<Record<string, ArrayLike<number>>>): Float64Array[] {
  const leaves = new Map<Node, ArrayLike<number>>();
  for (const n of [...traced.graph.inputs, ...traced.graph.params.values()]) {
    const name = n.op.kind === "input" || n.op.kind === "param" ? n.op.name : "";
    const v = values[name];
    if (v !== undefined) leaves.set(n, v);
  }
  return evaluateGraph(traced.outputNodes, leaves);
}
