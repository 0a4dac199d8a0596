// RUN: tensile-opt %s --dce | FileCheck %s

// Unused pure ops go, and so do the pure ops only they used.
// CHECK-LABEL: func.func @chain
// CHECK-NEXT:    return %arg0 : i32
func.func @chain(%a: i32) -> i32 {
  %0 = arith.muli %a, %a : i32
  %1 = arith.addi %0, %a : i32
  %2 = arith.subi %1, %0 : i32
  return %a : i32
}

// Ops with side effects stay even when their results are unused; what they use stays too.
// CHECK-LABEL: func.func @effects
// CHECK-NEXT:    %[[M:.+]] = arith.muli %arg0, %arg0 : i32
// CHECK-NEXT:    call @effect(%[[M]]) : (i32) -> i32
// CHECK-NEXT:    cf.assert %arg1, "checked"
// CHECK-NEXT:    return
func.func private @effect(i32) -> i32
func.func @effects(%a: i32, %c: i1) {
  %0 = arith.muli %a, %a : i32
  %1 = call @effect(%0) : (i32) -> i32
  %2 = arith.addi %1, %1 : i32
  cf.assert %c, "checked"
  return
}

// Blocks no path from the entry reaches are erased, cycles among them included; a definition in a later
// block that dominates its (dead) user in an earlier one is erased once the user is.
// CHECK-LABEL: func.func @blocks
// CHECK-NEXT:    cf.br ^bb2
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    return %arg0 : i32
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    cf.br ^bb1
// CHECK-NEXT:  }
func.func @blocks(%a: i32) -> i32 {
  cf.br ^bb2
^bb1:
  %u = arith.addi %d, %a : i32
  return %a : i32
^bb2:
  %d = arith.muli %a, %a : i32
  cf.br ^bb1
^bb3:
  %x = arith.addi %a, %a : i32
  cf.br ^bb4(%x : i32)
^bb4(%y: i32):
  cf.br ^bb3
}

// Liveness: a value that only feeds itself around a loop is dead, with the loop argument carrying it.
// CHECK-LABEL: func.func @dead_loop_value
// CHECK-NEXT:    cf.br ^bb1(%arg1 : i32)
// CHECK-NEXT:  ^bb1(%[[I:.+]]: i32):
// CHECK-NEXT:    %[[LT:.+]] = arith.cmpi slt, %[[I]], %arg0 : i32
// CHECK-NEXT:    cf.cond_br %[[LT]], ^bb2, ^bb3
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    %[[NEXT:.+]] = arith.addi %[[I]], %arg0 : i32
// CHECK-NEXT:    cf.br ^bb1(%[[NEXT]] : i32)
func.func @dead_loop_value(%n: i32, %init: i32) -> i32 {
  cf.br ^bb1(%init, %init : i32, i32)
^bb1(%i: i32, %dead: i32):
  %lt = arith.cmpi slt, %i, %n : i32
  cf.cond_br %lt, ^bb2, ^bb3
^bb2:
  %d2 = arith.muli %dead, %dead : i32
  %next = arith.addi %i, %n : i32
  cf.br ^bb1(%next, %d2 : i32, i32)
^bb3:
  return %i : i32
}

// Unused arguments of non-entry blocks go with the operands every branch passes them.
// CHECK-LABEL: func.func @dead_arguments
// CHECK-NEXT:    cf.switch %arg0 : i32, [
// CHECK-NEXT:      default: ^bb1,
// CHECK-NEXT:      42: ^bb2(%arg1 : i32)
// CHECK-NEXT:    ]
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    return %arg1 : i32
// CHECK-NEXT:  ^bb2(%[[Z:.+]]: i32):
func.func @dead_arguments(%f: i32, %a: i32, %b: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1(%a : i32),
    42: ^bb2(%b, %a : i32, i32)
  ]
^bb1(%x: i32):
  return %a : i32
^bb2(%y: i32, %z: i32):
  %m = arith.muli %z, %z : i32
  return %m : i32
}
