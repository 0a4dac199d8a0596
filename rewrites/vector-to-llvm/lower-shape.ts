/**
 * Vector-to-vector lowerings of the shape ops for `convert-vector-to-llvm` (MLIR 16's
 * populateVectorTransposeLoweringPatterns, populateVectorShapeCastLoweringPatterns, the outer-product part of
 * populateVectorContractLoweringPatterns, and populateVectorInsertExtractStridedSliceTransforms): each becomes
 * extracts and inserts (of elements, or of the rows it does not permute), shuffles of 1-D vectors, splats and
 * elementwise arith, which the llvm patterns take. Before/after IR on each pattern.
 */
import { ArrayAttr, type Attribute, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { Operation, OperationInit } from "../../src/ir/operation.ts";
import { FloatType, i64, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, convert } from "../../src/rewrite/conversion.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import * as A from "../../dialects/arith/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { intsOf } from "./convert-ops.ts";

const i64s = (xs: readonly number[]): ArrayAttr => ArrayAttr.get(xs.map((x) => IntegerAttr.get(i64, x)));

/** Builders of vector and arith ops before `at`. */
class Ops {
  constructor(
    readonly rw: PatternRewriter,
    readonly at: Operation,
  ) {}
  op(cls: { create(init: OperationInit): Operation }, operands: readonly Value[], resultTypes: readonly Type[], attributes: Record<string, Attribute> = {}): Value {
    const { rw, at } = this;
    return rw.at(InsertionPoint.before(at), () => rw.insert(cls.create({ operands, resultTypes, attributes, loc: at.loc })), at.loc).getResult(0);
  }
  zeros(type: VectorType): Value {
    return this.op(A.ConstantOp, [], [type], { value: DenseElementsAttr.splat(type, type.elementType instanceof FloatType ? 0 : 0n) });
  }
  extract(v: Value, position: readonly number[]): Value {
    const t = v.type as VectorType;
    const rest = t.shape.slice(position.length);
    return this.op(V.ExtractOp, [v], [rest.length === 0 ? t.elementType : VectorType.get(rest, t.elementType)], { position: i64s(position) });
  }
  insert(source: Value, dest: Value, position: readonly number[]): Value {
    return this.op(V.InsertOp, [source, dest], [dest.type], { position: i64s(position) });
  }
}

/** Row-major positions of every element of `shape`. */
function positions(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const d of shape) out = out.flatMap((p) => Array.from({ length: d }, (_, i) => [...p, i]));
  return out;
}

/**
 * vector.transpose -> an extract and insert per element (MLIR 16's default EltWise lowering), trailing dims
 * the permutation keeps in place moved as whole vectors.
 *
 *   Before: %t = vector.transpose %v, [1, 0] : vector<2x3xf32> to vector<3x2xf32>
 *   After:  %z = arith.constant dense<0.000000e+00> : vector<3x2xf32>
 *           %0 = vector.extract %v[0, 0] : vector<2x3xf32>     %1 = vector.insert %0, %z [0, 0] : f32 into vector<3x2xf32>
 *           %2 = vector.extract %v[0, 1] : vector<2x3xf32>     %3 = vector.insert %2, %1 [1, 0] : f32 into vector<3x2xf32>
 *           ... (six in all)
 */
const transpose = rewrite({
  name: "vector.transpose-lowering",
  root: V.TransposeOp,
  apply(op, rw) {
    const transp = intsOf(op.attr("transp"));
    let kept = transp.length;
    for (let i = transp.length - 1; i >= 0 && transp[i] === kept - 1; i--) kept--;
    const pruned = transp.slice(0, kept);
    const input = op.getOperand(0);
    const inShape = (input.type as VectorType).shape.slice(0, kept);
    const b = new Ops(rw, op);
    let acc = b.zeros(op.getResult(0).type as VectorType);
    for (const idx of positions(inShape)) acc = b.insert(b.extract(input, idx), acc, pruned.map((p) => idx[p] as number));
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * vector.shape_cast -> an extract and insert per element, in row-major order (MLIR's ShapeCastOpRewritePattern,
 * used here for every rank).
 *
 *   Before: %s = vector.shape_cast %v : vector<2x2xi32> to vector<4xi32>
 *   After:  %z = arith.constant dense<0> : vector<4xi32>
 *           %0 = vector.extract %v[0, 0] : vector<2x2xi32>   %1 = vector.insert %0, %z [0] : i32 into vector<4xi32>
 *           ... (four in all)
 */
const shapeCast = rewrite({
  name: "vector.shape_cast-lowering",
  root: V.ShapeCastOp,
  apply(op, rw) {
    const src = op.getOperand(0);
    const resType = op.getResult(0).type as VectorType;
    if (src.type === resType) {
      rw.replaceOp(op, [src]);
      return rw.done();
    }
    const b = new Ops(rw, op);
    const from = positions((src.type as VectorType).shape);
    const to = positions(resType.shape);
    let acc = b.zeros(resType);
    for (const [i, p] of from.entries()) acc = b.insert(b.extract(src, p), acc, to[i] as number[]);
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/** `a * b (+ acc)` under a combining kind, elementwise on vectors of one type (MLIR's makeArithReduction). */
function combine(b: Ops, kind: string, x: Value, acc: Value): Value {
  const t = x.type;
  const e = t instanceof VectorType ? t.elementType : t;
  const isFloat = e instanceof FloatType;
  const cls: Record<string, { create(init: OperationInit): Operation }> = isFloat
    ? { add: A.AddFOp, mul: A.MulFOp, minf: A.MinFOp, maxf: A.MaxFOp }
    : { add: A.AddIOp, mul: A.MulIOp, minsi: A.MinSIOp, maxsi: A.MaxSIOp, minui: A.MinUIOp, maxui: A.MaxUIOp, and: A.AndIOp, or: A.OrIOp, xor: A.XOrIOp };
  const c = cls[kind];
  if (c === undefined) throw new Error(`no combining op for kind ${kind}`);
  return b.op(c, [x, acc], [t]);
}

/**
 * vector.outerproduct -> per row of the result, the lhs element splatted times rhs, combined with the
 * accumulator's row (an fma for `add` on floats); an AXPY (scalar rhs) is one product.
 *
 *   Before: %o = vector.outerproduct %a, %b, %c : vector<2xf32>, vector<3xf32>
 *   After:  %z = arith.constant dense<0.000000e+00> : vector<2x3xf32>
 *           %a0 = vector.extract %a[0] : vector<2xf32>     %s0 = vector.splat %a0 : vector<3xf32>
 *           %c0 = vector.extract %c[0] : vector<2x3xf32>   %f0 = vector.fma %s0, %b, %c0 : vector<3xf32>
 *           %0 = vector.insert %f0, %z [0] : vector<3xf32> into vector<2x3xf32>      (and row 1 likewise)
 */
const outerProduct = rewrite({
  name: "vector.outerproduct-lowering",
  root: V.OuterProductOp,
  apply(op, rw) {
    const kind = V.combiningKindOf(op.kind);
    const [lhs, rhs, acc] = op.operands;
    const resType = op.getResult(0).type as VectorType;
    if (lhs === undefined || rhs === undefined) return rw.fail("missing operands");
    const isFloat = resType.elementType instanceof FloatType;
    const b = new Ops(rw, op);
    const mulAdd = (x: Value, y: Value, a: Value | undefined): Value => {
      if (a === undefined) return b.op(isFloat ? A.MulFOp : A.MulIOp, [x, y], [x.type]);
      if (kind === "add" && isFloat) return b.op(V.FMAOp, [x, y, a], [x.type]);
      return combine(b, kind, b.op(isFloat ? A.MulFOp : A.MulIOp, [x, y], [x.type]), a);
    };
    if (!(rhs.type instanceof VectorType)) {
      const splat = b.op(V.SplatOp, [rhs], [resType]);
      rw.replaceOp(op, [mulAdd(lhs, splat, acc)]);
      return rw.done();
    }
    const rowType = rhs.type;
    let result = b.zeros(resType);
    for (let d = 0; d < (resType.shape[0] as number); d++) {
      const a = b.extract(lhs, [d]);
      const s = b.op(V.SplatOp, [a], [rowType]);
      result = b.insert(mulAdd(s, rhs, acc === undefined ? undefined : b.extract(acc, [d])), result, [d]);
    }
    rw.replaceOp(op, [result]);
    return rw.done();
  },
});

/**
 * vector.extract_strided_slice: of a 1-D vector, a shuffle of it with itself; otherwise the sliced rows,
 * sliced in turn, inserted into a zero vector (MLIR's VectorExtractStridedSliceOpRewritePattern).
 *
 *   Before: %s = vector.extract_strided_slice %v {offsets = [1], sizes = [2], strides = [1]} : vector<4xf32> to vector<2xf32>
 *   After:  %s = vector.shuffle %v, %v [1, 2] : vector<4xf32>, vector<4xf32>
 */
const extractStridedSlice = convert({
  name: "vector.extract_strided_slice-lowering",
  root: V.ExtractStridedSliceOp,
  recursive: true,
  apply(op, _adaptor, rw) {
    const offsets = intsOf(op.attr("offsets"));
    const sizes = intsOf(op.attr("sizes"));
    const strides = intsOf(op.attr("strides"));
    const src = op.getOperand(0);
    const resType = op.getResult(0).type as VectorType;
    const b = new Ops(rw, op);
    const off = offsets[0] ?? 0;
    const stride = strides[0] ?? 1;
    const n = sizes[0] ?? 0;
    if (resType.rank === 1) {
      const mask = Array.from({ length: n }, (_, i) => off + i * stride);
      rw.replaceOp(op, [b.op(V.ShuffleOp, [src, src], [resType], { mask: i64s(mask) })]);
      return rw.done();
    }
    let acc = b.zeros(resType);
    for (let i = 0; i < n; i++) {
      let row = b.extract(src, [off + i * stride]);
      if (offsets.length > 1) {
        const rowType = VectorType.get(resType.shape.slice(1), resType.elementType);
        row = b.op(V.ExtractStridedSliceOp, [row], [rowType], { offsets: i64s(offsets.slice(1)), sizes: i64s(sizes.slice(1)), strides: i64s(strides.slice(1)) });
      }
      acc = b.insert(row, acc, [i]);
    }
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * vector.insert_strided_slice: into a higher-rank destination, the covered sub-vector is extracted, the slice
 * inserted into it, and it is put back; at equal ranks, each source row goes to its strided place (rows of
 * rank > 1 through a smaller insert_strided_slice into the destination's row).
 *
 *   Before: %r = vector.insert_strided_slice %s, %d {offsets = [1], strides = [1]} : vector<2xf32> into vector<4xf32>
 *   After:  %0 = vector.extract %s[0] : vector<2xf32>   %1 = vector.insert %0, %d [1] : f32 into vector<4xf32>
 *           %2 = vector.extract %s[1] : vector<2xf32>   %r = vector.insert %2, %1 [2] : f32 into vector<4xf32>
 */
const insertStridedSlice = convert({
  name: "vector.insert_strided_slice-lowering",
  root: V.InsertStridedSliceOp,
  recursive: true,
  apply(op, _adaptor, rw) {
    const offsets = intsOf(op.attr("offsets"));
    const strides = intsOf(op.attr("strides"));
    const [src, dest] = op.operands;
    if (src === undefined || dest === undefined) return rw.fail("missing operands");
    const srcType = src.type as VectorType;
    const destType = dest.type as VectorType;
    const b = new Ops(rw, op);
    const diff = destType.rank - srcType.rank;
    if (diff > 0) {
      const outer = offsets.slice(0, diff);
      const sub = b.extract(dest, outer);
      const inserted = b.op(V.InsertStridedSliceOp, [src, sub], [sub.type], { offsets: i64s(offsets.slice(diff)), strides: i64s(strides) });
      rw.replaceOp(op, [b.insert(inserted, dest, outer)]);
      return rw.done();
    }
    let acc = dest;
    for (let i = 0; i < (srcType.shape[0] as number); i++) {
      const at = (offsets[0] ?? 0) + i * (strides[0] ?? 1);
      let row = b.extract(src, [i]);
      if (srcType.rank > 1) {
        const destRow = b.extract(acc, [at]);
        row = b.op(V.InsertStridedSliceOp, [row, destRow], [destRow.type], { offsets: i64s(offsets.slice(1)), strides: i64s(strides.slice(1)) });
      }
      acc = b.insert(row, acc, [at]);
    }
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/** Shape lowerings of the greedy first phase. */
export const shapePreLoweringPatterns: readonly Pattern[] = [transpose, shapeCast, outerProduct];

/** Shape lowerings inside the conversion (as MLIR 16 adds the strided-slice transforms there). */
export const shapeInConversionPatterns: readonly ConversionPattern[] = [extractStridedSlice, insertStridedSlice];

