/**
 * How tensor ops bufferize (MLIR 16's Tensor/Transforms/BufferizableOpInterfaceImpl.cpp):
 *
 *   tensor.extract %t[%i]                  ->  memref.load %m[%i]
 *   tensor.insert %f into %t[%i]           ->  memref.store %f, %m[%i]                      (in place: %m is %t's)
 *   tensor.extract_slice %t[..][..][..]    ->  memref.subview %m[..][..][..]                 (a view, no copy)
 *   tensor.insert_slice %s into %t[..]     ->  %v = memref.subview %mt[..]; memref.copy %ms, %v
 *   tensor.cast / expand_shape / collapse_shape  ->  the memref op of that name on the buffer
 *   tensor.dim / rank                      ->  memref.dim / rank
 *   tensor.from_elements                   ->  memref.alloc + one memref.store per element
 *   tensor.splat %x                        ->  memref.alloc + linalg.fill
 *   tensor.empty                           ->  an error, as in MLIR 16: run empty-tensor-to-alloc-tensor first
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { ArrayAttr, DenseArrayAttr } from "../../src/ir/attributes.ts";
import { attach, implement } from "../../src/ir/interfaces.ts";
import { DYNAMIC, IndexType, MemRefType, RankedTensorType, type Type, UnrankedMemRefType, UnrankedTensorType, i64 } from "../../src/ir/types.ts";
import { type OpOperand, OpResult, type Value } from "../../src/ir/value.ts";
import { opError } from "../../src/irdl/op-error.ts";
import type { Rewriter } from "../../src/rewrite/rewriter.ts";
import { type AnalysisState, BufferizableOpInterface, type BufferizationState } from "../../src/interfaces/bufferizable.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { dispatchMixed, mixedList } from "../../src/interfaces/view-like.ts";
import { constantInt } from "../../dialects/arith/index.ts";
import * as memref from "../../dialects/memref/index.ts";
import * as tensor from "../../dialects/tensor/index.ts";
import { buildNamedOp } from "../../dialects/linalg/index.ts";
import { ParallelOp, YieldOp as ScfYieldOp } from "../../dialects/scf/index.ts";
import { type Block, Region } from "../../src/ir/operation.ts";
import { AddIOp } from "../../dialects/arith/index.ts";
import { castable, fullyDynamicMemRef, noTensorAccess } from "./state.ts";

const i64Array = (xs: readonly number[]): DenseArrayAttr => DenseArrayAttr.get(i64, xs);

/** A subview of `buffer` taking the slice `op` describes (offsets, sizes, strides), shaped as `shape`. */
function subviewLike(rw: Rewriter, op: tensor.ExtractSliceOp | tensor.InsertSliceOp, buffer: Value, shape: readonly number[]): Value {
  const [o, s, st] = (["offsets", "sizes", "strides"] as const).map((n) => dispatchMixed(mixedList(op, n)));
  const source = buffer.type as MemRefType;
  const result = memref.inferRankReducedSubViewType(shape, source, o!.statics, s!.statics, st!.statics);
  return rw.create(memref.SubViewOp, {
    source: buffer as never,
    offsets: o!.values as never,
    sizes: s!.values as never,
    strides: st!.values as never,
    static_offsets: i64Array(o!.statics),
    static_sizes: i64Array(s!.statics),
    static_strides: i64Array(st!.statics),
    result,
  }).result;
}

const index = (rw: Rewriter, i: number): Value => constantInt(rw, IndexType.get(), i);

const hasEmptyDim = (t: Type): boolean => t instanceof MemRefType && t.shape.includes(0);

/** The sizes of an extract_slice result's dynamic dimensions (its dynamic sizes, less the dropped unit ones). */
function sliceDynamicSizes(op: tensor.ExtractSliceOp): Value[] {
  return mixedList(op, "sizes").filter((x): x is Value => typeof x !== "number");
}

export const tensorModels = [
  attach(
    tensor.CastOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => false,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: (op) => [op.getResult(0)],
      bufferRelation: () => "equivalent",
      bufferize: (op, rw, state) => {
        const buffer = state.getBuffer(rw, op.source);
        const dest = op.dest.type;
        const from = buffer.type;
        let type: Type;
        if (dest instanceof UnrankedTensorType) type = UnrankedMemRefType.get(dest.elementType);
        else if (from instanceof MemRefType) type = MemRefType.get((dest as RankedTensorType).shape, from.elementType, from.layout, from.memorySpace);
        else type = fullyDynamicMemRef((dest as RankedTensorType).shape, (dest as RankedTensorType).elementType);
        if (!castable(from, type) && !(from instanceof UnrankedMemRefType)) return opError(op, "cannot cast its buffer");
        const cast = from === type ? buffer : rw.create(memref.CastOp, { source: buffer as never, dest: type as never }).dest;
        state.replaceOpWithBufferizedValues(rw, op, [cast]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.DimOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      bufferize: (op, rw, state) => {
        const dim = rw.create(memref.DimOp, { source: state.getBuffer(rw, op.source) as never, index: op.index, result: IndexType.get() } as never).result;
        state.replaceOpWithBufferizedValues(rw, op, [dim]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.RankOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      bufferize: (op, rw, state) => {
        const rank = rw.create(memref.RankOp, { memref: state.getBuffer(rw, op.tensor) as never, result: IndexType.get() } as never).result;
        state.replaceOpWithBufferizedValues(rw, op, [rank]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.ExtractOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: () => [],
      bufferize: (op, rw, state) => {
        const load = rw.create(memref.LoadOp, { memref: state.getBuffer(rw, op.tensor) as never, indices: [...op.indices] as never, result: op.result.type });
        state.replaceOpWithBufferizedValues(rw, op, [load.result]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.InsertOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: (op, o) => o.value === op.dest,
      getAliasingOpResults: (op, o) => (o.value === op.dest ? [op.result] : []),
      bufferRelation: () => "equivalent",
      bufferize: (op, rw, state) => {
        const buffer = state.getBuffer(rw, op.dest);
        rw.create(memref.StoreOp, { value: op.scalar, memref: buffer as never, indices: [...op.indices] as never });
        state.replaceOpWithBufferizedValues(rw, op, [buffer]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.ExtractSliceOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => false,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: (op, o) => (o.value === op.source ? [op.result] : []),
      bufferize: (op, rw, state) => {
        const source = state.getBuffer(rw, op.source);
        // A static empty dimension (which no strided layout describes): the slice is empty, a new buffer will do.
        const view = hasEmptyDim(source.type) ? state.allocate(rw, op.loc, op.result.type, sliceDynamicSizes(op)) : subviewLike(rw, op, source, op.result.type.shape);
        state.replaceOpWithBufferizedValues(rw, op, [view]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.InsertSliceOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: (op, o) => o.value === op.dest,
      getAliasingOpResults: (op, o) => (o.value === op.dest ? [op.result] : []),
      bufferRelation: () => "equivalent",
      isNotConflicting: (op, read, write, state) => insertSliceNotConflicting(op, read, write, state),
      bufferize: (op, rw, state) => {
        const dest = state.getBuffer(rw, op.dest);
        const source = state.getBuffer(rw, op.source);
        if (hasEmptyDim(dest.type) || hasEmptyDim(source.type)) {
          state.replaceOpWithBufferizedValues(rw, op, [dest]);
          return undefined;
        }
        const view = subviewLike(rw, op, dest, op.source.type.shape);
        state.copy(rw, op.loc, source, view);
        state.replaceOpWithBufferizedValues(rw, op, [dest]);
        return undefined;
      },
    }),
  ),
  ...(["ExpandShapeOp", "CollapseShapeOp"] as const).map((kind) =>
    attach(
      tensor[kind] as typeof tensor.ExpandShapeOp,
      implement(BufferizableOpInterface, {
        bufferizesToMemoryRead: () => false,
        bufferizesToMemoryWrite: () => false,
        getAliasingOpResults: (op) => [op.getResult(0)],
        bufferRelation: () => "equivalent",
        bufferize: (op, rw, state) => reshape(op, rw, state, kind),
      }),
    ),
  ),
  attach(
    tensor.FromElementsOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      bufferize: (op, rw, state) => {
        const type = op.result.type as RankedTensorType;
        const buffer = state.allocate(rw, op.loc, type, []);
        const shape = type.shape;
        const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
        const constants = new Map<number, Value>();
        const c = (i: number): Value => constants.get(i) ?? (constants.set(i, index(rw, i)), constants.get(i) as Value);
        op.elements.forEach((e, k) => {
          const indices = shape.map((d, i) => c(Math.floor(k / (strides[i] as number)) % d));
          rw.create(memref.StoreOp, { value: e, memref: buffer as never, indices: indices as never });
        });
        state.replaceOpWithBufferizedValues(rw, op, [buffer]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.SplatOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      bufferize: (op, rw, state) => {
        const buffer = state.allocate(rw, op.loc, op.aggregate.type as RankedTensorType, []);
        rw.insert(buildNamedOp("linalg.fill", { inputs: [op.input], outputs: [buffer] }, op.loc));
        state.replaceOpWithBufferizedValues(rw, op, [buffer]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.GenerateOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      // MLIR 16: a new buffer, filled by an scf.parallel loop running the body (its yield becomes a store).
      bufferize: (op, rw, state) => {
        const buffer = state.allocate(rw, op.loc, op.result.type as RankedTensorType, [...op.dynamicExtents]);
        fillFromBody(rw, buffer, op.regions[0] as Region);
        state.replaceOpWithBufferizedValues(rw, op, [buffer]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.PadOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: () => [],
      // MLIR 16: a new buffer filled by the body (as tensor.generate), and the source copied into its interior.
      bufferize: (op, rw, state) => {
        const type = op.result.type as RankedTensorType;
        const source = state.getBuffer(rw, op.source);
        const low = tensor.mixedLow(op);
        const high = tensor.mixedHigh(op);
        const asValue = (x: number | Value): Value => (typeof x === "number" ? index(rw, x) : x);
        const dims = sizesOf(rw, source);
        const dynamic = type.shape.flatMap((d, i) => {
          if (d !== DYNAMIC) return [];
          const lowPlusSize = rw.create(AddIOp, { lhs: asValue(low[i] as number | Value), rhs: dims[i] } as never).getResult(0);
          return [rw.create(AddIOp, { lhs: lowPlusSize, rhs: asValue(high[i] as number | Value) } as never).getResult(0)];
        });
        const buffer = state.allocate(rw, op.loc, type, dynamic);
        fillFromBody(rw, buffer, op.regions[0] as Region);
        const sliceSizes = (source.type as MemRefType).shape.map((d, i) => (d === DYNAMIC ? (dims[i] as Value) : d));
        // A static empty dimension (which no strided layout describes): nothing to copy.
        if (hasEmptyDim(buffer.type)) {
          state.replaceOpWithBufferizedValues(rw, op, [buffer]);
          return undefined;
        }
        const o = dispatchMixed(low);
        const s = dispatchMixed(sliceSizes);
        const ones = source.type instanceof MemRefType ? source.type.shape.map(() => 1) : [];
        const viewType = memref.inferSubViewType(buffer.type as MemRefType, o.statics, s.statics, ones);
        const view = rw.create(memref.SubViewOp, {
          source: buffer as never,
          offsets: o.values as never,
          sizes: s.values as never,
          strides: [],
          static_offsets: i64Array(o.statics),
          static_sizes: i64Array(s.statics),
          static_strides: i64Array(ones),
          result: viewType,
        }).result;
        state.copy(rw, op.loc, source, view);
        state.replaceOpWithBufferizedValues(rw, op, [buffer]);
        return undefined;
      },
    }),
  ),
  attach(
    tensor.EmptyOp,
    implement(BufferizableOpInterface, {
      ...noTensorAccess,
      isMemoryWrite: () => false,
      bufferize: (op): Diagnostic => opError(op, "cannot be bufferized, but can be converted to bufferization.alloc_tensor"),
    }),
  ),
];

/** Whether two mixed index lists are the same: equal numbers, or one value (or constants of equal value). */
function sameList(a: readonly (number | Value)[], b: readonly (number | Value)[]): boolean {
  const norm = (x: number | Value): number | Value => (typeof x === "number" ? x : (constantIndexOf(x) ?? x));
  return a.length === b.length && a.every((x, i) => norm(x) === norm(b[i] as number | Value));
}

function constantIndexOf(v: Value): number | undefined {
  const c = constIntValue(v);
  return c === undefined ? undefined : Number(c);
}

/** An extract_slice of the insert_slice's destination (the same value) at the same offsets, sizes and strides. */
function matchingExtract(v: Value, insert: tensor.InsertSliceOp, state: AnalysisState): boolean {
  const e = v.definingOp;
  if (!(e instanceof tensor.ExtractSliceOp)) return false;
  if (!state.areEquivalentBufferizedValues(e.source, insert.dest)) return false;
  return (["offsets", "sizes", "strides"] as const).every((n) => sameList(mixedList(e, n), mixedList(insert, n)));
}

/** Whether every value `v` comes from, back through ops that alias, is a matching extract_slice (MLIR's hasMatchingExtractSliceOp). */
function fromMatchingExtract(v: Value, insert: tensor.InsertSliceOp, state: AnalysisState): boolean {
  const work = [v];
  const seen = new Set<Value>();
  while (work.length > 0) {
    const x = work.pop() as Value;
    if (seen.has(x)) continue;
    seen.add(x);
    if (matchingExtract(x, insert, state)) continue;
    const operands = x instanceof OpResult ? state.getAliasingOpOperands(x) : [];
    if (operands.length === 0) return false;
    for (const o of operands) work.push(o.value);
  }
  return true;
}

/**
 * MLIR 16's rule for an insert_slice of what was computed in an extract_slice of the same place: writing that
 * slice does not clobber what the insert reads of its destination (the rest), and writing the destination with
 * the very data the slice holds is no write.
 *
 *   %0 = tensor.extract_slice %t[%a][%c][1]
 *   %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<?xf32>) -> tensor<?xf32>
 *   %2 = tensor.insert_slice %1 into %t[%a][%c][1]
 */
function insertSliceNotConflicting(op: tensor.InsertSliceOp, read: OpOperand, write: OpOperand, state: AnalysisState): boolean {
  if (read.owner === op) {
    if (read.value === op.dest && read.index === 1 && fromMatchingExtract(write.value, op, state)) return true;
    if (read.index === 0 && write.owner === op && write.index === 1 && fromMatchingExtract(read.value, op, state)) return true;
  }
  if (write.owner === op && write.index === 1 && state.areEquivalentBufferizedValues(read.value, op.source) && fromMatchingExtract(op.source, op, state)) return true;
  return false;
}

/** The size of each dimension of a buffer: a constant, or memref.dim where it is dynamic. */
function sizesOf(rw: Rewriter, buffer: Value): Value[] {
  const type = buffer.type as MemRefType;
  return type.shape.map((d, i) => (d === DYNAMIC ? rw.create(memref.DimOp, { source: buffer as never, index: index(rw, i) as never, result: IndexType.get() } as never).result : index(rw, d)));
}

/**
 * Fills `buffer` by running a generate-like body (block arguments: the indices; `tensor.yield` of the element)
 * at every index, in an scf.parallel loop (MLIR 16's lowerGenerateLikeOpBody). The body is moved, not copied.
 */
function fillFromBody(rw: Rewriter, buffer: Value, body: Region): void {
  const block = body.entry as Block;
  const zero = index(rw, 0);
  const one = index(rw, 1);
  const dims = sizesOf(rw, buffer);
  const region = new Region();
  region.takeBody(body);
  const parallel = rw.create(ParallelOp, { lowerBound: dims.map(() => zero), upperBound: dims, step: dims.map(() => one), initVals: [], values: [], region } as never);
  const yieldOp = block.terminator as tensor.YieldOp;
  rw.setInsertionPointBefore(yieldOp);
  rw.create(memref.StoreOp, { value: yieldOp.value, memref: buffer as never, indices: [...block.args] as never });
  rw.replaceOpWithNew(yieldOp, ScfYieldOp, { values: [] } as never);
  rw.setInsertionPointAfter(parallel);
}

/** expand_shape / collapse_shape on the buffer; a collapse of a non-contiguous view first copies it. */
function reshape(op: tensor.ExpandShapeOp | tensor.CollapseShapeOp, rw: Rewriter, state: BufferizationState, kind: "ExpandShapeOp" | "CollapseShapeOp"): Diagnostic | undefined {
  let buffer = state.getBuffer(rw, op.getOperand(0));
  const reassociation = tensor.reassociationOf(op.attr("reassociation") as ArrayAttr);
  const shape = (op.getResult(0).type as RankedTensorType).shape;
  let source = buffer.type as MemRefType;
  let type = kind === "ExpandShapeOp" ? memref.expandedType(source, shape, reassociation) : memref.collapsedType(source, reassociation);
  if (type === undefined || (kind === "CollapseShapeOp" && memref.collapsedStrides(source, reassociation, true) === undefined && source.layout !== undefined)) {
    buffer = state.allocateCopy(rw, op.loc, buffer);
    source = buffer.type as MemRefType;
    type = kind === "ExpandShapeOp" ? memref.expandedType(source, shape, reassociation) : memref.collapsedType(source, reassociation);
  }
  if (type === undefined) return opError(op, "cannot reshape its buffer");
  const def = (kind === "ExpandShapeOp" ? memref.ExpandShapeOp : memref.CollapseShapeOp) as typeof memref.ExpandShapeOp;
  const result = rw.create(def, { src: buffer as never, reassociation: op.attr("reassociation") as never, result: type as never } as never).getResult(0);
  state.replaceOpWithBufferizedValues(rw, op, [result]);
  return undefined;
}
