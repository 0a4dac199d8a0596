/**
 * tensor.cast canonicalizations (MLIR 16's TensorOps.cpp): casts that only forget static shape information are
 * folded into the ops that read them, and casts that add some into the ops that produce them.
 */
import { DYNAMIC, type IndexType, RankedTensorType, type Type, UnrankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { opaque4, tensorExample, unknownIndex } from "./examples.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { before } from "../arith/match.ts";
import { defining } from "../../src/ir/defining.ts";
import { IndexCastOp } from "../../dialects/arith/index.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { rankReductionMask } from "../../dialects/tensor/types.ts";
import { castSourceIsAsStatic, preservesStaticInformation } from "../../dialects/tensor/fold.ts";
import { canonicalSliceType, emptyArgs, extractSliceArgs } from "../../dialects/tensor/build.ts";
import { CastOp, DimOp, EmptyOp, ExtractOp, ExtractSliceOp, mixedOffsets, mixedSizes, mixedStrides } from "../../dialects/tensor/index.ts";
import { staticList, type MixedIndex } from "../../src/irdl/dynamic-index-list.ts";

/** The cast defining `v` when a consumer may read its source instead (MLIR's canFoldIntoConsumerOp). */
export function foldableCastSource(v: Value): Value<RankedTensorType> | undefined {
  const cast = defining(v, CastOp);
  return cast !== undefined && castSourceIsAsStatic(cast) ? (cast.source as Value<RankedTensorType>) : undefined;
}

/** Whether a value is an index (or integer) constant (MLIR's matchConstantIndex). */
export const isConstantIndex = (v: Value): boolean => constantAttr(v) instanceof IntegerAttr;

/** MLIR's joinShapes: the shape knowledge of two tensor types together; undefined when they conflict. */
function joinShapes(a: Type, b: Type): Type | undefined {
  if (a instanceof UnrankedTensorType) return b;
  if (b instanceof UnrankedTensorType) return a;
  if (!(a instanceof RankedTensorType) || !(b instanceof RankedTensorType) || a.rank !== b.rank) return undefined;
  const shape: number[] = [];
  for (let i = 0; i < a.rank; i++) {
    const [x, y] = [a.shape[i] as number, b.shape[i] as number];
    if (x !== DYNAMIC && y !== DYNAMIC && x !== y) return undefined;
    shape.push(x === DYNAMIC ? y : x);
  }
  return RankedTensorType.get(shape, a.elementType);
}

/**
 * cast(cast(x)) -> cast(x) when the middle type checks nothing that the two outer types do not.
 *
 *   %1 = tensor.cast %0 : tensor<4x?xf32> to tensor<?x?xf32>
 *   %2 = tensor.cast %1 : tensor<?x?xf32> to tensor<4x8xf32>     ->   %2 = tensor.cast %0 : tensor<4x?xf32> to tensor<4x8xf32>
 */
export const chainedCast = rewrite({
  name: "tensor.cast-of-cast",
  examples: [tensorExample(`%t = tensor.from_elements %x, %y : tensor<2x$T>
  %a = tensor.cast %t : tensor<2x$T> to tensor<?x$T>
  %r = tensor.cast %a : tensor<?x$T> to tensor<2x$T>`, 1)],
  root: CastOp,
  apply(op, rw) {
    const inner = defining(op.source, CastOp);
    if (inner === undefined) return rw.fail("the source is not a tensor.cast");
    const [src, mid, res] = [inner.source.type, inner.dest.type, op.dest.type];
    const srcMid = joinShapes(src, mid);
    const all = srcMid === undefined ? undefined : joinShapes(srcMid, res);
    if (all === undefined) return rw.fail("the casts conflict: this cast fails at run time");
    if (all !== joinShapes(src, res)) return rw.fail("the middle cast checks more than the outer types say");
    before(rw, op, () => rw.replaceOpWithNew(op, CastOp, { source: inner.source, dest: res }));
    return rw.done();
  },
});

/**
 * A cast to a more static type of an extract_slice's result becomes the slice's static sizes.
 *
 *   %0 = tensor.extract_slice %t[%o, 0] [%s, 512] [1, 1] : tensor<128x512xf32> to tensor<?x512xf32>
 *   %1 = tensor.cast %0 : tensor<?x512xf32> to tensor<16x512xf32>
 *     ->   %1 = tensor.extract_slice %t[%o, 0] [16, 512] [1, 1] : tensor<128x512xf32> to tensor<16x512xf32>
 */
export const castOfExtractSlice = rewrite({
  name: "tensor.cast-of-extract_slice",
  examples: [tensorExample(`${opaque4("t")}
  %e = tensor.expand_shape %t [[0, 1]] : tensor<4x$T> into tensor<2x2x$T>
  ${unknownIndex("n", 1)}
  %s = tensor.extract_slice %e[0, 0] [%n, 2] [1, 1] : tensor<2x2x$T> to tensor<?x2x$T>
  %r = tensor.cast %s : tensor<?x2x$T> to tensor<1x2x$T>`, 2)],
  root: CastOp,
  apply(op, rw) {
    const slice = defining(op.source, ExtractSliceOp);
    if (slice === undefined) return rw.fail("the source is not a tensor.extract_slice");
    const target = op.dest.type;
    if (!preservesStaticInformation(op.source.type, target)) return rw.fail("the cast does not make the type more static");
    const sliceType = slice.result.type;
    if (!(target instanceof RankedTensorType) || target.shape.every((d, i) => d === sliceType.shape[i])) return rw.fail("the cast keeps the shape");
    const sizes: MixedIndex[] = mixedSizes(slice);
    const dropped = rankReductionMask(staticList(slice.static_sizes), sliceType.shape) ?? new Set<number>();
    let at = 0;
    for (let i = 0; i < sizes.length; i++) {
      if (dropped.has(i)) continue;
      const d = target.shape[at++] as number;
      if (d !== DYNAMIC) sizes[i] = d;
    }
    before(rw, op, () =>
      rw.replaceOpWithNew(op, ExtractSliceOp, extractSliceArgs(slice.source, mixedOffsets(slice), sizes, mixedStrides(slice), target)),
    );
    return rw.done();
  },
});

/**
 * dim(cast(x)) -> dim(x).
 *
 *   %1 = tensor.cast %0 : tensor<4x?xf32> to tensor<*xf32>
 *   %d = tensor.dim %1, %i : tensor<*xf32>                    ->   %d = tensor.dim %0, %i : tensor<4x?xf32>
 */
export const dimOfCast = rewrite({
  name: "tensor.dim-of-cast",
  examples: [tensorExample(`${opaque4("t")}
  %u = tensor.cast %t : tensor<4x$T> to tensor<*x$T>
  %c0 = arith.constant 0 : index
  %r = tensor.dim %u, %c0 : tensor<*x$T>`, "scalar")],
  root: DimOp,
  apply(op, rw) {
    const cast = defining(op.source, CastOp);
    if (cast === undefined) return rw.fail("the source is not a tensor.cast");
    before(rw, op, () => rw.replaceOpWithNew(op, DimOp, { source: cast.source, index: op.index, result: op.result.type }));
    return rw.done();
  },
});

/**
 * extract(cast(x)) -> extract(x) for a ranked `x`.
 *
 *   %1 = tensor.cast %0 : tensor<4xf32> to tensor<?xf32>
 *   %e = tensor.extract %1[%i] : tensor<?xf32>                ->   %e = tensor.extract %0[%i] : tensor<4xf32>
 */
export const extractOfCast = rewrite({
  name: "tensor.extract-of-cast",
  examples: [tensorExample(`%t = tensor.from_elements %x, %y : tensor<2x$T>
  %u = tensor.cast %t : tensor<2x$T> to tensor<?x$T>
  %c1 = arith.constant 1 : index
  %j = arith.minui %i, %c1 : index
  %r = tensor.extract %u[%j] : tensor<?x$T>`, "scalar")],
  root: ExtractOp,
  apply(op, rw) {
    const cast = defining(op.tensor, CastOp);
    if (cast === undefined) return rw.fail("the tensor is not a tensor.cast");
    const source = cast.source;
    if (!(source.type instanceof RankedTensorType)) return rw.fail("the cast's source is unranked");
    before(rw, op, () => rw.replaceOpWithNew(op, ExtractOp, { tensor: source as Value<RankedTensorType>, indices: op.indices, result: op.result.type }));
    return rw.done();
  },
});

/**
 * A cast to a more static type of a tensor.empty is a tensor.empty of that type.
 *
 *   %0 = tensor.empty(%n) : tensor<?x4xf32>
 *   %1 = tensor.cast %0 : tensor<?x4xf32> to tensor<8x4xf32>     ->   %1 = tensor.empty() : tensor<8x4xf32>
 */
export const castOfEmpty = rewrite({
  name: "tensor.cast-of-empty",
  examples: [tensorExample(`${unknownIndex("n", 2)}
  %e = tensor.empty(%n) : tensor<?x3x$T>
  %r = tensor.cast %e : tensor<?x3x$T> to tensor<2x3x$T>`, 2)],
  root: CastOp,
  apply(op, rw) {
    if (!preservesStaticInformation(op.source.type, op.dest.type)) return rw.fail("the cast does not make the type more static");
    const empty = defining(op.source, EmptyOp);
    if (empty === undefined) return rw.fail("the source is not a tensor.empty");
    const target = op.dest.type as RankedTensorType;
    let next = 0;
    const sizes: MixedIndex[] = [];
    for (const [i, d] of empty.result.type.shape.entries()) {
      const want = target.shape[i] as number;
      if (d !== DYNAMIC) {
        if (want !== d) return rw.fail("the static sizes of the empty tensor and the cast disagree");
        sizes.push(d);
        continue;
      }
      const v = empty.dynamicSizes[next++] as Value;
      sizes.push(want !== DYNAMIC ? want : v);
    }
    // As MLIR 16: the encoding is not carried over.
    before(rw, op, () => rw.replaceOpWithNew(op, EmptyOp, emptyArgs(sizes, target.elementType)));
    return rw.done();
  },
});

/**
 * An extract_slice of a cast that only forgets static information slices the cast's source (and casts back).
 *
 *   %1 = tensor.cast %0 : tensor<8x8xf32> to tensor<?x?xf32>
 *   %2 = tensor.extract_slice %1[0, %i] [4, 4] [1, 1] : tensor<?x?xf32> to tensor<4x4xf32>
 *     ->   %2 = tensor.extract_slice %0[0, %i] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
 */
export const extractSliceOfCast = rewrite({
  name: "tensor.extract_slice-of-cast",
  examples: [tensorExample(`${opaque4("t")}
  %u = tensor.cast %t : tensor<4x$T> to tensor<?x$T>
  %c2 = arith.constant 2 : index
  %o = arith.minui %i, %c2 : index
  %r = tensor.extract_slice %u[%o] [2] [1] : tensor<?x$T> to tensor<2x$T>`, 1)],
  root: ExtractSliceOp,
  apply(op, rw) {
    if (op.operands.some(isConstantIndex)) return rw.fail("a constant operand: the constant-argument folder goes first");
    const source = foldableCastSource(op.source);
    if (source === undefined) return rw.fail("the source is not a cast that only forgets static information");
    const type = canonicalSliceType(op.result.type.rank, op.source.type, mixedSizes(op));
    before(rw, op, () => {
      const slice = rw.create(ExtractSliceOp, extractSliceArgs(source, mixedOffsets(op), mixedSizes(op), mixedStrides(op), type));
      rw.replaceOpWithNew(op, CastOp, { source: slice.result, dest: op.result.type });
    });
    return rw.done();
  },
});

/**
 * extract of an elementwise arith.index_cast of a tensor is the index_cast of the extracted element (MLIR's
 * ExtractElementFromIndexCast, which MLIR 16 registers with tensor.from_elements).
 *
 *   %1 = arith.index_cast %0 : tensor<4xi32> to tensor<4xindex>
 *   %e = tensor.extract %1[%i] : tensor<4xindex>
 *     ->   %x = tensor.extract %0[%i] : tensor<4xi32>
 *          %e = arith.index_cast %x : i32 to index
 */
export const extractOfIndexCast = rewrite({
  name: "tensor.extract-of-index_cast",
  examples: [
    tensorExample(`${opaque4("t")}
  %u = arith.index_cast %t : tensor<4x$T> to tensor<4xindex>
  %c3 = arith.constant 3 : index
  %j = arith.minui %i, %c3 : index
  %r = tensor.extract %u[%j] : tensor<4xindex>`, "scalar", ["i8", "i32", "i64"]),
  ],
  root: ExtractOp,
  apply(op, rw) {
    const cast = defining(op.tensor, IndexCastOp);
    if (cast === undefined) return rw.fail("the tensor is not an arith.index_cast");
    const source = cast.in as Value<RankedTensorType>;
    before(rw, op, () => {
      const element = rw.create(ExtractOp, { tensor: source, indices: op.indices, result: source.type.elementType });
      rw.replaceOpWithNew(op, IndexCastOp, { in: element.result as Value as Value<IndexType>, out: op.result.type as IndexType });
    });
    return rw.done();
  },
});

export const tensorCastPatterns: readonly Pattern[] = [chainedCast, castOfExtractSlice, dimOfCast, extractOfCast, castOfEmpty, extractSliceOfCast, extractOfIndexCast];
