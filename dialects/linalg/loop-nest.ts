/**
 * Running a structured op: the loop nest over its iteration space, in lexicographic order (the order its
 * lowering to loops runs it in), reading each operand at the position its indexing map gives and writing the
 * inits' new elements. What one point computes is a callback: the payload region run by the engine
 * (linalg.generic and the short forms) or a compiled scalar payload (the named ops' fast path).
 *
 * Operands are scalars, tensors (value semantics: each tensor init is copied once, the copy written and
 * returned as the result) or memrefs (written in place through their view, so aliasing is observable).
 * Affine maps made of sums of loop indices times constants, as every named op's are, are walked with
 * incremental positions; other maps (floordiv, mod) are evaluated at each point. Every operand access is
 * bounds-checked before the loops run (from the extreme points of the iteration space) or, for maps
 * evaluated per point, at the point: an out-of-bounds access is undefined behaviour, reported.
 */
import { AffineBinaryExpr, AffineConstantExpr, AffineDimExpr, type AffineExpr } from "../../src/ir/affine-expr.ts";
import type { AffineMap } from "../../src/ir/affine-map.ts";
import type { Operation } from "../../src/ir/operation.ts";
import type { ElementBuffer } from "../../src/interp/buffer.ts";
import { fail, ub } from "../../src/interp/errors.ts";
import { rowMajorStrides } from "../../src/interp/memref.ts";
import { type Element, type RuntimeValue, type ScalarType, type ShapedRuntimeType, shapedFromBuffer } from "../../src/interp/values.ts";

/** One operand as the loop nest reads (and, for inits, writes) it. */
interface Access {
  readonly elementType: ScalarType | undefined;
  /** The element of a scalar operand. */
  readonly scalar: Element | undefined;
  readonly buffer: ElementBuffer | undefined;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

function accessOf(arg: RuntimeValue, operand: number, isInit: boolean): Access {
  switch (arg.kind) {
    case "int":
    case "float":
      return { elementType: arg.type, scalar: arg.value, buffer: undefined, offset: 0, shape: [], strides: [] };
    case "shaped":
      return { elementType: arg.elementType, scalar: undefined, buffer: isInit ? arg.elements.clone() : arg.elements, offset: 0, shape: arg.shape, strides: rowMajorStrides(arg.shape) };
    case "memref":
      arg.allocation.checkLive(isInit ? "write" : "read");
      return { elementType: arg.elementType, scalar: undefined, buffer: arg.allocation.buffer, offset: arg.offset, shape: arg.shape, strides: arg.strides };
    default:
      return fail("invalid-ir", `operand #${operand} of a structured op is a ${arg.kind}`);
  }
}

/** `expr` as constant + sum of coefficient * loop index, when it is that simple. */
function linearize(expr: AffineExpr, loops: number): { coeffs: number[]; constant: number } | undefined {
  if (expr instanceof AffineConstantExpr) return { coeffs: new Array<number>(loops).fill(0), constant: expr.value };
  if (expr instanceof AffineDimExpr) {
    const coeffs = new Array<number>(loops).fill(0);
    coeffs[expr.position] = 1;
    return { coeffs, constant: 0 };
  }
  if (!(expr instanceof AffineBinaryExpr)) return undefined;
  const l = linearize(expr.lhs, loops);
  const r = linearize(expr.rhs, loops);
  if (l === undefined || r === undefined) return undefined;
  if (expr.kind === "add") return { coeffs: l.coeffs.map((c, i) => c + (r.coeffs[i] as number)), constant: l.constant + r.constant };
  if (expr.kind !== "mul") return undefined;
  // An affine product has a constant side.
  const [scale, other] = r.coeffs.every((c) => c === 0) ? [r.constant, l] : l.coeffs.every((c) => c === 0) ? [l.constant, r] : [undefined, l];
  if (scale === undefined) return undefined;
  return { coeffs: other.coeffs.map((c) => c * scale), constant: other.constant * scale };
}

/** The size of each loop: the size of the first operand dimension its index is, directly. */
export function loopSizes(maps: readonly AffineMap[], accesses: readonly { readonly shape: readonly number[] }[], loops: number): number[] {
  const sizes: (number | undefined)[] = new Array(loops).fill(undefined);
  maps.forEach((map, i) => {
    map.results.forEach((e, r) => {
      if (e instanceof AffineDimExpr && sizes[e.position] === undefined) sizes[e.position] = accesses[i]?.shape[r];
    });
  });
  return sizes.map((s, d) => s ?? fail("invalid-ir", `loop ${d} of a structured op indexes no operand dimension`));
}

/** What a point computes: the operands' elements there (inputs and inits, in operand order) to the inits' new ones. */
export type PointFn = (elements: readonly Element[], indices: readonly number[]) => readonly Element[];

export interface LoopNest {
  readonly op: Operation;
  readonly args: readonly RuntimeValue[];
  readonly maps: readonly AffineMap[];
  readonly loops: number;
  /** How many trailing operands are inits. */
  readonly numInits: number;
  /** The operands whose elements the point function takes (all, but linalg.map's init). */
  readonly readsOperand: (operand: number) => boolean;
}

/**
 * Runs the loop nest and returns the op's results: one tensor per tensor init (memref inits are written in
 * place and give no result).
 */
export function runLoopNest(nest: LoopNest, point: PointFn): RuntimeValue[] {
  const { op, args, maps, loops, numInits } = nest;
  const firstInit = args.length - numInits;
  const accesses = args.map((a, i) => accessOf(a, i, i >= firstInit));
  const sizes = loopSizes(maps, accesses, loops);
  const total = sizes.reduce((a, b) => a * b, 1);

  // Per operand: its position at the origin and its step per loop, or per-point evaluation.
  const base: number[] = [];
  const steps: number[][] = [];
  const evaluated: boolean[] = [];
  accesses.forEach((acc, i) => {
    const map = maps[i] as AffineMap;
    if (acc.buffer === undefined) {
      base.push(0);
      steps.push(new Array<number>(loops).fill(0));
      evaluated.push(false);
      return;
    }
    const linear = map.results.map((e) => linearize(e, loops));
    if (linear.some((l) => l === undefined)) {
      base.push(0);
      steps.push(new Array<number>(loops).fill(0));
      evaluated.push(true);
      return;
    }
    let pos = acc.offset;
    const step = new Array<number>(loops).fill(0);
    linear.forEach((l, r) => {
      const { coeffs, constant } = l as { coeffs: number[]; constant: number };
      const stride = acc.strides[r] as number;
      pos += constant * stride;
      coeffs.forEach((c, d) => (step[d] = (step[d] as number) + c * stride));
      if (total > 0) checkBounds(i, r, coeffs, constant, sizes, acc.shape[r] as number);
    });
    base.push(pos);
    steps.push(step);
    evaluated.push(false);
  });

  if (total > 0) iterate(nest, accesses, sizes, total, base, steps, evaluated, point);

  const results: RuntimeValue[] = [];
  for (let i = firstInit; i < args.length; i++) {
    const arg = args[i] as RuntimeValue;
    if (arg.kind !== "shaped") continue;
    const result = op.getResult(results.length);
    results.push(shapedFromBuffer(result.type as ShapedRuntimeType, (accesses[i] as Access).buffer as ElementBuffer, arg.shape));
  }
  return results;
}

/** Fails unless `constant + coeffs . i` stays in [0, size) over the whole iteration space. */
function checkBounds(operand: number, dim: number, coeffs: readonly number[], constant: number, sizes: readonly number[], size: number): void {
  let lo = constant;
  let hi = constant;
  coeffs.forEach((c, d) => {
    const far = c * ((sizes[d] as number) - 1);
    if (far < 0) lo += far;
    else hi += far;
  });
  if (lo < 0 || hi >= size) ub(`out-of-bounds access: dimension ${dim} of operand #${operand} (size ${size}) is indexed from ${lo} to ${hi}`);
}

function iterate(
  nest: LoopNest,
  accesses: readonly Access[],
  sizes: readonly number[],
  total: number,
  base: readonly number[],
  steps: readonly (readonly number[])[],
  evaluated: readonly boolean[],
  point: PointFn,
): void {
  const { maps, loops, numInits, readsOperand } = nest;
  const n = accesses.length;
  const firstInit = n - numInits;
  const pos = [...base];
  const idx = new Array<number>(loops).fill(0);
  const read = accesses.map((_, i) => readsOperand(i));
  const elements: Element[] = [];
  for (let k = 0; k < total; k++) {
    for (let i = 0; i < n; i++) if (evaluated[i] === true) pos[i] = evaluatedPosition(accesses[i] as Access, maps[i] as AffineMap, idx, i);
    elements.length = 0;
    for (let i = 0; i < n; i++) {
      if (!read[i]) continue;
      const acc = accesses[i] as Access;
      elements.push(acc.buffer === undefined ? (acc.scalar as Element) : acc.buffer.get(pos[i] as number));
    }
    const out = point(elements, idx);
    for (let j = 0; j < numInits; j++) {
      const acc = accesses[firstInit + j] as Access;
      acc.buffer?.set(pos[firstInit + j] as number, out[j] as Element);
    }
    // Next point: the innermost loop moves first.
    for (let d = loops - 1; d >= 0; d--) {
      const size = sizes[d] as number;
      if (++(idx[d] as number) < size) {
        for (let i = 0; i < n; i++) pos[i] = (pos[i] as number) + ((steps[i] as number[])[d] as number);
        break;
      }
      idx[d] = 0;
      for (let i = 0; i < n; i++) pos[i] = (pos[i] as number) - ((steps[i] as number[])[d] as number) * (size - 1);
    }
  }
}

/** The position of a point for a map evaluated at each point (floordiv, mod), bounds-checked. */
function evaluatedPosition(acc: Access, map: AffineMap, idx: readonly number[], operand: number): number {
  const at = map.evaluate(idx);
  let pos = acc.offset;
  at.forEach((v, r) => {
    const size = acc.shape[r] as number;
    if (v < 0 || v >= size) ub(`out-of-bounds access: dimension ${r} of operand #${operand} (size ${size}) is indexed at ${v}`);
    pos += v * (acc.strides[r] as number);
  });
  return pos;
}
