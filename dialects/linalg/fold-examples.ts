/**
 * Examples of the IR linalg's folder rewrites (foldStructuredMemRefCast in structured-common.ts: the memref.cast
 * fold of linalg.generic and of every named op), for property tests: gen-linalg splices them into its programs
 * (rewrites/testing/examples.ts has the hole syntax). Each writes a buffer through a cast and reads it back as
 * a tensor, so a fold that changed what was written shows in the program's result.
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

const id2 = "affine_map<(d0, d1) -> (d0, d1)>";

export const linalgFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  "linalg.generic": [
    `%a = arith.constant ?a : tensor<2x3x$T>
  %m = bufferization.to_memref %a : memref<2x3x$T>
  %mc = memref.cast %m : memref<2x3x$T> to memref<?x?x$T>
  %d = memref.alloc() : memref<2x3x$T>
  %dc = memref.cast %d : memref<2x3x$T> to memref<?x3x$T>
  linalg.generic {indexing_maps = [${id2}, ${id2}], iterator_types = ["parallel", "parallel"]} ins(%mc : memref<?x?x$T>) outs(%dc : memref<?x3x$T>) { ^bb0(%in: $T, %out: $T): linalg.yield %in : $T }
  %r = bufferization.to_tensor %d : memref<2x3x$T>`,
  ],
  "linalg.fill": [
    `^bb0(%x: $T):
  %d = memref.alloc() : memref<3x$T>
  %dc = memref.cast %d : memref<3x$T> to memref<?x$T>
  linalg.fill ins(%x : $T) outs(%dc : memref<?x$T>)
  %r = bufferization.to_tensor %d : memref<3x$T>`,
  ],
  "linalg.matmul": [
    `%a = arith.constant ?a : tensor<2x3x$T>
  %b = arith.constant ?b : tensor<3x2x$T>
  %c = arith.constant ?c : tensor<2x2x$T>
  %ma = bufferization.to_memref %a : memref<2x3x$T>
  %mb = bufferization.to_memref %b : memref<3x2x$T>
  %mbc = memref.cast %mb : memref<3x2x$T> to memref<?x2x$T>
  %mc = memref.alloc() : memref<2x2x$T>
  memref.tensor_store %c, %mc : memref<2x2x$T>
  %mcc = memref.cast %mc : memref<2x2x$T> to memref<?x?x$T>
  linalg.matmul ins(%ma, %mbc : memref<2x3x$T>, memref<?x2x$T>) outs(%mcc : memref<?x?x$T>)
  %r = bufferization.to_tensor %mc : memref<2x2x$T>`,
  ],
};
