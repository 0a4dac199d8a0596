/**
 * The bufferization dialect's canonicalization patterns (MLIR 16's BufferizationOps.cpp; the folds of to_tensor,
 * to_memref and clone live with the ops in dialects/bufferization/), as the `bufferizationCanonicalization`
 * extension a Context loads. They read dims and elements through the tensor/memref bridge, make constant sizes of
 * alloc_tensor static, fold casts through to_memref, and turn a clone whose source or copy dies next to it into a
 * cast.
 *
 * The examples (rewrites/tensor/examples.ts syntax) keep to what bufferization promises its ops: a buffer is not
 * written after a to_tensor reads it, a to_memref's buffer is only read, and a clone's source is not written
 * while the clone lives (the patterns below are wrong otherwise, in MLIR 16 as here).
 */
import { defining } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, IndexType, MemRefType, RankedTensorType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { hasEffect } from "../../src/interfaces/side-effect-queries.ts";
import { viewSourceRoot } from "../../src/interfaces/view-like.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { AllocTensorOp, CloneOp, ToMemrefOp, ToTensorOp } from "../../dialects/bufferization/index.ts";
import { CastOp as MemRefCastOp, DimOp as MemRefDimOp, LoadOp, memrefCastCompatible } from "../../dialects/memref/index.ts";
import { stridesAndOffset } from "../../dialects/memref/layout.ts";
import { CastOp as TensorCastOp, DimOp as TensorDimOp, ExtractOp } from "../../dialects/tensor/index.ts";
import { before } from "../arith/match.ts";
import { constantInt } from "../tensor/canonicalize-slice.ts";
import { generated, opaque4, tensorExample, unknownIndex } from "../tensor/examples.ts";

/**
 * dim of an alloc_tensor along a dynamic dim is the size it was created with (or the dim of what it copies).
 *
 *   %0 = bufferization.alloc_tensor(%n) : tensor<?x4xf32>
 *   %d = tensor.dim %0, %c0 : tensor<?x4xf32>      ->   uses of %d use %n
 */
export const dimOfAllocTensor = rewrite({
  name: "bufferization.dim-of-alloc_tensor",
  examples: [
    tensorExample(`${unknownIndex("n", 3)}
  %a = bufferization.alloc_tensor(%n) : tensor<2x?x$T>
  %c1 = arith.constant ?{1|0} : index
  %r = tensor.dim %a, %c1 : tensor<2x?x$T>`, "scalar"),
    tensorExample(`${opaque4("t")}
  %u = tensor.cast %t : tensor<4x$T> to tensor<?x$T>
  %a = bufferization.alloc_tensor() copy(%u) : tensor<?x$T>
  %c0 = arith.constant 0 : index
  %r = tensor.dim %a, %c0 : tensor<?x$T>`, "scalar"),
  ],
  root: TensorDimOp,
  apply(op, rw) {
    const alloc = defining(op.source, AllocTensorOp);
    const d = constantInt(op.index);
    if (alloc === undefined || d === undefined) return rw.fail("not the dim of an alloc_tensor at a constant index");
    const shape = (alloc.result.type as RankedTensorType).shape;
    if (shape[d] !== DYNAMIC) return rw.fail("a static dim (the fold's)");
    const copy = alloc.copy;
    if (copy !== undefined) {
      before(rw, op, () => rw.replaceOpWithNew(op, TensorDimOp, { source: copy as Value<RankedTensorType>, index: op.index, result: op.result.type }));
    } else {
      rw.replaceOp(op, [alloc.dynamic_sizes[shape.slice(0, d).filter((s) => s === DYNAMIC).length] as Value]);
    }
    return rw.done();
  },
});

/**
 * Constant sizes of an alloc_tensor (without `copy`) become static dims, cast back to the old type.
 *
 *   %0 = bufferization.alloc_tensor(%n, %c5) : tensor<?x?xf32>
 *     ->   %1 = bufferization.alloc_tensor(%n) : tensor<?x5xf32>
 *          %0 = tensor.cast %1 : tensor<?x5xf32> to tensor<?x?xf32>
 */
export const allocTensorStaticSizes = rewrite({
  name: "bufferization.alloc_tensor-static-sizes",
  examples: [
    tensorExample(`%n = arith.constant ?{1|2|3} : index
  %a = bufferization.alloc_tensor(%n) : tensor<?x$T>
  %c0 = arith.constant 0 : index
  %r = tensor.insert %x into %a[%c0] : tensor<?x$T>`, 1),
  ],
  root: AllocTensorOp,
  apply(op, rw) {
    if (op.copy !== undefined) return rw.fail("a copy");
    const t = op.result.type as RankedTensorType;
    let next = 0;
    const dynamic: Value[] = [];
    const shape = t.shape.map((d) => {
      if (d !== DYNAMIC) return d;
      const v = op.dynamic_sizes[next++] as Value;
      const c = constantInt(v);
      if (c === undefined) dynamic.push(v);
      return c ?? DYNAMIC;
    });
    const type = RankedTensorType.get(shape, t.elementType, t.encoding);
    if (type === t) return rw.fail("no constant size");
    before(rw, op, () => {
      const alloc = rw.create(AllocTensorOp, { dynamic_sizes: dynamic as Value<IndexType>[], result: type });
      rw.replaceOpWithNew(op, TensorCastOp, { source: alloc.result as Value<RankedTensorType>, dest: t });
    });
    return rw.done();
  },
});

/** MLIR's memref::findDealloc: the one op that frees `v` (null when none), undefined when there are several. */
function findDealloc(v: Value): Operation | null | undefined {
  let found: Operation | null = null;
  for (const user of v.users()) {
    if (!hasEffect(user, "free", v)) continue;
    if (found !== null) return undefined;
    found = user;
  }
  return found;
}

/**
 * A clone nothing uses is erased; a clone whose copy or source is freed next to it (in its block, the other one
 * in another block, and nothing freed in between) is a cast of its source, and that dealloc goes. MLIR 16 assumes
 * (as bufferization guarantees) that neither buffer is written while both live.
 *
 *   %c = bufferization.clone %m : memref<4xf32> to memref<4xf32>
 *   memref.dealloc %m : memref<4xf32>
 *   ... uses of %c ...                  ->   %c = memref.cast %m : memref<4xf32> to memref<4xf32>
 *                                             ... uses of %c ...
 */
export const simplifyClones = rewrite({
  name: "bufferization.clone-simplify",
  examples: [
    tensorExample(`%m = memref.alloc() : memref<2x$T>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  memref.store %x, %m[%c0] : memref<2x$T>
  memref.store %y, %m[%c1] : memref<2x$T>
  %c = bufferization.clone %m : memref<2x$T> to memref<2x$T>
  %unused = bufferization.clone %m : memref<2x$T> to memref<2x$T>
  memref.dealloc %m : memref<2x$T>
  %j = arith.minui %i, %c1 : index
  %r = memref.load %c[%j] : memref<2x$T>
  ?{memref.dealloc %c : memref<2x$T>|%k = arith.constant 0 : index}`, "scalar"),
  ],
  root: CloneOp,
  apply(op, rw) {
    if (!op.output.hasUses) {
      rw.eraseOp(op);
      return rw.done();
    }
    const source = op.input;
    const cloneDealloc = findDealloc(op.output);
    const sourceDealloc = findDealloc(viewSourceRoot(source));
    if (cloneDealloc === undefined || sourceDealloc === undefined) return rw.fail("freed more than once");
    if (cloneDealloc !== null && sourceDealloc !== null && cloneDealloc.parent === sourceDealloc.parent) {
      return rw.fail("both freed in one block: their lifetimes may not nest");
    }
    // Narrowed from MLIR 16, which casts even where the types are not cast-compatible (a clone of a subview at
    // an offset, to an identity layout), making a memref.cast its own verifier rejects.
    if (!memrefCastCompatible(source.type, op.output.type)) return rw.fail("the clone's type is no cast of its source's");
    const block = op.parent;
    const redundant = cloneDealloc?.parent === block ? cloneDealloc : sourceDealloc?.parent === block ? sourceDealloc : undefined;
    if (redundant === undefined || redundant === null) return rw.fail("neither is freed in the clone's block");
    for (let at = op.next; at !== undefined && at !== redundant; at = at.next) {
      if (hasEffect(at, "free")) return rw.fail("something is freed between the clone and the dealloc");
    }
    before(rw, op, () => rw.replaceOpWithNew(op, MemRefCastOp, { source, dest: op.output.type }));
    rw.eraseOp(redundant);
    return rw.done();
  },
});

/**
 * dim of a to_tensor is the dim of its buffer.
 *
 *   %t = bufferization.to_tensor %m : memref<?xf32>
 *   %d = tensor.dim %t, %c0 : tensor<?xf32>          ->   %d = memref.dim %m, %c0 : memref<?xf32>
 */
export const dimOfToTensor = rewrite({
  name: "bufferization.dim-of-to_tensor",
  examples: [
    tensorExample(`${unknownIndex("n", 1)}
  %m = memref.alloc(%n) : memref<?x$T>
  %c0 = arith.constant 0 : index
  memref.store %x, %m[%c0] : memref<?x$T>
  %t = bufferization.to_tensor %m : memref<?x$T>
  %r = tensor.dim %t, %c0 : tensor<?x$T>
  memref.dealloc %m : memref<?x$T>`, "scalar"),
  ],
  root: TensorDimOp,
  apply(op, rw) {
    const toTensor = defining(op.source, ToTensorOp);
    if (toTensor === undefined) return rw.fail("the source is not a bufferization.to_tensor");
    before(rw, op, () => rw.replaceOpWithNew(op, MemRefDimOp, { source: toTensor.memref, index: op.index, result: op.result.type as IndexType }));
    return rw.done();
  },
});

/**
 * dim of a to_memref is the dim of its tensor (MLIR's DimOfCastOp of BufferizationOps.cpp).
 *
 *   %m = bufferization.to_memref %t : memref<?xf32>
 *   %d = memref.dim %m, %c0 : memref<?xf32>           ->   %d = tensor.dim %t, %c0 : tensor<?xf32>
 */
export const dimOfToMemref = rewrite({
  name: "bufferization.dim-of-to_memref",
  examples: [
    tensorExample(`${unknownIndex("n", 2)}
  ${generated("g", "n")}
  %m = bufferization.to_memref %g : memref<?x$T>
  %c0 = arith.constant 0 : index
  %r = memref.dim %m, %c0 : memref<?x$T>`, "scalar"),
  ],
  root: MemRefDimOp,
  apply(op, rw) {
    const toMemref = defining(op.source, ToMemrefOp);
    if (toMemref === undefined) return rw.fail("the source is not a bufferization.to_memref");
    before(rw, op, () => rw.replaceOpWithNew(op, TensorDimOp, { source: toMemref.tensor as Value<RankedTensorType>, index: op.index, result: op.result.type }));
    return rw.done();
  },
});

/**
 * A load from a to_memref is an extract from its tensor.
 *
 *   %m = bufferization.to_memref %t : memref<4xf32>
 *   %v = memref.load %m[%i] : memref<4xf32>           ->   %v = tensor.extract %t[%i] : tensor<4xf32>
 */
export const loadOfToMemref = rewrite({
  name: "bufferization.load-of-to_memref",
  examples: [
    tensorExample(`${opaque4("t")}
  %m = bufferization.to_memref %t : memref<4x$T>
  %c3 = arith.constant 3 : index
  %j = arith.minui %i, %c3 : index
  %r = memref.load %m[%j] : memref<4x$T>`, "scalar"),
  ],
  root: LoadOp,
  apply(op, rw) {
    const toMemref = defining(op.memref, ToMemrefOp);
    if (toMemref === undefined) return rw.fail("the memref is not a bufferization.to_memref");
    before(rw, op, () => rw.replaceOpWithNew(op, ExtractOp, { tensor: toMemref.tensor as Value<RankedTensorType>, indices: op.indices, result: op.result.type }));
    return rw.done();
  },
});

/**
 * to_memref of a tensor.cast is a memref.cast of the to_memref of the cast's (ranked) source.
 *
 *   %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
 *   %m = bufferization.to_memref %c : memref<?xf32>
 *     ->   %0 = bufferization.to_memref %t : memref<4xf32>
 *          %m = memref.cast %0 : memref<4xf32> to memref<?xf32>
 */
export const toMemrefOfCast = rewrite({
  name: "bufferization.to_memref-of-cast",
  examples: [
    tensorExample(`${opaque4("t")}
  %u = tensor.cast %t : tensor<4x$T> to tensor<?x$T>
  %m = bufferization.to_memref %u : memref<?x$T>
  %c3 = arith.constant 3 : index
  %j = arith.minui %i, %c3 : index
  %r = memref.load %m[%j] : memref<?x$T>`, "scalar"),
  ],
  root: ToMemrefOp,
  apply(op, rw) {
    const cast = defining(op.tensor, TensorCastOp);
    const src = cast?.source.type;
    if (cast === undefined || !(src instanceof RankedTensorType)) return rw.fail("not a to_memref of a tensor.cast of a ranked tensor");
    before(rw, op, () => {
      const toMemref = rw.create(ToMemrefOp, { tensor: cast.source, memref: MemRefType.get(src.shape, src.elementType) });
      rw.replaceOpWithNew(op, MemRefCastOp, { source: toMemref.memref, dest: op.memref.type });
    });
    return rw.done();
  },
});

/** Whether a cast from `a` to `b` cannot fail at run time on offsets and strides (castOrReallocMemRefValue's check). */
function layoutCastAlwaysSucceeds(a: MemRefType, b: MemRefType): boolean {
  const [la, lb] = [stridesAndOffset(a), stridesAndOffset(b)];
  if (la === undefined || lb === undefined) return false;
  const dynamicToStatic = (x: number, y: number): boolean => x === DYNAMIC && y !== DYNAMIC;
  return !dynamicToStatic(la.offset, lb.offset) && !la.strides.some((s, i) => dynamicToStatic(s, lb.strides[i] as number));
}

/**
 * to_memref(to_tensor(m)) is m, cast to the to_memref's type when it differs (MLIR's foldToMemrefToTensorPair).
 * Narrowed: where MLIR 16 would allocate a new buffer and copy (a cast that could fail on offsets or strides),
 * this pattern does not apply.
 *
 *   %t = bufferization.to_tensor %m : memref<4xf32>
 *   %n = bufferization.to_memref %t : memref<?xf32>     ->   %n = memref.cast %m : memref<4xf32> to memref<?xf32>
 */
export const toMemrefOfToTensor = rewrite({
  name: "bufferization.to_memref-of-to_tensor",
  examples: [
    tensorExample(`%m = memref.alloc() : memref<2x$T>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  memref.store %x, %m[%c0] : memref<2x$T>
  memref.store %y, %m[%c1] : memref<2x$T>
  %t = bufferization.to_tensor %m : memref<2x$T>
  %n = bufferization.to_memref %t : memref<2x$T, strided<[?], offset: ?>>
  %j = arith.minui %i, %c1 : index
  %r = memref.load %n[%j] : memref<2x$T, strided<[?], offset: ?>>
  memref.dealloc %m : memref<2x$T>`, "scalar"),
  ],
  root: ToMemrefOp,
  apply(op, rw) {
    const toTensor = defining(op.tensor, ToTensorOp);
    if (toTensor === undefined) return rw.fail("the tensor is not a bufferization.to_tensor");
    const [src, dest] = [toTensor.memref.type as Type, op.memref.type];
    if (src === dest) {
      rw.replaceOp(op, [toTensor.memref]);
      return rw.done();
    }
    if (src instanceof MemRefType && dest instanceof MemRefType) {
      const sameSpace = src.elementType === dest.elementType && src.memorySpace === dest.memorySpace && src.rank === dest.rank;
      if (!sameSpace || !memrefCastCompatible(src, dest) || !layoutCastAlwaysSucceeds(src, dest)) return rw.fail("the cast could fail: MLIR 16 copies instead");
    } else if (src instanceof UnrankedMemRefType && dest instanceof MemRefType) {
      return rw.fail("unranked to ranked (not done in MLIR 16 either)");
    }
    before(rw, op, () => rw.replaceOpWithNew(op, MemRefCastOp, { source: toTensor.memref, dest }));
    return rw.done();
  },
});

/** In MLIR 16's order: alloc_tensor's, clone's, to_tensor's, to_memref's. */
export const bufferizationCanonicalizationPatterns: readonly Pattern[] = [
  dimOfAllocTensor,
  allocTensorStaticSizes,
  simplifyClones,
  dimOfToTensor,
  dimOfToMemref,
  loadOfToMemref,
  toMemrefOfCast,
  toMemrefOfToTensor,
];

export const bufferizationCanonicalization = defineDialectExtension({
  name: "bufferization-canonicalization",
  dialects: ["bufferization"],
  canonicalization: bufferizationCanonicalizationPatterns,
});
