/**
 * Canonicalization patterns of memref's view ops (MLIR 16's MemRefOps.cpp and ReshapeOpsUtils.h): chains of
 * reshapes become one, a reinterpret_cast that rebuilds what extract_strided_metadata took apart is its source,
 * statically known metadata becomes constants, and casts and constant sizes are folded into collapse_shape
 * and view. Each pattern's comment shows its before/after IR.
 */
import { ArrayAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { i64, IndexType, MemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { DYNAMIC } from "../../src/ir/types.ts";
import { type MixedIndex, mixedList } from "../../src/interfaces/view-like.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { ConstantOp } from "../../dialects/arith/index.ts";
import {
  AllocOp,
  canFoldCastIntoConsumer,
  CastOp,
  CollapseShapeOp,
  collapsedType,
  ExpandShapeOp,
  ExtractStridedMetadataOp,
  extractedSizes,
  extractedStrides,
  hasIdentityLayout,
  reassociationOf,
  ReinterpretCastOp,
  stridesAndOffset,
  ViewOp,
} from "../../dialects/memref/index.ts";

type Groups = readonly (readonly number[])[];
const groupsAttr = (groups: Groups): ArrayAttr => ArrayAttr.get(groups.map((g) => ArrayAttr.get(g.map((d) => IntegerAttr.get(i64, d)))));
const identityLayout = (v: Value): boolean => v.type instanceof MemRefType && hasIdentityLayout(v.type);

// ---- extract_strided_metadata / reinterpret_cast ---------------------------------------------------------------

/** A list with the entries the type knows statically, and the constant values, made numbers (MLIR's constifyIndexValues). */
function constify(values: readonly MixedIndex[], known: readonly number[]): MixedIndex[] {
  return values.map((v, i) => {
    const k = known[i];
    if (k !== undefined && k !== DYNAMIC) return k;
    if (typeof v === "number") return v;
    const c = constIntValue(v);
    return c === undefined ? v : Number(c);
  });
}

/** The constified offset, sizes and strides an extract_strided_metadata gives. */
function extractedMetadata(op: ExtractStridedMetadataOp): { offset: MixedIndex; sizes: MixedIndex[]; strides: MixedIndex[] } | undefined {
  const type = op.source.type;
  const layout = stridesAndOffset(type);
  if (layout === undefined) return undefined;
  return {
    offset: constify([op.offset], [layout.offset])[0] as MixedIndex,
    sizes: constify(extractedSizes(op), type.shape),
    strides: constify(extractedStrides(op), layout.strides),
  };
}

/**
 * The results of extract_strided_metadata that the source's type gives statically are those constants (MLIR 16
 * does this in ExtractStridedMetadataOp::fold, building the constants there):
 *
 *   %base, %offset, %size, %stride = memref.extract_strided_metadata %m : memref<4xf32> -> ...
 *   %x = arith.addi %offset, %size : index          ->   %x = arith.addi %c0, %c4 : index
 */
export const extractStridedMetadataConstants = rewrite({
  name: "memref.extract_strided_metadata-constant-results",
  root: ExtractStridedMetadataOp,
  examples: [
    `^bb0(%i: index):
  %_m = memref.alloc() : memref<2x3xf32>
  %_b, %o, %s0, %s1, %t0, %t1 = memref.extract_strided_metadata %_m : memref<2x3xf32> -> memref<f32>, index, index, index, index, index
  %a = arith.addi %o, %s0 : index
  %b = arith.muli %s1, %t0 : index
  %r = arith.addi %a, %b : index`,
    // Near miss: a dynamic size and offset stay results.
    `^bb0(%i: index):
  %c4 = affine.apply affine_map<() -> (4)>()
  %n = arith.minui %i, %c4 : index
  %_m = memref.alloc(%n) : memref<?xf32>
  %_b, %o, %s, %t = memref.extract_strided_metadata %_m : memref<?xf32> -> memref<f32>, index, index, index
  %r = arith.addi %s, %t : index`,
  ],
  apply(op, rw) {
    const meta = extractedMetadata(op);
    if (meta === undefined) return rw.fail("the source has no strided layout");
    const results = [op.offset, ...extractedSizes(op), ...extractedStrides(op)];
    const values = [meta.offset, ...meta.sizes, ...meta.strides];
    const known = results.flatMap((r, i) => (r.hasUses && typeof values[i] === "number" ? [[r, values[i] as number] as const] : []));
    if (known.length === 0) return rw.fail("no used result is known statically");
    for (const [r, n] of known) {
      const c = rw.create(ConstantOp, { value: IntegerAttr.get(IndexType.get(), n) }).getResult(0);
      rw.replaceAllUsesWith(r, c);
    }
    return rw.done();
  },
});

const sameEntries = (a: readonly MixedIndex[], b: readonly MixedIndex[]): boolean => a.length === b.length && a.every((e, i) => e === b[i]);

/**
 * A reinterpret_cast of the base an extract_strided_metadata took, with that op's offset, sizes and strides
 * (or values known equal to them), is the source, or a cast of it (ReinterpretCastOpExtractStridedMetadataFolder):
 *
 *   %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<3x4xf32> -> ...
 *   %r = memref.reinterpret_cast %base to offset: [%offset], sizes: [3, 4], strides: [%strides#0, 1]
 *          : memref<f32> to memref<3x4xf32>                                            ->   %r is %m
 */
export const reinterpretCastOfMetadata = rewrite({
  name: "memref.reinterpret_cast-of-extract_strided_metadata",
  root: ReinterpretCastOp,
  examples: [
    `%_t = arith.constant ?t : tensor<2x3xf32>
  %_m = bufferization.to_memref %_t : memref<2x3xf32>
  %_b, %_o, %_s0, %_s1, %_t0, %_t1 = memref.extract_strided_metadata %_m : memref<2x3xf32> -> memref<f32>, index, index, index, index, index
  %_r = memref.reinterpret_cast %_b to offset: [%_o], sizes: [%_s0, 3], strides: [%_t0, %_t1] : memref<f32> to memref<?x3xf32>
  %_c1 = affine.apply affine_map<() -> (1)>()
  %v = memref.load %_r[%_c1, %_c1] : memref<?x3xf32>`,
    // Near miss: another shape over the same base.
    `%_t = arith.constant ?t : tensor<2x3xf32>
  %_m = bufferization.to_memref %_t : memref<2x3xf32>
  %_b, %_o, %_s0, %_s1, %_t0, %_t1 = memref.extract_strided_metadata %_m : memref<2x3xf32> -> memref<f32>, index, index, index, index, index
  %_r = memref.reinterpret_cast %_b to offset: [%_o], sizes: [3, 2], strides: [2, 1] : memref<f32> to memref<3x2xf32>
  %_c1 = affine.apply affine_map<() -> (1)>()
  %v = memref.load %_r[%_c1, %_c1] : memref<3x2xf32>`,
  ],
  apply(op, rw) {
    const extract = op.source.definingOp;
    if (!(extract instanceof ExtractStridedMetadataOp)) return rw.fail("the source is not an extract_strided_metadata");
    const meta = extractedMetadata(extract);
    const layout = stridesAndOffset(op.result.type);
    if (meta === undefined || layout === undefined) return rw.fail("a layout is not strided");
    const type = op.result.type;
    const strides = constify(mixedList(op, "strides"), layout.strides);
    if (!sameEntries(meta.strides, strides)) return rw.fail("the strides differ");
    if (!sameEntries(meta.sizes, constify(mixedList(op, "sizes"), type.shape))) return rw.fail("the sizes differ");
    if (!sameEntries([meta.offset], constify(mixedList(op, "offsets"), [layout.offset]))) return rw.fail("the offset differs");
    const source = extract.source;
    if (source.type === type) rw.replaceOp(op, [source]);
    else rw.replaceOpWithNew(op, CastOp, { source, dest: type });
    return rw.done();
  },
});

// ---- expand_shape / collapse_shape -----------------------------------------------------------------------------

/** MLIR's composeReassociationIndices: two reshapes in the same direction as one (undefined when they do not compose). */
function composeSameDirection(producer: Groups, consumer: Groups): Groups | undefined {
  if (producer.length === consumer.length) return undefined;
  const [outer, inner] = producer.length > consumer.length ? [producer, consumer] : [consumer, producer];
  if (inner.length === 0) return [];
  if (inner.reduce((n, g) => n + g.length, 0) !== outer.length) return undefined;
  return inner.map((g) => g.flatMap((i) => outer[i] as readonly number[]));
}

type ReshapeKind = typeof ExpandShapeOp | typeof CollapseShapeOp;

function buildReshape(rw: PatternRewriter, kind: ReshapeKind, src: Value, groups: Groups, result: MemRefType): Value {
  return rw.create(kind as typeof ExpandShapeOp, { src: src as Value<MemRefType>, reassociation: groupsAttr(groups), result }).getResult(0);
}

/** Two expansions (or two collapses) in a row, on identity layouts, are one (ComposeReassociativeReshapeOps). */
function composeReassociative(kind: ReshapeKind, name: string, examples: readonly string[]): Pattern {
  return rewrite({
    name,
    root: kind as typeof ExpandShapeOp,
    examples,
    apply(op, rw) {
      const inner = op.src.definingOp;
      if (inner?.name !== op.name) return rw.fail(`the source is not a ${op.name}`);
      const innerSrc = inner.getOperand(0);
      if (![innerSrc, op.src, op.result].every(identityLayout)) return rw.fail("a layout is not the identity");
      const groups = composeSameDirection(reassociationOf(inner.attr("reassociation") as ArrayAttr), reassociationOf(op.reassociation));
      if (groups === undefined) return rw.fail("the groups do not compose");
      rw.replaceOp(op, [buildReshape(rw, kind, innerSrc, groups, op.result.type)]);
      return rw.done();
    },
  });
}

/**
 *   %a = memref.expand_shape %m [[0, 1]] : memref<12xf32> into memref<3x4xf32>
 *   %b = memref.expand_shape %a [[0], [1, 2]] : memref<3x4xf32> into memref<3x2x2xf32>
 *     ->   %b = memref.expand_shape %m [[0, 1, 2]] : memref<12xf32> into memref<3x2x2xf32>
 */
export const expandOfExpand = composeReassociative(ExpandShapeOp, "memref.expand_shape-of-expand_shape", [
  `%_t = arith.constant ?t : tensor<12xf32>
  %_m = bufferization.to_memref %_t : memref<12xf32>
  %_a = memref.expand_shape %_m [[0, 1]] : memref<12xf32> into memref<3x4xf32>
  %_b = memref.expand_shape %_a [[0], [1, 2]] : memref<3x4xf32> into memref<3x2x2xf32>
  %_c1 = affine.apply affine_map<() -> (1)>()
  %v = memref.load %_b[%_c1, %_c1, %_c1] : memref<3x2x2xf32>`,
]);

/**
 *   %a = memref.collapse_shape %m [[0], [1, 2]] : memref<3x2x2xf32> into memref<3x4xf32>
 *   %b = memref.collapse_shape %a [[0, 1]] : memref<3x4xf32> into memref<12xf32>
 *     ->   %b = memref.collapse_shape %m [[0, 1, 2]] : memref<3x2x2xf32> into memref<12xf32>
 */
export const collapseOfCollapse = composeReassociative(CollapseShapeOp, "memref.collapse_shape-of-collapse_shape", [
  `%_t = arith.constant ?t : tensor<3x2x2xf32>
  %_m = bufferization.to_memref %_t : memref<3x2x2xf32>
  %_a = memref.collapse_shape %_m [[0], [1, 2]] : memref<3x2x2xf32> into memref<3x4xf32>
  %_b = memref.collapse_shape %_a [[0, 1]] : memref<3x4xf32> into memref<12xf32>
  %_c5 = affine.apply affine_map<() -> (5)>()
  %v = memref.load %_b[%_c5] : memref<12xf32>`,
]);

/**
 * collapse(expand(x)) is one reshape of x, or a cast, when each group on the lower-rank side is a union of
 * groups on the higher-rank side (ComposeCollapseOfExpandOp):
 *
 *   %a = memref.expand_shape %m [[0, 1], [2]] : memref<6x5xf32> into memref<2x3x5xf32>
 *   %b = memref.collapse_shape %a [[0, 1, 2]] : memref<2x3x5xf32> into memref<30xf32>
 *     ->   %b = memref.collapse_shape %m [[0, 1]] : memref<6x5xf32> into memref<30xf32>
 */
export const collapseOfExpand = rewrite({
  name: "memref.collapse_shape-of-expand_shape",
  root: CollapseShapeOp,
  examples: [
    `%_t = arith.constant ?t : tensor<6x5xf32>
  %_m = bufferization.to_memref %_t : memref<6x5xf32>
  %_a = memref.expand_shape %_m [[0, 1], [2]] : memref<6x5xf32> into memref<2x3x5xf32>
  %_b = memref.collapse_shape %_a [[0, 1, 2]] : memref<2x3x5xf32> into memref<30xf32>
  %_c7 = affine.apply affine_map<() -> (7)>()
  %v = memref.load %_b[%_c7] : memref<30xf32>`,
    // Near miss: a group that straddles two of the expansion's.
    `%_t = arith.constant ?t : tensor<6x5xf32>
  %_m = bufferization.to_memref %_t : memref<6x5xf32>
  %_a = memref.expand_shape %_m [[0, 1], [2]] : memref<6x5xf32> into memref<2x3x5xf32>
  %_b = memref.collapse_shape %_a [[0], [1, 2]] : memref<2x3x5xf32> into memref<2x15xf32>
  %_c1 = affine.apply affine_map<() -> (1)>()
  %v = memref.load %_b[%_c1, %_c1] : memref<2x15xf32>`,
  ],
  apply(op, rw) {
    const expand = op.src.definingOp;
    if (!(expand instanceof ExpandShapeOp)) return rw.fail("the source is not a memref.expand_shape");
    if (![op.src, expand.src, expand.result].every(identityLayout)) return rw.fail("a layout is not the identity");
    const [src, res] = [expand.src.type, op.result.type];
    if (src === res) return rw.fail("a round trip (the fold's)");
    const [e, c] = [reassociationOf(expand.reassociation), reassociationOf(op.reassociation)];
    const [higher, lower] = src.rank > res.rank ? [e, c] : [c, e];
    let next = 0;
    const composed: number[][] = [];
    for (const group of lower) {
      const last = group[group.length - 1] as number;
      const ids: number[] = [];
      while (next < higher.length) {
        const right = (higher[next] as number[]).at(-1) as number;
        if (right > last) return rw.fail("a group is not a union of groups of the other reshape");
        ids.push(next++);
        if (right === last) break;
      }
      composed.push(ids);
    }
    if (src.rank > res.rank) rw.replaceOp(op, [buildReshape(rw, CollapseShapeOp, expand.src, composed, res)]);
    else if (src.rank < res.rank) rw.replaceOp(op, [buildReshape(rw, ExpandShapeOp, expand.src, composed, res)]);
    else rw.replaceOpWithNew(op, CastOp, { source: expand.src, dest: res });
    return rw.done();
  },
});

/** MLIR's getReassociationIndicesForCollapse: how `source` collapses to `target` (undefined if it does not). */
function collapsingGroups(source: readonly number[], target: readonly number[]): number[][] | undefined {
  if (source.length <= target.length) return undefined;
  const groups: number[][] = [];
  let current: number[] = [];
  let product = 1;
  let dim = 0;
  while (dim < source.length && groups.length < target.length) {
    const want = target[groups.length] as number;
    while (dim < source.length && source[dim] !== DYNAMIC && product * (source[dim] as number) < want) {
      product *= source[dim] as number;
      current.push(dim++);
    }
    const size = source[dim];
    if (size === undefined) return undefined;
    if (size === DYNAMIC && (want !== DYNAMIC || product !== 1)) return undefined;
    if (want === DYNAMIC && size !== DYNAMIC) return undefined;
    if (size !== DYNAMIC && product * size !== want) return undefined;
    current.push(dim++);
    groups.push(current);
    current = [];
    product = 1;
  }
  if (groups.length !== target.length) return undefined;
  for (; dim < source.length; dim++) {
    if (source[dim] !== DYNAMIC && source[dim] !== 1) return undefined;
    groups.at(-1)?.push(dim);
  }
  return groups;
}

/**
 * MLIR 16's findCollapsingReassociation: group by group, the collapse of the larger sub-shape into the smaller.
 * Like MLIR 16, it gives up when a pair of groups has sub-shapes of one size (a group the reshapes leave alone).
 */
function collapsingThroughGroups(srcGroups: Groups, resultGroups: Groups, srcShape: readonly number[], resultShape: readonly number[]): number[][] | undefined {
  if (srcGroups.length === 0) return collapsingGroups(srcShape, resultShape);
  const composed: number[][] = [];
  for (const [i, s] of srcGroups.entries()) {
    const r = resultGroups[i] as readonly number[];
    const sub = collapsingGroups(srcShape.slice(s[0], (s[0] as number) + s.length), resultShape.slice(r[0], (r[0] as number) + r.length));
    if (sub === undefined) return undefined;
    for (const g of sub) composed.push(g.map((d) => (s[0] as number) + d));
  }
  return composed;
}

/**
 * expand(collapse(x)) is one collapse or expansion of x when, group by group, one side collapses into the
 * other (ComposeExpandOfCollapseOp):
 *
 *   %a = memref.collapse_shape %m [[0, 1], [2, 3]] : memref<2x3x4x5xf32> into memref<6x20xf32>
 *   %b = memref.expand_shape %a [[0], [1, 2]] : memref<6x20xf32> into memref<6x4x5xf32>
 *     ->   %b = memref.collapse_shape %m [[0, 1], [2], [3]] ...         (MLIR 16 gives up here: see
 *                                                                          collapsingThroughGroups)
 *   %a = memref.collapse_shape %m [[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
 *   %b = memref.expand_shape %a [[0, 1]] : memref<24xf32> into memref<6x4xf32>
 *     ->   %b = memref.collapse_shape %m [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
 */
export const expandOfCollapse = rewrite({
  name: "memref.expand_shape-of-collapse_shape",
  root: ExpandShapeOp,
  examples: [
    `%_t = arith.constant ?t : tensor<2x3x4xf32>
  %_m = bufferization.to_memref %_t : memref<2x3x4xf32>
  %_a = memref.collapse_shape %_m [[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
  %_b = memref.expand_shape %_a [[0, 1]] : memref<24xf32> into memref<6x4xf32>
  %_c3 = affine.apply affine_map<() -> (3)>()
  %v = memref.load %_b[%_c3, %_c3] : memref<6x4xf32>`,
    `%_t = arith.constant ?t : tensor<6x4xf32>
  %_m = bufferization.to_memref %_t : memref<6x4xf32>
  %_a = memref.collapse_shape %_m [[0, 1]] : memref<6x4xf32> into memref<24xf32>
  %_b = memref.expand_shape %_a [[0, 1, 2]] : memref<24xf32> into memref<2x3x4xf32>
  %_c1 = affine.apply affine_map<() -> (1)>()
  %v = memref.load %_b[%_c1, %_c1, %_c1] : memref<2x3x4xf32>`,
    // Near miss: the sizes do not line up (4x6 is no collapse of 2x3x4).
    `%_t = arith.constant ?t : tensor<2x3x4xf32>
  %_m = bufferization.to_memref %_t : memref<2x3x4xf32>
  %_a = memref.collapse_shape %_m [[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
  %_b = memref.expand_shape %_a [[0, 1]] : memref<24xf32> into memref<4x6xf32>
  %_c3 = affine.apply affine_map<() -> (3)>()
  %v = memref.load %_b[%_c3, %_c3] : memref<4x6xf32>`,
  ],
  apply(op, rw) {
    const collapse = op.src.definingOp;
    if (!(collapse instanceof CollapseShapeOp)) return rw.fail("the source is not a memref.collapse_shape");
    if (![op.src, collapse.src, collapse.result].every(identityLayout)) return rw.fail("a layout is not the identity");
    const [src, res] = [collapse.src.type, op.result.type];
    if (src === res) return rw.fail("a round trip (the fold's)");
    const [srcGroups, resGroups] = [reassociationOf(collapse.reassociation), reassociationOf(op.reassociation)];
    if (src.rank > res.rank) {
      const groups = collapsingThroughGroups(srcGroups, resGroups, src.shape, res.shape);
      if (groups === undefined) return rw.fail("no collapse of the source gives the result");
      rw.replaceOp(op, [buildReshape(rw, CollapseShapeOp, collapse.src, groups, res)]);
    } else {
      const groups = collapsingThroughGroups(resGroups, srcGroups, res.shape, src.shape);
      if (groups === undefined) return rw.fail("no expansion of the source gives the result");
      rw.replaceOp(op, [buildReshape(rw, ExpandShapeOp, collapse.src, groups, res)]);
    }
    return rw.done();
  },
});

/**
 * A collapse of a cast that only made its type more dynamic collapses the cast's source; a cast back gives the
 * old type when the collapsed types differ (CollapseShapeOpMemRefCastFolder):
 *
 *   %c = memref.cast %m : memref<2x4xf32> to memref<?x4xf32>
 *   %r = memref.collapse_shape %c [[0, 1]] : memref<?x4xf32> into memref<?xf32>
 *     ->
 *   %0 = memref.collapse_shape %m [[0, 1]] : memref<2x4xf32> into memref<8xf32>
 *   %r = memref.cast %0 : memref<8xf32> to memref<?xf32>
 */
export const collapseOfCast = rewrite({
  name: "memref.collapse_shape-of-cast",
  root: CollapseShapeOp,
  examples: [
    `%_t = arith.constant ?t : tensor<2x4xf32>
  %_m = bufferization.to_memref %_t : memref<2x4xf32>
  %_c = memref.cast %_m : memref<2x4xf32> to memref<?x4xf32>
  %_r = memref.collapse_shape %_c [[0, 1]] : memref<?x4xf32> into memref<?xf32>
  %_c5 = affine.apply affine_map<() -> (5)>()
  %v = memref.load %_r[%_c5] : memref<?xf32>`,
    // The collapsed type does not change: the cast's source is used in place.
    `%_t = arith.constant ?t : tensor<2x4xf32>
  %_m = bufferization.to_memref %_t : memref<2x4xf32>
  %_c = memref.cast %_m : memref<2x4xf32> to memref<2x4xf32, strided<[4, 1]>>
  %_r = memref.collapse_shape %_c [[0, 1]] : memref<2x4xf32, strided<[4, 1]>> into memref<8xf32, strided<[1]>>
  %_c5 = affine.apply affine_map<() -> (5)>()
  %v = memref.load %_r[%_c5] : memref<8xf32, strided<[1]>>`,
  ],
  apply(op, rw) {
    const cast = op.src.definingOp;
    if (!(cast instanceof CastOp) || !canFoldCastIntoConsumer(cast)) return rw.fail("the source is not a cast that only loses static information");
    const source = cast.source as Value<MemRefType>;
    const type = collapsedType(source.type, reassociationOf(op.reassociation));
    if (type === undefined) return rw.fail("the cast's source does not collapse");
    if (type === op.result.type) {
      rw.modifyInPlace(op, () => op.setOperand(0, source));
      return rw.done();
    }
    const collapse = rw.create(CollapseShapeOp, { src: source, reassociation: op.reassociation, result: type });
    rw.replaceOpWithNew(op, CastOp, { source: collapse.result, dest: op.result.type });
    return rw.done();
  },
});

// ---- view ------------------------------------------------------------------------------------------------------

/**
 * Constant sizes of a view become static; a cast gives the users the old type (ViewOpShapeFolder):
 *
 *   %c4 = arith.constant 4 : index
 *   %v = memref.view %buf[%shift][%c4, %n] : memref<2048xi8> to memref<?x?xf32>
 *     ->
 *   %0 = memref.view %buf[%shift][%n] : memref<2048xi8> to memref<4x?xf32>
 *   %v = memref.cast %0 : memref<4x?xf32> to memref<?x?xf32>
 *
 * (No examples: the interpreter cannot run memref.view, whose buffers hold bytes; the goldens check it.)
 */
export const viewConstantSizes = rewrite({
  name: "memref.view-constant-sizes",
  root: ViewOp,
  apply(op, rw) {
    const type = op.result.type;
    if (stridesAndOffset(type) === undefined) return rw.fail("the result has no strided layout");
    let next = 0;
    const kept: Value<IndexType>[] = [];
    const shape = type.shape.map((d) => {
      if (d !== DYNAMIC) return d;
      const v = op.sizes[next++] as Value<IndexType>;
      const c = v.definingOp instanceof ConstantOp ? constIntValue(v) : undefined;
      if (c === undefined) {
        kept.push(v);
        return DYNAMIC;
      }
      return Number(c);
    });
    const newType = MemRefType.get(shape, type.elementType, type.layout, type.memorySpace);
    if (newType === type) return rw.fail("no size is a constant");
    const view = rw.create(ViewOp, { source: op.source, byte_shift: op.byte_shift, sizes: kept, result: newType });
    rw.replaceOpWithNew(op, CastOp, { source: view.result, dest: type });
    return rw.done();
  },
});

/**
 * A view of a cast of an allocation views the allocation (ViewOpMemrefCastFolder):
 *
 *   %a = memref.alloc() : memref<2048xi8>
 *   %c = memref.cast %a : memref<2048xi8> to memref<?xi8>
 *   %v = memref.view %c[%shift][] : memref<?xi8> to memref<4x4xf32>
 *     ->   %v = memref.view %a[%shift][] : memref<2048xi8> to memref<4x4xf32>
 */
export const viewOfCastOfAlloc = rewrite({
  name: "memref.view-of-cast-of-alloc",
  root: ViewOp,
  apply(op, rw) {
    const cast = op.source.definingOp;
    if (!(cast instanceof CastOp)) return rw.fail("the source is not a memref.cast");
    const alloc = cast.source.definingOp;
    if (!(alloc instanceof AllocOp)) return rw.fail("the cast's source is not a memref.alloc");
    rw.replaceOpWithNew(op, ViewOp, { source: alloc.memref, byte_shift: op.byte_shift, sizes: [...op.sizes], result: op.result.type });
    return rw.done();
  },
});

export const memrefViewPatterns: readonly Pattern[] = [
  extractStridedMetadataConstants,
  reinterpretCastOfMetadata,
  expandOfExpand,
  collapseOfCollapse,
  collapseOfExpand,
  expandOfCollapse,
  collapseOfCast,
  viewConstantSizes,
  viewOfCastOfAlloc,
];
