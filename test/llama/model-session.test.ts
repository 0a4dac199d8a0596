/**
 * loadLlamaModel and its sessions against the plain TypeScript forward pass in double precision
 * (model-reference.ts) on tiny random models: grouped-query attention (kvHeads < heads) and not, tied and
 * untied output, f32 / f16 / q8_0 weights; a prompt longer than one prefill chunk (two chunks, the last padded),
 * then single-token decode steps. Logits agree within 1e-4 of the reference's logit range at every step.
 * Also: the compiled kernels are cached on disk by the model's key (a second load neither traces nor lowers),
 * context overflow is a LlamaError, reset empties the cache, progress is reported.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GGMLType, type GGUFTensorToWrite } from "../../frontends/gguf/index.ts";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";
import { LlamaError, type Progress, type WeightType } from "../../frontends/models/llama/types.ts";
import { writeTinyLlama } from "./model-fixtures.ts";
import { ReferenceLlama, relativeToRange } from "./model-reference.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-llama-session-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const cases: { name: string; type: WeightType; tied: boolean; kvHeads: number }[] = [
  { name: "f32, GQA (4 heads, 2 KV heads), untied", type: "f32", tied: false, kvHeads: 2 },
  { name: "f16, tied", type: "f16", tied: true, kvHeads: 4 },
  { name: "q8_0, GQA, untied", type: "q8_0", tied: false, kvHeads: 1 },
];

for (const c of cases) {
  test(`${c.name}: prefill in chunks then decode = the f64 reference (1e-4 of the logit range)`, () => {
    const path = join(dir, `${c.type}-${c.kvHeads}.gguf`);
    writeTinyLlama(path, { dim: 64, layers: 2, heads: 4, kvHeads: c.kvHeads, hidden: 96, vocab: 70, contextLength: 32, tied: c.tied, ropeTheta: 500 }, c.type, 3);
    const source = openGGUFWeights(path);
    const model = loadLlamaModel(source, { prefillChunk: 4, cacheDir: false });
    try {
      const session = model.createSession();
      const reference = new ReferenceLlama(source);
      const prompt = [1, 5, 9, 33, 2, 68, 14];
      let want: Float64Array = new Float64Array(0);
      for (const tok of prompt) want = reference.step(tok);
      let got = session.evaluate(prompt);
      const errors = [relativeToRange(got, want)];
      for (const tok of [7, 42, 0]) {
        want = reference.step(tok);
        got = session.evaluate([tok]);
        errors.push(relativeToRange(got, want));
      }
      assert.is(session.position, prompt.length + 3);
      console.log(`    ${c.name}: largest difference / logit range per step: ${errors.map((e) => e.toExponential(1)).join(" ")}`);
      errors.forEach((e, i) => assert.ok(e <= 1e-4, `step ${i}: ${e}`));
    } finally {
      model.dispose();
      source.close();
    }
  });
}

test("2 OpenMP threads: the same logits as the f64 reference (1e-4 of the range)", () => {
  const path = join(dir, "threads.gguf");
  writeTinyLlama(path, { dim: 64, layers: 1, heads: 4, kvHeads: 2, hidden: 96, vocab: 50, contextLength: 16 }, "q8_0", 9);
  const source = openGGUFWeights(path);
  const model = loadLlamaModel(source, { prefillChunk: 4, cacheDir: false, threads: 2 });
  try {
    const reference = new ReferenceLlama(source);
    const session = model.createSession();
    const prompt = [4, 8, 15, 16, 23];
    let want: Float64Array = new Float64Array(0);
    for (const tok of prompt) want = reference.step(tok);
    assert.ok(relativeToRange(session.evaluate(prompt), want) <= 1e-4);
    assert.ok(relativeToRange(session.evaluate([42]), reference.step(42)) <= 1e-4);
  } finally {
    model.dispose();
    source.close();
  }
});

test("a missing or misshapen tensor, or layers of different weight types, is a LlamaError naming it (before compiling)", () => {
  const shape = { dim: 32, layers: 2, heads: 2, kvHeads: 1, hidden: 64, vocab: 40 };
  const cases: [string, (ts: GGUFTensorToWrite[]) => GGUFTensorToWrite[], RegExp][] = [
    ["missing", (ts) => ts.filter((x) => x.name !== "blk.1.ffn_up.weight"), /has no tensor 'blk\.1\.ffn_up'/],
    ["shape", (ts) => ts.map((x) => (x.name === "blk.0.attn_k.weight" ? { ...x, dims: [32, 32], data: new Float32Array(32 * 32) } : x)), /tensor 'blk\.0\.attn_k' has shape \[32, 32\], expected \[16, 32\]/],
    ["types", (ts) => ts.map((x) => (x.name === "blk.1.ffn_down.weight" ? { ...x, type: GGMLType.F16, data: new Uint16Array(64 * 32) } : x)), /layer 1's weight types .* differ from layer 0's/],
  ];
  for (const [name, edit, message] of cases) {
    const path = join(dir, `bad-${name}.gguf`);
    writeTinyLlama(path, shape, "f32", 2, edit);
    const source = openGGUFWeights(path);
    try {
      assert.throws(() => loadLlamaModel(source, { cacheDir: false }), (e: unknown) => e instanceof LlamaError && message.test(e.message), name);
    } finally {
      source.close();
    }
  }
});

test("a second load comes from the cache without tracing or lowering; overflow, reset, progress", () => {
  const path = join(dir, "cache.gguf");
  writeTinyLlama(path, { dim: 32, layers: 1, heads: 2, kvHeads: 1, hidden: 64, vocab: 40, contextLength: 8 }, "f32", 5);
  const cacheDir = join(dir, "kernels");
  const source = openGGUFWeights(path);
  try {
    const events: Progress[] = [];
    const first = loadLlamaModel(source, { cacheDir, prefillChunk: 4, onProgress: (p) => events.push(p) });
    assert.is(first.stats.cachedKernels, 0);
    assert.ok(events.some((p) => p.phase === "compile" && p.done === p.total) && events.some((p) => p.phase === "load" && p.done === p.total));
    // A compile goes through every step in order (trace, lower, LLVM, link), one unit each.
    const compileSteps = events.filter((p) => p.phase === "compile");
    assert.equal(compileSteps.map((p) => p.done), [0, 0, 1, 2, 3, 4]);
    assert.equal(compileSteps.map((p) => p.label).slice(1, 5), ["tracing the layer and head functions", "lowering to the llvm dialect", "LLVM: translating, optimising, emitting", "linking"]);
    const s = first.createSession();
    const logits = s.evaluate([3, 4, 5]);
    assert.is(logits.length, 40);
    s.evaluate([6, 7, 8, 9, 10]);
    assert.throws(() => s.evaluate([1]), (e: unknown) => e instanceof LlamaError && /context is full: 8 tokens \+ 1 new exceed the context length 8/.test(e.message));
    s.reset();
    assert.is(s.position, 0);
    assert.equal(Array.from(s.evaluate([3, 4, 5])), Array.from(logits));
    assert.throws(() => s.evaluate([40]), (e: unknown) => e instanceof LlamaError && /token 40 is not in the vocabulary/.test(e.message));
    first.dispose();

    const cachedEvents: Progress[] = [];
    const second = loadLlamaModel(source, { cacheDir, prefillChunk: 4, onProgress: (p) => cachedEvents.push(p) });
    assert.equal(cachedEvents.filter((p) => p.phase === "compile").map((p) => `${p.done}/${p.total} ${p.label}`).slice(1), ["4/4 kernels loaded from the cache"]);
    console.log(`    kernels: compiled in ${first.stats.compileSeconds.toFixed(2)} s, loaded from the cache in ${second.stats.compileSeconds.toFixed(3)} s`);
    assert.is(second.stats.cachedKernels, 1);
    assert.ok(second.stats.compileSeconds < first.stats.compileSeconds / 5, `cached load took ${second.stats.compileSeconds} s`);
    assert.equal(Array.from(second.createSession().evaluate([3, 4, 5])), Array.from(logits));
    second.dispose();
  } finally {
    source.close();
  }
});

test.run();
