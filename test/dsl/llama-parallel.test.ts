/**
 * The LLaMA decoder block of the DSL (examples/dsl-llama-block.ts) compiled with the parallel pipeline
 * (linalg's parallel loops as OpenMP worksharing loops on libomp) and run on 1 and 2 threads: the two runs give
 * the same bits (every element is computed by one thread, in the sequential order), and both equal the
 * interpreter within the sequential test's bound (llama-compile: 1e-4 of each result's largest magnitude). The
 * second compile is a load from the cache: the team size is a run-time setting.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { traceBlock } from "../../examples/dsl-llama-block.ts";
import { alignedArray } from "../../codegen/aligned.ts";
import { compile, firstOpenMPOp, lowerToLLVMDialect } from "../../codegen/compile.ts";
import { release, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { funcName } from "../../dialects/func/index.ts";
import { interpretTraced } from "../../frontends/dsl/index.ts";
import { blockData, past, seq } from "./llama-data.ts";

test("the LLaMA block compiled parallel gives the same bits on 2 threads as on 1, and the interpreter's results", () => {
  const traced = traceBlock(seq, past);
  const d = blockData(4);
  const want = interpretTraced(traced, d.values) as Float64Array[];
  const lowered = lowerToLLVMDialect(traced.module, { ctx: traced.ctx, parallel: true });
  if (isLeft(lowered)) return assert.unreachable(lowered.left.map((x) => x.message).join("\n"));
  let loops = 0;
  lowered.right.walk((op) => void (op.name === "omp.wsloop" && loops++));
  assert.ok(firstOpenMPOp(lowered.right) !== undefined && loops > 10, `only ${loops} worksharing loops`);
  const cacheDir = mkdtempSync(join(tmpdir(), "tensile-llama-omp-"));
  try {
    const runs = [1, 2].map((threads) => {
      const lib = compile(traced.module, { cacheDir, ctx: traced.ctx, threads });
      if (isLeft(lib)) throw new Error(lib.left.map((x) => x.message).join("\n"));
      assert.is(lib.right.cached, threads === 2, "the second compile is a load from the cache");
      try {
        const args = traced.arguments.map((a) => {
          const values = d.values[a.name] as ArrayLike<number>;
          const data = alignedArray(Float32Array, values.length);
          data.set(Array.from(values, Math.fround));
          return { data, shape: a.shape as number[] };
        });
        const got = lib.right.functions[funcName(traced.func)]!.call(...args) as ReturnedArray[];
        const copies = got.map((r) => Float32Array.from(r.data as Float32Array));
        for (const r of got) release(r);
        return copies;
      } finally {
        lib.right.unload();
      }
    });
    const [one, two] = runs as [Float32Array[], Float32Array[]];
    assert.is(one.length, want.length);
    want.forEach((w, k) => {
      assert.equal(Array.from(two[k]!), Array.from(one[k]!), `result ${k}: 2 threads differ from 1 thread`);
      const scale = Math.max(...Array.from(w, Math.abs));
      const worst = w.reduce((m, x, i) => Math.max(m, Math.abs(x - two[k]![i]!)), 0);
      assert.ok(worst <= 1e-4 * scale, `result ${k}: difference ${worst} against magnitude ${scale}`);
    });
    console.log(`    ${loops} worksharing loops; ${want.length} results equal on 1 and 2 threads and within 1e-4 of the interpreter`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test.run();
