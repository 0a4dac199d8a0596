// RUN: tensile-opt %s --canonicalize | FileCheck %s

// func.call_indirect of a func.constant is a direct call.
// CHECK-LABEL: func.func @indirect
// CHECK-NEXT:    %[[R:.+]] = call @callee(%arg0) : (i32) -> i32
// CHECK-NEXT:    return %[[R]] : i32
func.func private @callee(i32) -> i32
func.func @indirect(%a: i32) -> i32 {
  %f = constant @callee : (i32) -> i32
  %r = call_indirect %f(%a) : (i32) -> i32
  return %r : i32
}

// A function value that is not a constant stays an indirect call.
// CHECK-LABEL: func.func @unknown
// CHECK-NEXT:    call_indirect %arg0(%arg1)
func.func @unknown(%f: (i32) -> i32, %a: i32) -> i32 {
  %r = call_indirect %f(%a) : (i32) -> i32
  return %r : i32
}

// Blocks ending in func.return that nothing reaches are erased.
// CHECK-LABEL: func.func @unreachable_return
// CHECK-NEXT:    return %arg0 : i32
// CHECK-NEXT:  }
func.func @unreachable_return(%a: i32) -> i32 {
  return %a : i32
^bb1:
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}
