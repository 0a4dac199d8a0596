/**
 * Integer sets, as in MLIR's `IntegerSet`: `(d0, ..., dn-1)[s0, ..., sm-1] : (c0 >= 0, c1 == 0, ...)`, the
 * points of a conjunction of affine constraints. `affine.if` conditions are made of them.
 *
 * Each constraint is an affine expression compared with zero, either `>= 0` (an inequality) or `== 0` (an
 * equality). As in MLIR 16, the set keeps its constraints as they were built: `d0 <= s0` is stored as
 * `-d0 + s0 >= 0` by whoever builds it (the parser does), and nothing else is simplified beyond what the
 * affine expression constructors already simplify. Sets are immutable and interned (`a === b` is equality).
 */
import { type AffineExpr, affineConstant, evaluateAffineExpr, printAffineExpr, replaceDimsAndSymbols } from "./affine-expr.ts";
import { printDimAndSymbolList } from "./affine-map.ts";
import { type Interned, ids, intern } from "./uniquer.ts";

/** One constraint: `expr == 0` when `isEq`, `expr >= 0` otherwise. */
export interface AffineConstraint {
  readonly expr: AffineExpr;
  readonly isEq: boolean;
}

export class IntegerSet implements Interned {
  private constructor(
    readonly id: number,
    readonly numDims: number,
    readonly numSymbols: number,
    readonly constraints: readonly AffineExpr[],
    /** One flag per constraint: true for `== 0`, false for `>= 0`. */
    readonly eqFlags: readonly boolean[],
  ) {}

  /**
   * The set of points satisfying every constraint. There must be at least one constraint (MLIR's
   * invariant: the universe is written `0 == 0`, see `universe`), one flag per constraint, and constraints may
   * only use the set's dims and symbols.
   */
  static get(numDims: number, numSymbols: number, constraints: readonly AffineExpr[], eqFlags: readonly boolean[]): IntegerSet {
    checkCount("dim", numDims);
    checkCount("symbol", numSymbols);
    if (constraints.length === 0) throw new RangeError("an integer set needs at least one constraint (the universe is `0 == 0`)");
    if (constraints.length !== eqFlags.length) {
      throw new RangeError(`an integer set needs one equality flag per constraint: ${constraints.length} constraints, ${eqFlags.length} flags`);
    }
    for (const [i, e] of constraints.entries()) {
      if (e.dimBound > numDims || e.symbolBound > numSymbols) {
        throw new RangeError(
          `integer set constraint #${i} (${printAffineExpr(e)}) uses an input beyond ${numDims} dims and ${numSymbols} symbols`,
        );
      }
    }
    const exprs = Object.freeze([...constraints]);
    const flags = Object.freeze([...eqFlags]);
    const key = `affine.set:${numDims}:${numSymbols}:${ids(exprs)}:${flags.map((f) => (f ? 1 : 0)).join("")}`;
    return intern(key, (id) => new IntegerSet(id, numDims, numSymbols, exprs, flags));
  }

  /** Built from `{ expr, isEq }` pairs. */
  static fromConstraints(numDims: number, numSymbols: number, constraints: readonly AffineConstraint[]): IntegerSet {
    return IntegerSet.get(
      numDims,
      numSymbols,
      constraints.map((c) => c.expr),
      constraints.map((c) => c.isEq),
    );
  }

  /** The set with no points, `1 == 0` (MLIR's IntegerSet::getEmptySet). */
  static emptySet(numDims: number, numSymbols: number): IntegerSet {
    return IntegerSet.get(numDims, numSymbols, [affineConstant(1)], [true]);
  }

  /** Every point, `0 == 0` (what the parser builds for an empty constraint list). */
  static universe(numDims: number, numSymbols: number): IntegerSet {
    return IntegerSet.get(numDims, numSymbols, [affineConstant(0)], [true]);
  }

  get numInputs(): number {
    return this.numDims + this.numSymbols;
  }
  get numConstraints(): number {
    return this.constraints.length;
  }
  get numEqualities(): number {
    return this.eqFlags.filter((f) => f).length;
  }
  get numInequalities(): number {
    return this.eqFlags.length - this.numEqualities;
  }
  getConstraint(index: number): AffineExpr {
    const e = this.constraints[index];
    if (e === undefined) throw new RangeError(`integer set ${this} has no constraint #${index}`);
    return e;
  }
  isEq(index: number): boolean {
    this.getConstraint(index);
    return this.eqFlags[index] as boolean;
  }
  /** The constraints as `{ expr, isEq }` pairs, in order. */
  get constraintList(): AffineConstraint[] {
    return this.constraints.map((expr, i) => ({ expr, isEq: this.eqFlags[i] as boolean }));
  }

  /** True for the canonical empty set `1 == 0` (MLIR's isEmptyIntegerSet, a structural check only). */
  isEmptyIntegerSet(): boolean {
    return this === IntegerSet.emptySet(this.numDims, this.numSymbols);
  }

  /** Substitutes dims and symbols in every constraint; the caller says how many the new set has. */
  replaceDimsAndSymbols(
    dims: readonly AffineExpr[],
    symbols: readonly AffineExpr[],
    numResultDims: number,
    numResultSymbols: number,
  ): IntegerSet {
    const exprs = this.constraints.map((e) => replaceDimsAndSymbols(e, dims, symbols));
    return IntegerSet.get(numResultDims, numResultSymbols, exprs, this.eqFlags);
  }

  /** Whether the point (dims, symbols) satisfies every constraint (what `affine.if` decides). */
  contains(dims: readonly number[], symbols: readonly number[] = []): boolean {
    if (dims.length !== this.numDims || symbols.length !== this.numSymbols) {
      throw new RangeError(
        `${this} takes ${this.numDims} dims and ${this.numSymbols} symbols, got ${dims.length} and ${symbols.length}`,
      );
    }
    return this.constraints.every((e, i) => {
      const v = evaluateAffineExpr(e, dims, symbols);
      return this.eqFlags[i] ? v === 0 : v >= 0;
    });
  }

  toString(): string {
    return printIntegerSet(this);
  }
}

function checkCount(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`integer set ${what} count ${n} is not a non-negative integer`);
}

/** The body of `affine_set<...>` as MLIR 16 prints it: `(d0)[s0] : (d0 - s0 >= 0, d0 == 0)`. */
export function printIntegerSet(set: IntegerSet): string {
  const constraints = set.constraints.map((e, i) => `${printAffineExpr(e)} ${set.eqFlags[i] ? "==" : ">="} 0`).join(", ");
  return `${printDimAndSymbolList(set.numDims, set.numSymbols)} : (${constraints})`;
}
