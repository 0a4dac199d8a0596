/**
 * checkRewrite itself: random programs are well-formed and runnable, a correct pattern passes, a wrong one
 * (subi(x, y) -> subi(y, x)) is caught with a small counterexample, and so is one that erases a failing assert.
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AddIOp, BitcastOp, ConstantOp, DivSIOp, MulFOp, MulIOp, SubIOp } from "../../dialects/arith/index.ts";
import { FloatLike } from "../../dialects/arith/constraints.ts";
import { FloatAttr } from "../../src/ir/attributes.ts";
import { narrow } from "../../src/irdl/constraints.ts";
import { defining } from "../../src/ir/defining.ts";
import { type IntegerType, f64, i32 } from "../../src/ir/types.ts";
import { floatValueFromBits, intValue } from "../../src/interp/values.ts";
import { AbsFOp } from "../../dialects/math/index.ts";
import { AssertOp } from "../../dialects/cf/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { interpret } from "../../src/interp/engine.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { rewrite } from "../../src/rewrite/pattern.ts";
import { parseSource } from "../../src/text/parser.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { checkOne, checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { arithAndMathOps, programs } from "../../rewrites/testing/programs.ts";

const ctx = newContext();
const s = suite("checkRewrite");

s("generated programs verify, and most run without undefined behaviour", () => {
  let ran = 0;
  let ops = 0;
  fc.assert(
    fc.property(programs({ ops: arithAndMathOps }), (c) => {
      const m = parseSource(c.text, ctx);
      assert.ok(isRight(m), c.text);
      if (!isRight(m)) return;
      assert.ok(isRight(verify(m.right, { ctx })), c.text);
      const r = interpret(m.right, c.fn, c.args, { ctx });
      if (isRight(r)) ran++;
      else assert.ok(r.left.kind === "undefined-behavior" || r.left.kind === "unspecified", `${r.left.message}\n${c.text}`);
      ops += c.text.split("\n").length;
    }),
    { numRuns: 300, seed: 1 },
  );
  assert.ok(ran > 150, `only ${ran} of 300 programs ran`);
  assert.ok(ops > 300 * 5, "programs are not trivially small");
});

/** subi(x, y) -> subi(y, x): wrong unless x == y. */
const swapSub = rewrite({
  name: "wrong-subi-swap",
  root: SubIOp,
  apply(op, rw) {
    if (op.lhs === op.rhs) return rw.fail("operands are equal");
    rw.modifyInPlace(op, () => op.setOperands([op.rhs, op.lhs]));
    return rw.done();
  },
});

s("a deliberately wrong pattern is caught, with a small counterexample", () => {
  // Terminates: it only swaps ops it has not swapped (a marker attribute).
  const once = rewrite({
    name: "wrong-subi-swap",
    root: SubIOp,
    apply(op, rw) {
      if (op.attr("swapped") !== undefined) return rw.fail("already swapped");
      const r = swapSub.matchAndRewrite(op, rw);
      if (r.ok) rw.modifyInPlace(op, () => op.setAttr("swapped", ctxUnit()));
      return r;
    },
  });
  const r = checkRewrite({ transform: [once], programs: programs(), runs: 500, seed: 42, fold: false });
  assert.not.ok(r.ok, "the wrong pattern was not caught");
  if (r.ok) return;
  assert.ok(r.counterexample !== undefined, r.message);
  const before = r.counterexample?.before ?? "";
  const opLines = before.split("\n").filter((l) => /= (arith|math)\./.test(l) || /^\s+(return|cf\.)/.test(l));
  assert.ok(opLines.length <= 4, `the counterexample is not small:\n${r.message}`);
  assert.match(before, /arith\.subi/);
  assert.match(r.message, /--- before ---[\s\S]*--- after ---/);
});

s("a failed assertion is behaviour: erasing a cf.assert that fails is caught, keeping it passes", () => {
  // Programs grown around an assertion on a free i1: it fails on about half the inputs.
  const asserting = programs({ examples: ["^bb0(%c: i1):\n  cf.assert %c, \"checked\""], examplesPerProgram: { min: 1, max: 1 } });
  const eraseAsserts = rewrite({
    name: "wrong-erase-assert",
    root: AssertOp,
    apply(op, rw) {
      rw.eraseOp(op);
      return rw.done();
    },
  });
  const wrong = checkRewrite({ transform: [eraseAsserts], programs: asserting, runs: 100, seed: 7, fold: false });
  assert.not.ok(wrong.ok, "erasing a failing assertion was not caught");
  if (!wrong.ok) assert.match(wrong.message, /the original fails an assertion \('cf.assert' op assertion failed: checked\), the rewritten program returns/);
  const kept = checkRewrite({ transform: "builtin.module(func.func(canonicalize))", programs: asserting, runs: 100, seed: 7, coverage: false });
  assert.ok(kept.ok, kept.ok ? "" : kept.message);
});

s("NaN payloads of arithmetic are unspecified: a rewrite that changes one is not a counterexample, one that exposes one is", () => {
  // CI once failed here: x86 gives mulf(-a, -a) the sign of -a, mulf(a, a) the sign of a; LLVM allows both.
  const source = (body: string): string => `func.func @f(%arg0: f64) -> i64 {
${body}
  return %r : i64
}`;
  const nan = [floatValueFromBits(f64, 0x7ff0000000000001n)];
  const negfPair = source("  %0 = arith.negf %arg0 : f64\n  %1 = arith.negf %arg0 : f64\n  %2 = arith.mulf %0, %1 : f64\n  %r = arith.bitcast %2 : f64 to i64");
  const canonicalize = "builtin.module(func.func(canonicalize))";
  assert.is(checkOne({ text: negfPair, fn: "f", args: nan }, { transform: canonicalize }, ctx), "skip");
  assert.is(checkOne({ text: negfPair, fn: "f", args: [floatValueFromBits(f64, 0xbff0000000000000n)] }, { transform: canonicalize }, ctx), undefined, "-1.0: checked, and right");
  // bitcast(a) -> bitcast(a * 1.0) makes the answer depend on an unspecified NaN where it did not.
  const exposing = rewrite({
    name: "wrong-bitcast-through-mulf",
    root: BitcastOp,
    apply(op, rw) {
      if (defining(op.in, MulFOp) !== undefined) return rw.fail("already rewritten");
      const one = rw.create(ConstantOp, { value: FloatAttr.get(f64, 1) });
      const product = rw.create(MulFOp, { lhs: narrow(op.in, FloatLike), rhs: narrow(one.result, FloatLike) });
      rw.modifyInPlace(op, () => op.setOperand(0, product.result));
      return rw.done();
    },
  });
  const bare = source("  %r = arith.bitcast %arg0 : f64 to i64");
  const r = checkOne({ text: bare, fn: "f", args: nan }, { transform: [exposing], fold: false }, ctx); // mulf(x, 1.0) would fold back
  assert.ok(typeof r === "object", "exposing the bits of an arithmetic NaN is caught");
  if (typeof r === "object") assert.match(r.reason, "arith.bitcast reads the bits of a NaN produced by arithmetic", r.reason);
});

s("a program with undefined behaviour is skipped, but the transform must still not fail on it", () => {
  const divByZero = `func.func @f(%a: i32) -> i32 {
  %z = arith.constant 0 : i32
  %r = arith.divsi %a, %z : i32
  return %r : i32
}`;
  const chokes = rewrite({
    name: "chokes-on-zero-divisor",
    root: DivSIOp,
    apply(op, rw) {
      if (constIntValue(op.rhs) === 0n) throw new Error("division by zero in the folder");
      return rw.fail("nonzero divisor");
    },
  });
  const args = [intValue(i32, 7)];
  assert.is(checkOne({ text: divByZero, fn: "f", args }, { transform: [] }, ctx), "skip");
  const r = checkOne({ text: divByZero, fn: "f", args }, { transform: [chokes] }, ctx);
  assert.ok(typeof r === "object", "a crash on a UB program is a counterexample");
  if (typeof r === "object") assert.match(r.reason, "division by zero in the folder", r.reason);
});

s("a correct pattern passes", () => {
  /** addi(x, 0) -> x */
  const addZero = rewrite({
    name: "addi-zero",
    root: AddIOp,
    apply(op, rw) {
      if (constIntValue(op.rhs) !== 0n) return rw.fail("rhs is not 0");
      rw.replaceOp(op, [op.lhs]);
      return rw.done();
    },
  });
  const r = checkRewrite({ transform: [addZero], programs: programs(), runs: 300, seed: 7, fold: false });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

s("coverage: the table counts the programs each pattern and folder fired in; one that never fired fails the check, by name", () => {
  /** subi(x, y) -> addi(x, muli(y, -1)) fires on any subi; a pattern rooted on an op the programs never contain cannot. */
  const subToAdd = rewrite({
    name: "test.subi-to-addi",
    root: SubIOp,
    apply(op, rw) {
      const minusOne = rw.create(ConstantOp, { value: IntegerAttr.get(op.rhs.type as IntegerType, -1n) }).result as typeof op.rhs;
      const negated = rw.create(MulIOp, { lhs: op.rhs, rhs: minusOne }).result;
      rw.replaceOpWithNew(op, AddIOp, { lhs: op.lhs, rhs: negated });
      return rw.done();
    },
  });
  const never = rewrite({ name: "test.never-generated", root: AbsFOp, apply: (_op, rw) => rw.fail("never") });
  const tables: string[] = [];
  const opts = { transform: [subToAdd, never], programs: programs(), runs: 200, seed: 3, coverage: { folders: [AddIOp, SubIOp], report: (t: string) => tables.push(t) } };
  const r = checkRewrite(opts);
  assert.not.ok(r.ok, "a pattern that never fired passed the coverage check");
  if (r.ok) return;
  assert.is(r.counterexample, undefined, "every program was rewritten correctly: the failure is coverage");
  assert.match(r.message, /never fired in 200 programs[\s\S]*\n  test\.never-generated\n/);
  assert.not.match(r.message.split("fired in 200")[0] ?? "", /test\.subi-to-addi/);
  const cov = r.coverage;
  assert.ok(cov !== undefined);
  assert.is(cov?.programs, 200, "each of the 200 runs is one counted program (programs skipped for UB are not runs)");
  const entry = (n: string) => cov?.entries.find((e) => e.name === n);
  assert.ok((entry("test.subi-to-addi")?.programs ?? 0) > 0, "subi(x, y) -> addi(x, muli(y, -1)) fired");
  assert.ok((entry("fold:arith.addi")?.programs ?? 0) > 0, "addi's folder fired");
  assert.is(entry("test.never-generated")?.programs, 0);
  assert.ok((entry("test.subi-to-addi")?.times ?? 0) >= (entry("test.subi-to-addi")?.programs ?? 0));
  assert.is(tables.length, 1);
  assert.match(tables[0] ?? "", /test\.never-generated\s+fired in\s+0 of 200 programs \(\s*0%\)\s+NEVER FIRED/);
  assert.match(tables[0] ?? "", /fold:arith\.subi\s+fired in\s+\d+ of 200/);

  // Excluded with a reason, it no longer fails; the reason is shown in the table.
  const excluded = checkRewrite({ ...opts, coverage: { ...opts.coverage, exclude: { "test.never-generated": "math.absf is not among the generated ops" } } });
  assert.ok(excluded.ok, excluded.ok ? "" : excluded.message);
  assert.match(tables[1] ?? "", /test\.never-generated .*excluded: math\.absf is not among the generated ops/);
  // Excluding a name that is not under test is a mistake, said at once.
  assert.throws(() => checkRewrite({ ...opts, coverage: { exclude: { "test.no-such-pattern": "?" } } }), /not under test: test\.no-such-pattern/);
  // Coverage off: only semantics are checked.
  assert.ok(checkRewrite({ ...opts, coverage: false }).ok);
});

import { IntegerAttr, UnitAttr } from "../../src/ir/attributes.ts";
const ctxUnit = (): UnitAttr => UnitAttr.get();
s.run();

const oracle = suite("generated programs agree with mlir-opt-16");
oracle("every generated program is valid MLIR 16 (one mlir-opt-16 run over 300 programs)", () => {
  const texts = fc.sample(programs({ ops: arithAndMathOps }), { numRuns: 300, seed: 11 }).map((c) => c.text);
  const r = spawnSync("mlir-opt-16", ["--split-input-file", "--verify-each", "-"], { input: texts.join("// -----\n"), encoding: "utf8" });
  assert.is(r.error, undefined, "mlir-opt-16 could not run (scripts/setup.sh installs it)");
  assert.is(r.status, 0, `mlir-opt-16 rejects a generated program:\n${r.stderr.slice(0, 2000)}`);
});
oracle.run();
