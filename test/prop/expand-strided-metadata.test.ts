/**
 * expand-strided-metadata (rewrites/memref/expand-strided-metadata.ts) on random memref programs (gen-memref.ts:
 * subviews of allocations and casts, collapses, nested views) and on a family of view programs written here
 * (expand_shape with static and dynamic sizes, collapse_shape, nested and rank-reducing subviews with dynamic
 * offsets, sizes and strides, views of allocas), each run on random contents and positions: the views, now
 * reinterpret_casts of base buffers, read and write what they did; every pattern fires (the aligned-pointer one:
 * goldens only); mlir-opt-16 --verify-each accepts a sample of the outputs.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { floatValue, intValue } from "../../src/interp/values.ts";
import { memrefOf } from "../../src/interp/memref.ts";
import { f32, index, MemRefType } from "../../src/ir/types.ts";
import { expandStridedMetadataPass, expandStridedMetadataPatterns } from "../../rewrites/memref/expand-strided-metadata.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { memrefPrograms } from "../../rewrites/testing/gen-memref.ts";
import type { ProgramCase } from "../../rewrites/testing/programs.ts";
import { lowering, mlir16RejectsSample } from "../support/mlir16-verify.ts";

const runs = Number(process.env.FC_RUNS ?? 120);

/** Views of `%m: memref<6x8xf32>` at `%i` in [0, 2], `%j` in [0, 3], `%n` in [1, 3]; each returns what it reads. */
const VIEWS: readonly string[] = [
  // A dynamic subview of a dynamic subview, read and written.
  `%s = memref.subview %m[%i, %j] [%n, 4] [1, 1] : memref<6x8xf32> to memref<?x4xf32, strided<[8, 1], offset: ?>>
  %t = memref.subview %s[0, 1] [%n, 2] [1, 2] : memref<?x4xf32, strided<[8, 1], offset: ?>> to memref<?x2xf32, strided<[8, 2], offset: ?>>
  memref.store %x, %t[%c0, %c1] : memref<?x2xf32, strided<[8, 2], offset: ?>>
  %r = memref.load %s[%c0, %c3] : memref<?x4xf32, strided<[8, 1], offset: ?>>`,
  // A rank-reducing subview.
  `%s = memref.subview %m[%i, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: ?>>
  %r = memref.load %s[%j] : memref<8xf32, strided<[1], offset: ?>>`,
  // expand_shape, static and dynamic, then collapse_shape back.
  `%e = memref.expand_shape %m [[0, 1], [2]] : memref<6x8xf32> into memref<2x3x8xf32>
  %c = memref.collapse_shape %e [[0], [1, 2]] : memref<2x3x8xf32> into memref<2x24xf32>
  memref.store %x, %c[%c1, %j] : memref<2x24xf32>
  %r = memref.load %e[%c1, %c0, %j] : memref<2x3x8xf32>`,
  `%d = memref.cast %m : memref<6x8xf32> to memref<?x8xf32>
  %e = memref.expand_shape %d [[0, 1], [2]] : memref<?x8xf32> into memref<?x2x8xf32>
  %f = memref.collapse_shape %e [[0, 1, 2]] : memref<?x2x8xf32> into memref<?xf32>
  %k = arith.addi %j, %n : index
  %r = memref.load %f[%k] : memref<?xf32>`,
  // A subview of an alloca and of an alloc with a dynamic size, copied through.
  `%a = memref.alloca() : memref<4x4xf32>
  %b = memref.alloc(%n) : memref<?x4xf32>
  memref.store %x, %a[%c1, %c1] : memref<4x4xf32>
  memref.store %x, %b[%c0, %c3] : memref<?x4xf32>
  %s = memref.subview %a[1, %n] [2, 1] [1, 1] : memref<4x4xf32> to memref<2x1xf32, strided<[4, 1], offset: ?>>
  %t = memref.subview %b[0, 2] [%n, 2] [1, 1] : memref<?x4xf32> to memref<?x2xf32, strided<[4, 1], offset: 2>>
  %u = memref.load %t[%c0, %c1] : memref<?x2xf32, strided<[4, 1], offset: 2>>
  memref.store %u, %s[%c1, %c0] : memref<2x1xf32, strided<[4, 1], offset: ?>>
  %r = memref.load %a[%c2, %n] : memref<4x4xf32>
  memref.dealloc %b : memref<?x4xf32>`,
];

const viewPrograms: fc.Arbitrary<ProgramCase> = fc
  .tuple(fc.nat({ max: VIEWS.length - 1 }), fc.nat({ max: 2 }), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 48, maxLength: 48 }))
  .map(([v, i, j, n, elements]) => ({
    text: [
      "func.func @f(%m: memref<6x8xf32>, %i: index, %j: index, %n: index, %x: f32) -> f32 {",
      "  %c0 = arith.constant 0 : index",
      "  %c1 = arith.constant 1 : index",
      "  %c2 = arith.constant 2 : index",
      "  %c3 = arith.constant 3 : index",
      `  ${VIEWS[v] as string}`,
      "  return %r : f32",
      "}",
    ].join("\n"),
    fn: "f",
    args: [memrefOf(MemRefType.get([6, 8], f32), elements.map((e) => e / 2)), intValue(index, i), intValue(index, j), intValue(index, n), floatValue(f32, 7.5)],
  }));

const lowered = lowering(expandStridedMetadataPass, ["memref.subview", "memref.expand_shape", "memref.collapse_shape"]);
const allPrograms = fc.oneof(memrefPrograms(), viewPrograms);

test(`expand-strided-metadata preserves semantics on ${runs} random memref programs, and every pattern fires`, () => {
  const r = checkRewrite({
    transform: lowered,
    programs: allPrograms,
    runs,
    coverage: {
      patterns: expandStridedMetadataPatterns,
      exclude: { "expand-strided-metadata.aligned-pointer-of-view": "an address is no value to compare: test/golden/conversion/expand-strided-metadata-driver-order.mlir" },
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test("mlir-opt-16 --verify-each accepts expand-strided-metadata's output on 20 random memref programs", () => {
  const rejected = mlir16RejectsSample(allPrograms, lowered, 20, 7);
  assert.ok(rejected === undefined, rejected);
});

test.run();
