/**
 * Every dialect Tensile defines, and a context with all of them loaded (what `tensile-opt` and the tests use).
 */
import { Context } from "../src/ir/context.ts";
import type { DialectInfo } from "../src/ir/context.ts";
import { arith } from "./arith/index.ts";
import { builtin } from "./builtin/index.ts";
import { cf } from "./cf/index.ts";
import { func } from "./func/index.ts";
import { math } from "./math/index.ts";
import { sparseTensor } from "./sparse_tensor/index.ts";

export { arith, builtin, cf, func, math, sparseTensor };

/** Every dialect, in load order. */
export const allDialects: readonly DialectInfo[] = [builtin, func, arith, cf, math, sparseTensor];

export interface NewContextOptions {
  /** Accept ops of dialects that are not loaded, in generic form (mlir-opt's --allow-unregistered-dialect). */
  readonly allowUnregisteredDialects?: boolean;
}

/** A context with every dialect loaded. */
export function newContext(opts: NewContextOptions = {}): Context {
  return new Context(allDialects, opts.allowUnregisteredDialects === undefined ? {} : { allowUnregisteredDialects: opts.allowUnregisteredDialects });
}
