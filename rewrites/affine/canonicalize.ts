/**
 * Canonicalization patterns of the affine dialect (MLIR 16's AffineOps.cpp), as the `affineCanonicalization`
 * extension a Context loads: affine.apply chains compose into the ops that use them (apply, min, max, load,
 * store and their vector forms), maps and operands are canonicalized, min/max lose duplicate results and
 * become applies when one result is left, loops with constant bounds get constant maps, loops that do not
 * iterate go away, and an affine.if whose condition always holds is its then region.
 */
import { type AffineExpr, AffineMap } from "../../src/ir/affine.ts";
import { flattenedCoefficients } from "../../src/ir/affine-simplify.ts";
import { IndexType } from "../../src/ir/types.ts";
import { AffineMapAttr } from "../../src/ir/attributes.ts";
import type { Block, Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import {
  AffineApplyOp,
  affineForBody,
  affineForInits,
  affineForIterArgs,
  AffineForOp,
  AffineIfOp,
  AffineLoadOp,
  AffineMaxOp,
  AffineMinOp,
  AffineStoreOp,
  AffineVectorLoadOp,
  AffineVectorStoreOp,
  ifCondition,
  trivialTripCount,
} from "../../dialects/affine/index.ts";
import { replaceOpWithRegion } from "../scf/canonicalize.ts";
import { simplifyMapAndOperands } from "./map-operands.ts";

type MapOp = Operation & { readonly map: AffineMapAttr };

/** The map operands of a map-taking op: all of them, or those after the memref (and stored value). */
const mapOperandStart = (op: Operation): number =>
  op instanceof AffineLoadOp || op instanceof AffineVectorLoadOp ? 1 : op instanceof AffineStoreOp || op instanceof AffineVectorStoreOp ? 2 : 0;

/** Replaces the op's map and map operands in place (MLIR's replaceAffineOp rebuilds it: the same op, new map). */
function setMap(rw: PatternRewriter, op: MapOp, map: AffineMap, operands: readonly Value[]): void {
  const start = mapOperandStart(op);
  rw.modifyInPlace(op, () => {
    op.setAttr("map", AffineMapAttr.get(map));
    op.setOperands([...op.operands.slice(0, start), ...operands]);
  });
}

/**
 * SimplifyAffineOp: the op's map composed with the affine.apply ops producing its operands, canonicalized and
 * simplified.
 *
 *   %a = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
 *   %b = affine.apply affine_map<(d0) -> (d0 * 2)>(%a)      ->    %b = affine.apply affine_map<(d0) -> (d0 * 2 + 2)>(%i)
 */
function simplifyAffineOp<C extends { readonly info: unknown; prototype: MapOp }>(root: C, name: string, examples: readonly string[]): Pattern {
  return rewrite({
    name,
    root: root as never,
    examples,
    apply(op: MapOp, rw) {
      const operands = op.operands.slice(mapOperandStart(op));
      let next: ReturnType<typeof simplifyMapAndOperands>;
      try {
        next = simplifyMapAndOperands({ map: op.map.map, operands });
      } catch (e) {
        // Composing constants beyond exact numbers (src/ir's affine constants are JavaScript numbers).
        if (e instanceof RangeError) return rw.fail(`the composed map leaves exact arithmetic: ${e.message}`);
        throw e;
      }
      if (next.map === op.map.map && next.operands.length === operands.length && next.operands.every((v, i) => v === operands[i])) {
        return rw.fail("the map and its operands are already canonical");
      }
      setMap(rw, op, next.map, next.operands);
      return rw.done();
    },
  });
}

const APPLY_CHAIN =
  "^bb0(%i: index, %n: index):\n  %a = affine.apply affine_map<(d0)[s0] -> (d0 * ?{1|2|3} + s0)>(%i)[%n]\n  %b = affine.apply affine_map<(d0, d1) -> (d0 + d1 * ?{2|-1})>(%a, %i)";

export const simplifyApply = simplifyAffineOp(AffineApplyOp as never, "affine.apply.compose", [
  APPLY_CHAIN,
  "^bb0(%i: index):\n  %c = arith.constant ?{0|5|-3} : index\n  %b = affine.apply affine_map<(d0, d1) -> (d0 floordiv 2 + d1)>(%i, %c)",
]);
export const simplifyMin = simplifyAffineOp(AffineMinOp as never, "affine.min.compose", [
  "^bb0(%i: index, %n: index):\n  %a = affine.apply affine_map<(d0) -> (d0 + ?{1|4})>(%i)\n  %m = affine.min affine_map<(d0, d1) -> (d0, d1 + 8)>(%a, %n)",
]);
export const simplifyMax = simplifyAffineOp(AffineMaxOp as never, "affine.max.compose", [
  "^bb0(%i: index, %n: index):\n  %a = affine.apply affine_map<(d0) -> (d0 - ?{1|4})>(%i)\n  %m = affine.max affine_map<(d0, d1) -> (d0, d1)>(%a, %n)",
]);

/**
 * Duplicate results of affine.min/max go (DeduplicateAffineMinMaxExpressions):
 *
 *   affine.min affine_map<(d0) -> (d0, 4, d0)>(%i)     ->     affine.min affine_map<(d0) -> (d0, 4)>(%i)
 */
function dedupeMinMax(root: typeof AffineMinOp | typeof AffineMaxOp, name: string): Pattern {
  return rewrite({
    name,
    root: root as typeof AffineMinOp,
    examples: [`^bb0(%i: index, %n: index):\n  %m = ${root.info?.name} affine_map<(d0)[s0] -> (d0, s0 + 1, d0)>(%i)[%n]`],
    apply(op, rw) {
      const results = op.map.map.results;
      const unique = results.filter((e, i) => results.indexOf(e) === i);
      if (unique.length === results.length) return rw.fail("no result repeats");
      const map = op.map.map;
      rw.modifyInPlace(op, () => op.setAttr("map", AffineMapAttr.get(AffineMap.get(map.numDims, map.numSymbols, unique))));
      return rw.done();
    },
  });
}
export const dedupeMin = dedupeMinMax(AffineMinOp, "affine.min.dedupe");
export const dedupeMax = dedupeMinMax(AffineMaxOp, "affine.max.dedupe");

/**
 * An affine.min/max with a single result is an affine.apply (CanonicalizeSingleResultAffineMinMaxOp):
 *
 *   %m = affine.min affine_map<(d0) -> (d0 + 2)>(%i)     ->     %m = affine.apply affine_map<(d0) -> (d0 + 2)>(%i)
 */
function singleResultMinMax(root: typeof AffineMinOp | typeof AffineMaxOp, name: string): Pattern {
  return rewrite({
    name,
    root: root as typeof AffineMinOp,
    examples: [`^bb0(%i: index, %n: index):\n  %m = ${root.info?.name} affine_map<(d0)[s0] -> (d0 * 2 + s0)>(%i)[%n]`],
    apply(op, rw) {
      if (op.map.map.results.length !== 1) return rw.fail("the map has several results");
      rw.replaceOpWithNew(op, AffineApplyOp, { map: op.map, mapOperands: op.mapOperands, result: IndexType.get() });
      return rw.done();
    },
  });
}
export const singleResultMin = singleResultMinMax(AffineMinOp, "affine.min.single-result");
export const singleResultMax = singleResultMinMax(AffineMaxOp, "affine.max.single-result");

/** Lexicographic order of coefficient vectors. */
function compareCoefficients(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/**
 * The results of affine.min/max sorted by their flattened coefficients, dims first, then symbols, then the
 * constant (CanonicalizeAffineMinMaxOpExprAndTermOrder; only for pure affine results without locals):
 *
 *   affine.min affine_map<(d0, d1) -> (d0 + d1, d1 + 16, 32)>     ->     affine.min affine_map<(d0, d1) -> (32, d1 + 16, d0 + d1)>
 */
function sortMinMaxResults(root: typeof AffineMinOp | typeof AffineMaxOp, name: string): Pattern {
  return rewrite({
    name,
    root: root as typeof AffineMinOp,
    examples: [`^bb0(%i: index, %n: index):\n  %m = ${root.info?.name} affine_map<(d0, d1) -> (d0 + d1, d1 + ?{16|-2}, ?{32|0})>(%i, %n)`],
    apply(op, rw) {
      const map = op.map.map;
      const flat = map.results.map((e) => flattenedCoefficients(e, map.numDims, map.numSymbols));
      if (flat.some((f) => f === undefined)) return rw.fail("a result is not pure affine without local terms");
      const vectors = flat as number[][];
      const order = vectors.map((_, i) => i);
      if (order.every((i) => i === 0 || compareCoefficients(vectors[i - 1] as number[], vectors[i] as number[]) <= 0)) return rw.fail("the results are sorted");
      order.sort((a, b) => compareCoefficients(vectors[a] as number[], vectors[b] as number[]));
      const sorted = AffineMap.get(map.numDims, map.numSymbols, order.map((i) => map.results[i] as AffineExpr));
      rw.modifyInPlace(op, () => op.setAttr("map", AffineMapAttr.get(sorted)));
      return rw.done();
    },
  });
}
export const sortMinResults = sortMinMaxResults(AffineMinOp, "affine.min.sort-results");
export const sortMaxResults = sortMinMaxResults(AffineMaxOp, "affine.max.sort-results");

export const simplifyLoad = simplifyAffineOp(AffineLoadOp as never, "affine.load.compose", []);
export const simplifyStore = simplifyAffineOp(AffineStoreOp as never, "affine.store.compose", []);
export const simplifyVectorLoad = simplifyAffineOp(AffineVectorLoadOp as never, "affine.vector_load.compose", []);
export const simplifyVectorStore = simplifyAffineOp(AffineVectorStoreOp as never, "affine.vector_store.compose", []);

// ---- affine.for / affine.if -----------------------------------------------------------------------------

/**
 * A loop that never runs gives its initial values; a loop whose body only yields its own iteration
 * arguments (or nothing) gives them too (AffineForEmptyLoopFolder and the zero-trip fold):
 *
 *   %r = affine.for %i = 0 to 0 iter_args(%a = %x) -> (f32) { ... }      ->      (uses of %r use %x)
 */
export const forEmptyLoop = rewrite({
  name: "affine.for.empty",
  examples: [
    "^bb0(%x: $T):\n  %r = affine.for %i = ?{0|4} to ?{0|2} iter_args(%a = %x) -> ($T) {\n    %s = arith.addi %a, %a : $T\n    affine.yield %s : $T\n  }",
    "^bb0(%x: $T):\n  %n = arith.constant ?{1|5} : index\n  %r = affine.for %i = 0 to %n iter_args(%a = %x) -> ($T) {\n    affine.yield %a : $T\n  }",
  ],
  root: AffineForOp,
  apply(op, rw) {
    const inits = affineForInits(op);
    if (trivialTripCount(op) === 0) {
      rw.replaceOp(op, inits);
      return rw.done();
    }
    const body: Block = affineForBody(op);
    if (body.first !== body.last) return rw.fail("the body computes something");
    const yielded = body.last?.operands ?? [];
    const args = affineForIterArgs(op);
    if (!yielded.every((v, i) => v === args[i])) return rw.fail("the body yields something other than its iteration arguments");
    rw.replaceOp(op, inits);
    return rw.done();
  },
});

/**
 * An affine.if whose integer set always holds (the universe, `0 == 0`) is its then region; one that never
 * holds (`1 == 0`) is its else region (AlwaysTrueOrFalseIf):
 *
 *   affine.if affine_set<() : (0 == 0)>() { "x.op"() : () -> () }       ->      "x.op"() : () -> ()
 */
export const ifAlwaysTrueOrFalse = rewrite({
  name: "affine.if.always-true-or-false",
  examples: [
    "^bb0(%x: $T, %y: $T):\n  %r = affine.if affine_set<() : (?{0|1} == 0)>() -> $T {\n    %s = arith.addi %x, %y : $T\n    affine.yield %s : $T\n  } else {\n    affine.yield %y : $T\n  }",
  ],
  root: AffineIfOp,
  apply(op, rw) {
    const set = ifCondition(op).set;
    const [only] = set.constraints;
    if (set.constraints.length !== 1 || only?.kind !== "constant" || set.eqFlags[0] !== true || set.numDims + set.numSymbols !== 0) {
      return rw.fail("the set is not trivially true or false");
    }
    const region = only.value === 0 ? op.thenRegion : op.elseRegion;
    if (region.isEmpty) {
      rw.eraseOp(op);
      return rw.done();
    }
    replaceOpWithRegion(rw, op, region);
    return rw.done();
  },
});

export const affineCanonicalizationPatterns: readonly Pattern[] = [
  simplifyApply,
  dedupeMin,
  singleResultMin,
  simplifyMin,
  sortMinResults,
  dedupeMax,
  singleResultMax,
  simplifyMax,
  sortMaxResults,
  simplifyLoad,
  simplifyStore,
  simplifyVectorLoad,
  simplifyVectorStore,
  forEmptyLoop,
  ifAlwaysTrueOrFalse,
];

/** The patterns as an extension of the affine dialect, for a Context to load. */
export const affineCanonicalization = defineDialectExtension({
  name: "affine-canonicalization",
  dialects: ["affine", "arith"],
  canonicalization: affineCanonicalizationPatterns,
});
