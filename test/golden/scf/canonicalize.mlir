// RUN: tensile-opt %s --split-input-file --canonicalize --allow-unregistered-dialect | FileCheck %s
// scf canonicalization patterns (MLIR 16's SCF.cpp); the CHECK lines are mlir-opt-16 --canonicalize's output, except
// in the last case (see there).
// CHECK-LABEL: func.func @for_forwarded(
// CHECK-SAME: %arg0: index, %arg1: index, %arg2: index, %arg3: i32, %arg4: i32) -> (i32, i32) {
// CHECK-NEXT: %0 = scf.for %arg5 = %arg0 to %arg1 step %arg2 iter_args(%arg6 = %arg3) -> (i32) {
// CHECK-NEXT: %1 = arith.addi %arg6, %arg6 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0, %arg4 : i32, i32
// CHECK-NEXT: }
func.func @for_forwarded(%lb: index, %ub: index, %st: index, %x: i32, %y: i32) -> (i32, i32) {
  %r:2 = scf.for %i = %lb to %ub step %st iter_args(%a = %x, %b = %y) -> (i32, i32) {
    %n = arith.addi %a, %a : i32
    scf.yield %n, %b : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}

// -----

// CHECK-LABEL: func.func @for_zero_trip(
// CHECK-SAME: %arg0: i32) -> i32 {
// CHECK-NEXT: return %arg0 : i32
// CHECK-NEXT: }
func.func @for_zero_trip(%x: i32) -> i32 {
  %c4 = arith.constant 4 : index
  %c2 = arith.constant 2 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c4 to %c2 step %c1 iter_args(%a = %x) -> (i32) {
    %n = arith.addi %a, %a : i32
    scf.yield %n : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @for_same_bounds(
// CHECK-SAME: %arg0: index, %arg1: i32) -> i32 {
// CHECK-NEXT: return %arg1 : i32
// CHECK-NEXT: }
func.func @for_same_bounds(%lb: index, %x: i32) -> i32 {
  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %x) -> (i32) {
    %n = arith.addi %a, %a : i32
    scf.yield %n : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @for_single_trip(
// CHECK-SAME: %arg0: index) -> index {
// CHECK-NEXT: return %arg0 : index
// CHECK-NEXT: }
func.func @for_single_trip(%x: index) -> index {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %r = scf.for %i = %c0 to %c4 step %c4 iter_args(%a = %x) -> (index) {
    %n = arith.addi %a, %i : index
    scf.yield %n : index
  }
  return %r : index
}

// -----

// CHECK-LABEL: func.func @for_yields_outside(
// CHECK-SAME: %arg0: i32, %arg1: i32) -> i32 {
// CHECK-NEXT: return %arg1 : i32
// CHECK-NEXT: }
func.func @for_yields_outside(%x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %r = scf.for %i = %c0 to %c8 step %c1 iter_args(%a = %x) -> (i32) {
    scf.yield %y : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @if_static(
// CHECK-SAME: %arg0: i32, %arg1: i32) -> (i32, i32) {
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT: return %0, %1 : i32, i32
// CHECK-NEXT: }
func.func @if_static(%x: i32, %y: i32) -> (i32, i32) {
  %t = arith.constant true
  %f = arith.constant false
  %r = scf.if %t -> (i32) {
    %s = arith.addi %x, %y : i32
    scf.yield %s : i32
  } else {
    scf.yield %y : i32
  }
  %q = scf.if %f -> (i32) {
    scf.yield %x : i32
  } else {
    %m = arith.muli %x, %y : i32
    scf.yield %m : i32
  }
  return %r, %q : i32, i32
}

// -----

// CHECK-LABEL: func.func @if_select(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT: %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @if_select(%c: i1, %x: i32, %y: i32) -> i32 {
  %r = scf.if %c -> (i32) {
    scf.yield %x : i32
  } else {
    scf.yield %y : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @if_partly_select(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> (i32, i32, i32) {
// CHECK-NEXT: %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT: %1 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %2 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %2 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %1, %0, %arg2 : i32, i32, i32
// CHECK-NEXT: }
func.func @if_partly_select(%c: i1, %x: i32, %y: i32) -> (i32, i32, i32) {
  %r:3 = scf.if %c -> (i32, i32, i32) {
    %s = arith.addi %x, %y : i32
    scf.yield %s, %x, %y : i32, i32, i32
  } else {
    scf.yield %y, %y, %y : i32, i32, i32
  }
  return %r#0, %r#1, %r#2 : i32, i32, i32
}

// -----

// CHECK-LABEL: func.func @if_unused(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %1 = arith.muli %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = arith.divsi %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @if_unused(%c: i1, %x: i32, %y: i32) -> i32 {
  %r:2 = scf.if %c -> (i32, i32) {
    %s = arith.addi %x, %y : i32
    %m = arith.muli %x, %y : i32
    scf.yield %s, %m : i32, i32
  } else {
    %d = arith.subi %x, %y : i32
    %e = arith.divsi %x, %y : i32
    scf.yield %d, %e : i32, i32
  }
  return %r#1 : i32
}

// -----

// CHECK-LABEL: func.func @if_yield_condition(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> (i1, i1, i32) {
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = arith.xori %arg0, %true : i1
// CHECK-NEXT: %1 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %2 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %2 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %2 = arith.muli %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %arg0, %0, %1 : i1, i1, i32
// CHECK-NEXT: }
func.func @if_yield_condition(%c: i1, %x: i32, %y: i32) -> (i1, i1, i32) {
  %r:3 = scf.if %c -> (i1, i1, i32) {
    %t = arith.constant true
    %f = arith.constant false
    %s = arith.addi %x, %y : i32
    scf.yield %t, %f, %s : i1, i1, i32
  } else {
    %t = arith.constant true
    %f = arith.constant false
    %m = arith.muli %x, %y : i32
    scf.yield %f, %t, %m : i1, i1, i32
  }
  return %r#0, %r#1, %r#2 : i1, i1, i32
}

// -----

// CHECK-LABEL: func.func @if_empty_else(
// CHECK-SAME: %arg0: i1, %arg1: memref<i32>, %arg2: i32) {
// CHECK-NEXT: scf.if %arg0 {
// CHECK-NEXT: "test.store"(%arg2, %arg1) : (i32, memref<i32>) -> ()
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @if_empty_else(%c: i1, %m: memref<i32>, %x: i32) {
  scf.if %c {
    "test.store"(%x, %m) : (i32, memref<i32>) -> ()
  } else {
  }
  return
}

// -----

// CHECK-LABEL: func.func @if_negated(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %1 = arith.muli %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @if_negated(%c: i1, %x: i32, %y: i32) -> i32 {
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  %r = scf.if %n -> (i32) {
    %s = arith.addi %x, %y : i32
    scf.yield %s : i32
  } else {
    %m = arith.muli %x, %y : i32
    scf.yield %m : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @execute_region_single(
// CHECK-SAME: %arg0: i32) -> i32 {
// CHECK-NEXT: %0 = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @execute_region_single(%x: i32) -> i32 {
  %r = scf.execute_region -> i32 {
    %s = arith.addi %x, %x : i32
    scf.yield %s : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @execute_region_multi(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2(%arg2 : i32)
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %0 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: cf.br ^bb2(%0 : i32)
// CHECK-NEXT: ^bb2(%1: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: return %1 : i32
// CHECK-NEXT: }
func.func @execute_region_multi(%c: i1, %x: i32, %y: i32) -> i32 {
  %r = scf.execute_region -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    %s = arith.addi %x, %y : i32
    scf.yield %s : i32
  ^bb2:
    scf.yield %y : i32
  }
  return %r : i32
}

// -----

// CHECK-LABEL: func.func @parallel_empty(
// CHECK-SAME: %arg0: index, %arg1: f32) -> f32 {
// CHECK-NEXT: return %arg1 : f32
// CHECK-NEXT: }
func.func @parallel_empty(%n: index, %x: f32) -> f32 {
  %c1 = arith.constant 1 : index
  %r = scf.parallel (%i) = (%n) to (%n) step (%c1) init (%x) -> f32 {
    scf.reduce(%x) : f32 {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
    scf.yield
  }
  return %r : f32
}


// -----

// A deliberate difference: MLIR 16 reads `%ub = arith.addi %n, %c1` as "one iteration" and inlines the body, but
// arith.addi wraps, so for the largest %n the loop runs zero times. Tensile keeps the loop.
// CHECK-LABEL: func.func @for_lb_plus_one(
// CHECK: scf.for %arg2 = %arg0 to %0 step %c1 iter_args(%arg3 = %arg1) -> (i32) {
func.func @for_lb_plus_one(%n: index, %x: i32) -> i32 {
  %c1 = arith.constant 1 : index
  %ub = arith.addi %n, %c1 : index
  %r = scf.for %i = %n to %ub step %c1 iter_args(%a = %x) -> (i32) {
    %k = arith.index_cast %i : index to i32
    %s = arith.addi %a, %k : i32
    scf.yield %s : i32
  }
  return %r : i32
}
