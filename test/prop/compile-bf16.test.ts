/**
 * bf16 compiled (tensile-lower-to-llvm: arith-emulate-unsupported-floats computes it in f32, arith-expand{include-
 * bf16=true} turns extf/truncf into integer ops, the llvm dialect carries it as i16, so LLVM 14 never sees bf16)
 * gives the interpreter's bits: scalars (+ - * / rem, neg, max, min, cmpf, sqrt) on every class of input, extf
 * and truncf from f32 and f64 (ties, just off ties where a double rounding would go wrong, subnormals, overflow
 * to inf, NaN), integer conversions wider than f32 holds, vectors (dense bf16 constants included), and random
 * linalg and TOSA programs on bf16 tensors. A riscv64 bundle of the conversions runs under qemu with the same
 * bits. Any NaN matches any NaN (arith leaves NaN payloads unspecified).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildBundle, writeBundle } from "../../codegen/aot/bundle.ts";
import { compile } from "../../codegen/compile.ts";
import { runQemu } from "../../codegen/link.ts";
import { release, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { newContext } from "../../rewrites/index.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { tosaPrograms } from "../../rewrites/testing/gen-tosa.ts";
import type { ProgramCase } from "../../rewrites/testing/programs.ts";
import { interpret, type RuntimeValue, type ShapedValue } from "../../src/interp/index.ts";
import { floatElementFromBits } from "../../src/interp/values.ts";
import { bf16, f32, f64, FloatType, i16, i32, i64, IntegerType, type Type } from "../../src/ir/types.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { parseSource } from "../../src/text/parser.ts";
import { elementBits, sameBits } from "../support/mlir16-run.ts";
import { nativeArg, returnedBits } from "../support/native-args.ts";

const ctx = newContext();
const RUNS = Number(process.env.COMPILE_BF16_RUNS ?? 6);

const parse = (text: string): Operation => {
  const m = parseSource(text, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  return m.right;
};
const float = (type: FloatType, bits: bigint): RuntimeValue => ({ kind: "float", type, value: floatElementFromBits(bits, type.name as "bf16") }) as RuntimeValue;
const int = (type: IntegerType, value: bigint): RuntimeValue => ({ kind: "int", type, value: BigInt.asIntN(type.width, value) }) as RuntimeValue;
const f64Bits = (x: number): bigint => new BigUint64Array(new Float64Array([x]).buffer)[0]!;
const f32Bits = (x: number): bigint => BigInt(new Uint32Array(new Float32Array([x]).buffer)[0]!);

/** The scalar bits of a compiled result (bf16/f16 come back as their bits, floats as numbers, i1 as booleans). */
function nativeBits(x: unknown, type: Type): bigint {
  if (typeof x === "boolean") return x ? 1n : 0n;
  if (typeof x === "bigint") return BigInt.asUintN(64, x);
  if (type instanceof FloatType && type.name === "f32") return f32Bits(x as number);
  if (type instanceof FloatType && type.name === "f64") return f64Bits(x as number);
  if (type instanceof IntegerType) return BigInt.asUintN(type.width, BigInt(x as number));
  return BigInt(x as number);
}

/** Compiles `text` once and compares every result of `fn` with the interpreter's for each argument list. */
function compareScalars(text: string, fn: string, argLists: readonly (readonly RuntimeValue[])[]): number {
  const m = parse(text);
  const lib = compile(m, { cacheDir: false, ctx });
  if (isLeft(lib)) throw new Error(`compile failed: ${lib.left.map((d) => d.message).join("\n")}`);
  let compared = 0;
  try {
    for (const args of argLists) {
      const expected = interpret(m, fn, args, { ctx });
      if (isLeft(expected)) throw new Error(`interpreter: ${expected.left.message}`);
      const got = lib.right.functions[fn]!.call(...args.map(nativeArg));
      const results = Array.isArray(got) ? got : [got];
      expected.right.forEach((v, j) => {
        const want = elementBits(v)[0]!;
        const have = nativeBits(results[j], v.type);
        const args_ = args.map((a) => elementBits(a)[0]!.toString(16)).join(", ");
        assert.ok(sameBits(want, have, v.type), `${fn}(${args_}) result ${j}: interpreter 0x${want.toString(16)}, native 0x${have.toString(16)}`);
      });
      compared++;
    }
  } finally {
    lib.right.unload();
  }
  return compared;
}

/** bf16 bit patterns of every class: zeros, subnormals, normals around 1, the largest, infinities, NaNs. */
const SPECIAL_BF16 = [0x0000n, 0x8000n, 0x0001n, 0x8001n, 0x007fn, 0x0080n, 0x3f80n, 0xbf80n, 0x3f81n, 0x4049n, 0xc0a0n, 0x7f7fn, 0xff7fn, 0x7f80n, 0xff80n, 0x7fc0n, 0xffc1n, 0x3c00n, 0x0100n, 0x4400n];

function bf16Pairs(count: number, seed: number): [bigint, bigint][] {
  const pairs: [bigint, bigint][] = [];
  for (const a of SPECIAL_BF16) for (const b of SPECIAL_BF16) pairs.push([a, b]);
  for (const [a, b] of fc.sample(fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff })), { numRuns: count, seed })) pairs.push([BigInt(a), BigInt(b)]);
  return pairs;
}

test("bf16 scalar arithmetic compiled for the host: the interpreter's bits (correctly rounded through f32)", () => {
  const text = `func.func @s(%x: bf16, %y: bf16) -> (bf16, bf16, bf16, bf16, bf16, bf16, bf16, bf16, i1, i1, i1, bf16, bf16, f32, f64) {
  %add = arith.addf %x, %y : bf16
  %sub = arith.subf %x, %y : bf16
  %mul = arith.mulf %x, %y : bf16
  %div = arith.divf %x, %y : bf16
  %rem = arith.remf %x, %y : bf16
  %neg = arith.negf %x : bf16
  %max = arith.maxf %x, %y : bf16
  %min = arith.minf %x, %y : bf16
  %lt = arith.cmpf olt, %x, %y : bf16
  %ueq = arith.cmpf ueq, %x, %y : bf16
  %une = arith.cmpf une, %x, %y : bf16
  %ax = math.absf %x : bf16
  %sq = math.sqrt %ax : bf16
  %e32 = arith.extf %x : bf16 to f32
  %e64 = arith.extf %y : bf16 to f64
  return %add, %sub, %mul, %div, %rem, %neg, %max, %min, %lt, %ueq, %une, %ax, %sq, %e32, %e64 : bf16, bf16, bf16, bf16, bf16, bf16, bf16, bf16, i1, i1, i1, bf16, bf16, f32, f64
}`;
  const n = compareScalars(text, "s", bf16Pairs(3000, 7).map(([a, b]) => [float(bf16, a), float(bf16, b)]));
  assert.ok(n > 3000);
});

test("truncf to bf16 from f32 and f64, and integers to bf16: ties, just off ties, subnormals, overflow, NaN", () => {
  const text = `func.func @c(%d: f64, %f: f32, %i: i32, %l: i64, %s: i16) -> (bf16, bf16, bf16, bf16, bf16, bf16, bf16, i32) {
  %td = arith.truncf %d : f64 to bf16
  %tf = arith.truncf %f : f32 to bf16
  %si = arith.sitofp %i : i32 to bf16
  %ui = arith.uitofp %i : i32 to bf16
  %sl = arith.sitofp %l : i64 to bf16
  %ul = arith.uitofp %l : i64 to bf16
  %ss = arith.sitofp %s : i16 to bf16
  %back = arith.fptosi %tf : bf16 to i32
  return %td, %tf, %si, %ui, %sl, %ul, %ss, %back : bf16, bf16, bf16, bf16, bf16, bf16, bf16, i32
}`;
  const doubles = [
    1 + 2 ** -8, 1 + 3 * 2 ** -8, 1 + 2 ** -8 + 2 ** -40, 1 + 2 ** -8 - 2 ** -60, 1 + 2 ** -8 + 2 ** -30, -(1 + 2 ** -8 + 2 ** -40), 1 / 3, -0.1,
    3.3895313892515355e38, 3.39e38, 3.4028234663852886e38, 3.5e38, 1e300, -1e300, 2 ** -133, 2 ** -134, 2 ** -134 + 2 ** -200, 3 * 2 ** -134, 2 ** -127 * 1.5,
    1e-300, -1e-300, 2 ** -149, 2 ** -150, 0, -0, Infinity, -Infinity, NaN, 65504, 123456.789,
  ];
  const floats = [0x3f808000n, 0x3f818000n, 0x3f808001n, 0x3f807fffn, 0x7f7fffffn, 0x7f7f8000n, 0x7f7f7fffn, 0x00008000n, 0x00018000n, 0x00000001n, 0x80000001n, 0x007fffffn, 0x7fc00000n, 0x7f800001n, 0xffa00000n, 0xff800000n, 0x80000000n, 0x42f6e979n, 0xc7000000n];
  const ints = [0n, 1n, -1n, 255n, 257n, (1n << 24n) + (1n << 16n), (1n << 24n) + (1n << 16n) + 1n, (1n << 24n) + 3n * (1n << 16n), 0x7fffffffn, -0x80000000n, 0x01018000n, -0x01018001n];
  const longs = [0n, -1n, (1n << 60n) + (1n << 52n), (1n << 60n) + (1n << 52n) + 1n, (1n << 62n) + (3n << 54n), -(1n << 63n), (1n << 63n) - 1n, (1n << 53n) + (1n << 45n) + 1n, (1n << 40n) + (1n << 32n) + 1n, 0x8080000000000001n];
  const shorts = [0n, 1n, -1n, 0x7fffn, -0x8000n, 0x0101n, 0x0181n];
  const argLists: RuntimeValue[][] = [];
  const pick = <T>(xs: readonly T[], k: number): T => xs[k % xs.length]!;
  const count = Math.max(doubles.length, floats.length, ints.length, longs.length) * 3;
  for (let k = 0; k < count; k++) {
    const f = pick(floats, k);
    const fAsNumber = new Float32Array(new Uint32Array([Number(f)]).buffer)[0]!;
    // fptosi of an out-of-range or NaN bf16 is poison: only in-range values reach it.
    const safeF = Number.isFinite(fAsNumber) && Math.abs(fAsNumber) < 2 ** 31 ? f : 0x3f808000n;
    argLists.push([float(f64, f64Bits(pick(doubles, k))), float(f32, safeF), int(i32, pick(ints, k)), int(i64, pick(longs, k)), int(i16, pick(shorts, k))]);
  }
  // Every f32 input once more, NaNs and infinities included, through a function without fptosi.
  const truncOnly = `func.func @t(%f: f32) -> bf16 {\n  %t = arith.truncf %f : f32 to bf16\n  return %t : bf16\n}`;
  compareScalars(truncOnly, "t", floats.map((f) => [float(f32, f)]));
  assert.ok(compareScalars(text, "c", argLists) === count);
});

test("bf16 vectors: dense bf16 constants, broadcasts, arithmetic, compares, extf and truncf from f64 per lane", () => {
  const lanes = [0, 1, 2, 3];
  const extract = (v: string, type: string) => lanes.map((i) => `  %${v}${i} = vector.extract %${v}[${i}] : vector<4x${type}>`).join("\n");
  const text = `func.func @v(%x: bf16, %d: f64) -> (${[...lanes.map(() => "bf16"), ...lanes.map(() => "bf16"), ...lanes.map(() => "i1"), ...lanes.map(() => "f32"), ...lanes.map(() => "bf16")].join(", ")}) {
  %c = arith.constant dense<[1.0, -0.0, 3.5, 1.0e38]> : vector<4xbf16>
  %bx = vector.broadcast %x : bf16 to vector<4xbf16>
  %s = arith.addf %bx, %c : vector<4xbf16>
  %p = arith.divf %s, %c : vector<4xbf16>
  %q = arith.cmpf oge, %s, %c : vector<4xbf16>
  %e = arith.extf %p : vector<4xbf16> to vector<4xf32>
  %bd = vector.broadcast %d : f64 to vector<4xf64>
  %off = arith.constant dense<[0.0, 1.0e-12, -1.0e-12, 0.0078125]> : vector<4xf64>
  %sd = arith.addf %bd, %off : vector<4xf64>
  %t = arith.truncf %sd : vector<4xf64> to vector<4xbf16>
${extract("s", "bf16")}
${extract("p", "bf16")}
${extract("q", "i1")}
${extract("e", "f32")}
${extract("t", "bf16")}
  return ${["s", "p", "q", "e", "t"].flatMap((v) => lanes.map((i) => `%${v}${i}`)).join(", ")} : ${[...lanes.map(() => "bf16"), ...lanes.map(() => "bf16"), ...lanes.map(() => "i1"), ...lanes.map(() => "f32"), ...lanes.map(() => "bf16")].join(", ")}
}`;
  const xs = [0x3f80n, 0xbf80n, 0x0001n, 0x7f7fn, 0x7fc0n, 0x4049n, 0xc2f7n];
  const ds = [1 + 2 ** -8, 1 + 2 ** -8 - 2 ** -40, -3.3895313892515355e38, 2 ** -134, 1e39, NaN, 0.1];
  assert.is(compareScalars(text, "v", xs.map((x, k) => [float(bf16, x), float(f64, f64Bits(ds[k]!))])), xs.length);
});

/** Random programs on bf16 tensors, compiled and run: every one that compiles gives the interpreter's bits. */
function compareTensorPrograms(label: string, arb: fc.Arbitrary<ProgramCase>, seed: number, runs = RUNS): number {
  let compared = 0;
  const notCompiled: string[] = [];
  for (const p of fc.sample(arb, { numRuns: runs, seed })) {
    const m = parse(p.text);
    const expected = interpret(m, p.fn, p.args, { ctx });
    if (isLeft(expected) || expected.right.some((v) => v.kind !== "shaped")) continue;
    const lib = compile(m, { cacheDir: false, ctx });
    if (isLeft(lib)) {
      notCompiled.push(`${lib.left[0]?.message ?? "?"}\n${p.text}`);
      continue;
    }
    try {
      const results = lib.right.functions[p.fn]!.call(...p.args.map(nativeArg)) as ReturnedArray[];
      expected.right.forEach((v, j) => {
        const element = (v as ShapedValue).elementType;
        const want = elementBits(v);
        const got = returnedBits(results[j]!, element);
        const i = want.findIndex((w, i) => !sameBits(w, got[i] ?? -1n, element));
        assert.ok(i < 0 && got.length === want.length, `${label} result ${j}[${i}]: interpreter 0x${want[i]?.toString(16)}, native 0x${got[i]?.toString(16)}\n${p.text}`);
      });
      for (const r of new Set(results.map((r) => r.allocated))) release(results.find((x) => x.allocated === r)!);
      compared++;
    } finally {
      lib.right.unload();
    }
  }
  console.log(`    ${label} on bf16: ${compared} of ${runs} programs compiled, run and compared; ${notCompiled.length} did not compile`);
  for (const why of notCompiled.slice(0, 1)) console.log(`    first that did not compile: ${why.split("\n")[0]}`);
  return compared;
}

test("random linalg programs on bf16 tensors: compiled, the interpreter's bits", () => {
  assert.ok(compareTensorPrograms("linalg", linalgPrograms({ elementTypes: ["bf16"] }), 51) >= RUNS / 2);
});

test("random TOSA programs on bf16 tensors: compiled, the interpreter's bits", () => {
  assert.ok(compareTensorPrograms("tosa", tosaPrograms({ elementTypes: [bf16] }), 52) >= RUNS / 2);
});

test("TOSA matmul, add, reduce_sum and casts in bf16: compiled, the interpreter's bits", () => {
  const text = `func.func @f(%a: tensor<1x3x5xbf16>, %b: tensor<1x5x4xbf16>, %c: tensor<1x3x4xf32>) -> (tensor<1x3x4xbf16>, tensor<1x1x4xbf16>, tensor<1x3x4xf32>) {
  %m = "tosa.matmul"(%a, %b) : (tensor<1x3x5xbf16>, tensor<1x5x4xbf16>) -> tensor<1x3x4xbf16>
  %cb = "tosa.cast"(%c) : (tensor<1x3x4xf32>) -> tensor<1x3x4xbf16>
  %s = "tosa.add"(%m, %cb) : (tensor<1x3x4xbf16>, tensor<1x3x4xbf16>) -> tensor<1x3x4xbf16>
  %r = "tosa.reduce_sum"(%s) {axis = 1 : i64} : (tensor<1x3x4xbf16>) -> tensor<1x1x4xbf16>
  %w = "tosa.cast"(%s) : (tensor<1x3x4xbf16>) -> tensor<1x3x4xf32>
  return %s, %r, %w : tensor<1x3x4xbf16>, tensor<1x1x4xbf16>, tensor<1x3x4xf32>
}`;
  /** Nested literal rows of `values` in `shape`. */
  const literal = (shape: readonly number[], values: readonly number[]): string => {
    if (shape.length === 0) return values[0]!.toExponential(9);
    const [n, ...rest] = shape as [number, ...number[]];
    const size = values.length / n;
    return `[${Array.from({ length: n }, (_, i) => literal(rest, values.slice(i * size, (i + 1) * size))).join(", ")}]`;
  };
  const tensor = (type: FloatType, shape: number[], values: number[]): RuntimeValue => {
    const parsed = parse(`func.func @g() -> tensor<${shape.join("x")}x${type.name}> {\n  %c = arith.constant dense<${literal(shape, values)}> : tensor<${shape.join("x")}x${type.name}>\n  return %c : tensor<${shape.join("x")}x${type.name}>\n}`);
    const r = interpret(parsed, "g", [], { ctx });
    if (isLeft(r)) throw new Error(r.left.message);
    return r.right[0]!;
  };
  const a = tensor(bf16, [1, 3, 5], [1.5, -2.25, 3.0e-3, 7, 0.1, 1, 2, 3, 4, 5, -1e-40, 3e38, 1, -1, 0.5]);
  const b = tensor(bf16, [1, 5, 4], Array.from({ length: 20 }, (_, i) => ((i * 37) % 11) / 3 - 1.7));
  const c = tensor(f32, [1, 3, 4], Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 1 + 2 ** -8 + 2 ** -20 : -1 - 2 ** -8) * (i + 1)));
  const arb = fc.constant<ProgramCase>({ text, fn: "f", args: [a, b, c] });
  assert.is(compareTensorPrograms("tosa matmul", arb, 1, 1), 1);
});

test("a bf16 program as a riscv64 bundle under qemu: the interpreter's bits", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-bf16-riscv-"));
  try {
    const text = `func.func @r(%x: bf16, %y: bf16, %d: f64, %l: i64) -> (bf16, bf16, i1, bf16, bf16, f32) {
  %s = arith.addf %x, %y : bf16
  %p = arith.mulf %s, %y : bf16
  %q = arith.cmpf olt, %x, %y : bf16
  %t = arith.truncf %d : f64 to bf16
  %u = arith.sitofp %l : i64 to bf16
  %e = arith.extf %p : bf16 to f32
  return %s, %p, %q, %t, %u, %e : bf16, bf16, i1, bf16, bf16, f32
}`;
    const m = parse(text);
    const args = [float(bf16, 0x3f81n), float(bf16, 0x4049n), float(f64, f64Bits(1 + 2 ** -8 + 2 ** -40)), int(i64, (1n << 60n) + (1n << 52n) + 1n)];
    const expected = interpret(m, "r", args, { ctx });
    if (isLeft(expected)) return assert.unreachable(expected.left.message);
    const bundle = writeBundle(m, { target: "riscv64-rvv", dir, name: "bf16", driver: { fn: "r", args: args.map(nativeArg) }, ctx });
    if (isLeft(bundle)) return assert.unreachable(bundle.left.map((d) => d.message).join("\n"));
    const run = runQemu(buildBundle(bundle.right), { vlen: 128 });
    assert.is(run.status, 0, run.stderr);
    const got = run.stdout.trim().split("\n").map((line) => /= (.*)$/.exec(line)?.[1] ?? "");
    const want = expected.right.map((v) => {
      const bits = elementBits(v)[0]!;
      if (v.type === bf16) return `0x${bits.toString(16).padStart(4, "0")}`;
      if (v.type === f32) return String(new Float32Array(new Uint32Array([Number(bits)]).buffer)[0]);
      return bits === 0n ? "0" : "1";
    });
    assert.equal(got.map((g, j) => (expected.right[j]!.type === f32 ? String(Math.fround(Number(g))) : g)), want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
