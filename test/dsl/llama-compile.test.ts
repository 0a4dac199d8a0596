/**
 * The LLaMA decoder block of the DSL (examples/dsl-llama-block.ts) traced to TOSA, compiled by Tensile for the
 * host (tensile-lower-to-llvm, translation, O3, ld.lld-14) and run on aligned typed arrays, against the
 * interpreter's run of the same TOSA module. The compiled block uses the polynomial approximations of exp
 * (softmax) and the libm calls where the interpreter is correctly rounded, so the comparison is within a
 * relative 1e-4 of each result's largest magnitude.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { traceBlock } from "../../examples/dsl-llama-block.ts";
import { alignedArray } from "../../codegen/aligned.ts";
import { compile } from "../../codegen/compile.ts";
import { release, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { funcName } from "../../dialects/func/index.ts";
import { interpretTraced } from "../../frontends/dsl/index.ts";
import { blockData, past, seq } from "./llama-data.ts";

test("the LLaMA block compiled for the host computes the interpreter's results", () => {
  const traced = traceBlock(seq, past);
  const d = blockData(4);
  const want = interpretTraced(traced, d.values) as Float64Array[];
  const lib = compile(traced.module, { cacheDir: false, ctx: traced.ctx });
  if (isLeft(lib)) return assert.unreachable(lib.left.map((x) => x.message).join("\n"));
  try {
    const args = traced.arguments.map((a) => {
      const values = d.values[a.name] as ArrayLike<number>;
      const data = alignedArray(Float32Array, values.length);
      data.set(Array.from(values, Math.fround));
      return { data, shape: a.shape as number[] };
    });
    const got = lib.right.functions[funcName(traced.func)]!.call(...args) as ReturnedArray[];
    assert.is(got.length, want.length);
    want.forEach((w, k) => {
      const g = got[k]!.data as Float32Array;
      assert.is(g.length, w.length, `result ${k}'s length`);
      const scale = Math.max(...Array.from(w, Math.abs));
      const worst = w.reduce((m, x, i) => Math.max(m, Math.abs(x - g[i]!)), 0);
      console.log(`    result ${k} (${traced.results[k]?.name}): ${w.length} values, largest difference ${worst.toExponential(2)} of magnitude ${scale.toExponential(2)}`);
      assert.ok(worst <= 1e-4 * scale, `result ${k}: difference ${worst} against magnitude ${scale}`);
    });
    for (const r of got) release(r);
  } finally {
    lib.right.unload();
  }
});

test.run();
