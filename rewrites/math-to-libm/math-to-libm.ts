/**
 * `convert-math-to-libm` (MLIR 16's MathToLibm): the math ops LLVM has no intrinsic for become calls of C's libm
 * on f32 (`tanhf`) and f64 (`tanh`) scalars; the callee is declared once in the module (`func.func private`).
 * f16 and bf16 go through f32. `math.rsqrt`, which libm lacks, becomes 1 / sqrt. Vectors (what the
 * approximations, math-polynomial-approximation, left) are split into scalars first, as MLIR 16 splits them.
 *
 *   %y = math.tanh %x : f64      ->   %y = call @tanh(%x) : (f64) -> f64
 *                                     func.func private @tanh(f64) -> f64
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { DenseElementsAttr, FloatAttr, StringAttr, SymbolRefAttr, TypeAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, FunctionType, type Type, VectorType, f32 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { lookupSymbolIn } from "../../src/ir/symbol-table.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, type PatternRewriter, rewriteAny } from "../../src/rewrite/pattern.ts";
import { ConstantOp, DivFOp, ExtFOp, TruncFOp } from "../../dialects/arith/index.ts";
import { CallOp, FuncOp } from "../../dialects/func/index.ts";
import { SqrtOp } from "../../dialects/math/index.ts";
import { unrollToScalars } from "../math/unroll-vector.ts";

/** math op -> libm's f32 and f64 names. */
const LIBM: Readonly<Record<string, readonly [string, string]>> = {
  "math.atan": ["atanf", "atan"],
  "math.atan2": ["atan2f", "atan2"],
  "math.cbrt": ["cbrtf", "cbrt"],
  "math.erf": ["erff", "erf"],
  "math.expm1": ["expm1f", "expm1"],
  "math.log1p": ["log1pf", "log1p"],
  "math.tan": ["tanf", "tan"],
  "math.tanh": ["tanhf", "tanh"],
};

// biome-ignore lint/suspicious/noExplicitAny: the values are float scalars, checked in `apply`.
type V = Value<any>;

/** The module-level declaration of `name`, made once. */
function declare(rw: PatternRewriter, from: Operation, name: string, type: FunctionType): void {
  let module: Operation | undefined = from;
  while (module !== undefined && module.name !== "builtin.module") module = module.parentOp;
  if (module === undefined) throw new Error("math-to-libm: the op is not inside a builtin.module");
  if (lookupSymbolIn(module, name) !== undefined) return;
  const body = module.regions[0]!.blocks[0]!;
  const decl = FuncOp.build({ sym_name: StringAttr.get(name), function_type: TypeAttr.get(type), sym_visibility: StringAttr.get("private") } as never);
  rw.at(InsertionPoint.atStart(body), () => rw.insert(decl));
}

/** Calls `name` on scalars of f32 or f64 (f16/bf16 widened to f32 and the result truncated back). */
function libmCall(rw: PatternRewriter, op: Operation, names: readonly [string, string]): boolean {
  const type = op.getResult(0).type;
  if (!(type instanceof FloatType) || !["f16", "bf16", "f32", "f64"].includes(type.name)) return false;
  const wide: FloatType = type.name === "f64" ? type : f32;
  const name = type.name === "f64" ? names[1] : names[0];
  rw.setInsertionPointBefore(op);
  const args = op.operands.map((v: V) => (v.type === wide ? v : rw.create(ExtFOp, { in: v, out: wide as never }).out));
  declare(rw, op, name, FunctionType.get(args.map(() => wide), [wide]));
  const call = rw.create(CallOp, { callee: SymbolRefAttr.get(name), args, res: [wide] } as never) as Operation;
  const result: V = call.getResult(0);
  rw.replaceOp(op, [wide === type ? result : rw.create(TruncFOp, { in: result, out: type as never }).out]);
  return true;
}

/** One pattern for every op of the table. */
export const mathToLibmCall: Pattern = rewriteAny({
  name: "math-to-libm-call",
  examples: ["^bb0(%x: f32, %y: f64):\n  %a = math.tanh %x : f32\n  %b = math.atan2 %y, %y : f64"],
  apply(op, rw) {
    const names = LIBM[op.name];
    if (names === undefined) return rw.fail("no libm function");
    if (!libmCall(rw, op, names)) return rw.fail("not a float scalar");
    return rw.done();
  },
});

/**
 * The table's ops on vectors, one scalar op per element (then each a libm call), as MLIR 16's VecOpToScalarOp:
 *
 *   %y = math.tan %v : vector<2xf64>   ->   %z = arith.constant dense<0.0> : vector<2xf64>
 *                                            %v0 = vector.extract %v[0] : vector<2xf64>
 *                                            %t0 = math.tan %v0 : f64      (then: call @tan(%v0))
 *                                            %r0 = vector.insert %t0, %z [0] : f64 into vector<2xf64> ...
 */
export const libmVectorToScalars: Pattern = rewriteAny({
  name: "math-to-libm-vector-to-scalars",
  examples: ["^bb0(%x: f64):\n  %v = vector.broadcast %x : f64 to vector<2xf64>\n  %t = math.tan %v : vector<2xf64>\n  %e = vector.extract %t[1] : vector<2xf64>"],
  apply(op, rw) {
    if (LIBM[op.name] === undefined) return rw.fail("no libm function");
    return unrollToScalars(op, rw);
  },
});

/**
 * rsqrt(x) = 1 / sqrt(x) (libm has no rsqrt; LLVM has only sqrt), on scalars and vectors:
 *
 *   %y = math.rsqrt %x : f32     ->   %s = math.sqrt %x : f32 ; %y = arith.divf %one, %s : f32
 */
export const expandRsqrt: Pattern = rewriteAny({
  name: "math-rsqrt-to-div-sqrt",
  examples: ["^bb0(%x: f32):\n  %a = math.rsqrt %x : f32"],
  apply(op, rw) {
    if (op.name !== "math.rsqrt") return rw.fail("not rsqrt");
    const type: Type = op.getResult(0).type;
    const element = (type as { elementType?: Type }).elementType ?? type;
    if (!(element instanceof FloatType)) return rw.fail("not a float scalar or vector");
    if (type instanceof VectorType && type.scalableDims?.some((d: boolean) => d) === true) return rw.fail("a scalable vector");
    rw.setInsertionPointBefore(op);
    const value = type instanceof VectorType ? DenseElementsAttr.splat(type, 1) : FloatAttr.get(element, 1);
    const one: V = rw.create(ConstantOp, { value }).result;
    const sqrt: V = rw.create(SqrtOp, { operand: op.getOperand(0) as V }).result;
    rw.replaceOp(op, [rw.create(DivFOp, { lhs: one, rhs: sqrt }).result]);
    return rw.done();
  },
});

export const mathToLibmPatterns: readonly Pattern[] = [mathToLibmCall, libmVectorToScalars, expandRsqrt];

export const convertMathToLibmPass = definePass({
  name: "convert-math-to-libm",
  displayName: "ConvertMathToLibm",
  summary: "Convert Math dialect to libm calls",
  description: "Math ops with no LLVM intrinsic (atan, atan2, cbrt, erf, expm1, log1p, tan, tanh) on f16/bf16/f32/f64 scalars become calls of libm; rsqrt becomes 1/sqrt.",
  opName: "builtin.module",
  run(op, pctx) {
    const listener = pctx.rewriteListener;
    const r = applyPatternsGreedily(op, [...mathToLibmPatterns], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
