/**
 * `tensile llama`'s bad inputs: each is one line `tensile llama: ...` naming what is wrong, exit status 1, no
 * stack trace — before any model is compiled. A few through a real subprocess (`tensile llama`), the rest in
 * process (`llamaMain`, the same code, without paying for a process each). Plus the progress reporter's two
 * forms (bars on a terminal, plain phase lines elsewhere).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseLlamaArgs, UsageError } from "../../cli/llama-args.ts";
import { llamaMain } from "../../cli/tensile-llama.ts";
import { progressReporter, renderBar } from "../../cli/progress.ts";

const cli = join(import.meta.dirname, "../../cli/tensile.js");
const dir = mkdtempSync(join(tmpdir(), "tensile-llama-cli-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
const subprocess = (args: readonly string[]): Run =>
  spawnSync("node", [cli, "llama", ...args], { encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: join(dir, "cache") } });
function inProcess(args: readonly string[]): Run {
  let stdout = "";
  let stderr = "";
  const status = llamaMain(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

const notGGUF = join(dir, "model.bin");
writeFileSync(notGGUF, "PK\x03\x04 not a model");
const truncated = join(dir, "truncated.gguf");
writeFileSync(truncated, Buffer.from("GGUF\x03\x00\x00\x00\xff\xff", "latin1"));
const emptyDir = join(dir, "hf");
mkdirSync(emptyDir);

/** One error line naming `what`, exit status 1, and nothing that looks like a stack trace. */
function fails(args: readonly string[], what: RegExp, run = inProcess): void {
  const r = run(args);
  assert.is(r.status, 1, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr, /^tensile llama: /m);
  assert.match(r.stderr, what);
  assert.not.match(r.stderr, /\n\s+at /, `a stack trace for ${args.join(" ")}: ${r.stderr}`);
  assert.is(r.stdout, "");
}

test("usage errors name the flag and the value it got", () => {
  fails(["--model", notGGUF, "--prompt", "hi", "--tmep", "0"], /unknown flag '--tmep'/, subprocess);
  fails(["--model", notGGUF, "--prompt", "hi", "--threads", "two"], /--threads must be an integer in \[1, 256\], got 'two'/);
  fails(["--model", notGGUF, "--prompt", "hi", "--max-tokens", "-3"], /--max-tokens needs a value|--max-tokens must be an integer >= 1, got '-3'/);
  fails(["--model", notGGUF, "--prompt", "hi", "--max-tokens=0"], /--max-tokens must be an integer >= 1, got '0'/);
  fails(["--model", notGGUF, "--prompt", "hi", "--temp", "warm"], /--temp must be a number >= 0, got 'warm'/);
  fails(["--model", notGGUF, "--prompt", "hi", "--top-p", "1.5"], /--top-p must be a number in \(0, 1\], got '1.5'/);
  fails(["--model", notGGUF, "--prompt", "hi", "--target", "riscv"], /unknown --target 'riscv' \(host, avx2, avx512\)/);
  fails(["--model", notGGUF, "--prompt", "hi", "--seed"], /--seed needs a value/);
  fails(["--model", notGGUF, "--prompt", "hi", "stray"], /unexpected argument 'stray'/);
  fails(["--prompt", "hi"], /--model FILE.gguf\|DIR is required/);
  fails(["--model", notGGUF], /--prompt "..." is required/);
});

test("a missing file, a file that is not a GGUF, a truncated GGUF, a directory without a model", () => {
  fails(["--model", join(dir, "nope.gguf"), "--prompt", "hi"], /--model '.*nope\.gguf': no such file or directory/);
  fails(["--model", notGGUF, "--prompt", "hi"], /--model '.*model\.bin' is not a GGUF file \(it starts with 'PK\\u0003\\u0004', not 'GGUF'\)/, subprocess);
  fails(["--model", truncated, "--prompt", "hi"], /truncated\.gguf/);
  fails(["--model", emptyDir, "--prompt", "hi"], /hf/);
});

test("--help prints the options and exits 0", () => {
  const r = subprocess(["--help"]);
  assert.is(r.status, 0, r.stderr);
  for (const flag of ["--model", "--prompt", "--threads", "--target", "--max-tokens", "--temp", "--top-k", "--top-p", "--repeat-penalty", "--seed", "--ctx", "--aot"]) {
    assert.ok(r.stdout.includes(flag), `--help lacks ${flag}`);
  }
});

test("parseLlamaArgs: defaults, --flag=value, a prompt starting with --, targets", () => {
  const a = parseLlamaArgs(["--model", "m.gguf", "--prompt", "--not a flag", "--target=avx512", "--temp", "0", "--seed", "7"]);
  assert.equal([a.model, a.prompt, a.target, a.temperature, a.seed, a.threads, a.maxTokens, a.topK, a.topP, a.repeatPenalty, a.contextLength, a.aot], ["m.gguf", "--not a flag", "x86_64-avx512", 0, 7, 1, 64, 40, 0.95, 1, undefined, undefined]);
  assert.throws(() => parseLlamaArgs(["--model", "m", "--prompt", "p", "--ctx", "1.5"]), (e: unknown) => e instanceof UsageError && /--ctx must be an integer >= 1, got '1.5'/.test((e as Error).message));
  assert.throws(() => parseLlamaArgs(["--model", "m", "--prompt", "p", "--seed", "1", "--seed", "2"]), /--seed is given twice/);
});

test("progress: plain lines when stderr is not a terminal, bars redrawn in place when it is", () => {
  const plain: string[] = [];
  const p = progressReporter({ write: (t) => void plain.push(t), isTTY: false }, "x: ");
  p.update({ phase: "compile", done: 0, total: 3, label: "layer, 32 tokens" });
  p.update({ phase: "compile", done: 1, total: 3, label: "layer, 1 token" });
  p.line("opened m.gguf");
  p.update({ phase: "compile", done: 3, total: 3, label: "head" });
  p.update({ phase: "load", done: 1, total: 2, label: "blk.0" });
  p.finish();
  assert.is(plain.length, 3, plain.join(""));
  assert.is(plain[0], "x: opened m.gguf\n");
  assert.match(plain[1]!, /^x: compile: 3 of 3 done in \d+\.\d s\n$/);
  assert.match(plain[2]!, /^x: load: 1 of 2 done in \d+\.\d s\n$/);

  const tty: string[] = [];
  const t = progressReporter({ write: (s) => void tty.push(s), isTTY: true, columns: 60 }, "x: ");
  t.update({ phase: "compile", done: 1, total: 4, label: "layer" });
  t.update({ phase: "compile", done: 4, total: 4, label: "head" });
  assert.ok(tty[0]!.startsWith("\r\x1b[2Kcompile [######------------------] 1/4  layer"), JSON.stringify(tty));
  assert.match(tty.at(-1)!, /^compile \[#{24}\] 4\/4  done in \d+\.\d s\n$/);
  assert.is(renderBar({ phase: "load", done: 2, total: 2, label: "a very long label ".repeat(10) }, 40).length, 39);
  const quiet: string[] = [];
  const q = progressReporter({ write: (s) => void quiet.push(s), isTTY: true }, "x: ", true);
  q.update({ phase: "load", done: 2, total: 2, label: "w" });
  q.line("hidden");
  assert.equal(quiet, []);
});

test.run();
