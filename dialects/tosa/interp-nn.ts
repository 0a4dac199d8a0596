/**
 * Interpreter kernels of TOSA's tensor operators: matmul, fully_connected, the convolutions, pooling, resize
 * and rfft2d.
 *
 * Accumulation follows MLIR 16's lowering to linalg (what the compiled code computes): float accumulators
 * start at the bias (or 0 for matmul) and add each product, both rounded to the element type, in the order of
 * the reduction dims (kernel rows, kernel columns, input channels). Integer accumulators take the zero points
 * off both operands ((x - input_zp) * (w - weight_zp)) and wrap to the result's width. Padding reads as the
 * input zero point (so contributes nothing).
 */
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, type Type } from "../../src/ir/types.ts";
import { fail, ub, unsupported } from "../../src/interp/errors.ts";
import type { RuntimeValue, ScalarType, ShapedValue } from "../../src/interp/values.ts";
import { floatKindOf } from "../../src/interp/values.ts";
import type { QuantInfoAttr } from "./attrs.ts";
import { arrayAttrOf, applyScale } from "./interp-data.ts";
import { clampInt, maxFloat } from "./interp-elementwise.ts";
import { floatData, floatResult, intData, intInfo, intResult, rounder, tensorArg, tensorType } from "./interp-support.ts";

/** Numbers of one kind (doubles rounded to a float type, or BigInts wrapped to an integer width). */
interface Arith<T> {
  readonly data: (v: ShapedValue) => ArrayLike<T>;
  readonly zero: T;
  /** acc + a * b, rounded or wrapped as the accumulator is. */
  readonly mulAdd: (acc: T, a: T, b: T) => T;
  readonly result: (type: Type, shape: readonly number[], out: T[]) => ShapedValue;
}

function floatArith(resultType: Type): Arith<number> {
  const r = rounder(floatKindOf(tensorType(resultType).elementType as FloatType));
  return {
    data: floatData,
    zero: 0,
    mulAdd: (acc, a, b) => r(acc + r(a * b)),
    result: (type, shape, out) => floatResult(type, shape, Float64Array.from(out)),
  };
}

function intArith(resultType: Type): Arith<bigint> {
  const info = intInfo(tensorType(resultType).elementType as ScalarType);
  return { data: intData, zero: 0n, mulAdd: (acc, a, b) => info.wrap(acc + a * b), result: intResult };
}

/** The zero points of a quantized op (0 when it has none). */
function zeroPoints(op: Operation, names: readonly [string, string]): [bigint, bigint] {
  const q = op.attr("quantization_info") as QuantInfoAttr | undefined;
  if (q === undefined || typeof q.get !== "function") return [0n, 0n];
  return [q.get(names[0]), q.get(names[1])];
}

/** An operand's elements with a zero point subtracted (integers), as the accumulator's numbers. */
function operandData<T>(arith: Arith<T>, v: ShapedValue, zp: bigint): ArrayLike<T> {
  const d = arith.data(v);
  if (zp === 0n || typeof arith.zero === "number") return d;
  return Array.from(d as ArrayLike<bigint>, (x) => x - zp) as unknown as ArrayLike<T>;
}

/** The accumulator's numbers for an op on `input` (its element type is opaque to the generic loops). */
const arithFor = (op: Operation, input: ShapedValue): Arith<unknown> =>
  (input.elementType instanceof FloatType ? floatArith(op.getResult(0).type) : intArith(op.getResult(0).type)) as Arith<unknown>;

/** Bias of output channel `oc` (a bias of one element broadcasts). */
const biasAt = <T>(bias: ArrayLike<T>, oc: number): T => (bias.length === 1 ? bias[0] : bias[oc]) as T;

// ---- matmul and fully_connected ----------------------------------------------------------------------------------

export function matmulKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [a, b] = [tensorArg(args, 0), tensorArg(args, 1)];
  const [N, H, C] = a.shape as [number, number, number];
  const [N2, C2, W] = b.shape as [number, number, number];
  if (N !== N2 || C !== C2) return fail("invalid-ir", `matmul of [${a.shape.join(", ")}] and [${b.shape.join(", ")}]`);
  const [azp, bzp] = zeroPoints(op, ["a_zp", "b_zp"]);
  return [matmulWith(arithFor(op, a), op.getResult(0).type, a, b, azp, bzp, N, H, C, W)];
}

function matmulWith<T>(arith: Arith<T>, type: Type, a: ShapedValue, b: ShapedValue, azp: bigint, bzp: bigint, N: number, H: number, C: number, W: number): ShapedValue {
  const x = operandData(arith, a, azp);
  const y = operandData(arith, b, bzp);
  const out = new Array<T>(N * H * W);
  for (let n = 0; n < N; n++) {
    for (let h = 0; h < H; h++) {
      for (let w = 0; w < W; w++) {
        let acc = arith.zero;
        for (let c = 0; c < C; c++) acc = arith.mulAdd(acc, x[(n * H + h) * C + c] as T, y[(n * C + c) * W + w] as T);
        out[(n * H + h) * W + w] = acc;
      }
    }
  }
  return arith.result(type, [N, H, W], out);
}

export function fullyConnectedKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [input, weight, bias] = [tensorArg(args, 0), tensorArg(args, 1), tensorArg(args, 2)];
  const [N, IC] = input.shape as [number, number];
  const [OC, IC2] = weight.shape as [number, number];
  if (IC !== IC2) return fail("invalid-ir", `fully_connected of [${input.shape.join(", ")}] and weights [${weight.shape.join(", ")}]`);
  const [izp, wzp] = zeroPoints(op, ["input_zp", "weight_zp"]);
  return [fullyConnectedWith(arithFor(op, input), op.getResult(0).type, input, weight, bias, izp, wzp, N, IC, OC)];
}

function fullyConnectedWith<T>(arith: Arith<T>, type: Type, input: ShapedValue, weight: ShapedValue, bias: ShapedValue, izp: bigint, wzp: bigint, N: number, IC: number, OC: number): ShapedValue {
  const [x, w, b] = [operandData(arith, input, izp), operandData(arith, weight, wzp), arith.data(bias)];
  const out = new Array<T>(N * OC);
  for (let n = 0; n < N; n++) {
    for (let oc = 0; oc < OC; oc++) {
      let acc = biasAt(b, oc);
      for (let ic = 0; ic < IC; ic++) acc = arith.mulAdd(acc, x[n * IC + ic] as T, w[oc * IC + ic] as T);
      out[n * OC + oc] = acc;
    }
  }
  return arith.result(type, [N, OC], out);
}

// ---- convolutions ----------------------------------------------------------------------------------------------

/** What one output element of a convolution reads: for each reduction step, an input and a weight index. */
interface ConvGeometry {
  /** Output shape. */
  readonly shape: number[];
  /** Calls visit(outIndex, oc) then step(inputIndex | -1 for padding, weightIndex) for each product. */
  forEach(visit: (out: number, oc: number) => void, step: (input: number, weight: number) => void): void;
}

/** Output size of a strided, dilated, padded window (MLIR's formula). */
const outSize = (input: number, kernel: number, p0: number, p1: number, stride: number, dilation: number): number =>
  Math.trunc((input + p0 + p1 - ((kernel - 1) * dilation + 1)) / stride) + 1;

/**
 * A convolution over `spatial` dims: input [N, ...spatial, IC], output [N, ...outSpatial, OC]. For output
 * channel oc, `weightIndex(oc, kernelPos, ic)` locates the weight and `inputChannel(oc, ic)` the input
 * channel (depthwise convolutions read one input channel per output channel, `ics` = 1).
 */
function convGeometry(
  input: readonly number[],
  kernel: readonly number[],
  pad: readonly number[],
  stride: readonly number[],
  dilation: readonly number[],
  OC: number,
  ics: number,
  weightIndex: (oc: number, kpos: readonly number[], ic: number) => number,
  inputChannel: (oc: number, ic: number) => number,
): ConvGeometry {
  const N = input[0] as number;
  const IC = input.at(-1) as number;
  const dims = input.slice(1, -1);
  const outDims = dims.map((d, i) => outSize(d, kernel[i] as number, pad[2 * i] ?? 0, pad[2 * i + 1] ?? 0, stride[i] ?? 1, dilation[i] ?? 1));
  if (outDims.some((d) => d < 0)) fail("invalid-ir", "the convolution window is larger than the padded input");
  const shape = [N, ...outDims, OC];
  const inStrides = [...dims, IC].map((_, i, all) => all.slice(i + 1).reduce((a, b) => a * b, 1));
  const inBatch = dims.reduce((a, b) => a * b, 1) * IC;
  return {
    shape,
    forEach(visit, step) {
      const rank = dims.length;
      const outPos = new Array<number>(rank).fill(0);
      const kpos = new Array<number>(rank).fill(0);
      let out = 0;
      const total = outDims.reduce((a, b) => a * b, 1);
      for (let n = 0; n < N; n++) {
        for (let o = 0; o < total; o++) {
          let rest = o;
          for (let d = rank - 1; d >= 0; d--) {
            outPos[d] = rest % (outDims[d] as number);
            rest = Math.trunc(rest / (outDims[d] as number));
          }
          for (let oc = 0; oc < OC; oc++, out++) {
            visit(out, oc);
            const kTotal = kernel.reduce((a, b) => a * b, 1);
            for (let k = 0; k < kTotal; k++) {
              let krest = k;
              for (let d = rank - 1; d >= 0; d--) {
                kpos[d] = krest % (kernel[d] as number);
                krest = Math.trunc(krest / (kernel[d] as number));
              }
              let at = n * inBatch;
              for (let d = 0; d < rank; d++) {
                const p = (outPos[d] as number) * (stride[d] ?? 1) - (pad[2 * d] ?? 0) + (kpos[d] as number) * (dilation[d] ?? 1);
                if (p < 0 || p >= (dims[d] as number)) {
                  at = -1;
                  break;
                }
                at += p * (inStrides[d] as number);
              }
              for (let ic = 0; ic < ics; ic++) step(at < 0 ? -1 : at + inputChannel(oc, ic), weightIndex(oc, kpos, ic));
            }
          }
        }
      }
    },
  };
}

function runConv<T>(arith: Arith<T>, type: Type, g: ConvGeometry, input: ShapedValue, weight: ShapedValue, bias: ShapedValue, izp: bigint, wzp: bigint): ShapedValue {
  const [x, w, b] = [operandData(arith, input, izp), operandData(arith, weight, wzp), arith.data(bias)];
  const out = new Array<T>(g.shape.reduce((p, q) => p * q, 1));
  let acc = arith.zero;
  let at = 0;
  g.forEach(
    (o, oc) => {
      if (o > 0) out[at] = acc;
      at = o;
      acc = biasAt(b, oc);
    },
    (i, k) => {
      if (i >= 0) acc = arith.mulAdd(acc, x[i] as T, w[k] as T);
    },
  );
  if (out.length > 0) out[at] = acc;
  return arith.result(type, g.shape, out);
}

/** conv2d (weights [OC, KH, KW, IC]) and conv3d (weights [OC, KD, KH, KW, IC]). */
export function convKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [input, weight, bias] = [tensorArg(args, 0), tensorArg(args, 1), tensorArg(args, 2)];
  const OC = weight.shape[0] as number;
  const kernel = weight.shape.slice(1, -1);
  const IC = input.shape.at(-1) as number;
  if (weight.shape.at(-1) !== IC) return fail("invalid-ir", `convolution of ${IC} input channels with weights [${weight.shape.join(", ")}]`);
  const wStrides = weight.shape.map((_, i) => weight.shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const g = convGeometry(
    input.shape,
    kernel,
    arrayAttrOf(op, "pad"),
    arrayAttrOf(op, "stride"),
    arrayAttrOf(op, "dilation"),
    OC,
    IC,
    (oc, kpos, ic) => oc * (wStrides[0] as number) + kpos.reduce((s, p, d) => s + p * (wStrides[d + 1] as number), 0) + ic,
    (_oc, ic) => ic,
  );
  const [izp, wzp] = zeroPoints(op, ["input_zp", "weight_zp"]);
  return [runConv(arithFor(op, input), op.getResult(0).type, g, input, weight, bias, izp, wzp)];
}

/** depthwise_conv2d: weights [KH, KW, C, M]; output channel c * M + m reads input channel c. */
export function depthwiseConvKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [input, weight, bias] = [tensorArg(args, 0), tensorArg(args, 1), tensorArg(args, 2)];
  const [KH, KW, C, M] = weight.shape as [number, number, number, number];
  if (input.shape[3] !== C) return fail("invalid-ir", `depthwise convolution of ${input.shape[3]} channels with weights [${weight.shape.join(", ")}]`);
  const g = convGeometry(
    input.shape,
    [KH, KW],
    arrayAttrOf(op, "pad"),
    arrayAttrOf(op, "stride"),
    arrayAttrOf(op, "dilation"),
    C * M,
    1,
    (oc, kpos) => (((kpos[0] as number) * KW + (kpos[1] as number)) * C + Math.trunc(oc / M)) * M + (oc % M),
    (oc) => Math.trunc(oc / M),
  );
  const [izp, wzp] = zeroPoints(op, ["input_zp", "weight_zp"]);
  return [runConv(arithFor(op, input), op.getResult(0).type, g, input, weight, bias, izp, wzp)];
}

/** transpose_conv2d, as the spec scatters it: each input element adds input * weight to the outputs it reaches. */
export function transposeConvKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const [input, weight, bias] = [tensorArg(args, 0), tensorArg(args, 1), tensorArg(args, 2)];
  const arith = arithFor(op, input);
  const [izp, wzp] = zeroPoints(op, ["input_zp", "weight_zp"]);
  return [transposeConvWith(arith, op, input, weight, bias, izp, wzp)];
}

function transposeConvWith<T>(arith: Arith<T>, op: Operation, input: ShapedValue, weight: ShapedValue, bias: ShapedValue, izp: bigint, wzp: bigint): ShapedValue {
  const [N, IH, IW, IC] = input.shape as [number, number, number, number];
  const [OC, KH, KW] = weight.shape as [number, number, number, number];
  const [padTop, , padLeft] = arrayAttrOf(op, "out_pad") as [number, number, number, number];
  const [sy, sx] = arrayAttrOf(op, "stride") as [number, number];
  const outPad = arrayAttrOf(op, "out_pad");
  const OH = (IH - 1) * sy + (outPad[0] ?? 0) + (outPad[1] ?? 0) + KH;
  const OW = (IW - 1) * sx + (outPad[2] ?? 0) + (outPad[3] ?? 0) + KW;
  const [x, w, b] = [operandData(arith, input, izp), operandData(arith, weight, wzp), arith.data(bias)];
  const out = new Array<T>(N * OH * OW * OC);
  for (let i = 0; i < out.length; i++) out[i] = biasAt(b, i % OC);
  for (let n = 0; n < N; n++)
    for (let iy = 0; iy < IH; iy++)
      for (let ix = 0; ix < IW; ix++)
        for (let oc = 0; oc < OC; oc++)
          for (let ic = 0; ic < IC; ic++)
            for (let ky = 0; ky < KH; ky++)
              for (let kx = 0; kx < KW; kx++) {
                const oy = iy * sy + padTop + ky;
                const ox = ix * sx + padLeft + kx;
                if (oy < 0 || oy >= OH || ox < 0 || ox >= OW) continue;
                const o = ((n * OH + oy) * OW + ox) * OC + oc;
                out[o] = arith.mulAdd(out[o] as T, x[((n * IH + iy) * IW + ix) * IC + ic] as T, w[((oc * KH + ky) * KW + kx) * IC + ic] as T);
              }
  return arith.result(op.getResult(0).type, [N, OH, OW, OC], out);
}

// ---- pooling ---------------------------------------------------------------------------------------------------

/** Calls `visit(out, c, [inputIndex...])` for each output element of a 2D pooling window (padding left out). */
function pool2d(op: Operation, input: ShapedValue, visit: (out: number, window: readonly number[]) => void): number[] {
  const [N, H, W, C] = input.shape as [number, number, number, number];
  const [kh, kw] = arrayAttrOf(op, "kernel") as [number, number];
  const [sy, sx] = arrayAttrOf(op, "stride") as [number, number];
  const [pt, pb, pl, pr] = arrayAttrOf(op, "pad") as [number, number, number, number];
  const OH = Math.trunc((H + pt + pb - kh) / sy) + 1;
  const OW = Math.trunc((W + pl + pr - kw) / sx) + 1;
  if (OH < 0 || OW < 0) fail("invalid-ir", "the pooling window is larger than the padded input");
  const window: number[] = [];
  let out = 0;
  for (let n = 0; n < N; n++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let c = 0; c < C; c++, out++) {
          window.length = 0;
          for (let ky = 0; ky < kh; ky++)
            for (let kx = 0; kx < kw; kx++) {
              const iy = oy * sy - pt + ky;
              const ix = ox * sx - pl + kx;
              if (iy >= 0 && iy < H && ix >= 0 && ix < W) window.push(((n * H + iy) * W + ix) * C + c);
            }
          visit(out, window);
        }
  return [N, OH, OW, C];
}

/** max_pool2d: padding never wins; NaN propagates. */
export function maxPoolKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const input = tensorArg(args, 0);
  const type = op.getResult(0).type;
  if (input.elementType instanceof FloatType) {
    const d = floatData(input);
    const out: number[] = [];
    const shape = pool2d(op, input, (o, window) => {
      let m = -Infinity;
      for (const i of window) m = maxFloat(m, d[i] as number);
      out[o] = m;
    });
    return [floatResult(type, shape, Float64Array.from(out))];
  }
  const d = intData(input);
  const info = intInfo(input.elementType);
  const out: bigint[] = [];
  const shape = pool2d(op, input, (o, window) => {
    let m = info.min;
    for (const i of window) if ((d[i] as bigint) > m) m = d[i] as bigint;
    out[o] = m;
  });
  return [intResult(type, shape, out)];
}

/**
 * avg_pool2d: the sum over the window's input elements (padding left out) divided by their count; integers
 * divide by apply_scale with the spec's reciprocal scale, then add the output zero point and saturate.
 */
export function avgPoolKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const input = tensorArg(args, 0);
  const type = op.getResult(0).type;
  if (input.elementType instanceof FloatType) {
    const r = rounder(floatKindOf(input.elementType));
    const d = floatData(input);
    const out: number[] = [];
    const shape = pool2d(op, input, (o, window) => {
      let sum = 0;
      for (const i of window) sum = r(sum + (d[i] as number));
      out[o] = r(sum / window.length);
    });
    return [floatResult(type, shape, Float64Array.from(out))];
  }
  const [izp, ozp] = zeroPoints(op, ["input_zp", "output_zp"]);
  const d = intData(input);
  const info = intInfo(tensorType(type).elementType as ScalarType);
  const out: bigint[] = [];
  const shape = pool2d(op, input, (o, window) => {
    if (window.length === 0) ub("avg_pool2d over a window of padding only");
    let acc = 0n;
    for (const i of window) acc += (d[i] as bigint) - izp;
    const { multiplier, shift } = reciprocalScale(window.length);
    out[o] = clampInt(applyScale(acc, multiplier, shift, false) + ozp, info.min, info.max);
  });
  return [intResult(type, shape, out)];
}

/** The spec's reciprocal_scale: multiplier and shift with multiplier / 2^shift ~ 1 / count. */
function reciprocalScale(count: number): { multiplier: bigint; shift: bigint } {
  const k = 32 - Math.clz32(count - 1);
  const numerator = ((1n << 30n) + 1n) << BigInt(k);
  return { multiplier: numerator / BigInt(count), shift: BigInt(30 + k) };
}

// ---- resize and rfft2d -----------------------------------------------------------------------------------------

/** resize, as the TOSA spec computes it (floats in floating point; integers in fixed point, unnormalised). */
export function resizeKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const input = tensorArg(args, 0);
  const [N, IH, IW, C] = input.shape as [number, number, number, number];
  const [syn, syd, sxn, sxd] = arrayAttrOf(op, "scale") as [number, number, number, number];
  const [offY, offX] = arrayAttrOf(op, "offset") as [number, number];
  const [borderY, borderX] = arrayAttrOf(op, "border") as [number, number];
  if (syn <= 0 || syd <= 0 || sxn <= 0 || sxd <= 0) return ub("resize with a non-positive scale");
  const OH = Math.trunc(((IH - 1) * syn - offY + borderY) / syd) + 1;
  const OW = Math.trunc(((IW - 1) * sxn - offX + borderX) / sxd) + 1;
  const bilinear = (op.attr("mode") as { value?: string } | undefined)?.value === "BILINEAR";
  const float = input.elementType instanceof FloatType;
  const type = op.getResult(0).type;
  const fd = float ? floatData(input) : undefined;
  const id = float ? undefined : intData(input);
  const r = float ? rounder(floatKindOf(input.elementType as FloatType)) : (x: number) => x;
  const fout: number[] = [];
  const iout: bigint[] = [];
  let o = 0;
  for (let n = 0; n < N; n++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++) {
        const y = oy * syd + offY;
        const x = ox * sxd + offX;
        const iy = Math.floor(y / syn);
        const ix = Math.floor(x / sxn);
        const ry = y - iy * syn;
        const rx = x - ix * sxn;
        const iy0 = Math.max(iy, 0);
        const iy1 = Math.min(iy + 1, IH - 1);
        const ix0 = Math.max(ix, 0);
        const ix1 = Math.min(ix + 1, IW - 1);
        for (let c = 0; c < C; c++, o++) {
          const at = (yy: number, xx: number): number => ((n * IH + yy) * IW + xx) * C + c;
          if (float) {
            const d = fd as Float64Array;
            const [dy, dx] = [r(ry / syn), r(rx / sxn)];
            if (bilinear) {
              let acc = r(r(r((d[at(iy0, ix0)] as number) * r(1 - dy)) * r(1 - dx)));
              acc = r(acc + r(r((d[at(iy0, ix1)] as number) * r(1 - dy)) * dx));
              acc = r(acc + r(r((d[at(iy1, ix0)] as number) * dy) * r(1 - dx)));
              acc = r(acc + r(r((d[at(iy1, ix1)] as number) * dy) * dx));
              fout[o] = acc;
            } else {
              fout[o] = d[at(dy >= 0.5 ? iy1 : iy0, dx >= 0.5 ? ix1 : ix0)] as number;
            }
          } else {
            const d = id as ArrayLike<bigint>;
            if (bilinear) {
              const [uy, ux, dy, dx] = [BigInt(syn), BigInt(sxn), BigInt(ry), BigInt(rx)];
              iout[o] =
                (d[at(iy0, ix0)] as bigint) * (uy - dy) * (ux - dx) +
                (d[at(iy0, ix1)] as bigint) * (uy - dy) * dx +
                (d[at(iy1, ix0)] as bigint) * dy * (ux - dx) +
                (d[at(iy1, ix1)] as bigint) * dy * dx;
            } else {
              iout[o] = d[at(2 * ry >= syn ? iy1 : iy0, 2 * rx >= sxn ? ix1 : ix0)] as bigint;
            }
          }
        }
      }
  const shape = [N, OH, OW, C];
  return [float ? floatResult(type, shape, Float64Array.from(fout)) : intResult(type, shape, iout)];
}

/** rfft2d over [N, H, W]: real and imaginary parts of the DFT for W/2 + 1 frequencies, computed in double. */
export function rfft2dKernel(op: Operation, args: readonly RuntimeValue[]): RuntimeValue[] {
  const input = tensorArg(args, 0);
  if (!(input.elementType instanceof FloatType)) return unsupported("'tosa.rfft2d' of integer tensors");
  const r = rounder(floatKindOf(input.elementType));
  const [N, H, W] = input.shape as [number, number, number];
  const OW = Math.trunc(W / 2) + 1;
  const d = floatData(input);
  const re = new Float64Array(N * H * OW);
  const im = new Float64Array(N * H * OW);
  for (let n = 0; n < N; n++)
    for (let oy = 0; oy < H; oy++)
      for (let ox = 0; ox < OW; ox++) {
        let sr = 0;
        let si = 0;
        for (let iy = 0; iy < H; iy++)
          for (let ix = 0; ix < W; ix++) {
            const a = 2 * Math.PI * (((iy * oy) % H) / H + ((ix * ox) % W) / W);
            const v = d[(n * H + iy) * W + ix] as number;
            sr += v * Math.cos(a);
            si -= v * Math.sin(a);
          }
        re[(n * H + oy) * OW + ox] = r(sr);
        im[(n * H + oy) * OW + ox] = r(si);
      }
  return [floatResult(op.getResult(0).type, [N, H, OW], re), floatResult(op.getResult(1).type, [N, H, OW], im)];
}
