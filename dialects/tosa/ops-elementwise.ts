/**
 * MLIR 16's TOSA elementwise operators: binary (broadcasting, ResultsBroadcastableShape), unary, select and
 * comparisons. Generic form only, as in MLIR 16:
 *
 *   %0 = "tosa.add"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
 *   %1 = "tosa.mul"(%a, %b) {shift = 0 : i32} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
 *   %2 = "tosa.equal"(%a, %b) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { Commutative, Pure, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { RankedTensorType, type Type, UnrankedTensorType, i1, isDynamic } from "../../src/ir/types.ts";
import { InferTypeOpInterface } from "../../src/interfaces/infer-type.ts";
import { BoolAttrC, I32Attr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { optionalAttr } from "../../src/irdl/spec.ts";
import { UnaryQuantAttr } from "./attrs.ts";
import { foldAdd, foldCompare, foldDiv, foldMul, foldSelect, foldSub } from "./fold.ts";
import { broadcastShapes, inferComparison, inferElementwise, inferTable, shapeOf } from "./infer-shape.ts";
import { inferShapesWith } from "../../src/interfaces/infer-shaped-type.ts";
import { I1Tensor, TosaInt32Tensor, TosaTensor, TosaTensor1D } from "./types.ts";
import { verifyResultsBroadcastable } from "./verify.ts";

const broadcasting = { verify: (op: Operation): Diagnostic | undefined => verifyResultsBroadcastable(op), interfaces: [inferShapesWith(inferElementwise)] };

/** `"tosa.<name>"(%a, %b)`: a broadcasting binary op on numbers. */
const binary = <const N extends string>(name: N, summary: string, commutative: boolean) =>
  ({
    name,
    summary,
    operands: { input1: TosaTensor, input2: TosaTensor },
    results: { output: TosaTensor },
    traits: commutative ? [Pure, Commutative] : [Pure],
  }) as const;

/** `"tosa.logical_<name>"(%a, %b)` on i1 tensors. */
const logical = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { input1: I1Tensor, input2: I1Tensor },
    results: { z: I1Tensor },
    traits: [Pure, Commutative],
  }) as const;

/** `"tosa.<name>"(%x)`: a unary op on numbers. */
const unary = <const N extends string>(name: N, summary: string) =>
  ({ name, summary, operands: { input1: TosaTensor }, results: { output: TosaTensor }, traits: [Pure] }) as const;

const elementwise = { interfaces: [inferShapesWith(inferElementwise)] };

// ---- binary --------------------------------------------------------------------------------------------------

export const AddOp = defineOp(binary("tosa.add", "elementwise addition, broadcasting", true), { ...broadcasting, fold: foldAdd });
export type AddOp = InstanceType<typeof AddOp>;
export const ArithmeticRightShiftOp = defineOp(
  {
    name: "tosa.arithmetic_right_shift",
    summary: "elementwise arithmetic right shift, optionally rounding",
    operands: { input1: TosaTensor, input2: TosaTensor },
    results: { output: TosaTensor },
    attributes: { round: BoolAttrC },
    traits: [Pure],
  },
  broadcasting,
);
export type ArithmeticRightShiftOp = InstanceType<typeof ArithmeticRightShiftOp>;
export const BitwiseAndOp = defineOp(binary("tosa.bitwise_and", "elementwise bitwise AND", true), broadcasting);
export type BitwiseAndOp = InstanceType<typeof BitwiseAndOp>;
export const BitwiseOrOp = defineOp(binary("tosa.bitwise_or", "elementwise bitwise OR", true), broadcasting);
export type BitwiseOrOp = InstanceType<typeof BitwiseOrOp>;
export const BitwiseXorOp = defineOp(binary("tosa.bitwise_xor", "elementwise bitwise XOR", true), broadcasting);
export type BitwiseXorOp = InstanceType<typeof BitwiseXorOp>;
export const DivOp = defineOp(
  {
    name: "tosa.div",
    summary: "elementwise i32 division, rounding towards zero",
    operands: { input1: TosaInt32Tensor, input2: TosaInt32Tensor },
    results: { output: TosaInt32Tensor },
    traits: [Pure],
  },
  { ...broadcasting, fold: foldDiv },
);
export type DivOp = InstanceType<typeof DivOp>;
export const LogicalAndOp = defineOp(logical("tosa.logical_and", "elementwise logical AND of i1 tensors"), broadcasting);
export type LogicalAndOp = InstanceType<typeof LogicalAndOp>;
export const LogicalLeftShiftOp = defineOp(binary("tosa.logical_left_shift", "elementwise logical left shift", false), broadcasting);
export type LogicalLeftShiftOp = InstanceType<typeof LogicalLeftShiftOp>;
export const LogicalRightShiftOp = defineOp(binary("tosa.logical_right_shift", "elementwise logical right shift", false), broadcasting);
export type LogicalRightShiftOp = InstanceType<typeof LogicalRightShiftOp>;
export const LogicalOrOp = defineOp(logical("tosa.logical_or", "elementwise logical OR of i1 tensors"), broadcasting);
export type LogicalOrOp = InstanceType<typeof LogicalOrOp>;
export const LogicalXorOp = defineOp(logical("tosa.logical_xor", "elementwise logical XOR of i1 tensors"), broadcasting);
export type LogicalXorOp = InstanceType<typeof LogicalXorOp>;
export const MaximumOp = defineOp(binary("tosa.maximum", "elementwise maximum", true), broadcasting);
export type MaximumOp = InstanceType<typeof MaximumOp>;
export const MinimumOp = defineOp(binary("tosa.minimum", "elementwise minimum", true), broadcasting);
export type MinimumOp = InstanceType<typeof MinimumOp>;
export const MulOp = defineOp(
  {
    name: "tosa.mul",
    summary: "elementwise multiplication; integers are shifted right (rounding) by `shift`",
    operands: { input1: TosaTensor, input2: TosaTensor },
    results: { output: TosaTensor },
    attributes: { shift: I32Attr },
    traits: [Pure, Commutative],
  },
  { ...broadcasting, fold: foldMul },
);
export type MulOp = InstanceType<typeof MulOp>;
export const PowOp = defineOp(
  {
    name: "tosa.pow",
    summary: "elementwise input1 raised to the power input2",
    operands: { input1: TosaTensor, input2: TosaTensor },
    results: { z: TosaTensor },
    traits: [Pure],
  },
  broadcasting,
);
export type PowOp = InstanceType<typeof PowOp>;
export const SubOp = defineOp(binary("tosa.sub", "elementwise subtraction, broadcasting", false), { ...broadcasting, fold: foldSub });
export type SubOp = InstanceType<typeof SubOp>;
export const TableOp = defineOp(
  {
    name: "tosa.table",
    summary: "table lookup: i8 indexes a 256-entry table, i16 interpolates a 513-entry one",
    operands: { input: TosaTensor, table: TosaTensor1D },
    results: { output: TosaTensor },
    traits: [Pure],
  },
  { interfaces: [inferShapesWith(inferTable)] },
);
export type TableOp = InstanceType<typeof TableOp>;

// ---- unary ---------------------------------------------------------------------------------------------------

export const AbsOp = defineOp(unary("tosa.abs", "elementwise absolute value"), elementwise);
export type AbsOp = InstanceType<typeof AbsOp>;
export const BitwiseNotOp = defineOp(unary("tosa.bitwise_not", "elementwise bitwise NOT"), broadcasting);
export type BitwiseNotOp = InstanceType<typeof BitwiseNotOp>;
export const CeilOp = defineOp(unary("tosa.ceil", "elementwise ceiling"), elementwise);
export type CeilOp = InstanceType<typeof CeilOp>;
export const ClzOp = defineOp(unary("tosa.clz", "elementwise count of leading zero bits"), elementwise);
export type ClzOp = InstanceType<typeof ClzOp>;
export const ExpOp = defineOp(unary("tosa.exp", "elementwise natural exponential"), elementwise);
export type ExpOp = InstanceType<typeof ExpOp>;
export const FloorOp = defineOp(unary("tosa.floor", "elementwise floor"), elementwise);
export type FloorOp = InstanceType<typeof FloorOp>;
export const LogOp = defineOp(unary("tosa.log", "elementwise natural logarithm"), elementwise);
export type LogOp = InstanceType<typeof LogOp>;
export const LogicalNotOp = defineOp(
  {
    name: "tosa.logical_not",
    summary: "elementwise logical NOT of an i1 tensor",
    operands: { input1: I1Tensor },
    results: { output: I1Tensor },
    traits: [Pure, SameOperandsAndResultType],
  },
  elementwise,
);
export type LogicalNotOp = InstanceType<typeof LogicalNotOp>;
export const NegateOp = defineOp(
  {
    name: "tosa.negate",
    summary: "elementwise negation (about the zero points when quantized)",
    operands: { input1: TosaTensor },
    results: { output: TosaTensor },
    attributes: { quantization_info: optionalAttr(UnaryQuantAttr.constraint) },
    traits: [Pure],
  },
  elementwise,
);
export type NegateOp = InstanceType<typeof NegateOp>;
export const ReciprocalOp = defineOp(unary("tosa.reciprocal", "elementwise reciprocal 1 / x"), elementwise);
export type ReciprocalOp = InstanceType<typeof ReciprocalOp>;
export const RsqrtOp = defineOp(unary("tosa.rsqrt", "elementwise reciprocal square root 1 / sqrt(x)"), elementwise);
export type RsqrtOp = InstanceType<typeof RsqrtOp>;

// ---- select and comparisons ----------------------------------------------------------------------------------

export const SelectOp = defineOp(
  {
    name: "tosa.select",
    summary: "elementwise choice of on_true where pred holds, else on_false (broadcasting)",
    operands: { pred: I1Tensor, on_true: TosaTensor, on_false: TosaTensor },
    results: { output: TosaTensor },
    traits: [Pure],
  },
  { ...elementwise, fold: foldSelect },
);
export type SelectOp = InstanceType<typeof SelectOp>;

/** MLIR's verifyCompatibleShape: ranks agree (or one is unranked) and known dims agree. Element types aside. */
function compatibleShapes(a: Type, b: Type): boolean {
  if (a instanceof UnrankedTensorType || b instanceof UnrankedTensorType) return true;
  if (!(a instanceof RankedTensorType) || !(b instanceof RankedTensorType) || a.rank !== b.rank) return false;
  return a.shape.every((d, i) => isDynamic(d) || isDynamic(b.shape[i] as number) || d === b.shape[i]);
}

/** tosa.equal has InferTensorType: the verifier checks its result shape against the broadcast (MLIR 16). */
const equalInfersType = implement(InferTypeOpInterface, {
  inferReturnTypes: (operands) => {
    const shape = broadcastShapes(operands.map((v) => shapeOf(v)));
    return [shape === undefined ? UnrankedTensorType.get(i1) : RankedTensorType.get(shape, i1)];
  },
  isCompatibleReturnTypes: (inferred, actual) => inferred.length === 1 && actual.length === 1 && compatibleShapes(inferred[0] as Type, actual[0] as Type),
});

export const EqualOp = defineOp(
  {
    name: "tosa.equal",
    summary: "elementwise x == y, broadcasting, as i1",
    operands: { input1: TosaTensor, input2: TosaTensor },
    results: { output: I1Tensor },
    traits: [Pure, Commutative],
  },
  { verify: verifyResultsBroadcastable, interfaces: [inferShapesWith(inferComparison), equalInfersType], fold: foldCompare("equal") },
);
export type EqualOp = InstanceType<typeof EqualOp>;
export const GreaterOp = defineOp(
  {
    name: "tosa.greater",
    summary: "elementwise x > y, broadcasting, as i1",
    operands: { input1: TosaTensor, input2: TosaTensor },
    results: { output: I1Tensor },
    traits: [Pure],
  },
  { verify: verifyResultsBroadcastable, interfaces: [inferShapesWith(inferComparison)], fold: foldCompare("greater") },
);
export type GreaterOp = InstanceType<typeof GreaterOp>;
export const GreaterEqualOp = defineOp(
  {
    name: "tosa.greater_equal",
    summary: "elementwise x >= y, broadcasting, as i1",
    operands: { input1: TosaTensor, input2: TosaTensor },
    results: { output: I1Tensor },
    traits: [Pure],
  },
  { verify: verifyResultsBroadcastable, interfaces: [inferShapesWith(inferComparison)], fold: foldCompare("greater_equal") },
);
export type GreaterEqualOp = InstanceType<typeof GreaterEqualOp>;

export const elementwiseOps = [
  AddOp,
  ArithmeticRightShiftOp,
  BitwiseAndOp,
  BitwiseOrOp,
  BitwiseXorOp,
  DivOp,
  LogicalAndOp,
  LogicalLeftShiftOp,
  LogicalRightShiftOp,
  LogicalOrOp,
  LogicalXorOp,
  MaximumOp,
  MinimumOp,
  MulOp,
  PowOp,
  SubOp,
  TableOp,
  AbsOp,
  BitwiseNotOp,
  CeilOp,
  ClzOp,
  ExpOp,
  FloorOp,
  LogOp,
  LogicalNotOp,
  NegateOp,
  ReciprocalOp,
  RsqrtOp,
  SelectOp,
  EqualOp,
  GreaterOp,
  GreaterEqualOp,
] as const;
