/**
 * The real LLaMA / LLaMA-2 SentencePiece vocabulary (32000 pieces) as a GGUF file stores it, built from the
 * pieces the npm package `llama-tokenizer-js` ships (no download: the package carries them, base64-encoded).
 *
 * The package has no scores. SentencePiece BPE merges the pair whose piece has the highest score, and the
 * LLaMA model's piece scores decrease with the id for the merged ("normal") pieces, so -(id - 259) for normal
 * pieces (259 = the first one, "▁▁") reproduces its merge order; the package's own merge list agrees with id
 * order for all but 8 of its 29612 merges. Control, unknown and byte pieces get 0, as in llama.cpp's
 * converted LLaMA files. Token types are llama.cpp's `llama_token_type`.
 */
import llamaTokenizer from "llama-tokenizer-js";
import { TokenType } from "../../tokenizer/vocabulary.ts";

export { TokenType };

/** A SentencePiece vocabulary as GGUF's `tokenizer.ggml.{tokens,scores,token_type}` hold it, plus its specials. */
export interface GGUFVocabulary {
  readonly tokens: readonly string[];
  readonly scores: Float32Array;
  readonly types: Int32Array;
  readonly bos: number;
  readonly eos: number;
  readonly unk: number;
}

/** Id of the first merged piece ("▁▁"): 0 is <unk>, 1 <s>, 2 </s>, 3..258 the bytes <0x00>..<0xFF>. */
const FIRST_NORMAL = 259;

let cached: GGUFVocabulary | undefined;

/** The LLaMA-2 vocabulary (built once per process; treat it as read-only). */
export function llama2Vocabulary(): GGUFVocabulary {
  if (cached !== undefined) return cached;
  const tokens = llamaTokenizer.vocabById;
  if (tokens.length !== 32000 || tokens[1] !== "<s>" || tokens[3] !== "<0x00>" || tokens[FIRST_NORMAL] !== "▁▁") {
    throw new Error("llama-tokenizer-js does not hold the LLaMA-2 vocabulary this code expects (32000 pieces, <s> at 1, <0x00> at 3, ▁▁ at 259)");
  }
  const scores = new Float32Array(tokens.length);
  const types = new Int32Array(tokens.length);
  for (let id = 0; id < tokens.length; id++) {
    if (id === 0) types[id] = TokenType.unknown;
    else if (id < 3) types[id] = TokenType.control;
    else if (id < FIRST_NORMAL) types[id] = TokenType.byte;
    else {
      types[id] = TokenType.normal;
      scores[id] = -(id - FIRST_NORMAL);
    }
  }
  cached = { tokens: [...tokens], scores, types, bos: 1, eos: 2, unk: 0 };
  return cached;
}
