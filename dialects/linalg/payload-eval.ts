/**
 * The named ops' fast path: a payload expression (payload.ts) compiled, for the op's element types, into a
 * function of the operands' elements, with exactly the semantics of the ops its implicit region holds (the
 * same src/interp kernels arith's and math's interpretations use), so that a named op and its generalised
 * linalg.generic compute the same elements, NaNs and undefined behaviour included.
 */
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { fail } from "../../src/interp/errors.ts";
import { type Element, type FloatElement, floatKindOf, intWidth, isIntLikeType, normalizeElement, type ScalarType, type SupportedFloatKind } from "../../src/interp/values.ts";
import { FloatType, IndexType, IntegerType, type Type, f64, i64 } from "../../src/ir/types.ts";
import type { BinaryFn, UnaryFn } from "./attrs.ts";
import { type AttrReader, FIXED_TYPE_VARS, resolveFn, type ScalarExpr } from "./payload.ts";

/** A compiled scalar expression: its value at a point, from the operands' elements and the loop indices. */
type Compiled = { readonly type: ScalarType; readonly eval: (args: readonly Element[], idx: readonly number[]) => Element };

export interface PayloadTypes {
  /** The element type of each operand, by table name, and the operand's position among the arguments. */
  readonly operands: ReadonlyMap<string, { readonly type: Type; readonly position: number }>;
  readonly typeVars: ReadonlyMap<string, Type>;
  readonly attrs: AttrReader;
}

const scalar = (t: Type): ScalarType => (isIntLikeType(t) || t instanceof FloatType ? t : fail("unsupported", `a payload on ${String(t)} elements`));

/** MLIR's convertScalarToDtype, on elements. */
function castFn(from: ScalarType, to: ScalarType, unsigned: boolean): ((e: Element) => Element) | undefined {
  if (from === to) return undefined;
  if (to instanceof IntegerType) {
    const n = to.width;
    if (from instanceof FloatType) return (e) => F.floatToInt(e as FloatElement, n, !unsigned);
    if (from instanceof IndexType) return (e) => normalizeElement(to, e);
    if (from instanceof IntegerType && to.width !== from.width) {
      const m = from.width;
      return to.width > m && unsigned ? (e) => normalizeElement(to, BigInt.asUintN(m, e as bigint)) : (e) => normalizeElement(to, e);
    }
  } else if (to instanceof FloatType) {
    const kind = floatKindOf(to);
    if (from instanceof IntegerType) {
      const m = from.width;
      return unsigned ? (e) => F.intToFloat(BigInt.asUintN(m, e as bigint), kind) : (e) => F.intToFloat(e as bigint, kind);
    }
    if (from instanceof FloatType && from.width !== to.width) {
      const fromKind = floatKindOf(from);
      return (e) => F.convertFloat(e as FloatElement, fromKind, kind);
    }
  }
  return undefined;
}

function unaryFn(fn: UnaryFn, t: ScalarType): (a: Element) => Element {
  if (!(t instanceof FloatType)) return fail("invalid-ir", `unary function '${fn}' on ${String(t)}`);
  const k = floatKindOf(t);
  const math = (f: (x: number) => number) => (a: Element) => F.floatOp(k, [a as FloatElement], f);
  switch (fn) {
    case "exp":
      return math(Math.exp);
    case "log":
      return math(Math.log);
    case "ceil":
      return math(Math.ceil);
    case "floor":
      return math(Math.floor);
    case "abs":
      return (a) => F.absF(k, a as FloatElement);
    case "negf":
      return (a) => F.negF(k, a as FloatElement);
  }
}

const FLOAT_BINARY: Readonly<Record<BinaryFn, (k: SupportedFloatKind, a: FloatElement, b: FloatElement) => FloatElement>> = {
  add: F.addF,
  sub: F.subF,
  mul: F.mulF,
  max_signed: F.maxF,
  min_signed: F.minF,
  max_unsigned: F.maxF,
  min_unsigned: F.minF,
};
const INT_BINARY: Readonly<Record<BinaryFn, (n: number, a: bigint, b: bigint) => bigint>> = {
  add: I.addI,
  sub: I.subI,
  mul: I.mulI,
  max_signed: I.maxSI,
  min_signed: I.minSI,
  max_unsigned: I.maxUI,
  min_unsigned: I.minUI,
};

/** Plain arithmetic of f32 and f64 (rounded once), for add, sub and mul: what the float kernels compute unless a NaN is involved. */
const PLAIN: Partial<Record<BinaryFn, (x: number, y: number) => number>> = { add: (x, y) => x + y, sub: (x, y) => x - y, mul: (x, y) => x * y };

/** The ops the region builder picks on i1: `or` for add, `and` for mul. */
function binaryFn(fn: BinaryFn, t: ScalarType): (a: Element, b: Element) => Element {
  if (t instanceof FloatType) {
    const k = floatKindOf(t);
    const f = FLOAT_BINARY[fn];
    const slow = (a: Element, b: Element): Element => f(k, a as FloatElement, b as FloatElement);
    const plain = PLAIN[fn];
    const round = k === "f64" ? (x: number) => x : k === "f32" ? Math.fround : undefined;
    if (plain === undefined || round === undefined) return slow;
    // NaN operands and NaN results (inf - inf) take the kernels' path, which decides the NaN.
    return (a, b) => {
      if (typeof a !== "number" || typeof b !== "number") return slow(a, b);
      const r = plain(a, b);
      return Number.isNaN(r) ? slow(a, b) : round(r);
    };
  }
  const n = intWidth(t);
  const f = n === 1 && fn === "add" ? I.orI : n === 1 && fn === "mul" ? I.andI : INT_BINARY[fn];
  return (a, b) => f(n, a as bigint, b as bigint);
}

function compile(e: ScalarExpr, types: PayloadTypes): Compiled {
  switch (e.kind) {
    case "arg": {
      const o = types.operands.get(e.name) ?? fail("internal", `payload argument '${e.name}' names no operand`);
      const p = o.position;
      return { type: scalar(o.type), eval: (args) => args[p] as Element };
    }
    case "const": {
      const value: Element = e.type === "i64" ? BigInt(e.value) : e.value;
      return { type: e.type === "i64" ? i64 : f64, eval: () => value };
    }
    case "index": {
      const d = e.dim;
      return { type: IndexType.get(), eval: (_, idx) => BigInt(idx[d] as number) };
    }
    case "unary": {
      const x = compile(e.operand, types);
      const f = unaryFn(resolveFn(e.fn, types.attrs), x.type);
      return { type: x.type, eval: (args, idx) => f(x.eval(args, idx)) };
    }
    case "binary": {
      const l = compile(e.lhs, types);
      const r = compile(e.rhs, types);
      if (l.type !== r.type) fail("invalid-ir", `binary function on ${String(l.type)} and ${String(r.type)}`);
      const f = binaryFn(resolveFn(e.fn, types.attrs), l.type);
      return { type: l.type, eval: (args, idx) => f(l.eval(args, idx), r.eval(args, idx)) };
    }
    case "cast": {
      const x = compile(e.operand, types);
      const to = scalar(FIXED_TYPE_VARS[e.to] ?? types.typeVars.get(e.to) ?? fail("internal", `type variable '${e.to}'`));
      const f = castFn(x.type, to, resolveFn(e.fn, types.attrs) === "cast_unsigned");
      // No conversion applies (MLIR keeps the value): the type stays, and the yield's check fails later.
      if (f === undefined) return x;
      return { type: to, eval: (args, idx) => f(x.eval(args, idx)) };
    }
  }
}

/** The payload as a function of the operands' elements (in operand order) and the loop indices. */
export function compilePayload(payload: ScalarExpr, types: PayloadTypes): (args: readonly Element[], idx: readonly number[]) => Element {
  return compile(payload, types).eval;
}
