/**
 * One Tensile measurement of the IR benchmark, in a process of its own (so that its peak RSS is its own):
 * parse → verify → print, then canonicalize → cse → print, each phase timed in-process, plus the heap the
 * parsed module keeps (after GC) per operation.
 *
 *   node --expose-gc --import tsx bench/ir/measure-tensile.ts <input.mlir> <out-dir>
 *
 * Writes the two printed modules to <out-dir>/tensile-print.mlir and <out-dir>/tensile-canon-cse.mlir (the
 * runner compares them with mlir-opt-16's) and one line of JSON (`TensileFigures`) on stdout.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { verify } from "../../src/irdl/verifier.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";

/** Seconds of one phase: wall clock, and CPU (user + system) which a loaded machine inflates less. */
export interface PhaseTime {
  readonly wall: number;
  readonly cpu: number;
}

export interface TensileFigures {
  readonly ops: number;
  readonly parse: PhaseTime;
  readonly verify: PhaseTime;
  readonly print: PhaseTime;
  readonly canonicalize: PhaseTime;
  readonly cse: PhaseTime;
  readonly printAfter: PhaseTime;
  /** Heap the parsed module holds, after GC, divided by its operations. */
  readonly heapBytesPerOp: number;
  /** Peak resident set size of the whole process (VmHWM), bytes. */
  readonly peakRss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");

function time<T>(f: () => T): [T, PhaseTime] {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const r = f();
  const cpu = process.cpuUsage(cpuStart);
  return [r, { wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }];
}

function countOps(root: Operation): number {
  let n = 0;
  root.walk(() => void n++);
  return n;
}

function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m === null ? 0 : Number(m[1]) * 1024;
}

const registry = newPassRegistry();

function runPass(module: Operation, ctx: ReturnType<typeof newContext>, pass: string): void {
  const r = runPipeline(module, `builtin.module(${pass})`, { ctx, registry, verifyEach: false });
  if (isLeft(r)) throw new Error(`${pass} failed: ${r.left.diagnostics.map((d) => d.message).join("; ")}`);
}

function main(input: string, outDir: string): TensileFigures {
  const text = readFileSync(input, "utf8");
  const ctx = newContext();
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const [parsed, parse] = time(() => parseSource(text, ctx, { file: input }));
  if (isLeft(parsed)) throw new Error(`parse failed: ${parsed.left.message}`);
  const module = parsed.right;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const ops = countOps(module);
  const [verified, verifyTime] = time(() => verify(module, { ctx, stopAtFirst: true }));
  if (isLeft(verified)) throw new Error(`verify failed: ${verified.left[0]?.message}`);
  const [printed, print] = time(() => printOp(module, { ctx }));
  writeFileSync(join(outDir, "tensile-print.mlir"), printed);
  const [, canonicalize] = time(() => runPass(module, ctx, "canonicalize"));
  const [, cse] = time(() => runPass(module, ctx, "cse"));
  const [printedAfter, printAfter] = time(() => printOp(module, { ctx }));
  writeFileSync(join(outDir, "tensile-canon-cse.mlir"), printedAfter);
  return {
    ops,
    parse,
    verify: verifyTime,
    print,
    canonicalize,
    cse,
    printAfter,
    heapBytesPerOp: (heapAfter - heapBefore) / ops,
    peakRss: peakRss(),
  };
}

const [input, outDir] = process.argv.slice(2);
if (input === undefined || outDir === undefined) {
  process.stderr.write("usage: measure-tensile.ts <input.mlir> <out-dir>\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(main(input, outDir))}\n`);
