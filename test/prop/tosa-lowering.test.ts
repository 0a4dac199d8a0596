/**
 * The TOSA lowerings (tosa-to-linalg-named, tosa-to-linalg, tosa-to-tensor, tosa-to-arith, tosa-to-scf) on random TOSA programs
 * (rewrites/testing/gen-tosa.ts, grown around rewrites/tosa-to-linalg/examples.ts): each pass alone, and the
 * whole chain, verifies, round-trips, and computes what the TOSA program computed (the interpreter is the
 * oracle; floats bit-exact, but for the convolutions' padding: see `finiteConvolutions`), and every
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
import { tosaToScfPatterns } from "../../rewrites/tosa-to-scf/tosa-to-scf.ts";
import { tosaToTensorPatterns } from "../../rewrites/tosa-to-tensor/tosa-to-tensor.ts";
import { constToArith, tosaToArithPatterns } from "../../rewrites/tosa-to-arith/tosa-to-arith.ts";
import { tosaToLinalgNamedPatterns } from "../../rewrites/tosa-to-linalg/named.ts";
import type { FloatTolerance } from "../../src/interp/compare.ts";
import type fc from "fast-check";

const RUNS = Number(process.env.TOSA_LOWER_RUNS ?? 100);
const s = suite("TOSA lowerings preserve semantics");

/**
 * Named TOSA ops are tosa-to-linalg-named's, and control flow tosa-to-scf's (tosa.yield is illegal in
 * tosa-to-linalg, as in MLIR 16): tosa-to-linalg alone refuses them (a full conversion).
 */
const NAMED = /"tosa\.(conv2d|matmul|fully_connected|depthwise_conv2d|max_pool2d|avg_pool2d|cond_if|while_loop)"/;
const withoutNamed = (p: fc.Arbitrary<ProgramCase>): fc.Arbitrary<ProgramCase> => p.filter((c) => !NAMED.test(c.text));
const programs = () => tosaPrograms({ examples: tosaLoweringExamples });

/**
 * Convolutions: the lowering pads the input with zeros and multiplies them too (as MLIR 16's does), where the
 * spec leaves padding out of the sum. So an infinite or NaN weight over padding gives NaN, and a -0.0
 * accumulator plus a +0.0 product gives +0.0: programs with non-finite constants (printed in hex) next to a
 * convolution are left out, and zeros compare without their sign.
 */
const CONV = /"tosa\.(conv2d|depthwise_conv2d)"/;
const finiteConvolutions = (p: fc.Arbitrary<ProgramCase>): fc.Arbitrary<ProgramCase> => p.filter((c) => !CONV.test(c.text) || !/0x[0-9A-F]{4}/.test(c.text));
const convTolerance: FloatTolerance = { ignoreZeroSign: true };

function check(name: string, transform: Transform, arb: fc.Arbitrary<ProgramCase>, coverage: CoverageSpec | false, tolerance?: FloatTolerance): void {
  s(`${name} (${RUNS} random programs)`, () => {
    const r = checkRewrite({ transform, programs: arb, runs: RUNS, coverage, ...(tolerance === undefined ? {} : { tolerance }) });
    assert.ok(r.ok, r.ok ? "" : r.message);
    if (r.ok) assert.ok(r.skipped < r.runs, `most programs were skipped (${r.skipped} of ${r.runs})`);
  });
}

check("tosa-to-linalg-named", "builtin.module(func.func(tosa-to-linalg-named))", finiteConvolutions(programs()), { patterns: tosaToLinalgNamedPatterns }, convTolerance);
check("tosa-to-linalg", "builtin.module(func.func(tosa-to-linalg))", withoutNamed(programs()), { patterns: tosaToLinalgPatterns });
check("tosa-to-tensor", "builtin.module(tosa-to-tensor)", programs(), { patterns: tosaToTensorPatterns });
check("tosa-to-arith", "builtin.module(tosa-to-arith)", programs(), { patterns: [constToArith] });
check("tosa-to-scf", "builtin.module(tosa-to-scf)", programs(), { patterns: tosaToScfPatterns });
check(
  "the chain tosa-to-scf, tosa-to-linalg-named, tosa-to-linalg, tosa-to-tensor, tosa-to-arith",
  "builtin.module(tosa-to-scf,func.func(tosa-to-linalg-named,tosa-to-linalg),tosa-to-tensor,tosa-to-arith{include-apply-rescale=true})",
  finiteConvolutions(programs()),
  { patterns: [...tosaToScfPatterns, ...tosaToLinalgNamedPatterns, ...tosaToLinalgPatterns, ...tosaToTensorPatterns, ...tosaToArithPatterns] },
  convTolerance,
);

s.run();
