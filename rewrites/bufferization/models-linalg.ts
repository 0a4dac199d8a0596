/**
 * How linalg ops bufferize (MLIR 16's Linalg/Transforms/BufferizableOpInterfaceImpl.cpp): every
 * destination-style op (generic, map, reduce, transpose, broadcast and every named op) becomes the same op on
 * buffers, writing into the buffer of each init (the result it is tied to), with no results.
 *
 *   %r = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x2xf32>) outs(%c : tensor<4x2xf32>) -> tensor<4x2xf32>
 *   ->
 *   linalg.matmul ins(%ma, %mb : memref<4x8xf32>, memref<8x2xf32>) outs(%mc : memref<4x2xf32>)      (%r is %mc)
 *
 * An operand is read when the payload uses its block argument (an init whose old value the payload ignores,
 * as linalg.fill's or linalg.map's, is only written: copying it out of place needs no copy of its contents).
 */
import { attach, implement, type InterfaceAttachment } from "../../src/ir/interfaces.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import type { OpOperand } from "../../src/ir/value.ts";
import { BufferizableOpInterface, isTensorType } from "../../src/interfaces/bufferizable.ts";
import { DestinationStyleOpInterface } from "../../src/interfaces/destination-style.ts";
import { linalgOp, linalgOps, payloadBlock } from "../../dialects/linalg/index.ts";

/** Whether the payload reads the element of `operand` (MLIR's payloadUsesValueForOperand). */
function payloadReads(operand: OpOperand): boolean {
  const op = operand.owner;
  const matching = linalgOp(op)?.getOperandsMatchingBlockArgs() ?? op.opOperands;
  const i = matching.indexOf(operand);
  if (i < 0) return false;
  const block = payloadBlock(op);
  return block === undefined ? true : (block.args[i]?.hasUses ?? true);
}

const dps = (op: Operation) => DestinationStyleOpInterface.of(op);

const destinationStyleModel = implement(BufferizableOpInterface, {
  bufferizesToMemoryRead: (_op, o) => payloadReads(o),
  bufferizesToMemoryWrite: (op, o) => dps(op)?.isDpsInit(o) ?? false,
  getAliasingOpResults: (op, o) => {
    const r = dps(op)?.getTiedOpResult(o);
    return r === undefined ? [] : [r];
  },
  bufferRelation: () => "equivalent",
  bufferize: (op, rw, state) => {
    const view = dps(op);
    if (view === undefined) return undefined;
    const operands = op.operands.map((v) => (isTensorType(v.type) ? state.getBuffer(rw, v) : v));
    const results = op.results.map((r) => operands[view.getTiedOpOperand(r).index] as (typeof operands)[number]);
    const regions = op.regions.map((r) => {
      const moved = new Region();
      moved.takeBody(r);
      return moved;
    });
    const cls = op.constructor as typeof Operation;
    rw.insert(cls.create({ operands, resultTypes: [], attributes: op.attrDictionary, regions, loc: op.loc }));
    state.replaceOpWithBufferizedValues(rw, op, results);
    return undefined;
  },
});

/** Every linalg op that is destination-style. */
export const linalgModels: InterfaceAttachment[] = linalgOps
  .filter((cls) => cls.info?.interfaces?.has(DestinationStyleOpInterface) === true)
  .map((cls) => attach(cls as unknown as typeof linalgOps[0], destinationStyleModel as never));
