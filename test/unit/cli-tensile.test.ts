/**
 * The `tensile` CLI: `run` compiles for the host and prints a function's results; `compile` writes objects for
 * riscv64-rvv (RVV instructions: vsetivli, vle32.v, vfmul) and x86_64-avx512 (zmm registers), checked with
 * llvm-objdump-14; bad input is a located error with exit status 1.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { interpret } from "../../src/interp/index.ts";
import type { RuntimeValue } from "../../src/interp/values.ts";
import { FloatType, IndexType } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";

const cli = join(import.meta.dirname, "../../cli/tensile.js");
const dir = mkdtempSync(join(tmpdir(), "tensile-cli-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
// The compile cache goes to the test's directory, not the user's ~/.cache.
const tensile = (args: readonly string[]) => spawnSync("node", [cli, ...args], { encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: join(dir, "cache") } });

const scale = (n: number) => `func.func @f(%a: tensor<${n}xf32>, %k: f32) -> tensor<${n}xf32> {
  %e = tensor.empty() : tensor<${n}xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<${n}xf32>) outs(%e : tensor<${n}xf32>) {
  ^bb0(%x: f32, %o: f32):
    %y = arith.mulf %x, %k : f32
    linalg.yield %y : f32
  } -> tensor<${n}xf32>
  return %r : tensor<${n}xf32>
}
`;
writeFileSync(join(dir, "small.mlir"), scale(4));
writeFileSync(join(dir, "big.mlir"), scale(1024));

test("run: compiled for the host, called, results printed", () => {
  const r = tensile(["run", join(dir, "small.mlir"), "--fn", "f", "--args", "[1, 2, 3, 4]", "2.5", "--quiet"]);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, "r0: [4] 2.5 5 7.5 10\n");
});

test("run: vector.print in compiled code prints what the interpreter prints (Tensile's print runtime is linked)", () => {
  const text = `func.func @p(%x: f32, %n: index) -> i32 {
  %v = vector.broadcast %x : f32 to vector<3xf32>
  vector.print %v : vector<3xf32>
  %m = arith.constant dense<[[1, -2], [3, 4]]> : vector<2x2xi32>
  vector.print %m : vector<2x2xi32>
  %t = arith.constant true
  vector.print %t : i1
  vector.print %n : index
  %d = arith.extf %x : f32 to f64
  vector.print %d : f64
  %r = arith.constant 7 : i32
  return %r : i32
}
`;
  writeFileSync(join(dir, "print.mlir"), text);
  const r = tensile(["run", join(dir, "print.mlir"), "--fn", "p", "--args", "-2.5", "9", "--quiet"]);
  assert.is(r.status, 0, r.stderr);
  const ctx = newContext();
  const m = parseSource(text, ctx);
  if (isLeft(m)) return assert.unreachable(m.left.message);
  let printed = "";
  const expected = interpret(m.right, "p", [{ kind: "float", type: FloatType.get("f32"), value: -2.5 }, { kind: "int", type: IndexType.get(), value: 9n }] as RuntimeValue[], { ctx, output: (t) => (printed += t) });
  assert.ok(isRight(expected));
  assert.ok(printed.split("\n").length > 5, "the interpreter printed every vector.print");
  assert.is(r.stdout, `${printed}r0: 7\n`);
});

test("compile for riscv64-rvv: the loop is RVV code", () => {
  const out = join(dir, "big-rv.o");
  const r = tensile(["compile", join(dir, "big.mlir"), "--target", "riscv64-rvv", "-o", out]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stderr, /tensile: optimised \(O3\) for riscv64-rvv/, "progress is reported");
  const d = spawnSync("llvm-objdump-14", ["-d", "--mattr=+v", out], { encoding: "utf8" }).stdout;
  for (const insn of ["vsetivli", "vle32.v", "vfmul.vf", "vse32.v"]) assert.match(d, insn, `no ${insn} in the riscv64 object`);
});

test("compile for x86_64-avx512: 512-bit vectors (zmm)", () => {
  const out = join(dir, "big-x.o");
  const r = tensile(["compile", join(dir, "big.mlir"), "--target", "x86_64-avx512", "-o", out, "--quiet"]);
  assert.is(r.status, 0, r.stderr);
  const d = spawnSync("llvm-objdump-14", ["-d", out], { encoding: "utf8" }).stdout;
  assert.match(d, /vmulps\s+.*zmm/);
});

test("bad input: a located error, exit status 1, no output file", () => {
  writeFileSync(join(dir, "bad.mlir"), "func.func @f() {\n  %x = arith.addi %y, %y : i32\n  return\n}\n");
  const out = join(dir, "bad.o");
  const r = tensile(["compile", join(dir, "bad.mlir"), "-o", out]);
  assert.is(r.status, 1);
  assert.match(r.stderr, "bad.mlir:2:19: error: use of undeclared SSA value name");
  assert.not.ok(existsSync(out));
  const t = tensile(["compile", join(dir, "small.mlir"), "--target", "sparc"]);
  assert.is(t.status, 1);
  assert.match(t.stderr, "unknown target 'sparc'");
});

test("several inputs: outputs next to each input or in an -o directory; failures named, the rest still written", () => {
  const sub = join(dir, "many");
  mkdirSync(sub);
  writeFileSync(join(sub, "a.mlir"), scale(4));
  writeFileSync(join(sub, "b.mlir"), scale(8));
  writeFileSync(join(sub, "empty.mlir"), "");
  writeFileSync(join(sub, "custom.mlir"), 'func.func @g(%a: tensor<4xf32>) -> tensor<4xf32> {\n  %r = "tosa.custom"(%a) {identifier = "x", config = "y", implementation_attrs = "z"} : (tensor<4xf32>) -> tensor<4xf32>\n  return %r : tensor<4xf32>\n}\n');
  const next = tensile(["compile", join(sub, "a.mlir"), join(sub, "b.mlir")]);
  assert.is(next.status, 0, next.stderr);
  assert.match(next.stderr, `tensile: [2/2] ${join(sub, "b.mlir")}: wrote ${join(sub, "b.o")}`);
  assert.ok(existsSync(join(sub, "a.o")) && existsSync(join(sub, "b.o")));

  const ambiguous = tensile(["compile", join(sub, "a.mlir"), join(sub, "b.mlir"), "-o", join(sub, "out.o")]);
  assert.is(ambiguous.status, 1);
  assert.match(ambiguous.stderr, "is not a directory, and there are 2 inputs");
  assert.not.ok(existsSync(join(sub, "out.o")));

  const out = join(sub, "objects/");
  const mixed = tensile(["compile", join(sub, "a.mlir"), join(sub, "missing.mlir"), join(sub, "empty.mlir"), join(sub, "custom.mlir"), join(sub, "b.mlir"), "--target", "riscv64-rvv", "-o", out, "--quiet"]);
  assert.is(mixed.status, 1);
  assert.match(mixed.stderr, `tensile: cannot read '${join(sub, "missing.mlir")}': no such file`);
  assert.match(mixed.stderr, `${join(sub, "empty.mlir")}:1:1: error: nothing to compile: no public func.func with a body (the file is empty)`);
  assert.match(mixed.stderr, `${join(sub, "custom.mlir")}:2:8: error: failed to legalize operation 'tosa.custom'`);
  assert.match(mixed.stderr, `tensile: 3 of 5 inputs failed: ${join(sub, "missing.mlir")}, ${join(sub, "empty.mlir")}, ${join(sub, "custom.mlir")}`);
  assert.equal(readdirSync(out).sort(), ["a.o", "b.o"]);
});

test("run: dynamic sizes from the arguments' nesting; a ragged argument is an error", () => {
  writeFileSync(join(dir, "dyn.mlir"), scale(4).replaceAll("tensor<4xf32>", "tensor<?xf32>").replace("tensor.empty()", "tensor.empty(%n)").replace("{\n", "{\n  %c0 = arith.constant 0 : index\n  %n = tensor.dim %a, %c0 : tensor<?xf32>\n"));
  const r = tensile(["run", join(dir, "dyn.mlir"), "--fn", "f", "--args", "[0.1, 2, 3]", "2", "--quiet"]);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, "r0: [3] 0.2 4 6\n", "f32 results print with the fewest digits that read back");
  const ragged = tensile(["run", join(dir, "small.mlir"), "--fn", "f", "--args", "[[1, 2], [3]]", "2.5", "--quiet"]);
  assert.is(ragged.status, 1);
  assert.match(ragged.stderr, "argument #0: '[[1, 2], [3]]' is not a rectangular array of rank 1 (memref<4xf32>)");
});

test.run();
