/**
 * LLaMA's tokenizer (SentencePiece BPE with byte fallback, as llama.cpp runs it), from a GGUF file's vocabulary
 * or a Hugging Face tokenizer.json. `loadTokenizer(path)` takes either file.
 */
import { readFileSync } from "node:fs";
import { openGGUF } from "../gguf/reader.ts";
import { Tokenizer } from "./tokenizer.ts";
import { tokenizerFromJSON } from "./tokenizer-json.ts";
import { type GGUFMetadata, TokenizerError, vocabularyFromGGUF } from "./vocabulary.ts";

export * from "./tokenizer.ts";
export * from "./tokenizer-json.ts";
export * from "./vocabulary.ts";

/** The tokenizer of a GGUF file's metadata (`tokenizer.ggml.*`). */
export function tokenizerFromGGUF(metadata: GGUFMetadata): Tokenizer {
  return new Tokenizer(vocabularyFromGGUF(metadata));
}

/** The tokenizer of a `.gguf` file (read, then closed) or a `tokenizer.json`. */
export function loadTokenizer(path: string): Tokenizer {
  if (path.endsWith(".json")) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      throw new TokenizerError(`${path}: not a JSON file (${(e as Error).message})`);
    }
    return tokenizerFromJSON(json);
  }
  const file = openGGUF(path);
  try {
    return tokenizerFromGGUF(file.metadata);
  } finally {
    file.close();
  }
}
