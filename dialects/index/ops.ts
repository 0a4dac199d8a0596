/**
 * The index dialect's ops (MLIR 16's IndexOps.td): arithmetic on scalar `index` values that stays
 * target-independent (see fold.ts for what that means when folding), casts to and from integers,
 * comparisons and constants.
 *
 *   %r = index.add %a, %b                    %t = index.cmp slt(%a, %b)
 *   %i = index.casts %x : i32 to index       %n = index.sizeof
 *   %idx42 = index.constant 42               %true = index.bool.constant true
 *
 * Every op is Pure, divisions included (MLIR 16 marks them so: division by zero is undefined behaviour,
 * which the interpreter reports). The binary ops are not Commutative in MLIR 16, so the folder does not move
 * a constant lhs to the right.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { ConstantLike, Pure } from "../../src/ir/traits.ts";
import { IndexType, IntegerType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { CastOpInterface } from "../../src/interfaces/cast.ts";
import { Bool, BoolAttrC, Index, IndexAttr, typeConstraint } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { IndexCmpPredicateAttr } from "./attrs.ts";
import { type IndexBinaryMnemonic, foldIndexBinary, foldIndexCmp } from "./fold.ts";

const binarySpec = <const M extends IndexBinaryMnemonic>(mnemonic: M, summary: string) =>
  ({
    name: `index.${mnemonic}`,
    summary,
    operands: { lhs: Index, rhs: Index },
    results: { result: Index },
    traits: [Pure],
    format: "$lhs `,` $rhs attr-dict",
  }) as const;

/** A binary op folded by its calculation in fold.ts. */
const binaryOp = <const M extends IndexBinaryMnemonic>(mnemonic: M, summary: string) =>
  defineOp(binarySpec(mnemonic, summary), {
    fold: (_op: Operation, [lhs, rhs]) => foldIndexBinary(mnemonic, lhs, rhs),
  });

export const AddOp = binaryOp("add", "index addition");
export type AddOp = InstanceType<typeof AddOp>;
export const SubOp = binaryOp("sub", "index subtraction");
export type SubOp = InstanceType<typeof SubOp>;
export const MulOp = binaryOp("mul", "index multiplication");
export type MulOp = InstanceType<typeof MulOp>;
export const DivSOp = binaryOp("divs", "index signed division");
export type DivSOp = InstanceType<typeof DivSOp>;
export const DivUOp = binaryOp("divu", "index unsigned division");
export type DivUOp = InstanceType<typeof DivUOp>;
export const CeilDivSOp = binaryOp("ceildivs", "index signed ceil division");
export type CeilDivSOp = InstanceType<typeof CeilDivSOp>;
export const CeilDivUOp = binaryOp("ceildivu", "index unsigned ceil division");
export type CeilDivUOp = InstanceType<typeof CeilDivUOp>;
export const FloorDivSOp = binaryOp("floordivs", "index signed floor division");
export type FloorDivSOp = InstanceType<typeof FloorDivSOp>;
export const RemSOp = binaryOp("rems", "index signed remainder");
export type RemSOp = InstanceType<typeof RemSOp>;
export const RemUOp = binaryOp("remu", "index unsigned remainder");
export type RemUOp = InstanceType<typeof RemUOp>;
export const MaxSOp = binaryOp("maxs", "index signed maximum");
export type MaxSOp = InstanceType<typeof MaxSOp>;
export const MaxUOp = binaryOp("maxu", "index unsigned maximum");
export type MaxUOp = InstanceType<typeof MaxUOp>;
export const MinSOp = binaryOp("mins", "index signed minimum");
export type MinSOp = InstanceType<typeof MinSOp>;
export const MinUOp = binaryOp("minu", "index unsigned minimum");
export type MinUOp = InstanceType<typeof MinUOp>;
export const ShlOp = binaryOp("shl", "index shift left");
export type ShlOp = InstanceType<typeof ShlOp>;
export const ShrSOp = binaryOp("shrs", "signed index shift right");
export type ShrSOp = InstanceType<typeof ShrSOp>;
export const ShrUOp = binaryOp("shru", "unsigned index shift right");
export type ShrUOp = InstanceType<typeof ShrUOp>;
export const AndOp = binaryOp("and", "index bitwise and");
export type AndOp = InstanceType<typeof AndOp>;
export const OrOp = binaryOp("or", "index bitwise or");
export type OrOp = InstanceType<typeof OrOp>;
export const XOrOp = binaryOp("xor", "index bitwise xor");
export type XOrOp = InstanceType<typeof XOrOp>;

// ---- casts ---------------------------------------------------------------------------------------------------

/** ODS's AnyTypeOf<[AnyInteger, Index]>: signed and unsigned integers too. */
const IntegerOrIndex = typeConstraint("integer or index", (t): t is IntegerType | IndexType => t instanceof IntegerType || t instanceof IndexType);

/** A cast goes between index and an integer: exactly one side is index. */
const indexIntegerCast = implement(CastOpInterface, {
  areCastCompatible: (inputs: readonly Type[], outputs: readonly Type[]) =>
    inputs.length === 1 && outputs.length === 1 && inputs[0] instanceof IndexType !== outputs[0] instanceof IndexType,
});

const castSpec = <const N extends string>(name: N, summary: string) =>
  ({
    name,
    summary,
    operands: { input: IntegerOrIndex },
    results: { output: IntegerOrIndex },
    traits: [Pure],
    format: "$input attr-dict `:` type($input) `to` type($output)",
  }) as const;

/** `index.casts %x : i32 to index`: sign-extends or truncates between index and an integer. */
export const CastSOp = defineOp(castSpec("index.casts", "index signed cast"), { interfaces: [indexIntegerCast] });
export type CastSOp = InstanceType<typeof CastSOp>;
/** `index.castu %x : i32 to index`: zero-extends or truncates between index and an integer. */
export const CastUOp = defineOp(castSpec("index.castu", "index unsigned cast"), { interfaces: [indexIntegerCast] });
export type CastUOp = InstanceType<typeof CastUOp>;

// ---- comparison, sizeof, constants ---------------------------------------------------------------------------

/** `index.cmp slt(%a, %b)`: an i1. Folds when the comparison agrees in 64 and 32 bits. */
export const CmpOp = defineOp(
  {
    name: "index.cmp",
    summary: "index compare",
    attributes: { pred: IndexCmpPredicateAttr.constraint },
    operands: { lhs: Index, rhs: Index },
    results: { result: Bool },
    traits: [Pure],
    format: "$pred `(` $lhs `,` $rhs `)` attr-dict",
  },
  { fold: (op, [lhs, rhs]) => foldIndexCmp(op.pred.value, lhs, rhs) },
);
export type CmpOp = InstanceType<typeof CmpOp>;

/** `index.sizeof`: the target's index width in bits; never folded, since it depends on the target. */
export const SizeOfOp = defineOp({
  name: "index.sizeof",
  summary: "size in bits of the index type",
  results: { result: Index },
  traits: [Pure],
  format: "attr-dict",
});
export type SizeOfOp = InstanceType<typeof SizeOfOp>;

/** `%idx42 = index.constant 42`: the value (an index attribute, 64-bit) names the result. */
export const ConstantOp = defineOp({
  name: "index.constant",
  summary: "index constant",
  attributes: { value: IndexAttr },
  results: { result: Index },
  traits: [ConstantLike, Pure],
  format: "attr-dict $value",
  resultNames: (op) => {
    const value = op.attr("value");
    return [value instanceof IntegerAttr ? `idx${value.value}` : undefined];
  },
});
export type ConstantOp = InstanceType<typeof ConstantOp>;

/** `%true = index.bool.constant true`. */
export const BoolConstantOp = defineOp({
  name: "index.bool.constant",
  summary: "boolean constant",
  attributes: { value: BoolAttrC },
  results: { result: Bool },
  traits: [ConstantLike, Pure],
  format: "attr-dict $value",
  resultNames: (op) => {
    const value = op.attr("value");
    return [value instanceof IntegerAttr ? (value.value !== 0n ? "true" : "false") : undefined];
  },
});
export type BoolConstantOp = InstanceType<typeof BoolConstantOp>;

/** An `index.constant` of `value` at `b`'s insertion point (MLIR's `ConstantOp::build(b, state, int64_t)`). */
export function indexConstant(b: Builder, value: bigint | number): Value<IndexType> {
  return b.create(ConstantOp, { value: IntegerAttr.get(IndexType.get(), value), result: IndexType.get() }).result;
}

/** Every index op, in IndexOps.td's order. */
export const indexOps = [
  AddOp,
  SubOp,
  MulOp,
  DivSOp,
  DivUOp,
  CeilDivSOp,
  CeilDivUOp,
  FloorDivSOp,
  RemSOp,
  RemUOp,
  MaxSOp,
  MaxUOp,
  MinSOp,
  MinUOp,
  ShlOp,
  ShrSOp,
  ShrUOp,
  AndOp,
  OrOp,
  XOrOp,
  CastSOp,
  CastUOp,
  CmpOp,
  SizeOfOp,
  ConstantOp,
  BoolConstantOp,
] as const;

/** A union of every index op instance type. */
export type IndexOp = InstanceType<(typeof indexOps)[number]>;
