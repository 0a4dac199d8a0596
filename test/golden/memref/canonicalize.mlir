// RUN: tensile-opt %s --split-input-file --canonicalize | FileCheck %s
// memref folds and canonicalization patterns; the CHECK lines are mlir-opt-16 --canonicalize's output.

// A load, store or atomic of a memref.cast from a ranked memref uses the cast's source (foldMemRefCast).
// CHECK-LABEL: func.func @load_store_of_cast(%arg0: memref<4xf32>, %arg1: index, %arg2: f32) -> f32 {
// CHECK-NEXT: %0 = memref.load %arg0[%arg1] : memref<4xf32>
// CHECK-NEXT: memref.store %arg2, %arg0[%arg1] : memref<4xf32>
// CHECK-NEXT: %1 = memref.atomic_rmw addf %0, %arg0[%arg1] : (f32, memref<4xf32>) -> f32
// CHECK-NEXT: memref.prefetch %arg0[%arg1], write, locality<1>, instr : memref<4xf32>
// CHECK-NEXT: return %1 : f32
// CHECK-NEXT: }
func.func @load_store_of_cast(%m: memref<4xf32>, %i: index, %v: f32) -> f32 {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %x = memref.load %c[%i] : memref<?xf32>
  memref.store %v, %c[%i] : memref<?xf32>
  %old = memref.atomic_rmw addf %x, %c[%i] : (f32, memref<?xf32>) -> f32
  memref.prefetch %c[%i], write, locality<1>, instr : memref<?xf32>
  return %old : f32
}

// -----

// A cast of an unranked memref is not folded into its users.
// CHECK-LABEL: func.func @load_of_unranked_cast(%arg0: memref<*xf32>, %arg1: index) -> f32 {
// CHECK-NEXT: %cast = memref.cast %arg0 : memref<*xf32> to memref<?xf32>
// CHECK-NEXT: %0 = memref.load %cast[%arg1] : memref<?xf32>
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
func.func @load_of_unranked_cast(%u: memref<*xf32>, %i: index) -> f32 {
  %c = memref.cast %u : memref<*xf32> to memref<?xf32>
  %x = memref.load %c[%i] : memref<?xf32>
  return %x : f32
}

// -----

// A cast of a cast casts the original; a cast to its own type is its source.
// CHECK-LABEL: func.func @cast_of_cast(%arg0: memref<4xf32>) -> (memref<*xf32>, memref<4xf32>) {
// CHECK-NEXT: %cast = memref.cast %arg0 : memref<4xf32> to memref<*xf32>
// CHECK-NEXT: return %cast, %arg0 : memref<*xf32>, memref<4xf32>
// CHECK-NEXT: }
func.func @cast_of_cast(%m: memref<4xf32>) -> (memref<*xf32>, memref<4xf32>) {
  %a = memref.cast %m : memref<4xf32> to memref<?xf32>
  %b = memref.cast %a : memref<?xf32> to memref<*xf32>
  %c = memref.cast %m : memref<4xf32> to memref<4xf32>
  return %b, %c : memref<*xf32>, memref<4xf32>
}

// -----

// The rank of a ranked memref is a constant.
// CHECK-LABEL: func.func @rank(%arg0: memref<4x?xf32>) -> index {
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: return %c2 : index
// CHECK-NEXT: }
func.func @rank(%m: memref<4x?xf32>) -> index {
  %r = memref.rank %m : memref<4x?xf32>
  return %r : index
}

// -----

// DMA ops and transposes read through casts too.
// CHECK-LABEL: func.func @dma_of_cast(%arg0: memref<4xf32>, %arg1: memref<4xf32, 1>, %arg2: memref<1xi32>, %arg3: index, %arg4: index) {
// CHECK-NEXT: memref.dma_start %arg0[%arg3], %arg1[%arg3], %arg4, %arg2[%arg3] : memref<4xf32>, memref<4xf32, 1>, memref<1xi32>
// CHECK-NEXT: memref.dma_wait %arg2[%arg3], %arg4 : memref<1xi32>
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @dma_of_cast(%a: memref<4xf32>, %b: memref<4xf32, 1>, %tag: memref<1xi32>, %i: index, %n: index) {
  %ca = memref.cast %a : memref<4xf32> to memref<?xf32>
  %ct = memref.cast %tag : memref<1xi32> to memref<?xi32>
  memref.dma_start %ca[%i], %b[%i], %n, %ct[%i] : memref<?xf32>, memref<4xf32, 1>, memref<?xi32>
  memref.dma_wait %ct[%i], %n : memref<?xi32>
  return
}
