/**
 * The memref canonicalization patterns and folders on random memref programs (rewrites/testing/gen-memref.ts):
 * the canonicalized program verifies, round-trips, and computes what it computed; every pattern and folder
 * fires in some program: on the random memref programs, or (for the patterns and folders gen-memref's steps do
 * not make) on random programs grown around their examples.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { memrefOps } from "../../dialects/memref/index.ts";
import { memrefFoldExamples } from "../../dialects/memref/fold-examples.ts";
import { memrefCanonicalizationPatterns } from "../../rewrites/memref/canonicalize.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { memrefPrograms } from "../../rewrites/testing/gen-memref.ts";
import { examplesOf, programs } from "../../rewrites/testing/programs.ts";

const runs = Number(process.env.FC_RUNS ?? 100);

// memref.view's patterns: the interpreter cannot run memref.view (its buffers hold elements, not bytes).
const VIEW = new Set(["memref.view-constant-sizes", "memref.view-of-cast-of-alloc"]);
const viewExclusions = Object.fromEntries([...VIEW].map((n) => [n, "memref.view is not interpretable (typed buffers, not bytes): goldens only"]));
// The patterns checked on their examples: those with examples, but for the ones gen-memref makes anyway.
const byExamples = memrefCanonicalizationPatterns.filter((p) => (p.examples?.length ?? 0) > 0);

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
        ...Object.fromEntries(byExamples.map((p) => [p.name, "not made by gen-memref's steps: fires on its examples (the next test)"])),
        ...Object.fromEntries(Object.keys(memrefFoldExamples).map((n) => [`fold:${n}`, "not made by gen-memref's steps: fires on its examples (the next test)"])),
        ...viewExclusions,
      },
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test(`the memref patterns and folders gen-memref does not make, on ${runs} random programs grown around their examples`, () => {
  const folderExamples = Object.values(memrefFoldExamples).flat();
  const r = checkRewrite({
    transform: "builtin.module(func.func(canonicalize))",
    programs: programs({ examples: [...examplesOf(byExamples), ...folderExamples], examplesPerProgram: { min: 2, max: 6 } }),
    runs,
    coverage: {
      patterns: byExamples,
      folders: memrefOps.filter((o) => (o.info?.name ?? "") in memrefFoldExamples),
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
  if (r.ok) assert.ok(r.skipped < r.runs, `most programs were skipped (${r.skipped} of ${r.runs})`);
});

test.run();
