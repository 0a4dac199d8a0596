/**
 * Folds of the vector ops (MLIR 16's `fold` hooks, the ones a lowering pipeline leans on). Each returns an
 * existing value, a constant (materialised as `arith.constant`), or the op's own result after updating it in
 * place; undefined when it does not fold. Before/after IR on each.
 */
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { type Attribute, ArrayAttr, boolAttr, DenseElementsAttr, FloatAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, IntegerType, MemRefType, RankedTensorType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { FoldResult } from "../../src/irdl/spec.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { asTransfer, isDimInBounds, isSameTransferAccess, transferRank, type VectorTransfer } from "../../src/interfaces/vector-transfer.ts";
import { buildConstant, readFloats, readInts } from "../arith/fold-consts.ts";
import { type CombiningKind, type CombiningKindAttr, combiningKindOf, i64Array, i64sOf } from "./attrs.ts";
import { foldExtractThroughViews } from "./fold-extract.ts";
import { isMasked } from "./maskable.ts";
import { foldMemRefCast } from "../memref/fold-cast.ts";
import { castSourceIsAsStatic } from "../tensor/fold.ts";

/** The elements of a constant (ints unsigned, floats as bit patterns), one for a scalar or splat. */
function constantElements(a: Attribute | undefined): readonly bigint[] | undefined {
  return (readInts(a) ?? readFloats(a))?.values;
}

/** A splat constant's one element, or a scalar constant's value. */
function splatElement(a: Attribute | undefined): bigint | undefined {
  const values = constantElements(a);
  return values !== undefined && values.length === 1 ? values[0] : undefined;
}

/** A constant of `type` whose elements are all the splat of `a`. */
const resplat = (a: Attribute | undefined, type: Type): Attribute | undefined => {
  const e = splatElement(a);
  return e === undefined ? undefined : buildConstant(type, [e]);
};

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

// ---- broadcast, splat, shape_cast, transpose, bitcast -----------------------------------------------------------

/**
 *   vector.broadcast %x : vector<4xf32> to vector<4xf32>          ->  %x
 *   %c = arith.constant 1.0 : f32
 *   vector.broadcast %c : f32 to vector<2x4xf32>                   ->  arith.constant dense<1.0> : vector<2x4xf32>
 */
export function foldBroadcast(op: Operation, [source]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const src = op.getOperand(0);
  const type = op.getResult(0).type;
  if (src.type === type) return src;
  return resplat(source, type);
}

/**   %c = arith.constant 2 : i32;  vector.splat %c : vector<4xi32>   ->  arith.constant dense<2> : vector<4xi32> */
export const foldSplat = (op: Operation, [input]: readonly (Attribute | undefined)[]): FoldResult | undefined => resplat(input, op.getResult(0).type);

/**
 *   vector.shape_cast %x : vector<4xf32> to vector<4xf32>                                   ->  %x
 *   %a = vector.shape_cast %x : vector<2x4xf32> to vector<8xf32>
 *   %b = vector.shape_cast %a : vector<8xf32> to vector<2x4xf32>                            ->  %x
 *   %a = vector.shape_cast %x : vector<2x2x2xf32> to vector<4x2xf32>
 *   %b = vector.shape_cast %a : vector<4x2xf32> to vector<8xf32>     ->  vector.shape_cast %x : vector<2x2x2xf32> to vector<8xf32>
 *   %b = vector.broadcast %s : vector<4xf32> to vector<1x4xf32>
 *   vector.shape_cast %b : vector<1x4xf32> to vector<4xf32>                                 ->  %s
 *   vector.shape_cast (arith.constant dense<1.0> : vector<2x4xf32>) to vector<8xf32>        ->  arith.constant dense<1.0> : vector<8xf32>
 */
export function foldShapeCast(op: Operation, [source]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const src = op.getOperand(0);
  const result = op.getResult(0);
  if (src.type === result.type) return src;
  const inner = src.definingOp;
  if (inner?.name === "vector.shape_cast") {
    const innerSrc = inner.getOperand(0);
    if (innerSrc.type === result.type) return innerSrc;
    const a = innerSrc.type as VectorType;
    const b = result.type as VectorType;
    // MLIR folds the chain only when one cast expands or collapses straight into the other's shape.
    if (a.rank === b.rank) return undefined;
    op.setOperand(0, innerSrc);
    return result;
  }
  if (inner?.name === "vector.broadcast" && inner.getOperand(0).type === result.type) return inner.getOperand(0);
  return resplat(source, result.type);
}

/**
 *   vector.transpose %x, [0, 1] : vector<2x4xf32> to vector<2x4xf32>                        ->  %x
 *   vector.transpose (arith.constant dense<1> : vector<2x4xi32>), [1, 0]                     ->  arith.constant dense<1> : vector<4x2xi32>
 */
export function foldTranspose(op: Operation, [source]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const folded = resplat(source, op.getResult(0).type);
  if (folded !== undefined) return folded;
  const perm = i64sOf(op.attr("transp") as Attribute);
  return perm.every((p, i) => p === i) ? op.getOperand(0) : undefined;
}

/**
 *   vector.bitcast %x : vector<4xf32> to vector<4xf32>                                          ->  %x
 *   %a = vector.bitcast %x : vector<4xf32> to vector<4xi32>
 *   %b = vector.bitcast %a : vector<4xi32> to vector<4xf32>                                     ->  %x
 *   vector.bitcast (arith.constant dense<1.0> : vector<4xf16>) to vector<2xf32>  ->  arith.constant dense<0x3C003C00> : vector<2xf32>
 */
export function foldBitCast(op: Operation, [source]: readonly (Attribute | undefined)[] = []): FoldResult | undefined {
  const src = op.getOperand(0);
  const result = op.getResult(0);
  if (src.type === result.type) return src;
  const inner = src.definingOp;
  if (inner?.name !== "vector.bitcast") {
    // As MLIR 16, of constants only a splat f16 to f32 (each f32 is two copies of the f16's bits).
    const from = (src.type as VectorType).elementType;
    const to = (result.type as VectorType).elementType;
    const half = from instanceof FloatType && from.name === "f16" && to instanceof FloatType && to.name === "f32" ? splatElement(source) : undefined;
    return half === undefined ? undefined : buildConstant(result.type, [(half << 16n) | half]);
  }
  if (inner.getOperand(0).type === result.type) return inner.getOperand(0);
  op.setOperand(0, inner.getOperand(0));
  return result;
}

// ---- extract / insert --------------------------------------------------------------------------------------------

/** The elements [start, start + count) of a constant (splats expanded lazily), or undefined when not constant. */
function constantSlice(a: Attribute | undefined, type: Type, start: number, count: number): Attribute | undefined {
  const values = constantElements(a);
  if (values === undefined || !(a instanceof DenseElementsAttr)) return undefined;
  if (values.length === 1) return buildConstant(type, [values[0] as bigint]);
  return buildConstant(type, values.slice(start, start + count));
}

/**
 * `vector.extract` (MLIR 16's ExtractOp::fold, and its constant patterns as folds):
 *
 *   vector.extract %v[] : vector<4xf32>                                          ->  %v
 *   %a = vector.extract %m[1] : vector<2x4x8xf32>
 *   %b = vector.extract %a[2] : vector<4x8xf32>                                  ->  vector.extract %m[1, 2] : vector<2x4x8xf32>
 *   %i = vector.insert %s, %v [1, 2] : f32 into vector<4x8xf32>
 *   vector.extract %i[1, 2] : vector<4x8xf32>                                    ->  %s
 *   vector.extract %i[0, 3] : vector<4x8xf32>   (another position)               ->  vector.extract %v[0, 3] : vector<4x8xf32>
 *   %b = vector.broadcast %s : f32 to vector<4x8xf32>
 *   vector.extract %b[1, 2] : vector<4x8xf32>                                    ->  %s
 *   vector.extract (arith.constant dense<[[1, 2], [3, 4]]> : vector<2x2xi32>)[1]   ->  arith.constant dense<[3, 4]> : vector<2xi32>
 *
 * and through broadcasts, shape_casts, extract_strided_slices and insert_strided_slices (fold-extract.ts).
 */
export function foldExtract(op: Operation, [source]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const vector = op.getOperand(0);
  const result = op.getResult(0);
  const position = i64sOf(op.attr("position") as Attribute);
  if (position.length === 0) return vector;
  const inner = vector.definingOp;
  if (inner?.name === "vector.extract") {
    op.setOperand(0, inner.getOperand(0));
    op.setAttr("position", i64Array([...i64sOf(inner.attr("position") as Attribute), ...position]));
    return result;
  }
  if (inner?.name === "vector.broadcast" && inner.getOperand(0).type === result.type) return inner.getOperand(0);
  if (inner?.name === "vector.splat" && inner.getOperand(0).type === result.type) return inner.getOperand(0);
  // Through a chain of inserts: the insert at this position gives its source; ones at disjoint positions are skipped.
  let dest = vector;
  for (let ins = inner; ins?.name === "vector.insert"; ins = dest.definingOp) {
    const at = i64sOf(ins.attr("position") as Attribute);
    if (sameNumbers(at, position)) return ins.getOperand(0);
    const common = Math.min(at.length, position.length);
    if (!at.slice(0, common).some((p, i) => p !== position[i])) break;
    dest = ins.getOperand(1);
  }
  if (dest !== vector) {
    op.setOperand(0, dest);
    return result;
  }
  const through = foldExtractThroughViews(op);
  if (through !== undefined) return through;
  const vt = vector.type as VectorType;
  if (vt.isScalable) return undefined;
  let start = 0;
  let stride = vt.shape.reduce((a, b) => a * b, 1);
  for (let d = 0; d < position.length; d++) {
    stride /= vt.shape[d] as number;
    start += (position[d] as number) * stride;
  }
  return constantSlice(source, result.type, start, stride);
}

/**   vector.insert %v, %d [] : vector<4xf32> into vector<4xf32>   ->  %v */
export function foldInsert(op: Operation): FoldResult | undefined {
  return i64sOf(op.attr("position") as Attribute).length === 0 ? op.getOperand(0) : undefined;
}

/**
 *   vector.extractelement (vector.splat %s : vector<4xf32>)[%c1 : i32]                 ->  %s
 *   vector.extractelement (vector.broadcast %s : f32 to vector<4xf32>)[%c1 : i32]      ->  %s
 *   vector.extractelement (arith.constant dense<[1, 2]> : vector<2xi32>)[%c1 : i32]    ->  arith.constant 2 : i32
 */
export function foldExtractElement(op: Operation, [source, position]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  // As MLIR 16: only with a constant position (a 0-D vector, or a dynamic position, is left alone).
  const p = readInts(position)?.values[0];
  if (p === undefined) return undefined;
  const result = op.getResult(0);
  const inner = op.getOperand(0).definingOp;
  if ((inner?.name === "vector.splat" || inner?.name === "vector.broadcast") && inner.getOperand(0).type === result.type) return inner.getOperand(0);
  const values = constantElements(source);
  if (values === undefined) return undefined;
  if (values.length === 1) return buildConstant(result.type, [values[0] as bigint]);
  // Out of range is poison: left alone.
  return p < BigInt(values.length) ? buildConstant(result.type, [values[Number(p)] as bigint]) : undefined;
}

/**
 *   vector.insert_strided_slice %s, %d {offsets = [0, 0], strides = [1, 1]} : vector<2x4xf32> into vector<2x4xf32>   ->  %s
 *   vector.extract_strided_slice %v {offsets = [0], sizes = [4], strides = [1]} : vector<4xf32> to vector<4xf32>     ->  %v
 */
export function foldSameTypeSlice(op: Operation): FoldResult | undefined {
  const src = op.getOperand(0);
  return src.type === op.getResult(0).type ? src : undefined;
}

/**
 * A multi_reduction of a rank-1 source that reduces nothing is `acc ⊕ source`: the source when the accumulator is
 * the kind's neutral constant (not under vector.mask, whose masked-off lanes would differ).
 *
 *   %z = arith.constant dense<-0.0> : vector<4xf32>
 *   vector.multi_reduction <add>, %v, %z [] : vector<4xf32> to vector<4xf32>    ->  %v
 *
 * MLIR 16 folds it to the source whatever the accumulator (which drops `acc ⊕`): the property test caught that
 * (`<add>, %v, %v []` is `%v + %v`), so Tensile folds only the sound case.
 */
export function foldMultiReduction(op: Operation, [, acc]: readonly (Attribute | undefined)[]): FoldResult | undefined {
  const src = op.getOperand(0);
  const dims = i64sOf(op.attr("reduction_dims") as Attribute);
  if (isMasked(op) || (src.type as VectorType).rank !== 1 || dims.includes(0)) return undefined;
  const kind = combiningKindOf(op.attr("kind") as CombiningKindAttr);
  const neutral = neutralConstant(kind, (src.type as VectorType).elementType);
  return neutral !== undefined && splatElement(acc) === neutral ? src : undefined;
}

/** The bits of the neutral element of a kind on `t` (ints unsigned; floats: -0.0 for add, ±inf for min/max). */
function neutralConstant(kind: CombiningKind, t: Type): bigint | undefined {
  if (t instanceof FloatType) {
    const value = { add: -0, mul: 1, minf: Infinity, maxf: -Infinity }[kind as "add"];
    return value === undefined ? undefined : FloatAttr.get(t, value).bits;
  }
  const w = t instanceof IntegerType ? t.width : 64;
  const ones = (1n << BigInt(w)) - 1n;
  const smax = (1n << BigInt(w - 1)) - 1n;
  const table: Partial<Record<CombiningKind, bigint>> = { add: 0n, mul: 1n, or: 0n, xor: 0n, and: ones, minui: ones, maxui: 0n, minsi: smax, maxsi: smax + 1n };
  return table[kind];
}

// ---- transfers ---------------------------------------------------------------------------------------------------

const constantIndex = (v: Value): number | undefined => {
  const c = constIntValue(v);
  return c === undefined ? undefined : Number(c);
};

/**
 * MLIR's foldTransferInBoundsAttribute: marks in bounds each vector dim that statically stays inside the
 * source (a static dim, a constant index, index + vector size <= dim size). Returns whether it changed.
 *
 *   vector.transfer_read %A[%c0, %c4], %p : memref<4x8xf32>, vector<4xf32>
 *     ->  vector.transfer_read %A[%c0, %c4], %p {in_bounds = [true]} : memref<4x8xf32>, vector<4xf32>
 */
function inferInBounds(op: Operation, t: VectorTransfer): boolean {
  const rank = transferRank(t);
  if (rank === 0) return false;
  const map = t.getPermutationMap();
  const sourceShape = (t.getSource().type as MemRefType | RankedTensorType).shape;
  const vectorShape = t.getVector().type.shape;
  let changed = false;
  const flags: boolean[] = [];
  for (let r = 0; r < rank; r++) {
    if (isDimInBounds(t, r)) {
      flags.push(true);
      continue;
    }
    const d = (map.getResult(r) as AffineDimExpr).position;
    const size = sourceShape[d] as number;
    const index = constantIndex(t.getIndices()[d] as Value);
    const inBounds = size >= 0 && index !== undefined && index + (vectorShape[r] as number) <= size;
    flags.push(inBounds);
    changed ||= inBounds;
  }
  if (!changed) return false;
  op.setAttr("in_bounds", ArrayAttr.get(flags.map(boolAttr)));
  return true;
}

/** Every vector dim of the transfer is in bounds (no lane is dropped or padded). */
const allInBounds = (t: VectorTransfer): boolean => Array.from({ length: transferRank(t) }, (_, r) => isDimInBounds(t, r)).every((b) => b);

/**
 * transfer_read: read-after-write forwarding on tensors (the write's vector, when the read reads what it wrote,
 * through writes to provably disjoint places), then in-bounds inference (above), and reading through a
 * memref.cast or a tensor.cast from a type at least as static (MLIR's foldMemRefCast / foldTensorCast).
 *
 *   %w = vector.transfer_write %v, %t[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>
 *   %r = vector.transfer_read %w[%c0], %p {in_bounds = [true]} : tensor<8xf32>, vector<4xf32>      ->  %v
 */
export function foldTransferRead(op: Operation): FoldResult | undefined {
  const t = asTransfer(op) as VectorTransfer;
  const w = t.getSource().definingOp;
  // Under vector.mask the masked-off lanes are not the write's: only the in-place fold applies.
  if (!isMasked(op) && t.getSource().type instanceof RankedTensorType && w?.name === "vector.transfer_write") {
    const write = asTransfer(w) as VectorTransfer;
    if (allInBounds(write) && isSameTransferAccess(write, t)) return write.getVector();
  }
  // In-bounds inference and the memref.cast / tensor.cast folds all update the op in place (several may apply).
  const inferred = inferInBounds(op, t);
  const cast = t.getSource().definingOp;
  const tensorCast = cast?.name === "tensor.cast" && castSourceIsAsStatic(cast);
  if (tensorCast) op.setOperand(0, cast.getOperand(0));
  return foldMemRefCast(op) || tensorCast || inferred ? op.getResult(0) : undefined;
}

/**
 * transfer_write: a write to a tensor of what was just read from it at the same place is the tensor itself
 * (MLIR's foldReadInitWrite), then in-bounds inference.
 *
 *   %r = vector.transfer_read %t[%c0], %p {in_bounds = [true]} : tensor<8xf32>, vector<4xf32>
 *   %w = vector.transfer_write %r, %t[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>     ->  %t
 */
export function foldTransferWrite(op: Operation): FoldResult | readonly FoldResult[] | undefined {
  const t = asTransfer(op) as VectorTransfer;
  const source = t.getSource();
  const read = t.getVector().definingOp;
  if (!isMasked(op) && source.type instanceof RankedTensorType && read?.name === "vector.transfer_read") {
    const r = asTransfer(read) as VectorTransfer;
    if (r.getSource() === source && allInBounds(r) && isSameTransferAccess(r, t)) return source;
  }
  // Folded in place: the op's own results (none when it writes a memref).
  const inferred = inferInBounds(op, t);
  return foldMemRefCast(op) || inferred ? op.results : undefined;
}

