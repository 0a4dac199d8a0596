/**
 * When a pass crashes, tensile-opt leaves a reproducer (the input and the pipeline) without being asked, names
 * it in the error, and `tensile-opt --run-reproducer` replays the crash from it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";

const repo = join(import.meta.dirname, "..", "..");

test("a crashing pass leaves a reproducer that replays the crash", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-crash-"));
  const plugin = join(dir, "boom.mts");
  const input = join(dir, "input.mlir");
  writeFileSync(
    plugin,
    `import { definePass } from ${JSON.stringify(pathToFileURL(join(repo, "index.ts")).href)};
export const registerPasses = (registry) => registry.register(definePass({ name: "boom", summary: "crashes on functions with an addi", opName: "func.func",
  run(fn) { fn.walk((op) => { if (op.name === "arith.addi") throw new Error("boom on " + op.name); }); } }));
`,
  );
  writeFileSync(input, "func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a : i32\n  return %0 : i32\n}\n");
  const opt = (args: string[]) =>
    // TMPDIR: the replay crashes too and leaves its own reproducer, which belongs in this test's directory.
    spawnSync(process.execPath, [join(repo, "cli", "tensile-opt.js"), `--load-pass-plugin=${plugin}`, ...args], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, TMPDIR: dir },
    });
  let reproducer: string | undefined;
  try {
    const r = opt(["--pass-pipeline=builtin.module(canonicalize,func.func(boom))", input]);
    assert.is.not(r.status, 0);
    assert.match(r.stderr, /boom on arith\.addi/);
    reproducer = /reproducer generated at `([^`]+)`/.exec(r.stderr)?.[1];
    assert.ok(reproducer !== undefined && existsSync(reproducer), `no reproducer named in:\n${r.stderr}`);
    const text = readFileSync(reproducer ?? "", "utf8");
    assert.match(text, /mlir_reproducer/);
    assert.match(text, /arith\.addi/);
    const replay = opt(["--run-reproducer", reproducer ?? ""]);
    assert.is.not(replay.status, 0);
    assert.match(replay.stderr, /boom on arith\.addi/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (reproducer !== undefined) rmSync(reproducer, { force: true });
  }
});

test("an ordinary pass failure writes no reproducer unless asked", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-fail-"));
  const plugin = join(dir, "refuse.mts");
  const input = join(dir, "input.mlir");
  writeFileSync(
    plugin,
    `import { definePass, error } from ${JSON.stringify(pathToFileURL(join(repo, "index.ts")).href)};
export const registerPasses = (registry) => registry.register(definePass({ name: "refuse", summary: "fails, as a pass may", run(op, ctx) { ctx.signalPassFailure(error(op.loc, "refused")); } }));
`,
  );
  writeFileSync(input, "func.func @f() {\n  return\n}\n");
  try {
    const r = spawnSync(process.execPath, [join(repo, "cli", "tensile-opt.js"), `--load-pass-plugin=${plugin}`, "--refuse", input], {
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.is.not(r.status, 0);
    assert.match(r.stderr, /refused/);
    assert.not.match(r.stderr, /reproducer generated/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
