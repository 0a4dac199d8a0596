/**
 * The `--aot` bundle (frontends/models/llama/aot.ts): built with clang-14 and run without Node on a random-weight
 * model with grouped-query attention and q8_0 weights (the embedding too), it generates the same greedy tokens
 * and text as the Node path (loadLlamaModel + generate) for a prompt of two prefill chunks (the second padded).
 * Then, built for AVX2 (valgrind does not decode AVX-512), it runs under valgrind with no error and no leak.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openTokenizer } from "../../cli/tensile-llama.ts";
import { buildLlamaBundle, writeLlamaBundle } from "../../frontends/models/llama/aot.ts";
import { generate } from "../../frontends/models/llama/generate.ts";
import { openGGUFWeights } from "../../frontends/models/llama/gguf-source.ts";
import { writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";
import { loadLlamaModel } from "../../frontends/models/llama/session.ts";

const dir = mkdtempSync(join(tmpdir(), "tensile-llama-aot-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const gguf = join(dir, "gqa-q8_0.gguf");
writeRandomLlamaGGUF(gguf, { dim: 64, layers: 2, heads: 4, kvHeads: 2, hidden: 192, contextLength: 256 }, { seed: 5, weightType: "q8_0" });
const CTX = 96;
const CHUNK = 32;
const MAX_TOKENS = 24;
// 40-odd tokens: one full chunk and a padded one.
const PROMPT = "The quick brown fox jumps over the lazy dog, then the slow green turtle walks under the tall wooden bridge, and the small red bird sings.";

const tokens = (stderr: string): number[] => (/llama_main: tokens:([\d ]*)\n/.exec(stderr)?.[1] ?? "").trim().split(/\s+/).filter((s) => s !== "").map(Number);

test("the bundle's C driver generates the Node path's greedy tokens and text", () => {
  const source = openGGUFWeights(gguf);
  try {
    const tokenizer = openTokenizer(gguf, source);
    const promptTokens = tokenizer.encode(PROMPT, { addBos: true });
    assert.ok(promptTokens.length > CHUNK && promptTokens.length < 2 * CHUNK, `${promptTokens.length} prompt tokens`);
    const model = loadLlamaModel(source, { contextLength: CTX, prefillChunk: CHUNK, cacheDir: join(dir, "cache") });
    let node;
    try {
      const session = model.createSession();
      node = generate(session, tokenizer, PROMPT, { maxTokens: MAX_TOKENS, sampling: { temperature: 0 }, stopAtEos: true });
      session.dispose();
    } finally {
      model.dispose();
    }
    assert.ok(new Set(node.tokens).size > 4, `a degenerate run proves little: ${node.tokens.join(" ")}`);

    const bundle = writeLlamaBundle({ dir: join(dir, "bundle"), source, contextLength: CTX, prefillChunk: CHUNK, promptTokens, maxTokens: MAX_TOKENS });
    for (const file of ["llama_kernels.o", "llama_kernels.h", "weights.txt", "vocab.bin", "prompt.txt", "llama_main.c", "build.sh"]) {
      assert.ok(readFileSync(join(bundle.dir, file)).length > 0, file);
    }
    assert.match(readFileSync(join(bundle.dir, "weights.txt"), "utf8"), /^tensor blk\.0\.attn_q q8_0 \d+ 4352 2 64 64$/m);
    const exe = buildLlamaBundle(bundle);
    const r = spawnSync(exe, [], { cwd: bundle.dir, encoding: "utf8", timeout: 60_000 });
    assert.is(r.status, 0, r.stderr);
    assert.equal(tokens(r.stderr), [...node.tokens]);
    assert.is(r.stdout, `${node.text}\n`);
    assert.match(r.stderr, new RegExp(`llama_main: prefill ${promptTokens.length} tokens at [\\d.]+ tok/s, decode ${node.tokens.length - 1} tokens at [\\d.]+ tok/s`));
    // Another length from the command line; bad arguments are errors.
    const short = spawnSync(exe, ["3"], { cwd: bundle.dir, encoding: "utf8" });
    assert.equal(tokens(short.stderr), node.tokens.slice(0, 3));
    const bad = spawnSync(exe, ["lots"], { cwd: bundle.dir, encoding: "utf8" });
    assert.is(bad.status, 1);
    assert.match(bad.stderr, /^llama_main: usage: llama_main \[max_tokens > 0\]/);
    const over = spawnSync(exe, [String(CTX)], { cwd: bundle.dir, encoding: "utf8" });
    assert.is(over.status, 1);
    assert.match(over.stderr, /over the context length 96/);
  } finally {
    source.close();
  }
});

test("under valgrind (an AVX2 build): no error, every block freed", () => {
  if (spawnSync("valgrind", ["--version"]).status !== 0) {
    console.log("  (skipped: valgrind is not installed)");
    return;
  }
  const source = openGGUFWeights(gguf);
  let exe: string;
  let bundleDir: string;
  try {
    const bundle = writeLlamaBundle({ dir: join(dir, "bundle-avx2"), source, contextLength: CTX, prefillChunk: CHUNK, promptTokens: [1, 450, 4996, 17354], maxTokens: 4, target: "x86_64-avx2" });
    exe = buildLlamaBundle(bundle, ["-gdwarf-4"]);
    bundleDir = bundle.dir;
  } finally {
    source.close();
  }
  const r = spawnSync("valgrind", ["--leak-check=full", "--error-exitcode=9", exe], { cwd: bundleDir, encoding: "utf8", timeout: 120_000 });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stderr, /All heap blocks were freed -- no leaks are possible/);
  assert.match(r.stderr, /ERROR SUMMARY: 0 errors/);
  assert.is(tokens(r.stderr).length, 4);
});

test.run();
