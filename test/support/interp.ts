/**
 * Helpers of the interpreter tests (test/unit/interp-*.test.ts): parse MLIR text with every dialect and its
 * semantics loaded, run a function, build one-op functions, a seeded random source, and two real references:
 * a C program compiled with clang-14, and mlir-opt-16's constant folder.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isLeft } from "fp-ts/lib/Either.js";
import { newContext } from "../../rewrites/index.ts";
import { renderDiagnostic } from "../../src/diag/diagnostic.ts";
import { type InterpError, type InterpretOptions, type RuntimeValue, interpret, valueOfAttribute } from "../../src/interp/index.ts";
import { defining } from "../../src/ir/defining.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { ConstantOp } from "../../dialects/arith/index.ts";
import { parseSource } from "../../src/text/parser.ts";

export const ctx = newContext();
const permissive = newContext({ allowUnregisteredDialects: true });

/**
 * Parses a module (throws with the rendered diagnostic on a syntax error). `allowUnregistered` accepts
 * attributes and ops of dialects Tensile lacks (mlir-opt's output may carry `#llvm.linkage`, say).
 */
export function parse(text: string, opts: { allowUnregistered?: boolean } = {}): Operation {
  const r = parseSource(text, opts.allowUnregistered === true ? permissive : ctx, { file: "test.mlir" });
  if (isLeft(r)) throw new Error(renderDiagnostic(r.left));
  return r.right;
}

const cache = new Map<string, Operation>();
/** `parse`, memoised on the text (the tests run one function on many inputs). */
export function parsed(text: string): Operation {
  let m = cache.get(text);
  if (m === undefined) cache.set(text, (m = parse(text)));
  return m;
}

/** Interpreter options; the context defaults to `ctx` (every dialect's semantics). */
export type RunOptions = Omit<InterpretOptions, "ctx"> & { readonly ctx?: InterpretOptions["ctx"] };

/** Runs `fn` and returns its results; throws with the rendered error if the run fails. */
export function run(module: Operation | string, fn: string, args: readonly RuntimeValue[], opts: RunOptions = {}): RuntimeValue[] {
  const m = typeof module === "string" ? parsed(module) : module;
  const r = interpret(m, fn, args, { ctx, ...opts });
  if (isLeft(r)) throw new Error(`interpretation failed: ${renderDiagnostic(r.left.diagnostic)}`);
  return r.right;
}

/** Runs `fn` expecting a failure, and returns the error (throws if the run succeeds). */
export function runError(module: Operation | string, fn: string, args: readonly RuntimeValue[], opts: RunOptions = {}): InterpError {
  const m = typeof module === "string" ? parsed(module) : module;
  const r = interpret(m, fn, args, { ctx, ...opts });
  if (!isLeft(r)) throw new Error(`expected the run of @${fn} to fail, but it returned ${r.right.length} values`);
  return r.left;
}

/**
 * A module with `func.func @f(%a: A, %b: B, ...) -> R` whose body is one op: `op("%a, %b")` gives the op's
 * text after `%r = ` (use `%a`, `%b`, `%c` for the arguments).
 */
export function oneOp(argTypes: readonly string[], resultTypes: readonly string[], opText: string): string {
  const names = ["a", "b", "c", "d"];
  const params = argTypes.map((t, i) => `%${names[i]}: ${t}`).join(", ");
  const results = resultTypes.length === 1 ? "%r" : `%r:${resultTypes.length}`;
  const values = resultTypes.length === 1 ? "%r" : resultTypes.map((_, i) => `%r#${i}`).join(", ");
  return `func.func @f(${params}) -> (${resultTypes.join(", ")}) {
  ${results} = ${opText}
  return ${values} : ${resultTypes.join(", ")}
}`;
}

// ---- random --------------------------------------------------------------------------------------------------

/** A small seeded generator (xorshift64*), so failures reproduce. */
export class Random {
  #s: bigint;
  constructor(seed: number) {
    this.#s = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  }
  /** 64 random bits. */
  bits64(): bigint {
    let x = this.#s;
    x ^= x >> 12n;
    x = BigInt.asUintN(64, x ^ (x << 25n));
    x ^= x >> 27n;
    this.#s = x;
    return BigInt.asUintN(64, x * 0x2545f4914f6cdd1dn);
  }
  /** A uniformly random integer in [0, n). */
  below(n: number): number {
    return Number(this.bits64() % BigInt(n));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.below(xs.length)] as T;
  }
  /** A signed n-bit integer, biased toward edge cases (0, +-1, the extremes, small values). */
  int(n: number): bigint {
    const edges = [0n, 1n, -1n, 2n, -2n, -(1n << BigInt(n - 1)), (1n << BigInt(n - 1)) - 1n, -(1n << BigInt(n - 1)) + 1n];
    const r = this.below(10);
    if (r < 3) return BigInt.asIntN(n, this.pick(edges));
    if (r < 5) return BigInt.asIntN(n, BigInt(this.below(33)) - 16n);
    return BigInt.asIntN(n, this.bits64() | (this.bits64() << 64n));
  }
}

// ---- C reference ---------------------------------------------------------------------------------------------

/**
 * Compiles a C program with clang-14 (-O1, -lm, no fast-math) and returns a function that runs it on an input
 * text and returns its standard output. The executable lives in a temporary directory removed at exit.
 */
export function compileC(source: string): (input: string) => string {
  const dir = mkdtempSync(join(tmpdir(), "tensile-interp-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const src = join(dir, "ref.c");
  const exe = join(dir, "ref");
  writeFileSync(src, source);
  const cc = spawnSync("clang-14", ["-O1", "-std=c11", "-ffp-contract=off", "-o", exe, src, "-lm"], { encoding: "utf8" });
  if (cc.error) throw new Error(`clang-14 could not be run (${cc.error.message}); run scripts/setup.sh`);
  if (cc.status !== 0) throw new Error(`clang-14 failed:\n${cc.stderr}`);
  return (input) => {
    const r = spawnSync(exe, [], { input, encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`the C reference failed: ${r.stderr}`);
    return r.stdout;
  };
}

/** Runs mlir-opt-16 with `args` on `input` and returns its output (throws on failure). */
export function mlirOpt(input: string, args: readonly string[]): string {
  const r = spawnSync("mlir-opt-16", [...args, "-"], { input, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`mlir-opt-16 could not be run (${r.error.message}); run scripts/setup.sh`);
  if (r.status !== 0) throw new Error(`mlir-opt-16 failed:\n${r.stderr.slice(0, 4000)}`);
  return r.stdout;
}

// ---- mlir-opt-16's constant folder as a reference ------------------------------------------------------------

export interface FoldCase {
  /** Types of the constant operands (`i32`, `f16`, `vector<2xi8>`...). */
  readonly argTypes: readonly string[];
  /** Their literals as `arith.constant` spells them (`-7`, `true`, `0x7FC00000`, `dense<[1, 2]>`). */
  readonly args: readonly string[];
  readonly resultTypes: readonly string[];
  /** The op's text after `%r = `, on `%a`, `%b`, `%c`. */
  readonly op: string;
}

/**
 * What mlir-opt-16 --canonicalize folds each case to: the result values, or undefined where MLIR does not
 * fold (undefined behaviour, or an op without a folder for those inputs). One mlir-opt run for all cases.
 */
export function foldWithMlir(cases: readonly FoldCase[]): (RuntimeValue[] | undefined)[] {
  const names = ["a", "b", "c", "d"];
  const funcs = cases.map((c, i) => {
    const consts = c.args.map((lit, k) => {
      const t = c.argTypes[k] as string;
      const typed = t === "i1" ? lit : `${lit} : ${t}`;
      return `  %${names[k]} = arith.constant ${typed}`;
    });
    const results = c.resultTypes.length === 1 ? "%r" : `%r:${c.resultTypes.length}`;
    const values = c.resultTypes.length === 1 ? "%r" : c.resultTypes.map((_, k) => `%r#${k}`).join(", ");
    return `func.func @c${i}() -> (${c.resultTypes.join(", ")}) {\n${consts.join("\n")}\n  ${results} = ${c.op}\n  return ${values} : ${c.resultTypes.join(", ")}\n}`;
  });
  const folded = parse(mlirOpt(funcs.join("\n"), ["--canonicalize"]));
  const body = folded.getRegion(0).block;
  const byName = new Map<string, Operation>();
  for (const op of body.ops()) {
    const name = op.attr("sym_name");
    if (name !== undefined && "value" in name && typeof name.value === "string") byName.set(name.value, op);
  }
  return cases.map((_, i) => {
    const fn = byName.get(`c${i}`);
    const ret = fn?.getRegion(0).entry?.last;
    if (ret === undefined) throw new Error(`mlir-opt output lacks @c${i}`);
    const values: RuntimeValue[] = [];
    for (const v of ret.operands) {
      const attr = defining(v, ConstantOp)?.value;
      if (attr === undefined) return undefined;
      values.push(valueOfAttribute(attr, v.type));
    }
    return values;
  });
}
