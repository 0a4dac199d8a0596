// RUN: tensile-opt %s --pass-pipeline=builtin.module(arith-expand{include-bf16=true}) | FileCheck %s
// arith-expand{include-bf16=true} (rewrites/arith/expand-bf16.ts): extf from bf16 shifts the bits into an f32's high
// half; truncf to bf16 rounds to nearest even on the bits (bits + 0x7fff + ((bits >> 16) & 1)) >> 16, a NaN kept a
// quiet NaN; truncf from f64 first rounds to f32 to odd. include-bf16 is MLIR 17's option: mlir-opt-16 lacks it, so
// these CHECK lines are Tensile's output, checked by hand (and end to end, bit for bit, by prop/compile-bf16).
// CHECK-LABEL: func.func @extend(%arg0: bf16, %arg1: vector<4xbf16>) -> (f32, vector<4xf64>) {
// CHECK-NEXT: %cst = arith.constant dense<16> : vector<4xi32>
// CHECK-NEXT: %c16_i32 = arith.constant 16 : i32
// CHECK-NEXT: %0 = arith.bitcast %arg0 : bf16 to i16
// CHECK-NEXT: %1 = arith.extui %0 : i16 to i32
// CHECK-NEXT: %2 = arith.shli %1, %c16_i32 : i32
// CHECK-NEXT: %3 = arith.bitcast %2 : i32 to f32
// CHECK-NEXT: %4 = arith.bitcast %arg1 : vector<4xbf16> to vector<4xi16>
// CHECK-NEXT: %5 = arith.extui %4 : vector<4xi16> to vector<4xi32>
// CHECK-NEXT: %6 = arith.shli %5, %cst : vector<4xi32>
// CHECK-NEXT: %7 = arith.bitcast %6 : vector<4xi32> to vector<4xf32>
// CHECK-NEXT: %8 = arith.extf %7 : vector<4xf32> to vector<4xf64>
// CHECK-NEXT: return %3, %8 : f32, vector<4xf64>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @truncate_f32(%arg0: f32) -> bf16 {
// CHECK-NEXT: %c16_i32 = arith.constant 16 : i32
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %c32767_i32 = arith.constant 32767 : i32
// CHECK-NEXT: %c64_i32 = arith.constant 64 : i32
// CHECK-NEXT: %0 = arith.bitcast %arg0 : f32 to i32
// CHECK-NEXT: %1 = arith.shrui %0, %c16_i32 : i32
// CHECK-NEXT: %2 = arith.andi %1, %c1_i32 : i32
// CHECK-NEXT: %3 = arith.addi %2, %c32767_i32 : i32
// CHECK-NEXT: %4 = arith.addi %0, %3 : i32
// CHECK-NEXT: %5 = arith.shrui %4, %c16_i32 : i32
// CHECK-NEXT: %6 = arith.ori %1, %c64_i32 : i32
// CHECK-NEXT: %7 = arith.cmpf uno, %arg0, %arg0 : f32
// CHECK-NEXT: %8 = arith.select %7, %6, %5 : i32
// CHECK-NEXT: %9 = arith.trunci %8 : i32 to i16
// CHECK-NEXT: %10 = arith.bitcast %9 : i16 to bf16
// CHECK-NEXT: return %10 : bf16
// CHECK-NEXT: }
// CHECK-LABEL: func.func @truncate_f64(%arg0: vector<4xf64>) -> vector<4xbf16> {
// CHECK-NEXT: %cst = arith.constant dense<0.000000e+00> : vector<4xf64>
// CHECK-NEXT: %cst_0 = arith.constant dense<1> : vector<4xi32>
// CHECK-NEXT: %cst_1 = arith.constant dense<16> : vector<4xi32>
// CHECK-NEXT: %cst_2 = arith.constant dense<32767> : vector<4xi32>
// CHECK-NEXT: %cst_3 = arith.constant dense<64> : vector<4xi32>
// CHECK-NEXT: %0 = arith.truncf %arg0 : vector<4xf64> to vector<4xf32>
// CHECK-NEXT: %1 = arith.extf %0 : vector<4xf32> to vector<4xf64>
// CHECK-NEXT: %2 = arith.cmpf olt, %arg0, %cst : vector<4xf64>
// CHECK-NEXT: %3 = arith.cmpf olt, %1, %arg0 : vector<4xf64>
// CHECK-NEXT: %4 = arith.cmpf ogt, %1, %arg0 : vector<4xf64>
// CHECK-NEXT: %5 = arith.select %2, %3, %4 : vector<4xi1>, vector<4xi1>
// CHECK-NEXT: %6 = arith.bitcast %0 : vector<4xf32> to vector<4xi32>
// CHECK-NEXT: %7 = arith.subi %6, %cst_0 : vector<4xi32>
// CHECK-NEXT: %8 = arith.select %5, %7, %6 : vector<4xi1>, vector<4xi32>
// CHECK-NEXT: %9 = arith.cmpf oeq, %1, %arg0 : vector<4xf64>
// CHECK-NEXT: %10 = arith.ori %8, %cst_0 : vector<4xi32>
// CHECK-NEXT: %11 = arith.select %9, %6, %10 : vector<4xi1>, vector<4xi32>
// CHECK-NEXT: %12 = arith.bitcast %11 : vector<4xi32> to vector<4xf32>
// CHECK-NEXT: %13 = arith.bitcast %12 : vector<4xf32> to vector<4xi32>
// CHECK-NEXT: %14 = arith.shrui %13, %cst_1 : vector<4xi32>
// CHECK-NEXT: %15 = arith.andi %14, %cst_0 : vector<4xi32>
// CHECK-NEXT: %16 = arith.addi %15, %cst_2 : vector<4xi32>
// CHECK-NEXT: %17 = arith.addi %13, %16 : vector<4xi32>
// CHECK-NEXT: %18 = arith.shrui %17, %cst_1 : vector<4xi32>
// CHECK-NEXT: %19 = arith.ori %14, %cst_3 : vector<4xi32>
// CHECK-NEXT: %20 = arith.cmpf uno, %12, %12 : vector<4xf32>
// CHECK-NEXT: %21 = arith.select %20, %19, %18 : vector<4xi1>, vector<4xi32>
// CHECK-NEXT: %22 = arith.trunci %21 : vector<4xi32> to vector<4xi16>
// CHECK-NEXT: %23 = arith.bitcast %22 : vector<4xi16> to vector<4xbf16>
// CHECK-NEXT: return %23 : vector<4xbf16>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @untouched(%arg0: f32, %arg1: f16) -> (f64, f16) {
// CHECK-NEXT: %0 = arith.extf %arg0 : f32 to f64
// CHECK-NEXT: %1 = arith.truncf %arg0 : f32 to f16
// CHECK-NEXT: return %0, %1 : f64, f16
// CHECK-NEXT: }

func.func @extend(%x: bf16, %v: vector<4xbf16>) -> (f32, vector<4xf64>) {
  %a = arith.extf %x : bf16 to f32
  %b = arith.extf %v : vector<4xbf16> to vector<4xf64>
  return %a, %b : f32, vector<4xf64>
}
func.func @truncate_f32(%x: f32) -> bf16 {
  %t = arith.truncf %x : f32 to bf16
  return %t : bf16
}
func.func @truncate_f64(%v: vector<4xf64>) -> vector<4xbf16> {
  %t = arith.truncf %v : vector<4xf64> to vector<4xbf16>
  return %t : vector<4xbf16>
}
func.func @untouched(%x: f32, %h: f16) -> (f64, f16) {
  %a = arith.extf %x : f32 to f64
  %b = arith.truncf %x : f32 to f16
  return %a, %b : f64, f16
}
