/**
 * Composing and canonicalizing an affine map with its operands (MLIR 16's composeAffineMapAndOperands and
 * canonicalizeMapAndOperands), what the affine canonicalization patterns rewrite every map-taking op with:
 *
 * - compose: an operand produced by `affine.apply` is replaced by the apply's expression over the apply's own
 *   operands (repeatedly, so chains collapse);
 * - canonicalize: dims that are valid symbols become symbols, constant symbols become constants in the map,
 *   an operand used twice is one dim (or symbol), unused operands are dropped;
 * - simplify: each result is flattened and rebuilt (src/ir/affine-simplify.ts).
 */
import { type AffineExpr, AffineMap, affineConstant, affineDim, affineSymbol, replaceDimsAndSymbols, shiftDims, shiftSymbols, walkAffineExpr } from "../../src/ir/affine.ts";
import { simplifyAffineMap } from "../../src/ir/affine-simplify.ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import type { Value } from "../../src/ir/value.ts";
import { constantAttr } from "../../src/rewrite/match.ts";
import { AffineApplyOp, isValidSymbol } from "../../dialects/affine/index.ts";

export interface MapAndOperands {
  readonly map: AffineMap;
  readonly operands: readonly Value[];
}

const withResults = (map: AffineMap, numDims: number, numSymbols: number, f: (e: AffineExpr) => AffineExpr): AffineMap =>
  AffineMap.get(numDims, numSymbols, map.results.map(f));

/** Dims that are valid symbols become symbols, after the existing ones (MLIR's canonicalizePromotedSymbols). */
function promoteSymbolDims({ map, operands }: MapAndOperands): MapAndOperands {
  if (operands.length === 0) return { map, operands };
  const dimOperands: Value[] = [];
  const promoted: Value[] = [];
  const dimRemap: AffineExpr[] = [];
  for (let i = 0; i < map.numDims; i++) {
    const v = operands[i] as Value;
    if (isValidSymbol(v)) {
      dimRemap.push(affineSymbol(map.numSymbols + promoted.length));
      promoted.push(v);
    } else {
      dimRemap.push(affineDim(dimOperands.length));
      dimOperands.push(v);
    }
  }
  const numSymbols = map.numSymbols + promoted.length;
  return {
    map: withResults(map, dimOperands.length, numSymbols, (e) => replaceDimsAndSymbols(e, dimRemap, [])),
    operands: [...dimOperands, ...operands.slice(map.numDims), ...promoted],
  };
}

/** MLIR's canonicalizeMapAndOperands. */
export function canonicalizeMapAndOperands(input: MapAndOperands): MapAndOperands {
  if (input.operands.length === 0) return input;
  const { map, operands } = promoteSymbolDims(input);
  const usedDims = new Set<number>();
  const usedSymbols = new Set<number>();
  for (const r of map.results) {
    walkAffineExpr(r, (e) => {
      if (e.kind === "dim") usedDims.add(e.position);
      else if (e.kind === "symbol") usedSymbols.add(e.position);
    });
  }
  const result: Value[] = [];
  const seenDims = new Map<Value, AffineExpr>();
  const dimRemap: AffineExpr[] = [];
  for (let i = 0; i < map.numDims; i++) {
    const v = operands[i] as Value;
    if (!usedDims.has(i)) {
      dimRemap.push(affineConstant(0));
      continue;
    }
    let e = seenDims.get(v);
    if (e === undefined) {
      e = affineDim(seenDims.size);
      seenDims.set(v, e);
      result.push(v);
    }
    dimRemap.push(e);
  }
  const seenSymbols = new Map<Value, AffineExpr>();
  const symRemap: AffineExpr[] = [];
  for (let i = 0; i < map.numSymbols; i++) {
    const v = operands[map.numDims + i] as Value;
    if (!usedSymbols.has(i)) {
      symRemap.push(affineConstant(0));
      continue;
    }
    const c = constantAttr(v);
    // (Affine constants are exact JavaScript numbers: a larger constant stays an operand.)
    if (c instanceof IntegerAttr && c.value <= BigInt(Number.MAX_SAFE_INTEGER) && c.value >= -BigInt(Number.MAX_SAFE_INTEGER)) {
      symRemap.push(affineConstant(Number(c.value)));
      continue;
    }
    let e = seenSymbols.get(v);
    if (e === undefined) {
      e = affineSymbol(seenSymbols.size);
      seenSymbols.set(v, e);
      result.push(v);
    }
    symRemap.push(e);
  }
  return { map: withResults(map, seenDims.size, seenSymbols.size, (e) => replaceDimsAndSymbols(e, dimRemap, symRemap)), operands: result };
}

/** MLIR's composeAffineMapAndOperands: folds `affine.apply` producers of the operands into the map. */
export function composeAffineMapAndOperands(input: MapAndOperands): MapAndOperands {
  if (input.map.results.length === 0) {
    const c = canonicalizeMapAndOperands(input);
    return { map: simplifyAffineMap(c.map), operands: c.operands };
  }
  let map = input.map;
  const dims: (Value | undefined)[] = input.operands.slice(0, map.numDims);
  const syms: (Value | undefined)[] = input.operands.slice(map.numDims);
  let pos = 0;
  while (pos < dims.length + syms.length) {
    const isDim = pos < dims.length;
    const at = isDim ? pos : pos - dims.length;
    const v = isDim ? dims[at] : syms[at];
    const apply = v?.definingOp;
    if (!(apply instanceof AffineApplyOp)) {
      pos++;
      continue;
    }
    if (isDim) dims[at] = undefined;
    else syms[at] = undefined;
    const inner = canonicalizeMapAndOperands({ map: apply.map.map, operands: apply.operands });
    const replacement = shiftSymbols(shiftDims(inner.map.results[0] as AffineExpr, inner.map.numDims, dims.length), inner.map.numSymbols, syms.length);
    dims.push(...inner.operands.slice(0, inner.map.numDims));
    syms.push(...inner.operands.slice(inner.map.numDims));
    const dimRepl = isDim ? dims.map((_, i) => (i === at ? replacement : affineDim(i))) : [];
    const symRepl = isDim ? [] : syms.map((_, i) => (i === at ? replacement : affineSymbol(i)));
    map = withResults(map, dims.length, syms.length, (e) => replaceDimsAndSymbols(e, dimRepl, symRepl));
  }
  // Drop the replaced (now unused) slots, renumbering the rest.
  const operands: Value[] = [];
  const dimRepl = dims.map((v) => (v === undefined ? affineConstant(0) : (operands.push(v), affineDim(operands.length - 1))));
  const numDims = operands.length;
  const symRepl = syms.map((v) => (v === undefined ? affineConstant(0) : (operands.push(v), affineSymbol(operands.length - 1 - numDims))));
  map = withResults(map, numDims, operands.length - numDims, (e) => replaceDimsAndSymbols(e, dimRepl, symRepl));
  const c = canonicalizeMapAndOperands({ map, operands });
  return { map: simplifyAffineMap(c.map), operands: c.operands };
}

/** Compose, canonicalize and simplify: what SimplifyAffineOp does to an op's map and operands. */
export const simplifyMapAndOperands = (input: MapAndOperands): MapAndOperands => composeAffineMapAndOperands(input);
