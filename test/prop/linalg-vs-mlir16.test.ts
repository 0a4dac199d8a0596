/**
 * Tensile's linalg interpreter (named ops by their fast path, generic, map, reduce, ..., with arith payloads)
 * against MLIR 16 itself: random programs of linalg on tensors (rewrites/testing/gen-linalg.ts) run in the
 * interpreter and, bufferized and lowered to loops and LLVM by mlir-opt-16, by mlir-cpu-runner-16
 * (test/support/mlir16-run.ts). Every element of every result must agree bit for bit (any NaN matches any NaN),
 * except the sign of a zero in programs with arith.maxf/minf: MLIR 16 lowers them to a compare and select
 * (--arith-expand) or to llvm.maxnum/minnum, neither of which orders -0 below +0 as arith documents and the
 * interpreter does. Programs the interpreter calls undefined are not compared. LINALG_MLIR_RUNS sets the number of programs
 * (default 100).
 */
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext } from "../../rewrites/index.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { InterpRegistry, interpret, type ShapedValue } from "../../src/interp/index.ts";
import type { RankedTensorType, Type } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { elementBits, isZeroBits, type Mlir16Case, runWithMlir16, sameBits } from "../support/mlir16-run.ts";

const ctx = newContext();
const RUNS = Number(process.env.LINALG_MLIR_RUNS ?? 100);

interface Compared extends Mlir16Case {
  readonly ours: readonly ShapedValue[];
  readonly opNames: readonly string[];
}


/** Programs the interpreter runs to the end, with what it computed. */
function programs(count: number, seed: number, registry?: InterpRegistry): Compared[] {
  const out: Compared[] = [];
  for (const p of fc.sample(linalgPrograms(), { numRuns: count, seed })) {
    const m = parseSource(p.text, ctx);
    if (isLeft(m)) throw new Error(`generated program does not parse: ${m.left.message}\n${p.text}`);
    const r = interpret(m.right, p.fn, p.args, registry === undefined ? { ctx } : { ctx, registry });
    if (isLeft(r)) continue;
    const ours = r.right.filter((v): v is ShapedValue => v.kind === "shaped");
    if (ours.length !== r.right.length || ours.length === 0) continue;
    const opNames = new Set<string>();
    m.right.walk((op) => void opNames.add(op.name));
    out.push({ text: printOp(m.right, { localScope: true }), fn: p.fn, args: p.args, ours, resultTypes: ours.map((v) => v.type as RankedTensorType), opNames: [...opNames] });
  }
  return out;
}

function disagreements(cases: readonly Compared[]): { ran: number; problems: string[]; excused: number } {
  let excused = 0;
  const run = runWithMlir16(cases);
  if (run.failure !== undefined) return { ran: 0, problems: [run.failure], excused };
  const problems: string[] = [];
  let ran = 0;
  cases.forEach((c, k) => {
    const got = run.results[k];
    if (got === undefined) return void problems.push(`MLIR 16 refused: ${run.refused.get(k) ?? "?"}\n${c.text}`);
    ran++;
    c.ours.forEach((v, j) => {
      const ours = elementBits(v);
      const mlir = got[j] ?? [];
      const e = v.elementType;
      const zeroSigns = c.opNames.includes("arith.maxf") || c.opNames.includes("arith.minf");
      const i = ours.findIndex((a, i) => {
        const b = mlir[i] ?? 0n;
        if (sameBits(a, b, e)) return false;
        if (zeroSigns && isZeroBits(a, e) && isZeroBits(b, e)) return void excused++, false;
        return true;
      });
      if (mlir.length !== ours.length || i >= 0) {
        problems.push(`result ${j}[${i}] is 0x${ours[i]?.toString(16)} here, 0x${mlir[i]?.toString(16)} in MLIR 16\n${c.text}`);
      }
    });
  });
  return { ran, problems, excused };
}

test("random linalg programs on tensors compute what MLIR 16's lowering computes", () => {
  const cases = programs(RUNS, 11);
  const { ran, problems, excused } = disagreements(cases);
  const kinds = new Set(cases.flatMap((c) => c.opNames).filter((n) => n.startsWith("linalg.")));
  console.log(`  compared ${ran} programs with MLIR 16; ${kinds.size} linalg op kinds: ${[...kinds].sort().join(" ")}; ${excused} zeros of another sign excused`);
  assert.equal(problems.slice(0, 3), []);
  assert.ok(ran >= RUNS * 0.7, `only ${ran} of ${RUNS} programs ran in both`);
  for (const name of ["linalg.generic", "linalg.matmul", "linalg.fill", "linalg.reduce", "linalg.map", "linalg.transpose", "linalg.broadcast"]) {
    assert.ok(kinds.has(name), `${name} was never compared`);
  }
});

test("the comparison bites: an interpreter whose arith.addf subtracts disagrees in payloads that add", () => {
  const registry = InterpRegistry.of(ctx);
  const sub = registry.lookup("arith.subf");
  if (sub === undefined) throw new Error("no arith.subf semantics");
  registry.register({ name: "arith.addf", cls: undefined, fn: sub.fn });
  const cases = programs(40, 5, registry).filter((c) => c.opNames.includes("arith.addf"));
  const { ran, problems } = disagreements(cases);
  assert.ok(ran >= 5, `only ${ran} programs with an addf ran`);
  // Not all: an addf may add a zero, or compute what no result shows.
  assert.ok(problems.length >= ran / 4, `only ${problems.length} of ${ran} broken programs were caught`);
});

test.run();
