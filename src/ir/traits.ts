/**
 * The standard op traits (as in MLIR's OpDefinition.h). The core IR only needs their identity; what each
 * one verifies lives in src/irdl/trait-verifiers.ts, and what it means to passes is read with `op.hasTrait`.
 */
import { alwaysSpeculatable, noMemoryEffect, recursivelySpeculatable } from "../interfaces/side-effects.ts";
import type { InterfaceImpl } from "./interfaces.ts";
import type { Trait } from "./operation.ts";

const trait = (name: string, implies?: readonly InterfaceImpl[]): Trait => Object.freeze(implies === undefined ? { name } : { name, implies });

/** No memory effects (implements MemoryEffectOpInterface with none), but maybe not speculatable (`arith.divsi`). */
export const NoMemoryEffect = trait("NoMemoryEffect", [noMemoryEffect]);
/** May always be executed speculatively (implements ConditionallySpeculatable). */
export const AlwaysSpeculatable = trait("AlwaysSpeculatable", [alwaysSpeculatable]);
/** May be executed speculatively when every op nested in it may. */
export const RecursivelySpeculatable = trait("RecursivelySpeculatable", [recursivelySpeculatable]);
/** No side effects and always speculatable (NoMemoryEffect + AlwaysSpeculatable): removed when unused, hoisted, CSE'd. */
export const Pure = trait("Pure", [noMemoryEffect, alwaysSpeculatable]);
/** Operands can be swapped without changing the result (canonical order: constants last). */
export const Commutative = trait("Commutative");
/** All operands and results have one type. */
export const SameOperandsAndResultType = trait("SameOperandsAndResultType");
/** All operands have one type. */
export const SameOperandsType = trait("SameOperandsType");
/** Operands and results have the same shape (or are all scalars); element types may differ. */
export const SameOperandsAndResultShape = trait("SameOperandsAndResultShape");
/** Scalar semantics that apply elementwise to vectors and tensors of the same shape. */
export const Elementwise = trait("Elementwise");
/** Ends a block; must be the last op. */
export const Terminator = trait("Terminator");
/** Values defined outside cannot be used inside its regions. */
export const IsolatedFromAbove = trait("IsolatedFromAbove");
/** Its single region is a symbol table: the `sym_name`s of its direct children are unique. */
export const SymbolTable = trait("SymbolTable");
/** Defines a symbol through its `sym_name` string attribute (and optional `sym_visibility`). */
export const Symbol = trait("Symbol");
/** Its regions' blocks need no terminator. */
export const NoTerminator = trait("NoTerminator");
/** Each of its regions has at most one block. */
export const SingleBlock = trait("SingleBlock");
/** Returns control to the parent op (func.return, scf.yield). */
export const ReturnLike = trait("ReturnLike");
/** Materialises a constant: has no operands, one result, and a `value` attribute the folder can read. */
export const ConstantLike = trait("ConstantLike");
/** Its regions are graph regions (no dominance, no terminators required), as builtin.module in MLIR. */
export const GraphRegion = trait("GraphRegion");
/** Recursively side-effect free: its own effects are none and those of nested ops count. */
export const RecursiveMemoryEffects = trait("RecursiveMemoryEffects");
/** Auto-scoped allocation scope (memref.alloca), loop-like, etc. are added by later dialects. */
export const AutomaticAllocationScope = trait("AutomaticAllocationScope");
/**
 * Opens a new scope for affine symbols (func.func): the values defined at its top level, and its arguments,
 * are valid affine symbols for the affine ops nested in it (MLIR's OpTrait::AffineScope).
 */
export const AffineScope = trait("AffineScope");

/** `HasParent<"func.func">`: must be directly nested in one of the named ops. One object per set of names. */
export interface HasParentTrait extends Trait {
  readonly parents: readonly string[];
}
const hasParentCache = new Map<string, HasParentTrait>();
export function HasParent(...parents: string[]): HasParentTrait {
  const key = parents.join(",");
  let t = hasParentCache.get(key);
  if (t === undefined) {
    t = Object.freeze({ name: `HasParent<${key}>`, parents: [...parents] });
    hasParentCache.set(key, t);
  }
  return t;
}
export const isHasParent = (t: Trait): t is HasParentTrait => "parents" in t;
