/**
 * Shape inference for TOSA ops: their InferShapedTypeOpInterface (src/interfaces/infer-shaped-type.ts), which
 * every TOSA op but const, custom and the util ops implements. As in MLIR 16, the verifier does not compare
 * result types with the inferred ones (only `tosa.equal`, which also has InferTypeOpInterface, is checked). It
 * gives shapes, and an element type only where the op fixes one (i1 for comparisons): `tosaResultTypes`
 * completes them for builders (build.ts) and passes.
 *
 *   tosa.add  (2x1x3, 4x1)        -> 2x4x3        broadcasting, size-1 dims stretch, ranks align right
 *   tosa.matmul (2x3x5, 2x5x7)    -> 2x3x7
 *   tosa.reduce_sum (2x3x5) axis 1 -> 2x1x5
 *   tosa.conv2d (N,H,W,C) (O,KH,KW,C) -> (N, (H+pt+pb-((KH-1)*dh+1))/sh+1, ..., O)
 *
 * A component without a shape is an unranked tensor; DYNAMIC dims are `?`.
 */
import { type Attribute, DenseArrayAttr, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { ShapedComponents } from "../../src/interfaces/infer-shaped-type.ts";
import type { Region } from "../../src/ir/operation.ts";
import { DYNAMIC, IntegerType, RankedTensorType, Type, UnrankedTensorType, i1, isDynamic } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { constantAttr } from "../../src/rewrite/match.ts";

// ---- helpers -----------------------------------------------------------------------------------------------

/** The shape of a ranked tensor (value or type); undefined for anything else. */
export const shapeOf = (v: Value | Type | undefined): readonly number[] | undefined => {
  const t = v instanceof Type ? v : v?.type;
  return t instanceof RankedTensorType ? t.shape : undefined;
};
const unranked: ShapedComponents = { shape: undefined };
const dim = (shape: readonly number[] | undefined, i: number): number => shape?.[i] ?? DYNAMIC;

/** The numbers of an `array<i64: ...>` attribute (empty when absent or of another kind). */
export function i64Array(attributes: ReadonlyMap<string, Attribute>, name: string): number[] {
  const a = attributes.get(name);
  return a instanceof DenseArrayAttr ? a.numbers : [];
}
/** An integer attribute's value as a number (0 when absent). */
export function intAttr(attributes: ReadonlyMap<string, Attribute>, name: string): number {
  const a = attributes.get(name);
  return a instanceof IntegerAttr ? Number(a.value) : 0;
}

/** TOSA's `-1` in shape attributes (new_shape, size, out_shape) means dynamic. */
const fromTosaShape = (shape: readonly number[]): number[] => shape.map((d) => (d === -1 ? DYNAMIC : d));

/** The integer values of a constant operand (transpose's perms, pad's paddings), when it is one. */
export function constantInts(v: Value | undefined): number[] | undefined {
  const a = v === undefined ? undefined : constantAttr(v);
  if (!(a instanceof DenseElementsAttr) || !(a.type.elementType instanceof IntegerType)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < a.numElements; i++) out.push(Number(a.at(i)));
  return out;
}

/**
 * TOSA's broadcast of operand shapes (MLIR 16's resolveBroadcastShape): ranks align on the right, a size-1 dim
 * takes the other's size, and otherwise the sizes must be equal (a dynamic dim only matches itself or 1).
 * Undefined when an operand is unranked or the shapes do not broadcast.
 */
export function broadcastShapes(shapes: readonly (readonly number[] | undefined)[]): number[] | undefined {
  let rank = 0;
  for (const s of shapes) {
    if (s === undefined) return undefined;
    rank = Math.max(rank, s.length);
  }
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes as readonly (readonly number[])[]) {
    const offset = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const a = out[i + offset] as number;
      const b = s[i] as number;
      if (a === 1) out[i + offset] = b;
      else if (b !== 1 && a !== b) return undefined;
    }
  }
  return out;
}

// ---- per-op inference ----------------------------------------------------------------------------------------

type Infer = (operands: readonly Value[], attributes: ReadonlyMap<string, Attribute>, regions: readonly Region[]) => readonly ShapedComponents[] | undefined;

/** Elementwise ops: the broadcast of the operand shapes, unranked when they do not broadcast. */
export const inferElementwise: Infer = (operands) => [{ shape: broadcastShapes(operands.map((v) => shapeOf(v))) }];
/** Comparisons: as elementwise, with i1 elements. */
export const inferComparison: Infer = (operands) => [{ shape: broadcastShapes(operands.map((v) => shapeOf(v))), elementType: i1 }];

export const inferArgMax: Infer = (operands, attrs) => {
  const input = shapeOf(operands[0]);
  if (input === undefined) return [unranked];
  const axis = intAttr(attrs, "axis");
  return [{ shape: input.filter((_, i) => i !== axis) }];
};

export const inferReduce: Infer = (operands, attrs) => {
  const input = shapeOf(operands[0]);
  if (input === undefined) return [unranked];
  const axis = intAttr(attrs, "axis");
  if (axis < 0 || axis >= input.length) return undefined;
  return [{ shape: input.map((d, i) => (i === axis ? 1 : d)) }];
};

export const inferConcat: Infer = (operands, attrs) => {
  const axis = intAttr(attrs, "axis");
  let out: number[] | undefined;
  for (const v of operands) {
    const s = shapeOf(v);
    if (s === undefined) continue;
    out ??= new Array<number>(s.length).fill(DYNAMIC);
    for (let i = 0; i < s.length; i++) {
      if (i === axis || isDynamic(s[i] as number)) continue;
      if (isDynamic(out[i] as number)) out[i] = s[i] as number;
      if (out[i] !== s[i]) return undefined;
    }
  }
  if (out === undefined) return [unranked];
  let size = 0;
  for (const v of operands) {
    const s = shapeOf(v);
    if (s === undefined || isDynamic(dim(s, axis))) {
      size = DYNAMIC;
      break;
    }
    size += dim(s, axis);
  }
  out[axis] = size;
  return [{ shape: out }];
};

export const inferFullyConnected: Infer = (operands) => {
  const [input, weight, bias] = operands.map((v) => shapeOf(v));
  const out = [DYNAMIC, DYNAMIC];
  if (input !== undefined) out[0] = dim(input, 0);
  if (weight !== undefined) out[1] = dim(weight, 0);
  if (bias !== undefined && isDynamic(out[1] as number)) out[1] = dim(bias, 0);
  return [{ shape: out }];
};

export const inferMatMul: Infer = (operands) => {
  const [a, b] = operands.map((v) => shapeOf(v));
  const out = [DYNAMIC, DYNAMIC, DYNAMIC];
  if (a !== undefined) {
    out[0] = dim(a, 0);
    out[1] = dim(a, 1);
  }
  if (b !== undefined) {
    if (isDynamic(out[0] as number)) out[0] = dim(b, 0);
    out[2] = dim(b, 2);
  }
  return [{ shape: out }];
};

export const inferPad: Infer = (operands) => {
  const input = shapeOf(operands[0]);
  const padding = shapeOf(operands[1]);
  if (input === undefined && padding === undefined) return [unranked];
  if (input === undefined) {
    const rank = dim(padding, 0);
    return isDynamic(rank) ? [unranked] : [{ shape: new Array<number>(rank).fill(DYNAMIC) }];
  }
  const pads = constantInts(operands[1]);
  if (pads === undefined) return [{ shape: input.map(() => DYNAMIC) }];
  return [{ shape: input.map((d, i) => (isDynamic(d) ? DYNAMIC : d + (pads[2 * i] ?? 0) + (pads[2 * i + 1] ?? 0))) }];
};

export const inferSlice: Infer = (_operands, attrs) => [{ shape: fromTosaShape(i64Array(attrs, "size")) }];

export const inferTable: Infer = (operands) => [{ shape: shapeOf(operands[0]) }];

export const inferTile: Infer = (operands, attrs) => {
  const multiples = i64Array(attrs, "multiples");
  const input = shapeOf(operands[0]);
  if (input === undefined) return [{ shape: multiples.map(() => DYNAMIC) }];
  return [{ shape: input.map((d, i) => (isDynamic(d) ? d : d * (multiples[i] ?? 1))) }];
};

export const inferReshape: Infer = (operands, attrs) => {
  const shape = fromTosaShape(i64Array(attrs, "new_shape"));
  const input = shapeOf(operands[0]);
  if (input === undefined || input.some(isDynamic)) return [{ shape }];
  const count = input.reduce((a, b) => a * b, 1);
  const known = shape.filter((d) => !isDynamic(d)).reduce((a, b) => a * b, 1);
  return [{ shape: shape.map((d) => (isDynamic(d) ? (known === 0 ? 0 : Math.trunc(count / known)) : d)) }];
};

export const inferTranspose: Infer = (operands) => {
  const input = shapeOf(operands[0]);
  const permsShape = shapeOf(operands[1]);
  if (input === undefined || permsShape === undefined || isDynamic(dim(permsShape, 0))) return [unranked];
  if (dim(permsShape, 0) !== input.length) return undefined;
  if (input.length === 0) return [{ shape: [] }];
  if (input.every((d) => d === input[0])) return [{ shape: [...input] }];
  const perms = constantInts(operands[1]);
  if (perms === undefined) return [{ shape: input.map(() => DYNAMIC) }];
  return [{ shape: input.map((_, i) => dim(input, perms[i] ?? -1)) }];
};

export const inferGather: Infer = (operands) => {
  const values = shapeOf(operands[0]);
  const indices = shapeOf(operands[1]);
  const out = [DYNAMIC, DYNAMIC, DYNAMIC];
  if (values !== undefined) {
    out[0] = dim(values, 0);
    out[2] = dim(values, 2);
  }
  if (indices !== undefined) {
    if (isDynamic(out[0] as number)) out[0] = dim(indices, 0);
    out[1] = dim(indices, 1);
  }
  return [{ shape: out }];
};

export const inferScatter: Infer = (operands) => {
  const [valuesIn, indices, input] = operands.map((v) => shapeOf(v));
  const out = valuesIn === undefined ? [DYNAMIC, DYNAMIC, DYNAMIC] : [dim(valuesIn, 0), dim(valuesIn, 1), dim(valuesIn, 2)];
  if (indices !== undefined && isDynamic(out[0] as number)) out[0] = dim(indices, 0);
  if (input !== undefined) {
    if (isDynamic(out[0] as number)) out[0] = dim(input, 0);
    if (isDynamic(out[2] as number)) out[2] = dim(input, 2);
  }
  return [{ shape: out }];
};

export const inferResize: Infer = (operands, attrs) => {
  const input = shapeOf(operands[0]);
  if (input === undefined) return undefined;
  const [h, w] = [dim(input, 1), dim(input, 2)];
  if (isDynamic(h) || isDynamic(w)) return undefined;
  const scale = i64Array(attrs, "scale");
  const offset = i64Array(attrs, "offset");
  const border = i64Array(attrs, "border");
  const [sy, sy2, sx, sx2] = [scale[0] ?? 1, scale[1] ?? 1, scale[2] ?? 1, scale[3] ?? 1];
  const outH = Math.trunc(((h - 1) * sy - (offset[0] ?? 0) + (border[0] ?? 0)) / sy2) + 1;
  const outW = Math.trunc(((w - 1) * sx - (offset[1] ?? 0) + (border[1] ?? 0)) / sx2) + 1;
  return [{ shape: [dim(input, 0), outH, outW, dim(input, 3)] }];
};

/** Output size of a strided, dilated, padded window (convolutions). */
function convSize(input: number, kernel: number, padBefore: number, padAfter: number, stride: number, dilation: number): number {
  if (isDynamic(input) || isDynamic(kernel)) return DYNAMIC;
  const unstrided = input + padBefore + padAfter - ((kernel - 1) * dilation + 1) + 1;
  return Math.trunc((unstrided - 1) / stride) + 1;
}

export const inferPool: Infer = (operands, attrs) => {
  const input = shapeOf(operands[0]);
  if (input === undefined) return [{ shape: [DYNAMIC, DYNAMIC, DYNAMIC, DYNAMIC] }];
  const kernel = i64Array(attrs, "kernel");
  const stride = i64Array(attrs, "stride");
  const pad = i64Array(attrs, "pad");
  const size = (d: number, k: number, s: number, p0: number, p1: number): number =>
    isDynamic(d) ? DYNAMIC : Math.trunc((d + p0 + p1 - k) / s) + 1;
  return [
    {
      shape: [
        dim(input, 0),
        size(dim(input, 1), kernel[0] ?? 1, stride[0] ?? 1, pad[0] ?? 0, pad[1] ?? 0),
        size(dim(input, 2), kernel[1] ?? 1, stride[1] ?? 1, pad[2] ?? 0, pad[3] ?? 0),
        dim(input, 3),
      ],
    },
  ];
};

/** The output sizes of the spatial dims of a convolution: input dim `i + 1` with kernel dim `kernelDims[i]`. */
function convSpatial(attrs: ReadonlyMap<string, Attribute>, input: readonly number[] | undefined, weight: readonly number[] | undefined, kernelDims: readonly number[]): number[] {
  const pad = i64Array(attrs, "pad");
  const stride = i64Array(attrs, "stride");
  const dilation = i64Array(attrs, "dilation");
  return kernelDims.map((k, i) =>
    convSize(dim(input, i + 1), dim(weight, k), pad[2 * i] ?? 0, pad[2 * i + 1] ?? 0, stride[i] ?? 1, dilation[i] ?? 1),
  );
}

export const inferConv2D: Infer = (operands, attrs) => {
  const [input, weight, bias] = operands.map((v) => shapeOf(v));
  let channels = dim(weight, 0);
  if (isDynamic(channels)) channels = dim(bias, 0);
  return [{ shape: [dim(input, 0), ...convSpatial(attrs, input, weight, [1, 2]), channels] }];
};

export const inferConv3D: Infer = (operands, attrs) => {
  const [input, weight, bias] = operands.map((v) => shapeOf(v));
  let channels = dim(weight, 0);
  if (isDynamic(channels)) channels = dim(bias, 0);
  return [{ shape: [dim(input, 0), ...convSpatial(attrs, input, weight, [1, 2, 3]), channels] }];
};

export const inferDepthwiseConv2D: Infer = (operands, attrs) => {
  const [input, weight, bias] = operands.map((v) => shapeOf(v));
  let inChannels = dim(input, 3);
  if (isDynamic(inChannels)) inChannels = dim(weight, 2);
  const multiplier = dim(weight, 3);
  let channels = isDynamic(inChannels) || isDynamic(multiplier) ? DYNAMIC : inChannels * multiplier;
  if (isDynamic(channels)) channels = dim(bias, 0);
  return [{ shape: [dim(input, 0), ...convSpatial(attrs, input, weight, [0, 1]), channels] }];
};

export const inferTransposeConv2D: Infer = (operands, attrs) => {
  const [input, filter] = operands.map((v) => shapeOf(v));
  const out = fromTosaShape(i64Array(attrs, "out_shape"));
  while (out.length < 4) out.push(DYNAMIC);
  const outPad = i64Array(attrs, "out_pad");
  const stride = i64Array(attrs, "stride");
  if (input !== undefined && isDynamic(out[0] as number)) out[0] = dim(input, 0);
  if (filter !== undefined && isDynamic(out[3] as number)) out[3] = dim(filter, 0);
  // MLIR 16 reads the "bias" channels from the input here (a bug), so they only fill a still-unknown size.
  if (input !== undefined && isDynamic(out[3] as number)) out[3] = dim(input, 0);
  const size = (i: number, k: number, s: number, p0: number, p1: number): number => (i - 1) * s + p0 + p1 + k;
  const [ih, iw, kh, kw] = [dim(input, 1), dim(input, 2), dim(filter, 1), dim(filter, 2)];
  if (!isDynamic(ih) && !isDynamic(kh) && isDynamic(out[1] as number)) out[1] = size(ih, kh, stride[0] ?? 1, outPad[0] ?? 0, outPad[1] ?? 0);
  if (!isDynamic(iw) && !isDynamic(kw) && isDynamic(out[2] as number)) out[2] = size(iw, kw, stride[1] ?? 1, outPad[2] ?? 0, outPad[3] ?? 0);
  return [{ shape: out }];
};

export const inferRFFT2D: Infer = (operands) => {
  const input = shapeOf(operands[0]);
  if (input === undefined) return undefined;
  const w = dim(input, 2);
  const shape = [dim(input, 0), dim(input, 1), isDynamic(w) ? DYNAMIC : Math.trunc(w / 2) + 1];
  return [{ shape }, { shape }];
};

/**
 * cond_if / while_loop: the meet of the types their `tosa.yield`s yield (cond_if: both branches; while: the
 * body). A dim known in one yield and dynamic in another is known; two different known sizes give dynamic.
 */
export const inferFromYields = (regionIndices: readonly number[]): Infer => (_operands, _attrs, regions) => {
  const yields = regionIndices.flatMap((i) => regions[i]?.blocks.map((b) => b.terminator).filter((t) => t?.name === "tosa.yield") ?? []);
  if (yields.length === 0) return undefined;
  const first = yields[0]?.operands ?? [];
  const known: (Type | undefined)[] = first.map((v) => v.type);
  for (const y of yields) {
    if (y === undefined || y.numOperands !== known.length) return undefined;
    y.operands.forEach((v, i) => {
      const m = meet(known[i], v.type);
      if (m !== undefined) known[i] = m;
    });
  }
  return known.map((t) => ({ shape: shapeOf(t), elementType: t instanceof RankedTensorType || t instanceof UnrankedTensorType ? t.elementType : undefined }));
};

/** MLIR's ValueKnowledge::meet on tensor types: undefined when the element types or ranks conflict. */
function meet(a: Type | undefined, b: Type): Type | undefined {
  if (a === undefined) return b;
  const ea = a instanceof RankedTensorType || a instanceof UnrankedTensorType ? a.elementType : undefined;
  const eb = b instanceof RankedTensorType || b instanceof UnrankedTensorType ? b.elementType : undefined;
  if (ea !== eb || ea === undefined) return undefined;
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (sa === undefined) return b;
  if (sb === undefined) return a;
  if (sa.length !== sb.length) return undefined;
  return RankedTensorType.get(
    sa.map((d, i) => {
      const e = sb[i] as number;
      if (isDynamic(d)) return e;
      if (isDynamic(e)) return d;
      return d === e ? d : DYNAMIC;
    }),
    ea,
  );
}
