/**
 * `convert-openmp-to-llvm` (MLIR 16's OpenMPToLLVM.cpp): the omp ops stay, but what they carry becomes the llvm
 * dialect's: their operands are the converted values, the arguments of their regions take converted types
 * (`index` -> i64, a memref -> its descriptor struct), and, as in MLIR 16, arith, cf, memref and func ops around
 * and inside them are lowered in the same conversion. The translation to LLVM IR (codegen/translate/openmp.ts)
 * then outlines each omp.parallel into a function run by libomp.
 *
 *   Before:                                                   After:
 *   omp.parallel   {                                          omp.parallel   {
 *     omp.wsloop   for  (%i) : index = (%lb) to (%ub)           omp.wsloop   for  (%i) : i64 = (%lb') to (%ub')
 *         step (%s) {                                                step (%s') {
 *       %v = memref.load %m[%i] : memref<8xf32>                   %p = llvm.getelementptr ... [%i]
 *       omp.yield                                                 %v = llvm.load %p : !llvm.ptr<f32>
 *     }                                                           omp.yield
 *     omp.terminator                                            }
 *   }                                                           omp.terminator
 *                                                             }
 *
 * (`%lb'` is `%lb` converted: an `llvm.mlir.constant`, or an `unrealized_conversion_cast` of the index value until
 * `reconcile-unrealized-casts` removes it.) Patterns: region ops (critical, master, parallel, wsloop, sections,
 * simdloop, single) get converted operands and region types; atomic.read/write, flush and threadprivate converted
 * operands (a memref operand declines, as in MLIR 16); omp.reduction converted operands. omp.terminator, taskyield,
 * flush, barrier and taskwait are always legal. Ops MLIR 16 does not convert (task, taskloop, taskgroup, ordered,
 * atomic.update/capture, cancel, the declarations) are left as they are.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import type { OpClassLike } from "../../src/ir/defining.ts";
import { MemRefType } from "../../src/ir/types.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, convert, legality } from "../../src/rewrite/conversion.ts";
import * as O from "../../dialects/omp/index.ts";
import { arithToLLVMPatterns } from "../arith-to-llvm/arith-to-llvm.ts";
import { cfToLLVMPatterns } from "../cf-to-llvm/cf-to-llvm.ts";
import { funcToLLVMPatterns } from "../func-to-llvm/func-to-llvm.ts";
import { createBefore } from "../llvm-common/pattern.ts";
import { LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { memrefToLLVMPatterns } from "../memref-to-llvm/memref-to-llvm.ts";

type OpClass = OpClassLike & { create(init: import("../../src/ir/operation.ts").OperationInit): Operation };

/**
 * A single-region omp op rebuilt on its converted operands, its region moved over and its block arguments
 * converted (MLIR's RegionOpConversion).
 *
 *   Before: omp.wsloop   for  (%i) : index = (%lb) to (%ub) step (%s) { ... }
 *   After:  omp.wsloop   for  (%i) : i64 = (%lb') to (%ub') step (%s') { ... }
 */
function regionOp(cls: OpClass): ConversionPattern {
  return convert({
    name: `${cls.info?.name ?? "omp"}-to-llvm`,
    root: cls,
    apply(op: Operation, adaptor, rw) {
      const created = createBefore(rw, op, { create: (init) => cls.create({ ...init, regions: op.regions.length }) }, {
        operands: adaptor.operands,
        attributes: Object.fromEntries(op.attributes),
      });
      op.regions.forEach((r, i) => rw.inlineRegionBefore(r, created.regions[i] as never, 0));
      if (!created.regions.every((r) => rw.convertRegionTypes(r))) return rw.fail("a region argument type cannot be converted");
      rw.eraseOp(op);
      return rw.done();
    },
  });
}

/**
 * A region-less omp op on converted operands and result types (MLIR's RegionLessOpWithVarOperandsConversion, and
 * its ReductionOpConversion); it declines memref operands, as MLIR 16 does ("memref is not supported yet").
 *
 *   Before: omp.atomic.read %v = %x : !llvm.ptr<i32>      After: the same, its operands the converted values
 */
function operandsOp(cls: OpClass): ConversionPattern {
  return convert({
    name: `${cls.info?.name ?? "omp"}-to-llvm`,
    root: cls,
    apply(op: Operation, adaptor, rw) {
      if (op.operands.some((v) => v.type instanceof MemRefType)) return rw.fail("memref is not supported yet");
      const resultTypes = rw.typeConverter?.convertTypes(op.resultTypes);
      if (resultTypes === undefined) return rw.fail("a result type cannot be converted");
      const created = createBefore(rw, op, cls, { operands: adaptor.operands, resultTypes, attributes: Object.fromEntries(op.attributes) });
      rw.replaceOp(op, created.results);
      return rw.done();
    },
  });
}

/** The omp patterns of convert-openmp-to-llvm (MLIR's populateOpenMPToLLVMConversionPatterns). */
export const openMPToLLVMPatterns: readonly ConversionPattern[] = [
  operandsOp(O.ReductionOp),
  ...[O.CriticalOp, O.MasterOp, O.ParallelOp, O.WsLoopOp, O.SectionsOp, O.SimdLoopOp, O.SingleOp].map((c) => regionOp(c as OpClass)),
  ...[O.AtomicReadOp, O.AtomicWriteOp, O.FlushOp, O.ThreadprivateOp].map((c) => operandsOp(c as OpClass)),
];

/** Which omp ops the conversion must make legal (MLIR's configureOpenMPToLLVMConversionLegality). */
function openMPLegality(types: LLVMTypeConverter) {
  const target = legality().legalDialect("llvm").legalOp(O.TerminatorOp, O.TaskyieldOp, O.FlushOp, O.BarrierOp, O.TaskwaitOp);
  const withRegion = (op: Operation): boolean => types.isRegionSignatureLegal(op) && types.isLegalOp(op);
  for (const c of [O.CriticalOp, O.ParallelOp, O.WsLoopOp, O.SimdLoopOp, O.MasterOp, O.SectionsOp, O.SingleOp]) target.dynamicallyLegalOp(c, withRegion);
  for (const c of [O.AtomicReadOp, O.AtomicWriteOp, O.FlushOp, O.ThreadprivateOp]) target.dynamicallyLegalOp(c, (op: Operation) => types.isLegalOp(op));
  target.dynamicallyLegalOp(O.ReductionOp, (op) => types.isLegal(op.operands.map((v) => v.type)));
  return target;
}

export const convertOpenMPToLLVMPass = definePass({
  name: "convert-openmp-to-llvm",
  displayName: "ConvertOpenMPToLLVMPass",
  summary: "Convert the OpenMP ops to OpenMP ops with LLVM dialect",
  description: "Gives omp ops converted operands and region argument types, lowering arith, cf, memref and func with them (MLIR 16's pass).",
  opName: "builtin.module",
  run(module, pctx) {
    const typeConverter = new LLVMTypeConverter();
    const target = openMPLegality(typeConverter);
    const patterns = [
      ...arithToLLVMPatterns,
      ...cfToLLVMPatterns,
      ...memrefToLLVMPatterns({ useAlignedAlloc: false, useGenericFunctions: false }),
      ...funcToLLVMPatterns,
      ...openMPToLLVMPatterns,
    ];
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(module, target, patterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
