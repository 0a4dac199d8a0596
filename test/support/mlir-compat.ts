/**
 * Tensile and mlir-opt-16 on the same text, for the dialect tests: each op's custom, generic and debug-info
 * forms must print as mlir-opt-16 prints them, and both tools must accept a file's `expected-error` comments.
 */
import { spawnSync } from "node:child_process";
import * as assert from "uvu/assert";
import { type OptOptions, runOpt } from "../../cli/opt-driver.ts";
import { newContext } from "../../rewrites/index.ts";


export const options = (o: Partial<OptOptions> = {}): OptOptions => ({
  generic: false,
  debugInfo: false,
  splitInputFile: false,
  verifyDiagnostics: false,
  allowUnregisteredDialect: true,
  ...o,
});
export function tensileOpt(text: string, o: Partial<OptOptions> = {}): string {
  const r = runOpt(text, "<stdin>", () => newContext({ allowUnregisteredDialects: true }), options(o));
  assert.is(r.exitCode, 0, r.stderr);
  return r.stdout;
}
export function mlirOpt(args: readonly string[], text: string): string {
  const r = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", ...args, "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, `mlir-opt-16 ${args.join(" ")} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}
export const norm = (s: string): string => s.replace(/[ \t]+$/gm, "").trim();

/** Tensile prints `text` as mlir-opt-16 does, in custom, generic and debug-info form, and reads mlir's generic form. */
export function assertAgreesWithMlir(text: string): void {
  const custom = mlirOpt([], text);
  const generic = mlirOpt(["--mlir-print-op-generic"], text);
  assert.fixture(norm(tensileOpt(text)), norm(custom), "custom form");
  assert.fixture(norm(tensileOpt(generic)), norm(custom), "mlir's generic form read back");
  assert.fixture(norm(tensileOpt(text, { generic: true })), norm(generic), "generic form");
  assert.fixture(norm(tensileOpt(text, { debugInfo: true })), norm(mlirOpt(["--mlir-print-debuginfo"], text)), "debug info");
}

/** Both tools accept the `expected-error` comments of `text` (split at `// -----`). */
export function assertDiagnostics(text: string): void {
  const ours = runOpt(text, "<stdin>", () => newContext({ allowUnregisteredDialects: true }), options({ splitInputFile: true, verifyDiagnostics: true }));
  assert.is(ours.exitCode, 0, ours.stderr);
  const theirs = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", "--split-input-file", "--verify-diagnostics", "-"], {
    input: text,
    encoding: "utf8",
  });
  assert.is(theirs.status, 0, `mlir-opt-16 disagrees with the expectations: ${theirs.stderr}`);
}

/** The text of the first error and its notes (up to the next `error:` line). */
function firstError(stderr: string): string {
  const lines = norm(stderr).split("\n");
  const next = lines.findIndex((l, i) => i > 0 && / error: /.test(l));
  return (next < 0 ? lines : lines.slice(0, next)).join("\n");
}

/**
 * Both tools reject `text` with the same first error, character for character (message, line:col, the
 * source line, the caret under it and its notes); Tensile stops at the first error, where mlir-opt sometimes
 * adds a second about the enclosing construct. `args` are extra flags for both, in mlir-opt's spelling.
 */
export function assertSameErrors(text: string, o: Partial<OptOptions> = {}, args: readonly string[] = []): void {
  const ours = runOpt(text, "<stdin>", () => newContext({ allowUnregisteredDialects: true }), options(o));
  const theirs = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", ...args, "-"], { input: text, encoding: "utf8" });
  assert.is.not(theirs.status, 0, `mlir-opt-16 accepts ${JSON.stringify(text)}`);
  assert.is(ours.exitCode, 1, `tensile-opt accepts ${JSON.stringify(text)}:\n${ours.stdout}`);
  assert.fixture(firstError(ours.stderr), firstError(theirs.stderr), text);
}
