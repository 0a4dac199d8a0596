// RUN: tensile-opt %s | FileCheck %s
// Every vector op of MLIR 16 in its custom form (declarative and hand-written); the CHECK lines are mlir-opt-16's
// own output for this file. The golden harness also parses mlir-opt-16's generic form of it back.

// CHECK-DAG: #map = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #map1 = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG: #map2 = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #map3 = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #map4 = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @shape_ops(
// CHECK-SAME: %arg0: vector<4xf32>, %arg1: vector<4x8xf32>, %arg2: f32, %arg3: index, %arg4: vector<f32>, %arg5: i32) -> vector<4xf32> {
// CHECK-NEXT: %0 = vector.broadcast %arg2 : f32 to vector<4x8xf32>
// CHECK-NEXT: %1 = vector.broadcast %arg0 : vector<4xf32> to vector<2x4xf32>
// CHECK-NEXT: %2 = vector.shuffle %arg0, %arg0 [0, 7, 3] : vector<4xf32>, vector<4xf32>
// CHECK-NEXT: %3 = vector.extractelement %arg0[%arg3 : index] : vector<4xf32>
// CHECK-NEXT: %4 = vector.extractelement %arg4[] : vector<f32>
// CHECK-NEXT: %5 = vector.extract %arg1[1] : vector<4x8xf32>
// CHECK-NEXT: %6 = vector.extract %arg1[1, 2] : vector<4x8xf32>
// CHECK-NEXT: %7 = vector.fma %arg0, %arg0, %arg0 : vector<4xf32>
// CHECK-NEXT: %8 = vector.insertelement %arg2, %arg0[%arg5 : i32] : vector<4xf32>
// CHECK-NEXT: %9 = vector.insertelement %arg2, %arg4[] : vector<f32>
// CHECK-NEXT: %10 = vector.insert %arg0, %1 [1] : vector<4xf32> into vector<2x4xf32>
// CHECK-NEXT: %11 = vector.insert %arg2, %arg1 [3, 7] : f32 into vector<4x8xf32>
// CHECK-NEXT: %12 = vector.insert_strided_slice %arg0, %arg1 {offsets = [1, 4], strides = [1]} : vector<4xf32> into vector<4x8xf32>
// CHECK-NEXT: %13 = vector.extract_strided_slice %arg1 {offsets = [0, 2], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
// CHECK-NEXT: %14 = vector.shape_cast %arg1 : vector<4x8xf32> to vector<32xf32>
// CHECK-NEXT: %15 = vector.shape_cast %14 : vector<32xf32> to vector<2x2x8xf32>
// CHECK-NEXT: %16 = vector.bitcast %arg1 : vector<4x8xf32> to vector<4x16xf16>
// CHECK-NEXT: %17 = vector.bitcast %arg0 : vector<4xf32> to vector<16xi8>
// CHECK-NEXT: %18 = vector.transpose %arg1, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
// CHECK-NEXT: %19 = vector.splat %arg2 : vector<2x3xf32>
// CHECK-NEXT: %20 = vector.splat %arg2 : vector<f32>
// CHECK-NEXT: return %arg0 : vector<4xf32>
// CHECK-NEXT: }
func.func @shape_ops(%v: vector<4xf32>, %m: vector<4x8xf32>, %s: f32, %i: index, %v0: vector<f32>, %i32: i32) -> vector<4xf32> {
  %0 = vector.broadcast %s : f32 to vector<4x8xf32>
  %1 = vector.broadcast %v : vector<4xf32> to vector<2x4xf32>
  %2 = vector.shuffle %v, %v [0, 7, 3] : vector<4xf32>, vector<4xf32>
  %3 = vector.extractelement %v[%i : index] : vector<4xf32>
  %4 = vector.extractelement %v0[] : vector<f32>
  %5 = vector.extract %m[1] : vector<4x8xf32>
  %6 = vector.extract %m[1, 2] : vector<4x8xf32>
  %7 = vector.fma %v, %v, %v : vector<4xf32>
  %8 = vector.insertelement %s, %v[%i32 : i32] : vector<4xf32>
  %9 = vector.insertelement %s, %v0[] : vector<f32>
  %10 = vector.insert %v, %1 [1] : vector<4xf32> into vector<2x4xf32>
  %11 = vector.insert %s, %m [3, 7] : f32 into vector<4x8xf32>
  %12 = vector.insert_strided_slice %v, %m {offsets = [1, 4], strides = [1]} : vector<4xf32> into vector<4x8xf32>
  %13 = vector.extract_strided_slice %m {offsets = [0, 2], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
  %14 = vector.shape_cast %m : vector<4x8xf32> to vector<32xf32>
  %15 = vector.shape_cast %14 : vector<32xf32> to vector<2x2x8xf32>
  %16 = vector.bitcast %m : vector<4x8xf32> to vector<4x16xf16>
  %17 = vector.bitcast %v : vector<4xf32> to vector<16xi8>
  %18 = vector.transpose %m, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
  %19 = vector.splat %s : vector<2x3xf32>
  %20 = vector.splat %s : vector<f32>
  return %v : vector<4xf32>
}

#map_t = affine_map<(d0, d1) -> (d1, d0)>
#map_b = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @transfers(
// CHECK-SAME: %arg0: memref<?x?xf32>, %arg1: tensor<4x8xf32>, %arg2: index, %arg3: f32, %arg4: vector<4x8xf32>, %arg5: vector<8x4xi1>, %arg6: vector<8xi1>) -> tensor<4x8xf32> {
// CHECK-NEXT: %0 = vector.transfer_read %arg0[%arg2, %arg2], %arg3 : memref<?x?xf32>, vector<4x8xf32>
// CHECK-NEXT: %1 = vector.transfer_read %arg0[%arg2, %arg2], %arg3 {in_bounds = [true, false]} : memref<?x?xf32>, vector<4x8xf32>
// CHECK-NEXT: %2 = vector.transfer_read %arg0[%arg2, %arg2], %arg3 {permutation_map = #map} : memref<?x?xf32>, vector<4x8xf32>
// CHECK-NEXT: %3 = vector.transfer_read %arg0[%arg2, %arg2], %arg3, %arg5 {permutation_map = #map} : memref<?x?xf32>, vector<4x8xf32>
// CHECK-NEXT: %4 = vector.transfer_read %arg1[%arg2, %arg2], %arg3 {in_bounds = [true, false], permutation_map = #map1} : tensor<4x8xf32>, vector<4x8xf32>
// CHECK-NEXT: %5 = vector.transfer_read %arg0[%arg2, %arg2], %arg3 : memref<?x?xf32>, vector<4x8xf32>
// CHECK-NEXT: vector.transfer_write %arg4, %arg0[%arg2, %arg2] : vector<4x8xf32>, memref<?x?xf32>
// CHECK-NEXT: %6 = vector.transfer_write %arg4, %arg1[%arg2, %arg2] {in_bounds = [true, true]} : vector<4x8xf32>, tensor<4x8xf32>
// CHECK-NEXT: %7 = vector.transfer_write %arg4, %arg1[%arg2, %arg2], %arg5 {permutation_map = #map} : vector<4x8xf32>, tensor<4x8xf32>
// CHECK-NEXT: %8 = vector.transfer_read %arg0[%arg2, %arg2], %arg3 : memref<?x?xf32>, vector<8xf32>
// CHECK-NEXT: %9 = vector.transfer_read %arg0[%arg2, %arg2], %arg3, %arg6 : memref<?x?xf32>, vector<8xf32>
// CHECK-NEXT: return %6 : tensor<4x8xf32>
// CHECK-NEXT: }
func.func @transfers(%A: memref<?x?xf32>, %T: tensor<4x8xf32>, %i: index, %pad: f32, %v: vector<4x8xf32>, %m: vector<8x4xi1>, %m1: vector<8xi1>) -> tensor<4x8xf32> {
  %0 = vector.transfer_read %A[%i, %i], %pad : memref<?x?xf32>, vector<4x8xf32>
  %1 = vector.transfer_read %A[%i, %i], %pad {in_bounds = [true, false]} : memref<?x?xf32>, vector<4x8xf32>
  %2 = vector.transfer_read %A[%i, %i], %pad {permutation_map = #map_t} : memref<?x?xf32>, vector<4x8xf32>
  %3 = vector.transfer_read %A[%i, %i], %pad, %m {permutation_map = #map_t} : memref<?x?xf32>, vector<4x8xf32>
  %4 = vector.transfer_read %T[%i, %i], %pad {permutation_map = #map_b, in_bounds = [true, false]} : tensor<4x8xf32>, vector<4x8xf32>
  %5 = vector.transfer_read %A[%i, %i], %pad {in_bounds = [false, false]} : memref<?x?xf32>, vector<4x8xf32>
  vector.transfer_write %v, %A[%i, %i] : vector<4x8xf32>, memref<?x?xf32>
  %6 = vector.transfer_write %v, %T[%i, %i] {in_bounds = [true, true]} : vector<4x8xf32>, tensor<4x8xf32>
  %7 = vector.transfer_write %v, %T[%i, %i], %m {permutation_map = #map_t} : vector<4x8xf32>, tensor<4x8xf32>
  %8 = vector.transfer_read %A[%i, %i], %pad : memref<?x?xf32>, vector<8xf32>
  %9 = vector.transfer_read %A[%i, %i], %pad, %m1 : memref<?x?xf32>, vector<8xf32>
  return %6 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @memory(
// CHECK-SAME: %arg0: memref<8x8xf32>, %arg1: memref<?xf32>, %arg2: tensor<?xf32>, %arg3: index, %arg4: vector<8xf32>, %arg5: vector<16xi1>, %arg6: vector<16xf32>, %arg7: vector<16xi32>) {
// CHECK-NEXT: %0 = vector.load %arg0[%arg3, %arg3] : memref<8x8xf32>, vector<8xf32>
// CHECK-NEXT: vector.store %arg4, %arg0[%arg3, %arg3] : memref<8x8xf32>, vector<8xf32>
// CHECK-NEXT: %1 = vector.maskedload %arg1[%arg3], %arg5, %arg6 : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK-NEXT: vector.maskedstore %arg1[%arg3], %arg5, %arg6 : memref<?xf32>, vector<16xi1>, vector<16xf32>
// CHECK-NEXT: %2 = vector.gather %arg1[%arg3] [%arg7], %arg5, %arg6 : memref<?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK-NEXT: %3 = vector.gather %arg2[%arg3] [%arg7], %arg5, %arg6 : tensor<?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK-NEXT: vector.scatter %arg1[%arg3] [%arg7], %arg5, %arg6 : memref<?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32>
// CHECK-NEXT: %4 = vector.expandload %arg1[%arg3], %arg5, %arg6 : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK-NEXT: vector.compressstore %arg1[%arg3], %arg5, %arg6 : memref<?xf32>, vector<16xi1>, vector<16xf32>
// CHECK-NEXT: %5 = vector.type_cast %arg0 : memref<8x8xf32> to memref<vector<8x8xf32>>
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @memory(%A: memref<8x8xf32>, %B: memref<?xf32>, %T: tensor<?xf32>, %i: index, %v: vector<8xf32>, %m: vector<16xi1>, %p: vector<16xf32>, %idx: vector<16xi32>) {
  %0 = vector.load %A[%i, %i] : memref<8x8xf32>, vector<8xf32>
  vector.store %v, %A[%i, %i] : memref<8x8xf32>, vector<8xf32>
  %1 = vector.maskedload %B[%i], %m, %p : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  vector.maskedstore %B[%i], %m, %p : memref<?xf32>, vector<16xi1>, vector<16xf32>
  %2 = vector.gather %B[%i][%idx], %m, %p : memref<?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  %3 = vector.gather %T[%i][%idx], %m, %p : tensor<?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  vector.scatter %B[%i][%idx], %m, %p : memref<?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32>
  %4 = vector.expandload %B[%i], %m, %p : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  vector.compressstore %B[%i], %m, %p : memref<?xf32>, vector<16xi1>, vector<16xf32>
  %5 = vector.type_cast %A : memref<8x8xf32> to memref<vector<8x8xf32>>
  return
}

#m0 = affine_map<(i, j, k) -> (i, k)>
#m1 = affine_map<(i, j, k) -> (k, j)>
#m2 = affine_map<(i, j, k) -> (i, j)>
// CHECK-LABEL: func.func @compute(
// CHECK-SAME: %arg0: vector<4x8xf32>, %arg1: vector<8x2xf32>, %arg2: vector<4x2xf32>, %arg3: vector<16xf32>, %arg4: f32, %arg5: vector<4xf32>, %arg6: vector<8xf32>, %arg7: vector<16xi32>, %arg8: vector<4x8xi1>, %arg9: vector<8x2xi1>) {
// CHECK-NEXT: %0 = vector.contract {indexing_maps = [#map2, #map3, #map4], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %arg0, %arg1, %arg2 : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
// CHECK-NEXT: %1 = vector.contract {indexing_maps = [#map2, #map3, #map4], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<maxf>} %arg0, %arg1, %arg2, %arg8, %arg9 : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
// CHECK-NEXT: %2 = vector.reduction <add>, %arg3 : vector<16xf32> into f32
// CHECK-NEXT: %3 = vector.reduction <maxf>, %arg3, %arg4 : vector<16xf32> into f32
// CHECK-NEXT: %4 = vector.reduction <xor>, %arg7 : vector<16xi32> into i32
// CHECK-NEXT: %5 = vector.multi_reduction <add>, %arg0, %arg5 [1] : vector<4x8xf32> to vector<4xf32>
// CHECK-NEXT: %6 = vector.multi_reduction <minf>, %arg0, %arg4 [0, 1] : vector<4x8xf32> to f32
// CHECK-NEXT: %7 = vector.outerproduct %arg5, %arg6 : vector<4xf32>, vector<8xf32>
// CHECK-NEXT: %8 = vector.outerproduct %arg5, %arg6, %arg0 {kind = #vector.kind<add>} : vector<4xf32>, vector<8xf32>
// CHECK-NEXT: %9 = vector.outerproduct %arg5, %arg4, %arg5 {kind = #vector.kind<mul>} : vector<4xf32>, f32
// CHECK-NEXT: %dest, %accumulated_value = vector.scan <add>, %arg0, %arg6 {inclusive = true, reduction_dim = 0 : i64} : vector<4x8xf32>, vector<8xf32>
// CHECK-NEXT: %10 = vector.matrix_multiply %arg3, %arg3 {lhs_columns = 4 : i32, lhs_rows = 4 : i32, rhs_columns = 4 : i32} : (vector<16xf32>, vector<16xf32>) -> vector<16xf32>
// CHECK-NEXT: %11 = vector.flat_transpose %arg3 {columns = 4 : i32, rows = 4 : i32} : vector<16xf32> -> vector<16xf32>
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @compute(%a: vector<4x8xf32>, %b: vector<8x2xf32>, %c: vector<4x2xf32>, %v: vector<16xf32>, %s: f32, %x: vector<4xf32>, %y: vector<8xf32>, %ii: vector<16xi32>, %am: vector<4x8xi1>, %bm: vector<8x2xi1>) {
  %0 = vector.contract {indexing_maps = [#m0, #m1, #m2], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  %1 = vector.contract {indexing_maps = [#m0, #m1, #m2], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<maxf>} %a, %b, %c, %am, %bm {tag} : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  %2 = vector.reduction <add>, %v : vector<16xf32> into f32
  %3 = vector.reduction <maxf>, %v, %s : vector<16xf32> into f32
  %4 = vector.reduction <xor>, %ii : vector<16xi32> into i32
  %5 = vector.multi_reduction <add>, %a, %x [1] : vector<4x8xf32> to vector<4xf32>
  %6 = vector.multi_reduction <minf>, %a, %s [0, 1] : vector<4x8xf32> to f32
  %7 = vector.outerproduct %x, %y : vector<4xf32>, vector<8xf32>
  %8 = vector.outerproduct %x, %y, %a : vector<4xf32>, vector<8xf32>
  %9 = vector.outerproduct %x, %s, %x {kind = #vector.kind<mul>} : vector<4xf32>, f32
  %10:2 = vector.scan <add>, %a, %y {inclusive = true, reduction_dim = 0 : i64} : vector<4x8xf32>, vector<8xf32>
  %11 = vector.matrix_multiply %v, %v {lhs_columns = 4 : i32, lhs_rows = 4 : i32, rhs_columns = 4 : i32} : (vector<16xf32>, vector<16xf32>) -> vector<16xf32>
  %12 = vector.flat_transpose %v {columns = 4 : i32, rows = 4 : i32} : vector<16xf32> -> vector<16xf32>
  return
}

// CHECK-LABEL: func.func @control(
// CHECK-SAME: %arg0: index, %arg1: vector<8xf32>, %arg2: vector<8xi1>, %arg3: memref<?xf32>, %arg4: f32, %arg5: vector<[4]xf32>, %arg6: vector<4xf32>, %arg7: vector<2x4xf32>) -> f32 {
// CHECK-NEXT: %0 = vector.constant_mask [2, 3] : vector<4x8xi1>
// CHECK-NEXT: %1 = vector.create_mask %arg0, %arg0 : vector<4x8xi1>
// CHECK-NEXT: %2 = vector.mask %arg2 { vector.reduction <add>, %arg1 : vector<8xf32> into f32 } : vector<8xi1> -> f32
// CHECK-NEXT: %3 = vector.mask %arg2, %arg1 { vector.transfer_read %arg3[%arg0], %arg4 : memref<?xf32>, vector<8xf32> } : vector<8xi1> -> vector<8xf32>
// CHECK-NEXT: vector.mask %arg2 { vector.transfer_write %arg1, %arg3[%arg0] : vector<8xf32>, memref<?xf32> } : vector<8xi1>
// CHECK-NEXT: vector.print %arg1 : vector<8xf32>
// CHECK-NEXT: %4 = vector.vscale
// CHECK-NEXT: %5 = vector.warp_execute_on_lane_0(%arg0)[32] args(%arg1 : vector<8xf32>) -> (vector<1xf32>) {
// CHECK-NEXT: ^bb0(%arg8: vector<256xf32>):
// CHECK-NEXT: %10 = vector.extract_strided_slice %arg8 {offsets = [0], sizes = [32], strides = [1]} : vector<256xf32> to vector<32xf32>
// CHECK-NEXT: vector.yield %10 : vector<32xf32>
// CHECK-NEXT: }
// CHECK-NEXT: vector.warp_execute_on_lane_0(%arg0)[32] {
// CHECK-NEXT: vector.print %arg1 : vector<8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %6 = vector.scalable.insert %arg6, %arg5[0] : vector<4xf32> into vector<[4]xf32>
// CHECK-NEXT: %7 = vector.scalable.extract %arg5[0] : vector<4xf32> from vector<[4]xf32>
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %8 = vector.reshape %arg7, [%c2], [%c1, %c2], [4] : vector<2x4xf32> to vector<1x2x4xf32>
// CHECK-NEXT: %9 = vector.constant_mask [0] : vector<[4]xi1>
// CHECK-NEXT: return %2 : f32
// CHECK-NEXT: }
func.func @control(%i: index, %v: vector<8xf32>, %mv: vector<8xi1>, %A: memref<?xf32>, %pad: f32, %s: vector<[4]xf32>, %s2: vector<4xf32>, %w: vector<2x4xf32>) -> f32 {
  %0 = vector.constant_mask [2, 3] : vector<4x8xi1>
  %1 = vector.create_mask %i, %i : vector<4x8xi1>
  %2 = vector.mask %mv { vector.reduction <add>, %v : vector<8xf32> into f32 } : vector<8xi1> -> f32
  %3 = vector.mask %mv, %v { vector.transfer_read %A[%i], %pad : memref<?xf32>, vector<8xf32> } : vector<8xi1> -> vector<8xf32>
  vector.mask %mv { vector.transfer_write %v, %A[%i] : vector<8xf32>, memref<?xf32> } : vector<8xi1>
  vector.print %v : vector<8xf32>
  %4 = vector.vscale
  %5 = vector.warp_execute_on_lane_0(%i)[32] args(%v : vector<8xf32>) -> (vector<1xf32>) {
  ^bb0(%arg: vector<256xf32>):
    %r = vector.extract_strided_slice %arg {offsets = [0], sizes = [32], strides = [1]} : vector<256xf32> to vector<32xf32>
    vector.yield %r : vector<32xf32>
  }
  vector.warp_execute_on_lane_0(%i)[32] {
    vector.print %v : vector<8xf32>
  }
  %6 = vector.scalable.insert %s2, %s[0] : vector<4xf32> into vector<[4]xf32>
  %7 = vector.scalable.extract %s[0] : vector<4xf32> from vector<[4]xf32>
  %c = arith.constant 2 : index
  %c1 = arith.constant 1 : index
  %8 = vector.reshape %w, [%c], [%c1, %c], [4] : vector<2x4xf32> to vector<1x2x4xf32>
  %9 = vector.constant_mask [0] : vector<[4]xi1>
  return %2 : f32
}
