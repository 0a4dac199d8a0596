/**
 * The reports a pass manager keeps, one node per pipeline item (a pass, or a nested pipeline with its
 * items), accumulated over every op and every run, and their text in MLIR's layout:
 *
 *   ===-------------------------------------------------------------------------===
 *                            ... Execution time report ...
 *   ===-------------------------------------------------------------------------===
 *     Total Execution Time: 0.0012 seconds
 *
 *     ----Wall Time----  ----Name----
 *       0.0005 ( 41.2%)  Parser
 *       0.0001 (  8.5%)  'func.func' Pipeline
 *       0.0001 (  7.1%)    Canonicalizer
 *       ...
 *       0.0012 (100.0%)  Total
 *
 * and `--mlir-pass-statistics` (`(S) 3 num-erased - Number of ops erased` under each pass).
 */

/**
 * The clock of the timing reports, in seconds. process.hrtime, not the global `performance`, whose first use
 * loads perf_hooks: a few milliseconds of tensile-opt's start-up, spent whether or not timing was asked for.
 */
export function nowSeconds(): number {
  const [s, ns] = process.hrtime();
  return s + ns / 1e9;
}

export interface ReportNode {
  /** The pass's display name, `'func.func' Pipeline`, or a phase of a tool (`Parser`). */
  readonly name: string;
  readonly isPipeline: boolean;
  seconds: number;
  readonly statistics: Map<string, number>;
  readonly statisticDescriptions: Readonly<Record<string, string>>;
  readonly children: ReportNode[];
}

export function reportNode(name: string, opts: { isPipeline?: boolean; descriptions?: Readonly<Record<string, string>> } = {}): ReportNode {
  return {
    name,
    isPipeline: opts.isPipeline ?? false,
    seconds: 0,
    statistics: new Map(),
    statisticDescriptions: opts.descriptions ?? {},
    children: [],
  };
}

const RULE = `===${"-".repeat(73)}===\n`;

function banner(title: string): string {
  return `${RULE}${" ".repeat(Math.floor((80 - title.length) / 2))}${title}\n${RULE}`;
}

export type TimingDisplay = "tree" | "list";

/**
 * The execution time report of `rows` (top-level timers); `totalSeconds` is the whole run, the rest of it
 * shows as "Rest" (defaults to the sum of the rows).
 */
export function renderTimingReport(rows: readonly ReportNode[], totalSeconds?: number, display: TimingDisplay = "tree"): string {
  const sum = rows.reduce((s, r) => s + r.seconds, 0);
  const total = Math.max(totalSeconds ?? sum, sum);
  const line = (seconds: number, name: string, indent: number): string => {
    const pct = total > 0 ? (100 * seconds) / total : 0;
    return `  ${seconds.toFixed(4).padStart(8)} (${pct.toFixed(1).padStart(5)}%)  ${" ".repeat(indent)}${name}\n`;
  };
  let out = `${banner("... Execution time report ...")}  Total Execution Time: ${total.toFixed(4)} seconds\n\n`;
  out += "  ----Wall Time----  ----Name----\n";
  if (display === "list") {
    const merged = new Map<string, number>();
    const visit = (n: ReportNode): void => {
      merged.set(n.name, (merged.get(n.name) ?? 0) + n.seconds);
      n.children.forEach(visit);
    };
    rows.forEach(visit);
    for (const [name, s] of [...merged].sort((a, b) => b[1] - a[1])) out += line(s, name, 0);
  } else {
    const visit = (n: ReportNode, indent: number): void => {
      out += line(n.seconds, n.name, indent);
      for (const c of n.children) visit(c, indent + 2);
    };
    for (const r of rows) visit(r, 0);
  }
  out += line(Math.max(0, total - sum), "Rest", 0);
  out += line(total, "Total", 0);
  return out;
}

export type StatisticsDisplay = "pipeline" | "list";

function statLines(n: { statistics: ReadonlyMap<string, number>; statisticDescriptions: Readonly<Record<string, string>> }, indent: number): string {
  const stats = [...n.statistics].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const nameWidth = Math.max(0, ...stats.map(([k]) => k.length));
  const valueWidth = Math.max(0, ...stats.map(([, v]) => String(v).length));
  return stats
    .map(([k, v]) => `${" ".repeat(indent)}(S) ${String(v).padStart(valueWidth)} ${k.padEnd(nameWidth)} - ${n.statisticDescriptions[k] ?? ""}\n`)
    .join("");
}

/** The pass statistics report: per pass in pipeline order (default), or merged per pass name in a list. */
export function renderStatisticsReport(rows: readonly ReportNode[], display: StatisticsDisplay = "pipeline"): string {
  let out = banner("... Pass statistics report ...");
  if (display === "list") {
    const merged = new Map<string, { statistics: Map<string, number>; statisticDescriptions: Record<string, string> }>();
    const visit = (n: ReportNode): void => {
      if (n.isPipeline) return n.children.forEach(visit);
      if (n.statistics.size === 0) return;
      let m = merged.get(n.name);
      if (m === undefined) merged.set(n.name, (m = { statistics: new Map(), statisticDescriptions: {} }));
      Object.assign(m.statisticDescriptions, n.statisticDescriptions);
      for (const [k, v] of n.statistics) m.statistics.set(k, (m.statistics.get(k) ?? 0) + v);
    };
    rows.forEach(visit);
    for (const [name, m] of [...merged].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out += `  ${name}\n${statLines(m, 4)}`;
  } else {
    const visit = (n: ReportNode, indent: number): void => {
      out += `${" ".repeat(indent)}${n.name}\n${statLines(n, indent + 2)}`;
      for (const c of n.children) visit(c, indent + 2);
    };
    for (const r of rows) visit(r, 0);
  }
  return `${out}\n`;
}

/** Adds `from`'s times and statistics into `into` (same shape: the same pipeline run again). */
export function mergeReports(into: ReportNode[], from: readonly ReportNode[]): void {
  from.forEach((f, i) => {
    const t = into[i];
    if (t === undefined || t.name !== f.name) {
      into.push(f);
      return;
    }
    t.seconds += f.seconds;
    for (const [k, v] of f.statistics) t.statistics.set(k, (t.statistics.get(k) ?? 0) + v);
    mergeReports(t.children, f.children);
  });
}
