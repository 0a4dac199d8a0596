/** examples/ir-tour.ts (what `npm run demo` was before the LLaMA demo) builds, verifies, prints, re-parses, runs and optimises a module. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("the IR tour prints the module, its round trip, the interpreter's results and a diagnostic", () => {
  const repo = join(import.meta.dirname, "..", "..");
  const r = spawnSync(process.execPath, ["--import", "tsx", "examples/ir-tour.ts"], { cwd: repo, encoding: "utf8", timeout: 60_000 });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /func\.func @scaled_distance\(%arg0: i32, %arg1: i32\) -> i32 \{/);
  assert.match(r.stdout, /printing again gives the same text: true/);
  assert.match(r.stdout, /scaled_distance\(3, 10\) = \(22 : i32\) before and \(22 : i32\) after canonicalize,cse/);
  assert.match(r.stdout, /bad\.mlir:2:19: error: use of value '%x' expects different type than prior uses: 'f32' vs 'i32'\n.*\n\s+\^/);
});

test.run();
