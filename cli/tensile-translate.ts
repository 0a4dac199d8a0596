/**
 * `tensile-translate`: Tensile's mlir-translate. `--mlir-to-llvmir` reads a module of the llvm dialect (a file or
 * stdin), parses and verifies it, translates it to LLVM IR in-process (codegen/translate, through llvm-bindings)
 * and prints that IR (LLVM 14's text), to stdout or to `-o FILE` (written whole or not at all).
 *
 *   tensile-translate --mlir-to-llvmir lowered.mlir -o lowered.ll
 *
 * Errors (a syntax error, an invalid op, an op outside the llvm dialect) are printed with their location, the
 * source line and a caret, and the exit status is 1.
 */
import { readFileSync } from "node:fs";
import { isLeft } from "fp-ts/lib/Either.js";
import { translateToLLVM } from "../codegen/translate/module.ts";
import { newContext } from "../rewrites/index.ts";
import { type Diagnostic, renderDiagnostic, SourceManager } from "../src/diag/diagnostic.ts";
import { verify } from "../src/irdl/verifier.ts";
import { parseSource } from "../src/text/parser.ts";
import { writeFileAtomic } from "./write-atomic.ts";

export const usage = `OVERVIEW: Tensile's translation of MLIR to other formats

USAGE: tensile-translate --mlir-to-llvmir [input file] [-o output file]

  --mlir-to-llvmir   translate a module of the llvm dialect to LLVM IR
  -o <file>          write the output here (default: stdout)
  -h, --help         this text
`;

interface TranslateArgs {
  readonly input: string;
  readonly output: string | undefined;
}

function parseArgs(argv: readonly string[]): TranslateArgs | string {
  let input: string | undefined;
  let output: string | undefined;
  let mode: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--mlir-to-llvmir" || a === "-mlir-to-llvmir") mode = "llvmir";
    else if (a === "-o") {
      output = argv[++i];
      if (output === undefined) return "-o needs a file name";
    } else if (a.startsWith("-o=")) output = a.slice(3);
    else if (a === "-") input = "-";
    else if (a.startsWith("-")) return `unknown option '${a}'`;
    else if (input === undefined) input = a;
    else return `more than one input file ('${input}', '${a}')`;
  }
  if (mode === undefined) return "choose a translation (--mlir-to-llvmir)";
  return { input: input ?? "-", output };
}

export function main(argv: readonly string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`tensile-translate: ${args}\n${usage}`);
    return 1;
  }
  const file = args.input === "-" ? "<stdin>" : args.input;
  let text: string;
  try {
    text = readFileSync(args.input === "-" ? 0 : args.input, "utf8");
  } catch (e) {
    process.stderr.write(`tensile-translate: cannot read '${file}': ${(e as Error).message}\n`);
    return 1;
  }
  const sources = new SourceManager();
  sources.add(file, text);
  const report = (ds: readonly Diagnostic[]): number => {
    process.stderr.write(`${ds.map((d) => renderDiagnostic(d, sources)).join("\n")}\n`);
    return 1;
  };
  const ctx = newContext();
  const parsed = parseSource(text, ctx, { file });
  if (isLeft(parsed)) return report([parsed.left]);
  const verified = verify(parsed.right, { ctx, stopAtFirst: true });
  if (isLeft(verified)) return report(verified.left);
  const translated = translateToLLVM(parsed.right);
  if (isLeft(translated)) return report(translated.left);
  const ir = translated.right.module.print();
  translated.right.module.dispose();
  try {
    if (args.output === undefined || args.output === "-") process.stdout.write(ir);
    else writeFileAtomic(args.output, ir);
  } catch (e) {
    process.stderr.write(`tensile-translate: cannot write '${args.output}': ${(e as Error).message}\n`);
    return 1;
  }
  return 0;
}
