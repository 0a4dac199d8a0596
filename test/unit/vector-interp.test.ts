/**
 * Interpreter semantics of the vector dialect (dialects/vector/interp*.ts) against hand-computed references:
 * shape ops, reductions and contractions with every combining kind, masks, transfers with MLIR's padding and
 * in-bounds rules, gathers and scatters, print's format, and the undefined behaviour reported.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type Element, memrefOf, type RuntimeValue, shapedValue, intValue, floatValue, loadElement } from "../../src/interp/index.ts";
import { f32, i1, i32, i8, index, memref, tensor, vector, f64, DYNAMIC } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const vec = (shape: number[], et: Parameters<typeof vector>[1], xs: readonly Element[]) => shapedValue(vector(shape, et), xs);
const f32v = (shape: number[], xs: number[]) => vec(shape, f32, xs);
const i32v = (shape: number[], xs: number[]) => vec(shape, i32, xs.map(BigInt));
const idx = (n: number) => intValue(index, n);
/** The elements of a vector result, as numbers. */
function nums(v: RuntimeValue | undefined): number[] {
  if (v?.kind === "shaped") return v.elements.toArray().map(Number);
  if (v?.kind === "int" || v?.kind === "float") return [Number(v.value)];
  throw new Error(`not a vector or scalar: ${v?.kind}`);
}
const one = (body: string, args: RuntimeValue[]) => run(`func.func @f${body}`, "f", args);

test("broadcast: scalar, trailing dims, size-1 dims", () => {
  assert.equal(nums(one("(%s: f32) -> vector<2x2xf32> { %0 = vector.broadcast %s : f32 to vector<2x2xf32> return %0 : vector<2x2xf32> }", [floatValue(f32, 1.5)])[0]), [1.5, 1.5, 1.5, 1.5]);
  const m = "(%v: vector<3x1xf32>) -> vector<2x3x2xf32> { %0 = vector.broadcast %v : vector<3x1xf32> to vector<2x3x2xf32> return %0 : vector<2x3x2xf32> }";
  assert.equal(nums(one(m, [f32v([3, 1], [1, 2, 3])])[0]), [1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3]);
});

test("shuffle, extract, insert, strided slices, transpose, shape_cast", () => {
  const shuffle = "(%a: vector<2xi32>, %b: vector<3xi32>) -> vector<4xi32> { %0 = vector.shuffle %a, %b [4, 0, 2, 1] : vector<2xi32>, vector<3xi32> return %0 : vector<4xi32> }";
  assert.equal(nums(one(shuffle, [i32v([2], [1, 2]), i32v([3], [10, 20, 30])])[0]), [30, 1, 10, 2]);
  const m = f32v([2, 3], [1, 2, 3, 4, 5, 6]);
  assert.equal(nums(one("(%m: vector<2x3xf32>) -> vector<3xf32> { %0 = vector.extract %m[1] : vector<2x3xf32> return %0 : vector<3xf32> }", [m])[0]), [4, 5, 6]);
  assert.equal(nums(one("(%m: vector<2x3xf32>) -> f32 { %0 = vector.extract %m[0, 2] : vector<2x3xf32> return %0 : f32 }", [m])[0]), [3]);
  const ins = "(%m: vector<2x3xf32>, %s: f32) -> vector<2x3xf32> { %0 = vector.insert %s, %m [1, 0] : f32 into vector<2x3xf32> return %0 : vector<2x3xf32> }";
  assert.equal(nums(one(ins, [m, floatValue(f32, 9)])[0]), [1, 2, 3, 9, 5, 6]);
  const ess = "(%m: vector<2x3xf32>) -> vector<2x2xf32> { %0 = vector.extract_strided_slice %m {offsets = [0, 1], sizes = [2, 2], strides = [1, 1]} : vector<2x3xf32> to vector<2x2xf32> return %0 : vector<2x2xf32> }";
  assert.equal(nums(one(ess, [m])[0]), [2, 3, 5, 6]);
  const iss = "(%m: vector<2x3xf32>, %s: vector<2xf32>) -> vector<2x3xf32> { %0 = vector.insert_strided_slice %s, %m {offsets = [1, 1], strides = [1]} : vector<2xf32> into vector<2x3xf32> return %0 : vector<2x3xf32> }";
  assert.equal(nums(one(iss, [m, f32v([2], [7, 8])])[0]), [1, 2, 3, 4, 7, 8]);
  const tr = "(%m: vector<2x3xf32>) -> vector<3x2xf32> { %0 = vector.transpose %m, [1, 0] : vector<2x3xf32> to vector<3x2xf32> return %0 : vector<3x2xf32> }";
  assert.equal(nums(one(tr, [m])[0]), [1, 4, 2, 5, 3, 6]);
  const sc = "(%m: vector<2x3xf32>) -> vector<6xf32> { %0 = vector.shape_cast %m : vector<2x3xf32> to vector<6xf32> return %0 : vector<6xf32> }";
  assert.equal(nums(one(sc, [m])[0]), [1, 2, 3, 4, 5, 6]);
});

test("extractelement / insertelement: dynamic positions, out of range is undefined behaviour", () => {
  const ee = "func.func @f(%v: vector<4xi32>, %i: i8) -> i32 { %0 = vector.extractelement %v[%i : i8] : vector<4xi32> return %0 : i32 }";
  assert.equal(nums(run(ee, "f", [i32v([4], [5, 6, 7, 8]), intValue(i8, 3)])[0]), [8]);
  // -1 as an i8 position is 255 (unsigned): out of range.
  assert.is(runError(ee, "f", [i32v([4], [5, 6, 7, 8]), intValue(i8, -1)]).kind, "undefined-behavior");
  const ie = "func.func @f(%v: vector<f32>, %s: f32) -> vector<f32> { %0 = vector.insertelement %s, %v[] : vector<f32> return %0 : vector<f32> }";
  assert.equal(nums(run(ie, "f", [f32v([], [1]), floatValue(f32, 2)])[0]), [2]);
});

test("bitcast: little-endian lanes of the minor dim", () => {
  const bc = "(%v: vector<2xi8>) -> vector<1xi16> { %0 = vector.bitcast %v : vector<2xi8> to vector<1xi16> return %0 : vector<1xi16> }";
  assert.equal(nums(one(bc, [vec([2], i8, [0x34n, 0x12n])])[0]), [0x1234]);
  const f = "(%v: vector<1xf32>) -> vector<1xi32> { %0 = vector.bitcast %v : vector<1xf32> to vector<1xi32> return %0 : vector<1xi32> }";
  assert.equal(nums(one(f, [f32v([1], [1])])[0]), [0x3f800000]);
});

test("reduction: every combining kind, accumulator, integer overflow wraps, NaN propagates", () => {
  const kinds: [string, number[]][] = [
    ["add", [5]], ["mul", [-30]], ["minsi", [-3]], ["maxsi", [5]], ["minui", [1]], ["maxui", [-3]], ["and", [0]], ["or", [-1]], ["xor", [-5]],
  ];
  for (const [kind, expected] of kinds) {
    const r = one(`(%v: vector<4xi32>) -> i32 { %0 = vector.reduction <${kind}>, %v : vector<4xi32> into i32 return %0 : i32 }`, [i32v([4], [2, -3, 1, 5])]);
    assert.equal(nums(r[0]), expected, kind);
  }
  const wrap = "(%v: vector<2xi8>) -> i8 { %0 = vector.reduction <add>, %v : vector<2xi8> into i8 return %0 : i8 }";
  assert.equal(nums(one(wrap, [vec([2], i8, [100n, 100n])])[0]), [-56]);
  const acc = "(%v: vector<3xf32>, %a: f32) -> f32 { %0 = vector.reduction <maxf>, %v, %a : vector<3xf32> into f32 return %0 : f32 }";
  assert.equal(nums(one(acc, [f32v([3], [1, 7, 3]), floatValue(f32, 10)])[0]), [10]);
  assert.ok(Number.isNaN(nums(one(acc, [f32v([3], [1, NaN, 3]), floatValue(f32, 10)])[0])[0]));
});

test("multi_reduction over inner, outer and all dims", () => {
  const m = f32v([2, 3], [1, 2, 3, 4, 5, 6]);
  const inner = "(%m: vector<2x3xf32>, %a: vector<2xf32>) -> vector<2xf32> { %0 = vector.multi_reduction <add>, %m, %a [1] : vector<2x3xf32> to vector<2xf32> return %0 : vector<2xf32> }";
  assert.equal(nums(one(inner, [m, f32v([2], [10, 20])])[0]), [16, 35]);
  const outer = "(%m: vector<2x3xf32>, %a: vector<3xf32>) -> vector<3xf32> { %0 = vector.multi_reduction <mul>, %m, %a [0] : vector<2x3xf32> to vector<3xf32> return %0 : vector<3xf32> }";
  assert.equal(nums(one(outer, [m, f32v([3], [1, 1, 2])])[0]), [4, 10, 36]);
  const all = "(%m: vector<2x3xf32>, %a: f32) -> f32 { %0 = vector.multi_reduction <minf>, %m, %a [0, 1] : vector<2x3xf32> to f32 return %0 : f32 }";
  assert.equal(nums(one(all, [m, floatValue(f32, 0.5)])[0]), [0.5]);
});

test("contract: matmul, dot product to a scalar, maxf kind, masks", () => {
  const maps = "indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = [\"parallel\", \"parallel\", \"reduction\"]";
  const mm = `(%a: vector<2x3xf32>, %b: vector<3x2xf32>, %c: vector<2x2xf32>) -> vector<2x2xf32> { %0 = vector.contract {${maps}} %a, %b, %c : vector<2x3xf32>, vector<3x2xf32> into vector<2x2xf32> return %0 : vector<2x2xf32> }`;
  const a = f32v([2, 3], [1, 2, 3, 4, 5, 6]);
  const b = f32v([3, 2], [1, 0, 0, 1, 1, 1]);
  assert.equal(nums(one(mm, [a, b, f32v([2, 2], [100, 0, 0, 0])])[0]), [104, 5, 10, 11]);
  const mx = mm.replace('"reduction"]', '"reduction"], kind = #vector.kind<maxf>');
  assert.equal(nums(one(mx, [a, b, f32v([2, 2], [0, 0, 0, 100])])[0]), [3, 3, 6, 100]);
  const dot = `(%a: vector<3xi32>, %b: vector<3xi32>, %c: i32) -> i32 { %0 = vector.contract {indexing_maps = [affine_map<(k) -> (k)>, affine_map<(k) -> (k)>, affine_map<(k) -> ()>], iterator_types = ["reduction"]} %a, %b, %c : vector<3xi32>, vector<3xi32> into i32 return %0 : i32 }`;
  assert.equal(nums(one(dot, [i32v([3], [1, 2, 3]), i32v([3], [4, 5, 6]), intValue(i32, 1)])[0]), [33]);
  const masked = `(%a: vector<3xi32>, %b: vector<3xi32>, %c: i32, %ma: vector<3xi1>, %mb: vector<3xi1>) -> i32 { %0 = vector.contract {indexing_maps = [affine_map<(k) -> (k)>, affine_map<(k) -> (k)>, affine_map<(k) -> ()>], iterator_types = ["reduction"]} %a, %b, %c, %ma, %mb : vector<3xi32>, vector<3xi32> into i32 return %0 : i32 }`;
  const mask = (xs: number[]) => vec([3], i1, xs.map(BigInt));
  assert.equal(nums(one(masked, [i32v([3], [1, 2, 3]), i32v([3], [4, 5, 6]), intValue(i32, 0), mask([1, 0, 1]), mask([1, 1, 1])])[0]), [22]);
});

test("outerproduct (fused add), scan inclusive and exclusive, fma", () => {
  const op = "(%x: vector<2xf32>, %y: vector<3xf32>, %a: vector<2x3xf32>) -> vector<2x3xf32> { %0 = vector.outerproduct %x, %y, %a : vector<2xf32>, vector<3xf32> return %0 : vector<2x3xf32> }";
  assert.equal(nums(one(op, [f32v([2], [1, 2]), f32v([3], [1, 2, 3]), f32v([2, 3], [1, 1, 1, 1, 1, 1])])[0]), [2, 3, 4, 3, 5, 7]);
  const scan = (inclusive: boolean) =>
    `(%v: vector<2x3xi32>, %i: vector<2xi32>) -> (vector<2x3xi32>, vector<2xi32>) { %0:2 = vector.scan <add>, %v, %i {inclusive = ${inclusive}, reduction_dim = 1 : i64} : vector<2x3xi32>, vector<2xi32> return %0#0, %0#1 : vector<2x3xi32>, vector<2xi32> }`;
  const args = () => [i32v([2, 3], [1, 2, 3, 4, 5, 6]), i32v([2], [100, 200])];
  const inc = one(scan(true), args());
  assert.equal(nums(inc[0]), [1, 3, 6, 4, 9, 15]);
  assert.equal(nums(inc[1]), [6, 15]);
  const exc = one(scan(false), args());
  assert.equal(nums(exc[0]), [100, 101, 103, 200, 204, 209]);
  assert.equal(nums(exc[1]), [103, 209]);
  // fma rounds once: (1 + 2^-23)^2 - 1 keeps the 2^-46 term that separate rounding loses.
  const e = 1 + 2 ** -23;
  const fma = "(%a: vector<1xf32>, %b: vector<1xf32>, %c: vector<1xf32>) -> vector<1xf32> { %0 = vector.fma %a, %b, %c : vector<1xf32> return %0 : vector<1xf32> }";
  assert.equal(nums(one(fma, [f32v([1], [e]), f32v([1], [e]), f32v([1], [-1])])[0]), [Math.fround(2 ** -22 + 2 ** -46)]);
});

test("masks: constant_mask, create_mask with clamped and negative bounds", () => {
  assert.equal(nums(one("() -> vector<2x3xi1> { %0 = vector.constant_mask [1, 2] : vector<2x3xi1> return %0 : vector<2x3xi1> }", [])[0]), [-1, -1, 0, 0, 0, 0]);
  const cm = "(%a: index, %b: index) -> vector<2x3xi1> { %0 = vector.create_mask %a, %b : vector<2x3xi1> return %0 : vector<2x3xi1> }";
  assert.equal(nums(one(cm, [idx(5), idx(2)])[0]), [-1, -1, 0, -1, -1, 0]);
  assert.equal(nums(one(cm, [idx(-1), idx(2)])[0]), [0, 0, 0, 0, 0, 0]);
});

test("transfer_read: padding out of bounds, in_bounds lanes out of bounds are undefined behaviour, masks, permutations", () => {
  const A = memrefOf(memref([2, 3], f32), [1, 2, 3, 4, 5, 6]);
  const read = "func.func @f(%A: memref<2x3xf32>, %i: index, %j: index) -> vector<2x4xf32> { %p = arith.constant -1.0 : f32 %0 = vector.transfer_read %A[%i, %j], %p : memref<2x3xf32>, vector<2x4xf32> return %0 : vector<2x4xf32> }";
  assert.equal(nums(run(read, "f", [A, idx(1), idx(1)])[0]), [5, 6, -1, -1, -1, -1, -1, -1]);
  const inb = read.replace("%p :", "%p {in_bounds = [true, true]} :");
  assert.is(runError(inb, "f", [A, idx(1), idx(1)]).kind, "undefined-behavior");
  const masked = "func.func @f(%A: memref<2x3xf32>, %m: vector<3xi1>) -> vector<3xf32> { %c0 = arith.constant 0 : index %p = arith.constant 0.0 : f32 %0 = vector.transfer_read %A[%c0, %c0], %p, %m : memref<2x3xf32>, vector<3xf32> return %0 : vector<3xf32> }";
  assert.equal(nums(run(masked, "f", [A, vec([3], i1, [-1n, 0n, -1n])])[0]), [1, 0, 3]);
  const perm = "func.func @f(%A: memref<2x3xf32>) -> vector<3x2xf32> { %c0 = arith.constant 0 : index %p = arith.constant 0.0 : f32 %0 = vector.transfer_read %A[%c0, %c0], %p {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<2x3xf32>, vector<3x2xf32> return %0 : vector<3x2xf32> }";
  assert.equal(nums(run(perm, "f", [A])[0]), [1, 4, 2, 5, 3, 6]);
  const bcast = "func.func @f(%A: memref<2x3xf32>) -> vector<2x3xf32> { %c1 = arith.constant 1 : index %c0 = arith.constant 0 : index %p = arith.constant 0.0 : f32 %0 = vector.transfer_read %A[%c1, %c0], %p {permutation_map = affine_map<(d0, d1) -> (0, d1)>, in_bounds = [true, true]} : memref<2x3xf32>, vector<2x3xf32> return %0 : vector<2x3xf32> }";
  assert.equal(nums(run(bcast, "f", [A])[0]), [4, 5, 6, 4, 5, 6]);
  // Masked-off lanes under vector.mask take the passthru.
  const vm = "func.func @f(%A: memref<2x3xf32>, %m: vector<3xi1>, %pt: vector<3xf32>) -> vector<3xf32> { %c0 = arith.constant 0 : index %p = arith.constant 0.0 : f32 %0 = vector.mask %m, %pt { vector.transfer_read %A[%c0, %c0], %p : memref<2x3xf32>, vector<3xf32> } : vector<3xi1> -> vector<3xf32> return %0 : vector<3xf32> }";
  assert.equal(nums(run(vm, "f", [A, vec([3], i1, [0n, -1n, 0n]), f32v([3], [7, 7, 7])])[0]), [7, 2, 7]);
});

test("transfer_write: to memrefs (out-of-bounds lanes dropped) and tensors (a new tensor)", () => {
  const A = memrefOf(memref([2, 3], f32), [0, 0, 0, 0, 0, 0]);
  const w = "func.func @f(%v: vector<2xf32>, %A: memref<2x3xf32>, %i: index) { %c1 = arith.constant 1 : index vector.transfer_write %v, %A[%c1, %i] : vector<2xf32>, memref<2x3xf32> return }";
  run(w, "f", [f32v([2], [8, 9]), A, idx(2)]);
  assert.equal([0, 1, 2].map((j) => Number(loadElement(A, [1, j]))), [0, 0, 8]);
  const t = "func.func @f(%v: vector<2xf32>, %T: tensor<3xf32>) -> tensor<3xf32> { %c1 = arith.constant 1 : index %0 = vector.transfer_write %v, %T[%c1] : vector<2xf32>, tensor<3xf32> return %0 : tensor<3xf32> }";
  const T = shapedValue(tensor([3], f32), [1, 2, 3]);
  assert.equal(nums(run(t, "f", [f32v([2], [8, 9]), T])[0]), [1, 8, 9]);
  assert.equal(nums(T), [1, 2, 3], "the input tensor is unchanged");
  const masked = "func.func @f(%v: vector<2xf32>, %A: memref<2x3xf32>, %m: vector<2xi1>) { %c0 = arith.constant 0 : index vector.mask %m { vector.transfer_write %v, %A[%c0, %c0] : vector<2xf32>, memref<2x3xf32> } : vector<2xi1> return }";
  const B = memrefOf(memref([2, 3], f32), [0, 0, 0, 0, 0, 0]);
  run(masked, "f", [f32v([2], [8, 9]), B, vec([2], i1, [0n, -1n])]);
  assert.equal([0, 1].map((j) => Number(loadElement(B, [0, j]))), [0, 9]);
});

test("load/store, maskedload/store, gather/scatter, expandload/compressstore", () => {
  const A = memrefOf(memref([DYNAMIC], f32), [1, 2, 3, 4, 5], [5]);
  const ld = "func.func @f(%A: memref<?xf32>, %i: index) -> vector<2xf32> { %0 = vector.load %A[%i] : memref<?xf32>, vector<2xf32> return %0 : vector<2xf32> }";
  assert.equal(nums(run(ld, "f", [A, idx(3)])[0]), [4, 5]);
  assert.is(runError(ld, "f", [A, idx(4)]).kind, "undefined-behavior");
  const m = vec([4], i1, [-1n, 0n, -1n, 0n]);
  const pass = f32v([4], [0, 0, 0, 0]);
  const g = "func.func @f(%A: memref<?xf32>, %ix: vector<4xi32>, %m: vector<4xi1>, %p: vector<4xf32>) -> vector<4xf32> { %c1 = arith.constant 1 : index %0 = vector.gather %A[%c1][%ix], %m, %p : memref<?xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32> return %0 : vector<4xf32> }";
  // Masked-off lanes never touch memory, even with wild indices.
  assert.equal(nums(run(g, "f", [A, i32v([4], [3, 99, 0, -7]), m, pass])[0]), [5, 0, 2, 0]);
  const e = "func.func @f(%A: memref<?xf32>, %m: vector<4xi1>, %p: vector<4xf32>) -> vector<4xf32> { %c1 = arith.constant 1 : index %0 = vector.expandload %A[%c1], %m, %p : memref<?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32> return %0 : vector<4xf32> }";
  assert.equal(nums(run(e, "f", [A, m, pass])[0]), [2, 0, 3, 0]);
  const B = memrefOf(memref([4], f32), [0, 0, 0, 0]);
  const cs = "func.func @f(%B: memref<4xf32>, %m: vector<4xi1>, %v: vector<4xf32>) { %c0 = arith.constant 0 : index vector.compressstore %B[%c0], %m, %v : memref<4xf32>, vector<4xi1>, vector<4xf32> return }";
  run(cs, "f", [B, m, f32v([4], [7, 8, 9, 10])]);
  assert.equal([0, 1, 2, 3].map((j) => Number(loadElement(B, [j]))), [7, 9, 0, 0]);
  const sc = "func.func @f(%B: memref<4xf32>, %ix: vector<4xi32>, %m: vector<4xi1>, %v: vector<4xf32>) { %c0 = arith.constant 0 : index vector.scatter %B[%c0][%ix], %m, %v : memref<4xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> return }";
  run(sc, "f", [B, i32v([4], [3, 3, 3, 3]), vec([4], i1, [-1n, -1n, -1n, 0n]), f32v([4], [1, 2, 3, 4])]);
  assert.equal(Number(loadElement(B, [3])), 3, "the last set lane wins");
  const ml = "func.func @f(%A: memref<?xf32>, %m: vector<4xi1>, %p: vector<4xf32>) -> vector<4xf32> { %c3 = arith.constant 3 : index %0 = vector.maskedload %A[%c3], %m, %p : memref<?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32> return %0 : vector<4xf32> }";
  assert.equal(nums(run(ml, "f", [A, vec([4], i1, [-1n, -1n, 0n, 0n]), pass])[0]), [4, 5, 0, 0]);
  assert.is(runError(ml, "f", [A, vec([4], i1, [-1n, -1n, -1n, 0n]), pass]).kind, "undefined-behavior");
});

test("masked reductions: masked-off lanes do not take part", () => {
  const r = "func.func @f(%v: vector<4xf32>, %m: vector<4xi1>) -> f32 { %0 = vector.mask %m { vector.reduction <add>, %v : vector<4xf32> into f32 } : vector<4xi1> -> f32 return %0 : f32 }";
  assert.equal(nums(run(r, "f", [f32v([4], [1, 2, 3, 4]), vec([4], i1, [0n, -1n, 0n, -1n])])[0]), [6]);
  assert.equal(nums(run(r, "f", [f32v([4], [1, 2, 3, 4]), vec([4], i1, [0n, 0n, 0n, 0n])])[0]), [0], "no lane: the neutral element");
});

test("print: MLIR 16's format, to the run's output", () => {
  let out = "";
  const p = "func.func @f(%v: vector<2x2xf32>, %i: vector<2xi1>, %s: i32) { vector.print %v : vector<2x2xf32> vector.print %i : vector<2xi1> vector.print %s : i32 return }";
  run(p, "f", [f32v([2, 2], [1.5, -0, 1e7, 0.0001]), vec([2], i1, [-1n, 0n]), intValue(i32, -3)], { output: (t) => (out += t) });
  assert.is(out, "( ( 1.5, -0 ), ( 1e+07, 0.0001 ) )\n( 1, 0 )\n-3\n");
});

test("vscale is 1, and scalable vectors hold their base size", () => {
  const s = "func.func @f(%v: vector<[4]xf32>) -> (index, vector<2xf32>) { %0 = vector.vscale %1 = vector.scalable.extract %v[2] : vector<2xf32> from vector<[4]xf32> return %0, %1 : index, vector<2xf32> }";
  const r = run(s, "f", [shapedValue(vector([4], f32, [true]), [1, 2, 3, 4])]);
  assert.equal(nums(r[0]), [1]);
  assert.equal(nums(r[1]), [3, 4]);
});

test("matrix_multiply and flat_transpose on row-major flattened matrices", () => {
  const mm = "(%a: vector<6xf64>, %b: vector<6xf64>) -> vector<4xf64> { %0 = vector.matrix_multiply %a, %b {lhs_columns = 3 : i32, lhs_rows = 2 : i32, rhs_columns = 2 : i32} : (vector<6xf64>, vector<6xf64>) -> vector<4xf64> return %0 : vector<4xf64> }";
  const v = (xs: number[]) => vec([xs.length], f64, xs);
  assert.equal(nums(one(mm, [v([1, 2, 3, 4, 5, 6]), v([1, 0, 0, 1, 1, 1])])[0]), [4, 5, 10, 11]);
  const ft = "(%a: vector<6xf64>) -> vector<6xf64> { %0 = vector.flat_transpose %a {columns = 3 : i32, rows = 2 : i32} : vector<6xf64> -> vector<6xf64> return %0 : vector<6xf64> }";
  assert.equal(nums(one(ft, [v([1, 2, 3, 4, 5, 6])])[0]), [1, 4, 2, 5, 3, 6]);
});

test.run();
