/**
 * `convert-vector-to-llvm` (MLIR 16's ConvertVectorToLLVMPass.cpp and ConvertVectorToLLVM.cpp): vector ops
 * become llvm ops on 1-D LLVM vectors, n-D vectors being nested arrays of them (the shared LLVMTypeConverter).
 * Ops the llvm patterns do not take are first lowered to ones they do (lower-vector.ts: broadcast to splat,
 * insert and extract; masks to constants and compares; n-D fma unrolled; lower-shape.ts: transpose,
 * shape_cast, outerproduct and strided slices to extracts, inserts and shuffles; ../vector/lower-transfer.ts:
 * 1-D transfers of memrefs to vector loads and stores; unroll-memory.ts: n-D loads, stores and gathers row by
 * row; lower-contract.ts: contract and multi_reduction to extracts, products and reductions; print.ts:
 * vector.print to calls of the print runtime); arith and memref stay legal, as in MLIR 16 (convert-arith-to-llvm and convert-memref-to-llvm take them
 * after), with `builtin.unrealized_conversion_cast` where converted and unconverted values meet.
 *
 *   %b = vector.broadcast %x : f32 to vector<4xf32>   ->  llvm.insertelement + llvm.shufflevector
 *   %r = vector.reduction <add>, %v : vector<4xi32> into i32  ->  "llvm.intr.vector.reduce.add"(%v)
 *   %e = vector.extract %m[1, 2] : vector<3x4xf32>     ->  llvm.extractvalue + llvm.extractelement
 *   %l = vector.load %m[%i] : memref<?xf32>, vector<4xf32>  ->  llvm.getelementptr + llvm.bitcast + llvm.load
 *   %t = vector.transfer_read %m[%i], %p : memref<8xf32>, vector<4xf32>  ->  a mask of the lanes before the end
 *                                                                             + llvm.intr.masked.load (memory.ts)
 *
 * Options (Passes.td): reassociate-fp-reductions (fadd/fmul reductions may reassociate), force-32bit-vector-indices
 * (mask compares in i32 lanes, the default); enable-arm-neon / -arm-sve / -amx / -x86vector are
 * accepted but their dialects do not exist in Tensile, so setting them is an error. An op no pattern lowers
 * makes the pass fail naming it at its location (MLIR 16 leaves it in place): transfers of tensors (bufferize
 * first), n-D transfers and transfers through permutation maps (convert-vector-to-scf first), and what MLIR
 * 16's pass does not lower either (vector.mask, vector.scan, masked contractions); vector.type_cast is not
 * ported yet.
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { error } from "../../src/diag/diagnostic.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, legality } from "../../src/rewrite/conversion.ts";
import { LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { llvmOpPatterns } from "./convert-ops.ts";
import { memoryPatterns } from "./memory.ts";
import { printPatterns } from "./print.ts";
import { unrollMemoryPatterns } from "./unroll-memory.ts";
import { contractLoweringPatterns } from "./lower-contract.ts";
import { shapeInConversionPatterns, shapePreLoweringPatterns } from "./lower-shape.ts";
import { vectorInConversionPatterns, vectorPreLoweringPatterns } from "./lower-vector.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import type { Pattern } from "../../src/rewrite/pattern.ts";
import { createMaskOfConstants, transposeOfTranspose } from "../vector/canonicalize.ts";
import { maskedMemoryPatterns } from "../vector/masked-memory.ts";
import { transferConversionPatterns, transferLoweringPatterns } from "../vector/lower-transfer.ts";
import { stridedSliceOfConstantMask } from "../vector/strided-slice.ts";

export interface VectorToLLVMOptions {
  readonly reassociateFPReductions: boolean;
  readonly force32BitVectorIndices: boolean;
}

/**
 * The first, greedy phase (MLIR 16's populateVectorToVectorCanonicalizationPatterns and the vector lowerings
 * it applies with them): canonicalizations that fold masks known at compile time, then lowerings.
 */
export const vectorToLLVMPrePatterns: readonly Pattern[] = [
  createMaskOfConstants,
  transposeOfTranspose,
  stridedSliceOfConstantMask,
  ...maskedMemoryPatterns,
  ...vectorPreLoweringPatterns,
  ...shapePreLoweringPatterns,
  ...transferLoweringPatterns,
  ...unrollMemoryPatterns,
  ...contractLoweringPatterns,
];

/** The conversion phase's patterns under `opts`. */
export function vectorToLLVMPatterns(opts: VectorToLLVMOptions): ConversionPattern[] {
  return [...vectorInConversionPatterns(opts), ...shapeInConversionPatterns, ...llvmOpPatterns(opts), ...transferConversionPatterns, ...memoryPatterns, ...printPatterns];
}

/** Both phases' patterns with the default options (for coverage tables). */
export const allVectorToLLVMPatterns: readonly (Pattern | ConversionPattern)[] = [
  ...vectorPreLoweringPatterns,
  ...shapePreLoweringPatterns,
  ...transferLoweringPatterns,
  ...unrollMemoryPatterns,
  ...contractLoweringPatterns,
  ...vectorToLLVMPatterns({ reassociateFPReductions: false, force32BitVectorIndices: true }),
];

export const convertVectorToLLVMPass = definePass({
  name: "convert-vector-to-llvm",
  displayName: "ConvertVectorToLLVMPass",
  summary: "Lower the operations from the vector dialect into the LLVM dialect",
  description: "Lowers vector ops to llvm ops on 1-D vectors (n-D vectors as arrays of 1-D vectors), broadcasts, masks and n-D fma by way of simpler vector ops; arith stays for convert-arith-to-llvm.",
  options: t.type({
    reassociateFpReductions: t.boolean,
    force_32bitVectorIndices: t.boolean,
    enableAmx: t.boolean,
    enableArmNeon: t.boolean,
    enableArmSve: t.boolean,
    enableX86vector: t.boolean,
  }),
  defaults: {
    reassociateFpReductions: false,
    force_32bitVectorIndices: true,
    enableAmx: false,
    enableArmNeon: false,
    enableArmSve: false,
    enableX86vector: false,
  },
  optionDocs: {
    reassociateFpReductions: "Allows llvm to reassociate floating-point reductions for speed",
    force_32bitVectorIndices: "Allows compiler to assume vector indices fit in 32-bit if that yields faster code",
    enableAmx: "Enables the use of AMX dialect while lowering the vector dialect (no AMX dialect in Tensile: an error)",
    enableArmNeon: "Enables the use of ArmNeon dialect while lowering the vector dialect (no ArmNeon dialect in Tensile: an error)",
    enableArmSve: "Enables the use of ArmSVE dialect while lowering the vector dialect (no ArmSVE dialect in Tensile: an error)",
    enableX86vector: "Enables the use of X86Vector dialect while lowering the vector dialect (no X86Vector dialect in Tensile: an error)",
  },
  run(op, pctx, opts) {
    const missing = (["enableAmx", "enableArmNeon", "enableArmSve", "enableX86vector"] as const).filter((k) => opts[k]);
    if (missing.length > 0) return left([error(op.loc, `convert-vector-to-llvm: ${missing.join(", ")} needs a dialect Tensile does not have`)]);
    const pre = applyPatternsGreedily(op, vectorToLLVMPrePatterns, { ctx: pctx.context, ...(pctx.rewriteListener === undefined ? {} : { listener: pctx.rewriteListener }) });
    if (isLeft(pre)) return left([pre.left]);
    const typeConverter = new LLVMTypeConverter();
    const target = legality().legalDialect("llvm", "arith", "memref").legalOp("builtin.unrealized_conversion_cast").illegalDialect("vector");
    const patterns = vectorToLLVMPatterns({ reassociateFPReductions: opts.reassociateFpReductions, force32BitVectorIndices: opts.force_32bitVectorIndices });
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, patterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
