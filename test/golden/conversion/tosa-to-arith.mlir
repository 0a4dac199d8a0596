// RUN: tensile-opt %s --pass-pipeline=builtin.module(func.func(tosa-to-arith{include-apply-rescale=true})) | FileCheck %s
// tosa-to-arith with include-apply-rescale. The CHECK lines are mlir-opt-16's output.

// CHECK-LABEL: func.func @const(
// CHECK-NEXT: %cst = arith.constant dense<1.500000e+00> : tensor<4xf32>
// CHECK-NEXT: %cst_0 = arith.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi32>
// CHECK-NEXT: return %cst, %cst_0 : tensor<4xf32>, tensor<2x2xi32>
func.func @const() -> (tensor<4xf32>, tensor<2x2xi32>) {
  %0 = "tosa.const"() {value = dense<1.5> : tensor<4xf32>} : () -> tensor<4xf32>
  %1 = "tosa.const"() {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  return %0, %1 : tensor<4xf32>, tensor<2x2xi32>
}

// CHECK-LABEL: func.func @apply_scale(
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c1_i64 = arith.constant 1 : i64
// CHECK-NEXT: %c31_i32 = arith.constant 31 : i32
// CHECK-NEXT: %0 = arith.extui %arg2 : i8 to i32
// CHECK-NEXT: %1 = arith.extsi %arg0 : i32 to i64
// CHECK-NEXT: %2 = arith.extsi %arg1 : i32 to i64
// CHECK-NEXT: %3 = arith.muli %1, %2 : i64
// CHECK-NEXT: %4 = arith.extui %0 : i32 to i64
// CHECK-NEXT: %5 = arith.shli %c1_i64, %4 : i64
// CHECK-NEXT: %6 = arith.shrui %5, %c1_i64 : i64
// CHECK-NEXT: %7 = arith.addi %3, %6 : i64
// CHECK-NEXT: %8 = arith.shrsi %7, %4 : i64
// CHECK-NEXT: %9 = arith.trunci %8 : i64 to i32
// CHECK-NEXT: return %9 : i32
func.func @apply_scale(%v: i32, %m: i32, %s: i8) -> i32 {
  %0 = "tosa.apply_scale"(%v, %m, %s) {double_round = false} : (i32, i32, i8) -> i32
  return %0 : i32
}

// CHECK-LABEL: func.func @apply_scale_double_round(
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c1_i64 = arith.constant 1 : i64
// CHECK-NEXT: %c31_i32 = arith.constant 31 : i32
// CHECK-NEXT: %0 = arith.extui %arg2 : i8 to i32
// CHECK-NEXT: %1 = arith.extsi %arg0 : i32 to i64
// CHECK-NEXT: %2 = arith.extsi %arg1 : i32 to i64
// CHECK-NEXT: %3 = arith.muli %1, %2 : i64
// CHECK-NEXT: %4 = arith.extui %0 : i32 to i64
// CHECK-NEXT: %5 = arith.shli %c1_i64, %4 : i64
// CHECK-NEXT: %6 = arith.shrui %5, %c1_i64 : i64
// CHECK-NEXT: %7 = arith.addi %3, %6 : i64
// CHECK-NEXT: %c1073741824_i64 = arith.constant 1073741824 : i64
// CHECK-NEXT: %c-1073741824_i64 = arith.constant -1073741824 : i64
// CHECK-NEXT: %8 = arith.cmpi sge, %arg0, %c0_i32 : i32
// CHECK-NEXT: %9 = arith.select %8, %c1073741824_i64, %c-1073741824_i64 : i64
// CHECK-NEXT: %10 = arith.addi %9, %7 : i64
// CHECK-NEXT: %11 = arith.cmpi sgt, %0, %c31_i32 : i32
// CHECK-NEXT: %12 = arith.select %11, %10, %7 : i64
// CHECK-NEXT: %13 = arith.shrsi %12, %4 : i64
// CHECK-NEXT: %14 = arith.trunci %13 : i64 to i32
// CHECK-NEXT: return %14 : i32
func.func @apply_scale_double_round(%v: i32, %m: i32, %s: i8) -> i32 {
  %0 = "tosa.apply_scale"(%v, %m, %s) {double_round = true} : (i32, i32, i8) -> i32
  return %0 : i32
}
