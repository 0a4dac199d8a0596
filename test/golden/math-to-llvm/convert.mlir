// RUN: tensile-opt %s --convert-math-to-llvm | FileCheck %s
// math ops become LLVM intrinsics, fast-math flags carried over; ctlz/cttz/absi get a false i1 flag; math.tanh
// has no intrinsic and stays. The CHECK lines are mlir-opt-16 --convert-math-to-llvm's output for this file.
// CHECK: func.func @math(%arg0: f32, %arg1: f32, %arg2: vector<4xf32>, %arg3: i32, %arg4: vector<4xi32>, %arg5: f64) -> (f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32) {
// CHECK-NEXT: %0 = llvm.intr.sqrt(%arg0)  {fastmathFlags = #llvm.fastmath<fast>} : (f32) -> f32
// CHECK-NEXT: %1 = llvm.intr.fabs(%arg0)  : (f32) -> f32
// CHECK-NEXT: %2 = llvm.intr.ceil(%arg2)  : (vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %3 = llvm.intr.copysign(%arg0, %arg1)  : (f32, f32) -> f32
// CHECK-NEXT: %4 = llvm.intr.cos(%arg0)  : (f32) -> f32
// CHECK-NEXT: %5 = llvm.intr.exp(%arg2)  : (vector<4xf32>) -> vector<4xf32>
// CHECK-NEXT: %6 = llvm.intr.exp2(%arg0)  : (f32) -> f32
// CHECK-NEXT: %7 = llvm.intr.floor(%arg0)  : (f32) -> f32
// CHECK-NEXT: %8 = llvm.intr.fma(%arg0, %arg1, %arg0)  {fastmathFlags = #llvm.fastmath<contract>} : (f32, f32, f32) -> f32
// CHECK-NEXT: %9 = llvm.intr.log(%arg5)  : (f64) -> f64
// CHECK-NEXT: %10 = llvm.intr.log10(%arg0)  : (f32) -> f32
// CHECK-NEXT: %11 = llvm.intr.log2(%arg0)  : (f32) -> f32
// CHECK-NEXT: %12 = llvm.intr.pow(%arg0, %arg1)  : (f32, f32) -> f32
// CHECK-NEXT: %13 = llvm.intr.roundeven(%arg0)  : (f32) -> f32
// CHECK-NEXT: %14 = llvm.intr.round(%arg0)  : (f32) -> f32
// CHECK-NEXT: %15 = llvm.intr.sin(%arg0)  : (f32) -> f32
// CHECK-NEXT: %16 = llvm.intr.trunc(%arg0)  : (f32) -> f32
// CHECK-NEXT: %17 = llvm.intr.ctpop(%arg3)  : (i32) -> i32
// CHECK-NEXT: %18 = llvm.mlir.constant(false) : i1
// CHECK-NEXT: %19 = "llvm.intr.ctlz"(%arg3, %18) : (i32, i1) -> i32
// CHECK-NEXT: %20 = llvm.mlir.constant(false) : i1
// CHECK-NEXT: %21 = "llvm.intr.cttz"(%arg4, %20) : (vector<4xi32>, i1) -> vector<4xi32>
// CHECK-NEXT: %22 = llvm.mlir.constant(false) : i1
// CHECK-NEXT: %23 = "llvm.intr.abs"(%arg3, %22) : (i32, i1) -> i32
// CHECK-NEXT: %24 = llvm.intr.powi(%arg0, %arg3)  : (f32, i32) -> f32
// CHECK-NEXT: %25 = math.tanh %arg0 : f32
// CHECK-NEXT: return %0, %1, %2, %19, %21, %9, %25, %24 : f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32
// CHECK-NEXT: }

func.func @math(%x: f32, %y: f32, %v: vector<4xf32>, %i: i32, %vi: vector<4xi32>, %d: f64) -> (f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32) {
  %0 = math.sqrt %x fastmath<fast> : f32
  %1 = math.absf %x : f32
  %2 = math.ceil %v : vector<4xf32>
  %3 = math.copysign %x, %y : f32
  %4 = math.cos %x : f32
  %5 = math.exp %v : vector<4xf32>
  %6 = math.exp2 %x : f32
  %7 = math.floor %x : f32
  %8 = math.fma %x, %y, %x fastmath<contract> : f32
  %9 = math.log %d : f64
  %10 = math.log10 %x : f32
  %11 = math.log2 %x : f32
  %12 = math.powf %x, %y : f32
  %13 = math.roundeven %x : f32
  %14 = math.round %x : f32
  %15 = math.sin %x : f32
  %16 = math.trunc %x : f32
  %17 = math.ctpop %i : i32
  %18 = math.ctlz %i : i32
  %19 = math.cttz %vi : vector<4xi32>
  %20 = math.absi %i : i32
  %21 = math.fpowi %x, %i : f32, i32
  %22 = math.tanh %x : f32
  return %0, %1, %2, %18, %19, %9, %22, %21 : f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32
}
