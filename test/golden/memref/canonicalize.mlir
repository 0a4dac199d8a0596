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

// -----

// Constant sizes of an allocation become static; a cast keeps the old type for the users.
// CHECK-LABEL: func.func @alloc_constant_sizes(%arg0: index) -> (memref<?x?xf32>, memref<?xf32>) {
// CHECK-NEXT: %alloc = memref.alloc(%arg0) : memref<4x?xf32>
// CHECK-NEXT: %cast = memref.cast %alloc : memref<4x?xf32> to memref<?x?xf32>
// CHECK-NEXT: %alloca = memref.alloca() : memref<4xf32>
// CHECK-NEXT: %cast_0 = memref.cast %alloca : memref<4xf32> to memref<?xf32>
// CHECK-NEXT: return %cast, %cast_0 : memref<?x?xf32>, memref<?xf32>
// CHECK-NEXT: }
func.func @alloc_constant_sizes(%n: index) -> (memref<?x?xf32>, memref<?xf32>) {
  %c4 = arith.constant 4 : index
  %m = memref.alloc(%c4, %n) : memref<?x?xf32>
  %a = memref.alloca(%c4) : memref<?xf32>
  return %m, %a : memref<?x?xf32>, memref<?xf32>
}

// -----

// An allocation only stored into and freed is erased with its users.
// CHECK-LABEL: func.func @dead_alloc(%arg0: f32, %arg1: index) {
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @dead_alloc(%v: f32, %i: index) {
  %m = memref.alloc() : memref<4xf32>
  memref.store %v, %m[%i] : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  %a = memref.alloca() : memref<4xf32>
  memref.store %v, %a[%i] : memref<4xf32>
  return
}

// -----

// dim of a static size is a constant; of a dynamic one, the allocation's size operand; of a reshape, a load of its shape.
// CHECK-LABEL: func.func @dim(%arg0: index, %arg1: memref<8xf32>, %arg2: memref<2xindex>) -> (index, index, index) {
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %0 = memref.load %arg2[%c1] : memref<2xindex>
// CHECK-NEXT: return %c4, %arg0, %0 : index, index, index
// CHECK-NEXT: }
func.func @dim(%n: index, %m: memref<8xf32>, %shape: memref<2xindex>) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.alloc(%n) : memref<4x?xf32>
  %d0 = memref.dim %a, %c0 : memref<4x?xf32>
  %d1 = memref.dim %a, %c1 : memref<4x?xf32>
  %r = memref.reshape %m(%shape) : (memref<8xf32>, memref<2xindex>) -> memref<?x?xf32>
  %d2 = memref.dim %r, %c1 : memref<?x?xf32>
  memref.dealloc %a : memref<4x?xf32>
  return %d0, %d1, %d2 : index, index, index
}

// -----

// An alloca_scope without allocations, or last in its scope, is inlined.
// CHECK-LABEL: func.func @alloca_scope(%arg0: f32, %arg1: f32) -> f32 {
// CHECK-NEXT: %0 = arith.addf %arg0, %arg1 : f32
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
func.func @alloca_scope(%a: f32, %b: f32) -> f32 {
  %r = memref.alloca_scope -> (f32) {
    %s = arith.addf %a, %b : f32
    memref.alloca_scope.return %s : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @alloca_scope_kept(%arg0: index, %arg1: f32) -> f32 {
// CHECK-NEXT: %alloca = memref.alloca() : memref<4xf32>
// CHECK-NEXT: memref.store %arg1, %alloca[%arg0] : memref<4xf32>
// CHECK-NEXT: %0 = memref.load %alloca[%arg0] : memref<4xf32>
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
func.func @alloca_scope_kept(%i: index, %v: f32) -> f32 {
  %r = memref.alloca_scope -> (f32) {
    %m = memref.alloca() : memref<4xf32>
    memref.store %v, %m[%i] : memref<4xf32>
    %x = memref.load %m[%i] : memref<4xf32>
    memref.alloca_scope.return %x : f32
  }
  return %r : f32
}

// -----

// Copies through casts use the casts' sources; a copy onto itself is erased.
// CHECK-LABEL: func.func @copy(%arg0: memref<4xf32>, %arg1: memref<4xf32>) {
// CHECK-NEXT: memref.copy %arg0, %arg1 : memref<4xf32> to memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @copy(%a: memref<4xf32>, %b: memref<4xf32>) {
  %c = memref.cast %a : memref<4xf32> to memref<?xf32>
  memref.copy %c, %b : memref<?xf32> to memref<4xf32>
  memref.copy %b, %b : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Constant arguments of a subview become static; a cast keeps the old type.
// CHECK-LABEL: func.func @subview_constants(%arg0: memref<8x8xf32>, %arg1: index) -> memref<?x?xf32, strided<[8, 1], offset: ?>> {
// CHECK-NEXT: %subview = memref.subview %arg0[2, %arg1] [4, 2] [1, 1] : memref<8x8xf32> to memref<4x2xf32, strided<[8, 1], offset: ?>>
// CHECK-NEXT: %cast = memref.cast %subview : memref<4x2xf32, strided<[8, 1], offset: ?>> to memref<?x?xf32, strided<[8, 1], offset: ?>>
// CHECK-NEXT: return %cast : memref<?x?xf32, strided<[8, 1], offset: ?>>
// CHECK-NEXT: }
func.func @subview_constants(%m: memref<8x8xf32>, %i: index) -> memref<?x?xf32, strided<[8, 1], offset: ?>> {
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %s = memref.subview %m[%c2, %i] [%c4, %c2] [1, 1] : memref<8x8xf32> to memref<?x?xf32, strided<[8, 1], offset: ?>>
  return %s : memref<?x?xf32, strided<[8, 1], offset: ?>>
}

// -----

// A subview of a cast to a more dynamic type takes the cast's source.
// CHECK-LABEL: func.func @subview_of_cast(%arg0: memref<8xf32>, %arg1: index) -> memref<4xf32, strided<[1], offset: ?>> {
// CHECK-NEXT: %subview = memref.subview %arg0[%arg1] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT: return %subview : memref<4xf32, strided<[1], offset: ?>>
// CHECK-NEXT: }
func.func @subview_of_cast(%m: memref<8xf32>, %o: index) -> memref<4xf32, strided<[1], offset: ?>> {
  %c = memref.cast %m : memref<8xf32> to memref<?xf32>
  %s = memref.subview %c[%o] [4] [1] : memref<?xf32> to memref<4xf32, strided<[1], offset: ?>>
  return %s : memref<4xf32, strided<[1], offset: ?>>
}

// -----

// A subview of the whole source is the source (or a cast of it).
// CHECK-LABEL: func.func @subview_trivial(%arg0: memref<4x4xf32>) -> (memref<4x4xf32, strided<[4, 1]>>, memref<4x4xf32>) {
// CHECK-NEXT: %cast = memref.cast %arg0 : memref<4x4xf32> to memref<4x4xf32, strided<[4, 1]>>
// CHECK-NEXT: return %cast, %arg0 : memref<4x4xf32, strided<[4, 1]>>, memref<4x4xf32>
// CHECK-NEXT: }
func.func @subview_trivial(%m: memref<4x4xf32>) -> (memref<4x4xf32, strided<[4, 1]>>, memref<4x4xf32>) {
  %s = memref.subview %m[0, 0] [4, 4] [1, 1] : memref<4x4xf32> to memref<4x4xf32, strided<[4, 1]>>
  %t = memref.subview %m[0, 0] [4, 4] [1, 1] : memref<4x4xf32> to memref<4x4xf32>
  return %s, %t : memref<4x4xf32, strided<[4, 1]>>, memref<4x4xf32>
}

// -----

// A dealloc of a cast frees the cast's source.
// CHECK-LABEL: func.func @dealloc_of_cast(%arg0: memref<4xf32>) {
// CHECK-NEXT: memref.dealloc %arg0 : memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @dealloc_of_cast(%m: memref<4xf32>) {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  memref.dealloc %c : memref<?xf32>
  return
}

// -----

// A copy from a cast to a more static type also reads the cast's source (MLIR 16's FoldCopyOfCast only asks that
// the source be ranked).
// CHECK-LABEL: func.func @copy_of_static_cast(%arg0: memref<?xf32>, %arg1: memref<4xf32>) {
// CHECK-NEXT: memref.copy %arg0, %arg1 : memref<?xf32> to memref<4xf32>
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @copy_of_static_cast(%a: memref<?xf32>, %b: memref<4xf32>) {
  %c = memref.cast %a : memref<?xf32> to memref<4xf32>
  memref.copy %c, %b : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A realloc whose result is only freed is erased too (MLIR 16's SimplifyDeadAlloc on realloc).
// CHECK-LABEL: func.func @dead_realloc(%arg0: memref<4xf32>) {
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @dead_realloc(%m: memref<4xf32>) {
  %r = memref.realloc %m : memref<4xf32> to memref<8xf32>
  memref.dealloc %r : memref<8xf32>
  return
}
