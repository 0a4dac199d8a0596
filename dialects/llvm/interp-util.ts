/** Elementwise helpers of the llvm dialect's interpreter semantics (interp.ts, interp-intrinsics.ts). */
import { ub } from "../../src/interp/errors.ts";
import { floatElementKind, intElementWidth, mapElements } from "../../src/interp/elementwise.ts";
import type { Outcome } from "../../src/interp/registry.ts";
import { type FloatElement, type RuntimeValue, type SupportedFloatKind, floatNumber, isNaNElement } from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FastmathFlagsAttr } from "./attrs.ts";

/** The `nnan` / `ninf` fast-math flags of an llvm op: a NaN or infinite operand or result is poison. */
export function checkLLVMFastMath(op: Operation, operands: readonly FloatElement[], result: FloatElement): FloatElement {
  const flags = op.attr("fastmathFlags");
  if (!(flags instanceof FastmathFlagsAttr) || flags.isNone) return result;
  const all = [...operands, result];
  if (flags.has("nnan") && all.some(isNaNElement)) ub("NaN operand or result with fast-math flag 'nnan' (poison)");
  if (flags.has("ninf") && all.some((e) => Math.abs(floatNumber(e)) === Infinity)) ub("infinite operand or result with fast-math flag 'ninf' (poison)");
  return result;
}

/** An integer kernel `k(width, ...)` elementwise over the op's operands. */
export const intOp =
  (k: (n: number, ...xs: bigint[]) => bigint) =>
  (op: Operation, args: readonly RuntimeValue[]): Outcome => {
    const type = op.getResult(0).type;
    const n = intElementWidth(type);
    return [mapElements(type, args, (es) => k(n, ...(es as bigint[])))];
  };

/** A float kernel `k(kind, ...)` elementwise, with the op's fast-math flags checked. */
export const floatOp =
  (k: (kind: SupportedFloatKind, ...xs: FloatElement[]) => FloatElement) =>
  (op: Operation, args: readonly RuntimeValue[]): Outcome => {
    const type = op.getResult(0).type;
    const kind = floatElementKind(type);
    return [mapElements(type, args, (es) => checkLLVMFastMath(op, es as FloatElement[], k(kind, ...(es as FloatElement[]))))];
  };

