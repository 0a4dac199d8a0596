/**
 * Operations, blocks and regions: the mutable part of the IR.
 *
 * An operation has operands (uses of values), results, attributes, regions and successor blocks, and sits in
 * an intrusive doubly linked list inside its block. Registered operations are instances of the class that
 * `defineOp` generates (a subclass of `Operation` with typed accessors); unregistered ones are plain
 * `Operation`s. Passes mutate the IR through the rewriter, which calls these primitives.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { OpAsmHooks } from "../text/asm-interfaces.ts";
import { type Attribute, DictionaryAttr } from "./attributes.ts";
import type { Implements, InterfaceImpl, InterfaceMap, InterfaceView, OpInterface } from "./interfaces.ts";
import { FileLineColLoc, type Location, UnknownLoc } from "./location.ts";
import type { Type } from "./types.ts";
import { BlockArgument, OpOperand, OpResult, type Value } from "./value.ts";

/**
 * A property of an op kind that code can ask about (`op.hasTrait(Pure)`). A trait carries its own checks
 * (MLIR's verifyTrait / verifyRegionTrait); the standard traits' checks live in src/irdl/trait-verifiers.ts.
 */
export interface Trait {
  readonly name: string;
  /** Runs before the op's spec constraints (ODS's StructuralOpTrait), else after them. */
  readonly structural?: boolean;
  /** Checks the op with its own invariants; a whole diagnostic (no `'op' op` prefix is added). */
  readonly verify?: (op: Operation) => Diagnostic | undefined;
  /** Checks the op after everything nested in it verified (region isolation, symbol uniqueness). */
  readonly verifyRegion?: (op: Operation) => Diagnostic | undefined;
  /** Interface implementations every op kind with this trait gets (`Pure`: no memory effects, speculatable). */
  readonly implies?: readonly InterfaceImpl<never>[];
}

/** What the core IR knows about a registered op kind: set by `defineOp` on the generated class. */
export interface OpInfo {
  readonly name: string;
  readonly dialect: string;
  readonly summary: string;
  readonly traits: ReadonlySet<Trait>;
  /** The op interfaces the kind implements (src/ir/interfaces.ts); external models are added to it. */
  readonly interfaces?: InterfaceMap;
  /** The custom assembly form; without it the op always prints in generic form. */
  readonly asm?: OpAsmHooks | undefined;
  /**
   * The dialect whose ops are written without their prefix inside this op's regions (MLIR's
   * OpAsmOpInterface::getDefaultDialect: `return` inside `func.func`).
   */
  readonly defaultDialect?: string | undefined;
  /** Names MLIR's printer gives the results (`%c0`, `%cst`, `%true`): OpAsmOpInterface's getAsmResultNames. */
  readonly resultNames?: ((op: Operation) => readonly (string | undefined)[]) | undefined;
  /**
   * Names MLIR's printer gives the entry-block arguments of the op's regions in custom form (`%in`, `%out`):
   * OpAsmOpInterface's getAsmBlockArgumentNames.
   */
  readonly blockArgNames?: ((op: Operation, region: Region) => readonly (string | undefined)[]) | undefined;
}

export interface OperationInit {
  readonly name?: string;
  readonly operands?: readonly Value[];
  readonly resultTypes?: readonly Type[];
  readonly attributes?: DictionaryAttr | ReadonlyMap<string, Attribute> | Readonly<Record<string, Attribute>>;
  /** Regions to take ownership of, or a number of empty regions to create. */
  readonly regions?: readonly Region[] | number;
  readonly successors?: readonly Block[];
  readonly loc?: Location;
}

/** An op's operands as `Operation.snapshotOperands` saw them. */
export interface OperandSnapshot {
  readonly operands: readonly OpOperand[];
  readonly values: readonly Value[];
  readonly prevs: readonly (OpOperand | undefined)[];
}

export type WalkOrder = "pre" | "post";
/** Return "skip" (pre-order only) to not visit an op's regions, "interrupt" to stop the walk. */
export type WalkResult = "skip" | "interrupt" | void;

/** A compact file position is line * FILE_POS_COLUMNS + column, kept a small integer (no heap number). */
const FILE_POS_COLUMNS = 1024;
const FILE_POS_LINES = 1 << 20;

// Shared by every op that has none (most have no regions or successors); frozen, so a write is caught.
const NO_OPERANDS: OpOperand[] = Object.freeze([]) as unknown as OpOperand[];
const NO_RESULTS: readonly OpResult[] = Object.freeze([]);
const NO_REGIONS: readonly Region[] = Object.freeze([]);
const NO_SUCCESSORS: Block[] = Object.freeze([]) as unknown as Block[];
const NO_BLOCK_OPERANDS: BlockOperand[] = Object.freeze([]) as unknown as BlockOperand[];

/**
 * One successor slot of an operation: a use of a block, threaded into the block's list of uses, so that a
 * block's predecessors are found from its uses in O(predecessors) rather than by scanning its region.
 */
export class BlockOperand {
  /** @internal */ prevUse: BlockOperand | undefined = undefined;
  /** @internal */ nextUse: BlockOperand | undefined = undefined;
  #block: Block;

  constructor(
    block: Block,
    readonly owner: Operation,
    readonly index: number,
  ) {
    this.#block = block;
    this.#link();
  }
  get block(): Block {
    return this.#block;
  }
  /** @internal */
  set(block: Block): void {
    if (block === this.#block) return;
    this.unlink();
    this.#block = block;
    this.#link();
  }
  /** @internal */
  unlink(): void {
    if (this.prevUse !== undefined) this.prevUse.nextUse = this.nextUse;
    else if (this.#block._firstUse === this) this.#block._firstUse = this.nextUse;
    else return; // not linked
    if (this.nextUse !== undefined) this.nextUse.prevUse = this.prevUse;
    this.prevUse = this.nextUse = undefined;
  }
  #link(): void {
    const head = this.#block._firstUse;
    this.nextUse = head;
    if (head !== undefined) head.prevUse = this;
    this.#block._firstUse = this;
  }
}

/** An op's attributes as the interned dictionary it stores (ops with equal attributes share one). */
function toDictionary(attrs: OperationInit["attributes"]): DictionaryAttr {
  if (attrs === undefined) return DictionaryAttr.empty();
  if (attrs instanceof DictionaryAttr) return attrs;
  const list: { name: string; value: Attribute }[] = [];
  if (attrs instanceof Map) for (const [name, value] of attrs as ReadonlyMap<string, Attribute>) list.push({ name, value });
  else for (const name of Object.keys(attrs)) list.push({ name, value: (attrs as Readonly<Record<string, Attribute>>)[name] as Attribute });
  return list.length === 0 ? DictionaryAttr.empty() : DictionaryAttr.get(list);
}

export class Operation {
  /** Set on the classes `defineOp` generates; undefined for unregistered operations. */
  static info: OpInfo | undefined = undefined;

  // The fields are declared, and assigned in the constructor, not initialised as class fields (nor private
  // `#` fields): a class field is *defined* on the new object by the base class's initialiser, and since each
  // op kind is a class of its own (~90 hidden classes), those defines go megamorphic and take V8's slow path,
  // several times slower than plain assignments. Every op gets the same fields in the same order.
  declare readonly name: string;
  /**
   * @internal The location; or, for a file location the parser left compact (see `setFileLocation`), the
   * file's name, with its line and column packed in _filePos until `loc` is first read.
   */
  declare _loc: Location | string;
  /** @internal */ declare _filePos: number;
  declare readonly results: readonly OpResult[];
  declare readonly regions: readonly Region[];
  /** @internal read them through `attributes`/`attrDictionary` */ declare _attributes: DictionaryAttr;
  /** @internal read them through `opOperands` */ declare _operands: OpOperand[];
  /** @internal read them through `successors` */ declare _successors: Block[];
  /** @internal read them through `blockOperands` */ declare _successorUses: BlockOperand[];
  /** @internal links of the block's operation list; read them through `next`/`prev`. */
  declare _parent: Block | undefined;
  /** @internal */ declare _prev: Operation | undefined;
  /** @internal */ declare _next: Operation | undefined;
  /** @internal order index within the block, valid while the block's order is valid. */
  declare _order: number;

  constructor(init: OperationInit) {
    const cls = this.constructor as typeof Operation;
    const name = init.name ?? cls.info?.name;
    if (name === undefined) throw new Error("an operation needs a name");
    this.name = name;
    this._loc = init.loc ?? UnknownLoc.get();
    this._filePos = 0;
    this._parent = undefined;
    this._prev = undefined;
    this._next = undefined;
    this._order = 0;
    this._attributes = toDictionary(init.attributes);
    const operands = init.operands ?? NO_OPERANDS;
    this._operands = operands.length === 0 ? NO_OPERANDS : new Array<OpOperand>(operands.length);
    for (let i = 0; i < operands.length; i++) this._operands[i] = new OpOperand(operands[i] as Value, this, i);
    const types = init.resultTypes ?? NO_RESULTS;
    const results = types.length === 0 ? NO_RESULTS : new Array<OpResult>(types.length);
    for (let i = 0; i < types.length; i++) (results as OpResult[])[i] = new OpResult(types[i] as Type, this, i);
    this.results = results;
    const regions = typeof init.regions === "number" ? Array.from({ length: init.regions }, () => new Region()) : (init.regions ?? NO_REGIONS);
    for (const r of regions) {
      if (r.parent !== undefined) throw new Error("region already belongs to an operation");
      r.parent = this;
    }
    this.regions = regions.length === 0 ? NO_REGIONS : [...regions];
    const successors = init.successors ?? NO_SUCCESSORS;
    this._successors = successors.length === 0 ? NO_SUCCESSORS : [...successors];
    this._successorUses = NO_BLOCK_OPERANDS;
    if (successors.length > 0) this._successorUses = successors.map((b, i) => new BlockOperand(b, this, i));
  }

  /** Creates an operation of this class (`AddIOp.create({...})` builds an AddIOp). Prefer the typed builders. */
  static create<C extends typeof Operation>(this: C, init: OperationInit): InstanceType<C> {
    return new this(init) as InstanceType<C>;
  }

  /** Where the op comes from (a file position for parsed ops); an interned attribute, made when first read. */
  get loc(): Location {
    const l = this._loc;
    if (typeof l !== "string") return l;
    const line = Math.floor(this._filePos / FILE_POS_COLUMNS);
    return (this._loc = FileLineColLoc.get(l, line, this._filePos - line * FILE_POS_COLUMNS));
  }
  set loc(loc: Location) {
    this._loc = loc;
  }
  /**
   * Sets the location `file:line:col` without making the attribute until `loc` is read: the parser's path.
   * An interned location per parsed op (an object and a table entry each) would be a large part of the op's
   * memory and parse time, for locations that are mostly never read (MLIR shares them; here they are not
   * made at all).
   */
  setFileLocation(file: string, line: number, col: number): void {
    if (line < FILE_POS_LINES && col < FILE_POS_COLUMNS) {
      this._loc = file;
      this._filePos = line * FILE_POS_COLUMNS + col;
    } else this._loc = FileLineColLoc.get(file, line, col);
  }

  get info(): OpInfo | undefined {
    return (this.constructor as typeof Operation).info;
  }
  get isRegistered(): boolean {
    return this.info !== undefined;
  }
  /** The dialect prefix of the name ("arith" for "arith.addi"). */
  get dialect(): string {
    const dot = this.name.indexOf(".");
    return dot < 0 ? "" : this.name.slice(0, dot);
  }
  hasTrait(t: Trait): boolean {
    return this.info?.traits.has(t) ?? false;
  }
  /** This op seen through an op interface (src/ir/interfaces.ts), or undefined when its kind does not implement it. */
  getInterface<M extends object, D extends keyof M, S extends keyof M>(this: Implements<OpInterface<M, D, S>>, iface: OpInterface<M, D, S>): InterfaceView<M>;
  getInterface<M extends object, D extends keyof M, S extends keyof M>(iface: OpInterface<M, D, S>): InterfaceView<M> | undefined;
  getInterface<M extends object, D extends keyof M, S extends keyof M>(iface: OpInterface<M, D, S>): InterfaceView<M> | undefined {
    return iface.of(this as unknown as Operation);
  }

  // ---- operands --------------------------------------------------------------------------------------------

  get operands(): readonly Value[] {
    return this._operands.map((o) => o.value);
  }
  get opOperands(): readonly OpOperand[] {
    return this._operands;
  }
  get numOperands(): number {
    return this._operands.length;
  }
  getOperand(i: number): Value {
    const o = this._operands[i];
    if (o === undefined) throw new RangeError(`'${this.name}' has no operand #${i}`);
    return o.value;
  }
  setOperand(i: number, v: Value): void {
    const o = this._operands[i];
    if (o === undefined) throw new RangeError(`'${this.name}' has no operand #${i}`);
    o.set(v);
  }
  /** Replaces all operands (their number may change). */
  setOperands(values: readonly Value[]): void {
    for (const o of this._operands) o.unlink();
    this._operands = values.map((v, i) => new OpOperand(v, this, i));
  }
  /**
   * What `restoreOperands` needs to put this op's operands back exactly: the slots, their values and their
   * places in the values' use lists. O(operands); the use lists themselves are not copied.
   */
  snapshotOperands(): OperandSnapshot {
    const operands = [...this._operands]; // a copy: spliceOperands changes the array in place
    return { operands, values: operands.map((o) => o.value), prevs: operands.map((o) => o.prevUse) };
  }
  /**
   * Puts back the operands `snapshot` saw, each at its old place in its value's use list. Valid when, since
   * the snapshot, only this op's operands changed (what a rewriter's in-place modification may do).
   */
  restoreOperands(snapshot: OperandSnapshot): void {
    for (const o of this._operands) if (o.isLinked) o.unlink();
    for (const o of snapshot.operands) if (o.isLinked) o.unlink();
    this._operands = snapshot.operands.length === 0 ? NO_OPERANDS : [...snapshot.operands];
    this._operands.forEach((o, i) => (o.index = i));
    // A slot goes back after its old predecessor; when that is another slot of this op, that one goes first.
    const pending = new Set(snapshot.operands.keys());
    while (pending.size > 0) {
      for (const i of pending) {
        const prev = snapshot.prevs[i];
        if (prev !== undefined && prev.owner === this && snapshot.operands.includes(prev) && !prev.isLinked) continue;
        (snapshot.operands[i] as OpOperand).relinkAfter(snapshot.values[i] as Value, prev?.isLinked === true ? prev : undefined);
        pending.delete(i);
      }
    }
  }
  /** Replaces `count` operands starting at `start` with `values`, keeping the others' uses. */
  spliceOperands(start: number, count: number, values: readonly Value[]): void {
    if (this._operands === NO_OPERANDS) this._operands = [];
    const removed = this._operands.splice(start, count, ...values.map((v) => new OpOperand(v, this, 0)));
    for (const o of removed) o.unlink();
    this._operands.forEach((o, i) => (o.index = i));
  }

  // ---- results, successors, attributes ---------------------------------------------------------------------

  getResult(i = 0): OpResult {
    const r = this.results[i];
    if (r === undefined) throw new RangeError(`'${this.name}' has no result #${i}`);
    return r;
  }
  get numResults(): number {
    return this.results.length;
  }
  get resultTypes(): Type[] {
    return this.results.map((r) => r.type);
  }
  get successors(): readonly Block[] {
    return this._successors;
  }
  /** The successor slots, as uses of their blocks. */
  get blockOperands(): readonly BlockOperand[] {
    return this._successorUses;
  }
  setSuccessor(i: number, b: Block): void {
    if (i < 0 || i >= this._successors.length) throw new RangeError(`'${this.name}' has no successor #${i}`);
    this._successors[i] = b;
    (this._successorUses[i] as BlockOperand).set(b);
  }
  /** The attributes, sorted by name; ops with equal attributes share one map. Change them with `setAttr`. */
  get attributes(): ReadonlyMap<string, Attribute> {
    return this._attributes.asMap;
  }
  /** The attributes as the interned dictionary the op holds (MLIR's getAttrDictionary). */
  get attrDictionary(): DictionaryAttr {
    return this._attributes;
  }
  /** Replaces all attributes (MLIR's setAttrs). */
  setAttrDictionary(attrs: DictionaryAttr): void {
    this._attributes = attrs;
    if (this._parent !== undefined) this._parent._version++;
  }
  attr(name: string): Attribute | undefined {
    return this._attributes.get(name);
  }
  setAttr(name: string, value: Attribute | undefined): void {
    this._attributes = this._attributes.with(name, value);
    if (this._parent !== undefined) this._parent._version++;
  }
  /** True when no result has a use. */
  get useEmpty(): boolean {
    for (const r of this.results) if (r.firstUse !== undefined) return false;
    return true;
  }
  getRegion(i = 0): Region {
    const r = this.regions[i];
    if (r === undefined) throw new RangeError(`'${this.name}' has no region #${i}`);
    return r;
  }

  // ---- position in the IR ----------------------------------------------------------------------------------

  get parent(): Block | undefined {
    return this._parent;
  }
  get next(): Operation | undefined {
    return this._next;
  }
  get prev(): Operation | undefined {
    return this._prev;
  }
  get parentRegion(): Region | undefined {
    return this._parent?.parent;
  }
  get parentOp(): Operation | undefined {
    return this._parent?.parent?.parent;
  }
  /** The closest enclosing op (not this one) that satisfies `pred`. */
  parentWhere(pred: (op: Operation) => boolean): Operation | undefined {
    for (let p = this.parentOp; p !== undefined; p = p.parentOp) if (pred(p)) return p;
    return undefined;
  }
  /** True when `other` is this op or nested inside one of its regions. */
  isAncestorOf(other: Operation): boolean {
    for (let p: Operation | undefined = other; p !== undefined; p = p.parentOp) if (p === this) return true;
    return false;
  }
  /** Both ops must be in the same block. */
  isBeforeInBlock(other: Operation): boolean {
    const b = this._parent;
    if (b === undefined || b !== other._parent) throw new Error("isBeforeInBlock needs two ops of one block");
    b.ensureOrder();
    return this._order < other._order;
  }

  /** Unlinks this op from its block without touching its uses (to move it or keep it detached). */
  remove(): this {
    this._parent?.unlinkOp(this);
    return this;
  }
  moveBefore(anchor: Operation): void {
    const block = anchor._parent;
    if (block === undefined) throw new Error("moveBefore: the anchor is not in a block");
    this.remove();
    block.insertBefore(this, anchor);
  }
  moveAfter(anchor: Operation): void {
    const block = anchor._parent;
    if (block === undefined) throw new Error("moveAfter: the anchor is not in a block");
    this.remove();
    block.insertAfter(this, anchor);
  }

  /** Drops every use this op and the ops nested in it make, so they can be erased in any order. */
  dropAllReferences(): void {
    for (const o of this._operands) o.unlink();
    this._operands = NO_OPERANDS;
    for (const u of this._successorUses) u.unlink();
    this._successors = NO_SUCCESSORS;
    this._successorUses = NO_BLOCK_OPERANDS;
    for (const r of this.regions) for (const b of r.blocks) for (const op of b.ops()) op.dropAllReferences();
  }

  /**
   * Removes this op from its block and destroys it, with everything nested in it. Its results must have no
   * uses left (outside of itself): erasing a used op is a bug in the caller, so it throws.
   */
  erase(): void {
    for (const r of this.results) {
      for (const u of r.uses()) {
        if (!this.isAncestorOf(u.owner)) {
          throw new Error(`cannot erase '${this.name}': result #${r.index} is still used by '${u.owner.name}'`);
        }
      }
    }
    this.remove();
    this.dropAllReferences();
  }

  // ---- traversal and copies --------------------------------------------------------------------------------

  /**
   * Visits this op and every op nested in it. Post-order by default (children first, so erasing the visited
   * op is safe); `order: "pre"` visits parents first and lets the callback return "skip".
   * Returns "interrupt" if the walk was interrupted.
   */
  walk(cb: (op: Operation) => WalkResult, order: WalkOrder = "post"): "interrupt" | void {
    if (order === "pre") {
      const r = cb(this);
      if (r === "interrupt") return "interrupt";
      if (r === "skip") return;
    }
    for (const region of this.regions) if (region.walk(cb, order) === "interrupt") return "interrupt";
    if (order === "post" && cb(this) === "interrupt") return "interrupt";
  }

  /** All nested ops (not this one) that are instances of `cls`, in pre-order. */
  collect<C extends typeof Operation>(cls: C): InstanceType<C>[] {
    const out: InstanceType<C>[] = [];
    this.walk((op) => {
      if (op !== this && op instanceof cls) out.push(op as InstanceType<C>);
    }, "pre");
    return out;
  }

  /**
   * A deep copy. Operands, successors and values used inside regions are remapped through `mapping` (values
   * not in it are kept); the copy's results and nested values are added to the mapping.
   */
  clone(mapping: IRMapping = new IRMapping()): this {
    const cls = this.constructor as typeof Operation;
    const copy = new cls({
      name: this.name,
      operands: this.operands.map((v) => mapping.lookupOr(v)),
      resultTypes: this.resultTypes,
      attributes: this._attributes,
      regions: this.regions.length,
      successors: this.successors.map((b) => mapping.lookupBlockOr(b)),
    });
    copy._loc = this._loc;
    copy._filePos = this._filePos;
    this.results.forEach((r, i) => mapping.map(r, copy.getResult(i)));
    this.regions.forEach((r, i) => r.cloneInto(copy.getRegion(i), mapping));
    return copy as this;
  }
}

/** A mapping of values and blocks, filled by `clone` and used to remap operands. */
export class IRMapping {
  readonly values = new Map<Value, Value>();
  readonly blocks = new Map<Block, Block>();
  map(from: Value, to: Value): void {
    this.values.set(from, to);
  }
  mapBlock(from: Block, to: Block): void {
    this.blocks.set(from, to);
  }
  lookupOr<T extends Value>(v: T): T {
    return (this.values.get(v) as T | undefined) ?? v;
  }
  lookupBlockOr(b: Block): Block {
    return this.blocks.get(b) ?? b;
  }
}

export class Block {
  /** @internal */ parent: Region | undefined = undefined;
  /** @internal head of the list of successor slots that name this block */
  _firstUse: BlockOperand | undefined = undefined;
  /** @internal position in the region, valid while the region's numbering is valid */
  _index = 0;
  /**
   * @internal bumped whenever an op is inserted into or removed from this block, or one of its ops' attributes
   * changes: caches of what a block holds (symbol tables) compare it to know they are stale.
   */
  _version = 0;
  #args: BlockArgument[] = [];
  #first: Operation | undefined = undefined;
  #last: Operation | undefined = undefined;
  #orderValid = false;

  constructor(argTypes: readonly Type[] = [], argLocs?: readonly Location[]) {
    argTypes.forEach((t, i) => this.addArgument(t, argLocs?.[i] ?? UnknownLoc.get()));
  }

  get args(): readonly BlockArgument[] {
    return this.#args;
  }
  arg(i: number): BlockArgument {
    const a = this.#args[i];
    if (a === undefined) throw new RangeError(`block has no argument #${i}`);
    return a;
  }
  get argTypes(): Type[] {
    return this.#args.map((a) => a.type);
  }
  addArgument<T extends Type>(type: T, loc: Location = UnknownLoc.get()): BlockArgument<T> {
    const a = new BlockArgument(type, this, this.#args.length, loc);
    this.#args.push(a);
    return a;
  }
  insertArgument<T extends Type>(index: number, type: T, loc: Location = UnknownLoc.get()): BlockArgument<T> {
    const a = new BlockArgument(type, this, index, loc);
    this.#args.splice(index, 0, a);
    this.#args.forEach((x, i) => (x.index = i));
    return a;
  }
  /** Removes an argument, which must have no uses. */
  eraseArgument(index: number): void {
    const a = this.#args[index];
    if (a === undefined) throw new RangeError(`block has no argument #${index}`);
    if (a.hasUses) throw new Error(`cannot erase block argument #${index}: it still has uses`);
    this.#args.splice(index, 1);
    this.#args.forEach((x, i) => (x.index = i));
  }

  get parentOp(): Operation | undefined {
    return this.parent?.parent;
  }
  get first(): Operation | undefined {
    return this.#first;
  }
  get last(): Operation | undefined {
    return this.#last;
  }
  get isEmpty(): boolean {
    return this.#first === undefined;
  }

  /** Iterates the ops; erasing or moving the op just visited is safe. */
  *ops(): IterableIterator<Operation> {
    for (let op = this.#first; op !== undefined; ) {
      const next = op._next;
      yield op;
      op = next;
    }
  }
  get operations(): Operation[] {
    return [...this.ops()];
  }
  get numOps(): number {
    let n = 0;
    for (let op = this.#first; op !== undefined; op = op._next) n++;
    return n;
  }

  /** The last op, if it is a terminator of a registered kind; the verifier decides what terminates. */
  get terminator(): Operation | undefined {
    return this.#last;
  }
  get successors(): readonly Block[] {
    return this.#last?.successors ?? NO_SUCCESSORS;
  }
  /** The successor slots that name this block (of any op, in any state), most recent first. */
  *uses(): IterableIterator<BlockOperand> {
    for (let u = this._firstUse; u !== undefined; u = u.nextUse) yield u;
  }
  /** The block whose terminator `u` is, if `u` is an edge into this block from its region. */
  #edgeSource(u: BlockOperand): Block | undefined {
    const from = u.owner._parent;
    return from !== undefined && from.parent === this.parent && from.last === u.owner ? from : undefined;
  }
  /**
   * Blocks of the same region whose terminator branches here, one entry per edge, in region order (then
   * successor order). From the block's uses: O(predecessors), not a scan of the region.
   */
  get predecessors(): Block[] {
    const edges: BlockOperand[] = [];
    for (let u = this._firstUse; u !== undefined; u = u.nextUse) if (this.#edgeSource(u) !== undefined) edges.push(u);
    if (edges.length === 0) return [];
    if (edges.length > 1) {
      this.parent?.ensureBlockOrder();
      edges.sort((a, b) => (a.owner._parent as Block)._index - (b.owner._parent as Block)._index || a.index - b.index);
    }
    return edges.map((u) => u.owner._parent as Block);
  }
  get hasPredecessors(): boolean {
    for (let u = this._firstUse; u !== undefined; u = u.nextUse) if (this.#edgeSource(u) !== undefined) return true;
    return false;
  }
  /** The one predecessor, if exactly one edge comes here (two edges from one block are not one predecessor). */
  get singlePredecessor(): Block | undefined {
    let found: Block | undefined;
    for (let u = this._firstUse; u !== undefined; u = u.nextUse) {
      const from = this.#edgeSource(u);
      if (from === undefined) continue;
      if (found !== undefined) return undefined;
      found = from;
    }
    return found;
  }

  append(op: Operation): void {
    this.insertBefore(op, undefined);
  }
  prepend(op: Operation): void {
    this.insertBefore(op, this.#first);
  }
  /** Inserts a detached op before `anchor` (at the end when anchor is undefined). */
  insertBefore(op: Operation, anchor: Operation | undefined): void {
    if (op._parent !== undefined) throw new Error(`'${op.name}' is already in a block; remove it first`);
    if (anchor !== undefined && anchor._parent !== this) throw new Error("insertion anchor is not in this block");
    op._parent = this;
    op._next = anchor;
    op._prev = anchor === undefined ? this.#last : anchor._prev;
    if (op._prev === undefined) this.#first = op;
    else op._prev._next = op;
    if (anchor === undefined) this.#last = op;
    else anchor._prev = op;
    this.#orderValid = false;
    this._version++;
  }
  insertAfter(op: Operation, anchor: Operation): void {
    this.insertBefore(op, anchor._next);
  }
  /** @internal */
  unlinkOp(op: Operation): void {
    if (op._parent !== this) throw new Error("op is not in this block");
    if (op._prev === undefined) this.#first = op._next;
    else op._prev._next = op._next;
    if (op._next === undefined) this.#last = op._prev;
    else op._next._prev = op._prev;
    op._parent = op._prev = op._next = undefined;
    this._version++;
  }
  /** @internal numbers the ops so `isBeforeInBlock` is O(1) until the next insertion. */
  ensureOrder(): void {
    if (this.#orderValid) return;
    let i = 0;
    for (let op = this.#first; op !== undefined; op = op._next) op._order = i++;
    this.#orderValid = true;
  }

  /** Moves all ops of `other` to the end of this block (or before `anchor`). Arguments are not touched. */
  takeOpsFrom(other: Block, anchor?: Operation): void {
    for (const op of other.ops()) {
      op.remove();
      this.insertBefore(op, anchor);
    }
  }

  /** Removes this block from its region (it must not be a branch target any more). */
  remove(): this {
    this.parent?.removeBlock(this);
    return this;
  }
  /** Removes this block and destroys its ops. */
  erase(): void {
    this.remove();
    for (const op of this.ops()) op.dropAllReferences();
    for (const op of this.ops()) op.remove();
  }
}

export class Region {
  /** @internal */ parent: Operation | undefined = undefined;
  #blocks: Block[] = [];
  #orderValid = false;

  constructor(blocks: readonly Block[] = []) {
    for (const b of blocks) this.push(b);
  }

  get blocks(): readonly Block[] {
    return this.#blocks;
  }
  get entry(): Block | undefined {
    return this.#blocks[0];
  }
  get isEmpty(): boolean {
    return this.#blocks.length === 0;
  }
  get parentOp(): Operation | undefined {
    return this.parent;
  }
  /** The single block of a single-block region (throws if there is not exactly one). */
  get block(): Block {
    const b = this.#blocks[0];
    if (b === undefined || this.#blocks.length !== 1) throw new Error("region does not have exactly one block");
    return b;
  }
  push(b: Block): Block {
    return this.insertBlock(b, this.#blocks.length);
  }
  insertBlock(b: Block, index: number): Block {
    if (b.parent !== undefined) throw new Error("block already belongs to a region");
    b.parent = this;
    this.#blocks.splice(index, 0, b);
    this.#orderValid = false;
    return b;
  }
  insertBlockAfter(b: Block, anchor: Block): Block {
    return this.insertBlock(b, this.#blocks.indexOf(anchor) + 1);
  }
  indexOf(b: Block): number {
    if (b.parent !== this) return -1;
    this.ensureBlockOrder();
    return b._index;
  }
  /** @internal numbers the blocks, so positions are O(1) until the next insertion or removal. */
  ensureBlockOrder(): void {
    if (this.#orderValid) return;
    this.#blocks.forEach((b, i) => (b._index = i));
    this.#orderValid = true;
  }
  /** @internal */
  removeBlock(b: Block): void {
    const i = this.#blocks.indexOf(b);
    if (i < 0) throw new Error("block is not in this region");
    this.#blocks.splice(i, 1);
    this.#orderValid = false;
    b.parent = undefined;
  }
  /** Moves all blocks of `other` into this region, before block index `at` (default: the end). */
  takeBody(other: Region, at = this.#blocks.length): void {
    const moved = [...other.blocks];
    for (const b of moved) b.remove();
    moved.forEach((b, i) => this.insertBlock(b, at + i));
  }
  /** True when `op` is inside this region (at any depth). */
  isAncestorOf(op: Operation): boolean {
    for (let r = op.parentRegion; r !== undefined; r = r.parent?.parentRegion) if (r === this) return true;
    return false;
  }
  /** Deep-copies the blocks of this region to the end of `dest`, remapping through `mapping`. */
  cloneInto(dest: Region, mapping: IRMapping): void {
    const copies = this.#blocks.map((b) => {
      const c = new Block();
      for (const a of b.args) mapping.map(a, c.addArgument(a.type, a.loc));
      mapping.mapBlock(b, c);
      return c;
    });
    this.#blocks.forEach((b, i) => {
      const c = copies[i] as Block;
      for (const op of b.ops()) c.append(op.clone(mapping));
      dest.push(c);
    });
    // Successors and operands were mapped while cloning; forward references inside the region need a fix-up.
    for (const c of copies) {
      for (const op of c.ops()) op.walk((o) => remapForward(o, mapping));
    }
  }
  walk(cb: (op: Operation) => WalkResult, order: WalkOrder = "post"): "interrupt" | void {
    for (const b of this.#blocks) {
      // As Block.ops(), without a generator: the next op is read first, so the callback may erase or move `op`.
      for (let op = b.first, next: Operation | undefined; op !== undefined; op = next) {
        next = op._next;
        if (op.walk(cb, order) === "interrupt") return "interrupt";
      }
    }
  }
}

/** After cloning a region, operands and successors that referred forward (to later blocks) are remapped. */
function remapForward(op: Operation, mapping: IRMapping): void {
  op.opOperands.forEach((o) => {
    const m = mapping.values.get(o.value);
    if (m !== undefined) o.set(m);
  });
  op.successors.forEach((s, i) => {
    const m = mapping.blocks.get(s);
    if (m !== undefined) op.setSuccessor(i, m);
  });
}
