/**
 * The view patterns of convert-memref-to-llvm (MLIR 16's MemRefToLLVM.cpp): cast, reinterpret_cast, transpose,
 * reshape, extract_strided_metadata and extract_aligned_pointer_as_index build or read descriptors; no memory
 * is touched.
 */
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { DYNAMIC, MemRefType, UnrankedMemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { convert } from "../../src/rewrite/conversion.ts";
import * as M from "../../dialects/memref/index.ts";
import { Descriptor, emitter, setInterleaved } from "./descriptor.ts";

/**
 * memref.cast between ranked types with one descriptor type -> the descriptor itself.
 *
 *   Before: %c = memref.cast %m : memref<4xf32> to memref<?xf32>       After: (uses of %c use %m's descriptor)
 */
export const cast = convert({
  name: "memref.cast-to-llvm",
  root: M.CastOp,
  apply(op, adaptor, rw) {
    const from = rw.typeConverter?.convertType(op.source.type);
    const to = rw.typeConverter?.convertType(op.dest.type);
    if (op.source.type instanceof UnrankedMemRefType || op.dest.type instanceof UnrankedMemRefType) return rw.fail("casts to and from unranked memrefs are not lowered");
    if (from === undefined || from !== to) return rw.fail("the descriptors differ");
    rw.replaceOp(op, [adaptor.operands[0] as Value]);
    return rw.done();
  },
});

/**
 * memref.reinterpret_cast of a ranked memref -> a new descriptor with the source's pointers and the given
 * offset, sizes and strides (sizes and strides interleaved, as MLIR 16).
 *
 *   Before: %r = memref.reinterpret_cast %m to offset: [%o], sizes: [4], strides: [1] : memref<?xf32> to memref<4xf32, strided<[1], offset: ?>>
 *   After:  undef; insert %m's [0] at [0], [1] at [1]; %o at [2]; 4 at [3, 0]; 1 at [4, 0]
 */
export const reinterpretCast = convert({
  name: "memref.reinterpret_cast-to-llvm",
  root: M.ReinterpretCastOp,
  apply(op, adaptor, rw) {
    if (!(op.source.type instanceof MemRefType)) return rw.fail("an unranked source is not lowered");
    const type = op.result.type;
    const e = emitter(rw, op);
    const descType = e.tc.convertType(type);
    if (descType === undefined) return rw.fail("the result type cannot be converted");
    const src = new Descriptor(e, adaptor.source);
    let d = e.undef(descType);
    const allocated = src.allocatedPtr();
    const aligned = src.alignedPtr();
    d = e.insert(d, allocated, [0]);
    d = e.insert(d, aligned, [1]);
    const { offsets, sizes, strides } = adaptor;
    const staticOffset = op.static_offsets.numbers[0] as number;
    d = e.insert(d, staticOffset === DYNAMIC ? (offsets[0] as Value) : e.index(staticOffset), [2]);
    let nextSize = 0;
    let nextStride = 0;
    const sizeOf = (i: number) => () => (op.static_sizes.numbers[i] === DYNAMIC ? (sizes[nextSize++] as Value) : e.index(op.static_sizes.numbers[i] as number));
    const strideOf = (i: number) => () => (op.static_strides.numbers[i] === DYNAMIC ? (strides[nextStride++] as Value) : e.index(op.static_strides.numbers[i] as number));
    d = setInterleaved(e, d, type.shape.map((_, i) => sizeOf(i)), type.shape.map((_, i) => strideOf(i)));
    rw.replaceOp(op, [d]);
    return rw.done();
  },
});

/**
 * memref.transpose -> a descriptor with the source's pointers and offset, and its sizes and strides permuted.
 *
 *   Before: %t = memref.transpose %m (d0, d1) -> (d1, d0) : memref<4x8xf32> to memref<8x4xf32, strided<[1, 8]>>
 *   After:  undef; %m's [0], [1], [2] copied; %m[3, 0] at [3, 1], %m[4, 0] at [4, 1], %m[3, 1] at [3, 0], ...
 */
export const transpose = convert({
  name: "memref.transpose-to-llvm",
  root: M.TransposeOp,
  apply(op, adaptor, rw) {
    const e = emitter(rw, op);
    const src = new Descriptor(e, adaptor.operands[0] as Value);
    const map = op.permutation.map;
    if (map.isIdentity()) {
      rw.replaceOp(op, [adaptor.operands[0] as Value]);
      return rw.done();
    }
    const descType = e.tc.convertType(op.result.type);
    if (descType === undefined) return rw.fail("the result type cannot be converted");
    const targets = map.results.map((r) => (r instanceof AffineDimExpr ? r.position : undefined));
    if (targets.some((t) => t === undefined)) return rw.fail("the permutation is not a permutation of dimensions");
    let d = e.undef(descType);
    d = e.insert(d, src.allocatedPtr(), [0]);
    d = e.insert(d, src.alignedPtr(), [1]);
    d = e.insert(d, src.offset(), [2]);
    targets.forEach((target, source) => {
      d = e.insert(d, src.size(source), [3, target as number]);
      d = e.insert(d, src.stride(source), [4, target as number]);
    });
    rw.replaceOp(op, [d]);
    return rw.done();
  },
});

/**
 * memref.reshape to a static shape (MLIR 16's case of a shape operand of static size, here with static result
 * sizes only): the source's pointers, the layout's offset, sizes and the row-major strides of the result.
 *
 *   Before: %r = memref.reshape %m(%shape) : (memref<4x4xf32>, memref<2xindex>) -> memref<2x8xf32>
 *   After:  undef; %m's [0], [1]; offset 0; stride 1, size 8 at [3, 1] / [4, 1]; size 2, stride 8 at [3, 0] / [4, 0]
 */
export const reshape = convert({
  name: "memref.reshape-to-llvm",
  root: M.ReshapeOp,
  apply(op, adaptor, rw) {
    const type = op.result.type;
    if (!(type instanceof MemRefType) || !(op.source.type instanceof MemRefType)) return rw.fail("reshapes to or from unranked memrefs are not lowered");
    if (type.shape.some((s) => s === DYNAMIC)) return rw.fail("reshapes to dynamic sizes are not lowered");
    const so = M.stridesAndOffset(type);
    if (so === undefined || so.offset === DYNAMIC) return rw.fail("dynamic offset is unsupported");
    const e = emitter(rw, op);
    const descType = e.tc.convertType(type);
    if (descType === undefined) return rw.fail("the result type cannot be converted");
    const src = new Descriptor(e, adaptor.operands[0] as Value);
    let d = e.undef(descType);
    const allocated = src.allocatedPtr();
    const aligned = src.alignedPtr();
    d = e.insert(d, allocated, [0]);
    d = e.insert(d, aligned, [1]);
    d = e.insert(d, e.index(so.offset), [2]);
    let stride: Value | undefined;
    for (let i = type.shape.length - 1; i >= 0; i--) {
      const s = so.strides[i] as number;
      if (s !== DYNAMIC) stride = e.index(s);
      else stride ??= e.index(1);
      const size = e.index(type.shape[i] as number);
      d = e.insert(d, size, [3, i]);
      d = e.insert(d, stride, [4, i]);
      stride = e.mul(stride, size);
    }
    rw.replaceOp(op, [d]);
    return rw.done();
  },
});

/**
 * memref.extract_strided_metadata -> a rank-0 descriptor of the base buffer (offset 0), and the source
 * descriptor's offset, sizes and strides.
 *
 *   Before: %b, %o, %s, %t = memref.extract_strided_metadata %m : memref<?xf32> -> memref<f32>, index, index, index
 *   After:  %b = descriptor(%m[0], %m[1], 0); %o = llvm.extractvalue %m[2]; %s = ...[3, 0]; %t = ...[4, 0]
 */
export const extractStridedMetadata = convert({
  name: "memref.extract_strided_metadata-to-llvm",
  root: M.ExtractStridedMetadataOp,
  apply(op, adaptor, rw) {
    const type = op.source.type;
    if (!(type instanceof MemRefType)) return rw.fail("not a ranked memref");
    const e = emitter(rw, op);
    const baseType = e.tc.convertType(op.base_buffer.type);
    if (baseType === undefined) return rw.fail("the base buffer type cannot be converted");
    const src = new Descriptor(e, adaptor.operands[0] as Value);
    const allocated = src.allocatedPtr();
    const aligned = src.alignedPtr();
    let base = e.undef(baseType);
    base = e.insert(base, allocated, [0]);
    base = e.insert(base, aligned, [1]);
    base = e.insert(base, e.index(0), [2]);
    const results = [base, src.offset()];
    for (let i = 0; i < type.shape.length; i++) results.push(src.size(i));
    for (let i = 0; i < type.shape.length; i++) results.push(src.stride(i));
    rw.replaceOp(op, results);
    return rw.done();
  },
});

/**
 * memref.extract_aligned_pointer_as_index -> ptrtoint of the aligned pointer.
 *
 *   Before: %i = memref.extract_aligned_pointer_as_index %m : memref<?xf32> -> index
 *   After:  %p = llvm.extractvalue %d[1]; %i = llvm.ptrtoint %p : !llvm.ptr<f32> to i64
 */
export const extractAlignedPointer = convert({
  name: "memref.extract_aligned_pointer_as_index-to-llvm",
  root: M.ExtractAlignedPointerAsIndexOp,
  apply(op, adaptor, rw) {
    const e = emitter(rw, op);
    rw.replaceOp(op, [e.ptrToInt(new Descriptor(e, adaptor.operands[0] as Value).alignedPtr())]);
    return rw.done();
  },
});

/** Whether memcpy can copy the memref (identity layout, or static, non-empty and row-major contiguous). */
