/**
 * The math approximations against MLIR 16, two ways, on the same inputs as test/unit/math-approximation:
 * - Tensile's approximated IR, lowered and compiled by mlir-opt-16 and run by mlir-cpu-runner-16, gives the
 *   interpreter's results bit for bit (any NaN matches any NaN): so the errors measured in the interpreter are
 *   those of compiled code, and the interpreter's fma, roundeven, bitcasts and shifts agree with LLVM's.
 * - MLIR 16's own approximations (its test-math-polynomial-approximation pass) measured on those inputs: Tensile's
 *   maximum error must not be larger than MLIR's for any function. The table is printed.
 * MATH_MLIR_POINTS sets the points per function (default 3072).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type ApproximatedFunction, maxUlpError } from "../../rewrites/math/polynomial-approximation.ts";
import { shapedValue } from "../../src/interp/values.ts";
import { RankedTensorType, f32 } from "../../src/ir/types.ts";
import { printOp } from "../../src/text/printer.ts";
import { approximateInInterpreter, approximatedModule, inputsFor, maxError, runApproximated } from "../support/math-accuracy.ts";
import { type Mlir16Case, runWithMlir16 } from "../support/mlir16-run.ts";

const POINTS = Number(process.env.MATH_MLIR_POINTS ?? 3072);
const functions = Object.keys(maxUlpError) as ApproximatedFunction[];
/** Compiled as loops over a tensor (see approximatedModule): code size does not grow with the points. */
const tensor = RankedTensorType.get([POINTS], f32);
const inputs = new Map(functions.map((fn) => [fn, inputsFor(fn, POINTS)]));

/** An f32 from its bits. */
function f32FromBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, Number(bits));
  return view.getFloat32(0);
}

function caseOf(fn: ApproximatedFunction, text: string): Mlir16Case {
  return { text: text.replaceAll("@f(", `@approx_${fn}(`), fn: `approx_${fn}`, args: [shapedValue(tensor, inputs.get(fn)!)], resultTypes: [tensor] };
}

/** Each function's results from a run of `cases` (in `functions` order). */
function resultsOf(cases: readonly Mlir16Case[], prePipeline?: string): number[][] {
  const run = runWithMlir16(cases, prePipeline === undefined ? {} : { prePipeline });
  if (run.failure !== undefined) throw new Error(run.failure);
  return cases.map((_, k) => {
    const got = run.results[k];
    if (got === undefined) throw new Error(`MLIR 16 refused ${functions[k]}: ${run.refused.get(k) ?? "?"}`);
    return got[0]!.map(f32FromBits);
  });
}

test("Tensile's approximations compiled by MLIR 16 give the interpreter's results bit for bit", () => {
  const modules = functions.map((fn) => approximatedModule(fn, POINTS, "tensor").module);
  const compiled = resultsOf(functions.map((fn, k) => caseOf(fn, printOp(modules[k]!, { localScope: true }))));
  for (const [k, fn] of functions.entries()) {
    const interpreted = runApproximated(modules[k]!, tensor, inputs.get(fn)!);
    const xs = inputs.get(fn)!;
    for (let i = 0; i < POINTS; i++) {
      const [a, b] = [compiled[k]![i]!, interpreted[i]!];
      assert.ok(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `math.${fn}(${xs[i]}): compiled ${a}, interpreted ${b}`);
    }
  }
});

test("Tensile's maximum error is not above MLIR 16's approximation of the same function", () => {
  const ours = functions.map((fn) => maxError(fn, inputs.get(fn)!, approximateInInterpreter(fn, inputs.get(fn)!)));
  const theirResults = resultsOf(
    functions.map((fn) => caseOf(fn, approximatedModule(fn, POINTS, "tensor").original)),
    "builtin.module(func.func(test-math-polynomial-approximation))",
  );
  const theirs = theirResults.map((ys, k) => maxError(functions[k]!, inputs.get(functions[k]!)!, ys));
  const theirsNormal = theirResults.map((ys, k) => maxError(functions[k]!, inputs.get(functions[k]!)!, ys, true));
  console.log(`    max error in f32 ulps on ${POINTS} points: function | Tensile | MLIR 16 (at x) | MLIR 16 without subnormals (at x)`);
  for (const [k, fn] of functions.entries()) {
    const [t, n] = [theirs[k]!, theirsNormal[k]!];
    console.log(`    | ${fn} | ${ours[k]!.ulps.toFixed(2)} | ${t.ulps.toPrecision(3)} (${t.at.toPrecision(4)}) | ${n.ulps.toPrecision(3)} (${n.at.toPrecision(4)}) |`);
  }
  for (const [k, fn] of functions.entries()) {
    assert.ok(ours[k]!.ulps <= theirs[k]!.ulps, `math.${fn}: Tensile ${ours[k]!.ulps} ulp, MLIR 16 ${theirs[k]!.ulps} ulp`);
  }
});

test.run();
