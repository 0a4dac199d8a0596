/**
 * The cf and func canonicalization patterns (rewrites/cf/canonicalize.ts, rewrites/func/canonicalize.ts):
 * against mlir-opt-16, every pattern exercised by the golden file, and semantics kept (interpreter).
 */
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { canonicalize } from "../../rewrites/canonicalize.ts";
import { cfCanonicalizationPatterns } from "../../rewrites/cf/canonicalize.ts";
import { funcCanonicalizationPatterns } from "../../rewrites/func/canonicalize.ts";
import { newContext } from "../../rewrites/index.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { arithAndMathOps, programs } from "../../rewrites/testing/programs.ts";
import { interpret } from "../../src/interp/engine.ts";
import { formatValues } from "../../src/interp/compare.ts";
import { type RuntimeValue, intValue } from "../../src/interp/values.ts";
import { StringAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IntegerType } from "../../src/ir/types.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { assertSameAsMlir, goldenText, mlirOpt, parserIn, tensileOpt } from "../support/pass-tests.ts";

const ctx = newContext();

const parse = parserIn(ctx);

const golden = goldenText;

const compat = suite("cf/func canonicalization agrees with mlir-opt-16");

compat("on the golden files", () => {
  const cf = assertSameAsMlir(tensileOpt("cf/canonicalize.mlir", ["--canonicalize"]), mlirOpt("cf/canonicalize.mlir", ["--canonicalize"]));
  assert.ok(cf >= 29, `${cf} functions compared`);
  assertSameAsMlir(tensileOpt("transforms/canonicalize-func.mlir", ["--canonicalize"]), mlirOpt("transforms/canonicalize-func.mlir", ["--canonicalize"]));
});

const patterns = suite("cf/func canonicalization patterns");

patterns("every pattern applies somewhere in the golden files", () => {
  const applied = new Map<string, number>();
  for (const file of ["cf/canonicalize.mlir", "transforms/canonicalize-func.mlir"]) {
    const m = parse(golden(file));
    const r = canonicalize(m, ctx, { listener: { notifyPatternApplied: (p) => void applied.set(p, (applied.get(p) ?? 0) + 1) } });
    assert.ok(isRight(r));
    assert.ok(isRight(verify(m, { ctx })), `${file} verifies after canonicalization`);
  }
  const all = [...cfCanonicalizationPatterns, ...funcCanonicalizationPatterns].map((p) => p.name);
  const unexercised = all.filter((n) => !applied.has(n));
  assert.equal(unexercised, []);
});

/** Random inputs for a function's i1 / i32 arguments, deterministic. */
function argumentSets(fn: Operation, count: number): RuntimeValue[][] {
  const types = fn.getRegion().entry?.argTypes ?? [];
  let s = 12345;
  const next = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
  return Array.from({ length: count }, () =>
    types.map((t) => {
      if (!(t instanceof IntegerType)) throw new Error("the golden functions take integers");
      if (t.width === 1) return intValue(t, next() % 2);
      const pick = next() % 4;
      return intValue(t, pick === 0 ? 42 : pick === 1 ? 43 : (next() % 200) - 100);
    }),
  );
}

patterns("the golden functions compute the same before and after", () => {
  const before = parse(golden("cf/canonicalize.mlir"));
  const after = parse(golden("cf/canonicalize.mlir"));
  assert.ok(isRight(canonicalize(after, ctx)));
  let checked = 0;
  for (const fn of before.getRegion().block.operations) {
    const name = fn.attr("sym_name");
    if (!(name instanceof StringAttr) || fn.getRegion().isEmpty) continue;
    for (const args of argumentSets(fn, 12)) {
      const want = interpret(before, name.value, args, { ctx });
      const got = interpret(after, name.value, args, { ctx });
      if (isLeft(want)) continue; // e.g. the assert that fails on purpose
      assert.ok(isRight(got), `@${name.value}${formatValues(args)} fails after canonicalization`);
      if (isRight(got)) assert.is(formatValues(got.right), formatValues(want.right), `@${name.value}${formatValues(args)}`);
      checked++;
    }
  }
  assert.ok(checked > 150, `${checked} runs checked`);
});

const prop = suite("canonicalize with cf patterns preserves semantics");

prop("random func/arith/math/cf programs (with branch diamonds) compute the same", () => {
  const r = checkRewrite({ transform: "canonicalize", programs: programs({ ops: arithAndMathOps, branches: true }), runs: 300, seed: 17, tolerance: { ulps: 2 } });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

compat.run();
patterns.run();
prop.run();
