/**
 * Canonicalizations of tensor.insert_slice and tensor.parallel_insert_slice (MLIR 16's TensorOps.cpp registers
 * the same three templates for both): constant index values become static, casts that only forget static
 * information are folded in, and a source cast to the slice's static sizes is made explicit. They differ only
 * in that a parallel insert has no result, and that new casts of its source go before its parent (the parallel
 * op's terminator), outside the terminator's body.
 */
import { defining } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type MixedIndex, staticList } from "../../src/irdl/dynamic-index-list.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { type Pattern, type PatternRewriter, rewrite, type RewriteExample } from "../../src/rewrite/pattern.ts";
import { canonicalSliceType, insertSliceArgs } from "../../dialects/tensor/build.ts";
import { preservesStaticInformation } from "../../dialects/tensor/fold.ts";
import { CastOp, InsertSliceOp, mixedOffsets, mixedSizes, mixedStrides, ParallelInsertSliceOp, sliceType } from "../../dialects/tensor/index.ts";
import { castCompatibleTensors, isRankReducedType } from "../../dialects/tensor/types.ts";
import { foldableCastSource, isConstantIndex } from "./canonicalize-cast.ts";
import { constantInt, foldSliceConstants } from "./canonicalize-slice.ts";
import { opaque4, tensorExample } from "./examples.ts";

type InsertKind = typeof InsertSliceOp | typeof ParallelInsertSliceOp;
type AnyInsert = InsertSliceOp | ParallelInsertSliceOp;

const isParallel = (kind: InsertKind): boolean => kind === ParallelInsertSliceOp;

/** Builds `build` where a new cast of the insert's source goes: before the op, or before a parallel insert's parent. */
function atSourceCast<R>(rw: PatternRewriter, op: AnyInsert, kind: InsertKind, build: () => R): R {
  const anchor = isParallel(kind) ? (op.parentOp as Operation) : op;
  return rw.at(InsertionPoint.before(anchor), build, op.loc);
}

/** Replaces `op` by an insert of its kind with the given operands (a parallel insert has no result). */
function replaceInsert(
  rw: PatternRewriter,
  op: AnyInsert,
  kind: InsertKind,
  source: Value<RankedTensorType>,
  dest: Value<RankedTensorType>,
  lists: readonly [MixedIndex[], MixedIndex[], MixedIndex[]],
): Operation {
  const args = insertSliceArgs(source, dest, ...lists);
  const { result: _, ...parallel } = args;
  return rw.at(InsertionPoint.before(op), () => (isParallel(kind) ? rw.create(ParallelInsertSliceOp, parallel) : rw.create(InsertSliceOp, args)), op.loc);
}

/** The three lists of an insert. */
const listsOf = (op: AnyInsert): [MixedIndex[], MixedIndex[], MixedIndex[]] => [mixedOffsets(op), mixedSizes(op), mixedStrides(op)];

/** A pattern of `kind` named `tensor.<op>-<what>`. */
function insertPattern(kind: InsertKind, what: string, examples: readonly RewriteExample[], apply: (op: AnyInsert, rw: PatternRewriter) => ReturnType<PatternRewriter["done"]>): Pattern {
  return rewrite({ name: `${kind.info.name}-${what}`, root: kind as typeof InsertSliceOp, examples, apply: (op, rw) => apply(op as AnyInsert, rw) });
}

/**
 * Constant index values of an insert become static (the source cast to the slice's static type).
 *
 *   %0 = tensor.insert_slice %s into %t[%c0, 0] [%c4, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
 *     ->   %c = tensor.cast %s : tensor<?x4xf32> to tensor<4x4xf32>
 *          %0 = tensor.insert_slice %c into %t[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x4xf32>
 */
function constantArguments(kind: InsertKind, examples: readonly RewriteExample[]): Pattern {
  return insertPattern(kind, "constant-arguments", examples, (op, rw) => {
    const folded = foldSliceConstants(op);
    if (folded === undefined) return rw.fail("no constant index operand");
    const type = canonicalSliceType(op.source.type.rank, op.dest.type, folded[1]);
    if (!castCompatibleTensors(type, op.source.type)) return rw.fail("the canonical type drops other unit dims than the source's type");
    const source = type === op.source.type ? op.source : atSourceCast(rw, op, kind, () => rw.create(CastOp, { source: op.source, dest: type }).dest as Value<RankedTensorType>);
    rw.replaceOp(op, replaceInsert(rw, op, kind, source, op.dest, folded).results);
    return rw.done();
  });
}

/**
 * An insert whose source or dest is a cast that only forgets static information reads the cast's source (an
 * insert_slice's result cast back to its old type).
 *
 *   %1 = tensor.cast %s : tensor<4x4xf32> to tensor<?x?xf32>
 *   %2 = tensor.insert_slice %1 into %t[0, %i] [4, 4] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
 *     ->   %2 = tensor.insert_slice %s into %t[0, %i] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
 */
function ofCast(kind: InsertKind, examples: readonly RewriteExample[]): Pattern {
  return insertPattern(kind, "of-cast", examples, (op, rw) => {
    if (op.operands.some(isConstantIndex)) return rw.fail("a constant operand: the constant-argument folder goes first");
    const [src, dst] = [foldableCastSource(op.source), foldableCastSource(op.dest)];
    if (src === undefined && dst === undefined) return rw.fail("neither source nor dest is a cast that only forgets static information");
    const [source, dest] = [src ?? op.source, dst ?? op.dest];
    if (isRankReducedType(sliceType(dest.type, staticList(op.static_sizes)), source.type) !== "success") return rw.fail("the slice would not verify");
    const insert = replaceInsert(rw, op, kind, source, dest, listsOf(op));
    if (isParallel(kind) || dest.type === op.dest.type) rw.replaceOp(op, insert.results);
    else rw.replaceOp(op, [rw.at(InsertionPoint.before(op), () => rw.create(CastOp, { source: insert.getResult(0) as Value as Value<RankedTensorType>, dest: op.dest.type }).dest, op.loc)]);
    return rw.done();
  });
}

/**
 * A source of a less static type than the insert's constant sizes is cast to them, so that patterns matching
 * casts (scf's, say) see the static type.
 *
 *   %r = tensor.insert_slice %s into %t[%o, 0] [4, 4] [1, 1] : tensor<?x4xf32> into tensor<8x4xf32>
 *     ->   %c = tensor.cast %s : tensor<?x4xf32> to tensor<4x4xf32>
 *          %r = tensor.insert_slice %c into %t[%o, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x4xf32>
 */
function sourceCastInserter(kind: InsertKind, examples: readonly RewriteExample[]): Pattern {
  return insertPattern(kind, "source-cast", examples, (op, rw) => {
    const srcType = op.source.type;
    if (srcType.rank !== op.dest.type.rank) return rw.fail("a rank-reducing insert");
    const sizes = mixedSizes(op);
    const shape = srcType.shape.map((d, i) => {
      const s = sizes[i] as MixedIndex;
      return typeof s === "number" ? s : (constantInt(s) ?? d);
    });
    const type = RankedTensorType.get(shape, srcType.elementType);
    if (type === srcType || !preservesStaticInformation(srcType, type) || !castCompatibleTensors(srcType, type)) {
      return rw.fail("the sizes add no static information the source's type can take");
    }
    const cast = atSourceCast(rw, op, kind, () => rw.create(CastOp, { source: op.source, dest: type }).dest as Value<RankedTensorType>);
    rw.replaceOp(op, replaceInsert(rw, op, kind, cast, op.dest, listsOf(op)).results);
    return rw.done();
  });
}

export const insertSliceConstantArguments = constantArguments(InsertSliceOp, [
  tensorExample(`${opaque4("t")}
  %s = tensor.from_elements %y, %x : tensor<2x$T>
  %o = arith.constant ?{0|1|2} : index
  %r = tensor.insert_slice %s into %t[%o] [2] [1] : tensor<2x$T> into tensor<4x$T>`, 1),
]);

export const insertSliceOfCast = ofCast(InsertSliceOp, [
  tensorExample(`${opaque4("t")}
  %s = tensor.from_elements %y, %x : tensor<2x$T>
  %c = tensor.cast %t : tensor<4x$T> to tensor<?x$T>
  %c2 = arith.constant 2 : index
  %o = arith.minui %i, %c2 : index
  %r = tensor.insert_slice %s into %c[%o] [2] [1] : tensor<2x$T> into tensor<?x$T>`, 1),
]);

export const insertSliceSourceCast = sourceCastInserter(InsertSliceOp, [
  tensorExample(`${opaque4("t")}
  %s = tensor.from_elements %y, %x : tensor<2x$T>
  %u = tensor.cast %s : tensor<2x$T> to tensor<?x$T>
  %c2 = arith.constant 2 : index
  %o = arith.minui %i, %c2 : index
  %r = tensor.insert_slice %u into %t[%o] [%c2] [1] : tensor<?x$T> into tensor<4x$T>`, 1),
]);

/*
 * The parallel inserts' patterns have no examples: they live in scf.foreach_thread's terminator, and the
 * interpreter does not run foreach_thread with shared outputs yet, so a random program cannot hold one. Their
 * goldens (test/golden/tensor/canonicalize-patterns.mlir) compare them with mlir-opt-16. As in MLIR 16, the
 * cast folder can never apply to a parallel insert (its dest is always the shared output, a block argument,
 * and a source read through a cast no longer has the type its static sizes demand).
 */
export const parallelInsertSliceConstantArguments = constantArguments(ParallelInsertSliceOp, []);
export const parallelInsertSliceOfCast = ofCast(ParallelInsertSliceOp, []);
export const parallelInsertSliceSourceCast = sourceCastInserter(ParallelInsertSliceOp, []);

/** In MLIR 16's order: constant arguments, cast folding, source cast (for insert_slice, then parallel_insert_slice). */
export const tensorInsertPatterns: readonly Pattern[] = [
  insertSliceConstantArguments,
  insertSliceOfCast,
  insertSliceSourceCast,
  parallelInsertSliceConstantArguments,
  parallelInsertSliceOfCast,
  parallelInsertSliceSourceCast,
];
