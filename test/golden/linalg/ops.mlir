// RUN: tensile-opt %s | FileCheck %s
// RUN: tensile-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// linalg.generic, map, reduce, transpose, broadcast, index and yield in MLIR 16's custom form (short and long forms, tensors and memrefs). The CHECK lines are mlir-opt-16's output.

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
#sc = affine_map<(d0, d1) -> ()>

// CHECK-LABEL: func.func @generic_add(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<4x8xf32>, tensor<4x8xf32>) outs(%arg2 : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %in_0: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %in, %in_0 : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8xf32>
func.func @generic_add(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>, %init: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @generic_reduce_rows(
// CHECK-NEXT: %0 = linalg.generic {doc = "row sums", indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"], library_call = "row_sum"} ins(%arg0 : tensor<4x8xf32>) outs(%arg1 : tensor<4xf32>) attrs =  {other = 3 : i32, tag = "keep"} {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %1 = arith.addf %in, %out : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %0 : tensor<4xf32>
func.func @generic_reduce_rows(%a: tensor<4x8xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.generic {doc = "row sums", library_call = "row_sum", indexing_maps = [#id2, #row], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x8xf32>) outs(%init : tensor<4xf32>) attrs = {tag = "keep", other = 3 : i32} {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @generic_index_and_scalar(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%arg0 : f32) outs(%arg1 : tensor<3x5xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %1 = linalg.index 0 : index
// CHECK-NEXT: %2 = linalg.index 1 : index
// CHECK-NEXT: %3 = arith.addi %1, %2 : index
// CHECK-NEXT: %4 = arith.index_cast %3 : index to i32
// CHECK-NEXT: %5 = arith.sitofp %4 : i32 to f32
// CHECK-NEXT: %6 = arith.mulf %5, %in : f32
// CHECK-NEXT: linalg.yield %6 : f32
// CHECK-NEXT: } -> tensor<3x5xf32>
// CHECK-NEXT: return %0 : tensor<3x5xf32>
func.func @generic_index_and_scalar(%s: f32, %init: tensor<3x5xf32>) -> tensor<3x5xf32> {
  %0 = linalg.generic {indexing_maps = [#sc, #tr], iterator_types = ["parallel", "parallel"]} ins(%s : f32) outs(%init : tensor<3x5xf32>) {
  ^bb0(%x: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = arith.addi %i, %j : index
    %c = arith.index_cast %k : index to i32
    %f = arith.sitofp %c : i32 to f32
    %r = arith.mulf %f, %x : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// CHECK-LABEL: func.func @generic_two_results(
// CHECK-NEXT: %0:2 = linalg.generic {indexing_maps = [#map4, #map4, #map4], iterator_types = ["parallel"]} ins(%arg0 : tensor<6xi32>) outs(%arg1, %arg2 : tensor<6xi32>, tensor<6xi64>) {
// CHECK-NEXT: ^bb0(%in: i32, %out: i32, %out_0: i64):
// CHECK-NEXT: %1 = arith.extsi %in : i32 to i64
// CHECK-NEXT: linalg.yield %in, %1 : i32, i64
// CHECK-NEXT: } -> (tensor<6xi32>, tensor<6xi64>)
// CHECK-NEXT: return %0#0, %0#1 : tensor<6xi32>, tensor<6xi64>
func.func @generic_two_results(%a: tensor<6xi32>, %i0: tensor<6xi32>, %i1: tensor<6xi64>) -> (tensor<6xi32>, tensor<6xi64>) {
  %0:2 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<6xi32>) outs(%i0, %i1 : tensor<6xi32>, tensor<6xi64>) {
  ^bb0(%x: i32, %o0: i32, %o1: i64):
    %w = arith.extsi %x : i32 to i64
    linalg.yield %x, %w : i32, i64
  } -> (tensor<6xi32>, tensor<6xi64>)
  return %0#0, %0#1 : tensor<6xi32>, tensor<6xi64>
}

// CHECK-LABEL: func.func @generic_memref(
// CHECK-NEXT: linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["parallel", "parallel"]} ins(%arg0 : memref<4x8xf32>) outs(%arg1 : memref<8x4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: linalg.yield %in : f32
func.func @generic_memref(%a: memref<4x8xf32>, %out: memref<8x4xf32>) {
  linalg.generic {indexing_maps = [#id2, #tr], iterator_types = ["parallel", "parallel"]} ins(%a : memref<4x8xf32>) outs(%out : memref<8x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  }
  return
}

// CHECK-LABEL: func.func @generic_nested(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map4, #map4], iterator_types = ["parallel"]} ins(%arg0 : tensor<4xf32>) outs(%arg1 : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %2 = arith.negf %in : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: %1 = linalg.generic {indexing_maps = [#map4, #map4], iterator_types = ["parallel"]} ins(%0 : tensor<4xf32>) outs(%arg1 : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %2 = arith.maxf %in, %out : f32
// CHECK-NEXT: linalg.yield %2 : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %1 : tensor<4xf32>
func.func @generic_nested(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32
  } -> tensor<4xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%0 : tensor<4xf32>) outs(%b : tensor<4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %m = arith.maxf %x, %o : f32
    linalg.yield %m : f32
  } -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// CHECK-LABEL: func.func @map_short(
// CHECK-NEXT: %mapped = linalg.map { arith.addf } ins(%arg0, %arg1 : tensor<4x8xf32>, tensor<4x8xf32>) outs(%arg2 : tensor<4x8xf32>)
// CHECK-NEXT: %mapped_0 = linalg.map { arith.mulf {fastmath = #arith.fastmath<fast>} } ins(%mapped, %arg1 : tensor<4x8xf32>, tensor<4x8xf32>) outs(%arg2 : tensor<4x8xf32>)
// CHECK-NEXT: %mapped_1 = linalg.map { math.absf } ins(%mapped_0 : tensor<4x8xf32>) outs(%arg2 : tensor<4x8xf32>) {tag}
// CHECK-NEXT: return %mapped_1 : tensor<4x8xf32>
func.func @map_short(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>, %init: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.map { arith.addf } ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
  %1 = linalg.map { arith.mulf {fastmath = #arith.fastmath<fast>} } ins(%0, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
  %2 = linalg.map { math.absf } ins(%1 : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) {tag}
  return %2 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @map_long(
// CHECK-NEXT: %mapped = linalg.map ins(%arg0 : tensor<4xi32>) outs(%arg1 : tensor<4xi32>)
// CHECK-NEXT: (%in: i32) {
// CHECK-NEXT: %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT: %0 = arith.muli %in, %c3_i32 : i32
// CHECK-NEXT: linalg.yield %0 : i32
func.func @map_long(%a: tensor<4xi32>, %init: tensor<4xi32>, %m: memref<4xi32>) -> tensor<4xi32> {
  %0 = linalg.map ins(%a : tensor<4xi32>) outs(%init : tensor<4xi32>)
    (%x: i32) {
      %c = arith.constant 3 : i32
      %y = arith.muli %x, %c : i32
      linalg.yield %y : i32
    }
  linalg.map ins(%0, %0 : tensor<4xi32>, tensor<4xi32>) outs(%m : memref<4xi32>)
    (%x: i32, %y: i32) {
      %s = arith.subi %y, %x : i32
      linalg.yield %s : i32
    }
  return %0 : tensor<4xi32>
}

// CHECK-LABEL: func.func @reduce_short(
// CHECK-NEXT: %reduced = linalg.reduce { arith.maxf } ins(%arg0 : tensor<4x8x3xf32>) outs(%arg1 : tensor<8xf32>) dimensions = [0, 2]
// CHECK-NEXT: return %reduced : tensor<8xf32>
func.func @reduce_short(%a: tensor<4x8x3xf32>, %init: tensor<8xf32>) -> tensor<8xf32> {
  %0 = linalg.reduce { arith.maxf } ins(%a : tensor<4x8x3xf32>) outs(%init : tensor<8xf32>) dimensions = [0, 2]
  return %0 : tensor<8xf32>
}

// CHECK-LABEL: func.func @reduce_long(
// CHECK-NEXT: %reduced:2 = linalg.reduce ins(%arg0, %arg1 : tensor<4x8xi32>, tensor<4x8xi32>) outs(%arg2, %arg3 : tensor<4xi32>, tensor<4xi32>) dimensions = [1]  {tag = 1 : i64}
// CHECK-NEXT: (%in: i32, %in_0: i32, %init: i32, %init_1: i32) {
// CHECK-NEXT: %0 = arith.addi %in, %init : i32
// CHECK-NEXT: %1 = arith.maxsi %in_0, %init_1 : i32
// CHECK-NEXT: linalg.yield %0, %1 : i32, i32
func.func @reduce_long(%a: tensor<4x8xi32>, %b: tensor<4x8xi32>, %i0: tensor<4xi32>, %i1: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>) {
  %0:2 = linalg.reduce ins(%a, %b : tensor<4x8xi32>, tensor<4x8xi32>) outs(%i0, %i1 : tensor<4xi32>, tensor<4xi32>) dimensions = [1] {tag = 1 : i64}
    (%x: i32, %y: i32, %s0: i32, %s1: i32) {
      %t0 = arith.addi %x, %s0 : i32
      %t1 = arith.maxsi %y, %s1 : i32
      linalg.yield %t0, %t1 : i32, i32
    }
  return %0#0, %0#1 : tensor<4xi32>, tensor<4xi32>
}

// CHECK-LABEL: func.func @reduce_memref(
// CHECK-NEXT: linalg.reduce { arith.addf } ins(%arg0 : memref<4x8xf32>) outs(%arg1 : memref<4xf32>) dimensions = [1]
// CHECK-NEXT: return
func.func @reduce_memref(%a: memref<4x8xf32>, %init: memref<4xf32>) {
  linalg.reduce { arith.addf } ins(%a : memref<4x8xf32>) outs(%init : memref<4xf32>) dimensions = [1]
  return
}

// CHECK-LABEL: func.func @transpose(
// CHECK-NEXT: %transposed = linalg.transpose ins(%arg0 : tensor<2x3x5xf32>) outs(%arg1 : tensor<5x2x3xf32>) permutation = [2, 0, 1]
// CHECK-NEXT: linalg.transpose ins(%arg2 : memref<2x3xi8>) outs(%arg3 : memref<3x2xi8>) permutation = [1, 0]  {tag}
// CHECK-NEXT: return %transposed : tensor<5x2x3xf32>
func.func @transpose(%a: tensor<2x3x5xf32>, %init: tensor<5x2x3xf32>, %m: memref<2x3xi8>, %mi: memref<3x2xi8>) -> tensor<5x2x3xf32> {
  %0 = linalg.transpose ins(%a : tensor<2x3x5xf32>) outs(%init : tensor<5x2x3xf32>) permutation = [2, 0, 1]
  linalg.transpose ins(%m : memref<2x3xi8>) outs(%mi : memref<3x2xi8>) permutation = [1, 0] {tag}
  return %0 : tensor<5x2x3xf32>
}

// CHECK-LABEL: func.func @broadcast(
// CHECK-NEXT: %broadcasted = linalg.broadcast ins(%arg0 : tensor<3xf32>) outs(%arg1 : tensor<2x3x5xf32>) dimensions = [0, 2]
// CHECK-NEXT: linalg.broadcast ins(%arg2 : memref<f64>) outs(%arg3 : memref<7xf64>) dimensions = [0]
// CHECK-NEXT: return %broadcasted : tensor<2x3x5xf32>
func.func @broadcast(%a: tensor<3xf32>, %init: tensor<2x3x5xf32>, %m: memref<f64>, %mi: memref<7xf64>) -> tensor<2x3x5xf32> {
  %0 = linalg.broadcast ins(%a : tensor<3xf32>) outs(%init : tensor<2x3x5xf32>) dimensions = [0, 2]
  linalg.broadcast ins(%m : memref<f64>) outs(%mi : memref<7xf64>) dimensions = [0]
  return %0 : tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @dynamic(
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<?x8xf32>) outs(%arg1 : tensor<?x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: linalg.yield %in : f32
// CHECK-NEXT: } -> tensor<?x8xf32>
// CHECK-NEXT: %mapped = linalg.map { arith.negf } ins(%0 : tensor<?x8xf32>) outs(%arg1 : tensor<?x8xf32>)
// CHECK-NEXT: return %mapped : tensor<?x8xf32>
func.func @dynamic(%a: tensor<?x8xf32>, %init: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %0 = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<?x8xf32>) outs(%init : tensor<?x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  } -> tensor<?x8xf32>
  %1 = linalg.map { arith.negf } ins(%0 : tensor<?x8xf32>) outs(%init : tensor<?x8xf32>)
  return %1 : tensor<?x8xf32>
}

// The implicit regions, as mlir-opt-16 --mlir-print-op-generic prints them.
// GENERIC: %0 = "linalg.generic"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %1 = "arith.addf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {indexing_maps = [#map, #map, #map], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operand_segment_sizes = array<i32: 2, 1>} : (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC: %0 = "linalg.generic"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: %1 = "arith.addf"(%arg2, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {doc = "row sums", indexing_maps = [#map, #map1], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], library_call = "row_sum", operand_segment_sizes = array<i32: 1, 1>, other = 3 : i32, tag = "keep"} : (tensor<4x8xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC: %0 = "linalg.generic"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: %1 = "linalg.index"() {dim = 0 : i64} : () -> index
// GENERIC-NEXT: %2 = "linalg.index"() {dim = 1 : i64} : () -> index
// GENERIC-NEXT: %3 = "arith.addi"(%1, %2) : (index, index) -> index
// GENERIC-NEXT: %4 = "arith.index_cast"(%3) : (index) -> i32
// GENERIC-NEXT: %5 = "arith.sitofp"(%4) : (i32) -> f32
// GENERIC-NEXT: %6 = "arith.mulf"(%5, %arg2) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%6) : (f32) -> ()
// GENERIC-NEXT: }) {indexing_maps = [#map2, #map3], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operand_segment_sizes = array<i32: 1, 1>} : (f32, tensor<3x5xf32>) -> tensor<3x5xf32>
// GENERIC: "linalg.yield"(%arg3, %1) : (i32, i64) -> ()
// GENERIC-NEXT: }) {indexing_maps = [#map4, #map4, #map4], iterator_types = [#linalg.iterator_type<parallel>], operand_segment_sizes = array<i32: 1, 2>} : (tensor<6xi32>, tensor<6xi32>, tensor<6xi64>) -> (tensor<6xi32>, tensor<6xi64>)
// GENERIC: "linalg.generic"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: "linalg.yield"(%arg2) : (f32) -> ()
// GENERIC-NEXT: }) {indexing_maps = [#map, #map3], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operand_segment_sizes = array<i32: 1, 1>} : (memref<4x8xf32>, memref<8x4xf32>) -> ()
// GENERIC: %0 = "linalg.generic"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: %2 = "arith.negf"(%arg2) {fastmath = #arith.fastmath<none>} : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {indexing_maps = [#map4, #map4], iterator_types = [#linalg.iterator_type<parallel>], operand_segment_sizes = array<i32: 1, 1>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC: %1 = "linalg.generic"(%0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: %2 = "arith.maxf"(%arg2, %arg3) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) {indexing_maps = [#map4, #map4], iterator_types = [#linalg.iterator_type<parallel>], operand_segment_sizes = array<i32: 1, 1>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC: %0 = "linalg.map"(%arg0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32):
// GENERIC-NEXT: %3 = "arith.addf"(%arg3, %arg4) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%3) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC: %1 = "linalg.map"(%0, %arg1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32):
// GENERIC-NEXT: %3 = "arith.mulf"(%arg3, %arg4) {fastmath = #arith.fastmath<fast>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%3) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC: %2 = "linalg.map"(%1, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: f32):
// GENERIC-NEXT: %3 = "math.absf"(%arg3) {fastmath = #arith.fastmath<none>} : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%3) : (f32) -> ()
// GENERIC-NEXT: }) {tag} : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC: %0 = "linalg.map"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg3: i32):
// GENERIC-NEXT: %1 = "arith.constant"() {value = 3 : i32} : () -> i32
// GENERIC-NEXT: %2 = "arith.muli"(%arg3, %1) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%2) : (i32) -> ()
// GENERIC-NEXT: }) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// GENERIC: "linalg.map"(%0, %0, %arg2) ({
// GENERIC-NEXT: ^bb0(%arg3: i32, %arg4: i32):
// GENERIC-NEXT: %1 = "arith.subi"(%arg4, %arg3) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%1) : (i32) -> ()
// GENERIC-NEXT: }) : (tensor<4xi32>, tensor<4xi32>, memref<4xi32>) -> ()
// GENERIC: %0 = "linalg.reduce"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: %1 = "arith.maxf"(%arg3, %arg2) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%1) : (f32) -> ()
// GENERIC-NEXT: }) {dimensions = array<i64: 0, 2>} : (tensor<4x8x3xf32>, tensor<8xf32>) -> tensor<8xf32>
// GENERIC: "linalg.yield"(%1, %2) : (i32, i32) -> ()
// GENERIC-NEXT: }) {dimensions = array<i64: 1>, tag = 1 : i64} : (tensor<4x8xi32>, tensor<4x8xi32>, tensor<4xi32>, tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>)
// GENERIC: "linalg.reduce"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: %0 = "arith.addf"(%arg3, %arg2) {fastmath = #arith.fastmath<none>} : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%0) : (f32) -> ()
// GENERIC-NEXT: }) {dimensions = array<i64: 1>} : (memref<4x8xf32>, memref<4xf32>) -> ()
// GENERIC: %0 = "linalg.transpose"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg4: f32, %arg5: f32):
// GENERIC-NEXT: "linalg.yield"(%arg4) : (f32) -> ()
// GENERIC-NEXT: }) {permutation = array<i64: 2, 0, 1>} : (tensor<2x3x5xf32>, tensor<5x2x3xf32>) -> tensor<5x2x3xf32>
// GENERIC: "linalg.transpose"(%arg2, %arg3) ({
// GENERIC-NEXT: ^bb0(%arg4: i8, %arg5: i8):
// GENERIC-NEXT: "linalg.yield"(%arg4) : (i8) -> ()
// GENERIC-NEXT: }) {permutation = array<i64: 1, 0>, tag} : (memref<2x3xi8>, memref<3x2xi8>) -> ()
// GENERIC: %0 = "linalg.broadcast"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg4: f32, %arg5: f32):
// GENERIC-NEXT: "linalg.yield"(%arg4) : (f32) -> ()
// GENERIC-NEXT: }) {dimensions = array<i64: 0, 2>} : (tensor<3xf32>, tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
// GENERIC: "linalg.broadcast"(%arg2, %arg3) ({
// GENERIC-NEXT: ^bb0(%arg4: f64, %arg5: f64):
// GENERIC-NEXT: "linalg.yield"(%arg4) : (f64) -> ()
// GENERIC-NEXT: }) {dimensions = array<i64: 0>} : (memref<f64>, memref<7xf64>) -> ()
// GENERIC: %0 = "linalg.generic"(%arg0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32, %arg3: f32):
// GENERIC-NEXT: "linalg.yield"(%arg2) : (f32) -> ()
// GENERIC-NEXT: }) {indexing_maps = [#map, #map], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operand_segment_sizes = array<i32: 1, 1>} : (tensor<?x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
// GENERIC: %1 = "linalg.map"(%0, %arg1) ({
// GENERIC-NEXT: ^bb0(%arg2: f32):
// GENERIC-NEXT: %2 = "arith.negf"(%arg2) {fastmath = #arith.fastmath<none>} : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%2) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<?x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
