/**
 * A LLaMA model compiled and bound to its weights (`loadLlamaModel`), and its sessions: the caller's side of the
 * kernel ABI (model.ts, TEAM.md).
 *
 * - Weights are passed to the kernels as typed-array views over the source's mapping (no copy): f32 as
 *   Float32Array, f16/bf16 as their bits (Uint16Array), q8_0 as the blocks' bytes (Int8Array `[out, in/32, 34]`).
 *   Norm weights stored as f16/bf16 (or q8_0) are converted to f32 once (they are tiny).
 * - The embedding lookup is done here, one row per token, dequantized (ggml-types.ts).
 * - Each session owns a KV cache per layer, `[kvHeads, ctx, headDim]` f32 in 64-byte aligned arrays; the kernels
 *   read it and return this call's keys and values, which are written into it here at positions `position ...`.
 * - A prompt runs in chunks of `prefillChunk` tokens through `llama_layer_<chunk>` (the last chunk padded: the
 *   padding rows are computed, then ignored, and their keys never reach the cache); one token runs through
 *   `llama_layer_1`. The mask and the RoPE tables of each call are computed here (see `callTables`).
 * - Every buffer a kernel returns is released once it has been read.
 */
import { alignedArray } from "../../../codegen/aligned.ts";
import { release, type ReturnedArray, type StridedArray } from "../../../codegen/runtime/c-interface.ts";
import { compileSteps, type CompileStep } from "../../../codegen/compile.ts";
import { bf16BitsToNumber, dequantizeQ8_0, f16BitsToNumber, Q8_0_BLOCK, Q8_0_BYTES } from "../../gguf/ggml-types.ts";
import { compileLlamaKernels, type LlamaKernels } from "./kernels.ts";
import type { KernelShape, LayerWeightTypes } from "./model.ts";
import {
  type LlamaConfig, LlamaError, type LlamaModel, type LlamaModelOptions, type LlamaSession, type LoadStats, tensorNames, type WeightSource, type WeightTensor,
} from "./types.ts";

/** A weight as a kernel argument: a view over the mapping with the shape the ABI gives it. */
function weightArgument(w: WeightTensor): StridedArray {
  const [out, inF] = w.shape as [number, number];
  const b = w.bytes;
  switch (w.type) {
    case "f32":
      return { data: new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4), shape: [out, inF] };
    case "f16":
    case "bf16":
      return { data: new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2), shape: [out, inF] };
    case "q8_0":
      return { data: new Int8Array(b.buffer, b.byteOffset, b.byteLength), shape: [out, inF / Q8_0_BLOCK, Q8_0_BYTES] };
  }
}

/** Elements `[start, start + count)` of a weight, as numbers (f32 exact; f16/bf16/q8_0 dequantized as ggml does). */
function weightValues(w: WeightTensor, start: number, count: number): Float32Array {
  const b = w.bytes;
  switch (w.type) {
    case "f32":
      return new Float32Array(b.buffer, b.byteOffset + start * 4, count);
    case "f16":
    case "bf16": {
      const bits = new Uint16Array(b.buffer, b.byteOffset + start * 2, count);
      return Float32Array.from(bits, w.type === "f16" ? f16BitsToNumber : bf16BitsToNumber);
    }
    case "q8_0": {
      if (start % Q8_0_BLOCK !== 0 || count % Q8_0_BLOCK !== 0) throw new LlamaError(`${w.name}: q8_0 rows are read in whole blocks`);
      return dequantizeQ8_0(b.subarray((start / Q8_0_BLOCK) * Q8_0_BYTES, ((start + count) / Q8_0_BLOCK) * Q8_0_BYTES));
    }
  }
}

/** A norm weight as f32 (a view when it is stored as f32, else converted once). */
function normArgument(w: WeightTensor): StridedArray {
  const n = w.shape[0] as number;
  if (w.type === "f32") return { data: weightValues(w, 0, n), shape: [n] };
  const data = alignedArray(Float32Array, n);
  data.set(weightValues(w, 0, n));
  return { data, shape: [n] };
}

interface LayerWeights {
  readonly args: readonly StridedArray[]; // attn_norm, wq, wk, wv, wo, ffn_norm, w_gate, w_up, w_down
}

/** The tensor `name`, checked against the shape the config implies (a LlamaError naming it otherwise). */
function expectTensor(source: WeightSource, name: string, shape: readonly number[]): WeightTensor {
  const w = source.tensor(name);
  if (w === undefined) throw new LlamaError(`${source.path}: the model has no tensor '${name}'`);
  if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i]))
    throw new LlamaError(`${source.path}: tensor '${name}' has shape [${w.shape.join(", ")}], expected [${shape.join(", ")}] from the model's configuration`);
  if (w.type === "q8_0" && shape.length === 2 && (shape[1] as number) % Q8_0_BLOCK !== 0)
    throw new LlamaError(`${source.path}: tensor '${name}' is q8_0 with rows of ${shape[1]} elements, not whole blocks of ${Q8_0_BLOCK}`);
  const width = w.type === "f32" ? 4 : w.type === "q8_0" ? 1 : 2;
  if (w.bytes.byteOffset % width !== 0) throw new LlamaError(`${source.path}: tensor '${name}' lies at a byte offset not aligned for ${w.type}`);
  return w;
}

/** The mask and RoPE tables of one call of `seq` rows at `position` (the ABI's definitions). */
export function callTables(config: LlamaConfig, ctx: number, seq: number, position: number): { mask: Float32Array; cos: Float32Array; sin: Float32Array } {
  const half = config.headDim / 2;
  const mask = alignedArray(Float32Array, seq * (ctx + seq));
  const cos = alignedArray(Float32Array, seq * half);
  const sin = alignedArray(Float32Array, seq * half);
  // llama.cpp's angles, in f32 as ggml computes them: theta_scale = base^(-2/headDim), theta_j = p * theta_scale^j
  // by repeated products, then times the linear scaling's 1/factor.
  const thetaScale = Math.fround(Math.pow(config.ropeTheta, -2 / config.headDim));
  const freqScale = Math.fround(1 / (config.ropeScaling?.factor ?? 1));
  for (let i = 0; i < seq; i++) {
    const row = i * (ctx + seq);
    for (let j = 0; j < ctx + seq; j++) mask[row + j] = (j < ctx ? j < position : j - ctx <= i) ? 0 : -Infinity;
    let theta = Math.fround(position + i);
    for (let j = 0; j < half; j++) {
      const angle = Math.fround(freqScale * theta);
      cos[i * half + j] = Math.cos(angle);
      sin[i * half + j] = Math.sin(angle);
      theta = Math.fround(theta * thetaScale);
    }
  }
  return { mask, cos, sin };
}

/** A model's weights checked against its configuration, and the kernel shape they need. */
interface BoundWeights {
  readonly shape: KernelShape;
  readonly embedding: WeightTensor;
  readonly layers: readonly LayerWeights[];
  readonly head: { readonly norm: StridedArray; readonly weight: StridedArray };
}

/**
 * What the model's kernels are specialised on (shape, weight types, KV cache length, prefill chunk), from its
 * tensors (each checked against the configuration; a LlamaError names a missing or misshapen one). The CLI's
 * `--aot` passes it to kernels.ts's `llamaKernelModule` for the module of an AOT bundle.
 */
export function kernelShapeOf(source: WeightSource, opts: Pick<LlamaModelOptions, "contextLength" | "prefillChunk"> = {}): KernelShape {
  return bindWeights(source, opts).shape;
}

function bindWeights(source: WeightSource, opts: LlamaModelOptions): BoundWeights {
  const config = source.config;
  const { dim, heads, kvHeads, headDim, hidden, vocab } = config;
  const ctx = opts.contextLength ?? Math.min(config.contextLength, 2048);
  const chunk = Math.min(opts.prefillChunk ?? 32, ctx);
  if (!Number.isInteger(ctx) || ctx < 1) throw new LlamaError(`the context length must be a positive integer, got ${ctx}`);
  if (!Number.isInteger(chunk) || chunk < 1) throw new LlamaError(`the prefill chunk must be a positive integer, got ${opts.prefillChunk}`);
  const progress = opts.onProgress ?? (() => {});

  const embedding = expectTensor(source, tensorNames.embedding, [vocab, dim]);
  const outputNorm = expectTensor(source, tensorNames.outputNorm, [dim]);
  const output = config.tiedEmbeddings ? embedding : expectTensor(source, tensorNames.output, [vocab, dim]);
  const layers: LayerWeights[] = [];
  let layerTypes: LayerWeightTypes | undefined;
  for (let l = 0; l < config.layers; l++) {
    progress({ phase: "load", done: l, total: config.layers, label: `layer ${l}` });
    const n = tensorNames.layer(l);
    const m = {
      wq: expectTensor(source, n.q, [heads * headDim, dim]),
      wk: expectTensor(source, n.k, [kvHeads * headDim, dim]),
      wv: expectTensor(source, n.v, [kvHeads * headDim, dim]),
      wo: expectTensor(source, n.o, [dim, heads * headDim]),
      w_gate: expectTensor(source, n.gate, [hidden, dim]),
      w_up: expectTensor(source, n.up, [hidden, dim]),
      w_down: expectTensor(source, n.down, [dim, hidden]),
    };
    const types: LayerWeightTypes = { wq: m.wq.type, wk: m.wk.type, wv: m.wv.type, wo: m.wo.type, w_gate: m.w_gate.type, w_up: m.w_up.type, w_down: m.w_down.type };
    if (layerTypes === undefined) layerTypes = types;
    else if (JSON.stringify(types) !== JSON.stringify(layerTypes))
      throw new LlamaError(`${source.path}: layer ${l}'s weight types ${JSON.stringify(types)} differ from layer 0's ${JSON.stringify(layerTypes)} (one compiled layer serves all layers)`);
    const norm = (name: string): StridedArray => normArgument(expectTensor(source, name, [dim]));
    layers.push({
      args: [norm(n.attnNorm), weightArgument(m.wq), weightArgument(m.wk), weightArgument(m.wv), weightArgument(m.wo), norm(n.ffnNorm), weightArgument(m.w_gate), weightArgument(m.w_up), weightArgument(m.w_down)],
    });
  }
  progress({ phase: "load", done: config.layers, total: config.layers, label: "weights bound" });
  if (layerTypes === undefined) throw new LlamaError(`${source.path}: the model has no layers`);
  const shape: KernelShape = {
    config: { dim, heads, kvHeads, headDim, hidden, vocab, normEps: config.normEps, ropeStyle: config.ropeStyle },
    layerTypes,
    outputType: output.type,
    ctx,
    chunk,
  };
  return { shape, embedding, layers, head: { norm: normArgument(outputNorm), weight: weightArgument(output) } };
}

const compileStepLabels: Readonly<Record<CompileStep, string>> = {
  trace: "tracing the layer and head functions",
  lower: "lowering to the llvm dialect",
  llvm: "LLVM: translating, optimising, emitting",
  link: "linking",
};

/** Compiles (or loads from the cache) the kernels of `source`'s model and binds its weights (see the header). */
export function loadLlamaModel(source: WeightSource, opts: LlamaModelOptions = {}): LlamaModel {
  const config = source.config;
  const { shape, embedding, layers, head } = bindWeights(source, opts);
  const progress = opts.onProgress ?? (() => {});
  // One unit per compile step (trace, lower, LLVM, link); a cache hit goes from 0 to the end at once.
  const total = compileSteps.length;
  progress({ phase: "compile", done: 0, total, label: `kernels (ctx ${shape.ctx}, chunk ${shape.chunk})` });
  const kernels = compileLlamaKernels(shape, {
    ...(opts.target === undefined ? {} : { target: opts.target }),
    ...(opts.threads === undefined ? {} : { threads: opts.threads }),
    ...(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir }),
    onStep: (step) => progress({ phase: "compile", done: compileSteps.indexOf(step), total, label: compileStepLabels[step] }),
  });
  progress({ phase: "compile", done: total, total, label: kernels.cached ? "kernels loaded from the cache" : "kernels compiled" });
  const stats: LoadStats = { compileSeconds: kernels.seconds, cachedKernels: kernels.cached ? 1 : 0, kernels: 1 };
  let disposed = false;
  return {
    config,
    source,
    stats,
    createSession: () => {
      if (disposed) throw new LlamaError("the model was disposed");
      return new Session(config, shape.ctx, shape.chunk, kernels, layers, head, (token) => embeddingRow(embedding, token, config.vocab, config.dim), () => disposed);
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      kernels.library.unload();
    },
  };
}

function embeddingRow(embedding: WeightTensor, token: number, vocab: number, dim: number): Float32Array {
  if (!Number.isInteger(token) || token < 0 || token >= vocab) throw new LlamaError(`token ${token} is not in the vocabulary (0 .. ${vocab - 1})`);
  return weightValues(embedding, token * dim, dim);
}

class Session implements LlamaSession {
  position = 0;
  private readonly cacheK: Float32Array[];
  private readonly cacheV: Float32Array[];

  constructor(
    private readonly config: LlamaConfig,
    readonly contextLength: number,
    private readonly chunk: number,
    private readonly kernels: LlamaKernels,
    private readonly layers: readonly LayerWeights[],
    private readonly head: { norm: StridedArray; weight: StridedArray },
    private readonly embed: (token: number) => Float32Array,
    private readonly modelDisposed: () => boolean,
  ) {
    const size = config.kvHeads * contextLength * config.headDim;
    this.cacheK = layers.map(() => alignedArray(Float32Array, size));
    this.cacheV = layers.map(() => alignedArray(Float32Array, size));
  }

  evaluate(tokens: readonly number[]): Float32Array {
    if (this.modelDisposed()) throw new LlamaError("the model was disposed");
    if (tokens.length === 0) throw new LlamaError("evaluate needs at least one token");
    if (this.position + tokens.length > this.contextLength)
      throw new LlamaError(`the context is full: ${this.position} tokens + ${tokens.length} new exceed the context length ${this.contextLength}`);
    let last: Float32Array | undefined;
    for (let at = 0; at < tokens.length; ) {
      const count = tokens.length - at === 1 ? 1 : Math.min(this.chunk, tokens.length - at);
      const seq = count === 1 ? 1 : this.chunk;
      last = this.run(tokens.slice(at, at + count), seq);
      at += count;
    }
    return this.logits(last as Float32Array);
  }

  /** Runs `tokens` (padded to `seq` rows) through every layer; returns the last real row of the residual stream. */
  private run(tokens: readonly number[], seq: number): Float32Array {
    const { dim, kvHeads, headDim } = this.config;
    const ctx = this.contextLength;
    const x0 = alignedArray(Float32Array, seq * dim);
    tokens.forEach((tok, i) => x0.set(this.embed(tok), i * dim));
    const { mask, cos, sin } = callTables(this.config, ctx, seq, this.position);
    const fn = this.kernels.layers.get(seq);
    if (fn === undefined) throw new Error(`no layer function for ${seq} tokens`);
    let x: StridedArray = { data: x0, shape: [seq, dim] };
    let returned: ReturnedArray | undefined;
    this.layers.forEach((layer, l) => {
      const cacheK = this.cacheK[l] as Float32Array;
      const cacheV = this.cacheV[l] as Float32Array;
      const cacheShape = [kvHeads, ctx, headDim];
      const [out, k, v] = fn.call(
        x,
        { data: cacheK, shape: cacheShape },
        { data: cacheV, shape: cacheShape },
        { data: mask, shape: [seq, ctx + seq] },
        { data: cos, shape: [seq, headDim / 2] },
        { data: sin, shape: [seq, headDim / 2] },
        ...layer.args,
      ) as [ReturnedArray, ReturnedArray, ReturnedArray];
      // keys and values [kvHeads, seq, headDim] of the real rows into the cache at positions position ...
      for (const [src, cache] of [[k, cacheK], [v, cacheV]] as const) {
        const data = src.data as Float32Array;
        for (let h = 0; h < kvHeads; h++)
          cache.set(data.subarray(src.offset + h * seq * headDim, src.offset + (h * seq + tokens.length) * headDim), (h * ctx + this.position) * headDim);
        release(src);
      }
      if (returned !== undefined) release(returned);
      returned = out;
      x = out;
    });
    const outData = (returned as ReturnedArray).data as Float32Array;
    const lastRow = Float32Array.from(outData.subarray((returned as ReturnedArray).offset + (tokens.length - 1) * dim, (returned as ReturnedArray).offset + tokens.length * dim));
    release(returned as ReturnedArray);
    this.position += tokens.length;
    return lastRow;
  }

  private logits(row: Float32Array): Float32Array {
    const x = alignedArray(Float32Array, row.length);
    x.set(row);
    const [logits] = this.kernels.head.call({ data: x, shape: [1, row.length] }, this.head.norm, this.head.weight) as [ReturnedArray];
    const data = logits.data as Float32Array;
    const out = Float32Array.from(data.subarray(logits.offset, logits.offset + this.config.vocab));
    release(logits);
    return out;
  }

  reset(): void {
    this.position = 0;
    // Positions at or after `position` are masked out, so stale entries are never read; zero them anyway.
    for (const c of [...this.cacheK, ...this.cacheV]) c.fill(0);
  }

  dispose(): void {
    this.position = 0;
  }
}
