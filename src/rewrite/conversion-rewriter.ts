/**
 * The rewriter of dialect conversion (MLIR's ConversionPatternRewriter): every change a conversion pattern makes
 * goes through it and is journaled, so a failed pattern, or a failed conversion as a whole, is undone exactly
 * (same ops, same blocks, same use-list order).
 *
 * As in MLIR, replacing values is deferred: `replaceOp` and `replaceAllUsesWith` record a mapping from the old
 * values to their replacements and mark the replaced op erased, but leave the IR as it is. Erased ops stay in
 * their blocks (ignored by the conversion) until the conversion commits. Patterns see converted values through
 * their adaptor, which follows the mapping and inserts `builtin.unrealized_conversion_cast` ops (target
 * materialisations) where a value does not have the converted type yet. When every op is legal, `finalize`
 * rewires the remaining users of replaced values, inserting source materialisations for users that still expect
 * the old type, folds casts that cancel out, and hands the casts that stay to the type converter's
 * materialisation callbacks. Only `commit` is irreversible: it removes the erased ops and blocks.
 *
 * Mutations that bypass the rewriter (`op.setAttr` outside `modifyInPlace`, `block.append`, `Value.setType`)
 * cannot be undone: patterns must not make them.
 */
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import { InsertionPoint } from "../ir/builder.ts";
import type { Context } from "../ir/context.ts";
import type { Location } from "../ir/location.ts";
import { Block, Operation, type Region } from "../ir/operation.ts";
import { NoneType, type Type } from "../ir/types.ts";
import { BlockArgument, OpResult, type Value } from "../ir/value.ts";
import { printOp, printType } from "../text/printer.ts";
import { PatternRewriter } from "./pattern.ts";
import type { RewriteListener } from "./rewriter.ts";
import type { MaterializationKind, SignatureConversion, TypeConverter } from "./type-converter.ts";

export const UNREALIZED_CAST = "builtin.unrealized_conversion_cast";

/** One undoable change. `op` tells the driver what a pattern created, modified in place or erased. */
export interface JournalEntry {
  readonly kind: "insert" | "modify" | "erase" | "other";
  readonly op?: Operation;
  readonly undo: () => void;
}

/** An operand slot, by owner and index (OpOperand objects are replaced by `setOperands`, slots are not). */
interface Slot {
  readonly owner: Operation;
  readonly index: number;
}

/** A cast the conversion inserted: why, and the type converter to ask for a real conversion at the end. */
interface CastInfo {
  readonly kind: MaterializationKind;
  readonly converter: TypeConverter | undefined;
}

/** The operands a pattern's adaptor holds, or why they could not be converted. */
export type RemappedOperands =
  | { readonly ok: true; readonly values: readonly Value[]; readonly groups: readonly (readonly Value[])[] }
  | { readonly ok: false; readonly reason: string };

/** A value that uses are parked on for a moment while a use list is reordered. */
const placeholder: Value = new Operation({ name: "tensile.use_order_placeholder", resultTypes: [NoneType.get()] }).getResult(0);

function useOrder(v: Value): Slot[] {
  return [...v.uses()].map((u) => ({ owner: u.owner, index: u.index }));
}

/** Puts the uses listed in `order` back at the head of `v`'s use list, in that order. */
function restoreUseOrder(v: Value, order: readonly Slot[]): void {
  for (let i = order.length - 1; i >= 0; i--) {
    const s = order[i] as Slot;
    const operand = s.owner.opOperands[s.index];
    if (operand === undefined || operand.value !== v) continue;
    operand.set(placeholder);
    operand.set(v);
  }
}

/** Where a value is "defined", for diagnostics: its op's location, or the block argument's. */
export function valueLoc(v: Value): Location | undefined {
  if (v instanceof OpResult) return v.owner.loc;
  if (v instanceof BlockArgument) return v.loc;
  return undefined;
}

export class ConversionRewriter extends PatternRewriter {
  readonly #journal: JournalEntry[] = [];
  /** Deferred replacements: old value -> new value (follow the chain with `getRemappedValue`). */
  readonly #mapping = new Map<Value, Value>();
  /** Erased or replaced ops: left in place, ignored, until `commit`. */
  readonly #erased = new Set<Operation>();
  /** Blocks taken out of their regions (erased, or superseded by a converted signature); dropped at `commit`. */
  readonly #detachedBlocks = new Set<Block>();
  readonly #casts = new Map<Operation, CastInfo>();
  /** The top-level op above the conversion root: an op without a parent is live only if it is this one. */
  readonly #top: Operation;

  /** The type converter of the pattern being applied (or the conversion's). */
  typeConverter: TypeConverter | undefined;

  constructor(
    readonly ctx: Context,
    readonly root: Operation,
    readonly defaultConverter: TypeConverter | undefined,
    listener?: RewriteListener,
  ) {
    super(listener);
    this.typeConverter = defaultConverter;
    let top = root;
    while (top.parentOp !== undefined) top = top.parentOp;
    this.#top = top;
  }

  // ---- journal -----------------------------------------------------------------------------------------

  /** A point to roll back to. */
  checkpoint(): number {
    return this.#journal.length;
  }
  /** Undoes every change made after `checkpoint`, newest first. */
  rollbackTo(checkpoint: number): void {
    while (this.#journal.length > checkpoint) (this.#journal.pop() as JournalEntry).undo();
  }
  /** The changes made since `checkpoint`, oldest first (a copy). */
  entriesSince(checkpoint: number): readonly JournalEntry[] {
    return this.#journal.slice(checkpoint);
  }
  #record(entry: JournalEntry): void {
    this.#journal.push(entry);
  }

  // ---- state queries -----------------------------------------------------------------------------------

  /** The value `v` has been replaced by, following chains of replacements (`v` itself if none). */
  getRemappedValue(v: Value): Value {
    let cur = v;
    for (let next = this.#mapping.get(cur); next !== undefined; next = this.#mapping.get(cur)) cur = next;
    return cur;
  }

  /** True when `op` is erased, nested in an erased op, or in a block no longer in the IR. */
  isIgnored(op: Operation): boolean {
    for (let o: Operation = op; ; ) {
      if (this.#erased.has(o)) return true;
      const block = o.parent;
      if (block === undefined) return o !== this.#top;
      const parent = block.parent?.parent;
      if (parent === undefined) return true;
      o = parent;
    }
  }

  /** True for the `unrealized_conversion_cast` ops this conversion inserted. */
  isMaterialization(op: Operation): boolean {
    return this.#casts.has(op);
  }

  #hasLiveUses(v: Value): boolean {
    for (const u of v.uses()) if (!this.isIgnored(u.owner)) return true;
    return false;
  }

  // ---- creation ----------------------------------------------------------------------------------------

  override insert<T extends Operation>(op: T): T {
    super.insert(op);
    if (op.parent === undefined) return op;
    this.#record({
      kind: "insert",
      op,
      undo: () => {
        op.remove();
        op.dropAllReferences();
      },
    });
    return op;
  }

  override createBlock(region: Region, argTypes: readonly Type[] = [], argLocs?: readonly Location[]): Block {
    const block = super.createBlock(region, argTypes, argLocs);
    this.#record({ kind: "other", undo: () => void block.remove() });
    return block;
  }

  // ---- replacement and erasure (deferred) --------------------------------------------------------------

  /** Records that `from` is replaced by `to`; users are rewired when the conversion finishes. */
  override replaceAllUsesWith(from: Value, to: Value): void {
    if (from === to) return;
    if (this.getRemappedValue(to) === from) throw new Error("replaceAllUsesWith: the replacement would be cyclic");
    const previous = this.#mapping.get(from);
    this.#mapping.set(from, to);
    this.#record({
      kind: "other",
      undo: () => {
        if (previous === undefined) this.#mapping.delete(from);
        else this.#mapping.set(from, previous);
      },
    });
  }

  /** Unlike `replaceAllUsesWith`, immediate: the uses of `from` whose user satisfies `pred` now use `to`. */
  override replaceUsesWithIf(from: Value, to: Value, pred: (user: Operation) => boolean): void {
    this.#moveUses(from, to, pred);
  }

  /** Marks `op` (and what is nested in it) erased; it stays in place, ignored, until the conversion commits. */
  override eraseOp(op: Operation): void {
    if (this.#erased.has(op)) return;
    if (this.listener?.notifyOperationErased !== undefined) op.walk((n) => this.listener?.notifyOperationErased?.(n));
    this.#erased.add(op);
    this.#record({ kind: "erase", op, undo: () => void this.#erased.delete(op) });
  }

  override eraseBlock(block: Block): void {
    const region = block.parent;
    if (region === undefined) throw new Error("eraseBlock: the block is not in a region");
    if (this.listener?.notifyOperationErased !== undefined) {
      for (const op of block.ops()) op.walk((n) => this.listener?.notifyOperationErased?.(n));
    }
    this.#detach(block, region);
  }

  #detach(block: Block, region: Region): void {
    const index = region.indexOf(block);
    block.remove();
    this.#detachedBlocks.add(block);
    this.#record({
      kind: "other",
      undo: () => {
        this.#detachedBlocks.delete(block);
        region.insertBlock(block, index);
      },
    });
  }

  // ---- in-place changes and moves ----------------------------------------------------------------------

  /** Runs `fn`, which changes `op`'s operands, attributes, successors or location; all of it can be undone. */
  override modifyInPlace<R>(op: Operation, fn: () => R): R {
    // O(operands + successors): the operands' places in their use lists, not copies of the lists.
    const operands = op.snapshotOperands();
    const attributes = op.attrDictionary;
    const successors = [...op.successors];
    const loc = op.loc;
    this.#record({
      kind: "modify",
      op,
      undo: () => {
        op.restoreOperands(operands);
        op.setAttrDictionary(attributes);
        successors.forEach((b, i) => {
          if (op.successors[i] !== b) op.setSuccessor(i, b);
        });
        op.loc = loc;
      },
    });
    const r = fn();
    this.listener?.notifyOperationModified?.(op);
    return r;
  }

  #recordPosition(op: Operation): void {
    const block = op.parent;
    const next = op.next;
    if (block === undefined) throw new Error(`'${op.name}' is not in a block`);
    this.#record({
      kind: "other",
      undo: () => {
        op.remove();
        block.insertBefore(op, next);
      },
    });
  }
  override moveOpBefore(op: Operation, anchor: Operation): void {
    this.#recordPosition(op);
    super.moveOpBefore(op, anchor);
  }
  override moveOpAfter(op: Operation, anchor: Operation): void {
    this.#recordPosition(op);
    super.moveOpAfter(op, anchor);
  }

  /** Moves `source`'s ops before `before` in `dest`; `source`'s arguments are replaced by `argValues` (deferred). */
  override inlineBlockBefore(source: Block, dest: Block, before: Operation | undefined, argValues: readonly Value[] = []): void {
    if (argValues.length !== source.args.length) {
      throw new Error(`inlineBlockBefore: ${source.args.length} block arguments but ${argValues.length} values`);
    }
    source.args.forEach((a, i) => this.replaceAllUsesWith(a, argValues[i] as Value));
    const moved = [...source.ops()];
    for (const op of moved) {
      op.remove();
      dest.insertBefore(op, before);
    }
    this.#record({
      kind: "other",
      undo: () => {
        for (const op of moved) {
          op.remove();
          source.append(op);
        }
      },
    });
    for (const op of moved) this.listener?.notifyOperationInserted?.(op);
    if (source.parent !== undefined) this.#detach(source, source.parent);
  }

  override inlineRegionBefore(region: Region, parent: Region, index: number = parent.blocks.length): void {
    const moved = [...region.blocks];
    moved.forEach((b, k) => {
      b.remove();
      parent.insertBlock(b, index + k);
    });
    this.#record({
      kind: "other",
      undo: () => {
        for (const b of moved) {
          b.remove();
          region.push(b);
        }
      },
    });
    for (const b of moved) for (const op of b.ops()) this.listener?.notifyOperationInserted?.(op);
  }

  override splitBlock(block: Block, op: Operation | undefined): Block {
    const tail = super.splitBlock(block, op);
    this.#record({
      kind: "other",
      undo: () => {
        block.takeOpsFrom(tail);
        tail.remove();
      },
    });
    return tail;
  }

  // ---- block signatures --------------------------------------------------------------------------------

  /**
   * Converts the argument types of every block of `region` with `converter` (the entry block with
   * `entryConversion` when given). Returns false, changing nothing, when some argument type cannot be converted.
   */
  convertRegionTypes(region: Region, converter: TypeConverter | undefined = this.typeConverter, entryConversion?: SignatureConversion): boolean {
    if (converter === undefined && entryConversion === undefined) throw new Error("convertRegionTypes needs a type converter");
    const blocks = [...region.blocks];
    const conversions = blocks.map((b, i) => (i === 0 && entryConversion !== undefined ? entryConversion : converter?.convertBlockSignature(b)));
    if (conversions.some((c) => c === undefined)) return false;
    blocks.forEach((b, i) => this.applySignatureConversion(b, conversions[i] as SignatureConversion, converter));
    return true;
  }

  /**
   * Gives `block` a new signature: a new block with the converted argument types takes its place (and its ops, and
   * the branches to it); each old argument is replaced by its new argument, by a cast from its new arguments when
   * it became 0 or several (an argument materialisation), or by the value the conversion remaps it to.
   * Returns the new block (or `block` itself when the conversion changes nothing).
   */
  applySignatureConversion(block: Block, conversion: SignatureConversion, converter: TypeConverter | undefined = this.typeConverter): Block {
    const region = block.parent;
    if (region === undefined) throw new Error("applySignatureConversion: the block is not in a region");
    if (conversion.numOriginalInputs !== block.args.length) {
      throw new Error(`applySignatureConversion: the block has ${block.args.length} arguments, the conversion ${conversion.numOriginalInputs}`);
    }
    if (conversion.isIdentityFor(block.argTypes)) return block;

    const locs: Location[] = conversion.convertedTypes.map(() => this.loc);
    block.args.forEach((a, i) => {
      const m = conversion.inputMapping(i);
      if (m?.kind === "types") for (let k = 0; k < m.size; k++) locs[m.start + k] = a.loc;
    });
    const fresh = new Block(conversion.convertedTypes, locs);
    const index = region.indexOf(block);
    this.#detach(block, region);
    region.insertBlock(fresh, index);
    this.#record({ kind: "other", undo: () => void fresh.remove() });
    this.listener?.notifyBlockCreated?.(fresh);

    const moved = [...block.ops()];
    for (const op of moved) {
      op.remove();
      fresh.append(op);
    }
    this.#record({
      kind: "other",
      undo: () => {
        for (const op of moved) {
          op.remove();
          block.append(op);
        }
      },
    });

    const redirected: Slot[] = [];
    for (const b of region.blocks) {
      const t = b.terminator;
      t?.successors.forEach((s, i) => {
        if (s !== block) return;
        t.setSuccessor(i, fresh);
        redirected.push({ owner: t, index: i });
      });
    }
    this.#record({ kind: "other", undo: () => redirected.forEach((s) => s.owner.setSuccessor(s.index, block)) });

    const firstOp = fresh.first;
    block.args.forEach((arg, i) => {
      const m = conversion.inputMapping(i);
      if (m?.kind === "value") {
        this.replaceAllUsesWith(arg, m.value);
        return;
      }
      const newArgs = m === undefined ? [] : fresh.args.slice(m.start, m.start + m.size);
      if (newArgs.length === 1) {
        this.replaceAllUsesWith(arg, newArgs[0] as Value);
        return;
      }
      const ip = firstOp === undefined ? InsertionPoint.atEnd(fresh) : InsertionPoint.before(firstOp);
      const cast = this.#buildCast("argument", converter, newArgs, [arg.type], ip, arg.loc);
      this.replaceAllUsesWith(arg, cast.getResult(0));
    });
    return fresh;
  }

  // ---- materialisations --------------------------------------------------------------------------------

  #buildCast(kind: MaterializationKind, converter: TypeConverter | undefined, inputs: readonly Value[], types: readonly Type[], ip: InsertionPoint, loc: Location): Operation {
    const cls = this.ctx.lookupOp(UNREALIZED_CAST);
    const init = { operands: inputs, resultTypes: types, loc };
    const cast = cls !== undefined ? cls.create(init) : new Operation({ name: UNREALIZED_CAST, ...init });
    this.at(ip, () => this.insert(cast));
    this.#casts.set(cast, { kind, converter });
    this.#record({ kind: "other", undo: () => void this.#casts.delete(cast) });
    return cast;
  }

  /**
   * Right after `v` is defined: where a cast of `v` dominates every use of `v`. A block argument's cast goes
   * after the casts of that block's arguments already made, so they read in the order they were needed (as
   * MLIR 16 prints them).
   */
  #afterDefinition(v: Value): InsertionPoint {
    if (v instanceof BlockArgument) {
      let last: Operation | undefined;
      for (const op of v.owner.ops()) {
        const input = op.numOperands === 1 ? op.getOperand(0) : undefined;
        if (!this.#casts.has(op) || !(input instanceof BlockArgument) || input.owner !== v.owner) break;
        last = op;
      }
      return last === undefined ? InsertionPoint.atStart(v.owner) : InsertionPoint.after(last);
    }
    const def = v.definingOp;
    if (def?.parent === undefined) throw new Error("cannot materialise a conversion of a value whose defining op is not in a block");
    return InsertionPoint.after(def);
  }

  /** The cast of `v` to `types` this conversion already made, if it is still live. */
  #existingCast(v: Value, types: readonly Type[], kind: MaterializationKind): Operation | undefined {
    for (const u of v.uses()) {
      const c = u.owner;
      if (this.#casts.get(c)?.kind !== kind || this.isIgnored(c) || c.numOperands !== 1) continue;
      if (c.numResults === types.length && c.results.every((r, i) => r.type === types[i])) return c;
    }
    return undefined;
  }

  /** `v` as values of `types`: `v` itself, the inputs of the cast that made it, or a new target cast. */
  #toTypes(v: Value, types: readonly Type[], converter: TypeConverter | undefined, loc: Location): readonly Value[] {
    if (types.length === 1 && v.type === types[0]) return [v];
    const def = v.definingOp;
    if (def !== undefined && this.#casts.has(def) && def.numResults === 1 && !this.isIgnored(def)) {
      const inputs = def.operands;
      if (inputs.length === types.length && inputs.every((x, i) => x.type === types[i])) return inputs;
    }
    const cast = this.#existingCast(v, types, "target") ?? this.#buildCast("target", converter, [v], types, this.#afterDefinition(v), loc);
    return cast.results;
  }

  /**
   * The adaptor's operands for `op`: each operand's replacement, converted to the type `converter` gives its
   * original type (by target materialisation when needed). A 1:N converted operand has a group of several values;
   * its single `values` entry is then its replacement unconverted.
   */
  remapOperands(op: Operation, converter: TypeConverter | undefined): RemappedOperands {
    const values: Value[] = [];
    const groups: (readonly Value[])[] = [];
    for (let i = 0; i < op.numOperands; i++) {
      const original = op.getOperand(i);
      const mapped = this.getRemappedValue(original);
      if (converter === undefined) {
        values.push(mapped);
        groups.push([mapped]);
        continue;
      }
      const types = converter.convertTypeToMany(original.type);
      if (types === undefined) return { ok: false, reason: `operand #${i} of type '${printType(original.type, this.ctx)}' cannot be converted` };
      const group = this.#toTypes(mapped, types, converter, valueLoc(original) ?? op.loc);
      groups.push(group);
      values.push(types.length === 1 ? (group[0] as Value) : mapped);
    }
    return { ok: true, values, groups };
  }

  // ---- the end of a conversion -------------------------------------------------------------------------

  /** Moves the uses of `from` whose user satisfies `pred` to `to`, now (journaled with the use-list order). */
  #moveUses(from: Value, to: Value, pred: (user: Operation) => boolean): void {
    if (from === to) return;
    const order = useOrder(from);
    const moved: Slot[] = [];
    for (const u of from.uses()) {
      if (!pred(u.owner)) continue;
      moved.push({ owner: u.owner, index: u.index });
      u.set(to);
      this.listener?.notifyOperationModified?.(u.owner);
    }
    if (moved.length === 0) return;
    this.#record({
      kind: "other",
      undo: () => {
        for (const s of moved) s.owner.opOperands[s.index]?.set(from);
        restoreUseOrder(from, order);
      },
    });
  }

  /**
   * Makes the conversion's result real, still undoably: rewires the live users of replaced values (through
   * source materialisations where the type changed), checks that no live op uses an erased op, removes casts
   * that are unused or cancel out, and lets the type converters replace the casts still needed. In a full
   * conversion a cast nobody replaced is an error. Returns the first error, or undefined.
   */
  finalize(mode: "partial" | "full"): Diagnostic | undefined {
    const live = (user: Operation): boolean => !this.isIgnored(user);
    const sourceCasts = new Map<Value, Map<Type, Value>>();
    for (const from of [...this.#mapping.keys()]) {
      if (!this.#hasLiveUses(from)) continue;
      const to = this.getRemappedValue(from);
      let target = to;
      if (to.type !== from.type) {
        const known = sourceCasts.get(to) ?? new Map<Type, Value>();
        sourceCasts.set(to, known);
        target = known.get(from.type) ?? this.#buildCast("source", this.defaultConverter, [to], [from.type], this.#afterDefinition(to), valueLoc(from) ?? this.root.loc).getResult(0);
        known.set(from.type, target);
      }
      this.#moveUses(from, target, live);
    }

    for (const op of this.#erased) {
      for (const r of op.results) {
        const user = r.users().find(live);
        if (user === undefined) continue;
        return error(op.loc, `failed to legalize operation '${op.name}' marked as erased`, [
          note(user.loc, `found live user of result #${r.index}: ${this.#opText(user)}`),
        ]);
      }
    }

    this.#foldCasts();

    for (const [cast, info] of this.#casts) {
      if (this.isIgnored(cast) || !cast.results.some((r) => this.#hasLiveUses(r))) continue;
      const replacement = this.#materialize(cast, info);
      if (replacement !== undefined) {
        this.#moveUses(cast.getResult(0), replacement, live);
        this.eraseOp(cast);
        continue;
      }
      if (mode === "full") return this.#unresolved(cast);
    }
    return undefined;
  }

  /** Removes casts without live users, casts between equal types, and casts undoing another cast. */
  #foldCasts(): void {
    const live = (user: Operation): boolean => !this.isIgnored(user);
    for (let changed = true; changed; ) {
      changed = false;
      for (const cast of this.#casts.keys()) {
        if (this.isIgnored(cast)) continue;
        const inputs = cast.operands;
        const outs = cast.results;
        const def = inputs[0]?.definingOp;
        let replacement: readonly Value[] | undefined;
        if (!outs.some((r) => this.#hasLiveUses(r))) replacement = [];
        else if (inputs.length === outs.length && inputs.every((v, i) => v.type === outs[i]?.type)) replacement = inputs;
        else if (
          def !== undefined &&
          this.#casts.has(def) &&
          !this.isIgnored(def) &&
          def.numResults === inputs.length &&
          inputs.every((v, i) => v === def.results[i]) &&
          def.numOperands === outs.length &&
          def.operands.every((v, i) => v.type === outs[i]?.type)
        ) {
          replacement = def.operands;
        }
        if (replacement === undefined) continue;
        const values = replacement;
        outs.forEach((r, i) => {
          const v = values[i];
          if (v !== undefined) this.#moveUses(r, v, live);
        });
        this.eraseOp(cast);
        changed = true;
      }
    }
  }

  /** Asks the cast's type converter to build the conversion for real (argument falls back to source). */
  #materialize(cast: Operation, info: CastInfo): Value | undefined {
    const converter = info.converter;
    if (converter === undefined || cast.numResults !== 1) return undefined;
    const type = cast.getResult(0).type;
    const inputs = cast.operands;
    return this.at(
      InsertionPoint.before(cast),
      () => {
        if (info.kind === "argument") {
          return converter.materialize("argument", this, type, inputs, cast.loc) ?? converter.materialize("source", this, type, inputs, cast.loc);
        }
        return converter.materialize(info.kind, this, type, inputs, cast.loc);
      },
      cast.loc,
    );
  }

  #unresolved(cast: Operation): Diagnostic {
    const inputs = cast.operands;
    const from = inputs.map((v) => `'${printType(v.type, this.ctx)}'`).join(", ");
    const to = cast.results.map((r) => `'${printType(r.type, this.ctx)}'`).join(", ");
    const user = cast.results.flatMap((r) => r.users()).find((u) => !this.isIgnored(u));
    const notes = user === undefined ? [] : [note(user.loc, `see existing live user here: ${this.#opText(user)}`)];
    const loc = (inputs[0] === undefined ? undefined : valueLoc(inputs[0])) ?? cast.loc;
    return error(loc, `failed to legalize unresolved materialization from (${from}) to ${to} that remained live after conversion`, notes);
  }

  #opText(op: Operation): string {
    return printOp(op, { ctx: this.ctx, localScope: true }).trim();
  }

  /** Removes the erased ops and blocks for good. After this, nothing can be undone. */
  commit(): void {
    for (const op of this.#erased) op.remove();
    for (const op of this.#erased) op.dropAllReferences();
    for (const block of this.#detachedBlocks) {
      if (block.parent !== undefined) continue;
      for (const op of block.ops()) op.dropAllReferences();
    }
    this.#journal.length = 0;
    this.#mapping.clear();
    this.#erased.clear();
    this.#detachedBlocks.clear();
    this.#casts.clear();
  }
}
