/**
 * The headline test of the DSL: the LLaMA decoder block of examples/dsl-llama-block.ts (dim 64, 4 query heads
 * over 2 KV heads, RoPE, causal attention over a KV cache, SwiGLU), traced for 5 new tokens after 3 cached
 * ones, against the plain TypeScript block of llama-reference.ts on random inputs and weights:
 * - the DSL graph evaluated in double precision equals the reference to 1e-9 (relative to 1 + |ref|): the
 *   model's decomposition (head grouping, RoPE pairs, mask, cache layout) is right;
 * - the TOSA it traces to, and the Linalg on tensors, are accepted by mlir-opt-16 --verify-each.
 */
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { config, traceBlock } from "../../examples/dsl-llama-block.ts";
import { evaluate, type Traced } from "../../frontends/dsl/index.ts";
import { printOp } from "../../src/text/printer.ts";
import { blockData, maxRelError, past, seq } from "./llama-data.ts";
import { referenceBlock } from "./llama-reference.ts";


let traced: Traced | undefined;
const block = (): Traced => (traced ??= traceBlock(seq, past));

test("the block's arguments are the inputs, then every parameter by its scoped name", () => {
  assert.equal(
    block().arguments.map((a) => `${a.name} [${a.shape.join(",")}]`),
    [
      "x [5,64]",
      "cacheK [2,3,16]",
      "cacheV [2,3,16]",
      "layers.0.attn_norm [64]",
      "layers.0.attn.wq.weight [64,64]",
      "layers.0.attn.wk.weight [64,32]",
      "layers.0.attn.wv.weight [64,32]",
      "layers.0.attn.wo.weight [64,64]",
      "layers.0.ffn_norm [64]",
      "layers.0.mlp.gate.weight [64,172]",
      "layers.0.mlp.up.weight [64,172]",
      "layers.0.mlp.down.weight [172,64]",
    ],
  );
  assert.equal(block().results.map((r) => `${r.name} [${r.shape.join(",")}]`), ["out [5,64]", "cacheK [2,8,16]", "cacheV [2,8,16]"]);
});

test("the DSL block evaluated in double precision equals the plain TypeScript block (1e-9)", () => {
  for (const seed of [1, 2]) {
    const d = blockData(seed);
    const [out, k, v] = evaluate(block(), d.values) as [Float64Array, Float64Array, Float64Array];
    const ref = referenceBlock(config, d.weights, d.x, d.cacheK, d.cacheV, seq, past);
    assert.ok(maxRelError(out, ref.out) < 1e-9, `out: ${maxRelError(out, ref.out)}`);
    assert.ok(maxRelError(k, ref.cacheK) < 1e-9, `cacheK: ${maxRelError(k, ref.cacheK)}`);
    assert.ok(maxRelError(v, ref.cacheV) < 1e-9, `cacheV: ${maxRelError(v, ref.cacheV)}`);
    // The check bites: another seed's weights give another output.
    const other = referenceBlock(config, blockData(seed + 10).weights, d.x, d.cacheK, d.cacheV, seq, past);
    assert.ok(maxRelError(out, other.out) > 1e-3);
  }
});

test("the block's TOSA is accepted by mlir-opt-16 --verify-each", () => {
  const text = printOp(block().module, { ctx: block().ctx, debugInfo: true });
  const r = spawnSync("mlir-opt-16", ["--verify-each", "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  assert.match(text, 'loc("layers.0.attn.scores"');
  assert.match(text, 'loc("layers.0.mlp.gate"');
});

test("the block traced to Linalg on tensors is accepted by mlir-opt-16 --verify-each", () => {
  const linalg = traceBlock(seq, past, "linalg");
  const text = printOp(linalg.module, { ctx: linalg.ctx });
  assert.not.match(text, "tosa.");
  assert.match(text, "linalg.generic");
  const r = spawnSync("mlir-opt-16", ["--verify-each", "-"], { input: text, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
});

test.run();
