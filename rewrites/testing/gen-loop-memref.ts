/**
 * Random loop nests over memrefs, for property tests of the scf and affine rewrites: a function of three f32
 * buffers (`%A: memref<4x6xf32>`, `%B: memref<6x4xf32>`, `%V: memref<8xf32>`, random contents), an f32 `%s` and
 * a small index `%n` (0 to 4), made of a few nests that load, compute and store. The nests are scf.for,
 * scf.parallel, scf.while, affine.for and affine.parallel (with reductions), with constant or `%n` bounds,
 * steps, iter_args, affine.apply-composed subscripts, affine.if guards (with empty or storing else regions),
 * vector loads and stores, prefetches, zero-trip, one-trip and empty loops. Every subscript is in bounds by
 * construction (induction variables stay inside the dims they index), so a program has undefined behaviour
 * only if a rewrite gives it some. checkRewrite runs the original and the rewritten program on copies of the
 * same buffers and compares what they return and what they wrote.
 *
 *   checkRewrite({ transform: patterns, programs: loopMemrefPrograms(), coverage: { patterns } })
 */
import fc from "fast-check";
import { memrefOf } from "../../src/interp/memref.ts";
import { floatValue, intValue } from "../../src/interp/values.ts";
import { f32, index, MemRefType } from "../../src/ir/types.ts";
import type { ProgramCase } from "./programs.ts";

const A = "memref<4x6xf32>";
const B = "memref<6x4xf32>";
const V = "memref<8xf32>";

/** The state of one program being built: its lines, a fresh-name counter and the f32 values nests produced. */
interface GenState {
  readonly lines: string[];
  readonly results: string[];
  next: number;
}

/** Draws choices: `pick(n)` is in [0, n). */
type Pick = (n: number) => number;
type Nest = (s: GenState, pick: Pick) => void;

const fresh = (s: GenState, prefix: string): string => `%${prefix}${s.next++}`;
const oneOf = <T>(pick: Pick, xs: readonly T[]): T => xs[pick(xs.length)] as T;
const FLOAT_OPS = ["arith.addf", "arith.mulf", "arith.maxf", "arith.subf"];

/** `lo <= lb <= ub <= hi`, with zero-trip and one-trip ranges likely. */
function range(pick: Pick, hi: number): [number, number] {
  const lb = pick(3) === 0 ? 0 : pick(hi);
  const kind = pick(4);
  const ub = kind === 0 ? lb : kind === 1 ? Math.min(hi, lb + 1) : lb + pick(hi - lb + 1);
  return [lb, ub];
}

/** An index constant (the prelude has %c0 ... %c8). */
const c = (n: number): string => `%c${n}`;

/** A 2-D scf.for nest over A's dims, storing a function of A into B (transposed) or back into A. */
const scfForNest: Nest = (s, pick) => {
  const [lbi, ubi] = range(pick, 4);
  const [lbj, ubj] = range(pick, 6);
  const useN = pick(3) === 0;
  const i = fresh(s, "i");
  const j = fresh(s, "j");
  const v = fresh(s, "v");
  const w = fresh(s, "w");
  const op = oneOf(pick, FLOAT_OPS);
  const [mem, idx, type] = pick(2) === 0 ? ["%B", `${j}, ${i}`, B] : ["%A", `${i}, ${j}`, A];
  s.lines.push(
    `  scf.for ${i} = ${c(lbi)} to ${useN ? "%n" : c(ubi)} step ${c(1 + pick(3))} {`,
    `    scf.for ${j} = ${c(lbj)} to ${c(ubj)} step ${c(1 + pick(2))} {`,
    `      ${v} = memref.load %A[${i}, ${j}] : ${A}`,
    `      ${w} = ${op} ${v}, %s : f32`,
    `      memref.store ${w}, ${mem}[${idx}] : ${type}`,
    "    }",
    "  }",
  );
};

/** scf.for with an f32 iter_arg summing V (maybe through an scf.if), and one passed through unchanged. */
const scfForReduce: Nest = (s, pick) => {
  const [lb, ub] = range(pick, 8);
  const i = fresh(s, "i");
  const r = fresh(s, "r");
  const a = fresh(s, "a");
  const b = fresh(s, "b");
  const v = fresh(s, "v");
  const t = fresh(s, "t");
  const cond = fresh(s, "cond");
  const guard = pick(3);
  s.lines.push(`  ${r}:2 = scf.for ${i} = ${c(lb)} to ${c(ub)} step ${c(1 + pick(3))} iter_args(${a} = %s, ${b} = %s) -> (f32, f32) {`);
  s.lines.push(`    ${v} = memref.load %V[${i}] : ${V}`);
  if (guard === 0) {
    s.lines.push(`    ${t} = arith.addf ${a}, ${v} : f32`, `    scf.yield ${t}, ${b} : f32, f32`);
  } else {
    const pred = oneOf(pick, ["slt", "eq", "sge"]);
    const cst = guard === 1 ? oneOf(pick, ["%true", "%false"]) : undefined;
    if (cst === undefined) s.lines.push(`    ${cond} = arith.cmpi ${pred}, ${i}, ${c(pick(4))} : index`);
    const u = fresh(s, "u");
    s.lines.push(
      `    ${t} = scf.if ${cst ?? cond} -> (f32) {`,
      `      ${u} = arith.addf ${a}, ${v} : f32`,
      `      scf.yield ${u} : f32`,
      "    } else {",
      `      scf.yield ${pick(2) === 0 ? a : v} : f32`,
      "    }",
      `    scf.yield ${t}, ${b} : f32, f32`,
    );
  }
  s.lines.push("  }");
  s.results.push(`${r}#0`, `${r}#1`);
};

/** An affine.for nest with subscripts composed from affine.apply (so the load/store compositions fire). */
const affineForNest: Nest = (s, pick) => {
  const [lbi, ubi] = range(pick, 4);
  const i = fresh(s, "i");
  const j = fresh(s, "j");
  const k = fresh(s, "k");
  const v = fresh(s, "v");
  const w = fresh(s, "w");
  const shift = pick(3);
  const ubj = pick(2) === 0 ? "min affine_map<()[s0] -> (s0, 6)>()[%n]" : String(1 + pick(6));
  s.lines.push(
    `  affine.for ${i} = ${lbi} to ${ubi} step ${1 + pick(2)} {`,
    `    affine.for ${j} = max affine_map<(d0) -> (0, d0 - 1)>(${i}) to ${ubj} {`,
    `      ${k} = affine.apply affine_map<(d0) -> (d0 + ${shift})>(${j})`,
    `      ${v} = affine.load %A[${i}, ${k} - ${shift}] : ${A}`,
    `      ${w} = ${oneOf(pick, FLOAT_OPS)} ${v}, %s : f32`,
  );
  if (pick(2) === 0) s.lines.push(`      affine.prefetch %A[${i}, ${k} - ${shift}], ${oneOf(pick, ["read", "write"])}, locality<${pick(4)}>, data : ${A}`);
  s.lines.push(`      affine.store ${w}, %B[${k} - ${shift}, ${i}] : ${B}`);
  // A guard with an empty else (SimplifyDeadElse) or a storing one.
  if (pick(2) === 0) {
    s.lines.push(`      affine.if affine_set<(d0, d1) : (d0 - d1 >= 0)>(${i}, ${j}) {`, `        affine.store %s, %A[${i}, ${j}] : ${A}`, "      } else {");
    if (pick(3) === 0) s.lines.push(`        affine.store %s, %B[${j}, ${i}] : ${B}`);
    s.lines.push("      }");
  }
  s.lines.push("    }", "  }");
};

/** affine.parallel over A reducing with a random kind (zero-trip bands give the identity). */
const affineParallelReduce: Nest = (s, pick) => {
  const [lbi, ubi] = range(pick, 4);
  const [lbj, ubj] = range(pick, 6);
  const i = fresh(s, "i");
  const j = fresh(s, "j");
  const r = fresh(s, "r");
  const v = fresh(s, "v");
  const kind = oneOf(pick, ["addf", "mulf", "maxf", "minf"]);
  const q = fresh(s, "q");
  const shift = pick(4);
  const ub = pick(3) === 0 ? `min(%n, ${ubi})` : String(ubi);
  const lbExpr = pick(3) === 0 ? `${lbi} + symbol(%z)` : String(lbi);
  s.lines.push(
    `  ${r} = affine.parallel (${i}, ${j}) = (${lbExpr}, ${lbj}) to (${ub}, ${ubj}) reduce ("${kind}") -> (f32) {`,
    `    ${q} = affine.apply affine_map<(d0) -> (d0 + ${shift})>(${j})`,
    `    ${v} = affine.load %A[${i}, ${q} - ${shift}] : ${A}`,
    `    affine.yield ${v} : f32`,
    "  }",
  );
  s.results.push(r);
};

/** affine.parallel writing V elementwise, and affine.if guards with an empty or a storing else. */
const affineParallelIf: Nest = (s, pick) => {
  const [lb, ub] = range(pick, 8);
  const i = fresh(s, "i");
  const v = fresh(s, "v");
  const w = fresh(s, "w");
  const bound = pick(4);
  const p = fresh(s, "p");
  s.lines.push(
    `  affine.parallel (${i}) = (${lb}) to (${ub}) step (${1 + pick(2)}) {`,
    `    ${v} = affine.load %V[${i}] : ${V}`,
    `    ${w} = ${oneOf(pick, FLOAT_OPS)} ${v}, %s : f32`,
    `    ${p} = affine.apply affine_map<(d0) -> (d0 + 1)>(${i})`,
    `    affine.prefetch %V[${p} - 1], read, locality<${pick(4)}>, data : ${V}`,
    `    affine.if affine_set<(d0)[s0] : (d0 - s0 >= 0, ${bound} - d0 >= 0)>(${i})[%n] {`,
    `      affine.store ${w}, %V[${p} - 1] : ${V}`,
    "    } else {",
  );
  if (pick(3) === 0) s.lines.push(`      affine.store %s, %V[${i}] : ${V}`);
  s.lines.push("    }", "  }");
};

/** affine.vector_load / vector_store through an applied subscript. */
const affineVector: Nest = (s, pick) => {
  const at = pick(5);
  const k = fresh(s, "k");
  const v = fresh(s, "v");
  const w = fresh(s, "w");
  s.lines.push(
    `  ${k} = affine.apply affine_map<(d0) -> (d0 + ${at})>(%z)`,
    `  ${v} = affine.vector_load %V[${k}] : ${V}, vector<4xf32>`,
    `  ${w} = arith.addf ${v}, ${v} : vector<4xf32>`,
    `  affine.vector_store ${w}, %V[${k} + ${pick(5 - at)}] : ${V}, vector<4xf32>`,
  );
};

/** scf.parallel over V (each iteration its own element) and scf.while counting down over V. */
const scfParallelWhile: Nest = (s, pick) => {
  const [lb, ub] = range(pick, 8);
  const i = fresh(s, "i");
  const v = fresh(s, "v");
  const w = fresh(s, "w");
  // Nested parallel loops over A, writing B (MergeNestedParallelLoops; a one-iteration dimension collapses).
  const [lbi, ubi] = range(pick, 4);
  const [lbj, ubj] = range(pick, 6);
  const pi = fresh(s, "i");
  const pj = fresh(s, "j");
  const pv = fresh(s, "v");
  s.lines.push(
    `  scf.parallel (${pi}) = (${c(lbi)}) to (${c(ubi)}) step (${c(1 + pick(2))}) {`,
    `    scf.parallel (${pj}) = (${c(lbj)}) to (${c(ubj)}) step (${c(1)}) {`,
    `      ${pv} = memref.load %A[${pi}, ${pj}] : ${A}`,
    `      memref.store ${pv}, %B[${pj}, ${pi}] : ${B}`,
    "      scf.yield",
    "    }",
    "    scf.yield",
    "  }",
  );
  s.lines.push(
    `  scf.parallel (${i}) = (${c(lb)}) to (${c(ub)}) step (${c(1 + pick(2))}) {`,
    `    ${v} = memref.load %V[${i}] : ${V}`,
    `    ${w} = ${oneOf(pick, FLOAT_OPS)} ${v}, %s : f32`,
    `    memref.store ${w}, %V[${i}] : ${V}`,
    "    scf.yield",
    "  }",
  );
  const r = fresh(s, "r");
  const k = fresh(s, "k");
  const a = fresh(s, "a");
  const more = fresh(s, "more");
  const k2 = fresh(s, "k");
  const a2 = fresh(s, "a");
  const k3 = fresh(s, "k");
  const x = fresh(s, "x");
  const a3 = fresh(s, "a");
  const a4 = fresh(s, "a");
  const again = fresh(s, "again");
  s.lines.push(
    `  ${r}:2 = scf.while (${k} = ${c(pick(9))}, ${a} = %s) : (index, f32) -> (index, f32) {`,
    `    ${more} = arith.cmpi sgt, ${k}, %c0 : index`,
    `    scf.condition(${more}) ${k}, ${a} : index, f32`,
    "  } do {",
    `  ^bb0(${k2}: index, ${a2}: f32):`,
    `    ${k3} = arith.subi ${k2}, %c1 : index`,
    `    ${x} = memref.load %V[${k3}] : ${V}`,
    `    ${a3} = arith.addf ${a2}, ${x} : f32`,
    // The body repeats the condition's comparison (WhileCmpCond makes it true).
    `    ${again} = arith.cmpi ${oneOf(pick, ["sgt", "sle"])}, ${k2}, %c0 : index`,
    `    ${a4} = arith.select ${again}, ${a3}, ${a2} : f32`,
    `    scf.yield ${k3}, ${a4} : index, f32`,
    "  }",
  );
  s.results.push(`${r}#1`);
};

/** A loop over memory whose body does nothing, and one that only passes its iter_arg through. */
const emptyLoops: Nest = (s, pick) => {
  const r = fresh(s, "r");
  const i = fresh(s, "i");
  const a = fresh(s, "a");
  if (pick(2) === 0) {
    s.lines.push(`  ${r} = affine.for ${i} = 0 to ${pick(3) === 0 ? "%n" : String(pick(4))} iter_args(${a} = %s) -> (f32) {`, `    affine.yield ${a} : f32`, "  }");
  } else {
    s.lines.push(`  ${r} = scf.for ${i} = %c0 to %n step %c1 iter_args(${a} = %s) -> (f32) {`, `    scf.yield ${a} : f32`, "  }");
  }
  s.results.push(r);
};

const NESTS: readonly Nest[] = [scfForNest, scfForReduce, affineForNest, affineParallelReduce, affineParallelIf, affineVector, scfParallelWhile, emptyLoops];

const PRELUDE = [
  ...Array.from({ length: 9 }, (_, i) => `  %c${i} = arith.constant ${i} : index`),
  "  %true = arith.constant true",
  "  %false = arith.constant false",
  // A symbol that is 0 at run time but not a constant: bounds and subscripts stay symbolic.
  "  %z = arith.subi %n, %n : index",
];

/** The program text for a list of choices. */
export function buildLoopMemrefProgram(choices: readonly number[]): string {
  const s: GenState = { lines: [], results: [], next: 0 };
  let k = 0;
  const pick: Pick = (n) => (n <= 1 ? 0 : (choices[k++ % choices.length] ?? 0) % n);
  const count = 1 + pick(3);
  for (let i = 0; i < count; i++) (NESTS[pick(NESTS.length)] as Nest)(s, pick);
  // Everything computed is returned (summed), so a result a rewrite changes is seen.
  let acc = "%s";
  for (const r of s.results) {
    const sum = fresh(s, "sum");
    s.lines.push(`  ${sum} = arith.addf ${acc}, ${r} : f32`);
    acc = sum;
  }
  return [
    `func.func @f(%A: ${A}, %B: ${B}, %V: ${V}, %s: f32, %n: index) -> f32 {`,
    ...PRELUDE,
    ...s.lines,
    `  return ${acc} : f32`,
    "}",
  ].join("\n");
}

/** Small integers and halves (sums stay exact), with a NaN now and then. */
const element = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -8, max: 8 }).map((x) => x / 2) }, { weight: 1, arbitrary: fc.constant(Number.NaN) });
const buffer = (n: number): fc.Arbitrary<number[]> => fc.array(element, { minLength: n, maxLength: n });

/** Random loop-nest programs over memref arguments with random contents. */
export function loopMemrefPrograms(): fc.Arbitrary<ProgramCase> {
  return fc
    .tuple(fc.array(fc.nat({ max: 1000 }), { minLength: 8, maxLength: 64 }), buffer(24), buffer(24), buffer(8), element, fc.nat({ max: 4 }))
    .map(([choices, a, b, v, x, n]) => ({
      text: buildLoopMemrefProgram(choices),
      fn: "f",
      args: [
        memrefOf(MemRefType.get([4, 6], f32), a),
        memrefOf(MemRefType.get([6, 4], f32), b),
        memrefOf(MemRefType.get([8], f32), v),
        floatValue(f32, x),
        intValue(index, n),
      ],
    }));
}
