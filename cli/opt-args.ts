/**
 * `tensile-opt`'s command line, read like mlir-opt-16's: output flags, a pipeline (`--pass-pipeline=...` or
 * one flag per registered pass, `--inline=max-iterations=3`), and the pass manager's instrumentation flags.
 * Per-pass flags nest implicitly as in mlir-opt: a pass restricted to `func.func` runs in
 * `builtin.module(func.func(...))`, consecutive ones in the same nest.
 */
import { existsSync, statSync } from "node:fs";
import { isLeft } from "fp-ts/lib/Either.js";
import { renderDiagnostic, SourceManager } from "../src/diag/diagnostic.ts";
import { fileLineCol } from "../src/ir/location.ts";
import { printOptionValue } from "../src/pass/options.ts";
import { passFromText } from "../src/pass/pass.ts";
import { anchored, nest, type PipelineItem, type PipelineSpec } from "../src/pass/pipeline.ts";
import { parsePipeline } from "../src/pass/pipeline-text.ts";
import type { PassManagerOptions } from "../src/pass/pass-manager.ts";
import type { PassRegistry } from "../src/pass/registry.ts";
import type { StatisticsDisplay, TimingDisplay } from "../src/pass/reports.ts";
import type { ElementsPrintFlags } from "../src/text/print-attr.ts";

/** The pass-manager options tensile-opt's flags set as they are (see PassManagerOptions for their meaning). */
export type ForwardedPassOptions = Pick<
  PassManagerOptions,
  "printIrBefore" | "printIrAfter" | "printIrAfterChange" | "printIrAfterFailure" | "printIrModuleScope" | "reproducer" | "debugRewrites" | "registry"
>;

/** What the pass manager should do (all optional: without a pipeline, tensile-opt only parses and prints). */
export interface OptPassOptions extends ForwardedPassOptions {
  readonly pipeline?: PipelineSpec;
  /** Take the pipeline (and verify_each) from the input's `mlir_reproducer` section. */
  readonly runReproducer?: boolean;
  readonly verifyEach?: boolean;
  /** Reports written after the chunks, not after each run (so not forwarded to the pass manager). */
  readonly timing?: TimingDisplay;
  readonly statistics?: StatisticsDisplay;
  readonly dumpPassPipeline?: boolean;
}

export interface OptOptions {
  readonly generic: boolean;
  readonly debugInfo: boolean;
  readonly splitInputFile: boolean;
  readonly verifyDiagnostics: boolean;
  readonly allowUnregisteredDialect: boolean;
  /** `--mlir-print-local-scope`: no aliases, everything inline (see PrintOptions.localScope). */
  readonly localScope?: boolean;
  /** `--mlir-elide-elementsattrs-if-larger` and `--mlir-print-elementsattrs-with-hex-if-larger`. */
  readonly elements?: ElementsPrintFlags;
  readonly passes?: OptPassOptions;
}

export interface OptArgs {
  readonly input: string | undefined;
  readonly output: string | undefined;
  readonly opts: OptOptions;
  /** `--load-pass-plugin` modules (loaded by the CLI before the arguments are read). */
  readonly plugins: readonly string[];
}

export const usage = `usage: tensile-opt [options] [file.mlir | -]

Parses and verifies MLIR (MLIR 16's textual format), runs a pass pipeline on it, and prints it.

  -o <file>                              write the output to <file> (atomically)
  --mlir-print-op-generic                print every op in generic form
  --mlir-print-debuginfo                 print locations
  --split-input-file                     process each '// -----' chunk separately
  --verify-diagnostics                   check diagnostics against 'expected-error' comments
  --allow-unregistered-dialect           accept ops of unknown dialects (generic form)
  --mlir-print-local-scope               print without aliases: attributes and locations inline
  --mlir-elide-elementsattrs-if-larger=<n>
                                         print dense elements of more than n elements (not splats) as
                                         dense_resource<__elided__>
  --mlir-print-elementsattrs-with-hex-if-larger=<n>
                                         print dense elements of more than n elements (not splats) in hex
                                         (default 100; -1 never)

  --pass-pipeline=<pipeline>             run a pipeline, e.g. 'builtin.module(func.func(canonicalize,cse))'
  --<pass>[=<options>]                   run a registered pass (in order), e.g. --cse --inline=max-iterations=3
  --verify-each[=false]                  verify the IR after each pass (default true)
  --mlir-print-ir-before-all             print the IR before each pass (to stderr)
  --mlir-print-ir-after-all              print the IR after each pass
  --mlir-print-ir-before=<pass>[,...]    print the IR before the named passes
  --mlir-print-ir-after=<pass>[,...]     print the IR after the named passes
  --mlir-print-ir-after-change           print after a pass only if it changed the IR
  --mlir-print-ir-after-failure          print after a pass only if it failed
  --mlir-print-ir-module-scope           print the whole top-level op, not just the op the pass ran on
  --mlir-timing                          print an execution time report
  --mlir-timing-display=tree|list
  --mlir-pass-statistics                 print the statistics passes counted
  --mlir-pass-statistics-display=pipeline|list
  --mlir-pass-pipeline-crash-reproducer=<file or dir/>
                                         when a pass fails or breaks the IR, write the IR before it and the
                                         pipeline to <file> (or <dir>/tensile-reproducer-<n>.mlir)
  --run-reproducer                       run the pipeline recorded in the input (a crash reproducer)
  --dump-pass-pipeline                   print the pipeline before running it
  --debug-rewrites                       rewrite drivers explain which pattern applied where and why others failed
  --load-pass-plugin=<module.ts>         import a module whose registerPasses(registry) adds passes
  -h, --help                             this help, with the registered passes
`;

/** The registered passes and their options, for --help. */
export function passHelp(registry: PassRegistry): string {
  const entries = registry.entries();
  if (entries.length === 0) return "\nNo passes are registered.\n";
  let out = "\nPasses:\n";
  for (const e of entries) {
    out += `  --${e.name.padEnd(37)}${e.summary}\n`;
    if (e.kind !== "pass-def") continue;
    for (const f of [...e.fields].sort((a, b) => (a.flag < b.flag ? -1 : 1))) {
      const dflt = (e.defaults as Record<string, unknown>)[f.key];
      const doc = e.optionDocs[f.key] ?? "";
      const shown = dflt !== undefined ? ` (default: ${printOptionValue(dflt)})` : f.required ? " (required)" : "";
      out += `      ${`${f.flag}=<${f.codec.name}>`.padEnd(35)}${doc}${shown}\n`;
    }
  }
  return out;
}

const BOOL: Readonly<Record<string, boolean>> = { true: true, "1": true, false: false, "0": false };

/** Shell quotes around a flag value (RUN lines are split on spaces, not by a shell). */
function unquote(s: string): string {
  return s.length >= 2 && (s[0] === "'" || s[0] === '"') && s.endsWith(s[0]) ? s.slice(1, -1) : s;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads mlir-opt-style flags; a string is a usage error (already rendered). */
export function parseOptArgs(argv: readonly string[], registry: PassRegistry): OptArgs | string {
  let input: string | undefined;
  let output: string | undefined;
  const plugins: string[] = [];
  const opts: Mutable<OptOptions> = {
    generic: false,
    debugInfo: false,
    splitInputFile: false,
    verifyDiagnostics: false,
    allowUnregisteredDialect: false,
  };
  const passes: Mutable<OptPassOptions> = {};
  let pipelineText: string | undefined;
  const passFlags: { name: string; options: string | undefined }[] = [];
  const printBefore: string[] = [];
  const printAfter: string[] = [];
  let printBeforeAll = false;
  let printAfterAll = false;
  let timing = false;
  let timingDisplay: TimingDisplay = "tree";
  let statistics = false;
  let statisticsDisplay: StatisticsDisplay = "pipeline";
  const elements: Mutable<ElementsPrintFlags> = {};

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "-" || !a.startsWith("-")) {
      if (input !== undefined) return `unexpected extra input file '${a}'`;
      input = a;
      continue;
    }
    if (a === "-o") {
      output = argv[++i];
      if (output === undefined) return "-o needs a file name";
      continue;
    }
    if (a.startsWith("-o") && !a.startsWith("--") && a.length > 2) {
      output = a.slice(2);
      continue;
    }
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    const inline = eq < 0 ? undefined : unquote(body.slice(eq + 1));
    /** The flag's value: after `=`, or the next argument. */
    const value = (): string | undefined => inline ?? (i + 1 < argv.length ? unquote(argv[++i] as string) : undefined);
    /** A boolean flag: bare is true, `=true/false/1/0` otherwise. */
    const flag = (): boolean | undefined => (inline === undefined ? true : BOOL[inline.toLowerCase()]);
    const booleans: Partial<Record<string, (b: boolean) => void>> = {
      "mlir-print-op-generic": (b) => (opts.generic = b),
      "mlir-print-debuginfo": (b) => (opts.debugInfo = b),
      "split-input-file": (b) => (opts.splitInputFile = b),
      "verify-diagnostics": (b) => (opts.verifyDiagnostics = b),
      "allow-unregistered-dialect": (b) => (opts.allowUnregisteredDialect = b),
      "mlir-print-local-scope": (b) => (opts.localScope = b),
      "verify-each": (b) => (passes.verifyEach = b),
      "mlir-print-ir-before-all": (b) => (printBeforeAll = b),
      "mlir-print-ir-after-all": (b) => (printAfterAll = b),
      "mlir-print-ir-after-change": (b) => (passes.printIrAfterChange = b),
      "mlir-print-ir-after-failure": (b) => (passes.printIrAfterFailure = b),
      "mlir-print-ir-module-scope": (b) => (passes.printIrModuleScope = b),
      "mlir-timing": (b) => (timing = b),
      "mlir-pass-statistics": (b) => (statistics = b),
      "run-reproducer": (b) => (passes.runReproducer = b),
      "dump-pass-pipeline": (b) => (passes.dumpPassPipeline = b),
      "debug-rewrites": (b) => (passes.debugRewrites = b),
      // Accepted for mlir-opt compatibility: Tensile runs on one thread, and its reproducers are local.
      "mlir-disable-threading": () => undefined,
      "mlir-pass-pipeline-local-reproducer": () => undefined,
    };
    const setBoolean = booleans[name];
    if (setBoolean !== undefined) {
      const b = flag();
      if (b === undefined) return `'${inline}' is invalid value for boolean argument '--${name}'; try true or false`;
      setBoolean(b);
      continue;
    }
    switch (name) {
      case "pass-pipeline": {
        const v = value();
        if (v === undefined) return "--pass-pipeline needs a pipeline";
        pipelineText = v;
        continue;
      }
      case "mlir-print-ir-before":
      case "mlir-print-ir-after": {
        const v = value();
        if (v === undefined) return `--${name} needs pass names`;
        const names = v.split(",").filter((s) => s !== "");
        const unknown = names.find((n) => registry.lookupPass(n) === undefined);
        if (unknown !== undefined) return `for the --${name} option: '${unknown}' is not a registered pass`;
        (name === "mlir-print-ir-before" ? printBefore : printAfter).push(...names);
        continue;
      }
      case "mlir-elide-elementsattrs-if-larger":
      case "mlir-print-elementsattrs-with-hex-if-larger": {
        // mlir-opt reads the first as an unsigned, the second as a signed 64-bit integer (-1: never hex).
        const v = value();
        const unsigned = name === "mlir-elide-elementsattrs-if-larger";
        const n = v !== undefined && /^-?[0-9]+$/.test(v) ? Number(v) : Number.NaN;
        if (!Number.isSafeInteger(n) || (unsigned && n < 0)) {
          return `for the --${name} option: '${v ?? ""}' value invalid for ${unsigned ? "uint" : "long"} argument!`;
        }
        elements[unsigned ? "elideIfLarger" : "hexIfLarger"] = n;
        continue;
      }
      case "mlir-timing-display": {
        const v = value();
        if (v !== "tree" && v !== "list") return `--mlir-timing-display must be 'tree' or 'list'`;
        timingDisplay = v;
        continue;
      }
      case "mlir-pass-statistics-display": {
        const v = value();
        if (v !== "pipeline" && v !== "list") return `--mlir-pass-statistics-display must be 'pipeline' or 'list'`;
        statisticsDisplay = v;
        continue;
      }
      case "mlir-pass-pipeline-crash-reproducer": {
        const v = value();
        if (v === undefined || v === "") return "--mlir-pass-pipeline-crash-reproducer needs a file or directory";
        const isDir = v.endsWith("/") || (existsSync(v) && statSync(v).isDirectory());
        passes.reproducer = isDir ? { dir: v } : { path: v };
        continue;
      }
      case "load-pass-plugin": {
        const v = value();
        if (v === undefined) return "--load-pass-plugin needs a module";
        plugins.push(v);
        continue;
      }
      case "h":
      case "help":
        continue;
    }
    if (registry.lookup(name) !== undefined) {
      passFlags.push({ name, options: inline });
      continue;
    }
    return `unknown option '${a}'`;
  }

  passes.registry = registry;
  if (timing) passes.timing = timingDisplay;
  if (statistics) passes.statistics = statisticsDisplay;
  if (printBeforeAll) passes.printIrBefore = "all";
  else if (printBefore.length > 0) passes.printIrBefore = printBefore;
  if (printAfterAll) passes.printIrAfter = "all";
  else if (printAfter.length > 0) passes.printIrAfter = printAfter;

  if (pipelineText !== undefined && passFlags.length > 0) return "'--pass-pipeline' option can't be used with individual pass options";
  if (passes.runReproducer === true && (pipelineText !== undefined || passFlags.length > 0)) {
    return "--run-reproducer takes its pipeline from the input file; do not also give a pipeline";
  }
  if (pipelineText !== undefined) {
    const spec = parsePipeline(pipelineText, { registry });
    if (isLeft(spec)) {
      const sources = new SourceManager();
      const pos = fileLineCol(spec.left.loc);
      if (pos !== undefined) sources.add(pos.file, pipelineText);
      return renderDiagnostic(spec.left, sources);
    }
    passes.pipeline = spec.right;
  } else if (passFlags.length > 0) {
    const spec = pipelineFromFlags(passFlags, registry);
    if (typeof spec === "string") return spec;
    passes.pipeline = spec;
  }
  if (Object.keys(passes).length > 0) opts.passes = passes;
  if (Object.keys(elements).length > 0) opts.elements = elements;
  return { input, output, opts, plugins };
}

/** The pipeline of `--a --b=opts ...` on a module, nesting passes restricted to other ops as mlir-opt does. */
function pipelineFromFlags(flags: readonly { name: string; options: string | undefined }[], registry: PassRegistry): PipelineSpec | string {
  const root = "builtin.module";
  const items: PipelineItem[] = [];
  for (const { name, options } of flags) {
    const entry = registry.lookup(name);
    if (entry === undefined) return `unknown pass '${name}'`;
    if (entry.kind === "pipeline-def") {
      if (options !== undefined) return `--${name}: pass pipeline '${name}' takes no options`;
      const expanded = parsePipeline(`${root}(${name})`, { registry });
      if (isLeft(expanded)) return `--${name}: ${expanded.left.message}`;
      items.push(...expanded.right.items);
      continue;
    }
    const p = passFromText(entry, options);
    if (typeof p === "string") return `--${name}: ${p}`;
    const opName = entry.opName;
    if (opName === undefined || opName === root) {
      items.push(p);
      continue;
    }
    const last = items[items.length - 1];
    if (last?.kind === "nest" && last.opName === opName) items[items.length - 1] = nest(opName, [...last.items, p]);
    else items.push(nest(opName, [p]));
  }
  return anchored(root, items);
}
