/**
 * Build arguments of the tensor ops from mixed static/dynamic lists (MLIR's OpFoldResult builders), and the
 * slice type inference MLIR's builders use:
 *
 *   b.create(ExtractSliceOp, extractSliceArgs(t, [0, i], [4, 4], [1, 1]))          // type inferred: tensor<4x4xf32>
 *   b.create(InsertSliceOp, insertSliceArgs(s, t, [0, i], [4, 4], [1, 1]))
 *   b.create(EmptyOp, emptyArgs([4, n], f32))                                       // tensor<4x?xf32>
 */
import type { IndexType } from "../../src/ir/types.ts";
import { RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type MixedIndex, splitMixed } from "../../src/irdl/dynamic-index-list.ts";
import type { ExtractSliceOp, InsertSliceOp } from "./slice-ops.ts";

/** The static entries of a mixed list (DYNAMIC where a value stands). */
export const staticsOf = (list: readonly MixedIndex[]): number[] => splitMixed(list).statics;

/** MLIR's getPositionsOfShapeOne: the first `count` unit dims of `shape`. */
function firstUnitDims(count: number, shape: readonly number[]): Set<number> {
  const dims = new Set<number>();
  for (let i = 0; i < shape.length && dims.size < count; i++) if (shape[i] === 1) dims.add(i);
  return dims;
}

/**
 * MLIR's ExtractSliceOp::inferCanonicalRankReducedResultType: the slice's type from its static sizes, with the
 * first unit dims dropped until it has `rank` dims.
 */
export function canonicalSliceType(rank: number, source: RankedTensorType, sizes: readonly MixedIndex[]): RankedTensorType {
  const shape = staticsOf(sizes);
  const drop = firstUnitDims(Math.max(0, shape.length - rank), shape);
  return RankedTensorType.get(shape.filter((_, i) => !drop.has(i)), source.elementType);
}

function lists(offsets: readonly MixedIndex[], sizes: readonly MixedIndex[], strides: readonly MixedIndex[]) {
  const [o, s, t] = [splitMixed(offsets), splitMixed(sizes), splitMixed(strides)];
  // Mixed entries that are values are index values (the lists' element type).
  const asIndex = (vs: Value[]): Value<IndexType>[] => vs as Value<IndexType>[];
  return {
    offsets: asIndex(o.dynamics),
    sizes: asIndex(s.dynamics),
    strides: asIndex(t.dynamics),
    static_offsets: o.staticAttr,
    static_sizes: s.staticAttr,
    static_strides: t.staticAttr,
  };
}

/** Arguments of a tensor.extract_slice; the result type defaults to the un-reduced slice type. */
export function extractSliceArgs(
  source: Value<RankedTensorType>,
  offsets: readonly MixedIndex[],
  sizes: readonly MixedIndex[],
  strides: readonly MixedIndex[],
  result?: RankedTensorType,
): Parameters<typeof ExtractSliceOp.build>[0] {
  const type = result ?? RankedTensorType.get(staticsOf(sizes), source.type.elementType);
  return { source, ...lists(offsets, sizes, strides), result: type };
}

/** Arguments of a tensor.insert_slice (or, without the result, tensor.parallel_insert_slice). */
export function insertSliceArgs(
  source: Value<RankedTensorType>,
  dest: Value<RankedTensorType>,
  offsets: readonly MixedIndex[],
  sizes: readonly MixedIndex[],
  strides: readonly MixedIndex[],
): Parameters<typeof InsertSliceOp.build>[0] {
  return { source, dest, ...lists(offsets, sizes, strides), result: dest.type };
}

/** Arguments of a tensor.empty of the given sizes (values for dynamic ones) and element type. */
export function emptyArgs(sizes: readonly MixedIndex[], elementType: Type, encoding?: import("../../src/ir/attributes.ts").Attribute) {
  const { statics, dynamics } = splitMixed(sizes);
  return { dynamicSizes: dynamics as Value<IndexType>[], result: RankedTensorType.get(statics, elementType, encoding) };
}
