/**
 * Interpreter semantics of the cf dialect: unconditional, conditional and multi-way branches with block
 * arguments, and `cf.assert`, whose failure ends the run with an `assertion` error carrying its message.
 */
import { type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import { type IntValue, type RuntimeValue, isTrue } from "../../src/interp/values.ts";
import { normalizeInt } from "../../src/ir/attributes.ts";
import type { Block } from "../../src/ir/operation.ts";
import { AssertOp, BranchOp, CondBranchOp, SwitchOp, switchCaseValues } from "./ops.ts";

function condition(v: RuntimeValue | undefined): IntValue {
  if (v?.kind !== "int") throw new TypeError("a branch condition must be an integer value");
  return v;
}

export const cfInterpretations: readonly InterpretationEntry[] = [
  interpretation(BranchOp, (op, args, ctx) => ctx.branch(op.dest, args)),

  interpretation(CondBranchOp, (op, args, ctx) => {
    const trueCount = op.trueDestOperands.length;
    if (isTrue(condition(args[0]))) return ctx.branch(op.trueDest, args.slice(1, 1 + trueCount));
    return ctx.branch(op.falseDest, args.slice(1 + trueCount));
  }),

  interpretation(SwitchOp, (op, args, ctx) => {
    const flag = condition(args[0]);
    const defaultCount = op.defaultOperands.length;
    const caseArgs = args.slice(1 + defaultCount);
    const segments = op.case_operand_segments.numbers;
    // Case values are stored signed for signless flags; compare in the flag's canonical form.
    const index = switchCaseValues(op).findIndex((c) => normalizeInt(c, flag.type) === flag.value);
    if (index < 0) return ctx.branch(op.defaultDestination, args.slice(1, 1 + defaultCount));
    const start = segments.slice(0, index).reduce((a, b) => a + b, 0);
    const dest = op.caseDestinations[index] as Block;
    return ctx.branch(dest, caseArgs.slice(start, start + (segments[index] ?? 0)));
  }),

  interpretation(AssertOp, (op, args, ctx) => {
    if (!isTrue(condition(args[0]))) ctx.fail("assertion", `assertion failed: ${op.msg.value}`);
    return [];
  }),
];

