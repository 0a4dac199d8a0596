/**
 * tensile-opt's pass flags, in-process: per-pass flags with options and implicit nesting, --pass-pipeline,
 * conflicts and errors, --verify-each, --debug-rewrites, --split-input-file with a pipeline, --help.
 * (A real process runs in pass-reproducer.test.ts.)
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { left } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type OptArgs, parseOptArgs, passHelp, runOpt } from "../../cli/opt-driver.ts";
import { newContext } from "../../rewrites/index.ts";
import { error } from "../../src/diag/diagnostic.ts";
import { strAttr } from "../../src/ir/attributes.ts";
import { definePass } from "../../src/pass/pass.ts";
import { printPipeline } from "../../src/pass/pipeline-text.ts";
import { definePassPipeline, PassRegistry } from "../../src/pass/registry.ts";

const test = suite("tensile-opt pass flags");

const registry = new PassRegistry();
registry.register(
  definePass({
    name: "cli-inline",
    displayName: "Inliner",
    summary: "stand-in with options",
    options: t.type({ maxIterations: t.number, defaultPipeline: t.string }),
    defaults: { maxIterations: 4, defaultPipeline: "canonicalize" },
    optionDocs: { maxIterations: "maximum number of iterations" },
    run(op, _ctx, o) {
      op.setAttr("inline.iterations", strAttr(String(o.maxIterations)));
    },
  }),
);
registry.register(definePass({ name: "cli-fn", opName: "func.func", summary: "per function", run: (fn) => fn.setAttr("cli.fn", strAttr("1")) }));
registry.register(definePass({ name: "cli-fn2", opName: "func.func", summary: "per function, again", run() {} }));
registry.register(definePass({ name: "cli-module", opName: "builtin.module", summary: "on the module", run() {} }));
registry.register(
  definePass({
    name: "cli-break",
    opName: "func.func",
    summary: "erases terminators",
    run: (fn) => fn.getRegion(0).blocks[0]?.terminator?.erase(),
  }),
);
registry.register(
  definePass({
    name: "cli-debug",
    summary: "prints the debugRewrites flag",
    run(_op, ctx) {
      ctx.debug(`debug-rewrites is ${ctx.debugRewrites ? "on" : "off"}`);
    },
  }),
);
registry.register(definePass({ name: "cli-fail", summary: "fails", run: (op) => left([error(op.loc, "cli-fail says no")]) }));
registry.register(definePassPipeline("cli-both", "two per-function passes", "func.func(cli-fn,cli-fn2)"));

const INPUT = `func.func @f() {
  return
}
func.func @g() {
  return
}
`;

function args(argv: string[]): OptArgs {
  const a = parseOptArgs(argv, registry);
  if (typeof a === "string") throw new Error(a);
  return a;
}

const run = (argv: string[], input = INPUT) => runOpt(input, "in.mlir", () => newContext(), args(argv).opts);

test("per-pass flags run in order, nesting passes restricted to other ops as mlir-opt does", () => {
  const a = args(["--cli-fn", "--cli-fn2", "--cli-inline=max-iterations=3", "--cli-module", "-cli-fn"]);
  const spec = a.opts.passes?.pipeline;
  assert.ok(spec !== undefined);
  if (spec !== undefined) assert.is(printPipeline(spec), "builtin.module(func.func(cli-fn,cli-fn2),cli-inline{max-iterations=3},cli-module,func.func(cli-fn))");
  const r = run(["--cli-fn", "--cli-inline=max-iterations=3 default-pipeline=cse", "--dump-pass-pipeline"]);
  assert.is(r.exitCode, 0, r.stderr);
  assert.ok(r.stderr.startsWith("Pass Manager with 2 passes:\nbuiltin.module(func.func(cli-fn),cli-inline{default-pipeline=cse max-iterations=3})\n\n"), r.stderr);
  assert.match(r.stdout, 'func.func @f() attributes {cli.fn = "1"}');
  assert.match(r.stdout, 'module attributes {inline.iterations = "3"}');
  // Named pipelines work as flags too.
  const both = args(["--cli-both"]).opts.passes?.pipeline;
  assert.is(both !== undefined ? printPipeline(both) : "", "builtin.module(func.func(cli-fn,cli-fn2))");
});

test("--pass-pipeline: with '=', as the next argument, or in shell quotes (RUN lines)", () => {
  for (const argv of [
    ["--pass-pipeline=builtin.module(func.func(cli-fn))"],
    ["--pass-pipeline", "builtin.module(func.func(cli-fn))"],
    ["--pass-pipeline='builtin.module(func.func(cli-fn))'"],
  ]) {
    const r = run(argv);
    assert.is(r.exitCode, 0, r.stderr);
    assert.is(r.stdout.split('cli.fn = "1"').length - 1, 2, argv.join(" "));
  }
});

test("usage errors: bad pass options, unknown flags, both kinds of pipeline, bad pipeline text", () => {
  assert.is(
    parseOptArgs(["--cli-inline=max-iterations=lots"], registry),
    "--cli-inline: value 'lots' is invalid for option 'max-iterations' of pass 'cli-inline': expected number",
  );
  assert.is(parseOptArgs(["--cli-inline=bogus=1"], registry), "--cli-inline: pass 'cli-inline' has no option 'bogus'; its options are: default-pipeline, max-iterations");
  assert.is(parseOptArgs(["--no-such-pass"], registry), "unknown option '--no-such-pass'");
  assert.is(parseOptArgs(["--cli-fn", "--pass-pipeline=builtin.module(cli-module)"], registry), "'--pass-pipeline' option can't be used with individual pass options");
  assert.is(
    parseOptArgs(["--pass-pipeline=builtin.module(func.func(cli-fn,nope))"], registry),
    "<pass-pipeline>:1:33: error: 'nope' does not refer to a registered pass or pass pipeline\nbuiltin.module(func.func(cli-fn,nope))\n                                ^",
  );
  assert.is(parseOptArgs(["--verify-each=maybe"], registry), "'maybe' is invalid value for boolean argument '--verify-each'; try true or false");
  assert.is(parseOptArgs(["--mlir-timing-display=pie"], registry), "--mlir-timing-display must be 'tree' or 'list'");
  assert.is(parseOptArgs(["--pass-pipeline"], registry), "--pass-pipeline needs a pipeline");
  assert.is(parseOptArgs(["--mlir-print-ir-after=cli-fn,cse"], registry), "for the --mlir-print-ir-after option: 'cse' is not a registered pass");
});

test("--verify-each: on by default (the error names the pass), off with =false", () => {
  const checked = run(["--cli-break"]);
  assert.is(checked.exitCode, 1);
  assert.match(checked.stderr, "in.mlir:1:1: error: pass 'cli-break' (CliBreak) produced IR that fails to verify on 'func.func' operation: @f");
  assert.is(checked.stdout, "");
  // Without a reproducer flag, breaking the IR still leaves one in the temp directory, named in the error.
  const reproducer = /reproducer generated at `([^`]+)`/.exec(checked.stderr)?.[1];
  assert.ok(reproducer !== undefined && existsSync(reproducer), checked.stderr);
  if (reproducer !== undefined) rmSync(reproducer, { force: true });
  const unchecked = run(["--cli-break", "--verify-each=false"]);
  assert.is(unchecked.exitCode, 0, unchecked.stderr);
  assert.not.match(unchecked.stdout, "return");
});

test("a failing pass: its diagnostic, then which pass failed; exit code 1", () => {
  const r = run(["--cli-fail"]);
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, "in.mlir:0:0: error: cli-fail says no\n");
  assert.match(r.stderr, "error: pass 'cli-fail' (CliFail) failed on 'builtin.module' operation");
});

test("--debug-rewrites reaches passes through their PassContext", () => {
  assert.match(run(["--cli-debug", "--debug-rewrites"]).stderr, "debug-rewrites is on\n");
  assert.match(run(["--cli-debug"]).stderr, "debug-rewrites is off\n");
});

test("--split-input-file runs the pipeline on each chunk; timing covers them all", () => {
  const input = `func.func @a() {\n  return\n}\n// -----\nfunc.func @b() {\n  return\n}\n`;
  const r = run(["--split-input-file", "--cli-fn", "--mlir-print-ir-after-all", "--mlir-timing"], input);
  assert.is(r.exitCode, 0, r.stderr);
  assert.is(r.stdout.split('cli.fn = "1"').length - 1, 2);
  assert.match(r.stdout, "// -----\n");
  assert.is(r.stderr.split("IR Dump After CliFn (cli-fn)").length - 1, 2);
  assert.is(r.stderr.split("Execution time report").length - 1, 1);
  assert.match(r.stderr, "  'func.func' Pipeline\n");
});

test("--help lists the registered passes with their summaries and options", () => {
  const help = passHelp(registry);
  assert.match(help, /\n {2}--cli-inline +stand-in with options\n/);
  assert.match(help, /\n {6}default-pipeline=<string> +\(default: canonicalize\)\n/);
  assert.match(help, /\n {6}max-iterations=<number> +maximum number of iterations \(default: 4\)\n/);
  assert.match(help, /\n {2}--cli-both +two per-function passes\n/);
  assert.is(passHelp(new PassRegistry()), "\nNo passes are registered.\n");
});

test("the CLI process runs a pipeline of the passes Tensile registers, and reads stdin", () => {
  const r = spawnSync(process.execPath, ["cli/tensile-opt.js", "--pass-pipeline=builtin.module()", "--mlir-print-ir-after-all", "-"], {
    input: INPUT,
    encoding: "utf8",
    cwd: new URL("../..", import.meta.url).pathname,
  });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, "func.func @g()");
  const bad = spawnSync(process.execPath, ["cli/tensile-opt.js", "--pass-pipeline=builtin.module(not-a-pass)"], {
    input: INPUT,
    encoding: "utf8",
    cwd: new URL("../..", import.meta.url).pathname,
  });
  assert.is(bad.status, 2);
  assert.match(bad.stderr, "'not-a-pass' does not refer to a registered pass or pass pipeline");
});

test("stdout is mlir-opt-16's byte for byte: an empty line after each op, a failed chunk's marker kept", () => {
  const input = "func.func @f() {\n  return\n}\n// -----\nfunc.func @g() {\n  return %x\n}\n// -----\nfunc.func @h() {\n  return\n}\n";
  for (const argv of [["--split-input-file"], []]) {
    const text = argv.length === 0 ? "func.func @f() {\n  return\n}\n" : input;
    const mlir = spawnSync("mlir-opt-16", [...argv, "-"], { input: text, encoding: "utf8" });
    assert.is(run(argv, text).stdout, mlir.stdout, argv.join(" ") || "no flags");
  }
});

test.run();
