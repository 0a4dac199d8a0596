/**
 * TOSA's canonicalization patterns (MLIR 16's TosaCanonicalizations.cpp, `getCanonicalizationPatterns` of
 * concat, reshape, select, transpose, add, mul, pad, max_pool2d and clamp); TOSA's folds live with its ops
 * (dialects/tosa/fold.ts). A Context gets the patterns by loading `tosaCanonicalization`.
 *
 * Where MLIR 16's pattern would change what a program computes, the pattern is narrower (said at each):
 * clamp-of-clamp only merges overlapping ranges, clamp-is-noop only drops infinite float bounds, and
 * max_pool2d-is-noop needs no padding.
 */
import { DenseArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { defining } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, IntegerType, RankedTensorType, f32, i32, i64, isDynamic } from "../../src/ir/types.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { ConstantOp } from "../../dialects/arith/ops-constant.ts";
import {
  AddOp,
  ClampOp,
  ConcatOp,
  ConstOp,
  LogicalNotOp,
  MaxPool2dOp,
  MulOp,
  PadOp,
  ReshapeOp,
  SelectOp,
  TransposeOp,
} from "../../dialects/tosa/index.ts";
import { splatOf, splatValue } from "../../dialects/tosa/fold.ts";
import { constantInts } from "../../dialects/tosa/infer-shape.ts";
import { TosaInt32Or64Tensor } from "../../dialects/tosa/types.ts";
import { narrow } from "../../src/irdl/constraints.ts";

/** Runs `build` with the rewriter placed before `op` and at its location. */
const before = <R>(rw: PatternRewriter, op: Operation, build: () => R): R => rw.at(InsertionPoint.before(op), build, op.loc);

/**
 * concat of one tensor -> that tensor (when the types agree; MLIR 16 casts otherwise, with tensor.cast).
 *
 *   %r = "tosa.concat"(%x) {axis = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>     ->   uses of %r use %x
 */
export const concatOfOne = rewrite({
  name: "tosa.concat-of-one",
  examples: [{ ir: "^bb0(%x: $T):\n  %r = \"tosa.concat\"(%x) {axis = 0 : i64} : ($T) -> $T", types: { T: ["tensor<2x3xf32>", "tensor<5xi32>", "tensor<1x1xi8>"] } }],
  root: ConcatOp,
  apply(op, rw) {
    const inputs = op.input1;
    if (inputs.length !== 1) return rw.fail("more than one input");
    const [x] = inputs;
    if (x === undefined || x.type !== op.output.type) return rw.fail("the input's type is not the result's");
    rw.replaceOp(op, [x]);
    return rw.done();
  },
});

/**
 * reshape(reshape(x)) -> reshape(x).
 *
 *   %a = "tosa.reshape"(%x) {new_shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>
 *   %r = "tosa.reshape"(%a) {new_shape = array<i64: 3, 2>} : (tensor<6xf32>) -> tensor<3x2xf32>
 *     ->   %r = "tosa.reshape"(%x) {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
 */
export const reshapeOfReshape = rewrite({
  name: "tosa.reshape-of-reshape",
  examples: [
    {
      ir: '^bb0(%x: tensor<2x3x$E>):\n  %a = "tosa.reshape"(%x) {new_shape = array<i64: 6>} : (tensor<2x3x$E>) -> tensor<6x$E>\n  %r = "tosa.reshape"(%a) {new_shape = array<i64: 3, 2>} : (tensor<6x$E>) -> tensor<3x2x$E>',
      types: { E: ["f32", "i32", "i8"] },
    },
    '^bb0(%x: tensor<1x4xf32>):\n  %a = "tosa.reshape"(%x) {new_shape = array<i64: 2, 2>} : (tensor<1x4xf32>) -> tensor<2x2xf32>\n  %r = "tosa.reshape"(%a) {new_shape = array<i64: 4, 1>} : (tensor<2x2xf32>) -> tensor<4x1xf32>',
  ],
  root: ReshapeOp,
  apply(op, rw) {
    const inner = defining(op.input1, ReshapeOp);
    if (inner === undefined) return rw.fail("the input is not a reshape");
    before(rw, op, () => rw.replaceOpWithNew(op, ReshapeOp, { input1: inner.input1, new_shape: op.new_shape, output: op.output.type }));
    return rw.done();
  },
});

/**
 * reshape of a constant -> a constant of the new shape (when the constant is a splat or used once).
 *
 *   %c = "tosa.const"() {value = dense<[1, 2, 3, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
 *   %r = "tosa.reshape"(%c) {new_shape = array<i64: 2, 2>} : (tensor<4xi32>) -> tensor<2x2xi32>
 *     ->   %r = "tosa.const"() {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
 */
export const reshapeOfConst = rewrite({
  name: "tosa.reshape-of-const",
  examples: [
    { ir: '%c = "tosa.const"() {value = ?c : tensor<4x$E>} : () -> tensor<4x$E>\n  %r = "tosa.reshape"(%c) {new_shape = array<i64: 2, 2>} : (tensor<4x$E>) -> tensor<2x2x$E>', types: { E: ["f32", "i32", "i8"] } },
    '%c = "tosa.const"() {value = dense<[1.5, 2.0, -3.0, 4.0]> : tensor<4xf32>} : () -> tensor<4xf32>\n  %r = "tosa.reshape"(%c) {new_shape = array<i64: 2, 2>} : (tensor<4xf32>) -> tensor<2x2xf32>',
    '%c = "tosa.const"() {value = dense<[[1, 2, 3]]> : tensor<1x3xi32>} : () -> tensor<1x3xi32>\n  %r = "tosa.reshape"(%c) {new_shape = array<i64: 3>} : (tensor<1x3xi32>) -> tensor<3xi32>',
  ],
  root: ReshapeOp,
  apply(op, rw) {
    const input = op.input1;
    const a = constantAttr(input);
    if (!(a instanceof DenseElementsAttr)) return rw.fail("the input is not a dense constant");
    const out = op.output.type;
    if (!(out instanceof RankedTensorType) || out.elementType !== a.type.elementType || out.shape.some(isDynamic)) return rw.fail("the result is not a static tensor of the same elements");
    if (!input.hasOneUse && !a.isSplat) return rw.fail("used more than once and not a splat");
    before(rw, op, () => rw.replaceOpWithNew(op, ConstOp, { value: DenseElementsAttr.get(out, a.data), output: out }));
    return rw.done();
  },
});

/**
 * select(logical_not(p), a, b) -> select(p, b, a).
 *
 *   %n = "tosa.logical_not"(%p) : (tensor<3xi1>) -> tensor<3xi1>
 *   %r = "tosa.select"(%n, %a, %b) : (...) -> tensor<3xf32>     ->   %r = "tosa.select"(%p, %b, %a) : ...
 */
export const selectOfNot = rewrite({
  name: "tosa.select-of-not",
  examples: [
    { ir: '^bb0(%p: tensor<3xi1>, %a: tensor<3x$E>, %b: tensor<3x$E>):\n  %n = "tosa.logical_not"(%p) : (tensor<3xi1>) -> tensor<3xi1>\n  %r = "tosa.select"(%n, %a, %b) : (tensor<3xi1>, tensor<3x$E>, tensor<3x$E>) -> tensor<3x$E>', types: { E: ["f32", "i32"] } },
  ],
  root: SelectOp,
  apply(op, rw) {
    const not = defining(op.pred, LogicalNotOp);
    if (not === undefined) return rw.fail("the predicate is not logical_not");
    const [t, f] = [op.on_true, op.on_false];
    rw.modifyInPlace(op, () => op.setOperands([not.input1, f, t]));
    return rw.done();
  },
});

/**
 * transpose(transpose(x, p1), p2) -> transpose(x, p1[p2[i]]), the composed permutation an arith.constant
 * (as MLIR 16 builds it).
 *
 *   %a = "tosa.transpose"(%x, %p) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<3x4x2xf32>     p = [1, 2, 0]
 *   %r = "tosa.transpose"(%a, %p) : (tensor<3x4x2xf32>, tensor<3xi32>) -> tensor<4x2x3xf32>
 *     ->   %q = arith.constant dense<[2, 0, 1]> : tensor<3xi32>
 *          %r = "tosa.transpose"(%x, %q) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<4x2x3xf32>
 */
export const transposeOfTranspose = rewrite({
  name: "tosa.transpose-of-transpose",
  examples: [
    '^bb0(%x: tensor<2x3x4xf32>):\n  %p = "tosa.const"() {value = dense<[1, 2, 0]> : tensor<3xi32>} : () -> tensor<3xi32>\n  %a = "tosa.transpose"(%x, %p) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<3x4x2xf32>\n  %r = "tosa.transpose"(%a, %p) : (tensor<3x4x2xf32>, tensor<3xi32>) -> tensor<4x2x3xf32>',
    '^bb0(%x: tensor<5x7xi32>):\n  %p = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi64>} : () -> tensor<2xi64>\n  %a = "tosa.transpose"(%x, %p) : (tensor<5x7xi32>, tensor<2xi64>) -> tensor<7x5xi32>\n  %r = "tosa.transpose"(%a, %p) : (tensor<7x5xi32>, tensor<2xi64>) -> tensor<5x7xi32>',
  ],
  root: TransposeOp,
  apply(op, rw) {
    const inner = defining(op.input1, TransposeOp);
    if (inner === undefined) return rw.fail("input must be transpose operation");
    const outer = constantInts(op.perms);
    if (outer === undefined) return rw.fail("transpose perms must be constant");
    const first = constantInts(inner.perms);
    if (first === undefined) return rw.fail("inner transpose perms must be constant");
    if (outer.length !== first.length) return rw.fail("transpose and inner transpose perms sizes must be equal");
    if (outer.length === 0) return rw.fail("transpose perms sizes must be positive");
    const composed = Int32Array.from(outer, (p) => first[p] ?? 0);
    before(rw, op, () => {
      const perms = rw.create(ConstantOp, { value: DenseElementsAttr.get(RankedTensorType.get([composed.length], i32), composed) }).result;
      rw.replaceOpWithNew(op, TransposeOp, { input1: inner.input1, perms: narrow(perms, TosaInt32Or64Tensor), output: op.output.type });
    });
    return rw.done();
  },
});

/**
 * A transpose that only moves size-1 dims (the others keep their order) is a reshape.
 *
 *   %r = "tosa.transpose"(%x, %p) : (tensor<1x5xf32>, tensor<2xi32>) -> tensor<5x1xf32>       p = [1, 0]
 *     ->   %r = "tosa.reshape"(%x) {new_shape = array<i64: 5, 1>} : (tensor<1x5xf32>) -> tensor<5x1xf32>
 */
export const transposeIsReshape = rewrite({
  name: "tosa.transpose-is-reshape",
  examples: [
    { ir: '^bb0(%x: tensor<1x5x$E>):\n  %p = "tosa.const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>\n  %r = "tosa.transpose"(%x, %p) : (tensor<1x5x$E>, tensor<2xi32>) -> tensor<5x1x$E>', types: { E: ["f32", "i32"] } },
    '^bb0(%x: tensor<3x1x4xf32>):\n  %p = "tosa.const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>\n  %r = "tosa.transpose"(%x, %p) : (tensor<3x1x4xf32>, tensor<3xi32>) -> tensor<1x3x4xf32>',
  ],
  root: TransposeOp,
  apply(op, rw) {
    const perms = constantInts(op.perms);
    if (perms === undefined) return rw.fail("Non-constant permutation");
    if (defining(op.input1, TransposeOp) !== undefined) return rw.fail("Src is from transpose, can compose transposes");
    if (op.output.users().some((u) => u.name === "tosa.transpose")) return rw.fail("Dest is used by transpose, can compose transposes");
    const t = op.input1.type;
    if (!(t instanceof RankedTensorType)) return rw.fail("Unranked input.");
    if (t.shape.filter(isDynamic).length > 1) return rw.fail("Has more than one dynamic dim.");
    const moved = perms.filter((p) => t.shape[p] !== 1);
    if (moved.some((p, i) => i > 0 && (moved[i - 1] as number) > p)) return rw.fail("Transpose changes memory layout.");
    const out = op.output.type;
    if (!(out instanceof RankedTensorType)) return rw.fail("Unranked result.");
    const shape = perms.map((p) => t.shape[p] as number);
    before(rw, op, () => rw.replaceOpWithNew(op, ReshapeOp, { input1: op.input1, new_shape: DenseArrayAttr.get(i64, shape.map((d) => (isDynamic(d) ? -1 : d))), output: out }));
    return rw.done();
  },
});

/**
 * add(x, 0) -> x for integers, when x has the result's type (the fold needs equal operand types; this also
 * takes a broadcast zero).
 *
 *   %z = "tosa.const"() {value = dense<0> : tensor<1x3xi32>} : () -> tensor<1x3xi32>
 *   %r = "tosa.add"(%z, %x) : (tensor<1x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>     ->   uses of %r use %x
 */
export const addZero = rewrite({
  name: "tosa.add-zero",
  examples: [
    { ir: '^bb0(%x: tensor<2x3x$E>):\n  %z = "tosa.const"() {value = dense<0> : tensor<1x3x$E>} : () -> tensor<1x3x$E>\n  %r = "tosa.add"(%z, %x) : (tensor<1x3x$E>, tensor<2x3x$E>) -> tensor<2x3x$E>', types: { E: ["i32", "i8", "i64"] } },
    '^bb0(%x: tensor<4xi16>):\n  %z = "tosa.const"() {value = dense<0> : tensor<1xi16>} : () -> tensor<1xi16>\n  %r = "tosa.add"(%x, %z) : (tensor<4xi16>, tensor<1xi16>) -> tensor<4xi16>',
  ],
  root: AddOp,
  apply(op, rw) {
    for (const [zero, other] of [[op.input1, op.input2], [op.input2, op.input1]] as const) {
      if (other.type !== op.output.type) continue;
      const a = constantAttr(zero);
      if (!(a instanceof DenseElementsAttr) || !(a.type.elementType instanceof IntegerType) || splatValue(a) !== 0n) continue;
      rw.replaceOp(op, [other]);
      return rw.done();
    }
    return rw.fail("no integer zero splat next to an operand of the result's type");
  },
});

/**
 * mul(x, 1) -> x, when x has the result's type (also for a broadcast one; integers: 1 exactly, as MLIR 16's
 * pattern checks, with shift 0).
 *
 *   %one = "tosa.const"() {value = dense<1.0> : tensor<1xf32>} : () -> tensor<1xf32>
 *   %r = "tosa.mul"(%x, %one) {shift = 0 : i32} : (tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>     ->   %x
 */
export const mulOne = rewrite({
  name: "tosa.mul-one",
  examples: [
    { ir: '^bb0(%x: tensor<4x$E>):\n  %one = "tosa.const"() {value = dense<?{1.0|1.0|-1.0}> : tensor<1x$E>} : () -> tensor<1x$E>\n  %r = "tosa.mul"(%x, %one) {shift = 0 : i32} : (tensor<4x$E>, tensor<1x$E>) -> tensor<4x$E>', types: { E: ["f32", "f16"] } },
    '^bb0(%x: tensor<2x2xi8>):\n  %one = "tosa.const"() {value = dense<1> : tensor<1x2xi8>} : () -> tensor<1x2xi8>\n  %r = "tosa.mul"(%one, %x) {shift = 0 : i32} : (tensor<1x2xi8>, tensor<2x2xi8>) -> tensor<2x2xi8>',
  ],
  root: MulOp,
  apply(op, rw) {
    for (const [one, other] of [[op.input1, op.input2], [op.input2, op.input1]] as const) {
      if (other.type !== op.output.type) continue;
      const v = splatValue(constantAttr(one));
      const isOne = typeof v === "number" ? v === 1 : v === 1n && op.shift.value === 0n;
      if (!isOne) continue;
      rw.replaceOp(op, [other]);
      return rw.done();
    }
    return rw.fail("no splat one next to an operand of the result's type");
  },
});

/**
 * pad without a pad value -> pad with an explicit zero (or the input zero point) tosa.const.
 *
 *   %r = "tosa.pad"(%x, %p) : (tensor<2xf32>, tensor<1x2xi32>) -> tensor<4xf32>
 *     ->   %c = "tosa.const"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
 *          %r = "tosa.pad"(%x, %p, %c) : (tensor<2xf32>, tensor<1x2xi32>, tensor<f32>) -> tensor<4xf32>
 */
export const materializePadValue = rewrite({
  name: "tosa.pad-materialize-value",
  examples: [
    { ir: '^bb0(%x: tensor<2x$E>):\n  %p = "tosa.const"() {value = dense<[[1, 2]]> : tensor<1x2xi32>} : () -> tensor<1x2xi32>\n  %r = "tosa.pad"(%x, %p) : (tensor<2x$E>, tensor<1x2xi32>) -> tensor<5x$E>', types: { E: ["f32", "i32", "i8"] } },
    '^bb0(%x: tensor<2xi8>):\n  %p = "tosa.const"() {value = dense<[[0, ?{1|3}]]> : tensor<1x2xi32>} : () -> tensor<1x2xi32>\n  %r = "tosa.pad"(%x, %p) {quantization_info = #tosa.pad_quant<input_zp = 3>} : (tensor<2xi8>, tensor<1x2xi32>) -> tensor<?xi8>',
  ],
  root: PadOp,
  apply(op, rw) {
    if (op.pad_const !== undefined) return rw.fail("the pad value is explicit already");
    const input = op.input1.type;
    const e = input instanceof RankedTensorType ? input.elementType : undefined;
    const scalar = e === undefined ? undefined : RankedTensorType.get([], e);
    const zp = op.quantization_info?.get("input_zp") ?? 0n;
    const value = scalar === undefined ? undefined : splatOf(scalar, e instanceof FloatType ? 0 : zp);
    if (value === undefined || scalar === undefined) return rw.fail("tosa.pad to linalg lowering encountered an unknown element type");
    before(rw, op, () => {
      const padConst = rw.create(ConstOp, { value, output: scalar }).output;
      const attrs = Object.fromEntries(op.attributes);
      rw.replaceOpWithNew(op, PadOp, { input1: op.input1, padding: op.padding, pad_const: padConst, output: op.output.type, ...attrs });
    });
    return rw.done();
  },
});

/**
 * max_pool2d of a 1x1 image to a 1x1 image, without padding -> the input (MLIR 16 also drops padding, whose
 * windows could then hold padding only).
 *
 *   %r = "tosa.max_pool2d"(%x) {kernel = array<i64: 1, 1>, ...} : (tensor<2x1x1x3xf32>) -> tensor<2x1x1x3xf32>   ->   %x
 */
export const maxPool2dIsNoOp = rewrite({
  name: "tosa.max_pool2d-is-noop",
  examples: [
    { ir: '^bb0(%x: tensor<2x1x1x3x$E>):\n  %r = "tosa.max_pool2d"(%x) {kernel = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<2x1x1x3x$E>) -> tensor<2x1x1x3x$E>', types: { E: ["f32", "i8"] } },
  ],
  root: MaxPool2dOp,
  apply(op, rw) {
    const [inTy, outTy] = [op.input.type, op.output.type];
    if (!(inTy instanceof RankedTensorType) || !(outTy instanceof RankedTensorType) || inTy.shape.some(isDynamic) || outTy.shape.some(isDynamic)) {
      return rw.fail("not statically shaped");
    }
    if (outTy.shape[1] !== 1 || outTy.shape[2] !== 1 || inTy.shape[1] !== 1 || inTy.shape[2] !== 1) return rw.fail("not 1x1 images");
    if (op.pad.numbers.some((p) => p !== 0)) return rw.fail("padded: a window might hold padding only");
    if (inTy !== outTy) return rw.fail("the input's type is not the result's");
    rw.replaceOp(op, [op.input]);
    return rw.done();
  },
});

/**
 * clamp to the whole range of the element type -> the input (floats: only infinite bounds, since MLIR 16's
 * largest-finite bounds would clamp infinities).
 *
 *   %r = "tosa.clamp"(%x) {max_fp = 0x7F800000 : f32, min_fp = 0xFF800000 : f32, ...} : (tensor<3xf32>) -> tensor<3xf32>   ->   %x
 */
export const clampIsNoOp = rewrite({
  name: "tosa.clamp-is-noop",
  examples: [
    '^bb0(%x: tensor<3xf32>):\n  %r = "tosa.clamp"(%x) {max_fp = 0x7F800000 : f32, max_int = 0 : i64, min_fp = 0xFF800000 : f32, min_int = 0 : i64} : (tensor<3xf32>) -> tensor<3xf32>',
    { ir: '^bb0(%x: tensor<3x$E>):\n  %r = "tosa.clamp"(%x) {max_fp = 0.0 : f32, max_int = ?{9223372036854775807|127|32767|2147483647} : i64, min_fp = 0.0 : f32, min_int = ?{-9223372036854775808|-128|-32768|-2147483648} : i64} : (tensor<3x$E>) -> tensor<3x$E>', types: { E: ["i8", "i16", "i32"] } },
    '^bb0(%x: tensor<3xui8>):\n  %r = "tosa.clamp"(%x) {max_fp = 0.0 : f32, max_int = 255 : i64, min_fp = 0.0 : f32, min_int = 0 : i64} : (tensor<3xui8>) -> tensor<3xui8>',
  ],
  root: ClampOp,
  apply(op, rw) {
    const t = op.input.type;
    if (!(t instanceof RankedTensorType) || t.shape.some(isDynamic)) return rw.fail("not statically shaped");
    if (t !== op.output.type) return rw.fail("the input's type is not the result's");
    const e = t.elementType;
    let noop = false;
    if (e instanceof FloatType && e.name === "f32") noop = op.min_fp.value === -Infinity && op.max_fp.value === Infinity;
    else if (e instanceof IntegerType && e.width > 1) {
      const w = BigInt(e.width);
      const [min, max] = e.signedness === "unsigned" ? [0n, (1n << w) - 1n] : [-(1n << (w - 1n)), (1n << (w - 1n)) - 1n];
      noop = op.min_int.value <= min && op.max_int.value >= max;
    }
    if (!noop) return rw.fail("the bounds clamp some values");
    rw.replaceOp(op, [op.input]);
    return rw.done();
  },
});

/**
 * clamp(clamp(x, a, b), c, d) -> clamp(x, max(a, c), min(b, d)), when the ranges overlap (MLIR 16 merges
 * any: disjoint ranges give an empty one, which clamps differently).
 *
 *   %a = "tosa.clamp"(%x) {max_fp = 6.0 : f32, min_fp = 0.0 : f32, max_int = 6 : i64, min_int = 0 : i64} : ...
 *   %r = "tosa.clamp"(%a) {max_fp = 4.0 : f32, min_fp = -1.0 : f32, max_int = 4 : i64, min_int = -1 : i64} : ...
 *     ->   %r = "tosa.clamp"(%x) {max_fp = 4.0 : f32, min_fp = 0.0 : f32, max_int = 4 : i64, min_int = 0 : i64} : ...
 */
export const clampOfClamp = rewrite({
  name: "tosa.clamp-of-clamp",
  examples: [
    {
      ir: '^bb0(%x: tensor<4x$E>):\n  %a = "tosa.clamp"(%x) {max_fp = 6.0 : f32, max_int = 6 : i64, min_fp = 0.0 : f32, min_int = 0 : i64} : (tensor<4x$E>) -> tensor<4x$E>\n  %r = "tosa.clamp"(%a) {max_fp = ?{4.0|8.0|0.5} : f32, max_int = ?{4|8|1} : i64, min_fp = ?{-1.0|2.0|0.0} : f32, min_int = ?{-1|2|0} : i64} : (tensor<4x$E>) -> tensor<4x$E>',
      types: { E: ["f32", "i32", "i8"] },
    },
  ],
  root: ClampOp,
  apply(op, rw) {
    const inner = defining(op.input, ClampOp);
    if (inner === undefined) return rw.fail("the input is not a clamp");
    const minFp = Math.max(op.min_fp.value, inner.min_fp.value);
    const maxFp = Math.min(op.max_fp.value, inner.max_fp.value);
    const minInt = op.min_int.value > inner.min_int.value ? op.min_int.value : inner.min_int.value;
    const maxInt = op.max_int.value < inner.max_int.value ? op.max_int.value : inner.max_int.value;
    const float = op.input.type instanceof RankedTensorType && op.input.type.elementType instanceof FloatType;
    if (float ? !(minFp <= maxFp) : minInt > maxInt) return rw.fail("the ranges do not overlap");
    before(rw, op, () =>
      rw.replaceOpWithNew(op, ClampOp, {
        input: inner.input,
        min_int: IntegerAttr.get(i64, minInt),
        max_int: IntegerAttr.get(i64, maxInt),
        min_fp: FloatAttr.get(f32, minFp),
        max_fp: FloatAttr.get(f32, maxFp),
        output: op.output.type,
      }),
    );
    return rw.done();
  },
});

/** Every TOSA canonicalization pattern. */
export const tosaCanonicalizationPatterns: readonly Pattern[] = [
  concatOfOne,
  reshapeOfReshape,
  reshapeOfConst,
  selectOfNot,
  transposeOfTranspose,
  transposeIsReshape,
  addZero,
  mulOne,
  materializePadValue,
  maxPool2dIsNoOp,
  clampIsNoOp,
  clampOfClamp,
];

/** The patterns as an extension of the tosa dialect, for a Context to load. */
export const tosaCanonicalization = defineDialectExtension({
  name: "tosa-canonicalization",
  dialects: ["tosa"],
  canonicalization: tosaCanonicalizationPatterns,
});
