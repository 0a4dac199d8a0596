/**
 * The lowerings of linalg on memrefs to loops (rewrites/linalg-to-loops/) on random programs of linalg on memrefs
 * (rewrites/testing/gen-linalg-memref.ts): the loops verify, round-trip, compute what the structured ops computed
 * (results and what was written to the memref arguments), and leave no linalg op; every lowering pattern and the
 * apply folding fire; and mlir-opt-16 --verify-each accepts a sample of the lowered programs.
 */
import fc from "fast-check";
import { isLeft, left, right } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { AffineApplyOp } from "../../dialects/affine/index.ts";
import { error } from "../../src/diag/diagnostic.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { pass, type PassDef } from "../../src/pass/pass.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { nest } from "../../src/pass/pipeline.ts";
import type { RewriteListener } from "../../src/rewrite/rewriter.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { newContext } from "../../rewrites/index.ts";
import {
  convertLinalgToAffineLoopsPass,
  convertLinalgToLoopsPass,
  convertLinalgToParallelLoopsPass,
  linalgToAffineLoops,
  linalgToLoops,
  linalgToParallelLoops,
} from "../../rewrites/linalg-to-loops/linalg-to-loops.ts";
import { checkRewrite, DEFAULT_SEED } from "../../rewrites/testing/check-rewrite.ts";
import { linalgMemrefPrograms } from "../../rewrites/testing/gen-linalg-memref.ts";
import { mlir16Rejects } from "../support/mlir16-verify.ts";

const runs = Number(process.env.FC_RUNS ?? 60);
const programs = linalgMemrefPrograms({ elementTypes: ["f32", "i32"] });

/** Runs the pass on each function, then checks that no linalg op is left. */
function lowered(def: PassDef, module: Operation, ctx: Context, listener: RewriteListener | undefined) {
  const r = runPipeline(module, [nest("func.func", [pass(def)])], { ctx, verifyEach: false, ...(listener === undefined ? {} : { rewriteListener: listener }) });
  if (isLeft(r)) return left(r.left.diagnostics);
  let linalg: Operation | undefined;
  module.walk((op) => {
    if (op.name.startsWith("linalg.")) linalg ??= op;
  });
  return linalg === undefined ? right(undefined) : left([error(linalg.loc, `'${linalg.name}' is left after ${def.name}`)]);
}

const cases = [
  { def: convertLinalgToLoopsPass, pattern: linalgToLoops },
  { def: convertLinalgToAffineLoopsPass, pattern: linalgToAffineLoops },
  { def: convertLinalgToParallelLoopsPass, pattern: linalgToParallelLoops },
];

for (const { def, pattern } of cases) {
  test(`${def.name} preserves semantics on ${runs} random programs of linalg on memrefs`, () => {
    const r = checkRewrite({
      transform: (module, ctx, listener) => lowered(def, module, ctx, listener),
      programs,
      runs,
      coverage: { patterns: [pattern], folders: [AffineApplyOp] },
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
  });

  test(`mlir-opt-16 --verify-each accepts ${def.name}'s output on 12 random programs`, () => {
    const ctx = newContext();
    const texts = fc.sample(programs, { numRuns: 12, seed: DEFAULT_SEED }).map((c) => {
      const parsed = parseSource(c.text, ctx);
      if (isLeft(parsed)) throw new Error(c.text);
      const r = lowered(def, parsed.right, ctx, undefined);
      assert.ok(!isLeft(r), c.text);
      return printOp(parsed.right, { ctx });
    });
    const rejected = mlir16Rejects(texts);
    assert.ok(rejected === undefined, rejected);
  });
}

test.run();
