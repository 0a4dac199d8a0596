/**
 * MLIR 16's FoldOrthogonalPaddings (TensorOps.cpp): two slice-then-pad steps that pad different dims with the
 * same constant become one slice and one pad. The other pad patterns (zero padding, casts) are in
 * canonicalize-slice.ts.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import { defining } from "../../src/ir/defining.ts";
import { DYNAMIC, type IndexType, RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type MixedIndex, mixedList, splitMixed, staticList } from "../../src/irdl/dynamic-index-list.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { extractSliceArgs, staticsOf } from "../../dialects/tensor/build.ts";
import { ExtractSliceOp, mixedOffsets, mixedSizes, mixedStrides, PadOp } from "../../dialects/tensor/index.ts";
import { before } from "../arith/match.ts";
import { constantInt } from "./canonicalize-slice.ts";
import { opaque, tensorExample } from "./examples.ts";

/** The integer of a mixed entry (a static number or a constant value). */
const intOf = (e: MixedIndex): number | undefined => (typeof e === "number" ? e : constantInt(e));

const lowOf = (pad: PadOp): MixedIndex[] => mixedList(staticList(pad.static_low), pad.low);
const highOf = (pad: PadOp): MixedIndex[] => mixedList(staticList(pad.static_high), pad.high);

/** MLIR's PadOp::getPaddedDims: the dims a pad may pad (a low or high width not known to be 0). */
const paddedDims = (pad: PadOp): boolean[] => lowOf(pad).map((l, d) => intOf(l) !== 0 || intOf(highOf(pad)[d] as MixedIndex) !== 0);

/** MLIR's PadOp::getConstantPaddingValue, as the constant's attribute (undefined when not a constant). */
function paddingConstant(pad: PadOp): Attribute | undefined {
  const terminator = pad.region.blocks[0]?.terminator;
  if (terminator?.name !== "tensor.yield") return undefined;
  return constantAttr(terminator.getOperand(0));
}

/**
 * Two slice-then-pad steps padding different dims (high only, unit strides, with the same constant) are one.
 *
 *   %0 = tensor.extract_slice %t[16, 0] [%s0, 64] [1, 1] : tensor<64x64xf32> to tensor<?x64xf32>
 *   %1 = tensor.pad %0 low[0, 0] high[%p0, 0] { yield %cst } : tensor<?x64xf32> to tensor<8x64xf32>
 *   %2 = tensor.extract_slice %1[0, 4] [8, %s1] [1, 1] : tensor<8x64xf32> to tensor<8x?xf32>
 *   %r = tensor.pad %2 low[0, 0] high[0, %p1] { yield %cst } : tensor<8x?xf32> to tensor<8x4xf32>
 *     ->   %0 = tensor.extract_slice %t[16, 4] [%s0, %s1] [1, 1] : tensor<64x64xf32> to tensor<?x?xf32>
 *          %r = tensor.pad %0 low[0, 0] high[%p0, %p1] { yield %cst } : tensor<?x?xf32> to tensor<8x4xf32>
 */
export const orthogonalPaddings = rewrite({
  name: "tensor.pad-of-orthogonal-pad",
  examples: [
    tensorExample(`${opaque("t", [3, 3])}
  %cst = arith.constant ?c : $T
  %a = tensor.extract_slice %t[?{1|0}, 0] [2, 3] [1, 1] : tensor<3x3x$T> to tensor<2x3x$T>
  %b = tensor.pad %a low[0, 0] high[1, 0] {
  ^bb0(%p: index, %q: index):
    tensor.yield %cst : $T
  } : tensor<2x3x$T> to tensor<3x3x$T>
  %c = tensor.extract_slice %b[0, ?{1|0}] [3, 2] [1, 1] : tensor<3x3x$T> to tensor<3x2x$T>
  %r = tensor.pad %c low[0, 0] high[0, 2] {
  ^bb0(%p: index, %q: index):
    tensor.yield %cst : $T
  } : tensor<3x2x$T> to tensor<3x4x$T>`, 2),
  ],
  root: PadOp,
  apply(op, rw) {
    const inner = defining(op.source, ExtractSliceOp);
    const outer = inner === undefined ? undefined : defining(inner.source, PadOp);
    const outerSlice = outer === undefined || outer.nofold !== undefined ? undefined : defining(outer.source, ExtractSliceOp);
    if (inner === undefined || outer === undefined || outerSlice === undefined) return rw.fail("not a pad of a slice of a pad (without nofold) of a slice");
    const rank = inner.result.type.rank;
    if (outerSlice.source.type.rank !== rank) return rw.fail("a rank-reducing chain");
    const unit = (s: ExtractSliceOp): boolean => mixedStrides(s).every((e) => intOf(e) === 1);
    if (!unit(inner) || !unit(outerSlice)) return rw.fail("a slice with a non-unit stride");
    if (!lowOf(op).every((e) => intOf(e) === 0) || !lowOf(outer).every((e) => intOf(e) === 0)) return rw.fail("low padding");
    const [innerValue, outerValue] = [paddingConstant(op), paddingConstant(outer)];
    if (innerValue === undefined || innerValue !== outerValue) return rw.fail("not the same constant padding value");
    const [innerDims, outerDims] = [paddedDims(op), paddedDims(outer)];
    if (innerDims.some((p, d) => p && outerDims[d])) return rw.fail("a dim padded by both");
    const [innerOffsets, outerOffsets] = [mixedOffsets(inner), mixedOffsets(outerSlice)];
    const offsets: MixedIndex[] = [];
    for (let d = 0; d < rank; d++) {
      if (!innerDims[d] && intOf(innerOffsets[d] as MixedIndex) === 0) offsets.push(outerOffsets[d] as MixedIndex);
      else if (!outerDims[d] && intOf(outerOffsets[d] as MixedIndex) === 0) offsets.push(innerOffsets[d] as MixedIndex);
      else return rw.fail("no zero-offset, zero-padding pair in a dim");
    }
    const sizes = mixedSizes(inner);
    const outerSizes = mixedSizes(outerSlice);
    for (let d = 0; d < rank; d++) {
      if (!outerDims[d]) continue;
      const padded = inner.source.type.shape[d] as number;
      if (padded === DYNAMIC || intOf(sizes[d] as MixedIndex) !== padded) return rw.fail("the inner slice does not take the whole outer padding");
      sizes[d] = outerSizes[d] as MixedIndex;
    }
    const high: MixedIndex[] = Array.from({ length: rank }, (_, d) => (outerDims[d] ? highOf(outer)[d] : innerDims[d] ? highOf(op)[d] : 0) as MixedIndex);
    const source = outerSlice.source;
    before(rw, op, () => {
      const type = RankedTensorType.get(staticsOf(sizes), source.type.elementType);
      const slice = rw.create(ExtractSliceOp, extractSliceArgs(source, offsets, sizes, mixedStrides(inner), type));
      const [lo, hi] = [splitMixed(lowOf(op)), splitMixed(high)];
      const pad = PadOp.build(
        {
          source: slice.result as Value<RankedTensorType>,
          low: lo.dynamics as Value<IndexType>[],
          high: hi.dynamics as Value<IndexType>[],
          static_low: lo.staticAttr,
          static_high: hi.staticAttr,
          ...(op.nofold === undefined ? {} : { nofold: op.nofold }),
          result: op.result.type,
        },
        op.loc,
      ) as PadOp;
      pad.region.takeBody(op.region);
      rw.replaceOp(op, [rw.insert(pad).result]);
    });
    return rw.done();
  },
});

export const tensorPadPatterns: readonly Pattern[] = [orthogonalPaddings];
