/**
 * The index dialect (MLIR 16): target-independent arithmetic, casts, comparisons and constants on scalar
 * `index` values. `indexDialect` is the DialectInfo to load into a Context (named so as not to clash with the
 * `index.ts` modules).
 */
import { type Attribute, IntegerAttr, isBoolAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IndexType, type Type, i1 } from "../../src/ir/types.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { IndexCmpPredicateAttr } from "./attrs.ts";
import { indexInterpretations } from "./interp.ts";
import { BoolConstantOp, ConstantOp, indexOps } from "./ops.ts";

export * from "./attrs.ts";
export * from "./ops.ts";

/**
 * Folding's constants, as MLIR's IndexDialect::materializeConstant: a bool attribute as `index.bool.constant`
 * (for an i1), an index attribute as `index.constant` (for an index); nothing else.
 */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  if (isBoolAttr(value)) return type === i1 ? b.withLoc(loc, () => b.create(BoolConstantOp, { value, result: i1 })) : undefined;
  if (value instanceof IntegerAttr && value.type instanceof IndexType && type instanceof IndexType) {
    return b.withLoc(loc, () => b.create(ConstantOp, { value, result: type }));
  }
  return undefined;
}

export const indexDialect = defineDialect({
  name: "index",
  ops: indexOps,
  attributes: [IndexCmpPredicateAttr],
  materializeConstant,
  interpreter: indexInterpretations,
});
