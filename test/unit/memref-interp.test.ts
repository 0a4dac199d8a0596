/**
 * Interpreter semantics of the memref dialect (dialects/memref/interp.ts) against hand-computed references:
 * loads and stores through views that alias one allocation (subview, cast, reinterpret_cast, transpose,
 * expand/collapse_shape, reshape), atomics of every kind, copies, globals (one allocation per run), alloca scopes,
 * and misuse reported as undefined behaviour (out of bounds, use after free, double free).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type MemRefValue, loadElement, memrefOf, type RuntimeValue, intValue, floatValue } from "../../src/interp/index.ts";
import { DYNAMIC, f32, i32, IndexType, memref } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const index = IndexType.get();
const ix = (n: number): RuntimeValue => intValue(index, n);
const scalars = (vs: readonly RuntimeValue[]): (number | bigint)[] =>
  vs.map((v) => (v.kind === "int" ? v.value : v.kind === "float" ? (v.value as number) : NaN));
const contents = (m: MemRefValue): (number | bigint)[] => {
  const out: (number | bigint)[] = [];
  const [rows = 1, cols = 1] = m.shape;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.push(loadElement(m, m.shape.length === 2 ? [i, j] : [i]) as number | bigint);
  return out;
};

test("alloc, store, load and dealloc; dim and rank", () => {
  const text = `
func.func @f(%n: index, %v: f32) -> (f32, f32, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = memref.alloc(%n) : memref<4x?xf32>
  memref.store %v, %m[%c1, %c0] : memref<4x?xf32>
  %a = memref.load %m[%c1, %c0] : memref<4x?xf32>
  %b = memref.load %m[%c0, %c0] : memref<4x?xf32>
  %d = memref.dim %m, %c1 : memref<4x?xf32>
  %u = memref.cast %m : memref<4x?xf32> to memref<*xf32>
  %r = memref.rank %u : memref<*xf32>
  memref.dealloc %m : memref<4x?xf32>
  return %a, %b, %d, %r : f32, f32, index, index
}`;
  assert.equal(scalars(run(text, "f", [ix(3), floatValue(f32, 2.5)])), [2.5, 0, 3n, 2n]);
});

test("a subview aliases its source: a store through it is seen through the source (strides and offsets)", () => {
  const text = `
func.func @f(%m: memref<4x6xi32>, %v: i32) -> i32 {
  %c1 = arith.constant 1 : index
  %s = memref.subview %m[1, 2] [2, 2] [2, 3] : memref<4x6xi32> to memref<2x2xi32, strided<[12, 3], offset: 8>>
  memref.store %v, %s[%c1, %c1] : memref<2x2xi32, strided<[12, 3], offset: 8>>
  %r = memref.load %m[%c1, %c1] : memref<4x6xi32>
  return %r : i32
}`;
  const m = memrefOf(memref([4, 6], i32), Array.from({ length: 24 }, (_, i) => BigInt(i)));
  run(text, "f", [m, intValue(i32, 99)]);
  // Element [1, 1] of the subview is [1 + 2, 2 + 3] of the source: position 3 * 6 + 5 = 23.
  assert.is(loadElement(m, [3, 5]), 99n);
  assert.is(loadElement(m, [1, 1]), 7n);
});

test("rank-reducing subviews drop unit dims; transpose and collapse/expand_shape are views", () => {
  const text = `
func.func @f(%m: memref<3x4xf32>) -> (f32, f32, f32, f32) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %row = memref.subview %m[2, 0] [1, 4] [1, 1] : memref<3x4xf32> to memref<4xf32, strided<[1], offset: 8>>
  %a = memref.load %row[%c1] : memref<4xf32, strided<[1], offset: 8>>
  %t = memref.transpose %m (d0, d1) -> (d1, d0) : memref<3x4xf32> to memref<4x3xf32, strided<[1, 4]>>
  %b = memref.load %t[%c1, %c2] : memref<4x3xf32, strided<[1, 4]>>
  %flat = memref.collapse_shape %m [[0, 1]] : memref<3x4xf32> into memref<12xf32>
  %c = memref.load %flat[%c2] : memref<12xf32>
  %e = memref.expand_shape %flat [[0, 1]] : memref<12xf32> into memref<2x6xf32>
  %d = memref.load %e[%c1, %c2] : memref<2x6xf32>
  return %a, %b, %c, %d : f32, f32, f32, f32
}`;
  const m = memrefOf(memref([3, 4], f32), Array.from({ length: 12 }, (_, i) => i));
  assert.equal(scalars(run(text, "f", [m])), [9, 9, 2, 8]);
});

test("reinterpret_cast and reshape give other shapes of the same buffer", () => {
  const text = `
func.func @f(%m: memref<2x3xi32>, %shape: memref<2xindex>) -> (i32, i32) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r = memref.reinterpret_cast %m to offset: [1], sizes: [2, 2], strides: [3, 1] : memref<2x3xi32> to memref<2x2xi32, strided<[3, 1], offset: 1>>
  %a = memref.load %r[%c1, %c1] : memref<2x2xi32, strided<[3, 1], offset: 1>>
  %s = memref.reshape %m(%shape) : (memref<2x3xi32>, memref<2xindex>) -> memref<?x?xi32>
  %b = memref.load %s[%c2, %c1] : memref<?x?xi32>
  return %a, %b : i32, i32
}`;
  const m = memrefOf(memref([2, 3], i32), [0n, 1n, 2n, 3n, 4n, 5n]);
  const shape = memrefOf(memref([2], index), [3n, 2n]);
  assert.equal(scalars(run(text, "f", [m, shape])), [5n, 5n]);
});

test("atomic_rmw of every kind returns the old element and stores the combination (integers wrap)", () => {
  const cases: [string, string, bigint, bigint, bigint][] = [
    ["addi", "i32", 2147483647n, 1n, -2147483648n],
    ["muli", "i32", 65536n, 65536n, 0n],
    ["maxs", "i32", -5n, 3n, 3n],
    ["mins", "i32", -5n, 3n, -5n],
    ["maxu", "i32", -5n, 3n, -5n],
    ["minu", "i32", -5n, 3n, 3n],
    ["andi", "i32", 12n, 10n, 8n],
    ["ori", "i32", 12n, 10n, 14n],
    ["assign", "i32", 12n, 10n, 10n],
  ];
  for (const [kind, t, old, value, stored] of cases) {
    const text = `
func.func @f(%m: memref<1x${t}>, %v: ${t}) -> ${t} {
  %c0 = arith.constant 0 : index
  %o = memref.atomic_rmw ${kind} %v, %m[%c0] : (${t}, memref<1x${t}>) -> ${t}
  return %o : ${t}
}`;
    const m = memrefOf(memref([1], i32), [old]);
    assert.equal(scalars(run(text, "f", [m, intValue(i32, value)])), [old], kind);
    assert.is(loadElement(m, [0]), stored, kind);
  }
  const floats: [string, number, number, number][] = [
    ["addf", 1.5, 2.25, 3.75],
    ["mulf", 1.5, -2, -3],
    ["maxf", 1.5, NaN, NaN],
    ["minf", -0, 0, -0],
  ];
  for (const [kind, old, value, stored] of floats) {
    const text = `
func.func @f(%m: memref<1xf32>, %v: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %o = memref.atomic_rmw ${kind} %v, %m[%c0] : (f32, memref<1xf32>) -> f32
  return %o : f32
}`;
    const m = memrefOf(memref([1], f32), [old]);
    assert.equal(scalars(run(text, "f", [m, floatValue(f32, value)])), [old], kind);
    assert.ok(Object.is(loadElement(m, [0]), stored) || (Number.isNaN(stored) && Number.isNaN(Number(loadElement(m, [0])))), kind);
  }
});

test("generic_atomic_rmw stores what its body yields and returns the old element", () => {
  const text = `
func.func @f(%m: memref<2xf32>) -> f32 {
  %c1 = arith.constant 1 : index
  %o = memref.generic_atomic_rmw %m[%c1] : memref<2xf32> {
  ^bb0(%cur: f32):
    %n = arith.mulf %cur, %cur : f32
    memref.atomic_yield %n : f32
  }
  return %o : f32
}`;
  const m = memrefOf(memref([2], f32), [1, 3]);
  assert.equal(scalars(run(text, "f", [m])), [3]);
  assert.is(loadElement(m, [1]), 9);
});

test("copy copies through strided views; tensor_store writes a tensor", () => {
  const text = `
func.func @f(%src: memref<2x2xi32>, %dst: memref<2x4xi32>) {
  %cols = memref.subview %dst[0, 1] [2, 2] [1, 2] : memref<2x4xi32> to memref<2x2xi32, strided<[4, 2], offset: 1>>
  memref.copy %src, %cols : memref<2x2xi32> to memref<2x2xi32, strided<[4, 2], offset: 1>>
  return
}
func.func @g(%dst: memref<2xi32>) {
  %t = arith.constant dense<[7, 8]> : tensor<2xi32>
  memref.tensor_store %t, %dst : memref<2xi32>
  return
}`;
  const src = memrefOf(memref([2, 2], i32), [1n, 2n, 3n, 4n]);
  const dst = memrefOf(memref([2, 4], i32), new Array(8).fill(0n));
  run(text, "f", [src, dst]);
  assert.equal(contents(dst), [0n, 1n, 0n, 2n, 0n, 3n, 0n, 4n]);
  const small = memrefOf(memref([2], i32), [0n, 0n]);
  run(text, "g", [small]);
  assert.equal(contents(small), [7n, 8n]);
});

test("globals: one allocation per run, initialised from their value, shared by every get_global", () => {
  const text = `
memref.global "private" @g : memref<2xi32> = dense<[10, 20]>
func.func @bump() -> i32 {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1 : i32
  %a = memref.get_global @g : memref<2xi32>
  %x = memref.load %a[%c0] : memref<2xi32>
  %y = arith.addi %x, %one : i32
  memref.store %y, %a[%c0] : memref<2xi32>
  %b = memref.get_global @g : memref<2xi32>
  %z = memref.load %b[%c0] : memref<2xi32>
  return %z : i32
}`;
  assert.equal(scalars(run(text, "bump", [])), [11n]);
  // A new run starts from the initial value again.
  assert.equal(scalars(run(text, "bump", [])), [11n]);
});

test("misuse is undefined behaviour: out of bounds, use after dealloc, double free, alloca after its scope", () => {
  const oob = `
func.func @f(%i: index) -> f32 {
  %m = memref.alloc() : memref<4xf32>
  %v = memref.load %m[%i] : memref<4xf32>
  return %v : f32
}`;
  assert.is(runError(oob, "f", [ix(4)]).kind, "undefined-behavior");
  const uaf = `
func.func @f() -> f32 {
  %c0 = arith.constant 0 : index
  %m = memref.alloc() : memref<4xf32>
  %s = memref.subview %m[1] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: 1>>
  memref.dealloc %m : memref<4xf32>
  %v = memref.load %s[%c0] : memref<2xf32, strided<[1], offset: 1>>
  return %v : f32
}`;
  assert.match(runError(uaf, "f", []).message, "freed by memref.dealloc");
  const twice = `
func.func @f() {
  %m = memref.alloc() : memref<4xf32>
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  memref.dealloc %m : memref<4xf32>
  memref.dealloc %c : memref<?xf32>
  return
}`;
  assert.match(runError(twice, "f", []).message, "double free");
  const scoped = `
func.func @f() -> f32 {
  %c0 = arith.constant 0 : index
  %m = memref.alloca_scope -> (memref<4xf32>) {
    %a = memref.alloca() : memref<4xf32>
    memref.alloca_scope.return %a : memref<4xf32>
  }
  %v = memref.load %m[%c0] : memref<4xf32>
  return %v : f32
}`;
  assert.match(runError(scoped, "f", []).message, "automatic allocation scope");
  const badSubview = `
func.func @f(%o: index) {
  %m = memref.alloc() : memref<4xf32>
  %s = memref.subview %m[%o] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: ?>>
  return
}`;
  assert.match(runError(badSubview, "f", [ix(3)]).message, "out-of-bounds subview");
  const badCast = `
func.func @f(%n: index) {
  %m = memref.alloc(%n) : memref<?xf32>
  %c = memref.cast %m : memref<?xf32> to memref<4xf32>
  return
}`;
  assert.is(runError(badCast, "f", [ix(3)]).kind, "undefined-behavior");
});

test("zero-size memrefs: allocating, copying and viewing them is fine; any load is out of bounds", () => {
  const text = `
func.func @f(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %m = memref.alloc(%n) : memref<?x3xf32>
  %t = memref.alloc(%n) : memref<?x3xf32>
  memref.copy %m, %t : memref<?x3xf32> to memref<?x3xf32>
  %d = memref.dim %t, %c0 : memref<?x3xf32>
  return %d : index
}`;
  assert.equal(scalars(run(text, "f", [ix(0)])), [0n]);
  const load = `
func.func @f() -> f32 {
  %c0 = arith.constant 0 : index
  %m = memref.alloc() : memref<0xf32>
  %v = memref.load %m[%c0] : memref<0xf32>
  return %v : f32
}`;
  assert.is(runError(load, "f", []).kind, "undefined-behavior");
});

void DYNAMIC;
test.run();
