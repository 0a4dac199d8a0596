/**
 * Source locations, as in MLIR: every operation and block argument has one. They are attributes (interned),
 * printed as `loc(...)` with `--mlir-print-debuginfo`.
 *
 * - `FileLineColLoc`: "model.mlir":3:14, from parsed text (1-based line and column).
 * - `NameLoc`: "model.layers.3.mlp", optionally wrapping a child location: from the DSL and importers.
 * - `CallSiteLoc`: callee at caller, from inlining.
 * - `FusedLoc`: several locations merged by a rewrite, with optional metadata.
 * - `UnknownLoc`.
 *
 * File locations are the one kind made per parsed op, so they are uniqued per file (see FileLocations) rather
 * than through a WeakRef each: a parsed op's location costs the object and one map entry.
 */
import { Attribute } from "./attributes.ts";
import { freshId, hashIds, hashString, InternTable, mix, sameItems } from "./uniquer.ts";

export abstract class Location extends Attribute {}

export class UnknownLoc extends Location {
  readonly kind = "loc_unknown";
  static #the: UnknownLoc | undefined;
  static get(): UnknownLoc {
    return (UnknownLoc.#the ??= new UnknownLoc(freshId()));
  }
}

/**
 * The file locations of one file, by line and column. Each location holds its file's table, and the table
 * is found through one WeakRef per file: the table (and so every location of the file) lives while any of
 * them is used, and goes when none is, e.g. when a parsed module is dropped.
 */
class FileLocations {
  readonly byPosition = new Map<number, FileLineColLoc>();
  constructor(readonly file: string) {}
}

const files = new Map<string, WeakRef<FileLocations>>();
let filesSweepAt = 64;

function fileLocations(file: string): FileLocations {
  const existing = files.get(file)?.deref();
  if (existing !== undefined) return existing;
  const created = new FileLocations(file);
  files.set(file, new WeakRef(created));
  if (files.size >= filesSweepAt) {
    for (const [f, ref] of files) if (ref.deref() === undefined) files.delete(f);
    filesSweepAt = Math.max(64, 2 * files.size);
  }
  return created;
}

export class FileLineColLoc extends Location {
  /** On the prototype, not in each object: there is one file location per parsed op. */
  get kind(): "loc_file" {
    return "loc_file";
  }
  private constructor(
    id: number,
    /** @internal */ readonly table: FileLocations,
    readonly line: number,
    readonly col: number,
  ) {
    super(id);
  }
  get file(): string {
    return this.table.file;
  }
  static get(file: string, line: number, col: number): FileLineColLoc {
    const table = fileLocations(file);
    // A small-integer key for the usual positions; a double (still exact) beyond them.
    const key = line < 2097152 && col < 1024 ? line * 1024 + col : line * 4294967296 + col;
    let loc = table.byPosition.get(key);
    if (loc === undefined) {
      loc = new FileLineColLoc(freshId(), table, line, col);
      table.byPosition.set(key, loc);
    }
    return loc;
  }
}

// The other kinds are held weakly: their number grows with the program (names, inlined call sites).
const nameLocs = new InternTable<NameLoc>("weak");
const callSiteLocs = new InternTable<CallSiteLoc>("weak");
const fusedLocs = new InternTable<FusedLoc>("weak");

export class NameLoc extends Location {
  readonly kind = "loc_name";
  private constructor(
    id: number,
    readonly name: string,
    readonly child: Location,
  ) {
    super(id);
  }
  static get(name: string, child: Location = UnknownLoc.get()): NameLoc {
    return nameLocs.intern(mix(hashString(name), child.id), (l) => l.name === name && l.child === child, (id) => new NameLoc(id, name, child));
  }
}

export class CallSiteLoc extends Location {
  readonly kind = "loc_callsite";
  private constructor(
    id: number,
    readonly callee: Location,
    readonly caller: Location,
  ) {
    super(id);
  }
  static get(callee: Location, caller: Location): CallSiteLoc {
    return callSiteLocs.intern(mix(callee.id, caller.id), (l) => l.callee === callee && l.caller === caller, (id) => new CallSiteLoc(id, callee, caller));
  }
}

export class FusedLoc extends Location {
  readonly kind = "loc_fused";
  private constructor(
    id: number,
    readonly locations: readonly Location[],
    readonly metadata: Attribute | undefined,
  ) {
    super(id);
  }
  /**
   * Fuses locations as MLIR 16's FusedLoc::get does: a nested fused location whose metadata is the same as
   * `metadata` (both absent included) is replaced by its locations; unknown locations and duplicates are
   * dropped. Nothing left gives `unknown`, or `fused<metadata>[unknown]` so the metadata is kept; a single
   * location without metadata is returned as is.
   */
  static get(locations: readonly Location[], metadata?: Attribute): Location {
    const flat = new Set<Location>();
    for (const l of locations) {
      // The nested locations were already simplified when it was made, so they are taken as they are.
      if (l instanceof FusedLoc && l.metadata === metadata) l.locations.forEach((inner) => flat.add(inner));
      else if (!(l instanceof UnknownLoc)) flat.add(l);
    }
    if (flat.size === 0) return metadata === undefined ? UnknownLoc.get() : FusedLoc.raw([UnknownLoc.get()], metadata);
    if (flat.size === 1 && metadata === undefined) return flat.values().next().value as Location;
    return FusedLoc.raw([...flat], metadata);
  }
  /** A fused location exactly as given (what the parser builds). */
  static raw(locations: readonly Location[], metadata?: Attribute): FusedLoc {
    return fusedLocs.intern(
      mix(hashIds(0, locations), metadata?.id ?? 0),
      (l) => l.metadata === metadata && sameItems(l.locations, locations),
      (id) => new FusedLoc(id, [...locations], metadata),
    );
  }
}

export const unknownLoc = (): UnknownLoc => UnknownLoc.get();
export const fileLoc = (file: string, line: number, col: number): FileLineColLoc => FileLineColLoc.get(file, line, col);
export const nameLoc = (name: string, child?: Location): NameLoc => NameLoc.get(name, child);

/** The innermost file:line:col of a location, if it has one (for diagnostics with a caret). */
export function fileLineCol(loc: Location): FileLineColLoc | undefined {
  if (loc instanceof FileLineColLoc) return loc;
  if (loc instanceof NameLoc) return fileLineCol(loc.child);
  if (loc instanceof CallSiteLoc) return fileLineCol(loc.callee);
  if (loc instanceof FusedLoc) {
    for (const l of loc.locations) {
      const f = fileLineCol(l);
      if (f !== undefined) return f;
    }
  }
  return undefined;
}
