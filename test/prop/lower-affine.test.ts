/**
 * lower-affine (rewrites/affine-to-standard/) on random loop programs: scalar programs grown around loop nests
 * (gen-loops.ts, with affine.min/max and mod/floordiv/ceildiv maps added here) and loop nests over memrefs
 * (gen-loop-memref.ts: affine.for, affine.parallel with reductions, affine.if, vector accesses, prefetches). The
 * lowered programs compute what the affine ones computed, no affine op is left, every pattern fires (but the DMA
 * ones: goldens only), and mlir-opt-16 --verify-each accepts a sample of the outputs.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { lowerAffinePass, lowerAffinePatterns } from "../../rewrites/affine-to-standard/lower-affine.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { loopMemrefPrograms } from "../../rewrites/testing/gen-loop-memref.ts";
import { loopNestExamples } from "../../rewrites/testing/gen-loops.ts";
import { programs } from "../../rewrites/testing/programs.ts";
import { lowering, mlir16RejectsSample } from "../support/mlir16-verify.ts";

const runs = Number(process.env.FC_RUNS ?? 120);
const T = { T: ["i8", "i32", "i64"] };
/** Maps gen-loops does not make: min/max of several results, mod/floordiv/ceildiv of possibly negative values. */
const extraExamples = [
  {
    ir: "^bb0(%x: $T):\n  %a = arith.constant ?{-7|-1|0|5|9} : index\n  %b = arith.constant ?{-2|3|4} : index\n" +
      "  %m = affine.min affine_map<(d0)[s0] -> (d0, s0, 8)>(%a)[%b]\n  %n = affine.max affine_map<(d0, d1) -> (d0 - d1, d1 * 2)>(%a, %b)\n" +
      "  %d = affine.apply affine_map<(d0)[s0] -> (d0 mod 4 + d0 floordiv 3 - s0 ceildiv 2)>(%a)[%b]\n" +
      "  %s = arith.addi %m, %n : index\n  %t = arith.addi %s, %d : index\n  %r = arith.index_cast %t : index to $T",
    types: T,
  },
];
const examples = [...loopNestExamples, ...extraExamples];
const loopPrograms = fc.oneof(programs({ examples, examplesPerProgram: { min: 2, max: examples.length }, maxSteps: 4 }), loopMemrefPrograms());
const lowered = lowering(lowerAffinePass, ["affine."]);

test(`lower-affine preserves semantics on ${runs} random loop programs, and every pattern fires`, () => {
  const r = checkRewrite({
    transform: lowered,
    programs: loopPrograms,
    runs,
    seed: 6,
    coverage: {
      patterns: lowerAffinePatterns.map((p) => ({ name: p.name }) as Pattern),
      exclude: {
        "affine.dma_start-lowering": "DMA is not generated (the interpreter has no asynchronous copies): test/golden/conversion/lower-affine.mlir",
        "affine.dma_wait-lowering": "DMA is not generated: test/golden/conversion/lower-affine.mlir",
      },
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test("mlir-opt-16 --verify-each accepts lower-affine's output on 20 random loop programs", () => {
  const rejected = mlir16RejectsSample(loopPrograms, lowered, 20, 6);
  assert.ok(rejected === undefined, rejected);
});

test.run();
