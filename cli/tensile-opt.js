#!/usr/bin/env node
// Entry point of `npx tensile-opt`. Runs the prebuilt bundle when it is fresh (fast start-up; see bundle.mjs and bundle-loader.cjs),
// otherwise the TypeScript CLI through tsx's loader. Pass plugins are TypeScript modules that import Tensile's
// sources, so with --load-pass-plugin the CLI must run from those same sources (one pass registry), not the bundle.
import { createRequire } from "node:module";

// The loader is CommonJS, required rather than imported: see its header.
const { loadBundle } = createRequire(import.meta.url)("./bundle-loader.cjs");

const argv = process.argv.slice(2);
const usesPlugin = argv.some((a) => /^--?load-pass-plugin(=|$)/.test(a));
const bundled = usesPlugin || process.env.TENSILE_NO_BUNDLE !== undefined ? undefined : loadBundle()?.exports.main;
if (bundled !== undefined) {
  const code = await bundled(argv);
  // Everything is written (synchronously, for files and pipes on Linux): exit without Node's tear-down.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
  process.exitCode = code;
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("./tensile-opt.ts");
  process.exitCode = await main(argv);
}
