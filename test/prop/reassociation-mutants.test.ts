/**
 * Property tests bite: the three reassociation patterns of rewrites/arith/canonicalize-int.ts that compute
 * `c1 - c0`, each broken to compute `c0 - c1` (the mutants are built here, not in the shipped code), are
 * each caught by checkRewrite on programs grown around the patterns' examples, within the runs CI makes.
 * Before programs had examples, no property test caught them even with FC_RUNS=5000.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AddIOp, type ArithLike, ConstantOp, SubIOp } from "../../dialects/arith/index.ts";
import type { IndexType, IntegerType } from "../../src/ir/types.ts";
import {
  addiSubConstantRhs,
  arithCanonicalizationPatterns,
  arithIntPatterns,
  subiLhsAddConstant,
  subiLhsSubConstantLhs,
} from "../../rewrites/arith/canonicalize.ts";
import { defining } from "../../src/ir/defining.ts";
import { scalarIntConst } from "../../rewrites/arith/match.ts";
import { checkRewrite } from "../../rewrites/testing/check-rewrite.ts";
import { examplesOf, programs } from "../../rewrites/testing/programs.ts";
import type { Value } from "../../src/ir/value.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";

const runs = Number(process.env.FC_RUNS ?? 500);
const s = suite("broken reassociation patterns are caught by properties alone");

type IntLike = ArithLike<IntegerType | IndexType>;
const constant = (rw: PatternRewriter, like: IntegerAttr, value: bigint): Value<IntLike> =>
  rw.create(ConstantOp, { value: IntegerAttr.get(like.type, value) }).result;

/** addi(subi(x, c0), c1) -> addi(x, c0 - c1): should be c1 - c0. */
const addiSubConstantRhsBroken = rewrite({
  name: addiSubConstantRhs.name,
  root: AddIOp,
  apply(op, rw) {
    const [inner, c1] = [defining(op.lhs, SubIOp), scalarIntConst(op.rhs)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("no match");
    rw.setInsertionPointBefore(op);
    rw.replaceOpWithNew(op, AddIOp, { lhs: inner.lhs, rhs: constant(rw, c1, c0.value - c1.value) });
    return rw.done();
  },
});

/** subi(c1, addi(x, c0)) -> subi(c0 - c1, x): should be c1 - c0. */
const subiLhsAddConstantBroken = rewrite({
  name: subiLhsAddConstant.name,
  root: SubIOp,
  apply(op, rw) {
    const [c1, inner] = [scalarIntConst(op.lhs), defining(op.rhs, AddIOp)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.rhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("no match");
    rw.setInsertionPointBefore(op);
    rw.replaceOpWithNew(op, SubIOp, { lhs: constant(rw, c1, c0.value - c1.value), rhs: inner.lhs });
    return rw.done();
  },
});

/** subi(c1, subi(c0, x)) -> addi(x, c0 - c1): should be c1 - c0. */
const subiLhsSubConstantLhsBroken = rewrite({
  name: subiLhsSubConstantLhs.name,
  root: SubIOp,
  apply(op, rw) {
    const [c1, inner] = [scalarIntConst(op.lhs), defining(op.rhs, SubIOp)];
    const c0 = inner === undefined ? undefined : scalarIntConst(inner.lhs);
    if (inner === undefined || c0 === undefined || c1 === undefined) return rw.fail("no match");
    rw.setInsertionPointBefore(op);
    rw.replaceOpWithNew(op, AddIOp, { lhs: inner.rhs, rhs: constant(rw, c1, c0.value - c1.value) });
    return rw.done();
  },
});

for (const [shipped, broken] of [
  [addiSubConstantRhs, addiSubConstantRhsBroken],
  [subiLhsAddConstant, subiLhsAddConstantBroken],
  [subiLhsSubConstantLhs, subiLhsSubConstantLhsBroken],
] as const) {
  s(`${shipped.name} computing c0 - c1 is caught within ${runs} programs`, () => {
    // arith's canonicalization patterns (with folding) with the shipped pattern replaced by its mutant.
    const patterns: Pattern[] = arithCanonicalizationPatterns.map((p) => (p === shipped ? broken : p));
    const r = checkRewrite({ transform: patterns, programs: programs({ examples: examplesOf(arithIntPatterns) }), runs, coverage: false });
    assert.not.ok(r.ok, `the broken ${shipped.name} was not caught`);
    if (r.ok) return;
    assert.ok(r.counterexample !== undefined, r.message);
    // The counterexample computes something different after the rewrite (not a crash or a verifier error).
    assert.match(r.counterexample?.reason ?? "", /differ|expected/, r.message);
  });
}

s("the shipped patterns pass the same check", () => {
  const r = checkRewrite({ transform: [...arithCanonicalizationPatterns], programs: programs({ examples: examplesOf(arithIntPatterns) }), runs, coverage: false });
  assert.ok(r.ok, r.ok ? "" : r.message);
});

s.run();
