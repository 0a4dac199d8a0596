/**
 * Property test of the vector dialect's canonicalization (rewrites/vector/canonicalize.ts) and folds
 * (dialects/vector/fold.ts): on random vector programs with masks (rewrites/testing/gen-vector.ts) and on random
 * programs grown around the patterns' and folders' examples, `canonicalize` keeps what the program computes,
 * and every pattern and every vector folder fires (the coverage table is printed). `FC_RUNS` (default 150 here)
 * and `FC_SEED` apply.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { vectorFoldExamples } from "../../dialects/vector/fold-examples.ts";
import { vectorOps } from "../../dialects/vector/index.ts";
import { vectorCanonicalizationPatterns } from "../../rewrites/vector/canonicalize.ts";
import { insertShufflePatterns } from "../../rewrites/vector/insert-shuffle.ts";
import { maskedMemoryPatterns } from "../../rewrites/vector/masked-memory.ts";
import { stridedSlicePatterns } from "../../rewrites/vector/strided-slice.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { vectorPrograms } from "../../rewrites/testing/gen-vector.ts";
import { examplesOf, programs } from "../../rewrites/testing/programs.ts";

const runs = Number(process.env.FC_RUNS ?? 150);
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

/**
 * The patterns each group's programs are grown around: the folders and the first patterns go with the random
 * vector programs; each later group gets programs of its own, so that each of its examples occurs often
 * enough to fire (every group's coverage table must show each of its patterns fired).
 */
const grouped = new Set<Pattern>([...insertShufflePatterns, ...stridedSlicePatterns, ...maskedMemoryPatterns]);
const basePatterns = vectorCanonicalizationPatterns.filter((p) => !grouped.has(p));

test("canonicalize keeps what vector programs compute, and every vector folder and the core patterns fire", () => {
  const examples = [...examplesOf(basePatterns), ...Object.values(vectorFoldExamples).flat()];
  const r = checkRewrite({
    transform: "builtin.module(func.func(canonicalize))",
    programs: fc.oneof(vectorPrograms(), programs({ examples, examplesPerProgram: { min: 3, max: 8 }, maxSteps: 4 })),
    runs,
    ...(seed === undefined ? {} : { seed }),
    coverage: { patterns: basePatterns, folders: vectorOps },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
  if (r.ok) assert.ok(r.skipped < r.runs / 2, `most programs were skipped (${r.skipped} of ${r.runs})`);
});

const groups: Readonly<Record<string, readonly Pattern[]>> = {
  "shuffle, insert and insert_strided_slice": insertShufflePatterns,
  extract_strided_slice: stridedSlicePatterns,
  "masked memory ops": maskedMemoryPatterns,
};
for (const [name, patterns] of Object.entries(groups)) {
  test(`canonicalize keeps what programs around the ${name} patterns compute, and each fires`, () => {
    const r = checkRewrite({
      transform: "builtin.module(func.func(canonicalize))",
      programs: programs({ examples: examplesOf(patterns), examplesPerProgram: { min: 2, max: 6 }, maxSteps: 4 }),
      runs: Math.ceil(runs / 2),
      ...(seed === undefined ? {} : { seed }),
      coverage: { patterns, folders: [] },
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
    if (r.ok) assert.ok(r.skipped < r.runs / 2, `most programs were skipped (${r.skipped} of ${r.runs})`);
  });
}

test("every vector folder has examples, and the random vector programs parse, verify and run", () => {
  const folded = vectorOps.filter((op) => (op.info as { behaviour?: { fold?: unknown } } | undefined)?.behaviour?.fold !== undefined);
  for (const op of folded) assert.ok((vectorFoldExamples[op.info?.name ?? ""] ?? []).length > 0, `${op.info?.name} has fold examples`);
  const r = checkRewrite({ transform: [], programs: vectorPrograms(), runs: 60, coverage: false });
  assert.ok(r.ok, r.ok ? "" : r.message);
  if (r.ok) assert.ok(r.skipped < 10, `${r.skipped} of 60 random vector programs were skipped (undefined behaviour or unsupported)`);
});

test.run();
