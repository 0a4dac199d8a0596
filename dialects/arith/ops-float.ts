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

export const NegFOp = defineOp({
  name: "arith.negf",
  summary: "floating point negation",
  operands: { operand: FloatLike },
  results: { result: FloatLike },
  attributes: { fastmath: defaultAttr(FastMathAttrC, FastMathAttr.none) },
  traits: [Pure, SameOperandsAndResultType, Elementwise],
  format: unaryFormat,
}, { fold: foldNegF });
export type NegFOp = InstanceType<typeof NegFOp>;

export const AddFOp = defineOp(floatBinarySpec("arith.addf", "floating point addition operation", true), {
  fold: foldAddF,
});
export type AddFOp = InstanceType<typeof AddFOp>;
export const SubFOp = defineOp(floatBinarySpec("arith.subf", "floating point subtraction operation", false), {
  fold: foldSubF,
});
export type SubFOp = InstanceType<typeof SubFOp>;
export const MulFOp = defineOp(floatBinarySpec("arith.mulf", "floating point multiplication operation", true), {
  fold: foldMulF,
});
export type MulFOp = InstanceType<typeof MulFOp>;
export const DivFOp = defineOp(floatBinarySpec("arith.divf", "floating point division operation", false), {
  fold: foldDivF,
});
export type DivFOp = InstanceType<typeof DivFOp>;
export const RemFOp = defineOp(floatBinarySpec("arith.remf", "floating point division remainder operation", false), {
  fold: foldRemF,
});
export type RemFOp = InstanceType<typeof RemFOp>;
export const MaxFOp = defineOp(floatBinarySpec("arith.maxf", "floating-point maximum operation", true), {
  fold: foldMaxMinF,
});
export type MaxFOp = InstanceType<typeof MaxFOp>;
export const MinFOp = defineOp(floatBinarySpec("arith.minf", "floating-point minimum operation", true), {
  fold: foldMaxMinF,
});
export type MinFOp = InstanceType<typeof MinFOp>;
