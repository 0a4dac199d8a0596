/**
 * `tensile-opt`: Tensile's mlir-opt. Reads MLIR text (a file or stdin), parses and verifies it, runs a pass
 * pipeline on it, and prints it back, in custom or generic form, with or without locations.
 *
 *   tensile-opt model.mlir --pass-pipeline='builtin.module(func.func(canonicalize,cse))' --mlir-print-ir-after-all
 *   tensile-opt model.mlir --canonicalize --inline=max-iterations=3 --mlir-timing
 *   tensile-opt invalid.mlir --split-input-file --verify-diagnostics
 *   tensile-opt --run-reproducer /tmp/tensile-reproducer-0.mlir
 *
 * Passes come from a registry built here with Tensile's passes (rewrites/index.ts `newPassRegistry`);
 * `--load-pass-plugin=m.ts` imports a module whose exported `registerPasses(registry)` registers more in it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { newContext, newPassRegistry } from "../rewrites/index.ts";
import type { PassRegistry } from "../src/pass/registry.ts";
import { parseOptArgs, passHelp, runOpt, usage } from "./opt-driver.ts";
import { writeFileAtomic } from "./write-atomic.ts";

// For the start-up bundle's build (cli/bundle.mjs), which compiles the formats the bundle defers.
export { compileDeferredFormats } from "../src/irdl/define-op.ts";

/** The `--load-pass-plugin` values, read before the other flags so that plugin passes get flags too. */
function pluginArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    const m = /^--?load-pass-plugin(?:=(.*))?$/.exec(a);
    if (m === null) return;
    const v = m[1] ?? argv[i + 1];
    if (v !== undefined) out.push(v);
  });
  return out;
}

async function loadPlugin(path: string, registry: PassRegistry): Promise<string | undefined> {
  try {
    const mod = (await import(pathToFileURL(resolve(path)).href)) as { registerPasses?: unknown };
    if (typeof mod.registerPasses !== "function") return `cannot load pass plugin '${path}': it exports no registerPasses(registry) function`;
    (mod.registerPasses as (registry: PassRegistry) => void)(registry);
    return undefined;
  } catch (e) {
    return `cannot load pass plugin '${path}': ${(e as Error).message}`;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const registry = newPassRegistry();
  for (const plugin of pluginArgs(argv)) {
    const problem = await loadPlugin(plugin, registry);
    if (problem === undefined) continue;
    process.stderr.write(`tensile-opt: ${problem}\n`);
    return 1;
  }
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage + passHelp(registry));
    return 0;
  }
  const args = parseOptArgs(argv, registry);
  if (typeof args === "string") {
    process.stderr.write(`tensile-opt: ${args}\n`);
    return 2;
  }
  let text: string;
  const file = args.input === undefined || args.input === "-" ? "<stdin>" : args.input;
  try {
    text = file === "<stdin>" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (e) {
    process.stderr.write(`tensile-opt: cannot read '${file}': ${(e as Error).message}\n`);
    return 1;
  }
  const ctx = () => newContext({ allowUnregisteredDialects: args.opts.allowUnregisteredDialect });
  const result = runOpt(text, file, ctx, args.opts);
  if (result.stderr !== "") process.stderr.write(result.stderr);
  if (args.output === undefined || args.output === "-") process.stdout.write(result.stdout);
  else if (result.exitCode === 0) writeFileAtomic(args.output, result.stdout);
  return result.exitCode;
}
