/**
 * MLIR 16's TOSA tensor operators (argmax, pooling, convolutions, matmul, fft) and activation functions. Every
 * TOSA op prints in generic form in MLIR 16 (TosaOps.td gives no assemblyFormat):
 *
 *   %0 = "tosa.matmul"(%a, %b) : (tensor<1x4x8xf32>, tensor<1x8x2xf32>) -> tensor<1x4x2xf32>
 *   %1 = "tosa.conv2d"(%x, %w, %bias) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>,
 *          stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x6x6x4xf32>
 *   %2 = "tosa.clamp"(%x) {max_fp = 6.0 : f32, max_int = 6 : i64, min_fp = 0.0 : f32, min_int = 0 : i64} : ...
 */
import { Pure } from "../../src/ir/traits.ts";
import { I64Attr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { optionalAttr } from "../../src/irdl/spec.ts";
import { ConvQuantAttr, MatMulQuantAttr, UnaryQuantAttr } from "./attrs.ts";
import { inferShapesWith } from "../../src/interfaces/infer-shaped-type.ts";
import {
  inferArgMax,
  inferConv2D,
  inferConv3D,
  inferDepthwiseConv2D,
  inferElementwise,
  inferFullyConnected,
  inferMatMul,
  inferPool,
  inferRFFT2D,
  inferTransposeConv2D,
} from "./infer-shape.ts";
import {
  F32Attr,
  TosaTensor,
  TosaTensor1D,
  TosaTensor1Dto4D,
  TosaTensor2D,
  TosaTensor3D,
  TosaTensor4D,
  TosaTensor5D,
  TosaTensorUpto4D,
  i64ArrayOfSize,
  i64ArrayUpTo,
} from "./types.ts";
import { verifyAvgPool2d, verifyConvOp } from "./verify.ts";


export const ArgMaxOp = defineOp(
  {
    name: "tosa.argmax",
    summary: "index of the largest value along an axis",
    operands: { input: TosaTensor1Dto4D },
    results: { output: TosaTensorUpto4D },
    attributes: { axis: I64Attr },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferArgMax)] },
);
export type ArgMaxOp = InstanceType<typeof ArgMaxOp>;

export const AvgPool2dOp = defineOp(
  {
    name: "tosa.avg_pool2d",
    summary: "average pooling over NHWC windows",
    operands: { input: TosaTensor4D },
    results: { output: TosaTensor4D },
    attributes: {
      kernel: i64ArrayOfSize(2),
      stride: i64ArrayOfSize(2),
      pad: i64ArrayOfSize(4),
      quantization_info: optionalAttr(UnaryQuantAttr.constraint),
    },
    traits: [Pure],
  },
  { verify: verifyAvgPool2d, interfaces: [inferShapesWith(inferPool)] },
);
export type AvgPool2dOp = InstanceType<typeof AvgPool2dOp>;

/** `"tosa.<name>"(%input, %weight, %bias) {dilation, pad, stride}` on 4D tensors (2D convolutions). */
const conv2d = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { input: TosaTensor4D, weight: TosaTensor4D, bias: TosaTensor1D },
    results: { output: TosaTensor4D },
    attributes: {
      pad: i64ArrayOfSize(4),
      stride: i64ArrayOfSize(2),
      dilation: i64ArrayOfSize(2),
      quantization_info: optionalAttr(ConvQuantAttr.constraint),
    },
    traits: [Pure],
  }) as const;

export const Conv2DOp = defineOp(conv2d("tosa.conv2d", "2D convolution of NHWC input with OHWI weights, plus bias"), {
  verify: verifyConvOp,
  interfaces: [inferShapesWith(inferConv2D)],
});
export type Conv2DOp = InstanceType<typeof Conv2DOp>;

export const Conv3DOp = defineOp(
  {
    name: "tosa.conv3d",
    summary: "3D convolution of NDHWC input with ODHWI weights, plus bias",
    operands: { input: TosaTensor5D, weight: TosaTensor5D, bias: TosaTensor1D },
    results: { output: TosaTensor5D },
    attributes: {
      pad: i64ArrayOfSize(6),
      stride: i64ArrayOfSize(3),
      dilation: i64ArrayOfSize(3),
      quantization_info: optionalAttr(ConvQuantAttr.constraint),
    },
    traits: [Pure],
  },
  { verify: verifyConvOp, interfaces: [inferShapesWith(inferConv3D)] },
);
export type Conv3DOp = InstanceType<typeof Conv3DOp>;

export const DepthwiseConv2DOp = defineOp(conv2d("tosa.depthwise_conv2d", "depthwise 2D convolution of NHWC input with HWCM weights, plus bias"), {
  verify: verifyConvOp,
  interfaces: [inferShapesWith(inferDepthwiseConv2D)],
});
export type DepthwiseConv2DOp = InstanceType<typeof DepthwiseConv2DOp>;

export const FullyConnectedOp = defineOp(
  {
    name: "tosa.fully_connected",
    summary: "input (N, IC) times transposed weights (OC, IC), plus bias",
    operands: { input: TosaTensor2D, weight: TosaTensor2D, bias: TosaTensor1D },
    results: { output: TosaTensor2D },
    attributes: { quantization_info: optionalAttr(ConvQuantAttr.constraint) },
    traits: [Pure],
  },
  { verify: verifyConvOp, interfaces: [inferShapesWith(inferFullyConnected)] },
);
export type FullyConnectedOp = InstanceType<typeof FullyConnectedOp>;

export const MatMulOp = defineOp(
  {
    name: "tosa.matmul",
    summary: "batched matrix multiplication (N, H, C) x (N, C, W) -> (N, H, W)",
    operands: { a: TosaTensor3D, b: TosaTensor3D },
    results: { c: TosaTensor3D },
    attributes: { quantization_info: optionalAttr(MatMulQuantAttr.constraint) },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferMatMul)] },
);
export type MatMulOp = InstanceType<typeof MatMulOp>;

export const MaxPool2dOp = defineOp(
  {
    name: "tosa.max_pool2d",
    summary: "max pooling over NHWC windows",
    operands: { input: TosaTensor4D },
    results: { output: TosaTensor4D },
    attributes: { kernel: i64ArrayOfSize(2), stride: i64ArrayOfSize(2), pad: i64ArrayOfSize(4) },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferPool)] },
);
export type MaxPool2dOp = InstanceType<typeof MaxPool2dOp>;

export const RFFT2dOp = defineOp(
  {
    name: "tosa.rfft2d",
    summary: "2D real-input FFT over the last two dims: real and imaginary parts",
    operands: { input: TosaTensor3D },
    results: { output_real: TosaTensor3D, output_imag: TosaTensor3D },
    traits: [Pure],
    // ODS names the results of ops with several (OpAsmOpInterface), so they print as %output_real, %output_imag.
    resultNames: () => ["output_real", "output_imag"],
  },
  { interfaces: [inferShapesWith(inferRFFT2D)] },
);
export type RFFT2dOp = InstanceType<typeof RFFT2dOp>;

export const TransposeConv2DOp = defineOp(
  {
    name: "tosa.transpose_conv2d",
    summary: "2D transposed convolution of NHWC input with OHWI filter, plus bias",
    operands: { input: TosaTensor4D, filter: TosaTensor4D, bias: TosaTensor1D },
    results: { output: TosaTensor4D },
    attributes: {
      out_pad: i64ArrayOfSize(4),
      stride: i64ArrayOfSize(2),
      out_shape: i64ArrayUpTo(4),
      quantization_info: optionalAttr(ConvQuantAttr.constraint),
    },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferTransposeConv2D)] },
);
export type TransposeConv2DOp = InstanceType<typeof TransposeConv2DOp>;

// ---- activation functions ------------------------------------------------------------------------------------

export const ClampOp = defineOp(
  {
    name: "tosa.clamp",
    summary: "clamps each element to [min, max] (the int or fp bounds, by element type)",
    operands: { input: TosaTensor },
    results: { output: TosaTensor },
    attributes: { min_int: I64Attr, max_int: I64Attr, min_fp: F32Attr, max_fp: F32Attr },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferElementwise)] },
);
export type ClampOp = InstanceType<typeof ClampOp>;

export const SigmoidOp = defineOp(
  {
    name: "tosa.sigmoid",
    summary: "elementwise logistic sigmoid 1 / (1 + exp(-x))",
    operands: { input: TosaTensor },
    results: { output: TosaTensor },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferElementwise)] },
);
export type SigmoidOp = InstanceType<typeof SigmoidOp>;

export const TanhOp = defineOp(
  {
    name: "tosa.tanh",
    summary: "elementwise hyperbolic tangent",
    operands: { input: TosaTensor },
    results: { output: TosaTensor },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferElementwise)] },
);
export type TanhOp = InstanceType<typeof TanhOp>;

export const nnOps = [
  ArgMaxOp,
  AvgPool2dOp,
  Conv2DOp,
  Conv3DOp,
  DepthwiseConv2DOp,
  FullyConnectedOp,
  MatMulOp,
  MaxPool2dOp,
  RFFT2dOp,
  TransposeConv2DOp,
  ClampOp,
  SigmoidOp,
  TanhOp,
] as const;
