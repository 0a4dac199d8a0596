/**
 * An AOT bundle: what a C program needs to call a module's functions without Node — the object for a target,
 * a C header with the descriptor-based signatures (codegen/aot/header.ts), and optionally a C driver that calls
 * one function on fixed inputs and prints its results — plus `buildBundle` to link them (clang-14 for the host,
 * Debian's riscv64 gcc, static, for riscv64; run it under qemu). A bundle of the parallel pipeline
 * (`parallel`/`threads`) links libomp-14 on the host; its team size is libomp's default (OMP_NUM_THREADS).
 *
 *   const b = writeBundle(module, { target: "riscv64-rvv", dir: "out", name: "model", driver: { fn: "f", args } });
 *   const exe = buildBundle(b.right);        // out/model (a riscv64 executable)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Either, isLeft, right } from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { type CompileOptions, firstOpenMPOp, lowerToLLVMDialect, objectFromLLVMDialect, publicFunctions } from "../compile.ts";
import { writeFileAtomic } from "../files.ts";
import { LIBOMP_DIR, linkRiscv64Executable, ToolError } from "../link.ts";
import type { Arg } from "../runtime/c-interface.ts";
import { getTarget, type TargetDescription, type TargetName } from "../target.ts";
import { supportRuntimeSource } from "./half-runtime.ts";
import { bundleDriver, bundleHeader } from "./header.ts";

export interface BundleOptions extends CompileOptions {
  readonly target?: TargetName | TargetDescription;
  /** The directory the files go to (created). */
  readonly dir: string;
  /** The files' base name (default `bundle`). */
  readonly name?: string;
  /** Also write `<name>-driver.c`, calling `fn` on `args`. */
  readonly driver?: { readonly fn: string; readonly args: readonly Arg[] };
}

export interface Bundle {
  readonly target: TargetDescription;
  readonly object: string;
  readonly header: string;
  readonly driver: string | undefined;
  /** Where `buildBundle` puts the executable. */
  readonly executable: string;
  /** The object calls libomp (the parallel pipeline): a program using it links `-lomp` (libomp-14, LIBOMP_DIR). */
  readonly openmp?: boolean;
}

export function writeBundle(module: Operation, opts: BundleOptions): Either<Diagnostic[], Bundle> {
  const target = typeof opts.target === "object" ? opts.target : getTarget(opts.target ?? "host");
  const name = opts.name ?? "bundle";
  const functions = publicFunctions(module);
  const lowered = lowerToLLVMDialect(module, opts);
  if (isLeft(lowered)) return lowered;
  const object = objectFromLLVMDialect(lowered.right, target, opts.optLevel ?? 3);
  if (isLeft(object)) return object;
  mkdirSync(opts.dir, { recursive: true });
  const paths = { object: join(opts.dir, `${name}.o`), header: join(opts.dir, `${name}.h`), driver: join(opts.dir, `${name}-driver.c`) };
  writeFileAtomic(paths.object, object.right);
  writeFileAtomic(paths.header, bundleHeader(functions, `${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_H`));
  let driver: string | undefined;
  if (opts.driver !== undefined) {
    const type = functions.get(opts.driver.fn);
    if (type === undefined) throw new Error(`the bundle has no public function @${opts.driver.fn}`);
    writeFileAtomic(paths.driver, bundleDriver(opts.driver.fn, type, opts.driver.args, `${name}.h`));
    driver = paths.driver;
  }
  const openmp = firstOpenMPOp(lowered.right) !== undefined;
  return right({ target, object: paths.object, header: paths.header, driver, executable: join(opts.dir, name), openmp });
}

/** Links the driver and the object into an executable (`extra` C flags, e.g. `-fsanitize=address`, for the host). */
export function buildBundle(bundle: Bundle, extra: readonly string[] = []): string {
  if (bundle.driver === undefined) throw new Error("the bundle has no driver to build");
  // Both targets link Tensile's half conversions (riscv64's libgcc lacks them, x86-64's has another ABI) and
  // vector.print's runtime.
  const half = join(dirname(bundle.executable), "tensile-runtime.c");
  writeFileAtomic(half, supportRuntimeSource);
  if (bundle.target.arch === "riscv64") {
    linkRiscv64Executable([bundle.driver, bundle.object, half], bundle.executable);
    return bundle.executable;
  }
  const omp = bundle.openmp === true ? [`-L${LIBOMP_DIR}`, "-lomp", `-Wl,-rpath,${LIBOMP_DIR}`] : [];
  const cc = spawnSync("clang-14", ["-O1", "-gdwarf-4", ...extra, "-o", bundle.executable, bundle.driver, bundle.object, half, "-lm", ...omp], { encoding: "utf8" });
  if (cc.status !== 0) throw new ToolError(`clang-14 failed: ${cc.stderr}`);
  return bundle.executable;
}
