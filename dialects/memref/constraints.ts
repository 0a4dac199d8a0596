/** The type and attribute constraints of MLIR 16's MemRefOps.td, with ODS's descriptions (the verifier prints them). */
import { type Attribute, IntegerAttr, TypeAttr } from "../../src/ir/attributes.ts";
import { FloatType, IndexType, IntegerType, MemRefType, type Type, UnrankedMemRefType, hasStaticShape } from "../../src/ir/types.ts";
import { type AttrConstraint, attrConstraint, typeConstraint, type TypeConstraint } from "../../src/irdl/constraints.ts";
import { isStrided } from "./layout.ts";

const isSignlessInt = (t: Type): boolean => t instanceof IntegerType && t.isSignless;
const isIntOrFloat = (t: Type): boolean => isSignlessInt(t) || t instanceof FloatType;

/** Ranked memrefs (ODS's AnyMemRef). */
export const AnyMemRefC = typeConstraint("memref of any type values", (t): t is MemRefType => t instanceof MemRefType);
/** Ranked or unranked memrefs (ODS's AnyRankedOrUnrankedMemRef). */
export const AnyRankedOrUnrankedMemRef = typeConstraint(
  "unranked.memref of any type values or memref of any type values",
  (t): t is MemRefType | UnrankedMemRefType => t instanceof MemRefType || t instanceof UnrankedMemRefType,
);
/** Ranked memrefs with a strided layout (ODS's AnyStridedMemRef). */
export const AnyStridedMemRef = typeConstraint("strided memref of any type values", (t): t is MemRefType => t instanceof MemRefType && isStrided(t));
/** Rank-0 strided memrefs (ODS's AnyStridedMemRefOfRank<0>). */
export const StridedMemRefOfRank0 = typeConstraint(
  "strided memref of any type values of rank 0",
  (t): t is MemRefType => t instanceof MemRefType && t.rank === 0 && isStrided(t),
);
/** Statically shaped memrefs (ODS's AnyStaticShapeMemRef). */
export const AnyStaticShapeMemRef = typeConstraint(
  "statically shaped memref of any type values",
  (t): t is MemRefType => t instanceof MemRefType && hasStaticShape(t.shape),
);
/** Memrefs of signless integers or floats (ODS's MemRefOf<[AnySignlessInteger, AnyFloat]>). */
export const IntOrFloatMemRef = typeConstraint(
  "memref of signless integer or floating-point values",
  (t): t is MemRefType => t instanceof MemRefType && isIntOrFloat(t.elementType),
);
/** A signless integer or float scalar (ODS's AnyTypeOf<[AnySignlessInteger, AnyFloat]>). */
export const IntOrFloat = typeConstraint("signless integer or floating-point", (t): t is IntegerType | FloatType => isIntOrFloat(t));
/** 1-D memrefs of any element type (ODS's MemRefRankOf<[AnyType], [1]>). */
export const MemRef1D = typeConstraint("1D memref of any type values", (t): t is MemRefType => t instanceof MemRefType && t.rank === 1);
/** 1-D memrefs of i8 (ODS's MemRefRankOf<[I8], [1]>): the buffer `memref.view` carves. */
export const ByteMemRef1D = typeConstraint(
  "1D memref of 8-bit signless integer values",
  (t): t is MemRefType => t instanceof MemRefType && t.rank === 1 && t.elementType === IntegerType.get(8),
);
/** 1-D memrefs of signless integers or index (the shape operand of `memref.reshape`). */
export const ShapeMemRef1D = typeConstraint(
  "1D memref of signless integer or index values",
  (t): t is MemRefType => t instanceof MemRefType && t.rank === 1 && (isSignlessInt(t.elementType) || t.elementType instanceof IndexType),
);

/** An optional i64 attribute confined to non-negative values (the `alignment` of allocations). */
export const NonNegativeI64Attr: AttrConstraint<IntegerAttr> = {
  ...attrConstraint(
    "64-bit signless integer attribute whose minimum value is 0",
    (a: Attribute): a is IntegerAttr => a instanceof IntegerAttr && a.type === IntegerType.get(64) && a.value >= 0n,
  ),
  valueType: IntegerType.get(64),
};
/** A positive i32 attribute (`memref.assume_alignment`'s alignment). */
export const PositiveI32Attr: AttrConstraint<IntegerAttr> = {
  ...attrConstraint(
    "32-bit signless integer attribute whose value is positive",
    (a: Attribute): a is IntegerAttr => a instanceof IntegerAttr && a.type === IntegerType.get(32) && a.value > 0n,
  ),
  valueType: IntegerType.get(32),
};
/** An i32 attribute in [0, 3] (`memref.prefetch`'s locality hint). */
export const LocalityHintAttr: AttrConstraint<IntegerAttr> = {
  ...attrConstraint(
    "32-bit signless integer attribute whose minimum value is 0 whose maximum value is 3",
    (a: Attribute): a is IntegerAttr => a instanceof IntegerAttr && a.type === IntegerType.get(32) && a.value >= 0n && a.value <= 3n,
  ),
  valueType: IntegerType.get(32),
};
/** A type attribute holding a memref type (ODS's MemRefTypeAttr). */
export const MemRefTypeAttr = attrConstraint(
  "memref type attribute",
  (a): a is TypeAttr & { readonly value: MemRefType } => a instanceof TypeAttr && a.value instanceof MemRefType,
);

export type { TypeConstraint };
