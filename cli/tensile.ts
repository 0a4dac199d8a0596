/**
 * `tensile`: compile MLIR (TOSA, Linalg on tensors, or anything tensile-lower-to-llvm takes) to native code.
 *
 *   tensile compile model.mlir --target riscv64-rvv -o model.o     # an object (or --emit asm / llvm)
 *   tensile compile examples/*.mlir --target host                  # each input's <name>.o next to it
 *   tensile compile examples/*.mlir --target host -o build/        # ... or in a directory
 *   tensile compile model.mlir --target host --bundle out/         # out/bundle.o + out/bundle.h (an AOT bundle)
 *   tensile run model.mlir --fn f --args 1.5 '[[1,2],[3,4]]'       # compile for the host, call, print results
 *   tensile llama --model model.gguf --prompt "Once upon a time"   # generate text (cli/tensile-llama.ts)
 *
 * Each phase's time goes to stderr as it ends (`--quiet` silences it); errors are located, with a caret, and
 * the exit status is 1 — with several inputs, every input is tried and the failed ones are named at the end.
 * Outputs are written to a temporary file and renamed.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { writeBundle } from "../codegen/aot/bundle.ts";
import { compile, lowerToLLVMDialect, publicFunctions, translateForTarget } from "../codegen/compile.ts";
import { emit, optimize } from "../codegen/emit.ts";
import { writeFileAtomic } from "../codegen/files.ts";
import { release, type ReturnedArray } from "../codegen/runtime/c-interface.ts";
import { getTarget, isTargetName, TARGET_NAMES, type TargetDescription } from "../codegen/target.ts";
import { newContext } from "../rewrites/index.ts";
import { type Diagnostic, renderDiagnostic, SourceManager } from "../src/diag/diagnostic.ts";
import type { Operation } from "../src/ir/operation.ts";
import { verify } from "../src/irdl/verifier.ts";
import { parseSource } from "../src/text/parser.ts";
import { llamaMain } from "./tensile-llama.ts";
import { argFor, printResult } from "./tensile-values.ts";

export const usage = `USAGE:
  tensile compile <file.mlir>... [--target ${TARGET_NAMES.join("|")}] [-o out] [--emit obj|asm|llvm] [-O0..-O3]
      one input: -o names the output file (default: the input's name with .o/.s/.ll, next to it)
      several inputs (e.g. examples/*.mlir): each <name>.o goes next to its input, or into the directory
      named by -o (which must exist or end with '/')
  tensile compile <file.mlir>... --bundle DIR [--fn <name> --args <value>...]
      an AOT bundle: DIR/bundle.o + DIR/bundle.h (several inputs: DIR/<name>.o + DIR/<name>.h), and with
      --fn a C driver DIR/bundle-driver.c calling that function on those arguments and printing its results
  tensile run <file.mlir> --fn <name> [--args <value>...]
      scalars as numbers (true/false for i1); memrefs and tensors as JSON arrays nested to their rank
  --parallel      linalg's parallel loops on OpenMP threads (libomp-14; host only), for compile and run
  --threads <n>   with run: --parallel on a team of n threads (default: OMP_NUM_THREADS, else one per core)
  --quiet   no progress on stderr
  tensile llama --model FILE.gguf|DIR --prompt "..." [...]
      generates text with a LLaMA-style model (tensile llama --help lists its options)
`;

/** Where the CLI writes (the process's streams, or a test's buffers). */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processOutput: Output = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

interface Flags {
  readonly positional: string[];
  readonly values: Map<string, string[]>;
}

/** Flags that take no value. */
const SWITCHES = ["quiet", "O0", "O1", "O2", "O3", "parallel"];

function parseFlags(argv: readonly string[]): Flags {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  let current: string | undefined;
  for (const a of argv) {
    if (a.startsWith("-") && !/^-?\d/.test(a) && a !== "-") {
      const [name, value] = a.replace(/^--?/, "").split("=", 2) as [string, string | undefined];
      current = name;
      values.set(name, value === undefined ? [] : [value]);
      if (value !== undefined || SWITCHES.includes(name)) current = undefined;
    } else if (current !== undefined) {
      values.get(current)!.push(a);
      if (current !== "args") current = undefined;
    } else positional.push(a);
  }
  return { positional, values };
}

const one = (f: Flags, name: string): string | undefined => f.values.get(name)?.[0];

/** `--parallel` and `--threads n` as compile options (codegen/compile.ts: threads implies parallel). */
function parallelism(f: Flags): { parallel?: true; threads?: number } {
  const threads = one(f, "threads");
  if (threads !== undefined && !/^[1-9]\d*$/.test(threads)) throw new UsageError(`--threads must be a positive integer, got '${threads}'`);
  return { ...(f.values.has("parallel") ? { parallel: true as const } : {}), ...(threads === undefined ? {} : { threads: Number(threads) }) };
}

/** A usage error: reported as `tensile: <message>`, exit status 1. */
class UsageError extends Error {}

/** One input file, parsed and verified, with what reports its diagnostics. */
interface Input {
  readonly file: string;
  readonly module: Operation;
  readonly ctx: ReturnType<typeof newContext>;
  readonly report: (ds: readonly Diagnostic[]) => false;
}

/** Reads, parses and verifies `file` (`-` is stdin); false after reporting why not. */
function readInput(file: string, io: Output, progress: (phase: string) => void): Input | false {
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`tensile: cannot read '${file}': ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message}\n`);
    return false;
  }
  const sources = new SourceManager();
  const name = file === "-" ? "<stdin>" : file;
  sources.add(name, text);
  const report = (ds: readonly Diagnostic[]): false => {
    io.err(`${ds.map((d) => renderDiagnostic(d, sources)).join("\n")}\n`);
    return false;
  };
  const ctx = newContext();
  const parsed = parseSource(text, ctx, { file: name });
  if (isLeft(parsed)) return report([parsed.left]);
  const verified = verify(parsed.right, { ctx, stopAtFirst: true });
  if (isLeft(verified)) return report(verified.left);
  if (publicFunctions(parsed.right).size === 0) {
    io.err(`${name}:1:1: error: nothing to compile: no public func.func with a body${text.trim() === "" ? " (the file is empty)" : ""}\n`);
    return false;
  }
  progress("parsed and verified");
  return { file, module: parsed.right, ctx, report };
}

/** The base name an input's outputs take: `examples/mlp.mlir` -> `mlp`. */
const stem = (file: string): string => basename(file).replace(/\.mlir$/, "");

/** Where each input's output goes, or a UsageError for an ambiguous `-o` or two inputs with one output. */
function outputPaths(files: readonly string[], o: string | undefined, extension: string): string[] {
  const isDirectory = o !== undefined && (o.endsWith("/") || (existsSync(o) && statSync(o).isDirectory()));
  if (files.length > 1 && o !== undefined && !isDirectory) {
    throw new UsageError(`-o '${o}' is not a directory, and there are ${files.length} inputs: with several inputs, -o names a directory (existing, or ending with '/'); without -o each output goes next to its input`);
  }
  if (isDirectory) mkdirSync(o!, { recursive: true });
  const paths = files.map((f) =>
    isDirectory ? join(o!, stem(f) + extension) : o ?? (f === "-" ? `out${extension}` : join(dirname(f), stem(f) + extension)),
  );
  const seen = new Map<string, string>();
  paths.forEach((p, i) => {
    const other = seen.get(p);
    if (other !== undefined) throw new UsageError(`'${other}' and '${files[i]}' would both write '${p}'`);
    seen.set(p, files[i]!);
  });
  return paths;
}

interface CompileJob {
  readonly target: TargetDescription;
  readonly level: 0 | 1 | 2 | 3;
  readonly kind: "obj" | "asm" | "llvm";
  readonly parallel: boolean;
  readonly progress: (phase: string) => void;
}

/** Compiles one parsed input to `output` (an object, assembly or LLVM IR); false after reporting why not. */
function compileOne(input: Input, output: string, job: CompileJob): boolean {
  const lowered = lowerToLLVMDialect(input.module, { ctx: input.ctx, parallel: job.parallel });
  if (isLeft(lowered)) return input.report(lowered.left);
  job.progress("lowered to the llvm dialect");
  const translated = translateForTarget(lowered.right, job.target);
  if (isLeft(translated)) return input.report(translated.left);
  job.progress("translated to LLVM IR");
  const { module } = translated.right;
  try {
    optimize(module, job.target, job.level);
    job.progress(`optimised (O${job.level}) for ${job.target.name}`);
    const bytes = job.kind === "llvm" ? module.print() : emit(module, job.target, { kind: job.kind === "asm" ? "assembly" : "object" });
    writeFileAtomic(output, bytes);
    job.progress(`wrote ${output}`);
  } finally {
    module.dispose();
  }
  return true;
}

/** `tensile compile`: every input, in order; 1 if any failed (named at the end). */
function compileCommand(files: readonly string[], flags: Flags, io: Output, progressFor: (file: string) => (phase: string) => void): number {
  const targetName = one(flags, "target") ?? "host";
  if (!isTargetName(targetName)) throw new UsageError(`unknown target '${targetName}' (${TARGET_NAMES.join(", ")})`);
  const target = getTarget(targetName);
  const level = Number(SWITCHES.find((o) => o.startsWith("O") && flags.values.has(o))?.slice(1) ?? 3) as 0 | 1 | 2 | 3;
  const kind = one(flags, "emit") ?? "obj";
  if (kind !== "obj" && kind !== "asm" && kind !== "llvm") throw new UsageError(`unknown --emit '${kind}' (obj, asm, llvm)`);
  const bundleDir = one(flags, "bundle");
  const fn = one(flags, "fn");
  if (fn !== undefined && (bundleDir === undefined || files.length > 1)) throw new UsageError("--fn with compile writes a bundle's C driver: it needs --bundle DIR and one input");
  const outputs = bundleDir === undefined ? outputPaths(files, one(flags, "o"), kind === "asm" ? ".s" : kind === "llvm" ? ".ll" : ".o") : [];
  const failed: string[] = [];
  files.forEach((file, i) => {
    const progress = progressFor(files.length > 1 ? `[${i + 1}/${files.length}] ${file}: ` : "");
    const input = readInput(file, io, progress);
    let ok = input !== false;
    if (input !== false && bundleDir !== undefined) {
      const name = files.length > 1 ? stem(file) : "bundle";
      let driver: { fn: string; args: ReturnType<typeof argFor>[] } | undefined;
      if (fn !== undefined) {
        const type = publicFunctions(input.module).get(fn);
        if (type === undefined) throw new UsageError(`--fn must name a public function (${[...publicFunctions(input.module).keys()].join(", ")})`);
        const texts = flags.values.get("args") ?? [];
        if (texts.length !== type.inputs.length) throw new UsageError(`@${fn} takes ${type.inputs.length} arguments, got ${texts.length}`);
        driver = { fn, args: type.inputs.map((t, k) => argFor(texts[k]!, t, k)) };
      }
      const b = writeBundle(input.module, { target, dir: bundleDir, name, optLevel: level, ctx: input.ctx, ...parallelism(flags), ...(driver === undefined ? {} : { driver }) });
      if (isLeft(b)) ok = input.report(b.left);
      else progress(`wrote ${[b.right.object, b.right.header, ...(b.right.driver === undefined ? [] : [b.right.driver])].join(", ")}`);
    } else if (input !== false) ok = compileOne(input, outputs[i]!, { target, level, kind, parallel: parallelism(flags).parallel === true, progress });
    if (!ok) failed.push(file);
  });
  if (failed.length > 0 && files.length > 1) io.err(`tensile: ${failed.length} of ${files.length} inputs failed: ${failed.join(", ")}\n`);
  return failed.length > 0 ? 1 : 0;
}

/** `tensile run`: compiles for the host, calls `--fn` on `--args`, prints the results. */
function runCommand(file: string, flags: Flags, io: Output, progress: (phase: string) => void): number {
  const input = readInput(file, io, progress);
  if (input === false) return 1;
  const fn = one(flags, "fn");
  const signatures = publicFunctions(input.module);
  if (fn === undefined || !signatures.has(fn)) throw new UsageError(`--fn must name a public function (${[...signatures.keys()].join(", ")})`);
  const type = signatures.get(fn)!;
  const texts = flags.values.get("args") ?? [];
  if (texts.length !== type.inputs.length) throw new UsageError(`@${fn} takes ${type.inputs.length} arguments, got ${texts.length}`);
  const args = type.inputs.map((t, i) => argFor(texts[i]!, t, i));
  const lib = compile(input.module, { ctx: input.ctx, ...parallelism(flags) });
  if (isLeft(lib)) return (input.report(lib.left), 1);
  progress(lib.right.cached ? "loaded from the cache" : "compiled for the host");
  try {
    const results = lib.right.functions[fn]!.call(...args);
    progress("ran");
    results.forEach((r, j) => io.out(`${printResult(r, j, type.results[j])}\n`));
    for (const r of results) if (typeof r === "object" && r !== null && "allocated" in r) release(r as ReturnedArray);
  } finally {
    lib.right.unload();
  }
  return 0;
}

export function main(argv: readonly string[], io: Output = processOutput): number {
  const [command, ...rest] = argv;
  if (command === "llama") {
    const terminal = io === processOutput ? { errIsTTY: process.stderr.isTTY === true, errColumns: process.stderr.columns ?? 80 } : {};
    // `tensile llama ... | head`: a reader that stops early ends the output quietly, not with an EPIPE trace.
    if (io === processOutput) process.stdout.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" ? process.exit() : (process.exitCode = 1)));
    return llamaMain(rest, { ...io, ...terminal });
  }
  if (command === undefined || command === "--help" || command === "-h" || argv.includes("--help")) {
    io.out(usage);
    return command === undefined ? 1 : 0;
  }
  if (command !== "compile" && command !== "run") {
    io.err(`tensile: unknown command '${command}'\n${usage}`);
    return 1;
  }
  const flags = parseFlags(rest);
  const quiet = flags.values.has("quiet");
  const files = flags.positional;
  if (files.length === 0) {
    io.err(`tensile ${command}: no input file\n${usage}`);
    return 1;
  }
  const progressFor = (prefix: string) => {
    let started = performance.now();
    return (phase: string): void => {
      if (!quiet) io.err(`tensile: ${prefix}${phase} (${(performance.now() - started).toFixed(0)} ms)\n`);
      started = performance.now();
    };
  };
  try {
    if (command === "compile") return compileCommand(files, flags, io, progressFor);
    if (files.length > 1) throw new UsageError(`run takes one input file, got ${files.length}: ${files.join(" ")}`);
    return runCommand(files[0]!, flags, io, progressFor(""));
  } catch (e) {
    io.err(`tensile: ${(e as Error).message}\n`);
    return 1;
  }
}
