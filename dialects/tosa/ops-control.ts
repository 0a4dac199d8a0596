/**
 * MLIR 16's TOSA custom operator, control flow (cond_if, while_loop, yield) and utility op (apply_scale).
 * Generic form only, as in MLIR 16:
 *
 *   %r = "tosa.cond_if"(%pred, %x) ({
 *   ^bb0(%a: tensor<f32>):
 *     "tosa.yield"(%a) : (tensor<f32>) -> ()
 *   }, {
 *   ^bb0(%a: tensor<f32>):
 *     %n = "tosa.negate"(%a) : (tensor<f32>) -> tensor<f32>
 *     "tosa.yield"(%n) : (tensor<f32>) -> ()
 *   }) : (tensor<i1>, tensor<f32>) -> tensor<f32>
 *
 * The branches of cond_if take `inputs` as block arguments; while_loop's `cond` yields a tensor<i1> and its
 * `body` yields the next values of the loop-carried tensors.
 */
import { Elementwise, Pure, RecursiveMemoryEffects, SingleBlock, Terminator } from "../../src/ir/traits.ts";
import { BoolAttrC, StrAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { region, variadic } from "../../src/irdl/spec.ts";
import { inferFromYields } from "./infer-shape.ts";
import { inferShapesWith } from "../../src/interfaces/infer-shaped-type.ts";
import { I1Tensor, TosaInt8Like, TosaIntLike, TosaTensor } from "./types.ts";
import { verifyYieldRegions } from "./verify.ts";

export const CustomOp = defineOp({
  name: "tosa.custom",
  summary: "an operator outside TOSA, named by identifier, config and implementation attributes",
  operands: { inputs: variadic(TosaTensor) },
  results: { outputs: variadic(TosaTensor) },
  attributes: { identifier: StrAttr, config: StrAttr, implementation_attrs: StrAttr },
});
export type CustomOp = InstanceType<typeof CustomOp>;

export const IfOp = defineOp(
  {
    name: "tosa.cond_if",
    summary: "runs then_branch or else_branch on the inputs, by a tensor<i1> condition",
    operands: { cond: I1Tensor, inputs: variadic(TosaTensor) },
    results: { output: variadic(TosaTensor) },
    regions: { then_branch: region(), else_branch: region() },
    traits: [SingleBlock, RecursiveMemoryEffects],
  },
  { verify: verifyYieldRegions, interfaces: [inferShapesWith(inferFromYields([0, 1]))] },
);
export type IfOp = InstanceType<typeof IfOp>;

export const WhileOp = defineOp(
  {
    name: "tosa.while_loop",
    summary: "output = inputs; while cond(output): output = body(output)",
    operands: { inputs: variadic(TosaTensor) },
    results: { output: variadic(TosaTensor) },
    regions: { cond: region(), body: region() },
    traits: [SingleBlock, RecursiveMemoryEffects],
  },
  { verify: verifyYieldRegions, interfaces: [inferShapesWith(inferFromYields([1]))] },
);
export type WhileOp = InstanceType<typeof WhileOp>;

export const YieldOp = defineOp({
  name: "tosa.yield",
  summary: "returns values from the regions of cond_if and while_loop",
  operands: { inputs: variadic(TosaTensor) },
  traits: [Terminator, Pure],
});
export type YieldOp = InstanceType<typeof YieldOp>;

export const ApplyScaleOp = defineOp({
  name: "tosa.apply_scale",
  summary: "fixed-point rescale of value by multiplier and shift, rounding (twice with double_round)",
  operands: { value: TosaIntLike, multiplier: TosaIntLike, shift: TosaInt8Like },
  results: { output: TosaIntLike },
  attributes: { double_round: BoolAttrC },
  traits: [Pure, Elementwise],
});
export type ApplyScaleOp = InstanceType<typeof ApplyScaleOp>;

export const controlOps = [CustomOp, IfOp, WhileOp, ApplyScaleOp, YieldOp] as const;
