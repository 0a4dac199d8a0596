// RUN: tensile-opt %s --canonicalize | FileCheck %s
// The folds of the tensor ops (MLIR 16's fold hooks); the CHECK lines are mlir-opt-16's own output.

// CHECK-LABEL: func.func @dim_static(
// CHECK-SAME: %arg0: tensor<4x?xf32>) -> index {
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: return %c4 : index
func.func @dim_static(%t: tensor<4x?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %d = tensor.dim %t, %c0 : tensor<4x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_of_generate(
// CHECK-SAME: %arg0: index, %arg1: f32) -> index {
// CHECK-NEXT: return %arg0 : index
func.func @dim_of_generate(%n: index, %v: f32) -> index {
  %c1 = arith.constant 1 : index
  %g = tensor.generate %n {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<3x?xf32>
  %d = tensor.dim %g, %c1 : tensor<3x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_of_slice(
// CHECK-SAME: %arg0: tensor<?x?xf32>, %arg1: index) -> index {
// CHECK-NEXT: return %arg1 : index
func.func @dim_of_slice(%t: tensor<?x?xf32>, %n: index) -> index {
  %c1 = arith.constant 1 : index
  %s = tensor.extract_slice %t[0, 0] [4, %n] [1, 1] : tensor<?x?xf32> to tensor<4x?xf32>
  %d = tensor.dim %s, %c1 : tensor<4x?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @extract_splat(
// CHECK-SAME: ) -> f32 {
// CHECK-NEXT: %cst = arith.constant 2.500000e+00 : f32
// CHECK-NEXT: return %cst : f32
func.func @extract_splat() -> f32 {
  %c1 = arith.constant 1 : index
  %cst = arith.constant dense<2.5> : tensor<4xf32>
  %e = tensor.extract %cst[%c1] : tensor<4xf32>
  return %e : f32
}

// CHECK-LABEL: func.func @extract_dense(
// CHECK-SAME: ) -> i32 {
// CHECK-NEXT: %c5_i32 = arith.constant 5 : i32
// CHECK-NEXT: return %c5_i32 : i32
func.func @extract_dense() -> i32 {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %cst = arith.constant dense<[[0, 1, 2], [3, 4, 5]]> : tensor<2x3xi32>
  %e = tensor.extract %cst[%c1, %c2] : tensor<2x3xi32>
  return %e : i32
}

// CHECK-LABEL: func.func @extract_from_elements(
// CHECK-SAME: %arg0: f32, %arg1: f32) -> f32 {
// CHECK-NEXT: return %arg1 : f32
func.func @extract_from_elements(%a: f32, %b: f32) -> f32 {
  %c1 = arith.constant 1 : index
  %t = tensor.from_elements %a, %b : tensor<2xf32>
  %e = tensor.extract %t[%c1] : tensor<2xf32>
  return %e : f32
}

// CHECK-LABEL: func.func @from_elements_constant(
// CHECK-SAME: ) -> tensor<2xi32> {
// CHECK-NEXT: %cst = arith.constant dense<[1, 7]> : tensor<2xi32>
// CHECK-NEXT: return %cst : tensor<2xi32>
func.func @from_elements_constant() -> tensor<2xi32> {
  %c1 = arith.constant 1 : i32
  %c7 = arith.constant 7 : i32
  %t = tensor.from_elements %c1, %c7 : tensor<2xi32>
  return %t : tensor<2xi32>
}

// CHECK-LABEL: func.func @splat_constant(
// CHECK-SAME: ) -> tensor<2x2xf32> {
// CHECK-NEXT: %cst = arith.constant dense<1.500000e+00> : tensor<2x2xf32>
// CHECK-NEXT: return %cst : tensor<2x2xf32>
func.func @splat_constant() -> tensor<2x2xf32> {
  %c = arith.constant 1.5 : f32
  %t = tensor.splat %c : tensor<2x2xf32>
  return %t : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @insert_into_splat(
// CHECK-SAME: ) -> tensor<3xi8> {
// CHECK-NEXT: %cst = arith.constant dense<5> : tensor<3xi8>
// CHECK-NEXT: return %cst : tensor<3xi8>
func.func @insert_into_splat() -> tensor<3xi8> {
  %c0 = arith.constant 0 : index
  %v = arith.constant 5 : i8
  %cst = arith.constant dense<5> : tensor<3xi8>
  %t = tensor.insert %v into %cst[%c0] : tensor<3xi8>
  return %t : tensor<3xi8>
}

// CHECK-LABEL: func.func @rank(
// CHECK-SAME: %arg0: tensor<2x?xf32>) -> index {
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: return %c2 : index
func.func @rank(%t: tensor<2x?xf32>) -> index {
  %r = tensor.rank %t : tensor<2x?xf32>
  return %r : index
}

// CHECK-LABEL: func.func @extract_slice_splat(
// CHECK-SAME: ) -> tensor<2x2xf32> {
// CHECK-NEXT: %cst = arith.constant dense<1.000000e+00> : tensor<2x2xf32>
// CHECK-NEXT: return %cst : tensor<2x2xf32>
func.func @extract_slice_splat() -> tensor<2x2xf32> {
  %cst = arith.constant dense<1.0> : tensor<4x4xf32>
  %s = tensor.extract_slice %cst[1, 1] [2, 2] [1, 1] : tensor<4x4xf32> to tensor<2x2xf32>
  return %s : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @extract_slice_identity(
// CHECK-SAME: %arg0: tensor<4x4xf32>) -> tensor<4x4xf32> {
// CHECK-NEXT: return %arg0 : tensor<4x4xf32>
func.func @extract_slice_identity(%t: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %s = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> to tensor<4x4xf32>
  return %s : tensor<4x4xf32>
}

// CHECK-LABEL: func.func @extract_after_insert(
// CHECK-SAME: %arg0: tensor<8x8xf32>, %arg1: tensor<4x4xf32>, %arg2: index) -> tensor<4x4xf32> {
// CHECK-NEXT: return %arg1 : tensor<4x4xf32>
func.func @extract_after_insert(%t: tensor<8x8xf32>, %s: tensor<4x4xf32>, %i: index) -> tensor<4x4xf32> {
  %u = tensor.insert_slice %s into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %e = tensor.extract_slice %u[%i, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return %e : tensor<4x4xf32>
}

// CHECK-LABEL: func.func @insert_slice_identity(
// CHECK-SAME: %arg0: tensor<4x4xf32>, %arg1: tensor<4x4xf32>) -> tensor<4x4xf32> {
// CHECK-NEXT: return %arg1 : tensor<4x4xf32>
func.func @insert_slice_identity(%t: tensor<4x4xf32>, %s: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %u = tensor.insert_slice %s into %t[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<4x4xf32>
  return %u : tensor<4x4xf32>
}

// CHECK-LABEL: func.func @insert_after_insert(
// CHECK-SAME: %arg0: tensor<8x8xf32>, %arg1: tensor<4x4xf32>, %arg2: tensor<4x4xf32>, %arg3: index) -> tensor<8x8xf32> {
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %arg2 into %arg0[%arg3, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
// CHECK-NEXT: return %inserted_slice : tensor<8x8xf32>
func.func @insert_after_insert(%t: tensor<8x8xf32>, %a: tensor<4x4xf32>, %b: tensor<4x4xf32>, %i: index) -> tensor<8x8xf32> {
  %0 = tensor.insert_slice %a into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %1 = tensor.insert_slice %b into %0[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  return %1 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @insert_after_extract(
// CHECK-SAME: %arg0: tensor<8x8xf32>, %arg1: index) -> tensor<8x8xf32> {
// CHECK-NEXT: return %arg0 : tensor<8x8xf32>
func.func @insert_after_extract(%t: tensor<8x8xf32>, %i: index) -> tensor<8x8xf32> {
  %0 = tensor.extract_slice %t[%i, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  %1 = tensor.insert_slice %0 into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  return %1 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @reshape_round_trip(
// CHECK-SAME: %arg0: tensor<4x?xf32>) -> tensor<4x?xf32> {
// CHECK-NEXT: return %arg0 : tensor<4x?xf32>
func.func @reshape_round_trip(%t: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %0 = tensor.expand_shape %t [[0, 1], [2]] : tensor<4x?xf32> into tensor<2x2x?xf32>
  %1 = tensor.collapse_shape %0 [[0, 1], [2]] : tensor<2x2x?xf32> into tensor<4x?xf32>
  return %1 : tensor<4x?xf32>
}

// CHECK-LABEL: func.func @collapse_round_trip(
// CHECK-SAME: %arg0: tensor<2x2x?xf32>) -> tensor<2x2x?xf32> {
// CHECK-NEXT: return %arg0 : tensor<2x2x?xf32>
func.func @collapse_round_trip(%t: tensor<2x2x?xf32>) -> tensor<2x2x?xf32> {
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x2x?xf32> into tensor<4x?xf32>
  %1 = tensor.expand_shape %0 [[0, 1], [2]] : tensor<4x?xf32> into tensor<2x2x?xf32>
  return %1 : tensor<2x2x?xf32>
}

// CHECK-LABEL: func.func @reshape_constant(
// CHECK-SAME: ) -> tensor<2x2xi32> {
// CHECK-NEXT: %cst = arith.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi32>
// CHECK-NEXT: return %cst : tensor<2x2xi32>
func.func @reshape_constant() -> tensor<2x2xi32> {
  %cst = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %0 = tensor.expand_shape %cst [[0, 1]] : tensor<4xi32> into tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// CHECK-LABEL: func.func @pad_nothing(
// CHECK-SAME: %arg0: tensor<4x4xf32>, %arg1: f32) -> tensor<4x4xf32> {
// CHECK-NEXT: return %arg0 : tensor<4x4xf32>
func.func @pad_nothing(%t: tensor<4x4xf32>, %v: f32) -> tensor<4x4xf32> {
  %0 = tensor.pad %t low[0, 0] high[0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<4x4xf32> to tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
