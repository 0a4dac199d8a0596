/**
 * The pass manager: nesting on op names (a func-anchored pass sees each function, only direct children,
 * the whole nested pipeline per function), failures (Left, signalPassFailure, throws, broken IR caught by
 * verify-after-each, each naming the pass and op), the PassContext (statistics, diagnostics, debug output,
 * dynamic pipelines) and scheduling errors.
 */
import { isLeft, isRight, left } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { diag, error, renderDiagnostic } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { symbolName } from "../../src/ir/symbol-table.ts";
import { definePass, type Pass, type PassContext, pass } from "../../src/pass/pass.ts";
import { PassManager, type PipelineFailure, runPipeline } from "../../src/pass/pass-manager.ts";
import { anchored, nest } from "../../src/pass/pipeline.ts";
import { PassRegistry } from "../../src/pass/registry.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

const test = suite("pass manager");

const INPUT = `module {
  func.func @f(%arg0: i32) -> i32 {
    %0 = arith.addi %arg0, %arg0 : i32
    return %0 : i32
  }
  module @inner {
    func.func @h() {
      return
    }
  }
  func.func @g() {
    return
  }
}
`;

function parse(text = INPUT, allowUnregistered = false): { module: Operation; ctx: ReturnType<typeof newContext> } {
  const ctx = newContext({ allowUnregisteredDialects: allowUnregistered });
  const r = parseSource(text, ctx);
  if (isLeft(r)) throw new Error(r.left.message);
  return { module: r.right, ctx };
}

const where = (op: Operation): string => symbolName(op) ?? op.name;

/** A pass that records `<tag>@<op>` for every op it runs on. */
function recorder(name: string, log: string[], opName?: string) {
  return definePass({
    name,
    summary: "records where it runs",
    ...(opName !== undefined ? { opName } : {}),
    run(op) {
      log.push(`${name}@${where(op)}`);
    },
  });
}

function failureOf(r: ReturnType<typeof runPipeline>): PipelineFailure {
  if (isRight(r)) throw new Error("expected the pipeline to fail");
  return r.left;
}

/** Erases the function's terminator: the verifier rejects the result. */
const breakIr = definePass({
  name: "test-break-ir",
  displayName: "BreakIR",
  opName: "func.func",
  summary: "erases the terminator of each function",
  run(fn) {
    fn.getRegion(0).blocks[0]?.terminator?.erase();
  },
});

test("a func-anchored pass sees each function directly in the module, the nested pipeline per function", () => {
  const log: string[] = [];
  const a = recorder("rec-a", log, "func.func");
  const b = recorder("rec-b", log);
  const top = recorder("rec-top", log);
  const { module, ctx } = parse();
  const r = runPipeline(module, anchored("builtin.module", [nest("func.func", [pass(a), pass(b)]), pass(top)]), { ctx });
  assert.ok(isRight(r));
  assert.equal(log, ["rec-a@f", "rec-b@f", "rec-a@g", "rec-b@g", "rec-top@builtin.module"]);

  log.length = 0;
  const deeper = runPipeline(module, [nest("builtin.module", [nest("func.func", [pass(a)])])], { ctx });
  assert.ok(isRight(deeper));
  assert.equal(log, ["rec-a@h"], "only the nested module's function");
});

test("pipeline text resolves in the given registry and runs the same way", () => {
  const log: string[] = [];
  const registry = new PassRegistry();
  registry.register(recorder("rec-fn", log, "func.func"));
  registry.register(recorder("rec-any", log));
  const { module, ctx } = parse();
  const r = runPipeline(module, "builtin.module(func.func(rec-fn,rec-any),rec-any,builtin.module(rec-any))", { ctx, registry });
  assert.ok(isRight(r), isLeft(r) ? r.left.diagnostics[0]?.message : "");
  assert.equal(log, ["rec-fn@f", "rec-any@f", "rec-fn@g", "rec-any@g", "rec-any@builtin.module", "rec-any@inner"]);
  const bad = failureOf(runPipeline(module, "builtin.module(nope)", { ctx, registry }));
  assert.is(bad.kind, "invalid-pipeline");
  assert.is(bad.diagnostics[0]?.message, "'nope' does not refer to a registered pass or pass pipeline");
});

test("verify-after-each catches a pass that breaks the IR, and the error names the pass and op", () => {
  const { module, ctx } = parse();
  const failure = failureOf(runPipeline(module, [nest("func.func", [pass(breakIr)])], { ctx }));
  assert.is(failure.kind, "invalid-ir");
  assert.is(failure.pass?.def.name, "test-break-ir");
  assert.is(symbolName(failure.op), "f", "stops at the first function");
  assert.ok(failure.emitted.length > 0, "the verifier's own diagnostics");
  const last = failure.diagnostics[failure.diagnostics.length - 1];
  assert.is(last?.message, "pass 'test-break-ir' (BreakIR) produced IR that fails to verify on 'func.func' operation: @f");
  assert.equal(failure.diagnostics.slice(0, -1), failure.emitted);

  // Without verification the broken IR goes through.
  const again = parse();
  assert.ok(isRight(runPipeline(again.module, [nest("func.func", [pass(breakIr)])], { ctx: again.ctx, verifyEach: false })));
  assert.is(printOp(again.module).split("return").length - 1, 1, "only @h (in the nested module) keeps its return");
});

test("a pass fails by returning Left or calling signalPassFailure; the pipeline stops there", () => {
  const log: string[] = [];
  const failLeft = definePass({
    name: "test-fail-left",
    summary: "",
    opName: "func.func",
    run: (fn) => (symbolName(fn) === "g" ? left([error(fn.loc, "g is not allowed")]) : undefined),
  });
  const failSignal = definePass({
    name: "test-fail-signal",
    summary: "",
    run(op, ctx) {
      ctx.signalPassFailure(error(op.loc, "first"));
      ctx.signalPassFailure([error(op.loc, "second")]);
    },
  });
  const after = recorder("rec-after", log);
  const { module, ctx } = parse();
  const f1 = failureOf(runPipeline(module, [nest("func.func", [pass(failLeft), pass(after)]), pass(after)], { ctx }));
  assert.is(f1.kind, "pass-failed");
  assert.equal(log, ["rec-after@f"], "the nested pipeline ran on f, then g failed and nothing else ran");
  assert.equal(
    f1.diagnostics.map((d) => d.message),
    ["g is not allowed", "pass 'test-fail-left' (TestFailLeft) failed on 'func.func' operation: @g"],
  );
  const f2 = failureOf(runPipeline(module, [pass(failSignal)], { ctx }));
  assert.equal(
    f2.emitted.map((d) => d.message),
    ["first", "second"],
  );
  assert.is(f2.diagnostics[2]?.message, "pass 'test-fail-signal' (TestFailSignal) failed on 'builtin.module' operation");
});

test("a pass that throws is an internal error: kind 'crashed', the message and a stack note", () => {
  const boom = definePass({
    name: "test-boom",
    summary: "",
    opName: "func.func",
    run() {
      throw new Error("boom");
    },
  });
  const { module, ctx } = parse();
  const failure = failureOf(runPipeline(module, "builtin.module(func.func(test-boom))", { ctx, registry: registryOf(boom) }));
  assert.is(failure.kind, "crashed");
  assert.is(failure.diagnostics.length, 1);
  const d = failure.diagnostics[0];
  assert.is(d?.message, "pass 'test-boom' (TestBoom) crashed on 'func.func' operation: @f: boom");
  assert.match(d?.notes[0]?.message ?? "", /thrown at:\n {2}.*pass-manager\.test\.ts/);
  assert.match(renderDiagnostic(failure.diagnostics[0] ?? error(undefined, "")), "<stdin>:2:3: error: pass 'test-boom'");
});

function registryOf(...defs: Parameters<PassRegistry["register"]>[0][]): PassRegistry {
  const r = new PassRegistry();
  for (const d of defs) r.register(d);
  return r;
}

test("scheduling errors: wrong anchor, misplaced pass, non-isolated or unregistered ops", () => {
  const log: string[] = [];
  const fnOnly = recorder("rec-fn-only", log, "func.func");
  const any = recorder("rec-any2", log);
  const { module, ctx } = parse();
  const anchor = failureOf(runPipeline(module, anchored("func.func", [pass(any)]), { ctx }));
  assert.is(anchor.kind, "cannot-schedule");
  assert.is(anchor.diagnostics[0]?.message, "can't run 'func.func' pass manager on 'builtin.module' op");
  const misplaced = failureOf(runPipeline(module, [pass(fnOnly)], { ctx }));
  assert.is(
    misplaced.diagnostics[0]?.message,
    "Can't add pass 'RecFnOnly' restricted to 'func.func' on a PassManager intended to run on 'builtin.module', did you intend to nest?",
  );
  const consts = parse(`%c = arith.constant 1 : i32\n"foo.bar"() : () -> ()\n`, true);
  const notIsolated = failureOf(runPipeline(consts.module, [nest("arith.constant", [pass(any)])], { ctx: consts.ctx }));
  assert.is(notIsolated.diagnostics[0]?.message, "'arith.constant' op trying to schedule a pass on an operation not marked as 'IsolatedFromAbove'");
  const unregistered = failureOf(runPipeline(consts.module, [nest("foo.bar", [pass(any)])], { ctx: consts.ctx }));
  assert.is(unregistered.diagnostics[0]?.message, "'foo.bar' op trying to schedule a pass on an unregistered operation");
  // `any` skips what it cannot run on.
  assert.ok(isRight(runPipeline(consts.module, [nest("any", [pass(any)])], { ctx: consts.ctx })));
  assert.equal(log, []);
});

test("PassContext: statistics, non-failing diagnostics, debug output, the debugRewrites flag", () => {
  let sawCtx: PassContext | undefined;
  const counting = definePass({
    name: "test-count",
    summary: "",
    opName: "func.func",
    statistics: { "num-ops": "Number of ops seen" },
    run(fn, ctx) {
      sawCtx = ctx;
      fn.walk(() => ctx.stat("num-ops"));
      ctx.stat("num-funcs", 1);
      ctx.emit(diag("warning", fn.loc, `looked at @${where(fn)}`));
      ctx.debug(`debugRewrites=${ctx.debugRewrites}`);
    },
  });
  let out = "";
  const { module, ctx } = parse();
  const pm = new PassManager([nest("func.func", [pass(counting)])], { ctx, debugRewrites: true, output: (s) => void (out += s) });
  const r = pm.run(module);
  if (isLeft(r)) throw new Error(r.left.diagnostics[0]?.message);
  assert.equal(
    r.right.diagnostics.map((d) => `${d.severity}: ${d.message}`),
    ["warning: looked at @f", "warning: looked at @g"],
  );
  assert.is(out, "debugRewrites=true\ndebugRewrites=true\n");
  assert.is(sawCtx?.context, ctx);
  assert.is(sawCtx?.pass.def.name, "test-count");
  const node = pm.report[0]?.children[0];
  assert.is(node?.name, "TestCount");
  assert.equal([...(node?.statistics ?? [])], [["num-ops", 5], ["num-funcs", 2]]);
  // A second run accumulates.
  pm.run(parse().module);
  assert.is(node?.statistics.get("num-funcs"), 4);
  // An error emitted through `emit` fails the pass.
  const erring = definePass({ name: "test-emit-error", summary: "", run: (op, c) => c.emit(error(op.loc, "bad")) });
  assert.is(failureOf(runPipeline(module, [pass(erring)], { ctx })).kind, "pass-failed");
});

test("a pass can run a dynamic pipeline on an op nested in its own", () => {
  const log: string[] = [];
  const inner = recorder("rec-inner", log, "func.func");
  const registry = registryOf(inner);
  const driver = definePass({
    name: "test-dynamic",
    summary: "",
    run(op, ctx) {
      const r1 = ctx.runPipeline(op, [nest("func.func", [pass(inner)])]);
      const r2 = ctx.runPipeline(op, "builtin.module(func.func(rec-inner))");
      const outside = op.parentOp ?? op;
      if (isLeft(r1) || isLeft(r2)) return left([error(op.loc, "dynamic pipeline failed")]);
      log.push(`done@${where(outside)}`);
    },
  });
  const { module, ctx } = parse();
  assert.ok(isRight(runPipeline(module, [pass(driver)], { ctx, registry })));
  assert.equal(log, ["rec-inner@f", "rec-inner@g", "rec-inner@f", "rec-inner@g", "done@builtin.module"]);
  // Its failures come back as diagnostics, and a pipeline on an op outside its own is refused.
  const nested = definePass({
    name: "test-dynamic-outside",
    summary: "",
    opName: "func.func",
    run(fn, ctx) {
      const r = ctx.runPipeline(fn.parentOp as Operation, [pass(inner)]);
      return isLeft(r) ? left(r.left) : undefined;
    },
  });
  const failure = failureOf(runPipeline(module, [nest("func.func", [pass(nested)])], { ctx }));
  assert.match(failure.emitted[0]?.message ?? "", "may only run a pipeline on its own op or ops nested in it");
});

test("onBefore/onAfter and custom instrumentations see every pass on every op, failed ones too", () => {
  const events: string[] = [];
  const rec = recorder("rec-inst", [], "func.func");
  const { module, ctx } = parse();
  const r = runPipeline(module, [nest("func.func", [pass(rec), pass(breakIr)])], {
    ctx,
    onBefore: (p: Pass, op) => events.push(`before ${p.def.name}@${where(op)}`),
    onAfter: (p, op) => events.push(`after ${p.def.name}@${where(op)}`),
    instrumentations: [
      {
        runAfterPassFailed: (p, op) => events.push(`failed ${p.def.name}@${where(op)}`),
        runBeforePipeline: (n, op) => events.push(`enter ${n.opName}@${where(op)}`),
        runAfterPipeline: (n, op) => events.push(`leave ${n.opName}@${where(op)}`),
      },
    ],
  });
  assert.ok(isLeft(r));
  assert.equal(events, [
    "enter func.func@f",
    "before rec-inst@f",
    "after rec-inst@f",
    "before test-break-ir@f",
    "failed test-break-ir@f",
    "leave func.func@f",
  ]);
});

test("a pipeline without a context still runs and verifies", () => {
  const { module } = parse();
  assert.ok(isRight(runPipeline(module, [nest("func.func", [pass(recorder("rec-noctx", []))])])));
  assert.ok(isLeft(runPipeline(module, [nest("func.func", [pass(breakIr)])])));
});

test.run();
