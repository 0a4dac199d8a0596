/**
 * `tosa-to-linalg-named` (MLIR 16's pass of that name, no options, on each function): the TOSA ops with a linalg
 * named-op counterpart. Other ops stay (MLIR 16 marks only these illegal).
 *
 * Accumulation follows the TOSA spec, as the interpreter does: convolutions and fully_connected start their
 * accumulator at the bias (a linalg.generic broadcasting it into the init) and add each product; MLIR 16
 * accumulates from zero and adds the bias after, which rounds differently. Pools and their padding use -inf
 * and INT_MIN (MLIR 16: the largest finite negative float), and avg_pool2d divides by the count of input
 * elements in the window, computed per output position. Tensile has no linalg pooling named ops yet, so pools
 * are the linalg.generic the named ops stand for.
 *
 * Not supported (the conversion fails naming the op): quantized ops, dynamic shapes, unsigned types.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { type Attribute, DenseArrayAttr, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { affineAdd, affineConstant, affineDim, affineMul } from "../../src/ir/affine-expr.ts";
import type { Builder } from "../../src/ir/builder.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { Block, type Operation } from "../../src/ir/operation.ts";
import { FloatType, IntegerType, RankedTensorType, type Type, i32, i64, i8, index } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { type ConversionPattern, applyFullConversion, convertAny, legality } from "../../src/rewrite/conversion.ts";
import * as A from "../../dialects/arith/index.ts";
import * as M from "../../dialects/math/index.ts";
import { IndexOp, buildNamedOp } from "../../dialects/linalg/index.ts";
import { PadOp, YieldOp } from "../../dialects/tensor/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { type OpKindClass, build, collapseShape, constant, constantOf, emptyTensor, expandShape, fill, generic, identityMap, parallel } from "./build.ts";
import { bin, castTo, clampInt, cmpi, select } from "./elementwise-body.ts";
import { staticTensorsOnly } from "./elementwise.ts";

const K = (c: unknown): OpKindClass => c as OpKindClass;
const tensorType = (v: Value): RankedTensorType => v.type as RankedTensorType;
const ints = (op: Operation, name: string): number[] => (op.attr(name) as DenseArrayAttr).values.map(Number);
const i64Elements = (xs: readonly number[]): DenseElementsAttr => DenseElementsAttr.get(RankedTensorType.get([xs.length], i64), BigInt64Array.from(xs.map(BigInt)));

/** Why the op is out of reach (quantized, dynamic, unsigned), or undefined. */
function unsupported(op: Operation): string | undefined {
  if (op.attr("quantization_info") !== undefined) return "quantized ops are not supported";
  const shapes = staticTensorsOnly(op);
  if (shapes !== undefined) return shapes;
  for (const v of op.operands) {
    const e = tensorType(v).elementType;
    if (e instanceof IntegerType && e.signedness !== "signless") return "unsigned integer element types are not supported";
  }
  return undefined;
}

/** `tensor.pad` of a 4D NHWC input by [top, bottom, left, right] with `value`; the input itself when all are 0. */
function padNHWC(b: Builder, input: Value, pad: readonly number[], value: number | bigint): Value {
  if (pad.every((p) => p === 0)) return input;
  const type = tensorType(input);
  const low = [0, pad[0] as number, pad[2] as number, 0];
  const high = [0, pad[1] as number, pad[3] as number, 0];
  const padded = RankedTensorType.get(type.shape.map((d, i) => d + (low[i] as number) + (high[i] as number)), type.elementType);
  const padValue = constantOf(b, type.elementType, value);
  const op = PadOp.build(
    { source: input as Value<RankedTensorType>, low: [], high: [], static_low: DenseArrayAttr.get(i64, low), static_high: DenseArrayAttr.get(i64, high), result: padded },
    b.loc,
  ) as PadOp;
  const block = new Block(type.shape.map(() => index), type.shape.map(() => b.loc));
  op.region.push(block);
  b.insert(op);
  b.at(InsertionPoint.atEnd(block), () => build(b, K(YieldOp), [padValue], []));
  return op.getResult(0);
}

/** A tensor of `type` holding `bias` along its dims `dims` (a one-element bias along none): the accumulator's start. */
function broadcastBias(b: Builder, bias: Value, type: RankedTensorType, dims: readonly number[]): Value {
  const one = tensorType(bias).shape.reduce((a, d) => a * d, 1) === 1 && dims.some((d) => type.shape[d] !== 1);
  const exprs = one ? tensorType(bias).shape.map(() => affineConstant(0)) : dims.map((d) => affineDim(d));
  const init = emptyTensor(b, type);
  return generic(b, { inputs: [bias], inits: [init], maps: [AffineMap.get(type.rank, 0, exprs), identityMap(type.rank)], iterators: parallel(type.rank) }, (_b, [x]) => [x as Value]).getResult(0);
}

/** A named linalg op (by its `linalg.` name) into `init`, with optional strides and dilations: its result. */
function named(b: Builder, name: string, inputs: readonly Value[], init: Value, window?: { strides: readonly number[]; dilations: readonly number[] }): Value {
  const attributes: Record<string, Attribute> = window === undefined ? {} : { dilations: i64Elements(window.dilations), strides: i64Elements(window.strides) };
  return b.insert(buildNamedOp(name, { inputs, outputs: [init], attributes }, b.loc)).getResult(0);
}

/** `tosa.transpose` of `v` by `perm` (perms an arith.constant, as MLIR 16 builds it); tosa-to-linalg lowers it. */
function transpose(b: Builder, v: Value, perm: readonly number[]): Value {
  const type = tensorType(v);
  const perms = constant(b, i64Elements(perm), RankedTensorType.get([perm.length], i64));
  const result = RankedTensorType.get(perm.map((p) => type.shape[p] as number), type.elementType);
  return build(b, K(T.TransposeOp), [v, perms], [result]).getResult(0);
}

/**
 * matmul -> linalg.batch_matmul into a zero-filled tensor (MLIR 16's form).
 *   %2 = "tosa.matmul"(%0, %1) : (tensor<1x2x3xf32>, tensor<1x3x4xf32>) -> tensor<1x2x4xf32>
 *
 *   %cst = arith.constant 0.000000e+00 : f32
 *   %e = tensor.empty() : tensor<1x2x4xf32>
 *   %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
 *   %2 = linalg.batch_matmul ins(%0, %1 : tensor<1x2x3xf32>, tensor<1x3x4xf32>) outs(%f : tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
 */
export const matmulToBatchMatmul = convertAny({
  name: "tosa-to-linalg-named-matmul",
  root: "tosa.matmul",
  apply(op, adaptor, rw) {
    const why = unsupported(op);
    if (why !== undefined) return rw.fail(why);
    const resultType = tensorType(op.getResult(0));
    const zero = constantOf(rw, resultType.elementType, 0);
    const acc = fill(rw, zero, emptyTensor(rw, resultType));
    rw.replaceOp(op, [named(rw, "linalg.batch_matmul", adaptor.operands, acc)]);
    return rw.done();
  },
});

/**
 * fully_connected -> linalg.matmul of the input and the transposed weights, into the broadcast bias.
 *   %r = "tosa.fully_connected"(%x, %w, %b) : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
 *
 *   %e = tensor.empty() : tensor<2x4xf32>
 *   %acc = linalg.generic {indexing_maps = [(d0, d1) -> (d1), (d0, d1) -> (d0, d1)], ...} ins(%b) outs(%e) {...yield %in}
 *   %perms = arith.constant dense<[1, 0]> : tensor<2xi64>
 *   %wt = "tosa.transpose"(%w, %perms) : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<3x4xf32>
 *   %r = linalg.matmul ins(%x, %wt : tensor<2x3xf32>, tensor<3x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
 */
export const fullyConnectedToMatmul = convertAny({
  name: "tosa-to-linalg-named-fully_connected",
  root: "tosa.fully_connected",
  apply(op, adaptor, rw) {
    const why = unsupported(op);
    if (why !== undefined) return rw.fail(why);
    const [input, weight, bias] = adaptor.operands as [Value, Value, Value];
    const resultType = tensorType(op.getResult(0));
    const acc = broadcastBias(rw, bias, resultType, [1]);
    const wt = transpose(rw, weight, [1, 0]);
    rw.replaceOp(op, [named(rw, "linalg.matmul", [input, wt], acc)]);
    return rw.done();
  },
});

/**
 * conv2d -> tensor.pad of the input (zeros), tosa.transpose of the weights to HWCF, and
 * linalg.conv_2d_nhwc_hwcf into the broadcast bias.
 *   %r = "tosa.conv2d"(%x, %w, %b) {pad = array<i64: 1, 1, 0, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>}
 *          : (tensor<1x4x4x2xf32>, tensor<3x3x1x2xf32>, tensor<3xf32>) -> tensor<1x4x4x3xf32>
 *
 *   %padded = tensor.pad %x low[0, 1, 0, 0] high[0, 1, 0, 0] { ... tensor.yield %cst } : ... to tensor<1x6x4x2xf32>
 *   %wt = "tosa.transpose"(%w, %perms) : (tensor<3x3x1x2xf32>, tensor<4xi64>) -> tensor<3x1x2x3xf32>
 *   %acc = linalg.generic ... ins(%b) outs(%e : tensor<1x4x4x3xf32>)      (the bias along d3)
 *   %r = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
 *          ins(%padded, %wt : ...) outs(%acc : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
 */
export const conv2dToLinalg = convertAny({
  name: "tosa-to-linalg-named-conv2d",
  root: "tosa.conv2d",
  apply(op, adaptor, rw) {
    const why = unsupported(op);
    if (why !== undefined) return rw.fail(why);
    const [input, weight, bias] = adaptor.operands as [Value, Value, Value];
    const resultType = tensorType(op.getResult(0));
    const padded = padNHWC(rw, input, ints(op, "pad"), 0);
    const wt = transpose(rw, weight, [1, 2, 3, 0]);
    const acc = broadcastBias(rw, bias, resultType, [3]);
    const window = { strides: ints(op, "stride"), dilations: ints(op, "dilation") };
    rw.replaceOp(op, [named(rw, "linalg.conv_2d_nhwc_hwcf", [padded, wt], acc, window)]);
    return rw.done();
  },
});

/**
 * depthwise_conv2d -> linalg.depthwise_conv_2d_nhwc_hwcm into the bias broadcast to (N, OH, OW, C, M), its
 * result collapsed to (N, OH, OW, C * M).
 *   %r = "tosa.depthwise_conv2d"(%x, %w, %b) {...} : (tensor<1x4x4x2xf32>, tensor<3x3x2x2xf32>, tensor<4xf32>) -> tensor<1x2x2x4xf32>
 *
 *   %bias2 = tensor.expand_shape %b [[0, 1]] : tensor<4xf32> into tensor<2x2xf32>
 *   %acc = linalg.generic ... ins(%bias2) outs(%e : tensor<1x2x2x2x2xf32>)     (the bias along d3, d4)
 *   %c = linalg.depthwise_conv_2d_nhwc_hwcm {...} ins(%x, %w : ...) outs(%acc : tensor<1x2x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>
 *   %r = tensor.collapse_shape %c [[0], [1], [2], [3, 4]] : tensor<1x2x2x2x2xf32> into tensor<1x2x2x4xf32>
 */
export const depthwiseConv2dToLinalg = convertAny({
  name: "tosa-to-linalg-named-depthwise_conv2d",
  root: "tosa.depthwise_conv2d",
  apply(op, adaptor, rw) {
    const why = unsupported(op);
    if (why !== undefined) return rw.fail(why);
    const [input, weight, bias] = adaptor.operands as [Value, Value, Value];
    const resultType = tensorType(op.getResult(0));
    const [, , C, Mult] = tensorType(weight).shape as [number, number, number, number];
    const [N, OH, OW] = resultType.shape as [number, number, number, number];
    const e = resultType.elementType;
    const padded = padNHWC(rw, input, ints(op, "pad"), 0);
    const convType = RankedTensorType.get([N, OH, OW, C, Mult], e);
    const biasCount = tensorType(bias).shape[0] as number;
    const bias2 = biasCount === 1 ? bias : expandShape(rw, bias, RankedTensorType.get([C, Mult], e), [[0, 1]]);
    const acc = broadcastBias(rw, bias2, convType, [3, 4]);
    const window = { strides: ints(op, "stride"), dilations: ints(op, "dilation") };
    const conv = named(rw, "linalg.depthwise_conv_2d_nhwc_hwcm", [padded, weight], acc, window);
    rw.replaceOp(op, [collapseShape(rw, conv, resultType, [[0], [1], [2], [3, 4]])]);
    return rw.done();
  },
});

/** A 2D pooling window as a linalg.generic: (n, oh, ow, c, kh, kw) reading the (padded) input and a window tensor. */
function poolGeneric(b: Builder, op: Operation, input: Value, acc: Value, step: (b: Builder, x: Value, a: Value) => Value): Value {
  const [kh, kw] = ints(op, "kernel") as [number, number];
  const [sy, sx] = ints(op, "stride") as [number, number];
  const e = tensorType(input).elementType;
  const windowDims = emptyTensor(b, RankedTensorType.get([kh, kw], e));
  const d = (i: number) => affineDim(i);
  const inputMap = AffineMap.get(6, 0, [d(0), affineAdd(affineMul(d(1), sy), d(4)), affineAdd(affineMul(d(2), sx), d(5)), d(3)]);
  const windowMap = AffineMap.get(6, 0, [d(4), d(5)]);
  const outMap = AffineMap.get(6, 0, [d(0), d(1), d(2), d(3)]);
  const iterators = [...parallel(4), "reduction" as const, "reduction" as const];
  return generic(b, { inputs: [input, windowDims], inits: [acc], maps: [inputMap, windowMap, outMap], iterators }, (bb, [x, , a]) => [step(bb, x as Value, a as Value)]).getResult(0);
}

const lowest = (e: Type): number | bigint => (e instanceof FloatType ? -Infinity : -(1n << BigInt((e as IntegerType).width - 1)));

/**
 * max_pool2d -> tensor.pad with -inf (INT_MIN), and a linalg.generic taking the maximum over each window into a
 * tensor filled with -inf (what linalg.pooling_nhwc_max computes).
 *   %r = "tosa.max_pool2d"(%x) {kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>}
 *          : (tensor<1x4x4x1xf32>) -> tensor<1x2x2x1xf32>
 *
 *   %cst = arith.constant 0xFF800000 : f32
 *   %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>
 *   %w = tensor.empty() : tensor<2x2xf32>
 *   %r = linalg.generic {indexing_maps = [(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d4, d2 * 2 + d5, d3),
 *          (d0, d1, d2, d3, d4, d5) -> (d4, d5), (d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)],
 *          iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
 *          ins(%x, %w : ...) outs(%f : ...) { ... arith.maxf %in, %out ... }
 */
export const maxPool2dToLinalg = convertAny({
  name: "tosa-to-linalg-named-max_pool2d",
  root: "tosa.max_pool2d",
  apply(op, adaptor, rw) {
    const why = unsupported(op);
    if (why !== undefined) return rw.fail(why);
    const resultType = tensorType(op.getResult(0));
    const e = resultType.elementType;
    const padded = padNHWC(rw, adaptor.getOperand(0), ints(op, "pad"), lowest(e));
    const acc = fill(rw, constantOf(rw, e, lowest(e)), emptyTensor(rw, resultType));
    const max = (b: Builder, x: Value, a: Value): Value => (e instanceof FloatType ? bin(b, A.MaxFOp, x, a) : select(b, cmpi(b, "sgt", x, a), x, a));
    rw.replaceOp(op, [poolGeneric(rw, op, padded, acc, max)]);
    return rw.done();
  },
});

/**
 * avg_pool2d -> the window sums (zero padding, a linalg.generic as linalg.pooling_nhwc_sum computes them, in i32
 * for integers), then a linalg.generic dividing each by the number of input elements in its window: floats by
 * divf, integers by apply_scale with the spec's reciprocal scale, clamped to the result type.
 *   %r = "tosa.avg_pool2d"(%x) {kernel = array<i64: 2, 2>, stride = array<i64: 1, 1>, pad = array<i64: 1, 0, 0, 0>}
 *          : (tensor<1x3x3x1xf32>) -> tensor<1x3x2x1xf32>
 *
 *   %padded = tensor.pad %x low[0, 1, 0, 0] high[0, 0, 0, 0] {...}
 *   %sum = linalg.generic {... as for max_pool2d ...} { arith.addf %in, %out }
 *   %r = linalg.generic {indexing_maps = [#id, #id], ...} ins(%sum) outs(%e) {
 *   ^bb0(%in: f32, %out: f32):
 *     %oy = linalg.index 1 : index    ...  count = (min(oy*sy-pt+kh, H) - max(oy*sy-pt, 0)) * (same for x)
 *     %n = arith.sitofp %count_i32 : i32 to f32
 *     %v = arith.divf %in, %n : f32
 *     linalg.yield %v : f32
 *   }
 */
export const avgPool2dToLinalg = convertAny({
  name: "tosa-to-linalg-named-avg_pool2d",
  root: "tosa.avg_pool2d",
  apply(op, adaptor, rw) {
    const why = unsupported(op);
    if (why !== undefined) return rw.fail(why);
    const input = adaptor.getOperand(0);
    const [, H, W] = tensorType(input).shape as [number, number, number, number];
    const resultType = tensorType(op.getResult(0));
    const e = resultType.elementType;
    const accE = e instanceof FloatType ? e : i32;
    const accType = RankedTensorType.get(resultType.shape, accE);
    const padded = padNHWC(rw, input, ints(op, "pad"), 0);
    const acc = fill(rw, constantOf(rw, accE, 0), emptyTensor(rw, accType));
    const sum = poolGeneric(rw, op, padded, acc, (b, x, a) => (e instanceof FloatType ? bin(b, A.AddFOp, x, a) : bin(b, A.AddIOp, x.type === i32 ? x : castTo(b, A.ExtSIOp, x, i32), a)));
    const [kh, kw] = ints(op, "kernel") as [number, number];
    const [sy, sx] = ints(op, "stride") as [number, number];
    const [pt, , pl] = ints(op, "pad") as [number, number, number, number];
    const rank = resultType.rank;
    const out = generic(rw, { inputs: [sum], inits: [emptyTensor(rw, resultType)], maps: [identityMap(rank), identityMap(rank)], iterators: parallel(rank) }, (b, [s]) => {
      const extent = (dim: number, stride: number, pad: number, k: number, size: number): Value => {
        const at = build(b, K(IndexOp), [], [index], { dim: IntegerAttr.get(i64, dim) }).getResult(0);
        const start = bin(b, A.SubIOp, bin(b, A.MulIOp, at, constantOf(b, index, stride)), constantOf(b, index, pad));
        const hi = bin(b, A.MinSIOp, bin(b, A.AddIOp, start, constantOf(b, index, k)), constantOf(b, index, size));
        const lo = bin(b, A.MaxSIOp, start, constantOf(b, index, 0));
        return bin(b, A.SubIOp, hi, lo);
      };
      const count = bin(b, A.MulIOp, extent(1, sy, pt, kh, H), extent(2, sx, pl, kw, W));
      const countI = castTo(b, A.IndexCastOp, count, i32);
      if (e instanceof FloatType) return [bin(b, A.DivFOp, s as Value, castTo(b, A.SIToFPOp, countI, e))];
      return [averageInt(b, s as Value, countI, e as IntegerType)];
    });
    rw.replaceOp(op, out.results);
    return rw.done();
  },
});

/**
 * sum / count for integers, as the spec: k = 32 - clz(count - 1), multiplier = ((1 << 30) + 1) << k / count,
 * apply_scale(sum, multiplier, 30 + k), clamped to the result type.
 */
function averageInt(b: Builder, sum: Value, count: Value, e: IntegerType): Value {
  const k = bin(b, A.SubIOp, constantOf(b, i32, 32), scalarCtlz(b, bin(b, A.SubIOp, count, constantOf(b, i32, 1))));
  const numerator = bin(b, A.ShLIOp, constantOf(b, i64, (1 << 30) + 1), castTo(b, A.ExtSIOp, k, i64));
  const multiplier = castTo(b, A.TruncIOp, bin(b, A.DivUIOp, numerator, castTo(b, A.ExtSIOp, count, i64)), i32);
  const shift = castTo(b, A.TruncIOp, bin(b, A.AddIOp, k, constantOf(b, i32, 30)), i8);
  const scaled = build(b, K(T.ApplyScaleOp), [sum, multiplier, shift], [i32], { double_round: IntegerAttr.get(IntegerType.get(1), 0) }).getResult(0);
  const lo = -(1n << BigInt(e.width - 1));
  const clamped = clampInt(b, scaled, constantOf(b, i32, lo), constantOf(b, i32, -lo - 1n));
  return e.width === 32 ? clamped : castTo(b, A.TruncIOp, clamped, e);
}

const scalarCtlz = (b: Builder, x: Value): Value => build(b, K(M.CountLeadingZerosOp), [x], [x.type]).getResult(0);

export const tosaToLinalgNamedPatterns: readonly ConversionPattern[] = [
  conv2dToLinalg,
  depthwiseConv2dToLinalg,
  matmulToBatchMatmul,
  maxPool2dToLinalg,
  avgPool2dToLinalg,
  fullyConnectedToMatmul,
];

export const tosaToLinalgNamedPass = definePass({
  name: "tosa-to-linalg-named",
  displayName: "TosaToLinalgNamed",
  summary: "Lower TOSA to LinAlg named operations",
  description: "conv2d, depthwise_conv2d, matmul, fully_connected, max_pool2d and avg_pool2d to linalg on tensors.",
  opName: "func.func",
  run(fn, pctx) {
    const target = legality()
      .legalDialect("linalg", "tosa", "tensor", "scf")
      .illegalOp(T.Conv2DOp, T.Conv3DOp, T.DepthwiseConv2DOp, T.MaxPool2dOp, T.AvgPool2dOp, T.MatMulOp, T.FullyConnectedOp)
      .markUnknownOpDynamicallyLegal(() => true);
    const listener = pctx.rewriteListener;
    const r = applyFullConversion(fn, target, tosaToLinalgNamedPatterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
