/**
 * tosa-to-linalg's patterns for the ops that compute indices or read through them (MLIR 16's ArgMaxConverter,
 * GatherConverter, TableConverter: linalg.generic payloads using linalg.index and tensor.extract), and rescale
 * (RescaleConverter), which reads its multipliers and shifts per channel.
 */
import { type DenseArrayAttr, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { AffineMap } from "../../src/ir/affine-map.ts";
import { affineConstant, affineDim } from "../../src/ir/affine-expr.ts";
import type { Builder } from "../../src/ir/builder.ts";
import { FloatType, IntegerType, RankedTensorType, i1, i32, i64, i8, index } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { convert } from "../../src/rewrite/conversion.ts";
import * as A from "../../dialects/arith/index.ts";
import { IndexOp } from "../../dialects/linalg/index.ts";
import { ExtractOp } from "../../dialects/tensor/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { type OpKindClass, build, constant, constantOf, emptyTensor, fill, generic, identityMap, parallel } from "./build.ts";
import { bin, castTo, clampInt, cmpf, cmpi, select } from "./elementwise-body.ts";
import { staticTensorsOnly } from "./elementwise.ts";

const K = (c: unknown): OpKindClass => c as OpKindClass;
const tensorType = (v: Value): RankedTensorType => v.type as RankedTensorType;
const loopIndex = (b: Builder, dim: number): Value => build(b, K(IndexOp), [], [index], { dim: IntegerAttr.get(i64, dim) }).getResult(0);
const extract = (b: Builder, t: Value, indices: readonly Value[]): Value => build(b, K(ExtractOp), [t, ...indices], [tensorType(t).elementType]).getResult(0);

/**
 * argmax along `axis` -> a linalg.generic reducing into two tensors, the index (i32) and the largest value so
 * far. The first element is always taken (the spec's argmax starts from it, so a leading NaN stays the
 * answer: nothing compares greater than NaN); MLIR 16 starts from the largest negative finite value instead.
 *   %1 = "tosa.argmax"(%0) {axis = 1 : i64} : (tensor<2x5xf32>) -> tensor<2xi32>
 *
 *   %i = linalg.fill ins(%c0_i32) outs(tensor.empty() : tensor<2xi32>)     %v = linalg.fill ins(-inf) outs(... tensor<2xf32>)
 *   %r:2 = linalg.generic {indexing_maps = [(d0, d1) -> (d0, d1), (d0, d1) -> (d0), (d0, d1) -> (d0)],
 *            iterator_types = ["parallel", "reduction"]} ins(%0) outs(%i, %v) {
 *   ^bb0(%in: f32, %out: i32, %out_0: f32):
 *     %k = linalg.index 1 : index
 *     %first = arith.cmpi eq, %k, %c0 : index      %gt = arith.cmpf ogt, %in, %out_0 : f32
 *     %take = arith.ori %first, %gt : i1           %k32 = arith.index_cast %k : index to i32
 *     %ni = arith.select %take, %k32, %out : i32   %nv = arith.select %take, %in, %out_0 : f32
 *     linalg.yield %ni, %nv : i32, f32
 *   }
 *   (%1 is %r#0)
 */
export const argmaxToGeneric = convert({
  name: "tosa-to-linalg-argmax",
  root: T.ArgMaxOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const input = adaptor.getOperand(0);
    const type = tensorType(input);
    const e = type.elementType;
    if (!(e instanceof FloatType) && !(e instanceof IntegerType && e.signedness === "signless")) return rw.fail("unsupported element type");
    const axis = Number((op.attr("axis") as IntegerAttr).value);
    const resultType = tensorType(op.getResult(0));
    const indexType = RankedTensorType.get(resultType.shape, resultType.elementType);
    const valueType = RankedTensorType.get(resultType.shape, e);
    const indices = fill(rw, constantOf(rw, resultType.elementType, 0), emptyTensor(rw, indexType));
    const lowest = e instanceof FloatType ? -Infinity : -(1n << BigInt((e as IntegerType).width - 1));
    const values = fill(rw, constantOf(rw, e, lowest), emptyTensor(rw, valueType));
    const rank = type.rank;
    const outMap = AffineMap.get(rank, 0, type.shape.flatMap((_, i) => (i === axis ? [] : [affineDim(i)])));
    const iterators = type.shape.map((_, i) => (i === axis ? ("reduction" as const) : ("parallel" as const)));
    const g = generic(rw, { inputs: [input], inits: [indices, values], maps: [identityMap(rank), outMap, outMap], iterators }, (b, [x, bestIndex, best]) => {
      const k = loopIndex(b, axis);
      const first = cmpi(b, "eq", k, constantOf(b, index, 0));
      const greater = e instanceof FloatType ? cmpf(b, "ogt", x as Value, best as Value) : cmpi(b, "sgt", x as Value, best as Value);
      const take = bin(b, A.OrIOp, first, greater);
      const k32 = castTo(b, A.IndexCastOp, k, resultType.elementType);
      return [select(b, take, k32, bestIndex as Value), select(b, take, x as Value, best as Value)];
    });
    rw.replaceOp(op, [g.getResult(0)]);
    return rw.done();
  },
});

/**
 * gather(values [N, K, C], indices [N, W]) -> a linalg.generic over [N, W, C] extracting values[n, indices[n, w], c].
 *   %2 = "tosa.gather"(%0, %1) : (tensor<1x5x3xf32>, tensor<1x2xi32>) -> tensor<1x2x3xf32>
 *
 *   %e = tensor.empty() : tensor<1x2x3xf32>
 *   %2 = linalg.generic {indexing_maps = [(d0, d1, d2) -> (d0, d1), (d0, d1, d2) -> (d0, d1, d2)], ...} ins(%1) outs(%e) {
 *   ^bb0(%in: i32, %out: f32):
 *     %n = linalg.index 0 : index     %k = arith.index_cast %in : i32 to index     %c = linalg.index 2 : index
 *     %x = tensor.extract %0[%n, %k, %c] : tensor<1x5x3xf32>
 *     linalg.yield %x : f32
 *   }
 */
export const gatherToGeneric = convert({
  name: "tosa-to-linalg-gather",
  root: T.GatherOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const [values, indices] = adaptor.operands as [Value, Value];
    const resultType = tensorType(op.getResult(0));
    const init = emptyTensor(rw, resultType);
    const maps = [AffineMap.get(3, 0, [affineDim(0), affineDim(1)]), identityMap(3)];
    const g = generic(rw, { inputs: [indices], inits: [init], maps, iterators: parallel(3) }, (b, [k]) => {
      const n = loopIndex(b, 0);
      const at = castTo(b, A.IndexCastOp, k as Value, index);
      const c = loopIndex(b, 2);
      return [extract(b, values, [n, at, c])];
    });
    rw.replaceOp(op, g.results);
    return rw.done();
  },
});

/**
 * table -> a linalg.generic looking each element up: i8 reads table[x + 128]; i16 interpolates between
 * table[i >> 7] and the next entry with the low 7 bits of i = x + 32768, giving i32 (the spec's TABLE).
 *   %1 = "tosa.table"(%0, %t) : (tensor<6xi8>, tensor<256xi8>) -> tensor<6xi8>
 *
 *   %1 = linalg.generic {indexing_maps = [(d0) -> (d0), (d0) -> (d0)], ...} ins(%0) outs(%e) {
 *   ^bb0(%in: i8, %out: i8):
 *     %w = arith.extsi %in : i8 to i32     %i = arith.addi %w, %c128_i32 : i32     %j = arith.index_cast %i : i32 to index
 *     %x = tensor.extract %t[%j] : tensor<256xi8>
 *     linalg.yield %x : i8
 *   }
 */
export const tableToGeneric = convert({
  name: "tosa-to-linalg-table",
  root: T.TableOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const [input, table] = adaptor.operands as [Value, Value];
    const e = tensorType(input).elementType;
    const width = e instanceof IntegerType ? e.width : 0;
    if (width !== 8 && width !== 16) return rw.fail("table lookups of other than i8 and i16 are not supported");
    const resultType = tensorType(op.getResult(0));
    const rank = resultType.rank;
    const g = generic(rw, { inputs: [input], inits: [emptyTensor(rw, resultType)], maps: [identityMap(rank), identityMap(rank)], iterators: parallel(rank) }, (b, [x]) => {
      const wide = castTo(b, A.ExtSIOp, x as Value, i32);
      const at = (v: Value): Value => castTo(b, A.IndexCastOp, v, index);
      if (width === 8) return [extract(b, table, [at(bin(b, A.AddIOp, wide, constantOf(b, i32, 128)))])];
      const i = bin(b, A.AddIOp, wide, constantOf(b, i32, 32768));
      const hi = bin(b, A.ShRUIOp, i, constantOf(b, i32, 7));
      const lo = bin(b, A.AndIOp, i, constantOf(b, i32, 127));
      const base = castTo(b, A.ExtSIOp, extract(b, table, [at(hi)]), i32);
      const next = castTo(b, A.ExtSIOp, extract(b, table, [at(bin(b, A.AddIOp, hi, constantOf(b, i32, 1)))]), i32);
      const scaled = bin(b, A.ShLIOp, base, constantOf(b, i32, 7));
      return [bin(b, A.AddIOp, scaled, bin(b, A.MulIOp, bin(b, A.SubIOp, next, base), lo))];
    });
    rw.replaceOp(op, g.results);
    return rw.done();
  },
});

/**
 * rescale -> a linalg.generic computing, per element, clamp(apply_scale(x - input_zp, multiplier, shift) +
 * output_zp) to the result type, with the multipliers and shifts read per channel (the last dim) or as one
 * scalar; apply_scale double-rounds only with scale32 and double_round (the spec). tosa.apply_scale stays for
 * tosa-to-arith (include-apply-rescale), as in MLIR 16. Signless integers only.
 *   %1 = "tosa.rescale"(%0) {input_zp = 0 : i32, output_zp = 0 : i32, multiplier = array<i32: 1073741824>, shift = array<i32: 30>,
 *          scale32 = true, double_round = false, per_channel = false} : (tensor<4xi8>) -> tensor<4xi8>
 *
 *   %m = arith.constant dense<1073741824> : tensor<1xi32>      %s = arith.constant dense<30> : tensor<1xi8>
 *   %1 = linalg.generic {indexing_maps = [(d0) -> (d0), (d0) -> (0), (d0) -> (0), (d0) -> (d0)], ...} ins(%0, %m, %s) outs(%e) {
 *   ^bb0(%in: i8, %in_0: i32, %in_1: i8, %out: i8):
 *     %x = arith.extsi %in : i8 to i32        %v = arith.subi %x, %izp : i32
 *     %r = "tosa.apply_scale"(%v, %in_0, %in_1) {double_round = false} : (i32, i32, i8) -> i32
 *     ... + output_zp in i64, clamped to [-128, 127], truncated to i8
 *   }
 */
export const rescaleToGeneric = convert({
  name: "tosa-to-linalg-rescale",
  root: T.RescaleOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const input = adaptor.getOperand(0);
    const type = tensorType(input);
    const resultType = tensorType(op.getResult(0));
    const [from, to] = [type.elementType, resultType.elementType];
    if (!(from instanceof IntegerType && from.signedness === "signless" && to instanceof IntegerType && to.signedness === "signless")) {
      return rw.fail("rescale of other than signless integers is not supported");
    }
    if (from.width > 32) return rw.fail("rescale of integers wider than 32 bits is not supported");
    const ints = (name: string): number[] => (op.attr(name) as DenseArrayAttr).values.map(Number);
    const flag = (name: string): boolean => ((op.attr(name) as IntegerAttr | undefined)?.value ?? 0n) !== 0n;
    const int = (name: string): bigint => (op.attr(name) as IntegerAttr).value;
    const [multipliers, shifts] = [ints("multiplier"), ints("shift")];
    const perChannel = flag("per_channel");
    const doubleRound = flag("scale32") && flag("double_round");
    const rank = type.rank;
    const channelMap = AffineMap.get(rank, 0, [perChannel && rank > 0 ? affineDim(rank - 1) : affineConstant(0)]);
    const m = constant(rw, DenseElementsAttr.get(RankedTensorType.get([multipliers.length], i32), Int32Array.from(multipliers)), RankedTensorType.get([multipliers.length], i32));
    const s = constant(rw, DenseElementsAttr.get(RankedTensorType.get([shifts.length], i8), Int8Array.from(shifts)), RankedTensorType.get([shifts.length], i8));
    const init = emptyTensor(rw, resultType);
    const maps = [identityMap(rank), channelMap, channelMap, identityMap(rank)];
    const g = generic(rw, { inputs: [input, m, s], inits: [init], maps, iterators: parallel(rank) }, (b, [x, multiplier, shift]) => {
      const wide = from.width === 32 ? (x as Value) : castTo(b, A.ExtSIOp, x as Value, i32);
      const value = bin(b, A.SubIOp, wide, constantOf(b, i32, int("input_zp")));
      const scaled = build(b, K(T.ApplyScaleOp), [value, multiplier as Value, shift as Value], [i32], { double_round: IntegerAttr.get(i1, doubleRound ? 1 : 0) }).getResult(0);
      const shifted = bin(b, A.AddIOp, castTo(b, A.ExtSIOp, scaled, i64), constantOf(b, i64, int("output_zp")));
      const lo = -(1n << BigInt(to.width - 1));
      const clamped = clampInt(b, shifted, constantOf(b, i64, lo), constantOf(b, i64, -lo - 1n));
      return [castTo(b, A.TruncIOp, clamped, to)];
    });
    rw.replaceOp(op, g.results);
    return rw.done();
  },
});
