// RUN: tensile-opt %s --one-shot-bufferize=bufferize-function-boundaries | FileCheck %s
// One-Shot Bufferize's in-place decisions (the analysis copies a tensor only when writing it in place would clobber a later read, or a buffer that may not be written); the CHECK lines are mlir-opt-16's output. Functions that return tensors are checked against MLIR 16 by test/unit/bufferize-mlir16.test.ts (Tensile's ownership rule makes every returned buffer a fresh allocation).

// CHECK: memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> {alignment = 64 : i64}

// CHECK-LABEL: func.func @insert_slice_into_arg_read_later_copies(
// CHECK-NEXT: %alloc = memref.alloc() {alignment = 64 : i64} : memref<8xf32>
// CHECK-NEXT: memref.copy %arg0, %alloc : memref<8xf32, strided<[?], offset: ?>> to memref<8xf32>
// CHECK-NEXT: %subview = memref.subview %alloc[2] [2] [1] : memref<8xf32> to memref<2xf32, strided<[1], offset: 2>>
// CHECK-NEXT: memref.copy %arg1, %subview : memref<2xf32, strided<[?], offset: ?>> to memref<2xf32, strided<[1], offset: 2>>
// CHECK-NEXT: %0 = memref.load %arg0[%arg2] : memref<8xf32, strided<[?], offset: ?>>
// CHECK-NEXT: %1 = memref.load %alloc[%arg2] : memref<8xf32>
// CHECK-NEXT: %2 = arith.addf %0, %1 : f32
// CHECK-NEXT: memref.dealloc %alloc : memref<8xf32>
// CHECK-NEXT: return %2 : f32
func.func @insert_slice_into_arg_read_later_copies(%t: tensor<8xf32>, %s: tensor<2xf32>, %i: index) -> f32 {
  %r = tensor.insert_slice %s into %t[2] [2] [1] : tensor<2xf32> into tensor<8xf32>
  %x = tensor.extract %t[%i] : tensor<8xf32>
  %y = tensor.extract %r[%i] : tensor<8xf32>
  %z = arith.addf %x, %y : f32
  return %z : f32
}

// CHECK-LABEL: func.func @insert_slice_into_dead_arg_in_place(
// CHECK-NEXT: %subview = memref.subview %arg0[2] [2] [1] : memref<8xf32, strided<[?], offset: ?>> to memref<2xf32, strided<[?], offset: ?>>
// CHECK-NEXT: memref.copy %arg1, %subview : memref<2xf32, strided<[?], offset: ?>> to memref<2xf32, strided<[?], offset: ?>>
// CHECK-NEXT: %0 = memref.load %arg0[%arg2] : memref<8xf32, strided<[?], offset: ?>>
// CHECK-NEXT: return %0 : f32
func.func @insert_slice_into_dead_arg_in_place(%t: tensor<8xf32>, %s: tensor<2xf32>, %i: index) -> f32 {
  %r = tensor.insert_slice %s into %t[2] [2] [1] : tensor<2xf32> into tensor<8xf32>
  %y = tensor.extract %r[%i] : tensor<8xf32>
  return %y : f32
}

// CHECK-LABEL: func.func @read_only_arg_copies(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %alloc = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
// CHECK-NEXT: memref.copy %arg0, %alloc : memref<4xf32, strided<[?], offset: ?>> to memref<4xf32>
// CHECK-NEXT: memref.store %arg1, %alloc[%arg2] : memref<4xf32>
// CHECK-NEXT: %0 = memref.load %alloc[%c0] : memref<4xf32>
// CHECK-NEXT: memref.dealloc %alloc : memref<4xf32>
// CHECK-NEXT: return %0 : f32
func.func @read_only_arg_copies(%t: tensor<4xf32> {bufferization.writable = false}, %x: f32, %i: index) -> f32 {
  %c0 = arith.constant 0 : index
  %r = tensor.insert %x into %t[%i] : tensor<4xf32>
  %y = tensor.extract %r[%c0] : tensor<4xf32>
  return %y : f32
}

// CHECK-LABEL: func.func @fill_then_matmul_in_place(
// CHECK-NEXT: linalg.fill ins(%arg3 : f32) outs(%arg2 : memref<4x2xf32, strided<[?, ?], offset: ?>>)
// CHECK-NEXT: linalg.matmul ins(%arg0, %arg1 : memref<4x8xf32, strided<[?, ?], offset: ?>>, memref<8x2xf32, strided<[?, ?], offset: ?>>) outs(%arg2 : memref<4x2xf32, strided<[?, ?], offset: ?>>)
// CHECK-NEXT: %0 = memref.load %arg2[%arg4, %arg4] : memref<4x2xf32, strided<[?, ?], offset: ?>>
// CHECK-NEXT: return %0 : f32
func.func @fill_then_matmul_in_place(%a: tensor<4x8xf32>, %b: tensor<8x2xf32>, %c: tensor<4x2xf32>, %x: f32, %i: index) -> f32 {
  %f = linalg.fill ins(%x : f32) outs(%c : tensor<4x2xf32>) -> tensor<4x2xf32>
  %m = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x2xf32>) outs(%f : tensor<4x2xf32>) -> tensor<4x2xf32>
  %y = tensor.extract %m[%i, %i] : tensor<4x2xf32>
  return %y : f32
}

// CHECK-LABEL: func.func @slice_of_constant(
// CHECK-NEXT: %0 = memref.get_global @__constant_4xf32 : memref<4xf32>
// CHECK-NEXT: %subview = memref.subview %0[1] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: 1>>
// CHECK-NEXT: %1 = memref.load %subview[%arg0] : memref<2xf32, strided<[1], offset: 1>>
// CHECK-NEXT: return %1 : f32
func.func @slice_of_constant(%i: index) -> f32 {
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %s = tensor.extract_slice %c[1] [2] [1] : tensor<4xf32> to tensor<2xf32>
  %y = tensor.extract %s[%i] : tensor<2xf32>
  return %y : f32
}

// CHECK-LABEL: func.func @alloc_tensor_freed(
// CHECK-NEXT: %alloc = memref.alloc(%arg1) {alignment = 64 : i64} : memref<?xf32>
// CHECK-NEXT: linalg.fill ins(%arg0 : f32) outs(%alloc : memref<?xf32>)
// CHECK-NEXT: %0 = memref.load %alloc[%arg2] : memref<?xf32>
// CHECK-NEXT: memref.dealloc %alloc : memref<?xf32>
// CHECK-NEXT: return %0 : f32
func.func @alloc_tensor_freed(%x: f32, %n: index, %i: index) -> f32 {
  %e = bufferization.alloc_tensor(%n) : tensor<?xf32>
  %f = linalg.fill ins(%x : f32) outs(%e : tensor<?xf32>) -> tensor<?xf32>
  %y = tensor.extract %f[%i] : tensor<?xf32>
  return %y : f32
}
