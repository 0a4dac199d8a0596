/**
 * Generalisation: any structured op as the linalg.generic it stands for (MLIR's generalizeNamedOp): the same
 * inputs, inits and result types, its indexing maps and iterator types as attributes, and a copy of its
 * payload region.
 *
 *   %0 = linalg.matmul ins(%a, %b : ...) outs(%c : ...)        becomes
 *   %0 = linalg.generic {indexing_maps = [(m, n, k) -> (m, k), -> (k, n), -> (m, n)],
 *                        iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : ...) outs(%c : ...) {
 *   ^bb0(%in: f32, %in_0: f32, %out: f32):
 *     %1 = arith.mulf %in, %in_0 : f32
 *     %2 = arith.addf %out, %1 : f32
 *     linalg.yield %2 : f32
 *   } -> tensor<4x2xf32>
 *
 * linalg.map's payload has no argument for its init; the generic form adds one, unused.
 */
import { type Attribute, DenseArrayAttr } from "../../src/ir/attributes.ts";
import { IRMapping, type Operation, Region } from "../../src/ir/operation.ts";
import { i32 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { destinationStyle } from "../../src/interfaces/destination-style.ts";
import { iteratorTypesAttr } from "./attrs.ts";
import { GenericOp, MapOp } from "./ops-structured.ts";
import { affineMapArrayAttr } from "./structured-common.ts";
import { linalgOp } from "./structured-interface.ts";
import { OPERAND_SEGMENT_SIZES } from "./structured-asm.ts";

/** The linalg.generic equivalent to structured op `op` (a new, detached op; `op` is left as it is). */
export function toGeneric(op: Operation): Operation {
  const view = linalgOp(op);
  if (view === undefined) throw new Error(`'${op.name}' is not a structured op`);
  const dps = destinationStyle(op);
  const inputs: Value[] = dps.getDpsInputOperands().map((o) => o.value);
  const outputs: Value[] = dps.getDpsInitOperands().map((o) => o.value);
  const body = new Region();
  (op.regions[0] as Region).cloneInto(body, new IRMapping());
  // linalg.map's block has no argument for the init: the generic form has one.
  if (op instanceof MapOp) for (const init of outputs) body.blocks[0]?.addArgument(initElementType(init));
  const attributes = new Map<string, Attribute>([
    ["indexing_maps", affineMapArrayAttr(view.getIndexingMaps())],
    ["iterator_types", iteratorTypesAttr(view.getIteratorTypes())],
    [OPERAND_SEGMENT_SIZES, DenseArrayAttr.get(i32, [inputs.length, outputs.length])],
  ]);
  return new GenericOp({
    operands: [...inputs, ...outputs],
    resultTypes: op.results.map((r) => r.type),
    attributes,
    regions: [body],
    successors: [],
    loc: op.loc,
  });
}

const initElementType = (init: Value) => {
  const t = init.type as { elementType?: import("../../src/ir/types.ts").Type };
  return t.elementType ?? init.type;
};
