/**
 * Interpreter semantics of the tensor ops (dialects/tensor/interp.ts) against hand-computed results: value
 * semantics (inputs never change), slices (strided, rank-reduced, zero-size, dynamic), pads with dynamic low and
 * high, reshapes, gather/scatter, pack/unpack, and undefined behaviour reported as errors.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type RuntimeValue, type ShapedValue, intValue, shapedValue } from "../../src/interp/index.ts";
import { DYNAMIC, f32, i32, index, tensor, UnrankedTensorType } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const idx = (n: number): RuntimeValue => intValue(index, n);
const t32 = (shape: number[], xs: number[]): ShapedValue => shapedValue(tensor(shape, i32), xs.map(BigInt));
const iota = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The shape and elements of a tensor result, as numbers. */
function contents(v: RuntimeValue | undefined): { shape: readonly number[]; elements: number[] } {
  const s = v as ShapedValue;
  return { shape: s.shape, elements: s.elements.toArray().map(Number) };
}

test("extract and insert: insert builds a new tensor and leaves its operand alone", () => {
  const m = `func.func @f(%t: tensor<2x3xi32>, %i: index, %j: index, %v: i32) -> (i32, tensor<2x3xi32>, i32) {
    %e = tensor.extract %t[%i, %j] : tensor<2x3xi32>
    %u = tensor.insert %v into %t[%i, %j] : tensor<2x3xi32>
    %k = tensor.extract %t[%i, %j] : tensor<2x3xi32>
    return %e, %u, %k : i32, tensor<2x3xi32>, i32
  }`;
  const t = t32([2, 3], iota(6));
  const [e, u, k] = run(m, "f", [t, idx(1), idx(2), intValue(i32, 42)]);
  assert.equal((e as { value: bigint }).value, 5n);
  assert.equal(contents(u).elements, [0, 1, 2, 3, 4, 42]);
  assert.equal((k as { value: bigint }).value, 5n, "the input tensor is unchanged");
  assert.equal(contents(t).elements, iota(6));
});

test("extract out of bounds is undefined behaviour", () => {
  const m = `func.func @f(%t: tensor<2x3xi32>, %i: index) -> i32 {
    %e = tensor.extract %t[%i, %i] : tensor<2x3xi32>
    return %e : i32
  }`;
  const err = runError(m, "f", [t32([2, 3], iota(6)), idx(2)]);
  assert.is(err.kind, "undefined-behavior");
  assert.match(err.diagnostic.message, /out of bounds/);
  assert.is(runError(m, "f", [t32([2, 3], iota(6)), idx(-1)]).kind, "undefined-behavior");
});

test("extract_slice: strided, dynamic and rank-reduced", () => {
  const m = `func.func @f(%t: tensor<4x6xi32>, %o: index, %n: index) -> (tensor<2x?xi32>, tensor<3xi32>) {
    %s = tensor.extract_slice %t[1, %o] [2, %n] [2, 2] : tensor<4x6xi32> to tensor<2x?xi32>
    %r = tensor.extract_slice %t[3, 1] [1, 3] [1, 1] : tensor<4x6xi32> to tensor<3xi32>
    return %s, %r : tensor<2x?xi32>, tensor<3xi32>
  }`;
  const [s, r] = run(m, "f", [t32([4, 6], iota(24)), idx(1), idx(3)]);
  // rows 1 and 3, columns 1, 3, 5
  assert.equal(contents(s), { shape: [2, 3], elements: [7, 9, 11, 19, 21, 23] });
  assert.equal(contents(r), { shape: [3], elements: [19, 20, 21] });
});

test("extract_slice of size zero and out of bounds", () => {
  const m = `func.func @f(%t: tensor<4xi32>, %o: index, %n: index) -> tensor<?xi32> {
    %s = tensor.extract_slice %t[%o] [%n] [1] : tensor<4xi32> to tensor<?xi32>
    return %s : tensor<?xi32>
  }`;
  assert.equal(contents(run(m, "f", [t32([4], iota(4)), idx(9), idx(0)])[0]), { shape: [0], elements: [] });
  assert.equal(contents(run(m, "f", [t32([4], iota(4)), idx(3), idx(1)])[0]), { shape: [1], elements: [3] });
  const err = runError(m, "f", [t32([4], iota(4)), idx(2), idx(3)]);
  assert.is(err.kind, "undefined-behavior");
  assert.is(runError(m, "f", [t32([4], iota(4)), idx(0), idx(-1)]).kind, "undefined-behavior");
});

test("insert_slice writes a strided window of a copy of dest", () => {
  const m = `func.func @f(%s: tensor<2x2xi32>, %d: tensor<3x4xi32>) -> tensor<3x4xi32> {
    %u = tensor.insert_slice %s into %d[1, 0] [2, 2] [1, 3] : tensor<2x2xi32> into tensor<3x4xi32>
    return %u : tensor<3x4xi32>
  }`;
  const d = t32([3, 4], Array(12).fill(0));
  const [u] = run(m, "f", [t32([2, 2], [1, 2, 3, 4]), d]);
  assert.equal(contents(u).elements, [0, 0, 0, 0, 1, 0, 0, 2, 3, 0, 0, 4]);
  assert.equal(contents(d).elements, Array(12).fill(0), "dest is unchanged");
});

test("pad with dynamic low and high, and a body that uses the indices", () => {
  const m = `func.func @f(%t: tensor<2xi32>, %l: index, %h: index) -> (tensor<?xi32>, tensor<4x3xi32>) {
    %c9 = arith.constant 9 : i32
    %p = tensor.pad %t low[%l] high[%h] {
    ^bb0(%i: index):
      tensor.yield %c9 : i32
    } : tensor<2xi32> to tensor<?xi32>
    %s = tensor.from_elements %c9, %c9 : tensor<1x2xi32>
    %q = tensor.pad %s low[1, 0] high[2, 1] {
    ^bb0(%i: index, %j: index):
      %x = arith.index_cast %i : index to i32
      %y = arith.index_cast %j : index to i32
      %z = arith.muli %x, %y : i32
      tensor.yield %z : i32
    } : tensor<1x2xi32> to tensor<4x3xi32>
    return %p, %q : tensor<?xi32>, tensor<4x3xi32>
  }`;
  const [p, q] = run(m, "f", [t32([2], [5, 6]), idx(1), idx(2)]);
  assert.equal(contents(p), { shape: [5], elements: [9, 5, 6, 9, 9] });
  assert.equal(contents(q).elements, [0, 0, 0, 9, 9, 2, 0, 2, 4, 0, 3, 6]);
  assert.is(runError(m, "f", [t32([2], [5, 6]), idx(-1), idx(0)]).kind, "undefined-behavior");
});

test("generate, dim, rank, empty and cast", () => {
  const m = `func.func @f(%n: index, %u: tensor<*xf32>) -> (tensor<?x2xindex>, index, index, tensor<?xf32>) {
    %g = tensor.generate %n {
    ^bb0(%i: index, %j: index):
      %s = arith.addi %i, %j : index
      tensor.yield %s : index
    } : tensor<?x2xindex>
    %c1 = arith.constant 1 : index
    %d = tensor.dim %g, %c1 : tensor<?x2xindex>
    %r = tensor.rank %u : tensor<*xf32>
    %e = tensor.empty(%n) : tensor<?xf32>
    return %g, %d, %r, %e : tensor<?x2xindex>, index, index, tensor<?xf32>
  }`;
  const u = shapedValue(UnrankedTensorType.get(f32), [1, 2, 3, 4], [2, 2, 1]);
  const [g, d, r, e] = run(m, "f", [idx(3), u]);
  assert.equal(contents(g), { shape: [3, 2], elements: [0, 1, 1, 2, 2, 3] });
  assert.equal((d as { value: bigint }).value, 2n);
  assert.equal((r as { value: bigint }).value, 3n);
  assert.equal(contents(e).shape, [3]);
  const cast = `func.func @c(%t: tensor<?xf32>) -> tensor<4xf32> {
    %c = tensor.cast %t : tensor<?xf32> to tensor<4xf32>
    return %c : tensor<4xf32>
  }`;
  const dyn = (xs: number[]): ShapedValue => shapedValue(tensor([DYNAMIC], f32), xs, [xs.length]);
  assert.equal(contents(run(cast, "c", [dyn([1, 2, 3, 4])])[0]).elements, [1, 2, 3, 4]);
  assert.is(runError(cast, "c", [dyn([1, 2, 3])]).kind, "undefined-behavior");
});

test("from_elements, splat and reshapes keep row-major order", () => {
  const m = `func.func @f(%a: i32, %b: i32, %n: index) -> (tensor<2x1xi32>, tensor<3xi32>, tensor<?x3xi32>, tensor<6xi32>) {
    %f = tensor.from_elements %a, %b : tensor<2x1xi32>
    %s = tensor.splat %b : tensor<3xi32>
    %g = tensor.generate %n {
    ^bb0(%i: index):
      %x = arith.index_cast %i : index to i32
      tensor.yield %x : i32
    } : tensor<?xi32>
    %e = tensor.expand_shape %g [[0, 1]] : tensor<?xi32> into tensor<?x3xi32>
    %c = tensor.collapse_shape %e [[0, 1]] : tensor<?x3xi32> into tensor<?xi32>
    %k = tensor.cast %c : tensor<?xi32> to tensor<6xi32>
    return %f, %s, %e, %k : tensor<2x1xi32>, tensor<3xi32>, tensor<?x3xi32>, tensor<6xi32>
  }`;
  const [f, s, e, k] = run(m, "f", [intValue(i32, 7), intValue(i32, -1), idx(6)]);
  assert.equal(contents(f), { shape: [2, 1], elements: [7, -1] });
  assert.equal(contents(s).elements, [-1, -1, -1]);
  assert.equal(contents(e), { shape: [2, 3], elements: iota(6) });
  assert.equal(contents(k).elements, iota(6));
  assert.is(runError(m, "f", [intValue(i32, 7), intValue(i32, -1), idx(7)]).kind, "undefined-behavior", "7 is not a multiple of 3");
});

test("reshape by a shape tensor", () => {
  const m = `func.func @f(%t: tensor<6xi32>, %s: tensor<2xindex>) -> tensor<?x?xi32> {
    %r = tensor.reshape %t(%s) : (tensor<6xi32>, tensor<2xindex>) -> tensor<?x?xi32>
    return %r : tensor<?x?xi32>
  }`;
  const shape = (a: number, b: number): ShapedValue => shapedValue(tensor([2], index), [BigInt(a), BigInt(b)]);
  assert.equal(contents(run(m, "f", [t32([6], iota(6)), shape(3, 2)])[0]), { shape: [3, 2], elements: iota(6) });
  assert.is(runError(m, "f", [t32([6], iota(6)), shape(4, 2)]).kind, "undefined-behavior");
});

test("gather and scatter", () => {
  const m = `func.func @f(%t: tensor<3x2xi32>, %i: tensor<2x1xindex>) -> (tensor<2x1x2xi32>, tensor<2x2xi32>, tensor<3x2xi32>) {
    %g = tensor.gather %t[%i] gather_dims([0]) : (tensor<3x2xi32>, tensor<2x1xindex>) -> tensor<2x1x2xi32>
    %r = tensor.gather %t[%i] gather_dims([0]) : (tensor<3x2xi32>, tensor<2x1xindex>) -> tensor<2x2xi32>
    %z = arith.constant dense<0> : tensor<3x2xi32>
    %s = tensor.scatter %g into %z[%i] scatter_dims([0]) unique : (tensor<2x1x2xi32>, tensor<3x2xi32>, tensor<2x1xindex>) -> tensor<3x2xi32>
    return %g, %r, %s : tensor<2x1x2xi32>, tensor<2x2xi32>, tensor<3x2xi32>
  }`;
  const rows = (a: number, b: number): ShapedValue => shapedValue(tensor([2, 1], index), [BigInt(a), BigInt(b)]);
  const [g, r, s] = run(m, "f", [t32([3, 2], iota(6)), rows(2, 0)]);
  assert.equal(contents(g), { shape: [2, 1, 2], elements: [4, 5, 0, 1] });
  assert.equal(contents(r), { shape: [2, 2], elements: [4, 5, 0, 1] });
  assert.equal(contents(s).elements, [0, 1, 0, 0, 4, 5]);
  assert.is(runError(m, "f", [t32([3, 2], iota(6)), rows(1, 1)]).kind, "undefined-behavior", "a repeated coordinate in a unique scatter");
  assert.is(runError(m, "f", [t32([3, 2], iota(6)), rows(3, 0)]).kind, "undefined-behavior");
});

test("pack with padding and outer_dims_perm, and unpack back", () => {
  const m = `func.func @f(%t: tensor<5x2xi32>) -> (tensor<2x3x2xi32>, tensor<5x2xi32>) {
    %p = arith.constant -1 : i32
    %d = tensor.empty() : tensor<2x3x2xi32>
    %k = tensor.pack %t padding_value(%p : i32) outer_dims_perm = [1, 0] inner_dims_pos = [0] inner_tiles = [2] into %d : tensor<5x2xi32> -> tensor<2x3x2xi32>
    %o = tensor.empty() : tensor<5x2xi32>
    %u = tensor.unpack %k outer_dims_perm = [1, 0] inner_dims_pos = [0] inner_tiles = [2] into %o : tensor<2x3x2xi32> -> tensor<5x2xi32>
    return %k, %u : tensor<2x3x2xi32>, tensor<5x2xi32>
  }`;
  const [k, u] = run(m, "f", [t32([5, 2], iota(10))]);
  // packed[j][i][r] = t[2i + r][j] (or -1 past row 4)
  assert.equal(contents(k).elements, [0, 2, 4, 6, 8, -1, 1, 3, 5, 7, 9, -1]);
  assert.equal(contents(u).elements, iota(10));
});

test("a tensor beyond the interpreter's size limit is a limit error, not a crash", () => {
  const m = `func.func @f(%n: index) -> tensor<?x?xi32> {
    %e = tensor.empty(%n, %n) : tensor<?x?xi32>
    return %e : tensor<?x?xi32>
  }`;
  assert.is(runError(m, "f", [idx(2 ** 40)]).kind, "limit");
});

test.run();
