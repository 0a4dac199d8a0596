// RUN: tensile-opt %s | FileCheck %s
// Every omp op Tensile defines, in MLIR 16's custom form; the CHECK lines are mlir-opt-16's own output for this file.

// CHECK: omp.critical.declare @mutex   hint(contended)
// CHECK-NEXT: omp.critical.declare @plain   hint(none)
// CHECK-NEXT: omp.reduction.declare @add_f32 : f32 init {
// CHECK-NEXT: ^bb0(%arg0: f32):
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: omp.yield(%cst : f32)
// CHECK-NEXT: } combiner {
// CHECK-NEXT: ^bb0(%arg0: f32, %arg1: f32):
// CHECK-NEXT: %0 = arith.addf %arg0, %arg1 : f32
// CHECK-NEXT: omp.yield(%0 : f32)
// CHECK-NEXT: } atomic {
// CHECK-NEXT: ^bb0(%arg0: memref<f32>, %arg1: memref<f32>):
// CHECK-NEXT: %0 = memref.load %arg1[] : memref<f32>
// CHECK-NEXT: %1 = memref.atomic_rmw addf %0, %arg0[] : (f32, memref<f32>) -> f32
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.reduction.declare @mul_i32 : i32 init {
// CHECK-NEXT: ^bb0(%arg0: i32):
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: omp.yield(%c1_i32 : i32)
// CHECK-NEXT: } combiner {
// CHECK-NEXT: ^bb0(%arg0: i32, %arg1: i32):
// CHECK-NEXT: %0 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT: omp.yield(%0 : i32)
// CHECK-NEXT: }
// CHECK-LABEL: func.func @f(%arg0: index, %arg1: index, %arg2: index, %arg3: memref<f32>, %arg4: i1, %arg5: i32, %arg6: f32, %arg7: memref<f32>, %arg8: memref<f32>, %arg9: memref<i32>, %arg10: i32, %arg11: memref<i32>) {
// CHECK-NEXT: omp.parallel   if(%arg4 : i1) num_threads(%arg5 : i32) proc_bind(spread) {
// CHECK-NEXT: omp.wsloop   schedule(static) nowait for  (%arg12) : index = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.wsloop   schedule(dynamic = %arg5 : i32, nonmonotonic, simd) order(concurrent) reduction(@add_f32 -> %arg7 : memref<f32>, @mul_i32 -> %arg9 : memref<i32>) for  (%arg12, %arg13) : index = (%arg0, %arg0) to (%arg1, %arg1) inclusive step (%arg2, %arg2) {
// CHECK-NEXT: omp.reduction %arg6, %arg7 : memref<f32>
// CHECK-NEXT: omp.reduction %arg10, %arg9 : memref<i32>
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.wsloop   linear(%arg11 = %arg5 : memref<i32>) schedule(guided, none, simd) for  (%arg12) : i32 = (%arg5) to (%arg5) step (%arg5) {
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.simdloop   aligned(%arg3 : memref<f32> -> 64 : i64) if(%arg4) nontemporal(%arg8 : memref<f32>) order(concurrent) simdlen(4) safelen(8) for  (%arg12) : index = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.barrier
// CHECK-NEXT: omp.master {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.single   nowait {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.critical(@mutex) {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.critical {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.sections   nowait {
// CHECK-NEXT: omp.section {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.section {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.parallel   reduction(@add_f32 -> %arg7 : memref<f32>) {
// CHECK-NEXT: omp.reduction %arg6, %arg7 : memref<f32>
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.wsloop   ordered(1) for  (%arg12) : index = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: omp.ordered depend_type(dependsink) depend_vec(%arg12 : index) {num_loops_val = 1 : i64}
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.wsloop   ordered(0) for  (%arg12) : index = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: omp.ordered_region {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.yield
// CHECK-NEXT: }
// CHECK-NEXT: omp.atomic.read %arg8 = %arg3   memory_order(acquire) hint(uncontended, speculative) : memref<f32>
// CHECK-NEXT: omp.atomic.read %arg8 = %arg3   : memref<f32>
// CHECK-NEXT: omp.atomic.write %arg3 = %arg6   : memref<f32>, f32
// CHECK-NEXT: omp.atomic.write %arg3 = %arg6   hint(contended) memory_order(release) : memref<f32>, f32
// CHECK-NEXT: omp.atomic.update   %arg3 : memref<f32> {
// CHECK-NEXT: ^bb0(%arg12: f32):
// CHECK-NEXT: %1 = arith.addf %arg12, %arg6 : f32
// CHECK-NEXT: omp.yield(%1 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: omp.atomic.update   memory_order(relaxed) %arg3 : memref<f32> {
// CHECK-NEXT: ^bb0(%arg12: f32):
// CHECK-NEXT: omp.yield(%arg6 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: omp.atomic.capture   memory_order(seq_cst) {
// CHECK-NEXT: omp.atomic.read %arg8 = %arg3   : memref<f32>
// CHECK-NEXT: omp.atomic.update   %arg3 : memref<f32> {
// CHECK-NEXT: ^bb0(%arg12: f32):
// CHECK-NEXT: %1 = arith.addf %arg12, %arg6 : f32
// CHECK-NEXT: omp.yield(%1 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: omp.atomic.capture   {
// CHECK-NEXT: omp.atomic.update   %arg3 : memref<f32> {
// CHECK-NEXT: ^bb0(%arg12: f32):
// CHECK-NEXT: %1 = arith.mulf %arg12, %arg6 : f32
// CHECK-NEXT: omp.yield(%1 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: omp.atomic.read %arg8 = %arg3   : memref<f32>
// CHECK-NEXT: }
// CHECK-NEXT: omp.task   if(%arg4) final(%arg4) untied mergeable priority(%arg5) {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.task   in_reduction(@add_f32 -> %arg7 : memref<f32>) {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.taskloop   if(%arg4) grain_size(%arg5 : i32) nogroup for  (%arg12) : index = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.taskloop   reduction(@add_f32 -> %arg7 : memref<f32>) priority(%arg5 : i32) num_tasks(%arg5 : i32) for  (%arg12) : index = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.taskgroup   task_reduction(@add_f32 -> %arg7 : memref<f32>) {
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: omp.taskwait
// CHECK-NEXT: omp.taskyield
// CHECK-NEXT: omp.flush(%arg3, %arg8 : memref<f32>, memref<f32>)
// CHECK-NEXT: omp.flush
// CHECK-NEXT: %0 = omp.threadprivate %arg3 : memref<f32> -> memref<f32>
// CHECK-NEXT: omp.parallel   {
// CHECK-NEXT: omp.cancellationpoint cancellation_construct_type(parallel)
// CHECK-NEXT: omp.cancel cancellation_construct_type(parallel) if(%arg4)
// CHECK-NEXT: omp.terminator
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }

omp.critical.declare @mutex hint(contended)
omp.critical.declare @plain
omp.reduction.declare @add_f32 : f32
init {
^bb0(%arg: f32):
  %0 = arith.constant 0.0 : f32
  omp.yield (%0 : f32)
}
combiner {
^bb1(%arg0: f32, %arg1: f32):
  %1 = arith.addf %arg0, %arg1 : f32
  omp.yield (%1 : f32)
}
atomic {
^bb2(%arg2: memref<f32>, %arg3: memref<f32>):
  %2 = memref.load %arg3[] : memref<f32>
  %3 = memref.atomic_rmw addf %2, %arg2[] : (f32, memref<f32>) -> f32
  omp.yield
}
omp.reduction.declare @mul_i32 : i32
init {
^bb0(%arg: i32):
  %0 = arith.constant 1 : i32
  omp.yield (%0 : i32)
}
combiner {
^bb1(%arg0: i32, %arg1: i32):
  %1 = arith.muli %arg0, %arg1 : i32
  omp.yield (%1 : i32)
}
func.func @f(%lb: index, %ub: index, %step: index, %m: memref<f32>, %c: i1, %n: i32, %v: f32, %acc: memref<f32>, %m2: memref<f32>, %iacc: memref<i32>, %k: i32, %l: memref<i32>) {
  omp.parallel if(%c : i1) num_threads(%n : i32) proc_bind(spread) {
    omp.wsloop schedule(static) nowait for (%i) : index = (%lb) to (%ub) step (%step) {
      omp.yield
    }
    omp.wsloop schedule(dynamic = %n : i32, nonmonotonic, simd) order(concurrent) reduction(@add_f32 -> %acc : memref<f32>, @mul_i32 -> %iacc : memref<i32>) for (%i, %j) : index = (%lb, %lb) to (%ub, %ub) inclusive step (%step, %step) {
      omp.reduction %v, %acc : memref<f32>
      omp.reduction %k, %iacc : memref<i32>
      omp.yield
    }
    omp.wsloop linear(%l = %n : memref<i32>) schedule(guided, simd) for (%i) : i32 = (%n) to (%n) step (%n) {
      omp.yield
    }
    omp.simdloop aligned(%m : memref<f32> -> 64 : i64) if(%c) nontemporal(%m2 : memref<f32>) order(concurrent) simdlen(4) safelen(8) for (%i) : index = (%lb) to (%ub) step (%step) {
      omp.yield
    }
    omp.barrier
    omp.master {
      omp.terminator
    }
    omp.single nowait {
      omp.terminator
    }
    omp.critical(@mutex) {
      omp.terminator
    }
    omp.critical {
      omp.terminator
    }
    omp.sections nowait {
      omp.section {
        omp.terminator
      }
      omp.section {
        omp.terminator
      }
      omp.terminator
    }
    omp.terminator
  }
  omp.parallel reduction(@add_f32 -> %acc : memref<f32>) {
    omp.reduction %v, %acc : memref<f32>
    omp.terminator
  }
  omp.wsloop ordered(1) for (%i) : index = (%lb) to (%ub) step (%step) {
    omp.ordered depend_type(dependsink) depend_vec(%i : index) {num_loops_val = 1 : i64}
    omp.yield
  }
  omp.wsloop ordered(0) for (%i) : index = (%lb) to (%ub) step (%step) {
    omp.ordered_region {
      omp.terminator
    }
    omp.yield
  }
  omp.atomic.read %m2 = %m memory_order(acquire) hint(uncontended, speculative) : memref<f32>
  omp.atomic.read %m2 = %m : memref<f32>
  omp.atomic.write %m = %v : memref<f32>, f32
  omp.atomic.write %m = %v hint(contended) memory_order(release) : memref<f32>, f32
  omp.atomic.update %m : memref<f32> {
  ^bb0(%x: f32):
    %y = arith.addf %x, %v : f32
    omp.yield(%y : f32)
  }
  omp.atomic.update memory_order(relaxed) %m : memref<f32> {
  ^bb0(%x: f32):
    omp.yield(%v : f32)
  }
  omp.atomic.capture memory_order(seq_cst) {
    omp.atomic.read %m2 = %m : memref<f32>
    omp.atomic.update %m : memref<f32> {
    ^bb0(%x: f32):
      %y = arith.addf %x, %v : f32
      omp.yield(%y : f32)
    }
  }
  omp.atomic.capture {
    omp.atomic.update %m : memref<f32> {
    ^bb0(%x: f32):
      %y = arith.mulf %x, %v : f32
      omp.yield(%y : f32)
    }
    omp.atomic.read %m2 = %m : memref<f32>
  }
  omp.task if(%c) final(%c) untied mergeable priority(%n) {
    omp.terminator
  }
  omp.task in_reduction(@add_f32 -> %acc : memref<f32>) {
    omp.terminator
  }
  omp.taskloop if(%c) nogroup grain_size(%n : i32) for (%i) : index = (%lb) to (%ub) step (%step) {
    omp.terminator
  }
  omp.taskloop reduction(@add_f32 -> %acc : memref<f32>) num_tasks(%n : i32) priority(%n : i32) for (%i) : index = (%lb) to (%ub) step (%step) {
    omp.terminator
  }
  omp.taskgroup task_reduction(@add_f32 -> %acc : memref<f32>) {
    omp.terminator
  }
  omp.taskwait
  omp.taskyield
  omp.flush(%m, %m2 : memref<f32>, memref<f32>)
  omp.flush
  %t = omp.threadprivate %m : memref<f32> -> memref<f32>
  omp.parallel {
    omp.cancellationpoint cancellation_construct_type(parallel)
    omp.cancel cancellation_construct_type(parallel) if(%c)
    omp.terminator
  }
  return
}
