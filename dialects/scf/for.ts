/**
 * `scf.for`: a counted loop with loop-carried values (MLIR 16's ForOp and its hand-written syntax):
 *
 *   scf.for %i = %lb to %ub step %s {
 *     ...
 *   }
 *   %sum = scf.for %i = %lb to %ub step %s iter_args(%acc = %init) -> (f32) {
 *     %next = arith.addf %acc, %x : f32
 *     scf.yield %next : f32
 *   }
 *
 * The body's first argument is the induction variable (index), the rest take the loop-carried values: the
 * initial values on the first iteration, what the body yields on the next ones; the results are the values
 * after the last iteration (the initial values when the loop runs zero times).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, RecursiveMemoryEffects, SingleBlock } from "../../src/ir/traits.ts";
import { IndexType, type Type } from "../../src/ir/types.ts";
import type { BlockArgument, Value } from "../../src/ir/value.ts";
import { AnyType, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { ensureTerminator, SingleBlockImplicitTerminator } from "../../src/irdl/implicit-terminator.ts";
import { opError } from "../../src/irdl/op-error.ts";
import { region, variadic } from "../../src/irdl/spec.ts";
import { LoopLikeOpInterface } from "../../src/interfaces/loop-like.ts";
import { parentSuccessor, RegionBranchOpInterface, type RegionSuccessor } from "../../src/interfaces/control-flow.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { parseOptionalIterArgs, printInitializationList } from "./asm.ts";
import { YieldOp } from "./terminators.ts";

/** The trait of scf ops whose single-block regions end with `scf.yield`, which the custom form may leave out. */
export const ImplicitYield = SingleBlockImplicitTerminator("scf.yield", (loc) => YieldOp.build({}, loc));

/** What the helpers below read of an scf.for (structurally: the op's class type is computed from them). */
type LoopWithBody = Operation & { readonly region: Region };

/** The loop body (its single block). */
export const forBody = (op: LoopWithBody): Block => op.region.entry as Block;
/** The induction variable: the body's first argument. */
export const inductionVar = (op: LoopWithBody): BlockArgument => forBody(op).arg(0);
/** The body's arguments that carry values from one iteration to the next. */
export const iterArgs = (op: LoopWithBody): readonly BlockArgument[] => op.region.entry?.args.slice(1) ?? [];

export const ForOp = defineOp(
  {
    name: "scf.for",
    summary: "for operation",
    operands: { lowerBound: Index, upperBound: Index, step: Index, initArgs: variadic(AnyType) },
    results: { values: variadic(AnyType) },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [AutomaticAllocationScope, SingleBlock, ImplicitYield, RecursiveMemoryEffects],
  },
  {
    verify: (op) => {
      const step = constIntValue(op.step);
      if (step !== undefined && step <= 0n) return opError(op, "constant step operand must be positive");
      if (op.numResults !== 0 && op.initArgs.length !== op.numResults) {
        return opError(op, "mismatch in number of loop-carried values and defined values");
      }
      return undefined;
    },
    verifyRegion: (op) => verifyForRegion(op),
    interfaces: [
      implement(RegionBranchOpInterface, {
        // From the parent: into the body (MLIR 16 does not list the zero-trip edge to the results); from the
        // body: another iteration, or out to the results.
        getSuccessorRegions: (op, from): RegionSuccessor[] =>
          from === undefined ? [{ region: op.region, inputs: iterArgs(op) }] : [{ region: op.region, inputs: iterArgs(op) }, parentSuccessor(op)],
        getSuccessorEntryOperands: (op) => op.initArgs,
      }),
      implement(LoopLikeOpInterface, {
        getLoopBody: (op) => op.region,
        getSingleInductionVar: (op) => inductionVar(op),
        getSingleLowerBound: (op) => op.lowerBound,
        getSingleUpperBound: (op) => op.upperBound,
        getSingleStep: (op) => op.step,
      }),
    ],
    asm: {
      print(op, p) {
        p.print(" ");
        p.printOperand(inductionVar(op));
        p.print(" = ");
        p.printOperand(op.lowerBound);
        p.print(" to ");
        p.printOperand(op.upperBound);
        p.print(" step ");
        p.printOperand(op.step);
        printInitializationList(p, iterArgs(op), op.initArgs, " iter_args");
        if (op.initArgs.length > 0) {
          p.print(" -> (");
          p.printTypes(op.initArgs.map((v) => v.type));
          p.print(")");
        }
        p.print(" ");
        p.printRegion(op.region, { printEntryBlockArgs: false, printBlockTerminators: op.initArgs.length > 0 });
        p.printOptionalAttrDict(op.attributes);
      },
      parse(p, state) {
        const index = IndexType.get();
        const iv = p.parseArgument({ allowType: false, allowAttrs: false });
        iv.type = index;
        p.parsePunct("=");
        state.operands.push(p.resolveOperand(p.parseOperand(), index));
        p.parseKeyword("to");
        state.operands.push(p.resolveOperand(p.parseOperand(), index));
        p.parseKeyword("step");
        state.operands.push(p.resolveOperand(p.parseOperand(), index));
        const regionArgs = [iv, ...parseOptionalIterArgs(p, state)];
        if (regionArgs.length !== state.resultTypes.length + 1) p.error("mismatch in number of loop-carried values and defined values");
        const body = new Region();
        p.parseRegion(body, regionArgs);
        ensureTerminator(body, ImplicitYield, state.loc);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
  },
);
export type ForOp = InstanceType<typeof ForOp>;

/** MLIR's ForOp::verifyRegions. */
function verifyForRegion(op: LoopWithBody & { readonly initArgs: readonly Value[] }): Diagnostic | undefined {
  const body = op.region.entry;
  if (body === undefined) return undefined;
  const iv = body.args[0];
  if (iv === undefined || !(iv.type instanceof IndexType)) {
    return opError(op, "expected body first argument to be an index argument for the induction variable");
  }
  if (op.numResults === 0) return undefined;
  if (body.args.length - 1 !== op.numResults) return opError(op, "mismatch in number of basic block args and defined values");
  for (let i = 0; i < op.numResults; i++) {
    const result: Type = op.results[i]?.type as Type;
    if ((op.initArgs[i] as Value).type !== result) return opError(op, `types mismatch between ${i}th iter operand and defined value`);
    if ((body.args[i + 1] as Value).type !== result) return opError(op, `types mismatch between ${i}th iter region arg and defined value`);
  }
  return undefined;
}

