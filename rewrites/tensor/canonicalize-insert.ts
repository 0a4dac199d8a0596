/**
 * Canonicalizations of tensor.insert_slice and tensor.parallel_insert_slice (MLIR 16's TensorOps.cpp registers
 * the same templates for both): constant index values become static, and casts that only forget static
 * information are folded in. They differ only in that a parallel insert has no result, and that new casts of
 * its source go before its parent (the parallel op's terminator), outside the terminator's body.
 */
import type { Operation } from "../../src/ir/operation.ts";
import { RankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type MixedIndex, staticList } from "../../src/irdl/dynamic-index-list.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { type Pattern, type PatternRewriter, rewrite, type RewriteExample } from "../../src/rewrite/pattern.ts";
import { canonicalSliceType, insertSliceArgs } from "../../dialects/tensor/build.ts";
import { CastOp, InsertSliceOp, mixedOffsets, mixedSizes, mixedStrides, ParallelInsertSliceOp, sliceType } from "../../dialects/tensor/index.ts";
import { castCompatibleTensors, isRankReducedType } from "../../dialects/tensor/types.ts";
import { foldableCastSource, isConstantIndex } from "./canonicalize-cast.ts";
import { foldSliceConstants } from "./canonicalize-slice.ts";
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

/*
 * The parallel insert's pattern has no example: it lives in scf.foreach_thread's terminator, and the interpreter
 * does not run foreach_thread with shared outputs yet, so a random program cannot hold one. Its goldens
 * (test/golden/tensor/canonicalize-patterns.mlir) compare it with mlir-opt-16.
 */
export const parallelInsertSliceConstantArguments = constantArguments(ParallelInsertSliceOp, []);

/**
 * In MLIR 16's order (for insert_slice, then parallel_insert_slice). MLIR 16 also registers
 * InsertSliceOpSourceCastInserter for both ops and InsertSliceOpCastFolder for parallel_insert_slice, which are
 * not written here: they can never apply in its canonicalizer (the source-cast inserter matches only constant
 * size values, which the constant-argument folder, tried first, makes static; and what it would build does not
 * verify, a static source with dynamic sizes; a parallel insert's dest is a block argument, and its source must
 * already have the type its sizes give, so no cast folds into it).
 */
export const tensorInsertPatterns: readonly Pattern[] = [insertSliceConstantArguments, insertSliceOfCast, parallelInsertSliceConstantArguments];
