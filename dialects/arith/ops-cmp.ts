/**
 * Comparisons and selection: `arith.cmpi slt, %a, %b : i32`, `arith.cmpf oeq, %x, %y : f32`,
 * `arith.select %cond, %a, %b : i32` (or `: vector<4xi1>, vector<4xi32>` with a per-element condition).
 *
 * A comparison yields i1 of its operands' shape. The predicate is an i64 attribute (`{predicate = 2 : i64}`
 * in generic form) printed as its keyword in custom form.
 */
import type { Operation, Trait } from "../../src/ir/operation.ts";
import { Elementwise, Pure, SameOperandsType } from "../../src/ir/traits.ts";
import { RankedTensorType, type Type, UnrankedTensorType, VectorType, i1, isShaped } from "../../src/ir/types.ts";
import { AnyType } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { printType } from "../../src/text/print-attr.ts";
import { CmpFPredicateAttr, CmpIPredicateAttr } from "./attrs.ts";
import { foldCmpF, foldCmpI, foldSelect } from "./fold.ts";
import { BoolLike, BoolLikeOfAnyRank, FloatLike, i1SameShape, SignlessIntegerLikeOfAnyRank } from "./constraints.ts";

/**
 * ODS's `TypesMatchWith<"result type has i1 element type and same shape as operands", "lhs", "result", ...>`.
 * A trait rather than a `verify` hook because MLIR checks it with the op's own constraints, before the
 * SameTypeOperands and Elementwise traits (so a result of the wrong shape gets this message, not Elementwise's).
 */
export const ResultIsI1OfOperandShape: Trait = Object.freeze({
  name: "arith.ResultIsI1OfOperandShape",
  verify(op: Operation) {
    const lhs = op.operands[0];
    const result = op.results[0];
    if (lhs === undefined || result === undefined || result.type === i1SameShape(lhs.type)) return undefined;
    return opError(op, "failed to verify that result type has i1 element type and same shape as operands");
  },
});

const inferCompareResult = (operands: readonly { readonly type: Type }[]): Type[] | undefined => {
  const t = operands[0]?.type;
  return t === undefined ? undefined : [i1SameShape(t)];
};

const compareFormat = "$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)";

export const CmpIOp = defineOp(
  {
    name: "arith.cmpi",
    summary: "integer comparison operation",
    operands: { lhs: SignlessIntegerLikeOfAnyRank, rhs: SignlessIntegerLikeOfAnyRank },
    results: { result: BoolLikeOfAnyRank },
    attributes: { predicate: CmpIPredicateAttr },
    traits: [Pure, ResultIsI1OfOperandShape, SameOperandsType, Elementwise],
    format: compareFormat,
  },
  { inferResultTypes: inferCompareResult, fold: foldCmpI },
);
export type CmpIOp = InstanceType<typeof CmpIOp>;

export const CmpFOp = defineOp(
  {
    name: "arith.cmpf",
    summary: "floating-point comparison operation",
    operands: { lhs: FloatLike, rhs: FloatLike },
    results: { result: BoolLike },
    attributes: { predicate: CmpFPredicateAttr },
    traits: [Pure, ResultIsI1OfOperandShape, SameOperandsType, Elementwise],
    format: compareFormat,
  },
  { inferResultTypes: inferCompareResult, fold: foldCmpF },
);
export type CmpFOp = InstanceType<typeof CmpFOp>;

// ---- select --------------------------------------------------------------------------------------------------

const isVectorOrTensor = (t: Type): boolean =>
  t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType;

/**
 * `arith.select`'s syntax is hand-written, as in MLIR 16: `%c, %a, %b attr-dict : [condition type ,] result
 * type`, the condition type spelled when it is shaped.
 */
export const SelectOp = defineOp(
  {
    name: "arith.select",
    summary: "select operation",
    operands: { condition: BoolLike, true_value: AnyType, false_value: AnyType },
    results: { result: AnyType },
    traits: [Pure, Elementwise],
    allTypesMatch: [["true_value", "false_value", "result"]],
  },
  {
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperands(op.operands);
        p.printOptionalAttrDict(op.attributes);
        p.print(" : ");
        const condType = op.condition.type;
        // MLIR spells the condition type whenever it is shaped (memrefs included, though they never verify).
        if (isShaped(condType)) {
          p.printType(condType);
          p.print(", ");
        }
        p.printType(op.result.type);
      },
      parse(p, state) {
        const start = p.pos();
        const operands = [p.parseOperand()];
        for (let i = 0; i < 2; i++) {
          p.parsePunct(",");
          operands.push(p.parseOperand());
        }
        p.parseOptionalAttrDict(state.attributes);
        let resultType = p.parseColonType();
        let conditionType: Type = i1;
        if (p.parseOptionalPunct(",")) {
          conditionType = resultType;
          resultType = p.parseType();
        }
        state.resultTypes.push(resultType);
        state.operands.push(...p.resolveOperands(operands, [conditionType, resultType, resultType], start));
      },
    },
    verify(op) {
      const condType = op.condition.type;
      if (condType === i1) return undefined;
      const resultType = op.result.type;
      // A shaped condition selects per element, so it must be i1 of the result's shape.
      if (!isVectorOrTensor(resultType)) return opError(op, `expected condition to be a signless i1, but got '${printType(condType)}'`);
      const expected = i1SameShape(resultType);
      if (condType === expected) return undefined;
      return opError(
        op,
        `expected condition type to have the same shape as the result type, expected '${printType(expected)}', but got '${printType(condType)}'`,
      );
    },
    fold: foldSelect,
  },
);
export type SelectOp = InstanceType<typeof SelectOp>;
