/**
 * Interpreter semantics of the affine dialect against hand-computed results: apply/min/max with floordiv,
 * ceildiv and mod of negative values, delinearize_index, loops with max/min bounds, steps and iter_args
 * (zero-trip too), affine.if on integer sets, and loads/stores/vector accesses on memrefs whose aliasing is
 * visible to the caller. Out-of-bounds accesses and divisions by zero at run time are reported.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadElement, memrefOf } from "../../src/interp/memref.ts";
import { type IntValue, intValue, type RuntimeValue, type ShapedValue } from "../../src/interp/values.ts";
import { f32, index, MemRefType } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const ints = (vs: readonly RuntimeValue[]): bigint[] => vs.map((v) => (v as IntValue).value);
const idx = (n: number): RuntimeValue => intValue(index, BigInt(n));

const ARITH = `
func.func @maps(%i: index, %n: index) -> (index, index, index, index, index) {
  %a = affine.apply affine_map<(d0)[s0] -> (d0 floordiv 4 + s0 mod 3)>(%i)[%n]
  %b = affine.apply affine_map<(d0) -> (d0 ceildiv 4)>(%i)
  %m = affine.min affine_map<(d0)[s0] -> (s0, d0 + 8, 100)>(%i)[%n]
  %M = affine.max affine_map<(d0)[s0] -> (s0, d0 - 2)>(%i)[%n]
  %c = affine.apply affine_map<()[s0] -> (42 floordiv s0)>()[%n]
  return %a, %b, %m, %M, %c : index, index, index, index, index
}`;

test("affine.apply/min/max evaluate their maps; floordiv and ceildiv round down and up, mod is non-negative", () => {
  // i = -5, n = 7: floordiv(-5, 4) = -2, 7 mod 3 = 1; ceildiv(-5, 4) = -1; min(7, 3, 100) = 3; max(7, -7) = 7; 42 floordiv 7 = 6
  assert.equal(ints(run(ARITH, "maps", [idx(-5), idx(7)])), [-1n, -1n, 3n, 7n, 6n]);
  assert.equal(ints(run(ARITH, "maps", [idx(9), idx(-4)])), [2n + 2n, 3n, -4n, 7n, -11n]);
});

test("a division by a symbol that is zero at run time is undefined behaviour", () => {
  assert.is(runError(ARITH, "maps", [idx(1), idx(0)]).kind, "undefined-behavior");
});

test("affine.delinearize_index splits an index, the last basis element fastest", () => {
  const m = `
func.func @d(%x: index) -> (index, index, index) {
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %q:3 = affine.delinearize_index %x into (%c3, %c4, %c5) : index, index, index
  return %q#0, %q#1, %q#2 : index, index, index
}`;
  // 37 = (1 * 4 + 3) * 5 + 2
  assert.equal(ints(run(m, "d", [idx(37)])), [1n, 3n, 2n]);
  assert.equal(ints(run(m, "d", [idx(0)])), [0n, 0n, 0n]);
});

const LOOPS = `
func.func @count(%lb: index, %ub: index) -> (index, index) {
  %c0 = arith.constant 0 : index
  %s:2 = affine.for %i = max affine_map<(d0) -> (d0, 2)>(%lb) to min affine_map<(d0) -> (d0, 20)>(%ub) step 3 iter_args(%n = %c0, %sum = %c0) -> (index, index) {
    %n1 = affine.apply affine_map<(d0) -> (d0 + 1)>(%n)
    %s1 = affine.apply affine_map<(d0, d1) -> (d0 + d1)>(%sum, %i)
    affine.yield %n1, %s1 : index, index
  }
  return %s#0, %s#1 : index, index
}
func.func @tri(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %r = affine.for %i = 0 to %n iter_args(%a = %c0) -> (index) {
    %in = affine.for %j = 0 to affine_map<(d0) -> (d0)>(%i) iter_args(%b = %a) -> (index) {
      %x = affine.apply affine_map<(d0) -> (d0 + 1)>(%b)
      affine.yield %x : index
    }
    affine.yield %in : index
  }
  return %r : index
}`;

test("affine.for runs from the max of its lower bounds to below the min of its upper bounds", () => {
  // i in 2, 5, 8 (lb max(0, 2) = 2, ub min(10, 20) = 10): 3 iterations, sum 15
  assert.equal(ints(run(LOOPS, "count", [idx(0), idx(10)])), [3n, 15n]);
  // ub min(100, 20) = 20: i = 5, 8, ..., 17 (lb max(5, 2) = 5): 5 iterations, sum 55
  assert.equal(ints(run(LOOPS, "count", [idx(5), idx(100)])), [5n, 55n]);
  // zero trips: lb >= ub gives the initial values
  assert.equal(ints(run(LOOPS, "count", [idx(30), idx(100)])), [0n, 0n]);
});

test("nested affine.for loops carry values through both levels", () => {
  assert.equal(ints(run(LOOPS, "tri", [idx(6)])), [15n]);
  assert.equal(ints(run(LOOPS, "tri", [idx(0)])), [0n]);
});

test("affine.if tests every constraint of its integer set (>= 0 and == 0)", () => {
  const m = `
func.func @inside(%i: index, %n: index) -> index {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %r = affine.if affine_set<(d0)[s0] : (d0 >= 0, s0 - d0 - 1 >= 0)>(%i)[%n] -> index {
    affine.yield %c1 : index
  } else {
    affine.yield %c0 : index
  }
  return %r : index
}
func.func @even(%i: index) -> index {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %r = affine.if affine_set<(d0) : (d0 mod 2 == 0)>(%i) -> index {
    affine.yield %c1 : index
  } else {
    affine.yield %c0 : index
  }
  return %r : index
}`;
  assert.equal(ints(run(m, "inside", [idx(0), idx(4)])), [1n]);
  assert.equal(ints(run(m, "inside", [idx(3), idx(4)])), [1n]);
  assert.equal(ints(run(m, "inside", [idx(4), idx(4)])), [0n]);
  assert.equal(ints(run(m, "inside", [idx(-1), idx(4)])), [0n]);
  assert.equal(ints(run(m, "even", [idx(-6)])), [1n]);
  assert.equal(ints(run(m, "even", [idx(7)])), [0n]);
});

const MEMORY = `
func.func @transpose(%A: memref<2x3xf32>, %B: memref<3x2xf32>) {
  affine.for %i = 0 to 2 {
    affine.for %j = 0 to 3 {
      %v = affine.load %A[%i, %j] : memref<2x3xf32>
      affine.store %v, %B[%j, %i] : memref<3x2xf32>
    }
  }
  return
}
func.func @shift(%A: memref<4xf32>) -> f32 {
  %z = arith.constant 0.0 : f32
  %s = affine.for %i = 0 to 3 iter_args(%acc = %z) -> (f32) {
    %v = affine.load %A[%i + 1] : memref<4xf32>
    affine.store %v, %A[%i] : memref<4xf32>
    %n = arith.addf %acc, %v : f32
    affine.yield %n : f32
  }
  return %s : f32
}
func.func @row(%A: memref<2x4xf32>, %r: index) -> vector<4xf32> {
  %v = affine.vector_load %A[%r, 0] : memref<2x4xf32>, vector<4xf32>
  %w = arith.addf %v, %v : vector<4xf32>
  affine.vector_store %w, %A[1 - symbol(%r), 0] : memref<2x4xf32>, vector<4xf32>
  affine.prefetch %A[%r, 0], read, locality<3>, data : memref<2x4xf32>
  return %v : vector<4xf32>
}
func.func @oob(%A: memref<4xf32>) {
  %z = arith.constant 0.0 : f32
  affine.for %i = 0 to 5 {
    affine.store %z, %A[%i] : memref<4xf32>
  }
  return
}`;

const mem = (shape: number[], values: number[]) => memrefOf(MemRefType.get(shape, f32), values);
const floats = (m: ReturnType<typeof mem>): number[] => {
  const out: number[] = [];
  for (let i = 0; i < m.allocation.buffer.length; i++) out.push(Number(m.allocation.buffer.get(i)));
  return out;
};

test("affine.load / affine.store move elements; the caller sees the writes", () => {
  const A = mem([2, 3], [1, 2, 3, 4, 5, 6]);
  const B = mem([3, 2], [0, 0, 0, 0, 0, 0]);
  run(MEMORY, "transpose", [A, B]);
  assert.equal(floats(B), [1, 4, 2, 5, 3, 6]);
  assert.equal(floats(A), [1, 2, 3, 4, 5, 6]);
});

test("a loop that reads what it wrote in earlier iterations sees the new values", () => {
  const A = mem([4], [1, 2, 3, 4]);
  const [sum] = run(MEMORY, "shift", [A]);
  assert.equal(floats(A), [2, 3, 4, 4]);
  assert.is((sum as { value: number }).value, 9);
});

test("affine.vector_load / vector_store cover the trailing dimension from the subscripts", () => {
  const A = mem([2, 4], [1, 2, 3, 4, 5, 6, 7, 8]);
  const [v] = run(MEMORY, "row", [A, idx(1)]);
  const lanes = Array.from({ length: 4 }, (_, i) => Number((v as ShapedValue).elements.get(i)));
  assert.equal(lanes, [5, 6, 7, 8]);
  assert.equal(floats(A), [10, 12, 14, 16, 5, 6, 7, 8]);
  assert.is(Number(loadElement(A, [0, 3])), 16);
});

test("an affine.store past the end of a memref is reported, not performed", () => {
  const A = mem([4], [1, 2, 3, 4]);
  const e = runError(MEMORY, "oob", [A]);
  assert.is(e.kind, "undefined-behavior");
  assert.match(e.message, /out-of-bounds store/);
});

test.run();
