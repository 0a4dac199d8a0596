/**
 * The work of `tensile-opt` without process I/O, so tests run it in-process: split the input, parse and
 * verify each chunk, run the pass pipeline on it, and print it (or check its diagnostics against
 * `expected-*` comments). IR dumps, timing and statistics reports go to stderr, as mlir-opt writes them.
 * The command line is read by opt-args.ts.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import {
  checkExpectedDiagnostics,
  type EmittedDiagnostic,
  parseExpectedDiagnostics,
} from "../src/diag/expected-diagnostics.ts";
import { type Diagnostic, error, note, renderDiagnostic, SourceManager } from "../src/diag/diagnostic.ts";
import type { Context } from "../src/ir/context.ts";
import { FileLineColLoc, fileLineCol } from "../src/ir/location.ts";
import { verify } from "../src/irdl/verifier.ts";
import { PassManager } from "../src/pass/pass-manager.ts";
import type { PipelineSpec } from "../src/pass/pipeline.ts";
import { PIPELINE_FILE, parsePipeline, printPipeline } from "../src/pass/pipeline-text.ts";
import { nowSeconds, renderTimingReport, reportNode } from "../src/pass/reports.ts";
import { tmpdir } from "node:os";
import { readReproducerConfig } from "../src/pass/reproducer.ts";
import { parseSource } from "../src/text/parser.ts";
import { printOp } from "../src/text/printer.ts";
import { splitInputFile } from "../src/text/split-input.ts";
import type { OptOptions, OptPassOptions } from "./opt-args.ts";

export { type OptArgs, type OptOptions, type OptPassOptions, parseOptArgs, passHelp, usage } from "./opt-args.ts";

export interface OptResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Processes one input text; `makeContext` gives a fresh context per chunk (resources do not leak between chunks). */
export function runOpt(text: string, file: string, makeContext: () => Context, opts: OptOptions): OptResult {
  const started = nowSeconds();
  let stderr = "";
  const write = (s: string): void => void (stderr += s);
  const pipeline = pipelineToRun(text, file, opts.passes);
  if (typeof pipeline === "string") return { stdout: "", stderr: pipeline, exitCode: 1 };
  const pm = pipeline !== undefined ? newPassManager(pipeline.spec, pipeline.verifyEach, opts, write) : undefined;
  if (pm !== undefined && opts.passes?.dumpPassPipeline === true) {
    write(`Pass Manager with ${pm.spec.items.length} passes:\n${printPipeline(pm.spec)}\n\n`);
  }
  const timers = { parser: reportNode("Parser"), output: reportNode("Output") };

  const chunks = opts.splitInputFile ? splitInputFile(text) : [{ text, firstLine: 1 }];
  const outputs: string[] = [];
  let failed = false;
  for (const chunk of chunks) {
    // Pad with newlines so that line numbers in diagnostics are those of the whole file.
    const padded = "\n".repeat(chunk.firstLine - 1) + chunk.text;
    const sources = new SourceManager();
    sources.add(file, padded);
    const r = processChunk(padded, file, makeContext(), opts, pm, timers);
    const all = [...r.errors, ...r.remarks];
    if (opts.verifyDiagnostics) {
      const problems = checkExpectedDiagnostics(parseExpectedDiagnostics(padded), all.flatMap(flatten), { fileName: file });
      if (problems.length > 0) {
        failed = true;
        stderr += `${problems.join("\n")}\n`;
      }
    } else {
      if (r.errors.length > 0) failed = true;
      if (all.length > 0) stderr += `${all.map((d) => renderDiagnostic(d, sources)).join("\n")}\n`;
    }
    // mlir-opt ends each chunk's printed op with an empty line, and a chunk that failed prints nothing but still
    // gets its split marker: byte for byte what mlir-opt-16 writes.
    outputs.push(r.output === undefined ? "" : `${r.output.endsWith("\n") ? r.output : `${r.output}\n`}\n`);
  }
  const stdout = outputs.join("\n// -----\n");
  const passOpts = opts.passes;
  if (pm !== undefined && passOpts?.statistics !== undefined) stderr += pm.statisticsReport(passOpts.statistics);
  if (passOpts?.timing !== undefined) {
    const rows = [timers.parser, ...(pm?.report ?? []), timers.output];
    stderr += renderTimingReport(rows, nowSeconds() - started, passOpts.timing);
  }
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}

/** The pipeline from the flags, or from the input's reproducer section (`--run-reproducer`); a string on error. */
function pipelineToRun(
  text: string,
  file: string,
  passes: OptPassOptions | undefined,
): { spec: PipelineSpec; verifyEach: boolean } | undefined | string {
  const verifyEach = passes?.verifyEach ?? true;
  if (passes?.runReproducer !== true) return passes?.pipeline !== undefined ? { spec: passes.pipeline, verifyEach } : undefined;
  const config = readReproducerConfig(text);
  if (config === undefined) return `${file}: error: no 'mlir_reproducer' configuration in the input (--run-reproducer)\n`;
  if (typeof config === "string") return `${file}: error: ${config}\n`;
  if (passes.registry === undefined) return `${file}: error: --run-reproducer needs a pass registry\n`;
  const spec = parsePipeline(config.pipeline, { registry: passes.registry });
  if (isLeft(spec)) {
    const sources = new SourceManager();
    sources.add(PIPELINE_FILE, config.pipeline);
    return `${renderDiagnostic(spec.left, sources)}\n`;
  }
  return { spec: spec.right, verifyEach: config.verifyEach };
}

function newPassManager(spec: PipelineSpec, verifyEach: boolean, opts: OptOptions, write: (s: string) => void): PassManager {
  // The rest of the flags' options go to the pass manager as they are (OptPassOptions extends them).
  const { pipeline: _p, runReproducer: _r, verifyEach: _v, timing: _t, statistics: _s, dumpPassPipeline: _d, reproducer, ...forwarded } =
    opts.passes ?? {};
  return new PassManager(spec, {
    ...forwarded,
    verifyEach,
    output: write,
    printGeneric: opts.generic,
    printDebugInfo: opts.debugInfo,
    // Without a reproducer flag, a crash (or a pass breaking the IR) still leaves a reproducer of the whole
    // input and pipeline in the temp directory, named in the error, for `tensile-opt --run-reproducer`.
    reproducer: reproducer ?? { dir: tmpdir(), scope: "full", onlyCrashes: true },
  });
}

interface ChunkResult {
  /** Errors: the chunk failed. */
  readonly errors: readonly Diagnostic[];
  /** Warnings and remarks passes emitted. */
  readonly remarks: readonly Diagnostic[];
  readonly output?: string;
}

function processChunk(
  text: string,
  file: string,
  ctx: Context,
  opts: OptOptions,
  pm: PassManager | undefined,
  timers: { parser: { seconds: number }; output: { seconds: number } },
): ChunkResult {
  let start = nowSeconds();
  const parsed = parseSource(text, ctx, { file });
  timers.parser.seconds += nowSeconds() - start;
  if (isLeft(parsed)) return { errors: [parsed.left], remarks: [] };
  const module = parsed.right;
  // Like mlir-opt: the first verifier error, so --verify-diagnostics files written against it agree.
  const verified = verify(module, { ctx, stopAtFirst: true });
  if (isLeft(verified)) {
    return { errors: opts.verifyDiagnostics ? verified.left : verified.left.map((d) => withCurrentOperation(d, ctx)), remarks: [] };
  }
  let remarks: readonly Diagnostic[] = [];
  if (pm !== undefined) {
    const ran = pm.run(module, ctx);
    if (isLeft(ran)) {
      // --verify-diagnostics checks what the passes emitted, as mlir-opt does; otherwise also say which pass failed.
      const errors = opts.verifyDiagnostics ? ran.left.emitted : ran.left.diagnostics;
      return { errors: errors.length > 0 ? errors : [error(FileLineColLoc.get(file, 0, 0), "pass pipeline failed")], remarks: [] };
    }
    remarks = ran.right.diagnostics;
  }
  start = nowSeconds();
  const output = printOp(module, {
    generic: opts.generic,
    debugInfo: opts.debugInfo,
    ctx,
    ...(opts.localScope === true ? { localScope: true } : {}),
    ...(opts.elements !== undefined ? { elements: opts.elements } : {}),
  });
  timers.output.seconds += nowSeconds() - start;
  return { errors: [], remarks, output };
}

/**
 * MLIR's printOpOnDiagnostic: an error emitted on an op gets, as its first note, the op in generic form, named
 * within its closest isolated ancestor, large elements elided (mlir-opt leaves it out under
 * --verify-diagnostics, and so does the driver).
 */
function withCurrentOperation(d: Diagnostic, ctx: Context): Diagnostic {
  if (d.op === undefined) return d;
  const text = printOp(d.op, { ctx, generic: true, localScope: true, elements: { elideIfLarger: 16 } });
  return { ...d, notes: [note(d.op.loc, `see current operation: ${text.trimEnd()}`), ...d.notes] };
}

/** A diagnostic and its notes, as the expected-diagnostics checker sees them. */
function flatten(d: Diagnostic): EmittedDiagnostic[] {
  const pos = fileLineCol(d.loc);
  const self: EmittedDiagnostic = {
    severity: d.severity,
    line: pos?.line ?? 0,
    ...(pos !== undefined ? { column: pos.col } : {}),
    message: d.message,
  };
  return [self, ...d.notes.flatMap(flatten)];
}
