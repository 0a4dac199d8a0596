/**
 * Interpreter semantics of the scf dialect against hand-computed results: counted loops with loop-carried
 * values (zero-trip, one-trip, odd steps, nested iter_args), if/else with and without results, index_switch,
 * while (zero iterations, several), execute_region with branches, and parallel loops with reductions
 * (run serially; a reduction over zero iterations gives its init value). Bad run-time steps are reported.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type IntValue, intValue, type RuntimeValue } from "../../src/interp/values.ts";
import { i1, i32, index } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const ints = (vs: readonly RuntimeValue[]): bigint[] => vs.map((v) => (v as IntValue).value);
const idx = (n: number): RuntimeValue => intValue(index, BigInt(n));
const int = (n: number): RuntimeValue => intValue(i32, BigInt(n));

const SUM = `
func.func @sum(%lb: index, %ub: index, %step: index) -> (index, i32) {
  %c0 = arith.constant 0 : index
  %z = arith.constant 0 : i32
  %one = arith.constant 1 : i32
  %s:2 = scf.for %i = %lb to %ub step %step iter_args(%acc = %c0, %n = %z) -> (index, i32) {
    %a = arith.addi %acc, %i : index
    %m = arith.addi %n, %one : i32
    scf.yield %a, %m : index, i32
  }
  return %s#0, %s#1 : index, i32
}`;

test("scf.for sums lb, lb+step, ... below ub and counts its iterations", () => {
  assert.equal(ints(run(SUM, "sum", [idx(0), idx(10), idx(1)])), [45n, 10n]);
  assert.equal(ints(run(SUM, "sum", [idx(1), idx(10), idx(3)])), [1n + 4n + 7n, 3n]); // odd step, ub not reached exactly
  assert.equal(ints(run(SUM, "sum", [idx(-5), idx(-2), idx(2)])), [-5n + -3n, 2n]); // negative bounds
});

test("a zero-trip scf.for gives its initial values; a one-trip loop runs once", () => {
  assert.equal(ints(run(SUM, "sum", [idx(5), idx(5), idx(1)])), [0n, 0n]);
  assert.equal(ints(run(SUM, "sum", [idx(7), idx(3), idx(1)])), [0n, 0n]); // lb > ub
  assert.equal(ints(run(SUM, "sum", [idx(4), idx(5), idx(100)])), [4n, 1n]);
});

test("a non-positive step known only at run time is undefined behaviour, not a hang", () => {
  const e = runError(SUM, "sum", [idx(0), idx(10), idx(0)]);
  assert.is(e.kind, "undefined-behavior");
  assert.match(e.message, /step 0 is not positive/);
});

test("nested loops carry values through both levels", () => {
  const m = `
func.func @tri(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%outer = %c0) -> (index) {
    %in = scf.for %j = %c0 to %i step %c1 iter_args(%inner = %outer) -> (index) {
      %x = arith.addi %inner, %c1 : index
      scf.yield %x : index
    }
    scf.yield %in : index
  }
  return %r : index
}`;
  // sum_{i<n} i = n(n-1)/2
  assert.equal(ints(run(m, "tri", [idx(6)])), [15n]);
  assert.equal(ints(run(m, "tri", [idx(0)])), [0n]);
});

const IFS = `
func.func @pick(%c: i1, %a: i32, %b: i32) -> i32 {
  %r = scf.if %c -> (i32) {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  return %r : i32
}
func.func @switch(%i: index) -> i32 {
  %r = scf.index_switch %i -> i32
  case 2 {
    %c = arith.constant 20 : i32
    scf.yield %c : i32
  }
  case -1 {
    %c = arith.constant -10 : i32
    scf.yield %c : i32
  }
  default {
    %c = arith.constant 0 : i32
    scf.yield %c : i32
  }
  return %r : i32
}
func.func @region(%c: i1) -> i32 {
  %r = scf.execute_region -> i32 {
    cf.cond_br %c, ^a, ^b
  ^a:
    %x = arith.constant 1 : i32
    scf.yield %x : i32
  ^b:
    %y = arith.constant 2 : i32
    scf.yield %y : i32
  }
  return %r : i32
}`;

test("scf.if yields from the branch its condition picks", () => {
  assert.equal(ints(run(IFS, "pick", [intValue(i1, 1n), int(3), int(4)])), [3n]);
  assert.equal(ints(run(IFS, "pick", [intValue(i1, 0n), int(3), int(4)])), [4n]);
});

test("scf.index_switch runs the matching case (negative values too) or the default", () => {
  assert.equal(ints(run(IFS, "switch", [idx(2)])), [20n]);
  assert.equal(ints(run(IFS, "switch", [idx(-1)])), [-10n]);
  assert.equal(ints(run(IFS, "switch", [idx(3)])), [0n]);
});

test("scf.execute_region follows its branches to the yield", () => {
  assert.equal(ints(run(IFS, "region", [intValue(i1, 1n)])), [1n]);
  assert.equal(ints(run(IFS, "region", [intValue(i1, 0n)])), [2n]);
});

const WHILE = `
func.func @collatz(%n: i32) -> (i32, i32) {
  %one = arith.constant 1 : i32
  %two = arith.constant 2 : i32
  %three = arith.constant 3 : i32
  %z = arith.constant 0 : i32
  %r:2 = scf.while (%x = %n, %steps = %z) : (i32, i32) -> (i32, i32) {
    %more = arith.cmpi sgt, %x, %one : i32
    scf.condition(%more) %x, %steps : i32, i32
  } do {
  ^bb0(%y: i32, %s: i32):
    %rem = arith.remsi %y, %two : i32
    %even = arith.cmpi eq, %rem, %z : i32
    %next = scf.if %even -> (i32) {
      %h = arith.divsi %y, %two : i32
      scf.yield %h : i32
    } else {
      %t = arith.muli %y, %three : i32
      %u = arith.addi %t, %one : i32
      scf.yield %u : i32
    }
    %s1 = arith.addi %s, %one : i32
    scf.yield %next, %s1 : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}`;

test("scf.while runs before/after until the condition fails; zero iterations return the inits", () => {
  assert.equal(ints(run(WHILE, "collatz", [int(6)])), [1n, 8n]);
  assert.equal(ints(run(WHILE, "collatz", [int(1)])), [1n, 0n]);
});

test("a while loop that never ends stops at the step limit", () => {
  const m = `
func.func @forever() {
  %t = arith.constant true
  scf.while : () -> () {
    scf.condition(%t)
  } do {
    scf.yield
  }
  return
}`;
  const e = runError(m, "forever", [], { maxSteps: 1000 });
  assert.is(e.kind, "limit");
});

const PARALLEL = `
func.func @dot(%n: index, %m: index) -> (index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r:2 = scf.parallel (%i, %j) = (%c0, %c0) to (%n, %m) step (%c1, %c2) init (%c0, %c1) -> (index, index) {
    %p = arith.muli %i, %j : index
    scf.reduce(%p) : index {
    ^bb0(%a: index, %b: index):
      %s = arith.addi %a, %b : index
      scf.reduce.return %s : index
    }
    %q = arith.addi %j, %c1 : index
    scf.reduce(%q) : index {
    ^bb0(%a: index, %b: index):
      %s = arith.muli %a, %b : index
      scf.reduce.return %s : index
    }
    scf.yield
  }
  return %r#0, %r#1 : index, index
}`;

test("scf.parallel reduces every point of its box; an empty box gives the init values", () => {
  // i in 0..3, j in {0, 2}: sum i*j = 2*(0+1+2) = 6; product of (j+1) = (1*3)^3 = 27
  assert.equal(ints(run(PARALLEL, "dot", [idx(3), idx(4)])), [6n, 27n]);
  assert.equal(ints(run(PARALLEL, "dot", [idx(0), idx(4)])), [0n, 1n]);
});

test.run();
