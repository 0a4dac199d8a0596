/**
 * The LLaMA path (see types.ts for the contracts): configuration and weights from GGUF files, the model in the
 * DSL (model.ts), its compiled kernels (kernels.ts), and the model bound to its weights with its sessions
 * (session.ts).
 */
export * from "./types.ts";
export { configFromGGUF } from "./config.ts";
export { openGGUFWeights } from "./gguf-source.ts";
export { decoderLayer, headInputs, type KernelShape, layerInputs, type LayerWeightTypes, outputHead, weightSpec } from "./model.ts";
export { compileLlamaKernels, HEAD_FUNCTION, kernelKey, type KernelOptions, layerFunctionName, layerSeqs, type LlamaKernels, llamaKernelModule } from "./kernels.ts";
export { callTables, kernelShapeOf, loadLlamaModel } from "./session.ts";
