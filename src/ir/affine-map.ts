/**
 * Affine maps, as in MLIR's `AffineMap`: `(d0, ..., dn-1)[s0, ..., sm-1] -> (e0, ..., ek-1)`.
 *
 * Maps are immutable and interned (`a === b` is equality). They are what linalg's indexing maps, vector
 * permutation maps and memref layouts are made of, so this file carries the queries and transformations
 * those need: identities and permutations, composition, sub-maps, dim/symbol shifting and compression,
 * inversion, evaluation, and MLIR 16's printed form.
 */
import {
  type AffineExpr,
  affineConstant,
  affineDim,
  affineSymbol,
  evaluateAffineExpr,
  isFunctionOfDim,
  isFunctionOfSymbol,
  printAffineExpr,
  replaceAffineExprs,
  replaceDimsAndSymbols,
  shiftDims,
  shiftSymbols,
} from "./affine-expr.ts";
import { type Interned, ids, intern } from "./uniquer.ts";

export class AffineMap implements Interned {
  private constructor(
    readonly id: number,
    readonly numDims: number,
    readonly numSymbols: number,
    readonly results: readonly AffineExpr[],
  ) {}

  /** The map `(d0..d<numDims-1>)[s0..s<numSymbols-1>] -> (results)`; results may use only those inputs. */
  static get(numDims: number, numSymbols: number, results: readonly AffineExpr[]): AffineMap {
    checkCount("dim", numDims);
    checkCount("symbol", numSymbols);
    for (const [i, e] of results.entries()) {
      if (e.dimBound > numDims || e.symbolBound > numSymbols) {
        throw new RangeError(
          `affine map result #${i} (${printAffineExpr(e)}) uses an input beyond ${numDims} dims and ${numSymbols} symbols`,
        );
      }
    }
    const frozen = Object.freeze([...results]);
    return intern(`affine.map:${numDims}:${numSymbols}:${ids(frozen)}`, (id) => new AffineMap(id, numDims, numSymbols, frozen));
  }

  /** `() -> ()`. */
  static empty(): AffineMap {
    return AffineMap.get(0, 0, []);
  }
  /** `(d0..dn-1) -> (d0..dn-1)` (MLIR's getMultiDimIdentityMap). */
  static identity(numDims: number): AffineMap {
    return AffineMap.multiDimWithTargets(numDims, range(numDims));
  }
  static multiDimIdentity(numDims: number): AffineMap {
    return AffineMap.identity(numDims);
  }
  /** `() -> (value)`. */
  static constant(value: number): AffineMap {
    return AffineMap.get(0, 0, [affineConstant(value)]);
  }
  /** `(d0..dn-1) -> (d<targets[0]>, d<targets[1]>, ...)`. */
  static multiDimWithTargets(numDims: number, targets: readonly number[]): AffineMap {
    return AffineMap.get(numDims, 0, targets.map((t) => affineDim(t)));
  }
  /** Result i is `d<perm[i]>`; `perm` must be a permutation of 0..n-1 (n >= 1). */
  static permutation(perm: readonly number[]): AffineMap {
    if (perm.length === 0) throw new RangeError("cannot build a permutation map from an empty permutation");
    const numDims = Math.max(...perm) + 1;
    const map = AffineMap.multiDimWithTargets(numDims, perm);
    if (!map.isPermutation()) throw new RangeError(`[${perm.join(", ")}] is not a permutation`);
    return map;
  }
  /** `(d0..d<dims-1>) -> (d<dims-results>..d<dims-1>)`, the identity on the innermost dims. */
  static minorIdentity(dims: number, results: number): AffineMap {
    if (results > dims) throw new RangeError(`minor identity with ${results} results needs at least as many dims, not ${dims}`);
    return AffineMap.multiDimWithTargets(dims, range(results).map((i) => dims - results + i));
  }
  /** One map per list, all with as many dims and symbols as the largest position used in any list needs. */
  static inferFromExprList(lists: readonly (readonly AffineExpr[])[]): AffineMap[] {
    let numDims = 0;
    let numSymbols = 0;
    for (const e of lists.flat()) {
      numDims = Math.max(numDims, e.dimBound);
      numSymbols = Math.max(numSymbols, e.symbolBound);
    }
    return lists.map((results) => AffineMap.get(numDims, numSymbols, results));
  }

  get numInputs(): number {
    return this.numDims + this.numSymbols;
  }
  get numResults(): number {
    return this.results.length;
  }
  getNumInputs(): number {
    return this.numInputs;
  }
  getResult(index: number): AffineExpr {
    const e = this.results[index];
    if (e === undefined) throw new RangeError(`affine map ${this} has no result #${index}`);
    return e;
  }
  /** The position of result `index`, which must be a dim. */
  getDimPosition(index: number): number {
    const e = this.getResult(index);
    if (e.kind !== "dim") throw new TypeError(`result #${index} of ${this} is not a dim`);
    return e.position;
  }
  /** The index of the first result equal to the dim `input`, or undefined. */
  getResultPosition(input: AffineExpr): number | undefined {
    if (input.kind !== "dim") return undefined;
    const i = this.results.indexOf(input);
    return i < 0 ? undefined : i;
  }

  isEmpty(): boolean {
    return this.numDims === 0 && this.numSymbols === 0 && this.results.length === 0;
  }
  /** Result i is `d<i>` for every i, and there are as many results as dims (symbols are ignored, as in MLIR). */
  isIdentity(): boolean {
    if (this.numDims !== this.results.length) return false;
    return this.results.every((e, i) => e.kind === "dim" && e.position === i);
  }
  isMinorIdentity(): boolean {
    return this.numDims >= this.results.length && this === AffineMap.minorIdentity(this.numDims, this.results.length);
  }
  /**
   * When every result is either the dim of a minor identity at its place or the constant 0 (a broadcast),
   * returns the indices of the broadcast results; otherwise undefined.
   */
  minorIdentityBroadcastDims(): number[] | undefined {
    if (this.numDims < this.results.length) return undefined;
    const suffixStart = this.numDims - this.results.length;
    const broadcast: number[] = [];
    for (const [i, e] of this.results.entries()) {
      if (e.kind === "constant" && e.value === 0) broadcast.push(i);
      else if (e.kind !== "dim" || e.position !== suffixStart + i) return undefined;
    }
    return broadcast;
  }
  isSingleConstant(): boolean {
    return this.results.length === 1 && this.results[0]?.kind === "constant";
  }
  /** Every result is a constant (vacuously true without results). */
  isConstant(): boolean {
    return this.results.every((e) => e.kind === "constant");
  }
  getSingleConstantResult(): number {
    const e = this.results[0];
    if (this.results.length !== 1 || e?.kind !== "constant") throw new TypeError(`${this} is not a single constant`);
    return e.value;
  }
  getConstantResults(): number[] {
    return this.results.map((e, i) => {
      if (e.kind !== "constant") throw new TypeError(`result #${i} of ${this} is not a constant`);
      return e.value;
    });
  }
  /**
   * No symbols, and every result is a distinct dim (or, with `allowZeroInResults`, the constant 0): the map
   * selects and reorders a subset of its dims.
   */
  isProjectedPermutation(allowZeroInResults = false): boolean {
    if (this.numSymbols > 0 || this.results.length > this.numInputs) return false;
    const seen = new Set<number>();
    for (const e of this.results) {
      if (e.kind === "dim") {
        if (seen.has(e.position)) return false;
        seen.add(e.position);
      } else if (!allowZeroInResults || e.kind !== "constant" || e.value !== 0) {
        return false;
      }
    }
    return true;
  }
  isPermutation(): boolean {
    return this.numDims === this.results.length && this.isProjectedPermutation();
  }
  /** The dim position of each result when the map is a projected permutation without zeros, else undefined. */
  getPermutationVector(): number[] | undefined {
    if (!this.isProjectedPermutation()) return undefined;
    return this.results.map((e) => (e.kind === "dim" ? e.position : -1));
  }
  isFunctionOfDim(position: number): boolean {
    return this.results.some((e) => isFunctionOfDim(e, position));
  }
  isFunctionOfSymbol(position: number): boolean {
    return this.results.some((e) => isFunctionOfSymbol(e, position));
  }

  /**
   * `this` composed with `other`: feeds `other`'s results into this map's dims. The result has `other`'s dims, and this
   * map's symbols followed by `other`'s: `compose(a, b)(x)[sa, sb] = a(b(x)[sb])[sa]`.
   */
  compose(other: AffineMap): AffineMap {
    if (this.numDims !== other.results.length) {
      throw new RangeError(`cannot compose ${this} with ${other}: ${this.numDims} dims vs ${other.results.length} results`);
    }
    const numSymbols = this.numSymbols + other.numSymbols;
    const shiftedSymbols = range(other.numSymbols).map((i) => affineSymbol(this.numSymbols + i));
    const inner = other.results.map((e) => replaceDimsAndSymbols(e, [], shiftedSymbols));
    const results = this.results.map((e) => replaceDimsAndSymbols(e, inner, []));
    return AffineMap.get(other.numDims, numSymbols, results);
  }
  /** Substitutes dims and symbols in every result; the caller says how many the new map has. */
  replaceDimsAndSymbols(
    dims: readonly AffineExpr[],
    symbols: readonly AffineExpr[],
    numResultDims: number,
    numResultSymbols: number,
  ): AffineMap {
    const results = this.results.map((e) => replaceDimsAndSymbols(e, dims, symbols));
    return AffineMap.get(numResultDims, numResultSymbols, results);
  }
  /** Sparse replacement of sub-expressions in every result (MLIR's AffineMap::replace). */
  replace(
    replacements: ReadonlyMap<AffineExpr, AffineExpr>,
    numResultDims = this.numDims,
    numResultSymbols = this.numSymbols,
  ): AffineMap {
    const results = this.results.map((e) => replaceAffineExprs(e, replacements));
    return AffineMap.get(numResultDims, numResultSymbols, results);
  }
  /** The map without the results at `positions`. */
  dropResults(positions: Iterable<number>): AffineMap {
    const drop = new Set(positions);
    return this.withResults(this.results.filter((_, i) => !drop.has(i)));
  }
  dropResult(position: number): AffineMap {
    return this.dropResults([position]);
  }
  /** The map with just the results at `positions`, in that order. */
  getSubMap(positions: readonly number[]): AffineMap {
    return this.withResults(positions.map((i) => this.getResult(i)));
  }
  getSliceMap(start: number, length: number): AffineMap {
    if (start < 0 || length < 0 || start + length > this.results.length) {
      throw new RangeError(`results [${start}, ${start + length}) are out of range for ${this}`);
    }
    return this.withResults(this.results.slice(start, start + length));
  }
  /**
   * The first `count` results (all of them when `count` is larger). MLIR returns a null map for 0; here it
   * is the map with the same inputs and no results.
   */
  getMajorSubMap(count: number): AffineMap {
    return this.withResults(this.results.slice(0, Math.min(count, this.results.length)));
  }
  /** The last `count` results (all of them when `count` is larger); see getMajorSubMap about 0. */
  getMinorSubMap(count: number): AffineMap {
    const n = Math.min(count, this.results.length);
    return this.withResults(this.results.slice(this.results.length - n));
  }
  /** Adds `shift` dims, renaming `d<i>` to `d<i + shift>` for i >= `offset`. */
  shiftDims(shift: number, offset = 0): AffineMap {
    const results = this.results.map((e) => shiftDims(e, this.numDims, shift, offset));
    return AffineMap.get(this.numDims + shift, this.numSymbols, results);
  }
  /** Adds `shift` symbols, renaming `s<i>` to `s<i + shift>` for i >= `offset`. */
  shiftSymbols(shift: number, offset = 0): AffineMap {
    const results = this.results.map((e) => shiftSymbols(e, this.numSymbols, shift, offset));
    return AffineMap.get(this.numDims, this.numSymbols + shift, results);
  }
  /** The results' values for the given inputs (floordiv/ceildiv round down/up, mod is non-negative). */
  evaluate(dims: readonly number[], symbols: readonly number[] = []): number[] {
    if (dims.length !== this.numDims || symbols.length !== this.numSymbols) {
      throw new RangeError(
        `${this} takes ${this.numDims} dims and ${this.numSymbols} symbols, got ${dims.length} and ${symbols.length}`,
      );
    }
    return this.results.map((e) => evaluateAffineExpr(e, dims, symbols));
  }
  toString(): string {
    return printAffineMap(this);
  }

  private withResults(results: readonly AffineExpr[]): AffineMap {
    return AffineMap.get(this.numDims, this.numSymbols, results);
  }
}

function checkCount(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`affine map ${what} count ${n} is not a non-negative integer`);
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

// ---------------------------------------------------------------------------------------------------------
// Free functions (MLIR's, from AffineMap.h)
// ---------------------------------------------------------------------------------------------------------

/**
 * The inverse of a map whose results include every dim (the first occurrence of each dim counts; other
 * results are skipped), or undefined when some dim is missing. An empty map is its own inverse.
 */
export function inversePermutation(map: AffineMap): AffineMap | undefined {
  if (map.isEmpty()) return map;
  if (map.numSymbols !== 0) throw new RangeError(`inversePermutation expects a map without symbols, got ${map}`);
  const inverse: (AffineExpr | undefined)[] = new Array(map.numDims).fill(undefined);
  for (const [i, e] of map.results.entries()) {
    if (e.kind === "dim" && inverse[e.position] === undefined) inverse[e.position] = affineDim(i);
  }
  const results = inverse.filter((e): e is AffineExpr => e !== undefined);
  if (results.length !== map.numInputs) return undefined;
  return AffineMap.get(map.results.length, 0, results);
}

/**
 * For a projected permutation (zeros allowed), the map from its results back to its dims, with 0 for the
 * dims it does not use: `(d0, d1, d2) -> (d2, d0)` gives `(d0, d1) -> (d1, 0, d0)`.
 */
export function inverseAndBroadcastProjectedPermutation(map: AffineMap): AffineMap {
  if (!map.isProjectedPermutation(true)) throw new RangeError(`${map} is not a projected permutation`);
  const results: AffineExpr[] = new Array(map.numInputs).fill(affineConstant(0));
  for (const [i, e] of map.results.entries()) {
    if (e.kind === "dim") results[e.position] = affineDim(i);
  }
  return AffineMap.get(map.results.length, 0, results);
}

/**
 * One map with the results of all `maps`: dims are shared (the most any map has), symbols are
 * concatenated (each map's symbols shifted past the previous maps').
 */
export function concatAffineMaps(maps: readonly AffineMap[]): AffineMap {
  let numDims = 0;
  let numSymbols = 0;
  const results: AffineExpr[] = [];
  for (const m of maps) {
    for (const e of m.results) results.push(shiftSymbols(e, m.numSymbols, numSymbols));
    numSymbols += m.numSymbols;
    numDims = Math.max(numDims, m.numDims);
  }
  return AffineMap.get(numDims, numSymbols, results);
}

/** Which dims none of `maps` uses (`unused[i]` for `d<i>`); the maps must have the same number of dims. */
export function getUnusedDims(maps: readonly AffineMap[]): boolean[] {
  const numDims = maps[0]?.numDims ?? 0;
  return range(numDims).map((i) => !maps.some((m) => m.isFunctionOfDim(i)));
}

/** Which symbols none of `maps` uses. */
export function getUnusedSymbols(maps: readonly AffineMap[]): boolean[] {
  const numSymbols = maps[0]?.numSymbols ?? 0;
  return range(numSymbols).map((i) => !maps.some((m) => m.isFunctionOfSymbol(i)));
}

/** Removes the dims flagged in `drop` (replacing their uses by 0) and renumbers the rest. */
export function compressDims(map: AffineMap, drop: readonly boolean[]): AffineMap {
  const { replacements, kept } = compression(map.numDims, drop, affineDim);
  return map.replaceDimsAndSymbols(replacements, [], kept, map.numSymbols);
}

/** Removes the symbols flagged in `drop` (replacing their uses by 0) and renumbers the rest. */
export function compressSymbols(map: AffineMap, drop: readonly boolean[]): AffineMap {
  const { replacements, kept } = compression(map.numSymbols, drop, affineSymbol);
  return map.replaceDimsAndSymbols([], replacements, map.numDims, kept);
}

function compression(
  count: number,
  drop: readonly boolean[],
  make: (position: number) => AffineExpr,
): { replacements: AffineExpr[]; kept: number } {
  let kept = 0;
  const replacements = range(count).map((i) => (drop[i] === true ? affineConstant(0) : make(kept++)));
  return { replacements, kept };
}

export const compressUnusedDims = (map: AffineMap): AffineMap => compressDims(map, getUnusedDims([map]));
export const compressUnusedSymbols = (map: AffineMap): AffineMap => compressSymbols(map, getUnusedSymbols([map]));

/** Drops the dims no map of the list uses, from all of them alike (they must share dims and symbols). */
export function compressUnusedDimsOfMaps(maps: readonly AffineMap[]): AffineMap[] {
  const drop = getUnusedDims(maps);
  return maps.map((m) => compressDims(m, drop));
}

// ---------------------------------------------------------------------------------------------------------
// Printing (MLIR 16's AsmPrinter::printAffineMap)
// ---------------------------------------------------------------------------------------------------------

/** The body of `affine_map<...>` as MLIR 16 prints it: `(d0, d1)[s0] -> (d0 + s0, d1)`, `() -> ()`. */
export function printAffineMap(map: AffineMap): string {
  const results = map.results.map((e) => printAffineExpr(e)).join(", ");
  return `${printDimAndSymbolList(map.numDims, map.numSymbols)} -> (${results})`;
}

/** `(d0, d1)[s0]`, the head of a printed affine map or integer set (no brackets without symbols). */
export function printDimAndSymbolList(numDims: number, numSymbols: number): string {
  const dims = range(numDims).map((i) => `d${i}`).join(", ");
  const symbols = numSymbols === 0 ? "" : `[${range(numSymbols).map((i) => `s${i}`).join(", ")}]`;
  return `(${dims})${symbols}`;
}
