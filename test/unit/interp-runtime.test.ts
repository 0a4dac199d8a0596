/**
 * The interpreter's storage of tensors, vectors and memrefs (src/interp/buffer.ts, memref.ts): typed-array
 * buffers that keep every element exactly (NaN payloads included), and memrefs as strided views of shared
 * allocations whose misuse (out of bounds, use after free, double free) is reported as undefined behaviour.
 */
import { isRight } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import { AddIOp } from "../../dialects/arith/index.ts";
import { ctx, parse } from "../support/interp.ts";
import * as assert from "uvu/assert";
import {
  FloatBuffer,
  IntBuffer,
  InterpFailure,
  InterpRegistry,
  type MemRefValue,
  type RuntimeValue,
  copyMemoryOf,
  interpret,
  interpretation,
  intValue,
  NaNBits,
  WideIntBuffer,
  allocMemRef,
  bufferOf,
  checkRuntimeValue,
  compareValues,
  deallocMemRef,
  formatValue,
  loadElement,
  memrefOf,
  newBuffer,
  readContents,
  shapedFromBuffer,
  shapedValue,
  splatValue,
  storeElement,
  valueHasType,
  viewFitsType,
  viewOf,
  writeContents,
} from "../../src/interp/index.ts";
import { StridedLayoutAttr } from "../../src/ir/attributes.ts";
import { DYNAMIC, IntegerType, f16, f32, i8, i32, i64, memref, tensor, vector } from "../../src/ir/types.ts";

/** The kind of InterpFailure `fn` throws. */
function failureOf(fn: () => unknown): { kind: string; detail: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof InterpFailure) return { kind: e.kind, detail: e.detail };
    throw e;
  }
  throw new Error("expected an InterpFailure");
}

test("float buffers are Float64Arrays; NaNs with special bits survive in a side table", () => {
  const b = bufferOf(f32, [1.5, NaN, new NaNBits(0xffc00001n), -0]);
  assert.instance(b, FloatBuffer);
  const fb = b as FloatBuffer;
  assert.is(fb.isPlain, false);
  assert.is(fb.get(0), 1.5);
  assert.ok(Number.isNaN(fb.get(1) as number));
  assert.is((fb.get(2) as NaNBits).bits, 0xffc00001n);
  assert.ok(Object.is(fb.get(3), -0));
  // Overwriting the special NaN with a number makes the buffer plain again.
  fb.set(2, 2);
  assert.is(fb.isPlain, true);
  assert.is(fb.data[2], 2);
  // f32 rounding happens when elements are normalised.
  assert.is(bufferOf(f32, [0.1]).get(0), Math.fround(0.1));
  assert.is(bufferOf(f16, [1 / 3]).get(0), 0.333251953125);
});

test("integer buffers: BigInt64Array signed, BigUint64Array unsigned, plain BigInts beyond 64 bits", () => {
  const s = bufferOf(i8, [255n, -1n, 127n]);
  assert.instance(s, IntBuffer);
  assert.equal(s.toArray(), [-1n, -1n, 127n]);
  const u = bufferOf(IntegerType.get(8, "unsigned"), [255n, -1n]);
  assert.equal(u.toArray(), [255n, 255n]);
  assert.instance((u as IntBuffer).data, BigUint64Array);
  const w = bufferOf(IntegerType.get(100), [1n << 99n]);
  assert.instance(w, WideIntBuffer);
  assert.is(w.get(0), -(1n << 99n));
  assert.equal(newBuffer(i64, 3).toArray(), [0n, 0n, 0n]);
});

test("clones are independent; copyFrom copies ranges across buffers", () => {
  const a = bufferOf(f32, [1, 2, 3, 4]);
  const c = a.clone();
  c.set(0, 9);
  assert.is(a.get(0), 1);
  const d = newBuffer(f32, 4);
  d.copyFrom(a, 1, 0, 3);
  assert.equal(d.toArray(), [2, 3, 4, 0]);
});

test("shaped values own typed buffers; a wrong buffer or shape is refused", () => {
  const v = shapedValue(tensor([2, 2], i32), [1, 2, 3, 4]);
  assert.instance(v.elements, IntBuffer);
  assert.is(checkRuntimeValue(v), undefined);
  assert.throws(() => shapedFromBuffer(tensor([2], i32), bufferOf(f32, [1, 2])), /does not hold i32 elements/);
  assert.throws(() => shapedFromBuffer(tensor([3], f32), bufferOf(f32, [1, 2])), /2 elements for a shape of 3/);
  const dyn = shapedFromBuffer(tensor([DYNAMIC], f32), bufferOf(f32, [1, 2]), [2]);
  assert.equal(dyn.shape, [2]);
  assert.equal(splatValue(vector([3], f32), 0.5).elements.toArray(), [0.5, 0.5, 0.5]);
  assert.is(formatValue(shapedValue(tensor([2], f32), [1, 2])), "dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>");
});

test("memrefs: zero-filled row-major allocations; views share them, so aliasing is observable", () => {
  const m = allocMemRef(memref([2, 3], f32));
  assert.equal(m.strides, [3, 1]);
  assert.is(loadElement(m, [1, 2]), 0);
  storeElement(m, [1, 2], 4.5);
  // Column 2 as a strided view: offset 2, stride 3.
  const colType = memref([2], f32, StridedLayoutAttr.get(2, [3]));
  const col = viewOf(m, { type: colType, offset: 2, shape: [2], strides: [3] });
  assert.ok(valueHasType(col, colType));
  assert.is(loadElement(col, [1]), 4.5);
  storeElement(col, [0], 7);
  assert.is(loadElement(m, [0, 2]), 7);
  // A reversed view (negative stride) reads the row backwards.
  const rev = viewOf(m, { type: memref([3], f32, StridedLayoutAttr.get(DYNAMIC, [-1])), offset: 5, shape: [3], strides: [-1] });
  assert.equal([0, 1, 2].map((i) => loadElement(rev, [i])), [4.5, 0, 0]);
});

test("memrefs: out-of-bounds accesses, use after free, double free and freeing foreign memory are undefined behaviour", () => {
  const m = allocMemRef(memref([2, 2], i32));
  const oob = failureOf(() => loadElement(m, [0, 2]));
  assert.is(oob.kind, "undefined-behavior");
  assert.match(oob.detail, "out-of-bounds load: index 2 of dimension 1 (size 2)");
  // A view reaching past its allocation fails when accessed.
  const wide = viewOf(m, { type: memref([3], i32, StridedLayoutAttr.get(DYNAMIC, [2])), offset: 0, shape: [3], strides: [2] });
  assert.match(failureOf(() => loadElement(wide, [2])).detail, "lies outside its allocation");
  deallocMemRef(m);
  const uaf = failureOf(() => storeElement(m, [0, 0], 1n));
  assert.is(uaf.kind, "undefined-behavior");
  assert.match(uaf.detail, "store of memory freed by memref.dealloc");
  assert.match(failureOf(() => deallocMemRef(m)).detail, "double free");
  const external = memrefOf(memref([2], i32), [1n, 2n]);
  assert.match(failureOf(() => deallocMemRef(external)).detail, "did not allocate (external memory)");
});

test("memrefs: contents read as tensors and written from buffers; views checked against their types", () => {
  const m = memrefOf(memref([2, 2], f32), [1, 2, 3, 4]);
  const t = readContents(m, tensor([2, 2], f32));
  assert.equal(t.elements.toArray(), [1, 2, 3, 4]);
  writeContents(m, bufferOf(f32, [5, 6, 7, 8]));
  assert.equal(t.elements.toArray(), [1, 2, 3, 4], "the tensor read before is a value, not a view");
  assert.is(loadElement(m, [1, 0]), 7);
  // Identity layout: row-major strides; a strided layout fixes its static strides and offset.
  assert.ok(viewFitsType(m, memref([2, 2], f32)));
  assert.not.ok(viewFitsType({ ...m, strides: [1, 2] }, memref([2, 2], f32)));
  assert.ok(viewFitsType({ ...m, strides: [1, 2] }, memref([2, 2], f32, StridedLayoutAttr.get(0, [1, DYNAMIC]))));
  assert.not.ok(viewFitsType({ ...m, offset: 1 }, memref([2, 2], f32, StridedLayoutAttr.get(0, [2, 1]))));
  // Comparison reads the contents; freed memory differs from live memory.
  const same = memrefOf(memref([2, 2], f32), [5, 6, 7, 8]);
  assert.is(compareValues(m, same), undefined);
  const other = memrefOf(memref([2, 2], f32), [5, 6, 7, 9]);
  assert.match(compareValues(m, other) ?? "", "element 3 is 9.000000e+00 instead of 8.000000e+00");
  assert.match(formatValue(m), "memref of dense<[[5.000000e+00, 6.000000e+00], [7.000000e+00, 8.000000e+00]]> : memref<2x2xf32>");
});

test("memrefs: dynamic sizes come from the allocation; rank 0 holds one element", () => {
  const m = allocMemRef(memref([DYNAMIC, 3], i64), [4]);
  assert.equal(m.shape, [4, 3]);
  assert.is(m.allocation.buffer.length, 12);
  const scalar = allocMemRef(memref([], i64));
  storeElement(scalar, [], 5n);
  assert.equal(readContents(scalar, tensor([], i64)).elements.toArray(), [5n]);
  assert.match(failureOf(() => allocMemRef(memref([DYNAMIC], i64), [-1])).detail, "negative or missing size");
});

test("copyMemoryOf: fresh memory per run, aliasing between arguments kept", () => {
  const m = memrefOf(memref([4], i32), [1n, 2n, 3n, 4n]);
  const tail = viewOf(m, { type: memref([2], i32, StridedLayoutAttr.get(2, [1])), offset: 2, shape: [2], strides: [1] });
  const [a, b, n] = copyMemoryOf([m, tail, intValue(i32, 7)]) as [MemRefValue, MemRefValue, RuntimeValue];
  storeElement(a, [3], 40n);
  assert.is(loadElement(b, [1]), 40n, "the copies alias as the originals did");
  assert.is(loadElement(tail, [1]), 4n, "the originals are untouched");
  assert.is(n.kind, "int");
});

test("the engine's services: allocation scopes end with their function, run state lives for one run, output", () => {
  const log: string[] = [];
  const key = {};
  const registry = InterpRegistry.of(ctx).register(
    interpretation(AddIOp, (_op, args, c) => {
      const n = c.runState(key, () => ({ count: 0 }));
      n.count++;
      c.atScopeExit(() => log.push(`scope of addi #${n.count} ended`));
      c.print(`addi #${n.count}\n`);
      return [args[0] as RuntimeValue];
    }),
  );
  const module = parse(`
func.func @inner(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32
  return %0 : i32
}
func.func @outer(%x: i32) -> i32 {
  %0 = func.call @inner(%x) : (i32) -> i32
  %1 = arith.addi %0, %0 : i32
  return %1 : i32
}`);
  const printed: string[] = [];
  const run1 = interpret(module, "outer", [intValue(i32, 3)], { ctx, registry, output: (t) => printed.push(t) });
  assert.ok(isRight(run1));
  // The inner function's scope ends at its return, before the outer addi runs.
  assert.equal(log, ["scope of addi #1 ended", "scope of addi #2 ended"]);
  assert.equal(printed, ["addi #1\n", "addi #2\n"]);
  // A second run starts with fresh run state.
  interpret(module, "outer", [intValue(i32, 3)], { ctx, registry, output: (t) => printed.push(t) });
  assert.equal(printed.slice(2), ["addi #1\n", "addi #2\n"]);
});

test.run();
