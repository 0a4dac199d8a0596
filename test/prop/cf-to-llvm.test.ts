/**
 * convert-cf-to-llvm on random arith programs with branches (diamonds of cf.cond_br and cf.br, and calls): the
 * programs with llvm branches verify, round-trip and compute what they computed, and the branch patterns fire.
 * The mlir-opt-16 golden (test/golden/cf-to-llvm/convert.mlir) checks the IR, switches included.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { f32, i1, i32, i64 } from "../../src/ir/types.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { cfToLLVMPatterns } from "../../rewrites/cf-to-llvm/cf-to-llvm.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { programs } from "../../rewrites/testing/programs.ts";

test("convert-cf-to-llvm preserves what random programs with branches compute", () => {
  const r = checkRewrite({
    transform: "builtin.module(convert-cf-to-llvm)",
    programs: programs({ types: [i1, i32, i64, f32], branches: true, calls: true }),
    runs: Number(process.env.CF_TO_LLVM_RUNS ?? 200),
    coverage: {
      patterns: cfToLLVMPatterns as unknown as readonly Pattern[],
      exclude: { "cf.switch-to-llvm": "the random programs branch by cf.cond_br and cf.br only; the golden checks switches" },
    },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test.run();
