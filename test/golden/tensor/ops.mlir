// RUN: tensile-opt %s | FileCheck %s
// Every tensor op in MLIR 16's custom form; the CHECK lines are mlir-opt-16's own output for this file.

// CHECK-LABEL: func.func @create(
// CHECK-SAME: %arg0: index, %arg1: f32, %arg2: f32, %arg3: i32) -> (tensor<?x4xf32>, tensor<2x2xf32>, tensor<3xi32>, tensor<f32>) {
// CHECK-NEXT: %0 = tensor.empty(%arg0) : tensor<?x4xf32>
// CHECK-NEXT: %from_elements = tensor.from_elements %arg1, %arg2, %arg2, %arg1 : tensor<2x2xf32>
// CHECK-NEXT: %splat = tensor.splat %arg3 : tensor<3xi32>
// CHECK-NEXT: %from_elements_0 = tensor.from_elements %arg1 : tensor<f32>
// CHECK-NEXT: %1 = tensor.empty() : tensor<0x5xf32, "enc">
// CHECK-NEXT: return %0, %from_elements, %splat, %from_elements_0 : tensor<?x4xf32>, tensor<2x2xf32>, tensor<3xi32>, tensor<f32>
func.func @create(%n: index, %a: f32, %b: f32, %i: i32) -> (tensor<?x4xf32>, tensor<2x2xf32>, tensor<3xi32>, tensor<f32>) {
  %0 = tensor.empty(%n) : tensor<?x4xf32>
  %1 = tensor.from_elements %a, %b, %b, %a : tensor<2x2xf32>
  %2 = tensor.splat %i : tensor<3xi32>
  %3 = tensor.from_elements %a : tensor<f32>
  %4 = tensor.empty() : tensor<0x5xf32, "enc">
  return %0, %1, %2, %3 : tensor<?x4xf32>, tensor<2x2xf32>, tensor<3xi32>, tensor<f32>
}

// CHECK-LABEL: func.func @elements(
// CHECK-SAME: %arg0: tensor<4x?xf32>, %arg1: tensor<f32>, %arg2: index, %arg3: f32) -> (f32, tensor<4x?xf32>, f32, tensor<f32>) {
// CHECK-NEXT: %extracted = tensor.extract %arg0[%arg2, %arg2] : tensor<4x?xf32>
// CHECK-NEXT: %inserted = tensor.insert %arg3 into %arg0[%arg2, %arg2] {tag} : tensor<4x?xf32>
// CHECK-NEXT: %extracted_0 = tensor.extract %arg1[] : tensor<f32>
// CHECK-NEXT: %inserted_1 = tensor.insert %arg3 into %arg1[] : tensor<f32>
// CHECK-NEXT: return %extracted, %inserted, %extracted_0, %inserted_1 : f32, tensor<4x?xf32>, f32, tensor<f32>
func.func @elements(%t: tensor<4x?xf32>, %s: tensor<f32>, %i: index, %v: f32) -> (f32, tensor<4x?xf32>, f32, tensor<f32>) {
  %0 = tensor.extract %t[%i, %i] : tensor<4x?xf32>
  %1 = tensor.insert %v into %t[%i, %i] {tag} : tensor<4x?xf32>
  %2 = tensor.extract %s[] : tensor<f32>
  %3 = tensor.insert %v into %s[] : tensor<f32>
  return %0, %1, %2, %3 : f32, tensor<4x?xf32>, f32, tensor<f32>
}

// CHECK-LABEL: func.func @shape(
// CHECK-SAME: %arg0: tensor<4x?xf32>, %arg1: tensor<*xf32>, %arg2: index, %arg3: tensor<2xindex>, %arg4: tensor<8xi32>) -> (index, index, tensor<?x?xf32>, tensor<*xf32>, tensor<?x?xf32>, tensor<2x4xi32>) {
// CHECK-NEXT: %dim = tensor.dim %arg0, %arg2 : tensor<4x?xf32>
// CHECK-NEXT: %rank = tensor.rank %arg1 : tensor<*xf32>
// CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<4x?xf32> to tensor<?x?xf32>
// CHECK-NEXT: %cast_0 = tensor.cast %arg0 : tensor<4x?xf32> to tensor<*xf32>
// CHECK-NEXT: %reshape = tensor.reshape %arg0(%arg3) : (tensor<4x?xf32>, tensor<2xindex>) -> tensor<?x?xf32>
// CHECK-NEXT: %cst = arith.constant dense<[2, 4]> : tensor<2xi64>
// CHECK-NEXT: %reshape_1 = tensor.reshape %arg4(%cst) : (tensor<8xi32>, tensor<2xi64>) -> tensor<2x4xi32>
// CHECK-NEXT: return %dim, %rank, %cast, %cast_0, %reshape, %reshape_1 : index, index, tensor<?x?xf32>, tensor<*xf32>, tensor<?x?xf32>, tensor<2x4xi32>
func.func @shape(%t: tensor<4x?xf32>, %u: tensor<*xf32>, %i: index, %shape: tensor<2xindex>, %flat: tensor<8xi32>) -> (index, index, tensor<?x?xf32>, tensor<*xf32>, tensor<?x?xf32>, tensor<2x4xi32>) {
  %0 = tensor.dim %t, %i : tensor<4x?xf32>
  %1 = tensor.rank %u : tensor<*xf32>
  %2 = tensor.cast %t : tensor<4x?xf32> to tensor<?x?xf32>
  %3 = tensor.cast %t : tensor<4x?xf32> to tensor<*xf32>
  %4 = tensor.reshape %t(%shape) : (tensor<4x?xf32>, tensor<2xindex>) -> tensor<?x?xf32>
  %c = arith.constant dense<[2, 4]> : tensor<2xi64>
  %5 = tensor.reshape %flat(%c) : (tensor<8xi32>, tensor<2xi64>) -> tensor<2x4xi32>
  return %0, %1, %2, %3, %4, %5 : index, index, tensor<?x?xf32>, tensor<*xf32>, tensor<?x?xf32>, tensor<2x4xi32>
}

// CHECK-LABEL: func.func @reassociate(
// CHECK-SAME: %arg0: tensor<4x?xf32>, %arg1: tensor<1x1xf32>) -> (tensor<2x2x?xf32>, tensor<4x?xf32>, tensor<f32>, tensor<1x1x1xf32>) {
// CHECK-NEXT: %expanded = tensor.expand_shape %arg0 {{\[\[}}0, 1], [2]] : tensor<4x?xf32> into tensor<2x2x?xf32>
// CHECK-NEXT: %collapsed = tensor.collapse_shape %expanded {{\[\[}}0, 1], [2]] : tensor<2x2x?xf32> into tensor<4x?xf32>
// CHECK-NEXT: %collapsed_0 = tensor.collapse_shape %arg1 [] : tensor<1x1xf32> into tensor<f32>
// CHECK-NEXT: %expanded_1 = tensor.expand_shape %arg1 {{\[\[}}0], [1, 2]] : tensor<1x1xf32> into tensor<1x1x1xf32>
// CHECK-NEXT: return %expanded, %collapsed, %collapsed_0, %expanded_1 : tensor<2x2x?xf32>, tensor<4x?xf32>, tensor<f32>, tensor<1x1x1xf32>
func.func @reassociate(%t: tensor<4x?xf32>, %s: tensor<1x1xf32>) -> (tensor<2x2x?xf32>, tensor<4x?xf32>, tensor<f32>, tensor<1x1x1xf32>) {
  %0 = tensor.expand_shape %t [[0, 1], [2]] : tensor<4x?xf32> into tensor<2x2x?xf32>
  %1 = tensor.collapse_shape %0 [[0, 1], [2]] : tensor<2x2x?xf32> into tensor<4x?xf32>
  %2 = tensor.collapse_shape %s [] : tensor<1x1xf32> into tensor<f32>
  %3 = tensor.expand_shape %s [[0], [1, 2]] : tensor<1x1xf32> into tensor<1x1x1xf32>
  return %0, %1, %2, %3 : tensor<2x2x?xf32>, tensor<4x?xf32>, tensor<f32>, tensor<1x1x1xf32>
}

// CHECK-LABEL: func.func @slices(
// CHECK-SAME: %arg0: tensor<8x?xf32>, %arg1: index, %arg2: index, %arg3: tensor<f32>) -> (tensor<4x?xf32>, tensor<4xf32>, tensor<8x?xf32>, tensor<8x?xf32>, tensor<f32>) {
// CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[0, %arg1] [4, %arg2] [1, 2] : tensor<8x?xf32> to tensor<4x?xf32>
// CHECK-NEXT: %extracted_slice_0 = tensor.extract_slice %arg0[%arg1, 0] [1, 4] [1, 1] : tensor<8x?xf32> to tensor<4xf32>
// CHECK-NEXT: %inserted_slice = tensor.insert_slice %extracted_slice into %arg0[0, %arg1] [4, %arg2] [1, 2] : tensor<4x?xf32> into tensor<8x?xf32>
// CHECK-NEXT: %inserted_slice_1 = tensor.insert_slice %extracted_slice_0 into %arg0[%arg1, %arg2] [1, 4] [1, 1] {tag} : tensor<4xf32> into tensor<8x?xf32>
// CHECK-NEXT: %extracted_slice_2 = tensor.extract_slice %arg3[] [] [] : tensor<f32> to tensor<f32>
// CHECK-NEXT: return %extracted_slice, %extracted_slice_0, %inserted_slice, %inserted_slice_1, %extracted_slice_2 : tensor<4x?xf32>, tensor<4xf32>, tensor<8x?xf32>, tensor<8x?xf32>, tensor<f32>
func.func @slices(%t: tensor<8x?xf32>, %i: index, %j: index, %z: tensor<f32>) -> (tensor<4x?xf32>, tensor<4xf32>, tensor<8x?xf32>, tensor<8x?xf32>, tensor<f32>) {
  %0 = tensor.extract_slice %t[0, %i] [4, %j] [1, 2] : tensor<8x?xf32> to tensor<4x?xf32>
  %1 = tensor.extract_slice %t[%i, 0] [1, 4] [1, 1] : tensor<8x?xf32> to tensor<4xf32>
  %2 = tensor.insert_slice %0 into %t[0, %i] [4, %j] [1, 2] : tensor<4x?xf32> into tensor<8x?xf32>
  %3 = tensor.insert_slice %1 into %t[%i, %j] [1, 4] [1, 1] {tag} : tensor<4xf32> into tensor<8x?xf32>
  %4 = tensor.extract_slice %z[] [] [] : tensor<f32> to tensor<f32>
  return %0, %1, %2, %3, %4 : tensor<4x?xf32>, tensor<4xf32>, tensor<8x?xf32>, tensor<8x?xf32>, tensor<f32>
}

// CHECK-LABEL: func.func @regions(
// CHECK-SAME: %arg0: tensor<4x?xf32>, %arg1: index, %arg2: f32) -> (tensor<?x3xindex>, tensor<5x?xf32>, tensor<7x?xf32>) {
// CHECK-NEXT: %generated = tensor.generate %arg1 {
// CHECK-NEXT: ^bb0(%arg3: index, %arg4: index):
// CHECK-NEXT: %0 = arith.addi %arg3, %arg4 : index
// CHECK-NEXT: tensor.yield %0 : index
// CHECK-NEXT: } : tensor<?x3xindex>
// CHECK-NEXT: %padded = tensor.pad %arg0 nofold low[0, %arg1] high[1, 2] {
// CHECK-NEXT: ^bb0(%arg3: index, %arg4: index):
// CHECK-NEXT: tensor.yield %arg2 : f32
// CHECK-NEXT: } : tensor<4x?xf32> to tensor<5x?xf32>
// CHECK-NEXT: %padded_0 = tensor.pad %arg0 low[1, 1] high[2, 3] {
// CHECK-NEXT: ^bb0(%arg3: index, %arg4: index):
// CHECK-NEXT: tensor.yield %arg2 : f32
// CHECK-NEXT: } : tensor<4x?xf32> to tensor<7x?xf32>
// CHECK-NEXT: return %generated, %padded, %padded_0 : tensor<?x3xindex>, tensor<5x?xf32>, tensor<7x?xf32>
func.func @regions(%t: tensor<4x?xf32>, %n: index, %pad: f32) -> (tensor<?x3xindex>, tensor<5x?xf32>, tensor<7x?xf32>) {
  %0 = tensor.generate %n {
  ^bb0(%a: index, %b: index):
    %s = arith.addi %a, %b : index
    tensor.yield %s : index
  } : tensor<?x3xindex>
  %1 = tensor.pad %t nofold low[0, %n] high[1, 2] {
  ^bb0(%a: index, %b: index):
    tensor.yield %pad : f32
  } : tensor<4x?xf32> to tensor<5x?xf32>
  %2 = tensor.pad %t low[1, 1] high[2, 3] {
  ^bb0(%a: index, %b: index):
    tensor.yield %pad : f32
  } : tensor<4x?xf32> to tensor<7x?xf32>
  return %0, %1, %2 : tensor<?x3xindex>, tensor<5x?xf32>, tensor<7x?xf32>
}

// CHECK-LABEL: func.func @gather_scatter(
// CHECK-SAME: %arg0: tensor<8x?x?xf32>, %arg1: tensor<2x3x1xindex>, %arg2: tensor<5x2xi32>, %arg3: tensor<5x1xf32>, %arg4: tensor<4x3x1xf32>) -> (tensor<2x3x1x?x?xf32>, tensor<2x3x?x?xf32>, tensor<8x?x?xf32>, tensor<5x1xf32>) {
// CHECK-NEXT: %gather = tensor.gather %arg0[%arg1] gather_dims([0]) unique : (tensor<8x?x?xf32>, tensor<2x3x1xindex>) -> tensor<2x3x1x?x?xf32>
// CHECK-NEXT: %gather_0 = tensor.gather %arg0[%arg1] gather_dims([0]) : (tensor<8x?x?xf32>, tensor<2x3x1xindex>) -> tensor<2x3x?x?xf32>
// CHECK-NEXT: %scatter = tensor.scatter %gather into %arg0[%arg1] scatter_dims([0]) unique : (tensor<2x3x1x?x?xf32>, tensor<8x?x?xf32>, tensor<2x3x1xindex>) -> tensor<8x?x?xf32>
// CHECK-NEXT: %gather_1 = tensor.gather %arg4[%arg2] gather_dims([0, 1]) : (tensor<4x3x1xf32>, tensor<5x2xi32>) -> tensor<5x1xf32>
// CHECK-NEXT: return %gather, %gather_0, %scatter, %gather_1 : tensor<2x3x1x?x?xf32>, tensor<2x3x?x?xf32>, tensor<8x?x?xf32>, tensor<5x1xf32>
func.func @gather_scatter(%s: tensor<8x?x?xf32>, %idx: tensor<2x3x1xindex>, %idx2: tensor<5x2xi32>, %src: tensor<5x1xf32>, %d: tensor<4x3x1xf32>) -> (tensor<2x3x1x?x?xf32>, tensor<2x3x?x?xf32>, tensor<8x?x?xf32>, tensor<5x1xf32>) {
  %0 = tensor.gather %s[%idx] gather_dims([0]) unique : (tensor<8x?x?xf32>, tensor<2x3x1xindex>) -> tensor<2x3x1x?x?xf32>
  %1 = tensor.gather %s[%idx] gather_dims([0]) : (tensor<8x?x?xf32>, tensor<2x3x1xindex>) -> tensor<2x3x?x?xf32>
  %2 = tensor.scatter %0 into %s[%idx] scatter_dims([0]) unique : (tensor<2x3x1x?x?xf32>, tensor<8x?x?xf32>, tensor<2x3x1xindex>) -> tensor<8x?x?xf32>
  %3 = tensor.gather %d[%idx2] gather_dims([0, 1]) : (tensor<4x3x1xf32>, tensor<5x2xi32>) -> tensor<5x1xf32>
  return %0, %1, %2, %3 : tensor<2x3x1x?x?xf32>, tensor<2x3x?x?xf32>, tensor<8x?x?xf32>, tensor<5x1xf32>
}

// CHECK-LABEL: func.func @pack(
// CHECK-SAME: %arg0: tensor<10x8xf32>, %arg1: tensor<3x8x4xf32>, %arg2: f32, %arg3: index, %arg4: tensor<8x3x4xf32>, %arg5: tensor<3x8x?xf32>) -> (tensor<3x8x4xf32>, tensor<10x8xf32>, tensor<8x3x4xf32>, tensor<3x8x?xf32>) {
// CHECK-NEXT: %pack = tensor.pack %arg0 padding_value(%arg2 : f32) inner_dims_pos = [0] inner_tiles = [4] into %arg1 : tensor<10x8xf32> -> tensor<3x8x4xf32>
// CHECK-NEXT: %unpack = tensor.unpack %pack inner_dims_pos = [0] inner_tiles = [4] into %arg0 : tensor<3x8x4xf32> -> tensor<10x8xf32>
// CHECK-NEXT: %pack_0 = tensor.pack %arg0 padding_value(%arg2 : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0] inner_tiles = [4] into %arg4 : tensor<10x8xf32> -> tensor<8x3x4xf32>
// CHECK-NEXT: %pack_1 = tensor.pack %arg0 padding_value(%arg2 : f32) inner_dims_pos = [0] inner_tiles = [%arg3] into %arg5 : tensor<10x8xf32> -> tensor<3x8x?xf32>
// CHECK-NEXT: return %pack, %unpack, %pack_0, %pack_1 : tensor<3x8x4xf32>, tensor<10x8xf32>, tensor<8x3x4xf32>, tensor<3x8x?xf32>
func.func @pack(%src: tensor<10x8xf32>, %dest: tensor<3x8x4xf32>, %pad: f32, %n: index, %d2: tensor<8x3x4xf32>, %dyn: tensor<3x8x?xf32>) -> (tensor<3x8x4xf32>, tensor<10x8xf32>, tensor<8x3x4xf32>, tensor<3x8x?xf32>) {
  %0 = tensor.pack %src padding_value(%pad : f32) inner_dims_pos = [0] inner_tiles = [4] into %dest : tensor<10x8xf32> -> tensor<3x8x4xf32>
  %1 = tensor.unpack %0 inner_dims_pos = [0] inner_tiles = [4] into %src : tensor<3x8x4xf32> -> tensor<10x8xf32>
  %2 = tensor.pack %src padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0] inner_tiles = [4] into %d2 : tensor<10x8xf32> -> tensor<8x3x4xf32>
  %3 = tensor.pack %src padding_value(%pad : f32) inner_dims_pos = [0] inner_tiles = [%n] into %dyn : tensor<10x8xf32> -> tensor<3x8x?xf32>
  return %0, %1, %2, %3 : tensor<3x8x4xf32>, tensor<10x8xf32>, tensor<8x3x4xf32>, tensor<3x8x?xf32>
}
