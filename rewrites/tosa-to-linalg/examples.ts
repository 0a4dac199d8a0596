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
].map((ir) => ({ ir, types: { I: ["i8", "i32"], F: ["f32", "f16"] } }));
