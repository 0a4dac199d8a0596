/**
 * Folds of vector.shuffle, vector.insertelement, vector.extract_strided_slice and of the memory ops that look
 * through `memref.cast` (MLIR 16's ShuffleOp::fold, InsertElementOp::fold, ExtractStridedSliceOp::fold with
 * foldExtractStridedOpFromInsertChain, and the memref::foldMemRefCast calls of LoadOp, StoreOp, MaskedLoadOp,
 * MaskedStoreOp). Before/after IR on each; dialects/vector/fold.ts has the other folds.
 */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { VectorType } from "../../src/ir/types.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import { buildConstant, readFloats, readInts } from "../arith/fold-consts.ts";
import { foldMemRefCast } from "../memref/fold-cast.ts";
import { i64Array, i64sOf } from "./attrs.ts";

/** The elements of a constant (ints unsigned, floats as bit patterns), `count` of them (a splat repeated). */
export function elementsOf(a: Attribute | undefined, count: number): readonly bigint[] | undefined {
  const values = (readInts(a) ?? readFloats(a))?.values;
  if (values === undefined) return undefined;
  return values.length === 1 ? Array.from({ length: count }, () => values[0] as bigint) : values.length === count ? values : undefined;
}

/** Whether `mask` is `begin, begin + 1, ...` of length `width`. */
const isStep = (mask: readonly number[], begin: number, width: number): boolean => mask.length === width && mask.every((m, i) => m === begin + i);

/**
 * vector.shuffle: a mask that takes one operand whole and in order gives it; two 1-D constants give a constant.
 *
 *   vector.shuffle %a, %b [0, 1, 2, 3] : vector<4xf32>, vector<2xf32>                        ->  %a
 *   vector.shuffle %a, %b [4, 5] : vector<4xf32>, vector<2xf32>                              ->  %b
 *   vector.shuffle (dense<[1, 2]>), (dense<[3, 4]>) [3, 0] : vector<2xi32>, vector<2xi32>    ->  arith.constant dense<[4, 1]> : vector<2xi32>
 *
 * (A shuffle of 0-D vectors is 1-D: a canonicalization, not a fold.)
 */
export function foldShuffle(op: Operation, [lhs, rhs]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const v1 = op.getOperand(0).type as VectorType;
  const v2 = op.getOperand(1).type as VectorType;
  if (v1.rank === 0) return undefined;
  const mask = i64sOf(op.attr("mask") as Attribute);
  const n1 = v1.shape[0] as number;
  if (!v1.isScalable && isStep(mask, 0, n1)) return op.getOperand(0);
  if (!v1.isScalable && !v2.isScalable && isStep(mask, n1, v2.shape[0] as number)) return op.getOperand(1);
  // As MLIR 16: constants only when 1-D.
  if (v1.rank !== 1 || v1.isScalable || v2.isScalable) return undefined;
  const a = elementsOf(lhs, n1);
  const b = elementsOf(rhs, v2.shape[0] as number);
  if (a === undefined || b === undefined) return undefined;
  return buildConstant(op.getResult(0).type, mask.map((m) => (m < n1 ? a[m] : b[m - n1]) as bigint));
}

/**
 * vector.insertelement of a constant into a constant at a constant position -> a constant (MLIR 16 leaves a
 * 0-D destination alone; a position out of range is poison here and is left alone too).
 *
 *   vector.insertelement (arith.constant 7 : i32), (arith.constant dense<0> : vector<4xi32>)[(arith.constant 1 : i32) : i32]
 *     ->  arith.constant dense<[0, 7, 0, 0]> : vector<4xi32>
 */
export function foldInsertElement(op: Operation, [source, dest, position]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const type = op.getResult(0).type as VectorType;
  if (type.rank === 0 || type.isScalable) return undefined;
  const p = readInts(position)?.values[0];
  const n = type.shape[0] as number;
  const s = elementsOf(source, 1);
  const d = elementsOf(dest, n);
  if (p === undefined || s === undefined || d === undefined || p >= BigInt(n)) return undefined;
  const values = [...d];
  values[Number(p)] = s[0] as bigint;
  return buildConstant(type, values);
}

/**
 * vector.extract_strided_slice: the same type gives the source; a slice inside what an insert_strided_slice of
 * the same rank put in reads that insert's source, and one that misses it entirely looks further down the chain
 * of inserts (MLIR's foldExtractStridedOpFromInsertChain).
 *
 *   %i = vector.insert_strided_slice %s, %d {offsets = [2], strides = [1]} : vector<4xf32> into vector<8xf32>
 *   vector.extract_strided_slice %i {offsets = [3], sizes = [2], strides = [1]} : vector<8xf32> to vector<2xf32>
 *     ->  vector.extract_strided_slice %s {offsets = [1], sizes = [2], strides = [1]} : vector<4xf32> to vector<2xf32>
 *
 * MLIR 16 takes a slice that starts before the inserted interval for one that misses it (offsets [1], sizes [2]
 * above overlaps [2, 6) but is looked up below the insert, which reads the destination's element 2 instead of the
 * inserted one): Tensile looks further down only when the intervals do not meet on some dim.
 */
export function foldExtractStridedSlice(op: Operation): FoldResult | undefined {
  const src = op.getOperand(0);
  const result = op.getResult(0);
  if (src.type === result.type) return src;
  const offsets = i64sOf(op.attr("offsets") as Attribute);
  const sizes = i64sOf(op.attr("sizes") as Attribute);
  const rank = (src.type as VectorType).rank;
  for (let ins = src.definingOp; ins?.name === "vector.insert_strided_slice"; ins = ins.getOperand(1).definingOp) {
    const inserted = ins.getOperand(0).type as VectorType;
    if (inserted.rank !== rank) return undefined;
    const at = i64sOf(ins.attr("offsets") as Attribute);
    let inside = true;
    let misses = false;
    const diffs: number[] = [];
    for (let d = 0; d < offsets.length; d++) {
      const start = at[d] as number;
      const end = start + (inserted.shape[d] as number);
      const lo = offsets[d] as number;
      const hi = lo + (sizes[d] as number);
      if (hi <= start || lo >= end) misses = true;
      else if (lo < start || hi > end) inside = false;
      diffs.push(lo - start);
    }
    if (misses) continue;
    if (!inside) return undefined;
    op.setOperand(0, ins.getOperand(0));
    op.setAttr("offsets", i64Array(diffs));
    return result;
  }
  return undefined;
}

/**
 * vector.load / maskedload (a result) and vector.store / maskedstore (none) read or write through a
 * `memref.cast` of a ranked memref: they use the cast's source (MLIR's memref::foldMemRefCast).
 *
 *   %c = memref.cast %m : memref<8xf32> to memref<?xf32>
 *   vector.load %c[%i] : memref<?xf32>, vector<4xf32>     ->  vector.load %m[%i] : memref<8xf32>, vector<4xf32>
 */
export function foldThroughMemRefCast(op: Operation): FoldResult | readonly FoldResult[] | undefined {
  return foldMemRefCast(op) ? op.results : undefined;
}
