/**
 * Dialect conversion, as MLIR's DialectConversion: rewrite the ops a target deems illegal with conversion
 * patterns, converting types on the way, until every op is legal, or undo everything.
 *
 *   const types = new TypeConverter().addConversion((t) => t).addConversion((t) => (t === i32 ? i64 : undefined));
 *   const target = legality().legalDialect("llvm").illegalDialect("arith");
 *   /** arith.addi -> llvm.add on converted operands.
 *    *   Before: %0 = arith.addi %a, %b : i32        After: %0 = llvm.add %a', %b' : i64 *\/
 *   const addi = convert({
 *     name: "addi-to-llvm", root: AddIOp,
 *     apply(op, adaptor, rw) {
 *       rw.replaceOpWithNew(op, LLVMAdd, { lhs: adaptor.lhs, rhs: adaptor.rhs });
 *       return rw.done();
 *     },
 *   });
 *   applyPartialConversion(module, target, [addi], { ctx, typeConverter: types });   // Either<Diagnostic, ...>
 *
 * Adaptor values are typed `Value`: their converted types are only known at run time, so a pattern building an
 * op whose operands are constrained (`Value<IntegerType>`) checks the types first (see test/unit/conversion.test.ts).
 *
 * The driver visits the ops under the root (the root included) in pre-order. For each op that is not legal it
 * tries the patterns rooted on its name, highest benefit first. A pattern gets the op, an adaptor holding the op's
 * operands already converted (the replacements of replaced values, cast to the converted type where needed),
 * and the conversion rewriter. When a pattern succeeds, the ops it created are legalised in turn (recursively,
 * bounded in depth; a pattern is not applied again to an op it produced unless it says `recursive: true`) and
 * the ops it updated in place must now be legal; otherwise its changes are undone and the next pattern is tried.
 *
 * A partial conversion fails when an illegal op (explicitly, or dynamically) cannot be legalised; ops of unknown
 * legality are left as they are. A full conversion fails when any op cannot be made legal, or when a
 * materialisation cast is still needed at the end. Failure undoes every change: the input IR is exactly as it was
 * (same op and block objects, same use-list order). The diagnostic names the op, at its location, with a note
 * listing the patterns tried and why each failed.
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error, note } from "../diag/diagnostic.ts";
import type { Attribute } from "../ir/attributes.ts";
import type { Context } from "../ir/context.ts";
import type { Operation } from "../ir/operation.ts";
import { FunctionOpInterface } from "../interfaces/function.ts";
import type { OpResult, Value } from "../ir/value.ts";
import { definitionOf, operandRanges } from "../irdl/define-op.ts";
import { ConversionRewriter } from "./conversion-rewriter.ts";
import type { ConversionTarget } from "./legality.ts";
import type { OpClassLike } from "../ir/defining.ts";
import type { MatchResult, Pattern } from "./pattern.ts";
import type { RewriteListener } from "./rewriter.ts";
import type { TypeConverter } from "./type-converter.ts";

export { ConversionRewriter } from "./conversion-rewriter.ts";
export { ConversionTarget, type Legality, legality } from "./legality.ts";
export { type MaterializationCallback, SignatureConversion, TypeConverter, type TypeConversionCallback } from "./type-converter.ts";

// ---- adaptors ------------------------------------------------------------------------------------------------

/** What every adaptor has. Its member names are ones no op accessor may take, so named operands never clash. */
export interface AdaptorBase {
  /** The converted operands, one per operand (a 1:N converted operand appears unconverted: see getOperandValues). */
  readonly operands: readonly Value[];
  /** The op's attributes. */
  readonly attributes: ReadonlyMap<string, Attribute>;
  /** Converted operand `i`. */
  getOperand(i: number): Value;
  /** The values operand `i` converted to: one, or several for a 1:N type conversion, or none when dropped. */
  getOperandValues(i: number): readonly Value[];
}

type OperandKeys<O> = {
  [K in Exclude<keyof O, keyof Operation>]-?: O[K] extends OpResult | readonly OpResult[] | undefined
    ? never
    : O[K] extends Value | readonly Value[] | undefined
      ? K
      : never;
}[Exclude<keyof O, keyof Operation>];
type Adapted<T> = T extends readonly Value[] ? readonly Value[] : T extends Value ? Value : undefined;

/** The adaptor of op type `O`: the base plus one accessor per named operand group, holding converted values. */
export type OpAdaptor<O extends Operation = Operation> = AdaptorBase & { readonly [K in OperandKeys<O>]: Adapted<O[K]> };

function makeAdaptor(op: Operation, values: readonly Value[], groups: readonly (readonly Value[])[]): OpAdaptor {
  const at = (i: number): Value => {
    const v = values[i];
    if (v === undefined) throw new RangeError(`'${op.name}' has no operand #${i}`);
    return v;
  };
  const adaptor: AdaptorBase = {
    operands: values,
    attributes: op.attributes,
    getOperand: at,
    getOperandValues: (i) => {
      const g = groups[i];
      if (g === undefined) throw new RangeError(`'${op.name}' has no operand #${i}`);
      return g;
    },
  };
  const def = definitionOf(op);
  if (def === undefined) return adaptor as OpAdaptor;
  const ranges = operandRanges(op, def);
  def.operands.forEach((g, i) => {
    if (g.name in adaptor) return;
    const [start, n] = ranges[i] ?? [0, 0];
    const value = g.kind === "variadic" ? values.slice(start, start + n) : n === 0 ? undefined : values[start];
    Object.defineProperty(adaptor, g.name, { value, enumerable: true });
  });
  return adaptor as OpAdaptor;
}

// ---- patterns ------------------------------------------------------------------------------------------------

export interface ConversionPattern {
  readonly kind: "conversion";
  readonly name: string;
  /** The op name the pattern applies to; undefined for patterns that look at any op. */
  readonly rootName: string | undefined;
  /** Higher is tried first. */
  readonly benefit: number;
  /** Converts the adaptor's operands (and is `rw.typeConverter`); defaults to the conversion's. */
  readonly typeConverter: TypeConverter | undefined;
  /** May be applied to ops it produced itself (MLIR's bounded rewrite recursion); the depth bound still holds. */
  readonly recursive: boolean;
  matchAndRewrite(op: Operation, adaptor: OpAdaptor, rw: ConversionRewriter): MatchResult;
}

interface ConvertSpecBase {
  readonly name: string;
  readonly benefit?: number;
  readonly typeConverter?: TypeConverter;
  readonly recursive?: boolean;
}

/**
 * A conversion pattern rooted on one op kind: `op` has the kind's accessors, `adaptor` its named operands,
 * converted. Return `rw.done()` after replacing, erasing or updating `op` in place, or `rw.fail(reason)`.
 */
export function convert<C extends OpClassLike>(
  spec: ConvertSpecBase & {
    readonly root: C;
    readonly apply: (op: C["prototype"], adaptor: OpAdaptor<C["prototype"]>, rw: ConversionRewriter) => MatchResult;
  },
): ConversionPattern {
  const rootName = spec.root.info?.name;
  if (rootName === undefined) throw new Error(`conversion pattern '${spec.name}': its root must be a registered op class`);
  return {
    kind: "conversion",
    name: spec.name,
    rootName,
    benefit: spec.benefit ?? 1,
    typeConverter: spec.typeConverter,
    recursive: spec.recursive ?? false,
    matchAndRewrite: (op, adaptor, rw) => spec.apply(op as C["prototype"], adaptor as OpAdaptor<C["prototype"]>, rw),
  };
}

/** A conversion pattern for any op (or for the unregistered op `root` names): filter inside `apply`. */
export function convertAny(
  spec: ConvertSpecBase & {
    readonly root?: string;
    readonly apply: (op: Operation, adaptor: OpAdaptor, rw: ConversionRewriter) => MatchResult;
  },
): ConversionPattern {
  return {
    kind: "conversion",
    name: spec.name,
    rootName: spec.root,
    benefit: spec.benefit ?? 1,
    typeConverter: spec.typeConverter,
    recursive: spec.recursive ?? false,
    matchAndRewrite: spec.apply,
  };
}

/** A plain rewrite pattern used in a conversion: it gets no adaptor. */
function fromRewritePattern(p: Pattern): ConversionPattern {
  return {
    kind: "conversion",
    name: p.name,
    rootName: p.rootName,
    benefit: p.benefit,
    typeConverter: undefined,
    recursive: false,
    matchAndRewrite: (op, _adaptor, rw) => p.matchAndRewrite(op, rw),
  };
}

/**
 * Converts the signature of a function-like op (any op kind implementing FunctionOpInterface: func.func,
 * llvm.func, ...): the entry block's arguments and the other blocks' through `typeConverter`, the signature in
 * place through the interface's `setType`. MLIR's populateFunctionOpInterfaceTypeConversionPattern.
 */
export function convertFunctionSignature(root: OpClassLike, opts: { readonly typeConverter?: TypeConverter; readonly benefit?: number } = {}): ConversionPattern {
  return convert({
    name: `${root.info?.name ?? "function"}-signature`,
    root,
    ...(opts.benefit === undefined ? {} : { benefit: opts.benefit }),
    ...(opts.typeConverter === undefined ? {} : { typeConverter: opts.typeConverter }),
    apply(op, _adaptor, rw) {
      const converter = rw.typeConverter;
      if (converter === undefined) return rw.fail("no type converter");
      const fn = FunctionOpInterface.of(op);
      if (fn === undefined) return rw.fail("the op does not implement FunctionOpInterface");
      const inputs = converter.convertSignatureArgs(fn.getArgumentTypes());
      const results = converter.convertTypes(fn.getResultTypes());
      if (inputs === undefined || results === undefined) return rw.fail("a type of the signature cannot be converted");
      const body = fn.getFunctionBody();
      if (!fn.isExternal() && !rw.convertRegionTypes(body, converter, inputs)) {
        return rw.fail("a block argument type cannot be converted");
      }
      rw.modifyInPlace(op, () => fn.setType(inputs.convertedTypes, results));
      return rw.done();
    },
  });
}

/** Patterns by root name, highest benefit first (stable for equal benefits). */
class PatternIndex {
  readonly #byRoot = new Map<string, ConversionPattern[]>();
  readonly #any: ConversionPattern[] = [];
  readonly #sorted = new Map<string, readonly ConversionPattern[]>();

  constructor(patterns: readonly (ConversionPattern | Pattern)[]) {
    for (const raw of patterns) {
      const p = "kind" in raw && raw.kind === "conversion" ? raw : fromRewritePattern(raw as Pattern);
      if (p.rootName === undefined) this.#any.push(p);
      else this.#byRoot.set(p.rootName, [...(this.#byRoot.get(p.rootName) ?? []), p]);
    }
  }
  for(name: string): readonly ConversionPattern[] {
    let list = this.#sorted.get(name);
    if (list === undefined) {
      list = [...(this.#byRoot.get(name) ?? []), ...this.#any].sort((a, b) => b.benefit - a.benefit);
      this.#sorted.set(name, list);
    }
    return list;
  }
}

// ---- the driver ----------------------------------------------------------------------------------------------

export interface ConversionOptions {
  /** Where `builtin.unrealized_conversion_cast` is looked up for materialisations. */
  readonly ctx: Context;
  /** Converts operand types for the adaptors of patterns that have no converter of their own. */
  readonly typeConverter?: TypeConverter;
  /** Told of every change, match failure and pattern application (for --debug-rewrites). */
  readonly listener?: RewriteListener;
  /** How deep ops created by patterns are legalised through further patterns (default 32). */
  readonly maxDepth?: number;
}

export interface ConversionResult {
  /** Successful pattern applications (including those on ops that patterns created). */
  readonly converted: number;
  /** Ops of unknown legality a partial conversion could not convert and left as they were. */
  readonly unconverted: readonly Operation[];
}

interface Attempt {
  readonly pattern: string;
  readonly reason: string;
}
type Outcome = { readonly ok: true } | { readonly ok: false; readonly tried: readonly Attempt[]; readonly why?: string };

const OK: Outcome = { ok: true };

class Legalizer {
  converted = 0;

  constructor(
    readonly rw: ConversionRewriter,
    readonly target: ConversionTarget,
    readonly patterns: PatternIndex,
    readonly maxDepth: number,
  ) {}

  /** Makes `op` legal through patterns (or finds it legal already). */
  legalize(op: Operation, depth: number, active: ReadonlySet<ConversionPattern>): Outcome {
    if (this.target.isLegal(op)) return OK;
    if (depth > this.maxDepth) return { ok: false, tried: [], why: `legalization exceeded the maximum depth (${this.maxDepth})` };
    const tried: Attempt[] = [];
    for (const p of this.patterns.for(op.name)) {
      if (active.has(p) && !p.recursive) {
        tried.push({ pattern: p.name, reason: "not applied again to an op it produced (the pattern is not marked recursive)" });
        continue;
      }
      const reason = this.#apply(p, op, depth, active);
      if (reason === undefined) {
        this.converted++;
        return OK;
      }
      tried.push({ pattern: p.name, reason });
    }
    return { ok: false, tried };
  }

  /** Applies `p` to `op` and legalises what it produced; undefined on success, else why not (nothing changed). */
  #apply(p: ConversionPattern, op: Operation, depth: number, active: ReadonlySet<ConversionPattern>): string | undefined {
    const rw = this.rw;
    const start = rw.checkpoint();
    const convertedBefore = this.converted;
    const fail = (reason: string): string => {
      rw.rollbackTo(start);
      this.converted = convertedBefore;
      return reason;
    };
    rw.typeConverter = p.typeConverter ?? rw.defaultConverter;
    rw.setInsertionPointBefore(op);
    rw.loc = op.loc;
    const operands = rw.remapOperands(op, rw.typeConverter);
    if (!operands.ok) {
      rw.listener?.notifyMatchFailure?.(p.name, op, operands.reason);
      return fail(operands.reason);
    }
    rw.current = { pattern: p.name, op };
    let result: MatchResult;
    try {
      result = p.matchAndRewrite(op, makeAdaptor(op, operands.values, operands.groups), rw);
    } finally {
      rw.current = undefined;
    }
    if (!result.ok) return fail(result.reason);

    const changes = rw.entriesSince(start);
    if (!changes.some((e) => (e.kind === "erase" || e.kind === "modify") && e.op === op)) {
      return fail("the pattern returned success without replacing, erasing or updating the op in place");
    }
    const nextActive = new Set(active).add(p);
    for (const e of changes) {
      const created = e.op;
      if (e.kind !== "insert" || created === undefined || rw.isIgnored(created) || rw.isMaterialization(created)) continue;
      const sub = this.legalize(created, depth + 1, nextActive);
      if (!sub.ok) return fail(`it created '${created.name}', which failed to legalize (${describe(created, sub)})`);
    }
    for (const e of changes) {
      const modified = e.op;
      if (e.kind !== "modify" || modified === undefined || rw.isIgnored(modified)) continue;
      if (!this.target.isLegal(modified)) return fail(`it updated '${modified.name}' in place, which is still not legal`);
    }
    rw.listener?.notifyPatternApplied?.(p.name, op);
    return undefined;
  }
}

function describe(op: Operation, outcome: Outcome): string {
  if (outcome.ok) return "ok";
  if (outcome.why !== undefined) return outcome.why;
  if (outcome.tried.length === 0) return `no conversion pattern applies to '${op.name}'`;
  return `patterns tried: ${outcome.tried.map((t) => `'${t.pattern}': ${t.reason}`).join("; ")}`;
}

/** The ops to visit, in pre-order, without the insides of recursively legal ops. */
function collect(root: Operation, target: ConversionTarget): Operation[] {
  const out: Operation[] = [];
  root.walk((op) => {
    out.push(op);
    return target.isRecursivelyLegal(op) ? "skip" : undefined;
  }, "pre");
  return out;
}

function applyConversion(
  mode: "partial" | "full",
  root: Operation,
  target: ConversionTarget,
  patterns: readonly (ConversionPattern | Pattern)[],
  opts: ConversionOptions,
): Either<Diagnostic, ConversionResult> {
  const rw = new ConversionRewriter(opts.ctx, root, opts.typeConverter, opts.listener);
  const legalizer = new Legalizer(rw, target, new PatternIndex(patterns), opts.maxDepth ?? 32);
  const unconverted: Operation[] = [];
  try {
    for (const op of collect(root, target)) {
      if (rw.isIgnored(op)) continue;
      const legality = target.legalityOf(op);
      if (legality === "legal") continue;
      const outcome = legalizer.legalize(op, 0, new Set());
      if (outcome.ok) continue;
      if (mode === "partial" && legality === "unknown") {
        unconverted.push(op);
        continue;
      }
      const suffix = mode === "partial" ? " that was explicitly marked illegal" : "";
      rw.rollbackTo(0);
      return left(error(op.loc, `failed to legalize operation '${op.name}'${suffix}`, [note(op.loc, describe(op, outcome))]));
    }
    const failure = rw.finalize(mode);
    if (failure !== undefined) {
      rw.rollbackTo(0);
      return left(failure);
    }
  } catch (e) {
    rw.rollbackTo(0);
    throw e;
  }
  rw.commit();
  return right({ converted: legalizer.converted, unconverted });
}

/**
 * Converts the illegal ops under `root` (and `root`): fails if an illegal op cannot be legalised; ops of unknown
 * legality that no pattern converts are left. On failure the IR is unchanged.
 */
export function applyPartialConversion(
  root: Operation,
  target: ConversionTarget,
  patterns: readonly (ConversionPattern | Pattern)[],
  opts: ConversionOptions,
): Either<Diagnostic, ConversionResult> {
  return applyConversion("partial", root, target, patterns, opts);
}

/**
 * Converts every op under `root` (and `root`) to a legal one, and requires that no materialisation cast remain
 * live; otherwise fails, with the IR unchanged.
 */
export function applyFullConversion(
  root: Operation,
  target: ConversionTarget,
  patterns: readonly (ConversionPattern | Pattern)[],
  opts: ConversionOptions,
): Either<Diagnostic, ConversionResult> {
  return applyConversion("full", root, target, patterns, opts);
}
