/**
 * From a module of Tensile IR (TOSA, Linalg on tensors, or anything the lowering pipeline takes) to native
 * functions callable from JavaScript:
 *
 *   const lib = compile(module, { target: "host" });            // Either<Diagnostic[], CompiledLibrary>
 *   const [y] = lib.right.functions.f.call({ data: x, shape: [4, 8] }, 2.5);
 *
 * Steps: every public function gets MLIR's C interface (`llvm.emit_c_interface`); a copy of the module goes
 * through the lowering pipeline (rewrites/pipelines/lower-to-llvm.ts) to the llvm dialect; that is translated to
 * LLVM IR (codegen/translate), optimised with `default<O3>` for the target and emitted as an object; the object is
 * linked into a shared object (ld.lld-14), loaded (koffi) and each function wrapped (codegen/runtime/c-interface).
 * Shared objects are cached on disk by the hash of the lowered module, the target and the compiler's version, so a
 * second compile of the same module is a load.
 *
 * Threads: `compile(module, { threads: 2 })` (or `parallel: true`) lowers with the pipeline's parallel variant, whose
 * linalg loops become OpenMP worksharing loops; the shared object then links libomp-14, and each call of a compiled
 * function first sets the team size of the calling thread (`omp_set_num_threads(threads)`, OpenMP's nthreads-var:
 * what an `omp.parallel` without `num_threads` uses). Without `threads`, libomp's default holds (OMP_NUM_THREADS,
 * else one thread per core). The team size is a run-time setting, so one cached object serves every thread count.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Either, isLeft, left, right } from "fp-ts/lib/Either.js";
import { newContext, newPassRegistry } from "../rewrites/index.ts";
import { type LowerToLLVMOptions, lowerToLLVMPipeline } from "../rewrites/pipelines/lower-to-llvm.ts";
import { type Diagnostic, error } from "../src/diag/diagnostic.ts";
import { StringAttr, TypeAttr, UnitAttr } from "../src/ir/attributes.ts";
import type { Context } from "../src/ir/context.ts";
import type { Operation } from "../src/ir/operation.ts";
import { FunctionType, MemRefType, RankedTensorType, type Type } from "../src/ir/types.ts";
import { runPipeline } from "../src/pass/pass-manager.ts";
import { parseType } from "../src/text/parser.ts";
import { printOp, printType } from "../src/text/printer.ts";
import { emit, type OptLevel, optimize } from "./emit.ts";
import { compilerIdentity } from "./compiler-identity.ts";
import { writeFileAtomic } from "./files.ts";
import { loadHostLibrary } from "./host-library.ts";
import { hostSupportRuntimeObject, supportRuntimeHash } from "./aot/half-runtime.ts";
import { linkSharedObject } from "./link.ts";
import { type CInterfaceFunction, cInterface } from "./runtime/c-interface.ts";
import { getTarget, hostDescription, type TargetDescription, type TargetName } from "./target.ts";
import { type TranslatedModule, translateToLLVM } from "./translate/module.ts";

export interface CompileOptions extends LowerToLLVMOptions {
  /** Default `host`. */
  readonly target?: TargetName | TargetDescription;
  /** LLVM's optimisation level (default 3). */
  readonly optLevel?: OptLevel;
  /** Where shared objects are cached (default `$XDG_CACHE_HOME/tensile` or `~/.cache/tensile`); false: no cache. */
  readonly cacheDir?: string | false;
  readonly ctx?: Context;
  /**
   * The OpenMP team size the compiled functions run their parallel loops with (a positive integer); implies
   * `parallel` (the pipeline's OpenMP variant). See the file's comment.
   */
  readonly threads?: number;
  /** Called as each step starts (for progress bars); steps a cache hit makes unnecessary are not reported. */
  readonly onStep?: (step: CompileStep) => void;
}

/**
 * The steps of a compile, in order: `trace` (compileKeyed's build of the module), `lower` (Tensile's pipeline to
 * the llvm dialect), `llvm` (translation, LLVM's O3, object emission), `link` (the shared object).
 */
export type CompileStep = "trace" | "lower" | "llvm" | "link";
export const compileSteps: readonly CompileStep[] = ["trace", "lower", "llvm", "link"];

export interface CompiledLibrary {
  /** Each public function of the module, by name. */
  readonly functions: Readonly<Record<string, CInterfaceFunction>>;
  /** The shared object loaded. */
  readonly path: string;
  /** Whether it came from the cache. */
  readonly cached: boolean;
  /** Unloads the library (its functions must not be called afterwards). */
  unload(): void;
}


export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? (homedir() !== "" ? join(homedir(), ".cache") : tmpdir());
  return join(base, "tensile");
}

/** A tensor crosses a compiled function's boundary as a memref with the identity layout (the pipeline's bufferization). */
const atBoundary = (t: Type): Type => (t instanceof RankedTensorType ? MemRefType.get(t.shape, t.elementType) : t);

/** The public `func.func`s of the module with their signatures at the C interface (tensors as memrefs). */
export function publicFunctions(module: Operation): Map<string, FunctionType> {
  const out = new Map<string, FunctionType>();
  for (const op of module.regions[0]?.blocks[0]?.ops() ?? []) {
    if (op.name !== "func.func" || op.regions[0]?.blocks.length === 0) continue;
    const visibility = op.attr("sym_visibility");
    if (visibility instanceof StringAttr && visibility.value !== "public") continue;
    const name = op.attr("sym_name");
    const type = op.attr("function_type");
    const fnType = (type as { value?: unknown } | undefined)?.value;
    if (name instanceof StringAttr && fnType instanceof FunctionType) out.set(name.value, FunctionType.get(fnType.inputs.map(atBoundary), fnType.results.map(atBoundary)));
  }
  return out;
}

/** Lowers a copy of `module` to the llvm dialect with C interfaces on its public functions. */
export function lowerToLLVMDialect(module: Operation, opts: CompileOptions = {}): Either<Diagnostic[], Operation> {
  const ctx = opts.ctx ?? newContext();
  const copy = module.clone();
  const names = new Set(publicFunctions(copy).keys());
  for (const op of copy.regions[0]?.blocks[0]?.ops() ?? []) {
    const name = op.attr("sym_name");
    if (op.name === "func.func" && name instanceof StringAttr && names.has(name.value)) op.setAttr("llvm.emit_c_interface", UnitAttr.get());
  }
  const parallel = opts.parallel ?? opts.threads !== undefined;
  const ran = runPipeline(copy, `builtin.module(${lowerToLLVMPipeline({ ...opts, parallel })})`, { ctx, registry: newPassRegistry() });
  if (isLeft(ran)) return left([...ran.left.diagnostics]);
  return right(copy);
}

/** The first op of the omp dialect in `module` (code that needs libomp), or undefined. */
export function firstOpenMPOp(module: Operation): Operation | undefined {
  let found: Operation | undefined;
  module.walk((op) => {
    if (op.dialect !== "omp") return;
    found = op;
    return "interrupt";
  }, "pre");
  return found;
}

/**
 * The first op of an llvm-dialect module that touches bf16 (an operand, a result, a block argument or, for
 * llvm.func, its signature). LLVM 14's x86-64 and riscv64 instruction selectors abort the whole process on bf16
 * values ("Cannot select", "unable to allocate function argument"): LLVM 15+ promote it to float. Tensile's
 * lowering computes bf16 in f32 and carries it as its i16 bits (arith-emulate-unsupported-floats,
 * arith-expand{include-bf16=true}, llvm-common/type-converter.ts), so bf16 left in an llvm-dialect module is a bug
 * of whatever made the module (or a hand-written one): it is refused here, located, before it reaches LLVM.
 */
export function firstBF16Op(module: Operation): Operation | undefined {
  const seen = new Map<Type, boolean>();
  const hasBF16 = (t: Type): boolean => {
    let r = seen.get(t);
    if (r === undefined) seen.set(t, (r = /\bbf16\b/.test(printType(t))));
    return r;
  };
  let found: Operation | undefined;
  module.walk((op) => {
    const signature = op.attributes.get("function_type");
    const touches =
      op.operands.some((v) => hasBF16(v.type)) ||
      op.results.some((v) => hasBF16(v.type)) ||
      op.regions.some((r) => r.blocks.some((b) => b.args.some((a) => hasBF16(a.type)))) ||
      (signature instanceof TypeAttr && hasBF16(signature.value));
    if (!touches) return;
    found = op;
    return "interrupt";
  }, "pre");
  return found;
}

/** The LLVM module for a target from a module of the llvm dialect (not yet optimised). */
export function translateForTarget(lowered: Operation, target: TargetDescription): Either<Diagnostic[], TranslatedModule> {
  const bf16 = firstBF16Op(lowered);
  if (bf16 !== undefined) {
    return left([error(bf16.loc, `'${bf16.name}' op: bf16 values cannot be compiled with LLVM 14, whose ${target.arch} backend aborts on them (tensile-lower-to-llvm computes bf16 in f32 and carries it as i16: bf16 left in the llvm dialect is a bug of the lowering that made this module)`)]);
  }
  const omp = target.arch === "x86_64" ? undefined : firstOpenMPOp(lowered);
  if (omp !== undefined) {
    return left([error(omp.loc, `'${omp.name}' op: OpenMP code cannot be compiled for ${target.name}: there is no ${target.arch} OpenMP runtime (libomp) to link against; compile it without --parallel/--threads`)]);
  }
  // LLVM's x86 vectorizers default to 256-bit vectors on AVX512 CPUs; the target says how wide to go.
  const functionAttributes = target.arch === "x86_64" ? { "prefer-vector-width": String(target.vectorBits) } : {};
  return translateToLLVM(lowered, { triple: target.triple, dataLayout: target.dataLayout, functionAttributes });
}

/** An object file for the target from a module of the llvm dialect. */
export function objectFromLLVMDialect(lowered: Operation, target: TargetDescription, optLevel: OptLevel = 3): Either<Diagnostic[], Buffer> {
  const translated = translateForTarget(lowered, target);
  if (isLeft(translated)) return translated;
  const { module } = translated.right;
  try {
    optimize(module, target, optLevel);
    return right(emit(module, target));
  } catch (e) {
    return left([error(lowered.loc, `LLVM failed on the translated module: ${(e as Error).message}`)]);
  } finally {
    module.dispose();
  }
}

/** Loads a shared object and wraps its functions (see `compile`); `scratch` is removed when it is unloaded. */
function loadLibrary(
  soPath: string,
  signatures: ReadonlyMap<string, FunctionType>,
  o: { target: TargetDescription; host: ReturnType<typeof hostDescription>; openmp: boolean; threads: number | undefined; cached: boolean; scratch: string | undefined },
): CompiledLibrary {
  const library = loadHostLibrary(soPath, o.target, o.host);
  const functions: Record<string, CInterfaceFunction> = {};
  for (const [name, type] of signatures) functions[name] = cInterface(library, name, type);
  const threads = o.threads;
  if (o.openmp && threads !== undefined) {
    // libomp is loaded with the library (a dependency), so its entry points resolve through it.
    const setThreads = library.func("void omp_set_num_threads(int)");
    for (const [name, fn] of Object.entries(functions)) functions[name] = { prototype: fn.prototype, call: (...args) => (setThreads(threads), fn.call(...args)) };
  }
  return {
    functions,
    path: soPath,
    cached: o.cached,
    unload: () => {
      library.unload();
      if (o.scratch !== undefined) rmSync(o.scratch, { recursive: true, force: true });
    },
  };
}

/**
 * Like `compile(build(), opts)`, but the disk cache is first looked up by the caller's `key` (which must
 * determine the module `build` makes: e.g. a model's shape, weight types and sizes): when the cache holds the
 * shared object of that key (and of this compiler, target, options and CPU), it is loaded with the function
 * signatures stored beside it, and `build` is never called — no tracing, lowering or LLVM. Otherwise the module
 * is built and compiled as `compile` does, and the object is also stored under the key (`keyed-<hash>.so` and
 * its signatures `keyed-<hash>.json`, both written atomically). Without a cache (`cacheDir: false`) this is
 * `compile(build(), opts)`.
 */
export function compileKeyed(key: string, build: () => Operation, opts: CompileOptions = {}): Either<Diagnostic[], CompiledLibrary> {
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir() : opts.cacheDir;
  if (cacheDir === false) return compile(build(), opts);
  const target = typeof opts.target === "object" ? opts.target : getTarget(opts.target ?? "host");
  const host = hostDescription();
  const parallel = opts.parallel ?? opts.threads !== undefined;
  const hash = createHash("sha256")
    .update(JSON.stringify([compilerIdentity(), supportRuntimeHash, target, opts.optLevel ?? 3, host.cpu, parallel, opts.approximateMath ?? null, key]))
    .digest("hex")
    .slice(0, 32);
  const soPath = join(cacheDir, `keyed-${hash}.so`);
  const metaPath = join(cacheDir, `keyed-${hash}.json`);
  if (existsSync(soPath) && existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, "utf8")) as { openmp: boolean; functions: Record<string, string> };
      const ctx = opts.ctx ?? newContext();
      const signatures = new Map<string, FunctionType>();
      for (const [name, text] of Object.entries(meta.functions)) {
        const type = parseType(text, ctx);
        if (isLeft(type) || !(type.right instanceof FunctionType)) throw new Error(`${metaPath}: '${text}' is not a function type`);
        signatures.set(name, type.right);
      }
      return right(loadLibrary(soPath, signatures, { target, host, openmp: meta.openmp, threads: opts.threads, cached: true, scratch: undefined }));
    } catch {
      // A damaged entry is rebuilt below.
    }
  }
  opts.onStep?.("trace");
  const module = build();
  const lib = compile(module, opts);
  if (isLeft(lib)) return lib;
  const functions: Record<string, string> = {};
  for (const [name, type] of publicFunctions(module)) functions[name] = printType(type);
  copyFileSync(lib.right.path, `${soPath}.${process.pid}.tmp`);
  renameSync(`${soPath}.${process.pid}.tmp`, soPath);
  // The parallel pipeline turns the loops of any model worth a key into OpenMP code (libomp linked).
  writeFileAtomic(metaPath, JSON.stringify({ openmp: parallel, functions }));
  return lib;
}

/** Compiles `module` for a target the host can run, and loads it. */
export function compile(module: Operation, opts: CompileOptions = {}): Either<Diagnostic[], CompiledLibrary> {
  const target = typeof opts.target === "object" ? opts.target : getTarget(opts.target ?? "host");
  const threads = opts.threads;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) return left([error(module.loc, `threads must be a positive integer, got ${threads}`)]);
  const signatures = publicFunctions(module);
  opts.onStep?.("lower");
  const lowered = lowerToLLVMDialect(module, opts);
  if (isLeft(lowered)) return lowered;
  const openmp = firstOpenMPOp(lowered.right) !== undefined;
  const text = printOp(lowered.right);
  const host = hostDescription();
  const key = createHash("sha256").update(JSON.stringify([compilerIdentity(), supportRuntimeHash, target, opts.optLevel ?? 3, host.cpu])).update(text).digest("hex").slice(0, 32);
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir() : opts.cacheDir;
  const scratch = cacheDir === false ? mkdtempSync(join(tmpdir(), "tensile-compile-")) : undefined;
  const soPath = join(scratch ?? cacheDir as string, `${key}.so`);
  const cached = existsSync(soPath);
  try {
    if (!cached) {
      opts.onStep?.("llvm");
      const object = objectFromLLVMDialect(lowered.right, target, opts.optLevel ?? 3);
      if (isLeft(object)) {
        if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
        return object;
      }
      mkdirSync(dirname(soPath), { recursive: true });
      const objectPath = `${soPath}.${process.pid}.o`;
      try {
        writeFileAtomic(objectPath, object.right);
        opts.onStep?.("link");
        linkSharedObject([objectPath, hostSupportRuntimeObject(dirname(soPath))], soPath, { openmp });
      } finally {
        rmSync(objectPath, { force: true });
      }
    }
    return right(loadLibrary(soPath, signatures, { target, host, openmp, threads, cached, scratch }));
  } catch (e) {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    return left([error(module.loc, (e as Error).message)]);
  }
}
