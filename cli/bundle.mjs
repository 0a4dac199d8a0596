// The start-up bundle of tensile-opt: one ES module that esbuild builds from cli/tensile-opt.ts and everything
// it imports, so that the CLI starts without compiling ~150 TypeScript files through tsx on every run
// (0.5 s of a 0.55 s start-up). The TypeScript sources stay the truth: the bundle sits in build/ (not in git),
// `scripts/setup.sh` (run by `npm test` and `npm run demo`) rebuilds it, and tensile-opt.js uses it only
// while it is fresh, i.e. while no input file listed in its manifest changed since it was built; otherwise
// the CLI runs the sources through tsx, as before. Plain JavaScript: it runs before any TypeScript loader.
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const buildDir = join(root, "build");
const bundleIn = (dir) => join(dir, "tensile-opt.mjs");
const manifestIn = (dir) => join(dir, "tensile-opt.manifest.json");
export const bundleFile = bundleIn(buildDir);

/**
 * True when the bundle in `dir` exists and none of the files it was built from changed since (by size and
 * mtime): about a hundred stats, a millisecond.
 */
export function isBundleFresh(dir = buildDir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestIn(dir), "utf8"));
    statSync(bundleIn(dir));
  } catch {
    return false;
  }
  if (!Array.isArray(manifest.inputs)) return false;
  for (const { path, size, mtimeMs } of manifest.inputs) {
    try {
      const s = statSync(resolve(root, path));
      if (s.size !== size || s.mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Builds the bundle and its manifest (the inputs esbuild read, with their sizes and mtimes) into `dir`. */
export async function buildBundle(dir = buildDir) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [join(root, "cli", "tensile-opt.ts")],
    outfile: bundleIn(dir),
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // The native LLVM addon is loaded from node_modules as usual.
    external: ["llvm-bindings"],
    // CommonJS dependencies (fp-ts, io-ts) bundled into an ES module need a `require` for node built-ins.
    banner: { js: "import { createRequire as __tensileRequire } from 'node:module'; const require = __tensileRequire(import.meta.url);" },
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
  });
  // Dependencies in node_modules are represented by package-lock.json (npm ci rewrites both): fewer stats.
  const sources = Object.keys(result.metafile.inputs)
    .map((p) => resolve(p)) // esbuild names inputs relative to its working directory
    .filter((p) => !p.includes("/node_modules/"));
  const inputs = [...sources, join(root, "package-lock.json")].map((abs) => {
    const s = statSync(abs);
    return { path: relative(root, abs), size: s.size, mtimeMs: s.mtimeMs };
  });
  const { writeFileSync } = await import("node:fs");
  writeFileSync(manifestIn(dir), `${JSON.stringify({ inputs }, null, 1)}\n`);
  return inputs.length;
}

// `node cli/bundle.mjs`: rebuilds the bundle unless it is fresh (what scripts/setup.sh runs).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Silent when there is nothing to do, as setup.sh's other steps are.
  if (!isBundleFresh()) console.log(`built build/tensile-opt.mjs (fast start-up) from ${await buildBundle()} files`);
}
