/**
 * Every op of MLIR 16's math dialect (MathOps.td). They are elementwise: each takes scalars, vectors or
 * tensors of one type. Floating-point ops carry fast-math flags (`fastmath`, default `none`); the integer ones
 * (`absi`, `ctlz`, `cttz`, `ctpop`, `ipowi`) do not.
 *
 *   %0 = math.sqrt %x : f32
 *   %1 = math.powf %x, %y fastmath<fast> : vector<4xf32>
 *   %2 = math.fma %a, %b, %c : f64
 *   %3 = math.fpowi %x, %n : f32, i32
 *   %4 = math.ctlz %i : i32
 */
import { Elementwise, Pure, SameOperandsAndResultShape, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { defaultAttr } from "../../src/irdl/spec.ts";
import { FastMathAttr, FastMathAttrC } from "../arith/attrs.ts";
import { FloatLike, SignlessIntegerLike } from "../arith/constraints.ts";
import {
  foldAbsF,
  foldAbsI,
  foldAtan,
  foldAtan2,
  foldCeil,
  foldCopySign,
  foldCos,
  foldCtPop,
  foldCtlz,
  foldCttz,
  foldErf,
  foldExp,
  foldExp2,
  foldExpM1,
  foldFloor,
  foldIPowI,
  foldLog,
  foldLog10,
  foldLog1p,
  foldLog2,
  foldPowF,
  foldRound,
  foldRoundEven,
  foldSin,
  foldSqrt,
  foldTan,
  foldTanh,
  foldTrunc,
} from "./fold.ts";

// MLIR 16's Math_Float*Op formats: the flags print only when they are not `none`.
const unaryFormat = "$operand (`fastmath` `` $fastmath^)? attr-dict `:` type($result)";
const binaryFormat = "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)";
const ternaryFormat = "$a `,` $b `,` $c (`fastmath` `` $fastmath^)? attr-dict `:` type($result)";

const fastmath = defaultAttr(FastMathAttrC, FastMathAttr.none);

/** `math.<name> %x (fastmath<..>)? : type` on floating-point-like values. */
const floatUnary = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { operand: FloatLike },
    results: { result: FloatLike },
    attributes: { fastmath },
    traits: [Pure, SameOperandsAndResultType, Elementwise],
    format: unaryFormat,
  }) as const;

/** `math.<name> %a, %b (fastmath<..>)? : type` on floating-point-like values. */
const floatBinary = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { lhs: FloatLike, rhs: FloatLike },
    results: { result: FloatLike },
    attributes: { fastmath },
    traits: [Pure, SameOperandsAndResultType, Elementwise],
    format: binaryFormat,
  }) as const;

/** `math.<name> %x : type` on signless-integer-like values. */
const intUnary = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { operand: SignlessIntegerLike },
    results: { result: SignlessIntegerLike },
    traits: [Pure, SameOperandsAndResultType, Elementwise],
    format: "$operand attr-dict `:` type($result)",
  }) as const;

// ---- floating point, one operand ----------------------------------------------------------------------------

export const AbsFOp = defineOp(floatUnary("math.absf", "floating point absolute value"), { fold: foldAbsF });
export type AbsFOp = InstanceType<typeof AbsFOp>;
export const AtanOp = defineOp(floatUnary("math.atan", "arc tangent of the value"), { fold: foldAtan });
export type AtanOp = InstanceType<typeof AtanOp>;
export const CbrtOp = defineOp(floatUnary("math.cbrt", "cube root of the value"));
export type CbrtOp = InstanceType<typeof CbrtOp>;
export const CeilOp = defineOp(floatUnary("math.ceil", "smallest integral value not less than the value"), { fold: foldCeil });
export type CeilOp = InstanceType<typeof CeilOp>;
export const CosOp = defineOp(floatUnary("math.cos", "cosine of the value"), { fold: foldCos });
export type CosOp = InstanceType<typeof CosOp>;
export const ErfOp = defineOp(floatUnary("math.erf", "error function of the value"), { fold: foldErf });
export type ErfOp = InstanceType<typeof ErfOp>;
export const ExpOp = defineOp(floatUnary("math.exp", "e raised to the value"), { fold: foldExp });
export type ExpOp = InstanceType<typeof ExpOp>;
export const Exp2Op = defineOp(floatUnary("math.exp2", "2 raised to the value"), { fold: foldExp2 });
export type Exp2Op = InstanceType<typeof Exp2Op>;
export const ExpM1Op = defineOp(floatUnary("math.expm1", "e raised to the value, minus 1"), { fold: foldExpM1 });
export type ExpM1Op = InstanceType<typeof ExpM1Op>;
export const FloorOp = defineOp(floatUnary("math.floor", "largest integral value not greater than the value"), { fold: foldFloor });
export type FloorOp = InstanceType<typeof FloorOp>;
export const LogOp = defineOp(floatUnary("math.log", "natural logarithm of the value"), { fold: foldLog });
export type LogOp = InstanceType<typeof LogOp>;
export const Log10Op = defineOp(floatUnary("math.log10", "base-10 logarithm of the value"), { fold: foldLog10 });
export type Log10Op = InstanceType<typeof Log10Op>;
export const Log1pOp = defineOp(floatUnary("math.log1p", "natural logarithm of one plus the value"), { fold: foldLog1p });
export type Log1pOp = InstanceType<typeof Log1pOp>;
export const Log2Op = defineOp(floatUnary("math.log2", "base-2 logarithm of the value"), { fold: foldLog2 });
export type Log2Op = InstanceType<typeof Log2Op>;
export const RoundOp = defineOp(floatUnary("math.round", "rounds to the nearest integral value, halfway cases away from zero"), { fold: foldRound });
export type RoundOp = InstanceType<typeof RoundOp>;
export const RoundEvenOp = defineOp(floatUnary("math.roundeven", "rounds to the nearest integral value, halfway cases to even"), { fold: foldRoundEven });
export type RoundEvenOp = InstanceType<typeof RoundEvenOp>;
export const RsqrtOp = defineOp(floatUnary("math.rsqrt", "reciprocal of the square root of the value"));
export type RsqrtOp = InstanceType<typeof RsqrtOp>;
export const SinOp = defineOp(floatUnary("math.sin", "sine of the value"), { fold: foldSin });
export type SinOp = InstanceType<typeof SinOp>;
export const SqrtOp = defineOp(floatUnary("math.sqrt", "square root of the value"), { fold: foldSqrt });
export type SqrtOp = InstanceType<typeof SqrtOp>;
export const TanOp = defineOp(floatUnary("math.tan", "tangent of the value"), { fold: foldTan });
export type TanOp = InstanceType<typeof TanOp>;
export const TanhOp = defineOp(floatUnary("math.tanh", "hyperbolic tangent of the value"), { fold: foldTanh });
export type TanhOp = InstanceType<typeof TanhOp>;
export const TruncOp = defineOp(floatUnary("math.trunc", "the value rounded towards zero to an integral value"), { fold: foldTrunc });
export type TruncOp = InstanceType<typeof TruncOp>;

// ---- floating point, two or three operands ------------------------------------------------------------------

export const Atan2Op = defineOp(floatBinary("math.atan2", "arc tangent of lhs / rhs, using the signs of both for the quadrant"), { fold: foldAtan2 });
export type Atan2Op = InstanceType<typeof Atan2Op>;
export const CopySignOp = defineOp(floatBinary("math.copysign", "the magnitude of lhs with the sign of rhs"), { fold: foldCopySign });
export type CopySignOp = InstanceType<typeof CopySignOp>;
export const PowFOp = defineOp(floatBinary("math.powf", "lhs raised to the power rhs"), { fold: foldPowF });
export type PowFOp = InstanceType<typeof PowFOp>;

/** `math.fma %a, %b, %c : f32`: a * b + c with a single rounding. */
export const FmaOp = defineOp({
  name: "math.fma",
  summary: "fused multiply-add: a * b + c rounded once",
  operands: { a: FloatLike, b: FloatLike, c: FloatLike },
  results: { result: FloatLike },
  attributes: { fastmath },
  traits: [Pure, SameOperandsAndResultType, Elementwise],
  format: ternaryFormat,
});
export type FmaOp = InstanceType<typeof FmaOp>;

/** `math.fpowi %x, %n : f32, i32`: a float raised to a signed integer power (same shapes, result as `lhs`). */
export const FPowIOp = defineOp({
  name: "math.fpowi",
  summary: "floating point value raised to a signed integer power",
  operands: { lhs: FloatLike, rhs: SignlessIntegerLike },
  results: { result: FloatLike },
  attributes: { fastmath },
  traits: [Pure, SameOperandsAndResultShape, Elementwise],
  allTypesMatch: [["lhs", "result"]],
  format: "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs) `,` type($rhs)",
});
export type FPowIOp = InstanceType<typeof FPowIOp>;

// ---- integers ------------------------------------------------------------------------------------------------

export const AbsIOp = defineOp(intUnary("math.absi", "integer absolute value"), { fold: foldAbsI });
export type AbsIOp = InstanceType<typeof AbsIOp>;
export const CountLeadingZerosOp = defineOp(intUnary("math.ctlz", "number of leading zero bits"), { fold: foldCtlz });
export type CountLeadingZerosOp = InstanceType<typeof CountLeadingZerosOp>;
export const CountTrailingZerosOp = defineOp(intUnary("math.cttz", "number of trailing zero bits"), { fold: foldCttz });
export type CountTrailingZerosOp = InstanceType<typeof CountTrailingZerosOp>;
export const CtPopOp = defineOp(intUnary("math.ctpop", "number of set bits"), { fold: foldCtPop });
export type CtPopOp = InstanceType<typeof CtPopOp>;

/** `math.ipowi %a, %b : i32`: a signed integer raised to a signed integer power. */
export const IPowIOp = defineOp({
  name: "math.ipowi",
  summary: "signed integer raised to a signed integer power",
  operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike },
  results: { result: SignlessIntegerLike },
  traits: [Pure, SameOperandsAndResultType, Elementwise],
  format: "$lhs `,` $rhs attr-dict `:` type($result)",
}, { fold: foldIPowI });
export type IPowIOp = InstanceType<typeof IPowIOp>;

/** Every math op class, in MLIR's alphabetical order. */
export const mathOps = [
  AbsFOp,
  AbsIOp,
  AtanOp,
  Atan2Op,
  CbrtOp,
  CeilOp,
  CopySignOp,
  CosOp,
  CountLeadingZerosOp,
  CountTrailingZerosOp,
  CtPopOp,
  ErfOp,
  ExpOp,
  Exp2Op,
  ExpM1Op,
  FloorOp,
  FmaOp,
  FPowIOp,
  IPowIOp,
  LogOp,
  Log10Op,
  Log1pOp,
  Log2Op,
  PowFOp,
  RoundOp,
  RoundEvenOp,
  RsqrtOp,
  SinOp,
  SqrtOp,
  TanOp,
  TanhOp,
  TruncOp,
] as const;

/** Every op of the dialect, for exhaustive switches over `op.name`. */
export type MathOp = InstanceType<(typeof mathOps)[number]>;
