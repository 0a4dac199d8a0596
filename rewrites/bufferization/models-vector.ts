/**
 * How vector ops on tensors bufferize (MLIR 16's Vector/Transforms/BufferizableOpInterfaceImpl.cpp): the same op on
 * the tensor's buffer.
 *
 *   %v = vector.transfer_read %t[%i], %pad : tensor<8xf32>, vector<4xf32>   ->  vector.transfer_read %m[%i], %pad : memref<8xf32>, vector<4xf32>
 *   %r = vector.transfer_write %v, %t[%i] : vector<4xf32>, tensor<8xf32>    ->  vector.transfer_write %v, %m[%i] : vector<4xf32>, memref<8xf32>
 *                                                                               (%r is %m: written in place)
 *   vector.gather %t[...] ...                                                ->  vector.gather %m[...] ...
 */
import { attach, implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Rewriter } from "../../src/rewrite/rewriter.ts";
import { BufferizableOpInterface, type BufferizationState, isTensorType } from "../../src/interfaces/bufferizable.ts";
import { GatherOp, TransferReadOp, TransferWriteOp } from "../../dialects/vector/index.ts";

/** The op again, its tensor operands replaced by their buffers, with `resultTypes`; inserted before it. */
function onBuffers(op: Operation, rw: Rewriter, state: BufferizationState, resultTypes: readonly Operation["results"][number]["type"][]): Operation {
  const operands = op.operands.map((v) => (isTensorType(v.type) ? state.getBuffer(rw, v) : v));
  const cls = op.constructor as typeof Operation;
  return rw.insert(cls.create({ operands, resultTypes, attributes: op.attrDictionary, loc: op.loc }));
}

/** An op that reads its tensor operand and makes no tensor. */
const reads = implement(BufferizableOpInterface, {
  bufferizesToMemoryRead: () => true,
  bufferizesToMemoryWrite: () => false,
  getAliasingOpResults: () => [],
  bufferize: (op, rw, state) => {
    const read = onBuffers(op, rw, state, op.results.map((r) => r.type));
    state.replaceOpWithBufferizedValues(rw, op, read.results);
    return undefined;
  },
});

export const vectorModels = [
  attach(TransferReadOp, reads),
  attach(GatherOp, reads),
  attach(
    TransferWriteOp,
    implement(BufferizableOpInterface, {
      // The elements the vector does not cover are kept: the destination is read too.
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: (op, o) => o.value === op.source,
      getAliasingOpResults: (op, o) => (o.value === op.source && op.results.length > 0 ? [op.getResult(0)] : []),
      bufferRelation: () => "equivalent",
      bufferize: (op, rw, state) => {
        const buffer = state.getBuffer(rw, op.source);
        onBuffers(op, rw, state, []);
        state.replaceOpWithBufferizedValues(rw, op, [buffer]);
        return undefined;
      },
    }),
  ),
];
