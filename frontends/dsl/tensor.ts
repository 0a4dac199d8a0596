/**
 * `Tensor<DType, Shape>`: a value of a traced DSL function. Its type carries the element type and the shape as
 * tsc sees it (literals and names, see types.ts); at trace time it wraps a graph node with the concrete shape.
 * `Scope` names what is made inside it (`model.scope("layers.3", ...)`) and declares parameters.
 */
import { type CallSite, captureCallSite, currentGraph, DslError, type Graph, type Node, shapeText } from "./graph.ts";
import type { DType, Shape, Writable } from "./types.ts";

export class Tensor<D extends DType = DType, S extends Shape = Shape> {
  /** The shape as tsc sees it; at run time only `shape` (the concrete sizes) exists. */
  declare readonly "~shape": S;

  /** @internal Tensors are made by DSL ops, never by users. */
  constructor(readonly node: Node) {}

  get dtype(): D {
    return this.node.dtype as D;
  }
  /** The concrete sizes (symbolic dims bound). */
  get shape(): readonly number[] {
    return this.node.shape;
  }
  get rank(): number {
    return this.node.shape.length;
  }
  toString(): string {
    return `Tensor<${this.node.dtype}, ${shapeText(this.node.shape)}>`;
  }
}

/** What an input or parameter is declared as: an element type and a shape (names allowed). */
export interface TensorSpec<D extends DType = DType, S extends Shape = Shape> {
  readonly dtype: D;
  readonly shape: S;
}

/** `spec("f32", ["seq", 64])`: the declaration of an input of that type. */
export function spec<D extends DType, const S extends Shape>(dtype: D, shape: S): TensorSpec<D, Writable<S>> {
  return { dtype, shape: shape as Writable<S> };
}

export type TensorOf<T> = T extends TensorSpec<infer D, infer S> ? Tensor<D, S> : never;
export type TensorsOf<I extends Readonly<Record<string, TensorSpec>>> = { readonly [K in keyof I]: TensorOf<I[K]> };

/** Wraps a node made by an op (the op's result type is given by its signature). */
export const wrap = <D extends DType, S extends Shape>(node: Node): Tensor<D, S> => new Tensor<D, S>(node);

/**
 * A named scope of the model: ops made inside `scope(name, body)` carry the dotted path as their location
 * (`loc("layers.3.mlp.gate")`), and `param(name, ...)` declares the parameter `<path>.<name>`.
 */
export class Scope {
  constructor(readonly path: string) {}

  /** Runs `body` inside the sub-scope `name` (dots allowed: `"layers.3"`). */
  scope<R>(name: string, body: (scope: Scope) => R): R {
    const graph = currentGraph("scope");
    if (name === "" || name.split(".").some((part) => part === "")) throw new DslError("scope", `'${name}' is not a scope name`, captureCallSite());
    const saved = graph.scopes.splice(0);
    graph.scopes.push(...(this.path === "" ? [] : [this.path]), name);
    try {
      return body(new Scope(graph.scope));
    } finally {
      graph.scopes.splice(0, graph.scopes.length, ...saved);
    }
  }

  /**
   * The parameter `<path>.<name>` of this type. Declaring it again with the same type gives the same
   * tensor (weights shared between uses); with another type it is an error.
   */
  param<D extends DType, const S extends Shape>(name: string, dtype: D, shape: S): Tensor<D, Writable<S>> {
    const site = captureCallSite();
    const graph = currentGraph("param");
    const full = this.path === "" ? name : `${this.path}.${name}`;
    const dims = graph.resolveShape(`param '${full}'`, shape, site);
    const known = graph.params.get(full);
    if (known !== undefined) {
      if (known.dtype !== dtype || shapeText(known.shape) !== shapeText(dims))
        throw new DslError(
          "param",
          `'${full}' was declared as ${known.dtype} ${shapeText(known.shape)}${siteText(known.site)} and now as ${dtype} ${shapeText(dims)}`,
          site,
        );
      return wrap(known);
    }
    const node = withScope(graph, full, () => graph.add({ kind: "param", name: full }, [], dtype, dims, site));
    graph.params.set(full, node);
    return wrap(node);
  }
}

const siteText = (site: CallSite | undefined): string => (site === undefined ? "" : ` at ${site.file}:${site.line}`);

/** Runs `fn` with the graph's scope set to `path` (parameters are named by their own path). */
function withScope<R>(graph: Graph, path: string, fn: () => R): R {
  const saved = graph.scopes.splice(0);
  graph.scopes.push(path);
  try {
    return fn();
  } finally {
    graph.scopes.splice(0, graph.scopes.length, ...saved);
  }
}
