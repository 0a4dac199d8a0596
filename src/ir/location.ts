/**
 * Source locations, as in MLIR: every operation and block argument has one. They are attributes (interned),
 * printed as `loc(...)` with `--mlir-print-debuginfo`.
 *
 * - `FileLineColLoc`: "model.mlir":3:14, from parsed text (1-based line and column).
 * - `NameLoc`: "model.layers.3.mlp", optionally wrapping a child location: from the DSL and importers.
 * - `CallSiteLoc`: callee at caller, from inlining.
 * - `FusedLoc`: several locations merged by a rewrite, with optional metadata.
 * - `UnknownLoc`.
 */
import { Attribute } from "./attributes.ts";
import { ids, intern } from "./uniquer.ts";

export abstract class Location extends Attribute {}

export class UnknownLoc extends Location {
  readonly kind = "loc_unknown";
  static get(): UnknownLoc {
    return intern("loc?", (id) => new UnknownLoc(id));
  }
}

export class FileLineColLoc extends Location {
  readonly kind = "loc_file";
  private constructor(
    id: number,
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(id);
  }
  static get(file: string, line: number, col: number): FileLineColLoc {
    return intern(`locf:${line}:${col}:${file}`, (id) => new FileLineColLoc(id, file, line, col));
  }
}

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
    return intern(`locn:${child.id}:${name}`, (id) => new NameLoc(id, name, child));
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
    return intern(`locc:${callee.id}:${caller.id}`, (id) => new CallSiteLoc(id, callee, caller));
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
    return intern(`locu:${ids(locations)}:${metadata?.id ?? ""}`, (id) => new FusedLoc(id, [...locations], metadata));
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
