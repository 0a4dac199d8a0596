// RUN: tensile-opt %s | FileCheck %s
// RUN: tensile-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// Every named op of MLIR 16's OpDSL table, with its implicit region. The CHECK lines are mlir-opt-16's output.

// CHECK-LABEL: func.func @copy_0(
// CHECK-NEXT: %0 = linalg.copy ins(%arg0 : tensor<4x8xf32>) outs(%arg1 : tensor<4x8xf64>) -> tensor<4x8xf64>
// CHECK-NEXT: return %0 : tensor<4x8xf64>
func.func @copy_0(%in0: tensor<4x8xf32>, %out: tensor<4x8xf64>) -> tensor<4x8xf64> {
  %0 = linalg.copy ins(%in0 : tensor<4x8xf32>) outs(%out : tensor<4x8xf64>) -> tensor<4x8xf64>
  return %0 : tensor<4x8xf64>
}

// CHECK-LABEL: func.func @elemwise_unary_1(
// CHECK-NEXT: %0 = linalg.elemwise_unary {fun = #linalg.unary_fn<abs>} ins(%arg0 : tensor<4x8xf16>) outs(%arg1 : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @elemwise_unary_1(%in0: tensor<4x8xf16>, %out: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.elemwise_unary {fun = #linalg.unary_fn<abs>} ins(%in0 : tensor<4x8xf16>) outs(%out : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @elemwise_unary_2(
// CHECK-NEXT: %0 = linalg.elemwise_unary ins(%arg0 : tensor<4x8xf32>) outs(%arg1 : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @elemwise_unary_2(%in0: tensor<4x8xf32>, %out: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.elemwise_unary ins(%in0 : tensor<4x8xf32>) outs(%out : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @elemwise_binary_3(
// CHECK-NEXT: %0 = linalg.elemwise_binary {cast = #linalg.type_fn<cast_unsigned>, fun = #linalg.binary_fn<sub>} ins(%arg0, %arg1 : tensor<4x8xi8>, tensor<4x8xi8>) outs(%arg2 : tensor<4x8xi32>) -> tensor<4x8xi32>
// CHECK-NEXT: return %0 : tensor<4x8xi32>
func.func @elemwise_binary_3(%in0: tensor<4x8xi8>, %in1: tensor<4x8xi8>, %out: tensor<4x8xi32>) -> tensor<4x8xi32> {
  %0 = linalg.elemwise_binary {cast = #linalg.type_fn<cast_unsigned>, fun = #linalg.binary_fn<sub>} ins(%in0, %in1 : tensor<4x8xi8>, tensor<4x8xi8>) outs(%out : tensor<4x8xi32>) -> tensor<4x8xi32>
  return %0 : tensor<4x8xi32>
}

// CHECK-LABEL: func.func @elemwise_binary_4(
// CHECK-NEXT: %0 = linalg.elemwise_binary {fun = #linalg.binary_fn<mul>} ins(%arg0, %arg1 : tensor<4x8xi1>, tensor<4x8xi1>) outs(%arg2 : tensor<4x8xi1>) -> tensor<4x8xi1>
// CHECK-NEXT: return %0 : tensor<4x8xi1>
func.func @elemwise_binary_4(%in0: tensor<4x8xi1>, %in1: tensor<4x8xi1>, %out: tensor<4x8xi1>) -> tensor<4x8xi1> {
  %0 = linalg.elemwise_binary {fun = #linalg.binary_fn<mul>} ins(%in0, %in1 : tensor<4x8xi1>, tensor<4x8xi1>) outs(%out : tensor<4x8xi1>) -> tensor<4x8xi1>
  return %0 : tensor<4x8xi1>
}

// CHECK-LABEL: func.func @matmul_5(
// CHECK-NEXT: %0 = linalg.matmul ins(%arg0, %arg1 : tensor<3x5xf32>, tensor<5x7xf32>) outs(%arg2 : tensor<3x7xf32>) -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @matmul_5(%in0: tensor<3x5xf32>, %in1: tensor<5x7xf32>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.matmul ins(%in0, %in1 : tensor<3x5xf32>, tensor<5x7xf32>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @matmul_6(
// CHECK-NEXT: %0 = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%arg0, %arg1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%arg2 : tensor<3x7xf32>) -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @matmul_6(%in0: tensor<3x5xi8>, %in1: tensor<5x7xi8>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%in0, %in1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @matmul_unsigned_7(
// CHECK-NEXT: %0 = linalg.matmul_unsigned ins(%arg0, %arg1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%arg2 : tensor<3x7xi32>) -> tensor<3x7xi32>
// CHECK-NEXT: return %0 : tensor<3x7xi32>
func.func @matmul_unsigned_7(%in0: tensor<3x5xi8>, %in1: tensor<5x7xi8>, %out: tensor<3x7xi32>) -> tensor<3x7xi32> {
  %0 = linalg.matmul_unsigned ins(%in0, %in1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%out : tensor<3x7xi32>) -> tensor<3x7xi32>
  return %0 : tensor<3x7xi32>
}

// CHECK-LABEL: func.func @quantized_matmul_8(
// CHECK-NEXT: %0 = linalg.quantized_matmul ins(%arg0, %arg1, %arg2, %arg3 : tensor<3x5xi8>, tensor<5x7xi8>, i32, i32) outs(%arg4 : tensor<3x7xi32>) -> tensor<3x7xi32>
// CHECK-NEXT: return %0 : tensor<3x7xi32>
func.func @quantized_matmul_8(%in0: tensor<3x5xi8>, %in1: tensor<5x7xi8>, %in2: i32, %in3: i32, %out: tensor<3x7xi32>) -> tensor<3x7xi32> {
  %0 = linalg.quantized_matmul ins(%in0, %in1, %in2, %in3 : tensor<3x5xi8>, tensor<5x7xi8>, i32, i32) outs(%out : tensor<3x7xi32>) -> tensor<3x7xi32>
  return %0 : tensor<3x7xi32>
}

// CHECK-LABEL: func.func @mmt4d_9(
// CHECK-NEXT: %0 = linalg.mmt4d ins(%arg0, %arg1 : tensor<2x3x4x5xi8>, tensor<6x3x7x5xi8>) outs(%arg2 : tensor<2x6x4x7xi32>) -> tensor<2x6x4x7xi32>
// CHECK-NEXT: return %0 : tensor<2x6x4x7xi32>
func.func @mmt4d_9(%in0: tensor<2x3x4x5xi8>, %in1: tensor<6x3x7x5xi8>, %out: tensor<2x6x4x7xi32>) -> tensor<2x6x4x7xi32> {
  %0 = linalg.mmt4d ins(%in0, %in1 : tensor<2x3x4x5xi8>, tensor<6x3x7x5xi8>) outs(%out : tensor<2x6x4x7xi32>) -> tensor<2x6x4x7xi32>
  return %0 : tensor<2x6x4x7xi32>
}

// CHECK-LABEL: func.func @matmul_transpose_b_10(
// CHECK-NEXT: %0 = linalg.matmul_transpose_b ins(%arg0, %arg1 : tensor<3x5xf32>, tensor<7x5xf32>) outs(%arg2 : tensor<3x7xf32>) -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @matmul_transpose_b_10(%in0: tensor<3x5xf32>, %in1: tensor<7x5xf32>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.matmul_transpose_b ins(%in0, %in1 : tensor<3x5xf32>, tensor<7x5xf32>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @batch_matmul_11(
// CHECK-NEXT: %0 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<2x3x5xf16>, tensor<2x5x7xf16>) outs(%arg2 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
// CHECK-NEXT: return %0 : tensor<2x3x7xf32>
func.func @batch_matmul_11(%in0: tensor<2x3x5xf16>, %in1: tensor<2x5x7xf16>, %out: tensor<2x3x7xf32>) -> tensor<2x3x7xf32> {
  %0 = linalg.batch_matmul ins(%in0, %in1 : tensor<2x3x5xf16>, tensor<2x5x7xf16>) outs(%out : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  return %0 : tensor<2x3x7xf32>
}

// CHECK-LABEL: func.func @quantized_batch_matmul_12(
// CHECK-NEXT: %0 = linalg.quantized_batch_matmul ins(%arg0, %arg1, %arg2, %arg3 : tensor<2x3x5xi8>, tensor<2x5x7xi8>, i32, i32) outs(%arg4 : tensor<2x3x7xi32>) -> tensor<2x3x7xi32>
// CHECK-NEXT: return %0 : tensor<2x3x7xi32>
func.func @quantized_batch_matmul_12(%in0: tensor<2x3x5xi8>, %in1: tensor<2x5x7xi8>, %in2: i32, %in3: i32, %out: tensor<2x3x7xi32>) -> tensor<2x3x7xi32> {
  %0 = linalg.quantized_batch_matmul ins(%in0, %in1, %in2, %in3 : tensor<2x3x5xi8>, tensor<2x5x7xi8>, i32, i32) outs(%out : tensor<2x3x7xi32>) -> tensor<2x3x7xi32>
  return %0 : tensor<2x3x7xi32>
}

// CHECK-LABEL: func.func @batch_matmul_transpose_b_13(
// CHECK-NEXT: %0 = linalg.batch_matmul_transpose_b ins(%arg0, %arg1 : tensor<2x3x5xf32>, tensor<2x7x5xf32>) outs(%arg2 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
// CHECK-NEXT: return %0 : tensor<2x3x7xf32>
func.func @batch_matmul_transpose_b_13(%in0: tensor<2x3x5xf32>, %in1: tensor<2x7x5xf32>, %out: tensor<2x3x7xf32>) -> tensor<2x3x7xf32> {
  %0 = linalg.batch_matmul_transpose_b ins(%in0, %in1 : tensor<2x3x5xf32>, tensor<2x7x5xf32>) outs(%out : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  return %0 : tensor<2x3x7xf32>
}

// CHECK-LABEL: func.func @batch_reduce_matmul_14(
// CHECK-NEXT: %0 = linalg.batch_reduce_matmul ins(%arg0, %arg1 : tensor<2x3x5xf32>, tensor<2x5x7xf32>) outs(%arg2 : tensor<3x7xf32>) -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @batch_reduce_matmul_14(%in0: tensor<2x3x5xf32>, %in1: tensor<2x5x7xf32>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.batch_reduce_matmul ins(%in0, %in1 : tensor<2x3x5xf32>, tensor<2x5x7xf32>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @matvec_15(
// CHECK-NEXT: %0 = linalg.matvec ins(%arg0, %arg1 : tensor<3x5xf32>, tensor<5xf32>) outs(%arg2 : tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %0 : tensor<3xf32>
func.func @matvec_15(%in0: tensor<3x5xf32>, %in1: tensor<5xf32>, %out: tensor<3xf32>) -> tensor<3xf32> {
  %0 = linalg.matvec ins(%in0, %in1 : tensor<3x5xf32>, tensor<5xf32>) outs(%out : tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @vecmat_16(
// CHECK-NEXT: %0 = linalg.vecmat ins(%arg0, %arg1 : tensor<5xf32>, tensor<5x3xf32>) outs(%arg2 : tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %0 : tensor<3xf32>
func.func @vecmat_16(%in0: tensor<5xf32>, %in1: tensor<5x3xf32>, %out: tensor<3xf32>) -> tensor<3xf32> {
  %0 = linalg.vecmat ins(%in0, %in1 : tensor<5xf32>, tensor<5x3xf32>) outs(%out : tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @batch_matvec_17(
// CHECK-NEXT: %0 = linalg.batch_matvec ins(%arg0, %arg1 : tensor<2x3x5xf32>, tensor<2x5xf32>) outs(%arg2 : tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %0 : tensor<2x3xf32>
func.func @batch_matvec_17(%in0: tensor<2x3x5xf32>, %in1: tensor<2x5xf32>, %out: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = linalg.batch_matvec ins(%in0, %in1 : tensor<2x3x5xf32>, tensor<2x5xf32>) outs(%out : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @dot_18(
// CHECK-NEXT: %0 = linalg.dot ins(%arg0, %arg1 : tensor<5xf32>, tensor<5xf32>) outs(%arg2 : tensor<f32>) -> tensor<f32>
// CHECK-NEXT: return %0 : tensor<f32>
func.func @dot_18(%in0: tensor<5xf32>, %in1: tensor<5xf32>, %out: tensor<f32>) -> tensor<f32> {
  %0 = linalg.dot ins(%in0, %in1 : tensor<5xf32>, tensor<5xf32>) outs(%out : tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @conv_1d_19(
// CHECK-NEXT: %0 = linalg.conv_1d ins(%arg0, %arg1 : tensor<10xf32>, tensor<3xf32>) outs(%arg2 : tensor<8xf32>) -> tensor<8xf32>
// CHECK-NEXT: return %0 : tensor<8xf32>
func.func @conv_1d_19(%in0: tensor<10xf32>, %in1: tensor<3xf32>, %out: tensor<8xf32>) -> tensor<8xf32> {
  %0 = linalg.conv_1d ins(%in0, %in1 : tensor<10xf32>, tensor<3xf32>) outs(%out : tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// CHECK-LABEL: func.func @conv_2d_20(
// CHECK-NEXT: %0 = linalg.conv_2d ins(%arg0, %arg1 : tensor<10x9xf32>, tensor<3x2xf32>) outs(%arg2 : tensor<8x8xf32>) -> tensor<8x8xf32>
// CHECK-NEXT: return %0 : tensor<8x8xf32>
func.func @conv_2d_20(%in0: tensor<10x9xf32>, %in1: tensor<3x2xf32>, %out: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = linalg.conv_2d ins(%in0, %in1 : tensor<10x9xf32>, tensor<3x2xf32>) outs(%out : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @conv_3d_21(
// CHECK-NEXT: %0 = linalg.conv_3d ins(%arg0, %arg1 : tensor<6x7x8xf32>, tensor<2x3x4xf32>) outs(%arg2 : tensor<5x5x5xf32>) -> tensor<5x5x5xf32>
// CHECK-NEXT: return %0 : tensor<5x5x5xf32>
func.func @conv_3d_21(%in0: tensor<6x7x8xf32>, %in1: tensor<2x3x4xf32>, %out: tensor<5x5x5xf32>) -> tensor<5x5x5xf32> {
  %0 = linalg.conv_3d ins(%in0, %in1 : tensor<6x7x8xf32>, tensor<2x3x4xf32>) outs(%out : tensor<5x5x5xf32>) -> tensor<5x5x5xf32>
  return %0 : tensor<5x5x5xf32>
}

// CHECK-LABEL: func.func @conv_1d_nwc_wcf_22(
// CHECK-NEXT: %0 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3x3x5xf32>) outs(%arg2 : tensor<1x4x5xf32>) -> tensor<1x4x5xf32>
// CHECK-NEXT: return %0 : tensor<1x4x5xf32>
func.func @conv_1d_nwc_wcf_22(%in0: tensor<1x9x3xf32>, %in1: tensor<3x3x5xf32>, %out: tensor<1x4x5xf32>) -> tensor<1x4x5xf32> {
  %0 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3x3x5xf32>) outs(%out : tensor<1x4x5xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// CHECK-LABEL: func.func @conv_1d_ncw_fcw_23(
// CHECK-NEXT: %0 = linalg.conv_1d_ncw_fcw {strides = dense<2> : tensor<1xi64>} ins(%arg0, %arg1 : tensor<1x3x9xf32>, tensor<5x3x3xf32>) outs(%arg2 : tensor<1x5x4xf32>) -> tensor<1x5x4xf32>
// CHECK-NEXT: return %0 : tensor<1x5x4xf32>
func.func @conv_1d_ncw_fcw_23(%in0: tensor<1x3x9xf32>, %in1: tensor<5x3x3xf32>, %out: tensor<1x5x4xf32>) -> tensor<1x5x4xf32> {
  %0 = linalg.conv_1d_ncw_fcw {strides = dense<2> : tensor<1xi64>} ins(%in0, %in1 : tensor<1x3x9xf32>, tensor<5x3x3xf32>) outs(%out : tensor<1x5x4xf32>) -> tensor<1x5x4xf32>
  return %0 : tensor<1x5x4xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_24(
// CHECK-NEXT: %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3x3x8xf32>) outs(%arg2 : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
// CHECK-NEXT: return %0 : tensor<1x4x4x8xf32>
func.func @conv_2d_nhwc_hwcf_24(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3x3x8xf32>, %out: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3x3x8xf32>) outs(%out : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc_25(
// CHECK-NEXT: %0 = linalg.conv_2d_nhwc_fhwc ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<8x3x3x3xf32>) outs(%arg2 : tensor<1x7x7x8xf32>) -> tensor<1x7x7x8xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x8xf32>
func.func @conv_2d_nhwc_fhwc_25(%in0: tensor<1x9x9x3xf32>, %in1: tensor<8x3x3x3xf32>, %out: tensor<1x7x7x8xf32>) -> tensor<1x7x7x8xf32> {
  %0 = linalg.conv_2d_nhwc_fhwc ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<8x3x3x3xf32>) outs(%out : tensor<1x7x7x8xf32>) -> tensor<1x7x7x8xf32>
  return %0 : tensor<1x7x7x8xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_q_26(
// CHECK-NEXT: %0 = linalg.conv_2d_nhwc_hwcf_q ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x9x9x3xi8>, tensor<3x3x3x8xi8>, i32, i32) outs(%arg4 : tensor<1x7x7x8xi32>) -> tensor<1x7x7x8xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x8xi32>
func.func @conv_2d_nhwc_hwcf_q_26(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3x3x8xi8>, %in2: i32, %in3: i32, %out: tensor<1x7x7x8xi32>) -> tensor<1x7x7x8xi32> {
  %0 = linalg.conv_2d_nhwc_hwcf_q ins(%in0, %in1, %in2, %in3 : tensor<1x9x9x3xi8>, tensor<3x3x3x8xi8>, i32, i32) outs(%out : tensor<1x7x7x8xi32>) -> tensor<1x7x7x8xi32>
  return %0 : tensor<1x7x7x8xi32>
}

// CHECK-LABEL: func.func @conv_2d_nchw_fchw_27(
// CHECK-NEXT: %0 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<8x3x3x3xf32>) outs(%arg2 : tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32>
// CHECK-NEXT: return %0 : tensor<1x8x5x5xf32>
func.func @conv_2d_nchw_fchw_27(%in0: tensor<1x3x9x9xf32>, %in1: tensor<8x3x3x3xf32>, %out: tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<8x3x3x3xf32>) outs(%out : tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32>
  return %0 : tensor<1x8x5x5xf32>
}

// CHECK-LABEL: func.func @conv_2d_ngchw_fgchw_28(
// CHECK-NEXT: %0 = linalg.conv_2d_ngchw_fgchw ins(%arg0, %arg1 : tensor<1x2x3x9x9xf32>, tensor<2x4x3x3x3xf32>) outs(%arg2 : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x2x4x7x7xf32>
func.func @conv_2d_ngchw_fgchw_28(%in0: tensor<1x2x3x9x9xf32>, %in1: tensor<2x4x3x3x3xf32>, %out: tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32> {
  %0 = linalg.conv_2d_ngchw_fgchw ins(%in0, %in1 : tensor<1x2x3x9x9xf32>, tensor<2x4x3x3x3xf32>) outs(%out : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  return %0 : tensor<1x2x4x7x7xf32>
}

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf_29(
// CHECK-NEXT: %0 = linalg.conv_3d_ndhwc_dhwcf ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x4xf32>) outs(%arg2 : tensor<1x5x5x5x4xf32>) -> tensor<1x5x5x5x4xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x4xf32>
func.func @conv_3d_ndhwc_dhwcf_29(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2x3x4xf32>, %out: tensor<1x5x5x5x4xf32>) -> tensor<1x5x5x5x4xf32> {
  %0 = linalg.conv_3d_ndhwc_dhwcf ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x4xf32>) outs(%out : tensor<1x5x5x5x4xf32>) -> tensor<1x5x5x5x4xf32>
  return %0 : tensor<1x5x5x5x4xf32>
}

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf_q_30(
// CHECK-NEXT: %0 = linalg.conv_3d_ndhwc_dhwcf_q ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x6x6x6x3xi8>, tensor<2x2x2x3x4xi8>, i32, i32) outs(%arg4 : tensor<1x5x5x5x4xi32>) -> tensor<1x5x5x5x4xi32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x4xi32>
func.func @conv_3d_ndhwc_dhwcf_q_30(%in0: tensor<1x6x6x6x3xi8>, %in1: tensor<2x2x2x3x4xi8>, %in2: i32, %in3: i32, %out: tensor<1x5x5x5x4xi32>) -> tensor<1x5x5x5x4xi32> {
  %0 = linalg.conv_3d_ndhwc_dhwcf_q ins(%in0, %in1, %in2, %in3 : tensor<1x6x6x6x3xi8>, tensor<2x2x2x3x4xi8>, i32, i32) outs(%out : tensor<1x5x5x5x4xi32>) -> tensor<1x5x5x5x4xi32>
  return %0 : tensor<1x5x5x5x4xi32>
}

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wc_31(
// CHECK-NEXT: %0 = linalg.depthwise_conv_1d_nwc_wc ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @depthwise_conv_1d_nwc_wc_31(%in0: tensor<1x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.depthwise_conv_1d_nwc_wc ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wcm_32(
// CHECK-NEXT: %0 = linalg.depthwise_conv_1d_nwc_wcm ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3x3x2xf32>) outs(%arg2 : tensor<1x7x3x2xf32>) -> tensor<1x7x3x2xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3x2xf32>
func.func @depthwise_conv_1d_nwc_wcm_32(%in0: tensor<1x9x3xf32>, %in1: tensor<3x3x2xf32>, %out: tensor<1x7x3x2xf32>) -> tensor<1x7x3x2xf32> {
  %0 = linalg.depthwise_conv_1d_nwc_wcm ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3x3x2xf32>) outs(%out : tensor<1x7x3x2xf32>) -> tensor<1x7x3x2xf32>
  return %0 : tensor<1x7x3x2xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_33(
// CHECK-NEXT: %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3x3xf32>) outs(%arg2 : tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x3xf32>
func.func @depthwise_conv_2d_nhwc_hwc_33(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3x3xf32>, %out: tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3x3xf32>) outs(%out : tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32>
  return %0 : tensor<1x5x5x3xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nchw_chw_34(
// CHECK-NEXT: %0 = linalg.depthwise_conv_2d_nchw_chw ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<3x3x3xf32>) outs(%arg2 : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7x7xf32>
func.func @depthwise_conv_2d_nchw_chw_34(%in0: tensor<1x3x9x9xf32>, %in1: tensor<3x3x3xf32>, %out: tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<3x3x3xf32>) outs(%out : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return %0 : tensor<1x3x7x7xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_q_35(
// CHECK-NEXT: %0 = linalg.depthwise_conv_2d_nhwc_hwc_q ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x9x9x3xi8>, tensor<3x3x3xi8>, i32, i32) outs(%arg4 : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xi32>
func.func @depthwise_conv_2d_nhwc_hwc_q_35(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3x3xi8>, %in2: i32, %in3: i32, %out: tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc_q ins(%in0, %in1, %in2, %in3 : tensor<1x9x9x3xi8>, tensor<3x3x3xi8>, i32, i32) outs(%out : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
  return %0 : tensor<1x7x7x3xi32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_36(
// CHECK-NEXT: %0 = linalg.depthwise_conv_2d_nhwc_hwcm ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3x3x2xf32>) outs(%arg2 : tensor<1x7x7x3x2xf32>) -> tensor<1x7x7x3x2xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3x2xf32>
func.func @depthwise_conv_2d_nhwc_hwcm_36(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3x3x2xf32>, %out: tensor<1x7x7x3x2xf32>) -> tensor<1x7x7x3x2xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3x3x2xf32>) outs(%out : tensor<1x7x7x3x2xf32>) -> tensor<1x7x7x3x2xf32>
  return %0 : tensor<1x7x7x3x2xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_q_37(
// CHECK-NEXT: %0 = linalg.depthwise_conv_2d_nhwc_hwcm_q ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x9x9x3xi8>, tensor<3x3x3x2xi8>, i32, i32) outs(%arg4 : tensor<1x7x7x3x2xi32>) -> tensor<1x7x7x3x2xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3x2xi32>
func.func @depthwise_conv_2d_nhwc_hwcm_q_37(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3x3x2xi8>, %in2: i32, %in3: i32, %out: tensor<1x7x7x3x2xi32>) -> tensor<1x7x7x3x2xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm_q ins(%in0, %in1, %in2, %in3 : tensor<1x9x9x3xi8>, tensor<3x3x3x2xi8>, i32, i32) outs(%out : tensor<1x7x7x3x2xi32>) -> tensor<1x7x7x3x2xi32>
  return %0 : tensor<1x7x7x3x2xi32>
}

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwc_38(
// CHECK-NEXT: %0 = linalg.depthwise_conv_3d_ndhwc_dhwc ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @depthwise_conv_3d_ndhwc_dhwc_38(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2x3xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.depthwise_conv_3d_ndhwc_dhwc ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwcm_39(
// CHECK-NEXT: %0 = linalg.depthwise_conv_3d_ndhwc_dhwcm ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x2xf32>) outs(%arg2 : tensor<1x5x5x5x3x2xf32>) -> tensor<1x5x5x5x3x2xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3x2xf32>
func.func @depthwise_conv_3d_ndhwc_dhwcm_39(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2x3x2xf32>, %out: tensor<1x5x5x5x3x2xf32>) -> tensor<1x5x5x5x3x2xf32> {
  %0 = linalg.depthwise_conv_3d_ndhwc_dhwcm ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x2xf32>) outs(%out : tensor<1x5x5x5x3x2xf32>) -> tensor<1x5x5x5x3x2xf32>
  return %0 : tensor<1x5x5x5x3x2xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_sum_40(
// CHECK-NEXT: %0 = linalg.pooling_nhwc_sum ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xf32>
func.func @pooling_nhwc_sum_40(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32> {
  %0 = linalg.pooling_nhwc_sum ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
  return %0 : tensor<1x7x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nwc_sum_41(
// CHECK-NEXT: %0 = linalg.pooling_nwc_sum ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @pooling_nwc_sum_41(%in0: tensor<1x9x3xf32>, %in1: tensor<3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.pooling_nwc_sum ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_max_42(
// CHECK-NEXT: %0 = linalg.pooling_nhwc_max ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xf32>
func.func @pooling_nhwc_max_42(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32> {
  %0 = linalg.pooling_nhwc_max ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
  return %0 : tensor<1x7x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nwc_max_43(
// CHECK-NEXT: %0 = linalg.pooling_nwc_max ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @pooling_nwc_max_43(%in0: tensor<1x9x3xf32>, %in1: tensor<3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.pooling_nwc_max ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_max_unsigned_44(
// CHECK-NEXT: %0 = linalg.pooling_nhwc_max_unsigned ins(%arg0, %arg1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xi32>
func.func @pooling_nhwc_max_unsigned_44(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32> {
  %0 = linalg.pooling_nhwc_max_unsigned ins(%in0, %in1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
  return %0 : tensor<1x7x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nwc_max_unsigned_45(
// CHECK-NEXT: %0 = linalg.pooling_nwc_max_unsigned ins(%arg0, %arg1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x3xi32>
func.func @pooling_nwc_max_unsigned_45(%in0: tensor<1x9x3xi8>, %in1: tensor<3xf32>, %out: tensor<1x7x3xi32>) -> tensor<1x7x3xi32> {
  %0 = linalg.pooling_nwc_max_unsigned ins(%in0, %in1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%out : tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
  return %0 : tensor<1x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nhwc_min_46(
// CHECK-NEXT: %0 = linalg.pooling_nhwc_min ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xf32>
func.func @pooling_nhwc_min_46(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32> {
  %0 = linalg.pooling_nhwc_min ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
  return %0 : tensor<1x7x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nwc_min_47(
// CHECK-NEXT: %0 = linalg.pooling_nwc_min ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @pooling_nwc_min_47(%in0: tensor<1x9x3xf32>, %in1: tensor<3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.pooling_nwc_min ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_min_unsigned_48(
// CHECK-NEXT: %0 = linalg.pooling_nhwc_min_unsigned ins(%arg0, %arg1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xi32>
func.func @pooling_nhwc_min_unsigned_48(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32> {
  %0 = linalg.pooling_nhwc_min_unsigned ins(%in0, %in1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
  return %0 : tensor<1x7x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nwc_min_unsigned_49(
// CHECK-NEXT: %0 = linalg.pooling_nwc_min_unsigned ins(%arg0, %arg1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x3xi32>
func.func @pooling_nwc_min_unsigned_49(%in0: tensor<1x9x3xi8>, %in1: tensor<3xf32>, %out: tensor<1x7x3xi32>) -> tensor<1x7x3xi32> {
  %0 = linalg.pooling_nwc_min_unsigned ins(%in0, %in1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%out : tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
  return %0 : tensor<1x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nchw_sum_50(
// CHECK-NEXT: %0 = linalg.pooling_nchw_sum {strides = dense<1> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7x7xf32>
func.func @pooling_nchw_sum_50(%in0: tensor<1x3x9x9xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32> {
  %0 = linalg.pooling_nchw_sum {strides = dense<1> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%out : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return %0 : tensor<1x3x7x7xf32>
}

// CHECK-LABEL: func.func @pooling_ncw_sum_51(
// CHECK-NEXT: %0 = linalg.pooling_ncw_sum ins(%arg0, %arg1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7xf32>
func.func @pooling_ncw_sum_51(%in0: tensor<1x3x9xf32>, %in1: tensor<3xf32>, %out: tensor<1x3x7xf32>) -> tensor<1x3x7xf32> {
  %0 = linalg.pooling_ncw_sum ins(%in0, %in1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%out : tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
  return %0 : tensor<1x3x7xf32>
}

// CHECK-LABEL: func.func @pooling_nchw_max_52(
// CHECK-NEXT: %0 = linalg.pooling_nchw_max {strides = dense<1> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7x7xf32>
func.func @pooling_nchw_max_52(%in0: tensor<1x3x9x9xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32> {
  %0 = linalg.pooling_nchw_max {strides = dense<1> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%out : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return %0 : tensor<1x3x7x7xf32>
}

// CHECK-LABEL: func.func @pooling_ncw_max_53(
// CHECK-NEXT: %0 = linalg.pooling_ncw_max ins(%arg0, %arg1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7xf32>
func.func @pooling_ncw_max_53(%in0: tensor<1x3x9xf32>, %in1: tensor<3xf32>, %out: tensor<1x3x7xf32>) -> tensor<1x3x7xf32> {
  %0 = linalg.pooling_ncw_max ins(%in0, %in1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%out : tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
  return %0 : tensor<1x3x7xf32>
}

// CHECK-LABEL: func.func @pooling_ndhwc_sum_54(
// CHECK-NEXT: %0 = linalg.pooling_ndhwc_sum ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @pooling_ndhwc_sum_54(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.pooling_ndhwc_sum ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @pooling_ndhwc_max_55(
// CHECK-NEXT: %0 = linalg.pooling_ndhwc_max ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @pooling_ndhwc_max_55(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.pooling_ndhwc_max ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @pooling_ndhwc_min_56(
// CHECK-NEXT: %0 = linalg.pooling_ndhwc_min ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @pooling_ndhwc_min_56(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.pooling_ndhwc_min ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @fill_57(
// CHECK-NEXT: %0 = linalg.fill ins(%arg0 : f32) outs(%arg1 : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @fill_57(%in0: f32, %out: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.fill ins(%in0 : f32) outs(%out : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @fill_58(
// CHECK-NEXT: %0 = linalg.fill ins(%arg0 : i32) outs(%arg1 : tensor<4x8xf16>) -> tensor<4x8xf16>
// CHECK-NEXT: return %0 : tensor<4x8xf16>
func.func @fill_58(%in0: i32, %out: tensor<4x8xf16>) -> tensor<4x8xf16> {
  %0 = linalg.fill ins(%in0 : i32) outs(%out : tensor<4x8xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}

// CHECK-LABEL: func.func @fill_rng_2d_59(
// CHECK-NEXT: %0 = linalg.fill_rng_2d ins(%arg0, %arg1, %arg2 : f64, f64, i32) outs(%arg3 : tensor<16x32xf32>) -> tensor<16x32xf32>
// CHECK-NEXT: return %0 : tensor<16x32xf32>
func.func @fill_rng_2d_59(%in0: f64, %in1: f64, %in2: i32, %out: tensor<16x32xf32>) -> tensor<16x32xf32> {
  %0 = linalg.fill_rng_2d ins(%in0, %in1, %in2 : f64, f64, i32) outs(%out : tensor<16x32xf32>) -> tensor<16x32xf32>
  return %0 : tensor<16x32xf32>
}

// CHECK-LABEL: func.func @matmul_60(
// CHECK-NEXT: linalg.matmul ins(%arg0, %arg1 : memref<3x5xf32>, memref<5x7xf32>) outs(%arg2 : memref<3x7xf32>)
// CHECK-NEXT: return
func.func @matmul_60(%in0: memref<3x5xf32>, %in1: memref<5x7xf32>, %out: memref<3x7xf32>) {
  linalg.matmul ins(%in0, %in1 : memref<3x5xf32>, memref<5x7xf32>) outs(%out : memref<3x7xf32>)
  return
}

// CHECK-LABEL: func.func @fill_61(
// CHECK-NEXT: linalg.fill ins(%arg0 : f32) outs(%arg1 : memref<4x8xf32>)
// CHECK-NEXT: return
func.func @fill_61(%in0: f32, %out: memref<4x8xf32>) {
  linalg.fill ins(%in0 : f32) outs(%out : memref<4x8xf32>)
  return
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_62(
// CHECK-NEXT: linalg.conv_2d_nhwc_hwcf {strides = dense<2> : tensor<2xi64>} ins(%arg0, %arg1 : memref<1x9x9x3xf32>, memref<3x3x3x8xf32>) outs(%arg2 : memref<1x4x4x8xf32>)
// CHECK-NEXT: return
func.func @conv_2d_nhwc_hwcf_62(%in0: memref<1x9x9x3xf32>, %in1: memref<3x3x3x8xf32>, %out: memref<1x4x4x8xf32>) {
  linalg.conv_2d_nhwc_hwcf {strides = dense<2> : tensor<2xi64>} ins(%in0, %in1 : memref<1x9x9x3xf32>, memref<3x3x3x8xf32>) outs(%out : memref<1x4x4x8xf32>)
  return
}

// CHECK-LABEL: func.func @pooling_nhwc_max_63(
// CHECK-NEXT: linalg.pooling_nhwc_max ins(%arg0, %arg1 : memref<1x9x9x3xf32>, memref<3x3xf32>) outs(%arg2 : memref<1x7x7x3xf32>)
// CHECK-NEXT: return
func.func @pooling_nhwc_max_63(%in0: memref<1x9x9x3xf32>, %in1: memref<3x3xf32>, %out: memref<1x7x7x3xf32>) {
  linalg.pooling_nhwc_max ins(%in0, %in1 : memref<1x9x9x3xf32>, memref<3x3xf32>) outs(%out : memref<1x7x7x3xf32>)
  return
}

// The implicit regions, as mlir-opt-16 --mlir-print-op-generic prints them.
// GENERIC: %0 = "linalg.copy"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f64):
// GENERIC-NEXT: %1 = "arith.extf"(%arg2) : (f32) -> f64
// GENERIC-NEXT: "linalg.yield"(%1) : (f64) -> ()
// GENERIC-NEXT: }) {operand_segment_sizes = array<i32: 1, 1>} : (tensor<4x8xf32>, tensor<4x8xf64>) -> tensor<4x8xf64>
// GENERIC: %0 = "linalg.elemwise_unary"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f16, %arg3: f32):
// GENERIC-NEXT: %1 = "arith.extf"(%arg2) : (f16) -> f32
// GENERIC-NEXT: %2 = "math.absf"(%1) {fastmath = #arith.fastmath<none>} : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {fun = #linalg.unary_fn<abs>, operand_segment_sizes = array<i32: 1, 1>} : (tensor<4x8xf16>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC: %0 = "linalg.elemwise_unary"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: %1 = "math.exp"(%arg2) {fastmath = #arith.fastmath<none>} : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {operand_segment_sizes = array<i32: 1, 1>} : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC: %0 = "linalg.elemwise_binary"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: i8, %arg5: i32):
// GENERIC-NEXT: %1 = "arith.extui"(%arg3) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.extui"(%arg4) : (i8) -> i32
// GENERIC-NEXT: %3 = "arith.subi"(%1, %2) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%3) : (i32) -> ()
// GENERIC-NEXT: }) {cast = #linalg.type_fn<cast_unsigned>, fun = #linalg.binary_fn<sub>, operand_segment_sizes = array<i32: 2, 1>} : (tensor<4x8xi8>, tensor<4x8xi8>, tensor<4x8xi32>) -> tensor<4x8xi32>
// GENERIC: %0 = "linalg.elemwise_binary"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i1, %arg4: i1, %arg5: i1):
// GENERIC-NEXT: %1 = "arith.andi"(%arg3, %arg4) : (i1, i1) -> i1
// GENERIC-NEXT: "linalg.yield"(%1) : (i1) -> ()
// GENERIC-NEXT: }) {fun = #linalg.binary_fn<mul>, operand_segment_sizes = array<i32: 2, 1>} : (tensor<4x8xi1>, tensor<4x8xi1>, tensor<4x8xi1>) -> tensor<4x8xi1>
// GENERIC: %0 = "linalg.matmul"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map, #map1, #map2], operand_segment_sizes = array<i32: 2, 1>} : (tensor<3x5xf32>, tensor<5x7xf32>, tensor<3x7xf32>) -> tensor<3x7xf32>
// GENERIC: %0 = "linalg.matmul"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: i8, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.uitofp"(%arg3) : (i8) -> f32
// GENERIC-NEXT: %2 = "arith.uitofp"(%arg4) : (i8) -> f32
// GENERIC-NEXT: %3 = "arith.mulf"(%1, %2) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %4 = "arith.addf"(%arg5, %3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%4) : (f32) -> ()
// GENERIC-NEXT: }) {cast = #linalg.type_fn<cast_unsigned>, linalg.memoized_indexing_maps = [#map, #map1, #map2], operand_segment_sizes = array<i32: 2, 1>} : (tensor<3x5xi8>, tensor<5x7xi8>, tensor<3x7xf32>) -> tensor<3x7xf32>
// GENERIC: %0 = "linalg.matmul_unsigned"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: i8, %arg5: i32):
// GENERIC-NEXT: %1 = "arith.extui"(%arg3) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.extui"(%arg4) : (i8) -> i32
// GENERIC-NEXT: %3 = "arith.muli"(%1, %2) : (i32, i32) -> i32
// GENERIC-NEXT: %4 = "arith.addi"(%arg5, %3) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%4) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map, #map1, #map2], operand_segment_sizes = array<i32: 2, 1>} : (tensor<3x5xi8>, tensor<5x7xi8>, tensor<3x7xi32>) -> tensor<3x7xi32>
// GENERIC: %0 = "linalg.quantized_matmul"(%arg0, %arg1, %arg2, %arg3, %arg4) ({
// GENERIC-NEXT: ^bb0(%arg5: i8, %arg6: i8, %arg7: i32, %arg8: i32, %arg9: i32):
// GENERIC-NEXT: %1 = "arith.extsi"(%arg5) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.subi"(%1, %arg7) : (i32, i32) -> i32
// GENERIC-NEXT: %3 = "arith.extsi"(%arg6) : (i8) -> i32
// GENERIC-NEXT: %4 = "arith.subi"(%3, %arg8) : (i32, i32) -> i32
// GENERIC-NEXT: %5 = "arith.muli"(%2, %4) : (i32, i32) -> i32
// GENERIC-NEXT: %6 = "arith.addi"(%arg9, %5) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%6) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map, #map1, #map3, #map3, #map2], operand_segment_sizes = array<i32: 4, 1>} : (tensor<3x5xi8>, tensor<5x7xi8>, i32, i32, tensor<3x7xi32>) -> tensor<3x7xi32>
// GENERIC: %0 = "linalg.mmt4d"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: i8, %arg5: i32):
// GENERIC-NEXT: %1 = "arith.extsi"(%arg3) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.extsi"(%arg4) : (i8) -> i32
// GENERIC-NEXT: %3 = "arith.muli"(%1, %2) : (i32, i32) -> i32
// GENERIC-NEXT: %4 = "arith.addi"(%arg5, %3) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%4) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map4, #map5, #map6], operand_segment_sizes = array<i32: 2, 1>} : (tensor<2x3x4x5xi8>, tensor<6x3x7x5xi8>, tensor<2x6x4x7xi32>) -> tensor<2x6x4x7xi32>
// GENERIC: %0 = "linalg.matmul_transpose_b"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map, #map7, #map2], operand_segment_sizes = array<i32: 2, 1>} : (tensor<3x5xf32>, tensor<7x5xf32>, tensor<3x7xf32>) -> tensor<3x7xf32>
// GENERIC: %0 = "linalg.batch_matmul"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f16, %arg4: f16, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.extf"(%arg3) : (f16) -> f32
// GENERIC-NEXT: %2 = "arith.extf"(%arg4) : (f16) -> f32
// GENERIC-NEXT: %3 = "arith.mulf"(%1, %2) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %4 = "arith.addf"(%arg5, %3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%4) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map8, #map9, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<2x3x5xf16>, tensor<2x5x7xf16>, tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
// GENERIC: %0 = "linalg.quantized_batch_matmul"(%arg0, %arg1, %arg2, %arg3, %arg4) ({
// GENERIC-NEXT: ^bb0(%arg5: i8, %arg6: i8, %arg7: i32, %arg8: i32, %arg9: i32):
// GENERIC-NEXT: %1 = "arith.extsi"(%arg5) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.subi"(%1, %arg7) : (i32, i32) -> i32
// GENERIC-NEXT: %3 = "arith.extsi"(%arg6) : (i8) -> i32
// GENERIC-NEXT: %4 = "arith.subi"(%3, %arg8) : (i32, i32) -> i32
// GENERIC-NEXT: %5 = "arith.muli"(%2, %4) : (i32, i32) -> i32
// GENERIC-NEXT: %6 = "arith.addi"(%arg9, %5) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%6) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map8, #map9, #map11, #map11, #map10], operand_segment_sizes = array<i32: 4, 1>} : (tensor<2x3x5xi8>, tensor<2x5x7xi8>, i32, i32, tensor<2x3x7xi32>) -> tensor<2x3x7xi32>
// GENERIC: %0 = "linalg.batch_matmul_transpose_b"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map8, #map12, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<2x3x5xf32>, tensor<2x7x5xf32>, tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
// GENERIC: %0 = "linalg.batch_reduce_matmul"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map8, #map9, #map13], operand_segment_sizes = array<i32: 2, 1>} : (tensor<2x3x5xf32>, tensor<2x5x7xf32>, tensor<3x7xf32>) -> tensor<3x7xf32>
// GENERIC: %0 = "linalg.matvec"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map14, #map15, #map16], operand_segment_sizes = array<i32: 2, 1>} : (tensor<3x5xf32>, tensor<5xf32>, tensor<3xf32>) -> tensor<3xf32>
// GENERIC: %0 = "linalg.vecmat"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map15, #map17, #map16], operand_segment_sizes = array<i32: 2, 1>} : (tensor<5xf32>, tensor<5x3xf32>, tensor<3xf32>) -> tensor<3xf32>
// GENERIC: %0 = "linalg.batch_matvec"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map18, #map, #map2], operand_segment_sizes = array<i32: 2, 1>} : (tensor<2x3x5xf32>, tensor<2x5xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC: %0 = "linalg.dot"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map19, #map19, #map20], operand_segment_sizes = array<i32: 2, 1>} : (tensor<5xf32>, tensor<5xf32>, tensor<f32>) -> tensor<f32>
// GENERIC: %0 = "linalg.conv_1d"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map21, #map15, #map16], operand_segment_sizes = array<i32: 2, 1>} : (tensor<10xf32>, tensor<3xf32>, tensor<8xf32>) -> tensor<8xf32>
// GENERIC: %0 = "linalg.conv_2d"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map22, #map23, #map24], operand_segment_sizes = array<i32: 2, 1>} : (tensor<10x9xf32>, tensor<3x2xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
// GENERIC: %0 = "linalg.conv_3d"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map25, #map26, #map27], operand_segment_sizes = array<i32: 2, 1>} : (tensor<6x7x8xf32>, tensor<2x3x4xf32>, tensor<5x5x5xf32>) -> tensor<5x5x5xf32>
// GENERIC: %0 = "linalg.conv_1d_nwc_wcf"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {dilations = dense<1> : tensor<1xi64>, linalg.memoized_indexing_maps = [#map28, #map29, #map30], operand_segment_sizes = array<i32: 2, 1>, strides = dense<2> : tensor<1xi64>} : (tensor<1x9x3xf32>, tensor<3x3x5xf32>, tensor<1x4x5xf32>) -> tensor<1x4x5xf32>
// GENERIC: %0 = "linalg.conv_1d_ncw_fcw"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map31, #map32, #map30], operand_segment_sizes = array<i32: 2, 1>, strides = dense<2> : tensor<1xi64>} : (tensor<1x3x9xf32>, tensor<5x3x3xf32>, tensor<1x5x4xf32>) -> tensor<1x5x4xf32>
// GENERIC: %0 = "linalg.conv_2d_nhwc_hwcf"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {dilations = dense<1> : tensor<2xi64>, linalg.memoized_indexing_maps = [#map33, #map34, #map35], operand_segment_sizes = array<i32: 2, 1>, strides = dense<2> : tensor<2xi64>} : (tensor<1x9x9x3xf32>, tensor<3x3x3x8xf32>, tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
// GENERIC: %0 = "linalg.conv_2d_nhwc_fhwc"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map36, #map37, #map35], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x9x3xf32>, tensor<8x3x3x3xf32>, tensor<1x7x7x8xf32>) -> tensor<1x7x7x8xf32>
// GENERIC: %0 = "linalg.conv_2d_nhwc_hwcf_q"(%arg0, %arg1, %arg2, %arg3, %arg4) ({
// GENERIC-NEXT: ^bb0(%arg5: i8, %arg6: i8, %arg7: i32, %arg8: i32, %arg9: i32):
// GENERIC-NEXT: %1 = "arith.extsi"(%arg5) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.subi"(%1, %arg7) : (i32, i32) -> i32
// GENERIC-NEXT: %3 = "arith.extsi"(%arg6) : (i8) -> i32
// GENERIC-NEXT: %4 = "arith.subi"(%3, %arg8) : (i32, i32) -> i32
// GENERIC-NEXT: %5 = "arith.muli"(%2, %4) : (i32, i32) -> i32
// GENERIC-NEXT: %6 = "arith.addi"(%arg9, %5) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%6) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map36, #map34, #map38, #map38, #map35], operand_segment_sizes = array<i32: 4, 1>} : (tensor<1x9x9x3xi8>, tensor<3x3x3x8xi8>, i32, i32, tensor<1x7x7x8xi32>) -> tensor<1x7x7x8xi32>
// GENERIC: %0 = "linalg.conv_2d_nchw_fchw"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {dilations = dense<2> : tensor<2xi64>, linalg.memoized_indexing_maps = [#map39, #map40, #map35], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x3x9x9xf32>, tensor<8x3x3x3xf32>, tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32>
// GENERIC: %0 = "linalg.conv_2d_ngchw_fgchw"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map41, #map42, #map43], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x2x3x9x9xf32>, tensor<2x4x3x3x3xf32>, tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
// GENERIC: %0 = "linalg.conv_3d_ndhwc_dhwcf"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map44, #map45, #map46], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x4xf32>, tensor<1x5x5x5x4xf32>) -> tensor<1x5x5x5x4xf32>
// GENERIC: %0 = "linalg.conv_3d_ndhwc_dhwcf_q"(%arg0, %arg1, %arg2, %arg3, %arg4) ({
// GENERIC-NEXT: ^bb0(%arg5: i8, %arg6: i8, %arg7: i32, %arg8: i32, %arg9: i32):
// GENERIC-NEXT: %1 = "arith.extsi"(%arg5) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.subi"(%1, %arg7) : (i32, i32) -> i32
// GENERIC-NEXT: %3 = "arith.extsi"(%arg6) : (i8) -> i32
// GENERIC-NEXT: %4 = "arith.subi"(%3, %arg8) : (i32, i32) -> i32
// GENERIC-NEXT: %5 = "arith.muli"(%2, %4) : (i32, i32) -> i32
// GENERIC-NEXT: %6 = "arith.addi"(%arg9, %5) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%6) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map44, #map45, #map47, #map47, #map46], operand_segment_sizes = array<i32: 4, 1>} : (tensor<1x6x6x6x3xi8>, tensor<2x2x2x3x4xi8>, i32, i32, tensor<1x5x5x5x4xi32>) -> tensor<1x5x5x5x4xi32>
// GENERIC: %0 = "linalg.depthwise_conv_1d_nwc_wc"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map48, #map49, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x3xf32>, tensor<3x3xf32>, tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// GENERIC: %0 = "linalg.depthwise_conv_1d_nwc_wcm"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map50, #map51, #map52], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x3xf32>, tensor<3x3x2xf32>, tensor<1x7x3x2xf32>) -> tensor<1x7x3x2xf32>
// GENERIC: %0 = "linalg.depthwise_conv_2d_nhwc_hwc"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {dilations = dense<2> : tensor<2xi64>, linalg.memoized_indexing_maps = [#map53, #map54, #map55], operand_segment_sizes = array<i32: 2, 1>, strides = dense<1> : tensor<2xi64>} : (tensor<1x9x9x3xf32>, tensor<3x3x3xf32>, tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32>
// GENERIC: %0 = "linalg.depthwise_conv_2d_nchw_chw"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map56, #map26, #map57], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x3x9x9xf32>, tensor<3x3x3xf32>, tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
// GENERIC: %0 = "linalg.depthwise_conv_2d_nhwc_hwc_q"(%arg0, %arg1, %arg2, %arg3, %arg4) ({
// GENERIC-NEXT: ^bb0(%arg5: i8, %arg6: i8, %arg7: i32, %arg8: i32, %arg9: i32):
// GENERIC-NEXT: %1 = "arith.extsi"(%arg5) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.subi"(%1, %arg7) : (i32, i32) -> i32
// GENERIC-NEXT: %3 = "arith.extsi"(%arg6) : (i8) -> i32
// GENERIC-NEXT: %4 = "arith.subi"(%3, %arg8) : (i32, i32) -> i32
// GENERIC-NEXT: %5 = "arith.muli"(%2, %4) : (i32, i32) -> i32
// GENERIC-NEXT: %6 = "arith.addi"(%arg9, %5) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%6) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map58, #map54, #map59, #map59, #map55], operand_segment_sizes = array<i32: 4, 1>} : (tensor<1x9x9x3xi8>, tensor<3x3x3xi8>, i32, i32, tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
// GENERIC: %0 = "linalg.depthwise_conv_2d_nhwc_hwcm"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map60, #map61, #map62], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x9x3xf32>, tensor<3x3x3x2xf32>, tensor<1x7x7x3x2xf32>) -> tensor<1x7x7x3x2xf32>
// GENERIC: %0 = "linalg.depthwise_conv_2d_nhwc_hwcm_q"(%arg0, %arg1, %arg2, %arg3, %arg4) ({
// GENERIC-NEXT: ^bb0(%arg5: i8, %arg6: i8, %arg7: i32, %arg8: i32, %arg9: i32):
// GENERIC-NEXT: %1 = "arith.extsi"(%arg5) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.subi"(%1, %arg7) : (i32, i32) -> i32
// GENERIC-NEXT: %3 = "arith.extsi"(%arg6) : (i8) -> i32
// GENERIC-NEXT: %4 = "arith.subi"(%3, %arg8) : (i32, i32) -> i32
// GENERIC-NEXT: %5 = "arith.muli"(%2, %4) : (i32, i32) -> i32
// GENERIC-NEXT: %6 = "arith.addi"(%arg9, %5) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%6) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map60, #map61, #map38, #map38, #map62], operand_segment_sizes = array<i32: 4, 1>} : (tensor<1x9x9x3xi8>, tensor<3x3x3x2xi8>, i32, i32, tensor<1x7x7x3x2xi32>) -> tensor<1x7x7x3x2xi32>
// GENERIC: %0 = "linalg.depthwise_conv_3d_ndhwc_dhwc"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map63, #map64, #map65], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x6x6x6x3xf32>, tensor<2x2x2x3xf32>, tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// GENERIC: %0 = "linalg.depthwise_conv_3d_ndhwc_dhwcm"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %2 = "arith.addf"(%arg5, %1) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map44, #map45, #map66], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x2xf32>, tensor<1x5x5x5x3x2xf32>) -> tensor<1x5x5x5x3x2xf32>
// GENERIC: %0 = "linalg.pooling_nhwc_sum"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.addf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map58, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x9x3xf32>, tensor<3x3xf32>, tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
// GENERIC: %0 = "linalg.pooling_nwc_sum"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.addf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map48, #map68, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x3xf32>, tensor<3xf32>, tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// GENERIC: %0 = "linalg.pooling_nhwc_max"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.maxf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map58, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x9x3xf32>, tensor<3x3xf32>, tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
// GENERIC: %0 = "linalg.pooling_nwc_max"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.maxf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map48, #map68, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x3xf32>, tensor<3xf32>, tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// GENERIC: %0 = "linalg.pooling_nhwc_max_unsigned"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: f32, %arg5: i32):
// GENERIC-NEXT: %1 = "arith.extui"(%arg3) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.maxui"(%arg5, %1) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%2) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map58, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x9x3xi8>, tensor<3x3xf32>, tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
// GENERIC: %0 = "linalg.pooling_nwc_max_unsigned"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: f32, %arg5: i32):
// GENERIC-NEXT: %1 = "arith.extui"(%arg3) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.maxui"(%arg5, %1) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%2) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map48, #map68, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x3xi8>, tensor<3xf32>, tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
// GENERIC: %0 = "linalg.pooling_nhwc_min"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.minf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map58, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x9x3xf32>, tensor<3x3xf32>, tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
// GENERIC: %0 = "linalg.pooling_nwc_min"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.minf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map48, #map68, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x3xf32>, tensor<3xf32>, tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
// GENERIC: %0 = "linalg.pooling_nhwc_min_unsigned"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: f32, %arg5: i32):
// GENERIC-NEXT: %1 = "arith.extui"(%arg3) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.minui"(%arg5, %1) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%2) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map58, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x9x3xi8>, tensor<3x3xf32>, tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
// GENERIC: %0 = "linalg.pooling_nwc_min_unsigned"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i8, %arg4: f32, %arg5: i32):
// GENERIC-NEXT: %1 = "arith.extui"(%arg3) : (i8) -> i32
// GENERIC-NEXT: %2 = "arith.minui"(%arg5, %1) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%2) : (i32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map48, #map68, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x9x3xi8>, tensor<3xf32>, tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
// GENERIC: %0 = "linalg.pooling_nchw_sum"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.addf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map69, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>, strides = dense<1> : tensor<2xi64>} : (tensor<1x3x9x9xf32>, tensor<3x3xf32>, tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
// GENERIC: %0 = "linalg.pooling_ncw_sum"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.addf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map70, #map68, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x3x9xf32>, tensor<3xf32>, tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
// GENERIC: %0 = "linalg.pooling_nchw_max"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.maxf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map69, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>, strides = dense<1> : tensor<2xi64>} : (tensor<1x3x9x9xf32>, tensor<3x3xf32>, tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
// GENERIC: %0 = "linalg.pooling_ncw_max"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.maxf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map70, #map68, #map10], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x3x9xf32>, tensor<3xf32>, tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
// GENERIC: %0 = "linalg.pooling_ndhwc_sum"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.addf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map71, #map72, #map43], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>, tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// GENERIC: %0 = "linalg.pooling_ndhwc_max"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.maxf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map71, #map72, #map43], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>, tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// GENERIC: %0 = "linalg.pooling_ndhwc_min"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.minf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map71, #map72, #map43], operand_segment_sizes = array<i32: 2, 1>} : (tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>, tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
// GENERIC: %0 = "linalg.fill"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: "linalg.yield"(%arg2) : (f32) -> ()
// GENERIC-NEXT: }) {operand_segment_sizes = array<i32: 1, 1>} : (f32, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC: %0 = "linalg.fill"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: i32, %arg3: f16):
// GENERIC-NEXT: %1 = "arith.sitofp"(%arg2) : (i32) -> f16
// GENERIC-NEXT: "linalg.yield"(%1) : (f16) -> ()
// GENERIC-NEXT: }) {operand_segment_sizes = array<i32: 1, 1>} : (i32, tensor<4x8xf16>) -> tensor<4x8xf16>
// GENERIC: %0 = "linalg.fill_rng_2d"(%arg0, %arg1, %arg2, %arg3) ({
// GENERIC-NEXT: ^bb0(%arg4: f64, %arg5: f64, %arg6: i32, %arg7: f32):
// GENERIC-NEXT: %1 = "arith.constant"() {value = 2147483647 : i64} : () -> i64
// GENERIC-NEXT: %2 = "arith.sitofp"(%1) : (i64) -> f64
// GENERIC-NEXT: %3 = "linalg.index"() {dim = 1 : i64} : () -> index
// GENERIC-NEXT: %4 = "arith.index_cast"(%3) : (index) -> i32
// GENERIC-NEXT: %5 = "linalg.index"() {dim = 0 : i64} : () -> index
// GENERIC-NEXT: %6 = "arith.index_cast"(%5) : (index) -> i32
// GENERIC-NEXT: %7 = "arith.addi"(%6, %arg6) : (i32, i32) -> i32
// GENERIC-NEXT: %8 = "arith.constant"() {value = 1103515245 : i64} : () -> i64
// GENERIC-NEXT: %9 = "arith.trunci"(%8) : (i64) -> i32
// GENERIC-NEXT: %10 = "arith.muli"(%7, %9) : (i32, i32) -> i32
// GENERIC-NEXT: %11 = "arith.constant"() {value = 12345 : i64} : () -> i64
// GENERIC-NEXT: %12 = "arith.trunci"(%11) : (i64) -> i32
// GENERIC-NEXT: %13 = "arith.addi"(%10, %12) : (i32, i32) -> i32
// GENERIC-NEXT: %14 = "arith.addi"(%4, %13) : (i32, i32) -> i32
// GENERIC-NEXT: %15 = "arith.constant"() {value = 1103515245 : i64} : () -> i64
// GENERIC-NEXT: %16 = "arith.trunci"(%15) : (i64) -> i32
// GENERIC-NEXT: %17 = "arith.muli"(%14, %16) : (i32, i32) -> i32
// GENERIC-NEXT: %18 = "arith.constant"() {value = 12345 : i64} : () -> i64
// GENERIC-NEXT: %19 = "arith.trunci"(%18) : (i64) -> i32
// GENERIC-NEXT: %20 = "arith.addi"(%17, %19) : (i32, i32) -> i32
// GENERIC-NEXT: %21 = "arith.sitofp"(%20) : (i32) -> f64
// GENERIC-NEXT: %22 = "arith.addf"(%2, %21) {fastmath = #arith.fastmath<none>} : (f64, f64) -> f64
// GENERIC-NEXT: %23 = "arith.subf"(%arg5, %arg4) {fastmath = #arith.fastmath<none>} : (f64, f64) -> f64
// GENERIC-NEXT: %24 = "arith.constant"() {value = 2.3283063999999999E-10 : f64} : () -> f64
// GENERIC-NEXT: %25 = "arith.mulf"(%23, %24) {fastmath = #arith.fastmath<none>} : (f64, f64) -> f64
// GENERIC-NEXT: %26 = "arith.mulf"(%22, %25) {fastmath = #arith.fastmath<none>} : (f64, f64) -> f64
// GENERIC-NEXT: %27 = "arith.addf"(%26, %arg4) {fastmath = #arith.fastmath<none>} : (f64, f64) -> f64
// GENERIC-NEXT: %28 = "arith.truncf"(%27) : (f64) -> f32
// GENERIC-NEXT: "linalg.yield"(%28) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map73, #map73, #map73, #map14], operand_segment_sizes = array<i32: 3, 1>} : (f64, f64, i32, tensor<16x32xf32>) -> tensor<16x32xf32>
// GENERIC: "linalg.matmul"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %0 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %1 = "arith.addf"(%arg5, %0) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map, #map1, #map2], operand_segment_sizes = array<i32: 2, 1>} : (memref<3x5xf32>, memref<5x7xf32>, memref<3x7xf32>) -> ()
// GENERIC: "linalg.fill"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: "linalg.yield"(%arg2) : (f32) -> ()
// GENERIC-NEXT: }) {operand_segment_sizes = array<i32: 1, 1>} : (f32, memref<4x8xf32>) -> ()
// GENERIC: "linalg.conv_2d_nhwc_hwcf"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %0 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: %1 = "arith.addf"(%arg5, %0) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map33, #map34, #map35], operand_segment_sizes = array<i32: 2, 1>, strides = dense<2> : tensor<2xi64>} : (memref<1x9x9x3xf32>, memref<3x3x3x8xf32>, memref<1x4x4x8xf32>) -> ()
// GENERIC: "linalg.pooling_nhwc_max"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %0 = "arith.maxf"(%arg5, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%0) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map58, #map67, #map55], operand_segment_sizes = array<i32: 2, 1>} : (memref<1x9x9x3xf32>, memref<3x3xf32>, memref<1x7x7x3xf32>) -> ()
