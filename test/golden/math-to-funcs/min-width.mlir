// RUN: tensile-opt %s --convert-math-to-funcs=min-width-of-fpowi-exponent=16 | FileCheck %s
// With min-width-of-fpowi-exponent=16, an fpowi with an i8 exponent stays (LLVM's powi can take it); ipowi is
// always converted. The CHECK lines are mlir-opt-16's output for this file with the same option.
// CHECK: module {
// CHECK-NEXT:   func.func @narrow(%arg0: f32, %arg1: i8, %arg2: f64, %arg3: i32, %arg4: i16, %arg5: i16) -> (f32, f64, i16) {
// CHECK-NEXT:     %0 = math.fpowi %arg0, %arg1 : f32, i8
// CHECK-NEXT:     %1 = call @__mlir_math_fpowi_f64_i32(%arg2, %arg3) : (f64, i32) -> f64
// CHECK-NEXT:     %2 = call @__mlir_math_ipowi_i16(%arg4, %arg5) : (i16, i16) -> i16
// CHECK-NEXT:     return %0, %1, %2 : f32, f64, i16
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @__mlir_math_fpowi_f64_i32(%arg0: f64, %arg1: i32) -> f64 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
// CHECK-NEXT:     %cst = arith.constant 1.000000e+00 : f64
// CHECK-NEXT:     %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT:     %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT:     %c-2147483648_i32 = arith.constant -2147483648 : i32
// CHECK-NEXT:     %c2147483647_i32 = arith.constant 2147483647 : i32
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg1, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return %cst : f64
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.cmpi sle, %arg1, %c0_i32 : i32
// CHECK-NEXT:     %2 = arith.cmpi eq, %arg1, %c-2147483648_i32 : i32
// CHECK-NEXT:     %3 = arith.subi %c0_i32, %arg1 : i32
// CHECK-NEXT:     %4 = arith.select %1, %3, %arg1 : i32
// CHECK-NEXT:     %5 = arith.select %2, %c2147483647_i32, %4 : i32
// CHECK-NEXT:     cf.br ^bb3(%cst, %arg0, %5 : f64, f64, i32)
// CHECK-NEXT:   ^bb3(%6: f64, %7: f64, %8: i32):  // 2 preds: ^bb2, ^bb6
// CHECK-NEXT:     %9 = arith.andi %8, %c1_i32 : i32
// CHECK-NEXT:     %10 = arith.cmpi ne, %9, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %10, ^bb4, ^bb5(%6 : f64)
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     %11 = arith.mulf %6, %7 : f64
// CHECK-NEXT:     cf.br ^bb5(%11 : f64)
// CHECK-NEXT:   ^bb5(%12: f64):  // 2 preds: ^bb3, ^bb4
// CHECK-NEXT:     %13 = arith.shrui %8, %c1_i32 : i32
// CHECK-NEXT:     %14 = arith.cmpi eq, %13, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %14, ^bb7(%12 : f64), ^bb6
// CHECK-NEXT:   ^bb6:  // pred: ^bb5
// CHECK-NEXT:     %15 = arith.mulf %7, %7 : f64
// CHECK-NEXT:     cf.br ^bb3(%12, %15, %13 : f64, f64, i32)
// CHECK-NEXT:   ^bb7(%16: f64):  // pred: ^bb5
// CHECK-NEXT:     cf.cond_br %2, ^bb8, ^bb9(%16 : f64)
// CHECK-NEXT:   ^bb8:  // pred: ^bb7
// CHECK-NEXT:     %17 = arith.mulf %16, %arg0 : f64
// CHECK-NEXT:     cf.br ^bb9(%17 : f64)
// CHECK-NEXT:   ^bb9(%18: f64):  // 2 preds: ^bb7, ^bb8
// CHECK-NEXT:     cf.cond_br %1, ^bb10, ^bb11(%18 : f64)
// CHECK-NEXT:   ^bb10:  // pred: ^bb9
// CHECK-NEXT:     %19 = arith.divf %cst, %18 : f64
// CHECK-NEXT:     cf.br ^bb11(%19 : f64)
// CHECK-NEXT:   ^bb11(%20: f64):  // 2 preds: ^bb9, ^bb10
// CHECK-NEXT:     return %20 : f64
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @__mlir_math_ipowi_i16(%arg0: i16, %arg1: i16) -> i16 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
// CHECK-NEXT:     %c0_i16 = arith.constant 0 : i16
// CHECK-NEXT:     %c1_i16 = arith.constant 1 : i16
// CHECK-NEXT:     %c-1_i16 = arith.constant -1 : i16
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg1, %c0_i16 : i16
// CHECK-NEXT:     cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return %c1_i16 : i16
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.cmpi sle, %arg1, %c0_i16 : i16
// CHECK-NEXT:     cf.cond_br %1, ^bb3, ^bb12(%c1_i16, %arg0, %arg1 : i16, i16, i16)
// CHECK-NEXT:   ^bb3:  // pred: ^bb2
// CHECK-NEXT:     %2 = arith.cmpi eq, %arg0, %c0_i16 : i16
// CHECK-NEXT:     cf.cond_br %2, ^bb4, ^bb5
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     %3 = arith.divsi %c1_i16, %c0_i16 : i16
// CHECK-NEXT:     return %3 : i16
// CHECK-NEXT:   ^bb5:  // pred: ^bb3
// CHECK-NEXT:     %4 = arith.cmpi eq, %arg0, %c1_i16 : i16
// CHECK-NEXT:     cf.cond_br %4, ^bb6, ^bb7
// CHECK-NEXT:   ^bb6:  // pred: ^bb5
// CHECK-NEXT:     return %c1_i16 : i16
// CHECK-NEXT:   ^bb7:  // pred: ^bb5
// CHECK-NEXT:     %5 = arith.cmpi eq, %arg0, %c-1_i16 : i16
// CHECK-NEXT:     cf.cond_br %5, ^bb8, ^bb11
// CHECK-NEXT:   ^bb8:  // pred: ^bb7
// CHECK-NEXT:     %6 = arith.andi %arg1, %c1_i16 : i16
// CHECK-NEXT:     %7 = arith.cmpi ne, %6, %c0_i16 : i16
// CHECK-NEXT:     cf.cond_br %7, ^bb9, ^bb10
// CHECK-NEXT:   ^bb9:  // pred: ^bb8
// CHECK-NEXT:     return %c-1_i16 : i16
// CHECK-NEXT:   ^bb10:  // pred: ^bb8
// CHECK-NEXT:     return %c1_i16 : i16
// CHECK-NEXT:   ^bb11:  // pred: ^bb7
// CHECK-NEXT:     return %c0_i16 : i16
// CHECK-NEXT:   ^bb12(%8: i16, %9: i16, %10: i16):  // 2 preds: ^bb2, ^bb16
// CHECK-NEXT:     %11 = arith.andi %10, %c1_i16 : i16
// CHECK-NEXT:     %12 = arith.cmpi ne, %11, %c0_i16 : i16
// CHECK-NEXT:     cf.cond_br %12, ^bb13, ^bb14(%8 : i16)
// CHECK-NEXT:   ^bb13:  // pred: ^bb12
// CHECK-NEXT:     %13 = arith.muli %8, %9 : i16
// CHECK-NEXT:     cf.br ^bb14(%13 : i16)
// CHECK-NEXT:   ^bb14(%14: i16):  // 2 preds: ^bb12, ^bb13
// CHECK-NEXT:     %15 = arith.shrui %10, %c1_i16 : i16
// CHECK-NEXT:     %16 = arith.cmpi eq, %15, %c0_i16 : i16
// CHECK-NEXT:     cf.cond_br %16, ^bb15, ^bb16
// CHECK-NEXT:   ^bb15:  // pred: ^bb14
// CHECK-NEXT:     return %14 : i16
// CHECK-NEXT:   ^bb16:  // pred: ^bb14
// CHECK-NEXT:     %17 = arith.muli %9, %9 : i16
// CHECK-NEXT:     cf.br ^bb12(%14, %17, %15 : i16, i16, i16)
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @narrow(%x: f32, %n: i8, %y: f64, %m: i32, %a: i16, %b: i16) -> (f32, f64, i16) {
  %s = math.fpowi %x, %n : f32, i8
  %t = math.fpowi %y, %m : f64, i32
  %u = math.ipowi %a, %b : i16
  return %s, %t, %u : f32, f64, i16
}
