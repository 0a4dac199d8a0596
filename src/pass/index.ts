/**
 * Passes and pass pipelines: define a pass (`definePass`), configure it (`pass`), nest pipelines on op names
 * (`nest`), parse and print MLIR's pipeline text, register passes by name, and run pipelines with
 * verification, IR printing, timing, statistics and crash reproducers.
 */
export { describeOp, irPrinter, type IrPrintingOptions, type PassFilter, type PassInstrumentation } from "./instrumentation.ts";
export { dashedName, type OptionField, printOptionValue } from "./options.ts";
export {
  definePass,
  optionsSchema,
  pass,
  passFromText,
  type Pass,
  type PassContext,
  type PassDef,
  type PassOutcome,
  type PassResult,
  type PassSpec,
} from "./pass.ts";
export {
  type FailureKind,
  PassManager,
  type PassManagerOptions,
  type PipelineFailure,
  type PipelineRun,
  type RunPipelineOptions,
  runPipeline,
} from "./pass-manager.ts";
export { ANY_OP, anchored, type NestedPipeline, nest, type PipelineItem, type PipelineSpec, passesOf, toSpec } from "./pipeline.ts";
export {
  PIPELINE_FILE,
  type ParsePipelineOptions,
  type PrintPipelineOptions,
  parsePipeline,
  printPipeline,
  printPipelineItems,
} from "./pipeline-text.ts";
export { type RegistryEntry, definePassPipeline, type PassPipelineDef, PassRegistry } from "./registry.ts";
export { type ReportNode, renderStatisticsReport, renderTimingReport, type StatisticsDisplay, type TimingDisplay } from "./reports.ts";
export { formatReproducer, type ReproducerConfig, type ReproducerOptions, readReproducerConfig, writeReproducer } from "./reproducer.ts";
