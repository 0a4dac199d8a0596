/**
 * `convert-scf-to-cf` (MLIR 16's SCFToControlFlow): structured control flow as blocks and branches. scf.for becomes a
 * condition block and the body's blocks, scf.if a conditional branch to its inlined regions, scf.while its two
 * regions chained by branches, scf.execute_region its inlined blocks, scf.parallel a nest of scf.for (with its
 * reductions as loop-carried values), lowered in turn; and scf.index_switch a cf.switch, which MLIR 16 has a
 * pattern for but leaves out of the pass (its target does not mark the op illegal, so the pattern never runs:
 * MLIR 17 fixed that). A partial conversion: everything else stays as it is.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { type IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionRewriter, convert, legality } from "../../src/rewrite/conversion.ts";
import { AddIOp, CmpIOp, cmpiPredicate, IndexCastOp } from "../../dialects/arith/index.ts";
import { BranchOp, CondBranchOp, SwitchOp, switchArgs } from "../../dialects/cf/index.ts";
import { ConditionOp, ExecuteRegionOp, ForOp, IfOp, IndexSwitchOp, ParallelOp, ReduceOp, WhileOp, YieldOp } from "../../dialects/scf/index.ts";

/** The region `block` is in (every block a pattern splits is in one). */
const regionOf = (block: Block): Region => block.parent as Region;
const indexIn = (block: Block): number => regionOf(block).blocks.indexOf(block);

/** A new block with `types` arguments in `block`'s region, just before it (MLIR's createBlock(insertBefore, ...)). */
function createBlockBefore(rw: ConversionRewriter, block: Block, types: readonly Type[]): Block {
  const holder = new Region();
  const created = rw.createBlock(holder, types);
  rw.inlineRegionBefore(holder, regionOf(block), indexIn(block));
  return created;
}

/** The block `op` is in, split before `op`: the new block (holding `op` and what follows) is returned. */
function splitBefore(rw: ConversionRewriter, op: Operation): Block {
  return rw.splitBlock(op.parent as Block, op);
}

const terminatorOf = (block: Block): Operation => block.last as Operation;

/**
 * scf.for as a condition block that compares the induction variable with the upper bound and branches to the body
 * or past the loop; the body's last block adds the step and branches back.
 *
 *   %r = scf.for %i = %lb to %ub step %s iter_args(%acc = %x) -> (f32) {      cf.br ^bb1(%lb, %x : index, f32)
 *     %y = arith.addf %acc, %acc : f32                                     ^bb1(%i: index, %acc: f32):
 *     scf.yield %y : f32                                                     %c = arith.cmpi slt, %i, %ub : index
 *   }                                                                        cf.cond_br %c, ^bb2, ^bb3
 *                                                                          ^bb2:
 *                                                                            %y = arith.addf %acc, %acc : f32
 *                                                                            %n = arith.addi %i, %s : index
 *                                                                            cf.br ^bb1(%n, %y : index, f32)
 *                                                                          ^bb3:       (uses of %r use %acc)
 */
export const forToCf = convert({
  name: "scf.for-to-cf",
  root: ForOp,
  apply(op, _adaptor, rw) {
    const initBlock = op.parent as Block;
    const endBlock = splitBefore(rw, op);
    const conditionBlock = op.region.blocks[0] as Block;
    const firstBodyBlock = rw.splitBlock(conditionBlock, conditionBlock.first);
    const lastBodyBlock = op.region.blocks[op.region.blocks.length - 1] as Block;
    rw.inlineRegionBefore(op.region, regionOf(endBlock), indexIn(endBlock));
    const iv = conditionBlock.arg(0) as Value<IndexType>;

    const terminator = terminatorOf(lastBodyBlock);
    rw.setInsertionPointToEnd(lastBodyBlock);
    const stepped = rw.create(AddIOp, { lhs: iv, rhs: op.step }).result;
    rw.create(BranchOp, { dest: conditionBlock, destOperands: [stepped, ...terminator.operands] });
    rw.eraseOp(terminator);

    rw.setInsertionPointToEnd(initBlock);
    rw.create(BranchOp, { dest: conditionBlock, destOperands: [op.lowerBound, ...op.initArgs] });

    rw.setInsertionPointToEnd(conditionBlock);
    const comparison = rw.create(CmpIOp, { predicate: cmpiPredicate("slt"), lhs: iv, rhs: op.upperBound }).result as Value<IntegerType>;
    rw.create(CondBranchOp, { condition: comparison, trueDest: firstBodyBlock, trueDestOperands: [], falseDest: endBlock, falseDestOperands: [] });
    rw.replaceOp(op, conditionBlock.args.slice(1));
    return rw.done();
  },
});

/** The region's blocks moved before `before`, its last block's scf.yield replaced by a branch to `dest`; its first block. */
function inlineYieldingTo(rw: ConversionRewriter, region: Region, dest: Block, before: Block): Block {
  const first = region.blocks[0] as Block;
  const last = region.blocks[region.blocks.length - 1] as Block;
  const terminator = terminatorOf(last);
  rw.setInsertionPointToEnd(last);
  rw.create(BranchOp, { dest, destOperands: [...terminator.operands] });
  rw.eraseOp(terminator);
  rw.inlineRegionBefore(region, regionOf(before), indexIn(before));
  return first;
}

/**
 * scf.if as a conditional branch to its inlined regions, which branch to a block taking the results.
 *
 *   %r = scf.if %c -> (i32) {              cf.cond_br %c, ^bb1, ^bb2
 *     scf.yield %a : i32                 ^bb1:
 *   } else {                               cf.br ^bb3(%a : i32)
 *     scf.yield %b : i32                 ^bb2:
 *   }                                      cf.br ^bb3(%b : i32)
 *                                        ^bb3(%r: i32):
 *                                          cf.br ^bb4
 *                                        ^bb4:  ...
 */
export const ifToCf = convert({
  name: "scf.if-to-cf",
  root: IfOp,
  apply(op, _adaptor, rw) {
    const condBlock = op.parent as Block;
    const remainingOpsBlock = splitBefore(rw, op);
    let continueBlock = remainingOpsBlock;
    if (op.numResults > 0) {
      continueBlock = createBlockBefore(
        rw,
        remainingOpsBlock,
        op.results.map((r) => r.type),
      );
      rw.create(BranchOp, { dest: remainingOpsBlock, destOperands: [] });
    }
    const thenBlock = inlineYieldingTo(rw, op.thenRegion, continueBlock, continueBlock);
    const elseBlock = op.elseRegion.blocks.length === 0 ? continueBlock : inlineYieldingTo(rw, op.elseRegion, continueBlock, continueBlock);
    rw.setInsertionPointToEnd(condBlock);
    rw.create(CondBranchOp, { condition: op.condition, trueDest: thenBlock, trueDestOperands: [], falseDest: elseBlock, falseDestOperands: [] });
    rw.replaceOp(op, continueBlock.args);
    return rw.done();
  },
});

/**
 * scf.execute_region as its blocks inlined, each scf.yield a branch to the block after, which takes the results.
 *
 *   %r = scf.execute_region -> i32 {          cf.br ^bb1
 *     %x = arith.addi %a, %a : i32           ^bb1:
 *     scf.yield %x : i32                       %x = arith.addi %a, %a : i32
 *   }                                          cf.br ^bb2(%x : i32)
 *                                            ^bb2(%r: i32):  ...
 */
export const executeRegionToCf = convert({
  name: "scf.execute_region-to-cf",
  root: ExecuteRegionOp,
  apply(op, _adaptor, rw) {
    const condBlock = op.parent as Block;
    const remainingOpsBlock = splitBefore(rw, op);
    rw.setInsertionPointToEnd(condBlock);
    rw.create(BranchOp, { dest: op.region.blocks[0] as Block, destOperands: [] });
    for (const block of op.region.blocks) {
      const terminator = block.last;
      if (!(terminator instanceof YieldOp)) continue;
      rw.setInsertionPointToEnd(block);
      rw.create(BranchOp, { dest: remainingOpsBlock, destOperands: [...terminator.operands] });
      rw.eraseOp(terminator);
    }
    rw.inlineRegionBefore(op.region, regionOf(remainingOpsBlock), indexIn(remainingOpsBlock));
    const results = op.results.map((r) => remainingOpsBlock.addArgument(r.type, op.loc));
    rw.replaceOp(op, results);
    return rw.done();
  },
});

/**
 * scf.parallel as a nest of scf.for, one per induction variable; each scf.reduce's region is inlined where the
 * reduce was, combining the loop-carried value with the reduce's operand, and the innermost loop yields the
 * combined values. The scf.for ops are then lowered by scf.for-to-cf.
 *
 *   %r = scf.parallel (%i) = (%lb) to (%ub) step (%s) init (%z) -> f32 {     %r = scf.for %i = %lb to %ub step %s
 *     %x = memref.load %m[%i] : memref<8xf32>                                       iter_args(%acc = %z) -> (f32) {
 *     scf.reduce(%x) : f32 {                                                   %x = memref.load %m[%i] : memref<8xf32>
 *     ^bb0(%a: f32, %b: f32):                                                  %y = arith.addf %acc, %x : f32
 *       %y = arith.addf %a, %b : f32                                           scf.yield %y : f32
 *       scf.reduce.return %y : f32                                           }
 *     }
 *     scf.yield
 *   }
 */
export const parallelToFor = convert({
  name: "scf.parallel-to-for",
  root: ParallelOp,
  apply(op, _adaptor, rw) {
    let iterArgs: Value[] = [...op.initVals];
    const ivs: Value[] = [];
    let loopResults: Value[] = [...iterArgs];
    op.lowerBound.forEach((lower, d) => {
      const region = new Region();
      const loop = rw.create(ForOp, {
        lowerBound: lower,
        upperBound: op.upperBound[d] as Value<never>,
        step: op.step[d] as Value<never>,
        initArgs: iterArgs,
        values: iterArgs.map((v) => v.type),
        region,
      });
      const outer = rw.ip?.block;
      const body = rw.createBlock(region, [lower.type, ...iterArgs.map((v) => v.type)]);
      if (iterArgs.length === 0) rw.create(YieldOp, { values: [] });
      ivs.push(body.arg(0));
      iterArgs = body.args.slice(1);
      if (d === 0) loopResults = [...loop.results];
      else if (loop.numResults > 0 && outer !== undefined) {
        rw.setInsertionPointToEnd(outer);
        rw.create(YieldOp, { values: [...loop.results] });
      }
      rw.setInsertionPointToStart(body);
    });

    const parallelBody = op.region.blocks[0] as Block;
    const yieldOperands: Value[] = [];
    for (const reduce of [...parallelBody.ops()]) {
      if (!(reduce instanceof ReduceOp)) continue;
      const reduceBlock = reduce.reductionOperator.blocks[0] as Block;
      const arg = iterArgs[yieldOperands.length] as Value;
      const ret = terminatorOf(reduceBlock);
      yieldOperands.push(ret.getOperand(0));
      rw.eraseOp(ret);
      rw.inlineBlockBefore(reduceBlock, parallelBody, reduce, [arg, reduce.operand]);
      rw.eraseOp(reduce);
    }
    rw.eraseOp(terminatorOf(parallelBody));
    const newBody = rw.ip?.block as Block;
    const innerYield = newBody.last;
    if (innerYield === undefined) rw.mergeBlocks(parallelBody, newBody, ivs);
    else rw.inlineBlockBefore(parallelBody, newBody, innerYield, ivs);
    if (yieldOperands.length > 0) {
      rw.setInsertionPointToEnd(newBody);
      rw.create(YieldOp, { values: yieldOperands });
    }
    rw.replaceOp(op, loopResults);
    return rw.done();
  },
});

/**
 * scf.while as its `before` region, whose scf.condition branches to the `after` region or past the loop, and its
 * `after` region, whose scf.yield branches back.
 *
 *   %r = scf.while (%a = %x) : (i32) -> i32 {         cf.br ^bb1(%x : i32)
 *     %c = arith.cmpi slt, %a, %n : i32              ^bb1(%a: i32):
 *     scf.condition(%c) %a : i32                       %c = arith.cmpi slt, %a, %n : i32
 *   } do {                                             cf.cond_br %c, ^bb2(%a : i32), ^bb3
 *   ^bb0(%b: i32):                                   ^bb2(%b: i32):
 *     %d = arith.addi %b, %b : i32                     %d = arith.addi %b, %b : i32
 *     scf.yield %d : i32                               cf.br ^bb1(%d : i32)
 *   }                                                ^bb3:        (uses of %r use %a)
 */
export const whileToCf = convert({
  name: "scf.while-to-cf",
  root: WhileOp,
  apply(op, _adaptor, rw) {
    const currentBlock = op.parent as Block;
    const continuation = splitBefore(rw, op);
    const after = op.after.blocks[0] as Block;
    const afterLast = op.after.blocks[op.after.blocks.length - 1] as Block;
    const before = op.before.blocks[0] as Block;
    const beforeLast = op.before.blocks[op.before.blocks.length - 1] as Block;
    rw.inlineRegionBefore(op.after, regionOf(continuation), indexIn(continuation));
    rw.inlineRegionBefore(op.before, regionOf(after), indexIn(after));

    rw.setInsertionPointToEnd(currentBlock);
    rw.create(BranchOp, { dest: before, destOperands: [...op.inits] });

    const cond = terminatorOf(beforeLast);
    if (!(cond instanceof ConditionOp)) return rw.fail("the 'before' region does not end with scf.condition");
    rw.setInsertionPointToEnd(beforeLast);
    rw.create(CondBranchOp, { condition: cond.condition, trueDest: after, trueDestOperands: [...cond.args], falseDest: continuation, falseDestOperands: [] });
    rw.eraseOp(cond);

    const yieldOp = terminatorOf(afterLast);
    rw.setInsertionPointToEnd(afterLast);
    rw.create(BranchOp, { dest: before, destOperands: [...yieldOp.operands] });
    rw.eraseOp(yieldOp);
    rw.replaceOp(op, cond.args);
    return rw.done();
  },
});

/**
 * A do-while loop (an scf.while whose `after` region only forwards its arguments) as its `before` region branching
 * back to itself (MLIR's DoWhileLowering, preferred over the general one).
 *
 *   %r = scf.while (%a = %x) : (i32) -> i32 {       cf.br ^bb1(%x : i32)
 *     %b = arith.addi %a, %a : i32                 ^bb1(%a: i32):
 *     %c = arith.cmpi slt, %b, %n : i32              %b = arith.addi %a, %a : i32
 *     scf.condition(%c) %b : i32                     %c = arith.cmpi slt, %b, %n : i32
 *   } do {                                           cf.cond_br %c, ^bb1(%b : i32), ^bb2
 *   ^bb0(%y: i32):                                 ^bb2:        (uses of %r use %b)
 *     scf.yield %y : i32
 *   }
 */
export const doWhileToCf = convert({
  name: "scf.while-do-while-to-cf",
  root: WhileOp,
  benefit: 2,
  apply(op, _adaptor, rw) {
    if (op.after.blocks.length !== 1) return rw.fail("do-while simplification applicable to single-block 'after' region only");
    const afterBlock = op.after.blocks[0] as Block;
    const only = afterBlock.first;
    if (only === undefined || only !== afterBlock.last) return rw.fail("do-while simplification applicable only if 'after' region has no payload");
    if (!(only instanceof YieldOp) || only.numOperands !== afterBlock.args.length || !only.operands.every((v, i) => v === afterBlock.args[i])) {
      return rw.fail("do-while simplification applicable only to forwarding 'after' regions");
    }
    const currentBlock = op.parent as Block;
    const continuation = splitBefore(rw, op);
    const before = op.before.blocks[0] as Block;
    const beforeLast = op.before.blocks[op.before.blocks.length - 1] as Block;
    rw.inlineRegionBefore(op.before, regionOf(continuation), indexIn(continuation));
    rw.setInsertionPointToEnd(currentBlock);
    rw.create(BranchOp, { dest: before, destOperands: [...op.inits] });
    const cond = terminatorOf(beforeLast);
    if (!(cond instanceof ConditionOp)) return rw.fail("the 'before' region does not end with scf.condition");
    rw.setInsertionPointToEnd(beforeLast);
    rw.create(CondBranchOp, { condition: cond.condition, trueDest: before, trueDestOperands: [...cond.args], falseDest: continuation, falseDestOperands: [] });
    rw.eraseOp(cond);
    rw.replaceOp(op, cond.args);
    return rw.done();
  },
});

const i64 = IntegerType.get(64);

/**
 * scf.index_switch as a cf.switch on the index cast to i64 (exact for a 64-bit index; cf.switch takes no index),
 * each region inlined and branching to a block taking the results.
 *
 *   %r = scf.index_switch %i -> i32           %0 = arith.index_cast %i : index to i64
 *   case 2 {                                  cf.switch %0 : i64, [
 *     scf.yield %a : i32                        default: ^bb2,
 *   }                                           2: ^bb1
 *   default {                                 ]
 *     scf.yield %b : i32                    ^bb1:
 *   }                                         cf.br ^bb3(%a : i32)
 *                                           ^bb2:
 *                                             cf.br ^bb3(%b : i32)
 *                                           ^bb3(%r: i32):  ...
 */
export const indexSwitchToCf = convert({
  name: "scf.index_switch-to-cf",
  root: IndexSwitchOp,
  apply(op, _adaptor, rw) {
    const condBlock = op.parent as Block;
    const continueBlock = splitBefore(rw, op);
    const results = op.results.map((r) => continueBlock.addArgument(r.type, op.loc));
    const caseBlocks = op.caseRegions.map((region) => inlineYieldingTo(rw, region, continueBlock, continueBlock));
    const defaultBlock = inlineYieldingTo(rw, op.defaultRegion, continueBlock, continueBlock);
    rw.setInsertionPointToEnd(condBlock);
    const flag = rw.create(IndexCastOp, { in: op.arg, out: i64 }).out;
    const cases = op.cases.values.map((value, i) => ({ value: BigInt(value), dest: caseBlocks[i] as Block }));
    rw.create(SwitchOp, switchArgs(flag as Value<IntegerType>, defaultBlock, [], cases));
    rw.replaceOp(op, results);
    return rw.done();
  },
});

export const scfToCfPatterns = [forToCf, ifToCf, parallelToFor, whileToCf, executeRegionToCf, indexSwitchToCf, doWhileToCf];

export const convertScfToCfPass = definePass({
  name: "convert-scf-to-cf",
  displayName: "SCFToControlFlow",
  summary: "Convert SCF dialect to ControlFlow dialect, replacing structured control flow with a CFG",
  description:
    "Lowers scf.for, scf.if, scf.while, scf.parallel, scf.execute_region and scf.index_switch to blocks and cf branches (a partial conversion: other ops stay).",
  run(root, pctx) {
    const target = legality()
      .illegalOp(ForOp, IfOp, ParallelOp, WhileOp, ExecuteRegionOp, IndexSwitchOp)
      .markUnknownOpDynamicallyLegal(() => true);
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(root, target, scfToCfPatterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
