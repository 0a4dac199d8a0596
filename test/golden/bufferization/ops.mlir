// RUN: tensile-opt %s | FileCheck %s
// Every bufferization op in MLIR 16's custom form; the CHECK lines are mlir-opt-16's own output for this file.

// CHECK-LABEL: func.func @tensors(
// CHECK-SAME: %arg0: index, %arg1: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<3xf32>, tensor<2xf32>) {
// CHECK-NEXT: %0 = bufferization.alloc_tensor(%arg0) : tensor<?x4xf32>
// CHECK-NEXT: %1 = bufferization.alloc_tensor() copy(%arg1) : tensor<?x4xf32>
// CHECK-NEXT: %2 = bufferization.alloc_tensor() {memory_space = 1 : i64} : tensor<3xf32>
// CHECK-NEXT: %3 = bufferization.alloc_tensor() size_hint=%arg0 : tensor<2xf32>
// CHECK-NEXT: bufferization.dealloc_tensor %arg1 : tensor<?x4xf32>
// CHECK-NEXT: return %0, %1, %2, %3 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<3xf32>, tensor<2xf32>
func.func @tensors(%n: index, %t: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<3xf32>, tensor<2xf32>) {
  %0 = bufferization.alloc_tensor(%n) : tensor<?x4xf32>
  %1 = bufferization.alloc_tensor() copy(%t) : tensor<?x4xf32>
  %2 = bufferization.alloc_tensor() {memory_space = 1 : i64} : tensor<3xf32>
  %3 = bufferization.alloc_tensor() size_hint=%n : tensor<2xf32>
  bufferization.dealloc_tensor %t : tensor<?x4xf32>
  return %0, %1, %2, %3 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<3xf32>, tensor<2xf32>
}

// CHECK-LABEL: func.func @buffers(
// CHECK-SAME: %arg0: tensor<?x4xf32>, %arg1: memref<2x?xf32, strided<[?, 1], offset: ?>, 1>, %arg2: memref<*xi8>) -> (memref<?x4xf32>, tensor<2x?xf32>, memref<*xi8>, tensor<*xi8>) {
// CHECK-NEXT: %0 = bufferization.to_memref %arg0 : memref<?x4xf32>
// CHECK-NEXT: %1 = bufferization.to_tensor %arg1 : memref<2x?xf32, strided<[?, 1], offset: ?>, 1>
// CHECK-NEXT: %2 = bufferization.clone %arg2 : memref<*xi8> to memref<*xi8>
// CHECK-NEXT: %3 = bufferization.to_tensor %2 : memref<*xi8>
// CHECK-NEXT: return %0, %1, %2, %3 : memref<?x4xf32>, tensor<2x?xf32>, memref<*xi8>, tensor<*xi8>
func.func @buffers(%t: tensor<?x4xf32>, %m: memref<2x?xf32, strided<[?, 1], offset: ?>, 1>, %u: memref<*xi8>) -> (memref<?x4xf32>, tensor<2x?xf32>, memref<*xi8>, tensor<*xi8>) {
  %0 = bufferization.to_memref %t : memref<?x4xf32>
  %1 = bufferization.to_tensor %m : memref<2x?xf32, strided<[?, 1], offset: ?>, 1>
  %2 = bufferization.clone %u : memref<*xi8> to memref<*xi8>
  %3 = bufferization.to_tensor %2 : memref<*xi8>
  return %0, %1, %2, %3 : memref<?x4xf32>, tensor<2x?xf32>, memref<*xi8>, tensor<*xi8>
}
