/**
 * One-Shot Bufferize's analysis (MLIR 16's OneShotAnalysis.cpp): for each tensor operand an op writes, may the
 * write happen in the operand's own buffer (in place), or must the op write into a copy? Ops are visited
 * bottom-up; an operand goes in place unless that would
 *   - write into a buffer that may not be written (a constant, a function argument marked
 *     `bufferization.writable = false`, the result of an op bufferization does not know), or
 *   - make a read see another write than SSA says it reads (a read-after-write conflict): the reads of every
 *     tensor aliasing the buffer, each against the in-place writes of the alias set, with op dominance deciding
 *     "happens before" outside loops.
 *
 *   %0 = tensor.insert %f into %t[%i]      // in place would clobber %t ...
 *   %1 = tensor.extract %t[%j]             // ... which is read afterwards: %t is copied first
 *
 * Tensors that share a buffer form alias sets (an in-place operand joins its aliasing results' set);
 * equivalence sets are the subsets whose buffers are the very same (not a slice of each other).
 */
import type { Operation, Region } from "../../src/ir/operation.ts";
import { UnitAttr } from "../../src/ir/attributes.ts";
import { BlockArgument, type OpOperand, OpResult, type Value } from "../../src/ir/value.ts";
import { type AnalysisState, BufferizableOpInterface, type BufferizableMethods, isTensorType } from "../../src/interfaces/bufferizable.ts";
import { RegionBranchOpInterface } from "../../src/interfaces/control-flow.ts";
import type { InterfaceView } from "../../src/ir/interfaces.ts";
import { DominanceInfo } from "../../src/irdl/verifier.ts";

/** Disjoint sets of values, each with its members listed (MLIR's EquivalenceClasses). */
class ValueSets {
  readonly #leader = new Map<Value, Value>();
  readonly #members = new Map<Value, Value[]>();

  find(v: Value): Value {
    let root = this.#leader.get(v);
    if (root === undefined) return v;
    while (true) {
      const up = this.#leader.get(root);
      if (up === undefined || up === root) break;
      root = up;
    }
    this.#leader.set(v, root);
    return root;
  }
  union(a: Value, b: Value): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ma = this.#members.get(ra) ?? [ra];
    const mb = this.#members.get(rb) ?? [rb];
    const [big, small, bigRoot, smallRoot] = ma.length >= mb.length ? [ma, mb, ra, rb] : [mb, ma, rb, ra];
    for (const m of small) big.push(m);
    this.#members.set(bigRoot, big);
    this.#members.delete(smallRoot);
    this.#leader.set(smallRoot, bigRoot);
  }
  same(a: Value, b: Value): boolean {
    return this.find(a) === this.find(b);
  }
  members(v: Value): readonly Value[] {
    return this.#members.get(this.find(v)) ?? [this.find(v)];
  }
}

export interface AnalysisOptions {
  /** Which ops bufferization rewrites (the dialect filter); others are unknown ops. */
  readonly isBufferizable: (op: Operation) => boolean;
  /** Skip the analysis: every operand that is written bufferizes out of place. */
  readonly copyBeforeWrite: boolean;
  /** Annotate the IR with the read, the write and the last write of each conflict found (test-analysis-only). */
  readonly printConflicts: boolean;
}

type Bufferizable = InterfaceView<BufferizableMethods>;

/** MLIR's OneShotAnalysisState with its BufferizationAliasInfo. */
export class OneShotAnalysis implements AnalysisState {
  readonly #aliases = new ValueSets();
  readonly #equivalences = new ValueSets();
  readonly #inPlace = new Set<OpOperand>();
  readonly #decided = new Set<OpOperand>();
  readonly #dom = new DominanceInfo();
  #conflicts = 0;
  /** Statistics: operands decided in place / out of place. */
  numInPlace = 0;
  numOutOfPlace = 0;

  constructor(readonly options: AnalysisOptions) {}

  bufferizable(op: Operation | undefined): Bufferizable | undefined {
    if (op === undefined || !this.options.isBufferizable(op)) return undefined;
    return BufferizableOpInterface.of(op);
  }

  // ---- queries (AnalysisState) ----------------------------------------------------------------------------

  bufferizesToMemoryRead(operand: OpOperand): boolean {
    // An unknown op may read anything.
    return this.bufferizable(operand.owner)?.bufferizesToMemoryRead(operand, this) ?? true;
  }
  bufferizesToMemoryWrite(operand: OpOperand): boolean {
    return this.bufferizable(operand.owner)?.bufferizesToMemoryWrite(operand, this) ?? true;
  }
  getAliasingOpResults(operand: OpOperand): readonly OpResult[] {
    return this.bufferizable(operand.owner)?.getAliasingOpResults(operand, this) ?? [];
  }
  getAliasingOpOperands(result: OpResult): readonly OpOperand[] {
    return this.bufferizable(result.owner)?.getAliasingOpOperands(result, this) ?? [];
  }
  isInPlace(operand: OpOperand): boolean {
    return this.#inPlace.has(operand);
  }
  areEquivalentBufferizedValues(a: Value, b: Value): boolean {
    return this.#equivalences.same(a, b);
  }
  areAliasingBufferizedValues(a: Value, b: Value): boolean {
    return this.#aliases.same(a, b);
  }
  /** The values whose buffers are the very same as `v`'s. */
  equivalentValues(v: Value): readonly Value[] {
    return this.#equivalences.members(v);
  }
  /** The values whose buffers may overlap `v`'s. */
  aliasesOf(v: Value): readonly Value[] {
    return this.#aliases.members(v);
  }

  #bufferizesToAliasOnly(operand: OpOperand): boolean {
    return !this.bufferizesToMemoryRead(operand) && !this.bufferizesToMemoryWrite(operand) && this.getAliasingOpResults(operand).length > 0;
  }

  isValueRead(value: Value): boolean {
    const work: OpOperand[] = [...value.uses()];
    const seen = new Set<OpOperand>();
    while (work.length > 0) {
      const use = work.pop() as OpOperand;
      if (seen.has(use)) continue;
      seen.add(use);
      if (this.#bufferizesToAliasOnly(use)) for (const r of this.getAliasingOpResults(use)) work.push(...r.uses());
      if (this.bufferizesToMemoryRead(use)) return true;
    }
    return false;
  }

  /** Whether the value's definition writes its contents (a block argument, an unknown op: yes). */
  isMemoryWrite(value: Value): boolean {
    if (!(value instanceof OpResult)) return true;
    return this.bufferizable(value.owner)?.isMemoryWrite(value, this) ?? true;
  }

  /** Whether the buffer of `value` may be written (MLIR: an unknown op's result may not). */
  isWritable(value: Value): boolean {
    const op = value instanceof OpResult ? value.owner : (value as BlockArgument).owner.parentOp;
    return this.bufferizable(op)?.isWritable(value, this) ?? false;
  }

  /** The writes `value` reads the result of, through ops that only alias (findLastPrecedingWrite). */
  findLastPrecedingWrites(value: Value): Value[] {
    const out: Value[] = [];
    const work = [value];
    const seen = new Set<Value>();
    while (work.length > 0) {
      const v = work.pop() as Value;
      if (seen.has(v)) continue;
      seen.add(v);
      if (!(v instanceof OpResult) || this.bufferizable(v.owner) === undefined || this.isMemoryWrite(v)) {
        out.push(v);
        continue;
      }
      const operands = this.getAliasingOpOperands(v);
      if (operands.length === 0) out.push(v);
      for (const o of operands) work.push(o.value);
    }
    return out;
  }

  // ---- the analysis ---------------------------------------------------------------------------------------

  /** Decides every tensor operand of the bufferizable ops in `ops` (in walk order), then the equivalences. */
  analyze(ops: readonly Operation[]): void {
    for (const op of ops) {
      const b = this.bufferizable(op);
      if (b === undefined) continue;
      for (const o of op.opOperands) if (isTensorType(o.value.type) && b.mustBufferizeInPlace(o, this)) this.#bufferizeInPlace(o);
    }
    for (let i = ops.length - 1; i >= 0; i--) {
      const op = ops[i] as Operation;
      if (this.bufferizable(op) === undefined) continue;
      for (const o of op.opOperands) {
        if (!isTensorType(o.value.type) || this.#decided.has(o)) continue;
        const outOfPlace = this.options.copyBeforeWrite
          ? this.bufferizesToMemoryWrite(o)
          : this.#wouldWriteNonWritable(o) || this.#wouldCreateReadAfterWrite(o);
        if (outOfPlace) {
          this.#decided.add(o);
          this.numOutOfPlace++;
        } else this.#bufferizeInPlace(o);
      }
    }
    // Equivalences: an in-place operand and its aliasing result whose relation is "equivalent".
    for (const op of ops) {
      const b = this.bufferizable(op);
      if (b === undefined) continue;
      for (const r of op.results) {
        if (!isTensorType(r.type) || b.bufferRelation(r, this) !== "equivalent") continue;
        for (const o of this.getAliasingOpOperands(r)) if (this.isInPlace(o)) this.#equivalences.union(r, o.value);
      }
    }
  }

  /** After copy insertion: the operand now holds its own copy, so it bufferizes in place. */
  markInPlace(operand: OpOperand): void {
    this.#decided.add(operand);
    this.#inPlace.add(operand);
  }

  #bufferizeInPlace(operand: OpOperand): void {
    this.#decided.add(operand);
    this.#inPlace.add(operand);
    this.numInPlace++;
    for (const r of this.getAliasingOpResults(operand)) this.#aliases.union(r, operand.value);
  }

  #isInPlaceWrite(use: OpOperand): boolean {
    return this.bufferizesToMemoryWrite(use) && this.#inPlace.has(use);
  }

  #aliasingInPlaceWrites(root: Value, into: Set<OpOperand>): void {
    for (const alias of this.#aliases.members(root)) for (const use of alias.uses()) if (this.#isInPlaceWrite(use)) into.add(use);
  }

  #aliasingReads(root: Value, into: Set<OpOperand>): void {
    for (const alias of this.#aliases.members(root)) {
      for (const use of alias.uses()) {
        if (this.bufferizesToMemoryRead(use)) {
          into.add(use);
          continue;
        }
        // A use that only aliases the value, whose aliasing result is read later, reads it too.
        if (!this.bufferizesToMemoryWrite(use) && this.getAliasingOpResults(use).some((r) => this.isValueRead(r))) into.add(use);
      }
    }
  }

  #wouldCreateReadAfterWrite(operand: OpOperand): boolean {
    const reads = new Set<OpOperand>();
    const writes = new Set<OpOperand>();
    this.#aliasingReads(operand.value, reads);
    this.#aliasingInPlaceWrites(operand.value, writes);
    for (const r of this.getAliasingOpResults(operand)) {
      this.#aliasingReads(r, reads);
      this.#aliasingInPlaceWrites(r, writes);
    }
    if (this.bufferizesToMemoryWrite(operand)) writes.add(operand);
    return this.#hasReadAfterWriteInterference(reads, writes);
  }

  /** Whether some write to the alias set would land in a buffer that may not be written. */
  #wouldWriteNonWritable(operand: OpOperand): boolean {
    const writes = new Set<OpOperand>();
    this.#aliasingInPlaceWrites(operand.value, writes);
    for (const r of this.getAliasingOpResults(operand)) this.#aliasingInPlaceWrites(r, writes);
    if (this.bufferizesToMemoryWrite(operand)) writes.add(operand);
    for (const w of writes) if (this.#precededByNonWritable(w.value, operand)) return true;
    return false;
  }

  #precededByNonWritable(value: Value, current: OpOperand): boolean {
    const work = [value];
    const seen = new Set<Value>();
    while (work.length > 0) {
      const v = work.pop() as Value;
      if (seen.has(v)) continue;
      seen.add(v);
      if (!this.isWritable(v)) {
        if (this.options.printConflicts) this.#annotateNonWritable(v);
        return true;
      }
      if (!(v instanceof OpResult)) continue;
      for (const o of this.getAliasingOpOperands(v)) if (this.#inPlace.has(o) || o === current) work.push(o.value);
    }
    return false;
  }

  /** The closest region around `op` that may run repeatedly (a loop body), or undefined. */
  #repetitiveRegionOf(op: Operation | undefined): Region | undefined {
    for (let region = op?.parent?.parent; region !== undefined; region = region.parent?.parent?.parent) {
      const owner = region.parent;
      if (owner === undefined) return undefined;
      const b = this.bufferizable(owner);
      if (b !== undefined && b.isRepetitiveRegion(owner.regions.indexOf(region))) return region;
    }
    return undefined;
  }

  #repetitiveRegionOfValue(v: Value): Region | undefined {
    if (v instanceof BlockArgument) {
      const region = v.owner.parent;
      const owner = region?.parent;
      const b = this.bufferizable(owner);
      if (region !== undefined && owner !== undefined && b !== undefined && b.isRepetitiveRegion(owner.regions.indexOf(region))) return region;
      return this.#repetitiveRegionOf(owner);
    }
    return this.#repetitiveRegionOf((v as OpResult).owner);
  }

  /** Whether op dominance can rule out conflicts: every write and every read definition in one repetitive region. */
  #canUseOpDominance(reads: ReadonlySet<OpOperand>, writes: ReadonlySet<OpOperand>): boolean {
    let common: Region | undefined | null = null;
    for (const w of writes) {
      const r = this.#repetitiveRegionOf(w.owner);
      if (common === null) common = r;
      else if (common !== r) return false;
    }
    for (const read of reads) {
      if (!this.isMemoryWrite(read.value)) continue;
      const r = this.#repetitiveRegionOfValue(read.value);
      if (common === null) common = r;
      else if (common !== r) return false;
    }
    return common !== null;
  }

  /** `a` (or an ancestor of it) properly dominates `b`, and `b` is not inside `a`. */
  #happensBefore(a: Operation, b: Operation): boolean {
    for (let x: Operation | undefined = a; x !== undefined; x = x.parentOp) {
      if (x !== b && x.isAncestorOf(b)) return false;
      if (this.#dom.properlyDominatesOp(x, b)) return true;
    }
    return false;
  }

  #hasReadAfterWriteInterference(reads: ReadonlySet<OpOperand>, writes: ReadonlySet<OpOperand>): boolean {
    const useDominance = this.#canUseOpDominance(reads, writes);
    for (const read of reads) {
      const readingOp = read.owner;
      const lastWrites = this.findLastPrecedingWrites(read.value);
      for (const write of writes) {
        const writingOp = write.owner;
        if (useDominance) {
          if (this.#happensBefore(readingOp, writingOp)) continue;
          if (write === read) continue;
          if (insideMutuallyExclusiveRegions(readingOp, writingOp)) continue;
        }
        if (this.bufferizable(readingOp)?.isNotConflicting(read, write, this) === true) continue;
        if (writingOp !== readingOp && this.bufferizable(writingOp)?.isNotConflicting(read, write, this) === true) continue;
        for (const lastWrite of lastWrites) {
          if (lastWrite instanceof OpResult) {
            const lastOp = lastWrite.owner;
            if (this.#happensBefore(writingOp, lastOp)) continue;
            if (lastOp !== writingOp && lastOp.isAncestorOf(writingOp)) continue;
          } else {
            const block = (lastWrite as BlockArgument).owner;
            if (!blockHolds(block, writingOp)) continue;
          }
          const aliasing = this.getAliasingOpResults(write);
          if (aliasing.length === 1 && aliasing[0] === lastWrite) continue;
          if (this.options.printConflicts) this.#annotateConflict(read, write, lastWrite);
          return true;
        }
      }
    }
    return false;
  }

  #annotateConflict(read: OpOperand, write: OpOperand, lastWrite: Value): void {
    const id = `C_${this.#conflicts++}`;
    write.owner.setAttr(`${id}[CONFL-WRITE: ${write.index}]`, UnitAttr.get());
    read.owner.setAttr(`${id}[READ: ${read.index}]`, UnitAttr.get());
    if (lastWrite instanceof OpResult) lastWrite.owner.setAttr(`${id}[LAST-WRITE: result ${lastWrite.index}]`, UnitAttr.get());
    else (lastWrite as BlockArgument).owner.parentOp?.setAttr(`${id}[LAST-WRITE: bbArg ${(lastWrite as BlockArgument).index}]`, UnitAttr.get());
  }

  #annotateNonWritable(v: Value): void {
    const id = `W_${this.#conflicts++}`;
    if (v instanceof OpResult) v.owner.setAttr(`${id}[NOT-WRITABLE: result ${v.index}]`, UnitAttr.get());
    else (v as BlockArgument).owner.parentOp?.setAttr(`${id}[NOT-WRITABLE: bbArg ${(v as BlockArgument).index}]`, UnitAttr.get());
  }
}

/** Whether `op` is in `block` or nested in an op of it. */
function blockHolds(block: { readonly parentOp: Operation | undefined }, op: Operation): boolean {
  for (let x: Operation | undefined = op; x !== undefined; x = x.parentOp) if (x.parent === block) return true;
  return false;
}

/** The region of `ancestor` holding `op`, if `ancestor` encloses it. */
function regionIndexHolding(ancestor: Operation, op: Operation): number | undefined {
  for (let x: Operation | undefined = op; x !== undefined; x = x.parentOp) {
    const region = x.parent?.parent;
    if (region?.parent === ancestor) return ancestor.regions.indexOf(region);
  }
  return undefined;
}

/** Whether region `to` of `op` can run after region `from` in one execution of `op`. */
function regionReachable(op: Operation, from: number, to: number): boolean {
  const branch = RegionBranchOpInterface.of(op);
  if (branch === undefined) return true;
  const seen = new Set<number>();
  const work = [from];
  while (work.length > 0) {
    const r = work.pop() as number;
    for (const s of branch.getSuccessorRegions(r, [])) {
      if (s.region === undefined) continue;
      const i = op.regions.indexOf(s.region);
      if (i === to) return true;
      if (!seen.has(i)) {
        seen.add(i);
        work.push(i);
      }
    }
  }
  return false;
}

/** MLIR's insideMutuallyExclusiveRegions: `a` and `b` are in two regions of one op that never both run. */
export function insideMutuallyExclusiveRegions(a: Operation, b: Operation): boolean {
  for (let anc: Operation | undefined = a.parentOp; anc !== undefined; anc = anc.parentOp) {
    const ra = regionIndexHolding(anc, a);
    const rb = regionIndexHolding(anc, b);
    if (ra === undefined || rb === undefined) continue;
    if (ra === rb) return false;
    return !regionReachable(anc, ra, rb) && !regionReachable(anc, rb, ra);
  }
  return false;
}
