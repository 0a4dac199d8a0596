/**
 * The type constraints of the tensor dialect (ODS's tensor constraints, with MLIR 16's descriptions so that the
 * verifier's messages match), and shape helpers its ops share.
 */
import { IndexType, IntegerType, RankedTensorType, type Type, UnrankedTensorType, DYNAMIC, FloatType } from "../../src/ir/types.ts";
import { type TypeConstraint, typeConstraint } from "../../src/irdl/constraints.ts";

/** ODS's AnyStaticShapeTensor. */
export const AnyStaticShapeTensor = typeConstraint(
  "statically shaped tensor of any type values",
  (t): t is RankedTensorType => t instanceof RankedTensorType && t.shape.every((d) => d !== DYNAMIC),
);

const isSignlessIntOrIndex = (t: Type): boolean => t instanceof IndexType || (t instanceof IntegerType && t.isSignless);

/** ODS's RankedTensorOf<[AnySignlessIntegerOrIndex]>: gather's and scatter's indices. */
export const IndexTensor = typeConstraint(
  "ranked tensor of signless integer or index values",
  (t): t is RankedTensorType => t instanceof RankedTensorType && isSignlessIntOrIndex(t.elementType),
);

/** ODS's TensorRankOf<[AnySignlessInteger, Index], [1]>: the shape operand of tensor.reshape. */
export const ShapeTensor = typeConstraint(
  "1D tensor of signless integer or index values",
  (t): t is RankedTensorType => t instanceof RankedTensorType && t.rank === 1 && isSignlessIntOrIndex(t.elementType),
);

/** tensor.splat's operand: AnyTypeOf<[AnySignlessInteger, Index, AnyFloat]>. */
export const SplatElement: TypeConstraint = typeConstraint(
  "integer/index/float type",
  (t): t is Type => isSignlessIntOrIndex(t) || t instanceof FloatType,
);

/** The number of dynamic dimensions of a ranked tensor type. */
export const numDynamicDims = (t: RankedTensorType): number => t.shape.filter((d) => d === DYNAMIC).length;

/** Whether two tensor types may describe the same runtime tensor (MLIR's verifyCompatibleShape plus equal elements). */
export function castCompatibleTensors(a: Type, b: Type): boolean {
  const isTensor = (t: Type): t is RankedTensorType | UnrankedTensorType => t instanceof RankedTensorType || t instanceof UnrankedTensorType;
  if (!isTensor(a) || !isTensor(b) || a.elementType !== b.elementType) return false;
  if (!(a instanceof RankedTensorType) || !(b instanceof RankedTensorType)) return true;
  return a.rank === b.rank && a.shape.every((d, i) => d === DYNAMIC || b.shape[i] === DYNAMIC || d === b.shape[i]);
}

/** MLIR's computeRankReductionMask: the dims of `original` dropped to get `reduced` (only 1s may go), or undefined. */
export function rankReductionMask(original: readonly number[], reduced: readonly number[]): Set<number> | undefined {
  const dropped = new Set<number>();
  let r = 0;
  for (let i = 0; i < original.length; i++) {
    if (r < reduced.length && original[i] === reduced[r]) {
      r++;
      continue;
    }
    dropped.add(i);
    if (original[i] !== 1) return undefined;
  }
  return r === reduced.length ? dropped : undefined;
}

export type SliceVerification = "success" | "rank-too-large" | "size-mismatch" | "element-type-mismatch";

/** MLIR's isRankReducedType: whether `candidate` is `original` with (only) some unit dims dropped. */
export function isRankReducedType(original: RankedTensorType, candidate: RankedTensorType): SliceVerification {
  if (original === candidate) return "success";
  if (candidate.rank > original.rank) return "rank-too-large";
  if (rankReductionMask(original.shape, candidate.shape) === undefined) return "size-mismatch";
  if (original.elementType !== candidate.elementType) return "element-type-mismatch";
  return "success";
}
