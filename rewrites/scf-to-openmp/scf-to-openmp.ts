/**
 * `convert-scf-to-openmp` (MLIR 16's SCFToOpenMP, on the module): each scf.parallel becomes an omp.parallel
 * holding an omp.wsloop over the same bounds, whose body is the loop body inside a memref.alloca_scope (so that
 * stack allocations of an iteration are released at its end, as OpenMP's outlined body needs). A reduction becomes
 * as MLIR 16 makes it: an `omp.reduction.declare` next to the function (its identity from the combiner's kind: add,
 * or, xor, and, mul, and min/max written as cmp + select; an atomic region for those LLVM has an atomicrmw for),
 * an `llvm.alloca` holding the accumulator, initialised with the scf.parallel's initial value, `omp.reduction` in
 * place of each scf.reduce, and an `llvm.load` of the accumulator for the result. A reduction of another form
 * fails the pass, naming the scf.parallel. MLIR 16 has no `num-threads` option (MLIR 17 added it): the team's
 * size is the OpenMP runtime's default.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import type { Diagnostic } from "../../src/diag/diagnostic.ts";
import { ArrayAttr, type Attribute, FloatAttr, IntegerAttr, StringAttr, SymbolRefAttr, TypeAttr } from "../../src/ir/attributes.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import { lookupNearestSymbol } from "../../src/ir/symbol-table.ts";
import { FloatType, i64, IntegerType, type Type } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionRewriter, convert, legality } from "../../src/rewrite/conversion.ts";
import { CmpFOp, CmpIOp, cmpfPredicateName, cmpiPredicateName, SelectOp } from "../../dialects/arith/index.ts";
import { AtomicBinOp, AtomicOrdering, AllocaOp as LLVMAllocaOp, ConstantOp as LLVMConstantOp, LoadOp as LLVMLoadOp, AtomicRMWOp, StoreOp as LLVMStoreOp } from "../../dialects/llvm/index.ts";
import { LLVMPointerType } from "../../dialects/llvm/types.ts";
import { AllocaScopeOp, AllocaScopeReturnOp } from "../../dialects/memref/index.ts";
import { ParallelOp as OmpParallelOp, ReductionDeclareOp, ReductionOp as OmpReductionOp, TerminatorOp, WsLoopOp, YieldOp as OmpYieldOp } from "../../dialects/omp/index.ts";
import { ParallelOp, ReduceOp, ReduceReturnOp, YieldOp } from "../../dialects/scf/index.ts";

/** What a reduction region combines with: its identity and, when LLVM has one, the atomicrmw that does it. */
interface ReductionKind {
  readonly init: Attribute;
  readonly atomic: string | undefined;
}

/** `^bb0(%a, %b): %r = <op> %a, %b; scf.reduce.return %r` with `<op>` one of `ops` (MLIR's matchSimpleReduction). */
function isSimple(block: Block, ops: readonly string[]): boolean {
  const [first, second] = [block.first, block.first?.next];
  if (first === undefined || second === undefined || second.next !== undefined || block.args.length !== 2) return false;
  if (!ops.includes(first.name) || !(second instanceof ReduceReturnOp) || second.getOperand(0) !== first.getResult(0)) return false;
  // (The combiner reads both arguments, in order: MLIR compares the operand list with the block's arguments.)
  return first.numOperands === 2 && first.getOperand(0) === block.args[0] && first.getOperand(1) === block.args[1];
}

/**
 * `^bb0(%a, %b): %c = cmp <pred> %a, %b; %r = select %c, %a, %b (or %b, %a); scf.reduce.return %r`: whether it
 * is a min or a max (MLIR's matchSelectReduction), or undefined.
 */
function selectReduction(block: Block, compareName: string, less: readonly string[], greater: readonly string[]): "min" | "max" | undefined {
  const compare = block.first;
  const select = compare?.next;
  const ret = select?.next;
  if (compare === undefined || select === undefined || !(ret instanceof ReduceReturnOp) || ret.next !== undefined) return undefined;
  if (compare.name !== compareName || !(select instanceof SelectOp)) return undefined;
  if (compare.getOperand(0) !== block.args[0] || compare.getOperand(1) !== block.args[1]) return undefined;
  const predicate = compare.attr("predicate") as IntegerAttr;
  const name = (compare instanceof CmpIOp ? cmpiPredicateName(predicate) : compare instanceof CmpFOp ? cmpfPredicateName(predicate) : undefined) ?? "";
  const isLess = less.includes(name);
  if (!isLess && !greater.includes(name)) return undefined;
  if ((select.condition as Value) !== compare.getResult(0)) return undefined;
  const [lhs, rhs] = [compare.getOperand(0), compare.getOperand(1)];
  const same = select.true_value === lhs && select.false_value === rhs;
  const swapped = select.true_value === rhs && select.false_value === lhs;
  if (!same && !swapped) return undefined;
  if (ret.getOperand(0) !== select.result) return undefined;
  return (isLess && same) || (!isLess && swapped) ? "min" : "max";
}

/** The largest finite value of a float type, negated for `negative` (APFloat::getLargest). */
function largestFloat(type: FloatType, negative: boolean): number {
  const largest = { f16: 65504, bf16: 3.3895313892515355e38, f32: 3.4028234663852886e38, f64: Number.MAX_VALUE }[type.name as "f32"];
  return negative ? -largest : largest;
}

/** The kind of a reduction region (MLIR's declareReduction), or undefined when MLIR 16 has none for it. */
function reductionKind(block: Block, type: Type): ReductionKind | undefined {
  const int = (v: bigint): Attribute => IntegerAttr.get(type as IntegerType, v);
  if (isSimple(block, ["arith.addf", "llvm.fadd"]) && type instanceof FloatType) return { init: FloatAttr.get(type, 0), atomic: "fadd" };
  if (type instanceof IntegerType) {
    if (isSimple(block, ["arith.addi", "llvm.add"])) return { init: int(0n), atomic: "add" };
    if (isSimple(block, ["arith.ori", "llvm.or"])) return { init: int(0n), atomic: "_or" };
    if (isSimple(block, ["arith.xori", "llvm.xor"])) return { init: int(0n), atomic: "_xor" };
    if (isSimple(block, ["arith.andi", "llvm.and"])) return { init: int(-1n), atomic: "_and" };
  }
  if (isSimple(block, ["arith.mulf", "llvm.fmul"]) && type instanceof FloatType) return { init: FloatAttr.get(type, 1), atomic: undefined };
  if (type instanceof FloatType) {
    const m = selectReduction(block, "arith.cmpf", ["olt", "ole"], ["ogt", "oge"]);
    if (m !== undefined) return { init: FloatAttr.get(type, largestFloat(type, m === "max")), atomic: undefined };
  }
  if (type instanceof IntegerType) {
    const w = BigInt(type.width);
    const signed = selectReduction(block, "arith.cmpi", ["slt", "sle"], ["sgt", "sge"]);
    if (signed !== undefined) return { init: int(signed === "min" ? (1n << (w - 1n)) - 1n : -(1n << (w - 1n))), atomic: signed };
    const unsigned = selectReduction(block, "arith.cmpi", ["ult", "ule"], ["ugt", "uge"]);
    if (unsigned !== undefined) return { init: int(unsigned === "min" ? -1n : 0n), atomic: unsigned === "min" ? "umin" : "umax" };
  }
  return undefined;
}

/** A fresh symbol name in `table`'s scope, `__scf_reduction`, `__scf_reduction_0`, ... (MLIR's SymbolTable::insert). */
function uniqueName(table: Operation, base: string): string {
  if (lookupNearestSymbol(table, base) === undefined) return base;
  for (let i = 0; ; i++) if (lookupNearestSymbol(table, `${base}_${i}`) === undefined) return `${base}_${i}`;
}

/** The omp.reduction.declare of `reduce`, before the op of the module that holds it (MLIR's declareReduction). */
function declareReduction(rw: ConversionRewriter, reduce: ReduceOp, kind: ReductionKind): string {
  let top: Operation = reduce;
  while (top.parentOp !== undefined && top.parentOp.parentOp !== undefined) top = top.parentOp;
  const module = top.parentOp as Operation;
  const type = reduce.operand.type;
  const name = uniqueName(module, "__scf_reduction");
  const saved = rw.ip;
  rw.setInsertionPointBefore(top);
  const decl = rw.create(ReductionDeclareOp, {
    sym_name: StringAttr.get(name),
    type: TypeAttr.get(type),
    initializerRegion: new Region(),
    reductionRegion: new Region(),
    atomicReductionRegion: new Region(),
  });
  rw.createBlock(decl.initializerRegion, [type]);
  const init = rw.create(LLVMConstantOp, { value: kind.init, res: type }).getResult(0);
  rw.create(OmpYieldOp, { values: [init] });
  // The combiner: the scf.reduce's region, its scf.reduce.return an omp.yield.
  const block = reduce.reductionOperator.blocks[0] as Block;
  const ret = block.last as Operation;
  rw.setInsertionPointBefore(ret);
  rw.create(OmpYieldOp, { values: [...ret.operands] });
  rw.eraseOp(ret);
  rw.inlineRegionBefore(reduce.reductionOperator, decl.reductionRegion, 0);
  if (kind.atomic !== undefined) {
    const ptr = LLVMPointerType.get(type);
    const atomicBlock = rw.createBlock(decl.atomicReductionRegion, [ptr, ptr]);
    const loaded = rw.create(LLVMLoadOp, { addr: atomicBlock.arg(1), res: type } as never).getResult(0);
    rw.create(AtomicRMWOp, {
      ptr: atomicBlock.arg(0),
      val: loaded,
      bin_op: AtomicBinOp.get(kind.atomic as never),
      ordering: AtomicOrdering.get("monotonic" as never),
      res: type,
    } as never);
    rw.create(OmpYieldOp, { values: [] });
  }
  rw.ip = saved;
  return name;
}

/**
 * scf.parallel as omp.parallel + omp.wsloop, the body in a memref.alloca_scope.
 *
 *   scf.parallel (%i) = (%lb) to (%ub) step (%s) {          omp.parallel {
 *     memref.store %x, %m[%i] : memref<8xf32>                 omp.wsloop for (%i) : index = (%lb) to (%ub) step (%s) {
 *     scf.yield                                                 memref.alloca_scope {
 *   }                                                             memref.store %x, %m[%i] : memref<8xf32>
 *                                                                 }
 *                                                                 omp.yield
 *                                                               }
 *                                                               omp.terminator
 *                                                             }
 *
 * With `init (%z) -> f32` and an `scf.reduce` adding: `omp.reduction.declare @__scf_reduction : f32` (init 0.0,
 * combiner addf, atomic llvm.atomicrmw fadd), `%acc = llvm.alloca %c1 x f32`, `llvm.store %z, %acc`,
 * `omp.wsloop reduction(@__scf_reduction -> %acc : !llvm.ptr<f32>) ...` with `omp.reduction %v, %acc`, and the
 * result `llvm.load %acc`.
 */
export const parallelToOpenMP = convert({
  name: "scf.parallel-to-omp",
  root: ParallelOp,
  apply(op, _adaptor, rw) {
    const body = op.region.blocks[0] as Block;
    const reduces = [...body.ops()].filter((o): o is ReduceOp => o instanceof ReduceOp);
    const kinds = reduces.map((r) => reductionKind(r.reductionOperator.blocks[0] as Block, r.operand.type));
    const bad = kinds.findIndex((k) => k === undefined);
    if (bad >= 0) return rw.fail(`reduction #${bad} is not one MLIR 16 declares (add, or, xor, and, mul, min/max as cmp + select)`);
    const symbols = reduces.map((r, i) => declareReduction(rw, r, kinds[i] as ReductionKind));

    rw.setInsertionPointBefore(op);
    const one = rw.create(LLVMConstantOp, { value: IntegerAttr.get(i64, 1n), res: i64 }).getResult(0);
    const accumulators = op.initVals.map((init) => {
      const storage = rw.create(LLVMAllocaOp, { arraySize: one, res: LLVMPointerType.get(init.type), alignment: IntegerAttr.get(i64, 0n) } as never).getResult(0);
      rw.create(LLVMStoreOp, { value: init, addr: storage } as never);
      return storage;
    });
    reduces.forEach((reduce, i) => {
      rw.setInsertionPointBefore(reduce);
      rw.replaceOpWithNew(reduce, OmpReductionOp, { operand: reduce.operand, accumulator: accumulators[i] as never });
    });

    rw.setInsertionPointBefore(op);
    const parallel = rw.create(OmpParallelOp, { reduction_vars: [], allocate_vars: [], allocators_vars: [], region: new Region() });
    const after = rw.ip;
    rw.createBlock(parallel.region);
    const loop = rw.create(WsLoopOp, {
      lowerBound: [...op.lowerBound],
      upperBound: [...op.upperBound],
      step: [...op.step],
      linear_vars: [],
      linear_step_vars: [],
      reduction_vars: accumulators,
      ...(accumulators.length === 0 ? {} : { reductions: ArrayAttr.get(symbols.map((s) => SymbolRefAttr.get(s))) }),
      region: new Region(),
    } as never);
    rw.create(TerminatorOp, {});
    rw.inlineRegionBefore(op.region, loop.region, 0);
    const entry = loop.region.blocks[0] as Block;
    const ops = rw.splitBlock(entry, entry.first);
    rw.setInsertionPointToStart(entry);
    const scope = rw.create(AllocaScopeOp, { values: [], bodyRegion: new Region() });
    rw.create(OmpYieldOp, { values: [] });
    const scopeBlock = rw.createBlock(scope.bodyRegion);
    rw.mergeBlocks(ops, scopeBlock);
    const oldYield = [...scopeBlock.ops()].reverse().find((o) => o instanceof YieldOp) as Operation;
    rw.setInsertionPointToEnd(scopeBlock);
    rw.replaceOpWithNew(oldYield, AllocaScopeReturnOp, { values: [...oldYield.operands] });

    rw.ip = after;
    const results = accumulators.map((acc, i) => rw.create(LLVMLoadOp, { addr: acc, res: (op.initVals[i] as Value).type } as never).getResult(0));
    rw.replaceOp(op, results);
    return rw.done();
  },
});

export const convertScfToOpenMPPass = definePass({
  name: "convert-scf-to-openmp",
  displayName: "ConvertSCFToOpenMP",
  summary: "Convert SCF parallel loop to OpenMP parallel + workshare constructs.",
  description: "Rewrites each scf.parallel as omp.parallel + omp.wsloop, with its reductions as omp reductions.",
  opName: "builtin.module",
  run(module, pctx) {
    const target = legality().illegalOp(ReduceOp, ReduceReturnOp, ParallelOp).legalDialect("omp", "llvm", "memref");
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(module, target, [parallelToOpenMP], { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left] as Diagnostic[]);
    return { changed: r.right.converted > 0 };
  },
});

