/** The `cse` pass (rewrites/transforms/cse.ts), against mlir-opt-16 and the interpreter. */
import { isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { arithAndMathOps, programs } from "../../rewrites/testing/programs.ts";
import { cse } from "../../rewrites/transforms/cse.ts";
import { FileLineColLoc, UnknownLoc } from "../../src/ir/location.ts";
import { AddIOp } from "../../dialects/arith/index.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { printOp } from "../../src/text/printer.ts";
import { assertSameAsMlir, mlirOpt, parserIn, tensileOpt } from "../support/pass-tests.ts";

const ctx = newContext({ allowUnregisteredDialects: true });

const parse = parserIn(ctx);

const compat = suite("cse agrees with mlir-opt-16");

compat("on its golden files", () => {
  for (const file of ["transforms/cse.mlir", "transforms/cse-regions.mlir"]) {
    const agreed = assertSameAsMlir(tensileOpt(file, ["--cse"]), mlirOpt(file, ["--cse"]));
    assert.ok(agreed >= 3, `${file}: only ${agreed} top-level ops compared`);
  }
});

compat("on the other passes' golden inputs", () => {
  for (const file of ["cf/canonicalize.mlir", "math/fold.mlir", "transforms/dce.mlir", "transforms/inline.mlir", "transforms/symbol-dce.mlir"]) {
    assertSameAsMlir(tensileOpt(file, ["--cse"]), mlirOpt(file, ["--cse"]));
  }
});

const unit = suite("cse");

unit("counts replacements and dead ops, and leaves valid IR", () => {
  const m = parse(`func.func @f(%a: i32) -> i32 {
    %0 = arith.addi %a, %a : i32
    %1 = arith.addi %a, %a : i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.muli %0, %0 : i32
    %dead = arith.subi %a, %a : i32
    return %3 : i32
  }`);
  const r = cse(m, ctx);
  assert.ok(isRight(r));
  if (!isRight(r)) return;
  // %1 is replaced by %0; %2 and %dead have no uses when met, so they are erased as dead instead.
  assert.equal({ cse: r.right.numCSE, dce: r.right.numDCE, changed: r.right.changed }, { cse: 1, dce: 2, changed: true });
  assert.ok(isRight(verify(m, { ctx })));
  assert.is((printOp(m, { ctx }).match(/arith\./g) ?? []).length, 2);
  const again = cse(m, ctx);
  assert.ok(isRight(again) && !again.right.changed, "a second run changes nothing");
});

unit("a survivor with an unknown location takes the duplicate's", () => {
  const m = parse(`func.func @f(%a: i32) -> (i32, i32) {
    %0 = arith.addi %a, %a : i32 loc(unknown)
    %1 = arith.addi %a, %a : i32 loc("x.mlir":7:3)
    return %0, %1 : i32, i32
  }`);
  cse(m, ctx);
  const adds = m.collect(AddIOp);
  assert.is(adds.length, 1);
  const add = adds[0];
  assert.is(add?.loc, FileLineColLoc.get("x.mlir", 7, 3));
  assert.not.instance(add?.loc, UnknownLoc);
});

unit("the listener hears every replacement and erasure", () => {
  const m = parse(`func.func @f(%a: i32) -> (i32, i32) {
    %0 = arith.addi %a, %a : i32
    %1 = arith.addi %a, %a : i32
    return %0, %1 : i32, i32
  }`);
  const erased: string[] = [];
  let modified = 0;
  cse(m, ctx, { listener: { notifyOperationErased: (op) => erased.push(op.name), notifyOperationModified: () => void modified++ } });
  assert.equal(erased, ["arith.addi"]);
  assert.is(modified, 1, "func.return's operand was replaced");
});

const prop = suite("cse preserves semantics");

prop("random func/arith/math/cf programs compute the same after cse", () => {
  const r = checkRewrite({ transform: "cse", programs: programs({ ops: arithAndMathOps }), runs: 300, seed: 11 });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

compat.run();
unit.run();
prop.run();
