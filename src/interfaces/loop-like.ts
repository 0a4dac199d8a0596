/**
 * LoopLikeOpInterface (MLIR 16's LoopLikeInterface.td): an op whose body region runs repeatedly (scf.for,
 * scf.parallel, affine.for, affine.parallel). Passes such as loop-invariant code motion ask it which region is
 * the body, whether a value is defined outside it, and how to hoist an op; loop transforms ask for the single
 * induction variable and its bounds when the loop has exactly one.
 *
 * A bound or step is a value or, when the loop keeps it as an attribute (affine.for's constant bounds), the
 * attribute: MLIR's OpFoldResult.
 */
import type { Attribute } from "../ir/attributes.ts";
import { defineInterface, type OpInterface } from "../ir/interfaces.ts";
import type { Operation, Region } from "../ir/operation.ts";
import type { Value } from "../ir/value.ts";

/** A value, or the constant attribute that stands for it (MLIR's OpFoldResult). */
export type OpFoldResult = Value | Attribute;

export interface LoopLikeMethods {
  /** The region that is the loop body, inspected for loop-invariant ops. */
  getLoopBody(): Region;
  /** Whether `value` is defined outside the loop body. Default: its region is not inside the body. */
  isDefinedOutsideOfLoop(value: Value): boolean;
  /** Moves the loop-invariant `op` out of the loop. Default: just before the loop. */
  moveOutOfLoop(op: Operation): void;
  /** The single induction variable, when the loop has exactly one. Default: none. */
  getSingleInductionVar(): Value | undefined;
  /** The single lower bound, when the loop has exactly one. Default: none. */
  getSingleLowerBound(): OpFoldResult | undefined;
  /** The single upper bound, when the loop has exactly one. Default: none. */
  getSingleUpperBound(): OpFoldResult | undefined;
  /** The single step, when the loop has exactly one. Default: none. */
  getSingleStep(): OpFoldResult | undefined;
}

/** Whether `value` is defined in `body` or a region nested in it. */
function definedInside(value: Value, body: Region): boolean {
  for (let r = value.parentBlock?.parent; r !== undefined; r = r.parent?.parentRegion) if (r === body) return true;
  return false;
}

type Defaulted = "isDefinedOutsideOfLoop" | "moveOutOfLoop" | "getSingleInductionVar" | "getSingleLowerBound" | "getSingleUpperBound" | "getSingleStep";

export const LoopLikeOpInterface: OpInterface<LoopLikeMethods, Defaulted> = defineInterface<LoopLikeMethods, Defaulted>("LoopLikeOpInterface", {
  description: "an op whose body region runs repeatedly",
  defaults: {
    isDefinedOutsideOfLoop: (op, value): boolean => {
      const loop = LoopLikeOpInterface.of(op);
      return loop === undefined || !definedInside(value, loop.getLoopBody());
    },
    moveOutOfLoop: (loop, op) => op.moveBefore(loop),
    getSingleInductionVar: () => undefined,
    getSingleLowerBound: () => undefined,
    getSingleUpperBound: () => undefined,
    getSingleStep: () => undefined,
  },
});
