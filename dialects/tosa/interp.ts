/**
 * Interpreter semantics of every TOSA op (MLIR 16), on tensors with value semantics: each op builds new
 * buffers and never writes its operands'. The kernels are in interp-elementwise.ts (broadcasting elementwise
 * ops, with the TOSA spec's integer rules), interp-data.ts (data movement, reductions, conversions) and
 * interp-nn.ts (matmul, convolutions, pooling, resize, fft); their module comments state the semantics.
 *
 * cond_if runs one branch on its inputs; while_loop runs `cond` and `body` until `cond` yields false;
 * tosa.custom has no meaning the interpreter could know (unsupported).
 */
import { valueOfAttribute } from "../../src/interp/attr-values.ts";
import { fail, unsupported } from "../../src/interp/errors.ts";
import { type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import type { RuntimeValue } from "../../src/interp/values.ts";
import * as D from "./interp-data.ts";
import * as E from "./interp-elementwise.ts";
import * as NN from "./interp-nn.ts";
import { intData, tensorArg } from "./interp-support.ts";
import * as T from "./ops.ts";

/** The value of a tensor<i1> condition (its first element; TOSA's are rank 0 or size 1). */
function truth(v: RuntimeValue | undefined, what: string): boolean {
  if (v === undefined || v.kind !== "shaped") return fail("invalid-ir", `${what} is not a tensor`);
  const d = intData(v);
  if (d.length !== 1) return fail("invalid-ir", `${what} has ${d.length} elements, not 1`);
  return d[0] !== 0n;
}

/** Bounds a while loop's trips so that a program that never stops fails instead of hanging. */
const MAX_WHILE_TRIPS = 1_000_000;

export const tosaInterpretations: readonly InterpretationEntry[] = [
  interpretation(T.ArgMaxOp, D.argmaxKernel),
  interpretation(T.AvgPool2dOp, NN.avgPoolKernel),
  interpretation(T.Conv2DOp, NN.convKernel),
  interpretation(T.Conv3DOp, NN.convKernel),
  interpretation(T.DepthwiseConv2DOp, NN.depthwiseConvKernel),
  interpretation(T.FullyConnectedOp, NN.fullyConnectedKernel),
  interpretation(T.MatMulOp, NN.matmulKernel),
  interpretation(T.MaxPool2dOp, NN.maxPoolKernel),
  interpretation(T.RFFT2dOp, NN.rfft2dKernel),
  interpretation(T.TransposeConv2DOp, NN.transposeConvKernel),
  interpretation(T.ClampOp, E.clampKernel),
  interpretation(T.SigmoidOp, E.sigmoidKernel),
  interpretation(T.TanhOp, E.tanhKernel),

  interpretation(T.AddOp, E.addKernel),
  interpretation(T.ArithmeticRightShiftOp, E.arithmeticRightShiftKernel),
  interpretation(T.BitwiseAndOp, E.bitwiseAndKernel),
  interpretation(T.BitwiseOrOp, E.bitwiseOrKernel),
  interpretation(T.BitwiseXorOp, E.bitwiseXorKernel),
  interpretation(T.DivOp, E.divKernel),
  interpretation(T.LogicalAndOp, E.logicalAndKernel),
  interpretation(T.LogicalLeftShiftOp, E.logicalLeftShiftKernel),
  interpretation(T.LogicalRightShiftOp, E.logicalRightShiftKernel),
  interpretation(T.LogicalOrOp, E.logicalOrKernel),
  interpretation(T.LogicalXorOp, E.logicalXorKernel),
  interpretation(T.MaximumOp, E.maximumKernel),
  interpretation(T.MinimumOp, E.minimumKernel),
  interpretation(T.MulOp, E.mulKernel),
  interpretation(T.PowOp, E.powKernel),
  interpretation(T.SubOp, E.subKernel),
  interpretation(T.TableOp, D.tableKernel),

  interpretation(T.AbsOp, E.absKernel),
  interpretation(T.BitwiseNotOp, E.bitwiseNotKernel),
  interpretation(T.CeilOp, E.ceilKernel),
  interpretation(T.ClzOp, E.clzKernel),
  interpretation(T.ExpOp, E.expKernel),
  interpretation(T.FloorOp, E.floorKernel),
  interpretation(T.LogOp, E.logKernel),
  interpretation(T.LogicalNotOp, E.logicalNotKernel),
  interpretation(T.NegateOp, E.negateKernel),
  interpretation(T.ReciprocalOp, E.reciprocalKernel),
  interpretation(T.RsqrtOp, E.rsqrtKernel),
  interpretation(T.SelectOp, E.selectKernel),
  interpretation(T.EqualOp, E.equalKernel),
  interpretation(T.GreaterOp, E.greaterKernel),
  interpretation(T.GreaterEqualOp, E.greaterEqualKernel),

  interpretation(T.ReduceAllOp, D.reduceKernel("all")),
  interpretation(T.ReduceAnyOp, D.reduceKernel("any")),
  interpretation(T.ReduceMaxOp, D.reduceKernel("max")),
  interpretation(T.ReduceMinOp, D.reduceKernel("min")),
  interpretation(T.ReduceProdOp, D.reduceKernel("prod")),
  interpretation(T.ReduceSumOp, D.reduceKernel("sum")),
  interpretation(T.ConcatOp, D.concatKernel),
  interpretation(T.PadOp, D.padKernel),
  interpretation(T.ReshapeOp, D.reshapeKernel),
  interpretation(T.ReverseOp, D.reverseKernel),
  interpretation(T.SliceOp, D.sliceKernel),
  interpretation(T.TileOp, D.tileKernel),
  interpretation(T.TransposeOp, D.transposeKernel),
  interpretation(T.GatherOp, D.gatherKernel),
  interpretation(T.ScatterOp, D.scatterKernel),
  interpretation(T.ResizeOp, NN.resizeKernel),
  interpretation(T.CastOp, D.castKernel),
  interpretation(T.RescaleOp, D.rescaleKernel),
  interpretation(T.ConstOp, (op) => [valueOfAttribute(op.value, op.output.type)]),
  interpretation(T.IdentityOp, (_op, args) => [tensorArg(args, 0)]),
  interpretation(T.CustomOp, (op) => unsupported(`'tosa.custom' operator '${op.identifier.value}' has no known semantics`)),

  interpretation(T.IfOp, (op, args, ctx) => {
    const [cond, ...inputs] = args;
    return ctx.runRegion(truth(cond, "the condition") ? op.then_branch : op.else_branch, inputs);
  }),
  interpretation(T.WhileOp, (op, args, ctx) => {
    let values: readonly RuntimeValue[] = args;
    for (let trip = 0; ; trip++) {
      if (trip > MAX_WHILE_TRIPS) return fail("limit", `tosa.while_loop ran more than ${MAX_WHILE_TRIPS} iterations`);
      const [cond] = ctx.runRegion(op.cond, values);
      if (!truth(cond, "the loop condition")) return [...values];
      values = ctx.runRegion(op.body, values);
    }
  }),
  interpretation(T.ApplyScaleOp, D.applyScaleKernel),
  interpretation(T.YieldOp, (_op, args, ctx) => ctx.exit(args)),
];
