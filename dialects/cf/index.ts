/** The cf dialect: branches, switches and asserts between blocks (MLIR 16's ControlFlowOps.td). */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { cfInterpretations } from "./interp.ts";
import { AssertOp, BranchOp, CondBranchOp, SwitchOp } from "./ops.ts";

export {
  AnyIntElementsAttr,
  AssertOp,
  BranchOp,
  CondBranchOp,
  type SwitchCase,
  SwitchOp,
  switchArgs,
  switchCaseOperands,
  switchCaseValues,
} from "./ops.ts";
export { caseValuesAttr } from "./switch-asm.ts";

export const cf = defineDialect({ name: "cf", ops: [AssertOp, BranchOp, CondBranchOp, SwitchOp], interpreter: cfInterpretations });

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type CfOp = AssertOp | BranchOp | CondBranchOp | SwitchOp;
