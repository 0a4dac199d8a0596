// RUN: tensile-opt %s --split-input-file --canonicalize --allow-unregistered-dialect | FileCheck %s
// affine folds and canonicalization patterns (MLIR 16's AffineOps.cpp); the CHECK lines are mlir-opt-16 --canonicalize's output.
// CHECK: #map = affine_map<()[s0, s1] -> (s0 + s1 * 5)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @apply_chain(
// CHECK-SAME: %arg0: index, %arg1: index) -> index {
// CHECK-NEXT: %0 = affine.apply #map()[%arg1, %arg0]
// CHECK-NEXT: return %0 : index
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @apply_chain(%i: index, %n: index) -> index {
  %a = affine.apply affine_map<(d0)[s0] -> (d0 * 2 + s0)>(%i)[%n]
  %b = affine.apply affine_map<(d0, d1) -> (d0 + d1 * 3)>(%a, %i)
  return %b : index
}

// -----

// CHECK: #map = affine_map<()[s0] -> (s0 floordiv 2 + 5)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @apply_fold(
// CHECK-SAME: %arg0: index) -> (index, index, index) {
// CHECK-NEXT: %c16 = arith.constant 16 : index
// CHECK-NEXT: %0 = affine.apply #map()[%arg0]
// CHECK-NEXT: return %c16, %arg0, %0 : index, index, index
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @apply_fold(%i: index) -> (index, index, index) {
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %a = affine.apply affine_map<(d0)[s0] -> (d0 * s0 + 1)>(%c3)[%c5]
  %b = affine.apply affine_map<(d0) -> (d0)>(%i)
  %c = affine.apply affine_map<(d0, d1) -> (d0 floordiv 2 + d1)>(%i, %c5)
  return %a, %b, %c : index, index, index
}

// -----

// CHECK: #map = affine_map<()[s0, s1] -> (s1 + 8, s0 + 4)>
// CHECK-NEXT: #map1 = affine_map<()[s0, s1] -> (s1, s0 + 1)>
// CHECK-NEXT: #map2 = affine_map<()[s0, s1] -> (s0 + s1 * 2)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @min_max(
// CHECK-SAME: %arg0: index, %arg1: index) -> (index, index, index, index) {
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c7 = arith.constant 7 : index
// CHECK-NEXT: %0 = affine.min #map()[%arg0, %arg1]
// CHECK-NEXT: %1 = affine.max #map1()[%arg1, %arg0]
// CHECK-NEXT: %2 = affine.apply #map2()[%arg1, %arg0]
// CHECK-NEXT: "test.use"(%c2) : (index) -> ()
// CHECK-NEXT: return %0, %1, %2, %c7 : index, index, index, index
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @min_max(%i: index, %n: index) -> (index, index, index, index) {
  %a = affine.apply affine_map<(d0) -> (d0 + 4)>(%i)
  %m = affine.min affine_map<(d0, d1) -> (d0, d1 + 8)>(%a, %n)
  %M = affine.max affine_map<(d0)[s0] -> (d0, s0 + 1, d0)>(%i)[%n]
  %s = affine.min affine_map<(d0)[s0] -> (d0 * 2 + s0)>(%i)[%n]
  %c2 = arith.constant 2 : index
  %c7 = arith.constant 7 : index
  %k = affine.max affine_map<(d0, d1) -> (d0, d1, 3)>(%c2, %c7)
  %l = affine.min affine_map<(d0, d1) -> (d0, d1, 3)>(%c2, %c7)
  "test.use"(%l) : (index) -> ()
  return %m, %M, %s, %k : index, index, index, index
}

// -----

// CHECK-LABEL: func.func @load_compose(
// CHECK-SAME: %arg0: memref<?xf32>, %arg1: index) -> f32 {
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %0 = affine.for %arg2 = 0 to %arg1 iter_args(%arg3 = %cst) -> (f32) {
// CHECK-NEXT: %1 = affine.load %arg0[%arg2 * 2 + 2] : memref<?xf32>
// CHECK-NEXT: %2 = arith.addf %arg3, %1 : f32
// CHECK-NEXT: affine.yield %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
func.func @load_compose(%A: memref<?xf32>, %n: index) -> f32 {
  %z = arith.constant 0.0 : f32
  %r = affine.for %i = 0 to %n iter_args(%acc = %z) -> (f32) {
    %j = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
    %v = affine.load %A[%j * 2] : memref<?xf32>
    %s = arith.addf %acc, %v : f32
    affine.yield %s : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @for_empty(
// CHECK-SAME: %arg0: f32, %arg1: index) -> (f32, f32) {
// CHECK-NEXT: return %arg0, %arg0 : f32, f32
// CHECK-NEXT: }
func.func @for_empty(%x: f32, %n: index) -> (f32, f32) {
  %r = affine.for %i = 4 to 2 iter_args(%a = %x) -> (f32) {
    %s = arith.addf %a, %a : f32
    affine.yield %s : f32
  }
  %q = affine.for %i = 0 to %n iter_args(%a = %x) -> (f32) {
    affine.yield %a : f32
  }
  return %r, %q : f32, f32
}

// -----

// CHECK-LABEL: func.func @if_true(
// CHECK-SAME: %arg0: i32, %arg1: i32) -> (i32, i32) {
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT: return %0, %1 : i32, i32
// CHECK-NEXT: }
func.func @if_true(%x: i32, %y: i32) -> (i32, i32) {
  %r = affine.if affine_set<() : (0 == 0)>() -> i32 {
    %s = arith.addi %x, %y : i32
    affine.yield %s : i32
  } else {
    affine.yield %y : i32
  }
  %q = affine.if affine_set<() : (1 == 0)>() -> i32 {
    affine.yield %x : i32
  } else {
    %m = arith.muli %x, %y : i32
    affine.yield %m : i32
  }
  return %r, %q : i32, i32
}

// -----

// CHECK: #map = affine_map<()[s0, s1] -> (s0, s0 + s1)>
// CHECK-NEXT: #map1 = affine_map<()[s0, s1] -> (s0 + s1 * 3)>
// CHECK-NEXT: #map2 = affine_map<(d0)[s0] -> (32, s0 + 16, d0 + s0)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @min_max_more(
// CHECK-SAME: %arg0: index, %arg1: index) -> (index, index, index) {
// CHECK-NEXT: %0 = affine.min #map()[%arg1, %arg0]
// CHECK-NEXT: %1 = affine.apply #map1()[%arg1, %arg0]
// CHECK-NEXT: affine.for %arg2 = 0 to 10 {
// CHECK-NEXT: %2 = affine.max #map2(%arg2)[%arg0]
// CHECK-NEXT: "test.use"(%2) : (index) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return %0, %1, %1 : index, index, index
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @min_max_more(%i: index, %n: index) -> (index, index, index) {
  %a = affine.min affine_map<(d0)[s0] -> (d0 + s0, s0, d0 + s0)>(%i)[%n]
  %b = affine.max affine_map<(d0)[s0] -> (d0 * 3 + s0)>(%i)[%n]
  affine.for %k = 0 to 10 {
    %c = affine.max affine_map<(d0, d1) -> (d0 + d1, d1 + 16, 32)>(%k, %i)
    "test.use"(%c) : (index) -> ()
  }
  return %a, %b, %b : index, index, index
}

// -----

// CHECK-LABEL: func.func @store_compose(
// CHECK-SAME: %arg0: memref<?xf32>, %arg1: memref<4x8xf32>, %arg2: index, %arg3: f32) {
// CHECK-NEXT: affine.for %arg4 = 0 to %arg2 {
// CHECK-NEXT: affine.store %arg3, %arg0[%arg4 * 2 + 1] : memref<?xf32>
// CHECK-NEXT: }
// CHECK-NEXT: affine.for %arg4 = 0 to 4 {
// CHECK-NEXT: %0 = affine.vector_load %arg1[-%arg4 + 3, 0] : memref<4x8xf32>, vector<8xf32>
// CHECK-NEXT: affine.vector_store %0, %arg1[-%arg4 + 3, 0] : memref<4x8xf32>, vector<8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @store_compose(%A: memref<?xf32>, %V: memref<4x8xf32>, %n: index, %x: f32) {
  affine.for %i = 0 to %n {
    %j = affine.apply affine_map<(d0) -> (d0 * 2)>(%i)
    affine.store %x, %A[%j + 1] : memref<?xf32>
  }
  affine.for %i = 0 to 4 {
    %j = affine.apply affine_map<(d0) -> (3 - d0)>(%i)
    %v = affine.vector_load %V[%j, 0] : memref<4x8xf32>, vector<8xf32>
    affine.vector_store %v, %V[%j, 0] : memref<4x8xf32>, vector<8xf32>
  }
  return
}


// -----

// affine.dma_start and affine.dma_wait fold memref.cast operands away (memref::foldMemRefCast).
// CHECK: module {
// CHECK-LABEL: func.func @dma_fold_cast(
// CHECK-SAME: %arg0: memref<4xf32>, %arg1: memref<8xf32, 1>, %arg2: memref<1xi32>, %arg3: index) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: affine.dma_start %arg0[%c0], %arg1[%c0], %arg2[%c0], %arg3 : memref<4xf32>, memref<8xf32, 1>, memref<1xi32>
// CHECK-NEXT: affine.dma_wait %arg2[%c0], %arg3 : memref<1xi32>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @dma_fold_cast(%A: memref<4xf32>, %B: memref<8xf32, 1>, %T: memref<1xi32>, %n: index) {
  %c0 = arith.constant 0 : index
  %a = memref.cast %A : memref<4xf32> to memref<?xf32>
  %t = memref.cast %T : memref<1xi32> to memref<?xi32>
  affine.dma_start %a[%c0], %B[%c0], %t[%c0], %n : memref<?xf32>, memref<8xf32, 1>, memref<?xi32>
  affine.dma_wait %t[%c0], %n : memref<?xi32>
  return
}
