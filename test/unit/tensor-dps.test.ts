/**
 * DestinationStyleOpInterface on the tensor ops MLIR 16's TensorOps.td gives it (insert, insert_slice, pack,
 * unpack: `dest` is the one init, tied to the result), and not on the others (parallel_insert_slice, pad,
 * extract_slice have no result tied to an init in MLIR 16).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Operation } from "../../src/ir/operation.ts";
import { DestinationStyleOpInterface, destinationStyle } from "../../src/interfaces/destination-style.ts";
import { newContext } from "../../rewrites/index.ts";
import { parserIn } from "../support/pass-tests.ts";

const test = suite("tensor ops and DestinationStyleOpInterface");
const parse = parserIn(newContext());

const module = parse(`func.func @f(%t: tensor<8x8xf32>, %s: tensor<2x4xf32>, %x: f32, %i: index, %p: tensor<2x2x4x4xf32>) {
  %a = tensor.insert %x into %t[%i, %i] : tensor<8x8xf32>
  %b = tensor.insert_slice %s into %t[0, %i] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x8xf32>
  %c = tensor.pack %t inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %p : tensor<8x8xf32> -> tensor<2x2x4x4xf32>
  %d = tensor.unpack %p inner_dims_pos = [0, 1] inner_tiles = [4, 4] into %t : tensor<2x2x4x4xf32> -> tensor<8x8xf32>
  %e = tensor.extract_slice %t[0, 0] [2, 4] [1, 1] : tensor<8x8xf32> to tensor<2x4xf32>
  %f = tensor.pad %s low[1, 1] high[1, 1] {
  ^bb0(%j: index, %k: index):
    tensor.yield %x : f32
  } : tensor<2x4xf32> to tensor<4x6xf32>
  return
}`);

function ops(name: string): Operation[] {
  const found: Operation[] = [];
  module.walk((op) => {
    if (op.name === name) found.push(op);
  });
  return found;
}

for (const name of ["tensor.insert", "tensor.insert_slice", "tensor.pack", "tensor.unpack"]) {
  test(`${name}: dest (operand #1) is the one init, tied to the result; the rest are inputs`, () => {
    const op = ops(name)[0] as Operation;
    const dps = destinationStyle(op);
    assert.is(dps.getNumDpsInits(), 1);
    assert.is(dps.getNumDpsInputs(), op.numOperands - 1);
    const dest = op.opOperands[1] as never;
    assert.ok(dps.isDpsInit(dest));
    assert.not.ok(dps.isDpsInit(op.opOperands[0] as never));
    assert.is(dps.getTiedOpResult(dest), op.getResult(0));
    assert.is(dps.getTiedOpOperand(op.getResult(0)), op.opOperands[1]);
    assert.ok(dps.hasTensorSemantics());
    assert.not.ok(dps.hasBufferSemantics());
  });
}

test("extract_slice and pad are not destination-style (as in MLIR 16)", () => {
  for (const name of ["tensor.extract_slice", "tensor.pad"]) assert.is(DestinationStyleOpInterface.of(ops(name)[0] as Operation), undefined, name);
});

test.run();
