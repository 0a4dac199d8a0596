/**
 * `tosa-to-linalg` (MLIR 16's pass of that name, on each function): every TOSA op but the few MLIR 16 leaves to
 * other passes (const, apply_scale, cond_if, while_loop, slice, pad, and the named ops of tosa-to-linalg-named)
 * becomes linalg on tensors (plus tensor reshapes and slices). A full conversion: a TOSA op no pattern converts
 * fails the pass, naming the op at its location with each pattern's reason (an unsupported type or shape).
 *
 *   builtin.module(func.func(tosa-to-linalg-named, tosa-to-linalg, tosa-to-tensor, tosa-to-arith))
 *
 * lowers a TOSA program to linalg, tensor and arith, as MLIR 16's pipeline does.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { definePass } from "../../src/pass/pass.ts";
import { type ConversionPattern, applyFullConversion, legality } from "../../src/rewrite/conversion.ts";
import * as T from "../../dialects/tosa/index.ts";
import { concatToInsertSlices, identityToOperand, reducePatterns, reshapeToTensor, reverseToGeneric, tileToGeneric, transposeToGeneric } from "./data.ts";
import { elementwisePatterns } from "./elementwise.ts";
import { resizeToGeneric } from "./resize.ts";
import { argmaxToGeneric, gatherToGeneric, rescaleToGeneric, tableToGeneric } from "./index-ops.ts";

export const tosaToLinalgPatterns: readonly ConversionPattern[] = [
  ...elementwisePatterns,
  identityToOperand,
  ...reducePatterns,
  reshapeToTensor,
  concatToInsertSlices,
  reverseToGeneric,
  tileToGeneric,
  transposeToGeneric,
  argmaxToGeneric,
  gatherToGeneric,
  tableToGeneric,
  rescaleToGeneric,
  resizeToGeneric,
];

export const tosaToLinalgPass = definePass({
  name: "tosa-to-linalg",
  displayName: "TosaToLinalg",
  summary: "Lower TOSA to LinAlg on tensors",
  description: "Elementwise ops, reductions, argmax, reshapes, transposes, concat, reverse, tile, gather, table, rescale and resize to linalg.generic and tensor ops.",
  opName: "func.func",
  run(fn, pctx) {
    const target = legality()
      .legalDialect("linalg", "tensor", "scf")
      .illegalDialect("tosa")
      .legalOp(T.ApplyScaleOp, T.IfOp, T.ConstOp, T.WhileOp, T.SliceOp, T.PadOp)
      .markUnknownOpDynamicallyLegal(() => true);
    const listener = pctx.rewriteListener;
    const r = applyFullConversion(fn, target, tosaToLinalgPatterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
