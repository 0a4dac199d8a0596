// RUN: tensile-opt %s --canonicalize | FileCheck %s
// The CHECK lines are mlir-opt-16 --canonicalize's output for this file.
// CHECK: llvm.func @constants(%arg0: i32) -> i32 {
// CHECK-NEXT: %0 = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT: %1 = llvm.add %arg0, %arg0  : i32
// CHECK-NEXT: %2 = llvm.add %1, %0  : i32
// CHECK-NEXT: %3 = llvm.mul %2, %0  : i32
// CHECK-NEXT: llvm.return %3 : i32
// CHECK-NEXT: }
// CHECK-NEXT: func.func @in_func(%arg0: i64) -> i64 {
// CHECK-NEXT: %0 = llvm.mlir.constant(7 : i64) : i64
// CHECK-NEXT: %1 = llvm.mul %arg0, %0  : i64
// CHECK-NEXT: %2 = llvm.add %1, %0  : i64
// CHECK-NEXT: return %2 : i64
// CHECK-NEXT: }

// llvm.mlir.constant is ConstantLike and folds to its value: canonicalization uniques equal constants and
// hoists them to the top of the function.
llvm.func @constants(%a: i32) -> i32 {
  %0 = llvm.add %a, %a : i32
  %c1 = llvm.mlir.constant(1 : i32) : i32
  %1 = llvm.add %0, %c1 : i32
  %c1_0 = llvm.mlir.constant(1 : i32) : i32
  %2 = llvm.mul %1, %c1_0 : i32
  %3 = llvm.mlir.constant(dense<2.0> : vector<4xf32>) : vector<4xf32>
  %4 = llvm.fadd %3, %3 : vector<4xf32>
  %5 = llvm.mlir.undef : vector<4xf32>
  llvm.return %2 : i32
}

// llvm ops inside a builtin function canonicalize alike.
func.func @in_func(%a: i64) -> i64 {
  %c = llvm.mlir.constant(7 : i64) : i64
  %0 = llvm.mul %a, %c : i64
  %d = llvm.mlir.constant(7 : i64) : i64
  %1 = llvm.add %0, %d : i64
  return %1 : i64
}
