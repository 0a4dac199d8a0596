/**
 * Hash-consing for immutable IR objects (types, attributes, locations, affine expressions).
 *
 * Equal objects are the same object, so `a === b` is structural equality and a Map keyed by a type or an
 * attribute works. Entries are held weakly: a type nobody refers to any more can be collected, so a long
 * session that builds and drops many large dense constants does not grow without bound.
 */

const table = new Map<string, WeakRef<Interned>>();
const cleanup = new FinalizationRegistry<string>((key) => {
  const ref = table.get(key);
  if (ref !== undefined && ref.deref() === undefined) table.delete(key);
});

let nextId = 1;

/** Anything that goes through `intern` gets a unique, stable id, used to build the keys of its parents. */
export interface Interned {
  readonly id: number;
}

/**
 * Returns the existing object for `key`, or the one `make(id)` builds. `key` must determine the object
 * completely; children are named in it by their own `id`, which is stable while the parent holds them.
 */
export function intern<T extends Interned>(key: string, make: (id: number) => T): T {
  const existing = table.get(key)?.deref();
  if (existing !== undefined) return existing as T;
  const created = make(nextId++);
  table.set(key, new WeakRef(created));
  cleanup.register(created, key);
  return created;
}

/** The ids of a list of interned objects, for keys. */
export function ids(items: readonly Interned[]): string {
  return items.map((x) => x.id).join(",");
}
