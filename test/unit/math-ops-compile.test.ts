/**
 * Every op of the math dialect goes through the host pipeline (tensile-lower-to-llvm, LLVM, ld.lld) on scalars
 * and on vectors — intrinsics, polynomial approximations, libm calls (vectors split into scalars first, as MLIR
 * 16's math-to-libm splits them), 1/sqrt for rsqrt, outlined power functions — and the compiled functions give
 * the interpreter's results: integers exactly, floats within 1e-6 relative (libm and the approximations differ
 * from the interpreter's correctly rounded results by an ulp or two; test/unit/math-approximation bounds them).
 * Also for riscv64-rvv, the same module compiles to an object (run under qemu by test/unit/cli-examples).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compile, lowerToLLVMDialect, objectFromLLVMDialect } from "../../codegen/compile.ts";
import { getTarget } from "../../codegen/target.ts";
import { mathOps } from "../../dialects/math/index.ts";
import { newContext } from "../../rewrites/index.ts";
import { floatValue, interpret, intValue, type RuntimeValue } from "../../src/interp/index.ts";
import { floatNumber } from "../../src/interp/values.ts";
import { f32, f64, FloatType, i8, i32, i64, type IntegerType } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";

const ctx = newContext();

const FLOAT_UNARY = "absf atan cbrt ceil cos erf exp exp2 expm1 floor log log10 log1p log2 round roundeven rsqrt sin sqrt tan tanh trunc".split(" ");
const FLOAT_BINARY = ["atan2", "copysign", "powf"];
const INT_UNARY = ["absi", "ctlz", "cttz", "ctpop"];

interface Case {
  readonly fn: string;
  readonly args: readonly RuntimeValue[];
}

const functions: string[] = [];
const cases: Case[] = [];
/** A function applying `op` to scalars, and one applying it to vector<4x> broadcasts (element 2 returned). */
function add(op: string, t: string, arity: number, args: readonly RuntimeValue[][], extra = "", resultType = t) {
  const params = ["%x", "%y", "%z"].slice(0, arity);
  const sig = `(${params.map((p) => `${p}: ${t}`).join(", ")})`;
  const name = `${op.replace(".", "_")}_${t}`;
  functions.push(`func.func @${name}${sig} -> ${resultType} {
  %r = math.${op} ${params.join(", ")}${extra} : ${t}
  return %r : ${resultType}
}`);
  const V = `vector<4x${t}>`;
  functions.push(`func.func @v_${name}${sig} -> ${resultType} {
${params.map((p) => `  ${p}v = vector.broadcast ${p} : ${t} to ${V}`).join("\n")}
  %r = math.${op} ${params.map((p) => `${p}v`).join(", ")}${extra} : ${V}
  %e = vector.extract %r[2] : ${V}
  return %e : ${resultType}
}`);
  for (const a of args) cases.push({ fn: name, args: a }, { fn: `v_${name}`, args: a });
}

for (const ft of [f32, f64]) {
  const t = ft.name;
  const fv = (x: number) => floatValue(ft, ft === f32 ? Math.fround(x) : x);
  const inputs = [0.7, -2.5, 0, 1e-3, 3.25];
  for (const op of FLOAT_UNARY) add(op, t, 1, inputs.map((x) => [fv(op.startsWith("log") || op === "sqrt" || op === "rsqrt" ? Math.abs(x) + 0.5 : x)]));
  for (const op of FLOAT_BINARY) add(op, t, 2, inputs.map((x) => [fv(Math.abs(x) + 0.25), fv(x)]));
  add("fma", t, 3, inputs.map((x) => [fv(x), fv(1.5), fv(-x)]));
}
for (const it of [i8, i32, i64] as IntegerType[]) {
  const t = `i${it.width}`;
  const values = [0n, 1n, -1n, 37n, -(1n << BigInt(it.width - 1)), (1n << BigInt(it.width - 1)) - 1n];
  for (const op of INT_UNARY) add(op, t, 1, values.map((v) => [intValue(it, v)]));
  add("ipowi", t, 2, [[intValue(it, 3n), intValue(it, 5n)], [intValue(it, -2n), intValue(it, 7n)], [intValue(it, 5n), intValue(it, -1n)]]);
}
// fpowi: a float and an integer exponent (its own signature).
for (const [ft, it] of [[f32, i32], [f64, i64]] as const) {
  const name = `fpowi_${ft.name}`;
  const F = ft.name;
  const I = `i${it.width}`;
  functions.push(`func.func @${name}(%x: ${F}, %n: ${I}) -> ${F} {
  %r = math.fpowi %x, %n : ${F}, ${I}
  return %r : ${F}
}`);
  functions.push(`func.func @v_${name}(%x: ${F}, %n: ${I}) -> ${F} {
  %xv = vector.broadcast %x : ${F} to vector<4x${F}>
  %nv = vector.broadcast %n : ${I} to vector<4x${I}>
  %r = math.fpowi %xv, %nv : vector<4x${F}>, vector<4x${I}>
  %e = vector.extract %r[2] : vector<4x${F}>
  return %e : ${F}
}`);
  for (const [x, n] of [[1.5, 3n], [-2, -3n], [0.5, 0n]] as const) {
    cases.push({ fn: name, args: [floatValue(ft, x), intValue(it, n)] }, { fn: `v_${name}`, args: [floatValue(ft, x), intValue(it, n)] });
  }
}

const parsed = parseSource(functions.join("\n"), ctx);
if (isLeft(parsed)) throw new Error(parsed.left.message);
const module = parsed.right;

test("every math op appears, on scalars and vectors", () => {
  const text = functions.join("\n");
  for (const op of mathOps) {
    const name = op.info!.name;
    assert.ok(text.includes(`${name} `) && new RegExp(`${name.replace(".", "\\.")} [^\\n]*: vector<`).test(text), `${name} on scalars and vectors`);
  }
});

test("compiled for the host, every math op on scalars and vectors gives the interpreter's results", () => {
  const lib = compile(module, { ctx, cacheDir: false });
  if (isLeft(lib)) return assert.unreachable(lib.left.map((d) => d.message).join("\n"));
  try {
    for (const { fn, args } of cases) {
      const want = interpret(module, fn, args, { ctx });
      if (isLeft(want)) throw new Error(`@${fn}: ${want.left.message}`);
      const w = want.right[0]!;
      const native = args.map((a) => (a.kind === "int" ? ((a.type as IntegerType).width === 64 ? a.value : Number(a.value)) : floatNumber((a as { value: number }).value)));
      const [got] = lib.right.functions[fn]!.call(...(native as never[]));
      const what = `@${fn}(${native.join(", ")}): compiled ${String(got)}`;
      if (w.kind === "int") {
        const width = (w.type as IntegerType).width;
        assert.is(BigInt.asIntN(width, BigInt(got as number | bigint)), BigInt.asIntN(width, w.value), what);
      } else if (w.kind === "float" && w.type instanceof FloatType) {
        const x = floatNumber(w.value);
        const g = got as number;
        assert.ok(Number.isNaN(x) ? Number.isNaN(g) : g === x || Math.abs(g - x) <= 1e-6 * Math.abs(x), `${what}, interpreter ${x}`);
      }
    }
  } finally {
    lib.right.unload();
  }
});

test("the same module compiles for riscv64-rvv", () => {
  const lowered = lowerToLLVMDialect(module, { ctx });
  if (isLeft(lowered)) return assert.unreachable(lowered.left.map((d) => d.message).join("\n"));
  const object = objectFromLLVMDialect(lowered.right, getTarget("riscv64-rvv"), 2);
  assert.ok(!isLeft(object) && object.right.length > 1000, isLeft(object) ? object.left.map((d) => d.message).join("\n") : "");
});

test.run();
