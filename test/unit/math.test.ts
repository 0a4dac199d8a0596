/**
 * The math dialect: every MLIR 16 op built with the typed builders (result types inferred, fast-math flags
 * where MLIR has them), the custom forms of all of them against mlir-opt-16, and the verifier's messages.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FastMathAttr } from "../../dialects/arith/attrs.ts";
import { FloatLike, SignlessIntegerLike } from "../../dialects/arith/constraints.ts";
import * as M from "../../dialects/math/index.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Block } from "../../src/ir/operation.ts";
import { Elementwise, Pure, SameOperandsAndResultShape, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { f32, f64, i32, index, tensor, vector } from "../../src/ir/types.ts";
import { DYNAMIC } from "../../src/ir/types.ts";
import { narrow } from "../../src/irdl/constraints.ts";
import { assertAgreesWithMlir, assertDiagnostics, mlirOpt, norm, tensileOpt } from "../support/mlir-compat.ts";

// The ops of MLIR 16's math dialect, by their operand shape.
const FLOAT_UNARY = [
  "absf", "atan", "cbrt", "ceil", "cos", "erf", "exp", "exp2", "expm1", "floor", "log", "log10", "log1p", "log2",
  "round", "roundeven", "rsqrt", "sin", "sqrt", "tan", "tanh", "trunc",
] as const;
const FLOAT_BINARY = ["atan2", "copysign", "powf"] as const;
const INT_UNARY = ["absi", "ctlz", "cttz", "ctpop"] as const;

// ---- building ---------------------------------------------------------------------------------------------

test("the dialect holds every MLIR 16 math op once", () => {
  const names = M.math.ops.map((o) => o.info?.name);
  const expected = [...FLOAT_UNARY, ...FLOAT_BINARY, ...INT_UNARY, "fma", "fpowi", "ipowi"].map((n) => `math.${n}`);
  assert.equal([...names].sort(), [...expected].sort());
  assert.is(new Set(names).size, 32);
  for (const Op of M.mathOps) {
    assert.ok(Op.info.traits.has(Pure), Op.info.name);
    assert.ok(Op.info.traits.has(Elementwise), Op.info.name);
  }
  assert.ok(M.FPowIOp.info.traits.has(SameOperandsAndResultShape));
  assert.not.ok(M.FPowIOp.info.traits.has(SameOperandsAndResultType), "fpowi's exponent is an integer");
});

test("unary and binary ops infer their result type; float ops store fastmath none when unset", () => {
  const block = new Block([f32, vector([4], f64), i32]);
  const b = Builder.atEnd(block);
  const x = narrow(block.arg(0), FloatLike);
  const v = narrow(block.arg(1), FloatLike);
  const n = narrow(block.arg(2), SignlessIntegerLike);
  const unary = M.mathOps.filter((Op) => FLOAT_UNARY.some((u) => Op.info.name === `math.${u}`));
  assert.is(unary.length, FLOAT_UNARY.length);
  for (const Op of [M.AbsFOp, M.SqrtOp, M.TanhOp, M.RoundEvenOp]) {
    const op = b.insert(Op.build({ operand: v }));
    assert.is(op.result.type, v.type, Op.info.name);
    assert.is(op.fastmath, FastMathAttr.none());
    assert.is(op.attr("fastmath"), FastMathAttr.none(), "the default is stored, as MLIR's populateDefaultAttrs does");
  }
  const pow = b.create(M.PowFOp, { lhs: x, rhs: x, fastmath: FastMathAttr.get(["nnan", "ninf"]) });
  assert.is(pow.result.type, f32);
  assert.equal(pow.fastmath.keywords, ["nnan", "ninf"]);
  const fma = b.create(M.FmaOp, { a: v, b: v, c: v });
  assert.is(fma.result.type, v.type);
  const fpowi = b.create(M.FPowIOp, { lhs: x, rhs: n });
  assert.is(fpowi.result.type, f32, "fpowi's result has the base's type");
  const ipowi = b.create(M.IPowIOp, { lhs: n, rhs: n });
  assert.is(ipowi.result.type, i32);
  for (const Op of [M.AbsIOp, M.CountLeadingZerosOp, M.CountTrailingZerosOp, M.CtPopOp]) {
    const op = b.insert(Op.build({ operand: n }));
    assert.is(op.result.type, i32, Op.info.name);
    assert.not.ok("fastmath" in op, `${Op.info.name} has no fast-math flags`);
  }
  assert.is(block.numOps, 4 + 3 + 4 + 1);
});

// ---- text: agreement with mlir-opt-16 ---------------------------------------------------------------------

test("every math op prints as mlir-opt-16 prints it, with and without fast-math flags", () => {
  const lines: string[] = [];
  let n = 0;
  const flags = ["", " fastmath<fast>", " fastmath<nnan,ninf>", " fastmath<none>", " fastmath<reassoc,nsz,arcp,contract,afn>"];
  for (const [i, op] of FLOAT_UNARY.entries()) {
    lines.push(`  %${n++} = math.${op} %x${flags[i % flags.length]} : f32`);
    lines.push(`  %${n++} = math.${op} %t : tensor<?xf64>`);
  }
  for (const [i, op] of FLOAT_BINARY.entries()) {
    lines.push(`  %${n++} = math.${op} %x, %x${flags[(i + 1) % flags.length]} {tag} : f32`);
    lines.push(`  %${n++} = math.${op} %v, %v : vector<4xf32>`);
  }
  for (const op of INT_UNARY) {
    lines.push(`  %${n++} = math.${op} %i : i32`);
    lines.push(`  %${n++} = math.${op} %vi {tag = 1} : vector<4xi32>`);
  }
  lines.push(`  %${n++} = math.fma %x, %x, %x : f32`);
  lines.push(`  %${n++} = math.fma %v, %v, %v fastmath<contract> : vector<4xf32>`);
  lines.push(`  %${n++} = math.fpowi %x, %i : f32, i32`);
  lines.push(`  %${n++} = math.fpowi %v, %vi fastmath<afn> {tag} : vector<4xf32>, vector<4xi32>`);
  lines.push(`  %${n++} = math.ipowi %i, %i : i32`);
  lines.push(`  %${n++} = math.ipowi %ix, %ix : index`);
  assertAgreesWithMlir(
    `func.func @f(%x: f32, %i: i32, %v: vector<4xf32>, %vi: vector<4xi32>, %t: tensor<?xf64>, %ix: index) {\n${lines.join("\n")}\n  return\n}\n`,
  );
});

test("a generic math op without fastmath prints in custom form without flags", () => {
  const text = `func.func @f(%x: f32) -> f32 {\n  %0 = "math.sqrt"(%x) : (f32) -> f32\n  return %0 : f32\n}\n`;
  assert.fixture(norm(tensileOpt(text)), norm(mlirOpt([], text)));
});

// ---- verifier ---------------------------------------------------------------------------------------------

test("invalid math IR gets MLIR 16's diagnostics", () => {
  assertDiagnostics(`
func.func @f(%c: f32) {
  // expected-error @+1 {{'math.absi' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = math.absi %c : f32
  return
}
// -----
func.func @f(%c: f32) {
  // expected-error @+1 {{'math.absf' op requires the same type for all operands and results}}
  %0 = "math.absf"(%c) : (f32) -> f64
  return
}
// -----
func.func @f(%c: i32) {
  // expected-error @+1 {{'math.fpowi' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = "math.fpowi"(%c, %c) : (i32, i32) -> i32
  return
}
// -----
func.func @f(%v: vector<4xf32>, %i: i32) {
  // expected-error @+1 {{'math.fpowi' op requires the same shape for all operands and results}}
  %0 = "math.fpowi"(%v, %i) : (vector<4xf32>, i32) -> vector<4xf32>
  return
}
// -----
func.func @f(%x: f32, %i: i32) {
  // expected-error @+1 {{'math.fpowi' op failed to verify that all of {lhs, result} have same type}}
  %0 = "math.fpowi"(%x, %i) : (f32, i32) -> f64
  return
}
// -----
func.func @f(%x: f32) {
  // expected-error @+1 {{'math.absf' op attribute 'fastmath' failed to satisfy constraint: Floating point fast math flags}}
  %0 = "math.absf"(%x) {fastmath = 1} : (f32) -> f32
  return
}
// -----
func.func @f(%x: index) {
  // expected-error @+1 {{'math.sqrt' op operand #0 must be floating-point-like, but got 'index'}}
  %0 = math.sqrt %x : index
  return
}
// -----
func.func @f(%x: vector<i32>) {
  // expected-error @+1 {{'math.ctpop' op operand #0 must be signless-integer-like, but got 'vector<i32>'}}
  %0 = math.ctpop %x : vector<i32>
  return
}
// -----
func.func @f(%x: i32) {
  // expected-error @+1 {{expected ':'}}
  %0 = math.absi %x fastmath<nnan> : i32
  return
}
// -----
func.func @f(%a: f32, %b: f64) {
  // expected-error @+1 {{'math.powf' op requires the same type for all operands and results}}
  %0 = "math.powf"(%a, %b) : (f32, f64) -> f32
  return
}
`);
});

test("tensors with dynamic sizes are accepted", () => {
  const block = new Block([tensor([DYNAMIC, 4], f32), index]);
  const b = Builder.atEnd(block);
  const op = b.create(M.ExpOp, { operand: narrow(block.arg(0), FloatLike) });
  assert.is(op.result.type, tensor([DYNAMIC, 4], f32));
  assert.throws(() => narrow(block.arg(1), FloatLike), /floating-point-like/);
});

test.run();
