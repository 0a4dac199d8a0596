/**
 * The second oracle of native code: MLIR 16 itself, as the issue states it. A module (TOSA or Linalg on tensors,
 * as Tensile's `compile` takes it) is lowered by `mlir-opt-16` with the equivalent of Tensile's named pipeline
 * `tensile-lower-to-llvm` (`mlir16LowerToLLVMPipeline`), translated by `mlir-translate-16 --mlir-to-llvmir`,
 * compiled by `clang-16 -O3 -march=native -fPIC -c`, linked into a shared object by `clang-16 -shared` (with
 * MLIR's `memrefCopy` runtime function, `memrefCopySource`, and libm), and loaded and called through the very
 * runtime Tensile's compiled code uses (codegen/host-library.ts, codegen/runtime/c-interface.ts):
 *
 *   const lib = compileWithMlir16(module, { ctx });   // Either<string, Mlir16Library>
 *   const [y] = lib.right.functions.f.call({ data: x, shape: [4, 8] });
 *   lib.right.unload();
 *
 * Calling through `_mlir_ciface_<name>` is what makes one runtime fit both: MLIR 16's convert-func-to-llvm
 * expands a memref argument into its descriptor's fields and Tensile's passes it as one struct value (a recorded
 * departure, docs/ARCHITECTURE.md), but both make the same C wrappers (a pointer to each memref's descriptor, a
 * pointer to a results struct first when a memref or several values are returned). Nothing is cached: every
 * compile runs the tools in a fresh temporary directory, removed once the library is loaded.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Either, left, right } from "fp-ts/lib/Either.js";
import koffi from "koffi";
import { publicFunctions } from "../../codegen/compile.ts";
import { loadHostLibrary } from "../../codegen/host-library.ts";
import { type CInterfaceFunction, cInterface, type ReturnedArray } from "../../codegen/runtime/c-interface.ts";
import { hostTarget } from "../../codegen/target.ts";
import { lowerToLLVMPipeline } from "../../rewrites/pipelines/lower-to-llvm.ts";
import { StringAttr, UnitAttr } from "../../src/ir/attributes.ts";
import type { Context } from "../../src/ir/context.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { printOp } from "../../src/text/printer.ts";
import { memrefCopySource, mlirOpt16 } from "./mlir16-run.ts";

/**
 * Tensile's own passes in `tensile-lower-to-llvm`, and what stands in for each in MLIR 16 (every other pass of the
 * pipeline has MLIR 16's name and options and runs as it is):
 * - `memref-copy-to-linalg` (strided copies as loops): none; MLIR 16's convert-memref-to-llvm copies contiguous
 *   memrefs with `llvm.memcpy` and calls its runtime's `memrefCopy` for the rest, linked in here.
 * - `math-polynomial-approximation` (Tensile's coefficients): MLIR 16's `test-math-polynomial-approximation`,
 *   which approximates more functions (also atan, atan2, sin, cos, expm1), less accurately (exp to 80 ulp:
 *   docs/MATH-APPROXIMATIONS.md).
 * - `arith-expand`: MLIR 16's pass of the same name, whose maxf/minf may return either zero when comparing -0
 *   with +0 (Tensile's returns IEEE's), and whose ceildivsi/floordivsi overflow at the minimum value.
 * - `arith-emulate-unsupported-floats` (MLIR 17's; bf16 computed in f32) and arith-expand's `include-bf16` (MLIR
 *   17's option): none; MLIR 16 keeps bf16 to LLVM, whose later versions promote it to float themselves.
 * - `convert-math-to-libm` before `convert-math-to-llvm`: MLIR 16's math-to-libm marks every math op illegal, also
 *   those it has no call for, so MLIR 16 runs math-to-llvm first and sends what is left to libm.
 */
const MLIR16_STAND_INS: readonly (readonly [tensile: string, mlir16: string])[] = [
  ["memref-copy-to-linalg,", ""],
  ["arith-emulate-unsupported-floats{source-types=bf16 target-type=f32},", ""],
  ["arith-expand{include-bf16=true}", "arith-expand"],
  ["func.func(math-polynomial-approximation)", "func.func(test-math-polynomial-approximation)"],
  ["convert-math-to-libm,convert-math-to-llvm", "convert-math-to-llvm,convert-math-to-libm"],
];

/** `tensile-lower-to-llvm` as MLIR 16 runs it (a bare list of passes; see MLIR16_STAND_INS). */
export function mlir16LowerToLLVMPipeline(): string {
  let text = lowerToLLVMPipeline();
  for (const [tensile, mlir16] of MLIR16_STAND_INS) {
    if (!text.includes(tensile)) throw new Error(`mlir16-native: tensile-lower-to-llvm no longer contains '${tensile}'; update MLIR16_STAND_INS`);
    text = text.replace(tensile, mlir16);
  }
  return text;
}

export interface Mlir16Library {
  /** Each public function of the module, by name, called through its `_mlir_ciface_` wrapper. */
  readonly functions: Readonly<Record<string, CInterfaceFunction>>;
  /**
   * Frees a returned memref's buffer if the compiled code allocated it and has not freed it; says whether it did.
   * MLIR 16's bufferization does not follow Tensile's ownership rule: a returned memref may be an argument or a
   * constant global, which must not be freed.
   */
  release(array: ReturnedArray): boolean;
  unload(): void;
}

/**
 * The runtime linked into the shared object: MLIR's `memrefCopy`, and the compiled code's malloc and free (its
 * calls are renamed to these) keeping the set of live buffers, so that `release` frees only what the code
 * allocated. Allocations are zeroed, as the interpreter's fresh memory reads as zero (mlir16-run.ts does the same).
 */
const runtimeSource = `${memrefCopySource}
#include <stdlib.h>
static void **live;
static size_t live_count, capacity;
static long find(void *p) {
  for (size_t i = live_count; i-- > 0;) if (live[i] == p) return (long)i;
  return -1;
}
void *tensile_oracle_malloc(int64_t n) {
  void *p = calloc(1, (size_t)n);
  if (live_count == capacity) {
    capacity = capacity == 0 ? 64 : 2 * capacity;
    live = realloc(live, capacity * sizeof *live);
  }
  live[live_count++] = p;
  return p;
}
void tensile_oracle_free(void *p) {
  long i = find(p);
  if (i >= 0) live[i] = live[--live_count];
  free(p);
}
int tensile_oracle_release(void *p) {
  long i = find(p);
  if (i < 0) return 0;
  live[i] = live[--live_count];
  free(p);
  return 1;
}
`;

/** The lowered module's heap calls, sent to the runtime's tracking versions. */
const trackedHeap = (llvmDialect: string): string => llvmDialect.replaceAll("@malloc(", "@tensile_oracle_malloc(").replaceAll("@free(", "@tensile_oracle_free(");

/** The first lines of a tool's complaint. */
const firstLines = (text: string, n = 6): string => text.split("\n").slice(0, n).join("\n");

function runTool(tool: string, args: readonly string[], cwd: string): string | undefined {
  const r = spawnSync(tool, args, { cwd, encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 28 });
  if (r.error !== undefined) return `${tool} could not run (scripts/setup.sh installs it): ${r.error.message}`;
  return r.status === 0 ? undefined : `${tool} ${args.join(" ")} failed (${r.signal ?? `exit ${r.status}`}):\n${firstLines(r.stderr)}`;
}

/** A copy of `module` whose public functions ask for MLIR's C interface (`llvm.emit_c_interface`), as Tensile's compile makes. */
export function withCInterfaces(module: Operation): Operation {
  const names = new Set(publicFunctions(module).keys());
  const copy = module.clone();
  for (const op of copy.regions[0]?.blocks[0]?.ops() ?? []) {
    const name = op.attr("sym_name");
    if (op.name === "func.func" && name instanceof StringAttr && names.has(name.value)) op.setAttr("llvm.emit_c_interface", UnitAttr.get());
  }
  return copy;
}

/**
 * Compiles `module` with MLIR 16 and clang-16 for this machine and loads it; or says which tool refused it and
 * why (mlir-opt-16 rejecting an op it cannot lower is an answer, not an exception).
 */
export function compileWithMlir16(module: Operation, opts: { readonly ctx?: Context } = {}): Either<string, Mlir16Library> {
  const signatures = publicFunctions(module);
  const copy = withCInterfaces(module);
  const lowered = mlirOpt16([`--pass-pipeline=builtin.module(${mlir16LowerToLLVMPipeline()})`], printOp(copy, opts.ctx === undefined ? {} : { ctx: opts.ctx }));
  if (lowered.error !== undefined) return left(`mlir-opt-16 could not run (scripts/setup.sh installs it): ${lowered.error.message}`);
  if (lowered.status !== 0) return left(`mlir-opt-16 (${lowered.signal ?? `exit ${lowered.status}`}):\n${firstLines(lowered.stderr)}`);
  const dir = mkdtempSync(join(tmpdir(), "tensile-mlir16-native-"));
  try {
    writeFileSync(join(dir, "module.mlir"), trackedHeap(lowered.stdout));
    writeFileSync(join(dir, "runtime.c"), runtimeSource);
    const failed =
      runTool("mlir-translate-16", ["--mlir-to-llvmir", "module.mlir", "-o", "module.ll"], dir) ??
      // mlir-translate-16 sets no triple: clang's (the host's) is the one meant.
      runTool("clang-16", ["-O3", "-march=native", "-fPIC", "-Wno-override-module", "-c", "module.ll", "-o", "module.o"], dir) ??
      runTool("clang-16", ["-O3", "-march=native", "-fPIC", "-shared", "-o", "module.so", "module.o", "runtime.c", "-lm"], dir);
    if (failed !== undefined) return left(failed);
    // Loaded before the directory goes: the mapping outlives the file.
    const library = loadHostLibrary(join(dir, "module.so"), hostTarget());
    const functions: Record<string, CInterfaceFunction> = {};
    for (const [name, type] of signatures) functions[name] = cInterface(library, name, type);
    const releaseBuffer = library.func("int tensile_oracle_release(void *p)");
    return right({
      functions,
      release: (array) => array.allocated !== 0n && releaseBuffer(koffi.decode(new BigInt64Array([array.allocated]), "void *")) === 1,
      unload: () => library.unload(),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
