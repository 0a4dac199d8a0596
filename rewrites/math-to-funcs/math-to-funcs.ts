/**
 * `convert-math-to-funcs` (MLIR 16's MathToFuncs): `math.ipowi` and `math.fpowi`, which LLVM has no exact
 * counterpart for, become calls of functions outlined into the module — one per element type, named as MLIR
 * names them (`__mlir_math_ipowi_i32`, `__mlir_math_fpowi_f32_i64`), private with `linkonce_odr` linkage —
 * that compute the power by square-and-multiply. Vector operands are first split into scalars (extract, call,
 * insert). `min-width-of-fpowi-exponent` leaves fpowi with narrower exponents alone, as MLIR does. Unlike MLIR
 * 16, which refuses them, index operands are handled too (`__mlir_math_ipowi_index`), as 64-bit integers;
 * and for i1 the loop's `p >> 1` is the constant false (MLIR's shift by the whole width is poison).
 *
 *   %r = math.ipowi %a, %b : i32     ->   %r = call @__mlir_math_ipowi_i32(%a, %b) : (i32, i32) -> i32
 *                                         func.func private @__mlir_math_ipowi_i32(%b: i32, %p: i32) -> i32
 *                                             attributes {llvm.linkage = #llvm.linkage<linkonce_odr>} {...}
 *
 * The outlined bodies (their blocks and ops in MLIR's order, so that the output prints as mlir-opt-16's):
 *   ipowi(b, p): p == 0 -> 1; p < 0 -> (b == 0 -> 1/0, b == 1 -> 1, b == -1 -> (p odd ? -1 : 1), else 0);
 *                else r = 1; loop { if p & 1: r *= b; p >>= 1 (logical); if p == 0: return r; b *= b }
 *   fpowi(b, p): p == 0 -> 1.0; q = p == MIN ? MAX : |p|; the same loop on q with float products;
 *                then r *= b if p == MIN, and r = 1 / r if p < 0.
 * The interpreter's math.ipowi and math.fpowi compute exactly this (dialects/math/interp.ts).
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import type { Context } from "../../src/ir/context.ts";
import { SymbolRefAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, IndexType, IntegerType, type Type, VectorType } from "../../src/ir/types.ts";
import { lookupSymbolIn } from "../../src/ir/symbol-table.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionRewriter, convert, legality } from "../../src/rewrite/conversion.ts";
import { printType } from "../../src/text/printer.ts";
import { parseSource } from "../../src/text/parser.ts";
import { CallOp } from "../../dialects/func/index.ts";
import { FPowIOp, IPowIOp } from "../../dialects/math/index.ts";
import { unrollToScalars } from "../math/unroll-vector.ts";

/** Integers and index (64 bits here, as the lowering to LLVM makes it). */
type IntLike = IntegerType | IndexType;
const isIntLike = (t: Type): t is IntLike => t instanceof IntegerType || t instanceof IndexType;
const widthOf = (t: IntLike): number => (t instanceof IndexType ? 64 : t.width);

/** `arith.constant` text for `v` of type `t` (i1 as true/false, as MLIR prints it). */
function intConstant(type: IntLike, v: bigint): string {
  if (widthOf(type) === 1) return `arith.constant ${(v & 1n) === 1n ? "true" : "false"}`;
  return `arith.constant ${BigInt.asIntN(widthOf(type), v)} : ${printType(type)}`;
}

/**
 * `q >> 1` as text. For a 1-bit q it is the constant false: MLIR 16 shifts by one anyway, which for i1 is a
 * shift by the whole width — poison in LLVM — so its outlined functions are wrong for i1 (Tensile departs).
 */
function halve(result: string, q: string, one: string, type: IntLike): string {
  return widthOf(type) === 1 ? `${result} = arith.constant false` : `${result} = arith.shrui ${q}, ${one} : ${printType(type)}`;
}

const linkage = "attributes {llvm.linkage = #llvm.linkage<linkonce_odr>}";

/** The outlined `__mlir_math_ipowi_<T>` for integers of type `type`, as MLIR text. */
function ipowiSource(name: string, type: IntLike): string {
  const T = printType(type);
  return `func.func private @${name}(%b: ${T}, %p: ${T}) -> ${T} ${linkage} {
  %zero = ${intConstant(type, 0n)}
  %one = ${intConstant(type, 1n)}
  %minus_one = ${intConstant(type, -1n)}
  %p_is_zero = arith.cmpi eq, %p, %zero : ${T}
  cf.cond_br %p_is_zero, ^p_zero, ^p_nonzero
^p_zero:
  return %one : ${T}
^p_nonzero:
  %p_is_neg = arith.cmpi sle, %p, %zero : ${T}
  cf.cond_br %p_is_neg, ^neg, ^loop(%one, %b, %p : ${T}, ${T}, ${T})
^neg:
  %b_is_zero = arith.cmpi eq, %b, %zero : ${T}
  cf.cond_br %b_is_zero, ^div_by_zero, ^b_nonzero
^div_by_zero:
  %inf = arith.divsi %one, %zero : ${T}
  return %inf : ${T}
^b_nonzero:
  %b_is_one = arith.cmpi eq, %b, %one : ${T}
  cf.cond_br %b_is_one, ^b_one, ^b_not_one
^b_one:
  return %one : ${T}
^b_not_one:
  %b_is_minus_one = arith.cmpi eq, %b, %minus_one : ${T}
  cf.cond_br %b_is_minus_one, ^b_minus_one, ^b_other
^b_minus_one:
  %p_bit = arith.andi %p, %one : ${T}
  %p_is_odd = arith.cmpi ne, %p_bit, %zero : ${T}
  cf.cond_br %p_is_odd, ^odd, ^even
^odd:
  return %minus_one : ${T}
^even:
  return %one : ${T}
^b_other:
  return %zero : ${T}
^loop(%r: ${T}, %base: ${T}, %q: ${T}):
  %q_bit = arith.andi %q, %one : ${T}
  %q_is_odd = arith.cmpi ne, %q_bit, %zero : ${T}
  cf.cond_br %q_is_odd, ^multiply, ^next(%r : ${T})
^multiply:
  %rb = arith.muli %r, %base : ${T}
  cf.br ^next(%rb : ${T})
^next(%r2: ${T}):
  ${halve("%q2", "%q", "%one", type)}
  %done = arith.cmpi eq, %q2, %zero : ${T}
  cf.cond_br %done, ^return, ^square
^return:
  return %r2 : ${T}
^square:
  %base2 = arith.muli %base, %base : ${T}
  cf.br ^loop(%r2, %base2, %q2 : ${T}, ${T}, ${T})
}`;
}

/** The outlined `__mlir_math_fpowi_<F>_<I>` for a base of type `base` and an exponent of type `power`. */
function fpowiSource(name: string, base: FloatType, power: IntLike): string {
  const F = printType(base);
  const I = printType(power);
  const min = -(1n << BigInt(widthOf(power) - 1));
  return `func.func private @${name}(%b: ${F}, %p: ${I}) -> ${F} ${linkage} {
  %one = arith.constant 1.0 : ${F}
  %zero_p = ${intConstant(power, 0n)}
  %one_p = ${intConstant(power, 1n)}
  %min_p = ${intConstant(power, min)}
  %max_p = ${intConstant(power, -min - 1n)}
  %p_is_zero = arith.cmpi eq, %p, %zero_p : ${I}
  cf.cond_br %p_is_zero, ^p_zero, ^p_nonzero
^p_zero:
  return %one : ${F}
^p_nonzero:
  %p_is_neg = arith.cmpi sle, %p, %zero_p : ${I}
  %p_is_min = arith.cmpi eq, %p, %min_p : ${I}
  %neg_p = arith.subi %zero_p, %p : ${I}
  %abs_p = arith.select %p_is_neg, %neg_p, %p : ${I}
  %q0 = arith.select %p_is_min, %max_p, %abs_p : ${I}
  cf.br ^loop(%one, %b, %q0 : ${F}, ${F}, ${I})
^loop(%r: ${F}, %base: ${F}, %q: ${I}):
  %q_bit = arith.andi %q, %one_p : ${I}
  %q_is_odd = arith.cmpi ne, %q_bit, %zero_p : ${I}
  cf.cond_br %q_is_odd, ^multiply, ^next(%r : ${F})
^multiply:
  %rb = arith.mulf %r, %base : ${F}
  cf.br ^next(%rb : ${F})
^next(%r2: ${F}):
  ${halve("%q2", "%q", "%one_p", power)}
  %done = arith.cmpi eq, %q2, %zero_p : ${I}
  cf.cond_br %done, ^exit(%r2 : ${F}), ^square
^square:
  %base2 = arith.mulf %base, %base : ${F}
  cf.br ^loop(%r2, %base2, %q2 : ${F}, ${F}, ${I})
^exit(%r3: ${F}):
  cf.cond_br %p_is_min, ^times_base, ^sign(%r3 : ${F})
^times_base:
  %r4 = arith.mulf %r3, %b : ${F}
  cf.br ^sign(%r4 : ${F})
^sign(%r5: ${F}):
  cf.cond_br %p_is_neg, ^reciprocal, ^return(%r5 : ${F})
^reciprocal:
  %r6 = arith.divf %one, %r5 : ${F}
  cf.br ^return(%r6 : ${F})
^return(%r7: ${F}):
  return %r7 : ${F}
}`;
}

const elementOf = (type: Type): Type => (type instanceof VectorType ? type.elementType : type);

/** The outlined function's name for an ipowi or fpowi op, and its source; undefined if it has none. */
function outlined(op: Operation): { name: string; source: () => string } | undefined {
  const base = elementOf(op.getOperand(0).type);
  const power = elementOf(op.getOperand(1).type);
  if (op.name === "math.ipowi" && isIntLike(base)) {
    const name = `__mlir_math_ipowi_${printType(base)}`;
    return { name, source: () => ipowiSource(name, base) };
  }
  if (op.name === "math.fpowi" && base instanceof FloatType && isIntLike(power)) {
    const name = `__mlir_math_fpowi_${printType(base)}_${printType(power)}`;
    return { name, source: () => fpowiSource(name, base, power) };
  }
  return undefined;
}

/** Appends the outlined functions the module's power ops need (in the order the ops first need them). */
function outlineFunctions(module: Operation, ctx: Context, convertible: (op: Operation) => boolean): void {
  const wanted = new Map<string, () => string>();
  module.walk((op) => {
    const f = convertible(op) ? outlined(op) : undefined;
    if (f !== undefined && !wanted.has(f.name) && lookupSymbolIn(module, f.name) === undefined) wanted.set(f.name, f.source);
  });
  const body = module.regions[0]!.blocks[0]!;
  for (const source of wanted.values()) {
    const parsed = parseSource(source(), ctx, { file: "<convert-math-to-funcs>" });
    if (isLeft(parsed)) throw new Error(`convert-math-to-funcs built an unparsable function: ${parsed.left.message}`);
    const fn = parsed.right.regions[0]!.blocks[0]!.ops().next().value as Operation;
    fn.walk((nested) => {
      nested.loc = module.loc;
    });
    body.append(fn.remove());
  }
}

/** A power op on scalars -> a call of its outlined function. */
function toCall(op: Operation, rw: ConversionRewriter) {
  const f = outlined(op);
  if (f === undefined) return rw.fail("not an integer base (ipowi) or integer exponent (fpowi)");
  if (op.getResult(0).type instanceof VectorType) return rw.fail("a vector operation");
  rw.replaceOpWithNew(op, CallOp, { callee: SymbolRefAttr.get(f.name), args: [...op.operands], res: [op.getResult(0).type] } as never);
  return rw.done();
}

export const ipowiToCall = convert({ name: "math-to-funcs-ipowi", root: IPowIOp, apply: (op, _a, rw) => toCall(op, rw) });
export const fpowiToCall = convert({ name: "math-to-funcs-fpowi", root: FPowIOp, apply: (op, _a, rw) => toCall(op, rw) });
export const ipowiVectorToScalars = convert({ name: "math-to-funcs-ipowi-vector", root: IPowIOp, apply: (op, _a, rw) => unrollToScalars(op, rw) });
export const fpowiVectorToScalars = convert({ name: "math-to-funcs-fpowi-vector", root: FPowIOp, apply: (op, _a, rw) => unrollToScalars(op, rw) });

export const mathToFuncsPatterns = [ipowiVectorToScalars, fpowiVectorToScalars, ipowiToCall, fpowiToCall] as const;

export const convertMathToFuncsPass = definePass({
  name: "convert-math-to-funcs",
  displayName: "ConvertMathToFuncs",
  summary: "Convert Math operations to calls of outlined implementations.",
  description:
    "math.ipowi and math.fpowi become calls of functions outlined into the module (__mlir_math_ipowi_<T>, __mlir_math_fpowi_<F>_<I>, linkonce_odr), vectors element by element; fpowi only if its exponent is at least min-width-of-fpowi-exponent bits wide.",
  opName: "builtin.module",
  options: t.type({ minWidthOfFpowiExponent: t.Int }),
  defaults: { minWidthOfFpowiExponent: 1 as t.Int },
  run(op, pctx, options) {
    const wideEnough = (o: Operation): boolean => {
      const power = elementOf(o.getOperand(1).type);
      return isIntLike(power) && widthOf(power) >= options.minWidthOfFpowiExponent;
    };
    const convertible = (o: Operation): boolean => o.name === "math.ipowi" || (o.name === "math.fpowi" && wideEnough(o));
    outlineFunctions(op, pctx.context, convertible);
    const target = legality().legalDialect("arith", "cf", "func", "vector").illegalOp(IPowIOp).dynamicallyLegalOp(FPowIOp, (o) => !wideEnough(o));
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, [...mathToFuncsPatterns], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
