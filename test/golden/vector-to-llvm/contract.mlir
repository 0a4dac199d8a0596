// RUN: tensile-opt %s --convert-vector-to-llvm | FileCheck %s
// A 1-D contraction (a dot product) lowered to the llvm dialect: the elementwise product reduced onto the
// accumulator (MLIR 16's ContractionOpLowering reduction path). The CHECK lines are mlir-opt-16
// --convert-vector-to-llvm's output for this file. (Other contraction forms and vector.multi_reduction lower
// differently from MLIR 16 on purpose: rewrites/vector-to-llvm/lower-contract.ts; prop/vector-to-llvm checks them.)
// CHECK: func.func @dot(%arg0: vector<4xf32>, %arg1: vector<4xf32>, %arg2: f32) -> f32 {
// CHECK-NEXT: %0 = arith.mulf %arg0, %arg1 : vector<4xf32>
// CHECK-NEXT: %1 = "llvm.intr.vector.reduce.fadd"(%arg2, %0) {reassoc = false} : (f32, vector<4xf32>) -> f32
// CHECK-NEXT: return %1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }

func.func @dot(%a: vector<4xf32>, %b: vector<4xf32>, %c: f32) -> f32 {
  %r = vector.contract {indexing_maps = [affine_map<(k) -> (k)>, affine_map<(k) -> (k)>, affine_map<(k) -> ()>], iterator_types = ["reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<4xf32>, vector<4xf32> into f32
  return %r : f32
}
