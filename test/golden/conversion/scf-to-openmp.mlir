// RUN: tensile-opt %s --convert-scf-to-openmp | FileCheck %s
// convert-scf-to-openmp on scf.parallel without reductions (nested too), with an addf reduction (atomic fadd), and with a signed max (cmpi + select: atomic max) and a mulf reduction (no atomic form). The CHECK lines are mlir-opt-16's whole output (the reduction declarations are module-level ops between the functions).

// CHECK: module {
// CHECK-NEXT: func.func @store(%arg0: memref<4x8xf32>, %arg1: f32) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %0 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.wsloop   for  (%arg2, %arg3) : index = (%c0, %c0) to (%c4, %c8) step (%c1, %c1) {
// CHECK-NEXT: memref.alloca_scope  {
// CHECK-NEXT: memref.store %arg1, %arg0[%arg2, %arg3] : memref<4x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: omp.reduction.declare @__scf_reduction : f32 init {
// CHECK-NEXT: ^bb0(%arg0: f32):
// CHECK-NEXT: %0 = llvm.mlir.constant(0.000000e+00 : f32) : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: } combiner {
// CHECK-NEXT: ^bb0(%arg0: f32, %arg1: f32):
// CHECK-NEXT: %0 = arith.addf %arg0, %arg1 : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: } atomic {
// CHECK-NEXT: ^bb0(%arg0: !llvm.ptr<f32>, %arg1: !llvm.ptr<f32>):
// CHECK-NEXT: %0 = llvm.load %arg1 : !llvm.ptr<f32>
// CHECK-NEXT: %1 = llvm.atomicrmw fadd %arg0, %0 monotonic  : f32
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: func.func @reduce_add(%arg0: memref<8xf32>, %arg1: f32) -> f32 {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %0 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT: %1 = llvm.alloca %0 x f32 : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT: llvm.store %arg1, %1 : !llvm.ptr<f32>
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.wsloop   reduction(@__scf_reduction -> %1 : !llvm.ptr<f32>) for  (%arg2) : index = (%c0) to (%c8) step (%c1) {
// CHECK-NEXT: memref.alloca_scope  {
// CHECK-NEXT: %3 = memref.load %arg0[%arg2] : memref<8xf32>
// CHECK-NEXT: omp.reduction %3, %1 : !llvm.ptr<f32>
// CHECK-NEXT: }
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: %2 = llvm.load %1 : !llvm.ptr<f32>
// CHECK-NEXT: return %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: omp.reduction.declare @__scf_reduction_0 : i32 init {
// CHECK-NEXT: ^bb0(%arg0: i32):
// CHECK-NEXT: %0 = llvm.mlir.constant(-2147483648 : i32) : i32
// CHECK-NEXT: omp.yield(%0 : i32)
// CHECK-NEXT: } combiner {
// CHECK-NEXT: ^bb0(%arg0: i32, %arg1: i32):
// CHECK-NEXT: %0 = arith.cmpi sgt, %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.select %0, %arg0, %arg1 : i32
// CHECK-NEXT: omp.yield(%1 : i32)
// CHECK-NEXT: } atomic {
// CHECK-NEXT: ^bb0(%arg0: !llvm.ptr<i32>, %arg1: !llvm.ptr<i32>):
// CHECK-NEXT: %0 = llvm.load %arg1 : !llvm.ptr<i32>
// CHECK-NEXT: %1 = llvm.atomicrmw max %arg0, %0 monotonic  : i32
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.reduction.declare @__scf_reduction_1 : f32 init {
// CHECK-NEXT: ^bb0(%arg0: f32):
// CHECK-NEXT: %0 = llvm.mlir.constant(1.000000e+00 : f32) : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: } combiner {
// CHECK-NEXT: ^bb0(%arg0: f32, %arg1: f32):
// CHECK-NEXT: %0 = arith.mulf %arg0, %arg1 : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: func.func @reduce_max_mul(%arg0: memref<8xi32>, %arg1: memref<8xf32>) -> (i32, f32) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %0 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT: %1 = llvm.alloca %0 x i32 : (i64) -> !llvm.ptr<i32>
// CHECK-NEXT: llvm.store %c0_i32, %1 : !llvm.ptr<i32>
// CHECK-NEXT: %2 = llvm.alloca %0 x f32 : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT: llvm.store %cst, %2 : !llvm.ptr<f32>
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.wsloop   reduction(@__scf_reduction_0 -> %1 : !llvm.ptr<i32>, @__scf_reduction_1 -> %2 : !llvm.ptr<f32>) for  (%arg2) : index = (%c0) to (%c8) step (%c1) {
// CHECK-NEXT: memref.alloca_scope  {
// CHECK-NEXT: %5 = memref.load %arg0[%arg2] : memref<8xi32>
// CHECK-NEXT: %6 = memref.load %arg1[%arg2] : memref<8xf32>
// CHECK-NEXT: omp.reduction %5, %1 : !llvm.ptr<i32>
// CHECK-NEXT: omp.reduction %6, %2 : !llvm.ptr<f32>
// CHECK-NEXT: }
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: %3 = llvm.load %1 : !llvm.ptr<i32>
// CHECK-NEXT: %4 = llvm.load %2 : !llvm.ptr<f32>
// CHECK-NEXT: return %3, %4 : i32, f32
// CHECK-NEXT: }
// CHECK-NEXT: func.func @nested(%arg0: memref<4x6xf32>, %arg1: memref<6x4xf32>) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %0 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.wsloop   for  (%arg2) : index = (%c0) to (%c2) step (%c1) {
// CHECK-NEXT: memref.alloca_scope  {
// CHECK-NEXT: %1 = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.wsloop   for  (%arg3) : index = (%c0) to (%c2) step (%c1) {
// CHECK-NEXT: memref.alloca_scope  {
// CHECK-NEXT: %2 = memref.load %arg0[%arg2, %arg3] : memref<4x6xf32>
// CHECK-NEXT: memref.store %2, %arg1[%arg3, %arg2] : memref<6x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @store(%m: memref<4x8xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c8) step (%c1, %c1) {
    memref.store %x, %m[%i, %j] : memref<4x8xf32>
    scf.yield
  }
  return
}

func.func @reduce_add(%m: memref<8xf32>, %z: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %r = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%z) -> f32 {
    %x = memref.load %m[%i] : memref<8xf32>
    scf.reduce(%x) : f32 {
    ^bb0(%a: f32, %b: f32):
      %y = arith.addf %a, %b : f32
      scf.reduce.return %y : f32
    }
    scf.yield
  }
  return %r : f32
}

func.func @reduce_max_mul(%m: memref<8xi32>, %f: memref<8xf32>) -> (i32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %z = arith.constant 0 : i32
  %one = arith.constant 1.0 : f32
  %r:2 = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%z, %one) -> (i32, f32) {
    %x = memref.load %m[%i] : memref<8xi32>
    %y = memref.load %f[%i] : memref<8xf32>
    scf.reduce(%x) : i32 {
    ^bb0(%a: i32, %b: i32):
      %c = arith.cmpi sgt, %a, %b : i32
      %s = arith.select %c, %a, %b : i32
      scf.reduce.return %s : i32
    }
    scf.reduce(%y) : f32 {
    ^bb0(%a: f32, %b: f32):
      %p = arith.mulf %a, %b : f32
      scf.reduce.return %p : f32
    }
    scf.yield
  }
  return %r#0, %r#1 : i32, f32
}

func.func @nested(%arg0: memref<4x6xf32>, %arg1: memref<6x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.parallel (%arg5) = (%c0) to (%c2) step (%c1) {
    scf.parallel (%arg6) = (%c0) to (%c2) step (%c1) {
      %0 = memref.load %arg0[%arg5, %arg6] : memref<4x6xf32>
      memref.store %0, %arg1[%arg6, %arg5] : memref<6x4xf32>
      scf.yield
    }
    scf.yield
  }
  return
}
