/**
 * Diagnostics: what every fallible step (parse, verify, convert, pass) reports. A diagnostic has a severity,
 * a message, a location and notes, and renders like MLIR's, with the source line and a caret:
 *
 *   bad.mlir:3:12: error: 'arith.addi' op requires the same type for all operands and results
 *     %0 = arith.addi %a, %b : i32
 *              ^
 */
import { type Location, fileLineCol, unknownLoc } from "../ir/location.ts";
import type { Operation } from "../ir/operation.ts";

export type Severity = "error" | "warning" | "remark" | "note";

export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly loc: Location;
  readonly notes: readonly Diagnostic[];
  /**
   * The op the diagnostic is about, when it was emitted on one (MLIR's `op->emitError` / `emitOpError`):
   * mlir-opt shows it under the error as `note: see current operation: ...` (outside --verify-diagnostics).
   */
  readonly op?: Operation;
}

export function diag(severity: Severity, loc: Location | undefined, message: string, notes: readonly Diagnostic[] = []): Diagnostic {
  return { severity, message, loc: loc ?? unknownLoc(), notes };
}
export const error = (loc: Location | undefined, message: string, notes: readonly Diagnostic[] = []): Diagnostic =>
  diag("error", loc, message, notes);
export const note = (loc: Location | undefined, message: string): Diagnostic => diag("note", loc, message);

/** The source texts diagnostics refer to, by file name, so a caret can be drawn under the column. */
export class SourceManager {
  readonly #files = new Map<string, string[]>();
  add(file: string, text: string): void {
    this.#files.set(file, text.split("\n"));
  }
  line(file: string, line: number): string | undefined {
    return this.#files.get(file)?.[line - 1];
  }
}

/**
 * Renders a diagnostic (and its notes) as MLIR's SourceMgrDiagnosticHandler prints it: each with its location,
 * and with the source line and a caret when known, except that a note at the same place as the line before it
 * shows no source again (`note: see current operation` / `note: prior use here` under their error).
 */
export function renderDiagnostic(d: Diagnostic, sources?: SourceManager): string {
  let out = renderOne(d, sources, true);
  let previous = d.loc;
  for (const n of d.notes) {
    // Locations are interned: the same place is the same object, as MLIR compares them.
    out += `\n${renderOne(n, sources, n.loc !== previous)}`;
    previous = n.loc;
  }
  return out;
}

function renderOne(d: Diagnostic, sources: SourceManager | undefined, showSource: boolean): string {
  const pos = fileLineCol(d.loc);
  const where = pos !== undefined ? `${pos.file}:${pos.line}:${pos.col}: ` : "";
  const out = `${where}${d.severity}: ${d.message}`;
  const src = pos !== undefined && showSource ? sources?.line(pos.file, pos.line) : undefined;
  if (pos === undefined || src === undefined) return out;
  return `${out}\n${src.replace(/\t/g, " ")}\n${" ".repeat(Math.max(0, pos.col - 1))}^`;
}


/** Thrown only for internal invariant failures; expected failures are returned as Diagnostic values. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
