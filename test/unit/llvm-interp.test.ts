/**
 * Interpreter semantics of the llvm dialect against MLIR 16: functions of llvm ops on scalars and vectors (every
 * integer and float op, comparisons, casts, select, vector element ops and shuffles, the math, min/max, integer
 * and reduction intrinsics, branches and calls) run in the interpreter and, lowered by mlir-opt-16, in
 * mlir-cpu-runner-16; the results must be the same bits (any NaN matches any NaN; exp, log and pow within 1 ulp, as
 * the math dialect's semantics document). Then the refusals: what has no
 * runtime value is refused by name, and LLVM's undefined behaviour is reported.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { floatValue, intValue, type RuntimeValue, shapedValue } from "../../src/interp/values.ts";
import { f32, f64, i1, i32, i64, i8, type Type, vector } from "../../src/ir/types.ts";
import { elementBits, type Mlir16Case, runWithMlir16, sameBits } from "../support/mlir16-run.ts";
import { run, runError } from "../support/interp.ts";

const v4f = vector([4], f32);
const v4i = vector([4], i32);

const MODULE = `
func.func @ints(%a: i32, %b: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i64, i64, i8) {
  %0 = llvm.add %a, %b : i32
  %1 = llvm.sub %a, %b : i32
  %2 = llvm.mul %a, %b : i32
  %3 = llvm.udiv %a, %b : i32
  %4 = llvm.sdiv %a, %b : i32
  %5 = llvm.urem %a, %b : i32
  %6 = llvm.srem %a, %b : i32
  %7 = llvm.and %a, %b : i32
  %8 = llvm.or %a, %b : i32
  %9 = llvm.xor %a, %b : i32
  %c31 = llvm.mlir.constant(31 : i32) : i32
  %s = llvm.and %b, %c31 : i32
  %10 = llvm.shl %a, %s : i32
  %11 = llvm.lshr %a, %s : i32
  %12 = llvm.ashr %a, %s : i32
  %13 = llvm.sext %a : i32 to i64
  %14 = llvm.zext %a : i32 to i64
  %15 = llvm.trunc %a : i32 to i8
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15 : i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i64, i64, i8
}

func.func @floats(%x: f32, %y: f32) -> (f32, f32, f32, f32, f32, f32, f64, f32, i32, i32, i32, f32, i1, i1, i1, f32) {
  %0 = llvm.fadd %x, %y : f32
  %1 = llvm.fsub %x, %y : f32
  %2 = llvm.fmul %x, %y : f32
  %3 = llvm.fdiv %x, %y : f32
  %4 = llvm.frem %x, %y : f32
  %5 = llvm.fneg %x : f32
  %6 = llvm.fpext %x : f32 to f64
  %7 = llvm.fptrunc %6 : f64 to f32
  %big = llvm.mlir.constant(1.0e6 : f32) : f32
  %clamped = llvm.intr.minnum(%x, %big) : (f32, f32) -> f32
  %small = llvm.mlir.constant(-1.0e6 : f32) : f32
  %c2 = llvm.intr.maxnum(%clamped, %small) : (f32, f32) -> f32
  %8 = llvm.fptosi %c2 : f32 to i32
  %9 = llvm.bitcast %x : f32 to i32
  %i = llvm.fptosi %c2 : f32 to i32
  %10 = llvm.mul %i, %i : i32
  %11 = llvm.uitofp %9 : i32 to f32
  %12 = llvm.fcmp "olt" %x, %y : f32
  %13 = llvm.fcmp "une" %x, %y : f32
  %14 = llvm.icmp "ult" %9, %10 : i32
  %15 = llvm.select %12, %x, %y : i1, f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15 : f32, f32, f32, f32, f32, f32, f64, f32, i32, i32, i32, f32, i1, i1, i1, f32
}

func.func @math(%x: f32, %y: f32) -> (f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32) {
  %ax = llvm.intr.fabs(%x) : (f32) -> f32
  %0 = llvm.intr.sqrt(%ax) : (f32) -> f32
  %1 = llvm.intr.exp(%x) : (f32) -> f32
  %2 = llvm.intr.exp2(%x) : (f32) -> f32
  %3 = llvm.intr.log(%ax) : (f32) -> f32
  %4 = llvm.intr.log2(%ax) : (f32) -> f32
  %5 = llvm.intr.log10(%ax) : (f32) -> f32
  %6 = llvm.intr.floor(%x) : (f32) -> f32
  %7 = llvm.intr.ceil(%x) : (f32) -> f32
  %8 = llvm.intr.round(%x) : (f32) -> f32
  %9 = llvm.intr.roundeven(%x) : (f32) -> f32
  %10 = llvm.intr.trunc(%x) : (f32) -> f32
  %11 = llvm.intr.copysign(%x, %y) : (f32, f32) -> f32
  %12 = llvm.intr.minnum(%x, %y) : (f32, f32) -> f32
  %13 = llvm.intr.maxnum(%x, %y) : (f32, f32) -> f32
  %14 = llvm.intr.fma(%x, %y, %x) : (f32, f32, f32) -> f32
  %15 = llvm.intr.pow(%ax, %y) : (f32, f32) -> f32
  return %ax, %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15, %ax : f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32
}

func.func @intrinsics(%a: i32, %b: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  %f = llvm.mlir.constant(false) : i1
  %0 = llvm.intr.smax(%a, %b) : (i32, i32) -> i32
  %1 = llvm.intr.smin(%a, %b) : (i32, i32) -> i32
  %2 = llvm.intr.umax(%a, %b) : (i32, i32) -> i32
  %3 = llvm.intr.umin(%a, %b) : (i32, i32) -> i32
  %4 = llvm.intr.ctpop(%a) : (i32) -> i32
  %5 = llvm.intr.bitreverse(%a) : (i32) -> i32
  %6 = "llvm.intr.ctlz"(%a, %f) : (i32, i1) -> i32
  %7 = "llvm.intr.cttz"(%a, %f) : (i32, i1) -> i32
  %8 = "llvm.intr.abs"(%a, %f) : (i32, i1) -> i32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : i32, i32, i32, i32, i32, i32, i32, i32, i32
}

func.func @vectors(%v: vector<4xf32>, %w: vector<4xf32>, %vi: vector<4xi32>, %k: i32) -> (vector<4xf32>, f32, vector<4xf32>, vector<8xf32>, vector<4xi1>, i32, i32, i32, f32, f32, f32, vector<4xf32>) {
  %0 = llvm.fmul %v, %w : vector<4xf32>
  %c3 = llvm.mlir.constant(3 : i32) : i32
  %i = llvm.and %k, %c3 : i32
  %1 = llvm.extractelement %v[%i : i32] : vector<4xf32>
  %2 = llvm.insertelement %1, %w[%i : i32] : vector<4xf32>
  %3 = llvm.shufflevector %v, %w [0, 4, 1, 5, 2, 6, 3, 7] : vector<4xf32>
  %4 = llvm.fcmp "oge" %v, %w : vector<4xf32>
  %5 = "llvm.intr.vector.reduce.add"(%vi) : (vector<4xi32>) -> i32
  %6 = "llvm.intr.vector.reduce.smax"(%vi) : (vector<4xi32>) -> i32
  %7 = "llvm.intr.vector.reduce.xor"(%vi) : (vector<4xi32>) -> i32
  %z = llvm.mlir.constant(0.5 : f32) : f32
  %8 = "llvm.intr.vector.reduce.fadd"(%z, %v) : (f32, vector<4xf32>) -> f32
  %9 = "llvm.intr.vector.reduce.fmul"(%z, %w) : (f32, vector<4xf32>) -> f32
  %10 = "llvm.intr.vector.reduce.fmax"(%v) : (vector<4xf32>) -> f32
  %u = llvm.mlir.undef : vector<4xf32>
  %c0 = llvm.mlir.constant(0 : i32) : i32
  %s = llvm.insertelement %1, %u[%c0 : i32] : vector<4xf32>
  %11 = llvm.shufflevector %s, %u [0, 0, 0, 0] : vector<4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11 : vector<4xf32>, f32, vector<4xf32>, vector<8xf32>, vector<4xi1>, i32, i32, i32, f32, f32, f32, vector<4xf32>
}

func.func @branches(%a: i32, %b: i32) -> i32 {
  %lt = llvm.icmp "slt" %a, %b : i32
  llvm.cond_br %lt, ^small(%a : i32), ^big
^small(%x: i32):
  %c7 = llvm.mlir.constant(7 : i32) : i32
  %r = llvm.and %x, %c7 : i32
  llvm.switch %r : i32, ^done(%x : i32) [
    1: ^done(%b : i32),
    5: ^twice
  ]
^twice:
  %t = llvm.add %b, %b : i32
  llvm.br ^done(%t : i32)
^big:
  %s = llvm.sub %a, %b : i32
  llvm.br ^done(%s : i32)
^done(%y: i32):
  return %y : i32
}
`;

const fl = (x: number): RuntimeValue => floatValue(f32, x);
const int = (x: number): RuntimeValue => intValue(i32, BigInt(x));
const vf = (xs: number[]): RuntimeValue => shapedValue(v4f, xs);
const vi = (xs: number[]): RuntimeValue => shapedValue(v4i, xs.map(BigInt));

const resultTypes: Record<string, readonly Type[]> = {
  ints: [...Array(13).fill(i32), i64, i64, i8],
  floats: [f32, f32, f32, f32, f32, f32, f64, f32, i32, i32, i32, f32, i1, i1, i1, f32],
  math: Array(18).fill(f32),
  intrinsics: Array(9).fill(i32),
  vectors: [v4f, f32, v4f, vector([8], f32), vector([4], i1), i32, i32, i32, f32, f32, f32, v4f],
  branches: [i32],
};

const inputs: [string, RuntimeValue[]][] = [
  ["ints", [int(-123456789), int(77)]],
  ["ints", [int(2147483647), int(-3)]],
  ["ints", [int(5), int(-2147483648)]],
  ["ints", [int(-1), int(33)]],
  ["floats", [fl(1.5), fl(-0.25)]],
  ["floats", [fl(-7.75), fl(3)]],
  ["floats", [fl(NaN), fl(2)]],
  ["floats", [fl(3e9), fl(1e-3)]],
  ["math", [fl(0.7), fl(-1.25)]],
  ["math", [fl(-2.5), fl(0.5)]],
  ["math", [fl(10.5), fl(3)]],
  ["math", [fl(-0), fl(-0)]],
  ["intrinsics", [int(-5), int(12)]],
  ["intrinsics", [int(0x00f0_0100), int(-2147483647)]],
  ["intrinsics", [int(1), int(0)]],
  ["vectors", [vf([1, -2, 3.5, NaN]), vf([0.5, 8, -1, 4]), vi([1, -7, 2147483647, 3]), int(6)]],
  ["vectors", [vf([1e30, -0, 0, 2]), vf([1e10, 1, -0, -2]), vi([-1, -2, -3, -4]), int(-1)]],
  ["branches", [int(3), int(10)]],
  ["branches", [int(5), int(10)]],
  ["branches", [int(9), int(10)]],
  ["branches", [int(13), int(14)]],
  ["branches", [int(20), int(4)]],
];

test("llvm ops in the interpreter give MLIR 16's compiled results, bit for bit", () => {
  // One function per case, as a printed module (what runWithMlir16 takes).
  const functionText = (fn: string): string => {
    const start = MODULE.indexOf(`func.func @${fn}(`);
    const end = MODULE.indexOf("\n}\n", start);
    return `module {\n${MODULE.slice(start, end + 2)}\n}`;
  };
  const cases: Mlir16Case[] = inputs.map(([fn, args]) => ({ text: functionText(fn), fn, args, resultTypes: resultTypes[fn] as Type[] }));
  const compiled = runWithMlir16(cases);
  assert.is(compiled.failure, undefined, compiled.failure);
  for (const [k, [fn, args]] of inputs.entries()) {
    const theirs = compiled.results[k];
    assert.ok(theirs !== undefined, `MLIR 16 ran @${fn} #${k}: ${compiled.refused.get(k) ?? ""}`);
    const ours = run(MODULE, fn, args);
    const types = resultTypes[fn] as Type[];
    ours.forEach((v, r) => {
      const mine = elementBits(v);
      const t = types[r] as Type;
      const element = "elementType" in t ? (t.elementType as Type) : t;
      mine.forEach((b, e) => {
        const c = theirs[r]?.[e] as bigint;
        // exp, log and pow are V8's, within 1 ulp of glibc's (dialects/math/interp.ts); the rest is exact.
        const ulps = fn === "math" ? (b > c ? b - c : c - b) : 0n;
        assert.ok(sameBits(b, c, element) || ulps <= 1n, `@${fn} #${k} result ${r}[${e}]: interpreter ${b}, MLIR 16 ${c}`);
      });
    });
  }
});

test("undefined behaviour is reported, and what has no runtime value is refused by name", () => {
  assert.is(runError(MODULE, "ints", [int(1), int(0)]).kind, "undefined-behavior", "division by zero");
  assert.is(runError(MODULE, "ints", [int(-2147483648), int(-1)]).kind, "undefined-behavior", "INT_MIN / -1");
  const ptr = `func.func @f(%p: !llvm.ptr<f32>) -> f32 {
  %0 = llvm.load %p : !llvm.ptr<f32>
  return %0 : f32
}`;
  const refused = runError(`${ptr}\nfunc.func @g() -> f32 {\n  %p = llvm.mlir.null : !llvm.ptr<f32>\n  %0 = func.call @f(%p) : (!llvm.ptr<f32>) -> f32\n  return %0 : f32\n}`, "g", []);
  assert.is(refused.kind, "unsupported");
  assert.match(refused.message, /llvm\.mlir\.null/);
  const unreachable = `func.func @u() {\n  llvm.unreachable\n}`;
  assert.is(runError(unreachable, "u", []).kind, "undefined-behavior");
  const nnan = `func.func @n(%x: f32) -> f32 {\n  %0 = llvm.fadd %x, %x {fastmathFlags = #llvm.fastmath<nnan>} : f32\n  return %0 : f32\n}`;
  assert.is(runError(nnan, "n", [fl(NaN)]).kind, "undefined-behavior");
  assert.equal(run(nnan, "n", [fl(1.5)]).map((v) => (v as { value: number }).value), [3]);
  const ctlz = `func.func @z(%x: i32) -> i32 {\n  %t = llvm.mlir.constant(true) : i1\n  %0 = "llvm.intr.ctlz"(%x, %t) : (i32, i1) -> i32\n  return %0 : i32\n}`;
  assert.is(runError(ctlz, "z", [int(0)]).kind, "undefined-behavior");
});

test("llvm.func bodies run, called by llvm.call", () => {
  const m = `
llvm.func @square(%x: i64) -> i64 {
  %0 = llvm.mul %x, %x : i64
  llvm.return %0 : i64
}
llvm.func @twice(%x: i64) -> i64 {
  %0 = llvm.call @square(%x) : (i64) -> i64
  %1 = llvm.add %0, %0 : i64
  llvm.return %1 : i64
}`;
  assert.equal(run(m, "twice", [intValue(i64, -9n)]).map((v) => (v as { value: bigint }).value), [162n]);
});

test.run();
