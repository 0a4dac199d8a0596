/**
 * The interpreter's floating-point semantics (arith): rounding to f32 / f16 / bf16, signed zeros, NaN
 * propagation and payloads, infinities, comparisons, maxf / minf, every float cast, fast-math poison, and two
 * real references: a C program (clang-14) for f32 / f64 arithmetic and casts on random bit patterns, and
 * mlir-opt-16's constant folder for f16 / bf16 arithmetic.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  type FloatValue,
  type IntValue,
  NaNBits,
  type RuntimeValue,
  bitsOf,
  compareResults,
  floatValue,
  floatValueFromBits,
  formatValue,
  intValue,
  shapedValue,
} from "../../src/interp/index.ts";
import { FloatType, IntegerType, bf16, f16, f32, f64, i1, i32, i64, vector } from "../../src/ir/types.ts";
import { Random, compileC, foldWithMlir, oneOp, parse, run, runError } from "../support/interp.ts";

const floatType = (t: string): FloatType => FloatType.get(t as "f16" | "bf16" | "f32" | "f64");
const widthOfKind = (t: string): number => (t === "f64" ? 64 : t === "f32" ? 32 : 16);
const hex = (bits: bigint, t: string): string => bits.toString(16).padStart(widthOfKind(t) / 4, "0");

function fbin(op: string, t: string, a: number | bigint, b: number | bigint, attrs = ""): FloatValue {
  const ft = floatType(t);
  const v = (x: number | bigint): FloatValue => (typeof x === "bigint" ? floatValueFromBits(ft, x) : floatValue(ft, x));
  return run(oneOp([t, t], [t], `${op} %a, %b ${attrs}: ${t}`), "f", [v(a), v(b)])[0] as FloatValue;
}
const num = (v: FloatValue): number => (v.value instanceof NaNBits ? NaN : v.value);

// ---- values and rounding -------------------------------------------------------------------------------------

test("floatValue rounds to the type: f32, f16 (overflow to inf, subnormals), bf16 (ties to even)", () => {
  assert.is(floatValue(f32, 0.1).value, Math.fround(0.1));
  assert.is(floatValue(f16, 65519).value, 65504);
  assert.is(floatValue(f16, 65520).value, Infinity);
  assert.is(floatValue(f16, 2 ** -25).value, 0, "half the smallest subnormal ties to even: zero");
  assert.is(floatValue(f16, 3 * 2 ** -25).value, 2 ** -23);
  assert.is(floatValue(bf16, 1 + 2 ** -8).value, 1);
  assert.is(floatValue(bf16, 1 + 3 * 2 ** -8).value, 1 + 2 ** -6);
  assert.ok(Object.is(floatValue(f32, -0).value, -0));
  assert.is(bitsOf(floatValue(f32, NaN)), 0x7fc00000n, "a plain NaN is the default quiet NaN");
  assert.is(bitsOf(floatValueFromBits(f32, 0xff800001n)), 0xff800001n, "NaN payloads and signs are kept exactly");
  assert.is(formatValue(floatValue(f16, 1.5)), "1.500000e+00 : f16");
});

test("arithmetic rounds once to the type", () => {
  assert.is(num(fbin("arith.addf", "f16", 2048, 1)), 2048, "2049 ties to even in f16");
  assert.is(num(fbin("arith.addf", "f16", 2048, 3)), 2052);
  assert.is(num(fbin("arith.mulf", "f16", 300, 300)), Infinity);
  assert.is(num(fbin("arith.mulf", "bf16", 1.5, 1.5)), 2.25);
  assert.is(num(fbin("arith.addf", "bf16", 256, 1)), 256);
  assert.is(num(fbin("arith.addf", "f32", 0.1, 0.2)), Math.fround(Math.fround(0.1) + Math.fround(0.2)));
  assert.is(num(fbin("arith.divf", "f32", 1, 3)), Math.fround(1 / 3));
  assert.is(num(fbin("arith.subf", "f64", 0.3, 0.1)), 0.3 - 0.1);
});

test("signed zeros", () => {
  const isNeg0 = (v: FloatValue): boolean => Object.is(v.value, -0);
  const isPos0 = (v: FloatValue): boolean => Object.is(v.value, 0);
  assert.ok(isNeg0(fbin("arith.addf", "f32", -0, -0)));
  assert.ok(isPos0(fbin("arith.addf", "f32", -0, 0)));
  assert.ok(isPos0(fbin("arith.subf", "f32", 1, 1)));
  assert.ok(isNeg0(fbin("arith.subf", "f16", -0, 0)));
  assert.ok(isNeg0(fbin("arith.mulf", "bf16", -1, 0)));
  assert.ok(isNeg0(fbin("arith.divf", "f64", 0, -5)));
  assert.ok(isNeg0(fbin("arith.remf", "f32", -4, 2)), "fmod keeps the dividend's sign");
  const [neg] = run(oneOp(["f32"], ["f32"], "arith.negf %a : f32"), "f", [floatValue(f32, 0)]);
  assert.ok(Object.is((neg as FloatValue).value, -0));
});

test("NaN and infinities: propagation keeps the first NaN operand, quieted; invalid ops give the default NaN", () => {
  assert.is(bitsOf(fbin("arith.addf", "f32", 0x7fc12345n, 1)), 0x7fc12345n);
  assert.is(bitsOf(fbin("arith.mulf", "f32", 1, 0xff800001n)), 0xffc00001n, "a signalling NaN is quieted");
  assert.is(bitsOf(fbin("arith.addf", "f32", 0x7fc00001n, 0x7fc00002n)), 0x7fc00001n, "the first NaN operand wins");
  assert.is(bitsOf(fbin("arith.subf", "f32", Infinity, Infinity)), 0x7fc00000n);
  assert.is(bitsOf(fbin("arith.mulf", "f16", 0, Infinity)), 0x7e00n);
  assert.is(num(fbin("arith.divf", "f32", 1, 0)), Infinity);
  assert.is(num(fbin("arith.divf", "f32", -1, 0)), -Infinity);
  assert.ok(Number.isNaN(num(fbin("arith.divf", "f64", 0, 0))));
  assert.ok(Number.isNaN(num(fbin("arith.remf", "f32", 1, 0))));
  assert.ok(Number.isNaN(num(fbin("arith.remf", "f32", Infinity, 1))));
  assert.is(num(fbin("arith.remf", "f32", 1.5, Infinity)), 1.5);
  assert.is(num(fbin("arith.remf", "f64", -5.5, 2)), -1.5);
  // negf flips the sign of a NaN too (a bit operation, like LLVM's fneg).
  const [neg] = run(oneOp(["f32"], ["f32"], "arith.negf %a : f32"), "f", [floatValueFromBits(f32, 0x7f800001n)]);
  assert.is(bitsOf(neg as FloatValue), 0xff800001n);
});

test("maxf / minf propagate NaN and order -0.0 below +0.0", () => {
  assert.ok(Number.isNaN(num(fbin("arith.maxf", "f32", NaN, 1))));
  assert.ok(Number.isNaN(num(fbin("arith.maxf", "f32", 1, NaN))));
  assert.ok(Number.isNaN(num(fbin("arith.minf", "f64", NaN, -Infinity))));
  assert.ok(Object.is(fbin("arith.maxf", "f32", -0, 0).value, 0));
  assert.ok(Object.is(fbin("arith.maxf", "f32", 0, -0).value, 0));
  assert.ok(Object.is(fbin("arith.minf", "f32", 0, -0).value, -0));
  assert.ok(Object.is(fbin("arith.minf", "f16", -0, 0).value, -0));
  assert.is(num(fbin("arith.maxf", "bf16", -1, -Infinity)), -1);
  assert.is(num(fbin("arith.minf", "f32", 3, 2)), 2);
});

test("cmpf: ordered predicates are false on NaN, unordered ones true; -0.0 equals +0.0", () => {
  const preds = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"];
  // Expected bits per predicate, for (1, 2), (NaN, 1), (-0, 0), (inf, inf).
  const expected: Record<string, string> = {
    false: "0000", oeq: "0011", ogt: "0000", oge: "0011", olt: "1000", ole: "1011", one: "1000", ord: "1011",
    ueq: "0111", ugt: "0100", uge: "0111", ult: "1100", ule: "1111", une: "1100", uno: "0100", true: "1111",
  };
  const pairs: [number, number][] = [
    [1, 2],
    [NaN, 1],
    [-0, 0],
    [Infinity, Infinity],
  ];
  for (const p of preds) {
    const text = oneOp(["f32", "f32"], ["i1"], `arith.cmpf ${p}, %a, %b : f32`);
    const got = pairs.map(([a, b]) => ((run(text, "f", [floatValue(f32, a), floatValue(f32, b)])[0] as IntValue).value !== 0n ? "1" : "0")).join("");
    assert.is(got, expected[p], p);
  }
});

// ---- casts ---------------------------------------------------------------------------------------------------

function castOne(op: string, from: string, to: string, v: RuntimeValue): RuntimeValue {
  return run(oneOp([from], [to], `${op} %a : ${from} to ${to}`), "f", [v])[0] as RuntimeValue;
}

test("sitofp / uitofp round once (no double rounding through f64)", () => {
  // 2^60 + 2^36 + 1 is just above halfway between two f32 values: it rounds up. Through f64 it would first
  // round to the exact halfway point 2^60 + 2^36 and then tie to even, down to 2^60.
  const x = (1n << 60n) + (1n << 36n) + 1n;
  assert.is(num(castOne("arith.sitofp", "i64", "f32", intValue(i64, x)) as FloatValue), 2 ** 60 + 2 ** 37);
  assert.is(num(castOne("arith.sitofp", "i64", "f32", intValue(i64, -x)) as FloatValue), -(2 ** 60 + 2 ** 37));
  assert.is(num(castOne("arith.uitofp", "i32", "f32", intValue(i32, -1n)) as FloatValue), 4294967296);
  assert.is(num(castOne("arith.sitofp", "i32", "f32", intValue(i32, -1n)) as FloatValue), -1);
  assert.is(num(castOne("arith.uitofp", "i64", "f16", intValue(i64, 70000n)) as FloatValue), Infinity);
  assert.is(num(castOne("arith.sitofp", "i32", "bf16", intValue(i32, 257n)) as FloatValue), 256);
  assert.is(num(castOne("arith.uitofp", "i1", "f32", intValue(i1, -1n)) as FloatValue), 1);
  assert.is(num(castOne("arith.sitofp", "i1", "f32", intValue(i1, -1n)) as FloatValue), -1);
});

test("fptosi / fptoui truncate toward zero; NaN, infinities and out-of-range values are errors", () => {
  const toInt = (op: string, from: string, to: string, x: number): bigint =>
    (castOne(op, from, to, floatValue(floatType(from), x)) as IntValue).value;
  assert.is(toInt("arith.fptosi", "f32", "i32", 2.9), 2n);
  assert.is(toInt("arith.fptosi", "f32", "i32", -2.9), -2n);
  assert.is(toInt("arith.fptosi", "f64", "i32", -2147483648.9), -2147483648n);
  assert.is(toInt("arith.fptoui", "f32", "i8", 255.5), -1n, "255 as an i8 bit pattern");
  assert.is(toInt("arith.fptoui", "f32", "i32", -0.75), 0n, "truncates to 0 first: defined");
  assert.is(toInt("arith.fptosi", "f16", "i1", -1), -1n);
  const err = (op: string, from: string, to: string, x: number): string => {
    const e = runError(oneOp([from], [to], `${op} %a : ${from} to ${to}`), "f", [floatValue(floatType(from), x)]);
    assert.is(e.kind, "undefined-behavior");
    return e.message;
  };
  assert.match(err("arith.fptosi", "f32", "i32", NaN), /fptosi of NaN/);
  assert.match(err("arith.fptosi", "f32", "i32", 2147483648), /does not fit signed i32/);
  assert.match(err("arith.fptoui", "f64", "i64", -1), /does not fit unsigned i64/);
  assert.match(err("arith.fptoui", "f32", "i8", 256), /does not fit/);
  assert.match(err("arith.fptosi", "f64", "i64", Infinity), /Infinity/);
  assert.match(err("arith.fptosi", "f32", "i1", 1), /does not fit signed i1/);
});

test("extf is exact, truncf rounds once; NaN payloads survive both", () => {
  const conv = (op: string, from: string, to: string, v: FloatValue): FloatValue => castOne(op, from, to, v) as FloatValue;
  assert.is(num(conv("arith.truncf", "f32", "f16", floatValue(f32, 65519.99))), 65504);
  assert.is(num(conv("arith.truncf", "f32", "f16", floatValue(f32, 65520))), Infinity);
  assert.is(num(conv("arith.truncf", "f64", "f32", floatValue(f64, 1 + 2 ** -24))), 1, "a tie goes to even");
  assert.is(num(conv("arith.truncf", "f64", "f32", floatValue(f64, 1 + 2 ** -24 + 2 ** -50))), 1 + 2 ** -23);
  assert.is(num(conv("arith.truncf", "f64", "bf16", floatValue(f64, 1e-40))), floatValue(bf16, 1e-40).value as number);
  assert.is(num(conv("arith.truncf", "f32", "f16", floatValue(f32, 1e-8))), 0);
  assert.is(num(conv("arith.extf", "f16", "f32", floatValue(f16, 2 ** -24))), 2 ** -24);
  assert.is(num(conv("arith.extf", "bf16", "f64", floatValue(bf16, 3.140625))), 3.140625);
  assert.is(bitsOf(conv("arith.truncf", "f32", "f16", floatValueFromBits(f32, 0xff812345n))), 0xfe09n, "sign and high payload kept, quieted");
  assert.is(bitsOf(conv("arith.extf", "f32", "f64", floatValueFromBits(f32, 0x7fc00001n))), 0x7ff8000020000000n);
});

test("bitcast keeps bits exactly, NaN payloads included", () => {
  const roundTrip = (bits: bigint): bigint => {
    const m = `func.func @f(%a: i32) -> i32 {
  %x = arith.bitcast %a : i32 to f32
  %y = arith.bitcast %x : f32 to i32
  return %y : i32
}`;
    return BigInt.asUintN(32, (run(m, "f", [intValue(i32, bits)])[0] as IntValue).value);
  };
  for (const bits of [0x7f800001n, 0xffc00000n, 0x7fc00000n, 0x80000000n, 0x3f800000n, 0x00000001n]) assert.is(roundTrip(bits), bits);
  assert.is(num(castOne("arith.bitcast", "i32", "f32", intValue(i32, 0x3f800000n)) as FloatValue), 1);
  assert.is((castOne("arith.bitcast", "f32", "i32", floatValue(f32, -0)) as IntValue).value, -(2n ** 31n));
  assert.is(num(castOne("arith.bitcast", "f16", "bf16", floatValue(f16, 1)) as FloatValue), 2 ** -7, "0x3C00 read as bf16");
  assert.is(num(castOne("arith.bitcast", "i16", "f16", intValue(IntegerType.get(16), 0x7c00n)) as FloatValue), Infinity);
});

test("NaN constants keep their bits exactly: signalling NaNs, payloads and signs of every float kind", () => {
  const cases: [string, string, bigint][] = [["f16", "i16", 0xfcadn], ["bf16", "i16", 0xff81n], ["f32", "i32", 0x7f800001n], ["f64", "i64", 0xfff0000000000001n]];
  for (const [ft, it, bits] of cases) {
    const m = `func.func @f() -> ${it} {\n  %c = arith.constant 0x${bits.toString(16).toUpperCase()} : ${ft}\n  %r = arith.bitcast %c : ${ft} to ${it}\n  return %r : ${it}\n}`;
    const got = (run(m, "f", [])[0] as IntValue).value;
    assert.is(BigInt.asUintN(widthOfKind(ft === "bf16" ? "f16" : ft), got), bits, `${ft} 0x${bits.toString(16)}`);
  }
});

test("the bits of a NaN made by arithmetic are unspecified: observing them fails as `unspecified`", () => {
  const observe = (body: string): ReturnType<typeof runError> =>
    runError(`func.func @f(%a: f64) -> i64 {\n${body}\n  %r = arith.bitcast %n : f64 to i64\n  return %r : i64\n}`, "f", [floatValueFromBits(f64, 0x7ff0000000000001n)]);
  // x86 gives mulf(-a, -a) the sign of -a and mulf(a, a) the sign of a; LLVM allows either for both.
  const e = observe("  %m = arith.negf %a : f64\n  %n = arith.mulf %m, %m : f64");
  assert.is(e.kind, "unspecified");
  assert.match(e.message, "arith.bitcast reads the bits of a NaN produced by arithmetic");
  assert.is(observe("  %s = math.sqrt %a : f64\n  %n = arith.negf %s : f64").kind, "unspecified", "negf keeps an unspecified NaN unspecified");
  assert.is(observe("  %e = arith.truncf %a : f64 to f32\n  %n = arith.extf %e : f32 to f64").kind, "unspecified", "extf / truncf are arithmetic");
  const copysign = `func.func @f(%a: f32, %b: f32) -> f32 {
  %z = arith.addf %b, %b : f32
  %r = math.copysign %a, %z : f32
  return %r : f32
}`;
  const sign = runError(copysign, "f", [floatValue(f32, 1), floatValueFromBits(f32, 0xff800001n)]);
  assert.is(sign.kind, "unspecified", "copysign reads the sign of its second operand");
  // NaNs that no arithmetic touched keep their bits: arguments, bit operations on them, and same-type bitcasts.
  const m = `func.func @f(%a: f64) -> i64 {
  %n = arith.negf %a : f64
  %b = arith.bitcast %n : f64 to f64
  %r = arith.bitcast %b : f64 to i64
  return %r : i64
}`;
  assert.is(BigInt.asUintN(64, (run(m, "f", [floatValueFromBits(f64, 0x7ff0000000000001n)])[0] as IntValue).value), 0xfff0000000000001n);
  const kept = fbin("arith.mulf", "f32", 1, 0xff800001n);
  assert.is(bitsOf(kept), 0xffc00001n, "the interpreter's pick (x86's, APFloat's) is still what results show");
});

test("fast-math nnan / ninf make NaN and infinite operands or results poison; other flags change nothing", () => {
  const e = runError(oneOp(["f32", "f32"], ["f32"], "arith.addf %a, %b fastmath<nnan> : f32"), "f", [floatValue(f32, Infinity), floatValue(f32, -Infinity)]);
  assert.is(e.kind, "undefined-behavior");
  assert.match(e.message, /'arith.addf' op NaN operand or result with fast-math flag 'nnan'/);
  const inf = runError(oneOp(["f32", "f32"], ["f32"], "arith.mulf %a, %b fastmath<ninf> : f32"), "f", [floatValue(f32, 1e30), floatValue(f32, 1e30)]);
  assert.match(inf.message, /ninf/);
  assert.is(num(fbin("arith.addf", "f32", 1, 2, "fastmath<fast>")), 3);
  assert.is(num(fbin("arith.addf", "f32", Infinity, 1, "fastmath<nnan,nsz>")), Infinity, "infinities are fine without ninf");
});

test("vectors of floats, and f80 is reported as unsupported", () => {
  const [r] = run(oneOp(["vector<3xf16>", "vector<3xf16>"], ["vector<3xf16>"], "arith.mulf %a, %b : vector<3xf16>"), "f", [
    shapedValue(vector([3], f16), [1.5, 300, -0]),
    shapedValue(vector([3], f16), [2, 300, 5]),
  ]);
  assert.is(formatValue(r as RuntimeValue), "dense<[3.000000e+00, 0x7C00, -0.000000e+00]> : vector<3xf16>");
  const e = runError(parse(oneOp(["f80", "f80"], ["f80"], "arith.addf %a, %b : f80")), "f", []);
  assert.is(e.kind, "invalid-input", "no f80 value can even be passed");
  const constant = runError(`func.func @f() -> f80 {
  %c = arith.constant 1.0 : f80
  return %c : f80
}`, "f", []);
  assert.is(constant.kind, "unsupported");
  assert.match(constant.message, /f80/);
});

// ---- C reference ---------------------------------------------------------------------------------------------

const C_FLOAT_REFERENCE = String.raw`
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
static float F(unsigned long long b) { uint32_t u = (uint32_t)b; float f; memcpy(&f, &u, 4); return f; }
static double D(unsigned long long b) { double d; memcpy(&d, &b, 8); return d; }
static void pf(float f) { if (isnan(f)) { puts("NAN"); return; } uint32_t u; memcpy(&u, &f, 4); printf("%08x\n", u); }
static void pd(double d) { if (isnan(d)) { puts("NAN"); return; } uint64_t u; memcpy(&u, &d, 8); printf("%016llx\n", (unsigned long long)u); }
static void toInt(double x, double lo, double hi, int isSigned, int bits) {
  double t = trunc(x);
  if (isnan(x) || t < lo || t > hi) { puts("UB"); return; }
  if (isSigned) printf("%lld\n", bits == 32 ? (long long)(int32_t)x : (long long)(int64_t)x);
  else if (bits == 32) printf("%lld\n", (long long)(int32_t)(uint32_t)x);
  else printf("%lld\n", (long long)(int64_t)(uint64_t)x);
}
int main(void) {
  char op[32], k[8]; unsigned long long a, b, c;
  while (scanf("%31s %7s %llx %llx %llx", op, k, &a, &b, &c) == 5) {
    int s = !strcmp(k, "f32");
    if (!strcmp(op, "addf")) s ? pf(F(a) + F(b)) : pd(D(a) + D(b));
    else if (!strcmp(op, "subf")) s ? pf(F(a) - F(b)) : pd(D(a) - D(b));
    else if (!strcmp(op, "mulf")) s ? pf(F(a) * F(b)) : pd(D(a) * D(b));
    else if (!strcmp(op, "divf")) s ? pf(F(a) / F(b)) : pd(D(a) / D(b));
    else if (!strcmp(op, "remf")) s ? pf(fmodf(F(a), F(b))) : pd(fmod(D(a), D(b)));
    else if (!strcmp(op, "sqrt")) s ? pf(sqrtf(F(a))) : pd(sqrt(D(a)));
    else if (!strcmp(op, "fma")) s ? pf(fmaf(F(a), F(b), F(c))) : pd(fma(D(a), D(b), D(c)));
    else if (!strcmp(op, "sitofp_i32")) s ? pf((float)(int32_t)a) : pd((double)(int32_t)a);
    else if (!strcmp(op, "sitofp_i64")) s ? pf((float)(int64_t)a) : pd((double)(int64_t)a);
    else if (!strcmp(op, "uitofp_i32")) s ? pf((float)(uint32_t)a) : pd((double)(uint32_t)a);
    else if (!strcmp(op, "uitofp_i64")) s ? pf((float)(uint64_t)a) : pd((double)(uint64_t)a);
    else if (!strcmp(op, "fptosi_i32")) toInt(s ? F(a) : D(a), -2147483648.0, 2147483647.0, 1, 32);
    else if (!strcmp(op, "fptosi_i64")) toInt(s ? F(a) : D(a), -9223372036854775808.0, 9223372036854774784.0, 1, 64);
    else if (!strcmp(op, "fptoui_i32")) toInt(s ? F(a) : D(a), 0.0, 4294967295.0, 0, 32);
    else if (!strcmp(op, "fptoui_i64")) toInt(s ? F(a) : D(a), 0.0, 18446744073709549568.0, 0, 64);
    else if (!strcmp(op, "truncf")) pf((float)D(a));
    else if (!strcmp(op, "extf")) pd((double)F(a));
    else puts("unknown");
  }
  return 0;
}
`;

/** A random float bit pattern of `kind`: mostly ordinary values, with zeros, infinities, NaNs and subnormals. */
function randomFloatBits(rnd: Random, kind: "f32" | "f64"): bigint {
  const width = widthOfKind(kind);
  const specials = kind === "f32"
    ? [0n, 0x80000000n, 0x7f800000n, 0xff800000n, 0x7fc00000n, 0x00000001n, 0x3f800000n, 0x7f7fffffn, 0x4f000000n, 0xcf000000n]
    : [0n, 1n << 63n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 1n, 0x3ff0000000000000n, 0x43e0000000000000n];
  const r = rnd.below(10);
  if (r === 0) return rnd.pick(specials);
  if (r < 4) {
    // Moderate magnitudes, so that sums and conversions to integers are in range.
    const x = (Number(rnd.bits64() % 2000001n) - 1000000) / (1 + rnd.below(1000));
    return floatValue(floatType(kind), x).value === 0 ? 0n : bitsOf(floatValue(floatType(kind), x));
  }
  return BigInt.asUintN(width, rnd.bits64());
}

/** The interpreter's answer in the C program's format. */
function interpFloatAnswer(op: string, kind: string, a: bigint, b: bigint, c: bigint): string {
  const ft = floatType(kind);
  const fv = (bits: bigint): FloatValue => floatValueFromBits(ft, bits);
  const show = (v: RuntimeValue): string => {
    if (v.kind === "int") return String(v.value);
    const f = v as FloatValue;
    return Number.isNaN(num(f)) ? "NAN" : hex(bitsOf(f), f.type.name);
  };
  const attempt = (text: string, args: RuntimeValue[]): string => {
    try {
      return show(run(text, "f", args)[0] as RuntimeValue);
    } catch (e) {
      if (e instanceof Error && /fptosi|fptoui/.test(e.message)) return "UB";
      throw e;
    }
  };
  if (["addf", "subf", "mulf", "divf", "remf"].includes(op)) return attempt(oneOp([kind, kind], [kind], `arith.${op} %a, %b : ${kind}`), [fv(a), fv(b)]);
  if (op === "sqrt") return attempt(oneOp([kind], [kind], `math.sqrt %a : ${kind}`), [fv(a)]);
  if (op === "fma") return attempt(oneOp([kind, kind, kind], [kind], `math.fma %a, %b, %c : ${kind}`), [fv(a), fv(b), fv(c)]);
  if (op === "truncf") return attempt(oneOp(["f64"], ["f32"], "arith.truncf %a : f64 to f32"), [floatValueFromBits(f64, a)]);
  if (op === "extf") return attempt(oneOp(["f32"], ["f64"], "arith.extf %a : f32 to f64"), [floatValueFromBits(f32, a)]);
  const [name, intType] = op.split("_") as [string, string];
  if (name.endsWith("tofp")) {
    const it = intType === "i32" ? i32 : i64;
    return attempt(oneOp([intType], [kind], `arith.${name} %a : ${intType} to ${kind}`), [intValue(it, a)]);
  }
  return attempt(oneOp([kind], [intType], `arith.${name} %a : ${kind} to ${intType}`), [fv(a)]);
}

test("f32 / f64 arithmetic, sqrt, fma and casts agree bit for bit with C (clang-14)", () => {
  const ref = compileC(C_FLOAT_REFERENCE);
  const rnd = new Random(99);
  const ops = [
    "addf", "subf", "mulf", "divf", "remf", "sqrt", "fma", "sitofp_i32", "sitofp_i64", "uitofp_i32", "uitofp_i64",
    "fptosi_i32", "fptosi_i64", "fptoui_i32", "fptoui_i64", "truncf", "extf",
  ];
  const queries: [string, string, bigint, bigint, bigint][] = [];
  for (const kind of ["f32", "f64"] as const) {
    for (const op of ops) {
      if ((op === "truncf" || op === "extf") && kind === "f64") continue;
      for (let k = 0; k < 80; k++) {
        const intOperand = op.includes("tofp");
        const a = intOperand ? BigInt.asUintN(64, rnd.int(64)) : op === "truncf" ? randomFloatBits(rnd, "f64") : randomFloatBits(rnd, kind);
        queries.push([op, kind, a, randomFloatBits(rnd, kind), randomFloatBits(rnd, kind)]);
      }
    }
  }
  const lines = ref(queries.map(([op, k, a, b, c]) => `${op} ${k} ${a.toString(16)} ${b.toString(16)} ${c.toString(16)}`).join("\n")).trim().split("\n");
  assert.is(lines.length, queries.length);
  queries.forEach(([op, kind, a, b, c], i) => {
    const expected = lines[i] as string;
    const got = interpFloatAnswer(op, kind, op.startsWith("sitofp") && op.endsWith("i32") ? BigInt.asIntN(32, a) : op.endsWith("i32") && op.startsWith("uitofp") ? BigInt.asUintN(32, a) : a, b, c);
    assert.is(got, expected, `${op} ${kind} ${a.toString(16)} ${b.toString(16)} ${c.toString(16)}`);
  });
});

// ---- mlir-opt-16's folder as a reference for f16 / bf16 -------------------------------------------------------

test("f16 / bf16 arithmetic agrees with mlir-opt-16's constant folder (APFloat)", () => {
  const rnd = new Random(5);
  const cases: { kind: string; op: string; a: bigint; b: bigint }[] = [];
  for (const kind of ["f16", "bf16"]) {
    for (const op of ["addf", "subf", "mulf", "divf", "maxf", "minf"]) {
      for (let k = 0; k < 40; k++) {
        // Random bit patterns, but NaNs only a few times (MLIR's folder and the interpreter may pick different NaNs).
        const pick = (): bigint => {
          const bits = BigInt.asUintN(16, rnd.bits64());
          const v = floatValueFromBits(floatType(kind), bits);
          return Number.isNaN(num(v)) && rnd.below(4) !== 0 ? bits & 0x3fffn : bits;
        };
        cases.push({ kind, op, a: pick(), b: pick() });
      }
    }
  }
  const folded = foldWithMlir(
    cases.map((c) => ({
      argTypes: [c.kind, c.kind],
      args: [`0x${hex(c.a, c.kind)}`, `0x${hex(c.b, c.kind)}`],
      resultTypes: [c.kind],
      op: `arith.${c.op} %a, %b : ${c.kind}`,
    })),
  );
  let compared = 0;
  cases.forEach((c, i) => {
    const expected = folded[i];
    if (expected === undefined) return;
    compared++;
    const ft = floatType(c.kind);
    const got = run(oneOp([c.kind, c.kind], [c.kind], `arith.${c.op} %a, %b : ${c.kind}`), "f", [floatValueFromBits(ft, c.a), floatValueFromBits(ft, c.b)]);
    const why = compareResults(expected, got);
    assert.is(why, undefined, `${c.op} ${c.kind} 0x${hex(c.a, c.kind)} 0x${hex(c.b, c.kind)}: ${why}`);
  });
  assert.is(compared, cases.length, "MLIR folds every case");
});

test.run();
