/**
 * convert-index-to-llvm on random index programs (rewrites/testing/gen-index.ts): the converted programs
 * verify, round-trip and compute what the index programs computed (the interpreter runs the llvm ops; index
 * values meet i64 through unrealized casts), and every pattern fires. The expansions of ceildivs, ceildivu and
 * floordivs compute MLIR 16's formulas, as the index interpreter does. The mlir-opt-16 golden
 * (test/golden/index-to-llvm/convert.mlir) checks the IR itself, with `index-bitwidth=32` too (not run here:
 * the interpreter's index is 64 bits, so a 32-bit program computes other values by design).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { indexOps } from "../../dialects/index/index.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { indexToLLVMPatterns } from "../../rewrites/index-to-llvm/index-to-llvm.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { indexPrograms } from "../../rewrites/testing/gen-index.ts";
import { programs } from "../../rewrites/testing/programs.ts";

{
  const pass = "convert-index-to-llvm";
  test(`${pass} preserves what random index programs compute, and every pattern fires`, () => {
    const r = checkRewrite({
      transform: `builtin.module(${pass})`,
      programs: programs({ ...indexPrograms, ops: indexOps }),
      runs: Number(process.env.INDEX_TO_LLVM_RUNS ?? 150),
      coverage: { patterns: indexToLLVMPatterns as unknown as readonly Pattern[] },
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
  });
}

test.run();
