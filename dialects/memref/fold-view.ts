/**
 * Folds of memref view ops that look through the op producing their source (MLIR 16's ReinterpretCastOp::fold
 * and foldReshapeOp for expand_shape / collapse_shape). The producers are matched by name: this file is used by
 * the op definitions themselves.
 *
 *   %c = memref.cast %m : memref<4xf32> to memref<?xf32>
 *   %r = memref.reinterpret_cast %c to offset: [0], sizes: [2, 2], strides: [2, 1] : ...
 *     ->   %r = memref.reinterpret_cast %m to offset: [0], sizes: [2, 2], strides: [2, 1] : ...
 *
 *   %c = memref.collapse_shape %m [[0, 1]] : memref<2x2xf32> into memref<4xf32>
 *   %e = memref.expand_shape %c [[0, 1]] : memref<4xf32> into memref<2x2xf32>          %e is %m
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { mixedList } from "../../src/interfaces/view-like.ts";
import { constantAttr } from "../../src/rewrite/match.ts";

/** Whether a mixed entry is the constant 0 (a static 0, or a value an integer constant 0 defines). */
const isZero = (e: number | Value): boolean => {
  if (typeof e === "number") return e === 0;
  const c = constantAttr(e);
  return c instanceof IntegerAttr && c.value === 0n;
};

/**
 * A reinterpret_cast reads only its source's base buffer, so the source may be what a reinterpret_cast, a
 * cast, or a subview at offset zero viewed (MLIR's ReinterpretCastOp::fold). Updated in place.
 */
export function foldReinterpretCast(op: Operation & { readonly source: Value; readonly result: Value }): Value | undefined {
  const producer = op.source.definingOp;
  if (producer === undefined) return undefined;
  const viewsBaseOf =
    producer.name === "memref.reinterpret_cast" ||
    producer.name === "memref.cast" ||
    (producer.name === "memref.subview" && mixedList(producer, "offsets").every(isZero));
  if (!viewsBaseOf) return undefined;
  op.setOperand(0, producer.getOperand(0));
  return op.result;
}

/**
 * A reshape of the inverse reshape, back to that one's source type, is its source (MLIR's foldReshapeOp;
 * memrefs have no constants to reshape).
 */
export function foldReshapeOfInverse(inverse: string): (op: Operation & { readonly src: Value; readonly result: Value }) => Value | undefined {
  return (op) => {
    const producer = op.src.definingOp;
    if (producer?.name !== inverse) return undefined;
    const source = producer.getOperand(0);
    return source.type === op.result.type ? source : undefined;
  };
}
