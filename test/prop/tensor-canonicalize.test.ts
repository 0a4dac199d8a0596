/**
 * The tensor and bufferization canonicalization patterns and folders on random tensor programs
 * (rewrites/testing/gen-tensor.ts, grown around the patterns' examples): the canonicalized program verifies,
 * round-trips, and computes what it computed; every pattern and folder fires in some program, except those
 * excluded below with the reason. Every example instantiates to IR that verifies, and the generated programs
 * run without undefined behaviour (so checkRewrite compares results on nearly all of them).
 *
 * TENSOR_PROP_RUNS, else FC_RUNS (what `npm run mutation` sets), else 200 runs; FC_SEED replays one.
 */
import fc from "fast-check";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bufferizationOps } from "../../dialects/bufferization/index.ts";
import { tensorOps } from "../../dialects/tensor/index.ts";
import { bufferizationCanonicalizationPatterns } from "../../rewrites/bufferization/canonicalize.ts";
import { newContext } from "../../rewrites/index.ts";
import { tensorCanonicalizationPatterns, tensorUnreachable } from "../../rewrites/tensor/canonicalize.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { tryInstantiate } from "../../rewrites/testing/examples.ts";
import { tensorPrograms } from "../../rewrites/testing/gen-tensor.ts";
import { examplesOf } from "../../rewrites/testing/programs.ts";
import { interpret } from "../../src/interp/engine.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { parseSource } from "../../src/text/parser.ts";

const ctx = newContext();
const patterns = [...tensorCanonicalizationPatterns, ...bufferizationCanonicalizationPatterns];
const examples = examplesOf(patterns);
const RUNS = Number(process.env.TENSOR_PROP_RUNS ?? process.env.FC_RUNS ?? 200);

test("every tensor and bufferization pattern example instantiates to IR that verifies", () => {
  for (const p of patterns) {
    // parallel_insert_slice lives in scf.foreach_thread, which random programs cannot hold (canonicalize-insert.ts).
    if (!p.name.startsWith("tensor.parallel_insert_slice-")) assert.ok((p.examples ?? []).length > 0, `${p.name} has no example`);
    for (const ex of p.examples ?? []) {
      const why = [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => tryInstantiate(ex, seed * 7919, ctx));
      assert.ok(why.some((w) => typeof w !== "string"), `an example of ${p.name} never verifies:\n${why[0]}`);
    }
  }
});

test("random tensor programs verify and run without undefined behaviour (nearly always)", () => {
  const samples = fc.sample(tensorPrograms({ examples }), { numRuns: 60, seed: 5 });
  let ran = 0;
  for (const p of samples) {
    const m = parseSource(p.text, ctx);
    assert.ok(!isLeft(m) && !isLeft(verify(m.right, { ctx })), p.text);
    if (!isLeft(m) && !isLeft(interpret(m.right, p.fn, p.args, { ctx }))) ran++;
  }
  assert.ok(ran >= 54, `only ${ran} of 60 programs ran`);
});

test(`tensor and bufferization canonicalization preserves semantics (${RUNS} random tensor programs), and every pattern and folder fires`, () => {
  const r = checkRewrite({
    transform: "builtin.module(func.func(canonicalize))",
    programs: tensorPrograms({ examples }),
    runs: RUNS,
    seed: Number(process.env.FC_SEED ?? 17),
    coverage: {
      patterns,
      folders: [...tensorOps, ...bufferizationOps],
      exclude: Object.fromEntries(tensorUnreachable),
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
  if (r.ok) assert.ok(r.skipped < r.runs / 10, `too many programs skipped (${r.skipped} of ${r.runs})`);
});

test.run();
