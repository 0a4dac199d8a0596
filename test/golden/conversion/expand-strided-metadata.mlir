// RUN: tensile-opt %s --expand-strided-metadata | FileCheck %s
// expand-strided-metadata on subviews (static, dynamic, rank-reducing, of an alloc), expand_shape and collapse_shape (static, dynamic, strided), and extract_strided_metadata of an alloc and a reinterpret_cast. The CHECK lines are mlir-opt-16's output.

// CHECK-DAG: #map = affine_map<()[s0] -> (s0 * 16 + 4)>
// CHECK-DAG: #map1 = affine_map<()[s0, s1] -> (s0 * s1)>
// CHECK-DAG: #map2 = affine_map<()[s0, s1, s2, s3, s4] -> (s0 + s1 * s2 + s3 * s4)>
// CHECK-DAG: #map3 = affine_map<()[s0] -> (s0 * 64 + 2)>
// CHECK-DAG: #map4 = affine_map<()[s0] -> (s0 floordiv 4)>
// CHECK-DAG: #map5 = affine_map<()[s0] -> (s0 * 20)>
// CHECK-DAG: #map6 = affine_map<()[s0, s1] -> (s0, s1)>
// CHECK-DAG: #map7 = affine_map<()[s0] -> (s0 * 8 + 2)>

// CHECK-LABEL: func.func @subview_static(
// CHECK-NEXT: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<8x16xf32> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: %0 = affine.apply #map()[%arg1]
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [%0], sizes: [2, 3], strides: [16, 2] : memref<f32> to memref<2x3xf32, strided<[16, 2], offset: ?>>
// CHECK-NEXT: return %reinterpret_cast : memref<2x3xf32, strided<[16, 2], offset: ?>>
func.func @subview_static(%m: memref<8x16xf32>, %i: index) -> memref<2x3xf32, strided<[16, 2], offset: ?>> {
  %s = memref.subview %m[%i, 4] [2, 3] [1, 2] : memref<8x16xf32> to memref<2x3xf32, strided<[16, 2], offset: ?>>
  return %s : memref<2x3xf32, strided<[16, 2], offset: ?>>
}

// CHECK-LABEL: func.func @subview_dynamic(
// CHECK-NEXT: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<?x?xf32, strided<[?, ?], offset: ?>> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: %0 = affine.apply #map1()[%arg4, %strides#0]
// CHECK-NEXT: %1 = affine.apply #map2()[%offset, %arg1, %strides#0, %arg2, %strides#1]
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [%1], sizes: [%arg3, 4], strides: [%0, %strides#1] : memref<f32> to memref<?x4xf32, strided<[?, ?], offset: ?>>
// CHECK-NEXT: return %reinterpret_cast : memref<?x4xf32, strided<[?, ?], offset: ?>>
func.func @subview_dynamic(%m: memref<?x?xf32, strided<[?, ?], offset: ?>>, %i: index, %j: index, %n: index, %st: index) -> memref<?x4xf32, strided<[?, ?], offset: ?>> {
  %s = memref.subview %m[%i, %j] [%n, 4] [%st, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<?x4xf32, strided<[?, ?], offset: ?>>
  return %s : memref<?x4xf32, strided<[?, ?], offset: ?>>
}

// CHECK-LABEL: func.func @subview_rank_reducing(
// CHECK-NEXT: %base_buffer, %offset, %sizes:3, %strides:3 = memref.extract_strided_metadata %arg0 : memref<8x16x4xf32> -> memref<f32>, index, index, index, index, index, index, index
// CHECK-NEXT: %0 = affine.apply #map3()[%arg1]
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [%0], sizes: [16], strides: [4] : memref<f32> to memref<16xf32, strided<[4], offset: ?>>
// CHECK-NEXT: return %reinterpret_cast : memref<16xf32, strided<[4], offset: ?>>
func.func @subview_rank_reducing(%m: memref<8x16x4xf32>, %i: index) -> memref<16xf32, strided<[4], offset: ?>> {
  %s = memref.subview %m[%i, 0, 2] [1, 16, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<16xf32, strided<[4], offset: ?>>
  return %s : memref<16xf32, strided<[4], offset: ?>>
}

// CHECK-LABEL: func.func @expand(
// CHECK-NEXT: %base_buffer, %offset, %sizes, %strides = memref.extract_strided_metadata %arg0 : memref<?xf32> -> memref<f32>, index, index, index
// CHECK-NEXT: %0 = affine.apply #map4()[%sizes]
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [0], sizes: [%0, 4], strides: [4, 1] : memref<f32> to memref<?x4xf32>
// CHECK-NEXT: return %reinterpret_cast : memref<?x4xf32>
func.func @expand(%m: memref<?xf32>) -> memref<?x4xf32> {
  %e = memref.expand_shape %m [[0, 1]] : memref<?xf32> into memref<?x4xf32>
  return %e : memref<?x4xf32>
}

// CHECK-LABEL: func.func @expand_static(
// CHECK-NEXT: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<6x8xf32> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [0], sizes: [2, 3, 8], strides: [24, 8, 1] : memref<f32> to memref<2x3x8xf32>
// CHECK-NEXT: return %reinterpret_cast : memref<2x3x8xf32>
func.func @expand_static(%m: memref<6x8xf32>) -> memref<2x3x8xf32> {
  %e = memref.expand_shape %m [[0, 1], [2]] : memref<6x8xf32> into memref<2x3x8xf32>
  return %e : memref<2x3x8xf32>
}

// CHECK-LABEL: func.func @collapse(
// CHECK-NEXT: %base_buffer, %offset, %sizes:3, %strides:3 = memref.extract_strided_metadata %arg0 : memref<?x4x5xf32> -> memref<f32>, index, index, index, index, index, index, index
// CHECK-NEXT: %0 = affine.apply #map5()[%sizes#0]
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [0], sizes: [%0], strides: [1] : memref<f32> to memref<?xf32>
// CHECK-NEXT: return %reinterpret_cast : memref<?xf32>
func.func @collapse(%m: memref<?x4x5xf32>) -> memref<?xf32> {
  %c = memref.collapse_shape %m [[0, 1, 2]] : memref<?x4x5xf32> into memref<?xf32>
  return %c : memref<?xf32>
}

// CHECK-LABEL: func.func @collapse_strided(
// CHECK-NEXT: %base_buffer, %offset, %sizes:3, %strides:3 = memref.extract_strided_metadata %arg0 : memref<3x1x4xf32, strided<[?, 4, ?], offset: ?>> -> memref<f32>, index, index, index, index, index, index, index
// CHECK-NEXT: %0 = affine.min #map6()[%strides#0, %strides#2]
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [%offset], sizes: [12], strides: [%0] : memref<f32> to memref<12xf32, strided<[?], offset: ?>>
// CHECK-NEXT: return %reinterpret_cast : memref<12xf32, strided<[?], offset: ?>>
func.func @collapse_strided(%m: memref<3x1x4xf32, strided<[?, 4, ?], offset: ?>>) -> memref<12xf32, strided<[?], offset: ?>> {
  %c = memref.collapse_shape %m [[0, 1, 2]] : memref<3x1x4xf32, strided<[?, 4, ?], offset: ?>> into memref<12xf32, strided<[?], offset: ?>>
  return %c : memref<12xf32, strided<[?], offset: ?>>
}

// CHECK-LABEL: func.func @alloc_metadata(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c20 = arith.constant 20 : index
// CHECK-NEXT: %c5 = arith.constant 5 : index
// CHECK-NEXT: return %c0, %arg0, %c20, %c5 : index, index, index, index
func.func @alloc_metadata(%n: index) -> (index, index, index, index) {
  %a = memref.alloc(%n) : memref<?x4x5xf32>
  %base, %offset, %sizes:3, %strides:3 = memref.extract_strided_metadata %a : memref<?x4x5xf32> -> memref<f32>, index, index, index, index, index, index, index
  return %offset, %sizes#0, %strides#0, %strides#1 : index, index, index, index
}

// CHECK-LABEL: func.func @subview_of_alloc(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %alloc = memref.alloc(%arg0) : memref<?x8xf32>
// CHECK-NEXT: %0 = affine.apply #map7()[%arg1]
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %alloc to offset: [%0], sizes: [2, 4], strides: [8, 1] : memref<?x8xf32> to memref<2x4xf32, strided<[8, 1], offset: ?>>
// CHECK-NEXT: %1 = memref.load %reinterpret_cast[%c0, %c0] : memref<2x4xf32, strided<[8, 1], offset: ?>>
// CHECK-NEXT: return %1 : f32
func.func @subview_of_alloc(%n: index, %i: index) -> f32 {
  %a = memref.alloc(%n) : memref<?x8xf32>
  %s = memref.subview %a[%i, 2] [2, 4] [1, 1] : memref<?x8xf32> to memref<2x4xf32, strided<[8, 1], offset: ?>>
  %c0 = arith.constant 0 : index
  %v = memref.load %s[%c0, %c0] : memref<2x4xf32, strided<[8, 1], offset: ?>>
  return %v : f32
}

// CHECK-LABEL: func.func @reinterpret(
// CHECK-NEXT: %c5 = arith.constant 5 : index
// CHECK-NEXT: return %arg1, %c5 : index, index
func.func @reinterpret(%m: memref<?xf32>, %o: index) -> (index, index) {
  %r = memref.reinterpret_cast %m to offset: [%o], sizes: [4, 5], strides: [5, 1] : memref<?xf32> to memref<4x5xf32, strided<[5, 1], offset: ?>>
  %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %r : memref<4x5xf32, strided<[5, 1], offset: ?>> -> memref<f32>, index, index, index, index, index
  return %offset, %sizes#1 : index, index
}

