/**
 * The interpreter's math dialect semantics: special values, rounding functions, sign operations on NaNs,
 * C's pow special cases, the accuracy of every float function against glibc (through a clang-14 program,
 * with the ulp tolerances the interpreter documents), and fpowi / ipowi against MLIR's own lowering
 * (mlir-opt-16 --convert-math-to-funcs, run by the interpreter).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  type FloatValue,
  type IntValue,
  type RuntimeValue,
  bitsOf,
  compareResults,
  floatValue,
  floatValueFromBits,
  intValue,
  numberOf,
  ulpDistance,
} from "../../src/interp/index.ts";
import { FloatType, IntegerType, bf16, f16, f32, f64, i32 } from "../../src/ir/types.ts";
import { Random, compileC, mlirOpt, oneOp, parse, run } from "../support/interp.ts";

const floatType = (t: string): FloatType => FloatType.get(t as "f16" | "bf16" | "f32" | "f64");

function unary(op: string, t: string, x: number | bigint): FloatValue {
  const ft = floatType(t);
  const v = typeof x === "bigint" ? floatValueFromBits(ft, x) : floatValue(ft, x);
  return run(oneOp([t], [t], `math.${op} %a : ${t}`), "f", [v])[0] as FloatValue;
}
function binary(op: string, t: string, x: number, y: number): FloatValue {
  const ft = floatType(t);
  return run(oneOp([t, t], [t], `math.${op} %a, %b : ${t}`), "f", [floatValue(ft, x), floatValue(ft, y)])[0] as FloatValue;
}
const num = (v: FloatValue): number => numberOf(v);

test("special values", () => {
  assert.ok(Number.isNaN(num(unary("sqrt", "f32", -1))));
  assert.ok(Object.is(num(unary("sqrt", "f32", -0)), -0));
  assert.is(num(unary("log", "f64", 0)), -Infinity);
  assert.is(num(unary("exp", "f32", -Infinity)), 0);
  assert.is(num(unary("exp", "f32", 89)), Infinity, "overflows in f32");
  assert.is(num(unary("exp", "f16", 12)), Infinity, "overflows in f16");
  assert.is(num(unary("tanh", "f32", Infinity)), 1);
  assert.is(num(unary("erf", "f64", Infinity)), 1);
  assert.is(num(unary("erf", "f64", -Infinity)), -1);
  assert.ok(Object.is(num(unary("erf", "f32", -0)), -0));
  assert.is(num(unary("rsqrt", "f32", 0)), Infinity);
  assert.is(num(unary("rsqrt", "f32", -0)), -Infinity);
  assert.is(num(unary("rsqrt", "f32", 4)), 0.5);
  assert.is(num(unary("log2", "bf16", 8)), 3);
  assert.is(num(unary("exp2", "f16", 10)), 1024);
  assert.is(num(unary("cbrt", "f64", -27)), -3);
  assert.is(bitsOf(unary("sin", "f32", 0x7fa00000n)), 0x7fe00000n, "a NaN operand comes back quieted");
});

test("round (half away from zero), roundeven, floor, ceil, trunc", () => {
  const cases: [number, number, number][] = [
    // x, round, roundeven
    [0.5, 1, 0],
    [1.5, 2, 2],
    [2.5, 3, 2],
    [-0.5, -1, -0],
    [-2.5, -3, -2],
    [0.49999999999999994, 0, 0],
    [-0.3, -0, -0],
    [4503599627370497, 4503599627370497, 4503599627370497],
  ];
  for (const [x, round, even] of cases) {
    assert.ok(Object.is(num(unary("round", "f64", x)), round), `round ${x}`);
    assert.ok(Object.is(num(unary("roundeven", "f64", x)), even), `roundeven ${x}`);
  }
  assert.is(num(unary("round", "f16", 2.5)), 3);
  assert.is(num(unary("floor", "f32", -1.5)), -2);
  assert.is(num(unary("ceil", "f32", -1.5)), -1);
  assert.ok(Object.is(num(unary("ceil", "f32", -0.5)), -0));
  assert.ok(Object.is(num(unary("trunc", "bf16", -0.75)), -0));
});

test("absf and copysign act on the sign bit of NaNs too", () => {
  assert.is(bitsOf(unary("absf", "f32", 0xffc00001n)), 0x7fc00001n);
  const copy = (a: bigint, b: bigint): bigint =>
    bitsOf(run(oneOp(["f32", "f32"], ["f32"], "math.copysign %a, %b : f32"), "f", [floatValueFromBits(f32, a), floatValueFromBits(f32, b)])[0] as FloatValue);
  assert.is(copy(0x3f800000n, 0xffc00000n), 0xbf800000n, "the sign of a negative NaN");
  assert.is(copy(0xffc00001n, 0x00000000n), 0x7fc00001n);
  assert.ok(Object.is(num(binary("copysign", "f16", 0, -1)), -0));
});

test("powf follows C: pow(1, y) and pow(x, 0) are 1 even with NaN; pow(-1, +-inf) is 1", () => {
  assert.is(num(binary("powf", "f32", 1, NaN)), 1);
  assert.is(num(binary("powf", "f32", NaN, 0)), 1);
  assert.is(num(binary("powf", "f64", -1, Infinity)), 1);
  assert.is(num(binary("powf", "f32", 2, 10)), 1024);
  assert.ok(Number.isNaN(num(binary("powf", "f32", -8, 1 / 3))));
  assert.is(num(binary("powf", "f16", 2, 16)), Infinity);
});

test("fma rounds once", () => {
  const x = 1 + 2 ** -12;
  // x * x = 1 + 2^-11 + 2^-24 exactly; minus (1 + 2^-11) leaves 2^-24, which separate rounding to f32 loses.
  const fma = (t: string, a: number, b: number, c: number): number =>
    num(run(oneOp([t, t, t], [t], `math.fma %a, %b, %c : ${t}`), "f", [a, b, c].map((v) => floatValue(floatType(t), v)))[0] as FloatValue);
  assert.is(fma("f32", x, x, -(1 + 2 ** -11)), 2 ** -24);
  assert.is(Math.fround(Math.fround(x * x) - (1 + 2 ** -11)), 0, "unfused, the low bit is lost");
  assert.ok(Object.is(fma("f64", -0, 5, -0), -0));
  assert.ok(Object.is(fma("f64", 1, 1, -1), 0));
  assert.ok(Number.isNaN(fma("f32", Infinity, 0, 1)));
  assert.is(fma("f32", 1e30, 1e30, -Infinity), -Infinity);
  assert.is(fma("f64", 1e300, 1e300, -Infinity), -Infinity, "a finite product that overflows f64 still loses to -inf");
  assert.is(fma("f16", 100, 100, 0), 10000);
  assert.is(fma("bf16", 3, 3, 1), 10);
});

// ---- glibc through C -----------------------------------------------------------------------------------------

const C_MATH_REFERENCE = String.raw`
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
static float F(unsigned long long b) { uint32_t u = (uint32_t)b; float f; memcpy(&f, &u, 4); return f; }
static double D(unsigned long long b) { double d; memcpy(&d, &b, 8); return d; }
static void pf(float f) { if (isnan(f)) { puts("NAN"); return; } uint32_t u; memcpy(&u, &f, 4); printf("%08x\n", u); }
static void pd(double d) { if (isnan(d)) { puts("NAN"); return; } uint64_t u; memcpy(&u, &d, 8); printf("%016llx\n", (unsigned long long)u); }
#define UNARY(name, ff, df) if (!strcmp(op, name)) { s ? pf(ff(F(a))) : pd(df(D(a))); continue; }
#define BINARY(name, ff, df) if (!strcmp(op, name)) { s ? pf(ff(F(a), F(b))) : pd(df(D(a), D(b))); continue; }
static float rsqrtf_(float x) { return 1.0f / sqrtf(x); }
static double rsqrt_(double x) { return 1.0 / sqrt(x); }
int main(void) {
  char op[32], k[8]; unsigned long long a, b;
  while (scanf("%31s %7s %llx %llx", op, k, &a, &b) == 4) {
    int s = !strcmp(k, "f32");
    UNARY("sin", sinf, sin) UNARY("cos", cosf, cos) UNARY("tan", tanf, tan) UNARY("atan", atanf, atan)
    UNARY("exp", expf, exp) UNARY("exp2", exp2f, exp2) UNARY("expm1", expm1f, expm1) UNARY("log", logf, log)
    UNARY("log10", log10f, log10) UNARY("log1p", log1pf, log1p) UNARY("log2", log2f, log2) UNARY("tanh", tanhf, tanh)
    UNARY("cbrt", cbrtf, cbrt) UNARY("erf", erff, erf) UNARY("sqrt", sqrtf, sqrt) UNARY("rsqrt", rsqrtf_, rsqrt_)
    UNARY("floor", floorf, floor) UNARY("ceil", ceilf, ceil) UNARY("trunc", truncf, trunc) UNARY("round", roundf, round)
    UNARY("roundeven", nearbyintf, nearbyint) UNARY("absf", fabsf, fabs)
    BINARY("atan2", atan2f, atan2) BINARY("powf", powf, pow) BINARY("copysign", copysignf, copysign)
    puts("unknown");
  }
  return 0;
}
`;

/**
 * The ulps by which each function may differ from glibc (0: bit-exact), as dialects/math/interp.ts documents:
 * at most 1 for f32 and 2 for f64 (measured here: V8's cbrt is 2 ulps off in f64, the rest at most 1; the
 * interpreter's erf is correctly rounded, glibc's is not always).
 */
const TRANSCENDENTAL = ["sin", "cos", "tan", "atan", "exp", "exp2", "expm1", "log", "log10", "log1p", "log2", "tanh", "cbrt", "erf", "atan2", "powf"];
const EXACT = ["sqrt", "rsqrt", "floor", "ceil", "trunc", "round", "roundeven", "absf", "copysign"];
const TOLERANCE: Record<string, { f32: number; f64: number }> = Object.fromEntries([
  ...TRANSCENDENTAL.map((fn) => [fn, { f32: 1, f64: 2 }]),
  ...EXACT.map((fn) => [fn, { f32: 0, f64: 0 }]),
]);

/** Inputs where each function is interesting: mostly its natural domain, some special values. */
function randomInput(rnd: Random, fn: string, kind: "f32" | "f64"): number {
  const specials = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, 1e-30, 2 ** -140];
  if (rnd.below(12) === 0) return rnd.pick(specials);
  const u = Number(rnd.bits64() % 1000000n) / 1000000;
  const scale = fn === "exp" || fn === "expm1" || fn === "exp2" || fn === "tanh" || fn === "erf" ? 20 : fn.startsWith("log") || fn === "powf" ? 100 : 1000;
  const x = (u * 2 - 1) * scale * (rnd.below(3) === 0 ? 1e-3 : 1);
  const v = fn.startsWith("log") || fn === "sqrt" || fn === "rsqrt" ? Math.abs(x) : x;
  return kind === "f32" ? Math.fround(v) : v;
}

test("powf's NaN special cases agree with glibc: a signalling NaN is not 1 where a quiet one is", () => {
  const ref = compileC(C_MATH_REFERENCE);
  const f32s: [bigint, bigint][] = [[0x7f800001n, 0n], [0xff800001n, 0x80000000n], [0x3f800000n, 0x7f800001n], [0x7fc00000n, 0n], [0x3f800000n, 0xffc00000n]];
  const f64s: [bigint, bigint][] = [[0x7ff0000000000001n, 0n], [0x3ff0000000000000n, 0xfff0000000000001n], [0x7ff8000000000000n, 0x8000000000000000n]];
  const queries = [...f32s.map(([a, b]) => ["f32", a, b] as const), ...f64s.map(([a, b]) => ["f64", a, b] as const)];
  const lines = ref(queries.map(([k, a, b]) => `powf ${k} ${a.toString(16)} ${b.toString(16)}`).join("\n")).trim().split("\n");
  queries.forEach(([kind, a, b], i) => {
    const ft = kind === "f32" ? f32 : f64;
    const got = run(oneOp([kind, kind], [kind], `math.powf %a, %b : ${kind}`), "f", [floatValueFromBits(ft, a), floatValueFromBits(ft, b)])[0] as FloatValue;
    const want = lines[i] === "NAN" ? NaN : numberOf(floatValueFromBits(ft, BigInt(`0x${lines[i]}`)));
    assert.ok(Object.is(num(got), want), `powf ${kind} (0x${a.toString(16)}, 0x${b.toString(16)}): ${num(got)}, glibc ${want}`);
  });
});

test("every float function is within its documented ulps of glibc (f32 and f64)", () => {
  const ref = compileC(C_MATH_REFERENCE);
  const rnd = new Random(2024);
  const binaryFns = new Set(["atan2", "powf", "copysign"]);
  const queries: [string, "f32" | "f64", number, number][] = [];
  for (const fn of Object.keys(TOLERANCE)) {
    for (const kind of ["f32", "f64"] as const) {
      for (let k = 0; k < 40; k++) queries.push([fn, kind, randomInput(rnd, fn, kind), fn === "powf" ? randomInput(rnd, "exp", kind) / 4 : randomInput(rnd, fn, kind)]);
    }
  }
  const bitsText = (x: number, kind: "f32" | "f64"): string => bitsOf(floatValue(kind === "f32" ? f32 : f64, x)).toString(16);
  const lines = ref(queries.map(([fn, kind, a, b]) => `${fn} ${kind} ${bitsText(a, kind)} ${bitsText(b, kind)}`).join("\n")).trim().split("\n");
  assert.is(lines.length, queries.length);
  const compared = new Set<string>();
  queries.forEach(([fn, kind, a, b], i) => {
    const expected = lines[i] as string;
    const ft = kind === "f32" ? f32 : f64;
    const text = binaryFns.has(fn) ? oneOp([kind, kind], [kind], `math.${fn} %a, %b : ${kind}`) : oneOp([kind], [kind], `math.${fn} %a : ${kind}`);
    const args = binaryFns.has(fn) ? [floatValue(ft, a), floatValue(ft, b)] : [floatValue(ft, a)];
    const got = run(text, "f", args)[0] as FloatValue;
    const where = `math.${fn} ${kind} (${a}, ${b})`;
    if (expected === "NAN") {
      assert.ok(Number.isNaN(num(got)), `${where}: NaN expected, got ${num(got)}`);
      return;
    }
    const want = numberOf(floatValueFromBits(ft, BigInt(`0x${expected}`)));
    assert.ok(!Number.isNaN(num(got)), `${where}: ${want} expected, got NaN`);
    const ulps = Object.is(num(got), want) ? 0 : ulpDistance(num(got), want, kind);
    const signOk = Math.sign(num(got)) === Math.sign(want) || num(got) === 0 || want === 0;
    assert.ok(signOk && ulps <= (TOLERANCE[fn]?.[kind] ?? 0), `${where}: ${num(got)} is ${ulps} ulps from glibc's ${want}`);
    if (TOLERANCE[fn]?.[kind] === 0) assert.ok(Object.is(num(got), want), `${where}: ${num(got)} instead of ${want}`);
    compared.add(`${fn}.${kind}`);
  });
  assert.is(compared.size, 2 * Object.keys(TOLERANCE).length, "every function was compared on non-NaN values, in f32 and f64");
});

// ---- fpowi / ipowi against MLIR's lowering -------------------------------------------------------------------

test("fpowi and ipowi match MLIR's math-to-funcs lowering, run by the interpreter, bit for bit", () => {
  const source = `
func.func @fpowi32(%x: f32, %n: i32) -> f32 {
  %r = math.fpowi %x, %n : f32, i32
  return %r : f32
}
func.func @fpowi16(%x: f16, %n: i8) -> f16 {
  %r = math.fpowi %x, %n : f16, i8
  return %r : f16
}
func.func @ipowi(%x: i32, %n: i32) -> i32 {
  %r = math.ipowi %x, %n : i32
  return %r : i32
}`;
  const direct = parse(source);
  const lowered = parse(mlirOpt(source, ["--convert-math-to-funcs"]), { allowUnregistered: true });
  let sawCall = false;
  lowered.walk((op) => {
    if (op.name === "func.call") sawCall = true;
  });
  assert.ok(sawCall, "the lowering calls the generated power functions");
  const rnd = new Random(11);
  const i8 = IntegerType.get(8);
  for (let k = 0; k < 100; k++) {
    const x = (Number(rnd.bits64() % 2001n) - 1000) / (1 + rnd.below(300));
    const n = BigInt(rnd.below(41)) - 20n;
    const cases: [string, RuntimeValue[]][] = [
      ["fpowi32", [floatValue(f32, k % 25 === 0 ? NaN : x), intValue(i32, k % 30 === 0 ? -(2n ** 31n) : n)]],
      ["fpowi16", [floatValue(f16, x / 100), intValue(i8, k % 30 === 0 ? -128n : n)]],
    ];
    const base = BigInt(rnd.below(9)) - 4n;
    // The lowering divides by zero for 0 to a negative power, as the interpreter reports: skip those.
    if (!(base === 0n && n < 0n)) cases.push(["ipowi", [intValue(i32, base), intValue(i32, n)]]);
    for (const [fn, args] of cases) {
      const why = compareResults(run(lowered, fn, args), run(direct, fn, args), { exactNaN: false });
      assert.is(why, undefined, `${fn}(${args.map((a) => (a.kind === "float" ? numberOf(a) : (a as IntValue).value)).join(", ")}): ${why}`);
    }
  }
  assert.is(numberOf(run(direct, "fpowi16", [floatValue(f16, 2), intValue(i8, -2n)])[0] as FloatValue), 0.25);
  assert.is(numberOf(run(direct, "fpowi32", [floatValue(f32, NaN), intValue(i32, 0n)])[0] as FloatValue), 1);
  assert.is(numberOf(run(direct, "fpowi32", [floatValue(f32, 0), intValue(i32, -1n)])[0] as FloatValue), Infinity);
});

test("f16 and bf16 functions round the f64 result once", () => {
  assert.is(num(unary("sin", "f16", 1)), floatValue(f16, Math.sin(1)).value as number);
  assert.is(num(unary("exp", "bf16", 1)), floatValue(bf16, Math.E).value as number);
  assert.is(num(unary("sqrt", "bf16", 2)), floatValue(bf16, Math.SQRT2).value as number);
});

test.run();
