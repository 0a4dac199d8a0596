/**
 * The golden-test side of `--verify-diagnostics`: splits a file at `// -----` like `--split-input-file`,
 * checks each chunk's emitted diagnostics against its `expected-*` comments (src/diag/expected-diagnostics.ts
 * holds the MLIR semantics), and renders failures with file line numbers, the source line and a caret.
 */
import {
  type DiagnosticMismatch,
  type EmittedDiagnostic,
  compareDiagnostics,
  parseExpectedDiagnostics,
} from "../../src/diag/expected-diagnostics.ts";

import { type SourceChunk, splitInputFile } from "../../src/text/split-input.ts";

export type { EmittedDiagnostic } from "../../src/diag/expected-diagnostics.ts";
export { type SourceChunk, splitInputFile };


export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Checks `emitted` (lines relative to `sourceText`) against the `expected-*` comments of `sourceText`.
 * `firstLine` shifts reported line numbers, for a chunk of a larger file.
 */
export function verifyDiagnostics(
  sourceText: string,
  emitted: readonly EmittedDiagnostic[],
  opts: { readonly fileName?: string; readonly firstLine?: number } = {},
): VerifyResult {
  const mismatches = compareDiagnostics(parseExpectedDiagnostics(sourceText), emitted);
  if (mismatches.length === 0) return { ok: true };
  const lines = sourceText.split("\n");
  const fileName = opts.fileName ?? "<input>";
  const shift = (opts.firstLine ?? 1) - 1;
  return { ok: false, message: mismatches.map((m) => renderMismatch(m, lines, fileName, shift)).join("\n") };
}

/**
 * Runs `diagnose` on every `// -----` chunk of `fileText` and verifies each chunk on its own, as
 * `tensile-opt --split-input-file --verify-diagnostics` does. Failures of all chunks are reported together.
 */
export function verifyDiagnosticsByChunk(
  fileText: string,
  diagnose: (chunk: SourceChunk) => readonly EmittedDiagnostic[],
  opts: { readonly fileName?: string } = {},
): VerifyResult {
  const messages: string[] = [];
  for (const chunk of splitInputFile(fileText)) {
    const result = verifyDiagnostics(chunk.text, diagnose(chunk), { ...opts, firstLine: chunk.firstLine });
    if (!result.ok) messages.push(result.message);
  }
  return messages.length === 0 ? { ok: true } : { ok: false, message: messages.join("\n") };
}

function renderMismatch(m: DiagnosticMismatch, lines: readonly string[], fileName: string, shift: number): string {
  if (m.line <= 0) return `error: ${m.message}`;
  const column = m.column === undefined ? "" : `:${m.column}`;
  const head = `${fileName}:${m.line + shift}${column}: error: ${m.message}`;
  const source = lines[m.line - 1];
  if (source === undefined) return head;
  const caret = m.column === undefined ? "" : `\n${" ".repeat(m.column - 1)}^`;
  return `${head}\n${source.replace(/\t/g, " ")}${caret}`;
}
