/**
 * Control flow interfaces (MLIR 16's ControlFlowInterfaces.td):
 *
 * - BranchOpInterface: a terminator that jumps to successor blocks and forwards some of its operands to each
 *   successor's arguments. The forwarded operands can be changed in place (region DCE drops the dead ones, block
 *   merging appends new ones), whatever the op; a successor may also receive leading arguments the op produces
 *   itself (`producedOperandCount`, e.g. an invoke's result).
 * - RegionBranchOpInterface: an op whose regions run in an order it describes (scf.if, scf.for): which regions
 *   (or the parent op's results) control may flow to from the parent or from each region, with which values.
 * - RegionBranchTerminatorOpInterface: a terminator inside such a region that forwards values (scf.yield).
 *
 * The verifiers check that what flows along each edge matches what the target takes, in number and type.
 */
import { type Diagnostic, error } from "../diag/diagnostic.ts";
import type { Attribute } from "../ir/attributes.ts";
import { defineInterface, type InterfaceView } from "../ir/interfaces.ts";
import type { MutableOperandRange } from "../ir/mutable-operand-range.ts";
import type { Block, Operation, Region } from "../ir/operation.ts";
import { ReturnLike } from "../ir/traits.ts";
import type { Type } from "../ir/types.ts";
import type { Value } from "../ir/value.ts";
import { opError, quotedType } from "../irdl/op-error.ts";

// ---- BranchOpInterface -------------------------------------------------------------------------------------

/**
 * The operands a branch passes to one successor's arguments: first `producedOperandCount` values the op
 * itself produces (not operands of it), then the `forwarded` operands, which can be changed in place.
 */
export class SuccessorOperands {
  constructor(
    readonly forwarded: MutableOperandRange,
    readonly producedOperandCount = 0,
  ) {}

  /** How many successor arguments this edge provides. */
  get length(): number {
    return this.producedOperandCount + this.forwarded.length;
  }
  /** The forwarded operand for successor argument `argIndex`; undefined for a produced one. */
  forwardedFor(argIndex: number): Value | undefined {
    const i = argIndex - this.producedOperandCount;
    return i < 0 || i >= this.forwarded.length ? undefined : this.forwarded.at(i);
  }
  /** The index, among the op's operands, of the operand forwarded to successor argument `argIndex`. */
  operandIndex(argIndex: number): number | undefined {
    const i = argIndex - this.producedOperandCount;
    return i < 0 || i >= this.forwarded.length ? undefined : this.forwarded.start + i;
  }
}

export interface BranchOpMethods {
  /** What the op passes to successor `index`. */
  getSuccessorOperands(index: number): SuccessorOperands;
  /**
   * The successor control will reach, given the constant value of each operand (undefined: not a constant);
   * undefined when it cannot tell. Default: cannot tell.
   */
  getSuccessorForOperands(operands: readonly (Attribute | undefined)[]): Block | undefined;
  /** Whether a value of type `forwarded` can go to an argument of type `argument`. Default: the same type. */
  areTypesCompatible(argument: Type, forwarded: Type): boolean;
}

/** MLIR's verifyBranchSuccessorOperands: counts and types of what goes to each successor. */
function verifyBranch(view: InterfaceView<BranchOpMethods>): Diagnostic | undefined {
  const op = view.op;
  for (let index = 0; index < op.successors.length; index++) {
    const block = op.successors[index] as Block;
    const operands = view.getSuccessorOperands(index);
    if (operands.length !== block.args.length) {
      return error(op.loc, `branch has ${operands.length} operands for successor #${index}, but target block has ${block.args.length}`);
    }
    for (let i = operands.producedOperandCount; i < operands.length; i++) {
      const forwarded = operands.forwardedFor(i) as Value;
      if (!view.areTypesCompatible(block.arg(i).type, forwarded.type)) {
        return error(op.loc, `type mismatch for bb argument #${i} of successor #${index}`);
      }
    }
  }
  return undefined;
}

export const BranchOpInterface = defineInterface<BranchOpMethods, "getSuccessorForOperands" | "areTypesCompatible">("BranchOpInterface", {
  description: "a terminator that branches to successor blocks, forwarding some of its operands to their arguments",
  defaults: {
    getSuccessorForOperands: () => undefined,
    areTypesCompatible: (_op, a, b) => a === b,
  },
  verify: verifyBranch,
});

/**
 * The successor argument that operand `operandIndex` of the branch `op` is forwarded to (MLIR's
 * getSuccessorBlockArgument); undefined when the operand is not forwarded (a condition, a flag) or `op` is no
 * branch.
 */
export function successorBlockArgument(op: Operation, operandIndex: number): Value | undefined {
  const branch = BranchOpInterface.of(op);
  if (branch === undefined) return undefined;
  for (let s = 0; s < op.successors.length; s++) {
    const operands = branch.getSuccessorOperands(s);
    const i = operandIndex - operands.forwarded.start;
    if (i >= 0 && i < operands.forwarded.length) return (op.successors[s] as Block).args[operands.producedOperandCount + i];
  }
  return undefined;
}

// ---- RegionBranchOpInterface -------------------------------------------------------------------------------

/**
 * Where control may go next: the entry block of `region`, taking `inputs` as its arguments; or, when `region` is
 * undefined, out of the op, `inputs` being its results.
 */
export interface RegionSuccessor {
  readonly region: Region | undefined;
  readonly inputs: readonly Value[];
}

/** A successor region with its entry block's arguments as inputs. */
export const regionSuccessor = (region: Region): RegionSuccessor => ({ region, inputs: region.entry?.args ?? [] });
/** The parent op's results as a successor. */
export const parentSuccessor = (op: Operation): RegionSuccessor => ({ region: undefined, inputs: op.results });

export interface RegionBranchOpMethods {
  /**
   * Where control may go from the parent op (`from` undefined) or from the end of region #`from`. `operands`:
   * constant values of the op's operands (from the parent) or of the region's yielded values, when known.
   */
  getSuccessorRegions(from: number | undefined, operands: readonly (Attribute | undefined)[]): RegionSuccessor[];
  /**
   * The op's operands that become the arguments of region #`index` when entered from the parent, or (index
   * undefined) its results when control skips every region (affine.for with no iteration). Default: none.
   */
  getSuccessorEntryOperands(index: number | undefined): readonly Value[];
  /** Whether a value of type `source` can flow into `target` along an edge. Default: the same type. */
  areTypesCompatible(target: Type, source: Type): boolean;
}

export interface RegionBranchTerminatorMethods {
  /** The operands this terminator forwards to the successor region #`index` (undefined: the parent's results). */
  getMutableSuccessorOperands(index: number | undefined): MutableOperandRange;
}

/** A terminator of a region of a RegionBranchOpInterface op that forwards values (scf.yield, scf.condition). */
export const RegionBranchTerminatorOpInterface = defineInterface<RegionBranchTerminatorMethods>("RegionBranchTerminatorOpInterface", {
  description: "a terminator that forwards its operands to a successor region or to the parent op's results",
});

const edgeTarget = (s: RegionSuccessor): string => (s.region === undefined ? "parent results" : `Region #${s.region.parent?.regions.indexOf(s.region) ?? 0}`);

/** MLIR 16's words, including the space its `emitOpError(" region control flow edge ")` leaves after `op`. */
function checkEdge(op: Operation, view: InterfaceView<RegionBranchOpMethods>, source: string, values: readonly Value[], to: RegionSuccessor): Diagnostic | undefined {
  const edge = `from ${source} to ${edgeTarget(to)}: `;
  if (values.length !== to.inputs.length) {
    return opError(op, ` region control flow edge ${edge}source has ${values.length} operands, but target successor needs ${to.inputs.length}`);
  }
  for (const [i, v] of values.entries()) {
    const target = (to.inputs[i] as Value).type;
    if (!view.areTypesCompatible(target, v.type)) {
      return opError(op, ` along control flow edge ${edge}source type #${i} ${quotedType(v.type)} should match input type #${i} ${quotedType(target)}`);
    }
  }
  return undefined;
}

/**
 * The operands forwarded towards `to` by the terminators of region #`index` that forward values: those with
 * RegionBranchTerminatorOpInterface (scf.condition) and the ReturnLike ones (MLIR 16's
 * getRegionBranchSuccessorOperands).
 */
function forwardedFrom(op: Operation, index: number, to: RegionSuccessor): (readonly Value[])[] {
  const toIndex = to.region === undefined ? undefined : op.regions.indexOf(to.region);
  const out: (readonly Value[])[] = [];
  for (const block of op.regions[index]?.blocks ?? []) {
    const term = block.last;
    if (term === undefined) continue;
    const yielded = RegionBranchTerminatorOpInterface.of(term);
    if (yielded !== undefined) out.push(yielded.getMutableSuccessorOperands(toIndex).values);
    else if (term.hasTrait(ReturnLike)) out.push(term.operands);
  }
  return out;
}

/** MLIR's verifyTypesAlongControlFlowEdges: from the parent into each region, and from each region onwards. */
function verifyRegionBranch(view: InterfaceView<RegionBranchOpMethods>): Diagnostic | undefined {
  const op = view.op;
  for (const to of view.getSuccessorRegions(undefined, [])) {
    const entry = view.getSuccessorEntryOperands(to.region === undefined ? undefined : op.regions.indexOf(to.region));
    const failure = checkEdge(op, view, "parent operands", entry, to);
    if (failure !== undefined) return failure;
  }
  for (let index = 0; index < op.regions.length; index++) {
    for (const to of view.getSuccessorRegions(index, [])) {
      for (const values of forwardedFrom(op, index, to)) {
        const failure = checkEdge(op, view, `Region #${index}`, values, to);
        if (failure !== undefined) return failure;
      }
    }
  }
  return undefined;
}

export const RegionBranchOpInterface = defineInterface<RegionBranchOpMethods, "getSuccessorEntryOperands" | "areTypesCompatible">(
  "RegionBranchOpInterface",
  {
    description: "an op whose regions run in an order it describes, passing values between them",
    defaults: {
      getSuccessorEntryOperands: () => [],
      areTypesCompatible: (_op, a, b) => a === b,
    },
    verifyRegion: verifyRegionBranch,
  },
);
