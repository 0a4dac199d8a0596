/** The rewriter, typed patterns and the greedy driver. */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AddIOp, ConstantOp, MulIOp, SubIOp } from "../../dialects/arith/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { i32 } from "../../src/ir/types.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { rewrite } from "../../src/rewrite/pattern.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

const ctx = newContext();
function parse(text: string): Operation {
  const r = parseSource(text, ctx);
  if (isLeft(r)) throw new Error(r.left.message);
  return r.right;
}
const body = (m: Operation): string => printOp(m, { ctx });

/** addi(x, 0) -> x */
const addZero = rewrite({
  name: "addi-zero",
  root: AddIOp,
  apply(op, rw) {
    if (constIntValue(op.rhs) !== 0n) return rw.fail("rhs is not the constant 0");
    rw.replaceOp(op, [op.lhs]);
    return rw.done();
  },
});

/** muli(x, 1) -> x, with the constant on either side. */
const muliOne = rewrite({
  name: "muli-one",
  root: MulIOp,
  apply(op, rw) {
    const x = constIntValue(op.rhs) === 1n ? op.lhs : constIntValue(op.lhs) === 1n ? op.rhs : undefined;
    if (x === undefined) return rw.fail("neither operand is the constant 1");
    rw.replaceOp(op, [x]);
    return rw.done();
  },
});

/** subi(x, x) -> 0 */
const subiSelf = rewrite({
  name: "subi-self",
  root: SubIOp,
  apply(op, rw) {
    if (op.lhs !== op.rhs) return rw.fail("the operands differ");
    rw.replaceOp(op, [rw.at(InsertionPoint.before(op), () => rw.create(ConstantOp, { value: IntegerAttr.get(i32, 0) }).result)]);
    return rw.done();
  },
});
const identities = [muliOne, subiSelf];

const g = suite("greedy driver");
g("typed patterns rewrite to a fixpoint and dead constants go", () => {
  const m = parse(`func.func @f(%a: i32, %b: i32) -> i32 {
    %c0 = arith.constant 0 : i32
    %c1 = arith.constant 1 : i32
    %0 = arith.addi %a, %c0 : i32
    %1 = arith.muli %c1, %0 : i32
    %2 = arith.subi %1, %a : i32
    %3 = arith.addi %b, %2 : i32
    return %3 : i32
  }`);
  const r = applyPatternsGreedily(m, [addZero, ...identities], { ctx, fold: false });
  assert.ok(isRight(r));
  if (!isRight(r)) return;
  assert.ok(r.right.changed);
  assert.is(r.right.applied.get("muli-one"), 1, "commutative operands matched swapped");
  assert.is(r.right.applied.get("subi-self"), 1);
  assert.ok(isRight(verify(m, { ctx })));
  const text = body(m);
  // (a + 0) * 1 - a = 0, then b + 0 = b: users of replaced values are revisited in the same run.
  assert.is(r.right.applied.get("addi-zero"), 2);
  assert.match(text, /^\s+return %arg1 : i32$/m);
  assert.not.match(text, /arith\./, "the constants died with their users");
  // A second run has nothing to do.
  const again = applyPatternsGreedily(m, [addZero, ...identities], { ctx, fold: false });
  assert.ok(isRight(again) && !again.right.changed);
});

g("match failures are reported with reasons to the listener", () => {
  const m = parse(`func.func @f(%a: i32) -> i32 {
    %c2 = arith.constant 2 : i32
    %0 = arith.addi %a, %c2 : i32
    return %0 : i32
  }`);
  const failures: string[] = [];
  const r = applyPatternsGreedily(m, [addZero], { ctx, listener: { notifyMatchFailure: (pat, op, why) => failures.push(`${pat} @ ${op.name}: ${why}`) } });
  assert.ok(isRight(r));
  if (isRight(r)) assert.is(r.right.changed, false);
  assert.equal(failures, ["addi-zero @ arith.addi: rhs is not the constant 0"]);
});

g("a pattern set that never converges gives a diagnostic naming the pattern", () => {
  const m = parse(`func.func @f(%a: i32, %b: i32) -> i32 {
    %0 = arith.addi %a, %b : i32
    return %0 : i32
  }`);
  // Swaps the operands forever.
  const swap = rewrite({
    name: "swap-forever",
    root: AddIOp,
    apply(op, rw) {
      rw.modifyInPlace(op, () => op.setOperands([op.rhs, op.lhs]));
      return rw.done();
    },
  });
  const r = applyPatternsGreedily(m, [swap], { ctx, maxIterations: 4 });
  assert.ok(isLeft(r));
  if (!isLeft(r)) return;
  assert.match(r.left.message, /did not converge after (4 iterations|\d+ rewrites)/);
  assert.match(r.left.notes[0]?.message ?? "", /'swap-forever'/);
});

g("benefit orders patterns; the first that applies wins", () => {
  const m = parse(`func.func @f(%a: i32) -> i32 {
    %c0 = arith.constant 0 : i32
    %0 = arith.addi %a, %c0 : i32
    return %0 : i32
  }`);
  const order: string[] = [];
  const low = rewrite({ name: "low", root: AddIOp, benefit: 1, apply: (_op, rw) => (order.push("low"), rw.fail("never")) });
  const high = rewrite({ name: "high", root: AddIOp, benefit: 5, apply: (_op, rw) => (order.push("high"), rw.fail("never")) });
  applyPatternsGreedily(m, [low, high, addZero], { ctx, fold: false });
  assert.equal(order.slice(0, 2), ["high", "low"]);
});
g.run();
