/**
 * `convert-linalg-to-loops`, `convert-linalg-to-affine-loops`, `convert-linalg-to-parallel-loops` (MLIR 16's
 * Linalg/Transforms/Loops.cpp): every structured op on buffers (generic, the short forms, every named op through
 * LinalgStructuredInterface) becomes the loop nest it stands for. Each loop runs from 0 to the size of the first
 * operand dimension its index is, step 1; the body loads each shaped input and each init at the point its indexing
 * map gives (one `affine.apply` per non-trivial map result), runs a copy of the payload with `linalg.index` replaced
 * by the induction variables, and stores what the payload yields into the inits. The pass then folds the applies and
 * dims it made and erases the loads nobody reads, as MLIR's greedy driver does.
 *
 * Ops on tensors have no loops here (MLIR 16 asserts): the pass fails naming the op; bufferize first.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { error, note } from "../../src/diag/diagnostic.ts";
import { AffineDimExpr, affineConstant, affineSymbol } from "../../src/ir/affine-expr.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { AffineMapAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { IRMapping, type Operation, Region } from "../../src/ir/operation.ts";
import { DYNAMIC, IndexType, MemRefType, RankedTensorType, UnrankedTensorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { destinationStyle } from "../../src/interfaces/destination-style.ts";
import { definePass, type PassDef } from "../../src/pass/pass.ts";
import { applyPatternsGreedily } from "../../src/rewrite/greedy.ts";
import { type Pattern, type PatternRewriter, rewriteAny } from "../../src/rewrite/pattern.ts";
import { AffineApplyOp, AffineForOp, AffineLoadOp, AffineStoreOp, AffineYieldOp } from "../../dialects/affine/index.ts";
import { constantInt } from "../../dialects/arith/index.ts";
import { IndexOp, linalgOp, type LinalgStructuredMethods } from "../../dialects/linalg/index.ts";
import { DimOp, LoadOp, StoreOp } from "../../dialects/memref/index.ts";
import { ForOp, ParallelOp, YieldOp } from "../../dialects/scf/index.ts";
import type { InterfaceView } from "../../src/ir/interfaces.ts";
import { canonicalizeMapAndOperands } from "../affine/map-operands.ts";
import { simplifyApply } from "../affine/canonicalize.ts";
import { dimOfReshape } from "../memref/canonicalize.ts";

/** Which loops a structured op becomes. */
export type LoopKind = "scf.for" | "affine.for" | "scf.parallel";

const index = IndexType.get();
/** An index value: a loop bound or induction variable. */
type Idx = Value<IndexType>;

/** A loop's upper bound: a static size, or the value of a dynamic one (a `memref.dim`). */
type Bound = number | Idx;

/**
 * Whether every operand is a buffer or a scalar (MLIR's hasBufferSemantics): only such ops have loops here.
 */
function hasBufferSemantics(op: Operation): boolean {
  return op.operands.every((v) => !(v.type instanceof RankedTensorType || v.type instanceof UnrankedTensorType));
}

/**
 * The loop ranges (MLIR's createLoopRanges): each operand dimension, in operand order, as a static size or a
 * `memref.dim` made before the loops; loop `d` takes the first dimension whose map result is exactly `d`.
 */
function loopBounds(op: Operation, view: InterfaceView<LinalgStructuredMethods>, rw: PatternRewriter): Bound[] | undefined {
  const maps = view.getIndexingMaps();
  const loops = view.getIteratorTypes().length;
  const bounds: (Bound | undefined)[] = new Array(loops).fill(undefined);
  op.opOperands.forEach((operand, i) => {
    const type = operand.value.type;
    if (!(type instanceof MemRefType)) return;
    const sizes: Bound[] = type.shape.map((size, dim) => {
      if (size !== DYNAMIC) return size;
      const at = constantInt(rw, index, dim);
      return rw.create(DimOp, { source: operand.value as Value<MemRefType>, index: at, result: index }).result;
    });
    (maps[i] as AffineMap).results.forEach((e, r) => {
      if (e instanceof AffineDimExpr && bounds[e.position] === undefined) bounds[e.position] = sizes[r];
    });
  });
  return bounds.every((b) => b !== undefined) ? (bounds as Bound[]) : undefined;
}

const boundValue = (rw: PatternRewriter, b: Bound): Idx => (typeof b === "number" ? constantInt(rw, index, b) : b);

/** Builds the loops of one kind around `body`, which gets the induction variables (outer to inner). */
function buildLoops(rw: PatternRewriter, kind: LoopKind, bounds: readonly Bound[], parallel: readonly boolean[], body: (ivs: readonly Idx[]) => void): void {
  if (kind === "affine.for") {
    const nest = (d: number, ivs: readonly Idx[]): void => {
      if (d === bounds.length) return body(ivs);
      const b = bounds[d] as Bound;
      const upper = typeof b === "number" ? AffineMap.constant(b) : AffineMap.get(0, 1, [affineSymbol(0)]);
      const region = new Region();
      rw.create(AffineForOp, {
        operands_: typeof b === "number" ? [] : [b],
        lower_bound: AffineMapAttr.get(AffineMap.get(0, 0, [affineConstant(0)])),
        upper_bound: AffineMapAttr.get(upper),
        step: IntegerAttr.get(index, 1n),
        values: [],
        region,
      });
      const block = rw.createBlock(region, [index]);
      const terminator = rw.create(AffineYieldOp, { values: [] });
      rw.setInsertionPointBefore(terminator);
      nest(d + 1, [...ivs, block.arg(0) as Idx]);
    };
    return nest(0, []);
  }
  // MLIR's unpackRanges: lower bound, upper bound and step of every loop, as values, before the loops.
  const ranges = bounds.map((b) => ({ lb: constantInt(rw, index, 0), ub: boundValue(rw, b), step: constantInt(rw, index, 1) }));
  const forLoop = (d: number, inner: (iv: Idx) => void): void => {
    const r = ranges[d] as (typeof ranges)[number];
    const region = new Region();
    rw.create(ForOp, { lowerBound: r.lb, upperBound: r.ub, step: r.step, initArgs: [], values: [], region });
    const block = rw.createBlock(region, [index]);
    const terminator = rw.create(YieldOp, { values: [] });
    rw.setInsertionPointBefore(terminator);
    inner(block.arg(0) as Idx);
  };
  const nest = (d: number, ivs: readonly Idx[]): void => {
    if (d === bounds.length) return body(ivs);
    if (kind === "scf.for" || parallel[d] !== true) return forLoop(d, (iv) => nest(d + 1, [...ivs, iv]));
    // MLIR's generateParallelLoopNest: the leading parallel loops make one scf.parallel.
    let end = d;
    while (end < bounds.length && parallel[end] === true) end++;
    const group = ranges.slice(d, end);
    const region = new Region();
    rw.create(ParallelOp, {
      lowerBound: group.map((r) => r.lb),
      upperBound: group.map((r) => r.ub),
      step: group.map((r) => r.step),
      initVals: [],
      values: [],
      region,
    });
    const block = rw.createBlock(region, group.map(() => index));
    const terminator = rw.create(YieldOp, { values: [] });
    rw.setInsertionPointBefore(terminator);
    nest(end, [...ivs, ...(block.args as readonly Idx[])]);
  };
  nest(0, []);
}

/**
 * One `affine.apply` per result of `map` at the induction variables (MLIR's makeCanonicalAffineApplies); the
 * pass's folding turns an apply of a lone loop index into that index.
 */
function applies(rw: PatternRewriter, map: AffineMap, ivs: readonly Idx[]): Idx[] {
  return map.results.map((e) => {
    const canonical = canonicalizeMapAndOperands({ map: AffineMap.get(map.numDims, map.numSymbols, [e]), operands: ivs });
    return rw.create(AffineApplyOp, { mapOperands: canonical.operands as Idx[], map: AffineMapAttr.get(canonical.map), result: index }).result;
  });
}

/** The loop body (MLIR's emitScalarImplementation): loads, the payload, stores. */
function emitBody(rw: PatternRewriter, op: Operation, view: InterfaceView<LinalgStructuredMethods>, kind: LoopKind, ivs: readonly Idx[]): void {
  const maps = view.getIndexingMaps();
  const dps = destinationStyle(op);
  const load = (memref: Value, indices: readonly Idx[]): Value =>
    kind === "affine.for"
      ? rw.create(AffineLoadOp, { memref: memref as Value<MemRefType>, indices: [...indices], map: AffineMapAttr.get(AffineMap.identity(indices.length)), result: (memref.type as MemRefType).elementType }).getResult(0)
      : rw.create(LoadOp, { memref: memref as Value<MemRefType>, indices: [...indices], result: (memref.type as MemRefType).elementType }).getResult(0);
  const values: Value[] = [];
  for (const input of dps.getDpsInputOperands()) {
    if (!(input.value.type instanceof MemRefType)) values.push(input.value);
    else values.push(load(input.value, applies(rw, maps[input.index] as AffineMap, ivs)));
  }
  const inits = dps.getDpsInitOperands();
  for (const init of inits) values.push(load(init.value, applies(rw, maps[init.index] as AffineMap, ivs)));
  const storeAt = inits.map((init) => applies(rw, maps[init.index] as AffineMap, ivs));

  const payload = op.regions[0]?.blocks[0];
  if (payload === undefined) return;
  const mapping = new IRMapping();
  // Block arguments take the loaded values in order (linalg.map's block has none for its init).
  payload.args.forEach((arg, i) => mapping.map(arg, values[i] as Value));
  for (const inner of payload.ops()) {
    if (inner === payload.last) break;
    if (inner instanceof IndexOp) {
      mapping.map(inner.result, ivs[Number(inner.dim.value)] as Value);
      continue;
    }
    const copy = inner.clone(mapping);
    // linalg.index nested in the payload's regions reads the loop indices too.
    copy.walk((nested) => {
      if (nested instanceof IndexOp) {
        nested.result.replaceAllUsesWith(ivs[Number(nested.dim.value)] as Value);
        nested.erase();
      }
    });
    rw.insert(copy);
  }
  payload.last?.operands.forEach((yielded, i) => {
    const init = inits[i];
    if (init === undefined || !(init.value.type instanceof MemRefType)) return;
    const value = mapping.lookupOr(yielded);
    const indices = storeAt[i] as Idx[];
    if (kind === "affine.for") {
      rw.create(AffineStoreOp, { value, memref: init.value as Value<MemRefType>, indices, map: AffineMapAttr.get(AffineMap.identity(indices.length)) });
    } else rw.create(StoreOp, { value, memref: init.value as Value<MemRefType>, indices });
  });
}

function loweringPattern(kind: LoopKind, name: string): Pattern {
  return rewriteAny({
    name,
    apply(op, rw) {
      const view = linalgOp(op);
      if (view === undefined) return rw.fail("not a structured op");
      if (!hasBufferSemantics(op)) return rw.fail("the op has tensor semantics");
      rw.setInsertionPointBefore(op);
      const bounds = loopBounds(op, view, rw);
      if (bounds === undefined) return rw.fail("some loop indexes no operand dimension directly");
      const parallel = view.getIteratorTypes().map((t) => t === "parallel");
      buildLoops(rw, kind, bounds, parallel, (ivs) => emitBody(rw, op, view, kind, ivs));
      rw.eraseOp(op);
      return rw.done();
    },
  });
}

/**
 * A structured op on buffers as a nest of scf.for.
 *
 *   linalg.matmul ins(%a, %b : memref<4x3xf32>, memref<3x5xf32>) outs(%c : memref<4x5xf32>)
 *
 *   scf.for %i = %c0 to %c4 step %c1 {
 *     scf.for %j = %c0 to %c5 step %c1 {
 *       scf.for %k = %c0 to %c3 step %c1 {
 *         %0 = memref.load %a[%i, %k] : memref<4x3xf32>
 *         %1 = memref.load %b[%k, %j] : memref<3x5xf32>
 *         %2 = memref.load %c[%i, %j] : memref<4x5xf32>
 *         %3 = arith.mulf %0, %1 : f32
 *         %4 = arith.addf %2, %3 : f32
 *         memref.store %4, %c[%i, %j] : memref<4x5xf32>
 *       }
 *     }
 *   }
 */
export const linalgToLoops = loweringPattern("scf.for", "linalg-to-loops");

/**
 * A structured op on buffers as a nest of affine.for with affine.load/store.
 *
 *   linalg.fill ins(%x : f32) outs(%m : memref<?x8xf32>)
 *
 *   %dim = memref.dim %m, %c0 : memref<?x8xf32>
 *   affine.for %i = 0 to %dim {
 *     affine.for %j = 0 to 8 {
 *       affine.store %x, %m[%i, %j] : memref<?x8xf32>
 *     }
 *   }
 */
export const linalgToAffineLoops = loweringPattern("affine.for", "linalg-to-affine-loops");

/**
 * A structured op on buffers as scf.parallel over each run of leading parallel loops, scf.for for the others.
 *
 *   linalg.generic {indexing_maps = [(d0, d1) -> (d0, d1), (d0, d1) -> (d0)],
 *                   iterator_types = ["parallel", "reduction"]} ins(%a : memref<4x5xf32>) outs(%s : memref<4xf32>)
 *
 *   scf.parallel (%i) = (%c0) to (%c4) step (%c1) {
 *     scf.for %j = %c0 to %c5 step %c1 {
 *       %0 = memref.load %a[%i, %j] : memref<4x5xf32>
 *       %1 = memref.load %s[%i] : memref<4xf32>
 *       %2 = arith.addf %0, %1 : f32
 *       memref.store %2, %s[%i] : memref<4xf32>
 *     }
 *     scf.yield
 *   }
 */
export const linalgToParallelLoops = loweringPattern("scf.parallel", "linalg-to-parallel-loops");

function lowerPass(kind: LoopKind, spec: { name: string; displayName: string; summary: string }, pattern: Pattern): PassDef {
  return definePass({
    ...spec,
    opName: "func.func",
    description: `Rewrites every linalg structured op on buffers as the ${kind} loop nest it stands for, with loads, the payload and stores in its body.`,
    run(fn, pctx) {
      const listener = pctx.rewriteListener;
      // MLIR adds FoldAffineOp (an apply of a lone input is that input, of a constant an arith.constant): here
      // affine.apply's fold hook does both.
      const patterns = [pattern, dimOfReshape, simplifyApply];
      const r = applyPatternsGreedily(fn, patterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
      if (isLeft(r)) return left([r.left]);
      const left_: Operation[] = [];
      fn.walk((op) => {
        if (linalgOp(op) !== undefined) left_.push(op);
      });
      if (left_.length > 0) {
        return left(
          left_.map((op) =>
            error(op.loc, `'${op.name}' cannot be lowered to loops by ${spec.name}: ${hasBufferSemantics(op) ? "its loops are not given by its operand shapes" : "it has tensor semantics"}`, [
              note(op.loc, "bufferize first (one-shot-bufferize): only structured ops on memrefs become loops"),
            ]),
          ),
        );
      }
      return { changed: r.right.changed };
    },
  });
}

export const convertLinalgToLoopsPass = lowerPass(
  "scf.for",
  { name: "convert-linalg-to-loops", displayName: "LinalgLowerToLoops", summary: "Lower the operations from the linalg dialect into loops" },
  linalgToLoops,
);
export const convertLinalgToAffineLoopsPass = lowerPass(
  "affine.for",
  { name: "convert-linalg-to-affine-loops", displayName: "LinalgLowerToAffineLoops", summary: "Lower the operations from the linalg dialect into affine loops" },
  linalgToAffineLoops,
);
export const convertLinalgToParallelLoopsPass = lowerPass(
  "scf.parallel",
  { name: "convert-linalg-to-parallel-loops", displayName: "LinalgLowerToParallelLoops", summary: "Lower the operations from the linalg dialect into parallel loops" },
  linalgToParallelLoops,
);
