/**
 * Canonicalization patterns of the scf dialect (MLIR 16's SCF.cpp getCanonicalizationPatterns), as the
 * `scfCanonicalization` extension a Context loads. What a lowering pipeline leans on: loops that do not
 * iterate or iterate once disappear, loop-carried values that only pass through are dropped, `scf.if` with a
 * known condition, with unused results, or with results that are plain selections becomes straight-line code,
 * and `scf.execute_region` is inlined.
 */
import { type Block, Region } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { i1 } from "../../src/ir/types.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { defining } from "../../src/ir/defining.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { FunctionOpInterface } from "../../src/interfaces/function.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { ConstantOp, SelectOp, XOrIOp } from "../../dialects/arith/index.ts";
import { BranchOp } from "../../dialects/cf/index.ts";
import { ifCombine, ifCombineNested, ifConditionPropagation } from "./if-combine.ts";
import {
  parallelCollapseSingleIteration,
  parallelMergeNested,
  whileCmpCond,
  whileConditionTruth,
  whileInvariantBeforeArgs,
  whileInvariantValueYielded,
  whileUnusedResult,
} from "./loop-patterns.ts";
import { ExecuteRegionOp, ForOp, forBody, IfOp, iterArgs, ParallelOp, YieldOp, yieldOf } from "../../dialects/scf/index.ts";

/**
 * Replaces `op` with the ops of its single-block `region` (MLIR's replaceOpWithRegion): the block's arguments
 * take `args`, its terminator's operands replace the op's results.
 */
export function replaceOpWithRegion(rw: PatternRewriter, op: import("../../src/ir/operation.ts").Operation, region: Region, args: readonly Value[] = []): void {
  const block = region.entry as Block;
  const terminator = block.last;
  if (terminator === undefined) throw new Error("replaceOpWithRegion: the region's block has no terminator");
  const results = [...terminator.operands];
  rw.inlineBlockBefore(block, op.parent as Block, op, args);
  rw.replaceOp(op, results);
  rw.eraseOp(terminator);
}

// ---- scf.for ---------------------------------------------------------------------------------------------

/**
 * Drops the loop-carried values that only pass through (ForOpIterArgsFolder): a region argument the body
 * yields unchanged, or one nothing in the body uses whose initial value is what is yielded or whose result
 * nothing uses. The result is the initial value.
 *
 *   %r:2 = scf.for %i = %lb to %ub step %s iter_args(%a = %x, %b = %y) -> (i32, i32) {
 *     %n = arith.addi %a, %a : i32
 *     scf.yield %n, %b : i32, i32
 *   }
 * ->
 *   %r = scf.for %i = %lb to %ub step %s iter_args(%a = %x) -> (i32) {
 *     %n = arith.addi %a, %a : i32
 *     scf.yield %n : i32
 *   }                                                  (uses of %r#1 use %y)
 */
export const forIterArgsFolder = rewrite({
  name: "scf.for.fold-forwarded-iter-args",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %c0 = arith.constant 0 : index\n  %n = arith.constant ?{1|3|8} : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x, %b = %y) -> ($T, $T) {\n    %s = arith.addi %a, %a : $T\n    scf.yield %s, %b : $T, $T\n  }",
  ],
  root: ForOp,
  apply(op, rw) {
    const body = forBody(op);
    const yieldOp = yieldOf(op.region);
    if (yieldOp === undefined) return rw.fail("the body does not end with scf.yield");
    const args = iterArgs(op);
    const forwarded = op.initArgs.map((init, i) => {
      const arg = args[i] as Value;
      const yielded = yieldOp.getOperand(i);
      return arg === yielded || (!arg.hasUses && (init === yielded || !(op.results[i] as Value).hasUses));
    });
    if (!forwarded.includes(true)) return rw.fail("every loop-carried value changes in the loop");
    const keptInits = op.initArgs.filter((_, i) => !forwarded[i]);
    rw.setInsertionPointBefore(op);
    const region = new Region();
    const newOp = rw.create(ForOp, {
      lowerBound: op.lowerBound,
      upperBound: op.upperBound,
      step: op.step,
      initArgs: keptInits,
      values: keptInits.map((v) => v.type),
      region,
      extraAttributes: Object.fromEntries(op.attributes),
    });
    const newBody = rw.createBlock(region, [op.lowerBound.type, ...keptInits.map((v) => v.type)]);
    let kept = 0;
    const transfer: Value[] = [newBody.arg(0)];
    const results: Value[] = [];
    op.initArgs.forEach((init, i) => {
      if (forwarded[i]) {
        transfer.push(init);
        results.push(init);
      } else {
        transfer.push(newBody.arg(1 + kept));
        results.push(newOp.results[kept] as Value);
        kept++;
      }
    });
    rw.mergeBlocks(body, newBody, transfer);
    const merged = newBody.last as YieldOp;
    rw.setInsertionPointBefore(merged);
    rw.create(YieldOp, { values: merged.operands.filter((_, i) => !forwarded[i]) });
    rw.eraseOp(merged);
    rw.replaceOp(op, results);
    return rw.done();
  },
});

/**
 * `ub - lb` when both are constants (MLIR's computeConstDiff). MLIR 16 also reads `ub = arith.addi lb, c` as a
 * difference of `c`; Tensile does not: `arith.addi` wraps, so with `lb` near the top of the index range that
 * loop runs zero times, and inlining its body once would be wrong (the property test found the case).
 */
function constDiff(lb: Value, ub: Value): bigint | undefined {
  const l = constIntValue(lb);
  const u = constIntValue(ub);
  return l !== undefined && u !== undefined ? u - l : undefined;
}

/**
 * Loops that do not iterate give their initial values; a loop that iterates once is its body with the
 * induction variable set to the lower bound; a loop that iterates and yields only values from outside gives
 * them (SimplifyTrivialLoops).
 *
 *   %r = scf.for %i = %c0 to %c4 step %c4 iter_args(%a = %x) -> (i32) {     %n = arith.addi %x, %x : i32
 *     %n = arith.addi %a, %a : i32                                     ->     (uses of %r use %n)
 *     scf.yield %n : i32
 *   }
 */
export const forSimplifyTrivialLoops = rewrite({
  name: "scf.for.simplify-trivial",
  examples: [
    "^bb0(%x: $T, %lb: index):\n  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %x) -> ($T) {\n    %s = arith.addi %a, %a : $T\n    scf.yield %s : $T\n  }",
    "^bb0(%x: $T):\n  %lb = arith.constant ?{0|3|-2} : index\n  %ub = arith.constant ?{0|1|4} : index\n  %st = arith.constant ?{1|4|7} : index\n" +
      "  %r = scf.for %i = %lb to %ub step %st iter_args(%a = %x) -> ($T) {\n    %s = arith.addi %a, %a : $T\n    scf.yield %s : $T\n  }",
    "^bb0(%x: $T, %y: $T):\n  %c0 = arith.constant 0 : index\n  %n = arith.constant ?{2|5} : index\n  %c1 = arith.constant 1 : index\n" +
      "  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> ($T) {\n    scf.yield %y : $T\n  }",
  ],
  root: ForOp,
  apply(op, rw) {
    if (op.lowerBound === op.upperBound) {
      rw.replaceOp(op, op.initArgs);
      return rw.done();
    }
    const diff = constDiff(op.lowerBound, op.upperBound);
    if (diff === undefined) return rw.fail("the trip count is not known");
    if (diff <= 0n) {
      rw.replaceOp(op, op.initArgs);
      return rw.done();
    }
    const step = constIntValue(op.step);
    if (step === undefined) return rw.fail("the step is not a constant");
    if (step >= diff) {
      replaceOpWithRegion(rw, op, op.region, [op.lowerBound, ...op.initArgs]);
      return rw.done();
    }
    const body = forBody(op);
    if (body.first !== body.last) return rw.fail("the loop iterates more than once and its body computes something");
    const yielded = yieldOf(op.region)?.operands ?? [];
    if (yielded.some((v) => v.parentBlock === body)) return rw.fail("the loop yields its own arguments");
    rw.replaceOp(op, [...yielded]);
    return rw.done();
  },
});

// ---- scf.if ----------------------------------------------------------------------------------------------

/** Then/else yields of an scf.if with both regions (undefined otherwise). */
function yieldsOf(op: IfOp): { then: YieldOp; else: YieldOp } | undefined {
  const t = yieldOf(op.thenRegion);
  const e = yieldOf(op.elseRegion);
  return t === undefined || e === undefined ? undefined : { then: t, else: e };
}

/**
 * An `scf.if` whose condition is a constant is the region it picks (RemoveStaticCondition):
 *
 *   %t = arith.constant true
 *   %r = scf.if %t -> (i32) { scf.yield %a : i32 } else { scf.yield %b : i32 }     ->   (uses of %r use %a)
 */
export const ifRemoveStaticCondition = rewrite({
  name: "scf.if.static-condition",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %c = arith.constant ?{true|false}\n  %r = scf.if %c -> ($T) {\n    %s = arith.addi %x, %y : $T\n    scf.yield %s : $T\n  } else {\n    scf.yield %y : $T\n  }",
  ],
  root: IfOp,
  apply(op, rw) {
    const c = defining(op.condition, ConstantOp)?.value;
    if (!(c instanceof IntegerAttr)) return rw.fail("the condition is not an arith.constant");
    if (c.value !== 0n) replaceOpWithRegion(rw, op, op.thenRegion);
    else if (!op.elseRegion.isEmpty) replaceOpWithRegion(rw, op, op.elseRegion);
    else rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * Results nothing uses are dropped from both yields (RemoveUnusedResults):
 *
 *   %r:2 = scf.if %c -> (i32, i32) {...yield %a, %b} else {...yield %d, %e}   (only %r#1 used)
 * ->
 *   %r = scf.if %c -> (i32) {...yield %b} else {...yield %e}
 */
export const ifRemoveUnusedResults = rewrite({
  name: "scf.if.remove-unused-results",
  examples: [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %_r, %s = scf.if %c -> ($T, $T) {\n    %a = arith.addi %x, %y : $T\n    scf.yield %a, %x : $T, $T\n  } else {\n    %m = arith.muli %x, %y : $T\n    scf.yield %y, %m : $T, $T\n  }",
  ],
  root: IfOp,
  apply(op, rw) {
    const used = op.results.filter((r) => r.hasUses);
    if (used.length === op.numResults) return rw.fail("every result is used");
    const yields = yieldsOf(op);
    if (yields === undefined) return rw.fail("the scf.if has no else region");
    rw.setInsertionPointBefore(op);
    const newOp = rw.create(IfOp, { condition: op.condition, values: used.map((r) => r.type), thenRegion: new Region(), elseRegion: new Region() });
    for (const [from, to] of [
      [op.thenRegion, newOp.thenRegion],
      [op.elseRegion, newOp.elseRegion],
    ] as const) {
      const block = rw.createBlock(to);
      rw.mergeBlocks(from.entry as Block, block);
      const y = block.last as YieldOp;
      rw.modifyInPlace(y, () => y.setOperands(used.map((r) => y.getOperand(r.index))));
    }
    rw.replaceOp(
      op,
      op.results.map((r) => (r.hasUses ? (newOp.results[used.indexOf(r)] as Value) : r)),
    );
    return rw.done();
  },
});

/**
 * Results whose yielded values are defined outside the scf.if become `arith.select`s of them, or the value
 * itself when both branches yield it (ConvertTrivialIfToSelect); what is computed inside stays in a smaller
 * scf.if:
 *
 *   %r = scf.if %c -> (i32) { scf.yield %a : i32 } else { scf.yield %b : i32 }   ->   %r = arith.select %c, %a, %b : i32
 */
export const ifConvertTrivialToSelect = rewrite({
  name: "scf.if.to-select",
  examples: [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %r = scf.if %c -> ($T) {\n    scf.yield %x : $T\n  } else {\n    scf.yield %y : $T\n  }",
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %r:2 = scf.if %c -> ($T, $T) {\n    %s = arith.addi %x, %y : $T\n    scf.yield %s, %x : $T, $T\n  } else {\n    scf.yield %y, %x : $T, $T\n  }",
  ],
  root: IfOp,
  apply(op, rw) {
    if (op.numResults === 0) return rw.fail("the scf.if has no results");
    const yields = yieldsOf(op);
    if (yields === undefined) return rw.fail("the scf.if has no else region");
    const pairs = op.results.map((_, i) => [yields.then.getOperand(i), yields.else.getOperand(i)] as const);
    // Which results stay in the scf.if: a value yielded from its own region (decided before the regions move).
    const stays = pairs.map(([t, e]) => t.parentBlock?.parent === op.thenRegion || e.parentBlock?.parent === op.elseRegion);
    const kept = pairs.filter((_, i) => stays[i]);
    if (kept.length === op.numResults) return rw.fail("every yielded value is computed inside the scf.if");
    rw.setInsertionPointBefore(op);
    const replacement = rw.create(IfOp, { condition: op.condition, values: kept.map(([t]) => t.type), thenRegion: new Region(), elseRegion: new Region() });
    replacement.thenRegion.takeBody(op.thenRegion);
    replacement.elseRegion.takeBody(op.elseRegion);
    rw.setInsertionPointBefore(replacement);
    let next = 0;
    const results = pairs.map(([t, e], i) => {
      if (stays[i]) return replacement.results[next++] as Value;
      if (t === e) return t;
      return rw.create(SelectOp, { condition: op.condition, true_value: t, false_value: e }).result;
    });
    for (const y of [yields.then, yields.else]) {
      rw.modifyInPlace(y, () => y.setOperands(y.operands.filter((_, i) => stays[i])));
    }
    rw.replaceOp(op, results);
    return rw.done();
  },
});

/**
 * A result both branches yield the same value for is that value; one yielding `true` / `false` is the
 * condition, `false` / `true` its negation (ReplaceIfYieldWithConditionOrValue):
 *
 *   %r = scf.if %c -> (i1) { ...; scf.yield %true : i1 } else { ...; scf.yield %false : i1 }   ->   (uses of %r use %c)
 */
export const ifReplaceYieldWithCondition = rewrite({
  name: "scf.if.yield-condition",
  examples: [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %r:2 = scf.if %c -> (i1, $T) {\n    %t = arith.constant ?{true|false}\n    %s = arith.addi %x, %y : $T\n    scf.yield %t, %s : i1, $T\n  } else {\n    %f = arith.constant ?{true|false}\n    %m = arith.muli %x, %y : $T\n    scf.yield %f, %m : i1, $T\n  }",
  ],
  root: IfOp,
  apply(op, rw) {
    if (op.numResults === 0) return rw.fail("the scf.if has no results");
    const yields = yieldsOf(op);
    if (yields === undefined) return rw.fail("the scf.if has no else region");
    rw.setInsertionPointBefore(op);
    let changed = false;
    op.results.forEach((r, i) => {
      if (!r.hasUses) return;
      const t = yields.then.getOperand(i);
      const e = yields.else.getOperand(i);
      if (t === e) {
        rw.replaceAllUsesWith(r, t);
        changed = true;
        return;
      }
      if (t.type !== i1 || e.type !== i1) return;
      const tv = constIntValue(t);
      const ev = constIntValue(e);
      if (tv === undefined || ev === undefined) return;
      if (tv === 0n && ev !== 0n) {
        const one = rw.create(ConstantOp, { value: IntegerAttr.get(i1, -1n) });
        rw.replaceAllUsesWith(r, rw.create(XOrIOp, { lhs: op.condition, rhs: one.result }).result);
        changed = true;
      } else if (tv !== 0n && ev === 0n) {
        rw.replaceAllUsesWith(r, op.condition);
        changed = true;
      }
    });
    return changed ? rw.done() : rw.fail("no result is the condition or one value");
  },
});

/**
 * An else region that only yields nothing is dropped (RemoveEmptyElseBranch):
 *
 *   scf.if %c { "x.op"() : () -> () } else { }     ->     scf.if %c { "x.op"() : () -> () }
 */
export const ifRemoveEmptyElse = rewrite({
  name: "scf.if.remove-empty-else",
  examples: [
    {
      // The call keeps the scf.if alive (an scf.if without effects or results is dead code, erased first).
      defs: "func.func private @ex_sink_$T(%a: $T) {\n  func.return\n}",
      ir: "^bb0(%c: i1, %x: $T):\n  scf.if %c {\n    func.call @ex_sink_$T(%x) : ($T) -> ()\n  } else {\n  }",
    },
  ],
  root: IfOp,
  apply(op, rw) {
    if (op.numResults > 0) return rw.fail("the scf.if has results");
    const block = op.elseRegion.entry;
    if (block === undefined || block.first !== block.last) return rw.fail("the else region is absent or does something");
    rw.eraseBlock(block);
    return rw.done();
  },
});

/**
 * `scf.if` on a negated condition swaps its regions (IfOp::fold):
 *
 *   %n = arith.xori %c, %true : i1
 *   scf.if %n { A } else { B }            ->      scf.if %c { B } else { A }
 */
export const ifSwapNegatedCondition = rewrite({
  name: "scf.if.negated-condition",
  examples: [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %t = arith.constant true\n  %n = arith.xori %c, %t : i1\n  %r = scf.if %n -> ($T) {\n    %s = arith.addi %x, %y : $T\n    scf.yield %s : $T\n  } else {\n    %m = arith.muli %x, %y : $T\n    scf.yield %m : $T\n  }",
  ],
  root: IfOp,
  apply(op, rw) {
    if (op.elseRegion.isEmpty) return rw.fail("the scf.if has no else region");
    const xor = defining(op.condition, XOrIOp);
    if (xor === undefined || constIntValue(xor.rhs) === undefined || BigInt.asUintN(1, constIntValue(xor.rhs) as bigint) !== 1n) {
      return rw.fail("the condition is not `xori %c, true`");
    }
    rw.modifyInPlace(op, () => {
      op.setOperand(0, xor.lhs);
      const thenBlocks = new Region();
      thenBlocks.takeBody(op.thenRegion);
      op.thenRegion.takeBody(op.elseRegion);
      op.elseRegion.takeBody(thenBlocks);
    });
    return rw.done();
  },
});

// ---- scf.execute_region ------------------------------------------------------------------------------------

/**
 * A single-block `scf.execute_region` is its body (SingleBlockExecuteInliner):
 *
 *   %r = scf.execute_region -> i32 { %a = ...; scf.yield %a : i32 }     ->     %a = ...   (uses of %r use %a)
 */
export const executeRegionInlineSingleBlock = rewrite({
  name: "scf.execute_region.inline-single-block",
  examples: ["^bb0(%x: $T, %y: $T):\n  %r = scf.execute_region -> $T {\n    %s = arith.addi %x, %y : $T\n    scf.yield %s : $T\n  }"],
  root: ExecuteRegionOp,
  apply(op, rw) {
    if (op.region.blocks.length !== 1) return rw.fail("the region has several blocks");
    replaceOpWithRegion(rw, op, op.region);
    return rw.done();
  },
});

/**
 * A multi-block `scf.execute_region` directly in a function (or another execute_region) becomes blocks of its
 * parent: its yields branch to the block after it (MultiBlockExecuteInliner):
 *
 *   %r = scf.execute_region -> i32 {            cf.br ^bb1
 *     cf.br ^bb1                         ->   ^bb1:
 *   ^bb1:                                       cf.br ^bb2(%a : i32)
 *     scf.yield %a : i32                      ^bb2(%r: i32):
 *   }
 */
export const executeRegionInlineMultiBlock = rewrite({
  name: "scf.execute_region.inline-multi-block",
  examples: [
    "^bb0(%c: i1, %x: $T, %y: $T):\n  %r = scf.execute_region -> $T {\n    cf.cond_br %c, ^bb1, ^bb2\n  ^bb1:\n    %s = arith.addi %x, %y : $T\n    scf.yield %s : $T\n  ^bb2:\n    scf.yield %y : $T\n  }",
  ],
  root: ExecuteRegionOp,
  apply(op, rw) {
    const parent = op.parentOp;
    if (parent === undefined || (FunctionOpInterface.of(parent) === undefined && !(parent instanceof ExecuteRegionOp))) {
      return rw.fail("the parent is neither a function nor an scf.execute_region");
    }
    const entry = op.region.entry;
    if (entry === undefined) return rw.fail("the region is empty");
    const prev = op.parent as Block;
    const post = rw.splitBlock(prev, op);
    rw.setInsertionPointToEnd(prev);
    rw.create(BranchOp, { dest: entry, destOperands: [] });
    for (const block of op.region.blocks) {
      const y = block.last;
      if (!(y instanceof YieldOp)) continue;
      rw.setInsertionPointBefore(y);
      rw.create(BranchOp, { dest: post, destOperands: [...y.operands] });
      rw.eraseOp(y);
    }
    rw.inlineRegionBefore(op.region, prev.parent as Region, (prev.parent as Region).blocks.indexOf(post));
    const args = op.results.map((r) => post.addArgument(r.type, op.loc));
    rw.replaceOp(op, args);
    return rw.done();
  },
});

// ---- scf.parallel ------------------------------------------------------------------------------------------

/**
 * A parallel loop with a dimension whose lower and upper bounds are the same value does not iterate: its
 * results are its initial values (RemoveEmptyParallelLoops).
 *
 *   %r = scf.parallel (%i) = (%n) to (%n) step (%c1) init (%x) -> i32 { ... }     ->     (uses of %r use %x)
 */
export const parallelRemoveEmpty = rewrite({
  name: "scf.parallel.remove-empty",
  examples: [
    "^bb0(%x: $T, %n: index):\n  %c1 = arith.constant 1 : index\n  %r = scf.parallel (%i) = (%n) to (%n) step (%c1) init (%x) -> $T {\n    scf.reduce(%x) : $T {\n    ^bb0(%a: $T, %b: $T):\n      %s = arith.addi %a, %b : $T\n      scf.reduce.return %s : $T\n    }\n    scf.yield\n  }",
  ],
  root: ParallelOp,
  apply(op, rw) {
    if (!op.lowerBound.some((lb, i) => lb === op.upperBound[i])) return rw.fail("no dimension has equal bounds");
    rw.replaceOp(op, op.initVals);
    return rw.done();
  },
});

export const scfCanonicalizationPatterns: readonly Pattern[] = [
  ifCombine,
  ifCombineNested,
  ifConditionPropagation,
  whileInvariantBeforeArgs,
  whileInvariantValueYielded,
  whileConditionTruth,
  whileCmpCond,
  whileUnusedResult,
  parallelCollapseSingleIteration,
  parallelMergeNested,
  executeRegionInlineSingleBlock,
  executeRegionInlineMultiBlock,
  forIterArgsFolder,
  forSimplifyTrivialLoops,
  ifSwapNegatedCondition,
  // Before ConvertTrivialIfToSelect (MLIR 16 lists it after, where it never gets to fire: the folder hoists the
  // yielded constants out of the regions first, so to-select takes them); the output is the same either way.
  ifReplaceYieldWithCondition,
  ifConvertTrivialToSelect,
  ifRemoveEmptyElse,
  ifRemoveStaticCondition,
  ifRemoveUnusedResults,
  parallelRemoveEmpty,
];

/** The patterns as an extension of the scf dialect, for a Context to load (the `canonicalize` pass reads them there). */
export const scfCanonicalization = defineDialectExtension({
  name: "scf-canonicalization",
  dialects: ["scf", "arith", "cf"],
  canonicalization: scfCanonicalizationPatterns,
});
