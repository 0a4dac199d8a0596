// RUN: tensile-opt %s --split-input-file --canonicalize --allow-unregistered-dialect | FileCheck %s
// scf canonicalization patterns (MLIR 16's SCF.cpp); the CHECK lines are mlir-opt-16 --canonicalize's output, except
// in the case marked "A deliberate difference" (see there).
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

// -----

// ConditionPropagation: the condition is true in the then region and false in the else region.
// CHECK: module {
// CHECK-LABEL: func.func @if_condition_propagation(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %1 = arith.addi %arg1, %arg1 : i32
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @if_condition_propagation(%c: i1, %x: i32, %y: i32) -> i32 {
  %r = scf.if %c -> (i32) {
    %s = arith.select %c, %x, %y : i32
    %t = arith.addi %s, %x : i32
    scf.yield %t : i32
  } else {
    %e = arith.extui %c : i1 to i32
    %f = arith.addi %e, %y : i32
    scf.yield %f : i32
  }
  return %r : i32
}

// -----

// CombineIfs: two ifs on the same condition become one; the second's uses of the first's result take what the
// first yielded on that side.
// CHECK: module {
// CHECK-LABEL: func.func @if_combine(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> (i32, i32) {
// CHECK-NEXT: %0:2 = scf.if %arg0 -> (i32, i32) {
// CHECK-NEXT: %1 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: %2 = arith.muli %1, %arg1 : i32
// CHECK-NEXT: scf.yield %1, %2 : i32, i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = arith.subi %arg1, %arg2 : i32
// CHECK-NEXT: %2 = arith.divsi %1, %arg2 : i32
// CHECK-NEXT: scf.yield %1, %2 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0#0, %0#1 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @if_combine(%c: i1, %x: i32, %y: i32) -> (i32, i32) {
  %a = scf.if %c -> (i32) {
    %s = arith.addi %x, %y : i32
    scf.yield %s : i32
  } else {
    %s = arith.subi %x, %y : i32
    scf.yield %s : i32
  }
  %b = scf.if %c -> (i32) {
    %m = arith.muli %a, %x : i32
    scf.yield %m : i32
  } else {
    %d = arith.divsi %a, %y : i32
    scf.yield %d : i32
  }
  return %a, %b : i32, i32
}

// -----

// CombineIfs on a negated condition: the second if's regions swap sides.
// CHECK: module {
// CHECK-LABEL: func.func @if_combine_negated(
// CHECK-SAME: %arg0: i1, %arg1: i32, %arg2: i32) -> (i32, i32) {
// CHECK-NEXT: %0:2 = scf.if %arg0 -> (i32, i32) {
// CHECK-NEXT: %1 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT: %2 = arith.divsi %1, %arg2 : i32
// CHECK-NEXT: scf.yield %1, %2 : i32, i32
// CHECK-NEXT: } else {
// CHECK-NEXT: %1 = arith.subi %arg1, %arg2 : i32
// CHECK-NEXT: %2 = arith.muli %1, %arg1 : i32
// CHECK-NEXT: scf.yield %1, %2 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0#0, %0#1 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @if_combine_negated(%c: i1, %x: i32, %y: i32) -> (i32, i32) {
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  %a = scf.if %c -> (i32) {
    %s = arith.addi %x, %y : i32
    scf.yield %s : i32
  } else {
    %s = arith.subi %x, %y : i32
    scf.yield %s : i32
  }
  %b = scf.if %n -> (i32) {
    %m = arith.muli %a, %x : i32
    scf.yield %m : i32
  } else {
    %d = arith.divsi %a, %y : i32
    scf.yield %d : i32
  }
  return %a, %b : i32, i32
}

// -----

// CombineNestedIfs: an if whose then region is only another if is one if on both conditions; a result yielded
// from outside becomes a select on the outer condition.
// CHECK: module {
// CHECK-LABEL: func.func @if_combine_nested(
// CHECK-SAME: %arg0: i1, %arg1: i1, %arg2: i32, %arg3: i32) -> (i32, i32) {
// CHECK-NEXT: %0 = arith.andi %arg0, %arg1 : i1
// CHECK-NEXT: %1 = arith.select %arg0, %arg2, %arg3 : i32
// CHECK-NEXT: %2 = scf.if %0 -> (i32) {
// CHECK-NEXT: %3 = arith.addi %arg2, %arg3 : i32
// CHECK-NEXT: scf.yield %3 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %2, %1 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @if_combine_nested(%a: i1, %b: i1, %x: i32, %y: i32) -> (i32, i32) {
  %r:2 = scf.if %a -> (i32, i32) {
    %in = scf.if %b -> (i32) {
      %s = arith.addi %x, %y : i32
      scf.yield %s : i32
    } else {
      scf.yield %y : i32
    }
    scf.yield %in, %x : i32, i32
  } else {
    scf.yield %y, %y : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}

// -----

// CombineNestedIfs does not apply when the nested if's else yields other than the outer else.
// CHECK: module {
// CHECK-LABEL: func.func @if_combine_nested_miss(
// CHECK-SAME: %arg0: i1, %arg1: i1, %arg2: i32, %arg3: i32) -> i32 {
// CHECK-NEXT: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT: %1 = scf.if %arg1 -> (i32) {
// CHECK-NEXT: %2 = arith.addi %arg2, %arg3 : i32
// CHECK-NEXT: scf.yield %2 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg2 : i32
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %1 : i32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %arg3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @if_combine_nested_miss(%a: i1, %b: i1, %x: i32, %y: i32) -> i32 {
  %r = scf.if %a -> (i32) {
    %in = scf.if %b -> (i32) {
      %s = arith.addi %x, %y : i32
      scf.yield %s : i32
    } else {
      scf.yield %x : i32
    }
    scf.yield %in : i32
  } else {
    scf.yield %y : i32
  }
  return %r : i32
}

// -----

// WhileConditionTruth and WhileCmpCond: in the body the condition holds; WhileUnusedResult drops a result and
// body argument nothing uses.
// CHECK: module {
// CHECK-LABEL: func.func @while_condition(
// CHECK-SAME: %arg0: i32, %arg1: i32, %arg2: i32) -> (i32, i1) {
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %0:2 = scf.while (%arg3 = %arg0, %arg4 = %arg1) : (i32, i32) -> (i32, i1) {
// CHECK-NEXT: %1 = arith.cmpi slt, %arg3, %arg2 : i32
// CHECK-NEXT: scf.condition(%1) %arg3, %1 : i32, i1
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg3: i32, %arg4: i1):
// CHECK-NEXT: %1 = arith.addi %arg3, %c1_i32 : i32
// CHECK-NEXT: scf.yield %1, %1 : i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: return %0#0, %0#1 : i32, i1
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @while_condition(%x: i32, %y: i32, %n: i32) -> (i32, i1) {
  %r:3 = scf.while (%a = %x, %b = %y) : (i32, i32) -> (i32, i1, i32) {
    %c = arith.cmpi slt, %a, %n : i32
    %m = arith.muli %b, %b : i32
    scf.condition(%c) %a, %c, %m : i32, i1, i32
  } do {
  ^bb0(%v: i32, %t: i1, %w: i32):
    %d = arith.cmpi slt, %v, %n : i32
    %e = arith.cmpi sge, %v, %n : i32
    %o = arith.ori %t, %e : i1
    %f = arith.andi %d, %o : i1
    %g = arith.extui %f : i1 to i32
    %h = arith.addi %v, %g : i32
    scf.yield %h, %h : i32, i32
  }
  return %r#0, %r#1 : i32, i1
}

// -----

// CollapseSingleIterationLoops with no dimension left: the body is inlined and each reduction combines the
// initial value with its operand. MergeNestedParallelLoops: nested loops merge.
// CHECK: module {
// CHECK-LABEL: func.func @parallel_collapse_merge(
// CHECK-SAME: %arg0: i32, %arg1: index, %arg2: memref<?x?xi32>) -> i32 {
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c3 = arith.constant 3 : index
// CHECK-NEXT: scf.parallel (%arg3, %arg4) = (%c0, %c1) to (%arg1, %c3) step (%c1, %c1) {
// CHECK-NEXT: %0 = arith.index_cast %arg4 : index to i32
// CHECK-NEXT: memref.store %0, %arg2[%arg3, %arg4] : memref<?x?xi32>
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %c0_i32 : i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @parallel_collapse_merge(%x: i32, %n: index, %A: memref<?x?xi32>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %r = scf.parallel (%i) = (%c0) to (%c2) step (%c3) init (%x) -> i32 {
    %k = arith.index_cast %i : index to i32
    scf.reduce(%k) : i32 {
    ^bb0(%p: i32, %q: i32):
      %t = arith.muli %p, %q : i32
      scf.reduce.return %t : i32
    }
    scf.yield
  }
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c1) to (%c3) step (%c1) {
      %k = arith.index_cast %j : index to i32
      memref.store %k, %A[%i, %j] : memref<?x?xi32>
      scf.yield
    }
    scf.yield
  }
  return %r : i32
}

// -----

// CollapseSingleIterationLoops: a dimension that iterates once goes, its induction variable the lower bound.
// CHECK: module {
// CHECK-LABEL: func.func @parallel_collapse_one_dim(
// CHECK-SAME: %arg0: index, %arg1: memref<?x?xi32>) {
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: scf.parallel (%arg2) = (%c0) to (%arg0) step (%c1) {
// CHECK-NEXT: memref.store %c2_i32, %arg1[%c2, %arg2] : memref<?x?xi32>
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @parallel_collapse_one_dim(%n: index, %A: memref<?x?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  scf.parallel (%i, %j) = (%c2, %c0) to (%c3, %n) step (%c1, %c1) {
    %k = arith.index_cast %i : index to i32
    memref.store %k, %A[%i, %j] : memref<?x?xi32>
    scf.yield
  }
  return
}

// -----

// RemoveLoopInvariantArgsFromBeforeBlock: a before argument the body yields back unchanged (or its initial
// value) goes; RemoveLoopInvariantValueYielded: a value from outside passed by the condition is used directly.
// CHECK: module {
// CHECK-LABEL: func.func @while_invariants(
// CHECK-SAME: %arg0: i32, %arg1: i32, %arg2: i32) -> (i32, i32, i32) {
// CHECK-NEXT: %0:2 = scf.while (%arg3 = %arg0) : (i32) -> (i32, i32) {
// CHECK-NEXT: %4 = arith.cmpi slt, %arg3, %arg2 : i32
// CHECK-NEXT: %5 = arith.muli %arg1, %arg1 : i32
// CHECK-NEXT: scf.condition(%4) %arg3, %5 : i32, i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg3: i32, %arg4: i32):
// CHECK-NEXT: %4 = arith.addi %arg3, %arg4 : i32
// CHECK-NEXT: scf.yield %4 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %1 = scf.while (%arg3 = %arg0) : (i32) -> i32 {
// CHECK-NEXT: %4 = arith.cmpi ugt, %arg3, %arg1 : i32
// CHECK-NEXT: %5 = arith.shrui %arg3, %arg1 : i32
// CHECK-NEXT: scf.condition(%4) %5 : i32
// CHECK-NEXT: } do {
// CHECK-NEXT: ^bb0(%arg3: i32):
// CHECK-NEXT: %4 = arith.subi %arg3, %arg1 : i32
// CHECK-NEXT: scf.yield %4 : i32
// CHECK-NEXT: }
// CHECK-NEXT: %2 = arith.addi %0#0, %0#1 : i32
// CHECK-NEXT: %3 = arith.addi %1, %arg1 : i32
// CHECK-NEXT: return %2, %arg2, %3 : i32, i32, i32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @while_invariants(%x: i32, %y: i32, %n: i32) -> (i32, i32, i32) {
  %r:3 = scf.while (%a = %x, %b = %y, %k = %n) : (i32, i32, i32) -> (i32, i32, i32) {
    %c = arith.cmpi slt, %a, %k : i32
    %m = arith.muli %b, %b : i32
    scf.condition(%c) %a, %m, %k : i32, i32, i32
  } do {
  ^bb0(%v: i32, %w: i32, %u: i32):
    %h = arith.addi %v, %w : i32
    scf.yield %h, %y, %u : i32, i32, i32
  }
  %s:2 = scf.while (%a = %x) : (i32) -> (i32, i32) {
    %c = arith.cmpi ugt, %a, %y : i32
    %h = arith.shrui %a, %y : i32
    scf.condition(%c) %h, %y : i32, i32
  } do {
  ^bb0(%v: i32, %w: i32):
    %t = arith.subi %v, %w : i32
    scf.yield %t : i32
  }
  %z = arith.addi %r#0, %r#1 : i32
  %q = arith.addi %s#0, %s#1 : i32
  return %z, %r#2, %q : i32, i32, i32
}

// -----

// ForOpTensorCastFolder: a tensor cast in and cast back out is carried in its source type.
// CHECK: module {
// CHECK-LABEL: func.func @for_tensor_cast(
// CHECK-SAME: %arg0: f32, %arg1: index) -> f32 {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %from_elements = tensor.from_elements %arg0, %arg0, %arg0 : tensor<3xf32>
// CHECK-NEXT: %0 = scf.for %arg2 = %c0 to %arg1 step %c1 iter_args(%arg3 = %from_elements) -> (tensor<3xf32>) {
// CHECK-NEXT: %extracted_0 = tensor.extract %arg3[%c1] : tensor<3xf32>
// CHECK-NEXT: %1 = arith.addf %extracted_0, %arg0 : f32
// CHECK-NEXT: %from_elements_1 = tensor.from_elements %1, %extracted_0, %arg0 : tensor<3xf32>
// CHECK-NEXT: scf.yield %from_elements_1 : tensor<3xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %extracted = tensor.extract %0[%c0] : tensor<3xf32>
// CHECK-NEXT: return %extracted : f32
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @for_tensor_cast(%x: f32, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = tensor.from_elements %x, %x, %x : tensor<3xf32>
  %c = tensor.cast %t : tensor<3xf32> to tensor<?xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %c) -> (tensor<?xf32>) {
    %e = tensor.extract %a[%c1] : tensor<?xf32>
    %s = arith.addf %e, %x : f32
    %u = tensor.from_elements %s, %e, %x : tensor<3xf32>
    %w = tensor.cast %u : tensor<3xf32> to tensor<?xf32>
    scf.yield %w : tensor<?xf32>
  }
  %b = tensor.cast %r : tensor<?xf32> to tensor<3xf32>
  %v = tensor.extract %b[%c0] : tensor<3xf32>
  return %v : f32
}

// -----

// DimOfForeachThreadOp: the size of a result is the size of the shared output tied to it.
// CHECK: module {
// CHECK-LABEL: func.func @dim_of_foreach_thread(
// CHECK-SAME: %arg0: tensor<?xf32>, %arg1: tensor<1xf32>, %arg2: index) -> index {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %dim = tensor.dim %arg0, %c0 : tensor<?xf32>
// CHECK-NEXT: return %dim : index
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @dim_of_foreach_thread(%t: tensor<?xf32>, %s: tensor<1xf32>, %n: index) -> index {
  %c0 = arith.constant 0 : index
  %r = scf.foreach_thread (%i) in (%n) shared_outs(%o = %t) -> (tensor<?xf32>) {
    scf.foreach_thread.perform_concurrently {
      tensor.parallel_insert_slice %s into %o[%i] [1] [1] : tensor<1xf32> into tensor<?xf32>
    }
  }
  %d = tensor.dim %r, %c0 : tensor<?xf32>
  return %d : index
}

// -----

// LastTensorLoadCanonicalization: a loop-carried tensor that the body reads only through to_memref and yields
// as to_tensor of that same memref, just before the yield, is the memref's to_tensor after the loop.
// CHECK: module {
// CHECK-LABEL: func.func @last_tensor_load(
// CHECK-SAME: %arg0: tensor<4xf32>, %arg1: index, %arg2: f32) -> tensor<4xf32> {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %0 = bufferization.to_memref %arg0 : memref<4xf32>
// CHECK-NEXT: scf.for %arg3 = %c0 to %arg1 step %c1 {
// CHECK-NEXT: memref.store %arg2, %0[%c1] : memref<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %1 = bufferization.to_tensor %0 : memref<4xf32>
// CHECK-NEXT: return %1 : tensor<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
func.func @last_tensor_load(%t: tensor<4xf32>, %n: index, %x: f32) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %t) -> (tensor<4xf32>) {
    %m = bufferization.to_memref %a : memref<4xf32>
    memref.store %x, %m[%c1] : memref<4xf32>
    %u = bufferization.to_tensor %m : memref<4xf32>
    scf.yield %u : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
