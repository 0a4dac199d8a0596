/**
 * Interpreter semantics of TOSA ops against hand-computed references: broadcasting (size-1 and zero-size
 * dims), NaN in maximum/minimum/clamp/reductions, integer wrap-around, saturation and rounding (cast, rescale,
 * mul with shift, arithmetic_right_shift, apply_scale), undefined behaviour where the spec REQUIREs, and the
 * tensor operators (matmul, conv2d, depthwise, pooling, gather/scatter, pad, resize, table, control flow).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { type Element, type RuntimeValue, interpret, shapedValue } from "../../src/interp/index.ts";
import { RankedTensorType, type Type } from "../../src/ir/types.ts";
import { parseSource, parseType } from "../../src/text/parser.ts";

const ctx = newContext();

/** A tensor argument from its type text and row-major elements. */
function arg(type: string, elements: readonly (number | bigint)[]): RuntimeValue {
  const parsed = parseType(type, ctx);
  const t: Type | undefined = isLeft(parsed) ? undefined : parsed.right;
  if (!(t instanceof RankedTensorType)) throw new Error(type);
  return shapedValue(t, elements as Element[]);
}

/** Runs `body` (ops ending in a return of %r) in `func.func @f(args) -> result`; the result's elements. */
function run(args: readonly [string, string, readonly (number | bigint)[]][], result: string, body: string): (number | bigint)[] | string {
  const params = args.map(([n, t]) => `%${n}: ${t}`).join(", ");
  const src = `func.func @f(${params}) -> ${result} {\n${body}\n  return %r : ${result}\n}`;
  const m = parseSource(src, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  const r = interpret(m.right, "f", args.map(([, t, e]) => arg(t, e)), { ctx });
  if (isLeft(r)) return `${r.left.kind}: ${r.left.message}`;
  const v = r.right[0];
  if (v?.kind !== "shaped") throw new Error("not a tensor");
  return v.elements.toArray().map((e) => (typeof e === "bigint" ? e : Number(e)));
}

const n = (xs: readonly number[]): bigint[] => xs.map(BigInt);

test("add and sub broadcast: ranks align right, size-1 dims stretch", () => {
  assert.equal(
    run([["a", "tensor<2x3xf32>", [1, 2, 3, 4, 5, 6]], ["b", "tensor<3xf32>", [10, 20, 30]]], "tensor<2x3xf32>",
      '  %r = "tosa.add"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>'),
    [11, 22, 33, 14, 25, 36],
  );
  assert.equal(
    run([["a", "tensor<2x1xi8>", [100, -100]], ["b", "tensor<1x2xi8>", [100, 1]]], "tensor<2x2xi8>",
      '  %r = "tosa.sub"(%a, %b) : (tensor<2x1xi8>, tensor<1x2xi8>) -> tensor<2x2xi8>'),
    n([0, 99, 56, -101]), // -100 - 100 = -200 wraps to 56 in i8
  );
});

test("zero-size dims give empty results; size-1 result dims come from the result type", () => {
  assert.equal(
    run([["a", "tensor<0x3xf32>", []], ["b", "tensor<1x3xf32>", [1, 2, 3]]], "tensor<0x3xf32>",
      '  %r = "tosa.mul"(%a, %b) {shift = 0 : i32} : (tensor<0x3xf32>, tensor<1x3xf32>) -> tensor<0x3xf32>'),
    [],
  );
  assert.equal(
    run([["a", "tensor<0x3xf32>", []]], "tensor<1x3xf32>", '  %r = "tosa.reduce_sum"(%a) {axis = 0 : i64} : (tensor<0x3xf32>) -> tensor<1x3xf32>'),
    [0, 0, 0],
  );
  assert.equal(
    run([["a", "tensor<2xf32>", [1, 2]]], "tensor<1x2xf32>", '  %r = "tosa.add"(%a, %a) : (tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32>'),
    [2, 4],
  );
});

test("maximum, minimum, clamp and reduce_max propagate NaN; -0.0 is below +0.0", () => {
  const a: [string, string, number[]] = ["a", "tensor<4xf32>", [NaN, 1, -0, 5]];
  const b: [string, string, number[]] = ["b", "tensor<4xf32>", [1, NaN, 0, -5]];
  const max = run([a, b], "tensor<4xf32>", '  %r = "tosa.maximum"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>') as number[];
  assert.ok(Number.isNaN(max[0]) && Number.isNaN(max[1]));
  assert.ok(Object.is(max[2], 0) && max[3] === 5);
  const min = run([a, b], "tensor<4xf32>", '  %r = "tosa.minimum"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>') as number[];
  assert.ok(Object.is(min[2], -0) && min[3] === -5);
  const clamp = run([a], "tensor<4xf32>",
    '  %r = "tosa.clamp"(%a) {max_fp = 2.0 : f32, max_int = 2 : i64, min_fp = 0.5 : f32, min_int = 0 : i64} : (tensor<4xf32>) -> tensor<4xf32>') as number[];
  assert.ok(Number.isNaN(clamp[0]));
  assert.equal(clamp.slice(1), [1, 0.5, 2]);
  const red = run([a], "tensor<1xf32>", '  %r = "tosa.reduce_max"(%a) {axis = 0 : i64} : (tensor<4xf32>) -> tensor<1xf32>') as number[];
  assert.ok(Number.isNaN(red[0]));
  const eq = run([a], "tensor<4xi1>", '  %r = "tosa.equal"(%a, %a) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>');
  assert.equal(eq, n([0, -1, -1, -1]), "NaN == NaN is false");
});

test("integer clamp, maximum on unsigned types, and clz", () => {
  assert.equal(
    run([["a", "tensor<3xi32>", [-7, 3, 99]]], "tensor<3xi32>",
      '  %r = "tosa.clamp"(%a) {max_fp = 0.0 : f32, max_int = 10 : i64, min_fp = 0.0 : f32, min_int = 0 : i64} : (tensor<3xi32>) -> tensor<3xi32>'),
    n([0, 3, 10]),
  );
  assert.equal(
    run([["a", "tensor<2xui8>", [200, 7]], ["b", "tensor<2xui8>", [100, 8]]], "tensor<2xui8>",
      '  %r = "tosa.maximum"(%a, %b) : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>'),
    n([200, 8]),
  );
  assert.equal(run([["a", "tensor<3xi32>", [0, 1, -1]]], "tensor<3xi32>", '  %r = "tosa.clz"(%a) : (tensor<3xi32>) -> tensor<3xi32>'), n([32, 31, 0]));
});

test("mul with shift rounds; div truncates; division by zero and shifts out of range are undefined", () => {
  assert.equal(
    run([["a", "tensor<2xi32>", [3, -3]], ["b", "tensor<2xi32>", [1, 1]]], "tensor<2xi32>",
      '  %r = "tosa.mul"(%a, %b) {shift = 1 : i32} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>'),
    n([2, -1]), // (3 + 1) >> 1 = 2, (-3 + 1) >> 1 = -1
  );
  assert.match(
    String(run([["a", "tensor<1xi32>", [1 << 20]], ["b", "tensor<1xi32>", [1 << 20]]], "tensor<1xi32>",
      '  %r = "tosa.mul"(%a, %b) {shift = 2 : i32} : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>')),
    /^undefined-behavior: 'tosa.mul' op mul with shift 2/,
  );
  assert.equal(
    run([["a", "tensor<4xi32>", [7, -7, 7, -7]], ["b", "tensor<4xi32>", [2, 2, -2, -2]]], "tensor<4xi32>",
      '  %r = "tosa.div"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>'),
    n([3, -3, -3, 3]),
  );
  assert.match(
    String(run([["a", "tensor<1xi32>", [1]], ["b", "tensor<1xi32>", [0]]], "tensor<1xi32>", '  %r = "tosa.div"(%a, %b) : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>')),
    /^undefined-behavior: 'tosa.div' op division by zero/,
  );
  assert.match(
    String(run([["a", "tensor<1xi8>", [1]], ["b", "tensor<1xi8>", [8]]], "tensor<1xi8>", '  %r = "tosa.logical_left_shift"(%a, %b) : (tensor<1xi8>, tensor<1xi8>) -> tensor<1xi8>')),
    /^undefined-behavior: 'tosa.logical_left_shift' op shift by 8/,
  );
  assert.equal(
    run([["a", "tensor<3xi8>", [5, -5, 64]], ["b", "tensor<3xi8>", [1, 1, 1]]], "tensor<3xi8>",
      '  %r = "tosa.arithmetic_right_shift"(%a, %b) {round = true} : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi8>'),
    n([3, -2, 32]), // 5 >> 1 = 2 (+1: the bit shifted out), -5 >> 1 = -3 (+1)
  );
  assert.equal(
    run([["a", "tensor<2xi8>", [-128, 64]], ["b", "tensor<2xi8>", [1, 1]]], "tensor<2xi8>",
      '  %r = "tosa.logical_right_shift"(%a, %b) : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>'),
    n([64, 32]),
  );
});

test("cast rounds to nearest even and saturates; NaN to integer is undefined; booleans are 0 and 1", () => {
  assert.equal(
    run([["a", "tensor<6xf32>", [2.5, 3.5, -2.5, 1e10, -Infinity, 127.49]]], "tensor<6xi8>", '  %r = "tosa.cast"(%a) : (tensor<6xf32>) -> tensor<6xi8>'),
    n([2, 4, -2, 127, -128, 127]),
  );
  assert.match(String(run([["a", "tensor<1xf32>", [NaN]]], "tensor<1xi32>", '  %r = "tosa.cast"(%a) : (tensor<1xf32>) -> tensor<1xi32>')), /^undefined-behavior/);
  assert.equal(run([["a", "tensor<2xi1>", [1, 0]]], "tensor<2xf32>", '  %r = "tosa.cast"(%a) : (tensor<2xi1>) -> tensor<2xf32>'), [1, 0]);
  assert.equal(run([["a", "tensor<3xi32>", [0, 5, -1]]], "tensor<3xi1>", '  %r = "tosa.cast"(%a) : (tensor<3xi32>) -> tensor<3xi1>'), n([0, -1, -1]));
  assert.equal(run([["a", "tensor<2xi32>", [300, -129]]], "tensor<2xi8>", '  %r = "tosa.cast"(%a) : (tensor<2xi32>) -> tensor<2xi8>'), n([44, 127]));
  assert.equal(run([["a", "tensor<1xf32>", [16777217]]], "tensor<1xbf16>", '  %r = "tosa.cast"(%a) : (tensor<1xf32>) -> tensor<1xbf16>'), [16777216]);
});

test("rescale and apply_scale: fixed-point scaling with rounding, zero points and saturation", () => {
  // multiplier 2^30 and shift 31: x / 2, rounded half up.
  assert.equal(
    run([["a", "tensor<4xi32>", [5, -5, 1000, -1000]]], "tensor<4xi8>",
      '  %r = "tosa.rescale"(%a) {double_round = false, input_zp = 0 : i32, multiplier = array<i32: 1073741824>, output_zp = 3 : i32, per_channel = false, scale32 = true, shift = array<i32: 31>} : (tensor<4xi32>) -> tensor<4xi8>'),
    n([6, 1, 127, -128]), // 3 + 3, -2 + 3, saturated
  );
  assert.equal(
    run([["a", "tensor<2x2xi8>", [10, 10, 20, 20]]], "tensor<2x2xi32>",
      '  %r = "tosa.rescale"(%a) {double_round = false, input_zp = 2 : i32, multiplier = array<i32: 1073741824, 2147483647>, output_zp = 0 : i32, per_channel = true, scale32 = true, shift = array<i32: 30, 31>} : (tensor<2x2xi8>) -> tensor<2x2xi32>'),
    n([8, 8, 18, 18]),
  );
  assert.equal(
    run([["v", "tensor<2xi32>", [100, -100]], ["m", "tensor<2xi32>", [3, 3]], ["s", "tensor<2xi8>", [2, 2]]], "tensor<2xi32>",
      '  %r = "tosa.apply_scale"(%v, %m, %s) {double_round = true} : (tensor<2xi32>, tensor<2xi32>, tensor<2xi8>) -> tensor<2xi32>'),
    n([75, -75]), // (300 + 2) >> 2, (-300 + 2) >> 2
  );
});

test("matmul, fully_connected (bias first) and a quantized matmul", () => {
  assert.equal(
    run([["a", "tensor<1x2x3xf32>", [1, 2, 3, 4, 5, 6]], ["b", "tensor<1x3x1xf32>", [1, 10, 100]]], "tensor<1x2x1xf32>",
      '  %r = "tosa.matmul"(%a, %b) : (tensor<1x2x3xf32>, tensor<1x3x1xf32>) -> tensor<1x2x1xf32>'),
    [321, 654],
  );
  assert.equal(
    run([["a", "tensor<1x1x2xi8>", [3, 5]], ["b", "tensor<1x2x1xi8>", [2, 4]]], "tensor<1x1x1xi32>",
      '  %r = "tosa.matmul"(%a, %b) {quantization_info = #tosa.matmul_quant<a_zp = 1, b_zp = 2>} : (tensor<1x1x2xi8>, tensor<1x2x1xi8>) -> tensor<1x1x1xi32>'),
    n([8]), // (3-1)(2-2) + (5-1)(4-2)
  );
  assert.equal(
    run([["x", "tensor<1x2xf32>", [1, 2]], ["w", "tensor<2x2xf32>", [1, 1, 0, 1]], ["b", "tensor<2xf32>", [0.5, -1]]], "tensor<1x2xf32>",
      '  %r = "tosa.fully_connected"(%x, %w, %b) : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>'),
    [3.5, 1],
  );
});

test("conv2d with padding and stride, depthwise_conv2d, pooling", () => {
  // A 3x3 input of 1..9, a 2x2 kernel of ones, one pad row/column on top and left, stride 2.
  assert.equal(
    run([["x", "tensor<1x3x3x1xf32>", [1, 2, 3, 4, 5, 6, 7, 8, 9]], ["w", "tensor<1x2x2x1xf32>", [1, 1, 1, 1]], ["b", "tensor<1xf32>", [100]]], "tensor<1x2x2x1xf32>",
      '  %r = "tosa.conv2d"(%x, %w, %b) {dilation = array<i64: 1, 1>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x3x3x1xf32>, tensor<1x2x2x1xf32>, tensor<1xf32>) -> tensor<1x2x2x1xf32>'),
    [101, 105, 111, 128],
  );
  // Two channels, multiplier 2: channel c * 2 + m reads input channel c with weight [c, m].
  assert.equal(
    run([["x", "tensor<1x1x1x2xf32>", [3, 5]], ["w", "tensor<1x1x2x2xf32>", [1, 2, 10, 20]], ["b", "tensor<4xf32>", [0, 0, 0, 1]]], "tensor<1x1x1x4xf32>",
      '  %r = "tosa.depthwise_conv2d"(%x, %w, %b) {dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x1x1x2xf32>, tensor<1x1x2x2xf32>, tensor<4xf32>) -> tensor<1x1x1x4xf32>'),
    [3, 6, 50, 101],
  );
  const x: [string, string, number[]] = ["x", "tensor<1x2x2x1xf32>", [1, 2, 3, 8]];
  assert.equal(
    run([x], "tensor<1x2x2x1xf32>",
      '  %r = "tosa.avg_pool2d"(%x) {kernel = array<i64: 2, 2>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 1, 1>} : (tensor<1x2x2x1xf32>) -> tensor<1x2x2x1xf32>'),
    [3.5, 5, 5.5, 8], // padding is not counted
  );
  assert.equal(
    run([x], "tensor<1x1x1x1xf32>",
      '  %r = "tosa.max_pool2d"(%x) {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x2x2x1xf32>) -> tensor<1x1x1x1xf32>'),
    [8],
  );
  assert.equal(
    run([["x", "tensor<1x1x3x1xi8>", [1, 2, 4]]], "tensor<1x1x1x1xi8>",
      '  %r = "tosa.avg_pool2d"(%x) {kernel = array<i64: 1, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x1x3x1xi8>) -> tensor<1x1x1x1xi8>'),
    n([2]), // 7 / 3 rounds to 2
  );
});

test("data movement: transpose, slice, pad, tile, reverse, concat, reshape", () => {
  const a: [string, string, number[]] = ["a", "tensor<2x3xf32>", [1, 2, 3, 4, 5, 6]];
  assert.equal(run([a], "tensor<3x2xf32>",
    '  %p = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>\n  %r = "tosa.transpose"(%a, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>'), [1, 4, 2, 5, 3, 6]);
  assert.equal(run([a], "tensor<1x2xf32>", '  %r = "tosa.slice"(%a) {size = array<i64: 1, 2>, start = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<1x2xf32>'), [5, 6]);
  assert.match(String(run([a], "tensor<1x2xf32>", '  %r = "tosa.slice"(%a) {size = array<i64: 1, 2>, start = array<i64: 1, 2>} : (tensor<2x3xf32>) -> tensor<1x2xf32>')), /^undefined-behavior/);
  assert.equal(run([a], "tensor<3x4xf32>",
    '  %p = "tosa.const"() {value = dense<[[0, 1], [1, 0]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>\n  %c = "tosa.const"() {value = dense<9.0> : tensor<f32>} : () -> tensor<f32>\n  %r = "tosa.pad"(%a, %p, %c) : (tensor<2x3xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<3x4xf32>'),
    [9, 1, 2, 3, 9, 4, 5, 6, 9, 9, 9, 9]);
  assert.equal(
    run([["a", "tensor<1x2xf32>", [1, 2]]], "tensor<2x4xf32>", '  %r = "tosa.tile"(%a) {multiples = array<i64: 2, 2>} : (tensor<1x2xf32>) -> tensor<2x4xf32>'),
    [1, 2, 1, 2, 1, 2, 1, 2],
  );
  assert.equal(run([a], "tensor<2x3xf32>", '  %r = "tosa.reverse"(%a) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>'), [3, 2, 1, 6, 5, 4]);
  assert.equal(run([a], "tensor<2x6xf32>", '  %r = "tosa.concat"(%a, %a) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>'), [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6]);
  assert.equal(run([a], "tensor<3x2xf32>", '  %r = "tosa.reshape"(%a) {new_shape = array<i64: -1, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>'), [1, 2, 3, 4, 5, 6]);
});

test("gather and scatter; out-of-range and duplicate indices are undefined", () => {
  const v: [string, string, number[]] = ["v", "tensor<1x3x2xf32>", [1, 2, 3, 4, 5, 6]];
  assert.equal(run([v, ["i", "tensor<1x2xi32>", [2, 0]]], "tensor<1x2x2xf32>", '  %r = "tosa.gather"(%v, %i) : (tensor<1x3x2xf32>, tensor<1x2xi32>) -> tensor<1x2x2xf32>'), [5, 6, 1, 2]);
  assert.match(String(run([v, ["i", "tensor<1x1xi32>", [3]]], "tensor<1x1x2xf32>", '  %r = "tosa.gather"(%v, %i) : (tensor<1x3x2xf32>, tensor<1x1xi32>) -> tensor<1x1x2xf32>')), /^undefined-behavior/);
  const input: [string, string, number[]] = ["x", "tensor<1x1x2xf32>", [9, 8]];
  assert.equal(run([v, ["i", "tensor<1x1xi32>", [1]], input], "tensor<1x3x2xf32>", '  %r = "tosa.scatter"(%v, %i, %x) : (tensor<1x3x2xf32>, tensor<1x1xi32>, tensor<1x1x2xf32>) -> tensor<1x3x2xf32>'), [1, 2, 9, 8, 5, 6]);
  assert.match(
    String(run([v, ["i", "tensor<1x2xi32>", [1, 1]], ["x", "tensor<1x2x2xf32>", [0, 0, 0, 0]]], "tensor<1x3x2xf32>", '  %r = "tosa.scatter"(%v, %i, %x) : (tensor<1x3x2xf32>, tensor<1x2xi32>, tensor<1x2x2xf32>) -> tensor<1x3x2xf32>')),
    /^undefined-behavior: 'tosa.scatter' op scatter writes index 1 twice/,
  );
});

test("argmax, table, select, resize and rfft2d", () => {
  assert.equal(run([["a", "tensor<2x3xf32>", [1, 7, 7, 9, -1, 2]]], "tensor<2xi32>", '  %r = "tosa.argmax"(%a) {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2xi32>'), n([1, 0]));
  const table = Array.from({ length: 256 }, (_, i) => i - 128).reverse();
  assert.equal(run([["x", "tensor<3xi8>", [-128, 0, 127]], ["t", "tensor<256xi8>", table]], "tensor<3xi8>", '  %r = "tosa.table"(%x, %t) : (tensor<3xi8>, tensor<256xi8>) -> tensor<3xi8>'), n([127, -1, -128]));
  assert.equal(
    run([["p", "tensor<2x1xi1>", [1, 0]], ["a", "tensor<2xf32>", [1, 2]], ["b", "tensor<1xf32>", [0]]], "tensor<2x2xf32>",
      '  %r = "tosa.select"(%p, %a, %b) : (tensor<2x1xi1>, tensor<2xf32>, tensor<1xf32>) -> tensor<2x2xf32>'),
    [1, 2, 0, 0],
  );
  assert.equal(
    run([["x", "tensor<1x1x2x1xf32>", [0, 4]]], "tensor<1x1x3x1xf32>",
      '  %r = "tosa.resize"(%x) {border = array<i64: 0, 0>, mode = "BILINEAR", offset = array<i64: 0, 0>, scale = array<i64: 2, 2, 2, 1>} : (tensor<1x1x2x1xf32>) -> tensor<1x1x3x1xf32>'),
    [0, 2, 4],
  );
  const fft = run([["x", "tensor<1x1x4xf32>", [1, 0, -1, 0]]], "tensor<1x1x3xf32>",
    '  %re, %im = "tosa.rfft2d"(%x) : (tensor<1x1x4xf32>) -> (tensor<1x1x3xf32>, tensor<1x1x3xf32>)\n  %r = "tosa.identity"(%re) : (tensor<1x1x3xf32>) -> tensor<1x1x3xf32>') as number[];
  assert.equal(fft.map((v) => Math.round(v * 1e6) / 1e6), [0, 2, 0]);
});

test("cond_if and while_loop", () => {
  const body = (c: number) => [
    ["c", "tensor<i1>", [c]],
    ["x", "tensor<f32>", [2]],
  ] as [string, string, number[]][];
  const src = `  %r = "tosa.cond_if"(%c, %x) ({
  ^bb0(%a: tensor<f32>):
    "tosa.yield"(%a) : (tensor<f32>) -> ()
  }, {
  ^bb0(%a: tensor<f32>):
    %n = "tosa.negate"(%a) : (tensor<f32>) -> tensor<f32>
    "tosa.yield"(%n) : (tensor<f32>) -> ()
  }) : (tensor<i1>, tensor<f32>) -> tensor<f32>`;
  assert.equal(run(body(1), "tensor<f32>", src), [2]);
  assert.equal(run(body(0), "tensor<f32>", src), [-2]);
  assert.equal(
    run([["k", "tensor<i32>", [3]]], "tensor<i32>", `  %r = "tosa.while_loop"(%k) ({
  ^bb0(%i: tensor<i32>):
    %ten = "tosa.const"() {value = dense<10> : tensor<i32>} : () -> tensor<i32>
    %lt = "tosa.greater"(%ten, %i) : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "tosa.yield"(%lt) : (tensor<i1>) -> ()
  }, {
  ^bb0(%i: tensor<i32>):
    %two = "tosa.const"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %next = "tosa.mul"(%i, %two) {shift = 0 : i32} : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "tosa.yield"(%next) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>`),
    n([12]),
  );
});

test.run();
