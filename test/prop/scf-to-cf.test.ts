/**
 * convert-scf-to-cf (rewrites/scf-to-cf/) on random loop programs: scalar programs grown around loop nests
 * (gen-loops.ts, with an scf.execute_region and a do-while loop added here) and loop nests over memrefs
 * (gen-loop-memref.ts). The branches compute what the structured ops computed, no scf op is left, every pattern
 * fires, and mlir-opt-16 --verify-each accepts a sample of the outputs.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { convertScfToCfPass, scfToCfPatterns } from "../../rewrites/scf-to-cf/scf-to-cf.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { loopMemrefPrograms } from "../../rewrites/testing/gen-loop-memref.ts";
import { loopNestExamples } from "../../rewrites/testing/gen-loops.ts";
import { programs } from "../../rewrites/testing/programs.ts";
import { lowering, mlir16RejectsSample } from "../support/mlir16-verify.ts";

const runs = Number(process.env.FC_RUNS ?? 120);
const T = { T: ["i8", "i32", "i64"] };
/** What gen-loops does not make: an scf.execute_region with two blocks, a do-while loop (a forwarding `after` region). */
const extraExamples = [
  {
    ir: "^bb0(%x: $T, %y: $T):\n  %c = arith.cmpi ?{slt|eq}, %x, %y : $T\n  %r = scf.execute_region -> $T {\n    cf.cond_br %c, ^bb1, ^bb2\n  ^bb1:\n    scf.yield %x : $T\n  ^bb2:\n    %s = arith.addi %x, %y : $T\n    scf.yield %s : $T\n  }",
    types: T,
  },
  {
    ir: "^bb0(%x: $T):\n  %n = arith.constant ?{0|1|4} : index\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r:2 = scf.while (%k = %n, %a = %x) : (index, $T) -> (index, $T) {\n    %k2 = arith.shrui %k, %c1 : index\n    %a2 = arith.addi %a, %a : $T\n    %more = arith.cmpi ugt, %k2, %c0 : index\n    scf.condition(%more) %k2, %a2 : index, $T\n  } do {\n" +
      "  ^bb0(%k3: index, %a3: $T):\n    scf.yield %k3, %a3 : index, $T\n  }",
    types: T,
  },
];
const examples = [...loopNestExamples, ...extraExamples];
const loopPrograms = fc.oneof(programs({ examples, examplesPerProgram: { min: 2, max: examples.length }, maxSteps: 4 }), loopMemrefPrograms());

const lowered = lowering(convertScfToCfPass, ["scf."]);

test(`convert-scf-to-cf preserves semantics on ${runs} random loop programs, and every pattern fires`, () => {
  const r = checkRewrite({
    transform: lowered,
    programs: loopPrograms,
    runs,
    seed: 6,
    coverage: { patterns: scfToCfPatterns.map((p) => ({ name: p.name }) as Pattern) },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test("mlir-opt-16 --verify-each accepts convert-scf-to-cf's output on 20 random loop programs", () => {
  const rejected = mlir16RejectsSample(loopPrograms, lowered, 20, 6);
  assert.ok(rejected === undefined, rejected);
});

test.run();
