/** Every op of MLIR 16's TOSA dialect (TosaOps.td and TosaUtilOps.td), in its order. */
import { controlOps } from "./ops-control.ts";
import { dataOps } from "./ops-data.ts";
import { elementwiseOps } from "./ops-elementwise.ts";
import { nnOps } from "./ops-nn.ts";

export * from "./ops-control.ts";
export * from "./ops-data.ts";
export * from "./ops-elementwise.ts";
export * from "./ops-nn.ts";

export const tosaOps = [...nnOps, ...elementwiseOps, ...dataOps, ...controlOps] as const;

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type TosaOp = InstanceType<(typeof tosaOps)[number]>;
