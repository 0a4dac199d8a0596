/**
 * linalg's canonicalization patterns (rewrites/linalg/canonicalize.ts) property-tested on random programs of
 * linalg on tensors (rewrites/testing/gen-linalg.ts) with the patterns' examples spliced in: the rewritten
 * programs verify, round-trip and compute what the originals computed, and every pattern fires (coverage).
 * The generator itself is checked too: its programs verify and use every kind of step. FC_RUNS sets the runs
 * (default 150 here: each program runs linalg ops over tensors in the interpreter), FC_SEED replays.
 */
import { isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { linalgCanonicalizationPatterns } from "../../rewrites/linalg/canonicalize.ts";
import { linalgOps } from "../../dialects/linalg/index.ts";
import { linalgFoldExamples } from "../../dialects/linalg/fold-examples.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { hasFolder } from "../../rewrites/testing/coverage.ts";
import { buildLinalgProgram, linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { examplesOf } from "../../rewrites/testing/programs.ts";
import { newContext } from "../../rewrites/index.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { parserIn } from "../support/pass-tests.ts";

const test = suite("linalg canonicalization");
const runs = Number(process.env.FC_RUNS ?? 150);
const seed = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

test("the generator's programs verify, and cover every kind of step", () => {
  const parse = parserIn(newContext());
  const seen = new Set<string>();
  for (let s = 0; s < 60; s++) {
    const { text } = buildLinalgProgram(s);
    const m = parse(text);
    const v = verify(m);
    assert.ok(isRight(v), `program ${s} does not verify:\n${text}`);
    m.walk((op) => {
      if (op.name.startsWith("linalg.")) seen.add(op.name);
    });
  }
  for (const name of ["linalg.generic", "linalg.reduce", "linalg.fill", "linalg.map", "linalg.transpose", "linalg.broadcast", "linalg.conv_2d_nhwc_hwcf", "linalg.matmul", "linalg.elemwise_binary"]) {
    assert.ok(seen.has(name), `no program has a ${name}`);
  }
});

// The folders under test: linalg.generic's and the named ops' (one hook, foldStructuredMemRefCast); the examples
// cover generic, fill and matmul, and the other named ops share the hook (their folds are excluded with that reason).
const folders = linalgOps.filter(hasFolder);
const sameHook = folders.map((o) => o.info?.name ?? "").filter((n) => !(n in linalgFoldExamples));

test(`the patterns and folds preserve semantics and each fires (${runs} random linalg programs)`, () => {
  const r = checkRewrite({
    transform: linalgCanonicalizationPatterns,
    programs: linalgPrograms({ examples: [...examplesOf(linalgCanonicalizationPatterns), ...Object.values(linalgFoldExamples).flat()] }),
    runs,
    coverage: {
      patterns: linalgCanonicalizationPatterns,
      folders,
      exclude: Object.fromEntries(sameHook.map((n) => [`fold:${n}`, "the same fold hook as linalg.fill's and linalg.matmul's (foldStructuredMemRefCast), which fire"])),
    },
    ...seed,
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test.run();
