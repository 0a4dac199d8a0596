/**
 * Folds of tensor.extract_slice and tensor.insert_slice (MLIR 16's ExtractSliceOp::fold, InsertSliceOp::fold):
 *
 *   tensor.extract_slice %cst[..] [2, 2] [..] (%cst a splat constant)         -> the splat, resized
 *   tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> to tensor<4x4xf32>   -> %t
 *   tensor.extract_slice (tensor.insert_slice %s into %d[o] [s] [t])[o] [s] [t]       -> %s
 *   tensor.insert_slice %s into %d[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<4x4xf32>   -> %s
 *   tensor.insert_slice %s1 into (tensor.insert_slice %s0 into %d[o]..)[o]..  -> insert %s1 into %d (in place)
 *   tensor.insert_slice (tensor.extract_slice %d[o] [s] [t]) into %d[o] [s] [t]       -> %d
 */
import { type Attribute, DenseElementsAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { hasStaticShape, RankedTensorType } from "../../src/ir/types.ts";
import { mixedList, staticList, type MixedIndex } from "../../src/irdl/dynamic-index-list.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import type { InsertSliceOp, SliceLike } from "./slice-ops.ts";

const lists = (op: Operation): [MixedIndex[], MixedIndex[], MixedIndex[]] => {
  const s = op as SliceLike;
  return [
    mixedList(staticList(s.static_offsets), s.offsets),
    mixedList(staticList(s.static_sizes), s.sizes),
    mixedList(staticList(s.static_strides), s.strides),
  ];
};

/** MLIR's OffsetSizeAndStrideOpInterface::isSameAs with `==`: the same static entries and the same values. */
export function sameSlice(a: Operation, b: Operation): boolean {
  const [x, y] = [lists(a), lists(b)];
  return x.every((list, k) => {
    const other = y[k] as MixedIndex[];
    return list.length === other.length && list.every((e, i) => e === other[i]);
  });
}

/**
 * MLIR's foldIdentityOffsetSizeAndStrideOpInterface: offsets all 0, strides all 1, and the sizes equal to
 * `shape` (compared over the shorter of the two, as MLIR's zip does).
 */
export function isIdentitySlice(op: Operation, shape: readonly number[]): boolean {
  const [offsets, sizes, strides] = lists(op);
  if (!offsets.every((o) => o === 0) || !strides.every((s) => s === 1)) return false;
  for (let i = 0; i < Math.min(sizes.length, shape.length); i++) if (sizes[i] !== shape[i]) return false;
  return true;
}

export function foldExtractSlice(op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const source = op.getOperand(0);
  const result = op.getResult(0).type as RankedTensorType;
  const constant = operands[0];
  if (constant instanceof DenseElementsAttr && constant.isSplat && hasStaticShape(result.shape)) {
    return DenseElementsAttr.get(result, constant.data);
  }
  if (source.type === result && isIdentitySlice(op, result.shape)) return source;
  const insert = source.definingOp;
  if (insert?.name === "tensor.insert_slice" && insert.getOperand(0).type === result && sameSlice(insert, op)) return insert.getOperand(0);
  return undefined;
}

export function foldInsertSlice(op: Operation): FoldResult | undefined {
  const insert = op as InsertSliceOp;
  const source = insert.source;
  const t = insert.result.type;
  if (hasStaticShape(source.type.shape) && hasStaticShape(t.shape) && source.type === t && isIdentitySlice(op, t.shape)) return source;
  const prev = insert.dest.definingOp;
  if (prev?.name === "tensor.insert_slice" && prev.getOperand(0).type === source.type && sameSlice(prev, op)) {
    op.setOperand(1, prev.getOperand(1));
    return insert.result;
  }
  const extract = source.definingOp;
  if (extract?.name === "tensor.extract_slice" && extract.getOperand(0) === insert.dest && sameSlice(extract, op)) return extract.getOperand(0);
  return undefined;
}
