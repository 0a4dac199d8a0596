/**
 * Matching helpers for patterns: the constant a value holds, if its defining op is a constant
 * (ConstantLike trait with a `value` attribute), read as an attribute, an integer or a float.
 */
import { type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../ir/attributes.ts";
import { ConstantLike } from "../ir/traits.ts";
import { FloatType, elementTypeOrSelf } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { fromBits } from "../ir/float-bits.ts";

/** The attribute of the constant op defining `v`, or undefined when `v` is not a constant. */
export function constantAttr(v: Value): Attribute | undefined {
  const def = v.definingOp;
  if (def === undefined || !def.hasTrait(ConstantLike)) return undefined;
  return def.attr("value");
}

/** The integer a scalar integer/index constant (or a splat integer constant) holds. */
export function constIntValue(v: Value): bigint | undefined {
  const a = constantAttr(v);
  if (a instanceof IntegerAttr) return a.value;
  if (a instanceof DenseElementsAttr && a.isSplat && !(elementTypeOrSelf(a.type) instanceof FloatType)) return BigInt(a.at(0));
  return undefined;
}

/** The float a scalar float constant (or a splat float constant) holds. */
export function constFloatValue(v: Value): number | undefined {
  const a = constantAttr(v);
  if (a instanceof FloatAttr) return a.value;
  if (a instanceof DenseElementsAttr && a.isSplat) {
    const et = elementTypeOrSelf(a.type);
    if (!(et instanceof FloatType)) return undefined;
    // f16 / bf16 dense elements are stored as bit patterns.
    if (et.name === "f16" || et.name === "bf16") return fromBits(BigInt(a.at(0)), et.name);
    return Number(a.at(0));
  }
  return undefined;
}
