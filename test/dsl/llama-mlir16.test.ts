/**
 * The LLaMA decoder block of the DSL (examples/dsl-llama-block.ts, traced to TOSA) through the issue's two
 * oracles: compiled by MLIR 16 (test/support/mlir16-native.ts: mlir-opt-16 with the equivalent of
 * tensile-lower-to-llvm, mlir-translate-16, clang-16 -O3) and by Tensile (`compile`), both run on the same data
 * through the same C interface, both equal to the interpreter's run of the TOSA module and to each other. Both use
 * approximations of exp (softmax, SiLU) where the interpreter is correctly rounded, and MLIR 16's is the less
 * accurate (80 ulp against 1): the tolerance is a relative 1e-4 of each result's largest magnitude, as in
 * test/dsl/llama-compile. The largest differences are printed, also between the two compiled results.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { traceBlock } from "../../examples/dsl-llama-block.ts";
import { alignedArray } from "../../codegen/aligned.ts";
import { compile } from "../../codegen/compile.ts";
import { release, type ReturnedArray, type StridedArray } from "../../codegen/runtime/c-interface.ts";
import { funcName } from "../../dialects/func/index.ts";
import { interpretTraced } from "../../frontends/dsl/index.ts";
import { compileWithMlir16 } from "../support/mlir16-native.ts";
import { keepAlive } from "../support/native-compare.ts";
import { blockData, past, seq } from "./llama-data.ts";

/** The largest absolute difference of two arrays of the same length. */
const largestDifference = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

test("the LLaMA block compiled by MLIR 16 and by Tensile computes the interpreter's results", () => {
  const traced = traceBlock(seq, past);
  const d = blockData(4);
  const want = interpretTraced(traced, d.values) as Float64Array[];
  const name = funcName(traced.func);
  // Fresh arrays for each call: MLIR 16's bufferization may write into its arguments.
  const args = (): StridedArray[] =>
    traced.arguments.map((a) => {
      const values = d.values[a.name] as ArrayLike<number>;
      const data = alignedArray(Float32Array, values.length);
      data.set(Array.from(values, Math.fround));
      return { data, shape: a.shape as number[] };
    });
  const mlir16 = compileWithMlir16(traced.module, { ctx: traced.ctx });
  if (isLeft(mlir16)) return assert.unreachable(mlir16.left);
  const tensile = compile(traced.module, { cacheDir: false, ctx: traced.ctx });
  if (isLeft(tensile)) {
    mlir16.right.unload();
    return assert.unreachable(tensile.left.map((x) => x.message).join("\n"));
  }
  try {
    // The arguments stay reachable until the results are read: MLIR 16 may return an argument's buffer.
    const [theirArgs, ourArgs] = [args(), args()];
    const theirs = mlir16.right.functions[name]!.call(...theirArgs) as ReturnedArray[];
    const ours = tensile.right.functions[name]!.call(...ourArgs) as ReturnedArray[];
    assert.is(theirs.length, want.length);
    assert.is(ours.length, want.length);
    want.forEach((w, k) => {
      const [m, t] = [theirs[k]!.data as Float32Array, ours[k]!.data as Float32Array];
      assert.is(m.length, w.length, `MLIR 16's result ${k}'s length`);
      assert.is(t.length, w.length, `Tensile's result ${k}'s length`);
      const scale = Math.max(...Array.from(w, Math.abs));
      const [mlirWorst, tensileWorst, between] = [largestDifference(w, m), largestDifference(w, t), largestDifference(m, t)];
      console.log(
        `    result ${k} (${traced.results[k]?.name}): ${w.length} values of magnitude up to ${scale.toExponential(2)}; largest difference from the ` +
          `interpreter: MLIR 16 ${mlirWorst.toExponential(2)}, Tensile ${tensileWorst.toExponential(2)}; between them ${between.toExponential(2)}`,
      );
      assert.ok(mlirWorst <= 1e-4 * scale, `MLIR 16's result ${k}: difference ${mlirWorst} against magnitude ${scale}`);
      assert.ok(tensileWorst <= 1e-4 * scale, `Tensile's result ${k}: difference ${tensileWorst} against magnitude ${scale}`);
      assert.ok(between <= 1e-4 * scale, `result ${k}: Tensile and MLIR 16 differ by ${between} against magnitude ${scale}`);
    });
    // Tensile's results are the caller's (its ownership rule); MLIR 16's only where its code allocated them.
    for (const r of ours) release(r);
    for (const r of new Set(theirs)) mlir16.right.release(r);
    keepAlive(theirArgs, ourArgs);
  } finally {
    mlir16.right.unload();
    tensile.right.unload();
  }
});

test.run();
