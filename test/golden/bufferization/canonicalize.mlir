// RUN: tensile-opt %s --canonicalize | FileCheck %s
// The folds of the bufferization ops (MLIR 16's fold hooks); the CHECK lines are mlir-opt-16's own output.

// CHECK-LABEL: func.func @to_tensor_of_to_memref(
// CHECK-SAME: %arg0: tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NEXT: return %arg0 : tensor<4xf32>
func.func @to_tensor_of_to_memref(%t: tensor<4xf32>) -> tensor<4xf32> {
  %m = bufferization.to_memref %t : memref<4xf32>
  %u = bufferization.to_tensor %m : memref<4xf32>
  return %u : tensor<4xf32>
}

// CHECK-LABEL: func.func @to_memref_of_to_tensor(
// CHECK-SAME: %arg0: memref<4xf32>) -> memref<4xf32> {
// CHECK-NEXT: return %arg0 : memref<4xf32>
func.func @to_memref_of_to_tensor(%m: memref<4xf32>) -> memref<4xf32> {
  %t = bufferization.to_tensor %m : memref<4xf32>
  %n = bufferization.to_memref %t : memref<4xf32>
  return %n : memref<4xf32>
}
