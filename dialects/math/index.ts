/** The math dialect: elementwise mathematical functions on floats and integers (MLIR 16's MathOps.td). */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { mathOps } from "./ops.ts";

export * from "./ops.ts";
export { FASTMATH } from "./asm.ts";

export const math = defineDialect({ name: "math", ops: mathOps });
