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
import { BitcastOp, ExtFOp, ExtSIOp, ExtUIOp, FPToSIOp, FPToUIOp, IndexCastOp, IndexCastUIOp, SIToFPOp, TruncFOp, TruncIOp, UIToFPOp } from "./ops-cast.ts";
import { CmpFOp, CmpIOp, SelectOp } from "./ops-cmp.ts";
import { ConstantOp } from "./ops-constant.ts";
import { AddFOp, DivFOp, MaxFOp, MinFOp, MulFOp, NegFOp, RemFOp, SubFOp } from "./ops-float.ts";
import {
  AddIOp,
  AddUIExtendedOp,
  AndIOp,
  CeilDivSIOp,
  CeilDivUIOp,
  DivSIOp,
  DivUIOp,
  FloorDivSIOp,
  MaxSIOp,
  MaxUIOp,
  MinSIOp,
  MinUIOp,
  MulIOp,
  MulSIExtendedOp,
  MulUIExtendedOp,
  OrIOp,
  RemSIOp,
  RemUIOp,
  ShLIOp,
  ShRSIOp,
  ShRUIOp,
  SubIOp,
  XOrIOp,
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
  ConstantOp,
  AddIOp,
  AddUIExtendedOp,
  SubIOp,
  MulIOp,
  MulSIExtendedOp,
  MulUIExtendedOp,
  DivUIOp,
  DivSIOp,
  CeilDivUIOp,
  CeilDivSIOp,
  FloorDivSIOp,
  RemUIOp,
  RemSIOp,
  AndIOp,
  OrIOp,
  XOrIOp,
  ShLIOp,
  ShRUIOp,
  ShRSIOp,
  NegFOp,
  AddFOp,
  SubFOp,
  MaxFOp,
  MaxSIOp,
  MaxUIOp,
  MinFOp,
  MinSIOp,
  MinUIOp,
  MulFOp,
  DivFOp,
  RemFOp,
  ExtUIOp,
  ExtSIOp,
  ExtFOp,
  TruncIOp,
  TruncFOp,
  UIToFPOp,
  SIToFPOp,
  FPToUIOp,
  FPToSIOp,
  IndexCastOp,
  IndexCastUIOp,
  BitcastOp,
  CmpIOp,
  CmpFOp,
  SelectOp,
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
  return b.withLoc(loc, () => b.create(ConstantOp, { value }));
}

export const arith = defineDialect({
  name: "arith",
  ops: arithOps,
  attributes: [FastMathAttr],
  materializeConstant,
  interpreter: arithInterpretations,
});
