/**
 * Interpreter semantics of the affine dialect: maps are evaluated on the index operands (src/ir's
 * evaluateAffineExpr: floordiv, ceildiv and mod round as MLIR defines them); loops run their body once per
 * iteration from max(lower bounds) to below min(upper bounds); affine.if tests its integer set.
 */
import type { InterpContext, InterpretationEntry } from "../../src/interp/registry.ts";
import { interpretation } from "../../src/interp/registry.ts";
import { intValue, type RuntimeValue } from "../../src/interp/values.ts";
import { type AffineMap, evaluateAffineExpr } from "../../src/ir/affine.ts";
import type { IntegerSet } from "../../src/ir/integer-set.ts";
import { IndexType } from "../../src/ir/types.ts";
import { AffineApplyOp, AffineDelinearizeIndexOp, AffineMaxOp, AffineMinOp } from "./apply.ts";
import { AffineForOp, AffineIfOp, AffineYieldOp, ifCondition, lowerBoundOperands } from "./for.ts";
import { AffineLoadOp, AffinePrefetchOp, AffineStoreOp, AffineVectorLoadOp, AffineVectorStoreOp } from "./memory.ts";
import { forEachIndex, loadElement, type MemRefValue, storeElement } from "../../src/interp/memref.ts";
import { bufferOf } from "../../src/interp/buffer.ts";
import { type Element, isScalarType, normalizeElement, scalarValue, shapedFromBuffer, type ScalarType } from "../../src/interp/values.ts";

const index = IndexType.get();

/** The index operands as numbers (affine values are machine integers; MLIR's index is 64-bit). */
function indexNumbers(args: readonly RuntimeValue[], ctx: InterpContext): number[] {
  return args.map((v, i) => {
    if (v.kind !== "int") return ctx.fail("invalid-ir", `affine operand #${i} is not an index value`);
    const n = Number(v.value);
    if (!Number.isSafeInteger(n)) return ctx.fail("unsupported", `affine operand #${i} (${v.value}) is beyond the exactly representable range`);
    return n;
  });
}

/** Every result of `map` on `operands` (dims first, then symbols). */
export function evaluateMap(map: AffineMap, operands: readonly number[], ctx: InterpContext): number[] {
  const dims = operands.slice(0, map.numDims);
  const symbols = operands.slice(map.numDims);
  return evaluating(ctx, () => map.results.map((e) => evaluateAffineExpr(e, dims, symbols)));
}

/**
 * Runs an evaluation of affine expressions: a division or modulo by a non-positive value known only at run time
 * is undefined behaviour (the lowered code divides by it); leaving the exactly representable range is not
 * supported (index arithmetic would wrap at 64 bits).
 */
function evaluating<T>(ctx: InterpContext, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return ctx.fail(/overflow/.test(e.message) ? "unsupported" : "undefined-behavior", e.message);
  }
}

/** Whether the point satisfies every constraint of `set`. */
export function inSet(set: IntegerSet, operands: readonly number[], ctx: InterpContext): boolean {
  const dims = operands.slice(0, set.numDims);
  const symbols = operands.slice(set.numDims);
  return evaluating(ctx, () =>
    set.constraints.every((c, i) => {
      const v = evaluateAffineExpr(c, dims, symbols);
      return set.eqFlags[i] === true ? v === 0 : v >= 0;
    }),
  );
}

const indexValue = (n: number): RuntimeValue => intValue(index, BigInt(n));

export const affineInterpretations: readonly InterpretationEntry[] = [
  interpretation(AffineYieldOp, (_op, args, ctx) => ctx.exit(args)),

  interpretation(AffineApplyOp, (op, args, ctx) => evaluateMap(op.map.map, indexNumbers(args, ctx), ctx).map(indexValue)),
  interpretation(AffineMinOp, (op, args, ctx) => [indexValue(Math.min(...evaluateMap(op.map.map, indexNumbers(args, ctx), ctx)))]),
  interpretation(AffineMaxOp, (op, args, ctx) => [indexValue(Math.max(...evaluateMap(op.map.map, indexNumbers(args, ctx), ctx)))]),

  interpretation(AffineDelinearizeIndexOp, (op, args, ctx) => {
    // The last basis element varies fastest: x = ((i0 * b1 + i1) * b2 + i2).
    const [linear, ...basis] = args.map((v) => (v.kind === "int" ? v.value : ctx.fail("invalid-ir", "delinearize_index takes index values")));
    let rest = linear as bigint;
    const out: bigint[] = [];
    for (let i = basis.length - 1; i >= 0; i--) {
      const b = basis[i] as bigint;
      if (b === 0n) ctx.fail("undefined-behavior", "delinearize_index by a basis element of 0");
      // floordiv / mod as the lowering computes them for non-negative indices.
      const q = rest / b;
      out.unshift(i === 0 ? rest : rest - q * b);
      rest = q;
    }
    return out.map((v) => intValue(index, v));
  }),

  interpretation(AffineForOp, (op, args, ctx) => {
    const nums = (vs: readonly RuntimeValue[]) => indexNumbers(vs, ctx);
    const lbOperands = lowerBoundOperands(op).length;
    const ubOperands = op.upper_bound.map.numDims + op.upper_bound.map.numSymbols;
    const lb = Math.max(...evaluateMap(op.lower_bound.map, nums(args.slice(0, lbOperands)), ctx));
    const ub = Math.min(...evaluateMap(op.upper_bound.map, nums(args.slice(lbOperands, lbOperands + ubOperands)), ctx));
    const step = Number(op.step.value);
    let carried = args.slice(lbOperands + ubOperands);
    for (let i = lb; i < ub; i += step) carried = ctx.runRegion(op.region, [indexValue(i), ...carried]);
    return carried;
  }),

  interpretation(AffineLoadOp, (op, args, ctx) => {
    const m = memrefArg(args[0], ctx);
    const at = evaluateMap(op.map.map, indexNumbers(args.slice(1), ctx), ctx);
    return [scalarValue(elementTypeOf(m, ctx), loadElement(m, at))];
  }),

  interpretation(AffineStoreOp, (op, args, ctx) => {
    const m = memrefArg(args[1], ctx);
    const v = args[0];
    if (v?.kind !== "int" && v?.kind !== "float") return ctx.fail("invalid-ir", "affine.store stores a scalar");
    storeElement(m, evaluateMap(op.map.map, indexNumbers(args.slice(2), ctx), ctx), normalizeElement(elementTypeOf(m, ctx), v.value));
    return [];
  }),

  interpretation(AffineVectorLoadOp, (op, args, ctx) => {
    const m = memrefArg(args[0], ctx);
    const start = evaluateMap(op.map.map, indexNumbers(args.slice(1), ctx), ctx);
    const type = op.result.type;
    const elements: Element[] = [];
    forEachIndex(type.shape, (lane) => elements.push(loadElement(m, vectorElementIndex(start, lane))));
    return [shapedFromBuffer(type, bufferOf(elementTypeOf(m, ctx), elements), type.shape)];
  }),

  interpretation(AffineVectorStoreOp, (op, args, ctx) => {
    const m = memrefArg(args[1], ctx);
    const v = args[0];
    if (v?.kind !== "shaped") return ctx.fail("invalid-ir", "affine.vector_store stores a vector");
    const start = evaluateMap(op.map.map, indexNumbers(args.slice(2), ctx), ctx);
    forEachIndex(v.shape, (lane, flat) => storeElement(m, vectorElementIndex(start, lane), v.elements.get(flat)));
    return [];
  }),

  // A hint: no effect on what the program computes (the address need not even be in bounds).
  interpretation(AffinePrefetchOp, () => []),

  interpretation(AffineIfOp, (op, args, ctx) => {
    const taken = inSet(ifCondition(op).set, indexNumbers(args, ctx), ctx) ? op.thenRegion : op.elseRegion;
    return taken.isEmpty ? [] : ctx.runRegion(taken, []);
  }),
];

function memrefArg(v: RuntimeValue | undefined, ctx: InterpContext): MemRefValue {
  if (v?.kind !== "memref") return ctx.fail("invalid-ir", "expected a memref operand");
  return v;
}

function elementTypeOf(m: MemRefValue, ctx: InterpContext): ScalarType {
  const t = m.elementType;
  return isScalarType(t) ? t : ctx.fail("unsupported", "memrefs of non-scalar elements");
}

/**
 * The memref element a vector lane reads or writes: a vector covers the memref's trailing dimensions from the
 * subscripts on (MLIR's vector.load, which affine.vector_load lowers to).
 */
function vectorElementIndex(start: readonly number[], lane: readonly number[]): number[] {
  const out = [...start];
  const offset = start.length - lane.length;
  lane.forEach((j, k) => (out[offset + k] = (out[offset + k] as number) + j));
  return out;
}

