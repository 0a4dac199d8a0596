/**
 * Canonicalizations of tensor.expand_shape and tensor.collapse_shape (MLIR 16's TensorOps.cpp and
 * ReshapeOpsUtils.h): chains of reshapes become one, and reshapes of splats and from_elements are rebuilt at
 * the new shape.
 */
import { defining } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { hasStaticShape, RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { opaque4, tensorExample } from "./examples.ts";
import { type Pattern, type PatternRewriter, rewrite, type RewriteExample } from "../../src/rewrite/pattern.ts";
import {
  CastOp,
  CollapseShapeOp,
  collapsedShape,
  ExpandShapeOp,
  FromElementsOp,
  reassociationAttr,
  reassociationOf,
  SplatOp,
} from "../../dialects/tensor/index.ts";
import { before } from "../arith/match.ts";
import { foldableCastSource } from "./canonicalize-cast.ts";

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
