// RUN: tensile-opt %s --allow-unregistered-dialect | FileCheck %s
// affine.parallel (bounds with max/min groups, steps, reductions) and the DMA ops in their custom form; the CHECK
// lines are mlir-opt-16's output.
// CHECK: module {
// CHECK-LABEL: func.func @parallel_and_dma(%arg0: memref<10x10xf32>, %arg1: index, %arg2: index) -> f32 {
// CHECK-NEXT: %0 = affine.parallel (%arg3, %arg4) = (0, max(%arg1, 2)) to (min(%arg1 + 3, 10), %arg2) step (2, 3) reduce ("addf") -> (f32) {
// CHECK-NEXT: %2 = affine.load %arg0[%arg3, %arg4] : memref<10x10xf32>
// CHECK-NEXT: affine.yield %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: affine.parallel (%arg3) = (0) to (10) {
// CHECK-NEXT: }
// CHECK-NEXT: affine.parallel () = () to () {
// CHECK-NEXT: }
// CHECK-NEXT: %1:2 = affine.parallel (%arg3, %arg4) = (max(%arg1 * 2, symbol(%arg2)), %arg2 floordiv 2) to (%arg1 + symbol(%arg2), min(%arg2, %arg1, 4)) reduce ("maxf", "muli") -> (f32, i32) {
// CHECK-NEXT: %2 = affine.load %arg0[%arg3, %arg4] : memref<10x10xf32>
// CHECK-NEXT: %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT: affine.yield %2, %c3_i32 : f32, i32
// CHECK-NEXT: } {foo = 1 : i64}
// CHECK-NEXT: %alloc = memref.alloc() : memref<1xi32>
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %alloc_0 = memref.alloc() : memref<100xf32, 1>
// CHECK-NEXT: affine.dma_start %arg0[%arg1, %arg2 + 1], %alloc_0[%c0 * 2], %alloc[%c0], %arg1 : memref<10x10xf32>, memref<100xf32, 1>, memref<1xi32>
// CHECK-NEXT: affine.dma_start %arg0[%arg1, %arg2 + 1], %alloc_0[symbol(%c0) * 2], %alloc[%c0], %arg1, %arg2, %c0 : memref<10x10xf32>, memref<100xf32, 1>, memref<1xi32>
// CHECK-NEXT: affine.dma_wait %alloc[%c0], %arg1 : memref<1xi32>
// CHECK-NEXT: return %0 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @parallel_and_dma(%A: memref<10x10xf32>, %n: index, %m: index) -> f32 {
  %r = affine.parallel (%i, %j) = (0, max(%n, 2)) to (min(%n + 3, 10), %m) step (2, 3) reduce ("addf") -> (f32) {
    %v = affine.load %A[%i, %j] : memref<10x10xf32>
    affine.yield %v : f32
  }
  affine.parallel (%i) = (0) to (10) {
  }
  affine.parallel () = () to () {
  }
  %r2:2 = affine.parallel (%i, %j) = (max(%n * 2, symbol(%m)), %m floordiv 2) to (%n + symbol(%m), min(%m, %n, 4)) reduce ("maxf", "muli") -> (f32, i32) {
    %v = affine.load %A[%i, %j] : memref<10x10xf32>
    %c = arith.constant 3 : i32
    affine.yield %v, %c : f32, i32
  } {foo = 1}
  %t = memref.alloc() : memref<1xi32>
  %c = arith.constant 0 : index
  %B = memref.alloc() : memref<100xf32, 1>
  affine.dma_start %A[%n, %m + 1], %B[%c * 2], %t[%c], %n : memref<10x10xf32>, memref<100xf32, 1>, memref<1xi32>
  affine.dma_start %A[%n, %m + 1], %B[symbol(%c) * 2], %t[%c], %n, %m, %c : memref<10x10xf32>, memref<100xf32, 1>, memref<1xi32>
  affine.dma_wait %t[%c], %n : memref<1xi32>
  return %r : f32
}
