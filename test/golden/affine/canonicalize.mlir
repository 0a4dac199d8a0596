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

// -----

// AffineForOp::fold: constant operands fold into constant bounds (max of a lower bound's results, min of an
// upper bound's); affine.apply producers compose into the bounds, which are canonicalized.
// CHECK: #map = affine_map<()[s0] -> (s0 floordiv 2 + 1)>
// CHECK-NEXT: #map1 = affine_map<()[s0] -> (s0 floordiv 2 + 4, s0, s0 floordiv 2 + 4)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @for_fold_bounds(
// CHECK-SAME: %arg0: index, %arg1: i32) -> (i32, i32) {
// CHECK-NEXT: %0 = affine.for %arg2 = 4 to 10 iter_args(%arg3 = %arg1) -> (i32) {
// CHECK-NEXT: %2 = arith.addi %arg3, %arg3 : i32
// CHECK-NEXT: affine.yield %2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %1 = affine.for %arg2 = #map()[%arg0] to min #map1()[%arg0] step 2 iter_args(%arg3 = %arg1) -> (i32) {
// CHECK-NEXT: %2 = arith.muli %arg3, %arg3 : i32
// CHECK-NEXT: affine.yield %2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0, %1 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @for_fold_bounds(%n: index, %x: i32) -> (i32, i32) {
  %c4 = arith.constant 4 : index
  %c12 = arith.constant 12 : index
  %r = affine.for %i = max affine_map<(d0) -> (d0, 1)>(%c4) to min affine_map<(d0)[s0] -> (d0 + s0, 10)>(%c4)[%c12] iter_args(%a = %x) -> (i32) {
    %s = arith.addi %a, %a : i32
    affine.yield %s : i32
  }
  %j = affine.apply affine_map<(d0) -> (d0 floordiv 2 + 1)>(%n)
  %q = affine.for %i = %j to min affine_map<(d0, d1) -> (d0 + 3, d1, d0 + 3)>(%j, %n) step 2 iter_args(%a = %x) -> (i32) {
    %s = arith.muli %a, %a : i32
    affine.yield %s : i32
  }
  return %r, %q : i32, i32
}

// -----

// AffineForEmptyLoopFolder: a body that only yields gives its initial values, a value from outside when the
// loop runs at least once, a swapped argument when it runs exactly once; not when it may run several times.
// CHECK: module {
// CHECK-LABEL: func.func @for_empty(
// CHECK-SAME: %arg0: i32, %arg1: i32, %arg2: i32, %arg3: index) -> (i32, i32, i32, i32, i32, i32, i32, i32) {
// CHECK-NEXT: %0:2 = affine.for %arg4 = 0 to 2 iter_args(%arg5 = %arg0, %arg6 = %arg1) -> (i32, i32) {
// CHECK-NEXT: affine.yield %arg6, %arg5 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: return %arg0, %arg1, %arg2, %arg1, %arg1, %arg0, %0#0, %0#1 : i32, i32, i32, i32, i32, i32, i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @for_empty(%x: i32, %y: i32, %z: i32, %n: index) -> (i32, i32, i32, i32, i32, i32, i32, i32) {
  %a:2 = affine.for %i = 0 to %n iter_args(%p = %x, %q = %y) -> (i32, i32) {
    affine.yield %p, %q : i32, i32
  }
  %b:2 = affine.for %i = 0 to 3 iter_args(%p = %x, %q = %y) -> (i32, i32) {
    affine.yield %z, %q : i32, i32
  }
  %c:2 = affine.for %i = 0 to 1 iter_args(%p = %x, %q = %y) -> (i32, i32) {
    affine.yield %q, %p : i32, i32
  }
  %d:2 = affine.for %i = 0 to 2 iter_args(%p = %x, %q = %y) -> (i32, i32) {
    affine.yield %q, %p : i32, i32
  }
  return %a#0, %a#1, %b#0, %b#1, %c#0, %c#1, %d#0, %d#1 : i32, i32, i32, i32, i32, i32, i32, i32
}

// -----

// A loop with an unknown trip count that yields a value from outside stays.
// CHECK: module {
// CHECK-LABEL: func.func @for_empty_unknown(
// CHECK-SAME: %arg0: i32, %arg1: i32, %arg2: index) -> i32 {
// CHECK-NEXT: %0 = affine.for %arg3 = 0 to %arg2 iter_args(%arg4 = %arg0) -> (i32) {
// CHECK-NEXT: affine.yield %arg1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @for_empty_unknown(%x: i32, %z: i32, %n: index) -> i32 {
  %a = affine.for %i = 0 to %n iter_args(%p = %x) -> (i32) {
    affine.yield %z : i32
  }
  return %a : i32
}

// -----

// AffineParallelOp::fold: affine.apply producers compose into the bounds maps.
// CHECK: #map = affine_map<(d0, d1) -> (d0 * 3 + d1)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @parallel_fold_bounds(
// CHECK-SAME: %arg0: index, %arg1: memref<?xindex>) {
// CHECK-NEXT: affine.parallel (%arg2, %arg3) = (2, 0) to (min(symbol(%arg0) mod 3 + 2, 4), symbol(%arg0) mod 3 + 1) {
// CHECK-NEXT: %0 = affine.apply #map(%arg2, %arg3)
// CHECK-NEXT: affine.store %0, %arg1[%arg2 * 3 + %arg3] : memref<?xindex>
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @parallel_fold_bounds(%n: index, %A: memref<?xindex>) {
  %j = affine.apply affine_map<(d0) -> (d0 mod 3 + 1)>(%n)
  %c2 = arith.constant 2 : index
  affine.parallel (%i, %k) = (%c2, 0) to (min(%j + 1, 4), %j) {
    %s = affine.apply affine_map<(d0, d1) -> (d0 * 3 + d1)>(%i, %k)
    affine.store %s, %A[%s] : memref<?xindex>
  }
  return
}

// -----

// SimplifyDeadElse: an else region that only yields goes; AlwaysTrueOrFalseIf: the universe and the empty set.
// CHECK: #set = affine_set<()[s0] : (s0 - 1 >= 0)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @if_else_and_trivial(
// CHECK-SAME: %arg0: index, %arg1: memref<4xi32>, %arg2: i32) {
// CHECK-NEXT: affine.if #set()[%arg0] {
// CHECK-NEXT: affine.store %arg2, %arg1[symbol(%arg0) mod 4] : memref<4xi32>
// CHECK-NEXT: }
// CHECK-NEXT: affine.if #set()[%arg0] {
// CHECK-NEXT: affine.store %arg2, %arg1[symbol(%arg0) mod 4] : memref<4xi32>
// CHECK-NEXT: } else {
// CHECK-NEXT: affine.store %arg2, %arg1[symbol(%arg0) floordiv 4] : memref<4xi32>
// CHECK-NEXT: }
// CHECK-NEXT: affine.store %arg2, %arg1[symbol(%arg0) mod 2] : memref<4xi32>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @if_else_and_trivial(%i: index, %A: memref<4xi32>, %v: i32) {
  affine.if affine_set<(d0) : (d0 - 1 >= 0)>(%i) {
    affine.store %v, %A[%i mod 4] : memref<4xi32>
  } else {
  }
  affine.if affine_set<(d0) : (d0 - 1 >= 0)>(%i) {
    affine.store %v, %A[%i mod 4] : memref<4xi32>
  } else {
    affine.store %v, %A[%i floordiv 4] : memref<4xi32>
  }
  affine.if affine_set<(d0) : (1 == 0)>(%i) {
    affine.store %v, %A[%i mod 4] : memref<4xi32>
  }
  affine.if affine_set<(d0) : (0 == 0)>(%i) {
    affine.store %v, %A[%i mod 2] : memref<4xi32>
  }
  return
}

// -----

// AffineIfOp::fold: affine.apply producers compose into the condition, constant symbols fold in, unused
// operands go.
// CHECK: #set = affine_set<()[s0] : (s0 * 2 - 2 >= 0, 0 >= 0)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @if_fold_condition(
// CHECK-SAME: %arg0: index, %arg1: index, %arg2: i32, %arg3: i32) -> i32 {
// CHECK-NEXT: %0 = affine.if #set()[%arg0] -> i32 {
// CHECK-NEXT: affine.yield %arg2 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: affine.yield %arg3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @if_fold_condition(%i: index, %n: index, %x: i32, %y: i32) -> i32 {
  %j = affine.apply affine_map<(d0) -> (d0 * 2 + 1)>(%i)
  %c3 = arith.constant 3 : index
  %r = affine.if affine_set<(d0, d1)[s0] : (d0 - s0 >= 0, d1 - d1 >= 0)>(%j, %n)[%c3] -> i32 {
    affine.yield %x : i32
  } else {
    affine.yield %y : i32
  }
  return %r : i32
}

// -----

// SimplifyAffineOp on affine.prefetch; MergeAffineMinMaxOp. A deliberate difference: MLIR 16 rebuilds the
// prefetch with its locality hint and read/write flag swapped (`read, locality<2>` becomes `write, locality<0>`);
// Tensile keeps the op's hints.
// CHECK: #map = affine_map<()[s0, s1, s2] -> (s2 * 8, s1 + 16, s0 + 4)>
// CHECK-NEXT: #map1 = affine_map<()[s0, s1] -> (s0 floordiv 2, 7, s1 * 2)>
// CHECK-NEXT: module {
// CHECK-LABEL: func.func @prefetch_and_merge(
// CHECK-SAME: %arg0: memref<8x8xf32>, %arg1: index, %arg2: index, %arg3: index) -> (index, index) {
// CHECK-NEXT: affine.prefetch %arg0[symbol(%arg1) + 1, symbol(%arg1)], read, locality<2>, data : memref<8x8xf32>
// CHECK-NEXT: %0 = affine.min #map()[%arg3, %arg2, %arg1]
// CHECK-NEXT: %1 = affine.max #map1()[%arg2, %arg1]
// CHECK-NEXT: return %0, %1 : index, index
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @prefetch_and_merge(%A: memref<8x8xf32>, %i: index, %n: index, %m: index) -> (index, index) {
  %j = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
  affine.prefetch %A[%j, %i], read, locality<2>, data : memref<8x8xf32>
  %p = affine.min affine_map<(d0)[s0] -> (s0 + 16, d0 * 8)>(%i)[%n]
  %q = affine.min affine_map<(d0)[s0] -> (s0 + 4, d0)>(%p)[%m]
  %r = affine.max affine_map<(d0) -> (d0 * 2, 7)>(%i)
  %s = affine.max affine_map<()[s0, s1] -> (s0, s1 floordiv 2)>()[%r, %n]
  return %q, %s : index, index
}
