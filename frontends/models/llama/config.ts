/**
 * A LLaMA model's configuration from GGUF metadata (`llama.*` keys, as llama.cpp's `llm_load_hparams` reads them
 * for the llama architecture). A missing key or one of the wrong type is a LlamaError naming the key.
 *
 * Keys read: `general.architecture` ("llama"), `llama.embedding_length`, `llama.block_count`,
 * `llama.attention.head_count`, `llama.attention.head_count_kv` (default: head_count), `llama.feed_forward_length`,
 * `llama.context_length`, `llama.attention.layer_norm_rms_epsilon`, `llama.rope.freq_base` (default 10000),
 * `llama.rope.dimension_count` and `llama.attention.key_length` (default: the head size), `llama.rope.scaling.type`
 * and `llama.rope.scaling.factor` (linear only). The vocabulary size is `token_embd`'s rows, else the length of
 * `tokenizer.ggml.tokens`, else `llama.vocab_size`. Tensors are found as `<name>.weight` (llama.cpp's files) or `<name>`. GGUF files of the llama architecture use RoPE's NORM style.
 */
import type { GGUFFile, GGUFValue } from "../../gguf/index.ts";
import { type LlamaConfig, LlamaError, tensorNames } from "./types.ts";

const integerTypes = new Set(["u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64"]);

/** The configuration of the LLaMA model in `file` (see the header). */
export function configFromGGUF(file: GGUFFile): LlamaConfig {
  const where = file.path;
  const value = (key: string): GGUFValue | undefined => file.get(key);
  const integer = (key: string, fallback?: number): number => {
    const v = value(key);
    if (v === undefined) {
      if (fallback !== undefined) return fallback;
      throw new LlamaError(`${where}: the GGUF metadata has no '${key}' (needed for a llama model)`);
    }
    if (!integerTypes.has(v.type)) throw new LlamaError(`${where}: GGUF metadata '${key}' is a ${v.type}, expected an integer`);
    const raw = (v as { value: number | bigint }).value;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n <= 0) throw new LlamaError(`${where}: GGUF metadata '${key}' is ${String(raw)}, expected a positive integer`);
    return n;
  };
  const float = (key: string, fallback?: number): number => {
    const v = value(key);
    if (v === undefined) {
      if (fallback !== undefined) return fallback;
      throw new LlamaError(`${where}: the GGUF metadata has no '${key}' (needed for a llama model)`);
    }
    if (v.type !== "f32" && v.type !== "f64") throw new LlamaError(`${where}: GGUF metadata '${key}' is a ${v.type}, expected f32`);
    if (!Number.isFinite(v.value) || v.value <= 0) throw new LlamaError(`${where}: GGUF metadata '${key}' is ${v.value}, expected a positive number`);
    return v.value;
  };
  const string = (key: string): string | undefined => {
    const v = value(key);
    if (v === undefined) return undefined;
    if (v.type !== "string") throw new LlamaError(`${where}: GGUF metadata '${key}' is a ${v.type}, expected a string`);
    return v.value;
  };

  const arch = string("general.architecture");
  if (arch === undefined) throw new LlamaError(`${where}: the GGUF metadata has no 'general.architecture'`);
  if (arch !== "llama") throw new LlamaError(`${where}: general.architecture is '${arch}'; only 'llama' models are supported`);

  const dim = integer("llama.embedding_length");
  const layers = integer("llama.block_count");
  const heads = integer("llama.attention.head_count");
  const kvHeads = integer("llama.attention.head_count_kv", heads);
  if (heads % kvHeads !== 0) throw new LlamaError(`${where}: llama.attention.head_count ${heads} is not a multiple of llama.attention.head_count_kv ${kvHeads}`);
  if (dim % heads !== 0 && value("llama.attention.key_length") === undefined)
    throw new LlamaError(`${where}: llama.embedding_length ${dim} is not a multiple of llama.attention.head_count ${heads}`);
  const headDim = integer("llama.attention.key_length", dim / heads);
  const valueLength = integer("llama.attention.value_length", headDim);
  if (valueLength !== headDim) throw new LlamaError(`${where}: llama.attention.value_length ${valueLength} differs from key_length ${headDim} (not supported)`);
  if (headDim % 2 !== 0) throw new LlamaError(`${where}: the head size ${headDim} is odd (RoPE rotates pairs)`);
  const ropeDims = integer("llama.rope.dimension_count", headDim);
  if (ropeDims !== headDim) throw new LlamaError(`${where}: llama.rope.dimension_count ${ropeDims} differs from the head size ${headDim} (partial RoPE is not supported)`);

  const scalingType = string("llama.rope.scaling.type");
  let ropeScaling: LlamaConfig["ropeScaling"];
  if (scalingType === "linear") ropeScaling = { type: "linear", factor: float("llama.rope.scaling.factor") };
  else if (scalingType !== undefined && scalingType !== "none")
    throw new LlamaError(`${where}: llama.rope.scaling.type '${scalingType}' is not supported (linear or none)`);
  else if (value("llama.rope.scale_linear") !== undefined) {
    const factor = float("llama.rope.scale_linear");
    if (factor !== 1) ropeScaling = { type: "linear", factor };
  }

  const named = (name: string) => file.tensors.find((t) => t.name === `${name}.weight` || t.name === name);
  const embedding = named(tensorNames.embedding);
  let vocab: number;
  if (embedding !== undefined) {
    if (embedding.dims.length !== 2) throw new LlamaError(`${where}: tensor '${tensorNames.embedding}' has dims [${embedding.dims}], expected [dim, vocab]`);
    vocab = embedding.dims[1] as number;
  } else {
    const tokens = value("tokenizer.ggml.tokens");
    if (tokens?.type === "array") vocab = tokens.items.length;
    else vocab = integer("llama.vocab_size");
  }

  return {
    dim,
    layers,
    heads,
    kvHeads,
    headDim,
    hidden: integer("llama.feed_forward_length"),
    vocab,
    contextLength: integer("llama.context_length"),
    normEps: float("llama.attention.layer_norm_rms_epsilon"),
    ropeTheta: float("llama.rope.freq_base", 10000),
    ...(ropeScaling === undefined ? {} : { ropeScaling }),
    ropeStyle: "norm",
    tiedEmbeddings: named(tensorNames.output) === undefined,
  };
}
