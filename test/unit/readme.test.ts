/** Runs the TypeScript examples of README.md exactly as written there, and checks what they print. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const repo = join(import.meta.dirname, "..", "..");

const readme = readFileSync(join(repo, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

/** Runs a block as a file at the repository root (where `import "tensile"` resolves to this package). */
function runBlock(block: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(repo, `.readme-example-${process.pid}.ts`);
  writeFileSync(file, block);
  try {
    // Compiled code is cached under XDG_CACHE_HOME: the run's temporary directory, not the user's cache.
    const env = { ...process.env, XDG_CACHE_HOME: join(tmpdir(), `readme-cache-${process.pid}`) };
    return spawnSync(process.execPath, ["--import", "tsx", file], { cwd: repo, encoding: "utf8", timeout: 120_000, env });
  } finally {
    rmSync(file, { force: true });
  }
}

test("the README examples type-check (strict, as the project)", () => {
  const dir = join(repo, `.readme-check-${process.pid}`);
  const config = join(repo, `.readme-check-${process.pid}.json`);
  mkdirSync(dir, { recursive: true });
  try {
    blocks.forEach((b, i) => writeFileSync(join(dir, `example-${i}.ts`), b));
    writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", include: [`.readme-check-${process.pid}/*.ts`] }));
    const r = spawnSync(join(repo, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", config], { cwd: repo, encoding: "utf8", timeout: 120_000 });
    assert.is(r.status, 0, `${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(config, { force: true });
  }
});

test("README.md has its four TypeScript examples: IR, a DSL model, a pass with its property test, native code", () => {
  assert.is(blocks.length, 4);
  const dslLines = (blocks[1] ?? "").trim().split("\n").length;
  assert.ok(dslLines <= 20, `the DSL model takes ${dslLines} lines`);
  const passLines = (blocks[2] ?? "").trim().split("\n").length;
  assert.ok(passLines < 30, `the custom pass and its property test take ${passLines} lines`);
});

test("the IR example prints true, the module, true", () => {
  const r = runBlock(blocks[0] ?? "");
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.is(lines[0], "true");
  assert.is(lines[lines.length - 1], "true");
  assert.match(r.stdout, /func\.func @madd\(%arg0: i32, %arg1: i32\) -> i32/);
  assert.match(r.stdout, /arith\.muli/);
});

test("the DSL model traces to the TOSA the README shows, with the DSL's names as locations", () => {
  const r = runBlock(blocks[1] ?? "");
  assert.is(r.status, 0, r.stderr);
  const shown = readme.slice(readme.indexOf("It prints (abridged"));
  const mlir = /```mlir\n([\s\S]*?)```/.exec(shown)?.[1] ?? "";
  // Every line the README shows (but the "..." elisions) is a line of the real output.
  const lines = mlir.split("\n").filter((l) => l.trim() !== "" && l.trim() !== "...");
  assert.ok(lines.length >= 6, "the README shows the traced function");
  for (const line of lines) assert.ok(r.stdout.includes(line), `not in the output: ${line}\n${r.stdout}`);
  // The tsc error the README quotes is the one tsc gives for t.add(x, gate).
  const bad = (blocks[1] ?? "").replace("return t.add(x, down);", "return t.add(x, gate);");
  const dir = join(repo, `.readme-dsl-${process.pid}`);
  const config = join(repo, `.readme-dsl-${process.pid}.json`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, "bad.ts"), bad);
    writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", include: [`.readme-dsl-${process.pid}/*.ts`] }));
    const tsc = spawnSync(join(repo, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", config], { cwd: repo, encoding: "utf8", timeout: 120_000 });
    assert.is.not(tsc.status, 0, "tsc accepted a shape mismatch");
    assert.match(tsc.stdout, `ShapeError<"add: shapes ['seq', 64] and ['seq', 172] do not broadcast">`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(config, { force: true });
  }
});

test("the custom pass passes its property test", () => {
  const r = runBlock(blocks[2] ?? "");
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout.trim(), "add-zero preserves semantics");
});

test("the native-code example compiles a TOSA function for the host and prints its result", () => {
  const r = runBlock(blocks[3] ?? "");
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout.trim(), "3");
  rmSync(join(tmpdir(), `readme-cache-${process.pid}`), { recursive: true, force: true });
});

test.run();
