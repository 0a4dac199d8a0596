/**
 * Interpreter semantics of affine.parallel and the affine DMA ops against hand-computed results:
 * bands with max/min bound groups and steps, every reduction kind from its identity (zero-trip bands give the
 * identity; NaN propagates through maxf/minf/addf; integer reductions wrap and compare signed or unsigned as
 * their kind says), `assign` defined only for one iteration; DMA copies of `num_elements` contiguous elements,
 * the tag element set by dma_start and cleared by dma_wait, and out-of-bounds transfers reported.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadElement, memrefOf } from "../../src/interp/memref.ts";
import { type FloatValue, type IntValue, intValue, type RuntimeValue } from "../../src/interp/values.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { f32, i32, i64, i8, index, MemRefType } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const ints = (vs: readonly RuntimeValue[]): bigint[] => vs.map((v) => (v as IntValue).value);
const floats = (vs: readonly RuntimeValue[]): number[] => vs.map((v) => Number((v as FloatValue).value));
const idx = (n: number): RuntimeValue => intValue(index, BigInt(n));
const mem = (shape: number[], values: number[]) => memrefOf(MemRefType.get(shape, f32), values);

const BAND = `
func.func @band(%n: index, %m: index) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %r:3 = affine.parallel (%i, %j) = (max(%n, 1), 0) to (min(%n + 4, 6), %m) step (2, 3) reduce ("addi", "muli", "maxs") -> (index, index, index) {
    %k = affine.apply affine_map<(d0, d1) -> (d0 * 10 + d1)>(%i, %j)
    %one = affine.apply affine_map<(d0) -> (d0 floordiv 100 + 2)>(%k)
    affine.yield %k, %one, %k : index, index, index
  }
  return %r#0, %r#1, %r#2 : index, index, index
}`;

test("affine.parallel visits every point of its band, bounds the max/min of their groups, with steps", () => {
  // n = 0: i in max(0, 1) = 1 .. min(4, 6) = 4 step 2 -> 1, 3; m = 5: j in 0, 3. Points: 10, 13, 30, 33.
  assert.equal(ints(run(BAND, "band", [idx(0), idx(5)])), [86n, 16n, 33n]);
  // n = 3: i in 3 .. min(7, 6) = 6 -> 3, 5; m = 1: j = 0. Points: 30, 50.
  assert.equal(ints(run(BAND, "band", [idx(3), idx(1)])), [80n, 4n, 50n]);
});

test("a zero-trip affine.parallel gives each reduction's identity", () => {
  // m = 0: the j range is empty. addi 0, muli 1, maxs the signed minimum of index.
  assert.equal(ints(run(BAND, "band", [idx(0), idx(0)])), [0n, 1n, -(1n << 63n)]);
  // n = 9: i in 9 .. 6 is empty.
  assert.equal(ints(run(BAND, "band", [idx(9), idx(3)])), [0n, 1n, -(1n << 63n)]);
});

const FLOATS = `
func.func @f(%A: memref<4xf32>, %n: index) -> (f32, f32, f32, f32) {
  %r:4 = affine.parallel (%i) = (0) to (min(%n, 4)) reduce ("addf", "mulf", "maxf", "minf") -> (f32, f32, f32, f32) {
    %v = affine.load %A[%i] : memref<4xf32>
    affine.yield %v, %v, %v, %v : f32, f32, f32, f32
  }
  return %r#0, %r#1, %r#2, %r#3 : f32, f32, f32, f32
}`;

test("float reductions start at 0, 1, -inf and +inf, and NaN propagates through all of them", () => {
  assert.equal(floats(run(FLOATS, "f", [mem([4], [1.5, -2, 4, 0.5]), idx(4)])), [4, -6, 4, -2]);
  assert.equal(floats(run(FLOATS, "f", [mem([4], [1.5, -2, 4, 0.5]), idx(0)])), [0, 1, -Infinity, Infinity]);
  const withNaN = floats(run(FLOATS, "f", [mem([4], [1, NaN, 3, 0.5]), idx(4)]));
  assert.ok(withNaN.every(Number.isNaN), `got ${withNaN.join(", ")}`);
  // One iteration: the identity combined with the one value (0 + -0.0 is +0.0 in addf, as the lowering computes).
  const one = floats(run(FLOATS, "f", [mem([4], [-0, 1, 1, 1]), idx(1)]));
  assert.ok(Object.is(one[0], 0) && Object.is(one[1], -0), `got ${one.join(", ")}`);
});

const INTS = `
func.func @i(%A: memref<3xi8>) -> (i8, i8, i8, i8, i8, i8) {
  %r:6 = affine.parallel (%i) = (0) to (3) reduce ("addi", "maxu", "minu", "mins", "andi", "ori") -> (i8, i8, i8, i8, i8, i8) {
    %v = affine.load %A[%i] : memref<3xi8>
    affine.yield %v, %v, %v, %v, %v, %v : i8, i8, i8, i8, i8, i8
  }
  return %r#0, %r#1, %r#2, %r#3, %r#4, %r#5 : i8, i8, i8, i8, i8, i8
}`;

test("integer reductions wrap and compare signed or unsigned as their kind says", () => {
  const A = memrefOf(MemRefType.get([3], i8), [100, 100, -1]);
  // addi: 199 wraps to -57; maxu: -1 is 255; minu: 100; mins: -1; andi: 100 & 100 & -1 = 100; ori: -1.
  assert.equal(ints(run(INTS, "i", [A])), [-57n, -1n, 100n, -1n, 100n, -1n]);
});

const ASSIGN = `
func.func @a(%n: index) -> index {
  %r = affine.parallel (%i) = (0) to (%n) reduce ("assign") -> (index) {
    affine.yield %i : index
  }
  return %r : index
}`;

test("an assign reduction is its value for one iteration and undefined otherwise", () => {
  assert.equal(ints(run(ASSIGN, "a", [idx(1)])), [0n]);
  assert.is(runError(ASSIGN, "a", [idx(2)]).kind, "undefined-behavior");
  assert.is(runError(ASSIGN, "a", [idx(0)]).kind, "undefined-behavior");
});

test("affine.parallel without results writes through memrefs at every point; an empty band runs once", () => {
  const m = `
func.func @fill(%A: memref<2x3xf32>) {
  affine.parallel (%i, %j) = (0, 0) to (2, 3) {
    %x = arith.index_cast %i : index to i32
    %y = arith.index_cast %j : index to i32
    %k = arith.muli %x, %y : i32
    %f = arith.sitofp %k : i32 to f32
    affine.store %f, %A[%i, %j] : memref<2x3xf32>
  }
  affine.parallel () = () to () {
    %one = arith.constant 7.0 : f32
    affine.store %one, %A[0, 0] : memref<2x3xf32>
  }
  return
}`;
  const A = mem([2, 3], [9, 9, 9, 9, 9, 9]);
  run(m, "fill", [A]);
  const got = [0, 1].flatMap((i) => [0, 1, 2].map((j) => loadElement(A, [i, j])));
  assert.equal(got, [7, 0, 0, 0, 1, 2]);
});

const DMA = `
func.func @dma(%A: memref<2x4xf32>, %B: memref<8xf32, 1>, %T: memref<2xi32>, %n: index, %r: index) -> i32 {
  %c1 = arith.constant 1 : index
  affine.dma_start %A[%r, 1], %B[%r * 2], %T[%c1], %n : memref<2x4xf32>, memref<8xf32, 1>, memref<2xi32>
  %t = affine.load %T[1] : memref<2xi32>
  affine.dma_wait %T[%c1], %n : memref<2xi32>
  return %t : i32
}`;

test("affine.dma_start copies num_elements contiguous elements and sets the tag, which dma_wait clears", () => {
  const A = mem([2, 4], [0, 1, 2, 3, 4, 5, 6, 7]);
  const B = memrefOf(MemRefType.get([8], f32, undefined, IntegerAttr.get(i64, 1n)), [-1, -1, -1, -1, -1, -1, -1, -1]);
  const T = memrefOf(MemRefType.get([2], i32), [5, 5]);
  // r = 1: from A[1, 1] (element 5) three elements to B[2..4]; the tag T[1] holds 3 until the wait.
  assert.equal(ints(run(DMA, "dma", [A, B, T, idx(3), idx(1)])), [3n]);
  assert.equal([0, 1, 2, 3, 4, 5].map((i) => loadElement(B, [i])), [-1, -1, 5, 6, 7, -1]);
  assert.equal([0, 1].map((i) => loadElement(T, [i])), [5n, 0n]);
  // A transfer running past the end of the source's buffer is reported.
  assert.is(runError(DMA, "dma", [A, B, T, idx(4), idx(1)]).kind, "undefined-behavior");
  // A zero-element transfer copies nothing (and still addresses valid elements).
  assert.equal(ints(run(DMA, "dma", [A, B, T, idx(0), idx(0)])), [0n]);
});

test("a DMA subscript out of its memref's bounds is reported", () => {
  const A = mem([2, 4], [0, 1, 2, 3, 4, 5, 6, 7]);
  const B = memrefOf(MemRefType.get([8], f32, undefined, IntegerAttr.get(i64, 1n)), [0, 0, 0, 0, 0, 0, 0, 0]);
  const T = memrefOf(MemRefType.get([2], i32), [0, 0]);
  // r = 2 addresses A[2, 1]: row 2 of a 2-row memref.
  assert.is(runError(DMA, "dma", [A, B, T, idx(1), idx(2)]).kind, "undefined-behavior");
});

test("a step of 0 that would iterate is reported, not run forever (MLIR 16 accepts the syntax)", () => {
  const m = `
func.func @for0(%n: index) {
  affine.for %i = 0 to %n step 0 {
  }
  return
}
func.func @par0(%n: index) {
  affine.parallel (%i) = (0) to (%n) step (0) {
  }
  return
}`;
  assert.is(runError(m, "for0", [idx(3)]).kind, "undefined-behavior");
  assert.is(runError(m, "par0", [idx(3)]).kind, "undefined-behavior");
  // Not iterating, they are fine.
  assert.equal(run(m, "for0", [idx(0)]), []);
  assert.equal(run(m, "par0", [idx(0)]), []);
});

test.run();
