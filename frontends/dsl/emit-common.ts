/**
 * What the target emitters share: IR types of DSL tensors, dense constants, the location of a node, and
 * building an op by name through the context.
 *
 * Ops are built by name with MLIR 16's operand and attribute names (the ODS contract the generic text form
 * also relies on): the context's registered class is used when its dialect is loaded (so the op verifies and
 * interprets as that dialect says), else the op is unregistered and still prints in generic form. That keeps
 * the emitters independent of each dialect's TypeScript builder spelling.
 */
import { type Attribute, DenseElementsAttr, type DenseStorage, DenseArrayAttr, IntegerAttr, storageFor } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Context } from "../../src/ir/context.ts";
import { FileLineColLoc, type Location, NameLoc, UnknownLoc } from "../../src/ir/location.ts";
import { Operation, type Region } from "../../src/ir/operation.ts";
import { bf16, f16, f32, f64, i1, i16, i32, i64, i8, RankedTensorType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { relative } from "node:path";
import { DslError, type Node } from "./graph.ts";
import type { DType } from "./types.ts";

const elementTypes: Readonly<Record<DType, Type>> = { f16, bf16, f32, f64, i1, i8, i16, i32, i64 };

export const elementTypeOf = (dtype: DType): Type => elementTypes[dtype];
export const tensorTypeOf = (dtype: DType, shape: readonly number[]): RankedTensorType => RankedTensorType.get(shape, elementTypes[dtype]);
export const nodeType = (node: Node): RankedTensorType => tensorTypeOf(node.dtype, node.shape);

/** `dense<...>` of the values (row-major, or one value for a splat) as `dtype`. */
export function denseOf(dtype: DType, shape: readonly number[], values: ArrayLike<number>): DenseElementsAttr {
  const type = tensorTypeOf(dtype, shape);
  const Storage = storageFor(type.elementType);
  if (Storage === undefined || dtype === "f16" || dtype === "bf16")
    throw new DslError("constant", `constants of ${dtype} are not supported yet (use f32 and cast)`, undefined);
  const data = new Storage(values.length) as DenseStorage;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) data[i] = BigInt(v);
    else (data as Exclude<DenseStorage, BigInt64Array | BigUint64Array>)[i] = v;
  }
  return DenseElementsAttr.get(type, data);
}

export const i64Attr = (v: number): IntegerAttr => IntegerAttr.get(i64, v);
export const i32Attr = (v: number): IntegerAttr => IntegerAttr.get(i32, v);
export const i64Array = (values: readonly number[]): DenseArrayAttr => DenseArrayAttr.get(i64, values);

/**
 * The location of a node's ops: its scope name (`loc("layers.3.mlp.gate")`) around the DSL call site (the
 * file relative to the working directory), or just one of them.
 */
export function nodeLoc(node: Node): Location {
  const site = node.site === undefined ? undefined : FileLineColLoc.get(relative(process.cwd(), node.site.file), node.site.line, node.site.column);
  if (node.scope === "") return site ?? UnknownLoc.get();
  return NameLoc.get(node.scope, site);
}

/** Builds and inserts `name` with these operands, result types and attributes (see the header). */
export function createOp(
  ctx: Context,
  b: Builder,
  name: string,
  operands: readonly Value[],
  resultTypes: readonly Type[],
  attributes: Record<string, Attribute> = {},
  regions: readonly Region[] = [],
): Operation {
  const cls = ctx.lookupOp(name) ?? Operation;
  return b.insert(cls.create({ name, operands: [...operands], resultTypes: [...resultTypes], attributes, regions, loc: b.loc }));
}

/** The one result of an op built by `createOp`. */
export function resultOf(op: Operation): Value {
  const r = op.results[0];
  if (r === undefined) throw new Error(`'${op.name}' has no result`);
  return r;
}

export const numElements = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);
