/**
 * View-like ops (MLIR 16's ViewLikeInterface.td):
 *
 * - ViewLikeOpInterface: an op whose result is a view of (aliases) one operand, its "view source":
 *   `memref.subview`, `memref.cast`, `memref.reinterpret_cast`, `memref.expand_shape`. Alias analyses and
 *   bufferization follow a value back through views to the allocation it lives in (`viewSourceRoot`).
 * - OffsetSizeAndStrideOpInterface: an op that slices its source by offsets, sizes and strides, each given as a
 *   mixed list of static numbers and dynamic SSA values (`memref.subview %m[%i, 2] [4, %n] [1, 1]`,
 *   `tensor.extract_slice`). The op stores them as three operand groups `offsets`, `sizes`, `strides` and three
 *   `array<i64: ...>` attributes `static_offsets`, `static_sizes`, `static_strides` in which DYNAMIC marks each
 *   place a value of the group stands in; the interface verifies that the two agree (MLIR's
 *   verifyOffsetSizeAndStrideOp, with its messages) and reads them back as mixed lists.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import { DenseArrayAttr } from "../ir/attributes.ts";
import { defineInterface, type InterfaceView } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";
import { DYNAMIC } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { operandRanges, type OpDefinition } from "../irdl/define-op.ts";
import { opEmitError } from "../irdl/op-error.ts";

// ---- ViewLikeOpInterface ---------------------------------------------------------------------------------------

export interface ViewLikeMethods {
  /** The operand the op's result is a view of. */
  getViewSource(): Value;
}

export const ViewLikeOpInterface = defineInterface<ViewLikeMethods>("ViewLikeOpInterface", {
  description: "an op whose result is a view of (aliases the memory of) one of its operands",
});

/** Follows `v` back through view-like ops to the value it is ultimately a view of (an allocation, an argument). */
export function viewSourceRoot(v: Value): Value {
  for (let current = v; ; ) {
    const def = current.definingOp;
    const view = def === undefined ? undefined : ViewLikeOpInterface.of(def);
    if (view === undefined) return current;
    current = view.getViewSource();
  }
}

// ---- OffsetSizeAndStrideOpInterface ----------------------------------------------------------------------------

/** One entry of a mixed list: a static number or the SSA value that stands for a dynamic one. */
export type MixedIndex = number | Value;

export interface OffsetSizeAndStrideMethods {
  /**
   * How many offsets, sizes and strides the op takes: the source rank for all three (subview), or one offset
   * and the result rank for sizes and strides (reinterpret_cast).
   */
  getArrayAttrMaxRanks(): readonly [number, number, number];
}

export const OffsetSizeAndStrideOpInterface = defineInterface<OffsetSizeAndStrideMethods>("OffsetSizeAndStrideOpInterface", {
  description: "an op that slices its source by mixed static/dynamic offsets, sizes and strides",
  verify: verifyOffsetSizeAndStride,
});

export type IndexListName = "offsets" | "sizes" | "strides";

/** The static entries of list `name` (`static_offsets`, ...): DYNAMIC where a value stands. */
export function staticList(op: Operation, name: IndexListName): number[] {
  const a = op.attr(`static_${name}`);
  return a instanceof DenseArrayAttr ? a.numbers : [];
}

/** The dynamic values of list `name` (the op's operand group of that name). */
export function dynamicList(op: Operation, name: IndexListName): readonly Value[] {
  const info = op.info as OpDefinition | undefined;
  const index = info?.operands.findIndex((g) => g.name === name) ?? -1;
  if (info === undefined || index < 0) return [];
  const [start, length] = operandRanges(op, info)[index] ?? [0, 0];
  return op.operands.slice(start, start + length);
}

/** List `name` as MLIR's getMixedOffsets/Sizes/Strides: numbers, and the values standing for the dynamic ones. */
export function mixedList(op: Operation, name: IndexListName): MixedIndex[] {
  const values = dynamicList(op, name);
  let next = 0;
  return staticList(op, name).map((n) => (n === DYNAMIC ? (values[next++] as Value) : n));
}

/** Splits a mixed list into its static entries (DYNAMIC for values) and its values (MLIR's dispatchIndexOpFoldResults). */
export function dispatchMixed(list: readonly MixedIndex[]): { statics: number[]; values: Value[] } {
  const statics: number[] = [];
  const values: Value[] = [];
  for (const e of list) {
    if (typeof e === "number") statics.push(e);
    else {
      statics.push(DYNAMIC);
      values.push(e);
    }
  }
  return { statics, values };
}

/** MLIR's verifyOffsetSizeAndStrideOp, with its messages (reported at the op, without the op prefix). */
function verifyOffsetSizeAndStride(view: InterfaceView<OffsetSizeAndStrideMethods>): Diagnostic | undefined {
  const op = view.op;
  const maxRanks = view.getArrayAttrMaxRanks();
  const offsets = staticList(op, "offsets").length;
  const sizes = staticList(op, "sizes").length;
  const strides = staticList(op, "strides").length;
  if (!(offsets === 1 && maxRanks[0] === 1) && offsets !== sizes) {
    return opEmitError(op, `expected mixed offsets rank to match mixed sizes rank (${offsets} vs ${sizes}) so the rank of the result type is well-formed.`);
  }
  if (sizes !== strides) {
    return opEmitError(op, `expected mixed sizes rank to match mixed strides rank (${sizes} vs ${strides}) so the rank of the result type is well-formed.`);
  }
  const lists: readonly [IndexListName, string, number][] = [
    ["offsets", "offset", maxRanks[0]],
    ["sizes", "size", maxRanks[1]],
    ["strides", "stride", maxRanks[2]],
  ];
  for (const [name, singular, expected] of lists) {
    const statics = staticList(op, name);
    if (statics.length !== expected) return opEmitError(op, `expected ${expected} ${singular} values`);
    const dynamic = statics.filter((n) => n === DYNAMIC).length;
    if (dynamicList(op, name).length !== dynamic) return opEmitError(op, `expected ${dynamic} dynamic ${singular} values`);
  }
  return undefined;
}
