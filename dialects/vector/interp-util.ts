/**
 * Helpers of the vector dialect's interpreter semantics: reading operands as vectors, scalars and index
 * lists, building results, row-major index arithmetic, and the combining kinds (`#vector.kind<...>`) as element
 * functions.
 *
 * Vectors are ShapedValues (row-major ElementBuffers). Scalable dims run with vscale = 1 (a `vector<[4]xf32>`
 * holds 4 elements and `vector.vscale` is 1), the smallest hardware the type allows.
 */
import { type ElementBuffer, newBuffer } from "../../src/interp/buffer.ts";
import { elementTypeOf, floatElementKind, intElementWidth } from "../../src/interp/elementwise.ts";
import { fail, invalidIR } from "../../src/interp/errors.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import {
  type Element,
  type FloatElement,
  isIntLikeType,
  type RuntimeValue,
  type ScalarType,
  type ShapedValue,
  scalarValue,
  shapedFromBuffer,
  shapeSize,
} from "../../src/interp/values.ts";
import { VectorType, type Type } from "../../src/ir/types.ts";
import type { CombiningKind } from "./attrs.ts";

/** The vector an operand holds (a failure when the IR passed something else). */
export function asVector(v: RuntimeValue | undefined, what = "operand"): ShapedValue {
  if (v?.kind !== "shaped") return invalidIR(`expected a vector ${what}`);
  return v;
}

/** The element a scalar operand holds. */
export function scalarElement(v: RuntimeValue | undefined): Element {
  if (v?.kind === "int" || v?.kind === "float") return v.value;
  return invalidIR("expected a scalar operand");
}

/** An index (or integer) operand as a JS number (signed). */
export function indexOf(v: RuntimeValue | undefined): number {
  if (v?.kind !== "int") return invalidIR("expected an index operand");
  return Number(v.value);
}

/** A vector result of `type` over `buffer` (taken over). */
export function vectorResult(type: Type, buffer: ElementBuffer): ShapedValue {
  if (!(type instanceof VectorType)) return invalidIR("expected a vector result type");
  return shapedFromBuffer(type, buffer, type.shape);
}

/** A zero-filled buffer for a vector of `type`. */
export function bufferFor(type: Type): ElementBuffer {
  if (!(type instanceof VectorType)) return invalidIR("expected a vector type");
  return newBuffer(elementTypeOf(type), shapeSize(type.shape));
}

/** A scalar (element type) or vector result: scalars come back as scalar values. */
export function scalarResult(type: Type, e: Element): RuntimeValue {
  return scalarValue(type as ScalarType, e);
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = s;
    s *= shape[d] as number;
  }
  return out;
}

/** The flat row-major position of `indices` in `shape`. */
export function flatIndex(indices: readonly number[], strides: readonly number[]): number {
  let p = 0;
  for (let d = 0; d < indices.length; d++) p += (indices[d] as number) * (strides[d] as number);
  return p;
}

/** The multi-index of flat position `flat` in `shape`. */
export function unflatten(flat: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    out[d] = flat % n;
    flat = Math.floor(flat / n);
  }
  return out;
}

// ---- combining kinds -------------------------------------------------------------------------------------------

/** `a ⊕ b` for a combining kind on elements of `elementType` (MLIR's makeArithReduction: arith's semantics). */
export function combiner(kind: CombiningKind, elementType: Type): (a: Element, b: Element) => Element {
  if (isIntLikeType(elementType)) {
    const n = intElementWidth(elementType);
    const op = {
      add: I.addI,
      mul: I.mulI,
      minui: I.minUI,
      minsi: I.minSI,
      maxui: I.maxUI,
      maxsi: I.maxSI,
      and: I.andI,
      or: I.orI,
      xor: I.xorI,
    }[kind as Exclude<CombiningKind, "minf" | "maxf">];
    if (op === undefined) return fail("invalid-ir", `combining kind '${kind}' on integers`);
    return (a, b) => op(n, a as bigint, b as bigint);
  }
  const k = floatElementKind(elementType);
  const op = { add: F.addF, mul: F.mulF, minf: F.minF, maxf: F.maxF }[kind as "add" | "mul" | "minf" | "maxf"];
  if (op === undefined) return fail("invalid-ir", `combining kind '${kind}' on floats`);
  return (a, b) => op(k, a as FloatElement, b as FloatElement);
}

/** The neutral element of a kind (what a fully masked-off reduction without accumulator gives). */
export function neutralElement(kind: CombiningKind, elementType: Type): Element {
  if (isIntLikeType(elementType)) {
    const n = intElementWidth(elementType);
    const ones = -1n;
    const smax = (1n << BigInt(n - 1)) - 1n;
    const smin = -(1n << BigInt(n - 1));
    const table: Record<string, bigint> = { add: 0n, mul: 1n, or: 0n, xor: 0n, and: ones, minui: ones, maxui: 0n, minsi: smax, maxsi: smin };
    return I.addI(n, table[kind] ?? 0n, 0n);
  }
  const table: Record<string, number> = { add: -0, mul: 1, minf: Infinity, maxf: -Infinity };
  return table[kind] ?? 0;
}
