/**
 * `tensile llama` end to end through a real subprocess on a small random-weight model (LLaMA-2 vocabulary,
 * grouped-query attention): the text streams to stdout, stderr has the plain phase lines (it is not a terminal)
 * and the speed line; the same seed gives the same sampled text, and the second run's kernels come from the
 * cache; `--aot` writes a bundle whose C driver prints the same greedy text. A prompt and --max-tokens over the
 * context is an error before anything is compiled.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { llamaMain } from "../../cli/tensile-llama.ts";
import { buildLlamaBundle } from "../../frontends/models/llama/aot.ts";
import { writeRandomLlamaGGUF } from "../../frontends/models/llama/random-gguf.ts";

const cli = join(import.meta.dirname, "../../cli/tensile.js");
const dir = mkdtempSync(join(tmpdir(), "tensile-llama-run-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const llama = (args: readonly string[]) =>
  spawnSync("node", [cli, "llama", ...args], { encoding: "utf8", timeout: 300_000, env: { ...process.env, XDG_CACHE_HOME: join(dir, "cache") } });

const model = join(dir, "gqa.gguf");
writeRandomLlamaGGUF(model, { dim: 64, layers: 2, heads: 4, kvHeads: 2, hidden: 192, contextLength: 128 }, { seed: 11 });
const common = ["--model", model, "--prompt", "Once upon a time", "--max-tokens", "12", "--ctx", "64"];
const SPEED = /^tensile llama: prefill 5 tokens at [\d.]+ tok\/s, decode \d+ tokens at [\d.]+ tok\/s, compile [\d.]+ s \(kernels (compiled|from the cache)\), peak RSS \d+ MiB, seed \d+$/m;

test("greedy: streamed text, phase lines and the speed line; --aot's bundle prints the same text", () => {
  const r = llama([...common, "--temp", "0", "--aot", join(dir, "bundle")]);
  assert.is(r.status, 0, r.stderr);
  assert.ok(r.stdout.trim().length > 0 && r.stdout.endsWith("\n"), JSON.stringify(r.stdout));
  assert.match(r.stderr, /^tensile llama: .*gqa\.gguf: gguf, dim 64, 2 layers, 4 heads \(2 KV\), FFN 192, vocab 32000, [\d.]+ MiB of weights$/m);
  assert.match(r.stderr, /^tensile llama: load: 2 of 2 done in [\d.]+ s$/m);
  assert.match(r.stderr, /^tensile llama: compile: 1 of 1 done in [\d.]+ s$/m);
  assert.match(r.stderr, SPEED);
  assert.match(r.stderr, /\(kernels compiled\)/);
  assert.not.match(r.stderr, /\x1b\[/, "no terminal escapes when stderr is not a terminal");
  const exe = buildLlamaBundle({ dir: join(dir, "bundle"), buildScript: join(dir, "bundle", "build.sh"), executable: join(dir, "bundle", "llama_main") });
  const c = spawnSync(exe, [], { cwd: join(dir, "bundle"), encoding: "utf8" });
  assert.is(c.status, 0, c.stderr);
  assert.is(c.stdout, r.stdout);
});

test("sampling: the same seed gives the same text; the kernels come from the cache", () => {
  const a = llama([...common, "--temp", "1.5", "--top-k", "0", "--top-p", "1", "--seed", "7"]);
  const b = llama([...common, "--temp", "1.5", "--top-k", "0", "--top-p", "1", "--seed", "7", "--quiet"]);
  assert.is(a.status, 0, a.stderr);
  assert.is(b.status, 0, b.stderr);
  assert.is(a.stdout, b.stdout);
  assert.match(a.stderr, /\(kernels from the cache\), .*seed 7$/m);
  assert.is(b.stderr, "", "--quiet: nothing on stderr");
});

test("prompt + --max-tokens over the context, --ctx over the model's: errors before compiling", () => {
  const run = (args: readonly string[]) => {
    let err = "";
    const status = llamaMain(args, { out: () => {}, err: (t) => void (err += t) });
    return { status, err };
  };
  const over = run(["--model", model, "--prompt", "Once upon a time", "--max-tokens", "60", "--ctx", "64", "--quiet"]);
  assert.is(over.status, 1);
  assert.match(over.err, /^tensile llama: the prompt \(5 tokens with BOS\) plus --max-tokens 60 is 65 tokens, over --ctx 64\n$/);
  const model128 = run(["--model", model, "--prompt", "hi", "--max-tokens", "200", "--quiet"]);
  assert.match(model128.err, /over the context length 128 \(the model's; --ctx sets it\)/);
  const big = run(["--model", model, "--prompt", "hi", "--ctx", "4096", "--quiet"]);
  assert.match(big.err, /^tensile llama: --ctx 4096 is over the model's context length 128\n$/);
});

test.run();
