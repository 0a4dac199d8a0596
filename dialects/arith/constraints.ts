/**
 * The type constraints of MLIR 16's arith ops, with the exact descriptions its verifier prints.
 *
 * They differ from src/irdl's generic `like()` in one detail that shows in error messages: MLIR 16's
 * `VectorOf` excludes 0-d vectors (`vector<i32>`), so `arith.addi` rejects them, while the casts between
 * integers (`VectorOfAnyRankOf`) and the comparisons (`...OfAnyRank`) accept them.
 */
import { type TypeConstraint, typeConstraint } from "../../src/irdl/constraints.ts";
import {
  FloatType,
  IndexType,
  IntegerType,
  MemRefType,
  RankedTensorType,
  type Type,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
  i1,
} from "../../src/ir/types.ts";

/** A scalar of `T`, or a vector or tensor of them. */
export type ArithLike<T extends Type> = T | ((VectorType | RankedTensorType | UnrankedTensorType) & { readonly elementType: T });
/** As ArithLike, or a memref of `T` (index_cast and bitcast accept memrefs). */
export type ArithLikeOrMemRef<T extends Type> = ArithLike<T> | ((MemRefType | UnrankedMemRefType) & { readonly elementType: T });

const isSignlessInt = (t: Type): t is IntegerType => t instanceof IntegerType && t.isSignless;
const isSignlessIntOrIndex = (t: Type): t is IntegerType | IndexType => t instanceof IndexType || isSignlessInt(t);
const isFloat = (t: Type): t is FloatType => t instanceof FloatType;
const isBool = (t: Type): t is IntegerType => t === i1;

/**
 * `scalar` itself, a vector of it (0-d vectors only with `vectorAnyRank`), or a ranked or unranked tensor of
 * it: ODS's `TypeConstraint<Or<[T, VectorOf<[T]>, TensorOf<[T]>]>>`.
 */
export function arithLike<T extends Type>(
  scalar: (t: Type) => t is T,
  description: string,
  opts: { vectorAnyRank?: boolean } = {},
): TypeConstraint<ArithLike<T>> {
  return typeConstraint(description, (t): t is ArithLike<T> => {
    if (t instanceof VectorType) return (opts.vectorAnyRank === true || t.rank > 0) && scalar(t.elementType);
    if (t instanceof RankedTensorType || t instanceof UnrankedTensorType) return scalar(t.elementType);
    if (t instanceof MemRefType || t instanceof UnrankedMemRefType) return false;
    return scalar(t);
  });
}

/** A memref (ranked or not) whose elements pass `scalar`. */
function memrefOf(t: Type, scalar: (e: Type) => boolean): boolean {
  return (t instanceof MemRefType || t instanceof UnrankedMemRefType) && scalar(t.elementType);
}

export const SignlessIntegerLike = arithLike(isSignlessIntOrIndex, "signless-integer-like");
export const SignlessIntegerLikeOfAnyRank = arithLike(isSignlessIntOrIndex, "signless-integer-like", { vectorAnyRank: true });
/** Integers without index: what the integer casts take (index goes through index_cast). */
export const SignlessFixedWidthIntegerLike = arithLike(isSignlessInt, "signless-fixed-width-integer-like", { vectorAnyRank: true });
export const FloatLike = arithLike(isFloat, "floating-point-like");
export const BoolLike = arithLike(isBool, "bool-like");
export const BoolLikeOfAnyRank = arithLike(isBool, "bool-like", { vectorAnyRank: true });

/** index_cast / index_castui: integer-like, or memrefs of signless integers or index. */
export const IndexCastTypeConstraint: TypeConstraint<ArithLikeOrMemRef<IntegerType | IndexType>> = typeConstraint(
  "signless-integer-like or memref of signless-integer",
  (t): t is ArithLikeOrMemRef<IntegerType | IndexType> => SignlessIntegerLike.test(t) || memrefOf(t, isSignlessIntOrIndex),
);

const isSignlessIntOrIndexOrFloat = (t: Type): t is IntegerType | IndexType | FloatType => isSignlessIntOrIndex(t) || isFloat(t);
const SignlessIntegerOrFloatLike = arithLike(isSignlessIntOrIndexOrFloat, "signless-integer-or-float-like");

/** bitcast: integer- or float-like, or memrefs of signless integers, index or floats. */
export const BitcastTypeConstraint: TypeConstraint<ArithLikeOrMemRef<IntegerType | IndexType | FloatType>> = typeConstraint(
  "signless-integer-or-float-like or memref of signless-integer or float",
  (t): t is ArithLikeOrMemRef<IntegerType | IndexType | FloatType> =>
    SignlessIntegerOrFloatLike.test(t) || memrefOf(t, isSignlessIntOrIndexOrFloat),
);

/**
 * `i1` with the shape of `t` (MLIR's getI1SameShape): `vector<4xi1>` for `vector<4xf32>`, `tensor<?xi1>` for
 * `tensor<?xi32>` (the encoding is dropped), `tensor<*xi1>` for unranked tensors, `i1` for scalars.
 */
export function i1SameShape(t: Type): Type {
  if (t instanceof VectorType) return VectorType.get(t.shape, i1, t.scalableDims);
  if (t instanceof RankedTensorType) return RankedTensorType.get(t.shape, i1);
  if (t instanceof UnrankedTensorType) return UnrankedTensorType.get(i1);
  return i1;
}
