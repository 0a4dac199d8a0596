/**
 * Canonicalization patterns of the affine dialect (MLIR 16's AffineOps.cpp), as the `affineCanonicalization`
 * extension a Context loads: affine.apply chains compose into the ops that use them (apply, min, max, load,
 * store, prefetch and the vector forms), maps and operands are canonicalized, min/max lose duplicate results,
 * absorb the min/max ops bound to their inputs, sort their results and become applies when one result is
 * left. The loop and conditional patterns (bounds folding, empty loops, decided or dead-else affine.if) are
 * in loops.ts.
 */
import { type AffineExpr, AffineMap, shiftDims, shiftSymbols } from "../../src/ir/affine.ts";
import { flattenedCoefficients } from "../../src/ir/affine-simplify.ts";
import { IndexType } from "../../src/ir/types.ts";
import { AffineMapAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { Value } from "../../src/ir/value.ts";
import { defineDialectExtension } from "../../src/irdl/dialect.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import {
  AffineApplyOp,
  AffineLoadOp,
  AffineMaxOp,
  AffineMinOp,
  AffinePrefetchOp,
  AffineStoreOp,
  AffineVectorLoadOp,
  AffineVectorStoreOp,
} from "../../dialects/affine/index.ts";
import { affineLoopPatterns } from "./loops.ts";
import { simplifyMapAndOperands } from "./map-operands.ts";

type MapOp = Operation & { readonly map: AffineMapAttr };

/** The map operands of a map-taking op: all of them, or those after the memref (and stored value). */
const mapOperandStart = (op: Operation): number =>
  op instanceof AffineLoadOp || op instanceof AffineVectorLoadOp || op instanceof AffinePrefetchOp ? 1 : op instanceof AffineStoreOp || op instanceof AffineVectorStoreOp ? 2 : 0;

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
export const simplifyPrefetch = simplifyAffineOp(AffinePrefetchOp as never, "affine.prefetch.compose", []);

/**
 * A result of affine.min (max) that is a lone dim or symbol bound to another affine.min (max) takes that op's
 * results in its place (MergeAffineMinMaxOp): min(a, min(b, c)) is min(a, b, c).
 *
 *   %0 = affine.min affine_map<()[s0] -> (s0 + 16, s0 * 8)>()[%a]
 *   %1 = affine.min affine_map<(d0)[s0] -> (s0 + 4, d0)>(%0)[%b]
 * ->
 *   %1 = affine.min affine_map<()[s0, s1] -> (s0 + 4, s1 + 16, s1 * 8)>()[%b, %a]
 */
function mergeMinMax(root: typeof AffineMinOp | typeof AffineMaxOp, name: string): Pattern {
  const op = root.info?.name as string;
  return rewrite({
    name,
    root: root as typeof AffineMinOp,
    examples: [
      `^bb0(%i: index, %n: index):\n  %p = ${op} affine_map<(d0)[s0] -> (s0 + ?{16|-3}, d0 * 8)>(%i)[%n]\n  %m = ${op} affine_map<(d0)[s0] -> (s0 + 4, ?{d0|d0 + 1})>(%p)[%n]`,
      `^bb0(%i: index, %n: index):\n  %p = ${op} affine_map<(d0) -> (d0 * ?{2|-1}, 7)>(%i)\n  %m = ${op} affine_map<()[s0, s1] -> (s0, s1 floordiv 2)>()[%p, %n]`,
    ],
    apply(consumer, rw) {
      const map = consumer.map.map;
      const operands = consumer.mapOperands;
      const dims = operands.slice(0, map.numDims);
      const syms = operands.slice(map.numDims);
      const kept: AffineExpr[] = [];
      const producers: (AffineMinOp | AffineMaxOp)[] = [];
      for (const e of map.results) {
        const v = e.kind === "dim" ? dims[e.position] : e.kind === "symbol" ? syms[e.position] : undefined;
        const producer = v?.definingOp;
        if (producer !== undefined && producer.name === op) producers.push(producer as AffineMinOp);
        else kept.push(e);
      }
      if (producers.length === 0) return rw.fail(`no result is a lone input bound to another ${op}`);
      let numDims = map.numDims;
      let numSymbols = map.numSymbols;
      const newDims = [...dims];
      const newSyms = [...syms];
      for (const p of producers) {
        const pm = p.map.map;
        newDims.push(...p.mapOperands.slice(0, pm.numDims));
        newSyms.push(...p.mapOperands.slice(pm.numDims));
        kept.push(...pm.results.map((e) => shiftSymbols(shiftDims(e, pm.numDims, numDims), pm.numSymbols, numSymbols)));
        numDims += pm.numDims;
        numSymbols += pm.numSymbols;
      }
      rw.replaceOpWithNew(consumer, root as typeof AffineMinOp, {
        map: AffineMapAttr.get(AffineMap.get(numDims, numSymbols, kept)),
        mapOperands: [...newDims, ...newSyms],
        result: IndexType.get(),
      });
      return rw.done();
    },
  });
}
export const mergeMin = mergeMinMax(AffineMinOp, "affine.min.merge");
export const mergeMax = mergeMinMax(AffineMaxOp, "affine.max.merge");

export const affineCanonicalizationPatterns: readonly Pattern[] = [
  simplifyApply,
  dedupeMin,
  singleResultMin,
  mergeMin,
  simplifyMin,
  sortMinResults,
  dedupeMax,
  singleResultMax,
  mergeMax,
  simplifyMax,
  sortMaxResults,
  simplifyLoad,
  simplifyStore,
  simplifyVectorLoad,
  simplifyVectorStore,
  simplifyPrefetch,
  ...affineLoopPatterns,
];

/** The patterns as an extension of the affine dialect, for a Context to load. */
export const affineCanonicalization = defineDialectExtension({
  name: "affine-canonicalization",
  dialects: ["affine", "arith"],
  canonicalization: affineCanonicalizationPatterns,
});
