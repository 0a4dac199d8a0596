/**
 * Crash reproducers: a pass that throws or breaks the IR makes the pass manager write the IR as it was just
 * before that pass and the pipeline, in MLIR 16's format (byte for byte what mlir-opt-16 writes for the same
 * failure), and `tensile-opt --run-reproducer` replays it into the same failure, in-process and as a process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isLeft, isRight, left } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseOptArgs, runOpt } from "../../cli/opt-driver.ts";
import { newContext } from "../../rewrites/index.ts";
import { strAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { symbolName } from "../../src/ir/symbol-table.ts";
import { definePass, pass } from "../../src/pass/pass.ts";
import { type PipelineFailure, runPipeline } from "../../src/pass/pass-manager.ts";
import { nest } from "../../src/pass/pipeline.ts";
import { PassRegistry } from "../../src/pass/registry.ts";
import { formatReproducer, readReproducerConfig, writeReproducer } from "../../src/pass/reproducer.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

const test = suite("crash reproducers");
const ROOT = resolve(import.meta.dirname, "../..");

const INPUT = `module {
  func.func @f(%arg0: i32) -> i32 {
    %0 = arith.muli %arg0, %arg0 : i32
    return %0 : i32
  }
  func.func @g() {
    return
  }
}
`;

/** Tags each function with `tag = "seen"`: a change that earlier functions carry in the reproducer. */
const tag = definePass({
  name: "test-tag",
  opName: "func.func",
  summary: "tags functions",
  run(fn) {
    fn.setAttr("tag", strAttr("seen"));
  },
});
/** Erases the terminator of @g, then throws: the reproducer must show @g as it was before. */
const crash = definePass({
  name: "test-crash",
  opName: "func.func",
  summary: "crashes on @g",
  options: t.type({ victim: t.string, depth: t.number }),
  defaults: { victim: "g", depth: 2 },
  run(fn, _ctx, { victim }) {
    if (symbolName(fn) !== victim) return;
    fn.getRegion(0).blocks[0]?.terminator?.erase();
    throw new Error("internal error in test-crash");
  },
});
const breakIr = definePass({
  name: "test-break",
  opName: "func.func",
  summary: "erases terminators",
  run(fn) {
    fn.getRegion(0).blocks[0]?.terminator?.erase();
  },
});
const failure = definePass({ name: "test-pass-failure", displayName: "(anonymous namespace)::TestFailurePass", summary: "fails", run: () => left([]) });

const registry = new PassRegistry();
for (const d of [tag, crash, breakIr, failure]) registry.register(d);

function parse(text = INPUT): { module: Operation; ctx: ReturnType<typeof newContext> } {
  const ctx = newContext();
  const r = parseSource(text, ctx);
  if (isLeft(r)) throw new Error(r.left.message);
  return { module: r.right, ctx };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), "tensile-repro-"));

function failed(r: ReturnType<typeof runPipeline>): PipelineFailure {
  if (isRight(r)) throw new Error("expected a failure");
  return r.left;
}

test("a crash writes the IR just before the failing pass and that pass alone, with all its options", () => {
  const dir = tmp();
  try {
    const { module, ctx } = parse();
    const f = failed(runPipeline(module, [nest("func.func", [pass(tag), pass(crash)])], { ctx, reproducer: { dir } }));
    assert.is(f.kind, "crashed");
    assert.is(f.reproducerPath, join(dir, "tensile-reproducer-0.mlir"));
    assert.is(f.diagnostics[0]?.notes.at(-1)?.message, `reproducer generated at \`${f.reproducerPath}\``);
    const text = readFileSync(f.reproducerPath as string, "utf8");
    assert.is(
      text,
      `module {
  func.func @f(%arg0: i32) -> i32 attributes {tag = "seen"} {
    %0 = arith.muli %arg0, %arg0 : i32
    return %0 : i32
  }
  func.func @g() attributes {tag = "seen"} {
    return
  }
}

{-#
  external_resources: {
    mlir_reproducer: {
      pipeline: "builtin.module(func.func(test-crash{depth=2 victim=g}))",
      disable_threading: true,
      verify_each: true
    }
  }
#-}
`,
    );
    assert.equal(readReproducerConfig(text), { pipeline: "builtin.module(func.func(test-crash{depth=2 victim=g}))", disableThreading: true, verifyEach: true });
    // The live IR is left as the failing pass left it.
    assert.is(printOp(module).split("return").length - 1, 1);
    // The next failure takes the next free name; nothing else is left in the directory.
    const again = parse();
    const f2 = failed(runPipeline(again.module, [nest("func.func", [pass(breakIr)])], { ctx: again.ctx, reproducer: { dir } }));
    assert.is(f2.kind, "invalid-ir");
    assert.is(f2.reproducerPath, join(dir, "tensile-reproducer-1.mlir"));
    assert.equal(readdirSync(dir).sort(), ["tensile-reproducer-0.mlir", "tensile-reproducer-1.mlir"]);
    assert.match(readFileSync(f2.reproducerPath as string, "utf8"), 'pipeline: "builtin.module(func.func(test-break))"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a full reproducer holds the pipeline's input and the whole pipeline", () => {
  const dir = tmp();
  try {
    const { module, ctx } = parse();
    const path = join(dir, "full.mlir");
    const f = failed(runPipeline(module, "builtin.module(func.func(test-tag,test-crash{depth=5}))", { ctx, registry, reproducer: { path, scope: "full" } }));
    assert.is(f.reproducerPath, path);
    const text = readFileSync(path, "utf8");
    assert.ok(text.startsWith(INPUT), text);
    assert.match(text, 'pipeline: "builtin.module(func.func(test-tag,test-crash{depth=5 victim=g}))"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the file is what mlir-opt-16 writes for the same failure (local reproducer)", () => {
  const dir = tmp();
  try {
    const input = join(dir, "in.mlir");
    writeFileSync(input, INPUT);
    const pipeline = "--pass-pipeline=builtin.module(func.func(test-pass-failure))";
    const theirs = join(dir, "theirs.mlir");
    const r = spawnSync(
      "mlir-opt-16",
      [input, pipeline, "--mlir-disable-threading", "--mlir-pass-pipeline-local-reproducer", `--mlir-pass-pipeline-crash-reproducer=${theirs}`],
      { encoding: "utf8" },
    );
    assert.is(r.status, 1, r.stderr);
    const mine = join(dir, "mine.mlir");
    const args = parseOptArgs([pipeline, `--mlir-pass-pipeline-crash-reproducer=${mine}`], registry);
    if (typeof args === "string") throw new Error(args);
    const ours = runOpt(INPUT, input, () => newContext(), args.opts);
    assert.is(ours.exitCode, 1);
    assert.match(ours.stderr, `note: reproducer generated at \`${mine}\``);
    assert.fixture(readFileSync(mine, "utf8"), readFileSync(theirs, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("mlir-opt-16 reads the reproducer section Tensile writes (and runs its pipeline)", () => {
  const text = formatReproducer(INPUT, { pipeline: "builtin.module(func.func(cse))", disableThreading: true, verifyEach: true });
  const r = spawnSync("mlir-opt-16", ["--mlir-print-ir-after-all", "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stderr, "// -----// IR Dump After CSE (cse) //----- //\nfunc.func @f");
});

test("--run-reproducer replays the failure in-process", () => {
  const dir = tmp();
  try {
    const { module, ctx } = parse();
    const f = failed(runPipeline(module, [nest("func.func", [pass(tag), pass(crash)])], { ctx, reproducer: { dir } }));
    const text = readFileSync(f.reproducerPath as string, "utf8");
    // The replay crashes again and writes its own reproducer: into this test's directory.
    const args = parseOptArgs(["--run-reproducer", `--mlir-pass-pipeline-crash-reproducer=${dir}/`], registry);
    if (typeof args === "string") throw new Error(args);
    const replay = runOpt(text, "repro.mlir", () => newContext(), args.opts);
    assert.is(replay.exitCode, 1);
    assert.match(replay.stderr, `reproducer generated at \`${join(dir, "tensile-reproducer-1.mlir")}\``);
    assert.match(replay.stderr, "repro.mlir:6:3: error: pass 'test-crash' (TestCrash) crashed on 'func.func' operation: @g: internal error in test-crash");
    // Without a configuration, or with a bad one, it says so.
    const none = runOpt(INPUT, "plain.mlir", () => newContext(), args.opts);
    assert.is(none.exitCode, 1);
    assert.match(none.stderr, "plain.mlir: error: no 'mlir_reproducer' configuration in the input");
    const bad = formatReproducer(INPUT, { pipeline: "builtin.module(nope)", disableThreading: true, verifyEach: true });
    assert.match(runOpt(bad, "bad.mlir", () => newContext(), args.opts).stderr, "'nope' does not refer to a registered pass or pass pipeline");
    assert.is(parseOptArgs(["--run-reproducer", "--test-tag"], registry), "--run-reproducer takes its pipeline from the input file; do not also give a pipeline");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("reading the configuration: escapes, other sections, absence, malformed sections", () => {
  const pipeline = `builtin.module(x{label="a \\ b"})`;
  const text = formatReproducer(INPUT, { pipeline, disableThreading: false, verifyEach: false });
  assert.match(text, String.raw`pipeline: "builtin.module(x{label=\"a \\ b\"})",`);
  assert.equal(readReproducerConfig(text), { pipeline, disableThreading: false, verifyEach: false });
  const withResources = `${INPUT}\n{-#\n  dialect_resources: {\n    builtin: {\n      blob: "0x0400000001000000"\n    }\n  }\n#-}\n${text.slice(INPUT.length)}`;
  assert.equal(readReproducerConfig(withResources), { pipeline, disableThreading: false, verifyEach: false });
  assert.is(readReproducerConfig(INPUT), undefined);
  assert.is(readReproducerConfig(`${INPUT}{-#\n  external_resources: { mlir_reproducer: { verify_each: true } }\n#-}\n`), "'mlir_reproducer' has no 'pipeline' string");
  assert.is(readReproducerConfig(`${INPUT}{-#\n  external_resources: { mlir_reproducer: { pipeline: "x" verify_each: true } }\n#-}\n`), "malformed file metadata section: expected ',' or '}'");
  // The parser accepts the file (it skips external resources).
  assert.ok(isRight(parseSource(withResources, newContext())));
  // Writing to a path replaces the file atomically.
  const dir = tmp();
  try {
    const path = join(dir, "sub", "r.mlir");
    assert.is(writeReproducer({ path }, "one"), path);
    assert.is(writeReproducer({ path }, "two"), path);
    assert.is(readFileSync(path, "utf8"), "two");
    assert.equal(readdirSync(join(dir, "sub")), ["r.mlir"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("tensile-opt (a real process) writes a reproducer and --run-reproducer reproduces the failure", () => {
  const dir = tmp();
  try {
    const src = (p: string): string => pathToFileURL(join(ROOT, p)).href;
    // A pass plugin: passes defined outside Tensile, loaded with --load-pass-plugin.
    const plugin = join(dir, "plugin.mts");
    writeFileSync(
      plugin,
      `import { definePass } from ${JSON.stringify(src("src/pass/index.ts"))};
import { strAttr } from ${JSON.stringify(src("src/ir/attributes.ts"))};
import { symbolName } from ${JSON.stringify(src("src/ir/symbol-table.ts"))};
const tag = definePass({ name: "plugin-tag", opName: "func.func", summary: "tags functions",
  run(fn) { fn.setAttr("tag", strAttr("seen")); } });
const crash = definePass({ name: "plugin-crash", opName: "func.func", summary: "crashes on @g",
  run(fn) { if (symbolName(fn) === "g") throw new Error("plugin crashed"); } });
export function registerPasses(registry) { registry.register(tag).register(crash); }
`,
    );
    const input = join(dir, "in.mlir");
    writeFileSync(input, INPUT);
    const cli = join(ROOT, "cli/tensile-opt.js");
    const run = (args: string[]) => spawnSync(process.execPath, [cli, `--load-pass-plugin=${plugin}`, ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, TMPDIR: dir } });
    const first = run([input, "--pass-pipeline=builtin.module(func.func(plugin-tag,plugin-crash))", `--mlir-pass-pipeline-crash-reproducer=${dir}/`]);
    assert.is(first.status, 1, first.stderr);
    assert.match(first.stderr, "error: pass 'plugin-crash' (PluginCrash) crashed on 'func.func' operation: @g: plugin crashed");
    const repro = join(dir, "tensile-reproducer-0.mlir");
    assert.match(first.stderr, `note: reproducer generated at \`${dir}/tensile-reproducer-0.mlir\``);
    const replay = run(["--run-reproducer", repro]);
    assert.is(replay.status, 1);
    assert.match(replay.stderr, "error: pass 'plugin-crash' (PluginCrash) crashed on 'func.func' operation: @g: plugin crashed");
    const help = run(["--help"]);
    assert.is(help.status, 0);
    assert.match(help.stdout, "--pass-pipeline=<pipeline>");
    assert.match(help.stdout, /--plugin-crash +crashes on @g/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
