/**
 * `npm run demo` (examples/demo.ts, after setup) on a fresh cache: it writes the random-weight stories15M GGUF
 * with the LLaMA-2 vocabulary once, compiles, streams text and prints the speed line; with `--model` it runs the
 * same command on the given file (here the one it wrote), whose kernels now come from the cache.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const repo = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "tensile-demo-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const demo = (args: readonly string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "examples/demo.ts", ...args], { cwd: repo, encoding: "utf8", timeout: 300_000, env: { ...process.env, XDG_CACHE_HOME: dir } });
const SPEED = /^tensile llama: prefill \d+ tokens at [\d.]+ tok\/s, decode 7 tokens at [\d.]+ tok\/s, compile [\d.]+ s \(kernels (compiled|from the cache)\), peak RSS \d+ MiB, seed \d+$/m;

test("the demo writes its model once, then generates; --model runs the same command on a given file", () => {
  const model = join(dir, "tensile", "models", "random-llama2-stories15M-f32.gguf");
  const first = demo(["--max-tokens", "8"]);
  assert.is(first.status, 0, first.stderr);
  assert.match(first.stderr, /^demo: writing a random-weight LLaMA model with the LLaMA-2 vocabulary to .*random-llama2-stories15M-f32\.gguf \(once\)$/m);
  assert.ok(existsSync(model));
  assert.match(first.stderr, /gguf, dim 288, 6 layers, 6 heads \(6 KV\), FFN 768, vocab 32000/);
  assert.match(first.stderr, SPEED);
  assert.match(first.stderr, /\(kernels compiled\)/);
  assert.ok(first.stdout.trim().length > 0, "streamed text");

  const again = demo(["--model", model, "--max-tokens", "8", "--temp", "0", "--prompt", "Hello"]);
  assert.is(again.status, 0, again.stderr);
  assert.not.match(again.stderr, /demo: writing/);
  assert.match(again.stderr, /\(kernels from the cache\)/);
  assert.match(again.stderr, /prefill 2 tokens/);
});

test.run();
