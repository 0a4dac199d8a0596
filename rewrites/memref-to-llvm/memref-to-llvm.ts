/**
 * `convert-memref-to-llvm` (MLIR 16's MemRefToLLVM.cpp and AllocLikeConversion.cpp; MLIR 17's name
 * `finalize-memref-to-llvm` is registered too): memref ops become llvm ops on memref descriptors
 * `!llvm.struct<(ptr, ptr, i64, array<R x i64>, array<R x i64>)>` (allocated pointer, aligned pointer, offset,
 * sizes, strides), with heap memory from `malloc` / `aligned_alloc` / `free` (or MLIR's generic
 * `_mlir_memref_to_llvm_*` functions), in the op order MLIR 16 emits.
 *
 *   %m = memref.alloc(%n) : memref<?xf32>   ->  size = ptrtoint(gep null[%n]); %p = llvm.call @malloc(size);
 *                                                a descriptor of %p, offset 0, size %n, stride 1
 *   %v = memref.load %m[%i] : memref<?xf32> ->  %a = llvm.getelementptr <aligned ptr>[%i]; %v = llvm.load %a
 *
 * Lowered: alloc, alloca, alloca_scope (alloca-scope.ts), dealloc, load, store, dim, rank (unranked), cast (between ranked types of one
 * descriptor), reinterpret_cast (ranked source), transpose, reshape (to static sizes), extract_strided_metadata,
 * extract_aligned_pointer_as_index, global, get_global, copy (contiguous layouts, by llvm.intr.memcpy),
 * assume_alignment, prefetch and atomic_rmw (the kinds with an llvm.atomicrmw counterpart). Ops with no pattern
 * here fail the pass with a diagnostic naming the op at its location (NOT_PORTED: subview, expand_shape and
 * collapse_shape need `expand-strided-metadata` first, as in MLIR 16); cases a pattern declines (a copy of
 * non-contiguous memrefs, casts to unranked memrefs, reshapes to dynamic sizes) stay as they are, as MLIR 16's
 * partial conversion leaves what it cannot convert (`--debug-rewrites` shows why).
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr } from "../../src/ir/attributes.ts";
import { Block, type Operation } from "../../src/ir/operation.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { DYNAMIC, FloatType, i32, i64, i8, IndexType, IntegerType, MemRefType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, convert, legality } from "../../src/rewrite/conversion.ts";
import type { MatchResult } from "../../src/rewrite/pattern.ts";
import { opError } from "../../src/irdl/op-error.ts";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import * as L from "../../dialects/llvm/index.ts";
import * as M from "../../dialects/memref/index.ts";
import { bf16AsBits, LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { buildDescriptor, Descriptor, defaultSpace, elementLLVMType, Emitter, emitter, lookupOrCreateFn } from "./descriptor.ts";
import { assumeAlignment, atomicRMW, copy, dim, load, prefetch, rank, store } from "./access.ts";
import { allocaScope } from "./alloca-scope.ts";
import { cast, extractAlignedPointer, extractStridedMetadata, reinterpretCast, reshape, transpose } from "./views.ts";

/** How heap memory is obtained and released (the pass options). */
export interface MemRefToLLVMOptions {
  readonly useAlignedAlloc: boolean;
  readonly useGenericFunctions: boolean;
}

const voidPtr = (e: Emitter): Type => e.tc.pointerTo(i8);
function elementBytes(t: Type): number {
  if (t instanceof IntegerType) return Math.max(1, Math.ceil(t.width / 8));
  if (t instanceof IndexType) return 8;
  if (t instanceof FloatType) return Math.ceil(t.width / 8);
  if (t instanceof VectorType) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    const bytes = elementBytes(t.elementType) * n;
    let p = 1;
    while (p < bytes) p *= 2;
    return p;
  }
  return 8;
}

/**
 * The sizes and strides of an identity-layout memref and its size in bytes (MLIR 16's
 * getMemRefDescriptorSizes): sizes are constants or the dynamic operands; strides the running products.
 */
function descriptorSizes(e: Emitter, type: MemRefType, dynamic: readonly Value[]): { sizes: Value[]; strides: Value[]; bytes: Value } {
  let next = 0;
  const sizes = type.shape.map((s) => (s === DYNAMIC ? (dynamic[next++] as Value) : e.index(s)));
  const strides = new Array<Value>(type.shape.length);
  let stride = 1;
  let running = e.index(1);
  for (let i = type.shape.length - 1; i >= 0; i--) {
    strides[i] = running;
    const size = type.shape[i] as number;
    if (size === 0) continue;
    const useSize = stride === 1;
    if (size === DYNAMIC) stride = DYNAMIC;
    if (stride !== DYNAMIC) stride *= size;
    if (useSize) running = sizes[i] as Value;
    else if (stride === DYNAMIC) running = e.mul(running, sizes[i] as Value);
    else running = e.index(stride);
  }
  const elemPtr = e.tc.pointerTo(elementLLVMType(e, type));
  const bytes = e.ptrToInt(e.gep(elemPtr, elementLLVMType(e, type), e.nullPtr(elemPtr), [running]));
  return { sizes, strides, bytes };
}

/** The shared shape of alloc, alloca and get_global (MLIR's AllocLikeOpLLVMLowering). */
function allocLike(
  name: string,
  root: typeof M.AllocOp | typeof M.AllocaOp | typeof M.GetGlobalOp,
  allocate: (e: Emitter, op: Operation, type: MemRefType, bytes: Value) => { allocated: Value; aligned: Value } | string,
): ConversionPattern {
  return convert({
    name,
    root,
    apply(op, adaptor, rw): MatchResult {
      const type = op.getResult(0).type;
      if (!(type instanceof MemRefType) || type.layout !== undefined || !defaultSpace(type)) return rw.fail("incompatible memref type");
      const descType = rw.typeConverter?.convertType(type);
      if (descType === undefined) return rw.fail("the memref type cannot be converted");
      const e = emitter(rw, op);
      const { sizes, strides, bytes } = descriptorSizes(e, type, adaptor.operands);
      const ptrs = allocate(e, op, type, bytes);
      if (typeof ptrs === "string") return rw.fail(ptrs);
      const desc = buildDescriptor(e, descType, { ...ptrs, offset: () => e.index(0), sizes, strides });
      rw.replaceOp(op, [desc]);
      return rw.done();
    },
  });
}

/** The allocation function's result as a pointer to the element (a bitcast with typed pointers). */
function castAllocResult(e: Emitter, p: Value, type: MemRefType): Value {
  return e.castPtr(p, e.tc.pointerTo(elementLLVMType(e, type)));
}

/**
 * memref.alloc with malloc: the size grown by the alignment, the aligned pointer rounded up inside the block.
 *
 *   Before: %m = memref.alloc() {alignment = 32 : i64} : memref<8xf32>
 *   After:  %s = ptrtoint(gep null[8]); %a = llvm.mlir.constant(32 : index) : i64; %t = llvm.add %s, %a
 *           %p = llvm.call @malloc(%t) : (i64) -> !llvm.ptr<i8>; %q = llvm.bitcast %p : !llvm.ptr<i8> to !llvm.ptr<f32>
 *           aligned = inttoptr((ptrtoint %q + 31) - (ptrtoint %q + 31) urem 32); the descriptor of %q, aligned
 */
function mallocAlloc(opts: MemRefToLLVMOptions): ConversionPattern {
  return allocLike("memref.alloc-to-llvm", M.AllocOp, (e, op, type, bytes) => {
    const align = op.attr("alignment");
    let alignment: Value | undefined;
    if (align instanceof IntegerAttr) alignment = e.index(align.value);
    else if (!(type.elementType instanceof IntegerType || type.elementType instanceof FloatType || type.elementType instanceof IndexType)) alignment = e.sizeInBytes(type.elementType);
    const size = alignment === undefined ? bytes : e.add(bytes, alignment);
    const fn = lookupOrCreateFn(e, opts.useGenericFunctions ? "_mlir_memref_to_llvm_alloc" : "malloc", [e.indexType], voidPtr(e));
    if (fn === undefined) return "no enclosing module to declare malloc in";
    const allocated = castAllocResult(e, e.call(fn, [size], voidPtr(e)).getResult(0), type);
    if (alignment === undefined) return { allocated, aligned: allocated };
    const bumped = e.aligned(e.ptrToInt(allocated), alignment);
    return { allocated, aligned: e.intToPtr(bumped, allocated.type) };
  });
}

/**
 * memref.alloc with aligned_alloc (use-aligned-alloc): alignment the attribute's or max(16, the element size
 * rounded to a power of two); the size rounded up to it unless the static size is a multiple already.
 *
 *   Before: %m = memref.alloc(%n) : memref<?xf32>
 *   After:  %a = llvm.mlir.constant(16 : index) : i64; %s = rounded size
 *           %p = llvm.call @aligned_alloc(%a, %s) : (i64, i64) -> !llvm.ptr<i8>; the descriptor of %p twice
 */
function alignedAlloc(opts: MemRefToLLVMOptions): ConversionPattern {
  return allocLike("memref.alloc-to-llvm-aligned", M.AllocOp, (e, op, type, bytes) => {
    const align = op.attr("alignment");
    const eltBytes = elementBytes(type.elementType);
    let pow2 = 1;
    while (pow2 < eltBytes) pow2 *= 2;
    const alignment = align instanceof IntegerAttr ? Number(align.value) : Math.max(16, pow2);
    const alignmentValue = e.index(alignment);
    const divisor = type.shape.reduce((acc, s) => (s === DYNAMIC ? acc : acc * s), eltBytes);
    const size = divisor % alignment === 0 ? bytes : e.aligned(bytes, alignmentValue);
    const fn = lookupOrCreateFn(e, opts.useGenericFunctions ? "_mlir_memref_to_llvm_aligned_alloc" : "aligned_alloc", [e.indexType, e.indexType], voidPtr(e));
    if (fn === undefined) return "no enclosing module to declare aligned_alloc in";
    const p = castAllocResult(e, e.call(fn, [alignmentValue, size], voidPtr(e)).getResult(0), type);
    return { allocated: p, aligned: p };
  });
}

/**
 * memref.alloca -> llvm.alloca of the byte count (as MLIR 16 does: the count is bytes, not elements).
 *
 *   Before: %m = memref.alloca() {alignment = 16 : i64} : memref<2xf32>
 *   After:  %s = ptrtoint(gep null[2]); %p = llvm.alloca %s x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr<f32>
 */
const alloca = allocLike("memref.alloca-to-llvm", M.AllocaOp, (e, op, type, bytes) => {
  const elem = elementLLVMType(e, type);
  const align = op.attr("alignment");
  const attributes: Record<string, Attribute> = {};
  if (align instanceof IntegerAttr && align.value !== 0n) attributes["alignment"] = align;
  if (e.tc.useOpaquePointers) attributes["elem_type"] = TypeAttr.get(elem);
  const p = e.one(L.AllocaOp, [bytes], e.tc.pointerTo(elem), attributes);
  return { allocated: p, aligned: p };
});

/**
 * memref.get_global -> the address of the global's first element; the allocated pointer is 0xdeadbeef (the
 * buffer is never freed).
 *
 *   Before: %g = memref.get_global @cst : memref<2xf32>
 *   After:  %a = llvm.mlir.addressof @cst : !llvm.ptr<array<2 x f32>>
 *           %p = llvm.getelementptr %a[0, 0] : (!llvm.ptr<array<2 x f32>>) -> !llvm.ptr<f32>
 *           %d = llvm.inttoptr (llvm.mlir.constant(3735928559 : index)) : i64 to !llvm.ptr<f32>; descriptor(%d, %p)
 */
const getGlobal = allocLike("memref.get_global-to-llvm", M.GetGlobalOp, (e, op, type) => {
  const arrayType = globalLLVMType(e.tc, type);
  if (arrayType === undefined) return "the global's type cannot be converted";
  const name = op.attr("name");
  if (!(name instanceof SymbolRefAttr)) return "no global name";
  const addr = e.one(L.AddressOfOp, [], e.tc.pointerTo(arrayType), { global_name: name });
  const elemPtr = e.tc.pointerTo(elementLLVMType(e, type));
  const aligned = e.gep(elemPtr, arrayType, addr, new Array<number>(type.shape.length + 1).fill(0));
  // The pointer-sized integer (64 bits whatever index-bitwidth says, as MLIR's getIntPtrType).
  const allocated = e.intToPtr(e.constant(IntegerAttr.get(IndexType.get(), 0xdeadbeef), i64), elemPtr);
  return { allocated, aligned };
});

/** A global memref's LLVM type: nested arrays of the element, the element itself at rank 0 (MLIR's convertGlobalMemrefTypeToLLVM). */
function globalLLVMType(tc: LLVMTypeConverter, type: MemRefType): Type | undefined {
  let out = tc.convertType(type.elementType);
  if (out === undefined) return undefined;
  for (let i = type.shape.length - 1; i >= 0; i--) out = L.LLVMArrayType.get(out, type.shape[i] as number);
  return out;
}

/** The one element of a rank-0 initializer as a scalar attribute (MLIR's getSplatValue). */
function scalarOf(init: DenseElementsAttr, t: Type): Attribute | undefined {
  const v = init.at(0);
  if (t instanceof IntegerType || t instanceof IndexType) return IntegerAttr.get(t, BigInt(v));
  // f16 and bf16 elements are stored as their bit patterns (DenseElementsAttr's storage), not as values.
  if (t instanceof FloatType) return t.name === "f16" || t.name === "bf16" ? FloatAttr.fromBits(t, BigInt(v)) : FloatAttr.get(t, Number(v));
  return undefined;
}

/**
 * memref.global -> llvm.mlir.global: private when the symbol is private, constant kept, the dense
 * initializer as the value (its one element at rank 0), an uninitialized one an undef initializer region.
 *
 *   Before: memref.global "private" constant @cst : memref<2xf32> = dense<[1.0, 2.0]> {alignment = 64 : i64}
 *   After:  llvm.mlir.global private constant @cst(dense<[1.0, 2.0]> : tensor<2xf32>) {addr_space = 0 : i32, alignment = 64 : i64} : !llvm.array<2 x f32>
 */
const global = convert({
  name: "memref.global-to-llvm",
  root: M.GlobalOp,
  apply(op, _adaptor, rw) {
    const typeAttr = op.attr("type");
    const type = typeAttr instanceof TypeAttr ? typeAttr.value : undefined;
    if (!(type instanceof MemRefType) || type.layout !== undefined || !defaultSpace(type)) return rw.fail("incompatible memref type");
    const e = emitter(rw, op);
    const arrayType = globalLLVMType(e.tc, type);
    if (arrayType === undefined) return rw.fail("the element type cannot be converted");
    const visibility = op.attr("sym_visibility");
    const isPrivate = visibility instanceof StringAttr && visibility.value === "private";
    const init = op.attr("initial_value");
    const uninitialized = init instanceof UnitAttr;
    const attributes: Record<string, Attribute> = {
      global_type: TypeAttr.get(arrayType),
      sym_name: op.attr("sym_name") as StringAttr,
      linkage: L.LinkageAttr.get(isPrivate ? "private" : "external"),
      addr_space: IntegerAttr.get(i32, 0),
    };
    if (op.attr("constant") !== undefined) attributes["constant"] = UnitAttr.get();
    // bf16 elements as their i16 bits, as the llvm dialect carries bf16 (llvm-common/type-converter.ts).
    if (init instanceof DenseElementsAttr) attributes["value"] = bf16AsBits(type.shape.length === 0 ? (scalarOf(init, type.elementType) ?? init) : init);
    else if (init !== undefined && !uninitialized) attributes["value"] = init;
    const align = op.attr("alignment");
    if (align instanceof IntegerAttr && align.value !== 0n) attributes["alignment"] = align;
    const created = e.op(L.GlobalOp, { attributes, regions: 1 });
    if (uninitialized) {
      const block = new Block();
      created.regions[0]?.push(block);
      rw.at(InsertionPoint.atStart(block), () => {
        const u = rw.insert(L.UndefOp.create({ resultTypes: [arrayType], loc: op.loc }));
        rw.insert(L.ReturnOp.create({ operands: [u.getResult(0)], loc: op.loc }));
      });
    }
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * memref.dealloc -> free of the allocated pointer.
 *
 *   Before: memref.dealloc %m : memref<?xf32>
 *   After:  %p = llvm.extractvalue %d[0]; %q = llvm.bitcast %p : !llvm.ptr<f32> to !llvm.ptr<i8>
 *           llvm.call @free(%q) : (!llvm.ptr<i8>) -> ()
 */
function dealloc(opts: MemRefToLLVMOptions): ConversionPattern {
  return convert({
    name: "memref.dealloc-to-llvm",
    root: M.DeallocOp,
    apply(op, adaptor, rw) {
      if (!(op.memref.type instanceof MemRefType)) return rw.fail("unranked memrefs are not freed here");
      const e = emitter(rw, op);
      const fn = lookupOrCreateFn(e, opts.useGenericFunctions ? "_mlir_memref_to_llvm_free" : "free", [voidPtr(e)], L.LLVMVoidType.get());
      if (fn === undefined) return rw.fail("no enclosing module to declare free in");
      const p = e.castPtr(new Descriptor(e, adaptor.operands[0] as Value).allocatedPtr(), voidPtr(e));
      e.call(fn, [p], undefined);
      rw.eraseOp(op);
      return rw.done();
    },
  });
}

export function memrefToLLVMPatterns(opts: MemRefToLLVMOptions): ConversionPattern[] {
  return [
    opts.useAlignedAlloc ? alignedAlloc(opts) : mallocAlloc(opts),
    alloca,
    allocaScope,
    dealloc(opts),
    getGlobal,
    global,
    load,
    store,
    dim,
    rank,
    cast,
    reinterpretCast,
    transpose,
    reshape,
    extractStridedMetadata,
    extractAlignedPointer,
    copy,
    assumeAlignment,
    prefetch,
    atomicRMW,
  ];
}

/** memref ops this conversion does not lower, and what to do instead. */
const NOT_PORTED: Readonly<Record<string, string>> = {
  "memref.subview": "run expand-strided-metadata first",
  "memref.expand_shape": "run expand-strided-metadata first",
  "memref.collapse_shape": "run expand-strided-metadata first",
  "memref.generic_atomic_rmw": "not ported yet",
  "memref.realloc": "not ported yet",
  "memref.view": "not ported yet",
  "memref.dma_start": "not lowered by MLIR 16 either",
  "memref.dma_wait": "not lowered by MLIR 16 either",
  "memref.tensor_store": "not lowered by MLIR 16 either",
};

/** A diagnostic for each memref op the conversion does not lower, naming the op at its location. */
function unsupported(root: Operation): Diagnostic[] {
  const out: Diagnostic[] = [];
  root.walk((op) => {
    const why = NOT_PORTED[op.name];
    if (why !== undefined) out.push(opError(op, `is not lowered by convert-memref-to-llvm (${why})`));
  });
  return out;
}

const options = t.type({ useAlignedAlloc: t.boolean, indexBitwidth: t.Int, useGenericFunctions: t.boolean, useOpaquePointers: t.boolean });

function makePass(name: string, displayName: string) {
  return definePass({
    name,
    displayName,
    summary: "Convert operations from the MemRef dialect to the LLVM dialect",
    description:
      "Rewrites memref ops as llvm ops on MLIR's memref descriptors, with malloc/aligned_alloc/free for heap memory; subview, expand_shape and collapse_shape need expand-strided-metadata first.",
    options,
    defaults: { useAlignedAlloc: false, indexBitwidth: 0 as t.Int, useGenericFunctions: false, useOpaquePointers: false },
    optionDocs: {
      useAlignedAlloc: "Use aligned_alloc in place of malloc for heap allocations",
      indexBitwidth: "Bitwidth of the index type, 0 to use size of machine word",
      useGenericFunctions: "Use generic allocation and deallocation functions instead of the classic 'malloc', 'aligned_alloc' and 'free' functions",
      useOpaquePointers: "Generate LLVM IR using opaque pointers instead of typed pointers (MLIR 17's option)",
    },
    run(op, pctx, opts) {
      const bad = unsupported(op);
      if (bad.length > 0) return left(bad);
      const typeConverter = new LLVMTypeConverter({ indexBitwidth: opts.indexBitwidth, useOpaquePointers: opts.useOpaquePointers });
      const target = legality().legalDialect("llvm");
      const listener = pctx.rewriteListener;
      const patterns = memrefToLLVMPatterns(opts);
      const r = applyPartialConversion(op, target, patterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
      if (isLeft(r)) return left([r.left]);
      return { changed: r.right.converted > 0 };
    },
  });
}

export const convertMemRefToLLVMPass = makePass("convert-memref-to-llvm", "MemRefToLLVMConversionPass");
/** MLIR 17's name for the same pass. */
export const finalizeMemRefToLLVMPass = makePass("finalize-memref-to-llvm", "FinalizeMemRefToLLVMConversionPass");

