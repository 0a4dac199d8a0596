/**
 * MLIR's foldMemRefCast, the fold many memref ops share: an operand produced by a ranked `memref.cast` is
 * replaced by the cast's source, in place, so the op sees the more static type.
 *
 *   %c = memref.cast %m : memref<4xf32> to memref<?xf32>          %v = memref.load %m[%i] : memref<4xf32>
 *   %v = memref.load %c[%i] : memref<?xf32>              ->
 *
 * (`memref.cast` is matched by name: the cast op is defined after the ops that use this fold.)
 */
import type { Operation } from "../../src/ir/operation.ts";
import { MemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";

/** Replaces operands that are results of a cast from a ranked memref by the cast's source; true when one was. */
export function foldMemRefCast(op: Operation, inner?: Value): boolean {
  let folded = false;
  op.operands.forEach((v, i) => {
    const cast = v.definingOp;
    if (cast === undefined || cast.name !== "memref.cast" || v === inner) return;
    const source = cast.getOperand(0);
    if (!(source.type instanceof MemRefType)) return;
    op.setOperand(i, source);
    folded = true;
  });
  return folded;
}
