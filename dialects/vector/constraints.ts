/**
 * ODS's vector type constraints (OpBase.td), with MLIR 16's descriptions (the verifier prints them:
 * `operand #0 must be vector of any type values, but got 'f32'`). `AnyVector` is of rank 1 or more;
 * `AnyVectorOfAnyRank` admits the 0-D `vector<f32>` too.
 */
import {
  FloatType,
  IndexType,
  IntegerType,
  MemRefType,
  RankedTensorType,
  type Type,
  UnrankedMemRefType,
  VectorType,
  hasStaticShape,
} from "../../src/ir/types.ts";
import { typeConstraint, type TypeConstraint } from "../../src/irdl/constraints.ts";

interface VectorOfOptions {
  /** 0-D vectors are allowed (VectorOfAnyRankOf). */
  readonly anyRank?: boolean;
  /** Only these ranks (VectorOfRank), e.g. [1]. */
  readonly ranks?: readonly number[];
  /** Scalable vectors only (ScalableVectorOfRank). */
  readonly scalable?: boolean;
}

/** `vector of <elements> values[ of ranks 1]` (ODS's VectorOf, VectorOfAnyRankOf, VectorOfRankAndType). */
export function vectorOf(elements: string | undefined, test: (t: Type) => boolean, opts: VectorOfOptions = {}): TypeConstraint<VectorType> {
  const ranks = opts.ranks === undefined ? "" : ` of ranks ${opts.ranks.join("/")}`;
  // ODS's VectorOfRank / ScalableVectorOfRank alone (no element list) describe themselves as just " of ranks 1".
  const description = elements === undefined ? ranks : `vector of ${elements} values${ranks}`;
  return typeConstraint(
    description,
    (t): t is VectorType =>
      t instanceof VectorType &&
      (opts.anyRank === true || t.rank > 0) &&
      (opts.ranks === undefined || opts.ranks.includes(t.rank)) &&
      (opts.scalable !== true || t.isScalable) &&
      test(t.elementType),
  );
}

const any = (): boolean => true;
const isI1 = (t: Type): boolean => t instanceof IntegerType && t.width === 1 && t.isSignless;
const isFloat = (t: Type): boolean => t instanceof FloatType;
const isIntegerOrIndex = (t: Type): boolean => t instanceof IntegerType || t instanceof IndexType;
/** AnySignlessInteger, AnySignedInteger, Index, AnyFloat: the element types of the matrix intrinsics. */
const isMatrixElement = (t: Type): boolean =>
  (t instanceof IntegerType && (t.isSignless || t.signedness === "signed")) || t instanceof IndexType || t instanceof FloatType;

export const AnyVector = vectorOf("any type", any);
export const AnyVectorOfAnyRank = vectorOf("any type", any, { anyRank: true });
export const VectorOfI1 = vectorOf("1-bit signless integer", isI1);
export const VectorOfAnyRankOfI1 = vectorOf("1-bit signless integer", isI1, { anyRank: true });
export const VectorOfAnyRankOfFloat = vectorOf("floating-point", isFloat, { anyRank: true });
export const VectorOfIntegerOrIndex = vectorOf("integer or index", isIntegerOrIndex);
export const VectorOfRank1 = vectorOf(undefined, any, { ranks: [1] });
export const VectorOfRank1OfI1 = vectorOf("1-bit signless integer", isI1, { ranks: [1] });
export const VectorOfRank1OfIntegerOrIndex = vectorOf("integer or index", isIntegerOrIndex, { ranks: [1] });
export const ScalableVectorOfRank1 = vectorOf(undefined, any, { ranks: [1], scalable: true });
export const MatrixVector = vectorOf("signless integer or signed integer or index or floating-point", isMatrixElement, { ranks: [1] });

/** ODS's StaticShapeMemRefOf<[AnyType]>. */
export const StaticShapeMemRef = typeConstraint(
  "statically shaped memref of any type values",
  (t): t is MemRefType => t instanceof MemRefType && hasStaticShape(t.shape),
);
/** ODS's AnyMemRef. */
export const AnyMemRefC = typeConstraint(
  "memref of any type values",
  (t): t is MemRefType | UnrankedMemRefType => t instanceof MemRefType || t instanceof UnrankedMemRefType,
);
/** ODS's AnyRankedTensor (a transfer_write's optional result). */
export const AnyRankedTensorC = typeConstraint("ranked tensor of any type values", (t): t is RankedTensorType => t instanceof RankedTensorType);
/** Integer, index or float: what vector.splat broadcasts. */
export const SplatElement = typeConstraint(
  "integer/index/float type",
  (t): t is IntegerType | IndexType | FloatType => (t instanceof IntegerType && t.isSignless) || t instanceof IndexType || t instanceof FloatType,
);
