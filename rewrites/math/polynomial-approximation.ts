/**
 * Polynomial approximations of math.exp, log, log2, log1p, tanh and erf on f32 scalars and vectors, built
 * from arith and math.fma only: no calls and no branches, so that a vector of them becomes straight-line
 * AVX512 or RVV code. MLIR 16 has the same idea (its PolynomialApproximation patterns, reached through the
 * test pass `test-math-polynomial-approximation`); the algorithms and coefficients here are Tensile's own
 * (scripts/fit-math-approx.ts fits them). f16 and bf16 ops are computed in f32 and truncated.
 *
 * Each approximation handles NaN, infinities, zeros and subnormals as libm does. Their maximum errors,
 * measured on the IR by test/unit/math-approximation.test.ts, are in docs/MATH-APPROXIMATIONS.md and in
 * `maxUlpError` below (the test fails if an approximation is worse).
 *
 *   %y = math.exp %x : vector<16xf32>
 * becomes ~30 arith/math ops on vector<16xf32> (range reduction, a degree-7 polynomial, scaling by 2^n).
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { type FloatType, type Type, VectorType, f32 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, rewrite, rewriteAny } from "../../src/rewrite/pattern.ts";
import { ExtFOp, TruncFOp } from "../../dialects/arith/index.ts";
import { ErfOp, ExpOp, Log1pOp, Log2Op, LogOp, TanhOp } from "../../dialects/math/index.ts";
import { ApproxBuilder } from "./approx-builder.ts";
import { erfSmall, erfcScaled, expRemainder, log1pRemainder, tanhSmall } from "./approx-coefficients.ts";

type V = Value;

/** Bounds on each approximation's error in f32 ulps, a little above the measured maxima (docs/MATH-APPROXIMATIONS.md); the tests hold the code to them. */
export const maxUlpError = { exp: 1.5, log: 1.5, log2: 2, log1p: 2, tanh: 2, erf: 1.5 } as const;
export type ApproximatedFunction = keyof typeof maxUlpError;

const LOG2E = Math.LOG2E;
const LOG2E_HI = Math.fround(LOG2E);
const LOG2E_LO = LOG2E - LOG2E_HI;
/** ln(2) split in two: the high part has 9 trailing zero bits, so n * LN2_HI is exact for |n| < 2^9. */
const LN2_HI = 0.693145751953125;
const LN2_LO = Math.LN2 - LN2_HI;
const F32_MIN_NORMAL = 2 ** -126;

/**
 * exp(x) = 2^n * exp(r), n = roundeven(x / ln 2), |r| <= ln(2)/2, exp(r) = 1 + r + r^2 P(r). The 2^n scale is
 * applied as two factors, 2^(n/2) and 2^(n - n/2), so that results in the subnormal range round once and
 * results beyond f32's range become inf, without a special case. NaN in, NaN out.
 */
export function emitExp(b: ApproxBuilder, x: V): V {
  const nan = b.isNaN(x);
  const clamped = b.select(nan, b.f(0), b.min(b.max(x, b.f(-104)), b.f(89)));
  const n = b.roundEven(b.mul(clamped, b.f(LOG2E)));
  const r = b.fma(n, b.f(-LN2_LO), b.fma(n, b.f(-LN2_HI), clamped));
  const expR = b.add(b.fma(b.horner(r, expRemainder), b.mul(r, r), r), b.f(1));
  const k = b.toInt(n);
  const kHalf = b.shrs(k, 1);
  const pow2 = (e: V): V => b.fromBits(b.shl(b.addi(e, b.i(127)), 23));
  const scaled = b.mul(b.mul(expR, pow2(kHalf)), pow2(b.subi(k, kHalf)));
  return b.select(nan, x, scaled);
}

/**
 * log(x) split as x = m * 2^e with sqrt(1/2) <= m < sqrt(2); log(x) = e ln 2 + log1p(m - 1), where
 * log1p(f) = f + f^2 P(f). Subnormals are scaled by 2^23 first. Returns log(x) and, for log2, the parts.
 */
function emitLogParts(b: ApproxBuilder, x: V): { exponent: V; log1pOfMantissa: V } {
  // NaN never reaches the bitcast (its bits are unspecified when arithmetic made it); logSpecialCases answers it.
  const finite = b.select(b.isNaN(x), b.f(1), x);
  const subnormal = b.cmp("olt", finite, b.f(F32_MIN_NORMAL));
  const scaledX = b.select(subnormal, b.mul(finite, b.f(2 ** 23)), finite);
  const bits = b.toBits(scaledX);
  const biased = b.toFloat(b.subi(b.shru(bits, 23), b.i(127)));
  const mantissa = b.fromBits(b.ori(b.andi(bits, b.i(0x007fffff)), b.i(0x3f800000)));
  const big = b.cmp("ogt", mantissa, b.f(Math.SQRT2));
  const m = b.select(big, b.mul(mantissa, b.f(0.5)), mantissa);
  const exponent = b.add(b.add(biased, b.select(big, b.f(1), b.f(0))), b.select(subnormal, b.f(-23), b.f(0)));
  const f = b.sub(m, b.f(1));
  const log1pOfMantissa = b.fma(b.horner(f, log1pRemainder), b.mul(f, f), f);
  return { exponent, log1pOfMantissa };
}

/** log's answers for the inputs outside (0, inf): log(+inf) = inf, log(+-0) = -inf, log(x < 0) = log(NaN) = NaN. */
function logSpecialCases(b: ApproxBuilder, x: V, y: V): V {
  const atInf = b.select(b.cmp("oeq", x, b.f(Infinity)), b.f(Infinity), y);
  const atZero = b.select(b.cmp("oeq", x, b.f(0)), b.f(-Infinity), atInf);
  return b.select(b.cmp("ult", x, b.f(0)), b.f(NaN), atZero);
}

export function emitLog(b: ApproxBuilder, x: V): V {
  const { exponent, log1pOfMantissa } = emitLogParts(b, x);
  const y = b.fma(exponent, b.f(LN2_HI), b.fma(exponent, b.f(LN2_LO), log1pOfMantissa));
  return logSpecialCases(b, x, y);
}

export function emitLog2(b: ApproxBuilder, x: V): V {
  const { exponent, log1pOfMantissa } = emitLogParts(b, x);
  // log2(e) in two parts, so that its rounding to f32 does not add to the error.
  const y = b.fma(log1pOfMantissa, b.f(LOG2E_HI), b.fma(log1pOfMantissa, b.f(LOG2E_LO), exponent));
  return logSpecialCases(b, x, y);
}

/**
 * log1p(x): near 0 (sqrt(1/2) - 1 < x < sqrt(2) - 1) the polynomial of log's mantissa, x + x^2 P(x), directly;
 * elsewhere log(u) with u = 1 + x, plus (x - (u - 1)) / u, the first-order correction for what rounding 1 + x
 * lost (exact: that difference is representable).
 */
export function emitLog1p(b: ApproxBuilder, x: V): V {
  const near0 = b.fma(b.horner(x, log1pRemainder), b.mul(x, x), x);
  const u = b.add(b.f(1), x);
  const correction = b.div(b.sub(x, b.sub(u, b.f(1))), u);
  // At u = 0 and u = inf the correction is 0/0 or inf/inf; log(u) alone is the answer there.
  const far = b.add(emitLog(b, u), b.select(b.isNaN(correction), b.f(0), correction));
  const isNear0 = b.andi(b.cmp("ogt", x, b.f(Math.SQRT1_2 - 1)), b.cmp("olt", x, b.f(Math.SQRT2 - 1)));
  return b.select(isNear0, near0, far);
}

/** tanh(x) = sign(x) tanh(|x|): |x| + |x|^3 P(x^2) for |x| < 0.625, else 1 - 2 / (exp(2|x|) + 1). */
export function emitTanh(b: ApproxBuilder, x: V): V {
  const ax = b.abs(x);
  const s = b.mul(ax, ax);
  const small = b.fma(b.horner(s, tanhSmall), b.mul(s, ax), ax);
  const e = emitExp(b, b.mul(ax, b.f(2)));
  const large = b.sub(b.f(1), b.div(b.f(2), b.add(e, b.f(1))));
  return b.copysign(b.select(b.cmp("olt", ax, b.f(0.625)), small, large), x);
}

/**
 * erf(x) = x + x P(x^2) for |x| < 0.875 (the 1 apart, so that the leading coefficient's rounding costs little); sign(x) (1 - exp(-x^2) Q(|x|)) for |x| < 4; sign(x) beyond (erfc(4) is
 * below half an ulp of 1). x^2 is split into its rounded value and the rounding error (by an fma), so that
 * exp(-x^2) keeps its accuracy where x^2 is large.
 */
export function emitErf(b: ApproxBuilder, x: V): V {
  const ax = b.abs(x);
  const small = b.fma(x, b.horner(b.mul(x, x), erfSmall), x);
  const h = b.mul(ax, ax);
  const hError = b.fma(ax, ax, b.mul(h, b.f(-1)));
  const e = emitExp(b, b.mul(h, b.f(-1)));
  const expNegSquare = b.fma(e, b.mul(hError, b.f(-1)), e);
  const q = b.horner(b.sub(ax, b.f(2.4375)), erfcScaled);
  const large = b.fma(expNegSquare, b.mul(q, b.f(-1)), b.f(1));
  const capped = b.select(b.cmp("olt", ax, b.f(4)), large, b.f(1));
  const y = b.select(b.cmp("olt", ax, b.f(0.875)), small, b.copysign(capped, x));
  return b.select(b.isNaN(x), x, y);
}

const emitters: Record<ApproximatedFunction, (b: ApproxBuilder, x: V) => V> = {
  exp: emitExp,
  log: emitLog,
  log2: emitLog2,
  log1p: emitLog1p,
  tanh: emitTanh,
  erf: emitErf,
};

const approximatedOps = { exp: ExpOp, log: LogOp, log2: Log2Op, log1p: Log1pOp, tanh: TanhOp, erf: ErfOp } as const;

/** The element type of a scalar or vector float type, or undefined for tensors and others. */
function scalarOrVectorElement(type: Type): FloatType | undefined {
  const element = type instanceof VectorType ? type.elementType : type;
  return element.kind === "float" ? (element as FloatType) : undefined;
}

function approximation(fn: ApproximatedFunction): Pattern {
  const root = approximatedOps[fn];
  return rewrite({
    name: `math.${fn}-polynomial-approximation`,
    examples: [`^bb0(%x: f32, %v: vector<4xf32>):\n  %a = math.${fn} %x : f32\n  %b = math.${fn} %v : vector<4xf32>`],
    root,
    apply(op, rw) {
      const type = op.operand.type;
      if (scalarOrVectorElement(type) !== f32) return rw.fail("not an f32 scalar or vector");
      rw.setInsertionPointBefore(op);
      const y = emitters[fn](new ApproxBuilder(rw, type, f32), op.operand);
      rw.replaceOp(op, [y]);
      return rw.done();
    },
  });
}

/**
 * An f16 or bf16 op is computed in f32 (where the f32 approximation then applies) and truncated:
 *
 *   %y = math.exp %x : f16         ->   %w = arith.extf %x : f16 to f32
 *                                        %e = math.exp %w : f32
 *                                        %y = arith.truncf %e : f32 to f16
 */
export const widenToF32: Pattern = rewriteAny({
  name: "math.approximate-in-f32",
  examples: [`^bb0(%x: f16, %v: vector<4xbf16>):\n  %a = math.exp %x : f16\n  %b = math.tanh %v : vector<4xbf16>`],
  apply(op, rw) {
    const fn = (Object.keys(approximatedOps) as ApproximatedFunction[]).find((k) => op instanceof approximatedOps[k]);
    if (fn === undefined) return rw.fail("not an approximated math op");
    // biome-ignore lint/suspicious/noExplicitAny: checked to be an f16 or bf16 scalar or vector just below.
    const x: Value<any> = op.getOperand(0);
    const element = scalarOrVectorElement(x.type);
    if (element === undefined || (element.name !== "f16" && element.name !== "bf16")) return rw.fail("not f16 or bf16");
    // biome-ignore lint/suspicious/noExplicitAny: an f32 scalar or vector of x's shape.
    const wide: any = x.type instanceof VectorType ? VectorType.get(x.type.shape, f32, x.type.scalableDims) : f32;
    rw.setInsertionPointBefore(op);
    const widened = rw.create(ExtFOp, { in: x, out: wide }).out;
    const computed = rw.create(approximatedOps[fn] as typeof ExpOp, { operand: widened }).result;
    rw.replaceOp(op, [rw.create(TruncFOp, { in: computed, out: x.type }).out]);
    return rw.done();
  },
});

export const polynomialApproximationPatterns: readonly Pattern[] = [
  ...(Object.keys(approximatedOps) as ApproximatedFunction[]).map(approximation),
  widenToF32,
];

export const mathPolynomialApproximationPass = definePass({
  name: "math-polynomial-approximation",
  displayName: "MathPolynomialApproximation",
  summary: "Approximate exp, log, log2, log1p, tanh and erf by polynomials that vectorize",
  description:
    "Rewrites math.exp, log, log2, log1p, tanh and erf on f32, f16 and bf16 scalars and vectors into arith and " +
    "math.fma: straight-line code with no calls, within the maximum errors listed in docs/MATH-APPROXIMATIONS.md. " +
    "MLIR 16 exposes its own approximations only through the test pass test-math-polynomial-approximation.",
  run(op, pctx) {
    const listener = pctx.rewriteListener;
    const r = applyPatternsGreedily(op, [...polynomialApproximationPatterns], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
