/**
 * The contracts between the parts of the LLaMA path (frontends/models/llama): the model's configuration, where
 * its weights come from (GGUF or safetensors), the compiled model and its sessions, and sampling. Each part
 * implements one of these in its own file; the CLI (cli/tensile-llama.ts), the demo and the benchmark use only
 * these.
 *
 * Naming: tensors are named as llama.cpp names them in GGUF files (`token_embd`, `blk.N.attn_q`, ...; see
 * `tensorNames`), whatever the file format; a safetensors source maps Hugging Face's names onto these.
 */

/** The hyperparameters of a LLaMA-style decoder (GGUF `llama.*` metadata, or a Hugging Face config.json). */
export interface LlamaConfig {
  /** The embedding length (`llama.embedding_length`, HF `hidden_size`). */
  readonly dim: number;
  /** Decoder blocks (`llama.block_count`, HF `num_hidden_layers`). */
  readonly layers: number;
  /** Query heads (`llama.attention.head_count`, HF `num_attention_heads`). */
  readonly heads: number;
  /** Key/value heads: fewer than `heads` for grouped-query attention (`llama.attention.head_count_kv`). */
  readonly kvHeads: number;
  /** `dim / heads` unless the file says otherwise (`llama.rope.dimension_count` when it is the head size). */
  readonly headDim: number;
  /** The SwiGLU hidden size (`llama.feed_forward_length`, HF `intermediate_size`). */
  readonly hidden: number;
  /** Vocabulary size (the embedding's rows). */
  readonly vocab: number;
  /** The context length the model was trained for (`llama.context_length`, HF `max_position_embeddings`). */
  readonly contextLength: number;
  /** RMSNorm epsilon (`llama.attention.layer_norm_rms_epsilon`, HF `rms_norm_eps`). */
  readonly normEps: number;
  /** RoPE base (`llama.rope.freq_base`, HF `rope_theta`; 10000 when absent). */
  readonly ropeTheta: number;
  /** Linear RoPE scaling: positions are divided by `factor` (`llama.rope.scaling.*`, HF `rope_scaling`). */
  readonly ropeScaling?: { readonly type: "linear"; readonly factor: number };
  /**
   * Which elements RoPE rotates together: "norm" rotates adjacent pairs (x[2i], x[2i+1]) as llama.cpp does for
   * the llama architecture (GGUF files, whose q/k rows were permuted when converted); "neox" rotates
   * (x[i], x[i + headDim/2]) as Hugging Face's checkpoints expect (safetensors, unpermuted).
   */
  readonly ropeStyle: "norm" | "neox";
  /** Whether the output head reuses `token_embd` (no `output` tensor). */
  readonly tiedEmbeddings: boolean;
}

/** The element types weights come in. q8_0: ggml's blocks of 32 (an f16 scale, then 32 int8). */
export type WeightType = "f32" | "f16" | "bf16" | "q8_0";

/** One weight, as it lies in the mapped file (never copied). */
export interface WeightTensor {
  readonly name: string;
  readonly type: WeightType;
  /**
   * Row-major, outermost first, in elements: a linear layer W[out][in] (y = W x) is `[out, in]`, the
   * embedding `[vocab, dim]`, a norm `[dim]`. (GGUF lists dims innermost first: this is its dims reversed.)
   */
  readonly shape: readonly number[];
  /** The raw bytes, a view over the mapping: f32 elements, f16/bf16 bits, or q8_0 blocks (34 bytes per 32). */
  readonly bytes: Uint8Array;
}

/** A model file opened for reading: its configuration and its tensors, memory-mapped. */
export interface WeightSource {
  readonly path: string;
  readonly format: "gguf" | "safetensors";
  readonly config: LlamaConfig;
  /** The tensor of this llama.cpp name, or undefined when the file has none (e.g. `output` when tied). */
  tensor(name: string): WeightTensor | undefined;
  /** Bytes of all tensors (what one decode step reads, plus the embedding). */
  readonly weightBytes: number;
  /** Unmaps the file: every `bytes` view is invalid afterwards. */
  close(): void;
}

/** llama.cpp's tensor names for a LLaMA model. */
export const tensorNames = {
  embedding: "token_embd",
  outputNorm: "output_norm",
  output: "output",
  layer: (i: number) => ({
    attnNorm: `blk.${i}.attn_norm`,
    q: `blk.${i}.attn_q`,
    k: `blk.${i}.attn_k`,
    v: `blk.${i}.attn_v`,
    o: `blk.${i}.attn_output`,
    ffnNorm: `blk.${i}.ffn_norm`,
    gate: `blk.${i}.ffn_gate`,
    up: `blk.${i}.ffn_up`,
    down: `blk.${i}.ffn_down`,
  }),
} as const;

export type LlamaTarget = "host" | "x86_64-avx2" | "x86_64-avx512";

/** Progress of a long step, for progress bars: `done` of `total` units of `phase`. */
export interface Progress {
  readonly phase: "compile" | "load";
  readonly done: number;
  readonly total: number;
  /** What is being worked on (e.g. "layer function, 32 tokens"). */
  readonly label: string;
}

export interface LlamaModelOptions {
  readonly target?: LlamaTarget;
  /** OpenMP team size of the compiled kernels (default 1). */
  readonly threads?: number;
  /** The context length to allocate the KV cache for (default: the model's, capped at 2048). */
  readonly contextLength?: number;
  /** Tokens per prefill call (prompts are processed in chunks of this size; default 32). */
  readonly prefillChunk?: number;
  /** Where compiled kernels are cached (codegen/compile.ts's default); false: none. */
  readonly cacheDir?: string | false;
  readonly onProgress?: (p: Progress) => void;
}

/** Timing of a model's preparation. */
export interface LoadStats {
  /** Seconds spent tracing, lowering and compiling kernels (near zero when all came from the cache). */
  readonly compileSeconds: number;
  /** How many kernels came from the disk cache, of how many. */
  readonly cachedKernels: number;
  readonly kernels: number;
}

/** A compiled model bound to its weights. */
export interface LlamaModel {
  readonly config: LlamaConfig;
  readonly source: WeightSource;
  readonly stats: LoadStats;
  /** A fresh sequence with an empty KV cache. */
  createSession(): LlamaSession;
  /** Unloads the compiled kernels (sessions must not be used afterwards). Does not close the source. */
  dispose(): void;
}

/** One sequence: its KV cache and position. */
export interface LlamaSession {
  /** Tokens evaluated so far (the next token's position). */
  readonly position: number;
  /** The context length of its KV cache. */
  readonly contextLength: number;
  /**
   * Evaluates `tokens` at positions `position ...`, appends them to the cache, and returns the logits after the
   * last one (length vocab, f32). Throws LlamaError when the context would overflow.
   */
  evaluate(tokens: readonly number[]): Float32Array;
  /** Empties the cache. */
  reset(): void;
  dispose(): void;
}

/** How the next token is chosen. temperature 0 is greedy (argmax, the lowest id on ties). */
export interface SamplingOptions {
  readonly temperature?: number;
  /** Keep the k most likely tokens (0: all). */
  readonly topK?: number;
  /** Keep the smallest set whose probability reaches p (1: all). */
  readonly topP?: number;
  /** llama.cpp's repetition penalty over the last `repeatLastN` tokens (1: none). */
  readonly repeatPenalty?: number;
  readonly repeatLastN?: number;
  /** Seed of the sampler's random numbers (same seed, same text). */
  readonly seed?: number;
}

/** The errors of the LLaMA path a user can cause (bad files, context overflow, unsupported weight types). */
export class LlamaError extends Error {
  override readonly name = "LlamaError";
}
