/**
 * The LLaMA decoder block of examples/dsl-llama-block.ts traced to TOSA, verified by Tensile, and run in
 * Tensile's interpreter (TOSA's semantics, f32) on random inputs and weights: equal to the plain TypeScript
 * block (double precision) within 1e-5 relative to 1 + |reference| for the output and both caches.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { config, traceBlock } from "../../examples/dsl-llama-block.ts";
import { interpretTraced } from "../../frontends/dsl/index.ts";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { blockData, maxRelError, past, seq } from "./llama-data.ts";
import { referenceBlock } from "./llama-reference.ts";

const tolerance = 1e-5;

test("the traced block verifies in Tensile, and its TOSA interpreted in f32 equals the reference (1e-5)", () => {
  const traced = traceBlock(seq, past);
  const verified = verify(traced.module, { ctx: traced.ctx });
  assert.ok(!isLeft(verified), isLeft(verified) ? verified.left.map((d) => renderDiagnostic(d)).join("\n") : "");
  for (const seed of [1, 2]) {
    const d = blockData(seed);
    const started = performance.now();
    const [out, k, v] = interpretTraced(traced, d.values) as [Float64Array, Float64Array, Float64Array];
    const ms = performance.now() - started;
    const ref = referenceBlock(config, d.weights, d.x, d.cacheK, d.cacheV, seq, past);
    for (const [name, got, want] of [["out", out, ref.out], ["cacheK", k, ref.cacheK], ["cacheV", v, ref.cacheV]] as const)
      assert.ok(maxRelError(got, want) < tolerance, `${name}: ${maxRelError(got, want)}`);
    // Well under a second on an idle machine (~0.1 s); the bound leaves room for a loaded CI machine.
    assert.ok(ms < 5000, `interpreting the block took ${ms.toFixed(0)} ms`);
  }
});

test("a decode step (one token after 7 cached) interprets equal to the reference too", () => {
  const traced = traceBlock(1, 7);
  const d = blockData(3, 1, 7);
  const [out] = interpretTraced(traced, d.values) as [Float64Array];
  const ref = referenceBlock(config, d.weights, d.x, d.cacheK, d.cacheV, 1, 7);
  assert.ok(maxRelError(out, ref.out) < tolerance, `out: ${maxRelError(out, ref.out)}`);
});

test.run();
