// RUN: tensile-opt %s --canonicalize | FileCheck %s
// TOSA's folds and canonicalization patterns (MLIR 16's TosaCanonicalizations.cpp); the CHECK lines are
// mlir-opt-16 --canonicalize's own output for this file.

// CHECK-LABEL: func.func @add_zero(
// CHECK-NEXT: return %arg0, %arg1 : tensor<2x3xf32>, tensor<2x3xi32>
func.func @add_zero(%x: tensor<2x3xf32>, %i: tensor<2x3xi32>) -> (tensor<2x3xf32>, tensor<2x3xi32>) {
  %z = "tosa.const"() {value = dense<-0.0> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %zi = "tosa.const"() {value = dense<0> : tensor<2x3xi32>} : () -> tensor<2x3xi32>
  %0 = "tosa.add"(%z, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "tosa.add"(%i, %zi) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xi32>
}

// Float x + 0.0 and x - (-0.0) stay: for x = -0.0 they give +0.0. MLIR 16 folds them to x, which is unsound
// (Tensile does not); x + (-0.0) and x - 0.0 fold, above and below.
// CHECK-LABEL: func.func @float_zero_signs(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<0.000000e+00> : tensor<2xf32>} : () -> tensor<2xf32>
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<-0.000000e+00> : tensor<2xf32>} : () -> tensor<2xf32>
// CHECK-NEXT: %2 = "tosa.add"(%arg0, %0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
// CHECK-NEXT: %3 = "tosa.sub"(%arg0, %1) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
// CHECK-NEXT: return %2, %3 : tensor<2xf32>, tensor<2xf32>
func.func @float_zero_signs(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %pz = "tosa.const"() {value = dense<0.0> : tensor<2xf32>} : () -> tensor<2xf32>
  %nz = "tosa.const"() {value = dense<-0.0> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tosa.add"(%x, %pz) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tosa.sub"(%x, %nz) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// CHECK-LABEL: func.func @splat_arith(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<3.375000e+00> : tensor<2xf32>} : () -> tensor<2xf32>
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<-3> : tensor<2xi32>} : () -> tensor<2xi32>
// CHECK-NEXT: %2 = "tosa.const"() {value = dense<-14> : tensor<2xi32>} : () -> tensor<2xi32>
// CHECK-NEXT: %3 = "tosa.const"() {value = dense<9> : tensor<2xi32>} : () -> tensor<2xi32>
// CHECK-NEXT: %4 = "tosa.const"() {value = dense<3.750000e+00> : tensor<2xf32>} : () -> tensor<2xf32>
// CHECK-NEXT: return %4, %3, %2, %1, %0 : tensor<2xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>, tensor<2xf32>
func.func @splat_arith() -> (tensor<2xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>, tensor<2xf32>) {
  %a = "tosa.const"() {value = dense<1.5> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "tosa.const"() {value = dense<2.25> : tensor<2xf32>} : () -> tensor<2xf32>
  %i = "tosa.const"() {value = dense<7> : tensor<2xi32>} : () -> tensor<2xi32>
  %j = "tosa.const"() {value = dense<-2> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tosa.add"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tosa.sub"(%i, %j) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %2 = "tosa.mul"(%i, %j) {shift = 0 : i32} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %3 = "tosa.div"(%i, %j) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %4 = "tosa.mul"(%a, %b) {shift = 0 : i32} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1, %2, %3, %4 : tensor<2xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>, tensor<2xf32>
}

// CHECK-LABEL: func.func @identities(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<0> : tensor<2x3xi32>} : () -> tensor<2x3xi32>
// CHECK-NEXT: return %arg0, %arg1, %arg1, %0, %0 : tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>
func.func @identities(%x: tensor<2x3xf32>, %i: tensor<2x3xi32>) -> (tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>) {
  %zf = "tosa.const"() {value = dense<0.0> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %one = "tosa.const"() {value = dense<1> : tensor<2x3xi32>} : () -> tensor<2x3xi32>
  %four = "tosa.const"() {value = dense<4> : tensor<2x3xi32>} : () -> tensor<2x3xi32>
  %zi = "tosa.const"() {value = dense<0> : tensor<2x3xi32>} : () -> tensor<2x3xi32>
  %0 = "tosa.sub"(%x, %zf) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "tosa.div"(%i, %one) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %2 = "tosa.mul"(%i, %four) {shift = 2 : i32} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %3 = "tosa.mul"(%zi, %i) {shift = 0 : i32} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %4 = "tosa.div"(%zi, %i) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0, %1, %2, %3, %4 : tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>
}

// CHECK-LABEL: func.func @comparisons(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<true> : tensor<3xi1>} : () -> tensor<3xi1>
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<false> : tensor<3xi1>} : () -> tensor<3xi1>
// CHECK-NEXT: return %0, %0, %1, %0 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
func.func @comparisons(%i: tensor<3xi32>) -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %a = "tosa.const"() {value = dense<2.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %b = "tosa.const"() {value = dense<3.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "tosa.equal"(%i, %i) : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %1 = "tosa.greater"(%b, %a) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %2 = "tosa.greater_equal"(%a, %b) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %3 = "tosa.equal"(%a, %a) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return %0, %1, %2, %3 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// CHECK-LABEL: func.func @casts(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<44> : tensor<4xi8>} : () -> tensor<4xi8>
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<2> : tensor<4xi32>} : () -> tensor<4xi32>
// CHECK-NEXT: %2 = "tosa.const"() {value = dense<2.500000e+00> : tensor<4xf16>} : () -> tensor<4xf16>
// CHECK-NEXT: return %arg0, %2, %1, %0 : tensor<4xf32>, tensor<4xf16>, tensor<4xi32>, tensor<4xi8>
func.func @casts(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf16>, tensor<4xi32>, tensor<4xi8>) {
  %c = "tosa.const"() {value = dense<2.5> : tensor<4xf32>} : () -> tensor<4xf32>
  %i = "tosa.const"() {value = dense<300> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tosa.cast"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "tosa.cast"(%c) : (tensor<4xf32>) -> tensor<4xf16>
  %2 = "tosa.cast"(%c) : (tensor<4xf32>) -> tensor<4xi32>
  %3 = "tosa.cast"(%i) : (tensor<4xi32>) -> tensor<4xi8>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf16>, tensor<4xi32>, tensor<4xi8>
}

// CHECK-LABEL: func.func @reductions(
// CHECK-NEXT: return %arg0, %arg0, %arg1 : tensor<2x1x3xf32>, tensor<2x1x3xf32>, tensor<1x3xi1>
func.func @reductions(%x: tensor<2x1x3xf32>, %p: tensor<1x3xi1>) -> (tensor<2x1x3xf32>, tensor<2x1x3xf32>, tensor<1x3xi1>) {
  %0 = "tosa.reduce_sum"(%x) {axis = 1 : i64} : (tensor<2x1x3xf32>) -> tensor<2x1x3xf32>
  %1 = "tosa.reduce_max"(%x) {axis = 1 : i64} : (tensor<2x1x3xf32>) -> tensor<2x1x3xf32>
  %2 = "tosa.reduce_any"(%p) {axis = 0 : i64} : (tensor<1x3xi1>) -> tensor<1x3xi1>
  return %0, %1, %2 : tensor<2x1x3xf32>, tensor<2x1x3xf32>, tensor<1x3xi1>
}

// CHECK-LABEL: func.func @more_reductions(
// CHECK-NEXT: return %arg0, %arg0, %arg1 : tensor<1x3xi32>, tensor<1x3xi32>, tensor<1x3xi1>
func.func @more_reductions(%x: tensor<1x3xi32>, %p: tensor<1x3xi1>) -> (tensor<1x3xi32>, tensor<1x3xi32>, tensor<1x3xi1>) {
  %0 = "tosa.reduce_min"(%x) {axis = 0 : i64} : (tensor<1x3xi32>) -> tensor<1x3xi32>
  %1 = "tosa.reduce_prod"(%x) {axis = 0 : i64} : (tensor<1x3xi32>) -> tensor<1x3xi32>
  %2 = "tosa.reduce_all"(%p) {axis = 0 : i64} : (tensor<1x3xi1>) -> tensor<1x3xi1>
  return %0, %1, %2 : tensor<1x3xi32>, tensor<1x3xi32>, tensor<1x3xi1>
}

// CHECK-LABEL: func.func @layout(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<4.000000e+00> : tensor<3x2xf32>} : () -> tensor<3x2xf32>
// CHECK-NEXT: return %arg0, %0, %arg0, %arg0, %arg0, %arg1, %arg2, %arg0 : tensor<2x3xf32>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<1x3xf32>, tensor<1x4x4x2xf32>, tensor<2x3xf32>
func.func @layout(%x: tensor<2x3xf32>, %y: tensor<1x3xf32>, %img: tensor<1x4x4x2xf32>) -> (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<1x3xf32>, tensor<1x4x4x2xf32>, tensor<2x3xf32>) {
  %0 = "tosa.reshape"(%x) {new_shape = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %s = "tosa.const"() {value = dense<4.0> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %1 = "tosa.reshape"(%s) {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %2 = "tosa.slice"(%x) {size = array<i64: 2, 3>, start = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "tosa.tile"(%x) {multiples = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %id = "tosa.const"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %4 = "tosa.transpose"(%x, %id) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  %5 = "tosa.reverse"(%y) {axis = 0 : i64} : (tensor<1x3xf32>) -> tensor<1x3xf32>
  %6 = "tosa.resize"(%img) {border = array<i64: 0, 0>, mode = "NEAREST_NEIGHBOR", offset = array<i64: 0, 0>, scale = array<i64: 2, 2, 3, 3>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  %zp = "tosa.const"() {value = dense<0> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %7 = "tosa.pad"(%x, %zp) : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x3xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2x3xf32>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<1x3xf32>, tensor<1x4x4x2xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @constant_layout(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<4.000000e+00> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<6> : tensor<1x1xi32>} : () -> tensor<1x1xi32>
// CHECK-NEXT: %2 = "tosa.const"() {value = dense<4.000000e+00> : tensor<2xf32>} : () -> tensor<2xf32>
// CHECK-NEXT: %3 = "tosa.const"() {value = dense<4.000000e+00> : tensor<3x2xf32>} : () -> tensor<3x2xf32>
// CHECK-NEXT: return %3, %2, %1, %0 : tensor<3x2xf32>, tensor<2xf32>, tensor<1x1xi32>, tensor<2x3xf32>
func.func @constant_layout() -> (tensor<3x2xf32>, tensor<2xf32>, tensor<1x1xi32>, tensor<2x3xf32>) {
  %s = "tosa.const"() {value = dense<4.0> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %p = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tosa.transpose"(%s, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  %v = "tosa.const"() {value = dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>} : () -> tensor<1x3xf32>
  %1 = "tosa.slice"(%s) {size = array<i64: 1, 2>, start = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<1x2xf32>
  %r1 = "tosa.reshape"(%1) {new_shape = array<i64: 2>} : (tensor<1x2xf32>) -> tensor<2xf32>
  %c = "tosa.const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>} : () -> tensor<2x3xi32>
  %2 = "tosa.slice"(%c) {size = array<i64: 1, 1>, start = array<i64: 1, 2>} : (tensor<2x3xi32>) -> tensor<1x1xi32>
  %3 = "tosa.reverse"(%s) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %r1, %2, %3 : tensor<3x2xf32>, tensor<2xf32>, tensor<1x1xi32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @selects(
// CHECK-NEXT: return %arg0, %arg0, %arg1 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
func.func @selects(%a: tensor<3xf32>, %b: tensor<3xf32>, %p: tensor<3xi1>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %t = "tosa.const"() {value = dense<true> : tensor<3xi1>} : () -> tensor<3xi1>
  %f = "tosa.const"() {value = dense<false> : tensor<3xi1>} : () -> tensor<3xi1>
  %0 = "tosa.select"(%p, %a, %a) : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = "tosa.select"(%t, %a, %b) : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %2 = "tosa.select"(%f, %a, %b) : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// CHECK-LABEL: func.func @concat_of_one(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @concat_of_one(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "tosa.concat"(%x) {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @reshape_of_reshape(
// CHECK-NEXT: %0 = "tosa.reshape"(%arg0) {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: return %0 : tensor<3x2xf32>
func.func @reshape_of_reshape(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = "tosa.reshape"(%x) {new_shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>
  %1 = "tosa.reshape"(%0) {new_shape = array<i64: 3, 2>} : (tensor<6xf32>) -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @reshape_of_const(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
// CHECK-NEXT: return %0 : tensor<2x2xi32>
func.func @reshape_of_const() -> tensor<2x2xi32> {
  %c = "tosa.const"() {value = dense<[1, 2, 3, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tosa.reshape"(%c) {new_shape = array<i64: 2, 2>} : (tensor<4xi32>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// CHECK-LABEL: func.func @select_of_not(
// CHECK-NEXT: %0 = "tosa.select"(%arg0, %arg2, %arg1) : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %0 : tensor<3xf32>
func.func @select_of_not(%p: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %n = "tosa.logical_not"(%p) : (tensor<3xi1>) -> tensor<3xi1>
  %0 = "tosa.select"(%n, %a, %b) : (tensor<3xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @transpose_of_transpose(
// CHECK-NEXT: %cst = arith.constant dense<[2, 0, 1]> : tensor<3xi32>
// CHECK-NEXT: %0 = "tosa.transpose"(%arg0, %cst) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: return %0 : tensor<4x2x3xf32>
func.func @transpose_of_transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %p = "tosa.const"() {value = dense<[1, 2, 0]> : tensor<3xi32>} : () -> tensor<3xi32>
  %0 = "tosa.transpose"(%x, %p) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<3x4x2xf32>
  %1 = "tosa.transpose"(%0, %p) : (tensor<3x4x2xf32>, tensor<3xi32>) -> tensor<4x2x3xf32>
  return %1 : tensor<4x2x3xf32>
}

// CHECK-LABEL: func.func @transpose_is_reshape(
// CHECK-NEXT: %0 = "tosa.reshape"(%arg0) {new_shape = array<i64: 5, 1>} : (tensor<1x5xf32>) -> tensor<5x1xf32>
// CHECK-NEXT: return %0 : tensor<5x1xf32>
func.func @transpose_is_reshape(%x: tensor<1x5xf32>) -> tensor<5x1xf32> {
  %p = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tosa.transpose"(%x, %p) : (tensor<1x5xf32>, tensor<2xi32>) -> tensor<5x1xf32>
  return %0 : tensor<5x1xf32>
}

// CHECK-LABEL: func.func @add_broadcast_zero(
// CHECK-NEXT: return %arg0 : tensor<2x3xi32>
func.func @add_broadcast_zero(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %z = "tosa.const"() {value = dense<0> : tensor<1x3xi32>} : () -> tensor<1x3xi32>
  %0 = "tosa.add"(%z, %x) : (tensor<1x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// CHECK-LABEL: func.func @mul_broadcast_one(
// CHECK-NEXT: return %arg0, %arg1 : tensor<4xf32>, tensor<2x2xi8>
func.func @mul_broadcast_one(%x: tensor<4xf32>, %i: tensor<2x2xi8>) -> (tensor<4xf32>, tensor<2x2xi8>) {
  %one = "tosa.const"() {value = dense<1.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %onei = "tosa.const"() {value = dense<1> : tensor<1x2xi8>} : () -> tensor<1x2xi8>
  %0 = "tosa.mul"(%x, %one) {shift = 0 : i32} : (tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  %1 = "tosa.mul"(%onei, %i) {shift = 0 : i32} : (tensor<1x2xi8>, tensor<2x2xi8>) -> tensor<2x2xi8>
  return %0, %1 : tensor<4xf32>, tensor<2x2xi8>
}

// CHECK-LABEL: func.func @pad_value(
// CHECK-NEXT: %0 = "tosa.const"() {value = dense<3> : tensor<i8>} : () -> tensor<i8>
// CHECK-NEXT: %1 = "tosa.const"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
// CHECK-NEXT: %2 = "tosa.pad"(%arg0, %arg2, %1) : (tensor<2xf32>, tensor<1x2xi32>, tensor<f32>) -> tensor<?xf32>
// CHECK-NEXT: %3 = "tosa.pad"(%arg1, %arg2, %0) {quantization_info = #tosa.pad_quant<input_zp = 3>} : (tensor<2xi8>, tensor<1x2xi32>, tensor<i8>) -> tensor<?xi8>
// CHECK-NEXT: return %2, %3 : tensor<?xf32>, tensor<?xi8>
func.func @pad_value(%x: tensor<2xf32>, %i: tensor<2xi8>, %p: tensor<1x2xi32>) -> (tensor<?xf32>, tensor<?xi8>) {
  %0 = "tosa.pad"(%x, %p) : (tensor<2xf32>, tensor<1x2xi32>) -> tensor<?xf32>
  %1 = "tosa.pad"(%i, %p) {quantization_info = #tosa.pad_quant<input_zp = 3>} : (tensor<2xi8>, tensor<1x2xi32>) -> tensor<?xi8>
  return %0, %1 : tensor<?xf32>, tensor<?xi8>
}

// CHECK-LABEL: func.func @max_pool_noop(
// CHECK-NEXT: return %arg0 : tensor<2x1x1x3xf32>
func.func @max_pool_noop(%x: tensor<2x1x1x3xf32>) -> tensor<2x1x1x3xf32> {
  %0 = "tosa.max_pool2d"(%x) {kernel = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<2x1x1x3xf32>) -> tensor<2x1x1x3xf32>
  return %0 : tensor<2x1x1x3xf32>
}

// CHECK-LABEL: func.func @clamp_noop(
// CHECK-NEXT: return %arg0, %arg1, %arg2 : tensor<3xf32>, tensor<3xi8>, tensor<3xui8>
func.func @clamp_noop(%x: tensor<3xf32>, %i: tensor<3xi8>, %u: tensor<3xui8>) -> (tensor<3xf32>, tensor<3xi8>, tensor<3xui8>) {
  %0 = "tosa.clamp"(%x) {max_fp = 0x7F800000 : f32, max_int = 0 : i64, min_fp = 0xFF800000 : f32, min_int = 0 : i64} : (tensor<3xf32>) -> tensor<3xf32>
  %1 = "tosa.clamp"(%i) {max_fp = 0.0 : f32, max_int = 127 : i64, min_fp = 0.0 : f32, min_int = -128 : i64} : (tensor<3xi8>) -> tensor<3xi8>
  %2 = "tosa.clamp"(%u) {max_fp = 0.0 : f32, max_int = 255 : i64, min_fp = 0.0 : f32, min_int = 0 : i64} : (tensor<3xui8>) -> tensor<3xui8>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xi8>, tensor<3xui8>
}

// CHECK-LABEL: func.func @clamp_of_clamp(
// CHECK-NEXT: %0 = "tosa.clamp"(%arg0) {max_fp = 4.000000e+00 : f32, max_int = 4 : i64, min_fp = 0.000000e+00 : f32, min_int = 1 : i64} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %0 : tensor<4xf32>
func.func @clamp_of_clamp(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tosa.clamp"(%x) {max_fp = 6.0 : f32, max_int = 6 : i64, min_fp = 0.0 : f32, min_int = 0 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "tosa.clamp"(%0) {max_fp = 4.0 : f32, max_int = 4 : i64, min_fp = -1.0 : f32, min_int = 1 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
