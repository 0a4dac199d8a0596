/**
 * DSL nodes to TOSA (MLIR 16's tosa dialect), one small lowering per node kind. TOSA's own rules shape the
 * output: elementwise operands have equal ranks (lower ranks are reshaped with leading 1s), matmul is
 * `[n, m, k] x [n, k, c]` (batches are flattened, broadcast ones tiled), reductions take rank <= 4 (the input
 * is viewed as `[outer, n, inner]`), gather is `[n, k, c]` by `[n, w]`, float division is
 * `a * reciprocal(b)` (TOSA's div is integer only), and transpose takes its permutation as a constant.
 */
import type { DenseResourceElementsAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Context } from "../../src/ir/context.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { createOp, denseOf, i32Attr, i64Array, i64Attr, nodeType, numElements, resultOf, tensorTypeOf } from "./emit-common.ts";
import { DslError, type Node, type NodeOp, shapeText } from "./graph.ts";
import { isFloatDType } from "./ops-elementwise.ts";
import type { DType } from "./types.ts";

/** Lowers DSL nodes to one target's ops (TOSA here; emit-linalg.ts is the sibling). */
export interface TargetEmitter {
  /**
   * The value of `node`, built at the builder's insertion point and location; `valueOf` gives an input's
   * value (asked only for what is used: constants may be made at another rank instead).
   */
  node(node: Node, valueOf: (input: Node) => Value): Value;
  /** A parameter kept in the IR as a `dense_resource` constant. */
  resource(node: Node, attr: DenseResourceElementsAttr): Value;
}

const unaryOps = { neg: "tosa.negate", exp: "tosa.exp", log: "tosa.log", abs: "tosa.abs", rsqrt: "tosa.rsqrt", reciprocal: "tosa.reciprocal", sigmoid: "tosa.sigmoid", tanh: "tosa.tanh" } as const;
const binaryOps = { add: "tosa.add", sub: "tosa.sub", maximum: "tosa.maximum", minimum: "tosa.minimum", pow: "tosa.pow" } as const;
const compareOps = { greater: "tosa.greater", greater_equal: "tosa.greater_equal", equal: "tosa.equal" } as const;

export class TosaEmitter implements TargetEmitter {
  /** Constants by node and shape: made at their first use, at the rank that use needs. */
  private readonly constants = new Map<string, Value>();
  /** Reshapes already made, by value and target shape (a weight viewed as [1, k, n] by two matmuls is one op). */
  private readonly reshapes = new Map<Value, Map<string, Value>>();

  constructor(
    private readonly ctx: Context,
    private readonly b: Builder,
  ) {}

  private op(name: string, operands: readonly Value[], dtype: DType, shape: readonly number[], attrs: Parameters<typeof createOp>[5] = {}): Value {
    return resultOf(createOp(this.ctx, this.b, name, operands, [tensorTypeOf(dtype, shape)], attrs));
  }

  private shapeOf(v: Value): readonly number[] {
    if (!(v.type instanceof RankedTensorType)) throw new Error("DSL values are ranked tensors");
    return v.type.shape;
  }

  private reshape(v: Value, dtype: DType, shape: readonly number[]): Value {
    const from = this.shapeOf(v);
    if (from.length === shape.length && from.every((d, i) => d === shape[i])) return v;
    let byShape = this.reshapes.get(v);
    if (byShape === undefined) this.reshapes.set(v, (byShape = new Map()));
    const key = shape.join("x");
    let r = byShape.get(key);
    if (r === undefined) byShape.set(key, (r = this.op("tosa.reshape", [v], dtype, shape, { new_shape: i64Array(shape) })));
    return r;
  }

  /** `v` with leading 1s up to `rank` (TOSA's elementwise ops broadcast only between equal ranks). */
  private toRank(v: Value, dtype: DType, rank: number): Value {
    const shape = this.shapeOf(v);
    return shape.length >= rank ? v : this.reshape(v, dtype, [...Array<number>(rank - shape.length).fill(1), ...shape]);
  }

  resource(node: Node, attr: DenseResourceElementsAttr): Value {
    return resultOf(createOp(this.ctx, this.b, "tosa.const", [], [nodeType(node)], { value: attr }));
  }

  /** A constant node's value in `shape` (its own or with leading 1s), made once per shape. */
  private constant(node: Node, shape: readonly number[]): Value {
    if (node.op.kind !== "constant") throw new Error("not a constant node");
    const key = `${node.id}:${shape.join("x")}`;
    let v = this.constants.get(key);
    if (v === undefined) {
      v = this.op("tosa.const", [], node.dtype, shape, { value: denseOf(node.dtype, shape, node.op.values) });
      this.constants.set(key, v);
    }
    return v;
  }

  node(node: Node, valueOf: (input: Node) => Value): Value {
    const { dtype, shape } = node;
    const op: NodeOp = node.op;
    const rank = shape.length;
    const operands = (): Value[] => node.inputs.map(valueOf);
    const operand = (i: number): Value => valueOf(node.inputs[i] as Node);
    const inputs = (): Value[] =>
      node.inputs.map((input) => {
        if (input.op.kind !== "constant" || input.shape.length >= rank) return this.toRank(valueOf(input), input.dtype, rank);
        return this.constant(input, [...Array<number>(rank - input.shape.length).fill(1), ...input.shape]);
      });
    switch (op.kind) {
      case "input":
      case "param":
        throw new Error(`${op.kind} nodes are function arguments`);
      case "constant":
        return this.constant(node, shape);
      case "unary":
        return this.op(unaryOps[op.fn], operands(), dtype, shape);
      case "binary": {
        const [a, b] = inputs() as [Value, Value];
        if (op.fn === "mul") return this.op("tosa.mul", [a, b], dtype, shape, { shift: i32Attr(0) });
        if (op.fn === "div") {
          if (!isFloatDType(dtype)) return this.op("tosa.div", [a, b], dtype, shape);
          const inv = this.op("tosa.reciprocal", [b], dtype, this.shapeOf(b));
          return this.op("tosa.mul", [a, inv], dtype, shape, { shift: i32Attr(0) });
        }
        return this.op(binaryOps[op.fn], [a, b], dtype, shape);
      }
      case "compare":
        return this.op(compareOps[op.fn], inputs(), "i1", shape);
      case "select":
        return this.op("tosa.select", inputs(), dtype, shape);
      case "cast":
        return this.op("tosa.cast", operands(), dtype, shape);
      case "reshape":
        return this.reshape(operand(0), dtype, shape);
      case "transpose": {
        const perms = resultOf(
          createOp(this.ctx, this.b, "tosa.const", [], [tensorTypeOf("i32", [rank])], { value: denseOf("i32", [rank], op.perm) }),
        );
        return this.op("tosa.transpose", [operand(0), perms], dtype, shape);
      }
      case "slice":
        return this.op("tosa.slice", operands(), dtype, shape, { start: i64Array(op.start), size: i64Array(shape) });
      case "concat":
        return this.op("tosa.concat", operands(), dtype, shape, { axis: i64Attr(op.axis) });
      case "reduce":
        return this.reduce(node, op, operand(0));
      case "matmul":
        return this.matmul(node, operand(0), operand(1));
      case "gather":
        return this.gather(node, operand(0), operand(1));
      case "linear_rows":
        return this.fullyConnected(node, operand(0), operand(1));
      case "linear_q8_0":
        throw new DslError("linearQ8_0", "TOSA has no op for q8_0 weights dequantized inside the contraction: trace with target 'linalg'", node.site);
    }
  }

  /**
   * `x @ w^T` for a weight `[out, in]`: TOSA's fully connected layer with a zero bias, on x viewed as `[rows, in]`
   *
   *   %y = tosa.fully_connected %x, %w, %zeros : (tensor<4x64xf32>, tensor<96x64xf32>, tensor<96xf32>) -> tensor<4x96xf32>
   *
   * TOSA's operands share one float type: a weight of another type than x is a DslError (trace with 'linalg').
   */
  private fullyConnected(node: Node, x: Value, w: Value): Value {
    const [nx, nw] = node.inputs as [Node, Node];
    if (nw.dtype !== nx.dtype)
      throw new DslError("linearRows", `TOSA's fully_connected needs the weight in the input's type (${nw.dtype} weight, ${nx.dtype} input): trace with target 'linalg'`, node.site);
    const inF = nx.shape.at(-1) as number;
    const outF = node.shape.at(-1) as number;
    const rows = numElements(nx.shape) / inF;
    const bias = this.op("tosa.const", [], node.dtype, [outF], { value: denseOf(node.dtype, [outF], [0]) });
    const y = this.op("tosa.fully_connected", [this.reshape(x, nx.dtype, [rows, inF]), w, bias], node.dtype, [rows, outF]);
    return this.reshape(y, node.dtype, node.shape);
  }

  /** Views the input as `[outer, n, inner]` when needed (TOSA reduces rank <= 4), reduces axis 1, reshapes back. */
  private reduce(node: Node, op: Extract<NodeOp, { kind: "reduce" }>, x: Value): Value {
    const input = node.inputs[0] as Node;
    const name = op.fn === "sum" ? "tosa.reduce_sum" : "tosa.reduce_max";
    const keptShape = input.shape.map((d, i) => (i === op.axis ? 1 : d));
    if (input.shape.length <= 4) {
      const reduced = this.op(name, [x], node.dtype, keptShape, { axis: i64Attr(op.axis) });
      return this.reshape(reduced, node.dtype, node.shape);
    }
    const outer = numElements(input.shape.slice(0, op.axis));
    const inner = numElements(input.shape.slice(op.axis + 1));
    const viewed = this.reshape(x, node.dtype, [outer, input.shape[op.axis] as number, inner]);
    const reduced = this.op(name, [viewed], node.dtype, [outer, 1, inner], { axis: i64Attr(1) });
    return this.reshape(reduced, node.dtype, node.shape);
  }

  /**
   * `[...batch, m, k] @ [...batch2, k, n]` as TOSA's rank-3 matmul. A right operand without batch (all 1s)
   * folds the left's batch into m; equal batches are flattened; other broadcast batches are tiled first.
   */
  private matmul(node: Node, a: Value, b: Value): Value {
    const [na, nb] = node.inputs as [Node, Node];
    const { dtype } = node;
    const m = na.shape[na.shape.length - 2] as number;
    const k = na.shape[na.shape.length - 1] as number;
    const n = nb.shape[nb.shape.length - 1] as number;
    const batch = node.shape.slice(0, -2);
    const batchA = na.shape.slice(0, -2);
    const batchB = nb.shape.slice(0, -2);
    let c: Value;
    if (numElements(batchB) === 1) {
      const rows = numElements(batchA) * m;
      c = this.op("tosa.matmul", [this.reshape(a, dtype, [1, rows, k]), this.reshape(b, dtype, [1, k, n])], dtype, [1, rows, n]);
    } else {
      const full = (v: Value, own: readonly number[], inner: readonly number[]): Value => {
        const padded = [...Array<number>(batch.length - own.length).fill(1), ...own];
        const aligned = this.reshape(v, dtype, [...padded, ...inner]);
        if (padded.every((d, i) => d === batch[i])) return aligned;
        if (batch.length + 2 > 4)
          throw new DslError("matmul", `broadcasting batch ${shapeText(own)} to ${shapeText(batch)} needs tosa.tile, which takes rank <= 4`, node.site);
        const multiples = [...padded.map((d, i) => (d === 1 ? (batch[i] as number) : 1)), 1, 1];
        return this.op("tosa.tile", [aligned], dtype, [...batch, ...inner], { multiples: i64Array(multiples) });
      };
      const count = numElements(batch);
      const lhs = this.reshape(full(a, batchA, [m, k]), dtype, [count, m, k]);
      const rhs = this.reshape(full(b, batchB, [k, n]), dtype, [count, k, n]);
      c = this.op("tosa.matmul", [lhs, rhs], dtype, [count, m, n]);
    }
    return this.reshape(c, dtype, node.shape);
  }

  /** `table[ids]` as TOSA's gather: values `[1, v, prod(e)]`, indices `[1, prod(ids)]`. */
  private gather(node: Node, table: Value, ids: Value): Value {
    const [nt, ni] = node.inputs as [Node, Node];
    const width = numElements(nt.shape.slice(1));
    const count = numElements(ni.shape);
    const values = this.reshape(table, nt.dtype, [1, nt.shape[0] as number, width]);
    const indices = this.reshape(ids, "i32", [1, count]);
    const rows = this.op("tosa.gather", [values, indices], node.dtype, [1, count, width]);
    return this.reshape(rows, node.dtype, node.shape);
  }
}
