/**
 * Every pass Tensile ships, property-tested with checkRewrite on random programs: the output verifies,
 * round-trips through text, and computes what the input computed (the interpreter is the oracle).
 * FC_RUNS overrides the number of runs (default 500 each); FC_SEED replays a run.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../rewrites/index.ts";
import { newPassRegistry } from "../../rewrites/index.ts";
import { checkRewrite, type Transform } from "../../rewrites/testing/check-rewrite.ts";
import { arithAndMathOps, programs, type ProgramOptions } from "../../rewrites/testing/programs.ts";
import type { FloatTolerance } from "../../src/interp/compare.ts";

const runs = Number(process.env.FC_RUNS ?? 500);
const s = suite("shipped passes preserve semantics");

function check(name: string, transform: Transform, programOpts: ProgramOptions, tolerance?: FloatTolerance): void {
  s(`${name} (${runs} random programs)`, () => {
    const r = checkRewrite({ transform, programs: programs(programOpts), runs, ...(tolerance === undefined ? {} : { tolerance }) });
    assert.ok(r.ok, r.ok ? "" : r.message);
    if (r.ok) assert.ok(r.skipped < r.runs, `most programs were skipped (${r.skipped} of ${r.runs})`);
  });
}

check("canonicalize: arith folds and patterns, cf branches", "builtin.module(func.func(canonicalize))", {});
// math folds compute transcendental functions through the host libm: allow what the interpreter documents.
check("canonicalize: math and arith", "builtin.module(func.func(canonicalize))", { ops: arithAndMathOps }, { ulps: 2 });
check("cse", "builtin.module(func.func(cse))", {});
check("dce", "builtin.module(func.func(dce))", {});
check("inline then symbol-dce", "builtin.module(inline,symbol-dce)", { calls: true });
check("a whole pipeline", "builtin.module(inline,symbol-dce,func.func(canonicalize,cse),canonicalize)", { calls: true, ops: arithAndMathOps }, { ulps: 2 });

s.run();
