/**
 * What each op trait verifies, with MLIR 16's messages (OpDefinition.h / Operation.cpp / SymbolTable.cpp /
 * FunctionInterfaces.cpp). A trait has up to two checks:
 *
 * - `verify`, run with the op's own invariants (MLIR's verifyTrait). Structural traits (Terminator,
 *   HasParent, SingleBlock, ...) run before the spec's operand/attribute constraints, the others after, as
 *   ODS orders them.
 * - `verifyRegion`, run after everything nested in the op verified (MLIR's verifyRegionTrait): region
 *   isolation and symbol uniqueness look at nested ops, so they wait for those to be valid.
 *
 * A dialect's own traits carry their checks (`Trait.verify`, `Trait.verifyRegion`, `Trait.structural`); this
 * module knows the checks of the standard traits of src/ir/traits.ts, which cannot carry them (the core IR
 * does not depend on the verifier). Nothing is registered: `traitVerifier` reads the trait, then the table.
 */
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import { type Attribute, StringAttr } from "../ir/attributes.ts";
import type { Operation, Region, Trait } from "../ir/operation.ts";
import { SYM_NAME, SYM_VISIBILITY } from "../ir/symbol-table.ts";
import {
  Elementwise,
  IsolatedFromAbove,
  isHasParent,
  NoTerminator,
  SameOperandsAndResultShape,
  SameOperandsAndResultType,
  SameOperandsType,
  SingleBlock,
  Symbol,
  SymbolTable,
  Terminator,
} from "../ir/traits.ts";
import {
  MemRefType,
  RankedTensorType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
  isDynamic,
} from "../ir/types.ts";
import { printAttribute } from "../text/print-attr.ts";
import { FunctionOpInterface } from "../interfaces/function.ts";
import { verifySymbolUsers } from "../interfaces/symbol-user.ts";
import { definitionOf } from "./define-op.ts";
import { opError } from "./op-error.ts";

/** A failed check: the diagnostic MLIR would emit. */
export type Failure = Diagnostic | undefined;

/** What a trait checks: the trait itself, when it carries checks, or the standard table's entry. */
export type TraitVerifier = Pick<Trait, "structural" | "verify" | "verifyRegion">;

export { opError, quotedType } from "./op-error.ts";

/** The checks of a trait: its own, else the standard table's (HasParent traits get theirs on first use). */
export function traitVerifier(trait: Trait): TraitVerifier | undefined {
  if (trait.verify !== undefined || trait.verifyRegion !== undefined || trait.structural !== undefined) return trait;
  const known = standardVerifiers().get(trait);
  if (known !== undefined || !isHasParent(trait)) return known;
  let made = hasParentVerifiers.get(trait);
  if (made === undefined) {
    made = { structural: true, verify: (op) => verifyHasParent(op, trait.parents) };
    hasParentVerifiers.set(trait, made);
  }
  return made;
}

const hasParentVerifiers = new WeakMap<Trait, TraitVerifier>();

// ---- shapes ------------------------------------------------------------------------------------------------

type Shaped = VectorType | RankedTensorType | UnrankedTensorType | MemRefType | UnrankedMemRefType;

const isShaped = (t: Type): t is Shaped =>
  t instanceof VectorType ||
  t instanceof RankedTensorType ||
  t instanceof UnrankedTensorType ||
  t instanceof MemRefType ||
  t instanceof UnrankedMemRefType;

/** MLIR's getElementTypeOrSelf. */
export const elementTypeOrSelf = (t: Type): Type => (isShaped(t) ? t.elementType : t);

const shapeOf = (t: Shaped): readonly number[] | undefined =>
  t instanceof UnrankedTensorType || t instanceof UnrankedMemRefType ? undefined : t.shape;

const dimsCompatible = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((d, i) => isDynamic(d) || isDynamic(b[i] ?? 0) || d === b[i]);

/** MLIR's verifyCompatibleShape(Type, Type): both shaped or neither; unranked or dynamic dims match anything. */
export function compatibleShape(a: Type, b: Type): boolean {
  if (!isShaped(a)) return !isShaped(b);
  if (!isShaped(b)) return false;
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  return sa === undefined || sb === undefined || dimsCompatible(sa, sb);
}

/** MLIR's verifyCompatibleShapes(TypeRange): all scalars, or all shaped with one compatible shape. */
export function compatibleShapes(types: readonly Type[]): boolean {
  const shaped = types.filter(isShaped);
  if (shaped.length === 0) return true;
  if (shaped.length !== types.length) return false;
  const scalable = shaped.map((t) => t instanceof VectorType && t.isScalable);
  if (scalable.some((s) => s) && scalable.some((s) => !s)) return false;
  const ranked = shaped.map(shapeOf).filter((s): s is readonly number[] => s !== undefined);
  const first = ranked[0];
  if (first === undefined) return true;
  if (ranked.some((s) => s.length !== first.length)) return false;
  for (let i = 0; i < first.length; i++) {
    const fixed = ranked.map((s) => s[i] ?? 0).filter((d) => !isDynamic(d));
    if (fixed.some((d) => d !== fixed[0])) return false;
  }
  return true;
}

// ---- operand/result counts the type traits require ----------------------------------------------------------

function atLeastOperands(op: Operation, n: number): Failure {
  if (op.numOperands >= n) return undefined;
  return opError(op, `expected ${n} or more operands, but found ${op.numOperands}`);
}
function atLeastResults(op: Operation, n: number): Failure {
  if (op.numResults >= n) return undefined;
  return opError(op, `expected ${n} or more results`);
}

// ---- type traits -------------------------------------------------------------------------------------------

function encodingOf(t: Type): Attribute | undefined {
  return t instanceof RankedTensorType ? t.encoding : undefined;
}

/** The operand types, then the result types (no closures: this runs for most ops). */
function valueTypes(op: Operation, withResults: boolean): Type[] {
  const types: Type[] = [];
  for (let i = 0; i < op.numOperands; i++) types.push(op.getOperand(i).type);
  if (withResults) for (const r of op.results) types.push(r.type);
  return types;
}

function verifySameOperandsAndResultType(op: Operation): Failure {
  const counts = atLeastOperands(op, 1) ?? atLeastResults(op, 1);
  if (counts !== undefined) return counts;
  const type = op.getResult(0).type;
  const element = elementTypeOrSelf(type);
  const encoding = encodingOf(type);
  const check = (t: Type): Failure => {
    if (t === type) return undefined;
    if (elementTypeOrSelf(t) !== element || !compatibleShape(t, type)) {
      return opError(op, "requires the same type for all operands and results");
    }
    if (encoding !== undefined && encodingOf(t) !== encoding) {
      return opError(op, "requires the same encoding for all operands and results");
    }
    return undefined;
  };
  // MLIR compares the other results first, then the operands, with the first result.
  for (let i = 1; i < op.numResults; i++) {
    const failure = check(op.getResult(i).type);
    if (failure !== undefined) return failure;
  }
  for (let i = 0; i < op.numOperands; i++) {
    const failure = check(op.getOperand(i).type);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

function verifySameOperandsType(op: Operation): Failure {
  if (op.numOperands < 2) return undefined;
  const first = op.getOperand(0).type;
  for (let i = 1; i < op.numOperands; i++) {
    if (op.getOperand(i).type !== first) return opError(op, "requires all operands to have the same type");
  }
  return undefined;
}

function verifySameOperandsAndResultShape(op: Operation): Failure {
  const counts = atLeastOperands(op, 1) ?? atLeastResults(op, 1);
  if (counts !== undefined) return counts;
  if (!compatibleShapes(valueTypes(op, true))) {
    return opError(op, "requires the same shape for all operands and results");
  }
  return undefined;
}

const isMappable = (t: Type): boolean => t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType;

function verifyElementwise(op: Operation): Failure {
  const results = op.resultTypes.filter(isMappable);
  const operands = valueTypes(op, false).filter(isMappable);
  if (results.length === 0 && operands.length === 0) return undefined;
  if (operands.length === 0) return opError(op, "if a result is non-scalar, then at least one operand must be non-scalar");
  if (results.length === 0) {
    return opError(op, "if an operand is non-scalar, then there must be at least one non-scalar result");
  }
  if (results.length !== op.numResults) return opError(op, "if an operand is non-scalar, then all results must be non-scalar");
  const types = [...operands, ...results];
  const base = types[0]?.constructor;
  if (!types.every((t) => t.constructor === base) || !compatibleShapes(types)) {
    return opError(op, "all non-scalar operands/results must have the same shape and base type");
  }
  return undefined;
}

// ---- structural traits -------------------------------------------------------------------------------------

function verifyTerminator(op: Operation): Failure {
  const block = op.parent;
  if (block === undefined || block.last !== op) return opError(op, "must be the last operation in the parent block");
  return undefined;
}

/** HasParent<...>: the parent op is one of `names` (registered ops only, as `isa<>` in MLIR). */
function verifyHasParent(op: Operation, names: readonly string[]): Failure {
  const parent = op.parentOp;
  if (parent !== undefined && parent.isRegistered && names.includes(parent.name)) return undefined;
  const which = names.length === 1 ? "'" : "to be one of '";
  return opError(op, `expects parent op ${which}${names.join(", ")}'`);
}

function verifySingleBlock(op: Operation): Failure {
  for (const [i, region] of op.regions.entries()) {
    if (region.isEmpty) continue;
    if (region.blocks.length !== 1) return opError(op, `expects region #${i} to have 0 or 1 blocks`);
    if (!op.hasTrait(NoTerminator) && region.blocks[0]?.isEmpty) return opError(op, "expects a non-empty block");
  }
  return undefined;
}

// ---- region traits -----------------------------------------------------------------------------------------

const regionContains = (outer: Region, inner: Region | undefined): boolean => {
  for (let r = inner; r !== undefined; r = r.parent?.parentRegion) if (r === outer) return true;
  return false;
};

/** IsolatedFromAbove: no op nested in a region (except inside other isolated ops) uses a value from outside it. */
function verifyIsolatedFromAbove(isolated: Operation): Failure {
  for (const region of isolated.regions) {
    const pending: Region[] = [region];
    while (pending.length > 0) {
      for (const block of pending.pop()!.blocks) {
        for (const op of block.ops()) {
          for (const value of op.operands) {
            const defRegion = value.parentBlock?.parent;
            if (defRegion === undefined) return error(op.loc, "operation's operand is unlinked");
            if (!regionContains(region, defRegion)) {
              return opError(op, "using value defined outside the region", [
                note(isolated.loc, "required by region isolation constraints"),
              ]);
            }
          }
          if (op.regions.length > 0 && !op.hasTrait(IsolatedFromAbove)) pending.push(...op.regions);
        }
      }
    }
  }
  return undefined;
}

/** SymbolTable: one region of one block, whose ops' `sym_name`s are unique. */
function verifySymbolTable(op: Operation): Failure {
  if (op.regions.length !== 1) return opError(op, "Operations with a 'SymbolTable' must have exactly one region");
  const region = op.getRegion(0);
  if (region.blocks.length !== 1) return opError(op, "Operations with a 'SymbolTable' must have exactly one block");
  const seen = new Map<string, Operation>();
  for (const block of region.blocks) {
    for (const child of block.ops()) {
      const name = child.attr(SYM_NAME);
      if (!(name instanceof StringAttr)) continue;
      const first = seen.get(name.value);
      if (first === undefined) {
        seen.set(name.value, child);
        continue;
      }
      return error(child.loc, `redefinition of symbol named '${name.value}'`, [note(first.loc, "see existing symbol definition here")]);
    }
  }
  // Then the uses of symbols in the table (SymbolUserOpInterface), as MLIR's verifySymbolTable ends.
  return verifySymbolUsers(op);
}

// ---- symbols and functions ---------------------------------------------------------------------------------

/** True when the op's spec makes `sym_name` optional (builtin.module): then an unnamed op is no symbol. */
function isOptionalSymbol(op: Operation): boolean {
  const symName = definitionOf(op)?.attributes.find((a) => a.name === SYM_NAME);
  return symName !== undefined && symName.kind !== "required";
}

/** A symbol declaration (FunctionOpInterface's isDeclaration: a func.func without a body). */
const isDeclaration = (op: Operation): boolean => FunctionOpInterface.of(op)?.isDeclaration() ?? false;

function verifySymbol(op: Operation): Failure {
  if (isOptionalSymbol(op) && op.attr(SYM_NAME) === undefined) return undefined;
  if (!(op.attr(SYM_NAME) instanceof StringAttr)) return opError(op, `requires string attribute '${SYM_NAME}'`);
  const vis = op.attr(SYM_VISIBILITY);
  if (vis !== undefined) {
    if (!(vis instanceof StringAttr)) {
      return opError(op, `requires visibility attribute '${SYM_VISIBILITY}' to be a string attribute, but got ${printAttribute(vis)}`);
    }
    if (!["public", "private", "nested"].includes(vis.value)) {
      return opError(op, `visibility expected to be one of ["public", "private", "nested"], but got ${printAttribute(vis)}`);
    }
  }
  const isPublic = !(vis instanceof StringAttr) || vis.value === "public";
  if (isDeclaration(op) && isPublic) return opError(op, "symbol declaration cannot have public visibility");
  return undefined;
}

// ---- the standard set --------------------------------------------------------------------------------------

let standard: ReadonlyMap<Trait, TraitVerifier> | undefined;

/** The checks of the standard traits (built on first use: the functions above are hoisted, the traits imported). */
function standardVerifiers(): ReadonlyMap<Trait, TraitVerifier> {
  standard ??= new Map<Trait, TraitVerifier>([
    [SameOperandsAndResultType, { verify: verifySameOperandsAndResultType }],
    [SameOperandsType, { verify: verifySameOperandsType }],
    [SameOperandsAndResultShape, { verify: verifySameOperandsAndResultShape }],
    [Elementwise, { verify: verifyElementwise }],
    [Terminator, { structural: true, verify: verifyTerminator }],
    [SingleBlock, { structural: true, verify: verifySingleBlock }],
    [NoTerminator, { structural: true }],
    [IsolatedFromAbove, { structural: true, verifyRegion: verifyIsolatedFromAbove }],
    [SymbolTable, { verifyRegion: verifySymbolTable }],
    [Symbol, { verify: verifySymbol }],
  ]);
  return standard;
}
