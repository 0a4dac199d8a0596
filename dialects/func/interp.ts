/**
 * Interpreter semantics of the func dialect: calls (direct, and indirect through `func.constant` values)
 * and returns. `func.func` itself is never executed: the engine runs a function's body when it is called.
 */
import { interpretation, type InterpretationEntry } from "../../src/interp/registry.ts";
import { functionRef } from "../../src/interp/values.ts";
import { FunctionType } from "../../src/ir/types.ts";
import { CallIndirectOp, CallOp, ConstantOp, ReturnOp } from "./call-ops.ts";

export const funcInterpretations: readonly InterpretationEntry[] = [
  interpretation(ReturnOp, (_op, args, ctx) => ctx.exit(args)),
  interpretation(CallOp, (op, args, ctx) => ctx.call(op, op.callee, args)),
  interpretation(ConstantOp, (op, _args, ctx) => {
    const type = op.result.type;
    if (!(type instanceof FunctionType)) return ctx.fail("invalid-ir", "a func.constant result must have a function type");
    return [functionRef(op.value.root, type)];
  }),
  interpretation(CallIndirectOp, (op, args, ctx) => {
    const [callee, ...rest] = args;
    if (callee?.kind !== "function") return ctx.fail("invalid-ir", "the callee is not a function value");
    return ctx.call(op, callee.symbol, rest);
  }),
];

