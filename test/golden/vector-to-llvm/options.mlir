// RUN: tensile-opt %s --convert-vector-to-llvm=reassociate-fp-reductions=1 | FileCheck %s
// RUN: tensile-opt %s --convert-vector-to-llvm=force-32bit-vector-indices=0 | FileCheck %s --check-prefix=I64
// The options: float reductions that may reassociate (CHECK), mask lanes of i64 (I64). The CHECK lines are
// mlir-opt-16's output with the same options.
// CHECK: func.func @options(%arg0: vector<4xf32>, %arg1: index) -> (f32, f32, vector<8xi1>) {
// CHECK-NEXT:   %0 = llvm.mlir.constant(0.000000e+00 : f32) : f32
// CHECK-NEXT:   %1 = "llvm.intr.vector.reduce.fadd"(%0, %arg0) {reassoc = true} : (f32, vector<4xf32>) -> f32
// CHECK-NEXT:   %2 = llvm.mlir.constant(1.000000e+00 : f32) : f32
// CHECK-NEXT:   %3 = "llvm.intr.vector.reduce.fmul"(%2, %arg0) {reassoc = true} : (f32, vector<4xf32>) -> f32
// CHECK-NEXT:   %cst = arith.constant dense<[0, 1, 2, 3, 4, 5, 6, 7]> : vector<8xi32>
// CHECK-NEXT:   %4 = arith.index_cast %arg1 : index to i32
// CHECK-NEXT:   %5 = llvm.mlir.undef : vector<8xi32>
// CHECK-NEXT:   %6 = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %7 = llvm.insertelement %4, %5[%6 : i32] : vector<8xi32>
// CHECK-NEXT:   %8 = llvm.shufflevector %7, %5 [0, 0, 0, 0, 0, 0, 0, 0] : vector<8xi32>
// CHECK-NEXT:   %9 = arith.cmpi slt, %cst, %8 : vector<8xi32>
// CHECK-NEXT:   return %1, %3, %9 : f32, f32, vector<8xi1>
// CHECK-NEXT: }
// CHECK-NEXT: }
// I64: func.func @options(%arg0: vector<4xf32>, %arg1: index) -> (f32, f32, vector<8xi1>) {
// I64-NEXT:   %0 = llvm.mlir.constant(0.000000e+00 : f32) : f32
// I64-NEXT:   %1 = "llvm.intr.vector.reduce.fadd"(%0, %arg0) {reassoc = false} : (f32, vector<4xf32>) -> f32
// I64-NEXT:   %2 = llvm.mlir.constant(1.000000e+00 : f32) : f32
// I64-NEXT:   %3 = "llvm.intr.vector.reduce.fmul"(%2, %arg0) {reassoc = false} : (f32, vector<4xf32>) -> f32
// I64-NEXT:   %cst = arith.constant dense<[0, 1, 2, 3, 4, 5, 6, 7]> : vector<8xi64>
// I64-NEXT:   %4 = arith.index_cast %arg1 : index to i64
// I64-NEXT:   %5 = llvm.mlir.undef : vector<8xi64>
// I64-NEXT:   %6 = llvm.mlir.constant(0 : i32) : i32
// I64-NEXT:   %7 = llvm.insertelement %4, %5[%6 : i32] : vector<8xi64>
// I64-NEXT:   %8 = llvm.shufflevector %7, %5 [0, 0, 0, 0, 0, 0, 0, 0] : vector<8xi64>
// I64-NEXT:   %9 = arith.cmpi slt, %cst, %8 : vector<8xi64>
// I64-NEXT:   return %1, %3, %9 : f32, f32, vector<8xi1>
// I64-NEXT: }
// I64-NEXT: }

func.func @options(%f: vector<4xf32>, %n: index) -> (f32, f32, vector<8xi1>) {
  %0 = vector.reduction <add>, %f : vector<4xf32> into f32
  %1 = vector.reduction <mul>, %f : vector<4xf32> into f32
  %2 = vector.create_mask %n : vector<8xi1>
  return %0, %1, %2 : f32, f32, vector<8xi1>
}
