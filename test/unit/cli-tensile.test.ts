/**
 * The `tensile` CLI: `run` compiles for the host and prints a function's results; `compile` writes objects for
 * riscv64-rvv (RVV instructions: vsetivli, vle32.v, vfmul) and x86_64-avx512 (zmm registers), checked with
 * llvm-objdump-14; bad input is a located error with exit status 1.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const cli = join(import.meta.dirname, "../../cli/tensile.js");
const dir = mkdtempSync(join(tmpdir(), "tensile-cli-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const tensile = (args: readonly string[]) => spawnSync("node", [cli, ...args], { encoding: "utf8" });

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

test.run();
