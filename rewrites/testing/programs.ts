/**
 * fast-check arbitraries of well-typed random programs over func/arith/math/cf, with random inputs, for
 * property-testing rewrites (`checkRewrite`). Programs come from op definitions (program-gen.ts), so the ops
 * of any dialect can be drawn from by passing them in `ops`.
 *
 *   fc.assert(fc.property(programs({ ops: arithOps }), (p) => ...))
 */
import fc from "fast-check";
import { arithOps } from "../../dialects/arith/index.ts";
import { mathOps } from "../../dialects/math/index.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { lookupSymbolIn } from "../../src/ir/symbol-table.ts";
import { ConstantLike } from "../../src/ir/traits.ts";
import { FloatType, IndexType, IntegerType, type Type, f16, f32, f64, i1, i8, i16, i32, i64, index } from "../../src/ir/types.ts";
import { floatValueFromBits, intValue, type RuntimeValue } from "../../src/interp/values.ts";
import { printOp } from "../../src/text/printer.ts";
import { newContext } from "../index.ts";
import type { Pattern, RewriteExample } from "../../src/rewrite/pattern.ts";
import { buildProgram, type ExampleStep, generatableOps, type Recipe, type Step } from "./program-gen.ts";

export interface ProgramOptions {
  /** Op kinds to draw from (default: every generatable arith op). */
  readonly ops?: readonly (typeof Operation)[];
  /** Scalar types for arguments, constants and results (default: i1, i8, i16, i32, i64, index, f16, f32, f64). */
  readonly types?: readonly Type[];
  /** The most steps in the main block (default 10). */
  readonly maxSteps?: number;
  /** Generate cf.cond_br diamonds too (default true). */
  readonly branches?: boolean;
  /** Also generate a private callee `@g` that `@f` calls (for inlining and symbol-dce; default false). */
  readonly calls?: boolean;
  /** The most function arguments (default 4). */
  readonly maxArgs?: number;
  /**
   * Rewrite examples to grow programs around (examples.ts): each program splices in a few, picked at random,
   * among its random steps. `examplesOf(patterns)` collects a pattern set's.
   */
  readonly examples?: readonly RewriteExample[];
  /** How many examples each program gets (default: between a quarter and a half of `examples`, at least 1 to 3). */
  readonly examplesPerProgram?: { readonly min: number; readonly max: number };
  /**
   * Op kinds to make extra steps of, with operands that are mostly constants (so their folders fire): about
   * a quarter to a half of the list per program (or `focusPerProgram`). They must also be in `ops`.
   */
  readonly focus?: readonly (typeof Operation)[];
  readonly focusPerProgram?: { readonly min: number; readonly max: number };
}

/** A program to check: its MLIR text (parsed afresh for every use), the function to run, and its inputs. */
export interface ProgramCase {
  readonly text: string;
  readonly fn: string;
  readonly args: readonly RuntimeValue[];
}

/**
 * The op list with constants repeated so that about a quarter of the steps make one: folds and
 * canonicalizations mostly fire on constants.
 */
function weighted(ops: readonly (typeof Operation)[]): (typeof Operation)[] {
  const usable = generatableOps(ops);
  const constants = usable.filter((o) => o.info?.traits.has(ConstantLike));
  const extra = constants.length === 0 ? [] : Array.from({ length: Math.ceil(usable.length / 3) }, (_, i) => constants[i % constants.length] as typeof Operation);
  return [...usable, ...extra];
}

export const defaultTypes: readonly Type[] = [i1, i8, i16, i32, i64, index, f16, f32, f64];

/** 64-bit patterns biased to the values where arithmetic breaks: 0, ±1, the extremes of each width. */
export const edgeBits: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0n, 1n, 2n, 3n, -1n, -2n, 7n, 8n, 31n, 32n, 63n, 64n) },
  { weight: 2, arbitrary: fc.constantFrom(...[8, 16, 32, 64].flatMap((w) => [(1n << BigInt(w - 1)) - 1n, -(1n << BigInt(w - 1)), (1n << BigInt(w)) - 1n])) },
  { weight: 2, arbitrary: fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -1000n, max: 1000n }) },
);

/** Float bit patterns biased to ±0, ±1, ±Inf, NaN, subnormals and extremes, for a given kind. */
function floatBitsArb(type: FloatType): fc.Arbitrary<bigint> {
  const w = BigInt(type.width);
  const sign = 1n << (w - 1n);
  const special: bigint[] =
    type.name === "f32"
      ? [0n, sign, 0x3f800000n, 0xbf800000n, 0x7f800000n, 0xff800000n, 0x7fc00000n, 1n, 0x7f7fffffn, 0x00800000n]
      : type.name === "f64"
        ? [0n, sign, 0x3ff0000000000000n, 0xbff0000000000000n, 0x7ff0000000000000n, 0x7ff8000000000000n, 1n, 0x7fefffffffffffffn]
        : type.name === "f16"
          ? [0n, sign, 0x3c00n, 0xbc00n, 0x7c00n, 0x7e00n, 1n, 0x7bffn]
          : [0n, sign, 0x3f80n, 0xbf80n, 0x7f80n, 0x7fc0n, 1n, 0x7f7fn];
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...special) },
    { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: (1n << w) - 1n }) },
  );
}

/** A random input of `type`. */
export function valueArb(type: Type): fc.Arbitrary<RuntimeValue> {
  if (type instanceof IntegerType || type instanceof IndexType) return edgeBits.map((b) => intValue(type, b));
  if (type instanceof FloatType) return floatBitsArb(type).map((b) => floatValueFromBits(type, b));
  throw new Error("valueArb: only scalar integer, index and float inputs are generated");
}

const stepArb = (maxOps: number): fc.Arbitrary<Step> =>
  fc.record({
    op: fc.nat({ max: maxOps - 1 }),
    operands: fc.array(fc.nat({ max: 64 }), { minLength: 3, maxLength: 3 }),
    type: fc.nat({ max: 64 }),
    attr: fc.nat({ max: 64 }),
    bits: edgeBits,
  });

/**
 * Between a quarter and a half of `n` (at least 1 to 3): each of n things is then in about a third of the
 * programs, and fires in about a fifth or more (folds and other patterns get to some first).
 */
function aboutAThird(n: number): { min: number; max: number } {
  return { min: Math.max(1, Math.floor(n / 4)), max: Math.max(3, Math.ceil(n / 2)) };
}

/** Steps of the focus ops whose operands are constants three times in four (constant operands make folds fire). */
function focusStepArb(ops: readonly (typeof Operation)[], focus: readonly (typeof Operation)[]): fc.Arbitrary<Step> | undefined {
  const indices = focus.map((f) => ops.indexOf(f)).filter((i) => i >= 0);
  if (indices.length === 0) return undefined;
  // An operand selector s is a fresh constant when s % 4 == 3: the step's bits (s = 3) or a small constant (s = 8k + 7).
  const operand = fc.oneof(fc.constant(3), fc.nat({ max: 15 }).map((k) => 8 * k + 7), fc.nat({ max: 64 }));
  return fc.record({
    op: fc.constantFrom(...indices),
    operands: fc.array(operand, { minLength: 3, maxLength: 3 }),
    type: fc.nat({ max: 64 }),
    attr: fc.nat({ max: 64 }),
    bits: edgeBits,
  });
}

/** Recipes: what program-gen.ts builds from. */
export function recipes(opts: ProgramOptions = {}): fc.Arbitrary<Recipe> {
  const ops = weighted(opts.ops ?? arithOps);
  const step = stepArb(Math.max(1, ops.length));
  const maxSteps = opts.maxSteps ?? 10;
  const examples = opts.examples ?? [];
  const exampleCount = opts.examplesPerProgram ?? aboutAThird(examples.length);
  const exampleStep: fc.Arbitrary<ExampleStep> = fc.record({
    at: fc.nat({ max: 64 }),
    which: fc.nat({ max: 1 << 20 }),
    seed: fc.nat({ max: 2 ** 31 - 1 }),
    bind: fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }),
    // One example in six is a near miss (a constant of it made a free operand).
    nearMiss: fc.nat({ max: 5 }),
  });
  const focus = focusStepArb(ops, opts.focus ?? []);
  const focusCount = opts.focusPerProgram ?? aboutAThird(opts.focus?.length ?? 0);
  const diamond = fc.record({
    cond: fc.nat({ max: 8 }),
    thenSteps: fc.array(step, { maxLength: 3 }),
    elseSteps: fc.array(step, { maxLength: 3 }),
    pick: fc.nat({ max: 8 }),
  });
  const base = fc.record({
    args: fc.array(fc.nat({ max: 64 }), { minLength: 1, maxLength: opts.maxArgs ?? 4 }),
    steps: fc.array(step, { maxLength: maxSteps }),
    results: fc.array(fc.nat({ max: 8 }), { minLength: 1, maxLength: 2 }),
    diamond: (opts.branches ?? true) ? fc.option(diamond, { nil: undefined, freq: 3 }) : fc.constant(undefined),
    examples: examples.length === 0 ? fc.constant(undefined) : fc.array(exampleStep, { minLength: exampleCount.min, maxLength: exampleCount.max }),
    focus: focus === undefined ? fc.constant([]) : fc.array(fc.tuple(fc.nat({ max: 64 }), focus), { minLength: focusCount.min, maxLength: focusCount.max }),
  }).map(({ focus: extra, ...r }): Recipe => {
    if (extra.length === 0) return r;
    // The focus steps go among the random ones, each at its chosen position.
    const steps = [...r.steps];
    for (const [at, s] of extra) steps.splice(at % (steps.length + 1), 0, s);
    return { ...r, steps };
  });
  if (opts.calls !== true) return base;
  // A callee `@g` (with its own steps and maybe a diamond) and one or two calls to it from `@f`.
  const callee = fc.record({ recipe: base, calls: fc.array(fc.nat({ max: 16 }), { minLength: 1, maxLength: 2 }) });
  return fc.tuple(base, callee).map(([r, c]): Recipe => ({ ...r, callee: c }));
}

/** Programs with inputs: a recipe built into MLIR text, then random arguments of the function's types. */
export function programs(opts: ProgramOptions = {}): fc.Arbitrary<ProgramCase> {
  const ctx = newContext();
  const genOpts = { ops: weighted(opts.ops ?? arithOps), types: opts.types ?? defaultTypes, examples: opts.examples ?? [], ctx };
  return recipes(opts).chain((recipe) => {
    const { module, fn } = buildProgram(recipe, genOpts);
    const text = printOp(module, { ctx });
    const fnOp = lookupSymbolIn(module, fn) as Operation;
    const argTypes = fnOp.getRegion().entry?.argTypes ?? [];
    return fc.tuple(...argTypes.map(valueArb)).map((args): ProgramCase => ({ text, fn, args }));
  });
}

/** The op kinds `programs` draws from when asked for math too. */
export const arithAndMathOps: readonly (typeof Operation)[] = [...arithOps, ...mathOps];

/** The examples of a pattern set, for `programs({ examples })`. */
export function examplesOf(patterns: readonly Pattern[]): RewriteExample[] {
  return patterns.flatMap((p) => p.examples ?? []);
}
