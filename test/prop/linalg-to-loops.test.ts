/**
 * The lowerings of linalg on memrefs to loops (rewrites/linalg-to-loops/) on random programs of linalg on memrefs
 * (rewrites/testing/gen-linalg-memref.ts): the loops verify, round-trip, compute what the structured ops computed
 * (results and what was written to the memref arguments), and leave no linalg op; every lowering pattern and the
 * apply folding fire; and mlir-opt-16 --verify-each accepts a sample of the lowered programs.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AffineApplyOp } from "../../dialects/affine/index.ts";
import {
  convertLinalgToAffineLoopsPass,
  convertLinalgToLoopsPass,
  convertLinalgToParallelLoopsPass,
  linalgToAffineLoops,
  linalgToLoops,
  linalgToParallelLoops,
} from "../../rewrites/linalg-to-loops/linalg-to-loops.ts";
import { checkRewrite, DEFAULT_SEED } from "../../rewrites/testing/check-rewrite.ts";
import { linalgMemrefPrograms } from "../../rewrites/testing/gen-linalg-memref.ts";
import { lowering, mlir16RejectsSample } from "../support/mlir16-verify.ts";

const runs = Number(process.env.FC_RUNS ?? 60);
const programs = linalgMemrefPrograms({ elementTypes: ["f32", "i32"] });

const cases = [
  { def: convertLinalgToLoopsPass, pattern: linalgToLoops },
  { def: convertLinalgToAffineLoopsPass, pattern: linalgToAffineLoops },
  { def: convertLinalgToParallelLoopsPass, pattern: linalgToParallelLoops },
];

for (const { def, pattern } of cases) {
  test(`${def.name} preserves semantics on ${runs} random programs of linalg on memrefs`, () => {
    const r = checkRewrite({
      transform: lowering(def, ["linalg."]),
      programs,
      runs,
      coverage: { patterns: [pattern], folders: [AffineApplyOp] },
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
  });

  test(`mlir-opt-16 --verify-each accepts ${def.name}'s output on 12 random programs`, () => {
    const rejected = mlir16RejectsSample(programs, lowering(def, ["linalg."]), 12, DEFAULT_SEED);
    assert.ok(rejected === undefined, rejected);
  });
}

test.run();
