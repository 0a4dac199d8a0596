/**
 * The cf dialect (MLIR 16's ControlFlowOps.td): unstructured control flow between the blocks of a region.
 *
 *   cf.br ^bb1(%a : i32)
 *   cf.cond_br %c, ^bb1(%a : i32), ^bb2
 *   cf.switch %flag : i32, [
 *     default: ^bb1(%a : i32),
 *     42: ^bb2,
 *     43: ^bb3
 *   ]
 *   cf.assert %c, "message"
 *
 * The operands a branch forwards to each successor must match that block's arguments, in number and type
 * (MLIR's BranchOpInterface, src/interfaces/control-flow.ts, which every branch here implements).
 */
import { type Attribute, DenseArrayAttr, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { Pure, Terminator } from "../../src/ir/traits.ts";
import { i32, IntegerType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { AnyInteger, AnyType, attrConstraint, Bool, DenseI32ArrayAttr, StrAttr } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { mutableOperandGroup, mutableOperandSubGroup } from "../../src/irdl/operand-groups.ts";
import { type OperandGroupOf, optionalAttr, successor, variadic, variadicSuccessor } from "../../src/irdl/spec.ts";
import { BranchOpInterface, SuccessorOperands } from "../../src/interfaces/control-flow.ts";
import type { MutableOperandRange } from "../../src/ir/mutable-operand-range.ts";
import { printType } from "../../src/text/print-attr.ts";
import { caseValuesAttr, SWITCH_FORMAT, SwitchOpCases } from "./switch-asm.ts";

/** The named operand group of a cf op as the operands forwarded to successor `index` (none: no such successor). */
function forwardedGroup<O extends Operation>(op: O, group: OperandGroupOf<O> | undefined, index: number): SuccessorOperands {
  const range: MutableOperandRange | undefined = group === undefined ? undefined : mutableOperandGroup(op, group);
  if (range === undefined) throw new RangeError(`'${op.name}' has no successor #${index}`);
  return new SuccessorOperands(range);
}

/** The value of a constant i1/integer operand, when known. */
const constantInt = (a: Attribute | undefined): bigint | undefined => (a instanceof IntegerAttr ? a.value : undefined);

// ---- cf.br -------------------------------------------------------------------------------------------------

/** `cf.br`: jumps to `dest`, passing `destOperands` as its arguments. */
export const BranchOp = defineOp(
  {
    name: "cf.br",
    summary: "branch operation",
    operands: { destOperands: variadic(AnyType) },
    successors: { dest: successor() },
    traits: [Pure, Terminator],
    format: "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict",
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => forwardedGroup(op, i === 0 ? "destOperands" : undefined, i),
        getSuccessorForOperands: (op) => op.dest,
      }),
    ],
  },
);
export type BranchOp = InstanceType<typeof BranchOp>;

// ---- cf.cond_br --------------------------------------------------------------------------------------------

/** `cf.cond_br`: jumps to `trueDest` when `condition` is set, to `falseDest` otherwise. */
export const CondBranchOp = defineOp(
  {
    name: "cf.cond_br",
    summary: "conditional branch operation",
    operands: { condition: Bool, trueDestOperands: variadic(AnyType), falseDestOperands: variadic(AnyType) },
    successors: { trueDest: successor(), falseDest: successor() },
    traits: [Pure, Terminator],
    format:
      "$condition `,` $trueDest (`(` $trueDestOperands^ `:` type($trueDestOperands) `)`)? `,` " +
      "$falseDest (`(` $falseDestOperands^ `:` type($falseDestOperands) `)`)? attr-dict",
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => forwardedGroup(op, i === 0 ? "trueDestOperands" : i === 1 ? "falseDestOperands" : undefined, i),
        getSuccessorForOperands: (op, operands) => {
          const c = constantInt(operands[0]);
          return c === undefined ? undefined : c !== 0n ? op.trueDest : op.falseDest;
        },
      }),
    ],
  },
);
export type CondBranchOp = InstanceType<typeof CondBranchOp>;

// ---- cf.switch ---------------------------------------------------------------------------------------------

/** Integer dense elements (ODS's AnyIntElementsAttr): the case values of `cf.switch`. */
export const AnyIntElementsAttr = attrConstraint(
  "integer elements attribute",
  (a): a is DenseElementsAttr => a instanceof DenseElementsAttr && a.type.elementType instanceof IntegerType,
);

/**
 * `cf.switch`: jumps to the case whose value equals `flag`, or to `defaultDestination`. Case `i` forwards
 * the `case_operand_segments[i]` operands of `caseOperands` that follow those of the cases before it.
 */
export const SwitchOp = defineOp(
  {
    name: "cf.switch",
    summary: "switch operation",
    operands: { flag: AnyInteger, defaultOperands: variadic(AnyType), caseOperands: variadic(AnyType) },
    attributes: { case_values: optionalAttr(AnyIntElementsAttr), case_operand_segments: DenseI32ArrayAttr },
    successors: { defaultDestination: successor(), caseDestinations: variadicSuccessor() },
    traits: [Pure, Terminator],
    customDirectives: { SwitchOpCases },
    format: SWITCH_FORMAT,
  },
  {
    interfaces: [
      implement(BranchOpInterface, {
        getSuccessorOperands: (op, i) => {
          if (i === 0) return forwardedGroup(op, "defaultOperands", i);
          const range = mutableOperandSubGroup(op, "caseOperands", "case_operand_segments", i - 1);
          if (range === undefined) throw new RangeError(`'${op.name}' has no successor #${i}`);
          return new SuccessorOperands(range);
        },
        getSuccessorForOperands: (op, operands): Block | undefined => {
          const flag = constantInt(operands[0]);
          const values = op.case_values;
          if (flag === undefined) return undefined;
          const width = op.flag.type instanceof IntegerType ? op.flag.type.width : 64;
          for (let i = 0; i < (values?.numElements ?? 0); i++) {
            if (BigInt.asUintN(width, BigInt(values!.at(i))) === BigInt.asUintN(width, flag)) return op.caseDestinations[i];
          }
          return op.defaultDestination;
        },
      }),
    ],
    verify: (op) => {
      const values = op.case_values;
      const cases = op.caseDestinations.length;
      if (values === undefined && cases > 0) {
        return opError(op, `number of case values (0) should match number of case destinations (${cases})`);
      }
      if (values !== undefined) {
        const flagType = op.flag.type;
        if (values.type.elementType !== flagType) {
          return opError(op, `'flag' type ('${printType(flagType)}') should match case value type ('${printType(values.type.elementType)}')`);
        }
        if (values.numElements !== cases) {
          return opError(op, `number of case values (${values.numElements}) should match number of case destinations (${cases})`);
        }
      }
      const segments = op.case_operand_segments.numbers;
      const total = segments.reduce((a, b) => a + b, 0);
      if (segments.some((n) => n < 0) || total !== op.caseOperands.length) {
        return opError(op, `'case_operand_segments' sums to ${total}, but there are ${op.caseOperands.length} case operands`);
      }
      return undefined;
    },
  },
);
export type SwitchOp = InstanceType<typeof SwitchOp>;

/** The operands `cf.switch` forwards to case `index` (0-based, not counting the default). */
export function switchCaseOperands(op: SwitchOp, index: number): readonly Value[] {
  return mutableOperandSubGroup(op, "caseOperands", "case_operand_segments", index)?.values ?? [];
}

/** The case values of a `cf.switch` as BigInts (as stored: signed for signless flags). */
export function switchCaseValues(op: SwitchOp): bigint[] {
  const values = op.case_values;
  if (values === undefined) return [];
  return Array.from({ length: values.numElements }, (_, i) => BigInt(values.at(i)));
}

export interface SwitchCase {
  readonly value: bigint | number;
  readonly dest: Block;
  readonly operands?: readonly Value[];
}

/**
 * The build arguments of a `cf.switch` from its cases: `b.create(SwitchOp, switchArgs(flag, ^default, [], cases))`.
 * The case values take the flag's integer type.
 */
export function switchArgs(
  flag: Value<IntegerType>,
  defaultDestination: Block,
  defaultOperands: readonly Value[],
  cases: readonly SwitchCase[],
): Parameters<typeof SwitchOp.build>[0] {
  return {
    flag,
    defaultDestination,
    defaultOperands,
    caseDestinations: cases.map((c) => c.dest),
    caseOperands: cases.flatMap((c) => c.operands ?? []),
    case_operand_segments: DenseArrayAttr.get(i32, cases.map((c) => c.operands?.length ?? 0)),
    ...(cases.length === 0 ? {} : { case_values: caseValuesAttr(flag.type, cases.map((c) => c.value)) }),
  };
}

// ---- cf.assert ---------------------------------------------------------------------------------------------

/** `cf.assert %c, "msg"`: aborts with `msg` when `arg` is false. */
export const AssertOp = defineOp({
  name: "cf.assert",
  summary: "assert operation with message attribute",
  operands: { arg: Bool },
  attributes: { msg: StrAttr },
  format: "$arg `,` $msg attr-dict",
});
export type AssertOp = InstanceType<typeof AssertOp>;
