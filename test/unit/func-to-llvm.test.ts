/**
 * convert-func-to-llvm (with arith and cf, then reconcile-unrealized-casts) on programs of calls, branches and
 * arithmetic: the llvm.func module the interpreter runs gives what the func module gave, on a sweep of inputs.
 * (Random programs return one or two values; two come back as an !llvm.struct, which the interpreter has no
 * value for, so this test uses single-result functions. The goldens in test/golden/func-to-llvm check the IR
 * against mlir-opt-16.)
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { isLeft } from "fp-ts/lib/Either.js";
import { intValue, floatValue, type RuntimeValue } from "../../src/interp/values.ts";
import { f32, i32 } from "../../src/ir/types.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { newPassRegistry } from "../../rewrites/index.ts";
import { printOp } from "../../src/text/printer.ts";
import { ctx, parse, run } from "../support/interp.ts";

const MODULE = `
func.func @clamp(%x: i32, %lo: i32, %hi: i32) -> i32 {
  %0 = arith.maxsi %x, %lo : i32
  %1 = arith.minsi %0, %hi : i32
  return %1 : i32
}
func.func @collatz_steps(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  cf.br ^loop(%n, %c0 : i32, i32)
^loop(%v: i32, %steps: i32):
  %done = arith.cmpi sle, %v, %c1 : i32
  cf.cond_br %done, ^exit(%steps : i32), ^body
^body:
  %r = arith.remui %v, %c2 : i32
  %even = arith.cmpi eq, %r, %c0 : i32
  %half = arith.divui %v, %c2 : i32
  %t = arith.muli %v, %c3 : i32
  %odd = arith.addi %t, %c1 : i32
  %next = arith.select %even, %half, %odd : i32
  %s = arith.addi %steps, %c1 : i32
  cf.br ^loop(%next, %s : i32, i32)
^exit(%k: i32):
  return %k : i32
}
func.func @f(%x: i32, %y: f32) -> i32 attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : i32
  %c100 = arith.constant 100 : i32
  %0 = call @clamp(%x, %c0, %c100) : (i32, i32, i32) -> i32
  %1 = call @collatz_steps(%0) : (i32) -> i32
  %i = arith.index_cast %1 : i32 to index
  %c7 = arith.constant 7 : index
  %m = arith.remui %i, %c7 : index
  %back = arith.index_cast %m : index to i32
  %yi = arith.fptosi %y : f32 to i32
  %2 = arith.addi %back, %yi : i32
  return %2 : i32
}
`;

test("the llvm.func module computes what the func module computed", () => {
  const lowered = parse(MODULE);
  const r = runPipeline(lowered, "builtin.module(convert-func-to-llvm,reconcile-unrealized-casts)", { ctx, registry: newPassRegistry() });
  assert.ok(!isLeft(r), isLeft(r) ? r.left.diagnostics.map((d) => d.message).join("\n") : "");
  const text = printOp(lowered, { ctx });
  assert.match(text, /llvm\.func @f\(%arg0: i32, %arg1: f32\) -> i32/);
  assert.match(text, /llvm\.func @_mlir_ciface_f\(%arg0: i32, %arg1: f32\) -> i32/);
  assert.not.match(text, /func\.func|unrealized_conversion_cast|arith\.|cf\./);
  for (const x of [-5, 0, 1, 7, 27, 97, 100, 1000]) {
    for (const y of [0, 2.75, -3.5]) {
      const args: RuntimeValue[] = [intValue(i32, BigInt(x)), floatValue(f32, y)];
      const want = run(MODULE, "f", args);
      assert.equal(run(lowered, "f", args), want, `@f(${x}, ${y})`);
      assert.equal(run(lowered, "_mlir_ciface_f", args), want, `@_mlir_ciface_f(${x}, ${y})`);
    }
  }
});

test.run();
