/**
 * Canonicalization of the masked memory ops (MLIR 16's MaskedLoadFolder, MaskedStoreFolder, GatherFolder,
 * ScatterFolder, ExpandLoadFolder, CompressStoreFolder): a mask known to be all set or all clear at compile
 * time turns the op into its unmasked form, its pass_thru, or nothing. A mask is known when it is a
 * `vector.constant_mask` or an `arith.constant` of i1s (MLIR's getMaskFormat).
 *
 * Examples build a buffer, fill it with `vector.store`, run the masked op (under a constant mask that is all
 * set, all clear or partial: the near miss) and read the buffer back, so what a store wrote is observed.
 */
import { DenseElementsAttr } from "../../src/ir/attributes.ts";
import type { Value } from "../../src/ir/value.ts";
import { defining } from "../../src/ir/defining.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { type MatchResult, type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { readInts } from "../../dialects/arith/fold-consts.ts";
import {
  CompressStoreOp,
  ConstantMaskOp,
  ExpandLoadOp,
  GatherOp,
  i64sOf,
  LoadOp,
  MaskedLoadOp,
  MaskedStoreOp,
  ScatterOp,
  StoreOp,
} from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";

/** What is known of a mask at compile time (MLIR's MaskFormat). */
export type MaskFormat = "all-true" | "all-false" | "unknown";

/**
 * MLIR's getMaskFormat: a dense i1 constant whose bits are all set or all clear, or a constant_mask whose sizes
 * cover every dim (all set) or leave one empty (all clear). Anything else (a partial mask, create_mask, an
 * argument) is unknown. As MLIR, an empty constant (no elements) is unknown.
 */
export function maskFormat(mask: Value): MaskFormat {
  const cm = defining(mask, ConstantMaskOp);
  if (cm !== undefined) {
    const sizes = i64sOf(cm.mask_dim_sizes);
    const shape = cm.result.type.shape;
    if (sizes.every((s, i) => s >= (shape[i] as number))) return "all-true";
    if (sizes.some((s) => s <= 0)) return "all-false";
    return "unknown";
  }
  const attr = constantAttr(mask);
  if (!(attr instanceof DenseElementsAttr) || mask.definingOp?.name !== "arith.constant") return "unknown";
  const bits = readInts(attr)?.values;
  if (bits === undefined || bits.length === 0) return "unknown";
  if (bits.every((b) => b !== 0n)) return "all-true";
  if (bits.every((b) => b === 0n)) return "all-false";
  return "unknown";
}

/** maskedload / expandload under a known mask: all set, a plain load (every lane read in order); all clear, the pass_thru. */
function loadUnderKnownMask(op: MaskedLoadOp | ExpandLoadOp, rw: PatternRewriter): MatchResult {
  const format = maskFormat(op.mask);
  if (format === "unknown") return rw.fail("the mask is not known to be all set or all clear");
  if (format === "all-false") rw.replaceOp(op, [op.pass_thru]);
  else before(rw, op, () => rw.replaceOpWithNew(op, LoadOp, { base: op.base, indices: op.indices, result: op.result.type }));
  return rw.done();
}

/** maskedstore / compressstore under a known mask: all set, a plain store; all clear, nothing. */
function storeUnderKnownMask(op: MaskedStoreOp | CompressStoreOp, rw: PatternRewriter): MatchResult {
  const format = maskFormat(op.mask);
  if (format === "unknown") return rw.fail("the mask is not known to be all set or all clear");
  if (format === "all-false") rw.eraseOp(op);
  else before(rw, op, () => rw.replaceOpWithNew(op, StoreOp, { valueToStore: op.valueToStore, base: op.base, indices: op.indices }));
  return rw.done();
}

/** The memref %m: a buffer of 8 elements, every one stored, from the free scalars %x and %y. */
const BUFFER =
  "%m = memref.alloc() : memref<8x$T>\n  %c0 = arith.constant 0 : index\n  %x4 = vector.broadcast %x : $T to vector<4x$T>\n  %y4 = vector.broadcast %y : $T to vector<4x$T>\n  %c4 = arith.constant 4 : index\n  vector.store %x4, %m[%c0] : memref<8x$T>, vector<4x$T>\n  vector.store %y4, %m[%c4] : memref<8x$T>, vector<4x$T>";
/** A 4-lane mask %k: all set, all clear or partial (constant_mask or a dense constant). */
const MASK4 = "%k = ?{vector.constant_mask [4]|vector.constant_mask [0]|vector.constant_mask [2]|arith.constant dense<true>|arith.constant dense<false>|arith.constant dense<[true, false, true, true]>} : vector<4xi1>";
/** Reads the whole buffer back (what the stores wrote is observed). */
const READ_BACK = "%after = vector.load %m[%c0] : memref<8x$T>, vector<8x$T>";
/** A start index %at that keeps a 4-lane access inside the buffer. */
const AT = "%at = arith.constant ?{0|1|4} : index";

/**
 * maskedload under an all-set mask -> load; under an all-clear mask -> its pass_thru (MLIR's MaskedLoadFolder).
 *
 *   %k = vector.constant_mask [4] : vector<4xi1>
 *   %r = vector.maskedload %m[%i], %k, %pass : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
 *     ->   %r = vector.load %m[%i] : memref<8xf32>, vector<4xf32>
 *   (with vector.constant_mask [0]: %r is %pass)
 */
export const maskedLoadOfConstantMask = rewrite({
  name: "vector.maskedload-of-constant-mask",
  examples: [
    `^bb0(%x: $T, %y: $T, %p: $T):\n  ${BUFFER}\n  ${AT}\n  ${MASK4}\n  %pass = vector.broadcast %p : $T to vector<4x$T>\n  %r = vector.maskedload %m[%at], %k, %pass : memref<8x$T>, vector<4xi1>, vector<4x$T> into vector<4x$T>`,
  ],
  root: MaskedLoadOp,
  apply: loadUnderKnownMask,
});

/**
 * maskedstore under an all-set mask -> store; under an all-clear mask -> erased (MLIR's MaskedStoreFolder).
 *
 *   %k = vector.constant_mask [4] : vector<4xi1>
 *   vector.maskedstore %m[%i], %k, %v : memref<8xf32>, vector<4xi1>, vector<4xf32>
 *     ->   vector.store %v, %m[%i] : memref<8xf32>, vector<4xf32>
 *   (with vector.constant_mask [0]: nothing)
 */
export const maskedStoreOfConstantMask = rewrite({
  name: "vector.maskedstore-of-constant-mask",
  examples: [
    `^bb0(%x: $T, %y: $T, %z: $T):\n  ${BUFFER}\n  ${AT}\n  ${MASK4}\n  %v = vector.broadcast %z : $T to vector<4x$T>\n  vector.maskedstore %m[%at], %k, %v : memref<8x$T>, vector<4xi1>, vector<4x$T>\n  ${READ_BACK}`,
  ],
  root: MaskedStoreOp,
  apply: storeUnderKnownMask,
});

/**
 * gather under an all-clear mask -> its pass_thru (MLIR's GatherFolder; an all-set gather has no unmasked form).
 *
 *   %k = vector.constant_mask [0] : vector<4xi1>
 *   %r = vector.gather %m[%c0] [%idx], %k, %pass : memref<8xf32>, vector<4xindex>, vector<4xi1>, vector<4xf32> into vector<4xf32>
 *     ->   %r is %pass
 */
export const gatherOfConstantMask = rewrite({
  name: "vector.gather-of-constant-mask",
  examples: [
    `^bb0(%x: $T, %y: $T, %p: $T):\n  ${BUFFER}\n  %idx = arith.constant dense<[7, 0, 3, 3]> : vector<4xindex>\n  ${MASK4}\n  %pass = vector.broadcast %p : $T to vector<4x$T>\n  %r = vector.gather %m[%c0] [%idx], %k, %pass : memref<8x$T>, vector<4xindex>, vector<4xi1>, vector<4x$T> into vector<4x$T>`,
  ],
  root: GatherOp,
  apply(op, rw) {
    if (maskFormat(op.mask) !== "all-false") return rw.fail("the mask is not known to be all clear");
    rw.replaceOp(op, [op.pass_thru]);
    return rw.done();
  },
});

/**
 * scatter under an all-clear mask -> erased (MLIR's ScatterFolder).
 *
 *   %k = vector.constant_mask [0] : vector<4xi1>
 *   vector.scatter %m[%c0] [%idx], %k, %v : memref<8xf32>, vector<4xindex>, vector<4xi1>, vector<4xf32>   ->   (nothing)
 */
export const scatterOfConstantMask = rewrite({
  name: "vector.scatter-of-constant-mask",
  examples: [
    `^bb0(%x: $T, %y: $T, %z: $T):\n  ${BUFFER}\n  %idx = arith.constant dense<[7, 0, 3, 3]> : vector<4xindex>\n  ${MASK4}\n  %v = vector.broadcast %z : $T to vector<4x$T>\n  vector.scatter %m[%c0] [%idx], %k, %v : memref<8x$T>, vector<4xindex>, vector<4xi1>, vector<4x$T>\n  ${READ_BACK}`,
  ],
  root: ScatterOp,
  apply(op, rw) {
    if (maskFormat(op.mask) !== "all-false") return rw.fail("the mask is not known to be all clear");
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * expandload under an all-set mask -> load; under an all-clear mask -> its pass_thru (MLIR's ExpandLoadFolder).
 *
 *   %k = vector.constant_mask [4] : vector<4xi1>
 *   %r = vector.expandload %m[%i], %k, %pass : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
 *     ->   %r = vector.load %m[%i] : memref<8xf32>, vector<4xf32>
 */
export const expandLoadOfConstantMask = rewrite({
  name: "vector.expandload-of-constant-mask",
  examples: [
    `^bb0(%x: $T, %y: $T, %p: $T):\n  ${BUFFER}\n  ${AT}\n  ${MASK4}\n  %pass = vector.broadcast %p : $T to vector<4x$T>\n  %r = vector.expandload %m[%at], %k, %pass : memref<8x$T>, vector<4xi1>, vector<4x$T> into vector<4x$T>`,
  ],
  root: ExpandLoadOp,
  apply: loadUnderKnownMask,
});

/**
 * compressstore under an all-set mask -> store; under an all-clear mask -> erased (MLIR's CompressStoreFolder).
 *
 *   %k = vector.constant_mask [4] : vector<4xi1>
 *   vector.compressstore %m[%i], %k, %v : memref<8xf32>, vector<4xi1>, vector<4xf32>
 *     ->   vector.store %v, %m[%i] : memref<8xf32>, vector<4xf32>
 */
export const compressStoreOfConstantMask = rewrite({
  name: "vector.compressstore-of-constant-mask",
  examples: [
    `^bb0(%x: $T, %y: $T, %z: $T):\n  ${BUFFER}\n  ${AT}\n  ${MASK4}\n  %v0 = vector.broadcast %z : $T to vector<4x$T>\n  %v = vector.insert %x, %v0 [2] : $T into vector<4x$T>\n  vector.compressstore %m[%at], %k, %v : memref<8x$T>, vector<4xi1>, vector<4x$T>\n  ${READ_BACK}`,
  ],
  root: CompressStoreOp,
  apply: storeUnderKnownMask,
});

/** The masked memory patterns. */
export const maskedMemoryPatterns: readonly Pattern[] = [
  maskedLoadOfConstantMask,
  maskedStoreOfConstantMask,
  gatherOfConstantMask,
  scatterOfConstantMask,
  expandLoadOfConstantMask,
  compressStoreOfConstantMask,
];
