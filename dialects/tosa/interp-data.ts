/**
 * Interpreter kernels of TOSA's data-movement ops (reshape, transpose, slice, concat, pad, tile, reverse,
 * gather, scatter), reductions, argmax, and the type conversions (cast, rescale, apply_scale, table).
 *
 * Data movement computes, for each output element, the index of the input element it copies, then copies
 * through the typed arrays. Out-of-range slices, gather indices and duplicate scatter indices are undefined
 * behaviour (TOSA REQUIREs). Reductions of floats round after each step, in index order along the axis, as a
 * lowered loop would; they start from the first element (so a sum of one -0.0 is -0.0, where the spec's
 * accumulator starting at 0 gives +0.0), and max and min propagate NaN.
 */
import type { Operation } from "../../src/ir/operation.ts";
import { DenseArrayAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { FloatType, IntegerType, type Type } from "../../src/ir/types.ts";
import { fail, ub, unsupported } from "../../src/interp/errors.ts";
import { intToFloat } from "../../src/interp/float-semantics.ts";
import type { RuntimeValue, ScalarType, ShapedValue } from "../../src/interp/values.ts";
import { floatKindOf, shapeSize } from "../../src/interp/values.ts";
import { clampInt, maxFloat, minFloat } from "./interp-elementwise.ts";
import {
  bool,
  floatData,
  floatResult,
  intData,
  intInfo,
  intResult,
  rounder,
  stridesOf,
  tensorArg,
  tensorType,
} from "./interp-support.ts";

// ---- attributes ----------------------------------------------------------------------------------------------

/** An integer attribute's value (0 when absent). */
export const intAttrOf = (op: Operation, name: string): bigint => {
  const a = op.attr(name);
  return a instanceof IntegerAttr ? a.value : 0n;
};
/** A dense array attribute's numbers (empty when absent). */
export const arrayAttrOf = (op: Operation, name: string): number[] => {
  const a = op.attr(name);
  return a instanceof DenseArrayAttr ? a.numbers : [];
};
const boolAttrOf = (op: Operation, name: string): boolean => intAttrOf(op, name) !== 0n;

/** The most elements a tensor an op's runtime operands size (pad) may have, so that a huge padding fails, not hangs. */
const MAX_ELEMENTS = 1 << 24;

// ---- copying by index ----------------------------------------------------------------------------------------

/** The tensor of `type` and `shape` whose element i is `src`'s element `from[i]`. */
export function gatherElements(src: ShapedValue, type: Type, shape: readonly number[], from: ArrayLike<number>): ShapedValue {
  if (src.elementType instanceof FloatType) {
    const d = floatData(src);
    const out = new Float64Array(from.length);
    for (let i = 0; i < out.length; i++) out[i] = d[from[i] as number] as number;
    return floatResult(type, shape, out);
  }
  const d = intData(src);
  const out = new Array<bigint>(from.length);
  for (let i = 0; i < out.length; i++) out[i] = d[from[i] as number] as bigint;
  return intResult(type, shape, out);
}

/** For each element of `shape`, fn(index) as a source index (row-major odometer over `shape`). */
function indexMap(shape: readonly number[], fn: (idx: readonly number[]) => number): Int32Array {
  const n = shapeSize(shape);
  const out = new Int32Array(n);
  const idx = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    out[i] = fn(idx);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
  return out;
}

const linear = (idx: readonly number[], strides: readonly number[]): number => {
  let k = 0;
  for (let d = 0; d < idx.length; d++) k += (idx[d] as number) * (strides[d] as number);
  return k;
};

// ---- data layout ---------------------------------------------------------------------------------------------

export function reshapeKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const spec = arrayAttrOf(op, "new_shape");
  const count = shapeSize(x.shape);
  const known = spec.filter((d) => d >= 0).reduce((a, b) => a * b, 1);
  const shape = spec.map((d) => (d < 0 ? (known === 0 ? 0 : count / known) : d));
  if (shapeSize(shape) !== count || shape.some((d) => !Number.isInteger(d))) {
    return fail("invalid-ir", `cannot reshape [${x.shape.join(", ")}] to [${spec.join(", ")}]`);
  }
  const from = new Int32Array(count);
  for (let i = 0; i < count; i++) from[i] = i;
  return [gatherElements(x, op.getResult(0).type, shape, from)];
}

export function transposeKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const perms = tensorArg(args, 1);
  const p = Array.from(intData(perms), Number);
  const rank = x.shape.length;
  if (p.length !== rank) return fail("invalid-ir", `${p.length} perms for a rank-${rank} tensor`);
  if ([...p].sort((a, b) => a - b).some((v, i) => v !== i)) return ub(`perms [${p.join(", ")}] are not a permutation of the ${rank} dims`);
  const shape = p.map((d) => x.shape[d] as number);
  const strides = stridesOf(x.shape);
  const permStrides = p.map((d) => strides[d] as number);
  return [gatherElements(x, op.getResult(0).type, shape, indexMap(shape, (idx) => linear(idx, permStrides)))];
}

export function sliceKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const start = arrayAttrOf(op, "start");
  const size = arrayAttrOf(op, "size").map((s, d) => (s === -1 ? (x.shape[d] as number) - (start[d] ?? 0) : s));
  if (start.length !== x.shape.length || size.length !== x.shape.length) return fail("invalid-ir", "slice start and size must have one entry per dim");
  x.shape.forEach((d, i) => {
    const s = start[i] as number;
    const n = size[i] as number;
    if (s < 0 || n < 0 || s + n > d) ub(`slice [${s}, ${s + n}) of a dim of size ${d}`);
  });
  const strides = stridesOf(x.shape);
  return [gatherElements(x, op.getResult(0).type, size, indexMap(size, (idx) => linear(idx.map((v, d) => v + (start[d] as number)), strides)))];
}

export function tileKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const multiples = arrayAttrOf(op, "multiples");
  if (multiples.length !== x.shape.length || multiples.some((m) => m < 0)) return fail("invalid-ir", "tile multiples must have one non-negative entry per dim");
  const shape = x.shape.map((d, i) => d * (multiples[i] as number));
  const strides = stridesOf(x.shape);
  return [gatherElements(x, op.getResult(0).type, shape, indexMap(shape, (idx) => linear(idx.map((v, d) => v % (x.shape[d] as number)), strides)))];
}

export function reverseKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const axis = Number(intAttrOf(op, "axis"));
  if (axis < 0 || axis >= x.shape.length) return fail("invalid-ir", `axis ${axis} of a rank-${x.shape.length} tensor`);
  const strides = stridesOf(x.shape);
  const n = x.shape[axis] as number;
  return [gatherElements(x, op.getResult(0).type, x.shape, indexMap(x.shape, (idx) => linear(idx.map((v, d) => (d === axis ? n - 1 - v : v)), strides)))];
}

export function concatKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const xs = args.map((_, i) => tensorArg(args, i));
  const first = xs[0];
  if (first === undefined) return fail("invalid-ir", "concat of no tensors");
  const axis = Number(intAttrOf(op, "axis"));
  const rank = first.shape.length;
  if (axis < 0 || axis >= rank) return fail("invalid-ir", `axis ${axis} of rank-${rank} tensors`);
  for (const x of xs) {
    if (x.shape.length !== rank || x.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
      return fail("invalid-ir", `concat of [${first.shape.join(", ")}] and [${x.shape.join(", ")}] along axis ${axis}`);
    }
  }
  const shape = first.shape.map((d, i) => (i === axis ? xs.reduce((s, x) => s + (x.shape[axis] as number), 0) : d));
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const type = op.getResult(0).type;
  const total = shapeSize(shape);
  // Row-major: for each outer index, the inputs' chunks along the axis, one after the other.
  if (first.elementType instanceof FloatType) {
    const out = new Float64Array(total);
    let k = 0;
    const data = xs.map(floatData);
    for (let o = 0; o < outer; o++) {
      xs.forEach((x, j) => {
        const chunk = shapeSize(x.shape.slice(axis));
        out.set((data[j] as Float64Array).subarray(o * chunk, (o + 1) * chunk), k);
        k += chunk;
      });
    }
    return [floatResult(type, shape, out)];
  }
  const out = new Array<bigint>(total);
  let k = 0;
  const data = xs.map(intData);
  for (let o = 0; o < outer; o++) {
    xs.forEach((x, j) => {
      const chunk = shapeSize(x.shape.slice(axis));
      const d = data[j] as ArrayLike<bigint>;
      for (let i = 0; i < chunk; i++) out[k++] = d[o * chunk + i] as bigint;
    });
  }
  return [intResult(type, shape, out)];
}

export function padKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const pads = Array.from(intData(tensorArg(args, 1)), Number);
  const rank = x.shape.length;
  if (pads.length !== 2 * rank) return fail("invalid-ir", `padding [${pads.join(", ")}] for a rank-${rank} tensor`);
  if (pads.some((p) => p < 0)) return ub(`negative padding [${pads.join(", ")}]`);
  const shape = x.shape.map((d, i) => d + (pads[2 * i] as number) + (pads[2 * i + 1] as number));
  if (shapeSize(shape) > MAX_ELEMENTS) return fail("limit", `padding to [${shape.join(", ")}] makes more than ${MAX_ELEMENTS} elements`);
  const strides = stridesOf(x.shape);
  // -1: the pad value.
  const from = indexMap(shape, (idx) => {
    let k = 0;
    for (let d = 0; d < rank; d++) {
      const v = (idx[d] as number) - (pads[2 * d] as number);
      if (v < 0 || v >= (x.shape[d] as number)) return -1;
      k += v * (strides[d] as number);
    }
    return k;
  });
  const type = op.getResult(0).type;
  const padConst = args[2] === undefined ? undefined : tensorArg(args, 2);
  if (x.elementType instanceof FloatType) {
    const d = floatData(x);
    const fill = padConst === undefined ? 0 : (floatData(padConst)[0] ?? 0);
    const out = new Float64Array(from.length);
    for (let i = 0; i < out.length; i++) out[i] = from[i] === -1 ? fill : (d[from[i] as number] as number);
    return [floatResult(type, shape, out)];
  }
  const d = intData(x);
  const zp = op.attr("quantization_info") as { get?: (n: string) => bigint } | undefined;
  const fill = padConst === undefined ? (zp?.get?.("input_zp") ?? 0n) : (intData(padConst)[0] ?? 0n);
  const out = new Array<bigint>(from.length);
  for (let i = 0; i < out.length; i++) out[i] = from[i] === -1 ? fill : (d[from[i] as number] as bigint);
  return [intResult(type, shape, out)];
}

// ---- scatter / gather ----------------------------------------------------------------------------------------

export function gatherKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const values = tensorArg(args, 0);
  const indices = intData(tensorArg(args, 1));
  const [N, K, C] = values.shape as [number, number, number];
  const W = tensorArg(args, 1).shape[1] as number;
  const from = new Int32Array(N * W * C);
  for (let n = 0; n < N; n++) {
    for (let w = 0; w < W; w++) {
      const k = Number(indices[n * W + w]);
      if (k < 0 || k >= K) ub(`gather index ${k} out of [0, ${K})`);
      for (let c = 0; c < C; c++) from[(n * W + w) * C + c] = (n * K + k) * C + c;
    }
  }
  return [gatherElements(values, op.getResult(0).type, [N, W, C], from)];
}

export function scatterKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const valuesIn = tensorArg(args, 0);
  const indicesValue = tensorArg(args, 1);
  const input = tensorArg(args, 2);
  const indices = intData(indicesValue);
  const [N, K, C] = valuesIn.shape as [number, number, number];
  const W = indicesValue.shape[1] as number;
  // Element i of the output comes from values_in (index i) or from input (index -(j + 2)).
  const from = new Int32Array(N * K * C);
  for (let i = 0; i < from.length; i++) from[i] = i;
  for (let n = 0; n < N; n++) {
    const written = new Set<number>();
    for (let w = 0; w < W; w++) {
      const k = Number(indices[n * W + w]);
      if (k < 0 || k >= K) ub(`scatter index ${k} out of [0, ${K})`);
      if (written.has(k)) ub(`scatter writes index ${k} twice`);
      written.add(k);
      for (let c = 0; c < C; c++) from[(n * K + k) * C + c] = -((n * W + w) * C + c) - 2;
    }
  }
  const type = op.getResult(0).type;
  if (valuesIn.elementType instanceof FloatType) {
    const [a, b] = [floatData(valuesIn), floatData(input)];
    const out = new Float64Array(from.length);
    for (let i = 0; i < out.length; i++) out[i] = (from[i] as number) >= 0 ? (a[i] as number) : (b[-(from[i] as number) - 2] as number);
    return [floatResult(type, [N, K, C], out)];
  }
  const [a, b] = [intData(valuesIn), intData(input)];
  const out = new Array<bigint>(from.length);
  for (let i = 0; i < out.length; i++) out[i] = (from[i] as number) >= 0 ? (a[i] as bigint) : (b[-(from[i] as number) - 2] as bigint);
  return [intResult(type, [N, K, C], out)];
}

// ---- reductions ----------------------------------------------------------------------------------------------

type Reduction = "all" | "any" | "max" | "min" | "prod" | "sum";

/** Reduces `axis` to size 1: (outer, axis, inner) blocks. */
export function reduceKernel(kind: Reduction) {
  return (op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] => {
    const x = tensorArg(args, 0);
    const axis = Number(intAttrOf(op, "axis"));
    if (axis < 0 || axis >= x.shape.length) return fail("invalid-ir", `axis ${axis} of a rank-${x.shape.length} tensor`);
    const shape = x.shape.map((d, i) => (i === axis ? 1 : d));
    const n = x.shape[axis] as number;
    const inner = shapeSize(x.shape.slice(axis + 1));
    const outer = shapeSize(x.shape.slice(0, axis));
    const type = op.getResult(0).type;
    if (x.elementType instanceof FloatType) {
      const r = rounder(floatKindOf(x.elementType));
      const step: (acc: number, v: number) => number =
        kind === "sum" ? (a, v) => r(a + v) : kind === "prod" ? (a, v) => r(a * v) : kind === "max" ? maxFloat : kind === "min" ? minFloat : () => unsupported(`reduce_${kind} on floats`);
      // The accumulator starts at the identity, as the spec and MLIR 16's lowering have it (a sum of -0.0s is
      // +0.0), except that a reduction of one element is that element, -0.0 included, as MLIR 16's fold of a
      // size-1 axis has it.
      const init = kind === "sum" ? 0 : kind === "prod" ? 1 : kind === "max" ? -Infinity : Infinity;
      const d = floatData(x);
      const out = new Float64Array(outer * inner);
      for (let o = 0; o < outer; o++) {
        for (let i = 0; i < inner; i++) {
          let acc = n === 1 ? r(d[o * inner + i] as number) : init;
          for (let k = n === 1 ? 1 : 0; k < n; k++) acc = step(acc, d[(o * n + k) * inner + i] as number);
          out[o * inner + i] = acc;
        }
      }
      return [floatResult(type, shape, out)];
    }
    const info = intInfo(x.elementType);
    const step: (acc: bigint, v: bigint) => bigint =
      kind === "sum"
        ? (a, v) => info.wrap(a + v)
        : kind === "prod"
          ? (a, v) => info.wrap(a * v)
          : kind === "max"
            ? (a, v) => (v > a ? v : a)
            : kind === "min"
              ? (a, v) => (v < a ? v : a)
              : kind === "all"
                ? (a, v) => (a !== 0n && v !== 0n ? -1n : 0n)
                : (a, v) => (a !== 0n || v !== 0n ? -1n : 0n);
    const init = kind === "sum" || kind === "any" ? 0n : kind === "prod" ? 1n : kind === "all" ? -1n : kind === "max" ? info.min : info.max;
    const d = intData(x);
    const out = new Array<bigint>(outer * inner);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        let acc = init;
        for (let k = 0; k < n; k++) acc = step(acc, d[(o * n + k) * inner + i] as bigint);
        out[o * inner + i] = acc;
      }
    }
    return [intResult(type, shape, out)];
  };
}

/** argmax: the first index of the largest value along the axis (a NaN is never larger, as `>` says). */
export function argmaxKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const axis = Number(intAttrOf(op, "axis"));
  if (axis < 0 || axis >= x.shape.length) return fail("invalid-ir", `axis ${axis} of a rank-${x.shape.length} tensor`);
  const shape = x.shape.filter((_, i) => i !== axis);
  const n = x.shape[axis] as number;
  const inner = shapeSize(x.shape.slice(axis + 1));
  const outer = shapeSize(x.shape.slice(0, axis));
  const d: ArrayLike<number | bigint> = x.elementType instanceof FloatType ? floatData(x) : intData(x);
  const out = new Array<bigint>(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = 0;
      for (let k = 1; k < n; k++) if ((d[(o * n + k) * inner + i] as number) > (d[(o * n + best) * inner + i] as number)) best = k;
      out[o * inner + i] = BigInt(best);
    }
  }
  return [intResult(op.getResult(0).type, shape, out)];
}

// ---- type conversion -----------------------------------------------------------------------------------------

/**
 * cast, as the TOSA spec defines it: float to int rounds to nearest (ties to even) and saturates (a NaN is
 * undefined), int to float rounds to nearest, bool to anything is 0 or 1, anything to bool is `!= 0`, int to
 * int truncates or extends (unsigned sources zero-extend), float to float rounds to nearest.
 */
export function castKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const type = op.getResult(0).type;
  const to = tensorType(type).elementType as ScalarType;
  const from = x.elementType;
  const isBool = (t: ScalarType): boolean => t instanceof IntegerType && t.width === 1;
  if (to instanceof FloatType) {
    const r = rounder(floatKindOf(to));
    if (from instanceof FloatType) {
      const d = floatData(x);
      return [floatResult(type, x.shape, Float64Array.from(d, r))];
    }
    const d = intData(x);
    const kind = floatKindOf(to);
    const out = new Float64Array(d.length);
    for (let i = 0; i < out.length; i++) out[i] = isBool(from) ? (d[i] !== 0n ? 1 : 0) : intToFloat(d[i] as bigint, kind);
    return [floatResult(type, x.shape, out)];
  }
  const info = intInfo(to);
  if (from instanceof FloatType) {
    const d = floatData(x);
    const out = new Array<bigint>(d.length);
    for (let i = 0; i < d.length; i++) {
      const v = d[i] as number;
      if (Number.isNaN(v)) ub("cast of NaN to an integer");
      if (isBool(to)) out[i] = bool(v !== 0);
      else if (!Number.isFinite(v)) out[i] = v > 0 ? info.max : info.min;
      else out[i] = clampInt(BigInt(roundHalfEven(v)), info.min, info.max);
    }
    return [intResult(type, x.shape, out)];
  }
  const d = intData(x);
  const out = new Array<bigint>(d.length);
  for (let i = 0; i < d.length; i++) {
    const v = d[i] as bigint;
    out[i] = isBool(to) ? bool(v !== 0n) : isBool(from) ? (v !== 0n ? 1n : 0n) : v;
  }
  return [intResult(type, x.shape, out)];
}

/** Rounds a finite double to the nearest integer, ties to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * TOSA's apply_scale_32: (value * multiplier + round) >> shift with round = 2^(shift-1), and with
 * double_round an extra +-2^30 when shift > 31. REQUIREs multiplier >= 0 and 2 <= shift <= 62.
 */
export function applyScale(value: bigint, multiplier: bigint, shift: bigint, doubleRound: boolean): bigint {
  if (multiplier < 0n) ub(`apply_scale with a negative multiplier ${multiplier}`);
  if (shift < 2n || shift > 62n) ub(`apply_scale with shift ${shift} outside [2, 62]`);
  let round = 1n << (shift - 1n);
  if (doubleRound && shift > 31n) round += value >= 0n ? 1n << 30n : -(1n << 30n);
  return (value * multiplier + round) >> shift;
}

/** tosa.apply_scale, elementwise (value, multiplier, shift are same-shaped, or scalars). */
export function applyScaleKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const doubleRound = boolAttrOf(op, "double_round");
  const [value, multiplier, shift] = args;
  const type = op.getResult(0).type;
  if (value?.kind === "int" && multiplier?.kind === "int" && shift?.kind === "int") {
    const info = intInfo(value.type as ScalarType);
    return [{ kind: "int", type: value.type, value: info.wrap(applyScale(value.value, multiplier.value, shift.value, doubleRound)) }];
  }
  const [v, m, s] = [0, 1, 2].map((i) => intData(tensorArg(args, i)));
  const x = tensorArg(args, 0);
  const out = new Array<bigint>(x.elements.length);
  for (let i = 0; i < out.length; i++) out[i] = applyScale((v as ArrayLike<bigint>)[i] as bigint, (m as ArrayLike<bigint>)[i] as bigint, (s as ArrayLike<bigint>)[i] as bigint, doubleRound);
  return [intResult(type, x.shape, out)];
}

/**
 * rescale: per element (or per channel: the last dim), out = clamp(apply_scale(x - input_zp, multiplier,
 * shift) + output_zp) to the result type; 16-bit scales (scale32 false) do not double-round.
 */
export function rescaleKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  if (x.elementType instanceof FloatType) return unsupported("'tosa.rescale' of floating-point tensors");
  const type = op.getResult(0).type;
  const out = intInfo(tensorType(type).elementType as ScalarType);
  const [izp, ozp] = [intAttrOf(op, "input_zp"), intAttrOf(op, "output_zp")];
  const multipliers = arrayAttrOf(op, "multiplier").map(BigInt);
  const shifts = arrayAttrOf(op, "shift").map(BigInt);
  const scale32 = boolAttrOf(op, "scale32");
  const doubleRound = scale32 && boolAttrOf(op, "double_round");
  const perChannel = boolAttrOf(op, "per_channel");
  const channels = perChannel ? (x.shape.at(-1) ?? 1) : 1;
  if (multipliers.length !== channels || shifts.length !== channels) {
    return fail("invalid-ir", `rescale needs ${channels} multipliers and shifts, has ${multipliers.length} and ${shifts.length}`);
  }
  const d = intData(x);
  const result = new Array<bigint>(d.length);
  for (let i = 0; i < d.length; i++) {
    const c = perChannel ? i % channels : 0;
    const scaled = applyScale((d[i] as bigint) - izp, multipliers[c] as bigint, shifts[c] as bigint, doubleRound);
    result[i] = clampInt(scaled + ozp, out.min, out.max);
  }
  return [intResult(type, x.shape, result)];
}

/**
 * table: an i8 input indexes a 256-entry table at x + 128; an i16 input interpolates a 513-entry table:
 * base = table[(x + 32768) >> 7], out = (base << 7) + (next - base) * fraction (an i32).
 */
export function tableKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const x = tensorArg(args, 0);
  const table = intData(tensorArg(args, 1));
  const width = x.elementType instanceof IntegerType ? x.elementType.width : 0;
  const d = intData(x);
  const out = new Array<bigint>(d.length);
  if (width === 8) {
    if (table.length !== 256) return fail("invalid-ir", `an i8 table has 256 entries, not ${table.length}`);
    for (let i = 0; i < d.length; i++) out[i] = table[Number(d[i]) + 128] as bigint;
  } else if (width === 16) {
    if (table.length !== 513) return fail("invalid-ir", `an i16 table has 513 entries, not ${table.length}`);
    for (let i = 0; i < d.length; i++) {
      const index = Number(d[i]) + 32768;
      const base = table[index >> 7] as bigint;
      const next = table[(index >> 7) + 1] as bigint;
      out[i] = (base << 7n) + (next - base) * BigInt(index & 0x7f);
    }
  } else {
    return unsupported(`'tosa.table' of ${width}-bit elements`);
  }
  return [intResult(op.getResult(0).type, x.shape, out)];
}

