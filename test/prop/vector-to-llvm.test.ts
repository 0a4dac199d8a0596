/**
 * convert-vector-to-llvm on random vector programs (rewrites/testing/gen-vector.ts, masks and memref transfers included): each program
 * is lowered by Tensile's convert-vector-to-llvm (then convert-arith-to-llvm, where it takes the program: it
 * has no n-D arith yet), must keep no vector op, and what it computes — the lowered module handed to
 * mlir-opt-16 only to finish what Tensile has no pass for yet (func signatures, n-D arith, the casts) and run by mlir-cpu-runner-16 (test/support/mlir16-run.ts) — must equal
 * Tensile's interpreter on the original program, bit for bit. Every pattern must fire in some program
 * (the coverage table is printed). A program the pass refuses must name an op this port does not lower yet
 * (NOT_LOWERED), and most programs must lower. VECTOR_TO_LLVM_RUNS sets the number of programs (default 40).
 * The goldens in test/golden/vector-to-llvm/ check the IR itself against mlir-opt-16.
 */
import { isLeft } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { newContext, newPassRegistry } from "../../rewrites/index.ts";
import { vectorPrograms } from "../../rewrites/testing/gen-vector.ts";
import { allVectorToLLVMPatterns } from "../../rewrites/vector-to-llvm/vector-to-llvm.ts";
import { vectorToSCFPatterns } from "../../rewrites/vector-to-scf/vector-to-scf.ts";
import { interpret, type RuntimeValue } from "../../src/interp/index.ts";
import { f32, i32, index, type Type } from "../../src/ir/types.ts";
import { valueArb } from "../../rewrites/testing/programs.ts";
import { runPipeline } from "../../src/pass/pass-manager.ts";
import { parseSource } from "../../src/text/parser.ts";
import { printOp } from "../../src/text/printer.ts";
import { elementBits, type Mlir16Case, runWithMlir16, sameBits } from "../support/mlir16-run.ts";

const ctx = newContext();
const registry = newPassRegistry();
const RUNS = Number(process.env.VECTOR_TO_LLVM_RUNS ?? 40);

/**
 * Ops the pass does not lower (it fails naming them): transfers of tensors (bufferize first), and what MLIR 16's
 * pass does not lower either (vector.mask around anything but a transfer).
 */
const NOT_LOWERED = /^vector\.(transfer_read|transfer_write|mask|print)$/;

/**
 * Left out: maxf/minf (arith's and the reductions'), which both Tensile and MLIR 16 lower to LLVM's
 * maxnum/minnum and vector.reduce.fmax/fmin — these return the number when the other operand is NaN, where
 * the dialects (and the interpreter) give NaN; and bitcasts to floats, whose NaN payloads LLVM may change.
 */
const LEFT_OUT = /<(maxf|minf)>|arith\.(maxf|minf)|vector\.bitcast/;

/**
 * Ops the random programs rarely reach (fma, insertelement, create_mask of any rank from run-time bounds, integer
 * bitcasts), over scalar inputs, as extra programs: every pattern then fires. Masks are observed through
 * selects (mlir16-run dumps an i1 vector's packed bits, not one byte per lane).
 */
const COVERAGE_PROGRAM = `func.func @f(%x: f32, %y: f32, %n: index, %m: index, %k: i32) -> (vector<4xf32>, vector<2x4xf32>, vector<4xf32>, vector<4xf32>, vector<2x3xf32>, vector<2xi64>) {
  %c4 = arith.constant 4 : index
  %n4 = arith.remsi %n, %c4 : index
  %m4 = arith.remsi %m, %c4 : index
  %a = vector.broadcast %x : f32 to vector<4xf32>
  %b = vector.splat %y : vector<4xf32>
  %i = arith.constant 2 : i32
  %c = vector.insertelement %y, %a[%i : i32] : vector<4xf32>
  %f = vector.fma %a, %b, %c : vector<4xf32>
  %a2 = vector.broadcast %c : vector<4xf32> to vector<2x4xf32>
  %f2 = vector.fma %a2, %a2, %a2 : vector<2x4xf32>
  %mask = vector.create_mask %n4 : vector<4xi1>
  %mask2 = vector.create_mask %m4, %n4 : vector<2x3xi1>
  %ki = vector.broadcast %k : i32 to vector<4xi32>
  %bc = vector.bitcast %ki : vector<4xi32> to vector<2xi64>
  %s1 = arith.select %mask, %f, %c : vector<4xi1>, vector<4xf32>
  %x23 = vector.broadcast %x : f32 to vector<2x3xf32>
  %y23 = vector.broadcast %y : f32 to vector<2x3xf32>
  %s2 = arith.select %mask2, %x23, %y23 : vector<2x3xi1>, vector<2x3xf32>
  return %f, %f2, %c, %s1, %s2, %bc : vector<4xf32>, vector<2x4xf32>, vector<4xf32>, vector<4xf32>, vector<2x3xf32>, vector<2xi64>
}`;

/**
 * The memory patterns the random programs rarely reach (n-D load, store and gather, single-element loads and
 * stores, transfers past the end, every masked op under a run-time mask), on a buffer read back whole.
 */
const MEMORY_PROGRAM = `func.func @g(%x: f32, %y: f32, %n: index) -> (vector<8xf32>, vector<2x4xf32>, vector<1xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c5 = arith.constant 5 : index
  %c8 = arith.constant 8 : index
  %n8 = arith.remui %n, %c8 : index
  %buf = memref.alloc() : memref<3x8xf32>
  %a = vector.broadcast %x : f32 to vector<3x8xf32>
  %a2 = vector.insert %y, %a [1, 5] : f32 into vector<3x8xf32>
  vector.store %a2, %buf[%c0, %c0] : memref<3x8xf32>, vector<3x8xf32>
  %l = vector.load %buf[%c1, %c2] : memref<3x8xf32>, vector<2x4xf32>
  %iv = arith.constant dense<[[0, 5, 3, 1], [2, 6, 4, 0]]> : vector<2x4xi32>
  %mask2 = arith.constant dense<[[true, true, false, true], [true, false, true, true]]> : vector<2x4xi1>
  %pt2 = vector.broadcast %y : f32 to vector<2x4xf32>
  %g = vector.gather %buf[%c0, %c1] [%iv], %mask2, %pt2 : memref<3x8xf32>, vector<2x4xi32>, vector<2x4xi1>, vector<2x4xf32> into vector<2x4xf32>
  %one = vector.load %buf[%c1, %c5] : memref<3x8xf32>, vector<1xf32>
  vector.store %one, %buf[%c2, %c0] : memref<3x8xf32>, vector<1xf32>
  %t = vector.transfer_read %buf[%c2, %n8], %x : memref<3x8xf32>, vector<4xf32>
  vector.transfer_write %t, %buf[%c0, %n8] : vector<4xf32>, memref<3x8xf32>
  %m = vector.create_mask %n8 : vector<4xi1>
  %pt = vector.broadcast %x : f32 to vector<4xf32>
  %ml = vector.maskedload %buf[%c1, %c2], %m, %pt : memref<3x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  %el = vector.expandload %buf[%c1, %c1], %m, %pt : memref<3x8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  %v = vector.broadcast %y : f32 to vector<4xf32>
  %v1 = vector.insert %x, %v [2] : f32 into vector<4xf32>
  vector.maskedstore %buf[%c0, %c2], %m, %v1 : memref<3x8xf32>, vector<4xi1>, vector<4xf32>
  vector.compressstore %buf[%c1, %c0], %m, %v1 : memref<3x8xf32>, vector<4xi1>, vector<4xf32>
  %iv1 = arith.constant dense<[7, 0, 5, 3]> : vector<4xi32>
  vector.scatter %buf[%c0, %c0] [%iv1], %m, %v1 : memref<3x8xf32>, vector<4xi32>, vector<4xi1>, vector<4xf32>
  %ext = vector.broadcast %x : f32 to vector<2x4xf32>
  vector.transfer_write %ext, %buf[%c0, %c2] {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<2x4xf32>, memref<3x8xf32>
  %b0 = vector.load %buf[%c0, %c0] : memref<3x8xf32>, vector<8xf32>
  %lf = vector.shape_cast %l : vector<2x4xf32> to vector<8xf32>
  %b1 = vector.load %buf[%c1, %c0] : memref<3x8xf32>, vector<8xf32>
  %b2 = vector.load %buf[%c2, %c0] : memref<3x8xf32>, vector<8xf32>
  return %lf, %g, %one, %t, %ml, %el, %b0, %b1, %b2 : vector<8xf32>, vector<2x4xf32>, vector<1xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>
}`;

function coveragePrograms(): fc.Arbitrary<{ text: string; fn: string; args: RuntimeValue[] }> {
  return fc.tuple(valueArb(f32), valueArb(f32), valueArb(index), valueArb(index), valueArb(i32)).map((args) => ({ text: COVERAGE_PROGRAM, fn: "f", args }));
}

function memoryPrograms(): fc.Arbitrary<{ text: string; fn: string; args: RuntimeValue[] }> {
  return fc.tuple(valueArb(f32), valueArb(f32), valueArb(index)).map((args) => ({ text: MEMORY_PROGRAM, fn: "g", args }));
}

interface Lowered extends Mlir16Case {
  readonly ours: readonly RuntimeValue[];
}

const elementType = (v: RuntimeValue): Type => (v.kind === "shaped" ? v.elementType : v.type);

test("vector programs lowered by Tensile to the llvm dialect compute what the interpreter computes", () => {
  // Left out of the table: vector.print (MLIR 16's run here has no print runtime) and vector.type_cast (the
  // interpreter has no memrefs of vectors); their goldens check the IR against mlir-opt-16.
  const untested = new Set(["vector.print-to-llvm", "vector.type_cast-to-llvm"]);
  const patterns = [...allVectorToLLVMPatterns, ...vectorToSCFPatterns({ targetRank: 1, lowerTensors: false })].filter((p) => !untested.has(p.name));
  const fired = new Map<string, number>(patterns.map((p) => [p.name, 0]));
  const listener = { notifyPatternApplied: (name: string) => void (fired.has(name) && fired.set(name, (fired.get(name) ?? 0) + 1)) };
  const cases: Lowered[] = [];
  const refused = new Map<string, number>();
  let programs = 0;
  let arithLowered = 0;
  const samples = [
    ...fc.sample(vectorPrograms({ maxSteps: 4, memrefTransfers: true }), { numRuns: RUNS, seed: 8 }),
    ...fc.sample(coveragePrograms(), { numRuns: 3, seed: 8 }),
    ...fc.sample(memoryPrograms(), { numRuns: 3, seed: 8 }),
  ];
  for (const p of samples) {
    const original = parseSource(p.text, ctx);
    if (isLeft(original)) throw new Error(`generated program does not parse: ${original.left.message}\n${p.text}`);
    if (LEFT_OUT.test(p.text) && p.text !== COVERAGE_PROGRAM && p.text !== MEMORY_PROGRAM) continue;
    const expected = interpret(original.right, p.fn, p.args, { ctx });
    if (isLeft(expected) || expected.right.some((v) => v.kind !== "shaped" && v.kind !== "int" && v.kind !== "float")) continue;
    programs++;
    const module = original.right;
    const r = runPipeline(module, "builtin.module(convert-vector-to-scf,convert-scf-to-cf,convert-vector-to-llvm)", { ctx, registry, rewriteListener: listener });
    if (isLeft(r)) {
      const message = r.left.emitted.map((d) => d.message).join("\n");
      const op = /failed to legalize operation '([^']+)'/.exec(message)?.[1];
      assert.ok(op !== undefined && NOT_LOWERED.test(op), `convert-vector-to-llvm failed on an op it should lower:\n${message}\n${p.text}`);
      refused.set(op as string, (refused.get(op as string) ?? 0) + 1);
      continue;
    }
    // Tensile's convert-arith-to-llvm lowers scalars and 1-D vectors only: where it refuses (n-D arith), the IR
    // is left as it was and mlir-opt-16 lowers the arith.
    if (!isLeft(runPipeline(module, "builtin.module(convert-arith-to-llvm)", { ctx, registry }))) arithLowered++;
    const text = printOp(module, { localScope: true });
    const left = /(?<![.\w])(vector\.[a-z_]+)/.exec(text);
    assert.is(left, null, `${left?.[1]} survived the conversion:\n${text}`);
    cases.push({ text, fn: p.fn, args: p.args, ours: expected.right, resultTypes: expected.right.map((v) => v.type) });
  }
  const run = runWithMlir16(cases);
  assert.is(run.failure, undefined, run.failure);
  assert.is(run.refused.size, 0, [...run.refused.values()].join("\n"));
  const problems: string[] = [];
  let ran = 0;
  cases.forEach((c, k) => {
    const got = run.results[k];
    if (got === undefined) return;
    ran++;
    c.ours.forEach((v, j) => {
      const ours = elementBits(v);
      const mlir = got[j] ?? [];
      const i = ours.findIndex((a, i) => !sameBits(a, mlir[i] ?? 0n, elementType(v)));
      if (mlir.length !== ours.length || i >= 0) problems.push(`result ${j}[${i}] is 0x${ours[i]?.toString(16)} in the interpreter, 0x${mlir[i]?.toString(16)} lowered\n${c.text}`);
    });
  });
  console.log(`  lowered ${cases.length} of ${programs} programs (${arithLowered} with arith too) and ran ${ran}; not lowered yet: ${[...refused].map(([op, n]) => `${op} x${n}`).join(", ")}`);
  console.log(`  patterns fired (programs x applications): ${[...fired].map(([n, k]) => `${n} ${k}`).join(", ")}`);
  assert.equal(problems.slice(0, 2), []);
  assert.ok(ran === cases.length, `only ${ran} of ${cases.length} lowered programs ran`);
  assert.ok(cases.length * 3 >= programs, `only ${cases.length} of ${programs} programs lowered`);
  const never = [...fired].filter(([, k]) => k === 0).map(([n]) => n);
  assert.equal(never, [], `patterns that never fired: ${never.join(", ")}`);
});

test.run();
