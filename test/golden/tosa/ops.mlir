// RUN: tensile-opt %s | FileCheck %s
// Every op of MLIR 16's TOSA dialect (all print in generic form); the CHECK lines are mlir-opt-16's own output.

// CHECK-LABEL: func.func @tensor_ops(
// CHECK-NEXT: %0 = "tosa.argmax"(%arg0) {axis = 3 : i64} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8xi32>
// CHECK-NEXT: %1 = "tosa.avg_pool2d"(%arg0) {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x3xf32>) -> tensor<1x4x4x3xf32>
// CHECK-NEXT: %2 = "tosa.conv2d"(%arg0, %arg1, %arg2) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x6x6x4xf32>
// CHECK-NEXT: %3 = "tosa.conv2d"(%arg10, %arg11, %arg12) {dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, quantization_info = #tosa.conv_quant<input_zp = -128, weight_zp = 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x8x8x4xi32>
// CHECK-NEXT: %4 = "tosa.conv3d"(%arg3, %arg4, %arg2) {dilation = array<i64: 1, 1, 1>, pad = array<i64: 0, 0, 0, 0, 0, 0>, stride = array<i64: 1, 1, 1>} : (tensor<1x4x8x8x3xf32>, tensor<4x2x3x3x3xf32>, tensor<4xf32>) -> tensor<1x3x6x6x4xf32>
// CHECK-NEXT: %5 = "tosa.depthwise_conv2d"(%arg0, %arg5, %arg2) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<3x3x3x2xf32>, tensor<4xf32>) -> tensor<1x6x6x6xf32>
// CHECK-NEXT: %6 = "tosa.fully_connected"(%arg6, %arg7, %arg2) : (tensor<2x6xf32>, tensor<4x6xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %7 = "tosa.matmul"(%arg8, %arg9) : (tensor<1x4x8xf32>, tensor<1x8x2xf32>) -> tensor<1x4x2xf32>
// CHECK-NEXT: %8 = "tosa.max_pool2d"(%arg0) {kernel = array<i64: 3, 3>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
// CHECK-NEXT: %output_real, %output_imag = "tosa.rfft2d"(%arg13) : (tensor<2x8x8xf32>) -> (tensor<2x8x5xf32>, tensor<2x8x5xf32>)
// CHECK-NEXT: %9 = "tosa.transpose_conv2d"(%arg0, %arg1, %arg2) {out_pad = array<i64: 0, 0, 0, 0>, out_shape = array<i64: 1, 10, 10, 4>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x10x10x4xf32>
// CHECK-NEXT: %10 = "tosa.clamp"(%arg0) {max_fp = 6.000000e+00 : f32, max_int = 6 : i64, min_fp = 0.000000e+00 : f32, min_int = 0 : i64} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
// CHECK-NEXT: %11 = "tosa.sigmoid"(%arg0) : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
// CHECK-NEXT: %12 = "tosa.tanh"(%arg0) : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
// CHECK-NEXT: %13 = "tosa.avg_pool2d"(%arg10) {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, quantization_info = #tosa.unary_quant<input_zp = 1, output_zp = -1>, stride = array<i64: 2, 2>} : (tensor<1x8x8x3xi8>) -> tensor<1x4x4x3xi8>
// CHECK-NEXT: %14 = "tosa.matmul"(%arg8, %arg9) {quantization_info = #tosa.matmul_quant<a_zp = 1, b_zp = 2>} : (tensor<1x4x8xf32>, tensor<1x8x2xf32>) -> tensor<1x4x2xf32>
// CHECK-NEXT: return %2 : tensor<1x6x6x4xf32>
func.func @tensor_ops(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>, %bias: tensor<4xf32>, %x5: tensor<1x4x8x8x3xf32>, %w5: tensor<4x2x3x3x3xf32>, %dw: tensor<3x3x3x2xf32>, %m: tensor<2x6xf32>, %mw: tensor<4x6xf32>, %a: tensor<1x4x8xf32>, %b: tensor<1x8x2xf32>, %q: tensor<1x8x8x3xi8>, %qw: tensor<4x3x3x3xi8>, %qb: tensor<4xi32>, %r: tensor<2x8x8xf32>) -> tensor<1x6x6x4xf32> {
  %0 = "tosa.argmax"(%x) {axis = 3 : i64} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8xi32>
  %1 = "tosa.avg_pool2d"(%x) {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x3xf32>) -> tensor<1x4x4x3xf32>
  %2 = "tosa.conv2d"(%x, %w, %bias) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x6x6x4xf32>
  %3 = "tosa.conv2d"(%q, %qw, %qb) {dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>, quantization_info = #tosa.conv_quant<input_zp = -128, weight_zp = 0>} : (tensor<1x8x8x3xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>) -> tensor<1x8x8x4xi32>
  %4 = "tosa.conv3d"(%x5, %w5, %bias) {dilation = array<i64: 1, 1, 1>, pad = array<i64: 0, 0, 0, 0, 0, 0>, stride = array<i64: 1, 1, 1>} : (tensor<1x4x8x8x3xf32>, tensor<4x2x3x3x3xf32>, tensor<4xf32>) -> tensor<1x3x6x6x4xf32>
  %5 = "tosa.depthwise_conv2d"(%x, %dw, %bias) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<3x3x3x2xf32>, tensor<4xf32>) -> tensor<1x6x6x6xf32>
  %6 = "tosa.fully_connected"(%m, %mw, %bias) : (tensor<2x6xf32>, tensor<4x6xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  %7 = "tosa.matmul"(%a, %b) : (tensor<1x4x8xf32>, tensor<1x8x2xf32>) -> tensor<1x4x2xf32>
  %8 = "tosa.max_pool2d"(%x) {kernel = array<i64: 3, 3>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
  %9:2 = "tosa.rfft2d"(%r) : (tensor<2x8x8xf32>) -> (tensor<2x8x5xf32>, tensor<2x8x5xf32>)
  %10 = "tosa.transpose_conv2d"(%x, %w, %bias) {out_pad = array<i64: 0, 0, 0, 0>, out_shape = array<i64: 1, 10, 10, 4>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x10x10x4xf32>
  %11 = "tosa.clamp"(%x) {max_fp = 6.0 : f32, max_int = 6 : i64, min_fp = 0.0 : f32, min_int = 0 : i64} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
  %12 = "tosa.sigmoid"(%x) : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
  %13 = "tosa.tanh"(%x) : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
  %14 = "tosa.avg_pool2d"(%q) {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, quantization_info = #tosa.unary_quant<input_zp = 1, output_zp = -1>, stride = array<i64: 2, 2>} : (tensor<1x8x8x3xi8>) -> tensor<1x4x4x3xi8>
  %15 = "tosa.matmul"(%a, %b) {quantization_info = #tosa.matmul_quant<a_zp = 1, b_zp = 2>} : (tensor<1x4x8xf32>, tensor<1x8x2xf32>) -> tensor<1x4x2xf32>
  return %2 : tensor<1x6x6x4xf32>
}

// CHECK-LABEL: func.func @elementwise_ops(
// CHECK-NEXT: %0 = "tosa.add"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "tosa.arithmetic_right_shift"(%arg2, %arg3) {round = true} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %2 = "tosa.bitwise_and"(%arg2, %arg3) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %3 = "tosa.bitwise_or"(%arg2, %arg2) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %4 = "tosa.bitwise_xor"(%arg2, %arg2) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %5 = "tosa.div"(%arg2, %arg3) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %6 = "tosa.logical_and"(%arg4, %arg4) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %7 = "tosa.logical_left_shift"(%arg2, %arg3) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %8 = "tosa.logical_right_shift"(%arg2, %arg3) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %9 = "tosa.logical_or"(%arg4, %arg4) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %10 = "tosa.logical_xor"(%arg4, %arg4) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %11 = "tosa.maximum"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %12 = "tosa.minimum"(%arg0, %arg7) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<*xf32>
// CHECK-NEXT: %13 = "tosa.mul"(%arg2, %arg3) {shift = 3 : i32} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %14 = "tosa.pow"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %15 = "tosa.sub"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<?x3xf32>
// CHECK-NEXT: %16 = "tosa.table"(%arg5, %arg6) : (tensor<?x3xi8>, tensor<256xi8>) -> tensor<?x3xi8>
// CHECK-NEXT: %17 = "tosa.abs"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %18 = "tosa.bitwise_not"(%arg2) : (tensor<2x3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %19 = "tosa.ceil"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %20 = "tosa.clz"(%arg2) : (tensor<2x3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %21 = "tosa.exp"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %22 = "tosa.floor"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %23 = "tosa.log"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %24 = "tosa.logical_not"(%arg4) : (tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %25 = "tosa.negate"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %26 = "tosa.negate"(%arg5) {quantization_info = #tosa.unary_quant<input_zp = 3, output_zp = 0>} : (tensor<?x3xi8>) -> tensor<?x3xi8>
// CHECK-NEXT: %27 = "tosa.reciprocal"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %28 = "tosa.rsqrt"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %29 = "tosa.select"(%arg4, %arg0, %arg1) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %30 = "tosa.equal"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %31 = "tosa.greater"(%arg2, %arg3) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
// CHECK-NEXT: %32 = "tosa.greater_equal"(%arg0, %arg1) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: return %0 : tensor<2x3xf32>
func.func @elementwise_ops(%a: tensor<2x3xf32>, %b: tensor<1x3xf32>, %i: tensor<2x3xi32>, %j: tensor<3xi32>, %p: tensor<2x3xi1>, %s: tensor<?x3xi8>, %t: tensor<256xi8>, %u: tensor<*xf32>) -> tensor<2x3xf32> {
  %0 = "tosa.add"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %1 = "tosa.arithmetic_right_shift"(%i, %j) {round = true} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %2 = "tosa.bitwise_and"(%i, %j) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %3 = "tosa.bitwise_or"(%i, %i) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %4 = "tosa.bitwise_xor"(%i, %i) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %5 = "tosa.div"(%i, %j) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %6 = "tosa.logical_and"(%p, %p) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %7 = "tosa.logical_left_shift"(%i, %j) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %8 = "tosa.logical_right_shift"(%i, %j) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %9 = "tosa.logical_or"(%p, %p) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %10 = "tosa.logical_xor"(%p, %p) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %11 = "tosa.maximum"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %12 = "tosa.minimum"(%a, %u) : (tensor<2x3xf32>, tensor<*xf32>) -> tensor<*xf32>
  %13 = "tosa.mul"(%i, %j) {shift = 3 : i32} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %14 = "tosa.pow"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %15 = "tosa.sub"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<?x3xf32>
  %16 = "tosa.table"(%s, %t) : (tensor<?x3xi8>, tensor<256xi8>) -> tensor<?x3xi8>
  %17 = "tosa.abs"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %18 = "tosa.bitwise_not"(%i) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  %19 = "tosa.ceil"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %20 = "tosa.clz"(%i) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  %21 = "tosa.exp"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %22 = "tosa.floor"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %23 = "tosa.log"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %24 = "tosa.logical_not"(%p) : (tensor<2x3xi1>) -> tensor<2x3xi1>
  %25 = "tosa.negate"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %26 = "tosa.negate"(%s) {quantization_info = #tosa.unary_quant<input_zp = 3, output_zp = 0>} : (tensor<?x3xi8>) -> tensor<?x3xi8>
  %27 = "tosa.reciprocal"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %28 = "tosa.rsqrt"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %29 = "tosa.select"(%p, %a, %b) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %30 = "tosa.equal"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
  %31 = "tosa.greater"(%i, %j) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
  %32 = "tosa.greater_equal"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @data_ops(
// CHECK-NEXT: %0 = "tosa.reduce_all"(%arg8) {axis = 0 : i64} : (tensor<2x3xi1>) -> tensor<1x3xi1>
// CHECK-NEXT: %1 = "tosa.reduce_any"(%arg8) {axis = 1 : i64} : (tensor<2x3xi1>) -> tensor<2x1xi1>
// CHECK-NEXT: %2 = "tosa.reduce_max"(%arg0) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: %3 = "tosa.reduce_min"(%arg0) {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<1x3xf32>
// CHECK-NEXT: %4 = "tosa.reduce_prod"(%arg6) {axis = 1 : i64} : (tensor<2x3xi32>) -> tensor<2x1xi32>
// CHECK-NEXT: %5 = "tosa.reduce_sum"(%arg0) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: %6 = "tosa.concat"(%arg0, %arg1) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
// CHECK-NEXT: %7 = "tosa.const"() {value = dense<{{\[\[}}1, 0], [0, 2]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
// CHECK-NEXT: %8 = "tosa.pad"(%arg0, %7) : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<3x5xf32>
// CHECK-NEXT: %9 = "tosa.const"() {value = dense<-1.000000e+00> : tensor<f32>} : () -> tensor<f32>
// CHECK-NEXT: %10 = "tosa.pad"(%arg0, %7, %9) {quantization_info = #tosa.pad_quant<input_zp = 0>} : (tensor<2x3xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<3x5xf32>
// CHECK-NEXT: %11 = "tosa.reshape"(%arg0) {new_shape = array<i64: 3, -1>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: %12 = "tosa.reverse"(%arg0) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %13 = "tosa.slice"(%arg1) {size = array<i64: 2, 2>, start = array<i64: 1, 0>} : (tensor<4x3xf32>) -> tensor<2x2xf32>
// CHECK-NEXT: %14 = "tosa.tile"(%arg0) {multiples = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: %15 = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi64>} : () -> tensor<2xi64>
// CHECK-NEXT: %16 = "tosa.transpose"(%arg0, %15) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
// CHECK-NEXT: %17 = "tosa.gather"(%arg2, %arg3) : (tensor<2x5x4xf32>, tensor<2x3xi32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %18 = "tosa.scatter"(%arg2, %arg3, %arg4) : (tensor<2x5x4xf32>, tensor<2x3xi32>, tensor<2x3x4xf32>) -> tensor<2x5x4xf32>
// CHECK-NEXT: %19 = "tosa.resize"(%arg5) {border = array<i64: 0, 0>, mode = "BILINEAR", offset = array<i64: 0, 0>, scale = array<i64: 2, 1, 2, 1>} : (tensor<1x4x4x2xf32>) -> tensor<1x7x7x2xf32>
// CHECK-NEXT: %20 = "tosa.resize"(%arg5) {border = array<i64: 0, 0>, mode = "NEAREST_NEIGHBOR", offset = array<i64: 0, 0>, scale = array<i64: 1, 1, 1, 1>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
// CHECK-NEXT: %21 = "tosa.cast"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xbf16>
// CHECK-NEXT: %22 = "tosa.cast"(%arg7) : (tensor<2x3xbf16>) -> tensor<2x3xi32>
// CHECK-NEXT: %23 = "tosa.rescale"(%arg6) {double_round = true, input_zp = 0 : i32, multiplier = array<i32: 1073741824>, output_zp = 3 : i32, per_channel = false, scale32 = true, shift = array<i32: 30>} : (tensor<2x3xi32>) -> tensor<2x3xi8>
// CHECK-NEXT: %24 = "tosa.const"() {value = dense<{{\[\[}}1.500000e+00, 2.500000e+00, 3.500000e+00], [4.500000e+00, 5.500000e+00, 6.500000e+00]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
// CHECK-NEXT: %25 = "tosa.identity"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %6 : tensor<6x3xf32>
func.func @data_ops(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>, %v: tensor<2x5x4xf32>, %idx: tensor<2x3xi32>, %in: tensor<2x3x4xf32>, %img: tensor<1x4x4x2xf32>, %i: tensor<2x3xi32>, %h: tensor<2x3xbf16>, %p: tensor<2x3xi1>) -> tensor<6x3xf32> {
  %0 = "tosa.reduce_all"(%p) {axis = 0 : i64} : (tensor<2x3xi1>) -> tensor<1x3xi1>
  %1 = "tosa.reduce_any"(%p) {axis = 1 : i64} : (tensor<2x3xi1>) -> tensor<2x1xi1>
  %2 = "tosa.reduce_max"(%a) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %3 = "tosa.reduce_min"(%a) {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %4 = "tosa.reduce_prod"(%i) {axis = 1 : i64} : (tensor<2x3xi32>) -> tensor<2x1xi32>
  %5 = "tosa.reduce_sum"(%a) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %6 = "tosa.concat"(%a, %b) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
  %pads = "tosa.const"() {value = dense<[[1, 0], [0, 2]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %7 = "tosa.pad"(%a, %pads) : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<3x5xf32>
  %pv = "tosa.const"() {value = dense<-1.0> : tensor<f32>} : () -> tensor<f32>
  %8 = "tosa.pad"(%a, %pads, %pv) {quantization_info = #tosa.pad_quant<input_zp = 0>} : (tensor<2x3xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<3x5xf32>
  %9 = "tosa.reshape"(%a) {new_shape = array<i64: 3, -1>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %10 = "tosa.reverse"(%a) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %11 = "tosa.slice"(%b) {size = array<i64: 2, 2>, start = array<i64: 1, 0>} : (tensor<4x3xf32>) -> tensor<2x2xf32>
  %12 = "tosa.tile"(%a) {multiples = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  %perms = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi64>} : () -> tensor<2xi64>
  %13 = "tosa.transpose"(%a, %perms) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  %14 = "tosa.gather"(%v, %idx) : (tensor<2x5x4xf32>, tensor<2x3xi32>) -> tensor<2x3x4xf32>
  %15 = "tosa.scatter"(%v, %idx, %in) : (tensor<2x5x4xf32>, tensor<2x3xi32>, tensor<2x3x4xf32>) -> tensor<2x5x4xf32>
  %16 = "tosa.resize"(%img) {border = array<i64: 0, 0>, mode = "BILINEAR", offset = array<i64: 0, 0>, scale = array<i64: 2, 1, 2, 1>} : (tensor<1x4x4x2xf32>) -> tensor<1x7x7x2xf32>
  %17 = "tosa.resize"(%img) {border = array<i64: 0, 0>, mode = "NEAREST_NEIGHBOR", offset = array<i64: 0, 0>, scale = array<i64: 1, 1, 1, 1>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  %18 = "tosa.cast"(%a) : (tensor<2x3xf32>) -> tensor<2x3xbf16>
  %19 = "tosa.cast"(%h) : (tensor<2x3xbf16>) -> tensor<2x3xi32>
  %20 = "tosa.rescale"(%i) {double_round = true, input_zp = 0 : i32, multiplier = array<i32: 1073741824>, output_zp = 3 : i32, per_channel = false, scale32 = true, shift = array<i32: 30>} : (tensor<2x3xi32>) -> tensor<2x3xi8>
  %21 = "tosa.const"() {value = dense<[[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %22 = "tosa.identity"(%a) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %6 : tensor<6x3xf32>
}

// CHECK-LABEL: func.func @control_ops(
// CHECK-NEXT: %0 = "tosa.cond_if"(%arg0, %arg1) ({
// CHECK-NEXT: ^bb0(%arg9: tensor<f32>):
// CHECK-NEXT: "tosa.yield"(%arg9) : (tensor<f32>) -> ()
// CHECK-NEXT: }, {
// CHECK-NEXT: ^bb0(%arg9: tensor<f32>):
// CHECK-NEXT: %5 = "tosa.negate"(%arg9) : (tensor<f32>) -> tensor<f32>
// CHECK-NEXT: "tosa.yield"(%5) : (tensor<f32>) -> ()
// CHECK-NEXT: }) : (tensor<i1>, tensor<f32>) -> tensor<f32>
// CHECK-NEXT: %1 = "tosa.while_loop"(%arg2) ({
// CHECK-NEXT: ^bb0(%arg9: tensor<i32>):
// CHECK-NEXT: %5 = "tosa.const"() {value = dense<10> : tensor<i32>} : () -> tensor<i32>
// CHECK-NEXT: %6 = "tosa.greater"(%5, %arg9) : (tensor<i32>, tensor<i32>) -> tensor<i1>
// CHECK-NEXT: "tosa.yield"(%6) : (tensor<i1>) -> ()
// CHECK-NEXT: }, {
// CHECK-NEXT: ^bb0(%arg9: tensor<i32>):
// CHECK-NEXT: %5 = "tosa.const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
// CHECK-NEXT: %6 = "tosa.add"(%arg9, %5) : (tensor<i32>, tensor<i32>) -> tensor<i32>
// CHECK-NEXT: "tosa.yield"(%6) : (tensor<i32>) -> ()
// CHECK-NEXT: }) : (tensor<i32>) -> tensor<i32>
// CHECK-NEXT: %2 = "tosa.apply_scale"(%arg3, %arg4, %arg5) {double_round = false} : (tensor<4xi32>, tensor<4xi32>, tensor<4xi8>) -> tensor<4xi32>
// CHECK-NEXT: %3 = "tosa.apply_scale"(%arg6, %arg7, %arg8) {double_round = true} : (i32, i32, i8) -> i32
// CHECK-NEXT: %4:2 = "tosa.custom"(%arg1, %arg2) {config = "UNDEF", identifier = "my_op", implementation_attrs = "{}"} : (tensor<f32>, tensor<i32>) -> (tensor<f32>, tensor<i32>)
// CHECK-NEXT: return %0, %1 : tensor<f32>, tensor<i32>
func.func @control_ops(%c: tensor<i1>, %x: tensor<f32>, %n: tensor<i32>, %i: tensor<4xi32>, %m: tensor<4xi32>, %s: tensor<4xi8>, %v: i32, %vm: i32, %vs: i8) -> (tensor<f32>, tensor<i32>) {
  %0 = "tosa.cond_if"(%c, %x) ({
  ^bb0(%a: tensor<f32>):
    "tosa.yield"(%a) : (tensor<f32>) -> ()
  }, {
  ^bb0(%a: tensor<f32>):
    %neg = "tosa.negate"(%a) : (tensor<f32>) -> tensor<f32>
    "tosa.yield"(%neg) : (tensor<f32>) -> ()
  }) : (tensor<i1>, tensor<f32>) -> tensor<f32>
  %1 = "tosa.while_loop"(%n) ({
  ^bb0(%k: tensor<i32>):
    %ten = "tosa.const"() {value = dense<10> : tensor<i32>} : () -> tensor<i32>
    %lt = "tosa.greater"(%ten, %k) : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "tosa.yield"(%lt) : (tensor<i1>) -> ()
  }, {
  ^bb0(%k: tensor<i32>):
    %one = "tosa.const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %next = "tosa.add"(%k, %one) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "tosa.yield"(%next) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>
  %2 = "tosa.apply_scale"(%i, %m, %s) {double_round = false} : (tensor<4xi32>, tensor<4xi32>, tensor<4xi8>) -> tensor<4xi32>
  %3 = "tosa.apply_scale"(%v, %vm, %vs) {double_round = true} : (i32, i32, i8) -> i32
  %4:2 = "tosa.custom"(%x, %n) {config = "UNDEF", identifier = "my_op", implementation_attrs = "{}"} : (tensor<f32>, tensor<i32>) -> (tensor<f32>, tensor<i32>)
  return %0, %1 : tensor<f32>, tensor<i32>
}
