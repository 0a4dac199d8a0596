/**
 * scf.while and scf.parallel canonicalization patterns (MLIR 16's SCF.cpp): what the `after` region knows of the
 * condition (WhileConditionTruth, WhileCmpCond), results and arguments nothing uses (WhileUnusedResult),
 * loop-invariant values (RemoveLoopInvariantArgsFromBeforeBlock, RemoveLoopInvariantValueYielded), parallel
 * dimensions that iterate once (CollapseSingleIterationLoops) and parallel loops nested directly in one another
 * (MergeNestedParallelLoops).
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { type Block, IRMapping, type Operation, Region } from "../../src/ir/operation.ts";
import { i1, IndexType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { defining } from "../../src/ir/defining.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { rewrite } from "../../src/rewrite/pattern.ts";
import { CmpIOp, ConstantOp } from "../../dialects/arith/index.ts";
import { ConditionOp, conditionOf, ParallelOp, ReduceOp, ReduceReturnOp, WhileOp, YieldOp } from "../../dialects/scf/index.ts";

/** `%true` or `%false` (i1), before `op`. */
function boolConstant(rw: Parameters<Parameters<typeof rewrite>[0]["apply"]>[1], value: boolean): Value {
  return rw.create(ConstantOp, { value: IntegerAttr.get(i1, value ? -1n : 0n) }).result;
}

// ---- scf.while ---------------------------------------------------------------------------------------------
// (Each example loop halves an unsigned counter while it is above a bound: it ends within 64 iterations whatever
// values the holes and the generator's near misses give, so no program runs into the interpreter's step limit.)

/**
 * An `after` argument that receives the condition itself is true there (WhileConditionTruth):
 *
 *   %r = scf.while (...) { ...; scf.condition(%c) %c, %x : i1, i32 } do {
 *   ^bb0(%b: i1, %y: i32):   "x.use"(%b) ...                          ->     uses of %b use %true
 */
export const whileConditionTruth = rewrite({
  name: "scf.while.condition-truth",
  examples: [
    "^bb0(%y: $T):\n  %x = arith.constant ?{0|5} : index\n  %n = arith.constant ?{0|1} : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r:3 = scf.while (%a = %x, %p = %y) : (index, $T) -> (i1, index, $T) {\n    %c = arith.cmpi ugt, %a, %n : index\n    scf.condition(%c) %c, %a, %p : i1, index, $T\n  } do {\n" +
      "  ^bb0(%b: i1, %v: index, %q: $T):\n    %w = arith.shrui %v, %c1 : index\n    %f = arith.extui %b : i1 to $T\n    %g = arith.addi %q, %f : $T\n    scf.yield %w, %g : index, $T\n  }",
  ],
  root: WhileOp,
  apply(op, rw) {
    const cond = conditionOf(op);
    const after = op.after.entry;
    if (cond === undefined || after === undefined) return rw.fail("the loop has no condition or body");
    const args = after.args.filter((a, i) => cond.args[i] === cond.condition && a.hasUses);
    if (args.length === 0) return rw.fail("no used argument of the body receives the condition");
    rw.setInsertionPointBefore(op);
    const t = boolConstant(rw, true);
    for (const a of args) rw.replaceAllUsesWith(a, t);
    return rw.done();
  },
});

/** arith.cmpi predicate numbers and their negations (MLIR's arith::invertPredicate). */
const INVERTED: Readonly<Record<number, number>> = { 0: 1, 1: 0, 2: 5, 5: 2, 3: 4, 4: 3, 6: 9, 9: 6, 7: 8, 8: 7 };

/**
 * In the `after` region, a comparison that repeats the condition's (same predicate, the same loop-invariant
 * operand, the value passed on in place of the compared one) is true; with the negated predicate it is false
 * (WhileCmpCond):
 *
 *   scf.while (%i = %x) : (i32) -> i32 {                  ...
 *     %c = arith.cmpi slt, %i, %n : i32                   } do {
 *     scf.condition(%c) %i : i32                 ->       ^bb0(%j: i32):
 *   } do {                                                  "x.use"(%true) : (i1) -> ()
 *   ^bb0(%j: i32):
 *     %d = arith.cmpi slt, %j, %n : i32
 *     "x.use"(%d) : (i1) -> ()
 */
export const whileCmpCond = rewrite({
  name: "scf.while.cmp-cond",
  examples: [
    "^bb0(%y: $T):\n  %x = arith.constant ?{0|6} : index\n  %n = arith.constant ?{0|1|3} : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r:2 = scf.while (%a = %x, %b = %y) : (index, $T) -> (index, $T) {\n    %c = arith.cmpi ugt, %a, %n : index\n    scf.condition(%c) %a, %b : index, $T\n  } do {\n  ^bb0(%v: index, %u: $T):\n" +
      "    %d = arith.cmpi ?{ugt|ule|uge|ult|eq}, %v, %n : index\n    %w = arith.shrui %v, %c1 : index\n    %e = arith.extui %d : i1 to $T\n    %t = arith.addi %u, %e : $T\n    scf.yield %w, %t : index, $T\n  }",
  ],
  root: WhileOp,
  apply(op, rw) {
    const cond = conditionOf(op);
    const after = op.after.entry;
    const cmp = cond === undefined ? undefined : defining(cond.condition, CmpIOp);
    if (cond === undefined || after === undefined || cmp === undefined) return rw.fail("the condition is not an arith.cmpi");
    const predicate = Number(cmp.predicate.value);
    let changed = false;
    cond.args.forEach((passed, k) => {
      const arg = after.args[k];
      if (arg === undefined) return;
      for (const side of [0, 1]) {
        if (passed !== cmp.getOperand(side)) continue;
        for (const u of [...arg.uses()]) {
          const cmp2 = u.owner;
          if (!(cmp2 instanceof CmpIOp) || cmp2.getOperand(1 - side) !== cmp.getOperand(1 - side)) continue;
          const p2 = Number(cmp2.predicate.value);
          const same = p2 === predicate ? true : p2 === INVERTED[predicate] ? false : undefined;
          if (same === undefined) continue;
          rw.setInsertionPointBefore(cmp2);
          rw.replaceOp(cmp2, [boolConstant(rw, same)]);
          changed = true;
        }
      }
    });
    return changed ? rw.done() : rw.fail("no comparison in the body repeats the condition's");
  },
});

/**
 * A result that nothing uses, whose `after` argument nothing uses either, goes from the condition's operands
 * (WhileUnusedResult):
 *
 *   %r:2 = scf.while ... { scf.condition(%c) %a, %b : i32, i32 } do { ^bb0(%x: i32, %y: i32): ... uses %x only }
 * ->                                                                                  (only %r#0 used)
 *   %r = scf.while ... { scf.condition(%c) %a : i32 } do { ^bb0(%x: i32): ... }
 */
export const whileUnusedResult = rewrite({
  name: "scf.while.unused-result",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %n = arith.constant ?{0|5} : index\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r, %_s, %t = scf.while (%k = %n, %b = %y) : (index, $T) -> (index, $T, $T) {\n    %c = arith.cmpi ugt, %k, %c0 : index\n    %m = arith.muli %b, %b : $T\n    scf.condition(%c) %k, %m, %b : index, $T, $T\n  } do {\n" +
      "  ^bb0(%v: index, %w: $T, %u: $T):\n    %d = arith.shrui %v, %c1 : index\n    %e = arith.addi %u, %x : $T\n    scf.yield %d, %e : index, $T\n  }",
  ],
  root: WhileOp,
  apply(op, rw) {
    const cond = conditionOf(op);
    const after = op.after.entry;
    if (cond === undefined || after === undefined) return rw.fail("the loop has no condition or body");
    const kept = op.results.map((r, i) => r.hasUses || (after.args[i]?.hasUses ?? false));
    if (kept.every((k) => k)) return rw.fail("every result or its argument is used");
    const keptArgs = cond.args.filter((_, i) => kept[i]);
    rw.setInsertionPointBefore(cond);
    rw.create(ConditionOp, { condition: cond.condition, args: keptArgs });
    rw.eraseOp(cond);
    rw.setInsertionPointBefore(op);
    const types = op.results.filter((_, i) => kept[i]).map((r) => r.type);
    const replacement = rw.create(WhileOp, { inits: [...op.inits], values: types, before: new Region(), after: new Region() });
    const newAfter = rw.createBlock(replacement.after, types);
    rw.inlineRegionBefore(op.before, replacement.before);
    let next = 0;
    const argValues = after.args.map((a, i) => (kept[i] ? newAfter.arg(next++) : a));
    rw.mergeBlocks(after, newAfter, argValues);
    next = 0;
    rw.replaceOp(
      op,
      op.results.map((r, i) => (kept[i] ? (replacement.results[next++] as Value) : r)),
    );
    return rw.done();
  },
});

/**
 * A `before` argument that stays its initial value goes, its uses taking that value (RemoveLoopInvariantArgsFromBeforeBlock):
 * the body yields the initial value back, or yields the `after` argument that the condition passed either that
 * `before` argument or the initial value.
 *
 *   %r = scf.while (%a = %x, %k = %n) : (i32, i32) -> i32 {           %r = scf.while (%a = %x) : (i32) -> i32 {
 *     ... %k ...; scf.condition(%c) %a : i32                   ->        ... %n ...; scf.condition(%c) %a : i32
 *   } do { ^bb0(%v: i32): ...; scf.yield %w, %n : i32, i32 }          } do { ^bb0(%v: i32): ...; scf.yield %w : i32 }
 */
export const whileInvariantBeforeArgs = rewrite({
  name: "scf.while.invariant-before-args",
  examples: [
    "^bb0(%y: $T):\n  %x = arith.constant ?{0|6} : index\n  %n = arith.constant ?{0|1} : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r:3 = scf.while (%a = %x, %k = %n, %b = %y) : (index, index, $T) -> (index, index, $T) {\n    %c = arith.cmpi ugt, %a, %k : index\n    scf.condition(%c) %a, ?{%k|%n|%a}, %b : index, index, $T\n  } do {\n" +
      "  ^bb0(%v: index, %u: index, %p: $T):\n    %w = arith.shrui %v, %c1 : index\n    %q = arith.addi %p, %p : $T\n    scf.yield %w, ?{%n|%u|%w}, ?{%q|%y} : index, index, $T\n  }",
  ],
  root: WhileOp,
  apply(op, rw) {
    const before = op.before.entry;
    const after = op.after.entry;
    const cond = conditionOf(op);
    const yieldOp = after?.last;
    if (before === undefined || after === undefined || cond === undefined || yieldOp === undefined) return rw.fail("the loop is incomplete");
    const invariant = op.inits.map((init, i) => {
      const yielded = yieldOp.getOperand(i);
      if (yielded === init) return true;
      const k = after.args.indexOf(yielded as never);
      if (k < 0) return false;
      const passed = cond.args[k];
      return passed === before.arg(i) || passed === init;
    });
    if (!invariant.some((x) => x)) return rw.fail("no before argument is loop-invariant");
    rw.setInsertionPointBefore(yieldOp);
    rw.create(YieldOp, { values: yieldOp.operands.filter((_, i) => !invariant[i]) });
    rw.eraseOp(yieldOp);
    rw.setInsertionPointBefore(op);
    const inits = op.inits.filter((_, i) => !invariant[i]);
    const replacement = rw.create(WhileOp, { inits, values: op.results.map((r) => r.type), before: new Region(), after: new Region() });
    const newBefore = rw.createBlock(replacement.before, inits.map((v) => v.type));
    let next = 0;
    rw.mergeBlocks(
      before,
      newBefore,
      op.inits.map((init, i) => (invariant[i] ? init : newBefore.arg(next++))),
    );
    rw.inlineRegionBefore(op.after, replacement.after);
    rw.replaceOp(op, [...replacement.results]);
    return rw.done();
  },
});

/**
 * A value the condition passes on that is defined outside the `before` block is used directly, in the body and
 * as the result (RemoveLoopInvariantValueYielded):
 *
 *   %r:2 = scf.while (%a = %x) : (i32) -> (i32, i32) {             %r = scf.while (%a = %x) : (i32) -> i32 {
 *     ...; scf.condition(%c) %a, %y : i32, i32              ->        ...; scf.condition(%c) %a : i32
 *   } do { ^bb0(%v: i32, %w: i32): ... %w ... }                     } do { ^bb0(%v: i32): ... %y ... }    (uses of %r#1 use %y)
 */
export const whileInvariantValueYielded = rewrite({
  name: "scf.while.invariant-value-yielded",
  examples: [
    "^bb0(%y: $T):\n  %x = arith.constant ?{0|4} : index\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r:2 = scf.while (%a = %x) : (index) -> (index, $T) {\n    %c = arith.cmpi ugt, %a, %c0 : index\n    %h = arith.shrui %a, %c1 : index\n    %e = arith.index_cast %a : index to $T\n    scf.condition(%c) ?{%h|%a}, ?{%y|%e} : index, $T\n  } do {\n" +
      "  ^bb0(%v: index, %w: $T):\n    %d = arith.shrui %v, %c1 : index\n    scf.yield %d : index\n  }",
  ],
  root: WhileOp,
  apply(op, rw) {
    const before = op.before.entry;
    const after = op.after.entry;
    const cond = conditionOf(op);
    if (before === undefined || after === undefined || cond === undefined) return rw.fail("the loop is incomplete");
    const passed = [...cond.args];
    const outside = passed.map((v) => v.parentBlock !== before);
    if (!outside.some((x) => x)) return rw.fail("every value passed on is defined in the before block");
    const kept = passed.filter((_, i) => !outside[i]);
    rw.setInsertionPointBefore(cond);
    rw.create(ConditionOp, { condition: cond.condition, args: kept });
    rw.eraseOp(cond);
    rw.setInsertionPointBefore(op);
    const types = kept.map((v) => v.type);
    const replacement = rw.create(WhileOp, { inits: [...op.inits], values: types, before: new Region(), after: new Region() });
    const newAfter = rw.createBlock(replacement.after, types);
    let next = 0;
    const values = passed.map((v, i) => (outside[i] ? { arg: v, result: v } : { arg: newAfter.arg(next), result: replacement.results[next++] as Value }));
    rw.mergeBlocks(
      after,
      newAfter,
      values.map((x) => x.arg),
    );
    rw.inlineRegionBefore(op.before, replacement.before);
    rw.replaceOp(
      op,
      values.map((x) => x.result),
    );
    return rw.done();
  },
});

// ---- scf.parallel ------------------------------------------------------------------------------------------

/** The value of an `arith.constant` of index type. */
const constIndex = (v: Value): bigint | undefined => (v.type instanceof IndexType && defining(v, ConstantOp) !== undefined ? constIntValue(v) : undefined);

/**
 * Dimensions with constant bounds and step that iterate exactly once go, their induction variable being the
 * lower bound; when none is left the body is inlined, each scf.reduce combining the initial value with its
 * operand (CollapseSingleIterationLoops):
 *
 *   scf.parallel (%i, %j) = (%c0, %c0) to (%c1, %n) step (%c1, %c1) { ... %i ... }
 * ->
 *   scf.parallel (%j) = (%c0) to (%n) step (%c1) { ... %c0 ... }
 */
export const parallelCollapseSingleIteration = rewrite({
  name: "scf.parallel.collapse-single-iteration",
  examples: [
    "^bb0(%x: $T, %n: index):\n  %c0 = arith.constant 0 : index\n  %lb = arith.constant ?{0|2} : index\n  %ub = arith.constant ?{1|3|4} : index\n  %c1 = arith.constant 1 : index\n  %st = arith.constant ?{1|2|5} : index\n" +
      "  %r = scf.parallel (%i, %j) = (%lb, %c0) to (%ub, ?{%c1|%n}) step (%st, %c1) init (%x) -> $T {\n    %k = arith.index_cast %i : index to $T\n    %m = arith.index_cast %j : index to $T\n    %s = arith.addi %k, %m : $T\n    scf.reduce(%s) : $T {\n    ^bb0(%p: $T, %q: $T):\n      %t = arith.muli %p, %q : $T\n      scf.reduce.return %t : $T\n    }\n    scf.yield\n  }",
  ],
  root: ParallelOp,
  apply(op, rw) {
    const body = op.region.entry as Block;
    const mapping = new IRMapping();
    const keep: number[] = [];
    op.lowerBound.forEach((lb, d) => {
      const l = constIndex(lb);
      const u = constIndex(op.upperBound[d] as Value);
      const s = constIndex(op.step[d] as Value);
      if (l !== undefined && u !== undefined && s !== undefined && u - l > 0n && u - l <= s) mapping.map(body.arg(d), lb);
      else keep.push(d);
    });
    if (keep.length === op.lowerBound.length) return rw.fail("no dimension iterates exactly once");
    rw.setInsertionPointBefore(op);
    if (keep.length === 0) {
      const results: Value[] = [];
      for (const bodyOp of body.ops()) {
        if (bodyOp === body.last) break;
        if (!(bodyOp instanceof ReduceOp)) {
          rw.insert(bodyOp.clone(mapping));
          continue;
        }
        const reduceBlock = bodyOp.reductionOperator.entry as Block;
        mapping.map(reduceBlock.arg(0), op.initVals[results.length] as Value);
        mapping.map(reduceBlock.arg(1), mapping.lookupOr(bodyOp.operand));
        for (const r of reduceBlock.ops()) if (!(r instanceof ReduceReturnOp)) rw.insert(r.clone(mapping));
        results.push(mapping.lookupOr((reduceBlock.last as Operation).getOperand(0)));
      }
      rw.replaceOp(op, results);
      return rw.done();
    }
    const pick = (vs: readonly Value<IndexType>[]): Value<IndexType>[] => keep.map((d) => vs[d] as Value<IndexType>);
    const replacement = rw.create(ParallelOp, {
      lowerBound: pick(op.lowerBound),
      upperBound: pick(op.upperBound),
      step: pick(op.step),
      initVals: [...op.initVals],
      values: op.results.map((r) => r.type),
      region: new Region(),
    });
    const block = rw.createBlock(replacement.region, keep.map(() => IndexType.get()));
    keep.forEach((d, k) => mapping.map(body.arg(d), block.arg(k)));
    rw.setInsertionPointToEnd(block);
    for (const bodyOp of body.ops()) rw.insert(bodyOp.clone(mapping));
    rw.replaceOp(op, [...replacement.results]);
    return rw.done();
  },
});

/**
 * A parallel loop whose body is only another parallel loop (neither reducing, the inner bounds not using the
 * outer induction variables) is one loop over both sets of dimensions (MergeNestedParallelLoops):
 *
 *   scf.parallel (%i) = (%a) to (%b) step (%c) {               scf.parallel (%i, %j) = (%a, %d) to (%b, %e) step (%c, %f) {
 *     scf.parallel (%j) = (%d) to (%e) step (%f) {      ->        ...
 *       ...                                                     }
 *     }
 *   }
 */
export const parallelMergeNested = rewrite({
  name: "scf.parallel.merge-nested",
  examples: [
    {
      defs: "func.func private @ex_sink2_$T(%a: $T, %b: $T) {\n  func.return\n}",
      ir:
        "^bb0(%n: index):\n  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n  %c3 = arith.constant ?{0|3} : index\n" +
        "  scf.parallel (%i) = (%c0) to (%c3) step (%c1) {\n    scf.parallel (%j) = (%c1) to (?{%c3|%i}) step (%c1) {\n      %x = arith.index_cast %i : index to $T\n      %y = arith.index_cast %j : index to $T\n      func.call @ex_sink2_$T(%x, %y) : ($T, $T) -> ()\n      scf.yield\n    }\n    scf.yield\n  }",
    },
  ],
  root: ParallelOp,
  apply(op, rw) {
    const outer = op.region.entry as Block;
    const inner = outer.first;
    if (!(inner instanceof ParallelOp) || inner.next !== outer.last) return rw.fail("the body is not one scf.parallel");
    const bounds: readonly Value[] = [...inner.lowerBound, ...inner.upperBound, ...inner.step];
    if (outer.args.some((a) => bounds.includes(a))) return rw.fail("the inner bounds use the outer induction variables");
    if (op.initVals.length > 0 || inner.initVals.length > 0) return rw.fail("the loops reduce");
    rw.setInsertionPointBefore(op);
    const merged = rw.create(ParallelOp, {
      lowerBound: [...op.lowerBound, ...inner.lowerBound],
      upperBound: [...op.upperBound, ...inner.upperBound],
      step: [...op.step, ...inner.step],
      initVals: [],
      values: [],
      region: new Region(),
    });
    const innerBody = inner.region.entry as Block;
    const block = rw.createBlock(merged.region, [...outer.args, ...innerBody.args].map((a) => a.type));
    const mapping = new IRMapping();
    [...outer.args, ...innerBody.args].forEach((a, i) => mapping.map(a, block.arg(i)));
    rw.setInsertionPointToEnd(block);
    for (const bodyOp of innerBody.ops()) rw.insert(bodyOp.clone(mapping));
    rw.replaceOp(op, []);
    return rw.done();
  },
});
