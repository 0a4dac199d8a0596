/**
 * Tensile's TOSA lowerings against MLIR 16 itself: random TOSA programs (gen-tosa, grown around the lowering
 * examples) lowered by Tensile's tosa-to-scf, tosa-to-linalg-named, tosa-to-linalg, tosa-to-tensor and tosa-to-arith, printed,
 * then bufferized, lowered to LLVM and run by mlir-opt-16 / mlir-cpu-runner-16 (test/support/mlir16-run.ts):
 * MLIR 16 accepts what Tensile prints and the compiled code computes what the interpreter computed on the TOSA
 * program. Floats are bit-exact, except:
 *   - programs with exp, log, pow, tanh or sigmoid: within 64 units in the last place (libm in the element type
 *     against the interpreter's correctly rounded functions, a few ulps each, which chains such as pow(tanh(x), 10)
 *     amplify), per element;
 *   - programs with maximum, minimum, clamp, reduce_max/min or pools: either zero for a zero (MLIR 16's
 *     arith-expand of maxf/minf returns either);
 * and programs with convolutions next to non-finite constants are left out (padding multiplied: see
 * test/prop/tosa-lowering.test.ts).
 *
 * The same programs also run through MLIR 16's own TOSA lowering, in the same module, for a count of where the
 * two lowerings agree (they differ where MLIR 16 departs from the spec: test/prop/tosa-vs-mlir16.test.ts).
 * TOSA_LOWER_MLIR_RUNS (default 30) sizes it; TOSA_LOWER_MLIR_FROM (default 0) is the first program seed.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { tosaProgram } from "../../rewrites/testing/gen-tosa.ts";
import { tosaLoweringExamples } from "../../rewrites/tosa-to-linalg/examples.ts";
import { FloatType, RankedTensorType, type Type } from "../../src/ir/types.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { interpret, type ShapedValue } from "../../src/interp/index.ts";
import { elementBits, isNaNBits, isZeroBits, type Mlir16Case, runWithMlir16, sameBits } from "../support/mlir16-run.ts";

const RUNS = Number(process.env.TOSA_LOWER_MLIR_RUNS ?? 30);
const FROM = Number(process.env.TOSA_LOWER_MLIR_FROM ?? 0);
const ctx = newContext();
const registry = newPassRegistry();
const TENSILE_CHAIN = "builtin.module(tosa-to-scf,func.func(tosa-to-linalg-named,tosa-to-linalg),tosa-to-tensor,tosa-to-arith{include-apply-rescale=true})";
const MLIR_CHAIN = "builtin.module(func.func(tosa-to-scf,tosa-to-linalg-named,tosa-to-linalg,tosa-to-arith{include-apply-rescale=true},tosa-to-tensor))";
const TRANSCENDENTAL = /"tosa\.(exp|log|pow|tanh|sigmoid)"/;
const ZERO_SIGN = /"tosa\.(maximum|minimum|clamp|reduce_max|reduce_min|max_pool2d|avg_pool2d)"/;
const CONV = /"tosa\.(conv2d|depthwise_conv2d)"/;

interface Program {
  readonly seed: number;
  readonly tosa: string;
  readonly lowered: string;
  readonly ours: readonly ShapedValue[];
  readonly args: Mlir16Case["args"];
}

/** Programs the interpreter runs to the end, lowered by Tensile's chain. */
function programs(count: number): Program[] {
  const out: Program[] = [];
  for (let seed = FROM; out.length < count && seed < FROM + count * 20; seed++) {
    const p = tosaProgram(seed, { examples: tosaLoweringExamples, maxSteps: 5 });
    if (CONV.test(p.text) && /0x[0-9A-F]{4}/.test(p.text)) continue;
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(m.left.message);
    const r = interpret(m.right, p.fn, p.args, { ctx });
    if (isLeft(r)) continue;
    const ours = r.right.filter((v): v is ShapedValue => v.kind === "shaped");
    if (ours.length !== r.right.length || ours.length === 0) continue;
    const ran = runPipeline(m.right, TENSILE_CHAIN, { ctx, registry });
    if (isLeft(ran)) throw new Error(`seed ${seed}: Tensile's chain failed: ${ran.left.diagnostics.map((d) => d.message).join("; ")}\n${p.text}`);
    out.push({ seed, tosa: printOp(parseOrThrow(p.text), { ctx, localScope: true }), lowered: printOp(m.right, { ctx, localScope: true }), ours, args: p.args });
  }
  return out;
}

function parseOrThrow(text: string) {
  const m = parseSource(text, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  return m.right;
}

/** Same-signed floats at most `n` units in the last place apart. */
const withinUlps = (a: bigint, b: bigint, t: Type, n: bigint): boolean => {
  if (!(t instanceof FloatType) || isNaNBits(a, t) || isNaNBits(b, t)) return false;
  const sign = 1n << BigInt(t.width - 1);
  return (a & sign) === (b & sign) && (a > b ? a - b : b - a) <= n;
};

/** Where `got` differs from the interpreter's results beyond the excuses above, or undefined. */
function disagreement(p: Program, got: readonly (readonly bigint[])[], text: string): string | undefined {
  for (const [j, v] of p.ours.entries()) {
    const ours = elementBits(v);
    const theirs = got[j] ?? [];
    if (theirs.length !== ours.length) return `result ${j} has ${theirs.length} elements, the interpreter's ${ours.length}`;
    const e = v.elementType;
    for (let i = 0; i < ours.length; i++) {
      const [a, b] = [ours[i] as bigint, theirs[i] as bigint];
      if (sameBits(a, b, e)) continue;
      if (TRANSCENDENTAL.test(text) && withinUlps(a, b, e, 64n)) continue;
      if (ZERO_SIGN.test(text) && isZeroBits(a, e) && isZeroBits(b, e)) continue;
      return `result ${j}[${i}] is 0x${b.toString(16)} compiled, 0x${a.toString(16)} in the interpreter`;
    }
  }
  return undefined;
}

test("TOSA programs lowered by Tensile run under MLIR 16 and compute what the interpreter computes", () => {
  const ps = programs(RUNS);
  // Tensile-lowered cases first, then the same programs for MLIR 16's own lowering, then mutants (addf -> subf).
  const mutants = ps.filter((p) => p.lowered.includes("arith.addf"));
  const cases: Mlir16Case[] = [
    ...ps.map((p) => ({ text: p.lowered, fn: "f", args: p.args, resultTypes: p.ours.map((v) => v.type as RankedTensorType) })),
    ...ps.map((p) => ({ text: p.tosa, fn: "f", args: p.args, resultTypes: p.ours.map((v) => v.type as RankedTensorType) })),
    ...mutants.map((p) => ({ text: p.lowered.replaceAll("arith.addf", "arith.subf"), fn: "f", args: p.args, resultTypes: p.ours.map((v) => v.type as RankedTensorType) })),
  ];
  const run = runWithMlir16(cases, { prePipeline: MLIR_CHAIN });
  assert.is(run.failure, undefined, run.failure);
  const ourRefusals = [...run.refused.keys()].filter((k) => k < ps.length);
  assert.equal(ourRefusals.map((k) => `${run.refused.get(k)}\n${ps[k]?.lowered}`), [], "MLIR 16 refused what Tensile printed");
  const problems: string[] = [];
  let agreeWithMlir = 0;
  let mlirRan = 0;
  ps.forEach((p, k) => {
    const got = run.results[k];
    if (got === undefined) return void problems.push(`seed ${p.seed}: did not run\n${p.lowered}`);
    const why = disagreement(p, got, p.tosa);
    if (why !== undefined) problems.push(`seed ${p.seed}: ${why}\n${p.tosa}\n${p.lowered}`);
    const theirs = run.results[ps.length + k];
    if (theirs === undefined) return;
    mlirRan++;
    if (p.ours.every((v, j) => elementBits(v).every((_, i) => sameBits(got[j]?.[i] ?? -1n, theirs[j]?.[i] ?? -2n, v.elementType)))) agreeWithMlir++;
  });
  const caught = mutants.filter((p, m) => {
    const got = run.results[2 * ps.length + m];
    return got === undefined || disagreement(p, got, p.tosa) !== undefined;
  }).length;
  console.log(
    `  ${ps.length} programs lowered by Tensile ran under MLIR 16; ${mlirRan} also through MLIR 16's lowering, ` +
      `${agreeWithMlir} of them bit for bit the same; ${caught} of ${mutants.length} addf->subf mutants caught`,
  );
  assert.equal(problems.slice(0, 2), []);
  assert.ok(ps.length >= RUNS * 0.9, `only ${ps.length} programs`);
  assert.ok(mutants.length === 0 || caught >= mutants.length * 0.7, `only ${caught} of ${mutants.length} mutants caught`);
});

test.run();
