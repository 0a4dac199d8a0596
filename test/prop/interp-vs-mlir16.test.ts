/**
 * Tensile's interpreter against MLIR 16 itself, on the random programs the property tests use: scalar arith and
 * math programs with branches (rewrites/testing/programs.ts), the same grown around scf/affine loop nests
 * (gen-loops.ts), vector programs (gen-vector.ts) and memref programs (gen-memref.ts). Each runs in the
 * interpreter and, lowered by mlir-opt-16 to LLVM, in mlir-cpu-runner-16 (test/support/mlir16-run.ts); every
 * result must agree bit for bit (any NaN matches any NaN). Programs the interpreter calls undefined are not
 * compared; programs MLIR 16 cannot lower (scf.index_switch, which its scf-to-cf does not convert; vector.scan;
 * some masked ops, ...) are counted and their reasons printed (an unconverted op shows as the unrealized cast
 * MLIR leaves at its operand's definition, so the op named is that definition's). Fresh memory reads as zero in the interpreter, so the harness zero-fills MLIR's.
 * Vector programs with the maxf/minf kinds are left out (see below).
 *
 * The math functions MLIR 16 calls libm for may differ by a few units in the last place; programs using them
 * are left out here (test/unit/interp-math.test.ts checks them against glibc). INTERP_MLIR_RUNS sets the number
 * of programs of each kind (default 60).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { memrefPrograms } from "../../rewrites/testing/gen-memref.ts";
import { loopNestExamples } from "../../rewrites/testing/gen-loops.ts";
import { vectorPrograms } from "../../rewrites/testing/gen-vector.ts";
import { type ProgramCase, programs } from "../../rewrites/testing/programs.ts";
import { interpret, type RuntimeValue } from "../../src/interp/index.ts";
import type { Type } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { elementBits, type Mlir16Case, runWithMlir16, sameBits } from "../support/mlir16-run.ts";

const ctx = newContext();
const RUNS = Number(process.env.INTERP_MLIR_RUNS ?? 60);

/** Ops whose lowering calls libm (correct to a few ulps, not bit-exact with the interpreter's correctly rounded ones). */
const LIBM = /\bmath\.(exp|exp2|expm1|log|log10|log1p|log2|powf|sin|cos|tan|tanh|atan|atan2|erf|cbrt|rsqrt)\b/;

interface Compared extends Mlir16Case {
  readonly ours: readonly RuntimeValue[];
}


const elementType = (v: RuntimeValue): Type => (v.kind === "shaped" ? v.elementType : v.type);

/** The programs of `arb` the interpreter runs to the end (no libm calls), with what it computed. */
function casesOf(arb: fc.Arbitrary<ProgramCase>, seed: number, leaveOut?: RegExp): Compared[] {
  const out: Compared[] = [];
  for (const p of fc.sample(arb, { numRuns: RUNS, seed })) {
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(`generated program does not parse: ${m.left.message}\n${p.text}`);
    const text = printOp(m.right, { localScope: true });
    if (LIBM.test(text) || leaveOut?.test(text) || p.args.some((a) => a.kind === "memref" || a.kind === "function")) continue;
    const r = interpret(m.right, p.fn, p.args, { ctx });
    if (isLeft(r) || r.right.some((v) => v.kind === "memref" || v.kind === "function")) continue;
    out.push({ text, fn: p.fn, args: p.args, ours: r.right, resultTypes: r.right.map((v) => v.type) });
  }
  return out;
}

function compare(label: string, cases: readonly Compared[]): void {
  const run = runWithMlir16(cases);
  assert.is(run.failure, undefined, run.failure);
  const problems: string[] = [];
  let ran = 0;
  cases.forEach((c, k) => {
    const got = run.results[k];
    if (got === undefined) return;
    ran++;
    c.ours.forEach((v, j) => {
      const ours = elementBits(v);
      const mlir = got[j] ?? [];
      const e = elementType(v);
      const i = ours.findIndex((a, i) => !sameBits(a, mlir[i] ?? 0n, e));
      if (mlir.length !== ours.length || i >= 0) problems.push(`result ${j}[${i}] is 0x${ours[i]?.toString(16)} here, 0x${mlir[i]?.toString(16)} in MLIR 16\n${c.text}`);
    });
  });
  const reasons = new Map<string, number>();
  for (const why of run.refused.values()) {
    const [error = "", at = ""] = why.split("\n");
    // The op MLIR could not lower, when the error points at one, else the error.
    const op = /=\s*([a-z_]+\.[a-z_.]+)|^\s*at: ([a-z_]+\.[a-z_.]+)/.exec(at);
    const first = op !== null ? `${op[1] ?? op[2]}: ${error.replace(/^<stdin>:\d+:\d+: error: /, "")}` : error.replace(/^<stdin>:\d+:\d+: error: /, "");
    reasons.set(first, (reasons.get(first) ?? 0) + 1);
  }
  console.log(`  ${label}: compared ${ran} of ${cases.length} programs with MLIR 16${reasons.size > 0 ? "; it could not lower:" : ""}`);
  for (const [why, n] of reasons) console.log(`    ${n} x ${why.slice(0, 140)}`);
  assert.equal(problems.slice(0, 2), []);
  return void assert.ok(ran >= Math.min(8, cases.length), `${label}: only ${ran} programs ran in MLIR 16`);
}

test("scalar arith programs with branches", () => compare("arith", casesOf(programs(), 1)));
test("scalar programs grown around scf and affine loop nests", () => compare("loops", casesOf(programs({ examples: loopNestExamples, branches: false }), 2)));
// Without the maxf/minf kinds: MLIR 16 lowers them (after its arith expansion) to llvm.maxnum/minnum and
// llvm.vector.reduce.fmax/fmin, which return the number when the other operand is NaN; arith and vector document
// (and the interpreter computes) NaN.
test("vector programs", () => compare("vector", casesOf(vectorPrograms(), 3, /<(maxf|minf)>/)));
test("memref programs", () => compare("memref", casesOf(memrefPrograms(), 4)));

test.run();
