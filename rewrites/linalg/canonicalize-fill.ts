/**
 * linalg.fill's canonicalization patterns (MLIR 16's FillOp::getCanonicalizationPatterns in LinalgOps.cpp): a
 * reshape or a pad of a fill is a fill of the new shape, and padding inserted into a fill of the padding value
 * need not be inserted. They are rooted on the tensor ops that consume the fill.
 */
import { hasStaticShape, RankedTensorType } from "../../src/ir/types.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { type MixedIndex } from "../../src/irdl/dynamic-index-list.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { buildNamedOp } from "../../dialects/linalg/index.ts";
import {
  CollapseShapeOp,
  constantPaddingValue,
  DimOp,
  EmptyOp,
  emptyArgs,
  ExpandShapeOp,
  InsertSliceOp,
  insertSliceArgs,
  mixedLow,
  mixedOffsets,
  mixedSizes,
  mixedStrides,
  PadOp,
} from "../../dialects/tensor/index.ts";
import { ConstantOp } from "../../dialects/arith/index.ts";
import { IndexType } from "../../src/ir/types.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { before } from "../arith/match.ts";

/** The linalg.fill defining `v`, if one does. */
const fillOf = (v: Value): Operation | undefined => (v.definingOp?.name === "linalg.fill" ? v.definingOp : undefined);

/** Builds `linalg.fill ins(value) outs(init)` at the rewriter's insertion point; its result. */
function createFill(rw: PatternRewriter, value: Value, init: Value): Value {
  return rw.insert(buildNamedOp("linalg.fill", { inputs: [value], outputs: [init] }, rw.loc)).getResult(0);
}

// Examples: the fill's init and the pad's source are random tensors (`?a`), the fill values the example's
// free scalars, so a fill or a pad that the rewrite got wrong shows in the program's result.

/** A reshape of a fill (FoldFillWithTensorReshape). */
function fillWithReshape(kind: typeof CollapseShapeOp | typeof ExpandShapeOp, name: string, examples: readonly string[]): Pattern {
  return rewrite({
    name,
    root: kind as typeof CollapseShapeOp,
    examples,
    apply(op, rw) {
      const fill = fillOf(op.src);
      if (fill === undefined) return rw.fail("the source is not a linalg.fill");
      before(rw, op, () => {
        const init = rw.create(kind as typeof CollapseShapeOp, { src: fill.getOperand(1) as Value<RankedTensorType>, reassociation: op.reassociation, result: op.result.type });
        rw.replaceOp(op, [createFill(rw, fill.getOperand(0), init.result)]);
      });
      return rw.done();
    },
  });
}

/**
 * A collapse of a fill is a fill of the collapsed init (FoldFillWithTensorReshape<CollapseShapeOp>):
 *
 *   %f = linalg.fill ins(%x : f32) outs(%t : tensor<4x6xf32>) -> tensor<4x6xf32>
 *   %c = tensor.collapse_shape %f [[0, 1]] : tensor<4x6xf32> into tensor<24xf32>
 *     ->
 *   %0 = tensor.collapse_shape %t [[0, 1]] : tensor<4x6xf32> into tensor<24xf32>
 *   %c = linalg.fill ins(%x : f32) outs(%0 : tensor<24xf32>) -> tensor<24xf32>
 */
export const fillWithCollapse = fillWithReshape(CollapseShapeOp, "linalg.fill-collapse_shape", [
  `^bb0(%x: $T):
  %t = arith.constant ?t : tensor<2x3x$T>
  %f = linalg.fill ins(%x : $T) outs(%t : tensor<2x3x$T>) -> tensor<2x3x$T>
  %r = tensor.collapse_shape %f [[0, 1]] : tensor<2x3x$T> into tensor<6x$T>`,
  // Near miss: a collapse of a tensor that is no fill.
  `%t = arith.constant ?t : tensor<2x3x$T>
  %r = tensor.collapse_shape %t [[0, 1]] : tensor<2x3x$T> into tensor<6x$T>`,
]);

/**
 * An expansion of a fill is a fill of the expanded init (FoldFillWithTensorReshape<ExpandShapeOp>):
 *
 *   %f = linalg.fill ins(%x : f32) outs(%t : tensor<4x6xf32>) -> tensor<4x6xf32>
 *   %e = tensor.expand_shape %f [[0, 1], [2]] : tensor<4x6xf32> into tensor<2x2x6xf32>
 *     ->
 *   %0 = tensor.expand_shape %t [[0, 1], [2]] : tensor<4x6xf32> into tensor<2x2x6xf32>
 *   %e = linalg.fill ins(%x : f32) outs(%0 : tensor<2x2x6xf32>) -> tensor<2x2x6xf32>
 */
export const fillWithExpand = fillWithReshape(ExpandShapeOp, "linalg.fill-expand_shape", [
  `^bb0(%x: $T):
  %t = arith.constant ?t : tensor<6x$T>
  %f = linalg.fill ins(%x : $T) outs(%t : tensor<6x$T>) -> tensor<6x$T>
  %r = tensor.expand_shape %f [[0, 1]] : tensor<6x$T> into tensor<3x2x$T>`,
]);

/**
 * A pad of a fill by the fill's own value is a fill of a new tensor of the padded shape (FoldFillWithPad):
 *
 *   %f = linalg.fill ins(%x : f32) outs(%t : tensor<4x3xf32>) -> tensor<4x3xf32>
 *   %p = tensor.pad %f low[1, 2] high[1, 0] {
 *   ^bb0(%i: index, %j: index):
 *     tensor.yield %x : f32
 *   } : tensor<4x3xf32> to tensor<6x5xf32>
 *     ->
 *   %0 = tensor.empty() : tensor<6x5xf32>
 *   %p = linalg.fill ins(%x : f32) outs(%0 : tensor<6x5xf32>) -> tensor<6x5xf32>
 *
 * Narrower than MLIR 16: only a pad of static result type. MLIR reifies a dynamic result shape through
 * affine.apply of the pad amounts and the source's sizes (ReifyRankedShapedTypeOpInterface), which Tensile's
 * tensor.pad does not implement yet.
 */
export const fillWithPad = rewrite({
  name: "linalg.fill-pad",
  root: PadOp,
  examples: [
    `^bb0(%x: $T):
  %t = arith.constant ?t : tensor<2x3x$T>
  %f = linalg.fill ins(%x : $T) outs(%t : tensor<2x3x$T>) -> tensor<2x3x$T>
  %r = tensor.pad %f low[1, 0] high[0, 2] { ^bb0(%i: index, %j: index): tensor.yield %x : $T } : tensor<2x3x$T> to tensor<3x5x$T>`,
    // Near miss: padding with another value.
    `^bb0(%x: $T, %y: $T):
  %t = arith.constant ?t : tensor<2x3x$T>
  %f = linalg.fill ins(%x : $T) outs(%t : tensor<2x3x$T>) -> tensor<2x3x$T>
  %r = tensor.pad %f low[1, 0] high[0, 2] { ^bb0(%i: index, %j: index): tensor.yield %y : $T } : tensor<2x3x$T> to tensor<3x5x$T>`,
  ],
  apply(op, rw) {
    const fill = fillOf(op.source);
    if (fill === undefined) return rw.fail("the source is not a linalg.fill");
    const padValue = constantPaddingValue(op);
    if (padValue === undefined || padValue !== fill.getOperand(0)) return rw.fail("the padding value is not the fill's value");
    const type = op.result.type;
    if (!(type instanceof RankedTensorType) || !hasStaticShape(type.shape)) return rw.fail("a dynamic result shape (not reified here)");
    before(rw, op, () => {
      const empty = rw.create(EmptyOp, emptyArgs(type.shape, type.elementType, type.encoding));
      rw.replaceOp(op, [createFill(rw, padValue, empty.result)]);
    });
    return rw.done();
  },
});

/** A static entry of a mixed list, or undefined. */
const staticEntry = (e: MixedIndex | undefined): number | undefined => (typeof e === "number" ? e : undefined);

/** Whether two static inserts of the same rank write disjoint boxes (disjoint in some dimension). */
function disjoint(a: InsertSliceOp, b: InsertSliceOp): boolean {
  const [ao, as, at] = [mixedOffsets(a), mixedSizes(a), mixedStrides(a)];
  const [bo, bs, bt] = [mixedOffsets(b), mixedSizes(b), mixedStrides(b)];
  for (let i = 0; i < ao.length; i++) {
    const v = [ao[i], as[i], at[i], bo[i], bs[i], bt[i]].map(staticEntry);
    if (v.some((x) => x === undefined)) continue;
    const [aOff, aSize, aStride, bOff, bSize, bStride] = v as number[] as [number, number, number, number, number, number];
    const aEnd = aOff + (aSize - 1) * aStride;
    const bEnd = bOff + (bSize - 1) * bStride;
    if (aEnd < bOff || bEnd < aOff) return true;
  }
  return false;
}

/**
 * Inserting a pad into a fill of the padding value (through inserts elsewhere) inserts only the pad's source,
 * at the offsets moved by the low padding (FoldInsertPadIntoFill):
 *
 *   %f = linalg.fill ins(%x : f32) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
 *   %p = tensor.pad %s low[1, 1] high[1, 2] { ... tensor.yield %x : f32 } : tensor<2x2xf32> to tensor<4x5xf32>
 *   %r = tensor.insert_slice %p into %f[2, 1] [4, 5] [1, 1] : tensor<4x5xf32> into tensor<8x8xf32>
 *     ->
 *   %r = tensor.insert_slice %s into %f[3, 2] [2, 2] [1, 1] : tensor<2x2xf32> into tensor<8x8xf32>
 *
 * Narrower than MLIR 16, which is wrong for strided inserts: it moves each offset by the low padding, where
 * the source's first element lands `low * stride` further (an insert with stride 2 and low padding 1 would put
 * the source one element early, over a padding position). Ours needs unit strides where the low padding is
 * not 0, and static offsets and low padding (MLIR adds dynamic ones with a composed affine.apply, not built
 * here).
 */
export const insertPadIntoFill = rewrite({
  name: "linalg.fill-insert_slice-of-pad",
  root: InsertSliceOp,
  examples: [
    `^bb0(%x: $T):
  %e = arith.constant ?e : tensor<5x6x$T>
  %f = linalg.fill ins(%x : $T) outs(%e : tensor<5x6x$T>) -> tensor<5x6x$T>
  %s = arith.constant ?s : tensor<2x2x$T>
  %p = tensor.pad %s low[1, 0] high[0, 2] { ^bb0(%i: index, %j: index): tensor.yield %x : $T } : tensor<2x2x$T> to tensor<3x4x$T>
  %r = tensor.insert_slice %p into %f[1, 2] [3, 4] [1, 1] : tensor<3x4x$T> into tensor<5x6x$T>`,
    // Through an insert that is disjoint from this one (rows 0..1 against rows 2..4).
    `^bb0(%x: $T):
  %e = arith.constant ?e : tensor<5x6x$T>
  %f = linalg.fill ins(%x : $T) outs(%e : tensor<5x6x$T>) -> tensor<5x6x$T>
  %a = arith.constant ?a : tensor<2x6x$T>
  %g = tensor.insert_slice %a into %f[0, 0] [2, 6] [1, 1] : tensor<2x6x$T> into tensor<5x6x$T>
  %s = arith.constant ?s : tensor<2x2x$T>
  %p = tensor.pad %s low[1, 1] high[0, 1] { ^bb0(%i: index, %j: index): tensor.yield %x : $T } : tensor<2x2x$T> to tensor<3x4x$T>
  %r = tensor.insert_slice %p into %g[2, 1] [3, 4] [1, 1] : tensor<3x4x$T> into tensor<5x6x$T>`,
    // Near misses: an earlier insert that overlaps (its values would be overwritten by padding), another
    // padding value, a strided insert with low padding (where MLIR 16 is wrong).
    `^bb0(%x: $T):
  %e = arith.constant ?e : tensor<5x6x$T>
  %f = linalg.fill ins(%x : $T) outs(%e : tensor<5x6x$T>) -> tensor<5x6x$T>
  %a = arith.constant ?a : tensor<3x6x$T>
  %g = tensor.insert_slice %a into %f[0, 0] [3, 6] [1, 1] : tensor<3x6x$T> into tensor<5x6x$T>
  %s = arith.constant ?s : tensor<2x2x$T>
  %p = tensor.pad %s low[1, 1] high[0, 1] { ^bb0(%i: index, %j: index): tensor.yield %x : $T } : tensor<2x2x$T> to tensor<3x4x$T>
  %r = tensor.insert_slice %p into %g[2, 1] [3, 4] [1, 1] : tensor<3x4x$T> into tensor<5x6x$T>`,
    `^bb0(%x: $T, %y: $T):
  %e = arith.constant ?e : tensor<5x6x$T>
  %f = linalg.fill ins(%x : $T) outs(%e : tensor<5x6x$T>) -> tensor<5x6x$T>
  %s = arith.constant ?s : tensor<2x2x$T>
  %p = tensor.pad %s low[1, 0] high[0, 2] { ^bb0(%i: index, %j: index): tensor.yield %y : $T } : tensor<2x2x$T> to tensor<3x4x$T>
  %r = tensor.insert_slice %p into %f[1, 2] [3, 4] [1, 1] : tensor<3x4x$T> into tensor<5x6x$T>`,
    `^bb0(%x: $T):
  %e = arith.constant ?e : tensor<5x6x$T>
  %f = linalg.fill ins(%x : $T) outs(%e : tensor<5x6x$T>) -> tensor<5x6x$T>
  %s = arith.constant ?s : tensor<2x1x$T>
  %p = tensor.pad %s low[1, 0] high[0, 0] { ^bb0(%i: index, %j: index): tensor.yield %x : $T } : tensor<2x1x$T> to tensor<3x1x$T>
  %r = tensor.insert_slice %p into %f[0, 1] [3, 1] [2, 1] : tensor<3x1x$T> into tensor<5x6x$T>`,
  ],
  apply(op, rw) {
    const pad = op.source.definingOp;
    if (!(pad instanceof PadOp)) return rw.fail("the source is not a tensor.pad");
    if (op.result.type.rank !== op.source.type.rank) return rw.fail("the insert is rank-reducing");
    let firstDest: Value = op.dest;
    for (let prev = firstDest.definingOp; prev instanceof InsertSliceOp; prev = firstDest.definingOp) {
      if (prev.result.type.rank !== prev.source.type.rank) return rw.fail("an earlier insert is rank-reducing");
      if (!disjoint(prev, op)) break;
      firstDest = prev.dest;
    }
    const fill = fillOf(firstDest);
    if (fill === undefined) return rw.fail("the destination is not a linalg.fill (through disjoint inserts)");
    const padValue = constantPaddingValue(pad);
    if (padValue === undefined || padValue !== fill.getOperand(0)) return rw.fail("the padding value is not the fill's value");
    const [lows, offsets, strides] = [mixedLow(pad), mixedOffsets(op), mixedStrides(op)];
    const newOffsets: number[] = [];
    for (const [i, low] of lows.entries()) {
      const [l, o, s] = [staticEntry(low), staticEntry(offsets[i]), staticEntry(strides[i])];
      if (l === undefined || o === undefined) return rw.fail("a dynamic offset or low padding");
      if (l !== 0 && s !== 1) return rw.fail("a strided insert with low padding (MLIR 16 would misplace the source)");
      newOffsets.push(o + l);
    }
    const source = pad.source as Value<RankedTensorType>;
    before(rw, op, () => {
      const sizes: MixedIndex[] = source.type.shape.map((d, i) => {
        if (d >= 0) return d;
        const index = rw.create(ConstantOp, { value: IntegerAttr.get(IndexType.get(), i) }).getResult(0) as Value<IndexType>;
        return rw.create(DimOp, { source, index, result: IndexType.get() }).getResult(0);
      });
      rw.replaceOpWithNew(op, InsertSliceOp, insertSliceArgs(source, op.dest, newOffsets, sizes, strides));
    });
    return rw.done();
  },
});

export const linalgFillPatterns: readonly Pattern[] = [fillWithPad, fillWithCollapse, fillWithExpand, insertPadIntoFill];
