/**
 * The vector dialect's plain, masked, gathering and compressing memory ops (MLIR 16), all declarative:
 *
 *   %v = vector.load %A[%i, %j] : memref<8x8xf32>, vector<8xf32>
 *   vector.store %v, %A[%i, %j] : memref<8x8xf32>, vector<8xf32>
 *   %m = vector.maskedload %A[%i], %mask, %pass : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
 *   %g = vector.gather %A[%i][%idx], %mask, %pass : memref<?xf32>, vector<16xi32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
 *   %e = vector.expandload %A[%i], %mask, %pass : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
 *   %c = vector.type_cast %A : memref<8x8xf32> to memref<vector<8x8xf32>>
 *
 * Each op that touches memory says so (MemoryEffectOpInterface: a read or write of its base memref; a gather
 * from a tensor reads nothing).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { AffineMapAttr, StridedLayoutAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Pure } from "../../src/ir/traits.ts";
import { elementTypeOrSelf, MemRefType, RankedTensorType, type Type, VectorType } from "../../src/ir/types.ts";
import { AnyShaped, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { variadic } from "../../src/irdl/spec.ts";
import { effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import { foldThroughMemRefCast } from "./fold-slices.ts";
import {
  AnyMemRefC,
  AnyVector,
  StaticShapeMemRef,
  VectorOfI1,
  VectorOfIntegerOrIndex,
  VectorOfRank1,
  VectorOfRank1OfI1,
  VectorOfRank1OfIntegerOrIndex,
} from "./constraints.ts";

/** A read (or write) of the op's operand #`index` when it is a memref. */
const memoryEffect = (kind: "read" | "write", operandIndex: number) =>
  implement(MemoryEffectOpInterface, {
    getEffects: (op: Operation) => {
      const base = op.getOperand(operandIndex);
      return base.type instanceof MemRefType ? [effect(kind, base)] : [];
    },
  });

/** MLIR's isLastMemrefDimUnitStride: the innermost dim is contiguous (or there are no dims). */
export function isLastDimUnitStride(t: MemRefType): boolean {
  const layout = t.layout;
  if (layout === undefined || t.shape.length === 0) return true;
  if (layout instanceof StridedLayoutAttr) return layout.strides.length === 0 || layout.strides[layout.strides.length - 1] === 1;
  if (layout instanceof AffineMapAttr) {
    const map = layout.map;
    if (map.numSymbols !== 0 || map.numResults !== 1) return false;
    const zero = new Array<number>(map.numDims).fill(0);
    const unit = zero.map((_, i) => (i === map.numDims - 1 ? 1 : 0));
    return (map.evaluate(unit)[0] as number) - (map.evaluate(zero)[0] as number) === 1;
  }
  return false;
}

const rankOf = (t: Type): number => (t instanceof MemRefType || t instanceof RankedTensorType ? t.shape.length : 0);
const requiresIndices = (op: Operation, base: Type, count: number): Diagnostic | undefined =>
  count === rankOf(base) ? undefined : opError(op, `requires ${rankOf(base)} indices`);

// ---- load / store --------------------------------------------------------------------------------------------

/** vector.load and vector.store: a unit-stride minor dim, matching element (or vector element) types, one index per dim. */
function verifyLoadStore(op: Operation, base: Type, vector: VectorType, indices: number, what: string, elementWhat: string): Diagnostic | undefined {
  if (!(base instanceof MemRefType)) return undefined;
  if (!isLastDimUnitStride(base)) return opError(op, "most minor memref dim must have unit stride");
  let memElement = base.elementType;
  if (memElement instanceof VectorType) {
    if (memElement !== vector) return opError(op, `base memref and ${what} vector types should match`);
    memElement = memElement.elementType;
  }
  if (vector.elementType !== memElement) return opError(op, `base and ${elementWhat} should match`);
  return requiresIndices(op, base, indices);
}

export const LoadOp = defineOp(
  {
    name: "vector.load",
    summary: "reads an n-D slice of memory into an n-D vector",
    operands: { base: AnyMemRefC, indices: variadic(Index) },
    results: { result: AnyVector },
    format: "$base `[` $indices `]` attr-dict `:` type($base) `,` type($result)",
  },
  {
    verify: (op) => verifyLoadStore(op, op.base.type, op.result.type, op.indices.length, "result", "result element types"),
    fold: foldThroughMemRefCast,
    interfaces: [memoryEffect("read", 0)],
  },
);
export type LoadOp = InstanceType<typeof LoadOp>;

export const StoreOp = defineOp(
  {
    name: "vector.store",
    summary: "writes an n-D vector to an n-D slice of memory",
    operands: { valueToStore: AnyVector, base: AnyMemRefC, indices: variadic(Index) },
    format: "$valueToStore `,` $base `[` $indices `]` attr-dict `:` type($base) `,` type($valueToStore)",
  },
  {
    verify: (op) => verifyLoadStore(op, op.base.type, op.valueToStore.type, op.indices.length, "valueToStore", "valueToStore element type"),
    fold: foldThroughMemRefCast,
    interfaces: [memoryEffect("write", 1)],
  },
);
export type StoreOp = InstanceType<typeof StoreOp>;

// ---- masked load / store -------------------------------------------------------------------------------------

const maskedLoadLike = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { base: AnyMemRefC, indices: variadic(Index), mask: VectorOfRank1OfI1, pass_thru: VectorOfRank1 },
    results: { result: VectorOfRank1 },
    format: "$base `[` $indices `]` `,` $mask `,` $pass_thru attr-dict `:` type($base) `,` type($mask) `,` type($pass_thru) `into` type($result)",
  }) as const;

const maskedStoreLike = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { base: AnyMemRefC, indices: variadic(Index), mask: VectorOfRank1OfI1, valueToStore: VectorOfRank1 },
    format: "$base `[` $indices `]` `,` $mask `,` $valueToStore attr-dict `:` type($base) `,` type($mask) `,` type($valueToStore)",
  }) as const;

/** maskedload and expandload: element types, indices, mask length, pass_thru type. */
function verifyMaskedLoadLike(op: Operation & { base: { type: Type }; indices: readonly unknown[]; mask: { type: VectorType }; pass_thru: { type: VectorType }; result: { type: VectorType } }) {
  const mem = op.base.type;
  if (op.result.type.elementType !== elementTypeOrSelf(mem)) return opError(op, "base and result element type should match");
  const d = requiresIndices(op, mem, op.indices.length);
  if (d !== undefined) return d;
  if (op.result.type.shape[0] !== op.mask.type.shape[0]) return opError(op, "expected result dim to match mask dim");
  if (op.result.type !== op.pass_thru.type) return opError(op, "expected pass_thru of same type as result type");
  return undefined;
}

/** maskedstore and compressstore: element types, indices, mask length. */
function verifyMaskedStoreLike(op: Operation & { base: { type: Type }; indices: readonly unknown[]; mask: { type: VectorType }; valueToStore: { type: VectorType } }) {
  const mem = op.base.type;
  if (op.valueToStore.type.elementType !== elementTypeOrSelf(mem)) return opError(op, "base and valueToStore element type should match");
  const d = requiresIndices(op, mem, op.indices.length);
  if (d !== undefined) return d;
  if (op.valueToStore.type.shape[0] !== op.mask.type.shape[0]) return opError(op, "expected valueToStore dim to match mask dim");
  return undefined;
}

export const MaskedLoadOp = defineOp(maskedLoadLike("vector.maskedload", "loads elements from memory into a vector as defined by a mask vector"), {
  verify: verifyMaskedLoadLike,
  fold: foldThroughMemRefCast,
  interfaces: [memoryEffect("read", 0)],
});
export type MaskedLoadOp = InstanceType<typeof MaskedLoadOp>;

export const MaskedStoreOp = defineOp(
  maskedStoreLike("vector.maskedstore", "stores elements from a vector into memory as defined by a mask vector"),
  { verify: verifyMaskedStoreLike, fold: foldThroughMemRefCast, interfaces: [memoryEffect("write", 0)] },
);
export type MaskedStoreOp = InstanceType<typeof MaskedStoreOp>;

export const ExpandLoadOp = defineOp(maskedLoadLike("vector.expandload", "reads elements from memory and spreads them into a vector as defined by a mask"), {
  verify: verifyMaskedLoadLike,
  interfaces: [memoryEffect("read", 0)],
});
export type ExpandLoadOp = InstanceType<typeof ExpandLoadOp>;

export const CompressStoreOp = defineOp(
  maskedStoreLike("vector.compressstore", "writes elements selectively from a vector as defined by a mask"),
  { verify: verifyMaskedStoreLike, interfaces: [memoryEffect("write", 0)] },
);
export type CompressStoreOp = InstanceType<typeof CompressStoreOp>;

// ---- gather / scatter ----------------------------------------------------------------------------------------

export const GatherOp = defineOp(
  {
    name: "vector.gather",
    summary: "gathers elements from memory or ranked tensor into a vector as defined by an index vector and mask",
    operands: { base: AnyShaped, indices: variadic(Index), index_vec: VectorOfIntegerOrIndex, mask: VectorOfI1, pass_thru: AnyVector },
    results: { result: AnyVector },
    format:
      "$base `[` $indices `]` `[` $index_vec `]` `,` $mask `,` $pass_thru attr-dict `:` type($base) `,` type($index_vec) `,` type($mask) `,` type($pass_thru) `into` type($result)",
  },
  {
    verify(op) {
      const base = op.base.type;
      const res = op.result.type;
      if (!(base instanceof MemRefType || base instanceof RankedTensorType)) return opError(op, "requires base to be a memref or ranked tensor type");
      if (res.elementType !== base.elementType) return opError(op, "base and result element type should match");
      const d = requiresIndices(op, base, op.indices.length);
      if (d !== undefined) return d;
      const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
      if (!same(res.shape, op.index_vec.type.shape)) return opError(op, "expected result dim to match indices dim");
      if (!same(res.shape, op.mask.type.shape)) return opError(op, "expected result dim to match mask dim");
      if (res !== op.pass_thru.type) return opError(op, "expected pass_thru of same type as result type");
      return undefined;
    },
    interfaces: [memoryEffect("read", 0)],
  },
);
export type GatherOp = InstanceType<typeof GatherOp>;

export const ScatterOp = defineOp(
  {
    name: "vector.scatter",
    summary: "scatters elements from a vector into memory as defined by an index vector and mask",
    operands: {
      base: AnyMemRefC,
      indices: variadic(Index),
      index_vec: VectorOfRank1OfIntegerOrIndex,
      mask: VectorOfRank1OfI1,
      valueToStore: VectorOfRank1,
    },
    format:
      "$base `[` $indices `]` `[` $index_vec `]` `,` $mask `,` $valueToStore attr-dict `:` type($base) `,` type($index_vec) `,` type($mask) `,` type($valueToStore)",
  },
  {
    verify(op) {
      const mem = op.base.type;
      const value = op.valueToStore.type;
      if (value.elementType !== elementTypeOrSelf(mem)) return opError(op, "base and valueToStore element type should match");
      const d = requiresIndices(op, mem, op.indices.length);
      if (d !== undefined) return d;
      if (value.shape[0] !== op.index_vec.type.shape[0]) return opError(op, "expected valueToStore dim to match indices dim");
      if (value.shape[0] !== op.mask.type.shape[0]) return opError(op, "expected valueToStore dim to match mask dim");
      return undefined;
    },
    interfaces: [memoryEffect("write", 0)],
  },
);
export type ScatterOp = InstanceType<typeof ScatterOp>;

// ---- type_cast -----------------------------------------------------------------------------------------------

/** The shape of a memref with its vector element's dims appended (MLIR's extractShape). */
const flatShape = (t: MemRefType): number[] => [...t.shape, ...(t.elementType instanceof VectorType ? t.elementType.shape : [])];

export const TypeCastOp = defineOp(
  {
    name: "vector.type_cast",
    summary: "type_cast op converts a scalar memref to a vector memref",
    operands: { memref: StaticShapeMemRef },
    results: { result: AnyMemRefC },
    traits: [Pure],
    format: "$memref attr-dict `:` type($memref) `to` type($result)",
  },
  {
    verify(op) {
      const src = op.memref.type;
      const res = op.result.type;
      if (src.layout !== undefined && !(src.layout instanceof StridedLayoutAttr && isCanonicalStrided(src))) {
        return opError(op, "expects operand to be a memref with identity layout");
      }
      if (!(res instanceof MemRefType) || res.layout !== undefined) return opError(op, "expects result to be a memref with identity layout");
      if (res.memorySpace !== src.memorySpace) return opError(op, "expects result in same memory space");
      if (elementTypeOrSelf(elementTypeOrSelf(src)) !== elementTypeOrSelf(elementTypeOrSelf(res))) {
        return opError(op, `expects result and operand with same underlying scalar type: ${quotedType(res)}`);
      }
      const a = flatShape(src);
      const b = flatShape(res);
      if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
        return opError(op, `expects concatenated result and operand shapes to be equal: ${quotedType(res)}`);
      }
      return undefined;
    },
  },
);
export type TypeCastOp = InstanceType<typeof TypeCastOp>;

/** A strided layout that is the row-major identity of its static shape (MLIR's canonicalizeStridedLayout). */
function isCanonicalStrided(t: MemRefType): boolean {
  const layout = t.layout as StridedLayoutAttr;
  if (layout.offset !== 0) return false;
  let stride = 1;
  for (let i = t.shape.length - 1; i >= 0; i--) {
    if (t.shape[i] !== 1 && layout.strides[i] !== stride) return false;
    stride *= t.shape[i] as number;
  }
  return true;
}
