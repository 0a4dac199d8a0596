/**
 * `arith.constant`: `%c42_i32 = arith.constant 42 : i32`, `%true = arith.constant true`,
 * `%cst = arith.constant dense<1.0> : tensor<4xf32>`. The result type is the value's type.
 *
 * Result names follow MLIR 16's getAsmResultNames: `%true` / `%false` for i1, `%c<value>_<type>` for other
 * integers (`%c-1_i64`), `%c<value>` for index (`%c0`), `%cst` for everything else.
 */
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { ConstantLike, Pure } from "../../src/ir/traits.ts";
import { IntegerType, type Type } from "../../src/ir/types.ts";
import { AnyType, type AttrConstraint, TypedAttr, typeOfAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { printType } from "../../src/text/print-attr.ts";

type TypedValue = typeof TypedAttr extends AttrConstraint<infer A> ? A : never;

/** The `value` attribute: any typed attribute; the custom form rejects untyped ones while parsing, as MLIR does. */
const ConstantValue: AttrConstraint<TypedValue> = {
  description: TypedAttr.description,
  test: TypedAttr.test,
  parse: (p) => {
    const loc = p.loc();
    const a = p.parseAttribute();
    if (!TypedAttr.test(a)) return p.error("invalid kind of attribute specified", loc);
    return a;
  },
};

function constantResultName(op: Operation): string {
  const value = op.attr("value");
  if (!(value instanceof IntegerAttr)) return "cst";
  const type = op.getResult(0).type;
  if (type instanceof IntegerType && type.width === 1) return value.value !== 0n ? "true" : "false";
  return type instanceof IntegerType ? `c${value.value}_${printType(type)}` : `c${value.value}`;
}

export const Constant = defineOp(
  {
    name: "arith.constant",
    summary: "integer or floating point constant",
    attributes: { value: ConstantValue },
    results: { result: AnyType },
    traits: [ConstantLike, Pure],
    format: "attr-dict $value",
    resultNames: (op) => [constantResultName(op)],
  },
  {
    inferResultTypes: (_operands, attributes: ReadonlyMap<string, Attribute>) => {
      const value = attributes.get("value");
      const type = value === undefined ? undefined : typeOfAttr(value);
      return type === undefined ? undefined : [type];
    },
    verify(op) {
      const type: Type = op.result.type;
      // ODS's AllTypesMatch<["value", "result"]>.
      if (typeOfAttr(op.value) !== type) return "failed to verify that all of {value, result} have same type";
      if (type instanceof IntegerType && !type.isSignless) return "integer return type must be signless";
      return undefined;
    },
  },
);
export type Constant = InstanceType<typeof Constant>;

