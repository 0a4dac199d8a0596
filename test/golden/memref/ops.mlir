// RUN: tensile-opt %s | FileCheck %s
// Every memref op of MLIR 16 in its custom form; the CHECK lines are mlir-opt-16's own output for this file.

// CHECK: #map = affine_map<(d0)[s0] -> (d0 + s0)>
// CHECK-LABEL: func.func @f(%arg0: memref<8x16xf32>, %arg1: index, %arg2: index) {
// CHECK-NEXT: %subview = memref.subview %arg0[%arg1, 2] [4, %arg2] [1, 1] : memref<8x16xf32> to memref<4x?xf32, strided<[16, 1], offset: ?>>
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %arg0 to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
// CHECK-NEXT: %alloc = memref.alloc(%arg1)[%arg2] : memref<?xf32, #map>
// CHECK-NEXT: %alloca = memref.alloca() {alignment = 64 : i64} : memref<4xf32>
// CHECK-NEXT: %0 = memref.alloca_scope  -> (f32) {
// CHECK-NEXT: %cst_5 = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: memref.alloca_scope.return %cst_5 : f32
// CHECK-NEXT: }
// CHECK-NEXT: memref.alloca_scope  {
// CHECK-NEXT: %alloca_5 = memref.alloca() : memref<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %1 = memref.generic_atomic_rmw %arg0[%arg1, %arg2] : memref<8x16xf32> {
// CHECK-NEXT: ^bb0(%arg3: f32):
// CHECK-NEXT: %7 = arith.addf %arg3, %arg3 : f32
// CHECK-NEXT: memref.atomic_yield %7 : f32
// CHECK-NEXT: }
// CHECK-NEXT: memref.prefetch %arg0[%arg1, %arg2], read, locality<3>, data : memref<8x16xf32>
// CHECK-NEXT: %transpose = memref.transpose %arg0 (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
// CHECK-NEXT: %alloc_0 = memref.alloc() : memref<1xi32>
// CHECK-NEXT: %alloc_1 = memref.alloc() : memref<8x16xf32, 1>
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: memref.dma_start %arg0[%arg1, %arg2], %alloc_1[%arg1, %arg2], %c4, %alloc_0[%c0] : memref<8x16xf32>, memref<8x16xf32, 1>, memref<1xi32>
// CHECK-NEXT: memref.dma_wait %alloc_0[%c0], %c4 : memref<1xi32>
// CHECK-NEXT: %2 = memref.load %arg0[%arg1, %arg2] : memref<8x16xf32>
// CHECK-NEXT: memref.store %2, %arg0[%arg1, %arg2] : memref<8x16xf32>
// CHECK-NEXT: %3 = memref.atomic_rmw addf %2, %arg0[%arg1, %arg2] : (f32, memref<8x16xf32>) -> f32
// CHECK-NEXT: %cast = memref.cast %arg0 : memref<8x16xf32> to memref<?x?xf32>
// CHECK-NEXT: %cast_2 = memref.cast %arg0 : memref<8x16xf32> to memref<*xf32>
// CHECK-NEXT: %4 = memref.rank %cast_2 : memref<*xf32>
// CHECK-NEXT: %dim = memref.dim %cast, %c0 : memref<?x?xf32>
// CHECK-NEXT: %collapse_shape = memref.collapse_shape %arg0 {{\[\[}}0, 1]] : memref<8x16xf32> into memref<128xf32>
// CHECK-NEXT: %expand_shape = memref.expand_shape %collapse_shape {{\[\[}}0, 1, 2]] : memref<128xf32> into memref<2x4x16xf32>
// CHECK-NEXT: %alloc_3 = memref.alloc() : memref<2048xi8>
// CHECK-NEXT: %view = memref.view %alloc_3[%c0][%arg1] : memref<2048xi8> to memref<?x4xf32>
// CHECK-NEXT: %alloc_4 = memref.alloc() : memref<2xindex>
// CHECK-NEXT: %reshape = memref.reshape %collapse_shape(%alloc_4) : (memref<128xf32>, memref<2xindex>) -> memref<?x?xf32>
// CHECK-NEXT: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<8x16xf32> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: %intptr = memref.extract_aligned_pointer_as_index %arg0 : memref<8x16xf32> -> index
// CHECK-NEXT: memref.copy %arg0, %cast : memref<8x16xf32> to memref<?x?xf32>
// CHECK-NEXT: %cst = arith.constant dense<1.000000e+00> : tensor<8x16xf32>
// CHECK-NEXT: memref.tensor_store %cst, %arg0 : memref<8x16xf32>
// CHECK-NEXT: memref.assume_alignment %arg0, 16 : memref<8x16xf32>
// CHECK-NEXT: %5 = memref.get_global @c : memref<2xf32>
// CHECK-NEXT: %6 = memref.realloc %alloca(%arg1) : memref<4xf32> to memref<?xf32>
// CHECK-NEXT: memref.dealloc %alloc : memref<?xf32, #map>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: memref.global "private" constant @c : memref<2xf32> = dense<[1.000000e+00, 2.000000e+00]> {alignment = 64 : i64}
// CHECK-NEXT: memref.global @u : memref<2xf32> = uninitialized
// CHECK-NEXT: memref.global @e : memref<2xf32>

func.func @f(%a: memref<8x16xf32>, %i: index, %j: index) {
  %0 = memref.subview %a[%i, 2][4, %j][1, 1] : memref<8x16xf32> to memref<4x?xf32, strided<[16, 1], offset: ?>>
  %1 = memref.reinterpret_cast %a to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
  %2 = memref.alloc(%i)[%j] : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
  %3 = memref.alloca() {alignment = 64 : i64} : memref<4xf32>
  %r = memref.alloca_scope -> (f32) {
    %c = arith.constant 1.0 : f32
    memref.alloca_scope.return %c : f32
  }
  memref.alloca_scope {
    %x = memref.alloca() : memref<4xf32>
  }
  %g = memref.generic_atomic_rmw %a[%i, %j] : memref<8x16xf32> {
  ^bb0(%cur: f32):
    %n = arith.addf %cur, %cur : f32
    memref.atomic_yield %n : f32
  }
  memref.prefetch %a[%i, %j], read, locality<3>, data : memref<8x16xf32>
  %t = memref.transpose %a (i, j) -> (j, i) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
  %tag = memref.alloc() : memref<1xi32>
  %b = memref.alloc() : memref<8x16xf32, 1>
  %c0 = arith.constant 0 : index
  %n = arith.constant 4 : index
  memref.dma_start %a[%i, %j], %b[%i, %j], %n, %tag[%c0] : memref<8x16xf32>, memref<8x16xf32, 1>, memref<1xi32>
  memref.dma_wait %tag[%c0], %n : memref<1xi32>
  %v = memref.load %a[%i, %j] : memref<8x16xf32>
  memref.store %v, %a[%i, %j] : memref<8x16xf32>
  %o = memref.atomic_rmw addf %v, %a[%i, %j] : (f32, memref<8x16xf32>) -> f32
  %cast = memref.cast %a : memref<8x16xf32> to memref<?x?xf32>
  %u = memref.cast %a : memref<8x16xf32> to memref<*xf32>
  %rk = memref.rank %u : memref<*xf32>
  %d = memref.dim %cast, %c0 : memref<?x?xf32>
  %col = memref.collapse_shape %a [[0, 1]] : memref<8x16xf32> into memref<128xf32>
  %exp = memref.expand_shape %col [[0, 1, 2]] : memref<128xf32> into memref<2x4x16xf32>
  %bytes = memref.alloc() : memref<2048xi8>
  %vw = memref.view %bytes[%c0][%i] : memref<2048xi8> to memref<?x4xf32>
  %shape = memref.alloc() : memref<2xindex>
  %rs = memref.reshape %col(%shape) : (memref<128xf32>, memref<2xindex>) -> memref<?x?xf32>
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %a : memref<8x16xf32> -> memref<f32>, index, index, index, index, index
  %ptr = memref.extract_aligned_pointer_as_index %a : memref<8x16xf32> -> index
  memref.copy %a, %cast : memref<8x16xf32> to memref<?x?xf32>
  %tt = arith.constant dense<1.0> : tensor<8x16xf32>
  memref.tensor_store %tt, %a : memref<8x16xf32>
  memref.assume_alignment %a, 16 : memref<8x16xf32>
  %gg = memref.get_global @c : memref<2xf32>
  %re = memref.realloc %3(%i) : memref<4xf32> to memref<?xf32>
  memref.dealloc %2 : memref<?xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
  return
}
memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]> {alignment = 64}
memref.global @u : memref<2xf32> = uninitialized
memref.global @e : memref<2xf32>
