/**
 * arith-expand (rewrites/arith/expand.ts) on random programs (every arith op, in branches): the expanded
 * program computes the same, bit for bit, including the signs of zeros from maxf/minf and the minimum values
 * ceildivsi/floordivsi divide; every pattern fires; nothing to expand is left; mlir-opt-16 accepts the output.
 */
import { spawnSync } from "node:child_process";
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { arithExpandPatterns } from "../../rewrites/arith/expand.ts";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { programs } from "../../rewrites/testing/programs.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

test("expanded programs compute the same, and every expansion fires", () => {
  const r = checkRewrite({ transform: [...arithExpandPatterns], programs: programs({ branches: true }), runs: Number(process.env.ARITH_EXPAND_RUNS ?? 400), seed: 5 });
  assert.ok(r.ok, r.ok ? "" : r.message);
  assert.ok(r.ok && r.coverage !== undefined && r.coverage.entries.length === arithExpandPatterns.length, "coverage of every pattern");
  if (r.ok) assert.equal(r.coverage?.unexercised, [], "patterns that never fired");
});

test("nothing to expand is left, and mlir-opt-16 accepts the output", () => {
  const ctx = newContext();
  const texts: string[] = [];
  for (const p of fc.sample(programs({ branches: true }), { numRuns: 30, seed: 9 })) {
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(m.left.message);
    const run = runPipeline(m.right, "builtin.module(arith-expand)", { ctx, registry: newPassRegistry() });
    assert.ok(!isLeft(run));
    const out = printOp(m.right);
    assert.not.match(out, /arith\.(ceildivsi|ceildivui|floordivsi|maxf|minf) /);
    texts.push(out);
  }
  for (const t of texts) {
    const v = spawnSync("mlir-opt-16", ["--verify-each", "-"], { input: t, encoding: "utf8" });
    assert.is(v.status, 0, v.stderr);
  }
});

test.run();
