/**
 * Canonicalization patterns of vector.shuffle, vector.insert and vector.insert_strided_slice (MLIR 16's
 * ShuffleSplat, Canonicalize0DShuffleOp, InsertToBroadcast, InsertSplatToSplat, InsertOpConstantFolder,
 * FoldInsertStridedSliceSplat, FoldInsertStridedSliceOfExtract, InsertStridedSliceConstantFolder).
 * Before/after IR on each; the examples put near misses next to what must rewrite.
 */
import { VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { defining } from "../../src/ir/defining.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { BroadcastOp, ExtractStridedSliceOp, i64sOf, InsertOp, InsertStridedSliceOp, ShuffleOp, SplatOp } from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";
import { constantElementsOf, mayGrowConstant, numElements, replaceWithConstant, slicePositions } from "./constants.ts";

/** The value `a` and `b` are both splats of, if they are. */
function splatOfOneValue(a: Value, b: Value): SplatOp["input"] | undefined {
  const sa = defining(a, SplatOp);
  const sb = defining(b, SplatOp);
  return sa !== undefined && sb !== undefined && sa.input === sb.input ? sa.input : undefined;
}

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * shuffle(splat(x), splat(x)) -> splat(x) of the result type (MLIR's ShuffleSplat).
 *
 *   %a = vector.splat %x : vector<4xf32>
 *   %b = vector.splat %x : vector<2xf32>
 *   %s = vector.shuffle %a, %b [0, 5, 2] : vector<4xf32>, vector<2xf32>   ->   %s = vector.splat %x : vector<3xf32>
 */
export const shuffleOfSplats = rewrite({
  name: "vector.shuffle-of-splats",
  examples: [
    // The same scalar: rewritten; another scalar (the near miss): not.
    "^bb0(%x: $T, %y: $T):\n  %a = vector.splat %x : vector<4x$T>\n  %b = vector.splat %?{x|x|y} : vector<2x$T>\n  %s = vector.shuffle %a, %b [0, 5, 2] : vector<4x$T>, vector<2x$T>",
  ],
  root: ShuffleOp,
  apply(op, rw) {
    const input = splatOfOneValue(op.v1, op.v2);
    if (input === undefined) return rw.fail("the operands are not splats of one value");
    before(rw, op, () => rw.replaceOpWithNew(op, SplatOp, { input, aggregate: op.vector.type }));
    return rw.done();
  },
});

/**
 * A shuffle of two 0-D vectors with one mask entry -> a broadcast of the operand it picks (MLIR's
 * Canonicalize0DShuffleOp: the result is 1-D, so it cannot be a fold).
 *
 *   %s = vector.shuffle %a, %b [1] : vector<f32>, vector<f32>   ->   %s = vector.broadcast %b : vector<f32> to vector<1xf32>
 */
export const shuffleOf0D = rewrite({
  name: "vector.shuffle-of-0d",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %a = vector.broadcast %x : $T to vector<$T>\n  %b = vector.broadcast %y : $T to vector<$T>\n  %s = vector.shuffle %a, %b [?{0|1|0, 1}] : vector<$T>, vector<$T>",
  ],
  root: ShuffleOp,
  apply(op, rw) {
    if (op.v1.type.rank > 0) return rw.fail("not a shuffle of 0-D vectors");
    const mask = i64sOf(op.mask);
    if (mask.length !== 1) return rw.fail("the mask has several entries");
    const source = mask[0] === 0 ? op.v1 : op.v2;
    before(rw, op, () => rw.replaceOpWithNew(op, BroadcastOp, { source, vector: op.vector.type }));
    return rw.done();
  },
});

/**
 * An insert of a vector with as many elements as the destination -> a broadcast of it (MLIR's
 * InsertToBroadcast: only unit dims are added).
 *
 *   %i = vector.insert %v, %d [0] : vector<4xf32> into vector<1x4xf32>   ->   %i = vector.broadcast %v : vector<4xf32> to vector<1x4xf32>
 */
export const insertToBroadcast = rewrite({
  name: "vector.insert-to-broadcast",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<4x$T>\n  %d = vector.broadcast %y : $T to vector<1x1x4x$T>\n  %i = vector.insert %v, %d [0, 0] : vector<4x$T> into vector<1x1x4x$T>",
    // The destination has more elements: no rewrite.
    "^bb0(%x: $T, %y: $T):\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<4x$T>\n  %d = vector.broadcast %y : $T to vector<2x4x$T>\n  %i = vector.insert %v, %d [?{0|1}] : vector<4x$T> into vector<2x4x$T>",
  ],
  root: InsertOp,
  apply(op, rw) {
    const src = op.source.type;
    if (!(src instanceof VectorType)) return rw.fail("a scalar is inserted");
    if (numElements(src.shape) !== numElements(op.dest.type.shape)) return rw.fail("the destination has more elements than the source");
    before(rw, op, () => rw.replaceOpWithNew(op, BroadcastOp, { source: op.source, vector: op.dest.type }));
    return rw.done();
  },
});

/**
 * insert(splat(x), splat(x)) -> splat(x) (MLIR's InsertSplatToSplat).
 *
 *   %s = vector.splat %x : vector<4xf32>
 *   %d = vector.splat %x : vector<2x4xf32>
 *   %i = vector.insert %s, %d [1] : vector<4xf32> into vector<2x4xf32>   ->   %i = vector.splat %x : vector<2x4xf32>
 */
export const insertSplatIntoSplat = rewrite({
  name: "vector.insert-splat-into-splat",
  examples: ["^bb0(%x: $T, %y: $T):\n  %s = vector.splat %x : vector<4x$T>\n  %d = vector.splat %?{x|x|y} : vector<2x4x$T>\n  %i = vector.insert %s, %d [?{0|1}] : vector<4x$T> into vector<2x4x$T>"],
  root: InsertOp,
  apply(op, rw) {
    const input = splatOfOneValue(op.source, op.dest);
    if (input === undefined) return rw.fail("the source and the destination are not splats of one value");
    before(rw, op, () => rw.replaceOpWithNew(op, SplatOp, { input, aggregate: op.res.type }));
    return rw.done();
  },
});

/**
 * insert of a constant into a constant -> a constant (MLIR's InsertOpConstantFolder; a destination of more
 * than 256 elements only when it has one use).
 *
 *   %s = arith.constant 7 : i32
 *   %d = arith.constant dense<0> : vector<2x2xi32>
 *   %i = vector.insert %s, %d [1, 0] : i32 into vector<2x2xi32>   ->   %i = arith.constant dense<[[0, 0], [7, 0]]> : vector<2x2xi32>
 */
export const insertConstantIntoConstant = rewrite({
  name: "vector.insert-constant-into-constant",
  examples: [
    "%s = arith.constant ?s : $T\n  %d = arith.constant ?d : vector<2x3x$T>\n  %i = vector.insert %s, %d [?{0, 0|1, 2}] : $T into vector<2x3x$T>",
    "%s = arith.constant ?s : vector<3x$T>\n  %d = arith.constant ?d : vector<2x3x$T>\n  %i = vector.insert %s, %d [?{0|1}] : vector<3x$T> into vector<2x3x$T>",
    // A source that is not constant: no rewrite.
    "^bb0(%x: $T):\n  %d = arith.constant ?d : vector<2x3x$T>\n  %i = vector.insert %x, %d [1, 1] : $T into vector<2x3x$T>",
  ],
  root: InsertOp,
  apply(op, rw) {
    const destType = op.dest.type;
    if (destType.isScalable) return rw.fail("a scalable destination");
    const dest = constantElementsOf(op.dest, numElements(destType.shape));
    if (dest === undefined) return rw.fail("the destination is not a constant");
    if (!mayGrowConstant(op.dest)) return rw.fail("a large destination constant with other uses");
    const srcShape = op.source.type instanceof VectorType ? op.source.type.shape : [];
    const src = constantElementsOf(op.source, numElements(srcShape));
    if (src === undefined) return rw.fail("the source is not a constant");
    const positions = slicePositions(destType.shape, i64sOf(op.position), i64sOf(op.position).map(() => 1));
    positions.forEach((p, i) => (dest[p] = src[i] as bigint));
    if (!replaceWithConstant(rw, op, destType, dest)) return rw.fail("no constant attribute holds the result");
    return rw.done();
  },
});

/**
 * insert_strided_slice(splat(x), splat(x)) -> the destination splat (MLIR's FoldInsertStridedSliceSplat).
 *
 *   %s = vector.splat %x : vector<2xf32>
 *   %d = vector.splat %x : vector<4xf32>
 *   %i = vector.insert_strided_slice %s, %d {offsets = [1], strides = [1]} : vector<2xf32> into vector<4xf32>   ->   %d
 */
export const insertStridedSliceOfSplats = rewrite({
  name: "vector.insert_strided_slice-of-splats",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %s = vector.splat %x : vector<2x$T>\n  %d = vector.splat %?{x|x|y} : vector<3x4x$T>\n  %i = vector.insert_strided_slice %s, %d {offsets = [?{0|2}, 1], strides = [1]} : vector<2x$T> into vector<3x4x$T>",
  ],
  root: InsertStridedSliceOp,
  apply(op, rw) {
    if (splatOfOneValue(op.source, op.dest) === undefined) return rw.fail("the source and the destination are not splats of one value");
    rw.replaceOp(op, [op.dest]);
    return rw.done();
  },
});

/**
 * insert_strided_slice(extract_strided_slice(d), d) at the same offsets -> d (MLIR's
 * FoldInsertStridedSliceOfExtract: the slice goes back where it came from).
 *
 *   %e = vector.extract_strided_slice %d {offsets = [1], sizes = [2], strides = [1]} : vector<4xf32> to vector<2xf32>
 *   %i = vector.insert_strided_slice %e, %d {offsets = [1], strides = [1]} : vector<2xf32> into vector<4xf32>   ->   %d
 */
export const insertStridedSliceOfExtract = rewrite({
  name: "vector.insert_strided_slice-of-extract",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %d0 = vector.broadcast %x : $T to vector<3x4x$T>\n  %d = vector.insert %y, %d0 [1, 2] : $T into vector<3x4x$T>\n  %o = vector.broadcast %y : $T to vector<3x4x$T>\n  %e = vector.extract_strided_slice %d {offsets = [1, 1], sizes = [2, 2], strides = [1, 1]} : vector<3x4x$T> to vector<2x2x$T>\n  %i = vector.insert_strided_slice %e, %?{d|d|o} {offsets = [1, ?{1|1|2}], strides = [1, 1]} : vector<2x2x$T> into vector<3x4x$T>",
  ],
  root: InsertStridedSliceOp,
  apply(op, rw) {
    const e = defining(op.source, ExtractStridedSliceOp);
    if (e === undefined) return rw.fail("the source is not an extract_strided_slice");
    if (e.vector !== op.dest) return rw.fail("the slice comes from another vector");
    if (!sameNumbers(i64sOf(e.offsets), i64sOf(op.offsets)) || !sameNumbers(i64sOf(e.strides), i64sOf(op.strides))) {
      return rw.fail("the slice goes back at other offsets");
    }
    rw.replaceOp(op, [op.dest]);
    return rw.done();
  },
});

/**
 * insert_strided_slice of a constant into a constant -> a constant (MLIR's InsertStridedSliceConstantFolder; a
 * destination of more than 256 elements only when it has one use).
 *
 *   %s = arith.constant dense<7> : vector<2xi32>
 *   %d = arith.constant dense<0> : vector<4xi32>
 *   %i = vector.insert_strided_slice %s, %d {offsets = [1], strides = [1]} : vector<2xi32> into vector<4xi32>
 *     ->   %i = arith.constant dense<[0, 7, 7, 0]> : vector<4xi32>
 */
export const insertStridedSliceOfConstants = rewrite({
  name: "vector.insert_strided_slice-of-constants",
  examples: [
    "%s = arith.constant ?s : vector<2x$T>\n  %d = arith.constant ?d : vector<3x4x$T>\n  %i = vector.insert_strided_slice %s, %d {offsets = [?{0|2}, ?{0|1|2}], strides = [1]} : vector<2x$T> into vector<3x4x$T>",
    "%s = arith.constant ?s : vector<2x2x$T>\n  %d = arith.constant ?d : vector<3x4x$T>\n  %i = vector.insert_strided_slice %s, %d {offsets = [?{0|1}, ?{0|2}], strides = [1, 1]} : vector<2x2x$T> into vector<3x4x$T>",
    // A destination that is not constant: no rewrite.
    "^bb0(%x: $T):\n  %s = arith.constant ?s : vector<2x$T>\n  %d = vector.broadcast %x : $T to vector<4x$T>\n  %i = vector.insert_strided_slice %s, %d {offsets = [1], strides = [1]} : vector<2x$T> into vector<4x$T>",
  ],
  root: InsertStridedSliceOp,
  apply(op, rw) {
    const destType = op.dest.type;
    if (destType.isScalable) return rw.fail("a scalable destination");
    const dest = constantElementsOf(op.dest, numElements(destType.shape));
    if (dest === undefined) return rw.fail("the destination is not a constant");
    if (!mayGrowConstant(op.dest)) return rw.fail("a large destination constant with other uses");
    const srcShape = op.source.type.shape;
    const src = constantElementsOf(op.source, numElements(srcShape));
    if (src === undefined) return rw.fail("the source is not a constant");
    // The source covers the trailing dims at their offsets; each leading dim one index, its offset.
    const lead = destType.rank - srcShape.length;
    const sizes = destType.shape.map((_, d) => (d < lead ? 1 : (srcShape[d - lead] as number)));
    slicePositions(destType.shape, i64sOf(op.offsets), sizes).forEach((p, i) => (dest[p] = src[i] as bigint));
    if (!replaceWithConstant(rw, op, destType, dest)) return rw.fail("no constant attribute holds the result");
    return rw.done();
  },
});

/** The shuffle, insert and insert_strided_slice patterns. */
export const insertShufflePatterns: readonly Pattern[] = [
  shuffleOfSplats,
  shuffleOf0D,
  insertToBroadcast,
  insertSplatIntoSplat,
  insertConstantIntoConstant,
  insertStridedSliceOfSplats,
  insertStridedSliceOfExtract,
  insertStridedSliceOfConstants,
];
