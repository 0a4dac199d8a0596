/**
 * `tensile-opt`: Tensile's mlir-opt. Reads MLIR text (a file or stdin), parses and verifies it, and prints it
 * back, in custom or generic form, with or without locations.
 *
 *   tensile-opt model.mlir --mlir-print-op-generic
 *   tensile-opt invalid.mlir --split-input-file --verify-diagnostics
 */
import { readFileSync } from "node:fs";
import { newContext } from "../dialects/index.ts";
import { parseOptArgs, runOpt, usage } from "./opt-driver.ts";
import { writeFileAtomic } from "./write-atomic.ts";

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage);
    return 0;
  }
  const args = parseOptArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`tensile-opt: ${args}\n${usage}`);
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
