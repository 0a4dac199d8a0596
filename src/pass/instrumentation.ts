/**
 * Pass instrumentation: hooks the pass manager calls around each pass and nested pipeline (MLIR's
 * PassInstrumentation), and the IR printer built on them (`--mlir-print-ir-before/after[-all]`), which
 * prints as mlir-opt-16 does:
 *
 *   // -----// IR Dump After Canonicalizer (canonicalize) //----- //
 *   func.func @f(%arg0: i32) -> i32 {
 *     ...
 *   }
 *
 * A pass that ran on a nested op prints that op alone (its values named locally), unless `moduleScope`
 * asks for the whole top-level op, in which case the header also says which op the pass ran on:
 * `// -----// IR Dump After CSE (cse) ('func.func' operation: @f) //----- //`. A failed pass prints
 * "After <Name> Failed".
 */
import type { Context } from "../ir/context.ts";
import type { Operation } from "../ir/operation.ts";
import { symbolName } from "../ir/symbol-table.ts";
import { printOp } from "../text/printer.ts";
import type { Pass } from "./pass.ts";
import type { NestedPipeline } from "./pipeline.ts";

export interface PassInstrumentation {
  runBeforePass?(pass: Pass, op: Operation): void;
  runAfterPass?(pass: Pass, op: Operation): void;
  /** After a pass that failed, threw, or left IR that does not verify. */
  runAfterPassFailed?(pass: Pass, op: Operation): void;
  runBeforePipeline?(pipeline: NestedPipeline, op: Operation): void;
  runAfterPipeline?(pipeline: NestedPipeline, op: Operation): void;
}

/** Which passes: all, those with one of these names, or a predicate. */
export type PassFilter = "all" | readonly string[] | ((pass: Pass, op: Operation) => boolean);

export function matchesFilter(filter: PassFilter | undefined, pass: Pass, op: Operation): boolean {
  if (filter === undefined) return false;
  if (filter === "all") return true;
  if (typeof filter === "function") return filter(pass, op);
  return filter.includes(pass.def.name);
}

export interface IrPrintingOptions {
  readonly before?: PassFilter;
  readonly after?: PassFilter;
  /** Print after a pass only if it changed the IR (`--mlir-print-ir-after-change`). */
  readonly afterOnlyOnChange?: boolean;
  /** Print after a pass only if it failed (`--mlir-print-ir-after-failure`). */
  readonly afterOnlyOnFailure?: boolean;
  /** Print the whole top-level op, not just the op the pass ran on (`--mlir-print-ir-module-scope`). */
  readonly moduleScope?: boolean;
  readonly generic?: boolean;
  readonly debugInfo?: boolean;
  /** The IR's context (for dialect types), or a getter when it changes between runs. */
  readonly ctx?: Context | (() => Context | undefined);
  readonly output: (text: string) => void;
}

/** `'func.func' operation: @f` — how MLIR names the op a pass ran on. */
export function describeOp(op: Operation): string {
  const sym = symbolName(op);
  return `'${op.name}' operation${sym !== undefined ? `: @${sym}` : ""}`;
}

function topLevel(op: Operation): Operation {
  let top = op;
  while (top.parentOp !== undefined) top = top.parentOp;
  return top;
}

/** The IR printer instrumentation. With only the `afterOnly*` flags set, `after` defaults to all passes. */
export function irPrinter(opts: IrPrintingOptions): PassInstrumentation {
  const after = opts.after ?? (opts.afterOnlyOnChange === true || opts.afterOnlyOnFailure === true ? "all" : undefined);
  const fingerprints = new Map<Pass, string>();
  const moduleScope = opts.moduleScope ?? false;
  const ctxOf = typeof opts.ctx === "function" ? opts.ctx : () => opts.ctx as Context | undefined;

  const render = (op: Operation): string => {
    const ctx = ctxOf();
    const flags = { generic: opts.generic ?? false, debugInfo: opts.debugInfo ?? false, ...(ctx !== undefined ? { ctx } : {}) };
    if (moduleScope) return printOp(topLevel(op), flags);
    return op.parent === undefined ? printOp(op, flags) : printOp(op, { ...flags, localScope: true });
  };
  const dump = (title: string, pass: Pass, op: Operation, failed = false): void => {
    const scope = moduleScope ? ` (${describeOp(op)})` : "";
    opts.output(`// -----// IR Dump ${title} ${pass.def.displayName}${failed ? " Failed" : ""} (${pass.def.name})${scope} //----- //\n`);
    opts.output(`${render(op)}\n\n`);
  };
  // Change detection compares the generic text of the op (cheap enough for a debugging flag).
  const fingerprint = (op: Operation): string => printOp(op, { generic: true, debugInfo: true, localScope: true });

  return {
    runBeforePass(pass, op) {
      if (opts.afterOnlyOnChange === true && matchesFilter(after, pass, op)) fingerprints.set(pass, fingerprint(op));
      if (matchesFilter(opts.before, pass, op)) dump("Before", pass, op);
    },
    runAfterPass(pass, op) {
      if (opts.afterOnlyOnFailure === true) return;
      if (opts.afterOnlyOnChange === true) {
        const before = fingerprints.get(pass);
        fingerprints.delete(pass);
        if (before !== undefined && before === fingerprint(op)) return;
      }
      if (matchesFilter(after, pass, op)) dump("After", pass, op);
    },
    runAfterPassFailed(pass, op) {
      fingerprints.delete(pass);
      if (matchesFilter(after, pass, op)) dump("After", pass, op, true);
    },
  };
}
