/**
 * The access patterns of convert-memref-to-llvm (MLIR 16's MemRefToLLVM.cpp): load, store, dim, rank, copy,
 * assume_alignment, prefetch and atomic_rmw, each addressing elements through the descriptor's aligned pointer,
 * offset and strides (descriptor.ts's stridedElementPtr).
 */
import { type Attribute, IntegerAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { DYNAMIC, i1, i64, IndexType, MemRefType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { convert } from "../../src/rewrite/conversion.ts";
import { AtomicRMWKind } from "../../dialects/arith/attrs.ts";
import * as L from "../../dialects/llvm/index.ts";
import * as M from "../../dialects/memref/index.ts";
import { Descriptor, elementLLVMType, emitter, stridedElementPtr } from "./descriptor.ts";

/** `nontemporal` carried over to llvm.load / store when set. */
function nontemporal(op: Operation): Record<string, Attribute> {
  const a = op.attr("nontemporal");
  return a instanceof IntegerAttr && a.value !== 0n ? { nontemporal: UnitAttr.get() } : {};
}

/**
 * memref.load / store -> llvm.load / store at the strided element address (nontemporal kept).
 *
 *   Before: %v = memref.load %m[%i, %j] : memref<4x?xf32>
 *   After:  %p = llvm.extractvalue %d[1]; %s = llvm.extractvalue %d[4, 0]; %o = llvm.add (llvm.mul %i, %s), %j
 *           %a = llvm.getelementptr %p[%o] : (!llvm.ptr<f32>, i64) -> !llvm.ptr<f32>; %v = llvm.load %a : !llvm.ptr<f32>
 */
export const load = convert({
  name: "memref.load-to-llvm",
  root: M.LoadOp,
  apply(op, adaptor, rw) {
    const type = op.memref.type;
    if (!(type instanceof MemRefType)) return rw.fail("not a ranked memref");
    const e = emitter(rw, op);
    const resultType = e.tc.convertType(op.result.type);
    if (resultType === undefined) return rw.fail("the element type cannot be converted");
    const addr = stridedElementPtr(e, type, adaptor.operands[0] as Value, adaptor.operands.slice(1));
    if (addr === undefined) return rw.fail("the layout is not strided");
    const attributes = nontemporal(op);
    rw.replaceOp(op, [e.one(L.LoadOp, [addr], resultType, attributes)]);
    return rw.done();
  },
});
/** See `load`: `memref.store %v, %m[%i]` -> `llvm.store %v, (llvm.getelementptr <aligned ptr>[%i])`. */
export const store = convert({
  name: "memref.store-to-llvm",
  root: M.StoreOp,
  apply(op, adaptor, rw) {
    const type = op.memref.type;
    if (!(type instanceof MemRefType)) return rw.fail("not a ranked memref");
    const e = emitter(rw, op);
    if (e.tc.useOpaquePointers) return rw.fail("MLIR 16's llvm.atomicrmw has no opaque-pointer syntax");
    const addr = stridedElementPtr(e, type, adaptor.operands[1] as Value, adaptor.operands.slice(2));
    if (addr === undefined) return rw.fail("the layout is not strided");
    const attributes = nontemporal(op);
    e.op(L.StoreOp, { operands: [adaptor.operands[0] as Value, addr], attributes });
    rw.eraseOp(op);
    return rw.done();
  },
});

/** The constant value of an index operand defined by arith.constant or llvm.mlir.constant (MLIR's getConstantDimIndex). */
function constantIndex(v: Value): number | undefined {
  const def = v.definingOp;
  if (def === undefined || (def.name !== "arith.constant" && def.name !== "llvm.mlir.constant")) return undefined;
  const a = def.attr("value");
  return a instanceof IntegerAttr ? Number(a.value) : undefined;
}

/**
 * memref.dim -> a constant for a static size, the descriptor's size for a dynamic one, and for an index not
 * known the sizes array stored to the stack and loaded from.
 *
 *   Before: %d = memref.dim %m, %c1 : memref<4x?xf32>       After: %d = llvm.extractvalue %desc[3, 1]
 */
export const dim = convert({
  name: "memref.dim-to-llvm",
  root: M.DimOp,
  apply(op, adaptor, rw) {
    const type = op.source.type;
    if (!(type instanceof MemRefType)) return rw.fail("dim of an unranked memref is not lowered");
    const e = emitter(rw, op);
    const desc = new Descriptor(e, adaptor.operands[0] as Value);
    const i = constantIndex(op.index);
    let result: Value;
    if (i !== undefined && i >= 0 && i < type.shape.length) result = type.shape[i] === DYNAMIC ? desc.size(i) : e.index(type.shape[i] as number);
    else result = desc.dynamicSize(adaptor.operands[1] as Value, type.shape.length);
    rw.replaceOp(op, [result]);
    return rw.done();
  },
});

/**
 * memref.rank of an unranked memref -> the descriptor's rank field.
 *
 *   Before: %r = memref.rank %u : memref<*xf32>              After: %r = llvm.extractvalue %d[0] : !llvm.struct<(i64, ptr<i8>)>
 */
export const rank = convert({
  name: "memref.rank-to-llvm",
  root: M.RankOp,
  apply(op, adaptor, rw) {
    if (!(op.memref.type instanceof UnrankedMemRefType)) return rw.fail("the rank of a ranked memref folds to a constant");
    const e = emitter(rw, op);
    rw.replaceOp(op, [e.extract(adaptor.operands[0] as Value, [0])]);
    return rw.done();
  },
});

/** Whether a memref type is the identity layout or a strided one that is row-major contiguous. */
export function contiguous(t: Type): boolean {
  if (!(t instanceof MemRefType)) return false;
  if (t.layout === undefined) return true;
  if (t.shape.some((s) => s === DYNAMIC) || t.shape.reduce((a, b) => a * b, 1) === 0) return false;
  const so = M.stridesAndOffset(t);
  if (so === undefined) return false;
  let running = 1;
  for (let i = t.shape.length - 1; i >= 0; i--) {
    if (so.strides[i] !== running) return false;
    running *= t.shape[i] as number;
  }
  return true;
}

/**
 * memref.copy of contiguous memrefs -> llvm.intr.memcpy of (product of sizes) * element size bytes from the
 * source's aligned pointer plus offset to the target's.
 *
 *   Before: memref.copy %a, %b : memref<?xf32> to memref<?xf32>
 *   After:  %n = llvm.mul 1, %a[3, 0]; %bytes = llvm.mul %n, sizeof(f32)
 *           "llvm.intr.memcpy"(gep %b[1][%b[2]], gep %a[1][%a[2]], %bytes, false) : (...) -> ()
 */
export const copy = convert({
  name: "memref.copy-to-llvm",
  root: M.CopyOp,
  apply(op, adaptor, rw) {
    const src = op.getOperand(0).type;
    const dst = op.getOperand(1).type;
    if (!contiguous(src) || !contiguous(dst)) return rw.fail("memref.copy of non-contiguous memrefs (MLIR's memrefCopy call) is not lowered");
    const type = src as MemRefType;
    const e = emitter(rw, op);
    const s = new Descriptor(e, adaptor.operands[0] as Value);
    let n = e.constant(IntegerAttr.get(IndexType.get(), 1), e.indexType);
    for (let i = 0; i < type.shape.length; i++) n = e.mul(n, s.size(i));
    const bytes = e.mul(n, e.sizeInBytes(type.elementType));
    const elem = elementLLVMType(e, type);
    const sBase = s.alignedPtr();
    const sPtr = e.gep(sBase.type, elem, sBase, [s.offset()]);
    const d = new Descriptor(e, adaptor.operands[1] as Value);
    const dBase = d.alignedPtr();
    const dPtr = e.gep(dBase.type, elem, dBase, [d.offset()]);
    e.op(L.memTransferIntrinsics.memcpy, { operands: [dPtr, sPtr, bytes, e.falseBit()] });
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * memref.assume_alignment -> llvm.intr.assume((ptrtoint aligned) & (alignment - 1) == 0).
 *
 *   Before: memref.assume_alignment %m, 16 : memref<?xf32>
 *   After:  %p = llvm.extractvalue %d[1]; %z = 0; %k = 15; %i = llvm.ptrtoint %p
 *           "llvm.intr.assume"(llvm.icmp "eq" (llvm.and %i, %k), %z) : (i1) -> ()
 */
export const assumeAlignment = convert({
  name: "memref.assume_alignment-to-llvm",
  root: M.AssumeAlignmentOp,
  apply(op, adaptor, rw) {
    const e = emitter(rw, op);
    const p = new Descriptor(e, adaptor.operands[0] as Value).alignedPtr();
    // Pointer-sized integers (64 bits whatever index-bitwidth says, as MLIR's getIntPtrType).
    const zero = e.constant(IntegerAttr.get(IndexType.get(), 0), i64);
    const mask = e.constant(IntegerAttr.get(IndexType.get(), op.alignment.value - 1n), i64);
    const i = e.one(L.PtrToIntOp, [p], i64);
    const masked = e.one(L.AndOp, [i, mask], i.type);
    const cmp = e.one(L.ICmpOp, [masked, zero], i1, { predicate: L.ICmpPredicate.get("eq") });
    e.op(L.AssumeOp, { operands: [cmp] });
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * memref.prefetch -> llvm.intr.prefetch at the element's address with i32 read/write, locality and cache type.
 *
 *   Before: memref.prefetch %m[%i], read, locality<3>, data : memref<?xf32>
 *   After:  %a = <address of %m[%i]>; "llvm.intr.prefetch"(%a, 0 : i32, 3 : i32, 1 : i32) : (!llvm.ptr<f32>, i32, i32, i32) -> ()
 */
export const prefetch = convert({
  name: "memref.prefetch-to-llvm",
  root: M.PrefetchOp,
  apply(op, adaptor, rw) {
    const type = op.memref.type;
    if (!(type instanceof MemRefType)) return rw.fail("not a ranked memref");
    const e = emitter(rw, op);
    const addr = stridedElementPtr(e, type, adaptor.operands[0] as Value, adaptor.operands.slice(1));
    if (addr === undefined) return rw.fail("the layout is not strided");
    const isWrite = e.i32(op.isWrite.value !== 0n ? 1 : 0);
    const locality = e.i32(Number(op.localityHint.value));
    const data = e.i32(op.isDataCache.value !== 0n ? 1 : 0);
    e.op(L.PrefetchOp, { operands: [addr, isWrite, locality, data] });
    rw.eraseOp(op);
    return rw.done();
  },
});

/** memref.atomic_rmw kinds with an llvm.atomicrmw counterpart (MLIR 16's matchSimpleAtomicOp). */
const ATOMIC_KINDS: Readonly<Record<string, string>> = {
  addf: "fadd", addi: "add", assign: "xchg", maxs: "max", mins: "min", maxu: "umax", minu: "umin", ori: "_or", andi: "_and",
};

/**
 * memref.atomic_rmw -> llvm.atomicrmw acq_rel at the element's address.
 *
 *   Before: %o = memref.atomic_rmw addf %v, %m[%i] : (f32, memref<?xf32>) -> f32
 *   After:  %a = <address of %m[%i]>; %o = llvm.atomicrmw fadd %a, %v acq_rel : f32
 */
export const atomicRMW = convert({
  name: "memref.atomic_rmw-to-llvm",
  root: M.AtomicRMWOp,
  apply(op, adaptor, rw) {
    const kind = AtomicRMWKind.caseOf(op.kind);
    const bin = kind === undefined ? undefined : ATOMIC_KINDS[kind];
    if (bin === undefined) return rw.fail(`atomic_rmw ${kind ?? "?"} has no llvm.atomicrmw counterpart (MLIR 16 lowers it through generic_atomic_rmw)`);
    const type = op.memref.type;
    if (!(type instanceof MemRefType)) return rw.fail("not a ranked memref");
    const e = emitter(rw, op);
    if (e.tc.useOpaquePointers) return rw.fail("MLIR 16's llvm.atomicrmw has no opaque-pointer syntax");
    const addr = stridedElementPtr(e, type, adaptor.operands[1] as Value, adaptor.operands.slice(2));
    if (addr === undefined) return rw.fail("the layout is not strided");
    const value = adaptor.operands[0] as Value;
    const attributes = { bin_op: L.AtomicBinOp.get(bin as never), ordering: L.AtomicOrdering.get("acq_rel") };
    rw.replaceOp(op, [e.one(L.AtomicRMWOp, [addr, value], value.type, attributes)]);
    return rw.done();
  },
});

/** Every pattern of convert-memref-to-llvm under the given options. */
