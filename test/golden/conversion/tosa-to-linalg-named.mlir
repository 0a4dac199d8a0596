// RUN: tensile-opt %s --pass-pipeline=builtin.module(func.func(tosa-to-linalg-named)) | FileCheck %s
// tosa-to-linalg-named on matmul, whose lowering has MLIR 16's form (the CHECK lines are mlir-opt-16's output). The other named ops accumulate from the bias (the spec's order; MLIR 16 adds the bias after) and pools are linalg.generic (Tensile has no pooling named ops): test/prop/tosa-lowering-vs-mlir16.test.ts runs them under MLIR 16.

// CHECK-LABEL: func.func @matmul(
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %0 = tensor.empty() : tensor<1x2x4xf32>
// CHECK-NEXT: %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
// CHECK-NEXT: %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<1x2x3xf32>, tensor<1x3x4xf32>) outs(%1 : tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
// CHECK-NEXT: return %2 : tensor<1x2x4xf32>
func.func @matmul(%a: tensor<1x2x3xf32>, %b: tensor<1x3x4xf32>) -> tensor<1x2x4xf32> {
  %0 = "tosa.matmul"(%a, %b) : (tensor<1x2x3xf32>, tensor<1x3x4xf32>) -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}

// CHECK-LABEL: func.func @matmul_i32(
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %0 = tensor.empty() : tensor<2x3x5xi32>
// CHECK-NEXT: %1 = linalg.fill ins(%c0_i32 : i32) outs(%0 : tensor<2x3x5xi32>) -> tensor<2x3x5xi32>
// CHECK-NEXT: %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<2x3x4xi32>, tensor<2x4x5xi32>) outs(%1 : tensor<2x3x5xi32>) -> tensor<2x3x5xi32>
// CHECK-NEXT: return %2 : tensor<2x3x5xi32>
func.func @matmul_i32(%a: tensor<2x3x4xi32>, %b: tensor<2x4x5xi32>) -> tensor<2x3x5xi32> {
  %0 = "tosa.matmul"(%a, %b) : (tensor<2x3x4xi32>, tensor<2x4x5xi32>) -> tensor<2x3x5xi32>
  return %0 : tensor<2x3x5xi32>
}
