/**
 * The TOSA lowerings (tosa-to-linalg, tosa-to-tensor, tosa-to-arith) on random TOSA programs
 * (rewrites/testing/gen-tosa.ts, grown around rewrites/tosa-to-linalg/examples.ts): each pass alone, and the
 * whole chain, verifies, round-trips, and computes what the TOSA program computed (the interpreter is the
 * oracle; floats bit-exact: the lowerings compute what the spec, and the interpreter, compute), and every
 * conversion pattern fires in some program (the coverage table is printed).
 *
 * TOSA_LOWER_RUNS (default 100) sizes each check.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkRewrite, type Transform } from "../../rewrites/testing/check-rewrite.ts";
import type { CoverageSpec } from "../../rewrites/testing/coverage.ts";
import { tosaPrograms } from "../../rewrites/testing/gen-tosa.ts";
import type { ProgramCase } from "../../rewrites/testing/programs.ts";
import { tosaLoweringExamples } from "../../rewrites/tosa-to-linalg/examples.ts";
import { tosaToLinalgPatterns } from "../../rewrites/tosa-to-linalg/tosa-to-linalg.ts";
import { tosaToTensorPatterns } from "../../rewrites/tosa-to-tensor/tosa-to-tensor.ts";
import { constToArith } from "../../rewrites/tosa-to-arith/tosa-to-arith.ts";
import type fc from "fast-check";

const RUNS = Number(process.env.TOSA_LOWER_RUNS ?? 100);
const s = suite("TOSA lowerings preserve semantics");

/** Named TOSA ops are tosa-to-linalg-named's: tosa-to-linalg alone refuses them (a full conversion). */
const NAMED = /"tosa\.(conv2d|matmul|fully_connected|depthwise_conv2d|max_pool2d|avg_pool2d)"/;
const withoutNamed = (p: fc.Arbitrary<ProgramCase>): fc.Arbitrary<ProgramCase> => p.filter((c) => !NAMED.test(c.text));
const programs = () => tosaPrograms({ examples: tosaLoweringExamples });

function check(name: string, transform: Transform, arb: fc.Arbitrary<ProgramCase>, coverage: CoverageSpec | false): void {
  s(`${name} (${RUNS} random programs)`, () => {
    const r = checkRewrite({ transform, programs: arb, runs: RUNS, coverage });
    assert.ok(r.ok, r.ok ? "" : r.message);
    if (r.ok) assert.ok(r.skipped < r.runs, `most programs were skipped (${r.skipped} of ${r.runs})`);
  });
}

check("tosa-to-linalg", "builtin.module(func.func(tosa-to-linalg))", withoutNamed(programs()), { patterns: tosaToLinalgPatterns });
check("tosa-to-tensor", "builtin.module(tosa-to-tensor)", programs(), { patterns: tosaToTensorPatterns });
check("tosa-to-arith", "builtin.module(tosa-to-arith)", programs(), { patterns: [constToArith] });
check(
  "the chain tosa-to-linalg, tosa-to-tensor, tosa-to-arith",
  "builtin.module(func.func(tosa-to-linalg),tosa-to-tensor,tosa-to-arith)",
  withoutNamed(programs()),
  { patterns: [...tosaToLinalgPatterns, ...tosaToTensorPatterns, constToArith] },
);

s.run();
