/**
 * The postcondition the canonicalization property tests check (rewrites/testing/canonical-form.ts): what it
 * flags (an op with constant operands left unfolded, a constant on the left of a commutative op) and what it
 * lets stay (undefined behaviour, what MLIR 16 does not fold).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { isLeft } from "fp-ts/lib/Either.js";
import { newContext } from "../../rewrites/index.ts";
import { arithLeftAlone, canonicalFormViolations, canonicalizeChecked, mathLeftAlone } from "../../rewrites/testing/canonical-form.ts";
import { parseSource } from "../../src/text/parser.ts";

const ctx = newContext();
const s = suite("canonical form after canonicalize");

/** The violations in a function body (not canonicalized: the checker reads it as it is). */
function violations(body: string, results: string): string[] {
  const parsed = parseSource(`func.func @f(%x: i32) -> (${results}) {\n${body}\n}\n`, ctx);
  if (isLeft(parsed)) throw new Error(parsed.left.message);
  return canonicalFormViolations(parsed.right, ctx, (op, operands, values) => (op.name.startsWith("math.") ? mathLeftAlone : arithLeftAlone)(op, operands, values));
}

s("an op with constant operands that evaluates is a missed fold; undefined behaviour stays", () => {
  const missed = violations("%a = arith.constant 7 : i32\n%b = arith.constant 2 : i32\n%r = arith.divsi %a, %b : i32\nreturn %r : i32", "i32");
  assert.equal(missed, ["arith.divsi with constant operands (7 : i32, 2 : i32) was not folded (it computes (3 : i32))"]);
  assert.equal(violations("%a = arith.constant 7 : i32\n%b = arith.constant 0 : i32\n%r = arith.divsi %a, %b : i32\nreturn %r : i32", "i32"), []);
  // Dense operands too.
  const dense = violations("%a = arith.constant dense<[1, 2]> : vector<2xi8>\n%r = arith.addi %a, %a : vector<2xi8>\nreturn %r : vector<2xi8>", "vector<2xi8>");
  assert.is(dense.length, 1, dense.join("\n"));
});

s("a constant on the left of a commutative op is flagged; on the right it is not", () => {
  assert.equal(violations("%c = arith.constant 3 : i32\n%r = arith.addi %c, %x : i32\nreturn %r : i32", "i32"), ["arith.addi has its constant on the left"]);
  assert.equal(violations("%c = arith.constant 3 : i32\n%r = arith.addi %x, %c : i32\nreturn %r : i32", "i32"), []);
  // subi is not commutative: its constant may be on the left.
  assert.equal(violations("%c = arith.constant 3 : i32\n%r = arith.subi %c, %x : i32\nreturn %r : i32", "i32"), []);
});

s("what MLIR 16 leaves alone: an inexact truncf, library functions on f16, a negative sqrt, ops without a folder", () => {
  const truncf = (v: string): string[] => violations(`%a = arith.constant ${v} : f64\n%r = arith.truncf %a : f64 to f32\nreturn %r : f32`, "f32");
  assert.equal(truncf("0.1"), [], "0.1 rounds in f32");
  assert.is(truncf("0.5").length, 1, "0.5 is exact in f32: it must fold");
  const unary = (op: string, v: string, t: string): string[] => violations(`%a = arith.constant ${v} : ${t}\n%r = ${op} %a : ${t}\nreturn %r : ${t}`, t);
  assert.equal(unary("math.sin", "1.0", "f16"), []);
  assert.is(unary("math.sin", "1.0", "f32").length, 1);
  assert.equal(unary("math.sqrt", "-4.0", "f32"), []);
  assert.equal(unary("math.sqrt", "-0.0", "f64"), []);
  assert.is(unary("math.sqrt", "4.0", "f32").length, 1);
  assert.equal(unary("math.log1p", "-2.0", "f64"), []);
  assert.is(unary("math.log1p", "-0.5", "f64").length, 1);
  assert.equal(unary("math.cbrt", "8.0", "f32"), [], "cbrt has no folder");
  const atan2 = (y: string, x: string): string[] =>
    violations(`%a = arith.constant ${y} : f32\n%b = arith.constant ${x} : f32\n%r = math.atan2 %a, %b : f32\nreturn %r : f32`, "f32");
  assert.equal(atan2("-0.0", "0.0"), []);
  assert.is(atan2("1.0", "0.0").length, 1);
});

s("an arith identity left in place is flagged, whatever its operands (x + 0, x - x, negf(negf x), ...)", () => {
  const one = (body: string): string[] => violations(`${body}\nreturn %r : i32`, "i32");
  assert.equal(one("%c = arith.constant 0 : i32\n%r = arith.addi %x, %c : i32"), ["arith.addi is left as addi(x, 0), which folds"]);
  assert.equal(one("%c = arith.constant 1 : i32\n%r = arith.divsi %x, %c : i32"), ["arith.divsi is left as divsi(x, 1), which folds"]);
  assert.equal(one("%c = arith.constant 2 : i32\n%r = arith.divsi %x, %c : i32"), []);
  assert.equal(one("%r = arith.subi %x, %x : i32"), ["arith.subi is left as subi(x, x), which folds"]);
  assert.equal(one("%r = arith.addi %x, %x : i32"), []);
  assert.equal(one("%y = arith.muli %x, %x : i32\n%a = arith.addi %x, %y : i32\n%r = arith.subi %a, %y : i32"), ["arith.subi is left as subi(addi(a, b), a or b), which folds"]);
  assert.equal(one("%y = arith.muli %x, %x : i32\n%z = arith.shli %x, %x : i32\n%a = arith.addi %x, %y : i32\n%r = arith.subi %a, %z : i32"), []);
  assert.equal(one("%m = arith.constant -1 : i32\n%n = arith.xori %x, %m : i32\n%r = arith.andi %x, %n : i32"), ["arith.andi is left as andi(x, not x), which folds"]);
  assert.equal(one("%m = arith.constant -2 : i32\n%n = arith.xori %x, %m : i32\n%r = arith.andi %x, %n : i32"), []);
  const f = violations("%a = arith.sitofp %x : i32 to f32\n%c = arith.constant -0.0 : f32\n%s = arith.addf %a, %c : f32\n%d = arith.constant 0.0 : f32\n%t = arith.addf %a, %d : f32\nreturn %s, %t : f32, f32", "f32, f32");
  assert.equal(f, ["arith.addf is left as addf(x, -0.0), which folds"], "x + -0.0 folds, x + +0.0 does not");
});

s("canonicalizeChecked: a fold of what the rules leave alone is flagged (here: any addi, for the test)", () => {
  const parsed = parseSource("func.func @f() -> i32 {\n%a = arith.constant 2 : i32\n%b = arith.constant 3 : i32\n%r = arith.addi %a, %b : i32\nreturn %r : i32\n}\n", ctx);
  if (isLeft(parsed)) throw new Error(parsed.left.message);
  const strict = canonicalizeChecked((op) => (op.name === "arith.addi" ? "left alone, for the test" : undefined));
  const r = strict(parsed.right, ctx, undefined);
  assert.ok(r !== undefined && isLeft(r), "the fold of addi(2, 3) is reported");
  assert.match(JSON.stringify(r), /arith\.addi with constant operands \(2 : i32, 3 : i32\) was folded, which MLIR 16 does not do \(left alone, for the test\)/);
  const parsed2 = parseSource("func.func @f() -> f32 {\n%a = arith.constant -4.0 : f32\n%r = math.sqrt %a : f32\nreturn %r : f32\n}\n", ctx);
  if (isLeft(parsed2)) throw new Error(parsed2.left.message);
  assert.is(canonicalizeChecked(mathLeftAlone)(parsed2.right, ctx, undefined), undefined, "sqrt(-4) stays, as MLIR 16 leaves it");
});

s.run();
