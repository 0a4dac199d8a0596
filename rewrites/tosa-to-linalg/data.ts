/**
 * tosa-to-linalg's patterns for the ops that move data or reduce it (MLIR 16's IdentityNConverter,
 * ReduceConverter, ReshapeConverter*, TransposeConverter, ConcatConverter, ReverseConverter, TileConverter). Each
 * pattern's doc comment shows its before and after IR; shapes are static (the conversion fails, naming the op,
 * on dynamic ones).
 */
import { DenseArrayAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { affineDim } from "../../src/ir/affine-expr.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, IntegerType, RankedTensorType, type Type, i64, index } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, convert, convertAny } from "../../src/rewrite/conversion.ts";
import * as A from "../../dialects/arith/index.ts";
import { IndexOp } from "../../dialects/linalg/index.ts";
import { DimOp, ExtractOp, InsertSliceOp, insertSliceArgs } from "../../dialects/tensor/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { type OpKindClass, build, constantIndex, constantInts, constantOf, emptyTensor, expandShape, fill, generic, identityMap, parallel, reshapeTo } from "./build.ts";
import { bin, cmpi, select } from "./elementwise-body.ts";
import { staticTensorsOnly } from "./elementwise.ts";

const K = (c: unknown): OpKindClass => c as OpKindClass;
const tensorType = (v: Value): RankedTensorType => v.type as RankedTensorType;
const axisOf = (op: Operation): number => Number((op.attr("axis") as IntegerAttr).value);

/**
 * identity -> its operand.
 *   %1 = "tosa.identity"(%0) : (tensor<4xf32>) -> tensor<4xf32>     (uses of %1 become uses of %0)
 */
export const identityToOperand = convert({
  name: "tosa-to-linalg-identity",
  root: T.IdentityOp,
  apply(op, adaptor, rw) {
    rw.replaceOp(op, [adaptor.getOperand(0)]);
    return rw.done();
  },
});

/** The identity of a reduction: where the accumulator starts. Floats start at the infinities (the spec). */
function reductionInit(kind: string, e: Type): number | bigint | undefined {
  const w = e instanceof IntegerType ? e.width : 0;
  if (e instanceof FloatType) return ({ sum: 0, prod: 1, max: -Infinity, min: Infinity } as Record<string, number>)[kind];
  if (w === 1) return ({ all: 1, any: 0 } as Record<string, number>)[kind];
  return ({ sum: 0n, prod: 1n, max: -(1n << BigInt(w - 1)), min: (1n << BigInt(w - 1)) - 1n } as Record<string, bigint>)[kind];
}

/** The combining step of a reduction on (element, accumulator). */
function reductionStep(b: Builder, kind: string, x: Value, acc: Value): Value {
  const f = x.type instanceof FloatType;
  switch (kind) {
    case "sum": return bin(b, f ? A.AddFOp : A.AddIOp, x, acc);
    case "prod": return bin(b, f ? A.MulFOp : A.MulIOp, x, acc);
    case "max": return f ? bin(b, A.MaxFOp, x, acc) : select(b, cmpi(b, "sgt", x, acc), x, acc);
    case "min": return f ? bin(b, A.MinFOp, x, acc) : select(b, cmpi(b, "slt", x, acc), x, acc);
    case "all": return bin(b, A.AndIOp, x, acc);
    default: return bin(b, A.OrIOp, x, acc);
  }
}

/**
 * reduce_{sum,prod,max,min,all,any} along `axis`: a linalg.generic reducing into a filled tensor without the
 * axis, expanded back to size 1 there. Floats' max/min start at -inf/+inf (the spec; MLIR 16 starts at the
 * largest finite values, so it turns an all -inf input into -3.4e38). A size-1 axis reduces nothing: the
 * operand is the result (MLIR's fold, which keeps -0.0 where a sum from +0.0 would not).
 *   %1 = "tosa.reduce_sum"(%0) {axis = 1 : i64} : (tensor<3x4xf32>) -> tensor<3x1xf32>
 *
 *   %e = tensor.empty() : tensor<3xf32>
 *   %cst = arith.constant 0.000000e+00 : f32
 *   %f = linalg.fill ins(%cst : f32) outs(%e : tensor<3xf32>) -> tensor<3xf32>
 *   %r = linalg.generic {indexing_maps = [(d0, d1) -> (d0, d1), (d0, d1) -> (d0)], iterator_types = ["parallel", "reduction"]}
 *          ins(%0 : tensor<3x4xf32>) outs(%f : tensor<3xf32>) {
 *   ^bb0(%in: f32, %out: f32):
 *     %s = arith.addf %in, %out : f32
 *     linalg.yield %s : f32
 *   } -> tensor<3xf32>
 *   %1 = tensor.expand_shape %r [[0, 1]] : tensor<3xf32> into tensor<3x1xf32>
 */
export const reducePatterns: readonly ConversionPattern[] = [T.ReduceAllOp, T.ReduceAnyOp, T.ReduceMinOp, T.ReduceMaxOp, T.ReduceSumOp, T.ReduceProdOp].map((def) => {
  const opName = def.info?.name as string;
  const kind = opName.slice("tosa.reduce_".length);
  return convertAny({
    name: `tosa-to-linalg-${opName.slice("tosa.".length)}`,
    root: opName,
    apply(op, _adaptor, rw) {
      const unsupported = staticTensorsOnly(op);
      if (unsupported !== undefined) return rw.fail(unsupported);
      const input = op.getOperand(0);
      const inputType = tensorType(input);
      const resultType = tensorType(op.getResult(0));
      const axis = axisOf(op);
      const e = inputType.elementType;
      const init = reductionInit(kind, e);
      if (init === undefined) return rw.fail(`no reduce_${kind} of ${String(e)}`);
      if (inputType.shape[axis] === 1) {
        rw.replaceOp(op, [input]);
        return rw.done();
      }
      const reducedShape = inputType.shape.filter((_, i) => i !== axis);
      const reducedType = RankedTensorType.get(reducedShape, e);
      const empty = emptyTensor(rw, reducedType);
      const acc = fill(rw, constantOf(rw, e, init), empty);
      const rank = inputType.rank;
      const outMap = AffineMap.get(rank, 0, inputType.shape.flatMap((_, i) => (i === axis ? [] : [affineDim(i)])));
      const reduced = generic(
        rw,
        { inputs: [input], inits: [acc], maps: [identityMap(rank), outMap], iterators: inputType.shape.map((_, i) => (i === axis ? "reduction" : "parallel")) },
        (b, [x, a]) => [reductionStep(b, kind, x as Value, a as Value)],
      ).getResult(0);
      rw.replaceOp(op, [expandReduced(rw, reduced, resultType, axis)]);
      return rw.done();
    },
  });
});


/** The reduced tensor with its size-1 axis back: MLIR 16's expand_shape groups (the axis joins its left neighbour, or the first dim). */
function expandReduced(b: Builder, reduced: Value, resultType: RankedTensorType, axis: number): Value {
  const rank = tensorType(reduced).rank;
  if (rank === 0) return expandShape(b, reduced, resultType, []);
  // Group i holds dim (i > axis ? i + 1 : i); the axis' group (the last one for the last axis) takes the next dim.
  const groups = Array.from({ length: rank }, (_, i) => [i > axis ? i + 1 : i]);
  const at = axis < rank ? axis : rank - 1;
  (groups[at] as number[]).push(at + 1);
  return expandShape(b, reduced, resultType, groups);
}

/**
 * reshape -> tensor.collapse_shape, tensor.expand_shape, or a collapse to a shape both sides group into and an
 * expand from it (MLIR 16's ReshapeConverterCollapse / Expand / CollapseExpand).
 *   %1 = "tosa.reshape"(%0) {new_shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>
 *   %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
 */
export const reshapeToTensor = convert({
  name: "tosa-to-linalg-reshape",
  root: T.ReshapeOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    rw.replaceOp(op, [reshapeTo(rw, adaptor.getOperand(0), tensorType(op.getResult(0)).shape)]);
    return rw.done();
  },
});

/**
 * transpose with constant perms -> a linalg.generic reading the input through the permutation.
 *   %1 = "tosa.transpose"(%0, %perms) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>   (perms = [1, 0])
 *
 *   %e = tensor.empty() : tensor<3x2xf32>
 *   %1 = linalg.generic {indexing_maps = [(d0, d1) -> (d1, d0), (d0, d1) -> (d0, d1)], iterator_types = ["parallel", "parallel"]}
 *          ins(%0 : tensor<2x3xf32>) outs(%e : tensor<3x2xf32>) {
 *   ^bb0(%in: f32, %out: f32):
 *     linalg.yield %in : f32
 *   } -> tensor<3x2xf32>
 */
export const transposeToGeneric = convert({
  name: "tosa-to-linalg-transpose",
  root: T.TransposeOp,
  apply(op, _adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const perms = constantInts(op.getOperand(1));
    if (perms === undefined) return rw.fail("unmatched permutation tensor");
    const resultType = tensorType(op.getResult(0));
    const rank = resultType.rank;
    const exprs = new Array<ReturnType<typeof affineDim>>(rank);
    perms.forEach((p, i) => (exprs[p] = affineDim(i)));
    const init = emptyTensor(rw, resultType);
    const g = generic(rw, { inputs: [op.getOperand(0)], inits: [init], maps: [AffineMap.get(rank, 0, exprs), identityMap(rank)], iterators: parallel(rank) }, (_b, [x]) => [x as Value]);
    rw.replaceOp(op, g.results);
    return rw.done();
  },
});

/**
 * concat -> tensor.insert_slice of each operand into a tensor.empty, at increasing offsets along the axis.
 *   %2 = "tosa.concat"(%0, %1) {axis = 0 : i64} : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<3x3xf32>
 *
 *   %e = tensor.empty() : tensor<3x3xf32>
 *   %s0 = tensor.insert_slice %0 into %e[0, 0] [1, 3] [1, 1] : tensor<1x3xf32> into tensor<3x3xf32>
 *   %2 = tensor.insert_slice %1 into %s0[1, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<3x3xf32>
 */
export const concatToInsertSlices = convert({
  name: "tosa-to-linalg-concat",
  root: T.ConcatOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const axis = axisOf(op);
    const resultType = tensorType(op.getResult(0));
    let result = emptyTensor(rw, resultType);
    let offset = 0;
    for (const v of adaptor.operands) {
      const shape = tensorType(v).shape;
      const offsets = shape.map((_, i) => (i === axis ? offset : 0));
      result = rw.create(InsertSliceOp, insertSliceArgs(v as Value<RankedTensorType>, result as Value<RankedTensorType>, offsets, shape, shape.map(() => 1))).getResult(0);
      offset += shape[axis] as number;
    }
    rw.replaceOp(op, [result]);
    return rw.done();
  },
});

/**
 * reverse -> a linalg.generic with no inputs that extracts the mirrored element along the axis.
 *   %1 = "tosa.reverse"(%0) {axis = 0 : i64} : (tensor<4xf32>) -> tensor<4xf32>
 *
 *   %c0 = arith.constant 0 : index
 *   %dim = tensor.dim %0, %c0 : tensor<4xf32>
 *   %e = tensor.empty() : tensor<4xf32>
 *   %1 = linalg.generic {indexing_maps = [(d0) -> (d0)], iterator_types = ["parallel"]} outs(%e : tensor<4xf32>) {
 *   ^bb0(%out: f32):
 *     %i = linalg.index 0 : index
 *     %c1 = arith.constant 1 : index
 *     %n = arith.subi %dim, %c1 : index
 *     %j = arith.subi %n, %i : index
 *     %x = tensor.extract %0[%j] : tensor<4xf32>
 *     linalg.yield %x : f32
 *   } -> tensor<4xf32>
 */
export const reverseToGeneric = convert({
  name: "tosa-to-linalg-reverse",
  root: T.ReverseOp,
  apply(op, _adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const input = op.getOperand(0);
    const type = tensorType(input);
    const axis = axisOf(op);
    const size = build(rw, K(DimOp), [input, constantIndex(rw, axis)], [index]).getResult(0);
    const init = emptyTensor(rw, tensorType(op.getResult(0)));
    const g = generic(rw, { inputs: [], inits: [init], maps: [identityMap(type.rank)], iterators: parallel(type.rank) }, (b) => {
      const indices = type.shape.map((_, i) => {
        const at = build(b, K(IndexOp), [], [index], { dim: IntegerAttr.get(i64, i) }).getResult(0);
        if (i !== axis) return at;
        const last = bin(b, A.SubIOp, size, constantOf(b, index, 1));
        return bin(b, A.SubIOp, last, at);
      });
      return [build(b, K(ExtractOp), [input, ...indices], [type.elementType]).getResult(0)];
    });
    rw.replaceOp(op, g.results);
    return rw.done();
  },
});

/**
 * tile -> a linalg.generic broadcasting the input to (multiple0, dim0, multiple1, dim1, ...), collapsed pairwise.
 *   %1 = "tosa.tile"(%0) {multiples = array<i64: 2>} : (tensor<3xf32>) -> tensor<6xf32>
 *
 *   %e = tensor.empty() : tensor<2x3xf32>
 *   %g = linalg.generic {indexing_maps = [(d0, d1) -> (d1), (d0, d1) -> (d0, d1)], iterator_types = ["parallel", "parallel"]}
 *          ins(%0 : tensor<3xf32>) outs(%e : tensor<2x3xf32>) {
 *   ^bb0(%in: f32, %out: f32):
 *     linalg.yield %in : f32
 *   } -> tensor<2x3xf32>
 *   %1 = tensor.collapse_shape %g [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
 */
export const tileToGeneric = convert({
  name: "tosa-to-linalg-tile",
  root: T.TileOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const input = adaptor.getOperand(0);
    const type = tensorType(input);
    const multiples = (op.attr("multiples") as DenseArrayAttr).values.map(Number);
    if (multiples.some((m) => m < 1)) return rw.fail("dynamic multiples are not supported");
    const shape = type.shape.flatMap((d, i) => [multiples[i] as number, d]);
    const init = emptyTensor(rw, RankedTensorType.get(shape, type.elementType));
    const read = AffineMap.get(shape.length, 0, type.shape.map((_, i) => affineDim(2 * i + 1)));
    const g = generic(rw, { inputs: [input], inits: [init], maps: [read, identityMap(shape.length)], iterators: parallel(shape.length) }, (_b, [x]) => [x as Value]);
    rw.replaceOp(op, [reshapeTo(rw, g.getResult(0), tensorType(op.getResult(0)).shape)]);
    return rw.done();
  },
});
