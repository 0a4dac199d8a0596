/**
 * `convert-index-to-llvm` (MLIR 16's IndexToLLVM.cpp): index ops become llvm ops on the integer type `index`
 * converts to (i64, or `index-bitwidth` bits), with `builtin.unrealized_conversion_cast` where converted and
 * unconverted values meet (reconcile-unrealized-casts removes them once everything is converted).
 *
 *   %0 = index.add %a, %b                 ->  %0 = llvm.add %a, %b  : i64
 *   %1 = index.maxs %a, %b                ->  %1 = llvm.intr.smax(%a, %b)  : (i64, i64) -> i64
 *   %2 = index.cmp ult(%a, %b)            ->  %2 = llvm.icmp "ult" %a, %b : i64
 *   %3 = index.casts %x : i32 to index    ->  %3 = llvm.sext %x : i32 to i64
 *   %4 = index.sizeof                     ->  %4 = llvm.mlir.constant(64 : i64) : i64
 *   %idx7 = index.constant 7              ->  %5 = llvm.mlir.constant(7 : i64) : i64
 *
 * ceildivs, ceildivu and floordivs expand into MLIR 16's branch-free formulas (both branches computed, then a
 * select; the index interpreter computes the same formulas, dialects/index/interp.ts). Constants truncate to
 * the index width, so `index-bitwidth=32` gives the 32-bit program the index folders were careful about.
 * Casts from or to signed and unsigned integers (`si16`, `ui8`) are not lowered: the shared type converter
 * keeps only signless integers (MLIR 16 drops the signedness).
 */
import * as t from "io-ts";
import { isLeft, left } from "fp-ts/lib/Either.js";
import { type Attribute, IntegerAttr } from "../../src/ir/attributes.ts";
import type { OpClassLike } from "../../src/ir/defining.ts";
import type { Operation, OperationInit } from "../../src/ir/operation.ts";
import { IndexType, IntegerType, type Type, i1 } from "../../src/ir/types.ts";
import type { Value } from "../../src/ir/value.ts";
import { definePass } from "../../src/pass/pass.ts";
import { applyPartialConversion, type ConversionPattern, type ConversionRewriter, convert, legality } from "../../src/rewrite/conversion.ts";
import * as X from "../../dialects/index/index.ts";
import * as L from "../../dialects/llvm/index.ts";
import { createBefore } from "../llvm-common/pattern.ts";
import { LLVMTypeConverter } from "../llvm-common/type-converter.ts";

type LLVMOpClass = { create(init: OperationInit): Operation };

/** The integer type `index` converts to under the pattern's type converter. */
function convertedIndex(rw: ConversionRewriter): IntegerType | undefined {
  const ty = rw.typeConverter?.convertType(IndexType.get());
  return ty instanceof IntegerType ? ty : undefined;
}

/**
 * `src` becomes one `dst` op on the converted operands, keeping the op's attributes (MLIR's
 * OneToOneConvertToLLVMPattern copies them all).
 *
 *   Before: %0 = index.shrs %a, %b {tag}       After: %0 = llvm.ashr %a, %b  {tag} : i64
 */
function oneToOne(src: OpClassLike & { readonly info?: { readonly name: string } | undefined }, dst: LLVMOpClass): ConversionPattern {
  const name = `${src.info?.name ?? "?"}-to-llvm`;
  return convert({
    name,
    root: src,
    apply(op: Operation, adaptor, rw) {
      const resultTypes = rw.typeConverter?.convertTypes(op.resultTypes);
      if (resultTypes === undefined) return rw.fail("a result type cannot be converted");
      const attributes: Record<string, Attribute> = Object.fromEntries(op.attributes);
      rw.replaceOp(op, createBefore(rw, op, dst, { operands: adaptor.operands, resultTypes, attributes }).results);
      return rw.done();
    },
  });
}

/** Builds llvm ops before `at`, on integers of type `ty`: the expansions' vocabulary. */
function emitter(rw: ConversionRewriter, at: Operation, ty: IntegerType) {
  const make = (cls: LLVMOpClass, operands: readonly Value[], resultType: Type = ty, attributes: Readonly<Record<string, Attribute>> = {}): Value =>
    createBefore(rw, at, cls, { operands, resultTypes: [resultType], attributes }).getResult(0);
  return {
    constant: (v: number): Value => make(L.ConstantOp, [], ty, { value: IntegerAttr.get(ty, v) }),
    icmp: (pred: L.ICmpPredicateName, a: Value, b: Value): Value => make(L.ICmpOp, [a, b], i1, { predicate: L.ICmpPredicate.get(pred) }),
    select: (c: Value, a: Value, b: Value): Value => make(L.SelectOp, [c, a, b]),
    add: (a: Value, b: Value): Value => make(L.AddOp, [a, b]),
    sub: (a: Value, b: Value): Value => make(L.SubOp, [a, b]),
    sdiv: (a: Value, b: Value): Value => make(L.SDivOp, [a, b]),
    udiv: (a: Value, b: Value): Value => make(L.UDivOp, [a, b]),
    and1: (a: Value, b: Value): Value => make(L.AndOp, [a, b], i1),
  };
}

/** An expansion of a binary op into llvm ops on its converted operands `n` and `m`; returns the result. */
type Expansion = (e: ReturnType<typeof emitter>, n: Value, m: Value) => Value;

function expand(src: OpClassLike & { readonly info?: { readonly name: string } | undefined }, body: Expansion): ConversionPattern {
  return convert({
    name: `${src.info?.name ?? "?"}-to-llvm`,
    root: src,
    apply(op: Operation, adaptor, rw) {
      const ty = convertedIndex(rw);
      const [n, m] = adaptor.operands;
      if (ty === undefined || n === undefined || m === undefined) return rw.fail("index does not convert to an integer");
      const result = body(emitter(rw, op, ty), n, m);
      rw.replaceOp(op, [result]);
      return rw.done();
    },
  });
}

/**
 * ceildivs: `x = m > 0 ? -1 : 1`, then `(n > 0) == (m > 0) && n != 0 ? (n + x) / m + 1 : -(-n / m)`.
 *
 *   Before: %r = index.ceildivs %n, %m
 *   After:  %z, %p, %q = llvm.mlir.constant 0, 1, -1      %mp = llvm.icmp "sgt" %m, %z
 *           %x = llvm.select %mp, %q, %p                  %pos = (%n + %x) sdiv %m + %p
 *           %neg = %z - ((%z - %n) sdiv %m)               %r = llvm.select ((%n sgt 0) eq %mp) and (%n ne 0), %pos, %neg
 */
const ceilDivS = expand(X.CeilDivSOp, (e, n, m) => {
  const [zero, posOne, negOne] = [e.constant(0), e.constant(1), e.constant(-1)];
  const mPos = e.icmp("sgt", m, zero);
  const x = e.select(mPos, negOne, posOne);
  const posRes = e.add(e.sdiv(e.add(n, x), m), posOne);
  const negRes = e.sub(zero, e.sdiv(e.sub(zero, n), m));
  const nPos = e.icmp("sgt", n, zero);
  const sameSign = e.icmp("eq", nPos, mPos);
  const nonZero = e.icmp("ne", n, zero);
  return e.select(e.and1(sameSign, nonZero), posRes, negRes);
});

/**
 * ceildivu: `n == 0 ? 0 : (n - 1) / m + 1`.
 *
 *   Before: %r = index.ceildivu %n, %m
 *   After:  %q = llvm.udiv (%n - 1), %m      %r = llvm.select (%n eq 0), 0, %q + 1
 */
const ceilDivU = expand(X.CeilDivUOp, (e, n, m) => {
  const [zero, one] = [e.constant(0), e.constant(1)];
  const plusOne = e.add(e.udiv(e.sub(n, one), m), one);
  return e.select(e.icmp("eq", n, zero), zero, plusOne);
});

/**
 * floordivs: `x = m < 0 ? 1 : -1`, then `(n < 0) != (m < 0) && n != 0 ? -1 - (x - n) / m : n / m`.
 *
 *   Before: %r = index.floordivs %n, %m
 *   After:  %mn = llvm.icmp "slt" %m, 0     %x = llvm.select %mn, 1, -1     %neg = -1 - ((%x - %n) sdiv %m)
 *           %pos = %n sdiv %m               %r = llvm.select ((%n slt 0) ne %mn) and (%n ne 0), %neg, %pos
 */
const floorDivS = expand(X.FloorDivSOp, (e, n, m) => {
  const [zero, posOne, negOne] = [e.constant(0), e.constant(1), e.constant(-1)];
  const mNeg = e.icmp("slt", m, zero);
  const x = e.select(mNeg, posOne, negOne);
  const negRes = e.sub(negOne, e.sdiv(e.sub(x, n), m));
  const posRes = e.sdiv(n, m);
  const nNeg = e.icmp("slt", n, zero);
  const diffSign = e.icmp("ne", nNeg, mNeg);
  const nonZero = e.icmp("ne", n, zero);
  return e.select(e.and1(diffSign, nonZero), negRes, posRes);
});

/**
 * casts / castu: nothing when the widths agree, else a truncation or a sign / zero extension.
 *
 *   Before: %r = index.casts %x : i32 to index      After: %r = llvm.sext %x : i32 to i64
 *   Before: %r = index.castu %i : index to i8       After: %r = llvm.trunc %i : i64 to i8
 */
function cast(src: typeof X.CastSOp | typeof X.CastUOp, ext: typeof L.SExtOp | typeof L.ZExtOp): ConversionPattern {
  return convert({
    name: `${src.info?.name ?? "?"}-to-llvm`,
    root: src,
    apply(op, adaptor, rw) {
      const input = adaptor.operands[0];
      const out = rw.typeConverter?.convertType(op.output.type);
      if (input === undefined || !(input.type instanceof IntegerType) || !(out instanceof IntegerType)) return rw.fail("not a cast between integers after conversion");
      if (input.type === out) {
        rw.replaceOp(op, [input]);
        return rw.done();
      }
      const cls = input.type.width > out.width ? L.TruncOp : ext;
      rw.replaceOp(op, createBefore(rw, op, cls, { operands: [input], resultTypes: [out] }).results);
      return rw.done();
    },
  });
}

/**
 * cmp: llvm.icmp with the same predicate (the two enums have the same cases).
 *
 *   Before: %r = index.cmp sge(%a, %b)      After: %r = llvm.icmp "sge" %a, %b : i64
 */
const cmp = convert({
  name: "index.cmp-to-llvm",
  root: X.CmpOp,
  apply(op, adaptor, rw) {
    const attributes = { predicate: L.ICmpPredicate.get(op.pred.value) };
    rw.replaceOp(op, createBefore(rw, op, L.ICmpOp, { operands: adaptor.operands, resultTypes: [i1], attributes }).results);
    return rw.done();
  },
});

/**
 * sizeof: the index width, a constant.
 *
 *   Before: %n = index.sizeof           After: %n = llvm.mlir.constant(64 : i64) : i64
 */
const sizeOf = convert({
  name: "index.sizeof-to-llvm",
  root: X.SizeOfOp,
  apply(op, _adaptor, rw) {
    const ty = convertedIndex(rw);
    if (ty === undefined) return rw.fail("index does not convert to an integer");
    rw.replaceOp(op, createBefore(rw, op, L.ConstantOp, { resultTypes: [ty], attributes: { value: IntegerAttr.get(ty, ty.width) } }).results);
    return rw.done();
  },
});

/**
 * constant: the value truncated to the index width (IntegerAttr.get wraps it).
 *
 *   Before: %idx7 = index.constant 7    After: %0 = llvm.mlir.constant(7 : i64) : i64
 */
const constant = convert({
  name: "index.constant-to-llvm",
  root: X.ConstantOp,
  apply(op, _adaptor, rw) {
    const ty = convertedIndex(rw);
    if (ty === undefined) return rw.fail("index does not convert to an integer");
    rw.replaceOp(op, createBefore(rw, op, L.ConstantOp, { resultTypes: [ty], attributes: { value: IntegerAttr.get(ty, op.value.value) } }).results);
    return rw.done();
  },
});

/** Every pattern of convert-index-to-llvm, in MLIR 16's order. */
export const indexToLLVMPatterns: readonly ConversionPattern[] = [
  oneToOne(X.AddOp, L.AddOp),
  oneToOne(X.SubOp, L.SubOp),
  oneToOne(X.MulOp, L.MulOp),
  oneToOne(X.DivSOp, L.SDivOp),
  oneToOne(X.DivUOp, L.UDivOp),
  oneToOne(X.RemSOp, L.SRemOp),
  oneToOne(X.RemUOp, L.URemOp),
  oneToOne(X.MaxSOp, L.binaryIntIntrinsics.smax),
  oneToOne(X.MaxUOp, L.binaryIntIntrinsics.umax),
  oneToOne(X.MinSOp, L.binaryIntIntrinsics.smin),
  oneToOne(X.MinUOp, L.binaryIntIntrinsics.umin),
  oneToOne(X.ShlOp, L.ShlOp),
  oneToOne(X.ShrSOp, L.AShrOp),
  oneToOne(X.ShrUOp, L.LShrOp),
  oneToOne(X.AndOp, L.AndOp),
  oneToOne(X.OrOp, L.OrOp),
  oneToOne(X.XOrOp, L.XOrOp),
  ceilDivS,
  ceilDivU,
  floorDivS,
  cast(X.CastSOp, L.SExtOp),
  cast(X.CastUOp, L.ZExtOp),
  cmp,
  sizeOf,
  constant,
  oneToOne(X.BoolConstantOp, L.ConstantOp),
];

export const convertIndexToLLVMPass = definePass({
  name: "convert-index-to-llvm",
  displayName: "ConvertIndexToLLVMPass",
  summary: "Lower the `index` dialect to the `llvm` dialect.",
  description: "Rewrites index ops as llvm ops; `index` becomes an integer of `index-bitwidth` bits (64 when 0).",
  options: t.type({ indexBitwidth: t.Int }),
  defaults: { indexBitwidth: 0 as t.Int },
  optionDocs: { indexBitwidth: "Bitwidth of the index type, 0 to use size of machine word" },
  run(op, pctx, opts) {
    const typeConverter = new LLVMTypeConverter({ indexBitwidth: opts.indexBitwidth });
    const target = legality().legalDialect("llvm").illegalDialect("index");
    const listener = pctx.rewriteListener;
    const r = applyPartialConversion(op, target, indexToLLVMPatterns, { ctx: pctx.context, typeConverter, ...(listener === undefined ? {} : { listener }) });
    if (isLeft(r)) return left([r.left]);
    return { changed: r.right.converted > 0 };
  },
});
