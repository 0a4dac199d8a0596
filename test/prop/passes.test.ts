/**
 * Every pass Tensile ships, property-tested with checkRewrite on random programs: the output verifies,
 * round-trips through text, and computes what the input computed (the interpreter is the oracle).
 * FC_RUNS overrides the number of runs (default 500 each); FC_SEED replays a run.
 *
 * The canonicalizer's programs also grow around a few examples of the canonicalization patterns, and every
 * registered pattern must fire in some program (the coverage table is printed); test/prop/patterns.test.ts
 * checks each pattern and folder set on its own, with more of its examples per program.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { checkRewrite, type Transform } from "../../rewrites/testing/check-rewrite.ts";
import type { CoverageSpec } from "../../rewrites/testing/coverage.ts";
import { arithAndMathOps, examplesOf, programs, type ProgramOptions } from "../../rewrites/testing/programs.ts";
import type { FloatTolerance } from "../../src/interp/compare.ts";
import { tosaCanonicalizationPatterns } from "../../rewrites/tosa/canonicalize.ts";

const runs = Number(process.env.FC_RUNS ?? 500);
const s = suite("shipped passes preserve semantics");

function check(name: string, transform: Transform, programOpts: ProgramOptions, tolerance?: FloatTolerance, coverage?: CoverageSpec): void {
  s(`${name} (${runs} random programs)`, () => {
    const extra = { ...(tolerance === undefined ? {} : { tolerance }), ...(coverage === undefined ? {} : { coverage }) };
    const r = checkRewrite({ transform, programs: programs(programOpts), runs, ...extra });
    assert.ok(r.ok, r.ok ? "" : r.message);
    if (r.ok) assert.ok(r.skipped < r.runs, `most programs were skipped (${r.skipped} of ${r.runs})`);
  });
}

// Every registered canonicalization pattern, two to six of their examples in each program. TOSA's patterns
// match tensor programs, which these scalar programs are not: test/prop/tosa-canonicalize.test.ts runs them
// (and the canonicalize pass) on random TOSA programs and checks that each fires there.
const canonicalization = newContext().canonicalizationPatterns;
// The tensor and bufferization examples grow into tensor programs in test/prop/tensor-canonicalize.test.ts instead:
// here they would only dilute the others'.
const isTensorLevel = (name: string): boolean => name.startsWith("tensor.") || name.startsWith("bufferization.");
const withExamples: ProgramOptions = { examples: examplesOf(canonicalization.filter((p) => !isTensorLevel(p.name))), examplesPerProgram: { min: 2, max: 6 } };
// The memref and omp patterns match memrefs, which these scalar programs never hold: test/prop/memref-canonicalize.test.ts
// checks the memref ones on random memref programs (where each must fire); the omp one has goldens only so far. So
// do the affine patterns on memory accesses: test/unit/scf-affine-canonicalize-prop.test.ts runs them on loop nests
// over memrefs (rewrites/testing/gen-loop-memref.ts), where each must fire.
const AFFINE_MEMORY = new Set(["affine.load.compose", "affine.store.compose", "affine.vector_load.compose", "affine.vector_store.compose", "affine.prefetch.compose", "affine.if.dead-else"]);
const elsewhere = Object.fromEntries([
  ...canonicalization
    .filter((p) => p.name.startsWith("memref.") || p.name.startsWith("omp."))
    .map((p) => [p.name, p.name.startsWith("memref.") ? "a memref pattern: test/prop/memref-canonicalize.test.ts checks it on memref programs" : "an omp pattern: no omp program generator yet (goldens only)"]),
  ...tosaCanonicalizationPatterns.map((p) => [p.name, "a TOSA pattern: test/prop/tosa-canonicalize.test.ts checks it on TOSA programs"]),
  ["scf.foreach_thread.dim", "scf.foreach_thread with shared outputs does not run in the interpreter (golden: test/golden/scf/canonicalize.mlir)"],
  ...["scf.for.tensor-cast", "scf.for.last-tensor-load"].map((n) => [
    n,
    "an scf pattern on tensors, rarely left to fire among all the tensor patterns: test/unit/scf-affine-canonicalize-prop.test.ts checks it on its own examples",
  ]),
  ...["scf.parallel.merge-nested", "scf.while.invariant-value-yielded", "scf.while.cmp-cond", "scf.execute_region.inline-single-block", "affine.min.merge"].map((n) => [
    n,
    "fires in under 1% of these programs (its example is one of ~170): test/unit/scf-affine-canonicalize-prop.test.ts requires it to fire on the scf/affine examples and loop nests",
  ]),
  ...[...AFFINE_MEMORY].map((n) => [n, "an affine pattern on memory accesses: test/unit/scf-affine-canonicalize-prop.test.ts checks it on loop nests over memrefs"]),
  ...canonicalization
    .filter((p) => isTensorLevel(p.name))
    .map((p) => [p.name, "a tensor or bufferization pattern: test/prop/tensor-canonicalize.test.ts checks it on tensor programs (where each must fire)"]),
  [
    "linalg.tensor-cast-consumer",
    "test/unit/linalg-canonicalize.test.ts checks it on linalg programs; here tensor's FoldTensorCastProducerOp (as in MLIR 16) folds its examples' casts into the op first",
  ],
]);
check("canonicalize: arith folds and patterns, cf branches", "builtin.module(func.func(canonicalize))", withExamples, undefined, { patterns: canonicalization, exclude: elsewhere });
// math folds compute transcendental functions through the host libm: allow what the interpreter documents.
check("canonicalize: math and arith", "builtin.module(func.func(canonicalize))", { ops: arithAndMathOps }, { ulps: 2 });
check("cse", "builtin.module(func.func(cse))", {});
check("dce", "builtin.module(func.func(dce))", {});
check("inline then symbol-dce", "builtin.module(inline,symbol-dce)", { calls: true });
check("a whole pipeline", "builtin.module(inline,symbol-dce,func.func(canonicalize,cse),canonicalize)", { calls: true, ops: arithAndMathOps }, { ulps: 2 });

s.run();
