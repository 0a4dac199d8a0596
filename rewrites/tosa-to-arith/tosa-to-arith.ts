/**
 * `tosa-to-arith` (MLIR 16's pass of that name, options `include-apply-rescale` and `use-32-bit`): tosa.const
 * becomes arith.constant; with `include-apply-rescale`, tosa.apply_scale becomes arith on i64 (MLIR 16's
 * ApplyScaleGenericOpConverter). A partial conversion: other ops stay.
 *
 * `use-32-bit` selects MLIR 16's ApplyScale32BitOpConverter (the same value computed with i32 operations only,
 * for targets without 64-bit multiplies); Tensile accepts the option and computes with the i64 lowering, which
 * gives the same results (both are exact for apply_scale's defined inputs).
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { IntegerType, type Type, i32, i64 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, convert, legality } from "../../src/rewrite/conversion.ts";
import * as A from "../../dialects/arith/index.ts";
import * as T from "../../dialects/tosa/index.ts";
import { constant, constantOf } from "../tosa-to-linalg/build.ts";
import { bin, castTo, cmpi, select } from "../tosa-to-linalg/elementwise-body.ts";

/**
 * tosa.const -> arith.constant of the same value.
 *   %0 = "tosa.const"() {value = dense<1.0> : tensor<4xf32>} : () -> tensor<4xf32>
 *   %0 = arith.constant dense<1.000000e+00> : tensor<4xf32>
 */
export const constToArith = convert({
  name: "tosa-to-arith-const",
  root: T.ConstOp,
  apply(op, _adaptor, rw) {
    const value = op.attr("value");
    if (value === undefined) return rw.fail("no value");
    rw.replaceOp(op, [constant(rw, value, op.getResult(0).type)]);
    return rw.done();
  },
});

/**
 * tosa.apply_scale on scalars -> (sext(value) * sext(multiplier) + round) >> shift in i64, truncated to i32;
 * with double_round, round moves by +-2^30 when shift > 31.
 *   %r = "tosa.apply_scale"(%v, %m, %s) {double_round = false} : (i32, i32, i8) -> i32
 *
 *   %c1_i64 = arith.constant 1 : i64                  %s32 = arith.extui %s : i8 to i32
 *   %v64 = arith.extsi %v : i32 to i64                 %m64 = arith.extsi %m : i32 to i64
 *   %p = arith.muli %v64, %m64 : i64                   %s64 = arith.extui %s32 : i32 to i64
 *   %h = arith.shli %c1_i64, %s64 : i64                %round = arith.shrui %h, %c1_i64 : i64
 *   %q = arith.addi %p, %round : i64                   %x = arith.shrsi %q, %s64 : i64
 *   %r = arith.trunci %x : i64 to i32
 */
export const applyScaleToArith = convert({
  name: "tosa-to-arith-apply-scale",
  root: T.ApplyScaleOp,
  apply(op, _adaptor, rw) {
    const [value, multiplier, shift] = op.operands as [Value, Value, Value];
    const resultType: Type = op.getResult(0).type;
    if (!(value.type instanceof IntegerType) || !(resultType instanceof IntegerType)) return rw.fail("apply_scale on tensors or vectors is not supported");
    const zero = constantOf(rw, value.type, 0);
    const one64 = constantOf(rw, i64, 1);
    const thirtyOne = constantOf(rw, i32, 31);
    const shift32 = castTo(rw, A.ExtUIOp, shift, i32);
    const value64 = castTo(rw, A.ExtSIOp, value, i64);
    const multiplier64 = castTo(rw, A.ExtSIOp, multiplier, i64);
    let product = bin(rw, A.MulIOp, value64, multiplier64);
    const shift64 = castTo(rw, A.ExtUIOp, shift32, i64);
    const round = bin(rw, A.ShRUIOp, bin(rw, A.ShLIOp, one64, shift64), one64);
    product = bin(rw, A.AddIOp, product, round);
    if (((op.attr("double_round") as IntegerAttr | undefined)?.value ?? 0n) !== 0n) {
      const up = constantOf(rw, i64, 1 << 30);
      const down = constantOf(rw, i64, -(1 << 30));
      const direction = select(rw, cmpi(rw, "sge", value, zero), up, down);
      const moved = bin(rw, A.AddIOp, direction, product);
      product = select(rw, cmpi(rw, "sgt", shift32, thirtyOne), moved, product);
    }
    const shifted = bin(rw, A.ShRSIOp, product, shift64);
    rw.replaceOp(op, [resultType.width === 64 ? shifted : castTo(rw, A.TruncIOp, shifted, resultType)]);
    return rw.done();
  },
});

export const tosaToArithPatterns = [constToArith, applyScaleToArith] as const;

export const tosaToArithPass = definePass({
  name: "tosa-to-arith",
  displayName: "TosaToArith",
  summary: "Lower TOSA to the Arith dialect",
  description: "tosa.const to arith.constant; with include-apply-rescale, tosa.apply_scale to arith.",
  options: t.type({ includeApplyRescale: t.boolean, use_32_bit: t.boolean }),
  defaults: { includeApplyRescale: false, use_32_bit: false },
  run(op, pctx, options) {
    const target = legality().illegalOp(T.ConstOp).legalDialect("arith");
    const patterns = [constToArith, ...(options.includeApplyRescale ? [applyScaleToArith] : [])];
    if (options.includeApplyRescale) target.illegalOp(T.ApplyScaleOp);
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, patterns, { ctx: pctx.context, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
