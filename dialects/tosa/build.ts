/**
 * Building TOSA ops without spelling their result types: shape inference (infer-shape.ts) gives the shapes,
 * and the element type is the one the op fixes (i1 for comparisons, i32 for argmax), else `elementType` when
 * given (cast, rescale, quantized convolutions), else the first operand's.
 *
 *   const y = buildTosa(b, AddOp, { input1: x, input2: bias }).output;          // broadcast shape
 *   const m = buildTosa(b, MatMulOp, { a: q, b: kT }).c;                          // (N, H, W)
 *   const c = buildTosa(b, CastOp, { input: m }, f16).output;                    // element type given
 *   const k = tosaConst(b, DenseElementsAttr.splat(tensor([4], f32), 1));        // result type of the value
 *
 * (select takes its element type from on_true, not from its i1 predicate.)
 *
 * A shape that cannot be inferred (operands that do not broadcast, an axis out of range) throws, naming the
 * op and its operand types: builders are called by frontends that checked their inputs already.
 */
import type { Attribute, DenseElementsAttr, DenseResourceElementsAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Region } from "../../src/ir/operation.ts";
import { RankedTensorType, type Type, UnrankedTensorType, i32 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { OpClass } from "../../src/irdl/define-op.ts";
import type { BuildArgs, OpInstance, OpSpec } from "../../src/irdl/spec.ts";
import { printType } from "../../src/text/print-attr.ts";
import { componentsTensorType, inferReturnTypeComponents } from "../../src/interfaces/infer-shaped-type.ts";
import { ConstOp } from "./ops.ts";

/** Element types some ops fix whatever their operands are. */
const fixedElementType: Readonly<Record<string, Type>> = { "tosa.argmax": i32 };
/** The operand whose element type the result has, where it is not the first (select's is its on_true). */
const elementOperand: Readonly<Record<string, number>> = { "tosa.select": 1 };

const elementTypeOf = (t: Type | undefined): Type | undefined =>
  t instanceof RankedTensorType || t instanceof UnrankedTensorType ? t.elementType : undefined;

/** The result types op kind `def` would infer for these arguments; throws when it cannot. */
export function tosaResultTypes<S extends OpSpec>(def: OpClass<S>, args: BuildArgs<S>, elementType?: Type): Type[] {
  const info = def.info;
  const named = args as unknown as Readonly<Record<string, unknown>>;
  const operands: Value[] = [];
  for (const g of info.operands) {
    const v = named[g.name];
    if (v === undefined) continue;
    if (g.kind === "variadic") operands.push(...(v as Value[]));
    else operands.push(v as Value);
  }
  const attributes = new Map<string, Attribute>();
  for (const a of info.attributes) {
    const v = named[a.name];
    if (v !== undefined) attributes.set(a.name, v as Attribute);
  }
  const regions = info.regions.map((r) => named[r.name]).filter((r): r is Region => r !== undefined);
  const components = inferReturnTypeComponents(info, operands, attributes, regions);
  // With ranked operands, an unranked result means the inference failed (operands that do not broadcast).
  const failed = regions.length === 0 && operands.every((v) => v.type instanceof RankedTensorType) && components?.some((c) => c.shape === undefined);
  if (components === undefined || failed) {
    const types = operands.map((v) => printType(v.type)).join(", ");
    throw new Error(`'${info.name}': cannot infer the result type for operands (${types})`);
  }
  const element = fixedElementType[info.name] ?? elementType ?? elementTypeOf(operands[elementOperand[info.name] ?? 0]?.type);
  return components.map((c) => {
    const e = c.elementType ?? element;
    if (e === undefined) throw new Error(`'${info.name}': give the result element type`);
    return componentsTensorType(c, e);
  });
}

/** `b.create(def, args)` with the result types inferred (see the module comment). */
export function buildTosa<S extends OpSpec>(b: Builder, def: OpClass<S>, args: BuildArgs<S>, elementType?: Type): OpInstance<S> {
  const types = tosaResultTypes(def, args, elementType);
  const withTypes: Record<string, unknown> = { ...args };
  const results = def.info.results;
  if (results.length === 1 && results[0]?.kind === "variadic") withTypes[results[0].name] = types;
  else results.forEach((g, i) => (withTypes[g.name] = types[i]));
  return b.create(def, withTypes as BuildArgs<S>);
}

/** `tosa.const` holding `value`, of the value's type. */
export function tosaConst(b: Builder, value: DenseElementsAttr | DenseResourceElementsAttr): Value<RankedTensorType> {
  const type = value.type;
  if (!(type instanceof RankedTensorType)) throw new Error("'tosa.const': the value must be a tensor");
  return b.create(ConstOp, { value, output: type }).output as Value<RankedTensorType>;
}


