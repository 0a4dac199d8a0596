/**
 * Tensile's tokenizer (frontends/tokenizer) against llama.cpp's (through node-llama-cpp, vocabulary only) on
 * a random-weight GGUF file with the real LLaMA-2 vocabulary: the same ids on a varied corpus and random
 * strings, with and without BOS, with and without special-token parsing; the same tokenizer from a
 * Hugging Face tokenizer.json made from the same vocabulary; decode as llama.cpp's detokenize; round trips;
 * the streaming decoder; and llama-tokenizer-js where it applies.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import llamaTokenizerJs from "llama-tokenizer-js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { GenerationTokenizer } from "../../frontends/models/llama/generate.ts";
import { llama2Vocabulary } from "../../frontends/models/llama/llama2-vocab.ts";
import { shapes, writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { loadTokenizer, type Tokenizer } from "../../frontends/tokenizer/index.ts";
import { ReferenceModel } from "../support/llama-cpp.ts";
import { tokenizerJSONFromVocabulary } from "../support/tokenizer-json.ts";
import { corpus, randomTexts } from "./tokenizer-corpus.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-tokenizer-"));
const ggufPath = join(dir, "vocab.gguf");
writeRandomLlamaGGUF(ggufPath, shapes.tiny, { seed: 1 });
const jsonPath = join(dir, "tokenizer.json");
writeFileSync(jsonPath, JSON.stringify(tokenizerJSONFromVocabulary({ ...llama2Vocabulary(), addBos: true, addSpacePrefix: true })));
const fromGGUF = loadTokenizer(ggufPath);
const fromJSON = loadTokenizer(jsonPath);
// What generation needs of a tokenizer (a type check: it fails to compile if the two drift apart).
const forGeneration: GenerationTokenizer = fromGGUF;
let reference: ReferenceModel | undefined;
const llamaCpp = async () => (reference ??= await ReferenceModel.load(ggufPath, { vocabOnly: true }));
test.after(async () => {
  await reference?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const texts = [...corpus, ...randomTexts(150, 9)];
/** What Node hands llama.cpp: lone surrogates become U+FFFD. */
const wellFormed = (s: string) => Buffer.from(s, "utf8").toString("utf8");

function sameIds(name: string, tok: Tokenizer, ref: ReferenceModel) {
  let checked = 0;
  for (const text of texts) {
    for (const parseSpecial of [false, true]) {
      const expected = ref.tokenize(text, { specialTokens: parseSpecial });
      assert.equal(tok.encode(text, { addBos: false, parseSpecial }), expected, `${name}, ${JSON.stringify(text).slice(0, 80)}, parseSpecial ${parseSpecial}`);
      assert.equal(tok.encode(text, { addBos: true, parseSpecial }), ref.tokenize(text, { addBos: true, specialTokens: parseSpecial }), `${name} with BOS, ${JSON.stringify(text).slice(0, 80)}`);
      checked++;
    }
  }
  return checked;
}

test("the GGUF vocabulary's tokenizer gives llama.cpp's ids on the corpus and random strings, with and without BOS", async () => {
  const ref = await llamaCpp();
  assert.is(fromGGUF.vocabSize, 32000);
  assert.is(fromGGUF.bos, 1);
  assert.is(fromGGUF.eos, 2);
  assert.ok(fromGGUF.addBos);
  assert.equal(fromGGUF.encode("The quick brown fox", { addBos: true }), [1, 450, 4996, 17354, 1701, 29916]);
  assert.equal(fromGGUF.encode("The quick brown fox"), [450, 4996, 17354, 1701, 29916], "no BOS unless asked");
  assert.equal(forGeneration.encode("The quick brown fox"), [450, 4996, 17354, 1701, 29916]);
  assert.equal(fromGGUF.encode("", { addBos: true }), [1], "empty input with BOS is BOS alone");
  assert.equal(fromGGUF.encode(""), []);
  // Byte fallback: a character without a piece is its UTF-8 bytes.
  assert.equal(fromGGUF.encode("🦙", { addBos: false }), [29871, 243, 162, 169, 156]);
  assert.ok(sameIds("gguf", fromGGUF, ref) > 400);
});

test("a tokenizer.json made from the same vocabulary (merge ranks, legacy normalizer) gives the same ids", async () => {
  const ref = await llamaCpp();
  assert.is(fromJSON.vocabSize, 32000);
  assert.ok(fromJSON.addBos, "BOS from the post-processor's template");
  sameIds("tokenizer.json", fromJSON, ref);
});

test("decode(encode(x)) is x; decode is llama.cpp's detokenize; special pieces render only when asked", async () => {
  const ref = await llamaCpp();
  for (const tok of [fromGGUF, fromJSON]) {
    // A "▁" in the text is read back as a space (as llama.cpp does): those texts cannot round-trip.
    for (const text of texts.filter((x) => !x.includes("▁"))) {
      assert.is(tok.decode(tok.encode(text, { addBos: true })), wellFormed(text), `round trip with BOS: ${JSON.stringify(text).slice(0, 80)}`);
      assert.is(tok.decode(tok.encode(text)), wellFormed(text));
    }
  }
  // Random id sequences (bytes that need not form UTF-8, control and unknown tokens in between) decode as
  // llama.cpp's llama_detokenize does when they do not start with a control token (see tokenizer.ts).
  let seed = 3;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let k = 0; k < 300; k++) {
    const ids = Array.from({ length: 1 + Math.floor(next() * 12) }, () => (next() < 0.4 ? 3 + Math.floor(next() * 256) : Math.floor(next() * 32000)));
    if ((ids[0] as number) < 3) ids[0] = 3 + k;
    assert.is(fromGGUF.decode(ids), ref.detokenize(ids), `ids ${ids}`);
    assert.is(fromGGUF.decode([...ids, 0, 1, 2], { special: true }), ref.detokenize([...ids, 0, 1, 2], { specialTokens: true }));
  }
  assert.is(fromGGUF.decode([1, 450, 4996, 2]), "The quick");
  assert.is(fromGGUF.decode([1, 450, 4996, 2], { special: true }), "<s> The quick</s>");
  assert.is(fromGGUF.piece(450), "▁The");
  assert.is(fromGGUF.piece(13), "<0x0A>");
  assert.throws(() => fromGGUF.decode([32000]), /token id 32000 is not in the vocabulary of 32000 tokens/);
  assert.throws(() => fromGGUF.piece(-1), /token id -1/);
});

test("the streaming decoder returns a character once its last byte-fallback token arrives", () => {
  const d = fromGGUF.streamingDecoder();
  const ids = fromGGUF.encode("I 🦙 you", { addBos: true });
  assert.equal(ids.slice(2, 7), [29871, 243, 162, 169, 156], "the llama as four byte pieces");
  const parts = ids.map((id) => d.push(id));
  parts.push(d.flush());
  assert.is(parts.join(""), "I 🦙 you");
  const llama = parts.indexOf(" 🦙".slice(1)) >= 0 ? parts.indexOf("🦙") : parts.findIndex((p) => p.includes("🦙"));
  assert.ok(llama > 0, `the llama comes out whole: ${JSON.stringify(parts)}`);
  assert.ok(parts.slice(0, llama).every((p) => !p.includes("\ufffd")), "no replacement character for the partial bytes");
  assert.equal(parts.slice(llama - 3, llama), ["", "", ""], "the three bytes before the last give no text");
  // Every text of the corpus streams to the same text as decode, with nothing left for flush().
  for (const text of texts.filter((x) => !x.includes("▁"))) {
    const s = fromGGUF.streamingDecoder();
    let out = "";
    for (const id of fromGGUF.encode(text, { addBos: true })) out += s.push(id);
    assert.is(s.flush(), "");
    assert.is(out, wellFormed(text));
  }
  // An incomplete sequence at the end becomes U+FFFD.
  const cut = fromGGUF.streamingDecoder();
  assert.is(cut.push(243) + cut.push(162), "");
  assert.is(cut.flush(), "\ufffd");
});

test("llama-tokenizer-js gives the same ids except where its merge list orders runs of spaces differently", () => {
  let differ = 0;
  for (const text of texts) {
    if (/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) continue; // it encodes lone surrogates otherwise
    const ours = fromGGUF.encode(text, { addBos: false });
    const theirs = llamaTokenizerJs.encode(text, false);
    if (JSON.stringify(ours) === JSON.stringify(theirs)) continue;
    differ++;
    // Our scores -(id - 259) merge "▁▁" first where its merge ranks prefer "▁" + "▁leading" (runs of spaces,
    // the prefixed one included).
    assert.match(` ${text}`.replaceAll("▁", " "), / {2}/, `differs on ${JSON.stringify(text).slice(0, 80)}: ${ours.slice(0, 12)} vs ${theirs.slice(0, 12)}`);
  }
  assert.ok(differ < texts.length / 10, `${differ} texts differ`);
});

test.run();
