/**
 * Lowering of vector transfers to plain vector memory ops (MLIR 16's populateVectorTransferLoweringPatterns:
 * TransferReadToVectorLoadLowering, TransferWriteToVectorStoreLowering, VectorLoadToMemrefLoadLowering,
 * VectorStoreToMemrefStoreLowering; and the MaterializeTransferMask half of
 * populateVectorMaskMaterializationPatterns). A transfer of a memref through a minor identity map (reads may
 * broadcast) whose dims are in bounds becomes vector.load / vector.store, or maskedload / maskedstore under its
 * mask (masked-off lanes of a read take the padding); a 1-D transfer that may run past the end gets the mask of
 * its in-bounds lanes first. A load or store of a single element becomes memref.load / memref.store.
 * Permutations, non-unit minor strides and n-D transfers are left to convert-vector-to-scf.
 * Before/after IR on each pattern.
 */
import { ArrayAttr, IntegerAttr, boolAttr } from "../../src/ir/attributes.ts";
import { DYNAMIC, i1, IndexType, MemRefType, VectorType } from "../../src/ir/types.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { isDimInBounds, asTransfer } from "../../src/interfaces/vector-transfer.ts";
import { type ConversionPattern, convert } from "../../src/rewrite/conversion.ts";
import { type MatchResult, type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import * as A from "../../dialects/arith/index.ts";
import * as M from "../../dialects/memref/index.ts";
import { stridesAndOffset } from "../../dialects/memref/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";

/**
 * `def` built from named operands, attributes and result types at the rewriter's insertion point; its first
 * result (the ops built here have one). Untyped on purpose: the operands were checked by the pattern.
 */
function make(rw: PatternRewriter, def: unknown, args: Record<string, unknown>): Value {
  return build(rw, def, args).getResult(0);
}
function build(rw: PatternRewriter, def: unknown, args: Record<string, unknown>): Operation {
  return rw.create(def as never, args as never) as Operation;
}

/** The memref's minor dim has stride 1 (MLIR's isLastMemrefDimUnitStride). */
function lastDimUnitStride(t: MemRefType): boolean {
  const so = stridesAndOffset(t);
  return so !== undefined && (so.strides.length === 0 || so.strides.at(-1) === 1);
}

/** Whether some vector dim of the transfer may run past the end of the source (MLIR's hasOutOfBoundsDim). */
function hasOutOfBoundsDim(op: V.TransferReadOp | V.TransferWriteOp): boolean {
  const t = asTransfer(op);
  if (t === undefined) return false;
  const rank = t.getPermutationMap().numResults;
  for (let i = 0; i < rank; i++) if (!isDimInBounds(t, i)) return true;
  return false;
}

/** Why `op` is not a transfer of a memref that a plain load or store can do, or undefined when it is. */
function notLoadStoreLike(op: V.TransferReadOp | V.TransferWriteOp, maxRank: number | undefined): string | undefined {
  const vectorType = (op instanceof V.TransferReadOp ? op.vector.type : op.getOperand(0).type) as VectorType;
  if (maxRank !== undefined && vectorType.rank > maxRank) return `rank exceeds maxTransferRank`;
  const source = op.getOperand(op instanceof V.TransferReadOp ? 0 : 1).type;
  if (!(source instanceof MemRefType)) return "not a memref type";
  if (!lastDimUnitStride(source)) return "most minor stride is not 1";
  if (source.elementType !== vectorType.elementType) return "elemental type mismatch";
  if (hasOutOfBoundsDim(op)) return "out of bounds dim";
  return undefined;
}

/**
 * transfer_read of a memref, minor identity (with broadcast dims), in bounds -> vector.load (masked: a splat of
 * the padding and vector.maskedload), then a vector.broadcast when the map broadcasts.
 *
 *   Before: %v = vector.transfer_read %m[%i, %j], %pad {in_bounds = [true]} : memref<?x8xf32>, vector<4xf32>
 *   After:  %v = vector.load %m[%i, %j] : memref<?x8xf32>, vector<4xf32>
 *
 *   Before: %v = vector.transfer_read %m[%i], %pad, %mask {in_bounds = [true]} : memref<?xf32>, vector<4xf32>
 *   After:  %p = vector.splat %pad : vector<4xf32>
 *           %v = vector.maskedload %m[%i], %mask, %p : memref<?xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
 */
function readToLoad(op: V.TransferReadOp, rw: PatternRewriter, maxRank: number | undefined): MatchResult {
  const broadcastDims = op.permutation_map.map.minorIdentityBroadcastDims();
  if (broadcastDims === undefined) return rw.fail("the permutation map is not a minor identity with broadcasts");
  const why = notLoadStoreLike(op, maxRank);
  if (why !== undefined) return rw.fail(why);
  const vectorType = op.vector.type;
  const loadShape = vectorType.shape.map((d, i) => (broadcastDims.includes(i) ? 1 : d));
  const loadType = VectorType.get(loadShape, vectorType.elementType);
  // Checked above: a memref (the ops' builders are typed on the memref operand).
  const source = op.source as Value<MemRefType>;
  const indices = [...op.indices];
  const mask = op.mask;
  const padding = op.padding as Value<never>;
  before(rw, op, () => {
    const loaded =
      mask === undefined
        ? make(rw, V.LoadOp, { base: source, indices, result: loadType })
        : make(rw, V.MaskedLoadOp, { base: source, indices, mask, pass_thru: make(rw, V.SplatOp, { input: padding, aggregate: loadType }), result: loadType });
    rw.replaceOp(op, [broadcastDims.length === 0 ? loaded : make(rw, V.BroadcastOp, { source: loaded, vector: vectorType })]);
  });
  return rw.done();
}

/**
 * transfer_write to a memref, minor identity, in bounds -> vector.store (masked: vector.maskedstore).
 *
 *   Before: vector.transfer_write %v, %m[%i, %j] {in_bounds = [true]} : vector<4xf32>, memref<?x8xf32>
 *   After:  vector.store %v, %m[%i, %j] : memref<?x8xf32>, vector<4xf32>
 */
function writeToStore(op: V.TransferWriteOp, rw: PatternRewriter, maxRank: number | undefined): MatchResult {
  if (!op.permutation_map.map.isMinorIdentity()) return rw.fail("permutation map is not minor identity");
  const why = notLoadStoreLike(op, maxRank);
  if (why !== undefined) return rw.fail(why);
  const [valueToStore, base, indices, mask] = [op.vector, op.source as Value<MemRefType>, [...op.indices], op.mask];
  before(rw, op, () => {
    if (mask === undefined) rw.create(V.StoreOp, { valueToStore, base, indices });
    else rw.create(V.MaskedStoreOp, { base, indices, mask, valueToStore });
  });
  rw.eraseOp(op);
  return rw.done();
}

/** The greedy phase's transfer lowerings: rank-1 transfers only (n-D ones are convert-vector-to-scf's), as MLIR 16. */
export const transferReadToLoad = rewrite({
  name: "vector.transfer_read-to-load",
  root: V.TransferReadOp,
  apply: (op, rw) => readToLoad(op, rw, 1),
});
/** See `writeToStore`. */
export const transferWriteToStore = rewrite({
  name: "vector.transfer_write-to-store",
  root: V.TransferWriteOp,
  apply: (op, rw) => writeToStore(op, rw, 1),
});

/**
 * vector.load of a single element -> memref.load and a vector.broadcast (MLIR's VectorLoadToMemrefLoadLowering).
 *
 *   Before: %v = vector.load %m[%i] : memref<8xf32>, vector<1xf32>
 *   After:  %0 = memref.load %m[%i] : memref<8xf32>
 *           %v = vector.broadcast %0 : f32 to vector<1xf32>
 */
export const loadOneToMemrefLoad = rewrite({
  name: "vector.load-one-to-memref-load",
  root: V.LoadOp,
  apply(op, rw) {
    const type = op.result.type;
    if (type.shape.reduce((a, b) => a * b, 1) !== 1) return rw.fail("not a single element");
    const base = op.base;
    if (!(base.type instanceof MemRefType) || base.type.elementType instanceof VectorType) return rw.fail("the memref holds vectors");
    before(rw, op, () => {
      const x = make(rw, M.LoadOp, { memref: base, indices: [...op.indices], result: type.elementType });
      rw.replaceOp(op, [make(rw, V.BroadcastOp, { source: x, vector: type })]);
    });
    return rw.done();
  },
});

/**
 * vector.store of a single element -> its extract and memref.store (MLIR's VectorStoreToMemrefStoreLowering).
 *
 *   Before: vector.store %v, %m[%i] : memref<8xf32>, vector<1xf32>
 *   After:  %0 = vector.extract %v[0] : vector<1xf32>
 *           memref.store %0, %m[%i] : memref<8xf32>
 */
export const storeOneToMemrefStore = rewrite({
  name: "vector.store-one-to-memref-store",
  root: V.StoreOp,
  apply(op, rw) {
    const type = op.valueToStore.type;
    if (type.shape.reduce((a, b) => a * b, 1) !== 1) return rw.fail("not a single element");
    const base = op.base;
    if (!(base.type instanceof MemRefType) || base.type.elementType instanceof VectorType) return rw.fail("the memref holds vectors");
    before(rw, op, () => {
      const x =
        type.rank === 0
          ? make(rw, V.ExtractElementOp, { vector: op.valueToStore, result: type.elementType })
          : make(rw, V.ExtractOp, { vector: op.valueToStore, position: V.i64Array(type.shape.map(() => 0)), result: type.elementType });
      build(rw, M.StoreOp, { value: x, memref: base, indices: [...op.indices] });
    });
    rw.eraseOp(op);
    return rw.done();
  },
});

/**
 * An out-of-bounds 1-D transfer of a memref -> the same transfer in bounds under the mask of the lanes before
 * the end (`create_mask(dim - index)` of the minor dim, and-ed with the transfer's own mask) (MLIR's
 * MaterializeTransferMask; the dim is folded to a constant when static, as createOrFoldDimOp does).
 *
 *   Before: %v = vector.transfer_read %m[%i], %pad : memref<8xf32>, vector<4xf32>
 *   After:  %c0 = arith.constant 0 : index
 *           %c8 = arith.constant 8 : index
 *           %0 = arith.subi %c8, %i : index
 *           %1 = vector.create_mask %0 : vector<4xi1>
 *           %v = vector.transfer_read %m[%i], %pad, %1 {in_bounds = [true]} : memref<8xf32>, vector<4xf32>
 */
function materializeMask(op: V.TransferReadOp | V.TransferWriteOp, rw: PatternRewriter): MatchResult {
  if (!hasOutOfBoundsDim(op)) return rw.fail("every dim is in bounds");
  const isRead = op instanceof V.TransferReadOp;
  const vectorType = (isRead ? op.vector.type : op.getOperand(0).type) as VectorType;
  const indices = [...op.indices];
  if (vectorType.rank > 1 || indices.length === 0) return rw.fail("not a 1-D transfer with indices");
  const source = op.source;
  if (!(source.type instanceof MemRefType)) return rw.fail("the source is not a memref");
  const last = indices.length - 1;
  const sourceType = source.type;
  before(rw, op, () => {
    const index = IndexType.get();
    const dimIndex = make(rw, A.ConstantOp, { value: IntegerAttr.get(index, last), result: index });
    const size = sourceType.shape[last] as number;
    const dim: Value = size === DYNAMIC ? make(rw, M.DimOp, { source, index: dimIndex, result: index }) : make(rw, A.ConstantOp, { value: IntegerAttr.get(index, size), result: index });
    const bound = make(rw, A.SubIOp, { lhs: dim, rhs: indices[last] as Value, result: index });
    const maskType = VectorType.get(vectorType.shape, i1);
    let mask: Value = make(rw, V.CreateMaskOp, { dims: [bound], result: maskType });
    if (op.mask !== undefined) mask = make(rw, A.AndIOp, { lhs: mask, rhs: op.mask, result: maskType });
    const inBounds = ArrayAttr.get([boolAttr(true)]);
    if (op instanceof V.TransferReadOp) {
      rw.replaceOp(op, [
        make(rw, V.TransferReadOp, { source, indices, padding: op.padding, mask, permutation_map: op.permutation_map, in_bounds: inBounds, vector: op.vector.type }),
      ]);
    } else {
      const result = op.numResults > 0 ? { result: op.getResult(0).type } : {};
      const w = rw.create(V.TransferWriteOp, { vector: op.vector, source, indices, mask, permutation_map: op.permutation_map, in_bounds: inBounds, ...result } as never) as V.TransferWriteOp;
      if (op.numResults > 0) rw.replaceOp(op, [w.getResult(0)]);
      else rw.eraseOp(op);
    }
  });
  return rw.done();
}

/**
 * The conversion phase's transfer patterns (MLIR 16 adds them to the conversion too): the masks of out-of-bounds
 * 1-D transfers, then the transfers that made in bounds become loads and stores.
 */
export const transferConversionPatterns: readonly ConversionPattern[] = [
  convert({ name: "vector.transfer_read-materialize-mask", root: V.TransferReadOp, apply: (op, _a, rw) => materializeMask(op, rw) }),
  convert({ name: "vector.transfer_write-materialize-mask", root: V.TransferWriteOp, apply: (op, _a, rw) => materializeMask(op, rw) }),
  convert({ name: "vector.masked-transfer_read-to-load", root: V.TransferReadOp, apply: (op, _a, rw) => readToLoad(op, rw, 1) }),
  convert({ name: "vector.masked-transfer_write-to-store", root: V.TransferWriteOp, apply: (op, _a, rw) => writeToStore(op, rw, 1) }),
];

/** The greedy phase's transfer patterns. */
export const transferLoweringPatterns: readonly Pattern[] = [transferReadToLoad, transferWriteToStore, loadOneToMemrefLoad, storeOneToMemrefStore];
