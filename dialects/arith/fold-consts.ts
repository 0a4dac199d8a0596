/**
 * The constant arithmetic behind arith's folders: reading constant attributes as lists of exact elements,
 * computing on them with exact semantics, and building attributes of the result type again.
 *
 * Elements are BigInts: integers as their unsigned two's-complement bits at the element width (index is 64
 * bits wide, as MLIR folds it), floats as their bit pattern in the element's format (so NaN payloads, -0.0
 * and f16/bf16 values are exact). A constant is a scalar (IntegerAttr / FloatAttr) or dense elements, splat
 * or not; `DenseResourceElementsAttr` and dynamically shaped results never fold.
 *
 * Floating-point arithmetic runs on JS doubles and is rounded once to the element kind: for +, -, *, / and
 * fmod of f16, bf16 and f32 operands the double result rounded to the narrower kind is the correctly rounded
 * result (the double has more than twice their precision), so folds agree with APFloat bit for bit. f80 and
 * f128 arithmetic is not folded (doubles cannot hold their values); conversions, which are exact here, are.
 */
import { type Attribute, DenseElementsAttr, type DenseStorage, FloatAttr, IntegerAttr, storageFor } from "../../src/ir/attributes.ts";
import {
  type FloatKind,
  decodeFloatBits,
  floatBitWidth,
  fromBits,
  isNaNBits,
} from "../../src/ir/float-bits.ts";
import {
  FloatType,
  IndexType,
  IntegerType,
  RankedTensorType,
  type Type,
  VectorType,
  elementTypeOrSelf,
  hasStaticShape,
} from "../../src/ir/types.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { type FloatElement, floatElementBits, floatElementFromBits } from "../../src/interp/values.ts";
import { CMPF_PREDICATES, CMPI_PREDICATES } from "./attrs.ts";

// ---- reading constants ---------------------------------------------------------------------------------

/** A constant read as elements: one element for scalars and splats, else every element in row-major order. */
export interface Elements {
  readonly values: readonly bigint[];
  /** True for scalars (IntegerAttr / FloatAttr). */
  readonly scalar: boolean;
}

/** The bit width an integer-like element type folds at (index: 64), or undefined for other types. */
export function intWidth(t: Type): number | undefined {
  if (t instanceof IndexType) return IndexType.bitWidth;
  if (t instanceof IntegerType) return t.width;
  return undefined;
}

/** The kind of a float element type, or undefined for other types. */
export function floatKind(t: Type): FloatKind | undefined {
  return t instanceof FloatType ? t.name : undefined;
}

/** The kinds whose arithmetic folds exactly through doubles. */
export type ArithFloatKind = "f16" | "bf16" | "f32" | "f64";
export const isArithFloatKind = (k: FloatKind | undefined): k is ArithFloatKind => k === "f16" || k === "bf16" || k === "f32" || k === "f64";

/**
 * Non-splat dense constants larger than this are not folded: each element becomes a BigInt here, and folding
 * a large tensor of weights would copy it (splats of any size fold).
 */
export const MAX_FOLDED_ELEMENTS = 1 << 16;

/** An integer (or index) constant as unsigned elements, or undefined when `a` is not one. */
export function readInts(a: Attribute | undefined): Elements | undefined {
  if (a instanceof IntegerAttr) {
    const w = intWidth(a.type);
    return w === undefined ? undefined : { values: [BigInt.asUintN(w, a.value)], scalar: true };
  }
  if (!(a instanceof DenseElementsAttr) || a.data.length > MAX_FOLDED_ELEMENTS) return undefined;
  const w = intWidth(a.type.elementType);
  if (w === undefined) return undefined;
  const values: bigint[] = [];
  for (let i = 0; i < a.data.length; i++) values.push(BigInt.asUintN(w, BigInt(a.data[i] as number | bigint)));
  return { values, scalar: false };
}

/** A float constant as bit patterns, or undefined when `a` is not one. */
export function readFloats(a: Attribute | undefined): Elements | undefined {
  if (a instanceof FloatAttr) return { values: [a.bits], scalar: true };
  if (!(a instanceof DenseElementsAttr) || a.data.length > MAX_FOLDED_ELEMENTS) return undefined;
  const kind = floatKind(a.type.elementType);
  if (kind === undefined) return undefined;
  return { values: floatBitsOf(a.data, kind), scalar: false };
}

function floatBitsOf(data: DenseStorage, kind: FloatKind): bigint[] {
  // Read through an integer view of the same bytes: reading a Float32Array would go through a double, which
  // does not keep a signalling NaN's bits.
  if (data instanceof Float32Array) return [...new Uint32Array(data.buffer, data.byteOffset, data.length)].map((b) => BigInt(b));
  if (data instanceof Float64Array) return [...new BigUint64Array(data.buffer, data.byteOffset, data.length)];
  if (data instanceof Uint16Array && (kind === "f16" || kind === "bf16")) return [...data].map((b) => BigInt(b));
  return [];
}

/** The single value of a scalar or splat integer constant (unsigned), or undefined. */
export function splatInt(a: Attribute | undefined): bigint | undefined {
  const e = readInts(a);
  return e !== undefined && e.values.length === 1 ? e.values[0] : undefined;
}

/** The single bit pattern of a scalar or splat float constant, or undefined. */
export function splatFloat(a: Attribute | undefined): bigint | undefined {
  const e = readFloats(a);
  return e !== undefined && e.values.length === 1 ? e.values[0] : undefined;
}

// ---- building constants --------------------------------------------------------------------------------

/** The attributes folding builds (what `arith.constant` holds). */
export type ConstantAttr = IntegerAttr | FloatAttr | DenseElementsAttr;

/**
 * An attribute of `type` holding `values` (one value: a scalar or a splat), or undefined when `type` cannot
 * hold a constant (dynamic shapes, scalable vectors that are not splats, unsupported element types).
 */
export function buildConstant(type: Type, values: readonly bigint[]): ConstantAttr | undefined {
  if (type instanceof IntegerType || type instanceof IndexType) {
    return values.length === 1 ? IntegerAttr.get(type, values[0] as bigint) : undefined;
  }
  if (type instanceof FloatType) return values.length === 1 ? FloatAttr.fromBits(type, values[0] as bigint) : undefined;
  if (!(type instanceof RankedTensorType || type instanceof VectorType) || !hasStaticShape(type.shape)) return undefined;
  if (type instanceof VectorType && type.isScalable && values.length !== 1) return undefined;
  const data = denseStorage(type.elementType, values);
  return data === undefined ? undefined : DenseElementsAttr.get(type, data);
}

function denseStorage(elementType: Type, values: readonly bigint[]): DenseStorage | undefined {
  const Storage = storageFor(elementType);
  if (Storage === undefined) return undefined;
  const data = new Storage(values.length);
  const kind = floatKind(elementType);
  if (kind !== undefined) {
    const bits =
      data instanceof Float32Array
        ? new Uint32Array(data.buffer)
        : data instanceof Float64Array
          ? new BigUint64Array(data.buffer)
          : data;
    values.forEach((v, i) => ((bits as unknown as (number | bigint)[])[i] = bits instanceof BigUint64Array ? v : Number(v)));
    return data;
  }
  const w = intWidth(elementType);
  if (w === undefined) return undefined;
  const unsigned = elementType instanceof IntegerType && elementType.signedness === "unsigned";
  values.forEach((v, i) => {
    // The conventions of the parser: i1 as 0/1, signless and signed as signed values, unsigned as unsigned.
    const stored = w === 1 ? v & 1n : unsigned ? BigInt.asUintN(w, v) : BigInt.asIntN(w, v);
    (data as unknown as (number | bigint)[])[i] = data instanceof BigInt64Array || data instanceof BigUint64Array ? stored : Number(stored);
  });
  return data;
}

/** A constant of `type` with every element equal to `value` (a splat), or undefined (see buildConstant). */
export const splatConstant = (type: Type, value: bigint): ConstantAttr | undefined => buildConstant(type, [value]);

/** The zero of an integer-like or float-like type (+0.0 for floats). */
export const zeroConstant = (type: Type): ConstantAttr | undefined => splatConstant(type, 0n);

/** The i1 value of a boolean: 1 for true. */
export const boolBits = (b: boolean): bigint => (b ? 1n : 0n);

// ---- elementwise combinators ---------------------------------------------------------------------------

/**
 * Applies `fn` to each element (MLIR's constFoldUnaryOp / constFoldCastOp): a scalar gives a scalar, a splat a
 * splat. Undefined when `fn` declines any element (an undefined-behaviour case).
 */
export function mapElements(e: Elements, fn: (x: bigint) => bigint | undefined): bigint[] | undefined {
  const out: bigint[] = [];
  for (const x of e.values) {
    const r = fn(x);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

/**
 * Applies `fn` elementwise to two constants of one shape (MLIR's constFoldBinaryOp): two splats give a splat,
 * a splat and a list broadcast the splat. Undefined when the two are not both scalars or both shaped, or when
 * `fn` declines any element.
 */
export function zipElements(a: Elements, b: Elements, fn: (x: bigint, y: bigint) => bigint | undefined): bigint[] | undefined {
  if (a.scalar !== b.scalar) return undefined;
  const n = Math.max(a.values.length, b.values.length);
  if (a.values.length !== n && a.values.length !== 1) return undefined;
  if (b.values.length !== n && b.values.length !== 1) return undefined;
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const r = fn(a.values[a.values.length === 1 ? 0 : i] as bigint, b.values[b.values.length === 1 ? 0 : i] as bigint);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

// ---- integer semantics (unsigned bits in, unsigned bits out; undefined = do not fold) ------------------
//
// The arithmetic itself is the interpreter's (src/interp/int-semantics.ts), so a fold and the interpreter
// cannot disagree by accident; where the folder deliberately differs (MLIR's folding rule), the table says so.

const wrap = (w: number, x: bigint): bigint => BigInt.asUintN(w, x);
const minSigned = (w: number): bigint => -(1n << BigInt(w - 1));
const maxSigned = (w: number): bigint => (1n << BigInt(w - 1)) - 1n;

type IntSemantics = (n: number, a: bigint, b: bigint) => bigint;

/** An interpreter operation on unsigned bits: its result wrapped to unsigned bits, undefined on undefined behaviour. */
const exact =
  (fn: IntSemantics) =>
  (w: number, a: bigint, b: bigint): bigint | undefined => {
    const r = I.unlessUndefined(() => fn(w, a, b));
    return r === undefined ? undefined : wrap(w, r);
  };

/**
 * A signed division whose quotient must fit: on i1, -1 / -1 = +1 does not fit, and MLIR's folder (sdiv_ov)
 * refuses it, whereas the interpreter (like LLVM) reads i1 signed division as x / 1 and gives -1. Kept as
 * MLIR folds it; for scalars and splats `x / 1 -> x` fires first anyway.
 */
const signedDivision = (fn: IntSemantics) => {
  const folded = exact(fn);
  return (w: number, a: bigint, b: bigint): bigint | undefined =>
    w === 1 && isMinSigned(w, a) && isAllOnes(w, b) ? undefined : folded(w, a, b);
};

/** Integer binary operations by arith op mnemonic. Each returns undefined where the op has undefined behaviour. */
export const intBinary: Readonly<Record<string, (w: number, a: bigint, b: bigint) => bigint | undefined>> = {
  addi: exact(I.addI),
  subi: exact(I.subI),
  muli: exact(I.mulI),
  divui: exact(I.divUI),
  divsi: signedDivision(I.divSI),
  ceildivui: exact(I.ceilDivUI),
  ceildivsi: signedDivision(I.ceilDivSI),
  floordivsi: signedDivision(I.floorDivSI),
  remui: exact(I.remUI),
  // INT_MIN rem -1 is 0 (APInt's srem, as MLIR folds it); the interpreter reports it as undefined behaviour
  // (LLVM's srem overflows). Folding undefined behaviour to a value is a legal refinement.
  remsi: (w, a, b) => (w > 1 && isMinSigned(w, a) && isAllOnes(w, b) ? 0n : exact(I.remSI)(w, a, b)),
  andi: exact(I.andI),
  ori: exact(I.orI),
  xori: exact(I.xorI),
  // Shifting by the bit width or more is poison (the interpreter reports it): leave the op alone.
  shli: exact(I.shLI),
  shrui: exact(I.shRUI),
  shrsi: exact(I.shRSI),
  maxsi: exact(I.maxSI),
  maxui: exact(I.maxUI),
  minsi: exact(I.minSI),
  minui: exact(I.minUI),
};

/** `cmpi` predicates in their attribute order (eq = 0 ... uge = 9). */
export function cmpiHolds(predicate: number, w: number, a: bigint, b: bigint): boolean | undefined {
  const name = CMPI_PREDICATES[predicate];
  return name === undefined ? undefined : I.cmpI(name, w, a, b);
}

export const isAllOnes = (w: number, x: bigint): boolean => x === wrap(w, -1n);
export const isMinSigned = (w: number, x: bigint): boolean => x === wrap(w, minSigned(w));
export const isMaxSigned = (w: number, x: bigint): boolean => x === maxSigned(w);

// ---- float semantics (bit patterns in and out) ----------------------------------------------------------
//
// The arithmetic is the interpreter's (src/interp/float-semantics.ts), on its float elements; these helpers
// convert bit patterns to elements and back, which is exact (NaN payloads included).

const signBit = (kind: FloatKind): bigint => 1n << BigInt(floatBitWidth(kind) - 1);

export const isNaN = (bits: bigint, kind: FloatKind): boolean => isNaNBits(bits, kind);
export const negate = (bits: bigint, kind: FloatKind): bigint => bits ^ signBit(kind);

const element = (bits: bigint, kind: ArithFloatKind): FloatElement => floatElementFromBits(bits, kind);

/** An interpreter float operation on bit patterns. */
const onBits =
  (fn: (kind: ArithFloatKind, a: FloatElement, b: FloatElement) => FloatElement) =>
  (kind: ArithFloatKind, a: bigint, b: bigint): bigint =>
    floatElementBits(fn(kind, element(a, kind), element(b, kind)), kind);

/**
 * An arithmetic float operation as APFloat computes it: a NaN operand propagates (the left one first),
 * quieted; a NaN made from numbers (inf - inf, 0 * inf, x % 0) is the default positive quiet NaN; other
 * results are rounded to nearest, ties to even. (The interpreter's `floatOp`, on bit patterns.)
 */
export function floatArith(kind: ArithFloatKind, a: bigint, b: bigint, fn: (x: number, y: number) => number): bigint {
  return floatElementBits(F.floatOp(kind, [element(a, kind), element(b, kind)], fn), kind);
}

/** Float binary operations by arith op mnemonic. */
export const floatBinary: Readonly<Record<string, (kind: ArithFloatKind, a: bigint, b: bigint) => bigint>> = {
  addf: onBits(F.addF),
  subf: onBits(F.subF),
  mulf: onBits(F.mulF),
  divf: onBits(F.divF),
  // The remainder of truncated division, with the dividend's sign (C's fmod, LLVM's frem).
  remf: onBits(F.remF),
  maxf: (k, a, b) => nanAsIs(k, a, b) ?? onBits(F.maxF)(k, a, b),
  minf: (k, a, b) => nanAsIs(k, a, b) ?? onBits(F.minF)(k, a, b),
};

/**
 * maxf / minf fold as llvm::maximum / minimum: a NaN operand is returned as it is (the left one first),
 * not quieted. The interpreter's maxF / minF quiet it, as the hardware would: the two differ only on a
 * signalling NaN operand (a NaN payload, which rewrites may change). Otherwise they agree (-0.0 < +0.0).
 */
function nanAsIs(kind: ArithFloatKind, a: bigint, b: bigint): bigint | undefined {
  if (isNaNBits(a, kind)) return a;
  if (isNaNBits(b, kind)) return b;
  return undefined;
}

/** `cmpf` predicates in their attribute order (false = 0 ... true = 15); NaN makes a comparison unordered. */
export function cmpfHolds(predicate: number, kind: ArithFloatKind, a: bigint, b: bigint): boolean | undefined {
  const name = CMPF_PREDICATES[predicate];
  return name === undefined ? undefined : F.cmpF(name, element(a, kind), element(b, kind));
}

/** True when a float element (bits) equals `x` exactly (Object.is: -0.0 and +0.0 differ). */
export function floatBitsEqual(bits: bigint, kind: FloatKind, x: number): boolean {
  return !isNaNBits(bits, kind) && Object.is(fromBits(bits, kind), x);
}

/** The element type of a scalar, vector or tensor type. */
export const elementOf = (t: Type): Type => elementTypeOrSelf(t);

/** The truncated integer value of a finite float (exact for every kind), or undefined for NaN and infinities. */
export function truncatedInteger(bits: bigint, kind: FloatKind): bigint | undefined {
  const d = decodeFloatBits(bits, kind);
  if (d.cls === "nan" || d.cls === "infinity") return undefined;
  if (d.cls === "zero") return 0n;
  const magnitude = d.exponent >= 0 ? d.significand << BigInt(d.exponent) : d.significand >> BigInt(-d.exponent);
  return d.negative ? -magnitude : magnitude;
}
