/**
 * arith's integer arithmetic: the binary ops (`arith.addi %a, %b : i32`) and the extended ops that return
 * two results (`%sum, %overflow = arith.addui_extended %a, %b : i32, i1`).
 *
 * Every op takes scalars, vectors or tensors of signless integers or index (SignlessIntegerLike) and works
 * elementwise. Division and its relatives are not Pure: they have no memory effects, but dividing by zero is
 * undefined behaviour, so they must not be hoisted unless the divisor is a constant that cannot trap (MLIR
 * marks them NoMemoryEffect and ConditionallySpeculatable).
 */
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation, Trait } from "../../src/ir/operation.ts";
import { Commutative, Elementwise, NoMemoryEffect, Pure, SameOperandsAndResultType } from "../../src/ir/traits.ts";
import { elementTypeOrSelf, IntegerType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { ConditionallySpeculatable, type Speculatability } from "../../src/interfaces/side-effects.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { BoolLike, i1SameShape, SignlessIntegerLike } from "./constraints.ts";
import {
  foldAddI,
  foldAddUIExtended,
  foldAndI,
  foldDivision,
  foldMinMax,
  foldMulI,
  foldMulExtended,
  foldOrI,
  foldRemainder,
  foldShift,
  foldSubI,
  foldXOrI,
} from "./fold.ts";

const binaryFormat = "$lhs `,` $rhs attr-dict `:` type($result)";

/** Common traits of arith's integer binary ops: one type throughout, elementwise over vectors and tensors. */
const intBinaryTraits = (...extra: Trait[]): Trait[] => [...extra, SameOperandsAndResultType, Elementwise];

const intBinarySpec = <const N extends string>(name: N, summary: string, traits: readonly Trait[]) =>
  ({
    name,
    summary,
    operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike },
    results: { result: SignlessIntegerLike },
    traits,
    format: binaryFormat,
  }) as const;

/**
 * The speculatability of a division by `divisor` (MLIR 16's getSpeculatability of divui/ceildivui and
 * divsi/ceildivsi): unsigned divisions may run early when the divisor is a non-zero constant, signed ones when it
 * is a constant neither zero nor -1 (INT_MIN / -1 overflows).
 */
function divisionSpeculatability(divisor: Value, signed: boolean): Speculatability {
  const c = constIntValue(divisor);
  if (c === undefined) return "not-speculatable";
  const t = elementTypeOrSelf(divisor.type);
  const width = t instanceof IntegerType ? t.width : 64;
  const bits = BigInt.asUintN(width, c);
  const traps = bits === 0n || (signed && bits === (1n << BigInt(width)) - 1n);
  return traps ? "not-speculatable" : "speculatable";
}
const unsignedDivision = implement(ConditionallySpeculatable, { getSpeculatability: (op: Operation) => divisionSpeculatability(op.getOperand(1), false) });
const signedDivision = implement(ConditionallySpeculatable, { getSpeculatability: (op: Operation) => divisionSpeculatability(op.getOperand(1), true) });

export const AddIOp = defineOp(intBinarySpec("arith.addi", "integer addition operation", intBinaryTraits(Pure, Commutative)), {
  fold: foldAddI,
});
export type AddIOp = InstanceType<typeof AddIOp>;
export const SubIOp = defineOp(intBinarySpec("arith.subi", "integer subtraction operation", intBinaryTraits(Pure)), {
  fold: foldSubI,
});
export type SubIOp = InstanceType<typeof SubIOp>;
export const MulIOp = defineOp(intBinarySpec("arith.muli", "integer multiplication operation", intBinaryTraits(Pure, Commutative)), {
  fold: foldMulI,
});
export type MulIOp = InstanceType<typeof MulIOp>;

export const DivUIOp = defineOp(intBinarySpec("arith.divui", "unsigned integer division operation", intBinaryTraits(NoMemoryEffect)), {
  fold: foldDivision,
  interfaces: [unsignedDivision],
});
export type DivUIOp = InstanceType<typeof DivUIOp>;
export const DivSIOp = defineOp(intBinarySpec("arith.divsi", "signed integer division operation", intBinaryTraits(NoMemoryEffect)), {
  fold: foldDivision,
  interfaces: [signedDivision],
});
export type DivSIOp = InstanceType<typeof DivSIOp>;
export const CeilDivUIOp = defineOp(intBinarySpec("arith.ceildivui", "unsigned ceil integer division operation", intBinaryTraits(NoMemoryEffect)), {
  fold: foldDivision,
  interfaces: [unsignedDivision],
});
export type CeilDivUIOp = InstanceType<typeof CeilDivUIOp>;
export const CeilDivSIOp = defineOp(intBinarySpec("arith.ceildivsi", "signed ceil integer division operation", intBinaryTraits(NoMemoryEffect)), {
  fold: foldDivision,
  interfaces: [signedDivision],
});
export type CeilDivSIOp = InstanceType<typeof CeilDivSIOp>;
// MLIR 16 counts floordivsi among the total ops (Pure), unlike the other divisions.
export const FloorDivSIOp = defineOp(intBinarySpec("arith.floordivsi", "signed floor integer division operation", intBinaryTraits(Pure)), {
  fold: foldDivision,
});
export type FloorDivSIOp = InstanceType<typeof FloorDivSIOp>;
export const RemUIOp = defineOp(intBinarySpec("arith.remui", "unsigned integer division remainder operation", intBinaryTraits(Pure)), {
  fold: foldRemainder,
});
export type RemUIOp = InstanceType<typeof RemUIOp>;
export const RemSIOp = defineOp(intBinarySpec("arith.remsi", "signed integer division remainder operation", intBinaryTraits(Pure)), {
  fold: foldRemainder,
});
export type RemSIOp = InstanceType<typeof RemSIOp>;

export const AndIOp = defineOp(intBinarySpec("arith.andi", "integer binary and", intBinaryTraits(Pure, Commutative)), {
  fold: foldAndI,
});
export type AndIOp = InstanceType<typeof AndIOp>;
export const OrIOp = defineOp(intBinarySpec("arith.ori", "integer binary or", intBinaryTraits(Pure, Commutative)), {
  fold: foldOrI,
});
export type OrIOp = InstanceType<typeof OrIOp>;
export const XOrIOp = defineOp(intBinarySpec("arith.xori", "integer binary xor", intBinaryTraits(Pure, Commutative)), {
  fold: foldXOrI,
});
export type XOrIOp = InstanceType<typeof XOrIOp>;

export const ShLIOp = defineOp(intBinarySpec("arith.shli", "integer left-shift", intBinaryTraits(Pure)), {
  fold: foldShift,
});
export type ShLIOp = InstanceType<typeof ShLIOp>;
export const ShRUIOp = defineOp(intBinarySpec("arith.shrui", "unsigned integer right-shift", intBinaryTraits(Pure)), {
  fold: foldShift,
});
export type ShRUIOp = InstanceType<typeof ShRUIOp>;
export const ShRSIOp = defineOp(intBinarySpec("arith.shrsi", "signed integer right-shift", intBinaryTraits(Pure)), {
  fold: foldShift,
});
export type ShRSIOp = InstanceType<typeof ShRSIOp>;

export const MaxSIOp = defineOp(intBinarySpec("arith.maxsi", "signed integer maximum operation", intBinaryTraits(Pure, Commutative)), {
  fold: foldMinMax,
});
export type MaxSIOp = InstanceType<typeof MaxSIOp>;
export const MaxUIOp = defineOp(intBinarySpec("arith.maxui", "unsigned integer maximum operation", intBinaryTraits(Pure, Commutative)), {
  fold: foldMinMax,
});
export type MaxUIOp = InstanceType<typeof MaxUIOp>;
export const MinSIOp = defineOp(intBinarySpec("arith.minsi", "signed integer minimum operation", intBinaryTraits(Pure, Commutative)), {
  fold: foldMinMax,
});
export type MinSIOp = InstanceType<typeof MinSIOp>;
export const MinUIOp = defineOp(intBinarySpec("arith.minui", "unsigned integer minimum operation", intBinaryTraits(Pure, Commutative)), {
  fold: foldMinMax,
});
export type MinUIOp = InstanceType<typeof MinUIOp>;

// ---- extended ops: two results -------------------------------------------------------------------------------

/**
 * ODS names the results of multi-result ops in the printed IR (`%sum, %overflow = ...`); single-result ops
 * keep numbered names.
 */
const namedResults =
  (...names: string[]) =>
  (_op: Operation): readonly string[] =>
    names;

export const AddUIExtendedOp = defineOp(
  {
    name: "arith.addui_extended",
    summary: "extended unsigned integer addition operation returning sum and overflow bit",
    operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike },
    results: { sum: SignlessIntegerLike, overflow: BoolLike },
    traits: [Pure, Commutative, Elementwise],
    allTypesMatch: [["lhs", "rhs", "sum"]],
    format: "$lhs `,` $rhs attr-dict `:` type($sum) `,` type($overflow)",
    resultNames: namedResults("sum", "overflow"),
  },
  {
    // The overflow flag is i1 of the operands' shape, as MLIR's (lhs, rhs) builder makes it.
    inferResultTypes: (operands) => {
      const t = operands[0]?.type;
      return t === undefined ? undefined : [t, i1SameShape(t)];
    },
    fold: foldAddUIExtended,
  },
);
export type AddUIExtendedOp = InstanceType<typeof AddUIExtendedOp>;

const mulExtendedSpec = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { lhs: SignlessIntegerLike, rhs: SignlessIntegerLike },
    results: { low: SignlessIntegerLike, high: SignlessIntegerLike },
    traits: [Pure, Commutative, Elementwise],
    allTypesMatch: [["lhs", "rhs", "low", "high"]],
    format: "$lhs `,` $rhs attr-dict `:` type($lhs)",
    resultNames: namedResults("low", "high"),
  }) as const;

export const MulSIExtendedOp = defineOp(mulExtendedSpec("arith.mulsi_extended", "extended signed integer multiplication operation"), {
  fold: foldMulExtended,
});
export type MulSIExtendedOp = InstanceType<typeof MulSIExtendedOp>;
export const MulUIExtendedOp = defineOp(mulExtendedSpec("arith.mului_extended", "extended unsigned integer multiplication operation"), {
  fold: foldMulExtended,
});
export type MulUIExtendedOp = InstanceType<typeof MulUIExtendedOp>;
