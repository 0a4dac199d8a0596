/**
 * Interpreter semantics of the bufferization ops (dialects/bufferization/interp.ts): to_tensor copies a buffer
 * into a value (later writes do not show through), to_memref gives a new buffer the program may not free,
 * clone gives a new heap buffer, alloc_tensor a tensor of its shape or a copy.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type MemRefValue, type RuntimeValue, type ShapedValue, intValue, loadElement, memrefOf, shapedValue, storeElement } from "../../src/interp/index.ts";
import { i32, index, memref, tensor } from "../../src/ir/types.ts";
import { run, runError } from "../support/interp.ts";

const elementsOf = (v: RuntimeValue | undefined): number[] => (v as ShapedValue).elements.toArray().map(Number);

test("to_tensor copies: writing the buffer afterwards does not change the tensor", () => {
  const m = `func.func @f(%m: memref<3xi32>) -> tensor<3xi32> {
    %t = bufferization.to_tensor %m : memref<3xi32>
    return %t : tensor<3xi32>
  }`;
  const buf = memrefOf(memref([3], i32), [1n, 2n, 3n]);
  const [t] = run(m, "f", [buf]);
  storeElement(buf, [0], 9n);
  assert.equal(elementsOf(t), [1, 2, 3]);
});

test("to_memref and clone give new buffers with the contents", () => {
  const m = `func.func @f(%t: tensor<2xi32>) -> (memref<2xi32>, memref<2xi32>, tensor<2xi32>) {
    %m = bufferization.to_memref %t : memref<2xi32>
    %c = bufferization.clone %m : memref<2xi32> to memref<2xi32>
    %u = bufferization.to_tensor %c : memref<2xi32>
    return %m, %c, %u : memref<2xi32>, memref<2xi32>, tensor<2xi32>
  }`;
  const [mm, c, u] = run(m, "f", [shapedValue(tensor([2], i32), [4n, 5n])]);
  const [a, b] = [mm as MemRefValue, c as MemRefValue];
  assert.is.not(a.allocation, b.allocation, "clone allocates");
  assert.is(b.allocation.allocKind, "heap");
  assert.is(a.allocation.allocKind, "external", "a to_memref buffer is not the program's to free");
  assert.equal([loadElement(b, [0]), loadElement(b, [1])], [4n, 5n]);
  assert.equal(elementsOf(u), [4, 5]);
});

test("alloc_tensor: a tensor of the given sizes, or a copy", () => {
  const m = `func.func @f(%n: index, %t: tensor<?xi32>) -> (tensor<?x2xi32>, tensor<?xi32>) {
    %a = bufferization.alloc_tensor(%n) : tensor<?x2xi32>
    %b = bufferization.alloc_tensor() copy(%t) : tensor<?xi32>
    bufferization.dealloc_tensor %a : tensor<?x2xi32>
    return %a, %b : tensor<?x2xi32>, tensor<?xi32>
  }`;
  const t = shapedValue(tensor([-(2 ** 63)], i32), [7n, 8n, 9n], [3]);
  const [a, b] = run(m, "f", [intValue(index, 3), t]);
  assert.equal((a as ShapedValue).shape, [3, 2]);
  assert.equal(elementsOf(b), [7, 8, 9]);
  assert.is(runError(m, "f", [intValue(index, -1), t]).kind, "undefined-behavior");
});

test.run();
