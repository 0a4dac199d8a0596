// RUN: tensile-opt %s --canonicalize | FileCheck %s
// omp canonicalization patterns; the CHECK lines are mlir-opt-16 --canonicalize's output.

// An atomic update that yields its argument does nothing; one that yields another value is an atomic write.
// CHECK-LABEL: func.func @atomic_update(%arg0: memref<f32>, %arg1: f32) {
// CHECK-NEXT: omp.atomic.write %arg0 = %arg1   memory_order(release) : memref<f32>, f32
// CHECK-NEXT: omp.atomic.update   %arg0 : memref<f32> {
// CHECK-NEXT: ^bb0(%arg2: f32):
// CHECK-NEXT: %0 = arith.addf %arg2, %arg1 : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @atomic_update(%x: memref<f32>, %v: f32) {
  omp.atomic.update %x : memref<f32> {
  ^bb0(%old: f32):
    omp.yield(%old : f32)
  }
  omp.atomic.update memory_order(release) %x : memref<f32> {
  ^bb0(%old: f32):
    omp.yield(%v : f32)
  }
  omp.atomic.update %x : memref<f32> {
  ^bb0(%old: f32):
    %n = arith.addf %old, %v : f32
    omp.yield(%n : f32)
  }
  return
}
