/**
 * The type and attribute constraints of MLIR 16's TOSA ops (TosaTypesBase.td), with the descriptions the
 * verifier prints: `'tosa.add' op operand #0 must be tensor of number values, but got 'tensor<2xf64>'`.
 *
 * A TOSA "number" is a signless i1/i8/i16/i32/i48/i64, an unsigned ui8/ui16, or f32/f16/bf16 (f64 is not one).
 * MLIR's quantized element types (`!quant.uniform<...>`) are numbers too; Tensile has no quant dialect, so
 * they are not accepted here.
 */
import { type Attribute, DenseArrayAttr, FloatAttr, StringAttr } from "../../src/ir/attributes.ts";
import { type AttrConstraint, type TypeConstraint, attrConstraint, typeConstraint } from "../../src/irdl/constraints.ts";
import { FloatType, IntegerType, RankedTensorType, type Type, UnrankedTensorType, VectorType } from "../../src/ir/types.ts";

export type TosaTensorType = RankedTensorType | UnrankedTensorType;

/** Tosa_Int: i1, ui8, ui16 and signless i8, i16, i32, i48, i64. */
export function isTosaInt(t: Type): t is IntegerType {
  if (!(t instanceof IntegerType)) return false;
  if (t.signedness === "unsigned") return t.width === 8 || t.width === 16;
  return t.isSignless && (t.width === 1 || t.width === 8 || t.width === 16 || t.width === 32 || t.width === 48 || t.width === 64);
}
/** Tosa_Float: f32, f16, bf16. */
export const isTosaFloat = (t: Type): t is FloatType => t instanceof FloatType && (t.name === "f32" || t.name === "f16" || t.name === "bf16");
/** Tosa_AnyNumber (without quantized types). */
export const isTosaNumber = (t: Type): t is IntegerType | FloatType => isTosaInt(t) || isTosaFloat(t);
const isSignlessInt = (width: number) => (t: Type): t is IntegerType => t instanceof IntegerType && t.isSignless && t.width === width;

const isTensor = (t: Type): t is TosaTensorType => t instanceof RankedTensorType || t instanceof UnrankedTensorType;

/** ODS's TensorOf<[elements]>: "tensor of <elements> values". */
function tensorOf(elements: string, test: (e: Type) => boolean): TypeConstraint<TosaTensorType> {
  return typeConstraint(`tensor of ${elements} values`, (t): t is TosaTensorType => isTensor(t) && test(t.elementType));
}
/** ODS's TensorRankOf (`0D/1D tensor of ...`), optionally or'ed with unranked tensors as TOSA's TensorND are. */
function tensorOfRanks(ranks: readonly number[], elements: string, test: (e: Type) => boolean, unranked: boolean): TypeConstraint<TosaTensorType> {
  const ranked = `${ranks.map((r) => `${r}D`).join("/")} tensor of ${elements} values`;
  return typeConstraint(
    unranked ? `unranked.tensor of ${elements} values or ${ranked}` : ranked,
    (t): t is TosaTensorType =>
      (t instanceof RankedTensorType && ranks.includes(t.rank) && test(t.elementType)) ||
      (unranked && t instanceof UnrankedTensorType && test(t.elementType)),
  );
}

export const TosaTensor = tensorOf("number", isTosaNumber);
export const TosaRankedTensor = typeConstraint(
  "ranked tensor of number values",
  (t): t is RankedTensorType => t instanceof RankedTensorType && isTosaNumber(t.elementType),
);
export const TosaInt32Tensor = tensorOf("32-bit signless integer", isSignlessInt(32));
export const TosaInt32Or64Tensor = tensorOf("32-bit signless integer or 64-bit signless integer", (e) => isSignlessInt(32)(e) || isSignlessInt(64)(e));
export const I1Tensor = tensorOf("1-bit signless integer", isSignlessInt(1));
export const TosaScalarTensor = tensorOfRanks([0], "number", isTosaNumber, false);
export const TosaTensor1D = tensorOfRanks([1], "number", isTosaNumber, true);
export const TosaTensor2D = tensorOfRanks([2], "number", isTosaNumber, true);
export const TosaTensor3D = tensorOfRanks([3], "number", isTosaNumber, true);
export const TosaTensor4D = tensorOfRanks([4], "number", isTosaNumber, true);
export const TosaTensor5D = tensorOfRanks([5], "number", isTosaNumber, true);
export const TosaTensor1Dto4D = tensorOfRanks([1, 2, 3, 4], "number", isTosaNumber, true);
export const TosaTensor1Dto6D = tensorOfRanks([1, 2, 3, 4, 5, 6], "number", isTosaNumber, true);
export const TosaTensorUpto4D = tensorOfRanks([0, 1, 2, 3, 4], "number", isTosaNumber, true);
export const TosaInt32Tensor2D = tensorOfRanks([2], "32-bit signless integer", isSignlessInt(32), false);

/** Tosa_TypeLike: the scalar, or a vector or tensor of it. */
function typeLike(description: string, test: (e: Type) => boolean): TypeConstraint {
  return typeConstraint(description, (t) =>
    t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType ? test(t.elementType) : test(t),
  );
}
export const TosaIntLike = typeLike("signless-integer-like", isTosaInt);
export const TosaInt8Like = typeLike("signless-integer-8-bit-like", isSignlessInt(8));

// ---- attributes --------------------------------------------------------------------------------------------

/** ODS's F32Attr. */
export const F32Attr: AttrConstraint<FloatAttr> = {
  ...attrConstraint("32-bit float attribute", (a): a is FloatAttr => a instanceof FloatAttr && a.type.name === "f32"),
  valueType: FloatType.get("f32"),
};

const isI64Array = (a: Attribute): a is DenseArrayAttr =>
  a instanceof DenseArrayAttr && a.elementType instanceof IntegerType && a.elementType.width === 64;

/** Tosa_IntArrayAttrN: `array<i64: ...>` with exactly n elements. */
export function i64ArrayOfSize(n: number): AttrConstraint<DenseArrayAttr> {
  return attrConstraint(`i64 dense array attribute with exactly ${n} elements`, (a): a is DenseArrayAttr => isI64Array(a) && a.values.length === n);
}
/** Tosa_IntArrayAttrUptoN: at most n elements (MLIR 16's description says "at least"; the check is "at most"). */
export function i64ArrayUpTo(n: number): AttrConstraint<DenseArrayAttr> {
  return attrConstraint(`i64 dense array attribute with at least ${n} elements`, (a): a is DenseArrayAttr => isI64Array(a) && a.values.length <= n);
}

/** Tosa_ResizeTypeAttr: "BILINEAR" or "NEAREST_NEIGHBOR". */
export const ResizeModeAttr = attrConstraint(
  "Supported resize/upsampling strategies",
  (a): a is StringAttr => a instanceof StringAttr && (a.value === "BILINEAR" || a.value === "NEAREST_NEIGHBOR"),
);
