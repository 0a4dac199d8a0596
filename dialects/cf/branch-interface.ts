/**
 * MLIR's BranchOpInterface, as a trait: which operands a terminator forwards to each successor, and the check
 * that they match that block's arguments in number and type.
 *
 * Its diagnostics carry no `'op' op` prefix, as MLIR's interface verifier emits them
 * (`branch has 1 operands for successor #0, but target block has 0`), which is why the check is a trait
 * verifier (it returns a whole diagnostic) rather than an op's `verify` hook (whose messages get the prefix).
 */
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import type { Operation, Trait } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { definitionOf, operandRanges } from "../../src/irdl/define-op.ts";

/** The operands an op forwards to its successor `index` (undefined: none, or not a successor). */
export type SuccessorOperandsFn = (op: Operation, index: number) => readonly Value[] | undefined;

export interface BranchOpTrait extends Trait {
  readonly successorOperands: SuccessorOperandsFn;
}

const isBranchOpTrait = (t: Trait): t is BranchOpTrait => "successorOperands" in t;

/** Checks the operands forwarded to successor `index` against the block's arguments. */
export function verifySuccessorOperands(op: Operation, index: number, operands: readonly Value[]): Diagnostic | undefined {
  const block = op.successors[index];
  if (block === undefined) return undefined;
  if (operands.length !== block.args.length) {
    return error(op.loc, `branch has ${operands.length} operands for successor #${index}, but target block has ${block.args.length}`);
  }
  for (const [i, v] of operands.entries()) {
    if (v.type !== block.arg(i).type) return error(op.loc, `type mismatch for bb argument #${i} of successor #${index}`);
  }
  return undefined;
}

/** A BranchOpInterface trait for ops whose successor operands `successorOperands` gives. */
export function branchOpInterface(successorOperands: SuccessorOperandsFn): BranchOpTrait {
  return Object.freeze({
    name: "BranchOpInterface",
    successorOperands,
    verify: (op: Operation) => {
      for (let i = 0; i < op.successors.length; i++) {
        const failure = verifySuccessorOperands(op, i, successorOperands(op, i) ?? []);
        if (failure !== undefined) return failure;
      }
      return undefined;
    },
  });
}

/**
 * The operands `op` forwards to its successor `index`, for any op with a BranchOpInterface trait; undefined for
 * other ops.
 */
export function successorOperands(op: Operation, index: number): readonly Value[] | undefined {
  const info = op.info;
  if (info === undefined) return undefined;
  for (const t of info.traits) if (isBranchOpTrait(t)) return t.successorOperands(op, index);
  return undefined;
}

/** The operands of the named operand group of a registered op (empty when it has no such group). */
export function operandGroup(op: Operation, name: string): readonly Value[] {
  const def = definitionOf(op);
  const index = def?.operands.findIndex((g) => g.name === name) ?? -1;
  if (def === undefined || index < 0) return [];
  const [start, n] = operandRanges(op, def)[index] ?? [0, 0];
  return op.operands.slice(start, start + n);
}
