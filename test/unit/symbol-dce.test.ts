/** The `symbol-dce` pass (rewrites/transforms/symbol-dce.ts), against mlir-opt-16. */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { symbolDce } from "../../rewrites/transforms/symbol-dce.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { printOp } from "../../src/text/printer.ts";
import { assertSameAsMlir, mlirOpt, mlirOptOnText, parserIn, tensileOpt } from "../support/pass-tests.ts";

const ctx = newContext({ allowUnregisteredDialects: true });

const parse = parserIn(ctx);

const compat = suite("symbol-dce agrees with mlir-opt-16");

compat("on its golden file", () => {
  const agreed = assertSameAsMlir(tensileOpt("transforms/symbol-dce.mlir", ["--symbol-dce"]), mlirOpt("transforms/symbol-dce.mlir", ["--symbol-dce"]));
  assert.ok(agreed >= 5, `${agreed} top-level ops compared`);
});

compat("after inlining, as mlir-opt's inliner erases dead callees itself", () => {
  const ours = tensileOpt("transforms/inline.mlir", ["--inline=default-pipeline=", "--symbol-dce"]);
  const theirs = mlirOpt("transforms/inline.mlir", ["--inline=default-pipeline="]);
  assertSameAsMlir(ours, theirs, {
    "@ping": "mlir-opt-16 inlines recursive calls a few times (then @ping is dead); Tensile never does",
    "@pong": "the same: mlir-opt-16 inlined @ping into it",
    "@not_inlined": "the same: mlir-opt-16 partly unrolls the recursion into the caller",
  });
});

compat("ops of unknown dialects are walked into, as mlir-opt-16 does", () => {
  const text = `func.func private @p() {
  return
}
func.func @q() {
  "test.inner"() ({
    "test.x"() {r = @p} : () -> ()
  }) : () -> ()
  return
}`;
  const m = parse(text);
  assert.ok(isRight(symbolDce(m)));
  const r = mlirOptOnText(text, ["--allow-unregistered-dialect", "--symbol-dce"]);
  assert.is(r.status, 0, r.stderr);
  assert.is(printOp(m, { ctx }).trim(), r.stdout.trim());
});

const unit = suite("symbol-dce");

unit("counts erased symbols and is idempotent", () => {
  const m = parse(`module {
    func.func private @a() { return }
    func.func private @b() {
      call @a() : () -> ()
      return
    }
    func.func private @c() { return }
    func.func @main() {
      call @c() : () -> ()
      return
    }
  }`);
  const r = symbolDce(m);
  assert.ok(isRight(r));
  if (!isRight(r)) return;
  assert.equal(r.right, { changed: true, numDCE: 2 });
  assert.ok(isRight(verify(m, { ctx })));
  const again = symbolDce(m);
  assert.ok(isRight(again) && !again.right.changed);
});

unit("only a symbol table can be the root, with MLIR's message", () => {
  const m = parse(`func.func @f() {
    return
  }`);
  const fn = m.getRegion().block.first as Operation;
  const r = symbolDce(fn);
  assert.ok(isLeft(r));
  if (isLeft(r)) assert.is(r.left.message, "'func.func' op  was scheduled to run under SymbolDCE, but does not define a symbol table");
  const mlir = mlirOptOnText("func.func @f() {\n  return\n}\n", ["--pass-pipeline=builtin.module(func.func(symbol-dce))"]);
  assert.match(mlir.stderr, "'func.func' op  was scheduled to run under SymbolDCE, but does not define a symbol table");
  const pipeline = runPipeline(m, "builtin.module(func.func(symbol-dce))", { ctx, registry: newPassRegistry() });
  assert.ok(isLeft(pipeline), "the pass fails in a pipeline too");
});

compat.run();
unit.run();
