/**
 * The vector dialect's ops that build, slice and reshape vectors (MLIR 16's VectorOps.td), all with the
 * declarative syntax MLIR 16 gives them:
 *
 *   %b = vector.broadcast %s : f32 to vector<4x8xf32>
 *   %e = vector.extract %m[1, 2] : vector<4x8xf32>
 *   %i = vector.insert %v, %m [1] : vector<8xf32> into vector<4x8xf32>
 *   %s = vector.shuffle %a, %b [0, 7, 3] : vector<4xf32>, vector<4xf32>
 *   %x = vector.extract_strided_slice %m {offsets = [0, 2], sizes = [2, 4], strides = [1, 1]} : vector<4x8xf32> to vector<2x4xf32>
 *   %c = vector.shape_cast %m : vector<4x8xf32> to vector<32xf32>
 *   %t = vector.transpose %m, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
 */
import { Pure } from "../../src/ir/traits.ts";
import { bitWidth, IndexType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyType, I64Attr, Index, SignlessIntegerOrIndex } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { optional, variadic } from "../../src/irdl/spec.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { I64ArrayAttrC, i64sOf } from "./attrs.ts";
import {
  AnyVector,
  AnyVectorOfAnyRank,
  ScalableVectorOfRank1,
  SplatElement,
  VectorOfAnyRankOfFloat,
  VectorOfRank1,
} from "./constraints.ts";
import {
  foldBitCast,
  foldBroadcast,
  foldExtract,
  foldExtractElement,
  foldInsert,
  foldSameTypeSlice,
  foldShapeCast,
  foldSplat,
  foldTranspose,
} from "./fold.ts";
import { foldExtractStridedSlice, foldInsertElement, foldShuffle } from "./fold-slices.ts";
import { arrayConfinedToRange, arrayConfinedToShape, arrayNotLongerThanShape, firstError, sameElementType, sumConfinedToShape } from "./verify-util.ts";

const vectorTypeOf = (v: Value): VectorType => v.type as VectorType;

// ---- broadcast -----------------------------------------------------------------------------------------------

export type BroadcastResult = "ok" | "source-not-vector" | "source-rank-higher" | { readonly mismatch: readonly [number, number] };

/** MLIR's isBroadcastableTo: a scalar of the element type, or a vector whose trailing dims are 1 or equal. */
export function isBroadcastableTo(source: Type, dest: VectorType): BroadcastResult {
  if (!(source instanceof VectorType)) return source === dest.elementType ? "ok" : "source-not-vector";
  const lead = dest.rank - source.rank;
  if (lead < 0) return "source-rank-higher";
  for (let r = 0; r < source.rank; r++) {
    const s = source.shape[r] as number;
    const d = dest.shape[lead + r] as number;
    if (s !== 1 && s !== d) return { mismatch: [s, d] };
  }
  return "ok";
}

export const BroadcastOp = defineOp(
  {
    name: "vector.broadcast",
    summary: "broadcast operation",
    operands: { source: AnyType },
    results: { vector: AnyVectorOfAnyRank },
    traits: [Pure],
    format: "$source attr-dict `:` type($source) `to` type($vector)",
  },
  {
    fold: foldBroadcast,
    verify(op) {
      const same = sameElementType(op, op.vector.type, op.source.type, "source operand and result have same element type");
      if (same !== undefined) return same;
      const r = isBroadcastableTo(op.source.type, op.vector.type);
      if (r === "ok") return undefined;
      if (r === "source-rank-higher") return opError(op, "source rank higher than destination rank");
      if (r === "source-not-vector") return opError(op, "source type is not a vector");
      return opError(op, `dimension mismatch (${r.mismatch[0]} vs. ${r.mismatch[1]})`);
    },
  },
);
export type BroadcastOp = InstanceType<typeof BroadcastOp>;

// ---- shuffle ---------------------------------------------------------------------------------------------------

export const ShuffleOp = defineOp(
  {
    name: "vector.shuffle",
    summary: "shuffle operation",
    operands: { v1: AnyVectorOfAnyRank, v2: AnyVectorOfAnyRank },
    results: { vector: AnyVector },
    attributes: { mask: I64ArrayAttrC },
    traits: [Pure],
    format: "operands $mask attr-dict `:` type(operands)",
  },
  {
    fold: foldShuffle,
    inferResultTypes(operands, attributes) {
      const v1 = operands[0]?.type;
      const mask = attributes.get("mask");
      if (!(v1 instanceof VectorType) || mask === undefined) return undefined;
      return [VectorType.get([Math.max(1, i64sOf(mask).length), ...v1.shape.slice(1)], v1.elementType)];
    },
    verify(op) {
      const res = op.vector.type;
      const v1 = vectorTypeOf(op.v1);
      const v2 = vectorTypeOf(op.v2);
      return firstError(
        () => sameElementType(op, res, v1, "first operand v1 and result have same element type"),
        () => sameElementType(op, res, v2, "second operand v2 and result have same element type"),
        () => {
          const wellFormed0D = v1.rank === 0 && v2.rank === 0 && res.rank === 1;
          const wellFormedND = v1.rank === res.rank && v2.rank === res.rank;
          if (!wellFormed0D && !wellFormedND) return opError(op, "rank mismatch");
          for (let r = 1; r < v1.rank; r++) {
            if (res.shape[r] !== v1.shape[r] || v1.shape[r] !== v2.shape[r]) return opError(op, "dimension mismatch");
          }
          const mask = i64sOf(op.mask);
          if (mask.length <= 0) return opError(op, "invalid mask length");
          if (mask.length !== res.shape[0]) return opError(op, "mask length mismatch");
          const indexSize = (v1.rank === 0 ? 1 : (v1.shape[0] as number)) + (v2.rank === 0 ? 1 : (v2.shape[0] as number));
          const bad = mask.findIndex((m) => m < 0 || m >= indexSize);
          return bad >= 0 ? opError(op, `mask index #${bad + 1} out of range`) : undefined;
        },
      );
    },
  },
);
export type ShuffleOp = InstanceType<typeof ShuffleOp>;

// ---- extractelement / insertelement (0-D and 1-D, dynamic position) ------------------------------------------

/** Shared by extractelement and insertelement: 0-D vectors take no position, 1-D ones one. */
function verifyElementPosition(op: import("../../src/ir/operation.ts").Operation, vectorType: VectorType, position: Value | undefined) {
  if (vectorType.rank === 0) return position === undefined ? undefined : opError(op, "expected position to be empty with 0-D vector");
  if (vectorType.rank !== 1) return opError(op, "unexpected >1 vector rank");
  return position === undefined ? opError(op, "expected position for 1-D vector") : undefined;
}

export const ExtractElementOp = defineOp(
  {
    name: "vector.extractelement",
    summary: "extractelement operation",
    operands: { vector: AnyVectorOfAnyRank, position: optional(SignlessIntegerOrIndex) },
    results: { result: AnyType },
    traits: [Pure],
    typesMatchWith: [
      {
        from: "vector",
        to: "result",
        transform: (t) => (t instanceof VectorType ? t.elementType : undefined),
        summary: "result type matches element type of vector operand",
      },
    ],
    format: "$vector `[` ($position^ `:` type($position))? `]` attr-dict `:` type($vector)",
  },
  { verify: (op) => verifyElementPosition(op, op.vector.type, op.position), fold: foldExtractElement },
);
export type ExtractElementOp = InstanceType<typeof ExtractElementOp>;

export const InsertElementOp = defineOp(
  {
    name: "vector.insertelement",
    summary: "insertelement operation",
    operands: { source: AnyType, dest: AnyVectorOfAnyRank, position: optional(SignlessIntegerOrIndex) },
    results: { result: AnyVectorOfAnyRank },
    traits: [Pure],
    allTypesMatch: [["dest", "result"]],
    typesMatchWith: [
      {
        from: "result",
        to: "source",
        transform: (t) => (t instanceof VectorType ? t.elementType : undefined),
        summary: "source operand type matches element type of result",
      },
    ],
    format: "$source `,` $dest `[` ($position^ `:` type($position))? `]` attr-dict `:` type($result)",
  },
  { verify: (op) => verifyElementPosition(op, op.dest.type, op.position), fold: foldInsertElement },
);
export type InsertElementOp = InstanceType<typeof InsertElementOp>;

// ---- extract / insert (static position) ----------------------------------------------------------------------

/** The type `vector.extract` at `position` gives: the element when the position is full, else the trailing vector. */
export function extractResultType(vectorType: VectorType, position: number): Type {
  if (position === vectorType.rank) return vectorType.elementType;
  const n = Math.min(position, vectorType.rank - 1);
  return VectorType.get(vectorType.shape.slice(n), vectorType.elementType, vectorType.scalableDims.slice(n));
}

export const ExtractOp = defineOp(
  {
    name: "vector.extract",
    summary: "extract operation",
    operands: { vector: AnyVector },
    results: { result: AnyType },
    attributes: { position: I64ArrayAttrC },
    traits: [Pure],
    format: "$vector `` $position attr-dict `:` type($vector)",
  },
  {
    fold: foldExtract,
    inferResultTypes(operands, attributes) {
      const v = operands[0]?.type;
      const position = attributes.get("position");
      if (!(v instanceof VectorType) || position === undefined) return undefined;
      return [extractResultType(v, i64sOf(position).length)];
    },
    verify(op) {
      const same = sameElementType(op, op.result.type, op.vector.type, "operand and result have same element type");
      if (same !== undefined) return same;
      const position = i64sOf(op.position);
      const vt = op.vector.type;
      if (position.length > vt.rank) return opError(op, "expected position attribute of rank smaller than vector rank");
      const bad = position.findIndex((p, i) => p < 0 || p >= (vt.shape[i] as number));
      if (bad >= 0) {
        return opError(op, `expected position attribute #${bad + 1} to be a non-negative integer smaller than the corresponding vector dimension`);
      }
      return undefined;
    },
  },
);
export type ExtractOp = InstanceType<typeof ExtractOp>;

export const InsertOp = defineOp(
  {
    name: "vector.insert",
    summary: "insert operation",
    operands: { source: AnyType, dest: AnyVector },
    results: { res: AnyVector },
    attributes: { position: I64ArrayAttrC },
    traits: [Pure],
    allTypesMatch: [["dest", "res"]],
    format: "$source `,` $dest $position attr-dict `:` type($source) `into` type($dest)",
  },
  {
    fold: (op) => foldInsert(op),
    verify(op) {
      const same = sameElementType(op, op.res.type, op.source.type, "source operand and result have same element type");
      if (same !== undefined) return same;
      const position = i64sOf(op.position);
      const dest = op.dest.type;
      const src = op.source.type;
      if (position.length > dest.rank) return opError(op, "expected position attribute of rank smaller than dest vector rank");
      if (src instanceof VectorType && src.rank + position.length !== dest.rank) {
        return opError(op, "expected position attribute rank + source rank to match dest vector rank");
      }
      if (!(src instanceof VectorType) && position.length !== dest.rank) {
        return opError(op, "expected position attribute rank to match the dest vector rank");
      }
      const bad = position.findIndex((p, i) => p < 0 || p >= (dest.shape[i] as number));
      if (bad >= 0) {
        return opError(
          op,
          `expected position attribute #${bad + 1} to be a non-negative integer smaller than the corresponding dest vector dimension`,
        );
      }
      return undefined;
    },
  },
);
export type InsertOp = InstanceType<typeof InsertOp>;

// ---- scalable.insert / scalable.extract ----------------------------------------------------------------------

const numElementsOf = (t: VectorType): number => t.shape.reduce((a, b) => a * b, 1);

export const ScalableInsertOp = defineOp(
  {
    name: "vector.scalable.insert",
    summary: "insert subvector into scalable vector operation",
    operands: { source: VectorOfRank1, dest: ScalableVectorOfRank1 },
    results: { res: ScalableVectorOfRank1 },
    attributes: { pos: I64Attr },
    traits: [Pure],
    allTypesMatch: [["dest", "res"]],
    format: "$source `,` $dest `[` $pos `]` attr-dict `:` type($source) `into` type($dest)",
  },
  {
    verify(op) {
      if (op.source.type.elementType !== op.dest.type.elementType) {
        return opError(op, "failed to verify that all of {source, dest} have same element type");
      }
      return Number(op.pos.value) % numElementsOf(op.source.type) === 0
        ? undefined
        : opError(op, "failed to verify that position is a multiple of the source length.");
    },
  },
);
export type ScalableInsertOp = InstanceType<typeof ScalableInsertOp>;

export const ScalableExtractOp = defineOp(
  {
    name: "vector.scalable.extract",
    summary: "extract subvector from scalable vector operation",
    operands: { source: ScalableVectorOfRank1 },
    results: { res: VectorOfRank1 },
    attributes: { pos: I64Attr },
    traits: [Pure],
    format: "$source `[` $pos `]` attr-dict `:` type($res) `from` type($source)",
  },
  {
    verify(op) {
      if (op.source.type.elementType !== op.res.type.elementType) {
        return opError(op, "failed to verify that all of {source, res} have same element type");
      }
      return Number(op.pos.value) % numElementsOf(op.res.type) === 0
        ? undefined
        : opError(op, "failed to verify that position is a multiple of the result length.");
    },
  },
);
export type ScalableExtractOp = InstanceType<typeof ScalableExtractOp>;

// ---- strided slices --------------------------------------------------------------------------------------------

export const InsertStridedSliceOp = defineOp(
  {
    name: "vector.insert_strided_slice",
    summary: "strided_slice operation",
    operands: { source: AnyVector, dest: AnyVector },
    results: { res: AnyVector },
    attributes: { offsets: I64ArrayAttrC, strides: I64ArrayAttrC },
    traits: [Pure],
    allTypesMatch: [["dest", "res"]],
    format: "$source `,` $dest attr-dict `:` type($source) `into` type($dest)",
  },
  {
    fold: (op) => foldSameTypeSlice(op),
    verify(op) {
      const same = sameElementType(op, op.res.type, op.source.type, "operand #0 and result have same element type");
      if (same !== undefined) return same;
      const src = op.source.type;
      const dest = op.dest.type;
      const offsets = i64sOf(op.offsets);
      const strides = i64sOf(op.strides);
      if (offsets.length !== dest.rank) return opError(op, "expected offsets of same size as destination vector rank");
      if (strides.length !== src.rank) return opError(op, "expected strides of same size as source vector rank");
      if (src.rank > dest.rank) return opError(op, "expected source rank to be smaller than destination rank");
      const srcAsDest = [...new Array<number>(dest.rank - src.rank).fill(0), ...src.shape];
      return firstError(
        () => arrayConfinedToShape(op, offsets, dest.shape, "offsets"),
        () => arrayConfinedToRange(op, strides, 1, 1, "strides", false),
        () => sumConfinedToShape(op, offsets, srcAsDest, dest.shape, "offsets", "source vector shape", false, 1),
      );
    },
  },
);
export type InsertStridedSliceOp = InstanceType<typeof InsertStridedSliceOp>;

/** The result type of extract_strided_slice: `sizes` on the leading dims, the source's on the rest. */
export function stridedSliceResultType(source: VectorType, sizes: readonly number[]): VectorType {
  return VectorType.get([...sizes, ...source.shape.slice(sizes.length)], source.elementType);
}

export const ExtractStridedSliceOp = defineOp(
  {
    name: "vector.extract_strided_slice",
    summary: "extract_strided_slice operation",
    operands: { vector: AnyVector },
    results: { result: AnyVector },
    attributes: { offsets: I64ArrayAttrC, sizes: I64ArrayAttrC, strides: I64ArrayAttrC },
    traits: [Pure],
    format: "$vector attr-dict `:` type($vector) `to` type(results)",
  },
  {
    fold: (op) => foldExtractStridedSlice(op),
    verify(op) {
      const same = sameElementType(op, op.result.type, op.vector.type, "operand and result have same element type");
      if (same !== undefined) return same;
      const offsets = i64sOf(op.offsets);
      const sizes = i64sOf(op.sizes);
      const strides = i64sOf(op.strides);
      if (offsets.length !== sizes.length || offsets.length !== strides.length) {
        return opError(op, "expected offsets, sizes and strides attributes of same size");
      }
      const shape = op.vector.type.shape;
      return firstError(
        () => arrayNotLongerThanShape(op, offsets, shape, "offsets"),
        () => arrayNotLongerThanShape(op, sizes, shape, "sizes"),
        () => arrayNotLongerThanShape(op, strides, shape, "strides"),
        () => arrayConfinedToShape(op, offsets, shape, "offsets"),
        () => arrayConfinedToShape(op, sizes, shape, "sizes", false, 1),
        () => arrayConfinedToRange(op, strides, 1, 1, "strides", false),
        () => sumConfinedToShape(op, offsets, sizes, shape, "offsets", "sizes", false),
        () => {
          const expected = stridedSliceResultType(op.vector.type, sizes);
          return op.result.type === expected ? undefined : opError(op, `expected result type to be ${quotedType(expected)}`);
        },
      );
    },
  },
);
export type ExtractStridedSliceOp = InstanceType<typeof ExtractStridedSliceOp>;

// ---- reshape, shape_cast, bitcast, transpose -----------------------------------------------------------------

export const ReshapeOp = defineOp(
  {
    name: "vector.reshape",
    summary: "vector reshape operation",
    operands: { vector: AnyVector, input_shape: variadic(Index), output_shape: variadic(Index) },
    results: { result: AnyVector },
    attributes: { fixed_vector_sizes: I64ArrayAttrC },
    traits: [Pure],
    format: "$vector `,` `[` $input_shape `]` `,` `[` $output_shape `]` `,` $fixed_vector_sizes attr-dict `:` type($vector) `to` type($result)",
  },
  {
    verify(op) {
      const input = op.vector.type;
      const output = op.result.type;
      const fixed = i64sOf(op.fixed_vector_sizes);
      if (input.rank !== op.input_shape.length + fixed.length) return opEmitError(op, `invalid input shape for vector type ${quotedType(input)}`);
      if (output.rank !== op.output_shape.length + fixed.length) return opEmitError(op, `invalid output shape for vector type ${quotedType(output)}`);
      // MLIR 16 compares fixed size i with the dim `rank - #fixed - i` (sic): kept, so the same IR verifies.
      for (let i = 0; i < fixed.length; i++) {
        if (fixed[i] !== input.shape[input.rank - fixed.length - i]) return opEmitError(op, `fixed vector size must match input vector for dim ${i}`);
      }
      for (let i = 0; i < fixed.length; i++) {
        if (fixed[i] !== output.shape[output.rank - fixed.length - i]) return opEmitError(op, `fixed vector size must match output vector for dim ${i}`);
      }
      const constants = (vs: readonly Value[]) => vs.map((v) => (v.definingOp?.name === "arith.constant" ? constIntValue(v) : undefined));
      const ins = constants(op.input_shape);
      const outs = constants(op.output_shape);
      if (ins.every((c) => c !== undefined) && outs.every((c) => c !== undefined)) {
        const product = (cs: readonly (bigint | undefined)[]) => cs.reduce((a: bigint, b) => a * (b as bigint), 1n);
        if (product(ins) !== product(outs)) return opEmitError(op, "product of input and output shape sizes must match");
      }
      return undefined;
    },
  },
);
export type ReshapeOp = InstanceType<typeof ReshapeOp>;

/** MLIR's isValidShapeCast: the longer shape `b` collapses into the shorter `a` by grouping adjacent dims. */
function isValidShapeCast(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const dimA = a[i] as number;
    let dimB = 1;
    while (dimB < dimA && j < b.length) dimB *= b[j++] as number;
    if (dimA !== dimB) break;
    ++i;
    if (i < a.length && a.slice(i).every((v) => v === 1)) i = a.length;
    if (j < b.length && b.slice(j).every((v) => v === 1)) j = b.length;
  }
  return i === a.length && j === b.length;
}

export const ShapeCastOp = defineOp(
  {
    name: "vector.shape_cast",
    summary: "shape_cast casts between vector shapes",
    operands: { source: AnyVector },
    results: { result: AnyVector },
    traits: [Pure],
    format: "$source attr-dict `:` type($source) `to` type($result)",
  },
  {
    fold: foldShapeCast,
    verify(op) {
      const src = op.source.type;
      const res = op.result.type;
      if (src.elementType !== res.elementType) return opError(op, "source/result vectors must have same element type");
      if (numElementsOf(src) !== numElementsOf(res)) return opError(op, "source/result number of elements must match");
      if (src.rank < res.rank && !isValidShapeCast(src.shape, res.shape)) return opError(op, "invalid shape cast");
      if (src.rank > res.rank && !isValidShapeCast(res.shape, src.shape)) return opError(op, "invalid shape cast");
      return undefined;
    },
  },
);
export type ShapeCastOp = InstanceType<typeof ShapeCastOp>;

/** Bits of a vector element as MLIR's default data layout sizes it (index: 64). */
export const elementBits = (t: Type): number => (t instanceof IndexType ? 64 : (bitWidth(t) ?? 0));

export const BitCastOp = defineOp(
  {
    name: "vector.bitcast",
    summary: "bitcast casts between vectors",
    operands: { source: AnyVectorOfAnyRank },
    results: { result: AnyVectorOfAnyRank },
    traits: [Pure],
    format: "$source attr-dict `:` type($source) `to` type($result)",
  },
  {
    fold: foldBitCast,
    verify(op) {
      const src = op.source.type;
      const res = op.result.type;
      if (src.rank !== res.rank) return opError(op, "failed to verify that all of {source, result} have same rank");
      for (let i = 0; i < src.rank - 1; i++) {
        if (src.shape[i] !== res.shape[i]) return opError(op, `dimension size mismatch at: ${i}`);
      }
      const srcBits = elementBits(src.elementType);
      const resBits = elementBits(res.elementType);
      if (src.rank === 0) {
        return srcBits === resBits ? undefined : opError(op, "source/result bitwidth of the 0-D vector element types must be equal");
      }
      return srcBits * (src.shape[src.rank - 1] as number) === resBits * (res.shape[res.rank - 1] as number)
        ? undefined
        : opError(op, "source/result bitwidth of the minor 1-D vectors must be equal");
    },
  },
);
export type BitCastOp = InstanceType<typeof BitCastOp>;

export const TransposeOp = defineOp(
  {
    name: "vector.transpose",
    summary: "vector transpose operation",
    operands: { vector: AnyVectorOfAnyRank },
    results: { result: AnyVectorOfAnyRank },
    attributes: { transp: I64ArrayAttrC },
    traits: [Pure],
    format: "$vector `,` $transp attr-dict `:` type($vector) `to` type($result)",
  },
  {
    fold: foldTranspose,
    verify(op) {
      const same = sameElementType(op, op.result.type, op.vector.type, "operand and result have same element type");
      if (same !== undefined) return same;
      const src = op.vector.type;
      const res = op.result.type;
      const rank = res.rank;
      if (src.rank !== rank) return opError(op, `vector result rank mismatch: ${rank}`);
      const transp = i64sOf(op.transp);
      if (transp.length !== rank) return opError(op, `transposition length mismatch: ${transp.length}`);
      const seen = new Array<boolean>(rank).fill(false);
      for (const [k, i] of transp.entries()) {
        if (i < 0 || i >= rank) return opError(op, `transposition index out of range: ${i}`);
        if (seen[i] === true) return opError(op, `duplicate position index: ${i}`);
        seen[i] = true;
        if (res.shape[k] !== src.shape[i]) return opError(op, `dimension size mismatch at: ${i}`);
      }
      return undefined;
    },
  },
);
export type TransposeOp = InstanceType<typeof TransposeOp>;

// ---- splat, fma ------------------------------------------------------------------------------------------------

export const SplatOp = defineOp(
  {
    name: "vector.splat",
    summary: "vector splat or broadcast operation",
    operands: { input: SplatElement },
    results: { aggregate: AnyVectorOfAnyRank },
    traits: [Pure],
    typesMatchWith: [
      {
        from: "aggregate",
        to: "input",
        transform: (t) => (t instanceof VectorType ? t.elementType : undefined),
        summary: "operand type matches element type of result",
      },
    ],
    format: "$input attr-dict `:` type($aggregate)",
  },
  { fold: foldSplat },
);
export type SplatOp = InstanceType<typeof SplatOp>;

export const FMAOp = defineOp({
  name: "vector.fma",
  summary: "vector fused multiply-add",
  operands: { lhs: VectorOfAnyRankOfFloat, rhs: VectorOfAnyRankOfFloat, acc: VectorOfAnyRankOfFloat },
  results: { result: VectorOfAnyRankOfFloat },
  traits: [Pure],
  allTypesMatch: [["lhs", "rhs", "acc", "result"]],
  format: "$lhs `,` $rhs `,` $acc attr-dict `:` type($lhs)",
});
export type FMAOp = InstanceType<typeof FMAOp>;

