/**
 * Random well-typed programs of linalg on tensors, with random inputs, for property-testing rewrites and
 * lowerings (`checkRewrite`): elementwise generics (with broadcast operands), maps, reductions (generic and
 * linalg.reduce), matmuls and batch matmuls, convolutions and poolings with random strides and dilations,
 * transposes, broadcasts, fills, named elementwise ops and identity generics. Shapes are drawn from 1 and
 * primes (2, 3, 5, 7), so that a rewrite confusing two dimensions sees them differ.
 *
 *   checkRewrite({ transform: linalgCanonicalizationPatterns, programs: linalgPrograms() });
 *
 * A program is built from a seed (one integer: fast-check shrinks it, and checkRewrite reduces the IR of a
 * counterexample further). Every value is a tensor of one element type per program; inits are the results of
 * `linalg.fill` over function arguments, or earlier values, so outs operands are computed too.
 */
import fc from "fast-check";
import { type Element, shapedValue, type RuntimeValue } from "../../src/interp/values.ts";
import { FloatType, IntegerType, tensor, type Type } from "../../src/ir/types.ts";
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import type { ProgramCase } from "./programs.ts";
import { seeded } from "./examples.ts";

export interface LinalgProgramOptions {
  /** Element types to draw one per program from (default f32, f64, i32). */
  readonly elementTypes?: readonly string[];
  /** The most steps (default 8). */
  readonly maxSteps?: number;
  /** Rewrite examples to splice in (their free operands must be scalars of the program's element type `$T`/`$F`). */
  readonly examples?: readonly RewriteExample[];
}

const DIMS = [1, 2, 3, 5, 7];

interface Val {
  readonly name: string;
  readonly shape: readonly number[];
}

/** Builds the text of one program from a random source. */
class ProgramBuilder {
  readonly args: { name: string; shape: number[] }[] = [];
  readonly lines: string[] = [];
  readonly pool: Val[] = [];
  /** Values the program returns besides the pool's: what the spliced examples compute. */
  readonly observed: { name: string; type: string }[] = [];
  #next = 0;
  constructor(
    readonly rand: () => number,
    readonly elt: string,
  ) {}

  below(n: number): number {
    return Math.floor(this.rand() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.below(xs.length)] as T;
  }
  get isFloat(): boolean {
    return this.elt.startsWith("f") || this.elt === "bf16";
  }
  ty(shape: readonly number[]): string {
    return `tensor<${shape.map((d) => `${d}x`).join("")}${this.elt}>`;
  }
  fresh(prefix = "v"): string {
    return `%${prefix}${this.#next++}`;
  }
  arg(shape: readonly number[]): string {
    const name = `%arg${this.args.length}`;
    this.args.push({ name, shape: [...shape] });
    return name;
  }
  /** A value of this shape: an earlier one of the same shape, or a new argument. */
  value(shape: readonly number[]): string {
    const same = this.pool.filter((v) => v.shape.length === shape.length && v.shape.every((d, i) => d === shape[i]));
    if (same.length > 0 && this.below(3) !== 0) return this.pick(same).name;
    return this.arg(shape);
  }
  /** An init of this shape: a fill of a constant over an argument, or an earlier value. */
  init(shape: readonly number[]): string {
    if (this.below(3) === 0) return this.value(shape);
    const base = this.arg(shape);
    const c = this.fresh("c");
    this.lines.push(`${c} = arith.constant ${this.isFloat ? `${this.below(5) - 2}.0` : String(this.below(5) - 2)} : ${this.elt}`);
    const r = this.fresh();
    this.lines.push(`${r} = linalg.fill ins(${c} : ${this.elt}) outs(${base} : ${this.ty(shape)}) -> ${this.ty(shape)}`);
    return r;
  }
  define(name: string, shape: readonly number[]): void {
    this.pool.push({ name, shape: [...shape] });
  }
  randomShape(maxRank = 3): number[] {
    return Array.from({ length: 1 + this.below(maxRank) }, () => this.pick(DIMS));
  }
  /** An arith op on two values of the element type: `%r = <op> %a, %b : T`. */
  binaryOp(): string {
    return this.isFloat ? this.pick(["arith.addf", "arith.subf", "arith.mulf", "arith.maxf", "arith.minf"]) : this.pick(["arith.addi", "arith.subi", "arith.muli", "arith.maxsi", "arith.minui", "arith.xori"]);
  }
}

const dimsList = (n: number): string => Array.from({ length: n }, (_, i) => `d${i}`).join(", ");
const mapText = (n: number, results: readonly string[]): string => `affine_map<(${dimsList(n)}) -> (${results.join(", ")})>`;
const identity = (n: number): string => mapText(n, Array.from({ length: n }, (_, i) => `d${i}`));

type StepFn = (b: ProgramBuilder) => void;

/** An elementwise generic of two operands, the second maybe broadcast along some dimensions. */
const elementwiseGeneric: StepFn = (b) => {
  const shape = b.randomShape();
  const lhs = b.value(shape);
  const kept = shape.map((_, i) => i).filter(() => b.below(3) !== 0);
  const rhs = b.value(kept.map((i) => shape[i] as number));
  const init = b.init(shape);
  const r = b.fresh();
  const n = shape.length;
  const op = b.binaryOp();
  b.lines.push(
    `${r} = linalg.generic {indexing_maps = [${identity(n)}, ${mapText(n, kept.map((i) => `d${i}`))}, ${identity(n)}], iterator_types = [${shape.map(() => '"parallel"').join(", ")}]} ins(${lhs}, ${rhs} : ${b.ty(shape)}, ${b.ty(kept.map((i) => shape[i] as number))}) outs(${init} : ${b.ty(shape)}) {`,
    `^bb0(%x: ${b.elt}, %y: ${b.elt}, %o: ${b.elt}):`,
    `  %e = ${op} %x, %y : ${b.elt}`,
    `  linalg.yield %e : ${b.elt}`,
    `} -> ${b.ty(shape)}`,
  );
  b.define(r, shape);
};

/** A generic that only copies (what linalg.generic-erase-identity removes), sometimes transposing instead. */
const copyGeneric: StepFn = (b) => {
  const shape = b.randomShape();
  const n = shape.length;
  const transposed = n >= 2 && b.below(3) === 0;
  const inShape = transposed ? [shape[1] as number, shape[0] as number, ...shape.slice(2)] : shape;
  const input = b.value(inShape);
  const init = b.init(shape);
  const inMap = transposed ? mapText(n, ["d1", "d0", ...shape.slice(2).map((_, i) => `d${i + 2}`)]) : identity(n);
  const r = b.fresh();
  const yielded = b.below(4) === 0 ? "%o" : "%x";
  b.lines.push(
    `${r} = linalg.generic {indexing_maps = [${inMap}, ${identity(n)}], iterator_types = [${shape.map(() => '"parallel"').join(", ")}]} ins(${input} : ${b.ty(inShape)}) outs(${init} : ${b.ty(shape)}) {`,
    `^bb0(%x: ${b.elt}, %o: ${b.elt}):`,
    `  linalg.yield ${yielded} : ${b.elt}`,
    `} -> ${b.ty(shape)}`,
  );
  b.define(r, shape);
};

/** A reduction along one dimension: a generic with a reduction iterator, or linalg.reduce. */
const reduction: StepFn = (b) => {
  const shape = b.randomShape();
  const dim = b.below(shape.length);
  const out = shape.filter((_, i) => i !== dim);
  const input = b.value(shape);
  const init = b.init(out);
  const r = b.fresh();
  const n = shape.length;
  const op = b.isFloat ? b.pick(["arith.addf", "arith.maxf"]) : b.pick(["arith.addi", "arith.maxsi"]);
  if (b.below(2) === 0) {
    b.lines.push(`${r} = linalg.reduce { ${op} } ins(${input} : ${b.ty(shape)}) outs(${init} : ${b.ty(out)}) dimensions = [${dim}]`);
  } else {
    const iters = shape.map((_, i) => (i === dim ? '"reduction"' : '"parallel"')).join(", ");
    b.lines.push(
      `${r} = linalg.generic {indexing_maps = [${identity(n)}, ${mapText(n, shape.flatMap((_, i) => (i === dim ? [] : [`d${i}`])))}], iterator_types = [${iters}]} ins(${input} : ${b.ty(shape)}) outs(${init} : ${b.ty(out)}) {`,
      `^bb0(%x: ${b.elt}, %acc: ${b.elt}):`,
      `  %e = ${op} %x, %acc : ${b.elt}`,
      `  linalg.yield %e : ${b.elt}`,
      `} -> ${b.ty(out)}`,
    );
  }
  b.define(r, out);
};

/** matmul, matmul_transpose_b or batch_matmul. */
const contraction: StepFn = (b) => {
  const [m, k, n, batch] = [b.pick(DIMS), b.pick(DIMS), b.pick(DIMS), b.pick(DIMS)];
  const kind = b.pick(["matmul", "matmul_transpose_b", "batch_matmul"]);
  const [as, bs, cs] =
    kind === "matmul" ? [[m, k], [k, n], [m, n]] : kind === "matmul_transpose_b" ? [[m, k], [n, k], [m, n]] : [[batch, m, k], [batch, k, n], [batch, m, n]];
  const a = b.value(as);
  const bb = b.value(bs);
  const c = b.init(cs);
  const r = b.fresh();
  b.lines.push(`${r} = linalg.${kind} ins(${a}, ${bb} : ${b.ty(as)}, ${b.ty(bs)}) outs(${c} : ${b.ty(cs)}) -> ${b.ty(cs)}`);
  b.define(r, cs);
};

/** A 2-D convolution or pooling (NHWC) with random strides and dilations. */
const convolution: StepFn = (b) => {
  const [oh, ow, kh, kw] = [b.pick([1, 2, 3]), b.pick([1, 2, 3]), b.pick([1, 2, 3]), b.pick([1, 2])];
  const [sh, sw, dh, dw] = [b.pick([1, 2]), b.pick([1, 2]), b.pick([1, 2]), b.pick([1, 2])];
  const [n, c, f] = [b.pick([1, 2]), b.pick([1, 2, 3]), b.pick([1, 2, 3])];
  const ih = (oh - 1) * sh + (kh - 1) * dh + 1;
  const iw = (ow - 1) * sw + (kw - 1) * dw + 1;
  const attrs = `{dilations = dense<[${dh}, ${dw}]> : tensor<2xi64>, strides = dense<[${sh}, ${sw}]> : tensor<2xi64>}`;
  const pooling = b.below(2) === 0;
  const is = [n, ih, iw, c];
  const ks = pooling ? [kh, kw] : [kh, kw, c, f];
  const os = pooling ? [n, oh, ow, c] : [n, oh, ow, f];
  const input = b.value(is);
  const kernel = b.value(ks);
  const init = b.init(os);
  const r = b.fresh();
  const name = pooling ? b.pick(["pooling_nhwc_sum", "pooling_nhwc_max", "pooling_nhwc_min"]) : "conv_2d_nhwc_hwcf";
  b.lines.push(`${r} = linalg.${name} ${attrs} ins(${input}, ${kernel} : ${b.ty(is)}, ${b.ty(ks)}) outs(${init} : ${b.ty(os)}) -> ${b.ty(os)}`);
  b.define(r, os);
};

/** transpose, broadcast, map or a named elementwise op. */
const reshaping: StepFn = (b) => {
  const shape = b.randomShape();
  const r = b.fresh();
  const choice = b.below(4);
  if (choice === 0 && shape.length >= 2) {
    const perm = shape.map((_, i) => i).sort(() => b.rand() - 0.5);
    const out = perm.map((p) => shape[p] as number);
    const input = b.value(shape);
    b.lines.push(`${r} = linalg.transpose ins(${input} : ${b.ty(shape)}) outs(${b.init(out)} : ${b.ty(out)}) permutation = [${perm.join(", ")}]`);
    b.define(r, out);
  } else if (choice === 1) {
    const dim = b.below(shape.length + 1);
    const out = [...shape.slice(0, dim), b.pick(DIMS), ...shape.slice(dim)];
    const input = b.value(shape);
    b.lines.push(`${r} = linalg.broadcast ins(${input} : ${b.ty(shape)}) outs(${b.init(out)} : ${b.ty(out)}) dimensions = [${dim}]`);
    b.define(r, out);
  } else if (choice === 2) {
    const [x, y] = [b.value(shape), b.value(shape)];
    b.lines.push(`${r} = linalg.map { ${b.binaryOp()} } ins(${x}, ${y} : ${b.ty(shape)}, ${b.ty(shape)}) outs(${b.init(shape)} : ${b.ty(shape)})`);
    b.define(r, shape);
  } else {
    const [x, y] = [b.value(shape), b.value(shape)];
    const fun = b.isFloat ? b.pick(["add", "sub", "mul", "max_signed", "min_signed"]) : b.pick(["add", "sub", "mul", "max_unsigned", "min_signed"]);
    b.lines.push(`${r} = linalg.elemwise_binary {fun = #linalg.binary_fn<${fun}>} ins(${x}, ${y} : ${b.ty(shape)}, ${b.ty(shape)}) outs(${b.init(shape)} : ${b.ty(shape)}) -> ${b.ty(shape)}`);
    b.define(r, shape);
  }
};

const STEPS: readonly StepFn[] = [elementwiseGeneric, copyGeneric, reduction, contraction, convolution, reshaping];

/** Small values of the element type, for the examples' scalar operands and constant tensors. */
function smallLiteral(b: ProgramBuilder): string {
  const n = b.below(13) - 6;
  return b.isFloat ? (n / 2).toFixed(1) : String(n);
}

/** A random non-splat `dense<...>` literal of a static tensor type's text (`tensor<2x3xf32>`), nested by dimension. */
function denseLiteral(b: ProgramBuilder, type: string): string {
  const dims = (/tensor<((?:\d+x)*)/.exec(type)?.[1] ?? "").split("x").filter((d) => d !== "").map(Number);
  const nested = (d: number): string => (d === dims.length ? smallLiteral(b) : `[${Array.from({ length: dims[d] ?? 0 }, () => nested(d + 1)).join(", ")}]`);
  return `dense<${nested(0)}>`;
}

/**
 * The tensor type an example line's single result has, read from its text: the last `tensor<...>` on the line
 * (a result type, or the `outs` type of the ops whose result is their init's), or the tensor of a
 * `bufferization.to_tensor`'s memref; undefined for a result that is no tensor (tensor.dim, scalar arith, a
 * memref) or for several results.
 */
function resultTensorType(line: string): string | undefined {
  if (!/^%\w+ = /.test(line)) return undefined;
  const op = /= ([\w.]+)/.exec(line)?.[1] ?? "";
  const toTensor = /bufferization\.to_tensor .*: memref<([^>]*)>/.exec(line);
  if (toTensor !== null) return `tensor<${toTensor[1]}>`;
  if (/^(tensor\.(dim|extract|rank)|arith\.(?!constant)|memref\.)/.test(op)) return undefined;
  const types = line.match(/tensor<[^>]*>/g);
  return types === null ? undefined : (types[types.length - 1] as string);
}

/**
 * Splices an example in: `$T`/`$F` holes become the program's element type; the example's free scalars (its
 * `^bb0(...)` header) constants of distinct values, and its constant tensor holes (`?a : tensor<...>`) random
 * non-splat constants, so that a rewrite that confused two operands computes something else. Every tensor the
 * example computes and does not use itself is returned by the program (observed), unless its name starts
 * with an underscore; its last result also joins the pool later steps draw from.
 */
function spliceExample(b: ProgramBuilder, example: RewriteExample): void {
  const text = typeof example === "string" ? example : example.ir;
  const lines = text.split("\n");
  const header = /^\^bb0\((.*)\):$/.exec(lines[0]?.trim() ?? "");
  const body = header === null ? lines : lines.slice(1);
  const renames = new Map<string, string>();
  if (header !== null) {
    const used = new Set<string>();
    for (const param of (header[1] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "")) {
      const name = param.split(":")[0]?.trim() as string;
      const c = b.fresh("s");
      let value = smallLiteral(b);
      for (let k = 0; used.has(value) && k < 20; k++) value = smallLiteral(b);
      used.add(value);
      b.lines.push(`${c} = arith.constant ${b.isFloat && !value.includes(".") ? `${value}.0` : value} : ${b.elt}`);
      renames.set(name, c);
    }
  }
  const suffix = `_x${b.lines.length}`;
  const spliced: string[] = [];
  for (const raw of body) {
    let line = raw.trim().replaceAll("$T", b.elt).replaceAll("$F", b.elt);
    line = line.replace(/\?(\w+) : (tensor<[^>]*>)/g, (_, _c, t: string) => `${denseLiteral(b, t)} : ${t}`);
    line = line.replace(/%(\w+)/g, (m, name: string) => renames.get(m) ?? `%${name}${suffix}`);
    spliced.push(line);
  }
  b.lines.push(...spliced);
  // The results nothing later in the example uses are observed.
  spliced.forEach((line, i) => {
    const name = /^(%\w+) = /.exec(line)?.[1];
    const type = resultTensorType(line);
    if (name === undefined || type === undefined || name.startsWith("%_")) return;
    const usedLater = spliced.slice(i + 1).some((l) => new RegExp(`${name}(?!\\w)`).test(l));
    if (!usedLater) b.observed.push({ name, type });
  });
  // The example's last result joins the pool when it is a static tensor of the element type.
  const lastLine = spliced[spliced.length - 1] ?? "";
  const last = /^(%\w+) = /.exec(lastLine)?.[1];
  const lastType = resultTensorType(lastLine);
  const shape = lastType === undefined ? undefined : /^tensor<((?:\d+x)*)[a-z]/.exec(lastType)?.[1];
  if (last !== undefined && shape !== undefined && lastType?.endsWith(`x${b.elt}>`) !== false) {
    b.define(last, shape.split("x").filter((s) => s !== "").map(Number));
  }
}

/** The text of a program built from `seed`, and its arguments' shapes. */
export function buildLinalgProgram(seed: number, opts: LinalgProgramOptions = {}): { text: string; args: { shape: number[] }[]; elt: string } {
  const rand = seeded(seed);
  const elt = (opts.elementTypes ?? ["f32", "f64", "i32"])[Math.floor(rand() * (opts.elementTypes?.length ?? 3))] as string;
  const b = new ProgramBuilder(rand, elt);
  const steps = 1 + b.below(opts.maxSteps ?? 8);
  const examples = opts.examples ?? [];
  const exampleAt = new Set(examples.length === 0 ? [] : Array.from({ length: 1 + b.below(2) }, () => b.below(steps)));
  // `$F` holes are float types: an integer program takes only the examples without them.
  const usable = examples.filter((e) => b.isFloat || !(typeof e === "string" ? e : e.ir).includes("$F"));
  for (let s = 0; s < steps; s++) {
    if (exampleAt.has(s) && usable.length > 0) spliceExample(b, b.pick(usable));
    b.pick(STEPS)(b);
  }
  // Return the last value and one more: what the program computes is observed.
  // The examples' results are observed too.
  const picked = b.pool.length === 0 ? [] : [b.pool[b.pool.length - 1] as Val, ...(b.pool.length > 1 ? [b.pick(b.pool.slice(0, -1))] : [])];
  const results = [...picked.map((v) => ({ name: v.name, type: b.ty(v.shape) })), ...b.observed].filter((r, i, all) => all.findIndex((o) => o.name === r.name) === i);
  const params = b.args.map((a) => `${a.name}: ${b.ty(a.shape)}`).join(", ");
  const resultTypes = results.map((v) => v.type);
  const text = [
    `func.func @f(${params}) -> (${resultTypes.join(", ")}) {`,
    ...b.lines.map((l) => `  ${l}`),
    `  return ${results.map((v) => v.name).join(", ")}${results.length > 0 ? ` : ${resultTypes.join(", ")}` : ""}`,
    "}",
  ].join("\n");
  return { text, args: b.args, elt };
}

/** Random elements for an argument: small integers (as floats for float types), with NaN and infinities now and then. */
export function inputArb(shape: readonly number[], elt: string): fc.Arbitrary<RuntimeValue> {
  const type: Type = elt.startsWith("f") || elt === "bf16" ? FloatType.get(elt as "f32") : IntegerType.get(Number(elt.slice(1)));
  const n = shape.reduce((a, b) => a * b, 1);
  const element: fc.Arbitrary<Element> =
    type instanceof FloatType
      ? fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -8, max: 8 }).map((x) => x / 2) }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0) })
      : fc.oneof({ weight: 8, arbitrary: fc.bigInt({ min: -9n, max: 9n }) }, { weight: 1, arbitrary: fc.constantFrom(2147483647n, -2147483648n) });
  return fc.array(element, { minLength: n, maxLength: n }).map((elements) => shapedValue(tensor(shape, type), elements));
}

/** Programs of linalg on tensors with random inputs, for `checkRewrite`. */
export function linalgPrograms(opts: LinalgProgramOptions = {}): fc.Arbitrary<ProgramCase> {
  return fc.nat({ max: 2 ** 31 - 1 }).chain((seed) => {
    const { text, args, elt } = buildLinalgProgram(seed, opts);
    return fc.tuple(...args.map((a) => inputArb(a.shape, elt))).map((values): ProgramCase => ({ text, fn: "f", args: values }));
  });
}
