/**
 * Examples of the IR memref's view folders rewrite (fold-view.ts), by op name, for property tests: the program
 * generator grows random programs around them (rewrites/testing/examples.ts has the hole syntax). Each reads
 * an element back through the folded view, so a fold that changed what it views shows in the result.
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

export const memrefFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  "memref.reinterpret_cast": [
    // Through a cast, a reinterpret_cast and a subview at offset zero; not through a subview elsewhere.
    `%_t = arith.constant ?t : tensor<4x4xf32>
  %_m = bufferization.to_memref %_t : memref<4x4xf32>
  %_c = memref.cast %_m : memref<4x4xf32> to memref<?x?xf32>
  %_a = memref.reinterpret_cast %_c to offset: [1], sizes: [2, 2], strides: [3, 1] : memref<?x?xf32> to memref<2x2xf32, strided<[3, 1], offset: 1>>
  %_s = memref.subview %_m[0, 0] [2, 2] [1, 1] : memref<4x4xf32> to memref<2x2xf32, strided<[4, 1]>>
  %_b = memref.reinterpret_cast %_s to offset: [2], sizes: [2, 2], strides: [2, 1] : memref<2x2xf32, strided<[4, 1]>> to memref<2x2xf32, strided<[2, 1], offset: 2>>
  %_u = memref.subview %_m[1, 1] [2, 2] [1, 1] : memref<4x4xf32> to memref<2x2xf32, strided<[4, 1], offset: 5>>
  %_d = memref.reinterpret_cast %_u to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<2x2xf32, strided<[4, 1], offset: 5>> to memref<2x2xf32>
  %_r = memref.reinterpret_cast %_a to offset: [3], sizes: [3], strides: [4] : memref<2x2xf32, strided<[3, 1], offset: 1>> to memref<3xf32, strided<[4], offset: 3>>
  %_c1 = affine.apply affine_map<() -> (1)>()
  %va = memref.load %_a[%_c1, %_c1] : memref<2x2xf32, strided<[3, 1], offset: 1>>
  %vb = memref.load %_b[%_c1, %_c1] : memref<2x2xf32, strided<[2, 1], offset: 2>>
  %vd = memref.load %_d[%_c1, %_c1] : memref<2x2xf32>
  %vr = memref.load %_r[%_c1] : memref<3xf32, strided<[4], offset: 3>>`,
  ],
  "memref.expand_shape": [
    `%_t = arith.constant ?t : tensor<2x6xf32>
  %_m = bufferization.to_memref %_t : memref<2x6xf32>
  %_c = memref.collapse_shape %_m [[0, 1]] : memref<2x6xf32> into memref<12xf32>
  %_e = memref.expand_shape %_c [[0, 1]] : memref<12xf32> into memref<2x6xf32>
  %_c1 = affine.apply affine_map<() -> (1)>()
  %v = memref.load %_e[%_c1, %_c1] : memref<2x6xf32>`,
  ],
  "memref.collapse_shape": [
    `%_t = arith.constant ?t : tensor<12xf32>
  %_m = bufferization.to_memref %_t : memref<12xf32>
  %_e = memref.expand_shape %_m [[0, 1]] : memref<12xf32> into memref<3x4xf32>
  %_c = memref.collapse_shape %_e [[0, 1]] : memref<3x4xf32> into memref<12xf32>
  %_c7 = affine.apply affine_map<() -> (7)>()
  %v = memref.load %_c[%_c7] : memref<12xf32>`,
  ],
};
