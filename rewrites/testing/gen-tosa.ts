/**
 * Random well-typed TOSA programs with random inputs, for property-testing rewrites of TOSA (`checkRewrite`).
 *
 *   checkRewrite({ transform: tosaCanonicalizationPatterns, programs: tosaPrograms({ examples }) })
 *
 * A program is one `func.func @f` over tensors. It starts from one to three rewrite examples (examples.ts's hole
 * syntax, so what a pattern matches occurs), when given, and grows random ops around it: elementwise ops
 * with broadcasting (shapes with 1s and primes), comparisons and selects, reductions along a random axis,
 * reshapes, transposes, slices, tiles, pads, concats, casts, matmuls and 2D convolutions of random geometry,
 * on operands from the program or on fresh constants (splats mostly, so that folds fire). Result types come
 * from TOSA's shape inference (dialects/tosa/build.ts). The values nothing uses are returned.
 *
 * Inputs are random tensors biased to the values where arithmetic breaks (0, -0, 1, -1, halves, infinities,
 * NaN; the extremes of integer widths).
 */
import fc from "fast-check";
import { isLeft } from "fp-ts/lib/Either.js";
import { DenseArrayAttr, DenseElementsAttr, FloatAttr, IntegerAttr, TypeAttr, storageFor } from "../../src/ir/attributes.ts";
import { Builder, InsertionPoint } from "../../src/ir/builder.ts";
import { Operation } from "../../src/ir/operation.ts";
import type { OpClass } from "../../src/irdl/define-op.ts";
import type { BuildArgs, OpSpec } from "../../src/irdl/spec.ts";
import { FloatType, FunctionType, IntegerType, RankedTensorType, type Type, f16, f32, i1, i32, i64 } from "../../src/ir/types.ts";
import { toBits } from "../../src/ir/float-bits.ts";
import type { Value } from "../../src/ir/value.ts";
import { type RuntimeValue, shapedValue } from "../../src/interp/values.ts";
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { narrow } from "../../src/irdl/constraints.ts";
import * as T from "../../dialects/tosa/index.ts";
import { ReturnOp } from "../../dialects/func/index.ts";
import { newContext } from "../index.ts";
import { fillExample, seeded } from "./examples.ts";
import type { ProgramCase } from "./programs.ts";

export interface TosaProgramOptions {
  /** Rewrite examples; each program starts from one of them (none: from random arguments only). */
  readonly examples?: readonly RewriteExample[];
  /** The most random ops after the example (default 8). */
  readonly maxSteps?: number;
  /** Element types of the random arguments (default mostly f32, some f16, i32 and i8). */
  readonly elementTypes?: readonly Type[];
}

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** Dim sizes: 1 (broadcasts), small primes and 4. */
const DIMS = [1, 1, 2, 3, 4, 5, 7];
const ELEMENTS: readonly Type[] = [f32, f32, f32, f16, i32, i32, IntegerType.get(8)];

const ctx = newContext();

/** A random shape of rank 1 to 4. */
const randomShape = (rand: Rand, rank = int(rand, 1, 4)): number[] => Array.from({ length: rank }, () => pick(rand, DIMS));

/** The shape with some dims set to 1 and some leading dims dropped: it broadcasts to `shape`. */
function broadcastable(rand: Rand, shape: readonly number[]): number[] {
  const drop = rand() < 0.3 ? int(rand, 0, shape.length - 1) : 0;
  return shape.slice(drop).map((d) => (rand() < 0.3 ? 1 : d));
}

const tensorOf = (v: Value): RankedTensorType | undefined => (v.type instanceof RankedTensorType ? v.type : undefined);
const isFloat = (t: RankedTensorType): boolean => t.elementType instanceof FloatType;
const isBool = (t: RankedTensorType): boolean => t.elementType instanceof IntegerType && t.elementType.width === 1;

/** A random scalar of an element type, as a constant's storage value (f16 as bits, i64 as BigInt). */
function randomScalar(rand: Rand, e: Type): number | bigint {
  if (e instanceof FloatType) {
    const x = pick(rand, [0, -0, 1, -1, 0.5, 2, -2.5, 3, 10, 0.25, Infinity, NaN]);
    return e.name === "f16" || e.name === "bf16" ? Number(toBits(x, e.name)) : x;
  }
  const w = e instanceof IntegerType ? e.width : 32;
  if (w === 1) return rand() < 0.5 ? 1 : 0;
  const v = pick(rand, [0, 1, -1, 2, 3, 7, -8, 100]);
  return w > 32 ? BigInt(v) : v;
}

/** A constant tensor: a splat mostly, else random elements. */
function constant(b: Builder, rand: Rand, type: RankedTensorType): Value {
  const Storage = storageFor(type.elementType);
  if (Storage === undefined) throw new Error("no storage");
  const n = rand() < 0.7 ? 1 : type.shape.reduce((a, d) => a * d, 1);
  const data = new Storage(Math.max(n, 1));
  for (let i = 0; i < data.length; i++) (data as unknown as (number | bigint)[])[i] = randomScalar(rand, type.elementType);
  return T.tosaConst(b, DenseElementsAttr.get(type, n === 0 ? new Storage(0) : data));
}

/** buildTosa for an op kind chosen at run time; its one result. */
function mk(b: Builder, def: typeof Operation, args: Record<string, unknown>, elementType?: Type): Value {
  const op = T.buildTosa(b, def as unknown as OpClass<OpSpec>, args as BuildArgs<OpSpec>, elementType);
  return op.getResult(0);
}

/** One random op on `x` (and maybe other values of `pool` or new constants); undefined when none fits. */
function randomOp(b: Builder, rand: Rand, x: Value, pool: readonly Value[]): Value | undefined {
  const t = tensorOf(x);
  // Rank-0 values come from examples only (random shapes have rank 1 to 4); most ops below need rank 1 or more.
  if (t === undefined || t.rank === 0) return undefined;
  const tx = narrow(x, T.TosaTensor);
  const e = t.elementType;
  const rank = t.rank;
  const other = (): Value => {
    const same = pool.filter((v) => tensorOf(v)?.elementType === e && T.broadcastShapes([tensorOf(v)?.shape, t.shape]) !== undefined);
    return rand() < 0.5 && same.length > 0 ? pick(rand, same) : constant(b, rand, RankedTensorType.get(broadcastable(rand, t.shape), e));
  };
  const o = (): Value<T.TosaTensorType> => narrow(other(), T.TosaTensor);
  const i64Attr = (v: number): IntegerAttr => IntegerAttr.get(i64, v);
  const array = (xs: readonly number[]): DenseArrayAttr => DenseArrayAttr.get(i64, xs);
  const axis = int(rand, 0, Math.max(0, rank - 1));
  if (isBool(t)) {
    switch (int(rand, 0, 3)) {
      case 0: return mk(b, T.LogicalNotOp, { input1: tx });
      case 1: return mk(b, pick(rand, [T.LogicalAndOp, T.LogicalOrOp, T.LogicalXorOp]), { input1: tx, input2: o() });
      case 2: return rank >= 1 && rank <= 4 ? mk(b, pick(rand, [T.ReduceAllOp, T.ReduceAnyOp]), { input: tx, axis: i64Attr(axis) }) : undefined;
      default: {
        const a = pool.find((v) => tensorOf(v)?.shape.join() === t.shape.join() && !isBool(tensorOf(v) as RankedTensorType));
        return a === undefined ? undefined : mk(b, T.SelectOp, { pred: tx, on_true: narrow(a, T.TosaTensor), on_false: narrow(a, T.TosaTensor) });
      }
    }
  }
  const float = isFloat(t);
  const choice = int(rand, 0, 17);
  switch (choice) {
    case 0: return mk(b, pick(rand, [T.AddOp, T.SubOp, T.MaximumOp, T.MinimumOp]), { input1: tx, input2: o() });
    case 1: return mk(b, T.MulOp, { input1: tx, input2: o(), shift: IntegerAttr.get(i32, 0) });
    case 2: {
      const unary: readonly (typeof Operation)[] = float ? [T.AbsOp, T.NegateOp, T.FloorOp, T.CeilOp, T.ExpOp, T.TanhOp, T.SigmoidOp, T.ReciprocalOp, T.RsqrtOp, T.LogOp] : [T.AbsOp, T.NegateOp, T.BitwiseNotOp, T.ClzOp];
      const u = pick(rand, unary);
      // MLIR 16 names the operand of sigmoid and tanh `input`, of the others `input1`.
      return mk(b, u, u === T.TanhOp || u === T.SigmoidOp ? { input: tx } : { input1: tx });
    }
    case 3: {
      const [lo, hi] = [pick(rand, [-1, 0, 2]), pick(rand, [1, 4, 100])];
      return mk(b, T.ClampOp, { input: tx, min_int: i64Attr(lo), max_int: i64Attr(hi), min_fp: FloatAttr.get(f32, lo / 2), max_fp: FloatAttr.get(f32, hi / 2) });
    }
    case 4:
      if (rank > 4) return undefined;
      return mk(b, pick(rand, [T.ReduceSumOp, T.ReduceMaxOp, T.ReduceMinOp, ...(float ? [] : [T.ReduceProdOp])]), { input: tx, axis: i64Attr(axis) });
    case 5: {
      const n = t.shape.reduce((a, d) => a * d, 1);
      const shape = pick(rand, [[n], [1, n], [n, 1], [-1]]);
      return mk(b, T.ReshapeOp, { input1: tx, new_shape: array(shape) });
    }
    case 6: {
      const perm = Array.from({ length: rank }, (_, i) => i).sort(() => rand() - 0.5);
      const perms = T.tosaConst(b, DenseElementsAttr.get(RankedTensorType.get([rank], i32), Int32Array.from(perm)));
      return mk(b, T.TransposeOp, { input1: tx, perms });
    }
    case 7: {
      const start = t.shape.map((d) => int(rand, 0, d - 1));
      const size = t.shape.map((d, i) => int(rand, 1, d - (start[i] as number)));
      return mk(b, T.SliceOp, { input: tx, start: array(start), size: array(size) });
    }
    case 8: return rank <= 4 ? mk(b, T.TileOp, { input1: tx, multiples: array(t.shape.map(() => int(rand, 1, 2))) }) : undefined;
    case 9: return rank <= 4 ? mk(b, T.ReverseOp, { input: tx, axis: i64Attr(axis) }) : undefined;
    case 10: {
      const same = pool.filter((v) => tensorOf(v) === t);
      return mk(b, T.ConcatOp, { input1: [tx, narrow(pick(rand, same.length > 0 ? same : [x]), T.TosaTensor)], axis: i64Attr(axis) });
    }
    case 11: {
      const pads = t.shape.flatMap(() => [int(rand, 0, 2), int(rand, 0, 1)]);
      const padding = T.tosaConst(b, DenseElementsAttr.get(RankedTensorType.get([rank, 2], i32), Int32Array.from(pads)));
      return mk(b, T.PadOp, { input1: narrow(x, T.TosaRankedTensor), padding });
    }
    case 12: {
      const to = float ? pick(rand, [f32, f16, i32]) : pick(rand, [f32, i32, IntegerType.get(8), i1]);
      return mk(b, T.CastOp, { input: tx }, to);
    }
    case 13: {
      const y = o();
      const p = mk(b, pick(rand, [T.GreaterOp, T.GreaterEqualOp, T.EqualOp]), { input1: tx, input2: y });
      return rand() < 0.5 ? p : mk(b, T.SelectOp, { pred: p, on_true: tx, on_false: y });
    }
    case 14: {
      if (rank !== 3) return undefined;
      const [n, , c] = t.shape as [number, number, number];
      const w = constant(b, rand, RankedTensorType.get([n, c, pick(rand, DIMS)], e));
      if (!float) return undefined;
      return mk(b, T.MatMulOp, { a: tx, b: narrow(w, T.TosaTensor) });
    }
    case 15: {
      if (rank !== 4 || !float) return undefined;
      const [, h, wd, c] = t.shape as [number, number, number, number];
      const [kh, kw] = [int(rand, 1, Math.min(3, h)), int(rand, 1, Math.min(3, wd))];
      const oc = pick(rand, [1, 2, 3]);
      const weight = constant(b, rand, RankedTensorType.get([oc, kh, kw, c], e));
      const bias = constant(b, rand, RankedTensorType.get([oc], e));
      return mk(b, T.Conv2DOp, {
        input: tx,
        weight: narrow(weight, T.TosaTensor),
        bias: narrow(bias, T.TosaTensor),
        pad: array([int(rand, 0, 1), int(rand, 0, 1), int(rand, 0, 1), int(rand, 0, 1)]),
        stride: array([int(rand, 1, 2), int(rand, 1, 2)]),
        dilation: array([1, 1]),
      });
    }
    case 16:
      if (float) return mk(b, T.PowOp, { input1: tx, input2: o() });
      return mk(b, pick(rand, [T.BitwiseAndOp, T.BitwiseOrOp, T.BitwiseXorOp]), { input1: tx, input2: o() });
    default:
      return mk(b, T.IdentityOp, { input1: tx });
  }
}

/** Splits an example's text into its free operands (`^bb0(...)`) and its op lines. */
function exampleParts(text: string): { args: string; body: string } {
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  const m = /^\^bb0\((.*)\):\s*$/.exec(first.trim());
  return m === null ? { args: "", body: text } : { args: m[1] ?? "", body: lines.slice(1).join("\n") };
}

/** A random tensor of `type`. */
function randomTensor(rand: Rand, type: RankedTensorType): RuntimeValue {
  const n = type.shape.reduce((a, d) => a * d, 1);
  const e = type.elementType;
  const elements = Array.from({ length: n }, () => {
    if (e instanceof FloatType) return rand() < 0.6 ? Math.round((rand() * 20 - 10) * 4) / 4 : pick(rand, [0, -0, 1, -1, 0.5, -0.5, 2.5, Infinity, -Infinity, NaN]);
    const w = e instanceof IntegerType ? e.width : 32;
    if (w === 1) return rand() < 0.5 ? -1n : 0n;
    const edge = [0n, 1n, -1n, 2n, 5n, (1n << BigInt(w - 1)) - 1n, -(1n << BigInt(w - 1))];
    return rand() < 0.5 ? pick(rand, edge) : BigInt(int(rand, -20, 20));
  });
  return shapedValue(type, elements);
}

/** One program from a seed (deterministic). */
export function tosaProgram(seed: number, opts: TosaProgramOptions = {}): ProgramCase {
  for (let attempt = 0; ; attempt++) {
    const rand = seeded(seed * 7919 + attempt);
    const built = tryBuild(rand, opts);
    if (built !== undefined) return built;
    if (attempt > 20) throw new Error(`tosaProgram: no program for seed ${seed}`);
  }
}

function tryBuild(rand: Rand, opts: TosaProgramOptions): ProgramCase | undefined {
  const examples = opts.examples ?? [];
  // One to three examples, the SSA names of each made its own (`%x` of the second is `%x_e1`).
  const chosen = examples.length === 0 ? [] : Array.from({ length: int(rand, 1, 3) }, (_, k) => {
    const parts = exampleParts(fillExample(pick(rand, examples), rand));
    const rename = (text: string): string => (k === 0 ? text : text.replace(/%([A-Za-z_][\w]*)/g, `%$1_e${k}`));
    return { args: rename(parts.args), body: rename(parts.body) };
  });
  const extra = Array.from({ length: int(rand, 1, 2) }, (_, i) => `%g${i}: tensor<${randomShape(rand).join("x")}x${printElement(pick(rand, opts.elementTypes ?? ELEMENTS))}>`);
  const args = [...chosen.map((c) => c.args), ...extra].filter((a) => a !== "").join(", ");
  const parsed = parseSource(`func.func @f(${args}) {\n${chosen.map((c) => c.body).join("\n")}\n  return\n}`, ctx);
  if (isLeft(parsed)) return undefined;
  const module = parsed.right;
  const fn = module.regions[0]?.blocks[0]?.first;
  const entry = fn?.regions[0]?.blocks[0];
  const ret = entry?.last;
  if (fn === undefined || entry === undefined || ret === undefined) return undefined;
  const b = new Builder(InsertionPoint.before(ret));
  const pool: Value[] = [...entry.args, ...entry.operations.flatMap((op) => op.results)];
  const steps = int(rand, 1, opts.maxSteps ?? 8);
  for (let i = 0; i < steps; i++) {
    try {
      const v = randomOp(b, rand, pick(rand, pool), pool);
      if (v !== undefined) pool.push(v);
    } catch {
      // An op whose shape does not infer (operands that do not broadcast, ...): try another.
    }
  }
  const results = entry.operations.flatMap((op: Operation) => op.results).filter((r) => !r.hasUses);
  ret.erase();
  Builder.atEnd(entry).create(ReturnOp, { values: results });
  fn.setAttr("function_type", TypeAttr.get(FunctionType.get(entry.argTypes, results.map((r) => r.type))));
  const inputs = entry.args.map((a) => randomTensor(rand, a.type as RankedTensorType));
  return { text: printOp(module), fn: "f", args: inputs };
}

const printElement = (e: Type): string => (e instanceof FloatType ? e.name : `i${(e as IntegerType).width}`);

/** fast-check arbitrary of TOSA programs (shrinks by seed). */
export function tosaPrograms(opts: TosaProgramOptions = {}): fc.Arbitrary<ProgramCase> {
  return fc.integer({ min: 0, max: 2 ** 30 }).map((seed) => tosaProgram(seed, opts));
}

