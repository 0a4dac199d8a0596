/**
 * Golden tests: every `test/golden/**\/*.mlir` file has one or more `// RUN:` lines in MLIR's lit style,
 *
 *   // RUN: tensile-opt %s --mlir-print-op-generic | FileCheck %s
 *   // RUN: tensile-opt %s --split-input-file --verify-diagnostics
 *
 * run in-process through the same driver as the CLI, with the output checked by test/support/filecheck.ts.
 *
 * Each file that is expected to succeed is also checked against MLIR 16 itself: Tensile's output must be
 * accepted by `mlir-opt-16 --verify-each`, and mlir-opt-16's generic form of the file must parse with Tensile and
 * print to the same custom text mlir-opt-16 prints.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs, runOpt } from "../cli/opt-driver.ts";
import { newContext, newPassRegistry } from "../rewrites/index.ts";

const registry = newPassRegistry();
import { fileCheck } from "./support/filecheck.ts";

const root = join(import.meta.dirname, "golden");
const MLIR_OPT = "mlir-opt-16";

function findMlir(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? findMlir(p) : n.endsWith(".mlir") ? [p] : [];
    });
}

interface RunLine {
  readonly optArgs: string[];
  readonly checkPrefixes: string[] | undefined;
}

function parseRunLines(text: string, path: string): RunLine[] {
  const runs: RunLine[] = [];
  for (const m of text.matchAll(/^\/\/ RUN: (.*)$/gm)) {
    const [opt, check] = (m[1] as string).split("|").map((s) => s.trim());
    const words = (opt ?? "").split(/\s+/);
    if (words[0] !== "tensile-opt") throw new Error(`${path}: RUN line must start with tensile-opt: ${m[1]}`);
    const optArgs = words.slice(1).map((w) => (w === "%s" ? path : w));
    let checkPrefixes: string[] | undefined;
    if (check !== undefined) {
      const cw = check.split(/\s+/);
      if (cw[0] !== "FileCheck") throw new Error(`${path}: only FileCheck may follow a pipe: ${check}`);
      const prefix = cw.find((w) => w.startsWith("--check-prefix=") || w.startsWith("--check-prefixes="));
      checkPrefixes = prefix === undefined ? ["CHECK"] : (prefix.split("=")[1] as string).split(",");
    }
    runs.push({ optArgs, checkPrefixes });
  }
  return runs;
}

function mlirOpt(args: readonly string[], input: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(MLIR_OPT, [...args, "-"], { input, encoding: "utf8" });
  if (r.error !== undefined) throw new Error(`${MLIR_OPT} could not run (scripts/setup.sh installs it): ${r.error.message}`);
  return r;
}

const golden = suite("golden");
const compat = suite("golden files agree with mlir-opt-16");
const files = findMlir(root);

for (const path of files) {
  const name = relative(root, path);
  const text = readFileSync(path, "utf8");
  const runs = parseRunLines(text, name);
  golden(name, () => {
    assert.ok(runs.length > 0, `${name} has no RUN line`);
    for (const run of runs) {
      const args = parseOptArgs(run.optArgs, registry);
      if (typeof args === "string") throw new Error(`${name}: ${args}`);
      const ctx = () => newContext({ allowUnregisteredDialects: args.opts.allowUnregisteredDialect });
      const r = runOpt(text, name, ctx, args.opts);
      assert.is(r.exitCode, 0, `tensile-opt ${run.optArgs.join(" ")} failed:\n${r.stderr}`);
      if (run.checkPrefixes !== undefined) {
        const checked = fileCheck(text, r.stdout, { prefix: run.checkPrefixes, checkFileName: name, inputFileName: "<tensile-opt output>" });
        assert.ok(checked.ok, checked.ok ? "" : `${checked.message}\n--- output ---\n${r.stdout}`);
      }
    }
  });

  const expectsErrors = runs.some((r) => r.optArgs.includes("--verify-diagnostics"));
  if (expectsErrors) continue;
  compat(name, () => {
    const split = runs.some((r) => r.optArgs.includes("--split-input-file"));
    const flags = [...(split ? ["--split-input-file"] : []), "--allow-unregistered-dialect"];
    const ctx = () => newContext({ allowUnregisteredDialects: true });
    const base = { generic: false, debugInfo: false, splitInputFile: split, verifyDiagnostics: false, allowUnregisteredDialect: true };
    // 1. What Tensile prints is valid MLIR 16.
    const ours = runOpt(text, name, ctx, base);
    assert.is(ours.exitCode, 0, ours.stderr);
    const accepted = mlirOpt([...flags, "--verify-each"], ours.stdout);
    assert.is(accepted.status, 0, `mlir-opt-16 rejects Tensile's output:\n${accepted.stderr}\n--- output ---\n${ours.stdout}`);
    // 2. mlir-opt's generic form, read by Tensile, prints as mlir-opt prints the custom form.
    const generic = mlirOpt([...flags, "--mlir-print-op-generic"], text);
    assert.is(generic.status, 0, generic.stderr);
    const custom = mlirOpt(flags, text);
    const fromGeneric = runOpt(generic.stdout, `${name} (generic)`, ctx, base);
    assert.is(fromGeneric.exitCode, 0, fromGeneric.stderr);
    // mlir-opt-16 separates split chunks with blank lines around `// -----`; only the text itself must agree.
    const norm = (s: string): string => s.replace(/[ \t]+$/gm, "").replace(/\n{2,}/g, "\n").trim();
    assert.fixture(norm(fromGeneric.stdout), norm(custom.stdout));
  });
}

const pipeline = suite("the issue's pipeline runs on every golden file");
pipeline("tensile-opt --pass-pipeline='builtin.module(func.func(canonicalize,cse))' --mlir-print-ir-after-all", () => {
  let ran = 0;
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    if (/--verify-diagnostics/.test(text)) continue;
    const split = /--split-input-file/.test(text);
    const args = parseOptArgs([
      "--pass-pipeline=builtin.module(func.func(canonicalize,cse))",
      "--mlir-print-ir-after-all",
      "--allow-unregistered-dialect",
      ...(split ? ["--split-input-file"] : []),
    ], registry);
    if (typeof args === "string") throw new Error(args);
    const r = runOpt(text, relative(root, path), () => newContext({ allowUnregisteredDialects: true }), args.opts);
    assert.is(r.exitCode, 0, `${relative(root, path)}:\n${r.stderr}`);
    assert.match(r.stderr, /IR Dump After Canonicalizer \(canonicalize\)[\s\S]*IR Dump After CSE \(cse\)/, relative(root, path));
    ran++;
  }
  assert.ok(ran >= 10, `only ${ran} golden files ran`);
});

golden.run();
compat.run();
pipeline.run();
