/**
 * one-shot-bufferize against mlir-opt-16 (the golden file test/golden/bufferization/one-shot-bufferize.mlir
 * holds the cases whose options fit a RUN line): the in-place decisions (test-analysis-only) agree op by op;
 * a function returning new tensors bufferizes to the same IR; where Tensile's ownership rule differs (a returned
 * argument is returned as a copy the caller owns) the difference is exactly that; and everything Tensile prints,
 * for hand-written and random programs, is accepted by `mlir-opt-16 --verify-each`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { tensorPrograms } from "../../rewrites/testing/gen-tensor.ts";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

const ctx = newContext();
const registry = newPassRegistry();
const BOUNDARIES = "bufferize-function-boundaries allow-return-allocs function-boundary-type-conversion=identity-layout-map";

function mlirOpt(args: readonly string[], input: string): string {
  const r = spawnSync("mlir-opt-16", [...args, "-"], { input, encoding: "utf8" });
  if (r.error !== undefined) throw new Error(`mlir-opt-16 could not run: ${r.error.message}`);
  assert.is(r.status, 0, `mlir-opt-16 ${args.join(" ")} failed:\n${r.stderr}\n--- input ---\n${input}`);
  return r.stdout;
}

function tensile(text: string, pipeline: string): string {
  const parsed = parseSource(text, ctx);
  if (isLeft(parsed)) throw new Error(renderDiagnostic(parsed.left));
  const r = runPipeline(parsed.right, pipeline, { ctx, registry });
  if (isLeft(r)) throw new Error(r.left.diagnostics.map((d) => renderDiagnostic(d)).join("\n"));
  return `${printOp(parsed.right, { ctx })}\n`;
}

const goldenInput = readFileSync(new URL("../golden/bufferization/one-shot-bufferize.mlir", import.meta.url), "utf8");

test("the in-place decisions (test-analysis-only) are MLIR 16's, op by op", () => {
  const decisions = (s: string): string[] => s.split("\n").filter((l) => l.includes("__inplace_operands_attr__")).map((l) => l.trim());
  const ours = decisions(tensile(goldenInput, "builtin.module(one-shot-bufferize{bufferize-function-boundaries test-analysis-only})"));
  const theirs = decisions(mlirOpt(["--one-shot-bufferize=bufferize-function-boundaries test-analysis-only"], goldenInput));
  assert.ok(ours.length >= 10, `only ${ours.length} annotated ops`);
  assert.equal(ours, theirs);
  assert.ok(ours.some((l) => l.includes('["true", "false"]')), "no out-of-place decision among the cases");
});

const RETURNS = `
func.func @f(%a: tensor<4xf32>, %x: f32, %i: index) -> (tensor<4xf32>, f32) {
  %e = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %g = tensor.insert %x into %a[%i] : tensor<4xf32>
  %r = tensor.extract %a[%i] : tensor<4xf32>
  %s = tensor.extract_slice %f[1] [2] [1] : tensor<4xf32> to tensor<2xf32>
  %h = tensor.insert_slice %s into %g[0] [2] [1] : tensor<2xf32> into tensor<4xf32>
  return %h, %r : tensor<4xf32>, f32
}
func.func @constant(%i: index, %x: f32) -> (f32, tensor<2xf32>) {
  %c = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %e = tensor.extract %c[%i] : tensor<2xf32>
  %w = tensor.insert %x into %c[%i] : tensor<2xf32>
  return %e, %w : f32, tensor<2xf32>
}
`;

test("functions returning new tensors bufferize as in MLIR 16 (allocations returned, the rest freed)", () => {
  const pipeline = `builtin.module(empty-tensor-to-alloc-tensor,one-shot-bufferize{${BOUNDARIES}})`;
  const ours = tensile(RETURNS, pipeline);
  assert.fixture(ours, mlirOpt([`--pass-pipeline=${pipeline}`], RETURNS));
  assert.match(ours, /memref\.dealloc %alloc : memref<4xf32>/);
});

test("the ownership rule: a returned argument is returned as a copy the caller owns (MLIR 16 returns the argument)", () => {
  const input = `func.func @g(%t: tensor<8xf32>, %s: tensor<2xf32>) -> tensor<8xf32> {
  %r = tensor.insert_slice %s into %t[2] [2] [1] : tensor<2xf32> into tensor<8xf32>
  return %r : tensor<8xf32>
}
`;
  const pipeline = `builtin.module(one-shot-bufferize{${BOUNDARIES}})`;
  const ours = tensile(input, pipeline);
  const theirs = mlirOpt([`--pass-pipeline=${pipeline}`], input);
  assert.match(theirs, /return %arg0 : memref<8xf32>/);
  assert.match(ours, /memref\.copy %arg0, %alloc : memref<8xf32> to memref<8xf32>\n\s*return %alloc : memref<8xf32>/);
  // Up to the copy, the same IR.
  const strip = (s: string): string => s.replace(/\s*%alloc = memref.alloc\(\) \{alignment = 64 : i64\} : memref<8xf32>\n\s*memref\.copy %arg0, %alloc.*\n/, "\n").replace("return %alloc", "return %arg0");
  assert.fixture(strip(ours), theirs);
  mlirOpt(["--verify-each"], ours);
});

const OPTIONS_INPUT = `func.func @f(%t: tensor<4xf32>, %x: f32, %i: index) -> (tensor<4xf32>, f32) {
  %e = bufferization.alloc_tensor() : tensor<4xf32>
  %f = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %g = linalg.map { arith.addf } ins(%f, %t : tensor<4xf32>, tensor<4xf32>) outs(%t : tensor<4xf32>)
  %y = tensor.extract %g[%i] : tensor<4xf32>
  return %f, %y : tensor<4xf32>, f32
}
`;

for (const options of [
  "bufferize-function-boundaries allow-return-allocs function-boundary-type-conversion=fully-dynamic-layout-map",
  "bufferize-function-boundaries allow-return-allocs function-boundary-type-conversion=identity-layout-map",
  "bufferize-function-boundaries allow-return-allocs",
  "bufferize-function-boundaries allow-return-allocs create-deallocs=0",
  "bufferize-function-boundaries allow-return-allocs dialect-filter=tensor,bufferization",
]) {
  test(`one-shot-bufferize{${options}} gives MLIR 16's IR`, () => {
    assert.fixture(tensile(OPTIONS_INPUT, `builtin.module(one-shot-bufferize{${options}})`), mlirOpt([`--one-shot-bufferize=${options}`], OPTIONS_INPUT));
  });
}

test("copy-before-write copies every written operand, and frees the copy MLIR 16 leaks", () => {
  const options = "bufferize-function-boundaries allow-return-allocs copy-before-write";
  const ours = tensile(OPTIONS_INPUT, `builtin.module(one-shot-bufferize{${options}})`);
  const theirs = mlirOpt([`--one-shot-bufferize=${options}`], OPTIONS_INPUT);
  assert.fixture(ours.replace("    memref.dealloc %alloc_0 : memref<4xf32>\n", ""), theirs);
  assert.match(ours, /memref\.dealloc %alloc_0 : memref<4xf32>/);
});

test("print-conflicts names the read, the conflicting write and the last write, as MLIR 16 does", () => {
  const input = `func.func @f(%t: tensor<8xf32>, %s: tensor<2xf32>) -> (tensor<8xf32>, f32) {
  %c0 = arith.constant 0 : index
  %r = tensor.insert_slice %s into %t[2] [2] [1] : tensor<2xf32> into tensor<8xf32>
  %x = tensor.extract %t[%c0] : tensor<8xf32>
  return %r, %x : tensor<8xf32>, f32
}
`;
  const options = "bufferize-function-boundaries allow-return-allocs test-analysis-only print-conflicts";
  const marks = (s: string): string[] => [...s.matchAll(/"C_\d+\[[^\]]*\]"/g)].map((m) => m[0].replace(/C_\d+/, "C"));
  const ours = marks(tensile(input, `builtin.module(one-shot-bufferize{${options}})`));
  assert.equal(ours, marks(mlirOpt([`--one-shot-bufferize=${options}`], input)));
  assert.equal(ours.length, 3);
});

test("without allow-return-allocs, returning a new tensor is refused with MLIR 16's message", () => {
  const parsed = parseSource(OPTIONS_INPUT, ctx, { file: "o.mlir" });
  if (isLeft(parsed)) throw new Error(renderDiagnostic(parsed.left));
  const failed = runPipeline(parsed.right, "builtin.module(one-shot-bufferize{bufferize-function-boundaries})", { ctx, registry });
  assert.ok(isLeft(failed));
  if (isLeft(failed)) assert.match(renderDiagnostic(failed.left.diagnostics[0]!), /o\.mlir:6:3: error: operand #0 may return\/yield a new buffer allocation/);
  const r = spawnSync("mlir-opt-16", ["--one-shot-bufferize=bufferize-function-boundaries", "-"], { input: OPTIONS_INPUT, encoding: "utf8" });
  assert.match(r.stderr, /6:3: error: operand #0 may return\/yield a new buffer allocation/);
});

test("a function with tensors and more than one return is refused with MLIR 16's message", () => {
  const input = `func.func @f(%t: tensor<4xf32>, %c: i1) -> tensor<4xf32> {
  cf.cond_br %c, ^a, ^b
^a:
  return %t : tensor<4xf32>
^b:
  return %t : tensor<4xf32>
}
`;
  const parsed = parseSource(input, ctx, { file: "m.mlir" });
  if (isLeft(parsed)) throw new Error(renderDiagnostic(parsed.left));
  const failed = runPipeline(parsed.right, "builtin.module(one-shot-bufferize{bufferize-function-boundaries})", { ctx, registry });
  assert.ok(isLeft(failed));
  if (isLeft(failed)) assert.match(renderDiagnostic(failed.left.diagnostics[0]!), /m\.mlir:1:1: error: cannot bufferize a FuncOp with tensors and without a unique ReturnOp/);
  const r = spawnSync("mlir-opt-16", ["--one-shot-bufferize=bufferize-function-boundaries", "-"], { input, encoding: "utf8" });
  assert.match(r.stderr, /1:1: error: cannot bufferize a FuncOp with tensors and without a unique ReturnOp/);
});

test("an op that does not bufferize is named with its location; allow-unknown-ops bridges it with to_tensor/to_memref", () => {
  const input = `func.func @f(%t: tensor<4xf32>, %x: f32, %i: index) -> (tensor<4xf32>, f32) {
  %r = tensor.insert %x into %t[%i] : tensor<4xf32>
  %u = "test.unknown"(%r) : (tensor<4xf32>) -> tensor<4xf32>
  %y = tensor.extract %u[%i] : tensor<4xf32>
  return %r, %y : tensor<4xf32>, f32
}
`;
  const uctx = newContext({ allowUnregisteredDialects: true });
  const parsed = parseSource(input, uctx, { file: "u.mlir" });
  if (isLeft(parsed)) throw new Error(renderDiagnostic(parsed.left));
  const failed = runPipeline(parsed.right, `builtin.module(one-shot-bufferize{${BOUNDARIES}})`, { ctx: uctx, registry });
  assert.ok(isLeft(failed));
  if (isLeft(failed)) assert.match(renderDiagnostic(failed.left.diagnostics[0]!), /u\.mlir:3:8: error: 'test\.unknown' op was not bufferized/);
  const again = parseSource(input, uctx);
  if (isLeft(again)) throw new Error(renderDiagnostic(again.left));
  const ran = runPipeline(again.right, `builtin.module(one-shot-bufferize{${BOUNDARIES} allow-unknown-ops})`, { ctx: uctx, registry });
  assert.not.ok(isLeft(ran));
  const out = printOp(again.right, { ctx: uctx });
  assert.match(out, /bufferization\.to_tensor %arg0 : memref<4xf32>\n\s*%1 = "test\.unknown"\(%0\)/);
  mlirOpt(["--allow-unregistered-dialect", "--verify-each"], out);
});

test("mlir-opt-16 --verify-each accepts what one-shot-bufferize prints for random linalg and tensor programs", () => {
  const pipeline = `builtin.module(empty-tensor-to-alloc-tensor,one-shot-bufferize{${BOUNDARIES}})`;
  const cases = [...fc.sample(linalgPrograms(), { numRuns: 5, seed: 3 }), ...fc.sample(tensorPrograms({ forBufferization: true }), { numRuns: 5, seed: 3 })];
  for (const c of cases) mlirOpt(["--verify-each"], tensile(c.text, pipeline));
});

test.run();
