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
import { DYNAMIC, MemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { stridesAndOffset } from "./layout.ts";

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

/**
 * Whether a cast (an op whose operand 0 it casts to its result 0) only makes a ranked memref type more dynamic:
 * same element type and rank, strided on both sides, and no size, offset or stride that was dynamic made static
 * (MLIR's CastOp::canFoldIntoConsumerOp), so a consumer may use the cast's source instead.
 */
export function castOnlyLosesStaticInfo(cast: Operation): boolean {
  const source = cast.getOperand(0).type;
  const result = cast.getResult(0).type;
  if (!(source instanceof MemRefType) || !(result instanceof MemRefType)) return false;
  if (source.elementType !== result.elementType || source.rank !== result.rank) return false;
  const ls = stridesAndOffset(source);
  const lr = stridesAndOffset(result);
  if (ls === undefined || lr === undefined) return false;
  const moreStatic = (s: number, t: number): boolean => s !== t && s === DYNAMIC && t !== DYNAMIC;
  if (source.shape.some((d, i) => moreStatic(d, result.shape[i] as number))) return false;
  if (moreStatic(ls.offset, lr.offset)) return false;
  return !ls.strides.some((s, i) => moreStatic(s, lr.strides[i] as number));
}
