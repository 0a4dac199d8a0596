/**
 * Interpreter semantics of the vector ops that build, slice and reshape vectors (ops-shape.ts). Positions out
 * of range (`extractelement` / `insertelement` with a dynamic index) are poison in MLIR, reported as undefined
 * behaviour. `bitcast` reinterprets each minor 1-D vector's bits little-endian, as LLVM's bitcast of vectors does.
 */
import { elementTypeOf, floatElementKind, intElementWidth } from "../../src/interp/elementwise.ts";
import { ub } from "../../src/interp/errors.ts";
import * as F from "../../src/interp/float-semantics.ts";
import { type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import {
  type Element,
  type FloatElement,
  floatElementBits,
  floatElementFromBits,
  isIntLikeType,
  type ShapedValue,
  splatValue,
} from "../../src/interp/values.ts";
import { type Type, VectorType } from "../../src/ir/types.ts";
import { i64sOf } from "./attrs.ts";
import { asVector, bufferFor, flatIndex, indexOf, scalarElement, scalarResult, stridesOf, unflatten, vectorResult } from "./interp-util.ts";
import {
  BitCastOp,
  BroadcastOp,
  ExtractElementOp,
  ExtractOp,
  ExtractStridedSliceOp,
  FMAOp,
  InsertElementOp,
  InsertOp,
  InsertStridedSliceOp,
  ReshapeOp,
  ScalableExtractOp,
  ScalableInsertOp,
  ShapeCastOp,
  ShuffleOp,
  SplatOp,
  TransposeOp,
} from "./ops-shape.ts";

/** The same elements under another shape (shape_cast, reshape): the row-major buffer is shared by copy. */
const reinterpret = (type: Type, v: ShapedValue) => vectorResult(type, v.elements.clone());

/** Elements [start, start + count) of a vector as a vector of `type`, or its one element when `type` is scalar. */
function slice(v: ShapedValue, start: number, count: number, type: Type) {
  if (!(type instanceof VectorType)) return scalarResult(type, v.elements.get(start));
  const out = bufferFor(type);
  out.copyFrom(v.elements, start, 0, count);
  return vectorResult(type, out);
}

/** A dynamic position of extractelement / insertelement, checked against the vector's length. */
function dynamicPosition(v: ShapedValue, position: ReturnType<typeof indexOf> | undefined, signed: boolean, width: number): number {
  if (position === undefined) return 0;
  // The position is an integer of any width; MLIR reads it as unsigned (LLVM's extractelement index).
  const p = signed ? position : Number(BigInt.asUintN(width, BigInt(position)));
  if (!(p >= 0 && p < (v.shape[0] ?? 1))) ub(`position ${p} is out of bounds of a vector of ${v.shape[0] ?? 1} elements`);
  return p;
}

/** Bits of element `e` of type `t`, as an unsigned bigint of the type's width. */
function elementBitsOf(e: Element, t: Type): bigint {
  if (isIntLikeType(t)) return BigInt.asUintN(intElementWidth(t), e as bigint);
  return floatElementBits(e as FloatElement, floatElementKind(t));
}

/** The element of type `t` whose bits are `bits`. */
function elementFromBits(bits: bigint, t: Type): Element {
  if (isIntLikeType(t)) return BigInt.asIntN(intElementWidth(t), bits);
  return floatElementFromBits(bits, floatElementKind(t));
}

const widthOf = (t: Type): number => (isIntLikeType(t) ? intElementWidth(t) : { f16: 16, bf16: 16, f32: 32, f64: 64 }[floatElementKind(t)]);

export const shapeInterpretations: readonly InterpretationEntry[] = [
  interpretation(BroadcastOp, (op, [source]) => {
    const type = op.vector.type;
    const out = bufferFor(type);
    if (source?.kind !== "shaped") {
      const e = scalarElement(source);
      for (let i = 0; i < out.length; i++) out.set(i, e);
      return [vectorResult(type, out)];
    }
    // Trailing dims of the source line up with the result's; its size-1 dims repeat.
    const lead = type.rank - source.shape.length;
    const srcStrides = stridesOf(source.shape);
    for (let i = 0; i < out.length; i++) {
      const idx = unflatten(i, type.shape);
      let p = 0;
      for (let d = 0; d < source.shape.length; d++) p += (source.shape[d] === 1 ? 0 : (idx[lead + d] as number)) * (srcStrides[d] as number);
      out.set(i, source.elements.get(p));
    }
    return [vectorResult(type, out)];
  }),

  interpretation(ShuffleOp, (op, [a, b]) => {
    const v1 = asVector(a);
    const v2 = asVector(b);
    const type = op.vector.type;
    const inner = type.shape.slice(1).reduce((x, y) => x * y, 1);
    const n1 = v1.shape[0] ?? 1;
    const out = bufferFor(type);
    i64sOf(op.mask).forEach((m, i) => {
      const [src, row] = m < n1 ? [v1, m] : [v2, m - n1];
      out.copyFrom(src.elements, row * inner, i * inner, inner);
    });
    return [vectorResult(type, out)];
  }),

  interpretation(ExtractElementOp, (op, [v, position]) => {
    const vec = asVector(v);
    const pt = op.position?.type;
    const p = dynamicPosition(vec, position === undefined ? undefined : indexOf(position), false, pt === undefined ? 64 : intElementWidth(pt));
    return [scalarResult(op.result.type, vec.elements.get(p))];
  }),

  interpretation(InsertElementOp, (op, [s, d, position]) => {
    const dest = asVector(d);
    const pt = op.position?.type;
    const p = dynamicPosition(dest, position === undefined ? undefined : indexOf(position), false, pt === undefined ? 64 : intElementWidth(pt));
    const out = dest.elements.clone();
    out.set(p, scalarElement(s));
    return [vectorResult(op.result.type, out)];
  }),

  interpretation(ExtractOp, (op, [v]) => {
    const vec = asVector(v);
    const position = i64sOf(op.position);
    const strides = stridesOf(vec.shape);
    const start = flatIndex(position, strides);
    const count = position.length === 0 ? vec.elements.length : (strides[position.length - 1] as number);
    return [slice(vec, start, count, op.result.type)];
  }),

  interpretation(InsertOp, (op, [s, d]) => {
    const dest = asVector(d);
    const position = i64sOf(op.position);
    const start = flatIndex(position, stridesOf(dest.shape));
    const out = dest.elements.clone();
    if (s?.kind === "shaped") out.copyFrom(s.elements, 0, start, s.elements.length);
    else out.set(start, scalarElement(s));
    return [vectorResult(op.res.type, out)];
  }),

  interpretation(ScalableInsertOp, (op, [s, d]) => {
    const src = asVector(s);
    const dest = asVector(d);
    const pos = Number(op.pos.value);
    if (pos + src.elements.length > dest.elements.length) ub(`scalable.insert at ${pos} runs past the end of the destination (vscale is 1)`);
    const out = dest.elements.clone();
    out.copyFrom(src.elements, 0, pos, src.elements.length);
    return [vectorResult(op.res.type, out)];
  }),

  interpretation(ScalableExtractOp, (op, [s]) => {
    const src = asVector(s);
    const pos = Number(op.pos.value);
    const n = op.res.type.shape[0] as number;
    if (pos + n > src.elements.length) ub(`scalable.extract at ${pos} runs past the end of the source (vscale is 1)`);
    return [slice(src, pos, n, op.res.type)];
  }),

  interpretation(InsertStridedSliceOp, (op, [s, d]) => {
    const src = asVector(s);
    const dest = asVector(d);
    const offsets = i64sOf(op.offsets);
    const lead = dest.shape.length - src.shape.length;
    const destStrides = stridesOf(dest.shape);
    const out = dest.elements.clone();
    for (let i = 0; i < src.elements.length; i++) {
      const idx = unflatten(i, src.shape);
      const at = offsets.map((o, dd) => o + (dd >= lead ? (idx[dd - lead] as number) : 0));
      out.set(flatIndex(at, destStrides), src.elements.get(i));
    }
    return [vectorResult(op.res.type, out)];
  }),

  interpretation(ExtractStridedSliceOp, (op, [v]) => {
    const src = asVector(v);
    const offsets = i64sOf(op.offsets);
    const type = op.result.type;
    const srcStrides = stridesOf(src.shape);
    const out = bufferFor(type);
    for (let i = 0; i < out.length; i++) {
      const idx = unflatten(i, type.shape);
      out.set(i, src.elements.get(flatIndex(idx.map((x, d) => x + (offsets[d] ?? 0)), srcStrides)));
    }
    return [vectorResult(type, out)];
  }),

  interpretation(ReshapeOp, (op, [v, ...shapes]) => {
    const sizes = shapes.map(indexOf);
    const ins = sizes.slice(0, op.input_shape.length);
    const outs = sizes.slice(op.input_shape.length);
    const product = (xs: number[]) => xs.reduce((a, b) => a * b, 1);
    if (product(ins) !== product(outs)) ub(`vector.reshape from shape [${ins.join(", ")}] to [${outs.join(", ")}]: the sizes differ`);
    return [reinterpret(op.result.type, asVector(v))];
  }),

  interpretation(ShapeCastOp, (op, [v]) => [reinterpret(op.result.type, asVector(v))]),

  interpretation(BitCastOp, (op, [v]) => {
    const src = asVector(v);
    const from = elementTypeOf(op.source.type);
    const to = elementTypeOf(op.result.type);
    const fromBits = widthOf(from);
    const toBits = widthOf(to);
    const type = op.result.type;
    const out = bufferFor(type);
    const srcMinor = src.shape[src.shape.length - 1] ?? 1;
    const dstMinor = type.shape[type.rank - 1] ?? 1;
    for (let row = 0; row * srcMinor < src.elements.length; row++) {
      let bits = 0n;
      for (let k = srcMinor - 1; k >= 0; k--) bits = (bits << BigInt(fromBits)) | elementBitsOf(src.elements.get(row * srcMinor + k), from);
      const mask = (1n << BigInt(toBits)) - 1n;
      for (let k = 0; k < dstMinor; k++) out.set(row * dstMinor + k, elementFromBits((bits >> BigInt(k * toBits)) & mask, to));
    }
    return [vectorResult(type, out)];
  }),

  interpretation(TransposeOp, (op, [v]) => {
    const src = asVector(v);
    const perm = i64sOf(op.transp);
    const type = op.result.type;
    const srcStrides = stridesOf(src.shape);
    const out = bufferFor(type);
    for (let i = 0; i < out.length; i++) {
      const idx = unflatten(i, type.shape);
      let p = 0;
      // Result dim k walks source dim perm[k].
      for (let k = 0; k < perm.length; k++) p += (idx[k] as number) * (srcStrides[perm[k] as number] as number);
      out.set(i, src.elements.get(p));
    }
    return [vectorResult(type, out)];
  }),

  interpretation(SplatOp, (op, [s]) => [splatValue(op.aggregate.type, scalarElement(s), op.aggregate.type.shape)]),

  interpretation(FMAOp, (op, [a, b, c]) => {
    const [x, y, z] = [asVector(a), asVector(b), asVector(c)];
    const kind = floatElementKind(op.result.type);
    const out = bufferFor(op.result.type);
    for (let i = 0; i < out.length; i++) {
      out.set(i, F.fmaF(kind, x.elements.get(i) as FloatElement, y.elements.get(i) as FloatElement, z.elements.get(i) as FloatElement));
    }
    return [vectorResult(op.result.type, out)];
  }),
];

