/**
 * The result types of memref views, as MLIR 16 infers and checks them: subviews (with rank reduction),
 * transposes, and the reassociative reshapes (`expand_shape` / `collapse_shape`).
 *
 *   subview of memref<8x16xf32> at [0, 2] sizes [4, 4] strides [1, 1]   memref<4x4xf32, strided<[16, 1], offset: 2>>
 *   ... sizes [1, 4], rank-reduced                                          memref<4xf32, strided<[1], offset: 2>>
 *   transpose (d0, d1) -> (d1, d0) of memref<8x16xf32>                    memref<16x8xf32, strided<[1, 16]>>
 *   collapse_shape [[0, 1]] of memref<4x8xf32>                             memref<32xf32>
 */
import { MemRefType, DYNAMIC, type Type } from "../../src/ir/types.ts";
import type { AffineMap } from "../../src/ir/affine-map.ts";
import { addSat, hasIdentityLayout, mulSat, stridedMemRef, stridesAndOffset } from "./layout.ts";

// ---- subview ---------------------------------------------------------------------------------------------------

/** The (not rank-reduced) type of a subview of `source` (MLIR's SubViewOp::inferResultType); source must be strided. */
export function inferSubViewType(source: MemRefType, offsets: readonly number[], sizes: readonly number[], strides: readonly number[]): MemRefType {
  const layout = stridesAndOffset(source) ?? { strides: source.shape.map(() => DYNAMIC), offset: DYNAMIC };
  let offset = layout.offset;
  offsets.forEach((o, i) => {
    offset = addSat(offset, mulSat(o, layout.strides[i] ?? DYNAMIC));
  });
  const resultStrides = layout.strides.map((s, i) => mulSat(s, strides[i] ?? DYNAMIC));
  return stridedMemRef(sizes, source.elementType, resultStrides, offset, source.memorySpace);
}

/**
 * The dims of `original` a rank-reduced `reduced` shape drops, matching greedily (MLIR's
 * computeRankReductionMask): undefined when `reduced` is not `original` with some 1s left out.
 */
export function rankReductionMask(original: readonly number[], reduced: readonly number[]): Set<number> | undefined {
  const dropped = new Set<number>();
  let r = 0;
  for (let i = 0; i < original.length; i++) {
    if (r < reduced.length && original[i] === reduced[r]) {
      r++;
      continue;
    }
    dropped.add(i);
    if (original[i] !== 1) return undefined;
  }
  return r === reduced.length ? dropped : undefined;
}

const counts = (xs: readonly number[]): Map<number, number> => {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

/**
 * The dims a subview with `sizes` drops to get from `original` to `reduced` (MLIR's
 * computeMemRefRankReductionMask): static size-1 dims, narrowed by the strides when there are more of them than
 * dims dropped (a dim is dropped when its stride is).
 */
export function memRefRankReductionMask(original: MemRefType, reduced: MemRefType, sizes: readonly number[]): Set<number> | undefined {
  const dropped = new Set<number>();
  if (original.rank === reduced.rank) return dropped;
  sizes.forEach((s, i) => {
    if (s === 1) dropped.add(i);
  });
  if (dropped.size + reduced.rank === original.rank) return dropped;
  const o = stridesAndOffset(original);
  const c = stridesAndOffset(reduced);
  if (o === undefined || c === undefined) return undefined;
  const unaccounted = counts(o.strides);
  const candidate = counts(c.strides);
  for (let dim = 0; dim < original.rank; dim++) {
    if (!dropped.has(dim)) continue;
    const stride = o.strides[dim] as number;
    const have = unaccounted.get(stride) ?? 0;
    const want = candidate.get(stride) ?? 0;
    if (have > want) unaccounted.set(stride, have - 1);
    else if (have === want) dropped.delete(dim);
    else return undefined;
  }
  return dropped.size + reduced.rank === original.rank ? dropped : undefined;
}

export type SliceVerification = "success" | "rank-too-large" | "size-mismatch" | "element-type-mismatch" | "memory-space-mismatch" | "layout-mismatch";

/** MLIR's isRankReducedType (shapes and element types only). */
function isRankReducedShape(original: MemRefType, candidate: MemRefType): SliceVerification {
  if (original === candidate) return "success";
  if (candidate.rank > original.rank) return "rank-too-large";
  if (rankReductionMask(original.shape, candidate.shape) === undefined) return "size-mismatch";
  if (original.elementType !== candidate.elementType) return "element-type-mismatch";
  return "success";
}

/** Whether `candidate` is `expected` (the inferred subview type) or a rank-reduced version of it (MLIR's isRankReducedMemRefType). */
export function checkSubViewType(expected: MemRefType, candidate: MemRefType, sizes: readonly number[]): SliceVerification {
  const partial = isRankReducedShape(expected, candidate);
  if (partial !== "success") return partial;
  if (memRefRankReductionMask(expected, candidate, sizes) === undefined) return "layout-mismatch";
  if (expected.memorySpace !== candidate.memorySpace) return "memory-space-mismatch";
  const a = stridesAndOffset(expected);
  const b = stridesAndOffset(candidate);
  if (a === undefined || b === undefined || a.offset !== b.offset) return "layout-mismatch";
  return "success";
}

/** The rank-reduced type of a subview with result shape `shape` (MLIR's inferRankReducedResultType). */
export function inferRankReducedSubViewType(
  shape: readonly number[],
  source: MemRefType,
  offsets: readonly number[],
  sizes: readonly number[],
  strides: readonly number[],
): MemRefType {
  const inferred = inferSubViewType(source, offsets, sizes, strides);
  if (inferred.rank === shape.length) return inferred;
  const dropped = rankReductionMask(inferred.shape, shape) ?? new Set<number>();
  const layout = stridesAndOffset(inferred) as { strides: readonly number[]; offset: number };
  const kept = layout.strides.filter((_, i) => !dropped.has(i));
  return stridedMemRef(shape, inferred.elementType, kept, layout.offset, inferred.memorySpace);
}

// ---- transpose -------------------------------------------------------------------------------------------------

/** The type `memref.transpose` gives `source` permuted by `perm` (MLIR's inferTransposeResultType). */
export function inferTransposeType(source: MemRefType, perm: AffineMap): MemRefType | undefined {
  const layout = stridesAndOffset(source);
  if (layout === undefined) return undefined;
  const positions = perm.results.map((e) => (e.kind === "dim" ? e.position : -1));
  if (positions.some((p) => p < 0 || p >= source.rank)) return undefined;
  return stridedMemRef(
    positions.map((p) => source.shape[p] as number),
    source.elementType,
    positions.map((p) => layout.strides[p] as number),
    layout.offset,
    source.memorySpace,
  );
}

// ---- reassociative reshapes ------------------------------------------------------------------------------------

export type Reassociation = readonly (readonly number[])[];

/** MLIR 16's expanded layout: each group's strides expand the collapsed dim's stride over the group's sizes. */
function expandedStrides(source: MemRefType, resultShape: readonly number[], reassociation: Reassociation): { strides: number[]; offset: number } | undefined {
  const layout = stridesAndOffset(source);
  if (layout === undefined || layout.strides.length !== reassociation.length) return undefined;
  const reversed: number[] = [];
  let shapeIndex = resultShape.length - 1;
  for (let g = reassociation.length - 1; g >= 0; g--) {
    let stride = layout.strides[g] as number;
    for (let k = 0; k < (reassociation[g] as readonly number[]).length; k++) {
      reversed.push(stride);
      stride = mulSat(stride, resultShape[shapeIndex--] ?? DYNAMIC);
    }
  }
  const strides = reversed.reverse();
  while (strides.length < resultShape.length) strides.push(1);
  return { strides: strides.slice(0, resultShape.length), offset: layout.offset };
}

/** The type `expand_shape` gives `source` expanded to `resultShape` (MLIR's computeExpandedType). */
export function expandedType(source: MemRefType, resultShape: readonly number[], reassociation: Reassociation): MemRefType | undefined {
  if (hasIdentityLayout(source)) return MemRefType.get(resultShape, source.elementType, undefined, source.memorySpace);
  const layout = expandedStrides(source, resultShape, reassociation);
  if (layout === undefined) return undefined;
  return stridedMemRef(resultShape, source.elementType, layout.strides, layout.offset, source.memorySpace);
}

/**
 * The strides `collapse_shape` gives `source` collapsed by `reassociation` (MLIR's computeCollapsedLayoutMap):
 * undefined when a group is not contiguous (or, `strict`, when that cannot be proven statically).
 */
export function collapsedStrides(source: MemRefType, reassociation: Reassociation, strict = false): { strides: number[]; offset: number } | undefined {
  const layout = stridesAndOffset(source);
  if (layout === undefined) return undefined;
  const shape = source.shape;
  const strides: number[] = [];
  for (const group of reassociation) {
    let end = group.length;
    while (end > 1 && shape[group[end - 1] as number] === 1) end--;
    const last = group[end - 1] as number;
    strides.push(shape[last] !== DYNAMIC || end === 1 ? (layout.strides[last] as number) : DYNAMIC);
  }
  for (let g = reassociation.length - 1; g >= 0; g--) {
    const group = reassociation[g] as readonly number[];
    let stride = strides[g] as number;
    for (let k = group.length - 1; k >= 1; k--) {
      const idx = group[k] as number;
      stride = mulSat(stride, shape[idx] as number);
      const srcStride = layout.strides[idx - 1] as number;
      if (strict && (stride === DYNAMIC || srcStride === DYNAMIC)) return undefined;
      if (stride !== DYNAMIC && srcStride !== DYNAMIC && stride !== srcStride) return undefined;
    }
  }
  return { strides, offset: layout.offset };
}

/** The type `collapse_shape` gives `source` (MLIR's computeCollapsedType); undefined when it cannot collapse. */
export function collapsedType(source: MemRefType, reassociation: Reassociation): MemRefType | undefined {
  const shape = reassociation.map((g) => g.reduce((n, d) => mulSat(n, source.shape[d] ?? DYNAMIC), 1));
  if (hasIdentityLayout(source)) return MemRefType.get(shape, source.elementType, undefined, source.memorySpace);
  const layout = collapsedStrides(source, reassociation);
  if (layout === undefined) return undefined;
  return stridedMemRef(shape, source.elementType, layout.strides, layout.offset, source.memorySpace);
}

/**
 * MLIR's verifyCollapsedShape, shared by both reshapes: the groups partition the expanded dims in order, and
 * each collapsed size is its group's product (dynamic exactly when a dim of the group is). A message, or undefined.
 */
export function collapsedShapeError(
  collapsed: readonly number[],
  expanded: readonly number[],
  reassociation: Reassociation,
  allowMultipleDynamicDimsPerGroup: boolean,
): string | undefined {
  if (collapsed.length !== reassociation.length) {
    return `invalid number of reassociation groups: found ${reassociation.length}, expected ${collapsed.length}`;
  }
  let nextDim = 0;
  for (const [collapsedDim, group] of reassociation.entries()) {
    let foundDynamic = false;
    for (const dim of group) {
      if (dim !== nextDim++) return "reassociation indices must be contiguous";
      if (dim >= expanded.length) return `reassociation index ${dim} is out of bounds`;
      if (expanded[dim] === DYNAMIC) {
        if (foundDynamic && !allowMultipleDynamicDimsPerGroup) return "at most one dimension in a reassociation group may be dynamic";
        foundDynamic = true;
      }
    }
    if ((collapsed[collapsedDim] === DYNAMIC) !== foundDynamic) {
      return `collapsed dim (${collapsedDim}) must be dynamic if and only if reassociation group is dynamic`;
    }
    if (!foundDynamic) {
      const size = group.reduce((n, d) => n * (expanded[d] as number), 1);
      if (size !== collapsed[collapsedDim]) return `collapsed dim size (${collapsed[collapsedDim]}) must equal reassociation group size (${size})`;
    }
  }
  if (collapsed.length === 0) {
    if (expanded.some((d) => d !== 1)) return "rank 0 memrefs can only be extended/collapsed with/from ones";
  } else if (nextDim !== expanded.length) {
    return `expanded rank (${expanded.length}) inconsistent with number of reassociation indices (${nextDim})`;
  }
  return undefined;
}

export type { Type };
