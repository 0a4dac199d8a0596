/**
 * The linalg dialect's ops and interfaces: the named-op table (every entry defined, its maps and iterator
 * types), buildNamedOp, DestinationStyleOpInterface, LinalgStructuredInterface and TilingInterface on parsed
 * ops. Syntax, regions and verifier messages are checked against mlir-opt-16 by test/golden/linalg/.
 */
import { isRight } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { DenseElementsAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { f32, i64, RankedTensorType, tensor } from "../../src/ir/types.ts";
import { destinationStyle } from "../../src/interfaces/destination-style.ts";
import { memoryEffectsOf } from "../../src/interfaces/side-effect-queries.ts";
import { tilingOf } from "../../src/interfaces/tiling.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { printOp } from "../../src/text/printer.ts";
import { newContext } from "../../rewrites/index.ts";
import { buildNamedOp, GenericOp, linalgOp, NAMED_OPS, namedOpClasses, staticLoopRanges } from "../../dialects/linalg/index.ts";
import { buildFunc, ReturnOp } from "../../dialects/func/index.ts";
import { Builder } from "../../src/ir/builder.ts";
import type { BlockArgument } from "../../src/ir/value.ts";
import { parserIn } from "../support/pass-tests.ts";

const test = suite("linalg ops and interfaces");
const ctx = newContext();
const parse = parserIn(ctx);

/** The first op named `name` in `root`. */
function find(root: Operation, name: string): Operation {
  let found: Operation | undefined;
  root.walk((op) => {
    if (found === undefined && op.name === name) found = op;
  });
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

test("every entry of the named-op table is an op kind of the dialect, with a summary", () => {
  assert.is(NAMED_OPS.length, 56, "MLIR 16.0.6's OpDSL table has 56 ops");
  assert.is(namedOpClasses.length, NAMED_OPS.length);
  for (const def of NAMED_OPS) {
    assert.ok(ctx.lookupOp(`linalg.${def.name}`) !== undefined, def.name);
    assert.ok(def.summary.length > 10, def.name);
  }
});

test("matmul: maps, iterator types, loop ranges, tied result, no effects on tensors", () => {
  const m = parse(`func.func @f(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>, %c: tensor<4x3xf32>) -> tensor<4x3xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x3xf32>) outs(%c : tensor<4x3xf32>) -> tensor<4x3xf32>
    return %0 : tensor<4x3xf32>
  }`);
  assert.ok(isRight(verify(m)));
  const op = find(m, "linalg.matmul");
  const view = linalgOp(op);
  assert.ok(view !== undefined);
  assert.equal(view.getIndexingMaps().map(String), ["(d0, d1, d2) -> (d0, d2)", "(d0, d1, d2) -> (d2, d1)", "(d0, d1, d2) -> (d0, d1)"]);
  assert.equal(view.getIteratorTypes(), ["parallel", "parallel", "reduction"]);
  assert.equal(staticLoopRanges(op, view.getIndexingMaps()), [4, 3, 8]);
  const dps = destinationStyle(op);
  assert.is(dps.getNumDpsInputs(), 2);
  assert.is(dps.getNumDpsInits(), 1);
  assert.is(dps.getTiedOpResult(op.opOperands[2] as never), op.getResult(0));
  assert.is(dps.getTiedOpOperand(op.getResult(0)), op.opOperands[2]);
  assert.ok(dps.hasTensorSemantics());
  assert.not.ok(dps.hasBufferSemantics());
  assert.equal(memoryEffectsOf(op), []);
});

test("memref operands: reads of inputs, reads and writes of inits; buffer semantics", () => {
  const m = parse(`func.func @f(%a: memref<4x8xf32>, %x: f32) {
    linalg.fill ins(%x : f32) outs(%a : memref<4x8xf32>)
    return
  }`);
  const op = find(m, "linalg.fill");
  const dps = destinationStyle(op);
  assert.ok(dps.hasBufferSemantics());
  assert.ok(dps.isScalar(op.opOperands[0] as never));
  assert.equal(
    memoryEffectsOf(op)?.map((e) => e.kind),
    ["read", "write"],
  );
});

test("the iteration domain describes dynamic sizes as dims of operands", () => {
  const m = parse(`func.func @f(%a: tensor<?x8xf32>, %b: tensor<8x?xf32>, %c: tensor<?x?xf32>) -> tensor<?x?xf32> {
    %0 = linalg.matmul ins(%a, %b : tensor<?x8xf32>, tensor<8x?xf32>) outs(%c : tensor<?x?xf32>) -> tensor<?x?xf32>
    return %0 : tensor<?x?xf32>
  }`);
  const op = find(m, "linalg.matmul");
  const domain = tilingOf(op)?.getIterationDomain() ?? [];
  assert.is(domain.length, 3);
  assert.equal(domain[0]?.size, { dimOf: op.getOperand(0), dim: 0 });
  assert.equal(domain[1]?.size, { dimOf: op.getOperand(1), dim: 1 });
  assert.is(domain[2]?.size, 8);
  assert.equal(tilingOf(op)?.getLoopIteratorTypes(), ["parallel", "parallel", "reduction"]);
});

test("convolution maps take the strides and dilations", () => {
  const m = parse(`func.func @f(%i: tensor<1x9x9x3xf32>, %k: tensor<3x3x3x8xf32>, %o: tensor<1x3x4x8xf32>) -> tensor<1x3x4x8xf32> {
    %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[2, 2]> : tensor<2xi64>} ins(%i, %k : tensor<1x9x9x3xf32>, tensor<3x3x3x8xf32>) outs(%o : tensor<1x3x4x8xf32>) -> tensor<1x3x4x8xf32>
    return %0 : tensor<1x3x4x8xf32>
  }`);
  assert.ok(isRight(verify(m)));
  const maps = linalgOp(find(m, "linalg.conv_2d_nhwc_hwcf"))?.getIndexingMaps().map(String);
  assert.is(maps?.[0], "(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 * 2 + d4 * 2, d2 * 2 + d5, d6)");
});

test("buildNamedOp builds the implicit region and memoized maps, and the op verifies", () => {
  const types = [tensor([2, 3], f32), tensor([3, 5], f32), tensor([2, 5], f32)];
  const fn = buildFunc(new Builder(), "f", types, [tensor([2, 5], f32)], (entry, b) => {
    const [a, b0, c] = entry.args as BlockArgument[];
    const op = b.insert(buildNamedOp("linalg.matmul", { inputs: [a as BlockArgument, b0 as BlockArgument], outputs: [c as BlockArgument] }));
    b.create(ReturnOp, { values: [op.getResult(0)] });
  });
  assert.ok(isRight(verify(fn)), "the built matmul verifies");
  const op = find(fn, "linalg.matmul");
  assert.ok(op.getResult(0).type instanceof RankedTensorType);
  const text = printOp(op, { generic: true });
  assert.match(text, /"arith.mulf"/);
  assert.match(text, /linalg.memoized_indexing_maps/);
  const strides = DenseElementsAttr.get(tensor([2], i64), new BigInt64Array([1n, 1n]));
  assert.throws(() => buildNamedOp("linalg.nope", { inputs: [], outputs: [], attributes: { strides } }), /not a named linalg op/);
});

test("linalg.generic's custom form names the payload arguments %in and %out", () => {
  const m = parse(`func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) {
    ^bb0(%x: f32, %y: f32):
      linalg.yield %x : f32
    } -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }`);
  assert.ok(find(m, "linalg.generic") instanceof GenericOp);
  assert.match(printOp(m), /\^bb0\(%in: f32, %out: f32\):/);
  assert.match(printOp(m, { generic: true }), /\^bb0\(%arg1: f32, %arg2: f32\):/);
});

test.run();
