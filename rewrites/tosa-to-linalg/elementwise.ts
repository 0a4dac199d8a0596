/**
 * tosa-to-linalg's elementwise patterns (MLIR 16's PointwiseConverter): each elementwise TOSA op becomes one
 * linalg.generic over the result's shape, whose payload is the op on scalars. Broadcast operands are read
 * through projected maps; their size-1 dims are first collapsed away (tensor.collapse_shape), as MLIR does.
 *
 *   %0 = "tosa.add"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
 *
 *   %0 = tensor.empty() : tensor<2x3xf32>
 *   %collapsed = tensor.collapse_shape %b [[0, 1]] : tensor<1x3xf32> into tensor<3xf32>
 *   %1 = linalg.generic {indexing_maps = [(d0, d1) -> (d0, d1), (d0, d1) -> (d1), (d0, d1) -> (d0, d1)],
 *                        iterator_types = ["parallel", "parallel"]}
 *          ins(%a, %collapsed : tensor<2x3xf32>, tensor<3xf32>) outs(%0 : tensor<2x3xf32>) {
 *   ^bb0(%in: f32, %in_0: f32, %out: f32):
 *     %2 = arith.addf %in, %in_0 : f32
 *     linalg.yield %2 : f32
 *   } -> tensor<2x3xf32>
 *
 * Operands of a lower rank than the result (which TOSA allows, and MLIR 16 leaves to tosa-make-broadcastable)
 * align on the right. The payloads are MLIR 16's (elementwise-body.ts), except where MLIR 16 departs from the
 * TOSA spec that the interpreter follows; those are listed there.
 */
import { AffineMap } from "../../src/ir/affine-map.ts";
import { affineDim } from "../../src/ir/affine-expr.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, convertAny } from "../../src/rewrite/conversion.ts";
import * as T from "../../dialects/tosa/index.ts";
import { elementwiseBody } from "./elementwise-body.ts";
import { emptyTensor, generic, identityMap, parallel, reshapeTo } from "./build.ts";

/** The elementwise op kinds, in MLIR 16's populateTosaToLinalgConversionPatterns order. */
export const ELEMENTWISE_OPS = [
  T.AddOp, T.SubOp, T.MulOp, T.DivOp, T.NegateOp, T.PowOp, T.ReciprocalOp, T.RsqrtOp, T.LogOp, T.ExpOp, T.AbsOp,
  T.TanhOp, T.BitwiseAndOp, T.BitwiseOrOp, T.BitwiseNotOp, T.BitwiseXorOp, T.LogicalAndOp, T.LogicalNotOp,
  T.LogicalOrOp, T.LogicalXorOp, T.CastOp, T.LogicalLeftShiftOp, T.LogicalRightShiftOp, T.ArithmeticRightShiftOp,
  T.ClzOp, T.SelectOp, T.GreaterOp, T.GreaterEqualOp, T.EqualOp, T.MaximumOp, T.MinimumOp, T.CeilOp, T.FloorOp,
  T.ClampOp, T.SigmoidOp,
] as const;

/** Why the op's types are out of this lowering's reach, or undefined. */
export function staticTensorsOnly(op: Operation): string | undefined {
  for (const v of [...op.operands, ...op.results]) {
    if (!(v.type instanceof RankedTensorType)) return "unranked tensors are not supported";
    if (v.type.shape.includes(DYNAMIC)) return "dynamic shapes are not supported";
  }
  return undefined;
}

/** `operand` read at the result's indices: its map (right-aligned, size-1 dims dropped) and the value to read. */
function broadcastOperand(b: Parameters<typeof reshapeTo>[0], operand: Value, result: RankedTensorType): { value: Value; map: AffineMap } {
  const type = operand.type as RankedTensorType;
  if (type.shape.join() === result.shape.join()) return { value: operand, map: identityMap(result.rank) };
  const offset = result.rank - type.rank;
  const kept: number[] = [];
  type.shape.forEach((d, i) => {
    if (d === result.shape[i + offset]) kept.push(i);
  });
  const map = AffineMap.get(result.rank, 0, kept.map((i) => affineDim(i + offset)));
  const value = kept.length === type.rank ? operand : reshapeTo(b, operand, kept.map((i) => type.shape[i] as number));
  return { value, map };
}

/** One pattern per elementwise op kind, named `tosa-to-linalg-<op>` (`tosa-to-linalg-add`). */
export const elementwisePatterns: readonly ConversionPattern[] = ELEMENTWISE_OPS.map((def) => {
  const name = (def.info?.name as string).slice("tosa.".length);
  return convertAny({
    name: `tosa-to-linalg-${name}`,
    root: def.info?.name as string,
    apply(op, _adaptor, rw) {
      const unsupported = staticTensorsOnly(op);
      if (unsupported !== undefined) return rw.fail(unsupported);
      const result = op.getResult(0).type as RankedTensorType;
      rw.setInsertionPointBefore(op);
      const init = emptyTensor(rw, result);
      const operands = op.operands.map((v) => broadcastOperand(rw, v, result));
      let failure: string | undefined;
      const linalg = generic(
        rw,
        { inputs: operands.map((o) => o.value), inits: [init], maps: [...operands.map((o) => o.map), identityMap(result.rank)], iterators: parallel(result.rank) },
        (b, args) => {
          const r = elementwiseBody(b, op, args.slice(0, op.numOperands), result.elementType);
          if (typeof r === "string") {
            failure = r;
            return [args[0] as Value];
          }
          return [r];
        },
      );
      if (failure !== undefined) {
        rw.eraseOp(linalg);
        return rw.fail(failure);
      }
      rw.replaceOp(op, linalg.results);
      return rw.done();
    },
  });
});
