/**
 * The pass manager: runs a pipeline on an op, nesting like MLIR's.
 *
 *   runPipeline(module, "builtin.module(func.func(canonicalize,cse),symbol-dce)", { ctx })
 *   runPipeline(module, [nest("func.func", [pass(canonicalize), pass(cse)]), pass(symbolDce)], { ctx, verifyEach: false })
 *
 * A nested pipeline runs on each op of its kind directly inside the current op, the whole nested pipeline
 * on one op before the next (MLIR without threads). After each pass the op it ran on is verified (unless
 * `verifyEach: false`). The first failure stops the pipeline: a pass that returned Left or called
 * `signalPassFailure`, threw (an internal error), or left IR that does not verify. The failure says which
 * pass failed on which op, and a crash reproducer is written if asked for.
 *
 * Timing and statistics accumulate in `report` (one node per pipeline item) over every run of the manager.
 */
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import { Context } from "../ir/context.ts";
import { debugRewritesListener } from "../rewrite/debug.ts";
import { bothListeners, type RewriteListener } from "../rewrite/rewriter.ts";
import type { Operation } from "../ir/operation.ts";
import { IsolatedFromAbove } from "../ir/traits.ts";
import { verify } from "../irdl/verifier.ts";
import { printOp } from "../text/printer.ts";
import { describeOp, irPrinter, type PassFilter, type PassInstrumentation } from "./instrumentation.ts";
import type { Pass, PassContext, PassOutcome, PassResult } from "./pass.ts";
import { ANY_OP, anchored, misplacedPassMessage, nest, type PipelineItem, type PipelineSpec, toSpec } from "./pipeline.ts";
import { FileLineColLoc } from "../ir/location.ts";
import { PIPELINE_FILE, parsePipeline, printPipeline } from "./pipeline-text.ts";
import type { PassRegistry } from "./registry.ts";
import {
  type ReportNode,
  nowSeconds,
  renderStatisticsReport,
  renderTimingReport,
  reportNode,
  type StatisticsDisplay,
  type TimingDisplay,
} from "./reports.ts";
import { formatReproducer, type ReproducerOptions, Snapshot, writeReproducer } from "./reproducer.ts";

export interface PassManagerOptions {
  /** The IR's context (dialects); the verifier and printers use it. */
  readonly ctx?: Context;
  /** Verify the op a pass ran on after each pass (default true). */
  readonly verifyEach?: boolean;
  readonly printIrBefore?: PassFilter;
  readonly printIrAfter?: PassFilter;
  readonly printIrAfterChange?: boolean;
  readonly printIrAfterFailure?: boolean;
  readonly printIrModuleScope?: boolean;
  /** How IR dumps and reproducers print ops. */
  readonly printGeneric?: boolean;
  readonly printDebugInfo?: boolean;
  /** Where IR dumps, debug output and reports go (default: stderr). */
  readonly output?: (text: string) => void;
  /** Write the timing report to `output` after each run (`--mlir-timing`). */
  readonly timing?: boolean | TimingDisplay;
  /** Write the statistics report to `output` after each run (`--mlir-pass-statistics`). */
  readonly statistics?: boolean | StatisticsDisplay;
  /** Tells rewrite drivers to explain themselves (`--debug-rewrites`). */
  readonly debugRewrites?: boolean;
  /** Given to every pass's rewrite drivers (`PassContext.rewriteListener`), e.g. to count patterns applied. */
  readonly rewriteListener?: RewriteListener;
  /** Write a crash reproducer when the pipeline fails. */
  readonly reproducer?: ReproducerOptions;
  readonly instrumentations?: readonly PassInstrumentation[];
  readonly onBefore?: (pass: Pass, op: Operation) => void;
  readonly onAfter?: (pass: Pass, op: Operation) => void;
  /** Where pipeline text finds pass names (needed only when a pipeline is text). */
  readonly registry?: PassRegistry;
}

export type FailureKind = "pass-failed" | "invalid-ir" | "crashed" | "cannot-schedule" | "invalid-pipeline";

export interface PipelineFailure {
  readonly kind: FailureKind;
  /** The pass that failed; undefined when the pipeline could not be set up or scheduled. */
  readonly pass: Pass | undefined;
  /** The op the failing pass ran on (or the root). */
  readonly op: Operation;
  /** What the pass or the verifier reported, as MLIR reports it (what --verify-diagnostics checks). */
  readonly emitted: readonly Diagnostic[];
  /** `emitted` and an error that names the pass and op (with the reproducer's path, if one was written). */
  readonly diagnostics: readonly Diagnostic[];
  readonly reproducerPath: string | undefined;
}

export interface PipelineRun {
  /** Diagnostics passes emitted without failing (warnings, remarks). */
  readonly diagnostics: readonly Diagnostic[];
  /** The manager's timing and statistics so far. */
  readonly report: readonly ReportNode[];
}

function isEither(o: PassOutcome): o is Either<readonly Diagnostic[], PassResult> {
  return typeof o === "object" && o !== null && "_tag" in o;
}

/** Report nodes mirroring a pipeline's items. */
function reportNodesFor(items: readonly PipelineItem[]): ReportNode[] {
  return items.map((item) => {
    if (item.kind === "pass") return reportNode(item.def.displayName, { descriptions: item.def.statistics });
    const n = reportNode(`'${item.opName}' Pipeline`, { isPipeline: true });
    n.children.push(...reportNodesFor(item.items));
    return n;
  });
}

/** The anchors from the root down to where a pass runs: for a local reproducer's pipeline. */
type AnchorChain = readonly string[];

export class PassManager {
  readonly spec: PipelineSpec;
  readonly report: ReportNode[];
  readonly #opts: PassManagerOptions;
  #ctx: Context;
  readonly #instrumentations: PassInstrumentation[];
  readonly #output: (text: string) => void;
  #emitted: Diagnostic[] = [];
  #root: Operation | undefined;
  #inputText: string | undefined;
  /** What the PassContext of a running pass may reach of this manager. */
  readonly #host: PassHost = {
    ctx: () => this.#ctx,
    opts: () => this.#opts,
    output: (text) => this.#output(text),
    emit: (d) => void this.#emitted.push(d),
    runDynamic: (op, spec, chain, depth) => {
      const anchor = spec.anchor;
      if (anchor !== undefined && anchor !== ANY_OP && anchor !== op.name) {
        return this.#schedulingFailure(op, `can't run '${anchor}' pass manager on '${op.name}' op`);
      }
      return this.#runItems(spec.items, reportNodesFor(spec.items), op, chain, depth + 1);
    },
  };

  constructor(pipeline: PipelineSpec | readonly PipelineItem[], opts: PassManagerOptions = {}) {
    this.spec = toSpec(pipeline);
    this.report = reportNodesFor(this.spec.items);
    this.#opts = opts;
    this.#ctx = opts.ctx ?? new Context([], { allowUnregisteredDialects: true });
    this.#output = opts.output ?? ((text) => void process.stderr.write(text));
    this.#instrumentations = [];
    const printing =
      opts.printIrBefore !== undefined || opts.printIrAfter !== undefined || opts.printIrAfterChange === true || opts.printIrAfterFailure === true;
    if (printing) {
      this.#instrumentations.push(
        irPrinter({
          ...(opts.printIrBefore !== undefined ? { before: opts.printIrBefore } : {}),
          ...(opts.printIrAfter !== undefined ? { after: opts.printIrAfter } : {}),
          afterOnlyOnChange: opts.printIrAfterChange ?? false,
          afterOnlyOnFailure: opts.printIrAfterFailure ?? false,
          moduleScope: opts.printIrModuleScope ?? false,
          generic: opts.printGeneric ?? false,
          debugInfo: opts.printDebugInfo ?? false,
          ctx: () => this.#ctx,
          output: this.#output,
        }),
      );
    }
    this.#instrumentations.push(...(opts.instrumentations ?? []));
  }

  /** A manager for pipeline text (`builtin.module(...)` or a bare list). */
  static parse(text: string, opts: PassManagerOptions = {}): Either<Diagnostic, PassManager> {
    const spec = parseWith(text, opts.registry);
    return isLeft(spec) ? spec : right(new PassManager(spec.right, opts));
  }

  /** The pipeline as text (`--dump-pass-pipeline`). */
  get pipelineText(): string {
    return printPipeline(this.spec);
  }

  timingReport(display: TimingDisplay = "tree", totalSeconds?: number): string {
    return renderTimingReport(this.report, totalSeconds, display);
  }

  statisticsReport(display: StatisticsDisplay = "pipeline"): string {
    return renderStatisticsReport(this.report, display);
  }

  /** Runs the pipeline on `root`; `ctx` replaces the manager's context from now on (a tool's fresh context per input). */
  run(root: Operation, ctx?: Context): Either<PipelineFailure, PipelineRun> {
    if (ctx !== undefined) this.#ctx = ctx;
    this.#root = root;
    this.#emitted = [];
    const anchor = this.spec.anchor;
    if (anchor !== undefined && anchor !== ANY_OP && anchor !== root.name) {
      return left(this.#schedulingFailure(root, `can't run '${anchor}' pass manager on '${root.name}' op`));
    }
    this.#inputText = this.#opts.reproducer?.scope === "full" ? this.#printForReproducer(root) : undefined;
    const failure = this.#runItems(this.spec.items, this.report, root, [root.name], 0);
    this.#root = undefined;
    this.#writeReports();
    // Warnings and remarks emitted before a failure are part of what the run reports.
    const before = this.#emitted;
    if (failure !== undefined) return left({ ...failure, emitted: [...before, ...failure.emitted], diagnostics: [...before, ...failure.diagnostics] });
    return right({ diagnostics: before, report: this.report });
  }

  #writeReports(): void {
    const { timing, statistics } = this.#opts;
    if (timing !== undefined && timing !== false) this.#output(this.timingReport(timing === true ? "tree" : timing));
    if (statistics !== undefined && statistics !== false) this.#output(this.statisticsReport(statistics === true ? "pipeline" : statistics));
  }

  #schedulingFailure(op: Operation, message: string): PipelineFailure {
    const d = error(op.loc, message);
    return { kind: "cannot-schedule", pass: undefined, op, emitted: [d], diagnostics: [d], reproducerPath: undefined };
  }

  /** Runs `items` on `op`; `depth` > 0 inside a pass's dynamic pipeline (no reproducer there). */
  #runItems(items: readonly PipelineItem[], nodes: readonly ReportNode[], op: Operation, chain: AnchorChain, depth: number): PipelineFailure | undefined {
    for (const [i, item] of items.entries()) {
      const node = nodes[i] ?? reportNode("?");
      if (item.kind === "pass") {
        const want = item.def.opName;
        if (want !== undefined && want !== op.name) return this.#schedulingFailure(op, misplacedPassMessage(item, op.name));
        const failure = this.#runPass(item, node, op, chain, depth);
        if (failure !== undefined) return failure;
        continue;
      }
      const start = nowSeconds();
      const failure = this.#runNested(item, node, op, chain, depth);
      node.seconds += nowSeconds() - start;
      if (failure !== undefined) return failure;
    }
    return undefined;
  }

  #runNested(item: PipelineItem & { kind: "nest" }, node: ReportNode, op: Operation, chain: AnchorChain, depth: number): PipelineFailure | undefined {
    const children: Operation[] = [];
    for (const region of op.regions) for (const block of region.blocks) for (const child of block.ops()) children.push(child);
    for (const child of children) {
      if (item.opName === ANY_OP) {
        if (!child.isRegistered || !child.hasTrait(IsolatedFromAbove)) continue;
      } else if (child.name !== item.opName) continue;
      if (!child.isRegistered) return this.#schedulingFailure(child, `'${child.name}' op trying to schedule a pass on an unregistered operation`);
      if (!child.hasTrait(IsolatedFromAbove)) {
        return this.#schedulingFailure(child, `'${child.name}' op trying to schedule a pass on an operation not marked as 'IsolatedFromAbove'`);
      }
      for (const ins of this.#instrumentations) ins.runBeforePipeline?.(item, child);
      const failure = this.#runItems(item.items, node.children, child, [...chain, item.opName], depth);
      for (const ins of this.#instrumentations) ins.runAfterPipeline?.(item, child);
      if (failure !== undefined) return failure;
    }
    return undefined;
  }

  #runPass(p: Pass, node: ReportNode, op: Operation, chain: AnchorChain, depth: number): PipelineFailure | undefined {
    const reproducer = depth === 0 ? this.#opts.reproducer : undefined;
    const snapshot = reproducer !== undefined && reproducer.scope !== "full" ? new Snapshot(op) : undefined;
    for (const ins of this.#instrumentations) ins.runBeforePass?.(p, op);
    this.#opts.onBefore?.(p, op);
    const running = new RunningPass(this.#host, p, op, node, chain, depth);
    const start = nowSeconds();
    let kind: FailureKind | undefined;
    let emitted: readonly Diagnostic[] = [];
    try {
      const outcome = p.def.run(op, running, p.options);
      if (isEither(outcome) && isLeft(outcome)) {
        kind = "pass-failed";
        emitted = [...running.failures, ...outcome.left];
      } else if (running.failed) {
        kind = "pass-failed";
        emitted = running.failures;
      }
    } catch (e) {
      kind = "crashed";
      emitted = [crashDiagnostic(p, op, e)];
    }
    if (kind === undefined && this.#opts.verifyEach !== false) {
      const verified = verify(op, { ctx: this.#ctx, stopAtFirst: true });
      if (isLeft(verified)) {
        kind = "invalid-ir";
        emitted = verified.left;
      }
    }
    node.seconds += nowSeconds() - start;
    if (kind === undefined) {
      snapshot?.discard();
      for (const ins of this.#instrumentations) ins.runAfterPass?.(p, op);
      this.#opts.onAfter?.(p, op);
      return undefined;
    }
    for (const ins of this.#instrumentations) ins.runAfterPassFailed?.(p, op);
    const wanted = reproducer !== undefined && (reproducer.onlyCrashes !== true || kind === "crashed" || kind === "invalid-ir");
    const reproducerPath = wanted ? this.#writeReproducer(reproducer, p, op, chain, snapshot) : undefined;
    snapshot?.discard();
    return failureOf(kind, p, op, emitted, reproducerPath);
  }

  #printForReproducer(top: Operation): string {
    return printOp(top, { ctx: this.#ctx, generic: this.#opts.printGeneric ?? false });
  }

  #writeReproducer(opts: ReproducerOptions, p: Pass, op: Operation, chain: AnchorChain, snapshot: Snapshot | undefined): string | undefined {
    const root = this.#root ?? op;
    let ir: string;
    let pipeline: string;
    if (snapshot !== undefined) {
      ir = snapshot.printInPlace((top) => this.#printForReproducer(top));
      // The failing pass alone, nested as it ran: builtin.module(func.func(the-pass{...})).
      let items: PipelineItem[] = [p];
      for (let i = chain.length - 1; i >= 1; i--) items = [nest(chain[i] as string, items)];
      pipeline = printPipeline(anchored(chain[0] as string, items), { allOptions: true });
    } else {
      ir = this.#inputText ?? this.#printForReproducer(root);
      const anchor = this.spec.anchor ?? root.name;
      pipeline = printPipeline(anchored(anchor, this.spec.items), { allOptions: true });
    }
    const text = formatReproducer(ir, { pipeline, disableThreading: true, verifyEach: this.#opts.verifyEach !== false });
    try {
      return writeReproducer(opts, text);
    } catch (e) {
      this.#emitted.push(error(op.loc, `could not write the crash reproducer: ${(e as Error).message}`));
      return undefined;
    }
  }
}

function crashDiagnostic(p: Pass, op: Operation, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  const stack = e instanceof Error && e.stack !== undefined ? e.stack.split("\n").slice(1, 9).map((l) => l.trim()) : [];
  const notes = stack.length > 0 ? [note(op.loc, `thrown at:\n  ${stack.join("\n  ")}`)] : [];
  return error(op.loc, `pass '${p.def.name}' (${p.def.displayName}) crashed on ${describeOp(op)}: ${message}`, notes);
}

function failureOf(kind: FailureKind, p: Pass, op: Operation, emitted: readonly Diagnostic[], reproducerPath: string | undefined): PipelineFailure {
  const where = `pass '${p.def.name}' (${p.def.displayName})`;
  const reproNote = reproducerPath !== undefined ? [note(op.loc, `reproducer generated at \`${reproducerPath}\``)] : [];
  let summary: readonly Diagnostic[];
  if (kind === "crashed") {
    // The crash diagnostic already names the pass; the reproducer note goes on it.
    summary = emitted.map((d) => ({ ...d, notes: [...d.notes, ...reproNote] }));
  } else {
    const what = kind === "invalid-ir" ? "produced IR that fails to verify" : "failed";
    summary = [...emitted, error(op.loc, `${where} ${what} on ${describeOp(op)}`, reproNote)];
  }
  return { kind, pass: p, op, emitted, diagnostics: summary, reproducerPath };
}

interface PassHost {
  readonly ctx: () => Context;
  readonly opts: () => PassManagerOptions;
  readonly output: (text: string) => void;
  readonly emit: (d: Diagnostic) => void;
  readonly runDynamic: (op: Operation, spec: PipelineSpec, chain: AnchorChain, depth: number) => PipelineFailure | undefined;
}

/** The PassContext of one pass running on one op. */
class RunningPass implements PassContext {
  readonly failures: Diagnostic[] = [];
  failed = false;

  constructor(
    private readonly manager: PassHost,
    readonly pass: Pass,
    private readonly op: Operation,
    private readonly node: ReportNode,
    private readonly chain: AnchorChain,
    private readonly depth: number,
  ) {}

  get context(): Context {
    return this.manager.ctx();
  }
  get debugRewrites(): boolean {
    return this.manager.opts().debugRewrites ?? false;
  }
  get rewriteListener(): RewriteListener | undefined {
    const debug = this.debugRewrites ? debugRewritesListener(this.pass.def.name, (line) => this.debug(line)) : undefined;
    return bothListeners(debug, this.manager.opts().rewriteListener);
  }
  stat(name: string, n = 1): void {
    this.node.statistics.set(name, (this.node.statistics.get(name) ?? 0) + n);
  }
  signalPassFailure(diagnostics?: Diagnostic | readonly Diagnostic[]): void {
    this.failed = true;
    if (diagnostics === undefined) return;
    if (Array.isArray(diagnostics)) this.failures.push(...(diagnostics as readonly Diagnostic[]));
    else this.failures.push(diagnostics as Diagnostic);
  }
  emit(diagnostic: Diagnostic): void {
    if (diagnostic.severity === "error") this.signalPassFailure(diagnostic);
    else this.manager.emit(diagnostic);
  }
  debug(message: string): void {
    this.manager.output(message.endsWith("\n") ? message : `${message}\n`);
  }
  runPipeline(op: Operation, pipeline: string | readonly PipelineItem[]): Either<readonly Diagnostic[], void> {
    if (!this.op.isAncestorOf(op)) {
      return left([error(op.loc, `pass '${this.pass.def.name}' may only run a pipeline on its own op or ops nested in it`)]);
    }
    let spec: PipelineSpec;
    if (typeof pipeline === "string") {
      const parsed = parseWith(pipeline, this.manager.opts().registry);
      if (isLeft(parsed)) return left([parsed.left]);
      spec = parsed.right;
    } else spec = toSpec(pipeline);
    const failure = this.manager.runDynamic(op, spec, this.chain, this.depth);
    return failure === undefined ? right(undefined) : left(failure.diagnostics);
  }
}

export interface RunPipelineOptions extends PassManagerOptions {}

/**
 * Runs a pipeline (text, a spec, or a typed array of passes and nests) on `root`. Pipeline text that does
 * not parse fails with kind "invalid-pipeline".
 */
/** Pipeline text needs a registry to name passes in; without one, it is an error, not a silent empty lookup. */
function parseWith(text: string, registry: PassRegistry | undefined): Either<Diagnostic, PipelineSpec> {
  if (registry !== undefined) return parsePipeline(text, { registry });
  return left(error(FileLineColLoc.get(PIPELINE_FILE, 1, 1), `cannot parse pipeline '${text}' without a pass registry (give the 'registry' option)`));
}

export function runPipeline(
  root: Operation,
  pipeline: string | PipelineSpec | readonly PipelineItem[],
  opts: RunPipelineOptions = {},
): Either<PipelineFailure, PipelineRun> {
  if (typeof pipeline === "string") {
    const pm = PassManager.parse(pipeline, opts);
    if (isLeft(pm)) {
      const d = pm.left;
      return left({ kind: "invalid-pipeline", pass: undefined, op: root, emitted: [d], diagnostics: [d], reproducerPath: undefined });
    }
    return pm.right.run(root);
  }
  return new PassManager(pipeline, opts).run(root);
}
