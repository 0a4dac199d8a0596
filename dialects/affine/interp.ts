/**
 * Interpreter semantics of the affine dialect: maps are evaluated on the index operands (src/ir's
 * evaluateAffineExpr: floordiv, ceildiv and mod round as MLIR defines them); loops run their body once per
 * iteration from max(lower bounds) to below min(upper bounds); affine.parallel runs its iterations serially
 * (first induction variable outermost), reducing each yielded value from its reduction's identity; affine.if
 * tests its integer set; a DMA completes when it starts.
 */
import type { InterpContext, InterpretationEntry } from "../../src/interp/registry.ts";
import { interpretation } from "../../src/interp/registry.ts";
import { intValue, type RuntimeValue } from "../../src/interp/values.ts";
import type { AffineExpr, AffineMap } from "../../src/ir/affine.ts";
import type { Value } from "../../src/ir/value.ts";
import type { IntegerSet } from "../../src/ir/integer-set.ts";
import { IndexType } from "../../src/ir/types.ts";
import { AffineApplyOp, AffineDelinearizeIndexOp, AffineMaxOp, AffineMinOp } from "./apply.ts";
import { AffineForOp, AffineIfOp, AffineYieldOp, ifCondition, lowerBoundOperands } from "./for.ts";
import { AffineLoadOp, AffinePrefetchOp, AffineStoreOp, AffineVectorLoadOp, AffineVectorStoreOp } from "./memory.ts";
import { affineDmaStartParts, AffineDmaStartOp, affineDmaWaitTagIndices, AffineDmaWaitOp } from "./dma.ts";
import { AffineParallelOp, boundGroups, groupedResults, parallelReductions, parallelSteps } from "./parallel.ts";
import { combineReduction, reductionIdentity } from "./reductions.ts";
import { forEachIndex, loadElement, type MemRefValue, positionOf, storeElement } from "../../src/interp/memref.ts";
import { bufferOf } from "../../src/interp/buffer.ts";
import { type Element, isScalarType, normalizeElement, scalarValue, shapedFromBuffer, type ScalarType } from "../../src/interp/values.ts";

const index = IndexType.get();

/** The index operands (affine values are `index`: 64-bit integers). */
function indexOperands(args: readonly RuntimeValue[], ctx: InterpContext): bigint[] {
  return args.map((v, i) => (v.kind === "int" ? v.value : ctx.fail("invalid-ir", `affine operand #${i} is not an index value`)));
}

/**
 * `e` on index values, computed exactly (as mathematical integers): floordiv and ceildiv round towards minus
 * and plus infinity; mod is the remainder made non-negative (for a positive divisor). A division or modulo by
 * zero is undefined behaviour. Affine expressions mean integer arithmetic: MLIR's simplifications
 * (`(d0 * 2) floordiv 2` is `d0`, reassociations) hold for exact values, so a map's value is the exact one,
 * and only a result that does not fit the 64-bit index is undefined behaviour (evaluateMap).
 */
function evaluate(e: AffineExpr, dims: readonly bigint[], symbols: readonly bigint[], ctx: InterpContext): bigint {
  switch (e.kind) {
    case "constant":
      return BigInt(e.value);
    case "dim":
      return dims[e.position] ?? ctx.fail("invalid-ir", `no value for d${e.position}`);
    case "symbol":
      return symbols[e.position] ?? ctx.fail("invalid-ir", `no value for s${e.position}`);
    default: {
      const a = evaluate(e.lhs, dims, symbols, ctx);
      const b = evaluate(e.rhs, dims, symbols, ctx);
      if (e.kind === "add") return a + b;
      if (e.kind === "mul") return a * b;
      if (b === 0n) return ctx.fail("undefined-behavior", `affine ${e.kind} by zero`);
      const q = a / b;
      const r = a % b;
      if (e.kind === "mod") return r < 0n ? r + b : r;
      const inexact = r !== 0n;
      if (e.kind === "floordiv") return inexact && r < 0n !== b < 0n ? q - 1n : q;
      return inexact && r < 0n === b < 0n ? q + 1n : q; // ceildiv
    }
  }
}

/** Every result of `map` on `operands` (dims first, then symbols). */
export function evaluateMap(map: AffineMap, operands: readonly bigint[], ctx: InterpContext): bigint[] {
  const dims = operands.slice(0, map.numDims);
  const symbols = operands.slice(map.numDims);
  return map.results.map((e) => {
    const v = evaluate(e, dims, symbols, ctx);
    return BigInt.asIntN(64, v) === v ? v : ctx.fail("undefined-behavior", `an affine map result (${v}) does not fit a 64-bit index`);
  });
}

/** Whether the point satisfies every constraint of `set`. */
export function inSet(set: IntegerSet, operands: readonly bigint[], ctx: InterpContext): boolean {
  const dims = operands.slice(0, set.numDims);
  const symbols = operands.slice(set.numDims);
  return set.constraints.every((c, i) => {
    const v = evaluate(c, dims, symbols, ctx);
    return set.eqFlags[i] === true ? v === 0n : v >= 0n;
  });
}

const minOf = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => (b < a ? b : a));
const maxOf = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => (b > a ? b : a));

const indexValue = (n: bigint): RuntimeValue => intValue(index, n);

export const affineInterpretations: readonly InterpretationEntry[] = [
  interpretation(AffineYieldOp, (_op, args, ctx) => ctx.exit(args)),

  interpretation(AffineApplyOp, (op, args, ctx) => evaluateMap(op.map.map, indexOperands(args, ctx), ctx).map(indexValue)),
  interpretation(AffineMinOp, (op, args, ctx) => [indexValue(minOf(evaluateMap(op.map.map, indexOperands(args, ctx), ctx)))]),
  interpretation(AffineMaxOp, (op, args, ctx) => [indexValue(maxOf(evaluateMap(op.map.map, indexOperands(args, ctx), ctx)))]),

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
    const lbOperands = lowerBoundOperands(op).length;
    const ubOperands = op.upper_bound.map.numDims + op.upper_bound.map.numSymbols;
    const lb = maxOf(evaluateMap(op.lower_bound.map, indexOperands(args.slice(0, lbOperands), ctx), ctx));
    const ub = minOf(evaluateMap(op.upper_bound.map, indexOperands(args.slice(lbOperands, lbOperands + ubOperands), ctx), ctx));
    const step = op.step.value;
    // MLIR 16 accepts `step 0`: such a loop that iterates never ends.
    if (step <= 0n && lb < ub) ctx.fail("undefined-behavior", `affine.for with step ${step} never ends`);
    let carried = args.slice(lbOperands + ubOperands);
    for (let i = lb; i < ub; i += step) carried = ctx.runRegion(op.region, [indexValue(i), ...carried]);
    return carried;
  }),

  interpretation(AffineParallelOp, (op, args, ctx) => {
    const lbInputs = op.lowerBoundsMap.map.numInputs;
    const bounds = (map: AffineMap, groups: readonly number[], operands: readonly RuntimeValue[], pick: (xs: readonly bigint[]) => bigint): bigint[] => {
      const values = evaluateMap(map, indexOperands(operands, ctx), ctx);
      let start = 0;
      return groupedResults(map, groups).map((g) => pick(values.slice(start, (start += g.length))));
    };
    const lbs = bounds(op.lowerBoundsMap.map, boundGroups(op.lowerBoundsGroups), args.slice(0, lbInputs), maxOf);
    const ubs = bounds(op.upperBoundsMap.map, boundGroups(op.upperBoundsGroups), args.slice(lbInputs), minOf);
    const steps = parallelSteps(op);

    const kinds = parallelReductions(op);
    const types = op.results.map((r) => r.type);
    let acc = kinds.map((k, i) => reductionIdentity(k, types[i], ctx));
    const ivs: bigint[] = [...lbs];
    // An empty band (no dims) runs its body once, as MLIR's lowering to scf.parallel does.
    const empty = lbs.some((lb, d) => lb >= (ubs[d] as bigint));
    // MLIR 16 accepts `step (0)`: a band that iterates with such a dimension never ends.
    const stuck = steps.find((st) => st <= 0n);
    if (!empty && stuck !== undefined) ctx.fail("undefined-behavior", `affine.parallel with step ${stuck} never ends`);
    while (!empty) {
      const yielded = ctx.runRegion(op.region, ivs.map(indexValue));
      acc = acc.map((a, i) => combineReduction(kinds[i] as string, a, yielded[i] as RuntimeValue, ctx));
      // The next point, last dim fastest.
      let d = ivs.length - 1;
      for (; d >= 0; d--) {
        const next = (ivs[d] as bigint) + (steps[d] as bigint);
        if (next < (ubs[d] as bigint)) {
          ivs[d] = next;
          break;
        }
        ivs[d] = lbs[d] as bigint;
      }
      if (d < 0) break;
    }
    // (Only an "assign" has no value, and only when the band did not run.)
    return acc.map((a) => a ?? ctx.fail("undefined-behavior", 'an "assign" reduction over zero iterations'));
  }),

  interpretation(AffineLoadOp, (op, args, ctx) => {
    const m = memrefArg(args[0], ctx);
    const at = positions(evaluateMap(op.map.map, indexOperands(args.slice(1), ctx), ctx));
    return [scalarValue(elementTypeOf(m, ctx), loadElement(m, at))];
  }),

  interpretation(AffineStoreOp, (op, args, ctx) => {
    const m = memrefArg(args[1], ctx);
    const v = args[0];
    if (v?.kind !== "int" && v?.kind !== "float") return ctx.fail("invalid-ir", "affine.store stores a scalar");
    storeElement(m, positions(evaluateMap(op.map.map, indexOperands(args.slice(2), ctx), ctx)), normalizeElement(elementTypeOf(m, ctx), v.value));
    return [];
  }),

  interpretation(AffineVectorLoadOp, (op, args, ctx) => {
    const m = memrefArg(args[0], ctx);
    const start = positions(evaluateMap(op.map.map, indexOperands(args.slice(1), ctx), ctx));
    const type = op.result.type;
    const elements: Element[] = [];
    forEachIndex(type.shape, (lane) => elements.push(loadElement(m, vectorElementIndex(start, lane))));
    return [shapedFromBuffer(type, bufferOf(elementTypeOf(m, ctx), elements), type.shape)];
  }),

  interpretation(AffineVectorStoreOp, (op, args, ctx) => {
    const m = memrefArg(args[1], ctx);
    const v = args[0];
    if (v?.kind !== "shaped") return ctx.fail("invalid-ir", "affine.vector_store stores a vector");
    const start = positions(evaluateMap(op.map.map, indexOperands(args.slice(2), ctx), ctx));
    forEachIndex(v.shape, (lane, flat) => storeElement(m, vectorElementIndex(start, lane), v.elements.get(flat)));
    return [];
  }),

  // A hint: no effect on what the program computes (the address need not even be in bounds).
  interpretation(AffinePrefetchOp, () => []),

  interpretation(AffineDmaStartOp, (op, args, ctx) => {
    const parts = affineDmaStartParts(op) ?? ctx.fail("invalid-ir", "affine.dma_start with too few operands for its maps");
    if (parts.stride.length > 0) ctx.fail("unsupported", "strided affine.dma_start is not supported by the interpreter");
    const at = (v: Value): RuntimeValue | undefined => args[op.operands.indexOf(v)];
    const subscripts = (map: AffineMap, indices: readonly Value[]): number[] => positions(evaluateMap(map, indexOperands(indices.map(at) as RuntimeValue[], ctx), ctx));
    const src = memrefArg(at(parts.src), ctx);
    const dst = memrefArg(at(parts.dst), ctx);
    const tag = memrefArg(at(parts.tag), ctx);
    const n = indexOperands([at(parts.numElements) as RuntimeValue], ctx)[0] as bigint;
    if (src.elementType !== dst.elementType) ctx.fail("unsupported", "a DMA between memrefs of different element types");
    if (n < 0n) ctx.fail("undefined-behavior", `a DMA of ${n} elements`);
    // The elements are contiguous in the buffers from the addressed ones on (the transfer ignores the views' shapes).
    const from = positionOf(src, subscripts(op.src_map.map, parts.srcIndices), "DMA read");
    const to = positionOf(dst, subscripts(op.dst_map.map, parts.dstIndices), "DMA write");
    const count = Number(n);
    if (from + count > src.allocation.buffer.length || to + count > dst.allocation.buffer.length) ctx.fail("undefined-behavior", `out-of-bounds DMA of ${count} elements`);
    const moved = Array.from({ length: count }, (_, i) => src.allocation.buffer.get(from + i));
    moved.forEach((e, i) => dst.allocation.buffer.set(to + i, e));
    // The transfer completes at once; the tag element records how many elements it moved until dma_wait.
    storeElement(tag, subscripts(op.tag_map.map, parts.tagIndices), tagElement(tag, n, ctx));
    return [];
  }),

  interpretation(AffineDmaWaitOp, (op, args, ctx) => {
    const tag = memrefArg(args[0], ctx);
    const indices = positions(evaluateMap(op.tag_map.map, indexOperands(args.slice(1, 1 + affineDmaWaitTagIndices(op).length), ctx), ctx));
    loadElement(tag, indices); // the tag must be live and in bounds
    storeElement(tag, indices, tagElement(tag, 0n, ctx));
    return [];
  }),

  interpretation(AffineIfOp, (op, args, ctx) => {
    const taken = inSet(ifCondition(op).set, indexOperands(args, ctx), ctx) ? op.thenRegion : op.elseRegion;
    return taken.isEmpty ? [] : ctx.runRegion(taken, []);
  }),
];

/** `n` as an element of the tag memref. */
function tagElement(tag: MemRefValue, n: bigint, ctx: InterpContext): Element {
  const t = elementTypeOf(tag, ctx);
  return normalizeElement(t, t.kind === "float" ? Number(n) : n);
}

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


/** Subscripts as numbers for the memref runtime (one beyond 2^53 is out of bounds of any buffer anyway). */
const positions = (xs: readonly bigint[]): number[] => xs.map((x) => (x > BigInt(Number.MAX_SAFE_INTEGER) || x < -BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(x)));
