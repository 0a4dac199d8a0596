/**
 * Fits the polynomial coefficients of rewrites/math/approx-coefficients.ts and prints that file.
 *
 *   node --import tsx scripts/fit-math-approx.ts > /tmp/c.ts && mv /tmp/c.ts rewrites/math/approx-coefficients.ts
 *
 * Each polynomial is a near-minimax fit (Lawson's iteratively reweighted least squares, on 4000 Chebyshev
 * points, in float64) of a smooth function on a reduced range, weighted so that what is minimised is the error
 * of the final f32 result, not of the polynomial. The coefficients are then rounded to f32. The error of the
 * whole approximation in f32 arithmetic is measured separately, on the IR, by test/unit/math-approximation.test.ts.
 */

interface FitSpec {
  readonly name: string;
  readonly doc: string;
  readonly lo: number;
  readonly hi: number;
  readonly degree: number;
  /** The polynomial is in (x - center) (default 0), which keeps its f32 coefficients small on ranges far from 0. */
  readonly center?: number;
  /** The function the polynomial approximates, in float64. */
  readonly f: (x: number) => number;
  /** How much an error of the polynomial at x weighs in the final result's relative error. */
  readonly weight: (x: number) => number;
}

/** Taylor series sum_{k>=k0} c_k x^(k-k0), for the small-argument branches of the fitted functions. */
function series(x: number, k0: number, coef: (k: number) => number): number {
  let sum = 0;
  for (let k = 60; k >= k0; k--) sum = sum * x + coef(k);
  return sum;
}

import { erf64 } from "../test/support/erf-reference.ts";

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

const LN2_HALF = Math.LN2 / 2;
const SQRT_HALF = Math.SQRT1_2;

export const specs: readonly FitSpec[] = [
  {
    name: "expRemainder",
    doc: "(exp(r) - 1 - r) / r^2 for |r| <= ln(2)/2: exp(r) = 1 + r + r^2 * P(r)",
    lo: -LN2_HALF,
    hi: LN2_HALF,
    degree: 5,
    f: (r) => (Math.abs(r) < 1e-3 ? series(r, 2, (k) => 1 / factorial(k)) : (Math.exp(r) - 1 - r) / (r * r)),
    weight: (r) => (r * r) / Math.exp(r),
  },
  {
    name: "log1pRemainder",
    doc: "(log1p(f) - f) / f^2 for sqrt(1/2) - 1 <= f <= sqrt(2) - 1: log1p(f) = f + f^2 * P(f)",
    lo: SQRT_HALF - 1,
    hi: Math.SQRT2 - 1,
    degree: 8,
    f: (v) => (Math.abs(v) < 1e-2 ? series(v, 2, (k) => (k % 2 === 0 ? -1 : 1) / k) : (Math.log1p(v) - v) / (v * v)),
    weight: (v) => Math.abs(v),
  },
  {
    name: "tanhSmall",
    doc: "(tanh(x) - x) / x^3 as a polynomial in s = x^2, for |x| <= 0.625: tanh(x) = x + x^3 * P(x^2)",
    lo: 0,
    hi: 0.625 * 0.625,
    degree: 5,
    f: (s) => {
      const x = Math.sqrt(s);
      return x < 1e-2 ? -1 / 3 + s * (2 / 15) - s * s * (17 / 315) + s * s * s * (62 / 2835) : (Math.tanh(x) - x) / (x * s);
    },
    weight: (s) => s,
  },
  {
    name: "erfSmall",
    doc: "erf(x) / x - 1 as a polynomial in s = x^2, for |x| <= 0.875: erf(x) = x + x * P(x^2)",
    lo: 0,
    hi: 0.875 * 0.875,
    degree: 6,
    f: (s) => {
      const x = Math.sqrt(s);
      return x < 1e-4 ? (2 / Math.sqrt(Math.PI)) * (1 - s / 3) - 1 : erf64(x) / x - 1;
    },
    weight: (s) => 1 / (1 + (erf64(Math.sqrt(s)) / Math.sqrt(s) - 1 || 2 / Math.sqrt(Math.PI) - 1)),
  },
  {
    name: "erfcScaled",
    doc: "erfc(x) * exp(x^2) for 0.875 <= x <= 4: erf(x) = 1 - exp(-x^2) * P(x - 2.4375)",
    lo: 0.875,
    hi: 4,
    degree: 11,
    center: 2.4375,
    f: (x) => (1 - erf64(x)) * Math.exp(x * x),
    weight: (x) => Math.exp(-x * x) / erf64(x),
  },
];

/** Least squares by Householder QR: min ||A c - b||, A is m x n (row-major arrays). */
function leastSquares(a: number[][], b: number[]): number[] {
  const m = a.length;
  const n = a[0]!.length;
  const A = a.map((row) => [...row]);
  const B = [...b];
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += A[i]![k]! ** 2;
    norm = Math.sqrt(norm);
    const alpha = A[k]![k]! > 0 ? -norm : norm;
    const v = new Array<number>(m).fill(0);
    for (let i = k; i < m; i++) v[i] = A[i]![k]!;
    v[k]! -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i]! ** 2;
    if (vv === 0) continue;
    for (let j = k; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i]! * A[i]![j]!;
      const s = (2 * dot) / vv;
      for (let i = k; i < m; i++) A[i]![j]! -= s * v[i]!;
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += v[i]! * B[i]!;
    const s = (2 * dot) / vv;
    for (let i = k; i < m; i++) B[i]! -= s * v[i]!;
  }
  const c = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let sum = B[k]!;
    for (let j = k + 1; j < n; j++) sum -= A[k]![j]! * c[j]!;
    c[k] = sum / A[k]![k]!;
  }
  return c;
}

const horner = (c: readonly number[], x: number): number => c.reduceRight((acc, ci) => acc * x + ci, 0);

/** Lawson's algorithm: reweighted least squares converging to the weighted minimax polynomial. */
export function fit(spec: FitSpec): { coefficients: number[]; maxWeightedError: number } {
  const m = 4000;
  const xs = Array.from({ length: m }, (_, i) => {
    const t = Math.cos((Math.PI * (i + 0.5)) / m);
    return (spec.lo + spec.hi) / 2 + ((spec.hi - spec.lo) / 2) * t;
  });
  const mid = (spec.lo + spec.hi) / 2;
  const half = (spec.hi - spec.lo) / 2;
  const fx = xs.map(spec.f);
  const wx = xs.map(spec.weight);
  let lawson = new Array<number>(m).fill(1 / m);
  let best: number[] = [];
  let bestErr = Infinity;
  for (let iter = 0; iter < 60; iter++) {
    // Solve in the scaled variable u = (x - mid) / half for conditioning, then convert to powers of x.
    const rows = xs.map((x, i) => {
      const u = (x - mid) / half;
      const s = Math.sqrt(lawson[i]!) * wx[i]!;
      return Array.from({ length: spec.degree + 1 }, (_, j) => s * u ** j);
    });
    const rhs = fx.map((f, i) => Math.sqrt(lawson[i]!) * wx[i]! * f);
    const cu = leastSquares(rows, rhs);
    const center = spec.center ?? 0;
    const c = toPowersOfX(cu, mid - center, half);
    const errs = xs.map((x, i) => Math.abs(horner(c, x - center) - fx[i]!) * wx[i]!);
    const maxErr = Math.max(...errs);
    if (maxErr < bestErr) [best, bestErr] = [c, maxErr];
    const next = lawson.map((l, i) => l * errs[i]!);
    const total = next.reduce((a, b) => a + b, 0);
    lawson = next.map((l) => l / total);
  }
  return { coefficients: best, maxWeightedError: bestErr };
}

/** p(u) with u = (y - mid) / half, as a polynomial in y. */
function toPowersOfX(cu: readonly number[], mid: number, half: number): number[] {
  const n = cu.length;
  const out = new Array<number>(n).fill(0);
  // (x - mid)^j / half^j expanded by the binomial theorem.
  for (let j = 0; j < n; j++) {
    for (let k = 0; k <= j; k++) {
      out[k]! += (cu[j]! * binom(j, k) * (-mid) ** (j - k)) / half ** j;
    }
  }
  return out;
}

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function main(): void {
  const lines = [
    "/**",
    " * Polynomial coefficients of the math approximations (rewrites/math/polynomial-approximation.ts), lowest",
    " * degree first, rounded to f32. Generated by scripts/fit-math-approx.ts: do not edit by hand.",
    " */",
  ];
  for (const spec of specs) {
    const { coefficients, maxWeightedError } = fit(spec);
    lines.push(
      "",
      `/** ${spec.doc}; degree ${spec.degree}, weighted error of the float64 fit ${maxWeightedError.toExponential(2)}. */`,
      `export const ${spec.name}: readonly number[] = [`,
      ...coefficients.map((c) => `  ${Math.fround(c)},`),
      "];",
    );
  }
  console.log(lines.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
