/**
 * Folds of affine.apply, affine.min and affine.max (MLIR 16's AffineApplyOp::fold and foldMinMaxOp): a map
 * whose result is one of its inputs folds to that operand; a map whose results are all constants once the
 * constant operands are put in folds to a constant (the smallest / largest for min / max).
 */
import { type AffineExpr, affineConstant, type AffineMap, replaceDimsAndSymbols } from "../../src/ir/affine.ts";
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IndexType } from "../../src/ir/types.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";

/** The map's results with the constant operands substituted, when they all become constants (MLIR's constantFold). */
function constantResults(map: AffineMap, operands: readonly (Attribute | undefined)[]): number[] | undefined {
  // Affine constants are exact JavaScript numbers: larger operands are left alone.
  const asExpr = (a: Attribute | undefined): AffineExpr | undefined =>
    a instanceof IntegerAttr && isSafe(a.value) ? affineConstant(Number(a.value)) : undefined;
  const dims = operands.slice(0, map.numDims).map(asExpr);
  const symbols = operands.slice(map.numDims).map(asExpr);
  const out: number[] = [];
  for (const r of map.results) {
    let e: AffineExpr;
    try {
      e = replaceDimsAndSymbols(r, dims as AffineExpr[], symbols as AffineExpr[]);
    } catch {
      return undefined; // a division by zero or a result beyond exact numbers: left for the program to reach
    }
    if (e.kind !== "constant") return undefined;
    out.push(e.value);
  }
  return out;
}

const indexAttr = (n: number): IntegerAttr => IntegerAttr.get(IndexType.get(), BigInt(n));
const isSafe = (v: bigint): boolean => v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER);

/** The operand a single-input result is, if the map's (only) result is a dim or symbol. */
function forwardedOperand(op: Operation, map: AffineMap): FoldResult | undefined {
  const [r] = map.results;
  if (map.results.length !== 1 || r === undefined) return undefined;
  if (r.kind === "dim") return op.getOperand(r.position);
  if (r.kind === "symbol") return op.getOperand(map.numDims + r.position);
  return undefined;
}

export function foldApply(op: Operation & { readonly map: { readonly map: AffineMap } }, operands: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const map = op.map.map;
  const forwarded = forwardedOperand(op, map);
  if (forwarded !== undefined) return forwarded;
  const results = constantResults(map, operands);
  return results?.length === 1 ? indexAttr(results[0] as number) : undefined;
}

export function foldMinMax(op: Operation & { readonly map: { readonly map: AffineMap } }, operands: readonly (Attribute | undefined)[], pick: (xs: number[]) => number): FoldResult | undefined {
  const map = op.map.map;
  const results = constantResults(map, operands);
  if (results !== undefined && results.length > 0) return indexAttr(pick(results));
  // A single symbol taken as is (MLIR: the folded map is a symbol identity).
  const [r] = map.results;
  if (map.results.length === 1 && map.numDims === 0 && map.numSymbols === 1 && r?.kind === "symbol") return op.getOperand(0);
  return undefined;
}
