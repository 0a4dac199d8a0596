/**
 * The memref ops that make new views of existing memory (no copy: the result aliases the source) and the ops
 * that ask a memref about its shape and layout.
 *
 *   %c = memref.cast %m : memref<4xf32> to memref<?xf32>
 *   %s = memref.subview %m[%i, 2] [4, %n] [1, 1] : memref<8x16xf32> to memref<4x?xf32, strided<[16, 1], offset: ?>>
 *   %r = memref.reinterpret_cast %m to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
 *   %v = memref.view %bytes[%shift][%n] : memref<2048xi8> to memref<?x4xf32>
 *   %e = memref.expand_shape %m [[0, 1]] : memref<32xf32> into memref<4x8xf32>
 *   %t = memref.transpose %m (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
 *   %d = memref.dim %m, %c1 : memref<4x?xf32>
 */
import { ArrayAttr, type Attribute, IntegerAttr, AffineMapAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { ConstantLike as constantLikeTrait, NoMemoryEffect, Pure } from "../../src/ir/traits.ts";
import { DYNAMIC, hasStaticShape, IndexType, MemRefType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AffineMapAttrC, attrConstraint, DenseI64ArrayAttr, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { DynamicIndexList } from "../../src/irdl/dynamic-index-list.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { variadic } from "../../src/irdl/spec.ts";
import { CastOpInterface } from "../../src/interfaces/cast.ts";
import { ConditionallySpeculatable } from "../../src/interfaces/side-effects.ts";
import { type MixedIndex, mixedList, OffsetSizeAndStrideOpInterface, staticList, ViewLikeOpInterface } from "../../src/interfaces/view-like.ts";
import { printAffineMap } from "../../src/ir/affine-map.ts";
import {
  AnyMemRefC,
  AnyRankedOrUnrankedMemRef,
  AnyStridedMemRef,
  ByteMemRef1D,
  ShapeMemRef1D,
  StridedMemRefOfRank0,
} from "./constraints.ts";
import { castOnlyLosesStaticInfo, foldMemRefCast } from "./fold-cast.ts";
import { foldReinterpretCast, foldReshapeOfInverse } from "./fold-view.ts";
import { dynamicDimIndex, hasIdentityLayout, isStrided, numDynamicDims, stridesAndOffset } from "./layout.ts";
import { AllocaOp, AllocOp } from "./ops-alloc.ts";
import {
  checkSubViewType,
  collapsedShapeError,
  collapsedStrides,
  collapsedType,
  expandedType,
  inferSubViewType,
  inferTransposeType,
  memRefRankReductionMask,
  type Reassociation,
  type SliceVerification,
} from "./view-types.ts";


// ---- cast ------------------------------------------------------------------------------------------------------

/** MLIR's CastOp::areCastCompatible: same element type and memory space; sizes, offset and strides agree where both are static. */
export function memrefCastCompatible(a: Type, b: Type): boolean {
  if (a instanceof MemRefType && b instanceof MemRefType) {
    if (a.elementType !== b.elementType) return false;
    if (a.layout !== b.layout) {
      const la = stridesAndOffset(a);
      const lb = stridesAndOffset(b);
      if (la === undefined || lb === undefined || la.strides.length !== lb.strides.length) return false;
      const compatible = (x: number, y: number): boolean => x === DYNAMIC || y === DYNAMIC || x === y;
      if (!compatible(la.offset, lb.offset)) return false;
      if (!la.strides.every((s, i) => compatible(s, lb.strides[i] as number))) return false;
    }
    if (a.memorySpace !== b.memorySpace || a.rank !== b.rank) return false;
    return a.shape.every((d, i) => d === DYNAMIC || b.shape[i] === DYNAMIC || d === b.shape[i]);
  }
  const ranked = (t: Type): t is MemRefType | UnrankedMemRefType => t instanceof MemRefType || t instanceof UnrankedMemRefType;
  if (!ranked(a) || !ranked(b)) return false;
  if (a instanceof UnrankedMemRefType && b instanceof UnrankedMemRefType) return false;
  return a.elementType === b.elementType && a.memorySpace === b.memorySpace;
}

/**
 * Whether a `memref.cast` only makes its source's type more dynamic (MLIR's CastOp::canFoldIntoConsumerOp), so a
 * consumer may use the source instead.
 */
export const canFoldCastIntoConsumer = castOnlyLosesStaticInfo;

/** `memref.cast`: the same memory as a compatible type (more or less static sizes, offset and strides, or unranked). */
export const CastOp = defineOp(
  {
    name: "memref.cast",
    summary: "memref cast operation",
    operands: { source: AnyRankedOrUnrankedMemRef },
    results: { dest: AnyRankedOrUnrankedMemRef },
    traits: [Pure],
    format: "$source attr-dict `:` type($source) `to` type($dest)",
    resultNames: () => ["cast"],
  },
  {
    fold: (op) => (foldMemRefCast(op) ? op.dest : undefined),
    interfaces: [
      implement(CastOpInterface, { areCastCompatible: (inputs, outputs) => inputs.length === 1 && outputs.length === 1 && memrefCastCompatible(inputs[0] as Type, outputs[0] as Type) }),
      implement(ViewLikeOpInterface, { getViewSource: (op) => op.source }),
    ],
  },
);
export type CastOp = InstanceType<typeof CastOp>;

// ---- subview ---------------------------------------------------------------------------------------------------

const mixedListsSpec = {
  offsets: variadic(Index),
  sizes: variadic(Index),
  strides: variadic(Index),
} as const;
const staticListsSpec = { static_offsets: DenseI64ArrayAttr, static_sizes: DenseI64ArrayAttr, static_strides: DenseI64ArrayAttr } as const;

/** MLIR's produceSubViewErrorMsg. */
function subViewError(op: Operation, result: SliceVerification, expected: MemRefType): string | undefined {
  switch (result) {
    case "success":
      return undefined;
    case "rank-too-large":
      return "expected result rank to be smaller or equal to the source rank. ";
    case "size-mismatch":
      return `expected result type to be ${quotedType(expected)} or a rank-reduced version. (mismatch of result sizes) `;
    case "element-type-mismatch":
      return `expected result element type to be ${quotedType(expected.elementType)}`;
    case "memory-space-mismatch":
      return "expected result and source memory spaces to match.";
    case "layout-mismatch":
      return `expected result type to be ${quotedType(expected)} or a rank-reduced version. (mismatch of result layout) `;
  }
  return op.name;
}

/**
 * MLIR's SubViewOp::fold: a subview of its source's (static) type is its source, as is a whole-extent subview (zero
 * offsets, unit strides, the same sizes) of another subview, of its source's type.
 */
function foldSubView(op: Operation & { source: Value<MemRefType>; result: Value<MemRefType> }): Value | undefined {
  const result = op.result.type;
  const source = op.source.type;
  if (result !== source) return undefined;
  if (hasStaticShape(result.shape)) return op.source;
  const inner = op.source.definingOp;
  if (!(inner instanceof SubViewOp)) return undefined;
  const constant = (e: MixedIndex): number | undefined => (typeof e === "number" ? e : constIndex(constantOperand(e)));
  if (!mixedList(op, "offsets").every((e) => constant(e) === 0) || !mixedList(op, "strides").every((e) => constant(e) === 1)) return undefined;
  const sizes = mixedList(op, "sizes");
  const innerSizes = mixedList(inner, "sizes");
  return sizes.length === innerSizes.length && sizes.every((e, i) => e === innerSizes[i]) ? op.source : undefined;
}

/** `memref.subview`: a strided window of the source (offsets, sizes and strides per dim), possibly dropping unit dims. */
export const SubViewOp = defineOp(
  {
    name: "memref.subview",
    summary: "memref subview operation",
    operands: { source: AnyMemRefC, ...mixedListsSpec },
    attributes: staticListsSpec,
    results: { result: AnyMemRefC },
    traits: [Pure],
    customDirectives: { DynamicIndexList },
    format:
      "$source `` custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes) " +
      "custom<DynamicIndexList>($strides, $static_strides) attr-dict `:` type($source) `to` type($result)",
    resultNames: () => ["subview"],
  },
  {
    verify: (op) => {
      const base = op.source.type;
      const sub = op.result.type;
      if (base.memorySpace !== sub.memorySpace) {
        return opEmitError(op, `different memory spaces specified for base memref type ${quotedType(base)} and subview memref type ${quotedType(sub)}`);
      }
      if (!isStrided(base)) return opEmitError(op, `base type ${quotedType(base)} is not strided`);
      const expected = inferSubViewType(base, staticList(op, "offsets"), staticList(op, "sizes"), staticList(op, "strides"));
      const message = subViewError(op, checkSubViewType(expected, sub, staticList(op, "sizes")), expected);
      return message === undefined ? undefined : opEmitError(op, message);
    },
    fold: foldSubView,
    interfaces: [
      implement(OffsetSizeAndStrideOpInterface, { getArrayAttrMaxRanks: (op) => [op.source.type.rank, op.source.type.rank, op.source.type.rank] as const }),
      implement(ViewLikeOpInterface, { getViewSource: (op) => op.source }),
    ],
  },
);
export type SubViewOp = InstanceType<typeof SubViewOp>;

// ---- reinterpret_cast ------------------------------------------------------------------------------------------

/** `memref.reinterpret_cast`: the source's buffer with an explicit offset, sizes and strides. */
export const ReinterpretCastOp = defineOp(
  {
    name: "memref.reinterpret_cast",
    summary: "memref reinterpret cast operation",
    operands: { source: AnyRankedOrUnrankedMemRef, ...mixedListsSpec },
    attributes: staticListsSpec,
    results: { result: AnyMemRefC },
    traits: [Pure],
    customDirectives: { DynamicIndexList },
    format:
      "$source `to` `offset` `` `:` custom<DynamicIndexList>($offsets, $static_offsets) `` `,` `sizes` `` `:` " +
      "custom<DynamicIndexList>($sizes, $static_sizes) `` `,` `strides` `` `:` custom<DynamicIndexList>($strides, $static_strides) " +
      "attr-dict `:` type($source) `to` type($result)",
    resultNames: () => ["reinterpret_cast"],
  },
  {
    verify: (op) => {
      const src = op.source.type;
      const result = op.result.type;
      if (src.memorySpace !== result.memorySpace) {
        return opEmitError(op, `different memory spaces specified for source type ${quotedType(src)} and result memref type ${quotedType(result)}`);
      }
      if (src.elementType !== result.elementType) {
        return opEmitError(op, `different element types specified for source type ${quotedType(src)} and result memref type ${quotedType(result)}`);
      }
      const sizes = staticList(op, "sizes");
      for (const [i, size] of result.shape.entries()) {
        const expected = sizes[i];
        if (expected === undefined) break;
        if (size !== DYNAMIC && expected !== DYNAMIC && size !== expected) {
          return opEmitError(op, `expected result type with size = ${expected} instead of ${size} in dim = ${i}`);
        }
      }
      const layout = stridesAndOffset(result);
      if (layout === undefined) return opEmitError(op, `expected result type to have strided layout but found ${quotedType(result)}`);
      const offset = staticList(op, "offsets")[0] ?? DYNAMIC;
      if (layout.offset !== DYNAMIC && offset !== DYNAMIC && layout.offset !== offset) {
        return opEmitError(op, `expected result type with offset = ${layout.offset} instead of ${offset}`);
      }
      const strides = staticList(op, "strides");
      for (const [i, stride] of layout.strides.entries()) {
        const expected = strides[i];
        if (expected === undefined) break;
        if (stride !== DYNAMIC && expected !== DYNAMIC && stride !== expected) {
          return opEmitError(op, `expected result type with stride = ${expected} instead of ${stride} in dim = ${i}`);
        }
      }
      return undefined;
    },
    fold: foldReinterpretCast,
    interfaces: [
      implement(OffsetSizeAndStrideOpInterface, { getArrayAttrMaxRanks: (op) => [1, op.result.type.rank, op.result.type.rank] as const }),
      implement(ViewLikeOpInterface, { getViewSource: (op) => op.source }),
    ],
  },
);
export type ReinterpretCastOp = InstanceType<typeof ReinterpretCastOp>;

// ---- view ------------------------------------------------------------------------------------------------------

/** `memref.view`: a typed view at a byte offset into a 1-D i8 buffer. */
export const ViewOp = defineOp(
  {
    name: "memref.view",
    summary: "memref view operation",
    operands: { source: ByteMemRef1D, byte_shift: Index, sizes: variadic(Index) },
    results: { result: AnyMemRefC },
    traits: [Pure],
    format: "$source `[` $byte_shift `]` `` `[` $sizes `]` attr-dict `:` type($source) `to` type(results)",
    resultNames: () => ["view"],
  },
  {
    verify: (op) => {
      const base = op.source.type;
      const view = op.result.type;
      if (!hasIdentityLayout(base)) return opEmitError(op, `unsupported map for base memref type ${quotedType(base)}`);
      if (!hasIdentityLayout(view)) return opEmitError(op, `unsupported map for result memref type ${quotedType(view)}`);
      if (base.memorySpace !== view.memorySpace) {
        return opEmitError(op, `different memory spaces specified for base memref type ${quotedType(base)} and view memref type ${quotedType(view)}`);
      }
      if (op.sizes.length !== numDynamicDims(view.shape)) return opEmitError(op, `incorrect number of size operands for type ${quotedType(view)}`);
      return undefined;
    },
    interfaces: [implement(ViewLikeOpInterface, { getViewSource: (op) => op.source })],
  },
);
export type ViewOp = InstanceType<typeof ViewOp>;

// ---- reshape ---------------------------------------------------------------------------------------------------

/** `memref.reshape`: the source's (contiguous) elements with the shape held in a 1-D memref. */
export const ReshapeOp = defineOp(
  {
    name: "memref.reshape",
    summary: "memref reshape operation",
    operands: { source: AnyRankedOrUnrankedMemRef, shape: ShapeMemRef1D },
    results: { result: AnyRankedOrUnrankedMemRef },
    traits: [Pure],
    format: "$source `(` $shape `)` attr-dict `:` functional-type(operands, results)",
    resultNames: () => ["reshape"],
  },
  {
    verify: (op) => {
      const source = op.source.type;
      const result = op.result.type;
      if (source.elementType !== result.elementType) return opError(op, "element types of source and destination memref types should be the same");
      if (source instanceof MemRefType && !hasIdentityLayout(source)) return opError(op, "source memref type should have identity affine map");
      const shapeSize = op.shape.type.shape[0] as number;
      if (result instanceof MemRefType) {
        if (!hasIdentityLayout(result)) return opError(op, "result memref type should have identity affine map");
        if (shapeSize === DYNAMIC) return opError(op, "cannot use shape operand with dynamic length to reshape to statically-ranked memref type");
        if (shapeSize !== result.rank) return opError(op, "length of shape operand differs from the result's memref rank");
      }
      return undefined;
    },
    interfaces: [implement(ViewLikeOpInterface, { getViewSource: (op) => op.source })],
  },
);
export type ReshapeOp = InstanceType<typeof ReshapeOp>;

// ---- expand_shape / collapse_shape -----------------------------------------------------------------------------

/** `[[0, 1], [2]]`: an array of arrays of i64 (ODS's IndexListArrayAttr). */
export const IndexListArrayAttr = attrConstraint(
  "Array of 64-bit integer array attributes",
  (a): a is ArrayAttr =>
    a instanceof ArrayAttr &&
    a.elements.every((g) => g instanceof ArrayAttr && g.elements.every((i) => i instanceof IntegerAttr && i.type.kind === "integer" && (i.type as { width: number }).width === 64)),
);

/** The reassociation groups of an `expand_shape` / `collapse_shape`, as numbers. */
export function reassociationOf(a: Attribute): number[][] {
  if (!(a instanceof ArrayAttr)) return [];
  return a.elements.map((g) => (g instanceof ArrayAttr ? g.elements.map((i) => (i instanceof IntegerAttr ? Number(i.value) : -1)) : []));
}

const reshapeSpec = <const N extends string>(name: N, summary: string, keyword: string) =>
  ({
    name,
    summary,
    operands: { src: AnyStridedMemRef },
    attributes: { reassociation: IndexListArrayAttr },
    results: { result: AnyStridedMemRef },
    traits: [Pure],
    format: `$src $reassociation attr-dict \`:\` type($src) \`${keyword}\` type($result)`,
  }) as const;

/** `memref.expand_shape`: splits dims of the source into groups of dims (each group's product is the dim). */
export const ExpandShapeOp = defineOp(
  { ...reshapeSpec("memref.expand_shape", "operation to produce a memref with a higher rank.", "into"), resultNames: () => ["expand_shape"] },
  {
    verify: (op) => {
      const src = op.src.type;
      const result = op.result.type;
      if (src.rank >= result.rank) return opError(op, `expected rank expansion, but found source rank ${src.rank} >= result rank ${result.rank}`);
      const groups: Reassociation = reassociationOf(op.reassociation);
      const shapeError = collapsedShapeError(src.shape, result.shape, groups, false);
      if (shapeError !== undefined) return opError(op, shapeError);
      const expected = expandedType(src, result.shape, groups);
      if (expected === undefined) return opError(op, "invalid source layout map");
      if (expected !== result) return opError(op, `expected expanded type to be ${quotedType(expected)} but found ${quotedType(result)}`);
      return undefined;
    },
    fold: foldReshapeOfInverse("memref.collapse_shape"),
    interfaces: [implement(ViewLikeOpInterface, { getViewSource: (op) => op.src })],
  },
);
export type ExpandShapeOp = InstanceType<typeof ExpandShapeOp>;

/** `memref.collapse_shape`: merges groups of contiguous dims of the source into one dim each. */
export const CollapseShapeOp = defineOp(
  { ...reshapeSpec("memref.collapse_shape", "operation to produce a memref with a smaller rank.", "into"), resultNames: () => ["collapse_shape"] },
  {
    verify: (op) => {
      const src = op.src.type;
      const result = op.result.type;
      if (src.rank <= result.rank) return opError(op, `expected rank reduction, but found source rank ${src.rank} <= result rank ${result.rank}`);
      const groups: Reassociation = reassociationOf(op.reassociation);
      const shapeError = collapsedShapeError(result.shape, src.shape, groups, true);
      if (shapeError !== undefined) return opError(op, shapeError);
      let expected: MemRefType;
      if (hasIdentityLayout(src)) expected = MemRefType.get(result.shape, src.elementType, undefined, src.memorySpace);
      else {
        const layout = collapsedStrides(src, groups);
        if (layout === undefined) return opError(op, "invalid source layout map or collapsing non-contiguous dims");
        expected = collapsedType(src, groups) ?? result;
        expected = MemRefType.get(result.shape, src.elementType, (expected as MemRefType).layout, src.memorySpace);
      }
      if (expected !== result) return opError(op, `expected collapsed type to be ${quotedType(expected)} but found ${quotedType(result)}`);
      return undefined;
    },
    fold: foldReshapeOfInverse("memref.expand_shape"),
    interfaces: [implement(ViewLikeOpInterface, { getViewSource: (op) => op.src })],
  },
);
export type CollapseShapeOp = InstanceType<typeof CollapseShapeOp>;

// ---- transpose -------------------------------------------------------------------------------------------------

/** `memref.transpose %m (d0, d1) -> (d1, d0) : ... to ...`: the same memory with permuted dims (metadata only). */
export const TransposeOp = defineOp(
  {
    name: "memref.transpose",
    summary: "`transpose` produces a new strided memref (metadata-only)",
    operands: { in: AnyStridedMemRef },
    attributes: { permutation: AffineMapAttrC },
    results: { result: AnyStridedMemRef },
    traits: [Pure],
    resultNames: () => ["transpose"],
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperand(op.in);
        p.print(` ${printAffineMap(op.permutation.map)}`);
        p.printOptionalAttrDict(op.attributes, ["permutation"]);
        p.print(" : ");
        p.printType(op.in.type);
        p.print(" to ");
        p.printType(op.result.type);
      },
      parse(p, state) {
        const input = p.parseOperand();
        const perm = p.parseAffineMap();
        p.parseOptionalAttrDict(state.attributes);
        const type = p.parseColonType();
        state.operands.push(p.resolveOperand(input, type));
        p.parseKeyword("to");
        state.resultTypes.push(p.parseType());
        state.attributes.set("permutation", AffineMapAttr.get(perm));
      },
    },
    verify: (op) => {
      const perm = op.permutation.map;
      if (!perm.isPermutation()) return opError(op, "expected a permutation map");
      if (perm.numDims !== op.in.type.rank) return opError(op, "expected a permutation map of same rank as the input");
      const expected = inferTransposeType(op.in.type, perm);
      if (expected !== op.result.type) {
        return opError(op, `output type ${quotedType(op.result.type)} does not match transposed input type ${quotedType(op.in.type)}, ${expected === undefined ? "<<NULL TYPE>>" : quotedType(expected)}`);
      }
      return undefined;
    },
    // MLIR 16 folds a cast into a transpose (foldMemRefCast) without changing the result type, which leaves a
    // transpose its own verifier rejects (`memref<4x8xf32>` transposed is not `memref<?x?xf32, ...>`): not here.
    interfaces: [implement(ViewLikeOpInterface, { getViewSource: (op) => op.in })],
  },
);
export type TransposeOp = InstanceType<typeof TransposeOp>;

// ---- metadata --------------------------------------------------------------------------------------------------

/** The result types of `extract_strided_metadata` of a source (MLIR's inferReturnTypes). */
function stridedMetadataTypes(operands: readonly Value[]): Type[] | undefined {
  const source = operands[0]?.type;
  if (!(source instanceof MemRefType)) return undefined;
  const index = IndexType.get();
  return [MemRefType.get([], source.elementType, undefined, source.memorySpace), index, ...source.shape.flatMap(() => [index, index])];
}

/**
 * `memref.extract_strided_metadata`: the base buffer (rank 0), offset, sizes and strides of a strided memref.
 * MLIR declares sizes and strides as two equally long variadic results (SameVariadicResultSize); Tensile keeps
 * them as one group, `sizesAndStrides`, split by `extractedSizes` / `extractedStrides`.
 */
export const ExtractStridedMetadataOp = defineOp(
  {
    name: "memref.extract_strided_metadata",
    summary: "Extracts a buffer base with offset and strides",
    operands: { source: AnyStridedMemRef },
    results: { base_buffer: StridedMemRefOfRank0, offset: Index, sizesAndStrides: variadic(Index) },
    traits: [Pure],
    format: "$source `:` type($source) `->` type(results) attr-dict",
    resultNames: (op) => {
      const rank = (op.numResults - 2) / 2;
      return op.results.map((_, i) => (i === 0 ? "base_buffer" : i === 1 ? "offset" : i === 2 ? "sizes" : i === 2 + rank ? "strides" : undefined));
    },
  },
  { inferResultTypes: (operands) => stridedMetadataTypes(operands) },
);
export type ExtractStridedMetadataOp = InstanceType<typeof ExtractStridedMetadataOp>;

/** The `sizes` results of an `extract_strided_metadata`. */
export const extractedSizes = (op: ExtractStridedMetadataOp): readonly Value[] => op.sizesAndStrides.slice(0, op.sizesAndStrides.length / 2);
/** The `strides` results of an `extract_strided_metadata`. */
export const extractedStrides = (op: ExtractStridedMetadataOp): readonly Value[] => op.sizesAndStrides.slice(op.sizesAndStrides.length / 2);

/** `memref.extract_aligned_pointer_as_index`: the address of the buffer's aligned pointer, as an index. */
export const ExtractAlignedPointerAsIndexOp = defineOp({
  name: "memref.extract_aligned_pointer_as_index",
  summary: "Extracts a memref's underlying aligned pointer as an index",
  operands: { source: AnyStridedMemRef },
  results: { aligned_pointer: Index },
  traits: [Pure],
  format: "$source `:` type($source) `->` type(results) attr-dict",
  resultNames: () => ["intptr"],
});
export type ExtractAlignedPointerAsIndexOp = InstanceType<typeof ExtractAlignedPointerAsIndexOp>;

/** The constant value of an index attribute, if it is one. */
const constIndex = (a: Attribute | undefined): number | undefined => (a instanceof IntegerAttr ? Number(a.value) : undefined);

/** `memref.dim %m, %i : type`: the size of dim `%i`. */
export const DimOp = defineOp(
  {
    name: "memref.dim",
    summary: "dimension index operation",
    operands: { source: AnyRankedOrUnrankedMemRef, index: Index },
    results: { result: Index },
    traits: [NoMemoryEffect],
    format: "attr-dict $source `,` $index `:` type($source)",
    resultNames: () => ["dim"],
  },
  {
    verify: (op) => {
      const index = constIndex(constantOperand(op.index));
      const type = op.source.type;
      if (index !== undefined && type instanceof MemRefType && index >= type.rank) return opError(op, "index is out of range");
      return undefined;
    },
    fold: (op, operands) => foldDim(op, constIndex(operands[1])),
    interfaces: [
      implement(ConditionallySpeculatable, {
        getSpeculatability: (op) => {
          const index = constIndex(constantOperand(op.index));
          return index !== undefined && op.source.type instanceof MemRefType ? "speculatable" : "not-speculatable";
        },
      }),
    ],
  },
);
export type DimOp = InstanceType<typeof DimOp>;

/**
 * MLIR's DimOp::fold: a static size is a constant; a dynamic one is the size operand of the op that made the
 * memref (alloc, alloca, view, subview, reinterpret_cast); `dim` of a cast reads the cast's source.
 */
function foldDim(op: Operation & { readonly source: Value<MemRefType | UnrankedMemRefType>; readonly result: Value }, index: number | undefined): Attribute | Value | undefined {
  const type = op.source.type;
  if (index === undefined || !(type instanceof MemRefType) || index < 0 || index >= type.rank) return undefined;
  const size = type.shape[index] as number;
  if (size !== DYNAMIC) return IntegerAttr.get(IndexType.get(), size);
  const def = op.source.definingOp;
  const dynamic = dynamicDimIndex(type.shape, index);
  if (def instanceof AllocOp || def instanceof AllocaOp) return def.dynamicSizes[dynamic];
  if (def instanceof ViewOp) return def.sizes[dynamic];
  if (def instanceof SubViewOp) {
    const dropped = memRefRankReductionMask(
      inferSubViewType(def.source.type, def.static_offsets.numbers, def.static_sizes.numbers, def.static_strides.numbers),
      def.result.type,
      def.static_sizes.numbers,
    );
    const kept = def.source.type.shape.map((_, d) => d).filter((d) => !dropped?.has(d));
    const entry = mixedList(def, "sizes")[kept[index] ?? -1];
    return typeof entry === "number" ? undefined : entry;
  }
  if (def instanceof ReinterpretCastOp) {
    const entry = mixedList(def, "sizes")[index];
    return typeof entry === "number" ? undefined : entry;
  }
  return foldMemRefCast(op) ? op.result : undefined;
}

/** `memref.rank %m : memref<*xf32>`: the rank. */
export const RankOp = defineOp(
  {
    name: "memref.rank",
    summary: "rank operation",
    operands: { memref: AnyRankedOrUnrankedMemRef },
    results: { result: Index },
    traits: [Pure],
    format: "$memref attr-dict `:` type($memref)",
  },
  { fold: (op) => (op.memref.type instanceof MemRefType ? IntegerAttr.get(IndexType.get(), op.memref.type.rank) : undefined) },
);
export type RankOp = InstanceType<typeof RankOp>;

/** The constant an operand is defined by (an op with the ConstantLike trait holding `value`), if any. */
function constantOperand(v: Value): Attribute | undefined {
  const def = v.definingOp;
  if (def === undefined || def.numOperands !== 0 || def.numResults !== 1) return undefined;
  return def.hasTrait(constantLikeTrait) ? def.attr("value") : undefined;
}

