/**
 * A Hugging Face `tokenizer.json` made from a GGUF SentencePiece vocabulary the way transformers' LlamaConverter
 * makes one from a SentencePiece model: merges are every split of a normal piece into two pieces, ordered by the
 * merged piece's score (highest first), then by the left and right pieces' ids; "<unk>", "<s>", "</s>" are
 * special added tokens; the legacy normalizer (Prepend "▁", Replace " " -> "▁"); BOS added by the
 * post-processor; byte fallback.
 */
import { TokenType, type Vocabulary } from "../../frontends/tokenizer/index.ts";

export function tokenizerJSONFromVocabulary(v: Vocabulary): Record<string, unknown> {
  const ids = new Map(v.tokens.map((p, i) => [p, i]));
  const merges: [string, string, number, number, number][] = [];
  v.tokens.forEach((piece, id) => {
    if (v.types[id] !== TokenType.normal) return;
    const chars = Array.from(piece);
    for (let i = 1; i < chars.length; i++) {
      const left = chars.slice(0, i).join("");
      const right = chars.slice(i).join("");
      const l = ids.get(left);
      const r = ids.get(right);
      if (l !== undefined && r !== undefined) merges.push([left, right, v.scores[id] as number, l, r]);
    }
  });
  merges.sort((a, b) => b[2] - a[2] || a[3] - b[3] || a[4] - b[4]);
  const special = (id: number) => ({ id, content: v.tokens[id], single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [special(0), special(v.bos), special(v.eos)],
    normalizer: { type: "Sequence", normalizers: [{ type: "Prepend", prepend: "▁" }, { type: "Replace", pattern: { String: " " }, content: "▁" }] },
    pre_tokenizer: null,
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: v.tokens[v.bos], type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }],
      pair: [],
      special_tokens: {},
    },
    decoder: {
      type: "Sequence",
      decoders: [{ type: "Replace", pattern: { String: "▁" }, content: " " }, { type: "ByteFallback" }, { type: "Fuse" }, { type: "Strip", content: " ", start: 1, stop: 0 }],
    },
    model: {
      type: "BPE", dropout: null, unk_token: v.tokens[0], continuing_subword_prefix: null, end_of_word_suffix: null,
      fuse_unk: true, byte_fallback: true, ignore_merges: false,
      vocab: Object.fromEntries(v.tokens.map((p, i) => [p, i])),
      merges: merges.map(([l, r]) => `${l} ${r}`),
    },
  };
}
