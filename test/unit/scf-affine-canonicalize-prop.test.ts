/**
 * The scf and affine canonicalization patterns (and the affine folders) on random programs grown around their
 * examples (and the folders' examples, dialects/affine/fold-examples.ts) and around random loop nests
 * (rewrites/testing/gen-loops.ts), and on random loop nests over memref arguments
 * (rewrites/testing/gen-loop-memref.ts, every other program): the patterns preserve what the programs compute
 * and what they write, and every pattern and folder fires (the coverage table is printed; one that never fires
 * fails the test, by name). FC_RUNS sets the runs (default 150 here: loops make programs slower to run);
 * LOOP_SETS=scf or LOOP_SETS=affine runs one of the two sets (the mutation killers of each dialect's files).
 */
import fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AffineApplyOp, AffineMaxOp, AffineMinOp } from "../../dialects/affine/index.ts";
import { affineCanonicalizationPatterns } from "../../rewrites/affine/canonicalize.ts";
import { scfCanonicalizationPatterns } from "../../rewrites/scf/canonicalize.ts";
import { scfTensorCanonicalizationPatterns } from "../../rewrites/scf/tensor-patterns.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { loopNestExamples } from "../../rewrites/testing/gen-loops.ts";
import { loopMemrefPrograms } from "../../rewrites/testing/gen-loop-memref.ts";
import { examplesOf, programs } from "../../rewrites/testing/programs.ts";
import { instantiate } from "../../rewrites/testing/examples.ts";
import { newContext } from "../../rewrites/index.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { affineFoldExamples } from "../../dialects/affine/fold-examples.ts";

const runs = Number(process.env.FC_RUNS ?? 150);
// A fixed default seed: some seeds grow many loops whose random bounds run into the interpreter's step limit,
// which takes minutes (each such program is skipped after a million steps). FC_SEED explores others.
const seed = Number(process.env.FC_SEED ?? 6);
const sets = new Set((process.env.LOOP_SETS ?? "scf,affine").split(","));
const s = suite("scf and affine canonicalization on random loop programs");

s("every loop-nest example parses and verifies with some filling", () => {
  const ctx = newContext();
  for (const [i, ex] of loopNestExamples.entries()) assert.ok(instantiate(ex, i + 1, ctx) !== undefined, `loop example #${i}`);
});


function patternSet(name: string, patterns: readonly Pattern[], folders: readonly (typeof Operation)[] = [], exclude: Readonly<Record<string, string>> = {}): void {
  s(`${name} (${runs} random programs: the set's examples and random loop nests)`, () => {
    const foldExamples = folders.flatMap((f) => affineFoldExamples[f.info?.name ?? ""] ?? []);
    const examples = [...examplesOf(patterns), ...foldExamples, ...loopNestExamples];
    const r = checkRewrite({
      transform: patterns,
      programs: fc.oneof(programs({ examples, examplesPerProgram: { min: Math.ceil(examples.length / 3), max: examples.length }, maxSteps: 4 }), loopMemrefPrograms()),
      runs,
      seed,
      coverage: { patterns, folders, exclude },
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
    // Random index inputs are often huge: maps of them leave the 64-bit range or divide by zero (undefined
    // behaviour, so the program is skipped), as with the arith folder sets.
    if (r.ok) assert.ok(r.skipped < 3 * r.runs, `too many programs were skipped (${r.skipped} for ${r.runs} runs)`);
  });
}

if (sets.has("scf")) patternSet("scf", scfCanonicalizationPatterns);
if (sets.has("scf")) {
  patternSet("scf on tensors", scfTensorCanonicalizationPatterns, [], {
    "scf.foreach_thread.dim": "scf.foreach_thread with shared outputs does not run in the interpreter (golden: test/golden/scf/canonicalize.mlir)",
  });
}
if (sets.has("affine")) patternSet("affine", affineCanonicalizationPatterns, [AffineApplyOp, AffineMinOp, AffineMaxOp]);

s.run();
