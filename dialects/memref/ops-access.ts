/**
 * The memref ops that read and write elements: `load`, `store`, atomics (`atomic_rmw`, `generic_atomic_rmw`
 * with its `atomic_yield`), whole-buffer `copy` and `tensor_store`, and the hints `prefetch`,
 * `assume_alignment`, `dma_start` / `dma_wait`.
 *
 *   %v = memref.load %m[%i, %j] : memref<4x8xf32>
 *   memref.store %v, %m[%i, %j] : memref<4x8xf32>
 *   %old = memref.atomic_rmw addf %v, %m[%i] : (f32, memref<8xf32>) -> f32
 *   %x = memref.generic_atomic_rmw %m[%i] : memref<8xf32> { ^bb0(%cur: f32): ... memref.atomic_yield %new : f32 }
 *   memref.copy %a, %b : memref<4xf32> to memref<4xf32, strided<[2]>>
 *   memref.prefetch %m[%i], read, locality<3>, data : memref<8xf32>
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { boolAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import { HasParent, Pure, Terminator } from "../../src/ir/traits.ts";
import { FloatType, IndexType, IntegerType, MemRefType, type Type, UnrankedMemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyTensor, AnyType, BoolAttrC, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opEmitError, opError, quotedType } from "../../src/irdl/op-error.ts";
import { region, variadic } from "../../src/irdl/spec.ts";
import { isMemoryEffectFree } from "../../src/interfaces/side-effect-queries.ts";
import { effect, type MemoryEffect, MemoryEffectOpInterface, Resource } from "../../src/interfaces/side-effects.ts";
import type { OpAsmPrinter } from "../../src/text/asm-interfaces.ts";
import { AtomicRMWKind } from "../arith/attrs.ts";
import {
  AnyMemRefC,
  AnyRankedOrUnrankedMemRef,
  IntOrFloat,
  IntOrFloatMemRef,
  LocalityHintAttr,
  PositiveI32Attr,
} from "./constraints.ts";
import { castOnlyLosesStaticInfo, foldMemRefCast } from "./fold-cast.ts";
import { tensorTypeOf } from "./layout.ts";

const elementTypeOf = (t: Type): Type | undefined => (t instanceof MemRefType ? t.elementType : undefined);
const isPowerOf2 = (n: bigint): boolean => n > 0n && (n & (n - 1n)) === 0n;

const readsAndWrites = (...effects: MemoryEffect[]): readonly MemoryEffect[] => effects;

/** `%m[%i, %j]`, as the hand-written forms spell an element of a memref. */
function printIndexed(p: OpAsmPrinter, memref: Value, indices: readonly Value[]): void {
  p.printOperand(memref);
  p.print("[");
  p.printOperands(indices);
  p.print("]");
}

// ---- load / store ----------------------------------------------------------------------------------------------

/** `memref.load`: the element at `indices`. */
export const LoadOp = defineOp(
  {
    name: "memref.load",
    summary: "load operation",
    operands: { memref: AnyMemRefC, indices: variadic(Index) },
    results: { result: AnyType },
    typesMatchWith: [{ from: "memref", to: "result", transform: elementTypeOf, summary: "result type matches element type of 'memref'" }],
    format: "$memref `[` $indices `]` attr-dict `:` type($memref)",
  },
  {
    verify: (op) => (op.indices.length !== op.memref.type.rank ? opError(op, "incorrect number of indices for load") : undefined),
    fold: (op) => (foldMemRefCast(op) ? op.result : undefined),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.memref)] })],
  },
);
export type LoadOp = InstanceType<typeof LoadOp>;

/** `memref.store`: writes `value` at `indices`. */
export const StoreOp = defineOp(
  {
    name: "memref.store",
    summary: "store operation",
    operands: { value: AnyType, memref: AnyMemRefC, indices: variadic(Index) },
    typesMatchWith: [{ from: "memref", to: "value", transform: elementTypeOf, summary: "type of 'value' matches element type of 'memref'" }],
    format: "$value `,` $memref `[` $indices `]` attr-dict `:` type($memref)",
  },
  {
    verify: (op) => (op.indices.length !== op.memref.type.rank ? opError(op, "store index operand count not equal to memref rank") : undefined),
    fold: (op) => (foldMemRefCast(op, op.value) ? [] : undefined),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("write", op.memref)] })],
  },
);
export type StoreOp = InstanceType<typeof StoreOp>;

// ---- atomics ---------------------------------------------------------------------------------------------------

const FLOAT_KINDS = new Set(["addf", "maxf", "minf", "mulf"]);
const INT_KINDS = new Set(["addi", "maxs", "maxu", "mins", "minu", "muli", "ori", "andi"]);

/** `memref.atomic_rmw`: atomically combines `value` into the element (by `kind`) and returns the old element. */
export const AtomicRMWOp = defineOp(
  {
    name: "memref.atomic_rmw",
    summary: "atomic read-modify-write operation",
    operands: { value: IntOrFloat, memref: IntOrFloatMemRef, indices: variadic(Index) },
    attributes: { kind: AtomicRMWKind.constraint("kind") },
    results: { result: IntOrFloat },
    allTypesMatch: [["value", "result"]],
    typesMatchWith: [{ from: "memref", to: "value", transform: elementTypeOf, summary: "value type matches element type of memref" }],
    format: "$kind $value `,` $memref `[` $indices `]` attr-dict `:` `(` type($value) `,` type($memref) `)` `->` type($result)",
  },
  {
    verify: (op) => {
      if (op.memref.type.rank !== op.indices.length) return opError(op, "expects the number of subscripts to be equal to memref rank");
      const kind = AtomicRMWKind.caseOf(op.kind);
      if (kind !== undefined && FLOAT_KINDS.has(kind) && !(op.value.type instanceof FloatType)) {
        return opError(op, `with kind '${kind}' expects a floating-point type`);
      }
      if (kind !== undefined && INT_KINDS.has(kind) && !(op.value.type instanceof IntegerType)) {
        return opError(op, `with kind '${kind}' expects an integer type`);
      }
      return undefined;
    },
    fold: (op) => (foldMemRefCast(op, op.value) ? op.result : undefined),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => readsAndWrites(effect("read", op.memref), effect("write", op.memref)) })],
  },
);
export type AtomicRMWOp = InstanceType<typeof AtomicRMWOp>;

/** `memref.atomic_yield`: the new element a `generic_atomic_rmw` body computed. */
export const AtomicYieldOp = defineOp(
  {
    name: "memref.atomic_yield",
    summary: "yield operation for GenericAtomicRMWOp",
    operands: { result: AnyType },
    traits: [HasParent("memref.generic_atomic_rmw"), Pure, Terminator],
    format: "$result attr-dict `:` type($result)",
  },
  {
    verify: (op) => {
      const parentType = op.parentOp?.resultTypes[0];
      if (parentType === undefined || parentType === op.result.type) return undefined;
      return opError(op, `types mismatch between yield op: ${quotedType(op.result.type)} and its parent: ${quotedType(parentType)}`);
    },
  },
);
export type AtomicYieldOp = InstanceType<typeof AtomicYieldOp>;

/** MLIR's check that a generic_atomic_rmw body has no side effects: the first offending nested op's error. */
function firstEffectfulOp(body: Region): Operation | undefined {
  let found: Operation | undefined;
  body.walk((nested) => {
    if (isMemoryEffectFree(nested)) return undefined;
    found = nested;
    return "interrupt";
  });
  return found;
}

/**
 * `memref.generic_atomic_rmw`: atomically replaces the element with what its body computes from the current
 * one (the body's one argument). MLIR 16 hand-writes its syntax: `%m[%i] : memref<8xf32> { ... }`.
 */
export const GenericAtomicRMWOp = defineOp(
  {
    name: "memref.generic_atomic_rmw",
    summary: "atomic read-modify-write operation with a region",
    operands: { memref: IntOrFloatMemRef, indices: variadic(Index) },
    results: { result: IntOrFloat },
    regions: { atomic_body: region() },
    typesMatchWith: [{ from: "memref", to: "result", transform: elementTypeOf, summary: "result type matches element type of memref" }],
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        printIndexed(p, op.memref, op.indices);
        p.print(" : ");
        p.printType(op.memref.type);
        p.print(" ");
        p.printRegion(op.atomic_body);
        p.printOptionalAttrDict(op.attributes);
      },
      parse(p, state) {
        const memref = p.parseOperand();
        const indices = p.parseOperandList("[]");
        const at = p.pos();
        const type = p.parseColonType();
        state.operands.push(p.resolveOperand(memref, type));
        state.operands.push(...p.resolveOperands(indices, indices.map(() => IndexType.get())));
        const body = new Region();
        p.parseRegion(body, []);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
        if (!(type instanceof MemRefType)) return p.error(`expected a memref type, not ${quotedType(type)}`, at);
        state.resultTypes.push(type.elementType);
      },
    },
    verify: (op): Diagnostic | undefined => {
      const body = op.atomic_body.entry;
      if (body === undefined || body.args.length !== 1) return opError(op, "expected single number of entry block arguments");
      if (op.result.type !== (body.args[0] as Value).type) return opError(op, "expected block argument of the same type result type");
      const effectful = firstEffectfulOp(op.atomic_body);
      if (effectful !== undefined) {
        return opEmitError(effectful, "body of 'memref.generic_atomic_rmw' should contain only operations with no side effects");
      }
      return undefined;
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => readsAndWrites(effect("read", op.memref), effect("write", op.memref)) })],
  },
);
export type GenericAtomicRMWOp = InstanceType<typeof GenericAtomicRMWOp>;

// ---- copy / tensor_store ---------------------------------------------------------------------------------------

const shapeOf = (t: Type): readonly number[] | undefined => (t instanceof MemRefType ? t.shape : undefined);
const sameShape = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a === undefined || b === undefined || (a.length === b.length && a.every((d, i) => d === b[i] || d < 0 || (b[i] as number) < 0));

/** `memref.copy`: copies every element of `source` into `target` (same shape and element type). */
export const CopyOp = defineOp(
  {
    name: "memref.copy",
    summary: "copies the data from the source to the destination memref",
    operands: { source: AnyRankedOrUnrankedMemRef, target: AnyRankedOrUnrankedMemRef },
    format: "$source `,` $target attr-dict `:` type($source) `to` type($target)",
  },
  {
    verify: (op) => {
      if (op.source.type.elementType !== op.target.type.elementType) return opError(op, "requires the same element type for all operands");
      if (!sameShape(shapeOf(op.source.type), shapeOf(op.target.type))) return opError(op, "requires the same shape for all operands");
      return undefined;
    },
    // MLIR's CopyOp::fold: a cast that only made a type more dynamic is looked through.
    fold: (op) => {
      let folded = false;
      op.operands.forEach((v, i) => {
        const cast = v.definingOp;
        if (cast === undefined || cast.name !== "memref.cast" || !castOnlyLosesStaticInfo(cast)) return;
        op.setOperand(i, cast.getOperand(0));
        folded = true;
      });
      return folded ? [] : undefined;
    },
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => readsAndWrites(effect("read", op.source), effect("write", op.target)) })],
  },
);
export type CopyOp = InstanceType<typeof CopyOp>;

/** `memref.tensor_store`: stores the elements of a tensor into a memref of the same shape. */
export const TensorStoreOp = defineOp(
  {
    name: "memref.tensor_store",
    summary: "tensor store operation",
    operands: { tensor: AnyTensor, memref: AnyRankedOrUnrankedMemRef },
    typesMatchWith: [
      {
        from: "memref",
        to: "tensor",
        transform: (t: Type) => (t instanceof MemRefType || t instanceof UnrankedMemRefType ? tensorTypeOf(t) : undefined),
        summary: "type of 'value' matches tensor equivalent of 'memref'",
      },
    ],
    format: "$tensor `,` $memref attr-dict `:` type($memref)",
  },
  { interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("write", op.memref)] })] },
);
export type TensorStoreOp = InstanceType<typeof TensorStoreOp>;

// ---- hints -----------------------------------------------------------------------------------------------------

/**
 * What a hint (`prefetch`, `assume_alignment`) does to memory: nothing to any buffer's contents, but it must not
 * be erased as dead, as MLIR 16 keeps it (it gives them no effects interface, so they may do anything). A write to
 * a resource of their own says both.
 */
export const HintResource = new Resource("memref.hint");
const hintEffectList: readonly MemoryEffect[] = Object.freeze([effect("write", undefined, HintResource)]);
const hintEffects = (): readonly MemoryEffect[] => hintEffectList;

/** `memref.assume_alignment`: asserts that the buffer's aligned pointer is a multiple of `alignment` bytes. */
export const AssumeAlignmentOp = defineOp(
  {
    name: "memref.assume_alignment",
    summary: "assertion that gives alignment information to the input memref",
    operands: { memref: AnyMemRefC },
    attributes: { alignment: PositiveI32Attr },
    format: "$memref `,` $alignment attr-dict `:` type($memref)",
  },
  {
    verify: (op) => (isPowerOf2(op.alignment.value) ? undefined : opError(op, "alignment must be power of 2")),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: hintEffects })],
  },
);
export type AssumeAlignmentOp = InstanceType<typeof AssumeAlignmentOp>;

/** `memref.prefetch %m[%i], read, locality<3>, data : memref<...>`: a hint to bring an element into a cache. */
export const PrefetchOp = defineOp(
  {
    name: "memref.prefetch",
    summary: "prefetch operation",
    operands: { memref: AnyMemRefC, indices: variadic(Index) },
    attributes: { isWrite: BoolAttrC, localityHint: LocalityHintAttr, isDataCache: BoolAttrC },
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        printIndexed(p, op.memref, op.indices);
        p.print(`, ${op.isWrite.value !== 0n ? "write" : "read"}, locality<${op.localityHint.value}>, ${op.isDataCache.value !== 0n ? "data" : "instr"}`);
        p.printOptionalAttrDict(op.attributes, ["localityHint", "isWrite", "isDataCache"]);
        p.print(" : ");
        p.printType(op.memref.type);
      },
      parse(p, state) {
        const memref = p.parseOperand();
        const indices = p.parseOperandList("[]");
        p.parsePunct(",");
        const rw = p.parseKeyword();
        p.parsePunct(",");
        p.parseKeyword("locality");
        p.parsePunct("<");
        state.attributes.set("localityHint", p.parseAttribute(IntegerType.get(32)));
        p.parsePunct(">");
        p.parsePunct(",");
        const cache = p.parseKeyword();
        const type = p.parseColonType();
        state.operands.push(p.resolveOperand(memref, type), ...p.resolveOperands(indices, indices.map(() => IndexType.get())));
        if (rw !== "read" && rw !== "write") p.error("rw specifier has to be 'read' or 'write'", state.loc);
        state.attributes.set("isWrite", boolAttr(rw === "write"));
        if (cache !== "data" && cache !== "instr") p.error("cache type has to be 'data' or 'instr'", state.loc);
        state.attributes.set("isDataCache", boolAttr(cache === "data"));
      },
    },
    verify: (op) => (op.indices.length !== op.memref.type.rank ? opError(op, "too few indices") : undefined),
    fold: (op) => (foldMemRefCast(op) ? [] : undefined),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: hintEffects })],
  },
);
export type PrefetchOp = InstanceType<typeof PrefetchOp>;


// ---- DMA -------------------------------------------------------------------------------------------------------

/**
 * The pieces of a `memref.dma_start`'s flat operand list, located by the ranks of its memrefs as MLIR does:
 * `src[srcIndices], dst[dstIndices], numElements, tag[tagIndices] (, stride, numElementsPerStride)?`.
 * Undefined when an operand that decides the layout is not a ranked memref.
 */
export function dmaStartParts(op: Operation):
  | { src: Value; srcIndices: readonly Value[]; dst: Value; dstIndices: readonly Value[]; numElements: Value; tag: Value; tagIndices: readonly Value[]; stride: readonly Value[] }
  | undefined {
  const ops = op.operands;
  const rankAt = (i: number): number | undefined => {
    const t = ops[i]?.type;
    return t instanceof MemRefType ? t.rank : undefined;
  };
  const srcRank = rankAt(0);
  if (srcRank === undefined) return undefined;
  const dstAt = 1 + srcRank;
  const dstRank = rankAt(dstAt);
  if (dstRank === undefined) return undefined;
  const numAt = dstAt + 1 + dstRank;
  const tagAt = numAt + 1;
  const tagRank = rankAt(tagAt);
  if (tagRank === undefined) return undefined;
  const end = tagAt + 1 + tagRank;
  return {
    src: ops[0] as Value,
    srcIndices: ops.slice(1, dstAt),
    dst: ops[dstAt] as Value,
    dstIndices: ops.slice(dstAt + 1, numAt),
    numElements: ops[numAt] as Value,
    tag: ops[tagAt] as Value,
    tagIndices: ops.slice(tagAt + 1, end),
    stride: ops.slice(end),
  };
}

const allIndex = (vs: readonly Value[]): boolean => vs.every((v) => v.type instanceof IndexType);

/** MLIR's DmaStartOp::verify, with its messages, checking the flat operand list piece by piece. */
function verifyDmaStart(op: Operation): Diagnostic | undefined {
  const ops = op.operands;
  const n = ops.length;
  if (n < 4) return opError(op, "expected at least 4 operands");
  const src = ops[0]?.type;
  if (!(src instanceof MemRefType)) return opError(op, "expected source to be of memref type");
  if (n < src.rank + 4) return opError(op, `expected at least ${src.rank + 4} operands`);
  if (!allIndex(ops.slice(1, 1 + src.rank))) return opError(op, "expected source indices to be of index type");
  const dst = ops[1 + src.rank]?.type;
  if (!(dst instanceof MemRefType)) return opError(op, "expected destination to be of memref type");
  let expected = src.rank + dst.rank + 4;
  if (n < expected) return opError(op, `expected at least ${expected} operands`);
  if (!allIndex(ops.slice(2 + src.rank, 2 + src.rank + dst.rank))) return opError(op, "expected destination indices to be of index type");
  const numAt = 2 + src.rank + dst.rank;
  if (!(ops[numAt]?.type instanceof IndexType)) return opError(op, "expected num elements to be of index type");
  const tag = ops[numAt + 1]?.type;
  if (!(tag instanceof MemRefType)) return opError(op, "expected tag to be of memref type");
  expected += tag.rank;
  if (n < expected) return opError(op, `expected at least ${expected} operands`);
  if (!allIndex(ops.slice(numAt + 2, numAt + 2 + tag.rank))) return opError(op, "expected tag indices to be of index type");
  if (n !== expected && n !== expected + 2) return opError(op, "incorrect number of operands");
  if (n === expected + 2 && !allIndex(ops.slice(expected))) return opError(op, "expected stride and num elements per stride to be of type index");
  return undefined;
}

/**
 * `memref.dma_start %src[%i], %dst[%j], %n, %tag[%c0] (, %stride, %perStride)? : srcType, dstType, tagType`:
 * starts copying `%n` elements, signalling completion through the tag. Its operands are one flat list (MLIR 16
 * locates the pieces by the memrefs' ranks), and its syntax is hand-written.
 */
export const DmaStartOp = defineOp(
  {
    name: "memref.dma_start",
    summary: "non-blocking DMA operation that starts a transfer",
    operands: { operands_: variadic(AnyType) },
  },
  {
    asm: {
      print(op, p) {
        const parts = dmaStartParts(op);
        if (parts === undefined) {
          p.print(" ");
          p.printOperands(op.operands);
          p.printOptionalAttrDict(op.attributes);
          p.print(" : ");
          p.printTypes(op.operands.map((v) => v.type));
          return;
        }
        const indexed = (m: Value, is: readonly Value[]): void => printIndexed(p, m, is);
        p.print(" ");
        indexed(parts.src, parts.srcIndices);
        p.print(", ");
        indexed(parts.dst, parts.dstIndices);
        p.print(", ");
        p.printOperand(parts.numElements);
        p.print(", ");
        indexed(parts.tag, parts.tagIndices);
        if (parts.stride.length > 0) {
          p.print(", ");
          p.printOperands(parts.stride);
        }
        p.printOptionalAttrDict(op.attributes);
        p.print(" : ");
        p.printTypes([parts.src.type, parts.dst.type, parts.tag.type]);
      },
      parse(p, state) {
        const src = p.parseOperand();
        const srcIndices = p.parseOperandList("[]");
        p.parsePunct(",");
        const dst = p.parseOperand();
        const dstIndices = p.parseOperandList("[]");
        p.parsePunct(",");
        const num = p.parseOperand();
        p.parsePunct(",");
        const tag = p.parseOperand();
        const tagIndices = p.parseOperandList("[]");
        const stride = p.parseOptionalPunct(",") ? p.parseOperandList("none") : [];
        if (stride.length !== 0 && stride.length !== 2) p.error("expected two stride related operands", state.loc);
        const types = p.parseColonTypeList();
        if (types.length !== 3) p.error("fewer/more types expected", state.loc);
        const index = IndexType.get();
        const idx = (vs: readonly typeof src[]): Value[] => p.resolveOperands(vs, vs.map(() => index));
        state.operands.push(
          p.resolveOperand(src, types[0] as Type),
          ...idx(srcIndices),
          p.resolveOperand(dst, types[1] as Type),
          ...idx(dstIndices),
          p.resolveOperand(num, index),
          p.resolveOperand(tag, types[2] as Type),
          ...idx(tagIndices),
          ...idx(stride),
        );
      },
    },
    verify: verifyDmaStart,
    fold: (op) => (foldMemRefCast(op) ? [] : undefined),
    interfaces: [
      implement(MemoryEffectOpInterface, {
        getEffects: (op) => {
          const parts = dmaStartParts(op);
          if (parts === undefined) return [effect("read"), effect("write")];
          return [effect("read", parts.src), effect("write", parts.dst), effect("write", parts.tag)];
        },
      }),
    ],
  },
);
export type DmaStartOp = InstanceType<typeof DmaStartOp>;

/** `memref.dma_wait %tag[%c0], %n : memref<1xi32>`: blocks until the DMA signalled through the tag completes. */
export const DmaWaitOp = defineOp(
  {
    name: "memref.dma_wait",
    summary: "blocking DMA operation that waits for transfer completion",
    operands: { tagMemRef: AnyMemRefC, tagIndices: variadic(Index), numElements: Index },
    format: "$tagMemRef `[` $tagIndices `]` `,` $numElements attr-dict `:` type($tagMemRef)",
  },
  {
    verify: (op) => {
      const rank = op.tagMemRef.type.rank;
      if (op.tagIndices.length === rank) return undefined;
      return opError(op, `expected tagIndices to have the same number of elements as the tagMemRef rank, expected ${rank}, but got ${op.tagIndices.length}`);
    },
    fold: (op) => (foldMemRefCast(op) ? [] : undefined),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.tagMemRef), effect("write", op.tagMemRef)] })],
  },
);
export type DmaWaitOp = InstanceType<typeof DmaWaitOp>;
