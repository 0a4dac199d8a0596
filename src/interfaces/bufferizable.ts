/**
 * BufferizableOpInterface (MLIR 16's BufferizableOpInterface.td): what One-Shot Bufferize asks of an op with
 * tensor operands or results, so that it can decide which tensors may share a buffer (the analysis) and then
 * rewrite the op on buffers (bufferize).
 *
 *   %r = tensor.insert %f into %t[%i] : tensor<8xf32>
 *     operand %t: read (the other elements are kept), written, aliasing result %r, equivalent buffers
 *     bufferize: memref.store %f, buffer(%t)[%i], and %r is buffer(%t)
 *
 * The analysis calls the queries (never the IR-changing `bufferize`); it decides for each tensor operand that
 * an op writes whether the write may happen in place (in the operand's buffer) or needs a copy. After that,
 * every op is bufferized in place: `bufferize` takes the buffers of its tensor operands (`state.getBuffer`) and
 * replaces its tensor results by buffers (`state.replaceOpWithBufferizedValues`).
 *
 * The interface is dialect-free; the dialects' implementations live with the pass (rewrites/bufferization/).
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import { defineInterface } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";
import type { Location } from "../ir/location.ts";
import { type MemRefType, RankedTensorType, type Type, UnrankedTensorType } from "../ir/types.ts";
import type { BlockArgument, OpOperand, OpResult, Value } from "../ir/value.ts";
import type { Rewriter } from "../rewrite/rewriter.ts";

/** How an op result's buffer relates to the buffer of an operand it aliases (MLIR's BufferRelation). */
export type BufferRelation = "equivalent" | "unknown";

/** What the analysis knows, as the queries see it (MLIR's AnalysisState). */
export interface AnalysisState {
  bufferizesToMemoryRead(operand: OpOperand): boolean;
  bufferizesToMemoryWrite(operand: OpOperand): boolean;
  getAliasingOpResults(operand: OpOperand): readonly OpResult[];
  getAliasingOpOperands(result: OpResult): readonly OpOperand[];
  /** Whether the analysis decided the operand bufferizes in place (every operand, after the analysis). */
  isInPlace(operand: OpOperand): boolean;
  /** Whether the two tensors bufferize to the same buffer. */
  areEquivalentBufferizedValues(a: Value, b: Value): boolean;
  /** Whether some use of the value reads it (looking through ops that only alias it). */
  isValueRead(value: Value): boolean;
}

/** Builds buffers for `bufferize` (MLIR's BufferizationOptions and the helpers of Bufferize.cpp). */
export interface BufferizationState extends AnalysisState {
  /** The buffer of a tensor value (the memref it lives in), materialised before `op` uses it. */
  getBuffer(rw: Rewriter, value: Value): Value;
  /** The memref type the buffer of a tensor value has (or will have). */
  getBufferType(value: Value): MemRefType;
  /** A new buffer for a tensor of `type` (`dynamicSizes` for its `?` sizes), freed by the pass when it dies. */
  allocate(rw: Rewriter, loc: Location, type: RankedTensorType, dynamicSizes: readonly Value[]): Value;
  /** A new buffer holding a copy of `buffer` (its shape read with memref.dim where dynamic). */
  allocateCopy(rw: Rewriter, loc: Location, buffer: Value): Value;
  /** `memref.copy from, to`. */
  copy(rw: Rewriter, loc: Location, from: Value, to: Value): void;
  /**
   * Replaces `op` by buffers: each tensor result's uses get `bufferization.to_tensor` of the value given for it
   * (the later ops fold it away when they take the buffer), other results the value itself. Erases `op`.
   */
  replaceOpWithBufferizedValues(rw: Rewriter, op: Operation, values: readonly Value[]): void;
  /** The tensor block arguments of a block whose types just became buffers: their uses see to_tensor of them. */
  tensorViewOfBlockArgument(rw: Rewriter, arg: BlockArgument, tensorType: Type): Value;
}

export interface BufferizableMethods {
  /** Whether the op reads the contents of the operand's buffer. */
  bufferizesToMemoryRead(operand: OpOperand, state: AnalysisState): boolean;
  /** Whether the op writes into the operand's buffer (when it bufferizes in place). */
  bufferizesToMemoryWrite(operand: OpOperand, state: AnalysisState): boolean;
  /** The results that share the operand's buffer when it bufferizes in place. */
  getAliasingOpResults(operand: OpOperand, state: AnalysisState): readonly OpResult[];
  /** The operands whose buffers a result may share (default: those whose aliasing results hold it). */
  getAliasingOpOperands(result: OpResult, state: AnalysisState): readonly OpOperand[];
  /** How a result's buffer relates to its aliasing operands' (default "unknown"). */
  bufferRelation(result: OpResult, state: AnalysisState): BufferRelation;
  /**
   * Whether the result's defining op writes the result's contents (default: it aliases no operand, or one it
   * writes); false for ops that make a tensor of unspecified contents (tensor.empty, alloc_tensor).
   */
  isMemoryWrite(result: OpResult, state: AnalysisState): boolean;
  /** Whether the buffer of a result or block argument may be written in place (default true). */
  isWritable(value: Value, state: AnalysisState): boolean;
  /** Whether this read and write of aliasing tensors do not conflict though they seem to (default false). */
  isNotConflicting(read: OpOperand, write: OpOperand, state: AnalysisState): boolean;
  /** Whether the operand must bufferize in place whatever the analysis finds (default false). */
  mustBufferizeInPlace(operand: OpOperand, state: AnalysisState): boolean;
  /** Whether region #index may run more than once per execution of the op (a loop body; default false). */
  isRepetitiveRegion(index: number): boolean;
  /**
   * Whether the op is rewritten after the ops in its regions rather than before (default false): an op whose
   * result buffers are what its regions yield (scf.if).
   */
  bufferizeAfterRegions(): boolean;
  /** Rewrites the op on buffers; a diagnostic when it cannot. */
  bufferize(rw: Rewriter, state: BufferizationState): Diagnostic | undefined;
}

type Defaulted =
  | "getAliasingOpOperands"
  | "bufferRelation"
  | "isMemoryWrite"
  | "isWritable"
  | "isNotConflicting"
  | "mustBufferizeInPlace"
  | "isRepetitiveRegion"
  | "bufferizeAfterRegions";

/** Whether a type is a tensor (ranked or not): the values bufferization is about. */
export const isTensorType = (t: Type): boolean => t instanceof RankedTensorType || t instanceof UnrankedTensorType;
const isTensorOperand = (o: OpOperand): boolean => isTensorType(o.value.type);

export const BufferizableOpInterface = defineInterface<BufferizableMethods, Defaulted>("BufferizableOpInterface", {
  description: "an op One-Shot Bufferize can analyse and rewrite from tensors to buffers",
  defaults: {
    getAliasingOpOperands: (op, result, state) => op.opOperands.filter((o) => isTensorOperand(o) && state.getAliasingOpResults(o).includes(result)),
    bufferRelation: () => "unknown",
    isMemoryWrite: (op, result, state) => {
      const operands = state.getAliasingOpOperands(result);
      return operands.length === 0 || operands.some((o) => state.bufferizesToMemoryWrite(o));
    },
    isWritable: () => true,
    isNotConflicting: () => false,
    mustBufferizeInPlace: () => false,
    isRepetitiveRegion: () => false,
    bufferizeAfterRegions: () => false,
  },
});
