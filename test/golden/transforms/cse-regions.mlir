// RUN: tensile-opt %s --allow-unregistered-dialect --cse | FileCheck %s

// In the module's graph region, uses by ops already visited (even before the definition) are replaced.
// CHECK:       %[[C:.+]] = arith.constant 1 : i32
// CHECK-NEXT:  "test.use"(%[[C]], %[[C]])
// CHECK-NEXT:  "test.use"(%[[C]])
%0 = arith.constant 1 : i32
"test.use"(%0, %1) : (i32, i32) -> ()
%1 = arith.constant 1 : i32
%2 = arith.constant 1 : i32
"test.use"(%2) : (i32) -> ()

// An op of an unknown dialect might be isolated from above: its regions start a new scope (and are CSE'd
// inside); the function's own scope does not reach into them.
// CHECK-LABEL: func.func @f
// CHECK-NEXT:    %[[OUT:.+]] = arith.constant 1 : i32
// CHECK-NEXT:    "test.region"() ({
// CHECK-NEXT:      %[[IN:.+]] = arith.constant 1 : i32
// CHECK-NEXT:      "test.yield"(%[[IN]], %[[IN]])
func.func @f() -> i32 {
  %c = arith.constant 1 : i32
  %r = "test.region"() ({
    %c1 = arith.constant 1 : i32
    %c2 = arith.constant 1 : i32
    "test.yield"(%c1, %c2) : (i32, i32) -> ()
  }) : () -> i32
  return %c : i32
}
