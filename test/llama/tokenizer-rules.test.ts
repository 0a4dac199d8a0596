/**
 * The tokenizer's rules on small hand-made vocabularies (merge priority and ties, byte fallback, UNK, special
 * pieces, the space prefix), and its errors: a bad GGUF vocabulary or tokenizer.json is a TokenizerError
 * naming the key, never a crash or a silently wrong tokenizer.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { GGUFValue } from "../../frontends/gguf/index.ts";
import { loadTokenizer, Tokenizer, TokenizerError, tokenizerFromJSON, TokenType, type Vocabulary, vocabularyFromGGUF } from "../../frontends/tokenizer/index.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-tokenizer-rules-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** <unk> <s> </s>, the 256 byte pieces, then `pieces` with their scores (all normal). */
function vocabulary(pieces: readonly (readonly [string, number])[], extra: Partial<Vocabulary> = {}): Vocabulary {
  const bytes = Array.from({ length: 256 }, (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
  const tokens = ["<unk>", "<s>", "</s>", ...bytes, ...pieces.map(([p]) => p)];
  const types = Int32Array.from(tokens, (_, i) => (i === 0 ? TokenType.unknown : i < 3 ? TokenType.control : i < 259 ? TokenType.byte : TokenType.normal));
  const scores = Float32Array.from(tokens, (_, i) => (i < 259 ? 0 : (pieces[i - 259] as readonly [string, number])[1]));
  return { tokens, scores, types, bos: 1, eos: 2, unk: 0, addBos: true, addSpacePrefix: true, ...extra };
}
const at = (v: Vocabulary, piece: string) => v.tokens.indexOf(piece);

test("SentencePiece: the pair whose piece scores highest merges first; on equal scores the leftmost", () => {
  const higherBa = vocabulary([["a", -1], ["b", -1], ["ab", -5], ["ba", -3]], { addSpacePrefix: false });
  assert.equal(new Tokenizer(higherBa).encode("aba", { addBos: false }), [at(higherBa, "a"), at(higherBa, "ba")]);
  const tie = vocabulary([["a", -1], ["b", -1], ["ab", -4], ["ba", -4]], { addSpacePrefix: false });
  assert.equal(new Tokenizer(tie).encode("aba", { addBos: false }), [at(tie, "ab"), at(tie, "a")]);
  // Merges go on through intermediate pieces: "a b" -> "ab", "ab c" -> "abc".
  const chain = vocabulary([["a", -1], ["b", -1], ["c", -1], ["ab", -2], ["abc", -3], ["▁", -1]]);
  assert.equal(new Tokenizer(chain).encode("abc", { addBos: true }), [1, at(chain, "▁"), at(chain, "abc")]);
});

test("byte fallback, a missing byte piece, the space prefix and special pieces", () => {
  const v = vocabulary([["▁", -1], ["x", -1], ["▁x", -2]]);
  const tok = new Tokenizer(v);
  // "é" has no piece: its two UTF-8 bytes.
  assert.equal(tok.encode("é", { addBos: false }), [at(v, "▁"), 3 + 0xc3, 3 + 0xa9]);
  assert.is(tok.decode(tok.encode("é x")), "é x");
  // The prefix goes before the start and after each special token; not after plain text.
  assert.equal(tok.encode("x</s>x", { addBos: false, parseSpecial: true }), [at(v, "▁x"), 2, at(v, "▁x")]);
  assert.equal(new Tokenizer({ ...v, addSpacePrefix: false }).encode("x", { addBos: false }), [at(v, "x")]);
  const noBytes: Vocabulary = { ...v, tokens: v.tokens.map((t, i) => (i >= 3 && i < 259 ? `b${i}` : t)), types: Int32Array.from(v.types, (t) => (t === TokenType.byte ? TokenType.normal : t)) };
  assert.throws(() => new Tokenizer(noBytes).encode("é"), (e: unknown) => e instanceof TokenizerError && /no piece for the byte 0xC3/.test(e.message));
});

const metadata = (over: Record<string, GGUFValue | undefined>) => {
  const v = vocabulary([["▁", -1]]);
  const base: Record<string, GGUFValue> = {
    "tokenizer.ggml.model": { type: "string", value: "llama" },
    "tokenizer.ggml.tokens": { type: "array", itemType: "string", items: v.tokens.map((value) => ({ type: "string", value })) },
    "tokenizer.ggml.scores": { type: "array", itemType: "f32", items: Array.from(v.scores, (value) => ({ type: "f32", value })) },
    "tokenizer.ggml.token_type": { type: "array", itemType: "i32", items: Array.from(v.types, (value) => ({ type: "i32", value })) },
  };
  const all = { ...base, ...over };
  return new Map(Object.entries(all).filter((e): e is [string, GGUFValue] => e[1] !== undefined));
};

test("a bad GGUF vocabulary is a TokenizerError naming the key", () => {
  assert.is(vocabularyFromGGUF(metadata({})).tokens.length, 260);
  const fails = (over: Record<string, GGUFValue | undefined>, message: RegExp) =>
    assert.throws(() => vocabularyFromGGUF(metadata(over)), (e: unknown) => e instanceof TokenizerError && message.test(e.message), String(message));
  fails({ "tokenizer.ggml.model": undefined }, /'tokenizer.ggml.model' is missing/);
  fails({ "tokenizer.ggml.model": { type: "string", value: "gpt2" } }, /tokenizer model 'gpt2' is not supported/);
  fails({ "tokenizer.ggml.tokens": undefined }, /'tokenizer.ggml.tokens' is missing/);
  fails({ "tokenizer.ggml.scores": undefined }, /'tokenizer.ggml.scores' is missing/);
  fails({ "tokenizer.ggml.token_type": { type: "u32", value: 1 } }, /'tokenizer.ggml.token_type' must be an array, it is a u32/);
  fails({ "tokenizer.ggml.tokens": { type: "array", itemType: "i32", items: [] } }, /must be an array of string, it holds i32/);
  fails({ "tokenizer.ggml.scores": { type: "array", itemType: "f32", items: [{ type: "f32", value: 0 }] } }, /260 tokens but 1 scores/);
  fails({ "tokenizer.ggml.bos_token_id": { type: "u32", value: 999 } }, /the BOS id 999 is not in the vocabulary of 260 tokens/);
  fails({ "tokenizer.ggml.eos_token_id": { type: "string", value: "2" } }, /'tokenizer.ggml.eos_token_id' must be a u32 or i32/);
  fails({ "tokenizer.ggml.add_bos_token": { type: "u8", value: 1 } }, /'tokenizer.ggml.add_bos_token' must be a bool/);
  const types = metadata({}).get("tokenizer.ggml.token_type") as Extract<GGUFValue, { type: "array" }>;
  fails({ "tokenizer.ggml.token_type": { ...types, items: types.items.map((t, i) => (i === 5 ? { type: "i32", value: 9 } : t)) } }, /token 5 has type 9/);
  fails({ "tokenizer.ggml.token_type": { ...types, items: types.items.map((t, i) => (i === 259 ? { type: "i32", value: TokenType.byte } : t)) } }, /byte token 259 is '▁', not <0xNN>/);
});

const json = () => ({
  added_tokens: [{ id: 0, content: "<unk>", special: true }, { id: 1, content: "<s>", special: true }, { id: 2, content: "</s>", special: true }],
  normalizer: { type: "Sequence", normalizers: [{ type: "Prepend", prepend: "▁" }, { type: "Replace", pattern: { String: " " }, content: "▁" }] },
  pre_tokenizer: null,
  post_processor: null,
  model: { type: "BPE", unk_token: "<unk>", byte_fallback: false, fuse_unk: true, vocab: { "<unk>": 0, "<s>": 1, "</s>": 2, "▁": 3, a: 4, b: 5, "▁a": 6, ab: 7 }, merges: ["▁ a", ["a", "b"]] },
});

test("tokenizer.json: BPE by merge rank, UNK fused, no BOS without a template; errors name the field", () => {
  const tok = tokenizerFromJSON(json());
  assert.not.ok(tok.addBos);
  // "▁ab": rank 0 ("▁" "a") before rank 1 ("a" "b").
  assert.equal(tok.encode("ab"), [6, 5]);
  assert.equal(tok.encode("ab", { addBos: true }), [1, 6, 5]);
  // Unknown characters without byte fallback: one UNK for a run of them.
  assert.equal(tok.encode("a€€b", { addBos: false }), [6, 0, 5]);
  const metaspace = tokenizerFromJSON({ ...json(), normalizer: null, pre_tokenizer: { type: "Metaspace", replacement: "▁", split: false, prepend_scheme: "first" } });
  assert.equal(metaspace.encode("a<s>a", { addBos: false, parseSpecial: true }), [6, 1, 4], "prepend_scheme first: no prefix after a special token");

  // The decoder decides whether the leading space goes: LLaMA-2's Sequence ends in Strip; without it, it stays.
  const strip = { type: "Sequence", decoders: [{ type: "Replace", pattern: { String: "▁" }, content: " " }, { type: "ByteFallback" }, { type: "Fuse" }, { type: "Strip", content: " ", start: 1, stop: 0 }] };
  assert.is(tokenizerFromJSON({ ...json(), decoder: strip }).decode([6, 5]), "ab");
  assert.is(tokenizerFromJSON({ ...json(), decoder: { ...strip, decoders: strip.decoders.slice(0, 3) } }).decode([6, 5]), " ab");
  assert.is(tok.decode([6, 5]), "ab", "no decoder: stripped, as a space is prefixed");

  const fails = (value: unknown, message: RegExp) =>
    assert.throws(() => tokenizerFromJSON(value), (e: unknown) => e instanceof TokenizerError && message.test(e.message), String(message));
  fails({ ...json(), decoder: { type: "WordPiece" } }, /decoder WordPiece is not supported/);
  fails({ ...json(), added_tokens: [{ id: 1, content: "<s>", special: true, lstrip: true }] }, /added token 1 "<s>": lstrip is not supported/);
  fails({}, /model: expected a BPE model, found nothing/);
  fails({ ...json(), model: { ...json().model, type: "Unigram" } }, /model.type: expected "BPE", found "Unigram"/);
  fails({ ...json(), model: { ...json().model, vocab: { a: -1 } } }, /model.vocab.a: expected a non-negative integer, found -1/);
  fails({ ...json(), normalizer: { type: "NFKC" } }, /normalizer NFKC is not supported/);
  fails({ ...json(), model: { ...json().model, dropout: 0.1 } }, /dropout is not supported/);
  fails({ ...json(), model: { ...json().model, merges: ["a c"] } }, /merge 0's right piece "c" is not in the vocabulary/);
  fails({ ...json(), model: { ...json().model, merges: ["b a"] } }, /merge 0's result "ba" is not in the vocabulary/);
  fails({ ...json(), model: { ...json().model, vocab: { ...json().model.vocab, z: 10 } } }, /the ids are not 0..8: 8 has no piece/);
  fails({ ...json(), added_tokens: [{ id: 4, content: "<x>", special: true }] }, /added token 4 "<x>" has the vocabulary's id of "a"/);

  const bad = join(dir, "bad.json");
  writeFileSync(bad, "{ not json");
  assert.throws(() => loadTokenizer(bad), /bad.json: not a JSON file/);
});

test.run();
