/**
 * Vocabulary settings beyond LLaMA-2's, against llama.cpp on random-weight GGUF files whose metadata is changed:
 * `tokenizer.ggml.add_space_prefix = false`, `add_bos_token = false`, and user-defined and extra control
 * pieces (which llama.cpp splits out of the text: user-defined ones always, control ones only when parsing
 * special tokens). The ids of the corpus must be llama.cpp's, and decoding must be its detokenize.
 * (llama.cpp also re-types pieces by name — "<|end|>", "<|eot_id|>", "<|im_end|>", FIM names, ... become control
 * pieces — which Tensile does not: LLaMA-2's vocabulary has none of them, and these tests use other names.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { GGUFValue } from "../../frontends/gguf/index.ts";
import { llama2Vocabulary } from "../../frontends/models/llama/llama2-vocab.ts";
import { shapes, writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { loadTokenizer, TokenType } from "../../frontends/tokenizer/index.ts";
import { ReferenceModel } from "../support/llama-cpp.ts";
import { corpus, randomTexts } from "./tokenizer-corpus.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-tokenizer-variants-"));
const models: ReferenceModel[] = [];
test.after(async () => {
  for (const m of models) await m.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const withPieces = ["<|user|> hi<|stop|>", "a<|user|>b", "<|user|><|user|>", "x <ctl> y", "<ctl><|user|>", " <|stop|> ", "<s><|user|>"];
const texts = [...corpus, ...withPieces, ...randomTexts(40, 21).map((t, i) => (i % 3 === 0 ? `${t}<|user|>${t}` : t))];

async function compare(name: string, metadata: Record<string, GGUFValue>) {
  const path = join(dir, `${name}.gguf`);
  writeRandomLlamaGGUF(path, shapes.tiny, { metadata });
  const ref = await ReferenceModel.load(path, { vocabOnly: true });
  models.push(ref);
  const tok = loadTokenizer(path);
  for (const text of texts) {
    for (const parseSpecial of [false, true]) {
      const ids = tok.encode(text, { parseSpecial });
      assert.equal(ids, ref.tokenize(text, { specialTokens: parseSpecial }), `${name}: ${JSON.stringify(text).slice(0, 80)}, parseSpecial ${parseSpecial}`);
      if (ids.length > 0 && tok.tokenType(ids[0] as number) !== TokenType.control) {
        assert.is(tok.decode(ids), ref.detokenize(ids), `${name}: decode of ${JSON.stringify(text).slice(0, 80)}`);
        assert.is(tok.decode(ids, { special: true }), ref.detokenize(ids, { specialTokens: true }));
      }
    }
  }
  return tok;
}

test("add_space_prefix = false: no space before the text; add_bos_token = false is read", async () => {
  const tok = await compare("no-prefix", {
    "tokenizer.ggml.add_space_prefix": { type: "bool", value: false },
    "tokenizer.ggml.add_bos_token": { type: "bool", value: false },
  });
  assert.not.ok(tok.addBos);
  assert.is(tok.spacePrefix, "none");
  assert.equal(tok.encode("The"), [1576]);
});

test("user-defined and extra control pieces are split out as llama.cpp does", async () => {
  const v = llama2Vocabulary();
  // Three rarely used pieces become "<|user|>" and "<|stop|>" (user-defined) and "<ctl>" (control).
  const changed = new Map<number, [string, number]>([[31997, ["<|user|>", TokenType.userDefined]], [31998, ["<|stop|>", TokenType.userDefined]], [31999, ["<ctl>", TokenType.control]]]);
  const tokens = v.tokens.map((t, i) => changed.get(i)?.[0] ?? t);
  const types = Array.from(v.types, (t, i) => changed.get(i)?.[1] ?? t);
  const tok = await compare("added-pieces", {
    "tokenizer.ggml.tokens": { type: "array", itemType: "string", items: tokens.map((value) => ({ type: "string", value })) },
    "tokenizer.ggml.token_type": { type: "array", itemType: "i32", items: types.map((value) => ({ type: "i32", value })) },
  });
  assert.equal(tok.encode("a<|user|>b"), [263, 31997, 289], "a user-defined piece is split out without parseSpecial; the text after it gets the prefix");
  assert.ok(!tok.encode("<ctl>").includes(31999), "a control piece is text unless parseSpecial");
  assert.ok(tok.encode("<ctl>", { parseSpecial: true }).includes(31999));
});

test.run();
