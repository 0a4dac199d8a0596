/**
 * Interpreter semantics of every math op (MLIR 16), elementwise over scalars, vectors and tensors.
 *
 * Float functions compute in f64 and round once to the result type (Math.fround for f32, roundToKind for
 * f16 / bf16), NaN operands propagating (quieted). Accuracy against a C libm:
 *   - exact (correctly rounded, or bit-exact emulation of MLIR 16's lowering): absf, ceil, floor, trunc,
 *     round (half away from zero), roundeven, copysign, sqrt, fma (exact rational arithmetic), rsqrt
 *     (1 / sqrt(x) with both steps rounded to the type, as the LLVM lowering computes it), fpowi (the
 *     square-and-multiply loop of MLIR's math-to-funcs lowering, each product rounded to the type).
 *   - within 1 ulp (f32, f16, bf16) or 2 ulps (f64) of glibc, because V8's Math functions are not glibc's
 *     and an f64 result rounded to f32 can land on the other side of a tie: atan, atan2, cbrt, cos, erf,
 *     exp, exp2, expm1, log, log10, log1p, log2, powf, sin, tan, tanh (test/unit/interp-math.test.ts
 *     measures it). erf is our own, correctly rounded in f64 (V8 has none; glibc's is not always).
 *     Compare their results with an ulp tolerance.
 * Integer ops are exact: absi (|INT_MIN| wraps), ctlz / cttz (the width for zero), ctpop, ipowi (as MLIR's
 * math-to-funcs lowering: a negative exponent gives 0 except for bases 1 and -1, and divides by zero for 0).
 */
import { floatElementKind, intElementWidth, mapElements } from "../../src/interp/elementwise.ts";
import * as F from "../../src/interp/float-semantics.ts";
import * as I from "../../src/interp/int-semantics.ts";
import { type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import { type FloatElement, type SupportedFloatKind, floatNumber } from "../../src/interp/values.ts";
import { roundToKind } from "../../src/ir/float-bits.ts";
import { checkFastMath, floatElementwise, intElementwise } from "../arith/interp.ts";
import {
  AbsFOp,
  AbsIOp,
  Atan2Op,
  AtanOp,
  CbrtOp,
  CeilOp,
  CopySignOp,
  CosOp,
  CountLeadingZerosOp,
  CountTrailingZerosOp,
  CtPopOp,
  ErfOp,
  Exp2Op,
  ExpM1Op,
  ExpOp,
  FloorOp,
  FmaOp,
  FPowIOp,
  IPowIOp,
  Log10Op,
  Log1pOp,
  Log2Op,
  LogOp,
  PowFOp,
  RoundEvenOp,
  RoundOp,
  RsqrtOp,
  SinOp,
  SqrtOp,
  TanhOp,
  TanOp,
  TruncOp,
} from "./ops.ts";

/** A float function of one f64 argument, rounded once to the result type. */
const unary = (fn: (x: number) => number) => floatElementwise((kind, a) => F.floatOp(kind, [a as FloatElement], fn));

/** 1 / sqrt(x), both steps rounded to the type, as `fdiv 1.0, llvm.sqrt(x)` computes it. */
const rsqrt = (kind: SupportedFloatKind, a: FloatElement): FloatElement => F.floatOp(kind, [a], (x) => 1 / roundToKind(Math.sqrt(x), kind));

/**
 * C's pow as glibc computes it (the compiled code calls it; F.cPow): pow(x, ±0) and pow(1, y) are 1 even for a
 * quiet NaN, but a signalling one gives a NaN.
 */
export function powf(kind: SupportedFloatKind, a: FloatElement, b: FloatElement): FloatElement {
  const x = floatNumber(a);
  const y = floatNumber(b);
  if (y === 0) return F.isSignalingNaN(a, kind) ? (F.propagatedNaN(kind, [a, b]) as FloatElement) : 1;
  if (x === 1) return F.isSignalingNaN(b, kind) ? (F.propagatedNaN(kind, [a, b]) as FloatElement) : 1;
  return F.floatOp(kind, [a, b], F.cPow);
}

/**
 * x^n for a signed n-bit integer n, by MLIR's math-to-funcs lowering: square-and-multiply on |n| (INT_MAX
 * for INT_MIN, then one more factor of x), each product rounded to the type, and 1 / r for negative n.
 */
export function fpowi(kind: SupportedFloatKind, x: FloatElement, nBits: number, exponent: bigint): FloatElement {
  const n = BigInt.asIntN(nBits, exponent);
  if (n === 0n) return 1;
  const min = -(1n << BigInt(nBits - 1));
  const isMin = n === min;
  let m = isMin ? -(min + 1n) : n < 0n ? -n : n;
  let result: FloatElement = 1;
  let power: FloatElement = x;
  for (;;) {
    if ((m & 1n) === 1n) result = F.mulF(kind, result, power);
    m >>= 1n;
    if (m === 0n) break;
    power = F.mulF(kind, power, power);
  }
  if (isMin) result = F.mulF(kind, result, x);
  return n < 0n ? F.divF(kind, 1, result) : result;
}

export const mathInterpretations: readonly InterpretationEntry[] = [
  interpretation(AbsFOp, floatElementwise(F.absF)),
  interpretation(AtanOp, unary(Math.atan)),
  interpretation(CbrtOp, unary(Math.cbrt)),
  interpretation(CeilOp, unary(Math.ceil)),
  interpretation(CosOp, unary(Math.cos)),
  interpretation(ErfOp, unary(F.erf)),
  interpretation(ExpOp, unary(Math.exp)),
  interpretation(Exp2Op, unary((x) => Math.pow(2, x))),
  interpretation(ExpM1Op, unary(Math.expm1)),
  interpretation(FloorOp, unary(Math.floor)),
  interpretation(LogOp, unary(Math.log)),
  interpretation(Log10Op, unary(Math.log10)),
  interpretation(Log1pOp, unary(Math.log1p)),
  interpretation(Log2Op, unary(Math.log2)),
  interpretation(RoundOp, unary(F.roundHalfAway)),
  interpretation(RoundEvenOp, unary(F.roundHalfEven)),
  interpretation(RsqrtOp, floatElementwise(rsqrt)),
  interpretation(SinOp, unary(Math.sin)),
  interpretation(SqrtOp, unary(Math.sqrt)),
  interpretation(TanOp, unary(Math.tan)),
  interpretation(TanhOp, unary(Math.tanh)),
  interpretation(TruncOp, unary(Math.trunc)),

  interpretation(Atan2Op, floatElementwise((kind, a, b) => F.floatOp(kind, [a as FloatElement, b as FloatElement], Math.atan2))),
  interpretation(CopySignOp, floatElementwise(F.copySignF)),
  interpretation(PowFOp, floatElementwise(powf)),
  interpretation(FmaOp, floatElementwise(F.fmaF)),

  interpretation(FPowIOp, (op, args) => {
    const type = op.result.type;
    const kind = floatElementKind(type);
    const nBits = intElementWidth(op.rhs.type);
    return [
      mapElements(type, args, ([x, n]) => checkFastMath(op, [x as FloatElement], fpowi(kind, x as FloatElement, nBits, n as bigint))),
    ];
  }),

  interpretation(AbsIOp, intElementwise(I.absI)),
  interpretation(CountLeadingZerosOp, intElementwise(I.ctlz)),
  interpretation(CountTrailingZerosOp, intElementwise(I.cttz)),
  interpretation(CtPopOp, intElementwise(I.ctpop)),
  interpretation(IPowIOp, intElementwise(I.ipowI)),
];

