/**
 * Runtime values of constant attributes (`arith.constant`'s value): integers, floats, dense elements and
 * dense resources, with exact bits (NaN payloads included).
 */
import {
  type Attribute,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  FloatAttr,
  IntegerAttr,
} from "../ir/attributes.ts";
import { FloatType, type Type } from "../ir/types.ts";
import { describeType, floatKindOf, isIntLikeType, isShapedRuntimeType } from "./values.ts";
import { fail, unsupported } from "./errors.ts";
import { elementTypeOf } from "./elementwise.ts";
import { type Element, type RuntimeValue, type ScalarType, floatElementFromBits, normalizeElement } from "./values.ts";
import { printAttribute } from "../text/print-attr.ts";
import { newBuffer } from "./buffer.ts";

/** The value of a constant attribute as a value of `type` (the op's result type). */
export function valueOfAttribute(attr: Attribute, type: Type): RuntimeValue {
  if (attr instanceof IntegerAttr) {
    if (!isIntLikeType(type)) fail("invalid-ir", `an integer attribute for a value of type ${describeType(type)}`);
    return { kind: "int", type, value: normalizeElement(type, attr.value) as bigint };
  }
  if (attr instanceof FloatAttr) {
    if (!(type instanceof FloatType)) fail("invalid-ir", `a float attribute for a value of type ${describeType(type)}`);
    const kind = floatKindOf(type);
    // A NaN's sign and payload are in the attribute's bits (its double cannot hold an f16 signalling NaN).
    const value = Number.isNaN(attr.value) ? floatElementFromBits(attr.bits, kind) : attr.value;
    return { kind: "float", type, value };
  }
  if (attr instanceof DenseElementsAttr) return denseValue(attr, type);
  if (attr instanceof DenseResourceElementsAttr) return resourceValue(attr, type);
  return unsupported(`constant attribute ${printAttribute(attr)} is not supported by the interpreter`);
}

function checkShapedType(attrType: Type, type: Type): void {
  if (attrType !== type || !isShapedRuntimeType(type)) {
    fail("invalid-ir", `a constant of type ${describeType(attrType)} for a value of type ${describeType(type)}`);
  }
}

/** Element i of dense storage, exactly (floats through their bits, so NaN payloads survive). */
function denseElement(attr: DenseElementsAttr, elementType: ScalarType, i: number): Element {
  const index = attr.isSplat ? 0 : i;
  const data = attr.data;
  if (isIntLikeType(elementType)) return normalizeElement(elementType, BigInt(data[index] as number | bigint));
  const kind = floatKindOf(elementType);
  if (data instanceof Float32Array) {
    return floatElementFromBits(BigInt(new Uint32Array(data.buffer, data.byteOffset, data.length)[index] as number), kind);
  }
  if (data instanceof Float64Array) {
    return floatElementFromBits(new BigUint64Array(data.buffer, data.byteOffset, data.length)[index] as bigint, kind);
  }
  // f16 and bf16 are stored as their bit patterns.
  return floatElementFromBits(BigInt(data[index] as number), kind);
}

function denseValue(attr: DenseElementsAttr, type: Type): RuntimeValue {
  checkShapedType(attr.type, type);
  const elementType = elementTypeOf(type);
  const elements = newBuffer(elementType, attr.numElements);
  for (let i = 0; i < attr.numElements; i++) elements.set(i, denseElement(attr, elementType, i));
  return { kind: "shaped", type: attr.type, elementType, shape: [...attr.type.shape], elements };
}

/** Bytes per element of a dense resource (little-endian, whole bytes; i1 and odd widths are not supported). */
function resourceElementBytes(elementType: ScalarType): number {
  if (!isIntLikeType(elementType)) return elementType.width / 8;
  const width = elementType.kind === "index" ? 64 : elementType.width;
  if (width % 8 !== 0) unsupported(`dense resources of ${describeType(elementType)} are not supported`);
  return width / 8;
}

function resourceValue(attr: DenseResourceElementsAttr, type: Type): RuntimeValue {
  checkShapedType(attr.type, type);
  const blob = attr.handle.blob;
  if (blob === undefined) fail("invalid-ir", `dense resource '${attr.handle.name}' has no data`);
  const elementType = elementTypeOf(type);
  const size = resourceElementBytes(elementType);
  const count = attr.type.shape.reduce((a, b) => a * b, 1);
  if (blob.data.length !== size * count) {
    fail("invalid-ir", `dense resource '${attr.handle.name}' has ${blob.data.length} bytes, ${size * count} expected`);
  }
  const readLE = (offset: number): bigint => {
    let v = 0n;
    for (let b = size - 1; b >= 0; b--) v = (v << 8n) | BigInt(blob.data[offset + b] as number);
    return v;
  };
  const elements = newBuffer(elementType, count);
  for (let i = 0; i < count; i++) {
    const raw = readLE(i * size);
    elements.set(i, isIntLikeType(elementType) ? normalizeElement(elementType, raw) : floatElementFromBits(raw, floatKindOf(elementType)));
  }
  return { kind: "shaped", type: attr.type, elementType, shape: [...attr.type.shape], elements };
}
