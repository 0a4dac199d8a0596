/** The `inline` pass (rewrites/transforms/inline.ts), against mlir-opt-16 and the interpreter. */
import { symbolName } from "../../src/ir/symbol-table.ts";
import { isRight, right } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CallOp } from "../../dialects/func/index.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { inline } from "../../rewrites/transforms/inline.ts";
import { interpret } from "../../src/interp/engine.ts";
import { intValue } from "../../src/interp/values.ts";
import { lookupSymbolIn } from "../../src/ir/symbol-table.ts";
import { i32 } from "../../src/ir/types.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { runOpt } from "../../cli/opt-driver.ts";
import { parseOptArgs } from "../../cli/opt-args.ts";
import { assertSameAsMlir, goldenText, mlirOpt, mlirOptOnText, parserIn, tensileOpt } from "../support/pass-tests.ts";

const ctx = newContext({ allowUnregisteredDialects: true });

const parse = parserIn(ctx);

const RECURSION = {
  "@ping": "mlir-opt-16 inlines recursive calls a few times (then @ping is dead); Tensile never does",
  "@pong": "the same: mlir-opt-16 inlined @ping into it",
  "@not_inlined": "the same: mlir-opt-16 partly unrolls the recursion into the caller",
};

const compat = suite("inline agrees with mlir-opt-16");

compat("with the default pipeline (canonicalize), once symbol-dce erased the dead callees", () => {
  const agreed = assertSameAsMlir(tensileOpt("transforms/inline.mlir", ["--inline", "--symbol-dce"]), mlirOpt("transforms/inline.mlir", ["--inline"]), RECURSION);
  assert.ok(agreed >= 4);
});

compat("locations: inlined ops get callsite(callee at call), nested for inlined inlined code", () => {
  const text = `func.func private @sq(%a: i32) -> i32 {
  %0 = arith.muli %a, %a : i32
  return %0 : i32
}
func.func private @two(%a: i32, %c: i1) -> i32 {
  %s = call @sq(%a) : (i32) -> i32
  cf.cond_br %c, ^bb1, ^bb2(%s : i32)
^bb1:
  %0 = arith.addi %a, %a : i32
  return %0 : i32
^bb2(%x: i32):
  return %x : i32
}
func.func @main(%a: i32, %c: i1) -> i32 {
  %0 = call @two(%a, %c) : (i32, i1) -> i32
  %1 = call @sq(%0) : (i32) -> i32
  return %1 : i32
}
`;
  const args = parseOptArgs(["--inline=default-pipeline=", "--symbol-dce", "--mlir-print-debuginfo"], newPassRegistry());
  if (typeof args === "string") throw new Error(args);
  const ours = runOpt(text, "inline.mlir", () => newContext(), args.opts);
  assert.is(ours.exitCode, 0, ours.stderr);
  const theirs = mlirOptOnText(text, ["--inline=default-pipeline=", "--mlir-print-debuginfo"]);
  assert.is(theirs.status, 0, theirs.stderr);
  const norm = (s: string): string => s.replaceAll('"<stdin>"', '"inline.mlir"').replace(/\s+$/, "");
  assert.fixture(norm(ours.stdout), norm(theirs.stdout));
  assert.match(ours.stdout, /callsite\(#loc\d+ at #loc\d+\)/);
});

const unit = suite("inline");

unit("single- and multi-block callees compute what the calls did", () => {
  const m = parse(goldenText("transforms/inline.mlir"));
  const inputs = [-7, 0, 3, 1000];
  const before = inputs.map((x) => interpret(m, "multi_block", [intValue(i32, x)], { ctx }));
  const r = inline(m, ctx);
  assert.ok(isRight(r));
  if (!isRight(r)) return;
  assert.ok(r.right.changed);
  assert.ok(isRight(verify(m, { ctx })));
  const after = inputs.map((x) => interpret(m, "multi_block", [intValue(i32, x)], { ctx }));
  assert.equal(after, before);
  const fn = lookupSymbolIn(m, "multi_block");
  assert.ok(fn !== undefined && fn.collect(CallOp).length === 0, "no call is left in @multi_block");
});

unit("calls that stay: declarations, recursion, unknown ops in the callee", () => {
  const m = parse(`func.func private @decl(i32) -> i32
  func.func private @self(%a: i32) -> i32 {
    %0 = call @self(%a) : (i32) -> i32
    return %0 : i32
  }
  func.func private @opaque(%a: i32) -> i32 {
    %0 = "test.op"(%a) : (i32) -> i32
    return %0 : i32
  }
  func.func @f(%a: i32) -> i32 {
    %0 = call @decl(%a) : (i32) -> i32
    %1 = call @self(%0) : (i32) -> i32
    %2 = call @opaque(%1) : (i32) -> i32
    return %2 : i32
  }`);
  const r = inline(m, ctx);
  assert.ok(isRight(r) && !r.right.changed && r.right.inlinedCalls === 0);
});

unit("the optimize hook runs before each round and after the last", () => {
  const m = parse(`func.func private @id(%a: i32) -> i32 {
    return %a : i32
  }
  func.func @f(%a: i32) -> i32 {
    %0 = call @id(%a) : (i32) -> i32
    return %0 : i32
  }`);
  const seen: string[] = [];
  const r = inline(m, ctx, {
    optimize: (fn) => {
      seen.push(`${symbolName(fn)}:${fn.collect(CallOp).length}`);
      return right(undefined);
    },
  });
  assert.ok(isRight(r) && r.right.inlinedCalls === 1);
  assert.equal(seen, ["id:0", "f:1", "f:0"]);
});

compat.run();
unit.run();
