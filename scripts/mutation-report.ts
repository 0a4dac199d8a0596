/**
 * The results of `npm run mutation` (scripts/mutation.ts): what happened to each mutant, the JSON report, how
 * reports of several runs merge (a run per chunk of files, then a re-run of the survivors after a fix), and the
 * table: per file, killed / survived / timed out / equivalent / invalid, and the score over the mutants that
 * are not equivalent.
 *
 *   | file | mutants | killed | survived | timed out | equivalent | invalid | score |
 *   | rewrites/cf/canonicalize.ts | 50 | 47 | 1 | 0 | 2 | 0 | 98% |
 */
import { readFileSync } from "node:fs";
import type { Mutant } from "./mutation-operators.ts";

/**
 * killed: the property tests failed; timeout: they did not end in time (also a kill); survived: they passed;
 * equivalent: they passed and the mutant is listed as equivalent (scripts/mutation-equivalent.ts, with why);
 * invalid: the mutant does not load (says nothing about the tests).
 */
export type Outcome = "killed" | "timeout" | "survived" | "equivalent" | "invalid";

/** How a killed mutant was caught: a program computed something else, a pattern/folder stopped firing, or a crash. */
export type KilledBy = "counterexample" | "coverage" | "error";

export interface MutantResult extends Mutant {
  readonly file: string;
  /** Which of the file's mutants with this same edit of this same line text it is (0 for the first). */
  readonly occurrence?: number;
  readonly outcome: Outcome;
  readonly seconds: number;
  readonly killedBy?: KilledBy;
  /** For an equivalent mutant: why (from the list). */
  readonly reason?: string;
}

export interface ReportOptions {
  readonly runs: number;
  readonly seed: number;
  readonly perFile: number;
}

export interface Report {
  readonly options: ReportOptions & Record<string, unknown>;
  readonly seconds: number;
  readonly results: readonly MutantResult[];
}

/**
 * A mutant's identity across runs and edits elsewhere in the file: its file, operator, edit, source line and
 * column (not its line number or offset, which move when an example above it grows), and which occurrence it
 * is when several patterns share the line.
 */
export function mutantKey(file: string, m: Pick<Mutant, "operator" | "replacement" | "context" | "column"> & { readonly occurrence?: number }): string {
  return [file, m.operator, m.replacement, m.context, m.column, m.occurrence ?? 0].join("\u0000");
}

/** The file's mutants with their occurrence numbers (see mutantKey). */
export function withOccurrences(file: string, all: readonly Mutant[]): (Mutant & { readonly occurrence: number })[] {
  const seen = new Map<string, number>();
  return all.map((m) => {
    const k = mutantKey(file, m);
    const occurrence = seen.get(k) ?? 0;
    seen.set(k, occurrence + 1);
    return { ...m, occurrence };
  });
}

export function readReport(path: string): Report {
  const r = JSON.parse(readFileSync(path, "utf8")) as Partial<Report>;
  if (!Array.isArray(r.results)) throw new Error(`mutation: ${path} is not a mutation report (no results)`);
  return r as Report;
}

/** Reports merged in order: a mutant's later result (a re-run) replaces its earlier one. */
export function mergeReports(reports: readonly Report[]): Report {
  const byKey = new Map<string, MutantResult>();
  for (const r of reports) {
    // Reports written before occurrences were recorded: number identical lines in report order.
    const seen = new Map<string, number>();
    for (const m of r.results) {
      const base = mutantKey(m.file, { ...m, occurrence: 0 });
      const occurrence = m.occurrence ?? seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      byKey.set(mutantKey(m.file, { ...m, occurrence }), m);
    }
  }
  const first = reports[0];
  if (first === undefined) throw new Error("mutation: no report to merge");
  return { options: first.options, seconds: reports.reduce((t, r) => t + (r.seconds ?? 0), 0), results: [...byKey.values()] };
}

/** What the killer's output says caught the mutant. */
export function killedBy(output: string): KilledBy {
  if (/found a counterexample/.test(output)) return "counterexample";
  if (/never fired/.test(output)) return "coverage";
  return "error";
}

const count = (rs: readonly MutantResult[], ...outcomes: Outcome[]): number => rs.filter((r) => outcomes.includes(r.outcome)).length;

/** Killed (timeouts included) over killed plus survived: equivalent and invalid mutants do not count. */
export function score(rs: readonly MutantResult[]): { killed: number; counted: number; text: string } {
  const killed = count(rs, "killed", "timeout");
  const counted = killed + count(rs, "survived");
  return { killed, counted, text: counted === 0 ? "-" : `${((100 * killed) / counted).toFixed(1)}%` };
}

/** The score table per file (a Markdown table), the total, and every survivor and equivalent mutant. */
export function renderReport(report: Report): string {
  const { results, options: o } = report;
  const files = [...new Set(results.map((r) => r.file))].sort();
  const sample = o.perFile === 0 ? "every mutant" : `up to ${o.perFile} mutants per file`;
  const lines = [
    `mutation score (property tests only; FC_RUNS=${o.runs}, seed ${o.seed}, ${sample}, ${report.seconds.toFixed(0)} s):`,
    "",
    "| file | mutants | killed | survived | timed out | equivalent | invalid | score |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const row = (name: string, rs: readonly MutantResult[]): string =>
    `| ${name} | ${rs.length} | ${count(rs, "killed")} | ${count(rs, "survived")} | ${count(rs, "timeout")} | ${count(rs, "equivalent")} | ${count(rs, "invalid")} | ${score(rs).text} |`;
  for (const f of files) lines.push(row(f, results.filter((r) => r.file === f)));
  lines.push(row("**total**", results));
  const total = score(results);
  const by = (k: KilledBy): number => results.filter((r) => r.outcome === "killed" && r.killedBy === k).length;
  lines.push(
    "",
    `score: ${total.text} (${total.killed} killed of ${total.counted} non-equivalent mutants); killed by a counterexample ${by("counterexample")}, by coverage (a pattern or folder stopped firing) ${by("coverage")}, by an error ${by("error")}`,
  );
  const site = (r: MutantResult): string => `${r.file}:${r.line} ${r.operator} -> ${JSON.stringify(r.replacement)} | ${r.context}`;
  const survivors = results.filter((r) => r.outcome === "survived");
  lines.push(`survivors (${survivors.length}):`, ...survivors.map((r) => `  ${site(r)}`));
  const equivalent = results.filter((r) => r.outcome === "equivalent");
  lines.push(`equivalent (${equivalent.length}):`, ...equivalent.map((r) => `  ${site(r)}\n      ${r.reason ?? ""}`));
  return lines.join("\n");
}
