/**
 * configFromHF: a LlamaForCausalLM config.json (TinyLlama's, as published) decodes to the LlamaConfig the model
 * needs, with the defaults Hugging Face applies (num_key_value_heads = heads, rope_theta 10000, untied); each
 * missing or wrong field is a LlamaError naming the field, what was expected and what was found.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { configFromHF } from "../../frontends/models/llama/hf-config.ts";
import { LlamaError } from "../../frontends/models/llama/types.ts";

/** TinyLlama/TinyLlama-1.1B-Chat-v1.0's config.json. */
const tinyLlama = {
  architectures: ["LlamaForCausalLM"], attention_bias: false, bos_token_id: 1, eos_token_id: 2, hidden_act: "silu",
  hidden_size: 2048, initializer_range: 0.02, intermediate_size: 5632, max_position_embeddings: 2048,
  model_type: "llama", num_attention_heads: 32, num_hidden_layers: 22, num_key_value_heads: 4, pretraining_tp: 1,
  rms_norm_eps: 1e-5, rope_scaling: null, rope_theta: 10000.0, tie_word_embeddings: false, torch_dtype: "bfloat16",
  transformers_version: "4.35.0", use_cache: true, vocab_size: 32000,
};

test("TinyLlama's config.json", () => {
  assert.equal(configFromHF(tinyLlama), {
    dim: 2048, layers: 22, heads: 32, kvHeads: 4, headDim: 64, hidden: 5632, vocab: 32000, contextLength: 2048,
    normEps: 1e-5, ropeTheta: 10000, ropeStyle: "neox", tiedEmbeddings: false,
  });
});

const minimal = { hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 4, intermediate_size: 96, vocab_size: 50, max_position_embeddings: 128, rms_norm_eps: 1e-6 };

test("defaults: kv heads = heads, rope_theta 10000, untied; optional fields honoured", () => {
  const c = configFromHF(minimal);
  assert.is(c.kvHeads, 4);
  assert.is(c.headDim, 16);
  assert.is(c.ropeTheta, 10000);
  assert.is(c.tiedEmbeddings, false);
  assert.is(c.ropeScaling, undefined);
  const d = configFromHF({ ...minimal, num_key_value_heads: 2, rope_theta: 500000, tie_word_embeddings: true, head_dim: 32, rope_scaling: { type: "linear", factor: 4 } });
  assert.equal([d.kvHeads, d.ropeTheta, d.tiedEmbeddings, d.headDim, d.ropeScaling], [2, 500000, true, 32, { type: "linear", factor: 4 }]);
  assert.equal(configFromHF({ ...minimal, rope_scaling: { rope_type: "linear", factor: 2 } }).ropeScaling, { type: "linear", factor: 2 });
});

function rejects(json: unknown, pattern: RegExp): void {
  try {
    configFromHF(json, "m/config.json");
  } catch (e) {
    assert.instance(e, LlamaError);
    assert.ok(pattern.test((e as Error).message), `${(e as Error).message} does not match ${pattern}`);
    assert.ok((e as Error).message.startsWith("m/config.json: "), "names the file");
    return;
  }
  assert.unreachable(`accepted ${JSON.stringify(json)}`);
}

test("a missing or wrong field is named with what was expected", () => {
  for (const field of Object.keys(minimal)) {
    const { [field]: _, ...without } = minimal as Record<string, unknown>;
    rejects(without, new RegExp(`^m/config.json: ${field}: expected a positive (integer|number), found nothing \\(the field is missing\\)$`));
  }
  rejects({ ...minimal, hidden_size: "64" }, /hidden_size: expected a positive integer, found "64"/);
  rejects({ ...minimal, num_hidden_layers: 2.5 }, /num_hidden_layers: expected a positive integer, found 2.5/);
  rejects({ ...minimal, vocab_size: 0 }, /vocab_size: expected a positive integer, found 0/);
  rejects({ ...minimal, rms_norm_eps: -1 }, /rms_norm_eps: expected a positive number, found -1/);
  rejects({ ...minimal, rope_theta: "x" }, /rope_theta: expected a positive number, found "x"/);
  rejects({ ...minimal, tie_word_embeddings: 1 }, /tie_word_embeddings: expected boolean, found 1/);
  rejects({ ...minimal, num_key_value_heads: -2 }, /num_key_value_heads: expected/);
  rejects({ ...minimal, rope_scaling: { type: "linear", factor: "2" } }, /rope_scaling.factor: expected a positive number, found "2"/);
  rejects({ ...minimal, rope_scaling: { type: "linear" } }, /rope_scaling.factor: expected a positive number, found nothing/);
  rejects({ ...minimal, rope_scaling: { type: "dynamic", factor: 2 } }, /rope_scaling type 'dynamic' is not supported \(only 'linear'\)/);
  rejects({ ...minimal, rope_scaling: { rope_type: "llama3", factor: 8 } }, /rope_scaling type 'llama3' is not supported/);
  rejects({ ...minimal, rope_scaling: { factor: 2 } }, /rope_scaling: expected a type/);
  rejects({ ...minimal, hidden_act: "gelu" }, /hidden_act 'gelu' is not supported/);
  rejects({ ...minimal, num_key_value_heads: 3 }, /num_attention_heads 4 is not a multiple of num_key_value_heads 3/);
  rejects({ ...minimal, hidden_size: 66 }, /hidden_size 66 is not a multiple of num_attention_heads 4/);
  rejects([minimal], /expected a config.json object, found \[/);
  rejects(null, /expected a config.json object, found null/);
});

test.run();
