/**
 * Helpers of the vector patterns that fold constants (MLIR 16's InsertOpConstantFolder,
 * InsertStridedSliceConstantFolder, StridedSlice*ConstantFolder): a constant operand read as its row-major
 * elements, the positions a strided slice covers, and a replacement by a new `arith.constant`.
 */
import { ConstantOp } from "../../dialects/arith/index.ts";
import { buildConstant, readFloats, readInts } from "../../dialects/arith/fold-consts.ts";
import { elementsOf } from "../../dialects/vector/fold-slices.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import type { PatternRewriter } from "../../src/rewrite/pattern.ts";
import { before } from "../arith/match.ts";

/** MLIR's vectorSizeFoldThreshold: larger constants are built only when the folded one has a single use. */
export const VECTOR_SIZE_FOLD_THRESHOLD = 256;

/**
 * The elements of the constant defining `v` (bit patterns: ints unsigned, floats as bits), `count` of them (a
 * splat or a scalar repeated), or undefined when `v` is not such a constant.
 */
export function constantElementsOf(v: Value, count: number): bigint[] | undefined {
  const values = elementsOf(constantAttr(v), count);
  return values === undefined ? undefined : [...values];
}

/** Whether the constant defining `v` is a splat (or a scalar). */
export function isSplatConstant(v: Value): boolean {
  const a = constantAttr(v);
  return (readInts(a) ?? readFloats(a))?.values.length === 1;
}

export const numElements = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * The row-major linear positions, in a vector of `shape`, of the elements of the slice at `offsets` of
 * `sizes` (unit strides), listed in the slice's own row-major order. `offsets` and `sizes` may cover only the
 * leading dims: the others are whole.
 */
export function slicePositions(shape: readonly number[], offsets: readonly number[], sizes: readonly number[]): number[] {
  const off = shape.map((_, d) => offsets[d] ?? 0);
  const size = shape.map((s, d) => sizes[d] ?? s);
  const out: number[] = [];
  const walk = (d: number, base: number): void => {
    if (d === shape.length) {
      out.push(base);
      return;
    }
    for (let i = 0; i < (size[d] as number); i++) walk(d + 1, base * (shape[d] as number) + (off[d] as number) + i);
  };
  walk(0, 0);
  return out;
}

/** Replaces `op` by an `arith.constant` of `type` holding `values`; false when no attribute can hold them. */
export function replaceWithConstant(rw: PatternRewriter, op: Operation, type: Type, values: readonly bigint[]): boolean {
  const allSame = values.length > 0 && values.every((v) => v === values[0]);
  const attr = buildConstant(type, allSame ? [values[0] as bigint] : values);
  if (attr === undefined) return false;
  before(rw, op, () => rw.replaceOp(op, [rw.create(ConstantOp, { value: attr }).result]));
  return true;
}

/** MLIR's guard against large constants: a destination past the threshold folds only when used once. */
export const mayGrowConstant = (dest: Value<VectorType>): boolean =>
  numElements(dest.type.shape) <= VECTOR_SIZE_FOLD_THRESHOLD || dest.hasOneUse;
