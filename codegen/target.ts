/**
 * Targets as data: what Tensile compiles for, each with its triple, CPU, features, vector width, ABI, data
 * layout and the LLVM options it needs, and the check that refuses to run code on a host that cannot run it.
 *
 * LLVM 14 pitfalls these descriptions settle (docs/ARCHITECTURE.md, "The backend"):
 * - riscv64 fixed-length vectors are scalarised unless `-riscv-v-vector-bits-min` is set; 128 is the smallest
 *   VLEN the V extension allows, so code built with it runs at any VLEN (vlen-agnostic);
 * - riscv64 defaults to the soft-float `lp64` ABI, which Debian's gcc refuses to link with `lp64d` objects;
 * - LLVM 14 names recent AMD CPUs `generic`, yet lists their features: the host target uses the features.
 */
import { llvm } from "./llvm.ts";

export type TargetName = "x86_64-avx512" | "x86_64-avx2" | "riscv64-rvv" | "host";

export type TargetArch = "x86_64" | "riscv64";

export interface TargetDescription {
  readonly name: TargetName;
  readonly arch: TargetArch;
  readonly triple: string;
  readonly cpu: string;
  /** LLVM feature names, each "+name" (or "-name"). */
  readonly features: readonly string[];
  /** The widest vector register the target guarantees, in bits (for riscv64: the minimum VLEN assumed). */
  readonly vectorBits: number;
  /** LLVM's ABI name; "" for the target's default. */
  readonly abi: string;
  readonly dataLayout: string;
  /** Process-wide LLVM options (cl::opt) set before optimising or emitting for this target. */
  readonly llvmOptions: readonly string[];
  /** Host CPU features code for this target needs to run natively (besides the architecture). */
  readonly requiredHostFeatures: readonly string[];
}

const x86DataLayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128";
const riscv64DataLayout = "e-m:e-p:64:64-i64:64-i128:128-n64-S128";

/** The minimum VLEN riscv64 code is built for; the V extension guarantees at least this much. */
export const RISCV_MIN_VLEN = 128;

const x86Avx512: TargetDescription = {
  name: "x86_64-avx512",
  arch: "x86_64",
  triple: "x86_64-unknown-linux-gnu",
  cpu: "skylake-avx512",
  features: ["+avx512f", "+avx512dq", "+avx512bw", "+avx512vl", "+avx512cd", "+avx2", "+fma", "+f16c"],
  vectorBits: 512,
  abi: "",
  dataLayout: x86DataLayout,
  llvmOptions: [],
  requiredHostFeatures: ["+avx512f", "+avx512dq", "+avx512bw", "+avx512vl", "+avx512cd", "+avx2", "+fma", "+f16c"],
};

const x86Avx2: TargetDescription = {
  name: "x86_64-avx2",
  arch: "x86_64",
  triple: "x86_64-unknown-linux-gnu",
  cpu: "haswell",
  features: ["+avx2", "+fma", "+f16c"],
  vectorBits: 256,
  abi: "",
  dataLayout: x86DataLayout,
  llvmOptions: [],
  requiredHostFeatures: ["+avx2", "+fma", "+f16c"],
};

const riscv64Rvv: TargetDescription = {
  name: "riscv64-rvv",
  arch: "riscv64",
  triple: "riscv64-unknown-linux-gnu",
  cpu: "generic-rv64",
  // rv64gcv: g = i, m, a, f, d (and zicsr, zifencei, implied in LLVM 14).
  features: ["+m", "+a", "+f", "+d", "+c", "+v"],
  vectorBits: RISCV_MIN_VLEN,
  abi: "lp64d",
  dataLayout: riscv64DataLayout,
  llvmOptions: [`-riscv-v-vector-bits-min=${RISCV_MIN_VLEN}`],
  requiredHostFeatures: [],
};

/** What the machine running Tensile is: its architecture, LLVM's name for its CPU and its enabled features. */
export interface HostDescription {
  readonly arch: string;
  readonly cpu: string;
  readonly features: readonly string[];
}

function nodeArch(): string {
  return process.arch === "x64" ? "x86_64" : process.arch === "riscv64" ? "riscv64" : process.arch;
}

let cachedHost: HostDescription | undefined;

export function hostDescription(): HostDescription {
  cachedHost ??= { arch: nodeArch(), cpu: llvm.sys.getHostCPUName(), features: llvm.sys.getHostCPUFeatures() };
  return cachedHost;
}

/** The `host` target: this machine's CPU with exactly its features (x86-64 hosts only, for now). */
export function hostTarget(host: HostDescription = hostDescription()): TargetDescription {
  if (host.arch !== "x86_64") {
    throw new Error(`the host target supports x86_64 hosts only; this one is ${host.arch}`);
  }
  const has = (f: string): boolean => host.features.includes(f);
  return {
    name: "host",
    arch: "x86_64",
    triple: "x86_64-unknown-linux-gnu",
    // LLVM 14 calls CPUs it does not know "generic", which is not an x86-64 CPU name; the features carry the ISA.
    cpu: host.cpu === "generic" ? "x86-64" : host.cpu,
    features: host.features,
    vectorBits: has("+avx512f") ? 512 : has("+avx") ? 256 : 128,
    abi: "",
    dataLayout: x86DataLayout,
    llvmOptions: [],
    requiredHostFeatures: [],
  };
}

export const TARGET_NAMES: readonly TargetName[] = ["x86_64-avx512", "x86_64-avx2", "riscv64-rvv", "host"];

export function getTarget(name: TargetName): TargetDescription {
  switch (name) {
    case "x86_64-avx512":
      return x86Avx512;
    case "x86_64-avx2":
      return x86Avx2;
    case "riscv64-rvv":
      return riscv64Rvv;
    case "host":
      return hostTarget();
  }
}

export function isTargetName(name: string): name is TargetName {
  return (TARGET_NAMES as readonly string[]).includes(name);
}

/** Parses a user's `--target` value, with the list of valid names in the error. */
export function parseTargetName(name: string): TargetName {
  if (!isTargetName(name)) throw new Error(`unknown target '${name}'; expected one of ${TARGET_NAMES.join(", ")}`);
  return name;
}

export type RunCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Whether code built for `target` can run natively on `host`. Code built for AVX512 executed on a CPU without
 * it dies of SIGILL at the first zmm instruction (or, worse, somewhere later): refuse before loading it.
 */
export function canRunOnHost(target: TargetDescription, host: HostDescription = hostDescription()): RunCheck {
  if (target.arch !== host.arch) {
    const hint = target.arch === "riscv64" ? " (run riscv64 executables under qemu-riscv64: codegen/link.ts, runQemu)" : "";
    return { ok: false, reason: `cannot run ${target.arch} code for target ${target.name} on this ${host.arch} host${hint}` };
  }
  const missing = target.requiredHostFeatures.filter((f) => !host.features.includes(f));
  if (missing.length > 0) {
    return {
      ok: false,
      reason:
        `cannot run code built for target ${target.name} on this host: its CPU (${host.cpu}) lacks ${missing.join(", ")}; ` +
        `build for target host or x86_64-avx2 instead`,
    };
  }
  return { ok: true };
}

export class TargetNotRunnableError extends Error {
  override name = "TargetNotRunnableError";
}

export function assertCanRunOnHost(target: TargetDescription, host: HostDescription = hostDescription()): void {
  const check = canRunOnHost(target, host);
  if (!check.ok) throw new TargetNotRunnableError(check.reason);
}
