// RUN: tensile-opt %s --split-input-file --verify-diagnostics
// Verifier messages of omp ops, as mlir-opt-16 gives them.

func.func @yield_parent() {
  // expected-error @+1 {{'omp.yield' op expects parent op to be one of 'omp.wsloop, omp.reduction.declare, omp.atomic.update, omp.simdloop'}}
  "omp.yield"() : () -> ()
  return
}
// -----
// expected-error @+1 {{'omp.critical.declare' op the hints omp_sync_hint_uncontended and omp_sync_hint_contended cannot be combined}}
omp.critical.declare @bad hint(uncontended, contended)
// -----
// expected-error @+1 {{'omp.critical.declare' op the hints omp_sync_hint_nonspeculative and omp_sync_hint_speculative cannot be combined.}}
omp.critical.declare @bad2 hint(nonspeculative, speculative)
// -----
func.func @critical_undeclared() {
  // expected-error @+1 {{'omp.critical' op expected symbol reference @nope to point to a critical declaration}}
  omp.critical(@nope) {
    omp.terminator
  }
  return
}
// -----
func.func @reduction_outside(%v: f32, %acc: memref<f32>) {
  // expected-error @+1 {{'omp.reduction' op must be used within an operation supporting reduction clause interface}}
  omp.reduction %v, %acc : memref<f32>
  return
}
// -----
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
func.func @reduction_unused(%v: f32, %acc: memref<f32>, %other: memref<f32>) {
  omp.parallel reduction(@add_f32 -> %acc : memref<f32>) {
    // expected-error @+1 {{'omp.reduction' op the accumulator is not used by the parent}}
    omp.reduction %v, %other : memref<f32>
    omp.terminator
  }
  return
}
// -----
func.func @reduction_undeclared(%acc: memref<f32>) {
  // expected-error @+1 {{'omp.parallel' op expected symbol reference @nope to point to a reduction declaration}}
  omp.parallel reduction(@nope -> %acc : memref<f32>) {
    omp.terminator
  }
  return
}
// -----
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
func.func @reduction_twice(%acc: memref<f32>) {
  // expected-error @+1 {{'omp.parallel' op accumulator variable used more than once}}
  omp.parallel reduction(@add_f32 -> %acc : memref<f32>, @add_f32 -> %acc : memref<f32>) {
    omp.terminator
  }
  return
}
// -----
// expected-error @+1 {{'omp.reduction.declare' op expects initializer region with one argument of the reduction type}}
omp.reduction.declare @bad_init : f32
init {
^bb0(%arg: i32):
  %0 = arith.constant 0.0 : f32
  omp.yield (%0 : f32)
}
combiner {
^bb1(%arg0: f32, %arg1: f32):
  %1 = arith.addf %arg0, %arg1 : f32
  omp.yield (%1 : f32)
}
// -----
// expected-error @+1 {{'omp.reduction.declare' op expects reduction region with two arguments of the reduction type}}
omp.reduction.declare @bad_combiner : f32
init {
^bb0(%arg: f32):
  %0 = arith.constant 0.0 : f32
  omp.yield (%0 : f32)
}
combiner {
^bb1(%arg0: f32):
  omp.yield (%arg0 : f32)
}
// -----
// expected-error @+1 {{'omp.reduction.declare' op expects initializer region to yield a value of the reduction type}}
omp.reduction.declare @bad_yield : f32
init {
^bb0(%arg: f32):
  %0 = arith.constant 0 : i32
  omp.yield (%0 : i32)
}
combiner {
^bb1(%arg0: f32, %arg1: f32):
  omp.yield (%arg0 : f32)
}
// -----
func.func @atomic_read_order(%x: memref<f32>, %v: memref<f32>) {
  // expected-error @+1 {{memory-order must not be acq_rel or release for atomic reads}}
  omp.atomic.read %v = %x memory_order(release) : memref<f32>
  return
}
// -----
func.func @atomic_read_same(%x: memref<f32>) {
  // expected-error @+1 {{read and write must not be to the same location for atomic reads}}
  omp.atomic.read %x = %x : memref<f32>
  return
}
// -----
func.func @atomic_write_order(%x: memref<f32>, %v: f32) {
  // expected-error @+1 {{memory-order must not be acq_rel or acquire for atomic writes}}
  omp.atomic.write %x = %v memory_order(acquire) : memref<f32>, f32
  return
}
// -----
func.func @atomic_write_type(%x: memref<f32>, %v: i32) {
  // expected-error @+1 {{address must dereference to value type}}
  omp.atomic.write %x = %v : memref<f32>, i32
  return
}
// -----
func.func @atomic_update_args(%x: memref<f32>) {
  // expected-error @+1 {{the region must accept exactly one argument}}
  omp.atomic.update %x : memref<f32> {
  ^bb0(%a: f32, %b: f32):
    omp.yield(%a : f32)
  }
  return
}
// -----
func.func @atomic_update_type(%x: memref<f32>) {
  // expected-error @+1 {{the type of the operand must be a pointer type whose element type is the same as that of the region argument}}
  omp.atomic.update %x : memref<f32> {
  ^bb0(%a: i32):
    omp.yield(%a : i32)
  }
  return
}
// -----
func.func @atomic_update_yield(%x: memref<f32>, %i: i32) {
  // expected-error @+1 {{input and yielded value must have the same type}}
  omp.atomic.update %x : memref<f32> {
  ^bb0(%a: f32):
    omp.yield(%i : i32)
  }
  return
}
// -----
func.func @atomic_capture_sequence(%x: memref<f32>, %v: f32) {
  omp.atomic.capture {
    // expected-error @+1 {{invalid sequence of operations in the capture region}}
    omp.atomic.write %x = %v : memref<f32>, f32
    omp.atomic.write %x = %v : memref<f32>, f32
  }
  return
}
// -----
func.func @atomic_capture_hint(%x: memref<f32>, %y: memref<f32>, %v: f32) {
  // expected-error @+1 {{'omp.atomic.capture' op operations inside capture region must not have hint clause}}
  omp.atomic.capture {
    omp.atomic.read %y = %x hint(uncontended) : memref<f32>
    omp.atomic.write %x = %v : memref<f32>, f32
  }
  return
}
// -----
func.func @simd_lengths(%lb: index, %ub: index, %s: index) {
  // expected-error @+1 {{'omp.simdloop' op simdlen clause and safelen clause are both present, but the simdlen value is not less than or equal to safelen value}}
  omp.simdloop simdlen(8) safelen(4) for (%i) : index = (%lb) to (%ub) step (%s) {
    omp.yield
  }
  return
}
// -----
func.func @ordered_outside(%i: index) {
  // expected-error @+1 {{'omp.ordered' op ordered depend directive must be closely nested inside a worksharing-loop with ordered clause with parameter present}}
  omp.ordered depend_type(dependsink) depend_vec(%i : index) {num_loops_val = 1 : i64}
  return
}
// -----
func.func @taskloop_exclusive(%lb: index, %ub: index, %s: index, %n: i32) {
  // expected-error @+1 {{the grainsize clause and num_tasks clause are mutually exclusive and may not appear on the same taskloop directive}}
  omp.taskloop grain_size(%n : i32) num_tasks(%n : i32) for (%i) : index = (%lb) to (%ub) step (%s) {
    omp.terminator
  }
  return
}
// -----
func.func @cancel_parallel() {
  // expected-error @+1 {{'omp.cancel' op cancel parallel must appear inside a parallel region}}
  omp.cancel cancellation_construct_type(parallel)
  return
}
// -----
func.func @single_allocate(%a: memref<f32>) {
  // expected-error @+1 {{expected equal sizes for allocate and allocator variables}}
  "omp.single"(%a) ({
    omp.terminator
  }) {operand_segment_sizes = array<i32: 1, 0>} : (memref<f32>) -> ()
  return
}
// -----
func.func @sections_body() {
  // expected-error @+1 {{'omp.sections' op expected omp.section op or terminator op inside region}}
  omp.sections {
    omp.barrier
    omp.terminator
  }
  return
}
