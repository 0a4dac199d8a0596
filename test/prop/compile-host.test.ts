/**
 * End to end on the host: random programs (rewrites/testing/programs.ts: scalar arith and math in branches and
 * calls) compiled by Tensile alone — its lowering pipeline to the llvm dialect, its translation to LLVM IR,
 * LLVM's O3 and object emission for the host target, ld.lld-14 — loaded with koffi and called through MLIR's C
 * interface, give the interpreter's results bit for bit (any NaN matches any NaN). Programs with functions
 * computed by libm in the interpreter but approximated in compiled code (exp, log, tanh, ...) are compared
 * within a tolerance: those are measured in test/unit/math-approximation. COMPILE_HOST_RUNS sets the number of
 * programs (default 24).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile } from "../../codegen/compile.ts";
import type { Result } from "../../codegen/runtime/c-interface.ts";
import { newContext } from "../../rewrites/index.ts";
import { arithAndMathOps, programs } from "../../rewrites/testing/programs.ts";
import { interpret, type RuntimeValue } from "../../src/interp/index.ts";
import { floatElementBits, floatKindOf, floatNumber } from "../../src/interp/values.ts";
import { FloatType, IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";
import { nativeArg } from "../support/native-args.ts";

const ctx = newContext();
const RUNS = Number(process.env.COMPILE_HOST_RUNS ?? 24);
/** Ops whose compiled form is an approximation (or a libm call) of what the interpreter rounds correctly. */
const APPROXIMATE = /\bmath\.(exp|exp2|expm1|log|log10|log1p|log2|powf|sin|cos|tan|tanh|atan|atan2|erf|cbrt|rsqrt)\b/;

/** Whether the native result equals the interpreter's (bits for floats; NaN any NaN), within `relative` for floats. */
function same(ours: RuntimeValue, native: Result, relative: number): boolean {
  const t: Type = ours.type;
  if (ours.kind === "int") {
    const width = t instanceof IndexType ? 64 : (t as IntegerType).width;
    if (width === 1) return (ours.value !== 0n) === native;
    return BigInt.asUintN(width, ours.value) === BigInt.asUintN(width, BigInt(native as number | bigint));
  }
  if (ours.kind !== "float" || !(t instanceof FloatType)) return false;
  const kind = floatKindOf(t);
  if (kind === "f16" || kind === "bf16") return Number(floatElementBits(ours.value, kind)) === native || (Number.isNaN(floatNumber(ours.value)) && isHalfNaN(native as number, kind));
  const a = floatNumber(ours.value);
  const b = native as number;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (Object.is(a, b)) return true;
  if (relative === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
}

const isHalfNaN = (bits: number, kind: string): boolean => (kind === "f16" ? (bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0 : (bits & 0x7f80) === 0x7f80 && (bits & 0x7f) !== 0);

test("random scalar programs: compiled for the host, they compute what the interpreter does", () => {
  let compared = 0;
  for (const p of fc.sample(programs({ ops: arithAndMathOps, calls: true }), { numRuns: RUNS, seed: 77 })) {
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(m.left.message);
    const expected = interpret(m.right, p.fn, p.args, { ctx });
    if (isLeft(expected)) continue; // undefined behaviour: nothing to compare
    if (expected.right.some((v) => v.kind !== "int" && v.kind !== "float")) continue;
    const lib = compile(m.right, { cacheDir: false, ctx });
    if (isLeft(lib)) assert.unreachable(`compile failed: ${lib.left.map((d) => d.message).join("\n")}\n${p.text}`);
    else {
      try {
        const native = lib.right.functions[p.fn]!.call(...p.args.map(nativeArg));
        // libm and the approximations are within a few f32 ulps; a chain of ops can amplify that, so: 1e-4 relative.
        const relative = APPROXIMATE.test(p.text) ? 1e-4 : 0;
        expected.right.forEach((v, j) => {
          assert.ok(same(v, native[j]!, relative), `result ${j}: interpreter ${JSON.stringify(String((v as { value: unknown }).value))}, native ${String(native[j])}\n${p.text}`);
        });
        compared++;
      } finally {
        lib.right.unload();
      }
    }
  }
  console.log(`    ${compared} of ${RUNS} programs compiled, run and compared`);
  assert.ok(compared >= RUNS / 2, `only ${compared} of ${RUNS} programs were compared`);
});

test.run();
