// RUN: tensile-opt %s --inline=default-pipeline= | FileCheck %s
// RUN: tensile-opt %s --inline --symbol-dce | FileCheck %s --check-prefix=CANON

// A single-block callee is cloned in place of the call, its return values replacing the call's results.
// The callee stays; symbol-dce erases it once unused and private.
// CHECK-LABEL: func.func private @square
// CHECK-LABEL: func.func @single_block
// CHECK-NEXT:    %[[M:.+]] = arith.muli %arg0, %arg0 : i32
// CHECK-NEXT:    %[[N:.+]] = arith.muli %[[M]], %[[M]] : i32
// CHECK-NEXT:    return %[[N]] : i32
// CANON-NOT:   @square
// CANON-LABEL: func.func @single_block
// CANON-NEXT:    %[[M:.+]] = arith.muli %arg0, %arg0 : i32
// CANON-NEXT:    %[[N:.+]] = arith.muli %[[M]], %[[M]] : i32
// CANON-NEXT:    return %[[N]] : i32
func.func private @square(%x: i32) -> i32 {
  %0 = arith.muli %x, %x : i32
  return %0 : i32
}
func.func @single_block(%a: i32) -> i32 {
  %0 = call @square(%a) : (i32) -> i32
  %1 = call @square(%0) : (i32) -> i32
  return %1 : i32
}

// Returned arguments become the call's operands.
// CHECK-LABEL: func.func @swap_caller
// CHECK-NEXT:    %[[D:.+]] = arith.subi %arg1, %arg0 : i32
// CHECK-NEXT:    return %[[D]] : i32
func.func private @swap(%x: i32, %y: i32) -> (i32, i32) {
  return %y, %x : i32, i32
}
func.func @swap_caller(%a: i32, %b: i32) -> i32 {
  %0:2 = call @swap(%a, %b) : (i32, i32) -> (i32, i32)
  %1 = arith.subi %0#0, %0#1 : i32
  return %1 : i32
}

// A multi-block callee splits the caller's block: the callee's entry joins the call's block, each return
// becomes a branch to the continuation, whose argument replaces the call's result. Callees are inlined
// into their callers after their own calls were inlined (@abs_square's call to @square).
// CHECK-LABEL: func.func private @abs_square
// CHECK-LABEL: func.func @multi_block
// CHECK-NEXT:    %[[S:.+]] = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:    %[[Z:.+]] = arith.constant 0 : i32
// CHECK-NEXT:    %[[NEG:.+]] = arith.cmpi slt, %[[S]], %[[Z]] : i32
// CHECK-NEXT:    cf.cond_br %[[NEG]], ^bb1, ^bb2(%[[S]] : i32)
// CHECK-NEXT:  ^bb1:
// CHECK-NEXT:    %[[N:.+]] = arith.subi %[[Z]], %[[S]] : i32
// CHECK-NEXT:    cf.br ^bb2(%[[N]] : i32)
// CHECK-NEXT:  ^bb2(%[[X:.+]]: i32):
// CHECK-NEXT:    %[[Q:.+]] = arith.muli %[[X]], %[[X]] : i32
// CHECK-NEXT:    cf.br ^bb3(%[[Q]] : i32)
// CHECK-NEXT:  ^bb3(%[[R:.+]]: i32):
// CHECK-NEXT:    %[[T:.+]] = arith.addi %[[R]], %arg0 : i32
// CHECK-NEXT:    return %[[T]] : i32
// CANON-LABEL: func.func @multi_block
// CANON:         cf.cond_br
// CANON-NOT:     call
// CANON:         return
func.func private @abs_square(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %neg = arith.cmpi slt, %x, %c0 : i32
  cf.cond_br %neg, ^bb1, ^bb2(%x : i32)
^bb1:
  %n = arith.subi %c0, %x : i32
  cf.br ^bb2(%n : i32)
^bb2(%y: i32):
  %q = call @square(%y) : (i32) -> i32
  return %q : i32
}
func.func @multi_block(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = call @abs_square(%0) : (i32) -> i32
  %2 = arith.addi %1, %a : i32
  return %2 : i32
}

// Calls to declarations and to recursive functions (directly or through a cycle) stay.
// CHECK-LABEL: func.func @not_inlined
// CHECK-NEXT:    call @external(%arg0)
// CHECK-NEXT:    call @self(
// CHECK-NEXT:    call @ping(
// CANON-LABEL: func.func @not_inlined
// CANON-NEXT:    call @external(%arg0)
// CANON-NEXT:    call @self(
// CANON-NEXT:    call @ping(
func.func private @external(i32) -> i32
func.func private @self(%x: i32) -> i32 {
  %0 = call @self(%x) : (i32) -> i32
  return %0 : i32
}
func.func private @ping(%x: i32) -> i32 {
  %0 = call @pong(%x) : (i32) -> i32
  return %0 : i32
}
func.func private @pong(%x: i32) -> i32 {
  %0 = call @ping(%x) : (i32) -> i32
  return %0 : i32
}
func.func @not_inlined(%a: i32) -> i32 {
  %0 = call @external(%a) : (i32) -> i32
  %1 = call @self(%0) : (i32) -> i32
  %2 = call @ping(%1) : (i32) -> i32
  return %2 : i32
}
