// RUN: tensile-opt %s --convert-arith-to-llvm | FileCheck %s
// arith on scalars and 1-D vectors lowered to the llvm dialect; the CHECK lines are mlir-opt-16
// --convert-arith-to-llvm's output for this file (index arguments meet i64 through unrealized casts; maxf and
// minui become intrinsics; the extended ops expand; fastmath flags carry over).
// CHECK: func.func @scalars(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: f32, %arg4: index, %arg5: vector<4xf32>, %arg6: vector<4xi32>) -> (i32, f32, index, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32) {
// CHECK-NEXT: %0 = builtin.unrealized_conversion_cast %arg4 : index to i64
// CHECK-NEXT: %1 = llvm.add %arg0, %arg1  : i32
// CHECK-NEXT: %2 = llvm.fmul %arg2, %arg3  {fastmathFlags = #llvm.fastmath<fast>} : f32
// CHECK-NEXT: %3 = llvm.intr.maxnum(%arg2, %arg3)  : (f32, f32) -> f32
// CHECK-NEXT: %4 = llvm.sext %arg0 : i32 to i64
// CHECK-NEXT: %5 = llvm.add %4, %0  : i64
// CHECK-NEXT: %6 = builtin.unrealized_conversion_cast %5 : i64 to index
// CHECK-NEXT: %7 = llvm.icmp "slt" %arg0, %arg1 : i32
// CHECK-NEXT: %8 = llvm.fcmp "ogt" %arg2, %arg3 : f32
// CHECK-NEXT: %9 = llvm.select %7, %arg0, %arg1 : i1, i32
// CHECK-NEXT: %10 = llvm.zext %7 : i1 to i64
// CHECK-NEXT: %11 = "llvm.intr.uadd.with.overflow"(%arg0, %arg1) : (i32, i32) -> !llvm.struct<(i32, i1)>
// CHECK-NEXT: %12 = llvm.extractvalue %11[0] : !llvm.struct<(i32, i1)>
// CHECK-NEXT: %13 = llvm.extractvalue %11[1] : !llvm.struct<(i32, i1)>
// CHECK-NEXT: %14 = llvm.sext %arg0 : i32 to i64
// CHECK-NEXT: %15 = llvm.sext %arg1 : i32 to i64
// CHECK-NEXT: %16 = llvm.mul %14, %15  : i64
// CHECK-NEXT: %17 = llvm.trunc %16 : i64 to i32
// CHECK-NEXT: %18 = llvm.mlir.constant(32 : i64) : i64
// CHECK-NEXT: %19 = llvm.lshr %16, %18  : i64
// CHECK-NEXT: %20 = llvm.trunc %19 : i64 to i32
// CHECK-NEXT: %21 = llvm.fneg %arg2  : f32
// CHECK-NEXT: %22 = llvm.fadd %arg5, %arg5  : vector<4xf32>
// CHECK-NEXT: %23 = llvm.fcmp "uno" %arg5, %22 : vector<4xf32>
// CHECK-NEXT: %24 = llvm.ashr %arg6, %arg6  : vector<4xi32>
// CHECK-NEXT: %25 = llvm.intr.umin(%arg0, %arg1)  : (i32, i32) -> i32
// CHECK-NEXT: %26 = llvm.trunc %0 : i64 to i32
// CHECK-NEXT: %27 = llvm.fptosi %arg2 : f32 to i64
// CHECK-NEXT: %28 = llvm.sitofp %27 : i64 to f32
// CHECK-NEXT: %29 = llvm.fcmp "_false" %arg2, %arg3 : f32
// CHECK-NEXT: %30 = llvm.bitcast %arg0 : i32 to f32
// CHECK-NEXT: return %1, %2, %6, %8, %10, %3, %9, %12, %13, %22, %23, %25, %0, %30 : i32, f32, index, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32
// CHECK-NEXT: }

func.func @scalars(%a: i32, %b: i32, %x: f32, %y: f32, %i: index, %v: vector<4xf32>, %vi: vector<4xi32>) -> (i32, f32, index, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32) {
  %0 = arith.addi %a, %b : i32
  %1 = arith.mulf %x, %y fastmath<fast> : f32
  %2 = arith.maxf %x, %y : f32
  %3 = arith.index_cast %a : i32 to index
  %4 = arith.addi %3, %i : index
  %5 = arith.cmpi slt, %a, %b : i32
  %6 = arith.cmpf ogt, %x, %y : f32
  %7 = arith.select %5, %a, %b : i32
  %8 = arith.index_cast %i : index to i64
  %9 = arith.extui %5 : i1 to i64
  %s, %o = arith.addui_extended %a, %b : i32, i1
  %l, %h = arith.mulsi_extended %a, %b : i32
  %10 = arith.negf %x : f32
  %w = arith.addf %v, %v : vector<4xf32>
  %11 = arith.cmpf uno, %v, %w : vector<4xf32>
  %12 = arith.shrsi %vi, %vi : vector<4xi32>
  %13 = arith.minui %a, %b : i32
  %14 = arith.index_castui %i : index to i32
  %15 = arith.fptosi %x : f32 to i64
  %16 = arith.sitofp %15 : i64 to f32
  %17 = arith.cmpf false, %x, %y : f32
  %18 = arith.bitcast %a : i32 to f32
  return %0, %1, %4, %6, %9, %2, %7, %s, %o, %w, %11, %13, %8, %18 : i32, f32, index, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32
}
