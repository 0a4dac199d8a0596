// RUN: tensile-opt %s --linalg-generalize-named-ops | FileCheck %s
// linalg-generalize-named-ops on every named op but fill_rng_2d (whose folded constants Tensile's greedy driver hoists in another order). The CHECK lines are mlir-opt-16's output.

// CHECK-LABEL: func.func @copy_0(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4x8xf32>) outs(%arg1 : tensor<4x8xf64>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f64):
// CHECK-NEXT: %1 = arith.extf %in : f32 to f64
// CHECK-NEXT: linalg.yield %1 : f64
// CHECK-NEXT: } -> tensor<4x8xf64>
// CHECK-NEXT: return %0 : tensor<4x8xf64>
func.func @copy_0(%in0: tensor<4x8xf32>, %out: tensor<4x8xf64>) -> tensor<4x8xf64> {
  %0 = linalg.copy ins(%in0 : tensor<4x8xf32>) outs(%out : tensor<4x8xf64>) -> tensor<4x8xf64>
  return %0 : tensor<4x8xf64>
}

// CHECK-LABEL: func.func @elemwise_unary_1(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4x8xf16>) outs(%arg1 : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f16, %out: f32):
// CHECK-NEXT: %1 = arith.extf %in : f16 to f32
// CHECK-NEXT: %2 = math.absf %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @elemwise_unary_1(%in0: tensor<4x8xf16>, %out: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.elemwise_unary {fun = #linalg.unary_fn<abs>} ins(%in0 : tensor<4x8xf16>) outs(%out : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @elemwise_unary_2(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4x8xf32>) outs(%arg1 : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %1 = math.exp %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @elemwise_unary_2(%in0: tensor<4x8xf32>, %out: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.elemwise_unary ins(%in0 : tensor<4x8xf32>) outs(%out : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @elemwise_binary_3(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<4x8xi8>, tensor<4x8xi8>) outs(%arg2 : tensor<4x8xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %out: i32):
// CHECK-NEXT: %1 = arith.extui %in : i8 to i32
// CHECK-NEXT: %2 = arith.extui %in_0 : i8 to i32
// CHECK-NEXT: %3 = arith.subi %1, %2 : i32
// CHECK-NEXT: linalg.yield %3 : i32
// CHECK-NEXT: } -> tensor<4x8xi32>
// CHECK-NEXT: return %0 : tensor<4x8xi32>
func.func @elemwise_binary_3(%in0: tensor<4x8xi8>, %in1: tensor<4x8xi8>, %out: tensor<4x8xi32>) -> tensor<4x8xi32> {
  %0 = linalg.elemwise_binary {cast = #linalg.type_fn<cast_unsigned>, fun = #linalg.binary_fn<sub>} ins(%in0, %in1 : tensor<4x8xi8>, tensor<4x8xi8>) outs(%out : tensor<4x8xi32>) -> tensor<4x8xi32>
  return %0 : tensor<4x8xi32>
}

// CHECK-LABEL: func.func @elemwise_binary_4(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<4x8xi1>, tensor<4x8xi1>) outs(%arg2 : tensor<4x8xi1>) {
// CHECK-NEXT: ^bb0(%in: i1, %in_0: i1, %out: i1):
// CHECK-NEXT: %1 = arith.andi %in, %in_0 : i1
// CHECK-NEXT: linalg.yield %1 : i1
// CHECK-NEXT: } -> tensor<4x8xi1>
// CHECK-NEXT: return %0 : tensor<4x8xi1>
func.func @elemwise_binary_4(%in0: tensor<4x8xi1>, %in1: tensor<4x8xi1>, %out: tensor<4x8xi1>) -> tensor<4x8xi1> {
  %0 = linalg.elemwise_binary {fun = #linalg.binary_fn<mul>} ins(%in0, %in1 : tensor<4x8xi1>, tensor<4x8xi1>) outs(%out : tensor<4x8xi1>) -> tensor<4x8xi1>
  return %0 : tensor<4x8xi1>
}

// CHECK-LABEL: func.func @matmul_5(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<3x5xf32>, tensor<5x7xf32>) outs(%arg2 : tensor<3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @matmul_5(%in0: tensor<3x5xf32>, %in1: tensor<5x7xf32>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.matmul ins(%in0, %in1 : tensor<3x5xf32>, tensor<5x7xf32>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @matmul_6(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%arg2 : tensor<3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %out: f32):
// CHECK-NEXT: %1 = arith.uitofp %in : i8 to f32
// CHECK-NEXT: %2 = arith.uitofp %in_0 : i8 to f32
// CHECK-NEXT: %3 = arith.mulf %1, %2 : f32
// CHECK-NEXT: %4 = arith.addf %out, %3 : f32
// CHECK-NEXT: linalg.yield %4 : f32
// CHECK-NEXT: } -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @matmul_6(%in0: tensor<3x5xi8>, %in1: tensor<5x7xi8>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%in0, %in1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @matmul_unsigned_7(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%arg2 : tensor<3x7xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %out: i32):
// CHECK-NEXT: %1 = arith.extui %in : i8 to i32
// CHECK-NEXT: %2 = arith.extui %in_0 : i8 to i32
// CHECK-NEXT: %3 = arith.muli %1, %2 : i32
// CHECK-NEXT: %4 = arith.addi %out, %3 : i32
// CHECK-NEXT: linalg.yield %4 : i32
// CHECK-NEXT: } -> tensor<3x7xi32>
// CHECK-NEXT: return %0 : tensor<3x7xi32>
func.func @matmul_unsigned_7(%in0: tensor<3x5xi8>, %in1: tensor<5x7xi8>, %out: tensor<3x7xi32>) -> tensor<3x7xi32> {
  %0 = linalg.matmul_unsigned ins(%in0, %in1 : tensor<3x5xi8>, tensor<5x7xi8>) outs(%out : tensor<3x7xi32>) -> tensor<3x7xi32>
  return %0 : tensor<3x7xi32>
}

// CHECK-LABEL: func.func @quantized_matmul_8(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map1, #map2, #map4, #map4, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1, %arg2, %arg3 : tensor<3x5xi8>, tensor<5x7xi8>, i32, i32) outs(%arg4 : tensor<3x7xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %in_1: i32, %in_2: i32, %out: i32):
// CHECK-NEXT: %1 = arith.extsi %in : i8 to i32
// CHECK-NEXT: %2 = arith.subi %1, %in_1 : i32
// CHECK-NEXT: %3 = arith.extsi %in_0 : i8 to i32
// CHECK-NEXT: %4 = arith.subi %3, %in_2 : i32
// CHECK-NEXT: %5 = arith.muli %2, %4 : i32
// CHECK-NEXT: %6 = arith.addi %out, %5 : i32
// CHECK-NEXT: linalg.yield %6 : i32
// CHECK-NEXT: } -> tensor<3x7xi32>
// CHECK-NEXT: return %0 : tensor<3x7xi32>
func.func @quantized_matmul_8(%in0: tensor<3x5xi8>, %in1: tensor<5x7xi8>, %in2: i32, %in3: i32, %out: tensor<3x7xi32>) -> tensor<3x7xi32> {
  %0 = linalg.quantized_matmul ins(%in0, %in1, %in2, %in3 : tensor<3x5xi8>, tensor<5x7xi8>, i32, i32) outs(%out : tensor<3x7xi32>) -> tensor<3x7xi32>
  return %0 : tensor<3x7xi32>
}

// CHECK-LABEL: func.func @mmt4d_9(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map5, #map6, #map7], iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<2x3x4x5xi8>, tensor<6x3x7x5xi8>) outs(%arg2 : tensor<2x6x4x7xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %out: i32):
// CHECK-NEXT: %1 = arith.extsi %in : i8 to i32
// CHECK-NEXT: %2 = arith.extsi %in_0 : i8 to i32
// CHECK-NEXT: %3 = arith.muli %1, %2 : i32
// CHECK-NEXT: %4 = arith.addi %out, %3 : i32
// CHECK-NEXT: linalg.yield %4 : i32
// CHECK-NEXT: } -> tensor<2x6x4x7xi32>
// CHECK-NEXT: return %0 : tensor<2x6x4x7xi32>
func.func @mmt4d_9(%in0: tensor<2x3x4x5xi8>, %in1: tensor<6x3x7x5xi8>, %out: tensor<2x6x4x7xi32>) -> tensor<2x6x4x7xi32> {
  %0 = linalg.mmt4d ins(%in0, %in1 : tensor<2x3x4x5xi8>, tensor<6x3x7x5xi8>) outs(%out : tensor<2x6x4x7xi32>) -> tensor<2x6x4x7xi32>
  return %0 : tensor<2x6x4x7xi32>
}

// CHECK-LABEL: func.func @matmul_transpose_b_10(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map1, #map8, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<3x5xf32>, tensor<7x5xf32>) outs(%arg2 : tensor<3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @matmul_transpose_b_10(%in0: tensor<3x5xf32>, %in1: tensor<7x5xf32>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.matmul_transpose_b ins(%in0, %in1 : tensor<3x5xf32>, tensor<7x5xf32>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @batch_matmul_11(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map9, #map10, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<2x3x5xf16>, tensor<2x5x7xf16>) outs(%arg2 : tensor<2x3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f16, %in_0: f16, %out: f32):
// CHECK-NEXT: %1 = arith.extf %in : f16 to f32
// CHECK-NEXT: %2 = arith.extf %in_0 : f16 to f32
// CHECK-NEXT: %3 = arith.mulf %1, %2 : f32
// CHECK-NEXT: %4 = arith.addf %out, %3 : f32
// CHECK-NEXT: linalg.yield %4 : f32
// CHECK-NEXT: } -> tensor<2x3x7xf32>
// CHECK-NEXT: return %0 : tensor<2x3x7xf32>
func.func @batch_matmul_11(%in0: tensor<2x3x5xf16>, %in1: tensor<2x5x7xf16>, %out: tensor<2x3x7xf32>) -> tensor<2x3x7xf32> {
  %0 = linalg.batch_matmul ins(%in0, %in1 : tensor<2x3x5xf16>, tensor<2x5x7xf16>) outs(%out : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  return %0 : tensor<2x3x7xf32>
}

// CHECK-LABEL: func.func @quantized_batch_matmul_12(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map9, #map10, #map12, #map12, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1, %arg2, %arg3 : tensor<2x3x5xi8>, tensor<2x5x7xi8>, i32, i32) outs(%arg4 : tensor<2x3x7xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %in_1: i32, %in_2: i32, %out: i32):
// CHECK-NEXT: %1 = arith.extsi %in : i8 to i32
// CHECK-NEXT: %2 = arith.subi %1, %in_1 : i32
// CHECK-NEXT: %3 = arith.extsi %in_0 : i8 to i32
// CHECK-NEXT: %4 = arith.subi %3, %in_2 : i32
// CHECK-NEXT: %5 = arith.muli %2, %4 : i32
// CHECK-NEXT: %6 = arith.addi %out, %5 : i32
// CHECK-NEXT: linalg.yield %6 : i32
// CHECK-NEXT: } -> tensor<2x3x7xi32>
// CHECK-NEXT: return %0 : tensor<2x3x7xi32>
func.func @quantized_batch_matmul_12(%in0: tensor<2x3x5xi8>, %in1: tensor<2x5x7xi8>, %in2: i32, %in3: i32, %out: tensor<2x3x7xi32>) -> tensor<2x3x7xi32> {
  %0 = linalg.quantized_batch_matmul ins(%in0, %in1, %in2, %in3 : tensor<2x3x5xi8>, tensor<2x5x7xi8>, i32, i32) outs(%out : tensor<2x3x7xi32>) -> tensor<2x3x7xi32>
  return %0 : tensor<2x3x7xi32>
}

// CHECK-LABEL: func.func @batch_matmul_transpose_b_13(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map9, #map13, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<2x3x5xf32>, tensor<2x7x5xf32>) outs(%arg2 : tensor<2x3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<2x3x7xf32>
// CHECK-NEXT: return %0 : tensor<2x3x7xf32>
func.func @batch_matmul_transpose_b_13(%in0: tensor<2x3x5xf32>, %in1: tensor<2x7x5xf32>, %out: tensor<2x3x7xf32>) -> tensor<2x3x7xf32> {
  %0 = linalg.batch_matmul_transpose_b ins(%in0, %in1 : tensor<2x3x5xf32>, tensor<2x7x5xf32>) outs(%out : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  return %0 : tensor<2x3x7xf32>
}

// CHECK-LABEL: func.func @batch_reduce_matmul_14(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map9, #map10, #map14], iterator_types = ["reduction", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<2x3x5xf32>, tensor<2x5x7xf32>) outs(%arg2 : tensor<3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<3x7xf32>
// CHECK-NEXT: return %0 : tensor<3x7xf32>
func.func @batch_reduce_matmul_14(%in0: tensor<2x3x5xf32>, %in1: tensor<2x5x7xf32>, %out: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = linalg.batch_reduce_matmul ins(%in0, %in1 : tensor<2x3x5xf32>, tensor<2x5x7xf32>) outs(%out : tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// CHECK-LABEL: func.func @matvec_15(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map15, #map16], iterator_types = ["parallel", "reduction"]} ins(%arg0, %arg1 : tensor<3x5xf32>, tensor<5xf32>) outs(%arg2 : tensor<3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<3xf32>
// CHECK-NEXT: return %0 : tensor<3xf32>
func.func @matvec_15(%in0: tensor<3x5xf32>, %in1: tensor<5xf32>, %out: tensor<3xf32>) -> tensor<3xf32> {
  %0 = linalg.matvec ins(%in0, %in1 : tensor<3x5xf32>, tensor<5xf32>) outs(%out : tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @vecmat_16(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map15, #map17, #map16], iterator_types = ["parallel", "reduction"]} ins(%arg0, %arg1 : tensor<5xf32>, tensor<5x3xf32>) outs(%arg2 : tensor<3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<3xf32>
// CHECK-NEXT: return %0 : tensor<3xf32>
func.func @vecmat_16(%in0: tensor<5xf32>, %in1: tensor<5x3xf32>, %out: tensor<3xf32>) -> tensor<3xf32> {
  %0 = linalg.vecmat ins(%in0, %in1 : tensor<5xf32>, tensor<5x3xf32>) outs(%out : tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @batch_matvec_17(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map18, #map1, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<2x3x5xf32>, tensor<2x5xf32>) outs(%arg2 : tensor<2x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<2x3xf32>
// CHECK-NEXT: return %0 : tensor<2x3xf32>
func.func @batch_matvec_17(%in0: tensor<2x3x5xf32>, %in1: tensor<2x5xf32>, %out: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = linalg.batch_matvec ins(%in0, %in1 : tensor<2x3x5xf32>, tensor<2x5xf32>) outs(%out : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @dot_18(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map19, #map19, #map20], iterator_types = ["reduction"]} ins(%arg0, %arg1 : tensor<5xf32>, tensor<5xf32>) outs(%arg2 : tensor<f32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<f32>
// CHECK-NEXT: return %0 : tensor<f32>
func.func @dot_18(%in0: tensor<5xf32>, %in1: tensor<5xf32>, %out: tensor<f32>) -> tensor<f32> {
  %0 = linalg.dot ins(%in0, %in1 : tensor<5xf32>, tensor<5xf32>) outs(%out : tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @conv_1d_19(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map21, #map15, #map16], iterator_types = ["parallel", "reduction"]} ins(%arg0, %arg1 : tensor<10xf32>, tensor<3xf32>) outs(%arg2 : tensor<8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<8xf32>
// CHECK-NEXT: return %0 : tensor<8xf32>
func.func @conv_1d_19(%in0: tensor<10xf32>, %in1: tensor<3xf32>, %out: tensor<8xf32>) -> tensor<8xf32> {
  %0 = linalg.conv_1d ins(%in0, %in1 : tensor<10xf32>, tensor<3xf32>) outs(%out : tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// CHECK-LABEL: func.func @conv_2d_20(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map22, #map23, #map24], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<10x9xf32>, tensor<3x2xf32>) outs(%arg2 : tensor<8x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<8x8xf32>
// CHECK-NEXT: return %0 : tensor<8x8xf32>
func.func @conv_2d_20(%in0: tensor<10x9xf32>, %in1: tensor<3x2xf32>, %out: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = linalg.conv_2d ins(%in0, %in1 : tensor<10x9xf32>, tensor<3x2xf32>) outs(%out : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @conv_3d_21(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map25, #map26, #map27], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<6x7x8xf32>, tensor<2x3x4xf32>) outs(%arg2 : tensor<5x5x5xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<5x5x5xf32>
// CHECK-NEXT: return %0 : tensor<5x5x5xf32>
func.func @conv_3d_21(%in0: tensor<6x7x8xf32>, %in1: tensor<2x3x4xf32>, %out: tensor<5x5x5xf32>) -> tensor<5x5x5xf32> {
  %0 = linalg.conv_3d ins(%in0, %in1 : tensor<6x7x8xf32>, tensor<2x3x4xf32>) outs(%out : tensor<5x5x5xf32>) -> tensor<5x5x5xf32>
  return %0 : tensor<5x5x5xf32>
}

// CHECK-LABEL: func.func @conv_1d_nwc_wcf_22(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map28, #map29, #map30], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3x3x5xf32>) outs(%arg2 : tensor<1x4x5xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x4x5xf32>
// CHECK-NEXT: return %0 : tensor<1x4x5xf32>
func.func @conv_1d_nwc_wcf_22(%in0: tensor<1x9x3xf32>, %in1: tensor<3x3x5xf32>, %out: tensor<1x4x5xf32>) -> tensor<1x4x5xf32> {
  %0 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3x3x5xf32>) outs(%out : tensor<1x4x5xf32>) -> tensor<1x4x5xf32>
  return %0 : tensor<1x4x5xf32>
}

// CHECK-LABEL: func.func @conv_1d_ncw_fcw_23(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map31, #map32, #map30], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9xf32>, tensor<5x3x3xf32>) outs(%arg2 : tensor<1x5x4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x5x4xf32>
// CHECK-NEXT: return %0 : tensor<1x5x4xf32>
func.func @conv_1d_ncw_fcw_23(%in0: tensor<1x3x9xf32>, %in1: tensor<5x3x3xf32>, %out: tensor<1x5x4xf32>) -> tensor<1x5x4xf32> {
  %0 = linalg.conv_1d_ncw_fcw {strides = dense<2> : tensor<1xi64>} ins(%in0, %in1 : tensor<1x3x9xf32>, tensor<5x3x3xf32>) outs(%out : tensor<1x5x4xf32>) -> tensor<1x5x4xf32>
  return %0 : tensor<1x5x4xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_24(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map33, #map34, #map35], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3x3x8xf32>) outs(%arg2 : tensor<1x4x4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x4x4x8xf32>
// CHECK-NEXT: return %0 : tensor<1x4x4x8xf32>
func.func @conv_2d_nhwc_hwcf_24(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3x3x8xf32>, %out: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3x3x8xf32>) outs(%out : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc_25(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map36, #map37, #map35], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<8x3x3x3xf32>) outs(%arg2 : tensor<1x7x7x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x7x7x8xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x8xf32>
func.func @conv_2d_nhwc_fhwc_25(%in0: tensor<1x9x9x3xf32>, %in1: tensor<8x3x3x3xf32>, %out: tensor<1x7x7x8xf32>) -> tensor<1x7x7x8xf32> {
  %0 = linalg.conv_2d_nhwc_fhwc ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<8x3x3x3xf32>) outs(%out : tensor<1x7x7x8xf32>) -> tensor<1x7x7x8xf32>
  return %0 : tensor<1x7x7x8xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_q_26(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map36, #map34, #map38, #map38, #map35], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x9x9x3xi8>, tensor<3x3x3x8xi8>, i32, i32) outs(%arg4 : tensor<1x7x7x8xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %in_1: i32, %in_2: i32, %out: i32):
// CHECK-NEXT: %1 = arith.extsi %in : i8 to i32
// CHECK-NEXT: %2 = arith.subi %1, %in_1 : i32
// CHECK-NEXT: %3 = arith.extsi %in_0 : i8 to i32
// CHECK-NEXT: %4 = arith.subi %3, %in_2 : i32
// CHECK-NEXT: %5 = arith.muli %2, %4 : i32
// CHECK-NEXT: %6 = arith.addi %out, %5 : i32
// CHECK-NEXT: linalg.yield %6 : i32
// CHECK-NEXT: } -> tensor<1x7x7x8xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x8xi32>
func.func @conv_2d_nhwc_hwcf_q_26(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3x3x8xi8>, %in2: i32, %in3: i32, %out: tensor<1x7x7x8xi32>) -> tensor<1x7x7x8xi32> {
  %0 = linalg.conv_2d_nhwc_hwcf_q ins(%in0, %in1, %in2, %in3 : tensor<1x9x9x3xi8>, tensor<3x3x3x8xi8>, i32, i32) outs(%out : tensor<1x7x7x8xi32>) -> tensor<1x7x7x8xi32>
  return %0 : tensor<1x7x7x8xi32>
}

// CHECK-LABEL: func.func @conv_2d_nchw_fchw_27(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map39, #map40, #map35], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<8x3x3x3xf32>) outs(%arg2 : tensor<1x8x5x5xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x8x5x5xf32>
// CHECK-NEXT: return %0 : tensor<1x8x5x5xf32>
func.func @conv_2d_nchw_fchw_27(%in0: tensor<1x3x9x9xf32>, %in1: tensor<8x3x3x3xf32>, %out: tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<8x3x3x3xf32>) outs(%out : tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32>
  return %0 : tensor<1x8x5x5xf32>
}

// CHECK-LABEL: func.func @conv_2d_ngchw_fgchw_28(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map41, #map42, #map43], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x2x3x9x9xf32>, tensor<2x4x3x3x3xf32>) outs(%arg2 : tensor<1x2x4x7x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x2x4x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x2x4x7x7xf32>
func.func @conv_2d_ngchw_fgchw_28(%in0: tensor<1x2x3x9x9xf32>, %in1: tensor<2x4x3x3x3xf32>, %out: tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32> {
  %0 = linalg.conv_2d_ngchw_fgchw ins(%in0, %in1 : tensor<1x2x3x9x9xf32>, tensor<2x4x3x3x3xf32>) outs(%out : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  return %0 : tensor<1x2x4x7x7xf32>
}

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf_29(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map44, #map45, #map46], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x4xf32>) outs(%arg2 : tensor<1x5x5x5x4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x5x5x5x4xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x4xf32>
func.func @conv_3d_ndhwc_dhwcf_29(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2x3x4xf32>, %out: tensor<1x5x5x5x4xf32>) -> tensor<1x5x5x5x4xf32> {
  %0 = linalg.conv_3d_ndhwc_dhwcf ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x4xf32>) outs(%out : tensor<1x5x5x5x4xf32>) -> tensor<1x5x5x5x4xf32>
  return %0 : tensor<1x5x5x5x4xf32>
}

// CHECK-LABEL: func.func @conv_3d_ndhwc_dhwcf_q_30(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map44, #map45, #map47, #map47, #map46], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x6x6x6x3xi8>, tensor<2x2x2x3x4xi8>, i32, i32) outs(%arg4 : tensor<1x5x5x5x4xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %in_1: i32, %in_2: i32, %out: i32):
// CHECK-NEXT: %1 = arith.extsi %in : i8 to i32
// CHECK-NEXT: %2 = arith.subi %1, %in_1 : i32
// CHECK-NEXT: %3 = arith.extsi %in_0 : i8 to i32
// CHECK-NEXT: %4 = arith.subi %3, %in_2 : i32
// CHECK-NEXT: %5 = arith.muli %2, %4 : i32
// CHECK-NEXT: %6 = arith.addi %out, %5 : i32
// CHECK-NEXT: linalg.yield %6 : i32
// CHECK-NEXT: } -> tensor<1x5x5x5x4xi32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x4xi32>
func.func @conv_3d_ndhwc_dhwcf_q_30(%in0: tensor<1x6x6x6x3xi8>, %in1: tensor<2x2x2x3x4xi8>, %in2: i32, %in3: i32, %out: tensor<1x5x5x5x4xi32>) -> tensor<1x5x5x5x4xi32> {
  %0 = linalg.conv_3d_ndhwc_dhwcf_q ins(%in0, %in1, %in2, %in3 : tensor<1x6x6x6x3xi8>, tensor<2x2x2x3x4xi8>, i32, i32) outs(%out : tensor<1x5x5x5x4xi32>) -> tensor<1x5x5x5x4xi32>
  return %0 : tensor<1x5x5x5x4xi32>
}

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wc_31(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map48, #map49, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @depthwise_conv_1d_nwc_wc_31(%in0: tensor<1x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.depthwise_conv_1d_nwc_wc ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_1d_nwc_wcm_32(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map50, #map51, #map52], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3x3x2xf32>) outs(%arg2 : tensor<1x7x3x2xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x7x3x2xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3x2xf32>
func.func @depthwise_conv_1d_nwc_wcm_32(%in0: tensor<1x9x3xf32>, %in1: tensor<3x3x2xf32>, %out: tensor<1x7x3x2xf32>) -> tensor<1x7x3x2xf32> {
  %0 = linalg.depthwise_conv_1d_nwc_wcm ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3x3x2xf32>) outs(%out : tensor<1x7x3x2xf32>) -> tensor<1x7x3x2xf32>
  return %0 : tensor<1x7x3x2xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_33(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map53, #map54, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3x3xf32>) outs(%arg2 : tensor<1x5x5x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x3xf32>
func.func @depthwise_conv_2d_nhwc_hwc_33(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3x3xf32>, %out: tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3x3xf32>) outs(%out : tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32>
  return %0 : tensor<1x5x5x3xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nchw_chw_34(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map56, #map26, #map57], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<3x3x3xf32>) outs(%arg2 : tensor<1x3x7x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x3x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7x7xf32>
func.func @depthwise_conv_2d_nchw_chw_34(%in0: tensor<1x3x9x9xf32>, %in1: tensor<3x3x3xf32>, %out: tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<3x3x3xf32>) outs(%out : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return %0 : tensor<1x3x7x7xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_q_35(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map58, #map54, #map59, #map59, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x9x9x3xi8>, tensor<3x3x3xi8>, i32, i32) outs(%arg4 : tensor<1x7x7x3xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %in_1: i32, %in_2: i32, %out: i32):
// CHECK-NEXT: %1 = arith.extsi %in : i8 to i32
// CHECK-NEXT: %2 = arith.subi %1, %in_1 : i32
// CHECK-NEXT: %3 = arith.extsi %in_0 : i8 to i32
// CHECK-NEXT: %4 = arith.subi %3, %in_2 : i32
// CHECK-NEXT: %5 = arith.muli %2, %4 : i32
// CHECK-NEXT: %6 = arith.addi %out, %5 : i32
// CHECK-NEXT: linalg.yield %6 : i32
// CHECK-NEXT: } -> tensor<1x7x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xi32>
func.func @depthwise_conv_2d_nhwc_hwc_q_35(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3x3xi8>, %in2: i32, %in3: i32, %out: tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc_q ins(%in0, %in1, %in2, %in3 : tensor<1x9x9x3xi8>, tensor<3x3x3xi8>, i32, i32) outs(%out : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
  return %0 : tensor<1x7x7x3xi32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_36(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map60, #map61, #map62], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3x3x2xf32>) outs(%arg2 : tensor<1x7x7x3x2xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x7x7x3x2xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3x2xf32>
func.func @depthwise_conv_2d_nhwc_hwcm_36(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3x3x2xf32>, %out: tensor<1x7x7x3x2xf32>) -> tensor<1x7x7x3x2xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3x3x2xf32>) outs(%out : tensor<1x7x7x3x2xf32>) -> tensor<1x7x7x3x2xf32>
  return %0 : tensor<1x7x7x3x2xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_q_37(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map60, #map61, #map38, #map38, #map62], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x9x9x3xi8>, tensor<3x3x3x2xi8>, i32, i32) outs(%arg4 : tensor<1x7x7x3x2xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: i8, %in_1: i32, %in_2: i32, %out: i32):
// CHECK-NEXT: %1 = arith.extsi %in : i8 to i32
// CHECK-NEXT: %2 = arith.subi %1, %in_1 : i32
// CHECK-NEXT: %3 = arith.extsi %in_0 : i8 to i32
// CHECK-NEXT: %4 = arith.subi %3, %in_2 : i32
// CHECK-NEXT: %5 = arith.muli %2, %4 : i32
// CHECK-NEXT: %6 = arith.addi %out, %5 : i32
// CHECK-NEXT: linalg.yield %6 : i32
// CHECK-NEXT: } -> tensor<1x7x7x3x2xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3x2xi32>
func.func @depthwise_conv_2d_nhwc_hwcm_q_37(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3x3x2xi8>, %in2: i32, %in3: i32, %out: tensor<1x7x7x3x2xi32>) -> tensor<1x7x7x3x2xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm_q ins(%in0, %in1, %in2, %in3 : tensor<1x9x9x3xi8>, tensor<3x3x3x2xi8>, i32, i32) outs(%out : tensor<1x7x7x3x2xi32>) -> tensor<1x7x7x3x2xi32>
  return %0 : tensor<1x7x7x3x2xi32>
}

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwc_38(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map63, #map64, #map65], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]} ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @depthwise_conv_3d_ndhwc_dhwc_38(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2x3xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.depthwise_conv_3d_ndhwc_dhwc ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_3d_ndhwc_dhwcm_39(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map44, #map45, #map66], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]} ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x2xf32>) outs(%arg2 : tensor<1x5x5x5x3x2xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %2 = arith.addf %out, %1 : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<1x5x5x5x3x2xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3x2xf32>
func.func @depthwise_conv_3d_ndhwc_dhwcm_39(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2x3x2xf32>, %out: tensor<1x5x5x5x3x2xf32>) -> tensor<1x5x5x5x3x2xf32> {
  %0 = linalg.depthwise_conv_3d_ndhwc_dhwcm ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2x3x2xf32>) outs(%out : tensor<1x5x5x5x3x2xf32>) -> tensor<1x5x5x5x3x2xf32>
  return %0 : tensor<1x5x5x5x3x2xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_sum_40(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map58, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x7x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xf32>
func.func @pooling_nhwc_sum_40(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32> {
  %0 = linalg.pooling_nhwc_sum ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
  return %0 : tensor<1x7x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nwc_sum_41(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map48, #map68, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @pooling_nwc_sum_41(%in0: tensor<1x9x3xf32>, %in1: tensor<3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.pooling_nwc_sum ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_max_42(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map58, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.maxf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x7x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xf32>
func.func @pooling_nhwc_max_42(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32> {
  %0 = linalg.pooling_nhwc_max ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
  return %0 : tensor<1x7x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nwc_max_43(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map48, #map68, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.maxf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @pooling_nwc_max_43(%in0: tensor<1x9x3xf32>, %in1: tensor<3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.pooling_nwc_max ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_max_unsigned_44(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map58, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: f32, %out: i32):
// CHECK-NEXT: %1 = arith.extui %in : i8 to i32
// CHECK-NEXT: %2 = arith.maxui %out, %1 : i32
// CHECK-NEXT: linalg.yield %2 : i32
// CHECK-NEXT: } -> tensor<1x7x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xi32>
func.func @pooling_nhwc_max_unsigned_44(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32> {
  %0 = linalg.pooling_nhwc_max_unsigned ins(%in0, %in1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
  return %0 : tensor<1x7x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nwc_max_unsigned_45(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map48, #map68, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: f32, %out: i32):
// CHECK-NEXT: %1 = arith.extui %in : i8 to i32
// CHECK-NEXT: %2 = arith.maxui %out, %1 : i32
// CHECK-NEXT: linalg.yield %2 : i32
// CHECK-NEXT: } -> tensor<1x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x3xi32>
func.func @pooling_nwc_max_unsigned_45(%in0: tensor<1x9x3xi8>, %in1: tensor<3xf32>, %out: tensor<1x7x3xi32>) -> tensor<1x7x3xi32> {
  %0 = linalg.pooling_nwc_max_unsigned ins(%in0, %in1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%out : tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
  return %0 : tensor<1x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nhwc_min_46(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map58, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.minf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x7x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xf32>
func.func @pooling_nhwc_min_46(%in0: tensor<1x9x9x3xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32> {
  %0 = linalg.pooling_nhwc_min ins(%in0, %in1 : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xf32>) -> tensor<1x7x7x3xf32>
  return %0 : tensor<1x7x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nwc_min_47(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map48, #map68, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.minf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x7x3xf32>
// CHECK-NEXT: return %0 : tensor<1x7x3xf32>
func.func @pooling_nwc_min_47(%in0: tensor<1x9x3xf32>, %in1: tensor<3xf32>, %out: tensor<1x7x3xf32>) -> tensor<1x7x3xf32> {
  %0 = linalg.pooling_nwc_min ins(%in0, %in1 : tensor<1x9x3xf32>, tensor<3xf32>) outs(%out : tensor<1x7x3xf32>) -> tensor<1x7x3xf32>
  return %0 : tensor<1x7x3xf32>
}

// CHECK-LABEL: func.func @pooling_nhwc_min_unsigned_48(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map58, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%arg2 : tensor<1x7x7x3xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: f32, %out: i32):
// CHECK-NEXT: %1 = arith.extui %in : i8 to i32
// CHECK-NEXT: %2 = arith.minui %out, %1 : i32
// CHECK-NEXT: linalg.yield %2 : i32
// CHECK-NEXT: } -> tensor<1x7x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x7x3xi32>
func.func @pooling_nhwc_min_unsigned_48(%in0: tensor<1x9x9x3xi8>, %in1: tensor<3x3xf32>, %out: tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32> {
  %0 = linalg.pooling_nhwc_min_unsigned ins(%in0, %in1 : tensor<1x9x9x3xi8>, tensor<3x3xf32>) outs(%out : tensor<1x7x7x3xi32>) -> tensor<1x7x7x3xi32>
  return %0 : tensor<1x7x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nwc_min_unsigned_49(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map48, #map68, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%arg2 : tensor<1x7x3xi32>) {
// CHECK-NEXT: ^bb0(%in: i8, %in_0: f32, %out: i32):
// CHECK-NEXT: %1 = arith.extui %in : i8 to i32
// CHECK-NEXT: %2 = arith.minui %out, %1 : i32
// CHECK-NEXT: linalg.yield %2 : i32
// CHECK-NEXT: } -> tensor<1x7x3xi32>
// CHECK-NEXT: return %0 : tensor<1x7x3xi32>
func.func @pooling_nwc_min_unsigned_49(%in0: tensor<1x9x3xi8>, %in1: tensor<3xf32>, %out: tensor<1x7x3xi32>) -> tensor<1x7x3xi32> {
  %0 = linalg.pooling_nwc_min_unsigned ins(%in0, %in1 : tensor<1x9x3xi8>, tensor<3xf32>) outs(%out : tensor<1x7x3xi32>) -> tensor<1x7x3xi32>
  return %0 : tensor<1x7x3xi32>
}

// CHECK-LABEL: func.func @pooling_nchw_sum_50(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map69, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x3x7x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x3x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7x7xf32>
func.func @pooling_nchw_sum_50(%in0: tensor<1x3x9x9xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32> {
  %0 = linalg.pooling_nchw_sum {strides = dense<1> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%out : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return %0 : tensor<1x3x7x7xf32>
}

// CHECK-LABEL: func.func @pooling_ncw_sum_51(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map70, #map68, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x3x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7xf32>
func.func @pooling_ncw_sum_51(%in0: tensor<1x3x9xf32>, %in1: tensor<3xf32>, %out: tensor<1x3x7xf32>) -> tensor<1x3x7xf32> {
  %0 = linalg.pooling_ncw_sum ins(%in0, %in1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%out : tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
  return %0 : tensor<1x3x7xf32>
}

// CHECK-LABEL: func.func @pooling_nchw_max_52(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map69, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%arg2 : tensor<1x3x7x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.maxf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x3x7x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7x7xf32>
func.func @pooling_nchw_max_52(%in0: tensor<1x3x9x9xf32>, %in1: tensor<3x3xf32>, %out: tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32> {
  %0 = linalg.pooling_nchw_max {strides = dense<1> : tensor<2xi64>} ins(%in0, %in1 : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%out : tensor<1x3x7x7xf32>) -> tensor<1x3x7x7xf32>
  return %0 : tensor<1x3x7x7xf32>
}

// CHECK-LABEL: func.func @pooling_ncw_max_53(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map70, #map68, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%arg2 : tensor<1x3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.maxf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x3x7xf32>
// CHECK-NEXT: return %0 : tensor<1x3x7xf32>
func.func @pooling_ncw_max_53(%in0: tensor<1x3x9xf32>, %in1: tensor<3xf32>, %out: tensor<1x3x7xf32>) -> tensor<1x3x7xf32> {
  %0 = linalg.pooling_ncw_max ins(%in0, %in1 : tensor<1x3x9xf32>, tensor<3xf32>) outs(%out : tensor<1x3x7xf32>) -> tensor<1x3x7xf32>
  return %0 : tensor<1x3x7xf32>
}

// CHECK-LABEL: func.func @pooling_ndhwc_sum_54(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map71, #map72, #map43], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @pooling_ndhwc_sum_54(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.pooling_ndhwc_sum ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @pooling_ndhwc_max_55(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map71, #map72, #map43], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.maxf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @pooling_ndhwc_max_55(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.pooling_ndhwc_max ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @pooling_ndhwc_min_56(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map71, #map72, #map43], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%arg2 : tensor<1x5x5x5x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.minf %out, %in : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<1x5x5x5x3xf32>
// CHECK-NEXT: return %0 : tensor<1x5x5x5x3xf32>
func.func @pooling_ndhwc_min_56(%in0: tensor<1x6x6x6x3xf32>, %in1: tensor<2x2x2xf32>, %out: tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32> {
  %0 = linalg.pooling_ndhwc_min ins(%in0, %in1 : tensor<1x6x6x6x3xf32>, tensor<2x2x2xf32>) outs(%out : tensor<1x5x5x5x3xf32>) -> tensor<1x5x5x5x3xf32>
  return %0 : tensor<1x5x5x5x3xf32>
}

// CHECK-LABEL: func.func @fill_57(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map73, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : f32) outs(%arg1 : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: linalg.yield %in : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @fill_57(%in0: f32, %out: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.fill ins(%in0 : f32) outs(%out : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @fill_58(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map73, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : i32) outs(%arg1 : tensor<4x8xf16>) {
// CHECK-NEXT: ^bb0(%in: i32, %out: f16):
// CHECK-NEXT: %1 = arith.sitofp %in : i32 to f16
// CHECK-NEXT: linalg.yield %1 : f16
// CHECK-NEXT: } -> tensor<4x8xf16>
// CHECK-NEXT: return %0 : tensor<4x8xf16>
func.func @fill_58(%in0: i32, %out: tensor<4x8xf16>) -> tensor<4x8xf16> {
  %0 = linalg.fill ins(%in0 : i32) outs(%out : tensor<4x8xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}

// CHECK-LABEL: func.func @matmul_60(
// CHECK-NEXT: linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : memref<3x5xf32>, memref<5x7xf32>) outs(%arg2 : memref<3x7xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %0 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %1 = arith.addf %out, %0 : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @matmul_60(%in0: memref<3x5xf32>, %in1: memref<5x7xf32>, %out: memref<3x7xf32>) {
  linalg.matmul ins(%in0, %in1 : memref<3x5xf32>, memref<5x7xf32>) outs(%out : memref<3x7xf32>)
  return
}

// CHECK-LABEL: func.func @fill_61(
// CHECK-NEXT: linalg.generic {indexing_maps = [#map73, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : f32) outs(%arg1 : memref<4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: linalg.yield %in : f32
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @fill_61(%in0: f32, %out: memref<4x8xf32>) {
  linalg.fill ins(%in0 : f32) outs(%out : memref<4x8xf32>)
  return
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_62(
// CHECK-NEXT: linalg.generic {indexing_maps = [#map33, #map34, #map35], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %arg1 : memref<1x9x9x3xf32>, memref<3x3x3x8xf32>) outs(%arg2 : memref<1x4x4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %0 = arith.mulf %in, %in_0 : f32
// CHECK-NEXT: %1 = arith.addf %out, %0 : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @conv_2d_nhwc_hwcf_62(%in0: memref<1x9x9x3xf32>, %in1: memref<3x3x3x8xf32>, %out: memref<1x4x4x8xf32>) {
  linalg.conv_2d_nhwc_hwcf {strides = dense<2> : tensor<2xi64>} ins(%in0, %in1 : memref<1x9x9x3xf32>, memref<3x3x3x8xf32>) outs(%out : memref<1x4x4x8xf32>)
  return
}

// CHECK-LABEL: func.func @pooling_nhwc_max_63(
// CHECK-NEXT: linalg.generic {indexing_maps = [#map58, #map67, #map55], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1 : memref<1x9x9x3xf32>, memref<3x3xf32>) outs(%arg2 : memref<1x7x7x3xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %0 = arith.maxf %out, %in : f32
// CHECK-NEXT: linalg.yield %0 : f32
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @pooling_nhwc_max_63(%in0: memref<1x9x9x3xf32>, %in1: memref<3x3xf32>, %out: memref<1x7x7x3xf32>) {
  linalg.pooling_nhwc_max ins(%in0, %in1 : memref<1x9x9x3xf32>, memref<3x3xf32>) outs(%out : memref<1x7x7x3xf32>)
  return
}
