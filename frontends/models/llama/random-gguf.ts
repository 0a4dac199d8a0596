/**
 * LLaMA GGUF files with random weights and the real LLaMA-2 vocabulary: what the tests, the demo and the
 * benchmark run (no trained weights can be downloaded on these machines). llama.cpp loads them as it loads a
 * converted LLaMA-2 file: `general.architecture = llama`, the `llama.*` hyperparameters, the SentencePiece
 * vocabulary (`tokenizer.ggml.*`, see llama2-vocab.ts), llama.cpp's tensor names and layouts.
 *
 * Weights are deterministic in (seed, tensor name): each tensor has its own small PRNG (mulberry32) seeded from
 * both, so any tensor can be regenerated alone and tensors are produced one at a time while the file is written
 * (the TinyLlama-1.1B shape in f32 is 4.4 GB; only its largest tensor, the embedding, is in memory at once).
 * Values are uniform with the variance chosen to keep activations and logits well conditioned:
 * - linear W[out][in]: variance 1/in, so each output has about the RMS of its (normalized) input;
 * - norms: 1 ± 0.1;
 * - the output head: logits of standard deviation about `logitStd` (default 2) after the final RMSNorm;
 * - the embedding: variance 1 when untied; when tied it is the output head, so it has the head's scale.
 * Linear weights and the embedding are stored in `weightType`; norms stay f32, as in llama.cpp's quantized files.
 */
import { encodeBF16, encodeF16, GGMLType, quantizeQ8_0 } from "../../gguf/ggml-types.ts";
import type { GGUFValue } from "../../gguf/reader.ts";
import { type GGUFTensorToWrite, writeGGUF } from "../../gguf/writer.ts";
import { llama2Vocabulary } from "./llama2-vocab.ts";
import { type LlamaConfig, tensorNames, type WeightType } from "./types.ts";

/** The hyperparameters a random model is made with (the vocabulary is always LLaMA-2's 32000 pieces). */
export interface RandomLlamaShape {
  readonly dim: number;
  readonly layers: number;
  readonly heads: number;
  readonly kvHeads: number;
  /** The SwiGLU hidden size. */
  readonly hidden: number;
  readonly contextLength: number;
  /** Default 1e-5. */
  readonly normEps?: number;
  /** Default 10000. */
  readonly ropeTheta?: number;
  readonly ropeScaling?: { readonly type: "linear"; readonly factor: number };
}

/** The shapes the tests, the demo and the benchmark use. Every size is a multiple of 32 (q8_0 blocks). */
export const shapes = {
  /** The smallest: quick tests. */
  tiny: { dim: 64, layers: 2, heads: 4, kvHeads: 4, hidden: 192, contextLength: 256 },
  /** llama2.c's stories15M: dim 288, 6 layers, 6 heads (head size 48). */
  stories15M: { dim: 288, layers: 6, heads: 6, kvHeads: 6, hidden: 768, contextLength: 256 },
  /** Grouped-query attention: 8 query heads share 2 key/value heads. */
  gqa: { dim: 256, layers: 4, heads: 8, kvHeads: 2, hidden: 768, contextLength: 512 },
  /** llama2.c's stories110M: dim 768, 12 layers, 12 heads. */
  dim768: { dim: 768, layers: 12, heads: 12, kvHeads: 12, hidden: 2048, contextLength: 1024 },
  /** TinyLlama-1.1B: dim 2048, 22 layers, 32 heads, 4 KV heads, FFN 5632 (the benchmark's; 4.4 GB in f32). */
  tinyllama: { dim: 2048, layers: 22, heads: 32, kvHeads: 4, hidden: 5632, contextLength: 2048 },
} as const satisfies Record<string, RandomLlamaShape>;

export interface RandomGGUFOptions {
  /** Seed of the weights (default 1). */
  readonly seed?: number;
  /** Type of the linear weights and the embedding (default f32); norms are always f32. */
  readonly weightType?: WeightType;
  /** Whether the output head reuses `token_embd` (no `output` tensor; default false). */
  readonly tied?: boolean;
  /** Standard deviation of the logits the output head gives (default 2). */
  readonly logitStd?: number;
  /** `general.name` (default "tensile-random-llama"). */
  readonly name?: string;
  /**
   * Metadata to write instead of (same key) or besides what this module writes: e.g. a changed vocabulary
   * (`tokenizer.ggml.token_type`) or `tokenizer.ggml.add_space_prefix`, for the tokenizer's tests.
   */
  readonly metadata?: Readonly<Record<string, GGUFValue>>;
}

/** What was written. */
export interface RandomGGUF {
  readonly path: string;
  /** The configuration a reader of the file gets (f32 metadata values rounded to f32). */
  readonly config: LlamaConfig;
  readonly weightType: WeightType;
  readonly seed: number;
}

const VOCAB = 32000;

const ggmlTypeOf: Record<WeightType, number> = { f32: GGMLType.F32, f16: GGMLType.F16, bf16: GGMLType.BF16, q8_0: GGMLType.Q8_0 };
/** `general.file_type` (llama.cpp's `llama_ftype`): ALL_F32, MOSTLY_F16, MOSTLY_BF16, MOSTLY_Q8_0. */
const fileTypeOf: Record<WeightType, number> = { f32: 0, f16: 1, bf16: 32, q8_0: 7 };

/** The LlamaConfig of a random model of this shape. */
export function randomLlamaConfig(shape: RandomLlamaShape, tied = false): LlamaConfig {
  return {
    dim: shape.dim,
    layers: shape.layers,
    heads: shape.heads,
    kvHeads: shape.kvHeads,
    headDim: shape.dim / shape.heads,
    hidden: shape.hidden,
    vocab: VOCAB,
    contextLength: shape.contextLength,
    normEps: Math.fround(shape.normEps ?? 1e-5),
    ropeTheta: Math.fround(shape.ropeTheta ?? 10000),
    ...(shape.ropeScaling ? { ropeScaling: { type: "linear", factor: Math.fround(shape.ropeScaling.factor) } } : {}),
    ropeStyle: "norm",
    tiedEmbeddings: tied,
  };
}

function checkShape(s: RandomLlamaShape, weightType: WeightType): void {
  const ints: (keyof RandomLlamaShape)[] = ["dim", "layers", "heads", "kvHeads", "hidden", "contextLength"];
  for (const k of ints) {
    const v = s[k];
    if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) throw new Error(`random LLaMA shape: ${k} must be a positive integer, got ${String(v)}`);
  }
  if (s.dim % s.heads !== 0) throw new Error(`random LLaMA shape: dim ${s.dim} is not a multiple of heads ${s.heads}`);
  if (s.heads % s.kvHeads !== 0) throw new Error(`random LLaMA shape: heads ${s.heads} is not a multiple of kvHeads ${s.kvHeads}`);
  if ((s.dim / s.heads) % 2 !== 0) throw new Error(`random LLaMA shape: the head size ${s.dim / s.heads} must be even (RoPE rotates pairs)`);
  if (weightType === "q8_0" && (s.dim % 32 !== 0 || s.hidden % 32 !== 0)) {
    throw new Error(`random LLaMA shape: q8_0 needs dim and hidden to be multiples of 32, got ${s.dim} and ${s.hidden}`);
  }
}

/** A 32-bit hash of a tensor name and the seed (FNV-1a, then mixed with the seed). */
function tensorSeed(seed: number, name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h ^ Math.imul(seed | 0, 0x9e3779b9)) >>> 0;
}

/** `n` values uniform in [center - halfWidth, center + halfWidth), from mulberry32 seeded by (seed, name). */
export function randomUniform(seed: number, name: string, n: number, center: number, halfWidth: number): Float32Array {
  const out = new Float32Array(n);
  let a = tensorSeed(seed, name);
  const scale = (2 * halfWidth) / 4294967296;
  const low = center - halfWidth;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = low + ((t ^ (t >>> 14)) >>> 0) * scale;
  }
  return out;
}

/** Uniform values with standard deviation `std`, mean 0. */
const randomWeights = (seed: number, name: string, n: number, std: number) => randomUniform(seed, name, n, 0, Math.sqrt(3) * std);

function encode(values: Float32Array, type: WeightType): ArrayBufferView {
  switch (type) {
    case "f32": return values;
    case "f16": return encodeF16(values);
    case "bf16": return encodeBF16(values);
    case "q8_0": return quantizeQ8_0(values);
  }
}

/** The vocabulary's metadata, built once (32000 strings). */
let vocabMetadata: [string, GGUFValue][] | undefined;
function tokenizerMetadata(): [string, GGUFValue][] {
  if (vocabMetadata !== undefined) return vocabMetadata;
  const v = llama2Vocabulary();
  vocabMetadata = [
    ["tokenizer.ggml.model", { type: "string", value: "llama" }],
    ["tokenizer.ggml.tokens", { type: "array", itemType: "string", items: v.tokens.map((value) => ({ type: "string", value })) }],
    ["tokenizer.ggml.scores", { type: "array", itemType: "f32", items: Array.from(v.scores, (value) => ({ type: "f32", value })) }],
    ["tokenizer.ggml.token_type", { type: "array", itemType: "i32", items: Array.from(v.types, (value) => ({ type: "i32", value })) }],
    ["tokenizer.ggml.bos_token_id", { type: "u32", value: v.bos }],
    ["tokenizer.ggml.eos_token_id", { type: "u32", value: v.eos }],
    ["tokenizer.ggml.unknown_token_id", { type: "u32", value: v.unk }],
    ["tokenizer.ggml.add_bos_token", { type: "bool", value: true }],
    ["tokenizer.ggml.add_eos_token", { type: "bool", value: false }],
  ];
  return vocabMetadata;
}

/**
 * Writes a LLaMA GGUF v3 file with random weights at `path` (through a temp file and a rename). Deterministic:
 * the same shape, options and seed give the same bytes.
 */
export function writeRandomLlamaGGUF(path: string, shape: RandomLlamaShape, options: RandomGGUFOptions = {}): RandomGGUF {
  const weightType = options.weightType ?? "f32";
  const seed = options.seed ?? 1;
  const tied = options.tied ?? false;
  const logitStd = options.logitStd ?? 2;
  checkShape(shape, weightType);
  const config = randomLlamaConfig(shape, tied);
  const { dim, hidden, headDim, kvHeads } = config;
  const kvDim = kvHeads * headDim;
  const u32 = (value: number): GGUFValue => ({ type: "u32", value });
  const f32 = (value: number): GGUFValue => ({ type: "f32", value });
  const metadata: [string, GGUFValue][] = [
    ["general.architecture", { type: "string", value: "llama" }],
    ["general.name", { type: "string", value: options.name ?? "tensile-random-llama" }],
    ["general.file_type", u32(fileTypeOf[weightType])],
    ["llama.context_length", u32(config.contextLength)],
    ["llama.embedding_length", u32(dim)],
    ["llama.block_count", u32(config.layers)],
    ["llama.feed_forward_length", u32(hidden)],
    ["llama.rope.dimension_count", u32(headDim)],
    ["llama.attention.head_count", u32(config.heads)],
    ["llama.attention.head_count_kv", u32(kvHeads)],
    ["llama.attention.layer_norm_rms_epsilon", f32(config.normEps)],
    ["llama.rope.freq_base", f32(config.ropeTheta)],
    ...(config.ropeScaling
      ? ([["llama.rope.scaling.type", { type: "string", value: "linear" }], ["llama.rope.scaling.factor", f32(config.ropeScaling.factor)]] as [string, GGUFValue][])
      : []),
    ["llama.vocab_size", u32(VOCAB)],
    ...tokenizerMetadata(),
  ];

  for (const [key, value] of Object.entries(options.metadata ?? {})) {
    const at = metadata.findIndex(([k]) => k === key);
    if (at >= 0) metadata[at] = [key, value];
    else metadata.push([key, value]);
  }

  const tensors: GGUFTensorToWrite[] = [];
  /** A matrix W[out][in] (GGUF dims [in, out]) of standard deviation `std`, in the weight type. */
  const matrix = (name: string, out: number, inner: number, std: number) =>
    tensors.push({ name: `${name}.weight`, dims: [inner, out], type: ggmlTypeOf[weightType], data: () => encode(randomWeights(seed, name, out * inner, std), weightType) });
  const norm = (name: string) =>
    tensors.push({ name: `${name}.weight`, dims: [dim], type: GGMLType.F32, data: () => randomUniform(seed, name, dim, 1, 0.1) });

  const headStd = logitStd / Math.sqrt(dim);
  matrix(tensorNames.embedding, VOCAB, dim, tied ? headStd : 1);
  for (let i = 0; i < config.layers; i++) {
    const n = tensorNames.layer(i);
    norm(n.attnNorm);
    matrix(n.q, dim, dim, 1 / Math.sqrt(dim));
    matrix(n.k, kvDim, dim, 1 / Math.sqrt(dim));
    matrix(n.v, kvDim, dim, 1 / Math.sqrt(dim));
    matrix(n.o, dim, dim, 1 / Math.sqrt(dim));
    norm(n.ffnNorm);
    matrix(n.gate, hidden, dim, 1 / Math.sqrt(dim));
    matrix(n.up, hidden, dim, 1 / Math.sqrt(dim));
    matrix(n.down, dim, hidden, 1 / Math.sqrt(hidden));
  }
  norm(tensorNames.outputNorm);
  if (!tied) matrix(tensorNames.output, VOCAB, dim, headStd);

  writeGGUF(path, { metadata, tensors });
  return { path, config, weightType, seed };
}
