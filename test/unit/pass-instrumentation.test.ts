/**
 * Instrumentation output, checked against mlir-opt-16 itself: IR dumps before/after passes (nested ops
 * print alone, module scope prints the whole module with the op named in the header, failed passes say
 * "Failed"), the execution time report's layout, and the statistics report.
 *
 * The passes here are stand-ins named and displayed like MLIR's (canonicalize → "Canonicalizer", ...) that
 * change nothing; the input is already canonical, so MLIR's real passes change nothing either and both
 * tools must print the same dumps.
 */
import { spawnSync } from "node:child_process";
import { left } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs, runOpt } from "../../cli/opt-driver.ts";
import { newContext } from "../../rewrites/index.ts";
import { error } from "../../src/diag/diagnostic.ts";
import { definePass } from "../../src/pass/pass.ts";
import { PassRegistry } from "../../src/pass/registry.ts";
import { renderStatisticsReport, renderTimingReport, reportNode } from "../../src/pass/reports.ts";

const test = suite("pass instrumentation");

const registry = new PassRegistry();
registry.register(
  definePass({
    name: "canonicalize",
    displayName: "Canonicalizer",
    summary: "stand-in",
    options: t.type({ maxIterations: t.number }),
    defaults: { maxIterations: 10 },
    run() {},
  }),
);
registry.register(definePass({ name: "cse", displayName: "CSE", summary: "stand-in", statistics: { "num-cse'd": "Number of operations CSE'd" }, run() {} }));
registry.register(definePass({ name: "symbol-dce", displayName: "SymbolDCE", opName: "builtin.module", summary: "stand-in", run() {} }));
registry.register(
  definePass({
    name: "test-pass-failure",
    displayName: "(anonymous namespace)::TestFailurePass",
    summary: "fails",
    run: () => left([]),
  }),
);

const INPUT = `#map = affine_map<(d0) -> (d0 + 1)>
module {
  func.func @f(%arg0: i32) -> i32 {
    %0 = arith.muli %arg0, %arg0 : i32
    return %0 : i32
  }
  func.func @g(%arg0: f32, %arg1: index) -> f32 attributes {map = #map} {
    %cst = arith.constant 1.000000e+00 : f32
    %0 = arith.addf %arg0, %cst : f32
    return %0 : f32
  }
}
`;

function ours(args: readonly string[], input = INPUT) {
  const parsed = parseOptArgs(args, registry);
  if (typeof parsed === "string") throw new Error(parsed);
  return runOpt(input, "in.mlir", () => newContext(), parsed.opts);
}

function mlirOpt(args: readonly string[], input = INPUT) {
  const r = spawnSync("mlir-opt-16", ["--mlir-disable-threading", ...args, "-"], { input, encoding: "utf8" });
  if (r.error !== undefined) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

const PIPELINE = "--pass-pipeline=builtin.module(func.func(canonicalize,cse),symbol-dce)";

test("IR dumps match mlir-opt-16's: after all, before one, after one, before all", () => {
  for (const flags of [
    ["--mlir-print-ir-after-all"],
    ["--mlir-print-ir-before=cse", "--mlir-print-ir-after=symbol-dce,canonicalize"],
    ["--mlir-print-ir-before-all"],
    ["--mlir-print-ir-after-all", "--mlir-print-op-generic"],
  ]) {
    const a = ours([PIPELINE, ...flags]);
    const b = mlirOpt([PIPELINE, ...flags]);
    assert.is(b.exitCode, 0, b.stderr);
    assert.is(a.exitCode, 0, a.stderr);
    assert.fixture(a.stderr, b.stderr);
    assert.is(a.stdout, b.stdout);
  }
});

test("module scope prints the whole module and names the op in the header, as mlir-opt-16 does", () => {
  const flags = [PIPELINE, "--mlir-print-ir-module-scope", "--mlir-print-ir-after=cse,symbol-dce"];
  const a = ours(flags);
  assert.fixture(a.stderr, mlirOpt(flags).stderr);
  assert.match(a.stderr, "// -----// IR Dump After CSE (cse) ('func.func' operation: @g) //----- //\n#map = affine_map");
});

test("printing after change only prints passes that changed something (these change nothing)", () => {
  const flags = [PIPELINE, "--mlir-print-ir-after-change"];
  const a = ours(flags);
  assert.is(a.stderr, "");
  assert.is(a.stderr, mlirOpt(flags).stderr);
});

test("a failed pass dumps 'After <Name> Failed' like mlir-opt-16; with after-failure only that", () => {
  const pipeline = "--pass-pipeline=builtin.module(func.func(cse,test-pass-failure))";
  for (const flags of [["--mlir-print-ir-after-all"], ["--mlir-print-ir-after-failure"]]) {
    const a = ours([pipeline, ...flags]);
    const b = mlirOpt([pipeline, ...flags]);
    assert.is(a.exitCode, 1);
    assert.is(b.exitCode, 1);
    // mlir-opt stops there silently; Tensile then says which pass failed.
    assert.ok(a.stderr.startsWith(b.stderr), `${a.stderr}\n--- mlir-opt-16 ---\n${b.stderr}`);
    assert.match(a.stderr.slice(b.stderr.length), "error: pass 'test-pass-failure' ((anonymous namespace)::TestFailurePass) failed on 'func.func' operation: @f");
  }
  assert.match(ours([pipeline, "--mlir-print-ir-after-failure"]).stderr, /^\/\/ -----\/\/ IR Dump After \(anonymous namespace\)::TestFailurePass Failed \(test-pass-failure\)/);
});

/** The timing report with the numbers taken out (and MLIR's analysis rows, which Tensile does not have). */
function timingShape(report: string): string[] {
  return report
    .split("\n")
    .filter((l) => !l.includes("(A) "))
    .map((l) => l.replace(/\d+\.\d{4} \(\s*\d+\.\d%\)/, "T").replace(/Total Execution Time: \d+\.\d{4}/, "Total Execution Time: T"));
}

test("--mlir-timing: the same report layout as mlir-opt-16", () => {
  const a = ours([PIPELINE, "--mlir-timing"]);
  const b = mlirOpt([PIPELINE, "--mlir-timing", "-o", "/dev/null"]);
  assert.equal(timingShape(a.stderr), timingShape(b.stderr));
  assert.match(a.stderr, "  ----Wall Time----  ----Name----\n");
  assert.match(a.stderr, /\n {4}\d\.\d{4} \(\s*\d+\.\d%\) {4}Canonicalizer\n/);
  // The list display merges by name.
  const list = ours([PIPELINE, "--mlir-timing", "--mlir-timing-display=list"]);
  assert.match(list.stderr, /\)  CSE\n/);
  assert.not.match(list.stderr, /\) {3,}CSE/);
});

test("the timing report's exact text", () => {
  const canon = reportNode("Canonicalizer");
  canon.seconds = 0.25;
  const nested = reportNode("'func.func' Pipeline", { isPipeline: true });
  nested.seconds = 0.5;
  nested.children.push(canon);
  const parser = reportNode("Parser");
  parser.seconds = 1;
  const text = renderTimingReport([parser, nested], 2);
  assert.is(
    text,
    [
      "===-------------------------------------------------------------------------===",
      "                         ... Execution time report ...",
      "===-------------------------------------------------------------------------===",
      "  Total Execution Time: 2.0000 seconds",
      "",
      "  ----Wall Time----  ----Name----",
      "    1.0000 ( 50.0%)  Parser",
      "    0.5000 ( 25.0%)  'func.func' Pipeline",
      "    0.2500 ( 12.5%)    Canonicalizer",
      "    0.5000 ( 25.0%)  Rest",
      "    2.0000 (100.0%)  Total",
      "",
    ].join("\n"),
  );
});

test("--mlir-pass-statistics: per pass in pipeline order, or merged in a list", () => {
  const counting = definePass({
    name: "test-stats",
    displayName: "TestStats",
    opName: "func.func",
    summary: "counts",
    statistics: { "num-ops": "Number of ops seen", "num-funcs": "Number of functions" },
    run(fn, ctx) {
      fn.walk(() => ctx.stat("num-ops"));
      ctx.stat("num-funcs");
    },
  });
  const r = new PassRegistry();
  r.register(counting);
  const parsed = parseOptArgs(["--pass-pipeline=builtin.module(func.func(test-stats))", "--mlir-pass-statistics"], r);
  if (typeof parsed === "string") throw new Error(parsed);
  const out = runOpt(INPUT, "in.mlir", () => newContext(), parsed.opts);
  assert.is(
    out.stderr,
    [
      "===-------------------------------------------------------------------------===",
      "                         ... Pass statistics report ...",
      "===-------------------------------------------------------------------------===",
      "'func.func' Pipeline",
      "  TestStats",
      "    (S) 2 num-funcs - Number of functions",
      "    (S) 7 num-ops   - Number of ops seen",
      "",
      "",
    ].join("\n"),
  );
  const node = reportNode("TestStats", { descriptions: counting.statistics });
  node.statistics.set("num-ops", 12);
  const pipe = reportNode("'func.func' Pipeline", { isPipeline: true });
  pipe.children.push(node, reportNode("CSE"));
  assert.match(renderStatisticsReport([pipe], "list"), "===\n  TestStats\n    (S) 12 num-ops - Number of ops seen\n\n");
});

test("diagnostics passes emit without failing are shown, and checked by --verify-diagnostics", () => {
  const r = new PassRegistry();
  r.register(
    definePass({
      name: "test-remark",
      opName: "func.func",
      summary: "",
      run(fn, ctx) {
        if (fn.attr("sym_name") !== undefined) ctx.emit({ severity: "remark", message: "seen", loc: fn.loc, notes: [] });
      },
    }),
  );
  r.register(definePass({ name: "test-error", opName: "func.func", summary: "", run: (fn) => left([error(fn.loc, "no functions allowed")]) }));
  const input = `// expected-remark @below {{seen}}\nfunc.func @f() {\n  return\n}\n`;
  const run = (argv: string[]) => {
    const p = parseOptArgs(argv, r);
    if (typeof p === "string") throw new Error(p);
    return runOpt(input, "in.mlir", () => newContext(), p.opts);
  };
  const shown = run(["--pass-pipeline=builtin.module(func.func(test-remark))"]);
  assert.is(shown.exitCode, 0);
  assert.match(shown.stderr, "in.mlir:2:1: remark: seen");
  assert.is(run(["--pass-pipeline=builtin.module(func.func(test-remark))", "--verify-diagnostics"]).exitCode, 0);
  const expectedError = `// expected-error @below {{no functions allowed}}\nfunc.func @f() {\n  return\n}\n`;
  const p = parseOptArgs(["--pass-pipeline=builtin.module(func.func(test-error))", "--verify-diagnostics"], r);
  if (typeof p === "string") throw new Error(p);
  const checked = runOpt(expectedError, "in.mlir", () => newContext(), p.opts);
  assert.is(checked.exitCode, 0, checked.stderr);
});

test.run();
