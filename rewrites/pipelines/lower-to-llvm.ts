/**
 * Tensile's lowering from TOSA or Linalg on tensors to the llvm dialect, as one pipeline of MLIR 16's passes
 * (so that the same string runs in mlir-opt-16, except for Tensile's own math approximation):
 *
 *   TOSA -> linalg on tensors -> bufferized (every returned buffer owned by the caller) -> loops -> cf
 *        -> llvm dialect (arith, math, vector, memref, index, func, cf), unrealized casts reconciled
 *
 * `lowerToLLVMPipeline()` gives the pipeline text; `tensile-lower-to-llvm` names it in pipeline text and in
 * tensile-opt (`tensile-opt --pass-pipeline='builtin.module(tensile-lower-to-llvm)'`).
 * `lowerToLLVMPipeline({ parallel: true })` is the OpenMP variant, named `tensile-lower-to-llvm-parallel`:
 *
 *   ... memref-copy-to-linalg,func.func(convert-linalg-to-parallel-loops),convert-scf-to-openmp,
 *   func.func(canonicalize),expand-strided-metadata, ... ,convert-cf-to-llvm,convert-openmp-to-llvm,reconcile-unrealized-casts
 */
import { definePassPipeline } from "../../src/pass/registry.ts";

export interface LowerToLLVMOptions {
  /** Rewrite exp, log, tanh, erf, ... on f32 into polynomials that vectorize (default true); else LLVM intrinsics. */
  readonly approximateMath?: boolean;
  /**
   * Share the parallel loops of linalg ops out among threads (default false): `convert-linalg-to-parallel-loops`
   * + `convert-scf-to-openmp` in place of `convert-linalg-to-loops`, and `convert-openmp-to-llvm` before the
   * casts are reconciled. The translation calls libomp (codegen/translate/openmp.ts); host code only.
   */
  readonly parallel?: boolean;
}

/** The pipeline's passes in order, as pipeline text (a bare list, to nest in `builtin.module(...)`). */
export function lowerToLLVMPipeline(opts: LowerToLLVMOptions = {}): string {
  const stages = [
    // TOSA to linalg, tensor and arith on tensors (MLIR 16's TOSA lowering order).
    "tosa-to-scf",
    "func.func(tosa-to-linalg-named,tosa-to-linalg)",
    "tosa-to-tensor",
    "tosa-to-arith{include-apply-rescale=true}",
    "canonicalize",
    // Masked transfers as transfers with masks (what the bufferization and the vector lowerings take).
    "func.func(lower-vector-mask)",
    // Tensors to buffers: across function boundaries, identity layouts, returned buffers owned by the caller.
    "empty-tensor-to-alloc-tensor",
    "one-shot-bufferize{bufferize-function-boundaries=true allow-return-allocs=true function-boundary-type-conversion=identity-layout-map}",
    // Buffers to loops to branches.
    "memref-copy-to-linalg",
    // (In parallel, canonicalize inlines the memref.alloca_scope that convert-scf-to-openmp wraps each loop body
    // in: they allocate nothing on the stack, and a scope holding an scf.for would break convert-scf-to-cf, since
    // an alloca_scope has one block, in MLIR 16 too.)
    ...(opts.parallel === true ? ["func.func(convert-linalg-to-parallel-loops)", "convert-scf-to-openmp", "func.func(canonicalize)"] : ["func.func(convert-linalg-to-loops)"]),
    "expand-strided-metadata",
    "lower-affine",
    // n-D vector transfers (of vectorized code) to rank-1 ones under scf.if bounds checks, before scf goes.
    "convert-vector-to-scf",
    "convert-scf-to-cf",
    // bf16 arithmetic computed in f32 (LLVM 14's backends abort on bf16), before math is approximated or lowered;
    // arith-expand then turns bf16's extf/truncf into integer ops, and the llvm dialect carries bf16 as i16.
    "arith-emulate-unsupported-floats{source-types=bf16 target-type=f32}",
    ...(opts.approximateMath ?? true ? ["func.func(math-polynomial-approximation)"] : []),
    // Everything to the llvm dialect; math.ipowi/fpowi first become calls of outlined functions.
    "convert-math-to-funcs",
    "arith-expand{include-bf16=true}",
    // libm calls (and rsqrt as 1/sqrt) first, for what LLVM has no intrinsic for.
    "convert-math-to-libm",
    "convert-math-to-llvm",
    "convert-vector-to-llvm",
    "convert-memref-to-llvm",
    "convert-arith-to-llvm",
    "convert-index-to-llvm",
    "convert-func-to-llvm",
    "convert-cf-to-llvm",
    ...(opts.parallel === true ? ["convert-openmp-to-llvm"] : []),
    "reconcile-unrealized-casts",
  ];
  return stages.join(",");
}

export const lowerToLLVMPipelineDef = definePassPipeline(
  "tensile-lower-to-llvm",
  "Lower TOSA or Linalg on tensors to the llvm dialect (bufferized, loops, branches)",
  lowerToLLVMPipeline(),
);

export const lowerToLLVMParallelPipelineDef = definePassPipeline(
  "tensile-lower-to-llvm-parallel",
  "Lower TOSA or Linalg on tensors to the llvm dialect, the parallel loops of linalg ops as OpenMP worksharing loops",
  lowerToLLVMPipeline({ parallel: true }),
);
