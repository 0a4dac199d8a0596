/**
 * Interpreter semantics of the builtin dialect. `builtin.unrealized_conversion_cast` has no semantics of its
 * own; the interpreter runs only the casts that change nothing (each output has its input's type), which is
 * what a chain of casts folds to, and reports the others as unsupported.
 */
import { type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import { describeType } from "../../src/interp/values.ts";
import { UnrealizedConversionCastOp } from "./ops.ts";

export const builtinInterpretations: readonly InterpretationEntry[] = [
  interpretation(UnrealizedConversionCastOp, (op, args, ctx) => {
    const types = op.resultTypes;
    const identity = args.length === types.length && args.every((v, i) => v.type === types[i]);
    if (identity) return args;
    const from = args.map((v) => describeType(v.type)).join(", ");
    return ctx.fail("unsupported", `cannot run a cast from (${from}) to (${types.map(describeType).join(", ")})`);
  }),
];

