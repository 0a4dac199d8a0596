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

/**
 * The first error of each single-line snippet, from one run of each tool over all of them (`// -----` between
 * them: one mlir-opt-16 process, not one per snippet): `col N: error: message`, the source line and the caret,
 * or "accepted". Diagnostics are matched to snippets by the source line they quote; the line number is
 * dropped because mlir-opt-16 counts it within the split.
 */
export function firstErrors(snippets: readonly string[], allowUnregistered = true): Map<string, { ours: string; theirs: string }> {
  const text = snippets.join("\n// -----\n");
  const ours = runOpt(text, "<stdin>", () => newContext({ allowUnregisteredDialects: allowUnregistered }), options({ allowUnregisteredDialect: allowUnregistered, splitInputFile: true }));
  const args = [...(allowUnregistered ? ["--allow-unregistered-dialect"] : []), "--split-input-file", "-"];
  const theirs = spawnSync("mlir-opt-16", args, { input: text, encoding: "utf8" });
  assert.is(theirs.signal, null, "mlir-opt-16 crashed on one of the snippets");
  const mine = byQuotedLine(ours.stderr);
  const mlir = byQuotedLine(theirs.stderr);
  return new Map(snippets.map((s) => [s, { ours: mine.get(s) ?? "accepted", theirs: mlir.get(s) ?? "accepted" }]));
}

/** The first diagnostic quoting each source line, without its file and line number. */
function byQuotedLine(stderr: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = stderr.split("\n");
  for (let i = 0; i + 2 < lines.length; i++) {
    const m = /:(\d+): (error: .*)$/.exec(lines[i] as string);
    if (m === null || !(lines[i + 2] as string).trim().startsWith("^")) continue;
    const quoted = lines[i + 1] as string;
    if (!out.has(quoted)) out.set(quoted, `col ${m[1]}: ${m[2]}\n${quoted}\n${lines[i + 2]}`);
  }
  return out;
}

/** One snippet through both tools on its own (for inputs that crash mlir-opt-16). */
export function oneByOne(snippet: string): { ours: string; mlir: ReturnType<typeof spawnSync> } {
  const ours = runOpt(snippet, "<stdin>", () => newContext({ allowUnregisteredDialects: true }), options());
  const mlir = spawnSync("mlir-opt-16", ["--allow-unregistered-dialect", "-"], { input: snippet, encoding: "utf8" });
  return { ours: ours.exitCode === 0 ? "accepted" : (ours.stderr.split("\n")[0] as string), mlir };
}
