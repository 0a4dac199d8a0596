/**
 * The typed tensor DSL: write a model with shapes tsc checks, trace it to TOSA or Linalg on tensors.
 * See docs/DSL.md.
 */
export type { DType, FloatDType, IntDType, Dim, Shape, ShapeError, Broadcast, MatmulShape, ReduceShape, Permute, ConcatShape } from "./types.ts";
export { type CallSite, DslError, type Node, type NodeOp } from "./graph.ts";
export { Scope, spec, Tensor, type TensorSpec, type TensorOf, type TensorsOf } from "./tensor.ts";
export {
  abs,
  add,
  cast,
  constant,
  div,
  equal,
  exp,
  greater,
  greaterEqual,
  log,
  maximum,
  minimum,
  mul,
  neg,
  pow,
  reciprocal,
  rsqrt,
  select,
  sigmoid,
  sub,
  tanh,
} from "./ops-elementwise.ts";
export { concat, gather, matmul, max, mean, reshape, slice, sum, transpose } from "./ops-shape.ts";
export { causalMask, linear, rmsnorm, rope, type RopeOptions, ropeTables, ropeWith, silu, softmax } from "./nn.ts";
export { linearQ8_0, linearRows, Q8_0_BLOCK, Q8_0_BLOCK_BYTES } from "./ops-weights.ts";
export { evaluate, trace, traceGraph, type TraceOptions, type TraceResult, type Traced, type TracedValue } from "./trace.ts";
export type { TargetEmitter } from "./emit-tosa.ts";
export { interpretTraced } from "./run.ts";
