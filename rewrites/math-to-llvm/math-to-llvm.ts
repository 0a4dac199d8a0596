/**
 * `convert-math-to-llvm` (MLIR 16's MathToLLVM.cpp): math ops on scalars and 1-D vectors become the LLVM
 * intrinsics LLVM has for them, fast-math flags carried over.
 *
 *   %0 = math.sqrt %x fastmath<fast> : f32  ->  %0 = llvm.intr.sqrt(%x)  {fastmathFlags = #llvm.fastmath<fast>} : (f32) -> f32
 *   %1 = math.fma %a, %b, %c : f32          ->  %1 = llvm.intr.fma(%a, %b, %c)  : (f32, f32, f32) -> f32
 *   %2 = math.ctlz %i : i32                 ->  %f = llvm.mlir.constant(false) : i1
 *                                               %2 = "llvm.intr.ctlz"(%i, %f) : (i32, i1) -> i32
 *
 * Not lowered here: expm1, log1p and rsqrt (MLIR 16 expands them into exp/log/sqrt and arithmetic: not ported),
 * and the ops LLVM has no intrinsic for (atan, atan2, erf, tan, tanh, cbrt, ipowi): the approximations
 * (math-polynomial-approximation) or libm calls take those. Ops on n-D vectors are not unrolled.
 */
import { isLeft, left } from "fp-ts/lib/Either.js";
import { IntegerAttr } from "../../src/ir/attributes.ts";
import { i1 } from "../../src/ir/types.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, convert, legality } from "../../src/rewrite/conversion.ts";
import type { OpClassLike } from "../../src/ir/defining.ts";
import * as M from "../../dialects/math/index.ts";
import * as L from "../../dialects/llvm/index.ts";
import { LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { allScalarOr1D, createBefore, oneToOne } from "../llvm-common/pattern.ts";

/**
 * ctlz / cttz / absi: the intrinsic with its i1 flag false (zero / INT_MIN give a defined result, as math's do).
 *
 *   Before: %0 = math.cttz %i : i32
 *   After:  %f = llvm.mlir.constant(false) : i1      %0 = "llvm.intr.cttz"(%i, %f) : (i32, i1) -> i32
 */
function withFalseFlag(name: string, root: OpClassLike, dst: { create(init: import("../../src/ir/operation.ts").OperationInit): import("../../src/ir/operation.ts").Operation }): ConversionPattern {
  return convert({
    name,
    root,
    apply(op, adaptor, rw) {
      const type = rw.typeConverter?.convertType(op.getResult(0).type);
      if (type === undefined || !allScalarOr1D([type])) return rw.fail("n-D vectors are not unrolled");
      const flag = createBefore(rw, op, L.ConstantOp, { resultTypes: [i1], attributes: { value: IntegerAttr.get(i1, 0) } }).getResult(0);
      const r = createBefore(rw, op, dst, { operands: [...adaptor.operands, flag], resultTypes: [type] });
      rw.replaceOp(op, r.results);
      return rw.done();
    },
  });
}

const U = L.unaryFloatIntrinsics;
const B = L.binaryFloatIntrinsics;
const fmf = { fastmath: true };

/** Every pattern of convert-math-to-llvm. */
export const mathToLLVMPatterns: readonly ConversionPattern[] = [
  oneToOne("math.absf-to-llvm", M.AbsFOp, U.fabs, fmf),
  oneToOne("math.ceil-to-llvm", M.CeilOp, U.ceil, fmf),
  oneToOne("math.copysign-to-llvm", M.CopySignOp, B.copysign, fmf),
  oneToOne("math.cos-to-llvm", M.CosOp, U.cos, fmf),
  oneToOne("math.exp-to-llvm", M.ExpOp, U.exp, fmf),
  oneToOne("math.exp2-to-llvm", M.Exp2Op, U.exp2, fmf),
  oneToOne("math.floor-to-llvm", M.FloorOp, U.floor, fmf),
  oneToOne("math.fma-to-llvm", M.FmaOp, L.ternaryFloatIntrinsics.fma, fmf),
  oneToOne("math.log-to-llvm", M.LogOp, U.log, fmf),
  oneToOne("math.log10-to-llvm", M.Log10Op, U.log10, fmf),
  oneToOne("math.log2-to-llvm", M.Log2Op, U.log2, fmf),
  oneToOne("math.powf-to-llvm", M.PowFOp, B.pow, fmf),
  oneToOne("math.fpowi-to-llvm", M.FPowIOp, L.PowIOp, fmf),
  oneToOne("math.roundeven-to-llvm", M.RoundEvenOp, U.roundeven, fmf),
  oneToOne("math.round-to-llvm", M.RoundOp, U.round, fmf),
  oneToOne("math.sin-to-llvm", M.SinOp, U.sin, fmf),
  oneToOne("math.sqrt-to-llvm", M.SqrtOp, U.sqrt, fmf),
  oneToOne("math.trunc-to-llvm", M.TruncOp, U.trunc, fmf),
  oneToOne("math.ctpop-to-llvm", M.CtPopOp, L.unaryIntIntrinsics.ctpop),
  withFalseFlag("math.ctlz-to-llvm", M.CountLeadingZerosOp, L.countZerosIntrinsics.ctlz),
  withFalseFlag("math.cttz-to-llvm", M.CountTrailingZerosOp, L.countZerosIntrinsics.cttz),
  withFalseFlag("math.absi-to-llvm", M.AbsIOp, L.AbsOp),
];

export const convertMathToLLVMPass = definePass({
  name: "convert-math-to-llvm",
  displayName: "ConvertMathToLLVMPass",
  summary: "Convert Math dialect to LLVM dialect",
  description: "Rewrites the math ops LLVM has intrinsics for (on scalars and 1-D vectors) as those intrinsics.",
  run(op, pctx) {
    const typeConverter = new LLVMTypeConverter();
    // As MLIR 16: the math ops with a lowering are illegal, the others are left alone.
    const target = legality().legalDialect("llvm");
    for (const p of mathToLLVMPatterns) if (p.rootName !== undefined) target.illegalOp(p.rootName);
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, mathToLLVMPatterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
