// RUN: tensile-opt %s --reconcile-unrealized-casts | FileCheck %s
// Cast chains that come back to their start type fold away, dead casts go; the CHECK lines are mlir-opt-16's.
// CHECK: func.func @chain(%arg0: i64) -> i64 {
// CHECK-NEXT: %0 = llvm.add %arg0, %arg0  : i64
// CHECK-NEXT: return %0 : i64
// CHECK-NEXT: }
// CHECK-NEXT: func.func @long(%arg0: i32) -> i32 {
// CHECK-NEXT: return %arg0 : i32
// CHECK-NEXT: }

func.func @chain(%a: i64) -> i64 {
  %0 = builtin.unrealized_conversion_cast %a : i64 to index
  %1 = builtin.unrealized_conversion_cast %0 : index to i64
  %2 = llvm.add %1, %1 : i64
  %3 = builtin.unrealized_conversion_cast %2 : i64 to i32
  return %2 : i64
}
func.func @long(%a: i32) -> i32 {
  %0 = builtin.unrealized_conversion_cast %a : i32 to f32
  %1 = builtin.unrealized_conversion_cast %0 : f32 to i64
  %2 = builtin.unrealized_conversion_cast %1 : i64 to i32
  return %2 : i32
}
