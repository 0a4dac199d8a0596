// RUN: tensile-opt %s --convert-linalg-to-loops | FileCheck %s
// convert-linalg-to-loops on matmul, fill, generic with linalg.index and a non-trivial map, convolution, pooling, map, reduce, transpose, broadcast, dynamic shapes and a strided layout. The CHECK lines are mlir-opt-16's output.

// CHECK-DAG: #map = affine_map<(d0, d1) -> (d0 + d1)>
// CHECK-DAG: #map1 = affine_map<(d0, d1) -> (d0 * 2 + d1)>

// CHECK-LABEL: func.func @matmul(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c5 = arith.constant 5 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: scf.for %arg3 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg4 = %c0 to %c5 step %c1 {
// CHECK-NEXT: scf.for %arg5 = %c0 to %c3 step %c1 {
// CHECK-NEXT: %0 = memref.load %arg0[%arg3, %arg5] : memref<4x3xf32>
// CHECK-NEXT: %1 = memref.load %arg1[%arg5, %arg4] : memref<3x5xf32>
// CHECK-NEXT: %2 = memref.load %arg2[%arg3, %arg4] : memref<4x5xf32>
// CHECK-NEXT: %3 = arith.mulf %0, %1 : f32
// CHECK-NEXT: %4 = arith.addf %2, %3 : f32
// CHECK-NEXT: memref.store %4, %arg2[%arg3, %arg4] : memref<4x5xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @matmul(%a: memref<4x3xf32>, %b: memref<3x5xf32>, %c: memref<4x5xf32>) {
  linalg.matmul ins(%a, %b : memref<4x3xf32>, memref<3x5xf32>) outs(%c : memref<4x5xf32>)
  return
}

// CHECK-LABEL: func.func @fill_dynamic(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %dim = memref.dim %arg0, %c0 : memref<?x?xf32>
// CHECK-NEXT: %dim_0 = memref.dim %arg0, %c1 : memref<?x?xf32>
// CHECK-NEXT: scf.for %arg2 = %c0 to %dim step %c1 {
// CHECK-NEXT: scf.for %arg3 = %c0 to %dim_0 step %c1 {
// CHECK-NEXT: memref.store %arg1, %arg0[%arg2, %arg3] : memref<?x?xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @fill_dynamic(%m: memref<?x?xf32>, %x: f32) {
  linalg.fill ins(%x : f32) outs(%m : memref<?x?xf32>)
  return
}

// CHECK-LABEL: func.func @generic_index(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c5 = arith.constant 5 : index
// CHECK-NEXT: scf.for %arg3 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg4 = %c0 to %c5 step %c1 {
// CHECK-NEXT: %0 = affine.apply #map(%arg3, %arg4)
// CHECK-NEXT: %1 = memref.load %arg0[%arg3, %0] : memref<4x8xf32>
// CHECK-NEXT: %2 = memref.load %arg2[%arg3] : memref<4xf32>
// CHECK-NEXT: %3 = arith.index_cast %arg4 : index to i32
// CHECK-NEXT: %4 = arith.sitofp %3 : i32 to f32
// CHECK-NEXT: %5 = arith.addf %1, %2 : f32
// CHECK-NEXT: %6 = arith.addf %5, %4 : f32
// CHECK-NEXT: memref.store %6, %arg2[%arg3] : memref<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @generic_index(%a: memref<4x8xf32>, %b: memref<5xf32>, %c: memref<4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d0 + d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a, %b : memref<4x8xf32>, memref<5xf32>) outs(%c : memref<4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %i = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %s = arith.addf %in, %out : f32
    %t = arith.addf %s, %f : f32
    linalg.yield %t : f32
  }
  return
}

// CHECK-LABEL: func.func @conv(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: scf.for %arg3 = %c0 to %c1 step %c1 {
// CHECK-NEXT: scf.for %arg4 = %c0 to %c2 step %c1 {
// CHECK-NEXT: scf.for %arg5 = %c0 to %c2 step %c1 {
// CHECK-NEXT: scf.for %arg6 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg7 = %c0 to %c3 step %c1 {
// CHECK-NEXT: scf.for %arg8 = %c0 to %c3 step %c1 {
// CHECK-NEXT: scf.for %arg9 = %c0 to %c2 step %c1 {
// CHECK-NEXT: %0 = affine.apply #map1(%arg4, %arg7)
// CHECK-NEXT: %1 = affine.apply #map1(%arg5, %arg8)
// CHECK-NEXT: %2 = memref.load %arg0[%arg3, %0, %1, %arg9] : memref<1x6x6x2xf32>
// CHECK-NEXT: %3 = memref.load %arg1[%arg7, %arg8, %arg9, %arg6] : memref<3x3x2x4xf32>
// CHECK-NEXT: %4 = memref.load %arg2[%arg3, %arg4, %arg5, %arg6] : memref<1x2x2x4xf32>
// CHECK-NEXT: %5 = arith.mulf %2, %3 : f32
// CHECK-NEXT: %6 = arith.addf %4, %5 : f32
// CHECK-NEXT: memref.store %6, %arg2[%arg3, %arg4, %arg5, %arg6] : memref<1x2x2x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @conv(%i: memref<1x6x6x2xf32>, %k: memref<3x3x2x4xf32>, %o: memref<1x2x2x4xf32>) {
  linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : memref<1x6x6x2xf32>, memref<3x3x2x4xf32>) outs(%o : memref<1x2x2x4xf32>)
  return
}

// CHECK-LABEL: func.func @map_reduce(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c5 = arith.constant 5 : index
// CHECK-NEXT: scf.for %arg4 = %c0 to %c3 step %c1 {
// CHECK-NEXT: scf.for %arg5 = %c0 to %c5 step %c1 {
// CHECK-NEXT: %0 = memref.load %arg0[%arg4, %arg5] : memref<3x5xi32>
// CHECK-NEXT: %1 = memref.load %arg1[%arg4, %arg5] : memref<3x5xi32>
// CHECK-NEXT: %2 = arith.addi %0, %1 : i32
// CHECK-NEXT: memref.store %2, %arg2[%arg4, %arg5] : memref<3x5xi32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: scf.for %arg4 = %c0 to %c3 step %c1 {
// CHECK-NEXT: scf.for %arg5 = %c0 to %c5 step %c1 {
// CHECK-NEXT: %0 = memref.load %arg2[%arg4, %arg5] : memref<3x5xi32>
// CHECK-NEXT: %1 = memref.load %arg3[%arg5] : memref<5xi32>
// CHECK-NEXT: %2 = arith.maxsi %1, %0 : i32
// CHECK-NEXT: memref.store %2, %arg3[%arg5] : memref<5xi32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @map_reduce(%a: memref<3x5xi32>, %b: memref<3x5xi32>, %m: memref<3x5xi32>, %r: memref<5xi32>) {
  linalg.map { arith.addi } ins(%a, %b : memref<3x5xi32>, memref<3x5xi32>) outs(%m : memref<3x5xi32>)
  linalg.reduce { arith.maxsi } ins(%m : memref<3x5xi32>) outs(%r : memref<5xi32>) dimensions = [0]
  return
}

// CHECK-LABEL: func.func @transpose(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: scf.for %arg2 = %c0 to %c2 step %c1 {
// CHECK-NEXT: scf.for %arg3 = %c0 to %c3 step %c1 {
// CHECK-NEXT: %0 = memref.load %arg0[%arg2, %arg3] : memref<2x3xf64>
// CHECK-NEXT: memref.store %0, %arg1[%arg3, %arg2] : memref<3x2xf64>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @transpose(%a: memref<2x3xf64>, %t: memref<3x2xf64>) {
  linalg.transpose ins(%a : memref<2x3xf64>) outs(%t : memref<3x2xf64>) permutation = [1, 0]
  return
}

// CHECK-LABEL: func.func @broadcast(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: scf.for %arg2 = %c0 to %c2 step %c1 {
// CHECK-NEXT: scf.for %arg3 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg4 = %c0 to %c3 step %c1 {
// CHECK-NEXT: %0 = memref.load %arg0[%arg2, %arg4] : memref<2x3xf64>
// CHECK-NEXT: memref.store %0, %arg1[%arg2, %arg3, %arg4] : memref<2x4x3xf64>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @broadcast(%a: memref<2x3xf64>, %b: memref<2x4x3xf64>) {
  linalg.broadcast ins(%a : memref<2x3xf64>) outs(%b : memref<2x4x3xf64>) dimensions = [1]
  return
}

// CHECK-LABEL: func.func @dynamic_batch_matmul(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c6 = arith.constant 6 : index
// CHECK-NEXT: %dim = memref.dim %arg0, %c0 : memref<?x4x?xf32>
// CHECK-NEXT: %dim_0 = memref.dim %arg0, %c2 : memref<?x4x?xf32>
// CHECK-NEXT: scf.for %arg3 = %c0 to %dim step %c1 {
// CHECK-NEXT: scf.for %arg4 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg5 = %c0 to %c6 step %c1 {
// CHECK-NEXT: scf.for %arg6 = %c0 to %dim_0 step %c1 {
// CHECK-NEXT: %0 = memref.load %arg0[%arg3, %arg4, %arg6] : memref<?x4x?xf32>
// CHECK-NEXT: %1 = memref.load %arg1[%arg3, %arg6, %arg5] : memref<?x?x6xf32>
// CHECK-NEXT: %2 = memref.load %arg2[%arg3, %arg4, %arg5] : memref<?x4x6xf32>
// CHECK-NEXT: %3 = arith.mulf %0, %1 : f32
// CHECK-NEXT: %4 = arith.addf %2, %3 : f32
// CHECK-NEXT: memref.store %4, %arg2[%arg3, %arg4, %arg5] : memref<?x4x6xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @dynamic_batch_matmul(%a: memref<?x4x?xf32>, %b: memref<?x?x6xf32>, %c: memref<?x4x6xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<?x4x?xf32>, memref<?x?x6xf32>) outs(%c : memref<?x4x6xf32>)
  return
}

// CHECK-LABEL: func.func @pooling(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: scf.for %arg3 = %c0 to %c1 step %c1 {
// CHECK-NEXT: scf.for %arg4 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg5 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg6 = %c0 to %c3 step %c1 {
// CHECK-NEXT: scf.for %arg7 = %c0 to %c2 step %c1 {
// CHECK-NEXT: scf.for %arg8 = %c0 to %c2 step %c1 {
// CHECK-NEXT: %0 = affine.apply #map(%arg4, %arg7)
// CHECK-NEXT: %1 = affine.apply #map(%arg5, %arg8)
// CHECK-NEXT: %2 = memref.load %arg0[%arg3, %0, %1, %arg6] : memref<1x5x5x3xf32>
// CHECK-NEXT: %3 = memref.load %arg2[%arg3, %arg4, %arg5, %arg6] : memref<1x4x4x3xf32>
// CHECK-NEXT: %4 = arith.maxf %3, %2 : f32
// CHECK-NEXT: memref.store %4, %arg2[%arg3, %arg4, %arg5, %arg6] : memref<1x4x4x3xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @pooling(%i: memref<1x5x5x3xf32>, %w: memref<2x2xf32>, %o: memref<1x4x4x3xf32>) {
  linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %w : memref<1x5x5x3xf32>, memref<2x2xf32>) outs(%o : memref<1x4x4x3xf32>)
  return
}

// CHECK-LABEL: func.func @reduction_first(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c7 = arith.constant 7 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: scf.for %arg2 = %c0 to %c7 step %c1 {
// CHECK-NEXT: scf.for %arg3 = %c0 to %c3 step %c1 {
// CHECK-NEXT: %0 = memref.load %arg0[%arg2, %arg3] : memref<7x3xf32>
// CHECK-NEXT: %1 = memref.load %arg1[%arg3] : memref<3xf32>
// CHECK-NEXT: %2 = arith.mulf %0, %1 : f32
// CHECK-NEXT: memref.store %2, %arg1[%arg3] : memref<3xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @reduction_first(%a: memref<7x3xf32>, %s: memref<3xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>], iterator_types = ["reduction", "parallel"]} ins(%a : memref<7x3xf32>) outs(%s : memref<3xf32>) {
  ^bb0(%in: f32, %out: f32):
    %0 = arith.mulf %in, %out : f32
    linalg.yield %0 : f32
  }
  return
}

// CHECK-LABEL: func.func @strided(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: scf.for %arg2 = %c0 to %c4 step %c1 {
// CHECK-NEXT: scf.for %arg3 = %c0 to %c4 step %c1 {
// CHECK-NEXT: memref.store %arg1, %arg0[%arg2, %arg3] : memref<4x4xf32, strided<[8, 2], offset: 1>>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @strided(%a: memref<4x4xf32, strided<[8, 2], offset: 1>>, %x: f32) {
  linalg.fill ins(%x : f32) outs(%a : memref<4x4xf32, strided<[8, 2], offset: 1>>)
  return
}

