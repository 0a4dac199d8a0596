/**
 * The math approximations (rewrites/math/polynomial-approximation.ts) run in the interpreter: their largest
 * error in f32 ulps, on a sweep of each function's domain, stays within `maxUlpError`; special values come out
 * exactly as libm's; every pattern fires; f16 and bf16 go through f32. MATH_APPROX_POINTS sets the sweep's size
 * per function (default 12288; docs/MATH-APPROXIMATIONS.md's table used 3 million).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { type ApproximatedFunction, maxUlpError, polynomialApproximationPatterns } from "../../rewrites/math/polynomial-approximation.ts";
import { interpret } from "../../src/interp/engine.ts";
import { floatNumber, floatValue } from "../../src/interp/values.ts";
import { type FloatType, bf16, f16, f32 } from "../../src/ir/types.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { printOp } from "../../src/text/printer.ts";
import { parseSource } from "../../src/text/parser.ts";
import { approximateInInterpreter, inputsFor, maxError, reference } from "../support/math-accuracy.ts";

const test = suite("math-approximation");
const POINTS = Number(process.env.MATH_APPROX_POINTS ?? 12288);
const functions = Object.keys(maxUlpError) as ApproximatedFunction[];

for (const fn of functions) {
  test(`${fn}: at most ${maxUlpError[fn]} ulp on ${POINTS} points of its domain`, () => {
    const xs = inputsFor(fn, POINTS);
    const worst = maxError(fn, xs, approximateInInterpreter(fn, xs));
    console.log(`    math.${fn}: max error ${worst.ulps.toFixed(3)} ulp at x = ${worst.at} (${POINTS} points)`);
    assert.ok(worst.ulps <= maxUlpError[fn], `math.${fn}: ${worst.ulps} ulp at x = ${worst.at}, over the bound ${maxUlpError[fn]}`);
  });
}

/** Exact answers at the edges, as C's libm gives them (NaN: any NaN). */
const specials: Record<ApproximatedFunction, readonly (readonly [number, number])[]> = {
  exp: [[0, 1], [-0, 1], [Infinity, Infinity], [-Infinity, 0], [NaN, NaN], [88.8, Infinity], [-104, 0], [1, Math.fround(Math.E)], [-87.5, Math.fround(Math.exp(-87.5))], [-100, Math.fround(Math.exp(-100))]],
  log: [[1, 0], [0, -Infinity], [-0, -Infinity], [-1, NaN], [-Infinity, NaN], [Infinity, Infinity], [NaN, NaN], [2 ** -149, Math.fround(-149 * Math.LN2)], [3.4028234663852886e38, Math.fround(Math.log(3.4028234663852886e38))]],
  log2: [[1, 0], [0, -Infinity], [-2, NaN], [Infinity, Infinity], [NaN, NaN], [2 ** -149, -149], [2 ** -130, -130], [0.5, -1], [2 ** 127, 127], [1024, 10]],
  log1p: [[0, 0], [-0, -0], [-1, -Infinity], [-2, NaN], [Infinity, Infinity], [NaN, NaN], [2 ** -149, 2 ** -149], [1e-30, Math.fround(1e-30)]],
  tanh: [[0, 0], [-0, -0], [Infinity, 1], [-Infinity, -1], [NaN, NaN], [20, 1], [-20, -1], [2 ** -149, 2 ** -149], [-1e-30, Math.fround(-1e-30)]],
  erf: [[0, 0], [-0, -0], [Infinity, 1], [-Infinity, -1], [NaN, NaN], [5, 1], [-4, -1], [2 ** -140, Math.fround(2 ** -140 * 1.1283791670955126)]],
};

for (const fn of functions) {
  test(`${fn}: special values exactly`, () => {
    const cases = specials[fn];
    const got = approximateInInterpreter(fn, cases.map(([x]) => Math.fround(x)));
    for (const [i, [x, want]] of cases.entries()) {
      const ok = Number.isNaN(want) ? Number.isNaN(got[i]!) : Object.is(got[i], want);
      assert.ok(ok, `math.${fn}(${Object.is(x, -0) ? "-0" : x}) = ${Object.is(got[i], -0) ? "-0" : got[i]}, want ${Object.is(want, -0) ? "-0" : want}`);
    }
  });
}

/** One function of scalars `x` of `type`, approximated and run on each input. */
function runScalar(fn: ApproximatedFunction, type: FloatType, xs: readonly number[]): number[] {
  const ctx = newContext();
  const t = type.name;
  const m = parseSource(`func.func @f(%x: ${t}) -> ${t} {\n  %y = math.${fn} %x : ${t}\n  return %y : ${t}\n}`, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  const run = runPipeline(m.right, "builtin.module(func.func(math-polynomial-approximation))", { ctx, registry: newPassRegistry() });
  if (isLeft(run)) throw new Error(run.left.diagnostics.map((d) => d.message).join("; "));
  const text = printOp(m.right);
  assert.not.match(text, `math.${fn} `, `math.${fn} on ${t} was not rewritten:\n${text}`);
  return xs.map((x) => {
    const r = interpret(m.right, "f", [floatValue(type, x)], { ctx });
    if (isLeft(r)) throw new Error(r.left.message);
    return floatNumber((r.right[0] as { value: number }).value);
  });
}

/** Rounds to f16 or bf16 as the interpreter stores them (through a float value of the type). */
const roundTo = (type: FloatType, x: number): number => floatNumber(floatValue(type, x).value);

test("scalar f32 ops give the same results as the vector form", () => {
  for (const fn of functions) {
    const xs = inputsFor(fn, 30, 3);
    assert.equal(runScalar(fn, f32, xs), approximateInInterpreter(fn, xs), `math.${fn}: scalar and vector forms differ`);
  }
});

test("f16 and bf16 are computed in f32 and rounded once more: within one ulp of their own precision", () => {
  for (const type of [f16, bf16]) {
    const mantissaBits = type === f16 ? 10 : 7;
    for (const fn of functions) {
      const xs = inputsFor(fn, 60, 5).map((x) => roundTo(type, x)).filter((x) => Number.isFinite(x));
      const got = runScalar(fn, type, xs);
      for (const [i, x] of xs.entries()) {
        const want = reference[fn](x);
        if (!Number.isFinite(roundTo(type, want)) || Number.isNaN(want)) {
          assert.ok(Object.is(got[i], roundTo(type, want)) || (Number.isNaN(want) && Number.isNaN(got[i]!)), `${type.name} math.${fn}(${x}) = ${got[i]}, want ${want}`);
          continue;
        }
        const exponent = Math.max(Math.floor(Math.log2(Math.abs(roundTo(type, want)) || 1)), type === f16 ? -14 : -126);
        const ulps = Math.abs(got[i]! - want) / 2 ** (exponent - mantissaBits);
        assert.ok(ulps <= 1, `${type.name} math.${fn}(${x}) = ${got[i]}, want ${want}: ${ulps} ulp`);
      }
    }
  }
});

test("every pattern fires: the f32 ones on each function, the widening one on f16 and bf16", () => {
  const fired = new Map<string, number>();
  const ctx = newContext();
  const body = functions
    .flatMap((fn, i) => [`%a${i} = math.${fn} %x : f32`, `%b${i} = math.${fn} %h : f16`, `%c${i} = math.${fn} %v : vector<4xbf16>`])
    .join("\n  ");
  // Results are used (returned): the driver erases dead pure ops before trying patterns on them.
  const results = functions.flatMap((_, i) => [`%a${i}`, `%b${i}`, `%c${i}`]).join(", ");
  const types = functions.flatMap(() => ["f32", "f16", "vector<4xbf16>"]).join(", ");
  const m = parseSource(`func.func @f(%x: f32, %h: f16, %v: vector<4xbf16>) -> (${types}) {\n  ${body}\n  return ${results} : ${types}\n}`, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  const listener = { notifyPatternApplied: (name: string) => fired.set(name, (fired.get(name) ?? 0) + 1) };
  const run = runPipeline(m.right, "builtin.module(func.func(math-polynomial-approximation))", { ctx, registry: newPassRegistry(), rewriteListener: listener });
  if (isLeft(run)) throw new Error(run.left.diagnostics.map((d) => d.message).join("; "));
  for (const p of polynomialApproximationPatterns) assert.ok((fired.get(p.name) ?? 0) > 0, `pattern ${p.name} never fired`);
  assert.not.match(printOp(m.right), /math\.(exp|log|log2|log1p|tanh|erf) /, "an op was left");
});

test("tensors are left alone (approximate after bufferization or vectorization)", () => {
  const ctx = newContext();
  const m = parseSource(`func.func @f(%t: tensor<4xf32>) -> tensor<4xf32> {\n  %y = math.exp %t : tensor<4xf32>\n  return %y : tensor<4xf32>\n}`, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  const before = printOp(m.right);
  const run = runPipeline(m.right, "builtin.module(func.func(math-polynomial-approximation))", { ctx, registry: newPassRegistry() });
  assert.ok(!isLeft(run));
  assert.is(printOp(m.right), before);
});

test.run();
