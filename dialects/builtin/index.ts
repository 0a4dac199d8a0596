/** The builtin dialect: `module` and `unrealized_conversion_cast` (its types and attributes live in src/ir). */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { builtinInterpretations } from "./interp.ts";
import { ModuleOp, UnrealizedConversionCastOp } from "./ops.ts";

export { createModule, ModuleOp, moduleBody, UnrealizedConversionCastOp } from "./ops.ts";

export const builtin = defineDialect({ name: "builtin", ops: [ModuleOp, UnrealizedConversionCastOp], interpreter: builtinInterpretations });

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type BuiltinOp = ModuleOp | UnrealizedConversionCastOp;
