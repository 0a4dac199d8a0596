/**
 * End to end on the host, on tensors: random linalg programs (rewrites/testing/gen-linalg.ts) and random TOSA
 * programs (gen-tosa.ts) compiled by Tensile alone (tensile-lower-to-llvm, translation, O3, ld.lld-14), called on
 * 64-byte aligned typed arrays through MLIR's C interface, give the interpreter's results bit for bit (any NaN
 * matches any NaN; programs with approximated math within 1e-4 relative). Every returned buffer is the caller's
 * and is released. Programs that do not compile yet are counted and printed (at least two thirds must); any
 * program that compiles must compute the interpreter's results. COMPILE_LINALG_RUNS sets the programs per
 * generator (default 16).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../codegen/compile.ts";
import { release, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { newContext } from "../../rewrites/index.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { tosaPrograms } from "../../rewrites/testing/gen-tosa.ts";
import type { ProgramCase } from "../../rewrites/testing/programs.ts";
import { interpret, type ShapedValue } from "../../src/interp/index.ts";
import { parseSource } from "../../src/text/parser.ts";
import { elementBits } from "../support/mlir16-run.ts";
import { nativeArg, returnedBits } from "../support/native-args.ts";
import { sameBits } from "../support/same-bits.ts";

const ctx = newContext();
const RUNS = Number(process.env.COMPILE_LINALG_RUNS ?? 16);
const APPROXIMATE = /\b(math\.(exp|log|tanh|erf|powf|sin|cos|atan|rsqrt)|tosa\.(exp|log|tanh|sigmoid|pow|erf|reciprocal|rsqrt))\b/;

function run(label: string, arb: fc.Arbitrary<ProgramCase>, seed: number): void {
  let compared = 0;
  const failures: string[] = [];
  const notCompiled: string[] = [];
  for (const p of fc.sample(arb, { numRuns: RUNS, seed })) {
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(m.left.message);
    const expected = interpret(m.right, p.fn, p.args, { ctx });
    if (isLeft(expected) || expected.right.some((v) => v.kind !== "shaped")) continue;
    const lib = compile(m.right, { cacheDir: false, ctx });
    if (isLeft(lib)) {
      notCompiled.push(`${lib.left[0]?.message ?? "?"}\n${p.text}`);
      continue;
    }
    try {
      const results = lib.right.functions[p.fn]!.call(...p.args.map(nativeArg)) as ReturnedArray[];
      const relative = APPROXIMATE.test(p.text) ? 1e-4 : 0;
      expected.right.forEach((v, j) => {
        const want = elementBits(v);
        const got = returnedBits(results[j]!, (v as ShapedValue).elementType);
        const i = want.findIndex((w, i) => !sameBits(w, got[i] ?? -1n, (v as ShapedValue).elementType, relative));
        if (i >= 0 || got.length !== want.length) failures.push(`result ${j}[${i}]: interpreter 0x${want[i]?.toString(16)}, native 0x${got[i]?.toString(16)}\n${p.text}`);
      });
      // Each returned buffer once (the ownership rule: every one is a new buffer the caller owns).
      for (const r of new Set(results.map((r) => r.allocated))) release(results.find((x) => x.allocated === r)!);
      compared++;
    } finally {
      lib.right.unload();
    }
  }
  console.log(`    ${label}: ${compared} of ${RUNS} programs compiled, run and compared; ${notCompiled.length} did not compile`);
  for (const why of notCompiled.slice(0, 1)) console.log(`    first that did not compile: ${why.split("\n")[0]}`);
  assert.equal(failures.slice(0, 2), [], `${failures.length} ${label} programs computed something else`);
  // Some TOSA programs do not compile yet (noted in the closing note); most must.
  assert.ok(compared >= (2 * RUNS) / 3, `only ${compared} of ${RUNS} ${label} programs were compared:\n${notCompiled.slice(0, 2).join("\n")}`);
}

test("random linalg programs on tensors: compiled for the host, they compute what the interpreter does", () => run("linalg", linalgPrograms(), 41));
test("random TOSA programs: compiled for the host, they compute what the interpreter does", () => run("tosa", tosaPrograms(), 42));

test.run();
