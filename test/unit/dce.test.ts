/**
 * The `dce` pass (rewrites/transforms/dce.ts). mlir-opt-16 has no such pass; its `--canonicalize` does the
 * same erasures in its region simplification (among other things), so the golden input is compared with that
 * where nothing else applies.
 */
import { isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { arithAndMathOps, programs } from "../../rewrites/testing/programs.ts";
import { dce, eraseUnreachableBlocks, isReachable } from "../../rewrites/transforms/dce.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { Rewriter } from "../../src/rewrite/rewriter.ts";
import { printOp } from "../../src/text/printer.ts";
import { assertSameAsMlir, mlirOpt, parserIn, tensileOpt } from "../support/pass-tests.ts";

const ctx = newContext({ allowUnregisteredDialects: true });

const parse = parserIn(ctx);

const compat = suite("dce agrees with mlir-opt-16's canonicalizer where only dead code goes");

compat("golden input", () => {
  const agreed = assertSameAsMlir(tensileOpt("transforms/dce.mlir", ["--dce"]), mlirOpt("transforms/dce.mlir", ["--canonicalize"]), {
    "@blocks": "the canonicalizer also merges the remaining chain of branches into one block",
  });
  assert.ok(agreed >= 3);
});

const unit = suite("dce");

unit("erases dead ops to a fixpoint and unreachable blocks, keeps effects", () => {
  const m = parse(`func.func @f(%a: i32, %c: i1) -> i32 {
    %0 = arith.muli %a, %a : i32
    %1 = arith.addi %0, %0 : i32
    "test.effect"(%a) : (i32) -> ()
    %2 = "test.unknown"() : () -> i32
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    return %a : i32
  ^bb2:
    return %a : i32
  ^bb3:
    %3 = arith.addi %a, %a : i32
    cf.br ^bb3
  }`);
  const r = dce(m);
  assert.ok(isRight(r));
  if (!isRight(r)) return;
  assert.equal(r.right, { changed: true, erasedBlocks: 1, erasedOps: 2, erasedArguments: 0 });
  const text = printOp(m, { ctx });
  assert.match(text, /"test.effect"/);
  assert.match(text, /"test.unknown"/, "an unregistered op may have effects: kept");
  assert.not.match(text, /arith\./);
  assert.ok(isRight(verify(m, { ctx })));
  const again = dce(m);
  assert.ok(isRight(again) && !again.right.changed);
});

unit("reachability: blocks reached through any path stay, cycles without an entry path go", () => {
  const m = parse(`func.func @f(%c: i1) {
    cf.cond_br %c, ^bb2, ^bb1
  ^bb1:
    return
  ^bb2:
    cf.br ^bb1
  ^bb3:
    cf.br ^bb4
  ^bb4:
    cf.br ^bb3
  }`);
  const fn = m.getRegion().block.first as Operation;
  const blocks = fn.getRegion().blocks;
  assert.equal(blocks.map(isReachable), [true, true, true, false, false]);
  assert.is(eraseUnreachableBlocks(fn.getRegion(), new Rewriter()), 2);
  assert.is(fn.getRegion().blocks.length, 3);
});

unit("counts dead block arguments and rebuilds every kind of cf branch without their operands", () => {
  const m = parse(`func.func @f(%c: i1, %f: i32, %a: i32) -> i32 {
    cf.cond_br %c, ^bb1(%a : i32), ^bb2(%a, %a : i32, i32)
  ^bb1(%x: i32):
    cf.switch %f : i32, [
      default: ^bb3(%x : i32),
      1: ^bb2(%x, %x : i32, i32)
    ]
  ^bb2(%y: i32, %z: i32):
    cf.br ^bb3(%z : i32)
  ^bb3(%w: i32):
    return %a : i32
  }`);
  const r = dce(m);
  assert.ok(isRight(r) && r.right.erasedArguments === 4, "x, y, z and w are all dead");
  assert.ok(isRight(verify(m, { ctx })));
  assert.not.match(printOp(m, { ctx }), /\^bb\d\(/, "no block takes arguments any more");
});

const prop = suite("dce preserves semantics");

prop("random func/arith/math/cf programs compute the same after dce", () => {
  const r = checkRewrite({ transform: "dce", programs: programs({ ops: arithAndMathOps }), runs: 300, seed: 13 });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

compat.run();
unit.run();
prop.run();
