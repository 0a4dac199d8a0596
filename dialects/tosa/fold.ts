/**
 * The folds of TOSA ops, as MLIR 16's TosaCanonicalizations.cpp defines them: identities (add/sub of zero,
 * mul by one, div by one, reshape/slice/tile/transpose/resize/pad/reverse/reduce that change nothing, cast to
 * the same type, select of equal branches or a constant predicate) and constant folding of splats (add, sub,
 * mul, div, comparisons, cast, reshape, transpose, slice, reverse).
 *
 * Where MLIR 16's fold disagrees with the op's semantics (the interpreter's, interp*.ts), the fold follows
 * the semantics, so that folding never changes what a program computes:
 *   - `mul(x, 0.0)` is not folded to 0.0 for floats (NaN * 0 and inf * 0 are NaN);
 *   - float `add(x, c)` folds to x only for c = -0.0 and `sub(x, c)` only for c = +0.0 (-0.0 + +0.0 is +0.0);
 *   - mul of integer splats with a shift rounds, as the spec does (MLIR 16 truncates);
 *   - cast of a float splat to an integer rounds to nearest even and saturates (MLIR 16 truncates toward zero),
 *     and a NaN is not folded;
 *   - div of splats by zero, or INT_MIN by -1, is not folded (undefined behaviour);
 *   - a bilinear resize by 1/1 folds only for integers with unit scales (see foldResize);
 *   - a fold that would return a value of another type than the result's (MLIR asserts) does not fold.
 */
import { type Attribute, DenseElementsAttr, normalizeInt } from "../../src/ir/attributes.ts";
import { fromBits, toBits } from "../../src/ir/float-bits.ts";
import { FloatType, IntegerType, RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import { type SupportedFloatKind, floatKindOf } from "../../src/interp/values.ts";
import { constantInts } from "./infer-shape.ts";
import { rounder } from "./interp-support.ts";

type Operands = readonly (Attribute | undefined)[];

// ---- splat constants -------------------------------------------------------------------------------------------

/** A splat constant's element: a number for floats, a BigInt (signed, or unsigned for ui types) for integers. */
export function splatValue(a: Attribute | undefined): number | bigint | undefined {
  if (!(a instanceof DenseElementsAttr) || !a.isSplat) return undefined;
  const e = a.type.elementType;
  if (e instanceof FloatType) {
    const raw = Number(a.at(0));
    return e.name === "f16" || e.name === "bf16" ? fromBits(BigInt(raw), e.name) : raw;
  }
  if (e instanceof IntegerType) return e.width === 1 ? (a.at(0) !== 0 && a.at(0) !== 0n ? -1n : 0n) : normalizeInt(BigInt(a.at(0)), e);
  return undefined;
}

/** A splat of `type` holding `v` (a number for floats, rounded already; a BigInt for integers, any width). */
export function splatOf(type: Type, v: number | bigint): DenseElementsAttr | undefined {
  if (!(type instanceof RankedTensorType) || type.shape.some((d) => d < 0)) return undefined;
  const e = type.elementType;
  if (e instanceof FloatType) {
    if (typeof v !== "number") return undefined;
    const kind = e.name;
    return DenseElementsAttr.splat(type, kind === "f16" || kind === "bf16" ? Number(toBits(v, kind)) : v);
  }
  if (!(e instanceof IntegerType) || typeof v !== "bigint") return undefined;
  if (e.width === 1) return DenseElementsAttr.splat(type, v !== 0n ? 1 : 0);
  const n = normalizeInt(v, e);
  return DenseElementsAttr.splat(type, e.width > 32 ? n : Number(n));
}

/** A zero that adding leaves every x unchanged (-0.0 + -0.0 is -0.0; +0.0 would make it +0.0). */
const isAdditiveIdentity = (v: number | bigint | undefined): boolean => v === 0n || Object.is(v, -0);
/** A zero that subtracting leaves every x unchanged: +0.0 (x - (-0.0) is x + 0.0). */
const isSubtractiveIdentity = (v: number | bigint | undefined): boolean => v === 0n || Object.is(v, 0);
const kindOf = (t: Type): SupportedFloatKind | undefined => {
  const e = t instanceof RankedTensorType ? t.elementType : undefined;
  return e instanceof FloatType ? floatKindOf(e) : undefined;
};
const intType = (t: Type): IntegerType | undefined => {
  const e = t instanceof RankedTensorType ? t.elementType : undefined;
  return e instanceof IntegerType ? e : undefined;
};

/** `v` when it has the result's type (a fold must not change a value's type). */
const sameType = (v: Value, result: Value): Value | undefined => (v.type === result.type ? v : undefined);

interface Binary {
  readonly input1: Value;
  readonly input2: Value;
  readonly output: Value;
}

/** Both operands splats of the result's element type, folded by `float` or `int`. */
function foldSplats(op: Binary, operands: Operands, float: ((x: number, y: number) => number) | undefined, int: ((x: bigint, y: bigint) => bigint | undefined) | undefined): Attribute | undefined {
  const [l, r] = [splatValue(operands[0]), splatValue(operands[1])];
  if (l === undefined || r === undefined || op.input1.type !== op.input2.type) return undefined;
  const kind = kindOf(op.output.type);
  if (kind !== undefined && typeof l === "number" && typeof r === "number" && float !== undefined) return splatOf(op.output.type, rounder(kind)(float(l, r)));
  if (typeof l === "bigint" && typeof r === "bigint" && int !== undefined) {
    const v = int(l, r);
    return v === undefined ? undefined : splatOf(op.output.type, v);
  }
  return undefined;
}

// ---- elementwise arithmetic ----------------------------------------------------------------------------------------

/** add(x, 0) -> x, add(0, x) -> x (floats: -0.0); splat + splat. */
export function foldAdd(op: Binary, operands: Operands): FoldResult | undefined {
  if (op.input1.type !== op.input2.type) return undefined;
  if (isAdditiveIdentity(splatValue(operands[0]))) return sameType(op.input2, op.output);
  if (isAdditiveIdentity(splatValue(operands[1]))) return sameType(op.input1, op.output);
  return foldSplats(op, operands, (x, y) => x + y, (x, y) => x + y);
}

/** sub(x, 0) -> x (floats: +0.0); splat - splat. */
export function foldSub(op: Binary, operands: Operands): FoldResult | undefined {
  if (op.input1.type !== op.input2.type) return undefined;
  if (isSubtractiveIdentity(splatValue(operands[1]))) return sameType(op.input1, op.output);
  return foldSplats(op, operands, (x, y) => x - y, (x, y) => x - y);
}

/** mul(x, 1) -> x (1 << shift for integers), integer mul by 0 -> 0; splat * splat. */
export function foldMul(op: Binary & { readonly shift: { readonly value: bigint } }, operands: Operands): FoldResult | undefined {
  if (op.input1.type !== op.input2.type) return undefined;
  const shift = op.shift.value;
  const one = kindOf(op.output.type) !== undefined ? 1 : 1n << shift;
  for (const [i, other] of [[0, op.input2], [1, op.input1]] as const) {
    const a = operands[i];
    const v = splatValue(a);
    if (v === undefined) continue;
    if (v === 0n) return a instanceof DenseElementsAttr && a.type === op.output.type ? a : undefined;
    if (v === one) return sameType(other, op.output);
  }
  const round = shift > 0n ? 1n << (shift - 1n) : 0n;
  return foldSplats(
    op,
    operands,
    (x, y) => x * y,
    (x, y) => {
      if (shift === 0n) return x * y;
      const r = (x * y + round) >> shift;
      return r < -(1n << 31n) || r > (1n << 31n) - 1n ? undefined : r;
    },
  );
}

/** div(0, x) -> 0, div(x, 1) -> x; splat / splat (towards zero; not by zero, not INT_MIN / -1). */
export function foldDiv(op: Binary, operands: Operands): FoldResult | undefined {
  if (op.input1.type !== op.input2.type) return undefined;
  const [l, r] = [splatValue(operands[0]), splatValue(operands[1])];
  const zero = operands[0];
  if (l === 0n && zero instanceof DenseElementsAttr && zero.type === op.output.type && r !== 0n) return zero;
  if (r === 1n) return sameType(op.input1, op.output);
  return foldSplats(op, operands, undefined, (x, y) => (y === 0n || (x === -(1n << 31n) && y === -1n) ? undefined : x / y));
}

/** Comparisons of splats (floats: false with a NaN); equal(x, x) is true for integers. */
export function foldCompare(pred: "equal" | "greater" | "greater_equal") {
  const cmp = <T extends number | bigint>(x: T, y: T): boolean => (pred === "equal" ? x === y : pred === "greater" ? x > y : x >= y);
  return (op: Binary, operands: Operands): FoldResult | undefined => {
    const t = op.output.type;
    if (pred === "equal" && op.input1 === op.input2 && intType(op.input1.type) !== undefined && t instanceof RankedTensorType) {
      return splatOf(t, -1n);
    }
    const [l, r] = [splatValue(operands[0]), splatValue(operands[1])];
    if (l === undefined || r === undefined || typeof l !== typeof r || op.input1.type !== op.input2.type) return undefined;
    return splatOf(t, cmp(l, r) ? -1n : 0n);
  };
}

// ---- conversions ---------------------------------------------------------------------------------------------------

/** cast to the same type -> x; a splat converts as tosa.cast does (interp-data.ts). */
export function foldCast(op: { readonly input: Value; readonly output: Value }, operands: Operands): FoldResult | undefined {
  if (op.input.type === op.output.type) return op.input;
  const v = splatValue(operands[0]);
  if (v === undefined) return undefined;
  const from = op.input.type instanceof RankedTensorType ? op.input.type.elementType : undefined;
  const to = op.output.type instanceof RankedTensorType ? op.output.type.elementType : undefined;
  if (to instanceof FloatType) {
    const r = rounder(floatKindOf(to));
    if (typeof v === "number") return splatOf(op.output.type, r(v));
    return splatOf(op.output.type, from instanceof IntegerType && from.width === 1 ? (v !== 0n ? 1 : 0) : r(Number(v)));
  }
  if (!(to instanceof IntegerType)) return undefined;
  if (to.width === 1) return splatOf(op.output.type, (typeof v === "number" ? v !== 0 : v !== 0n) ? -1n : 0n);
  if (typeof v === "number") {
    if (Number.isNaN(v)) return undefined;
    const min = to.signedness === "unsigned" ? 0n : -(1n << BigInt(to.width - 1));
    const max = to.signedness === "unsigned" ? (1n << BigInt(to.width)) - 1n : (1n << BigInt(to.width - 1)) - 1n;
    if (!Number.isFinite(v)) return splatOf(op.output.type, v > 0 ? max : min);
    const f = Math.floor(v);
    const rounded = v - f > 0.5 || (v - f === 0.5 && f % 2 !== 0) ? f + 1 : f;
    const i = BigInt(rounded);
    return splatOf(op.output.type, i < min ? min : i > max ? max : i);
  }
  return splatOf(op.output.type, from instanceof IntegerType && from.width === 1 ? (v !== 0n ? 1n : 0n) : v);
}

// ---- data layout ---------------------------------------------------------------------------------------------------

interface Unary {
  readonly output: Value;
}
const inputOf = (op: Operation1): Value => op.getOperand(0);
interface Operation1 extends Unary {
  getOperand(i: number): Value;
}

/** reduce_*: an axis of size 1 reduces nothing. */
export function foldReduce(op: Operation1 & { readonly axis: { readonly value: bigint } }): FoldResult | undefined {
  const t = inputOf(op).type;
  if (t instanceof RankedTensorType && t.shape[Number(op.axis.value)] === 1) return sameType(inputOf(op), op.output);
  return undefined;
}

/** reshape to the same type -> x; reshape of a splat -> the splat of the new shape. */
export function foldReshape(op: Operation1, operands: Operands): FoldResult | undefined {
  if (inputOf(op).type === op.output.type && op.output.type instanceof RankedTensorType) return inputOf(op);
  return resplat(operands[0], op.output.type);
}

/** The splat `a` with type `t` (same element type, static shape). */
function resplat(a: Attribute | undefined, t: Type): Attribute | undefined {
  if (!(a instanceof DenseElementsAttr) || !a.isSplat || !(t instanceof RankedTensorType) || t.elementType !== a.type.elementType) return undefined;
  if (t.shape.some((d) => d < 0)) return undefined;
  return DenseElementsAttr.get(t, a.data);
}

/** pad by zeros -> x. */
export function foldPad(op: Operation1, operands: Operands): FoldResult | undefined {
  const p = operands[1];
  if (p instanceof DenseElementsAttr && p.isSplat && splatValue(p) === 0n) return sameType(inputOf(op), op.output);
  return undefined;
}

/**
 * resize by 1/1 with no offset or border -> x: in NEAREST_NEIGHBOR mode, or BILINEAR on integers with unit
 * numerators (MLIR 16 folds any bilinear resize, but its formula scales integers by the numerators and turns
 * -0.0, infinities and NaN neighbours of floats into other values).
 */
export function foldResize(
  op: Operation1 & { readonly scale: { readonly numbers: number[] }; readonly offset: { readonly numbers: number[] }; readonly border: { readonly numbers: number[] }; readonly mode: { readonly value: string } },
): FoldResult | undefined {
  const [s0, s1, s2, s3] = op.scale.numbers;
  if (s0 !== s1 || s2 !== s3) return undefined;
  if (op.mode.value === "BILINEAR" && (kindOf(op.output.type) !== undefined || s0 !== 1 || s2 !== 1)) return undefined;
  if (op.offset.numbers.some((v) => v !== 0) || op.border.numbers.some((v) => v !== 0)) return undefined;
  return sameType(inputOf(op), op.output);
}

/** reverse of a splat -> the splat; along a dim of size 1 -> x. */
export function foldReverse(op: Operation1 & { readonly axis: { readonly value: bigint } }, operands: Operands): FoldResult | undefined {
  const a = operands[0];
  if (a instanceof DenseElementsAttr && a.isSplat && a.type === op.output.type) return a;
  const t = inputOf(op).type;
  if (t instanceof RankedTensorType && t.shape[Number(op.axis.value)] === 1) return sameType(inputOf(op), op.output);
  return undefined;
}

/** slice of everything -> x; of a splat -> the splat; a one-element slice of a constant -> that element. */
export function foldSlice(op: Operation1 & { readonly start: { readonly numbers: number[] } }, operands: Operands): FoldResult | undefined {
  const [inTy, outTy] = [inputOf(op).type, op.output.type];
  if (!(inTy instanceof RankedTensorType) || !(outTy instanceof RankedTensorType)) return undefined;
  if (inTy === outTy && inTy.shape.every((d) => d >= 0)) return inputOf(op);
  const a = operands[0];
  if (!(a instanceof DenseElementsAttr)) return undefined;
  if (a.isSplat) return resplat(a, outTy);
  if (outTy.shape.every((d) => d === 1) && inTy.shape.every((d) => d >= 0)) {
    const start = op.start.numbers;
    let index = 0;
    inTy.shape.forEach((d, i) => (index = index * d + (start[i] ?? 0)));
    const Storage = a.data.constructor as new (n: number) => DenseElementsAttr["data"];
    const one = new Storage(1);
    (one as unknown as (number | bigint)[])[0] = a.data[index] as number | bigint;
    return outTy.elementType === a.type.elementType ? DenseElementsAttr.get(outTy, one) : undefined;
  }
  return undefined;
}

/** tile by ones -> x. */
export function foldTile(op: Operation1 & { readonly multiples: { readonly numbers: number[] } }): FoldResult | undefined {
  if (op.multiples.numbers.every((m) => m === 1)) return sameType(inputOf(op), op.output);
  return undefined;
}

/** transpose of a splat -> the splat reshaped; by the identity permutation -> x. */
export function foldTranspose(op: Operation1 & { readonly perms: Value }, operands: Operands): FoldResult | undefined {
  const splat = resplat(operands[0], op.output.type);
  if (splat !== undefined) return splat;
  if (inputOf(op).type !== op.output.type) return undefined;
  const perms = constantInts(op.perms);
  if (perms === undefined || perms.some((p, i) => p !== i)) return undefined;
  return inputOf(op);
}

/** select(p, x, x) -> x; select(splat p, a, b) -> a or b. */
export function foldSelect(op: { readonly on_true: Value; readonly on_false: Value; readonly output: Value }, operands: Operands): FoldResult | undefined {
  if (op.on_true === op.on_false) return sameType(op.on_true, op.output);
  const p = splatValue(operands[0]);
  if (typeof p !== "bigint") return undefined;
  return sameType(p !== 0n ? op.on_true : op.on_false, op.output);
}
