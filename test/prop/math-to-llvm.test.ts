/**
 * convert-math-to-llvm on random arith and math programs (rewrites/testing/programs.ts): the programs with math
 * ops as LLVM intrinsics verify, round-trip and compute what they computed (the intrinsics' semantics are the
 * math ops', so the comparison is exact), and every pattern fires. The mlir-opt-16 golden
 * (test/golden/math-to-llvm/convert.mlir) checks the IR itself.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { f16, f32, f64, i1, i32, i64, i8, index } from "../../src/ir/types.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { mathToLLVMPatterns } from "../../rewrites/math-to-llvm/math-to-llvm.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { arithAndMathOps, programs } from "../../rewrites/testing/programs.ts";
import * as M from "../../dialects/math/index.ts";

test("convert-math-to-llvm preserves what random math programs compute, and every pattern fires", () => {
  const lowered = new Set<unknown>(mathToLLVMPatterns.map((p) => p.rootName));
  const r = checkRewrite({
    transform: "builtin.module(convert-math-to-llvm)",
    programs: programs({
      ops: arithAndMathOps,
      focus: M.math.ops.filter((op) => lowered.has(op.info?.name)),
      types: [i1, i8, i32, i64, index, f16, f32, f64],
    }),
    runs: Number(process.env.MATH_TO_LLVM_RUNS ?? 300),
    coverage: { patterns: mathToLLVMPatterns as unknown as readonly Pattern[] },
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

test.run();
