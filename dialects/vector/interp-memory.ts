/**
 * Interpreter semantics of the vector ops that read and write memrefs and tensors:
 *
 * - `transfer_read` / `transfer_write`, with MLIR's rules: vector dim r walks the source dim its permutation
 *   map names (or repeats, for a broadcast dim). On a dim not marked in bounds, a lane whose index falls
 *   outside the source reads the padding (read) or is dropped (write); on a dim marked `in_bounds`, such a lane
 *   is undefined behaviour, reported by the memref access itself. A masked-off lane (the mask operand, or the
 *   enclosing `vector.mask`) does not touch memory and reads the padding, or the `vector.mask` passthru. The
 *   indices of source dims the vector does not span must be in bounds. A tensor destination gives a new tensor.
 * - `load` / `store`: the vector's dims are the innermost source dims, all in bounds (else undefined behaviour).
 * - `maskedload` / `maskedstore` / `gather` / `scatter` / `expandload` / `compressstore`: only set lanes touch
 *   memory (an out-of-bounds set lane is undefined behaviour); `gather` / `scatter` offset the innermost index
 *   by each lane's index; `scatter` writes lanes in order (the last write to an address wins); expand / compress
 *   read or write consecutive elements for the set lanes.
 * Memrefs whose elements are vectors (`vector.type_cast`'s results) are not supported by the runtime.
 */
import { invalidIR, ub, unsupported } from "../../src/interp/errors.ts";
import { type MemRefValue, positionOf } from "../../src/interp/memref.ts";
import { type InterpContext, type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import { type Element, type RuntimeValue, type ShapedValue, shapedFromBuffer } from "../../src/interp/values.ts";
import { AffineConstantExpr, AffineDimExpr } from "../../src/ir/affine-expr.ts";
import { compressUnusedDims, inversePermutation } from "../../src/ir/affine-map.ts";
import { RankedTensorType, type Type } from "../../src/ir/types.ts";
import { asTransfer, isDimInBounds, type VectorTransfer } from "../../src/interfaces/vector-transfer.ts";
import { activeMask } from "./interp-compute.ts";
import { asVector, bufferFor, flatIndex, indexOf, scalarElement, stridesOf, unflatten, vectorResult } from "./interp-util.ts";
import {
  CompressStoreOp,
  ExpandLoadOp,
  GatherOp,
  LoadOp,
  MaskedLoadOp,
  MaskedStoreOp,
  ScatterOp,
  StoreOp,
  TypeCastOp,
} from "./ops-memory.ts";
import { TransferReadOp, TransferWriteOp } from "./ops-transfer.ts";

// ---- memory and tensors alike -----------------------------------------------------------------------------------

/** Element access to a memref view or a tensor value, bounds-checked (out of bounds is undefined behaviour). */
interface Elements {
  readonly shape: readonly number[];
  get(indices: readonly number[]): Element;
}

function elementsOf(v: RuntimeValue | undefined, what: string): Elements {
  if (v?.kind === "memref") return { shape: v.shape, get: (idx) => v.allocation.buffer.get(positionOf(v, idx, "read")) };
  if (v?.kind === "shaped") {
    const strides = stridesOf(v.shape);
    return {
      shape: v.shape,
      get: (idx) => {
        idx.forEach((i, d) => {
          if (!(i >= 0 && i < (v.shape[d] as number))) ub(`out-of-bounds read of a tensor: index ${i} of dimension ${d} (size ${v.shape[d]})`);
        });
        return v.elements.get(flatIndex(idx, strides));
      },
    };
  }
  return invalidIR(`expected a memref or tensor ${what}`);
}

function memrefOf(v: RuntimeValue | undefined): MemRefValue {
  if (v?.kind !== "memref") return invalidIR("expected a memref operand");
  return v;
}

const storeAt = (m: MemRefValue, idx: readonly number[], e: Element): void => m.allocation.buffer.set(positionOf(m, idx, "write"), e);

const on = (mask: ShapedValue | undefined, i: number): boolean => mask === undefined || mask.elements.get(i) !== 0n;

// ---- transfers -------------------------------------------------------------------------------------------------

/** How lane `v` of a transfer maps to the source, and whether it is masked off. */
interface TransferLane {
  /** Source indices of the lane. */
  readonly indices: number[];
  /** The lane lies outside the source on a dim not marked in bounds. */
  readonly outOfBounds: boolean;
}

/** The geometry of a transfer: for each lane (row-major over the vector), its source indices and mask position. */
function transferGeometry(t: VectorTransfer, starts: readonly number[], sourceShape: readonly number[]) {
  const map = t.getPermutationMap();
  const vectorShape = t.getVector().type.shape;
  const rank = map.numResults;
  // The mask is indexed by the vector dims in source-dim order (inferTransferMaskType).
  const inverse = inversePermutation(compressUnusedDims(map));
  const maskDims = inverse === undefined ? [] : inverse.results.map((e) => (e instanceof AffineDimExpr ? e.position : -1));
  const maskShape = maskDims.map((d) => (d < 0 ? 1 : (vectorShape[d] as number)));
  const maskStrides = stridesOf(maskShape);
  const inBounds = Array.from({ length: rank }, (_, r) => isDimInBounds(t, r));
  const lane = (v: readonly number[]): TransferLane => {
    const indices = [...starts];
    let outOfBounds = false;
    for (let r = 0; r < rank; r++) {
      const e = map.getResult(r);
      if (e instanceof AffineConstantExpr) continue;
      const d = (e as AffineDimExpr).position;
      indices[d] = (indices[d] as number) + (v[r] as number);
      const i = indices[d] as number;
      if (!inBounds[r] && !(i >= 0 && i < (sourceShape[d] as number))) outOfBounds = true;
    }
    return { indices, outOfBounds };
  };
  const maskIndex = (v: readonly number[]): number => flatIndex(maskDims.map((d) => (d < 0 ? 0 : (v[d] as number))), maskStrides);
  return { vectorShape, lane, maskIndex };
}

function checkScalarElements(source: Type): void {
  const e = (source as { elementType?: Type }).elementType;
  if (e !== undefined && e.constructor.name === "VectorType") unsupported("transfers of memrefs or tensors of vectors");
}

function transferRead(op: TransferReadOp, args: readonly RuntimeValue[], ctx: InterpContext): RuntimeValue {
  checkScalarElements(op.source.type);
  const t = asTransfer(op) as VectorTransfer;
  const source = elementsOf(args[0], "source");
  const starts = op.indices.map((_, i) => indexOf(args[1 + i]));
  const padding = scalarElement(args[1 + op.indices.length]);
  const maskOperand = op.mask === undefined ? undefined : asVector(args[2 + op.indices.length]);
  const frame = activeMask(op, ctx);
  const mask = maskOperand ?? frame?.mask;
  const passthru = frame?.passthru?.kind === "shaped" ? frame.passthru : undefined;
  const { vectorShape, lane, maskIndex } = transferGeometry(t, starts, source.shape);
  const type = op.vector.type;
  const out = bufferFor(type);
  for (let i = 0; i < out.length; i++) {
    const v = unflatten(i, vectorShape);
    if (!on(mask, maskIndex(v))) {
      out.set(i, passthru === undefined ? padding : passthru.elements.get(i));
      continue;
    }
    const l = lane(v);
    out.set(i, l.outOfBounds ? padding : source.get(l.indices));
  }
  return vectorResult(type, out);
}

function transferWrite(op: TransferWriteOp, args: readonly RuntimeValue[], ctx: InterpContext): readonly RuntimeValue[] {
  checkScalarElements(op.source.type);
  const t = asTransfer(op) as VectorTransfer;
  const vector = asVector(args[0]);
  const destArg = args[1];
  if (destArg?.kind !== "memref" && destArg?.kind !== "shaped") return invalidIR("expected a memref or tensor destination");
  const dest = destArg;
  const starts = op.indices.map((_, i) => indexOf(args[2 + i]));
  const maskOperand = op.mask === undefined ? undefined : asVector(args[2 + op.indices.length]);
  const mask = maskOperand ?? activeMask(op, ctx)?.mask;
  const { vectorShape, lane, maskIndex } = transferGeometry(t, starts, dest.shape);
  let write: (idx: readonly number[], e: Element) => void;
  let result: ShapedValue | undefined;
  if (dest.kind === "memref") {
    write = (idx, e) => storeAt(dest, idx, e);
  } else {
    const buffer = dest.elements.clone();
    const strides = stridesOf(dest.shape);
    write = (idx, e) => {
      idx.forEach((x, d) => {
        if (!(x >= 0 && x < (dest.shape[d] as number))) ub(`out-of-bounds write of a tensor: index ${x} of dimension ${d} (size ${dest.shape[d]})`);
      });
      buffer.set(flatIndex(idx, strides), e);
    };
    result = shapedFromBuffer(op.source.type as RankedTensorType, buffer, dest.shape);
  }
  for (let i = 0; i < vector.elements.length; i++) {
    const v = unflatten(i, vectorShape);
    if (!on(mask, maskIndex(v))) continue;
    const l = lane(v);
    if (!l.outOfBounds) write(l.indices, vector.elements.get(i));
  }
  return result === undefined ? [] : [result];
}

// ---- contiguous, masked, gathering ---------------------------------------------------------------------------

/** Source indices of lane `v` of a load/store: the vector's dims are the innermost source dims. */
function innermost(starts: readonly number[], v: readonly number[]): number[] {
  const idx = [...starts];
  const lead = idx.length - v.length;
  v.forEach((x, k) => (idx[lead + k] = (idx[lead + k] as number) + x));
  return idx;
}

/** Source indices of 1-D lane `i` at `offset` elements along the innermost dim. */
const along = (starts: readonly number[], offset: number): number[] =>
  starts.map((s, d) => (d === starts.length - 1 ? s + offset : s));

const indicesOf = (args: readonly RuntimeValue[], from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => indexOf(args[from + i]));

/** Where set lane `i` goes along the innermost dim: from its number, its index-vector entry, or the set lanes before it. */
type LaneOffset = (lane: number, indexEntry: number, setBefore: number) => number;

/** The lanes of a 1-D masked read (maskedload, gather, expandload): set lanes read memory, the others pass_thru. */
function maskedRead(type: Type, args: readonly RuntimeValue[], n: number, indexed: boolean, offset: LaneOffset): RuntimeValue {
  const base = elementsOf(args[0], "base");
  const starts = indicesOf(args, 1, n);
  const k = 1 + n + (indexed ? 1 : 0);
  const offsets = indexed ? asVector(args[1 + n]) : undefined;
  const mask = asVector(args[k]);
  const out = asVector(args[k + 1]).elements.clone();
  let count = 0;
  for (let i = 0; i < out.length; i++) {
    if (!on(mask, i)) continue;
    out.set(i, base.get(along(starts, offset(i, Number(offsets?.elements.get(i) ?? 0), count++))));
  }
  return vectorResult(type, out);
}

/** The lanes of a 1-D masked write (maskedstore, scatter, compressstore): only set lanes write, in order. */
function maskedWrite(args: readonly RuntimeValue[], n: number, indexed: boolean, offset: LaneOffset): RuntimeValue[] {
  const base = memrefOf(args[0]);
  const starts = indicesOf(args, 1, n);
  const k = 1 + n + (indexed ? 1 : 0);
  const offsets = indexed ? asVector(args[1 + n]) : undefined;
  const mask = asVector(args[k]);
  const value = asVector(args[k + 1]);
  let count = 0;
  for (let i = 0; i < value.elements.length; i++) {
    if (!on(mask, i)) continue;
    storeAt(base, along(starts, offset(i, Number(offsets?.elements.get(i) ?? 0), count++)), value.elements.get(i));
  }
  return [];
}

export const memoryInterpretations: readonly InterpretationEntry[] = [
  interpretation(TransferReadOp, (op, args, ctx) => [transferRead(op, args, ctx)]),
  interpretation(TransferWriteOp, (op, args, ctx) => transferWrite(op, args, ctx)),

  interpretation(LoadOp, (op, args) => {
    const base = elementsOf(args[0], "base");
    const starts = indicesOf(args, 1, op.indices.length);
    const type = op.result.type;
    const out = bufferFor(type);
    for (let i = 0; i < out.length; i++) out.set(i, base.get(innermost(starts, unflatten(i, type.shape))));
    return [vectorResult(type, out)];
  }),

  interpretation(StoreOp, (op, args) => {
    const value = asVector(args[0]);
    const base = memrefOf(args[1]);
    const starts = indicesOf(args, 2, op.indices.length);
    for (let i = 0; i < value.elements.length; i++) storeAt(base, innermost(starts, unflatten(i, value.shape)), value.elements.get(i));
    return [];
  }),

  // The 1-D masked ops: the operands after the base are its indices, then (gather / scatter) the index vector,
  // then the mask, then the pass_thru or the value to store. `offset` says where set lane i goes along the
  // innermost dim: i (masked), the lane's index (gather / scatter), or the count of set lanes before it (expand /
  // compress).
  interpretation(MaskedLoadOp, (op, args) => [maskedRead(op.result.type, args, op.indices.length, false, (i) => i)]),
  interpretation(MaskedStoreOp, (op, args) => maskedWrite(args, op.indices.length, false, (i) => i)),
  interpretation(GatherOp, (op, args) => [maskedRead(op.result.type, args, op.indices.length, true, (_, offset) => offset)]),
  interpretation(ScatterOp, (op, args) => maskedWrite(args, op.indices.length, true, (_, offset) => offset)),
  interpretation(ExpandLoadOp, (op, args) => [maskedRead(op.result.type, args, op.indices.length, false, (_, __, count) => count)]),
  interpretation(CompressStoreOp, (op, args) => maskedWrite(args, op.indices.length, false, (_, __, count) => count)),

  interpretation(TypeCastOp, () => unsupported("memrefs of vectors (vector.type_cast's results) are not supported by the interpreter")),
];

