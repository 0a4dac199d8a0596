// RUN: tensile-opt %s --allow-unregistered-dialect | FileCheck %s
// The affine ops of MLIR 16 in their custom form (affine.parallel and the dma ops: parallel-dma.mlir); the CHECK lines are
// mlir-opt-16's output.
// CHECK: #map = affine_map<(d0)[s0] -> (d0 * 4 + s0)>
// CHECK-NEXT: #map1 = affine_map<(d0)[s0] -> (s0, d0 + 8)>
// CHECK-NEXT: #map2 = affine_map<(d0) -> (0, d0 - 2)>
// CHECK-NEXT: #map3 = affine_map<(d0) -> (d0)>
// CHECK-NEXT: #map4 = affine_map<(d0)[s0] -> (d0, s0 + 2)>
// CHECK-NEXT: #map5 = affine_map<(d0) -> (d0 + 10, 64)>
// CHECK-NEXT: #set = affine_set<(d0)[s0] : (d0 - 1 >= 0, -d0 + s0 - 1 >= 0)>
// CHECK-NEXT: #set1 = affine_set<(d0) : (d0 >= 0, -d0 + 5 == 0)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @affine_ops(
// CHECK-SAME: %arg0: memref<?x?xf32>, %arg1: memref<4x8xf32>, %arg2: index, %arg3: f32, %arg4: index) -> f32 {
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %0 = affine.apply #map(%arg2)[%arg4]
// CHECK-NEXT: %1 = affine.min #map1(%0)[%arg2]
// CHECK-NEXT: %2 = affine.max #map2(%0)
// CHECK-NEXT: %3:3 = affine.delinearize_index %0 into (%c4, %c4, %c4) : index, index, index
// CHECK-NEXT: affine.for %arg5 = 0 to 10 {
// CHECK-NEXT: affine.for %arg6 = #map3(%arg5) to %arg2 step 2 {
// CHECK-NEXT: %6 = affine.load %arg0[%arg5 + 1, %arg6 + symbol(%arg2) * 2] : memref<?x?xf32>
// CHECK-NEXT: affine.store %6, %arg0[%arg6, %arg5] : memref<?x?xf32>
// CHECK-NEXT: %7 = affine.vector_load %arg1[%arg5 mod 4, 0] : memref<4x8xf32>, vector<8xf32>
// CHECK-NEXT: affine.vector_store %7, %arg1[0, 0] : memref<4x8xf32>, vector<8xf32>
// CHECK-NEXT: affine.prefetch %arg0[%arg5, %arg6 + 5], read, locality<3>, data : memref<?x?xf32>
// CHECK-NEXT: affine.prefetch %arg1[%arg5, %arg6], write, locality<0>, instr : memref<4x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: affine.for %arg5 = max #map4(%arg4)[%arg2] to min #map5(%arg2) {
// CHECK-NEXT: affine.if #set(%arg5)[%arg2] {
// CHECK-NEXT: "test.use"(%arg5) : (index) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: affine.if #set(%arg5)[%arg2] {
// CHECK-NEXT: "test.use"(%arg5) : (index) -> ()
// CHECK-NEXT: } else {
// CHECK-NEXT: "test.use"(%arg2) : (index) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: %4 = affine.for %arg5 = 0 to %arg2 iter_args(%arg6 = %arg3) -> (f32) {
// CHECK-NEXT: %6 = affine.load %arg0[%arg5, %arg5] : memref<?x?xf32>
// CHECK-NEXT: %7 = arith.addf %arg6, %6 : f32
// CHECK-NEXT: affine.yield %7 : f32
// CHECK-NEXT: }
// CHECK-NEXT: %5 = affine.if #set1(%arg2) -> f32 {
// CHECK-NEXT: affine.yield %4 : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: affine.yield %arg3 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %5 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }
#lb = affine_map<(d0)[s0] -> (d0, s0 + 2)>
#ub = affine_map<(d0) -> (d0 + 10, 64)>
#set = affine_set<(d0)[s0] : (d0 - 1 >= 0, s0 - d0 - 1 >= 0)>
func.func @affine_ops(%A: memref<?x?xf32>, %B: memref<4x8xf32>, %n: index, %f: f32, %i0: index) -> f32 {
  %c4 = arith.constant 4 : index
  %a = affine.apply affine_map<(d0)[s0] -> (d0 * 4 + s0)>(%n)[%i0]
  %mn = affine.min affine_map<(d0)[s0] -> (s0, d0 + 8)>(%a)[%n]
  %mx = affine.max affine_map<(d0) -> (0, d0 - 2)>(%a)
  %q:3 = affine.delinearize_index %a into (%c4, %c4, %c4) : index, index, index
  affine.for %i = 0 to 10 {
    affine.for %j = affine_map<(d0) -> (d0)>(%i) to %n step 2 {
      %v = affine.load %A[%i + 1, symbol(%n) * 2 + %j] : memref<?x?xf32>
      affine.store %v, %A[%j, %i] : memref<?x?xf32>
      %w = affine.vector_load %B[%i mod 4, 0] : memref<4x8xf32>, vector<8xf32>
      affine.vector_store %w, %B[0, 0] : memref<4x8xf32>, vector<8xf32>
      affine.prefetch %A[%i, %j + 5], read, locality<3>, data : memref<?x?xf32>
      affine.prefetch %B[%i, %j], write, locality<0>, instr : memref<4x8xf32>
    }
  }
  affine.for %i = max #lb(%i0)[%n] to min #ub(%n) {
    affine.if #set(%i)[%n] {
      "test.use"(%i) : (index) -> ()
    }
    affine.if #set(%i)[%n] {
      "test.use"(%i) : (index) -> ()
    } else {
      "test.use"(%n) : (index) -> ()
    }
  }
  %s = affine.for %i = 0 to %n iter_args(%acc = %f) -> (f32) {
    %x = affine.load %A[%i, %i] : memref<?x?xf32>
    %y = arith.addf %acc, %x : f32
    affine.yield %y : f32
  }
  %r = affine.if affine_set<(d0) : (d0 >= 0, -d0 + 5 == 0)>(%n) -> f32 {
    affine.yield %s : f32
  } else {
    affine.yield %f : f32
  }
  return %r : f32
}

