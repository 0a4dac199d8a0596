/**
 * `--verify-diagnostics`: reads the `// expected-error @+1 {{...}}` comments of a source text and checks the
 * diagnostics a run produced against them, with the semantics and wording of MLIR 16's
 * SourceMgrDiagnosticVerifierHandler (checked against `mlir-opt-16 --verify-diagnostics`):
 *
 * - A designator is `expected-(error|warning|remark|note)`, optionally `-re`, optionally followed by
 *   `@+N`, `@-N`, `@above` or `@below`, then `{{message}}`, which must end the line (trailing spaces aside).
 *   Anything else on the line after the last `}}` makes the comment a plain comment. The message is
 *   everything between the first `{{` and the last `}}`, so only one designator per line counts.
 * - Without `-re` the message is literal and matches when it is a substring of the emitted message
 *   (`{{.*}}` inside it is literal text). With `-re`, `{{regex}}` blocks inside the message are regexes and
 *   the rest is literal; the whole is searched for anywhere in the emitted message.
 * - `@above` means the closest line above that holds no designator, `@below` the closest line below that
 *   holds none (a plain comment line counts as a line).
 * - One emitted diagnostic satisfies the first expectation on its line whose message matches and whose
 *   severity agrees; an expectation can absorb any number of diagnostics.
 *
 * This module depends on nothing else in the repository: the CLI and the test harness adapt their own
 * diagnostics to `EmittedDiagnostic` (notes attached to a diagnostic are passed as entries of their own).
 */

export type ExpectedSeverity = "error" | "warning" | "remark" | "note";

/** A diagnostic as a run emitted it, reduced to what verification needs. */
export interface EmittedDiagnostic {
  readonly severity: ExpectedSeverity;
  /** 1-based line in the verified text; 0 or less when the diagnostic has no file location. */
  readonly line: number;
  /** 1-based column, when known; only used to point at the diagnostic in messages. */
  readonly column?: number;
  readonly message: string;
}

/** One `expected-*` designator read from the source. */
export interface ExpectedDiagnostic {
  readonly severity: ExpectedSeverity;
  /** The 1-based line the diagnostic must be reported on. */
  readonly line: number;
  /** The text between the outer `{{` and `}}`, as written. */
  readonly message: string;
  /** Set for `expected-*-re` designators whose message compiled. */
  readonly regex: RegExp | undefined;
  /** Where the designator is written (1-based line and column of `expected-`). */
  readonly at: { readonly line: number; readonly column: number };
  /** Why the designator cannot be used (a malformed `-re` message); such an entry never matches. */
  readonly malformed: string | undefined;
}

/** A verification failure: where to point (1-based; line 0 = no location) and MLIR's wording. */
export interface DiagnosticMismatch {
  readonly line: number;
  readonly column: number | undefined;
  readonly message: string;
}

const designatorPattern =
  /expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below))? *\{\{([\s\S]*)\}\}$/;

/** Reads every `expected-*` designator of `sourceText` (one file, or one `// -----` chunk of it). */
export function parseExpectedDiagnostics(sourceText: string): ExpectedDiagnostic[] {
  const lines = sourceText.split("\n");
  const found: ExpectedDiagnostic[] = [];
  // 0-based index of the last line without a designator; `@above` refers to it.
  let lastPlainLine = 0;
  // Indices into `found` of `@below` designators waiting for the next plain line.
  let waitingForNextPlainLine: number[] = [];

  for (const [index, rawLine] of lines.entries()) {
    const m = designatorPattern.exec(rawLine.trimEnd());
    if (m === null) {
      for (const waiting of waitingForNextPlainLine) {
        const e = found[waiting];
        if (e !== undefined) found[waiting] = { ...e, line: index + 1 };
      }
      waitingForNextPlainLine = [];
      lastPlainLine = index;
      continue;
    }
    const severity = m[1] as ExpectedSeverity;
    const message = m[5] ?? "";
    const at = { line: index + 1, column: m.index + 1 };
    const compiled = m[2] !== undefined ? compileMessageRegex(message) : { regex: undefined, malformed: undefined };
    const offset = m[4];
    let line = index + 1;
    if (offset === "above") line = lastPlainLine + 1;
    else if (offset === "below") {
      // Dangling `@below` designators (no plain line follows) stay on the last line, as in MLIR.
      waitingForNextPlainLine.push(found.length);
      line = lines.length;
    } else if (offset !== undefined) line += Number.parseInt(offset, 10);
    found.push({ severity, line, message, regex: compiled.regex, at, malformed: compiled.malformed });
  }
  return found;
}

/** MLIR's match: substring for plain designators, unanchored regex search for `-re` ones. */
export function expectationMatches(expected: ExpectedDiagnostic, emittedMessage: string): boolean {
  if (expected.malformed !== undefined) return false;
  if (expected.regex !== undefined) return expected.regex.test(emittedMessage);
  return emittedMessage.includes(expected.message);
}

/**
 * Compares emitted diagnostics with expectations and lists every mismatch in the order MLIR reports them:
 * malformed designators, then per emitted diagnostic (in emission order) a near miss or "unexpected", then
 * every expectation that nothing satisfied.
 */
export function compareDiagnostics(
  expected: readonly ExpectedDiagnostic[],
  emitted: readonly EmittedDiagnostic[],
): DiagnosticMismatch[] {
  const mismatches: DiagnosticMismatch[] = [];
  for (const e of expected) {
    if (e.malformed !== undefined) mismatches.push({ line: e.at.line, column: e.at.column, message: e.malformed });
  }
  const usable = expected.filter((e) => e.malformed === undefined);
  const satisfied = new Set<ExpectedDiagnostic>();

  for (const d of emitted) {
    const hasLocation = d.line > 0;
    let nearMiss: ExpectedDiagnostic | undefined;
    let matched = false;
    // Without a file location nothing can be expected (MLIR 16 has no `@unknown`).
    for (const e of hasLocation ? usable : []) {
      if (e.line !== d.line || !expectationMatches(e, d.message)) continue;
      if (e.severity === d.severity) {
        satisfied.add(e);
        matched = true;
        break;
      }
      nearMiss = e;
    }
    if (matched) continue;
    if (nearMiss !== undefined) {
      mismatches.push({
        line: nearMiss.at.line,
        column: nearMiss.at.column,
        message: `'${d.severity}' diagnostic emitted when expecting a '${nearMiss.severity}'`,
      });
      continue;
    }
    mismatches.push({
      line: hasLocation ? d.line : 0,
      column: hasLocation ? d.column : undefined,
      message: `unexpected ${d.severity}: ${d.message}`,
    });
  }

  for (const e of usable) {
    if (satisfied.has(e)) continue;
    mismatches.push({
      line: e.at.line,
      column: e.at.column,
      message: `expected ${e.severity} "${e.message}" was not produced`,
    });
  }
  return mismatches;
}

/**
 * The same comparison as `compareDiagnostics`, rendered as MLIR prints it:
 * `file:4:6: error: expected error "..." was not produced`. Empty when everything matched.
 */
export function checkExpectedDiagnostics(
  expected: readonly ExpectedDiagnostic[],
  emitted: readonly EmittedDiagnostic[],
  opts: { readonly fileName?: string } = {},
): string[] {
  const fileName = opts.fileName ?? "<input>";
  return compareDiagnostics(expected, emitted).map((m) => `${mismatchLocation(fileName, m)}error: ${m.message}`);
}

function mismatchLocation(fileName: string, m: DiagnosticMismatch): string {
  if (m.line <= 0) return "";
  if (m.column === undefined) return `${fileName}:${m.line}: `;
  return `${fileName}:${m.line}:${m.column}: `;
}

/**
 * Builds the regex of an `expected-*-re` message: literal text escaped, each `{{regex}}` block kept as a
 * group. Regex blocks use POSIX extended syntax in MLIR; the POSIX bracket classes (`[[:digit:]]`) are
 * translated, other syntax is read as JavaScript's, which agrees on everything tests normally write.
 */
function compileMessageRegex(message: string): { regex: RegExp | undefined; malformed: string | undefined } {
  let source = "";
  let rest = message;
  for (;;) {
    const open = rest.indexOf("{{");
    if (open < 0) {
      source += escapeRegex(rest);
      break;
    }
    source += escapeRegex(rest.slice(0, open));
    rest = rest.slice(open + 2);
    const close = rest.indexOf("}}");
    if (close < 0) return { regex: undefined, malformed: "found start of regex with no end '}}'" };
    const block = translatePosixClasses(rest.slice(0, close));
    const problem = regexSyntaxError(block);
    if (problem !== undefined) return { regex: undefined, malformed: `invalid regex: ${problem}` };
    source += `(${block})`;
    rest = rest.slice(close + 2);
  }
  return { regex: new RegExp(source), malformed: undefined };
}

function regexSyntaxError(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (err: unknown) {
    return err instanceof Error ? err.message : String(err);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

const posixClasses: Readonly<Record<string, string>> = {
  alnum: "A-Za-z0-9",
  alpha: "A-Za-z",
  blank: " \\t",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: " \\t\\n\\r\\f\\v",
  upper: "A-Z",
  xdigit: "0-9A-Fa-f",
};

function translatePosixClasses(source: string): string {
  return source.replace(/\[:([a-z]+):\]/g, (whole, name: string) => posixClasses[name] ?? whole);
}
