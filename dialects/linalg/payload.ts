/**
 * The scalar payload of a named linalg op, as a small expression tree (OpDSL's scalar expressions): what one
 * point of the iteration space computes from the operands' elements. The same tree builds the op's implicit
 * region, exactly as MLIR 16's RegionBuilderHelper does (so `--mlir-print-op-generic` agrees op for op), and
 * is what the interpreter's fast path evaluates.
 *
 *   add(arg("C"), mul(cast("U", arg("A")), cast("U", arg("B"))))      linalg.matmul
 *
 *   ^bb0(%a: i8, %b: i8, %c: f16):
 *     %0 = arith.sitofp %a : i8 to f16          casts as MLIR's convertScalarToDtype: none when the type
 *     %1 = arith.sitofp %b : i8 to f16          already matches, sitofp/uitofp, extsi/extui/trunci,
 *     %2 = arith.mulf %0, %1 : f16              extf/truncf, fptosi/fptoui, index_cast
 *     %3 = arith.addf %c, %2 : f16
 *     linalg.yield %3 : f16
 *
 * Functions are fixed (`add`) or read from an attribute of the op (`{ attr: "fun" }`, with its default).
 */
import { FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { FloatType, IndexType, IntegerType, type Type, f64, i32, i64 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { printType } from "../../src/text/printer.ts";
import { ConstantOp } from "../arith/ops-constant.ts";
import { ExtFOp, ExtSIOp, ExtUIOp, FPToSIOp, FPToUIOp, IndexCastOp, SIToFPOp, TruncFOp, TruncIOp, UIToFPOp } from "../arith/ops-cast.ts";
import { AddFOp, MaxFOp, MinFOp, MulFOp, NegFOp, SubFOp } from "../arith/ops-float.ts";
import { AddIOp, AndIOp, MaxSIOp, MaxUIOp, MinSIOp, MinUIOp, MulIOp, OrIOp, SubIOp } from "../arith/ops-int.ts";
import { AbsFOp, CeilOp, ExpOp, FloorOp, LogOp } from "../math/ops.ts";
import type { BinaryFn, TypeFn, UnaryFn } from "./attrs.ts";
import { IndexOp, YieldOp } from "./ops-core.ts";

/** A function fixed by the op, or read from one of its attributes (with the default when it is absent). */
export type FnRef<F extends string> = F | { readonly attr: string; readonly default: F };

export type ScalarExpr =
  /** The element of an operand (by its name in the table) at the current point. */
  | { readonly kind: "arg"; readonly name: string }
  /** A constant of a fixed type (OpDSL's `const(...)`). */
  | { readonly kind: "const"; readonly value: number; readonly type: "i64" | "f64" }
  /** The current index along a loop (linalg.index). */
  | { readonly kind: "index"; readonly dim: number }
  | { readonly kind: "unary"; readonly fn: FnRef<UnaryFn>; readonly operand: ScalarExpr }
  | { readonly kind: "binary"; readonly fn: FnRef<BinaryFn>; readonly lhs: ScalarExpr; readonly rhs: ScalarExpr }
  /** A conversion to the type a type variable stands for (`U`: the output's element type; `I32`, `F64`). */
  | { readonly kind: "cast"; readonly fn: FnRef<TypeFn>; readonly to: string; readonly operand: ScalarExpr };

// ---- constructors, for the table ---------------------------------------------------------------------------

export const arg = (name: string): ScalarExpr => ({ kind: "arg", name });
export const constI64 = (value: number): ScalarExpr => ({ kind: "const", value, type: "i64" });
export const constF64 = (value: number): ScalarExpr => ({ kind: "const", value, type: "f64" });
export const index = (dim: number): ScalarExpr => ({ kind: "index", dim });
export const unary = (fn: FnRef<UnaryFn>, operand: ScalarExpr): ScalarExpr => ({ kind: "unary", fn, operand });
export const binary = (fn: FnRef<BinaryFn>, lhs: ScalarExpr, rhs: ScalarExpr): ScalarExpr => ({ kind: "binary", fn, lhs, rhs });
export const add = (lhs: ScalarExpr, rhs: ScalarExpr): ScalarExpr => binary("add", lhs, rhs);
export const sub = (lhs: ScalarExpr, rhs: ScalarExpr): ScalarExpr => binary("sub", lhs, rhs);
export const mul = (lhs: ScalarExpr, rhs: ScalarExpr): ScalarExpr => binary("mul", lhs, rhs);
/** A cast with the function the op's `cast` attribute names (default signed). */
export const castAttr = (to: string, operand: ScalarExpr): ScalarExpr => ({ kind: "cast", fn: { attr: "cast", default: "cast_signed" }, to, operand });
export const castSigned = (to: string, operand: ScalarExpr): ScalarExpr => ({ kind: "cast", fn: "cast_signed", to, operand });
export const castUnsigned = (to: string, operand: ScalarExpr): ScalarExpr => ({ kind: "cast", fn: "cast_unsigned", to, operand });

/** Type variables with a fixed meaning; the others name the element type of the operands declared with them. */
export const FIXED_TYPE_VARS: Readonly<Record<string, Type>> = { I32: i32, F64: f64 };

// ---- resolving functions -------------------------------------------------------------------------------------

/** How an op's attributes are read while building or evaluating its payload. */
export type AttrReader = (name: string) => string | undefined;

/** The function a reference names: the fixed one, or the case of the attribute (its default when absent). */
export function resolveFn<F extends string>(fn: FnRef<F>, attrs: AttrReader): F {
  if (typeof fn === "string") return fn;
  return (attrs(fn.attr) as F | undefined) ?? fn.default;
}

/** The operands of a payload, post-order (the order MLIR's region builder creates ops in). */
export function walkExpr(e: ScalarExpr, visit: (e: ScalarExpr) => void): void {
  if (e.kind === "unary" || e.kind === "cast") walkExpr(e.operand, visit);
  else if (e.kind === "binary") {
    walkExpr(e.lhs, visit);
    walkExpr(e.rhs, visit);
  }
  visit(e);
}

// ---- building the region -------------------------------------------------------------------------------------

/** Why a payload cannot be built for these types (MLIR asserts; Tensile reports it). */
export class PayloadError extends Error {}

type Category = "float" | "int" | "other";
const category = (t: Type): Category => (t instanceof FloatType ? "float" : t instanceof IntegerType ? "int" : "other");

/** Any op kind, built from named arguments: the payload's values are typed only at run time. */
interface UntypedBuild {
  build(args: Readonly<Record<string, unknown>>, loc?: Location): Operation;
}
/** Creates an op of kind `cls` at `b` and returns its (single) result. */
const create = (b: Builder, cls: unknown, args: Readonly<Record<string, unknown>>): Value => b.insert((cls as UntypedBuild).build(args, b.loc)).getResult(0);

/**
 * MLIR's convertScalarToDtype: the op that converts `v` to `to` (none when the type already matches or no
 * conversion applies: MLIR warns and keeps the value, which then fails verification).
 */
function buildCast(b: Builder, v: Value, to: Type, unsigned: boolean): Value {
  const from = v.type;
  const cast = (cls: unknown): Value => create(b, cls, { in: v, out: to });
  if (from === to) return v;
  if (to instanceof IntegerType) {
    if (from instanceof FloatType) return cast(unsigned ? FPToUIOp : FPToSIOp);
    if (from instanceof IndexType) return cast(IndexCastOp);
    if (from instanceof IntegerType) {
      if (to.width > from.width) return cast(unsigned ? ExtUIOp : ExtSIOp);
      if (to.width < from.width) return cast(TruncIOp);
    }
  } else if (to instanceof FloatType) {
    if (from instanceof IntegerType) return cast(unsigned ? UIToFPOp : SIToFPOp);
    if (from instanceof FloatType) {
      if (to.width > from.width) return cast(ExtFOp);
      if (to.width < from.width) return cast(TruncFOp);
    }
  }
  return v;
}

const UNARY_OPS: Readonly<Record<UnaryFn, unknown>> = { exp: ExpOp, log: LogOp, abs: AbsFOp, ceil: CeilOp, floor: FloorOp, negf: NegFOp };

function buildUnary(b: Builder, fn: UnaryFn, v: Value): Value {
  if (category(v.type) !== "float") throw new PayloadError(`unary function '${fn}' needs a floating-point operand, not ${printType(v.type)}`);
  return create(b, UNARY_OPS[fn], { operand: v });
}

/** The ops of each binary function: on floats, on integers, on i1 (undefined: not defined there). */
const BINARY_OPS: Readonly<Record<BinaryFn, readonly [unknown, unknown, unknown]>> = {
  add: [AddFOp, AddIOp, OrIOp],
  sub: [SubFOp, SubIOp, undefined],
  mul: [MulFOp, MulIOp, AndIOp],
  max_signed: [MaxFOp, MaxSIOp, MaxSIOp],
  min_signed: [MinFOp, MinSIOp, MinSIOp],
  max_unsigned: [MaxFOp, MaxUIOp, MaxUIOp],
  min_unsigned: [MinFOp, MinUIOp, MinUIOp],
};

/** MLIR's buildBinaryFn: float ops on floats, integer ops on integers, `or`/`and` for add/mul on i1. */
function buildBinary(b: Builder, fn: BinaryFn, lhs: Value, rhs: Value): Value {
  const [cl, cr] = [category(lhs.type), category(rhs.type)];
  if (cl !== cr || cl === "other") {
    throw new PayloadError(`binary function '${fn}' needs two floating-point or two integer operands, not ${printType(lhs.type)} and ${printType(rhs.type)}`);
  }
  const bool = cl === "int" && (lhs.type as IntegerType).width === 1 && (rhs.type as IntegerType).width === 1;
  const [onFloat, onInt, onBool] = BINARY_OPS[fn];
  const cls = cl === "float" ? onFloat : bool ? onBool : onInt;
  if (cls === undefined) throw new PayloadError(`binary function '${fn}' is not defined on i1`);
  // Both operands are of one category; the op checks that their types agree, as MLIR's verifier would.
  return create(b, cls, { lhs, rhs });
}

export interface PayloadEnv {
  /** The block argument of each operand, by its table name. */
  readonly args: ReadonlyMap<string, Value>;
  /** The type each type variable stands for. */
  readonly typeVars: ReadonlyMap<string, Type>;
  readonly attrs: AttrReader;
}

/** The type a type variable stands for. */
export function typeVar(env: Pick<PayloadEnv, "typeVars">, name: string): Type {
  const t = FIXED_TYPE_VARS[name] ?? env.typeVars.get(name);
  if (t === undefined) throw new PayloadError(`type variable '${name}' names no operand`);
  return t;
}

function buildExpr(b: Builder, e: ScalarExpr, env: PayloadEnv): Value {
  switch (e.kind) {
    case "arg": {
      const v = env.args.get(e.name);
      if (v === undefined) throw new PayloadError(`payload argument '${e.name}' names no operand`);
      return v;
    }
    case "const":
      return create(b, ConstantOp, { value: e.type === "i64" ? IntegerAttr.get(i64, BigInt(e.value)) : FloatAttr.get(f64, e.value) });
    case "index":
      return create(b, IndexOp, { dim: IntegerAttr.get(i64, BigInt(e.dim)), result: IndexType.get() });
    case "unary":
      return buildUnary(b, resolveFn(e.fn, env.attrs), buildExpr(b, e.operand, env));
    case "binary": {
      const lhs = buildExpr(b, e.lhs, env);
      const rhs = buildExpr(b, e.rhs, env);
      return buildBinary(b, resolveFn(e.fn, env.attrs), lhs, rhs);
    }
    case "cast":
      return buildCast(b, buildExpr(b, e.operand, env), typeVar(env, e.to), resolveFn(e.fn, env.attrs) === "cast_unsigned");
  }
}

/** Appends the ops computing `payload` and the `linalg.yield` of its value to `block`. */
export function buildPayload(block: Block, payload: ScalarExpr, env: PayloadEnv): void {
  const b = Builder.atEnd(block);
  const value = buildExpr(b, payload, env);
  b.create(YieldOp, { values: [value] });
}
