/**
 * Whether mlir-opt-16 accepts IR that Tensile printed (`mlir-opt-16 --verify-each`): many modules in one process,
 * as chunks of a `--split-input-file` input, so that checking a sample of lowered programs costs one spawn.
 */
import { spawnSync } from "node:child_process";

/** Undefined when mlir-opt-16 parses and verifies every module; else its diagnostics, with the modules. */
export function mlir16Rejects(modules: readonly string[]): string | undefined {
  const input = modules.join("\n// -----\n");
  const r = spawnSync("mlir-opt-16", ["--split-input-file", "--verify-each", "-o", "/dev/null", "-"], { input, encoding: "utf8" });
  if (r.error !== undefined) throw new Error(`mlir-opt-16 could not run (scripts/setup.sh installs it): ${r.error.message}`);
  return r.status === 0 ? undefined : `mlir-opt-16 --verify-each rejects Tensile's output:\n${r.stderr}\n--- input ---\n${input}`;
}
