/**
 * The memory patterns of `convert-vector-to-llvm` (MLIR 16's VectorLoadStoreConversion, VectorGatherOpConversion,
 * VectorScatterOpConversion, VectorExpandLoadOpConversion and VectorCompressStoreOpConversion): a 1-D vector
 * access becomes an llvm load, store or `llvm.intr.masked.*` intrinsic at the strided element address of its
 * first element (memref-to-llvm's stridedElementPtr), with the element type's preferred alignment, as MLIR 16
 * reads it off LLVM's default data layout. n-D loads, stores and gathers are unrolled into 1-D ones first
 * (unroll-memory.ts). Before/after IR on each pattern.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { DYNAMIC, FloatType, i32, i64, IndexType, IntegerType, MemRefType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, type ConversionRewriter, convert } from "../../src/rewrite/conversion.ts";
import * as L from "../../dialects/llvm/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { stridesAndOffset } from "../../dialects/memref/index.ts";
import { defaultSpace, elementLLVMType, type Emitter, emitter, stridedElementPtr } from "../memref-to-llvm/descriptor.ts";

/**
 * The preferred alignment in bytes of a memref element under LLVM's default data layout (MLIR 16's
 * getMemRefAlignment): integers and floats their size rounded up to a power of two (i1 and i8: 1, index: 8),
 * vectors their whole size rounded up likewise.
 */
export function preferredAlignment(t: Type): number | undefined {
  const pow2 = (bytes: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, bytes)));
  if (t instanceof IndexType) return 8;
  if (t instanceof IntegerType) return pow2(Math.ceil(t.width / 8));
  if (t instanceof FloatType) return pow2(Math.ceil(t.width / 8));
  if (t instanceof VectorType) {
    const e = preferredAlignment(t.elementType);
    const bits = t.elementType instanceof IndexType ? 64 : t.elementType instanceof IntegerType || t.elementType instanceof FloatType ? t.elementType.width : undefined;
    if (e === undefined || bits === undefined) return undefined;
    return pow2(Math.ceil((bits * t.shape.reduce((a, b) => a * b, 1)) / 8));
  }
  return undefined;
}

/** What every memory pattern checks first: a ranked memref in the default space with a strided layout. */
function memrefOf(base: Value): MemRefType | string {
  const t = base.type;
  if (!(t instanceof MemRefType)) return "the base is not a memref (bufferize first)";
  if (!defaultSpace(t)) return "the memref is not in the default memory space";
  if (stridesAndOffset(t) === undefined) return "the memref's layout is not strided";
  return t;
}

/** The address of the access's first element, and the alignment, or why there is none. */
function address(rw: ConversionRewriter, op: Operation, base: Value, convertedBase: Value, indices: readonly Value[]): { e: Emitter; type: MemRefType; ptr: Value; align: number } | string {
  const type = memrefOf(base);
  if (typeof type === "string") return type;
  const align = preferredAlignment(type.elementType);
  if (align === undefined) return "no alignment is known for the element type";
  const e = emitter(rw, op);
  const ptr = stridedElementPtr(e, type, convertedBase, indices);
  if (ptr === undefined) return "the layout is not strided";
  return { e, type, ptr, align };
}

/** The element address cast to a pointer to the whole vector (a bitcast with typed pointers, as MLIR 16's castDataPtr). */
function vectorPtr(e: Emitter, ptr: Value, vectorType: Type): Value {
  return e.castPtr(ptr, e.tc.pointerTo(vectorType));
}

type Access = "load" | "store" | "maskedload" | "maskedstore";
const ACCESS_ROOTS = { load: V.LoadOp, store: V.StoreOp, maskedload: V.MaskedLoadOp, maskedstore: V.MaskedStoreOp } as const;

/**
 * vector.load / store / maskedload / maskedstore of a 1-D vector -> llvm.load / llvm.store /
 * llvm.intr.masked.load / llvm.intr.masked.store through a pointer to the vector (MLIR's VectorLoadStoreConversion).
 *
 *   Before: %v = vector.load %m[%i, %j] : memref<?x8xf32>, vector<4xf32>
 *   After:  %0 = llvm.extractvalue %d[1] : !llvm.struct<(ptr<f32>, ptr<f32>, i64, array<2 x i64>, array<2 x i64>)>
 *           %1 = llvm.mlir.constant(8 : index) : i64
 *           %2 = llvm.mul %i, %1  : i64
 *           %3 = llvm.add %2, %j  : i64
 *           %4 = llvm.getelementptr %0[%3] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
 *           %5 = llvm.bitcast %4 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
 *           %v = llvm.load %5 {alignment = 4 : i64} : !llvm.ptr<vector<4xf32>>
 *
 *   Before: vector.maskedstore %m[%i], %mask, %v : memref<?xf32>, vector<4xi1>, vector<4xf32>
 *   After:  ... %5 = llvm.bitcast %4 : !llvm.ptr<f32> to !llvm.ptr<vector<4xf32>>
 *           llvm.intr.masked.store %v, %5, %mask {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr<vector<4xf32>>
 */
function loadStore(kind: Access): ConversionPattern {
  return convert({
    name: `vector.${kind}-to-llvm`,
    root: ACCESS_ROOTS[kind],
    apply(op, adaptor, rw) {
      const isStore = kind === "store" || kind === "maskedstore";
      const vectorType = (isStore ? op.getOperand(kind === "store" ? 0 : op.numOperands - 1).type : op.getResult(0).type) as VectorType;
      if (vectorType.rank > 1) return rw.fail("only 1-D vectors are accessed directly (n-D ones are unrolled first)");
      const vt = rw.typeConverter?.convertType(vectorType);
      if (vt === undefined) return rw.fail("the vector type cannot be converted");
      const ops = adaptor.operands;
      const baseAt = kind === "store" ? 1 : 0;
      const rank = (op.getOperand(baseAt).type as MemRefType).shape?.length ?? 0;
      const indices = ops.slice(baseAt + 1, baseAt + 1 + rank);
      const a = address(rw, op, op.getOperand(baseAt), ops[baseAt] as Value, indices);
      if (typeof a === "string") return rw.fail(a);
      const { e, ptr, align } = a;
      const p = vectorPtr(e, ptr, vt);
      const rest = ops.slice(baseAt + 1 + rank);
      switch (kind) {
        case "load":
          rw.replaceOp(op, [e.one(L.LoadOp, [p], vt, { alignment: IntegerAttr.get(i64, align) })]);
          return rw.done();
        case "store":
          e.op(L.StoreOp, { operands: [ops[0] as Value, p], attributes: { alignment: IntegerAttr.get(i64, align) } });
          break;
        case "maskedload":
          rw.replaceOp(op, [e.one(L.MaskedLoadOp, [p, rest[0] as Value, rest[1] as Value], vt, { alignment: IntegerAttr.get(i32, align) })]);
          return rw.done();
        case "maskedstore":
          e.op(L.MaskedStoreOp, { operands: [rest[1] as Value, p, rest[0] as Value], attributes: { alignment: IntegerAttr.get(i32, align) } });
          break;
      }
      rw.eraseOp(op);
      return rw.done();
    },
  });
}

/** The memref's last stride is 1 (MLIR's isMemRefTypeSupported for gather and scatter). */
function unitLastStride(t: MemRefType): boolean {
  const so = stridesAndOffset(t);
  return so !== undefined && (so.strides.length === 0 || so.strides.at(-1) === 1);
}

/** A vector of pointers: the element address plus each lane's index (MLIR's getIndexedPtrs). */
function indexedPtrs(e: Emitter, type: MemRefType, ptr: Value, indexVec: Value, lanes: number): Value {
  const elem = elementLLVMType(e, type);
  return e.gep(L.llvmVectorType(ptr.type, lanes), elem, ptr, [indexVec]);
}

/**
 * vector.gather of a 1-D vector -> llvm.intr.masked.gather of a vector of lane pointers (n-D gathers are
 * unrolled first).
 *
 *   Before: %g = vector.gather %m[%i] [%iv], %mask, %pt : memref<?xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
 *   After:  %0 = llvm.extractvalue %d[1] : ...          %1 = llvm.getelementptr %0[%i] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
 *           %2 = llvm.getelementptr %1[%iv] : (!llvm.ptr<f32>, vector<4xi32>) -> !llvm.vec<4 x ptr<f32>>
 *           %g = llvm.intr.masked.gather %2, %mask, %pt {alignment = 4 : i32} : (!llvm.vec<4 x ptr<f32>>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
 */
const gather = convert({
  name: "vector.gather-to-llvm",
  root: V.GatherOp,
  apply(op, adaptor, rw) {
    const vectorType = op.result.type;
    if (vectorType.rank !== 1) return rw.fail("only 1-D gathers are lowered directly (n-D ones are unrolled first)");
    const base = op.base;
    if (base.type instanceof MemRefType && !unitLastStride(base.type)) return rw.fail("the memref's last stride is not 1");
    const vt = rw.typeConverter?.convertType(vectorType);
    if (vt === undefined) return rw.fail("the vector type cannot be converted");
    const ops = adaptor.operands;
    const rank = op.indices.length;
    const a = address(rw, op, base, ops[0] as Value, ops.slice(1, 1 + rank));
    if (typeof a === "string") return rw.fail(a);
    const [indexVec, mask, passThru] = ops.slice(1 + rank) as [Value, Value, Value];
    const ptrs = indexedPtrs(a.e, a.type, a.ptr, indexVec, vectorType.shape[0] as number);
    rw.replaceOp(op, [a.e.one(L.MaskedGatherOp, [ptrs, mask, passThru], vt, { alignment: IntegerAttr.get(i32, a.align) })]);
    return rw.done();
  },
});

/**
 * vector.scatter -> llvm.intr.masked.scatter to a vector of lane pointers.
 *
 *   Before: vector.scatter %m[%i] [%iv], %mask, %v : memref<?xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32>
 *   After:  ... %2 = llvm.getelementptr %1[%iv] : (!llvm.ptr<f32>, vector<4xi32>) -> !llvm.vec<4 x ptr<f32>>
 *           llvm.intr.masked.scatter %v, %2, %mask {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.vec<4 x ptr<f32>>
 */
const scatter = convert({
  name: "vector.scatter-to-llvm",
  root: V.ScatterOp,
  apply(op, adaptor, rw) {
    const base = op.base;
    if (base.type instanceof MemRefType && !unitLastStride(base.type)) return rw.fail("the memref's last stride is not 1");
    const ops = adaptor.operands;
    const rank = op.indices.length;
    const a = address(rw, op, base, ops[0] as Value, ops.slice(1, 1 + rank));
    if (typeof a === "string") return rw.fail(a);
    const [indexVec, mask, value] = ops.slice(1 + rank) as [Value, Value, Value];
    const ptrs = indexedPtrs(a.e, a.type, a.ptr, indexVec, op.valueToStore.type.shape[0] as number);
    a.e.op(L.MaskedScatterOp, { operands: [value, ptrs, mask], attributes: { alignment: IntegerAttr.get(i32, a.align) } });
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * vector.expandload -> llvm.intr.masked.expandload at the element address (no alignment: the intrinsic has none).
 *
 *   Before: %e = vector.expandload %m[%i], %mask, %pt : memref<?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
 *   After:  ... %1 = llvm.getelementptr %0[%i] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
 *           %e = "llvm.intr.masked.expandload"(%1, %mask, %pt) : (!llvm.ptr<f32>, vector<4xi1>, vector<4xf32>) -> vector<4xf32>
 */
const expandLoad = convert({
  name: "vector.expandload-to-llvm",
  root: V.ExpandLoadOp,
  apply(op, adaptor, rw) {
    const vt = rw.typeConverter?.convertType(op.result.type);
    if (vt === undefined) return rw.fail("the vector type cannot be converted");
    const ops = adaptor.operands;
    const rank = op.indices.length;
    const a = address(rw, op, op.base, ops[0] as Value, ops.slice(1, 1 + rank));
    if (typeof a === "string") return rw.fail(a);
    const [mask, passThru] = ops.slice(1 + rank) as [Value, Value];
    rw.replaceOp(op, [a.e.one(L.MaskedExpandLoadOp, [a.ptr, mask, passThru], vt)]);
    return rw.done();
  },
});

/**
 * vector.compressstore -> llvm.intr.masked.compressstore at the element address.
 *
 *   Before: vector.compressstore %m[%i], %mask, %v : memref<?xf32>, vector<4xi1>, vector<4xf32>
 *   After:  ... %1 = llvm.getelementptr %0[%i] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>
 *           "llvm.intr.masked.compressstore"(%v, %1, %mask) : (vector<4xf32>, !llvm.ptr<f32>, vector<4xi1>) -> ()
 */
const compressStore = convert({
  name: "vector.compressstore-to-llvm",
  root: V.CompressStoreOp,
  apply(op, adaptor, rw) {
    const ops = adaptor.operands;
    const rank = op.indices.length;
    const a = address(rw, op, op.base, ops[0] as Value, ops.slice(1, 1 + rank));
    if (typeof a === "string") return rw.fail(a);
    const [mask, value] = ops.slice(1 + rank) as [Value, Value];
    a.e.op(L.MaskedCompressStoreOp, { operands: [value, a.ptr, mask] });
    rw.eraseOp(op);
    return rw.done();
  },
});

/** Row-major strides of a static shape, or undefined when a size is dynamic. */
function contiguousStrides(t: MemRefType): number[] | undefined {
  if (t.layout !== undefined || t.shape.some((d) => d === DYNAMIC)) return undefined;
  const strides = t.shape.map(() => 1);
  for (let i = t.shape.length - 2; i >= 0; i--) strides[i] = (strides[i + 1] as number) * (t.shape[i + 1] as number);
  return strides;
}

/**
 * vector.type_cast of a static, contiguous memref -> a new descriptor of the vector memref: the same pointers
 * (cast), offset 0, the result's static sizes and strides (MLIR 16's VectorTypeCastOpConversion).
 *
 *   Before: %v = vector.type_cast %m : memref<8x8xf32> to memref<vector<8x8xf32>>
 *   After:  %0 = llvm.mlir.undef : !llvm.struct<(ptr<array<8 x vector<8xf32>>>, ptr<array<8 x vector<8xf32>>>, i64)>
 *           %1 = llvm.extractvalue %d[0] : ...    %2 = llvm.bitcast %1 : !llvm.ptr<f32> to !llvm.ptr<array<8 x vector<8xf32>>>
 *           %3 = llvm.insertvalue %2, %0[0] : ...  (the aligned pointer likewise into [1])
 *           %7 = llvm.mlir.constant(0 : index) : i64     %v = llvm.insertvalue %7, %6[2] : ...
 */
const typeCast = convert({
  name: "vector.type_cast-to-llvm",
  root: V.TypeCastOp,
  apply(op, adaptor, rw) {
    const source = op.memref.type;
    const target = op.result.type;
    if (!(source instanceof MemRefType) || !(target instanceof MemRefType)) return rw.fail("not ranked memrefs");
    const targetStrides = contiguousStrides(target);
    if (contiguousStrides(source) === undefined || targetStrides === undefined) return rw.fail("only static, contiguous memrefs are cast (as in MLIR 16)");
    const e = emitter(rw, op);
    const descType = e.tc.convertType(target);
    if (!(descType instanceof L.LLVMStructType)) return rw.fail("the result type cannot be converted");
    const ptrType = descType.body[0] as Type;
    const src = adaptor.operands[0] as Value;
    let d = e.undef(descType);
    d = e.insert(d, e.castPtr(e.extract(src, [0]), ptrType), [0]);
    d = e.insert(d, e.castPtr(e.extract(src, [1]), ptrType), [1]);
    d = e.insert(d, e.index(0), [2]);
    target.shape.forEach((size, i) => {
      d = e.insert(d, e.index(size), [3, i]);
      d = e.insert(d, e.index(targetStrides[i] as number), [4, i]);
    });
    rw.replaceOp(op, [d]);
    return rw.done();
  },
});

/** The memory patterns of the conversion phase. */
export const memoryPatterns: readonly ConversionPattern[] = [
  loadStore("load"),
  loadStore("store"),
  loadStore("maskedload"),
  loadStore("maskedstore"),
  gather,
  scatter,
  expandLoad,
  compressStore,
  typeCast,
];
