/**
 * The work of `tensile-opt` without process I/O, so tests run it in-process: split the input, parse and
 * verify each chunk, print it (or check its diagnostics against `expected-*` comments).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import {
  type EmittedDiagnostic,
  checkExpectedDiagnostics,
  parseExpectedDiagnostics,
} from "../src/diag/expected-diagnostics.ts";
import { type Diagnostic, renderDiagnostic, SourceManager } from "../src/diag/diagnostic.ts";
import type { Context } from "../src/ir/context.ts";
import { fileLineCol } from "../src/ir/location.ts";
import { verify } from "../src/irdl/verifier.ts";
import { parseSource } from "../src/text/parser.ts";
import { printOp } from "../src/text/printer.ts";
import { splitInputFile } from "../src/text/split-input.ts";

export interface OptOptions {
  readonly generic: boolean;
  readonly debugInfo: boolean;
  readonly splitInputFile: boolean;
  readonly verifyDiagnostics: boolean;
  readonly allowUnregisteredDialect: boolean;
}

export interface OptResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export const usage = `usage: tensile-opt [options] [file.mlir | -]

Parses, verifies and prints MLIR (MLIR 16 textual format).

  -o <file>                       write the output to <file> (atomically)
  --mlir-print-op-generic         print every op in generic form
  --mlir-print-debuginfo          print locations
  --split-input-file              process each '// -----' chunk separately
  --verify-diagnostics            check diagnostics against 'expected-error' comments
  --allow-unregistered-dialect    accept ops of unknown dialects (generic form)
  -h, --help                      this help
`;

export interface OptArgs {
  readonly input: string | undefined;
  readonly output: string | undefined;
  readonly opts: OptOptions;
}

/** Reads mlir-opt-style flags; a string is a usage error. */
export function parseOptArgs(argv: readonly string[]): OptArgs | string {
  let input: string | undefined;
  let output: string | undefined;
  const opts: { -readonly [K in keyof OptOptions]: OptOptions[K] } = {
    generic: false,
    debugInfo: false,
    splitInputFile: false,
    verifyDiagnostics: false,
    allowUnregisteredDialect: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const flag = a.replace(/^--?/, "");
    switch (flag) {
      case "mlir-print-op-generic":
        opts.generic = true;
        break;
      case "mlir-print-debuginfo":
        opts.debugInfo = true;
        break;
      case "split-input-file":
        opts.splitInputFile = true;
        break;
      case "verify-diagnostics":
        opts.verifyDiagnostics = true;
        break;
      case "allow-unregistered-dialect":
        opts.allowUnregisteredDialect = true;
        break;
      case "o":
        output = argv[++i];
        if (output === undefined) return "-o needs a file name";
        break;
      default:
        if (a.startsWith("-o") && a.length > 2 && !a.startsWith("--")) {
          output = a.slice(2);
        } else if (a === "-" || !a.startsWith("-")) {
          if (input !== undefined) return `unexpected extra input file '${a}'`;
          input = a;
        } else {
          return `unknown option '${a}'`;
        }
    }
  }
  return { input, output, opts };
}

/** Processes one input text; `makeContext` gives a fresh context per chunk (resources do not leak between chunks). */
export function runOpt(text: string, file: string, makeContext: () => Context, opts: OptOptions): OptResult {
  const chunks = opts.splitInputFile ? splitInputFile(text) : [{ text, firstLine: 1 }];
  const outputs: string[] = [];
  let stderr = "";
  let failed = false;
  for (const chunk of chunks) {
    // Pad with newlines so that line numbers in diagnostics are those of the whole file.
    const padded = "\n".repeat(chunk.firstLine - 1) + chunk.text;
    const sources = new SourceManager();
    sources.add(file, padded);
    const r = processChunk(padded, file, makeContext(), opts);
    if (opts.verifyDiagnostics) {
      const problems = checkExpectedDiagnostics(parseExpectedDiagnostics(padded), r.diagnostics.flatMap(flatten), { fileName: file });
      if (problems.length > 0) {
        failed = true;
        stderr += `${problems.join("\n")}\n`;
      }
    } else if (r.diagnostics.length > 0) {
      failed = true;
      stderr += `${r.diagnostics.map((d) => renderDiagnostic(d, sources)).join("\n")}\n`;
    }
    if (r.output !== undefined) outputs.push(r.output);
  }
  const stdout = outputs.map((o) => (o.endsWith("\n") ? o : `${o}\n`)).join("// -----\n");
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}

function processChunk(text: string, file: string, ctx: Context, opts: OptOptions): { diagnostics: Diagnostic[]; output?: string } {
  const parsed = parseSource(text, ctx, { file });
  if (isLeft(parsed)) return { diagnostics: [parsed.left] };
  const module = parsed.right;
  // Like mlir-opt: the first verifier error, so --verify-diagnostics files written against it agree.
  const verified = verify(module, { ctx, stopAtFirst: true });
  if (isLeft(verified)) return { diagnostics: verified.left };
  return { diagnostics: [], output: printOp(module, { generic: opts.generic, debugInfo: opts.debugInfo, ctx }) };
}

/** A diagnostic and its notes, as the expected-diagnostics checker sees them. */
function flatten(d: Diagnostic): EmittedDiagnostic[] {
  const pos = fileLineCol(d.loc);
  const self: EmittedDiagnostic = {
    severity: d.severity,
    line: pos?.line ?? 0,
    ...(pos !== undefined ? { column: pos.col } : {}),
    message: d.message,
  };
  return [self, ...d.notes.flatMap(flatten)];
}
