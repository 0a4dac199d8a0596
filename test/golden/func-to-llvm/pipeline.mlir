// RUN: tensile-opt %s --convert-math-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | FileCheck %s
// The lowering to the llvm dialect of arith, math, cf and func together, casts reconciled; the CHECK lines are
// mlir-opt-16's output for the same passes on this file.
// CHECK: llvm.func @pipeline_scalars(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: f32, %arg4: i64, %arg5: vector<4xf32>, %arg6: vector<4xi32>) -> !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)> {
// CHECK-NEXT: %0 = llvm.add %arg0, %arg1  : i32
// CHECK-NEXT: %1 = llvm.fmul %arg2, %arg3  {fastmathFlags = #llvm.fastmath<fast>} : f32
// CHECK-NEXT: %2 = llvm.intr.maxnum(%arg2, %arg3)  : (f32, f32) -> f32
// CHECK-NEXT: %3 = llvm.sext %arg0 : i32 to i64
// CHECK-NEXT: %4 = llvm.add %3, %arg4  : i64
// CHECK-NEXT: %5 = llvm.icmp "slt" %arg0, %arg1 : i32
// CHECK-NEXT: %6 = llvm.fcmp "ogt" %arg2, %arg3 : f32
// CHECK-NEXT: %7 = llvm.select %5, %arg0, %arg1 : i1, i32
// CHECK-NEXT: %8 = llvm.zext %5 : i1 to i64
// CHECK-NEXT: %9 = "llvm.intr.uadd.with.overflow"(%arg0, %arg1) : (i32, i32) -> !llvm.struct<(i32, i1)>
// CHECK-NEXT: %10 = llvm.extractvalue %9[0] : !llvm.struct<(i32, i1)>
// CHECK-NEXT: %11 = llvm.extractvalue %9[1] : !llvm.struct<(i32, i1)>
// CHECK-NEXT: %12 = llvm.sext %arg0 : i32 to i64
// CHECK-NEXT: %13 = llvm.sext %arg1 : i32 to i64
// CHECK-NEXT: %14 = llvm.mul %12, %13  : i64
// CHECK-NEXT: %15 = llvm.trunc %14 : i64 to i32
// CHECK-NEXT: %16 = llvm.mlir.constant(32 : i64) : i64
// CHECK-NEXT: %17 = llvm.lshr %14, %16  : i64
// CHECK-NEXT: %18 = llvm.trunc %17 : i64 to i32
// CHECK-NEXT: %19 = llvm.fneg %arg2  : f32
// CHECK-NEXT: %20 = llvm.fadd %arg5, %arg5  : vector<4xf32>
// CHECK-NEXT: %21 = llvm.fcmp "uno" %arg5, %20 : vector<4xf32>
// CHECK-NEXT: %22 = llvm.ashr %arg6, %arg6  : vector<4xi32>
// CHECK-NEXT: %23 = llvm.intr.umin(%arg0, %arg1)  : (i32, i32) -> i32
// CHECK-NEXT: %24 = llvm.trunc %arg4 : i64 to i32
// CHECK-NEXT: %25 = llvm.fptosi %arg2 : f32 to i64
// CHECK-NEXT: %26 = llvm.sitofp %25 : i64 to f32
// CHECK-NEXT: %27 = llvm.fcmp "_false" %arg2, %arg3 : f32
// CHECK-NEXT: %28 = llvm.bitcast %arg0 : i32 to f32
// CHECK-NEXT: %29 = llvm.mlir.undef : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %30 = llvm.insertvalue %0, %29[0] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %31 = llvm.insertvalue %1, %30[1] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %32 = llvm.insertvalue %4, %31[2] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %33 = llvm.insertvalue %6, %32[3] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %34 = llvm.insertvalue %8, %33[4] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %35 = llvm.insertvalue %2, %34[5] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %36 = llvm.insertvalue %7, %35[6] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %37 = llvm.insertvalue %10, %36[7] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %38 = llvm.insertvalue %11, %37[8] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %39 = llvm.insertvalue %20, %38[9] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %40 = llvm.insertvalue %21, %39[10] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %41 = llvm.insertvalue %23, %40[11] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %42 = llvm.insertvalue %arg4, %41[12] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: %43 = llvm.insertvalue %28, %42[13] : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: llvm.return %43 : !llvm.struct<(i32, f32, i64, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32)>
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @pipeline_branches(%arg0: i1, %arg1: i32, %arg2: f32, %arg3: i64) -> f32 {
// CHECK-NEXT: llvm.cond_br %arg0, ^bb1(%arg2 : f32), ^bb2
// CHECK-NEXT: ^bb1(%0: f32):
// CHECK-NEXT: llvm.br ^bb3(%0 : f32)
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: llvm.switch %arg1 : i32, ^bb3(%arg2 : f32) [
// CHECK-NEXT: 1: ^bb1(%arg2 : f32),
// CHECK-NEXT: 4294967295: ^bb4(%arg3 : i64)
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb3(%1: f32):
// CHECK-NEXT: llvm.return %1 : f32
// CHECK-NEXT: ^bb4(%2: i64):  // pred: ^bb2
// CHECK-NEXT: llvm.br ^bb3(%arg2 : f32)
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @pipeline_switch(%arg0: i32, %arg1: f32, %arg2: f32) -> f32 {
// CHECK-NEXT: llvm.switch %arg0 : i32, ^bb1(%arg1 : f32) [
// CHECK-NEXT: 7: ^bb1(%arg2 : f32),
// CHECK-NEXT: 8: ^bb2
// CHECK-NEXT: ]
// CHECK-NEXT: ^bb1(%0: f32):
// CHECK-NEXT: llvm.return %0 : f32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: llvm.return %arg2 : f32
// CHECK-NEXT: }
// CHECK-NEXT: llvm.func @pipeline_math(%arg0: f32, %arg1: f32, %arg2: vector<4xf32>, %arg3: i32, %arg4: vector<4xi32>, %arg5: f64) -> !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)> {
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
// CHECK-NEXT: %26 = llvm.mlir.undef : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %27 = llvm.insertvalue %0, %26[0] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %28 = llvm.insertvalue %1, %27[1] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %29 = llvm.insertvalue %2, %28[2] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %30 = llvm.insertvalue %19, %29[3] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %31 = llvm.insertvalue %21, %30[4] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %32 = llvm.insertvalue %9, %31[5] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %33 = llvm.insertvalue %25, %32[6] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: %34 = llvm.insertvalue %24, %33[7] : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: llvm.return %34 : !llvm.struct<(f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32)>
// CHECK-NEXT: }

func.func @pipeline_scalars(%a: i32, %b: i32, %x: f32, %y: f32, %i: index, %v: vector<4xf32>, %vi: vector<4xi32>) -> (i32, f32, index, i1, i64, f32, i32, i32, i1, vector<4xf32>, vector<4xi1>, i32, i64, f32) {
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
func.func @pipeline_branches(%c: i1, %i: i32, %f: f32, %x: index) -> f32 {
  cf.cond_br %c, ^bb1(%f : f32), ^bb2
^bb1(%a: f32):
  cf.br ^bb3(%a : f32)
^bb2:
  cf.switch %i : i32, [
    default: ^bb3(%f : f32),
    1: ^bb1(%f : f32),
    -1: ^bb4(%x : index)
  ]
^bb3(%y: f32):
  return %y : f32
^bb4(%z: index):
  cf.br ^bb3(%f : f32)
}

func.func @pipeline_switch(%i: i32, %f: f32, %g: f32) -> f32 {
  cf.switch %i : i32, [
    default: ^bb1(%f : f32),
    7: ^bb1(%g : f32),
    8: ^bb2
  ]
^bb1(%y: f32):
  return %y : f32
^bb2:
  return %g : f32
}
func.func @pipeline_math(%x: f32, %y: f32, %v: vector<4xf32>, %i: i32, %vi: vector<4xi32>, %d: f64) -> (f32, f32, vector<4xf32>, i32, vector<4xi32>, f64, f32, f32) {
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
