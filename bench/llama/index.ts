/**
 * The LLaMA benchmark (`npm run bench -- llama`): Tensile and llama.cpp on the same f32 GGUF files with random
 * weights (frontends/models/llama/random-gguf.ts), in the same run: prefill tok/s (a 128-token prompt) and decode
 * tok/s (64 greedy tokens) at 1 and 2 threads, peak RSS, and the read bandwidth measured just before each figure
 * with the decode bound it implies (bytes a decode step reads / bandwidth). Prints one markdown table.
 *
 * Every (shape, engine, threads) runs in a child process of its own (measure.ts) with UV_THREADPOOL_SIZE=1 in its
 * environment from the start (llama.cpp's 2-thread decode is 4-10x slower on 2 cores with libuv's default pool
 * of 4, and the variable only works when set before the pool starts), so peak RSS is per engine.
 *
 * Knobs:
 * - `TENSILE_BENCH_LLAMA_SHAPES=stories15M,dim768,tinyllama` (the default; names of random-gguf.ts's `shapes`);
 * - `TENSILE_BENCH_LLAMA_THREADS=1,2`, `TENSILE_BENCH_LLAMA_ENGINES=tensile,llama.cpp`;
 * - `TENSILE_BENCH_LLAMA_DIR=DIR`: keep the GGUF files there and reuse them in later runs (TinyLlama's is 4.4 GB
 *   and takes a minute to write); without it they go to a temp directory removed at the end;
 * - `TENSILE_BENCH_LLAMA_BANDWIDTH_MIB=512`: the bandwidth kernel's buffer.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { type RandomLlamaShape, shapes, writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { tensorNames } from "../../frontends/models/llama/types.ts";
import { compileBandwidthKernel, measureReadBandwidth } from "./bandwidth.ts";
import type { MeasureRequest, MeasureResult } from "./measure.ts";

const root = resolve(import.meta.dirname, "../..");
const PROMPT_TOKENS = 128;
const DECODE_TOKENS = 64;
const engines = ["tensile", "llama.cpp"] as const;
type Engine = (typeof engines)[number];

const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(",").map((s) => s.trim()).filter((s) => s !== "");

/** The prompt both engines evaluate: BOS, then ids spread over the vocabulary (deterministic). */
export function benchPrompt(n = PROMPT_TOKENS): number[] {
  return [1, ...Array.from({ length: n - 1 }, (_, i) => 1000 + ((i * 7919) % 29000))];
}

/** Bytes one decode step reads: every weight but the embedding (one row of it is read), plus it when tied. */
function bytesPerToken(path: string): number {
  const source = openGGUFWeights(path);
  try {
    const embedding = source.tensor(tensorNames.embedding)?.bytes.length ?? 0;
    return source.weightBytes - (source.config.tiedEmbeddings ? 0 : embedding);
  } finally {
    source.close();
  }
}

function measure(request: MeasureRequest): MeasureResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "measure.ts"), JSON.stringify(request)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, UV_THREADPOOL_SIZE: "1" },
    maxBuffer: 1 << 26,
    timeout: 60 * 60 * 1000,
  });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !last.startsWith("{")) {
    throw new Error(`${request.engine} on ${request.model} (${request.threads} threads) failed (${r.status ?? r.signal}):\n${r.stderr.slice(-3000)}`);
  }
  return JSON.parse(last) as MeasureResult;
}

interface Row {
  readonly shape: string;
  readonly threads: number;
  readonly engine: Engine;
  readonly result: MeasureResult;
  readonly bandwidth: number;
  readonly bytesPerToken: number;
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

function table(rows: readonly Row[]): string {
  const lines = [
    "| shape | MiB read per token | threads | engine | prefill tok/s | decode tok/s | read GB/s | decode bound tok/s | decode / bound | peak RSS MiB | compile s |",
    "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const bound = r.bandwidth / r.bytesPerToken;
    const decode = r.result.decodeTokensPerSecond;
    lines.push(
      `| ${r.shape} | ${mib(r.bytesPerToken)} | ${r.threads} | ${r.engine} | ${fmt(r.result.prefillTokensPerSecond)} | ${fmt(decode)} | ${fmt(r.bandwidth / 1e9)} | ${fmt(bound)} | ${fmt(decode / bound, 2)} | ${mib(r.result.peakRssBytes)} | ${r.result.compileSeconds === undefined ? "" : fmt(r.result.compileSeconds)} |`,
    );
  }
  return lines.join("\n");
}

export function runLlamaBenchmark(): void {
  const shapeNames = list("TENSILE_BENCH_LLAMA_SHAPES", "stories15M,dim768,tinyllama");
  for (const s of shapeNames) if (!(s in shapes)) throw new Error(`TENSILE_BENCH_LLAMA_SHAPES: unknown shape '${s}' (known: ${Object.keys(shapes).join(", ")})`);
  const threadCounts = list("TENSILE_BENCH_LLAMA_THREADS", "1,2").map(Number);
  if (threadCounts.some((t) => !Number.isInteger(t) || t < 1)) throw new Error("TENSILE_BENCH_LLAMA_THREADS: positive integers, comma separated");
  const chosen = list("TENSILE_BENCH_LLAMA_ENGINES", engines.join(","));
  for (const e of chosen) if (!engines.includes(e as Engine)) throw new Error(`TENSILE_BENCH_LLAMA_ENGINES: unknown engine '${e}' (known: ${engines.join(", ")})`);
  const bandwidthMiB = Number(process.env.TENSILE_BENCH_LLAMA_BANDWIDTH_MIB ?? 512);

  const keepDir = process.env.TENSILE_BENCH_LLAMA_DIR;
  const scratch = mkdtempSync(join(tmpdir(), "tensile-bench-llama-"));
  const modelDir = keepDir ?? scratch;
  mkdirSync(modelDir, { recursive: true });
  const rows: Row[] = [];
  const start = performance.now();
  const loadBefore = loadavg()[0] as number;
  try {
    const kernel = compileBandwidthKernel(scratch);
    for (const name of shapeNames) {
      const shape = shapes[name as keyof typeof shapes] as RandomLlamaShape;
      const path = join(modelDir, `random-${name}-f32.gguf`);
      if (!existsSync(path)) {
        process.stderr.write(`writing ${path}\n`);
        writeRandomLlamaGGUF(path, shape, { weightType: "f32", seed: 1 });
      }
      const perToken = bytesPerToken(path);
      for (const threads of threadCounts) {
        for (const engine of chosen as Engine[]) {
          process.stderr.write(`${name}: ${engine}, ${threads} thread(s)\n`);
          const bandwidth = measureReadBandwidth(kernel, threads, bandwidthMiB);
          const result = measure({ engine, model: path, threads, prompt: benchPrompt(), decodeTokens: DECODE_TOKENS, cacheDir: join(scratch, "kernels") });
          rows.push({ shape: name, threads, engine, result, bandwidth, bytesPerToken: perToken });
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const shapeLines = shapeNames.map((n) => {
    const s = shapes[n as keyof typeof shapes] as RandomLlamaShape;
    return `- ${n}: dim ${s.dim}, ${s.layers} layers, ${s.heads} heads, ${s.kvHeads} KV heads, FFN ${s.hidden}, vocabulary 32000, f32`;
  });
  process.stdout.write(
    [
      `LLaMA, f32 GGUF files with random weights; prefill: one ${PROMPT_TOKENS}-token prompt; decode: ${DECODE_TOKENS} greedy tokens after it.`,
      ...shapeLines,
      "",
      table(rows),
      "",
      `Load average (1 min; the machine is shared): ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] as number).toFixed(1)} at the end.`,
      `Read bandwidth: bench/llama/read-bandwidth.c (a ${bandwidthMiB} MiB buffer summed by the given threads, best of 5 sweeps), measured just before each row.`,
      "Decode bound = read bandwidth / bytes a decode step reads (all weights but the embedding; the KV cache, under 1% here, is left out).",
      `Command: ${shapeNames.join(",") === "stories15M,dim768,tinyllama" ? "" : `TENSILE_BENCH_LLAMA_SHAPES=${shapeNames.join(",")} `}npm run bench -- llama (${((performance.now() - start) / 1000).toFixed(0)} s)`,
      "",
    ].join("\n"),
  );
}
