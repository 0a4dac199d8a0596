/**
 * tensile-opt's start-up bundle (cli/bundle.mjs): built from the sources, used only while fresh, and the CLI
 * gives the same output with and without it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildBundle, isBundleFresh } from "../../cli/bundle.mjs";

const test = suite("tensile-opt bundle");

const input = `module {
  func.func @f(%a: i32) -> i32 {
    %c0 = arith.constant 0 : i32
    %0 = arith.addi %a, %c0 : i32
    return %0 : i32
  }
}
`;

test("a built bundle is fresh, runs the CLI, and goes stale when an input changes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-bundle-"));
  try {
    assert.is(isBundleFresh(dir), false, "no bundle yet");
    await buildBundle(dir);
    assert.is(isBundleFresh(dir), true);
    const { main } = (await import(join(dir, "tensile-opt.mjs"))) as { main: (argv: string[]) => Promise<number> };
    assert.type(main, "function");

    const manifestFile = join(dir, "tensile-opt.manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { inputs: { path: string; size: number }[] };
    assert.ok(manifest.inputs.some((i) => i.path === "src/ir/operation.ts"), "the manifest lists the sources");
    const first = manifest.inputs[0];
    if (first === undefined) throw new Error("empty manifest");
    first.size += 1; // as if that source had been edited since the build
    writeFileSync(manifestFile, JSON.stringify(manifest));
    assert.is(isBundleFresh(dir), false, "an edited source makes the bundle stale");
    first.size -= 1;
    first.path = "src/ir/no-such-file.ts";
    writeFileSync(manifestFile, JSON.stringify(manifest));
    assert.is(isBundleFresh(dir), false, "a deleted source makes the bundle stale");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("tensile-opt prints the same with the bundle (if fresh) and from the sources", () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["cli/tensile-opt.js", "--canonicalize", "-"], { input, encoding: "utf8", env: { ...process.env, ...env } });
  const fromSources = run({ TENSILE_NO_BUNDLE: "1" });
  const usual = run({});
  assert.is(fromSources.status, 0, fromSources.stderr);
  assert.is(usual.status, 0, usual.stderr);
  assert.is(usual.stdout, fromSources.stdout);
  assert.match(usual.stdout, "return %arg0 : i32");
});

test.run();
