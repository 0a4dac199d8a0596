/**
 * `lower-affine` (MLIR 16's AffineToStandard, ConvertAffineToStandard): affine ops as scf, arith, memref and vector
 * ops. Each affine expression becomes arith on index values (AffineApplyExpander: `mod`, `floordiv` and `ceildiv`
 * with their sign corrections); a bound with several results is their max (lower) or min (upper) through
 * `arith.cmpi` + `arith.select`; affine.for becomes scf.for, affine.parallel scf.parallel (its reductions scf.reduce
 * from their identities), affine.if scf.if on the conjunction of its constraints, and the memory ops their memref
 * and vector forms on the expanded subscripts.
 *
 * A partial conversion, as in MLIR: arith, memref, scf and vector are legal and other ops stay. An affine op left
 * over (a `mod`/`floordiv`/`ceildiv` by a non-positive constant, which has no lowering; affine.delinearize_index,
 * which MLIR 16 expands in another pass) fails the pass, naming the op.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { type Diagnostic, error } from "../../src/diag/diagnostic.ts";
import type { AffineExpr } from "../../src/ir/affine-expr.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Buildable } from "../../src/ir/builder.ts";
import { type Block, type Operation, Region } from "../../src/ir/operation.ts";
import { FloatType, IndexType, IntegerType, type MemRefType, type Type, type VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionRewriter, convert, legality } from "../../src/rewrite/conversion.ts";
import type { PatternRewriter } from "../../src/rewrite/pattern.ts";
import {
  AffineApplyOp,
  AffineDmaStartOp,
  affineDmaStartParts,
  AffineDmaWaitOp,
  AffineForOp,
  affineForInits,
  AffineIfOp,
  AffineLoadOp,
  AffineMaxOp,
  AffineMinOp,
  AffineParallelOp,
  AffinePrefetchOp,
  AffineStoreOp,
  AffineVectorLoadOp,
  AffineVectorStoreOp,
  AffineYieldOp,
  boundGroups,
  groupedResults,
  ifCondition,
  lowerBoundOperands,
  parallelBody,
  parallelLowerBoundsOperands,
  parallelReductions,
  parallelSteps,
  parallelUpperBoundsOperands,
  upperBoundOperands,
} from "../../dialects/affine/index.ts";
import {
  AddFOp,
  AddIOp,
  AndIOp,
  CmpIOp,
  cmpiPredicate,
  ConstantOp,
  constantInt,
  DivSIOp,
  MaxFOp,
  MaxSIOp,
  MaxUIOp,
  MinFOp,
  MinSIOp,
  MinUIOp,
  MulFOp,
  MulIOp,
  OrIOp,
  RemSIOp,
  SelectOp,
  SubIOp,
} from "../../dialects/arith/index.ts";
import { DmaStartOp, DmaWaitOp, LoadOp, PrefetchOp, StoreOp } from "../../dialects/memref/index.ts";
import { ForOp, IfOp, ParallelOp, ReduceOp, ReduceReturnOp, YieldOp } from "../../dialects/scf/index.ts";
import { LoadOp as VectorLoadOp, StoreOp as VectorStoreOp } from "../../dialects/vector/index.ts";

const index = IndexType.get();
type Idx = Value<IndexType>;

/** An arith op of two operands, built loosely (the operands' types are only known at run time here). */
function binary(rw: PatternRewriter, op: unknown, lhs: Value, rhs: Value): Value {
  return rw.create(op as Buildable<{ lhs: Value; rhs: Value }, Operation>, { lhs, rhs }).getResult(0);
}
const constIndex = (rw: PatternRewriter, v: number): Idx => constantInt(rw, index, v);
const cmp = (rw: PatternRewriter, p: "slt" | "sle" | "sgt" | "sge" | "eq", lhs: Value, rhs: Value): Value =>
  rw.create(CmpIOp, { predicate: cmpiPredicate(p), lhs: lhs as Idx, rhs: rhs as Idx }).getResult(0);
const select = (rw: PatternRewriter, c: Value, t: Value, f: Value): Value =>
  rw.create(SelectOp, { condition: c as Value<IntegerType>, true_value: t, false_value: f }).getResult(0);

/** Why an expression has no lowering: a `mod`/`floordiv`/`ceildiv` by a constant that is not positive. */
function unsupported(e: AffineExpr): string | undefined {
  if (e.kind === "dim" || e.kind === "symbol" || e.kind === "constant") return undefined;
  if (e.kind !== "add" && e.kind !== "mul" && e.rhs.kind === "constant" && e.rhs.value <= 0) {
    return e.kind === "mod" ? "modulo by non-positive value is not supported" : "division by non-positive value is not supported";
  }
  return unsupported(e.lhs) ?? unsupported(e.rhs);
}

/**
 * `e` as arith ops on `dims` and `symbols` (MLIR's expandAffineExpr), in MLIR's order: operands first, then
 * the op; `mod` as a remainder made non-negative, `floordiv` and `ceildiv` rounding towards -inf and +inf.
 */
export function expandAffineExpr(rw: PatternRewriter, e: AffineExpr, dims: readonly Value[], symbols: readonly Value[]): Value {
  switch (e.kind) {
    case "dim":
      return dims[e.position] as Value;
    case "symbol":
      return symbols[e.position] as Value;
    case "constant":
      return constIndex(rw, e.value);
    case "add":
    case "mul": {
      const lhs = expandAffineExpr(rw, e.lhs, dims, symbols);
      const rhs = expandAffineExpr(rw, e.rhs, dims, symbols);
      return binary(rw, e.kind === "add" ? AddIOp : MulIOp, lhs, rhs);
    }
    case "mod": {
      const lhs = expandAffineExpr(rw, e.lhs, dims, symbols);
      const rhs = expandAffineExpr(rw, e.rhs, dims, symbols);
      const remainder = binary(rw, RemSIOp, lhs, rhs);
      const zero = constIndex(rw, 0);
      const negative = cmp(rw, "slt", remainder, zero);
      const corrected = binary(rw, AddIOp, remainder, rhs);
      return select(rw, negative, corrected, remainder);
    }
    case "floordiv": {
      const lhs = expandAffineExpr(rw, e.lhs, dims, symbols);
      const rhs = expandAffineExpr(rw, e.rhs, dims, symbols);
      const zero = constIndex(rw, 0);
      const minusOne = constIndex(rw, -1);
      const negative = cmp(rw, "slt", lhs, zero);
      const negatedDecremented = binary(rw, SubIOp, minusOne, lhs);
      const dividend = select(rw, negative, negatedDecremented, lhs);
      const quotient = binary(rw, DivSIOp, dividend, rhs);
      const corrected = binary(rw, SubIOp, minusOne, quotient);
      return select(rw, negative, corrected, quotient);
    }
    case "ceildiv": {
      const lhs = expandAffineExpr(rw, e.lhs, dims, symbols);
      const rhs = expandAffineExpr(rw, e.rhs, dims, symbols);
      const zero = constIndex(rw, 0);
      const one = constIndex(rw, 1);
      const nonPositive = cmp(rw, "sle", lhs, zero);
      const negated = binary(rw, SubIOp, zero, lhs);
      const decremented = binary(rw, SubIOp, lhs, one);
      const dividend = select(rw, nonPositive, negated, decremented);
      const quotient = binary(rw, DivSIOp, dividend, rhs);
      const negatedQuotient = binary(rw, SubIOp, zero, quotient);
      const incremented = binary(rw, AddIOp, quotient, one);
      return select(rw, nonPositive, negatedQuotient, incremented);
    }
  }
}

/** Every result of `map` on `operands` (MLIR's expandAffineMap); undefined when one has no lowering. */
function expandMap(rw: PatternRewriter, map: AffineMap, operands: readonly Value[]): Value[] | undefined {
  if (map.results.some((e) => unsupported(e) !== undefined)) return undefined;
  const dims = operands.slice(0, map.numDims);
  const symbols = operands.slice(map.numDims);
  return map.results.map((e) => expandAffineExpr(rw, e, dims, symbols));
}

/** The max (`sgt`) or min (`slt`) of the map's results: a chain of cmpi + select (MLIR's buildMinMaxReductionSeq). */
function minMax(rw: PatternRewriter, predicate: "sgt" | "slt", map: AffineMap, operands: readonly Value[]): Value | undefined {
  const values = expandMap(rw, map, operands);
  if (values === undefined || values.length === 0) return undefined;
  return values.slice(1).reduce((acc, v) => select(rw, cmp(rw, predicate, acc, v), acc, v), values[0] as Value);
}

const UNSUPPORTED = "an expression has a mod, floordiv or ceildiv by a non-positive constant";

/**
 * affine.apply as arith on index values.
 *
 *   %0 = affine.apply affine_map<(d0)[s0] -> (d0 floordiv 4 + s0)>(%i)[%n]
 *
 *   %c0 = arith.constant 0 : index              %3 = arith.divsi %2, %c4 : index
 *   %c-1 = arith.constant -1 : index            %4 = arith.subi %c-1, %3 : index
 *   %0 = arith.cmpi slt, %i, %c0 : index        %5 = arith.select %0, %4, %3 : index
 *   %1 = arith.subi %c-1, %i : index            %6 = arith.addi %5, %n : index
 *   %2 = arith.select %0, %1, %i : index
 */
export const applyLowering = convert({
  name: "affine.apply-lowering",
  root: AffineApplyOp,
  apply(op, _adaptor, rw) {
    const values = expandMap(rw, op.map.map, op.operands);
    if (values === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOp(op, values);
    return rw.done();
  },
});

/**
 * affine.min and affine.max as a chain of comparisons and selects over the map's results.
 *
 *   %0 = affine.min affine_map<(d0) -> (d0, 8)>(%i)    ->    %c8 = arith.constant 8 : index
 *                                                            %1 = arith.cmpi slt, %i, %c8 : index
 *                                                            %0 = arith.select %1, %i, %c8 : index
 */
export const minLowering = convert({
  name: "affine.min-lowering",
  root: AffineMinOp,
  apply(op, _adaptor, rw) {
    const value = minMax(rw, "slt", op.map.map, op.operands);
    if (value === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOp(op, [value]);
    return rw.done();
  },
});

/** affine.max as affine.min with `sgt`: `%0 = affine.max affine_map<(d0) -> (d0, 0)>(%i)` is a cmpi sgt + select. */
export const maxLowering = convert({
  name: "affine.max-lowering",
  root: AffineMaxOp,
  apply(op, _adaptor, rw) {
    const value = minMax(rw, "sgt", op.map.map, op.operands);
    if (value === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOp(op, [value]);
    return rw.done();
  },
});

/**
 * affine.yield as scf.yield (without operands in an scf.parallel, whose results come from scf.reduce).
 *
 *   affine.yield %x : f32     ->     scf.yield %x : f32
 */
export const yieldLowering = convert({
  name: "affine.yield-lowering",
  root: AffineYieldOp,
  apply(op, _adaptor, rw) {
    const inParallel = op.parentOp instanceof ParallelOp;
    rw.replaceOpWithNew(op, YieldOp, { values: inParallel ? [] : [...op.operands] });
    return rw.done();
  },
});

/** Moves `from`'s blocks into the new op's (empty) region `to`. */
function takeRegion(rw: ConversionRewriter, from: Region, to: Region): void {
  rw.inlineRegionBefore(from, to, to.blocks.length);
}

/**
 * affine.for as scf.for: the lower bound the max of its map's results, the upper bound the min, the step a constant.
 *
 *   affine.for %i = 0 to min affine_map<(d0) -> (d0, 8)>(%n) step 2 {     %c0 = arith.constant 0 : index
 *     ...                                                                %c8 = arith.constant 8 : index
 *   }                                                                    %0 = arith.cmpi slt, %n, %c8 : index
 *                                                                        %1 = arith.select %0, %n, %c8 : index
 *                                                                        %c2 = arith.constant 2 : index
 *                                                                        scf.for %i = %c0 to %1 step %c2 { ... }
 */
export const forLowering = convert({
  name: "affine.for-lowering",
  root: AffineForOp,
  apply(op, _adaptor, rw) {
    const lower = minMax(rw, "sgt", op.lower_bound.map, lowerBoundOperands(op));
    if (lower === undefined) return rw.fail(UNSUPPORTED);
    const upper = minMax(rw, "slt", op.upper_bound.map, upperBoundOperands(op));
    if (upper === undefined) return rw.fail(UNSUPPORTED);
    const step = constIndex(rw, Number(op.step.value));
    const inits = affineForInits(op);
    const loop = rw.create(ForOp, { lowerBound: lower as Idx, upperBound: upper as Idx, step, initArgs: [...inits], values: inits.map((v) => v.type), region: new Region() });
    takeRegion(rw, op.region, loop.region);
    rw.replaceOp(op, loop.results);
    return rw.done();
  },
});

/** Whether a reduction kind has an identity of `type` (floats: addf, mulf, maxf, minf; integers: the others). */
const hasIdentity = (kind: string, type: Type): boolean =>
  type instanceof FloatType ? ["addf", "mulf", "maxf", "minf"].includes(kind) : (type instanceof IntegerType || type instanceof IndexType) && ["addi", "maxu", "ori", "andi", "maxs", "mins", "minu", "muli"].includes(kind);

/** The identity constant of a reduction kind (MLIR's arith::getIdentityValueAttr). */
function identity(rw: PatternRewriter, kind: string, type: Type): Value | undefined {
  if (type instanceof FloatType) {
    const v = { addf: 0, mulf: 1, maxf: -Infinity, minf: Infinity }[kind];
    return v === undefined ? undefined : rw.create(ConstantOp, { value: FloatAttr.get(type, v) }).result;
  }
  if (!(type instanceof IntegerType || type instanceof IndexType)) return undefined;
  const width = type instanceof IntegerType ? type.width : 64;
  const values: Record<string, bigint> = { addi: 0n, maxu: 0n, ori: 0n, andi: -1n, maxs: -(1n << BigInt(width - 1)), mins: (1n << BigInt(width - 1)) - 1n, minu: -1n, muli: 1n };
  const v = values[kind];
  return v === undefined ? undefined : rw.create(ConstantOp, { value: IntegerAttr.get(type, BigInt.asIntN(width, v)) }).result;
}

/** The arith op combining two values of a reduction kind (MLIR's arith::getReductionOp). */
const REDUCTION_OPS: Readonly<Record<string, unknown>> = {
  addf: AddFOp,
  addi: AddIOp,
  mulf: MulFOp,
  muli: MulIOp,
  maxf: MaxFOp,
  minf: MinFOp,
  maxs: MaxSIOp,
  mins: MinSIOp,
  maxu: MaxUIOp,
  minu: MinUIOp,
  ori: OrIOp,
  andi: AndIOp,
};

/**
 * affine.parallel as scf.parallel: each dimension's bounds the max/min of its group of results; each result an
 * scf.reduce of the yielded value, starting from the reduction's identity.
 *
 *   %r = affine.parallel (%i) = (0) to (8) reduce ("addf") -> (f32) {     %r = scf.parallel (%i) = (%c0) to (%c8) step (%c1)
 *     %x = affine.load %m[%i] : memref<8xf32>                                    init (%cst) -> f32 {
 *     affine.yield %x : f32                                                  %x = memref.load %m[%i] : memref<8xf32>
 *   }                                                                        scf.reduce(%x) : f32 {
 *                                                                            ^bb0(%a: f32, %b: f32):
 *                                                                              %s = arith.addf %a, %b : f32
 *                                                                              scf.reduce.return %s : f32
 *                                                                            }
 *                                                                            scf.yield
 *                                                                          }
 */
export const parallelLowering = convert({
  name: "affine.parallel-lowering",
  root: AffineParallelOp,
  apply(op, _adaptor, rw) {
    const lowers: Value[] = [];
    const uppers: Value[] = [];
    const lowerGroups = groupedResults(op.lowerBoundsMap.map, boundGroups(op.lowerBoundsGroups));
    const upperGroups = groupedResults(op.upperBoundsMap.map, boundGroups(op.upperBoundsGroups));
    for (let d = 0; d < lowerGroups.length; d++) {
      const lm = op.lowerBoundsMap.map;
      const lower = minMax(rw, "sgt", AffineMap.get(lm.numDims, lm.numSymbols, lowerGroups[d] as AffineExpr[]), parallelLowerBoundsOperands(op));
      if (lower === undefined) return rw.fail("couldn't convert lower bounds");
      lowers.push(lower);
      const um = op.upperBoundsMap.map;
      const upper = minMax(rw, "slt", AffineMap.get(um.numDims, um.numSymbols, upperGroups[d] as AffineExpr[]), parallelUpperBoundsOperands(op));
      if (upper === undefined) return rw.fail("couldn't convert upper bounds");
      uppers.push(upper);
    }
    const steps = parallelSteps(op).map((s) => constIndex(rw, Number(s)));
    const terminator = parallelBody(op).last as Operation;
    const kinds = parallelReductions(op);
    const inits: Value[] = [];
    for (const [i, kind] of kinds.entries()) {
      const init = identity(rw, kind, (op.results[i] as Value).type);
      if (init === undefined || REDUCTION_OPS[kind] === undefined) return rw.fail(`reduction '${kind}' of result #${i} is not supported`);
      inits.push(init);
    }
    const par = rw.create(ParallelOp, {
      lowerBound: lowers as Idx[],
      upperBound: uppers as Idx[],
      step: steps,
      initVals: inits,
      values: inits.map((v) => v.type),
      region: new Region(),
    });
    takeRegion(rw, op.region, par.region);
    for (const [i, kind] of kinds.entries()) {
      rw.setInsertionPointBefore(terminator);
      const operand = terminator.getOperand(i);
      const reduce = rw.create(ReduceOp, { operand, reductionOperator: new Region() });
      const block = rw.createBlock(reduce.reductionOperator, [operand.type, operand.type]);
      const combined = binary(rw, REDUCTION_OPS[kind], block.arg(0), block.arg(1));
      rw.create(ReduceReturnOp, { result: combined });
    }
    rw.replaceOp(op, par.results);
    return rw.done();
  },
});

/**
 * affine.if as scf.if on the conjunction of its constraints (`e >= 0`, or `e == 0` for equalities).
 *
 *   affine.if affine_set<(d0)[s0] : (d0 >= 0, s0 - d0 - 1 >= 0)>(%i)[%n] { ... }
 *
 *   %c0 = arith.constant 0 : index                %c-1_0 = arith.constant -1 : index
 *   %0 = arith.cmpi sge, %i, %c0 : index          %4 = arith.addi %3, %c-1_0 : index
 *   %c-1 = arith.constant -1 : index              %5 = arith.cmpi sge, %4, %c0 : index
 *   %2 = arith.muli %i, %c-1 : index              %6 = arith.andi %0, %5 : i1
 *   %3 = arith.addi %n, %2 : index                scf.if %6 { ... }
 */
export const ifLowering = convert({
  name: "affine.if-lowering",
  root: AffineIfOp,
  apply(op, _adaptor, rw) {
    const set = ifCondition(op).set;
    if (set.constraints.some((e) => unsupported(e) !== undefined)) return rw.fail(UNSUPPORTED);
    const zero = constIndex(rw, 0);
    const dims = op.operands.slice(0, set.numDims);
    const symbols = op.operands.slice(set.numDims);
    let cond: Value | undefined;
    set.constraints.forEach((e, i) => {
      const value = expandAffineExpr(rw, e, dims, symbols);
      const c = cmp(rw, set.eqFlags[i] === true ? "eq" : "sge", value, zero);
      cond = cond === undefined ? c : binary(rw, AndIOp, cond, c);
    });
    const condition = cond ?? constantInt(rw, IntegerType.get(1), 1);
    const ifOp = rw.create(IfOp, { condition: condition as Value<IntegerType>, values: op.results.map((r) => r.type), thenRegion: new Region(), elseRegion: new Region() });
    takeRegion(rw, op.thenRegion, ifOp.thenRegion);
    if (op.elseRegion.blocks.length > 0) takeRegion(rw, op.elseRegion, ifOp.elseRegion);
    rw.replaceOp(op, ifOp.results);
    return rw.done();
  },
});

/** affine.load as memref.load: `%0 = affine.load %m[%i + 1]` is `%c1 = ...; %1 = arith.addi %i, %c1; memref.load %m[%1]`. */
export const loadLowering = convert({
  name: "affine.load-lowering",
  root: AffineLoadOp,
  apply(op, _adaptor, rw) {
    const indices = expandMap(rw, op.map.map, op.indices);
    if (indices === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOpWithNew(op, LoadOp, { memref: op.memref as Value<MemRefType>, indices: indices as Idx[], result: op.result.type });
    return rw.done();
  },
});

/** affine.store as memref.store: `affine.store %x, %m[%i * 2]` is `%c2 = ...; %0 = arith.muli %i, %c2; memref.store %x, %m[%0]`. */
export const storeLowering = convert({
  name: "affine.store-lowering",
  root: AffineStoreOp,
  apply(op, _adaptor, rw) {
    const indices = expandMap(rw, op.map.map, op.indices);
    if (indices === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOpWithNew(op, StoreOp, { value: op.value, memref: op.memref as Value<MemRefType>, indices: indices as Idx[] });
    return rw.done();
  },
});

/** affine.prefetch as memref.prefetch: `affine.prefetch %m[%i], read, locality<3>, data` keeps its hints. */
export const prefetchLowering = convert({
  name: "affine.prefetch-lowering",
  root: AffinePrefetchOp,
  apply(op, _adaptor, rw) {
    const indices = expandMap(rw, op.map.map, op.indices);
    if (indices === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOpWithNew(op, PrefetchOp, { memref: op.memref as Value<MemRefType>, indices: indices as Idx[], isWrite: op.isWrite, localityHint: op.localityHint, isDataCache: op.isDataCache });
    return rw.done();
  },
});

/** affine.vector_load as vector.load: `affine.vector_load %m[%i] : memref<8xf32>, vector<4xf32>` -> `vector.load %m[%i]`. */
export const vectorLoadLowering = convert({
  name: "affine.vector_load-lowering",
  root: AffineVectorLoadOp,
  apply(op, _adaptor, rw) {
    const indices = expandMap(rw, op.map.map, op.indices);
    if (indices === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOpWithNew(op, VectorLoadOp, { base: op.memref, indices: indices as Idx[], result: op.result.type as VectorType });
    return rw.done();
  },
});

/** affine.vector_store as vector.store: `affine.vector_store %v, %m[%i]` -> `vector.store %v, %m[%i]`. */
export const vectorStoreLowering = convert({
  name: "affine.vector_store-lowering",
  root: AffineVectorStoreOp,
  apply(op, _adaptor, rw) {
    const indices = expandMap(rw, op.map.map, op.indices);
    if (indices === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOpWithNew(op, VectorStoreOp, { valueToStore: op.value as Value<VectorType>, base: op.memref, indices: indices as Idx[] });
    return rw.done();
  },
});

/**
 * affine.dma_start as memref.dma_start on the expanded source, destination and tag subscripts.
 *
 *   affine.dma_start %src[%i + 1], %dst[%i], %tag[0], %n : memref<...>, memref<...>, memref<1xi32>
 *   ->  memref.dma_start %src[%0], %dst[%i], %n, %tag[%c0] : memref<...>, memref<...>, memref<1xi32>
 */
export const dmaStartLowering = convert({
  name: "affine.dma_start-lowering",
  root: AffineDmaStartOp,
  apply(op, _adaptor, rw) {
    const parts = affineDmaStartParts(op);
    if (parts === undefined) return rw.fail("malformed operands");
    const src = expandMap(rw, op.src_map.map, parts.srcIndices);
    const dst = expandMap(rw, op.dst_map.map, parts.dstIndices);
    const tag = expandMap(rw, op.tag_map.map, parts.tagIndices);
    if (src === undefined || dst === undefined || tag === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOpWithNew(op, DmaStartOp, { operands_: [parts.src, ...src, parts.dst, ...dst, parts.numElements, parts.tag, ...tag, ...parts.stride] });
    return rw.done();
  },
});

/** affine.dma_wait as memref.dma_wait: `affine.dma_wait %tag[%i], %n` -> `memref.dma_wait %tag[%i], %n`. */
export const dmaWaitLowering = convert({
  name: "affine.dma_wait-lowering",
  root: AffineDmaWaitOp,
  apply(op, _adaptor, rw) {
    const tagMemRef = op.getOperand(0);
    const numInputs = op.tag_map.map.numInputs;
    const tag = expandMap(rw, op.tag_map.map, op.operands.slice(1, 1 + numInputs));
    if (tag === undefined) return rw.fail(UNSUPPORTED);
    rw.replaceOpWithNew(op, DmaWaitOp, { tagMemRef: tagMemRef as never, tagIndices: tag as Idx[], numElements: op.getOperand(1 + numInputs) as Idx });
    return rw.done();
  },
});

export const lowerAffinePatterns = [
  applyLowering,
  dmaStartLowering,
  dmaWaitLowering,
  loadLowering,
  minLowering,
  maxLowering,
  parallelLowering,
  prefetchLowering,
  storeLowering,
  forLowering,
  ifLowering,
  yieldLowering,
  vectorLoadLowering,
  vectorStoreLowering,
];

/** A diagnostic for an affine op the conversion left, saying why it has no lowering. */
function leftOver(op: Operation): Diagnostic {
  let why = "an expression has a mod, floordiv or ceildiv by a non-positive constant (modulo by non-positive value is not supported)";
  if (op.name === "affine.delinearize_index") why = "it has no lowering in lower-affine (MLIR 16 expands it with affine-expand-index-ops)";
  else if (op instanceof AffineParallelOp) {
    const bad = parallelReductions(op).find((kind, i) => REDUCTION_OPS[kind] === undefined || !hasIdentity(kind, (op.results[i] as Value).type));
    if (bad !== undefined) why = `its reduction '${bad}' has no identity and combining op for its type (as in MLIR 16)`;
  } else if (lowerAffinePatterns.every((p) => p.rootName !== op.name)) why = "it has no lowering in lower-affine";
  return error(op.loc, `'${op.name}' could not be lowered by lower-affine: ${why}`);
}

export const lowerAffinePass = definePass({
  name: "lower-affine",
  displayName: "ConvertAffineToStandard",
  summary: "Lower Affine operations to a combination of Standard and SCF operations",
  description: "Lowers affine loops, conditionals, maps and memory accesses to scf, arith, memref and vector ops.",
  run(root, pctx) {
    const target = legality().legalDialect("arith", "memref", "scf", "vector");
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(root, target, lowerAffinePatterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    const remaining = r.right.unconverted.filter((op) => op.name.startsWith("affine."));
    if (remaining.length > 0) return left(remaining.map(leftOver));
    return { changed: r.right.converted > 0 };
  },
});
