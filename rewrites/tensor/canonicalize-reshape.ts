/**
 * Canonicalizations of tensor.expand_shape and tensor.collapse_shape (MLIR 16's TensorOps.cpp and
 * ReshapeOpsUtils.h): chains of reshapes become one, and reshapes of splats and from_elements are rebuilt at
 * the new shape.
 */
import { defining } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, hasStaticShape, IndexType, RankedTensorType } from "../../src/ir/types.ts";
import { type AffineExpr, affineBinary, affineSymbol } from "../../src/ir/affine-expr.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { AffineMapAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineApplyOp } from "../../dialects/affine/index.ts";
import { ConstantOp } from "../../dialects/arith/index.ts";
import type { Value } from "../../src/ir/value.ts";
import { opaque, opaque4, tensorExample, unknownIndex } from "./examples.ts";
import { type Pattern, type PatternRewriter, rewrite, type RewriteExample } from "../../src/rewrite/pattern.ts";
import {
  CastOp,
  CollapseShapeOp,
  collapsedShape,
  DimOp,
  ExpandShapeOp,
  FromElementsOp,
  reassociationAttr,
  reassociationOf,
  SplatOp,
} from "../../dialects/tensor/index.ts";
import { before } from "../arith/match.ts";
import { foldableCastSource } from "./canonicalize-cast.ts";
import { constantInt } from "./canonicalize-slice.ts";

type Reshape = ExpandShapeOp | CollapseShapeOp;
type ReshapeKind = typeof ExpandShapeOp | typeof CollapseShapeOp;

/** MLIR's composeReassociationIndices: the groups of two reshapes in the same direction, composed. */
function composeGroups(producer: number[][], consumer: number[][]): number[][] | undefined {
  if (producer.length === consumer.length) return undefined;
  if (producer.length < consumer.length) [producer, consumer] = [consumer, producer];
  if (consumer.length === 0) return [];
  if (producer.length !== consumer.reduce((n, g) => n + g.length, 0)) return undefined;
  return consumer.map((g) => g.flatMap((i) => producer[i] as number[]));
}

function replaceWithReshape(rw: PatternRewriter, op: Operation, kind: ReshapeKind, src: Value, groups: number[][], result: RankedTensorType): void {
  before(rw, op, () => rw.replaceOpWithNew(op, kind as typeof ExpandShapeOp, { src: src as Value<RankedTensorType>, reassociation: reassociationAttr(groups), result }));
}

/** Two expansions (or two collapses) in a row are one. */
function composeSameKind(kind: ReshapeKind, examples: readonly RewriteExample[]) {
  const name = kind.info.name;
  return rewrite({
    name: `${name}-of-${name.slice("tensor.".length)}`,
    root: kind as typeof ExpandShapeOp,
    examples,
    apply(op: Reshape, rw) {
      const inner = defining(op.src, kind as typeof ExpandShapeOp) as Reshape | undefined;
      if (inner === undefined) return rw.fail(`the source is not a ${name}`);
      const groups = composeGroups(reassociationOf(inner.reassociation), reassociationOf(op.reassociation));
      if (groups === undefined) return rw.fail("the groups do not compose");
      replaceWithReshape(rw, op, kind, inner.src, groups, op.result.type as RankedTensorType);
      return rw.done();
    },
  });
}

/**
 * expand(expand(x)) -> expand(x), the groups composed.
 *
 *   %0 = tensor.expand_shape %t [[0, 1]] : tensor<12xf32> into tensor<3x4xf32>
 *   %1 = tensor.expand_shape %0 [[0], [1, 2]] : tensor<3x4xf32> into tensor<3x2x2xf32>
 *     ->   %1 = tensor.expand_shape %t [[0, 1, 2]] : tensor<12xf32> into tensor<3x2x2xf32>
 */
export const expandOfExpand = composeSameKind(ExpandShapeOp, [tensorExample(`${opaque4("t")}
  %a = tensor.expand_shape %t [[0, 1]] : tensor<4x$T> into tensor<2x2x$T>
  %r = tensor.expand_shape %a [[0], [1, 2]] : tensor<2x2x$T> into tensor<2x2x1x$T>`, 3)]);

/**
 * collapse(collapse(x)) -> collapse(x), the groups composed.
 *
 *   %0 = tensor.collapse_shape %t [[0], [1, 2]] : tensor<3x2x2xf32> into tensor<3x4xf32>
 *   %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<3x4xf32> into tensor<12xf32>
 *     ->   %1 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<3x2x2xf32> into tensor<12xf32>
 */
export const collapseOfCollapse = composeSameKind(CollapseShapeOp, [tensorExample(`${opaque4("t")}
  %a = tensor.expand_shape %t [[0, 1, 2]] : tensor<4x$T> into tensor<2x2x1x$T>
  %c1 = arith.constant 1 : index
  %k = arith.minui %i, %c1 : index
  %c0 = arith.constant 0 : index
  %u = tensor.insert %x into %a[%k, %k, %c0] : tensor<2x2x1x$T>
  %b = tensor.collapse_shape %u [[0], [1, 2]] : tensor<2x2x1x$T> into tensor<2x2x$T>
  %r = tensor.collapse_shape %b [[0, 1]] : tensor<2x2x$T> into tensor<4x$T>`, 1)]);

/**
 * collapse(expand(x)) -> one reshape of x (or a cast), when each group of the lower-rank side is a union of
 * groups of the higher-rank side (MLIR's ComposeCollapseOfExpandOp).
 *
 *   %0 = tensor.expand_shape %t [[0], [1], [2, 3]] : tensor<?x?x?xi64> into tensor<?x?x?x1xi64>
 *   %1 = tensor.collapse_shape %0 [[0, 1], [2, 3]] : tensor<?x?x?x1xi64> into tensor<?x?xi64>
 *     ->   %1 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<?x?x?xi64> into tensor<?x?xi64>
 */
export const collapseOfExpand = rewrite({
  name: "tensor.collapse_shape-of-expand_shape",
  examples: [tensorExample(`${opaque4("t")}
  %a = tensor.expand_shape %t [[0, 1, 2]] : tensor<4x$T> into tensor<2x1x2x$T>
  %r = tensor.collapse_shape %a [[0, 1], [2]] : tensor<2x1x2x$T> into tensor<2x2x$T>`, 2)],
  root: CollapseShapeOp,
  apply(op, rw) {
    const expand = defining(op.src, ExpandShapeOp);
    if (expand === undefined) return rw.fail("the source is not a tensor.expand_shape");
    const [src, res] = [expand.src.type, op.result.type];
    if (!(src instanceof RankedTensorType) || !(res instanceof RankedTensorType)) return rw.fail("unranked");
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
    if (src.rank > res.rank) replaceWithReshape(rw, op, CollapseShapeOp, expand.src, composed, res);
    else if (src.rank < res.rank) replaceWithReshape(rw, op, ExpandShapeOp, expand.src, composed, res);
    else before(rw, op, () => rw.replaceOpWithNew(op, CastOp, { source: expand.src, dest: res }));
    return rw.done();
  },
});

/** A reshape of a tensor.splat is a tensor.splat of the new (static) type. */
function reshapeOfSplat(kind: ReshapeKind, examples: readonly RewriteExample[]) {
  return rewrite({
    name: `${kind.info.name}-of-splat`,
    root: kind as typeof ExpandShapeOp,
    examples,
    apply(op: Reshape, rw) {
      const splat = defining(op.src, SplatOp);
      const t = op.result.type;
      if (splat === undefined) return rw.fail("the source is not a tensor.splat");
      if (!(t instanceof RankedTensorType) || !hasStaticShape(t.shape)) return rw.fail("a dynamic result");
      before(rw, op, () => rw.replaceOpWithNew(op, SplatOp, { input: splat.input, aggregate: t }));
      return rw.done();
    },
  });
}

/**
 *   %s = tensor.splat %v : tensor<4xf32>
 *   %0 = tensor.expand_shape %s [[0, 1]] : tensor<4xf32> into tensor<2x2xf32>   ->   %0 = tensor.splat %v : tensor<2x2xf32>
 */
export const expandOfSplat = reshapeOfSplat(ExpandShapeOp, [tensorExample(`%s = tensor.splat %x : tensor<4x$T>
  %r = tensor.expand_shape %s [[0, 1]] : tensor<4x$T> into tensor<2x2x$T>`, 2)]);
/**
 *   %s = tensor.splat %v : tensor<2x2xf32>
 *   %0 = tensor.collapse_shape %s [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>  ->   %0 = tensor.splat %v : tensor<4xf32>
 */
export const collapseOfSplat = reshapeOfSplat(CollapseShapeOp, [tensorExample(`%s = tensor.splat %x : tensor<2x2x$T>
  %r = tensor.collapse_shape %s [[0, 1]] : tensor<2x2x$T> into tensor<4x$T>`, 1)]);

/** A reshape of a tensor.from_elements is a tensor.from_elements of the new (static) type. */
function reshapeOfFromElements(kind: ReshapeKind, examples: readonly RewriteExample[]) {
  return rewrite({
    name: `${kind.info.name}-of-from_elements`,
    root: kind as typeof ExpandShapeOp,
    examples,
    apply(op: Reshape, rw) {
      const from = defining(op.src, FromElementsOp);
      const t = op.result.type;
      if (from === undefined) return rw.fail("the source is not a tensor.from_elements");
      if (!(t instanceof RankedTensorType) || !hasStaticShape(t.shape)) return rw.fail("a dynamic result");
      before(rw, op, () => rw.replaceOpWithNew(op, FromElementsOp, { elements: from.elements, result: t }));
      return rw.done();
    },
  });
}

/**
 *   %f = tensor.from_elements %a, %b, %c, %d : tensor<4xf32>
 *   %0 = tensor.expand_shape %f [[0, 1]] : tensor<4xf32> into tensor<2x2xf32>
 *     ->   %0 = tensor.from_elements %a, %b, %c, %d : tensor<2x2xf32>
 */
export const expandOfFromElements = reshapeOfFromElements(ExpandShapeOp, [tensorExample(`%f = tensor.from_elements %x, %y, %y, %x : tensor<4x$T>
  %r = tensor.expand_shape %f [[0, 1]] : tensor<4x$T> into tensor<2x2x$T>`, 2)]);
/**
 *   %f = tensor.from_elements %a, %b, %c, %d : tensor<2x2xf32>
 *   %0 = tensor.collapse_shape %f [[0, 1]] : tensor<2x2xf32> into tensor<4xf32>
 *     ->   %0 = tensor.from_elements %a, %b, %c, %d : tensor<4xf32>
 */
export const collapseOfFromElements = reshapeOfFromElements(CollapseShapeOp, [tensorExample(`%f = tensor.from_elements %x, %y : tensor<1x2x$T>
  %r = tensor.collapse_shape %f [[0, 1]] : tensor<1x2x$T> into tensor<2x$T>`, 1)]);

/**
 * A collapse of a cast that only forgets static information collapses the cast's source.
 *
 *   %1 = tensor.cast %t : tensor<2x4xf32> to tensor<?x4xf32>
 *   %2 = tensor.collapse_shape %1 [[0, 1]] : tensor<?x4xf32> into tensor<?xf32>
 *     ->   %3 = tensor.collapse_shape %t [[0, 1]] : tensor<2x4xf32> into tensor<8xf32>
 *          %2 = tensor.cast %3 : tensor<8xf32> to tensor<?xf32>
 */
export const collapseOfCast = rewrite({
  name: "tensor.collapse_shape-of-cast",
  examples: [tensorExample(`${opaque4("t")}
  %a = tensor.expand_shape %t [[0, 1]] : tensor<4x$T> into tensor<2x2x$T>
  %c = tensor.cast %a : tensor<2x2x$T> to tensor<?x2x$T>
  %r = tensor.collapse_shape %c [[0, 1]] : tensor<?x2x$T> into tensor<?x$T>`, 1)],
  root: CollapseShapeOp,
  apply(op, rw) {
    const source = foldableCastSource(op.src);
    if (source === undefined) return rw.fail("the source is not a cast that only forgets static information");
    const groups = reassociationOf(op.reassociation);
    const type = RankedTensorType.get(collapsedShape(source.type.shape, groups), source.type.elementType);
    if (type === op.result.type) {
      rw.modifyInPlace(op, () => op.setOperand(0, source));
      return rw.done();
    }
    before(rw, op, () => {
      const collapse = rw.create(CollapseShapeOp, { src: source, reassociation: op.reassociation, result: type });
      rw.replaceOpWithNew(op, CastOp, { source: collapse.result, dest: op.result.type });
    });
    return rw.done();
  },
});

export const tensorReshapePatterns: readonly Pattern[] = [
  expandOfExpand,
  collapseOfCollapse,
  collapseOfExpand,
  expandOfSplat,
  collapseOfSplat,
  expandOfFromElements,
  collapseOfFromElements,
  collapseOfCast,
];

/**
 * MLIR's getReassociationIndicesForCollapse: the groups that collapse `source` into `target` (each static target
 * dim the product of a run of static source dims, each dynamic one a dynamic source dim alone), trailing unit
 * dims joining the last group; undefined when there are none. Narrowed from MLIR 16, which also lets trailing
 * *dynamic* dims join the last group: that collapses, say, 2x? into a static 2 (IR its own verifier rejects).
 */
export function collapseGroupsFor(source: readonly number[], target: readonly number[]): number[][] | undefined {
  if (source.length <= target.length) return undefined;
  const groups: number[][] = [];
  let d = 0;
  for (const want of target) {
    const group: number[] = [];
    let product = 1;
    while (d < source.length && source[d] !== DYNAMIC && want !== DYNAMIC && product * (source[d] as number) < want) {
      product *= source[d] as number;
      group.push(d++);
    }
    const s = source[d];
    if (s === undefined) return undefined;
    if (s === DYNAMIC ? want !== DYNAMIC || product !== 1 : want === DYNAMIC || product * s !== want) return undefined;
    group.push(d++);
    groups.push(group);
  }
  for (; d < source.length; d++) {
    if (source[d] !== 1) return undefined;
    groups.at(-1)?.push(d);
  }
  return groups;
}

/**
 * MLIR's findCollapsingReassociation (ComposeExpandOfCollapseOp): per intermediate dim, the groups that collapse
 * its band of `longer`'s dims into its band of `shorter`'s. As in MLIR 16, a band of the same length on both
 * sides (even an equal one) makes the whole composition fail.
 */
function composeCollapsing(longerGroups: number[][], shorterGroups: number[][], longer: readonly number[], shorter: readonly number[]): number[][] | undefined {
  if (longerGroups.length === 0) return collapseGroupsFor(longer, shorter);
  const composed: number[][] = [];
  for (const [i, lg] of longerGroups.entries()) {
    const sg = shorterGroups[i] as number[];
    const [l0, s0] = [lg[0] as number, sg[0] as number];
    const sub = collapseGroupsFor(longer.slice(l0, l0 + lg.length), shorter.slice(s0, s0 + sg.length));
    if (sub === undefined) return undefined;
    for (const g of sub) composed.push(g.map((k) => l0 + k));
  }
  return composed;
}

/**
 * expand(collapse(x)) -> one collapse or expansion of x, when each band the collapse merged is split again only
 * at boundaries that x's dims give (MLIR's ComposeExpandOfCollapseOp).
 *
 *   %0 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<?x2x3xf32> into tensor<?xf32>
 *   %1 = tensor.expand_shape %0 [[0, 1]] : tensor<?xf32> into tensor<?x6xf32>
 *     ->   %1 = tensor.collapse_shape %t [[0], [1, 2]] : tensor<?x2x3xf32> into tensor<?x6xf32>
 */
export const expandOfCollapse = rewrite({
  name: "tensor.expand_shape-of-collapse_shape",
  examples: [
    tensorExample(`${opaque("t", [2, 2, 1])}
  %b = tensor.collapse_shape %t [[0, 1, 2]] : tensor<2x2x1x$T> into tensor<4x$T>
  %r = tensor.expand_shape %b [[0, 1]] : tensor<4x$T> into tensor<?{2x2|4x1|1x4}x$T>`, 2),
    tensorExample(`${opaque("t", [1, 2, 2, 1])}
  %b = tensor.collapse_shape %t [[0, 1], [2, 3]] : tensor<1x2x2x1x$T> into tensor<2x2x$T>
  %r = tensor.expand_shape %b [[0], [1, 2]] : tensor<2x2x$T> into tensor<2x?{2x1|1x2}x$T>`, 3),
    tensorExample(`${opaque("t", [3, 2])}
  %b = tensor.collapse_shape %t [[0, 1]] : tensor<3x2x$T> into tensor<6x$T>
  %r = tensor.expand_shape %b [[0, 1, 2]] : tensor<6x$T> into tensor<?{3x2x1|1x3x2|3x1x2}x$T>`, 3),
  ],
  root: ExpandShapeOp,
  apply(op, rw) {
    const collapse = defining(op.src, CollapseShapeOp);
    if (collapse === undefined) return rw.fail("the source is not a tensor.collapse_shape");
    const [src, res] = [collapse.src.type, op.result.type];
    if (!(src instanceof RankedTensorType) || !(res instanceof RankedTensorType)) return rw.fail("unranked");
    if (src === res) return rw.fail("a round trip (the fold's)");
    const [c, e] = [reassociationOf(collapse.reassociation), reassociationOf(op.reassociation)];
    if (src.rank > res.rank) {
      const groups = composeCollapsing(c, e, src.shape, res.shape);
      if (groups === undefined) return rw.fail("the bands do not collapse into the result's dims");
      replaceWithReshape(rw, op, CollapseShapeOp, collapse.src, groups, res);
    } else {
      const groups = composeCollapsing(e, c, res.shape, src.shape);
      if (groups === undefined) return rw.fail("the result's bands do not collapse into the source's dims");
      replaceWithReshape(rw, op, ExpandShapeOp, collapse.src, groups, res);
    }
    return rw.done();
  },
});

/** `tensor.dim %src, <d>` of a constant index, before `op`. */
function dimOf(rw: PatternRewriter, src: Value, d: number): Value<IndexType> {
  const index = rw.create(ConstantOp, { value: IntegerAttr.get(IndexType.get(), d) }).getResult(0) as Value<IndexType>;
  return rw.create(DimOp, { source: src as Value<RankedTensorType>, index, result: IndexType.get() }).getResult(0) as Value<IndexType>;
}

/** The constant dim index of a tensor.dim of a reshape's dynamic result dim, or why the pattern does not apply. */
function dynamicDimOf(op: DimOp, reshape: Reshape | undefined): number | string {
  if (reshape === undefined) return "the source is not the reshape";
  const d = constantInt(op.index);
  if (d === undefined) return "the dim index is not a constant";
  const t = reshape.result.type;
  if (!(t instanceof RankedTensorType) || t.shape[d] !== DYNAMIC) return "a static dim (the fold's)";
  return d;
}

/**
 * dim of an expansion's dynamic dim is its source dim divided by the group's other (static) dims.
 *
 *   %0 = tensor.expand_shape %t [[0, 1]] : tensor<?xf32> into tensor<?x4xf32>
 *   %d = tensor.dim %0, %c0 : tensor<?x4xf32>
 *     ->   %s = tensor.dim %t, %c0 : tensor<?xf32>
 *          %d = affine.apply affine_map<()[s0] -> (s0 floordiv 4)>()[%s]
 */
export const dimOfExpand = rewrite({
  name: "tensor.dim-of-expand_shape",
  examples: [tensorExample(`${unknownIndex("n", 2)}
  %e = tensor.empty(%n) : tensor<?x2x$T>
  %f = tensor.collapse_shape %e [[0, 1]] : tensor<?x2x$T> into tensor<?x$T>
  %g = tensor.expand_shape %f [[0, 1]] : tensor<?x$T> into tensor<?x?{2|4|1}x$T>
  %c0 = arith.constant 0 : index
  %r = tensor.dim %g, %c0 : tensor<?x?{2|4|1}x$T>`, "scalar")],
  root: DimOp,
  apply(op, rw) {
    const expand = defining(op.source, ExpandShapeOp);
    const d = dynamicDimOf(op, expand);
    if (typeof d === "string" || expand === undefined) return rw.fail(typeof d === "string" ? d : "");
    const res = expand.result.type as RankedTensorType;
    const groups = reassociationOf(expand.reassociation);
    const srcDim = groups.findIndex((g) => g.includes(d));
    const product = (groups[srcDim] as number[]).filter((k) => k !== d).reduce((p, k) => p * (res.shape[k] as number), 1);
    const map = AffineMap.get(0, 1, [affineBinary("floordiv", affineSymbol(0), product)]);
    before(rw, op, () => {
      const size = dimOf(rw, expand.src, srcDim);
      rw.replaceOpWithNew(op, AffineApplyOp, { map: AffineMapAttr.get(map), mapOperands: [size], result: IndexType.get() });
    });
    return rw.done();
  },
});

/**
 * dim of a collapse's dynamic dim is the product of its group's source dims.
 *
 *   %0 = tensor.collapse_shape %t [[0, 1]] : tensor<?x4xf32> into tensor<?xf32>
 *   %d = tensor.dim %0, %c0 : tensor<?xf32>
 *     ->   %a = tensor.dim %t, %c0 : tensor<?x4xf32>
 *          %b = tensor.dim %t, %c1 : tensor<?x4xf32>
 *          %d = affine.apply affine_map<()[s0, s1] -> (s0 * s1)>()[%a, %b]
 */
export const dimOfCollapse = rewrite({
  name: "tensor.dim-of-collapse_shape",
  examples: [tensorExample(`${unknownIndex("n", 3)}
  %e = tensor.empty(%n) : tensor<2x?x$T>
  %f = tensor.collapse_shape %e [[0, 1]] : tensor<2x?x$T> into tensor<?x$T>
  %c0 = arith.constant 0 : index
  %r = tensor.dim %f, %c0 : tensor<?x$T>`, "scalar")],
  root: DimOp,
  apply(op, rw) {
    const collapse = defining(op.source, CollapseShapeOp);
    const d = dynamicDimOf(op, collapse);
    if (typeof d === "string" || collapse === undefined) return rw.fail(typeof d === "string" ? d : "");
    const group = reassociationOf(collapse.reassociation)[d] as number[];
    const product = group.slice(1).reduce<AffineExpr>((p, _, k) => affineBinary("mul", p, affineSymbol(k + 1)), affineSymbol(0));
    const map = AffineMap.get(0, group.length, [product]);
    before(rw, op, () => {
      const sizes = group.map((k) => dimOf(rw, collapse.src, k));
      rw.replaceOpWithNew(op, AffineApplyOp, { map: AffineMapAttr.get(map), mapOperands: sizes, result: IndexType.get() });
    });
    return rw.done();
  },
});

/** The reshape patterns that read dims (registered after the chains, as MLIR 16 lists them). */
export const tensorReshapeDimPatterns: readonly Pattern[] = [expandOfCollapse, dimOfExpand, dimOfCollapse];
