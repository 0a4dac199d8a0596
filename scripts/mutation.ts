/**
 * `npm run mutation`: mutation testing of the rewrites and the dialects' folders, with only the property tests
 * as killers. Each mutant (scripts/mutation-operators.ts: +/- swapped, a boundary moved, a constant changed,
 * operands swapped, a condition dropped, a value not returned...) is written into a scratch copy of the
 * repository and the property tests that cover its file run on it in a child process, with a timeout. A
 * mutant the tests fail on (or time out on) is killed; one they pass on survived: either the properties miss
 * a behaviour, or the mutant is equivalent (changes nothing observable; those are listed, with why, in
 * scripts/mutation-equivalent.ts and do not count in the score). Outside CI: it takes CPU.
 *
 *   npm run mutation                                       # every target file, a sample of 25 mutants each
 *   npm run mutation -- rewrites/arith/canonicalize-int.ts --per-file 0     # every mutant of one file
 *   npm run mutation -- --per-file 40 --seed 7 --timeout 120 --json out.json
 *   npm run mutation -- --rerun out.json --json again.json  # only the survivors of an earlier run, again
 *   npm run mutation -- --from a.json --from again.json     # the table of earlier runs merged, nothing run
 *
 * Options: target files (default: rewrites/**.ts but rewrites/testing, and dialects/*\/fold*.ts);
 * --per-file N (mutants sampled per file, 0 = all; default 25); --seed S (the sample, and FC_SEED of the
 * killers); --timeout SECONDS per mutant (default 3x the unmutated run, at least 60); --runs N (FC_RUNS for the
 * killers, default 150); --jobs N (mutants tested at once, each in its own scratch copy; default 1);
 * --json PATH (the full report); --killer "CMD" (one killer command for every file, run in the scratch copy);
 * --rerun REPORT (test again only the survivors and equivalent mutants of an earlier report);
 * --from REPORT (repeatable: merge earlier reports, a later result of a mutant replacing an earlier one, and print the table; runs nothing);
 * --equivalents MODULE (the list of equivalent mutants; default scripts/mutation-equivalent.ts).
 * Prints the score per file and every survivor (file:line, the edit, the line).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { equivalenceOf, type EquivalentMutant, equivalentMutants } from "./mutation-equivalent.ts";
import { applyMutant, type Mutant, mutantsOf } from "./mutation-operators.ts";
import { killedBy, mergeReports, mutantKey, type MutantResult, type Outcome, readReport, type Report, renderReport, withOccurrences } from "./mutation-report.ts";

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
  ["rewrites/tosa/", ["test/prop/tosa-canonicalize"], {}],
  ["dialects/tosa/", ["test/prop/tosa-canonicalize"], {}],
  ["rewrites/memref/", ["test/prop/memref-canonicalize"], {}],
  ["dialects/memref/", ["test/prop/memref-canonicalize"], {}],
  ["rewrites/vector/", ["test/unit/vector-canonicalize"], {}],
  ["dialects/vector/", ["test/unit/vector-canonicalize"], {}],
  ["rewrites/linalg/canonicalize", ["test/unit/linalg-canonicalize"], {}],
  ["rewrites/scf/", ["test/unit/scf-affine-canonicalize-prop"], { LOOP_SETS: "scf" }],
  ["rewrites/affine/", ["test/unit/scf-affine-canonicalize-prop"], { LOOP_SETS: "affine" }],
  ["dialects/affine/", ["test/unit/scf-affine-canonicalize-prop"], { LOOP_SETS: "affine" }],
  ["rewrites/tensor/", ["test/prop/tensor-canonicalize"], {}],
  ["rewrites/bufferization/", ["test/prop/tensor-canonicalize"], {}],
  ["dialects/tensor/", ["test/prop/tensor-canonicalize"], {}],
  ["dialects/bufferization/", ["test/prop/tensor-canonicalize"], {}],
  ["rewrites/", ["test/prop/passes"], {}],
];

interface Options {
  files: string[];
  perFile: number;
  seed: number;
  timeout: number | undefined;
  runs: number;
  jobs: number;
  json: string | undefined;
  killer: string | undefined;
  rerun: string | undefined;
  from: string[];
  equivalents: string | undefined;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { files: [], perFile: 25, seed: 1, timeout: undefined, runs: 150, jobs: 1, json: undefined, killer: undefined, rerun: undefined, from: [], equivalents: undefined };
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
    else if (a === "--jobs") o.jobs = Math.max(1, int());
    else if (a === "--json") o.json = value();
    else if (a === "--killer") o.killer = value();
    else if (a === "--rerun") o.rerun = value();
    else if (a === "--from") o.from.push(value());
    else if (a === "--equivalents") o.equivalents = value();
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

/** Children running now, ended if the command is interrupted. */
const running = new Set<ChildProcess>();

interface Run {
  readonly outcome: Exclude<Outcome, "equivalent">;
  readonly seconds: number;
  readonly output: string;
}

function runKiller(dir: string, k: Killer, o: Options, timeoutMs: number): Promise<Run> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(k.command, k.args, {
      cwd: dir,
      env: { ...process.env, ...k.env, FC_RUNS: String(o.runs), FC_SEED: String(o.seed), FC_END_ON_FAILURE: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    let output = "";
    const keep = (chunk: Buffer): void => {
      // The end of the output says what failed; a mutant that loops printing must not fill the memory.
      output = (output + chunk.toString("utf8")).slice(-256 * 1024);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (status) => {
      clearTimeout(timer);
      running.delete(child);
      const seconds = (Date.now() - started) / 1000;
      if (timedOut) return done({ outcome: "timeout", seconds, output });
      if (status === 0) return done({ outcome: "survived", seconds, output });
      // A mutant that does not even load (a syntax error) says nothing about the tests.
      const invalid = /SyntaxError|TransformError|Transform failed|ERR_INVALID_TYPESCRIPT_SYNTAX/.test(output) && !/\d+ passed/.test(output);
      done({ outcome: invalid ? "invalid" : "killed", seconds, output });
    });
  });
}

interface Task {
  readonly file: string;
  readonly source: string;
  readonly mutant: Mutant;
  readonly killer: Killer;
  readonly timeoutMs: number;
  /** "[i/n]" of its file, for the progress lines. */
  readonly progress: string;
}

/** The mutants to test in each file: a sample, or (--rerun) the survivors and equivalent mutants of a report. */
function chooseMutants(file: string, all: readonly Mutant[], o: Options, rerun: ReadonlySet<string> | undefined): Mutant[] {
  if (rerun !== undefined) return all.filter((m) => rerun.has(mutantKey(file, m)));
  return sample(all, o.perFile, o.seed);
}

/** Runs the tasks, `jobs` at a time, each worker in its own scratch copy. */
async function runTasks(tasks: readonly Task[], dirs: readonly string[], o: Options, equivalents: readonly EquivalentMutant[]): Promise<MutantResult[]> {
  const results: MutantResult[] = [];
  let next = 0;
  const worker = async (dir: string): Promise<void> => {
    for (let t = tasks[next++]; t !== undefined; t = tasks[next++]) {
      writeFileSync(join(dir, t.file), applyMutant(t.source, t.mutant));
      const r = await runKiller(dir, t.killer, o, t.timeoutMs);
      writeFileSync(join(dir, t.file), t.source);
      const listed = equivalenceOf(equivalents, t.file, t.mutant);
      const reason = r.outcome === "survived" ? listed : undefined;
      const outcome: Outcome = reason === undefined ? r.outcome : "equivalent";
      results.push({
        ...t.mutant,
        file: t.file,
        outcome,
        seconds: r.seconds,
        ...(r.outcome === "killed" ? { killedBy: killedBy(r.output) } : {}),
        ...(reason === undefined ? {} : { reason }),
      });
      const m = t.mutant;
      console.log(`  ${t.progress} ${outcome.padEnd(10)} ${t.file}:${m.line} ${m.operator}: ${JSON.stringify(m.replacement)} (${r.seconds.toFixed(1)} s)`);
      if (listed !== undefined && r.outcome !== "survived") console.log(`    this mutant is listed as equivalent (scripts/mutation-equivalent.ts) but was ${r.outcome}: the entry is wrong`);
    }
  };
  await Promise.all(dirs.map(worker));
  return results;
}

/** An equivalence list other than the project's (a module exporting `equivalentMutants`, as the fixture's). */
async function loadEquivalents(path: string): Promise<readonly EquivalentMutant[]> {
  const m = (await import(pathToFileURL(resolve(path)).href)) as { equivalentMutants?: readonly EquivalentMutant[] };
  if (!Array.isArray(m.equivalentMutants)) throw new Error(`mutation: ${path} exports no equivalentMutants list`);
  return m.equivalentMutants;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.from.length > 0) {
    console.log(renderReport(mergeReports(o.from.map(readReport))));
    return;
  }
  const root = resolve(import.meta.dirname, "..");
  const equivalents = o.equivalents === undefined ? equivalentMutants : await loadEquivalents(o.equivalents);
  const earlier = o.rerun === undefined ? undefined : readReport(o.rerun);
  const rerun = earlier === undefined ? undefined : new Set(earlier.results.filter((r) => r.outcome === "survived" || r.outcome === "equivalent").map((r) => mutantKey(r.file, r)));
  const rerunFiles = earlier === undefined ? [] : [...new Set(earlier.results.map((r) => r.file))].sort();
  const files = o.files.length > 0 ? o.files.map((f) => relative(root, resolve(f))) : earlier !== undefined ? rerunFiles : defaultTargets(root);
  const dirs = Array.from({ length: o.jobs }, () => scratchCopy(root));
  const cleanUp = (): void => {
    for (const child of running) child.kill("SIGKILL");
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  // Interrupted (Ctrl-C, or a kill by pid): end the children and remove the scratch copies before going.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  const started = Date.now();
  const results: MutantResult[] = [];
  try {
    // One file at a time (its unmutated run first: it must pass, and its time sets the timeout), its mutants
    // spread over the workers.
    for (const file of files) {
      const killer = killerFor(file, o);
      if (killer === undefined) {
        console.log(`${file}: no property test covers it; skipped`);
        continue;
      }
      const source = readFileSync(join(root, file), "utf8");
      const all = withOccurrences(file, mutantsOf(source));
      const chosen = chooseMutants(file, all, o, rerun);
      if (chosen.length === 0) continue;
      const base = await runKiller(dirs[0] as string, killer, o, (o.timeout ?? 600) * 1000);
      if (base.outcome !== "survived") {
        console.log(`${file}: the property tests fail without a mutant (${killer.describe}); skipped\n${base.output.slice(-2000)}`);
        continue;
      }
      const timeoutMs = (o.timeout ?? Math.max(60, Math.ceil(3 * base.seconds))) * 1000;
      console.log(`${file}: ${chosen.length} of ${all.length} mutants; killer: ${killer.describe} (${base.seconds.toFixed(1)} s unmutated)`);
      const tasks = chosen.map((mutant, i): Task => ({ file, source, mutant, killer, timeoutMs, progress: `[${i + 1}/${chosen.length}]` }));
      const done = await runTasks(tasks, dirs, o, equivalents);
      results.push(...done.sort((a, b) => a.offset - b.offset || a.operator.localeCompare(b.operator)));
    }
  } finally {
    cleanUp();
  }
  const report: Report = { options: { ...o }, seconds: (Date.now() - started) / 1000, results };
  console.log(renderReport(report));
  if (o.json !== undefined) writeFileSync(o.json, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
});
