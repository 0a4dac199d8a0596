/**
 * Interpreter semantics of the omp dialect (dialects/omp/interp.ts): a team of one thread runs every construct
 * in program order, so parallel loops, reductions through their declarations, atomics and tasks compute what
 * the sequential program computes (hand-computed here).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { floatValue, intValue, loadElement, memrefOf, type RuntimeValue } from "../../src/interp/index.ts";
import { f32, i32, IndexType, memref } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const index = IndexType.get();
const ix = (n: number): RuntimeValue => intValue(index, n);

const DECLS = `
omp.reduction.declare @add_f32 : f32
init {
^bb0(%arg: f32):
  %0 = arith.constant 0.0 : f32
  omp.yield (%0 : f32)
}
combiner {
^bb1(%a: f32, %b: f32):
  %1 = arith.addf %a, %b : f32
  omp.yield (%1 : f32)
}
omp.reduction.declare @max_i32 : i32
init {
^bb0(%arg: i32):
  %0 = arith.constant -2147483648 : i32
  omp.yield (%0 : i32)
}
combiner {
^bb1(%a: i32, %b: i32):
  %1 = arith.maxsi %a, %b : i32
  omp.yield (%1 : i32)
}
`;

test("a parallel worksharing loop with reductions sums and maxes like the sequential loop", () => {
  const text = `${DECLS}
func.func @f(%xs: memref<5xf32>, %ys: memref<5xi32>, %sum: memref<f32>, %max: memref<i32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  omp.parallel {
    omp.wsloop reduction(@add_f32 -> %sum : memref<f32>, @max_i32 -> %max : memref<i32>) for (%i) : index = (%c0) to (%c5) step (%c1) {
      %x = memref.load %xs[%i] : memref<5xf32>
      %y = memref.load %ys[%i] : memref<5xi32>
      omp.reduction %x, %sum : memref<f32>
      omp.reduction %y, %max : memref<i32>
      omp.yield
    }
    omp.terminator
  }
  return
}`;
  const xs = memrefOf(memref([5], f32), [1, 2, 3, 4, 5.5]);
  const ys = memrefOf(memref([5], i32), [3n, -7n, 12n, 0n, 11n]);
  const sum = memrefOf(memref([], f32), [100]);
  const max = memrefOf(memref([], i32), [5n]);
  run(text, "f", [xs, ys, sum, max]);
  // The private copies start from init (0, INT_MIN) and are combined into the variables at the end.
  assert.is(loadElement(sum, []), 115.5);
  assert.is(loadElement(max, []), 12n);
});

test("loop nests run every point in order: inclusive bounds and steps; the body sees each iv", () => {
  const text = `
func.func @f(%out: memref<3x4xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  omp.wsloop for (%i, %j) : index = (%c0, %c1) to (%c2, %c3) inclusive step (%c2, %c1) {
    %a = arith.index_cast %i : index to i32
    %b = arith.index_cast %j : index to i32
    %c10 = arith.constant 10 : i32
    %t = arith.muli %a, %c10 : i32
    %v = arith.addi %t, %b : i32
    memref.store %v, %out[%i, %j] : memref<3x4xi32>
    omp.yield
  }
  return
}`;
  const out = memrefOf(memref([3, 4], i32), new Array(12).fill(-1n));
  run(text, "f", [out]);
  const got = [0, 1, 2].map((i) => [0, 1, 2, 3].map((j) => loadElement(out, [i, j])));
  assert.equal(got, [
    [-1n, 1n, 2n, 3n],
    [-1n, -1n, -1n, -1n],
    [-1n, 21n, 22n, 23n],
  ]);
});

test("atomics: read, write, update and capture act on the variable a memref points to", () => {
  const text = `
func.func @f(%x: memref<f32>, %v: memref<f32>, %d: f32) {
  omp.atomic.update %x : memref<f32> {
  ^bb0(%old: f32):
    %new = arith.mulf %old, %d : f32
    omp.yield(%new : f32)
  }
  omp.atomic.capture {
    omp.atomic.read %v = %x : memref<f32>
    omp.atomic.update %x : memref<f32> {
    ^bb0(%old: f32):
      %new = arith.addf %old, %d : f32
      omp.yield(%new : f32)
    }
  }
  return
}
func.func @g(%x: memref<f32>, %v: memref<f32>, %d: f32) {
  omp.atomic.write %x = %d : memref<f32>, f32
  omp.atomic.read %v = %x : memref<f32>
  return
}`;
  const x = memrefOf(memref([], f32), [3]);
  const v = memrefOf(memref([], f32), [0]);
  run(text, "f", [x, v, floatValue(f32, 2)]);
  assert.is(loadElement(v, []), 6); // captured after the first update, before the second
  assert.is(loadElement(x, []), 8);
  run(text, "g", [x, v, floatValue(f32, -1.5)]);
  assert.equal([loadElement(x, []), loadElement(v, [])], [-1.5, -1.5]);
});

test("single, master, critical, sections, tasks and taskloops each run their work once, in order", () => {
  const text = `
omp.critical.declare @lock
func.func @f(%log: memref<8xi32>, %n: memref<index>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  omp.parallel {
    omp.single {
      %k = memref.load %n[] : memref<index>
      %v = arith.constant 1 : i32
      memref.store %v, %log[%k] : memref<8xi32>
      %k1 = arith.addi %k, %c1 : index
      memref.store %k1, %n[] : memref<index>
      omp.terminator
    }
    omp.critical(@lock) {
      %k = memref.load %n[] : memref<index>
      %v = arith.constant 2 : i32
      memref.store %v, %log[%k] : memref<8xi32>
      %k1 = arith.addi %k, %c1 : index
      memref.store %k1, %n[] : memref<index>
      omp.terminator
    }
    omp.sections {
      omp.section {
        %k = memref.load %n[] : memref<index>
        %v = arith.constant 3 : i32
        memref.store %v, %log[%k] : memref<8xi32>
        %k1 = arith.addi %k, %c1 : index
        memref.store %k1, %n[] : memref<index>
        omp.terminator
      }
      omp.terminator
    }
    omp.barrier
    omp.terminator
  }
  omp.taskloop for (%i) : index = (%c0) to (%c3) step (%c1) {
    %k = memref.load %n[] : memref<index>
    %v = arith.index_cast %i : index to i32
    %c10 = arith.constant 10 : i32
    %w = arith.addi %v, %c10 : i32
    memref.store %w, %log[%k] : memref<8xi32>
    %k1 = arith.addi %k, %c1 : index
    memref.store %k1, %n[] : memref<index>
    omp.terminator
  }
  omp.task {
    %k = memref.load %n[] : memref<index>
    %v = arith.constant 4 : i32
    memref.store %v, %log[%k] : memref<8xi32>
    omp.terminator
  }
  omp.taskwait
  return
}`;
  const log = memrefOf(memref([8], i32), new Array(8).fill(0n));
  const n = memrefOf(memref([], index), [0n]);
  run(text, "f", [log, n]);
  assert.equal(Array.from({ length: 8 }, (_, i) => loadElement(log, [i])), [1n, 2n, 3n, 10n, 11n, 12n, 4n, 0n]);
});

test("an omp loop with a step that is not positive is undefined behaviour; cancel is not supported", () => {
  const text = `
func.func @f(%s: index) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  omp.wsloop for (%i) : index = (%c0) to (%c4) step (%s) {
    omp.yield
  }
  return
}`;
  assert.is(runError(text, "f", [ix(0)]).kind, "undefined-behavior");
  run(text, "f", [ix(2)]);
  const cancel = `
func.func @f() {
  omp.parallel {
    omp.cancel cancellation_construct_type(parallel)
    omp.terminator
  }
  return
}`;
  assert.is(runError(cancel, "f", []).kind, "unsupported");
});

test.run();
