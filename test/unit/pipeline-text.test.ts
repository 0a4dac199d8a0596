/**
 * MLIR's textual pass pipelines: parse → print → parse is stable, and malformed text gives MLIR's errors
 * with a column (unknown pass names, unbalanced parentheses, bad options, passes on the wrong op kind).
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderDiagnostic, SourceManager } from "../../src/diag/diagnostic.ts";
import { createModule } from "../../dialects/builtin/index.ts";
import { definePass, pass } from "../../src/pass/pass.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { anchored, nest, passesOf } from "../../src/pass/pipeline.ts";
import { PIPELINE_FILE, parsePipeline, printPipeline } from "../../src/pass/pipeline-text.ts";
import { definePassPipeline, PassRegistry } from "../../src/pass/registry.ts";

const test = suite("pipeline text");

const noop = (name: string, extra: { opName?: string; displayName?: string } = {}) =>
  definePass({ name, summary: `${name} (test)`, ...extra, run() {} });
const canonicalize = definePass({
  name: "canonicalize",
  displayName: "Canonicalizer",
  summary: "test canonicalizer",
  options: t.type({ maxIterations: t.number, topDown: t.boolean }),
  defaults: { maxIterations: 10, topDown: true },
  run() {},
});
const tile = definePass({
  name: "tile",
  summary: "list and string options",
  options: t.partial({ sizes: t.array(t.number), label: t.string }),
  run() {},
});
const cse = noop("cse", { displayName: "CSE" });
const symbolDce = noop("symbol-dce", { opName: "builtin.module", displayName: "SymbolDCE" });
const fnPass = noop("fn-pass", { opName: "func.func" });

const registry = new PassRegistry();
for (const d of [canonicalize, tile, cse, symbolDce, fnPass]) registry.register(d);
registry.register(definePassPipeline("cleanup", "canonicalize then cse", "canonicalize{max-iterations=2},cse"));
registry.register(definePassPipeline("fn-cleanup", "per-function cleanup", "func.func(fn-pass,cse)"));
registry.register(definePassPipeline("loop", "names itself", "cse,loop"));

const parse = (text: string) => parsePipeline(text, { registry });

function parsed(text: string) {
  const r = parse(text);
  if (isLeft(r)) throw new Error(`${text}: ${r.left.message}`);
  return r.right;
}

/** The error for `text`, rendered with its caret as tensile-opt shows it. */
function errorOf(text: string): string {
  const r = parse(text);
  if (isRight(r)) throw new Error(`expected '${text}' to fail`);
  const sources = new SourceManager();
  sources.add(PIPELINE_FILE, text);
  return renderDiagnostic(r.left, sources);
}

test("an anchored pipeline: nests, options, spaces", () => {
  const spec = parsed(" builtin.module( func.func(canonicalize{max-iterations=3}, cse) , symbol-dce ) ");
  assert.is(spec.anchor, "builtin.module");
  assert.is(spec.items.length, 2);
  const inner = spec.items[0];
  assert.ok(inner?.kind === "nest" && inner.opName === "func.func");
  assert.equal(
    passesOf(spec.items).map((p) => [p.def.name, p.options]),
    [
      ["canonicalize", { maxIterations: 3, topDown: true }],
      ["cse", {}],
      ["symbol-dce", {}],
    ],
  );
  assert.is(printPipeline(spec), "builtin.module(func.func(canonicalize{max-iterations=3},cse),symbol-dce)");
});

test("parse → print → parse is stable", () => {
  const cases = [
    "builtin.module(func.func(canonicalize,cse),symbol-dce)",
    "builtin.module(canonicalize{max-iterations=3 top-down=false},func.func(fn-pass))",
    "canonicalize,cse",
    "cse",
    "builtin.module()",
    "builtin.module(builtin.module(func.func(cse)),cse)",
    `builtin.module(tile{label="a b" sizes=8,32,64})`,
    "any(func.func(cse))",
    "",
  ];
  for (const text of cases) {
    const once = printPipeline(parsed(text));
    assert.is(once, text, `printing '${text}'`);
    const twice = printPipeline(parsed(once));
    assert.is(twice, once, `reprinting '${text}'`);
    assert.equal(
      passesOf(parsed(twice).items).map((p) => p.options),
      passesOf(parsed(text).items).map((p) => p.options),
    );
  }
  // Defaults are dropped when printing, and printed with allOptions (as reproducers do).
  assert.is(printPipeline(parsed("canonicalize{max-iterations=10}")), "canonicalize");
  assert.is(printPipeline(parsed("builtin.module(canonicalize)"), { allOptions: true }), "builtin.module(canonicalize{max-iterations=10 top-down=true})");
});

test("bare lists run on the root; a lone nest in a bare list prints as any(...)", () => {
  const bare = parsed("canonicalize,func.func(cse)");
  assert.is(bare.anchor, undefined);
  assert.is(bare.items.length, 2);
  assert.is(printPipeline([nest("func.func", [pass(cse)])]), "any(func.func(cse))");
  assert.is(parsed("any(func.func(cse))").anchor, "any");
  // A typed pipeline prints the same text as the one it was written as.
  const typed = anchored("builtin.module", [nest("func.func", [pass(canonicalize, { maxIterations: 3 }), pass(cse)]), pass(symbolDce)]);
  assert.is(printPipeline(typed), "builtin.module(func.func(canonicalize{max-iterations=3},cse),symbol-dce)");
});

test("named pipelines expand in place", () => {
  assert.is(printPipeline(parsed("builtin.module(cleanup,symbol-dce)")), "builtin.module(canonicalize{max-iterations=2},cse,symbol-dce)");
  assert.is(printPipeline(parsed("builtin.module(fn-cleanup)")), "builtin.module(func.func(fn-pass,cse))");
  assert.match(errorOf("builtin.module(loop)"), "in pass pipeline 'loop': pass pipeline 'loop' refers to itself");
  assert.match(errorOf("builtin.module(cleanup{x=1})"), "pass pipeline 'cleanup' takes no options");
});

test("unknown pass names: MLIR's message, with a caret under the name", () => {
  assert.is(
    errorOf("builtin.module(func.func(cse,foo))"),
    "<pass-pipeline>:1:30: error: 'foo' does not refer to a registered pass or pass pipeline\n" +
      "builtin.module(func.func(cse,foo))\n" +
      "                             ^",
  );
  assert.match(errorOf("builtin.module(cse canonicalize)"), "'cse canonicalize' does not refer to a registered pass or pass pipeline");
  assert.match(errorOf("builtin.module(cse,,canonicalize)"), "1:20: error: '' does not refer to a registered pass or pass pipeline");
});

test("unbalanced parentheses and braces", () => {
  assert.match(errorOf("builtin.module(func.func(cse)"), "1:30: error: encountered unbalanced parentheses while parsing pipeline");
  assert.match(errorOf("builtin.module(cse))"), "1:20: error: encountered extra closing ')' creating unbalanced parentheses while parsing pipeline");
  assert.match(errorOf("builtin.module(canonicalize{max-iterations=3)"), "1:28: error: missing closing '}' while processing pass options");
  assert.match(errorOf("builtin.module(func.func(cse) cse)"), "error: expected ',' after parsing pipeline");
  assert.match(errorOf("builtin.module((cse))"), "error: expected an operation name before '('");
});

test("bad options name the pass, the option and the expected type", () => {
  assert.match(
    errorOf("builtin.module(canonicalize{max-iterations=abc})"),
    "1:16: error: value 'abc' is invalid for option 'max-iterations' of pass 'canonicalize': expected number",
  );
  assert.match(
    errorOf("builtin.module(canonicalize{bogus=1})"),
    "error: pass 'canonicalize' has no option 'bogus'; its options are: max-iterations, top-down",
  );
  assert.match(errorOf("builtin.module(canonicalize{top-down=maybe})"), "expected boolean");
});

test("a pass restricted to one op kind must be nested on it", () => {
  assert.match(
    errorOf("builtin.module(fn-pass)"),
    "1:16: error: Can't add pass 'FnPass' restricted to 'func.func' on a PassManager intended to run on 'builtin.module', did you intend to nest?",
  );
  assert.match(errorOf("builtin.module(func.func(symbol-dce))"), "restricted to 'builtin.module' on a PassManager intended to run on 'func.func'");
  assert.match(errorOf("builtin.module(fn-cleanup,cleanup,symbol-dce),x"), "'x' does not refer to a registered pass");
  // Bare lists do not know their anchor yet: the pass manager checks when it runs.
  assert.ok(isRight(parse("fn-pass")));
});

test("a name the registry lacks is an error; without a registry, pipeline text is one", () => {
  const none = runPipeline(createModule(), "builtin.module(cse)");
  assert.ok(isLeft(none));
  if (isLeft(none)) assert.match(none.left.diagnostics[0]?.message ?? "", /cannot parse pipeline 'builtin.module\(cse\)' without a pass registry/);
  const r = parsePipeline("builtin.module(definitely-not-registered)", { registry: new PassRegistry() });
  assert.ok(isLeft(r));
  if (isLeft(r)) assert.is(r.left.message, "'definitely-not-registered' does not refer to a registered pass or pass pipeline");
});

test("the registry refuses a different definition under a taken name, and accepts the same one again", () => {
  const r = new PassRegistry();
  r.register(cse);
  r.register(cse);
  assert.throws(() => r.register(noop("cse")), /already registered as 'cse'/);
  assert.equal(
    registry.passes().map((p) => p.name),
    ["canonicalize", "cse", "fn-pass", "symbol-dce", "tile"],
  );
});

test.run();
