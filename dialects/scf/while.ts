/**
 * `scf.while` and `scf.execute_region` (MLIR 16's hand-written syntax):
 *
 *   %r = scf.while (%x = %init) : (i32) -> i32 {
 *     %c = arith.cmpi slt, %x, %n : i32
 *     scf.condition(%c) %x : i32
 *   } do {
 *   ^bb0(%y: i32):
 *     %next = arith.addi %y, %one : i32
 *     scf.yield %next : i32
 *   }
 *   %v = scf.execute_region -> i32 {
 *     ...
 *     scf.yield %a : i32
 *   }
 *
 * scf.while runs `before` with the current values; its `scf.condition` either ends the loop (its operands are
 * the results) or runs `after` with them, whose `scf.yield` gives the next values of `before`.
 */
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { note } from "../../src/diag/diagnostic.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Operation, Region } from "../../src/ir/operation.ts";
import { RecursiveMemoryEffects } from "../../src/ir/traits.ts";
import { FunctionType } from "../../src/ir/types.ts";
import { AnyType } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { region, variadic } from "../../src/irdl/spec.ts";
import { parentSuccessor, RegionBranchOpInterface, regionSuccessor, type RegionSuccessor } from "../../src/interfaces/control-flow.ts";
import { parseOptionalAssignmentList, printInitializationList } from "./asm.ts";
import { ConditionOp, YieldOp } from "./terminators.ts";

/** MLIR's verifyAndGetTerminator: the region's first block ends with a `kind` op, or this error (noting the terminator). */
function expectTerminator(op: Operation, r: Region, kind: typeof YieldOp | typeof ConditionOp, message: string) {
  const last = r.entry?.last;
  if (last !== undefined && last instanceof kind) return undefined;
  return opError(op, message, last === undefined ? [] : [note(last.loc, "terminator here")]);
}

export const WhileOp = defineOp(
  {
    name: "scf.while",
    summary: "a generic 'while' loop",
    operands: { inits: variadic(AnyType) },
    results: { values: variadic(AnyType) },
    regions: { before: region({ maxBlocks: 1 }), after: region({ maxBlocks: 1 }) },
    traits: [RecursiveMemoryEffects],
  },
  {
    verify: (op) =>
      expectTerminator(op, op.before, ConditionOp, "expects the 'before' region to terminate with 'scf.condition'") ??
      expectTerminator(op, op.after, YieldOp, "expects the 'after' region to terminate with 'scf.yield'"),
    interfaces: [
      implement(RegionBranchOpInterface, {
        getSuccessorRegions: (op, from, operands): RegionSuccessor[] => {
          if (from === undefined || from === 1) return [regionSuccessor(op.before)];
          const cond = operands[0];
          if (cond instanceof IntegerAttr) return [cond.value === 0n ? parentSuccessor(op) : regionSuccessor(op.after)];
          return [parentSuccessor(op), regionSuccessor(op.after)];
        },
        getSuccessorEntryOperands: (op) => op.inits,
      }),
    ],
    asm: {
      print(op, p) {
        printInitializationList(p, op.before.entry?.args ?? [], op.inits, " ");
        p.print(" : ");
        p.printFunctionalType(
          op.inits.map((v) => v.type),
          op.results.map((r) => r.type),
        );
        p.print(" ");
        p.printRegion(op.before, { printEntryBlockArgs: false });
        p.print(" do ");
        p.printRegion(op.after);
        p.printOptionalAttrDictWithKeyword(op.attributes);
      },
      parse(p, state) {
        const list = parseOptionalAssignmentList(p);
        const typePos = p.pos();
        p.parsePunct(":");
        const parsed = p.parseType();
        const type = parsed instanceof FunctionType ? parsed : p.error("invalid kind of type specified", typePos);
        state.resultTypes.push(...type.results);
        const operands = list?.operands ?? [];
        if (type.inputs.length !== operands.length) {
          p.error(`expected as many input types as operands (expected ${operands.length} got ${type.inputs.length})`, typePos);
        }
        state.operands.push(...p.resolveOperands(operands, type.inputs));
        const args = list?.args ?? [];
        args.forEach((a, i) => (a.type = type.inputs[i]));
        const before = new Region();
        const after = new Region();
        p.parseRegion(before, args);
        p.parseKeyword("do");
        p.parseRegion(after);
        state.regions.push(before, after);
        p.parseOptionalAttrDictWithKeyword(state.attributes);
      },
    },
  },
);
export type WhileOp = InstanceType<typeof WhileOp>;

/** The `scf.condition` ending the `before` region. */
export const conditionOf = (op: WhileOp): ConditionOp | undefined => {
  const last = op.before.entry?.last;
  return last instanceof ConditionOp ? last : undefined;
};

// ---- scf.execute_region ------------------------------------------------------------------------------------

export const ExecuteRegionOp = defineOp(
  {
    name: "scf.execute_region",
    summary: "operation that executes its region exactly once",
    results: { values: variadic(AnyType) },
    regions: { region: region() },
  },
  {
    verify: (op) => {
      if (op.region.isEmpty) return opError(op, "region needs to have at least one block");
      if ((op.region.entry?.args.length ?? 0) > 0) return opError(op, "region cannot have any arguments");
      return undefined;
    },
    interfaces: [
      implement(RegionBranchOpInterface, {
        getSuccessorRegions: (op, from): RegionSuccessor[] => (from === undefined ? [regionSuccessor(op.region)] : [parentSuccessor(op)]),
      }),
    ],
    asm: {
      print(op, p) {
        p.printOptionalArrowTypeList(op.results.map((r) => r.type));
        p.print(" ");
        p.printRegion(op.region, { printEntryBlockArgs: false, printBlockTerminators: true });
        p.printOptionalAttrDict(op.attributes);
      },
      parse(p, state) {
        state.resultTypes.push(...p.parseArrowTypeList(true));
        const body = new Region();
        p.parseRegion(body);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
  },
);
export type ExecuteRegionOp = InstanceType<typeof ExecuteRegionOp>;
