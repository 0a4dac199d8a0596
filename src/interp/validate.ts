/**
 * Checks that a runtime value built outside the helpers (a hand-written object literal, say) is in the
 * canonical representation values.ts describes, so that comparisons of results stay meaningful.
 */
import { normalizeInt } from "../ir/attributes.ts";
import { roundToKind } from "../ir/float-bits.ts";
import { FloatType } from "../ir/types.ts";
import { bufferSuits, describeBufferMismatch } from "./buffer.ts";
import { viewFitsType } from "./memref.ts";
import {
  type Element,
  NaNBits,
  type RuntimeValue,
  UnspecifiedNaN,
  type ScalarType,
  describeType,
  floatElementFromBits,
  isIntLikeType,
  isNaNElement,
  isScalarType,
  isShapedRuntimeType,
  isSupportedFloatType,
  shapeFits,
} from "./values.ts";

function checkElement(e: Element, type: ScalarType): string | undefined {
  if (isIntLikeType(type)) {
    if (typeof e !== "bigint") return `${String(e)} is not a BigInt (integers of ${describeType(type)} are BigInts)`;
    return normalizeInt(e, type) === e ? undefined : `${e} is not in the canonical range of ${describeType(type)}`;
  }
  if (!isSupportedFloatType(type)) return `${describeType(type)} is not supported`;
  const kind = type.name as "f16" | "bf16" | "f32" | "f64";
  if (e instanceof UnspecifiedNaN) return isNaNElement(floatElementFromBits(e.bits, kind)) ? undefined : `UnspecifiedNaN(${e.bits}) is not a NaN of ${kind}`;
  if (e instanceof NaNBits) {
    const canonical = floatElementFromBits(e.bits, kind);
    return canonical instanceof NaNBits && canonical.bits === e.bits ? undefined : `NaNBits(${e.bits}) is not a non-default NaN of ${kind}`;
  }
  if (typeof e !== "number") return `${String(e)} is not a number (floats are numbers)`;
  if (Number.isNaN(e)) return undefined;
  return Object.is(roundToKind(e, kind), e) ? undefined : `${e} is not a value of ${kind} (round it with floatValue)`;
}

/** Why `v` is not a canonical runtime value, or undefined when it is. */
export function checkRuntimeValue(v: RuntimeValue): string | undefined {
  switch (v.kind) {
    case "int":
      return isIntLikeType(v.type) ? checkElement(v.value, v.type) : `an int value of type ${describeType(v.type)}`;
    case "float":
      return v.type instanceof FloatType ? checkElement(v.value, v.type) : `a float value of type ${describeType(v.type)}`;
    case "function":
      return undefined;
    case "memref":
      if (!viewFitsType(v, v.type)) return `a view (shape [${v.shape.join(", ")}], strides [${v.strides.join(", ")}], offset ${v.offset}) that does not fit ${describeType(v.type)}`;
      if (!bufferSuits(v.allocation.buffer, v.elementType)) return describeBufferMismatch(v.elementType);
      return undefined;
    case "shaped": {
      if (!isShapedRuntimeType(v.type)) return `a shaped value of type ${describeType(v.type)}`;
      if (v.elementType !== v.type.elementType || !isScalarType(v.elementType)) return "its elementType is not its type's element type";
      if (!shapeFits(v.type, v.shape)) return `shape [${v.shape.join(", ")}] does not fit ${describeType(v.type)}`;
      const count = v.shape.reduce((a, b) => a * b, 1);
      if (v.elements.length !== count) return `${v.elements.length} elements for shape [${v.shape.join(", ")}]`;
      if (!bufferSuits(v.elements, v.elementType)) return describeBufferMismatch(v.elementType);
      for (let i = 0; i < v.elements.length; i++) {
        const bad = checkElement(v.elements.get(i), v.elementType);
        if (bad !== undefined) return `element ${i}: ${bad}`;
      }
      return undefined;
    }
  }
}
