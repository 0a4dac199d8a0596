/**
 * Property test of the vector dialect's canonicalization (rewrites/vector/*.ts) and folds (dialects/vector/fold*.ts):
 * on random vector programs with masks (rewrites/testing/gen-vector.ts) and on random programs grown around the
 * patterns' and folders' examples, `canonicalize` keeps what the program computes, and every pattern and every
 * vector folder fires (one coverage table per group is printed). `FC_RUNS` (default 150 here; groups of few
 * entries run half as many) and `FC_SEED` apply: `FC_RUNS=2000` for a long run.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { vectorFoldExamples } from "../../dialects/vector/fold-examples.ts";
import { vectorOps } from "../../dialects/vector/index.ts";
import { vectorCanonicalizationPatterns } from "../../rewrites/vector/canonicalize.ts";
import { contractTransferPatterns } from "../../rewrites/vector/contract-transfer.ts";
import { insertShufflePatterns } from "../../rewrites/vector/insert-shuffle.ts";
import { maskedMemoryPatterns } from "../../rewrites/vector/masked-memory.ts";
import { stridedSlicePatterns } from "../../rewrites/vector/strided-slice.ts";
import { transferSlicePatterns } from "../../rewrites/vector/transfer-slices.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { vectorPrograms } from "../../rewrites/testing/gen-vector.ts";
import { examplesOf, programs } from "../../rewrites/testing/programs.ts";

const runs = Number(process.env.FC_RUNS ?? 150);
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

/**
 * The patterns and folders each test's programs are grown around: the core patterns go with the random vector
 * programs too; each group gets programs of its own, so that each of its examples occurs often enough to fire
 * (every group's coverage table must show each of its entries fired).
 */
const SLICE_AND_MEMORY_FOLDERS = ["vector.shuffle", "vector.insertelement", "vector.load", "vector.store", "vector.maskedload", "vector.maskedstore"];
const grouped = new Set<Pattern>([...insertShufflePatterns, ...stridedSlicePatterns, ...maskedMemoryPatterns, ...contractTransferPatterns, ...transferSlicePatterns]);
const basePatterns = vectorCanonicalizationPatterns.filter((p) => !grouped.has(p));
const opsNamed = (names: readonly string[]) => vectorOps.filter((op) => names.includes(op.info?.name ?? ""));
const foldExamplesOf = (names: readonly string[]) => names.flatMap((n) => vectorFoldExamples[n] ?? []);
const baseFolders = Object.keys(vectorFoldExamples).filter((n) => !SLICE_AND_MEMORY_FOLDERS.includes(n) && n !== "vector.extract");

test("canonicalize keeps what vector programs compute, and the core patterns fire", () => {
  const r = checkRewrite({
    transform: "builtin.module(func.func(canonicalize))",
    programs: fc.oneof(vectorPrograms(), programs({ examples: examplesOf(basePatterns), examplesPerProgram: { min: 2, max: 6 }, maxSteps: 4 })),
    runs,
    ...(seed === undefined ? {} : { seed }),
    coverage: { patterns: basePatterns, folders: [] },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
  if (r.ok) assert.ok(r.skipped < r.runs / 2, `most programs were skipped (${r.skipped} of ${r.runs})`);
});

const groups: Readonly<Record<string, { patterns: readonly Pattern[]; folders: readonly string[] }>> = {
  "shuffle, insert and insert_strided_slice patterns": { patterns: insertShufflePatterns, folders: [] },
  "extract_strided_slice patterns": { patterns: stridedSlicePatterns, folders: [] },
  "masked memory patterns": { patterns: maskedMemoryPatterns, folders: [] },
  "contraction and transfer patterns": { patterns: contractTransferPatterns, folders: [] },
  "transfer and tensor slice patterns": { patterns: transferSlicePatterns, folders: [] },
  "shape folders": { patterns: [], folders: baseFolders },
  "vector.extract folder": { patterns: [], folders: ["vector.extract"] },
  "shuffle, insertelement and memory folders": { patterns: [], folders: SLICE_AND_MEMORY_FOLDERS },
};
for (const [name, { patterns, folders }] of Object.entries(groups)) {
  test(`canonicalize keeps what programs around the ${name} compute, and each fires`, () => {
    const r = checkRewrite({
      transform: "builtin.module(func.func(canonicalize))",
      programs: programs({ examples: [...examplesOf(patterns), ...foldExamplesOf(folders)], examplesPerProgram: { min: 2, max: 6 }, maxSteps: 4 }),
      runs: folders.length > 8 ? runs : Math.ceil(runs / 2),
      ...(seed === undefined ? {} : { seed }),
      coverage: { patterns, folders: opsNamed(folders) },
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
