/**
 * `arith.constant`: `%c42_i32 = arith.constant 42 : i32`, `%true = arith.constant true`,
 * `%cst = arith.constant dense<1.0> : tensor<4xf32>`. The result type is the value's type.
 *
 * Result names follow MLIR 16's getAsmResultNames: `%true` / `%false` for i1, `%c<value>_<type>` for other
 * integers (`%c-1_i64`), `%c<value>` for index (`%c0`), `%cst` for everything else.
 */
import { type Attribute, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Builder, BuiltFrom } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { OpResult, Value } from "../../src/ir/value.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { ConstantLike, Pure } from "../../src/ir/traits.ts";
import { type FloatType, type IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { AnyType, TypedAttr, type TypedAttribute, typeOfAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { printType } from "../../src/text/print-attr.ts";

function constantResultName(op: Operation): string {
  const value = op.attr("value");
  if (!(value instanceof IntegerAttr)) return "cst";
  const type = op.getResult(0).type;
  if (type instanceof IntegerType && type.width === 1) return value.value !== 0n ? "true" : "false";
  return type instanceof IntegerType ? `c${value.value}_${printType(type)}` : `c${value.value}`;
}

const ConstantKind = defineOp(
  {
    name: "arith.constant",
    summary: "integer or floating point constant",
    // A typed attribute; the format rejects untyped ones while parsing ("invalid kind of attribute specified").
    attributes: { value: TypedAttr },
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
      if (typeOfAttr(op.value) !== type) return opError(op, "failed to verify that all of {value, result} have same type");
      if (type instanceof IntegerType && !type.isSignless) return opError(op, "integer return type must be signless");
      return undefined;
    },
  },
);

/** The type of a typed attribute's value: `IntegerType | IndexType` for an IntegerAttr, `FloatType` for a FloatAttr. */
type TypeOfValue<A> = A extends { readonly type: infer T extends Type } ? T : Type;

/** An `arith.constant` whose result (and value) has type `T`. */
export type ConstantOp<T extends Type = Type> = InstanceType<typeof ConstantKind> & { readonly result: OpResult<T> };

/** What `create(ConstantOp, args)` gives: a constant typed by `args.value` (see BuiltFrom in src/ir/builder.ts). */
interface ConstantFrom extends BuiltFrom {
  readonly op: ConstantOp<TypeOfValue<(this["args"] & { readonly value: unknown })["value"]>>;
}

/**
 * `arith.constant`, with a `build` generic over its value: `ConstantOp.build({ value: FloatAttr.get(f32, 1) })`
 * (and `b.create(ConstantOp, ...)`) is a constant whose `result` is a `Value<FloatType>`.
 */
type ConstantClass = {
  readonly "~builtFrom": ConstantFrom | undefined;
  build<A extends TypedAttribute>(
    args: { readonly value: A; readonly result?: Type; readonly extraAttributes?: Readonly<Record<string, Attribute>> },
    loc?: Location,
  ): ConstantOp<TypeOfValue<A>>;
} & typeof ConstantKind;
// The runtime build gives the result its value's type (inferResultTypes above); the cast says so to tsc.
export const ConstantOp = ConstantKind as ConstantClass;


/** An integer or index constant at `b`'s insertion point, typed for the integer builders (`AddIOp`, `ShLIOp`, ...). */
export function constantInt<T extends IntegerType | IndexType>(b: Builder, type: T, value: bigint | number): Value<T> {
  // The result has the value's type, `type`; IntegerAttr.get does not keep `T` in its type, so the cast restores it.
  return b.create(ConstantOp, { value: IntegerAttr.get(type, value) }).result as unknown as Value<T>;
}

/** A float constant at `b`'s insertion point (rounded to `type`), typed for the float builders. */
export function constantFloat(b: Builder, type: FloatType, value: number): Value<FloatType> {
  return b.create(ConstantOp, { value: FloatAttr.get(type, value) }).result;
}
