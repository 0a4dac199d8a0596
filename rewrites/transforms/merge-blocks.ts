/**
 * Merging of identical blocks, as MLIR 16's region simplification does it (RegionUtils.cpp,
 * mergeIdenticalBlocks): non-entry blocks of a region that have the same successors, the same argument types
 * and equivalent ops (same names, attributes and result types; operands either the same value, or values
 * defined in the block at the same position, or two values from outside the block) are merged into the first
 * of them. Operands from outside that differ become new arguments of the merged block, and every branch into
 * one of the merged blocks passes the value that block used.
 *
 *   cf.cond_br %c, ^bb1, ^bb2                     cf.cond_br %c, ^bb1(%a, %b : i32, i32), ^bb1(%b, %a : i32, i32)
 * ^bb1:                                         ^bb1(%x: i32, %y: i32):
 *   %m = arith.muli %a, %b : i32       -->        %m = arith.muli %x, %y : i32
 *   return %m : i32                               return %m : i32
 * ^bb2:
 *   %n = arith.muli %b, %a : i32
 *   return %n : i32
 *
 * As in MLIR 16, blocks holding ops with non-empty regions, and blocks whose arguments or results are used
 * outside them, are never merged; a cluster needing new arguments is merged only when every branch into it
 * implements BranchOpInterface (whose forwarded operands can be extended, whatever the dialect), else left
 * whole (MLIR does not split it either). New arguments are not deduplicated: MLIR 16 passes
 * `(%a, %a)` twice rather than once.
 */
import { isa } from "../../src/ir/interfaces.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Block, Operation, Region } from "../../src/ir/operation.ts";
import { BlockArgument, OpResult, type Value } from "../../src/ir/value.ts";
import { BranchOpInterface } from "../../src/interfaces/control-flow.ts";
import type { Rewriter } from "../../src/rewrite/rewriter.ts";

// ---- block equivalence --------------------------------------------------------------------------------------

/** Where a value defined in a block sits: arguments first, then each op's results in order (MLIR's order index). */
function positionsInBlock(block: Block): Map<Value, number> {
  const positions = new Map<Value, number>();
  block.args.forEach((a, i) => positions.set(a, i));
  let next = block.args.length;
  for (const op of block.ops()) for (const r of op.results) positions.set(r, next++);
  return positions;
}

const isUsedOutside = (v: Value, block: Block): boolean => {
  for (const use of v.uses()) if (use.owner.parent !== block) return true;
  return false;
};

/** A block with what comparing it needs. */
class BlockData {
  readonly ops: Operation[];
  readonly positions: Map<Value, number>;
  /** Cheap summary two equivalent blocks share (MLIR's block hash). */
  readonly signature: string;

  constructor(readonly block: Block) {
    this.ops = block.operations;
    this.positions = positionsInBlock(block);
    this.signature = `${block.argTypes.map((t) => t.id).join(",")}|${this.ops.map((o) => `${o.name}/${o.numOperands}/${o.numResults}`).join(";")}`;
  }
}

/** Same attributes, in any order (attributes are uniqued: equal ones are the same object). */
function sameAttributes(a: Operation, b: Operation): boolean {
  if (a.attributes.size !== b.attributes.size) return false;
  for (const [name, value] of a.attributes) if (b.attributes.get(name) !== value) return false;
  return true;
}

/** MLIR's OperationEquivalence with operands ignored and locations ignored. */
function equivalentIgnoringOperands(a: Operation, b: Operation): boolean {
  if (a.name !== b.name || a.numOperands !== b.numOperands || a.numResults !== b.numResults) return false;
  if (a.regions.length !== b.regions.length || a.successors.length !== b.successors.length) return false;
  if (!sameAttributes(a, b)) return false;
  return a.results.every((r, i) => r.type === b.getResult(i).type);
}

/**
 * False when `operand` (from outside `block`) is a result of the terminator of one of `block`'s predecessors:
 * a branch could not pass it to the merged block (it would not dominate its own use).
 */
function canBeForwarded(block: Block, operand: Value): boolean {
  const def = operand.definingOp;
  const defBlock = operand.parentBlock;
  if (def === undefined || defBlock === undefined || def !== defBlock.terminator) return true;
  return !block.predecessors.includes(defBlock);
}

/** An operand slot: op index in the block, operand index in the op. */
type OperandSlot = readonly [op: number, operand: number];

/**
 * Compares `other` with the cluster's `leader`; returns the operand slots whose values differ (and would become
 * new arguments), or undefined when the blocks are not equivalent.
 */
function mismatchedSlots(leader: BlockData, other: BlockData): OperandSlot[] | undefined {
  if (leader.signature !== other.signature) return undefined;
  const slots: OperandSlot[] = [];
  for (const [opIndex, l] of leader.ops.entries()) {
    const r = other.ops[opIndex] as Operation;
    if (!equivalentIgnoringOperands(l, r)) return undefined;
    for (const [i, lv] of l.operands.entries()) {
      const rv = r.getOperand(i);
      if (lv === rv) continue;
      if (lv.type !== rv.type) return undefined;
      const lInside = lv.parentBlock === leader.block;
      const rInside = rv.parentBlock === other.block;
      if (lInside !== rInside) return undefined;
      if (lInside) {
        if (leader.positions.get(lv) !== other.positions.get(rv)) return undefined;
        continue;
      }
      if (!canBeForwarded(leader.block, lv) || !canBeForwarded(other.block, rv)) return undefined;
      slots.push([opIndex, i]);
    }
    // An op whose results are used elsewhere cannot stand for both blocks' copies of it.
    if (l.results.some((v) => isUsedOutside(v, leader.block)) || r.results.some((v) => isUsedOutside(v, other.block))) return undefined;
  }
  return slots;
}

/** Blocks that can merge into the first (the leader), and the operand slots that become new arguments. */
class Cluster {
  readonly members: BlockData[] = [];
  readonly #slots = new Map<string, OperandSlot>();

  constructor(readonly leader: BlockData) {}

  tryAdd(data: BlockData): boolean {
    const slots = mismatchedSlots(this.leader, data);
    if (slots === undefined) return false;
    for (const s of slots) this.#slots.set(`${s[0]},${s[1]}`, s);
    this.members.push(data);
    return true;
  }

  /** The slots to turn into arguments, in op order then operand order. */
  get slots(): OperandSlot[] {
    return [...this.#slots.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
}

// ---- merging ------------------------------------------------------------------------------------------------

/** True when every branch into `block` implements BranchOpInterface (so its forwarded operands can be extended). */
const predecessorsAreBranches = (block: Block): boolean =>
  block.predecessors.every((p) => p.terminator !== undefined && isa(p.terminator, BranchOpInterface));

/** Appends `extra.get(block)` to the operands every branch forwards to each block of `extra`. */
function extendBranchOperands(extra: ReadonlyMap<Block, readonly Value[]>, rw: Rewriter): void {
  const branches = new Set<Operation>();
  for (const block of extra.keys()) for (const p of block.predecessors) branches.add(p.terminator as Operation);
  for (const op of branches) {
    const branch = BranchOpInterface.of(op);
    if (branch === undefined) throw new Error(`'${op.name}' branches into a merged block but is no BranchOpInterface`);
    rw.modifyInPlace(op, () =>
      op.successors.forEach((dest, i) => {
        const values = extra.get(dest);
        if (values !== undefined) branch.getSuccessorOperands(i).forwarded.append(values);
      }),
    );
  }
}

/** Makes every branch to `from` go to `to` instead. */
function redirectBranches(from: Block, to: Block, rw: Rewriter): void {
  for (const pred of new Set(from.predecessors)) {
    const term = pred.terminator as Operation;
    rw.modifyInPlace(term, () => term.successors.forEach((s, i) => s === from && term.setSuccessor(i, to)));
  }
}

/** Where `v` comes from (its op's location, or its block argument's). */
const valueLoc = (v: Value): Location => (v instanceof BlockArgument ? v.loc : (v as OpResult).owner.loc);

/** Merges the cluster's members into its leader; false when it cannot (a branch in that cannot be extended). */
function mergeCluster(cluster: Cluster, rw: Rewriter): boolean {
  if (cluster.members.length === 0) return false;
  const leader = cluster.leader.block;
  const slots = cluster.slots;
  const all = [cluster.leader, ...cluster.members];
  if (slots.length > 0) {
    if (!all.every((d) => predecessorsAreBranches(d.block))) return false;
    // What each block passes for each new argument, read before the leader's operands change.
    const passed = all.map((d) => slots.map(([op, i]) => (d.ops[op] as Operation).getOperand(i)));
    for (const [opIndex, i] of slots) {
      const op = cluster.leader.ops[opIndex] as Operation;
      const value = op.getOperand(i);
      const arg = leader.addArgument(value.type, valueLoc(value));
      rw.modifyInPlace(op, () => op.setOperand(i, arg));
    }
    extendBranchOperands(new Map(all.map((d, c) => [d.block, passed[c] ?? []])), rw);
  }
  for (const { block } of cluster.members) {
    redirectBranches(block, leader, rw);
    rw.eraseBlock(block);
  }
  return true;
}

/** A block that may join a cluster: no op with a non-empty region, no argument used outside it. */
const mayMerge = (block: Block): boolean =>
  block.operations.every((op) => op.regions.every((r) => r.isEmpty)) && block.args.every((a) => !isUsedOutside(a, block));

/** Merges one cluster of identical blocks of `region` (not of nested regions); returns how many blocks it merged away. */
function mergeRound(region: Region, rw: Rewriter): number {
  if (region.blocks.length <= 1) return 0;
  // Group the non-entry blocks by their successors: only blocks in one group can be identical.
  const index = new Map(region.blocks.map((b, i) => [b, i]));
  const groups = new Map<string, Block[]>();
  for (const block of region.blocks.slice(1)) {
    const key = block.successors.map((s) => index.get(s) ?? -1).join(",");
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [block]);
    else group.push(block);
  }
  for (const blocks of groups.values()) {
    if (blocks.length < 2) continue;
    const clusters: Cluster[] = [];
    for (const block of blocks) {
      if (!mayMerge(block)) continue;
      const data = new BlockData(block);
      if (!clusters.some((c) => c.tryAdd(data))) clusters.push(new Cluster(data));
    }
    // One merge per round: it rebuilds branches (in other blocks of the region too), which would leave the
    // operand positions recorded for other clusters stale. The caller runs rounds until none merges.
    for (const cluster of clusters) if (mergeCluster(cluster, rw)) return cluster.members.length;
  }
  return 0;
}

/**
 * Merges identical blocks in every region nested in `root` (not counting `root`'s own block), repeating on a
 * region while it changes (a merge can make its predecessors identical). Returns how many blocks were merged
 * into another (and erased). All changes go through `rw`.
 */
export function mergeIdenticalBlocks(root: Operation, rw: Rewriter): number {
  let merged = 0;
  const visit = (region: Region): void => {
    for (let n = mergeRound(region, rw); n > 0; n = mergeRound(region, rw)) merged += n;
    for (const block of region.blocks) for (const op of block.ops()) for (const nested of op.regions) visit(nested);
  };
  for (const region of root.regions) visit(region);
  return merged;
}
