/**
 * Canonicalization of affine.for, affine.parallel and affine.if (MLIR 16's AffineOps.cpp): their folds, which
 * rewrite the bounds and conditions in place (constant bounds become constant maps, affine.apply producers are
 * composed in, operands canonicalized), loops whose body does nothing, and conditionals that are decided or
 * whose else does nothing.
 */
import { AffineMap, type AffineExpr, replaceDimsAndSymbols } from "../../src/ir/affine.ts";
import { IntegerSet } from "../../src/ir/integer-set.ts";
import { AffineMapAttr, IntegerAttr, IntegerSetAttr } from "../../src/ir/attributes.ts";
import type { Block } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import {
  AffineApplyOp,
  affineForBody,
  affineForInits,
  affineForIterArgs,
  AffineForOp,
  AffineIfOp,
  AffineParallelOp,
  ifCondition,
  lowerBoundOperands,
  parallelLowerBoundsOperands,
  parallelUpperBoundsOperands,
  singleConstant,
  trivialTripCount,
  upperBoundOperands,
} from "../../dialects/affine/index.ts";
import { replaceOpWithRegion } from "../scf/canonicalize.ts";
import { canonicalizeMapAndOperands, composeAffineMapAndOperands, type MapAndOperands } from "./map-operands.ts";

/** Whether `f` throws a RangeError: composing constants beyond exact numbers (src/ir's affine constants are JavaScript numbers). */
function exact<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

const sameOperands = (a: readonly Value[], b: readonly Value[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

// ---- affine.for --------------------------------------------------------------------------------------------

/**
 * A loop whose body only yields gives, without running, what it would yield (AffineForEmptyLoopFolder): its
 * initial values when it does not iterate or when it yields its iteration arguments in order; a value defined
 * outside when it is known to run at least once; an iteration argument out of order when it runs exactly once.
 *
 *   %r:2 = affine.for %i = 0 to %n iter_args(%a = %x, %b = %y) -> (f32, f32) {
 *     affine.yield %a, %b : f32, f32
 *   }                                                              ->      (uses of %r#0, %r#1 use %x, %y)
 *   %s = affine.for %i = 0 to 3 iter_args(%a = %x) -> (f32) {
 *     affine.yield %z : f32
 *   }                                                              ->      (uses of %s use %z)
 *
 * A loop that does not iterate gives its initial values, whatever its body (AffineForOp's zero-trip fold).
 */
export const forEmptyLoop = rewrite({
  name: "affine.for.empty",
  examples: [
    "^bb0(%x: $T):\n  %r = affine.for %i = ?{0|4} to ?{0|2} iter_args(%a = %x) -> ($T) {\n    %s = arith.addi %a, %a : $T\n    affine.yield %s : $T\n  }",
    "^bb0(%x: $T):\n  %n = arith.constant ?{1|5} : index\n  %r = affine.for %i = 0 to %n iter_args(%a = %x) -> ($T) {\n    affine.yield %a : $T\n  }",
    // Values from outside, iteration arguments swapped: decided by the trip count (0, 1, 2 or unknown).
    "^bb0(%x: $T, %y: $T, %z: $T, %n: index):\n  %r:2 = affine.for %i = 0 to ?{0|1|2|%n} iter_args(%a = %x, %b = %y) -> ($T, $T) {\n    affine.yield ?{%b, %a|%z, %b|%a, %b} : $T, $T\n  }",
  ],
  root: AffineForOp,
  apply(op, rw) {
    const inits = affineForInits(op);
    const trips = trivialTripCount(op);
    if (trips === 0) {
      rw.replaceOp(op, inits);
      return rw.done();
    }
    const body: Block = affineForBody(op);
    if (body.first !== body.last) return rw.fail("the body computes something");
    const args = affineForIterArgs(op);
    let outside = false;
    let outOfOrder = false;
    const replacements = (body.last?.operands ?? []).map((v, i) => {
      const pos = args.indexOf(v as never);
      if (pos < 0) {
        outside = true;
        return v;
      }
      if (pos !== i) outOfOrder = true;
      return inits[pos] as Value;
    });
    if (trips === undefined && (outside || outOfOrder)) return rw.fail("the trip count is unknown and the body yields other than its arguments in order");
    if (trips !== undefined && trips >= 2 && outOfOrder) return rw.fail("the loop iterates several times and swaps its arguments");
    rw.replaceOp(op, replacements);
    return rw.done();
  },
});

/** The constant a bound map takes on constant operands: the max (lower) or min (upper) of its results (MLIR's foldLoopBounds). */
function constantBound(map: AffineMap, operands: readonly Value[], lower: boolean): number | undefined {
  const values = operands.map((v) => {
    const c = constantAttr(v);
    return c instanceof IntegerAttr && c.value <= BigInt(Number.MAX_SAFE_INTEGER) && c.value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(c.value) : undefined;
  });
  if (values.some((v) => v === undefined)) return undefined;
  const asExprs = (vs: readonly (number | undefined)[]): AffineExpr[] => vs.map((v) => AffineMap.constant(v as number).results[0] as AffineExpr);
  const results = exact(() => map.results.map((e) => replaceDimsAndSymbols(e, asExprs(values.slice(0, map.numDims)), asExprs(values.slice(map.numDims)))));
  if (results === undefined || results.some((e) => e.kind !== "constant")) return undefined;
  const xs = results.map((e) => (e.kind === "constant" ? e.value : 0));
  return lower ? Math.max(...xs) : Math.min(...xs);
}

/**
 * The bound composed with the affine.apply ops producing its operands, canonicalized, without a result equal to
 * the one before it (MLIR's canonicalizeLoopBounds: removeDuplicateExprs is std::unique, adjacent repeats only).
 */
function canonicalBound(map: AffineMap, operands: readonly Value[]): MapAndOperands | undefined {
  const composed = exact(() => canonicalizeMapAndOperands(composeAffineMapAndOperands({ map, operands })));
  if (composed === undefined) return undefined;
  const results = composed.map.results.filter((e, i) => i === 0 || composed.map.results[i - 1] !== e);
  return { map: AffineMap.get(composed.map.numDims, composed.map.numSymbols, results), operands: composed.operands };
}

/**
 * AffineForOp::fold's bound rewriting: a bound whose operands are constants becomes the constant (the max of a
 * lower bound's results, the min of an upper bound's), and a bound is composed with the affine.apply ops
 * producing its operands and canonicalized (operands that are symbols become symbols, constant symbols fold in,
 * repeated and unused operands go, repeated results go).
 *
 *   %c4 = arith.constant 4 : index
 *   affine.for %i = 0 to min affine_map<(d0) -> (d0, 10)>(%c4) {      ->      affine.for %i = 0 to 4 {
 *   %j = affine.apply affine_map<(d0) -> (d0 + 1)>(%n)
 *   affine.for %i = %j to 10 {                                          ->      affine.for %i = #map()[%n] to 10 {   (#map = ()[s0] -> (s0 + 1))
 */
export const forFoldBounds = rewrite({
  name: "affine.for.fold-bounds",
  examples: [
    "^bb0(%x: $T):\n  %c = arith.constant ?{4|-2|12} : index\n  %r = affine.for %i = max affine_map<(d0) -> (d0, 0)>(%c) to min affine_map<(d0)[s0] -> (d0 + s0, 10)>(%c)[%c] iter_args(%a = %x) -> ($T) {\n    %s = arith.addi %a, %a : $T\n    affine.yield %s : $T\n  }",
    "^bb0(%x: $T, %n: index):\n  %j = affine.apply affine_map<(d0) -> (d0 floordiv 2 + ?{1|-3})>(%n)\n  %r = affine.for %i = %j to min affine_map<(d0, d1) -> (d0 + 3, d1, d0 + 3)>(%j, %n) step ?{1|2} iter_args(%a = %x) -> ($T) {\n    %s = arith.addi %a, %a : $T\n    affine.yield %s : $T\n  }",
  ],
  root: AffineForOp,
  apply(op, rw) {
    let lb: MapAndOperands = { map: op.lower_bound.map, operands: lowerBoundOperands(op) };
    let ub: MapAndOperands = { map: op.upper_bound.map, operands: upperBoundOperands(op) };
    const prev = [lb.map, ub.map];
    const foldConstant = (b: MapAndOperands, lower: boolean): MapAndOperands => {
      if (singleConstant(b.map) !== undefined) return b;
      const c = constantBound(b.map, b.operands, lower);
      return c === undefined ? b : { map: AffineMap.constant(c), operands: [] };
    };
    lb = foldConstant(lb, true);
    ub = foldConstant(ub, false);
    lb = canonicalBound(lb.map, lb.operands) ?? lb;
    ub = canonicalBound(ub.map, ub.operands) ?? ub;
    // (MLIR compares the maps only: new operands under the same map are not a change.)
    if (lb.map === prev[0] && ub.map === prev[1]) return rw.fail("the bounds are folded and canonical");
    const newLb = lb.map === prev[0] ? { map: prev[0], operands: lowerBoundOperands(op) } : lb;
    const newUb = ub.map === prev[1] ? { map: prev[1] as AffineMap, operands: upperBoundOperands(op) } : ub;
    const inits = affineForInits(op);
    rw.modifyInPlace(op, () => {
      op.setAttr("lower_bound", AffineMapAttr.get(newLb.map as AffineMap));
      op.setAttr("upper_bound", AffineMapAttr.get(newUb.map));
      op.setOperands([...newLb.operands, ...newUb.operands, ...inits]);
    });
    return rw.done();
  },
});

// ---- affine.parallel ---------------------------------------------------------------------------------------

/**
 * AffineParallelOp::fold: the bounds maps composed with the affine.apply ops producing their operands, then
 * canonicalized and simplified (each map as a whole; the groups stay).
 *
 *   %j = affine.apply affine_map<(d0) -> (d0 * 2)>(%n)
 *   affine.parallel (%i) = (0) to (%j + 1) { ... }      ->      affine.parallel (%i) = (0) to (symbol(%n) * 2 + 1) { ... }
 */
export const parallelFoldBounds = rewrite({
  name: "affine.parallel.fold-bounds",
  examples: [
    "^bb0(%n: index):\n  %j = affine.apply affine_map<(d0) -> (d0 mod ?{3|5} + 1)>(%n)\n  %c = arith.constant ?{2|0} : index\n  %r = affine.parallel (%i, %k) = (%c, 0) to (min(%j + 1, 4), %j) reduce (\"addi\") -> (index) {\n    %s = affine.apply affine_map<(d0, d1) -> (d0 * 3 + d1)>(%i, %k)\n    affine.yield %s : index\n  }",
  ],
  root: AffineParallelOp,
  apply(op, rw) {
    const canonical = (map: AffineMap, operands: readonly Value[]): MapAndOperands | undefined => {
      const c = exact(() => composeAffineMapAndOperands({ map, operands }));
      return c === undefined || (c.map === map && sameOperands(c.operands, operands)) ? undefined : c;
    };
    const lb = canonical(op.lowerBoundsMap.map, parallelLowerBoundsOperands(op));
    const ub = canonical(op.upperBoundsMap.map, parallelUpperBoundsOperands(op));
    if (lb === undefined && ub === undefined) return rw.fail("the bounds are canonical");
    const lbOperands = lb?.operands ?? parallelLowerBoundsOperands(op);
    const ubOperands = ub?.operands ?? parallelUpperBoundsOperands(op);
    rw.modifyInPlace(op, () => {
      if (lb !== undefined) op.setAttr("lowerBoundsMap", AffineMapAttr.get(lb.map));
      if (ub !== undefined) op.setAttr("upperBoundsMap", AffineMapAttr.get(ub.map));
      op.setOperands([...lbOperands, ...ubOperands]);
    });
    return rw.done();
  },
});

// ---- affine.if ---------------------------------------------------------------------------------------------

/**
 * An else region that only yields (and no results) goes (SimplifyDeadElse):
 *
 *   affine.if #set(%i) { "x.a"() : () -> () } else { }      ->      affine.if #set(%i) { "x.a"() : () -> () }
 */
export const ifDeadElse = rewrite({
  name: "affine.if.dead-else",
  examples: [
    "^bb0(%i: index, %A: memref<4xi32>, %v: i32):\n  affine.if affine_set<(d0) : (d0 - ?{1|3} >= 0)>(%i) {\n    affine.store %v, %A[%i mod 4] : memref<4xi32>\n  } else {\n  }",
    // A near miss: the else region stores.
    "^bb0(%i: index, %A: memref<4xi32>, %v: i32):\n  affine.if affine_set<(d0) : (d0 - ?{1|3} >= 0)>(%i) {\n    affine.store %v, %A[%i mod 4] : memref<4xi32>\n  } else {\n    affine.store %v, %A[(%i + 1) mod 4] : memref<4xi32>\n  }",
  ],
  root: AffineIfOp,
  apply(op, rw) {
    const elseBlock = op.elseRegion.entry;
    if (elseBlock === undefined) return rw.fail("there is no else region");
    if (elseBlock.first !== elseBlock.last) return rw.fail("the else block does something");
    if (op.numResults > 0) return rw.fail("the else region yields results");
    rw.modifyInPlace(op, () => rw.eraseBlock(elseBlock));
    return rw.done();
  },
});

/**
 * An affine.if whose integer set is the universe (`0 == 0`, one equality) is its then region; one whose set is
 * the empty set (`1 == 0`) is its else region, or nothing (AlwaysTrueOrFalseIf). As in MLIR 16, only these
 * two forms are recognised, whatever the set's dims and symbols.
 *
 *   affine.if affine_set<() : (0 == 0)>() { "x.op"() : () -> () }       ->      "x.op"() : () -> ()
 */
export const ifAlwaysTrueOrFalse = rewrite({
  name: "affine.if.always-true-or-false",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %r = affine.if affine_set<() : (?{0|1} == 0)>() -> $T {\n    %s = arith.addi %x, %y : $T\n    affine.yield %s : $T\n  } else {\n    affine.yield %y : $T\n  }",
    "^bb0(%A: memref<4xi32>, %v: i32, %i: index):\n  affine.if affine_set<(d0) : (?{1 == 0|0 == 0|0 >= 0|d0 >= 0})>(%i) {\n    affine.store %v, %A[%i mod 4] : memref<4xi32>\n  }",
  ],
  root: AffineIfOp,
  apply(op, rw) {
    const set = ifCondition(op).set;
    const universe = set.numEqualities === 1 && set.numInequalities === 0 && set.constraints[0]?.kind === "constant" && set.constraints[0].value === 0;
    if (set.isEmptyIntegerSet()) {
      if (op.numResults === 0 && op.elseRegion.isEmpty) {
        rw.eraseOp(op);
        return rw.done();
      }
      replaceOpWithRegion(rw, op, op.elseRegion);
      return rw.done();
    }
    if (!universe) return rw.fail("the set is not trivially true or false");
    replaceOpWithRegion(rw, op, op.thenRegion);
    return rw.done();
  },
});

/**
 * AffineIfOp::fold: the condition composed with the affine.apply ops producing its operands and canonicalized
 * with them (composeSetAndOperands, canonicalizeSetAndOperands):
 *
 *   %j = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
 *   affine.if affine_set<(d0) : (d0 - 4 >= 0)>(%j) { ... }      ->      affine.if affine_set<(d0) : (d0 - 3 >= 0)>(%i) { ... }
 */
export const ifFoldCondition = rewrite({
  name: "affine.if.fold-condition",
  examples: [
    "^bb0(%i: index, %n: index, %x: $T, %y: $T):\n  %j = affine.apply affine_map<(d0) -> (d0 * ?{1|2} + 1)>(%i)\n  %c = arith.constant ?{3|0} : index\n  %r = affine.if affine_set<(d0, d1)[s0] : (d0 - s0 >= 0, d1 - d1 >= 0)>(%j, %n)[%c] -> $T {\n    affine.yield %x : $T\n  } else {\n    affine.yield %y : $T\n  }",
  ],
  root: AffineIfOp,
  apply(op, rw) {
    const set = ifCondition(op).set;
    const asMap = AffineMap.get(set.numDims, set.numSymbols, set.constraints);
    let next: MapAndOperands | undefined = { map: asMap, operands: op.operands };
    if (op.operands.some((v) => v.definingOp instanceof AffineApplyOp)) next = exact(() => composeAffineMapAndOperands({ map: asMap, operands: op.operands }));
    if (next !== undefined) next = exact(() => canonicalizeMapAndOperands(next as MapAndOperands));
    if (next === undefined) return rw.fail("the composed condition leaves exact arithmetic");
    const newSet = IntegerSet.get(next.map.numDims, next.map.numSymbols, next.map.results, set.eqFlags);
    if (newSet === set && sameOperands(next.operands, op.operands)) return rw.fail("the condition is canonical");
    const operands = next.operands;
    rw.modifyInPlace(op, () => {
      op.setAttr("condition", IntegerSetAttr.get(newSet));
      op.setOperands(operands);
    });
    return rw.done();
  },
});

export const affineLoopPatterns: readonly Pattern[] = [forEmptyLoop, forFoldBounds, parallelFoldBounds, ifDeadElse, ifAlwaysTrueOrFalse, ifFoldCondition];
