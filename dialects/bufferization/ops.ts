/**
 * The bufferization dialect's ops (MLIR 16's BufferizationOps.td): the bridge between tensors (values) and
 * memrefs (buffers) that bufferization works with.
 *
 *   %t = bufferization.alloc_tensor(%n) : tensor<?x4xf32>
 *   %c = bufferization.alloc_tensor() copy(%t) : tensor<?x4xf32>
 *   %m = bufferization.to_memref %t : memref<?x4xf32>
 *   %u = bufferization.to_tensor %m : memref<?x4xf32>
 *   %k = bufferization.clone %m : memref<?x4xf32> to memref<?x4xf32>
 *   bufferization.dealloc_tensor %t : tensor<?x4xf32>
 *
 * alloc_tensor's syntax is hand-written, as in MLIR 16 (its optional `copy` takes the result's type).
 */
import { implement } from "../../src/ir/interfaces.ts";
import { Pure, SameOperandsAndResultShape } from "../../src/ir/traits.ts";
import { MemRefType, RankedTensorType, type Type, UnrankedMemRefType, UnrankedTensorType, DYNAMIC } from "../../src/ir/types.ts";
import { AnyAttr, AnyMemRef, AnyTensor, Index } from "../../src/irdl/constraints.ts";
import { defineOp, OPERAND_SEGMENT_SIZES } from "../../src/irdl/define-op.ts";
import { DenseArrayAttr } from "../../src/ir/attributes.ts";
import { i32, index } from "../../src/ir/types.ts";
import type { UnresolvedOperand } from "../../src/text/asm-interfaces.ts";
import { opEmitError } from "../../src/irdl/op-error.ts";
import { optional, optionalAttr, variadic } from "../../src/irdl/spec.ts";
import { effect, MemoryEffectOpInterface } from "../../src/interfaces/side-effects.ts";
import { typeConstraint } from "../../src/irdl/constraints.ts";
import { foldMemRefCast } from "../memref/fold-cast.ts";

/** ODS's AnyRankedOrUnrankedMemRef. */
export const AnyRankedOrUnrankedMemRef = typeConstraint("ranked or unranked memref of any type values", (t) => AnyMemRef.test(t));

/** MLIR's memref::getTensorTypeFromMemRefType: the tensor of a memref's shape and elements (no layout, no space). */
export function tensorTypeOfMemRef(t: Type): Type | undefined {
  if (t instanceof MemRefType) return RankedTensorType.get(t.shape, t.elementType);
  if (t instanceof UnrankedMemRefType) return UnrankedTensorType.get(t.elementType);
  return undefined;
}

/** `bufferization.alloc_tensor`: a new tensor (uninitialised, or a copy of `copy`) that bufferizes to a new buffer. */
export const AllocTensorOp = defineOp(
  {
    name: "bufferization.alloc_tensor",
    summary: "buffer allocation in tensor land",
    operands: { dynamic_sizes: variadic(Index), copy: optional(AnyTensor), size_hint: optional(Index) },
    attributes: { memory_space: optionalAttr(AnyAttr) },
    results: { result: AnyTensor },
  },
  {
    verify: (op) => {
      const t = op.result.type;
      if (op.copy !== undefined && op.dynamic_sizes.length > 0) return opEmitError(op, "dynamic sizes not needed when copying a tensor");
      const dynamic = t instanceof RankedTensorType ? t.shape.filter((d) => d === DYNAMIC).length : 0;
      if (op.copy === undefined && dynamic !== op.dynamic_sizes.length) return opEmitError(op, `expected ${dynamic} dynamic sizes`);
      if (op.copy !== undefined && op.copy.type !== t) return opEmitError(op, "expected that `copy` and return type match");
      return undefined;
    },
    // No MemoryEffectOpInterface, as in MLIR 16: its effects are unknown, so an unused alloc_tensor stays
    // (mlir-opt-16's canonicalizer keeps it too).
    // MLIR 16's AllocTensorOp::print / parse: `(sizes) copy(%t) size_hint=%n {attrs} : type`.
    asm: {
      print(op, p) {
        p.print("(");
        p.printOperands(op.dynamic_sizes);
        p.print(")");
        if (op.copy !== undefined) {
          p.print(" copy(");
          p.printOperand(op.copy);
          p.print(")");
        }
        if (op.size_hint !== undefined) {
          p.print(" size_hint=");
          p.printOperand(op.size_hint);
        }
        p.printOptionalAttrDict(op.attributes, [OPERAND_SEGMENT_SIZES]);
        p.print(" : ");
        p.printType(op.result.type);
      },
      parse(p, state) {
        const sizes = p.parseOperandList("()");
        let copy: UnresolvedOperand | undefined;
        if (p.parseOptionalKeyword("copy") !== undefined) {
          p.parsePunct("(");
          copy = p.parseOperand();
          p.parsePunct(")");
        }
        let hint: UnresolvedOperand | undefined;
        if (p.parseOptionalKeyword("size_hint") !== undefined) {
          p.parsePunct("=");
          hint = p.parseOperand();
        }
        p.parseOptionalAttrDict(state.attributes);
        const type = p.parseColonType();
        state.resultTypes.push(type);
        state.operands.push(...p.resolveOperands(sizes, sizes.map(() => index)));
        if (copy !== undefined) state.operands.push(p.resolveOperand(copy, type));
        if (hint !== undefined) state.operands.push(p.resolveOperand(hint, index));
        state.attributes.set(OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [sizes.length, copy === undefined ? 0 : 1, hint === undefined ? 0 : 1]));
      },
    },
  },
);
export type AllocTensorOp = InstanceType<typeof AllocTensorOp>;

/** `bufferization.clone`: a new buffer holding a copy of `input`. */
export const CloneOp = defineOp(
  {
    name: "bufferization.clone",
    summary: "clone a buffer",
    operands: { input: AnyRankedOrUnrankedMemRef },
    results: { output: AnyRankedOrUnrankedMemRef },
    format: "$input attr-dict `:` type($input) `to` type($output)",
  },
  {
    interfaces: [
      implement(MemoryEffectOpInterface, {
        getEffects: (op) => [effect("read", op.input), effect("write", op.output), effect("allocate", op.output)],
      }),
    ],
    // MLIR 16's CloneOp::fold: a clone of a memref.cast of a ranked memref clones the cast's source.
    fold: (op) => (foldMemRefCast(op) ? op.output : undefined),
  },
);
export type CloneOp = InstanceType<typeof CloneOp>;

/** `bufferization.dealloc_tensor`: releases what a (sparse) tensor's storage holds. */
export const DeallocTensorOp = defineOp({
  name: "bufferization.dealloc_tensor",
  summary: "Releases underlying sparse storage format of given tensor",
  operands: { tensor: AnyTensor },
  format: "$tensor attr-dict `:` type($tensor)",
});
export type DeallocTensorOp = InstanceType<typeof DeallocTensorOp>;

/** `bufferization.to_tensor`: a tensor holding a copy of a memref's elements. */
export const ToTensorOp = defineOp(
  {
    name: "bufferization.to_tensor",
    summary: "memref to tensor operation",
    operands: { memref: AnyRankedOrUnrankedMemRef },
    results: { result: AnyTensor },
    traits: [SameOperandsAndResultShape],
    typesMatchWith: [{ from: "memref", to: "result", transform: tensorTypeOfMemRef, summary: "result type matches tensor equivalent of 'memref'" }],
    format: "$memref attr-dict `:` type($memref)",
  },
  {
    interfaces: [implement(MemoryEffectOpInterface, { getEffects: (op) => [effect("read", op.memref)] })],
    fold: (op) => {
      const toMemref = op.memref.definingOp;
      if (toMemref?.name !== "bufferization.to_memref") return undefined;
      return toMemref.parent === op.parent && toMemref.next === op ? toMemref.getOperand(0) : undefined;
    },
  },
);
export type ToTensorOp = InstanceType<typeof ToTensorOp>;

/** `bufferization.to_memref`: a memref holding a tensor's elements (reading it only). */
export const ToMemrefOp = defineOp(
  {
    name: "bufferization.to_memref",
    summary: "tensor to memref cast operation",
    operands: { tensor: AnyTensor },
    results: { memref: AnyRankedOrUnrankedMemRef },
    traits: [SameOperandsAndResultShape, Pure],
    typesMatchWith: [{ from: "memref", to: "tensor", transform: tensorTypeOfMemRef, summary: "type of 'tensor' is the tensor equivalent of 'memref'" }],
    format: "$tensor attr-dict `:` type($memref)",
  },
  {
    fold: (op) => {
      const toTensor = op.tensor.definingOp;
      return toTensor?.name === "bufferization.to_tensor" && toTensor.getOperand(0).type === op.memref.type ? toTensor.getOperand(0) : undefined;
    },
  },
);
export type ToMemrefOp = InstanceType<typeof ToMemrefOp>;

/** Every bufferization op, in MLIR 16's order. */
export const bufferizationOps = [AllocTensorOp, CloneOp, DeallocTensorOp, ToTensorOp, ToMemrefOp] as const;
export type BufferizationOp = InstanceType<(typeof bufferizationOps)[number]>;
