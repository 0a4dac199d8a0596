/**
 * A FileCheck for golden tests: the subset of LLVM FileCheck (14) that MLIR tests use, with its semantics
 * (checked against `FileCheck-14 --enable-var-scope`):
 *
 * - Directives `CHECK:`, `-NEXT:`, `-SAME:`, `-NOT:`, `-DAG:`, `-LABEL:`, `-EMPTY:`, `-COUNT-<n>:` and the
 *   `{LITERAL}` modifier, for any prefix (`--check-prefix`/`--check-prefixes`). A prefix counts only when not
 *   preceded by a word character; lines whose first directive is `COM:` or `RUN:` are comments.
 * - Patterns: literal text, `{{regex}}`, `[[VAR:regex]]` definitions, `[[VAR]]` uses, `[[@LINE]]`,
 *   `[[@LINE+n]]` and `[[#@LINE+n]]`. Variables are cleared at each CHECK-LABEL region, except `$`-named
 *   globals (FileCheck's `--enable-var-scope`). Labels may not define or use variables.
 * - Runs of spaces and tabs, in the check file and in the input, are one space; patterns are trimmed.
 * - A pattern matches anywhere from the end of the previous match, possibly on the same line.
 * - After a failure the checker goes on with the next CHECK-LABEL region, so one run reports one failure
 *   per region, like FileCheck.
 *
 * Regexes are POSIX extended in FileCheck and are read here as JavaScript regexes (POSIX bracket classes
 * such as `[[:space:]]` are translated); the two agree on what tests normally write, though JavaScript
 * takes the first alternative that matches where POSIX takes the longest.
 */

export interface FileCheckOptions {
  /** The check prefix, or several (FileCheck's `--check-prefix` / `--check-prefixes`). Default `CHECK`. */
  readonly prefix?: string | readonly string[];
  /** Names used in failure messages. */
  readonly checkFileName?: string;
  readonly inputFileName?: string;
}

export type FileCheckResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

type Kind = "plain" | "next" | "same" | "not" | "dag" | "label" | "empty" | "eof";

type Piece =
  | { readonly t: "text"; readonly text: string }
  | { readonly t: "regex"; readonly source: string }
  | { readonly t: "def"; readonly name: string; readonly source: string }
  | { readonly t: "use"; readonly name: string; readonly at: number }
  | { readonly t: "number"; readonly value: number };

interface Directive {
  readonly kind: Kind;
  /** As written in messages: `CHECK-NEXT`. */
  readonly name: string;
  readonly count: number;
  readonly pieces: readonly Piece[];
  /** 1-based line in the check file and 0-based column of the pattern in the raw line. */
  readonly line: number;
  readonly column: number;
  readonly rawLine: string;
}

/** A positive directive with the CHECK-DAG / CHECK-NOT directives written before it. */
interface CheckString {
  readonly directive: Directive;
  readonly dagNots: readonly Directive[];
}

class CheckFileError extends Error {}

export function fileCheck(checkText: string, input: string, opts: FileCheckOptions = {}): FileCheckResult {
  const prefixes = typeof opts.prefix === "string" ? [opts.prefix] : (opts.prefix ?? ["CHECK"]);
  const files = { check: opts.checkFileName ?? "check", input: opts.inputFileName ?? "input" };
  for (const p of prefixes) {
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(p)) return { ok: false, message: `error: invalid check prefix '${p}'` };
  }
  let strings: CheckString[];
  try {
    strings = parseCheckFile(checkText, prefixes, files.check);
  } catch (err: unknown) {
    if (err instanceof CheckFileError) return { ok: false, message: err.message };
    throw err;
  }
  const failures = new Matcher(input, files).run(strings);
  return failures.length === 0 ? { ok: true } : { ok: false, message: failures.join("\n\n") };
}

// ---------------------------------------------------------------------------------------------------------
// The check file

const commentPrefixes = ["COM", "RUN"];
const suffixKinds: readonly (readonly [string, Kind])[] = [
  ["-NEXT", "next"], ["-SAME", "same"], ["-NOT", "not"], ["-DAG", "dag"], ["-LABEL", "label"], ["-EMPTY", "empty"],
];

interface FoundDirective {
  readonly kind: Kind | "comment";
  readonly name: string;
  readonly count: number;
  readonly literal: boolean;
  /** Index in the raw line just after the colon. */
  readonly patternStart: number;
  readonly prefixStart: number;
}

function parseCheckFile(checkText: string, prefixes: readonly string[], fileName: string): CheckString[] {
  const strings: CheckString[] = [];
  let pending: Directive[] = [];
  const candidates = [...prefixes, ...commentPrefixes].sort((a, b) => b.length - a.length);

  for (const [index, rawWithCr] of checkText.split("\n").entries()) {
    const rawLine = rawWithCr.endsWith("\r") ? rawWithCr.slice(0, -1) : rawWithCr;
    const found = findDirective(rawLine, candidates, prefixes);
    if (found === undefined || found.kind === "comment") continue;
    const where = { fileName, line: index + 1, rawLine };
    const raw = rawLine.slice(found.patternStart);
    const lead = raw.length - raw.trimStart().length;
    const patternText = canonicalize(raw.trim());
    const column = found.patternStart + lead;
    const fail = (col: number, message: string): never => {
      throw new CheckFileError(formatAt(where, col, `error: ${message}`));
    };
    const firstPrefix = `'${prefixes[0] ?? "CHECK"}:'`;
    if (found.kind === "empty" && patternText !== "") {
      fail(column, `found non-empty check string for empty check with prefix ${firstPrefix}`);
    }
    if (found.kind !== "empty" && patternText === "") fail(column, `found empty check string with prefix ${firstPrefix}`);
    const needsPrevious = found.kind === "next" || found.kind === "same" || found.kind === "empty";
    if (needsPrevious && strings.length === 0) {
      fail(found.prefixStart, `found '${found.name}' without previous '${prefixes[0] ?? "CHECK"}: line`);
    }
    const pieces: Piece[] = found.literal
      ? [{ t: "text", text: patternText }]
      : parsePattern(patternText, index + 1, (offset, message) => fail(rawColumn(rawLine, column, offset), message));
    if (found.kind === "label" && pieces.some((p) => p.t === "def" || p.t === "use" || p.t === "number")) {
      fail(found.prefixStart, `found '${found.name}:' with variable definition or use`);
    }
    const { kind, name, count } = found;
    const directive: Directive = { kind, name, count, pieces, line: index + 1, column, rawLine };
    if (found.kind === "dag" || found.kind === "not") {
      pending.push(directive);
      continue;
    }
    strings.push({ directive, dagNots: pending });
    pending = [];
  }
  if (pending.length > 0) {
    const eof: Directive = { kind: "eof", name: "end of file", count: 1, pieces: [], line: 0, column: 0, rawLine: "" };
    strings.push({ directive: eof, dagNots: pending });
  }
  if (strings.length === 0) {
    const list = prefixes.map((p) => `'${p}:'`).join(", ");
    throw new CheckFileError(`error: no check strings found with prefix${prefixes.length > 1 ? "es" : ""} ${list}`);
  }
  return strings;
}

/** The leftmost directive of a line, trying longer prefixes first at each position. */
function findDirective(line: string, candidates: readonly string[], checkPrefixes: readonly string[]): FoundDirective | undefined {
  for (let at = 0; at < line.length; at++) {
    if (at > 0 && isWordChar(line[at - 1] ?? "")) continue;
    for (const prefix of candidates) {
      if (!line.startsWith(prefix, at)) continue;
      const found = readSuffix(line, at, prefix, checkPrefixes.includes(prefix));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function readSuffix(line: string, prefixStart: number, prefix: string, isCheckPrefix: boolean): FoundDirective | undefined {
  const rest = line.slice(prefixStart + prefix.length);
  const base = { prefixStart, count: 1, literal: false };
  if (!isCheckPrefix) {
    return rest.startsWith(":") ? { ...base, kind: "comment", name: prefix, patternStart: prefixStart + prefix.length + 1 } : undefined;
  }
  const m = /^(-NEXT|-SAME|-NOT|-DAG|-LABEL|-EMPTY|-COUNT-([0-9]+))?(\{LITERAL\})?:/.exec(rest);
  if (m === null) return undefined;
  const suffix = m[1] ?? "";
  const count = m[2] !== undefined ? Number.parseInt(m[2], 10) : 1;
  if (count < 1) return undefined;
  const kind = suffixKinds.find(([s]) => s === suffix)?.[1] ?? "plain";
  const patternStart = prefixStart + prefix.length + m[0].length;
  return { prefixStart, kind, name: prefix + suffix, count, literal: m[3] !== undefined, patternStart };
}

function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_-]/.test(c);
}

/** Splits a canonical pattern into pieces; `fail(offset, message)` reports at an offset of the pattern. */
function parsePattern(text: string, checkLine: number, fail: (offset: number, message: string) => never): Piece[] {
  const pieces: Piece[] = [];
  let literal = "";
  const flush = (): void => {
    if (literal !== "") pieces.push({ t: "text", text: literal });
    literal = "";
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("{{", i)) {
      const end = text.indexOf("}}", i + 2);
      if (end < 0) fail(i, "found start of regex string with no end '}}'");
      const source = translatePosixClasses(text.slice(i + 2, end));
      if (source === "") fail(i + 2, "invalid regex: empty (sub)expression");
      checkRegex(source, (message) => fail(i + 2, message));
      flush();
      pieces.push({ t: "regex", source });
      i = end + 2;
      continue;
    }
    if (text.startsWith("[[", i)) {
      const end = substitutionEnd(text, i + 2);
      if (end < 0) fail(i, "Invalid substitution block, no ]] found");
      flush();
      pieces.push(parseSubstitution(text.slice(i + 2, end), i + 2, checkLine, fail));
      i = end + 2;
      continue;
    }
    literal += text[i];
    i++;
  }
  flush();
  return pieces;
}

/** The index of the `]]` closing a substitution block, skipping brackets and backslash escapes inside it. */
function substitutionEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (depth === 0 && text.startsWith("]]", i)) return i;
    if (c === "[") depth++;
    else if (c === "]" && depth > 0) depth--;
  }
  return -1;
}

function parseSubstitution(body: string, offset: number, checkLine: number, fail: (offset: number, message: string) => never): Piece {
  const lineRef = /^#?@LINE(?:([+-])\s*([0-9]+))?$/.exec(body.replace(/\s+/g, ""));
  if (lineRef !== null) {
    const delta = lineRef[2] === undefined ? 0 : Number.parseInt(lineRef[2], 10) * (lineRef[1] === "-" ? -1 : 1);
    return { t: "number", value: checkLine + delta };
  }
  if (body.startsWith("#")) fail(offset, "numeric substitution blocks other than [[#@LINE]] are not supported");
  const name = /^\$?[A-Za-z_][A-Za-z0-9_]*/.exec(body)?.[0];
  if (name === undefined) fail(offset, "invalid variable name");
  const rest = body.slice(name.length);
  if (rest === "") return { t: "use", name, at: offset };
  if (!rest.startsWith(":")) fail(offset, "invalid name in string variable use");
  const source = translatePosixClasses(rest.slice(1));
  checkRegex(source, (message) => fail(offset + name.length + 1, message));
  return { t: "def", name, source };
}

function checkRegex(source: string, fail: (message: string) => never): void {
  try {
    new RegExp(source);
  } catch (err: unknown) {
    fail(`invalid regex: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const posixClasses: Readonly<Record<string, string>> = {
  alnum: "A-Za-z0-9", alpha: "A-Za-z", blank: " \\t", cntrl: "\\x00-\\x1f\\x7f", digit: "0-9", graph: "!-~",
  lower: "a-z", print: " -~", punct: "!-\\/:-@\\[-`{-~", space: " \\t\\n\\r\\f\\v", upper: "A-Z", xdigit: "0-9A-Fa-f",
};

function translatePosixClasses(source: string): string {
  return source.replace(/\[:([a-z]+):\]/g, (whole, name: string) => posixClasses[name] ?? whole);
}

// ---------------------------------------------------------------------------------------------------------
// Matching

function canonicalize(text: string): string {
  return text.replace(/[ \t]+/g, " ");
}

/** The raw column reached by walking `canonicalOffset` canonical characters from raw column `start`. */
function rawColumn(raw: string, start: number, canonicalOffset: number): number {
  let i = start;
  for (let c = 0; c < canonicalOffset && i < raw.length; c++) {
    if (raw[i] === " " || raw[i] === "\t") {
      while (raw[i] === " " || raw[i] === "\t") i++;
    } else i++;
  }
  return i;
}

interface Match {
  readonly start: number;
  readonly end: number;
}

type Outcome = { readonly ok: true; readonly match: Match } | { readonly ok: false; readonly message: string };

class Matcher {
  readonly #raw: string[];
  readonly #lines: string[];
  readonly #lineStarts: number[] = [];
  readonly #end: number;
  readonly #vars = new Map<string, string>();
  readonly #files: { readonly check: string; readonly input: string };

  constructor(input: string, files: { readonly check: string; readonly input: string }) {
    this.#raw = input.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
    this.#lines = this.#raw.map(canonicalize);
    let offset = 0;
    for (const line of this.#lines) {
      this.#lineStarts.push(offset);
      offset += line.length + 1;
    }
    this.#end = offset - 1;
    this.#files = files;
  }

  /** FileCheck's checkInput: split the input at CHECK-LABEL matches, then check each region in turn. */
  run(strings: readonly CheckString[]): string[] {
    const failures: string[] = [];
    let regionStart = 0;
    let i = 0;
    for (;;) {
      let j = i;
      while (j < strings.length && strings[j]?.directive.kind !== "label") j++;
      let regionEnd = this.#end;
      const label = strings[j];
      if (label !== undefined) {
        const found = this.#matchCount(label.directive, regionStart, this.#end);
        if (!found.ok) {
          failures.push(found.message);
          break;
        }
        regionEnd = found.match.end;
        j++;
      }
      if (i !== 0) this.#clearLocalVariables();
      let pos = regionStart;
      for (; i < j; i++) {
        const s = strings[i];
        if (s === undefined) break;
        const result = this.#checkString(s, pos, regionEnd);
        if (!result.ok) {
          failures.push(result.message);
          i = j;
          break;
        }
        pos = result.match.end;
      }
      if (j >= strings.length) break;
      regionStart = regionEnd;
    }
    return failures;
  }

  #clearLocalVariables(): void {
    for (const name of [...this.#vars.keys()]) if (!name.startsWith("$")) this.#vars.delete(name);
  }

  /** FileCheckString::Check: the DAG/NOT group, the match itself, then the NEXT/SAME/EMPTY and NOT rules. */
  #checkString(s: CheckString, from: number, limit: number): Outcome {
    const nots: Directive[] = [];
    const afterDag = this.#checkDagGroup(s.dagNots, from, limit, nots);
    if (!afterDag.ok) return afterDag;
    const lastPos = afterDag.match.end;
    const found = this.#matchCount(s.directive, lastPos, limit);
    if (!found.ok) return found;
    const d = s.directive;
    const prevLine = this.#lineOf(lastPos);
    const matchLine = this.#lineOf(found.match.start);
    if (d.kind === "next" || d.kind === "empty") {
      // An EMPTY match is the empty line itself; a NEXT match must start on the line after the previous one.
      const newlines = d.kind === "empty" ? this.#lineOf(found.match.end) - prevLine : matchLine - prevLine;
      if (newlines === 0) return this.#wrongLine(d, "is on the same line as previous match", found.match, lastPos);
      if (newlines !== 1) return this.#wrongLine(d, "is not on the line after the previous match", found.match, lastPos);
    }
    if (d.kind === "same" && matchLine !== prevLine) {
      return this.#wrongLine(d, "is not on the same line as the previous match", found.match, lastPos);
    }
    const excluded = this.#checkNots(nots, lastPos, found.match.start);
    if (!excluded.ok) return excluded;
    return { ok: true, match: { start: found.match.start, end: found.match.end } };
  }

  /** FileCheck's CheckDag: CHECK-DAGs match in any order without overlapping; CHECK-NOTs split groups. */
  #checkDagGroup(dagNots: readonly Directive[], from: number, limit: number, nots: Directive[]): Outcome {
    let start = from;
    let ranges: Match[] = [];
    for (const [index, d] of dagNots.entries()) {
      if (d.kind === "not") {
        nots.push(d);
        continue;
      }
      let searchFrom = start;
      let r = 0;
      for (;;) {
        const found = this.#matchOnce(d, searchFrom, limit);
        if (!found.ok) return found;
        const m = found.match;
        let overlap = false;
        for (; r < ranges.length; r++) {
          const old = ranges[r];
          if (old !== undefined && m.start < old.end) {
            overlap = old.start < m.end;
            break;
          }
        }
        if (!overlap) {
          ranges.splice(r, 0, m);
          break;
        }
        searchFrom = ranges[r]?.end ?? limit;
        r++;
      }
      const next = dagNots[index + 1];
      if (next !== undefined && next.kind !== "not") continue;
      const first = ranges[0];
      const last = ranges[ranges.length - 1];
      if (first === undefined || last === undefined) continue;
      const excluded = this.#checkNots(nots, start, first.start);
      if (!excluded.ok) return excluded;
      nots.length = 0;
      start = last.end;
      ranges = [];
    }
    return { ok: true, match: { start, end: start } };
  }

  #checkNots(nots: readonly Directive[], from: number, to: number): Outcome {
    for (const d of nots) {
      const compiled = this.#compile(d, from);
      if (!compiled.ok) return compiled;
      const m = this.#search(compiled.regex, from, to);
      if (m === undefined) continue;
      return {
        ok: false,
        message: [
          this.#checkHeader(d, `${d.name}: excluded string found in input`),
          this.#inputNote(m.start, "found here"),
          ...compiled.notes,
          this.#inputWindow(m.start, [[this.#lineOf(m.start), "!"]]),
        ].join("\n"),
      };
    }
    return { ok: true, match: { start: from, end: from } };
  }

  /** Matches a directive `count` times in a row (CHECK-COUNT-n); the match spans all of them. */
  #matchCount(d: Directive, from: number, limit: number): Outcome {
    let pos = from;
    let start = -1;
    for (let k = 0; k < d.count; k++) {
      const found = this.#matchOnce(d, pos, limit);
      if (!found.ok) return found;
      if (start < 0) start = found.match.start;
      pos = found.match.end;
    }
    return { ok: true, match: { start, end: pos } };
  }

  #matchOnce(d: Directive, from: number, limit: number): Outcome {
    if (d.kind === "eof") return { ok: true, match: { start: limit, end: limit } };
    if (d.kind === "empty") return this.#matchEmptyLine(d, from, limit);
    const compiled = this.#compile(d, from);
    if (!compiled.ok) return compiled;
    const m = this.#search(compiled.regex, from, limit);
    if (m === undefined) return this.#notFound(d, from, limit, compiled.notes);
    for (const [name, group] of compiled.defs) {
      const value = m.groups[group];
      if (value !== undefined) this.#vars.set(name, value);
    }
    return { ok: true, match: { start: m.start, end: m.end } };
  }

  /** CHECK-EMPTY matches the newline before the first empty line after `from` (FileCheck's `\n$`). */
  #matchEmptyLine(d: Directive, from: number, limit: number): Outcome {
    for (let l = this.#lineOf(from) + 1; l < this.#lines.length; l++) {
      const lineStart = this.#lineStarts[l] ?? this.#end;
      if (lineStart > limit) break;
      if (this.#lines[l] === "") return { ok: true, match: { start: lineStart, end: lineStart } };
    }
    return this.#notFound(d, from, limit, []);
  }

  /** Searches line by line: no pattern can match across a newline, as with FileCheck's REG_NEWLINE. */
  #search(regex: RegExp, from: number, limit: number): (Match & { groups: Record<string, string | undefined> }) | undefined {
    for (let l = this.#lineOf(from); l < this.#lines.length; l++) {
      const lineStart = this.#lineStarts[l] ?? this.#end;
      if (lineStart > limit) break;
      const s = Math.max(from, lineStart);
      const e = Math.min(limit, lineStart + (this.#lines[l]?.length ?? 0));
      if (s > e) continue;
      const m = regex.exec((this.#lines[l] ?? "").slice(s - lineStart, e - lineStart));
      if (m !== null) return { start: s + m.index, end: s + m.index + m[0].length, groups: m.groups ?? {} };
    }
    return undefined;
  }

  /** Builds the regex of a directive with the current variable values substituted. */
  #compile(d: Directive, at: number):
    | { readonly ok: true; readonly regex: RegExp; readonly defs: readonly (readonly [string, string])[]; readonly notes: string[] }
    | { readonly ok: false; readonly message: string } {
    let source = "";
    const defs: [string, string][] = [];
    const localGroups = new Map<string, string>();
    const notes: string[] = [];
    for (const piece of d.pieces) {
      switch (piece.t) {
        case "text":
          source += escapeRegex(piece.text);
          break;
        case "regex":
          source += `(?:${piece.source})`;
          break;
        case "number":
          source += escapeRegex(String(piece.value));
          break;
        case "def": {
          const group = `fc${defs.length}`;
          source += `(?<${group}>${piece.source})`;
          defs.push([piece.name, group]);
          localGroups.set(piece.name, group);
          break;
        }
        case "use": {
          const group = localGroups.get(piece.name);
          if (group !== undefined) {
            source += `\\k<${group}>`;
            break;
          }
          const value = this.#vars.get(piece.name);
          if (value === undefined) {
            const column = rawColumnOfPattern(d, piece.at);
            const header = this.#checkHeader(d, `undefined variable: ${piece.name}`, column);
            return { ok: false, message: `${header}\n${this.#inputNote(at, "scanning from here")}` };
          }
          source += escapeRegex(value);
          notes.push(this.#inputNote(at, `with "${piece.name}" equal to "${value}"`, false));
          break;
        }
      }
    }
    return { ok: true, regex: new RegExp(source), defs, notes };
  }

  #notFound(d: Directive, from: number, limit: number, notes: readonly string[]): Outcome {
    const marks: [number, string][] = [[this.#lineOf(from), ">"]];
    const out = [
      this.#checkHeader(d, `${d.name}: expected string not found in input`),
      this.#inputNote(from, "scanning from here"),
      ...notes,
    ];
    const guess = this.#possibleMatch(d, from, limit);
    if (guess !== undefined) {
      out.push(this.#inputNote(this.#lineStarts[guess] ?? from, "possible intended match here"));
      marks.push([guess, "?"]);
    }
    out.push(this.#inputWindow(from, marks));
    return { ok: false, message: out.join("\n") };
  }

  #wrongLine(d: Directive, problem: string, match: Match, previousEnd: number): Outcome {
    const matchAt = d.kind === "empty" ? match.end : match.start;
    const out = [
      this.#checkHeader(d, `${d.name}: ${problem}`),
      this.#inputNote(matchAt, "'next' match was here"),
      this.#inputNote(previousEnd, "previous match ended here"),
    ];
    const prevLine = this.#lineOf(previousEnd);
    const between = this.#lineStarts[prevLine + 1];
    if (problem.startsWith("is not on the line after") && between !== undefined) {
      out.push(this.#inputNote(between, "non-matching line after previous match is here"));
    }
    out.push(this.#inputWindow(previousEnd, [[prevLine, ">"], [this.#lineOf(matchAt), "!"]]));
    return { ok: false, message: out.join("\n") };
  }

  /** The line after `from` sharing the most words with the pattern's literal text, if it shares enough. */
  #possibleMatch(d: Directive, from: number, limit: number): number | undefined {
    const words = new Set<string>();
    for (const p of d.pieces) {
      const text = p.t === "text" ? p.text : p.t === "use" ? (this.#vars.get(p.name) ?? "") : "";
      for (const w of text.match(/[A-Za-z0-9_]+/g) ?? []) words.add(w);
    }
    const total = [...words].reduce((n, w) => n + w.length, 0);
    if (total === 0) return undefined;
    let best: number | undefined;
    let bestScore = 0;
    const lastLine = Math.min(this.#lineOf(limit), this.#lineOf(from) + 5000);
    for (let l = this.#lineOf(from); l <= lastLine; l++) {
      const line = this.#lines[l] ?? "";
      let score = 0;
      for (const w of words) if (line.includes(w)) score += w.length;
      if (score > bestScore) {
        best = l;
        bestScore = score;
      }
    }
    return bestScore * 2 >= total ? best : undefined;
  }

  #lineOf(offset: number): number {
    let lo = 0;
    let hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** `check:12:8: error: ...` with the check line and a caret under the pattern. */
  #checkHeader(d: Directive, message: string, column = d.column): string {
    if (d.kind === "eof") return `${this.#files.check}: error: ${message} (CHECK-NOT/CHECK-DAG at end of file)`;
    return formatAt({ fileName: this.#files.check, line: d.line, rawLine: d.rawLine }, column, `error: ${message}`);
  }

  /** `input:5:3: note: ...` with the input line and a caret (raw columns: whitespace runs expanded back). */
  #inputNote(offset: number, message: string, withLine = true): string {
    const line = this.#lineOf(offset);
    const raw = this.#raw[line] ?? "";
    const column = rawColumn(raw, 0, offset - (this.#lineStarts[line] ?? 0));
    const where = `${this.#files.input}:${line + 1}:${column + 1}: note: ${message}`;
    if (!withLine) return where;
    return `${where}\n${raw.replace(/\t/g, " ")}\n${" ".repeat(column)}^`;
  }

  /** A numbered excerpt of the input around `offset`; `marks` flags lines (`>` scan start, `?`, `!`). */
  #inputWindow(offset: number, marks: readonly (readonly [number, string])[]): string {
    const center = this.#lineOf(offset);
    const marked = marks.map(([l]) => l);
    const first = Math.max(0, Math.min(center, ...marked) - 2);
    const last = Math.min(this.#raw.length - 1, Math.max(center + 6, ...marked.map((l) => l + 1)), first + 40);
    const width = String(last + 1).length;
    const out = [`${this.#files.input} lines ${first + 1}-${last + 1}:`];
    for (let l = first; l <= last; l++) {
      const mark = marks.find(([m]) => m === l)?.[1] ?? " ";
      out.push(`${mark} ${String(l + 1).padStart(width)} | ${(this.#raw[l] ?? "").replace(/\t/g, " ")}`);
    }
    return out.join("\n");
  }
}

function rawColumnOfPattern(d: Directive, canonicalOffset: number): number {
  return rawColumn(d.rawLine, d.column, canonicalOffset);
}

function formatAt(where: { fileName: string; line: number; rawLine: string }, column: number, message: string): string {
  return `${where.fileName}:${where.line}:${column + 1}: ${message}\n${where.rawLine.replace(/\t/g, " ")}\n${" ".repeat(column)}^`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
