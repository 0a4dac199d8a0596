/**
 * Examples of the IR affine's folders rewrite (dialects/affine/fold.ts), by op name, for property tests (the
 * hole syntax is in rewrites/testing/examples.ts): maps on constant operands, and a result that is one input.
 */
import type { RewriteExample } from "../../src/rewrite/pattern.ts";

const CONSTANT = "?{0|1|-1|5|-7|?k}";

export const affineFoldExamples: Readonly<Record<string, readonly RewriteExample[]>> = {
  "affine.apply": [
    `%a = arith.constant ${CONSTANT} : index\n  %b = arith.constant ?{2|3|-4} : index\n  %r = affine.apply affine_map<(d0)[s0] -> (d0 floordiv s0 + d0 mod 4)>(%a)[%b]`,
    "^bb0(%i: index):\n  %r = affine.apply affine_map<(d0) -> (d0)>(%i)",
  ],
  "affine.min": [`%a = arith.constant ${CONSTANT} : index\n  %b = arith.constant ${CONSTANT} : index\n  %r = affine.min affine_map<(d0, d1) -> (d0, d1 * 2, 3)>(%a, %b)`],
  "affine.max": [
    `%a = arith.constant ${CONSTANT} : index\n  %b = arith.constant ${CONSTANT} : index\n  %r = affine.max affine_map<(d0)[s0] -> (d0 - s0, s0, -3)>(%a)[%b]`,
    "^bb0(%n: index):\n  %r = affine.max affine_map<()[s0] -> (s0)>()[%n]",
  ],
};
