/**
 * Canonicalization patterns of the vector dialect (MLIR 16's getCanonicalizationPatterns in VectorOps.cpp: the
 * ones a lowering pipeline leans on). The vector folds live with the ops (dialects/vector/fold.ts); these
 * patterns build new ops. A Context gets them by loading the `vectorCanonicalization` extension.
 *
 * Each pattern's comment shows its before/after IR; its examples are what the property tests grow programs
 * around (random inputs are scalars, so the vectors are built from them by broadcast and insert).
 */
import { IndexType, IntegerType, RankedTensorType, type Type, VectorType, elementTypeOrSelf } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { defining } from "../../src/ir/defining.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { asTransfer, isDimInBounds, isSameTransferAccess, transferRank, type VectorTransfer } from "../../src/interfaces/vector-transfer.ts";
import {
  AddFOp,
  AddIOp,
  AndIOp,
  MaxFOp,
  MaxSIOp,
  MaxUIOp,
  MinFOp,
  MinSIOp,
  MinUIOp,
  MulFOp,
  MulIOp,
  OrIOp,
  XOrIOp,
} from "../../dialects/arith/index.ts";
import {
  BroadcastOp,
  type CombiningKind,
  combiningKindOf,
  ConstantMaskOp,
  CreateMaskOp,
  ExtractOp,
  i64Array,
  i64sOf,
  isMasked,
  MultiDimReductionOp,
  ReductionOp,
  ShapeCastOp,
  SplatOp,
  TransferWriteOp,
  TransposeOp,
} from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";
import { contractTransferPatterns } from "./contract-transfer.ts";
import { insertShufflePatterns } from "./insert-shuffle.ts";
import { maskedMemoryPatterns } from "./masked-memory.ts";
import { stridedSlicePatterns } from "./strided-slice.ts";
import { transferSlicePatterns } from "./transfer-slices.ts";

/** Integer element types of examples (vector elements: any signless width and index). */
const INTS = ["i1", "i8", "i32", "i64", "index"];

/** MLIR's vector::makeArithReduction: `a ⊕ b` as the arith op of a combining kind. */
export function arithReduction(rw: PatternRewriter, kind: CombiningKind, a: Value, b: Value): Value {
  const isInt = elementTypeOrSelf(a.type) instanceof IntegerType || elementTypeOrSelf(a.type) instanceof IndexType;
  const args = { lhs: a, rhs: b } as never;
  switch (kind) {
    case "add":
      return (isInt ? rw.create(AddIOp, args) : rw.create(AddFOp, args)).getResult();
    case "mul":
      return (isInt ? rw.create(MulIOp, args) : rw.create(MulFOp, args)).getResult();
    case "minf":
      return rw.create(MinFOp, args).getResult();
    case "maxf":
      return rw.create(MaxFOp, args).getResult();
    case "minsi":
      return rw.create(MinSIOp, args).getResult();
    case "maxsi":
      return rw.create(MaxSIOp, args).getResult();
    case "minui":
      return rw.create(MinUIOp, args).getResult();
    case "maxui":
      return rw.create(MaxUIOp, args).getResult();
    case "and":
      return rw.create(AndIOp, args).getResult();
    case "or":
      return rw.create(OrIOp, args).getResult();
    case "xor":
      return rw.create(XOrIOp, args).getResult();
  }
}

// ---- broadcast, transpose, shape_cast, extract ------------------------------------------------------------------

/**
 * broadcast(broadcast(x)) -> broadcast(x) (MLIR's BroadcastFolder).
 *
 *   %a = vector.broadcast %x : f32 to vector<3xf32>
 *   %b = vector.broadcast %a : vector<3xf32> to vector<2x3xf32>    ->   %b = vector.broadcast %x : f32 to vector<2x3xf32>
 */
export const broadcastOfBroadcast = rewrite({
  name: "vector.broadcast-of-broadcast",
  examples: ["^bb0(%x: $T):\n  %a = vector.broadcast %x : $T to vector<3x$T>\n  %b = vector.broadcast %a : vector<3x$T> to vector<2x3x$T>"],
  root: BroadcastOp,
  apply(op, rw) {
    const inner = defining(op.source, BroadcastOp);
    if (inner === undefined) return rw.fail("the source is not a broadcast");
    before(rw, op, () => rw.replaceOpWithNew(op, BroadcastOp, { source: inner.source, vector: op.vector.type }));
    return rw.done();
  },
});

/**
 * transpose(transpose(x, p1), p2) -> transpose(x, p1∘p2) (MLIR's TransposeFolder); the identity it may give folds.
 *
 *   %a = vector.transpose %x, [1, 0] : vector<2x3xf32> to vector<3x2xf32>
 *   %b = vector.transpose %a, [1, 0] : vector<3x2xf32> to vector<2x3xf32>   ->   %b = vector.transpose %x, [0, 1] (folds to %x)
 */
export const transposeOfTranspose = rewrite({
  name: "vector.transpose-of-transpose",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %v = vector.broadcast %x : $T to vector<2x3x4x$T>\n  %w = vector.insert %y, %v [1, 2, 3] : $T into vector<2x3x4x$T>\n  %a = vector.transpose %w, [1, 2, 0] : vector<2x3x4x$T> to vector<3x4x2x$T>\n  %b = vector.transpose %a, ?{[2, 0, 1] : vector<3x4x2x$T> to vector<2x3x4x$T>|[1, 0, 2] : vector<3x4x2x$T> to vector<4x3x2x$T>}",
  ],
  root: TransposeOp,
  apply(op, rw) {
    const inner = defining(op.vector, TransposeOp);
    if (inner === undefined) return rw.fail("the source is not a transpose");
    const p1 = i64sOf(inner.transp);
    const perm = i64sOf(op.transp).map((i) => p1[i] as number);
    before(rw, op, () => rw.replaceOpWithNew(op, TransposeOp, { vector: inner.vector, transp: i64Array(perm), result: op.result.type }));
    return rw.done();
  },
});

/**
 * transpose(broadcast(scalar or one-element vector)) and transpose(splat) -> broadcast / splat of the result
 * type (MLIR's FoldTransposedScalarBroadcast and FoldTransposeSplat): every element is the same.
 *
 *   %b = vector.broadcast %s : f32 to vector<2x3xf32>
 *   %t = vector.transpose %b, [1, 0] : vector<2x3xf32> to vector<3x2xf32>   ->   %t = vector.broadcast %s : f32 to vector<3x2xf32>
 */
export const transposeOfUniform = rewrite({
  name: "vector.transpose-of-broadcast-or-splat",
  examples: [
    "^bb0(%x: $T):\n  %b = vector.broadcast %x : $T to vector<2x3x$T>\n  %t = vector.transpose %b, [1, 0] : vector<2x3x$T> to vector<3x2x$T>",
    "^bb0(%x: $T):\n  %b = vector.splat %x : vector<2x3x$T>\n  %t = vector.transpose %b, [1, 0] : vector<2x3x$T> to vector<3x2x$T>",
    // A broadcast of a vector with several elements is not uniform: no rewrite.
    "^bb0(%x: $T, %y: $T):\n  %v = vector.broadcast %x : $T to vector<3x$T>\n  %w = vector.insert %y, %v [1] : $T into vector<3x$T>\n  %b = vector.broadcast %w : vector<3x$T> to vector<2x3x$T>\n  %t = vector.transpose %b, [1, 0] : vector<2x3x$T> to vector<3x2x$T>",
  ],
  root: TransposeOp,
  apply(op, rw) {
    const def = op.vector.definingOp;
    const splat = defining(op.vector, SplatOp);
    if (splat !== undefined) {
      before(rw, op, () => rw.replaceOpWithNew(op, SplatOp, { input: splat.input, aggregate: op.result.type }));
      return rw.done();
    }
    const bcast = defining(op.vector, BroadcastOp);
    if (bcast === undefined) return rw.fail(`the source is ${def?.name ?? "an argument"}, not a broadcast or splat`);
    const src = bcast.source.type;
    if (src instanceof VectorType && src.shape.reduce((a, b) => a * b, 1) !== 1) return rw.fail("the broadcast source has several elements");
    before(rw, op, () => rw.replaceOpWithNew(op, BroadcastOp, { source: bcast.source, vector: op.result.type }));
    return rw.done();
  },
});

/**
 * shape_cast(broadcast(x)) -> broadcast(x) when x's shape is a suffix of the result's (MLIR's
 * ShapeCastBroadcastFolder).
 *
 *   %b = vector.broadcast %s : f32 to vector<2x3xf32>
 *   %c = vector.shape_cast %b : vector<2x3xf32> to vector<6xf32>   ->   %c = vector.broadcast %s : f32 to vector<6xf32>
 */
export const shapeCastOfBroadcast = rewrite({
  name: "vector.shape_cast-of-broadcast",
  examples: [
    "^bb0(%x: $T):\n  %b = vector.broadcast %x : $T to vector<2x3x$T>\n  %c = vector.shape_cast %b : vector<2x3x$T> to vector<6x$T>",
    "^bb0(%x: $T, %y: $T):\n  %v = vector.broadcast %x : $T to vector<3x$T>\n  %w = vector.insert %y, %v [?{0|2}] : $T into vector<3x$T>\n  %b = vector.broadcast %w : vector<3x$T> to vector<2x3x$T>\n  %c = vector.shape_cast %b : vector<2x3x$T> to ?{vector<1x2x3x$T>|vector<6x$T>}",
  ],
  root: ShapeCastOp,
  apply(op, rw) {
    const bcast = defining(op.source, BroadcastOp);
    if (bcast === undefined) return rw.fail("the source is not a broadcast");
    const srcShape = bcast.source.type instanceof VectorType ? bcast.source.type.shape : [];
    const target = op.result.type.shape;
    const suffix = target.slice(target.length - srcShape.length);
    if (srcShape.length > target.length || suffix.some((d, i) => d !== srcShape[i])) return rw.fail("the broadcast source's shape is not a suffix of the result's");
    before(rw, op, () => rw.replaceOpWithNew(op, BroadcastOp, { source: bcast.source, vector: op.result.type }));
    return rw.done();
  },
});

/**
 * extract(broadcast(x)) and extract(splat(x)) -> broadcast of x to the extracted type, when x has no more dims
 * than it (MLIR's ExtractOpFromBroadcast; the fold handles the case where the types are equal).
 *
 *   %b = vector.broadcast %s : f32 to vector<2x3xf32>
 *   %e = vector.extract %b[1] : vector<2x3xf32>    ->   %e = vector.broadcast %s : f32 to vector<3xf32>
 */
export const extractOfBroadcast = rewrite({
  name: "vector.extract-of-broadcast",
  examples: [
    "^bb0(%x: $T):\n  %b = vector.?{broadcast %x : $T to|splat %x :} vector<2x3x$T>\n  %e = vector.extract %b[1] : vector<2x3x$T>",
    "^bb0(%x: $T, %y: $T):\n  %v = vector.broadcast %x : $T to vector<3x$T>\n  %w = vector.insert %y, %v [2] : $T into vector<3x$T>\n  %b = vector.broadcast %w : vector<3x$T> to vector<2x4x3x$T>\n  %e = vector.extract %b[1] : vector<2x4x3x$T>",
  ],
  root: ExtractOp,
  apply(op, rw) {
    const def = op.vector.definingOp;
    if (def?.name !== "vector.broadcast" && def?.name !== "vector.splat") return rw.fail("the source is not a broadcast or splat");
    const source = def.getOperand(0);
    const resultType = op.result.type;
    if (resultType === source.type) return rw.fail("same types: the fold's case");
    const rank = (t: Type) => (t instanceof VectorType ? t.rank : 0);
    if (rank(resultType) < rank(source.type)) return rw.fail("the extracted value has fewer dims than the broadcast source");
    if (!(resultType instanceof VectorType)) return rw.fail("a scalar result of a 0-D source (MLIR's extractelement case)");
    before(rw, op, () => rw.replaceOpWithNew(op, BroadcastOp, { source, vector: resultType }));
    return rw.done();
  },
});

// ---- masks -------------------------------------------------------------------------------------------------------

/**
 * create_mask of constants -> constant_mask (MLIR's CreateMaskFolder): each bound clamped to its dim; any bound
 * <= 0 makes the whole mask empty (the only case folded for a scalable mask).
 *
 *   %c2 = arith.constant 2 : index
 *   %c9 = arith.constant 9 : index
 *   %m = vector.create_mask %c2, %c9 : vector<4x8xi1>   ->   %m = vector.constant_mask [2, 8] : vector<4x8xi1>
 */
export const createMaskOfConstants = rewrite({
  name: "vector.create_mask-of-constants",
  examples: [
    "%a = arith.constant ?{0|1|3|4|7|-2} : index\n  %b = arith.constant ?{0|2|5|9} : index\n  %m = vector.create_mask %a, %b : vector<4x5xi1>",
    "%a = arith.constant ?{0|1|6} : index\n  %m = vector.create_mask %a : vector<5xi1>",
  ],
  root: CreateMaskOp,
  apply(op, rw) {
    const bounds = op.dims.map((v) => (v.definingOp?.name === "arith.constant" ? constIntValue(v) : undefined));
    if (bounds.some((b) => b === undefined)) return rw.fail("a bound is not a constant");
    const type = op.result.type;
    // A scalable mask folds only when empty (a positive bound's lanes depend on vscale).
    if (type.isScalable && bounds.some((b) => (b as bigint) > 0n)) return rw.fail("a scalable mask with a positive bound");
    let sizes = bounds.map((b, i) => Math.min(Number(b), type.rank === 0 ? 1 : (type.shape[i] as number)));
    if (sizes.some((s) => s <= 0)) sizes = sizes.map(() => 0);
    before(rw, op, () => rw.replaceOpWithNew(op, ConstantMaskOp, { mask_dim_sizes: i64Array(sizes), result: type }));
    return rw.done();
  },
});

// ---- reductions ----------------------------------------------------------------------------------------------

const reductionKinds = (elementHole: string) =>
  elementHole === "F" ? "?{add|mul|minf|maxf}" : "?{add|mul|minsi|maxsi|minui|maxui|and|or|xor}";

/**
 * A reduction of a one-element vector -> its element, combined with the accumulator (MLIR's
 * ElideSingleElementReduction). Not under vector.mask.
 *
 *   %r = vector.reduction <add>, %v, %acc : vector<1xf32> into f32
 *     ->   %e = vector.extract %v[0] : vector<1xf32>
 *          %r = arith.addf %e, %acc : f32
 */
export const reductionOfOneElement = rewrite({
  name: "vector.reduction-of-one-element",
  examples: [
    { ir: `^bb0(%x: $T, %acc: $T):\n  %v = vector.broadcast %x : $T to vector<1x$T>\n  %r = vector.reduction <${reductionKinds("T")}>, %v?{|, %acc} : vector<1x$T> into $T`, types: { T: INTS } },
    `^bb0(%x: $F, %acc: $F):\n  %v = vector.broadcast %x : $F to vector<1x$F>\n  %r = vector.reduction <${reductionKinds("F")}>, %v?{|, %acc} : vector<1x$F> into $F`,
  ],
  root: ReductionOp,
  apply(op, rw) {
    if (isMasked(op)) return rw.fail("masked");
    const t = op.vector.type;
    if (t.rank !== 1 || t.shape[0] !== 1) return rw.fail("not a one-element 1-D vector");
    const acc = op.acc;
    before(rw, op, () => {
      const e = rw.create(ExtractOp, { vector: op.vector, position: i64Array([0]), result: op.dest.type }).getResult();
      rw.replaceOp(op, [acc === undefined ? e : arithReduction(rw, combiningKindOf(op.kind), e, acc)]);
    });
    return rw.done();
  },
});

/**
 * A multi_reduction whose reduced dims all have size 1 -> a shape_cast (or extract) combined with the
 * accumulator (MLIR's ElideUnitDimsInMultiDimReduction). Not under vector.mask.
 *
 *   %r = vector.multi_reduction <add>, %v, %acc [1] : vector<4x1xf32> to vector<4xf32>
 *     ->   %c = vector.shape_cast %v : vector<4x1xf32> to vector<4xf32>
 *          %r = arith.addf %acc, %c : vector<4xf32>
 */
export const multiReductionOfUnitDims = rewrite({
  name: "vector.multi_reduction-of-unit-dims",
  examples: [
    { ir: `^bb0(%x: $T, %acc: $T):\n  %v = vector.broadcast %x : $T to vector<1x1x$T>\n  %r = vector.multi_reduction <${reductionKinds("T")}>, %v, %acc [0, 1] : vector<1x1x$T> to $T`, types: { T: INTS } },
    `^bb0(%x: $F, %y: $F, %acc: $F):\n  %v = vector.broadcast %x : $F to vector<3x1x$F>\n  %w = vector.insert %y, %v [1, 0] : $F into vector<3x1x$F>\n  %a = vector.broadcast %acc : $F to vector<3x$F>\n  %r = vector.multi_reduction <${reductionKinds("F")}>, %w, %a [1] : vector<3x1x$F> to vector<3x$F>`,
    // A reduced dim of size 3: no rewrite.
    "^bb0(%x: $F, %acc: $F):\n  %v = vector.broadcast %x : $F to vector<3x$F>\n  %r = vector.multi_reduction <add>, %v, %acc [0] : vector<3x$F> to $F",
  ],
  root: MultiDimReductionOp,
  apply(op, rw) {
    if (isMasked(op)) return rw.fail("masked");
    const shape = op.source.type.shape;
    const dims = i64sOf(op.reduction_dims);
    if (dims.some((d) => shape[d] !== 1)) return rw.fail("a reduced dim is not of size 1");
    const dest = op.dest.type;
    before(rw, op, () => {
      const cast =
        dest instanceof VectorType
          ? rw.create(ShapeCastOp, { source: op.source, result: dest }).getResult()
          : rw.create(ExtractOp, { vector: op.source, position: i64Array(shape.map(() => 0)), result: dest }).getResult();
      rw.replaceOp(op, [arithReduction(rw, combiningKindOf(op.kind), op.acc, cast)]);
    });
    return rw.done();
  },
});

// ---- transfers -----------------------------------------------------------------------------------------------

/**
 * Write after write on a tensor: a transfer_write over a tensor just written at the same place with the same
 * shape, fully in bounds and unmasked, makes the first write dead (MLIR's FoldWaw).
 *
 *   %w0 = vector.transfer_write %v0, %t[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>
 *   %w1 = vector.transfer_write %v1, %w0[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>
 *     ->   %w1 = vector.transfer_write %v1, %t[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>
 */
export const transferWriteAfterWrite = rewrite({
  name: "vector.transfer_write-after-write",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<8x$T>\n  %c = arith.constant ?{0|2|4} : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v1 = vector.broadcast %y : $T to vector<4x$T>\n  %d = arith.constant ?{1|3} : index\n  %w0 = vector.transfer_write %v0, %t[%c] {in_bounds = [true]} : vector<4x$T>, tensor<8x$T>\n  %w1 = vector.transfer_write %v1, %w0[?{%c|%c|%d}] {in_bounds = [true]} : vector<4x$T>, tensor<8x$T>",
    // 2-D, both at [%i, %c0]; the second write covers fewer elements (a near miss) or the same.
    "^bb0(%x: $T, %y: $T):\n  %t = arith.constant ?t : tensor<3x4x$T>\n  %i = arith.constant ?{0|1|2} : index\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v1 = vector.broadcast %y : $T to vector<?{4|4|2}x$T>\n  %w0 = vector.transfer_write %v0, %t[%i, %c0] {in_bounds = [true]} : vector<4x$T>, tensor<3x4x$T>\n  %w1 = vector.transfer_write %v1, %w0[%i, %c0] {in_bounds = [true]} : vector<?{4|4|2}x$T>, tensor<3x4x$T>",
  ],
  root: TransferWriteOp,
  apply(op, rw) {
    if (!(op.source.type instanceof RankedTensorType)) return rw.fail("a write to memory, not a tensor");
    const prior = defining(op.source, TransferWriteOp);
    if (prior === undefined) return rw.fail("the destination is not a transfer_write");
    const t = asTransfer(op) as VectorTransfer;
    const p = asTransfer(prior) as VectorTransfer;
    const allInBounds = Array.from({ length: transferRank(t) }, (_, r) => isDimInBounds(t, r)).every((b) => b);
    if (!allInBounds || !isSameTransferAccess(t, p)) return rw.fail("the writes do not cover the same elements");
    rw.modifyInPlace(op, () => op.setOperand(1, prior.source));
    return rw.done();
  },
});

/** Every vector canonicalization pattern. */
export const vectorCanonicalizationPatterns: readonly Pattern[] = [
  broadcastOfBroadcast,
  transposeOfTranspose,
  transposeOfUniform,
  shapeCastOfBroadcast,
  extractOfBroadcast,
  createMaskOfConstants,
  reductionOfOneElement,
  multiReductionOfUnitDims,
  transferWriteAfterWrite,
  ...insertShufflePatterns,
  ...stridedSlicePatterns,
  ...maskedMemoryPatterns,
  ...contractTransferPatterns,
  ...transferSlicePatterns,
];

/** The patterns as an extension of the vector dialect, for a Context to load. */
export const vectorCanonicalization = defineDialectExtension({
  name: "vector-canonicalization",
  dialects: ["vector"],
  canonicalization: vectorCanonicalizationPatterns,
});

