/** The func dialect: functions, calls and returns (MLIR 16's FuncOps.td). */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { BranchOp } from "../cf/index.ts";
import { CallIndirectOp, CallOp, ConstantOp, ReturnOp } from "./call-ops.ts";
import { FuncOp } from "./func-op.ts";
import { funcInterpretations } from "./interp.ts";

export { FuncOp, funcName, functionType, isExternal } from "./func-op.ts";
export { CallIndirectOp, CallOp, callSignature, ConstantOp, lookupFunction, ReturnOp } from "./call-ops.ts";
export { buildFunc, type BuildFuncOptions, entryBlock, functionTypeAttr } from "./build.ts";

export const func = defineDialect({
  name: "func",
  ops: [FuncOp, ReturnOp, CallOp, CallIndirectOp, ConstantOp],
  interpreter: funcInterpretations,
  // Inlining a multi-block function turns each `func.return` into a `cf.br` to the block after the call, as
  // MLIR's FuncInlinerInterface::handleTerminator does.
  inliner: { handleTerminator: (ret, dest) => BranchOp.build({ dest, destOperands: [...ret.operands] }, ret.loc) },
});

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type FuncDialectOp = FuncOp | ReturnOp | CallOp | CallIndirectOp | ConstantOp;
