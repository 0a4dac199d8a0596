/**
 * MLIR's `SingleBlockImplicitTerminator<"scf::YieldOp">` trait: every region of the op has at most one block,
 * which ends with the named terminator. The custom syntax may leave a terminator without operands, results or
 * attributes out (`scf.for ... { ... }` has an implied `scf.yield`); the parser puts it back
 * (`ensureTerminator`) and the printer omits it (`printsTerminator`). Declarative formats do both for `$region`
 * variables of such ops, as ODS's generated code does; hand-written parsers call `ensureTerminator`.
 *
 * The trait carries its checks (MLIR 16's SingleBlock::verifyTrait, then verifyRegionTrait's terminator check,
 * with its note).
 */
import { type Diagnostic, note } from "../diag/diagnostic.ts";
import type { Location } from "../ir/location.ts";
import { Block, type Operation, type Region, type Trait } from "../ir/operation.ts";
import { NoTerminator, Terminator } from "../ir/traits.ts";
import { opError } from "./op-error.ts";

export interface ImplicitTerminatorTrait extends Trait {
  /** The full name of the terminator every block ends with (`scf.yield`). */
  readonly terminator: string;
  /** Builds the terminator without operands (called lazily: the terminator's class may be defined later). */
  readonly build: (loc: Location) => Operation;
}

function verifySingleBlock(op: Operation): Diagnostic | undefined {
  for (const [i, region] of op.regions.entries()) {
    if (region.isEmpty) continue;
    if (region.blocks.length !== 1) return opError(op, `expects region #${i} to have 0 or 1 blocks`);
    if (!op.hasTrait(NoTerminator) && region.blocks[0]?.isEmpty) return opError(op, "expects a non-empty block");
  }
  return undefined;
}

const cache = new Map<string, ImplicitTerminatorTrait>();

/**
 * The trait for ops whose blocks end with `terminator` (its full name); `build` makes one with no operands.
 * One object per terminator name, so `op.hasTrait` compares by identity.
 */
export function SingleBlockImplicitTerminator(terminator: string, build: (loc: Location) => Operation): ImplicitTerminatorTrait {
  const known = cache.get(terminator);
  if (known !== undefined) return known;
  const trait: ImplicitTerminatorTrait = Object.freeze({
    name: `SingleBlockImplicitTerminator<${terminator}>`,
    terminator,
    build,
    structural: true,
    verify: verifySingleBlock,
    verifyRegion: (op: Operation): Diagnostic | undefined => {
      const failure = verifySingleBlock(op);
      if (failure !== undefined) return failure;
      for (const region of op.regions) {
        const last = region.entry?.last;
        if (last === undefined || region.isEmpty) continue;
        if (last.name === terminator) continue;
        const implied = note(op.loc, `in custom textual format, the absence of terminator implies '${terminator}'`);
        return opError(op, `expects regions to end with '${terminator}', found '${last.name}'`, [implied]);
      }
      return undefined;
    },
  });
  cache.set(terminator, trait);
  return trait;
}

export const isImplicitTerminatorTrait = (t: Trait): t is ImplicitTerminatorTrait => "terminator" in t && "build" in t;

/** The op kind's implicit terminator trait, if it has one. */
export function implicitTerminatorOf(op: Operation): ImplicitTerminatorTrait | undefined {
  for (const t of op.info?.traits ?? []) if (isImplicitTerminatorTrait(t)) return t;
  return undefined;
}

/**
 * MLIR's ensureTerminator: gives an empty region its block, and a block that does not end with a terminator
 * the implied one (built at `loc`).
 */
export function ensureTerminator(region: Region, trait: ImplicitTerminatorTrait, loc: Location): void {
  if (region.isEmpty) region.push(new Block());
  const block = region.entry as Block;
  const last = block.last;
  if (last !== undefined && last.hasTrait(Terminator)) return;
  block.append(trait.build(loc));
}

/**
 * Whether the printer shows the terminator of `region` (ODS's rule): only when it says more than the implied
 * one would, i.e. has operands, results or attributes.
 */
export function printsTerminator(region: Region): boolean {
  const term = region.entry?.last;
  if (term === undefined || !term.hasTrait(Terminator)) return true;
  return term.numOperands !== 0 || term.numResults !== 0 || term.attributes.size !== 0;
}
