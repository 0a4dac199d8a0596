/**
 * The one import of the patched llvm-bindings (patches/llvm-bindings+0.4.2.patch; the API it adds is listed in
 * docs/ARCHITECTURE.md, "The backend"). Everything else in Tensile reaches LLVM through this module, so the
 * process-wide target registration happens once and in one place.
 */
import llvm from "llvm-bindings";

export { llvm };

let targetsInitialized = false;

/** Registers every target LLVM was built with (x86 and RISC-V among them) with their MC layers and printers. */
export function initializeLLVMTargets(): void {
  if (targetsInitialized) return;
  llvm.InitializeAllTargetInfos();
  llvm.InitializeAllTargets();
  llvm.InitializeAllTargetMCs();
  llvm.InitializeAllAsmPrinters();
  llvm.InitializeAllAsmParsers();
  targetsInitialized = true;
}
