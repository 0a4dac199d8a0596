/**
 * `tosa-to-tensor` (MLIR 16's pass of that name): tosa.slice becomes tensor.extract_slice and tosa.pad
 * tensor.pad (MLIR 16 puts reshape and concat in tosa-to-linalg, and so does Tensile). A partial conversion.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { type Attribute, DenseArrayAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { Block } from "../../src/ir/operation.ts";
import { FloatType, IntegerType, RankedTensorType, index, i64 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, convert, legality } from "../../src/rewrite/conversion.ts";
import { ExtractOp, ExtractSliceOp, PadOp, YieldOp, extractSliceArgs } from "../../dialects/tensor/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { type OpKindClass, build, constant, constantInts } from "../tosa-to-linalg/build.ts";
import { staticTensorsOnly } from "../tosa-to-linalg/elementwise.ts";

const K = (c: unknown): OpKindClass => c as OpKindClass;
const i64s = (a: Attribute | undefined): number[] => (a as DenseArrayAttr).values.map(Number);

/**
 * slice -> tensor.extract_slice with the same start and size, unit strides.
 *   %1 = "tosa.slice"(%0) {start = array<i64: 1>, size = array<i64: 2>} : (tensor<4xf32>) -> tensor<2xf32>
 *   %1 = tensor.extract_slice %0[1] [2] [1] : tensor<4xf32> to tensor<2xf32>
 */
export const sliceToExtractSlice = convert({
  name: "tosa-to-tensor-slice",
  root: T.SliceOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const [start, size] = [i64s(op.attr("start")), i64s(op.attr("size"))];
    const args = extractSliceArgs(adaptor.getOperand(0) as Value<RankedTensorType>, start, size, size.map(() => 1), op.getResult(0).type as RankedTensorType);
    rw.replaceOp(op, rw.create(ExtractSliceOp, args).results);
    return rw.done();
  },
});

/**
 * pad with constant padding -> tensor.pad yielding the pad value (pad_const's element, else zero).
 *   %1 = "tosa.pad"(%0, %p) : (tensor<2xf32>, tensor<1x2xi32>) -> tensor<5xf32>          (%p = [[1, 2]])
 *
 *   %cst = arith.constant 0.000000e+00 : f32
 *   %1 = tensor.pad %0 low[1] high[2] {
 *   ^bb0(%arg1: index):
 *     tensor.yield %cst : f32
 *   } : tensor<2xf32> to tensor<5xf32>
 */
export const padToTensorPad = convert({
  name: "tosa-to-tensor-pad",
  root: T.PadOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    if (op.attr("quantization_info") !== undefined) return rw.fail("quantized pad is not supported");
    const input = adaptor.getOperand(0);
    const type = input.type as RankedTensorType;
    const e = type.elementType;
    const pads = constantInts(op.getOperand(1));
    if (pads === undefined) return rw.fail("the padding is not a constant");
    let value: Value;
    if (op.numOperands > 2) value = build(rw, K(ExtractOp), [adaptor.getOperand(2)], [e]).getResult(0);
    else if (e instanceof FloatType) value = constant(rw, FloatAttr.get(e, 0), e);
    else if (e instanceof IntegerType) value = constant(rw, IntegerAttr.get(e, 0), e);
    else return rw.fail("tosa.pad was unable to determine the pad constant value.");
    const low = type.shape.map((_, i) => pads[2 * i] as number);
    const high = type.shape.map((_, i) => pads[2 * i + 1] as number);
    const block = new Block(type.shape.map(() => index), type.shape.map(() => rw.loc));
    const pad = PadOp.build(
      { source: input as Value<RankedTensorType>, low: [], high: [], static_low: DenseArrayAttr.get(i64, low), static_high: DenseArrayAttr.get(i64, high), result: op.getResult(0).type as RankedTensorType },
      rw.loc,
    ) as PadOp;
    pad.region.push(block);
    rw.insert(pad);
    rw.at(InsertionPoint.atEnd(block), () => build(rw, K(YieldOp), [value], []));
    rw.replaceOp(op, pad.results);
    return rw.done();
  },
});

export const tosaToTensorPatterns = [sliceToExtractSlice, padToTensorPad] as const;

export const tosaToTensorPass = definePass({
  name: "tosa-to-tensor",
  displayName: "TosaToTensor",
  summary: "Lower TOSA to the Tensor dialect",
  description: "tosa.slice to tensor.extract_slice, tosa.pad to tensor.pad.",
  run(op, pctx) {
    const target = legality().illegalOp(T.SliceOp).illegalOp(T.PadOp).legalDialect("arith").legalDialect("tensor");
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, [...tosaToTensorPatterns], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
