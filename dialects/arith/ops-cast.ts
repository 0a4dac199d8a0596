/**
 * arith's casts: `arith.extsi %x : i32 to i64`, `arith.index_cast %i : index to i32`, ...
 *
 * Operand and result have the same shape (both scalars, or vectors/tensors of one shape); what may change is
 * the element type, under each cast's rule (ext* widen, trunc* narrow, bitcast keeps the width, index_cast
 * goes between index and an integer). Each implements CastOpInterface (src/interfaces/cast.ts) with its rule,
 * so a cast that breaks it fails with MLIR's message (`'arith.extsi' op operand type 'i32' and result type 'i8'
 * are cast incompatible`) and a cast to its own type folds away (`arith.bitcast %x : i32 to i32`).
 */
import { CastOpInterface } from "../../src/interfaces/cast.ts";
import { implement, type InterfaceImpl } from "../../src/ir/interfaces.ts";
import type { Trait } from "../../src/ir/operation.ts";
import { Elementwise, Pure, SameOperandsAndResultShape } from "../../src/ir/traits.ts";
import { type TypeConstraint } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
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
  bitWidth,
  isShaped,
} from "../../src/ir/types.ts";
import { DYNAMIC } from "../../src/ir/types.ts";
import {
  foldBitcast,
  foldExtF,
  foldExtI,
  foldFloatToInt,
  foldIndexCast,
  foldIndexCastUI,
  foldIntToFloat,
  foldTruncF,
  foldTruncI,
} from "./fold.ts";
import { BitcastTypeConstraint, FloatLike, IndexCastTypeConstraint, SignlessFixedWidthIntegerLike } from "./constraints.ts";

// ---- cast compatibility (MLIR's areCastCompatible) ---------------------------------------------------------

/** verifyCompatibleShape: both scalars, or both shaped with equal ranks and dims equal where both are static. */
function compatibleShapes(a: Type, b: Type): boolean {
  if (!isShaped(a)) return !isShaped(b);
  if (!isShaped(b)) return false;
  if (a instanceof UnrankedTensorType || a instanceof UnrankedMemRefType) return true;
  if (b instanceof UnrankedTensorType || b instanceof UnrankedMemRefType) return true;
  if (a.shape.length !== b.shape.length) return false;
  return a.shape.every((d, i) => d === DYNAMIC || b.shape[i] === DYNAMIC || d === b.shape[i]);
}

/** The element type of a scalar, vector or tensor (or memref when allowed); undefined for other containers. */
function elementOfLike(t: Type, allowMemRef: boolean): Type | undefined {
  if (t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType) return t.elementType;
  if (t instanceof MemRefType || t instanceof UnrankedMemRefType) return allowMemRef ? t.elementType : undefined;
  return t;
}

type ElementRule = (src: Type, dst: Type) => boolean;

const isSignlessInt = (t: Type): t is IntegerType => t instanceof IntegerType && t.isSignless;
const isInt = (t: Type): t is IntegerType => t instanceof IntegerType;
const isFloat = (t: Type): t is FloatType => t instanceof FloatType;

/** A cast between two ints (or two floats) whose width must grow (`wider`) or shrink. */
const widthChange =
  (isKind: (t: Type) => t is IntegerType | FloatType, wider: boolean): ElementRule =>
  (src, dst) => {
    if (!isKind(src) || !isKind(dst)) return false;
    return wider ? dst.width > src.width : dst.width < src.width;
  };

const intToFloat: ElementRule = (src, dst) => isInt(src) && isFloat(dst);
const floatToInt: ElementRule = (src, dst) => isFloat(src) && isInt(dst);
const indexCast: ElementRule = (src, dst) =>
  (src instanceof IndexType && isSignlessInt(dst)) || (isSignlessInt(src) && dst instanceof IndexType);
const isIntIndexOrFloat = (t: Type): boolean => t instanceof IntegerType || t instanceof IndexType || t instanceof FloatType;
/** MLIR 16 compares getIntOrFloatBitWidth, which is 0 for index: index only bitcasts to index. */
const castWidth = (t: Type): number | undefined => (t instanceof IndexType ? 0 : bitWidth(t));
const sameWidth: ElementRule = (src, dst) => isIntIndexOrFloat(src) && isIntIndexOrFloat(dst) && castWidth(src) === castWidth(dst);

/** Whether `rule` allows casting `src` to `dst` (shapes first, then element types). */
function allows(src: Type, dst: Type, rule: ElementRule, allowMemRef: boolean): boolean {
  if (!compatibleShapes(src, dst)) return false;
  const s = elementOfLike(src, allowMemRef);
  const d = elementOfLike(dst, allowMemRef);
  return s !== undefined && d !== undefined && rule(s, d);
}

/**
 * The CastOpInterface of an arith cast: one operand and one result whose types `rule` allows (MLIR's
 * `areCastCompatible` of each cast op); the interface verifies it with MLIR's message.
 */
function castInterface(rule: ElementRule, allowMemRef: boolean): InterfaceImpl {
  return implement(CastOpInterface, {
    areCastCompatible: (inputs, outputs) =>
      inputs.length === 1 && outputs.length === 1 && allows(inputs[0] as Type, outputs[0] as Type, rule, allowMemRef),
  });
}

// ---- the ops -------------------------------------------------------------------------------------------------

const castTraits: readonly Trait[] = [Pure, SameOperandsAndResultShape, Elementwise];

const castSpec = <const N extends string, const F extends TypeConstraint, const T extends TypeConstraint>(
  name: N,
  summary: string,
  from: F,
  to: T,
) =>
  ({
    name,
    summary,
    operands: { in: from },
    results: { out: to },
    traits: castTraits,
    format: "$in attr-dict `:` type($in) `to` type($out)",
  }) as const;

const Int = SignlessFixedWidthIntegerLike;

export const ExtUIOp = defineOp(castSpec("arith.extui", "integer zero extension operation", Int, Int), {
  interfaces: [castInterface(widthChange(isInt, true), false)],
  fold: foldExtI,
});
export type ExtUIOp = InstanceType<typeof ExtUIOp>;
export const ExtSIOp = defineOp(castSpec("arith.extsi", "integer sign extension operation", Int, Int), {
  interfaces: [castInterface(widthChange(isInt, true), false)],
  fold: foldExtI,
});
export type ExtSIOp = InstanceType<typeof ExtSIOp>;
export const TruncIOp = defineOp(castSpec("arith.trunci", "integer truncation operation", Int, Int), {
  interfaces: [castInterface(widthChange(isInt, false), false)],
  fold: foldTruncI,
});
export type TruncIOp = InstanceType<typeof TruncIOp>;

export const ExtFOp = defineOp(castSpec("arith.extf", "cast from floating-point to wider floating-point", FloatLike, FloatLike), {
  interfaces: [castInterface(widthChange(isFloat, true), false)],
  fold: foldExtF,
});
export type ExtFOp = InstanceType<typeof ExtFOp>;
export const TruncFOp = defineOp(castSpec("arith.truncf", "cast from floating-point to narrower floating-point", FloatLike, FloatLike), {
  interfaces: [castInterface(widthChange(isFloat, false), false)],
  fold: foldTruncF,
});
export type TruncFOp = InstanceType<typeof TruncFOp>;

export const UIToFPOp = defineOp(castSpec("arith.uitofp", "cast from unsigned integer type to floating-point", Int, FloatLike), {
  interfaces: [castInterface(intToFloat, false)],
  fold: foldIntToFloat,
});
export type UIToFPOp = InstanceType<typeof UIToFPOp>;
export const SIToFPOp = defineOp(castSpec("arith.sitofp", "cast from integer type to floating-point", Int, FloatLike), {
  interfaces: [castInterface(intToFloat, false)],
  fold: foldIntToFloat,
});
export type SIToFPOp = InstanceType<typeof SIToFPOp>;
export const FPToUIOp = defineOp(castSpec("arith.fptoui", "cast from floating-point type to integer type", FloatLike, Int), {
  interfaces: [castInterface(floatToInt, false)],
  fold: foldFloatToInt,
});
export type FPToUIOp = InstanceType<typeof FPToUIOp>;
export const FPToSIOp = defineOp(castSpec("arith.fptosi", "cast from floating-point type to integer type", FloatLike, Int), {
  interfaces: [castInterface(floatToInt, false)],
  fold: foldFloatToInt,
});
export type FPToSIOp = InstanceType<typeof FPToSIOp>;

export const IndexCastOp = defineOp(
  castSpec("arith.index_cast", "cast between index and integer types", IndexCastTypeConstraint, IndexCastTypeConstraint),
  { interfaces: [castInterface(indexCast, true)], fold: foldIndexCast },
);
export type IndexCastOp = InstanceType<typeof IndexCastOp>;
export const IndexCastUIOp = defineOp(
  castSpec("arith.index_castui", "unsigned cast between index and integer types", IndexCastTypeConstraint, IndexCastTypeConstraint),
  { interfaces: [castInterface(indexCast, true)], fold: foldIndexCastUI },
);
export type IndexCastUIOp = InstanceType<typeof IndexCastUIOp>;

export const BitcastOp = defineOp(
  castSpec("arith.bitcast", "bitcast between values of equal bit width", BitcastTypeConstraint, BitcastTypeConstraint),
  { interfaces: [castInterface(sameWidth, true)], fold: foldBitcast },
);
export type BitcastOp = InstanceType<typeof BitcastOp>;
