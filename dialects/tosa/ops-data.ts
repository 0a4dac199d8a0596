/**
 * MLIR 16's TOSA reductions, data layout, gather/scatter, resize, type conversion and data node ops. Generic
 * form only, as in MLIR 16:
 *
 *   %0 = "tosa.reduce_sum"(%x) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xf32>
 *   %1 = "tosa.reshape"(%x) {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
 *   %2 = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
 *   %3 = "tosa.transpose"(%x, %2) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
 */
import { ConstantLike, Pure } from "../../src/ir/traits.ts";
import { BoolAttrC, DenseI32ArrayAttr, DenseI64ArrayAttr, ElementsAttr, I32Attr, I64Attr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { optional, optionalAttr, variadic } from "../../src/irdl/spec.ts";
import { PadQuantAttr } from "./attrs.ts";
import { foldCast, foldPad, foldReduce, foldReshape, foldResize, foldReverse, foldSlice, foldTile, foldTranspose } from "./fold.ts";
import {
  inferConcat,
  inferElementwise,
  inferGather,
  inferPad,
  inferReduce,
  inferReshape,
  inferResize,
  inferScatter,
  inferSlice,
  inferTile,
  inferTranspose,
} from "./infer-shape.ts";
import { inferShapesWith } from "../../src/interfaces/infer-shaped-type.ts";
import {
  ResizeModeAttr,
  TosaInt32Or64Tensor,
  TosaInt32Tensor2D,
  TosaRankedTensor,
  TosaScalarTensor,
  TosaTensor,
  TosaTensor1Dto4D,
  TosaTensor1Dto6D,
  TosaTensor3D,
  TosaTensor4D,
  i64ArrayOfSize,
} from "./types.ts";
import { verifyReshape } from "./verify.ts";

// ---- reductions ----------------------------------------------------------------------------------------------

/** `"tosa.reduce_<kind>"(%x) {axis = n : i64}`: reduces one axis to size 1. */
const reduction = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { input: TosaTensor1Dto4D },
    results: { output: TosaTensor1Dto4D },
    attributes: { axis: I64Attr },
    traits: [Pure],
  }) as const;
const reducing = { interfaces: [inferShapesWith(inferReduce)], fold: foldReduce };

export const ReduceAllOp = defineOp(reduction("tosa.reduce_all", "logical AND along an axis"), reducing);
export type ReduceAllOp = InstanceType<typeof ReduceAllOp>;
export const ReduceAnyOp = defineOp(reduction("tosa.reduce_any", "logical OR along an axis"), reducing);
export type ReduceAnyOp = InstanceType<typeof ReduceAnyOp>;
export const ReduceMaxOp = defineOp(reduction("tosa.reduce_max", "maximum along an axis"), reducing);
export type ReduceMaxOp = InstanceType<typeof ReduceMaxOp>;
export const ReduceMinOp = defineOp(reduction("tosa.reduce_min", "minimum along an axis"), reducing);
export type ReduceMinOp = InstanceType<typeof ReduceMinOp>;
export const ReduceProdOp = defineOp(reduction("tosa.reduce_prod", "product along an axis"), reducing);
export type ReduceProdOp = InstanceType<typeof ReduceProdOp>;
export const ReduceSumOp = defineOp(reduction("tosa.reduce_sum", "sum along an axis"), reducing);
export type ReduceSumOp = InstanceType<typeof ReduceSumOp>;

// ---- data layout ---------------------------------------------------------------------------------------------

export const ConcatOp = defineOp(
  {
    name: "tosa.concat",
    summary: "concatenation of tensors along an axis",
    operands: { input1: variadic(TosaTensor) },
    results: { output: TosaTensor },
    attributes: { axis: I64Attr },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferConcat)] },
);
export type ConcatOp = InstanceType<typeof ConcatOp>;

export const PadOp = defineOp(
  {
    name: "tosa.pad",
    summary: "pads each dim by (before, after) counts with pad_const (default zero)",
    operands: { input1: TosaRankedTensor, padding: TosaInt32Or64Tensor, pad_const: optional(TosaScalarTensor) },
    results: { output: TosaRankedTensor },
    attributes: { quantization_info: optionalAttr(PadQuantAttr.constraint) },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferPad)], fold: foldPad },
);
export type PadOp = InstanceType<typeof PadOp>;

export const ReshapeOp = defineOp(
  {
    name: "tosa.reshape",
    summary: "the same elements, row-major, in a new shape (-1: the one inferred dim)",
    operands: { input1: TosaTensor },
    results: { output: TosaRankedTensor },
    attributes: { new_shape: DenseI64ArrayAttr },
    traits: [Pure],
  },
  { verify: verifyReshape, interfaces: [inferShapesWith(inferReshape)], fold: foldReshape },
);
export type ReshapeOp = InstanceType<typeof ReshapeOp>;

export const ReverseOp = defineOp(
  {
    name: "tosa.reverse",
    summary: "reverses the order of elements along an axis",
    operands: { input: TosaTensor1Dto4D },
    results: { output: TosaTensor1Dto4D },
    attributes: { axis: I64Attr },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferElementwise)], fold: foldReverse },
);
export type ReverseOp = InstanceType<typeof ReverseOp>;

export const SliceOp = defineOp(
  {
    name: "tosa.slice",
    summary: "the box of `size` elements starting at `start`",
    operands: { input: TosaTensor1Dto6D },
    results: { output: TosaTensor1Dto6D },
    attributes: { start: DenseI64ArrayAttr, size: DenseI64ArrayAttr },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferSlice)], fold: foldSlice },
);
export type SliceOp = InstanceType<typeof SliceOp>;

export const TileOp = defineOp(
  {
    name: "tosa.tile",
    summary: "repeats the input `multiples[i]` times along each dim i",
    operands: { input1: TosaTensor1Dto4D },
    results: { output: TosaTensor1Dto4D },
    attributes: { multiples: DenseI64ArrayAttr },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferTile)], fold: foldTile },
);
export type TileOp = InstanceType<typeof TileOp>;

export const TransposeOp = defineOp(
  {
    name: "tosa.transpose",
    summary: "permutes the dims: output dim i is input dim perms[i]",
    operands: { input1: TosaTensor1Dto6D, perms: TosaInt32Or64Tensor },
    results: { output: TosaTensor1Dto6D },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferTranspose)], fold: foldTranspose },
);
export type TransposeOp = InstanceType<typeof TransposeOp>;

// ---- scatter / gather ----------------------------------------------------------------------------------------

export const GatherOp = defineOp(
  {
    name: "tosa.gather",
    summary: "output[n, w, c] = values[n, indices[n, w], c]",
    operands: { values: TosaTensor3D, indices: TosaInt32Tensor2D },
    results: { output: TosaTensor3D },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferGather)] },
);
export type GatherOp = InstanceType<typeof GatherOp>;

export const ScatterOp = defineOp(
  {
    name: "tosa.scatter",
    summary: "values_out = values_in with values_out[n, indices[n, w], c] = input[n, w, c]",
    operands: { values_in: TosaTensor3D, indices: TosaInt32Tensor2D, input: TosaTensor3D },
    results: { values_out: TosaTensor3D },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferScatter)] },
);
export type ScatterOp = InstanceType<typeof ScatterOp>;

// ---- image ---------------------------------------------------------------------------------------------------

export const ResizeOp = defineOp(
  {
    name: "tosa.resize",
    summary: "resizes NHWC images by rational scales (nearest neighbour or bilinear)",
    operands: { input: TosaTensor4D },
    results: { output: TosaTensor4D },
    attributes: { scale: i64ArrayOfSize(4), offset: i64ArrayOfSize(2), border: i64ArrayOfSize(2), mode: ResizeModeAttr },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferResize)], fold: foldResize },
);
export type ResizeOp = InstanceType<typeof ResizeOp>;

// ---- type conversion -----------------------------------------------------------------------------------------

export const CastOp = defineOp(
  {
    name: "tosa.cast",
    summary: "elementwise conversion between element types",
    operands: { input: TosaTensor },
    results: { output: TosaTensor },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferElementwise)], fold: foldCast },
);
export type CastOp = InstanceType<typeof CastOp>;

export const RescaleOp = defineOp(
  {
    name: "tosa.rescale",
    summary: "integer rescale: (x - input_zp) * multiplier >> shift + output_zp, saturated",
    operands: { input: TosaTensor },
    results: { output: TosaTensor },
    attributes: {
      input_zp: I32Attr,
      output_zp: I32Attr,
      multiplier: DenseI32ArrayAttr,
      shift: DenseI32ArrayAttr,
      scale32: BoolAttrC,
      double_round: BoolAttrC,
      per_channel: BoolAttrC,
    },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferElementwise)] },
);
export type RescaleOp = InstanceType<typeof RescaleOp>;

// ---- data nodes ----------------------------------------------------------------------------------------------

/** Its fold (to its value) is the folder's treatment of every ConstantLike op. */
export const ConstOp = defineOp({
  name: "tosa.const",
  summary: "a constant tensor",
  operands: {},
  results: { output: TosaTensor },
  attributes: { value: ElementsAttr },
  traits: [ConstantLike, Pure],
});
export type ConstOp = InstanceType<typeof ConstOp>;

export const IdentityOp = defineOp(
  {
    name: "tosa.identity",
    summary: "returns its input",
    operands: { input1: TosaTensor },
    results: { output: TosaTensor },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferElementwise)] },
);
export type IdentityOp = InstanceType<typeof IdentityOp>;

export const dataOps = [
  ReduceAllOp,
  ReduceAnyOp,
  ReduceMaxOp,
  ReduceMinOp,
  ReduceProdOp,
  ReduceSumOp,
  ConcatOp,
  PadOp,
  ReshapeOp,
  ReverseOp,
  SliceOp,
  TileOp,
  TransposeOp,
  GatherOp,
  ScatterOp,
  ResizeOp,
  CastOp,
  RescaleOp,
  ConstOp,
  IdentityOp,
] as const;
