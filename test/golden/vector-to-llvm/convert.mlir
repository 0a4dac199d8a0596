// RUN: tensile-opt %s --convert-vector-to-llvm | FileCheck %s
// vector ops lowered to the llvm dialect with the default options (i32 mask lanes, ordered float
// reductions); the CHECK lines are mlir-opt-16 --convert-vector-to-llvm's output for this file: n-D vectors
// travel as arrays of 1-D vectors, broadcasts and masks go through splats, inserts and compares, n-D fma unrolls.
// (One op that makes constants per function: the order mlir-opt-16 hoists constants of several ops in is not
// modelled by Tensile's greedy driver.)
// CHECK: func.func @elements(%arg0: f32, %arg1: i32, %arg2: vector<4xf32>, %arg3: vector<4xf32>, %arg4: vector<3x4xf32>, %arg5: vector<f32>, %arg6: index) -> (vector<4xf32>, f32, vector<3x4xf32>, vector<5xf32>, f32, vector<f32>, vector<4xf32>, f32, vector<4xf32>, vector<2x3x4xf32>) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg4 : vector<3x4xf32> to !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %arg5 : vector<f32> to vector<1xf32>
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %arg6 : index to i64
// CHECK-NEXT:   %3 = llvm.mlir.undef : vector<4xf32>
// CHECK-NEXT:   %4 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %5 = llvm.insertelement %arg0, %3[%4 : i32] : vector<4xf32>
// CHECK-NEXT:   %6 = llvm.shufflevector %5, %3 [0, 0, 0, 0] : vector<4xf32>
// CHECK-NEXT:   %7 = llvm.extractelement %arg2[%arg1 : i32] : vector<4xf32>
// CHECK-NEXT:   %8 = llvm.extractvalue %0[1] : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %9 = llvm.mlir.constant(2 : i64) : i64
// CHECK-NEXT:   %10 = llvm.insertelement %arg0, %8[%9 : i64] : vector<4xf32>
// CHECK-NEXT:   %11 = llvm.insertvalue %10, %0[1] : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %12 = builtin.unrealized_conversion_cast %11 : !llvm.array<3 x vector<4xf32>> to vector<3x4xf32>
// CHECK-NEXT:   %13 = llvm.shufflevector %arg2, %arg3 [0, 5, 2, 7, 1] : vector<4xf32>
// CHECK-NEXT:   %14 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %15 = llvm.extractelement %1[%14 : i64] : vector<1xf32>
// CHECK-NEXT:   %16 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %17 = llvm.insertelement %arg0, %1[%16 : i64] : vector<1xf32>
// CHECK-NEXT:   %18 = builtin.unrealized_conversion_cast %17 : vector<1xf32> to vector<f32>
// CHECK-NEXT:   %19 = llvm.insertelement %arg0, %arg2[%2 : i64] : vector<4xf32>
// CHECK-NEXT:   %20 = llvm.extractvalue %0[2] : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %21 = llvm.mlir.constant(3 : i64) : i64
// CHECK-NEXT:   %22 = llvm.extractelement %20[%21 : i64] : vector<4xf32>
// CHECK-NEXT:   %23 = llvm.extractvalue %0[0] : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %24 = llvm.mlir.undef : !llvm.array<2 x array<3 x vector<4xf32>>>
// CHECK-NEXT:   %25 = llvm.mlir.undef : vector<4xf32>
// CHECK-NEXT:   %26 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %27 = llvm.insertelement %arg0, %25[%26 : i32] : vector<4xf32>
// CHECK-NEXT:   %28 = llvm.shufflevector %27, %27 [0, 0, 0, 0] : vector<4xf32>
// CHECK-NEXT:   %29 = llvm.insertvalue %28, %24[0, 0] : !llvm.array<2 x array<3 x vector<4xf32>>>
// CHECK-NEXT:   %30 = llvm.insertvalue %28, %29[0, 1] : !llvm.array<2 x array<3 x vector<4xf32>>>
// CHECK-NEXT:   %31 = llvm.insertvalue %28, %30[0, 2] : !llvm.array<2 x array<3 x vector<4xf32>>>
// CHECK-NEXT:   %32 = llvm.insertvalue %28, %31[1, 0] : !llvm.array<2 x array<3 x vector<4xf32>>>
// CHECK-NEXT:   %33 = llvm.insertvalue %28, %32[1, 1] : !llvm.array<2 x array<3 x vector<4xf32>>>
// CHECK-NEXT:   %34 = llvm.insertvalue %28, %33[1, 2] : !llvm.array<2 x array<3 x vector<4xf32>>>
// CHECK-NEXT:   %35 = builtin.unrealized_conversion_cast %34 : !llvm.array<2 x array<3 x vector<4xf32>>> to vector<2x3x4xf32>
// CHECK-NEXT:   return %6, %7, %12, %13, %15, %18, %19, %22, %23, %35 : vector<4xf32>, f32, vector<3x4xf32>, vector<5xf32>, f32, vector<f32>, vector<4xf32>, f32, vector<4xf32>, vector<2x3x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @shuffles(%arg0: vector<2x4xf32>, %arg1: vector<1x4xf32>, %arg2: vector<2xi32>, %arg3: vector<3xi32>, %arg4: vector<f32>) -> (vector<3x4xf32>, vector<4xi32>, vector<2xf32>) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : vector<2x4xf32> to !llvm.array<2 x vector<4xf32>>
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %arg1 : vector<1x4xf32> to !llvm.array<1 x vector<4xf32>>
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %arg4 : vector<f32> to vector<1xf32>
// CHECK-NEXT:   %3 = llvm.mlir.undef : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %4 = llvm.extractvalue %1[0] : !llvm.array<1 x vector<4xf32>>
// CHECK-NEXT:   %5 = llvm.insertvalue %4, %3[0] : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %6 = llvm.extractvalue %0[0] : !llvm.array<2 x vector<4xf32>>
// CHECK-NEXT:   %7 = llvm.insertvalue %6, %5[1] : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %8 = llvm.extractvalue %0[1] : !llvm.array<2 x vector<4xf32>>
// CHECK-NEXT:   %9 = llvm.insertvalue %8, %7[2] : !llvm.array<3 x vector<4xf32>>
// CHECK-NEXT:   %10 = builtin.unrealized_conversion_cast %9 : !llvm.array<3 x vector<4xf32>> to vector<3x4xf32>
// CHECK-NEXT:   %11 = llvm.mlir.undef : vector<4xi32>
// CHECK-NEXT:   %12 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %13 = llvm.extractelement %arg2[%12 : i64] : vector<2xi32>
// CHECK-NEXT:   %14 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %15 = llvm.insertelement %13, %11[%14 : i64] : vector<4xi32>
// CHECK-NEXT:   %16 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %17 = llvm.extractelement %arg3[%16 : i64] : vector<3xi32>
// CHECK-NEXT:   %18 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %19 = llvm.insertelement %17, %15[%18 : i64] : vector<4xi32>
// CHECK-NEXT:   %20 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT:   %21 = llvm.extractelement %arg2[%20 : i64] : vector<2xi32>
// CHECK-NEXT:   %22 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT:   %23 = llvm.insertelement %21, %19[%22 : i64] : vector<4xi32>
// CHECK-NEXT:   %24 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %25 = llvm.extractelement %arg3[%24 : i64] : vector<3xi32>
// CHECK-NEXT:   %26 = llvm.mlir.constant(3 : index) : i64
// CHECK-NEXT:   %27 = llvm.insertelement %25, %23[%26 : i64] : vector<4xi32>
// CHECK-NEXT:   %28 = llvm.shufflevector %2, %2 [0, 1] : vector<1xf32>
// CHECK-NEXT:   return %10, %27, %28 : vector<3x4xf32>, vector<4xi32>, vector<2xf32>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @reductions(%arg0: vector<4xi32>, %arg1: i32, %arg2: vector<4xf32>, %arg3: f32, %arg4: vector<8xf64>) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, f32, f32, f32, f32, f64, f64) {
// CHECK-NEXT:   %0 = "llvm.intr.vector.reduce.add"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %1 = "llvm.intr.vector.reduce.mul"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %2 = llvm.mul %arg1, %1  : i32
// CHECK-NEXT:   %3 = "llvm.intr.vector.reduce.smin"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %4 = llvm.icmp "sle" %arg1, %3 : i32
// CHECK-NEXT:   %5 = llvm.select %4, %arg1, %3 : i1, i32
// CHECK-NEXT:   %6 = "llvm.intr.vector.reduce.smax"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %7 = "llvm.intr.vector.reduce.umin"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %8 = llvm.icmp "ule" %arg1, %7 : i32
// CHECK-NEXT:   %9 = llvm.select %8, %arg1, %7 : i1, i32
// CHECK-NEXT:   %10 = "llvm.intr.vector.reduce.umax"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %11 = llvm.icmp "uge" %arg1, %10 : i32
// CHECK-NEXT:   %12 = llvm.select %11, %arg1, %10 : i1, i32
// CHECK-NEXT:   %13 = "llvm.intr.vector.reduce.and"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %14 = llvm.and %arg1, %13  : i32
// CHECK-NEXT:   %15 = "llvm.intr.vector.reduce.or"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %16 = "llvm.intr.vector.reduce.xor"(%arg0) : (vector<4xi32>) -> i32
// CHECK-NEXT:   %17 = llvm.xor %arg1, %16  : i32
// CHECK-NEXT:   %18 = "llvm.intr.vector.reduce.fadd"(%arg3, %arg2) {reassoc = false} : (f32, vector<4xf32>) -> f32
// CHECK-NEXT:   %19 = llvm.mlir.constant(1.000000e+00 : f32) : f32
// CHECK-NEXT:   %20 = "llvm.intr.vector.reduce.fmul"(%19, %arg2) {reassoc = false} : (f32, vector<4xf32>) -> f32
// CHECK-NEXT:   %21 = "llvm.intr.vector.reduce.fmin"(%arg2) : (vector<4xf32>) -> f32
// CHECK-NEXT:   %22 = "llvm.intr.vector.reduce.fmax"(%arg2) : (vector<4xf32>) -> f32
// CHECK-NEXT:   %23 = llvm.fcmp "ogt" %22, %arg3 : f32
// CHECK-NEXT:   %24 = llvm.select %23, %22, %arg3 : i1, f32
// CHECK-NEXT:   %25 = llvm.fcmp "uno" %22, %arg3 : f32
// CHECK-NEXT:   %26 = llvm.mlir.constant(0x7FC00000 : f32) : f32
// CHECK-NEXT:   %27 = llvm.select %25, %26, %24 : i1, f32
// CHECK-NEXT:   %28 = llvm.mlir.constant(0.000000e+00 : f64) : f64
// CHECK-NEXT:   %29 = "llvm.intr.vector.reduce.fadd"(%28, %arg4) {reassoc = false} : (f64, vector<8xf64>) -> f64
// CHECK-NEXT:   %30 = "llvm.intr.vector.reduce.fmin"(%arg4) : (vector<8xf64>) -> f64
// CHECK-NEXT:   return %0, %2, %5, %6, %9, %12, %14, %15, %17, %18, %20, %21, %27, %29, %30 : i32, i32, i32, i32, i32, i32, i32, i32, i32, f32, f32, f32, f32, f64, f64
// CHECK-NEXT: }
// CHECK-NEXT: func.func @broadcast_rows(%arg0: vector<4xi8>) -> vector<2x4xi8> {
// CHECK-NEXT:   %cst = arith.constant dense<0> : vector<2x4xi8>
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %cst : vector<2x4xi8> to !llvm.array<2 x vector<4xi8>>
// CHECK-NEXT:   %1 = llvm.insertvalue %arg0, %0[0] : !llvm.array<2 x vector<4xi8>>
// CHECK-NEXT:   %2 = llvm.insertvalue %arg0, %1[1] : !llvm.array<2 x vector<4xi8>>
// CHECK-NEXT:   %3 = builtin.unrealized_conversion_cast %2 : !llvm.array<2 x vector<4xi8>> to vector<2x4xi8>
// CHECK-NEXT:   return %3 : vector<2x4xi8>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @broadcast_stretch(%arg0: vector<1x4xi8>, %arg1: vector<3x1xi8>) -> (vector<3x4xi8>, vector<3x4xi8>) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg0 : vector<1x4xi8> to !llvm.array<1 x vector<4xi8>>
// CHECK-NEXT:   %1 = builtin.unrealized_conversion_cast %arg1 : vector<3x1xi8> to !llvm.array<3 x vector<1xi8>>
// CHECK-NEXT:   %cst = arith.constant dense<0> : vector<3x4xi8>
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %cst : vector<3x4xi8> to !llvm.array<3 x vector<4xi8>>
// CHECK-NEXT:   %3 = llvm.extractvalue %0[0] : !llvm.array<1 x vector<4xi8>>
// CHECK-NEXT:   %4 = llvm.insertvalue %3, %2[0] : !llvm.array<3 x vector<4xi8>>
// CHECK-NEXT:   %5 = llvm.insertvalue %3, %4[1] : !llvm.array<3 x vector<4xi8>>
// CHECK-NEXT:   %6 = llvm.insertvalue %3, %5[2] : !llvm.array<3 x vector<4xi8>>
// CHECK-NEXT:   %7 = builtin.unrealized_conversion_cast %6 : !llvm.array<3 x vector<4xi8>> to vector<3x4xi8>
// CHECK-NEXT:   %8 = llvm.extractvalue %1[0] : !llvm.array<3 x vector<1xi8>>
// CHECK-NEXT:   %9 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:   %10 = llvm.extractelement %8[%9 : i64] : vector<1xi8>
// CHECK-NEXT:   %11 = llvm.mlir.undef : vector<4xi8>
// CHECK-NEXT:   %12 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %13 = llvm.insertelement %10, %11[%12 : i32] : vector<4xi8>
// CHECK-NEXT:   %14 = llvm.shufflevector %13, %11 [0, 0, 0, 0] : vector<4xi8>
// CHECK-NEXT:   %15 = llvm.insertvalue %14, %2[0] : !llvm.array<3 x vector<4xi8>>
// CHECK-NEXT:   %16 = llvm.extractvalue %1[1] : !llvm.array<3 x vector<1xi8>>
// CHECK-NEXT:   %17 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:   %18 = llvm.extractelement %16[%17 : i64] : vector<1xi8>
// CHECK-NEXT:   %19 = llvm.mlir.undef : vector<4xi8>
// CHECK-NEXT:   %20 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %21 = llvm.insertelement %18, %19[%20 : i32] : vector<4xi8>
// CHECK-NEXT:   %22 = llvm.shufflevector %21, %19 [0, 0, 0, 0] : vector<4xi8>
// CHECK-NEXT:   %23 = llvm.insertvalue %22, %15[1] : !llvm.array<3 x vector<4xi8>>
// CHECK-NEXT:   %24 = llvm.extractvalue %1[2] : !llvm.array<3 x vector<1xi8>>
// CHECK-NEXT:   %25 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:   %26 = llvm.extractelement %24[%25 : i64] : vector<1xi8>
// CHECK-NEXT:   %27 = llvm.mlir.undef : vector<4xi8>
// CHECK-NEXT:   %28 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %29 = llvm.insertelement %26, %27[%28 : i32] : vector<4xi8>
// CHECK-NEXT:   %30 = llvm.shufflevector %29, %27 [0, 0, 0, 0] : vector<4xi8>
// CHECK-NEXT:   %31 = llvm.insertvalue %30, %23[2] : !llvm.array<3 x vector<4xi8>>
// CHECK-NEXT:   %32 = builtin.unrealized_conversion_cast %31 : !llvm.array<3 x vector<4xi8>> to vector<3x4xi8>
// CHECK-NEXT:   return %7, %32 : vector<3x4xi8>, vector<3x4xi8>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @broadcast_small(%arg0: i8, %arg1: vector<i8>, %arg2: vector<1xi8>) -> (vector<4xi8>, vector<4xi8>, vector<2x3xi8>) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg1 : vector<i8> to vector<1xi8>
// CHECK-NEXT:   %1 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT:   %2 = llvm.extractelement %0[%1 : i64] : vector<1xi8>
// CHECK-NEXT:   %3 = llvm.mlir.undef : vector<4xi8>
// CHECK-NEXT:   %4 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %5 = llvm.insertelement %2, %3[%4 : i32] : vector<4xi8>
// CHECK-NEXT:   %6 = llvm.shufflevector %5, %3 [0, 0, 0, 0] : vector<4xi8>
// CHECK-NEXT:   %7 = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT:   %8 = llvm.extractelement %arg2[%7 : i64] : vector<1xi8>
// CHECK-NEXT:   %9 = llvm.mlir.undef : vector<4xi8>
// CHECK-NEXT:   %10 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %11 = llvm.insertelement %8, %9[%10 : i32] : vector<4xi8>
// CHECK-NEXT:   %12 = llvm.shufflevector %11, %9 [0, 0, 0, 0] : vector<4xi8>
// CHECK-NEXT:   %13 = llvm.mlir.undef : !llvm.array<2 x vector<3xi8>>
// CHECK-NEXT:   %14 = llvm.mlir.undef : vector<3xi8>
// CHECK-NEXT:   %15 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %16 = llvm.insertelement %arg0, %14[%15 : i32] : vector<3xi8>
// CHECK-NEXT:   %17 = llvm.shufflevector %16, %16 [0, 0, 0] : vector<3xi8>
// CHECK-NEXT:   %18 = llvm.insertvalue %17, %13[0] : !llvm.array<2 x vector<3xi8>>
// CHECK-NEXT:   %19 = llvm.insertvalue %17, %18[1] : !llvm.array<2 x vector<3xi8>>
// CHECK-NEXT:   %20 = builtin.unrealized_conversion_cast %19 : !llvm.array<2 x vector<3xi8>> to vector<2x3xi8>
// CHECK-NEXT:   return %6, %12, %20 : vector<4xi8>, vector<4xi8>, vector<2x3xi8>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @create_masks(%arg0: index, %arg1: index) -> (vector<4xi1>, vector<2x3xi1>) {
// CHECK-NEXT:   %cst = arith.constant dense<false> : vector<3xi1>
// CHECK-NEXT:   %cst_0 = arith.constant dense<false> : vector<2x3xi1>
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %cst_0 : vector<2x3xi1> to !llvm.array<2 x vector<3xi1>>
// CHECK-NEXT:   %c0 = arith.constant 0 : index
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   %cst_1 = arith.constant dense<[0, 1, 2, 3]> : vector<4xi32>
// CHECK-NEXT:   %1 = arith.index_cast %arg0 : index to i32
// CHECK-NEXT:   %2 = llvm.mlir.undef : vector<4xi32>
// CHECK-NEXT:   %3 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %4 = llvm.insertelement %1, %2[%3 : i32] : vector<4xi32>
// CHECK-NEXT:   %5 = llvm.shufflevector %4, %2 [0, 0, 0, 0] : vector<4xi32>
// CHECK-NEXT:   %6 = arith.cmpi slt, %cst_1, %5 : vector<4xi32>
// CHECK-NEXT:   %cst_2 = arith.constant dense<[0, 1, 2]> : vector<3xi32>
// CHECK-NEXT:   %7 = arith.index_cast %arg1 : index to i32
// CHECK-NEXT:   %8 = llvm.mlir.undef : vector<3xi32>
// CHECK-NEXT:   %9 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %10 = llvm.insertelement %7, %8[%9 : i32] : vector<3xi32>
// CHECK-NEXT:   %11 = llvm.shufflevector %10, %8 [0, 0, 0] : vector<3xi32>
// CHECK-NEXT:   %12 = arith.cmpi slt, %cst_2, %11 : vector<3xi32>
// CHECK-NEXT:   %13 = arith.cmpi sgt, %arg0, %c0 : index
// CHECK-NEXT:   %14 = arith.select %13, %12, %cst : vector<3xi1>
// CHECK-NEXT:   %15 = llvm.insertvalue %14, %0[0] : !llvm.array<2 x vector<3xi1>>
// CHECK-NEXT:   %16 = arith.cmpi sgt, %arg0, %c1 : index
// CHECK-NEXT:   %17 = arith.select %16, %12, %cst : vector<3xi1>
// CHECK-NEXT:   %18 = llvm.insertvalue %17, %15[1] : !llvm.array<2 x vector<3xi1>>
// CHECK-NEXT:   %19 = builtin.unrealized_conversion_cast %18 : !llvm.array<2 x vector<3xi1>> to vector<2x3xi1>
// CHECK-NEXT:   return %6, %19 : vector<4xi1>, vector<2x3xi1>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @constant_mask_1d() -> vector<3xi1> {
// CHECK-NEXT:   %cst = arith.constant dense<[true, true, false]> : vector<3xi1>
// CHECK-NEXT:   return %cst : vector<3xi1>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @constant_mask_2d() -> vector<2x2xi1> {
// CHECK-NEXT:   %cst = arith.constant dense<true> : vector<2xi1>
// CHECK-NEXT:   %cst_0 = arith.constant dense<false> : vector<2x2xi1>
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %cst_0 : vector<2x2xi1> to !llvm.array<2 x vector<2xi1>>
// CHECK-NEXT:   %1 = llvm.insertvalue %cst, %0[0] : !llvm.array<2 x vector<2xi1>>
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %1 : !llvm.array<2 x vector<2xi1>> to vector<2x2xi1>
// CHECK-NEXT:   return %2 : vector<2x2xi1>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @constant_mask_0d() -> vector<i1> {
// CHECK-NEXT:   %cst = arith.constant dense<false> : vector<i1>
// CHECK-NEXT:   return %cst : vector<i1>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @arith_like(%arg0: vector<4xf32>, %arg1: vector<2x4xf64>, %arg2: vector<4xi32>) -> (vector<4xf32>, vector<2x4xf64>, vector<4xf32>, vector<2xi64>) {
// CHECK-NEXT:   %0 = builtin.unrealized_conversion_cast %arg1 : vector<2x4xf64> to !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %1 = llvm.intr.fmuladd(%arg0, %arg0, %arg0)  : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT:   %cst = arith.constant 0.000000e+00 : f64
// CHECK-NEXT:   %cst_0 = arith.constant dense<0.000000e+00> : vector<2x4xf64>
// CHECK-NEXT:   %2 = builtin.unrealized_conversion_cast %cst_0 : vector<2x4xf64> to !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %3 = llvm.extractvalue %0[0] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %4 = llvm.extractvalue %0[0] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %5 = llvm.extractvalue %0[0] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %6 = llvm.intr.fmuladd(%3, %4, %5)  : (vector<4xf64>, vector<4xf64>, vector<4xf64>) -> vector<4xf64>
// CHECK-NEXT:   %7 = llvm.insertvalue %6, %2[0] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %8 = llvm.extractvalue %0[1] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %9 = llvm.extractvalue %0[1] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %10 = llvm.extractvalue %0[1] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %11 = llvm.intr.fmuladd(%8, %9, %10)  : (vector<4xf64>, vector<4xf64>, vector<4xf64>) -> vector<4xf64>
// CHECK-NEXT:   %12 = llvm.insertvalue %11, %7[1] : !llvm.array<2 x vector<4xf64>>
// CHECK-NEXT:   %13 = builtin.unrealized_conversion_cast %12 : !llvm.array<2 x vector<4xf64>> to vector<2x4xf64>
// CHECK-NEXT:   %14 = llvm.bitcast %arg2 : vector<4xi32> to vector<4xf32>
// CHECK-NEXT:   %15 = llvm.bitcast %arg2 : vector<4xi32> to vector<2xi64>
// CHECK-NEXT:   return %1, %13, %14, %15 : vector<4xf32>, vector<2x4xf64>, vector<4xf32>, vector<2xi64>
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @elements(%x: f32, %i: i32, %v: vector<4xf32>, %w: vector<4xf32>, %m: vector<3x4xf32>, %z: vector<f32>, %k: index) -> (vector<4xf32>, f32, vector<3x4xf32>, vector<5xf32>, f32, vector<f32>, vector<4xf32>, f32, vector<4xf32>, vector<2x3x4xf32>) {
  %0 = vector.broadcast %x : f32 to vector<4xf32>
  %1 = vector.extractelement %v[%i : i32] : vector<4xf32>
  %2 = vector.insert %x, %m[1, 2] : f32 into vector<3x4xf32>
  %3 = vector.shuffle %v, %w [0, 5, 2, 7, 1] : vector<4xf32>, vector<4xf32>
  %4 = vector.extractelement %z[] : vector<f32>
  %5 = vector.insertelement %x, %z[] : vector<f32>
  %6 = vector.insertelement %x, %v[%k : index] : vector<4xf32>
  %7 = vector.extract %m[2, 3] : vector<3x4xf32>
  %8 = vector.extract %m[0] : vector<3x4xf32>
  %9 = vector.splat %x : vector<2x3x4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : vector<4xf32>, f32, vector<3x4xf32>, vector<5xf32>, f32, vector<f32>, vector<4xf32>, f32, vector<4xf32>, vector<2x3x4xf32>
}
func.func @shuffles(%a: vector<2x4xf32>, %b: vector<1x4xf32>, %c: vector<2xi32>, %d: vector<3xi32>, %s: vector<f32>) -> (vector<3x4xf32>, vector<4xi32>, vector<2xf32>) {
  %0 = vector.shuffle %a, %b [2, 0, 1] : vector<2x4xf32>, vector<1x4xf32>
  %1 = vector.shuffle %c, %d [0, 4, 1, 2] : vector<2xi32>, vector<3xi32>
  %2 = vector.shuffle %s, %s [0, 1] : vector<f32>, vector<f32>
  return %0, %1, %2 : vector<3x4xf32>, vector<4xi32>, vector<2xf32>
}
func.func @reductions(%v: vector<4xi32>, %acc: i32, %f: vector<4xf32>, %g: f32, %h: vector<8xf64>) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, f32, f32, f32, f32, f64, f64) {
  %0 = vector.reduction <add>, %v : vector<4xi32> into i32
  %1 = vector.reduction <mul>, %v, %acc : vector<4xi32> into i32
  %2 = vector.reduction <minsi>, %v, %acc : vector<4xi32> into i32
  %3 = vector.reduction <maxsi>, %v : vector<4xi32> into i32
  %4 = vector.reduction <minui>, %v, %acc : vector<4xi32> into i32
  %5 = vector.reduction <maxui>, %v, %acc : vector<4xi32> into i32
  %6 = vector.reduction <and>, %v, %acc : vector<4xi32> into i32
  %7 = vector.reduction <or>, %v : vector<4xi32> into i32
  %8 = vector.reduction <xor>, %v, %acc : vector<4xi32> into i32
  %9 = vector.reduction <add>, %f, %g : vector<4xf32> into f32
  %10 = vector.reduction <mul>, %f : vector<4xf32> into f32
  %11 = vector.reduction <minf>, %f : vector<4xf32> into f32
  %12 = vector.reduction <maxf>, %f, %g : vector<4xf32> into f32
  %13 = vector.reduction <add>, %h : vector<8xf64> into f64
  %14 = vector.reduction <minf>, %h : vector<8xf64> into f64
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14 : i32, i32, i32, i32, i32, i32, i32, i32, i32, f32, f32, f32, f32, f64, f64
}
func.func @broadcast_rows(%v: vector<4xi8>) -> vector<2x4xi8> {
  %0 = vector.broadcast %v : vector<4xi8> to vector<2x4xi8>
  return %0 : vector<2x4xi8>
}
func.func @broadcast_stretch(%o: vector<1x4xi8>, %c: vector<3x1xi8>) -> (vector<3x4xi8>, vector<3x4xi8>) {
  %1 = vector.broadcast %o : vector<1x4xi8> to vector<3x4xi8>
  %2 = vector.broadcast %c : vector<3x1xi8> to vector<3x4xi8>
  return %1, %2 : vector<3x4xi8>, vector<3x4xi8>
}
func.func @broadcast_small(%x: i8, %s: vector<i8>, %one: vector<1xi8>) -> (vector<4xi8>, vector<4xi8>, vector<2x3xi8>) {
  %3 = vector.broadcast %s : vector<i8> to vector<4xi8>
  %4 = vector.broadcast %one : vector<1xi8> to vector<4xi8>
  %5 = vector.broadcast %x : i8 to vector<2x3xi8>
  return %3, %4, %5 : vector<4xi8>, vector<4xi8>, vector<2x3xi8>
}
func.func @create_masks(%n: index, %m: index) -> (vector<4xi1>, vector<2x3xi1>) {
  %0 = vector.create_mask %n : vector<4xi1>
  %1 = vector.create_mask %n, %m : vector<2x3xi1>
  return %0, %1 : vector<4xi1>, vector<2x3xi1>
}
func.func @constant_mask_1d() -> vector<3xi1> {
  %2 = vector.constant_mask [2] : vector<3xi1>
  return %2 : vector<3xi1>
}
func.func @constant_mask_2d() -> vector<2x2xi1> {
  %3 = vector.constant_mask [1, 2] : vector<2x2xi1>
  return %3 : vector<2x2xi1>
}
func.func @constant_mask_0d() -> vector<i1> {
  %4 = vector.constant_mask [0] : vector<i1>
  return %4 : vector<i1>
}
func.func @arith_like(%a: vector<4xf32>, %b: vector<2x4xf64>, %i: vector<4xi32>) -> (vector<4xf32>, vector<2x4xf64>, vector<4xf32>, vector<2xi64>) {
  %0 = vector.fma %a, %a, %a : vector<4xf32>
  %1 = vector.fma %b, %b, %b : vector<2x4xf64>
  %2 = vector.bitcast %i : vector<4xi32> to vector<4xf32>
  %3 = vector.bitcast %i : vector<4xi32> to vector<2xi64>
  return %0, %1, %2, %3 : vector<4xf32>, vector<2x4xf64>, vector<4xf32>, vector<2xi64>
}
