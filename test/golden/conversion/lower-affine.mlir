// RUN: tensile-opt %s --lower-affine | FileCheck %s
// lower-affine on affine.apply (mod, floordiv, ceildiv, subtraction), min/max, for (max/min bounds, step, iter_args), if (with results, equalities), parallel (reductions, grouped bounds, steps), load/store, prefetch, vector_load/store and DMA. The CHECK lines are mlir-opt-16's output.

// CHECK-LABEL: func.func @apply(
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c-1 = arith.constant -1 : index
// CHECK-NEXT: %0 = arith.cmpi slt, %arg0, %c0 : index
// CHECK-NEXT: %1 = arith.subi %c-1, %arg0 : index
// CHECK-NEXT: %2 = arith.select %0, %1, %arg0 : index
// CHECK-NEXT: %3 = arith.divsi %2, %c4 : index
// CHECK-NEXT: %4 = arith.subi %c-1, %3 : index
// CHECK-NEXT: %5 = arith.select %0, %4, %3 : index
// CHECK-NEXT: %6 = arith.addi %5, %arg1 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: %7 = arith.remsi %arg0, %c3 : index
// CHECK-NEXT: %c0_0 = arith.constant 0 : index
// CHECK-NEXT: %8 = arith.cmpi slt, %7, %c0_0 : index
// CHECK-NEXT: %9 = arith.addi %7, %c3 : index
// CHECK-NEXT: %10 = arith.select %8, %9, %7 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c0_1 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %11 = arith.cmpi sle, %arg0, %c0_1 : index
// CHECK-NEXT: %12 = arith.subi %c0_1, %arg0 : index
// CHECK-NEXT: %13 = arith.subi %arg0, %c1 : index
// CHECK-NEXT: %14 = arith.select %11, %12, %13 : index
// CHECK-NEXT: %15 = arith.divsi %14, %c2 : index
// CHECK-NEXT: %16 = arith.subi %c0_1, %15 : index
// CHECK-NEXT: %17 = arith.addi %15, %c1 : index
// CHECK-NEXT: %18 = arith.select %11, %16, %17 : index
// CHECK-NEXT: %c-5 = arith.constant -5 : index
// CHECK-NEXT: %19 = arith.muli %arg1, %c-5 : index
// CHECK-NEXT: %20 = arith.addi %18, %19 : index
// CHECK-NEXT: %c-1_2 = arith.constant -1 : index
// CHECK-NEXT: %21 = arith.muli %arg1, %c-1_2 : index
// CHECK-NEXT: %22 = arith.addi %arg0, %21 : index
// CHECK-NEXT: %c7 = arith.constant 7 : index
// CHECK-NEXT: %23 = arith.addi %22, %c7 : index
// CHECK-NEXT: return %6, %10, %20, %23 : index, index, index, index
func.func @apply(%i: index, %n: index) -> (index, index, index, index) {
  %0 = affine.apply affine_map<(d0)[s0] -> (d0 floordiv 4 + s0)>(%i)[%n]
  %1 = affine.apply affine_map<(d0) -> (d0 mod 3)>(%i)
  %2 = affine.apply affine_map<(d0)[s0] -> (d0 ceildiv 2 - s0 * 5)>(%i)[%n]
  %3 = affine.apply affine_map<(d0, d1) -> (d0 - d1 + 7)>(%i, %n)
  return %0, %1, %2, %3 : index, index, index, index
}

// CHECK-LABEL: func.func @min_max(
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %0 = arith.cmpi slt, %arg0, %arg1 : index
// CHECK-NEXT: %1 = arith.select %0, %arg0, %arg1 : index
// CHECK-NEXT: %2 = arith.cmpi slt, %1, %c8 : index
// CHECK-NEXT: %3 = arith.select %2, %1, %c8 : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %4 = arith.cmpi sgt, %arg0, %c0 : index
// CHECK-NEXT: %5 = arith.select %4, %arg0, %c0 : index
// CHECK-NEXT: return %3, %5 : index, index
func.func @min_max(%i: index, %n: index) -> (index, index) {
  %0 = affine.min affine_map<(d0)[s0] -> (d0, s0, 8)>(%i)[%n]
  %1 = affine.max affine_map<(d0) -> (d0, 0)>(%i)
  return %0, %1 : index, index
}

// CHECK-LABEL: func.func @loops(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c-3 = arith.constant -3 : index
// CHECK-NEXT: %0 = arith.addi %arg1, %c-3 : index
// CHECK-NEXT: %1 = arith.cmpi sgt, %c0, %0 : index
// CHECK-NEXT: %2 = arith.select %1, %c0, %0 : index
// CHECK-NEXT: %c10 = arith.constant 10 : index
// CHECK-NEXT: %3 = arith.cmpi slt, %arg1, %c10 : index
// CHECK-NEXT: %4 = arith.select %3, %arg1, %c10 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: scf.for %arg3 = %2 to %4 step %c2 {
// CHECK-NEXT: %c0_0 = arith.constant 0 : index
// CHECK-NEXT: %c10_1 = arith.constant 10 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: scf.for %arg4 = %c0_0 to %c10_1 step %c1 {
// CHECK-NEXT: %5 = memref.load %arg0[%arg3, %arg4] : memref<10x10xf32>
// CHECK-NEXT: %6 = arith.addf %5, %arg2 : f32
// CHECK-NEXT: memref.store %6, %arg0[%arg4, %arg3] : memref<10x10xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @loops(%m: memref<10x10xf32>, %n: index, %x: f32) {
  affine.for %i = max affine_map<()[s0] -> (0, s0 - 3)>()[%n] to min affine_map<()[s0] -> (s0, 10)>()[%n] step 2 {
    affine.for %j = 0 to 10 {
      %v = affine.load %m[%i, %j] : memref<10x10xf32>
      %w = arith.addf %v, %x : f32
      affine.store %w, %m[%j, %i + 0] : memref<10x10xf32>
    }
  }
  return
}

// CHECK-LABEL: func.func @iter(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %0 = scf.for %arg2 = %c0 to %c8 step %c1 iter_args(%arg3 = %arg1) -> (f32) {
// CHECK-NEXT: %1 = memref.load %arg0[%arg2] : memref<8xf32>
// CHECK-NEXT: %2 = arith.addf %arg3, %1 : f32
// CHECK-NEXT: scf.yield %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : f32
func.func @iter(%m: memref<8xf32>, %z: f32) -> f32 {
  %r = affine.for %i = 0 to 8 iter_args(%acc = %z) -> (f32) {
    %v = affine.load %m[%i] : memref<8xf32>
    %s = arith.addf %acc, %v : f32
    affine.yield %s : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @if(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = arith.cmpi sge, %arg0, %c0 : index
// CHECK-NEXT: %c-1 = arith.constant -1 : index
// CHECK-NEXT: %1 = arith.muli %arg0, %c-1 : index
// CHECK-NEXT: %2 = arith.addi %1, %arg1 : index
// CHECK-NEXT: %c-1_0 = arith.constant -1 : index
// CHECK-NEXT: %3 = arith.addi %2, %c-1_0 : index
// CHECK-NEXT: %4 = arith.cmpi sge, %3, %c0 : index
// CHECK-NEXT: %5 = arith.andi %0, %4 : i1
// CHECK-NEXT: %6 = scf.if %5 -> (f32) {
// CHECK-NEXT: scf.yield %arg2 : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg3 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %6 : f32
func.func @if(%i: index, %n: index, %a: f32, %b: f32) -> f32 {
  %r = affine.if affine_set<(d0)[s0] : (d0 >= 0, s0 - d0 - 1 >= 0)>(%i)[%n] -> f32 {
    affine.yield %a : f32
  } else {
    affine.yield %b : f32
  }
  return %r : f32
}

// CHECK-LABEL: func.func @if_eq(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c-2 = arith.constant -2 : index
// CHECK-NEXT: %0 = arith.addi %arg0, %c-2 : index
// CHECK-NEXT: %1 = arith.cmpi eq, %0, %c0 : index
// CHECK-NEXT: scf.if %1 {
// CHECK-NEXT: memref.store %arg2, %arg1[%arg0] : memref<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @if_eq(%i: index, %m: memref<4xf32>, %a: f32) {
  affine.if affine_set<(d0) : (d0 - 2 == 0)>(%i) {
    affine.store %a, %m[%i] : memref<4xf32>
  }
  return
}

// CHECK-LABEL: func.func @parallel(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c0_0 = arith.constant 0 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c1_1 = arith.constant 1 : index
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %cst_2 = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %0:2 = scf.parallel (%arg1, %arg2) = (%c0, %c0_0) to (%c4, %c8) step (%c1, %c1_1) init (%cst, %cst_2) -> (f32, f32) {
// CHECK-NEXT: %1 = memref.load %arg0[%arg1, %arg2] : memref<4x8xf32>
// CHECK-NEXT: scf.reduce(%1)  : f32 {
// CHECK-NEXT: ^bb0(%arg3: f32, %arg4: f32):
// CHECK-NEXT: %2 = arith.addf %arg3, %arg4 : f32
// CHECK-NEXT: scf.reduce.return %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.reduce(%1)  : f32 {
// CHECK-NEXT: ^bb0(%arg3: f32, %arg4: f32):
// CHECK-NEXT: %2 = arith.maxf %arg3, %arg4 : f32
// CHECK-NEXT: scf.reduce.return %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %0#0, %0#1 : f32, f32
func.func @parallel(%m: memref<4x8xf32>) -> (f32, f32) {
  %r:2 = affine.parallel (%i, %j) = (0, 0) to (4, 8) reduce ("addf", "maxf") -> (f32, f32) {
    %v = affine.load %m[%i, %j] : memref<4x8xf32>
    affine.yield %v, %v : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}

// CHECK-LABEL: func.func @parallel_store(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c0_0 = arith.constant 0 : index
// CHECK-NEXT: %c-2 = arith.constant -2 : index
// CHECK-NEXT: %0 = arith.addi %arg2, %c-2 : index
// CHECK-NEXT: %1 = arith.cmpi sgt, %c0_0, %0 : index
// CHECK-NEXT: %2 = arith.select %1, %c0_0, %0 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %3 = arith.cmpi slt, %c8, %arg2 : index
// CHECK-NEXT: %4 = arith.select %3, %c8, %arg2 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: scf.parallel (%arg3, %arg4) = (%c0, %2) to (%c4, %4) step (%c2, %c1) {
// CHECK-NEXT: memref.store %arg1, %arg0[%arg3, %arg4] : memref<4x8xi32>
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @parallel_store(%m: memref<4x8xi32>, %x: i32, %n: index) {
  affine.parallel (%i, %j) = (0, max(0, %n - 2)) to (4, min(8, %n)) step (2, 1) {
    affine.store %x, %m[%i, %j] : memref<4x8xi32>
  }
  return
}

// CHECK-LABEL: func.func @parallel_int(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c2147483647_i32 = arith.constant 2147483647 : i32
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c-1_i32 = arith.constant -1 : i32
// CHECK-NEXT: %0:3 = scf.parallel (%arg1) = (%c0) to (%c4) step (%c1) init (%c2147483647_i32, %c0_i32, %c-1_i32) -> (i32, i32, i32) {
// CHECK-NEXT: %1 = memref.load %arg0[%arg1] : memref<4xi32>
// CHECK-NEXT: scf.reduce(%1)  : i32 {
// CHECK-NEXT: ^bb0(%arg2: i32, %arg3: i32):
// CHECK-NEXT: %2 = arith.minsi %arg2, %arg3 : i32
// CHECK-NEXT: scf.reduce.return %2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.reduce(%1)  : i32 {
// CHECK-NEXT: ^bb0(%arg2: i32, %arg3: i32):
// CHECK-NEXT: %2 = arith.maxui %arg2, %arg3 : i32
// CHECK-NEXT: scf.reduce.return %2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.reduce(%1)  : i32 {
// CHECK-NEXT: ^bb0(%arg2: i32, %arg3: i32):
// CHECK-NEXT: %2 = arith.andi %arg2, %arg3 : i32
// CHECK-NEXT: scf.reduce.return %2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %0#0, %0#1, %0#2 : i32, i32, i32
func.func @parallel_int(%m: memref<4xi32>) -> (i32, i32, i32) {
  %r:3 = affine.parallel (%i) = (0) to (4) reduce ("mins", "maxu", "andi") -> (i32, i32, i32) {
    %v = affine.load %m[%i] : memref<4xi32>
    affine.yield %v, %v, %v : i32, i32, i32
  }
  return %r#0, %r#1, %r#2 : i32, i32, i32
}

// CHECK-LABEL: func.func @vector_prefetch(
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %0 = arith.addi %arg1, %c4 : index
// CHECK-NEXT: memref.prefetch %arg0[%0], read, locality<3>, data : memref<16xf32>
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %1 = arith.muli %arg1, %c2 : index
// CHECK-NEXT: %2 = vector.load %arg0[%1] : memref<16xf32>, vector<4xf32>
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %3 = arith.addi %arg1, %c8 : index
// CHECK-NEXT: vector.store %2, %arg0[%3] : memref<16xf32>, vector<4xf32>
// CHECK-NEXT: return %2 : vector<4xf32>
func.func @vector_prefetch(%m: memref<16xf32>, %i: index) -> vector<4xf32> {
  affine.prefetch %m[%i + 4], read, locality<3>, data : memref<16xf32>
  %v = affine.vector_load %m[%i * 2] : memref<16xf32>, vector<4xf32>
  affine.vector_store %v, %m[%i + 8] : memref<16xf32>, vector<4xf32>
  return %v : vector<4xf32>
}

// CHECK-LABEL: func.func @dma(
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %0 = arith.addi %arg3, %c2 : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: memref.dma_start %arg0[%0], %arg1[%arg3], %arg4, %arg2[%c0] : memref<40xf32>, memref<40xf32, 2>, memref<1xi32>
// CHECK-NEXT: %c0_0 = arith.constant 0 : index
// CHECK-NEXT: memref.dma_wait %arg2[%c0_0], %arg4 : memref<1xi32>
// CHECK-NEXT: return
func.func @dma(%src: memref<40xf32>, %dst: memref<40xf32, 2>, %tag: memref<1xi32>, %i: index, %n: index) {
  affine.dma_start %src[%i + 2], %dst[%i], %tag[0], %n : memref<40xf32>, memref<40xf32, 2>, memref<1xi32>
  affine.dma_wait %tag[0], %n : memref<1xi32>
  return
}

