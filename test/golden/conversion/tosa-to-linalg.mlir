// RUN: tensile-opt %s --pass-pipeline=builtin.module(func.func(tosa-to-linalg)) | FileCheck %s
// tosa-to-linalg on the elementwise, reduction and data-movement ops whose lowering has MLIR 16's form. The CHECK lines are mlir-opt-16's output (it leaves dead index constants in concat, which are not checked, and which shift its SSA names' suffixes). Casts from float to integer, float reductions by max/min and shifts with rounding depart from MLIR 16's form (rewrites/tosa-to-linalg/elementwise-body.ts and data.ts say why).

// CHECK-LABEL: func.func @add_broadcast(
// CHECK-NEXT: %0 = tensor.empty() : tensor<2x3xf32>
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg1 {{\[\[}}0, 1]] : tensor<1x3xf32> into tensor<3xf32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %collapsed : tensor<2x3xf32>, tensor<3xf32>) outs(%0 : tensor<2x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %2 = arith.addf %in, %in_0 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<2x3xf32>
// CHECK-NEXT: return %1 : tensor<2x3xf32>
func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %0 = "tosa.add"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @abs_int(
// CHECK-NEXT: %0 = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg0 : tensor<4xi32>) outs(%0 : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%in: i32, %out: i32):
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %2 = arith.cmpi sgt, %in, %c0_i32 : i32
// CHECK-NEXT: %3 = arith.subi %c0_i32, %in : i32
// CHECK-NEXT: %4 = arith.select %2, %in, %3 : i32
// CHECK-NEXT: linalg.yield %4 : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: return %1 : tensor<4xi32>
func.func @abs_int(%a: tensor<4xi32>) -> tensor<4xi32> {
  %0 = "tosa.abs"(%a) : (tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// CHECK-LABEL: func.func @clamp_float(
// CHECK-NEXT: %0 = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg0 : tensor<4xf32>) outs(%0 : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %cst_0 = arith.constant 6.000000e+00 : f32
// CHECK-NEXT: %2 = arith.minf %in, %cst_0 : f32
// CHECK-NEXT: %3 = arith.maxf %2, %cst : f32
// CHECK-NEXT: linalg.yield %3 : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %1 : tensor<4xf32>
func.func @clamp_float(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tosa.clamp"(%a) {min_int = 0 : i64, max_int = 4 : i64, min_fp = 0.0 : f32, max_fp = 6.0 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @clamp_i8(
// CHECK-NEXT: %0 = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg0 : tensor<4xi8>) outs(%0 : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%in: i8, %out: i8):
// CHECK-NEXT: %c-128_i8 = arith.constant -128 : i8
// CHECK-NEXT: %c100_i8 = arith.constant 100 : i8
// CHECK-NEXT: %2 = arith.cmpi slt, %in, %c-128_i8 : i8
// CHECK-NEXT: %3 = arith.select %2, %c-128_i8, %in : i8
// CHECK-NEXT: %4 = arith.cmpi slt, %c100_i8, %in : i8
// CHECK-NEXT: %5 = arith.select %4, %c100_i8, %3 : i8
// CHECK-NEXT: linalg.yield %5 : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %1 : tensor<4xi8>
func.func @clamp_i8(%a: tensor<4xi8>) -> tensor<4xi8> {
  %0 = "tosa.clamp"(%a) {min_int = -1000 : i64, max_int = 100 : i64, min_fp = 0.0 : f32, max_fp = 6.0 : f32} : (tensor<4xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// CHECK-LABEL: func.func @select_cmp(
// CHECK-NEXT: %0 = tensor.empty() : tensor<3xi1>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<3xf32>, tensor<3xf32>) outs(%0 : tensor<3xi1>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: i1):
// CHECK-NEXT: %4 = arith.cmpf oge, %in, %in_0 : f32
// CHECK-NEXT: linalg.yield %4 : i1
// CHECK-NEXT: } -> tensor<3xi1>
// CHECK-NEXT: %2 = tensor.empty() : tensor<3xf32>
// CHECK-NEXT: %3 = linalg.generic {indexing_maps = [#map2, #map2, #map2, #map2], iterator_types = ["parallel"]} ins(%1, %arg0, %arg1 : tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) outs(%2 : tensor<3xf32>) {
// CHECK-NEXT: ^bb0(%in: i1, %in_0: f32, %in_1: f32, %out: f32):
// CHECK-NEXT: %4 = arith.select %in, %in_0, %in_1 : f32
// CHECK-NEXT: linalg.yield %4 : f32
// CHECK-NEXT: } -> tensor<3xf32>
// CHECK-NEXT: return %3 : tensor<3xf32>
func.func @select_cmp(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "tosa.greater_equal"(%a, %b) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %1 = "tosa.select"(%0, %a, %b) : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %1 : tensor<3xf32>
}

// CHECK-LABEL: func.func @max_int(
// CHECK-NEXT: %0 = tensor.empty() : tensor<3xi32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<3xi32>, tensor<3xi32>) outs(%0 : tensor<3xi32>) {
// CHECK-NEXT: ^bb0(%in: i32, %in_0: i32, %out: i32):
// CHECK-NEXT: %2 = arith.cmpi sgt, %in, %in_0 : i32
// CHECK-NEXT: %3 = arith.select %2, %in, %in_0 : i32
// CHECK-NEXT: linalg.yield %3 : i32
// CHECK-NEXT: } -> tensor<3xi32>
// CHECK-NEXT: return %1 : tensor<3xi32>
func.func @max_int(%a: tensor<3xi32>, %b: tensor<3xi32>) -> tensor<3xi32> {
  %0 = "tosa.maximum"(%a, %b) : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// CHECK-LABEL: func.func @sigmoid(
// CHECK-NEXT: %0 = tensor.empty() : tensor<3xf32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg0 : tensor<3xf32>) outs(%0 : tensor<3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %2 = arith.negf %in : f32
// CHECK-NEXT: %3 = math.exp %2 : f32
// CHECK-NEXT: %4 = arith.addf %3, %cst : f32
// CHECK-NEXT: %5 = arith.divf %cst, %4 : f32
// CHECK-NEXT: linalg.yield %5 : f32
// CHECK-NEXT: } -> tensor<3xf32>
// CHECK-NEXT: return %1 : tensor<3xf32>
func.func @sigmoid(%a: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "tosa.sigmoid"(%a) : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @casts(
// CHECK-NEXT: %0 = tensor.empty() : tensor<3xf32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg0 : tensor<3xi8>) outs(%0 : tensor<3xf32>) {
// CHECK-NEXT: ^bb0(%in: i8, %out: f32):
// CHECK-NEXT: %6 = arith.sitofp %in : i8 to f32
// CHECK-NEXT: linalg.yield %6 : f32
// CHECK-NEXT: } -> tensor<3xf32>
// CHECK-NEXT: %2 = tensor.empty() : tensor<3xf32>
// CHECK-NEXT: %3 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg1 : tensor<3xf16>) outs(%2 : tensor<3xf32>) {
// CHECK-NEXT: ^bb0(%in: f16, %out: f32):
// CHECK-NEXT: %6 = arith.extf %in : f16 to f32
// CHECK-NEXT: linalg.yield %6 : f32
// CHECK-NEXT: } -> tensor<3xf32>
// CHECK-NEXT: %4 = tensor.empty() : tensor<3xi1>
// CHECK-NEXT: %5 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg1 : tensor<3xf16>) outs(%4 : tensor<3xi1>) {
// CHECK-NEXT: ^bb0(%in: f16, %out: i1):
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f16
// CHECK-NEXT: %6 = arith.cmpf une, %in, %cst : f16
// CHECK-NEXT: linalg.yield %6 : i1
// CHECK-NEXT: } -> tensor<3xi1>
// CHECK-NEXT: return %1, %3, %5 : tensor<3xf32>, tensor<3xf32>, tensor<3xi1>
func.func @casts(%a: tensor<3xi8>, %b: tensor<3xf16>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xi1>) {
  %0 = "tosa.cast"(%a) : (tensor<3xi8>) -> tensor<3xf32>
  %1 = "tosa.cast"(%b) : (tensor<3xf16>) -> tensor<3xf32>
  %2 = "tosa.cast"(%b) : (tensor<3xf16>) -> tensor<3xi1>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xi1>
}

// CHECK-LABEL: func.func @reduce_sum_int(
// CHECK-NEXT: %0 = tensor.empty() : tensor<3xi32>
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %1 = linalg.fill ins(%c0_i32 : i32) outs(%0 : tensor<3xi32>) -> tensor<3xi32>
// CHECK-NEXT: %2 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<3x4xi32>) outs(%1 : tensor<3xi32>) {
// CHECK-NEXT: ^bb0(%in: i32, %out: i32):
// CHECK-NEXT: %3 = arith.addi %in, %out : i32
// CHECK-NEXT: linalg.yield %3 : i32
// CHECK-NEXT: } -> tensor<3xi32>
// CHECK-NEXT: %expanded = tensor.expand_shape %2 {{\[\[}}0, 1]] : tensor<3xi32> into tensor<3x1xi32>
// CHECK-NEXT: return %expanded : tensor<3x1xi32>
func.func @reduce_sum_int(%a: tensor<3x4xi32>) -> tensor<3x1xi32> {
  %0 = "tosa.reduce_sum"(%a) {axis = 1 : i64} : (tensor<3x4xi32>) -> tensor<3x1xi32>
  return %0 : tensor<3x1xi32>
}

// CHECK-LABEL: func.func @reduce_any(
// CHECK-NEXT: %0 = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %1 = linalg.fill ins(%false : i1) outs(%0 : tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel"]} ins(%arg0 : tensor<3x4xi1>) outs(%1 : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%in: i1, %out: i1):
// CHECK-NEXT: %3 = arith.ori %in, %out : i1
// CHECK-NEXT: linalg.yield %3 : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: %expanded = tensor.expand_shape %2 {{\[\[}}0, 1]] : tensor<4xi1> into tensor<1x4xi1>
// CHECK-NEXT: return %expanded : tensor<1x4xi1>
func.func @reduce_any(%a: tensor<3x4xi1>) -> tensor<1x4xi1> {
  %0 = "tosa.reduce_any"(%a) {axis = 0 : i64} : (tensor<3x4xi1>) -> tensor<1x4xi1>
  return %0 : tensor<1x4xi1>
}

// CHECK-LABEL: func.func @reshapes(
// CHECK-NEXT: %collapsed = tensor.collapse_shape %arg0 {{\[\[}}0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK-NEXT: %expanded = tensor.expand_shape %arg1 {{\[\[}}0, 1]] : tensor<6xf32> into tensor<3x2xf32>
// CHECK-NEXT: %collapsed_0 = tensor.collapse_shape %arg0 {{\[\[}}0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK-NEXT: %expanded_1 = tensor.expand_shape %collapsed_0 {{\[\[}}0, 1]] : tensor<6xf32> into tensor<3x2xf32>
// CHECK-NEXT: return %collapsed, %expanded, %expanded_1 : tensor<6xf32>, tensor<3x2xf32>, tensor<3x2xf32>
func.func @reshapes(%a: tensor<2x3xf32>, %b: tensor<6xf32>) -> (tensor<6xf32>, tensor<3x2xf32>, tensor<3x2xf32>) {
  %0 = "tosa.reshape"(%a) {new_shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>
  %1 = "tosa.reshape"(%b) {new_shape = array<i64: 3, 2>} : (tensor<6xf32>) -> tensor<3x2xf32>
  %2 = "tosa.reshape"(%a) {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0, %1, %2 : tensor<6xf32>, tensor<3x2xf32>, tensor<3x2xf32>
}

// CHECK-LABEL: func.func @transpose(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<[2, 0, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
// CHECK-NEXT: %1 = tensor.empty() : tensor<4x2x3xf32>
// CHECK-NEXT: %2 = linalg.generic {indexing_maps = [#map4, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x3x4xf32>) outs(%1 : tensor<4x2x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: linalg.yield %in : f32
// CHECK-NEXT: } -> tensor<4x2x3xf32>
// CHECK-NEXT: return %2 : tensor<4x2x3xf32>
func.func @transpose(%a: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %p = "tosa.const"() {value = dense<[2, 0, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %0 = "tosa.transpose"(%a, %p) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// CHECK-LABEL: func.func @concat(
// CHECK: %0 = tensor.empty() : tensor<3x3xf32>
// CHECK: %inserted_slice = tensor.insert_slice %arg0 into %0[0, 0] [1, 3] [1, 1] : tensor<1x3xf32> into tensor<3x3xf32>
// CHECK: %[[SECOND:inserted_slice_[0-9]+]] = tensor.insert_slice %arg1 into %inserted_slice[1, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<3x3xf32>
// CHECK: return %[[SECOND]] : tensor<3x3xf32>
func.func @concat(%a: tensor<1x3xf32>, %b: tensor<2x3xf32>) -> tensor<3x3xf32> {
  %0 = "tosa.concat"(%a, %b) {axis = 0 : i64} : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// CHECK-LABEL: func.func @reverse(
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %dim = tensor.dim %arg0, %c1 : tensor<4x5xi32>
// CHECK-NEXT: %0 = tensor.empty() : tensor<4x5xi32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%0 : tensor<4x5xi32>) {
// CHECK-NEXT: ^bb0(%out: i32):
// CHECK-NEXT: %2 = linalg.index 0 : index
// CHECK-NEXT: %3 = linalg.index 1 : index
// CHECK-NEXT: %c1_0 = arith.constant 1 : index
// CHECK-NEXT: %4 = arith.subi %dim, %c1_0 : index
// CHECK-NEXT: %5 = arith.subi %4, %3 : index
// CHECK-NEXT: %extracted = tensor.extract %arg0[%2, %5] : tensor<4x5xi32>
// CHECK-NEXT: linalg.yield %extracted : i32
// CHECK-NEXT: } -> tensor<4x5xi32>
// CHECK-NEXT: return %1 : tensor<4x5xi32>
func.func @reverse(%a: tensor<4x5xi32>) -> tensor<4x5xi32> {
  %0 = "tosa.reverse"(%a) {axis = 1 : i64} : (tensor<4x5xi32>) -> tensor<4x5xi32>
  return %0 : tensor<4x5xi32>
}

// CHECK-LABEL: func.func @tile(
// CHECK-NEXT: %0 = tensor.empty() : tensor<2x2x1x3xf32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map6, #map7], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x3xf32>) outs(%0 : tensor<2x2x1x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: linalg.yield %in : f32
// CHECK-NEXT: } -> tensor<2x2x1x3xf32>
// CHECK-NEXT: %collapsed = tensor.collapse_shape %1 {{\[\[}}0, 1, 2], [3]] : tensor<2x2x1x3xf32> into tensor<4x3xf32>
// CHECK-NEXT: return %collapsed : tensor<4x3xf32>
func.func @tile(%a: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %0 = "tosa.tile"(%a) {multiples = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @logical(
// CHECK-NEXT: %0 = tensor.empty() : tensor<3xi1>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<3xi1>, tensor<3xi1>) outs(%0 : tensor<3xi1>) {
// CHECK-NEXT: ^bb0(%in: i1, %in_0: i1, %out: i1):
// CHECK-NEXT: %4 = arith.xori %in, %in_0 : i1
// CHECK-NEXT: linalg.yield %4 : i1
// CHECK-NEXT: } -> tensor<3xi1>
// CHECK-NEXT: %2 = tensor.empty() : tensor<3xi1>
// CHECK-NEXT: %3 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%1 : tensor<3xi1>) outs(%2 : tensor<3xi1>) {
// CHECK-NEXT: ^bb0(%in: i1, %out: i1):
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %4 = arith.xori %in, %true : i1
// CHECK-NEXT: linalg.yield %4 : i1
// CHECK-NEXT: } -> tensor<3xi1>
// CHECK-NEXT: return %3 : tensor<3xi1>
func.func @logical(%a: tensor<3xi1>, %b: tensor<3xi1>) -> tensor<3xi1> {
  %0 = "tosa.logical_xor"(%a, %b) : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  %1 = "tosa.logical_not"(%0) : (tensor<3xi1>) -> tensor<3xi1>
  return %1 : tensor<3xi1>
}

// CHECK-LABEL: func.func @shifts(
// CHECK-NEXT: %0 = tensor.empty() : tensor<3xi32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<3xi32>, tensor<3xi32>) outs(%0 : tensor<3xi32>) {
// CHECK-NEXT: ^bb0(%in: i32, %in_0: i32, %out: i32):
// CHECK-NEXT: %4 = arith.shli %in, %in_0 : i32
// CHECK-NEXT: linalg.yield %4 : i32
// CHECK-NEXT: } -> tensor<3xi32>
// CHECK-NEXT: %2 = tensor.empty() : tensor<3xi32>
// CHECK-NEXT: %3 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<3xi32>, tensor<3xi32>) outs(%2 : tensor<3xi32>) {
// CHECK-NEXT: ^bb0(%in: i32, %in_0: i32, %out: i32):
// CHECK-NEXT: %4 = arith.shrsi %in, %in_0 : i32
// CHECK-NEXT: linalg.yield %4 : i32
// CHECK-NEXT: } -> tensor<3xi32>
// CHECK-NEXT: return %1, %3 : tensor<3xi32>, tensor<3xi32>
func.func @shifts(%a: tensor<3xi32>, %b: tensor<3xi32>) -> (tensor<3xi32>, tensor<3xi32>) {
  %0 = "tosa.logical_left_shift"(%a, %b) : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %1 = "tosa.arithmetic_right_shift"(%a, %b) {round = false} : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0, %1 : tensor<3xi32>, tensor<3xi32>
}
