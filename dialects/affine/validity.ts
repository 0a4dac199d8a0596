/**
 * Which SSA values an affine op may use as dims and symbols (MLIR 16's isValidDim / isValidSymbol). A symbol
 * is fixed for the whole affine scope (the region of the nearest op with the AffineScope trait, func.func's
 * body): a value defined at the scope's top level or an argument of it, a constant, an affine.apply of
 * symbols, or a value defined outside the scope's op. A dim may also vary inside it: an affine.for /
 * affine.parallel induction variable, or an affine.apply of dims.
 *
 * Not yet: the results of `memref.dim` / `tensor.dim` nested in loops (MLIR's ShapedDimOpInterface case) are
 * not valid symbols here until those ops exist and say what they measure.
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { type Operation, type Region } from "../../src/ir/operation.ts";
import { AffineScope, ConstantLike, IsolatedFromAbove } from "../../src/ir/traits.ts";
import { IndexType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { opError } from "../../src/irdl/op-error.ts";

/** The op kinds whose block arguments are affine induction variables. */
const INDUCTION_OWNERS = new Set(["affine.for", "affine.parallel"]);

/** The region of the nearest ancestor of `op` with AffineScope (MLIR's getAffineScope). */
export function affineScopeOf(op: Operation): Region | undefined {
  for (let cur: Operation = op, parent = op.parentOp; parent !== undefined; cur = parent, parent = parent.parentOp) {
    if (parent.hasTrait(AffineScope)) return cur.parentRegion;
  }
  return undefined;
}

/** The region `v` is defined in (its block's region). */
const regionOf = (v: Value): Region | undefined => v.parentBlock?.parent;

/** Whether `v` is defined directly in `region` (an argument of its blocks or the result of a top-level op). */
const isTopLevelIn = (v: Value, region: Region): boolean => regionOf(v) === region;

/** Whether `v` is defined at the top level of an AffineScope op (MLIR's isTopLevelValue(Value)). */
function isTopLevelValue(v: Value): boolean {
  const owner = v.parentBlock?.parent?.parentOp;
  return owner !== undefined && owner.hasTrait(AffineScope);
}

export function isValidSymbol(v: Value, region?: Region): boolean {
  if (!(v.type instanceof IndexType)) return false;
  if (region === undefined) {
    if (isTopLevelValue(v)) return true;
    const def = v.definingOp;
    return def !== undefined && isValidSymbol(v, affineScopeOf(def) ?? NO_REGION);
  }
  if (region !== NO_REGION && isTopLevelIn(v, region)) return true;
  const def = v.definingOp;
  if (def !== undefined) {
    if (def.hasTrait(ConstantLike)) return true;
    if (def.name === "affine.apply") return def.operands.every((o) => isValidSymbol(o, region));
  }
  // A value that dominates the region's op (defined outside it) is a symbol, unless the op is isolated.
  const regionOp = region === NO_REGION ? undefined : region.parentOp;
  if (regionOp !== undefined && !regionOp.hasTrait(IsolatedFromAbove)) {
    const outer = regionOp.parentRegion;
    if (outer !== undefined) return isValidSymbol(v, outer);
  }
  return false;
}

export function isValidDim(v: Value, region?: Region): boolean {
  if (!(v.type instanceof IndexType)) return false;
  if (region === undefined) {
    const def = v.definingOp;
    if (def !== undefined) return isValidDim(v, affineScopeOf(def) ?? NO_REGION);
    const owner = v.parentBlock?.parent?.parentOp;
    return owner !== undefined && (owner.hasTrait(AffineScope) || INDUCTION_OWNERS.has(owner.name));
  }
  if (isValidSymbol(v, region)) return true;
  const def = v.definingOp;
  if (def === undefined) {
    const owner = v.parentBlock?.parent?.parentOp;
    return owner !== undefined && INDUCTION_OWNERS.has(owner.name);
  }
  if (def.name === "affine.apply") return def.operands.every((o) => isValidDim(o, region));
  return false;
}

/**
 * A stand-in for "no affine scope" (MLIR passes a null region): only values that are symbols anywhere
 * (constants, applies of them) qualify.
 */
const NO_REGION = Object.freeze({ parentOp: undefined }) as unknown as Region;

/** The scope `isValidDim`/`isValidSymbol` use for operands of `op` (NO_REGION when it has none). */
export const scopeFor = (op: Operation): Region => affineScopeOf(op) ?? NO_REGION;

/** MLIR's verifyDimAndSymbolIdentifiers: the first `numDims` operands are dims, the rest symbols. */
export function verifyDimAndSymbolIdentifiers(op: Operation, operands: readonly Value[], numDims: number): Diagnostic | undefined {
  const scope = scopeFor(op);
  for (const [i, v] of operands.entries()) {
    if (i < numDims) {
      if (!isValidDim(v, scope)) return opError(op, "operand cannot be used as a dimension id");
    } else if (!isValidSymbol(v, scope)) {
      return opError(op, "operand cannot be used as a symbol");
    }
  }
  return undefined;
}

/** Whether `v` may index an affine load/store/prefetch/dma (MLIR's isValidAffineIndexOperand). */
export const isValidAffineIndexOperand = (v: Value, scope: Region): boolean => isValidDim(v, scope) || isValidSymbol(v, scope);
