/** The math dialect: elementwise mathematical functions on floats and integers (MLIR 16's MathOps.td). */
import type { Attribute } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import { TypedAttr, typeOfAttr } from "../../src/irdl/constraints.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { ConstantOp } from "../arith/ops-constant.ts";
import { mathInterpretations } from "./interp.ts";
import { mathOps } from "./ops.ts";

export * from "./ops.ts";

/** Folded math constants are `arith.constant`s, as MLIR's MathDialect::materializeConstant builds them. */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (!TypedAttr.test(value) || typeOfAttr(value) !== type) return undefined;
  return b.withLoc(loc, () => b.create(ConstantOp, { value }));
}

export const math = defineDialect({ name: "math", ops: mathOps, materializeConstant, interpreter: mathInterpretations });
