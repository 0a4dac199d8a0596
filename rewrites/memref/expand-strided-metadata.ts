/**
 * `expand-strided-metadata` (MLIR 16's memref ExpandStridedMetadata): the memref ops that only change a view's
 * metadata (subview, expand_shape, collapse_shape) become `memref.extract_strided_metadata` of their source, the
 * new offset, sizes and strides computed with `affine.apply` (or folded to constants when static), and a
 * `memref.reinterpret_cast` of the base buffer; and `extract_strided_metadata` of an alloc, an alloca, a
 * reinterpret_cast or another extract_strided_metadata is folded into the values it reads. What is left for the
 * llvm lowering is one kind of view op, reinterpret_cast, whose arithmetic is plain affine code.
 *
 * Each size/stride/offset is an OpFoldResult (a number when static, a Value otherwise); the affine expressions
 * are composed with the `affine.apply` ops producing their operands and folded when constant (MLIR's
 * makeComposedFoldedAffineApply), so static parts of the result are attributes of the reinterpret_cast.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { affineAdd, affineConstant, type AffineExpr, affineFloorDiv, affineMul, affineSymbol, replaceDimsAndSymbols } from "../../src/ir/affine-expr.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { AffineMapAttr, DenseArrayAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, i64, IndexType, MemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { AffineApplyOp, AffineMinOp } from "../../dialects/affine/index.ts";
import { constantInt } from "../../dialects/arith/index.ts";
import {
  AllocaOp,
  AllocOp,
  CollapseShapeOp,
  ExpandShapeOp,
  ExtractAlignedPointerAsIndexOp,
  ExtractStridedMetadataOp,
  extractedSizes,
  extractedStrides,
  memRefRankReductionMask,
  ReinterpretCastOp,
  reassociationOf,
  stridesAndOffset,
  SubViewOp,
} from "../../dialects/memref/index.ts";
import { ViewLikeOpInterface } from "../../src/interfaces/view-like.ts";
import { composeAffineMapAndOperands } from "../affine/map-operands.ts";

const index = IndexType.get();
type Idx = Value<IndexType>;
/** A static size, stride or offset, or the value of a dynamic one (MLIR's OpFoldResult). */
type Ofr = number | Value;

const isDynamic = (n: number): boolean => n === DYNAMIC;
const s = (i: number): AffineExpr => affineSymbol(i);

/** The value of an OpFoldResult, a constant when static (MLIR's getValueOrCreateConstantIndexOp). */
const valueOf = (rw: PatternRewriter, o: Ofr): Idx => (typeof o === "number" ? constantInt(rw, index, o) : (o as Idx));

/** A map of one result over symbols, on OpFoldResults: static operands become constants of the expression. */
function symbolMap(expr: AffineExpr, operands: readonly Ofr[], numSymbols: number): { map: AffineMap; values: Value[] } {
  const values: Value[] = [];
  const repl = operands.map((o) => (typeof o === "number" ? affineConstant(o) : (values.push(o), s(values.length - 1))));
  return { map: AffineMap.get(0, values.length, [replaceDimsAndSymbols(expr, [], repl.slice(0, numSymbols))]), values };
}

/**
 * `expr` (over symbols s0, s1, ... standing for `operands`) composed with the affine.apply ops that make its
 * operands, then folded: a number when constant, the operand itself when it is one, else a new affine.apply
 * (MLIR's makeComposedFoldedAffineApply).
 */
export function composedFoldedApply(rw: PatternRewriter, expr: AffineExpr, operands: readonly Ofr[]): Ofr {
  const { map, values } = symbolMap(expr, operands, operands.length);
  const c = composeAffineMapAndOperands({ map, operands: values });
  const e = c.map.results[0] as AffineExpr;
  if (e.kind === "constant") return e.value;
  if (e.kind === "dim") return c.operands[e.position] as Value;
  if (e.kind === "symbol") return c.operands[c.map.numDims + e.position] as Value;
  return rw.create(AffineApplyOp, { mapOperands: c.operands as Idx[], map: AffineMapAttr.get(c.map), result: index }).result;
}

/** The minimum of OpFoldResults, folded when constant (MLIR's makeComposedFoldedAffineMin on an identity map). */
function composedFoldedMin(rw: PatternRewriter, operands: readonly Ofr[]): Ofr {
  if (operands.length === 1) return operands[0] as Ofr;
  if (operands.every((o) => typeof o === "number")) return Math.min(...(operands as number[]));
  const values: Value[] = [];
  const exprs = operands.map((o) => (typeof o === "number" ? affineConstant(o) : (values.push(o), s(values.length - 1))));
  const map = AffineMap.get(0, values.length, exprs);
  return rw.create(AffineMinOp, { mapOperands: values as Idx[], map: AffineMapAttr.get(map), result: index }).result;
}

/** A static list and its dynamic values as OpFoldResults (MLIR's getMixedValues). */
function mixed(statics: DenseArrayAttr, dynamics: readonly Value[]): Ofr[] {
  let k = 0;
  return statics.numbers.map((n) => (isDynamic(n) ? (dynamics[k++] as Value) : n));
}

/** A reinterpret_cast of `source` to `type` with the given offset, sizes and strides (static ones as attributes). */
function reinterpretCast(rw: PatternRewriter, type: MemRefType, source: Value, offset: Ofr, sizes: readonly Ofr[], strides: readonly Ofr[]): Operation {
  const split = (list: readonly Ofr[]) => ({
    values: list.filter((o): o is Value => typeof o !== "number") as Idx[],
    statics: DenseArrayAttr.get(i64, list.map((o) => (typeof o === "number" ? o : DYNAMIC))),
  });
  const [o, sz, st] = [split([offset]), split(sizes), split(strides)];
  return rw.create(ReinterpretCastOp, {
    source: source as Value<MemRefType>,
    offsets: o.values,
    sizes: sz.values,
    strides: st.values,
    static_offsets: o.statics,
    static_sizes: sz.statics,
    static_strides: st.statics,
    result: type,
  });
}

/** The offset and strides of a strided type, as OpFoldResults: the metadata's values where they are dynamic. */
function layoutOf(type: MemRefType, meta: ExtractStridedMetadataOp): { offset: Ofr; strides: Ofr[] } | undefined {
  const layout = stridesAndOffset(type);
  if (layout === undefined) return undefined;
  const dynStrides = extractedStrides(meta);
  return {
    offset: isDynamic(layout.offset) ? meta.offset : layout.offset,
    strides: layout.strides.map((st, i) => (isDynamic(st) ? (dynStrides[i] as Value) : st)),
  };
}

/**
 * A subview as a reinterpret_cast of its source's base buffer: offset = source offset + sum(offset_i * stride_i),
 * stride_i = sub stride_i * source stride_i, the sizes the subview's (without the dims it drops).
 *
 *   %s = memref.subview %m[%i, 4] [2, 3] [1, 2] : memref<8x16xf32> to memref<2x3xf32, strided<[16, 2], offset: ?>>
 *
 *   %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<8x16xf32> -> ...
 *   %0 = affine.apply affine_map<()[s0] -> (s0 * 16 + 4)>()[%i]
 *   %s = memref.reinterpret_cast %base to offset: [%0], sizes: [2, 3], strides: [16, 2] : memref<f32> to ...
 */
export const subviewFolder = rewrite({
  name: "expand-strided-metadata.subview",
  root: SubViewOp,
  apply(op, rw) {
    const sourceType = op.source.type;
    const resultType = op.result.type;
    const meta = rw.create(ExtractStridedMetadataOp, { source: op.source });
    const layout = layoutOf(sourceType, meta);
    if (layout === undefined) return rw.fail("the source's layout is not strided");
    const subOffsets = mixed(op.static_offsets, op.offsets);
    const subSizes = mixed(op.static_sizes, op.sizes);
    const subStrides = mixed(op.static_strides, op.strides);
    const strides: Ofr[] = [];
    let expr: AffineExpr = s(0);
    const values: Ofr[] = [layout.offset];
    for (let i = 0; i < sourceType.rank; i++) {
      const origStride = layout.strides[i] as Ofr;
      strides.push(composedFoldedApply(rw, affineMul(s(0), s(1)), [subStrides[i] as Ofr, origStride]));
      expr = affineAdd(expr, affineMul(s(1 + 2 * i), s(2 + 2 * i)));
      values.push(subOffsets[i] as Ofr, origStride);
    }
    const offset = composedFoldedApply(rw, expr, values);
    const dropped = memRefRankReductionMask(sourceType, resultType, op.static_sizes.numbers) ?? new Set<number>();
    const keep = (_: Ofr, i: number): boolean => !dropped.has(i);
    const cast = reinterpretCast(rw, resultType, meta.base_buffer, offset, subSizes.filter(keep), strides.filter(keep));
    rw.replaceOp(op, cast.results);
    return rw.done();
  },
});

/** The sizes of expand_shape's group `g`: static ones, and the one dynamic size as the source size floordiv the rest. */
function expandedSizes(rw: PatternRewriter, op: ExpandShapeOp, origSizes: readonly Ofr[], g: number): Ofr[] {
  const group = reassociationOf(op.reassociation)[g] as number[];
  const shape = op.result.type.shape;
  let product = 1;
  let dynamicAt: number | undefined;
  const sizes: Ofr[] = group.map((d, i) => {
    const size = shape[d] as number;
    if (isDynamic(size)) {
      dynamicAt = i;
      return 0;
    }
    product *= size;
    return size;
  });
  if (dynamicAt !== undefined) sizes[dynamicAt] = composedFoldedApply(rw, affineFloorDiv(s(0), product), [origSizes[g] as Ofr]);
  return sizes;
}

/** The strides of expand_shape's group `g`: the source stride times the product of the sizes inside it. */
function expandedStrides(rw: PatternRewriter, op: ExpandShapeOp, origSizes: readonly Ofr[], origStrides: readonly Ofr[], g: number): Ofr[] {
  const group = reassociationOf(op.reassociation)[g] as number[];
  const shape = op.result.type.shape;
  let current = 1;
  let dynamicAt: number | undefined;
  const base: number[] = new Array<number>(group.length).fill(1);
  for (let i = group.length - 1; i >= 0; i--) {
    base[i] = current;
    const size = shape[group[i] as number] as number;
    if (isDynamic(size)) {
      dynamicAt = i;
      continue;
    }
    current *= size;
  }
  const layout = stridesAndOffset(op.src.type);
  const srcStride = layout?.strides[g] ?? DYNAMIC;
  const origStride: Ofr = isDynamic(srcStride) ? (origStrides[g] as Ofr) : srcStride;
  const strides: Ofr[] = [];
  let done = 0;
  if (dynamicAt !== undefined) {
    for (; done < dynamicAt; done++) {
      strides.push(composedFoldedApply(rw, affineMul(affineFloorDiv(affineMul(s(0), base[done] as number), current), s(1)), [origSizes[g] as Ofr, origStride]));
    }
  }
  for (; done < group.length; done++) strides.push(composedFoldedApply(rw, affineMul(s(0), base[done] as number), [origStride]));
  return strides;
}

/** The size of collapse_shape's group `g`: static, or the product of the source sizes in the group. */
function collapsedSize(rw: PatternRewriter, op: CollapseShapeOp, origSizes: readonly Ofr[], g: number): Ofr[] {
  const size = op.result.type.shape[g] as number;
  if (!isDynamic(size)) return [size];
  const group = reassociationOf(op.reassociation)[g] as number[];
  const srcShape = op.src.type.shape;
  let product: AffineExpr = affineConstant(1);
  const inputs = group.map((d, i) => {
    product = affineMul(product, s(i));
    const n = srcShape[d] as number;
    return isDynamic(n) ? (origSizes[d] as Ofr) : n;
  });
  return [composedFoldedApply(rw, product, inputs)];
}

/** The stride of collapse_shape's group `g`: the smallest stride of its non-unit source dims. */
function collapsedStride(rw: PatternRewriter, op: CollapseShapeOp, _origSizes: readonly Ofr[], origStrides: readonly Ofr[], g: number): Ofr[] {
  const group = reassociationOf(op.reassociation)[g] as number[];
  const srcShape = op.src.type.shape;
  const strides = stridesAndOffset(op.src.type)?.strides ?? [];
  const groupStrides: Ofr[] = [];
  for (const d of group) {
    if (srcShape[d] === 1) continue;
    const st = strides[d] as number;
    groupStrides.push(isDynamic(st) ? (origStrides[d] as Ofr) : st);
  }
  if (groupStrides.length === 0) {
    const final = stridesAndOffset(op.result.type)?.strides[g] ?? DYNAMIC;
    if (!isDynamic(final)) return [final];
    const d = group.find((x) => isDynamic(strides[x] as number));
    return [origStrides[d ?? (group[0] as number)] as Ofr];
  }
  return [composedFoldedMin(rw, groupStrides)];
}

/** expand_shape and collapse_shape as a reinterpret_cast of the base buffer (MLIR's ReshapeFolder). */
function reshapeFolder<C extends typeof ExpandShapeOp | typeof CollapseShapeOp>(
  root: C,
  name: string,
  sizesOf: (rw: PatternRewriter, op: C["prototype"], origSizes: readonly Ofr[], g: number) => Ofr[],
  stridesOf: (rw: PatternRewriter, op: C["prototype"], origSizes: readonly Ofr[], origStrides: readonly Ofr[], g: number) => Ofr[],
): Pattern {
  return rewrite({
    name,
    root: root as typeof ExpandShapeOp,
    apply(op, rw) {
      const sourceType = op.src.type;
      const resultType = op.result.type;
      const meta = rw.create(ExtractStridedMetadataOp, { source: op.src });
      const layout = stridesAndOffset(sourceType);
      if (layout === undefined) return rw.fail("the source's layout is not strided");
      const offset: Ofr = isDynamic(layout.offset) ? meta.offset : layout.offset;
      if (sourceType.rank === 0) {
        const ones = resultType.shape.map(() => 1);
        rw.replaceOp(op, reinterpretCast(rw, resultType, meta.base_buffer, offset, ones, ones).results);
        return rw.done();
      }
      const origSizes: Ofr[] = [...extractedSizes(meta)];
      const origStrides: Ofr[] = [...extractedStrides(meta)];
      const sizes: Ofr[] = [];
      const strides: Ofr[] = [];
      const groups = reassociationOf(op.reassociation).length;
      for (let g = 0; g < groups; g++) {
        sizes.push(...sizesOf(rw, op as C["prototype"], origSizes, g));
        strides.push(...stridesOf(rw, op as C["prototype"], origSizes, origStrides, g));
      }
      rw.replaceOp(op, reinterpretCast(rw, resultType, meta.base_buffer, offset, sizes, strides).results);
      return rw.done();
    },
  });
}

/**
 * expand_shape as a reinterpret_cast: each group's sizes from the result type (a dynamic one the source size
 * floordiv the others), its strides the source stride times the sizes inside.
 *
 *   %e = memref.expand_shape %m [[0, 1]] : memref<?xf32> into memref<?x4xf32>
 *
 *   %base, %offset, %size, %stride = memref.extract_strided_metadata %m : memref<?xf32> -> ...
 *   %0 = affine.apply affine_map<()[s0] -> (s0 floordiv 4)>()[%size]
 *   %e = memref.reinterpret_cast %base to offset: [0], sizes: [%0, 4], strides: [4, 1] : memref<f32> to memref<?x4xf32>
 */
export const expandShapeFolder = reshapeFolder(ExpandShapeOp, "expand-strided-metadata.expand_shape", expandedSizes, expandedStrides);

/**
 * collapse_shape as a reinterpret_cast: each group's size the product of its sizes, its stride the smallest of its
 * non-unit strides.
 *
 *   %c = memref.collapse_shape %m [[0, 1]] : memref<?x4xf32> into memref<?xf32>
 *
 *   %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<?x4xf32> -> ...
 *   %0 = affine.apply affine_map<()[s0] -> (s0 * 4)>()[%sizes#0]
 *   %c = memref.reinterpret_cast %base to offset: [0], sizes: [%0], strides: [1] : memref<f32> to memref<?xf32>
 */
export const collapseShapeFolder = reshapeFolder(CollapseShapeOp, "expand-strided-metadata.collapse_shape", collapsedSize, collapsedStride);

/** extract_strided_metadata of an alloc or alloca: the alloc, offset 0, its sizes and row-major strides. */
function allocFolder(root: typeof AllocOp | typeof AllocaOp, name: string): Pattern {
  return rewrite({
    name,
    root: ExtractStridedMetadataOp,
    apply(op, rw) {
      const alloc = op.source.definingOp;
      if (!(alloc instanceof root)) return rw.fail(`the source is no ${root.info?.name ?? ""}`);
      const type = alloc.getResult(0).type as MemRefType;
      if (type.layout !== undefined) return rw.fail("alloc-like operations should have been normalized");
      const rank = type.rank;
      let k = 0;
      const dynamic = (alloc as AllocOp).dynamicSizes;
      const sizes: Ofr[] = type.shape.map((n) => (isDynamic(n) ? (dynamic[k++] as Value) : n));
      const strides: Ofr[] = new Array<Ofr>(rank).fill(1);
      let expr: AffineExpr = affineConstant(1);
      let symbols = 0;
      for (let i = rank - 2; i >= 0; i--) {
        expr = affineMul(expr, s(symbols++));
        strides[i] = composedFoldedApply(rw, expr, sizes.slice(i + 1, i + 1 + symbols));
      }
      const baseType = op.base_buffer.type;
      const base = alloc.getResult(0).type === baseType ? alloc.getResult(0) : reinterpretCast(rw, baseType as MemRefType, alloc.getResult(0), 0, [], []).getResult(0);
      const results: Value[] = [base, constantInt(rw, index, 0), ...sizes.map((o) => valueOf(rw, o)), ...strides.map((o) => valueOf(rw, o))];
      rw.replaceOp(op, results);
      return rw.done();
    },
  });
}

/**
 * extract_strided_metadata of an alloc: `%b, %o, %sz:2, %st:2 = memref.extract_strided_metadata %a` of
 * `%a = memref.alloc(%n) : memref<?x4xf32>` is `%b` = a reinterpret_cast of `%a` to rank 0, `%o` = 0,
 * `%sz` = (%n, 4), `%st` = (4, 1).
 */
export const extractOfAlloc = allocFolder(AllocOp, "expand-strided-metadata.extract-of-alloc");
/** As extract-of-alloc, for memref.alloca. */
export const extractOfAlloca = allocFolder(AllocaOp, "expand-strided-metadata.extract-of-alloca");

/**
 * extract_aligned_pointer_as_index of a view reads the pointer of the view's source (the same buffer).
 *
 *   %s = memref.subview %m[...] ...                       %p = memref.extract_aligned_pointer_as_index %m
 *   %p = memref.extract_aligned_pointer_as_index %s  ->
 */
export const alignedPointerOfView = rewrite({
  name: "expand-strided-metadata.aligned-pointer-of-view",
  root: ExtractAlignedPointerAsIndexOp,
  apply(op, rw) {
    const producer = op.source.definingOp;
    const view = producer === undefined ? undefined : ViewLikeOpInterface.of(producer);
    if (view === undefined) return rw.fail("not a ViewLike source");
    const source = view.getViewSource();
    rw.modifyInPlace(op, () => op.setOperand(0, source));
    return rw.done();
  },
});

/**
 * extract_strided_metadata of a reinterpret_cast: the cast's offset, sizes and strides, and the base buffer of
 * the cast's source.
 *
 *   %r = memref.reinterpret_cast %m to offset: [%o], sizes: [4], strides: [1] : ...
 *   %b, %off, %sz, %st = memref.extract_strided_metadata %r     ->   %b from extract_strided_metadata %m; %off = %o;
 *                                                                      %sz = 4; %st = 1 (constants)
 */
export const extractOfReinterpretCast = rewrite({
  name: "expand-strided-metadata.extract-of-reinterpret-cast",
  root: ExtractStridedMetadataOp,
  apply(op, rw) {
    const cast = op.source.definingOp;
    if (!(cast instanceof ReinterpretCastOp)) return rw.fail("the source is no reinterpret_cast");
    const castSource = cast.source.type;
    if (!(castSource instanceof MemRefType) || castSource.elementType !== op.source.type.elementType) {
      return rw.fail("reinterpret_cast source's type is incompatible");
    }
    const meta = rw.create(ExtractStridedMetadataOp, { source: cast.source as Value<MemRefType> });
    if (meta.base_buffer.type !== op.base_buffer.type) {
      rw.eraseOp(meta);
      return rw.fail("reinterpret_cast source's type is incompatible");
    }
    const offset = mixed(cast.static_offsets, cast.offsets)[0] as Ofr;
    const sizes = mixed(cast.static_sizes, cast.sizes);
    const strides = mixed(cast.static_strides, cast.strides);
    const results: Value[] = [meta.base_buffer, valueOf(rw, offset), ...sizes.map((o) => valueOf(rw, o)), ...strides.map((o) => valueOf(rw, o))];
    rw.replaceOp(op, results);
    return rw.done();
  },
});

/**
 * extract_strided_metadata of a base buffer (another extract_strided_metadata's, rank 0): that base buffer, offset 0.
 *
 *   %b, %o, ... = memref.extract_strided_metadata %m
 *   %b2, %o2 = memref.extract_strided_metadata %b      ->   (uses of %b2 use %b; %o2 = arith.constant 0 : index)
 */
export const extractOfExtract = rewrite({
  name: "expand-strided-metadata.extract-of-extract",
  root: ExtractStridedMetadataOp,
  apply(op, rw) {
    const inner = op.source.definingOp;
    if (!(inner instanceof ExtractStridedMetadataOp)) return rw.fail("the source is no extract_strided_metadata");
    rw.replaceOp(op, [inner.base_buffer, constantInt(rw, index, 0)]);
    return rw.done();
  },
});

export const expandStridedMetadataPatterns: readonly Pattern[] = [
  subviewFolder,
  expandShapeFolder,
  collapseShapeFolder,
  extractOfAlloc,
  extractOfAlloca,
  alignedPointerOfView,
  extractOfReinterpretCast,
  extractOfExtract,
];

export const expandStridedMetadataPass = definePass({
  name: "expand-strided-metadata",
  displayName: "ExpandStridedMetadata",
  summary: "Expand memref operations into easier to analyze constructs",
  description:
    "Rewrites subview, expand_shape and collapse_shape as extract_strided_metadata, affine.apply and reinterpret_cast, and folds extract_strided_metadata of allocations and casts.",
  run(root, pctx) {
    const listener = pctx.rewriteListener;
    // (MLIR applies the patterns to the op's regions: the greedy driver leaves the root itself alone too.)
    const r = applyPatternsGreedily(root, expandStridedMetadataPatterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    const changed = r.right.changed;
    return { changed };
  },
});
