/**
 * Parallel loops (MLIR 16's hand-written syntax):
 *
 *   %sum = scf.parallel (%i, %j) = (%lb0, %lb1) to (%ub0, %ub1) step (%s0, %s1) init (%zero) -> f32 {
 *     %x = ...
 *     scf.reduce(%x)  : f32 {
 *     ^bb0(%lhs: f32, %rhs: f32):
 *       %r = arith.addf %lhs, %rhs : f32
 *       scf.reduce.return %r : f32
 *     }
 *     scf.yield
 *   }
 *   %r = scf.foreach_thread (%t) in (%n) shared_outs(%o = %dest) -> (tensor<8xf32>) {
 *     scf.foreach_thread.perform_concurrently {
 *       tensor.parallel_insert_slice ... into %o[...] ...
 *     }
 *   }
 *
 * scf.parallel's iterations may run in any order; each `scf.reduce` (in the order they appear) folds a value
 * into the matching result, starting from the matching `init` value, with its combining region.
 */
import { ArrayAttr, DenseArrayAttr } from "../../src/ir/attributes.ts";
import { implement } from "../../src/ir/interfaces.ts";
import { Block, type Operation, Region } from "../../src/ir/operation.ts";
import { AutomaticAllocationScope, GraphRegion, HasParent, NoTerminator, Pure, RecursiveMemoryEffects, SingleBlock, Terminator } from "../../src/ir/traits.ts";
import { i32, IndexType } from "../../src/ir/types.ts";
import type { BlockArgument, Value } from "../../src/ir/value.ts";
import { AnyRankedTensor, AnyType, ArrayAttrC, Index } from "../../src/irdl/constraints.ts";
import { defineOp } from "../../src/irdl/define-op.ts";
import { ensureTerminator, SingleBlockImplicitTerminator } from "../../src/irdl/implicit-terminator.ts";
import { opError, quotedType } from "../../src/irdl/op-error.ts";
import { optionalAttr, region, variadic } from "../../src/irdl/spec.ts";
import { LoopLikeOpInterface } from "../../src/interfaces/loop-like.ts";
import { constIntValue } from "../../src/rewrite/match.ts";
import { note } from "../../src/diag/diagnostic.ts";
import { parseAssignmentList, printInitializationList } from "./asm.ts";
import { ImplicitYield } from "./for.ts";
import { ReduceReturnOp, YieldOp } from "./terminators.ts";

/** The `scf.reduce` ops directly in a parallel loop's body, in order: one per result. */
export function reductionsOf(body: Block | undefined): Operation[] {
  const out: Operation[] = [];
  for (let op = body?.first; op !== undefined; op = op.next) if (op.name === "scf.reduce") out.push(op);
  return out;
}

export const ParallelOp = defineOp(
  {
    name: "scf.parallel",
    summary: "parallel for operation",
    operands: { lowerBound: variadic(Index), upperBound: variadic(Index), step: variadic(Index), initVals: variadic(AnyType) },
    results: { values: variadic(AnyType) },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [AutomaticAllocationScope, RecursiveMemoryEffects, SingleBlock, ImplicitYield],
  },
  {
    verify: (op) => {
      const steps = op.step;
      if (steps.length === 0) return opError(op, "needs at least one tuple element for lowerBound, upperBound and step");
      for (const s of steps) {
        const c = constIntValue(s);
        if (c !== undefined && c <= 0n) return opError(op, "constant step operand must be positive");
      }
      const body = op.region.entry;
      if (body === undefined) return undefined;
      if (body.args.length !== steps.length) {
        return opError(op, `expects the same number of induction variables: ${body.args.length} as bound and step values: ${steps.length}`);
      }
      if (body.args.some((a) => !(a.type instanceof IndexType))) return opError(op, "expects arguments for the induction variable to be of index type");
      const last = body.last;
      if (!(last instanceof YieldOp)) return opError(op, "expects body to terminate with 'scf.yield'", last === undefined ? [] : [note(last.loc, "terminator here")]);
      if (last.numOperands !== 0) return opError(last, "not allowed to have operands inside 'scf.parallel'");
      const reductions = reductionsOf(body);
      if (op.numResults !== reductions.length) {
        return opError(op, `expects number of results: ${op.numResults} to be the same as number of reductions: ${reductions.length}`);
      }
      if (op.numResults !== op.initVals.length) {
        return opError(op, `expects number of results: ${op.numResults} to be the same as number of initial values: ${op.initVals.length}`);
      }
      for (const [i, reduce] of reductions.entries()) {
        const want = op.results[i]?.type;
        const got = reduce.getOperand(0).type;
        if (want !== undefined && want !== got) {
          return opError(reduce, `expects type of reduce: ${quotedType(got)} to be the same as result type: ${quotedType(want)}`);
        }
      }
      return undefined;
    },
    interfaces: [
      implement(LoopLikeOpInterface, {
        getLoopBody: (op) => op.region,
      }),
    ],
    asm: {
      print(op, p) {
        const printList = (vs: readonly Value[]): void => {
          p.print("(");
          p.printOperands(vs);
          p.print(")");
        };
        p.print(" ");
        printList(op.region.entry?.args ?? []);
        p.print(" = ");
        printList(op.lowerBound);
        p.print(" to ");
        printList(op.upperBound);
        p.print(" step ");
        printList(op.step);
        if (op.initVals.length > 0) {
          p.print(" init ");
          printList(op.initVals);
        }
        p.printOptionalArrowTypeList(op.results.map((r) => r.type));
        p.print(" ");
        p.printRegion(op.region, { printEntryBlockArgs: false });
        p.printOptionalAttrDict(op.attributes, ["operand_segment_sizes"]);
      },
      parse(p, state) {
        const index = IndexType.get();
        const ivs = p.parseArgumentList("()", { allowType: false, allowAttrs: false });
        const bounds = (): Value[] => {
          const at = p.pos();
          const list = p.parseOperandList("()");
          if (list.length !== ivs.length) p.error(`expected ${ivs.length} operands`, at);
          return p.resolveOperands(
            list,
            list.map(() => index),
          );
        };
        p.parsePunct("=");
        const lower = bounds();
        p.parseKeyword("to");
        const upper = bounds();
        p.parseKeyword("step");
        const steps = bounds();
        const inits = p.parseOptionalKeyword("init") !== undefined ? p.parseOperandList("()") : [];
        state.resultTypes.push(...p.parseArrowTypeList(true));
        for (const iv of ivs) iv.type = index;
        const body = new Region();
        p.parseRegion(body, ivs);
        p.parseOptionalAttrDict(state.attributes);
        state.operands.push(...lower, ...upper, ...steps, ...p.resolveOperands(inits, state.resultTypes));
        state.attributes.set("operand_segment_sizes", segmentSizes([lower.length, upper.length, steps.length, inits.length]));
        ensureTerminator(body, ImplicitYield, state.loc);
        state.regions.push(body);
      },
    },
  },
);
export type ParallelOp = InstanceType<typeof ParallelOp>;

const segmentSizes = (sizes: readonly number[]) => DenseArrayAttr.get(i32, sizes);

// ---- scf.reduce --------------------------------------------------------------------------------------------

export const ReduceOp = defineOp(
  {
    name: "scf.reduce",
    summary: "reduce operation for parallel for",
    operands: { operand: AnyType },
    regions: { reductionOperator: region({ maxBlocks: 1 }) },
    traits: [HasParent("scf.parallel")],
  },
  {
    verifyRegion: (op) => {
      const type = op.operand.type;
      const block = op.reductionOperator.entry;
      if (block === undefined) return undefined;
      if (block.isEmpty) return opError(op, "the block inside reduce should not be empty");
      if (block.args.length !== 2 || block.args.some((a) => a.type !== type)) {
        return opError(op, `expects two arguments to reduce block of type ${quotedType(type)}`);
      }
      if (!(block.last instanceof ReduceReturnOp)) return opError(op, "the block inside reduce should be terminated with a 'scf.reduce.return' op");
      return undefined;
    },
    asm: {
      print(op, p) {
        p.print("(");
        p.printOperand(op.operand);
        p.print(")  : ");
        p.printType(op.operand.type);
        p.print(" ");
        p.printRegion(op.reductionOperator);
      },
      parse(p, state) {
        p.parsePunct("(");
        const operand = p.parseOperand();
        p.parsePunct(")");
        const type = p.parseColonType();
        state.operands.push(p.resolveOperand(operand, type));
        const body = new Region();
        p.parseRegion(body);
        state.regions.push(body);
      },
    },
  },
);
export type ReduceOp = InstanceType<typeof ReduceOp>;

// ---- scf.foreach_thread ------------------------------------------------------------------------------------

export const PerformConcurrentlyOp = defineOp(
  {
    name: "scf.foreach_thread.perform_concurrently",
    summary: "terminates a `foreach_thread` block",
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [Pure, Terminator, HasParent("scf.foreach_thread"), NoTerminator, SingleBlock, GraphRegion],
  },
  {
    verify: (op) => {
      const parent = op.parentOp;
      if (parent?.name !== "scf.foreach_thread") return opError(op, "expected foreach_thread op parent");
      const outArgs = parent.regions[0]?.entry?.args.slice(parent.numOperands - outputCount(parent)) ?? [];
      for (let inner = op.region.entry?.first; inner !== undefined; inner = inner.next) {
        if (inner.name !== "tensor.parallel_insert_slice") return opError(op, "expected only tensor.parallel_insert_slice ops");
        const dest = inner.operands[1];
        if (dest === undefined || !outArgs.includes(dest as BlockArgument)) return opError(inner, "may only insert into an output block argument");
      }
      return undefined;
    },
    asm: {
      print(op, p) {
        p.print(" ");
        p.printRegion(op.region, { printEntryBlockArgs: false, printBlockTerminators: false });
        p.printOptionalAttrDict(op.attributes);
      },
      parse(p, state) {
        const body = new Region();
        p.parseRegion(body);
        if (body.isEmpty) body.push(new Block());
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
      },
    },
  },
);
export type PerformConcurrentlyOp = InstanceType<typeof PerformConcurrentlyOp>;


/** The number of `shared_outs` of an scf.foreach_thread (its second operand segment). */
function outputCount(op: Operation): number {
  const sizes = op.attr("operand_segment_sizes");
  return sizes instanceof DenseArrayAttr ? (sizes.numbers[1] ?? 0) : 0;
}

const ImplicitPerformConcurrently = SingleBlockImplicitTerminator("scf.foreach_thread.perform_concurrently", (loc) => {
  const body = new Region();
  body.push(new Block());
  return PerformConcurrentlyOp.build({ region: body }, loc);
});

export const ForeachThreadOp = defineOp(
  {
    name: "scf.foreach_thread",
    summary: "evaluate a block multiple times in parallel",
    operands: { num_threads: variadic(Index), outputs: variadic(AnyRankedTensor) },
    attributes: { mapping: optionalAttr(ArrayAttrC) },
    results: { values: variadic(AnyType) },
    regions: { region: region({ maxBlocks: 1 }) },
    traits: [SingleBlock, ImplicitPerformConcurrently, RecursiveMemoryEffects, AutomaticAllocationScope],
  },
  {
    verify: (op) => {
      const rank = op.num_threads.length;
      if (op.numResults !== op.outputs.length) return opError(op, `produces ${op.numResults} results, but has only ${op.outputs.length} outputs`);
      const body = op.region.entry;
      if (body === undefined) return undefined;
      if (body.args.length !== rank + op.outputs.length) return opError(op, `region expects ${rank} arguments`);
      for (let i = 0; i < rank; i++) if (!(body.arg(i).type instanceof IndexType)) return opError(op, `expects ${i}-th block argument to be an index`);
      for (let i = 0; i < op.outputs.length; i++) {
        if (body.arg(i + rank).type !== op.outputs[i]?.type) return opError(op, `type mismatch between ${i}-th output and corresponding block argument`);
      }
      const mapping = op.mapping;
      if (mapping instanceof ArrayAttr && mapping.elements.length > 0 && mapping.elements.length !== rank) return opError(op, "mapping attribute size must match op rank");
      return undefined;
    },
    asm: {
      print(op, p) {
        const rank = op.num_threads.length;
        const args = op.region.entry?.args ?? [];
        p.print(" (");
        p.printOperands(args.slice(0, rank));
        p.print(") in (");
        p.printOperands(op.num_threads);
        p.print(")");
        printInitializationList(p, args.slice(rank), op.outputs, " shared_outs");
        p.print(" ");
        if (op.outputs.length > 0) {
          p.print("-> (");
          p.printTypes(op.results.map((r) => r.type));
          p.print(") ");
        }
        p.printRegion(op.region, { printEntryBlockArgs: false, printBlockTerminators: op.numResults > 0 });
        p.printOptionalAttrDict(op.attributes, ["operand_segment_sizes"]);
      },
      parse(p, state) {
        const index = IndexType.get();
        const ivs = p.parseArgumentList("()", { allowType: false, allowAttrs: false });
        p.parseKeyword("in");
        const at = p.pos();
        const nums = p.parseOperandList("()");
        if (nums.length !== ivs.length) p.error(`expected ${ivs.length} operands`, at);
        state.operands.push(...p.resolveOperands(nums, nums.map(() => index)));
        let outs: ReturnType<typeof parseAssignmentList> = { args: [], operands: [] };
        const outsAt = p.pos();
        if (p.parseOptionalKeyword("shared_outs") !== undefined) {
          outs = parseAssignmentList(p);
          state.resultTypes.push(...p.parseArrowTypeList(true));
          state.operands.push(...p.resolveOperands(outs.operands, state.resultTypes, outsAt));
        }
        for (const iv of ivs) iv.type = index;
        outs.args.forEach((a, i) => (a.type = state.resultTypes[i]));
        const body = new Region();
        p.parseRegion(body, [...ivs, ...outs.args]);
        ensureTerminator(body, ImplicitPerformConcurrently, state.loc);
        state.regions.push(body);
        p.parseOptionalAttrDict(state.attributes);
        state.attributes.set("operand_segment_sizes", segmentSizes([nums.length, outs.operands.length]));
      },
    },
  },
);
export type ForeachThreadOp = InstanceType<typeof ForeachThreadOp>;

