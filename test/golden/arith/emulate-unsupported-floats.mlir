// RUN: tensile-opt %s --pass-pipeline=builtin.module(arith-emulate-unsupported-floats{source-types=bf16}) | FileCheck %s
// bf16 arithmetic computed in f32 (rewrites/arith/emulate-unsupported-floats.ts): operands extended, the op in f32,
// results truncated back (none for cmpf); math ops too; sitofp/uitofp from integers wider than f32 holds go
// through f64 (i64 kept to odd at bit 12) so that the one truncf rounds once. The pass is MLIR 17's: mlir-opt-16
// lacks it, so these CHECK lines are Tensile's output, checked by hand (and end to end by prop/compile-bf16).
// CHECK-LABEL: func.func @scalar(%arg0: bf16, %arg1: bf16) -> (bf16, i1, bf16) {
// CHECK-NEXT: %0 = arith.extf %arg0 : bf16 to f32
// CHECK-NEXT: %1 = arith.extf %arg1 : bf16 to f32
// CHECK-NEXT: %2 = arith.addf %0, %1 : f32
// CHECK-NEXT: %3 = arith.truncf %2 : f32 to bf16
// CHECK-NEXT: %4 = arith.extf %arg0 : bf16 to f32
// CHECK-NEXT: %5 = arith.extf %arg1 : bf16 to f32
// CHECK-NEXT: %6 = arith.cmpf olt, %4, %5 : f32
// CHECK-NEXT: %7 = arith.extf %3 : bf16 to f32
// CHECK-NEXT: %8 = math.sqrt %7 : f32
// CHECK-NEXT: %9 = arith.truncf %8 : f32 to bf16
// CHECK-NEXT: return %3, %6, %9 : bf16, i1, bf16
// CHECK-NEXT: }
// CHECK-LABEL: func.func @vector(%arg0: vector<4xbf16>, %arg1: vector<4xf32>) -> (vector<4xbf16>, vector<4xf32>) {
// CHECK-NEXT: %0 = arith.extf %arg0 : vector<4xbf16> to vector<4xf32>
// CHECK-NEXT: %1 = arith.negf %0 : vector<4xf32>
// CHECK-NEXT: %2 = arith.truncf %1 : vector<4xf32> to vector<4xbf16>
// CHECK-NEXT: %3 = arith.extf %2 : vector<4xbf16> to vector<4xf32>
// CHECK-NEXT: %4 = arith.mulf %3, %arg1 : vector<4xf32>
// CHECK-NEXT: return %2, %4 : vector<4xbf16>, vector<4xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @convert(%arg0: i16, %arg1: i32, %arg2: i64, %arg3: bf16) -> (bf16, bf16, bf16, i32) {
// CHECK-NEXT: %c0_i64 = arith.constant 0 : i64
// CHECK-NEXT: %c4095_i64 = arith.constant 4095 : i64
// CHECK-NEXT: %c-4096_i64 = arith.constant -4096 : i64
// CHECK-NEXT: %c4096_i64 = arith.constant 4096 : i64
// CHECK-NEXT: %c9007199254740992_i64 = arith.constant 9007199254740992 : i64
// CHECK-NEXT: %0 = arith.sitofp %arg0 : i16 to f32
// CHECK-NEXT: %1 = arith.truncf %0 : f32 to bf16
// CHECK-NEXT: %2 = arith.uitofp %arg1 : i32 to f64
// CHECK-NEXT: %3 = arith.truncf %2 : f64 to bf16
// CHECK-NEXT: %4 = arith.cmpi slt, %arg2, %c0_i64 : i64
// CHECK-NEXT: %5 = arith.subi %c0_i64, %arg2 : i64
// CHECK-NEXT: %6 = arith.select %4, %5, %arg2 : i64
// CHECK-NEXT: %7 = arith.andi %6, %c4095_i64 : i64
// CHECK-NEXT: %8 = arith.andi %6, %c-4096_i64 : i64
// CHECK-NEXT: %9 = arith.cmpi ne, %7, %c0_i64 : i64
// CHECK-NEXT: %10 = arith.select %9, %c4096_i64, %c0_i64 : i64
// CHECK-NEXT: %11 = arith.ori %8, %10 : i64
// CHECK-NEXT: %12 = arith.cmpi uge, %6, %c9007199254740992_i64 : i64
// CHECK-NEXT: %13 = arith.select %12, %11, %6 : i64
// CHECK-NEXT: %14 = arith.uitofp %13 : i64 to f64
// CHECK-NEXT: %15 = arith.negf %14 : f64
// CHECK-NEXT: %16 = arith.select %4, %15, %14 : f64
// CHECK-NEXT: %17 = arith.truncf %16 : f64 to bf16
// CHECK-NEXT: %18 = arith.extf %arg3 : bf16 to f32
// CHECK-NEXT: %19 = arith.fptosi %18 : f32 to i32
// CHECK-NEXT: return %1, %3, %17, %19 : bf16, bf16, bf16, i32
// CHECK-NEXT: }

func.func @scalar(%a: bf16, %b: bf16) -> (bf16, i1, bf16) {
  %s = arith.addf %a, %b : bf16
  %c = arith.cmpf olt, %a, %b : bf16
  %r = math.sqrt %s : bf16
  return %s, %c, %r : bf16, i1, bf16
}
func.func @vector(%v: vector<4xbf16>, %w: vector<4xf32>) -> (vector<4xbf16>, vector<4xf32>) {
  %n = arith.negf %v : vector<4xbf16>
  %e = arith.extf %n : vector<4xbf16> to vector<4xf32>
  %m = arith.mulf %e, %w : vector<4xf32>
  return %n, %m : vector<4xbf16>, vector<4xf32>
}
func.func @convert(%i: i16, %j: i32, %l: i64, %x: bf16) -> (bf16, bf16, bf16, i32) {
  %a = arith.sitofp %i : i16 to bf16
  %b = arith.uitofp %j : i32 to bf16
  %c = arith.sitofp %l : i64 to bf16
  %d = arith.fptosi %x : bf16 to i32
  return %a, %b, %c, %d : bf16, bf16, bf16, i32
}
