/**
 * Linking and running objects with the system's tools: host objects into a shared object (`ld.lld-14
 * -shared`), riscv64 objects into static executables (Debian's `riscv64-linux-gnu-gcc -static`, whose lp64d
 * C library is why riscv64 targets use the lp64d ABI), run under `qemu-riscv64` with the vector extension at a
 * chosen VLEN. Outputs go through a temporary file renamed into place.
 */
import { spawnSync } from "node:child_process";
import { writeThroughTemporary } from "./files.ts";
import { RISCV_MIN_VLEN } from "./target.ts";

export class ToolError extends Error {
  override name = "ToolError";
}

interface ToolRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runTool(tool: string, args: readonly string[], timeoutMs: number): ToolRun {
  const result = spawnSync(tool, args, { encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ToolError(`${tool} is not installed (scripts/setup.sh installs it)`);
    if (code === "ETIMEDOUT") throw new ToolError(`${tool} did not finish within ${timeoutMs} ms: ${tool} ${args.join(" ")}`);
    throw new ToolError(`${tool} failed to start: ${result.error.message}`);
  }
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

export function runToolOrThrow(tool: string, args: readonly string[], timeoutMs = 120_000): void {
  const run = runTool(tool, args, timeoutMs);
  if (run.status !== 0) {
    throw new ToolError(`${tool} ${args.join(" ")} failed (${run.signal ?? `exit ${run.status}`}):\n${run.stderr.trimEnd()}`);
  }
}

/**
 * Where Debian's libomp-14 (package libomp-14-dev) is: code using OpenMP links against it, and finds it there at
 * run time (a RUNPATH entry), since it is not on the default library path.
 */
export const LIBOMP_DIR = "/usr/lib/llvm-14/lib";
/** The linker flags of code that calls libomp (`__kmpc_fork_call`, ...), for ld.lld-14 and, with `-Wl,`, for clang. */
export const LIBOMP_LINK_FLAGS: readonly string[] = [`-L${LIBOMP_DIR}`, "-lomp", "-rpath", LIBOMP_DIR];

export interface LinkOptions {
  /** The objects call the OpenMP runtime: link libomp-14. */
  readonly openmp?: boolean;
}

/** Links host (x86-64, PIC) objects into a shared object that Node can load (codegen/host-library.ts). */
export function linkSharedObject(objects: readonly string[], output: string, opts: LinkOptions = {}): void {
  if (objects.length === 0) throw new Error("linkSharedObject needs at least one object");
  const libraries = opts.openmp === true ? LIBOMP_LINK_FLAGS : [];
  writeThroughTemporary(output, (temporary) => runToolOrThrow("ld.lld-14", ["-shared", "-o", temporary, ...objects, ...libraries]));
}

/** Links riscv64 objects, and C sources such as a driver with `main`, into a static riscv64 executable. */
export function linkRiscv64Executable(inputs: readonly string[], output: string): void {
  if (inputs.length === 0) throw new Error("linkRiscv64Executable needs at least one input");
  writeThroughTemporary(output, (temporary) =>
    runToolOrThrow("riscv64-linux-gnu-gcc", ["-static", "-O2", "-mabi=lp64d", "-o", temporary, ...inputs, "-lm"]),
  );
}

export interface QemuOptions {
  /** The vector register width in bits: a power of two from 128 (code is built for at least that) to 1024. */
  readonly vlen?: number;
  /** false runs without the vector extension (vector code then stops with an illegal instruction). */
  readonly vector?: boolean;
  readonly args?: readonly string[];
  readonly timeoutMs?: number;
}

export interface QemuRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The `-cpu` value for qemu-riscv64: rv64 with RVV 1.0 at `vlen` bits, or without vectors. */
export function qemuCpu(options: Pick<QemuOptions, "vlen" | "vector"> = {}): string {
  const vlen = options.vlen ?? RISCV_MIN_VLEN;
  if (!Number.isInteger(vlen) || vlen < RISCV_MIN_VLEN || vlen > 1024 || (vlen & (vlen - 1)) !== 0) {
    throw new RangeError(`vlen ${vlen} must be a power of two from ${RISCV_MIN_VLEN} to 1024`);
  }
  return options.vector === false ? "rv64,v=false" : `rv64,v=true,vlen=${vlen},vext_spec=v1.0`;
}

/** Runs a static riscv64 executable under qemu-riscv64; the caller judges the exit status and output. */
export function runQemu(executable: string, options: QemuOptions = {}): QemuRun {
  return runTool("qemu-riscv64", ["-cpu", qemuCpu(options), executable, ...(options.args ?? [])], options.timeoutMs ?? 60_000);
}
