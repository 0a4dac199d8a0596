/**
 * The patterns of `convert-vector-to-llvm` that produce llvm ops (MLIR 16's ConvertVectorToLLVM.cpp): vector
 * ops on 0-D and 1-D vectors become llvm vector ops; n-D vectors are nested arrays of 1-D vectors (the shared
 * LLVMTypeConverter), reached with llvm.extractvalue / llvm.insertvalue. Before/after IR on each pattern.
 */
import { ArrayAttr, type Attribute, boolAttr, DenseArrayAttr, FloatAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import type { Operation } from "../../src/ir/operation.ts";
import { FloatType, IndexType, IntegerType, i1, i32, i64, type Type, VectorType } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { type ConversionPattern, type ConversionRewriter, convert } from "../../src/rewrite/conversion.ts";
import * as L from "../../dialects/llvm/index.ts";
import * as V from "../../dialects/vector/index.ts";
import { createBefore } from "../llvm-common/pattern.ts";

/** The integers of an I64ArrayAttr (positions, masks, mask sizes). */
export function intsOf(a: Attribute | undefined): number[] {
  return a instanceof ArrayAttr ? a.elements.map((e) => (e instanceof IntegerAttr ? Number(e.value) : 0)) : [];
}

export const i64Dense = (xs: readonly number[]): DenseArrayAttr => DenseArrayAttr.get(i64, xs.map(BigInt));
const i32Dense = (xs: readonly number[]): DenseArrayAttr => DenseArrayAttr.get(i32, xs);

/** Small builders of llvm ops before `at`. */
class At {
  constructor(
    readonly rw: ConversionRewriter,
    readonly at: Operation,
  ) {}
  op(cls: Parameters<typeof createBefore>[2], operands: readonly Value[], resultTypes: readonly Type[], attributes: Record<string, Attribute> = {}): Value {
    return createBefore(this.rw, this.at, cls, { operands, resultTypes, attributes }).getResult(0);
  }
  constant(type: Type, value: Attribute): Value {
    return this.op(L.ConstantOp, [], [type], { value });
  }
  undef(type: Type): Value {
    return this.op(L.UndefOp, [], [type]);
  }
  extractValue(container: Value, position: readonly number[], type: Type): Value {
    return this.op(L.ExtractValueOp, [container], [type], { position: i64Dense(position) });
  }
  insertValue(container: Value, value: Value, position: readonly number[]): Value {
    return this.op(L.InsertValueOp, [container, value], [container.type], { position: i64Dense(position) });
  }
  extractElement(vector: Value, position: Value): Value {
    return this.op(L.ExtractElementOp, [vector, position], [(vector.type as VectorType).elementType]);
  }
  insertElement(vector: Value, value: Value, position: Value): Value {
    return this.op(L.InsertElementOp, [vector, value, position], [vector.type]);
  }
  shuffle(v1: Value, v2: Value, mask: readonly number[]): Value {
    const t = v1.type as VectorType;
    return this.op(L.ShuffleVectorOp, [v1, v2], [VectorType.get([mask.length], t.elementType)], { mask: i32Dense(mask) });
  }
}

/** The type nested `depth` levels into an llvm array (the 1-D vector at the bottom of an n-D one). */
function arrayElementAt(t: Type, depth: number): Type {
  let out = t;
  for (let i = 0; i < depth; i++) out = out instanceof L.LLVMArrayType ? out.elementType : out;
  return out;
}

function converted(rw: ConversionRewriter, t: Type): Type | undefined {
  return rw.typeConverter?.convertType(t);
}

/**
 * vector.splat of 0-D or 1-D: insert into element 0 of an undef vector, then shuffle it everywhere.
 *
 *   Before: %v = vector.splat %x : vector<4xf32>
 *   After:  %0 = llvm.mlir.undef : vector<4xf32>
 *           %1 = llvm.mlir.constant(0 : i32) : i32
 *           %2 = llvm.insertelement %x, %0[%1 : i32] : vector<4xf32>
 *           %v = llvm.shufflevector %2, %0 [0, 0, 0, 0] : vector<4xf32>
 */
const splat = convert({
  name: "vector.splat-to-llvm",
  root: V.SplatOp,
  apply(op, adaptor, rw) {
    const type = op.aggregate.type as VectorType;
    if (type.rank > 1) return rw.fail("n-D splats are the n-D pattern's");
    const vt = converted(rw, type);
    const input = adaptor.operands[0];
    if (vt === undefined || input === undefined) return rw.fail("the type cannot be converted");
    const b = new At(rw, op);
    const undef = b.undef(vt);
    const zero = b.constant(i32, IntegerAttr.get(i32, 0));
    const inserted = b.insertElement(undef, input, zero);
    rw.replaceOp(op, [type.rank === 0 ? inserted : b.shuffle(inserted, undef, new Array<number>(type.shape[0] as number).fill(0))]);
    return rw.done();
  },
});

/** Every position of the outer (array) dims of an n-D vector shape, row-major. */
function outerPositions(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const d of shape.slice(0, -1)) out = out.flatMap((p) => Array.from({ length: d }, (_, i) => [...p, i]));
  return out;
}

/**
 * vector.splat of rank > 1: one splatted 1-D vector inserted at every array position.
 *
 *   Before: %v = vector.splat %x : vector<2x4xf32>
 *   After:  %0 = llvm.mlir.undef : !llvm.array<2 x vector<4xf32>>
 *           %1 = llvm.mlir.undef : vector<4xf32>
 *           %2 = llvm.mlir.constant(0 : i32) : i32
 *           %3 = llvm.insertelement %x, %1[%2 : i32] : vector<4xf32>
 *           %4 = llvm.shufflevector %3, %3 [0, 0, 0, 0] : vector<4xf32>
 *           %5 = llvm.insertvalue %4, %0[0] : !llvm.array<2 x vector<4xf32>>
 *           %v = llvm.insertvalue %4, %5[1] : !llvm.array<2 x vector<4xf32>>
 */
const splatND = convert({
  name: "vector.splat-nd-to-llvm",
  root: V.SplatOp,
  apply(op, adaptor, rw) {
    const type = op.aggregate.type as VectorType;
    if (type.rank <= 1) return rw.fail("0-D and 1-D splats are the 1-D pattern's");
    const nd = converted(rw, type);
    const input = adaptor.operands[0];
    if (nd === undefined || input === undefined) return rw.fail("the type cannot be converted");
    const b = new At(rw, op);
    let desc = b.undef(nd);
    const oneD = arrayElementAt(nd, type.rank - 1);
    const vdesc = b.undef(oneD);
    const zero = b.constant(i32, IntegerAttr.get(i32, 0));
    const v0 = b.insertElement(vdesc, input, zero);
    const v = b.shuffle(v0, v0, new Array<number>(type.shape.at(-1) as number).fill(0));
    for (const p of outerPositions(type.shape)) desc = b.insertValue(desc, v, p);
    rw.replaceOp(op, [desc]);
    return rw.done();
  },
});

/**
 * vector.extractelement -> llvm.extractelement (a 0-D vector reads its element 0, an i64 constant).
 *
 *   Before: %x = vector.extractelement %v[%i : i32] : vector<4xf32>
 *   After:  %x = llvm.extractelement %v[%i : i32] : vector<4xf32>
 */
const extractElement = convert({
  name: "vector.extractelement-to-llvm",
  root: V.ExtractElementOp,
  apply(op, adaptor, rw) {
    const [vector, position] = adaptor.operands;
    if (vector === undefined) return rw.fail("no vector");
    const b = new At(rw, op);
    const pos = position ?? b.constant(i64, IntegerAttr.get(IndexType.get(), 0));
    rw.replaceOp(op, [b.extractElement(vector, pos)]);
    return rw.done();
  },
});

/**
 * vector.insertelement -> llvm.insertelement.
 *
 *   Before: %w = vector.insertelement %x, %v[%i : i32] : vector<4xf32>
 *   After:  %w = llvm.insertelement %x, %v[%i : i32] : vector<4xf32>
 */
const insertElement = convert({
  name: "vector.insertelement-to-llvm",
  root: V.InsertElementOp,
  apply(op, adaptor, rw) {
    const [source, dest, position] = adaptor.operands;
    if (source === undefined || dest === undefined) return rw.fail("missing operands");
    const b = new At(rw, op);
    const pos = position ?? b.constant(i64, IntegerAttr.get(IndexType.get(), 0));
    rw.replaceOp(op, [b.insertElement(dest, source, pos)]);
    return rw.done();
  },
});

/**
 * vector.extract: a vector out of the array representation is one llvm.extractvalue; an element is the
 * extractvalue of its 1-D vector (for rank > 1) and an llvm.extractelement at an i64 constant.
 *
 *   Before: %x = vector.extract %v[1, 2] : vector<3x4xf32>
 *   After:  %0 = llvm.extractvalue %v[1] : !llvm.array<3 x vector<4xf32>>
 *           %1 = llvm.mlir.constant(2 : i64) : i64
 *           %x = llvm.extractelement %0[%1 : i64] : vector<4xf32>
 */
const extract = convert({
  name: "vector.extract-to-llvm",
  root: V.ExtractOp,
  apply(op, adaptor, rw) {
    const resultType = converted(rw, op.result.type);
    const vector = adaptor.operands[0];
    if (resultType === undefined || vector === undefined) return rw.fail("the result type cannot be converted");
    const position = intsOf(op.attr("position"));
    const b = new At(rw, op);
    if (position.length === 0) {
      rw.replaceOp(op, [vector]);
      return rw.done();
    }
    if (op.result.type instanceof VectorType) {
      rw.replaceOp(op, [b.extractValue(vector, position, resultType)]);
      return rw.done();
    }
    let oneD = vector;
    if (position.length > 1) oneD = b.extractValue(vector, position.slice(0, -1), arrayElementAt(vector.type, position.length - 1));
    const c = b.constant(i64, IntegerAttr.get(i64, position.at(-1) as number));
    rw.replaceOp(op, [b.extractElement(oneD, c)]);
    return rw.done();
  },
});

/**
 * vector.insert: a vector into the array representation is one llvm.insertvalue; an element goes into its
 * 1-D vector (extracted from and re-inserted into the array for rank > 1) with llvm.insertelement.
 *
 *   Before: %w = vector.insert %x, %v[1, 2] : f32 into vector<3x4xf32>
 *   After:  %0 = llvm.extractvalue %v[1] : !llvm.array<3 x vector<4xf32>>
 *           %1 = llvm.mlir.constant(2 : i64) : i64
 *           %2 = llvm.insertelement %x, %0[%1 : i64] : vector<4xf32>
 *           %w = llvm.insertvalue %2, %v[1] : !llvm.array<3 x vector<4xf32>>
 */
const insert = convert({
  name: "vector.insert-to-llvm",
  root: V.InsertOp,
  apply(op, adaptor, rw) {
    const [source, dest] = adaptor.operands;
    if (source === undefined || dest === undefined) return rw.fail("missing operands");
    const position = intsOf(op.attr("position"));
    const b = new At(rw, op);
    if (position.length === 0) {
      rw.replaceOp(op, [source]);
      return rw.done();
    }
    if (op.getOperand(0).type instanceof VectorType) {
      rw.replaceOp(op, [b.insertValue(dest, source, position)]);
      return rw.done();
    }
    const outer = position.slice(0, -1);
    const oneD = outer.length > 0 ? b.extractValue(dest, outer, arrayElementAt(dest.type, outer.length)) : dest;
    const c = b.constant(i64, IntegerAttr.get(i64, position.at(-1) as number));
    const inserted = b.insertElement(oneD, source, c);
    rw.replaceOp(op, [outer.length > 0 ? b.insertValue(dest, inserted, outer) : inserted]);
    return rw.done();
  },
});

/**
 * vector.shuffle of two 0-D/1-D vectors of one type -> llvm.shufflevector; otherwise every picked element (or
 * row) is extracted and inserted into an undef result.
 *
 *   Before: %s = vector.shuffle %a, %b [0, 5, 2] : vector<4xf32>, vector<4xf32>
 *   After:  %s = llvm.shufflevector %a, %b [0, 5, 2] : vector<4xf32>
 *
 *   Before: %s = vector.shuffle %a, %b [1, 2] : vector<2x4xf32>, vector<1x4xf32>
 *   After:  %0 = llvm.mlir.undef : !llvm.array<2 x vector<4xf32>>
 *           %1 = llvm.extractvalue %a[1] ...   %2 = llvm.insertvalue %1, %0[0] ...
 *           %3 = llvm.extractvalue %b[0] ...   %s = llvm.insertvalue %3, %2[1] ...
 */
const shuffle = convert({
  name: "vector.shuffle-to-llvm",
  root: V.ShuffleOp,
  apply(op, adaptor, rw) {
    const [v1, v2] = adaptor.operands;
    const resultVT = op.vector.type as VectorType;
    const resultType = converted(rw, resultVT);
    if (v1 === undefined || v2 === undefined || resultType === undefined) return rw.fail("the types cannot be converted");
    const mask = intsOf(op.attr("mask"));
    const b = new At(rw, op);
    const t1 = op.getOperand(0).type as VectorType;
    const t2 = op.getOperand(1).type as VectorType;
    if (resultVT.rank <= 1 && t1 === t2) {
      rw.replaceOp(op, [b.shuffle(v1, v2, mask)]);
      return rw.done();
    }
    const v1Dim = t1.rank === 0 ? 1 : (t1.shape[0] as number);
    const eltType = resultType instanceof L.LLVMArrayType ? resultType.elementType : (resultType as VectorType).elementType;
    let acc = b.undef(resultType);
    for (const [insPos, m] of mask.entries()) {
      const from = m >= v1Dim ? v2 : v1;
      const pos = m >= v1Dim ? m - v1Dim : m;
      if (resultVT.rank === 1) {
        const scalar = b.extractElement(from, b.constant(i64, IntegerAttr.get(IndexType.get(), pos)));
        acc = b.insertElement(acc, scalar, b.constant(i64, IntegerAttr.get(IndexType.get(), insPos)));
      } else {
        acc = b.insertValue(acc, b.extractValue(from, [pos], eltType), [insPos]);
      }
    }
    rw.replaceOp(op, [acc]);
    return rw.done();
  },
});

/**
 * vector.fma of 0-D/1-D vectors -> llvm.intr.fmuladd (n-D ones are unrolled first).
 *
 *   Before: %r = vector.fma %a, %b, %c : vector<4xf32>
 *   After:  %r = "llvm.intr.fmuladd"(%a, %b, %c) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
 */
const fma1D = convert({
  name: "vector.fma-to-llvm",
  root: V.FMAOp,
  apply(op, adaptor, rw) {
    const type = op.result.type as VectorType;
    if (type.rank > 1) return rw.fail("n-D fma is unrolled first");
    const vt = converted(rw, type);
    if (vt === undefined) return rw.fail("the type cannot be converted");
    rw.replaceOp(op, [new At(rw, op).op(L.ternaryFloatIntrinsics.fmuladd, adaptor.operands, [vt])]);
    return rw.done();
  },
});

/**
 * vector.bitcast of 0-D/1-D vectors -> llvm.bitcast.
 *
 *   Before: %r = vector.bitcast %v : vector<4xf32> to vector<4xi32>
 *   After:  %r = llvm.bitcast %v : vector<4xf32> to vector<4xi32>
 */
const bitcast = convert({
  name: "vector.bitcast-to-llvm",
  root: V.BitCastOp,
  apply(op, adaptor, rw) {
    const type = op.getResult(0).type as VectorType;
    if (type.rank > 1) return rw.fail("n-D bitcasts are not lowered (as in MLIR 16)");
    const vt = converted(rw, type);
    if (vt === undefined) return rw.fail("the type cannot be converted");
    rw.replaceOp(op, [new At(rw, op).op(L.BitcastOp, adaptor.operands, [vt])]);
    return rw.done();
  },
});

/** MLIR's createMinMaxF: the ordered pick of `lhs` and `rhs`, NaN when either is NaN. */
function minMaxF(b: At, lhs: Value, rhs: Value, isMin: boolean): Value {
  const ft = lhs.type as FloatType;
  const cmp = b.op(L.FCmpOp, [lhs, rhs], [i1], { predicate: L.FCmpPredicate.get(isMin ? "olt" : "ogt"), fastmathFlags: L.FastmathFlagsAttr.none() });
  const sel = b.op(L.SelectOp, [cmp, lhs, rhs], [ft]);
  const isNan = b.op(L.FCmpOp, [lhs, rhs], [i1], { predicate: L.FCmpPredicate.get("uno"), fastmathFlags: L.FastmathFlagsAttr.none() });
  const nan = b.constant(ft, FloatAttr.get(ft, Number.NaN));
  return b.op(L.SelectOp, [isNan, nan, sel], [ft]);
}

type IntReduce = "add" | "mul" | "and" | "or" | "xor" | "smin" | "smax" | "umin" | "umax";
const INT_KINDS: Readonly<Record<string, { readonly intr: IntReduce; readonly combine: "add" | "mul" | "and" | "or" | "xor" | "sle" | "sge" | "ule" | "uge" }>> = {
  add: { intr: "add", combine: "add" },
  mul: { intr: "mul", combine: "mul" },
  and: { intr: "and", combine: "and" },
  or: { intr: "or", combine: "or" },
  xor: { intr: "xor", combine: "xor" },
  minsi: { intr: "smin", combine: "sle" },
  maxsi: { intr: "smax", combine: "sge" },
  minui: { intr: "umin", combine: "ule" },
  maxui: { intr: "umax", combine: "uge" },
};
const COMBINE_OPS = { add: L.AddOp, mul: L.MulOp, and: L.AndOp, or: L.OrOp, xor: L.XOrOp } as const;

/**
 * vector.reduction of a 1-D vector -> llvm.intr.vector.reduce.*; an accumulator is combined after (integers:
 * the arithmetic op, or icmp + select for min/max; floats: fadd/fmul take it as the start value, minf/maxf
 * combine by MLIR's NaN-propagating compare and select). fadd/fmul are ordered unless the pass's
 * `reassociate-fp-reductions` is set.
 *
 *   Before: %r = vector.reduction <add>, %v, %acc : vector<4xi32> into i32
 *   After:  %0 = "llvm.intr.vector.reduce.add"(%v) : (vector<4xi32>) -> i32
 *           %r = llvm.add %acc, %0  : i32
 *
 *   Before: %r = vector.reduction <add>, %v : vector<4xf32> into f32
 *   After:  %0 = llvm.mlir.constant(0.000000e+00 : f32) : f32
 *           %r = "llvm.intr.vector.reduce.fadd"(%0, %v) {reassoc = false} : (f32, vector<4xf32>) -> f32
 */
function reduction(reassociate: boolean): ConversionPattern {
  return convert({
    name: "vector.reduction-to-llvm",
    root: V.ReductionOp,
    apply(op, adaptor, rw) {
      const kind = V.combiningKindOf(op.kind);
      const elt = op.dest.type;
      const llvmType = converted(rw, elt);
      const [operand, acc] = adaptor.operands;
      if (llvmType === undefined || operand === undefined) return rw.fail("the type cannot be converted");
      if ((op.vector.type as VectorType).rank !== 1) return rw.fail("only 1-D reductions are lowered (as in MLIR 16)");
      const b = new At(rw, op);
      if (elt instanceof IntegerType || elt instanceof IndexType) {
        const k = INT_KINDS[kind];
        if (k === undefined) return rw.fail(`no integer reduction of kind ${kind}`);
        let result = b.op(L.vectorReduceIntrinsics[k.intr], [operand], [llvmType]);
        if (acc !== undefined) {
          if (k.combine in COMBINE_OPS) result = b.op(COMBINE_OPS[k.combine as keyof typeof COMBINE_OPS], [acc, result], [llvmType]);
          else {
            const cmp = b.op(L.ICmpOp, [acc, result], [i1], { predicate: L.ICmpPredicate.get(k.combine as "sle" | "sge" | "ule" | "uge") });
            result = b.op(L.SelectOp, [cmp, acc, result], [llvmType]);
          }
        }
        rw.replaceOp(op, [result]);
        return rw.done();
      }
      if (!(elt instanceof FloatType)) return rw.fail("not an integer or float reduction");
      if (kind === "add" || kind === "mul") {
        const start = acc ?? b.constant(llvmType, FloatAttr.get(elt, kind === "add" ? 0 : 1));
        const intr = kind === "add" ? L.vectorReduceIntrinsics.fadd : L.vectorReduceIntrinsics.fmul;
        rw.replaceOp(op, [b.op(intr, [start, operand], [llvmType], { reassoc: boolAttr(reassociate) })]);
        return rw.done();
      }
      if (kind !== "minf" && kind !== "maxf") return rw.fail(`no float reduction of kind ${kind}`);
      let result = b.op(kind === "minf" ? L.vectorReduceIntrinsics.fmin : L.vectorReduceIntrinsics.fmax, [operand], [llvmType]);
      if (acc !== undefined) result = minMaxF(b, result, acc, kind === "minf");
      rw.replaceOp(op, [result]);
      return rw.done();
    },
  });
}

/** The patterns that produce llvm ops; `reassociate` is the pass's reassociate-fp-reductions. */
export function llvmOpPatterns(opts: { readonly reassociateFPReductions: boolean }): ConversionPattern[] {
  return [splat, splatND, extractElement, insertElement, extract, insert, shuffle, fma1D, bitcast, reduction(opts.reassociateFPReductions)];
}
