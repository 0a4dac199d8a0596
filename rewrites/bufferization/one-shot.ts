/**
 * One-Shot Bufferize (MLIR 16's OneShotAnalysis.cpp, TensorCopyInsertion.cpp, Bufferize.cpp and
 * OneShotModuleBufferize.cpp): tensors become buffers in one go over a module.
 *
 *   1. analysis (analysis.ts): which tensor operands may be written in place;
 *   2. copy insertion: an operand that must not be written in place is replaced by
 *      `bufferization.alloc_tensor() copy(%t)` (no copy when the op does not read it); an aliasing op (a slice)
 *      that must not share its source's buffer gets its result copied;
 *   3. bufferize: every op, top-down, through its BufferizableOpInterface (the glue is to_tensor/to_memref,
 *      folded away at the end); with `bufferize-function-boundaries`, function signatures, calls and returns too;
 *   4. deallocation: each allocation the pass made is freed at the end of its block, unless the function
 *      returns it (the caller owns it: docs/ARCHITECTURE.md, "Who frees a returned buffer").
 *
 *   func.func @f(%a: tensor<4xf32>, %x: f32) -> tensor<4xf32> {          func.func @f(%a: memref<4xf32>, %x: f32) -> memref<4xf32> {
 *     %e = bufferization.alloc_tensor() : tensor<4xf32>          ->          %alloc = memref.alloc() : memref<4xf32>
 *     %f = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) ...             linalg.fill ins(%x : f32) outs(%alloc : memref<4xf32>)
 *     return %f : tensor<4xf32>                                              return %alloc : memref<4xf32>
 */
import { type Either, left, right } from "fp-ts/lib/Either.js";
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import { ArrayAttr, StringAttr } from "../../src/ir/attributes.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import { printAttribute } from "../../src/text/print-attr.ts";
import { DYNAMIC, IndexType, RankedTensorType } from "../../src/ir/types.ts";
import type { OpOperand, Value } from "../../src/ir/value.ts";
import { Rewriter } from "../../src/rewrite/rewriter.ts";
import { isTensorType } from "../../src/interfaces/bufferizable.ts";
import { ViewLikeOpInterface } from "../../src/interfaces/view-like.ts";
import { constantInt } from "../../dialects/arith/index.ts";
import { AllocTensorOp, ToMemrefOp, ToTensorOp } from "../../dialects/bufferization/index.ts";
import { DeallocOp, LoadOp } from "../../dialects/memref/index.ts";
import { DimOp as TensorDimOp, ExtractOp as TensorExtractOp } from "../../dialects/tensor/index.ts";
import { OneShotAnalysis } from "./analysis.ts";
import { type LayoutMapOption, OneShotState } from "./state.ts";

export interface OneShotOptions {
  readonly allowReturnAllocs: boolean;
  readonly allowUnknownOps: boolean;
  readonly bufferizeFunctionBoundaries: boolean;
  readonly copyBeforeWrite: boolean;
  readonly createDeallocs: boolean;
  /** Only ops of these dialects are bufferized (empty: all). */
  readonly dialectFilter: readonly string[];
  readonly functionBoundaryTypeConversion: LayoutMapOption;
  readonly testAnalysisOnly: boolean;
  readonly printConflicts: boolean;
  readonly unknownTypeConversion: LayoutMapOption;
}

export const defaultOneShotOptions: OneShotOptions = {
  allowReturnAllocs: false,
  allowUnknownOps: false,
  bufferizeFunctionBoundaries: false,
  copyBeforeWrite: false,
  createDeallocs: true,
  dialectFilter: [],
  functionBoundaryTypeConversion: "infer-layout-map",
  testAnalysisOnly: false,
  printConflicts: false,
  unknownTypeConversion: "fully-dynamic-layout-map",
};

/** What the pass reports (its statistics). */
export interface OneShotStatistics {
  readonly allocs: number;
  readonly deallocs: number;
  readonly inPlace: number;
  readonly outOfPlace: number;
}

const hasTensorSemantics = (op: Operation): boolean => op.results.some((r) => isTensorType(r.type)) || op.operands.some((v) => isTensorType(v.type));

/** Bufferizes `module` in place; Left with the diagnostics when an op cannot be bufferized. */
export function oneShotBufferize(module: Operation, options: OneShotOptions, listener?: Rewriter["listener"]): Either<readonly Diagnostic[], OneShotStatistics> {
  // MLIR 16's BufferizationOptions::isOpAllowed: without function boundaries the func ops are left alone, and
  // so are the ops of dialects the filter leaves out; an allowed op that does not bufferize is an error.
  const isAllowed = (op: Operation): boolean => {
    if (op.name.startsWith("func.") && !options.bufferizeFunctionBoundaries) return false;
    if (options.dialectFilter.length === 0) return true;
    return options.dialectFilter.includes(op.name.slice(0, op.name.indexOf(".")));
  };
  const isBufferizable = isAllowed;
  const analysis = new OneShotAnalysis({ isBufferizable, copyBeforeWrite: options.copyBeforeWrite, printConflicts: options.printConflicts });
  // The analysis visits ops in post-order (MLIR's default walk), bottom-up; bufferization goes top-down.
  const ops: Operation[] = [];
  module.walk((op) => {
    if (op === module) return;
    if (hasTensorSemantics(op) || (op.name === "func.func" && options.bufferizeFunctionBoundaries)) ops.push(op);
  });
  analysis.analyze(ops);
  if (options.testAnalysisOnly) {
    annotateAnalysis(ops, analysis);
    return right({ allocs: 0, deallocs: 0, inPlace: analysis.numInPlace, outOfPlace: analysis.numOutOfPlace });
  }
  const state = new OneShotState(analysis, { unknownTypeConversion: options.unknownTypeConversion, functionBoundaryTypeConversion: options.functionBoundaryTypeConversion });
  const rw = new Rewriter(listener);
  const unknown = ops.find((op) => isAllowed(op) && analysis.bufferizable(op) === undefined);
  if (unknown !== undefined && !options.allowUnknownOps) return left([error(unknown.loc, `'${unknown.name}' op was not bufferized`)]);
  if (options.bufferizeFunctionBoundaries) {
    const d = checkUniqueReturns(module);
    if (d !== undefined) return left([d]);
  }
  if (options.bufferizeFunctionBoundaries && !options.allowReturnAllocs) {
    const d = checkNoAllocsReturned(ops, analysis);
    if (d !== undefined) return left([d]);
  }
  insertTensorCopies(ops, analysis, rw);
  const all = bufferizationOrder(module, (op) => hasTensorSemantics(op) || (op.name === "func.func" && options.bufferizeFunctionBoundaries), analysis);
  for (const op of all) {
    if (op.parent === undefined && op !== module) continue; // erased by an earlier op's bufferization
    const b = analysis.bufferizable(op);
    if (b === undefined) continue;
    rw.setInsertionPointBefore(op);
    const name = op.name;
    const failed = b.bufferize(rw, state);
    if (failed !== undefined) return left([failed]);
    // Coverage tables (checkRewrite) count each op kind's bufferization as an entry of its own.
    listener?.notifyPatternApplied?.(`bufferize:${name}`, op);
  }
  foldGlue(module, state, rw);
  let deallocs = 0;
  if (options.createDeallocs) deallocs = insertDeallocs(state, rw);
  return right({ allocs: state.numAllocs, deallocs, inPlace: analysis.numInPlace, outOfPlace: analysis.numOutOfPlace });
}

/**
 * The ops to bufferize, top-down (MLIR 16 bufferizes functions first, then the rest; top-down is the same for
 * the ops Tensile bufferizes), but for ops that are rewritten after their regions (scf.if).
 */
function bufferizationOrder(root: Operation, wanted: (op: Operation) => boolean, analysis: OneShotAnalysis): Operation[] {
  const out: Operation[] = [];
  const visit = (op: Operation): void => {
    const after = analysis.bufferizable(op)?.bufferizeAfterRegions() === true;
    if (!after && wanted(op)) out.push(op);
    for (const region of op.regions) for (const block of region.blocks) for (const inner of block.operations) visit(inner);
    if (after && wanted(op)) out.push(op);
  };
  for (const region of root.regions) for (const block of region.blocks) for (const inner of block.operations) visit(inner);
  return out;
}

/**
 * test-analysis-only: each op with tensor operands gets `__inplace_operands_attr__`, one "true"/"false" per
 * tensor operand and "none" per other operand, as MLIR 16 prints the decisions.
 */
function annotateAnalysis(ops: readonly Operation[], analysis: OneShotAnalysis): void {
  for (const op of ops) {
    if (analysis.bufferizable(op) === undefined || !op.operands.some((v) => isTensorType(v.type))) continue;
    const marks = op.opOperands.map((o) => StringAttr.get(!isTensorType(o.value.type) ? "none" : analysis.isInPlace(o) ? "true" : "false"));
    op.setAttr("__inplace_operands_attr__", ArrayAttr.get(marks));
  }
}

/** MLIR 16: a function with tensors has one block (one return) when function boundaries are bufferized. */
function checkUniqueReturns(module: Operation): Diagnostic | undefined {
  for (const fn of module.regions[0]?.entry?.operations ?? []) {
    if (fn.name !== "func.func" || (fn.regions[0]?.blocks.length ?? 0) <= 1) continue;
    let tensors = false;
    fn.walk((op) => void (tensors ||= hasTensorSemantics(op)));
    const type = fn.attr("function_type");
    if (tensors || (type !== undefined && /tensor</.test(printAttribute(type)))) {
      return error(fn.loc, "cannot bufferize a FuncOp with tensors and without a unique ReturnOp");
    }
  }
  return undefined;
}

/**
 * Without allow-return-allocs a function may only return tensors equivalent to one of its arguments (MLIR 16's
 * assertNoAllocsReturned: the function is in destination-passing style).
 */
function checkNoAllocsReturned(ops: readonly Operation[], analysis: OneShotAnalysis): Diagnostic | undefined {
  for (const op of ops) {
    if (op.name !== "func.return") continue;
    const args = op.parentOp?.regions[0]?.entry?.args ?? [];
    for (const o of op.opOperands) {
      if (!isTensorType(o.value.type)) continue;
      if (!args.some((a) => analysis.areEquivalentBufferizedValues(a, o.value))) {
        return error(op.loc, `operand #${o.index} may return/yield a new buffer allocation`);
      }
    }
  }
  return undefined;
}

/** The dynamic sizes of a tensor value, as tensor.dim ops before `rw`'s insertion point. */
function tensorDynamicSizes(rw: Rewriter, v: Value): Value[] {
  const type = v.type as RankedTensorType;
  const sizes: Value[] = [];
  type.shape.forEach((d, i) => {
    if (d !== DYNAMIC) return;
    const index = constantInt(rw, IndexType.get(), i);
    sizes.push(rw.create(TensorDimOp, { source: v as never, index, result: IndexType.get() } as never).result);
  });
  return sizes;
}

/** `bufferization.alloc_tensor` for `v`: a copy of it, or (copy false) a new tensor of its shape. */
function allocTensorFor(rw: Rewriter, v: Value, copy: boolean): Value {
  const type = v.type as RankedTensorType;
  if (copy) return rw.create(AllocTensorOp, { dynamic_sizes: [], copy: v as never, result: type as never }).result;
  return rw.create(AllocTensorOp, { dynamic_sizes: tensorDynamicSizes(rw, v) as never, result: type as never }).result;
}

/** MLIR 16's TensorCopyInsertion: after it every tensor operand bufferizes in place. */
function insertTensorCopies(ops: readonly Operation[], analysis: OneShotAnalysis, rw: Rewriter): void {
  for (const op of ops) {
    if (analysis.bufferizable(op) === undefined) continue;
    for (const o of op.opOperands) {
      if (!isTensorType(o.value.type) || !(o.value.type instanceof RankedTensorType) || analysis.isInPlace(o)) continue;
      const results = analysis.getAliasingOpResults(o);
      if (analysis.bufferizesToMemoryWrite(o)) {
        rw.setInsertionPointBefore(op);
        const copy = allocTensorFor(rw, o.value, analysis.bufferizesToMemoryRead(o));
        rw.modifyInPlace(op, () => o.set(copy));
        analysis.markInPlace(o);
      } else if (results.length > 0) {
        // An op that only aliases its operand (a slice): its results get their own buffers instead.
        for (const r of results) {
          if (!(r.type instanceof RankedTensorType) || !r.hasUses) continue;
          rw.setInsertionPointAfter(op);
          const copy = allocTensorFor(rw, r, true);
          const copyOp = copy.definingOp;
          r.replaceUsesWithIf(copy, (u) => u.owner !== copyOp && !(copyOp?.isAncestorOf(u.owner) ?? false));
        }
        analysis.markInPlace(o);
      }
    }
  }
}

/** to_memref(to_tensor(%m)) is %m (cast or copied when the types differ); to_tensor left unused goes. */
function foldGlue(module: Operation, state: OneShotState, rw: Rewriter): void {
  const toMemrefs: ToMemrefOp[] = [];
  const toTensors: ToTensorOp[] = [];
  module.walk((op) => {
    if (op instanceof ToMemrefOp) toMemrefs.push(op);
    if (op instanceof ToTensorOp) toTensors.push(op);
  });
  for (const op of toMemrefs) {
    const def = op.tensor.definingOp;
    if (!(def instanceof ToTensorOp)) continue;
    rw.setInsertionPointBefore(op);
    rw.replaceOp(op, [state.castOrCopy(rw, op.loc, def.memref, op.memref.type)]);
  }
  // A load from the buffer of a tensor bufferization did not produce reads the tensor (MLIR 16 leaves these
  // tensor.extract ops as they were).
  for (const op of toMemrefs) {
    if (op.parent === undefined) continue;
    for (const use of [...op.memref.uses()]) {
      const load = use.owner;
      if (!(load instanceof LoadOp) || load.memref !== op.memref) continue;
      rw.setInsertionPointBefore(load);
      rw.replaceOpWithNew(load, TensorExtractOp, { tensor: op.tensor as never, indices: [...load.indices] as never, result: load.result.type } as never);
    }
    if (!op.memref.hasUses) rw.eraseOp(op);
  }
  for (const op of toTensors.reverse()) if (op.parent !== undefined && !op.result.hasUses) rw.eraseOp(op);
}

/** The values that are `root` or views of it (through view-like ops and to_tensor), in def-use order. */
function aliasesOf(root: Value): Value[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const use of (out[i] as Value).uses()) {
      const user = use.owner;
      const view = ViewLikeOpInterface.of(user);
      if ((view !== undefined && view.getViewSource() === out[i]) || user instanceof ToTensorOp) for (const r of user.results) if (!out.includes(r)) out.push(r);
    }
  }
  return out;
}

/** Whether `op` is in `block` or nested in an op of it. */
function blockEncloses(block: Block, op: Operation): boolean {
  for (let x: Operation | undefined = op; x !== undefined; x = x.parentOp) if (x.parent === block) return true;
  return false;
}

/**
 * Frees each buffer the pass owns at the end of its block, unless it leaves the block through the terminator:
 * returned from the function (the caller owns it), or yielded by an scf.if branch (the if's result owns it).
 */
function insertDeallocs(state: OneShotState, rw: Rewriter): number {
  let n = 0;
  for (const root of state.owned) {
    const block = root.parentBlock;
    if (block === undefined || root.definingOp?.parent === undefined) continue;
    const terminator = block.terminator;
    if (terminator === undefined) continue;
    const aliases = aliasesOf(root);
    const escapes = aliases.some((v) => [...v.uses()].some((u: OpOperand) => u.owner === terminator));
    if (escapes) continue;
    // Used in another block (a CFG region, where the end of this block is not the end of its uses): left
    // allocated rather than freed too early.
    if (aliases.some((v) => [...v.uses()].some((u: OpOperand) => !blockEncloses(block, u.owner)))) continue;
    rw.setInsertionPointBefore(terminator);
    rw.withLoc(root.definingOp.loc, () => rw.create(DeallocOp, { memref: root as never }));
    n++;
  }
  return n;
}
