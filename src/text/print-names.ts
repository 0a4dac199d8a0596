/**
 * SSA value and block names, assigned as MLIR 16's SSANameState assigns them.
 *
 * - Names are chosen before printing, for everything under the root operation. Each region is numbered
 *   with the counters (next value number, next `%argN`, next conflict suffix) its parent region had when it
 *   was done, so nested regions continue after all of the enclosing region's values and sibling regions
 *   reuse the same numbers (`%4` can appear in both branches of an `scf.if`). Names used in a region are
 *   visible, for conflict checks, in the regions nested in it, not in its siblings.
 * - Entry-block arguments are `%arg<N>`; other block arguments and unnamed results take the next number.
 * - In custom form, an op may name its results (`%c0`, `%cst`): the names are sanitized, and a clash gets
 *   `_<n>` with a conflict counter. A named result that is not the first starts a new result group, so
 *   `%a, %b:2 = ...` prints, and uses print as `%b#1`.
 * - Blocks are `^bb<index in region>`.
 */
import type { Block, Operation, Region } from "../ir/operation.ts";
import { OpResult, type Value } from "../ir/value.ts";

const utf8 = new TextEncoder();

/**
 * Makes `name` a valid SSA identifier as MLIR does: a leading digit gets a `_` prefix; bytes other than
 * letters, digits and `allowed` become hex (a space becomes `_`).
 */
export function sanitizeIdentifier(name: string, allowed = "$._-"): string {
  const valid = (c: string): boolean => /[A-Za-z0-9]/.test(c) || allowed.includes(c);
  const copy = (): string => {
    let out = "";
    for (const b of utf8.encode(name)) {
      const c = String.fromCharCode(b);
      if (b < 0x80 && valid(c)) out += c;
      else if (c === " ") out += "_";
      else out += b.toString(16).toUpperCase();
    }
    return out;
  };
  if (/^[0-9]/.test(name)) return `_${copy()}`;
  for (const c of name) if (!valid(c)) return copy();
  return name;
}

/** A scope of used names; lookups see the enclosing scopes too. */
class NameScope {
  readonly #names = new Set<string>();
  constructor(readonly parent: NameScope | undefined) {}
  has(name: string): boolean {
    for (let s: NameScope | undefined = this; s !== undefined; s = s.parent) if (s.#names.has(name)) return true;
    return false;
  }
  add(name: string): void {
    this.#names.add(name);
  }
}

const UNKNOWN_VALUE = "<<UNKNOWN SSA VALUE>>";

export interface BlockInfo {
  readonly ordering: number;
  readonly name: string;
}

export interface NamingOptions {
  /** Generic form: ops do not name their results. */
  readonly generic: boolean;
}

export class SsaNames {
  /** `%3` or `%name`: the printed name, made once per value. Only the first value of a result group is here. */
  readonly #ids = new Map<Value, string>();
  readonly #resultGroups = new Map<Operation, number[]>();
  readonly #blocks = new Map<Block, BlockInfo>();
  #nextValue = 0;
  #nextArg = 0;
  #nextConflict = 0;
  #scope: NameScope;

  constructor(
    root: Operation,
    private readonly opts: NamingOptions,
  ) {
    this.#scope = new NameScope(undefined);
    type Pending = { region: Region; value: number; arg: number; conflict: number; scope: NameScope };
    // The root's regions start from the counters as they were before the root's own results.
    const stack: Pending[] = root.regions.map((region) => ({ region, value: 0, arg: 0, conflict: 0, scope: this.#scope }));
    this.numberOp(root);
    while (stack.length > 0) {
      const next = stack.pop() as Pending;
      this.#nextValue = next.value;
      this.#nextArg = next.arg;
      this.#nextConflict = next.conflict;
      this.#scope = new NameScope(next.scope);
      this.numberRegion(next.region);
      const scope = this.#scope;
      for (const block of next.region.blocks) {
        for (let op = block.first; op !== undefined; op = op.next) {
          for (const region of op.regions) {
            stack.push({ region, value: this.#nextValue, arg: this.#nextArg, conflict: this.#nextConflict, scope });
          }
        }
      }
    }
  }

  /** `%3`, `%arg0`, `%c0`, `%0#1`; `<<UNKNOWN SSA VALUE>>` for a value outside the named IR. */
  valueName(v: Value, withResultNumber = true): string {
    if (!(v instanceof OpResult) || v.owner.numResults === 1) return this.#ids.get(v) ?? UNKNOWN_VALUE;
    const found = this.resultGroupOf(v);
    const name = this.#ids.get(found.head);
    if (name === undefined) return UNKNOWN_VALUE;
    return found.number !== undefined && withResultNumber ? `${name}#${found.number}` : name;
  }

  /** The result indices that start a result group of `op`, when it has more than one group. */
  resultGroups(op: Operation): readonly number[] | undefined {
    return this.#resultGroups.get(op);
  }

  blockInfo(b: Block): BlockInfo {
    return this.#blocks.get(b) ?? { ordering: -1, name: "INVALIDBLOCK" };
  }

  /** The head value of the result group holding `r`, and r's number within it (for groups of 2 or more). */
  private resultGroupOf(r: OpResult): { head: Value; number: number | undefined } {
    const owner = r.owner;
    if (owner.numResults === 1) return { head: r, number: undefined };
    const groups = this.#resultGroups.get(owner);
    if (groups === undefined) return { head: owner.results[0] as OpResult, number: r.index };
    let g = 0;
    while (g + 1 < groups.length && (groups[g + 1] as number) <= r.index) g++;
    const start = groups[g] as number;
    const end = g + 1 < groups.length ? (groups[g + 1] as number) : owner.numResults;
    return { head: owner.results[start] as OpResult, number: end - start !== 1 ? r.index - start : undefined };
  }

  private numberRegion(region: Region): void {
    // MLIR's getAsmBlockArgumentNames: in custom form, the op may name its entry-block arguments first.
    const parent = region.parentOp;
    const argNames = this.opts.generic || parent === undefined ? undefined : parent.info?.blockArgNames?.(parent, region);
    const entry = region.blocks[0];
    if (argNames !== undefined && entry !== undefined) {
      argNames.forEach((name, i) => {
        const arg = entry.args[i];
        if (name !== undefined && arg !== undefined) this.setName(arg, name);
      });
    }
    region.blocks.forEach((block, i) => {
      this.#blocks.set(block, { ordering: i, name: `^bb${i}` });
      this.numberBlock(block, i === 0);
    });
  }

  private numberBlock(block: Block, isEntry: boolean): void {
    for (const arg of block.args) {
      if (this.#ids.has(arg)) continue;
      this.setName(arg, isEntry ? `arg${this.#nextArg++}` : "");
    }
    for (let op = block.first; op !== undefined; op = op.next) this.numberOp(op);
  }

  private numberOp(op: Operation): void {
    const n = op.numResults;
    if (n === 0) return; // what a hook names is results, and there are none
    let groups: number[] | undefined; // the starts of the result groups after the first, when a hook names them
    const hook = this.opts.generic ? undefined : op.info?.resultNames;
    if (hook !== undefined) {
      const names = hook(op);
      for (let i = 0; i < names.length && i < n; i++) {
        const name = names[i];
        if (name === undefined) continue;
        this.setName(op.results[i] as OpResult, name);
        if (i !== 0) (groups ??= [0]).push(i);
      }
    }
    const first = op.results[0] as OpResult;
    if (!this.#ids.has(first)) this.#ids.set(first, `%${this.#nextValue++}`);
    if (groups !== undefined) this.#resultGroups.set(op, groups.sort((a, b) => a - b));
  }

  /** An empty name takes the next number; others are sanitized and made unique. */
  private setName(v: Value, name: string): void {
    if (name === "") {
      this.#ids.set(v, `%${this.#nextValue++}`);
      return;
    }
    this.#ids.set(v, `%${this.uniqueName(name)}`);
  }

  private uniqueName(name: string): string {
    let unique = sanitizeIdentifier(name);
    if (this.#scope.has(unique)) {
      const base = unique;
      do unique = `${base}_${this.#nextConflict++}`;
      while (this.#scope.has(unique));
    }
    this.#scope.add(unique);
    return unique;
  }
}
