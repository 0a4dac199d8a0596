/**
 * One measurement of the LLaMA benchmark, in a process of its own (so that its peak RSS is its engine's alone,
 * and llama.cpp runs with UV_THREADPOOL_SIZE=1 from the start, set by the parent): loads a GGUF file in one engine
 * at a thread count, warms up (a short prompt and two decode steps: every weight page is touched), then times a
 * prefill of the prompt and greedy decode steps from an empty cache, both engines in the same context length. Prints one JSON line (MeasureResult).
 *
 * Usage: node --import tsx bench/llama/measure.ts '<MeasureRequest as JSON>'
 */
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { argmax } from "../../frontends/models/llama/sampling.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
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
}

/** The context both engines allocate: the prompt and the decode steps, rounded up to llama.cpp's multiple of 256. */
const contextFor = (r: MeasureRequest) => Math.ceil((r.prompt.length + r.decodeTokens + 8) / 256) * 256;

async function measureLlamaCpp(r: MeasureRequest): Promise<MeasureResult> {
  const model = await ReferenceModel.load(r.model, { threads: r.threads, contextSize: contextFor(r) });
  try {
    await model.time(r.prompt.slice(0, 8), 2);
    const t = await model.time(r.prompt, r.decodeTokens);
    return { prefillTokensPerSecond: t.prefillTokensPerSecond, decodeTokensPerSecond: t.decodeTokensPerSecond, decodeTokens: t.decodeTokens, peakRssBytes: 0 };
  } finally {
    await model.dispose();
  }
}

/** Tensile: the kernels compiled (or loaded from the run's cache) at load; the same warm-up and timing as llama.cpp. */
function measureTensile(r: MeasureRequest): MeasureResult {
  const source = openGGUFWeights(r.model);
  try {
    const model = loadLlamaModel(source, { threads: r.threads, contextLength: contextFor(r), cacheDir: r.cacheDir });
    try {
      const session = model.createSession();
      try {
        const greedy = (prompt: readonly number[], steps: number) => {
          let logits = session.evaluate(prompt);
          const t1 = performance.now();
          for (let i = 0; i < steps; i++) logits = session.evaluate([argmax(logits)]);
          return t1;
        };
        greedy(r.prompt.slice(0, 8), 2);
        session.reset();
        const t0 = performance.now();
        const t1 = greedy(r.prompt, r.decodeTokens);
        const t2 = performance.now();
        return {
          prefillTokensPerSecond: r.prompt.length / ((t1 - t0) / 1000),
          decodeTokensPerSecond: r.decodeTokens / ((t2 - t1) / 1000),
          decodeTokens: r.decodeTokens,
          peakRssBytes: 0,
          compileSeconds: model.stats.compileSeconds,
        };
      } finally {
        session.dispose();
      }
    } finally {
      model.dispose();
    }
  } finally {
    source.close();
  }
}

const request = JSON.parse(process.argv[2] ?? "null") as MeasureRequest | null;
if (request === null) {
  process.stderr.write("usage: measure.ts '<request JSON>'\n");
  process.exit(2);
}
const result = await (request.engine === "llama.cpp" ? measureLlamaCpp(request) : measureTensile(request));
process.stdout.write(`${JSON.stringify({ ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exit(0); // node-llama-cpp may keep the event loop alive
