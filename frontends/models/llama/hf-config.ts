/**
 * A Hugging Face `config.json` of a LLaMA-style model (LlamaForCausalLM: LLaMA, LLaMA-2, TinyLlama, ...) decoded
 * into a LlamaConfig with io-ts. A missing or wrong field is a LlamaError naming the field, what was expected and
 * what the file has; settings this path cannot honour (a rope_scaling other than linear, an activation other than
 * SiLU) are named rather than ignored. Fields the model does not need (architectures, torch_dtype, ...) are ignored.
 *
 * Hugging Face checkpoints keep q/k rows in the order their RoPE expects (rotating x[i] with x[i + headDim/2]),
 * unlike GGUF files converted from them (rows permuted for llama.cpp's adjacent pairs): hence ropeStyle "neox".
 */
import { isLeft } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { type LlamaConfig, LlamaError } from "./types.ts";

const positiveInteger = new t.Type<number, number, unknown>(
  "a positive integer",
  (u): u is number => typeof u === "number" && Number.isSafeInteger(u) && u > 0,
  (u, c) => (typeof u === "number" && Number.isSafeInteger(u) && u > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);
const positiveNumber = new t.Type<number, number, unknown>(
  "a positive number",
  (u): u is number => typeof u === "number" && Number.isFinite(u) && u > 0,
  (u, c) => (typeof u === "number" && Number.isFinite(u) && u > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);
/** `rope_scaling`: transformers names the kind `type` (older) or `rope_type` (newer). */
const ropeScaling = t.intersection([
  t.partial({ type: t.string, rope_type: t.string }),
  t.partial({ factor: positiveNumber }),
], "an object with type and factor");

/** The fields of LlamaForCausalLM's config that the model uses. */
export const HFLlamaConfig = t.intersection([
  t.type({
    hidden_size: positiveInteger,
    num_hidden_layers: positiveInteger,
    num_attention_heads: positiveInteger,
    intermediate_size: positiveInteger,
    vocab_size: positiveInteger,
    max_position_embeddings: positiveInteger,
    rms_norm_eps: positiveNumber,
  }, "a config.json object"),
  t.partial({
    num_key_value_heads: t.union([positiveInteger, t.null]),
    head_dim: t.union([positiveInteger, t.null]),
    rope_theta: positiveNumber,
    rope_scaling: t.union([ropeScaling, t.null]),
    tie_word_embeddings: t.boolean,
    hidden_act: t.string,
  }),
], "a LLaMA config.json object");
export type HFLlamaConfig = t.TypeOf<typeof HFLlamaConfig>;

/** "hidden_size: expected a positive integer, found \"4096\"" for the first decode error. */
function describeError(errors: t.Errors): string {
  const e = errors[0];
  if (e === undefined) return "invalid config";
  const path = e.context.map((c) => c.key).filter((k) => k !== "" && !/^\d+$/.test(k)).join(".");
  const expected = e.context[e.context.length - 1]?.type.name ?? "?";
  const found = e.value === undefined ? "nothing (the field is missing)" : JSON.stringify(e.value)?.slice(0, 60);
  return path === "" ? `expected ${expected}, found ${found}` : `${path}: expected ${expected}, found ${found}`;
}

/** Decodes a parsed config.json; `where` (e.g. its path) prefixes the errors. */
export function configFromHF(json: unknown, where = "config.json"): LlamaConfig {
  const decoded = HFLlamaConfig.decode(json);
  if (isLeft(decoded)) throw new LlamaError(`${where}: ${describeError(decoded.left)}`);
  const c = decoded.right;
  const fail = (what: string) => new LlamaError(`${where}: ${what}`);
  if (c.hidden_act !== undefined && c.hidden_act !== "silu") throw fail(`hidden_act '${c.hidden_act}' is not supported (LLaMA's SwiGLU uses 'silu')`);
  const heads = c.num_attention_heads;
  const kvHeads = c.num_key_value_heads ?? heads;
  if (heads % kvHeads !== 0) throw fail(`num_attention_heads ${heads} is not a multiple of num_key_value_heads ${kvHeads}`);
  if (c.head_dim == null && c.hidden_size % heads !== 0) throw fail(`hidden_size ${c.hidden_size} is not a multiple of num_attention_heads ${heads}`);
  const headDim = c.head_dim ?? c.hidden_size / heads;
  if (headDim % 2 !== 0) throw fail(`the head size ${headDim} is odd (RoPE rotates pairs)`);

  let scaling: LlamaConfig["ropeScaling"];
  if (c.rope_scaling != null) {
    const kind = c.rope_scaling.rope_type ?? c.rope_scaling.type;
    if (kind === undefined) throw fail("rope_scaling: expected a type ('linear'), found none");
    if (kind !== "linear") throw fail(`rope_scaling type '${kind}' is not supported (only 'linear')`);
    if (c.rope_scaling.factor === undefined) throw fail("rope_scaling.factor: expected a positive number, found nothing (the field is missing)");
    scaling = { type: "linear", factor: c.rope_scaling.factor };
  }
  return {
    dim: c.hidden_size,
    layers: c.num_hidden_layers,
    heads,
    kvHeads,
    headDim,
    hidden: c.intermediate_size,
    vocab: c.vocab_size,
    contextLength: c.max_position_embeddings,
    normEps: c.rms_norm_eps,
    ropeTheta: c.rope_theta ?? 10000,
    ...(scaling === undefined ? {} : { ropeScaling: scaling }),
    ropeStyle: "neox",
    tiedEmbeddings: c.tie_word_embeddings ?? false,
  };
}
