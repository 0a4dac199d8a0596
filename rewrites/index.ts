/**
 * What Tensile ships on top of its dialects, and the two entry points that put it all together:
 *
 *   const ctx = newContext();              // every dialect, with every extension (canonicalization patterns)
 *   const registry = newPassRegistry();    // every pass (canonicalize, cse, dce, symbol-dce, inline)
 *   runPipeline(module, "builtin.module(func.func(canonicalize,cse))", { ctx, registry });
 *
 * Nothing here registers itself anywhere: each call builds a fresh context or registry, which the caller may
 * extend (`ctx.load(myDialect)`, `registry.register(myPass)`) without touching anyone else's.
 */
import { allDialects } from "../dialects/index.ts";
import { Context, type DialectExtension } from "../src/ir/context.ts";
import type { PassDef } from "../src/pass/pass.ts";
import { PassRegistry } from "../src/pass/registry.ts";
import { affineCanonicalization } from "./affine/canonicalize.ts";
import { arithCanonicalization } from "./arith/canonicalize.ts";
import { bufferizationCanonicalization } from "./bufferization/canonicalize.ts";
import { bufferizationModelExtensions, bufferResultsToOutParamsPass, emptyTensorToAllocTensorPass, oneShotBufferizePass } from "./bufferization/passes.ts";
import { canonicalizePass } from "./canonicalize.ts";
import { cfCanonicalization } from "./cf/canonicalize.ts";
import { funcCanonicalization } from "./func/canonicalize.ts";
import { linalgCanonicalization } from "./linalg/canonicalize.ts";
import { generalizeNamedOpsPass } from "./linalg/generalize.ts";
import { lowerAffinePass } from "./affine-to-standard/lower-affine.ts";
import { expandStridedMetadataPass } from "./memref/expand-strided-metadata.ts";
import { lowerVectorMaskPass } from "./vector/lower-vector-mask.ts";
import { convertScfToCfPass } from "./scf-to-cf/scf-to-cf.ts";
import { convertScfToOpenMPPass } from "./scf-to-openmp/scf-to-openmp.ts";
import { convertOpenMPToLLVMPass } from "./openmp-to-llvm/openmp-to-llvm.ts";
import { convertLinalgToAffineLoopsPass, convertLinalgToLoopsPass, convertLinalgToParallelLoopsPass } from "./linalg-to-loops/linalg-to-loops.ts";
import { mathPolynomialApproximationPass } from "./math/polynomial-approximation.ts";
import { arithEmulateUnsupportedFloatsPass } from "./arith/emulate-unsupported-floats.ts";
import { arithExpandPass } from "./arith/expand.ts";
import { memrefCopyToLinalgPass } from "./memref/copy-to-linalg.ts";
import { convertMathToFuncsPass } from "./math-to-funcs/math-to-funcs.ts";
import { convertMathToLibmPass } from "./math-to-libm/math-to-libm.ts";
import { lowerToLLVMParallelPipelineDef, lowerToLLVMPipelineDef } from "./pipelines/lower-to-llvm.ts";
import { convertArithToLLVMPass } from "./arith-to-llvm/arith-to-llvm.ts";
import { convertMathToLLVMPass } from "./math-to-llvm/math-to-llvm.ts";
import { convertCfToLLVMPass } from "./cf-to-llvm/cf-to-llvm.ts";
import { convertMemRefToLLVMPass, finalizeMemRefToLLVMPass } from "./memref-to-llvm/memref-to-llvm.ts";
import { convertVectorToLLVMPass } from "./vector-to-llvm/vector-to-llvm.ts";
import { convertVectorToSCFPass } from "./vector-to-scf/vector-to-scf.ts";
import { convertFuncToLLVMPass } from "./func-to-llvm/func-to-llvm.ts";
import { reconcileUnrealizedCastsPass } from "./reconcile-unrealized-casts/reconcile-unrealized-casts.ts";
import { memrefCanonicalization } from "./memref/canonicalize.ts";
import { ompCanonicalization } from "./omp/canonicalize.ts";
import { scfCanonicalization } from "./scf/canonicalize.ts";
import { scfTensorCanonicalization } from "./scf/tensor-patterns.ts";
import { tosaCanonicalization } from "./tosa/canonicalize.ts";
import { tensorCanonicalization } from "./tensor/canonicalize.ts";
import { vectorCanonicalization } from "./vector/canonicalize.ts";
import { tosaToArithPass } from "./tosa-to-arith/tosa-to-arith.ts";
import { tosaToLinalgNamedPass } from "./tosa-to-linalg/named.ts";
import { tosaToLinalgPass } from "./tosa-to-linalg/tosa-to-linalg.ts";
import { tosaToScfPass } from "./tosa-to-scf/tosa-to-scf.ts";
import { tosaToTensorPass } from "./tosa-to-tensor/tosa-to-tensor.ts";
import { csePass } from "./transforms/cse.ts";
import { dcePass } from "./transforms/dce.ts";
import { inlinePass } from "./transforms/inline.ts";
import { symbolDcePass } from "./transforms/symbol-dce.ts";
import { convertIndexToLLVMPass } from "./index-to-llvm/index-to-llvm.ts";

/** Every dialect extension Tensile ships, in load order (the canonicalize pass tries patterns in this order). */
export const tensileExtensions: readonly DialectExtension[] = [
  arithCanonicalization,
  cfCanonicalization,
  funcCanonicalization,
  linalgCanonicalization,
  memrefCanonicalization,
  ompCanonicalization,
  tosaCanonicalization,
  scfCanonicalization,
  scfTensorCanonicalization,
  affineCanonicalization,
  vectorCanonicalization,
  tensorCanonicalization,
  bufferizationCanonicalization,
  ...bufferizationModelExtensions,
];

/** Every pass Tensile ships. */
// One pass per line, so that engineers adding passes at once rarely conflict here.
export const tensilePasses: readonly PassDef[] = [
  canonicalizePass,
  csePass,
  dcePass,
  symbolDcePass,
  inlinePass,
  generalizeNamedOpsPass,
  convertLinalgToLoopsPass,
  convertLinalgToAffineLoopsPass,
  convertLinalgToParallelLoopsPass,
  mathPolynomialApproximationPass,
  arithExpandPass,
  arithEmulateUnsupportedFloatsPass,
  memrefCopyToLinalgPass,
  convertMathToFuncsPass,
  convertMathToLibmPass,
  convertArithToLLVMPass,
  convertMathToLLVMPass,
  convertCfToLLVMPass,
  convertMemRefToLLVMPass,
  finalizeMemRefToLLVMPass,
  convertVectorToLLVMPass,
  convertVectorToSCFPass,
  convertFuncToLLVMPass,
  reconcileUnrealizedCastsPass,
  oneShotBufferizePass,
  emptyTensorToAllocTensorPass,
  tosaToLinalgNamedPass,
  tosaToLinalgPass,
  tosaToTensorPass,
  tosaToArithPass,
  tosaToScfPass,
  convertScfToCfPass,
  lowerAffinePass,
  expandStridedMetadataPass,
  convertScfToOpenMPPass,
  convertOpenMPToLLVMPass,
  lowerVectorMaskPass,
  convertIndexToLLVMPass,
  bufferResultsToOutParamsPass,
];

export interface NewContextOptions {
  /** Accept ops of dialects that are not loaded, in generic form (mlir-opt's --allow-unregistered-dialect). */
  readonly allowUnregisteredDialects?: boolean;
}

/** A context with every dialect and every dialect extension loaded. */
export function newContext(opts: NewContextOptions = {}): Context {
  return new Context(allDialects, { extensions: tensileExtensions, allowUnregisteredDialects: opts.allowUnregisteredDialects ?? false });
}

/** A pass registry with every pass Tensile ships (and `extra`, e.g. a tool's own passes). */
export function newPassRegistry(extra: readonly PassDef[] = []): PassRegistry {
  return new PassRegistry().registerAll(tensilePasses).register(lowerToLLVMPipelineDef).register(lowerToLLVMParallelPipelineDef).registerAll(extra);
}
