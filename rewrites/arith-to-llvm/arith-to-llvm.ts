/**
 * `convert-arith-to-llvm` (MLIR 16's ArithToLLVM.cpp): arith ops on scalars and 1-D vectors become llvm ops,
 * `index` becomes i64 (option `index-bitwidth`), with `builtin.unrealized_conversion_cast` where converted and
 * unconverted values meet (reconcile-unrealized-casts removes them once everything is converted).
 *
 *   %0 = arith.addi %a, %b : i32          ->  %0 = llvm.add %a, %b  : i32
 *   %1 = arith.cmpf ogt, %x, %y : f32     ->  %1 = llvm.fcmp "ogt" %x, %y : f32
 *   %2 = arith.maxf %x, %y : f32          ->  %2 = llvm.intr.maxnum(%x, %y)  : (f32, f32) -> f32
 *   %3 = arith.index_cast %i : i32 to index  ->  %3 = llvm.sext %i : i32 to i64
 *   %c = arith.constant 42 : index        ->  %c = llvm.mlir.constant(42 : index) : i64
 *
 * As in MLIR 16, arith.maxf / minf lower to llvm.intr.maxnum / minnum, which return the other operand for one
 * NaN where arith's documented semantics gives NaN (LLVM's backends cannot select llvm.intr.maximum on x86;
 * see the property test's NaN-free inputs for these two). Ops on n-D vectors: constants become one constant of
 * the array type and the one-to-one ops are unrolled over the arrays' 1-D vectors, as in MLIR 16
 * (llvm-common/pattern.ts's unrollNDVector). Not lowered (the conversion fails on them, naming the op):
 * ceildivsi, ceildivui, floordivsi (run arith-expand first, as MLIR requires), and cmpi, cmpf, index casts and
 * the extended ops on n-D vectors (MLIR unrolls those too; not ported yet).
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { DenseArrayAttr, DenseElementsAttr, IntegerAttr } from "../../src/ir/attributes.ts";
import { IntegerType, type Type, VectorType } from "../../src/ir/types.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, convert, legality } from "../../src/rewrite/conversion.ts";
import * as A from "../../dialects/arith/index.ts";
import * as L from "../../dialects/llvm/index.ts";
import { bf16AsBits, LLVMTypeConverter } from "../llvm-common/type-converter.ts";
import { allScalarOr1D, createBefore, oneToOne } from "../llvm-common/pattern.ts";

/** The integer width of a scalar or vector type's elements. */
const widthOf = (t: Type): number | undefined => {
  const e = t instanceof VectorType ? t.elementType : t;
  return e instanceof IntegerType ? e.width : undefined;
};

/**
 * index_cast / index_castui: sign- or zero-extension, a truncation, or nothing when the widths agree.
 *
 *   Before: %1 = arith.index_cast %i : i32 to index       After: %1 = llvm.sext %i : i32 to i64
 */
function indexCast(name: string, src: typeof A.IndexCastOp | typeof A.IndexCastUIOp, ext: typeof L.SExtOp | typeof L.ZExtOp): ConversionPattern {
  return convert({
    name,
    root: src,
    apply(op, adaptor, rw) {
      if (!allScalarOr1D([op.in.type, op.out.type])) return rw.fail("n-D vectors are not unrolled");
      const target = rw.typeConverter?.convertType(op.out.type);
      const source = adaptor.operands[0];
      if (target === undefined || source === undefined) return rw.fail("the types cannot be converted");
      const from = widthOf(source.type);
      const to = widthOf(target);
      if (from === undefined || to === undefined) return rw.fail("not an integer cast");
      if (from === to) {
        rw.replaceOp(op, [source]);
        return rw.done();
      }
      const cls = to > from ? ext : L.TruncOp;
      rw.replaceOp(op, createBefore(rw, op, cls, { operands: [source], resultTypes: [target] }).results);
      return rw.done();
    },
  });
}

/**
 * arith.constant -> llvm.mlir.constant of the converted type, keeping the attribute (an index constant keeps
 * its `index` attribute, as MLIR 16 prints it).
 *
 *   Before: %c = arith.constant 42 : index        After: %c = llvm.mlir.constant(42 : index) : i64
 */
const constant = convert({
  name: "arith.constant-to-llvm",
  root: A.ConstantOp,
  apply(op, _adaptor, rw) {
    const type = rw.typeConverter?.convertType(op.result.type);
    if (type === undefined || !L.isCompatibleType(type)) return rw.fail("the constant's type has no LLVM counterpart");
    rw.replaceOp(op, createBefore(rw, op, L.ConstantOp, { resultTypes: [type], attributes: { value: bf16AsBits(op.value) } }).results);
    return rw.done();
  },
});

/**
 * bitcast between types that convert to the same one (bf16 <-> i16, both i16 in the llvm dialect): nothing.
 * (Other bitcasts become llvm.bitcast, one to one.)
 *
 *   Before: %b = arith.bitcast %x : bf16 to i16   After: uses of %b use %x (an i16)
 */
const bitcastToSameType = convert({
  name: "arith.bitcast-same-type-to-llvm",
  root: A.BitcastOp,
  benefit: 2,
  apply(op, adaptor, rw) {
    const type = rw.typeConverter?.convertType(op.out.type);
    const source = adaptor.operands[0];
    if (type === undefined || source === undefined || source.type !== type) return rw.fail("the types convert to different ones");
    rw.replaceOp(op, [source]);
    return rw.done();
  },
});

/**
 * cmpi / cmpf -> icmp / fcmp with the same predicate (fcmp's constant predicates are `_false` / `_true`).
 *
 *   Before: %0 = arith.cmpi slt, %a, %b : i32     After: %0 = llvm.icmp "slt" %a, %b : i32
 */
const cmpi = convert({
  name: "arith.cmpi-to-llvm",
  root: A.CmpIOp,
  apply(op, adaptor, rw) {
    if (!allScalarOr1D([op.lhs.type])) return rw.fail("n-D vectors are not unrolled");
    const pred = A.cmpiPredicateName(op.predicate);
    const type = rw.typeConverter?.convertType(op.result.type);
    if (pred === undefined || type === undefined) return rw.fail("bad predicate or type");
    const r = createBefore(rw, op, L.ICmpOp, { operands: adaptor.operands, resultTypes: [type], attributes: { predicate: L.ICmpPredicate.get(pred) } });
    rw.replaceOp(op, r.results);
    return rw.done();
  },
});
const cmpf = convert({
  name: "arith.cmpf-to-llvm",
  root: A.CmpFOp,
  apply(op, adaptor, rw) {
    if (!allScalarOr1D([op.lhs.type])) return rw.fail("n-D vectors are not unrolled");
    const pred = A.cmpfPredicateName(op.predicate);
    const type = rw.typeConverter?.convertType(op.result.type);
    if (pred === undefined || type === undefined) return rw.fail("bad predicate or type");
    const llvmPred = pred === "false" ? "_false" : pred === "true" ? "_true" : pred;
    const attributes = { predicate: L.FCmpPredicate.get(llvmPred), fastmathFlags: L.FastmathFlagsAttr.none() };
    rw.replaceOp(op, createBefore(rw, op, L.FCmpOp, { operands: adaptor.operands, resultTypes: [type], attributes }).results);
    return rw.done();
  },
});

/**
 * addui_extended -> llvm.intr.uadd.with.overflow and two extractvalues.
 *
 *   Before: %s, %o = arith.addui_extended %a, %b : i32, i1
 *   After:  %0 = "llvm.intr.uadd.with.overflow"(%a, %b) : (i32, i32) -> !llvm.struct<(i32, i1)>
 *           %s = llvm.extractvalue %0[0] : !llvm.struct<(i32, i1)>
 *           %o = llvm.extractvalue %0[1] : !llvm.struct<(i32, i1)>
 */
const addUIExtended = convert({
  name: "arith.addui_extended-to-llvm",
  root: A.AddUIExtendedOp,
  apply(op, adaptor, rw) {
    const sum = rw.typeConverter?.convertType(op.sum.type);
    const overflow = rw.typeConverter?.convertType(op.overflow.type);
    if (sum === undefined || overflow === undefined || sum instanceof L.LLVMArrayType) return rw.fail("n-D vectors are not unrolled");
    const pair = L.LLVMStructType.get([sum, overflow]);
    const add = createBefore(rw, op, L.withOverflowIntrinsics["uadd.with.overflow"], { operands: adaptor.operands, resultTypes: [pair] });
    const field = (i: number, ty: Type) =>
      createBefore(rw, op, L.ExtractValueOp, { operands: [add.getResult(0)], resultTypes: [ty], attributes: { position: i64Array([i]) } }).getResult(0);
    rw.replaceOp(op, [field(0, sum), field(1, overflow)]);
    return rw.done();
  },
});

const i64Array = (xs: readonly number[]): DenseArrayAttr => DenseArrayAttr.get(IntegerType.get(64), xs.map(BigInt));

/**
 * mulsi_extended / mului_extended: the product at double width, its low half, and its high half shifted down.
 *
 *   Before: %l, %h = arith.mulsi_extended %a, %b : i32
 *   After:  %0 = llvm.sext %a : i32 to i64    %1 = llvm.sext %b : i32 to i64    %2 = llvm.mul %0, %1  : i64
 *           %l = llvm.trunc %2 : i64 to i32   %c = llvm.mlir.constant(32 : i64) : i64
 *           %3 = llvm.lshr %2, %c  : i64      %h = llvm.trunc %3 : i64 to i32
 */
function mulExtended(name: string, root: typeof A.MulSIExtendedOp | typeof A.MulUIExtendedOp, ext: typeof L.SExtOp | typeof L.ZExtOp): ConversionPattern {
  return convert({
    name,
    root,
    apply(op, adaptor, rw) {
      const type = rw.typeConverter?.convertType(op.low.type);
      const n = type === undefined ? undefined : widthOf(type);
      if (type === undefined || n === undefined || !allScalarOr1D([type])) return rw.fail("n-D vectors are not unrolled");
      const wide = type instanceof VectorType ? VectorType.get(type.shape, IntegerType.get(2 * n), type.scalableDims) : IntegerType.get(2 * n);
      const [a, b] = adaptor.operands.map((v) => createBefore(rw, op, ext, { operands: [v], resultTypes: [wide] }).getResult(0));
      const product = createBefore(rw, op, L.MulOp, { operands: [a as never, b as never], resultTypes: [wide] }).getResult(0);
      const low = createBefore(rw, op, L.TruncOp, { operands: [product], resultTypes: [type] }).getResult(0);
      const shiftValue = wide instanceof VectorType ? denseSplat(wide, n) : IntegerAttr.get(wide, n);
      const shift = createBefore(rw, op, L.ConstantOp, { resultTypes: [wide], attributes: { value: shiftValue } }).getResult(0);
      const highWide = createBefore(rw, op, L.LShrOp, { operands: [product, shift], resultTypes: [wide] }).getResult(0);
      const high = createBefore(rw, op, L.TruncOp, { operands: [highWide], resultTypes: [type] }).getResult(0);
      rw.replaceOp(op, [low, high]);
      return rw.done();
    },
  });
}

function denseSplat(type: VectorType, value: number): DenseElementsAttr {
  return DenseElementsAttr.splat(type, BigInt(value));
}

/** Every pattern of convert-arith-to-llvm. */
export const arithToLLVMPatterns: readonly ConversionPattern[] = [
  oneToOne("arith.addi-to-llvm", A.AddIOp, L.AddOp),
  oneToOne("arith.subi-to-llvm", A.SubIOp, L.SubOp),
  oneToOne("arith.muli-to-llvm", A.MulIOp, L.MulOp),
  oneToOne("arith.divui-to-llvm", A.DivUIOp, L.UDivOp),
  oneToOne("arith.divsi-to-llvm", A.DivSIOp, L.SDivOp),
  oneToOne("arith.remui-to-llvm", A.RemUIOp, L.URemOp),
  oneToOne("arith.remsi-to-llvm", A.RemSIOp, L.SRemOp),
  oneToOne("arith.andi-to-llvm", A.AndIOp, L.AndOp),
  oneToOne("arith.ori-to-llvm", A.OrIOp, L.OrOp),
  oneToOne("arith.xori-to-llvm", A.XOrIOp, L.XOrOp),
  oneToOne("arith.shli-to-llvm", A.ShLIOp, L.ShlOp),
  oneToOne("arith.shrui-to-llvm", A.ShRUIOp, L.LShrOp),
  oneToOne("arith.shrsi-to-llvm", A.ShRSIOp, L.AShrOp),
  oneToOne("arith.maxsi-to-llvm", A.MaxSIOp, L.binaryIntIntrinsics.smax),
  oneToOne("arith.maxui-to-llvm", A.MaxUIOp, L.binaryIntIntrinsics.umax),
  oneToOne("arith.minsi-to-llvm", A.MinSIOp, L.binaryIntIntrinsics.smin),
  oneToOne("arith.minui-to-llvm", A.MinUIOp, L.binaryIntIntrinsics.umin),
  oneToOne("arith.addf-to-llvm", A.AddFOp, L.FAddOp, { fastmath: true }),
  oneToOne("arith.subf-to-llvm", A.SubFOp, L.FSubOp, { fastmath: true }),
  oneToOne("arith.mulf-to-llvm", A.MulFOp, L.FMulOp, { fastmath: true }),
  oneToOne("arith.divf-to-llvm", A.DivFOp, L.FDivOp, { fastmath: true }),
  oneToOne("arith.remf-to-llvm", A.RemFOp, L.FRemOp, { fastmath: true }),
  oneToOne("arith.negf-to-llvm", A.NegFOp, L.FNegOp, { fastmath: true }),
  oneToOne("arith.maxf-to-llvm", A.MaxFOp, L.binaryFloatIntrinsics.maxnum, { fastmath: true }),
  oneToOne("arith.minf-to-llvm", A.MinFOp, L.binaryFloatIntrinsics.minnum, { fastmath: true }),
  oneToOne("arith.extui-to-llvm", A.ExtUIOp, L.ZExtOp),
  oneToOne("arith.extsi-to-llvm", A.ExtSIOp, L.SExtOp),
  oneToOne("arith.trunci-to-llvm", A.TruncIOp, L.TruncOp),
  oneToOne("arith.extf-to-llvm", A.ExtFOp, L.FPExtOp),
  oneToOne("arith.truncf-to-llvm", A.TruncFOp, L.FPTruncOp),
  oneToOne("arith.uitofp-to-llvm", A.UIToFPOp, L.UIToFPOp),
  oneToOne("arith.sitofp-to-llvm", A.SIToFPOp, L.SIToFPOp),
  oneToOne("arith.fptoui-to-llvm", A.FPToUIOp, L.FPToUIOp),
  oneToOne("arith.fptosi-to-llvm", A.FPToSIOp, L.FPToSIOp),
  oneToOne("arith.bitcast-to-llvm", A.BitcastOp, L.BitcastOp),
  bitcastToSameType,
  oneToOne("arith.select-to-llvm", A.SelectOp, L.SelectOp),
  indexCast("arith.index_cast-to-llvm", A.IndexCastOp, L.SExtOp),
  indexCast("arith.index_castui-to-llvm", A.IndexCastUIOp, L.ZExtOp),
  constant,
  cmpi,
  cmpf,
  addUIExtended,
  mulExtended("arith.mulsi_extended-to-llvm", A.MulSIExtendedOp, L.SExtOp),
  mulExtended("arith.mului_extended-to-llvm", A.MulUIExtendedOp, L.ZExtOp),
];

export const convertArithToLLVMPass = definePass({
  name: "convert-arith-to-llvm",
  displayName: "ArithToLLVMConversionPass",
  summary: "Convert Arith dialect to LLVM dialect",
  description: "Rewrites arith ops on scalars and 1-D vectors as llvm ops; `index` becomes an integer of `index-bitwidth` bits (64 when 0).",
  options: t.type({ indexBitwidth: t.Int }),
  defaults: { indexBitwidth: 0 as t.Int },
  optionDocs: { indexBitwidth: "Bitwidth of the index type, 0 to use size of machine word" },
  run(op, pctx, opts) {
    const typeConverter = new LLVMTypeConverter({ indexBitwidth: opts.indexBitwidth });
    const target = legality().legalDialect("llvm").illegalDialect("arith");
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, arithToLLVMPatterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});

