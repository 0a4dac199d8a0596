/**
 * The bufferization passes, with MLIR 16's names and options (Bufferization/Transforms/Passes.td):
 *
 *   one-shot-bufferize{bufferize-function-boundaries allow-return-allocs function-boundary-type-conversion=identity-layout-map}
 *   empty-tensor-to-alloc-tensor
 *
 * and the dialect extensions that give the tensor, linalg, arith, bufferization and func ops their
 * BufferizableOpInterface (the per-dialect BufferizableOpInterfaceImpl.cpp of MLIR).
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { error } from "../../src/diag/diagnostic.ts";
import type { DialectExtension } from "../../src/ir/context.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { rewrite } from "../../src/rewrite/pattern.ts";
import { AllocTensorOp } from "../../dialects/bufferization/index.ts";
import { EmptyOp } from "../../dialects/tensor/index.ts";
import { coreModels } from "./models-core.ts";
import { funcModels } from "./models-func.ts";
import { linalgModels } from "./models-linalg.ts";
import { scfModels } from "./models-scf.ts";
import { vectorModels } from "./models-vector.ts";
import { tensorModels } from "./models-tensor.ts";
import { defaultOneShotOptions, oneShotBufferize } from "./one-shot.ts";
export { bufferResultsToOutParamsPass } from "./out-params.ts";
import type { LayoutMapOption } from "./state.ts";

/** The BufferizableOpInterface models, one extension per dialect (applied when the dialect is loaded). */
export const bufferizationModelExtensions: readonly DialectExtension[] = [
  defineDialectExtension({ name: "tensor-bufferization", dialects: ["tensor", "memref", "linalg"], interfaces: tensorModels }),
  defineDialectExtension({ name: "linalg-bufferization", dialects: ["linalg"], interfaces: linalgModels }),
  defineDialectExtension({ name: "arith-bufferization", dialects: ["arith", "bufferization", "memref"], interfaces: coreModels }),
  defineDialectExtension({ name: "func-bufferization", dialects: ["func"], interfaces: funcModels }),
  defineDialectExtension({ name: "scf-bufferization", dialects: ["scf"], interfaces: scfModels }),
  defineDialectExtension({ name: "vector-bufferization", dialects: ["vector"], interfaces: vectorModels }),
];

const LayoutMap = t.keyof({ "infer-layout-map": null, "identity-layout-map": null, "fully-dynamic-layout-map": null });

export const oneShotBufferizePass = definePass({
  name: "one-shot-bufferize",
  displayName: "OneShotBufferize",
  summary: "One-Shot Bufferize",
  description:
    "Decides which tensor operands may be written in place (a read-after-write analysis over alias sets), copies the others, " +
    "and rewrites every op on buffers; each allocation is freed at the end of its block unless the function returns it " +
    "(then the caller frees it: docs/ARCHITECTURE.md).",
  opName: "builtin.module",
  options: t.type({
    allowReturnAllocs: t.boolean,
    allowUnknownOps: t.boolean,
    analysisFuzzerSeed: t.number,
    analysisHeuristic: t.keyof({ "bottom-up": null }),
    bufferizeFunctionBoundaries: t.boolean,
    copyBeforeWrite: t.boolean,
    createDeallocs: t.boolean,
    dialectFilter: t.array(t.string),
    functionBoundaryTypeConversion: LayoutMap,
    mustInferMemorySpace: t.boolean,
    testAnalysisOnly: t.boolean,
    printConflicts: t.boolean,
    unknownTypeConversion: LayoutMap,
  }),
  defaults: {
    allowReturnAllocs: false,
    allowUnknownOps: false,
    analysisFuzzerSeed: 0,
    analysisHeuristic: "bottom-up",
    bufferizeFunctionBoundaries: false,
    copyBeforeWrite: false,
    createDeallocs: true,
    dialectFilter: [],
    functionBoundaryTypeConversion: "infer-layout-map",
    mustInferMemorySpace: false,
    testAnalysisOnly: false,
    printConflicts: false,
    unknownTypeConversion: "fully-dynamic-layout-map",
  },
  optionDocs: {
    allowReturnAllocs: "Allows returning/yielding new allocations from a block.",
    allowUnknownOps: "Allows unknown (not bufferizable) ops in the input IR.",
    analysisFuzzerSeed: "Test only: analyze ops in random order with a given seed (accepted; Tensile analyses bottom-up only)",
    analysisHeuristic: "Heuristic that control the IR traversal during analysis (bottom-up only)",
    bufferizeFunctionBoundaries: "Bufferize function boundaries (signatures, calls and returns).",
    copyBeforeWrite: "Skip the analysis. Make a buffer copy on every write.",
    createDeallocs: "Specify if buffers should be deallocated.",
    dialectFilter: "Restrict bufferization to ops from these dialects.",
    functionBoundaryTypeConversion: "Controls layout maps when bufferizing function signatures.",
    mustInferMemorySpace: "The memory space of memref types must always be inferred (memory spaces are not supported: accepted, no effect)",
    testAnalysisOnly: "Test only: Only run inplaceability analysis and annotate IR",
    printConflicts: "Test only: Annotate IR with RaW conflicts. Requires test-analysis-only.",
    unknownTypeConversion: "Controls layout maps for non-inferrable memref types.",
  },
  statistics: {
    "num-buffer-alloc": "Number of buffer allocations",
    "num-buffer-dealloc": "Number of buffer deallocations",
    "num-tensor-in-place": "Number of in-place tensor OpOperands",
    "num-tensor-out-of-place": "Number of out-of-place tensor OpOperands",
  },
  run(module, pctx, opts) {
    if (opts.unknownTypeConversion === "infer-layout-map") {
      return left([error(module.loc, "Invalid option unknown-type-conversion: infer-layout-map is only for function boundaries")]);
    }
    if (opts.printConflicts && !opts.testAnalysisOnly) return left([error(module.loc, "print-conflicts requires test-analysis-only")]);
    const r = oneShotBufferize(
      module,
      {
        ...defaultOneShotOptions,
        ...opts,
        functionBoundaryTypeConversion: opts.functionBoundaryTypeConversion as LayoutMapOption,
        unknownTypeConversion: opts.unknownTypeConversion as LayoutMapOption,
      },
      pctx.rewriteListener,
    );
    if (isLeft(r)) return left(r.left);
    pctx.stat("num-buffer-alloc", r.right.allocs);
    pctx.stat("num-buffer-dealloc", r.right.deallocs);
    pctx.stat("num-tensor-in-place", r.right.inPlace);
    pctx.stat("num-tensor-out-of-place", r.right.outOfPlace);
    return { changed: true };
  },
});

/**
 * tensor.empty -> bufferization.alloc_tensor (MLIR 16's EmptyTensorToAllocTensor).
 *   Before: %0 = tensor.empty(%n) : tensor<?x4xf32>
 *   After:  %0 = bufferization.alloc_tensor(%n) : tensor<?x4xf32>
 */
export const emptyToAllocTensor = rewrite({
  name: "empty-tensor-to-alloc-tensor",
  root: EmptyOp,
  examples: [],
  apply(op, rw) {
    rw.replaceOpWithNew(op, AllocTensorOp, { dynamic_sizes: [...op.dynamicSizes] as never, result: op.result.type as never });
    return rw.done();
  },
});

export const emptyTensorToAllocTensorPass = definePass({
  name: "empty-tensor-to-alloc-tensor",
  displayName: "EmptyTensorToAllocTensor",
  summary: "Replace all empty ops by alloc_tensor ops.",
  description: "tensor.empty ops return a tensor of unspecified contents whose only purpose is to carry the tensor shape. This pass converts such ops to bufferization.alloc_tensor ops, which bufferize to buffer allocations.",
  run(op, pctx) {
    const listener = pctx.rewriteListener;
    const r = applyPatternsGreedily(op, [emptyToAllocTensor], { ctx: pctx.context, fold: false, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.changed };
  },
});
