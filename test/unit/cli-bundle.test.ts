/**
 * tensile-opt's start-up bundle (cli/bundle.mjs): built from the sources, used only while fresh, and the CLI
 * gives the same output with and without it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildBundle, isBundleFresh, loadBundle } from "../../cli/bundle.mjs";
import { main as mainFromSources } from "../../cli/tensile-opt.ts";
import { compileDeferredFormats } from "../../src/irdl/define-op.ts";

const test = suite("tensile-opt bundle");

const input = `module {
  func.func @f(%a: i32) -> i32 {
    %c0 = arith.constant 0 : i32
    %0 = arith.addi %a, %c0 : i32
    return %0 : i32
  }
}
`;

type Main = (argv: readonly string[]) => Promise<number>;

/** What `main(argv)` writes to stdout and stderr, and its exit code, run in this process. */
async function capture(main: Main, argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const { stdout, stderr } = process;
  const realOut = stdout.write;
  const realErr = stderr.write;
  stdout.write = ((chunk: string | Uint8Array) => ((out.stdout += String(chunk)), true)) as typeof stdout.write;
  stderr.write = ((chunk: string | Uint8Array) => ((out.stderr += String(chunk)), true)) as typeof stderr.write;
  try {
    return { code: await main(argv), ...out };
  } finally {
    stdout.write = realOut;
    stderr.write = realErr;
  }
}

function goldenFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? goldenFiles(join(dir, e.name)) : e.name.endsWith(".mlir") ? [join(dir, e.name)] : [],
  );
}

// One bundle, built by the first test, serves them all (a build takes seconds); the last test spoils it.
const dir = mkdtempSync(join(tmpdir(), "tensile-bundle-"));
const manifestFile = join(dir, "tensile-opt.manifest.json");
test.after(() => rmSync(dir, { recursive: true, force: true }));

test("a built bundle is fresh and runs the CLI", async () => {
  assert.is(isBundleFresh(dir), false, "no bundle yet");
  await buildBundle(dir);
  assert.is(isBundleFresh(dir), true);
  assert.type(loadBundle(dir)?.exports.main, "function");
  assert.is(codeCacheInChild(dir), "used", "V8 takes the code cache built with the bundle");
});

test("the bundle (formats compiled on first use) prints what the sources print, on every golden file", async () => {
  const bundle = loadBundle(dir);
  if (bundle === undefined) throw new Error("the bundle just built is not fresh");
  const fromBundle = bundle.exports as { main: Main; compileDeferredFormats: () => number };
  let compared = 0;
  for (const file of goldenFiles(join(import.meta.dirname, "../golden"))) {
    const text = readFileSync(file, "utf8");
    const runLines = [...text.matchAll(/^\/\/ RUN: tensile-opt %s([^|\n]*)/gm)].map((m) => (m[1] as string).trim().split(/\s+/).filter((w) => w !== ""));
    const split = /--split-input-file/.test(text) ? ["--split-input-file"] : [];
    // The file's RUN lines, and a plain parse and print (every op's format, both ways).
    const variants = [...runLines, [...split, "--allow-unregistered-dialect"]];
    for (const args of variants) {
      const argv = [file, ...args];
      const expected = await capture(mainFromSources, argv);
      const actual = await capture(fromBundle.main, argv);
      assert.equal(actual, expected, `tensile-opt ${relative(process.cwd(), file)} ${args.join(" ")}`);
      compared++;
    }
  }
  assert.ok(compared >= 30, `only ${compared} runs compared`);
  // The bundle defers op formats (and its build compiled them all); the sources compile them at definition.
  assert.ok(fromBundle.compileDeferredFormats() > 50);
  assert.is(compileDeferredFormats(), 0);
});

test("the bundle goes stale when an input changes", () => {
  const original = readFileSync(manifestFile, "utf8");
  const manifest = JSON.parse(original) as { inputs: { path: string; size: number }[] };
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
  assert.is(loadBundle(dir), undefined, "a stale bundle is not loaded");
  writeFileSync(manifestFile, original);
  assert.is(isBundleFresh(dir), true);
});

/**
 * What a fresh process makes of the code cache in `dir` (in this process, V8's own compilation cache would
 * answer for a bundle compiled before).
 */
function codeCacheInChild(dir: string): string {
  const script = `import { loadBundle } from ${JSON.stringify(join(process.cwd(), "cli/bundle.mjs"))};
process.stdout.write(loadBundle(${JSON.stringify(dir)})?.codeCache ?? "stale");`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  return r.stdout;
}

test("a bundle other than the one built, or a foreign code cache, is never used as the built one", () => {
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { codeCache?: { size: number; mtimeMs: number } };
  if (manifest.codeCache === undefined) throw new Error("the build made no code cache");
  // A code cache written after the build (V8 checks little more than the source's length): not read.
  const cacheFile = join(dir, "tensile-opt.v8-cache");
  writeFileSync(cacheFile, Buffer.alloc(manifest.codeCache.size + 1, 0x5a));
  assert.is(codeCacheInChild(dir), "none", "a code cache the manifest does not describe is not read");
  // A code cache V8 cannot take (as one made by another Node would be), though the manifest describes it:
  // the bundle compiles anew.
  const s = statSync(cacheFile);
  manifest.codeCache = { size: s.size, mtimeMs: s.mtimeMs };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  assert.is(codeCacheInChild(dir), "rejected");
  assert.type(loadBundle(dir)?.exports.main, "function", "a foreign code cache costs speed, not correctness");
  // The bundle replaced by another file (another size): the manifest no longer describes it.
  writeFileSync(join(dir, "tensile-opt.cjs"), "module.exports = { main: async () => 0 };\n");
  assert.is(isBundleFresh(dir), false, "a bundle the manifest does not describe is stale");
  assert.is(loadBundle(dir), undefined);
});

test("tensile-opt prints the same with the bundle (if fresh) and from the sources, and exits the same", () => {
  const run = (text: string, env: Record<string, string>) =>
    spawnSync(process.execPath, ["cli/tensile-opt.js", "--canonicalize", "-"], { input: text, encoding: "utf8", env: { ...process.env, ...env } });
  const fromSources = run(input, { TENSILE_NO_BUNDLE: "1" });
  const usual = run(input, {});
  assert.is(fromSources.status, 0, fromSources.stderr);
  assert.is(usual.status, 0, usual.stderr);
  assert.is(usual.stdout, fromSources.stdout);
  assert.match(usual.stdout, "return %arg0 : i32");
  // A failing run: the same diagnostics and exit code (the bundled CLI exits as soon as all is written).
  const bad = "func.func @f() {\n  %0 = arith.addi %x, %x : i32\n  return\n}\n";
  const badFromSources = run(bad, { TENSILE_NO_BUNDLE: "1" });
  const badUsual = run(bad, {});
  assert.is(badFromSources.status, 1);
  assert.equal([badUsual.status, badUsual.stdout, badUsual.stderr], [badFromSources.status, badFromSources.stdout, badFromSources.stderr]);
  assert.match(badUsual.stderr, "%x");
});

test.run();
