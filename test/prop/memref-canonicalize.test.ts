/**
 * The memref canonicalization patterns and folders on random memref programs (rewrites/testing/gen-memref.ts):
 * the canonicalized program verifies, round-trips, and computes what it computed; every pattern and folder
 * fires in some program.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { memrefOps } from "../../dialects/memref/index.ts";
import { memrefCanonicalizationPatterns } from "../../rewrites/memref/canonicalize.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { memrefPrograms } from "../../rewrites/testing/gen-memref.ts";

const runs = Number(process.env.FC_RUNS ?? 100);

test(`memref canonicalization preserves semantics (${runs} random memref programs), and every pattern fires`, () => {
  const r = checkRewrite({
    transform: "builtin.module(func.func(canonicalize))",
    programs: memrefPrograms(),
    runs,
    coverage: {
      patterns: memrefCanonicalizationPatterns,
      folders: memrefOps,
      exclude: {
        "fold:memref.prefetch": "the generator makes no prefetches (a hint, its fold is the shared cast fold)",
        "fold:memref.dma_start": "DMA is not generated (the interpreter has no asynchronous copies to compare)",
        "fold:memref.dma_wait": "DMA is not generated",
        "memref.alloca-constant-sizes": "allocas in the generator have static sizes",
        "memref.alloca-dead": "the generator's allocas are read",
        "memref.realloc-dead": "realloc is not generated",
      },
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test.run();
