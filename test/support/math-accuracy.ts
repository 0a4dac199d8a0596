/**
 * Measuring the math approximations (rewrites/math/polynomial-approximation.ts): the inputs each function is
 * measured on, float64 references, the error in f32 ulps, and running the approximated IR in the interpreter.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import type { ApproximatedFunction } from "../../rewrites/math/polynomial-approximation.ts";
import { interpret } from "../../src/interp/engine.ts";
import { type ShapedValue, floatNumber, shapedValue } from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { type RankedTensorType, VectorType, f32 } from "../../src/ir/types.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { parseSource } from "../../src/text/parser.ts";
import { erf64 } from "./erf-reference.ts";

export const reference: Record<ApproximatedFunction, (x: number) => number> = {
  exp: Math.exp,
  log: Math.log,
  log2: Math.log2,
  log1p: Math.log1p,
  tanh: Math.tanh,
  erf: erf64,
};

/**
 * The error of `got` (an f32) against the exact `want`, in ulps of f32 at `want` (subnormal ulps below 2^-126).
 * Infinite when one is NaN, infinite or zero and the other is not the same.
 */
export function ulpError(got: number, want: number): number {
  if (Number.isNaN(want) || Number.isNaN(got)) return Number.isNaN(want) && Number.isNaN(got) ? 0 : Infinity;
  const rounded = Math.fround(want);
  if (!Number.isFinite(rounded) || !Number.isFinite(got)) return Object.is(got, rounded) ? 0 : Infinity;
  if (want === 0 || got === 0) return Object.is(got, rounded) ? 0 : Math.abs(got - want) / 2 ** -149;
  const exponent = Math.max(Math.floor(Math.log2(Math.abs(rounded))), -126);
  return Math.abs(got - want) / 2 ** (exponent - 23);
}

/** A seeded generator of uniform floats in [0, 1) (xorshift32), so that runs are repeatable. */
function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/**
 * Where each function is measured: a linear range (where its shape is) and the largest magnitude for a
 * log-scale sweep from the smallest subnormal up (negative too when `signed`; log1p's negative side stops at -1).
 */
const domains: Record<ApproximatedFunction, { readonly lo: number; readonly hi: number; readonly maxMagnitude: number; readonly signed: boolean }> = {
  exp: { lo: -104, hi: 89, maxMagnitude: 104, signed: true },
  log: { lo: 0, hi: 4, maxMagnitude: 3.4e38, signed: false },
  log2: { lo: 0, hi: 4, maxMagnitude: 3.4e38, signed: false },
  log1p: { lo: -1, hi: 4, maxMagnitude: 3.4e38, signed: true },
  tanh: { lo: -10, hi: 10, maxMagnitude: 10, signed: true },
  erf: { lo: -4.5, hi: 4.5, maxMagnitude: 4.5, signed: true },
};

const SMALLEST = 2 ** -149;

/** `n` f32 inputs for `fn`: a third on an even grid of its linear range, a third on a log scale, a third random. */
export function inputsFor(fn: ApproximatedFunction, n: number, seed = 7): number[] {
  const { lo, hi, maxMagnitude, signed } = domains[fn];
  const rand = uniform(seed);
  const logScale = (t: number, max: number): number => Math.exp(Math.log(SMALLEST) + (Math.log(max) - Math.log(SMALLEST)) * t);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / n;
    let x: number;
    if (i % 3 === 0) x = lo + (hi - lo) * t;
    else if (i % 3 === 2) x = lo + (hi - lo) * rand();
    else if (!signed || i % 2 === 0) x = logScale(rand(), maxMagnitude);
    else x = -logScale(rand(), fn === "log1p" ? 1 : maxMagnitude);
    out.push(Math.fround(x));
  }
  return out;
}

/**
 * The approximated f32 function as a module with `@f`: on `vector<n x f32>` (straight-line vector code), or
 * on `tensor<n x f32>` through a linalg.generic whose body is the scalar form (for compilers, whose code size
 * then does not grow with n). `original` is the module before the approximation.
 */
export function approximatedModule(fn: ApproximatedFunction, n: number, form: "vector" | "tensor" = "vector"): { module: Operation; original: string } {
  const ctx = newContext();
  const original =
    form === "vector"
      ? `func.func @f(%x: vector<${n}xf32>) -> vector<${n}xf32> {\n  %y = math.${fn} %x : vector<${n}xf32>\n  return %y : vector<${n}xf32>\n}\n`
      : `func.func @f(%x: tensor<${n}xf32>) -> tensor<${n}xf32> {
  %e = tensor.empty() : tensor<${n}xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%x : tensor<${n}xf32>) outs(%e : tensor<${n}xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = math.${fn} %a : f32
    linalg.yield %r : f32
  } -> tensor<${n}xf32>
  return %y : tensor<${n}xf32>
}
`;
  const parsed = parseSource(original, ctx);
  if (isLeft(parsed)) throw new Error(parsed.left.message);
  const run = runPipeline(parsed.right, "builtin.module(func.func(math-polynomial-approximation))", { ctx, registry: newPassRegistry() });
  if (isLeft(run)) throw new Error(`math-polynomial-approximation failed: ${run.left.diagnostics.map((d) => d.message).join("; ")}`);
  return { module: parsed.right, original: `module {\n${original}}\n` };
}

/** Runs `module`'s `@f` on a tensor or vector of `xs` in the interpreter. */
export function runApproximated(module: Operation, type: VectorType | RankedTensorType, xs: readonly number[]): number[] {
  // A linalg.generic body of ~60 ops per element: allow that many steps.
  const r = interpret(module, "f", [shapedValue(type, xs)], { ctx: newContext(), maxSteps: 1_000_000 + 200 * xs.length });
  if (isLeft(r)) throw new Error(r.left.message);
  const ys = (r.right[0] as ShapedValue).elements;
  return Array.from({ length: xs.length }, (_, i) => floatNumber(ys.get(i) as number));
}

/** Runs the approximated `fn` on `xs` in the interpreter, in chunks of `chunk` lanes. */
export function approximateInInterpreter(fn: ApproximatedFunction, xs: readonly number[], chunk = 4096): number[] {
  const ctx = newContext();
  const out: number[] = [];
  const modules = new Map<number, Operation>();
  for (let start = 0; start < xs.length; start += chunk) {
    const part = xs.slice(start, start + chunk);
    let module = modules.get(part.length);
    if (module === undefined) {
      module = approximatedModule(fn, part.length).module;
      modules.set(part.length, module);
    }
    const r = interpret(module, "f", [shapedValue(VectorType.get([part.length], f32), part)], { ctx });
    if (isLeft(r)) throw new Error(r.left.message);
    const ys = (r.right[0] as ShapedValue).elements;
    for (let i = 0; i < part.length; i++) out.push(floatNumber(ys.get(i) as number));
  }
  return out;
}

/**
 * The largest ulp error of `got` against the reference on `xs`, and an input where it happens. `normalOnly`
 * leaves out subnormal inputs and results (where some libraries give up accuracy).
 */
export function maxError(fn: ApproximatedFunction, xs: readonly number[], got: readonly number[], normalOnly = false): { ulps: number; at: number } {
  let worst = { ulps: 0, at: Number.NaN };
  const subnormal = (v: number): boolean => v !== 0 && Math.abs(v) < 2 ** -126;
  for (const [i, x] of xs.entries()) {
    const want = reference[fn](x);
    if (normalOnly && (subnormal(x) || subnormal(want))) continue;
    const e = ulpError(got[i]!, want);
    if (e > worst.ulps || (Number.isNaN(worst.at) && e === worst.ulps)) worst = { ulps: e, at: x };
  }
  return worst;
}
