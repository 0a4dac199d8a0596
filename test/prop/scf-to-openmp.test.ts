/**
 * convert-scf-to-openmp (rewrites/scf-to-openmp/) on random loop programs whose scf.parallel loops have no
 * reductions (gen-loop-memref.ts and gen-loops.ts, filtered): the omp.parallel + omp.wsloop output runs in the
 * interpreter (a team of one thread, dialects/omp/interp.ts) and computes and writes what the scf.parallel loops
 * did; no scf.parallel is left; mlir-opt-16 --verify-each accepts a sample. Reductions become llvm.alloca/load/
 * store and omp.reduction.declare with llvm ops, which the interpreter does not run: they are checked against
 * mlir-opt-16 by test/golden/conversion/scf-to-openmp.mlir.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { convertScfToOpenMPPass, parallelToOpenMP } from "../../rewrites/scf-to-openmp/scf-to-openmp.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { loopMemrefPrograms } from "../../rewrites/testing/gen-loop-memref.ts";
import { loopNestExamples } from "../../rewrites/testing/gen-loops.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { programs } from "../../rewrites/testing/programs.ts";
import { lowering, mlir16RejectsSample } from "../support/mlir16-verify.ts";
import { isLeft } from "fp-ts/lib/Either.js";
import { dcePass } from "../../rewrites/transforms/dce.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { RewriteListener } from "../../src/rewrite/rewriter.ts";

const runs = Number(process.env.FC_RUNS ?? 40);
const withoutReductions = loopNestExamples.filter((e) => !(typeof e === "string" ? e : e.ir).includes("scf.reduce"));
const parallelPrograms = fc
  .oneof(loopMemrefPrograms(), programs({ examples: withoutReductions, examplesPerProgram: { min: 1, max: 3 }, maxSteps: 3 }))
  .filter((c) => c.text.includes("scf.parallel") && !c.text.includes("scf.reduce"));
const openmp = lowering(convertScfToOpenMPPass, ["scf.parallel"]);
const deadCode = lowering(dcePass, []);
/**
 * The pass, then dead-code elimination: like MLIR 16, the pass makes an `llvm.mlir.constant 1 : i64` (the
 * reduction variables' alloca size) even for loops without reductions, and the interpreter has no llvm ops.
 */
const lowered = (module: Operation, ctx: Context, listener?: RewriteListener) => {
  const r = openmp(module, ctx, listener);
  return isLeft(r) ? r : deadCode(module, ctx);
};

test(`convert-scf-to-openmp's output computes what scf.parallel did, in the interpreter (${runs} random loop programs)`, () => {
  const r = checkRewrite({
    transform: lowered,
    programs: parallelPrograms,
    runs,
    seed: 6,
    coverage: { patterns: [{ name: parallelToOpenMP.name } as Pattern] },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test("mlir-opt-16 --verify-each accepts convert-scf-to-openmp's output on 20 random loop programs", () => {
  const rejected = mlir16RejectsSample(parallelPrograms, openmp, 20, 6);
  assert.ok(rejected === undefined, rejected);
});

test.run();
