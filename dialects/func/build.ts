/**
 * Typed helpers to build functions:
 *
 *   const f = buildFunc(b, "add", [i32, i32], [i32], (entry, fb) => {
 *     const sum = fb.create(AddIOp, { lhs: entry.arg(0), rhs: entry.arg(1) }).result;
 *     fb.create(ReturnOp, { values: [sum] });
 *   });
 */
import { StringAttr, TypeAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import { type Block, Region } from "../../src/ir/operation.ts";
import type { Visibility } from "../../src/ir/symbol-table.ts";
import { FunctionType, type Type } from "../../src/ir/types.ts";
import { FuncOp } from "./func-op.ts";

/** A `function_type` attribute (a TypeAttr known to hold a function type). */
export function functionTypeAttr(inputs: readonly Type[], results: readonly Type[]): TypeAttr & { readonly value: FunctionType } {
  return TypeAttr.get(FunctionType.get(inputs, results)) as TypeAttr & { readonly value: FunctionType };
}

export interface BuildFuncOptions {
  /** Defaults to public for a definition and private for a declaration (MLIR rejects public declarations). */
  readonly visibility?: Visibility;
}

/**
 * Creates a `func.func` at `b`'s insertion point (and location). With `body`, the function gets an entry block
 * whose arguments have the input types, and `body` fills it through a builder placed at its end; without, it
 * is a declaration.
 */
export function buildFunc(
  b: Builder,
  name: string,
  inputs: readonly Type[],
  results: readonly Type[],
  body?: (entry: Block, b: Builder) => void,
  opts: BuildFuncOptions = {},
): FuncOp {
  const visibility = opts.visibility ?? (body === undefined ? "private" : "public");
  const fn = b.create(FuncOp, {
    sym_name: StringAttr.get(name),
    function_type: functionTypeAttr(inputs, results),
    ...(visibility === "public" && opts.visibility === undefined ? {} : { sym_visibility: StringAttr.get(visibility) }),
    body: new Region(),
  });
  if (body === undefined) return fn;
  const inner = new Builder();
  inner.loc = b.loc;
  inner.listener = b.listener;
  const entry = inner.createBlock(fn.body, inputs);
  body(entry, inner);
  return fn;
}

/** The entry block of a function with a body. */
export function entryBlock(f: FuncOp): Block {
  const entry = f.body.entry;
  if (entry === undefined) throw new Error(`'@${f.sym_name.value}' is a declaration: it has no body`);
  return entry;
}
