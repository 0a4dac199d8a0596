/**
 * MaskableOpInterface (MLIR 16's vector MaskableOpInterface.td): an op `vector.mask` may predicate. The op says
 * which mask type it expects and whether it supports a passthru value for its masked-off lanes.
 *
 *   %r = vector.mask %m { vector.reduction <add>, %v : vector<8xf32> into f32 } : vector<8xi1> -> f32
 */
import { defineInterface } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";

export interface MaskableMethods {
  /** The `vector<...xi1>` type of the mask that predicates this op. */
  getExpectedMaskType(): Type;
  /** Whether the masked op's masked-off lanes may take a passthru value (transfer_read). */
  supportsPassthru(): boolean;
}

export const MaskableOpInterface = defineInterface<MaskableMethods, "supportsPassthru">("MaskableOpInterface", {
  description: "a vector op that vector.mask may predicate",
  defaults: { supportsPassthru: () => false },
});

/** Whether `op` sits in a `vector.mask` region (MLIR's MaskableOpInterface::isMasked). */
export function isMasked(op: Operation): boolean {
  return op.parentOp?.name === "vector.mask";
}
