/**
 * linalg's tensor.cast patterns (MLIR 16's LinalgDialect::getCanonicalizationPatterns in LinalgOps.cpp): static
 * shape information flows into structured ops on tensors, from a cast of a result (FoldTensorCastConsumerOp)
 * or from the static sizes of other operands (InferStaticShapeOfOperands); casts back to the old types keep
 * the users' types.
 */
import type { AffineMap } from "../../src/ir/affine-map.ts";
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { IRMapping, type Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, hasStaticShape, RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { destinationStyle } from "../../src/interfaces/destination-style.ts";
import { type Pattern, type PatternRewriter, rewrite, rewriteAny } from "../../src/rewrite/pattern.ts";
import { linalgOp } from "../../dialects/linalg/index.ts";
import { CastOp } from "../../dialects/tensor/index.ts";
import { preservesStaticInformation } from "../../dialects/tensor/fold.ts";
import { before } from "../arith/match.ts";

/** A copy of a structured op with new operands and result types (MLIR's `clone(rewriter, op, types, operands)`). */
function cloneStructured(rw: PatternRewriter, op: Operation, operands: readonly Value[], resultTypes: readonly Type[]): Operation {
  const cls = op.constructor as typeof Operation;
  const copy = new cls({ name: op.name, operands, resultTypes, attributes: op.attrDictionary, regions: op.regions.length, loc: op.loc });
  op.regions.forEach((r, i) => r.cloneInto(copy.getRegion(i), new IRMapping()));
  return rw.insert(copy);
}

const castTo = (rw: PatternRewriter, v: Value, type: RankedTensorType): Value =>
  rw.create(CastOp, { source: v as Value<RankedTensorType>, dest: type }).getResult(0);

/**
 * A cast of a structured op's result to a more static type makes the op compute that type: its init is cast
 * instead, and other users get a cast back (FoldTensorCastConsumerOp):
 *
 *   %m = linalg.matmul ins(%a, %b : ...) outs(%c : tensor<?x?xf32>) -> tensor<?x?xf32>
 *   %r = tensor.cast %m : tensor<?x?xf32> to tensor<4x4xf32>
 *     ->
 *   %0 = tensor.cast %c : tensor<?x?xf32> to tensor<4x4xf32>
 *   %r = linalg.matmul ins(%a, %b : ...) outs(%0 : tensor<4x4xf32>) -> tensor<4x4xf32>
 *
 * Only for a cast in the op's block (a cast in a region that may not run must not move the op's assumption up).
 */
export const tensorCastConsumer = rewrite({
  name: "linalg.tensor-cast-consumer",
  root: CastOp,
  // Values of dynamic type are named `%_...`: the scalar program generator must not take them as operands.
  examples: [
    `%a = arith.constant ?a : tensor<3x2x$T>
  %b = arith.constant ?b : tensor<2x5x$T>
  %c = arith.constant ?c : tensor<3x5x$T>
  %_d = tensor.cast %c : tensor<3x5x$T> to tensor<?x?x$T>
  %_m = linalg.matmul ins(%a, %b : tensor<3x2x$T>, tensor<2x5x$T>) outs(%_d : tensor<?x?x$T>) -> tensor<?x?x$T>
  %r = tensor.cast %_m : tensor<?x?x$T> to tensor<3x5x$T>`,
    // A second user keeps the dynamic type; a map computes the cast result.
    `%a = arith.constant ?a : tensor<4x$F>
  %_d = tensor.cast %a : tensor<4x$F> to tensor<?x$F>
  %_m = linalg.map { arith.addf } ins(%_d, %_d : tensor<?x$F>, tensor<?x$F>) outs(%_d : tensor<?x$F>)
  %r = tensor.cast %_m : tensor<?x$F> to tensor<4x$F>
  %u = tensor.cast %_m : tensor<?x$F> to tensor<4x$F>`,
    // Near miss: a cast to a less static type (read back through a cast to the static type).
    `%a = arith.constant ?a : tensor<2x3x$T>
  %t = linalg.transpose ins(%a : tensor<2x3x$T>) outs(%a : tensor<2x3x$T>) permutation = [0, 1]
  %_r = tensor.cast %t : tensor<2x3x$T> to tensor<?x3x$T>
  %s = tensor.cast %_r : tensor<?x3x$T> to tensor<2x3x$T>`,
  ],
  apply(cast, rw) {
    if (!preservesStaticInformation(cast.source.type, cast.dest.type)) return rw.fail("the cast makes its type less static");
    const op = cast.source.definingOp;
    if (op === undefined || linalgOp(op) === undefined) return rw.fail("the source is not a structured op's result");
    if (op.parent !== cast.parent) return rw.fail("the cast is in another block");
    const resultNumber = op.results.findIndex((r) => (r as Value) === cast.source);
    const dps = destinationStyle(op);
    const init = dps.getDpsInitOperands()[resultNumber];
    if (init === undefined) return rw.fail("no init for the result");
    const resultType = cast.dest.type as RankedTensorType;
    before(rw, op, () => {
      const operands = op.operands.map((v, i) => (i === init.index ? castTo(rw, v, resultType) : v));
      const types = op.resultTypes.map((t, i) => (i === resultNumber ? resultType : t));
      const clone = cloneStructured(rw, op, operands, types);
      const results = clone.results.map((r, i) => (i === resultNumber ? castTo(rw, r, op.getResult(i).type as RankedTensorType) : r));
      rw.replaceOp(op, results);
      rw.replaceOp(cast, [clone.getResult(resultNumber)]);
    });
    return rw.done();
  },
});

/** The static size each loop has in some operand (a dim indexed directly by the loop), first operand first. */
function knownLoopSizes(op: Operation, maps: readonly AffineMap[]): Map<number, number> {
  const sizes = new Map<number, number>();
  op.operands.forEach((v, i) => {
    if (!(v.type instanceof RankedTensorType)) return;
    const shape = v.type.shape;
    maps[i]?.results.forEach((e, r) => {
      const d = shape[r] as number;
      if (d !== DYNAMIC && e instanceof AffineDimExpr && !sizes.has(e.position)) sizes.set(e.position, d);
    });
  });
  return sizes;
}

/**
 * A dynamic size of an operand that another operand gives statically (through the loop both index) becomes
 * static: the operand is cast, and results whose type changed are cast back (InferStaticShapeOfOperands):
 *
 *   %m = linalg.matmul ins(%a, %b : tensor<4x?xf32>, tensor<?x5xf32>) outs(%c : tensor<?x?xf32>) -> tensor<?x?xf32>
 *     ->
 *   %0 = tensor.cast %c : tensor<?x?xf32> to tensor<4x5xf32>
 *   %1 = linalg.matmul ins(%a, %b : tensor<4x?xf32>, tensor<?x5xf32>) outs(%0 : tensor<4x5xf32>) -> tensor<4x5xf32>
 *   %m = tensor.cast %1 : tensor<4x5xf32> to tensor<?x?xf32>
 *
 * Only for ops on tensors whose maps are projected permutations.
 */
export const inferStaticShapeOfOperands = rewriteAny({
  name: "linalg.infer-static-shape-of-operands",
  examples: [
    `%a = arith.constant ?a : tensor<3x2x$T>
  %b = arith.constant ?b : tensor<2x5x$T>
  %_bd = tensor.cast %b : tensor<2x5x$T> to tensor<?x?x$T>
  %c = arith.constant ?c : tensor<3x5x$T>
  %_cd = tensor.cast %c : tensor<3x5x$T> to tensor<3x?x$T>
  %_m = linalg.matmul ins(%a, %_bd : tensor<3x2x$T>, tensor<?x?x$T>) outs(%_cd : tensor<3x?x$T>) -> tensor<3x?x$T>
  %r = tensor.cast %_m : tensor<3x?x$T> to tensor<3x5x$T>`,
    // An elementwise generic whose output is dynamic; near miss: the same op fully dynamic (nothing known).
    `%a = arith.constant ?a : tensor<2x3x$T>
  %_ad = tensor.cast %a : tensor<2x3x$T> to tensor<?x?x$T>
  %c = arith.constant ?c : tensor<2x3x$T>
  %_cd = tensor.cast %c : tensor<2x3x$T> to tensor<?x?x$T>
  %_g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a, %_ad : tensor<2x3x$T>, tensor<?x?x$T>) outs(%_cd : tensor<?x?x$T>) { ^bb0(%x: $T, %y: $T, %o: $T): linalg.yield %y : $T } -> tensor<?x?x$T>
  %_h = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%_ad : tensor<?x?x$T>) outs(%_cd : tensor<?x?x$T>) { ^bb0(%x: $T, %o: $T): linalg.yield %o : $T } -> tensor<?x?x$T>
  %r = tensor.cast %_g : tensor<?x?x$T> to tensor<2x3x$T>
  %s = tensor.cast %_h : tensor<?x?x$T> to tensor<2x3x$T>`,
  ],
  apply(op, rw) {
    const view = linalgOp(op);
    if (view === undefined) return rw.fail("not a structured op");
    const dps = destinationStyle(op);
    if (!dps.hasTensorSemantics()) return rw.fail("not on tensors");
    const maps = view.getIndexingMaps();
    if (maps.some((m) => !m.isProjectedPermutation())) return rw.fail("a map is not a projected permutation");
    const known = knownLoopSizes(op, maps);
    const isInit = new Set(dps.getDpsInitOperands().map((o) => o.index));
    let changed = false;
    const plan = op.operands.map((v, i) => {
      const t = v.type;
      if (!(t instanceof RankedTensorType)) return undefined;
      if (hasStaticShape(t.shape) && isInit.has(i)) return t;
      const map = maps[i] as AffineMap;
      let grew = false;
      const shape = t.shape.map((d, r) => {
        const e = map.results[r];
        const size = e instanceof AffineDimExpr ? known.get(e.position) : undefined;
        if (d !== DYNAMIC || size === undefined) return d;
        grew = true;
        return size;
      });
      changed ||= grew;
      // MLIR builds the new type without the encoding (so a dynamic operand with an encoding loses it).
      return grew ? RankedTensorType.get(shape, t.elementType) : t;
    });
    if (!changed) return rw.fail("no dynamic size is known statically");
    before(rw, op, () => {
      const operands = op.operands.map((v, i) => {
        const t = plan[i];
        return t === undefined || t === v.type ? v : castTo(rw, v, t);
      });
      const types = dps.getDpsInitOperands().map((o) => plan[o.index] ?? o.value.type);
      const clone = cloneStructured(rw, op, operands, types.slice(0, op.numResults));
      rw.replaceOp(op, clone.results.map((r, i) => (r.type === op.getResult(i).type ? r : castTo(rw, r, op.getResult(i).type as RankedTensorType))));
    });
    return rw.done();
  },
});

export const linalgCastPatterns: readonly Pattern[] = [tensorCastConsumer, inferStaticShapeOfOperands];
