/**
 * The LLaMA block traced to Linalg on tensors, run by MLIR 16 itself: mlir-opt-16 bufferizes it and lowers it
 * to LLVM, mlir-cpu-runner-16 runs a `main` that calls the block on the test's random inputs and weights (f32,
 * passed as exact hex constants) and returns a weighted checksum of the output and both caches. The checksum
 * equals the plain TypeScript block's within 1e-5 relative to the sum of the checksum's absolute terms.
 *
 * (Tensile's own interpreter runs the TOSA trace in llama-interpret.test.ts; this checks the Linalg emitter's
 * meaning independently of any Tensile semantics.)
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { config, traceBlock } from "../../examples/dsl-llama-block.ts";
import { printOp } from "../../src/text/printer.ts";
import { blockData, past, seq } from "./llama-data.ts";
import { memrefCopySource } from "../support/mlir16-run.ts";
import { referenceBlock } from "./llama-reference.ts";

const lowering = [
  "--empty-tensor-to-alloc-tensor",
  "--one-shot-bufferize=bufferize-function-boundaries allow-return-allocs",
  "--convert-linalg-to-loops",
  "--convert-scf-to-cf",
  "--expand-strided-metadata",
  "--lower-affine",
  "--convert-math-to-llvm",
  "--convert-memref-to-llvm",
  "--convert-arith-to-llvm",
  "--convert-func-to-llvm",
  "--convert-cf-to-llvm",
  "--reconcile-unrealized-casts",
];

/** `dense<"0x...">` of f32 values: their exact bytes, little-endian. */
function hexTensor(values: ArrayLike<number>, shape: readonly number[]): string {
  const bytes = new Uint8Array(Float32Array.from(values).buffer);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `arith.constant dense<"0x${hex}"> : tensor<${shape.join("x")}xf32>`;
}

/** A deterministic weighting in [0.5, 1.5) for the checksum (so a wrong element moves it). */
const weighting = (n: number, salt: number): Float64Array => Float64Array.from({ length: n }, (_, i) => Math.fround(0.5 + (((i + 1) * 2654435761 + salt * 40503) % 1000) / 1000));

test("the block's Linalg, lowered and run by MLIR 16, gives the reference's checksum (1e-5)", () => {
  const traced = traceBlock(seq, past, "linalg");
  const d = blockData(5);
  const ref = referenceBlock(config, d.weights, d.x, d.cacheK, d.cacheV, seq, past);
  const lines: string[] = ["func.func @main() -> f32 {"];
  traced.arguments.forEach((a, i) => lines.push(`  %a${i} = ${hexTensor(d.values[a.name] as Float64Array, a.shape)}`));
  const argTypes = traced.arguments.map((a) => `tensor<${a.shape.join("x")}xf32>`).join(", ");
  const resTypes = traced.results.map((r) => `tensor<${r.shape.join("x")}xf32>`);
  lines.push(`  %r:3 = func.call @llama_block(${traced.arguments.map((_, i) => `%a${i}`).join(", ")}) : (${argTypes}) -> (${resTypes.join(", ")})`);
  // sum_k sum_i w_k[i] * r_k[i], each result flattened by a generic over all its dims.
  lines.push("  %zero = arith.constant dense<0.0> : tensor<f32>");
  let acc = "%zero";
  let expected = 0;
  let scale = 0;
  const refs = [ref.out, ref.cacheK, ref.cacheV];
  traced.results.forEach((r, k) => {
    const w = weighting(r.shape.reduce((p, n) => p * n, 1), k);
    const rank = r.shape.length;
    const dims = Array.from({ length: rank }, (_, i) => `d${i}`).join(", ");
    lines.push(`  %w${k} = ${hexTensor(w, r.shape)}`);
    lines.push(
      `  %s${k} = linalg.generic {indexing_maps = [affine_map<(${dims}) -> (${dims})>, affine_map<(${dims}) -> (${dims})>, affine_map<(${dims}) -> ()>], ` +
        `iterator_types = [${r.shape.map(() => '"reduction"').join(", ")}]} ins(%r#${k}, %w${k} : ${resTypes[k]}, ${resTypes[k]}) outs(${acc} : tensor<f32>) {\n` +
        "  ^bb0(%x: f32, %y: f32, %o: f32):\n    %p = arith.mulf %x, %y : f32\n    %q = arith.addf %o, %p : f32\n    linalg.yield %q : f32\n  } -> tensor<f32>",
    );
    acc = `%s${k}`;
    (refs[k] as Float64Array).forEach((v, i) => {
      expected += v * (w[i] as number);
      scale += Math.abs(v * (w[i] as number));
    });
  });
  lines.push(`  %sum = tensor.extract ${acc}[] : tensor<f32>`, "  return %sum : f32", "}");
  const source = `${printOp(traced.func, { ctx: traced.ctx })}\n${lines.join("\n")}\n`;
  const lowered = spawnSync("mlir-opt-16", [...lowering, "-"], { input: source, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.is(lowered.status, 0, lowered.stderr);
  const dir = mkdtempSync(join(tmpdir(), "dsl-linalg-run-"));
  let run: SpawnSyncReturns<string>;
  // Both tools may write scratch files (the JIT's debug objects): into this directory, removed below.
  const env = { ...process.env, TMPDIR: dir, HOME: dir };
  try {
    writeFileSync(join(dir, "copy.c"), memrefCopySource);
    const cc = spawnSync("cc", ["-O1", "-shared", "-fPIC", "-o", join(dir, "copy.so"), join(dir, "copy.c")], { encoding: "utf8", env });
    assert.is(cc.status, 0, `cc: ${cc.error?.message ?? cc.stderr}`);
    run = spawnSync("mlir-cpu-runner-16", ["-e", "main", "-entry-point-result=f32", `-shared-libs=${join(dir, "copy.so")}`], {
      input: lowered.stdout,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env,
      cwd: dir,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.is(run.status, 0, run.stderr);
  const got = Number(run.stdout.trim());
  assert.ok(Number.isFinite(got), `mlir-cpu-runner printed ${run.stdout}`);
  assert.ok(Math.abs(got - expected) <= 1e-5 * scale, `checksum ${got} against ${expected} (scale ${scale})`);
  // The check bites: the reference of other weights gives another checksum.
  const other = referenceBlock(config, blockData(6).weights, d.x, d.cacheK, d.cacheV, seq, past).out;
  const w0 = weighting(other.length, 0);
  const otherOut = other.reduce((s, v, i) => s + v * (w0[i] as number), 0);
  const refOut = ref.out.reduce((s, v, i) => s + v * (w0[i] as number), 0);
  assert.ok(Math.abs(otherOut - refOut) > 1e-3 * scale);
});

test.run();
