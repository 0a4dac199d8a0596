/**
 * `lower-vector-mask` (MLIR 16's LowerVectorMaskPass, on functions): a `vector.mask` around a transfer_read or
 * transfer_write becomes that transfer with the mask as its mask operand. A masked read with a passthru value has
 * no such form and is left, as in MLIR 16; so are masks around other ops.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import type { MemRefType, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { MaskOp, TransferReadOp, TransferWriteOp } from "../../dialects/vector/index.ts";

/** The op a vector.mask masks: the first op of its region. */
const maskedOp = (op: MaskOp) => op.maskRegion.blocks[0]?.first;

/**
 * A masked transfer_read as a transfer_read with a mask operand.
 *
 *   %r = vector.mask %m { vector.transfer_read %b[%i], %pad : memref<?xf32>, vector<16xf32> } : vector<16xi1> -> vector<16xf32>
 *   ->  %r = vector.transfer_read %b[%i], %pad, %m : memref<?xf32>, vector<16xf32>
 */
export const maskedTransferRead = rewrite({
  name: "lower-vector-mask.transfer_read",
  root: MaskOp,
  apply(op, rw) {
    const read = maskedOp(op);
    if (!(read instanceof TransferReadOp)) return rw.fail("the masked op is no transfer_read");
    if (op.passthru !== undefined) return rw.fail("Can't lower passthru to vector.transfer_read");
    rw.replaceOpWithNew(op, TransferReadOp, {
      source: read.source,
      indices: [...read.indices],
      padding: read.padding,
      mask: op.mask,
      permutation_map: read.permutation_map,
      ...(read.in_bounds === undefined ? {} : { in_bounds: read.in_bounds }),
      vector: read.vector.type,
    });
    return rw.done();
  },
});

/**
 * A masked transfer_write as a transfer_write with a mask operand.
 *
 *   vector.mask %m { vector.transfer_write %v, %b[%i] : vector<16xf32>, memref<?xf32> } : vector<16xi1>
 *   ->  vector.transfer_write %v, %b[%i], %m : vector<16xf32>, memref<?xf32>
 */
export const maskedTransferWrite = rewrite({
  name: "lower-vector-mask.transfer_write",
  root: MaskOp,
  apply(op, rw) {
    const write = maskedOp(op);
    if (!(write instanceof TransferWriteOp)) return rw.fail("the masked op is no transfer_write");
    rw.replaceOpWithNew(op, TransferWriteOp, {
      vector: write.vector as Value<VectorType>,
      source: write.source as Value<MemRefType>,
      indices: [...write.indices],
      mask: op.mask,
      permutation_map: write.permutation_map,
      ...(write.in_bounds === undefined ? {} : { in_bounds: write.in_bounds }),
      ...(write.result === undefined ? {} : { result: write.result.type }),
    });
    return rw.done();
  },
});

export const lowerVectorMaskPatterns: readonly Pattern[] = [maskedTransferRead, maskedTransferWrite];

export const lowerVectorMaskPass = definePass({
  name: "lower-vector-mask",
  displayName: "LowerVectorMaskPass",
  summary: "Lower 'vector.mask' operations",
  description: "Folds vector.mask around transfer_read and transfer_write into the transfers' mask operands.",
  opName: "func.func",
  run(fn, pctx) {
    const listener = pctx.rewriteListener;
    const r = applyPatternsGreedily(fn, lowerVectorMaskPatterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
