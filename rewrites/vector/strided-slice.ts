/**
 * Canonicalization patterns of vector.extract_strided_slice (MLIR 16's StridedSliceConstantMaskFolder,
 * StridedSliceSplatConstantFolder, StridedSliceNonSplatConstantFolder, StridedSliceBroadcast,
 * StridedSliceSplat). Before/after IR on each; the examples put near misses next to what must rewrite.
 */
import { VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { defining } from "../../src/ir/defining.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { BroadcastOp, ConstantMaskOp, ExtractStridedSliceOp, i64Array, i64sOf, SplatOp } from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";
import { constantElementsOf, isSplatConstant, numElements, replaceWithConstant, slicePositions } from "./constants.ts";

/**
 * A slice of a constant_mask -> the constant_mask of the slice (MLIR's StridedSliceConstantMaskFolder): each
 * sliced dim keeps the part of its set prefix inside the slice; an empty dim clears the whole mask.
 *
 *   %m = vector.constant_mask [3, 2] : vector<4x4xi1>
 *   %s = vector.extract_strided_slice %m {offsets = [1, 1], sizes = [2, 2], strides = [1, 1]} : vector<4x4xi1> to vector<2x2xi1>
 *     ->   %s = vector.constant_mask [2, 1] : vector<2x2xi1>
 */
export const stridedSliceOfConstantMask = rewrite({
  name: "vector.extract_strided_slice-of-constant_mask",
  examples: [
    "%m = vector.constant_mask [?{0|1|3|4}, ?{0|2|4}] : vector<4x4xi1>\n  %s = vector.extract_strided_slice %m {offsets = [?{0|1|2}, ?{0|1|3}], sizes = [2, 1], strides = [1, 1]} : vector<4x4xi1> to vector<2x1xi1>",
    "%m = vector.constant_mask [?{1|3}, 2] : vector<4x4xi1>\n  %s = vector.extract_strided_slice %m {offsets = [?{0|2}], sizes = [2], strides = [1]} : vector<4x4xi1> to vector<2x4xi1>",
  ],
  root: ExtractStridedSliceOp,
  apply(op, rw) {
    const mask = defining(op.vector, ConstantMaskOp);
    if (mask === undefined) return rw.fail("the source is not a constant_mask");
    const sizes = i64sOf(mask.mask_dim_sizes);
    const offsets = i64sOf(op.offsets);
    const lengths = i64sOf(op.sizes);
    let sliced = sizes.map((m, d) => (d < offsets.length ? Math.max(0, Math.min((offsets[d] as number) + (lengths[d] as number), m) - (offsets[d] as number)) : m));
    if (sliced.includes(0)) sliced = sliced.map(() => 0);
    before(rw, op, () => rw.replaceOpWithNew(op, ConstantMaskOp, { mask_dim_sizes: i64Array(sliced), result: op.result.type }));
    return rw.done();
  },
});

/**
 * A slice of a constant -> a constant (MLIR's StridedSliceSplatConstantFolder and
 * StridedSliceNonSplatConstantFolder, one pattern here: a splat is the case where every element is the same).
 *
 *   %c = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
 *   %s = vector.extract_strided_slice %c {offsets = [1], sizes = [2], strides = [1]} : vector<4xi32> to vector<2xi32>
 *     ->   %s = arith.constant dense<[2, 3]> : vector<2xi32>
 */
export const stridedSliceOfConstant = rewrite({
  name: "vector.extract_strided_slice-of-constant",
  examples: [
    "%c = arith.constant ?c : vector<3x4x$T>\n  %s = vector.extract_strided_slice %c {offsets = [?{0|1}, ?{0|2}], sizes = [2, 2], strides = [1, 1]} : vector<3x4x$T> to vector<2x2x$T>",
    "%c = arith.constant ?c : vector<3x4x$T>\n  %s = vector.extract_strided_slice %c {offsets = [?{0|2}], sizes = [1], strides = [1]} : vector<3x4x$T> to vector<1x4x$T>",
  ],
  root: ExtractStridedSliceOp,
  apply(op, rw) {
    const shape = op.vector.type.shape;
    const all = constantElementsOf(op.vector, numElements(shape));
    if (all === undefined) return rw.fail("the source is not a constant");
    if (op.vector.type.isScalable && !isSplatConstant(op.vector)) return rw.fail("a scalable non-splat constant");
    const values = slicePositions(shape, i64sOf(op.offsets), i64sOf(op.sizes)).map((p) => all[p] as bigint);
    if (!replaceWithConstant(rw, op, op.result.type, values)) return rw.fail("no constant attribute holds the slice");
    return rw.done();
  },
});

/**
 * A slice of a broadcast -> a broadcast of (a slice of) its source (MLIR's StridedSliceBroadcast): when the
 * source's dims are the slice's trailing dims nothing is sliced; otherwise the source is sliced on the dims it
 * does not stretch.
 *
 *   %b = vector.broadcast %v : vector<4xf32> to vector<3x4xf32>
 *   %s = vector.extract_strided_slice %b {offsets = [1, 1], sizes = [2, 2], strides = [1, 1]} : vector<3x4xf32> to vector<2x2xf32>
 *     ->   %e = vector.extract_strided_slice %v {offsets = [1], sizes = [2], strides = [1]} : vector<4xf32> to vector<2xf32>
 *          %s = vector.broadcast %e : vector<2xf32> to vector<2x2xf32>
 *
 * MLIR 16 slices a stretched unit dim of the source too (a broadcast of vector<1x4> to vector<3x4> sliced to
 * 2x4 gives an extract_strided_slice of size 2 out of a dim of size 1, which its verifier rejects); Tensile
 * keeps a stretched dim whole, as MLIR 17 does.
 */
export const stridedSliceOfBroadcast = rewrite({
  name: "vector.extract_strided_slice-of-broadcast",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [2] : $T into vector<4x$T>\n  %b = vector.broadcast %v : vector<4x$T> to vector<3x4x$T>\n  %s = vector.extract_strided_slice %b {offsets = [?{0|1}, ?{0|1|2}], sizes = [2, 2], strides = [1, 1]} : vector<3x4x$T> to vector<2x2x$T>",
    "^bb0(%x: $T, %y: $T):\n  %v0 = vector.broadcast %x : $T to vector<1x4x$T>\n  %v = vector.insert %y, %v0 [0, 1] : $T into vector<1x4x$T>\n  %b = vector.broadcast %v : vector<1x4x$T> to vector<3x4x$T>\n  %s = vector.extract_strided_slice %b {offsets = [1, ?{0|1}], sizes = [2, ?{4|3}], strides = [1, 1]} : vector<3x4x$T> to vector<2x?{4|3}x$T>",
    "^bb0(%x: $T):\n  %b = vector.broadcast %x : $T to vector<3x4x$T>\n  %s = vector.extract_strided_slice %b {offsets = [1], sizes = [2], strides = [1]} : vector<3x4x$T> to vector<2x4x$T>",
  ],
  root: ExtractStridedSliceOp,
  apply(op, rw) {
    const bcast = defining(op.vector, BroadcastOp);
    if (bcast === undefined) return rw.fail("the source is not a broadcast");
    const srcType = bcast.source.type;
    const dst = op.result.type;
    const bcastShape = op.vector.type.shape;
    const srcShape = srcType instanceof VectorType ? srcType.shape : [];
    const lead = dst.rank - srcShape.length;
    const offsets = i64sOf(op.offsets);
    // The slice of the source: a dim the broadcast stretches (1 -> n) stays whole; another takes the slice's range.
    const srcOffsets: number[] = [];
    const srcSizes: number[] = [];
    srcShape.forEach((s, i) => {
      const stretched = s === 1 && bcastShape[lead + i] !== 1;
      srcOffsets.push(stretched ? 0 : (offsets[lead + i] ?? 0));
      srcSizes.push(stretched ? 1 : (dst.shape[lead + i] as number));
    });
    const whole = srcSizes.every((s, i) => s === srcShape[i]);
    before(rw, op, () => {
      const source =
        whole || !(srcType instanceof VectorType)
          ? bcast.source
          : rw.create(ExtractStridedSliceOp, {
              vector: bcast.source as Value<VectorType>,
              offsets: i64Array(srcOffsets),
              sizes: i64Array(srcSizes),
              strides: i64Array(srcSizes.map(() => 1)),
              result: VectorType.get(srcSizes, srcType.elementType),
            }).result;
      rw.replaceOpWithNew(op, BroadcastOp, { source, vector: dst });
    });
    return rw.done();
  },
});

/**
 * A slice of a splat -> a splat of the slice's type (MLIR's StridedSliceSplat).
 *
 *   %s = vector.splat %x : vector<4xf32>
 *   %e = vector.extract_strided_slice %s {offsets = [1], sizes = [2], strides = [1]} : vector<4xf32> to vector<2xf32>
 *     ->   %e = vector.splat %x : vector<2xf32>
 */
export const stridedSliceOfSplat = rewrite({
  name: "vector.extract_strided_slice-of-splat",
  examples: [
    "^bb0(%x: $T):\n  %s = vector.splat %x : vector<3x4x$T>\n  %e = vector.extract_strided_slice %s {offsets = [?{0|1}], sizes = [2], strides = [1]} : vector<3x4x$T> to vector<2x4x$T>",
  ],
  root: ExtractStridedSliceOp,
  apply(op, rw) {
    const splat = defining(op.vector, SplatOp);
    if (splat === undefined) return rw.fail("the source is not a splat");
    before(rw, op, () => rw.replaceOpWithNew(op, SplatOp, { input: splat.input, aggregate: op.result.type }));
    return rw.done();
  },
});

/** The extract_strided_slice patterns. */
export const stridedSlicePatterns: readonly Pattern[] = [stridedSliceOfConstantMask, stridedSliceOfConstant, stridedSliceOfBroadcast, stridedSliceOfSplat];
