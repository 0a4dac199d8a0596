/**
 * MLIR 16's CanonicalizeContractAdd (an add of a contraction from zero folds into the contraction's
 * accumulator) and TransferReadAfterWriteToBroadcast (a read of what a transfer_write to a tensor just wrote,
 * through other permutation maps, is the written vector broadcast and transposed). Before/after IR on each.
 */
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { IRMapping } from "../../src/ir/operation.ts";
import { RankedTensorType, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { defining } from "../../src/ir/defining.ts";
import { asTransfer, isDimInBounds, transferRank, type VectorTransfer } from "../../src/interfaces/vector-transfer.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import { AddIOp } from "../../dialects/arith/index.ts";
import { BroadcastOp, combiningKindOf, ContractionOp, i64Array, isMasked, TransferReadOp, TransferWriteOp, TransposeOp } from "../../dialects/vector/index.ts";
import { before } from "../arith/match.ts";
import { constantElementsOf } from "./constants.ts";

/** The contraction defining `v` when its accumulator is the constant zero and it adds (`kind = add`). */
function contractFromZero(v: Value): ContractionOp | undefined {
  const c = defining(v, ContractionOp);
  if (c === undefined || combiningKindOf(c.kind) !== "add") return undefined;
  const accType = c.acc.type;
  const count = accType instanceof VectorType ? accType.shape.reduce((a, b) => a * b, 1) : 1;
  if (constantAttr(c.acc) === undefined) return undefined;
  const zeros = constantElementsOf(c.acc, count);
  return zeros !== undefined && zeros.every((z) => z === 0n) ? c : undefined;
}

/**
 * addi(contract(a, b, 0), d) -> contract(a, b, d) (MLIR's CanonicalizeContractAdd, on integers; either operand
 * of the add may be the contraction).
 *
 *   %z = arith.constant dense<0> : vector<2x2xi32>
 *   %c = vector.contract {...} %a, %b, %z : vector<2x3xi32>, vector<3x2xi32> into vector<2x2xi32>
 *   %r = arith.addi %c, %d : vector<2x2xi32>            ->   %r = vector.contract {...} %a, %b, %d : ...
 *
 * MLIR 16 rewrites arith.addf too, and any combining kind. Tensile does neither: a float contraction from +0.0
 * plus `d` is not `d` plus the products (rounding happens in another order, and -0.0 + (+0.0) is +0.0), and
 * for a kind other than add the accumulator is combined by that kind (`maxsi(0, p) + d` is not
 * `maxsi(d, p)`).
 */
export const contractAddToAccumulator = rewrite({
  name: "vector.contract-add-to-accumulator",
  examples: [
    {
      ir: "^bb0(%x: $T, %y: $T, %w: $T):\n  %a0 = vector.broadcast %x : $T to vector<2x3x$T>\n  %a = vector.insert %y, %a0 [1, 2] : $T into vector<2x3x$T>\n  %b0 = vector.broadcast %y : $T to vector<3x2x$T>\n  %b = vector.insert %w, %b0 [0, 1] : $T into vector<3x2x$T>\n  %z = arith.constant dense<?{0|0|1}> : vector<2x2x$T>\n  %d = vector.broadcast %w : $T to vector<2x2x$T>\n  %c = vector.contract {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = [\"parallel\", \"parallel\", \"reduction\"], kind = #vector.kind<?{add|add|maxsi|mul}>} %a, %b, %z : vector<2x3x$T>, vector<3x2x$T> into vector<2x2x$T>\n  %r = arith.addi ?{%c, %d|%d, %c} : vector<2x2x$T>",
      types: { T: ["i8", "i32", "i64"] },
    },
    // A scalar accumulator (every dim reduced).
    {
      ir: "^bb0(%x: $T, %y: $T, %w: $T):\n  %a0 = vector.broadcast %x : $T to vector<3x$T>\n  %a = vector.insert %y, %a0 [1] : $T into vector<3x$T>\n  %b = vector.broadcast %w : $T to vector<3x$T>\n  %z = arith.constant 0 : $T\n  %c = vector.contract {indexing_maps = [affine_map<(k) -> (k)>, affine_map<(k) -> (k)>, affine_map<(k) -> ()>], iterator_types = [\"reduction\"], kind = #vector.kind<add>} %a, %b, %z : vector<3x$T>, vector<3x$T> into $T\n  %r = arith.addi %c, %y : $T",
      types: { T: ["i16", "i32", "index"] },
    },
  ],
  root: AddIOp,
  apply(op, rw) {
    const [contract, other] = ((): [ContractionOp | undefined, Value] => {
      const c = contractFromZero(op.lhs);
      return c !== undefined ? [c, op.rhs] : [contractFromZero(op.rhs), op.lhs];
    })();
    if (contract === undefined) return rw.fail("neither operand is an additive contraction from zero");
    before(rw, op, () => {
      const mapping = new IRMapping();
      mapping.map(contract.acc, other);
      const copy = rw.insert(contract.clone(mapping));
      rw.replaceOp(op, [copy.getResult(0)]);
    });
    return rw.done();
  },
});

/** The source dim each vector dim of a transfer walks, or -1 for a broadcast dim. */
const sourceDims = (t: VectorTransfer): number[] =>
  Array.from({ length: transferRank(t) }, (_, r) => {
    const e = t.getPermutationMap().getResult(r);
    return e instanceof AffineDimExpr ? e.position : -1;
  });

/** MLIR's getTransferChunkAccessed: per source dim, how many elements the transfer spans (0: none). */
function chunkAccessed(t: VectorTransfer): number[] {
  const dims = new Array<number>(t.getPermutationMap().numDims).fill(0);
  const shape = t.getVector().type.shape;
  sourceDims(t).forEach((d, r) => {
    if (d >= 0) dims[d] = Math.max(dims[d] as number, shape[r] as number);
  });
  return dims;
}

/**
 * A transfer_read of a tensor that a transfer_write just wrote, at the same indices and over the same elements,
 * fully in bounds and unmasked -> the written vector, broadcast along the read's broadcast dims and transposed
 * into the read's order (MLIR's TransferReadAfterWriteToBroadcast; the fold already forwards the vector when
 * the two accesses are the same).
 *
 *   %w = vector.transfer_write %v, %t[%c0, %c0] {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>}
 *          : vector<4x2xf32>, tensor<2x4xf32>
 *   %r = vector.transfer_read %w[%c0, %c0], %p {in_bounds = [true, true, true], permutation_map = affine_map<(d0, d1) -> (d0, 0, d1)>}
 *          : tensor<2x4xf32>, vector<2x3x4xf32>
 *     ->   %b = vector.broadcast %v : vector<4x2xf32> to vector<3x4x2xf32>
 *          %r = vector.transpose %b, [2, 0, 1] : vector<3x4x2xf32> to vector<2x3x4xf32>
 *
 * MLIR 16 also accepts a read and a write under the same mask, though the read's masked-off lanes are its
 * padding, not the written lanes: Tensile requires both unmasked.
 */
export const transferReadAfterWriteToBroadcast = rewrite({
  name: "vector.transfer_read-after-write-to-broadcast",
  examples: [
    ...[
      ["d0, 0, d1", "2x3x4"],
      ["d1, d0, 0", "4x2x3"],
      ["d1, 0, d0", "4x3x2"],
    ].map(
      ([map, shape]) =>
        `^bb0(%x: $T, %y: $T, %p: $T):\n  %t = arith.constant ?t : tensor<2x4x$T>\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x2x$T>\n  %v = vector.insert %y, %v0 [3, 0] : $T into vector<4x2x$T>\n  %w = vector.transfer_write %v, %t[%c0, %c0] {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<4x2x$T>, tensor<2x4x$T>\n  %r = vector.transfer_read %w[%c0, %c0], %p {in_bounds = [true, true, true], permutation_map = affine_map<(d0, d1) -> (${map})>} : tensor<2x4x$T>, vector<${shape}x$T>`,
    ),
    // Near misses: the write or the read masked (masked-off lanes of a read are its padding).
    ...["%w = vector.transfer_write %v, %t[%i, %c0], %m {in_bounds = [true]} : vector<4x$T>, tensor<3x4x$T>\n  %r = vector.transfer_read %w[%i, %c0], %p", "%w = vector.transfer_write %v, %t[%i, %c0] {in_bounds = [true]} : vector<4x$T>, tensor<3x4x$T>\n  %r = vector.transfer_read %w[%i, %c0], %p, %m"].map(
      (ops) =>
        `^bb0(%x: $T, %y: $T, %p: $T):\n  %t = arith.constant ?t : tensor<3x4x$T>\n  %i = arith.constant ?{0|2} : index\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<4x$T>\n  %m = vector.constant_mask [?{1|3}] : vector<4xi1>\n  ${ops} {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (0, d1)>} : tensor<3x4x$T>, vector<2x4x$T>`,
    ),
    // Minor identity read of a 1-row write (a broadcast only); a read over fewer elements is a near miss.
    "^bb0(%x: $T, %y: $T, %p: $T):\n  %t = arith.constant ?t : tensor<3x4x$T>\n  %i = arith.constant ?{0|2} : index\n  %c0 = arith.constant 0 : index\n  %v0 = vector.broadcast %x : $T to vector<4x$T>\n  %v = vector.insert %y, %v0 [1] : $T into vector<4x$T>\n  %w = vector.transfer_write %v, %t[%i, %c0] {in_bounds = [true]} : vector<4x$T>, tensor<3x4x$T>\n  %r = vector.transfer_read %w[%i, %c0], %p {in_bounds = [true, ?{true|true|false}], permutation_map = affine_map<(d0, d1) -> (0, d1)>} : tensor<3x4x$T>, vector<2x?{4|4|3}x$T>",
  ],
  root: TransferReadOp,
  apply(op, rw) {
    if (!(op.source.type instanceof RankedTensorType)) return rw.fail("a read of memory, not a tensor");
    const read = asTransfer(op) as VectorTransfer;
    const rank = transferRank(read);
    if (Array.from({ length: rank }, (_, r) => isDimInBounds(read, r)).some((b) => !b)) return rw.fail("a dim may be out of bounds");
    const writeOp = defining(op.source, TransferWriteOp);
    if (writeOp === undefined) return rw.fail("the source is not a transfer_write");
    const write = asTransfer(writeOp) as VectorTransfer;
    if (read.getMask() !== undefined || write.getMask() !== undefined || isMasked(op) || isMasked(writeOp)) return rw.fail("masked");
    const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (!same(read.getIndices(), write.getIndices())) return rw.fail("other indices");
    if (!same(chunkAccessed(read), chunkAccessed(write))) return rw.fail("other elements");
    // Vector dim r of the read: its k-th broadcast dim (k), or the write's vector dim walking the same source dim.
    const writeDims = sourceDims(write);
    const readDims = sourceDims(read);
    const shape = op.vector.type.shape;
    const bcastSizes = readDims.flatMap((d, r) => (d < 0 ? [shape[r] as number] : []));
    let k = 0;
    const perm = readDims.map((d) => (d < 0 ? k++ : bcastSizes.length + writeDims.indexOf(d)));
    const written = writeOp.vector;
    const bcastType = VectorType.get([...bcastSizes, ...written.type.shape], written.type.elementType);
    before(rw, op, () => {
      const b = rw.create(BroadcastOp, { source: written, vector: bcastType }).vector;
      rw.replaceOpWithNew(op, TransposeOp, { vector: b, transp: i64Array(perm), result: op.vector.type });
    });
    return rw.done();
  },
});

export const contractTransferPatterns: readonly Pattern[] = [contractAddToAccumulator, transferReadAfterWriteToBroadcast];
