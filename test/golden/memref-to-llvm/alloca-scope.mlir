// RUN: tensile-opt %s --convert-memref-to-llvm | FileCheck %s
// memref.alloca_scope: its body inlined between llvm.intr.stacksave and stackrestore, its results the arguments
// of the block after it. The CHECK lines are mlir-opt-16 --convert-memref-to-llvm's output for this file.
// CHECK: module {
// CHECK-NEXT: func.func @scope(%arg0: f32) -> f32 {
// CHECK-NEXT: %0 = llvm.intr.stacksave : !llvm.ptr<i8>
// CHECK-NEXT: llvm.br ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %1 = llvm.mlir.constant(2 : index) : i64
// CHECK-NEXT: %2 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT: %3 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT: %4 = llvm.getelementptr %3[%1] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %5 = llvm.ptrtoint %4 : !llvm.ptr<f32> to i64
// CHECK-NEXT: %6 = llvm.alloca %5 x f32 : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %7 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %8 = llvm.insertvalue %6, %7[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %9 = llvm.insertvalue %6, %8[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %10 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %11 = llvm.insertvalue %10, %9[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %12 = llvm.insertvalue %1, %11[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %13 = llvm.insertvalue %2, %12[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: llvm.intr.stackrestore %0
// CHECK-NEXT: llvm.br ^bb2
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: %14 = llvm.intr.stacksave : !llvm.ptr<i8>
// CHECK-NEXT: llvm.br ^bb3
// CHECK-NEXT: ^bb3:  // pred: ^bb2
// CHECK-NEXT: %15 = llvm.mlir.constant(4 : index) : i64
// CHECK-NEXT: %16 = llvm.mlir.constant(1 : index) : i64
// CHECK-NEXT: %17 = llvm.mlir.null : !llvm.ptr<f32>
// CHECK-NEXT: %18 = llvm.getelementptr %17[%15] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %19 = llvm.ptrtoint %18 : !llvm.ptr<f32> to i64
// CHECK-NEXT: %20 = llvm.alloca %19 x f32 : (i64) -> !llvm.ptr<f32>
// CHECK-NEXT: %21 = llvm.mlir.undef : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-NEXT: %22 = llvm.insertvalue %20, %21[0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %23 = llvm.insertvalue %20, %22[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %24 = llvm.mlir.constant(0 : index) : i64
// CHECK-NEXT: %25 = llvm.insertvalue %24, %23[2] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %26 = llvm.insertvalue %15, %25[3, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %27 = llvm.insertvalue %16, %26[4, 0] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<1 x i64>, array<1 x i64>)> 
// CHECK-NEXT: %28 = arith.addf %arg0, %arg0 : f32
// CHECK-NEXT: llvm.intr.stackrestore %14
// CHECK-NEXT: llvm.br ^bb4(%28 : f32)
// CHECK-NEXT: ^bb4(%29: f32):  // pred: ^bb3
// CHECK-NEXT: llvm.br ^bb5
// CHECK-NEXT: ^bb5:  // pred: ^bb4
// CHECK-NEXT: return %29 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @scope(%x: f32) -> f32 {
  memref.alloca_scope {
    %a = memref.alloca() : memref<2xf32>
  }
  %r = memref.alloca_scope -> (f32) {
    %b = memref.alloca() : memref<4xf32>
    %y = arith.addf %x, %x : f32
    memref.alloca_scope.return %y : f32
  }
  return %r : f32
}
