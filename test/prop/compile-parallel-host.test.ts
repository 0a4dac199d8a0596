/**
 * OpenMP end to end on the host: the parallel variant of tensile-lower-to-llvm (linalg's parallel loops as
 * omp.parallel + omp.wsloop, translated to calls of libomp-14) compiles, links libomp, and runs on a team.
 *
 * - The object imports `__kmpc_fork_call` (llvm-objdump-14 shows it undefined); the sequential pipeline's does not.
 * - A loop that records `omp_get_thread_num()` per iteration shows the team: with 2 threads the static schedule
 *   gives iterations 0-3 to thread 0 and 4-7 to thread 1; with 1 thread all are thread 0's.
 * - Random linalg and TOSA programs (the generators of compile-linalg-host) run with 2 threads give the 1-thread
 *   results and the interpreter's, bit for bit (approximated math within 1e-4 relative of the interpreter, as the
 *   sequential test). Bit-exact is what the parallel pipeline guarantees here: convert-linalg-to-parallel-loops
 *   keeps reduction dimensions sequential inside one iteration, so every element is computed by one thread in
 *   the sequential order. The coverage line counts the programs whose lowered code had an omp.wsloop.
 * - scf.parallel reductions (omp.reduction): integer sums are exact on any team; a float sum on 2 threads adds the
 *   two threads' partial sums in either order, so it equals the sequential sum within 1e-5 relative (the data are
 *   positive, so there is no cancellation); a product, which has no atomic form, goes through __kmpc_critical.
 * - An AOT bundle of the parallel pipeline links libomp; its C driver prints the same with OMP_NUM_THREADS 1 and 2.
 * - riscv64 has no libomp: compiling OpenMP code for riscv64-rvv is a located error saying so; an omp op or
 *   clause the translation does not implement is a located error naming it.
 * - The CLI: `tensile run --threads 2` prints what the sequential run prints; a bad --threads is a usage error.
 * - MLIR 16 as the oracle of the omp translation: the same lowered module (omp ops in llvm.func bodies) translated
 *   by mlir-translate-16 (MLIR's OpenMPIRBuilder), compiled by clang-16 and linked with libomp-14, run on 2
 *   threads, gives the same thread ids and the same bits on random linalg programs as Tensile's translation.
 *
 * COMPILE_PARALLEL_RUNS sets the random programs per generator (default 6).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../cli/tensile.ts";
import { buildBundle, writeBundle } from "../../codegen/aot/bundle.ts";
import { alignedArray } from "../../codegen/aligned.ts";
import { compile, firstOpenMPOp, lowerToLLVMDialect, objectFromLLVMDialect, publicFunctions } from "../../codegen/compile.ts";
import { loadHostLibrary } from "../../codegen/host-library.ts";
import { LIBOMP_DIR } from "../../codegen/link.ts";
import { type CInterfaceFunction, cInterface } from "../../codegen/runtime/c-interface.ts";
import { hostTarget } from "../../codegen/target.ts";
import { printOp } from "../../src/text/printer.ts";
import { translateToLLVM } from "../../codegen/translate/module.ts";
import { release, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { getTarget } from "../../codegen/target.ts";
import { withCInterfaces } from "../support/mlir16-native.ts";
import { lowerToLLVMPipeline } from "../../rewrites/pipelines/lower-to-llvm.ts";
import { newContext } from "../../rewrites/index.ts";
import { linalgPrograms } from "../../rewrites/testing/gen-linalg.ts";
import { tosaPrograms } from "../../rewrites/testing/gen-tosa.ts";
import type { ProgramCase } from "../../rewrites/testing/programs.ts";
import { interpret, type ShapedValue } from "../../src/interp/index.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { parseSource } from "../../src/text/parser.ts";
import { elementBits } from "../support/mlir16-run.ts";
import { nativeArg, returnedBits } from "../support/native-args.ts";
import { sameBits } from "../support/same-bits.ts";

const ctx = newContext();
const RUNS = Number(process.env.COMPILE_PARALLEL_RUNS ?? 6);
const APPROXIMATE = /\b(math\.(exp|log|tanh|erf|powf|sin|cos|atan|rsqrt)|tosa\.(exp|log|tanh|sigmoid|pow|erf|reciprocal|rsqrt))\b/;

function parse(text: string): Operation {
  const m = parseSource(text, ctx);
  if (isLeft(m)) throw new Error(m.left.message);
  return m.right;
}

const ELEMENTWISE = `
func.func @scale(%x: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %e = tensor.empty() : tensor<16x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<16x8xf32>) outs(%e : tensor<16x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %y = arith.mulf %a, %a : f32
    linalg.yield %y : f32
  } -> tensor<16x8xf32>
  return %r : tensor<16x8xf32>
}`;

test("the parallel pipeline is a pipeline string: convert-linalg-to-parallel-loops, convert-scf-to-openmp, convert-openmp-to-llvm", () => {
  const text = lowerToLLVMPipeline({ parallel: true });
  assert.match(text, /memref-copy-to-linalg,func\.func\(convert-linalg-to-parallel-loops\),convert-scf-to-openmp,func\.func\(canonicalize\),expand-strided-metadata/);
  assert.match(text, /convert-cf-to-llvm,convert-openmp-to-llvm,reconcile-unrealized-casts$/);
  assert.not.match(lowerToLLVMPipeline(), /openmp|parallel-loops/);
});

test("an object of the parallel pipeline imports __kmpc_fork_call (llvm-objdump-14); the sequential one does not", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-omp-"));
  try {
    const symbols = (parallel: boolean): string => {
      const lowered = lowerToLLVMDialect(parse(ELEMENTWISE), { ctx, parallel });
      if (isLeft(lowered)) throw new Error(lowered.left[0]?.message);
      const object = objectFromLLVMDialect(lowered.right, getTarget("host"));
      if (isLeft(object)) throw new Error(object.left[0]?.message);
      const path = join(dir, `${parallel}.o`);
      writeFileSync(path, object.right);
      const r = spawnSync("llvm-objdump-14", ["-t", path], { encoding: "utf8" });
      assert.is(r.status, 0, r.stderr);
      return r.stdout;
    };
    const parallel = symbols(true);
    assert.match(parallel, /\*UND\*\s+0+\s+__kmpc_fork_call\b/);
    assert.match(parallel, /\*UND\*\s+0+\s+__kmpc_for_static_init_8u\b/);
    assert.match(parallel, /\.omp_par\.0\b/, "the outlined body is a local function");
    assert.not.match(symbols(false), /__kmpc/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const THREAD_IDS = `
func.func private @omp_get_thread_num() -> i32
func.func @tids(%out: memref<8xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    %t = func.call @omp_get_thread_num() : () -> i32
    memref.store %t, %out[%i] : memref<8xi32>
    scf.yield
  }
  return
}`;

test("the loop runs on the team: omp_get_thread_num() per iteration is thread 0's, then thread 1's, with 2 threads", () => {
  const seen: number[][] = [];
  for (const threads of [1, 2, 1]) {
    const lib = compile(parse(THREAD_IDS), { cacheDir: false, ctx, threads });
    if (isLeft(lib)) throw new Error(lib.left.map((d) => d.message).join("\n"));
    try {
      const out = alignedArray(Int32Array, 8).fill(-1);
      lib.right.functions["tids"]!.call({ data: out, shape: [8] });
      seen.push(Array.from(out));
    } finally {
      lib.right.unload();
    }
  }
  assert.equal(seen, [[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0]]);
});

/** Runs `p` compiled with `threads`; the results' bits, or a compile error's message. */
function runCompiled(module: Operation, p: ProgramCase, threads: number, expected: readonly ShapedValue[]): bigint[][] | string {
  const lib = compile(module, { cacheDir: false, ctx, threads });
  if (isLeft(lib)) return lib.left[0]?.message ?? "?";
  try {
    const results = lib.right.functions[p.fn]!.call(...p.args.map(nativeArg)) as ReturnedArray[];
    const bits = expected.map((v, j) => returnedBits(results[j]!, v.elementType));
    for (const r of new Set(results.map((r) => r.allocated))) release(results.find((x) => x.allocated === r)!);
    return bits;
  } finally {
    lib.right.unload();
  }
}

function sweep(label: string, arb: fc.Arbitrary<ProgramCase>, seed: number): void {
  let compared = 0;
  let parallelLoops = 0;
  const failures: string[] = [];
  const notCompiled: string[] = [];
  for (const p of fc.sample(arb, { numRuns: RUNS, seed })) {
    const m = parse(p.text);
    const expected = interpret(m, p.fn, p.args, { ctx });
    if (isLeft(expected) || expected.right.some((v) => v.kind !== "shaped")) continue;
    const want = expected.right as ShapedValue[];
    const lowered = lowerToLLVMDialect(m, { ctx, parallel: true });
    if (isRight(lowered) && firstOpenMPOp(lowered.right) !== undefined) parallelLoops++;
    const one = runCompiled(m, p, 1, want);
    const two = runCompiled(m, p, 2, want);
    if (typeof one === "string" || typeof two === "string") {
      notCompiled.push(`${typeof one === "string" ? one : two}\n${p.text}`);
      continue;
    }
    compared++;
    const relative = APPROXIMATE.test(p.text) ? 1e-4 : 0;
    want.forEach((v, j) => {
      const bits = elementBits(v);
      if (JSON.stringify(one[j]!.map(String)) !== JSON.stringify(two[j]!.map(String))) failures.push(`result ${j}: 2 threads differ from 1 thread\n${p.text}`);
      const i = bits.findIndex((w, i) => !sameBits(w, two[j]![i] ?? -1n, v.elementType, relative));
      if (i >= 0 || two[j]!.length !== bits.length) failures.push(`result ${j}[${i}]: interpreter 0x${bits[i]?.toString(16)}, 2 threads 0x${two[j]![i]?.toString(16)}\n${p.text}`);
    });
  }
  console.log(`    ${label}: ${compared} of ${RUNS} programs compared (1 thread, 2 threads, interpreter); ${parallelLoops} had an omp.wsloop; ${notCompiled.length} did not compile`);
  assert.equal(failures.slice(0, 2), [], `${failures.length} ${label} programs computed something else`);
  assert.ok(compared >= (2 * RUNS) / 3, `only ${compared} of ${RUNS} ${label} programs were compared:\n${notCompiled.slice(0, 2).join("\n")}`);
  assert.ok(parallelLoops >= compared / 2, `only ${parallelLoops} of ${compared} ${label} programs had a parallel loop: the test would not bite`);
}

test("random linalg programs: 2 threads give the 1-thread results and the interpreter's", () => sweep("linalg", linalgPrograms(), 51));
test("random TOSA programs: 2 threads give the 1-thread results and the interpreter's", () => sweep("tosa", tosaPrograms(), 52));

/** scf.parallel with a reduction of `kind` over n elements of a memref. */
function reduction(kind: "addi" | "addf" | "mulf", type: "i64" | "f32" | "f64", n: number): string {
  const zero = type === "i64" ? "0" : kind === "mulf" ? "1.0" : "0.0";
  return `
func.func @reduce(%x: memref<${n}x${type}>) -> ${type} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant ${n} : index
  %init = arith.constant ${zero} : ${type}
  %r = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%init) -> ${type} {
    %v = memref.load %x[%i] : memref<${n}x${type}>
    scf.reduce(%v) : ${type} {
    ^bb0(%a: ${type}, %b: ${type}):
      %s = arith.${kind} %a, %b : ${type}
      scf.reduce.return %s : ${type}
    }
    scf.yield
  }
  return %r : ${type}
}`;
}

test("scf.parallel reductions on 2 threads: integer sums exact, float sums and products within 1e-5 of the sequential result", () => {
  const n = 1000;
  const cases = [
    { kind: "addi", type: "i64", data: () => { const a = alignedArray(BigInt64Array, n); a.forEach((_, i) => (a[i] = BigInt(i * i - 7 * i))); return a; }, expected: () => { let s = 0n; for (let i = 0; i < n; i++) s += BigInt(i * i - 7 * i); return s; } },
    { kind: "addf", type: "f32", data: () => { const a = alignedArray(Float32Array, n); a.forEach((_, i) => (a[i] = Math.fround(1 + Math.sin(i) / 2))); return a; }, expected: (a: Float32Array) => { let s = Math.fround(0); for (const x of a) s = Math.fround(s + x); return s; } },
    { kind: "mulf", type: "f64", data: () => { const a = alignedArray(Float64Array, n); a.forEach((_, i) => (a[i] = 1 + Math.cos(i) / 1000)); return a; }, expected: (a: Float64Array) => { let s = 1; for (const x of a) s *= x; return s; } },
  ] as const;
  for (const c of cases) {
    const data = c.data();
    const want = (c.expected as (a: typeof data) => number | bigint)(data);
    for (const threads of [1, 2]) {
      const lib = compile(parse(reduction(c.kind, c.type, n)), { cacheDir: false, ctx, threads });
      if (isLeft(lib)) throw new Error(lib.left.map((d) => d.message).join("\n"));
      try {
        const [got] = lib.right.functions["reduce"]!.call({ data, shape: [n] }) as (number | bigint)[];
        if (typeof want === "bigint") assert.is(BigInt(got!), want, `${c.kind} on ${threads} threads`);
        else assert.ok(Math.abs((got as number) - want) <= 1e-5 * Math.abs(want), `${c.kind} on ${threads} threads: ${got}, sequentially ${want}`);
      } finally {
        lib.right.unload();
      }
    }
  }
});

test("an AOT bundle of the parallel pipeline links libomp; its driver prints the same on 1 and 2 threads", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-omp-aot-"));
  try {
    const x = alignedArray(Float32Array, 16 * 8).map((_, i) => i / 4 - 3);
    const bundle = writeBundle(parse(ELEMENTWISE), { target: "host", dir, name: "scale", driver: { fn: "scale", args: [{ data: x, shape: [16, 8] }] }, ctx, parallel: true });
    if (isLeft(bundle)) throw new Error(bundle.left.map((d) => d.message).join("\n"));
    assert.ok(bundle.right.openmp);
    const exe = buildBundle(bundle.right);
    const outputs = ["1", "2"].map((n) => {
      const run = spawnSync(exe, { encoding: "utf8", env: { ...process.env, OMP_NUM_THREADS: n } });
      assert.is(run.status, 0, run.stderr);
      return run.stdout;
    });
    assert.is(outputs[1], outputs[0]);
    const lines = outputs[0]!.trim().split("\n");
    assert.is(lines.length, 16 * 8);
    lines.forEach((line, k) => assert.is(line, `r0[${k}] = ${(k / 4 - 3) ** 2}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("tensile run --threads 2 prints the sequential results; --threads 0 is a usage error", () => {
  const dir = mkdtempSync(join(tmpdir(), "tensile-omp-cli-"));
  const cache = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = dir; // compiled code is cached in the temporary directory, not the user's cache
  try {
    const file = join(dir, "scale.mlir");
    writeFileSync(file, ELEMENTWISE);
    const x = JSON.stringify(Array.from({ length: 16 }, (_, i) => Array.from({ length: 8 }, (_, j) => i - j / 2)));
    const run = (...extra: string[]): { status: number; out: string; err: string } => {
      let out = "";
      let err = "";
      const status = main(["run", file, "--fn", "scale", "--quiet", ...extra, "--args", x], { out: (t) => void (out += t), err: (t) => void (err += t) });
      return { status, out, err };
    };
    const sequential = run();
    const parallel = run("--threads", "2");
    assert.is(parallel.status, 0, parallel.err);
    assert.is(parallel.out, sequential.out);
    assert.match(parallel.out, /^r0: \[16x8\] 0 0\.25 1 /);
    const bad = run("--threads", "0");
    assert.is(bad.status, 1);
    assert.match(bad.err, /--threads must be a positive integer, got '0'/);
  } finally {
    if (cache === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = cache;
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * `module` lowered by Tensile's parallel pipeline, then translated by mlir-translate-16, compiled by clang-16 -O3
 * and linked with libomp-14; its functions called on a team of `threads`. Undefined when a tool refuses it (said).
 */
function throughMlir16(module: Operation, threads: number): { functions: Record<string, CInterfaceFunction>; unload(): void } | string {
  const lowered = lowerToLLVMDialect(withCInterfaces(module), { ctx, parallel: true });
  if (isLeft(lowered)) return lowered.left[0]?.message ?? "?";
  const dir = mkdtempSync(join(tmpdir(), "tensile-omp-mlir16-"));
  try {
    writeFileSync(join(dir, "m.mlir"), printOp(lowered.right));
    const tools: [string, string[]][] = [
      ["mlir-translate-16", ["--mlir-to-llvmir", "m.mlir", "-o", "m.ll"]],
      ["clang-16", ["-O3", "-fPIC", "-shared", "-Wno-override-module", "m.ll", "-o", "m.so", `-L${LIBOMP_DIR}`, "-lomp", `-Wl,-rpath,${LIBOMP_DIR}`]],
    ];
    for (const [tool, args] of tools) {
      const r = spawnSync(tool, args, { cwd: dir, encoding: "utf8" });
      if (r.status !== 0) return `${tool}: ${r.stderr.slice(0, 500)}`;
    }
    const library = loadHostLibrary(join(dir, "m.so"), hostTarget());
    const setThreads = library.func("void omp_set_num_threads(int)");
    const functions: Record<string, CInterfaceFunction> = {};
    for (const [name, type] of publicFunctions(module)) {
      const fn = cInterface(library, name, type);
      functions[name] = { prototype: fn.prototype, call: (...args) => (setThreads(threads), fn.call(...args)) };
    }
    return { functions, unload: () => library.unload() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("MLIR 16's translation of the same omp code (mlir-translate-16, clang-16, libomp) agrees with Tensile's on 2 threads", () => {
  const tids = throughMlir16(parse(THREAD_IDS), 2);
  if (typeof tids === "string") throw new Error(tids);
  try {
    const out = alignedArray(Int32Array, 8).fill(-1);
    tids.functions["tids"]!.call({ data: out, shape: [8] });
    assert.equal(Array.from(out), [0, 0, 0, 0, 1, 1, 1, 1]);
  } finally {
    tids.unload();
  }
  let compared = 0;
  for (const p of fc.sample(linalgPrograms(), { numRuns: Math.max(2, RUNS / 2), seed: 53 })) {
    const m = parse(p.text);
    const expected = interpret(m, p.fn, p.args, { ctx });
    if (isLeft(expected) || expected.right.some((v) => v.kind !== "shaped")) continue;
    const want = expected.right as ShapedValue[];
    const ours = runCompiled(m, p, 2, want);
    const mlir16 = throughMlir16(m, 2);
    if (typeof ours === "string" || typeof mlir16 === "string") continue;
    try {
      const results = mlir16.functions[p.fn]!.call(...p.args.map(nativeArg)) as ReturnedArray[];
      want.forEach((v, j) => assert.equal(returnedBits(results[j]!, v.elementType).map(String), ours[j]!.map(String), `result ${j}\n${p.text}`));
      for (const r of new Set(results.map((r) => r.allocated))) release(results.find((x) => x.allocated === r)!);
      compared++;
    } finally {
      mlir16.unload();
    }
  }
  console.log(`    MLIR 16's omp translation: ${compared} random linalg programs give Tensile's bits on 2 threads`);
  assert.ok(compared >= 2, `only ${compared} programs compared`);
});

test("omp ops and clauses the translation does not implement are located errors naming them", () => {
  const body = (inner: string): string => `llvm.func @f(%lb: i64, %ub: i64, %p: !llvm.ptr<i64>) {
  omp.parallel {
${inner}
    omp.terminator
  }
  llvm.return
}`;
  const loop = (clause: string): string => `    omp.wsloop ${clause} for (%i) : i64 = (%lb) to (%ub) step (%lb) {
      llvm.store %i, %p : !llvm.ptr<i64>
      omp.yield
    }`;
  const cases: [string, RegExp][] = [
    [loop("schedule(dynamic)"), /^'omp\.wsloop' op schedule\(dynamic\) is not supported by Tensile's translation to LLVM IR/],
    [loop("schedule(static = %lb : i64)"), /^'omp\.wsloop' op a schedule chunk size is not supported/],
    ["    omp.task {\n      omp.terminator\n    }", /^'omp\.task' op is not supported by Tensile's translation to LLVM IR \(supported: omp\.parallel, omp\.wsloop/],
  ];
  for (const [inner, message] of cases) {
    const m = parseSource(body(inner), ctx, { file: "bad.mlir" });
    if (isLeft(m)) throw new Error(m.left.message);
    const r = translateToLLVM(m.right);
    assert.ok(isLeft(r), inner);
    if (!isLeft(r)) continue;
    assert.match(r.left[0]!.message, message);
    assert.match(JSON.stringify(r.left[0]!.loc), /"file":"bad\.mlir"[\s\S]*"line":3/);
  }
});

test("OpenMP code for riscv64-rvv is a located error: Debian has no riscv64 libomp", () => {
  const lowered = lowerToLLVMDialect(parse(ELEMENTWISE), { ctx, parallel: true });
  if (isLeft(lowered)) throw new Error(lowered.left[0]?.message);
  const r = objectFromLLVMDialect(lowered.right, getTarget("riscv64-rvv"));
  assert.ok(isLeft(r), "compiling omp code for riscv64 should fail");
  if (!isLeft(r)) return;
  assert.match(r.left[0]!.message, /'omp\.parallel' op: OpenMP code cannot be compiled for riscv64-rvv: there is no riscv64 OpenMP runtime \(libomp\)/);
  assert.ok(r.left[0]!.loc !== undefined);
});

test.run();
