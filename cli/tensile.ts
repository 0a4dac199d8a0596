/**
 * `tensile`: compile MLIR (TOSA, Linalg on tensors, or anything tensile-lower-to-llvm takes) to native code.
 *
 *   tensile compile model.mlir --target riscv64-rvv -o model.o     # an object (or --emit asm / llvm)
 *   tensile compile model.mlir --target host --bundle out/         # out/bundle.o + out/bundle.h (an AOT bundle)
 *   tensile run model.mlir --fn f --args 1.5 '[[1,2],[3,4]]'       # compile for the host, call, print results
 *
 * Each phase's time goes to stderr as it ends (`--quiet` silences it); errors are located, with a caret, and
 * the exit status is 1. Outputs are written to a temporary file and renamed.
 */
import { readFileSync } from "node:fs";
import { isLeft } from "fp-ts/lib/Either.js";
import { writeBundle } from "../codegen/aot/bundle.ts";
import { alignedArray } from "../codegen/aligned.ts";
import { compile, lowerToLLVMDialect, publicFunctions, translateForTarget } from "../codegen/compile.ts";
import { emit, optimize } from "../codegen/emit.ts";
import { writeFileAtomic } from "../codegen/files.ts";
import { type Arg, arrayTypeOf, release, type ReturnedArray } from "../codegen/runtime/c-interface.ts";
import { getTarget, isTargetName, TARGET_NAMES } from "../codegen/target.ts";
import { newContext } from "../rewrites/index.ts";
import { type Diagnostic, renderDiagnostic, SourceManager } from "../src/diag/diagnostic.ts";
import { FloatType, IndexType, IntegerType, MemRefType, type Type } from "../src/ir/types.ts";
import { verify } from "../src/irdl/verifier.ts";
import { parseSource } from "../src/text/parser.ts";
import { printType } from "../src/text/printer.ts";

export const usage = `USAGE:
  tensile compile <file.mlir> [--target ${TARGET_NAMES.join("|")}] [-o out.o] [--emit obj|asm|llvm] [--bundle DIR] [-O0..-O3]
  tensile run <file.mlir> --fn <name> [--args <value>...]
      scalars as numbers (true/false for i1); memrefs and tensors as JSON arrays of their static shape
  --quiet   no progress on stderr
`;

interface Flags {
  readonly positional: string[];
  readonly values: Map<string, string[]>;
}

function parseFlags(argv: readonly string[]): Flags {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  let current: string | undefined;
  for (const a of argv) {
    if (a.startsWith("-") && !/^-?\d/.test(a) && a !== "-") {
      const [name, value] = a.replace(/^--?/, "").split("=", 2) as [string, string | undefined];
      current = name;
      values.set(name, value === undefined ? [] : [value]);
      if (value !== undefined || ["quiet", "O0", "O1", "O2", "O3"].includes(name)) current = undefined;
    } else if (current !== undefined) {
      values.get(current)!.push(a);
      if (current !== "args") current = undefined;
    } else positional.push(a);
  }
  return { positional, values };
}

const one = (f: Flags, name: string): string | undefined => f.values.get(name)?.[0];

/** A value from the command line for a parameter of type `t`. */
function argFor(text: string, t: Type, index: number): Arg {
  if (t instanceof MemRefType) {
    if (t.shape.some((d) => d < 0)) throw new Error(`argument #${index}: ${printType(t)} has a dynamic size; only static shapes can be given on the command line`);
    const flat = (JSON.parse(text) as unknown[]).flat(Infinity) as (number | boolean)[];
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (flat.length !== n) throw new Error(`argument #${index}: ${printType(t)} needs ${n} values, got ${flat.length}`);
    const Array_ = arrayTypeOf(t.elementType);
    const data = alignedArray(Array_ as never, n) as unknown as { [i: number]: number | bigint };
    flat.forEach((v, i) => (data[i] = Array_ === BigInt64Array || Array_ === BigUint64Array ? BigInt(v as number) : Number(v)));
    return { data: data as never, shape: [...t.shape] };
  }
  if (t instanceof IntegerType && t.width === 1) return text === "true" || text === "1";
  if (t instanceof IndexType || (t instanceof IntegerType && t.width === 64)) return BigInt(text);
  if (t instanceof IntegerType) return Number(BigInt.asIntN(t.width, BigInt(text)));
  if (t instanceof FloatType) return Number(text);
  throw new Error(`argument #${index}: no command-line form for ${printType(t)}`);
}

function printResult(r: unknown, j: number): string {
  if (typeof r === "object" && r !== null && "shape" in r) {
    const a = r as ReturnedArray;
    const n = a.shape.reduce((x, y) => x * y, 1);
    const values: string[] = [];
    for (let k = 0; k < n; k++) {
      let rest = k;
      let at = a.offset;
      for (let d = a.shape.length - 1; d >= 0; d--) {
        at += (rest % a.shape[d]!) * a.strides[d]!;
        rest = Math.floor(rest / a.shape[d]!);
      }
      values.push(String((a.data as unknown as ArrayLike<number | bigint>)[at]));
    }
    return `r${j}: [${a.shape.join("x")}] ${values.join(" ")}`;
  }
  return `r${j}: ${String(r)}`;
}

export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || argv.includes("--help")) {
    process.stdout.write(usage);
    return command === undefined ? 1 : 0;
  }
  const flags = parseFlags(rest);
  const quiet = flags.values.has("quiet");
  const file = flags.positional[0];
  if (file === undefined) {
    process.stderr.write(`tensile ${command}: no input file\n${usage}`);
    return 1;
  }
  let started = performance.now();
  const progress = (phase: string): void => {
    if (!quiet) process.stderr.write(`tensile: ${phase} (${(performance.now() - started).toFixed(0)} ms)\n`);
    started = performance.now();
  };
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    process.stderr.write(`tensile: cannot read '${file}': ${(e as Error).message}\n`);
    return 1;
  }
  const sources = new SourceManager();
  const name = file === "-" ? "<stdin>" : file;
  sources.add(name, text);
  const report = (ds: readonly Diagnostic[]): number => {
    process.stderr.write(`${ds.map((d) => renderDiagnostic(d, sources)).join("\n")}\n`);
    return 1;
  };
  const ctx = newContext();
  const parsed = parseSource(text, ctx, { file: name });
  if (isLeft(parsed)) return report([parsed.left]);
  const verified = verify(parsed.right, { ctx, stopAtFirst: true });
  if (isLeft(verified)) return report(verified.left);
  progress("parsed and verified");
  try {
    if (command === "compile") {
      const targetName = one(flags, "target") ?? "host";
      if (!isTargetName(targetName)) throw new Error(`unknown target '${targetName}' (${TARGET_NAMES.join(", ")})`);
      const target = getTarget(targetName);
      const optLevel = (["O0", "O1", "O2", "O3"].find((o) => flags.values.has(o))?.slice(1) ?? "3") as unknown as 0 | 1 | 2 | 3;
      const level = Number(optLevel) as 0 | 1 | 2 | 3;
      const bundleDir = one(flags, "bundle");
      if (bundleDir !== undefined) {
        const b = writeBundle(parsed.right, { target, dir: bundleDir, name: "bundle", optLevel: level, ctx });
        if (isLeft(b)) return report(b.left);
        progress(`wrote ${b.right.object} and ${b.right.header}`);
        return 0;
      }
      const lowered = lowerToLLVMDialect(parsed.right, { ctx });
      if (isLeft(lowered)) return report(lowered.left);
      progress("lowered to the llvm dialect");
      const translated = translateForTarget(lowered.right, target);
      if (isLeft(translated)) return report(translated.left);
      progress("translated to LLVM IR");
      const { module } = translated.right;
      try {
        optimize(module, target, level);
        progress(`optimised (O${level}) for ${target.name}`);
        const kind = one(flags, "emit") ?? "obj";
        const output = one(flags, "o") ?? file.replace(/\.mlir$/, "") + (kind === "asm" ? ".s" : kind === "llvm" ? ".ll" : ".o");
        const bytes = kind === "llvm" ? module.print() : emit(module, target, { kind: kind === "asm" ? "assembly" : "object" });
        writeFileAtomic(output, bytes);
        progress(`wrote ${output}`);
      } finally {
        module.dispose();
      }
      return 0;
    }
    if (command === "run") {
      const fn = one(flags, "fn");
      const signatures = publicFunctions(parsed.right);
      if (fn === undefined || !signatures.has(fn)) throw new Error(`--fn must name a public function (${[...signatures.keys()].join(", ")})`);
      const type = signatures.get(fn)!;
      const texts = flags.values.get("args") ?? [];
      if (texts.length !== type.inputs.length) throw new Error(`@${fn} takes ${type.inputs.length} arguments, got ${texts.length}`);
      const args = type.inputs.map((t, i) => argFor(texts[i]!, t, i));
      const lib = compile(parsed.right, { ctx });
      if (isLeft(lib)) return report(lib.left);
      progress(lib.right.cached ? "loaded from the cache" : "compiled for the host");
      try {
        const results = lib.right.functions[fn]!.call(...args);
        progress("ran");
        results.forEach((r, j) => process.stdout.write(`${printResult(r, j)}\n`));
        for (const r of results) if (typeof r === "object" && r !== null && "allocated" in r) release(r as ReturnedArray);
      } finally {
        lib.right.unload();
      }
      return 0;
    }
    process.stderr.write(`tensile: unknown command '${command}'\n${usage}`);
    return 1;
  } catch (e) {
    process.stderr.write(`tensile: ${(e as Error).message}\n`);
    return 1;
  }
}
