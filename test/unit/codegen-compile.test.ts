/**
 * codegen/compile.ts: a module compiled for the host and called through the C interface — memref arguments
 * and results by descriptor (zero copy: a returned view of an argument is the argument's memory), the on-disk
 * cache (a second compile of the same module is a load; another module is another entry), and a module the
 * lowering cannot handle is a located error, not a crash.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import koffi from "koffi";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { alignedArray } from "../../codegen/aligned.ts";
import { supportRuntimeHash } from "../../codegen/aot/half-runtime.ts";
import { compile, objectFromLLVMDialect } from "../../codegen/compile.ts";
import { hostTarget } from "../../codegen/target.ts";
import type { ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { newContext } from "../../rewrites/index.ts";
import { parseSource } from "../../src/text/parser.ts";
import { interpret } from "../../src/interp/index.ts";
import { floatElementBits, floatElementFromBits, floatKindOf, type RuntimeValue } from "../../src/interp/values.ts";
import { FloatType } from "../../src/ir/types.ts";

const ctx = newContext();
const parse = (text: string) => {
  const m = parseSource(text, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  return m.right;
};
const cacheDir = mkdtempSync(join(tmpdir(), "tensile-compile-cache-"));
test.after(() => rmSync(cacheDir, { recursive: true, force: true }));

const ID = `func.func @pass(%m: memref<?x4xf32>, %x: f32, %n: index) -> (memref<?x4xf32>, f32, index) {
  %y = arith.mulf %x, %x : f32
  %k = arith.addi %n, %n : index
  return %m, %y, %k : memref<?x4xf32>, f32, index
}`;

test("memref arguments and results travel as descriptors: the returned view is the argument's memory", () => {
  const lib = compile(parse(ID), { cacheDir });
  if (isLeft(lib)) return assert.unreachable(lib.left.map((d) => d.message).join("\n"));
  try {
    const data = alignedArray(Float32Array, 12);
    data.forEach((_, i) => (data[i] = i));
    const [m, y, k] = lib.right.functions.pass!.call({ data, shape: [3, 4] }, 1.5, 21n) as [ReturnedArray, number, bigint];
    assert.equal(m.shape, [3, 4]);
    assert.equal(m.strides, [4, 1]);
    assert.is(koffi.address(m.data), koffi.address(data), "the same memory, not a copy");
    assert.is(m.data[7], 7);
    assert.is(y, 2.25);
    assert.is(k, 42n);
  } finally {
    lib.right.unload();
  }
});

test("the on-disk cache: the same module again is a load; another module is another entry", () => {
  const first = compile(parse(ID), { cacheDir });
  const again = compile(parse(ID), { cacheDir });
  const other = compile(parse(ID.replace("arith.mulf", "arith.addf")), { cacheDir });
  assert.ok(isRight(first) && isRight(again) && isRight(other));
  if (isRight(first) && isRight(again) && isRight(other)) {
    assert.ok(again.right.cached, "the second compile was a cache hit");
    assert.is(again.right.path, first.right.path);
    assert.not.ok(other.right.cached);
    assert.is.not(other.right.path, first.right.path);
    assert.is(other.right.functions.pass!.call({ data: alignedArray(Float32Array, 4), shape: [1, 4] }, 1.5, 0n)[1], 3);
    for (const l of [first, again, other]) l.right.unload();
  }
  assert.is(readdirSync(cacheDir).filter((f) => f.endsWith(".so")).length, 2);
  // Besides the libraries, only the support runtime they link (compiled once, kept beside them).
  assert.equal(readdirSync(cacheDir).filter((f) => !f.endsWith(".so")), [`tensile-runtime-${supportRuntimeHash}.o`], "no temporary files left");
});

test("f64 -> f16 on the host rounds as the interpreter does (Tensile's half runtime, not libgcc's other ABI)", () => {
  const m = parse(`func.func @h(%x: f64) -> (f16, f16) {
  %a = arith.truncf %x : f64 to f16
  %f = arith.truncf %x : f64 to f32
  %b = arith.truncf %f : f32 to f16
  return %a, %b : f16, f16
}`);
  const lib = compile(m, { cacheDir });
  if (isLeft(lib)) return assert.unreachable(lib.left.map((d) => d.message).join("\n"));
  try {
    // Ties to even, just above a tie, the largest half, overflow, subnormals and their ties, zeros, NaN.
    const inputs = [1.5, -2.75, 1 + 2 ** -11, 1 + 2 ** -11 + 2 ** -40, 1 + 3 * 2 ** -11, 65504, 65520, 65519.99, 1e300, 2 ** -24, 2 ** -25, 3 * 2 ** -25, 2 ** -26, -0, 0, NaN, -Infinity, 0.1, 1 / 3];
    for (const x of inputs) {
      const expected = interpret(m, "h", [{ kind: "float", type: FloatType.get("f64"), value: x } as RuntimeValue], { ctx });
      if (isLeft(expected)) return assert.unreachable(expected.left.message);
      const [half, viaFloat] = lib.right.functions.h!.call(x) as number[];
      const [eh, ef] = expected.right.map((v) => (v.kind === "float" ? Number(floatElementBits(v.value, floatKindOf(v.type as FloatType))) : -1));
      if (Number.isNaN(x)) {
        assert.ok((half! & 0x7c00) === 0x7c00 && (half! & 0x3ff) !== 0, "NaN stays a NaN in f16");
        continue;
      }
      assert.is(half, eh, `f16 of ${x}: 0x${half!.toString(16)}, the interpreter gives 0x${eh!.toString(16)}`);
      assert.is(viaFloat, ef, `f16 of (f32) ${x}`);
    }
  } finally {
    lib.right.unload();
  }
});

test("bf16 compiles (computed in f32, carried as i16): the interpreter's bits, not an abort of the process", () => {
  const m = parse(`func.func @b(%x: bf16, %y: bf16) -> bf16 {\n  %s = arith.addf %x, %y : bf16\n  return %s : bf16\n}`);
  const r = compile(m, { cacheDir: false });
  if (isLeft(r)) return assert.unreachable(r.left.map((d) => d.message).join("\n"));
  try {
    // 1 + 2^-7 + 2^-8 (a tie between two bf16s) rounds to even; the interpreter agrees.
    const bf16 = FloatType.get("bf16");
    const arg = (bits: number): RuntimeValue => ({ kind: "float", type: bf16, value: floatElementFromBits(BigInt(bits), "bf16") }) as RuntimeValue;
    for (const [x, y] of [[0x3f81, 0x3b80], [0x3f80, 0x4000], [0x7f7f, 0x7f7f], [0x0001, 0x8002]] as const) {
      const expected = interpret(m, "b", [arg(x), arg(y)], { ctx });
      if (isLeft(expected)) return assert.unreachable(expected.left.message);
      const want = expected.right[0]!.kind === "float" ? Number(floatElementBits(expected.right[0]!.value, "bf16")) : -1;
      assert.is([r.right.functions.b!.call(x, y)].flat()[0], want, `0x${x.toString(16)} + 0x${y.toString(16)}`);
    }
  } finally {
    r.right.unload();
  }
});

test("bf16 left in an llvm-dialect module is a located error, not an abort of the process (LLVM 14's backends cannot select it)", () => {
  const r = objectFromLLVMDialect(parse(`llvm.func @b(%x: bf16, %y: bf16) -> bf16 {\n  %s = llvm.fadd %x, %y : bf16\n  llvm.return %s : bf16\n}`), hostTarget());
  assert.ok(isLeft(r));
  if (isLeft(r)) assert.match(r.left.map((d) => d.message).join("\n"), /bf16 values cannot be compiled with LLVM 14/);
});

test("an op the lowering cannot take is a located diagnostic", () => {
  // tosa.custom has no lowering in MLIR 16 either (math.ipowi, used here before, now lowers: convert-math-to-funcs).
  const r = compile(
    parse(`func.func @p(%a: tensor<4xf32>) -> tensor<4xf32> {\n  %c = "tosa.custom"(%a) {identifier = "x", config = "y", implementation_attrs = "z"} : (tensor<4xf32>) -> tensor<4xf32>\n  return %c : tensor<4xf32>\n}`),
    { cacheDir: false },
  );
  assert.ok(isLeft(r));
  if (isLeft(r)) assert.match(r.left.map((d) => d.message).join("\n"), /tosa\.custom|unrealized_conversion_cast/);
});

test.run();
