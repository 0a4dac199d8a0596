/**
 * Dialects loaded into a Context: what a context knows is what was loaded into it (ops, interpreter semantics,
 * extensions), never what some module registered on import.
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { arith, builtin, func } from "../../dialects/index.ts";
import { type IntValue, intValue, interpret, interpretation } from "../../src/interp/index.ts";
import { Context } from "../../src/ir/context.ts";
import type { Operation, Trait } from "../../src/ir/operation.ts";
import { i32 } from "../../src/ir/types.ts";
import { SignlessIntegerLike } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defineDialect, defineDialectExtension } from "../../src/irdl/dialect.ts";
import { opError } from "../../src/irdl/trait-verifiers.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { parseSource } from "../../src/text/parser.ts";

const ADD = `func.func @f(%a: i32, %b: i32) -> i32 {
  %r = arith.addi %a, %b : i32
  return %r : i32
}`;

const parsed = (ctx: Context) => {
  const m = parseSource(ADD, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  return m.right;
};

test("the interpreter runs what the context's dialects give semantics to, and nothing else", () => {
  const full = new Context([builtin, func, arith]);
  const m = parsed(full);
  const r = interpret(m, "f", [intValue(i32, 2n), intValue(i32, 3n)], { ctx: full });
  assert.ok(isRight(r) && (r.right[0] as IntValue).value === 5n);

  // The same dialects without their semantics: the ops parse and verify, but cannot run.
  const silent = new Context([builtin, { ...func, interpreter: [] }, { ...arith, interpreter: [] }]);
  const e = interpret(parsed(silent), "f", [intValue(i32, 2n), intValue(i32, 3n)], { ctx: silent });
  assert.ok(isLeft(e));
  assert.match(e.left.message, /'arith.addi' op has no interpreter semantics/);
});

test("an extension applies once all the dialects it names are loaded, whatever the order", () => {
  const [AddIOp] = arith.ops.filter((op) => op.info?.name === "arith.addi");
  if (AddIOp === undefined) throw new Error("arith.addi missing");
  const subtracting = defineDialectExtension({
    name: "test-wrong-addi",
    dialects: ["arith", "func"],
    interpreter: [interpretation(AddIOp, (_op, [a, b]) => [intValue(i32, (a as IntValue).value - (b as IntValue).value)])],
  });
  const ctx = new Context([builtin, arith]).extend(subtracting);
  assert.equal(ctx.extensions, [], "func is not loaded yet");
  ctx.load(func);
  assert.equal(ctx.extensions, [subtracting]);
  const r = interpret(parsed(ctx), "f", [intValue(i32, 2n), intValue(i32, 3n)], { ctx });
  assert.ok(isRight(r) && (r.right[0] as IntValue).value === -1n, "the extension's semantics override the dialect's");
  ctx.extend(subtracting);
  assert.is(ctx.extensions.length, 1, "adding the same extension again does nothing");
  assert.throws(() => ctx.extend({ ...subtracting }), /a different dialect extension named 'test-wrong-addi'/);
  assert.throws(() => ctx.load({ ...arith }), /a different dialect named 'arith' is already loaded/);
});

test("defineDialect and defineDialectExtension refuse semantics for ops that are not theirs", () => {
  const [AddIOp] = arith.ops.filter((op) => op.info?.name === "arith.addi");
  if (AddIOp === undefined) throw new Error("arith.addi missing");
  const entry = interpretation(AddIOp, (_op, args) => args);
  assert.throws(() => defineDialect({ name: "other", ops: [], interpreter: [entry] }), /dialect 'other' cannot give semantics to 'arith.addi'/);
  assert.throws(() => defineDialectExtension({ name: "x", dialects: ["func"], interpreter: [entry] }), /cannot give semantics to 'arith.addi'/);
  assert.throws(() => defineDialectExtension({ name: "x", dialects: [] }), /extends no dialect/);
});

test("a trait carries its own verification (no registry)", () => {
  const NoSelfAdd: Trait = Object.freeze({
    name: "test.NoSelfAdd",
    verify: (op: Operation) => (op.operands[0] !== undefined && op.operands[0] === op.operands[1] ? opError(op, "adds a value to itself") : undefined),
  });
  const SelfAdd = defineOp({
    name: "test.add",
    summary: "adds",
    operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike },
    results: { result: SignlessIntegerLike },
    traits: [NoSelfAdd],
  });
  const ctx = new Context([builtin, func, defineDialect({ name: "test", ops: [SelfAdd] })]);
  const m = parseSource(`func.func @f(%a: i32) -> i32 {
  %r = "test.add"(%a, %a) : (i32, i32) -> i32
  return %r : i32
}`, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  const v = verify(m.right, { ctx });
  assert.ok(isLeft(v));
  assert.is(v.left[0]?.message, "'test.add' op adds a value to itself");
});

test.run();
