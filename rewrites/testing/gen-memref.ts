/**
 * Random memref programs for property tests: a function of two f32 arguments that allocates 4x4 buffers, stores
 * into them, makes views of them (casts, subviews with constant or literal offsets, transposes, collapses,
 * reshapes, alloca scopes) and reads elements back, returning what it read. Every index is a constant in
 * bounds, so a program has undefined behaviour only if a rewrite gives it some; the shapes are the ones the
 * memref canonicalizations match (a cast read through, a dead allocation, a constant-sized alloc, a trivial
 * subview, a copy of a cast, ...).
 *
 *   const r = checkRewrite({ transform: canonicalize, programs: memrefPrograms(), coverage: { patterns } });
 */
import fc from "fast-check";
import { floatValue, intValue } from "../../src/interp/values.ts";
import { f32, i32 } from "../../src/ir/types.ts";
import type { ProgramCase } from "./programs.ts";

/** One step of a program: its IR lines, given fresh names and the buffers made so far. */
type Step = (s: GenState, pick: (n: number) => number) => void;

interface GenState {
  readonly lines: string[];
  /** Names of 4x4 f32 buffers (type `memref<4x4xf32>`), every element stored before any read. */
  readonly buffers: string[];
  /** f32 values read so far (returned at the end). */
  readonly results: string[];
  next: number;
}

const fresh = (s: GenState, prefix: string): string => `%${prefix}${s.next++}`;
const T = "memref<4x4xf32>";

/** A new buffer, every element stored (from the arguments, varied), with an alloc of constant or literal sizes. */
const allocBuffer: Step = (s, pick) => {
  const m = fresh(s, "m");
  if (pick(2) === 0) s.lines.push(`  ${m} = memref.alloc() : ${T}`);
  else {
    const d = fresh(s, "d");
    s.lines.push(`  ${d} = memref.alloc(%c4) : memref<?x4xf32>`, `  ${m} = memref.cast ${d} : memref<?x4xf32> to ${T}`);
  }
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) s.lines.push(`  memref.store ${(i + j) % 2 === 0 ? "%a" : "%b"}, ${m}[%c${i}, %c${j}] : ${T}`);
  }
  s.buffers.push(m);
};

const anyBuffer = (s: GenState, pick: (n: number) => number): string => s.buffers[pick(s.buffers.length)] as string;
const idx = (pick: (n: number) => number): string => `%c${pick(4)}`;
const load = (s: GenState, m: string, type: string, indices: string): void => {
  const v = fresh(s, "v");
  s.lines.push(`  ${v} = memref.load ${m}[${indices}] : ${type}`);
  s.results.push(v);
};

const steps: readonly Step[] = [
  allocBuffer,
  // A read through a cast to a dynamic type.
  (s, pick) => {
    const c = fresh(s, "cast");
    s.lines.push(`  ${c} = memref.cast ${anyBuffer(s, pick)} : ${T} to memref<?x?xf32>`);
    load(s, c, "memref<?x?xf32>", `${idx(pick)}, ${idx(pick)}`);
  },
  // An element updated through a cast, atomically.
  (s, pick) => {
    const c = fresh(s, "cast");
    const old = fresh(s, "old");
    s.lines.push(`  ${c} = memref.cast ${anyBuffer(s, pick)} : ${T} to memref<?x?xf32>`);
    s.lines.push(`  ${old} = memref.atomic_rmw addf %b, ${c}[${idx(pick)}, ${idx(pick)}] : (f32, memref<?x?xf32>) -> f32`);
    s.results.push(old);
  },
  // A subview with constant (SSA) offsets, read.
  (s, pick) => {
    const o = pick(3);
    const sub = fresh(s, "sub");
    const type = "memref<?x2xf32, strided<[4, 1], offset: ?>>";
    s.lines.push(`  ${sub} = memref.subview ${anyBuffer(s, pick)}[%c${o}, %c${pick(3)}] [%c1, 2] [1, 1] : ${T} to ${type}`);
    load(s, sub, type, `%c0, %c${pick(2)}`);
  },
  // A subview of a cast, and a trivial subview.
  (s, pick) => {
    const c = fresh(s, "cast");
    const sub = fresh(s, "sub");
    const type = "memref<2x2xf32, strided<[?, 1], offset: ?>>";
    s.lines.push(`  ${c} = memref.cast ${anyBuffer(s, pick)} : ${T} to memref<?x?xf32>`);
    s.lines.push(`  ${sub} = memref.subview ${c}[%i1, %i2] [2, 2] [1, 1] : memref<?x?xf32> to ${type}`);
    load(s, sub, type, `%c${pick(2)}, %c${pick(2)}`);
  },
  (s, pick) => {
    const sub = fresh(s, "sub");
    const type = "memref<4x4xf32, strided<[4, 1]>>";
    s.lines.push(`  ${sub} = memref.subview ${anyBuffer(s, pick)}[0, 0] [4, 4] [1, 1] : ${T} to ${type}`);
    load(s, sub, type, `${idx(pick)}, ${idx(pick)}`);
  },
  // A subview of the whole buffer, of its type; a copy from a cast to a more static type.
  (s, pick) => {
    const sub = fresh(s, "sub");
    s.lines.push(`  ${sub} = memref.subview ${anyBuffer(s, pick)}[0, 0] [4, 4] [1, 1] : ${T} to ${T}`);
    load(s, sub, T, `${idx(pick)}, ${idx(pick)}`);
  },
  (s, pick) => {
    const d = fresh(s, "d");
    const c = fresh(s, "cast");
    const dst = fresh(s, "dst");
    const type = "memref<2x4xf32>";
    s.lines.push(`  ${d} = memref.alloc(%i2) : memref<?x4xf32>`, `  memref.store %b, ${d}[%c1, ${idx(pick)}] : memref<?x4xf32>`);
    s.lines.push(`  ${c} = memref.cast ${d} : memref<?x4xf32> to ${type}`, `  ${dst} = memref.alloc() : ${type}`);
    s.lines.push(`  memref.copy ${c}, ${dst} : ${type} to ${type}`);
    load(s, dst, type, `%c${pick(2)}, ${idx(pick)}`);
  },
  // Transposed and collapsed views.
  (s, pick) => {
    const t = fresh(s, "t");
    const type = "memref<4x4xf32, strided<[1, 4]>>";
    s.lines.push(`  ${t} = memref.transpose ${anyBuffer(s, pick)} (d0, d1) -> (d1, d0) : ${T} to ${type}`);
    load(s, t, type, `${idx(pick)}, ${idx(pick)}`);
  },
  (s, pick) => {
    const f = fresh(s, "flat");
    s.lines.push(`  ${f} = memref.collapse_shape ${anyBuffer(s, pick)} [[0, 1]] : ${T} into memref<16xf32>`);
    load(s, f, "memref<16xf32>", `%c${pick(4) * 4 + pick(4)}`);
  },
  // A copy from a cast into a fresh buffer, then read; a copy onto itself.
  (s, pick) => {
    const c = fresh(s, "cast");
    const dst = fresh(s, "dst");
    const src = anyBuffer(s, pick);
    s.lines.push(`  ${c} = memref.cast ${src} : ${T} to memref<?x?xf32>`);
    s.lines.push(`  ${dst} = memref.alloc() : ${T}`);
    s.lines.push(`  memref.copy ${c}, ${dst} : memref<?x?xf32> to ${T}`);
    s.lines.push(`  memref.copy ${src}, ${src} : ${T} to ${T}`);
    s.buffers.push(dst);
    load(s, dst, T, `${idx(pick)}, ${idx(pick)}`);
  },
  // A dead allocation (stored into, freed), dims and ranks.
  (s, pick) => {
    const dead = fresh(s, "dead");
    s.lines.push(`  ${dead} = memref.alloc(%c4) : memref<?xf32>`, `  memref.store %a, ${dead}[${idx(pick)}] : memref<?xf32>`, `  memref.dealloc ${dead} : memref<?xf32>`);
  },
  (s, pick) => {
    const d = fresh(s, "dyn");
    const n = fresh(s, "n");
    const x = fresh(s, "x");
    const u = fresh(s, "u");
    const r = fresh(s, "r");
    const sum = fresh(s, "s");
    s.lines.push(`  ${d} = memref.alloc(%i2) : memref<?xf32>`, `  ${n} = memref.dim ${d}, %c0 : memref<?xf32>`);
    s.lines.push(`  ${u} = memref.cast ${anyBuffer(s, pick)} : ${T} to memref<?x?xf32>`, `  ${r} = memref.rank ${u} : memref<?x?xf32>`);
    s.lines.push(`  ${sum} = arith.addi ${n}, ${r} : index`, `  ${x} = arith.index_cast ${sum} : index to i32`);
    const f = fresh(s, "f");
    s.lines.push(`  ${f} = arith.sitofp ${x} : i32 to f32`);
    s.results.push(f);
  },
  // A scope whose alloca holds a value.
  (s, pick) => {
    const r = fresh(s, "scoped");
    s.lines.push(
      `  ${r} = memref.alloca_scope -> (f32) {`,
      `    %tmp = memref.alloca() : memref<2xf32>`,
      `    memref.store %a, %tmp[%c1] : memref<2xf32>`,
      `    %got = memref.load %tmp[%c1] : memref<2xf32>`,
      `    %w = arith.mulf %got, %b : f32`,
      `    memref.alloca_scope.return %w : f32`,
      `  }`,
    );
    s.results.push(r);
    void pick;
  },
  // A reshape read through its dims.
  (s, pick) => {
    const shape = fresh(s, "shape");
    const flat = fresh(s, "flat");
    const rs = fresh(s, "rs");
    const dim = fresh(s, "dim");
    s.lines.push(
      `  ${shape} = memref.alloca() : memref<2xindex>`,
      `  memref.store %c2, ${shape}[%c0] : memref<2xindex>`,
      `  memref.store %c8, ${shape}[%c1] : memref<2xindex>`,
      `  ${flat} = memref.collapse_shape ${anyBuffer(s, pick)} [[0, 1]] : ${T} into memref<16xf32>`,
      `  ${rs} = memref.reshape ${flat}(${shape}) : (memref<16xf32>, memref<2xindex>) -> memref<?x?xf32>`,
      `  ${dim} = memref.dim ${rs}, %c1 : memref<?x?xf32>`,
    );
    const last = fresh(s, "last");
    s.lines.push(`  ${last} = arith.subi ${dim}, %c1 : index`);
    load(s, rs, "memref<?x?xf32>", `%c1, ${last}`);
  },
];

const PRELUDE = [
  ...Array.from({ length: 16 }, (_, i) => `  %c${i} = arith.constant ${i} : index`),
  "  %i1 = arith.index_cast %k1 : i32 to index",
  "  %i2 = arith.index_cast %k2 : i32 to index",
];

/** A random memref program from a list of choices (each step picks with the next choices). */
function build(choices: readonly number[]): string {
  const s: GenState = { lines: [], buffers: [], results: [], next: 0 };
  let k = 0;
  const pick = (n: number): number => (choices[k++ % choices.length] ?? 0) % n;
  allocBuffer(s, pick);
  const count = 3 + pick(6);
  for (let i = 0; i < count; i++) (steps[pick(steps.length)] as Step)(s, pick);
  if (s.results.length === 0) load(s, s.buffers[0] as string, T, "%c0, %c0");
  const types = s.results.map(() => "f32").join(", ");
  return [
    `func.func @f(%a: f32, %b: f32, %k1: i32, %k2: i32) -> (${types}) {`,
    ...PRELUDE,
    ...s.lines,
    `  return ${s.results.join(", ")} : ${types}`,
    "}",
  ].join("\n");
}

/**
 * Random memref programs with random f32 inputs. `%k1` and `%k2` are 1 and 2 (dynamic offsets and sizes the
 * canonicalizer cannot see through), so every access stays in bounds.
 */
export function memrefPrograms(): fc.Arbitrary<ProgramCase> {
  return fc
    .tuple(fc.array(fc.nat({ max: 1000 }), { minLength: 8, maxLength: 64 }), fc.float({ noNaN: true }), fc.float({ noNaN: true }))
    .map(([choices, a, b]) => ({
      text: build(choices),
      fn: "f",
      args: [floatValue(f32, a), floatValue(f32, b), intValue(i32, 1), intValue(i32, 2)],
    }));
}

