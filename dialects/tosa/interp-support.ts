/**
 * What the TOSA kernels share: reading operands as typed arrays, broadcasting, and building result tensors.
 *
 * Floats are computed on the buffers' Float64Arrays (a NaN with special bits reads as a plain NaN: TOSA never
 * observes NaN payloads) and rounded once per operation to the element type (Math.fround for f32). Integers
 * are BigInts, wrapped to the element type's width; unsigned types (ui8, ui16) read unsigned.
 */
import { roundToKind } from "../../src/ir/float-bits.ts";
import { FloatType, IntegerType, RankedTensorType, type Type, isDynamic } from "../../src/ir/types.ts";
import { FloatBuffer, IntBuffer, newBuffer } from "../../src/interp/buffer.ts";
import { fail, unsupported } from "../../src/interp/errors.ts";
import { rowMajorStrides } from "../../src/interp/memref.ts";
import {
  type RuntimeValue,
  type ScalarType,
  type ShapedRuntimeType,
  type ShapedValue,
  type SupportedFloatKind,
  floatKindOf,
  isShapedRuntimeType,
  shapedFromBuffer,
  shapeSize,
} from "../../src/interp/values.ts";

/** The operand as a tensor value (the verifier guarantees TOSA operands are tensors). */
export function tensorArg(args: readonly RuntimeValue[], i: number): ShapedValue {
  const v = args[i];
  if (v === undefined || v.kind !== "shaped") return fail("invalid-ir", `operand #${i} is not a tensor`);
  return v;
}

/** The result type as a tensor type. */
export function tensorType(t: Type): ShapedRuntimeType {
  if (!isShapedRuntimeType(t)) return fail("invalid-ir", "the result is not a tensor");
  return t;
}

// ---- floats ----------------------------------------------------------------------------------------------------

export const isFloat = (t: ScalarType): t is FloatType => t instanceof FloatType;

/** Rounds a double to the element type, in place over `data`. */
export function roundInPlace(data: Float64Array, kind: SupportedFloatKind): Float64Array {
  if (kind === "f32") for (let i = 0; i < data.length; i++) data[i] = Math.fround(data[i] as number);
  else if (kind !== "f64") for (let i = 0; i < data.length; i++) data[i] = roundToKind(data[i] as number, kind);
  return data;
}

/** Rounding of one double to the element type. */
export function rounder(kind: SupportedFloatKind): (x: number) => number {
  if (kind === "f32") return Math.fround;
  if (kind === "f64") return (x) => x;
  return (x) => roundToKind(x, kind);
}

/** The elements of a float tensor as doubles (the buffer's own array: never write it). */
export function floatData(v: ShapedValue): Float64Array {
  const b = v.elements;
  if (!(b instanceof FloatBuffer)) return fail("invalid-ir", "a float tensor without float storage");
  if (b.isPlain) return b.data;
  const out = new Float64Array(b.length);
  for (let i = 0; i < out.length; i++) out[i] = Number(b.get(i));
  return out;
}

/** A float tensor of `type` and `shape` holding `data` (already rounded to the element type). */
export function floatResult(type: Type, shape: readonly number[], data: Float64Array): ShapedValue {
  return shaped(type, shape, new FloatBuffer(data));
}

// ---- integers --------------------------------------------------------------------------------------------------

export interface IntInfo {
  readonly width: number;
  readonly unsigned: boolean;
  /** Wraps a BigInt to the type (two's complement, read signed unless unsigned). */
  readonly wrap: (x: bigint) => bigint;
  readonly min: bigint;
  readonly max: bigint;
}

export function intInfo(t: ScalarType): IntInfo {
  if (!(t instanceof IntegerType)) return unsupported(`integer semantics of ${t.kind} elements`);
  const width = t.width;
  const unsigned = t.signedness === "unsigned";
  const wrap = unsigned ? (x: bigint) => BigInt.asUintN(width, x) : (x: bigint) => BigInt.asIntN(width, x);
  const min = unsigned ? 0n : -(1n << BigInt(width - 1));
  const max = unsigned ? (1n << BigInt(width)) - 1n : (1n << BigInt(width - 1)) - 1n;
  return { width, unsigned, wrap, min, max };
}

/** The elements of an integer tensor (the buffer's own array: never write it). */
export function intData(v: ShapedValue): ArrayLike<bigint> {
  const b = v.elements;
  if (!(b instanceof IntBuffer)) return fail("invalid-ir", "an integer tensor without integer storage");
  return b.data;
}

/** An integer tensor of `type` and `shape` holding `data` wrapped to the element type. */
export function intResult(type: Type, shape: readonly number[], data: ArrayLike<bigint>): ShapedValue {
  const t = tensorType(type);
  const info = intInfo(t.elementType as ScalarType);
  const buffer = newBuffer(t.elementType as ScalarType, data.length) as IntBuffer;
  const out = buffer.data;
  for (let i = 0; i < data.length; i++) out[i] = info.wrap(data[i] as bigint);
  return shaped(type, shape, buffer);
}

/** i1 results: true is -1n as values store it. */
export const bool = (b: boolean): bigint => (b ? -1n : 0n);

// ---- shapes ----------------------------------------------------------------------------------------------------

/** A result value, failing (rather than throwing) when the computed shape does not fit the result type. */
export function shaped(type: Type, shape: readonly number[], buffer: FloatBuffer | IntBuffer): ShapedValue {
  const t = tensorType(type);
  try {
    return shapedFromBuffer(t, buffer, shape);
  } catch (e) {
    return fail("invalid-ir", `the result shape [${shape.join(", ")}] does not fit the result type: ${(e as Error).message}`);
  }
}

/** Row-major strides of a shape. */
export const stridesOf = rowMajorStrides;

/**
 * The shape elementwise operands broadcast to (TOSA: right-aligned, size-1 dims stretch), widened to the
 * result type's rank when that is larger (MLIR 16 accepts `add(2x3, 2x3) -> 1x2x3`).
 */
export function broadcastShape(shapes: readonly (readonly number[])[], resultType: Type): number[] {
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  if (resultType instanceof RankedTensorType) rank = Math.max(rank, resultType.rank);
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    const offset = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const a = out[i + offset] as number;
      const b = s[i] as number;
      if (a === 1) out[i + offset] = b;
      else if (b !== 1 && a !== b) return fail("invalid-ir", `shapes [${shapes.map((x) => x.join("x")).join("], [")}] do not broadcast`);
    }
  }
  if (resultType instanceof RankedTensorType) {
    resultType.shape.forEach((d, i) => {
      if (!isDynamic(d) && out[i] === 1 && d !== 1) out[i] = d;
    });
  }
  return out;
}

/**
 * For each element of `outShape` (row-major), the index of the element of a value of shape `inShape` that
 * broadcasts to it; undefined when the shapes are equal (the identity).
 */
export function broadcastIndices(outShape: readonly number[], inShape: readonly number[]): Int32Array | undefined {
  const rank = outShape.length;
  const offset = rank - inShape.length;
  if (offset === 0 && inShape.every((d, i) => d === outShape[i])) return undefined;
  const n = shapeSize(outShape);
  const out = new Int32Array(n);
  if (n === 0) return out;
  const inStrides = stridesOf(inShape);
  const strides = outShape.map((_, d) => (d < offset || inShape[d - offset] === 1 ? 0 : (inStrides[d - offset] as number)));
  const idx = new Array<number>(rank).fill(0);
  let at = 0;
  for (let i = 0; i < n; i++) {
    out[i] = at;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      at += strides[d] as number;
      if ((idx[d] as number) < (outShape[d] as number)) break;
      at -= (strides[d] as number) * (outShape[d] as number);
      idx[d] = 0;
    }
  }
  return out;
}

/** The kind of a float tensor's elements. */
export const kindOf = (v: ShapedValue): SupportedFloatKind => floatKindOf(v.elementType as FloatType);
