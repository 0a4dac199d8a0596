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
import { generateModule } from "./generate.ts";
import type { TensileFigures } from "./measure-tensile.ts";

const root = resolve(import.meta.dirname, "../..");
const MLIR_OPT = "mlir-opt-16";

interface ProcessFigures {
  readonly seconds: number;
  readonly peakRss: number;
}

/** Runs a command under /usr/bin/time -v: wall clock measured here, peak RSS as time reports it. */
function runTimed(cmd: string, args: readonly string[], stdoutFile?: string): ProcessFigures {
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  if (stdoutFile !== undefined) writeFileSync(stdoutFile, r.stdout);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { seconds, peakRss: m === null ? 0 : Number(m[1]) * 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall clock of `runs` runs of a command on a trivial module. */
function startup(cmd: string, args: readonly string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(cmd, args, { encoding: "utf8" });
    times.push((performance.now() - start) / 1000);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  }
  return median(times);
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

function report(results: readonly SizeResult[], tensileStart: number, mlirStart: number): string {
  const lines: string[] = [];
  lines.push("| module | what | Tensile | mlir-opt-16 | ratio |", "|---|---|---:|---:|---:|");
  for (const r of results) {
    const t = r.tensile;
    const name = `${(t.ops / 1000).toFixed(0)}k ops, ${mb(r.bytes)}`;
    const pvp = t.parse + t.verify + t.print;
    const full = t.parse + t.verify + t.canonicalize + t.cse + t.printAfter;
    lines.push(
      `| ${name} | parse + verify + print | ${s(pvp)} s | ${s(r.mlirPrint.seconds)} s | ${ratio(pvp, r.mlirPrint.seconds)} |`,
      `| ${name} | parse, verify, canonicalize, cse, print | ${s(full)} s | ${s(r.mlirCanon.seconds)} s | ${ratio(full, r.mlirCanon.seconds)} |`,
      `| ${name} | peak RSS | ${mb(t.peakRss)} | ${mb(Math.max(r.mlirPrint.peakRss, r.mlirCanon.peakRss))} | ${ratio(t.peakRss, Math.max(r.mlirPrint.peakRss, r.mlirCanon.peakRss))} |`,
      `| ${name} | heap per op (parsed module, after GC) | ${t.heapBytesPerOp.toFixed(0)} B | | |`,
      `| ${name} | Tensile phases (s) | parse ${s(t.parse)}, verify ${s(t.verify)}, print ${s(t.print)}, canonicalize ${s(t.canonicalize)}, cse ${s(t.cse)}, print ${s(t.printAfter)} | | |`,
      `| ${name} | output identical to mlir-opt-16's | print: ${r.printMatches}; canonicalize + cse: ${r.canonMatches} | | |`,
    );
  }
  lines.push(`| \`module {}\` | start-up (median of 7) | ${s(tensileStart)} s | ${s(mlirStart)} s | ${ratio(tensileStart, mlirStart)} |`);
  lines.push("", "Goals (issue 6):");
  const small = results[0];
  const large = results.at(-1);
  for (const r of results) {
    const t = r.tensile;
    const pvp = t.parse + t.verify + t.print;
    const x = pvp / r.mlirPrint.seconds;
    lines.push(`- ${(t.ops / 1000).toFixed(0)}k ops: parse + verify + print within 3× of mlir-opt-16: ${x.toFixed(1)}× ${x <= 3 ? "(met)" : "(not met)"}`);
    lines.push(`- ${(t.ops / 1000).toFixed(0)}k ops: under 1 KB heap per op: ${t.heapBytesPerOp.toFixed(0)} B ${t.heapBytesPerOp < 1024 ? "(met)" : "(not met)"}`);
  }
  if (small !== undefined && large !== undefined && large !== small) {
    const pvp = (t: TensileFigures): number => t.parse + t.verify + t.print;
    const k = Math.round(large.target / small.target);
    const x = pvp(large.tensile) / pvp(small.tensile);
    lines.push(`- ${k}× the ops within ${k + 1}× the time (parse + verify + print): ${x.toFixed(1)}× ${x <= k + 1 ? "(met)" : "(not met)"}`);
  }
  lines.push(`- tensile-opt starts in under 0.2 s: ${s(tensileStart)} s ${tensileStart < 0.2 ? "(met)" : "(not met)"}`);
  return lines.join("\n");
}

export function runIrBenchmark(): void {
  const sizes = (process.env.BENCH_IR_SIZES ?? "100000,1000000").split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error("BENCH_IR_SIZES: a comma-separated list of op counts (>= 100)");
  const dir = mkdtempSync(join(tmpdir(), "tensile-bench-ir-"));
  try {
    const tiny = join(dir, "empty.mlir");
    writeFileSync(tiny, "module {}\n");
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
