/**
 * What the ops' `bufferize` implementations build buffers with (MLIR 16's BufferizationOptions and the helpers
 * of Bufferize.cpp): the buffer of a tensor value, new allocations (remembered, so that the pass frees each one
 * once it dies), copies, and the to_tensor glue that lets the rest of the IR keep using tensors until it too
 * is bufferized.
 *
 *   %t = ... : tensor<4xf32>                          (an op bufferized to the buffer %m)
 *   ->  %t = bufferization.to_tensor %m : memref<4xf32>
 *   a later op asks getBuffer(%t) and gets %m itself; to_tensor ops left without uses are erased at the end.
 */
import type { Location } from "../../src/ir/location.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { IntegerAttr, StridedLayoutAttr } from "../../src/ir/attributes.ts";
import { DYNAMIC, i64, IndexType, MemRefType, RankedTensorType, type Type, UnrankedMemRefType, UnrankedTensorType } from "../../src/ir/types.ts";
import type { BlockArgument, OpResult, Value } from "../../src/ir/value.ts";
import type { Rewriter } from "../../src/rewrite/rewriter.ts";
import { type BufferizationState, isTensorType } from "../../src/interfaces/bufferizable.ts";
import { constantInt } from "../../dialects/arith/index.ts";
import { ToMemrefOp, ToTensorOp } from "../../dialects/bufferization/index.ts";
import { AllocOp, CastOp as MemRefCastOp, CopyOp, DimOp as MemRefDimOp } from "../../dialects/memref/index.ts";
import type { OneShotAnalysis } from "./analysis.ts";

/** The op holding `op` that has no parent (the module). */
export const topLevel = (op: Operation): Operation => {
  let top = op;
  while (top.parentOp !== undefined) top = top.parentOp;
  return top;
};

/** The queries of an op that neither reads nor writes its tensor operands' contents, nor aliases them. */
export const noTensorAccess = {
  bufferizesToMemoryRead: (): boolean => false,
  bufferizesToMemoryWrite: (): boolean => false,
  getAliasingOpResults: (): readonly never[] => [],
} as const;

/** The buffers' alignment (MLIR 16's default BufferizationOptions::bufferAlignment): what AVX512 loads want. */
export const BUFFER_ALIGNMENT = 64;

/** How memref layouts are chosen where they cannot be inferred (MLIR's LayoutMapOption). */
export type LayoutMapOption = "infer-layout-map" | "identity-layout-map" | "fully-dynamic-layout-map";

/** `memref<...xT, strided<[?, ...], offset: ?>>`: any strided view of a tensor's shape. */
export function fullyDynamicMemRef(shape: readonly number[], elementType: Type): MemRefType {
  return MemRefType.get(shape, elementType, StridedLayoutAttr.get(DYNAMIC, shape.map(() => DYNAMIC)));
}

/** The memref type of a tensor type under a layout option (identity, or fully dynamic for the other two). */
export function memrefTypeFor(type: Type, layout: LayoutMapOption): MemRefType | UnrankedMemRefType {
  if (type instanceof UnrankedTensorType) return UnrankedMemRefType.get(type.elementType);
  const t = type as RankedTensorType;
  return layout === "identity-layout-map" ? MemRefType.get(t.shape, t.elementType) : fullyDynamicMemRef(t.shape, t.elementType);
}

/** Whether a memref.cast from `from` to `to` is valid (same shape where static, a layout at least as dynamic). */
export function castable(from: Type, to: Type): boolean {
  if (!(from instanceof MemRefType) || !(to instanceof MemRefType)) return from instanceof MemRefType && to instanceof UnrankedMemRefType;
  if (from.elementType !== to.elementType || from.rank !== to.rank) return false;
  if (!from.shape.every((d, i) => d === to.shape[i] || d === DYNAMIC || to.shape[i] === DYNAMIC)) return false;
  if (to.layout === undefined) return from.layout === undefined;
  if (!(to.layout instanceof StridedLayoutAttr)) return false;
  const target = to.layout;
  if (from.layout === undefined) {
    // identity -> strided: the identity strides must fit the target's static ones.
    let stride = 1;
    const strides: number[] = [];
    for (let i = from.rank - 1; i >= 0; i--) {
      strides[i] = stride;
      const d = from.shape[i] as number;
      stride = d === DYNAMIC || stride === DYNAMIC ? DYNAMIC : stride * d;
    }
    return (target.offset === DYNAMIC || target.offset === 0) && target.strides.every((s, i) => s === DYNAMIC || s === strides[i]);
  }
  if (!(from.layout instanceof StridedLayoutAttr)) return false;
  const source = from.layout;
  return (target.offset === DYNAMIC || target.offset === source.offset) && target.strides.every((s, i) => s === DYNAMIC || s === source.strides[i]);
}

export interface StateOptions {
  /** The layout of buffers of values bufferization does not produce (unknown ops, block arguments it does not own). */
  readonly unknownTypeConversion: LayoutMapOption;
  /** The layout of function arguments and results, when function boundaries are bufferized. */
  readonly functionBoundaryTypeConversion: LayoutMapOption;
}

/** MLIR's BufferizationOptions with the analysis' answers: what `bufferize` implementations see. */
export class OneShotState implements BufferizationState {
  /** The allocations the pass made (and the buffers calls return, which the caller owns): freed when they die. */
  readonly owned = new Set<Value>();
  /** Statistics. */
  numAllocs = 0;
  /** The to_memref made for each tensor value bufferization did not produce. */
  readonly #toMemrefs = new Map<Value, Value>();

  constructor(
    readonly analysis: OneShotAnalysis,
    readonly options: StateOptions,
  ) {}

  bufferizesToMemoryRead = (o: Parameters<OneShotAnalysis["bufferizesToMemoryRead"]>[0]): boolean => this.analysis.bufferizesToMemoryRead(o);
  bufferizesToMemoryWrite = (o: Parameters<OneShotAnalysis["bufferizesToMemoryWrite"]>[0]): boolean => this.analysis.bufferizesToMemoryWrite(o);
  getAliasingOpResults = (o: Parameters<OneShotAnalysis["getAliasingOpResults"]>[0]): readonly OpResult[] => this.analysis.getAliasingOpResults(o);
  getAliasingOpOperands = (r: OpResult): ReturnType<OneShotAnalysis["getAliasingOpOperands"]> => this.analysis.getAliasingOpOperands(r);
  isInPlace = (o: Parameters<OneShotAnalysis["isInPlace"]>[0]): boolean => this.analysis.isInPlace(o);
  areEquivalentBufferizedValues = (a: Value, b: Value): boolean => this.analysis.areEquivalentBufferizedValues(a, b);
  isValueRead = (v: Value): boolean => this.analysis.isValueRead(v);

  getBuffer(rw: Rewriter, value: Value): Value {
    if (!isTensorType(value.type)) return value;
    const def = value.definingOp;
    if (def instanceof ToTensorOp) return def.memref;
    // A value bufferization did not produce: to_memref right after its definition (once: it dominates every use).
    const type = this.getBufferType(value);
    const known = this.#toMemrefs.get(value);
    if (known !== undefined && known.parentBlock !== undefined && known.definingOp?.parent !== undefined) return known;
    const made = rw.at(
      def === undefined ? atStartOf((value as BlockArgument).owner) : afterOp(def),
      () => rw.create(ToMemrefOp, { tensor: value as never, memref: type as never }).memref,
      def?.loc,
    );
    this.#toMemrefs.set(value, made);
    return made;
  }

  getBufferType(value: Value): MemRefType {
    const def = value.definingOp;
    if (def instanceof ToTensorOp) return def.memref.type as MemRefType;
    return memrefTypeFor(value.type, this.options.unknownTypeConversion) as MemRefType;
  }

  allocate(rw: Rewriter, loc: Location, type: RankedTensorType, dynamicSizes: readonly Value[]): Value {
    const alloc = rw.withLoc(loc, () =>
      rw.create(AllocOp, {
        dynamicSizes: dynamicSizes as never,
        symbolOperands: [],
        memref: MemRefType.get(type.shape, type.elementType),
        alignment: IntegerAttr.get(i64, BUFFER_ALIGNMENT) as never,
      }),
    );
    this.owned.add(alloc.memref);
    this.numAllocs++;
    return alloc.memref;
  }

  /** The sizes of `buffer`'s dynamic dimensions, as memref.dim ops. */
  dynamicSizesOf(rw: Rewriter, loc: Location, buffer: Value): Value[] {
    const type = buffer.type as MemRefType;
    const sizes: Value[] = [];
    rw.withLoc(loc, () => {
      type.shape.forEach((d, i) => {
        if (d !== DYNAMIC) return;
        const index = constantInt(rw, IndexType.get(), i);
        sizes.push(rw.create(MemRefDimOp, { source: buffer as never, index, result: IndexType.get() } as never).result);
      });
    });
    return sizes;
  }

  allocateCopy(rw: Rewriter, loc: Location, buffer: Value): Value {
    const type = buffer.type as MemRefType;
    const alloc = this.allocate(rw, loc, RankedTensorType.get(type.shape, type.elementType), this.dynamicSizesOf(rw, loc, buffer));
    this.copy(rw, loc, buffer, alloc);
    return alloc;
  }

  copy(rw: Rewriter, loc: Location, from: Value, to: Value): void {
    rw.withLoc(loc, () => rw.create(CopyOp, { source: from as never, target: to as never }));
  }

  /** A memref type both `a` and `b` cast to: the same shape, dynamic where they differ, and a fully dynamic layout. */
  commonType(a: Type, b: Type): Type {
    if (a === b) return a;
    if (!(a instanceof MemRefType) || !(b instanceof MemRefType)) return a;
    const shape = a.shape.map((d, i) => (d === b.shape[i] ? d : DYNAMIC));
    const plain = MemRefType.get(shape, a.elementType);
    if (a.layout === undefined && b.layout === undefined) return plain;
    return fullyDynamicMemRef(shape, a.elementType);
  }

  /** `buffer` as a memref of `type`: itself, a memref.cast, or (when no cast is valid) a copy. */
  castOrCopy(rw: Rewriter, loc: Location, buffer: Value, type: Type): Value {
    if (buffer.type === type) return buffer;
    if (castable(buffer.type, type)) return rw.withLoc(loc, () => rw.create(MemRefCastOp, { source: buffer as never, dest: type as never }).dest);
    const copy = this.allocateCopy(rw, loc, buffer);
    return copy.type === type ? copy : rw.withLoc(loc, () => rw.create(MemRefCastOp, { source: copy as never, dest: type as never }).dest);
  }

  replaceOpWithBufferizedValues(rw: Rewriter, op: Operation, values: readonly Value[]): void {
    const replacements = op.results.map((r, i) => {
      const v = values[i] as Value;
      if (!isTensorType(r.type)) return v;
      return rw.withLoc(op.loc, () => rw.create(ToTensorOp, { memref: v as never, result: r.type as never }).result);
    });
    rw.replaceOp(op, replacements);
  }

  tensorViewOfBlockArgument(rw: Rewriter, arg: BlockArgument, tensorType: Type): Value {
    const uses = [...arg.uses()];
    const view = rw.at(atStartOf(arg.owner), () => rw.create(ToTensorOp, { memref: arg as never, result: tensorType as never }).result);
    for (const u of uses) u.set(view);
    return view;
  }
}

const atStartOf = (block: Block): InsertionPoint => InsertionPoint.atStart(block);
const afterOp = (op: Operation): InsertionPoint => InsertionPoint.after(op);
