/**
 * `convert-vector-to-scf` (MLIR 16's ConvertVectorToSCF, lib/Conversion/VectorToSCF/VectorToSCF.cpp): transfers of
 * memrefs of a rank above `target-rank` are unpacked one leading vector dim at a time into transfers of one rank
 * less (MLIR's UnrollTransferReadConversion / UnrollTransferWriteConversion), each under an `scf.if` that checks
 * its row is in bounds when the dim may run past the end (a row past the end reads the padding, or is not
 * written). Rank-1 transfers that convert-vector-to-llvm cannot make a vector load or store of (a permutation
 * map that is not a minor identity, or a minor stride that is not 1) become one `memref.load` / `memref.store`
 * per lane under the same checks (MLIR's TransferOp1dConversion).
 *
 *   %v = vector.transfer_read %m[%i, %j], %pad : memref<?x8xf32>, vector<2x4xf32>
 *   ->  %init = vector.splat %pad : vector<2x4xf32>
 *       %c0 = arith.constant 0 : index
 *       %d0 = memref.dim %m, %c0 : memref<?x8xf32>
 *       %in0 = arith.cmpi slt, %i, %d0 : index
 *       %r0 = scf.if %in0 -> (vector<2x4xf32>) {
 *         %t0 = vector.transfer_read %m[%i, %j], %pad : memref<?x8xf32>, vector<4xf32>
 *         %w0 = vector.insert %t0, %init [0] : vector<4xf32> into vector<2x4xf32>
 *         scf.yield %w0 : vector<2x4xf32>
 *       } else { scf.yield %init : vector<2x4xf32> }
 *       ... row 1 at %i + 1 likewise, into %r0
 *
 * Options (MLIR 16's): full-unroll, target-rank (default 1), lower-tensors. Departures: Tensile always unrolls
 * (MLIR 16 without full-unroll goes through a stack buffer, vector.type_cast and scf.for loops; the result is
 * the same) and unrolls rank-1 lane loops too; it does not first rewrite permutation maps into transposes
 * (MLIR's populateVectorTransferPermutationMapLoweringPatterns): a transposed transfer unpacks along the
 * source dims its vector dims walk, and its rank-1 rows take the lane-by-lane path. Transfers of tensors
 * (lower-tensors) and masked transfers whose map is not a minor identity are left as they are.
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { ArrayAttr, AffineMapAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import { Region, type Operation } from "../../src/ir/operation.ts";
import { DYNAMIC, i1, IndexType, MemRefType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type MatchResult, type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import { stridesAndOffset } from "../../dialects/memref/index.ts";
import * as A from "../../dialects/arith/index.ts";
import * as M from "../../dialects/memref/index.ts";
import * as S from "../../dialects/scf/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";

export interface VectorToSCFOptions {
  readonly targetRank: number;
  readonly lowerTensors: boolean;
}

/** `def` built at the rewriter's insertion point from named parts (the pattern checked the operands). */
function build(rw: PatternRewriter, def: unknown, args: Record<string, unknown>): Operation {
  return rw.create(def as never, args as never) as Operation;
}
const index = (): IndexType => IndexType.get();
function constantIndex(rw: PatternRewriter, n: number): Value {
  return build(rw, A.ConstantOp, { value: IntegerAttr.get(index(), n), result: index() }).getResult(0);
}

type Transfer = V.TransferReadOp | V.TransferWriteOp;
const vectorTypeOf = (op: Transfer): VectorType => (op instanceof V.TransferReadOp ? op.vector.type : op.getOperand(0).type) as VectorType;
const sourceOf = (op: Transfer): Value => op.getOperand(op instanceof V.TransferReadOp ? 0 : 1);

/** The source dim vector dim `k` walks, or undefined for a broadcast. */
function walkedDim(op: Transfer, k: number): number | undefined {
  const e = op.permutation_map.map.results[k];
  return e instanceof AffineDimExpr ? e.position : undefined;
}

/** Whether vector dim `k` is flagged in bounds (or a broadcast). */
function inBoundsDim(op: Transfer, k: number): boolean {
  if (walkedDim(op, k) === undefined) return true;
  return V.boolsOf(op.attr("in_bounds"))[k] ?? false;
}

/** The transfer's indices with source dim `dim` moved by `offset` (a Value or a constant). */
function movedIndices(rw: PatternRewriter, op: Transfer, dim: number | undefined, offset: number): Value[] {
  const indices: Value[] = [...op.indices];
  if (dim === undefined || offset === 0) return indices;
  indices[dim] = build(rw, A.AddIOp, { lhs: indices[dim] as Value, rhs: constantIndex(rw, offset), result: index() }).getResult(0);
  return indices;
}

/** `indices[dim] < size of source dim` (MLIR's generateInBoundsCheck condition). */
function inBoundsCondition(rw: PatternRewriter, source: Value, dim: number, at: Value): Value {
  const type = source.type as MemRefType;
  const size = type.shape[dim] as number;
  const bound = size === DYNAMIC ? build(rw, M.DimOp, { source, index: constantIndex(rw, dim), result: index() }).getResult(0) : constantIndex(rw, size);
  return build(rw, A.CmpIOp, { lhs: at, rhs: bound, predicate: A.cmpiPredicate("slt"), result: i1 }).getResult(0);
}

/**
 * `inBounds()` when `condition` is undefined, else an scf.if running it when the condition holds and
 * `outOfBounds()` otherwise, yielding their values (of `types`).
 */
function guarded(rw: PatternRewriter, condition: Value | undefined, types: readonly Type[], inBounds: () => Value[], outOfBounds: () => Value[]): Value[] {
  if (condition === undefined) return inBounds();
  const ifOp = build(rw, S.IfOp, { condition, values: types, thenRegion: new Region(), elseRegion: new Region() });
  // createBlock moves the insertion point into the new block: the code after the scf.if goes after it.
  const after = rw.ip;
  for (const [region, body] of [
    [ifOp.regions[0] as Region, inBounds],
    [ifOp.regions[1] as Region, outOfBounds],
  ] as const) {
    const block = rw.createBlock(region);
    rw.at(InsertionPoint.atEnd(block), () => {
      const values = body();
      build(rw, S.YieldOp, { values });
    });
  }
  rw.ip = after;
  return ifOp.results.map((r) => r);
}

/** The permutation map without its first result, and the in_bounds flags without their first. */
function unpackedAttrs(op: Transfer): { permutation_map: AffineMapAttr; in_bounds?: ArrayAttr } {
  const map = op.permutation_map.map;
  const unpacked = AffineMap.get(map.numDims, map.numSymbols, map.results.slice(1));
  const flags = op.attr("in_bounds");
  return { permutation_map: AffineMapAttr.get(unpacked), ...(flags instanceof ArrayAttr ? { in_bounds: ArrayAttr.get(flags.elements.slice(1)) } : {}) };
}

/** What every unpacking checks: a memref (tensors: not lowered), one element type, a mask only on a minor identity. */
function unpackable(op: Transfer, opts: VectorToSCFOptions, rw: PatternRewriter): MatchResult | undefined {
  const source = sourceOf(op).type;
  if (!(source instanceof MemRefType)) return rw.fail(opts.lowerTensors ? "transfers of tensors are not lowered by Tensile" : "a transfer of a tensor (lower-tensors is off)");
  if (source.elementType !== vectorTypeOf(op).elementType) return rw.fail("the transfer changes the element type");
  if (op.mask !== undefined && !op.permutation_map.map.isMinorIdentity()) return rw.fail("a masked transfer through a permutation map");
  return undefined;
}

/**
 * The read as a splat of its padding with each slice `i` along its leading vector dim inserted in turn, under an
 * scf.if in-bounds check when that dim may run past the end; `slice(indices, i)` reads it at the moved indices.
 */
function readSlices(rw: PatternRewriter, op: V.TransferReadOp, slice: (indices: Value[], i: number) => Value): void {
  const type = op.vector.type;
  const dim = walkedDim(op, 0);
  before(rw, op, () => {
    let vec: Value = build(rw, V.SplatOp, { input: op.padding, aggregate: type }).getResult(0);
    for (let i = 0; i < (type.shape[0] as number); i++) {
      const indices = movedIndices(rw, op, dim, i);
      const condition = inBoundsDim(op, 0) || dim === undefined ? undefined : inBoundsCondition(rw, op.source, dim, indices[dim] as Value);
      const current = vec;
      const insert = (): Value[] => [build(rw, V.InsertOp, { source: slice(indices, i), dest: current, position: V.i64Array([i]), result: type }).getResult(0)];
      [vec] = guarded(rw, condition, [type], insert, () => [current]) as [Value];
    }
    rw.replaceOp(op, [vec]);
  });
}

/** See readSlices: `slice(indices, i)` writes slice `i` when it is in bounds; the write is erased. */
function writeSlices(rw: PatternRewriter, op: V.TransferWriteOp, slice: (indices: Value[], i: number) => void): void {
  const type = vectorTypeOf(op);
  const dim = walkedDim(op, 0);
  before(rw, op, () => {
    for (let i = 0; i < (type.shape[0] as number); i++) {
      const indices = movedIndices(rw, op, dim, i);
      const condition = inBoundsDim(op, 0) || dim === undefined ? undefined : inBoundsCondition(rw, op.source, dim, indices[dim] as Value);
      guarded(rw, condition, [], () => (slice(indices, i), []), () => []);
    }
  });
  rw.eraseOp(op);
}

/** A transfer of a memref of rank above the target, unpacked along its leading vector dim (see the file's comment). */
function unrollRead(opts: VectorToSCFOptions): Pattern {
  return rewrite({
    name: "vector.transfer_read-unroll",
    root: V.TransferReadOp,
    apply(op, rw) {
      const type = op.vector.type;
      if (type.rank <= opts.targetRank) return rw.fail("the transfer is of the target rank");
      const not = unpackable(op, opts, rw);
      if (not !== undefined) return not;
      const rowType = VectorType.get(type.shape.slice(1), type.elementType);
      const attrs = unpackedAttrs(op);
      readSlices(rw, op, (indices, i) => {
        const mask = op.mask === undefined ? undefined : build(rw, V.ExtractOp, { vector: op.mask, position: V.i64Array([i]), result: VectorType.get(rowType.shape, i1) }).getResult(0);
        return build(rw, V.TransferReadOp, { source: op.source, indices, padding: op.padding, ...(mask === undefined ? {} : { mask }), ...attrs, vector: rowType }).getResult(0);
      });
      return rw.done();
    },
  });
}

/** See unrollRead: the write of each row, skipped past the end. */
function unrollWrite(opts: VectorToSCFOptions): Pattern {
  return rewrite({
    name: "vector.transfer_write-unroll",
    root: V.TransferWriteOp,
    apply(op, rw) {
      const type = vectorTypeOf(op);
      if (type.rank <= opts.targetRank) return rw.fail("the transfer is of the target rank");
      const not = unpackable(op, opts, rw);
      if (not !== undefined) return not;
      const rowType = VectorType.get(type.shape.slice(1), type.elementType);
      const attrs = unpackedAttrs(op);
      writeSlices(rw, op, (indices, i) => {
        const row = build(rw, V.ExtractOp, { vector: op.vector, position: V.i64Array([i]), result: rowType }).getResult(0);
        const mask = op.mask === undefined ? undefined : build(rw, V.ExtractOp, { vector: op.mask, position: V.i64Array([i]), result: VectorType.get(rowType.shape, i1) }).getResult(0);
        build(rw, V.TransferWriteOp, { vector: row, source: op.source, indices, ...(mask === undefined ? {} : { mask }), ...attrs });
      });
      return rw.done();
    },
  });
}

/** Whether a rank-1 transfer is one convert-vector-to-llvm makes a vector load or store of. */
function vectorAccessible(op: Transfer): boolean {
  const map = op.permutation_map.map;
  const source = sourceOf(op).type;
  if (!(source instanceof MemRefType)) return false;
  const so = stridesAndOffset(source);
  const unit = so !== undefined && (so.strides.length === 0 || so.strides.at(-1) === 1);
  return unit && (op instanceof V.TransferReadOp ? map.minorIdentityBroadcastDims() !== undefined : map.isMinorIdentity());
}

/**
 * A rank-1 transfer that is no vector load or store -> one memref.load / memref.store per lane (MLIR's
 * TransferOp1dConversion, unrolled), each lane past the end (or masked off) reading the padding or not written.
 *
 *   %v = vector.transfer_read %m[%i, %j], %pad {permutation_map = (d0, d1) -> (d0)} : memref<?x8xf32>, vector<2xf32>
 *   ->  %init = vector.splat %pad : vector<2xf32>
 *       %in0 = arith.cmpi slt, %i, (memref.dim %m, 0)
 *       %v0 = scf.if %in0 -> (vector<2xf32>) { %x = memref.load %m[%i, %j]; vector.insert %x, %init [0] ... } else { %init }
 *       ... lane 1 at %i + 1, into %v0
 */
function lanesRead(opts: VectorToSCFOptions): Pattern {
  return rewrite({
    name: "vector.transfer_read-1d-lanes",
    root: V.TransferReadOp,
    apply(op, rw) {
      const type = op.vector.type;
      if (type.rank !== 1) return rw.fail("not a rank-1 transfer");
      if (vectorAccessible(op)) return rw.fail("a vector load does it (convert-vector-to-llvm)");
      const not = unpackable(op, opts, rw);
      if (not !== undefined) return not;
      readSlices(rw, op, (indices) => build(rw, M.LoadOp, { memref: op.source, indices, result: type.elementType }).getResult(0));
      return rw.done();
    },
  });
}

/** See lanesRead: one memref.store per lane in bounds. */
function lanesWrite(opts: VectorToSCFOptions): Pattern {
  return rewrite({
    name: "vector.transfer_write-1d-lanes",
    root: V.TransferWriteOp,
    apply(op, rw) {
      const type = vectorTypeOf(op);
      if (type.rank !== 1) return rw.fail("not a rank-1 transfer");
      if (vectorAccessible(op)) return rw.fail("a vector store does it (convert-vector-to-llvm)");
      const not = unpackable(op, opts, rw);
      if (not !== undefined) return not;
      writeSlices(rw, op, (indices, i) => {
        const x = build(rw, V.ExtractOp, { vector: op.vector, position: V.i64Array([i]), result: type.elementType }).getResult(0);
        build(rw, M.StoreOp, { value: x, memref: op.source, indices });
      });
      return rw.done();
    },
  });
}

/** The pass's patterns under its options (rank-1 lanes only when the target rank is 1, as MLIR 16). */
export function vectorToSCFPatterns(opts: VectorToSCFOptions): Pattern[] {
  return [unrollRead(opts), unrollWrite(opts), ...(opts.targetRank === 1 ? [lanesRead(opts), lanesWrite(opts)] : [])];
}

export const convertVectorToSCFPass = definePass({
  name: "convert-vector-to-scf",
  displayName: "ConvertVectorToSCF",
  summary: "Lower the operations from the vector dialect into the SCF dialect",
  description: "Unpacks vector transfers of memrefs above the target rank into transfers of lower rank under scf.if bounds checks, and rank-1 transfers that are no vector load or store into per-lane memref loads and stores.",
  options: t.type({ fullUnroll: t.boolean, targetRank: t.number, lowerTensors: t.boolean }),
  defaults: { fullUnroll: false, targetRank: 1, lowerTensors: false },
  optionDocs: {
    fullUnroll: "Perform full unrolling when converting vector transfers to SCF (Tensile always unrolls)",
    targetRank: "Target vector rank to which transfer ops should be lowered",
    lowerTensors: "Lower transfer ops that operate on tensors (not supported by Tensile: such transfers are left)",
  },
  run(op, pctx, opts) {
    const patterns = vectorToSCFPatterns({ targetRank: opts.targetRank, lowerTensors: opts.lowerTensors });
    const r = applyPatternsGreedily(op, patterns, { ctx: pctx.context, ...(pctx.rewriteListener === undefined ? {} : { listener: pctx.rewriteListener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
