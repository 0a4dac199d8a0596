/**
 * Random well-typed programs, built from the op definitions themselves: a `Recipe` (plain numbers that
 * fast-check generates and shrinks) is turned into a `func.func` by picking, for each step, an op kind from a
 * list, operand values of types its constraints accept, required attributes and result types — keeping the op
 * only if the verifier accepts it. So a new op joins the generated programs by being in the list, with no
 * generator code of its own.
 *
 * A recipe may also ask for a diamond (`cf.cond_br` on an i1 value to two blocks that each compute a few more
 * ops and pass one value to a merge block, which returns) and for a private callee `@g` that `@f` calls.
 *
 * And it may place rewrite examples (examples.ts) among its steps: each is filled, parsed and spliced into
 * `@f` with its free operands bound to values of the program or to fresh arguments of `@f`, and what it
 * computes feeds the steps after it.
 */
import { isRight } from "fp-ts/lib/Either.js";
import { CondBranchOp, BranchOp } from "../../dialects/cf/index.ts";
import { createModule, moduleBody, type ModuleOp } from "../../dialects/builtin/index.ts";
import { buildFunc, CallOp, functionTypeAttr, ReturnOp } from "../../dialects/func/index.ts";
import { type Attribute, FloatAttr, IntegerAttr, SymbolRefAttr, type TypeAttr } from "../../src/ir/attributes.ts";
import { symbolName } from "../../src/ir/symbol-table.ts";
import { Builder } from "../../src/ir/builder.ts";
import { Block, type Operation } from "../../src/ir/operation.ts";
import { ConstantLike } from "../../src/ir/traits.ts";
import { FloatType, type FunctionType, IndexType, IntegerType, type Type, i1, i64 } from "../../src/ir/types.ts";
import { BlockArgument, type Value } from "../../src/ir/value.ts";
import type { Context } from "../../src/ir/context.ts";
import type { OpDefinition } from "../../src/irdl/define-op.ts";
import { verifyOp } from "../../src/irdl/verifier.ts";
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import { type ExampleInstance, instantiate, isScalarInput } from "./examples.ts";

/** One op to try to add: which kind, which values, which types and attribute choices (all taken modulo). */
export interface Step {
  readonly op: number;
  readonly operands: readonly number[];
  readonly type: number;
  readonly attr: number;
  /** A raw 64-bit pattern, for constants. */
  readonly bits: bigint;
}

/** A rewrite example to splice in before step `at`: which one, the seed of its filling, and how to bind it. */
export interface ExampleStep {
  readonly at: number;
  readonly which: number;
  readonly seed: number;
  /** Per free operand: 0 binds it to a value of the program of its type (when there is one), else to a fresh argument. */
  readonly bind: readonly number[];
  /**
   * 0 makes the example a near miss: one of its scalar constants (picked by `seed`) becomes a free operand, so
   * the pattern sees its shape with a value it cannot fold, and its guards (`c0 === undefined`) are tested.
   */
  readonly nearMiss?: number;
}

export interface Recipe {
  /** The function's argument types (indices into the type list). */
  readonly args: readonly number[];
  readonly steps: readonly Step[];
  /** Values to return (indices into the values defined so far, from the last). */
  readonly results: readonly number[];
  /** When set, a private function `@g` built from `recipe`, called once per entry of `calls`. */
  readonly callee?: { readonly recipe: Recipe; readonly calls: readonly number[] } | undefined;
  /** When set, a cond_br diamond: then-steps, else-steps and the value passed to the merge block. */
  readonly diamond: { readonly cond: number; readonly thenSteps: readonly Step[]; readonly elseSteps: readonly Step[]; readonly pick: number } | undefined;
  /** Rewrite examples to grow the program around (from GenOptions.examples). */
  readonly examples?: readonly ExampleStep[] | undefined;
}

export interface GenOptions {
  /** The op kinds to draw from (registered op classes). */
  readonly ops: readonly (typeof Operation)[];
  /** The scalar types of arguments, constants and results. */
  readonly types: readonly Type[];
  /** Rewrite examples a recipe's ExampleSteps pick from, and the context to parse them in. */
  readonly examples?: readonly RewriteExample[];
  readonly ctx?: Context;
}

/** Op kinds the generator can build: fixed operand/result counts, no regions or successors, not terminators. */
export function generatable(op: typeof Operation): boolean {
  const def = op.info as OpDefinition | undefined;
  if (def === undefined || !("spec" in def)) return false;
  return (
    def.regions.length === 0 &&
    def.successors.length === 0 &&
    def.operands.every((g) => g.kind === "single") &&
    def.results.every((g) => g.kind === "single") &&
    def.results.length > 0
  );
}

/** Constants that identities and strength reductions look for. */
const SMALL_CONSTANTS: readonly bigint[] = [0n, 1n, -1n, 2n, 4n, 8n, 16n, 3n, 7n, 31n, 32n, 64n, 255n, -128n, (1n << 31n) - 1n, -(1n << 31n)];

function pick<T>(xs: readonly T[], i: number): T | undefined {
  return xs.length === 0 ? undefined : xs[((i % xs.length) + xs.length) % xs.length];
}

/** A constant attribute of `type` from raw bits: edge values are likely because the recipe's bits are biased. */
function constantOf(type: Type, bits: bigint): Attribute | undefined {
  if (type instanceof IntegerType || type instanceof IndexType) return IntegerAttr.get(type, bits);
  if (type instanceof FloatType && (type.name === "f16" || type.name === "bf16" || type.name === "f32" || type.name === "f64")) {
    // Any bit pattern, NaNs with payloads included: FloatAttr keeps the exact bits.
    return FloatAttr.fromBits(type, BigInt.asUintN(type.width, bits));
  }
  return undefined;
}

/** Candidate values for an attribute the op requires, in a fixed order the recipe indexes into. */
function attributeCandidates(def: OpDefinition, name: string, type: Type, bits: bigint): Attribute[] {
  const c = def.attributes.find((a) => a.name === name)?.constraint;
  if (c === undefined) return [];
  const pool: Attribute[] = [];
  const typed = constantOf(type, bits);
  if (typed !== undefined) pool.push(typed);
  for (let k = 0; k < 16; k++) pool.push(IntegerAttr.get(i64, k));
  return pool.filter((a) => c.test(a));
}

class ProgramBuilder {
  readonly values: Value[] = [];
  constructor(
    readonly opts: GenOptions,
    readonly b: Builder,
  ) {}

  /** A new constant of `type` made by the first constant op kind in the list, inserted now. */
  constant(type: Type, bits: bigint): Value | undefined {
    const cls = this.opts.ops.find((o) => o.info?.traits.has(ConstantLike));
    const value = constantOf(type, bits);
    if (cls === undefined || value === undefined) return undefined;
    try {
      const op = (cls as unknown as { build(a: unknown): Operation }).build({ value });
      if (!isRight(verifyOp(op))) return undefined;
      this.b.insert(op);
      return op.getResult();
    } catch {
      return undefined;
    }
  }

  /** A `func.call` of `fn`, with the newest values of its argument types (skipped when one is missing). */
  call(fn: Operation, choice: number): boolean {
    const type = (fn.attr("function_type") as TypeAttr).value as FunctionType;
    const args: Value[] = [];
    for (const [i, t] of type.inputs.entries()) {
      const v = pick(this.values.filter((x) => x.type === t).reverse(), choice + i);
      if (v === undefined) return false;
      args.push(v);
    }
    const call = this.b.create(CallOp, { callee: SymbolRefAttr.get(symbolName(fn) ?? ""), args, res: type.results });
    this.values.push(...call.results);
    return true;
  }

  /** Tries to add the op a step describes; returns whether it did. */
  step(s: Step): boolean {
    const cls = pick(this.opts.ops, s.op);
    const def = cls === undefined ? undefined : (cls.info as OpDefinition);
    if (cls === undefined || def === undefined) return false;
    const primary = pick(this.opts.types, s.type) as Type;
    // Operands: a value of the primary type when the constraint takes it, else any value the constraint takes.
    const operands: Value[] = [];
    for (const [i, g] of def.operands.entries()) {
      const sel = s.operands[i] ?? i;
      // One operand choice in four is a fresh constant: folds and most canonicalizations need one.
      if (sel % 4 === 3 && !def.traits.has(ConstantLike)) {
        const bits = i === 0 || (sel >> 2) % 2 === 0 ? s.bits : (pick(SMALL_CONSTANTS, sel >> 3) as bigint);
        const c = this.constant(g.constraint.test(primary) ? primary : (operands[0]?.type ?? primary), bits);
        if (c !== undefined && g.constraint.test(c.type)) {
          operands.push(c);
          continue;
        }
      }
      // Newest first: small (and shrunk) choices chain ops into deeper expressions.
      const same = this.values.filter((v) => v.type === primary && g.constraint.test(v.type)).reverse();
      const any = this.values.filter((v) => g.constraint.test(v.type)).reverse();
      const v = pick(same.length > 0 ? same : any, sel);
      if (v === undefined) return false;
      operands.push(v);
    }
    const attrs = new Map<string, Attribute>();
    for (const a of def.attributes) {
      if (a.kind !== "required") continue;
      const resultType = def.traits.has(ConstantLike) ? primary : (operands[0]?.type ?? primary);
      const chosen = pick(attributeCandidates(def, a.name, resultType, s.bits), s.attr);
      if (chosen === undefined) return false;
      attrs.set(a.name, chosen);
    }
    const build = (resultTypes: Record<string, Type> | undefined): Operation | undefined => {
      const args: Record<string, unknown> = {};
      def.operands.forEach((g, i) => (args[g.name] = operands[i]));
      for (const [k, v] of attrs) args[k] = v;
      if (resultTypes !== undefined) Object.assign(args, resultTypes);
      try {
        const op = (cls as unknown as { build(a: unknown): Operation }).build(args);
        return isRight(verifyOp(op)) ? op : undefined;
      } catch {
        return undefined;
      }
    };
    // Result types: inferred if the op can, else the first candidate (from the primary type on) that verifies.
    let op = build(undefined);
    for (let k = 0; op === undefined && k < this.opts.types.length; k++) {
      const t = pick(this.opts.types, s.type + k) as Type;
      const rts: Record<string, Type> = {};
      for (const r of def.results) rts[r.name] = def.results.length > 1 && r !== def.results[0] ? (pick(this.opts.types, s.attr + k) as Type) : t;
      op = build(rts);
      if (op === undefined && def.results.length > 1) {
        for (const r of def.results) rts[r.name] = t;
        op = build(rts);
      }
    }
    if (op === undefined) return false;
    this.b.insert(op);
    this.values.push(...op.results);
    return true;
  }

  /**
   * Splices a parsed example in at the insertion point, its free operands replaced by `operands`; the program
   * continues in its last block. Its values that dominate what follows join the pool.
   */
  splice(inst: ExampleInstance, operands: readonly Value[]): void {
    const [first, ...rest] = inst.blocks;
    const here = this.b.ip?.block;
    if (first === undefined || here === undefined) return;
    first.args.forEach((a, i) => a.replaceAllUsesWith(operands[i] as Value));
    const pool = (vs: readonly Value[]): void => void this.values.push(...vs.filter((v) => !inst.hidden.has(v)));
    for (const op of [...first.ops()]) {
      op.remove();
      this.b.insert(op);
      pool(op.results);
    }
    const last = rest.at(-1);
    if (last === undefined) return;
    for (const b of rest) {
      b.remove();
      here.parent?.push(b);
    }
    this.b.setInsertionPointToEnd(last);
    pool(last.args);
    for (const op of last.ops()) pool(op.results);
  }
}

/** An example placed in a function: where, the instance, and the binding of its free operands. */
interface PlacedExample {
  readonly at: number;
  readonly inst: ExampleInstance;
  /** Per free operand: its fresh function argument, and whether to prefer a value of the program (newest first). */
  readonly binds: readonly { readonly arg: number; readonly reuse: number | undefined }[];
  /** A near miss: the constant op replaced by the fresh function argument `arg`. */
  readonly unconstant: { readonly op: Operation; readonly arg: number } | undefined;
}

/**
 * Operands where most values make undefined behaviour (a shift amount, a divisor, a float converted to an
 * integer, memory indices), by op name: the first such operand; those after it count too (the other indices
 * of a memory access). A near miss never turns a constant there into a random value, since a program with
 * undefined behaviour is skipped. (An assertion's condition may become random: a failed assertion is checked.)
 */
const UB_AT_MOST_VALUES: Readonly<Record<string, number>> = Object.fromEntries([
  ...["shli", "shrsi", "shrui", "divsi", "divui", "remsi", "remui", "ceildivsi", "ceildivui", "floordivsi"].map((n) => [`arith.${n}`, 1]),
  // A random float converts to an integer only when in range (else poison: undefined behaviour).
  ["arith.fptosi", 0],
  ["arith.fptoui", 0],
  // A vector memory access at a random index is out of bounds (from the first index operand on).
  ...["vector.load", "vector.maskedload", "vector.expandload", "vector.gather", "vector.maskedstore", "vector.compressstore", "vector.scatter"].map((n) => [n, 1]),
  ["vector.store", 2],
  ["vector.transfer_read", 1],
  ["vector.transfer_write", 2],
]);

/** The example's scalar constants (in its blocks), which a near miss may turn into free operands. */
function scalarConstants(inst: ExampleInstance): Operation[] {
  const safe = (op: Operation): boolean =>
    op.getResult(0).users().every((u) => {
      const k = UB_AT_MOST_VALUES[u.name];
      return k === undefined || !u.operands.slice(k).includes(op.getResult(0));
    });
  return inst.blocks
    .flatMap((b) => [...b.ops()])
    .filter((op) => op.hasTrait(ConstantLike) && op.numResults === 1 && isScalarInput(op.getResult(0).type) && safe(op));
}

/** Instantiates a recipe's examples; each free operand gets a fresh argument type appended to `argTypes`. */
function placeExamples(steps: readonly ExampleStep[], opts: GenOptions, argTypes: Type[]): PlacedExample[] {
  const pool = opts.examples ?? [];
  if (pool.length === 0 || opts.ctx === undefined) return [];
  const placed: PlacedExample[] = [];
  for (const s of steps) {
    const inst = instantiate(pool[s.which % pool.length] as RewriteExample, s.seed, opts.ctx);
    if (inst === undefined) continue;
    const free = inst.blocks[0]?.args ?? [];
    if (!free.every((a) => isScalarInput(a.type))) continue;
    const binds = free.map((a, i) => {
      argTypes.push(a.type);
      return { arg: argTypes.length - 1, reuse: s.bind[i] === 0 ? i : undefined };
    });
    const constants = s.nearMiss === 0 ? scalarConstants(inst) : [];
    const op = constants[s.seed % Math.max(1, constants.length)];
    const unconstant = op === undefined ? undefined : { op, arg: argTypes.push(op.getResult(0).type) - 1 };
    placed.push({ at: s.at, inst, binds, unconstant });
  }
  return placed;
}

/** Builds the module a recipe describes: function `name`, after the private callee `@g` when there is one. */
export function buildProgram(recipe: Recipe, opts: GenOptions, name = "f"): { module: ModuleOp; fn: string } {
  const module = createModule();
  const b = Builder.atEnd(moduleBody(module));
  const callee = recipe.callee === undefined ? undefined : buildFunction(b, recipe.callee.recipe, opts, "g", undefined, "private");
  // `@f` takes the callee's argument types first, so that every call finds its operands.
  const main = recipe.callee === undefined ? recipe : { ...recipe, args: [...recipe.callee.recipe.args, ...recipe.args] };
  buildFunction(b, main, opts, name, callee === undefined ? undefined : { fn: callee, picks: recipe.callee?.calls ?? [] }, undefined, recipe.examples ?? []);
  return { module, fn: name };
}

interface CallPlan {
  readonly fn: Operation;
  /** One call per entry; the entry picks its operands (newest values of each argument type first). */
  readonly picks: readonly number[];
}

/** One function from a recipe; with a call plan, calls to the callee come after the main steps. */
function buildFunction(
  b: Builder,
  recipe: Recipe,
  opts: GenOptions,
  name: string,
  calls: CallPlan | undefined,
  visibility?: "private",
  exampleSteps: readonly ExampleStep[] = [],
): Operation {
  const argTypes = recipe.args.map((i) => pick(opts.types, i) as Type);
  const examples = placeExamples(exampleSteps, opts, argTypes);
  const fn = buildFunc(b, name, argTypes, [], (entry, fb) => {
    const gen = new ProgramBuilder(opts, fb);
    gen.values.push(...entry.args);
    const spliceAt = (i: number): void => {
      for (const e of examples) {
        if (e.at % (recipe.steps.length + 1) !== i) continue;
        const operands = e.binds.map(({ arg, reuse }) => {
          const fresh = entry.args[arg] as Value;
          if (reuse === undefined) return fresh;
          // The newest values of the type that are not constants (a constant would be folded first).
          const same = gen.values.filter((v) => v.type === fresh.type && !v.definingOp?.hasTrait(ConstantLike)).reverse();
          return same[reuse % Math.max(1, same.length)] ?? fresh;
        });
        if (e.unconstant !== undefined) {
          e.unconstant.op.getResult(0).replaceAllUsesWith(entry.args[e.unconstant.arg] as Value);
          e.unconstant.op.erase();
        }
        gen.splice(e.inst, operands);
      }
    };
    recipe.steps.forEach((s, i) => {
      spliceAt(i);
      gen.step(s);
    });
    spliceAt(recipe.steps.length);
    if (calls !== undefined) for (const p of calls.picks) gen.call(calls.fn, p);
    // Return the values nothing uses (newest first; up to 64, enough for every example of a program full of
    // them: an example whose result is dropped is erased as dead code and checks nothing), so that every
    // computation is observable, plus the recipe's own picks.
    const unused = gen.values.filter((v) => !v.hasUses && !(v instanceof BlockArgument)).reverse().slice(0, 64);
    const picked = recipe.results.map((i) => pick([...gen.values].reverse(), i) as Value).filter((v) => v !== undefined);
    const results = [...new Set([...unused, ...picked])];
    const d = recipe.diamond;
    const conds = gen.values.filter((v) => v.type === i1);
    const cond = d === undefined ? undefined : pick(conds, d.cond);
    if (d === undefined || cond === undefined) {
      fb.create(ReturnOp, { values: results });
      return;
    }
    // The diamond: both arms compute on what dominates them and pass one value of a common type to the merge.
    const region = entry.parent;
    if (region === undefined) throw new Error("unreachable: the entry block has a region");
    const [thenB, elseB] = [new Block(), new Block()];
    region.push(thenB);
    region.push(elseB);
    fb.create(CondBranchOp, { condition: narrowI1(cond), trueDest: thenB, falseDest: elseB });
    const before = gen.values.length;
    const arm = (block: Block, steps: readonly Step[]): Value[] => {
      fb.setInsertionPointToEnd(block);
      gen.values.length = before;
      for (const s of steps) gen.step(s);
      return [...gen.values];
    };
    const thenVals = arm(thenB, d.thenSteps);
    const elseVals = arm(elseB, d.elseSteps);
    // A value of the then-arm whose type the else-arm also has (the entry block's values are in both).
    const elseTypes = new Set(elseVals.map((v) => v.type));
    const passed = pick(thenVals.filter((v) => elseTypes.has(v.type)).reverse(), d.pick) as Value;
    const other = elseVals.slice().reverse().find((v) => v.type === passed.type) as Value;
    const merge = new Block([passed.type]);
    region.push(merge);
    fb.setInsertionPointToEnd(thenB);
    fb.create(BranchOp, { dest: merge, destOperands: [passed] });
    fb.setInsertionPointToEnd(elseB);
    fb.create(BranchOp, { dest: merge, destOperands: [other] });
    fb.setInsertionPointToEnd(merge);
    // Only values that dominate the merge block may be returned: the entry block's, and the merged one.
    const dominating = gen.values.slice(0, before);
    fb.create(ReturnOp, { values: [merge.arg(0), ...results.filter((v) => dominating.includes(v))] });
  }, visibility === undefined ? {} : { visibility });
  // The function's type follows what was returned.
  const ret = fn.getRegion().blocks.at(-1)?.last;
  fn.setAttr("function_type", functionTypeAttr(argTypes, ret?.operands.map((v) => v.type) ?? []));
  // An example's own `func.return` (ending a block it makes unreachable) returns what the function returns.
  for (const other of fn.collect(ReturnOp)) if (other !== ret && ret !== undefined) other.setOperands([...ret.operands]);
  // The top-level ops the examples refer to, once per symbol.
  const defined = new Set([...b.ip?.block.ops() ?? []].map((op) => symbolName(op)));
  for (const def of examples.flatMap((e) => e.inst.defs)) {
    if (defined.has(symbolName(def))) continue;
    defined.add(symbolName(def));
    def.remove();
    b.insert(def);
  }
  return fn;
}

function narrowI1(v: Value): Value<IntegerType> {
  return v as Value<IntegerType>;
}

/** The op classes of a list that the generator can use. */
export function generatableOps(ops: readonly (typeof Operation)[]): (typeof Operation)[] {
  return ops.filter(generatable);
}
