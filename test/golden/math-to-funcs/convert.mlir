// RUN: tensile-opt %s --convert-math-to-funcs | FileCheck %s
// math.ipowi and math.fpowi become calls of outlined functions, one per element type, appended to the module in
// the order first needed; vectors are split into scalars. The CHECK lines are mlir-opt-16
// --convert-math-to-funcs's output for this file.
// CHECK: module {
// CHECK-NEXT:   func.func @pow(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: i64, %arg4: vector<2xi8>, %arg5: f64, %arg6: i8, %arg7: vector<2x2xf32>, %arg8: vector<2x2xi32>) -> (i32, f32, vector<2xi8>, i32, f64, vector<2x2xf32>) {
// CHECK-NEXT:     %0 = call @__mlir_math_ipowi_i32(%arg0, %arg1) : (i32, i32) -> i32
// CHECK-NEXT:     %1 = call @__mlir_math_fpowi_f32_i64(%arg2, %arg3) : (f32, i64) -> f32
// CHECK-NEXT:     %cst = arith.constant dense<0> : vector<2xi8>
// CHECK-NEXT:     %2 = vector.extract %arg4[0] : vector<2xi8>
// CHECK-NEXT:     %3 = vector.extract %arg4[0] : vector<2xi8>
// CHECK-NEXT:     %4 = call @__mlir_math_ipowi_i8(%2, %3) : (i8, i8) -> i8
// CHECK-NEXT:     %5 = vector.insert %4, %cst [0] : i8 into vector<2xi8>
// CHECK-NEXT:     %6 = vector.extract %arg4[1] : vector<2xi8>
// CHECK-NEXT:     %7 = vector.extract %arg4[1] : vector<2xi8>
// CHECK-NEXT:     %8 = call @__mlir_math_ipowi_i8(%6, %7) : (i8, i8) -> i8
// CHECK-NEXT:     %9 = vector.insert %8, %5 [1] : i8 into vector<2xi8>
// CHECK-NEXT:     %10 = call @__mlir_math_ipowi_i32(%arg1, %arg0) : (i32, i32) -> i32
// CHECK-NEXT:     %11 = call @__mlir_math_fpowi_f64_i8(%arg5, %arg6) : (f64, i8) -> f64
// CHECK-NEXT:     %cst_0 = arith.constant dense<0.000000e+00> : vector<2x2xf32>
// CHECK-NEXT:     %12 = vector.extract %arg7[0, 0] : vector<2x2xf32>
// CHECK-NEXT:     %13 = vector.extract %arg8[0, 0] : vector<2x2xi32>
// CHECK-NEXT:     %14 = call @__mlir_math_fpowi_f32_i32(%12, %13) : (f32, i32) -> f32
// CHECK-NEXT:     %15 = vector.insert %14, %cst_0 [0, 0] : f32 into vector<2x2xf32>
// CHECK-NEXT:     %16 = vector.extract %arg7[0, 1] : vector<2x2xf32>
// CHECK-NEXT:     %17 = vector.extract %arg8[0, 1] : vector<2x2xi32>
// CHECK-NEXT:     %18 = call @__mlir_math_fpowi_f32_i32(%16, %17) : (f32, i32) -> f32
// CHECK-NEXT:     %19 = vector.insert %18, %15 [0, 1] : f32 into vector<2x2xf32>
// CHECK-NEXT:     %20 = vector.extract %arg7[1, 0] : vector<2x2xf32>
// CHECK-NEXT:     %21 = vector.extract %arg8[1, 0] : vector<2x2xi32>
// CHECK-NEXT:     %22 = call @__mlir_math_fpowi_f32_i32(%20, %21) : (f32, i32) -> f32
// CHECK-NEXT:     %23 = vector.insert %22, %19 [1, 0] : f32 into vector<2x2xf32>
// CHECK-NEXT:     %24 = vector.extract %arg7[1, 1] : vector<2x2xf32>
// CHECK-NEXT:     %25 = vector.extract %arg8[1, 1] : vector<2x2xi32>
// CHECK-NEXT:     %26 = call @__mlir_math_fpowi_f32_i32(%24, %25) : (f32, i32) -> f32
// CHECK-NEXT:     %27 = vector.insert %26, %23 [1, 1] : f32 into vector<2x2xf32>
// CHECK-NEXT:     return %0, %1, %9, %10, %11, %27 : i32, f32, vector<2xi8>, i32, f64, vector<2x2xf32>
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @__mlir_math_ipowi_i32(%arg0: i32, %arg1: i32) -> i32 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
// CHECK-NEXT:     %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT:     %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT:     %c-1_i32 = arith.constant -1 : i32
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg1, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return %c1_i32 : i32
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.cmpi sle, %arg1, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %1, ^bb3, ^bb12(%c1_i32, %arg0, %arg1 : i32, i32, i32)
// CHECK-NEXT:   ^bb3:  // pred: ^bb2
// CHECK-NEXT:     %2 = arith.cmpi eq, %arg0, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %2, ^bb4, ^bb5
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     %3 = arith.divsi %c1_i32, %c0_i32 : i32
// CHECK-NEXT:     return %3 : i32
// CHECK-NEXT:   ^bb5:  // pred: ^bb3
// CHECK-NEXT:     %4 = arith.cmpi eq, %arg0, %c1_i32 : i32
// CHECK-NEXT:     cf.cond_br %4, ^bb6, ^bb7
// CHECK-NEXT:   ^bb6:  // pred: ^bb5
// CHECK-NEXT:     return %c1_i32 : i32
// CHECK-NEXT:   ^bb7:  // pred: ^bb5
// CHECK-NEXT:     %5 = arith.cmpi eq, %arg0, %c-1_i32 : i32
// CHECK-NEXT:     cf.cond_br %5, ^bb8, ^bb11
// CHECK-NEXT:   ^bb8:  // pred: ^bb7
// CHECK-NEXT:     %6 = arith.andi %arg1, %c1_i32 : i32
// CHECK-NEXT:     %7 = arith.cmpi ne, %6, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %7, ^bb9, ^bb10
// CHECK-NEXT:   ^bb9:  // pred: ^bb8
// CHECK-NEXT:     return %c-1_i32 : i32
// CHECK-NEXT:   ^bb10:  // pred: ^bb8
// CHECK-NEXT:     return %c1_i32 : i32
// CHECK-NEXT:   ^bb11:  // pred: ^bb7
// CHECK-NEXT:     return %c0_i32 : i32
// CHECK-NEXT:   ^bb12(%8: i32, %9: i32, %10: i32):  // 2 preds: ^bb2, ^bb16
// CHECK-NEXT:     %11 = arith.andi %10, %c1_i32 : i32
// CHECK-NEXT:     %12 = arith.cmpi ne, %11, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %12, ^bb13, ^bb14(%8 : i32)
// CHECK-NEXT:   ^bb13:  // pred: ^bb12
// CHECK-NEXT:     %13 = arith.muli %8, %9 : i32
// CHECK-NEXT:     cf.br ^bb14(%13 : i32)
// CHECK-NEXT:   ^bb14(%14: i32):  // 2 preds: ^bb12, ^bb13
// CHECK-NEXT:     %15 = arith.shrui %10, %c1_i32 : i32
// CHECK-NEXT:     %16 = arith.cmpi eq, %15, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %16, ^bb15, ^bb16
// CHECK-NEXT:   ^bb15:  // pred: ^bb14
// CHECK-NEXT:     return %14 : i32
// CHECK-NEXT:   ^bb16:  // pred: ^bb14
// CHECK-NEXT:     %17 = arith.muli %9, %9 : i32
// CHECK-NEXT:     cf.br ^bb12(%14, %17, %15 : i32, i32, i32)
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @__mlir_math_fpowi_f32_i64(%arg0: f32, %arg1: i64) -> f32 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
// CHECK-NEXT:     %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT:     %c0_i64 = arith.constant 0 : i64
// CHECK-NEXT:     %c1_i64 = arith.constant 1 : i64
// CHECK-NEXT:     %c-9223372036854775808_i64 = arith.constant -9223372036854775808 : i64
// CHECK-NEXT:     %c9223372036854775807_i64 = arith.constant 9223372036854775807 : i64
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg1, %c0_i64 : i64
// CHECK-NEXT:     cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return %cst : f32
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.cmpi sle, %arg1, %c0_i64 : i64
// CHECK-NEXT:     %2 = arith.cmpi eq, %arg1, %c-9223372036854775808_i64 : i64
// CHECK-NEXT:     %3 = arith.subi %c0_i64, %arg1 : i64
// CHECK-NEXT:     %4 = arith.select %1, %3, %arg1 : i64
// CHECK-NEXT:     %5 = arith.select %2, %c9223372036854775807_i64, %4 : i64
// CHECK-NEXT:     cf.br ^bb3(%cst, %arg0, %5 : f32, f32, i64)
// CHECK-NEXT:   ^bb3(%6: f32, %7: f32, %8: i64):  // 2 preds: ^bb2, ^bb6
// CHECK-NEXT:     %9 = arith.andi %8, %c1_i64 : i64
// CHECK-NEXT:     %10 = arith.cmpi ne, %9, %c0_i64 : i64
// CHECK-NEXT:     cf.cond_br %10, ^bb4, ^bb5(%6 : f32)
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     %11 = arith.mulf %6, %7 : f32
// CHECK-NEXT:     cf.br ^bb5(%11 : f32)
// CHECK-NEXT:   ^bb5(%12: f32):  // 2 preds: ^bb3, ^bb4
// CHECK-NEXT:     %13 = arith.shrui %8, %c1_i64 : i64
// CHECK-NEXT:     %14 = arith.cmpi eq, %13, %c0_i64 : i64
// CHECK-NEXT:     cf.cond_br %14, ^bb7(%12 : f32), ^bb6
// CHECK-NEXT:   ^bb6:  // pred: ^bb5
// CHECK-NEXT:     %15 = arith.mulf %7, %7 : f32
// CHECK-NEXT:     cf.br ^bb3(%12, %15, %13 : f32, f32, i64)
// CHECK-NEXT:   ^bb7(%16: f32):  // pred: ^bb5
// CHECK-NEXT:     cf.cond_br %2, ^bb8, ^bb9(%16 : f32)
// CHECK-NEXT:   ^bb8:  // pred: ^bb7
// CHECK-NEXT:     %17 = arith.mulf %16, %arg0 : f32
// CHECK-NEXT:     cf.br ^bb9(%17 : f32)
// CHECK-NEXT:   ^bb9(%18: f32):  // 2 preds: ^bb7, ^bb8
// CHECK-NEXT:     cf.cond_br %1, ^bb10, ^bb11(%18 : f32)
// CHECK-NEXT:   ^bb10:  // pred: ^bb9
// CHECK-NEXT:     %19 = arith.divf %cst, %18 : f32
// CHECK-NEXT:     cf.br ^bb11(%19 : f32)
// CHECK-NEXT:   ^bb11(%20: f32):  // 2 preds: ^bb9, ^bb10
// CHECK-NEXT:     return %20 : f32
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @__mlir_math_ipowi_i8(%arg0: i8, %arg1: i8) -> i8 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
// CHECK-NEXT:     %c0_i8 = arith.constant 0 : i8
// CHECK-NEXT:     %c1_i8 = arith.constant 1 : i8
// CHECK-NEXT:     %c-1_i8 = arith.constant -1 : i8
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg1, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return %c1_i8 : i8
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.cmpi sle, %arg1, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %1, ^bb3, ^bb12(%c1_i8, %arg0, %arg1 : i8, i8, i8)
// CHECK-NEXT:   ^bb3:  // pred: ^bb2
// CHECK-NEXT:     %2 = arith.cmpi eq, %arg0, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %2, ^bb4, ^bb5
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     %3 = arith.divsi %c1_i8, %c0_i8 : i8
// CHECK-NEXT:     return %3 : i8
// CHECK-NEXT:   ^bb5:  // pred: ^bb3
// CHECK-NEXT:     %4 = arith.cmpi eq, %arg0, %c1_i8 : i8
// CHECK-NEXT:     cf.cond_br %4, ^bb6, ^bb7
// CHECK-NEXT:   ^bb6:  // pred: ^bb5
// CHECK-NEXT:     return %c1_i8 : i8
// CHECK-NEXT:   ^bb7:  // pred: ^bb5
// CHECK-NEXT:     %5 = arith.cmpi eq, %arg0, %c-1_i8 : i8
// CHECK-NEXT:     cf.cond_br %5, ^bb8, ^bb11
// CHECK-NEXT:   ^bb8:  // pred: ^bb7
// CHECK-NEXT:     %6 = arith.andi %arg1, %c1_i8 : i8
// CHECK-NEXT:     %7 = arith.cmpi ne, %6, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %7, ^bb9, ^bb10
// CHECK-NEXT:   ^bb9:  // pred: ^bb8
// CHECK-NEXT:     return %c-1_i8 : i8
// CHECK-NEXT:   ^bb10:  // pred: ^bb8
// CHECK-NEXT:     return %c1_i8 : i8
// CHECK-NEXT:   ^bb11:  // pred: ^bb7
// CHECK-NEXT:     return %c0_i8 : i8
// CHECK-NEXT:   ^bb12(%8: i8, %9: i8, %10: i8):  // 2 preds: ^bb2, ^bb16
// CHECK-NEXT:     %11 = arith.andi %10, %c1_i8 : i8
// CHECK-NEXT:     %12 = arith.cmpi ne, %11, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %12, ^bb13, ^bb14(%8 : i8)
// CHECK-NEXT:   ^bb13:  // pred: ^bb12
// CHECK-NEXT:     %13 = arith.muli %8, %9 : i8
// CHECK-NEXT:     cf.br ^bb14(%13 : i8)
// CHECK-NEXT:   ^bb14(%14: i8):  // 2 preds: ^bb12, ^bb13
// CHECK-NEXT:     %15 = arith.shrui %10, %c1_i8 : i8
// CHECK-NEXT:     %16 = arith.cmpi eq, %15, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %16, ^bb15, ^bb16
// CHECK-NEXT:   ^bb15:  // pred: ^bb14
// CHECK-NEXT:     return %14 : i8
// CHECK-NEXT:   ^bb16:  // pred: ^bb14
// CHECK-NEXT:     %17 = arith.muli %9, %9 : i8
// CHECK-NEXT:     cf.br ^bb12(%14, %17, %15 : i8, i8, i8)
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @__mlir_math_fpowi_f64_i8(%arg0: f64, %arg1: i8) -> f64 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
// CHECK-NEXT:     %cst = arith.constant 1.000000e+00 : f64
// CHECK-NEXT:     %c0_i8 = arith.constant 0 : i8
// CHECK-NEXT:     %c1_i8 = arith.constant 1 : i8
// CHECK-NEXT:     %c-128_i8 = arith.constant -128 : i8
// CHECK-NEXT:     %c127_i8 = arith.constant 127 : i8
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg1, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return %cst : f64
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.cmpi sle, %arg1, %c0_i8 : i8
// CHECK-NEXT:     %2 = arith.cmpi eq, %arg1, %c-128_i8 : i8
// CHECK-NEXT:     %3 = arith.subi %c0_i8, %arg1 : i8
// CHECK-NEXT:     %4 = arith.select %1, %3, %arg1 : i8
// CHECK-NEXT:     %5 = arith.select %2, %c127_i8, %4 : i8
// CHECK-NEXT:     cf.br ^bb3(%cst, %arg0, %5 : f64, f64, i8)
// CHECK-NEXT:   ^bb3(%6: f64, %7: f64, %8: i8):  // 2 preds: ^bb2, ^bb6
// CHECK-NEXT:     %9 = arith.andi %8, %c1_i8 : i8
// CHECK-NEXT:     %10 = arith.cmpi ne, %9, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %10, ^bb4, ^bb5(%6 : f64)
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     %11 = arith.mulf %6, %7 : f64
// CHECK-NEXT:     cf.br ^bb5(%11 : f64)
// CHECK-NEXT:   ^bb5(%12: f64):  // 2 preds: ^bb3, ^bb4
// CHECK-NEXT:     %13 = arith.shrui %8, %c1_i8 : i8
// CHECK-NEXT:     %14 = arith.cmpi eq, %13, %c0_i8 : i8
// CHECK-NEXT:     cf.cond_br %14, ^bb7(%12 : f64), ^bb6
// CHECK-NEXT:   ^bb6:  // pred: ^bb5
// CHECK-NEXT:     %15 = arith.mulf %7, %7 : f64
// CHECK-NEXT:     cf.br ^bb3(%12, %15, %13 : f64, f64, i8)
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
// CHECK-NEXT:   func.func private @__mlir_math_fpowi_f32_i32(%arg0: f32, %arg1: i32) -> f32 attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {
// CHECK-NEXT:     %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT:     %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT:     %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT:     %c-2147483648_i32 = arith.constant -2147483648 : i32
// CHECK-NEXT:     %c2147483647_i32 = arith.constant 2147483647 : i32
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg1, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %0, ^bb1, ^bb2
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return %cst : f32
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.cmpi sle, %arg1, %c0_i32 : i32
// CHECK-NEXT:     %2 = arith.cmpi eq, %arg1, %c-2147483648_i32 : i32
// CHECK-NEXT:     %3 = arith.subi %c0_i32, %arg1 : i32
// CHECK-NEXT:     %4 = arith.select %1, %3, %arg1 : i32
// CHECK-NEXT:     %5 = arith.select %2, %c2147483647_i32, %4 : i32
// CHECK-NEXT:     cf.br ^bb3(%cst, %arg0, %5 : f32, f32, i32)
// CHECK-NEXT:   ^bb3(%6: f32, %7: f32, %8: i32):  // 2 preds: ^bb2, ^bb6
// CHECK-NEXT:     %9 = arith.andi %8, %c1_i32 : i32
// CHECK-NEXT:     %10 = arith.cmpi ne, %9, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %10, ^bb4, ^bb5(%6 : f32)
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     %11 = arith.mulf %6, %7 : f32
// CHECK-NEXT:     cf.br ^bb5(%11 : f32)
// CHECK-NEXT:   ^bb5(%12: f32):  // 2 preds: ^bb3, ^bb4
// CHECK-NEXT:     %13 = arith.shrui %8, %c1_i32 : i32
// CHECK-NEXT:     %14 = arith.cmpi eq, %13, %c0_i32 : i32
// CHECK-NEXT:     cf.cond_br %14, ^bb7(%12 : f32), ^bb6
// CHECK-NEXT:   ^bb6:  // pred: ^bb5
// CHECK-NEXT:     %15 = arith.mulf %7, %7 : f32
// CHECK-NEXT:     cf.br ^bb3(%12, %15, %13 : f32, f32, i32)
// CHECK-NEXT:   ^bb7(%16: f32):  // pred: ^bb5
// CHECK-NEXT:     cf.cond_br %2, ^bb8, ^bb9(%16 : f32)
// CHECK-NEXT:   ^bb8:  // pred: ^bb7
// CHECK-NEXT:     %17 = arith.mulf %16, %arg0 : f32
// CHECK-NEXT:     cf.br ^bb9(%17 : f32)
// CHECK-NEXT:   ^bb9(%18: f32):  // 2 preds: ^bb7, ^bb8
// CHECK-NEXT:     cf.cond_br %1, ^bb10, ^bb11(%18 : f32)
// CHECK-NEXT:   ^bb10:  // pred: ^bb9
// CHECK-NEXT:     %19 = arith.divf %cst, %18 : f32
// CHECK-NEXT:     cf.br ^bb11(%19 : f32)
// CHECK-NEXT:   ^bb11(%20: f32):  // 2 preds: ^bb9, ^bb10
// CHECK-NEXT:     return %20 : f32
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @pow(%a: i32, %b: i32, %x: f32, %n: i64, %v: vector<2xi8>, %y: f64, %m: i8, %vx: vector<2x2xf32>, %vn: vector<2x2xi32>) -> (i32, f32, vector<2xi8>, i32, f64, vector<2x2xf32>) {
  %r = math.ipowi %a, %b : i32
  %s = math.fpowi %x, %n : f32, i64
  %t = math.ipowi %v, %v : vector<2xi8>
  %u = math.ipowi %b, %a : i32
  %w = math.fpowi %y, %m : f64, i8
  %z = math.fpowi %vx, %vn : vector<2x2xf32>, vector<2x2xi32>
  return %r, %s, %t, %u, %w, %z : i32, f32, vector<2xi8>, i32, f64, vector<2x2xf32>
}
