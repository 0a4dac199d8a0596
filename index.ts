/**
 * The `tensile` package: one import for users (`import { defineOp, rewrite, definePass } from "tensile"`).
 * Each dialect is a namespace (`arith.AddIOp`, `func.buildFunc`, `tensorDialect.ExtractSliceOp`: tensor, vector
 * and memref are the type constructors); the typed tensor DSL is `dsl`; everything else is flat.
 */
export * from "./src/ir/types.ts";
export * from "./src/ir/attributes.ts";
export * from "./src/ir/location.ts";
export * from "./src/ir/value.ts";
export * from "./src/ir/defining.ts";
export * from "./src/ir/operation.ts";
export * from "./src/ir/builder.ts";
export * from "./src/ir/context.ts";
export * from "./src/ir/symbol-table.ts";
export * from "./src/ir/affine.ts";
export * as traits from "./src/ir/traits.ts";
export * from "./src/ir/interfaces.ts";
export * as interfaces from "./src/interfaces/index.ts";
export * from "./src/diag/diagnostic.ts";
export * from "./src/irdl/constraints.ts";
export * from "./src/irdl/spec.ts";
export { defineOp, definitionOf, type OpClass, type OpDefinition } from "./src/irdl/define-op.ts";
export { defineDialect, defineDialectExtension } from "./src/irdl/dialect.ts";
export { verify, verifyOp } from "./src/irdl/verifier.ts";
export { parseAttribute, parseSource, parseType } from "./src/text/parser.ts";
export { printAttribute, printLocation, printOp, printType, type PrintOptions } from "./src/text/printer.ts";
export * from "./src/rewrite/rewriter.ts";
export * from "./src/rewrite/pattern.ts";
export * from "./src/rewrite/match.ts";
export { applyPatternsGreedily, type GreedyOptions, type GreedyResult } from "./src/rewrite/greedy.ts";
export * as conversion from "./src/rewrite/conversion.ts";
export * from "./src/pass/index.ts";
export {
  interpret,
  interpretation,
  InterpRegistry,
  compareResults,
  formatValues,
  type FloatTolerance,
  type InterpError,
  type InterpretOptions,
  type RuntimeValue,
} from "./src/interp/index.ts";
export { boolValue, floatValue, intValue } from "./src/interp/values.ts";
export { allDialects } from "./dialects/index.ts";
export * as arith from "./dialects/arith/index.ts";
export * as builtin from "./dialects/builtin/index.ts";
export * as cf from "./dialects/cf/index.ts";
export * as func from "./dialects/func/index.ts";
export * as math from "./dialects/math/index.ts";
export * as scf from "./dialects/scf/index.ts";
export * as affine from "./dialects/affine/index.ts";
export * as linalg from "./dialects/linalg/index.ts";
export * as tosa from "./dialects/tosa/index.ts";
export * as bufferization from "./dialects/bufferization/index.ts";
export * as omp from "./dialects/omp/index.ts";
// `tensor`, `vector` and `memref` name the type constructors (`tensor([2], f32)`): their dialects are these.
export * as tensorDialect from "./dialects/tensor/index.ts";
export * as vectorDialect from "./dialects/vector/index.ts";
export * as memrefDialect from "./dialects/memref/index.ts";
export * as dsl from "./frontends/dsl/index.ts";
export { newContext, newPassRegistry, type NewContextOptions, tensileExtensions, tensilePasses } from "./rewrites/index.ts";
export { canonicalize } from "./rewrites/canonicalize.ts";
export { checkRewrite, type CheckRewriteOptions, type CheckRewriteResult, type Transform } from "./rewrites/testing/check-rewrite.ts";
export { programs, recipes, valueArb, type ProgramCase, type ProgramOptions } from "./rewrites/testing/programs.ts";
export * as llvmDialect from "./dialects/llvm/index.ts";
export * as indexOps from "./dialects/index/index.ts";
export { lowerToLLVMPipeline } from "./rewrites/pipelines/lower-to-llvm.ts";
export { compile, type CompileOptions, type CompiledLibrary } from "./codegen/compile.ts";
export { alignedArray, alignedCopy } from "./codegen/aligned.ts";
export { release, type ReturnedArray, type StridedArray } from "./codegen/runtime/c-interface.ts";
export { translateToLLVM } from "./codegen/translate/module.ts";
export { getTarget, type TargetName } from "./codegen/target.ts";
