/**
 * llama.cpp as the reference of the LLaMA tests and the benchmark, through node-llama-cpp 3.21.1 (its prebuilt
 * CPU binary ships in the npm package: it is never downloaded or built here).
 *
 * Settings that make llama.cpp comparable with Tensile's f32 code: CPU only, key and value caches in f32 (its
 * default is f16), flash attention off, an explicit thread count (`getLlama({ maxThreads: 0 })` makes the
 * context's `threads` exact instead of a hint).
 *
 * The API exposes no raw logits: `logProbabilities` asks `controlledEvaluate` for the softmax over the whole
 * vocabulary at temperature 0 and returns its logarithm; compare it with log-softmax of Tensile's logits (or
 * both minus their means).
 *
 * What llama.cpp computes with: on the CPU, a matrix product rounds its activations to the weights' "vec dot
 * type" first: f16 weights -> f16 activations, bf16 -> bf16, q8_0 -> q8_0 blocks (f32 stays f32). Against an
 * exact evaluation of the same stored weights (test/llama/model-reference.ts) its logits therefore differ by
 * about 2e-4 (f16), 2e-3 (bf16) and 7e-3..1e-2 (q8_0) of the logit range on the test shapes, ~2.5e-7 in f32;
 * greedy runs of 16 steps then part after 5-6 steps for some seeds. `greedyWithMargins` gives the margin of
 * each of its choices, so a test can tell a real difference from a near tie.
 *
 * Speed: on a 2-core machine llama.cpp's 2-thread decode is 4-10x slower unless libuv's thread pool has one
 * thread. `UV_THREADPOOL_SIZE=1` must be in the environment before Node starts its pool (the first async fs,
 * crypto or addon work), so it cannot be set here: the benchmark's entry sets it before it imports anything.
 * Tests run without it (all test files share one process), which is only slower.
 */
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";

export interface ReferenceOptions {
  /** Tokens of the context (llama.cpp may round it up to a multiple of 256; default 512). */
  readonly contextSize?: number;
  /** CPU threads of its evaluation (default 1). */
  readonly threads?: number;
  /** Tokens one evaluation batch may hold (default min(512, contextSize)). */
  readonly batchSize?: number;
  /** Load only the vocabulary (tokenize/detokenize; no weights, no context). */
  readonly vocabOnly?: boolean;
}

export interface ReferenceTiming {
  /** Prompt tokens evaluated as one prefill, and how long that took. */
  readonly promptTokens: number;
  readonly prefillSeconds: number;
  readonly prefillTokensPerSecond: number;
  /** Tokens decoded one at a time after the prompt (greedy), and how long that took. */
  readonly decodeTokens: number;
  readonly decodeSeconds: number;
  readonly decodeTokensPerSecond: number;
}

/** log-softmax of `logits`, in double precision. */
export function logSoftmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] as number);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp((logits[i] as number) - max);
  const lse = max + Math.log(sum);
  return Float64Array.from(logits, (x) => x - lse);
}

export interface LogitsAgreement {
  /** The largest |log_softmax(logits) - ln p| over the tokens whose p did not underflow to 0 in llama.cpp. */
  readonly maxError: number;
  /** max - min of the logits. */
  readonly range: number;
  /** maxError / range: the measure (1e-4 in f32). */
  readonly relative: number;
  /** Whether both pick the same most likely token. */
  readonly sameArgmax: boolean;
}

/**
 * How closely `logits` (Tensile's, or any engine's) match llama.cpp's next-token log-probabilities
 * (`ReferenceModel.logProbabilities`): compared after log-softmax, so the constant that softmax drops does not
 * count.
 */
export function logitsAgreement(logits: ArrayLike<number>, referenceLogp: ArrayLike<number>): LogitsAgreement {
  if (logits.length !== referenceLogp.length) throw new Error(`logits of ${logits.length} tokens against llama.cpp's ${referenceLogp.length}`);
  const ours = logSoftmax(logits);
  let maxError = 0;
  let [lo, hi] = [Infinity, -Infinity];
  let [a, b] = [0, 0];
  for (let i = 0; i < ours.length; i++) {
    const x = logits[i] as number;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
    const r = referenceLogp[i] as number;
    if (Number.isFinite(r)) maxError = Math.max(maxError, Math.abs((ours[i] as number) - r));
    if ((ours[i] as number) > (ours[a] as number)) a = i;
    if (r > (referenceLogp[b] as number)) b = i;
  }
  return { maxError, range: hi - lo, relative: maxError / (hi - lo), sameArgmax: a === b };
}

let llamaPromise: Promise<Llama> | undefined;

/** The process's one llama.cpp instance (CPU, prebuilt binary, never downloaded or built). */
export function referenceLlama(): Promise<Llama> {
  llamaPromise ??= import("node-llama-cpp").then(({ getLlama, LlamaLogLevel }) =>
    getLlama({
      gpu: false,
      build: "never",
      usePrebuiltBinaries: true,
      skipDownload: true,
      progressLogs: false,
      logLevel: LlamaLogLevel.error,
      maxThreads: 0,
    }),
  );
  return llamaPromise;
}

/** A GGUF file loaded in llama.cpp with one context and one sequence. */
export class ReferenceModel {
  private constructor(
    readonly path: string,
    readonly model: LlamaModel,
    private readonly context: LlamaContext | undefined,
    private readonly seq: LlamaContextSequence | undefined,
  ) {}

  /** Loads `path` (the weights memory-mapped) and creates its context, unless `vocabOnly`. */
  static async load(path: string, options: ReferenceOptions = {}): Promise<ReferenceModel> {
    const llama = await referenceLlama();
    const model = await llama.loadModel({ modelPath: path, gpuLayers: 0, useMmap: true, vocabOnly: options.vocabOnly ?? false, defaultContextFlashAttention: false });
    if (options.vocabOnly) return new ReferenceModel(path, model, undefined, undefined);
    const contextSize = options.contextSize ?? 512;
    try {
      const context = await model.createContext({
        contextSize,
        batchSize: options.batchSize ?? Math.min(512, contextSize),
        threads: options.threads ?? 1,
        flashAttention: false,
        experimentalKvCacheKeyType: "F32",
        experimentalKvCacheValueType: "F32",
        sequences: 1,
        failedCreationRemedy: false,
      });
      return new ReferenceModel(path, model, context, context.getSequence());
    } catch (e) {
      await model.dispose();
      throw e;
    }
  }

  get bos(): number | undefined { return this.model.tokens.bos ?? undefined; }
  get eos(): number | undefined { return this.model.tokens.eos ?? undefined; }
  /** The context's size as llama.cpp made it (may be larger than asked). */
  get contextSize(): number { return this.sequence().contextSize; }

  /**
   * llama.cpp's tokenization (`llama_tokenize` with add_special = false): the leading-space rule applied,
   * special-token text ("<s>") parsed as the special token only with `specialTokens`; `addBos` puts the BOS id
   * first, as llama.cpp's add_special does.
   */
  tokenize(text: string, options: { addBos?: boolean; specialTokens?: boolean } = {}): number[] {
    const ids = this.model.tokenize(text, options.specialTokens ?? false);
    const bos = this.bos;
    if (options.addBos && bos === undefined) throw new Error(`${this.path}: the model has no BOS token`);
    return options.addBos ? [bos as number, ...ids] : ids;
  }

  /** llama.cpp's `llama_detokenize` (remove_special = false): control tokens give no text unless `specialTokens`. */
  detokenize(ids: readonly number[], options: { specialTokens?: boolean } = {}): string {
    return this.model.detokenize(ids as Token[], options.specialTokens ?? false);
  }

  private sequence(): LlamaContextSequence {
    if (this.seq === undefined) throw new Error(`${this.path} was loaded with vocabOnly: it has no context`);
    return this.seq;
  }

  /**
   * ln p(next token) over the whole vocabulary after `tokens`, evaluated from an empty cache (p = softmax of
   * llama.cpp's logits, in f32; ln 0 = -Infinity where p underflowed).
   */
  async logProbabilities(tokens: readonly number[]): Promise<Float64Array> {
    if (tokens.length === 0) throw new Error("logProbabilities needs at least one token");
    const seq = this.sequence();
    await seq.clearHistory();
    const input = tokens.map((t, i) =>
      i === tokens.length - 1 ? ([t as Token, { generateNext: { probabilities: true, options: { temperature: 0 } } }] as const) : (t as Token),
    );
    const out = await seq.controlledEvaluate(input as Parameters<LlamaContextSequence["controlledEvaluate"]>[0]);
    const probabilities = out[tokens.length - 1]?.next.probabilities;
    if (probabilities === undefined) throw new Error("llama.cpp returned no probabilities");
    const logp = new Float64Array(this.vocabSize).fill(-Infinity);
    for (const [token, p] of probabilities) logp[token] = Math.log(p);
    return logp;
  }

  /** Tokens in the vocabulary. */
  get vocabSize(): number {
    const tokens = (this.model.fileInfo.metadata as { tokenizer?: { ggml?: { tokens?: readonly string[] } } }).tokenizer?.ggml?.tokens;
    if (tokens === undefined) throw new Error(`${this.path}: no tokenizer.ggml.tokens`);
    return tokens.length;
  }

  /** Greedy (temperature 0) generation of `count` tokens after `prompt`, from an empty cache; stops at EOS. */
  async greedy(prompt: readonly number[], count: number): Promise<number[]> {
    const seq = this.sequence();
    await seq.clearHistory();
    const out: number[] = [];
    if (count <= 0) return out;
    for await (const token of seq.evaluate(prompt as Token[], { temperature: 0 })) {
      out.push(token);
      if (out.length >= count || token === this.eos) break;
    }
    return out;
  }

  /**
   * Greedy generation as `greedy`, with llama.cpp's margin at each step: ln p of the token it chose minus ln p
   * of the runner-up (a margin below the tolerance of a comparison is a near tie, where engines may differ).
   */
  async greedyWithMargins(prompt: readonly number[], count: number): Promise<{ tokens: number[]; margins: number[] }> {
    if (prompt.length === 0) throw new Error("greedyWithMargins needs a prompt");
    const seq = this.sequence();
    await seq.clearHistory();
    const tokens: number[] = [];
    const margins: number[] = [];
    let input: readonly number[] = prompt;
    while (tokens.length < count) {
      const last = input.length - 1;
      const items = input.map((t, i) =>
        i === last ? ([t as Token, { generateNext: { token: true, probabilities: true, options: { temperature: 0 } } }] as const) : (t as Token),
      );
      const out = await seq.controlledEvaluate(items as Parameters<LlamaContextSequence["controlledEvaluate"]>[0]);
      const next = out[last]?.next;
      if (next?.token === undefined || next.token === null || next.probabilities === undefined) throw new Error("llama.cpp returned no next token");
      let runnerUp = 0;
      for (const [t, p] of next.probabilities) if (t !== next.token && p > runnerUp) runnerUp = p;
      tokens.push(next.token);
      margins.push(Math.log(next.probabilities.get(next.token) ?? 0) - Math.log(runnerUp));
      if (next.token === this.eos) break;
      input = [next.token];
    }
    return { tokens, margins };
  }

  /**
   * Times a prefill of `prompt` (one evaluation of all its tokens, ending with the greedy choice of the next
   * token) and then `decodeTokens` single-token greedy steps, from an empty cache.
   */
  async time(prompt: readonly number[], decodeTokens: number): Promise<ReferenceTiming> {
    if (prompt.length === 0) throw new Error("time needs a prompt");
    const seq = this.sequence();
    await seq.clearHistory();
    const t0 = performance.now();
    const last = prompt.length - 1;
    const input = prompt.map((t, i) => (i === last ? ([t as Token, { generateNext: { token: true, options: { temperature: 0 } } }] as const) : (t as Token)));
    const out = await seq.controlledEvaluate(input as Parameters<LlamaContextSequence["controlledEvaluate"]>[0]);
    const t1 = performance.now();
    const next = out[last]?.next.token;
    if (next === undefined || next === null) throw new Error("llama.cpp returned no next token");
    let decoded = 0;
    if (decodeTokens > 0) {
      // Each step of evaluate() decodes the token it was given (or the last it yielded) and yields the next.
      for await (const _ of seq.evaluate([next], { temperature: 0 })) {
        if (++decoded >= decodeTokens) break;
      }
    }
    const t2 = performance.now();
    const prefillSeconds = (t1 - t0) / 1000;
    const decodeSeconds = (t2 - t1) / 1000;
    return {
      promptTokens: prompt.length,
      prefillSeconds,
      prefillTokensPerSecond: prompt.length / prefillSeconds,
      decodeTokens: decoded,
      decodeSeconds,
      decodeTokensPerSecond: decoded / decodeSeconds,
    };
  }

  async dispose(): Promise<void> {
    await this.context?.dispose();
    await this.model.dispose();
  }
}
