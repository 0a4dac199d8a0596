/**
 * Small matchers shared by arith's canonicalization patterns: the integer constant a value holds (scalar only,
 * as MLIR's `ConstantLikeMatcher APIntAttr`, or scalar or splat), element widths, and placing new ops.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IndexType, IntegerType, type Type, elementTypeOrSelf } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import type { PatternRewriter } from "../../src/rewrite/pattern.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { splatInt } from "../../dialects/arith/fold-consts.ts";

/** The IntegerAttr of a scalar integer constant (MLIR's `ConstantLikeMatcher APIntAttr`), else undefined. */
export function scalarIntConst(v: Value): IntegerAttr | undefined {
  const a = constantAttr(v);
  return a instanceof IntegerAttr ? a : undefined;
}

/** The value of a scalar or splat integer constant, as unsigned bits of the element width. */
export function intOrSplat(v: Value): bigint | undefined {
  return splatInt(constantAttr(v));
}

/** The bit width of an integer or float element type (index: undefined, as MLIR's getScalarOrElementWidth gives -1). */
export function elementWidth(t: Type): number | undefined {
  const e = elementTypeOrSelf(t);
  if (e instanceof IntegerType) return e.width;
  if (e instanceof IndexType) return undefined;
  return "width" in e && typeof e.width === "number" ? e.width : undefined;
}

/** Runs `build` with the rewriter placed before `op` and at its location. */
export function before<R>(rw: PatternRewriter, op: Operation, build: () => R): R {
  return rw.at(InsertionPoint.before(op), build, op.loc);
}
