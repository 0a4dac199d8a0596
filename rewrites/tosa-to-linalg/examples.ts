/**
 * Examples of TOSA ops the random program generator (gen-tosa) does not make by itself, in examples.ts's hole
 * syntax, so that property tests of the TOSA lowerings see every pattern fire: divisions, shifts and
 * integer multiplications with a shift, with constant operands where a random one would be undefined
 * behaviour (a zero divisor, a shift by the width or more).
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

export const tosaLoweringExamples: readonly RewriteExample[] = [
  `^bb0(%x: tensor<3x4xi32>):
  %d = "tosa.const"() {value = dense<?{3|-2|7}> : tensor<1x4xi32>} : () -> tensor<1x4xi32>
  %q = "tosa.div"(%x, %d) : (tensor<3x4xi32>, tensor<1x4xi32>) -> tensor<3x4xi32>`,
  `^bb0(%x: tensor<2x3x$I>):
  %s = "tosa.const"() {value = dense<?{0|1|3}> : tensor<2x3x$I>} : () -> tensor<2x3x$I>
  %l = "tosa.logical_left_shift"(%x, %s) : (tensor<2x3x$I>, tensor<2x3x$I>) -> tensor<2x3x$I>
  %r = "tosa.logical_right_shift"(%x, %s) : (tensor<2x3x$I>, tensor<2x3x$I>) -> tensor<2x3x$I>
  %n = "tosa.bitwise_not"(%r) : (tensor<2x3x$I>) -> tensor<2x3x$I>
  %a = "tosa.arithmetic_right_shift"(%x, %s) {round = ?{true|false}} : (tensor<2x3x$I>, tensor<2x3x$I>) -> tensor<2x3x$I>`,
  `^bb0(%x: tensor<4xi1>, %y: tensor<4xi1>):
  %a = "tosa.logical_and"(%x, %y) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %all = "tosa.reduce_all"(%a) {axis = 0 : i64} : (tensor<4xi1>) -> tensor<1xi1>
  %any = "tosa.reduce_any"(%y) {axis = 0 : i64} : (tensor<4xi1>) -> tensor<1xi1>`,
  `^bb0(%x: tensor<2x2xi32>, %y: tensor<2x2xi32>):
  %m = "tosa.mul"(%x, %y) {shift = 0 : i32} : (tensor<2x2xi32>, tensor<2x2xi32>) -> tensor<2x2xi32>
  %p = "tosa.reduce_prod"(%m) {axis = 1 : i64} : (tensor<2x2xi32>) -> tensor<2x1xi32>`,
  `^bb0(%x: tensor<2x3x$F>, %y: tensor<3x$F>):
  %a = "tosa.floor"(%x) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %b = "tosa.log"(%a) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %c = "tosa.rsqrt"(%y) : (tensor<3x$F>) -> tensor<3x$F>
  %d = "tosa.sigmoid"(%x) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %e = "tosa.tanh"(%d) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %f = "tosa.exp"(%c) : (tensor<3x$F>) -> tensor<3x$F>
  %g = "tosa.reciprocal"(%b) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %h = "tosa.ceil"(%e) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %i = "tosa.minimum"(%g, %f) : (tensor<2x3x$F>, tensor<3x$F>) -> tensor<2x3x$F>
  %j = "tosa.reduce_sum"(%i) {axis = 1 : i64} : (tensor<2x3x$F>) -> tensor<2x1x$F>`,
  `^bb0(%x: tensor<2x3x$F>, %b: tensor<4x$F>):
  %w = "tosa.const"() {value = dense<?{0.5|-1.0|2.0}> : tensor<4x3x$F>} : () -> tensor<4x3x$F>
  %fc = "tosa.fully_connected"(%x, %w, %b) : (tensor<2x3x$F>, tensor<4x3x$F>, tensor<4x$F>) -> tensor<2x4x$F>
  %y = "tosa.reshape"(%fc) {new_shape = array<i64: 1, 2, 4>} : (tensor<2x4x$F>) -> tensor<1x2x4x$F>
  %v = "tosa.reshape"(%w) {new_shape = array<i64: 1, 4, 3>} : (tensor<4x3x$F>) -> tensor<1x4x3x$F>
  %mm = "tosa.matmul"(%y, %v) : (tensor<1x2x4x$F>, tensor<1x4x3x$F>) -> tensor<1x2x3x$F>`,
  `^bb0(%x: tensor<1x4x5x2x$F>):
  %w = "tosa.const"() {value = dense<?{0.5|-1.0|2.0}> : tensor<2x2x2x2x$F>} : () -> tensor<2x2x2x2x$F>
  %b = "tosa.const"() {value = dense<?{0.0|1.5}> : tensor<4x$F>} : () -> tensor<4x$F>
  %d = "tosa.depthwise_conv2d"(%x, %w, %b) {pad = array<i64: 0, 0, 1, 1>, stride = array<i64: 1, 2>, dilation = array<i64: 1, 1>} : (tensor<1x4x5x2x$F>, tensor<2x2x2x2x$F>, tensor<4x$F>) -> tensor<1x3x3x4x$F>`,
  `^bb0(%x: tensor<1x4x5x2x$F>, %b: tensor<3x$F>):
  %w = "tosa.const"() {value = dense<?{0.5|-1.0|2.0}> : tensor<3x2x3x2x$F>} : () -> tensor<3x2x3x2x$F>
  %c = "tosa.conv2d"(%x, %w, %b) {pad = array<i64: 1, 0, 1, 1>, stride = array<i64: 2, 1>, dilation = array<i64: 1, 1>} : (tensor<1x4x5x2x$F>, tensor<3x2x3x2x$F>, tensor<3x$F>) -> tensor<1x2x5x3x$F>
  %d = "tosa.conv2d"(%x, %w, %b) {pad = array<i64: 1, 0, 1, 1>, stride = array<i64: 2, 1>, dilation = array<i64: 1, 2>} : (tensor<1x4x5x2x$F>, tensor<3x2x3x2x$F>, tensor<3x$F>) -> tensor<1x2x3x3x$F>`,
  `^bb0(%x: tensor<1x5x4x3x$P>):
  %m = "tosa.max_pool2d"(%x) {kernel = array<i64: 2, 2>, stride = array<i64: 2, 1>, pad = array<i64: 0, 1, 0, 1>} : (tensor<1x5x4x3x$P>) -> tensor<1x3x4x3x$P>
  %a = "tosa.avg_pool2d"(%x) {kernel = array<i64: 3, 2>, stride = array<i64: 1, 2>, pad = array<i64: 1, 1, 1, 0>} : (tensor<1x5x4x3x$P>) -> tensor<1x5x2x3x$P>`,
  `^bb0(%x: tensor<3x4x$A>, %v: tensor<2x5x3x$F>, %s: tensor<6xi8>):
  %am = "tosa.argmax"(%x) {axis = 0 : i64} : (tensor<3x4x$A>) -> tensor<4xi32>
  %an = "tosa.argmax"(%x) {axis = 1 : i64} : (tensor<3x4x$A>) -> tensor<3xi32>
  %i = "tosa.const"() {value = dense<[[?{0|4}, 2], [1, ?{3|0}]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %g = "tosa.gather"(%v, %i) : (tensor<2x5x3x$F>, tensor<2x2xi32>) -> tensor<2x2x3x$F>
  %t = "tosa.const"() {value = ?t : tensor<256xi8>} : () -> tensor<256xi8>
  %l = "tosa.table"(%s, %t) : (tensor<6xi8>, tensor<256xi8>) -> tensor<6xi8>`,
  `^bb0(%x: tensor<2x3x$I>, %y: tensor<3x$I>):
  %a = "tosa.abs"(%x) : (tensor<2x3x$I>) -> tensor<2x3x$I>
  %b = "tosa.bitwise_and"(%a, %y) : (tensor<2x3x$I>, tensor<3x$I>) -> tensor<2x3x$I>
  %c = "tosa.bitwise_or"(%b, %x) : (tensor<2x3x$I>, tensor<2x3x$I>) -> tensor<2x3x$I>
  %d = "tosa.bitwise_xor"(%c, %y) : (tensor<2x3x$I>, tensor<3x$I>) -> tensor<2x3x$I>
  %e = "tosa.sub"(%d, %x) : (tensor<2x3x$I>, tensor<2x3x$I>) -> tensor<2x3x$I>
  %f = "tosa.negate"(%e) : (tensor<2x3x$I>) -> tensor<2x3x$I>
  %g = "tosa.greater"(%f, %y) : (tensor<2x3x$I>, tensor<3x$I>) -> tensor<2x3xi1>
  %h = "tosa.equal"(%f, %x) : (tensor<2x3x$I>, tensor<2x3x$I>) -> tensor<2x3xi1>
  %k = "tosa.logical_or"(%g, %h) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %l = "tosa.select"(%k, %a, %f) : (tensor<2x3xi1>, tensor<2x3x$I>, tensor<2x3x$I>) -> tensor<2x3x$I>
  %m = "tosa.maximum"(%l, %y) : (tensor<2x3x$I>, tensor<3x$I>) -> tensor<2x3x$I>
  %n = "tosa.clz"(%m) : (tensor<2x3x$I>) -> tensor<2x3x$I>`,
  `^bb0(%x: tensor<2x3x$F>, %y: tensor<1x3x$F>):
  %a = "tosa.abs"(%x) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %b = "tosa.pow"(%a, %y) : (tensor<2x3x$F>, tensor<1x3x$F>) -> tensor<2x3x$F>
  %c = "tosa.sub"(%b, %x) : (tensor<2x3x$F>, tensor<2x3x$F>) -> tensor<2x3x$F>
  %d = "tosa.negate"(%c) : (tensor<2x3x$F>) -> tensor<2x3x$F>
  %e = "tosa.greater_equal"(%d, %y) : (tensor<2x3x$F>, tensor<1x3x$F>) -> tensor<2x3xi1>
  %f = "tosa.logical_xor"(%e, %e) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %g = "tosa.logical_not"(%f) : (tensor<2x3xi1>) -> tensor<2x3xi1>
  %h = "tosa.cast"(%g) : (tensor<2x3xi1>) -> tensor<2x3x$F>
  %k = "tosa.add"(%h, %d) : (tensor<2x3x$F>, tensor<2x3x$F>) -> tensor<2x3x$F>
  %l = "tosa.cast"(%k) : (tensor<2x3x$F>) -> tensor<2x3xi?{8|32}>
  %m = "tosa.reduce_max"(%k) {axis = 0 : i64} : (tensor<2x3x$F>) -> tensor<1x3x$F>`,
  `^bb0(%c: tensor<i1>, %x: tensor<2x$F>, %n: tensor<i32>):
  %r = "tosa.cond_if"(%c, %x) ({
  ^bb0(%a: tensor<2x$F>):
    "tosa.yield"(%a) : (tensor<2x$F>) -> ()
  }, {
  ^bb0(%a: tensor<2x$F>):
    %m = "tosa.negate"(%a) : (tensor<2x$F>) -> tensor<2x$F>
    "tosa.yield"(%m) : (tensor<2x$F>) -> ()
  }) : (tensor<i1>, tensor<2x$F>) -> tensor<2x$F>
  %s = "tosa.clamp"(%n) {min_int = 0 : i64, max_int = 8 : i64, min_fp = 0.0 : f32, max_fp = 8.0 : f32} : (tensor<i32>) -> tensor<i32>
  %w = "tosa.while_loop"(%s) ({
  ^bb0(%a: tensor<i32>):
    %ten = "tosa.const"() {value = dense<?{10|3}> : tensor<i32>} : () -> tensor<i32>
    %p = "tosa.greater"(%ten, %a) : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "tosa.yield"(%p) : (tensor<i1>) -> ()
  }, {
  ^bb0(%a: tensor<i32>):
    %one = "tosa.const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %b = "tosa.add"(%a, %one) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "tosa.yield"(%b) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>`,
  `^bb0(%x: tensor<2x3xi8>, %y: tensor<4xi16>):
  %r = "tosa.rescale"(%x) {input_zp = ?{0|-3} : i32, output_zp = ?{0|5} : i32, multiplier = array<i32: 1073741824, 1518500250, 2147483647>, shift = array<i32: 30, 31, 33>, scale32 = true, double_round = ?{true|false}, per_channel = true} : (tensor<2x3xi8>) -> tensor<2x3xi8>
  %q = "tosa.rescale"(%y) {input_zp = 0 : i32, output_zp = ?{0|-7} : i32, multiplier = array<i32: ?{32767|1000}>, shift = array<i32: ?{15|3}>, scale32 = false, double_round = false, per_channel = false} : (tensor<4xi16>) -> tensor<4xi32>`,
  `^bb0(%x: tensor<1x3x3x2x$F>, %i: tensor<1x3x3x2xi8>):
  %a = "tosa.resize"(%x) {mode = "?{NEAREST_NEIGHBOR|BILINEAR}", scale = array<i64: 2, 1, 2, 1>, offset = array<i64: 0, 0>, border = array<i64: 1, 1>} : (tensor<1x3x3x2x$F>) -> tensor<1x6x6x2x$F>
  %b = "tosa.resize"(%x) {mode = "?{NEAREST_NEIGHBOR|BILINEAR}", scale = array<i64: 1, 2, 3, 2>, offset = array<i64: -1, 1>, border = array<i64: 0, 0>} : (tensor<1x3x3x2x$F>) -> tensor<1x2x3x2x$F>
  %c = "tosa.resize"(%i) {mode = "NEAREST_NEIGHBOR", scale = array<i64: 3, 2, 2, 1>, offset = array<i64: 1, 0>, border = array<i64: 0, 0>} : (tensor<1x3x3x2xi8>) -> tensor<1x3x5x2xi8>
  %d = "tosa.resize"(%i) {mode = "BILINEAR", scale = array<i64: 3, 2, 2, 1>, offset = array<i64: 1, 0>, border = array<i64: 0, 0>} : (tensor<1x3x3x2xi8>) -> tensor<1x3x5x2xi32>`,
  `^bb0(%s: tensor<2x3xi16>):
  %t = "tosa.const"() {value = ?t : tensor<513xi16>} : () -> tensor<513xi16>
  %l = "tosa.table"(%s, %t) : (tensor<2x3xi16>, tensor<513xi16>) -> tensor<2x3xi32>`,
].map((ir) => ({ ir, types: { I: ["i8", "i32"], F: ["f32", "f16"], A: ["f32", "i8", "i32"], P: ["f32", "i8"] } }));
