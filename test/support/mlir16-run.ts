/**
 * Runs functions with MLIR 16 itself, as an oracle for Tensile's interpreter: the functions go into one module
 * with a `main` that calls each on its inputs (exact constants: tensors, vectors, scalars) and dumps every element
 * of every result (tensors, vectors and scalars; vectors and scalars through a stack buffer);
 * mlir-opt-16 lowers the module to the llvm dialect (the caller's pass list first, then bufferization and MLIR's
 * own conversions), and mlir-cpu-runner-16 runs it. The dump is the results' raw bytes, so floats compare bit for
 * bit, NaN payloads aside.
 *
 *   const out = runWithMlir16([{ text, fn: "f", args }], { preLowering: ["--tosa-to-linalg"] });
 *   out.results[0]   // the element bits of each result of case 0, or undefined if MLIR could not run it
 *
 * The C side (the dump functions, and `memrefCopy`, which MLIR's lowering of strided copies calls and which lives
 * in libmlir_c_runner_utils, not installed here) is compiled with the system `cc` for the run.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FloatType, IndexType, IntegerType, RankedTensorType, type Type, VectorType } from "../../src/ir/types.ts";
import { printType } from "../../src/text/print-attr.ts";
import { type Element, type FloatElement, floatElementBits, floatElementFromBits, floatKindOf, isNaNElement, type RuntimeValue } from "../../src/interp/values.ts";

/** MLIR's runtime copy between strided memrefs: element size, unranked source and target descriptors. */
export const memrefCopySource = `
#include <stdint.h>
#include <stdio.h>
#include <string.h>
typedef struct { int64_t rank; char *desc; } Unranked;
typedef struct { char *allocated; char *aligned; int64_t offset; int64_t rest[]; } Ranked;
static int64_t count(int64_t rank, const int64_t *sizes) {
  int64_t total = 1;
  for (int64_t i = 0; i < rank; i++) total *= sizes[i];
  return total;
}
static int64_t position(int64_t n, int64_t rank, const int64_t *sizes, const int64_t *strides, int64_t offset) {
  for (int64_t i = rank - 1; i >= 0; i--) {
    offset += (n % sizes[i]) * strides[i];
    n /= sizes[i];
  }
  return offset;
}
void memrefCopy(int64_t elemSize, Unranked *src, Unranked *dst) {
  int64_t rank = src->rank;
  Ranked *s = (Ranked *)src->desc, *d = (Ranked *)dst->desc;
  int64_t total = count(rank, s->rest);
  for (int64_t n = 0; n < total; n++) {
    int64_t so = position(n, rank, s->rest, s->rest + rank, s->offset);
    int64_t dof = position(n, rank, d->rest, d->rest + rank, d->offset);
    memcpy(d->aligned + dof * elemSize, s->aligned + so * elemSize, elemSize);
  }
}
`;

/** `tensile_dump_<bytes>`: prints a result's elements in row-major order as little-endian hex, one line. */
const dumpSource = `
static void dump(Unranked *m, int64_t elemSize) {
  int64_t rank = m->rank;
  Ranked *r = (Ranked *)m->desc;
  int64_t total = count(rank, r->rest);
  printf("R");
  for (int64_t n = 0; n < total; n++) {
    unsigned char *p = (unsigned char *)r->aligned + position(n, rank, r->rest, r->rest + rank, r->offset) * elemSize;
    printf(" ");
    for (int64_t b = elemSize - 1; b >= 0; b--) printf("%02x", p[b]);
  }
  printf("\\n");
  fflush(stdout);
}
void tensile_case(int64_t k) { printf("C %ld\\n", (long)k); fflush(stdout); }
#include <stdlib.h>
void *tensile_zeroed_malloc(int64_t n) { return calloc(1, (size_t)n); }
`;

/**
 * A function to run: `fn` in module `text` (printed by Tensile without aliases, `localScope`, so that cases can
 * share a module), on tensor, vector and scalar arguments, returning static tensors, vectors and scalars.
 */
export interface Mlir16Case {
  readonly text: string;
  readonly fn: string;
  readonly args: readonly RuntimeValue[];
  readonly resultTypes: readonly Type[];
}

export interface Mlir16Run {
  /** Per case, the element bits of each result (unsigned, element-width), or undefined when the run stopped before it. */
  readonly results: readonly (readonly (readonly bigint[])[] | undefined)[];
  /** The cases MLIR 16 could not convert, with the first lines of its error. */
  readonly refused: ReadonlyMap<number, string>;
  /** mlir-opt-16's or the runner's complaint, when the module did not lower or run to its end. */
  readonly failure?: string;
}

/** Bytes per stored element: i1 is a byte in memory, as LLVM stores it; index is 64 bits here. */
function storedBytes(e: Type): number {
  if (e instanceof FloatType) return e.width / 8;
  if (e instanceof IntegerType) return Math.max(1, Math.ceil(e.width / 8));
  if (e instanceof IndexType) return 8;
  throw new Error(`mlir16-run: no dump for element type ${printType(e)}`);
}

const bitsOf = (e: Type, x: Element): bigint =>
  e instanceof FloatType ? floatElementBits(x as FloatElement, floatKindOf(e)) : BigInt.asUintN(e instanceof IntegerType ? e.width : 64, x as bigint);

/** The elements of a tensor or vector value, or a scalar, as bits of the element width (two's complement for integers). */
export function elementBits(v: RuntimeValue): bigint[] {
  if (v.kind === "int" || v.kind === "float") return [bitsOf(v.type, v.value)];
  if (v.kind !== "shaped") throw new Error(`mlir16-run: no elements in a ${v.kind} value`);
  const out: bigint[] = [];
  for (let i = 0; i < v.elements.length; i++) out.push(bitsOf(v.elementType, v.elements.get(i)));
  return out;
}

/** Whether `bits` of element type `t` are a NaN (any payload, either sign). */
export const isNaNBits = (bits: bigint, t: Type): boolean => t instanceof FloatType && isNaNElement(floatElementFromBits(bits, floatKindOf(t)));
/** Whether `bits` of element type `t` are a float zero of either sign. */
export const isZeroBits = (bits: bigint, t: Type): boolean => t instanceof FloatType && BigInt.asUintN(t.width - 1, bits) === 0n;
/** The comparison every MLIR 16 test makes: the same bits, or two NaNs. */
export const sameBits = (a: bigint, b: bigint, t: Type): boolean => a === b || (isNaNBits(a, t) && isNaNBits(b, t));

/** The element type of a value's type (itself for a scalar). */
const elementTypeOf = (t: Type): Type => (t instanceof RankedTensorType || t instanceof VectorType ? t.elementType : t);

/** An `arith.constant` with exactly this value (hex, except i1, which MLIR's hex form does not take). */
function constantText(v: RuntimeValue): string {
  if (v.kind === "int" || v.kind === "float") {
    const t = printType(v.type);
    if (v.kind === "float") return `arith.constant 0x${bitsOf(v.type, v.value).toString(16).toUpperCase()} : ${t}`;
    if (v.type instanceof IntegerType && v.type.width === 1) return `arith.constant ${v.value === 0n ? "false" : "true"}`;
    return `arith.constant ${v.value} : ${t}`;
  }
  if (v.kind !== "shaped") throw new Error(`mlir16-run: no constant for a ${v.kind} argument`);
  const type = v.type;
  const e = v.elementType;
  const bits = elementBits(v);
  const typeText = printType(type);
  if (bits.length === 0) return `arith.constant dense<> : ${typeText}`;
  if (e instanceof IntegerType && e.width === 1) {
    const items = bits.map((b) => (b === 0n ? "false" : "true"));
    // A rank-0 literal has no brackets (`dense<true> : tensor<i1>`).
    const rank0 = type instanceof RankedTensorType && type.rank === 0;
    return `arith.constant dense<${rank0 ? items[0] : `[${items.join(", ")}]`}> : ${typeText}`;
  }
  const width = storedBytes(e);
  const hex = bits.map((b) => {
    let s = "";
    for (let k = 0; k < width; k++) s += Number((b >> BigInt(8 * k)) & 0xffn).toString(16).padStart(2, "0");
    return s;
  });
  return `arith.constant dense<"0x${hex.join("").toUpperCase()}"> : ${typeText}`;
}

/**
 * The body of a printed module (its functions), with function `fn` renamed to `name`, and its stack allocations
 * made heap allocations: the interpreter's fresh memory reads as zero, so the run's must too (heap allocations get
 * zeroed memory: see `zeroedMalloc`).
 */
function functionsOf(text: string, fn: string, name: string): string {
  const lines = text.trimEnd().split("\n");
  if (lines[0] !== "module {" || lines.at(-1) !== "}") throw new Error("mlir16-run: expected a printed module");
  return lines.slice(1, -1).join("\n").replaceAll(`@${fn}(`, `@${name}(`).replaceAll("memref.alloca(", "memref.alloc(");
}

/** The lowered module's `malloc` calls, sent to a `calloc` (the interpreter's fresh memory reads as zero). */
const zeroedMalloc = (llvmDialect: string): string => llvmDialect.replaceAll("@malloc(", "@tensile_zeroed_malloc(");

const lowering: readonly string[] = [
  "--lower-vector-mask",
  "--empty-tensor-to-alloc-tensor",
  "--one-shot-bufferize=bufferize-function-boundaries allow-return-allocs function-boundary-type-conversion=identity-layout-map",
  "--convert-linalg-to-loops",
  "--convert-vector-to-scf",
  "--lower-affine",
  "--convert-scf-to-cf",
  "--expand-strided-metadata",
  // math-to-llvm first: MLIR 16's math-to-libm marks every math op illegal, also those it has no call for.
  "--convert-math-to-llvm",
  "--convert-math-to-libm",
  "--arith-expand",
  "--convert-vector-to-llvm",
  "--convert-arith-to-llvm",
  "--convert-memref-to-llvm",
  "--convert-func-to-llvm",
  "--convert-cf-to-llvm",
  "--reconcile-unrealized-casts",
];

/**
 * Tensile's own conversions in the middle of the lowering: given the module as MLIR 16 leaves it after
 * `--expand-strided-metadata` (loops as cf, views as reinterpret_casts), returns it with Tensile's passes run (the
 * rest of MLIR 16's conversions then finish what they left), or the error they gave.
 */
export type TensileStage = (text: string) => string | { readonly error: string };
/** Where a Tensile stage runs: just before the conversions to the llvm dialect. */
const TENSILE_STAGE_AT = lowering.indexOf("--convert-math-to-llvm");

interface Source {
  readonly text: string;
  /** The dump functions declared (one per element type). */
  readonly dumps: readonly string[];
  /** The case each line of `text` belongs to (1-based lines; undefined: shared). */
  readonly caseOfLine: readonly (number | undefined)[];
}

/** The module: the cases' functions (all but `skip`), and a main that calls and dumps each. */
function buildSource(cases: readonly Mlir16Case[], skip: ReadonlySet<number>): Source {
  const lines: { text: string; owner: number | undefined }[] = [];
  const main: { text: string; owner: number | undefined }[] = [{ text: "func.func @main() {", owner: undefined }];
  const decls = new Map<string, string>();
  cases.forEach((c, k) => {
    if (skip.has(k)) return;
    for (const text of functionsOf(c.text, c.fn, `tensile_case_${k}`).split("\n")) lines.push({ text, owner: k });
    const push = (text: string): void => void main.push({ text: `  ${text}`, owner: k });
    const args = c.args.map((a, i) => {
      push(`%a${k}_${i} = ${constantText(a)}`);
      return { name: `%a${k}_${i}`, type: a.type };
    });
    const resultTypes = c.resultTypes.map((t) => printType(t));
    push(`%k${k} = arith.constant ${k} : i64`);
    push("func.call @tensile_case(%k" + k + ") : (i64) -> ()");
    const call = `func.call @tensile_case_${k}(${args.map((a) => a.name).join(", ")}) : (${args.map((a) => printType(a.type)).join(", ")}) -> (${resultTypes.join(", ")})`;
    push(resultTypes.length === 0 ? call : `%r${k}:${resultTypes.length} = ${call}`);
    c.resultTypes.forEach((t, j) => {
      const e = elementTypeOf(t);
      const elem = printType(e);
      const result = `%r${k}#${j}`;
      if (t instanceof RankedTensorType) {
        const dump = `tensile_dump_t${storedBytes(e)}_${elem}`;
        decls.set(dump, `tensor<*x${elem}>`);
        push(`%u${k}_${j} = tensor.cast ${result} : ${printType(t)} to tensor<*x${elem}>`);
        push(`func.call @${dump}(%u${k}_${j}) : (tensor<*x${elem}>) -> ()`);
        return;
      }
      // Vectors and scalars go through a stack buffer (a vector by transfer_write: LLVM pads vector<3xf32> to 16
      // bytes in memory, so a memref<vector<...>> is not the flat layout).
      const dump = `tensile_dump_m${storedBytes(e)}_${elem}`;
      decls.set(dump, `memref<*x${elem}>`);
      const flat = t instanceof VectorType ? `memref<${[...t.shape, ""].join("x")}${elem}>` : `memref<1x${elem}>`;
      push(`%z${k}_${j} = arith.constant 0 : index`);
      push(`%f${k}_${j} = memref.alloca() : ${flat}`);
      if (t instanceof VectorType) {
        const zeros = t.shape.map(() => `%z${k}_${j}`).join(", ");
        push(`vector.transfer_write ${result}, %f${k}_${j}[${zeros}] {in_bounds = [${t.shape.map(() => "true").join(", ")}]} : ${printType(t)}, ${flat}`);
      } else {
        push(`memref.store ${result}, %f${k}_${j}[%z${k}_${j}] : ${flat}`);
      }
      push(`%u${k}_${j} = memref.cast %f${k}_${j} : ${flat} to memref<*x${elem}>`);
      push(`func.call @${dump}(%u${k}_${j}) : (memref<*x${elem}>) -> ()`);
    });
  });
  main.push({ text: "  return", owner: undefined }, { text: "}", owner: undefined });
  const shared = [
    "func.func private @tensile_case(i64)",
    ...[...decls].map(([d, type]) => `func.func private @${d}(${type}) attributes {llvm.emit_c_interface}`),
  ].map((text) => ({ text, owner: undefined }));
  const all = [...lines, ...shared, ...main];
  return { text: `${all.map((l) => l.text).join("\n")}\n`, dumps: [...decls.keys()], caseOfLine: [undefined, ...all.map((l) => l.owner)] };
}

/**
 * Runs every case in one module. `prePipeline` (a `--pass-pipeline` value, run by its own mlir-opt-16 first)
 * brings the functions to linalg/tensor/arith, e.g. TOSA's conversions. A case MLIR 16 refuses to convert (its
 * error points into the case) is left out and the rest run again; it is reported in `refused`. `tensileStage`
 * runs Tensile's conversions to the llvm dialect in place of MLIR 16's (see TensileStage).
 */
export interface Mlir16RunOptions {
  readonly prePipeline?: string;
  /**
   * Runs the lowered module (llvm dialect text) through another translator to LLVM IR (text, LLVM 14's) and
   * `lli-14` instead of mlir-cpu-runner-16: e.g. Tensile's own translation, checked against MLIR's on the same
   * llvm dialect input. A throw is the run's failure.
   */
  readonly translate?: (llvmDialect: string) => string;
  /** Tensile's conversions to the llvm dialect in place of MLIR 16's (see TensileStage). */
  readonly tensileStage?: TensileStage;
}

/**
 * `mlir-opt-16 <args> -` on `input`. mlir-opt-16 itself crashes now and then on the same input (a segfault in
 * LLVM's StringMap, seen on 2 of 4 runs of the same TOSA programs): a crash, unlike an error, is retried, twice.
 */
export function mlirOpt16(args: readonly string[], input: string): SpawnSyncReturns<string> {
  let run = spawnSync("mlir-opt-16", [...args, "-"], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  for (let retry = 0; retry < 2 && (run.signal !== null || run.stderr.includes("PLEASE submit a bug report")); retry++) {
    run = spawnSync("mlir-opt-16", [...args, "-"], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  }
  return run;
}

export function runWithMlir16(cases: readonly Mlir16Case[], opts: Mlir16RunOptions = {}): Mlir16Run {
  const refused = new Map<number, string>();
  let source: Source;
  let lowered: string;
  for (;;) {
    source = buildSource(cases, new Set(refused.keys()));
    // Debug info through the first step, so that errors of the second point into `source` too.
    const pre = opts.prePipeline === undefined ? undefined : mlirOpt16([`--pass-pipeline=${opts.prePipeline}`, "--mlir-print-debuginfo"], source.text);
    const input = pre?.stdout ?? source.text;
    const step = pre !== undefined && pre.status !== 0 ? pre : opts.tensileStage === undefined ? mlirOpt16(lowering, input) : mlirOpt16(lowering.slice(0, TENSILE_STAGE_AT), input);
    if (step.status === 0 && opts.tensileStage !== undefined) {
      const ours = opts.tensileStage(step.stdout);
      if (typeof ours !== "string") return { results: cases.map(() => undefined), refused, failure: `Tensile: ${ours.error}` };
      const rest = mlirOpt16(lowering.slice(TENSILE_STAGE_AT), ours);
      if (rest.status !== 0) return { results: cases.map(() => undefined), refused, failure: `mlir-opt-16 after Tensile's stage: ${rest.stderr}` };
      lowered = zeroedMalloc(rest.stdout);
      break;
    }
    if (step.status === 0) {
      lowered = zeroedMalloc(step.stdout);
      break;
    }
    const line = /<stdin>:(\d+):\d+: error/.exec(step.stderr)?.[1];
    const k = line === undefined ? undefined : source.caseOfLine[Number(line)];
    if (k === undefined) return { results: cases.map(() => undefined), refused, failure: `mlir-opt-16: ${step.stderr}` };
    // The first line of the error, and the source line it points at (which names the op MLIR could not lower).
    refused.set(k, `${step.stderr.split("\n")[0]}\n  at: ${source.text.split("\n")[Number(line) - 1]?.trim() ?? "?"}`);
  }
  // Dump functions per element type share one C body per byte width.
  const cDumps = source.dumps.map((d) => {
    const [, bytes] = /^tensile_dump_[tm](\d+)_/.exec(d) ?? [];
    return `void _mlir_ciface_${d}(Unranked *m) { dump(m, ${bytes}); }`;
  });
  const dir = mkdtempSync(join(tmpdir(), "tensile-mlir16-run-"));
  // Both tools may write scratch files (the JIT's debug objects): into this directory, removed below.
  const env = { ...process.env, TMPDIR: dir, HOME: dir };
  let stdout: string;
  let failure: string | undefined;
  try {
    writeFileSync(join(dir, "runtime.c"), `${memrefCopySource}\n${dumpSource}\n${cDumps.join("\n")}\n`);
    const cc = spawnSync("cc", ["-O1", "-shared", "-fPIC", "-o", join(dir, "runtime.so"), join(dir, "runtime.c")], { encoding: "utf8", env });
    if (cc.status !== 0) throw new Error(`cc: ${cc.error?.message ?? cc.stderr}`);
    const run =
      opts.translate === undefined
        ? spawnSync("mlir-cpu-runner-16", ["-e", "main", "-entry-point-result=void", `-shared-libs=${join(dir, "runtime.so")}`], {
            input: lowered,
            encoding: "utf8",
            maxBuffer: 1 << 28,
            env,
            cwd: dir,
          })
        : spawnSync("lli-14", [`--dlopen=${join(dir, "runtime.so")}`, "--entry-function=main", "-"], {
            input: opts.translate(lowered),
            encoding: "utf8",
            maxBuffer: 1 << 28,
            env,
            cwd: dir,
          });
    stdout = run.stdout ?? "";
    if (run.status !== 0) failure = `${opts.translate === undefined ? "mlir-cpu-runner-16" : "lli-14"} (status ${run.status}, signal ${run.signal}): ${run.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results: (bigint[][] | undefined)[] = cases.map(() => undefined);
  let current: bigint[][] | undefined;
  for (const line of stdout.split("\n")) {
    if (line.startsWith("C ")) {
      current = [];
      results[Number(line.slice(2))] = current;
    } else if (line.startsWith("R") && current !== undefined) {
      current.push(line.slice(1).trim() === "" ? [] : line.slice(1).trim().split(" ").map((h) => BigInt(`0x${h}`)));
    }
  }
  // A case the run stopped inside (a trap) is not complete: drop it.
  if (failure !== undefined) {
    let last = results.length - 1;
    while (last >= 0 && results[last] === undefined) last--;
    if (last >= 0) results[last] = undefined;
  }
  return failure === undefined ? { results, refused } : { results, refused, failure };
}
