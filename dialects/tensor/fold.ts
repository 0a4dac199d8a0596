/**
 * Folds of the tensor ops (MLIR 16's `fold` hooks), local to one op. Patterns that build new ops live in
 * rewrites/tensor/.
 *
 *   tensor.dim %t, %c1 : tensor<4x?xf32>, %t = tensor.generate %n ...      -> %n
 *   tensor.extract %cst[%c1] (%cst a dense constant)                        -> that element
 *   tensor.extract (tensor.from_elements %a, %b)[%c1]                       -> %b
 *   tensor.from_elements %c1, %c2 (constants)                               -> dense<[1, 2]>
 *   tensor.splat %c (a constant)                                            -> dense<c>
 *   tensor.rank %t : tensor<2x?xf32>                                        -> 2
 */
import { type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, FloatType, IndexType, IntegerType, RankedTensorType, type Type } from "../../src/ir/types.ts";
import { staticList } from "../../src/irdl/dynamic-index-list.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import type { ExtractSliceOp } from "./slice-ops.ts";
import { buildConstant, readFloats, readInts } from "../arith/fold-consts.ts";

// The folds take ops as plain Operations with accessors read by name, so that this file and the op
// definitions (which name these folds) do not import each other.

/** The constant integer of an index (or integer) attribute. */
const intOf = (a: Attribute | undefined): number | undefined => (a instanceof IntegerAttr ? Number(a.value) : undefined);

/**
 * Element `i` (row-major, honouring splats) of a dense constant, as a scalar attribute; undefined for element
 * types folding does not handle (complex).
 */
export function denseElementAt(a: DenseElementsAttr, i: number): Attribute | undefined {
  const t = a.type.elementType;
  if (a.lanes !== 1) return undefined;
  const j = a.isSplat ? 0 : i;
  const data = a.data;
  if (t instanceof IntegerType || t instanceof IndexType) return IntegerAttr.get(t, BigInt(data[j] as number | bigint));
  if (!(t instanceof FloatType)) return undefined;
  // Read the bits through an integer view: a double would quiet a signalling NaN.
  if (data instanceof Float32Array) return FloatAttr.fromBits(t, BigInt(new Uint32Array(data.buffer, data.byteOffset, data.length)[j] as number));
  if (data instanceof Float64Array) return FloatAttr.fromBits(t, new BigUint64Array(data.buffer, data.byteOffset, data.length)[j] as bigint);
  if (data instanceof Uint16Array) return FloatAttr.fromBits(t, BigInt(data[j] as number));
  return undefined;
}

/** The unsigned bits of a scalar constant (integer or float), as folding's constant builders take them. */
export function scalarBits(a: Attribute | undefined): bigint | undefined {
  if (!(a instanceof IntegerAttr || a instanceof FloatAttr)) return undefined;
  return (readInts(a) ?? readFloats(a))?.values[0];
}

/** The row-major flat index of `indices` in `shape`, or undefined when out of bounds. */
export function flatIndex(shape: readonly number[], indices: readonly number[]): number | undefined {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d] as number;
    const i = indices[d] as number;
    if (i < 0 || i >= n) return undefined;
    flat = flat * n + i;
  }
  return flat;
}

/** `tensor.dim`: a static size, a tensor.generate's extent, a same-rank extract_slice's dynamic size. */
export function foldDim(op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const index = intOf(operands[1]);
  const source = op.getOperand(0);
  const t = source.type;
  if (index === undefined || !(t instanceof RankedTensorType) || index < 0 || index >= t.rank) return undefined;
  const size = t.shape[index] as number;
  if (size !== DYNAMIC) return IntegerAttr.get(IndexType.get(), size);
  const def = source.definingOp;
  if (def?.name === "tensor.generate") {
    const before = t.shape.slice(0, index).filter((d) => d === DYNAMIC).length;
    return def.getOperand(before);
  }
  if (def?.name === "tensor.extract_slice") {
    const sourceType = def.getOperand(0).type as RankedTensorType;
    if (sourceType.rank !== t.rank) return undefined;
    const statics = staticList(def.attr("static_sizes"));
    if (statics[index] !== DYNAMIC) return undefined;
    return (def as ExtractSliceOp).sizes[statics.slice(0, index).filter((d) => d === DYNAMIC).length];
  }
  return foldCastIntoConsumer(op) ? op.getResult(0) : undefined;
}

/**
 * MLIR's foldTensorCast: an operand that is a tensor.cast from a type at least as static as its result reads
 * the cast's source instead (in place). True when something changed.
 */
export function foldCastIntoConsumer(op: Operation): boolean {
  let changed = false;
  op.operands.forEach((v, i) => {
    const cast = v.definingOp;
    if (cast?.name !== "tensor.cast" || !castSourceIsAsStatic(cast)) return;
    op.setOperand(i, cast.getOperand(0));
    changed = true;
  });
  return changed;
}

/**
 * MLIR's canFoldIntoConsumerOp: the cast's source is ranked like its result and static wherever the result is
 * (so a consumer may read the source without losing shape information).
 */
export function castSourceIsAsStatic(cast: Operation): boolean {
  return preservesStaticInformation(cast.getResult(0).type, cast.getOperand(0).type);
}

/** MLIR's preservesStaticInformation: `target` is a ranked tensor with `source`'s rank that is static wherever `source` is. */
export function preservesStaticInformation(source: Type, target: Type): boolean {
  if (!(source instanceof RankedTensorType) || !(target instanceof RankedTensorType)) return false;
  if (source.elementType !== target.elementType || source.rank !== target.rank) return false;
  return source.shape.every((d, i) => d === DYNAMIC || target.shape[i] !== DYNAMIC);
}

/**
 * `tensor.extract`: of a splat constant, of a tensor.from_elements or of a dense constant at constant indices.
 * (MLIR 16 computes the from_elements position with a wrong stride for rank > 2 and unequal dims; this is the
 * row-major position, which the interpreter agrees with.)
 */
export function foldExtract(op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const tensor = operands[0];
  if (tensor instanceof DenseElementsAttr && tensor.isSplat) return denseElementAt(tensor, 0);
  const indices = operands.slice(1).map(intOf);
  if (indices.some((i) => i === undefined)) return undefined;
  const idx = indices as number[];
  const def = op.getOperand(0).definingOp;
  if (def?.name === "tensor.from_elements") {
    const flat = flatIndex((def.getResult(0).type as RankedTensorType).shape, idx);
    return flat === undefined ? undefined : def.getOperand(flat);
  }
  if (tensor instanceof DenseElementsAttr) {
    const flat = flatIndex(tensor.type.shape, idx);
    return flat === undefined ? undefined : denseElementAt(tensor, flat);
  }
  return undefined;
}

/** `tensor.from_elements` of constants: a dense constant. */
export function foldFromElements(op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const bits = operands.map(scalarBits);
  if (bits.some((b) => b === undefined)) return undefined;
  return buildConstant(op.getResult(0).type, bits as bigint[]);
}

/** `tensor.splat` of a constant scalar: a splat constant. */
export function foldSplat(op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const bits = scalarBits(operands[0]);
  return bits === undefined ? undefined : buildConstant(op.getResult(0).type, [bits]);
}

/** `tensor.insert` of a splat constant's own value into it: the constant. */
export function foldInsert(_op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const [scalar, dest] = operands;
  if (scalar === undefined || !(dest instanceof DenseElementsAttr) || !dest.isSplat) return undefined;
  return denseElementAt(dest, 0) === scalar ? dest : undefined;
}

/** `tensor.rank` of a ranked tensor. */
export function foldRank(op: Operation): FoldResult | undefined {
  const t = op.getOperand(0).type;
  return t instanceof RankedTensorType ? IntegerAttr.get(IndexType.get(), t.rank) : undefined;
}
