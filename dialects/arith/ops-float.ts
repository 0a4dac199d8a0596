/**
 * arith's floating-point arithmetic: `arith.addf %a, %b fastmath<fast> : f32`, `arith.negf %a : f32`.
 *
 * Each op carries a `fastmath` attribute (default `none`). As MLIR 16 does, the custom form prints it only
 * when it is not `none`, while parsing the custom form always stores it, so the generic form shows
 * `{fastmath = #arith.fastmath<none>}` exactly as `mlir-opt --mlir-print-op-generic` does.
 */
import { Commutative, Elementwise, Pure, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defaultAttr } from "../../src/irdl/spec.ts";
import { FastMathAttr, FastMathAttrC } from "./attrs.ts";
import { FloatLike } from "./constraints.ts";
import { foldAddF, foldDivF, foldMaxMinF, foldMulF, foldNegF, foldRemF, foldSubF } from "./fold.ts";

/** ODS's Arith_FloatBinaryOp format: the flags print only when they are not `none`. */
const binaryFormat = "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)";
const unaryFormat = "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)";

const floatBinarySpec = <const N extends string>(name: N, summary: string, commutative: boolean) =>
  ({
    name,
    summary,
    operands: { lhs: FloatLike, rhs: FloatLike },
    results: { result: FloatLike },
    attributes: { fastmath: defaultAttr(FastMathAttrC, FastMathAttr.none) },
    traits: commutative ? [Pure, Commutative, SameOperandsAndResultType, Elementwise] : [Pure, SameOperandsAndResultType, Elementwise],
    format: binaryFormat,
  }) as const;

export const NegF = defineOp({
  name: "arith.negf",
  summary: "floating point negation",
  operands: { operand: FloatLike },
  results: { result: FloatLike },
  attributes: { fastmath: defaultAttr(FastMathAttrC, FastMathAttr.none) },
  traits: [Pure, SameOperandsAndResultType, Elementwise],
  format: unaryFormat,
}, { fold: foldNegF });
export type NegF = InstanceType<typeof NegF>;

export const AddF = defineOp(floatBinarySpec("arith.addf", "floating point addition operation", true), {
  fold: foldAddF,
});
export type AddF = InstanceType<typeof AddF>;
export const SubF = defineOp(floatBinarySpec("arith.subf", "floating point subtraction operation", false), {
  fold: foldSubF,
});
export type SubF = InstanceType<typeof SubF>;
export const MulF = defineOp(floatBinarySpec("arith.mulf", "floating point multiplication operation", true), {
  fold: foldMulF,
});
export type MulF = InstanceType<typeof MulF>;
export const DivF = defineOp(floatBinarySpec("arith.divf", "floating point division operation", false), {
  fold: foldDivF,
});
export type DivF = InstanceType<typeof DivF>;
export const RemF = defineOp(floatBinarySpec("arith.remf", "floating point division remainder operation", false), {
  fold: foldRemF,
});
export type RemF = InstanceType<typeof RemF>;
export const MaxF = defineOp(floatBinarySpec("arith.maxf", "floating-point maximum operation", true), {
  fold: foldMaxMinF,
});
export type MaxF = InstanceType<typeof MaxF>;
export const MinF = defineOp(floatBinarySpec("arith.minf", "floating-point minimum operation", true), {
  fold: foldMaxMinF,
});
export type MinF = InstanceType<typeof MinF>;
