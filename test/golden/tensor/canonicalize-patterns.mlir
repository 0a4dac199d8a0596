// RUN: tensile-opt %s --canonicalize | FileCheck %s
// The canonicalization patterns of the tensor dialect (MLIR 16's getCanonicalizationPatterns); the CHECK lines
// are mlir-opt-16's own output.

// CHECK-LABEL: func.func @cast_of_cast(
// CHECK-SAME: %arg0: tensor<4x?xf32>) -> tensor<4x8xf32> {
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<4x?xf32> to tensor<4x8xf32>
// CHECK-NEXT: return %cast : tensor<4x8xf32>
func.func @cast_of_cast(%t: tensor<4x?xf32>) -> tensor<4x8xf32> {
  %0 = tensor.cast %t : tensor<4x?xf32> to tensor<?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?xf32> to tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @cast_of_cast_kept(
// CHECK-SAME: %arg0: tensor<?x?xf32>) -> tensor<?x?xf32> {
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<?x?xf32> to tensor<4x?xf32>
// CHECK-NEXT: %cast_0 = tensor.cast %cast : tensor<4x?xf32> to tensor<?x?xf32>
// CHECK-NEXT: return %cast_0 : tensor<?x?xf32>
func.func @cast_of_cast_kept(%t: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = tensor.cast %t : tensor<?x?xf32> to tensor<4x?xf32>
  %1 = tensor.cast %0 : tensor<4x?xf32> to tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}

// CHECK-LABEL: func.func @cast_of_slice(
// CHECK-SAME: %arg0: tensor<128x512xf32>, %arg1: index, %arg2: index) -> tensor<16x512xf32> {
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[%arg1, 0] [16, 512] [1, 1] : tensor<128x512xf32> to tensor<16x512xf32>
// CHECK-NEXT: return %extracted_slice : tensor<16x512xf32>
func.func @cast_of_slice(%t: tensor<128x512xf32>, %o: index, %s: index) -> tensor<16x512xf32> {
  %0 = tensor.extract_slice %t[%o, 0] [%s, 512] [1, 1] : tensor<128x512xf32> to tensor<?x512xf32>
  %1 = tensor.cast %0 : tensor<?x512xf32> to tensor<16x512xf32>
  return %1 : tensor<16x512xf32>
}

// CHECK-LABEL: func.func @dim_of_cast(
// CHECK-SAME: %arg0: tensor<4x?xf32>, %arg1: index) -> index {
// CHECK-NEXT: %dim = tensor.dim %arg0, %arg1 : tensor<4x?xf32>
// CHECK-NEXT: return %dim : index
func.func @dim_of_cast(%t: tensor<4x?xf32>, %i: index) -> index {
  %0 = tensor.cast %t : tensor<4x?xf32> to tensor<*xf32>
  %1 = tensor.dim %0, %i : tensor<*xf32>
  return %1 : index
}

// CHECK-LABEL: func.func @extract_of_cast(
// CHECK-SAME: %arg0: tensor<4xf32>, %arg1: index) -> f32 {
// CHECK-NEXT: %extracted = tensor.extract %arg0[%arg1] : tensor<4xf32>
// CHECK-NEXT: return %extracted : f32
func.func @extract_of_cast(%t: tensor<4xf32>, %i: index) -> f32 {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %1 = tensor.extract %0[%i] : tensor<?xf32>
  return %1 : f32
}

// CHECK-LABEL: func.func @cast_of_empty(
// CHECK-SAME: %arg0: index) -> tensor<8x4xf32> {
// CHECK-NEXT: %0 = tensor.empty() : tensor<8x4xf32>
// CHECK-NEXT: return %0 : tensor<8x4xf32>
func.func @cast_of_empty(%n: index) -> tensor<8x4xf32> {
  %0 = tensor.empty(%n) : tensor<?x4xf32>
  %1 = tensor.cast %0 : tensor<?x4xf32> to tensor<8x4xf32>
  return %1 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @slice_of_cast(
// CHECK-SAME: %arg0: tensor<8x8xf32>, %arg1: index) -> tensor<4x4xf32> {
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[0, %arg1] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
// CHECK-NEXT: return %extracted_slice : tensor<4x4xf32>
func.func @slice_of_cast(%t: tensor<8x8xf32>, %i: index) -> tensor<4x4xf32> {
  %0 = tensor.cast %t : tensor<8x8xf32> to tensor<?x?xf32>
  %1 = tensor.extract_slice %0[0, %i] [4, 4] [1, 1] : tensor<?x?xf32> to tensor<4x4xf32>
  return %1 : tensor<4x4xf32>
}

// CHECK-LABEL: func.func @slice_constants(
// CHECK-SAME: %arg0: tensor<8x8xf32>) -> tensor<?x4xf32> {
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[1, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
// CHECK-NEXT: %cast = tensor.cast %extracted_slice : tensor<4x4xf32> to tensor<?x4xf32>
// CHECK-NEXT: return %cast : tensor<?x4xf32>
func.func @slice_constants(%t: tensor<8x8xf32>) -> tensor<?x4xf32> {
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %0 = tensor.extract_slice %t[%c1, 0] [%c4, 4] [1, 1] : tensor<8x8xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// CHECK-LABEL: func.func @slice_constants_reduced(
// CHECK-SAME: %arg0: tensor<8x8xf32>, %arg1: index) -> tensor<?x?xf32> {
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[%arg1, 0] [1, 4] [1, 1] : tensor<8x8xf32> to tensor<1x4xf32>
// CHECK-NEXT: %cast = tensor.cast %extracted_slice : tensor<1x4xf32> to tensor<?x?xf32>
// CHECK-NEXT: return %cast : tensor<?x?xf32>
func.func @slice_constants_reduced(%t: tensor<8x8xf32>, %i: index) -> tensor<?x?xf32> {
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %0 = tensor.extract_slice %t[%i, 0] [%c1, %c4] [1, 1] : tensor<8x8xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// CHECK-LABEL: func.func @insert_constants(
// CHECK-SAME: %arg0: tensor<?x4xf32>, %arg1: tensor<8x4xf32>, %arg2: index) -> tensor<8x4xf32> {
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<?x4xf32> to tensor<4x4xf32>
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %cast into %arg1[%arg2, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: return %inserted_slice : tensor<8x4xf32>
func.func @insert_constants(%s: tensor<?x4xf32>, %t: tensor<8x4xf32>, %i: index) -> tensor<8x4xf32> {
  %c4 = arith.constant 4 : index
  %0 = tensor.insert_slice %s into %t[%i, 0] [%c4, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @insert_of_cast(
// CHECK-SAME: %arg0: tensor<4x4xf32>, %arg1: tensor<8x8xf32>, %arg2: index) -> tensor<8x8xf32> {
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<4x4xf32> to tensor<?x?xf32>
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %cast into %arg1[0, %arg2] [%arg2, %arg2] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
// CHECK-NEXT: return %inserted_slice : tensor<8x8xf32>
func.func @insert_of_cast(%s: tensor<4x4xf32>, %t: tensor<8x8xf32>, %i: index) -> tensor<8x8xf32> {
  %0 = tensor.cast %s : tensor<4x4xf32> to tensor<?x?xf32>
  %1 = tensor.insert_slice %0 into %t[0, %i] [%i, %i] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
  return %1 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @insert_into_cast(
// CHECK-SAME: %arg0: tensor<4x4xf32>, %arg1: tensor<8x8xf32>, %arg2: index) -> tensor<?x?xf32> {
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %arg0 into %arg1[0, %arg2] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
// CHECK-NEXT: %cast = tensor.cast %inserted_slice : tensor<8x8xf32> to tensor<?x?xf32>
// CHECK-NEXT: return %cast : tensor<?x?xf32>
func.func @insert_into_cast(%s: tensor<4x4xf32>, %t: tensor<8x8xf32>, %i: index) -> tensor<?x?xf32> {
  %0 = tensor.cast %t : tensor<8x8xf32> to tensor<?x?xf32>
  %1 = tensor.insert_slice %s into %0[0, %i] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}

// CHECK-LABEL: func.func @insert_source_cast(
// CHECK-SAME: %arg0: tensor<?x4xf32>, %arg1: tensor<8x4xf32>, %arg2: index) -> tensor<8x4xf32> {
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %arg0 into %arg1[%arg2, 0] [%arg2, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<?x4xf32> to tensor<2x4xf32>
// CHECK-NEXT: %inserted_slice_0 = tensor.insert_slice %cast into %inserted_slice[%arg2, 0] [2, 4] [2, 1] : tensor<2x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: return %inserted_slice_0 : tensor<8x4xf32>
func.func @insert_source_cast(%s: tensor<?x4xf32>, %t: tensor<8x4xf32>, %i: index) -> tensor<8x4xf32> {
  %c2 = arith.constant 2 : index
  %0 = tensor.insert_slice %s into %t[%i, 0] [%i, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
  %1 = tensor.insert_slice %s into %0[%i, 0] [%c2, 4] [%c2, 1] : tensor<?x4xf32> into tensor<8x4xf32>
  return %1 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @dim_of_empty(
// CHECK-SAME: %arg0: index) -> index {
// CHECK-NEXT: return %arg0 : index
func.func @dim_of_empty(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %0 = tensor.empty(%n) : tensor<?x4xf32>
  %1 = tensor.dim %0, %c0 : tensor<?x4xf32>
  return %1 : index
}

// CHECK-LABEL: func.func @empty_static(
// CHECK-SAME: %arg0: index) -> tensor<?x?xf32> {
// CHECK-NEXT: %0 = tensor.empty(%arg0) : tensor<4x?xf32>
// CHECK-NEXT: %cast = tensor.cast %0 : tensor<4x?xf32> to tensor<?x?xf32>
// CHECK-NEXT: return %cast : tensor<?x?xf32>
func.func @empty_static(%n: index) -> tensor<?x?xf32> {
  %c4 = arith.constant 4 : index
  %0 = tensor.empty(%c4, %n) : tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// CHECK-LABEL: func.func @expand_expand(
// CHECK-SAME: %arg0: tensor<12xf32>) -> tensor<3x2x2xf32> {
// CHECK-NEXT: %expanded = tensor.expand_shape %arg0 {{\[\[}}0, 1, 2]] : tensor<12xf32> into tensor<3x2x2xf32>
// CHECK-NEXT: return %expanded : tensor<3x2x2xf32>
func.func @expand_expand(%t: tensor<12xf32>) -> tensor<3x2x2xf32> {
  %0 = tensor.expand_shape %t [[0, 1]] : tensor<12xf32> into tensor<3x4xf32>
  %1 = tensor.expand_shape %0 [[0], [1, 2]] : tensor<3x4xf32> into tensor<3x2x2xf32>
  return %1 : tensor<3x2x2xf32>
}

// CHECK-LABEL: func.func @collapse_collapse(
// CHECK-SAME: %arg0: tensor<3x2x2xf32>) -> tensor<12xf32> {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1, 2]] : tensor<3x2x2xf32> into tensor<12xf32>
// CHECK-NEXT: return %collapsed : tensor<12xf32>
func.func @collapse_collapse(%t: tensor<3x2x2xf32>) -> tensor<12xf32> {
  %0 = tensor.collapse_shape %t [[0], [1, 2]] : tensor<3x2x2xf32> into tensor<3x4xf32>
  %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<3x4xf32> into tensor<12xf32>
  return %1 : tensor<12xf32>
}

// CHECK-LABEL: func.func @collapse_expand(
// CHECK-SAME: %arg0: tensor<?x?x?xi64>) -> tensor<?x?xi64> {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1], [2]] : tensor<?x?x?xi64> into tensor<?x?xi64>
// CHECK-NEXT: return %collapsed : tensor<?x?xi64>
func.func @collapse_expand(%t: tensor<?x?x?xi64>) -> tensor<?x?xi64> {
  %0 = tensor.expand_shape %t [[0], [1], [2, 3]] : tensor<?x?x?xi64> into tensor<?x?x?x1xi64>
  %1 = tensor.collapse_shape %0 [[0, 1], [2, 3]] : tensor<?x?x?x1xi64> into tensor<?x?xi64>
  return %1 : tensor<?x?xi64>
}

// CHECK-LABEL: func.func @collapse_expand_up(
// CHECK-SAME: %arg0: tensor<6x4xf32>) -> tensor<2x3x2x2xf32> {
// CHECK-NEXT: %expanded = tensor.expand_shape %arg0 {{\[\[}}0, 1], [2, 3]] : tensor<6x4xf32> into tensor<2x3x2x2xf32>
// CHECK-NEXT: return %expanded : tensor<2x3x2x2xf32>
func.func @collapse_expand_up(%t: tensor<6x4xf32>) -> tensor<2x3x2x2xf32> {
  %0 = tensor.expand_shape %t [[0, 1, 2], [3, 4]] : tensor<6x4xf32> into tensor<2x3x1x2x2xf32>
  %1 = tensor.collapse_shape %0 [[0], [1, 2], [3], [4]] : tensor<2x3x1x2x2xf32> into tensor<2x3x2x2xf32>
  return %1 : tensor<2x3x2x2xf32>
}

// CHECK-LABEL: func.func @reshape_splat(
// CHECK-SAME: %arg0: f32) -> (tensor<2x2xf32>, tensor<4xf32>) {
// CHECK-NEXT: %splat = tensor.splat %arg0 : tensor<2x2xf32>
// CHECK-NEXT: %splat_0 = tensor.splat %arg0 : tensor<4xf32>
// CHECK-NEXT: return %splat, %splat_0 : tensor<2x2xf32>, tensor<4xf32>
func.func @reshape_splat(%v: f32) -> (tensor<2x2xf32>, tensor<4xf32>) {
  %s = tensor.splat %v : tensor<4xf32>
  %0 = tensor.expand_shape %s [[0, 1]] : tensor<4xf32> into tensor<2x2xf32>
  %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>
  %t = tensor.splat %v : tensor<2x2xf32>
  %2 = tensor.collapse_shape %t [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>
  return %0, %2 : tensor<2x2xf32>, tensor<4xf32>
}

// CHECK-LABEL: func.func @reshape_from_elements(
// CHECK-SAME: %arg0: f32, %arg1: f32) -> (tensor<2x1xf32>, tensor<2xf32>) {
// CHECK-NEXT: %from_elements = tensor.from_elements %arg0, %arg1 : tensor<2x1xf32>
// CHECK-NEXT: %from_elements_0 = tensor.from_elements %arg1, %arg0 : tensor<2xf32>
// CHECK-NEXT: return %from_elements, %from_elements_0 : tensor<2x1xf32>, tensor<2xf32>
func.func @reshape_from_elements(%a: f32, %b: f32) -> (tensor<2x1xf32>, tensor<2xf32>) {
  %f = tensor.from_elements %a, %b : tensor<2xf32>
  %0 = tensor.expand_shape %f [[0, 1]] : tensor<2xf32> into tensor<2x1xf32>
  %g = tensor.from_elements %b, %a : tensor<1x2xf32>
  %1 = tensor.collapse_shape %g [[0, 1]] : tensor<1x2xf32> into tensor<2xf32>
  return %0, %1 : tensor<2x1xf32>, tensor<2xf32>
}

// CHECK-LABEL: func.func @collapse_of_cast(
// CHECK-SAME: %arg0: tensor<2x4xf32>) -> tensor<?xf32> {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1]] : tensor<2x4xf32> into tensor<8xf32>
// CHECK-NEXT: %cast = tensor.cast %collapsed : tensor<8xf32> to tensor<?xf32>
// CHECK-NEXT: return %cast : tensor<?xf32>
func.func @collapse_of_cast(%t: tensor<2x4xf32>) -> tensor<?xf32> {
  %0 = tensor.cast %t : tensor<2x4xf32> to tensor<?x4xf32>
  %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<?x4xf32> into tensor<?xf32>
  return %1 : tensor<?xf32>
}


// CHECK-LABEL: func.func @generate_static(
// CHECK-SAME: %arg0: f32) -> tensor<?x3xf32> {
// CHECK-NEXT: %generated = tensor.generate  {
// CHECK-NEXT: ^bb0(%arg1: index, %arg2: index):
// CHECK-NEXT: tensor.yield %arg0 : f32
// CHECK-NEXT: } : tensor<4x3xf32>
// CHECK-NEXT: %cast = tensor.cast %generated : tensor<4x3xf32> to tensor<?x3xf32>
// CHECK-NEXT: return %cast : tensor<?x3xf32>
func.func @generate_static(%v: f32) -> tensor<?x3xf32> {
  %c4 = arith.constant 4 : index
  %0 = tensor.generate %c4 {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// CHECK-LABEL: func.func @extract_of_generate(
// CHECK-SAME: %arg0: index, %arg1: index) -> i32 {
// CHECK-NEXT: %0 = arith.index_cast %arg1 : index to i32
// CHECK-NEXT: return %0 : i32
func.func @extract_of_generate(%n: index, %j: index) -> i32 {
  %0 = tensor.generate %n {
  ^bb0(%i: index):
    %v = arith.index_cast %i : index to i32
    tensor.yield %v : i32
  } : tensor<?xi32>
  %1 = tensor.extract %0[%j] : tensor<?xi32>
  return %1 : i32
}

// CHECK-LABEL: func.func @pad_zero(
// CHECK-SAME: %arg0: tensor<?x4xf32>, %arg1: f32) -> tensor<?x4xf32> {
// CHECK-NEXT: return %arg0 : tensor<?x4xf32>
func.func @pad_zero(%t: tensor<?x4xf32>, %v: f32) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %0 = tensor.pad %t low[0, %c0] high[0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x4xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// CHECK-LABEL: func.func @pad_of_cast(
// CHECK-SAME: %arg0: tensor<4x4xf32>, %arg1: f32) -> tensor<?x?xf32> {
// CHECK-NEXT: %padded = tensor.pad %arg0 low[1, 1] high[1, 1] {
// CHECK-NEXT: ^bb0(%arg2: index, %arg3: index):
// CHECK-NEXT: tensor.yield %arg1 : f32
// CHECK-NEXT: } : tensor<4x4xf32> to tensor<6x6xf32>
// CHECK-NEXT: %cast = tensor.cast %padded : tensor<6x6xf32> to tensor<?x?xf32>
// CHECK-NEXT: return %cast : tensor<?x?xf32>
func.func @pad_of_cast(%t: tensor<4x4xf32>, %v: f32) -> tensor<?x?xf32> {
  %0 = tensor.cast %t : tensor<4x4xf32> to tensor<?x?xf32>
  %1 = tensor.pad %0 low[1, 1] high[1, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x?xf32> to tensor<?x?xf32>
  return %1 : tensor<?x?xf32>
}

// CHECK-LABEL: func.func @pad_into_cast(
// CHECK-SAME: %arg0: tensor<?x4xf32>, %arg1: index, %arg2: f32) -> tensor<8x6xf32> {
// CHECK-NEXT: %padded = tensor.pad %arg0 low[%arg1, 1] high[0, 1] {
// CHECK-NEXT: ^bb0(%arg3: index, %arg4: index):
// CHECK-NEXT: tensor.yield %arg2 : f32
// CHECK-NEXT: } : tensor<?x4xf32> to tensor<8x6xf32>
// CHECK-NEXT: return %padded : tensor<8x6xf32>
func.func @pad_into_cast(%t: tensor<?x4xf32>, %l: index, %v: f32) -> tensor<8x6xf32> {
  %0 = tensor.pad %t low[%l, 1] high[0, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x4xf32> to tensor<?x6xf32>
  %1 = tensor.cast %0 : tensor<?x6xf32> to tensor<8x6xf32>
  return %1 : tensor<8x6xf32>
}

// CHECK-LABEL: func.func @expand_of_collapse_to_collapse(
// CHECK-SAME: %arg0: tensor<?x2x3xf32>) -> tensor<?x6xf32> {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0], [1, 2]] : tensor<?x2x3xf32> into tensor<?x6xf32>
// CHECK-NEXT: return %collapsed : tensor<?x6xf32>
func.func @expand_of_collapse_to_collapse(%t: tensor<?x2x3xf32>) -> tensor<?x6xf32> {
  %0 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<?x2x3xf32> into tensor<?xf32>
  %1 = tensor.expand_shape %0 [[0, 1]] : tensor<?xf32> into tensor<?x6xf32>
  return %1 : tensor<?x6xf32>
}

// CHECK-LABEL: func.func @expand_of_collapse_to_expand(
// CHECK-SAME: %arg0: tensor<4x6xf32>) -> tensor<2x2x2x3xf32> {
// CHECK-NEXT: %expanded = tensor.expand_shape %arg0 {{\[\[}}0, 1], [2, 3]] : tensor<4x6xf32> into tensor<2x2x2x3xf32>
// CHECK-NEXT: return %expanded : tensor<2x2x2x3xf32>
func.func @expand_of_collapse_to_expand(%t: tensor<4x6xf32>) -> tensor<2x2x2x3xf32> {
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x6xf32> into tensor<24xf32>
  %1 = tensor.expand_shape %0 [[0, 1, 2, 3]] : tensor<24xf32> into tensor<2x2x2x3xf32>
  return %1 : tensor<2x2x2x3xf32>
}

// CHECK-LABEL: func.func @expand_of_collapse_bands(
// CHECK-SAME: %arg0: tensor<1x2x2x1xf32>) -> tensor<2x1x2xf32> {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1], [2, 3]] : tensor<1x2x2x1xf32> into tensor<2x2xf32>
// CHECK-NEXT: %expanded = tensor.expand_shape %collapsed {{\[\[}}0], [1, 2]] : tensor<2x2xf32> into tensor<2x1x2xf32>
// CHECK-NEXT: return %expanded : tensor<2x1x2xf32>
func.func @expand_of_collapse_bands(%t: tensor<1x2x2x1xf32>) -> tensor<2x1x2xf32> {
  %0 = tensor.collapse_shape %t [[0, 1], [2, 3]] : tensor<1x2x2x1xf32> into tensor<2x2xf32>
  %1 = tensor.expand_shape %0 [[0], [1, 2]] : tensor<2x2xf32> into tensor<2x1x2xf32>
  return %1 : tensor<2x1x2xf32>
}

// CHECK-LABEL: func.func @expand_of_collapse_kept(
// CHECK-SAME: %arg0: tensor<2x3xf32>) -> tensor<3x2xf32> {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK-NEXT: %expanded = tensor.expand_shape %collapsed {{\[\[}}0, 1]] : tensor<6xf32> into tensor<3x2xf32>
// CHECK-NEXT: return %expanded : tensor<3x2xf32>
func.func @expand_of_collapse_kept(%t: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
  %1 = tensor.expand_shape %0 [[0, 1]] : tensor<6xf32> into tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @expand_of_collapse_regroup_kept(
// CHECK-SAME: %arg0: tensor<2x3x4xf32>) -> tensor<6x2x2xf32> {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK-NEXT: %expanded = tensor.expand_shape %collapsed {{\[\[}}0, 1, 2]] : tensor<24xf32> into tensor<6x2x2xf32>
// CHECK-NEXT: return %expanded : tensor<6x2x2xf32>
func.func @expand_of_collapse_regroup_kept(%t: tensor<2x3x4xf32>) -> tensor<6x2x2xf32> {
  %0 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  %1 = tensor.expand_shape %0 [[0, 1, 2]] : tensor<24xf32> into tensor<6x2x2xf32>
  return %1 : tensor<6x2x2xf32>
}

// CHECK-LABEL: func.func @dim_of_expand(
// CHECK-SAME: %arg0: tensor<?xf32>) -> index {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %dim = tensor.dim %arg0, %c0 : tensor<?xf32>
// CHECK-NEXT: %0 = affine.apply #map()[%dim]
// CHECK-NEXT: return %0 : index
func.func @dim_of_expand(%t: tensor<?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %0 = tensor.expand_shape %t [[0, 1]] : tensor<?xf32> into tensor<?x4xf32>
  %d = tensor.dim %0, %c0 : tensor<?x4xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_of_expand_middle(
// CHECK-SAME: %arg0: tensor<3x?xf32>) -> index {
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %dim = tensor.dim %arg0, %c1 : tensor<3x?xf32>
// CHECK-NEXT: %0 = affine.apply #map1()[%dim]
// CHECK-NEXT: return %0 : index
func.func @dim_of_expand_middle(%t: tensor<3x?xf32>) -> index {
  %c2 = arith.constant 2 : index
  %0 = tensor.expand_shape %t [[0], [1, 2, 3]] : tensor<3x?xf32> into tensor<3x2x?x5xf32>
  %d = tensor.dim %0, %c2 : tensor<3x2x?x5xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_of_expand_static(
// CHECK-SAME: %arg0: tensor<?xf32>) -> index {
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: return %c4 : index
func.func @dim_of_expand_static(%t: tensor<?xf32>) -> index {
  %c1 = arith.constant 1 : index
  %0 = tensor.expand_shape %t [[0, 1]] : tensor<?xf32> into tensor<?x4xf32>
  %d = tensor.dim %0, %c1 : tensor<?x4xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_of_collapse(
// CHECK-SAME: %arg0: tensor<?x4x?xf32>) -> index {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %dim = tensor.dim %arg0, %c0 : tensor<?x4x?xf32>
// CHECK-NEXT: %dim_0 = tensor.dim %arg0, %c2 : tensor<?x4x?xf32>
// CHECK-NEXT: %0 = affine.apply #map2()[%dim, %dim_0]
// CHECK-NEXT: return %0 : index
func.func @dim_of_collapse(%t: tensor<?x4x?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %0 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<?x4x?xf32> into tensor<?xf32>
  %d = tensor.dim %0, %c0 : tensor<?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @dim_of_collapse_dynamic_index(
// CHECK-SAME: %arg0: tensor<?x4xf32>, %arg1: index) -> index {
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1]] : tensor<?x4xf32> into tensor<?xf32>
// CHECK-NEXT: %dim = tensor.dim %collapsed, %arg1 : tensor<?xf32>
// CHECK-NEXT: return %dim : index
func.func @dim_of_collapse_dynamic_index(%t: tensor<?x4xf32>, %i: index) -> index {
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<?x4xf32> into tensor<?xf32>
  %d = tensor.dim %0, %i : tensor<?xf32>
  return %d : index
}

// CHECK-LABEL: func.func @insert_slice_source_cast(
// CHECK-SAME: %arg0: tensor<?x4xf32>, %arg1: tensor<8x4xf32>, %arg2: index) -> tensor<8x4xf32> {
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<?x4xf32> to tensor<4x4xf32>
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %cast into %arg1[%arg2, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: return %inserted_slice : tensor<8x4xf32>
func.func @insert_slice_source_cast(%s: tensor<?x4xf32>, %t: tensor<8x4xf32>, %o: index) -> tensor<8x4xf32> {
  %c4 = arith.constant 4 : index
  %0 = tensor.insert_slice %s into %t[%o, 0] [%c4, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @insert_slice_source_cast_reducing(
// CHECK-SAME: %arg0: tensor<?xf32>, %arg1: tensor<8x4xf32>, %arg2: index) -> tensor<8x4xf32> {
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<?xf32> to tensor<4xf32>
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %cast into %arg1[%arg2, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<8x4xf32>
// CHECK-NEXT: return %inserted_slice : tensor<8x4xf32>
func.func @insert_slice_source_cast_reducing(%s: tensor<?xf32>, %t: tensor<8x4xf32>, %o: index) -> tensor<8x4xf32> {
  %c4 = arith.constant 4 : index
  %0 = tensor.insert_slice %s into %t[%o, 0] [1, %c4] [1, 1] : tensor<?xf32> into tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @parallel_insert_constant_arguments(
// CHECK-SAME: %arg0: index, %arg1: tensor<2x4xf32>, %arg2: tensor<8x4xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %0 = scf.foreach_thread (%arg3) in (%arg0) shared_outs(%arg4 = %arg2) -> (tensor<8x4xf32>) {
// CHECK-NEXT: scf.foreach_thread.perform_concurrently {
// CHECK-NEXT: tensor.parallel_insert_slice %arg1 into %arg4[2, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : tensor<8x4xf32>
func.func @parallel_insert_constant_arguments(%n: index, %s: tensor<2x4xf32>, %t: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %c2 = arith.constant 2 : index
  %0 = scf.foreach_thread (%k) in (%n) shared_outs(%o = %t) -> (tensor<8x4xf32>) {
    scf.foreach_thread.perform_concurrently {
      tensor.parallel_insert_slice %s into %o[%c2, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x4xf32>
    }
  }
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @parallel_insert_constant_size(
// CHECK-SAME: %arg0: index, %arg1: tensor<?x4xf32>, %arg2: tensor<8x4xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %0 = scf.foreach_thread (%arg3) in (%arg0) shared_outs(%arg4 = %arg2) -> (tensor<8x4xf32>) {
// CHECK-NEXT: %cast = tensor.cast %arg1 : tensor<?x4xf32> to tensor<2x4xf32>
// CHECK-NEXT: scf.foreach_thread.perform_concurrently {
// CHECK-NEXT: tensor.parallel_insert_slice %cast into %arg4[%arg3, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : tensor<8x4xf32>
func.func @parallel_insert_constant_size(%n: index, %s: tensor<?x4xf32>, %t: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %c2 = arith.constant 2 : index
  %0 = scf.foreach_thread (%k) in (%n) shared_outs(%o = %t) -> (tensor<8x4xf32>) {
    scf.foreach_thread.perform_concurrently {
      tensor.parallel_insert_slice %s into %o[%k, 0] [%c2, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
    }
  }
  return %0 : tensor<8x4xf32>
}

// The cast folder does not apply to a parallel insert: its dest is a shared output (a block argument), and its
// source read through the cast would not have the type the static sizes demand.
// CHECK-LABEL: func.func @parallel_insert_of_cast_kept(
// CHECK-SAME: %arg0: index, %arg1: tensor<2x4xf32>, %arg2: tensor<8x4xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %0 = scf.foreach_thread (%arg3) in (%arg0) shared_outs(%arg4 = %arg2) -> (tensor<8x4xf32>) {
// CHECK-NEXT: scf.foreach_thread.perform_concurrently {
// CHECK-NEXT: tensor.parallel_insert_slice %arg1 into %arg4[%arg3, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : tensor<8x4xf32>
func.func @parallel_insert_of_cast_kept(%n: index, %s: tensor<2x4xf32>, %t: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %0 = scf.foreach_thread (%k) in (%n) shared_outs(%o = %t) -> (tensor<8x4xf32>) {
    %u = tensor.cast %s : tensor<2x4xf32> to tensor<?x4xf32>
    %c = tensor.cast %u : tensor<?x4xf32> to tensor<2x4xf32>
    scf.foreach_thread.perform_concurrently {
      tensor.parallel_insert_slice %c into %o[%k, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x4xf32>
    }
  }
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @parallel_insert_source_cast(
// CHECK-SAME: %arg0: index, %arg1: tensor<?x4xf32>, %arg2: tensor<8x4xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %0 = scf.foreach_thread (%arg3) in (%arg0) shared_outs(%arg4 = %arg2) -> (tensor<8x4xf32>) {
// CHECK-NEXT: %cast = tensor.cast %arg1 : tensor<?x4xf32> to tensor<2x4xf32>
// CHECK-NEXT: scf.foreach_thread.perform_concurrently {
// CHECK-NEXT: tensor.parallel_insert_slice %cast into %arg4[%arg3, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: return %0 : tensor<8x4xf32>
func.func @parallel_insert_source_cast(%n: index, %s: tensor<?x4xf32>, %t: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %c2 = arith.constant 2 : index
  %0 = scf.foreach_thread (%k) in (%n) shared_outs(%o = %t) -> (tensor<8x4xf32>) {
    scf.foreach_thread.perform_concurrently {
      tensor.parallel_insert_slice %s into %o[%k, 0] [%c2, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
    }
  }
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @orthogonal_pads(
// CHECK-SAME: %arg0: tensor<64x64xf32>, %arg1: index, %arg2: index, %arg3: index, %arg4: index) -> tensor<8x4xf32> {
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[16, 4] [%arg1, %arg2] [1, 1] : tensor<64x64xf32> to tensor<?x?xf32>
// CHECK-NEXT: %padded = tensor.pad %extracted_slice nofold low[0, 0] high[%arg3, %arg4] {
// CHECK-NEXT: ^bb0(%arg5: index, %arg6: index):
// CHECK-NEXT: tensor.yield %cst : f32
// CHECK-NEXT: } : tensor<?x?xf32> to tensor<8x4xf32>
// CHECK-NEXT: return %padded : tensor<8x4xf32>
func.func @orthogonal_pads(%t: tensor<64x64xf32>, %s0: index, %s1: index, %p0: index, %p1: index) -> tensor<8x4xf32> {
  %cst = arith.constant 0.0 : f32
  %0 = tensor.extract_slice %t[16, 0] [%s0, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
  %1 = tensor.pad %0 low[0, 0] high[%p0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<?x64xf32> to tensor<8x64xf32>
  %2 = tensor.extract_slice %1[0, 4] [8, %s1] [1, 1] : tensor<8x64xf32> to tensor<8x?xf32>
  %3 = tensor.pad %2 nofold low[0, 0] high[0, %p1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<8x?xf32> to tensor<8x4xf32>
  return %3 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @orthogonal_pads_other_value_kept(
// CHECK-SAME: %arg0: tensor<64x64xf32>, %arg1: index, %arg2: index, %arg3: index, %arg4: index) -> tensor<8x4xf32> {
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %cst_0 = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[16, 0] [%arg1, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: %padded = tensor.pad %extracted_slice low[0, 0] high[%arg3, 0] {
// CHECK-NEXT: ^bb0(%arg5: index, %arg6: index):
// CHECK-NEXT: tensor.yield %cst : f32
// CHECK-NEXT: } : tensor<?x64xf32> to tensor<8x64xf32>
// CHECK-NEXT: %extracted_slice_1 = tensor.extract_slice %padded[0, 4] [8, %arg2] [1, 1] : tensor<8x64xf32> to tensor<8x?xf32>
// CHECK-NEXT: %padded_2 = tensor.pad %extracted_slice_1 low[0, 0] high[0, %arg4] {
// CHECK-NEXT: ^bb0(%arg5: index, %arg6: index):
// CHECK-NEXT: tensor.yield %cst_0 : f32
// CHECK-NEXT: } : tensor<8x?xf32> to tensor<8x4xf32>
// CHECK-NEXT: return %padded_2 : tensor<8x4xf32>
func.func @orthogonal_pads_other_value_kept(%t: tensor<64x64xf32>, %s0: index, %s1: index, %p0: index, %p1: index) -> tensor<8x4xf32> {
  %cst = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %0 = tensor.extract_slice %t[16, 0] [%s0, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
  %1 = tensor.pad %0 low[0, 0] high[%p0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<?x64xf32> to tensor<8x64xf32>
  %2 = tensor.extract_slice %1[0, 4] [8, %s1] [1, 1] : tensor<8x64xf32> to tensor<8x?xf32>
  %3 = tensor.pad %2 low[0, 0] high[0, %p1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %one : f32
  } : tensor<8x?xf32> to tensor<8x4xf32>
  return %3 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @orthogonal_pads_common_dim_kept(
// CHECK-SAME: %arg0: tensor<64x64xf32>, %arg1: index, %arg2: index, %arg3: index) -> tensor<?x64xf32> {
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[16, 0] [%arg1, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: %padded = tensor.pad %extracted_slice low[0, 0] high[%arg2, 0] {
// CHECK-NEXT: ^bb0(%arg4: index, %arg5: index):
// CHECK-NEXT: tensor.yield %cst : f32
// CHECK-NEXT: } : tensor<?x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: %extracted_slice_0 = tensor.extract_slice %padded[0, 0] [%arg1, 64] [1, 1] : tensor<?x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: %padded_1 = tensor.pad %extracted_slice_0 low[0, 0] high[%arg3, 0] {
// CHECK-NEXT: ^bb0(%arg4: index, %arg5: index):
// CHECK-NEXT: tensor.yield %cst : f32
// CHECK-NEXT: } : tensor<?x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: return %padded_1 : tensor<?x64xf32>
func.func @orthogonal_pads_common_dim_kept(%t: tensor<64x64xf32>, %s0: index, %p0: index, %p1: index) -> tensor<?x64xf32> {
  %cst = arith.constant 0.0 : f32
  %0 = tensor.extract_slice %t[16, 0] [%s0, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
  %1 = tensor.pad %0 low[0, 0] high[%p0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<?x64xf32> to tensor<?x64xf32>
  %2 = tensor.extract_slice %1[0, 0] [%s0, 64] [1, 1] : tensor<?x64xf32> to tensor<?x64xf32>
  %3 = tensor.pad %2 low[0, 0] high[%p1, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<?x64xf32> to tensor<?x64xf32>
  return %3 : tensor<?x64xf32>
}

// CHECK-LABEL: func.func @extract_of_index_cast(
// CHECK-SAME: %arg0: tensor<4xi32>, %arg1: index) -> index {
// CHECK-NEXT: %extracted = tensor.extract %arg0[%arg1] : tensor<4xi32>
// CHECK-NEXT: %0 = arith.index_cast %extracted : i32 to index
// CHECK-NEXT: return %0 : index
func.func @extract_of_index_cast(%t: tensor<4xi32>, %i: index) -> index {
  %0 = arith.index_cast %t : tensor<4xi32> to tensor<4xindex>
  %1 = tensor.extract %0[%i] : tensor<4xindex>
  return %1 : index
}

// CHECK-LABEL: func.func @cast_into_fill(
// CHECK-SAME: %arg0: tensor<4xf32>, %arg1: f32) -> tensor<?xf32> {
// CHECK-NEXT: %0 = linalg.fill ins(%arg1 : f32) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %cast = tensor.cast %0 : tensor<4xf32> to tensor<?xf32>
// CHECK-NEXT: return %cast : tensor<?xf32>
func.func @cast_into_fill(%t: tensor<4xf32>, %v: f32) -> tensor<?xf32> {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %1 = linalg.fill ins(%v : f32) outs(%0 : tensor<?xf32>) -> tensor<?xf32>
  return %1 : tensor<?xf32>
}

// CHECK-LABEL: func.func @cast_into_generic_input(
// CHECK-SAME: %arg0: tensor<4x8xf32>, %arg1: tensor<4x8xf32>) -> tensor<4x8xf32> {
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4x8xf32>) outs(%arg1 : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %in, %out : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @cast_into_generic_input(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tensor.cast %a : tensor<4x8xf32> to tensor<?x?xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<?x?xf32>) outs(%b : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @cast_into_insert(
// CHECK-SAME: %arg0: tensor<4xf32>, %arg1: f32, %arg2: index) -> tensor<?xf32> {
// CHECK-NEXT: %inserted = tensor.insert %arg1 into %arg0[%arg2] : tensor<4xf32>
// CHECK-NEXT: %cast = tensor.cast %inserted : tensor<4xf32> to tensor<?xf32>
// CHECK-NEXT: return %cast : tensor<?xf32>
func.func @cast_into_insert(%t: tensor<4xf32>, %v: f32, %i: index) -> tensor<?xf32> {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %1 = tensor.insert %v into %0[%i] : tensor<?xf32>
  return %1 : tensor<?xf32>
}

// CHECK-LABEL: func.func @cast_into_insert_slice_kept(
// CHECK-SAME: %arg0: tensor<2xf32>, %arg1: tensor<?xf32>, %arg2: index) -> tensor<?xf32> {
// CHECK-NEXT: %c2 = arith.constant 2 : index
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<2xf32> to tensor<?xf32>
// CHECK-NEXT: %0 = arith.addi %arg2, %c2 : index
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %cast into %arg1[%arg2] [%0] [1] : tensor<?xf32> into tensor<?xf32>
// CHECK-NEXT: return %inserted_slice : tensor<?xf32>
func.func @cast_into_insert_slice_kept(%s: tensor<2xf32>, %t: tensor<?xf32>, %i: index) -> tensor<?xf32> {
  %0 = tensor.cast %s : tensor<2xf32> to tensor<?xf32>
  %c2 = arith.constant 2 : index
  %n = arith.addi %c2, %i : index
  %1 = tensor.insert_slice %0 into %t[%i] [%n] [1] : tensor<?xf32> into tensor<?xf32>
  return %1 : tensor<?xf32>
}

// CHECK-LABEL: func.func @cast_more_static_kept(
// CHECK-SAME: %arg0: tensor<?xf32>, %arg1: f32) -> tensor<4xf32> {
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<?xf32> to tensor<4xf32>
// CHECK-NEXT: %0 = linalg.fill ins(%arg1 : f32) outs(%cast : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %0 : tensor<4xf32>
func.func @cast_more_static_kept(%t: tensor<?xf32>, %v: f32) -> tensor<4xf32> {
  %0 = tensor.cast %t : tensor<?xf32> to tensor<4xf32>
  %1 = linalg.fill ins(%v : f32) outs(%0 : tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
