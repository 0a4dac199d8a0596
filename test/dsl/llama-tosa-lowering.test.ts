/**
 * The LLaMA decoder block of examples/dsl-llama-block.ts traced to TOSA, lowered by Tensile's TOSA conversions
 * (tosa-to-linalg-named, tosa-to-linalg, tosa-to-tensor, tosa-to-arith) to linalg, tensor and arith on tensors:
 * no TOSA op is left, mlir-opt-16 --verify-each accepts the result, and the interpreter running the lowered block
 * gives what it gives running the TOSA block, bit for bit (the lowerings compute in the spec's order), for the
 * output and both caches.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { traceBlock } from "../../examples/dsl-llama-block.ts";
import { interpretTraced } from "../../frontends/dsl/index.ts";
import { newPassRegistry } from "../../rewrites/index.ts";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { printOp } from "../../src/text/printer.ts";
import { mlir16Rejects } from "../support/mlir16-verify.ts";
import { blockData, past, seq } from "./llama-data.ts";

const CHAIN = "builtin.module(tosa-to-scf,func.func(tosa-to-linalg-named,tosa-to-linalg),tosa-to-tensor,tosa-to-arith{include-apply-rescale=true})";

test("the block's TOSA lowered to linalg on tensors interprets bit for bit as the TOSA block", () => {
  const traced = traceBlock(seq, past);
  const d = blockData(4);
  const before = interpretTraced(traced, d.values) as Float64Array[];
  const ran = runPipeline(traced.module, CHAIN, { ctx: traced.ctx, registry: newPassRegistry() });
  assert.ok(!isLeft(ran), isLeft(ran) ? ran.left.diagnostics.map((x) => renderDiagnostic(x)).join("\n") : "");
  const verified = verify(traced.module, { ctx: traced.ctx });
  assert.ok(!isLeft(verified), isLeft(verified) ? verified.left.map((x) => renderDiagnostic(x)).join("\n") : "");
  const text = printOp(traced.module, { ctx: traced.ctx });
  assert.not.match(text, /"?tosa\./, "a TOSA op is left");
  assert.match(text, /linalg\.batch_matmul/);
  assert.is(mlir16Rejects([text]), undefined);
  const after = interpretTraced(traced, d.values) as Float64Array[];
  assert.is(after.length, before.length);
  before.forEach((want, k) => {
    const got = after[k] as Float64Array;
    assert.is(got.length, want.length);
    const differing = want.findIndex((w, i) => !Object.is(w, got[i]));
    assert.is(differing, -1, `result ${k}[${differing}]: ${got[differing]} lowered, ${want[differing]} in TOSA`);
  });
});

test.run();
