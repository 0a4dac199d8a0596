/**
 * Random tensor programs for property tests of the tensor and bufferization canonicalizations: a function of two
 * scalars (`%a`, `%b`, of f32 or i32) and eight opaque index arguments (`%n0` ... `%n7`, equal to 0 ... 7 at run
 * time, values the canonicalizer cannot see) that builds ranked tensors with static and dynamic dims of sizes 0, 1
 * and small primes (from_elements, splat, generate, empty, alloc_tensor, to_tensor of a filled buffer) and
 * transforms them (cast, insert, extract_slice, insert_slice, expand_shape, collapse_shape, pad, to_memref and
 * back, clone), reading elements, dims and ranks as it goes and returning them with a tensor or two.
 *
 * Every index, size and offset is known when the program is generated and chosen in bounds, given as a literal,
 * a constant or an opaque argument, so a program has undefined behaviour only if a rewrite gives it some, and
 * the static and dynamic forms of the same op both occur. Buffers follow bufferization's rules (a buffer is not
 * written after a to_tensor reads it, a to_memref's buffer is only read), which the bufferization patterns
 * assume.
 *
 * Rewrite examples (rewrites/tensor/examples.ts form: free operands %x, %y of $T and %i of index, the observed
 * scalar `%r`) are spliced in too, their %i bound to an opaque index and %x, %y to new arguments with random
 * values; one in five is a near miss (an index constant of it becomes an opaque argument of the same value).
 *
 *   checkRewrite({ transform: canonicalize, programs: tensorPrograms({ examples }), coverage: { patterns } })
 */
import fc from "fast-check";
import { isLeft } from "fp-ts/lib/Either.js";
import { floatValue, intValue, type RuntimeValue } from "../../src/interp/values.ts";
import { f32, i32, index, type Type } from "../../src/ir/types.ts";
import { verify } from "../../src/irdl/verifier.ts";
import type { RewriteExample } from "../../src/rewrite/pattern.ts";
import { parseSource, parseType } from "../../src/text/parser.ts";
import { newContext } from "../index.ts";
import { fillExample, seeded } from "./examples.ts";
import type { ProgramCase } from "./programs.ts";
import { valueArb } from "./programs.ts";

/** A tensor value of the program: its name, its static type's dims (undefined where dynamic) and its run-time shape. */
interface TensorVal {
  readonly name: string;
  readonly dims: readonly (number | undefined)[];
  readonly shape: readonly number[];
}

type Pick = (n: number) => number;

interface GenState {
  readonly lines: string[];
  readonly tensors: TensorVal[];
  /** Returned values and their types. */
  readonly results: { readonly name: string; readonly type: string }[];
  /** Buffers to free before returning (after every use). */
  readonly deallocs: string[];
  /** The element type of the generated tensors (f32 or i32). */
  readonly e: string;
  next: number;
  /** Free every buffer the program allocates (for bufferization's leak check): no clone is left unfreed. */
  readonly freeAll?: boolean;
}

const fresh = (s: GenState, prefix: string): string => `%${prefix}${s.next++}`;
const typeOf = (dims: readonly (number | undefined)[], e: string, kind = "tensor"): string => `${kind}<${dims.map((d) => `${d ?? "?"}x`).join("")}${e}>`;
const tensorType = (s: GenState, t: TensorVal): string => typeOf(t.dims, s.e);
const anyTensor = (s: GenState, pick: Pick): TensorVal => s.tensors[pick(s.tensors.length)] as TensorVal;
const nonEmpty = (s: GenState, pick: Pick): TensorVal | undefined => {
  const ok = s.tensors.filter((t) => t.shape.every((d) => d > 0));
  return ok.length === 0 ? undefined : ok[pick(ok.length)];
};
const add = (s: GenState, t: TensorVal): TensorVal => {
  s.tensors.push(t);
  return t;
};
const observe = (s: GenState, name: string, type: string): void => {
  s.results.push({ name, type });
};

/** Sizes of new dims: small, often 1, sometimes 0 or a prime. */
const SIZES = [1, 2, 3, 1, 2, 0, 5, 7] as const;
const newShape = (pick: Pick, maxRank = 2): number[] => {
  const rank = 1 + pick(maxRank);
  const shape = Array.from({ length: rank }, () => SIZES[pick(SIZES.length)] as number);
  // Keep tensors small: at most 35 elements.
  return shape.reduce((a, b) => a * b, 1) > 35 ? shape.map((d) => Math.min(d, 3)) : shape;
};

/** An index value equal to `n` (0 <= n <= 8): a constant or, when n < 8, an opaque argument. */
// The prelude defines %c0 ... %c8: an index past them (into a collapsed 5x3 tensor, say) is %c0, still in bounds.
const indexValue = (n: number, pick: Pick): string => (n < 8 && pick(2) === 0 ? `%n${n}` : n <= 8 ? `%c${n}` : "%c0");

/** One entry of an offsets/sizes/strides list equal to `n`: a literal, a constant or an opaque argument. */
function listEntry(n: number, pick: Pick): { text: string; literal: boolean } {
  const k = pick(3);
  return k === 0 || n > 8 ? { text: `${n}`, literal: true } : { text: indexValue(n, pick), literal: false };
}

/** A tensor whose contents the canonicalizer cannot see (an element overwritten at an opaque index). */
function opaqueCopy(s: GenState, t: TensorVal): string {
  if (!t.shape.every((d) => d > 0)) return t.name;
  const r = fresh(s, "o");
  const indices = t.shape.map((d) => `%n${Math.min(d - 1, 7)}`);
  s.lines.push(`  ${r} = tensor.insert %b into ${t.name}[${indices.join(", ")}] : ${tensorType(s, t)}`);
  return r;
}

/** The region body computing element i0 + i1 + ... (as the element type) plus %a. */
function generateBody(s: GenState, rank: number, indent: string): string[] {
  const args = Array.from({ length: rank }, (_, k) => `%g${k}`);
  const lines = [`${indent}^bb0(${args.map((a) => `${a}: index`).join(", ")}):`];
  let sum = args[0] as string;
  for (let k = 1; k < rank; k++) {
    lines.push(`${indent}  %gs${k} = arith.addi ${sum}, ${args[k]} : index`);
    sum = `%gs${k}`;
  }
  lines.push(`${indent}  %gi = arith.index_cast ${sum} : index to i32`);
  if (s.e === "f32") {
    lines.push(`${indent}  %gf = arith.sitofp %gi : i32 to f32`, `${indent}  %gv = arith.addf %gf, %a : f32`);
  } else lines.push(`${indent}  %gv = arith.addi %gi, %a : i32`);
  lines.push(`${indent}  tensor.yield %gv : ${s.e}`);
  return lines;
}

/** A tensor.generate of `shape`, each dim static or an index value, its elements i0 + i1 + ... + %a. */
function generate(s: GenState, shape: readonly number[], pick: Pick, allStatic = false): TensorVal {
  const r = fresh(s, "gen");
  const dims = shape.map((d) => (allStatic || pick(2) === 0 ? d : undefined));
  const extents = shape.flatMap((d, k) => (dims[k] === undefined ? [indexValue(d, pick)] : []));
  s.lines.push(`  ${r} = tensor.generate ${extents.join(", ")} {`, ...generateBody(s, shape.length, "  "), `  } : ${typeOf(dims, s.e)}`);
  return add(s, { name: r, dims, shape });
}

/** A cast of `t` to a type with each dim kept, made dynamic or (when dynamic) made static. */
function castOf(s: GenState, t: TensorVal, pick: Pick): TensorVal {
  const r = fresh(s, "cast");
  const dims = t.dims.map((d, k) => [d, undefined, t.shape[k]][pick(3)]);
  s.lines.push(`  ${r} = tensor.cast ${t.name} : ${tensorType(s, t)} to ${typeOf(dims, s.e)}`);
  return add(s, { name: r, dims, shape: t.shape });
}

/**
 * Slice lists in bounds of `shape`: offsets, sizes and strides, and the sizes' static form (undefined where a
 * value). One in five is the whole tensor in literals (the identity the slice folds remove).
 */
function sliceLists(shape: readonly number[], pick: Pick) {
  const whole = pick(5) === 0;
  const offsets: string[] = [];
  const sizes: string[] = [];
  const strides: string[] = [];
  const dims: (number | undefined)[] = [];
  const runtime: number[] = [];
  for (const d of shape) {
    const size = whole || d === 0 ? d : ([d, 1, pick(d + 1), Math.max(1, d - 1)][pick(4)] as number);
    const stride = !whole && size > 1 && (size - 1) * 2 < d && pick(3) === 0 ? 2 : 1;
    const span = size === 0 ? 0 : (size - 1) * stride + 1;
    const offset = whole ? 0 : pick(d - span + 1);
    const entry = (n: number) => (whole ? { text: `${n}`, literal: true } : listEntry(n, pick));
    const [o, z, t] = [entry(offset), entry(size), entry(stride)];
    offsets.push(o.text);
    sizes.push(z.text);
    strides.push(t.text);
    dims.push(z.literal ? size : undefined);
    runtime.push(size);
  }
  return { text: `[${offsets.join(", ")}] [${sizes.join(", ")}] [${strides.join(", ")}]`, dims, runtime };
}

/** One step of a program: its IR lines, given fresh names and the values made so far. */
type Step = (s: GenState, pick: Pick) => void;

/**
 * Steps whose tensor is `to_tensor` of a buffer the program frees before it returns: One-Shot Bufferize makes
 * such a tensor that very buffer (MLIR's to_tensor semantics), so programs for it leave them out.
 */
const freedBufferSteps = new Set<Step>();
function freedBufferStep(step: Step): Step {
  freedBufferSteps.add(step);
  return step;
}

const steps: readonly Step[] = [
  // New tensors.
  (s, pick) => {
    const shape = newShape(pick).map((d) => Math.max(1, Math.min(d, 3)));
    const count = shape.reduce((a, b) => a * b, 1);
    const r = fresh(s, "fe");
    const elements = Array.from({ length: count }, () => SCALARS[pick(3)]);
    s.lines.push(`  ${r} = tensor.from_elements ${elements.join(", ")} : ${typeOf(shape, s.e)}`);
    add(s, { name: r, dims: shape, shape });
  },
  (s, pick) => {
    const shape = newShape(pick);
    const r = fresh(s, "splat");
    s.lines.push(`  ${r} = tensor.splat ${SCALARS[pick(3)]} : ${typeOf(shape, s.e)}`);
    add(s, { name: r, dims: shape, shape });
  },
  (s, pick) => void generate(s, newShape(pick), pick),
  // A filled buffer read as a tensor (freed at the end).
  freedBufferStep((s, pick) => {
    const shape = newShape(pick).map((d) => Math.min(d, 3));
    const [m, r] = [fresh(s, "buf"), fresh(s, "tt")];
    const dynamic = pick(2) === 0;
    const dims = shape.map((d, k) => (dynamic && k === 0 ? undefined : d));
    const sizes = dynamic ? `%n${shape[0]}` : "";
    const type = typeOf(dims, s.e, "memref");
    s.lines.push(`  ${m} = memref.alloc(${sizes}) : ${type}`);
    const all = (prefix: number[], k: number): number[][] => (k === shape.length ? [prefix] : Array.from({ length: shape[k] as number }, (_, j) => all([...prefix, j], k + 1)).flat());
    for (const [j, at] of all([], 0).entries()) s.lines.push(`  memref.store ${j % 2 === 0 ? "%a" : "%b"}, ${m}[${at.map((x) => `%c${x}`).join(", ")}] : ${type}`);
    s.lines.push(`  ${r} = bufferization.to_tensor ${m} : ${type}`);
    s.deallocs.push(`  memref.dealloc ${m} : ${type}`);
    add(s, { name: r, dims, shape });
  }),
  // Casts.
  (s, pick) => void castOf(s, anyTensor(s, pick), pick),
  (s, pick) => void castOf(s, castOf(s, anyTensor(s, pick), pick), pick),
  // Dims and ranks, of ranked, unranked, empty and alloc_tensor values.
  (s, pick) => {
    const t = anyTensor(s, pick);
    const k = pick(t.dims.length);
    const [c, r] = [fresh(s, "u"), fresh(s, "dim")];
    if (pick(3) === 0) {
      s.lines.push(`  ${c} = tensor.cast ${t.name} : ${tensorType(s, t)} to tensor<*x${s.e}>`, `  ${r} = tensor.dim ${c}, ${indexValue(k, pick)} : tensor<*x${s.e}>`);
    } else s.lines.push(`  ${r} = tensor.dim ${t.name}, ${indexValue(k, pick)} : ${tensorType(s, t)}`);
    observe(s, r, "index");
  },
  (s, pick) => {
    const t = anyTensor(s, pick);
    const r = fresh(s, "rank");
    s.lines.push(`  ${r} = tensor.rank ${t.name} : ${tensorType(s, t)}`);
    observe(s, r, "index");
  },
  (s, pick) => {
    const shape = newShape(pick);
    const dims = shape.map((d) => (pick(2) === 0 ? d : undefined));
    const sizes = shape.flatMap((d, k) => (dims[k] === undefined ? [indexValue(d, pick)] : []));
    const [e, r] = [fresh(s, "empty"), fresh(s, "dim")];
    const op = pick(2) === 0 ? "tensor.empty" : "bufferization.alloc_tensor";
    const k = pick(shape.length);
    const type = typeOf(dims, s.e);
    s.lines.push(`  ${e} = ${op}(${sizes.join(", ")}) : ${type}`);
    if (pick(2) === 0) {
      const c = fresh(s, "cast");
      const target = typeOf(shape.map((d) => (pick(2) === 0 ? d : undefined)), s.e);
      s.lines.push(`  ${c} = tensor.cast ${e} : ${type} to ${target}`, `  ${r} = tensor.dim ${c}, ${indexValue(k, pick)} : ${target}`);
    } else s.lines.push(`  ${r} = tensor.dim ${e}, ${indexValue(k, pick)} : ${type}`);
    observe(s, r, "index");
  },
  // Element reads and writes.
  (s, pick) => {
    const t = nonEmpty(s, pick);
    if (t === undefined) return;
    const r = fresh(s, "x");
    s.lines.push(`  ${r} = tensor.extract ${t.name}[${t.shape.map((d) => indexValue(pick(d), pick)).join(", ")}] : ${tensorType(s, t)}`);
    observe(s, r, s.e);
  },
  (s, pick) => {
    const t = nonEmpty(s, pick);
    if (t === undefined) return;
    const r = fresh(s, "ins");
    s.lines.push(`  ${r} = tensor.insert ${SCALARS[pick(3)]} into ${t.name}[${t.shape.map((d) => indexValue(pick(d), pick)).join(", ")}] : ${tensorType(s, t)}`);
    add(s, { name: r, dims: t.dims, shape: t.shape });
  },
  (s, pick) => {
    // A constant tensor updated at constant indices (insert's fold).
    const shape = newShape(pick).map((d) => Math.max(1, d));
    const [c, r] = [fresh(s, "ks"), fresh(s, "kins")];
    s.lines.push(`  ${c} = tensor.splat %k : ${typeOf(shape, s.e)}`);
    s.lines.push(`  ${r} = tensor.insert ${SCALARS[pick(3)]} into ${c}[${shape.map((d) => `%c${pick(d)}`).join(", ")}] : ${typeOf(shape, s.e)}`);
    add(s, { name: r, dims: shape, shape });
  },
  (s, pick) => {
    // The dims of a reshaped dynamic tensor.
    const n = [1, 2, 3, 6][pick(4)] as number;
    const f = n % 2 === 0 ? 2 : 1;
    const g = generate(s, [n, 2], pick);
    const type = typeOf(g.dims, s.e);
    const [e, c, d1, d2] = [fresh(s, "dex"), fresh(s, "dco"), fresh(s, "dd"), fresh(s, "dd")];
    const expanded = typeOf([g.dims[0] === undefined ? undefined : n / f, f, g.dims[1]], s.e);
    const collapsed = typeOf([g.dims.includes(undefined) ? undefined : 2 * n], s.e);
    s.lines.push(`  ${e} = tensor.expand_shape ${g.name} [[0, 1], [2]] : ${type} into ${expanded}`, `  ${d1} = tensor.dim ${e}, %c${pick(3)} : ${expanded}`);
    s.lines.push(`  ${c} = tensor.collapse_shape ${g.name} [[0, 1]] : ${type} into ${collapsed}`, `  ${d2} = tensor.dim ${c}, %c0 : ${collapsed}`);
    observe(s, d1, "index");
    observe(s, d2, "index");
    // And the round trips back to the generated tensor (the reshapes' folds).
    const [b1, b2] = [fresh(s, "rt"), fresh(s, "rt")];
    s.lines.push(`  ${b1} = tensor.collapse_shape ${e} [[0, 1], [2]] : ${expanded} into ${type}`);
    const backDims = [g.dims.includes(undefined) ? undefined : n, 2];
    s.lines.push(`  ${b2} = tensor.expand_shape ${c} [[0, 1]] : ${collapsed} into ${typeOf(backDims, s.e)}`);
    add(s, { name: b2, dims: backDims, shape: g.shape });
    add(s, { name: b1, dims: g.dims, shape: g.shape });
  },
  // Slices.
  (s, pick) => {
    const t = anyTensor(s, pick);
    const src = opaqueCopy(s, t);
    const l = sliceLists(t.shape, pick);
    // Drop a unit dim the sizes make static, now and then (a rank-reducing slice).
    const drop = l.dims.findIndex((d) => d === 1);
    const reduce = drop >= 0 && l.dims.length > 1 && pick(3) === 0;
    const dims = reduce ? l.dims.filter((_, k) => k !== drop) : l.dims;
    const shape = reduce ? l.runtime.filter((_, k) => k !== drop) : l.runtime;
    const r = fresh(s, "es");
    s.lines.push(`  ${r} = tensor.extract_slice ${src}${l.text} : ${tensorType(s, t)} to ${typeOf(dims, s.e)}`);
    add(s, { name: r, dims, shape });
  },
  (s, pick) => {
    const dest = anyTensor(s, pick);
    const l = sliceLists(dest.shape, pick);
    // The source: generated at the slice's shape, cast to the type the sizes give (dynamic where a value stands).
    const made = generate(s, l.runtime, pick, true);
    s.tensors.pop();
    const source = l.dims.every((d, k) => d === made.dims[k]) ? made.name : fresh(s, "cast");
    if (source !== made.name) s.lines.push(`  ${source} = tensor.cast ${made.name} : ${tensorType(s, made)} to ${typeOf(l.dims, s.e)}`);
    const r = fresh(s, "is");
    s.lines.push(`  ${r} = tensor.insert_slice ${source} into ${dest.name}${l.text} : ${typeOf(l.dims, s.e)} into ${tensorType(s, dest)}`);
    add(s, { name: r, dims: dest.dims, shape: dest.shape });
  },
  // Reshapes.
  (s, pick) => {
    const t = anyTensor(s, pick);
    if (t.dims.length > 2) return;
    const k = pick(t.dims.length);
    const [d, n] = [t.dims[k], t.shape[k] as number];
    const factors = d === undefined ? [] : [2, 3].filter((f) => n % f === 0 && n > f).map((f) => [f, n / f]);
    const split = ([[1, n], [n, 1], ...factors][pick(2 + factors.length)] as number[]).map((x) => x);
    const splitDims = d === undefined ? (split[0] === 1 ? [1, undefined] : [undefined, 1]) : split;
    const splitShape = d === undefined ? (split[0] === 1 ? [1, n] : [n, 1]) : split;
    const dims = [...t.dims.slice(0, k), ...splitDims, ...t.dims.slice(k + 1)];
    const shape = [...t.shape.slice(0, k), ...splitShape, ...t.shape.slice(k + 1)];
    const groups = t.dims.map((_, j) => (j < k ? [j] : j === k ? [j, j + 1] : [j + 1]));
    const r = fresh(s, "ex");
    s.lines.push(`  ${r} = tensor.expand_shape ${opaqueCopy(s, t)} ${JSON.stringify(groups).replace(/,/g, ", ")} : ${tensorType(s, t)} into ${typeOf(dims, s.e)}`);
    add(s, { name: r, dims, shape });
  },
  (s, pick) => {
    const candidates = s.tensors.filter((t) => t.dims.length >= 2);
    if (candidates.length === 0) return;
    const t = candidates[pick(candidates.length)] as TensorVal;
    const k = pick(t.dims.length - 1);
    const groups: number[][] = [];
    for (let j = 0; j < t.dims.length; j++) (j === k + 1 ? (groups.at(-1) as number[]) : (groups[groups.length] = [])).push(j);
    const dims = groups.map((g) => (g.some((j) => t.dims[j] === undefined) ? undefined : g.reduce((p, j) => p * (t.dims[j] as number), 1)));
    const shape = groups.map((g) => g.reduce((p, j) => p * (t.shape[j] as number), 1));
    const r = fresh(s, "co");
    s.lines.push(`  ${r} = tensor.collapse_shape ${t.name} ${JSON.stringify(groups).replace(/,/g, ", ")} : ${tensorType(s, t)} into ${typeOf(dims, s.e)}`);
    add(s, { name: r, dims, shape });
  },
  // Padding.
  (s, pick) => {
    // One pad in three is zero on every side, written as literals, of a static tensor when there is one (the
    // fold's case).
    const zero = pick(3) === 0;
    const statics = s.tensors.filter((x) => !x.dims.includes(undefined));
    const t = zero && statics.length > 0 ? (statics[pick(statics.length)] as TensorVal) : anyTensor(s, pick);
    const entry = (): { text: string; literal: boolean } => (zero ? { text: "0", literal: true } : listEntry([0, 0, 1, 2][pick(4)] as number, pick));
    const low = t.shape.map(entry);
    const high = t.shape.map(entry);
    const value = (e: { text: string }): number => (/^\d+$/.test(e.text) ? Number(e.text) : Number(e.text.replace(/^%[cn]/, "")));
    const dims = t.dims.map((d, k) => (d !== undefined && low[k]?.literal === true && high[k]?.literal === true ? d + value(low[k]) + value(high[k]) : undefined));
    const shape = t.shape.map((d, k) => d + value(low[k] as { text: string }) + value(high[k] as { text: string }));
    const r = fresh(s, "pad");
    const nofold = pick(5) === 0 ? " nofold" : "";
    const args = t.dims.map((_, k) => `%p${k}: index`).join(", ");
    s.lines.push(
      `  ${r} = tensor.pad ${t.name}${nofold} low[${low.map((e) => e.text).join(", ")}] high[${high.map((e) => e.text).join(", ")}] {`,
      `  ^bb0(${args}):`,
      `    tensor.yield ${SCALARS[pick(3)]} : ${s.e}`,
      `  } : ${tensorType(s, t)} to ${typeOf(dims, s.e)}`,
    );
    add(s, { name: r, dims, shape });
  },
  // Through buffers: a to_memref read by loads and dims, and read back as a tensor.
  (s, pick) => {
    const t = nonEmpty(s, pick);
    if (t === undefined) return;
    const [m, x, d] = [fresh(s, "tm"), fresh(s, "ld"), fresh(s, "mdim")];
    const type = typeOf(t.dims, s.e, "memref");
    s.lines.push(`  ${m} = bufferization.to_memref ${t.name} : ${type}`);
    s.lines.push(`  ${x} = memref.load ${m}[${t.shape.map((n) => indexValue(pick(n), pick)).join(", ")}] : ${type}`);
    s.lines.push(`  ${d} = memref.dim ${m}, ${indexValue(pick(t.dims.length), pick)} : ${type}`);
    observe(s, x, s.e);
    observe(s, d, "index");
    if (pick(2) === 0) {
      // Read back as a tensor, right after the to_memref (to_tensor's fold) or after the reads.
      const r = fresh(s, "back");
      const back = `  ${r} = bufferization.to_tensor ${m} : ${type}`;
      if (pick(2) === 0) s.lines.splice(s.lines.length - 2, 0, back);
      else s.lines.push(back);
      add(s, { name: r, dims: t.dims, shape: t.shape });
    }
  },
  (s, pick) => {
    // A buffer, its clone read after the buffer is freed (the clone freed at the end, or never).
    const n = 1 + pick(3);
    const type = `memref<${n}x${s.e}>`;
    const [m, c, x] = [fresh(s, "cm"), fresh(s, "clone"), fresh(s, "cl")];
    s.lines.push(`  ${m} = memref.alloc() : ${type}`);
    for (let j = 0; j < n; j++) s.lines.push(`  memref.store ${j % 2 === 0 ? "%b" : "%a"}, ${m}[%c${j}] : ${type}`);
    // Cloned directly or through a cast (clone's fold).
    const cast = pick(2) === 0 ? undefined : fresh(s, "ccast");
    const dynamic = `memref<?x${s.e}>`;
    if (cast === undefined) s.lines.push(`  ${c} = bufferization.clone ${m} : ${type} to ${type}`, `  memref.dealloc ${m} : ${type}`);
    else s.lines.push(`  ${cast} = memref.cast ${m} : ${type} to ${dynamic}`, `  ${c} = bufferization.clone ${cast} : ${dynamic} to ${type}`, `  memref.dealloc ${m} : ${type}`);
    s.lines.push(`  ${x} = memref.load ${c}[${indexValue(pick(n), pick)}] : ${type}`);
    if (s.freeAll === true || pick(2) === 0) s.deallocs.push(`  memref.dealloc ${c} : ${type}`);
    observe(s, x, s.e);
  },
  (s, pick) => {
    // to_memref of to_tensor of a filled buffer, at another layout.
    const n = 1 + pick(3);
    const type = `memref<${n}x${s.e}>`;
    const strided = `memref<${n}x${s.e}, strided<[?], offset: ?>>`;
    const [m, t, v, x] = [fresh(s, "rm"), fresh(s, "rt"), fresh(s, "rv"), fresh(s, "rl")];
    s.lines.push(`  ${m} = memref.alloc() : ${type}`);
    for (let j = 0; j < n; j++) s.lines.push(`  memref.store ${j % 2 === 0 ? "%a" : "%b"}, ${m}[%c${j}] : ${type}`);
    const target = pick(2) === 0 ? strided : type;
    s.lines.push(`  ${t} = bufferization.to_tensor ${m} : ${type}`, `  ${v} = bufferization.to_memref ${t} : ${target}`);
    s.lines.push(`  ${x} = memref.load ${v}[${indexValue(pick(n), pick)}] : ${target}`);
    s.deallocs.push(`  memref.dealloc ${m} : ${type}`);
    observe(s, x, s.e);
  },
  (s, pick) => {
    const t = anyTensor(s, pick);
    const r = fresh(s, "atc");
    s.lines.push(`  ${r} = bufferization.alloc_tensor() copy(${t.name}) : ${tensorType(s, t)}`);
    add(s, { name: r, dims: t.dims, shape: t.shape });
  },
];

/** A rewrite example filled and renamed into the program: its lines, its extra arguments, what it observes. */
function spliceExample(s: GenState, ex: RewriteExample, seed: number, nearMiss: boolean, args: { name: string; type: string }[]): void {
  const filled = fillExample(ex, seeded(seed));
  const m = /^\s*\^bb0\s*\(([^)]*)\)\s*:/.exec(filled);
  if (m === null) return;
  const k = s.next++;
  const bound = new Map<string, string>();
  for (const decl of (m[1] ?? "").split(",")) {
    const [name, type] = decl.split(":").map((x) => x.trim()) as [string, string];
    if (type === "index") bound.set(name, `%n${seed % 8}`);
    else {
      const arg = `%ex${k}${name.slice(1)}`;
      args.push({ name: arg, type });
      bound.set(name, arg);
    }
  }
  let body = filled.slice(m[0].length).replace(/%([A-Za-z_][\w]*)/g, (v) => bound.get(v) ?? `%e${k}${v.slice(1)}`);
  if (nearMiss) {
    const constants = [...body.matchAll(/^(\s*)(%\w+) = arith\.constant ([0-7]) : index$/gm)];
    const c = constants[seed % Math.max(1, constants.length)];
    if (c !== undefined) body = body.replace(c[0], `${c[1]}${c[2]} = arith.maxui %n${c[3]}, %n${c[3]} : index`);
  }
  const lines = body.split("\n").filter((l) => l.trim() !== "").map((l) => `  ${l.trim().startsWith("^") ? "" : "  "}${l.trim()}`);
  s.lines.push(...reindent(lines));
  const observed = lines.find((l) => l.trim().startsWith(`%e${k}r =`));
  if (observed === undefined) return;
  // What it observes: an index (a dim or rank), else an element of the shaped type that ends its line.
  const element = /^(?:tensor|memref)<(?:[\d?]+x)*([a-z]\w*)/.exec(observed.slice(observed.lastIndexOf(" : ") + 3))?.[1];
  const type = /\b(tensor|memref)\.(dim|rank)\b/.test(observed) ? "index" : (element ?? s.e);
  observe(s, `%e${k}r`, type);
}

/** Indents lines by their brace depth (for readable programs; MLIR does not care). */
function reindent(lines: readonly string[]): string[] {
  let depth = 1;
  return lines.map((raw) => {
    const l = raw.trim();
    const closes = l.startsWith("}") ? 1 : 0;
    const text = `${"  ".repeat(Math.max(1, depth - closes) + (l.startsWith("^") ? -1 : 0))}${l}`;
    depth += (l.match(/\{/g)?.length ?? 0) - (l.match(/\}/g)?.length ?? 0);
    return text;
  });
}

const PRELUDE = Array.from({ length: 9 }, (_, i) => `  %c${i} = arith.constant ${i} : index`);
/** The scalars elements are made of: the arguments, or a constant (so that folds of all-constant operands fire). */
const SCALARS = ["%a", "%b", "%k"] as const;

export interface TensorProgramOptions {
  /** Rewrite examples to splice in (tensorExample form). */
  readonly examples?: readonly RewriteExample[];
  /** How many examples per program (default 1 to 3). */
  readonly examplesPerProgram?: { readonly min: number; readonly max: number };
  /** Only programs One-Shot Bufferize takes: no tensor is to_tensor of a buffer the program frees (default false). */
  readonly forBufferization?: boolean;
}

/** A random tensor program's text and the types of its extra (example) arguments, from a list of choices. */
function build(
  choices: readonly number[],
  examples: readonly { ex: RewriteExample; seed: number; nearMiss: boolean }[],
  forBufferization = false,
): { text: string; extra: { name: string; type: string }[] } {
  const stepList = forBufferization ? steps.filter((st) => !freedBufferSteps.has(st)) : steps;
  let k = 0;
  const pick: Pick = (n) => (n <= 1 ? 0 : (choices[k++ % choices.length] ?? 0) % n);
  const s: GenState = { lines: [], tensors: [], results: [], deallocs: [], e: pick(3) === 0 ? "i32" : "f32", next: 0, freeAll: forBufferization };
  generate(s, newShape(pick), pick);
  const extra: { name: string; type: string }[] = [];
  const count = 4 + pick(8);
  const at = examples.map(() => pick(count + 1));
  for (let i = 0; i <= count; i++) {
    examples.forEach((e, j) => at[j] === i && spliceExample(s, e.ex, e.seed, e.nearMiss, extra));
    if (i < count) (stepList[pick(stepList.length)] as Step)(s, pick);
  }
  const tensors = [anyTensor(s, pick), ...(pick(2) === 0 ? [anyTensor(s, pick)] : [])];
  const results = [...s.results, ...tensors.map((t) => ({ name: t.name, type: tensorType(s, t) }))];
  const types = results.map((r) => r.type).join(", ");
  const params = [`%a: ${s.e}`, `%b: ${s.e}`, ...Array.from({ length: 8 }, (_, i) => `%n${i}: index`), ...extra.map((a) => `${a.name}: ${a.type}`)];
  const text = [
    `func.func @f(${params.join(", ")}) -> (${types}) {`,
    ...PRELUDE,
    `  %k = arith.constant ${s.e === "f32" ? "2.500000e+00" : "3"} : ${s.e}`,
    ...s.lines,
    ...s.deallocs,
    `  return ${results.map((r) => r.name).join(", ")} : ${types}`,
    "}",
  ].join("\n");
  return { text, extra };
}

const ctx = newContext();
function typeNamed(text: string): Type {
  const t = parseType(text, ctx);
  if (isLeft(t)) throw new Error(`gen-tensor: bad type '${text}'`);
  return t.right;
}
const verifies = (text: string): boolean => {
  const parsed = parseSource(text, ctx);
  return !isLeft(parsed) && !isLeft(verify(parsed.right, { ctx }));
};

/**
 * Random tensor programs with random scalar inputs (and the opaque indices 0 ... 7). A program whose spliced
 * examples do not verify (a hole filled with a type an op rejects) is rebuilt without them.
 */
export function tensorPrograms(opts: TensorProgramOptions = {}): fc.Arbitrary<ProgramCase> {
  const examples = opts.examples ?? [];
  const per = opts.examplesPerProgram ?? { min: 1, max: 3 };
  const exampleArb = fc.record({ which: fc.nat({ max: 1 << 20 }), seed: fc.nat({ max: 2 ** 31 - 1 }), nearMiss: fc.nat({ max: 4 }) });
  return fc
    .tuple(
      fc.array(fc.nat({ max: 1000 }), { minLength: 16, maxLength: 96 }),
      examples.length === 0 ? fc.constant([]) : fc.array(exampleArb, { minLength: per.min, maxLength: per.max }),
    )
    .chain(([choices, picked]) => {
      const chosen = picked.map((p) => ({ ex: examples[p.which % examples.length] as RewriteExample, seed: p.seed, nearMiss: p.nearMiss === 0 }));
      let built = build(choices, chosen, opts.forBufferization);
      if (chosen.length > 0 && !verifies(built.text)) built = build(choices, [], opts.forBufferization);
      const { text, extra } = built;
      const e = /%a: (\w+)/.exec(text)?.[1] === "i32" ? i32 : f32;
      const scalar = (x: number): RuntimeValue => (e === f32 ? floatValue(f32, x) : intValue(i32, BigInt(Math.trunc(x))));
      const extraArbs = extra.map((a) => valueArb(typeNamed(a.type)));
      return fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), ...extraArbs).map(([a, b, ...rest]): ProgramCase => ({
        text,
        fn: "f",
        args: [scalar(a / 8), scalar(b / 8), ...Array.from({ length: 8 }, (_, i) => intValue(index, BigInt(i))), ...(rest as RuntimeValue[])],
      }));
    });
}
