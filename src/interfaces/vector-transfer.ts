/**
 * VectorTransferOpInterface (MLIR 16's VectorInterfaces.td): an op that moves a vector between an SSA vector
 * and a shaped value (a memref or a ranked tensor) at some indices, through a permutation map, with optional
 * in-bounds flags and an optional mask. `vector.transfer_read` and `vector.transfer_write` implement it;
 * passes that fold, hoist or lower transfers ask it instead of naming the ops.
 *
 *   %v = vector.transfer_read %A[%i, %j], %pad {permutation_map = affine_map<(d0, d1) -> (d1, d0)>}
 *          : memref<?x?xf32>, vector<4x8xf32>
 *
 * The permutation map goes from the source's dims to the vector's dims: result `r` of the map says which source
 * dim vector dim `r` walks (`d1`), or that it is a broadcast (the constant 0). The in-bounds flags are per
 * vector dim; broadcast dims are always in bounds. The mask has the shape of the vector *before* permutation
 * and broadcast (`inferTransferMaskType`).
 *
 * The helpers below are the interface's generic algorithms (MLIR's vector utilities): the mask type, the
 * default (minor identity) map, and the disjointness and same-access tests that transfer folds use.
 */
import { AffineConstantExpr, AffineDimExpr } from "../ir/affine-expr.ts";
import { AffineMap, compressUnusedDims, inversePermutation } from "../ir/affine-map.ts";
import { defineInterface } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";
import { i1, type MemRefType, type RankedTensorType, VectorType } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";

export interface VectorTransferMethods {
  /** The memref or tensor read from or written to. */
  getSource(): Value<MemRefType | RankedTensorType>;
  /** The vector read (the result) or written (the operand). */
  getVector(): Value<VectorType>;
  /** One index per source dim: where the transfer starts. */
  getIndices(): readonly Value[];
  /** From the source's dims to the vector's dims (results are dims or the constant 0 of a broadcast). */
  getPermutationMap(): AffineMap;
  /** The `in_bounds` flags as written, one per vector dim, or undefined when the op has none. */
  getInBoundsFlags(): readonly boolean[] | undefined;
  /** The mask operand (`vector<...xi1>` of the unpermuted shape), if any. */
  getMask(): Value<VectorType> | undefined;
}

export const VectorTransferOpInterface = defineInterface<VectorTransferMethods>("VectorTransferOpInterface", {
  description: "an op that transfers a vector from or to a memref or tensor through a permutation map, in-bounds flags and a mask",
});

/** The methods and the derived queries of a transfer op, for passes. */
export interface VectorTransfer extends VectorTransferMethods {
  readonly op: Operation;
}

/** The transfer view of `op`, or undefined when it is not a transfer. */
export function asTransfer(op: Operation): VectorTransfer | undefined {
  return VectorTransferOpInterface.of(op);
}

/** The number of vector dims the transfer moves (the permutation map's results). */
export const transferRank = (t: VectorTransfer): number => t.getPermutationMap().numResults;

/** Whether vector dim `i` is a broadcast (the map's result is the constant 0). */
export function isBroadcastDim(t: VectorTransfer, i: number): boolean {
  const e = t.getPermutationMap().getResult(i);
  return e instanceof AffineConstantExpr && e.value === 0;
}

/** Whether any vector dim is a broadcast. */
export function hasBroadcastDim(t: VectorTransfer): boolean {
  for (let i = 0; i < transferRank(t); i++) if (isBroadcastDim(t, i)) return true;
  return false;
}

/** Whether vector dim `i` is known in bounds: flagged, or a broadcast (MLIR's isDimInBounds). */
export function isDimInBounds(t: VectorTransfer, i: number): boolean {
  if (isBroadcastDim(t, i)) return true;
  return t.getInBoundsFlags()?.[i] ?? false;
}

/**
 * The mask type of a transfer of `vectorType` through `map` (MLIR's inferTransferOpMaskType): the vector's
 * shape before permutation and broadcast, as `i1`. Scalable dims stay scalable in their new place.
 */
export function inferTransferMaskType(vectorType: VectorType, map: AffineMap): VectorType | undefined {
  const inverse = inversePermutation(compressUnusedDims(map));
  if (inverse === undefined) return undefined;
  const shape: number[] = [];
  const scalable: boolean[] = [];
  for (const e of inverse.results) {
    if (e instanceof AffineDimExpr) {
      shape.push(vectorType.shape[e.position] as number);
      scalable.push(vectorType.scalableDims[e.position] ?? false);
    } else if (e instanceof AffineConstantExpr) {
      shape.push(e.value);
      scalable.push(false);
    } else {
      return undefined;
    }
  }
  const firstScalable = scalable.indexOf(true);
  const trailing = firstScalable < 0 || scalable.slice(firstScalable).every((s) => s);
  return VectorType.get(shape, i1, trailing ? scalable : undefined);
}

/**
 * The default permutation map of a transfer of a rank-`vectorRank` vector from a rank-`sourceRank` source
 * (MLIR's getTransferMinorIdentityMap): the vector's dims are the source's innermost ones. When the source's
 * elements are themselves vectors, those vector dims are not part of the map.
 */
export function transferMinorIdentityMap(sourceRank: number, vectorRank: number, elementVectorRank = 0): AffineMap {
  return AffineMap.minorIdentity(sourceRank, Math.max(0, vectorRank - elementVectorRank));
}

/** The constant value of an index, when it is a constant (given by the caller, to stay dialect-free). */
export type ConstantIndexOf = (v: Value) => number | undefined;

/**
 * Whether two transfers on the same source certainly touch disjoint elements (MLIR's
 * isDisjointTransferIndices): on some source dim both indices are constants whose ranges do not overlap.
 */
export function isDisjointTransferIndices(a: VectorTransfer, b: VectorTransfer, constantIndex: ConstantIndexOf): boolean {
  const ia = a.getIndices();
  const ib = b.getIndices();
  if (ia.length !== ib.length) return false;
  const rankOffset = ia.length - transferRank(a);
  for (let i = 0; i < ia.length; i++) {
    const ca = constantIndex(ia[i] as Value);
    const cb = constantIndex(ib[i] as Value);
    if (ca === undefined || cb === undefined) continue;
    if (i < rankOffset) {
      // A dim the vectors do not span: different indices are disjoint.
      if (ca !== cb) return true;
      continue;
    }
    // The vectors span this dim: their ranges along it (vector dim r walks source dim i under a minor
    // identity map; other maps are not compared).
    if (!a.getPermutationMap().isMinorIdentity() || !b.getPermutationMap().isMinorIdentity()) continue;
    const r = i - rankOffset;
    const sizeA = a.getVector().type.shape[r] ?? 1;
    const sizeB = b.getVector().type.shape[r] ?? 1;
    if (ca + sizeA <= cb || cb + sizeB <= ca) return true;
  }
  return false;
}

/**
 * Whether two transfers move the same elements the same way (MLIR's checkSameValueRAW/WAW core): same
 * indices, vector type, permutation map and in-bounds flags, and neither is masked.
 */
export function isSameTransferAccess(a: VectorTransfer, b: VectorTransfer): boolean {
  if (a.getMask() !== undefined || b.getMask() !== undefined) return false;
  if (a.getVector().type !== b.getVector().type || a.getPermutationMap() !== b.getPermutationMap()) return false;
  const ia = a.getIndices();
  const ib = b.getIndices();
  if (ia.length !== ib.length || ia.some((v, i) => v !== ib[i])) return false;
  const rank = transferRank(a);
  for (let i = 0; i < rank; i++) if (isDimInBounds(a, i) !== isDimInBounds(b, i)) return false;
  return true;
}
