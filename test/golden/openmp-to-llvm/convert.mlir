// RUN: tensile-opt %s --convert-openmp-to-llvm | FileCheck %s
// omp ops keep their shape; their operands and region arguments take llvm types (index -> i64), and the arith
// and func ops around them are lowered in the same conversion, as MLIR 16's pass does. The CHECK lines are
// mlir-opt-16 --convert-openmp-to-llvm's output for this file.
// CHECK: module {
// CHECK-NEXT: omp.reduction.declare @add_f32 : f32 init {
// CHECK-NEXT: ^bb0(%arg0: f32):
// CHECK-NEXT: %0 = llvm.mlir.constant(0.000000e+00 : f32) : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: } combiner {
// CHECK-NEXT: ^bb0(%arg0: f32, %arg1: f32):
// CHECK-NEXT: %0 = llvm.fadd %arg0, %arg1  : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: } atomic {
// CHECK-NEXT: ^bb0(%arg0: !llvm.ptr<f32>, %arg1: !llvm.ptr<f32>):
// CHECK-NEXT: %0 = llvm.load %arg1 : !llvm.ptr<f32>
// CHECK-NEXT: %1 = llvm.atomicrmw fadd %arg0, %0 monotonic  : f32
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @loop(%arg0: i64, %arg1: i64, %arg2: i64, %arg3: i32, %arg4: !llvm.ptr<i64>) {
// CHECK-NEXT: omp.parallel   num_threads(%arg3 : i32) {
// CHECK-NEXT: omp.wsloop   schedule(static) for  (%arg5, %arg6) : i64 = (%arg0, %arg0) to (%arg1, %arg1) step (%arg2, %arg2) {
// CHECK-NEXT: %0 = llvm.add %arg5, %arg6  : i64
// CHECK-NEXT: llvm.store %0, %arg4 : !llvm.ptr<i64>
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.barrier
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @reduce(%arg0: i64, %arg1: i64, %arg2: i64, %arg3: !llvm.ptr<f32>, %arg4: f32) {
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.wsloop   reduction(@add_f32 -> %arg3 : !llvm.ptr<f32>) for  (%arg5) : i64 = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: omp.reduction %arg4, %arg3 : !llvm.ptr<f32>
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @sync(%arg0: !llvm.ptr<i32>, %arg1: !llvm.ptr<i32>, %arg2: i32, %arg3: i64) {
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.master {
// CHECK-NEXT: %0 = llvm.trunc %arg3 : i64 to i32
// CHECK-NEXT: llvm.store %0, %arg0 : !llvm.ptr<i32>
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.single   {
// CHECK-NEXT: omp.atomic.write %arg0 = %arg2   : !llvm.ptr<i32>, i32
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.critical {
// CHECK-NEXT: omp.atomic.read %arg1 = %arg0   : !llvm.ptr<i32>
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.flush
// CHECK-NEXT: omp.taskwait
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: llvm.return
// CHECK-NEXT: }
// CHECK-NEXT: }

omp.reduction.declare @add_f32 : f32 init {
^bb0(%arg: f32):
  %0 = arith.constant 0.0 : f32
  omp.yield (%0 : f32)
} combiner {
^bb1(%a: f32, %b: f32):
  %1 = arith.addf %a, %b : f32
  omp.yield (%1 : f32)
} atomic {
^bb2(%p: !llvm.ptr<f32>, %q: !llvm.ptr<f32>):
  %2 = llvm.load %q : !llvm.ptr<f32>
  %3 = llvm.atomicrmw fadd %p, %2 monotonic : f32
  omp.yield
}

func.func @loop(%lb: index, %ub: index, %step: index, %n: i32, %p: !llvm.ptr<i64>) {
  omp.parallel num_threads(%n : i32) {
    omp.wsloop schedule(static) for (%i, %j) : index = (%lb, %lb) to (%ub, %ub) step (%step, %step) {
      %s = arith.addi %i, %j : index
      %c = arith.index_cast %s : index to i64
      llvm.store %c, %p : !llvm.ptr<i64>
      omp.yield
    }
    omp.barrier
    omp.terminator
  }
  return
}

func.func @reduce(%lb: index, %ub: index, %step: index, %acc: !llvm.ptr<f32>, %x: f32) {
  omp.parallel {
    omp.wsloop reduction(@add_f32 -> %acc : !llvm.ptr<f32>) for (%i) : index = (%lb) to (%ub) step (%step) {
      omp.reduction %x, %acc : !llvm.ptr<f32>
      omp.yield
    }
    omp.terminator
  }
  return
}

func.func @sync(%p: !llvm.ptr<i32>, %q: !llvm.ptr<i32>, %v: i32, %k: index) {
  omp.parallel {
    omp.master {
      %c = arith.index_cast %k : index to i32
      llvm.store %c, %p : !llvm.ptr<i32>
      omp.terminator
    }
    omp.single {
      omp.atomic.write %p = %v : !llvm.ptr<i32>, i32
      omp.terminator
    }
    omp.critical {
      omp.atomic.read %q = %p : !llvm.ptr<i32>
      omp.terminator
    }
    omp.flush
    omp.taskwait
    omp.terminator
  }
  return
}
