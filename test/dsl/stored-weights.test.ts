/**
 * The DSL ops for weights as model files store them (frontends/dsl/ops-weights.ts) and RoPE with tables as
 * tensors (nn.ts `ropeWith`):
 * - `evaluate` (double precision) against direct sums over the weights' values (q8_0: ggml's dequantisation);
 * - the traced IR run by Tensile's interpreter (f32 and q8_0 weights) and compiled for the host through
 *   tensile-lower-to-llvm (f32, f16, bf16, q8_0) against `evaluate` (1e-5 of the result's magnitude);
 * - the Linalg (and, for f32, the TOSA) accepted by mlir-opt-16 --verify-each and lowered by mlir-opt-16's
 *   bufferization and loop conversion;
 * - TOSA refusing what it has no op for, by a DslError naming the op;
 * - `ropeWith` "norm" equals `rope` (same angles), "neox" rotates halves.
 */
import { spawnSync } from "node:child_process";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { alignedArray, type TypedArray } from "../../codegen/aligned.ts";
import { compile } from "../../codegen/compile.ts";
import { release, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import * as t from "../../frontends/dsl/index.ts";
import { bf16BitsToNumber, dequantizeQ8_0, encodeBF16, encodeF16, f16BitsToNumber, quantizeQ8_0 } from "../../frontends/gguf/index.ts";
import { printOp } from "../../src/text/printer.ts";
import { seeded } from "../../rewrites/testing/examples.ts";

const [rows, inF, outF] = [3, 64, 5];

function randomValues(n: number, seed: number): Float64Array {
  const r = seeded(seed);
  return Float64Array.from({ length: n }, () => Math.fround(r() * 2 - 1));
}

/** mlir-opt-16 verifies the text, then bufferizes and lowers its linalg to loops. */
function mlirAccepts(text: string, lower: boolean): void {
  const verify = spawnSync("mlir-opt-16", ["--verify-each", "-"], { input: text, encoding: "utf8" });
  assert.is(verify.status, 0, `mlir-opt-16 rejected:\n${verify.stderr}\n${text}`);
  if (!lower) return;
  const args = ["--verify-each", "--empty-tensor-to-alloc-tensor", "--one-shot-bufferize=bufferize-function-boundaries allow-return-allocs", "--convert-linalg-to-loops", "-"];
  const lowered = spawnSync("mlir-opt-16", args, { input: text, encoding: "utf8" });
  assert.is(lowered.status, 0, `mlir-opt-16 could not lower:\n${lowered.stderr}\n${text}`);
}

type WeightKind = "f32" | "f16" | "bf16" | "q8_0";

/** The weight's argument (as the compiled function takes it) and its values (what it means). */
function weight(kind: WeightKind, seed: number): { data: TypedArray; values: Float64Array; shape: number[]; argValues: ArrayLike<number> } {
  const v = randomValues(outF * inF, seed);
  switch (kind) {
    case "f32":
      return { data: Float32Array.from(v), values: v, shape: [outF, inF], argValues: v };
    case "f16": {
      const bits = encodeF16(v);
      return { data: bits, values: Float64Array.from(bits, f16BitsToNumber), shape: [outF, inF], argValues: Float64Array.from(bits, f16BitsToNumber) };
    }
    case "bf16": {
      const bits = encodeBF16(v);
      return { data: bits, values: Float64Array.from(bits, bf16BitsToNumber), shape: [outF, inF], argValues: Float64Array.from(bits, bf16BitsToNumber) };
    }
    case "q8_0": {
      const blocks = quantizeQ8_0(v);
      const bytes = new Int8Array(blocks.buffer);
      return { data: bytes, values: Float64Array.from(dequantizeQ8_0(blocks)), shape: [outF, inF / 32, 34], argValues: bytes };
    }
  }
}

function traceLinear(kind: WeightKind, target: "linalg" | "tosa"): t.Traced {
  const wSpec = kind === "q8_0" ? t.spec("i8", [outF, inF / 32, 34]) : t.spec(kind, [outF, inF]);
  return t.trace(
    ({ x, w }) => (kind === "q8_0" ? t.linearQ8_0(x, w as t.Tensor<"i8", [5, 2, 34]>) : t.linearRows(x, w as t.Tensor<"f32", [5, 64]>)),
    { name: "lin", inputs: { x: t.spec("f32", [rows, inF]), w: wSpec }, target },
  );
}

const close = (got: ArrayLike<number>, want: ArrayLike<number>, what: string, rel = 1e-5): void => {
  assert.is(got.length, want.length, `${what}: length`);
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    scale = Math.max(scale, Math.abs(want[i] as number));
    worst = Math.max(worst, Math.abs((got[i] as number) - (want[i] as number)));
  }
  assert.ok(worst <= rel * scale, `${what}: difference ${worst} against magnitude ${scale}`);
};

for (const kind of ["f32", "f16", "bf16", "q8_0"] as const) {
  test(`linear on a stored ${kind} weight [out, in]: evaluate, interpreter, host code, mlir-opt-16`, () => {
    const x = randomValues(rows * inF, 7);
    const w = weight(kind, 11);
    const traced = traceLinear(kind, "linalg");
    const want = new Float64Array(rows * outF);
    for (let r = 0; r < rows; r++) for (let o = 0; o < outF; o++) for (let k = 0; k < inF; k++) want[r * outF + o] = (want[r * outF + o] as number) + (x[r * inF + k] as number) * (w.values[o * inF + k] as number);
    const [evaluated] = t.evaluate(traced, { x, w: w.argValues });
    close(evaluated as Float64Array, want, "evaluate", 1e-12);

    if (kind === "f32" || kind === "q8_0") close(t.interpretTraced(traced, { x, w: w.argValues })[0] as Float64Array, want, "interpreter");

    const text = printOp(traced.module, { ctx: traced.ctx });
    assert.match(text, kind === "q8_0" ? "linalg.generic" : "linalg.matmul_transpose_b");
    mlirAccepts(text, true);

    const lib = compile(traced.module, { cacheDir: false, ctx: traced.ctx });
    if (isLeft(lib)) return assert.unreachable(lib.left.map((d) => d.message).join("\n"));
    try {
      const xs = alignedArray(Float32Array, x.length);
      xs.set(x);
      // The weight at an address that is only 32-byte aligned, as GGUF guarantees (not the allocator's 64).
      const Ctor = w.data.constructor as unknown as new (b: ArrayBuffer, o: number, n: number) => TypedArray;
      const raw = alignedArray(Uint8Array, w.data.byteLength + 64);
      const ws = new Ctor(raw.buffer, raw.byteOffset + 32, w.data.length);
      (ws as unknown as { set(a: ArrayLike<unknown>): void }).set(w.data as unknown as ArrayLike<unknown>);
      const [y] = lib.right.functions.lin!.call({ data: xs, shape: [rows, inF] }, { data: ws, shape: w.shape }) as ReturnedArray[];
      close(y!.data as Float32Array, want, "compiled");
      release(y!);
    } finally {
      lib.right.unload();
    }
  });
}

test("TOSA: fully_connected for an f32 weight; a DslError for f16 and q8_0 weights", () => {
  const traced = traceLinear("f32", "tosa");
  const text = printOp(traced.module, { ctx: traced.ctx });
  assert.match(text, "tosa.fully_connected");
  mlirAccepts(text, false);
  const x = randomValues(rows * inF, 3);
  const w = weight("f32", 4);
  close(t.interpretTraced(traced, { x, w: w.values })[0] as Float64Array, t.evaluate(traced, { x, w: w.values })[0] as Float64Array, "interpreter");
  assert.throws(() => traceLinear("f16", "tosa"), (e: unknown) => e instanceof t.DslError && /linearRows: TOSA's fully_connected needs the weight in the input's type/.test(e.message));
  assert.throws(() => traceLinear("q8_0", "tosa"), (e: unknown) => e instanceof t.DslError && /linearQ8_0: TOSA has no op for q8_0/.test(e.message));
});

test("linearRows and linearQ8_0 check their shapes when traced", () => {
  const bad = (fn: () => unknown, message: RegExp): void => assert.throws(fn, (e: unknown) => e instanceof t.DslError && message.test(e.message));
  const inputs = { x: t.spec("f32", [2, 64]), w: t.spec("f32", [4, 32]), q: t.spec("i8", [4, 3, 34]), b: t.spec("i8", [4, 2, 33]) };
  bad(() => t.trace(({ x, w }) => t.linearRows(x, w as unknown as t.Tensor<"f32", [4, 64]>), { inputs }), /linearRows: x \[2, 64\] and w \[4, 32\] differ in 'in'/);
  bad(() => t.trace(({ x, q }) => t.linearQ8_0(x, q), { inputs }), /linearQ8_0: x \[2, 64\] has in = 64, but the blocks \[4, 3, 34\] hold 96/);
  bad(() => t.trace(({ x, b }) => t.linearQ8_0(x, b as unknown as t.Tensor<"i8", [4, 2, 34]>), { inputs }), /linearQ8_0: the weight must be i8 \[out, in\/32, 34\]/);
});

test("ropeWith: 'norm' with the tables of rope equals rope; 'neox' rotates (x[j], x[j + half])", () => {
  const [heads, seq, headDim, offset] = [2, 3, 8, 5];
  const half = headDim / 2;
  const tables = t.ropeTables(offset, seq, headDim, 500);
  const inputs = { x: t.spec("f32", [heads, seq, headDim]), cos: t.spec("f32", [seq, half]), sin: t.spec("f32", [seq, half]) };
  const x = randomValues(heads * seq * headDim, 9);
  const values = { x, cos: tables.cos, sin: tables.sin };
  for (const target of ["linalg", "tosa"] as const) {
    const traced = t.trace(({ x, cos, sin }) => [t.ropeWith(x, cos, sin, "norm"), t.ropeWith(x, cos, sin, "neox"), t.rope(x, { offset, base: 500 })], { inputs, target });
    const [norm, neox, constant] = t.evaluate(traced, values) as [Float64Array, Float64Array, Float64Array];
    close(norm, constant, "norm vs rope", 1e-12);
    const want = new Float64Array(x.length);
    for (let h = 0; h < heads; h++)
      for (let i = 0; i < seq; i++)
        for (let j = 0; j < half; j++) {
          const at = (h * seq + i) * headDim;
          const [c, s] = [tables.cos[i * half + j] as number, tables.sin[i * half + j] as number];
          const [x0, x1] = [x[at + j] as number, x[at + j + half] as number];
          want[at + j] = x0 * c - x1 * s;
          want[at + j + half] = x0 * s + x1 * c;
        }
    close(neox, want, "neox", 1e-12);
    const interpreted = t.interpretTraced(traced, values);
    close(interpreted[0] as Float64Array, norm, `${target} interpreter, norm`);
    close(interpreted[1] as Float64Array, neox, `${target} interpreter, neox`);
    mlirAccepts(printOp(traced.module, { ctx: traced.ctx }), target === "linalg");
  }
  assert.throws(
    () => t.trace(({ x, cos, sin }) => t.ropeWith(x, t.slice(cos, 1, 0, 2), sin), { inputs }),
    (e: unknown) => e instanceof t.DslError && /ropeWith: the cos table is \[3, 2\], expected \[seq, headDim\/2\] = \[3, 4\]/.test(e.message),
  );
});

test.run();
