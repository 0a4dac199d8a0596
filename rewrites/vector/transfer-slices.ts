/**
 * Transfers through tensor slices (MLIR 16's FoldExtractSliceIntoTransferRead,
 * FoldInsertSliceIntoTransferWrite and SwapExtractSliceOfTransferWrite): a read of an extract_slice reads the
 * sliced tensor at shifted indices; an insert_slice of a tensor a write fully overwrote writes the vector into
 * the destination instead; and an extract_slice of such a write, inserted back, is written in the destination's
 * slice (so the ops bufferize in place). Before/after IR on each.
 */
import { AffineMapAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { defining } from "../../src/ir/defining.ts";
import { DYNAMIC, index, type RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { asTransfer, isDimInBounds, transferRank, type VectorTransfer } from "../../src/interfaces/vector-transfer.ts";
import type { MixedIndex } from "../../src/irdl/dynamic-index-list.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { AddIOp, ConstantOp } from "../../dialects/arith/index.ts";
import { ExtractSliceOp, InsertSliceOp, mixedOffsets, mixedSizes, mixedStrides, type SliceLike, sliceType } from "../../dialects/tensor/index.ts";
import { inBoundsAttr, isMasked, TransferReadOp, TransferWriteOp } from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";

/** A slice's sizes, DYNAMIC where a value stands. */
const staticSizes = (op: SliceLike): number[] => mixedSizes(op).map((s) => (typeof s === "number" ? s : DYNAMIC));
const hasUnitStrides = (op: SliceLike): boolean => mixedStrides(op).every((s) => s === 1);
const allInBounds = (t: VectorTransfer): boolean => Array.from({ length: transferRank(t) }, (_, r) => isDimInBounds(t, r)).every((b) => b);

/** A mixed entry as an SSA index (a new arith.constant for a static one). */
function indexValue(rw: PatternRewriter, e: MixedIndex): Value {
  return typeof e === "number" ? rw.create(ConstantOp, { value: IntegerAttr.get(index, BigInt(e)) }).result : e;
}

/**
 * MLIR's areAllRankReducedLeadingDim: a rank-reducing slice drops only dims before the trailing `trailing` ones
 * (the trailing dims of the slice's type are those of its unreduced type).
 */
function reducesOnlyLeadingDims(full: RankedTensorType, reduced: RankedTensorType, trailing: number): boolean {
  if (full.rank === reduced.rank) return true;
  const a = full.shape.slice(full.rank - trailing);
  const b = reduced.shape.slice(reduced.rank - trailing);
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * transfer_read of an extract_slice (unit strides, dropping only leading dims) -> transfer_read of the sliced
 * tensor at the indices plus the slice's offsets, in bounds (MLIR's FoldExtractSliceIntoTransferRead). The read
 * must be in bounds, unmasked and minor identity.
 *
 *   %s = tensor.extract_slice %t[1, 2] [2, 4] [1, 1] : tensor<4x8xf32> to tensor<2x4xf32>
 *   %r = vector.transfer_read %s[%i, %c0], %p {in_bounds = [true]} : tensor<2x4xf32>, vector<4xf32>
 *     ->   %a = arith.addi %i, %c1 : index
 *          %b = arith.addi %c0, %c2 : index
 *          %r = vector.transfer_read %t[%a, %b], %p {in_bounds = [true]} : tensor<4x8xf32>, vector<4xf32>
 */
export const transferReadOfExtractSlice = rewrite({
  name: "vector.transfer_read-of-extract_slice",
  examples: [
    "^bb0(%p: $T):\n  %t = arith.constant ?t : tensor<4x6x$T>\n  %s = tensor.extract_slice %t[?{0|1|2}, ?{0|2}] [2, 4] [1, 1] : tensor<4x6x$T> to tensor<2x4x$T>\n  %i = arith.constant ?{0|1} : index\n  %c0 = arith.constant 0 : index\n  %r = vector.transfer_read %s[%i, %c0], %p {in_bounds = [?{true|true|false}]} : tensor<2x4x$T>, vector<4x$T>",
    // Near misses: a masked read, a read that is not minor identity (a transposed 2-D read).
    "^bb0(%p: $T):\n  %t = arith.constant ?t : tensor<4x6x$T>\n  %s = tensor.extract_slice %t[1, ?{0|2}] [2, 4] [1, 1] : tensor<4x6x$T> to tensor<2x4x$T>\n  %c0 = arith.constant 0 : index\n  %m = vector.constant_mask [?{1|3|4}] : vector<4xi1>\n  %r = vector.transfer_read %s[%c0, %c0], %p, %m {in_bounds = [true]} : tensor<2x4x$T>, vector<4x$T>",
    "^bb0(%p: $T):\n  %t = arith.constant ?t : tensor<4x6x$T>\n  %s = tensor.extract_slice %t[1, ?{0|2}] [2, 4] [1, 1] : tensor<4x6x$T> to tensor<2x4x$T>\n  %c0 = arith.constant 0 : index\n  %r = vector.transfer_read %s[%c0, %c0], %p {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : tensor<2x4x$T>, vector<4x2x$T>",
    // A slice with a non-unit stride: no rewrite.
    "^bb0(%p: $T):\n  %t = arith.constant ?t : tensor<4x6x$T>\n  %s = tensor.extract_slice %t[0, ?{0|1}] [2, 3] [2, 2] : tensor<4x6x$T> to tensor<2x3x$T>\n  %c0 = arith.constant 0 : index\n  %r = vector.transfer_read %s[%c0, %c0], %p {in_bounds = [true, true]} : tensor<2x3x$T>, vector<2x3x$T>",
    // A rank-reducing slice (the leading unit dim dropped) and a 2-D read.
    "^bb0(%p: $T):\n  %t = arith.constant ?t : tensor<3x4x5x$T>\n  %s = tensor.extract_slice %t[?{0|2}, 1, ?{0|1}] [1, 3, 4] [1, 1, 1] : tensor<3x4x5x$T> to tensor<3x4x$T>\n  %c0 = arith.constant 0 : index\n  %r = vector.transfer_read %s[%c0, %c0], %p {in_bounds = [true, true]} : tensor<3x4x$T>, vector<2x4x$T>",
  ],
  root: TransferReadOp,
  apply(op, rw) {
    const read = asTransfer(op) as VectorTransfer;
    if (transferRank(read) === 0) return rw.fail("a 0-D transfer");
    if (!allInBounds(read)) return rw.fail("a dim may be out of bounds");
    if (!read.getPermutationMap().isMinorIdentity()) return rw.fail("not a minor identity map");
    if (op.mask !== undefined || isMasked(op)) return rw.fail("masked");
    const slice = defining(op.source, ExtractSliceOp);
    if (slice === undefined) return rw.fail("the source is not an extract_slice");
    if (!hasUnitStrides(slice)) return rw.fail("the slice has non-unit strides");
    const full = sliceType(slice.source.type, staticSizes(slice));
    if (!reducesOnlyLeadingDims(full, slice.result.type, slice.result.type.rank)) return rw.fail("the slice drops a dim that is not leading");
    const offsets = mixedOffsets(slice);
    const reduced = slice.source.type.rank - slice.result.type.rank;
    before(rw, op, () => {
      const indices = [
        ...offsets.slice(0, reduced).map((o) => indexValue(rw, o)),
        ...op.indices.map((i, k) => rw.create(AddIOp, { lhs: i, rhs: indexValue(rw, offsets[k + reduced] as MixedIndex) } as never).getResult()),
      ];
      rw.replaceOpWithNew(op, TransferReadOp, {
        source: slice.source,
        indices,
        padding: op.padding,
        permutation_map: AffineMapAttr.get(AffineMap.minorIdentity(slice.source.type.rank, transferRank(read))),
        in_bounds: inBoundsAttr(new Array<boolean>(transferRank(read)).fill(true)),
        vector: op.vector.type,
      } as never);
    });
    return rw.done();
  },
});

/**
 * insert_slice of a tensor that a transfer_write overwrote whole (identity map, vector shape = tensor shape, in
 * bounds, unmasked) -> the transfer_write of the vector into the insert's destination at the insert's offsets
 * (MLIR's FoldInsertSliceIntoTransferWrite).
 *
 *   %w = vector.transfer_write %v, %t[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<4xf32>
 *   %r = tensor.insert_slice %w into %d[2] [4] [1] : tensor<4xf32> into tensor<8xf32>
 *     ->   %r = vector.transfer_write %v, %d[%c2] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>
 */
export const insertSliceOfTransferWrite = rewrite({
  name: "vector.insert_slice-of-transfer_write",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<4x$T>\n  %d = arith.constant ?d : tensor<8x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [2] : $T into vector<4x$T>\n  %w = vector.transfer_write %v, %t[%c0] {in_bounds = [?{true|true|false}]} : vector<4x$T>, tensor<4x$T>\n  %r = tensor.insert_slice %w into %d[?{0|2|4}] [4] [1] : tensor<4x$T> into tensor<8x$T>",
    // Near misses: a masked write, a transposed write, an insert with a non-unit stride.
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<4x$T>\n  %d = arith.constant ?d : tensor<8x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [2] : $T into vector<4x$T>\n  %m = vector.constant_mask [?{1|3|4}] : vector<4xi1>\n  %w = vector.transfer_write %v, %t[%c0], %m {in_bounds = [true]} : vector<4x$T>, tensor<4x$T>\n  %r = tensor.insert_slice %w into %d[?{0|2|4}] [4] [1] : tensor<4x$T> into tensor<8x$T>",
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<2x2x$T>\n  %d = arith.constant ?d : tensor<4x4x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<2x2x$T>\n  %v = vector.insert %y, %v0 [0, 1] : $T into vector<2x2x$T>\n  %w = vector.transfer_write %v, %t[%c0, %c0] {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<2x2x$T>, tensor<2x2x$T>\n  %r = tensor.insert_slice %w into %d[?{0|2}, 1] [2, 2] [1, 1] : tensor<2x2x$T> into tensor<4x4x$T>",
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<2x$T>\n  %d = arith.constant ?d : tensor<8x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<2x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<2x$T>\n  %w = vector.transfer_write %v, %t[%c0] {in_bounds = [true]} : vector<2x$T>, tensor<2x$T>\n  %r = tensor.insert_slice %w into %d[?{0|1}] [2] [?{1|3}] : tensor<2x$T> into tensor<8x$T>",
    // Into a rank-reduced place (a leading unit dim), and a write of fewer elements than the tensor (a near miss).
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<2x3x$T>\n  %d = arith.constant ?d : tensor<3x2x4x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<2x?{3|3|2}x$T>\n  %v = vector.insert %y, %v0 [1, 1] : $T into vector<2x?{3|3|2}x$T>\n  %w = vector.transfer_write %v, %t[%c0, %c0] {in_bounds = [true, true]} : vector<2x?{3|3|2}x$T>, tensor<2x3x$T>\n  %r = tensor.insert_slice %w into %d[?{0|2}, 0, ?{0|1}] [1, 2, 3] [1, 1, 1] : tensor<2x3x$T> into tensor<3x2x4x$T>",
  ],
  root: InsertSliceOp,
  apply(op, rw) {
    if (!hasUnitStrides(op)) return rw.fail("the slice has non-unit strides");
    const writeOp = defining(op.source, TransferWriteOp);
    if (writeOp === undefined) return rw.fail("the source is not a transfer_write");
    const write = asTransfer(writeOp) as VectorTransfer;
    const vectorType = writeOp.vector.type;
    const written = writeOp.source.type as RankedTensorType;
    if (transferRank(write) === 0) return rw.fail("a 0-D transfer");
    if (!allInBounds(write)) return rw.fail("a dim may be out of bounds");
    if (vectorType.rank !== written.rank || writeOp.mask !== undefined || isMasked(writeOp)) return rw.fail("the write is masked or of another rank");
    if (vectorType.shape.some((d, i) => d !== written.shape[i])) return rw.fail("the write does not cover the whole tensor");
    if (!write.getPermutationMap().isIdentity()) return rw.fail("not an identity map");
    const dest = op.dest.type;
    const inferred = sliceType(dest, staticSizes(op));
    if (dest.rank > written.rank && !reducesOnlyLeadingDims(inferred, op.source.type, vectorType.rank)) return rw.fail("the slice drops a dim that is not leading");
    before(rw, op, () => {
      const indices = mixedOffsets(op).map((o) => indexValue(rw, o));
      rw.replaceOpWithNew(op, TransferWriteOp, {
        vector: writeOp.vector,
        source: op.dest,
        indices,
        permutation_map: AffineMapAttr.get(AffineMap.minorIdentity(dest.rank, vectorType.rank)),
        in_bounds: inBoundsAttr(new Array<boolean>(vectorType.rank).fill(true)),
        result: dest,
      } as never);
    });
    return rw.done();
  },
});

/** Whether two mixed entries are the same constant or the same value (MLIR's isEqualConstantIntOrValue). */
const sameEntry = (a: MixedIndex, b: MixedIndex): boolean => a === b;

/**
 * insert_slice(extract_slice(transfer_write(v, t)) at 0) of the same sizes, where the write overwrote `t` whole
 * -> insert_slice(transfer_write(v, extract_slice(dest))) (MLIR's SwapExtractSliceOfTransferWrite): the write
 * goes into the destination's slice, so it bufferizes in place. Only when the extract_slice and the write have
 * no other use.
 *
 *   %w = vector.transfer_write %v, %t[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<4xf32>
 *   %e = tensor.extract_slice %w[0] [2] [1] : tensor<4xf32> to tensor<2xf32>
 *   %r = tensor.insert_slice %e into %d[3] [2] [1] : tensor<2xf32> into tensor<8xf32>
 *     ->   %s = tensor.extract_slice %d[3] [2] [1] : tensor<8xf32> to tensor<2xf32>
 *          %w = vector.transfer_write %v, %s[%c0] {in_bounds = [false]} : vector<4xf32>, tensor<2xf32>
 *          %r = tensor.insert_slice %w into %d[3] [2] [1] : tensor<2xf32> into tensor<8xf32>
 */
export const swapExtractSliceOfTransferWrite = rewrite({
  name: "vector.swap-extract_slice-of-transfer_write",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<4x$T>\n  %d = arith.constant ?d : tensor<8x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [?{0|1|3}] : $T into vector<4x$T>\n  %w = vector.transfer_write %v, %t[%c0] {in_bounds = [true]} : vector<4x$T>, tensor<4x$T>\n  %e = tensor.extract_slice %w[?{0|0|1}] [2] [1] : tensor<4x$T> to tensor<2x$T>\n  %r = tensor.insert_slice %e into %d[?{0|3|6}] [2] [1] : tensor<2x$T> into tensor<8x$T>",
    // Near misses: the write at a non-zero index, a masked write, sizes that differ, a second use of the write.
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<4x$T>\n  %d = arith.constant ?d : tensor<8x$T>\n  %i = arith.constant ?{0|1} : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<4x$T>\n  %m = vector.constant_mask [?{2|4}] : vector<4xi1>\n  %w = vector.transfer_write %v, %t[%i], %m : vector<4x$T>, tensor<4x$T>\n  %e = tensor.extract_slice %w[0] [2] [1] : tensor<4x$T> to tensor<2x$T>\n  %r = tensor.insert_slice %e into %d[3] [2] [1] : tensor<2x$T> into tensor<8x$T>",
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<4x$T>\n  %d = arith.constant ?d : tensor<8x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<4x$T>\n  %w = vector.transfer_write %v, %t[%c0] {in_bounds = [true]} : vector<4x$T>, tensor<4x$T>\n  %e = tensor.extract_slice %w[0] [2] [1] : tensor<4x$T> to tensor<2x$T>\n  %r = tensor.insert_slice %e into %d[3] [2] [1] : tensor<2x$T> into tensor<8x$T>\n  %again = tensor.extract %w[%c0] : tensor<4x$T>",
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<2x3x$T>\n  %d = arith.constant ?d : tensor<4x4x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<3x2x$T>\n  %v = vector.insert %y, %v0 [2, 1] : $T into vector<3x2x$T>\n  %w = vector.transfer_write %v, %t[%c0, %c0] {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<3x2x$T>, tensor<2x3x$T>\n  %e = tensor.extract_slice %w[0, 0] [2, 2] [1, 1] : tensor<2x3x$T> to tensor<2x2x$T>\n  %r = tensor.insert_slice %e into %d[?{0|2}, ?{1|2}] [2, 2] [1, 1] : tensor<2x2x$T> into tensor<4x4x$T>",
  ],
  root: InsertSliceOp,
  apply(op, rw) {
    if (!hasUnitStrides(op)) return rw.fail("the insert has non-unit strides");
    const extract = defining(op.source, ExtractSliceOp);
    if (extract === undefined || !hasUnitStrides(extract) || !extract.result.hasOneUse) return rw.fail("the source is not a unit-stride extract_slice used once");
    const writeOp = defining(extract.source, TransferWriteOp);
    if (writeOp === undefined || writeOp.result === undefined || !writeOp.result.hasOneUse) return rw.fail("the slice is not of a transfer_write used once");
    const write = asTransfer(writeOp) as VectorTransfer;
    if (op.source.type.rank !== transferRank(write)) return rw.fail("the chain is rank-reducing");
    if (mixedOffsets(extract).some((o) => o !== 0)) return rw.fail("the extract_slice has a non-zero offset");
    if (writeOp.indices.some((i) => constIntValue(i) !== 0n)) return rw.fail("the transfer_write has a non-zero index");
    const insertSizes = mixedSizes(op);
    const extractSizes = mixedSizes(extract);
    if (insertSizes.some((s, i) => !sameEntry(s, extractSizes[i] as MixedIndex))) return rw.fail("the slices are of other sizes");
    const map = write.getPermutationMap();
    const vectorShape = writeOp.vector.type.shape;
    const permuted = (shape: readonly number[]) => Array.from({ length: map.numResults }, (_, r) => shape[map.getDimPosition(r)] as number);
    const written = permuted((writeOp.source.type as RankedTensorType).shape);
    if (writeOp.mask !== undefined || isMasked(writeOp) || written.some((d, i) => d !== vectorShape[i])) return rw.fail("the write may not overwrite the whole tensor");
    const inBounds = permuted(op.source.type.shape).map((d, i) => d === vectorShape[i]);
    before(rw, op, () => {
      const slice = rw.create(ExtractSliceOp, {
        source: op.dest,
        offsets: op.offsets,
        sizes: op.sizes,
        strides: op.strides,
        static_offsets: op.static_offsets,
        static_sizes: op.static_sizes,
        static_strides: op.static_strides,
        result: op.source.type,
      } as never);
      const newWrite = rw.create(TransferWriteOp, {
        vector: writeOp.vector,
        source: slice.result,
        indices: writeOp.indices,
        permutation_map: writeOp.permutation_map,
        in_bounds: inBoundsAttr(inBounds),
        result: op.source.type,
      } as never);
      rw.modifyInPlace(op, () => op.setOperand(0, newWrite.getResult(0)));
    });
    return rw.done();
  },
});

export const transferSlicePatterns: readonly Pattern[] = [transferReadOfExtractSlice, insertSliceOfTransferWrite, swapExtractSliceOfTransferWrite];
