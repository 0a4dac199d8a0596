/**
 * `npm run mutation`: mutation testing of the rewrites and the dialects' folders, with only the property tests
 * as killers. Each mutant (scripts/mutation-operators.ts: +/- swapped, a boundary moved, a constant changed,
 * operands swapped, a condition dropped, a value not returned...) is written into a scratch copy of the
 * repository and the property tests that cover its file run on it in a child process, with a timeout. A
 * mutant the tests fail on (or time out on) is killed; one they pass on survived: either the properties miss
 * a behaviour, or the mutant is equivalent (changes nothing observable). Outside CI: it takes CPU.
 *
 *   npm run mutation                                       # every target file, a sample of 25 mutants each
 *   npm run mutation -- rewrites/arith/canonicalize-int.ts --per-file 0     # every mutant of one file
 *   npm run mutation -- --per-file 40 --seed 7 --timeout 120 --json out.json
 *
 * Options: target files (default: rewrites/**.ts but rewrites/testing, and dialects/*\/fold*.ts);
 * --per-file N (mutants sampled per file, 0 = all; default 25); --seed S (the sample); --timeout SECONDS per
 * mutant (default 3x the unmutated run, at least 60); --runs N (FC_RUNS for the killers, default 150);
 * --json PATH (the full report); --killer "CMD" (one killer command for every file, run in the scratch copy).
 * Prints the score per file and every survivor (file:line, the edit, the line).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { applyMutant, type Mutant, mutantsOf } from "./mutation-operators.ts";

/** The property tests that kill the mutants of each file, by path prefix (first match). */
const KILLERS: readonly (readonly [prefix: string, args: readonly string[], env: Readonly<Record<string, string>>])[] = [
  ["rewrites/arith/canonicalize-int.ts", ["test/prop/patterns"], { PROP_SETS: "arith-int" }],
  ["rewrites/arith/canonicalize-cast.ts", ["test/prop/patterns"], { PROP_SETS: "arith-cast" }],
  ["rewrites/arith/canonicalize-float.ts", ["test/prop/patterns"], { PROP_SETS: "arith-float" }],
  ["rewrites/arith/", ["test/prop/patterns"], { PROP_SETS: "arith-int,arith-cast,arith-float" }],
  ["rewrites/cf/", ["test/prop/patterns"], { PROP_SETS: "cf" }],
  ["rewrites/func/", ["test/prop/patterns"], { PROP_SETS: "cf" }],
  ["dialects/arith/", ["test/prop/patterns"], { PROP_SETS: "arith-folds" }],
  ["dialects/math/", ["test/prop/patterns"], { PROP_SETS: "math-folds" }],
  ["rewrites/", ["test/prop/passes"], {}],
];

interface Options {
  files: string[];
  perFile: number;
  seed: number;
  timeout: number | undefined;
  runs: number;
  json: string | undefined;
  killer: string | undefined;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { files: [], perFile: 25, seed: 1, timeout: undefined, runs: 150, json: undefined, killer: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`mutation: ${a} needs a value`);
      return v;
    };
    const int = (): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`mutation: ${a} takes a non-negative integer, not '${v}'`);
      return n;
    };
    if (a === "--per-file") o.perFile = int();
    else if (a === "--seed") o.seed = int();
    else if (a === "--timeout") o.timeout = int();
    else if (a === "--runs") o.runs = int();
    else if (a === "--json") o.json = value();
    else if (a === "--killer") o.killer = value();
    else if (a.startsWith("--")) throw new Error(`mutation: unknown option ${a}`);
    else o.files.push(a);
  }
  return o;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The default targets: the rewrites (but their testing harness) and every dialect's folders. */
function defaultTargets(root: string): string[] {
  const rewrites = walk(join(root, "rewrites")).filter((f) => f.endsWith(".ts") && !f.includes("/testing/"));
  const folds = readdirSync(join(root, "dialects")).flatMap((d) => {
    const dir = join(root, "dialects", d);
    return statSync(dir).isDirectory() ? readdirSync(dir).filter((f) => /^fold.*\.ts$/.test(f)).map((f) => join(dir, f)) : [];
  });
  return [...rewrites, ...folds].map((f) => relative(root, f)).sort();
}

/** A seeded shuffle, so a sample is reproducible. */
function sample<T>(xs: readonly T[], n: number, seed: number): T[] {
  if (n === 0 || xs.length <= n) return [...xs];
  let s = seed >>> 0 || 1;
  const rand = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n).sort((a, b) => xs.indexOf(a) - xs.indexOf(b));
}

/** A scratch copy of the sources (node_modules linked), where mutants are written; removed at exit. */
function scratchCopy(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tensile-mutation-"));
  for (const entry of readdirSync(root)) {
    if (entry === "node_modules" || entry === ".git") continue;
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(resolve(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}

interface Killer {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly describe: string;
}

function killerFor(file: string, o: Options): Killer | undefined {
  if (o.killer !== undefined) return { command: "sh", args: ["-c", o.killer], env: {}, describe: o.killer };
  const k = KILLERS.find(([prefix]) => file.startsWith(prefix));
  if (k === undefined) return undefined;
  const [, args, env] = k;
  const envText = Object.entries(env).map(([n, v]) => `${n}=${v} `).join("");
  return { command: process.execPath, args: ["--import", "tsx", "test/run.ts", ...args], env, describe: `${envText}node --import tsx test/run.ts ${args.join(" ")}` };
}

type Outcome = "killed" | "timeout" | "survived" | "invalid";

function runKiller(dir: string, k: Killer, o: Options, timeoutMs: number): { outcome: Outcome; seconds: number; output: string } {
  const started = Date.now();
  const r = spawnSync(k.command, k.args, {
    cwd: dir,
    env: { ...process.env, ...k.env, FC_RUNS: String(o.runs), FC_SEED: String(o.seed), FC_END_ON_FAILURE: "1", NO_COLOR: "1" },
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.error !== undefined && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") return { outcome: "timeout", seconds, output };
  if (r.status === 0) return { outcome: "survived", seconds, output };
  // A mutant that does not even load (a syntax error) says nothing about the tests.
  if (/SyntaxError|TransformError|Transform failed|ERR_INVALID_TYPESCRIPT_SYNTAX/.test(output) && !/\d+ passed/.test(output)) return { outcome: "invalid", seconds, output };
  return { outcome: "killed", seconds, output };
}

interface MutantResult extends Mutant {
  readonly file: string;
  readonly outcome: Outcome;
  readonly seconds: number;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const root = resolve(import.meta.dirname, "..");
  const files = o.files.length > 0 ? o.files.map((f) => relative(root, resolve(f))) : defaultTargets(root);
  const dir = scratchCopy(root);
  // Interrupted (Ctrl-C, or a kill by pid): remove the scratch copy before going.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const results: MutantResult[] = [];
  const started = Date.now();
  try {
    for (const file of files) {
      const killer = killerFor(file, o);
      if (killer === undefined) {
        console.log(`${file}: no property test covers it; skipped`);
        continue;
      }
      const source = readFileSync(join(root, file), "utf8");
      const all = mutantsOf(source);
      const chosen = sample(all, o.perFile, o.seed);
      // The unmutated run must pass; its time sets the timeout.
      const base = runKiller(dir, killer, o, (o.timeout ?? 600) * 1000);
      if (base.outcome !== "survived") {
        console.log(`${file}: the property tests fail without a mutant (${killer.describe}); skipped\n${base.output.slice(-2000)}`);
        continue;
      }
      const timeoutMs = (o.timeout ?? Math.max(60, Math.ceil(3 * base.seconds))) * 1000;
      console.log(`${file}: ${chosen.length} of ${all.length} mutants; killer: ${killer.describe} (${base.seconds.toFixed(1)} s unmutated)`);
      for (const [i, m] of chosen.entries()) {
        writeFileSync(join(dir, file), applyMutant(source, m));
        const r = runKiller(dir, killer, o, timeoutMs);
        results.push({ ...m, file, outcome: r.outcome, seconds: r.seconds });
        console.log(`  [${i + 1}/${chosen.length}] ${r.outcome.padEnd(8)} ${file}:${m.line} ${m.operator}: ${JSON.stringify(m.replacement)} (${r.seconds.toFixed(1)} s)`);
      }
      writeFileSync(join(dir, file), source);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const report = renderReport(results, (Date.now() - started) / 1000, o);
  console.log(report);
  if (o.json !== undefined) writeFileSync(o.json, `${JSON.stringify({ options: o, results }, null, 2)}\n`);
}

/** The score per file (killed / (killed + survived); invalid mutants do not count) and every survivor. */
export function renderReport(results: readonly MutantResult[], seconds: number, o: Options): string {
  const files = [...new Set(results.map((r) => r.file))];
  const count = (rs: readonly MutantResult[], ...outcomes: Outcome[]): number => rs.filter((r) => outcomes.includes(r.outcome)).length;
  const lines = [`mutation score (property tests only; FC_RUNS=${o.runs}, seed ${o.seed}, ${o.perFile === 0 ? "every mutant" : `up to ${o.perFile} mutants per file`}, ${seconds.toFixed(0)} s):`];
  for (const f of files) {
    const rs = results.filter((r) => r.file === f);
    const killed = count(rs, "killed", "timeout");
    const valid = killed + count(rs, "survived");
    const score = valid === 0 ? "-" : `${((100 * killed) / valid).toFixed(0)}%`;
    lines.push(`  ${f}: ${score} (${killed} killed of ${valid}; ${count(rs, "timeout")} by timeout; ${count(rs, "invalid")} invalid)`);
  }
  const killed = count(results, "killed", "timeout");
  const valid = killed + count(results, "survived");
  lines.push(`  total: ${valid === 0 ? "-" : `${((100 * killed) / valid).toFixed(0)}%`} (${killed} killed of ${valid})`);
  const survivors = results.filter((r) => r.outcome === "survived");
  lines.push(`survivors (${survivors.length}):`);
  for (const s of survivors) lines.push(`  ${s.file}:${s.line} ${s.operator} -> ${JSON.stringify(s.replacement)} | ${s.context}`);
  return lines.join("\n");
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
}
