/**
 * DestinationStyleOpInterface (MLIR 16's DestinationStyleOpInterface.td): an op whose operands split into
 * *inputs* and *inits* (the "outs", a contiguous range), where each init of ranked tensor type is tied to one
 * result (the value the op computes in its place) and an init of memref type is written in place.
 *
 *   %r = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x2xf32>) outs(%c : tensor<4x2xf32>) -> tensor<4x2xf32>
 *                           inputs: %a, %b               init: %c, tied to %r
 *   linalg.fill ins(%x : f32) outs(%m : memref<4xf32>)   init %m, buffer semantics: no result
 *
 * An op kind implements one method, `getDpsInitsPositionRange` (where the inits are among its operands);
 * everything else is derived. The interface verifies, with MLIR 16's messages: every init is a ranked tensor or
 * a ranked memref, the op has one result per tensor init, and each result has its init's type.
 */
import type { Diagnostic } from "../diag/diagnostic.ts";
import { defineInterface, type InterfaceView } from "../ir/interfaces.ts";
import type { Operation } from "../ir/operation.ts";
import { MemRefType, RankedTensorType, isShaped } from "../ir/types.ts";
import type { OpOperand, OpResult } from "../ir/value.ts";
import { opError, quotedType } from "../irdl/op-error.ts";

export interface DestinationStyleMethods {
  /** The operands that are inits: [start, end) among the op's operands. */
  getDpsInitsPositionRange(): readonly [number, number];
  getNumDpsInits(): number;
  getDpsInitOperands(): readonly OpOperand[];
  getNumDpsInputs(): number;
  getDpsInputOperands(): readonly OpOperand[];
  isDpsInput(operand: OpOperand): boolean;
  isDpsInit(operand: OpOperand): boolean;
  /** An operand that is neither a tensor, a memref nor a vector (a scalar input: linalg.fill's value). */
  isScalar(operand: OpOperand): boolean;
  /** The result tied to a tensor init (undefined for inputs and memref inits). */
  getTiedOpResult(operand: OpOperand): OpResult | undefined;
  /** The init a result is tied to. */
  getTiedOpOperand(result: OpResult): OpOperand;
  /** Every init (and every non-scalar input) is a memref. */
  hasBufferSemantics(): boolean;
  /** Every init (and every non-scalar input) is a ranked tensor. */
  hasTensorSemantics(): boolean;
}

type Derived = Exclude<keyof DestinationStyleMethods, "getDpsInitsPositionRange">;

const range = (op: Operation): readonly [number, number] => destinationStyle(op).getDpsInitsPositionRange();
const isTensorLike = (operand: OpOperand): boolean => operand.value.type instanceof RankedTensorType;
const isMemRef = (operand: OpOperand): boolean => operand.value.type instanceof MemRefType;
const isShapedOperand = (operand: OpOperand): boolean => isShaped(operand.value.type);

/** The tensor inits, in order: result #i is tied to the i-th of them. */
const tensorInits = (op: Operation): OpOperand[] => {
  const [start, end] = range(op);
  return op.opOperands.slice(start, end).filter(isTensorLike);
};

/** MLIR's verifyDestinationStyleOpInterface. */
function verifyDestinationStyle(view: InterfaceView<DestinationStyleMethods>): Diagnostic | undefined {
  const op = view.op;
  const inits = view.getDpsInitOperands();
  for (const init of inits) {
    if (!isTensorLike(init) && !isMemRef(init)) return opError(op, `expected that operand #${init.index} is a ranked tensor or a ranked memref`);
  }
  const tensors = inits.filter(isTensorLike);
  if (op.numResults !== tensors.length) {
    return opError(op, `expected the number of results (${op.numResults}) to be equal to the number of output tensors (${tensors.length})`);
  }
  for (const [i, init] of tensors.entries()) {
    const result = op.getResult(i);
    if (result.type !== init.value.type) {
      return opError(op, `expected type of operand #${init.index} (${quotedType(init.value.type)}) to match type of corresponding result (${quotedType(result.type)})`);
    }
  }
  return undefined;
}

export const DestinationStyleOpInterface = defineInterface<DestinationStyleMethods, Derived>("DestinationStyleOpInterface", {
  description: "an op with inputs and inits (outs); tensor inits are tied to results, memref inits written in place",
  verifyRegion: verifyDestinationStyle,
  defaults: {
    getNumDpsInits: (op) => {
      const [start, end] = range(op);
      return end - start;
    },
    getDpsInitOperands: (op) => {
      const [start, end] = range(op);
      return op.opOperands.slice(start, end);
    },
    getNumDpsInputs: (op) => {
      const [start, end] = range(op);
      return op.numOperands - (end - start);
    },
    getDpsInputOperands: (op) => {
      const [start, end] = range(op);
      return op.opOperands.filter((o) => o.index < start || o.index >= end);
    },
    isDpsInput: (op, operand) => {
      const [start, end] = range(op);
      return operand.owner === op && (operand.index < start || operand.index >= end);
    },
    isDpsInit: (op, operand) => {
      const [start, end] = range(op);
      return operand.owner === op && operand.index >= start && operand.index < end;
    },
    isScalar: (op, operand) => operand.owner === op && !isShapedOperand(operand),
    getTiedOpResult: (op, operand) => {
      const i = tensorInits(op).indexOf(operand);
      return i < 0 ? undefined : op.getResult(i);
    },
    getTiedOpOperand: (op, result) => {
      const init = tensorInits(op)[result.index];
      if (init === undefined) throw new Error(`'${op.name}': result #${result.index} is tied to no init`);
      return init;
    },
    hasBufferSemantics: (op) => {
      if (op.numResults !== 0) return false;
      return op.opOperands.every((o) => !isShapedOperand(o) || isMemRef(o));
    },
    hasTensorSemantics: (op) => op.opOperands.every((o) => !isShapedOperand(o) || isTensorLike(o)),
  },
});

/** The op through DestinationStyleOpInterface; throws when it does not implement it. */
export function destinationStyle(op: Operation): InterfaceView<DestinationStyleMethods> {
  const view = DestinationStyleOpInterface.of(op);
  if (view === undefined) throw new Error(`'${op.name}' does not implement DestinationStyleOpInterface`);
  return view;
}

/** Inits are the last `n` operands, as for every linalg op: the range from the operand count. */
export const trailingInits =
  (count: (op: Operation) => number) =>
  (op: Operation): readonly [number, number] => [op.numOperands - count(op), op.numOperands];
