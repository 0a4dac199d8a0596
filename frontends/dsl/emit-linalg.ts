/**
 * DSL nodes to Linalg on tensors, the sibling of emit-tosa.ts. Every computation is a `linalg.generic` whose
 * indexing maps say the broadcast, transpose, reduction or contraction (broadcast dims read index 0), with
 * arith/math ops in its body; results start from `tensor.empty` (filled by a generic when they accumulate).
 * Data movement is the tensor dialect's: `collapse_shape`/`expand_shape` for reshapes (through rank 1),
 * `extract_slice`, `insert_slice` for concat, `extract` inside a generic for gather.
 */
import { ArrayAttr, type Attribute, AffineMapAttr, DenseArrayAttr, FloatAttr, IntegerAttr, OpaqueAttr } from "../../src/ir/attributes.ts";
import { affineAdd, affineConstant, affineDim, type AffineExpr } from "../../src/ir/affine-expr.ts";
import { buildNamedOp } from "../../dialects/linalg/named-ops.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { Builder } from "../../src/ir/builder.ts";
import type { Context } from "../../src/ir/context.ts";
import { Block, Region } from "../../src/ir/operation.ts";
import { FloatType, i32, i64, index, RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { parseAttribute } from "../../src/text/parser.ts";
import { isRight } from "fp-ts/lib/Either.js";
import type { DenseResourceElementsAttr } from "../../src/ir/attributes.ts";
import { createOp, denseOf, elementTypeOf, i64Array, nodeType, numElements, resultOf, tensorTypeOf } from "./emit-common.ts";
import type { TargetEmitter } from "./emit-tosa.ts";
import type { BinaryFn, CompareFn, Node, NodeOp, UnaryFn } from "./graph.ts";
import { isFloatDType } from "./ops-elementwise.ts";
import { Q8_0_BLOCK } from "./ops-weights.ts";
import type { DType } from "./types.ts";

type Iterator = "parallel" | "reduction";

/** One operand of a generic: its value and the map from the loops to its indices. */
interface Indexed {
  readonly value: Value;
  readonly map: AffineMap;
}

const floatBinary: Readonly<Record<BinaryFn, string>> = {
  add: "arith.addf",
  sub: "arith.subf",
  mul: "arith.mulf",
  div: "arith.divf",
  maximum: "arith.maxf",
  minimum: "arith.minf",
  pow: "math.powf",
};
const intBinary: Readonly<Record<Exclude<BinaryFn, "pow">, string>> = {
  add: "arith.addi",
  sub: "arith.subi",
  mul: "arith.muli",
  div: "arith.divsi",
  maximum: "arith.maxsi",
  minimum: "arith.minsi",
};
/** arith.cmpf / arith.cmpi predicates (MLIR's enum values). */
const floatPredicate: Readonly<Record<CompareFn, number>> = { equal: 1, greater: 2, greater_equal: 3 };
const intPredicate: Readonly<Record<CompareFn, number>> = { equal: 0, greater: 4, greater_equal: 5 };

export class LinalgEmitter implements TargetEmitter {
  private readonly iteratorAttrs = new Map<Iterator, Attribute>();

  constructor(
    private readonly ctx: Context,
    private readonly b: Builder,
  ) {}

  /** `#linalg.iterator_type<...>`: the linalg dialect's attribute when it is loaded, else kept as text. */
  private iterator(kind: Iterator): Attribute {
    let a = this.iteratorAttrs.get(kind);
    if (a === undefined) {
      const parsed = parseAttribute(`#linalg.iterator_type<${kind}>`, this.ctx);
      a = isRight(parsed) ? parsed.right : OpaqueAttr.get("linalg", `iterator_type<${kind}>`);
      this.iteratorAttrs.set(kind, a);
    }
    return a;
  }

  private op(name: string, operands: readonly Value[], type: Type, attrs: Record<string, Attribute> = {}, b: Builder = this.b): Value {
    return resultOf(createOp(this.ctx, b, name, operands, [type], attrs));
  }

  private empty(dtype: DType, shape: readonly number[]): Value {
    return this.op("tensor.empty", [], tensorTypeOf(dtype, shape));
  }

  /**
   * `linalg.generic` over `loops` (their iterator kinds), reading `inputs` and writing `init` (identity map
   * over the parallel loops unless `outMap`); `body` gets a builder in the block and the block's arguments
   * (inputs' elements, then the output's) and returns the value to yield.
   */
  private generic(
    loops: readonly Iterator[],
    inputs: readonly Indexed[],
    init: Value,
    outMap: AffineMap,
    body: (b: Builder, args: readonly Value[]) => Value,
  ): Value {
    const outType = init.type;
    const elementOf = (v: Value): Type => (v.type instanceof RankedTensorType ? v.type.elementType : v.type);
    const block = new Block([...inputs.map((i) => elementOf(i.value)), elementOf(init)], undefined);
    const region = new Region([block]);
    const inner = Builder.atEnd(block);
    inner.loc = this.b.loc;
    const yielded = body(inner, block.args);
    createOp(this.ctx, inner, "linalg.yield", [yielded], []);
    const attrs: Record<string, Attribute> = {
      indexing_maps: ArrayAttr.get([...inputs.map((i) => AffineMapAttr.get(i.map)), AffineMapAttr.get(outMap)]),
      iterator_types: ArrayAttr.get(loops.map((l) => this.iterator(l))),
      operand_segment_sizes: DenseArrayAttr.get(i32, [inputs.length, 1]),
    };
    return resultOf(createOp(this.ctx, this.b, "linalg.generic", [...inputs.map((i) => i.value), init], [outType], attrs, [region]));
  }

  /** The map reading a value of `shape` (right-aligned) inside loops over `loopShape`; size-1 dims read 0. */
  private broadcastMap(shape: readonly number[], loopShape: readonly number[]): AffineMap {
    const pad = loopShape.length - shape.length;
    const exprs: AffineExpr[] = shape.map((d, i) => (d === 1 && loopShape[pad + i] !== 1 ? affineConstant(0) : affineDim(pad + i)));
    return AffineMap.get(loopShape.length, 0, exprs);
  }

  private identity(rank: number): AffineMap {
    return AffineMap.get(rank, 0, Array.from({ length: rank }, (_, i) => affineDim(i)));
  }

  private scalarConst(b: Builder, dtype: DType, value: number): Value {
    const type = elementTypeOf(dtype);
    const attr = type instanceof FloatType ? FloatAttr.get(type, value) : IntegerAttr.get(type as Parameters<typeof IntegerAttr.get>[0], value);
    return this.op("arith.constant", [], type, { value: attr }, b);
  }

  resource(node: Node, attr: DenseResourceElementsAttr): Value {
    return this.op("arith.constant", [], nodeType(node), { value: attr });
  }

  node(node: Node, valueOf: (input: Node) => Value): Value {
    const { dtype, shape } = node;
    const op: NodeOp = node.op;
    const loops = (): Iterator[] => shape.map(() => "parallel");
    const elementwise = (body: (b: Builder, args: readonly Value[]) => Value, resultDType: DType = dtype): Value =>
      this.generic(
        loops(),
        node.inputs.map((n) => ({ value: valueOf(n), map: this.broadcastMap(n.shape, shape) })),
        this.empty(resultDType, shape),
        this.identity(shape.length),
        body,
      );
    const inputDType = (node.inputs[0] as Node | undefined)?.dtype ?? dtype;
    switch (op.kind) {
      case "input":
      case "param":
        throw new Error(`${op.kind} nodes are function arguments`);
      case "constant":
        return this.op("arith.constant", [], nodeType(node), { value: denseOf(dtype, shape, op.values) });
      case "unary":
        return elementwise((b, [x]) => this.unary(b, op.fn, dtype, x as Value));
      case "binary":
        return elementwise((b, [x, y]) => this.binary(b, op.fn, dtype, x as Value, y as Value));
      case "compare":
        return elementwise((b, [x, y]) => {
          const float = isFloatDType(inputDType);
          const predicate = IntegerAttr.get(i64, float ? floatPredicate[op.fn] : intPredicate[op.fn]);
          return this.op(float ? "arith.cmpf" : "arith.cmpi", [x as Value, y as Value], elementTypeOf("i1"), { predicate }, b);
        }, "i1");
      case "select":
        return elementwise((b, [c, x, y]) => this.op("arith.select", [c as Value, x as Value, y as Value], elementTypeOf(dtype), {}, b));
      case "cast":
        return elementwise((b, [x]) => this.cast(b, inputDType, dtype, x as Value));
      case "reshape":
        return this.reshape(valueOf(node.inputs[0] as Node), dtype, shape);
      case "transpose": {
        const inverse = new Array<number>(shape.length);
        op.perm.forEach((p, d) => (inverse[p] = d));
        const map = AffineMap.get(shape.length, 0, inverse.map((d) => affineDim(d)));
        return this.generic(loops(), [{ value: valueOf(node.inputs[0] as Node), map }], this.empty(dtype, shape), this.identity(shape.length), (_, [x]) => x as Value);
      }
      case "slice":
        return this.op("tensor.extract_slice", [valueOf(node.inputs[0] as Node)], nodeType(node), {
          operand_segment_sizes: DenseArrayAttr.get(i32, [1, 0, 0, 0]),
          static_offsets: i64Array(op.start),
          static_sizes: i64Array(shape),
          static_strides: i64Array(shape.map(() => 1)),
        });
      case "concat": {
        let acc = this.empty(dtype, shape);
        let offset = 0;
        for (const input of node.inputs) {
          acc = this.op("tensor.insert_slice", [valueOf(input), acc], nodeType(node), {
            operand_segment_sizes: DenseArrayAttr.get(i32, [1, 1, 0, 0, 0]),
            static_offsets: i64Array(shape.map((_, i) => (i === op.axis ? offset : 0))),
            static_sizes: i64Array(input.shape),
            static_strides: i64Array(shape.map(() => 1)),
          });
          offset += input.shape[op.axis] as number;
        }
        return acc;
      }
      case "reduce":
        return this.reduce(node, op, valueOf(node.inputs[0] as Node));
      case "matmul":
        return this.matmul(node, valueOf(node.inputs[0] as Node), valueOf(node.inputs[1] as Node));
      case "gather":
        return this.gather(node, valueOf(node.inputs[0] as Node), valueOf(node.inputs[1] as Node));
      case "linear_rows":
      case "linear_q8_0":
        return this.linearRows(node, valueOf(node.inputs[0] as Node), valueOf(node.inputs[1] as Node));
    }
  }

  /**
   * `x @ w^T` for a weight `[out, in]` as files store it (ops-weights.ts), on x viewed as `[rows, in]`:
   *
   *   linear_rows (w f16 here; f32 and bf16 alike):
   *     %r = linalg.matmul_transpose_b ins(%x, %w : tensor<4x64xf32>, tensor<96x64xf16>)
   *            outs(%zeros : tensor<4x96xf32>) -> tensor<4x96xf32>     // each w element extf'd in the body
   *
   *   linear_q8_0 (w: i8 [out, in/32, 34]): one generic over (row, out, block, element), reading the scale's
   *   two bytes and the element's int8 through three maps on the same tensor (x viewed as [rows, in/32, 32], so
   *   that every loop is some operand's dimension, as structured ops require):
   *     %r = linalg.generic {indexing_maps = [(r, o, b, e) -> (r, b, e), (r, o, b, e) -> (o, b, 0),
   *            (r, o, b, e) -> (o, b, 1), (r, o, b, e) -> (o, b, e + 2), (r, o, b, e) -> (r, o)],
   *            iterator_types = [parallel, parallel, reduction, reduction]}
   *            ins(%x3, %w, %w, %w : tensor<4x2x32xf32>, tensor<96x2x34xi8>, ...) outs(%zeros : tensor<4x96xf32>) {
   *     ^bb0(%xv: f32, %lo: i8, %hi: i8, %q: i8, %acc: f32):
   *       %bits = arith.ori (arith.shli (arith.extui %hi : i8 to i16), 8), (arith.extui %lo : i8 to i16)
   *       %d = arith.extf (arith.bitcast %bits : i16 to f16) : f16 to f32
   *       %wv = arith.mulf %d, (arith.sitofp %q : i8 to f32)
   *       linalg.yield (arith.addf %acc, (arith.mulf %xv, %wv))
   *     }
   */
  private linearRows(node: Node, x: Value, w: Value): Value {
    const [nx, nw] = node.inputs as [Node, Node];
    const inF = nx.shape.at(-1) as number;
    const outF = node.shape.at(-1) as number;
    const rows = numElements(nx.shape) / inF;
    const x2 = this.reshape(x, nx.dtype, [rows, inF]);
    const zeros = this.fill(node.dtype, [rows, outF], 0);
    let result: Value;
    if (node.op.kind === "linear_rows") {
      result = resultOf(this.b.insert(buildNamedOp("linalg.matmul_transpose_b", { inputs: [x2, w], outputs: [zeros] }, this.b.loc)));
    } else {
      const [r, o, blk, e] = [affineDim(0), affineDim(1), affineDim(2), affineDim(3)];
      const map = (...exprs: AffineExpr[]): AffineMap => AffineMap.get(4, 0, exprs);
      const t = elementTypeOf(node.dtype);
      const [i16t, f16t] = [elementTypeOf("i16"), elementTypeOf("f16")];
      result = this.generic(
        ["parallel", "parallel", "reduction", "reduction"],
        [
          { value: this.reshape(x2, nx.dtype, [rows, inF / Q8_0_BLOCK, Q8_0_BLOCK]), map: map(r, blk, e) },
          { value: w, map: map(o, blk, affineConstant(0)) },
          { value: w, map: map(o, blk, affineConstant(1)) },
          { value: w, map: map(o, blk, affineAdd(e, 2)) },
        ],
        zeros,
        map(r, o),
        (b, [xv, lo, hi, q, acc]) => {
          const wide = (v: Value): Value => this.op("arith.extui", [v], i16t, {}, b);
          const high = this.op("arith.shli", [wide(hi as Value), this.scalarConst(b, "i16", 8)], i16t, {}, b);
          const bits = this.op("arith.ori", [high, wide(lo as Value)], i16t, {}, b);
          const d = this.op("arith.extf", [this.op("arith.bitcast", [bits], f16t, {}, b)], t, {}, b);
          const wv = this.op("arith.mulf", [d, this.op("arith.sitofp", [q as Value], t, {}, b)], t, {}, b);
          return this.op("arith.addf", [acc as Value, this.op("arith.mulf", [xv as Value, wv], t, {}, b)], t, {}, b);
        },
      );
    }
    return this.reshape(result, node.dtype, node.shape);
  }

  private unary(b: Builder, fn: UnaryFn, dtype: DType, x: Value): Value {
    const t = elementTypeOf(dtype);
    const float = isFloatDType(dtype);
    const one = (): Value => this.scalarConst(b, dtype, 1);
    switch (fn) {
      case "neg":
        return float ? this.op("arith.negf", [x], t, {}, b) : this.op("arith.subi", [this.scalarConst(b, dtype, 0), x], t, {}, b);
      case "abs":
        return this.op(float ? "math.absf" : "math.absi", [x], t, {}, b);
      case "exp":
      case "log":
      case "rsqrt":
      case "tanh":
        return this.op(`math.${fn}`, [x], t, {}, b);
      case "reciprocal":
        return this.op("arith.divf", [one(), x], t, {}, b);
      case "sigmoid": {
        const e = this.op("math.exp", [this.op("arith.negf", [x], t, {}, b)], t, {}, b);
        return this.op("arith.divf", [one(), this.op("arith.addf", [one(), e], t, {}, b)], t, {}, b);
      }
    }
  }

  private binary(b: Builder, fn: BinaryFn, dtype: DType, x: Value, y: Value): Value {
    const name = isFloatDType(dtype) ? floatBinary[fn] : fn === "pow" ? undefined : intBinary[fn];
    if (name === undefined) throw new Error(`${fn} of ${dtype}`);
    return this.op(name, [x, y], elementTypeOf(dtype), {}, b);
  }

  private cast(b: Builder, from: DType, to: DType, x: Value): Value {
    const t = elementTypeOf(to);
    if (from === to) return x;
    const [fromFloat, toFloat] = [isFloatDType(from), isFloatDType(to)];
    const bits = (d: DType): number => (d === "f16" || d === "bf16" ? 16 : d === "f64" ? 64 : d === "f32" ? 32 : Number(d.slice(1)));
    if (fromFloat && toFloat) return this.op(bits(to) > bits(from) ? "arith.extf" : "arith.truncf", [x], t, {}, b);
    if (!fromFloat && toFloat) return this.op(from === "i1" ? "arith.uitofp" : "arith.sitofp", [x], t, {}, b);
    if (fromFloat && !toFloat) return this.op("arith.fptosi", [x], t, {}, b);
    return this.op(bits(to) > bits(from) ? (from === "i1" ? "arith.extui" : "arith.extsi") : "arith.trunci", [x], t, {}, b);
  }

  /** Any reshape as a collapse to rank 1 and an expansion from it (each a valid reassociation). */
  private reshape(x: Value, dtype: DType, shape: readonly number[]): Value {
    if (!(x.type instanceof RankedTensorType)) throw new Error("DSL values are ranked tensors");
    const from = x.type.shape;
    if (from.length === shape.length && from.every((d, i) => d === shape[i])) return x;
    const group = (rank: number): ArrayAttr => ArrayAttr.get(rank === 0 ? [] : [ArrayAttr.get(Array.from({ length: rank }, (_, i) => IntegerAttr.get(i64, i)))]);
    const flat = [numElements(shape)];
    const line = from.length === 1 ? x : this.op("tensor.collapse_shape", [x], tensorTypeOf(dtype, flat), { reassociation: group(from.length) });
    return shape.length === 1 ? line : this.op("tensor.expand_shape", [line], tensorTypeOf(dtype, shape), { reassociation: group(shape.length) });
  }

  /** A generic with the reduced axis as a reduction loop into a filled accumulator (0 or -inf), then keepdims. */
  private reduce(node: Node, op: Extract<NodeOp, { kind: "reduce" }>, x: Value): Value {
    const input = node.inputs[0] as Node;
    const rank = input.shape.length;
    const reduced = input.shape.filter((_, i) => i !== op.axis);
    const loops: Iterator[] = input.shape.map((_, i) => (i === op.axis ? "reduction" : "parallel"));
    const init = this.fill(node.dtype, reduced, op.fn === "sum" ? 0 : -Infinity);
    const outMap = AffineMap.get(rank, 0, input.shape.flatMap((_, i) => (i === op.axis ? [] : [affineDim(i)])));
    const t = elementTypeOf(node.dtype);
    const float = isFloatDType(node.dtype);
    const result = this.generic(loops, [{ value: x, map: this.identity(rank) }], init, outMap, (b, [v, acc]) =>
      this.op(op.fn === "sum" ? (float ? "arith.addf" : "arith.addi") : float ? "arith.maxf" : "arith.maxsi", [v as Value, acc as Value], t, {}, b),
    );
    return this.reshape(result, node.dtype, node.shape);
  }

  /** A tensor of `shape` filled with `value` (a generic over a scalar constant). */
  private fill(dtype: DType, shape: readonly number[], value: number): Value {
    const v = this.scalarConst(this.b, dtype, isFloatDType(dtype) ? value : Math.max(value, -(2 ** 31)));
    return this.generic(
      shape.map(() => "parallel"),
      [{ value: v, map: AffineMap.get(shape.length, 0, []) }],
      this.empty(dtype, shape),
      this.identity(shape.length),
      (_, [s]) => s as Value,
    );
  }

  /** `[...batch, m, k] @ [...batch2, k, n]`: loops (batch..., m, n, k), broadcast batches read index 0. */
  private matmul(node: Node, a: Value, b: Value): Value {
    const [na, nb] = node.inputs as [Node, Node];
    const out = node.shape;
    const batch = out.length - 2;
    const loopCount = out.length + 1;
    const batchExprs = (own: readonly number[]): AffineExpr[] => {
      const pad = batch - (own.length - 2);
      return own.slice(0, -2).map((d, i) => (d === 1 && out[pad + i] !== 1 ? affineConstant(0) : affineDim(pad + i)));
    };
    const [m, n, kk] = [affineDim(batch), affineDim(batch + 1), affineDim(batch + 2)];
    const mapA = AffineMap.get(loopCount, 0, [...batchExprs(na.shape), m, kk]);
    const mapB = AffineMap.get(loopCount, 0, [...batchExprs(nb.shape), kk, n]);
    const mapC = AffineMap.get(loopCount, 0, [...Array.from({ length: batch }, (_, i) => affineDim(i)), m, n]);
    const loops: Iterator[] = [...Array<Iterator>(out.length).fill("parallel"), "reduction"];
    const t = elementTypeOf(node.dtype);
    const float = isFloatDType(node.dtype);
    return this.generic(loops, [{ value: a, map: mapA }, { value: b, map: mapB }], this.fill(node.dtype, out, 0), mapC, (bb, [x, y, acc]) => {
      const prod = this.op(float ? "arith.mulf" : "arith.muli", [x as Value, y as Value], t, {}, bb);
      return this.op(float ? "arith.addf" : "arith.addi", [acc as Value, prod], t, {}, bb);
    });
  }

  /** Each output element reads `table[ids[i...], e...]` (`tensor.extract` in the body). */
  private gather(node: Node, table: Value, ids: Value): Value {
    const [nt, ni] = node.inputs as [Node, Node];
    const rank = node.shape.length;
    const idsMap = AffineMap.get(rank, 0, ni.shape.map((_, i) => affineDim(i)));
    return this.generic(node.shape.map(() => "parallel"), [{ value: ids, map: idsMap }], this.empty(node.dtype, node.shape), this.identity(rank), (b, [id]) => {
      const row = this.op("arith.index_cast", [id as Value], index, {}, b);
      const rest = nt.shape.slice(1).map((_, j) => this.op("linalg.index", [], index, { dim: IntegerAttr.get(i64, ni.shape.length + j) }, b));
      return this.op("tensor.extract", [table, row, ...rest], elementTypeOf(node.dtype), {}, b);
    });
  }
}
