// RUN: tensile-opt %s --pass-pipeline=builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg)) --split-input-file --verify-diagnostics
// What the TOSA lowerings refuse fails the pass with MLIR's message, naming the op at its location (a note lists
// each pattern tried and why it did not apply). MLIR 16 lowers dynamic shapes in places; Tensile does not yet.

func.func @dynamic(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+2 {{failed to legalize operation 'tosa.add'}}
  // expected-note @+1 {{patterns tried: 'tosa-to-linalg-add': dynamic shapes are not supported}}
  %0 = "tosa.add"(%a, %b) : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @transpose_of_argument(%a: tensor<2x3xf32>, %p: tensor<2xi32>) -> tensor<3x2xf32> {
  // expected-error @+2 {{failed to legalize operation 'tosa.transpose'}}
  // expected-note @+1 {{patterns tried: 'tosa-to-linalg-transpose': unmatched permutation tensor}}
  %0 = "tosa.transpose"(%a, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @conv3d(%x: tensor<1x2x4x4x1xf32>, %w: tensor<2x1x1x1x1xf32>, %b: tensor<2xf32>) -> tensor<1x2x4x4x2xf32> {
  // expected-error @+2 {{failed to legalize operation 'tosa.conv3d'}}
  // expected-note @+1 {{no conversion pattern applies to 'tosa.conv3d'}}
  %0 = "tosa.conv3d"(%x, %w, %b) {pad = array<i64: 0, 0, 0, 0, 0, 0>, stride = array<i64: 1, 1, 1>, dilation = array<i64: 1, 1, 1>} : (tensor<1x2x4x4x1xf32>, tensor<2x1x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4x2xf32>
  return %0 : tensor<1x2x4x4x2xf32>
}
