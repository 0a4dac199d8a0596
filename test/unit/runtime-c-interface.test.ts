/**
 * codegen/runtime/c-interface.ts against C's own ABI: `_mlir_ciface_` functions written in C with MLIR's
 * descriptor structs (as MLIR's CRunnerUtils declares them), compiled by `cc`, called from JavaScript through
 * koffi. Arguments are views of typed arrays (strided, offset), results come back by value or through the
 * results struct, and a returned memref is a view of the C code's memory until it is released.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import koffi from "koffi";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { alignedArray } from "../../codegen/aligned.ts";
import { type ReturnedArray, cInterface, release } from "../../codegen/runtime/c-interface.ts";
import { DYNAMIC, FunctionType, IndexType, MemRefType, f32, f64, i1 } from "../../src/ir/types.ts";

const C = `
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
typedef struct { float *allocated, *aligned; int64_t offset, sizes[2], strides[2]; } F2;
typedef struct { float *allocated, *aligned; int64_t offset, sizes[1], strides[1]; } F1;
/* sum of a 2-D view, times a scale, plus an index */
float _mlir_ciface_sum(F2 *m, float scale, int64_t plus) {
  float s = 0;
  for (int64_t i = 0; i < m->sizes[0]; i++)
    for (int64_t j = 0; j < m->sizes[1]; j++) s += m->aligned[m->offset + i * m->strides[0] + j * m->strides[1]];
  return s * scale + (float)plus;
}
/* writes through the view: x[i] = 2 * x[i] */
void _mlir_ciface_twice(F1 *m) { for (int64_t i = 0; i < m->sizes[0]; i++) m->aligned[m->offset + i * m->strides[0]] *= 2; }
/* (memref<?xf32>, f64, i1) results: a fresh array 0..n-1, the mean, whether n is even */
typedef struct { F1 a; double mean; bool even; } R;
void _mlir_ciface_make(R *out, int64_t n) {
  float *p = malloc(n * sizeof(float) + 64);
  float *q = (float *)(((uintptr_t)p + 63) & ~(uintptr_t)63);
  for (int64_t i = 0; i < n; i++) q[i] = (float)i;
  out->a.allocated = p; out->a.aligned = q; out->a.offset = 0; out->a.sizes[0] = n; out->a.strides[0] = 1;
  out->mean = (n - 1) / 2.0; out->even = n % 2 == 0;
}
bool _mlir_ciface_flip(bool b) { return !b; }
`;

const dir = mkdtempSync(join(tmpdir(), "tensile-c-interface-"));
writeFileSync(join(dir, "lib.c"), C);
const cc = spawnSync("cc", ["-O1", "-shared", "-fPIC", "-o", join(dir, "lib.so"), join(dir, "lib.c")], { encoding: "utf8" });
if (cc.status !== 0) throw new Error(cc.stderr);
const library = koffi.load(join(dir, "lib.so"));
const dyn = DYNAMIC;
const index = IndexType.get();

test.after(() => {
  library.unload();
  rmSync(dir, { recursive: true, force: true });
});

test("memref and scalar arguments: a strided, offset view of an aligned array", () => {
  const sum = cInterface(library, "sum", FunctionType.get([MemRefType.get([dyn, dyn], f32), f32, index], [f32]));
  assert.is(sum.prototype, "float _mlir_ciface_sum(void *arg0, float arg1, int64_t arg2)");
  const data = alignedArray(Float32Array, 12);
  data.forEach((_, i) => (data[i] = i));
  // The 2x2 view at rows 1-2, columns 1 and 3 of a 3x4 matrix: 5 + 7 + 9 + 11 = 32.
  const [r] = sum.call({ data, shape: [2, 2], strides: [4, 2], offset: 5 }, 0.5, 3n);
  assert.is(r, 32 * 0.5 + 3);
  // Row-major by default.
  assert.equal(sum.call({ data, shape: [3, 4] }, 1, 0), [66]);
});

test("compiled code writes into the caller's array (zero copy)", () => {
  const twice = cInterface(library, "twice", FunctionType.get([MemRefType.get([dyn], f32)], []));
  const data = alignedArray(Float32Array, 4);
  data.set([1, 2, 3, 4]);
  assert.equal(twice.call({ data, shape: [2], strides: [2], offset: 1 }), []);
  assert.equal([...data], [1, 4, 3, 8]);
});

test("several results come back through C's results struct; a returned memref is a view until released", () => {
  const make = cInterface(library, "make", FunctionType.get([index], [MemRefType.get([dyn], f32), f64, i1]));
  assert.is(make.prototype, "void _mlir_ciface_make(void *results, int64_t arg0)");
  const [a, mean, even] = make.call(5n) as [ReturnedArray, number, boolean];
  assert.equal([...a.data], [0, 1, 2, 3, 4]);
  assert.equal(a.shape, [5]);
  assert.is(koffi.address(a.data) % 64n, 0n, "a view of the aligned pointer");
  assert.ok(a.allocated !== 0n && a.allocated <= koffi.address(a.data));
  assert.is(mean, 2);
  assert.is(even, false);
  release(a);
});

test("i1 scalars are C bools", () => {
  const flip = cInterface(library, "flip", FunctionType.get([i1], [i1]));
  assert.equal(flip.call(true), [false]);
  assert.equal(flip.call(false), [true]);
});

test("wrong arguments are refused before the call, with what was expected", () => {
  const sum = cInterface(library, "sum", FunctionType.get([MemRefType.get([2, dyn], f32), f32, index], [f32]));
  const data = alignedArray(Float32Array, 8);
  assert.throws(() => sum.call({ data, shape: [3, 2] }, 1, 0n), /size 3 in dimension 0, but memref<2x\?xf32> has 2/);
  assert.throws(() => sum.call({ data, shape: [2] }, 1, 0n), /rank 1, but memref<2x\?xf32> has rank 2/);
  assert.throws(() => sum.call({ data: new Float64Array(8), shape: [2, 4] }, 1, 0n), /a Float64Array, but elements of memref<2x\?xf32> need a Float32Array/);
  assert.throws(() => sum.call({ data, shape: [2, 4], offset: 1 }, 1, 0n), /reaches outside its 8 elements/);
  assert.throws(() => sum.call({ data, shape: [2, 4] }, 1), /takes 3 arguments, got 2/);
});

test.run();
