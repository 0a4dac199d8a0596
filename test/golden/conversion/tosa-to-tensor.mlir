// RUN: tensile-opt %s --pass-pipeline=builtin.module(func.func(tosa-to-tensor)) | FileCheck %s
// tosa-to-tensor. The CHECK lines are mlir-opt-16's output, except that MLIR 16 gives tensor.pad its (constant) low and high amounts as index constants, which Tensile folds into the static lists (MLIR's createOrFold of tensor.extract on the constant padding folds the values but not the pad): those constants are not checked, nor the pad's lists.

// CHECK-LABEL: func.func @slice(
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[1, 2] [2, 3] [1, 1] : tensor<4x5xf32> to tensor<2x3xf32>
// CHECK-NEXT: return %extracted_slice : tensor<2x3xf32>
func.func @slice(%a: tensor<4x5xf32>) -> tensor<2x3xf32> {
  %0 = "tosa.slice"(%a) {start = array<i64: 1, 2>, size = array<i64: 2, 3>} : (tensor<4x5xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @pad_float(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<{{\[\[}}1, 2], [0, 1]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %padded = tensor.pad %arg0 low[{{.*}}] high[{{.*}}] {
// CHECK: ^bb0(%arg1: index, %arg2: index):
// CHECK: tensor.yield %cst : f32
// CHECK: } : tensor<2x3xf32> to tensor<5x4xf32>
// CHECK: return %padded : tensor<5x4xf32>
func.func @pad_float(%a: tensor<2x3xf32>) -> tensor<5x4xf32> {
  %p = "tosa.const"() {value = dense<[[1, 2], [0, 1]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %0 = "tosa.pad"(%a, %p) : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<5x4xf32>
  return %0 : tensor<5x4xf32>
}

// CHECK-LABEL: func.func @pad_int(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<{{\[\[}}1, 0]]> : tensor<1x2xi32>} : () -> tensor<1x2xi32>
// CHECK-NEXT: %c0_i8 = arith.constant 0 : i8
// CHECK-NEXT: %padded = tensor.pad %arg0 low[{{.*}}] high[{{.*}}] {
// CHECK: ^bb0(%arg1: index):
// CHECK: tensor.yield %c0_i8 : i8
// CHECK: } : tensor<3xi8> to tensor<4xi8>
// CHECK: return %padded : tensor<4xi8>
func.func @pad_int(%a: tensor<3xi8>) -> tensor<4xi8> {
  %p = "tosa.const"() {value = dense<[[1, 0]]> : tensor<1x2xi32>} : () -> tensor<1x2xi32>
  %0 = "tosa.pad"(%a, %p) : (tensor<3xi8>, tensor<1x2xi32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}
