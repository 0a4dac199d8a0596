/**
 * Diagnostics with notes print as mlir-opt-16 prints them: each line located, the source line and a caret
 * under an error and under a note at another place, none under a note at the place just shown.
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

/**
 * What mlir-opt-16 writes, without the `see current operation` notes MLIR adds to every op error (Tensile does
 * not print ops into diagnostics; `--verify-diagnostics` runs, which the goldens use, omit them too).
 */
function mlirs(input: string): string {
  const run = spawnSync("mlir-opt-16", ["-"], { input, encoding: "utf8" });
  if (run.error) throw new Error(`mlir-opt-16 could not be run (${run.error.message}); scripts/setup.sh installs it`);
  assert.is.not(run.status, 0, "mlir-opt-16 accepted the input");
  return run.stderr
    .split("\n")
    .filter((line) => !/: note: see current operation: /.test(line))
    .join("\n");
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

test.run();
