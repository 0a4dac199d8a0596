/**
 * A SentencePiece vocabulary as llama.cpp holds it: one piece per id with its score and token type, the special
 * ids, and the flags that shape encoding (add BOS, prefix a space). Read from GGUF metadata
 * (`tokenizer.ggml.*`), checked before use: a missing array, an array of the wrong item type, arrays of
 * different lengths, a special id outside the vocabulary or an unsupported tokenizer model is a TokenizerError
 * naming the key.
 */
import type { GGUFValue } from "../gguf/reader.ts";

/** A vocabulary or a use of it that the tokenizer cannot take (names the key or the id). */
export class TokenizerError extends Error {
  override readonly name = "TokenizerError";
}

/** llama.cpp's token types (`enum llama_token_type`, GGUF `tokenizer.ggml.token_type`). */
export const TokenType = { undefined: 0, normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export interface Vocabulary {
  /** The pieces, by id ("▁" stands for a space). */
  readonly tokens: readonly string[];
  /** SentencePiece scores: the pair whose merged piece scores highest merges first. */
  readonly scores: ArrayLike<number>;
  /** llama.cpp token types (TokenType). */
  readonly types: ArrayLike<number>;
  readonly bos: number;
  readonly eos: number;
  /** The unknown piece (undefined when the vocabulary has none). */
  readonly unk?: number | undefined;
  /** Whether encode puts BOS first unless told otherwise (`tokenizer.ggml.add_bos_token`, default true). */
  readonly addBos: boolean;
  /**
   * Whether a space is put before text that starts the input or follows a special token, and removed again
   * from the first piece when decoding (`tokenizer.ggml.add_space_prefix`, default true).
   */
  readonly addSpacePrefix: boolean;
}

/** Where GGUF metadata comes from: a GGUFFile's `metadata`, or any map of keys to values. */
export type GGUFMetadata = ReadonlyMap<string, GGUFValue>;

function arrayOf<T>(meta: GGUFMetadata, key: string, itemTypes: readonly string[], take: (v: GGUFValue) => T): T[] {
  const v = meta.get(key);
  if (v === undefined) throw new TokenizerError(`GGUF vocabulary: '${key}' is missing`);
  if (v.type !== "array") throw new TokenizerError(`GGUF vocabulary: '${key}' must be an array, it is a ${v.type}`);
  if (!itemTypes.includes(v.itemType)) throw new TokenizerError(`GGUF vocabulary: '${key}' must be an array of ${itemTypes.join(" or ")}, it holds ${v.itemType}`);
  return v.items.map(take);
}

function optionalId(meta: GGUFMetadata, key: string, fallback: number | undefined): number | undefined {
  const v = meta.get(key);
  if (v === undefined) return fallback;
  if (v.type !== "u32" && v.type !== "i32") throw new TokenizerError(`GGUF vocabulary: '${key}' must be a u32 or i32, it is a ${v.type}`);
  return v.value < 0 ? undefined : v.value;
}

function requiredId(meta: GGUFMetadata, key: string, fallback: number): number {
  const id = optionalId(meta, key, fallback);
  if (id === undefined) throw new TokenizerError(`GGUF vocabulary: '${key}' is negative: the tokenizer needs one`);
  return id;
}

function optionalBool(meta: GGUFMetadata, key: string, fallback: boolean): boolean {
  const v = meta.get(key);
  if (v === undefined) return fallback;
  if (v.type !== "bool") throw new TokenizerError(`GGUF vocabulary: '${key}' must be a bool, it is a ${v.type}`);
  return v.value;
}

/**
 * The vocabulary of a GGUF file's metadata (`tokenizer.ggml.model` = "llama": SentencePiece). Defaults as
 * llama.cpp's: BOS 1, EOS 2, UNK 0, add BOS, prefix a space.
 */
export function vocabularyFromGGUF(meta: GGUFMetadata): Vocabulary {
  const model = meta.get("tokenizer.ggml.model");
  if (model === undefined) throw new TokenizerError("GGUF vocabulary: 'tokenizer.ggml.model' is missing");
  if (model.type !== "string") throw new TokenizerError(`GGUF vocabulary: 'tokenizer.ggml.model' must be a string, it is a ${model.type}`);
  if (model.value !== "llama") {
    throw new TokenizerError(`GGUF vocabulary: tokenizer model '${model.value}' is not supported (only 'llama', SentencePiece BPE)`);
  }
  const tokens = arrayOf(meta, "tokenizer.ggml.tokens", ["string"], (v) => (v.type === "string" ? v.value : ""));
  const scores = Float32Array.from(arrayOf(meta, "tokenizer.ggml.scores", ["f32", "i32"], (v) => (v.type === "f32" || v.type === "i32" ? v.value : 0)));
  const types = Int32Array.from(arrayOf(meta, "tokenizer.ggml.token_type", ["i32"], (v) => (v.type === "i32" ? v.value : 0)));
  const vocabulary: Vocabulary = {
    tokens,
    scores,
    types,
    bos: requiredId(meta, "tokenizer.ggml.bos_token_id", 1),
    eos: requiredId(meta, "tokenizer.ggml.eos_token_id", 2),
    unk: optionalId(meta, "tokenizer.ggml.unknown_token_id", 0),
    addBos: optionalBool(meta, "tokenizer.ggml.add_bos_token", true),
    addSpacePrefix: optionalBool(meta, "tokenizer.ggml.add_space_prefix", true),
  };
  checkVocabulary(vocabulary, "GGUF vocabulary");
  return vocabulary;
}

/** Throws a TokenizerError when the vocabulary's arrays disagree or a special id lies outside it. */
export function checkVocabulary(v: Vocabulary, what: string): void {
  const n = v.tokens.length;
  if (n === 0) throw new TokenizerError(`${what}: no tokens`);
  if (v.scores.length !== n) throw new TokenizerError(`${what}: ${n} tokens but ${v.scores.length} scores`);
  if (v.types.length !== n) throw new TokenizerError(`${what}: ${n} tokens but ${v.types.length} token types`);
  for (const [name, id] of [["BOS", v.bos], ["EOS", v.eos], ["UNK", v.unk]] as const) {
    if (id !== undefined && !(Number.isInteger(id) && id >= 0 && id < n)) throw new TokenizerError(`${what}: the ${name} id ${id} is not in the vocabulary of ${n} tokens`);
  }
  for (let id = 0; id < n; id++) {
    const t = v.types[id] as number;
    if (!Number.isInteger(t) || t < 0 || t > 6) throw new TokenizerError(`${what}: token ${id} has type ${t}, not a llama.cpp token type (0..6)`);
    if (t === TokenType.byte && !/^<0x[0-9A-F]{2}>$/.test(v.tokens[id] as string)) {
      throw new TokenizerError(`${what}: byte token ${id} is '${v.tokens[id]}', not <0xNN>`);
    }
  }
}
