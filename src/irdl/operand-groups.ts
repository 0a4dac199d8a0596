/**
 * Named operand groups of registered ops, read and changed by name: what interface implementations use to say
 * "the operands of group `trueDestOperands`". For an op of a known kind, the names are checked by tsc.
 */
import type { Operation } from "../ir/operation.ts";
import { MutableOperandRange, type OperandSegment } from "../ir/mutable-operand-range.ts";
import type { Value } from "../ir/value.ts";
import { definitionOf, OPERAND_SEGMENT_SIZES, operandRanges } from "./define-op.ts";
import type { AttributeNameOf, OperandGroupOf } from "./spec.ts";

/** The operands of the named operand group of a registered op (empty when it has no such group). */
export function operandGroup<O extends Operation>(op: O, name: OperandGroupOf<O>): readonly Value[] {
  return mutableOperandGroup(op, name)?.values ?? [];
}

/**
 * The named operand group of a registered op as a range that can be changed in place (updating
 * `operand_segment_sizes` when the op has it); undefined when the op has no such group.
 */
export function mutableOperandGroup<O extends Operation>(op: O, name: OperandGroupOf<O>): MutableOperandRange | undefined {
  const def = definitionOf(op);
  const index = def?.operands.findIndex((g) => g.name === name) ?? -1;
  if (def === undefined || index < 0) return undefined;
  const [start, length] = operandRanges(op, def)[index] ?? [0, 0];
  const segments: OperandSegment[] = def.operandSegments ? [{ attr: OPERAND_SEGMENT_SIZES, index }] : [];
  return new MutableOperandRange(op, start, length, segments);
}

/**
 * Part of a variadic group whose sub-ranges an attribute sizes (`cf.switch`'s `case_operand_segments`): the
 * `subIndex`-th sub-range of group `name`, whose length is element `subIndex` of the dense i32 array `sizesAttr`.
 */
export function mutableOperandSubGroup<O extends Operation>(
  op: O,
  name: OperandGroupOf<O>,
  sizesAttr: AttributeNameOf<O>,
  subIndex: number,
): MutableOperandRange | undefined {
  const group = mutableOperandGroup(op, name);
  const sizes = op.attr(sizesAttr);
  if (group === undefined || sizes === undefined || !("numbers" in sizes)) return undefined;
  const numbers = (sizes as { readonly numbers: readonly number[] }).numbers;
  if (subIndex < 0 || subIndex >= numbers.length) return undefined;
  const offset = numbers.slice(0, subIndex).reduce((a, b) => a + b, 0);
  return new MutableOperandRange(op, group.start + offset, numbers[subIndex] ?? 0, [...group.segments, { attr: sizesAttr, index: subIndex }]);
}
