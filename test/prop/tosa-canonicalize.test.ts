/**
 * TOSA's canonicalization patterns and folders on random TOSA programs (rewrites/testing/gen-tosa.ts): every
 * rewrite verifies, round-trips and computes the same as the original (the interpreter is the oracle), and
 * every pattern and every folder fires in some program (the coverage table is printed). Every example of
 * every pattern and folder instantiates to IR that verifies.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { tosaFoldExamples } from "../../dialects/tosa/fold-examples.ts";
import { tosaOps } from "../../dialects/tosa/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { hasFolder } from "../../rewrites/testing/coverage.ts";
import { fillExample, seeded } from "../../rewrites/testing/examples.ts";
import { tosaProgram, tosaPrograms } from "../../rewrites/testing/gen-tosa.ts";
import { examplesOf } from "../../rewrites/testing/programs.ts";
import { tosaCanonicalizationPatterns } from "../../rewrites/tosa/canonicalize.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { parseSource } from "../../src/text/parser.ts";

const ctx = newContext();
const patternExamples = examplesOf(tosaCanonicalizationPatterns);
const foldExamples = Object.values(tosaFoldExamples).flat();
// TOSA_PROP_RUNS, else FC_RUNS (what `npm run mutation` sets), else 300.
const RUNS = Number(process.env.TOSA_PROP_RUNS ?? process.env.FC_RUNS ?? 300);

test("every pattern and folder has examples, and each instantiates to IR that verifies", () => {
  for (const p of tosaCanonicalizationPatterns) assert.ok((p.examples ?? []).length > 0, p.name);
  const folders = tosaOps.filter(hasFolder).map((op) => op.info.name);
  assert.equal(folders.filter((n) => tosaFoldExamples[n] === undefined), [], "folders without examples");
  for (const ex of [...patternExamples, ...foldExamples]) {
    for (let seed = 0; seed < 12; seed++) {
      const text = fillExample(ex, seeded(seed));
      const lines = text.split("\n");
      const m = /^\^bb0\((.*)\):$/.exec(lines[0]?.trim() ?? "");
      const src = `func.func @f(${m?.[1] ?? ""}) {\n${(m === null ? lines : lines.slice(1)).join("\n")}\n  return\n}`;
      const r = parseSource(src, ctx);
      assert.ok(!isLeft(r), `${isLeft(r) ? r.left.message : ""}\n${src}`);
      if (!isLeft(r)) assert.ok(!isLeft(verify(r.right, { ctx })), src);
    }
  }
});

test("random TOSA programs verify and run", () => {
  for (let seed = 0; seed < 30; seed++) {
    const p = tosaProgram(seed, { examples: patternExamples });
    const r = parseSource(p.text, ctx);
    assert.ok(!isLeft(r) && !isLeft(verify(r.right, { ctx })), p.text);
  }
});

test("the canonicalization patterns and folders preserve semantics, and each fires", () => {
  const r = checkRewrite({
    transform: tosaCanonicalizationPatterns,
    programs: tosaPrograms({ examples: [...patternExamples, ...foldExamples] }),
    runs: RUNS,
    seed: Number(process.env.FC_SEED ?? 7),
    coverage: { patterns: tosaCanonicalizationPatterns, folders: tosaOps },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test("the canonicalize pass (every dialect's patterns and folders) on TOSA programs preserves semantics", () => {
  const r = checkRewrite({
    transform: "builtin.module(func.func(canonicalize))",
    programs: tosaPrograms({ examples: [...patternExamples, ...foldExamples] }),
    runs: Math.ceil(RUNS / 3),
    seed: Number(process.env.FC_SEED ?? 11),
    coverage: false,
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test.run();
