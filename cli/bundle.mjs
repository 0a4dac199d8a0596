// The start-up bundle of tensile-opt: one CommonJS file that esbuild builds from cli/tensile-opt.ts and
// everything it imports, so that the CLI starts without compiling ~150 TypeScript files through tsx on every
// run, plus a V8 code cache of it, so that V8 neither parses the bundle's 0.8 MB nor compiles the functions a
// run needs (start-up figures in docs/BENCHMARKS.md, "Start-up").
//
// The TypeScript sources stay the truth: the bundle sits in build/ (not in git), `scripts/setup.sh` (run by
// `npm test` and `npm run demo`) rebuilds it, and tensile-opt.js uses it only while it is fresh, i.e. while
// no input file listed in its manifest changed since it was built and the bundle itself is the file the
// manifest describes; otherwise the CLI runs the sources through tsx, as before. The code cache is used only
// when it is the one built with this bundle (V8 itself only checks the source's length, its own version and
// flags), so a stale or foreign cache costs speed, never correctness.
//
// Plain JavaScript: it runs before any TypeScript loader.
import { createRequire } from "node:module";
import loader from "./bundle-loader.cjs";

const require = createRequire(import.meta.url);
const { readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { join, relative, resolve } = require("node:path");
const { fileURLToPath } = require("node:url");
const { root, bundleIn, codeCacheIn, manifestIn, fileRecord, freshManifest, isBundleFresh, loadBundle, runBundle } = loader;
const buildDir = join(root, "build");
export const bundleFile = loader.bundleFile;
export { isBundleFresh, loadBundle };

/** What the code cache is made from: a run of the CLI on this module (the functions it runs are cached). */
const WARM_UP_INPUT = `module {
  func.func @f(%a: i32, %b: i1) -> i32 {
    %c0 = arith.constant 0 : i32
    %0 = arith.addi %a, %c0 : i32
    cf.cond_br %b, ^bb1, ^bb1
  ^bb1:
    return %0 : i32
  }
}
`;

/** Writes `data` to `path` through a temporary file and a rename, so that readers never see half a file. */
function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * Builds the bundle, its code cache and its manifest (the inputs esbuild read, with their sizes and mtimes,
 * and the bundle's and cache's own) into `dir`. Each file is replaced atomically, the manifest last.
 */
export async function buildBundle(dir = buildDir) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [join(root, "cli", "tensile-opt.ts")],
    outfile: bundleIn(dir),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    // The native LLVM addon is loaded from node_modules as usual.
    external: ["llvm-bindings"],
    // Op formats compile on first use (src/irdl/define-op.ts); --write-code-cache checks they all compile.
    define: { TENSILE_DEFER_FORMATS: "true" },
    sourcemap: "linked",
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  const { mkdirSync, rmSync } = require("node:fs");
  mkdirSync(dir, { recursive: true });
  // Until the new manifest is written, the bundle is stale: a failed build leaves the CLI on the sources.
  rmSync(manifestIn(dir), { force: true });
  for (const out of result.outputFiles) writeAtomic(out.path, out.contents);
  const ascii = result.outputFiles.every((out) => !out.path.endsWith(".cjs") || out.contents.every((byte) => byte < 0x80));
  // Dependencies in node_modules are represented by package-lock.json (npm ci rewrites both): fewer stats.
  // This file and the loader are the recipe: a change to them makes the bundle stale too.
  const sources = Object.keys(result.metafile.inputs)
    .map((p) => resolve(p)) // esbuild names inputs relative to its working directory
    .filter((p) => !p.includes("/node_modules/"));
  const recipe = [fileURLToPath(import.meta.url), join(root, "cli", "bundle-loader.cjs")];
  const inputs = [...sources, join(root, "package-lock.json"), ...recipe].map((abs) => ({ path: relative(root, abs), ...fileRecord(statSync(abs)) }));
  const bundle = fileRecord(statSync(bundleIn(dir)));
  // The bundle runs once, in a process of its own with Node's default flags (V8 rejects a code cache made
  // under others), to check it and make its code cache.
  const { spawnSync } = require("node:child_process");
  const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--write-code-cache", dir], {
    input: WARM_UP_INPUT,
    stdio: ["pipe", "ignore", "inherit"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  if (made.status !== 0) throw new Error(`the built bundle failed its check run (${made.error?.message ?? `exit code ${made.status}`})`);
  const codeCache = fileRecord(statSync(codeCacheIn(dir)));
  writeAtomic(manifestIn(dir), `${JSON.stringify({ node: process.version, bundle, ascii, codeCache, inputs }, null, 1)}\n`);
  return inputs.length;
}

/**
 * `--write-code-cache <dir>`: runs the bundle in `dir` on the warm-up module (from stdin), checks that every
 * op format it defers compiles, and writes the code V8 compiled for the run, so that later runs start with it.
 */
async function writeCodeCache(dir) {
  const source = readFileSync(bundleIn(dir), "utf8");
  const { exports, script } = runBundle(dir, source, undefined);
  const code = await exports.main(["-"]);
  if (code !== 0) throw new Error(`the warm-up run of the bundle failed (exit code ${code})`);
  // The cache holds what the run compiled, taken before the check compiles every format.
  const cache = script.createCachedData();
  // What the sources check when each op is defined.
  if (!(exports.compileDeferredFormats() > 0)) throw new Error("the bundle defers no op format: is TENSILE_DEFER_FORMATS defined?");
  writeAtomic(codeCacheIn(dir), cache);
}

// `node cli/bundle.mjs`: rebuilds the bundle unless it is fresh and was built by this Node (what
// scripts/setup.sh runs); silent when there is nothing to do, as setup.sh's other steps are.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] === "--write-code-cache") await writeCodeCache(process.argv[3]);
  else if (!isBundleFresh() || freshManifest(buildDir)?.node !== process.version) {
    console.log(`built build/tensile-opt.cjs (fast start-up) from ${await buildBundle()} files`);
  }
}
