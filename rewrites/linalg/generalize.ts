/**
 * `linalg-generalize-named-ops` (MLIR 16's pass of that name): every named op of the OpDSL table becomes the
 * linalg.generic it stands for (dialects/linalg/generalize.ts), by a greedy rewrite (which also erases what
 * is left dead, as MLIR's driver does). linalg.map, reduce, transpose and broadcast stay, as in MLIR 16.
 *
 *   %0 = linalg.fill ins(%x : f32) outs(%t : tensor<4x8xf32>) -> tensor<4x8xf32>
 *
 *   %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>],
 *                        iterator_types = ["parallel", "parallel"]} ins(%x : f32) outs(%t : tensor<4x8xf32>) {
 *   ^bb0(%in: f32, %out: f32):
 *     linalg.yield %in : f32
 *   } -> tensor<4x8xf32>
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, rewriteAny } from "../../src/rewrite/pattern.ts";
import { namedOpDefOf, toGeneric } from "../../dialects/linalg/index.ts";

/** A named op as its linalg.generic. */
export const generalizeNamedOp: Pattern = rewriteAny({
  name: "linalg-generalize-named-op",
  examples: [
    `^bb0(%x: $F):
  %a = arith.constant ?a : tensor<2x3x$F>
  %b = arith.constant ?b : tensor<3x2x$F>
  %c = arith.constant ?c : tensor<2x2x$F>
  %r = linalg.matmul ins(%a, %b : tensor<2x3x$F>, tensor<3x2x$F>) outs(%c : tensor<2x2x$F>) -> tensor<2x2x$F>
  %f = linalg.fill ins(%x : $F) outs(%c : tensor<2x2x$F>) -> tensor<2x2x$F>`,
  ],
  apply(op, rw) {
    if (namedOpDefOf(op) === undefined) return rw.fail("not a named op");
    rw.setInsertionPointBefore(op);
    const generic = rw.insert(toGeneric(op));
    rw.replaceOp(op, generic.results);
    return rw.done();
  },
});

export const generalizeNamedOpsPass = definePass({
  name: "linalg-generalize-named-ops",
  displayName: "LinalgGeneralization",
  summary: "Convert named ops into generic ops",
  description: "Rewrites every named linalg op (matmul, convolutions, fill, ...) as the linalg.generic it stands for.",
  run(op, pctx) {
    const listener = pctx.rewriteListener;
    const r = applyPatternsGreedily(op, [generalizeNamedOp], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
