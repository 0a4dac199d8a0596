// RUN: tensile-opt %s --split-input-file --verify-diagnostics --convert-linalg-to-loops
// Structured ops on tensors have no loops (MLIR 16 asserts on them): the pass fails naming the op.

func.func @on_tensors(%a: tensor<4x3xf32>, %b: tensor<3x5xf32>, %c: tensor<4x5xf32>) -> tensor<4x5xf32> {
  // expected-error @+2 {{'linalg.matmul' cannot be lowered to loops by convert-linalg-to-loops: it has tensor semantics}}
  // expected-note @+1 {{bufferize first (one-shot-bufferize): only structured ops on memrefs become loops}}
  %0 = linalg.matmul ins(%a, %b : tensor<4x3xf32>, tensor<3x5xf32>) outs(%c : tensor<4x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}
