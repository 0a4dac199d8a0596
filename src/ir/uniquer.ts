/**
 * Hash-consing for immutable IR objects (types, attributes, locations, affine expressions).
 *
 * Equal objects are the same object, so `a === b` is structural equality and a Map keyed by a type or an
 * attribute works. Interning is process-wide, not per Context (docs/ARCHITECTURE.md, "Interning", says why).
 *
 * Two ways in:
 * - `InternTable`: one table per kind, found by a structural hash of the fields and an equality test on them;
 *   no key strings are built. The builtin kinds use it: they are built on every parsed op.
 * - `intern(key, make)`: keyed by a string that determines the object; for kinds built rarely, such as the
 *   types and attributes a dialect defines (the simplest way to write one).
 *
 * Holding: a "strong" table keeps its objects for the life of the process, as an MLIRContext keeps its
 * storage; small, bounded kinds (integer types, integer attributes) use it. A "weak" table holds each entry
 * through a WeakRef, so that objects nobody refers to any more can be collected: payload-carrying kinds
 * (dense elements, strings, arrays, dictionaries) use it, so a session that builds and drops many large
 * constants does not grow without bound. Dead entries are swept when the table has grown by half since the
 * last sweep (amortised O(1) per insertion, no FinalizationRegistry callbacks).
 */

let nextId = 1;

/** Anything that is interned gets a unique, stable id, used to hash and key its parents. */
export interface Interned {
  readonly id: number;
}

/** A fresh id, for objects that are made unique by other means (see FileLineColLoc). */
export function freshId(): number {
  return nextId++;
}

export type Holding = "strong" | "weak";

type Slot<T extends object> = T | WeakRef<T>;

/** Entries before a weak table sweeps dead ones for the first time. */
const FIRST_SWEEP = 1024;

/** A uniquing table for one kind of object, keyed by a structural hash; see the module comment. */
export class InternTable<T extends Interned & object> {
  readonly #buckets = new Map<number, Slot<T> | Slot<T>[]>();
  readonly #weak: boolean;
  #entries = 0;
  #sweepAt = FIRST_SWEEP;

  constructor(holding: Holding) {
    this.#weak = holding === "weak";
  }

  /**
   * The entry with hash `hash` for which `same` holds, or the one `make(id)` builds (then added). `hash`
   * must be a function of what `same` compares; collisions only cost a comparison.
   */
  intern(hash: number, same: (candidate: T) => boolean, make: (id: number) => T): T {
    const slot = this.#buckets.get(hash);
    if (slot !== undefined) {
      if (Array.isArray(slot)) {
        for (const s of slot) {
          const x = this.#deref(s);
          if (x !== undefined && same(x)) return x;
        }
      } else {
        const x = this.#deref(slot);
        if (x !== undefined && same(x)) return x;
      }
    }
    const created = make(nextId++);
    const entry: Slot<T> = this.#weak ? new WeakRef(created) : created;
    if (slot === undefined) this.#buckets.set(hash, entry);
    else if (Array.isArray(slot)) slot.push(entry);
    else this.#buckets.set(hash, [slot, entry]);
    if (this.#weak && ++this.#entries >= this.#sweepAt) this.#sweep();
    return created;
  }

  #deref(s: Slot<T>): T | undefined {
    return this.#weak ? (s as WeakRef<T>).deref() : (s as T);
  }

  /** Drops the entries whose objects were collected; the next sweep comes when the live ones grew by half. */
  #sweep(): void {
    let live = 0;
    for (const [hash, slot] of this.#buckets) {
      if (Array.isArray(slot)) {
        const kept = slot.filter((s) => (s as WeakRef<T>).deref() !== undefined);
        live += kept.length;
        if (kept.length === 0) this.#buckets.delete(hash);
        else this.#buckets.set(hash, kept.length === 1 ? (kept[0] as Slot<T>) : kept);
      } else if ((slot as WeakRef<T>).deref() === undefined) {
        this.#buckets.delete(hash);
      } else {
        live++;
      }
    }
    this.#entries = live;
    this.#sweepAt = Math.max(FIRST_SWEEP, live + (live >> 1));
  }
}

// ---- structural hashing ----------------------------------------------------------------------------------

/** Mixes `x` (any 32-bit integer) into the hash `h` (murmur-style). */
export function mix(h: number, x: number): number {
  h = Math.imul(h ^ (x | 0), 0x5bd1e995);
  return h ^ (h >>> 15);
}

const f64 = new Float64Array(1);
const f64Words = new Int32Array(f64.buffer);

/** A hash of a number: itself for int32, otherwise of the two halves of its bits (DYNAMIC, fractions). */
export function hashNumber(n: number): number {
  if ((n | 0) === n) return n;
  f64[0] = n;
  return mix(f64Words[0] as number, f64Words[1] as number);
}

/** A hash of a BigInt (its low 64 bits and sign; equal values hash equal). */
export function hashBigInt(v: bigint): number {
  if (v >= -2147483648n && v <= 2147483647n) return Number(v);
  return mix(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)));
}

/** FNV-1a over the UTF-16 code units of `s`. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** A hash of a list of interned objects, by their ids. */
export function hashIds(h: number, items: readonly Interned[]): number {
  h = mix(h, items.length);
  for (const x of items) h = mix(h, x.id);
  return h;
}

/** A hash of a list of numbers. */
export function hashNumbers(h: number, items: readonly number[]): number {
  h = mix(h, items.length);
  for (const x of items) h = mix(h, hashNumber(x));
  return h;
}

/** Element-wise `===` of two lists. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---- string keys ---------------------------------------------------------------------------------------

const keyed = new Map<string, WeakRef<Interned>>();
let keyedSweepAt = FIRST_SWEEP;

/**
 * Returns the existing object for `key`, or the one `make(id)` builds. `key` must determine the object
 * completely; children are named in it by their own `id`, which is stable while the parent holds them.
 * Held weakly. For kinds built rarely (a dialect's own types and attributes); hot kinds use an InternTable.
 */
export function intern<T extends Interned>(key: string, make: (id: number) => T): T {
  const existing = keyed.get(key)?.deref();
  if (existing !== undefined) return existing as T;
  const created = make(nextId++);
  keyed.set(key, new WeakRef(created));
  if (keyed.size >= keyedSweepAt) {
    for (const [k, ref] of keyed) if (ref.deref() === undefined) keyed.delete(k);
    keyedSweepAt = Math.max(FIRST_SWEEP, keyed.size + (keyed.size >> 1));
  }
  return created;
}

/** The ids of a list of interned objects, for keys. */
export function ids(items: readonly Interned[]): string {
  return items.map((x) => x.id).join(",");
}
