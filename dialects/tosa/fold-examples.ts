/**
 * Examples of the IR TOSA's folders rewrite (fold.ts), by op name, for property tests (the hole syntax is in
 * rewrites/testing/examples.ts): identities next to splat constants (zeros, ones, unit scales, dims of size
 * 1) and ops on splat constants, with near misses (a non-identity constant) so that a wrong fold shows.
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

const F = { E: ["f32", "f16"] };
const I = { E: ["i32", "i8"] };
const S = "tensor<2x3x$E>";

const binaryWith = (op: string, constants: string, types: Readonly<Record<string, readonly string[]>>, attrs = ""): RewriteExample => ({
  ir: `^bb0(%x: ${S}):\n  %c = "tosa.const"() {value = dense<${constants}> : ${S}} : () -> ${S}\n  %r = "tosa.${op}"(%?{x|c}, %?{c|x|c})${attrs} : (${S}, ${S}) -> ${S}`,
  types,
});
const splats = (op: string, result: string, constants: string, types: Readonly<Record<string, readonly string[]>>, attrs = ""): RewriteExample => ({
  ir: `%a = "tosa.const"() {value = dense<${constants}> : ${S}} : () -> ${S}\n  %b = "tosa.const"() {value = dense<?{1|2|-3|0}> : ${S}} : () -> ${S}\n  %r = "tosa.${op}"(%a, %b)${attrs} : (${S}, ${S}) -> ${result}`,
  types,
});
const floatSplats = (op: string, result: string, attrs = ""): RewriteExample => ({
  ir: `%a = "tosa.const"() {value = dense<?{0.0|1.5|-2.0|0x7F800000|0x7FC00000}> : ${S}} : () -> ${S}\n  %b = "tosa.const"() {value = dense<?{1.0|0.5|-0.0|2.0}> : ${S}} : () -> ${S}\n  %r = "tosa.${op}"(%a, %b)${attrs} : (${S}, ${S}) -> ${result}`,
  types: { E: ["f32"] },
});
/** A reduction along a dim of size 1 (folds), or along another (a near miss). */
const reduce = (kind: string, element: string): RewriteExample[] => [
  `^bb0(%x: tensor<2x1x3x${element}>):\n  %r = "tosa.reduce_${kind}"(%x) {axis = 1 : i64} : (tensor<2x1x3x${element}>) -> tensor<2x1x3x${element}>`,
  `^bb0(%x: tensor<2x1x3x${element}>):\n  %r = "tosa.reduce_${kind}"(%x) {axis = 2 : i64} : (tensor<2x1x3x${element}>) -> tensor<2x1x1x${element}>`,
];

export const tosaFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  "tosa.add": [binaryWith("add", "?{-0.0|0.0|-0.0|1.0}", F), binaryWith("add", "?{0|0|5}", I), splats("add", S, "?{7|-1|100}", I), floatSplats("add", S)],
  "tosa.sub": [binaryWith("sub", "?{0.0|-0.0|0.0|2.0}", F), binaryWith("sub", "?{0|0|-1}", I), splats("sub", S, "?{7|-128|100}", I), floatSplats("sub", S)],
  "tosa.mul": [
    binaryWith("mul", "?{1.0|1.0|0.0|2.0}", F, " {shift = 0 : i32}"),
    binaryWith("mul", "?{1|0|4|2}", { E: ["i32"] }, " {shift = ?{0|2|1} : i32}"),
    splats("mul", S, "?{7|-1|100}", I, " {shift = 0 : i32}"),
    splats("mul", S, "?{7|-5|100}", { E: ["i32"] }, " {shift = ?{1|2} : i32}"),
    floatSplats("mul", S, " {shift = 0 : i32}"),
  ],
  "tosa.div": [
    { ir: `^bb0(%x: tensor<2x3xi32>):\n  %c = "tosa.const"() {value = dense<?{0|1|1|2}> : tensor<2x3xi32>} : () -> tensor<2x3xi32>\n  %r = "tosa.div"(%?{c|x}, %?{x|c}) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>` },
    splats("div", "tensor<2x3xi32>", "?{7|-7|-2147483648|0}", { E: ["i32"] }),
  ],
  "tosa.equal": [splats("equal", "tensor<2x3xi1>", "?{1|2|-3}", I), floatSplats("equal", "tensor<2x3xi1>"), { ir: `^bb0(%x: ${S}):\n  %r = "tosa.equal"(%x, %x) : (${S}, ${S}) -> tensor<2x3xi1>`, types: I }],
  "tosa.greater": [splats("greater", "tensor<2x3xi1>", "?{1|2|-3}", I), floatSplats("greater", "tensor<2x3xi1>")],
  "tosa.greater_equal": [splats("greater_equal", "tensor<2x3xi1>", "?{1|2|-3}", I), floatSplats("greater_equal", "tensor<2x3xi1>")],
  "tosa.cast": [
    { ir: '%c = "tosa.const"() {value = dense<?{2.5|3.5|-0.5|1.0e10|0xFF800000|0.0|127.5}> : tensor<3xf32>} : () -> tensor<3xf32>\n  %r = "tosa.cast"(%c) : (tensor<3xf32>) -> tensor<3x$T>', types: { T: ["i8", "i32", "i1", "f16", "bf16"] } },
    { ir: '%c = "tosa.const"() {value = dense<?{300|-1|0|1}> : tensor<3x$S>} : () -> tensor<3x$S>\n  %r = "tosa.cast"(%c) : (tensor<3x$S>) -> tensor<3x$T>', types: { S: ["i32", "i16"], T: ["i8", "i32", "f32", "i1"] } },
    { ir: '%c = "tosa.const"() {value = dense<?{true|false}> : tensor<3xi1>} : () -> tensor<3xi1>\n  %r = "tosa.cast"(%c) : (tensor<3xi1>) -> tensor<3x$T>', types: { T: ["i8", "i32", "f32"] } },
    "^bb0(%x: tensor<3xf32>):\n  %r = \"tosa.cast\"(%x) : (tensor<3xf32>) -> tensor<3xf32>",
  ],
  "tosa.reduce_all": reduce("all", "i1"),
  "tosa.reduce_any": reduce("any", "i1"),
  "tosa.reduce_max": reduce("max", "f32"),
  "tosa.reduce_min": reduce("min", "i32"),
  "tosa.reduce_prod": reduce("prod", "i32"),
  "tosa.reduce_sum": reduce("sum", "f32"),
  "tosa.reshape": [
    "^bb0(%x: tensor<2x3xf32>):\n  %r = \"tosa.reshape\"(%x) {new_shape = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<2x3xf32>",
    "^bb0(%x: tensor<2x3xf32>):\n  %r = \"tosa.reshape\"(%x) {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>",
    '%c = "tosa.const"() {value = dense<?{1.5|-2.0}> : tensor<2x3xf32>} : () -> tensor<2x3xf32>\n  %r = "tosa.reshape"(%c) {new_shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>',
  ],
  "tosa.pad": [
    '^bb0(%x: tensor<2x3xf32>):\n  %p = "tosa.const"() {value = dense<?{0|0|[[0, 1], [0, 0]]}> : tensor<2x2xi32>} : () -> tensor<2x2xi32>\n  %r = "tosa.pad"(%x, %p) : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<?x3xf32>',
  ],
  "tosa.resize": [
    '^bb0(%x: tensor<1x4x4x2xf32>):\n  %r = "tosa.resize"(%x) {border = array<i64: 0, 0>, mode = "?{BILINEAR|NEAREST_NEIGHBOR}", offset = array<i64: 0, 0>, scale = array<i64: ?{2, 2, 3, 3|1, 1, 1, 1}>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>',
  ],
  "tosa.reverse": [
    "^bb0(%x: tensor<1x3xf32>):\n  %r = \"tosa.reverse\"(%x) {axis = ?{0|1} : i64} : (tensor<1x3xf32>) -> tensor<1x3xf32>",
    '%c = "tosa.const"() {value = dense<?{1.5|-2.0}> : tensor<2x3xf32>} : () -> tensor<2x3xf32>\n  %r = "tosa.reverse"(%c) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>',
  ],
  "tosa.slice": [
    "^bb0(%x: tensor<2x3xf32>):\n  %r = \"tosa.slice\"(%x) {size = array<i64: 2, 3>, start = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>",
    '%c = "tosa.const"() {value = dense<?{[[1, 2, 3], [4, 5, 6]]|7}> : tensor<2x3xi32>} : () -> tensor<2x3xi32>\n  %r = "tosa.slice"(%c) {size = array<i64: 1, 1>, start = array<i64: 1, ?{0|2}>} : (tensor<2x3xi32>) -> tensor<1x1xi32>',
    '%c = "tosa.const"() {value = dense<?{[[1, 2, 3], [4, 5, 6]]|7}> : tensor<2x3xi32>} : () -> tensor<2x3xi32>\n  %r = "tosa.slice"(%c) {size = array<i64: 1, 2>, start = array<i64: ?{0|1}, 1>} : (tensor<2x3xi32>) -> tensor<1x2xi32>',
  ],
  "tosa.tile": [
    "^bb0(%x: tensor<2x3xf32>):\n  %r = \"tosa.tile\"(%x) {multiples = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>",
    "^bb0(%x: tensor<2x3xf32>):\n  %r = \"tosa.tile\"(%x) {multiples = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>",
  ],
  "tosa.transpose": [
    '^bb0(%x: tensor<2x3xf32>):\n  %p = "tosa.const"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>\n  %r = "tosa.transpose"(%x, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>',
    '%c = "tosa.const"() {value = dense<?{1.5|-2.0}> : tensor<2x3xf32>} : () -> tensor<2x3xf32>\n  %p = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>\n  %r = "tosa.transpose"(%c, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>',
  ],
  "tosa.select": [
    { ir: `^bb0(%p: tensor<2x3xi1>, %x: ${S}, %y: ${S}):\n  %k = "tosa.const"() {value = dense<?{true|false}> : tensor<2x3xi1>} : () -> tensor<2x3xi1>\n  %r = "tosa.select"(%?{p|k|k}, %x, %?{x|y}) : (tensor<2x3xi1>, ${S}, ${S}) -> ${S}`, types: { E: ["f32", "i32"] } },
  ],
};
