/**
 * Merging of identical blocks (rewrites/transforms/merge-blocks.ts), called directly and through
 * `simplifyRegions`; agreement with mlir-opt-16 is in cf-canonicalize.test.ts (the golden file's
 * @identical_blocks* cases) and the random programs of test/prop/passes.
 */
import { isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { arithAndMathOps, programs } from "../../rewrites/testing/programs.ts";
import { dce, simplifyRegions } from "../../rewrites/transforms/dce.ts";
import { mergeIdenticalBlocks } from "../../rewrites/transforms/merge-blocks.ts";
import { formatValues } from "../../src/interp/compare.ts";
import { interpret } from "../../src/interp/engine.ts";
import { intValue } from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IntegerType } from "../../src/ir/types.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { Rewriter } from "../../src/rewrite/rewriter.ts";
import { printOp } from "../../src/text/printer.ts";
import { parserIn } from "../support/pass-tests.ts";

const ctx = newContext({ allowUnregisteredDialects: true });
const parse = parserIn(ctx);
const print = (m: Operation): string => printOp(m, { ctx });

/** Parses `text`, merges its identical blocks, checks the result verifies; returns the module and the count. */
function merged(text: string): { m: Operation; n: number; text: string } {
  const m = parse(text);
  const n = mergeIdenticalBlocks(m, new Rewriter());
  const v = verify(m, { ctx });
  assert.ok(isRight(v), `verifies after merging:\n${print(m)}`);
  return { m, n, text: print(m) };
}

/** The first function's body, block by block. */
const blocksOf = (m: Operation) => (m.getRegion().block.first as Operation).getRegion().blocks;

const unit = suite("mergeIdenticalBlocks");

unit("identical blocks become one; every branch to them goes to the first", () => {
  const { m, n, text } = merged(`func.func @f(%c: i1, %a: i32, %b: i32) -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    %m = arith.muli %a, %b : i32
    return %m : i32
  ^bb2:
    %n = arith.muli %a, %b : i32
    return %n : i32
  }`);
  assert.is(n, 1);
  assert.is(blocksOf(m).length, 2);
  assert.match(text, /cf\.cond_br %arg0, \^bb1, \^bb1\n/);
});

unit("operands from outside that differ become new arguments, after the old ones, passed by every branch", () => {
  const src = `func.func @f(%c: i1, %d: i1, %a: i32, %b: i32) -> i32 {
    cf.cond_br %c, ^bb1(%a : i32), ^bb2(%b : i32)
  ^bb1(%x: i32):
    %r = arith.muli %x, %a : i32
    cf.cond_br %d, ^bb3(%r : i32), ^bb4
  ^bb2(%y: i32):
    %s = arith.muli %y, %b : i32
    cf.cond_br %d, ^bb3(%s : i32), ^bb4
  ^bb3(%v: i32):
    return %v : i32
  ^bb4:
    return %a : i32
  }`;
  const { m, n, text } = merged(src);
  assert.is(n, 1);
  assert.match(text, /cf\.cond_br %arg0, \^bb1\(%arg2, %arg2 : i32, i32\), \^bb1\(%arg3, %arg3 : i32, i32\)/, "old operand, then the new one");
  assert.match(text, /\^bb1\((%\d+): i32, (%\d+): i32\):.*\n\s+%\d+ = arith\.muli \1, \2 : i32/);
  assert.equal(blocksOf(m)[1]?.argTypes.length, 2);
  // Same results for every input.
  const before = parse(src);
  const i1 = IntegerType.get(1);
  const i32 = IntegerType.get(32);
  for (const [c, d, a, b] of [[0, 0, 3, 5], [0, 1, 3, 5], [1, 0, -7, 2], [1, 1, 4, 9]] as const) {
    const args = [intValue(i1, c), intValue(i1, d), intValue(i32, a), intValue(i32, b)];
    const want = interpret(before, "f", args, { ctx });
    const got = interpret(m, "f", args, { ctx });
    assert.ok(isRight(want) && isRight(got));
    if (isRight(want) && isRight(got)) assert.is(formatValues(got.right), formatValues(want.right), formatValues(args));
  }
});

unit("one argument per operand slot that differs between any blocks of the cluster, in op then operand order", () => {
  const { n, text } = merged(`func.func @f(%c: i1, %d: i1, %a: i32, %b: i32, %e: i32) -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    cf.cond_br %d, ^bb3, ^bb4
  ^bb2:
    %m = arith.subi %a, %b : i32
    return %m : i32
  ^bb3:
    %n = arith.subi %a, %e : i32
    return %n : i32
  ^bb4:
    %o = arith.subi %b, %b : i32
    return %o : i32
  }`);
  assert.is(n, 2);
  assert.match(text, /cf\.cond_br %arg0, \^bb1, \^bb2\(%arg2, %arg3 : i32, i32\)/);
  assert.match(text, /cf\.cond_br %arg1, \^bb2\(%arg2, %arg4 : i32, i32\), \^bb2\(%arg3, %arg3 : i32, i32\)/, "duplicates are kept, as in MLIR 16");
});

unit("a switch's edges are extended, its case values kept", () => {
  const { n, text } = merged(`func.func @f(%f: i32, %a: i32, %b: i32) -> i32 {
    cf.switch %f : i32, [
      default: ^bb1,
      7: ^bb2,
      9: ^bb1
    ]
  ^bb1:
    %x = arith.xori %a, %f : i32
    return %x : i32
  ^bb2:
    %y = arith.xori %b, %f : i32
    return %y : i32
  }`);
  assert.is(n, 1);
  assert.match(text, /default: \^bb1\(%arg1 : i32\),\n\s+7: \^bb1\(%arg2 : i32\),\n\s+9: \^bb1\(%arg1 : i32\)/);
});

unit("repeats while merging makes more blocks identical", () => {
  const { m, n } = merged(`func.func @f(%c: i1, %a: i32) -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    cf.br ^bb3
  ^bb2:
    cf.br ^bb4
  ^bb3:
    return %a : i32
  ^bb4:
    return %a : i32
  }`);
  assert.is(n, 2, "^bb3/^bb4, then ^bb1/^bb2 which now both branch to ^bb3");
  assert.is(blocksOf(m).length, 3);
});

unit("blocks that are not identical, and the entry block, stay", () => {
  const cases = [
    // Values defined in the blocks used at different positions.
    `func.func @f(%c: i1, %a: i32, %b: i32) -> i32 {
      cf.cond_br %c, ^bb1(%a, %b : i32, i32), ^bb2(%b, %a : i32, i32)
    ^bb1(%x: i32, %y: i32):
      %r = arith.subi %x, %y : i32
      return %r : i32
    ^bb2(%p: i32, %q: i32):
      %s = arith.subi %q, %p : i32
      return %s : i32
    }`,
    // Different attributes; different argument types; different successors.
    `func.func @f(%c: i1, %a: i32) -> i32 {
      cf.cond_br %c, ^bb1, ^bb2
    ^bb1:
      %m = "test.op"(%a) {x = 1 : i32} : (i32) -> i32
      return %m : i32
    ^bb2:
      %n = "test.op"(%a) {x = 2 : i32} : (i32) -> i32
      return %n : i32
    }`,
    `func.func @f(%c: i1, %a: i32, %b: i64) {
      cf.cond_br %c, ^bb1(%a : i32), ^bb2(%b : i64)
    ^bb1(%x: i32):
      return
    ^bb2(%y: i64):
      return
    }`,
    // An op with a region.
    `func.func @f(%c: i1, %a: i32) {
      cf.cond_br %c, ^bb1, ^bb2
    ^bb1:
      "test.region"() ({ "test.yield"() : () -> () }) : () -> ()
      return
    ^bb2:
      "test.region"() ({ "test.yield"() : () -> () }) : () -> ()
      return
    }`,
    // The entry block is never merged, even with an identical block.
    `func.func @f(%a: i32) {
      "test.use"(%a) : (i32) -> ()
      return
    ^bb1:
      "test.use"(%a) : (i32) -> ()
      return
    }`,
  ];
  for (const src of cases) {
    const { n, text } = merged(src);
    assert.is(n, 0, src);
    assert.is(text, print(parse(src)));
  }
});

unit("a cluster needing new arguments is not merged when a branch into it is not a cf branch", () => {
  const body = (second: string) => `func.func @f(%c: i1, %a: i32, %b: i32) -> i32 {
    "foo.br"(%c)[^bb1, ^bb2] : (i1) -> ()
  ^bb1:
    %m = arith.muli %a, %b : i32
    return %m : i32
  ^bb2:
    %n = arith.muli ${second} : i32
    return %n : i32
  }`;
  assert.is(merged(body("%b, %a")).n, 0, "operands differ: would need arguments");
  const same = merged(body("%a, %b"));
  assert.is(same.n, 1, "nothing to pass: merged whatever the branch");
  assert.match(same.text, /"foo\.br"\(%arg0\)\[\^bb1, \^bb1\]/);
});

unit("every change goes through the rewriter's listener", () => {
  const m = parse(`func.func @f(%c: i1, %a: i32, %b: i32) -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    %m = arith.muli %a, %b : i32
    return %m : i32
  ^bb2:
    %n = arith.muli %b, %a : i32
    return %n : i32
  }`);
  const seen: string[] = [];
  const rw = new Rewriter({
    notifyOperationInserted: (op) => void seen.push(`inserted ${op.name}`),
    notifyOperationModified: (op) => void seen.push(`modified ${op.name}`),
    notifyOperationErased: (op) => void seen.push(`erased ${op.name}`),
  });
  assert.is(mergeIdenticalBlocks(m, rw), 1);
  // The branch's forwarded operands are extended in place (BranchOpInterface), then its successor redirected.
  for (const event of ["modified arith.muli", "modified cf.cond_br", "erased func.return"]) {
    assert.ok(seen.includes(event), `${event} in ${seen.join(", ")}`);
  }
  assert.is(seen.filter((e) => e === "modified cf.cond_br").length, 2, "operands extended, then the successor redirected");
  assert.is(seen.filter((e) => e === "modified arith.muli").length, 2, "both operands of the leader's muli became arguments");
});

const simplify = suite("simplifyRegions merges identical blocks");

simplify("after dead code, counted among the erased blocks; not in the dce pass", () => {
  const src = `func.func @f(%c: i1, %a: i32) -> i32 {
    %dead = arith.addi %a, %a : i32
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    return %a : i32
  ^bb2:
    return %a : i32
  ^bb3:
    return %a : i32
  }`;
  const m = parse(src);
  const r = simplifyRegions(m, new Rewriter());
  assert.equal(r, { erasedBlocks: 2, mergedBlocks: 1, ops: 1, args: 0 });
  assert.is(blocksOf(m).length, 2);
  const viaDce = parse(src);
  const d = dce(viaDce);
  assert.ok(isRight(d) && d.right.erasedBlocks === 1);
  assert.is(blocksOf(viaDce).length, 3, "dce only erases the unreachable block");
  assert.is(simplifyRegions(parse(src), new Rewriter(), { mergeBlocks: false }).mergedBlocks, 0);
});

const prop = suite("merging preserves semantics");

prop("random programs with branch diamonds (whose arms are sometimes identical) compute the same", () => {
  let mergedAny = 0;
  const transform = (m: Operation): void => void (mergedAny += mergeIdenticalBlocks(m, new Rewriter()));
  const r = checkRewrite({ transform, programs: programs({ ops: arithAndMathOps, branches: true }), runs: 1000, seed: 29, tolerance: { ulps: 2 } });
  assert.ok(r.ok, r.ok ? "" : r.message);
  assert.ok(mergedAny > 0, "some programs had blocks to merge");
});

unit.run();
simplify.run();
prop.run();
