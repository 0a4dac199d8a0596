/**
 * Canonicalization patterns of the cf dialect, as MLIR 16's ControlFlowOps.cpp (all of them), as the
 * `cfCanonicalization` extension a Context loads. Merging a block into its single predecessor is one of them (MLIR's
 * simplifyBrToBlockWithSinglePred on cf.br), so it is a pattern here too.
 *
 * MLIR's greedy driver also simplifies regions after each sweep. Of that, the removal of unreachable blocks
 * is done here by patterns rooted on each terminator kind (`eraseUnreachableBlock`; the driver visits ops,
 * not blocks). Region DCE (dead block arguments, dead cycles) and the merging of identical blocks are
 * `simplifyRegions` in rewrites/transforms/dce.ts, which the canonicalize driver runs after each sweep.
 *
 * Each pattern's comment shows its before/after IR; `^bb` names are blocks, `%c` a constant.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { i1, IntegerType } from "../../src/ir/types.ts";
import { BlockArgument, type Value } from "../../src/ir/value.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import type { OpClassLike } from "../../src/ir/defining.ts";
import { type MatchResult, type Pattern, type PatternRewriter, rewrite, type RewriteExample } from "../../src/rewrite/pattern.ts";
import { ConstantOp, SelectOp } from "../../dialects/arith/index.ts";
import {
  AssertOp,
  BranchOp,
  CondBranchOp,
  type SwitchCase,
  SwitchOp,
  switchArgs,
  switchCaseOperands,
  switchCaseValues,
} from "../../dialects/cf/index.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { eraseUnreachableBlocks, isReachable } from "../transforms/dce.ts";

const sameValues = (a: readonly Value[], b: readonly Value[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** A branch target: a block and the values passed to its arguments. */
interface Target {
  readonly dest: Block;
  readonly operands: readonly Value[];
}

/**
 * If `target.dest` holds nothing but `cf.br ^next(...)` (its arguments used only there, and not a branch to
 * itself), the target that jump leads to, with `target`'s values substituted for the block's arguments.
 */
function collapsePassThrough(target: Target): Target | undefined {
  const block = target.dest;
  const br = block.first;
  if (!(br instanceof BranchOp) || br.next !== undefined) return undefined;
  if (block.args.some((a) => a.users().some((u) => u !== br))) return undefined;
  if (br.dest === block) return undefined;
  const operands = br.destOperands.map((v) => (v instanceof BlockArgument && v.owner === block ? (target.operands[v.index] as Value) : v));
  return { dest: br.dest, operands };
}

/** The unique block whose terminator branches to `block` by exactly one edge (MLIR's getSinglePredecessor). */
function singlePredecessor(block: Block): Block | undefined {
  const preds = block.predecessors;
  return preds.length === 1 ? preds[0] : undefined;
}

/** Replaces the terminator `op` with `cf.br target` at its location. */
function branchTo(rw: PatternRewriter, op: Operation, target: Target): MatchResult {
  rw.replaceOpWithNew(op, BranchOp, { dest: target.dest, destOperands: [...target.operands] });
  return rw.done();
}

// ---- unreachable blocks ----------------------------------------------------------------------------------

/**
 * Erases the block ending in `op` (with every other unreachable block of its region) when no path from the
 * region's entry reaches it. Rooted on terminators because the greedy driver visits ops, not blocks.
 *
 *   func.func @f() {                  func.func @f() {
 *     return                            return
 *   ^bb1:  // no predecessors   ->    }
 *     cf.br ^bb1
 *   }
 */
export function eraseUnreachableBlock(op: Operation, rw: PatternRewriter): MatchResult {
  const block = op.parent;
  const region = block?.parent;
  if (block === undefined || region === undefined || block.last !== op) return rw.fail("not a block terminator");
  if (isReachable(block)) return rw.fail("the block is reachable");
  eraseUnreachableBlocks(region, rw);
  return rw.done();
}

/**
 * The unreachable-block pattern for one terminator kind (cf's here; rewrites/func adds func.return). Its high
 * benefit lets dead blocks go before other patterns spend work on them.
 */
export function eraseUnreachableBlockPattern(root: OpClassLike): Pattern {
  const terminator = UNREACHABLE_TERMINATORS[root.info?.name ?? ""];
  const examples = terminator === undefined ? {} : { examples: [unreachableBlockExample(terminator)] };
  return rewrite({ name: `${root.info?.name ?? "op"}.erase-unreachable-block`, root, benefit: 10, ...examples, apply: eraseUnreachableBlock });
}

/** For examples: how an unreachable block (^bb1, holding `%k : $T`) ends, per terminator kind, going to ^bb2(%r: $T). */
const UNREACHABLE_TERMINATORS: Readonly<Record<string, string>> = {
  "cf.br": "cf.br ^bb2(%k : $T)",
  "cf.cond_br": "%c = arith.constant ?{true|false}\n  cf.cond_br %c, ^bb2(%k : $T), ^bb1",
  "cf.switch": "%f = arith.constant ?{0|1} : i32\n  cf.switch %f : i32, [default: ^bb2(%k : $T), 1: ^bb1]",
  // The program generator makes an example's func.return return what the function returns.
  "func.return": "func.return",
};

/** A block no path reaches, ending in `terminator`, between the entry and the block the program continues in. */
function unreachableBlockExample(terminator: string): RewriteExample {
  return `^bb0(%x: $T):\n  cf.br ^bb2(%x : $T)\n^bb1:\n  %k = arith.constant ?k : $T\n  ${terminator}\n^bb2(%r: $T):`;
}

// ---- examples ------------------------------------------------------------------------------------------

/** Switch flags in examples: integers (cf.switch takes no index). */
const SWITCH_FLAG_TYPES = { T: ["i8", "i16", "i32", "i64"] };

/**
 * Example IR: blocks `^bb<n>` (one per entry of `blocks`) that each compute something of %x and %y (addi,
 * muli, subi, in turn) and branch with it to `^bb<merge>`, which takes `%r: $T` and is where the program goes on.
 */
function arms(blocks: readonly number[], merge: number): string {
  const ops = ["addi", "muli", "subi"];
  const body = blocks.map((b, i) => `^bb${b}:\n  %v${b} = arith.${ops[i % 3]} %x, %y : $T\n  cf.br ^bb${merge}(%v${b} : $T)`);
  return [...body, `^bb${merge}(%r: $T):`].join("\n");
}

// ---- cf.assert -------------------------------------------------------------------------------------------

/** `cf.assert %true, "msg"` is erased (MLIR's AssertOp::canonicalize). */
export const eraseAssertTrue = rewrite({
  name: "cf.assert-true",
  examples: ["%t = arith.constant true\n  cf.assert %t, \"always holds\""],
  root: AssertOp,
  apply(op, rw) {
    const c = constIntValue(op.arg);
    if (c === undefined || BigInt.asUintN(1, c) !== 1n) return rw.fail("the condition is not the constant true");
    rw.eraseOp(op);
    return rw.done();
  },
});

// ---- cf.br -----------------------------------------------------------------------------------------------

/**
 * A branch to a block whose only predecessor is this branch merges the blocks (MLIR's
 * simplifyBrToBlockWithSinglePred):
 *
 *   ^bb0:  %a = ... ; cf.br ^bb1(%a : i32)        ^bb0:  %a = ... ; %b = arith.addi %a, %a : i32 ; return %b
 *   ^bb1(%x: i32):                           ->
 *     %b = arith.addi %x, %x : i32 ; return %b
 */
export const mergeBlockIntoSinglePredecessor = rewrite({
  name: "cf.br-merge-single-predecessor",
  examples: ["^bb0(%x: $T, %y: $T):\n  %s = arith.addi %x, %y : $T\n  cf.br ^bb1(%s : $T)\n^bb1(%a: $T):\n  %r = arith.muli %a, %x : $T"],
  root: BranchOp,
  benefit: 2,
  apply(op, rw) {
    const dest = op.dest;
    const block = op.parent;
    if (block === undefined || dest === block) return rw.fail("branch to its own block");
    if (dest.predecessors.length !== 1) return rw.fail("the destination has other predecessors");
    const operands = [...op.destOperands];
    rw.eraseOp(op);
    rw.mergeBlocks(dest, block, operands);
    return rw.done();
  },
});

/**
 * A branch to a block that only branches on jumps straight to the final target (simplifyPassThroughBr):
 *
 *   cf.br ^bb1(%a : i32)                     cf.br ^bb2(%a : i32)
 *   ^bb1(%x: i32):  cf.br ^bb2(%x : i32)  ->
 */
export const branchPassThrough = rewrite({
  name: "cf.br-pass-through",
  examples: [
    // Two branches to a block that only branches on (it has two predecessors, so it is not merged).
    `^bb0(%c: i1, %x: $T, %y: $T):
  cf.cond_br %c, ^bb1, ^bb2
${arms([1, 2], 3)}
  cf.br ^bb4(%r : $T)
^bb4(%out: $T):`,
  ],
  root: BranchOp,
  apply(op, rw) {
    if (op.dest === op.parent) return rw.fail("branch to its own block");
    const collapsed = collapsePassThrough({ dest: op.dest, operands: op.destOperands });
    if (collapsed === undefined) return rw.fail("the destination does more than branch on");
    return branchTo(rw, op, collapsed);
  },
});

// ---- cf.cond_br ------------------------------------------------------------------------------------------

/**
 * A conditional branch on a constant takes the known edge (SimplifyConstCondBranchPred):
 *
 *   cf.cond_br %true, ^bb1(%a : i32), ^bb2   ->   cf.br ^bb1(%a : i32)
 */
export const condBranchOnConstant = rewrite({
  name: "cf.cond_br-constant-condition",
  examples: [
    `^bb0(%x: $T, %y: $T):
  %c = arith.constant ?{true|false}
  cf.cond_br %c, ^bb1, ^bb2(%y : $T)
^bb1:
  %a = arith.addi %x, %y : $T
  cf.br ^bb2(%a : $T)
^bb2(%r: $T):`,
  ],
  root: CondBranchOp,
  apply(op, rw) {
    const c = constIntValue(op.condition);
    if (c === undefined) return rw.fail("the condition is not a constant");
    const taken = c !== 0n ? { dest: op.trueDest, operands: op.trueDestOperands } : { dest: op.falseDest, operands: op.falseDestOperands };
    return branchTo(rw, op, taken);
  },
});

/**
 * Either destination that only branches on is replaced by its own target (SimplifyPassThroughCondBranch):
 *
 *   cf.cond_br %c, ^bb1, ^bb2                     cf.cond_br %c, ^bb3(%a : i32), ^bb2
 *   ^bb1:  cf.br ^bb3(%a : i32)             ->
 */
export const condBranchPassThrough = rewrite({
  name: "cf.cond_br-pass-through",
  examples: [
    `^bb0(%c: i1, %x: $T, %y: $T):
  cf.cond_br %c, ^bb1, ^bb2(%y : $T)
^bb1:
  cf.br ^bb2(%x : $T)
^bb2(%r: $T):`,
  ],
  root: CondBranchOp,
  apply(op, rw) {
    const t = { dest: op.trueDest, operands: op.trueDestOperands };
    const f = { dest: op.falseDest, operands: op.falseDestOperands };
    const newT = collapsePassThrough(t);
    const newF = collapsePassThrough(f);
    if (newT === undefined && newF === undefined) return rw.fail("no destination only branches on");
    const [tt, ff] = [newT ?? t, newF ?? f];
    rw.replaceOpWithNew(op, CondBranchOp, {
      condition: op.condition,
      trueDest: tt.dest,
      trueDestOperands: [...tt.operands],
      falseDest: ff.dest,
      falseDestOperands: [...ff.operands],
    });
    return rw.done();
  },
});

/**
 * Both edges to one block become one branch (SimplifyCondBranchIdenticalSuccessors); differing operands
 * are selected when this block is the destination's only predecessor:
 *
 *   cf.cond_br %c, ^bb1(%a : i32), ^bb1(%a : i32)   ->   cf.br ^bb1(%a : i32)
 *   cf.cond_br %c, ^bb1(%a : i32), ^bb1(%b : i32)   ->   %s = arith.select %c, %a, %b : i32 ; cf.br ^bb1(%s : i32)
 */
export const condBranchIdenticalSuccessors = rewrite({
  name: "cf.cond_br-identical-successors",
  examples: ["^bb0(%c: i1, %x: $T, %y: $T):\n  cf.cond_br %c, ^bb1(%x : $T), ^bb1(%?{x|y} : $T)\n^bb1(%r: $T):"],
  root: CondBranchOp,
  apply(op, rw) {
    const dest = op.trueDest;
    if (dest !== op.falseDest) return rw.fail("the destinations differ");
    const [ts, fs] = [op.trueDestOperands, op.falseDestOperands];
    if (sameValues(ts, fs)) return branchTo(rw, op, { dest, operands: ts });
    if (dest.predecessors.some((p) => p !== op.parent)) return rw.fail("the destination has other predecessors");
    const merged = rw.at(
      InsertionPoint.before(op),
      () => ts.map((t, i) => (t === fs[i] ? t : rw.create(SelectOp, { condition: op.condition, true_value: t, false_value: fs[i] as Value }).result)),
      op.loc,
    );
    return branchTo(rw, op, { dest, operands: merged });
  },
});

/**
 * A conditional branch in a block reached only from a conditional branch on the same condition takes the
 * edge that one took (SimplifyCondBranchFromCondBranchOnSameCondition):
 *
 *   ^bb0:  cf.cond_br %c, ^bb1, ^bb2
 *   ^bb1:  cf.cond_br %c, ^bb3, ^bb4       ->   ^bb1:  cf.br ^bb3
 */
export const condBranchOnSameCondition = rewrite({
  name: "cf.cond_br-same-condition-as-predecessor",
  examples: [
    // The inner branch (^bb1) comes first, so that it is visited before truth propagation on the outer one;
    // the outer one sometimes branches on another condition, where the pattern must not fire.
    `^bb0(%c: i1, %d: i1, %x: $T, %y: $T):
  cf.br ^bb2
^bb1:
  cf.cond_br %c, ^bb3(%x : $T), ^bb4
^bb2:
  cf.cond_br %?{c|c|d}, ^bb1, ^bb4
^bb4:
  %z = arith.muli %x, %y : $T
  cf.br ^bb3(%z : $T)
^bb3(%r: $T):`,
  ],
  root: CondBranchOp,
  apply(op, rw) {
    const block = op.parent;
    const pred = block === undefined ? undefined : singlePredecessor(block);
    const predBranch = pred?.last;
    if (!(predBranch instanceof CondBranchOp) || predBranch.condition !== op.condition) {
      return rw.fail("the single predecessor does not branch on the same condition");
    }
    const onTrue = predBranch.trueDest === block;
    return branchTo(rw, op, onTrue ? { dest: op.trueDest, operands: op.trueDestOperands } : { dest: op.falseDest, operands: op.falseDestOperands });
  },
});

/**
 * Inside a destination reached only by this branch, the condition is known (CondBranchTruthPropagation):
 *
 *   cf.cond_br %c, ^bb1, ^bb2                     %true = arith.constant true
 *   ^bb1:  "use"(%c) : (i1) -> ()           ->    cf.cond_br %c, ^bb1, ^bb2
 *                                                 ^bb1:  "use"(%true) : (i1) -> ()
 */
export const condBranchTruthPropagation = rewrite({
  name: "cf.cond_br-truth-propagation",
  examples: [
    `^bb0(%c: i1, %x: $T, %y: $T):
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %a = arith.select %c, %x, %y : $T
  cf.br ^bb3(%a : $T)
^bb2:
  %b = arith.select %c, %y, %x : $T
  cf.br ^bb3(%b : $T)
^bb3(%r: $T):`,
  ],
  root: CondBranchOp,
  apply(op, rw) {
    const cond = op.condition;
    const replaceIn = (dest: Block, value: boolean): boolean => {
      if (singlePredecessor(dest) === undefined) return false;
      const uses = [...cond.uses()].filter((u) => u.owner.parent === dest);
      if (uses.length === 0) return false;
      const constant = rw.at(InsertionPoint.before(op), () => rw.create(ConstantOp, { value: IntegerAttr.get(i1, value ? 1 : 0) }), op.loc);
      for (const use of uses) rw.modifyInPlace(use.owner, () => use.set(constant.result));
      return true;
    };
    const t = replaceIn(op.trueDest, true);
    const f = replaceIn(op.falseDest, false);
    return t || f ? rw.done() : rw.fail("the condition is not used in a destination reached only from here");
  },
});

// ---- cf.switch -------------------------------------------------------------------------------------------

/** The cases of a `cf.switch`, in order. */
function casesOf(op: SwitchOp): SwitchCase[] {
  const values = switchCaseValues(op);
  return op.caseDestinations.map((dest, i) => ({ value: values[i] ?? 0n, dest, operands: switchCaseOperands(op, i) }));
}

/** Rebuilds `op` with another default and cases. */
function replaceSwitch(rw: PatternRewriter, op: SwitchOp, defaultTarget: Target, cases: readonly SwitchCase[]): MatchResult {
  const flag = op.flag;
  if (!(flag.type instanceof IntegerType)) return rw.fail("the flag is not an integer");
  rw.replaceOpWithNew(op, SwitchOp, switchArgs(flag as Value<IntegerType>, defaultTarget.dest, [...defaultTarget.operands], cases));
  return rw.done();
}

const sameCaseValue = (a: bigint | number, b: bigint, width: number): boolean => BigInt.asUintN(width, BigInt(a)) === BigInt.asUintN(width, b);
const flagWidth = (op: SwitchOp): number => (op.flag.type instanceof IntegerType ? op.flag.type.width : 64);

/** Replaces `op` with a branch to the case `value` selects (or the default). */
function foldSwitchTo(rw: PatternRewriter, op: SwitchOp, value: bigint): MatchResult {
  const taken = casesOf(op).find((c) => sameCaseValue(c.value, value, flagWidth(op)));
  return branchTo(rw, op, taken === undefined ? { dest: op.defaultDestination, operands: op.defaultOperands } : { dest: taken.dest, operands: taken.operands ?? [] });
}

/** `cf.switch %f : i32, [default: ^bb1(%a : i32)]`  ->  `cf.br ^bb1(%a : i32)` (simplifySwitchWithOnlyDefault). */
export const switchOnlyDefault = rewrite({
  name: "cf.switch-only-default",
  examples: [{ ir: "^bb0(%f: $T, %x: $T):\n  cf.switch %f : $T, [default: ^bb1(%x : $T)]\n^bb1(%r: $T):", types: SWITCH_FLAG_TYPES }],
  root: SwitchOp,
  apply(op, rw) {
    if (op.caseDestinations.length > 0) return rw.fail("the switch has cases");
    return branchTo(rw, op, { dest: op.defaultDestination, operands: op.defaultOperands });
  },
});

/**
 * Cases that go where the default goes, with the same operands, are dropped (dropSwitchCasesThatMatchDefault):
 *
 *   cf.switch %f : i32, [default: ^bb1, 42: ^bb1, 43: ^bb2]   ->   cf.switch %f : i32, [default: ^bb1, 43: ^bb2]
 */
export const switchDropCasesMatchingDefault = rewrite({
  name: "cf.switch-drop-cases-matching-default",
  examples: [
    {
      ir: `^bb0(%f: $T, %x: $T, %y: $T):
  cf.switch %f : $T, [default: ^bb1(%x : $T), ?{0|1|42}: ^bb1(%x : $T), ?{-1|2|7}: ^bb2]
^bb2:
  %m = arith.muli %x, %y : $T
  cf.br ^bb1(%m : $T)
^bb1(%r: $T):`,
      types: SWITCH_FLAG_TYPES,
    },
  ],
  root: SwitchOp,
  apply(op, rw) {
    const cases = casesOf(op);
    const kept = cases.filter((c) => !(c.dest === op.defaultDestination && sameValues(c.operands ?? [], op.defaultOperands)));
    if (kept.length === cases.length) return rw.fail("no case matches the default");
    return replaceSwitch(rw, op, { dest: op.defaultDestination, operands: op.defaultOperands }, kept);
  },
});

/** `cf.switch %c42 : i32, [default: ^bb1, 42: ^bb2]`  ->  `cf.br ^bb2` (simplifyConstSwitchValue). */
export const switchOnConstant = rewrite({
  name: "cf.switch-constant-flag",
  examples: [
    {
      ir: `^bb0(%x: $T, %y: $T):
  %f = arith.constant ?{0|1|2|5} : $T
  cf.switch %f : $T, [default: ^bb1, 1: ^bb2, 2: ^bb3]
${arms([1, 2, 3], 4)}`,
      types: SWITCH_FLAG_TYPES,
    },
  ],
  root: SwitchOp,
  apply(op, rw) {
    const value = constIntValue(op.flag);
    if (value === undefined) return rw.fail("the flag is not a constant");
    return foldSwitchTo(rw, op, value);
  },
});

/**
 * Destinations that only branch on are replaced by their own targets (simplifyPassThroughSwitch):
 *
 *   cf.switch %f : i32, [default: ^bb1, 42: ^bb2]       cf.switch %f : i32, [default: ^bb1, 42: ^bb3]
 *   ^bb2:  cf.br ^bb3                              ->
 */
export const switchPassThrough = rewrite({
  name: "cf.switch-pass-through",
  examples: [
    {
      ir: `^bb0(%f: $T, %x: $T, %y: $T):
  cf.switch %f : $T, [default: ^bb1, ?{0|3}: ^bb2(%y : $T)]
^bb1:
  cf.br ^bb2(%x : $T)
^bb2(%r: $T):`,
      types: SWITCH_FLAG_TYPES,
    },
  ],
  root: SwitchOp,
  apply(op, rw) {
    let changed = false;
    const cases = casesOf(op).map((c) => {
      const collapsed = collapsePassThrough({ dest: c.dest, operands: c.operands ?? [] });
      if (collapsed === undefined) return c;
      changed = true;
      return { value: c.value, dest: collapsed.dest, operands: collapsed.operands };
    });
    const defaultTarget = { dest: op.defaultDestination, operands: op.defaultOperands };
    const collapsedDefault = collapsePassThrough(defaultTarget);
    if (collapsedDefault !== undefined) changed = true;
    if (!changed) return rw.fail("no destination only branches on");
    return replaceSwitch(rw, op, collapsedDefault ?? defaultTarget, cases);
  },
});

/** The `cf.switch` on `flag` ending the single predecessor of `block`, if there is one. */
function predecessorSwitchOnSameFlag(op: SwitchOp): SwitchOp | undefined {
  const block = op.parent;
  const pred = block === undefined ? undefined : singlePredecessor(block);
  const predSwitch = pred?.last;
  return predSwitch instanceof SwitchOp && predSwitch.flag === op.flag ? predSwitch : undefined;
}

/**
 * In a block reached by a case of a switch on the same flag, the flag is that case's value
 * (simplifySwitchFromSwitchOnSameCondition):
 *
 *   ^bb0:  cf.switch %f : i32, [default: ^bb1, 42: ^bb2]
 *   ^bb2:  cf.switch %f : i32, [default: ^bb3, 42: ^bb4]     ->   ^bb2:  cf.br ^bb4
 */
export const switchFromSwitchOnSameFlag = rewrite({
  name: "cf.switch-same-flag-as-predecessor-case",
  examples: [
    {
      ir: `^bb0(%f: $T, %x: $T, %y: $T):
  cf.switch %f : $T, [default: ^bb1, 5: ^bb2]
^bb2:
  cf.switch %f : $T, [default: ^bb3, ?{5|6}: ^bb4]
${arms([3, 4, 1], 5)}`,
      types: SWITCH_FLAG_TYPES,
    },
  ],
  root: SwitchOp,
  apply(op, rw) {
    const predSwitch = predecessorSwitchOnSameFlag(op);
    if (predSwitch === undefined || predSwitch.defaultDestination === op.parent) {
      return rw.fail("not reached from a case of a switch on the same flag");
    }
    const index = predSwitch.caseDestinations.indexOf(op.parent as Block);
    const value = switchCaseValues(predSwitch)[index];
    if (value === undefined) return branchTo(rw, op, { dest: op.defaultDestination, operands: op.defaultOperands });
    return foldSwitchTo(rw, op, value);
  },
});

/**
 * In the default destination of a switch on the same flag, the cases that switch sent elsewhere cannot
 * happen and are dropped (simplifySwitchFromDefaultSwitchOnSameCondition):
 *
 *   ^bb0:  cf.switch %f : i32, [default: ^bb1, 42: ^bb2]
 *   ^bb1:  cf.switch %f : i32, [default: ^bb3, 42: ^bb4, 43: ^bb5]   ->   ^bb1:  cf.switch %f : i32, [default: ^bb3, 43: ^bb5]
 */
export const switchFromDefaultOfSwitchOnSameFlag = rewrite({
  name: "cf.switch-same-flag-as-predecessor-default",
  examples: [
    {
      ir: `^bb0(%f: $T, %x: $T, %y: $T):
  cf.switch %f : $T, [default: ^bb2, 5: ^bb1]
^bb2:
  cf.switch %f : $T, [default: ^bb3, 5: ^bb4, ?{6|7}: ^bb1]
${arms([3, 4, 1], 5)}`,
      types: SWITCH_FLAG_TYPES,
    },
  ],
  root: SwitchOp,
  apply(op, rw) {
    const predSwitch = predecessorSwitchOnSameFlag(op);
    const block = op.parent;
    if (predSwitch === undefined || predSwitch.defaultDestination !== block) {
      return rw.fail("not the default destination of a switch on the same flag");
    }
    const width = flagWidth(op);
    const predValues = switchCaseValues(predSwitch);
    const impossible = predSwitch.caseDestinations.flatMap((d, i) => (d !== block && predValues[i] !== undefined ? [predValues[i] as bigint] : []));
    const cases = casesOf(op);
    const kept = cases.filter((c) => !impossible.some((v) => sameCaseValue(c.value, v, width)));
    if (kept.length === cases.length) return rw.fail("no case is excluded by the predecessor");
    return replaceSwitch(rw, op, { dest: op.defaultDestination, operands: op.defaultOperands }, kept);
  },
});

/** Every cf canonicalization pattern, in MLIR's order per op. */
export const cfCanonicalizationPatterns: readonly Pattern[] = [
  eraseAssertTrue,
  mergeBlockIntoSinglePredecessor,
  branchPassThrough,
  condBranchOnConstant,
  condBranchPassThrough,
  condBranchIdenticalSuccessors,
  condBranchOnSameCondition,
  condBranchTruthPropagation,
  switchOnlyDefault,
  switchDropCasesMatchingDefault,
  switchOnConstant,
  switchPassThrough,
  switchFromSwitchOnSameFlag,
  switchFromDefaultOfSwitchOnSameFlag,
  eraseUnreachableBlockPattern(BranchOp),
  eraseUnreachableBlockPattern(CondBranchOp),
  eraseUnreachableBlockPattern(SwitchOp),
];

/** The patterns as an extension of the cf dialect, for a Context to load (the `canonicalize` pass reads them there). */
export const cfCanonicalization = defineDialectExtension({
  name: "cf-canonicalization",
  dialects: ["cf"],
  canonicalization: cfCanonicalizationPatterns,
});
