/**
 * vector.contract, vector.multi_reduction and vector.scan lowered to ops the llvm patterns take, for `convert-vector-to-llvm`
 * (MLIR 16's ContractionOpLowering, its unrolling path, and populateVectorMultiReductionLoweringPatterns with
 * the default InnerParallel strategy, which MLIR 16's pass does not include). Both keep the order the dialect
 * (and Tensile's interpreter) combines in: the accumulator first, then the reduced elements in row-major order.
 *
 * Departures from MLIR 16, on purpose: every contraction goes through the unrolling path (MLIR 16 first tries its
 * Dot lowering for matmat / matvec maps, which adds the accumulator after the products, a different float
 * rounding), and every combining kind is lowered (MLIR 16 lowers `add` only). Masked contractions are not
 * lowered, as in MLIR 16. Before/after IR on each pattern.
 */
import { ArrayAttr, AffineMapAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineDimExpr, affineDim, type AffineExpr } from "../../src/ir/affine-expr.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { FloatType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type Pattern, rewrite } from "../../src/rewrite/pattern.ts";
import * as A from "../../dialects/arith/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { arithReduction } from "../vector/canonicalize.ts";
import { before } from "../arith/match.ts";
import { VecAt } from "./lower-vector.ts";

/** `map` without dim `index`: results using it dropped, later dims renumbered (MLIR's adjustMap). */
function dropDim(map: AffineMap, index: number): AffineMap {
  const results: AffineExpr[] = [];
  for (const e of map.results) {
    if (!(e instanceof AffineDimExpr)) results.push(e);
    else if (e.position !== index) results.push(e.position > index ? affineDim(e.position - 1) : e);
  }
  return AffineMap.get(map.numDims - 1, map.numSymbols, results);
}

/** The position of dim `iter` among the map's results, or -1. */
const resultIndex = (map: AffineMap, iter: number): number => map.results.findIndex((e) => e instanceof AffineDimExpr && e.position === iter);

/** `type` without dim `index` (its element type when nothing is left). */
function withoutDim(type: VectorType, index: number): Type {
  const shape = type.shape.filter((_, i) => i !== index);
  return shape.length === 0 ? type.elementType : VectorType.get(shape, type.elementType);
}

/** The slice of `v` at `pos` along dim `index` (MLIR's reshapeLoad); `v` itself for index -1. */
function sliceAlong(b: VecAt, v: Value, index: number, pos: number): Value {
  if (index < 0) return v;
  if (index === 0) return b.extract(v, [pos]);
  const type = v.type as VectorType;
  const out = withoutDim(type, index) as VectorType;
  let acc = b.zeros(out);
  for (let d = 0; d < (type.shape[0] as number); d++) acc = b.insert(sliceAlong(b, b.extract(v, [d]), index - 1, pos), acc, [d]);
  return acc;
}

/** `into` with its slice at `pos` along dim `index` replaced by `slice` (MLIR's reshapeStore). */
function storeAlong(b: VecAt, slice: Value, into: Value, index: number, pos: number): Value {
  if (index < 0) return slice;
  if (index === 0) return b.insert(slice, into, [pos]);
  const type = into.type as VectorType;
  let acc = into;
  for (let d = 0; d < (type.shape[0] as number); d++) acc = b.insert(storeAlong(b, b.extract(slice, [d]), b.extract(into, [d]), index - 1, pos), acc, [d]);
  return acc;
}

/** A contraction like `op` on other operands, maps and iterators. */
function contraction(b: VecAt, op: V.ContractionOp, lhs: Value, rhs: Value, acc: Value, maps: readonly AffineMap[], iterators: readonly V.IteratorType[], resultType: Type): Value {
  return b.op(V.ContractionOp, [lhs, rhs, acc], [resultType], {
    indexing_maps: ArrayAttr.get(maps.map((m) => AffineMapAttr.get(m))),
    iterator_types: ArrayAttr.get(iterators.map((t) => V.IteratorTypeAttr.get(t))),
    kind: op.kind,
  });
}

/** `a * b`, elementwise. */
function multiply(b: VecAt, x: Value, y: Value): Value {
  const e = (x.type as VectorType).elementType;
  return b.op(e instanceof FloatType ? A.MulFOp : A.MulIOp, [x, y], [x.type]);
}

/**
 * vector.contract, one dim at a time (MLIR 16's ContractionOpLowering without its Dot / outer-product shortcuts):
 * a parallel dim is unrolled into contractions of the slices along it, inserted into the result; when only
 * reduction dims are left, the first is unrolled with the accumulator threaded through, and a last 1-D one is
 * an elementwise product reduced onto the accumulator with vector.reduction of the contraction's kind.
 *
 *   Before: %r = vector.contract {indexing_maps = [(i, k) -> (i, k), (i, k) -> (k), (i, k) -> (i)],
 *                 iterator_types = ["parallel", "reduction"], kind = #vector.kind<add>} %a, %x, %acc
 *                 : vector<2x3xf32>, vector<3xf32> into vector<2xf32>
 *   After:  %z = arith.constant dense<0.000000e+00> : vector<2xf32>
 *           %a0 = vector.extract %a[0] : vector<2x3xf32>    %c0 = vector.extract %acc[0] : vector<2xf32>
 *           %p0 = arith.mulf %a0, %x : vector<3xf32>
 *           %s0 = vector.reduction <add>, %p0, %c0 : vector<3xf32> into f32
 *           %r0 = vector.insert %s0, %z [0] : f32 into vector<2xf32>        (row 1 likewise)
 */
export const contractLowering = rewrite({
  name: "vector.contract-lowering",
  root: V.ContractionOp,
  apply(op, rw) {
    if (op.masks.length > 0) return rw.fail("masked contractions are not lowered (as in MLIR 16)");
    const lhsType = op.lhs.type;
    const rhsType = op.rhs.type;
    const accElement = op.acc.type instanceof VectorType ? op.acc.type.elementType : op.acc.type;
    if (lhsType.elementType !== accElement || rhsType.elementType !== accElement) return rw.fail("mixed element types are not lowered (as in MLIR 16)");
    const maps = V.contractMaps(op);
    const [lhsMap, rhsMap, accMap] = maps as [AffineMap, AffineMap, AffineMap];
    const iterators = V.contractIterators(op);
    const b = new VecAt(rw, op);
    const resultType = op.result.type;
    const parallel = iterators.findIndex((t, d) => t === "parallel" && (resultIndex(lhsMap, d) >= 0 || resultIndex(rhsMap, d) >= 0));
    if (parallel >= 0) {
      // The first parallel dim in iterator order: an operand without it is used whole.
      const [li, ri, ai] = [resultIndex(lhsMap, parallel), resultIndex(rhsMap, parallel), resultIndex(accMap, parallel)];
      if (ai < 0 || !(resultType instanceof VectorType)) return rw.fail("a parallel dim missing from the result");
      const size = li >= 0 ? (lhsType.shape[li] as number) : (rhsType.shape[ri] as number);
      const lowMaps = maps.map((m) => dropDim(m, parallel));
      const lowIterators = iterators.filter((_, d) => d !== parallel);
      const lowResult = withoutDim(resultType, ai);
      let result = b.zeros(resultType);
      for (let d = 0; d < size; d++) {
        const low = contraction(b, op, sliceAlong(b, op.lhs, li, d), sliceAlong(b, op.rhs, ri, d), sliceAlong(b, op.acc, ai, d), lowMaps, lowIterators, lowResult);
        result = storeAlong(b, low, result, ai, d);
      }
      rw.replaceOp(op, [result]);
      return rw.done();
    }
    const kind = V.combiningKindOf(op.kind);
    if (lhsType.rank === 1 && rhsType.rank === 1 && iterators.length === 1) {
      // One reduction dim left: products reduced onto the accumulator.
      const product = multiply(b, op.lhs, op.rhs);
      const reduced = b.op(V.ReductionOp, [product, op.acc], [resultType], { kind: op.kind });
      rw.replaceOp(op, [reduced]);
      return rw.done();
    }
    const red = iterators.findIndex((t) => t === "reduction");
    if (red < 0) return rw.fail(`no dim to unroll (kind ${kind})`);
    const [li, ri] = [resultIndex(lhsMap, red), resultIndex(rhsMap, red)];
    if (li < 0 || ri < 0) return rw.fail("a reduction dim missing from an operand");
    const lowMaps = maps.map((m) => dropDim(m, red));
    const lowIterators = iterators.filter((_, d) => d !== red);
    let acc: Value = op.acc;
    for (let d = 0; d < (lhsType.shape[li] as number); d++) acc = contraction(b, op, sliceAlong(b, op.lhs, li, d), sliceAlong(b, op.rhs, ri, d), acc, lowMaps, lowIterators, resultType);
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * vector.multi_reduction, inner-parallel (MLIR 16's InnerOuterDimReductionConversion, ReduceMultiDimReductionRank
 * and TwoDimMultiReductionToElementWise / OneDimMultiReductionToTwoDim): the reduced dims are transposed to the
 * front and the source flattened to `R x P`; the accumulator is combined with each of the R rows in turn
 * (elementwise arith of the kind). Reducing every dim: the flattened source reduced onto the accumulator.
 *
 *   Before: %r = vector.multi_reduction <add>, %v, %acc [0] : vector<2x3xf32> to vector<3xf32>
 *   After:  %0 = vector.extract %v[0] : vector<2x3xf32>     %1 = arith.addf %acc, %0 : vector<3xf32>
 *           %2 = vector.extract %v[1] : vector<2x3xf32>     %r = arith.addf %1, %2 : vector<3xf32>
 *
 *   Before: %r = vector.multi_reduction <mul>, %v, %acc [0, 1] : vector<2x3xi32> to i32
 *   After:  %0 = vector.shape_cast %v : vector<2x3xi32> to vector<6xi32>
 *           %r = vector.reduction <mul>, %0, %acc : vector<6xi32> into i32
 */
export const multiReductionLowering = rewrite({
  name: "vector.multi_reduction-lowering",
  root: V.MultiDimReductionOp,
  apply(op, rw) {
    const source = op.getOperand(0);
    const acc = op.getOperand(1);
    const type = source.type as VectorType;
    const reduced = V.i64sOf(op.attr("reduction_dims") as never);
    const kind = V.combiningKindOf(op.kind);
    const b = new VecAt(rw, op);
    const count = type.shape.reduce((x, y) => x * y, 1);
    if (!(op.getResult(0).type instanceof VectorType)) {
      const flat = type.rank === 1 ? source : b.op(V.ShapeCastOp, [source], [VectorType.get([count], type.elementType)]);
      rw.replaceOp(op, [b.op(V.ReductionOp, [flat, acc], [type.elementType], { kind: op.kind })]);
      return rw.done();
    }
    const kept = type.shape.map((_, i) => i).filter((i) => !reduced.includes(i));
    const perm = [...reduced, ...kept];
    const transposed = perm.every((p, i) => p === i)
      ? source
      : b.op(V.TransposeOp, [source], [VectorType.get(perm.map((p) => type.shape[p] as number), type.elementType)], { transp: V.i64Array(perm) });
    const rows = reduced.reduce((x, d) => x * (type.shape[d] as number), 1);
    const cols = count / rows;
    const resultType = op.getResult(0).type as VectorType;
    const flat = b.op(V.ShapeCastOp, [transposed], [VectorType.get([rows, cols], type.elementType)]);
    let out = resultType.rank === 1 ? acc : b.op(V.ShapeCastOp, [acc], [VectorType.get([cols], type.elementType)]);
    for (let r = 0; r < rows; r++) {
      const row = b.extract(flat, [r]);
      out = before(rw, op, () => arithReduction(rw, kind, out, row));
    }
    rw.replaceOp(op, [resultType.rank === 1 ? out : b.op(V.ShapeCastOp, [out], [resultType])]);
    return rw.done();
  },
});

/**
 * vector.scan -> the slices along the scanned dim combined in turn (MLIR 16's ScanToArithOps, which its
 * convert-vector-to-llvm does not include): inclusive, out[0] = in[0] and out[i] = out[i-1] ⊕ in[i]; exclusive,
 * out[0] = init and out[i] = out[i-1] ⊕ in[i-1]; the accumulated value is the last slice of out.
 *
 *   Before: %o, %a = vector.scan <add>, %v, %init {inclusive = true, reduction_dim = 0} : vector<2x3xi32>, vector<3xi32>
 *   After:  %z = arith.constant dense<0> : vector<2x3xi32>
 *           %0 = vector.extract %v[0] : vector<2x3xi32>      %1 = vector.insert %0, %z [0] ...
 *           %2 = vector.extract %v[1] : vector<2x3xi32>      %3 = arith.addi %0, %2 : vector<3xi32>
 *           %o = vector.insert %3, %1 [1] ...                (%a is %3)
 */
export const scanLowering = rewrite({
  name: "vector.scan-lowering",
  root: V.ScanOp,
  apply(op, rw) {
    const source = op.getOperand(0);
    const init = op.getOperand(1);
    const type = source.type as VectorType;
    const dimAttr = op.attr("reduction_dim");
    const flag = op.attr("inclusive");
    const dim = dimAttr instanceof IntegerAttr ? Number(dimAttr.value) : 0;
    const inclusive = flag instanceof IntegerAttr && flag.value !== 0n;
    const kind = V.combiningKindOf(op.kind);
    const b = new VecAt(rw, op);
    const sliceType = withoutDim(type, dim);
    // A 0-D init (scanning a 1-D vector) is read as its element.
    const initSlice = sliceType instanceof VectorType ? init : b.op(V.ExtractElementOp, [init], [sliceType]);
    let out = b.zeros(type);
    let last: Value | undefined;
    for (let i = 0; i < (type.shape[dim] as number); i++) {
      let value: Value;
      if (inclusive) {
        const x = sliceAlong(b, source, dim, i);
        value = last === undefined ? x : before(rw, op, () => arithReduction(rw, kind, last as Value, x));
      } else value = last === undefined ? initSlice : before(rw, op, () => arithReduction(rw, kind, last as Value, sliceAlong(b, source, dim, i - 1)));
      out = storeAlong(b, value, out, dim, i);
      last = value;
    }
    const accType = op.getResult(1).type;
    const acc = last as Value;
    rw.replaceOp(op, [out, accType instanceof VectorType && !(acc.type instanceof VectorType) ? b.op(V.BroadcastOp, [acc], [accType]) : acc]);
    return rw.done();
  },
});

/** The contraction, multi-reduction and scan lowerings (the greedy phase). */
export const contractLoweringPatterns: readonly Pattern[] = [contractLowering, multiReductionLowering, scanLowering];
