/** The bufferization dialect (MLIR 16's BufferizationOps.td): tensors to and from memrefs, and tensor allocation. */
import { defineDialect } from "../../src/irdl/dialect.ts";
import { bufferizationInterpretations } from "./interp.ts";
import { bufferizationOps } from "./ops.ts";

export * from "./ops.ts";

export const bufferization = defineDialect({ name: "bufferization", ops: bufferizationOps, interpreter: bufferizationInterpretations });
