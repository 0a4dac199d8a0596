/**
 * Every shipped canonicalization pattern set and folder set, property-tested on random programs grown around
 * their examples (Pattern.examples, and each dialect's folder examples): the canonicalizer preserves what the
 * programs compute, and every pattern and folder of the set fires (the coverage table is printed; one that
 * never fires fails the test, by name). FC_RUNS sets the runs (default 500), FC_SEED replays, and PROP_SETS
 * (comma-separated set names) runs only some sets (`npm run mutation` uses it to run only a file's killers).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { arithOps } from "../../dialects/arith/index.ts";
import { arithFoldExamples } from "../../dialects/arith/fold-examples.ts";
import { mathOps } from "../../dialects/math/index.ts";
import { mathFoldExamples } from "../../dialects/math/fold-examples.ts";
import { arithCastPatterns, arithFloatSelectPatterns, arithIntPatterns } from "../../rewrites/arith/canonicalize.ts";
import { cfCanonicalizationPatterns } from "../../rewrites/cf/canonicalize.ts";
import { funcCanonicalizationPatterns } from "../../rewrites/func/canonicalize.ts";
import { arithLeftAlone, canonicalizeChecked, mathLeftAlone } from "../../rewrites/testing/canonical-form.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { type CoverageSpec, hasFolder } from "../../rewrites/testing/coverage.ts";
import { arithAndMathOps, examplesOf, type ProgramOptions, programs } from "../../rewrites/testing/programs.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { FloatTolerance } from "../../src/interp/compare.ts";
import type { Pattern, RewriteExample } from "../../src/rewrite/pattern.ts";

const runs = Number(process.env.FC_RUNS ?? 500);
const only = process.env.PROP_SETS?.split(",").map((s) => s.trim());
const s = suite("shipped pattern and folder sets fire, and preserve semantics");
/**
 * The canonicalizer, then its postcondition (rewrites/testing/canonical-form.ts): nothing left that folds, and
 * constants on the right of commutative ops. A missed fold computes the same, so only this sees it.
 */
const canonicalize = canonicalizeChecked((op, operands, results) => (op.name.startsWith("math.") ? mathLeftAlone : arithLeftAlone)(op, operands, results));

/**
 * `skipRatio`: how many programs (per run) may be skipped for undefined behaviour. Folder sets have more: their
 * programs divide, shift and convert constants, and one division by zero anywhere skips the program.
 */
function check(name: string, coverage: CoverageSpec, programOpts: ProgramOptions, tolerance?: FloatTolerance, skipRatio = 1): void {
  if (only !== undefined && !only.includes(name)) return;
  s(`${name} (${runs} random programs grown around the set's examples)`, () => {
    const r = checkRewrite({ transform: canonicalize, programs: programs(programOpts), runs, coverage, ...(tolerance === undefined ? {} : { tolerance }) });
    assert.ok(r.ok, r.ok ? "" : r.message);
    if (r.ok) assert.ok(r.skipped < skipRatio * r.runs, `too many programs were skipped (${r.skipped} for ${r.runs} runs)`);
  });
}

/**
 * A pattern set on programs with half to all of its examples each (drawn with replacement): each example is
 * then in about half the programs, and its pattern fires in a fifth or more of them (other patterns and folds
 * get to some first; a constant hole filled with 0 folds some away).
 */
const patternSet = (name: string, patterns: readonly Pattern[], opts: ProgramOptions = {}): void => {
  const examples = examplesOf(patterns);
  check(name, { patterns }, { examples, examplesPerProgram: { min: Math.ceil(examples.length / 2), max: examples.length }, ...opts });
};

/** The folder examples of `ops` (those with examples), for `programs({ examples })`. */
const foldExamples = (ops: readonly (typeof Operation)[], table: Readonly<Record<string, readonly RewriteExample[]>>): RewriteExample[] =>
  ops.flatMap((o) => table[o.info?.name ?? ""] ?? []);

patternSet("arith-int", arithIntPatterns);
patternSet("arith-cast", arithCastPatterns);
patternSet("arith-float", arithFloatSelectPatterns);
patternSet("cf", [...cfCanonicalizationPatterns, ...funcCanonicalizationPatterns]);
// Few random steps (2, not 10) and a few focus steps per program: each may divide by zero or shift too far,
// and a program with undefined behaviour anywhere is skipped. The examples (12 to 24 of about 70) are the
// point: each is then in a quarter of the programs.
check("arith-folds", { folders: arithOps }, {
  examples: foldExamples(arithOps, arithFoldExamples),
  focus: arithOps.filter(hasFolder),
  examplesPerProgram: { min: 12, max: 24 },
  focusPerProgram: { min: 2, max: 6 },
  maxSteps: 2,
}, undefined, 3);
// math folds compute transcendental functions through the host libm: allow what the interpreter documents.
check("math-folds", { folders: mathOps }, { ops: arithAndMathOps, examples: foldExamples(mathOps, mathFoldExamples), focus: mathOps.filter(hasFolder) }, { ulps: 2 }, 3);

s.run();
