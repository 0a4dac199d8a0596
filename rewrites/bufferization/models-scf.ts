/**
 * How scf ops bufferize (MLIR 16's SCF/Transforms/BufferizableOpInterfaceImpl.cpp), with one departure that keeps
 * every allocation freed without a separate buffer-deallocation pass:
 *
 *   scf.for: the loop carries the buffers of its tensor inits (written in place: an init read after the loop is
 *   copied first, by the analysis). An iteration whose yielded tensor is not the carried buffer (not equivalent
 *   to its block argument) copies it into the carried buffer at the yield, instead of yielding a new allocation
 *   per iteration (MLIR 16 refuses such loops without allow-return-allocs, and leaks or clones with it).
 *
 *     %r = scf.for %i = %lb to %ub step %s iter_args(%t = %init) -> (tensor<4xf32>) {
 *       %n = linalg.map ... outs(%e : tensor<4xf32>)       // a new tensor each iteration
 *       scf.yield %n : tensor<4xf32>
 *     }
 *     ->
 *     scf.for %i = %lb to %ub step %s iter_args(%m = %minit) -> (memref<4xf32>) {
 *       %alloc = memref.alloc() ...; linalg.map ... outs(%alloc ...)
 *       memref.copy %alloc, %m; memref.dealloc %alloc
 *       scf.yield %m : memref<4xf32>
 *     }
 *
 *   scf.if: each result is what both branches yield when both yield buffers that live outside the if (views of
 *   them); when a branch yields a buffer it allocated, the other branch yields a fresh copy too, and the if's
 *   result owns the buffer (freed after the if, in its block, like any allocation).
 */
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { attach, implement } from "../../src/ir/interfaces.ts";
import { opError } from "../../src/irdl/op-error.ts";
import type { Rewriter } from "../../src/rewrite/rewriter.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import type { Type } from "../../src/ir/types.ts";
import type { OpOperand, OpResult, Value } from "../../src/ir/value.ts";
import { BufferizableOpInterface, isTensorType } from "../../src/interfaces/bufferizable.ts";
import { ForOp, IfOp, YieldOp } from "../../dialects/scf/index.ts";
import type { OneShotState } from "./state.ts";

/** The position of an iter_args operand among the loop's results (after lower bound, upper bound and step). */
const iterOperand = (_op: Operation, o: OpOperand): number => o.index - 3;

/** What a loop's bufferization decided for its yield, for the yield's own bufferization (after the loop's). */
interface YieldPlan {
  /** per result, whether the yielded tensor is equivalent to its block argument. */
  readonly equivalent: readonly boolean[];
  /** Per result, whether the yielded tensor may overlap its block argument's buffer. */
  readonly aliasing: readonly boolean[];
}
const plans = new WeakMap<Operation, YieldPlan>();

function moveRegion(from: Region): Region {
  const r = new Region();
  r.takeBody(from);
  return r;
}

export const scfModels = [
  attach(
    ForOp,
    implement(BufferizableOpInterface, {
      // The body may read the init through its block argument; and a loop that runs no iteration gives the init
      // itself as its result (MLIR 16 looks at the block argument only, so a copy for a zero-trip loop is lost).
      bufferizesToMemoryRead: (op, o, state) => {
        const i = iterOperand(op, o);
        const arg = op.region.entry?.args[i + 1];
        return arg === undefined || state.isValueRead(arg) || state.isValueRead(op.getResult(i));
      },
      bufferizesToMemoryWrite: (op, o) => o.index >= 3,
      getAliasingOpResults: (op, o) => (o.index >= 3 ? [op.getResult(iterOperand(op, o))] : []),
      bufferRelation: () => "equivalent",
      isRepetitiveRegion: () => true,
      bufferize: (op, rw, state) => {
        const s = state as OneShotState;
        const body = op.region.entry as Block;
        const yieldOp = body.terminator as Operation;
        const tensorResults = op.results.map((r) => isTensorType(r.type));
        plans.set(yieldOp, {
          equivalent: yieldOp.operands.map((v, i) => tensorResults[i] === true && s.analysis.areEquivalentBufferizedValues(v, body.arg(i + 1))),
          aliasing: yieldOp.operands.map((v, i) => tensorResults[i] === true && s.analysis.areAliasingBufferizedValues(v, body.arg(i + 1))),
        });
        const inits = op.initArgs.map((v) => (isTensorType(v.type) ? s.getBuffer(rw, v) : v));
        const loop = rw.insert(
          ForOp.create({
            operands: [op.lowerBound, op.upperBound, op.step, ...inits],
            resultTypes: inits.map((v) => v.type),
            regions: [moveRegion(op.region)],
            attributes: op.attrDictionary,
            loc: op.loc,
          }),
        );
        body.args.slice(1).forEach((arg, i) => {
          const t = arg.type;
          if (!isTensorType(t)) return;
          arg.setType((inits[i] as Value).type);
          s.tensorViewOfBlockArgument(rw, arg, t);
        });
        state.replaceOpWithBufferizedValues(rw, op, loop.results);
        return undefined;
      },
    }),
  ),
  attach(
    IfOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => false,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: () => [],
      getAliasingOpOperands: (op, r) =>
        op.regions.flatMap((region) => {
          const y = region.entry?.terminator;
          return y === undefined ? [] : [y.opOperands[r.index] as OpOperand];
        }),
      bufferRelation: (op, r, state) => {
        const [a, b] = op.regions.map((region) => region.entry?.terminator?.getOperand(r.index));
        return a !== undefined && b !== undefined && state.areEquivalentBufferizedValues(a, b) ? "equivalent" : "unknown";
      },
      // MLIR 16: the results of an if are always memory writes for the analysis (it keeps it simple).
      isMemoryWrite: () => true,
      // The result buffers are what the branches yield: known once the branches are bufferized.
      bufferizeAfterRegions: () => true,
      bufferize: (op, rw, state) => bufferizeIf(op, rw, state as OneShotState),
    }),
  ),
  attach(
    YieldOp,
    implement(BufferizableOpInterface, {
      bufferizesToMemoryRead: () => true,
      bufferizesToMemoryWrite: () => false,
      getAliasingOpResults: (op, o) => {
        const parent = op.parentOp;
        return parent instanceof IfOp ? [parent.getResult(o.index) as OpResult] : [];
      },
      // A yield never copies its operand: the loop or the if decides (MLIR 16: yields bufferize in place).
      mustBufferizeInPlace: () => true,
      bufferize: (op, rw, state) => {
        const s = state as OneShotState;
        const plan = plans.get(op);
        // An if's yields are rewritten by the if, after them.
        if (plan === undefined) return undefined;
        const block = op.parent as Block;
        const values = op.operands.map((v, i) => {
          if (!isTensorType(v.type)) return v;
          const carried = block.arg(i + 1);
          let buffer = s.getBuffer(rw, v);
          if (plan.equivalent[i] === true) return s.castOrCopy(rw, op.loc, buffer, carried.type);
          // Not the carried buffer: copied into it (through a temporary when the two may overlap).
          if (plan.aliasing[i] === true) buffer = s.allocateCopy(rw, op.loc, buffer);
          s.copy(rw, op.loc, buffer, carried);
          return carried;
        });
        rw.modifyInPlace(op, () => op.setOperands(values));
        return undefined;
      },
    }),
  ),
];

/**
 * An scf.if on buffers. Per tensor result: when neither branch yields a buffer it allocated, the result is
 * whichever buffer the taken branch yields (cast to a type both fit); otherwise each branch yields a buffer of
 * its own (a copy where it had none) and the result owns it.
 */
function bufferizeIf(op: IfOp, rw: Rewriter, s: OneShotState): Diagnostic | undefined {
  const blocks = op.regions.map((r) => r.entry);
  if (op.results.some((r) => isTensorType(r.type)) && blocks.some((b) => b === undefined)) return opError(op, "with tensor results has no else branch");
  const yields = blocks.map((b) => b?.terminator).filter((y): y is Operation => y !== undefined);
  const values = yields.map((y) => [...y.operands]);
  const ownedResults = new Set<number>();
  const resultTypes = op.results.map((r, i) => {
    if (!isTensorType(r.type)) return r.type;
    const buffers = yields.map((y, k) => {
      rw.setInsertionPointBefore(y);
      return s.getBuffer(rw, (values[k] as Value[])[i] as Value);
    });
    const local = buffers.map((b, k) => s.owned.has(b) && b.parentBlock === blocks[k] && !(values[k] as Value[]).some((v, j) => j < i && v === b));
    if (local.some((x) => x)) {
      ownedResults.add(i);
      buffers.forEach((b, k) => {
        if (local[k] === true) return;
        rw.setInsertionPointBefore(yields[k] as Operation);
        buffers[k] = s.allocateCopy(rw, op.loc, b);
      });
    }
    const common = buffers.reduce((t: Type, b) => s.commonType(t, b.type), (buffers[0] as Value).type);
    buffers.forEach((b, k) => {
      rw.setInsertionPointBefore(yields[k] as Operation);
      (values[k] as Value[])[i] = s.castOrCopy(rw, op.loc, b, common);
    });
    return common;
  });
  yields.forEach((y, k) => rw.modifyInPlace(y, () => y.setOperands(values[k] as Value[])));
  rw.setInsertionPointBefore(op);
  const rebuilt = rw.insert(
    IfOp.create({ operands: [op.condition], resultTypes, regions: op.regions.map(moveRegion), attributes: op.attrDictionary, loc: op.loc }),
  );
  for (const i of ownedResults) s.owned.add(rebuilt.getResult(i));
  s.replaceOpWithBufferizedValues(rw, op, rebuilt.results);
  return undefined;
}

