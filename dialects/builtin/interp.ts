/**
 * Interpreter semantics of the builtin dialect. `builtin.unrealized_conversion_cast` has no semantics of its
 * own; the interpreter runs only the casts that change nothing (each output has its input's type), which is
 * what a chain of casts folds to, and index <-> i64 (the same integer), which conversions to the llvm dialect
 * leave where converted and unconverted code meet; it reports the others as unsupported.
 */
import { type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import { describeType, type IntValue, intValue, intWidth, isIntLikeType } from "../../src/interp/values.ts";
import { IndexType, IntegerType, type Type } from "../../src/ir/types.ts";

/** Whether `a` and `b` are an index and a signless integer of index's width (either way round). */
function sameWidthInt(a: Type, b: Type | undefined): boolean {
  if (b === undefined || !isIntLikeType(a) || !isIntLikeType(b)) return false;
  const oneIndex = (a instanceof IndexType) !== (b instanceof IndexType);
  return oneIndex && intWidth(a) === intWidth(b);
}
import { UnrealizedConversionCastOp } from "./ops.ts";

export const builtinInterpretations: readonly InterpretationEntry[] = [
  interpretation(UnrealizedConversionCastOp, (op, args, ctx) => {
    const types = op.resultTypes;
    const identity = args.length === types.length && args.every((v, i) => v.type === types[i]);
    if (identity) return args;
    // index <-> the integer of its width (64 bits here), as conversions to llvm leave them at function
    // boundaries: the same integer, retyped.
    const retyped = args.length === types.length && args.every((v, i) => v.kind === "int" && sameWidthInt(v.type, types[i]));
    if (retyped) return args.map((v, i) => intValue(types[i] as IntegerType | IndexType, (v as IntValue).value));
    const from = args.map((v) => describeType(v.type)).join(", ");
    return ctx.fail("unsupported", `cannot run a cast from (${from}) to (${types.map(describeType).join(", ")})`);
  }),
];

