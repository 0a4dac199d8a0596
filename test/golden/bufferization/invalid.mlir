// RUN: tensile-opt %s --split-input-file --verify-diagnostics
// Verifier messages of bufferization ops, as mlir-opt-16 gives them.

func.func @alloc_sizes(%n: index) {
  // expected-error @+1 {{expected 2 dynamic sizes}}
  %0 = bufferization.alloc_tensor(%n) : tensor<?x?xf32>
  return
}

// -----

func.func @alloc_copy_sizes(%n: index, %t: tensor<?xf32>) {
  // expected-error @+1 {{dynamic sizes not needed when copying a tensor}}
  %0 = bufferization.alloc_tensor(%n) copy(%t) : tensor<?xf32>
  return
}

// -----

func.func @alloc_copy_type(%t: tensor<4xf32>) {
  // expected-error @+1 {{expected that `copy` and return type match}}
  %0 = "bufferization.alloc_tensor"(%t) {operand_segment_sizes = array<i32: 0, 1, 0>} : (tensor<4xf32>) -> tensor<?xf32>
  return
}

// -----

func.func @to_tensor_type(%m: memref<4xf32>) {
  // expected-error @+1 {{'bufferization.to_tensor' op failed to verify that result type matches tensor equivalent of 'memref'}}
  %0 = "bufferization.to_tensor"(%m) : (memref<4xf32>) -> tensor<4xf64>
  return
}

// -----

func.func @to_memref_type(%t: tensor<4xf32>) {
  // expected-error @+1 {{'bufferization.to_memref' op failed to verify that type of 'tensor' is the tensor equivalent of 'memref'}}
  %0 = "bufferization.to_memref"(%t) : (tensor<4xf32>) -> memref<4xi32>
  return
}
