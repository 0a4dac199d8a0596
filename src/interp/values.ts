/**
 * Runtime values of the interpreter, and helpers to make them from JS.
 *
 * Canonical representation (one per value, so equal values are equal data):
 *   - integers (any width) and index: a BigInt normalised as IntegerAttr stores it (`normalizeInt`):
 *     two's-complement *signed* for signless and signed types (i8 255 is -1n, i1 true is -1n, index is
 *     64-bit), unsigned for unsigned types. Ops that read a value as unsigned take `BigInt.asUintN` of it.
 *   - floats f16 / bf16 / f32 / f64: a JS number holding exactly a value of the type (f32 via Math.fround,
 *     f16/bf16 via `roundToKind`). A plain `NaN` number stands for the type's default quiet NaN (positive,
 *     only the quiet bit set: 0x7FC00000 for f32); any other NaN bit pattern is a `NaNBits` box, because
 *     a JS number cannot carry NaN payloads reliably (V8 canonicalises NaNs stored in arrays). f80 and f128
 *     are not supported.
 *   - vectors and tensors: the element type, the concrete shape and a flat row-major ElementBuffer
 *     (buffer.ts: typed arrays) of elements in the representations above. Tensors are immutable values, like
 *     vectors: an op never writes the buffer of a value it did not build.
 *   - memrefs (memref.ts): a strided view (offset, sizes, strides) of an Allocation, shared by every view of
 *     it, so writes through one view are seen through the others.
 *   - function references (`func.constant`): the symbol name and its function type.
 */
import { normalizeInt } from "../ir/attributes.ts";
import {
  FloatType,
  FunctionType,
  IndexType,
  IntegerType,
  RankedTensorType,
  type Type,
  UnrankedTensorType,
  VectorType,
  i1,
} from "../ir/types.ts";
import { printType } from "../text/print-attr.ts";
import { type ElementBuffer, bufferOf, bufferSuits } from "./buffer.ts";
import { type MemRefValue, viewFitsType } from "./memref.ts";
import { unsupported } from "./errors.ts";
import { type FloatKind, fromBits, quietNaNBits, roundToKind, toBits } from "../ir/float-bits.ts";

/** A NaN whose bits are not the default quiet NaN of its type (sign, signalling bit and payload kept exactly). */
export class NaNBits {
  constructor(readonly bits: bigint) {}
}

/**
 * A NaN produced by a float operation that is not a bit operation (addf, mulf, sqrt, extf, ...). LLVM leaves
 * the sign and payload of such a NaN unspecified (LangRef, "Behavior of Floating-Point NaN values"), so a
 * rewrite may change them: `mulf(negf x, negf y) -> mulf(x, y)` is right although x86 would give NaNs of
 * opposite signs. `bits` is the interpreter's pick (what x86 and APFloat give: the first NaN operand quieted,
 * else the default NaN), so results print and fold as MLIR folds them; a program that *observes* those bits
 * (`arith.bitcast` to an integer, the sign operand of `math.copysign`) fails with `unspecified` behaviour
 * instead of returning one arbitrary answer, and property tests skip such inputs as they skip UB.
 */
export class UnspecifiedNaN extends NaNBits {}

export type FloatElement = number | NaNBits;
/** One element of a vector or tensor, or the payload of a scalar: a BigInt for integers, a FloatElement for floats. */
export type Element = bigint | FloatElement;

/** The kinds of float the interpreter runs (JS numbers hold each of them exactly). */
export type SupportedFloatKind = Extract<FloatKind, "f16" | "bf16" | "f32" | "f64">;
export type IntLikeType = IntegerType | IndexType;
export type ScalarType = IntLikeType | FloatType;
export type ShapedRuntimeType = VectorType | RankedTensorType | UnrankedTensorType;

export interface IntValue {
  readonly kind: "int";
  readonly type: IntLikeType;
  readonly value: bigint;
}
export interface FloatValue {
  readonly kind: "float";
  readonly type: FloatType;
  readonly value: FloatElement;
}
export interface ShapedValue {
  readonly kind: "shaped";
  readonly type: ShapedRuntimeType;
  readonly elementType: ScalarType;
  /** The concrete shape (dynamic dimensions of the type are known here). */
  readonly shape: readonly number[];
  /** Row-major elements; never written once the value is built (see the module comment). */
  readonly elements: ElementBuffer;
}
export interface FunctionRefValue {
  readonly kind: "function";
  readonly type: FunctionType;
  readonly symbol: string;
}

export type ScalarValue = IntValue | FloatValue;
export type RuntimeValue = IntValue | FloatValue | ShapedValue | MemRefValue | FunctionRefValue;
export type { MemRefValue };

// ---- types ---------------------------------------------------------------------------------------------------

export const isIntLikeType = (t: Type): t is IntLikeType => t instanceof IntegerType || t instanceof IndexType;
export const isScalarType = (t: Type): t is ScalarType => isIntLikeType(t) || t instanceof FloatType;
export const isShapedRuntimeType = (t: Type): t is ShapedRuntimeType =>
  t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType;

export function intWidth(t: IntLikeType): number {
  return t instanceof IndexType ? IndexType.bitWidth : t.width;
}

const SUPPORTED: ReadonlySet<FloatKind> = new Set<FloatKind>(["f16", "bf16", "f32", "f64"]);

/** The kind of a float type the interpreter supports; an `unsupported` InterpFailure for f80 / f128. */
export function floatKindOf(t: FloatType): SupportedFloatKind {
  if (!SUPPORTED.has(t.name)) unsupported(`the interpreter does not support ${t.name} (JS numbers cannot hold it)`);
  return t.name as SupportedFloatKind;
}

export const isSupportedFloatType = (t: Type): t is FloatType => t instanceof FloatType && SUPPORTED.has(t.name);

// ---- float elements ------------------------------------------------------------------------------------------

export const isNaNElement = (e: FloatElement): boolean => e instanceof NaNBits || Number.isNaN(e);
/** The number an element stands for (NaN for every NaN). */
export const floatNumber = (e: FloatElement): number => (e instanceof NaNBits ? NaN : e);

/** The bit pattern of a float element in `kind` (the plain NaN is the default quiet NaN). */
export function floatElementBits(e: FloatElement, kind: SupportedFloatKind): bigint {
  if (e instanceof NaNBits) return e.bits;
  if (Number.isNaN(e)) return quietNaNBits(kind);
  return toBits(e, kind);
}

/** The element with bit pattern `bits` of `kind`: a number, the plain NaN, or a NaNBits box. */
export function floatElementFromBits(bits: bigint, kind: SupportedFloatKind): FloatElement {
  const width = kind === "f64" ? 64 : kind === "f32" ? 32 : 16;
  const b = BigInt.asUintN(width, bits);
  const x = fromBits(b, kind);
  if (!Number.isNaN(x)) return x;
  return b === quietNaNBits(kind) ? NaN : new NaNBits(b);
}

// ---- constructors --------------------------------------------------------------------------------------------

/** An integer or index value; `v` is wrapped to the type's width (see the module comment for the canonical form). */
export function intValue(type: IntLikeType, v: bigint | number): IntValue {
  return { kind: "int", type, value: normalizeInt(BigInt(v), type) };
}

/** An i1: true is stored as -1n, as IntegerAttr stores it. */
export function boolValue(b: boolean): IntValue {
  return intValue(i1, b ? -1n : 0n);
}

/** A float value: `x` rounded to the type (ties to even); NaN becomes the type's default quiet NaN. */
export function floatValue(type: FloatType, x: number): FloatValue {
  const kind = floatKindOf(type);
  return { kind: "float", type, value: Number.isNaN(x) ? NaN : roundToKind(x, kind) };
}

/** A float value from its bit pattern (exact, NaN payloads included). */
export function floatValueFromBits(type: FloatType, bits: bigint): FloatValue {
  return { kind: "float", type, value: floatElementFromBits(bits, floatKindOf(type)) };
}

/** Normalises one element to the canonical representation of `elementType`. */
export function normalizeElement(elementType: ScalarType, e: Element): Element {
  if (isIntLikeType(elementType)) {
    if (e instanceof NaNBits) throw new TypeError(`a NaN is not a value of ${describeType(elementType)}`);
    if (typeof e === "number" && !Number.isInteger(e)) throw new TypeError(`${e} is not an integer`);
    return normalizeInt(BigInt(e), elementType);
  }
  const kind = floatKindOf(elementType);
  if (e instanceof UnspecifiedNaN) return e;
  if (e instanceof NaNBits) return floatElementFromBits(e.bits, kind);
  const x = Number(e);
  return Number.isNaN(x) ? NaN : roundToKind(x, kind);
}

/**
 * A vector or tensor value. `elements` are row-major (numbers or BigInts, normalised to the element type);
 * `shape` defaults to the type's static shape and is required for dynamic or unranked tensor types.
 */
export function shapedValue(type: ShapedRuntimeType, elements: readonly Element[], shape?: readonly number[]): ShapedValue {
  const { elementType, concrete } = checkedShape(type, shape);
  const count = shapeSize(concrete);
  if (elements.length !== count) throw new TypeError(`${elements.length} elements for a shape of ${count}`);
  return { kind: "shaped", type, elementType, shape: [...concrete], elements: bufferOf(elementType, elements) };
}

/**
 * A vector or tensor value over `buffer`, which it takes ownership of (no copy): the fast way for kernels to
 * return results. The buffer must hold canonical elements of the type (buffer.ts's `newBuffer` makes one).
 */
export function shapedFromBuffer(type: ShapedRuntimeType, buffer: ElementBuffer, shape?: readonly number[]): ShapedValue {
  const { elementType, concrete } = checkedShape(type, shape);
  const count = shapeSize(concrete);
  if (buffer.length !== count) throw new TypeError(`${buffer.length} elements for a shape of ${count}`);
  if (!bufferSuits(buffer, elementType)) throw new TypeError(`the buffer does not hold ${describeType(elementType)} elements`);
  return { kind: "shaped", type, elementType, shape: [...concrete], elements: buffer };
}

function checkedShape(type: ShapedRuntimeType, shape: readonly number[] | undefined): { elementType: ScalarType; concrete: readonly number[] } {
  const elementType = type.elementType;
  if (!isScalarType(elementType)) throw new TypeError(`unsupported element type ${describeType(elementType)}`);
  const concrete = shape ?? staticShapeOf(type);
  if (concrete === undefined) throw new TypeError(`a value of ${describeType(type)} needs an explicit shape`);
  if (!shapeFits(type, concrete)) throw new TypeError(`shape [${concrete.join(", ")}] does not fit ${describeType(type)}`);
  return { elementType, concrete };
}

/** The number of elements of a concrete shape. */
export const shapeSize = (shape: readonly number[]): number => {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
};

/** A shaped value whose elements are all `e`. */
export function splatValue(type: ShapedRuntimeType, e: Element, shape?: readonly number[]): ShapedValue {
  const { elementType, concrete } = checkedShape(type, shape);
  const buffer = bufferOf(elementType, [e]);
  const out = buffer.empty(shapeSize(concrete));
  const value = buffer.get(0);
  for (let i = 0; i < out.length; i++) out.set(i, value);
  return { kind: "shaped", type, elementType, shape: [...concrete], elements: out };
}

export function functionRef(symbol: string, type: FunctionType): FunctionRefValue {
  return { kind: "function", type, symbol };
}

/** A scalar value of `type` holding `e` (normalised). */
export function scalarValue(type: ScalarType, e: Element): ScalarValue {
  if (isIntLikeType(type)) return { kind: "int", type, value: normalizeElement(type, e) as bigint };
  return { kind: "float", type, value: normalizeElement(type, e) as FloatElement };
}

/** The static shape of a vector or ranked tensor type; undefined when a dimension is dynamic or it is unranked. */
export function staticShapeOf(type: ShapedRuntimeType): readonly number[] | undefined {
  if (type instanceof UnrankedTensorType) return undefined;
  return type.shape.every((d) => d >= 0) ? type.shape : undefined;
}

/** True when a concrete shape is one of the type's (same rank, equal static dimensions). */
export function shapeFits(type: ShapedRuntimeType, shape: readonly number[]): boolean {
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) return false;
  if (type instanceof UnrankedTensorType) return true;
  if (type.shape.length !== shape.length) return false;
  return type.shape.every((d, i) => d < 0 || d === shape[i]);
}

// ---- reading values ------------------------------------------------------------------------------------------

/** The payload of a scalar value as an element. */
export const elementOf = (v: ScalarValue): Element => v.value;

/** The elements of a value (one for a scalar) and its shape ([] for a scalar). */
export function elementsOf(v: ScalarValue | ShapedValue): { readonly shape: readonly number[]; readonly elements: readonly Element[] } {
  return v.kind === "shaped" ? { shape: v.shape, elements: v.elements.toArray() } : { shape: [], elements: [v.value] };
}

/** An i1 (or any integer) value read as a boolean: nonzero is true. */
export const isTrue = (v: IntValue): boolean => v.value !== 0n;

/** The value read as unsigned (`BigInt.asUintN` of its width). */
export const unsignedOf = (v: IntValue): bigint => BigInt.asUintN(intWidth(v.type), v.value);

/** The JS number of a float value (NaN for every NaN). */
export const numberOf = (v: FloatValue): number => floatNumber(v.value);

/** The bit pattern of a float value. */
export const bitsOf = (v: FloatValue): bigint => floatElementBits(v.value, floatKindOf(v.type));

/**
 * Whether `v` is a value of `type`: exact type identity, and for shaped values a shape that fits with a buffer
 * of that size; for memrefs a shape and strides that fit (memref.ts's `viewFitsType`).
 */
export function valueHasType(v: RuntimeValue, type: Type): boolean {
  if (v.type !== type) return false;
  if (v.kind === "shaped") return shapeFits(v.type, v.shape) && v.elements.length === shapeSize(v.shape);
  if (v.kind === "memref") return viewFitsType(v, v.type);
  return true;
}

/** A type as MLIR prints it, for messages. */
export const describeType = (t: Type): string => printType(t);
