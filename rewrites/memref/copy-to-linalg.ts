/**
 * `memref-copy-to-linalg` (Tensile's own pass): a `memref.copy` between memrefs that are not both contiguous
 * becomes a `linalg.copy`, which convert-linalg-to-loops turns into a loop nest. MLIR lowers such copies to a
 * call of `memrefCopy` in its C runner library; compiled Tensile code has no runtime library to call. Contiguous
 * copies stay, for convert-memref-to-llvm's memcpy.
 *
 *   memref.copy %a, %b : memref<4x4xf32, strided<[8, 1]>> to memref<4x4xf32>
 *   ->  linalg.copy ins(%a : memref<4x4xf32, strided<[8, 1]>>) outs(%b : memref<4x4xf32>)
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { MemRefType } from "../../src/ir/types.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { buildNamedOp } from "../../dialects/linalg/index.ts";
import { CopyOp } from "../../dialects/memref/index.ts";
import { contiguous } from "../memref-to-llvm/access.ts";

export const stridedCopyToLinalg: Pattern = rewrite({
  name: "memref.copy-to-linalg-copy",
  examples: ["^bb0(%a: memref<4x8xf32>, %b: memref<4x4xf32>):\n  %s = memref.subview %a[0, 0] [4, 4] [1, 1] : memref<4x8xf32> to memref<4x4xf32, strided<[8, 1]>>\n  memref.copy %s, %b : memref<4x4xf32, strided<[8, 1]>> to memref<4x4xf32>"],
  root: CopyOp,
  apply(op, rw) {
    const [src, dst] = [op.source.type, op.target.type];
    if (!(src instanceof MemRefType) || !(dst instanceof MemRefType)) return rw.fail("unranked memrefs");
    if (contiguous(src) && contiguous(dst)) return rw.fail("both contiguous: memcpy");
    rw.setInsertionPointBefore(op);
    rw.insert(buildNamedOp("linalg.copy", { inputs: [op.source], outputs: [op.target] }, op.loc));
    rw.eraseOp(op);
    return rw.done();
  },
});

export const memrefCopyToLinalgPass = definePass({
  name: "memref-copy-to-linalg",
  displayName: "MemRefCopyToLinalg",
  summary: "Turn memref.copy between non-contiguous memrefs into linalg.copy",
  description: "Copies that memcpy cannot do become linalg.copy, for convert-linalg-to-loops (MLIR calls its runtime's memrefCopy instead).",
  run(op, pctx) {
    const listener = pctx.rewriteListener;
    const r = applyPatternsGreedily(op, [stridedCopyToLinalg], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
