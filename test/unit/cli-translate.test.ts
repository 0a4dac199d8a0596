/**
 * `tensile-translate --mlir-to-llvmir`: its LLVM IR runs (lli-14), its output file is written whole, and bad
 * input gets a located error with a caret and exit status 1.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const cli = join(import.meta.dirname, "../../cli/tensile-translate.js");
const translate = (args: readonly string[], input?: string) => spawnSync("node", [cli, ...args], { input, encoding: "utf8" });

/** A loop, a global, a call, a switch and a vector reduction, computing 42 for `main`'s exit status. */
const PROGRAM = `
llvm.mlir.global internal constant @table(dense<[5, 7, 11, 18]> : tensor<4xi32>) : !llvm.array<4 x i32>
llvm.func @pick(%i: i32) -> i32 {
  llvm.switch %i : i32, ^bb3 [
    0: ^bb1,
    1: ^bb2
  ]
^bb1:
  %a = llvm.mlir.constant(10 : i32) : i32
  llvm.return %a : i32
^bb2:
  %b = llvm.mlir.constant(1 : i32) : i32
  llvm.return %b : i32
^bb3:
  %c = llvm.mlir.constant(0 : i32) : i32
  llvm.return %c : i32
}
llvm.func @main() -> i32 {
  %p = llvm.mlir.addressof @table : !llvm.ptr<array<4 x i32>>
  %v = llvm.load %p : !llvm.ptr<array<4 x i32>>
  %e0 = llvm.extractvalue %v[0] : !llvm.array<4 x i32>
  %e1 = llvm.extractvalue %v[1] : !llvm.array<4 x i32>
  %e2 = llvm.extractvalue %v[2] : !llvm.array<4 x i32>
  %e3 = llvm.extractvalue %v[3] : !llvm.array<4 x i32>
  %u = llvm.mlir.undef : vector<4xi32>
  %z = llvm.mlir.constant(0 : i32) : i32
  %o = llvm.mlir.constant(1 : i32) : i32
  %t = llvm.mlir.constant(2 : i32) : i32
  %h = llvm.mlir.constant(3 : i32) : i32
  %w0 = llvm.insertelement %e0, %u[%z : i32] : vector<4xi32>
  %w1 = llvm.insertelement %e1, %w0[%o : i32] : vector<4xi32>
  %w2 = llvm.insertelement %e2, %w1[%t : i32] : vector<4xi32>
  %w3 = llvm.insertelement %e3, %w2[%h : i32] : vector<4xi32>
  %sum = "llvm.intr.vector.reduce.add"(%w3) : (vector<4xi32>) -> i32
  %k = llvm.call @pick(%o) : (i32) -> i32
  %r = llvm.add %sum, %k : i32
  llvm.return %r : i32
}
`;

test("the LLVM IR it prints runs: lli-14 returns main's 42", () => {
  const out = translate(["--mlir-to-llvmir"], PROGRAM);
  assert.is(out.status, 0, out.stderr);
  assert.match(out.stdout, "define i32 @main()");
  const run = spawnSync("lli-14", ["-"], { input: out.stdout, encoding: "utf8" });
  assert.is(run.status, 42, run.stderr);
});

test("-o writes the file whole", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-translate-"));
  try {
    const input = join(dir, "in.mlir");
    writeFileSync(input, PROGRAM);
    const out = translate(["--mlir-to-llvmir", input, "-o", join(dir, "out.ll")]);
    assert.is(out.status, 0, out.stderr);
    assert.match(readFileSync(join(dir, "out.ll"), "utf8"), "@table = internal constant [4 x i32] [i32 5, i32 7, i32 11, i32 18]");
    // A failed translation leaves no output behind.
    writeFileSync(input, "func.func @f() {\n  return\n}\n");
    const bad = translate(["--mlir-to-llvmir", input, "-o", join(dir, "bad.ll")]);
    assert.is(bad.status, 1);
    assert.not.ok(existsSync(join(dir, "bad.ll")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an op outside the llvm dialect is named, with its line, column and a caret", () => {
  const out = translate(["--mlir-to-llvmir"], "module {\n  func.func @f() {\n    return\n  }\n}\n");
  assert.is(out.status, 1);
  assert.match(out.stderr, "<stdin>:2:3: error: 'func.func' op is not in the llvm dialect");
  assert.match(out.stderr, "  func.func @f() {\n  ^");
});

test("syntax errors and bad flags are reported, not thrown", () => {
  const syntax = translate(["--mlir-to-llvmir"], "llvm.func @f() {\n  llvm.return %x : i32\n}\n");
  assert.is(syntax.status, 1);
  assert.match(syntax.stderr, "<stdin>:2:15: error: use of undeclared SSA value name");
  const flag = translate(["--mlir-to-cpp"]);
  assert.is(flag.status, 1);
  assert.match(flag.stderr, "unknown option '--mlir-to-cpp'");
  const none = translate([], "");
  assert.is(none.status, 1);
  assert.match(none.stderr, "choose a translation");
});

test.run();
