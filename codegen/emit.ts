/**
 * From an `llvm.Module` to machine code for a target: the target machine, optimisation with LLVM's
 * `default<O3>` pipeline (the target's cost model steering the vectorizers), verification, and object or
 * assembly emission to a buffer or a file.
 */
import { initializeLLVMTargets, llvm } from "./llvm.ts";
import { writeFileAtomic } from "./files.ts";
import type { TargetDescription } from "./target.ts";

export type OptLevel = 0 | 1 | 2 | 3;

export type OutputKind = "object" | "assembly";

export interface MachineOptions {
  /** Position-independent code, needed for shared objects (the default); static for executables. */
  readonly pic?: boolean;
  /** The code generator's optimisation level (default 3). */
  readonly codegenOptLevel?: OptLevel;
}

const machines = new Map<string, llvm.TargetMachine>();

/** The target machine for a target (one per target and options, kept for the process: LLVM never frees them). */
export function targetMachine(target: TargetDescription, options: MachineOptions = {}): llvm.TargetMachine {
  const pic = options.pic ?? true;
  const optLevel = options.codegenOptLevel ?? 3;
  const key = JSON.stringify([target.triple, target.cpu, target.features, target.abi, pic, optLevel]);
  let machine = machines.get(key);
  if (machine === undefined) {
    initializeLLVMTargets();
    const llvmTarget = llvm.TargetRegistry.lookupTarget(target.triple);
    if (llvmTarget === null) throw new Error(`LLVM has no target for ${target.triple} (target ${target.name})`);
    machine = llvmTarget.createTargetMachine(target.triple, target.cpu, target.features.join(","), {
      relocModel: pic ? "pic" : "static",
      optLevel,
      ...(target.abi === "" ? {} : { abiName: target.abi }),
    });
    machines.set(key, machine);
  }
  return machine;
}

/** LLVM's process-wide options are set for the target about to be used (only riscv64 has any today). */
function applyLLVMOptions(target: TargetDescription): void {
  if (target.llvmOptions.length > 0) llvm.parseCommandLineOptions([...target.llvmOptions]);
}

export class LLVMVerificationError extends Error {
  override name = "LLVMVerificationError";
}

/** Throws LLVM's verifier message for an invalid module: LLVM itself would crash or miscompile on it. */
export function verifyLLVMModule(module: llvm.Module): void {
  const problems = llvm.verifyModuleMessage(module);
  if (problems !== null) {
    throw new LLVMVerificationError(`LLVM IR of module '${module.getName()}' is invalid:\n${problems.trimEnd()}`);
  }
}

/** Gives the module the target's triple and data layout; refuses one built for another layout. */
export function prepareModuleForTarget(module: llvm.Module, target: TargetDescription): void {
  const layout = module.getDataLayoutStr();
  if (layout === "") module.setDataLayout(target.dataLayout);
  else if (layout !== target.dataLayout) {
    throw new Error(`module '${module.getName()}' has data layout '${layout}', not target ${target.name}'s '${target.dataLayout}'`);
  }
  const triple = module.getTargetTriple();
  if (triple === "") module.setTargetTriple(target.triple);
  else if (triple !== target.triple) {
    throw new Error(`module '${module.getName()}' is for ${triple}, not target ${target.name} (${target.triple})`);
  }
}

/** Runs LLVM's `default<O{level}>` pipeline on the module, in place, with the target machine's cost model. */
export function optimize(module: llvm.Module, target: TargetDescription, level: OptLevel = 3): void {
  prepareModuleForTarget(module, target);
  verifyLLVMModule(module);
  applyLLVMOptions(target);
  llvm.runPasses(module, `default<O${level}>`, targetMachine(target));
}

export interface EmitOptions extends MachineOptions {
  readonly kind?: OutputKind;
}

/** An ELF object (or assembly text) for the module; the module itself is left as it is. */
export function emit(module: llvm.Module, target: TargetDescription, options: EmitOptions = {}): Buffer {
  prepareModuleForTarget(module, target);
  verifyLLVMModule(module);
  applyLLVMOptions(target);
  return targetMachine(target, options).emitToBuffer(module, options.kind ?? "object");
}

/** Emits to `path` through a temporary file renamed into place. */
export function emitToFile(module: llvm.Module, target: TargetDescription, path: string, options: EmitOptions = {}): void {
  writeFileAtomic(path, emit(module, target, options));
}
