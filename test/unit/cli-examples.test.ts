/**
 * The examples a newcomer tries first (examples/*.mlir), as they would try them:
 *   - `tensile compile examples/*.mlir --target host` and `--target riscv64-rvv`, run through a shell in a copy
 *     of the examples, write one object per example (checked with llvm-objdump-14: every public function's C
 *     entry point; RVV instructions in the riscv64 objects);
 *   - every `npx tensile run ...` command in the examples' header comments, run by the CLI's `main`, prints
 *     what Tensile's interpreter computes for the same arguments — and every public function has one;
 *   - the same calls as AOT bundles (`tensile compile --bundle DIR --fn f --args ...`): riscv64-rvv linked
 *     statically and run under qemu-riscv64 (VLEN 128), and, for functions returning memrefs, x86_64-avx2
 *     built with clang-14 and run under valgrind --leak-check=full: the driver prints the interpreter's
 *     results and frees every returned memref (the ownership rule), with no leak and no memory error.
 * Floats are compared within 1e-5 relative (1e-6 absolute near zero): exp and tanh are polynomial
 * approximations in compiled code (docs/MATH-APPROXIMATIONS.md) and correctly rounded in the interpreter.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildBundle } from "../../codegen/aot/bundle.ts";
import { publicFunctions } from "../../codegen/compile.ts";
import { runQemu } from "../../codegen/link.ts";
import { getTarget } from "../../codegen/target.ts";
import { main } from "../../cli/tensile.ts";
import { newContext } from "../../rewrites/index.ts";
import { interpret, type RuntimeValue, floatValue, intValue, shapedValue } from "../../src/interp/index.ts";
import { floatNumber } from "../../src/interp/values.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, FunctionType, IndexType, IntegerType, RankedTensorType, type Type } from "../../src/ir/types.ts";
import { parseSource } from "../../src/text/parser.ts";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "cli/tensile.js");
const work = mkdtempSync(join(tmpdir(), "tensile-examples-"));
test.after(() => rmSync(work, { recursive: true, force: true }));
mkdirSync(join(work, "examples"));
const names = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".mlir")).sort();
for (const n of names) cpSync(join(root, "examples", n), join(work, "examples", n));

const ctx = newContext();

/** The words of a shell command line (single quotes, and backslash-newline continuations). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2]!);
  return words;
}

/** The `npx tensile ...` commands in a file's leading comment block, as argument lists (after `npx tensile`). */
function headerCommands(text: string): string[][] {
  const header: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("//")) break;
    header.push(line.replace(/^\/\/ ?/, ""));
  }
  const joined = header.join("\n").replace(/\\\n\s*/g, " ");
  return joined
    .split("\n")
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter((l) => l.startsWith("npx tensile "))
    .map((l) => shellWords(l).slice(2));
}

interface Example {
  readonly file: string;
  readonly module: Operation;
  readonly commands: string[][];
}

const examples: Example[] = names.map((n) => {
  const file = `examples/${n}`;
  const text = readFileSync(join(root, file), "utf8");
  const parsed = parseSource(text, ctx, { file });
  if (isLeft(parsed)) throw new Error(parsed.left.message);
  return { file, module: parsed.right, commands: headerCommands(text) };
});

/** A function's parameter and result types as written (tensors, not the memrefs of its C interface). */
function sourceType(module: Operation, fn: string): FunctionType {
  for (const op of module.regions[0]!.blocks[0]!.ops()) {
    const name = op.attr("sym_name") as { value?: unknown } | undefined;
    const type = (op.attr("function_type") as { value?: unknown } | undefined)?.value;
    if (op.name === "func.func" && name?.value === fn && type instanceof FunctionType) return type;
  }
  throw new Error(`no @${fn}`);
}

/** A command-line value as the interpreter's argument of type `t` (f32 values rounded as the CLI stores them). */
function interpArg(text: string, t: Type): RuntimeValue {
  const scalar = (et: Type, v: number | boolean): RuntimeValue => {
    if (et instanceof FloatType) return floatValue(et, et.name === "f32" ? Math.fround(Number(v)) : Number(v));
    if (et instanceof IntegerType || et instanceof IndexType) return intValue(et, BigInt(typeof v === "boolean" ? Number(v) : v));
    throw new Error(`no value of ${String(et)}`);
  };
  if (!(t instanceof RankedTensorType)) return scalar(t, JSON.parse(text) as number);
  const json = JSON.parse(text) as unknown;
  const shape: number[] = [];
  for (let level = json; Array.isArray(level); level = level[0]) shape.push(level.length);
  const flat = (Array.isArray(json) ? json.flat(Infinity) : [json]) as number[];
  const elements = flat.map((v) => {
    const s = scalar(t.elementType, v);
    return s.kind === "int" ? s.value : (s as { value: number }).value;
  });
  return shapedValue(t, elements, shape);
}

/** The interpreter's results as [shape, elements] (a scalar has shape []). */
function expected(ex: Example, fn: string, texts: readonly string[]): { shape: number[]; values: number[] }[] {
  const type = sourceType(ex.module, fn);
  const r = interpret(ex.module, fn, type.inputs.map((t, i) => interpArg(texts[i]!, t)), { ctx });
  if (isLeft(r)) throw new Error(`${ex.file} @${fn}: the interpreter failed: ${r.left.message}`);
  return r.right.map((v) => {
    if (v.kind === "shaped") return { shape: [...v.shape], values: v.elements.toArray().map((e) => (typeof e === "bigint" ? Number(e) : floatNumber(e))) };
    if (v.kind === "int") return { shape: [], values: [Number(v.value)] };
    if (v.kind === "float") return { shape: [], values: [floatNumber(v.value)] };
    throw new Error(`unexpected ${v.kind} result`);
  });
}

function close(got: number, want: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  return got === want || Math.abs(got - want) <= Math.max(1e-6, 1e-5 * Math.abs(want));
}

function assertClose(got: readonly number[], want: readonly number[], what: string): void {
  assert.is(got.length, want.length, `${what}: ${got.length} values, expected ${want.length}`);
  got.forEach((g, k) => assert.ok(close(g, want[k]!), `${what}: element ${k} is ${g}, the interpreter says ${want[k]}`));
}

/** Runs the CLI's main in this process, capturing what it writes. */
function runMain(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const runCommands = examples.flatMap((ex) =>
  ex.commands.filter((c) => c[0] === "run").map((c) => {
    const fnAt = c.indexOf("--fn");
    const argsAt = c.indexOf("--args");
    return { ex, argv: c, fn: c[fnAt + 1]!, args: argsAt < 0 ? [] : c.slice(argsAt + 1) };
  }),
);

test("every example says how to compile it for host and riscv64-rvv, and how to run each of its functions", () => {
  assert.ok(examples.length >= 6, `only ${examples.length} examples`);
  for (const ex of examples) {
    const compiles = ex.commands.filter((c) => c[0] === "compile").map((c) => c.join(" "));
    assert.ok(compiles.some((c) => c.includes(`${ex.file} --target host`)), `${ex.file}: no host compile command`);
    assert.ok(compiles.some((c) => c.includes(`${ex.file} --target riscv64-rvv`)), `${ex.file}: no riscv64-rvv compile command`);
    for (const fn of publicFunctions(ex.module).keys()) {
      assert.ok(runCommands.some((r) => r.ex === ex && r.fn === fn), `${ex.file}: no run command for @${fn}`);
    }
  }
});

test("tensile compile examples/*.mlir --target host: one object per example, every function's C entry point", () => {
  const r = spawnSync(`node ${cli} compile examples/*.mlir --target host`, { shell: "/bin/sh", cwd: work, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  for (const [i, ex] of examples.entries()) {
    assert.match(r.stderr, `tensile: [${i + 1}/${examples.length}] ${ex.file}: wrote ${ex.file.replace(/\.mlir$/, ".o")}`);
    const symbols = spawnSync("llvm-objdump-14", ["-t", join(work, ex.file.replace(/\.mlir$/, ".o"))], { encoding: "utf8" }).stdout;
    for (const fn of publicFunctions(ex.module).keys()) assert.match(symbols, new RegExp(`\\b_mlir_ciface_${fn}\\b`), `${ex.file}: no _mlir_ciface_${fn}`);
  }
});

test("tensile compile examples/*.mlir --target riscv64-rvv: riscv64 objects with RVV code", () => {
  const r = spawnSync(`node ${cli} compile examples/*.mlir --target riscv64-rvv --quiet`, { shell: "/bin/sh", cwd: work, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  let all = "";
  for (const ex of examples) {
    const d = spawnSync("llvm-objdump-14", ["-d", "--mattr=+v", join(work, ex.file.replace(/\.mlir$/, ".o"))], { encoding: "utf8" }).stdout;
    assert.match(d, "file format elf64-littleriscv", ex.file);
    all += d;
  }
  for (const insn of [/\bvseti?vli\b/, /\bvle32\.v\b/, /\bvse32\.v\b/, /\bvfmul\.v[vf]\b/, /\bvfadd\.vv\b/]) {
    assert.match(all, insn, `no ${String(insn)} in the riscv64 objects`);
  }
});

test("each example's run commands print the interpreter's results (tensile run, compiled for the host)", () => {
  for (const { ex, argv, fn, args } of runCommands) {
    const r = runMain([...argv, "--quiet"]);
    assert.is(r.code, 0, `${argv.join(" ")}: ${r.stderr}`);
    const want = expected(ex, fn, args);
    const lines = r.stdout.trim().split("\n");
    assert.is(lines.length, want.length, `${ex.file} @${fn}: ${r.stdout}`);
    lines.forEach((line, j) => {
      const m = /^r(\d+): (?:\[([\dx]*)\] )?(.*)$/.exec(line);
      assert.ok(m !== null && Number(m[1]) === j, `unexpected line '${line}'`);
      assert.is(m![2] ?? "", want[j]!.shape.join("x"), `${ex.file} @${fn}: r${j}'s shape`);
      assertClose(m![3]!.split(" ").map(Number), want[j]!.values, `${ex.file} @${fn} r${j}`);
    });
  }
});

/** What a bundle's C driver printed, as values per result (`r0[3] = v` and `r1 = v` lines). */
function driverValues(stdout: string): number[][] {
  const out: number[][] = [];
  for (const line of stdout.trim().split("\n")) {
    const m = /^r(\d+)(?:\[\d+\])? = (\S+)$/.exec(line);
    if (m === null) throw new Error(`unexpected driver line '${line}'`);
    (out[Number(m[1])] ??= []).push(/nan/i.test(m[2]!) ? NaN : m[2] === "inf" ? Infinity : m[2] === "-inf" ? -Infinity : Number(m[2]));
  }
  return out;
}

test("the same calls as AOT bundles: riscv64-rvv under qemu, x86_64-avx2 under valgrind (no leaks)", () => {
  let ran = 0;
  for (const [k, { ex, fn, args }] of runCommands.entries()) {
    const want = expected(ex, fn, args);
    // Scalar-only functions as bundles under valgrind are test/prop/aot-riscv's; here the memref-returning ones.
    const returnsMemref = want.some((w) => w.shape.length > 0);
    for (const target of returnsMemref ? (["riscv64-rvv", "x86_64-avx2"] as const) : (["riscv64-rvv"] as const)) {
      const dir = join(work, `bundle-${target}-${k}`);
      const r = runMain(["compile", join(root, ex.file), "--target", target, "--bundle", dir, "--fn", fn, "--args", ...args, "--quiet"]);
      assert.is(r.code, 0, `${ex.file} @${fn} for ${target}: ${r.stderr}`);
      const exe = buildBundle({
        target: getTarget(target),
        object: join(dir, "bundle.o"),
        header: join(dir, "bundle.h"),
        driver: join(dir, "bundle-driver.c"),
        executable: join(dir, "bundle"),
      });
      const run =
        target === "riscv64-rvv"
          ? runQemu(exe, { vlen: 128 })
          : spawnSync("valgrind", ["--quiet", "--leak-check=full", "--errors-for-leak-kinds=all", "--error-exitcode=9", exe], { encoding: "utf8" });
      assert.is(run.status, 0, `${ex.file} @${fn} on ${target}: exit ${run.status}\n${run.stderr}`);
      const got = driverValues(run.stdout);
      assert.is(got.length, want.length, `${ex.file} @${fn} on ${target}: ${run.stdout}`);
      want.forEach((w, j) => assertClose(got[j]!, w.values, `${ex.file} @${fn} r${j} on ${target}`));
      ran++;
    }
  }
  assert.ok(ran > runCommands.length, `${ran} bundles ran`);
});

test.run();
