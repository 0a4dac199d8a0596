// RUN: tensile-opt %s --allow-unregistered-dialect | FileCheck %s
// Every scf op of MLIR 16 in its custom form; the CHECK lines are mlir-opt-16's output. (foreach_thread's shared_outs
// need tensor.parallel_insert_slice, from the tensor dialect.)
// CHECK-LABEL: func.func @loops(
// CHECK-SAME: %arg0: index, %arg1: index, %arg2: index, %arg3: f32, %arg4: i1, %arg5: tensor<8xf32>) -> f32 {
// CHECK-NEXT: scf.for %arg6 = %arg0 to %arg1 step %arg2 {
// CHECK-NEXT: "test.use"(%arg6) : (index) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: %0:2 = scf.for %arg6 = %arg0 to %arg1 step %arg2 iter_args(%arg7 = %arg3, %arg8 = %arg3) -> (f32, f32) {
// CHECK-NEXT: %6 = arith.addf %arg7, %arg8 : f32
// CHECK-NEXT: scf.yield %6, %arg7 : f32, f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.if %arg4 {
// CHECK-NEXT: "test.use"(%arg4) : (i1) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: scf.if %arg4 {
// CHECK-NEXT: "test.use"(%arg4) : (i1) -> ()
// CHECK-NEXT: } else {
// CHECK-NEXT: "test.use"(%arg4) : (i1) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: %1 = scf.if %arg4 -> (f32) {
// CHECK-NEXT: scf.yield %arg3 : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %0#0 : f32
// CHECK-NEXT: }
// CHECK-NEXT: %2 = scf.while (%arg6 = %arg3) : (f32) -> f32 {
// CHECK-NEXT: scf.condition(%arg4) %arg6 : f32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg6: f32):
// CHECK-NEXT: %6 = arith.addf %arg6, %arg6 : f32
// CHECK-NEXT: scf.yield %6 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.while : () -> () {
// CHECK-NEXT: scf.condition(%arg4)
// CHECK-NEXT: } do {
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: %3 = scf.execute_region -> f32 {
// CHECK-NEXT: scf.yield %arg3 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.execute_region {
// CHECK-NEXT: cf.br ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: %4 = scf.index_switch %arg0 -> f32
// CHECK-NEXT: case 2 {
// CHECK-NEXT: scf.yield %arg3 : f32
// CHECK-NEXT: }
// CHECK-NEXT: case 5 {
// CHECK-NEXT: scf.yield %3 : f32
// CHECK-NEXT: }
// CHECK-NEXT: default {
// CHECK-NEXT: scf.yield %2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.index_switch %arg0
// CHECK-NEXT: default {
// CHECK-NEXT: "test.use"(%arg4) : (i1) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: %5 = scf.parallel (%arg6, %arg7) = (%arg0, %arg0) to (%arg1, %arg1) step (%arg2, %arg2) init (%arg3) -> f32 {
// CHECK-NEXT: scf.reduce(%arg3)  : f32 {
// CHECK-NEXT: ^bb0(%arg8: f32, %arg9: f32):
// CHECK-NEXT: %6 = arith.mulf %arg8, %arg9 : f32
// CHECK-NEXT: scf.reduce.return %6 : f32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: scf.parallel (%arg6) = (%arg0) to (%arg1) step (%arg2) {
// CHECK-NEXT: "test.use"(%arg6) : (index) -> ()
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: scf.foreach_thread (%arg6, %arg7) in (%arg0, %arg1) {
// CHECK-NEXT: "test.use"(%arg6) : (index) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return %1 : f32
// CHECK-NEXT: }
func.func @loops(%lb: index, %ub: index, %st: index, %f: f32, %c: i1, %t: tensor<8xf32>) -> f32 {
  scf.for %i = %lb to %ub step %st {
    "test.use"(%i) : (index) -> ()
  }
  %sum:2 = scf.for %i = %lb to %ub step %st iter_args(%acc = %f, %acc2 = %f) -> (f32, f32) {
    %n = arith.addf %acc, %acc2 : f32
    scf.yield %n, %acc : f32, f32
  }
  scf.if %c {
    "test.use"(%c) : (i1) -> ()
  }
  scf.if %c {
    "test.use"(%c) : (i1) -> ()
  } else {
    "test.use"(%c) : (i1) -> ()
  }
  %r = scf.if %c -> (f32) {
    scf.yield %f : f32
  } else {
    scf.yield %sum#0 : f32
  }
  %w = scf.while (%x = %f) : (f32) -> f32 {
    scf.condition(%c) %x : f32
  } do {
  ^bb0(%y: f32):
    %z = arith.addf %y, %y : f32
    scf.yield %z : f32
  }
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  }
  %e = scf.execute_region -> f32 {
    scf.yield %f : f32
  }
  scf.execute_region {
    cf.br ^bb1
  ^bb1:
    scf.yield
  }
  %s = scf.index_switch %lb -> f32
  case 2 {
    scf.yield %f : f32
  }
  case 5 {
    scf.yield %e : f32
  }
  default {
    scf.yield %w : f32
  }
  scf.index_switch %lb
  default {
    "test.use"(%c) : (i1) -> ()
  }
  %p = scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%st, %st) init (%f) -> f32 {
    scf.reduce(%f) : f32 {
    ^bb0(%a: f32, %b: f32):
      %m = arith.mulf %a, %b : f32
      scf.reduce.return %m : f32
    }
    scf.yield
  }
  scf.parallel (%i) = (%lb) to (%ub) step (%st) {
    "test.use"(%i) : (index) -> ()
  }
  scf.foreach_thread (%i, %j) in (%lb, %ub) {
    "test.use"(%i) : (index) -> ()
  }
  return %r : f32
}

