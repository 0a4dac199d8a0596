/**
 * Strided memref layouts: the strides and offset a memref type's layout describes (MLIR's getStridesAndOffset),
 * and the saturating index arithmetic MLIR 16 uses to infer the layouts of views (a product or sum with a
 * dynamic term is dynamic).
 *
 *   memref<4x8xf32>                                  strides [8, 1], offset 0 (the identity layout)
 *   memref<4x?xf32>                                  strides [?, 1], offset 0
 *   memref<4x8xf32, strided<[16, 2], offset: ?>>     strides [16, 2], offset ?
 *   memref<4x8xf32, affine_map<(d0, d1) -> (d1, d0)>>  strides [1, 4], offset 0
 *   memref<4x8xf32, affine_map<(d0, d1) -> (d0 mod 3, d1)>>   not strided
 */
import type { AffineExpr } from "../../src/ir/affine-expr.ts";
import { AffineMapAttr, type Attribute, StridedLayoutAttr } from "../../src/ir/attributes.ts";
import { DYNAMIC, MemRefType, RankedTensorType, type Type, UnrankedMemRefType, UnrankedTensorType } from "../../src/ir/types.ts";

export interface StridesAndOffset {
  readonly strides: readonly number[];
  readonly offset: number;
}

// ---- saturating arithmetic (MLIR's saturated_arith::Wrapper) -------------------------------------------------

/** a + b, dynamic when either is. */
export const addSat = (a: number, b: number): number => (a === DYNAMIC || b === DYNAMIC ? DYNAMIC : a + b);
/** a * b, dynamic when either is. */
export const mulSat = (a: number, b: number): number => (a === DYNAMIC || b === DYNAMIC ? DYNAMIC : a * b);

/** Row-major strides of `shape` (MLIR's canonical strides): once a size is dynamic, every stride outside it is too. */
export function canonicalStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let running = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = running;
    running = mulSat(running, shape[i] as number);
  }
  return strides;
}

// ---- affine layouts ------------------------------------------------------------------------------------------

/** A linear function of the dims: a coefficient per dim (DYNAMIC when it involves a symbol) plus a constant. */
interface Linear {
  readonly coeffs: number[];
  readonly constant: number;
}

/** `e` as a linear function of `numDims` dims, or undefined when it is not one (mod, floordiv, dim * dim). */
function linearForm(e: AffineExpr, numDims: number): Linear | undefined {
  const zero = (): number[] => new Array<number>(numDims).fill(0);
  switch (e.kind) {
    case "constant":
      return { coeffs: zero(), constant: e.value };
    case "symbol":
      return { coeffs: zero(), constant: DYNAMIC };
    case "dim": {
      const coeffs = zero();
      coeffs[e.position] = 1;
      return { coeffs, constant: 0 };
    }
    case "add": {
      const l = linearForm(e.lhs, numDims);
      const r = linearForm(e.rhs, numDims);
      if (l === undefined || r === undefined) return undefined;
      return { coeffs: l.coeffs.map((c, i) => addSat(c, r.coeffs[i] as number)), constant: addSat(l.constant, r.constant) };
    }
    case "mul": {
      const l = linearForm(e.lhs, numDims);
      const r = linearForm(e.rhs, numDims);
      if (l === undefined || r === undefined) return undefined;
      const isScalar = (x: Linear): boolean => x.coeffs.every((c) => c === 0);
      if (isScalar(r)) return { coeffs: l.coeffs.map((c) => (c === 0 ? 0 : mulSat(c, r.constant))), constant: mulSat(l.constant, r.constant) };
      if (isScalar(l)) return { coeffs: r.coeffs.map((c) => (c === 0 ? 0 : mulSat(c, l.constant))), constant: mulSat(l.constant, r.constant) };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The strides and offset of an affine layout on `shape`: its results, weighted by the canonical strides of the
 * shape they index, summed into one linear function of the dims.
 */
function affineStridesAndOffset(layout: AffineMapAttr, shape: readonly number[]): StridesAndOffset | undefined {
  const map = layout.map;
  const weights = map.numResults === 1 ? [1] : canonicalStrides(shape);
  if (weights.length !== map.numResults) return undefined;
  const coeffs = new Array<number>(map.numDims).fill(0);
  let offset = 0;
  for (const [i, result] of map.results.entries()) {
    const lin = linearForm(result, map.numDims);
    if (lin === undefined) return undefined;
    const w = weights[i] as number;
    lin.coeffs.forEach((c, d) => {
      if (c !== 0) coeffs[d] = addSat(coeffs[d] as number, mulSat(c, w));
    });
    offset = addSat(offset, lin.constant === 0 ? 0 : mulSat(lin.constant, w));
  }
  return { strides: coeffs, offset };
}

/** The strides and offset of a ranked memref type's layout; undefined when the layout is not strided. */
export function stridesAndOffset(t: MemRefType): StridesAndOffset | undefined {
  const layout = t.layout;
  if (layout === undefined) return { strides: canonicalStrides(t.shape), offset: 0 };
  if (layout instanceof StridedLayoutAttr) return { strides: layout.strides, offset: layout.offset };
  if (layout instanceof AffineMapAttr) return affineStridesAndOffset(layout, t.shape);
  return undefined;
}

/** Whether the memref type's layout is strided (MLIR's isStrided). */
export const isStrided = (t: MemRefType): boolean => stridesAndOffset(t) !== undefined;

/** The layout is the identity (no layout, or an identity map): MLIR's `getLayout().isIdentity()`. */
export const hasIdentityLayout = (t: MemRefType): boolean => t.layout === undefined;

/** `memref<shape x elem, strided<strides, offset: o>, space>`. */
export function stridedMemRef(
  shape: readonly number[],
  elementType: Type,
  strides: readonly number[],
  offset: number,
  memorySpace: Attribute | undefined,
): MemRefType {
  return MemRefType.get(shape, elementType, StridedLayoutAttr.get(offset, strides), memorySpace);
}

/** The tensor type of a memref's shape and elements (MLIR's getTensorTypeFromMemRefType). */
export function tensorTypeOf(t: MemRefType | UnrankedMemRefType): RankedTensorType | UnrankedTensorType {
  return t instanceof MemRefType ? RankedTensorType.get(t.shape, t.elementType) : UnrankedTensorType.get(t.elementType);
}

/** The number of symbols of a memref type's affine layout (0 for none or a strided layout). */
export function layoutSymbols(t: MemRefType): number {
  return t.layout instanceof AffineMapAttr ? t.layout.map.numSymbols : 0;
}

/** The index among the dynamic dims of dim `dim` (MLIR's getDynamicDimIndex). */
export function dynamicDimIndex(shape: readonly number[], dim: number): number {
  let n = 0;
  for (let i = 0; i < dim; i++) if (shape[i] === DYNAMIC) n++;
  return n;
}

export const numDynamicDims = (shape: readonly number[]): number => shape.filter((d) => d === DYNAMIC).length;
