/**
 * The IR benchmark (`npm run bench -- ir`): generated func/arith/math/cf modules of 100k and 1M operations,
 * each run through Tensile (parse → verify → print, then canonicalize → cse → print, in-process, in a child
 * process of its own) and through mlir-opt-16 on the same file in the same run (wall clock of the process,
 * peak RSS from /usr/bin/time -v), printed side by side with ratios. Also: heap bytes per op of a parsed
 * module, and the start-up time of tensile-opt against mlir-opt-16's.
 *
 * Knobs: `BENCH_IR_SIZES=100000,1000000` (the default) picks the module sizes.
 * The goals (issue 6) are checked and reported, not asserted: this is a benchmark, not a test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isBundleFresh } from "../../cli/bundle.mjs";
import { generateModule } from "./generate.ts";
import type { PhaseTime, TensileFigures } from "./measure-tensile.ts";

const root = resolve(import.meta.dirname, "../..");
const MLIR_OPT = "mlir-opt-16";

interface ProcessFigures {
  readonly seconds: number;
  /** User + system CPU seconds (all threads). */
  readonly cpu: number;
  readonly peakRss: number;
}

/** Runs a command under /usr/bin/time -v: wall clock measured here, peak RSS as time reports it. */
function runTimed(cmd: string, args: readonly string[], stdoutFile?: string): ProcessFigures {
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  if (stdoutFile !== undefined) writeFileSync(stdoutFile, r.stdout);
  const field = (name: string): number => Number(new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr)?.[1] ?? 0);
  return {
    seconds,
    cpu: field("User time \\(seconds\\)") + field("System time \\(seconds\\)"),
    peakRss: field("Maximum resident set size \\(kbytes\\)") * 1024,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall clock and CPU time of `runs` runs of a command on a trivial module. */
function startup(cmd: string, args: readonly string[], runs = 7): ProcessFigures {
  const all = Array.from({ length: runs }, () => runTimed(cmd, args));
  return { seconds: median(all.map((f) => f.seconds)), cpu: median(all.map((f) => f.cpu)), peakRss: median(all.map((f) => f.peakRss)) };
}

interface SizeResult {
  readonly target: number;
  readonly bytes: number;
  readonly tensile: TensileFigures;
  readonly mlirPrint: ProcessFigures;
  readonly mlirCanon: ProcessFigures;
  readonly printMatches: Match;
  readonly canonMatches: Match;
}

type Match = "yes" | "same lines, in another order" | "NO";

/** mlir-opt ends its output with an empty line that the in-process printer does not add. */
function compareOutputs(a: string, b: string): Match {
  if (a.trimEnd() === b.trimEnd()) return "yes";
  const sorted = (x: string): string => x.trimEnd().split("\n").sort().join("\n");
  return sorted(a) === sorted(b) ? "same lines, in another order" : "NO";
}

function measureSize(target: number, dir: string): SizeResult {
  const { text } = generateModule(target);
  const input = join(dir, `ir-${target}.mlir`);
  writeFileSync(input, text);
  const worker = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=16384", "--import", "tsx", join(root, "bench/ir/measure-tensile.ts"), input, dir],
    { encoding: "utf8", cwd: root, maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (worker.status !== 0) throw new Error(`the Tensile measurement failed (${worker.status})`);
  const tensile = JSON.parse(worker.stdout.trim().split("\n").at(-1) as string) as TensileFigures;
  const mlirPrintFile = join(dir, "mlir-print.mlir");
  const mlirCanonFile = join(dir, "mlir-canon-cse.mlir");
  const mlirPrint = runTimed(MLIR_OPT, [input, "-o", mlirPrintFile]);
  const mlirCanon = runTimed(MLIR_OPT, ["--canonicalize", "--cse", input, "-o", mlirCanonFile]);
  const read = (f: string): string => readFileSync(join(dir, f), "utf8");
  return {
    target,
    bytes: text.length,
    tensile,
    mlirPrint,
    mlirCanon,
    printMatches: compareOutputs(read("tensile-print.mlir"), read("mlir-print.mlir")),
    canonMatches: compareOutputs(read("tensile-canon-cse.mlir"), read("mlir-canon-cse.mlir")),
  };
}

const s = (x: number): string => x.toFixed(2);
const mb = (x: number): string => `${(x / 1e6).toFixed(0)} MB`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
const sizeName = (r: SizeResult): string => `${(r.tensile.ops / 1000).toFixed(0)}k ops, ${mb(r.bytes)}`;

/** Sums of phases: parse + verify + print, and the whole canonicalize + cse run. */
function totals(t: TensileFigures): { pvp: PhaseTime; full: PhaseTime } {
  const sum = (...ps: PhaseTime[]): PhaseTime => ({ wall: ps.reduce((a, p) => a + p.wall, 0), cpu: ps.reduce((a, p) => a + p.cpu, 0) });
  return { pvp: sum(t.parse, t.verify, t.print), full: sum(t.parse, t.verify, t.canonicalize, t.cse, t.printAfter) };
}

function report(results: readonly SizeResult[], tensileStart: ProcessFigures, mlirStart: ProcessFigures): string {
  const lines: string[] = [];
  lines.push(
    "| module | what | Tensile wall | mlir-opt-16 wall | ratio | Tensile CPU | mlir-opt-16 CPU | ratio |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of results) {
    const t = r.tensile;
    const { pvp, full } = totals(t);
    const row = (what: string, a: PhaseTime, b: ProcessFigures): string =>
      `| ${sizeName(r)} | ${what} | ${s(a.wall)} s | ${s(b.seconds)} s | ${ratio(a.wall, b.seconds)} | ${s(a.cpu)} s | ${s(b.cpu)} s | ${ratio(a.cpu, b.cpu)} |`;
    const mlirRss = Math.max(r.mlirPrint.peakRss, r.mlirCanon.peakRss);
    lines.push(
      row("parse + verify + print", pvp, r.mlirPrint),
      row("parse, verify, canonicalize, cse, print", full, r.mlirCanon),
      `| ${sizeName(r)} | peak RSS | ${mb(t.peakRss)} | ${mb(mlirRss)} | ${ratio(t.peakRss, mlirRss)} | | | |`,
    );
  }
  lines.push(
    `| \`module {}\` | start-up (median of 7) | ${s(tensileStart.seconds)} s | ${s(mlirStart.seconds)} s | ${ratio(tensileStart.seconds, mlirStart.seconds)} | ` +
      `${s(tensileStart.cpu)} s | ${s(mlirStart.cpu)} s | ${ratio(tensileStart.cpu, mlirStart.cpu)} |`,
  );
  lines.push("", "| module | heap per op | Tensile phases, wall (CPU) in s | output as mlir-opt-16's |", "|---|---:|---|---|");
  for (const r of results) {
    const t = r.tensile;
    const p = (name: string, x: PhaseTime): string => `${name} ${s(x.wall)} (${s(x.cpu)})`;
    const phases = [
      p("parse", t.parse),
      p("verify", t.verify),
      p("print", t.print),
      p("canonicalize", t.canonicalize),
      p("cse", t.cse),
      p("print", t.printAfter),
    ].join(", ");
    lines.push(`| ${sizeName(r)} | ${t.heapBytesPerOp.toFixed(0)} B | ${phases} | print: ${r.printMatches}; canonicalize + cse: ${r.canonMatches} |`);
  }
  lines.push("", "Goals (issue 6), on CPU time (wall clock in parentheses):");
  for (const r of results) {
    const { pvp } = totals(r.tensile);
    const x = pvp.cpu / r.mlirPrint.cpu;
    const w = pvp.wall / r.mlirPrint.seconds;
    lines.push(`- ${sizeName(r)}: parse + verify + print within 3× of mlir-opt-16: ${x.toFixed(1)}× (${w.toFixed(1)}×) ${x <= 3 ? "met" : "not met"}`);
    const b = r.tensile.heapBytesPerOp;
    lines.push(`- ${sizeName(r)}: under 1 KB of heap per op: ${b.toFixed(0)} B ${b < 1024 ? "met" : "not met"}`);
  }
  const small = results[0];
  const large = results.at(-1);
  if (small !== undefined && large !== undefined && large !== small) {
    const k = Math.round(large.target / small.target);
    const a = totals(small.tensile).pvp;
    const b = totals(large.tensile).pvp;
    const x = b.cpu / a.cpu;
    lines.push(`- ${k}× the ops within ${k + 1}× the time (parse + verify + print): ${x.toFixed(1)}× (${(b.wall / a.wall).toFixed(1)}×) ${x <= k + 1 ? "met" : "not met"}`);
  }
  const st = tensileStart.cpu;
  lines.push(`- tensile-opt starts in under 0.2 s: ${s(st)} s (${s(tensileStart.seconds)} s) ${st < 0.2 ? "met" : "not met"}`);
  return lines.join("\n");
}

export function runIrBenchmark(): void {
  const sizes = (process.env.BENCH_IR_SIZES ?? "100000,1000000").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error("BENCH_IR_SIZES: a comma-separated list of op counts (>= 100)");
  const dir = mkdtempSync(join(tmpdir(), "tensile-bench-ir-"));
  try {
    const tiny = join(dir, "empty.mlir");
    writeFileSync(tiny, "module {}\n");
    // tensile-opt starts from its bundle only while the bundle matches the sources (else it runs them through
    // tsx): measure what a user gets after setup, not a stale bundle left by an edit.
    if (!isBundleFresh()) spawnSync(process.execPath, [join(root, "cli/bundle.mjs")], { stdio: "inherit" });
    const tensileStart = startup(process.execPath, [join(root, "cli/tensile-opt.js"), tiny]);
    const mlirStart = startup(MLIR_OPT, [tiny]);
    const results: SizeResult[] = [];
    for (const n of sizes) {
      process.stderr.write(`bench ir: ${n} ops...\n`);
      results.push(measureSize(n, dir));
    }
    process.stdout.write(`${report(results, tensileStart, mlirStart)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
