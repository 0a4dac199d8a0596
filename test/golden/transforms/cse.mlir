// RUN: tensile-opt %s --cse | FileCheck %s

// An op equal to an earlier one (name, operands, attributes, result types) is replaced by it.
// CHECK-LABEL: func.func @simple
// CHECK-NEXT:    %[[C:.+]] = arith.constant 1 : i32
// CHECK-NEXT:    %[[S:.+]] = arith.addi %arg0, %[[C]] : i32
// CHECK-NEXT:    return %[[S]], %[[S]] : i32, i32
func.func @simple(%a: i32) -> (i32, i32) {
  %c1 = arith.constant 1 : i32
  %c1_0 = arith.constant 1 : i32
  %0 = arith.addi %a, %c1 : i32
  %1 = arith.addi %a, %c1_0 : i32
  return %0, %1 : i32, i32
}

// Commutative ops match with their operands in either order; others do not.
// CHECK-LABEL: func.func @commutative
// CHECK-NEXT:    %[[A:.+]] = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT:    %[[S1:.+]] = arith.subi %arg0, %arg1 : i32
// CHECK-NEXT:    %[[S2:.+]] = arith.subi %arg1, %arg0 : i32
// CHECK-NEXT:    return %[[A]], %[[A]], %[[S1]], %[[S2]]
func.func @commutative(%a: i32, %b: i32) -> (i32, i32, i32, i32) {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %b, %a : i32
  %2 = arith.subi %a, %b : i32
  %3 = arith.subi %b, %a : i32
  return %0, %1, %2, %3 : i32, i32, i32, i32
}

// Different attributes or result types keep ops apart.
// CHECK-LABEL: func.func @not_equal
// CHECK-NEXT:    arith.constant 1 : i32
// CHECK-NEXT:    arith.constant 1 : i64
// CHECK-NEXT:    arith.constant 2 : i32
// CHECK-NEXT:    arith.cmpi slt, %arg0, %arg1 : i32
// CHECK-NEXT:    arith.cmpi sgt, %arg0, %arg1 : i32
// CHECK-NEXT:    return
func.func @not_equal(%a: i32, %b: i32) -> (i32, i64, i32, i1, i1) {
  %0 = arith.constant 1 : i32
  %1 = arith.constant 1 : i64
  %2 = arith.constant 2 : i32
  %3 = arith.cmpi slt, %a, %b : i32
  %4 = arith.cmpi sgt, %a, %b : i32
  return %0, %1, %2, %3, %4 : i32, i64, i32, i1, i1
}

// Ops with side effects (calls) are never merged.
// CHECK-LABEL: func.func @calls
// CHECK-NEXT:    call @effect(%arg0)
// CHECK-NEXT:    call @effect(%arg0)
func.func private @effect(i32) -> i32
func.func @calls(%a: i32) -> (i32, i32) {
  %0 = call @effect(%a) : (i32) -> i32
  %1 = call @effect(%a) : (i32) -> i32
  return %0, %1 : i32, i32
}

// A definition in a block replaces equal ops in the blocks it dominates, not in sibling blocks; ops in
// unreachable blocks are left alone; unused pure ops met on the way are erased.
// CHECK-LABEL: func.func @dominance
// CHECK-NEXT:    %[[X:.+]] = arith.muli %arg0, %arg0 : i32
// CHECK-NEXT:    cf.cond_br %arg1, ^bb1, ^bb2
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[Y:.+]] = arith.addi %arg0, %[[X]] : i32
// CHECK-NEXT:    cf.br ^bb3(%[[Y]] : i32)
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    %[[Z:.+]] = arith.addi %arg0, %[[X]] : i32
// CHECK-NEXT:    %[[W:.+]] = arith.addi %[[Z]], %[[X]] : i32
// CHECK-NEXT:    cf.br ^bb3(%[[W]] : i32)
// CHECK-NEXT:  ^bb3(%[[R:.+]]: i32):
// CHECK-NEXT:    return %[[R]] : i32
// CHECK-NEXT:  ^bb4:
// CHECK-NEXT:    arith.muli %arg0, %arg0
// CHECK-NEXT:    arith.muli %arg0, %arg0
// CHECK-NEXT:    cf.br ^bb3
func.func @dominance(%a: i32, %c: i1) -> i32 {
  %x = arith.muli %a, %a : i32
  %dead = arith.subi %a, %a : i32
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x1 = arith.muli %a, %a : i32
  %y = arith.addi %a, %x1 : i32
  cf.br ^bb3(%y : i32)
^bb2:
  %z = arith.addi %a, %x : i32
  %x2 = arith.muli %a, %a : i32
  %w = arith.addi %z, %x2 : i32
  cf.br ^bb3(%w : i32)
^bb3(%r: i32):
  return %r : i32
^bb4:
  %u = arith.muli %a, %a : i32
  %v = arith.muli %a, %a : i32
  cf.br ^bb3(%v : i32)
}

// Each function is its own scope: equal ops in two functions stay.
// CHECK-LABEL: func.func @scope1
// CHECK-NEXT:    arith.constant 7 : i32
// CHECK-LABEL: func.func @scope2
// CHECK-NEXT:    arith.constant 7 : i32
func.func @scope1() -> i32 {
  %c = arith.constant 7 : i32
  return %c : i32
}
func.func @scope2() -> i32 {
  %c = arith.constant 7 : i32
  return %c : i32
}
