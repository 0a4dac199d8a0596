/**
 * The terminators of scf regions (MLIR 16's SCFOps.td):
 *
 *   scf.yield %a, %b : i32, f32        values to the parent op (loop-carried values, results)
 *   scf.condition(%c) %a : i32         ends scf.while's `before` region: continue with %a when %c
 *   scf.reduce.return %r : f32         ends an scf.reduce's combining region
 */
import { implement } from "../../src/ir/interfaces.ts";
import { HasParent, Pure, ReturnLike, Terminator } from "../../src/ir/traits.ts";
import { MutableOperandRange } from "../../src/ir/mutable-operand-range.ts";
import { AnyType, Bool } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { mutableOperandGroup } from "../../src/irdl/operand-groups.ts";
import { variadic } from "../../src/irdl/spec.ts";
import { RegionBranchTerminatorOpInterface } from "../../src/interfaces/control-flow.ts";

/** `scf.yield`: ends a region of an scf op, handing its operands to the parent (results or next iteration). */
export const YieldOp = defineOp(
  {
    name: "scf.yield",
    summary: "loop yield and termination operation",
    operands: { values: variadic(AnyType) },
    traits: [Pure, ReturnLike, Terminator, HasParent("scf.execute_region", "scf.for", "scf.if", "scf.index_switch", "scf.parallel", "scf.while")],
    format: "attr-dict ($values^ `:` type($values))?",
  },
  {
    interfaces: [
      implement(RegionBranchTerminatorOpInterface, {
        getMutableSuccessorOperands: (op) => new MutableOperandRange(op, 0, op.numOperands, []),
      }),
    ],
  },
);
export type YieldOp = InstanceType<typeof YieldOp>;

/** `scf.condition`: ends scf.while's `before` region; runs the `after` region with `args` while `condition` holds. */
export const ConditionOp = defineOp(
  {
    name: "scf.condition",
    summary: "loop continuation condition",
    operands: { condition: Bool, args: variadic(AnyType) },
    traits: [HasParent("scf.while"), Pure, Terminator],
    format: "`(` $condition `)` attr-dict ($args^ `:` type($args))?",
  },
  {
    interfaces: [
      implement(RegionBranchTerminatorOpInterface, {
        // The same values go to the `after` region and, when the loop ends, to the results.
        getMutableSuccessorOperands: (op) => mutableOperandGroup(op, "args") as MutableOperandRange,
      }),
    ],
  },
);
export type ConditionOp = InstanceType<typeof ConditionOp>;

/** `scf.reduce.return`: the value an scf.reduce's combining region computes from its two arguments. */
export const ReduceReturnOp = defineOp(
  {
    name: "scf.reduce.return",
    summary: "terminator for reduce operation",
    operands: { result: AnyType },
    traits: [HasParent("scf.reduce"), Pure, Terminator],
    format: "$result attr-dict `:` type($result)",
  },
  {
    verify: (op) => {
      const reduce = op.parentOp;
      const expected = reduce?.getOperand(0).type;
      if (expected === undefined || expected === op.result.type) return undefined;
      return opError(op, `needs to have type ${quotedType(expected)} (the type of the enclosing ReduceOp)`);
    },
  },
);
export type ReduceReturnOp = InstanceType<typeof ReduceReturnOp>;
