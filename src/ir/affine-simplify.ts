/**
 * MLIR's simplifyAffineExpr / simplifyAffineMap for the common case: an expression is flattened into a linear
 * combination of its dims, symbols and "local" terms (each `floordiv`, `ceildiv` or `mod`, and each product of
 * two non-constant terms, with its own operands simplified), then rebuilt in MLIR's order: dims, symbols,
 * locals (in order of first appearance), constant. `d0 + s0 + d0 * 2 - 1` becomes `d0 * 3 + s0 - 1`.
 *
 * MLIR's flattener also reasons about the locals (`(d0 * 4) floordiv 4` is `d0`); the constructors of
 * affine-expr.ts already do the local cases MLIR's builder does, which is what this relies on.
 */
import { type AffineExpr, affineAdd, affineBinary, affineConstant, affineDim, affineMul, affineSymbol, checkedAdd, checkedMul } from "./affine-expr.ts";
import { AffineMap } from "./affine-map.ts";

/** A linear combination: coefficients by term key, and the constant. */
interface Linear {
  readonly coeffs: Map<string, number>;
  constant: number;
}

const keyOf = (e: AffineExpr): string => (e.kind === "dim" ? `d${e.position}` : e.kind === "symbol" ? `s${e.position}` : `l${e.id}`);

function addInto(acc: Linear, other: Linear): void {
  for (const [k, c] of other.coeffs) acc.coeffs.set(k, checkedAdd(acc.coeffs.get(k) ?? 0, c));
  acc.constant = checkedAdd(acc.constant, other.constant);
}

function flatten(e: AffineExpr, locals: Map<string, AffineExpr>): Linear {
  switch (e.kind) {
    case "constant":
      return { coeffs: new Map(), constant: e.value };
    case "dim":
    case "symbol":
      return { coeffs: new Map([[keyOf(e), 1]]), constant: 0 };
    case "add": {
      const acc = flatten(e.lhs, locals);
      addInto(acc, flatten(e.rhs, locals));
      return acc;
    }
    case "mul": {
      const l = flatten(e.lhs, locals);
      const r = flatten(e.rhs, locals);
      if (r.coeffs.size === 0) return scale(l, r.constant);
      if (l.coeffs.size === 0) return scale(r, l.constant);
      return local(affineBinary("mul", rebuild(l, locals), rebuild(r, locals)), locals);
    }
    default:
      return local(affineBinary(e.kind, rebuild(flatten(e.lhs, locals), locals), rebuild(flatten(e.rhs, locals), locals)), locals);
  }
}

function scale(l: Linear, factor: number): Linear {
  const coeffs = new Map<string, number>();
  for (const [k, c] of l.coeffs) if (factor !== 0) coeffs.set(k, checkedMul(c, factor));
  return { coeffs, constant: checkedMul(l.constant, factor) };
}

/** A term kept whole (its simplified form may still be linear: then it is flattened instead). */
function local(e: AffineExpr, locals: Map<string, AffineExpr>): Linear {
  if (e.kind === "constant" || e.kind === "dim" || e.kind === "symbol" || e.kind === "add") return flatten(e, locals);
  if (e.kind === "mul" && (e.rhs.kind === "constant" || e.lhs.kind === "constant")) return flatten(e, locals);
  const k = keyOf(e);
  if (!locals.has(k)) locals.set(k, e);
  return { coeffs: new Map([[k, 1]]), constant: 0 };
}

/** Dims (by position), then symbols, then locals (first appearance), then the constant. */
function rebuild(l: Linear, locals: Map<string, AffineExpr>): AffineExpr {
  const terms = [...l.coeffs.entries()].filter(([, c]) => c !== 0);
  const rank = (k: string): [number, number] => {
    if (k.startsWith("d")) return [0, Number(k.slice(1))];
    if (k.startsWith("s")) return [1, Number(k.slice(1))];
    return [2, [...locals.keys()].indexOf(k)];
  };
  terms.sort(([a], [b]) => {
    const [ra, ia] = rank(a);
    const [rb, ib] = rank(b);
    return ra !== rb ? ra - rb : ia - ib;
  });
  let acc: AffineExpr | undefined;
  for (const [k, c] of terms) {
    const atom = k.startsWith("d") ? affineDim(Number(k.slice(1))) : k.startsWith("s") ? affineSymbol(Number(k.slice(1))) : (locals.get(k) as AffineExpr);
    const term = c === 1 ? atom : affineMul(atom, c);
    acc = acc === undefined ? term : affineAdd(acc, term);
  }
  if (acc === undefined) return affineConstant(l.constant);
  return l.constant === 0 ? acc : affineAdd(acc, l.constant);
}

/** `e` flattened and rebuilt (MLIR's simplifyAffineExpr, for what the flattener handles). */
export function simplifyAffineExpr(e: AffineExpr): AffineExpr {
  const locals = new Map<string, AffineExpr>();
  return rebuild(flatten(e, locals), locals);
}

/** Every result simplified (MLIR's simplifyAffineMap). */
export function simplifyAffineMap(map: AffineMap): AffineMap {
  return AffineMap.get(map.numDims, map.numSymbols, map.results.map(simplifyAffineExpr));
}

/**
 * The coefficients of a pure affine expression without local terms, `[d0.., s0.., constant]` (MLIR's
 * SimpleAffineExprFlattener result when it needs no locals); undefined when `e` has a floordiv, ceildiv, mod
 * or a product of non-constants.
 */
export function flattenedCoefficients(e: AffineExpr, numDims: number, numSymbols: number): number[] | undefined {
  const locals = new Map<string, AffineExpr>();
  const linear = flatten(e, locals);
  if (locals.size > 0) return undefined;
  const out = new Array<number>(numDims + numSymbols + 1).fill(0);
  for (const [k, c] of linear.coeffs) out[k.startsWith("d") ? Number(k.slice(1)) : numDims + Number(k.slice(1))] = c;
  out[numDims + numSymbols] = linear.constant;
  return out;
}
