/**
 * The arith dialect (MLIR 16): integer and floating-point arithmetic, casts, comparisons, select and
 * constants on scalars, vectors and tensors. `arith` is the DialectInfo to load into a Context.
 */
import { type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import type { Location } from "../../src/ir/location.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IntegerType, type Type, elementTypeOrSelf } from "../../src/ir/types.ts";
import { defineDialect } from "../../src/irdl/dialect.ts";
import { FastMathAttr } from "./attrs.ts";
import { arithInterpretations } from "./interp.ts";
import { Bitcast, ExtF, ExtSI, ExtUI, FPToSI, FPToUI, IndexCast, IndexCastUI, SIToFP, TruncF, TruncI, UIToFP } from "./ops-cast.ts";
import { CmpF, CmpI, Select } from "./ops-cmp.ts";
import { Constant } from "./ops-constant.ts";
import { AddF, DivF, MaxF, MinF, MulF, NegF, RemF, SubF } from "./ops-float.ts";
import {
  AddI,
  AddUIExtended,
  AndI,
  CeilDivSI,
  CeilDivUI,
  DivSI,
  DivUI,
  FloorDivSI,
  MaxSI,
  MaxUI,
  MinSI,
  MinUI,
  MulI,
  MulSIExtended,
  MulUIExtended,
  OrI,
  RemSI,
  RemUI,
  ShLI,
  ShRSI,
  ShRUI,
  SubI,
  XOrI,
} from "./ops-int.ts";

export * from "./attrs.ts";
export * from "./constraints.ts";
export * from "./ops-cast.ts";
export * from "./ops-cmp.ts";
export * from "./ops-constant.ts";
export * from "./ops-float.ts";
export * from "./ops-int.ts";

/** Every arith op class, in MLIR's ArithOps.td order. */
export const arithOps = [
  Constant,
  AddI,
  AddUIExtended,
  SubI,
  MulI,
  MulSIExtended,
  MulUIExtended,
  DivUI,
  DivSI,
  CeilDivUI,
  CeilDivSI,
  FloorDivSI,
  RemUI,
  RemSI,
  AndI,
  OrI,
  XOrI,
  ShLI,
  ShRUI,
  ShRSI,
  NegF,
  AddF,
  SubF,
  MaxF,
  MaxSI,
  MaxUI,
  MinF,
  MinSI,
  MinUI,
  MulF,
  DivF,
  RemF,
  ExtUI,
  ExtSI,
  ExtF,
  TruncI,
  TruncF,
  UIToFP,
  SIToFP,
  FPToUI,
  FPToSI,
  IndexCast,
  IndexCastUI,
  Bitcast,
  CmpI,
  CmpF,
  Select,
] as const;

/** A union of every arith op instance type, for exhaustive `switch (op.name)`. */
export type ArithOp = InstanceType<(typeof arithOps)[number]>;

/**
 * Folding's constants: `arith.constant` of an integer, float or dense elements attribute whose type is the
 * requested type (with signless integer elements), as MLIR's ConstantOp::materialize.
 */
function materializeConstant(b: Builder, value: Attribute, type: Type, loc: Location): Operation | undefined {
  const buildable = value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof DenseElementsAttr;
  if (!buildable || value.type !== type) return undefined;
  const element = elementTypeOrSelf(type);
  if (element instanceof IntegerType && !element.isSignless) return undefined;
  return b.withLoc(loc, () => b.create(Constant, { value }));
}

export const arith = defineDialect({
  name: "arith",
  ops: arithOps,
  attributes: [FastMathAttr],
  materializeConstant,
  interpreter: arithInterpretations,
});
