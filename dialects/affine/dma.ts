/**
 * `affine.dma_start` and `affine.dma_wait` (MLIR 16's hand-written C++ ops, no ODS): a non-blocking transfer of
 * `num_elements` elements between two memrefs, signalled through an element of a tag memref, and the wait for
 * it. Every subscript is an affine expression of SSA values, as in affine.load:
 *
 *   affine.dma_start %src[%i + 3, %j], %dst[%k + 7, %l], %tag[%c0], %n : memref<40x128xf32>, memref<2x1024xf32, 1>, memref<1xi32>
 *   affine.dma_start %src[%i, %j], %dst[%k, %l], %tag[%c0], %n, %stride, %per_stride : ...
 *   affine.dma_wait %tag[%c0], %n : memref<1xi32>
 *
 * Operands: the source memref and its subscripts, the destination and its, the tag and its, the element count,
 * and optionally a stride and a number of elements per stride. The subscripts' maps are `src_map`, `dst_map`
 * and `tag_map`. As in MLIR 16, the custom form has no attribute dictionary (other attributes print only in the
 * generic form).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { AffineMapAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IndexType, MemRefType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AffineMapAttrC, AnyType } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { variadic } from "../../src/irdl/spec.ts";
import { effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import type { OpAsmParser, OpAsmPrinter, OperationState } from "../../src/text/asm-interfaces.ts";
import { foldMemRefCast } from "../memref/fold-cast.ts";
import { isValidAffineIndexOperand, scopeFor } from "./validity.ts";

/** The operands of an affine.dma_start by role; undefined when there are too few for its maps. */
export interface AffineDmaStartParts {
  readonly src: Value;
  readonly srcIndices: readonly Value[];
  readonly dst: Value;
  readonly dstIndices: readonly Value[];
  readonly tag: Value;
  readonly tagIndices: readonly Value[];
  readonly numElements: Value;
  /** The stride and the elements per stride, or empty. */
  readonly stride: readonly Value[];
}

type DmaStartLike = Operation & { readonly src_map: AffineMapAttr; readonly dst_map: AffineMapAttr; readonly tag_map: AffineMapAttr };

export function affineDmaStartParts(op: DmaStartLike): AffineDmaStartParts | undefined {
  const ops = op.operands;
  const srcN = op.src_map.map.numInputs;
  const dstAt = 1 + srcN;
  const tagAt = dstAt + 1 + op.dst_map.map.numInputs;
  const numAt = tagAt + 1 + op.tag_map.map.numInputs;
  if (ops.length <= numAt) return undefined;
  return {
    src: ops[0] as Value,
    srcIndices: ops.slice(1, dstAt),
    dst: ops[dstAt] as Value,
    dstIndices: ops.slice(dstAt + 1, tagAt),
    tag: ops[tagAt] as Value,
    tagIndices: ops.slice(tagAt + 1, numAt),
    numElements: ops[numAt] as Value,
    stride: ops.slice(numAt + 1),
  };
}

/** `%m[<subscripts>]`. */
function printAccess(p: OpAsmPrinter, memref: Value, map: AffineMapAttr, indices: readonly Value[]): void {
  p.printOperand(memref);
  p.print("[");
  p.printAffineMapOfSSAIds(map.map, indices);
  p.print("]");
}

/** `%m[<subscripts>]`, setting the map attribute `name`; the memref and the subscripts, unresolved. */
function parseAccess(p: OpAsmParser, state: OperationState, name: string) {
  const memref = p.parseOperand();
  const { map, operands } = p.parseAffineMapOfSSAIds("[]");
  state.attributes.set(name, AffineMapAttr.get(map));
  return { memref, indices: operands };
}

/** The subscripts of one memref: index typed and valid dims or symbols (`what` names them in messages). */
function verifyIndices(op: Operation, indices: readonly Value[], what: string, opName: string): Diagnostic | undefined {
  const scope = scopeFor(op);
  for (const idx of indices) {
    if (!(idx.type instanceof IndexType)) return opError(op, `${what ? `${what} ` : ""}index to ${opName} must have 'index' type`);
    if (!isValidAffineIndexOperand(idx, scope)) return opError(op, `${what ? `${what} ` : ""}index must be a dimension or symbol identifier`);
  }
  return undefined;
}

export const AffineDmaStartOp = defineOp(
  {
    name: "affine.dma_start",
    summary: "non-blocking DMA transfer between two memrefs, signalled through a tag",
    operands: { operands_: variadic(AnyType) },
    attributes: { src_map: AffineMapAttrC, dst_map: AffineMapAttrC, tag_map: AffineMapAttrC },
  },
  {
    verify: (op) => {
      const parts = affineDmaStartParts(op);
      if (parts === undefined) return opError(op, "incorrect number of operands");
      if (!(parts.src.type instanceof MemRefType)) return opError(op, "expected DMA source to be of memref type");
      if (!(parts.dst.type instanceof MemRefType)) return opError(op, "expected DMA destination to be of memref type");
      if (!(parts.tag.type instanceof MemRefType)) return opError(op, "expected DMA tag to be of memref type");
      if (parts.stride.length !== 0 && parts.stride.length !== 2) return opError(op, "incorrect number of operands");
      return (
        verifyIndices(op, parts.srcIndices, "src", "dma_start") ??
        verifyIndices(op, parts.dstIndices, "dst", "dma_start") ??
        verifyIndices(op, parts.tagIndices, "tag", "dma_start")
      );
    },
    // dma_start(memref.cast) -> dma_start, as MLIR 16's fold.
    fold: (op) => (foldMemRefCast(op) ? [] : undefined),
    interfaces: [
      implement(MemoryEffectOpInterface, {
        getEffects: (op) => {
          const parts = affineDmaStartParts(op);
          if (parts === undefined) return [effect("read"), effect("write")];
          return [effect("read", parts.src), effect("write", parts.dst), effect("write", parts.tag)];
        },
      }),
    ],
    asm: {
      print(op, p) {
        const parts = affineDmaStartParts(op);
        if (parts === undefined) throw new TypeError("affine.dma_start with too few operands for its maps");
        p.print(" ");
        printAccess(p, parts.src, op.src_map, parts.srcIndices);
        p.print(", ");
        printAccess(p, parts.dst, op.dst_map, parts.dstIndices);
        p.print(", ");
        printAccess(p, parts.tag, op.tag_map, parts.tagIndices);
        p.print(", ");
        p.printOperands([parts.numElements, ...parts.stride]);
        p.print(" : ");
        p.printTypes([parts.src.type, parts.dst.type, parts.tag.type]);
      },
      parse(p, state) {
        const src = parseAccess(p, state, "src_map");
        p.parsePunct(",");
        const dst = parseAccess(p, state, "dst_map");
        p.parsePunct(",");
        const tag = parseAccess(p, state, "tag_map");
        p.parsePunct(",");
        const num = p.parseOperand();
        const stride = p.parseOptionalPunct(",") ? p.parseOperandList("none") : [];
        if (stride.length !== 0 && stride.length !== 2) p.error("expected two stride related operands", p.nameLoc);
        const types = p.parseColonTypeList();
        if (types.length !== 3) p.error("expected three types", p.nameLoc);
        const index = IndexType.get();
        const indices = (vs: typeof src.indices): Value[] => p.resolveOperands(vs, vs.map(() => index));
        state.operands.push(
          p.resolveOperand(src.memref, types[0] as MemRefType),
          ...indices(src.indices),
          p.resolveOperand(dst.memref, types[1] as MemRefType),
          ...indices(dst.indices),
          p.resolveOperand(tag.memref, types[2] as MemRefType),
          ...indices(tag.indices),
          p.resolveOperand(num, index),
          ...indices(stride),
        );
      },
    },
  },
);
export type AffineDmaStartOp = InstanceType<typeof AffineDmaStartOp>;

type DmaWaitLike = Operation & { readonly tag_map: AffineMapAttr };

/** The tag subscripts of an affine.dma_wait (between the tag and the element count). */
export const affineDmaWaitTagIndices = (op: DmaWaitLike): readonly Value[] => op.operands.slice(1, 1 + op.tag_map.map.numInputs);

export const AffineDmaWaitOp = defineOp(
  {
    name: "affine.dma_wait",
    summary: "blocking wait for the DMA transfer signalled through a tag",
    operands: { operands_: variadic(AnyType) },
    attributes: { tag_map: AffineMapAttrC },
  },
  {
    verify: (op) => {
      if (op.numOperands !== op.tag_map.map.numInputs + 2) return opError(op, "incorrect number of operands");
      if (!(op.getOperand(0).type instanceof MemRefType)) return opError(op, "expected DMA tag to be of memref type");
      return verifyIndices(op, affineDmaWaitTagIndices(op), "", "dma_wait");
    },
    fold: (op) => (foldMemRefCast(op) ? [] : undefined),
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.getOperand(0)), effect("write", op.getOperand(0))] })],
    asm: {
      print(op, p) {
        p.print(" ");
        printAccess(p, op.getOperand(0), op.tag_map, affineDmaWaitTagIndices(op));
        p.print(", ");
        p.printOperand(op.getOperand(op.numOperands - 1));
        p.print(" : ");
        p.printType(op.getOperand(0).type);
      },
      parse(p, state) {
        const tag = parseAccess(p, state, "tag_map");
        p.parsePunct(",");
        const num = p.parseOperand();
        const type = p.parseColonType();
        const index = IndexType.get();
        state.operands.push(p.resolveOperand(tag.memref, type), ...p.resolveOperands(tag.indices, tag.indices.map(() => index)), p.resolveOperand(num, index));
        if (!(type instanceof MemRefType)) p.error("expected tag to be of memref type", p.nameLoc);
      },
    },
  },
);
export type AffineDmaWaitOp = InstanceType<typeof AffineDmaWaitOp>;
