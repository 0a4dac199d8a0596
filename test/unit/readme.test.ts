/** Runs the TypeScript example of README.md exactly as written there, and checks what it prints. */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const repo = join(import.meta.dirname, "..", "..");

test("the README example runs and prints true, the module, true", () => {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block !== undefined, "README.md has a ts code block");
  // The example imports "./src/..." from the repository root: run a copy placed there.
  const file = join(repo, `.readme-example-${process.pid}.ts`);
  writeFileSync(file, block);
  {
    try {
      const r = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: repo, encoding: "utf8", timeout: 60_000 });
      assert.is(r.status, 0, r.stderr);
      const lines = r.stdout.trim().split("\n");
      assert.is(lines[0], "true");
      assert.is(lines[lines.length - 1], "true");
      assert.match(r.stdout, /func\.func @madd\(%arg0: i32, %arg1: i32\) -> i32/);
      assert.match(r.stdout, /arith\.muli/);
    } finally {
      rmSync(file, { force: true });
    }
  }
});

test.run();
