/**
 * Canonicalization patterns of the omp dialect (MLIR 16's AtomicUpdateOp::canonicalize), as the
 * `ompCanonicalization` extension a Context loads.
 */
import type { Value } from "../../src/ir/value.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { AtomicUpdateOp, AtomicWriteOp, YieldOp } from "../../dialects/omp/index.ts";

/**
 * An atomic update whose body only yields its argument does nothing, and one whose body only yields another
 * value is an atomic write of it (MLIR's AtomicUpdateOp::canonicalize):
 *
 *   omp.atomic.update %x : memref<f32> {              (erased)
 *   ^bb0(%old: f32):
 *     omp.yield(%old : f32)
 *   }
 *   omp.atomic.update %x : memref<f32> {        ->    omp.atomic.write %x = %v : memref<f32>, f32
 *   ^bb0(%old: f32):
 *     omp.yield(%v : f32)
 *   }
 */
export const simplifyAtomicUpdate = rewrite({
  name: "omp.atomic.update-trivial",
  root: AtomicUpdateOp,
  apply(op, rw) {
    const body = op.region.entry;
    const first = body?.first;
    if (!(first instanceof YieldOp) || first.values.length !== 1) return rw.fail("the body computes something");
    const yielded = first.values[0] as Value;
    if (yielded === body?.args[0]) {
      rw.eraseOp(op);
      return rw.done();
    }
    rw.replaceOpWithNew(op, AtomicWriteOp, {
      address: op.x,
      value: yielded,
      ...(op.hint_val === undefined ? {} : { hint_val: op.hint_val }),
      ...(op.memory_order_val === undefined ? {} : { memory_order_val: op.memory_order_val }),
    });
    return rw.done();
  },
});

export const ompCanonicalizationPatterns: readonly Pattern[] = [simplifyAtomicUpdate];

/** The patterns as an extension of the omp dialect, for a Context to load. */
export const ompCanonicalization = defineDialectExtension({
  name: "omp-canonicalization",
  dialects: ["omp"],
  canonicalization: ompCanonicalizationPatterns,
});
