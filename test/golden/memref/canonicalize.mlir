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

// -----

// AllocaScopeHoister: the scope's allocations move in front of the if (the scope is then inlined, being last
// in its region and allocating nothing more).
// CHECK-LABEL: func.func @alloca_scope_hoist(%arg0: i1, %arg1: f32) -> f32 {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %alloca = memref.alloca() : memref<2xf32>
// CHECK-NEXT: %0 = scf.if %arg0 -> (f32) {
// CHECK-NEXT: memref.store %arg1, %alloca[%c0] : memref<2xf32>
// CHECK-NEXT: %1 = memref.load %alloca[%c0] : memref<2xf32>
// CHECK-NEXT: scf.yield %1 : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
func.func @alloca_scope_hoist(%c: i1, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %r = scf.if %c -> (f32) {
    %s = memref.alloca_scope -> (f32) {
      %a = memref.alloca() : memref<2xf32>
      memref.store %x, %a[%c0] : memref<2xf32>
      %v = memref.load %a[%c0] : memref<2xf32>
      memref.alloca_scope.return %v : f32
    }
    scf.yield %s : f32
  } else {
    scf.yield %x : f32
  }
  return %r : f32
}

// -----

// AllocaScopeHoister's near misses: the scope is not last in the if's region; an allocation's size is
// defined inside the if.
// CHECK-LABEL: func.func @alloca_scope_not_last(%arg0: i1, %arg1: f32) -> f32 {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = scf.if %arg0 -> (f32) {
// CHECK-NEXT: %1 = memref.alloca_scope  -> (f32) {
// CHECK-NEXT: %alloca = memref.alloca() : memref<2xf32>
// CHECK-NEXT: memref.store %arg1, %alloca[%c0] : memref<2xf32>
// CHECK-NEXT: %3 = memref.load %alloca[%c0] : memref<2xf32>
// CHECK-NEXT: memref.alloca_scope.return %3 : f32
// CHECK-NEXT: }
// CHECK-NEXT: %2 = arith.addf %1, %arg1 : f32
// CHECK-NEXT: scf.yield %2 : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
func.func @alloca_scope_not_last(%c: i1, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %r = scf.if %c -> (f32) {
    %s = memref.alloca_scope -> (f32) {
      %a = memref.alloca() : memref<2xf32>
      memref.store %x, %a[%c0] : memref<2xf32>
      %v = memref.load %a[%c0] : memref<2xf32>
      memref.alloca_scope.return %v : f32
    }
    %t = arith.addf %s, %x : f32
    scf.yield %t : f32
  } else {
    scf.yield %x : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @alloca_scope_local_size(%arg0: i1, %arg1: f32, %arg2: index) -> f32 {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = scf.if %arg0 -> (f32) {
// CHECK-NEXT: %1 = arith.addi %arg2, %arg2 : index
// CHECK-NEXT: %2 = memref.alloca_scope  -> (f32) {
// CHECK-NEXT: %alloca = memref.alloca(%1) : memref<?xf32>
// CHECK-NEXT: memref.store %arg1, %alloca[%c0] : memref<?xf32>
// CHECK-NEXT: %3 = memref.load %alloca[%c0] : memref<?xf32>
// CHECK-NEXT: memref.alloca_scope.return %3 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %2 : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
func.func @alloca_scope_local_size(%c: i1, %x: f32, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %q = scf.if %c -> (f32) {
    %m = arith.addi %n, %n : index
    %s = memref.alloca_scope -> (f32) {
      %a = memref.alloca(%m) : memref<?xf32>
      memref.store %x, %a[%c0] : memref<?xf32>
      %v = memref.load %a[%c0] : memref<?xf32>
      memref.alloca_scope.return %v : f32
    }
    scf.yield %s : f32
  } else {
    scf.yield %x : f32
  }
  return %q : f32
}

// -----

// ExtractStridedMetadataOp::fold: the results the type gives statically are constants.
// CHECK-LABEL: func.func @metadata_constants(%arg0: memref<2x?xf32, strided<[?, 1], offset: 3>>) -> (index, index, index, index, index) {
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<2x?xf32, strided<[?, 1], offset: 3>> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: return %c3, %c2, %sizes#1, %strides#0, %c1 : index, index, index, index, index
// CHECK-NEXT: }
func.func @metadata_constants(%m: memref<2x?xf32, strided<[?, 1], offset: 3>>) -> (index, index, index, index, index) {
  %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<2x?xf32, strided<[?, 1], offset: 3>> -> memref<f32>, index, index, index, index, index
  return %offset, %sizes#0, %sizes#1, %strides#0, %strides#1 : index, index, index, index, index
}

// -----

// ReinterpretCastOpExtractStridedMetadataFolder: rebuilding what was taken apart is the source (or a cast of
// it); another shape stays.
// CHECK-LABEL: func.func @reinterpret_of_metadata(%arg0: memref<3x4xf32>) -> (memref<3x4xf32>, memref<?x4xf32>, memref<4x3xf32>) {
// CHECK-NEXT: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %arg0 : memref<3x4xf32> -> memref<f32>, index, index, index, index, index
// CHECK-NEXT: %cast = memref.cast %arg0 : memref<3x4xf32> to memref<?x4xf32>
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %base_buffer to offset: [0], sizes: [4, 3], strides: [3, 1] : memref<f32> to memref<4x3xf32>
// CHECK-NEXT: return %arg0, %cast, %reinterpret_cast : memref<3x4xf32>, memref<?x4xf32>, memref<4x3xf32>
// CHECK-NEXT: }
func.func @reinterpret_of_metadata(%m: memref<3x4xf32>) -> (memref<3x4xf32>, memref<?x4xf32>, memref<4x3xf32>) {
  %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<3x4xf32> -> memref<f32>, index, index, index, index, index
  %a = memref.reinterpret_cast %base to offset: [%offset], sizes: [%sizes#0, %sizes#1], strides: [%strides#0, %strides#1] : memref<f32> to memref<3x4xf32>
  %b = memref.reinterpret_cast %base to offset: [0], sizes: [%sizes#0, 4], strides: [4, 1] : memref<f32> to memref<?x4xf32>
  %c = memref.reinterpret_cast %base to offset: [0], sizes: [4, 3], strides: [3, 1] : memref<f32> to memref<4x3xf32>
  return %a, %b, %c : memref<3x4xf32>, memref<?x4xf32>, memref<4x3xf32>
}

// -----

// ReinterpretCastOp::fold: a reinterpret_cast reads its source's base, so it looks through casts, other
// reinterpret_casts and subviews at offset zero; not through a subview elsewhere.
// CHECK-LABEL: func.func @reinterpret_fold(%arg0: memref<4x4xf32>, %arg1: index) -> (memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>) {
// CHECK-NEXT: %reinterpret_cast = memref.reinterpret_cast %arg0 to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<4x4xf32> to memref<2x2xf32>
// CHECK-NEXT: %reinterpret_cast_0 = memref.reinterpret_cast %arg0 to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<4x4xf32> to memref<2x2xf32>
// CHECK-NEXT: %reinterpret_cast_1 = memref.reinterpret_cast %arg0 to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<4x4xf32> to memref<2x2xf32>
// CHECK-NEXT: %subview = memref.subview %arg0[%arg1, 0] [2, 2] [1, 1] : memref<4x4xf32> to memref<2x2xf32, strided<[4, 1], offset: ?>>
// CHECK-NEXT: %reinterpret_cast_2 = memref.reinterpret_cast %subview to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<2x2xf32, strided<[4, 1], offset: ?>> to memref<2x2xf32>
// CHECK-NEXT: return %reinterpret_cast, %reinterpret_cast_0, %reinterpret_cast_1, %reinterpret_cast_2 : memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>
// CHECK-NEXT: }
func.func @reinterpret_fold(%m: memref<4x4xf32>, %i: index) -> (memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>) {
  %c = memref.cast %m : memref<4x4xf32> to memref<?x?xf32>
  %a = memref.reinterpret_cast %c to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<?x?xf32> to memref<2x2xf32>
  %r = memref.reinterpret_cast %m to offset: [0], sizes: [16], strides: [1] : memref<4x4xf32> to memref<16xf32>
  %b = memref.reinterpret_cast %r to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<16xf32> to memref<2x2xf32>
  %s = memref.subview %m[0, 0] [2, 2] [1, 1] : memref<4x4xf32> to memref<2x2xf32, strided<[4, 1]>>
  %d = memref.reinterpret_cast %s to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<2x2xf32, strided<[4, 1]>> to memref<2x2xf32>
  %t = memref.subview %m[%i, 0] [2, 2] [1, 1] : memref<4x4xf32> to memref<2x2xf32, strided<[4, 1], offset: ?>>
  %e = memref.reinterpret_cast %t to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<2x2xf32, strided<[4, 1], offset: ?>> to memref<2x2xf32>
  return %a, %b, %d, %e : memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>, memref<2x2xf32>
}

// -----

// ComposeReassociativeReshapeOps, and the fold of a reshape of its inverse.
// CHECK-LABEL: func.func @reshape_chains(%arg0: memref<12xf32>, %arg1: memref<3x2x2xf32>, %arg2: memref<2x6xf32>) -> (memref<3x2x2xf32>, memref<12xf32>, memref<2x6xf32>) {
// CHECK-NEXT: %expand_shape = memref.expand_shape %arg0 {{\[}}[0, 1, 2]] : memref<12xf32> into memref<3x2x2xf32>
// CHECK-NEXT: %collapse_shape = memref.collapse_shape %arg1 {{\[}}[0, 1, 2]] : memref<3x2x2xf32> into memref<12xf32>
// CHECK-NEXT: return %expand_shape, %collapse_shape, %arg2 : memref<3x2x2xf32>, memref<12xf32>, memref<2x6xf32>
// CHECK-NEXT: }
func.func @reshape_chains(%m: memref<12xf32>, %n: memref<3x2x2xf32>, %p: memref<2x6xf32>) -> (memref<3x2x2xf32>, memref<12xf32>, memref<2x6xf32>) {
  %a = memref.expand_shape %m [[0, 1]] : memref<12xf32> into memref<3x4xf32>
  %b = memref.expand_shape %a [[0], [1, 2]] : memref<3x4xf32> into memref<3x2x2xf32>
  %c = memref.collapse_shape %n [[0], [1, 2]] : memref<3x2x2xf32> into memref<3x4xf32>
  %d = memref.collapse_shape %c [[0, 1]] : memref<3x4xf32> into memref<12xf32>
  %e = memref.collapse_shape %p [[0, 1]] : memref<2x6xf32> into memref<12xf32>
  %f = memref.expand_shape %e [[0, 1]] : memref<12xf32> into memref<2x6xf32>
  return %b, %d, %f : memref<3x2x2xf32>, memref<12xf32>, memref<2x6xf32>
}

// -----

// ComposeCollapseOfExpandOp and ComposeExpandOfCollapseOp; a group straddling two of the other reshape's stays.
// CHECK-LABEL: func.func @reshape_pairs(%arg0: memref<6x5xf32>, %arg1: memref<2x3x4xf32>, %arg2: memref<6x4xf32>) -> (memref<30xf32>, memref<2x15xf32>, memref<6x4xf32>, memref<2x3x4xf32>, memref<4x6xf32>) {
// CHECK-NEXT: %expand_shape = memref.expand_shape %arg0 {{\[}}[0, 1], [2]] : memref<6x5xf32> into memref<2x3x5xf32>
// CHECK-NEXT: %collapse_shape = memref.collapse_shape %arg0 {{\[}}[0, 1]] : memref<6x5xf32> into memref<30xf32>
// CHECK-NEXT: %collapse_shape_0 = memref.collapse_shape %expand_shape {{\[}}[0], [1, 2]] : memref<2x3x5xf32> into memref<2x15xf32>
// CHECK-NEXT: %collapse_shape_1 = memref.collapse_shape %arg1 {{\[}}[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
// CHECK-NEXT: %collapse_shape_2 = memref.collapse_shape %arg1 {{\[}}[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
// CHECK-NEXT: %expand_shape_3 = memref.expand_shape %arg2 {{\[}}[0, 1], [2]] : memref<6x4xf32> into memref<2x3x4xf32>
// CHECK-NEXT: %expand_shape_4 = memref.expand_shape %collapse_shape_1 {{\[}}[0, 1]] : memref<24xf32> into memref<4x6xf32>
// CHECK-NEXT: return %collapse_shape, %collapse_shape_0, %collapse_shape_2, %expand_shape_3, %expand_shape_4 : memref<30xf32>, memref<2x15xf32>, memref<6x4xf32>, memref<2x3x4xf32>, memref<4x6xf32>
// CHECK-NEXT: }
func.func @reshape_pairs(%m: memref<6x5xf32>, %n: memref<2x3x4xf32>, %q: memref<6x4xf32>) -> (memref<30xf32>, memref<2x15xf32>, memref<6x4xf32>, memref<2x3x4xf32>, memref<4x6xf32>) {
  %a = memref.expand_shape %m [[0, 1], [2]] : memref<6x5xf32> into memref<2x3x5xf32>
  %b = memref.collapse_shape %a [[0, 1, 2]] : memref<2x3x5xf32> into memref<30xf32>
  %c = memref.collapse_shape %a [[0], [1, 2]] : memref<2x3x5xf32> into memref<2x15xf32>
  %d = memref.collapse_shape %n [[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
  %e = memref.expand_shape %d [[0, 1]] : memref<24xf32> into memref<6x4xf32>
  %f = memref.collapse_shape %q [[0, 1]] : memref<6x4xf32> into memref<24xf32>
  %g = memref.expand_shape %f [[0, 1, 2]] : memref<24xf32> into memref<2x3x4xf32>
  %h = memref.expand_shape %d [[0, 1]] : memref<24xf32> into memref<4x6xf32>
  return %b, %c, %e, %g, %h : memref<30xf32>, memref<2x15xf32>, memref<6x4xf32>, memref<2x3x4xf32>, memref<4x6xf32>
}

// -----

// CollapseShapeOpMemRefCastFolder.
// CHECK-LABEL: func.func @collapse_of_cast(%arg0: memref<2x4xf32>) -> memref<?xf32> {
// CHECK-NEXT: %collapse_shape = memref.collapse_shape %arg0 {{\[}}[0, 1]] : memref<2x4xf32> into memref<8xf32>
// CHECK-NEXT: %cast = memref.cast %collapse_shape : memref<8xf32> to memref<?xf32>
// CHECK-NEXT: return %cast : memref<?xf32>
// CHECK-NEXT: }
func.func @collapse_of_cast(%m: memref<2x4xf32>) -> memref<?xf32> {
  %c = memref.cast %m : memref<2x4xf32> to memref<?x4xf32>
  %r = memref.collapse_shape %c [[0, 1]] : memref<?x4xf32> into memref<?xf32>
  return %r : memref<?xf32>
}

// -----

// ViewOpShapeFolder and ViewOpMemrefCastFolder.
// CHECK-LABEL: func.func @views(%arg0: index, %arg1: index) -> (memref<?x?xf32>, memref<4x4xf32>) {
// CHECK-NEXT: %alloc = memref.alloc() : memref<2048xi8>
// CHECK-NEXT: %view = memref.view %alloc[%arg1][%arg0] : memref<2048xi8> to memref<4x?xf32>
// CHECK-NEXT: %cast = memref.cast %view : memref<4x?xf32> to memref<?x?xf32>
// CHECK-NEXT: %view_0 = memref.view %alloc[%arg1][] : memref<2048xi8> to memref<4x4xf32>
// CHECK-NEXT: return %cast, %view_0 : memref<?x?xf32>, memref<4x4xf32>
// CHECK-NEXT: }
func.func @views(%n: index, %shift: index) -> (memref<?x?xf32>, memref<4x4xf32>) {
  %c4 = arith.constant 4 : index
  %buf = memref.alloc() : memref<2048xi8>
  %v = memref.view %buf[%shift][%c4, %n] : memref<2048xi8> to memref<?x?xf32>
  %c = memref.cast %buf : memref<2048xi8> to memref<?xi8>
  %w = memref.view %c[%shift][] : memref<?xi8> to memref<4x4xf32>
  return %v, %w : memref<?x?xf32>, memref<4x4xf32>
}

// -----

// The fold of collapse_shape: a collapse of an expansion back to its source's type is the source.
// CHECK-LABEL: func.func @collapse_of_expand_fold(%arg0: memref<12xf32>) -> memref<12xf32> {
// CHECK-NEXT: return %arg0 : memref<12xf32>
// CHECK-NEXT: }
func.func @collapse_of_expand_fold(%m: memref<12xf32>) -> memref<12xf32> {
  %e = memref.expand_shape %m [[0, 1]] : memref<12xf32> into memref<3x4xf32>
  %c = memref.collapse_shape %e [[0, 1]] : memref<3x4xf32> into memref<12xf32>
  return %c : memref<12xf32>
}
