/**
 * The TOSA dialect: every MLIR 16 op is defined once, ops built without result types get MLIR 16's inferred
 * shapes (InferShapedTypeOpInterface), and a small attention block built that way verifies and prints what
 * mlir-opt-16 accepts.
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createModule, moduleBody } from "../../dialects/builtin/ops.ts";
import { buildFunc } from "../../dialects/func/build.ts";
import { ReturnOp } from "../../dialects/func/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { broadcastShapes } from "../../dialects/tosa/infer-shape.ts";
import { DenseArrayAttr, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Pure } from "../../src/ir/traits.ts";
import { DYNAMIC, RankedTensorType, type Type, f16, f32, i1, i32, i64, tensor } from "../../src/ir/types.ts";
import { narrow } from "../../src/irdl/constraints.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { printOp } from "../../src/text/printer.ts";
import { newContext } from "../../rewrites/index.ts";
import { mlirOpt, norm, tensileOpt } from "../support/mlir-compat.ts";

// MLIR 16's TosaOps.td and TosaUtilOps.td, in their order.
const MLIR16_TOSA_OPS = [
  "argmax", "avg_pool2d", "conv2d", "conv3d", "depthwise_conv2d", "fully_connected", "matmul", "max_pool2d", "rfft2d",
  "transpose_conv2d", "clamp", "sigmoid", "tanh", "add", "arithmetic_right_shift", "bitwise_and", "bitwise_or",
  "bitwise_xor", "div", "logical_and", "logical_left_shift", "logical_right_shift", "logical_or", "logical_xor",
  "maximum", "minimum", "mul", "pow", "sub", "table", "abs", "bitwise_not", "ceil", "clz", "exp", "floor", "log",
  "logical_not", "negate", "reciprocal", "rsqrt", "select", "equal", "greater", "greater_equal", "reduce_all",
  "reduce_any", "reduce_max", "reduce_min", "reduce_prod", "reduce_sum", "concat", "pad", "reshape", "reverse", "slice",
  "tile", "transpose", "gather", "scatter", "resize", "cast", "rescale", "const", "identity", "custom", "cond_if",
  "while_loop", "apply_scale", "yield",
] as const;

test("the dialect holds every MLIR 16 tosa op once, each with a summary", () => {
  const names = T.tosa.ops.map((o) => o.info?.name);
  assert.equal([...names].sort(), MLIR16_TOSA_OPS.map((n) => `tosa.${n}`).sort());
  assert.is(new Set(names).size, 70);
  for (const Op of T.tosaOps) assert.ok(Op.info.summary.length > 10, Op.info.name);
  // Every op but custom and the control-flow ones (which recurse into their regions) has no side effects.
  const impure = T.tosaOps.filter((Op) => !Op.info.traits.has(Pure)).map((Op) => Op.info.name);
  assert.equal(impure.sort(), ["tosa.cond_if", "tosa.custom", "tosa.while_loop"]);
});

test("TOSA broadcasting: right-aligned, size-1 dims stretch, equal sizes otherwise", () => {
  assert.equal(broadcastShapes([[2, 1, 3], [4, 1]]), [2, 4, 3]);
  assert.equal(broadcastShapes([[1], [0]]), [0]);
  assert.equal(broadcastShapes([[5, 7], []]), [5, 7]);
  assert.equal(broadcastShapes([[2, 3], [3, 2]]), undefined);
  // A dynamic dim broadcasts only with 1 or itself (MLIR 16's resolveBroadcastShape).
  assert.equal(broadcastShapes([[DYNAMIC, 3], [1, 3]]), [DYNAMIC, 3]);
  assert.equal(broadcastShapes([[DYNAMIC], [3]]), undefined);
  assert.equal(broadcastShapes([[2, 3], undefined]), undefined);
});


test("buildTosa infers the result types of an attention block", () => {
  const ctx = newContext();
  const m = createModule();
  const b = Builder.atEnd(moduleBody(m));
  const x = tensor([1, 8, 16], f32);
  const wq = tensor([1, 16, 16], f32);
  let out: Type[] = [];
  buildFunc(b, "attention", [x, wq, wq], [tensor([1, 8, 16], f32)], (entry, fb) => {
    const [h, wQ, wK] = entry.args.map((v) => narrow(v, T.TosaTensor));
    if (h === undefined || wQ === undefined || wK === undefined) throw new Error("args");
    const q = T.buildTosa(fb, T.MatMulOp, { a: h, b: wQ }).c;
    const k = T.buildTosa(fb, T.MatMulOp, { a: h, b: wK }).c;
    const perms = T.tosaConst(fb, DenseElementsAttr.get(tensor([3], i32), new Int32Array([0, 2, 1])));
    const kT = T.buildTosa(fb, T.TransposeOp, { input1: k, perms }).output;
    const scores = T.buildTosa(fb, T.MatMulOp, { a: q, b: kT }).c;
    const max = T.buildTosa(fb, T.ReduceMaxOp, { input: scores, axis: IntegerAttr.get(i64, 2) }).output;
    const shifted = T.buildTosa(fb, T.SubOp, { input1: scores, input2: max }).output;
    const e = T.buildTosa(fb, T.ExpOp, { input1: shifted }).output;
    const sum = T.buildTosa(fb, T.ReduceSumOp, { input: e, axis: IntegerAttr.get(i64, 2) }).output;
    const inv = T.buildTosa(fb, T.ReciprocalOp, { input1: sum }).output;
    const p = T.buildTosa(fb, T.MulOp, { input1: e, input2: inv, shift: IntegerAttr.get(i32, 0) }).output;
    const attn = T.buildTosa(fb, T.MatMulOp, { a: p, b: q }).c;
    const mask = T.buildTosa(fb, T.GreaterOp, { input1: attn, input2: h }).output;
    const half = T.buildTosa(fb, T.CastOp, { input: attn }, f16).output;
    const flat = T.buildTosa(fb, T.ReshapeOp, { input1: half, new_shape: DenseArrayAttr.get(i64, [8, -1]) }).output;
    out = [kT.type, scores.type, max.type, mask.type, flat.type];
    fb.create(ReturnOp, { values: [attn] });
  });
  assert.equal(
    out.map((t) => (t instanceof RankedTensorType ? t.shape : [])),
    [[1, 16, 8], [1, 8, 8], [1, 8, 1], [1, 8, 16], [8, 16]],
  );
  assert.is((out[3] as RankedTensorType).elementType, i1);
  assert.is((out[4] as RankedTensorType).elementType, f16);
  const v = verify(m, { ctx });
  assert.ok(isRight(v), isLeft(v) ? v.left.map((d) => d.message).join("\n") : "");
  const text = printOp(m);
  // mlir-opt-16 reads it back and prints the same.
  assert.is(norm(mlirOpt([], text)), norm(tensileOpt(text)));
});

test("buildTosa names the op and the operands when a shape cannot be inferred", () => {
  const m = createModule();
  const b = Builder.atEnd(moduleBody(m));
  buildFunc(b, "bad", [tensor([2, 3], f32), tensor([3, 2], f32)], [], (entry, fb) => {
    const [x, y] = entry.args.map((v) => narrow(v, T.TosaTensor));
    if (x === undefined || y === undefined) throw new Error("args");
    assert.throws(
      () => T.buildTosa(fb, T.AddOp, { input1: x, input2: y }),
      (e: Error) => e.message === "'tosa.add': cannot infer the result type for operands (tensor<2x3xf32>, tensor<3x2xf32>)",
    );
    fb.create(ReturnOp, { values: [] });
  });
});

test.run();
