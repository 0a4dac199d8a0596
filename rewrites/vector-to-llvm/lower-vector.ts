/**
 * The vector-to-vector lowerings `convert-vector-to-llvm` applies on the way (MLIR 16's
 * populateVectorBroadcastLoweringPatterns, populateVectorMaskOpLoweringPatterns,
 * populateVectorMaskMaterializationPatterns and VectorFMAOpNDRewritePattern): ops the llvm patterns do not take
 * become vector and arith ops they do (splat, extract, insert, 1-D fma, a compare of a step vector). They run
 * inside the conversion: what they build is legalised in turn. Before/after IR on each pattern.
 */
import { ArrayAttr, type Attribute, DenseElementsAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, i1, i32, i64, IndexType, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { InsertionPoint } from "../../src/ir/builder.ts";
import type { OperationInit } from "../../src/ir/operation.ts";
import { type ConversionPattern, convert } from "../../src/rewrite/conversion.ts";
import { type Pattern, type PatternRewriter, rewrite } from "../../src/rewrite/pattern.ts";
import * as A from "../../dialects/arith/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { intsOf } from "./convert-ops.ts";

const positionAttr = (xs: readonly number[]): ArrayAttr => ArrayAttr.get(xs.map((x) => IntegerAttr.get(i64, x)));

/** Builders of vector and arith ops before `at`. */
export class VecAt {
  constructor(
    readonly rw: PatternRewriter,
    readonly at: Operation,
  ) {}
  /** The op built (for ops without results). */
  build(cls: { create(init: OperationInit): Operation }, operands: readonly Value[], resultTypes: readonly Type[], attributes: Record<string, Attribute> = {}): Operation {
    const { rw, at } = this;
    return rw.at(InsertionPoint.before(at), () => rw.insert(cls.create({ operands, resultTypes, attributes, loc: at.loc })), at.loc);
  }
  /** The first result of the op built. */
  op(cls: { create(init: OperationInit): Operation }, operands: readonly Value[], resultTypes: readonly Type[], attributes: Record<string, Attribute> = {}): Value {
    return this.build(cls, operands, resultTypes, attributes).getResult(0);
  }
  constant(type: Type, value: Attribute): Value {
    return this.op(A.ConstantOp, [], [type], { value });
  }
  /** A constant of `type` with every element zero (false for i1). */
  zeros(type: VectorType): Value {
    return this.constant(type, DenseElementsAttr.splat(type, type.elementType instanceof FloatType ? 0 : 0n));
  }
  extract(v: Value, position: readonly number[]): Value {
    const t = v.type as VectorType;
    const rest = t.shape.slice(position.length);
    const type = rest.length === 0 ? t.elementType : VectorType.get(rest, t.elementType);
    return this.op(V.ExtractOp, [v], [type], { position: positionAttr(position) });
  }
  insert(source: Value, dest: Value, position: readonly number[]): Value {
    return this.op(V.InsertOp, [source, dest], [dest.type], { position: positionAttr(position) });
  }
}

/** `type` without its leading dim (the element type for a 1-D vector). */
function dropFront(type: VectorType): Type {
  return type.rank <= 1 ? type.elementType : VectorType.get(type.shape.slice(1), type.elementType);
}

/**
 * vector.broadcast, one dim at a time (MLIR's BroadcastOpLowering): a scalar becomes a splat; a lower-rank
 * source is broadcast to the trailing dims and inserted along the leading one; a same-rank source has its
 * leading dim stretched (from 1) or kept, each row broadcast in turn.
 *
 *   Before: %b = vector.broadcast %x : f32 to vector<4xf32>
 *   After:  %b = vector.splat %x : vector<4xf32>
 *
 *   Before: %b = vector.broadcast %v : vector<4xf32> to vector<2x4xf32>
 *   After:  %z = arith.constant dense<0.000000e+00> : vector<2x4xf32>
 *           %0 = vector.insert %v, %z [0] : vector<4xf32> into vector<2x4xf32>
 *           %b = vector.insert %v, %0 [1] : vector<4xf32> into vector<2x4xf32>
 */
const broadcast = rewrite({
  name: "vector.broadcast-lowering",
  root: V.BroadcastOp,
  apply(op, rw) {
    const src = op.getOperand(0);
    const dst = op.getResult(0).type as VectorType;
    const b = new VecAt(rw, op);
    const srcType = src.type instanceof VectorType ? src.type : undefined;
    if (srcType === undefined) {
      rw.replaceOp(op, [b.op(V.SplatOp, [src], [dst])]);
      return rw.done();
    }
    if (srcType.rank <= 1 && dst.rank === 1) {
      const scalar = srcType.rank === 0 ? b.op(V.ExtractElementOp, [src], [srcType.elementType]) : b.extract(src, [0]);
      rw.replaceOp(op, [b.op(V.SplatOp, [scalar], [dst])]);
      return rw.done();
    }
    if (dst.rank === 0) return rw.fail("a 0-D broadcast of a vector");
    const inner = dropFront(dst) as VectorType;
    const rows = dst.shape[0] as number;
    let acc: Value;
    if (srcType.rank < dst.rank) {
      const row = b.op(V.BroadcastOp, [src], [inner]);
      acc = b.zeros(dst);
      for (let i = 0; i < rows; i++) acc = b.insert(row, acc, [i]);
    } else {
      const m = srcType.shape.findIndex((d, i) => d !== dst.shape[i]);
      if (m === -1) {
        rw.replaceOp(op, [src]);
        return rw.done();
      }
      acc = b.zeros(dst);
      if (m === 0) {
        const row = b.op(V.BroadcastOp, [b.extract(src, [0])], [inner]);
        for (let i = 0; i < rows; i++) acc = b.insert(row, acc, [i]);
      } else {
        for (let i = 0; i < rows; i++) acc = b.insert(b.op(V.BroadcastOp, [b.extract(src, [i])], [inner]), acc, [i]);
      }
    }
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * vector.fma of rank > 1, unrolled along the leading dim (MLIR's VectorFMAOpNDRewritePattern).
 *
 *   Before: %r = vector.fma %a, %b, %c : vector<2x4xf32>
 *   After:  %s = arith.constant 0.000000e+00 : f32     (unused: MLIR 16 splats it, and the splat folds to %z)
 *           %z = arith.constant dense<0.000000e+00> : vector<2x4xf32>
 *           %a0 = vector.extract %a[0] ...  %b0 = ...  %c0 = ...
 *           %f0 = vector.fma %a0, %b0, %c0 : vector<4xf32>
 *           %0 = vector.insert %f0, %z [0] ...   (and row 1 likewise)
 */
const fmaND = convert({
  name: "vector.fma-nd-unroll",
  root: V.FMAOp,
  recursive: true,
  apply(op, _adaptor, rw) {
    const type = op.result.type as VectorType;
    if (type.rank < 2) return rw.fail("0-D and 1-D fma convert directly");
    const b = new VecAt(rw, op);
    b.constant(type.elementType, FloatAttr.get(type.elementType as FloatType, 0));
    let acc = b.zeros(type);
    const inner = dropFront(type);
    for (let i = 0; i < (type.shape[0] as number); i++) {
      const parts = op.operands.map((v) => b.extract(v, [i]));
      acc = b.insert(b.op(V.FMAOp, parts, [inner]), acc, [i]);
    }
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * vector.constant_mask: 1-D as a dense i1 constant; n-D as the (n-1)-D mask inserted into its set rows
 * (MLIR's ConstantMaskOpLowering).
 *
 *   Before: %m = vector.constant_mask [2] : vector<4xi1>
 *   After:  %m = arith.constant dense<[true, true, false, false]> : vector<4xi1>
 */
const constantMask = rewrite({
  name: "vector.constant_mask-lowering",
  root: V.ConstantMaskOp,
  apply(op, rw) {
    const type = op.result.type as VectorType;
    const sizes = intsOf(op.attr("mask_dim_sizes"));
    const b = new VecAt(rw, op);
    if (type.rank === 0) {
      rw.replaceOp(op, [b.constant(type, DenseElementsAttr.splat(type, (sizes[0] ?? 0) > 0 ? 1n : 0n))]);
      return rw.done();
    }
    if (type.rank === 1) {
      const n = type.shape[0] as number;
      const bits = Uint8Array.from({ length: n }, (_, i) => (i < (sizes[0] ?? 0) ? 1 : 0));
      rw.replaceOp(op, [b.constant(type, DenseElementsAttr.get(type, bits))]);
      return rw.done();
    }
    const inner = dropFront(type) as VectorType;
    const row = b.op(V.ConstantMaskOp, [], [inner], { mask_dim_sizes: positionAttr(sizes.slice(1)) });
    let acc = b.zeros(type);
    for (let i = 0; i < Math.min(sizes[0] ?? 0, type.shape[0] as number); i++) acc = b.insert(row, acc, [i]);
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * vector.create_mask of 0-D/1-D: a step vector compared with the splatted bound (MLIR's
 * VectorCreateMaskOpConversion with buildVectorComparison; i32 lanes under force-32bit-vector-indices).
 *
 *   Before: %m = vector.create_mask %n : vector<4xi1>
 *   After:  %0 = arith.constant dense<[0, 1, 2, 3]> : vector<4xi64>
 *           %1 = arith.index_cast %n : index to i64
 *           %2 = vector.splat %1 : vector<4xi64>
 *           %m = arith.cmpi slt, %0, %2 : vector<4xi64>
 */
function createMask1D(force32: boolean): ConversionPattern {
  return convert({
    name: "vector.create_mask-materialize",
    root: V.CreateMaskOp,
    apply(op, _adaptor, rw) {
      const type = op.result.type as VectorType;
      if (type.rank > 1) return rw.fail("n-D create_mask is lowered row by row");
      if (type.isScalable) return rw.fail("scalable masks are not lowered");
      const idx = force32 ? i32 : i64;
      const n = type.rank === 0 ? 1 : (type.shape[0] as number);
      const stepType = VectorType.get(type.rank === 0 ? [] : [n], idx);
      const steps = force32 ? Int32Array.from({ length: n }, (_, i) => i) : BigInt64Array.from({ length: n }, (_, i) => BigInt(i));
      const b = new VecAt(rw, op);
      const indices = b.constant(stepType, DenseElementsAttr.get(stepType, steps));
      const bound = b.op(A.IndexCastOp, [op.getOperand(0)], [idx]);
      const bounds = b.op(V.SplatOp, [bound], [stepType]);
      const cmp = b.op(A.CmpIOp, [indices, bounds], [VectorType.get(stepType.shape, i1)], { predicate: A.cmpiPredicate("slt") });
      rw.replaceOp(op, [cmp]);
      return rw.done();
    },
  });
}

/**
 * vector.create_mask of rank > 1, row by row (MLIR's CreateMaskOpLowering): row i is the (n-1)-D mask where
 * i < the leading bound, all clear otherwise.
 *
 *   Before: %m = vector.create_mask %a, %b : vector<2x4xi1>
 *   After:  %z = arith.constant dense<false> : vector<2x4xi1>
 *           %t = vector.create_mask %b : vector<4xi1>     %f = arith.constant dense<false> : vector<4xi1>
 *           %c0 = arith.constant 0 : index   %p0 = arith.cmpi slt, %c0, %a : index
 *           %s0 = arith.select %p0, %t, %f : vector<4xi1>  %0 = vector.insert %s0, %z [0] ...  (row 1 likewise)
 */
const createMaskND = rewrite({
  name: "vector.create_mask-nd-lowering",
  root: V.CreateMaskOp,
  apply(op, rw) {
    const type = op.result.type as VectorType;
    if (type.rank < 2) return rw.fail("0-D and 1-D create_mask are materialized");
    const b = new VecAt(rw, op);
    const inner = dropFront(type) as VectorType;
    const [first, ...rest] = op.operands;
    if (first === undefined) return rw.fail("no bounds");
    const trueRow = b.op(V.CreateMaskOp, rest, [inner]);
    const falseRow = b.zeros(inner);
    let acc = b.zeros(type);
    for (let i = 0; i < (type.shape[0] as number); i++) {
      const c = b.constant(IndexType.get(), IntegerAttr.get(IndexType.get(), i));
      const p = b.op(A.CmpIOp, [c, first], [i1], { predicate: A.cmpiPredicate("slt") });
      acc = b.insert(b.op(A.SelectOp, [p, trueRow, falseRow], [inner]), acc, [i]);
    }
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/** The lowerings applied greedily before the conversion (MLIR 16's first phase, with the vector canonicalizations). */
export const vectorPreLoweringPatterns: readonly Pattern[] = [broadcast, constantMask, createMaskND];

/** The vector-level lowerings inside the conversion; `force32BitVectorIndices` is the pass option of that name. */
export function vectorInConversionPatterns(opts: { readonly force32BitVectorIndices: boolean }): ConversionPattern[] {
  return [fmaND, createMask1D(opts.force32BitVectorIndices)];
}
