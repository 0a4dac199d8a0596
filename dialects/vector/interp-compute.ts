/**
 * Interpreter semantics of the vector dialect's computing and masking ops:
 *
 * - `contract`: for each point of the parallel iterators, `acc ⊕ (⊕ over the reduction iterators, in row-major
 *   order, of lhs * rhs)`, each product and combination rounded (no fusion); with its two masks, a product
 *   whose lhs or rhs element is masked off does not take part.
 * - `reduction` / `multi_reduction`: the accumulator (when given) then the elements in row-major order, combined
 *   left to right. Under `vector.mask`, masked-off lanes do not take part; a reduction with no lane and no
 *   accumulator gives the kind's neutral element (LLVM's vp.reduce start value).
 * - `outerproduct`: `lhs[i] * rhs[j] ⊕ acc[i][j]`; with `add` on floats and an accumulator, one fused
 *   multiply-add, as MLIR 16 lowers it (vector.fma).
 * - `scan`: as MLIR 16's ScanToArithOps lowering: inclusive, out[0] = in[0] and out[i] = out[i-1] ⊕ in[i]
 *   (the initial value is not used); exclusive, out[0] = init and out[i] = out[i-1] ⊕ in[i-1]; the
 *   accumulated value is the last output.
 * - `matrix_multiply` / `flat_transpose`: row-major flattened matrices, as MLIR 16's contraction and transpose
 *   lowerings build them (shape_cast of the 2-D vector).
 * - `constant_mask` / `create_mask`: lane [i, j, ...] is set when every index is below its dim's bound
 *   (create_mask's bounds are clamped to [0, dim]).
 * - `vector.mask`: runs its region with the mask in force for the masked op (a per-run stack the maskable ops'
 *   semantics read); the passthru, if any, fills the masked-off lanes of a transfer_read.
 * - `print`: MLIR 16's printing (CRunnerUtils): `( 1, 2, 3 )` per vector dim, floats as C's `%g`, signless
 *   integers signed, i1 / unsigned / index unsigned, one line per print, to the run's output (`ctx.print`).
 * - `warp_execute_on_lane_0`: runs its region when nothing is distributed (every argument and result has the
 *   type of its block argument / yield operand); a distributed one needs the other lanes, so it is unsupported.
 */
import { type ElementBuffer, newBuffer } from "../../src/interp/buffer.ts";
import { elementTypeOf, floatElementKind, intElementWidth } from "../../src/interp/elementwise.ts";
import { unsupported } from "../../src/interp/errors.ts";
import * as F from "../../src/interp/float-semantics.ts";
import { type InterpContext, type InterpretationEntry, interpretation } from "../../src/interp/registry.ts";
import {
  type Element,
  type FloatElement,
  floatNumber,
  isIntLikeType,
  intValue,
  isNaNElement,
  type RuntimeValue,
  type ShapedValue,
} from "../../src/interp/values.ts";
import { AffineDimExpr } from "../../src/ir/affine-expr.ts";
import type { AffineMap } from "../../src/ir/affine-map.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { IndexType, IntegerType, index, type Type, VectorType } from "../../src/ir/types.ts";
import { combiningKindOf, i64sOf, type CombiningKind } from "./attrs.ts";
import {
  asVector,
  bufferFor,
  combiner,
  flatIndex,
  indexOf,
  neutralElement,
  scalarElement,
  scalarResult,
  stridesOf,
  unflatten,
  vectorResult,
} from "./interp-util.ts";
import {
  ContractionOp,
  contractIterators,
  contractMaps,
  FlatTransposeOp,
  MatmulOp,
  MultiDimReductionOp,
  OuterProductOp,
  ReductionOp,
  ScanOp,
} from "./ops-compute.ts";
import { ConstantMaskOp, CreateMaskOp, MaskOp, PrintOp, VectorScaleOp, WarpExecuteOnLane0Op, YieldOp } from "./ops-control.ts";

// ---- masks in force ---------------------------------------------------------------------------------------------

/** A `vector.mask` being run: the op it masks, its mask and passthru. */
export interface MaskFrame {
  readonly op: Operation;
  readonly mask: ShapedValue;
  readonly passthru: RuntimeValue | undefined;
}

const MASK_STACK = {};
const maskStack = (ctx: InterpContext): MaskFrame[] => ctx.runState(MASK_STACK, () => [] as MaskFrame[]);

/** The mask `vector.mask` puts on `op`, when `op` is the op of the innermost mask being run. */
export function activeMask(op: Operation, ctx: InterpContext): MaskFrame | undefined {
  if (op.parentOp?.name !== "vector.mask") return undefined;
  const stack = maskStack(ctx);
  const top = stack[stack.length - 1];
  return top?.op === op ? top : undefined;
}

const laneOn = (mask: ShapedValue | undefined, i: number): boolean => mask === undefined || mask.elements.get(i) !== 0n;

// ---- reductions -----------------------------------------------------------------------------------------------------

/** Folds `elements` (those whose lane is on) into `acc` (or the first one) with `⊕`. */
function reduce(kind: CombiningKind, elementType: Type, count: number, get: (i: number) => Element, on: (i: number) => boolean, acc: Element | undefined): Element {
  const op = combiner(kind, elementType);
  let r = acc;
  for (let i = 0; i < count; i++) {
    if (!on(i)) continue;
    const e = get(i);
    r = r === undefined ? e : op(r, e);
  }
  return r ?? neutralElement(kind, elementType);
}

// ---- contract -------------------------------------------------------------------------------------------------------

function contract(op: ContractionOp, args: readonly RuntimeValue[]): RuntimeValue {
  const [l, r, acc, lm, rm] = args;
  const lhs = asVector(l);
  const rhs = asVector(r);
  const [lhsMap, rhsMap, accMap] = contractMaps(op) as [AffineMap, AffineMap, AffineMap];
  const iterators = contractIterators(op);
  const extents = new Array<number>(iterators.length).fill(1);
  for (const [v, map] of [[lhs, lhsMap], [rhs, rhsMap]] as const) {
    map.results.forEach((e, i) => {
      if (e instanceof AffineDimExpr) extents[e.position] = v.shape[i] as number;
    });
  }
  const kind = combiningKindOf(op.kind);
  const elementType = elementTypeOf(op.result.type);
  const combine = combiner(kind, elementType);
  const mul = combiner("mul", elementType);
  const par = iterators.map((t, d) => (t === "parallel" ? d : -1)).filter((d) => d >= 0);
  const red = iterators.map((t, d) => (t === "reduction" ? d : -1)).filter((d) => d >= 0);
  const lhsStrides = stridesOf(lhs.shape);
  const rhsStrides = stridesOf(rhs.shape);
  const pick = (map: AffineMap, point: readonly number[]) => map.results.map((e) => point[(e as AffineDimExpr).position] as number);
  const lhsMask = lm === undefined ? undefined : asVector(lm);
  const rhsMask = rm === undefined ? undefined : asVector(rm);
  const accVector = acc?.kind === "shaped" ? acc : undefined;
  const accStrides = accVector === undefined ? [] : stridesOf(accVector.shape);
  const resultType = op.result.type;
  const out = resultType instanceof VectorType ? bufferFor(resultType) : undefined;
  const parShape = par.map((d) => extents[d] as number);
  const redShape = red.map((d) => extents[d] as number);
  const parCount = parShape.reduce((a, b) => a * b, 1);
  const redCount = redShape.reduce((a, b) => a * b, 1);
  const point = new Array<number>(iterators.length).fill(0);
  let scalar: Element | undefined;
  for (let p = 0; p < parCount; p++) {
    unflatten(p, parShape).forEach((x, k) => (point[par[k] as number] = x));
    const accIndex = pick(accMap, point);
    let r = accVector === undefined ? scalarElement(acc) : accVector.elements.get(flatIndex(accIndex, accStrides));
    for (let q = 0; q < redCount; q++) {
      unflatten(q, redShape).forEach((x, k) => (point[red[k] as number] = x));
      const li = flatIndex(pick(lhsMap, point), lhsStrides);
      const ri = flatIndex(pick(rhsMap, point), rhsStrides);
      if (!laneOn(lhsMask, li) || !laneOn(rhsMask, ri)) continue;
      r = combine(r, mul(lhs.elements.get(li), rhs.elements.get(ri)));
    }
    if (out !== undefined) out.set(flatIndex(accIndex, stridesOf((resultType as VectorType).shape)), r);
    else scalar = r;
  }
  return out !== undefined ? vectorResult(resultType, out) : scalarResult(resultType, scalar as Element);
}

// ---- print ----------------------------------------------------------------------------------------------------------

/** C's `printf("%g", x)`. */
export function formatG(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  // %g: 6 significant digits; scientific when the exponent (after rounding) is < -4 or >= 6.
  const [mantissa, e] = x.toExponential(5).split("e") as [string, string];
  const e10 = Number(e);
  const strip = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (e10 < -4 || e10 >= 6) return `${strip(mantissa)}e${e10 < 0 ? "-" : "+"}${String(Math.abs(e10)).padStart(2, "0")}`;
  return strip(x.toFixed(Math.max(0, 5 - e10)));
}

/** One element as MLIR 16's vector.print lowering prints it. */
function formatElement(e: Element, t: Type): string {
  if (isIntLikeType(t)) {
    const n = intElementWidth(t);
    const unsigned = t instanceof IndexType || n === 1 || (t instanceof IntegerType && t.signedness === "unsigned");
    return (unsigned ? BigInt.asUintN(n, e as bigint) : BigInt.asIntN(n, e as bigint)).toString();
  }
  const x = floatNumber(e as FloatElement);
  if (isNaNElement(e as FloatElement)) return "nan";
  return formatG(x);
}

function formatValue(v: RuntimeValue, t: Type): string {
  if (v.kind === "int" || v.kind === "float") return formatElement(v.value, t);
  if (v.kind !== "shaped") return unsupported(`vector.print of a ${v.kind}`);
  const et = elementTypeOf(t);
  const rec = (depth: number, start: number): string => {
    if (depth === v.shape.length) return formatElement(v.elements.get(start), et);
    const n = v.shape[depth] as number;
    const stride = v.shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(rec(depth + 1, start + i * stride));
    return `( ${parts.join(", ")} )`;
  };
  return rec(0, 0);
}

// ---- semantics ------------------------------------------------------------------------------------------------------

export const computeInterpretations: readonly InterpretationEntry[] = [
  interpretation(ContractionOp, (op, args) => [contract(op, args)]),

  interpretation(ReductionOp, (op, [v, acc], ctx) => {
    const vec = asVector(v);
    const mask = activeMask(op, ctx)?.mask;
    const r = reduce(combiningKindOf(op.kind), op.dest.type, vec.elements.length, (i) => vec.elements.get(i), (i) => laneOn(mask, i), acc === undefined ? undefined : scalarElement(acc));
    return [scalarResult(op.dest.type, r)];
  }),

  interpretation(MultiDimReductionOp, (op, [v, acc], ctx) => {
    const src = asVector(v);
    const dims = new Set(i64sOf(op.reduction_dims));
    const mask = activeMask(op, ctx)?.mask;
    const kind = combiningKindOf(op.kind);
    const et = elementTypeOf(op.source.type);
    const keptShape = src.shape.filter((_, d) => !dims.has(d));
    const redShape = src.shape.filter((_, d) => dims.has(d));
    const srcStrides = stridesOf(src.shape);
    const keptCount = keptShape.reduce((a, b) => a * b, 1);
    const redCount = redShape.reduce((a, b) => a * b, 1);
    const results: Element[] = [];
    for (let k = 0; k < keptCount; k++) {
      const keptIdx = unflatten(k, keptShape);
      const position = (q: number) => {
        const redIdx = unflatten(q, redShape);
        let ki = 0;
        let ri = 0;
        return flatIndex(src.shape.map((_, d) => (dims.has(d) ? (redIdx[ri++] as number) : (keptIdx[ki++] as number))), srcStrides);
      };
      const a = acc?.kind === "shaped" ? acc.elements.get(k) : scalarElement(acc);
      results.push(reduce(kind, et, redCount, (q) => src.elements.get(position(q)), (q) => laneOn(mask, position(q)), a));
    }
    const dest = op.dest.type;
    if (!(dest instanceof VectorType)) return [scalarResult(dest, results[0] as Element)];
    const out = bufferFor(dest);
    results.forEach((e, i) => out.set(i, e));
    return [vectorResult(dest, out)];
  }),

  interpretation(OuterProductOp, (op, [l, r, acc]) => {
    const lhs = asVector(l);
    const kind = combiningKindOf(op.kind);
    const type = op.result.type;
    const et = elementTypeOf(type);
    const mul = combiner("mul", et);
    const combine = combiner(kind, et);
    const accVec = acc === undefined ? undefined : asVector(acc);
    const fused = kind === "add" && accVec !== undefined && !isIntLikeType(et);
    const out = bufferFor(type);
    const n = r?.kind === "shaped" ? (r.shape[0] as number) : 1;
    for (let i = 0; i < (lhs.shape[0] as number); i++) {
      for (let j = 0; j < n; j++) {
        const b = r?.kind === "shaped" ? r.elements.get(j) : scalarElement(r);
        const a = lhs.elements.get(i);
        const at = i * n + j;
        if (accVec === undefined) out.set(at, mul(a, b));
        else if (fused) out.set(at, F.fmaF(floatElementKind(et), a as FloatElement, b as FloatElement, accVec.elements.get(at) as FloatElement));
        else out.set(at, combine(mul(a, b), accVec.elements.get(at)));
      }
    }
    return [vectorResult(type, out)];
  }),

  interpretation(ScanOp, (op, [s, init]) => {
    const src = asVector(s);
    const initial = asVector(init);
    const dim = Number(op.reduction_dim.value);
    const inclusive = op.inclusive.value !== 0n;
    const combine = combiner(combiningKindOf(op.kind), elementTypeOf(op.source.type));
    const shape = src.shape;
    const strides = stridesOf(shape);
    const outerShape = shape.filter((_, d) => d !== dim);
    const out = src.elements.empty(src.elements.length);
    const acc = initial.elements.clone();
    const n = shape[dim] as number;
    const count = outerShape.reduce((a, b) => a * b, 1);
    for (let k = 0; k < count; k++) {
      const outer = unflatten(k, outerShape);
      const at = (i: number) => flatIndex([...outer.slice(0, dim), i, ...outer.slice(dim)], strides);
      let last: Element | undefined;
      for (let i = 0; i < n; i++) {
        const value =
          i === 0 ? (inclusive ? src.elements.get(at(0)) : initial.elements.get(k)) : combine(last as Element, src.elements.get(at(inclusive ? i : i - 1)));
        out.set(at(i), value);
        last = value;
      }
      acc.set(k, last as Element);
    }
    return [vectorResult(op.dest.type, out), vectorResult(op.accumulated_value.type, acc)];
  }),

  interpretation(MatmulOp, (op, [a, b]) => {
    const lhs = asVector(a);
    const rhs = asVector(b);
    const m = Number(op.lhs_rows.value);
    const k = Number(op.lhs_columns.value);
    const n = Number(op.rhs_columns.value);
    const et = elementTypeOf(op.res.type);
    const add = combiner("add", et);
    const mul = combiner("mul", et);
    const out = bufferFor(op.res.type);
    if (lhs.elements.length < m * k || rhs.elements.length < k * n || out.length < m * n) {
      return unsupported(`matrix_multiply of ${m}x${k} by ${k}x${n} on vectors too short for them`);
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc: Element | undefined;
        for (let p = 0; p < k; p++) {
          const prod = mul(lhs.elements.get(i * k + p), rhs.elements.get(p * n + j));
          acc = acc === undefined ? prod : add(acc, prod);
        }
        out.set(i * n + j, acc ?? 0n);
      }
    }
    return [vectorResult(op.res.type, out)];
  }),

  interpretation(FlatTransposeOp, (op, [v]) => {
    const src = asVector(v);
    const rows = Number(op.rows.value);
    const cols = Number(op.columns.value);
    if (src.elements.length < rows * cols) return unsupported(`flat_transpose of a ${rows}x${cols} matrix on a vector of ${src.elements.length}`);
    const out = bufferFor(op.res.type);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.set(c * rows + r, src.elements.get(r * cols + c));
    return [vectorResult(op.res.type, out)];
  }),

  interpretation(ConstantMaskOp, (op) => {
    const type = op.result.type;
    const sizes = i64sOf(op.mask_dim_sizes);
    return [maskValue(type, type.rank === 0 ? [] : sizes, type.rank === 0 ? sizes[0] === 1 : true)];
  }),

  interpretation(CreateMaskOp, (op, args) => {
    const type = op.result.type;
    const bounds = args.map(indexOf);
    return [maskValue(type, type.rank === 0 ? [] : bounds, type.rank === 0 ? (bounds[0] ?? 0) > 0 : true)];
  }),

  interpretation(MaskOp, (op, [mask, passthru], ctx) => {
    const masked = op.maskRegion.entry?.first;
    if (masked === undefined) return unsupported("vector.mask without a masked op");
    const stack = maskStack(ctx);
    stack.push({ op: masked, mask: asVector(mask), passthru });
    try {
      return ctx.runRegion(op.maskRegion, []);
    } finally {
      stack.pop();
    }
  }),

  interpretation(YieldOp, (_op, args, ctx) => ctx.exit(args)),

  interpretation(WarpExecuteOnLane0Op, (op, [, ...args], ctx) => {
    const block = op.warpRegion.entry;
    if (block === undefined) return [];
    const yieldOp = block.last;
    const distributed =
      block.args.some((a, i) => a.type !== op.args[i]?.type) || op.outs.some((r, i) => r.type !== yieldOp?.getOperand(i).type);
    if (distributed) return unsupported("warp_execute_on_lane_0 with distributed values needs every lane of the warp");
    return ctx.runRegion(op.warpRegion, args);
  }),

  interpretation(PrintOp, (op, [v], ctx) => {
    ctx.print(`${formatValue(v as RuntimeValue, op.source.type)}\n`);
    return [];
  }),

  interpretation(VectorScaleOp, () => [intValue(index, 1)]),
];

/** A mask of `type` whose lane [i, ...] is set when every i[d] < bounds[d] (and `on`). */
function maskValue(type: VectorType, bounds: readonly number[], on: boolean): ShapedValue {
  const out: ElementBuffer = newBuffer(elementTypeOf(type), type.shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < out.length; i++) {
    const idx = unflatten(i, type.shape);
    out.set(i, on && idx.every((x, d) => x < (bounds[d] as number)) ? -1n : 0n);
  }
  return vectorResult(type, out);
}
