/**
 * Passes: a pass is a name, typed options (an io-ts codec with defaults) and a run function.
 *
 *   export const countOps = definePass({
 *     name: "count-ops", summary: "counts the ops of each function",
 *     opName: "func.func",                                    // runs on each func.func (default: any op)
 *     options: t.type({ maxOps: t.number }), defaults: { maxOps: 1000 },
 *     statistics: { "num-ops": "Number of ops seen" },
 *     run(fn, ctx, { maxOps }) {                              // options typed from the codec
 *       let n = 0;
 *       fn.walk(() => void n++);
 *       ctx.stat("num-ops", n);
 *       if (n > maxOps) return left([error(fn.loc, `too many ops: ${n}`)]);   // or ctx.signalPassFailure(...)
 *     },
 *   });
 *   runPipeline(module, [nest("func.func", [pass(countOps, { maxOps: 10 })])], { ctx });
 *   runPipeline(module, "builtin.module(func.func(count-ops{max-ops=10}))", { ctx });   // once registered
 *
 * A pass may only change the op it runs on and what is nested in it (MLIR's rule); the pass manager verifies
 * that op after the pass unless told not to.
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Context } from "../ir/context.ts";
import type { Operation } from "../ir/operation.ts";
import type { RewriteListener } from "../rewrite/rewriter.ts";
import { decodeOptionText, decodeOptionValues, type OptionField, type OptionsSchema, optionFields } from "./options.ts";
import type { PipelineItem } from "./pipeline.ts";

/** What a successful run may say about itself. */
export interface PassResult {
  /** False when the pass left the IR as it was (informational). */
  readonly changed?: boolean;
}

/** A run's outcome: `Left(diagnostics)` fails the pass; a result or nothing succeeds (unless it signalled failure). */
export type PassOutcome = Either<readonly Diagnostic[], PassResult> | PassResult | void;

/** What a running pass sees besides its op and options. */
export interface PassContext {
  /** The context of the IR: loaded dialects, whether unregistered ops are allowed. */
  readonly context: Context;
  /** The pass being run, with its options. */
  readonly pass: Pass;
  /** `--debug-rewrites`: rewrite drivers print which pattern applied where and why others failed. */
  readonly debugRewrites: boolean;
  /**
   * What a pass gives its rewrite drivers (`applyPatternsGreedily(op, patterns, { listener })`): under
   * `--debug-rewrites`, a listener printing every pattern applied or declined, and the pass manager's own
   * `rewriteListener` option (checkRewrite's coverage counting); undefined when there is neither.
   */
  readonly rewriteListener: RewriteListener | undefined;
  /** Adds `n` (default 1) to the statistic `name` of this pass instance (`--mlir-pass-statistics`). */
  stat(name: string, n?: number): void;
  /** Marks the pass as failed, with what went wrong; the pipeline stops after this pass. */
  signalPassFailure(diagnostics?: Diagnostic | readonly Diagnostic[]): void;
  /** Reports a diagnostic (a warning or remark, say) without failing the pass. */
  emit(diagnostic: Diagnostic): void;
  /** A line of debugging output (to the pass manager's output, stderr by default). */
  debug(message: string): void;
  /**
   * Runs a pipeline on `op` (this pass's op or one nested in it), as MLIR's dynamic pass pipelines do: with
   * the same verification and IR printing. Left with the failure's diagnostics.
   */
  runPipeline(op: Operation, pipeline: string | readonly PipelineItem[]): Either<readonly Diagnostic[], void>;
}

/**
 * A pass definition: what `definePass` returns and the registry holds. `O` is the options' decoded type
 * (what `run` sees), `I` the plain form users write (they differ for branded codecs: `t.Int` is a number).
 */
export interface PassDef<O extends object = object, I = O> {
  readonly kind: "pass-def";
  /** The name in pipelines and on the command line (MLIR's pass argument): `canonicalize`. */
  readonly name: string;
  /** The name IR dumps, timing and statistics show (MLIR's pass name): `Canonicalizer`. */
  readonly displayName: string;
  readonly summary: string;
  readonly description: string | undefined;
  /** The op kind this pass runs on; undefined for any op. */
  readonly opName: string | undefined;
  readonly codec: t.Decoder<unknown, O>;
  readonly fields: readonly OptionField[];
  readonly defaults: Readonly<Partial<I>>;
  /** Help text per option key. */
  readonly optionDocs: Readonly<Record<string, string>>;
  /** Descriptions of the statistics the pass counts, by name. */
  readonly statistics: Readonly<Record<string, string>>;
  run(op: Operation, ctx: PassContext, options: Readonly<O>): PassOutcome;
}

/** A configured pass: a definition and decoded options; an element of a pipeline. */
export interface Pass<O extends object = object, I = O> {
  readonly kind: "pass";
  readonly def: PassDef<O, I>;
  readonly options: Readonly<O>;
}

// ---- definePass ------------------------------------------------------------------------------------------

type NoOptionsCodec = t.TypeC<Record<never, never>>;

interface PassSpecBase<C extends t.Mixed> {
  readonly name: string;
  readonly summary: string;
  /** Defaults to the name in PascalCase (`symbol-dce` → `SymbolDce`). */
  readonly displayName?: string;
  readonly description?: string;
  readonly opName?: string;
  /** An io-ts object codec: t.type({...}), t.partial({...}) or an intersection of them. */
  readonly options?: C;
  readonly optionDocs?: { readonly [K in keyof t.TypeOf<C>]?: string };
  readonly statistics?: Readonly<Record<string, string>>;
  run(op: Operation, ctx: PassContext, options: Readonly<t.TypeOf<C>>): PassOutcome;
}

/** Defaults (plain values: numbers for `t.Int`) are required exactly when the codec has required options. */
export type PassSpec<C extends t.Mixed> = PassSpecBase<C> &
  (Record<never, never> extends t.OutputOf<C> ? { readonly defaults?: t.OutputOf<C> } : { readonly defaults: t.OutputOf<C> });

const PASS_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** `symbol-dce` → `SymbolDce`. */
export function pascalCase(name: string): string {
  return name
    .split(/[-_.]/)
    .filter((w) => w !== "")
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join("");
}

/** Defines a pass; options are typed from the codec. Throws (a bug in the definition) on bad names or defaults. */
export function definePass<C extends t.Mixed = NoOptionsCodec>(spec: PassSpec<C>): PassDef<t.TypeOf<C>, t.OutputOf<C>> {
  if (!PASS_NAME.test(spec.name)) throw new Error(`invalid pass name '${spec.name}'`);
  const codec: t.Mixed = spec.options ?? t.type({});
  const fields = optionFields(codec);
  const def: PassDef<t.TypeOf<C>, t.OutputOf<C>> = {
    kind: "pass-def",
    name: spec.name,
    displayName: spec.displayName ?? pascalCase(spec.name),
    summary: spec.summary,
    description: spec.description,
    opName: spec.opName,
    codec: codec as t.Decoder<unknown, t.TypeOf<C>>,
    fields,
    defaults: ((spec as { defaults?: t.OutputOf<C> }).defaults ?? {}) as Readonly<Partial<t.OutputOf<C>>>,
    optionDocs: (spec.optionDocs ?? {}) as Readonly<Record<string, string>>,
    statistics: spec.statistics ?? {},
    run: (op, ctx, options) => spec.run(op, ctx, options),
  };
  // Defaults that do not decode are a bug in the definition: report it where the pass is defined.
  const check = decodeOptionValues(optionsSchema(def), {});
  if (!check.ok && fields.every((f) => !f.required || (def.defaults as Record<string, unknown>)[f.key] !== undefined)) {
    throw new Error(`the defaults of pass '${spec.name}' do not match its options: ${check.message}`);
  }
  return def;
}

/** Configures a pass with options (merged over its defaults); throws if they do not decode (a bug in the caller). */
export function pass<O extends object, I>(def: PassDef<O, I>, options: Partial<I> = {}): Pass<O, I> {
  const decoded = decodeOptionValues(optionsSchema(def), options as Record<string, unknown>);
  if (!decoded.ok) throw new Error(decoded.message);
  return { kind: "pass", def, options: decoded.value };
}

/** Configures a pass from the option text of `name{...}`; a message naming the pass and option on error. */
export function passFromText<O extends object, I>(def: PassDef<O, I>, optionText: string | undefined): Pass<O, I> | string {
  const decoded = decodeOptionText(optionsSchema(def), optionText ?? "");
  if (!decoded.ok) return decoded.message;
  return { kind: "pass", def, options: decoded.value };
}

/** A definition as the option decoder sees it. */
export function optionsSchema<O extends object, I>(def: PassDef<O, I>): OptionsSchema<O> {
  return { name: def.name, codec: def.codec, fields: def.fields, defaults: def.defaults as Readonly<Record<string, unknown>> };
}
