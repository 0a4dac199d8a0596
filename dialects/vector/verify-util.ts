/**
 * Small helpers shared by the vector ops' verifiers: MLIR's element-type predicates (PredOpTrait's
 * TCresVTEtIsSameAsOpBase and friends) and the integer-array range checks with MLIR 16's messages.
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { elementTypeOrSelf, type Type } from "../../src/ir/types.ts";
import { opError } from "../../src/irdl/op-error.ts";

/** PredOpTrait<"<what>", same element type>: `failed to verify that <what>`. */
export function sameElementType(op: Operation, a: Type, b: Type, what: string): Diagnostic | undefined {
  return elementTypeOrSelf(a) === elementTypeOrSelf(b) ? undefined : opError(op, `failed to verify that ${what}`);
}

/** The first diagnostic of a list of checks run in order (each a thunk, so later checks may assume earlier ones). */
export function firstError(...checks: readonly (() => Diagnostic | undefined)[]): Diagnostic | undefined {
  for (const check of checks) {
    const d = check();
    if (d !== undefined) return d;
  }
  return undefined;
}

/** MLIR's isIntegerArrayAttrSmallerThanShape. */
export function arrayNotLongerThanShape(op: Operation, values: readonly number[], shape: readonly number[], name: string): Diagnostic | undefined {
  return values.length > shape.length ? opError(op, `expected ${name} attribute of rank smaller than vector rank`) : undefined;
}

/** MLIR's isIntegerArrayAttrConfinedToRange: every value in [min, max) (or [min, max] when closed). */
export function arrayConfinedToRange(op: Operation, values: readonly number[], min: number, max: number, name: string, halfOpen = true): Diagnostic | undefined {
  const upper = halfOpen ? max : max + 1;
  return values.some((v) => v < min || v >= upper) ? opError(op, `expected ${name} to be confined to [${min}, ${upper})`) : undefined;
}

/** MLIR's isIntegerArrayAttrConfinedToShape: value i in [min, shape[i]) (or closed). */
export function arrayConfinedToShape(
  op: Operation,
  values: readonly number[],
  shape: readonly number[],
  name: string,
  halfOpen = true,
  min = 0,
): Diagnostic | undefined {
  for (let i = 0; i < Math.min(values.length, shape.length); i++) {
    const v = values[i] as number;
    const max = (shape[i] as number) + (halfOpen ? 0 : 1);
    if (v < min || v >= max) return opError(op, `expected ${name} dimension ${i} to be confined to [${min}, ${max})`);
  }
  return undefined;
}

/** MLIR's isSumOfIntegerArrayAttrConfinedToShape: a[i] + b[i] in [0, shape[i]) (or closed); `min` is only printed. */
export function sumConfinedToShape(
  op: Operation,
  a: readonly number[],
  b: readonly number[],
  shape: readonly number[],
  nameA: string,
  nameB: string,
  halfOpen = true,
  min = 1,
): Diagnostic | undefined {
  const n = Math.min(a.length, b.length, shape.length);
  for (let i = 0; i < n; i++) {
    const sum = (a[i] as number) + (b[i] as number);
    const max = (shape[i] as number) + (halfOpen ? 0 : 1);
    if (sum < 0 || sum >= max) return opError(op, `expected sum(${nameA}, ${nameB}) dimension ${i} to be confined to [${min}, ${max})`);
  }
  return undefined;
}
