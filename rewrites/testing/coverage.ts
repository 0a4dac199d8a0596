/**
 * Pattern and folder coverage for checkRewrite: which patterns and which op folders actually fired (applied,
 * not merely tried) in how many of the programs a property test ran, and a failure naming each one that never
 * fired. A property test whose programs never contain what a pattern matches says nothing about that pattern;
 * this makes that visible instead of silently green.
 *
 *   checkRewrite({ transform: "builtin.module(func.func(canonicalize))", programs: programs(),
 *     coverage: { patterns: canonicalizationPatterns(ctx), folders: arithOps,
 *                 exclude: { "arith.foo-bar": "matches only vector types, which programs do not generate" } } });
 *
 * Entries are named by the pattern's name, and `fold:<op name>` for an op kind's fold hook.
 */
import type { Operation } from "../../src/ir/operation.ts";
import type { OpDefinition } from "../../src/irdl/define-op.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import type { RewriteListener } from "../../src/rewrite/rewriter.ts";

/** What checkRewrite checks the coverage of. */
export interface CoverageSpec {
  /** The patterns under test (default: the transform itself when it is a pattern list); rewrite or conversion patterns. */
  readonly patterns?: readonly Pick<Pattern, "name">[];
  /**
   * Entries a transform that is not pattern-based reports by name through the listener's `notifyPatternApplied`
   * (one-shot-bufferize reports `bufferize:<op name>` for each op it bufferizes).
   */
  readonly entries?: readonly string[];
  /** Op kinds whose fold hooks are under test (kinds without a fold hook are ignored). */
  readonly folders?: readonly (typeof Operation)[];
  /**
   * Entries that may never fire, each with the reason (`{ "fold:arith.foo": "why it cannot fire on ..." }`).
   * They are still counted and shown; they only do not fail the check.
   */
  readonly exclude?: Readonly<Record<string, string>>;
  /** Where the table goes (default: console.log); `false` prints nothing. */
  readonly report?: ((table: string) => void) | false;
}

export interface CoverageEntry {
  readonly name: string;
  /** In how many programs it fired at least once. */
  readonly programs: number;
  /** How many times it fired in all. */
  readonly times: number;
  /** Why it may never fire (from `exclude`), if excluded. */
  readonly excluded: string | undefined;
}

export interface CoverageReport {
  /** Programs that were rewritten (those skipped for undefined behaviour are not counted). */
  readonly programs: number;
  readonly entries: readonly CoverageEntry[];
  /** Entries under test, not excluded, that never fired. */
  readonly unexercised: readonly string[];
}

/** The name of an op kind's folder in coverage tables and exclusions. */
export const folderName = (opName: string): string => `fold:${opName}`;

/** Whether an op kind has a fold hook. */
export function hasFolder(cls: typeof Operation): boolean {
  const def = cls.info as OpDefinition | undefined;
  return def !== undefined && "behaviour" in def && def.behaviour.fold !== undefined;
}

/** Counts firings per program: `listener` goes to the rewrite; `endProgram` after each program. */
export class CoverageCounter {
  readonly #underTest: string[];
  readonly #exclude: Readonly<Record<string, string>>;
  readonly #programs = new Map<string, number>();
  readonly #times = new Map<string, number>();
  /** What fired in the program being rewritten, and how often. */
  #current = new Map<string, number>();
  #count = 0;

  constructor(spec: CoverageSpec, patterns: readonly Pick<Pattern, "name">[]) {
    const names = [...patterns.map((p) => p.name), ...(spec.entries ?? []), ...(spec.folders ?? []).filter(hasFolder).map((c) => folderName(c.info?.name ?? ""))];
    this.#underTest = [...new Set(names)];
    this.#exclude = spec.exclude ?? {};
    const unknown = Object.keys(this.#exclude).filter((n) => !this.#underTest.includes(n));
    if (unknown.length > 0) throw new Error(`checkRewrite coverage: excluded entries that are not under test: ${unknown.join(", ")}`);
  }

  #fired(name: string): void {
    this.#current.set(name, (this.#current.get(name) ?? 0) + 1);
  }

  readonly listener: RewriteListener = {
    notifyPatternApplied: (pattern) => {
      if (pattern !== "fold") this.#fired(pattern);
    },
    notifyOperationFolded: (op) => this.#fired(folderName(op.name)),
  };

  /** Ends one program: what fired since the last call counts once for it. */
  endProgram(): void {
    this.#count++;
    for (const [n, times] of this.#current) {
      this.#programs.set(n, (this.#programs.get(n) ?? 0) + 1);
      this.#times.set(n, (this.#times.get(n) ?? 0) + times);
    }
    this.#current.clear();
  }

  /** Forgets what fired since the last `endProgram` (a program that does not count: skipped, or failed). */
  dropProgram(): void {
    this.#current.clear();
  }

  report(): CoverageReport {
    const entries = this.#underTest.map((name) => ({
      name,
      programs: this.#programs.get(name) ?? 0,
      times: this.#times.get(name) ?? 0,
      excluded: this.#exclude[name],
    }));
    const unexercised = entries.filter((e) => e.programs === 0 && e.excluded === undefined).map((e) => e.name);
    return { programs: this.#count, entries, unexercised };
  }
}

/** The coverage table: one line per entry, least exercised first. */
export function renderCoverage(r: CoverageReport, title = "pattern coverage"): string {
  const width = Math.max(8, ...r.entries.map((e) => e.name.length));
  const pct = (n: number): string => (r.programs === 0 ? "-" : `${((100 * n) / r.programs).toFixed(0)}%`);
  const lines = [...r.entries]
    .sort((a, b) => a.programs - b.programs || a.name.localeCompare(b.name))
    .map((e) => {
      const note = e.excluded === undefined ? (e.programs === 0 ? "  NEVER FIRED" : "") : `  excluded: ${e.excluded}`;
      return `  ${e.name.padEnd(width)}  fired in ${String(e.programs).padStart(5)} of ${r.programs} programs (${pct(e.programs).padStart(4)})${note}`;
    });
  return [`${title}: ${r.entries.length} entries, ${r.unexercised.length} never fired`, ...lines].join("\n");
}

/** The failure message for entries that never fired, or undefined when every entry under test fired. */
export function coverageFailure(r: CoverageReport): string | undefined {
  if (r.unexercised.length === 0) return undefined;
  return [
    `checkRewrite: ${r.unexercised.length} pattern(s)/folder(s) under test never fired in ${r.programs} programs, so the property says nothing about them:`,
    ...r.unexercised.map((n) => `  ${n}`),
    "Give each an example its programs can grow around (Pattern.examples), or exclude it with the reason it cannot fire.",
  ].join("\n");
}
