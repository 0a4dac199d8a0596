/**
 * One measurement of the LLaMA benchmark, in a process of its own (so that its peak RSS is its engine's alone,
 * and llama.cpp runs with UV_THREADPOOL_SIZE=1 from the start, set by the parent): loads a GGUF file in one engine
 * at a thread count, warms up (a short prompt and two decode steps: the file's pages are mapped in), then times a
 * prefill of the prompt and greedy decode steps from an empty cache. Prints one JSON line (MeasureResult).
 *
 * Usage: node --import tsx bench/llama/measure.ts '<MeasureRequest as JSON>'
 */
import { ReferenceModel } from "../../test/support/llama-cpp.ts";

export interface MeasureRequest {
  readonly engine: "tensile" | "llama.cpp";
  readonly model: string;
  readonly threads: number;
  readonly prompt: readonly number[];
  readonly decodeTokens: number;
  /** Where Tensile caches its compiled kernels. */
  readonly cacheDir: string;
}

export interface MeasureResult {
  readonly prefillTokensPerSecond: number;
  readonly decodeTokensPerSecond: number;
  readonly decodeTokens: number;
  readonly peakRssBytes: number;
  /** Seconds Tensile spent compiling (absent for llama.cpp). */
  readonly compileSeconds?: number;
  /** Set when the engine cannot run here yet (then the figures are NaN). */
  readonly unavailable?: string;
}

async function measureLlamaCpp(r: MeasureRequest): Promise<MeasureResult> {
  const model = await ReferenceModel.load(r.model, { threads: r.threads, contextSize: r.prompt.length + r.decodeTokens + 64 });
  try {
    await model.time(r.prompt.slice(0, 8), 2);
    const t = await model.time(r.prompt, r.decodeTokens);
    return { prefillTokensPerSecond: t.prefillTokensPerSecond, decodeTokensPerSecond: t.decodeTokensPerSecond, decodeTokens: t.decodeTokens, peakRssBytes: 0 };
  } finally {
    await model.dispose();
  }
}

async function measureTensile(_r: MeasureRequest): Promise<MeasureResult> {
  return { prefillTokensPerSecond: NaN, decodeTokensPerSecond: NaN, decodeTokens: 0, peakRssBytes: 0, unavailable: "the compiled model (loadLlamaModel) is not on main yet" };
}

const request = JSON.parse(process.argv[2] ?? "null") as MeasureRequest | null;
if (request === null) {
  process.stderr.write("usage: measure.ts '<request JSON>'\n");
  process.exit(2);
}
const result = await (request.engine === "llama.cpp" ? measureLlamaCpp(request) : measureTensile(request));
process.stdout.write(`${JSON.stringify({ ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exit(0); // node-llama-cpp may keep the event loop alive
