/**
 * Diagnostics with notes print as mlir-opt-16 prints them: each line located, the source line and a caret
 * under an error and under a note at another place, none under a note at the place just shown; an error
 * emitted on an op shows the op (`note: see current operation: ...`).
 */
import { spawnSync } from "node:child_process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs, runOpt } from "../../cli/opt-driver.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";

const test = suite("diagnostics with notes, against mlir-opt-16");

/** What tensile-opt writes to stderr for `input` read from stdin (as `<stdin>`). */
function ours(input: string): string {
  const a = parseOptArgs([], newPassRegistry());
  if (typeof a === "string") throw new Error(a);
  return runOpt(input, "<stdin>", () => newContext(), a.opts).stderr;
}

/** What mlir-opt-16 writes for `input` read from stdin. */
function mlirs(input: string): string {
  const run = spawnSync("mlir-opt-16", ["-"], { input, encoding: "utf8" });
  if (run.error) throw new Error(`mlir-opt-16 could not be run (${run.error.message}); scripts/setup.sh installs it`);
  assert.is.not(run.status, 0, "mlir-opt-16 accepted the input");
  return run.stderr;
}

test("notes at the error's own place show no source line again (func.call's result mismatch)", () => {
  const input = `func.func @g(%a: i32) -> i32 {
  return %a : i32
}
func.func @f(%a: i32) -> i64 {
  %0 = call @g(%a) : (i32) -> i64
  return %0 : i64
}
`;
  const text = ours(input);
  assert.match(text, "note: function result types: 'i32'");
  assert.is(text, mlirs(input));
});

test("a note at another place shows its own source line and caret (prior use)", () => {
  const input = `func.func @f(%a: i32, %c: i32) -> i32 {
  %0 = arith.select %c, %a, %a : i32
  return %0 : i32
}
`;
  const text = ours(input);
  assert.match(text, "note: prior use here\nfunc.func @f(%a: i32, %c: i32) -> i32 {\n                      ^");
  assert.is(text, mlirs(input));
});

test("an op error shows the op as mlir-opt-16 does: generic form, names of its function, large elements elided", () => {
  const cases = [
    // the op's own verifier, with a large constant attribute
    `func.func @f(%a: i32, %c: vector<4xi1>) -> i32 {
  %0 = "arith.select"(%c, %a, %a) {big = dense<[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]> : tensor<17xi32>} : (vector<4xi1>, i32, i32) -> i32
  return %0 : i32
}
`,
    // dominance: the note on the operand's definition follows the op's
    `func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %1, %a : i32
  %1 = arith.addi %a, %a : i32
  return %0 : i32
}
`,
    // an error on an op with a region: the whole op, one line per nested op
    `func.func @f(%a: i32) -> i64 {
  return %a : i32
}
`,
  ];
  for (const input of cases) {
    const text = ours(input);
    assert.match(text, "note: see current operation: ");
    assert.is(text, mlirs(input), input);
  }
});

test.run();
