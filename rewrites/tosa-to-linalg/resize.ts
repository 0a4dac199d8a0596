/**
 * tosa-to-linalg's resize pattern (MLIR 16's GenericResizeConverter; its special cases, ResizeUnaryConverter and
 * MaterializeResizeBroadcast, are left to this one): a linalg.generic over the NHWC output computing, per
 * element, the spec's source position (y = oy * scale_y_d + offset_y; iy = floor(y / scale_y_n), remainder ry;
 * the same in x), clamping the neighbours into the input, and either picking the nearest one or interpolating
 * bilinearly: floats with the fraction ry / scale_y_n rounded in the element type, each step rounded as the
 * spec's pseudo-code; integers unnormalised in i64 (weights scale_n - r and r), truncated to the result type.
 *
 *   %1 = "tosa.resize"(%0) {mode = "NEAREST_NEIGHBOR", scale = array<i64: 2, 1, 2, 1>, offset = array<i64: 0, 0>, border = array<i64: 1, 1>}
 *          : (tensor<1x2x2x1xf32>) -> tensor<1x4x4x1xf32>
 *
 *   %1 = linalg.generic {indexing_maps = [(d0, d1, d2, d3) -> (d0, d1, d2, d3)], ...} outs(%e : tensor<1x4x4x1xf32>) {
 *   ^bb0(%out: f32):
 *     %n = linalg.index 0 : index    %oy = linalg.index 1 : index    ...
 *     %y = arith.addi (arith.muli %oy, %c1), %c0        %iy = arith.floordivsi %y, %c2    %ry = ...
 *     ... %v = tensor.extract %0[%n, %iy_near, %ix_near, %c] : tensor<1x2x2x1xf32>
 *     linalg.yield %v : f32
 *   }
 */
import { type DenseArrayAttr, IntegerAttr, type StringAttr } from "../../src/ir/attributes.ts";
import type { Builder } from "../../src/ir/builder.ts";
import { FloatType, IntegerType, type RankedTensorType, i64, index } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { convert } from "../../src/rewrite/conversion.ts";
import * as A from "../../dialects/arith/index.ts";
import { IndexOp } from "../../dialects/linalg/index.ts";
import { ExtractOp } from "../../dialects/tensor/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { type OpKindClass, build, constantOf, emptyTensor, generic, identityMap, parallel } from "./build.ts";
import { bin, castTo, cmpf, cmpi, select } from "./elementwise-body.ts";
import { staticTensorsOnly } from "./elementwise.ts";

const K = (c: unknown): OpKindClass => c as OpKindClass;
const idx = (b: Builder, n: number): Value => constantOf(b, index, n);

/** Along one axis: the lower and upper neighbours (clamped into [0, size)), the remainder, and whether the upper is nearer. */
function axis(b: Builder, out: Value, scaleN: number, scaleD: number, offset: number, size: number) {
  const pos = bin(b, A.AddIOp, bin(b, A.MulIOp, out, idx(b, scaleD)), idx(b, offset));
  const i = bin(b, A.FloorDivSIOp, pos, idx(b, scaleN));
  const r = bin(b, A.SubIOp, pos, bin(b, A.MulIOp, i, idx(b, scaleN)));
  const lo = bin(b, A.MaxSIOp, i, idx(b, 0));
  const hi = bin(b, A.MinSIOp, bin(b, A.AddIOp, i, idx(b, 1)), idx(b, size - 1));
  return { lo, hi, r };
}

export const resizeToGeneric = convert({
  name: "tosa-to-linalg-resize",
  root: T.ResizeOp,
  apply(op, adaptor, rw) {
    const unsupported = staticTensorsOnly(op);
    if (unsupported !== undefined) return rw.fail(unsupported);
    const input = adaptor.getOperand(0);
    const inputType = input.type as RankedTensorType;
    const resultType = op.getResult(0).type as RankedTensorType;
    const e = inputType.elementType;
    if (e instanceof IntegerType && e.signedness !== "signless") return rw.fail("unsigned integer element types are not supported");
    const ints = (name: string): number[] => (op.attr(name) as DenseArrayAttr).values.map(Number);
    const [syn, syd, sxn, sxd] = ints("scale") as [number, number, number, number];
    const [offY, offX] = ints("offset") as [number, number];
    if (syn <= 0 || syd <= 0 || sxn <= 0 || sxd <= 0) return rw.fail("a non-positive scale");
    const bilinear = (op.attr("mode") as StringAttr | undefined)?.value === "BILINEAR";
    const [, IH, IW] = inputType.shape as [number, number, number, number];
    const g = generic(rw, { inputs: [], inits: [emptyTensor(rw, resultType)], maps: [identityMap(4)], iterators: parallel(4) }, (b) => {
      const at = (d: number): Value => build(b, K(IndexOp), [], [index], { dim: IntegerAttr.get(i64, d) }).getResult(0);
      const [n, oy, ox, c] = [at(0), at(1), at(2), at(3)];
      const y = axis(b, oy, syn, syd, offY, IH);
      const x = axis(b, ox, sxn, sxd, offX, IW);
      const read = (yy: Value, xx: Value): Value => build(b, K(ExtractOp), [input, n, yy, xx, c], [e]).getResult(0);
      if (e instanceof FloatType) {
        const toFloat = (v: Value): Value => castTo(b, A.SIToFPOp, castTo(b, A.IndexCastOp, v, i64), e);
        const dy = bin(b, A.DivFOp, toFloat(y.r), constantOf(b, e, syn));
        const dx = bin(b, A.DivFOp, toFloat(x.r), constantOf(b, e, sxn));
        if (!bilinear) {
          const half = constantOf(b, e, 0.5);
          return [read(select(b, cmpf(b, "oge", dy, half), y.hi, y.lo), select(b, cmpf(b, "oge", dx, half), x.hi, x.lo))];
        }
        const one = constantOf(b, e, 1);
        const [ny, nx] = [bin(b, A.SubFOp, one, dy), bin(b, A.SubFOp, one, dx)];
        const term = (v: Value, wy: Value, wx: Value): Value => bin(b, A.MulFOp, bin(b, A.MulFOp, v, wy), wx);
        let acc = term(read(y.lo, x.lo), ny, nx);
        acc = bin(b, A.AddFOp, acc, term(read(y.lo, x.hi), ny, dx));
        acc = bin(b, A.AddFOp, acc, term(read(y.hi, x.lo), dy, nx));
        return [bin(b, A.AddFOp, acc, term(read(y.hi, x.hi), dy, dx))];
      }
      if (!bilinear) {
        const nearer = (r: Value, scale: number): Value => cmpi(b, "sge", bin(b, A.MulIOp, r, idx(b, 2)), idx(b, scale));
        return [read(select(b, nearer(y.r, syn), y.hi, y.lo), select(b, nearer(x.r, sxn), x.hi, x.lo))];
      }
      const wide = (v: Value): Value => castTo(b, A.IndexCastOp, v, i64);
      const [dy, dx] = [wide(y.r), wide(x.r)];
      const [ny, nx] = [bin(b, A.SubIOp, constantOf(b, i64, syn), dy), bin(b, A.SubIOp, constantOf(b, i64, sxn), dx)];
      const term = (v: Value, wy: Value, wx: Value): Value => bin(b, A.MulIOp, bin(b, A.MulIOp, castTo(b, A.ExtSIOp, v, i64), wy), wx);
      let acc = term(read(y.lo, x.lo), ny, nx);
      acc = bin(b, A.AddIOp, acc, term(read(y.lo, x.hi), ny, dx));
      acc = bin(b, A.AddIOp, acc, term(read(y.hi, x.lo), dy, nx));
      acc = bin(b, A.AddIOp, acc, term(read(y.hi, x.hi), dy, dx));
      const out = resultType.elementType as IntegerType;
      return [out.width === 64 ? acc : castTo(b, A.TruncIOp, acc, out)];
    });
    rw.replaceOp(op, g.results);
    return rw.done();
  },
});
